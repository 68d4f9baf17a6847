/*
 * goals: shares, ramp, seasonality, bounds and exact rounding.
 *
 * Shares are carried as fixed-point numbers with 12 decimals (the exact
 * ratios of basis sums overflow 128 bits once multiplied by ramp and days).
 * That is the only rounding before the final step: the weights built from
 * the shares are integers, and apportion() divides the total among them
 * in exact integer arithmetic, so the parts add up to the cent whatever the
 * shares are, and the same roster always gives the same bytes.
 *
 * Rounding happens twice, both times by largest remainder: the total into
 * rep goals, then each rep's goal into its cells.  Rounding all cells at
 * once could move a capped rep a cent over its cap, and a rep with many
 * cells several cents away from its share; rounding rep goals first keeps
 * every goal within one rounding unit of its exact value and inside its
 * bounds, and the cells still add up to the total exactly.
 */
#include <err.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clauses.h"
#include "date.h"
#include "goals.h"
#include "money.h"
#include "xalloc.h"

#define SEASON_SCALE 1000000	/* seasonality factors normalized to this */


/* a ÷ c rounded half up, for non-negative a and positive c. */
static weight_t
div_round(weight_t a, weight_t c)
{
	return (a + c / 2) / c;
}

/* The business days of each sub-period are used throughout. */
static int64_t
sub_days(const struct goal_plan *p, size_t c)
{
	return p->days[c];
}

long
goals_tenure_month(int32_t hire, int32_t day)
{
	int hy, hm, y, m, d;

	date_to_ymd(hire, &hy, &hm, &d);
	date_to_ymd(day, &y, &m, &d);
	return (long)(y - hy) * 12 + (m - hm) + 1;
}

int64_t
goals_ramp_at(const struct goals_opts *o, long m)
{
	if (o->nramp == 0)
		return RAMP_FULL;
	if (m < 1)
		return 0;
	if ((size_t)m > o->nramp)
		return o->ramp[o->nramp - 1];
	return o->ramp[m - 1];
}

/* The last day of the calendar month holding day. */
static int32_t
month_end(int32_t day)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	return date_from_ymd(y, m, date_month_days(y, m));
}

/* A rep without a hire date is fully tenured: the last ramp value holds. */
static int64_t
ramp_on(const struct goals_opts *o, int32_t hire, int32_t day)
{
	if (hire == DATE_NONE)
		return goals_ramp_at(o, LONG_MAX);
	return goals_ramp_at(o, goals_tenure_month(hire, day));
}

int64_t
goals_ramp_days(const struct goals_opts *o, int32_t hire, int32_t from,
    int32_t to, int64_t *days)
{
	int64_t sum = 0, n;
	int32_t d, e;

	*days = 0;
	if (hire != DATE_NONE && hire > from)
		from = hire;
	for (d = from; d <= to; d = e + 1) {
		e = month_end(d);
		if (e > to)
			e = to;
		n = cal_busdays(o->cal, d, e);
		sum += n * ramp_on(o, hire, d);
		*days += n;
	}
	return sum;
}

int64_t
goals_allocated(const struct goals_opts *o)
{
	int64_t a, q = o->quantum;

	if (!muldiv_round(o->total, 10000 + o->over, 10000, &a) ||
	    a > GOALS_MAX_AMOUNT)
		return -1;
	if (a < 0)
		a = 0;
	return (a + q / 2) / q * q;
}

bool
goals_growth_total(const struct roster *r, int64_t growth, int64_t *total)
{
	int64_t sum = 0;
	bool any = false;
	size_t i;

	for (i = 0; i < r->n; i++) {
		if (!r->rep[i].has_basis)
			continue;
		any = true;
		if (!money_add(sum, r->rep[i].basis, &sum))
			return false;
	}
	if (!any || !muldiv_round(sum, 10000 + growth, 10000, total) ||
	    *total > GOALS_MAX_AMOUNT)
		return false;
	if (*total < 0)
		*total = 0;
	return true;
}

static void
set_why(struct goal_plan *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
set_why(struct goal_plan *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(p->why, sizeof(p->why), fmt, ap);
	va_end(ap);
}

/* Amounts in notes and messages: 1234.50, or 12 for a counted metric. */
const char *
goals_amount(const struct goals_opts *o, int64_t v, char buf[MONEY_BUFSZ])
{
	if (o->count && v % 100 == 0)
		snprintf(buf, MONEY_BUFSZ, "%lld", (long long)(v / 100));
	else
		money_format(v, buf);
	return buf;
}

/* A fixed-point number without trailing zeros: 12.50 -> "12.5", 50 -> "50". */
static const char *
trim_str(int64_t v, int scale, char buf[MONEY_BUFSZ])
{
	size_t n = decimal_format(v, scale, buf);

	if (scale > 0) {
		while (n > 0 && buf[n - 1] == '0')
			buf[--n] = '\0';
		if (n > 0 && buf[n - 1] == '.')
			buf[--n] = '\0';
	}
	return buf;
}

static int
cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/*
 * The basis of each rep: the roster's, or for a rep without one the median
 * of the others (the mean of the middle two for an even count).
 */
static enum goals_status
fill_basis(struct goal_plan *p)
{
	const struct roster *r = p->roster;
	const struct goals_opts *o = p->opt;
	bool need = o->method != METHOD_EVEN || o->has_cap;
	int64_t *v = xcalloc(r->n, sizeof(*v)), median = 0;
	size_t i, k = 0;

	for (i = 0; i < r->n; i++)
		if (r->rep[i].has_basis)
			v[k++] = r->rep[i].basis;
	if (need && k == 0) {
		free(v);
		set_why(p, "%s needs a basis: %s", o->has_cap &&
		    o->method == METHOD_EVEN ? "--cap" : "--method basis or "
		    "blend", r->basis_col ? "the basis column is empty on "
		    "every row" : "the roster has no basis column (name it "
		    "with --basis COLUMN)");
		return GOALS_NO_BASIS;
	}
	if (k > 0) {
		qsort(v, k, sizeof(*v), cmp_i64);
		/* Half the gap, rounded up, without adding 1 to INT64_MAX. */
		median = k % 2 ? v[k / 2] : v[k / 2 - 1] +
		    (v[k / 2] - v[k / 2 - 1]) / 2 +
		    (v[k / 2] - v[k / 2 - 1]) % 2;
	}
	free(v);
	for (i = 0; i < r->n; i++) {
		p->rep[i].basis = r->rep[i].has_basis ? r->rep[i].basis :
		    median;
		p->rep[i].imputed = !r->rep[i].has_basis && k > 0;
	}
	return GOALS_OK;
}

/*
 * Share = W × basis ÷ Σ basis + (1 − W) ÷ n, times the rep's weight, then
 * normalized so the shares add up to SHARE_SCALE (give or take rounding).
 */
static enum goals_status
fill_shares(struct goal_plan *p)
{
	const struct roster *r = p->roster;
	const struct goals_opts *o = p->opt;
	weight_t bsum = 0, raw_sum = 0, *raw;
	int64_t wb;
	size_t i, n = r->n;

	wb = o->method == METHOD_BASIS ? 10000 :
	    o->method == METHOD_BLEND ? o->blend : 0;
	for (i = 0; i < n; i++)
		bsum += (weight_t)p->rep[i].basis;
	if (wb > 0 && bsum == 0) {
		set_why(p, "cannot share by basis: the basis adds up to 0 "
		    "(use --method even)");
		return GOALS_ZERO_BASIS;
	}
	raw = xcalloc(n, sizeof(*raw));
	for (i = 0; i < n; i++) {
		struct rep_goal *g = &p->rep[i];
		weight_t t1 = 0, t2;

		if (wb > 0)
			t1 = div_round((weight_t)SHARE_SCALE * wb *
			    (weight_t)g->basis, (weight_t)10000 * bsum);
		t2 = div_round((weight_t)SHARE_SCALE * (10000 - wb),
		    (weight_t)10000 * n);
		raw[i] = (t1 + t2) * (weight_t)r->rep[i].weight;
		raw_sum += raw[i];
		g->hist_pct = bsum ? (int)div_round((weight_t)1000 *
		    (weight_t)g->basis, bsum) : 0;
		g->even_pct = (int)div_round(1000, n);
	}
	for (i = 0; i < n && raw_sum > 0; i++) {
		p->rep[i].share = (int64_t)div_round((weight_t)SHARE_SCALE *
		    raw[i], raw_sum);
		p->rep[i].share_pct = (int)div_round((weight_t)1000 * raw[i],
		    raw_sum);
	}
	free(raw);
	return GOALS_OK;
}

/* The weight of a cell within its rep, from its ramp-days. */
static int64_t
cell_weight(const struct goal_plan *p, size_t c, int64_t ramp_days)
{
	int64_t d = sub_days(p, c);

	if (p->season == NULL)
		return ramp_days;
	return d ? (int64_t)div_round((weight_t)ramp_days * p->season[c],
	    (weight_t)d) : 0;
}

static void
fill_cells(struct goal_plan *p)
{
	const struct goals_opts *o = p->opt;
	size_t i, c;

	for (i = 0; i < p->nrep; i++) {
		const struct roster_rep *rp = &p->roster->rep[i];
		weight_t sum = 0;

		for (c = 0; c < p->nsub; c++) {
			struct goal_cell *cl = &p->cell[i * p->nsub + c];
			const struct period *s = &p->sub[c];
			int64_t d = sub_days(p, c);

			cl->ramp_days = goals_ramp_days(o, rp->hire, s->start,
			    s->end, &cl->days);
			cl->weight = cell_weight(p, c, cl->ramp_days);
			if (d > 0)
				cl->ramp_pct = (int)div_round((weight_t)
				    cl->ramp_days, (weight_t)10 * d);
			else if (rp->hire == DATE_NONE || rp->hire <= s->start)
				cl->ramp_pct = (int)(ramp_on(o, rp->hire,
				    s->start) / 10);
			sum += (weight_t)cl->weight;
		}
		p->rep[i].weight = sum * (weight_t)p->rep[i].share;
	}
}

/* The seasonality factors, normalized to add up to SEASON_SCALE. */
static enum goals_status
fill_season(struct goal_plan *p)
{
	const struct goals_opts *o = p->opt;
	weight_t sum = 0;
	size_t c;

	if (o->season == NULL)
		return GOALS_OK;
	if (o->nseason != p->nsub) {
		set_why(p, "--seasonality has %zu factor%s, but %s has %zu "
		    "sub-period%s", o->nseason, o->nseason == 1 ? "" : "s",
		    o->period.label, p->nsub, p->nsub == 1 ? "" : "s");
		return GOALS_SEASON;
	}
	for (c = 0; c < p->nsub; c++)
		sum += (weight_t)o->season[c];
	if (sum == 0) {
		set_why(p, "--seasonality: every factor is 0");
		return GOALS_SEASON;
	}
	p->season = xcalloc(p->nsub, sizeof(*p->season));
	for (c = 0; c < p->nsub; c++)
		p->season[c] = (int64_t)div_round((weight_t)SEASON_SCALE *
		    (weight_t)o->season[c], sum);
	return GOALS_OK;
}

/* A rep's bounds in rounding units; lo <= hi always. */
static struct claim
rep_claim(struct goal_plan *p, size_t i)
{
	const struct roster_rep *rp = &p->roster->rep[i];
	const struct goals_opts *o = p->opt;
	struct rep_goal *g = &p->rep[i];
	struct claim cl = { g->weight, 0, 0, false };
	int64_t q = o->quantum, cap;

	if (rp->has_min)
		cl.lo = (rp->min + q - 1) / q;
	if (o->has_cap && muldiv_round(g->basis, 10000 + o->cap, 10000, &cap)) {
		cl.hi = cap / q;
		cl.has_hi = true;
		g->bound = BOUND_CAP;
	}
	if (rp->has_max && (!cl.has_hi || rp->max / q < cl.hi)) {
		cl.hi = rp->max / q;
		cl.has_hi = true;
		g->bound = BOUND_MAX;
	}
	if (cl.has_hi && cl.lo > cl.hi) {
		g->min_over_cap = true;
		g->bound_value = cl.hi * q;
		cl.hi = cl.lo;
	}
	return cl;
}

static enum goals_status
place_reps(struct goal_plan *p)
{
	const struct goals_opts *o = p->opt;
	size_t i, n = p->nrep;
	struct claim *cl = xcalloc(n, sizeof(*cl));
	weight_t *w = xcalloc(n, sizeof(*w)), wsum = 0;
	int64_t *out = xcalloc(n, sizeof(*out)), *unc = xcalloc(n,
	    sizeof(*unc)), q = o->quantum, lows = 0, unplaced;
	enum pin *pin = xcalloc(n, sizeof(*pin));
	enum goals_status st = GOALS_OK;
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ], c[MONEY_BUFSZ];

	for (i = 0; i < n; i++) {
		cl[i] = rep_claim(p, i);
		w[i] = cl[i].w;
		wsum += w[i];
		lows += cl[i].lo;
	}
	if (wsum == 0 && p->allocated / q > lows) {
		set_why(p, "no rep can carry a goal in %s: every rep has weight "
		    "0 or starts after it", o->period.label);
		st = GOALS_NOBODY;
	} else if (apportion_bounded(p->allocated / q, cl, n, out, pin,
	    &unplaced) != 0) {
		p->unplaced = unplaced * q;
		if (unplaced > 0) {
			set_why(p, "cannot place %s of the total %s: every rep "
			    "who can carry a goal is at %s", goals_amount(o,
			    p->unplaced, a), goals_amount(o, p->allocated, b),
			    o->has_cap ? "the cap or max (raise --cap or the "
			    "max column)" : "the max");
			st = GOALS_CAP;
		} else {
			set_why(p, "the min column adds up to %s, more than the "
			    "total %s by %s", goals_amount(o, lows * q, a),
			    goals_amount(o, p->allocated, b), goals_amount(o,
			    -p->unplaced, c));
			st = GOALS_MIN;
		}
	}
	if (st == GOALS_OK)
		apportion(p->allocated / q, w, n, unc);
	for (i = 0; i < n && st == GOALS_OK; i++) {
		struct rep_goal *g = &p->rep[i];

		g->goal = out[i] * q;
		g->pin = pin[i];
		g->shift = (out[i] - unc[i]) * q;
		if (g->min_over_cap || pin[i] == PIN_HIGH)
			continue;	/* the bound found by rep_claim holds */
		g->bound = pin[i] == PIN_LOW && cl[i].lo > 0 ? BOUND_MIN :
		    BOUND_NONE;
	}
	free(cl);
	free(w);
	free(out);
	free(unc);
	free(pin);
	return st;
}

/*
 * The weights to spread a rep's amount by when its own are all 0 (a rep
 * with a min who has not started): as if fully ramped on the business days
 * after `after` and on or after the hire date; failing that, on the days
 * after `after`.
 */
static weight_t
fallback_weights(const struct goal_plan *p, size_t i, int32_t after,
    weight_t *w)
{
	int32_t hire = p->roster->rep[i].hire;
	weight_t sum = 0;
	size_t c;
	int pass;

	for (pass = 0; pass < 2 && sum == 0; pass++) {
		for (c = 0; c < p->nsub; c++) {
			const struct period *s = &p->sub[c];
			int32_t from = s->start > after ? s->start : after + 1;

			if (pass == 0 && hire != DATE_NONE && hire > from)
				from = hire;
			w[c] = (weight_t)cell_weight(p, c, RAMP_FULL *
			    cal_busdays(p->opt->cal, from, s->end));
			sum += w[c];
		}
	}
	return sum;
}

/*
 * Spreads amount over the cells of rep i in proportion to weight (cells
 * that end on or before `after` have weight 0), adding the parts to the
 * cells' goals.  The remainder below one rounding unit, and everything
 * when no cell can take a part, goes to the first cell with a weight, or
 * the last cell.
 */
static void
spread(struct goal_plan *p, size_t i, int64_t amount, const int64_t *weight,
    int32_t after)
{
	int64_t q = p->opt->quantum, *part = xcalloc(p->nsub, sizeof(*part));
	weight_t *w = xcalloc(p->nsub, sizeof(*w)), sum = 0;
	size_t c, first = p->nsub - 1;

	for (c = 0; c < p->nsub; c++) {
		w[c] = (weight_t)weight[c];
		sum += w[c];
	}
	if (sum == 0)
		fallback_weights(p, i, after, w);
	for (c = 0; c < p->nsub; c++)
		if (w[c] > 0) {
			first = c;
			break;
		}
	if (!apportion(amount / q, w, p->nsub, part))
		part[first] = amount / q;
	for (c = 0; c < p->nsub; c++)
		p->cell[i * p->nsub + c].goal += part[c] * q;
	p->cell[i * p->nsub + first].goal += amount % q;
	free(part);
	free(w);
}

static void
place_cells(struct goal_plan *p)
{
	int64_t *w = xcalloc(p->nsub, sizeof(*w));
	size_t i, c;

	for (i = 0; i < p->nrep; i++) {
		for (c = 0; c < p->nsub; c++) {
			p->cell[i * p->nsub + c].goal = 0;
			w[c] = p->cell[i * p->nsub + c].weight;
		}
		spread(p, i, p->rep[i].goal, w, INT32_MIN);
	}
	free(w);
}

enum goals_status
goals_plan(struct goal_plan *p, const struct roster *r,
    const struct goals_opts *o)
{
	enum goals_status st;
	size_t c;

	memset(p, 0, sizeof(*p));
	p->roster = r;
	p->opt = o;
	p->nrep = r->n;
	p->nsub = period_split(&o->period, o->split, o->cal, &p->sub);
	p->days = xcalloc(p->nsub, sizeof(*p->days));
	p->rep = xcalloc(p->nrep, sizeof(*p->rep));
	p->cell = xcalloc(p->nrep * p->nsub, sizeof(*p->cell));
	p->allocated = goals_allocated(o);
	if (p->allocated < 0) {
		set_why(p, "the total to allocate is too large");
		return GOALS_RANGE;
	}
	for (c = 0; c < p->nsub; c++)
		p->days[c] = cal_busdays(o->cal, p->sub[c].start,
		    p->sub[c].end);
	if (cal_busdays(o->cal, o->period.start, o->period.end) == 0) {
		set_why(p, "%s has no business days", o->period.label);
		return GOALS_NO_DAYS;
	}
	if (r->n == 0) {
		set_why(p, "the roster has no reps to give goals to");
		return GOALS_NOBODY;
	}
	if ((st = fill_season(p)) != GOALS_OK ||
	    (st = fill_basis(p)) != GOALS_OK ||
	    (st = fill_shares(p)) != GOALS_OK)
		return st;
	fill_cells(p);
	if ((st = place_reps(p)) != GOALS_OK)
		return st;
	place_cells(p);
	return GOALS_OK;
}

/*
 * What a rep has won, in every sub-period and in all, must be within
 * GOALS_MAX_AMOUNT either way, like any goal: then the sums, the rest to
 * re-spread and the cells cannot overflow.
 */
static bool
won_fits(const struct goal_plan *p, const struct goal_actuals *a, size_t i)
{
	int64_t sum = 0;
	size_t c;

	if (a->won[i] == NULL)
		return true;
	for (c = 0; c < p->nsub; c++) {
		if (a->won[i][c] < -GOALS_MAX_AMOUNT ||
		    a->won[i][c] > GOALS_MAX_AMOUNT)
			return false;
		sum += a->won[i][c];
		if (sum < -GOALS_MAX_AMOUNT || sum > GOALS_MAX_AMOUNT)
			return false;
	}
	return true;
}

enum goals_status
goals_adjust(struct goal_plan *p, const struct goal_actuals *a)
{
	const struct goals_opts *o = p->opt;
	int64_t *w;
	size_t i, c;

	for (i = 0; i < p->nrep; i++)
		if (!won_fits(p, a, i)) {
			set_why(p, "what rep \"%s\" has won is too large to "
			    "re-spread goals by", p->roster->rep[i].name);
			return GOALS_RANGE;
		}
	w = xcalloc(p->nsub, sizeof(*w));
	p->adjusted = true;
	p->as_of = a->as_of;
	for (i = 0; i < p->nrep; i++) {
		const struct roster_rep *rp = &p->roster->rep[i];
		struct rep_goal *g = &p->rep[i];

		g->achieved = 0;
		for (c = 0; c < p->nsub; c++) {
			struct goal_cell *cl = &p->cell[i * p->nsub + c];
			const struct period *s = &p->sub[c];
			int64_t days;

			cl->won = a->won[i] ? a->won[i][c] : 0;
			cl->goal = cl->won;
			g->achieved += cl->won;
			w[c] = 0;
			if (s->end > a->as_of) {
				int32_t from = s->start > a->as_of ? s->start :
				    a->as_of + 1;

				w[c] = cell_weight(p, c, goals_ramp_days(o,
				    rp->hire, from, s->end, &days));
			}
		}
		g->remaining = g->goal > g->achieved ? g->goal - g->achieved :
		    0;
		spread(p, i, g->remaining, w, a->as_of);
	}
	free(w);
	return GOALS_OK;
}

void
goals_free(struct goal_plan *p)
{
	free(p->sub);
	free(p->days);
	free(p->rep);
	free(p->cell);
	free(p->season);
	memset(p, 0, sizeof(*p));
}

/* "blend of 6.1% history share and 5.0% even share". */
static void
note_share(struct clauses *n, const struct goal_plan *p, size_t i)
{
	const struct goals_opts *o = p->opt;
	const struct rep_goal *g = &p->rep[i];
	const struct roster_rep *rp = &p->roster->rep[i];
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ];

	switch (o->method) {
	case METHOD_EVEN:
		clauses_add(n, "even share %d.%d%% (1 of %zu)", g->even_pct / 10,
		    g->even_pct % 10, p->nrep);
		break;
	case METHOD_BASIS:
		clauses_add(n, "history share %d.%d%%", g->hist_pct / 10,
		    g->hist_pct % 10);
		break;
	case METHOD_BLEND:
		if (o->blend == 5000)
			clauses_add(n, "blend of %d.%d%% history share and %d.%d%% "
			    "even share", g->hist_pct / 10, g->hist_pct % 10,
			    g->even_pct / 10, g->even_pct % 10);
		else
			clauses_add(n, "blend of %s%% × %d.%d%% history share and "
			    "%s%% × %d.%d%% even share", trim_str(o->blend, 2,
			    a), g->hist_pct / 10, g->hist_pct % 10, trim_str(
			    10000 - o->blend, 2, b), g->even_pct / 10,
			    g->even_pct % 10);
		break;
	}
	if (g->imputed && (o->method != METHOD_EVEN || o->has_cap))
		clauses_add(n, "no basis: the median %s of the others used",
		    goals_amount(o, g->basis, a));
	if (rp->weight != WEIGHT_SCALE)
		clauses_add(n, "weight %s", trim_str(rp->weight, 4, a));
}

struct ramp_group {
	long first, last;	/* tenure months */
	int64_t ramp;
};

/*
 * The tenure months with business days in [from, to], grouped where the
 * ramp stays the same.  Returns the number of groups, at most max.
 */
static size_t
ramp_groups(const struct goal_plan *p, int32_t hire, int32_t from, int32_t to,
    struct ramp_group *g, size_t max)
{
	size_t k = 0;
	int32_t d, e;

	for (d = from; d <= to; d = e + 1) {
		long m = goals_tenure_month(hire, d);
		int64_t r = goals_ramp_at(p->opt, m);

		e = month_end(d);
		if (cal_busdays(p->opt->cal, d, e < to ? e : to) == 0)
			continue;
		if (k > 0 && g[k - 1].ramp == r)
			g[k - 1].last = m;
		else if (k < max)
			g[k++] = (struct ramp_group){ m, m, r };
	}
	return k;
}

/* "month 3" or "months 3-5". */
static const char *
months_str(const struct ramp_group *g, char *buf, size_t size)
{
	if (g->last > g->first)
		snprintf(buf, size, "months %ld-%ld", g->first, g->last);
	else
		snprintf(buf, size, "month %ld", g->first);
	return buf;
}

/*
 * The ramp of the business days in [from, to]: "50% ramp, month 3", or
 * "ramp 25% in month 2, 50% in month 3" when it changes.
 */
static void
note_ramp(struct clauses *n, const struct goal_plan *p, size_t i, int32_t from,
    int32_t to)
{
	const struct goals_opts *o = p->opt;
	int32_t hire = p->roster->rep[i].hire;
	char a[MONEY_BUFSZ], h[DATE_BUFSZ], ms[64], text[320];
	struct ramp_group g[8];
	size_t k, j, len;

	if (hire == DATE_NONE) {
		clauses_add(n, "%s%% ramp (no hire date)", trim_str(ramp_on(o,
		    hire, from), 2, a));
		return;
	}
	date_format(hire, h);
	if (hire > to) {
		clauses_add(n, "not started (hire date %s)", h);
		return;
	}
	if (hire > from) {
		clauses_add(n, "hired %s, prorated", h);
		from = hire;
	}
	k = ramp_groups(p, hire, from, to, g, sizeof(g) / sizeof(g[0]));
	if (k == 0) {
		clauses_add(n, "no business days after the hire date");
		return;
	}
	if (k == 1) {
		clauses_add(n, "%s%% ramp, %s", trim_str(g[0].ramp, 2, a),
		    months_str(&g[0], ms, sizeof(ms)));
		return;
	}
	len = (size_t)snprintf(text, sizeof(text), "ramp");
	for (j = 0; j < k && len < sizeof(text); j++)
		len += (size_t)snprintf(text + len, sizeof(text) - len,
		    "%s %s%% in %s", j ? "," : "", trim_str(g[j].ramp, 2, a),
		    months_str(&g[j], ms, sizeof(ms)));
	clauses_add(n, "%s", text);
}

/* Why a rep's goal differs from its share of the total. */
static void
note_bound(struct clauses *n, const struct goal_plan *p, size_t i)
{
	const struct goals_opts *o = p->opt;
	const struct rep_goal *g = &p->rep[i];
	const struct roster_rep *rp = &p->roster->rep[i];
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ], c[MONEY_BUFSZ];

	if (g->min_over_cap) {
		clauses_add(n, "min %s applies, above the %s %s", goals_amount(o,
		    rp->min, a), g->bound == BOUND_CAP ? "cap" : "max",
		    goals_amount(o, g->bound_value, b));
		return;
	}
	switch (g->bound) {
	case BOUND_CAP:
		clauses_add(n, "capped at %s (basis %s + %s%%)", goals_amount(o,
		    g->goal, a), goals_amount(o, g->basis, b), trim_str(o->cap,
		    2, c));
		return;
	case BOUND_MAX:
		clauses_add(n, "held to the max %s", goals_amount(o, g->goal, a));
		return;
	case BOUND_MIN:
		clauses_add(n, "raised to the min %s", goals_amount(o, g->goal, a));
		return;
	case BOUND_NONE:
		break;
	}
	if (g->shift > 0)
		clauses_add(n, "%s more as others are at their cap or max",
		    goals_amount(o, g->shift, a));
	else if (g->shift < 0)
		clauses_add(n, "%s less as others are at their min",
		    goals_amount(o, -g->shift, a));
}

/* What part of the rep's goal a sub-period holds, and why. */
static void
note_cell(struct clauses *n, const struct goal_plan *p, size_t i, size_t c)
{
	const struct goals_opts *o = p->opt;
	const struct goal_cell *cl = &p->cell[i * p->nsub + c];
	int64_t goal = p->rep[i].goal, d = sub_days(p, c);
	int pct = goal ? (int)div_round((weight_t)1000 * (weight_t)cl->goal,
	    (weight_t)goal) : 0;
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ];

	if (goal == 0)
		return;
	if (o->season)
		clauses_add(n, "%d.%d%% of the %s goal %s (season factor %s, %lld "
		    "business day%s)", pct / 10, pct % 10, o->period.label,
		    goals_amount(o, goal, a), trim_str(o->season[c], 4, b),
		    (long long)d, d == 1 ? "" : "s");
	else
		clauses_add(n, "%d.%d%% of the %s goal %s (%lld business day%s)",
		    pct / 10, pct % 10, o->period.label, goals_amount(o, goal, a),
		    (long long)d, d == 1 ? "" : "s");
}

/* After goals_adjust: what was achieved and how the rest is spread. */
static void
note_actuals(struct clauses *n, const struct goal_plan *p, size_t i, size_t c)
{
	const struct goals_opts *o = p->opt;
	const struct rep_goal *g = &p->rep[i];
	const struct goal_cell *cl = &p->cell[i * p->nsub + c];
	const struct period *s = &p->sub[c];
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ], e[MONEY_BUFSZ], f[MONEY_BUFSZ];
	char d[DATE_BUFSZ];
	int64_t part = cl->goal - cl->won;

	date_format(p->as_of, d);
	if (g->goal == 0 && g->achieved == 0)
		return;		/* the ramp or bound already says why */
	if (s->end <= p->as_of) {
		clauses_add(n, "achieved, as of %s", d);
		return;
	}
	if (g->remaining == 0) {
		clauses_add(n, "goal %s met: %s achieved by %s", goals_amount(o,
		    g->goal, a), goals_amount(o, g->achieved, b), d);
		return;
	}
	if (s->start <= p->as_of)
		clauses_add(n, "%s achieved by %s", goals_amount(o, cl->won, a), d);
	if (part == g->remaining)
		clauses_add(n, "the remaining %s (goal %s − %s achieved)",
		    goals_amount(o, g->remaining, a), goals_amount(o, g->goal, b),
		    goals_amount(o, g->achieved, e));
	else
		clauses_add(n, "%s of the remaining %s (goal %s − %s achieved)",
		    goals_amount(o, part, a), goals_amount(o, g->remaining, b),
		    goals_amount(o, g->goal, e), goals_amount(o, g->achieved,
		    f));
}

void
goals_note(const struct goal_plan *p, size_t i, size_t c, char *buf,
    size_t size)
{
	struct clauses n;
	const struct period *s = &p->sub[c];

	clauses_init(&n, buf, size);
	note_share(&n, p, i);
	note_ramp(&n, p, i, s->start, s->end);
	note_bound(&n, p, i);
	if (p->adjusted)
		note_actuals(&n, p, i, c);
	else if (p->opt->split != SPLIT_NONE)
		note_cell(&n, p, i, c);
}

const char *const goals_columns[] = {
	"rep", "team", "metric", "period", "start", "end", "goal",
	"share_pct", "ramp_pct", "basis", "note"
};
const size_t goals_ncolumns = sizeof(goals_columns) / sizeof(goals_columns[0]);

static const enum out_type goals_types[] = {
	OT_TEXT, OT_TEXT, OT_TEXT, OT_TEXT, OT_DATE, OT_DATE, OT_AMOUNT,
	OT_PERCENT, OT_PERCENT, OT_AMOUNT, OT_TEXT
};

/* Money with two decimals; a counted metric in whole units when it can. */
static void
out_amount(struct out *o, const struct goals_opts *opt, int64_t v)
{
	if (!opt->count)
		out_money(o, v);
	else if (v % 100 == 0)
		out_int(o, v / 100);
	else
		out_fixed(o, v, 2);
}

void
goals_write(const struct goal_plan *p, struct out *o)
{
	const struct goals_opts *opt = p->opt;
	char note[1024];
	size_t i, c;

	out_columns(o, goals_ncolumns, goals_columns, goals_types);
	for (i = 0; i < p->nrep; i++) {
		const struct roster_rep *rp = &p->roster->rep[i];

		for (c = 0; c < p->nsub; c++) {
			const struct goal_cell *cl = &p->cell[i * p->nsub + c];

			out_str(o, rp->name);
			out_str(o, rp->team);
			out_str(o, opt->metric);
			out_str(o, p->sub[c].label);
			out_date(o, p->sub[c].start);
			out_date(o, p->sub[c].end);
			out_amount(o, opt, cl->goal);
			out_fixed(o, p->rep[i].share_pct, 1);
			out_fixed(o, cl->ramp_pct, 1);
			if (rp->has_basis)
				out_amount(o, opt, rp->basis);
			else
				out_empty(o);
			goals_note(p, i, c, note, sizeof(note));
			out_str(o, note);
			out_row_end(o);
		}
	}
}
