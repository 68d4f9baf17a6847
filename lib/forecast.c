/*
 * forecast: accumulation per group, learned win rates, weighting and the
 * P10/P50/P90 range.  Sums of money are integer cents throughout; only
 * the spread of the normal approximation is computed in floating point,
 * and it is rounded to the cent before it meets a money value.
 */
#include <err.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "forecast.h"
#include "money.h"
#include "natcmp.h"
#include "opts.h"
#include "xalloc.h"

static const char *const level_name[FC_NLEVELS] = { "rep", "team", "total" };


/* Stage maps. */

void
fc_stagemap_init(struct fc_stagemap *m)
{
	memset(m, 0, sizeof *m);
	m->dflt = -1;
}

void
fc_stagemap_free(struct fc_stagemap *m)
{
	free(m->key);
	free(m->value);
	fc_stagemap_init(m);
}

/* Reads one value of a stage map; -1 when it is not one. */
typedef int (*value_parser)(const char *s);

static int
prob_value(const char *s)
{
	return prob_parse(s, strlen(s), PROB_BY_VALUE);
}

static int
cat_value(const char *s)
{
	return fc_cat_parse(s, strlen(s));
}

static void
stagemap_parse(struct fc_stagemap *m, const char *opt, const char *arg,
    value_parser parse, const char *what)
{
	struct kv *kv;
	size_t n = kvlist_parse(opt, arg, &kv);

	fc_stagemap_free(m);
	m->key = xreallocarray(NULL, n ? n : 1, sizeof *m->key);
	m->value = xreallocarray(NULL, n ? n : 1, sizeof *m->value);
	for (size_t i = 0; i < n; i++) {
		int v = parse(kv[i].value);
		if (v < 0)
			errx(EXIT_USAGE, "%s: cannot read \"%s\" as %s", opt,
			    kv[i].value, what);
		if (kv[i].name == NULL) {
			m->dflt = v;
			continue;
		}
		stage_key(kv[i].name, strlen(kv[i].name), m->key[m->n]);
		m->value[m->n++] = v;
	}
	kv_free(kv, n);
}

void
fc_stagemap_probs(struct fc_stagemap *m, const char *opt, const char *arg)
{
	stagemap_parse(m, opt, arg, prob_value, "a probability");
}

void
fc_stagemap_cats(struct fc_stagemap *m, const char *opt, const char *arg)
{
	stagemap_parse(m, opt, arg, cat_value,
	    "a forecast category (Commit, Best Case, Pipeline, Omitted)");
}

int
fc_stagemap_get(const struct fc_stagemap *m, const char *stage, size_t len)
{
	char key[STAGE_KEY_SZ];

	if (m->n == 0)
		return m->dflt;
	stage_key(stage, len, key);
	for (size_t i = 0; i < m->n; i++)
		if (strcmp(m->key[i], key) == 0)
			return m->value[i];
	return m->dflt;
}

int
fc_cat_parse(const char *s, size_t len)
{
	static const struct {
		const char *key;
		enum fc_cat cat;
	} names[] = {
		{ "pipeline", FC_CAT_PIPELINE },
		{ "bestcase", FC_CAT_BEST_CASE },
		{ "best", FC_CAT_BEST_CASE },
		{ "upside", FC_CAT_BEST_CASE },
		{ "commit", FC_CAT_COMMIT },
		{ "committed", FC_CAT_COMMIT },
		/*
		 * An open deal filed under Closed or Won has been called
		 * by its rep: the strongest open category is Commit.
		 */
		{ "closed", FC_CAT_COMMIT },
		{ "won", FC_CAT_COMMIT },
		{ "omitted", FC_CAT_OMITTED },
		{ "omit", FC_CAT_OMITTED },
		{ "lost", FC_CAT_OMITTED },
	};
	char key[STAGE_KEY_SZ];

	stage_key(s, len, key);
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(key, names[i].key) == 0)
			return (int)names[i].cat;
	return -1;
}

/* Setting up. */

void
fc_opts_default(struct fc_opts *o)
{
	memset(o, 0, sizeof *o);
	o->start = o->end = o->as_of = DATE_NONE;
	o->levels = FC_LEVEL_BIT(FC_REP) | FC_LEVEL_BIT(FC_TOTAL);
	o->ranges = true;
	o->trials = FC_DEFAULT_TRIALS;
	o->seed = FC_DEFAULT_SEED;
	fc_stagemap_init(&o->stage_prob);
	fc_stagemap_init(&o->category);
}

void
fc_init(struct forecast *f, const struct fc_opts *opt)
{
	memset(f, 0, sizeof *f);
	f->opt = *opt;
	for (int l = 0; l < FC_NLEVELS; l++)
		strmap_init(&f->names[l]);
	strmap_init(&f->unknown_cat);
}

void
fc_free(struct forecast *f)
{
	for (int l = 0; l < FC_NLEVELS; l++) {
		for (size_t i = 0; i < f->names[l].n; i++)
			free(f->group[l][i].open);
		free(f->group[l]);
		strmap_free(&f->names[l]);
	}
	free(f->rep);
	strmap_free(&f->unknown_cat);
	memset(f, 0, sizeof *f);
}

static bool
shown(const struct forecast *f, enum fc_level l)
{
	return (f->opt.levels & FC_LEVEL_BIT(l)) != 0;
}

/* The group named s at level l, created (zeroed) when new. */
static size_t
group_index(struct forecast *f, enum fc_level l, const char *s, size_t len)
{
	size_t i = strmap_intern(&f->names[l], s, len, NULL);

	if (i >= f->capgroup[l]) {
		size_t cap = f->capgroup[l] ? 2 * f->capgroup[l] : 16;
		f->group[l] = xreallocarray(f->group[l], cap,
		    sizeof *f->group[l]);
		memset(f->group[l] + f->capgroup[l], 0,
		    (cap - f->capgroup[l]) * sizeof *f->group[l]);
		if (l == FC_REP) {
			f->rep = xreallocarray(f->rep, cap, sizeof *f->rep);
			memset(f->rep + f->capgroup[l], 0,
			    (cap - f->capgroup[l]) * sizeof *f->rep);
		}
		f->capgroup[l] = cap;
	}
	return i;
}

static struct text
name_or(struct text t, const char *missing)
{
	if (t.len == 0) {
		t.s = missing;
		t.len = strlen(missing);
	}
	return t;
}

/* Accumulating. */

/* The forecast category of an open deal, saying once about unknown text. */
static enum fc_cat
category_of(struct forecast *f, const struct deal *d, const char *file)
{
	int c = fc_stagemap_get(&f->opt.category, d->stage.s, d->stage.len);

	if (c >= 0 || d->category.len == 0)
		return c >= 0 ? (enum fc_cat)c : FC_CAT_PIPELINE;
	if ((c = fc_cat_parse(d->category.s, d->category.len)) >= 0)
		return (enum fc_cat)c;
	bool added;
	strmap_intern(&f->unknown_cat, d->category.s, d->category.len, &added);
	if (added) {
		char q[128];
		diag_at(file, d->line, "forecast category \"%s\" is not one "
		    "of Commit, Best Case, Pipeline, Omitted: counted as "
		    "Pipeline (said once)", diag_quote(d->category.s,
		    d->category.len, q, sizeof q));
	}
	return FC_CAT_PIPELINE;
}

/* The deal's probability in basis points, or -1 for the learned rate. */
static int32_t
prob_of(const struct forecast *f, const struct deal *d)
{
	int p = fc_stagemap_get(&f->opt.stage_prob, d->stage.s, d->stage.len);

	if (p >= 0)
		return p;
	return d->prob >= 0 ? d->prob : -1;
}

static void
hold_open(struct fc_group *g, int64_t amount, int32_t prob, uint32_t rep)
{
	if (g->nopen == g->capopen) {
		g->capopen = g->capopen ? 2 * g->capopen : 8;
		g->open = xreallocarray(g->open, g->capopen, sizeof *g->open);
	}
	g->open[g->nopen++] = (struct fc_open){ amount, prob, rep };
}

static void
add_to_group(struct fc_group *g, const struct deal *d, int64_t amount,
    enum fc_cat cat, int32_t prob, uint32_t rep, bool closed_now)
{
	g->seen = true;
	if (d->cls == STAGE_WON) {
		if (closed_now)
			g->closed += amount;
		return;
	}
	if (d->cls == STAGE_LOST || cat == FC_CAT_OMITTED)
		return;
	if (cat == FC_CAT_COMMIT)
		g->commit_open += amount;
	else if (cat == FC_CAT_BEST_CASE)
		g->best_open += amount;
	g->pipeline += amount;
	g->deals++;
	hold_open(g, amount, prob, rep);
}

/* Counts a closed deal toward the win rates of its rep and of all. */
static void
learn(struct forecast *f, size_t ri, enum stage_class cls)
{
	bool won = cls == STAGE_WON;

	f->rep[ri].won += won;
	f->rep[ri].lost += !won;
	f->won += won;
	f->lost += !won;
}

/*
 * A credit can be booked, but an open deal worth less than nothing would
 * let the range fall below what has closed: such a row is rejected.
 */
static int
reject_negative(const struct deal *d, int64_t amount, const char *file)
{
	char money[MONEY_BUFSZ];

	money_format(amount, money);
	diag_at(file, d->line, "open deal with a negative amount, %s", money);
	diag_reject();
	return -1;
}

/*
 * Every sum of a group stays within FC_SUM_MAX in size, so that closed +
 * pipeline, the weighted figure and the range (the approximation's
 * spread is at most INT64_MAX / 4) can never overflow: a deal that would
 * take a sum past it is rejected, never wrapped.
 */
#define FC_SUM_MAX (INT64_MAX / 4)

static bool
sum_fits(int64_t sum, int64_t amount)
{
	int64_t s;

	return money_add(sum, amount, &s) && s >= -FC_SUM_MAX &&
	    s <= FC_SUM_MAX;
}

/* Would the deal take a sum of one of its groups past FC_SUM_MAX? */
static bool
too_large(struct forecast *f, const struct deal *d, const char *file)
{
	static const struct fc_group none;
	struct text name[FC_NLEVELS] = { name_or(d->rep, FC_NO_REP),
	    name_or(d->team, FC_NO_TEAM), { "", 0 } };
	int64_t amount = d->has_amount ? d->amount : 0;
	bool won = d->cls == STAGE_WON;

	if (d->cls == STAGE_LOST || (won && d->close > f->opt.as_of) ||
	    (!won && category_of(f, d, file) == FC_CAT_OMITTED))
		return false;
	for (int l = 0; l < FC_NLEVELS; l++) {
		if (!shown(f, l))
			continue;
		size_t i = strmap_find(&f->names[l], name[l].s, name[l].len);
		const struct fc_group *g = i == (size_t)-1 ? &none :
		    &f->group[l][i];
		if (!sum_fits(won ? g->closed : g->pipeline, amount))
			return true;
	}
	return false;
}

int
fc_add(struct forecast *f, const struct deal *d, const char *file)
{
	struct text rep = name_or(d->rep, FC_NO_REP);
	size_t ri = group_index(f, FC_REP, rep.s, rep.len);
	bool known_by_as_of = d->close == DATE_NONE || d->close <= f->opt.as_of;

	f->rows++;
	if (d->close != DATE_NONE && d->close >= f->opt.start &&
	    d->close <= f->opt.end && too_large(f, d, file)) {
		char money[MONEY_BUFSZ];

		money_format(d->amount, money);
		diag_at(file, d->line, "amount %s would make the sums too "
		    "large to add up", money);
		diag_reject();
		return -1;
	}
	/* Win rates learn from what had closed by as-of, in any period. */
	if (d->cls != STAGE_OPEN && known_by_as_of)
		learn(f, ri, d->cls);
	if (d->close == DATE_NONE && d->cls == STAGE_OPEN)
		f->open_undated++;
	if (d->close == DATE_NONE || d->close < f->opt.start ||
	    d->close > f->opt.end)
		return 0;

	int64_t amount = d->has_amount ? d->amount : 0;
	enum fc_cat cat = FC_CAT_PIPELINE;
	int32_t prob = -1;
	if (d->cls == STAGE_OPEN && amount < 0)
		return reject_negative(d, amount, file);
	if (d->cls == STAGE_OPEN) {
		cat = category_of(f, d, file);
		if (cat != FC_CAT_OMITTED && (prob = prob_of(f, d)) < 0)
			f->rep[ri].learned++;
	} else if (d->cls == STAGE_WON && !known_by_as_of)
		f->won_after_as_of++;

	size_t idx[FC_NLEVELS] = { ri, 0, 0 };
	if (shown(f, FC_TEAM)) {
		struct text team = name_or(d->team, FC_NO_TEAM);
		idx[FC_TEAM] = group_index(f, FC_TEAM, team.s, team.len);
	}
	if (shown(f, FC_TOTAL))
		idx[FC_TOTAL] = group_index(f, FC_TOTAL, "", 0);
	for (int l = 0; l < FC_NLEVELS; l++)
		if (shown(f, l))
			add_to_group(&f->group[l][idx[l]], d, amount, cat,
			    prob, (uint32_t)ri, known_by_as_of);
	return 0;
}

/* Would the goal take a group's goal past FC_SUM_MAX? */
static bool
goal_too_large(const struct forecast *f, const struct text name[FC_NLEVELS],
    int64_t goal)
{
	for (int l = 0; l < FC_NLEVELS; l++) {
		if (l != FC_REP && !shown(f, l))
			continue;
		size_t i = strmap_find(&f->names[l], name[l].s, name[l].len);
		if (!sum_fits(i == (size_t)-1 ? 0 : f->group[l][i].goal, goal))
			return true;
	}
	return false;
}

void
fc_add_goal(struct forecast *f, enum fc_level level, const char *name,
    size_t len, int64_t goal)
{
	size_t i = group_index(f, level, name, len);
	struct fc_group *g = &f->group[level][i];

	g->seen = true;
	g->has_goal = true;
	g->goal += goal;
}

size_t
fc_add_goals(struct forecast *f, const struct goalfile *gf,
    const struct teams *teams)
{
	size_t used = 0;

	for (size_t i = 0; i < gf->n; i++) {
		const struct goal *g = &gf->v[i];
		if (g->win.end < f->opt.start || g->win.start > f->opt.end)
			continue;
		if (g->win.start < f->opt.start || g->win.end > f->opt.end) {
			diag_at(gf->name, g->line, "goal for %s is not inside "
			    "the period: left out", g->win.label);
			continue;
		}
		struct text rep = name_or((struct text){ g->rep,
		    strlen(g->rep) }, FC_NO_REP);
		struct text team = { g->team, strlen(g->team) };
		if (teams != NULL)
			team = teams_of(teams, rep, team);
		team = name_or(team, FC_NO_TEAM);
		if (goal_too_large(f, (struct text[FC_NLEVELS]){ rep, team,
		    { "", 0 } }, g->goal)) {
			diag_at(gf->name, g->line, "goal would make the sum of "
			    "the goals too large to add up: left out");
			diag_reject();
			continue;
		}
		fc_add_goal(f, FC_REP, rep.s, rep.len, g->goal);
		if (shown(f, FC_TEAM))
			fc_add_goal(f, FC_TEAM, team.s, team.len, g->goal);
		if (shown(f, FC_TOTAL))
			fc_add_goal(f, FC_TOTAL, "", 0, g->goal);
		used++;
	}
	return used;
}

/* Weighting and ranges. */

int64_t
fc_weighted(const struct fc_open *d, size_t n, int64_t base)
{
	/*
	 * amount x prob / 10000 summed exactly: each amount is split into
	 * a multiple of 10000 (whose share is whole cents) and a remainder
	 * (whose share is kept in 1/10000 cent), so nothing overflows and
	 * the sum is rounded once.
	 */
	int64_t whole = base, frac = 0;

	for (size_t i = 0; i < n; i++) {
		int64_t q = d[i].amount / 10000, r = d[i].amount % 10000;
		whole += q * d[i].prob;
		frac += r * d[i].prob;
		whole += frac / 10000;
		frac %= 10000;
	}
	if (2 * frac >= 10000)
		whole++;
	else if (2 * frac <= -10000)
		whole--;
	return whole;
}

static uint64_t
splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* xoshiro256**: small, fast, and the same numbers on every platform. */
struct prng {
	uint64_t s[4];
};

static void
prng_seed(struct prng *g, uint64_t seed)
{
	for (int i = 0; i < 4; i++)
		g->s[i] = splitmix64(&seed);
}

static uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t
prng_next(struct prng *g)
{
	uint64_t *s = g->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

static void
swap64(int64_t *a, int64_t *b)
{
	int64_t t = *a;
	*a = *b;
	*b = t;
}

/* Puts the k-th smallest of v[0..n) at v[k] (Hoare's selection). */
static void
select_kth(int64_t *v, size_t n, size_t k)
{
	size_t lo = 0, hi = n - 1;

	while (lo < hi) {
		swap64(&v[(lo + hi) / 2], &v[hi]);
		int64_t pivot = v[hi];
		size_t store = lo;
		for (size_t i = lo; i < hi; i++)
			if (v[i] < pivot)
				swap64(&v[i], &v[store++]);
		swap64(&v[store], &v[hi]);
		if (store == k)
			return;
		if (store < k)
			lo = store + 1;
		else
			hi = store - 1;
	}
}

/* The index of the q-th percentile by nearest rank: ceil(q n / 100) - 1. */
static size_t
rank_index(long n, int q)
{
	return (size_t)((q * n + 99) / 100 - 1);
}

void
fc_simulate(const struct fc_open *d, size_t n, int64_t base, long trials,
    uint64_t seed, struct fc_range *r)
{
	int64_t *sum = xreallocarray(NULL, (size_t)trials, sizeof *sum);
	uint64_t *thr = xreallocarray(NULL, n ? n : 1, sizeof *thr);
	struct prng g;

	/* A deal closes when a 32-bit uniform draw falls below p x 2^32. */
	for (size_t i = 0; i < n; i++)
		thr[i] = ((uint64_t)d[i].prob << 32) / 10000;
	prng_seed(&g, seed);
	for (long t = 0; t < trials; t++) {
		int64_t s = base;
		/* Masking instead of branching: the outcome is unpredictable. */
		for (size_t i = 0; i < n; i++)
			s += d[i].amount &
			    -(int64_t)((prng_next(&g) >> 32) < thr[i]);
		sum[t] = s;
	}
	size_t i10 = rank_index(trials, 10), i50 = rank_index(trials, 50),
	    i90 = rank_index(trials, 90);
	/* After the median is placed, each side holds the other two. */
	select_kth(sum, (size_t)trials, i50);
	r->p50 = sum[i50];
	if (i10 < i50)
		select_kth(sum, i50, i10);
	r->p10 = sum[i10];
	if (i90 > i50)
		select_kth(sum + i50 + 1, (size_t)trials - i50 - 1,
		    i90 - i50 - 1);
	r->p90 = sum[i90];
	free(thr);
	free(sum);
}

/* z of the 90th percentile of the standard normal distribution. */
#define Z90 1.2815515655446004

void
fc_approximate(const struct fc_open *d, size_t n, int64_t base,
    struct fc_range *r)
{
	double var = 0;

	for (size_t i = 0; i < n; i++) {
		double a = (double)d[i].amount, p = d[i].prob / 10000.0;
		var += a * a * p * (1 - p);
	}
	double spread = nearbyint(Z90 * sqrt(var));
	/* Beyond int64 cents the clamp in fc_finish decides anyway. */
	int64_t z = spread < 9e18 ? (int64_t)spread : INT64_MAX / 4;
	r->p50 = fc_weighted(d, n, base);
	r->p10 = r->p50 - z;
	r->p90 = r->p50 + z;
}

static int64_t
clamp(int64_t v, int64_t lo, int64_t hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* A seed of its own for each group, so adding a rep moves no other. */
static uint64_t
group_seed(uint64_t seed, enum fc_level l, const char *name, size_t len)
{
	uint64_t h = 14695981039346656037ULL ^ (uint64_t)l;

	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)name[i];
		h *= 1099511628211ULL;
	}
	return seed ^ h;
}

/* Open deals of a group whose outcome is uncertain (0 < p < 100%). */
static long
uncertain(const struct fc_group *g)
{
	long n = 0;

	for (size_t i = 0; i < g->nopen; i++)
		n += g->open[i].prob > 0 && g->open[i].prob < 10000;
	return n;
}

/*
 * Sets the range of a group whose probabilities are known, by simulation
 * or by the approximation.  Deals with p of 0 or 100% add nothing
 * uncertain, so only the rest is drawn.
 */
static void
range_group(const struct forecast *f, enum fc_level l, size_t gi,
    bool simulate)
{
	struct fc_group *g = &f->group[l][gi];
	int64_t base = g->closed;
	size_t n = 0;
	struct fc_open *u = xreallocarray(NULL, g->nopen ? g->nopen : 1,
	    sizeof *u);

	for (size_t i = 0; i < g->nopen; i++) {
		if (g->open[i].prob >= 10000)
			base += g->open[i].amount;
		else if (g->open[i].prob > 0)
			u[n++] = g->open[i];
	}
	if (simulate) {
		g->method = FC_RANGE_SIMULATED;
		fc_simulate(u, n, base, f->opt.trials,
		    group_seed(f->opt.seed, l, f->names[l].keys[gi],
		    f->names[l].lens[gi]), &g->range);
	} else {
		g->method = FC_RANGE_APPROXIMATED;
		fc_approximate(u, n, base, &g->range);
	}
	free(u);

	/* The range can never leave [closed, closed + pipeline]. */
	int64_t lo = g->closed, hi = g->closed + g->pipeline;
	if (hi < lo)
		hi = lo;
	g->range.p10 = clamp(g->range.p10, lo, hi);
	g->range.p50 = clamp(g->range.p50, g->range.p10, hi);
	g->range.p90 = clamp(g->range.p90, g->range.p50, hi);
}

/* A group waiting for its range, and how many draws simulating it takes. */
struct pending {
	enum fc_level level;
	size_t index;
	long n;
};

static int
fewest_deals_first(const void *pa, const void *pb)
{
	const struct pending *a = pa, *b = pb;

	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	if (a->level != b->level)
		return a->level < b->level ? -1 : 1;
	return (a->index > b->index) - (a->index < b->index);
}

/*
 * Ranges every group shown.  A group is simulated when its uncertain
 * deals times the trials fit FC_SIM_BUDGET and the run's simulated draws
 * so far leave room under the run's budget (FC_SIM_PER_ROW draws per row
 * read, at least FC_SIM_BUDGET); the budget goes to the groups with the
 * fewest deals first, where the normal approximation is weakest.
 */
static void
range_all(struct forecast *f)
{
	size_t n = 0, cap = 0;
	struct pending *p = NULL;

	for (int l = 0; l < FC_NLEVELS; l++) {
		if (!shown(f, l))
			continue;
		cap += f->names[l].n;
		p = xreallocarray(p, cap ? cap : 1, sizeof *p);
		for (size_t i = 0; i < f->names[l].n; i++)
			p[n++] = (struct pending){ l, i,
			    uncertain(&f->group[l][i]) };
	}
	qsort(p, n, sizeof *p, fewest_deals_first);
	long room = f->rows > FC_SIM_BUDGET / FC_SIM_PER_ROW ?
	    f->rows * FC_SIM_PER_ROW : FC_SIM_BUDGET;
	for (size_t i = 0; i < n; i++) {
		long draws = p[i].n * f->opt.trials;
		bool simulate = p[i].n <= FC_SIM_BUDGET / f->opt.trials &&
		    draws <= room;
		if (simulate)
			room -= draws;
		range_group(f, p[i].level, p[i].index, simulate);
	}
	free(p);
}

static int32_t
win_rate(long won, long lost)
{
	int64_t r = 0;

	if (won + lost > 0)
		muldiv_round(won, 10000, won + lost, &r);
	return (int32_t)r;
}

void
fc_finish(struct forecast *f)
{
	f->overall_rate = win_rate(f->won, f->lost);
	for (size_t i = 0; i < f->names[FC_REP].n; i++) {
		struct fc_rep *r = &f->rep[i];
		r->own = r->won + r->lost >= FC_OWN_RATE_MIN;
		r->rate = r->own ? win_rate(r->won, r->lost) : f->overall_rate;
	}
	/* The total row is shown even when no deal fell in the period. */
	if (shown(f, FC_TOTAL)) {
		size_t i = group_index(f, FC_TOTAL, "", 0);
		f->group[FC_TOTAL][i].seen = true;
	}
	for (int l = 0; l < FC_NLEVELS; l++) {
		if (!shown(f, l))
			continue;
		for (size_t i = 0; i < f->names[l].n; i++) {
			struct fc_group *g = &f->group[l][i];
			for (size_t k = 0; k < g->nopen; k++)
				if (g->open[k].prob < 0)
					g->open[k].prob =
					    f->rep[g->open[k].rep].rate;
			g->weighted = fc_weighted(g->open, g->nopen,
			    g->closed);
		}
	}
	if (f->opt.ranges)
		range_all(f);
}

/* Reporting. */

void
fc_report(const struct forecast *f)
{
	long deals = 0, own = 0, overall = 0;
	char rate[MONEY_BUFSZ];

	for (size_t i = 0; i < f->names[FC_REP].n; i++) {
		const struct fc_rep *r = &f->rep[i];
		if (r->learned == 0)
			continue;
		deals += r->learned;
		if (r->own)
			own++;
		else
			overall++;
	}
	if (f->won_after_as_of > 0)
		warnx("%ld won deal%s dated after the as-of date not counted "
		    "as closed", f->won_after_as_of,
		    f->won_after_as_of == 1 ? "" : "s");
	if (f->open_undated > 0)
		warnx("%ld open deal%s without a close date %s in no period: "
		    "not counted", f->open_undated,
		    f->open_undated == 1 ? "" : "s",
		    f->open_undated == 1 ? "is" : "are");
	if (deals == 0)
		return;
	decimal_format((f->overall_rate + 5) / 10, 1, rate);
	if (f->won + f->lost == 0)
		warnx("%ld open deal%s without a probability, and no closed "
		    "deals to learn a win rate from: weighted 0", deals,
		    deals == 1 ? "" : "s");
	else if (own == 0)
		warnx("%ld open deal%s weighted by the win rate learned from "
		    "closed deals: %s%% (%ld won of %ld; no rep has %d "
		    "closed)", deals, deals == 1 ? "" : "s", rate, f->won,
		    f->won + f->lost, FC_OWN_RATE_MIN);
	else if (overall == 0)
		warnx("%ld open deal%s weighted by each rep's own win rate "
		    "learned from closed deals (%ld rep%s, each with %d or "
		    "more)", deals, deals == 1 ? "" : "s", own,
		    own == 1 ? "" : "s", FC_OWN_RATE_MIN);
	else
		warnx("%ld open deal%s weighted by win rates learned from "
		    "closed deals: the rep's own for %ld rep%s with %d or "
		    "more, the overall %s%% (%ld won of %ld) for %ld rep%s "
		    "with fewer", deals, deals == 1 ? "" : "s", own,
		    own == 1 ? "" : "s", FC_OWN_RATE_MIN, rate, f->won,
		    f->won + f->lost, overall, overall == 1 ? "" : "s");
}

static const char *const columns[] = {
	"period", "as_of", "level", "group", "closed", "commit", "best_case",
	"pipeline", "weighted", "p10", "p50", "p90", "goal", "gap",
	"coverage", "deals"
};
#define NCOLUMNS (sizeof columns / sizeof columns[0])
static const enum out_type types[NCOLUMNS] = {
	OT_TEXT, OT_DATE, OT_TEXT, OT_TEXT, OT_AMOUNT, OT_AMOUNT, OT_AMOUNT,
	OT_AMOUNT, OT_AMOUNT, OT_AMOUNT, OT_AMOUNT, OT_AMOUNT, OT_AMOUNT,
	OT_AMOUNT, OT_NUMBER, OT_COUNT
};

static const struct forecast *sort_f;
static enum fc_level sort_level;

static int
by_name(const void *a, const void *b)
{
	const struct strmap *t = &sort_f->names[sort_level];
	size_t i = *(const size_t *)a, k = *(const size_t *)b;

	return natcmp_len(t->keys[i], t->lens[i], t->keys[k], t->lens[k]);
}

static void
write_money_or_empty(struct out *o, bool have, int64_t v)
{
	if (have)
		out_money(o, v);
	else
		out_empty(o);
}

static void
write_group(const struct forecast *f, struct out *o, const char *period,
    enum fc_level l, size_t i)
{
	const struct fc_group *g = &f->group[l][i];
	char asof[DATE_BUFSZ];
	int64_t commit = g->closed + g->commit_open;
	bool ranged = f->opt.ranges;

	date_format(f->opt.as_of, asof);
	out_str(o, period);
	out_str(o, asof);
	out_str(o, level_name[l]);
	out_field(o, f->names[l].keys[i], f->names[l].lens[i]);
	out_money(o, g->closed);
	out_money(o, commit);
	out_money(o, commit + g->best_open);
	out_money(o, g->pipeline);
	out_money(o, g->weighted);
	write_money_or_empty(o, ranged, g->range.p10);
	write_money_or_empty(o, ranged, g->range.p50);
	write_money_or_empty(o, ranged, g->range.p90);
	write_money_or_empty(o, g->has_goal, g->goal);
	write_money_or_empty(o, g->has_goal && ranged,
	    g->goal > g->range.p50 ? g->goal - g->range.p50 : 0);
	int64_t cov;
	if (g->has_goal && g->goal > g->closed &&
	    muldiv_round(g->pipeline, 100, g->goal - g->closed, &cov))
		out_fixed(o, cov, 2);
	else
		out_empty(o);
	out_int(o, g->deals);
	out_row_end(o);
}

void
fc_write(const struct forecast *f, struct out *o, const char *period)
{
	out_columns(o, NCOLUMNS, columns, types);
	for (int l = 0; l < FC_NLEVELS; l++) {
		if (!shown(f, l))
			continue;
		size_t n = f->names[l].n;
		size_t *order = xreallocarray(NULL, n ? n : 1, sizeof *order);
		for (size_t i = 0; i < n; i++)
			order[i] = i;
		sort_f = f;
		sort_level = l;
		qsort(order, n, sizeof *order, by_name);
		for (size_t i = 0; i < n; i++)
			if (f->group[l][order[i]].seen)
				write_group(f, o, period, l, order[i]);
		free(order);
	}
}

const struct fc_group *
fc_group(const struct forecast *f, enum fc_level level, const char *name)
{
	size_t i = strmap_find(&f->names[level], name, strlen(name));

	return i == (size_t)-1 ? NULL : &f->group[level][i];
}
