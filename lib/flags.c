/*
 * flags: funnel-flag's rules, learning, scoring and explanations.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clauses.h"
#include "date.h"
#include "diag.h"
#include "flags.h"
#include "money.h"
#include "opts.h"
#include "xalloc.h"

#define MAX_DAYS 36600		/* a century: longer spans are clamped */
#define AMOUNT_BUCKETS (64 * 1024)
#define MIN_LEARN 20		/* deals needed before a median is trusted */

static const char *const flag_codes[FF_NFLAGS] = {
	[FF_PAST_DUE] = "past-due", [FF_STALE] = "stale",
	[FF_STUCK] = "stuck", [FF_SLIPPED] = "slipped",
	[FF_SHRUNK] = "shrunk", [FF_REGRESSED] = "regressed",
	[FF_AGED] = "aged", [FF_DISCOUNT] = "discount",
	[FF_NO_NEXT_STEP] = "no-next-step", [FF_NO_AMOUNT] = "no-amount",
	[FF_NO_CLOSE_DATE] = "no-close-date",
};

/* Flags about the record rather than the deal's health. */
#define HYGIENE (1u << FF_PAST_DUE | 1u << FF_NO_NEXT_STEP | \
    1u << FF_NO_AMOUNT | 1u << FF_NO_CLOSE_DATE)
/* Flags that say the deal itself is in trouble. */
#define RISK (1u << FF_PAST_DUE | 1u << FF_STALE | 1u << FF_STUCK | \
    1u << FF_SLIPPED | 1u << FF_SHRUNK | 1u << FF_REGRESSED | \
    1u << FF_AGED | 1u << FF_DISCOUNT)

const char *
ff_flag_code(enum ff_flag f)
{
	return flag_codes[f];
}

const char *
ff_action_name(enum ff_action a)
{
	static const char *const names[] = { "", "extra-effort",
	    "de-resource", "clean-up" };

	return names[a];
}

size_t
ff_flags_string(unsigned flags, char *buf, size_t bufsz)
{
	size_t o = 0, n;
	int f;

	for (f = 0; f < FF_NFLAGS; f++) {
		if (!(flags & 1u << f))
			continue;
		n = strlen(flag_codes[f]);
		if (o + n + 2 > bufsz)
			break;
		if (o > 0)
			buf[o++] = ';';
		memcpy(buf + o, flag_codes[f], n);
		o += n;
	}
	buf[o] = '\0';
	return o;
}

/* --- configuration --- */


static void
limits_init(struct stage_limits *l, int dflt)
{
	strmap_init(&l->stages);
	l->days = NULL;
	l->dflt = dflt;
}

void
ff_config_init(struct ff_config *c)
{
	memset(c, 0, sizeof(*c));
	limits_init(&c->stale, 14);
	limits_init(&c->stuck, -1);
	c->max_age_days = -1;
	c->push_limit = 2;
	c->max_discount = 2000;
	c->dead_past_due_days = 30;
	c->has_amount_col = true;
	c->has_close_col = true;
}

void
ff_config_free(struct ff_config *c)
{
	strmap_free(&c->stale.stages);
	strmap_free(&c->stuck.stages);
	free(c->stale.days);
	free(c->stuck.days);
	free(c->order);
}

void
stage_limits_parse(struct stage_limits *l, const char *opt, const char *arg)
{
	struct kv *kv;
	size_t n = kvlist_parse(opt, arg, &kv), i, k;
	char key[STAGE_KEY_SZ];

	for (i = 0; i < n; i++) {
		int days = (int)opt_long(opt, kv[i].value, 0, MAX_DAYS);

		if (kv[i].name == NULL) {
			l->dflt = days;
			continue;
		}
		stage_key(kv[i].name, strlen(kv[i].name), key);
		k = strmap_intern(&l->stages, key, strlen(key), NULL);
		l->days = xrealloc(l->days, l->stages.n * sizeof(int));
		l->days[k] = days;
	}
	kv_free(kv, n);
}

int
stage_limits_get(const struct stage_limits *l, const char *key)
{
	size_t k = strmap_find(&l->stages, key, strlen(key));

	return k == (size_t)-1 ? l->dflt : l->days[k];
}

void
ff_set_order(struct ff_config *c, const char *list)
{
	struct kv *kv;
	size_t n = kvlist_parse("--stages", list, &kv), i;

	c->order = xrealloc(c->order, n * STAGE_KEY_SZ);
	for (i = 0; i < n; i++) {
		if (kv[i].name != NULL)
			errx(EXIT_USAGE, "--stages: expected stage names "
			    "separated by commas, earliest first");
		stage_key(kv[i].value, strlen(kv[i].value), c->order[i]);
	}
	c->norder = n;
	kv_free(kv, n);
}

/* --- learning --- */

void
dayhist_add(struct dayhist *h, int64_t days)
{
	size_t d;

	if (days < 0)
		return;
	d = days > MAX_DAYS ? MAX_DAYS : (size_t)days;
	if (d >= h->size) {
		size_t size = h->size ? h->size : 64;

		while (size <= d)
			size *= 2;
		h->count = xrealloc(h->count, size * sizeof(*h->count));
		memset(h->count + h->size, 0,
		    (size - h->size) * sizeof(*h->count));
		h->size = size;
	}
	h->count[d]++;
	h->total++;
}

/* The k-th smallest value (from 0). */
static int64_t
dayhist_nth(const struct dayhist *h, uint64_t k)
{
	uint64_t seen = 0;
	size_t d;

	for (d = 0; d < h->size; d++) {
		seen += h->count[d];
		if (seen > k)
			return (int64_t)d;
	}
	return -1;
}

int64_t
dayhist_median2(const struct dayhist *h)
{
	if (h->total == 0)
		return -1;
	return dayhist_nth(h, (h->total - 1) / 2) + dayhist_nth(h, h->total / 2);
}

/*
 * Open amounts go into buckets of about 0.1% width: the bucket is the bit
 * length of the amount and its next ten bits.  Amounts under 1024 cents
 * have a bucket each.
 */
static size_t
amount_bucket(int64_t cents)
{
	uint64_t v = (uint64_t)cents;
	int b = 63 - __builtin_clzll(v);

	if (v < 1024)
		return (size_t)v;
	return (size_t)(b - 9) * 1024 + (size_t)((v >> (b - 10)) & 1023);
}

void
ff_learn_init(struct ff_learn *l)
{
	memset(l, 0, sizeof(*l));
	strmap_init(&l->stages);
	l->age_limit = -1;
}

void
ff_learn_free(struct ff_learn *l)
{
	size_t i;

	for (i = 0; i < l->stages.n; i++) {
		free(l->in_stage[i].count);
		free(l->stage_name[i]);
	}
	free(l->in_stage);
	free(l->stage_name);
	free(l->stuck_limit);
	free(l->stuck_m2);
	free(l->stuck_n);
	free(l->won_cycle.count);
	free(l->amounts);
	free(l->amount_min);
	strmap_free(&l->stages);
}

static size_t
learn_stage(struct ff_learn *l, struct text stage)
{
	char key[STAGE_KEY_SZ];
	bool added;
	size_t k;

	stage_key(stage.s, stage.len, key);
	k = strmap_intern(&l->stages, key, strlen(key), &added);
	if (added) {
		if (l->stages.n > l->cap) {
			l->cap = l->cap ? l->cap * 2 : 16;
			l->in_stage = xrealloc(l->in_stage,
			    l->cap * sizeof(*l->in_stage));
			l->stage_name = xrealloc(l->stage_name,
			    l->cap * sizeof(*l->stage_name));
		}
		memset(&l->in_stage[k], 0, sizeof(l->in_stage[k]));
		l->stage_name[k] = xrealloc(NULL, stage.len + 1);
		memcpy(l->stage_name[k], stage.s, stage.len);
		l->stage_name[k][stage.len] = '\0';
	}
	return k;
}

void
ff_learn_add(struct ff_learn *l, const struct ff_config *c,
    const struct deal *d)
{
	if (d->cls == STAGE_WON && d->created != DATE_NONE &&
	    d->close != DATE_NONE)
		dayhist_add(&l->won_cycle, (int64_t)d->close - d->created);
	if (d->cls != STAGE_OPEN)
		return;
	if (d->stage_changed != DATE_NONE && d->stage_changed <= c->as_of) {
		size_t k = learn_stage(l, d->stage);

		dayhist_add(&l->in_stage[k],
		    (int64_t)c->as_of - d->stage_changed);
	}
	if (d->has_amount && d->amount > 0) {
		size_t b = amount_bucket(d->amount);

		if (l->amounts == NULL) {
			l->amounts = xcalloc(AMOUNT_BUCKETS,
			    sizeof(*l->amounts));
			l->amount_min = xcalloc(AMOUNT_BUCKETS,
			    sizeof(*l->amount_min));
		}
		if (l->amounts[b]++ == 0 || d->amount < l->amount_min[b])
			l->amount_min[b] = d->amount;
		l->namounts++;
	}
}

/*
 * The top quarter: amounts larger than at least three quarters of the
 * open amounts.  When all amounts are equal no deal is in it.  p75 is the
 * smallest amount seen in the first bucket that qualifies.
 */
static void
learn_p75(struct ff_learn *l)
{
	uint64_t need, below = 0;
	size_t b;

	if (l->namounts == 0)
		return;
	need = (l->namounts * 3 + 3) / 4;
	for (b = 0; b < AMOUNT_BUCKETS; b++) {
		if (l->amounts[b] == 0)
			continue;
		if (below >= need) {
			l->p75 = l->amount_min[b];
			l->has_p75 = true;
			return;
		}
		below += l->amounts[b];
	}
}

void
ff_learn_finish(struct ff_learn *l, const struct ff_config *c)
{
	size_t i, n = l->stages.n;

	l->stuck_limit = xrealloc(l->stuck_limit, (n ? n : 1) * sizeof(int));
	l->stuck_m2 = xrealloc(l->stuck_m2, (n ? n : 1) * sizeof(int));
	l->stuck_n = xrealloc(l->stuck_n, (n ? n : 1) * sizeof(int));
	for (i = 0; i < n; i++) {
		const struct dayhist *h = &l->in_stage[i];

		l->stuck_limit[i] = -1;
		l->stuck_n[i] = (int)(h->total > INT32_MAX ? INT32_MAX :
		    h->total);
		l->stuck_m2[i] = (int)dayhist_median2(h);
		if (h->total >= MIN_LEARN)
			l->stuck_limit[i] = (int)(3 * dayhist_median2(h) / 4);
	}
	if (c->max_age_days < 0 && l->won_cycle.total >= MIN_LEARN) {
		l->age_m2 = (int)dayhist_median2(&l->won_cycle);
		l->age_n = (int)(l->won_cycle.total > INT32_MAX ? INT32_MAX :
		    l->won_cycle.total);
		l->age_limit = l->age_m2;	/* 2 × median */
	}
	learn_p75(l);
}

/* --- evaluation --- */

/* "18" or "18.5" from a doubled median. */
static const char *
half(int64_t m2, char *buf, size_t size)
{
	snprintf(buf, size, m2 % 2 ? "%lld.5" : "%lld", (long long)(m2 / 2));
	return buf;
}

/* Points for being `over` days past a limit: base, plus up to extra. */
static int
overshoot_points(int base, int extra, int64_t over, int64_t limit)
{
	int64_t add = limit > 0 ? extra * over / limit : extra;

	return base + (int)(add > extra ? extra : add);
}

/* Where the stage sits in the funnel, 0..100, or -1 when unknown. */
static int
stage_position(const struct ff_config *c, const struct deal *d)
{
	char key[STAGE_KEY_SZ];
	size_t i;

	if (c->norder > 1) {
		stage_key(d->stage.s, d->stage.len, key);
		for (i = 0; i < c->norder; i++)
			if (strcmp(c->order[i], key) == 0)
				return (int)(i * 100 / (c->norder - 1));
	}
	return d->prob >= 0 ? d->prob / 100 : -1;
}

static int
order_index(const struct ff_config *c, const char *key)
{
	size_t i;

	for (i = 0; i < c->norder; i++)
		if (strcmp(c->order[i], key) == 0)
			return (int)i;
	return -1;
}

struct eval {
	const struct ff_config *c;
	const struct ff_learn *l;
	const struct deal *d;
	const struct ff_prev *prev;
	struct ff_result *r;
	struct clauses why;
	int64_t idle, idle_limit;	/* for the de-resource test */
	int64_t overdue;
};

static void
flag(struct eval *e, enum ff_flag f, int points)
{
	e->r->flags |= 1u << f;
	e->r->risk += points;
}

static void
check_past_due(struct eval *e)
{
	char b[DATE_BUFSZ];

	if (e->d->close == DATE_NONE || e->d->close >= e->c->as_of)
		return;
	e->overdue = (int64_t)e->c->as_of - e->d->close;
	flag(e, FF_PAST_DUE, overshoot_points(10, 10, e->overdue, 30));
	date_format(e->d->close, b);
	clauses_add(&e->why, "close date %s passed %lld day%s ago", b,
	    (long long)e->overdue, e->overdue == 1 ? "" : "s");
}

static void
check_stale(struct eval *e, const char *key)
{
	const struct deal *d = e->d;
	int32_t touch = d->activity;
	const char *since = NULL;
	int limit = stage_limits_get(&e->c->stale, key);

	if (touch == DATE_NONE && d->stage_changed != DATE_NONE) {
		touch = d->stage_changed;
		since = "the last stage change";
	} else if (touch == DATE_NONE && d->created != DATE_NONE) {
		touch = d->created;
		since = "the deal was created";
	}
	if (touch == DATE_NONE || limit < 0)
		return;
	e->idle = (int64_t)e->c->as_of - touch;
	e->idle_limit = limit;
	if (e->idle <= limit)
		return;
	flag(e, FF_STALE, overshoot_points(15, 15, e->idle - limit, limit));
	if (since == NULL)
		clauses_add(&e->why, "no activity for %lld days (limit %d)",
		    (long long)e->idle, limit);
	else
		clauses_add(&e->why, "no activity recorded; %lld days since %s "
		    "(limit %d)", (long long)e->idle, since, limit);
}

static void
check_stuck(struct eval *e, const char *key)
{
	const struct deal *d = e->d;
	const struct ff_learn *l = e->l;
	int limit = stage_limits_get(&e->c->stuck, key);
	size_t k = strmap_find(&l->stages, key, strlen(key));
	int64_t days;
	char m[24];

	if (d->stage_changed == DATE_NONE)
		return;
	days = (int64_t)e->c->as_of - d->stage_changed;
	if (limit < 0 && k != (size_t)-1 && l->stuck_limit[k] >= 0)
		limit = l->stuck_limit[k];
	else
		k = (size_t)-1;		/* the limit was not learned */
	if (limit < 0)
		limit = 30;
	if (days <= limit)
		return;
	flag(e, FF_STUCK, overshoot_points(10, 10, days - limit, limit));
	if (k == (size_t)-1)
		clauses_add(&e->why, "in stage %.*s for %lld days (limit %d)",
		    (int)d->stage.len, d->stage.s, (long long)days, limit);
	else
		clauses_add(&e->why, "in stage %.*s for %lld days (limit %d: "
		    "1.5 x the median %s days of %d open deals in the stage)",
		    (int)d->stage.len, d->stage.s, (long long)days, limit,
		    half(l->stuck_m2[k], m, sizeof(m)), l->stuck_n[k]);
}

static void
check_slipped(struct eval *e)
{
	const struct deal *d = e->d;
	const struct ff_prev *p = e->prev;
	int pushes = p != NULL ? p->pushes : 0;
	bool moved = p != NULL && p->close != DATE_NONE &&
	    d->close != DATE_NONE && d->close > p->close;
	char from[DATE_BUFSZ], to[DATE_BUFSZ];

	pushes += moved;
	if (d->push > pushes)
		pushes = d->push;
	e->r->pushes = pushes;
	if (pushes < e->c->push_limit)
		return;
	flag(e, FF_SLIPPED, overshoot_points(10, 10,
	    pushes - e->c->push_limit, 2));
	if (moved) {
		date_format(p->close, from);
		date_format(d->close, to);
		clauses_add(&e->why, "close date pushed %d times (limit %d), "
		    "last from %s to %s", pushes, e->c->push_limit, from, to);
	} else {
		clauses_add(&e->why, "close date pushed %d times (limit %d)",
		    pushes, e->c->push_limit);
	}
}

static void
check_prev(struct eval *e, const char *key)
{
	const struct deal *d = e->d;
	const struct ff_prev *p = e->prev;
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ];
	int was, now;
	bool back;

	if (p == NULL)
		return;
	if (p->has_amount && d->has_amount && d->amount < p->amount) {
		money_format(p->amount, a);
		money_format(d->amount, b);
		flag(e, FF_SHRUNK, 10);
		clauses_add(&e->why, "amount fell from %s to %s since the "
		    "previous export", a, b);
	}
	if (strcmp(p->stage_key, key) == 0)
		return;
	if (e->c->norder > 0) {
		was = order_index(e->c, p->stage_key);
		now = order_index(e->c, key);
		back = was >= 0 && now >= 0 && now < was;
	} else {
		back = p->prob >= 0 && d->prob >= 0 && d->prob < p->prob;
	}
	if (back) {
		flag(e, FF_REGRESSED, 15);
		clauses_add(&e->why, "stage moved back from %s to %.*s since the "
		    "previous export", p->stage, (int)d->stage.len,
		    d->stage.s);
	}
}

static void
check_aged(struct eval *e)
{
	const struct deal *d = e->d;
	int limit = e->c->max_age_days;
	int64_t age;
	char m[24];

	if (limit < 0)
		limit = e->l->age_limit;
	if (limit < 0 || d->created == DATE_NONE)
		return;
	age = (int64_t)e->c->as_of - d->created;
	if (age <= limit)
		return;
	flag(e, FF_AGED, overshoot_points(10, 10, age - limit, limit));
	if (e->c->max_age_days >= 0)
		clauses_add(&e->why, "open %lld days (limit %d)", (long long)age,
		    limit);
	else
		clauses_add(&e->why, "open %lld days (limit %d: 2 x the median "
		    "%s days from creation to close of %d won deals)",
		    (long long)age, limit, half(e->l->age_m2, m, sizeof(m)),
		    e->l->age_n);
}

static void
check_record(struct eval *e)
{
	const struct deal *d = e->d;

	if (d->discount > e->c->max_discount) {
		flag(e, FF_DISCOUNT, 5);
		clauses_add(&e->why, "discount %d.%d%% (limit %d.%d%%)",
		    d->discount / 100, d->discount % 100 / 10,
		    e->c->max_discount / 100, e->c->max_discount % 100 / 10);
	}
	if (d->next_step_empty) {
		flag(e, FF_NO_NEXT_STEP, 5);
		clauses_add(&e->why, "no next step");
	}
	if (e->c->has_amount_col && (!d->has_amount || d->amount == 0)) {
		flag(e, FF_NO_AMOUNT, 5);
		clauses_add(&e->why, d->has_amount ? "amount is zero" :
		    "no amount");
	}
	if (e->c->has_close_col && d->close == DATE_NONE) {
		flag(e, FF_NO_CLOSE_DATE, 5);
		clauses_add(&e->why, "no close date");
	}
}

/*
 * A deal looks dead when nobody has touched it for twice the limit and it
 * also slipped or is long past due, or when it has aged in an early stage.
 */
static const char *
dead_reason(const struct eval *e, int pos)
{
	unsigned f = e->r->flags;

	if ((f & 1u << FF_STALE) && e->idle > 2 * e->idle_limit) {
		if (f & 1u << FF_SLIPPED)
			return "idle over twice the limit and slipped";
		if ((f & 1u << FF_PAST_DUE) &&
		    e->overdue > e->c->dead_past_due_days)
			return "idle over twice the limit and long past due";
	}
	if ((f & 1u << FF_AGED) && pos >= 0 && pos <= 25)
		return "aged in an early stage";
	return NULL;
}

/* A deal worth saving: big, late, or counted on in the forecast. */
static bool
worth_saving(const struct eval *e, int pos, char *why, size_t size)
{
	const struct deal *d = e->d;
	char key[STAGE_KEY_SZ], a[MONEY_BUFSZ];

	if (d->has_amount && e->l->has_p75 && d->amount >= e->l->p75) {
		money_format(e->l->p75, a);
		snprintf(why, size, "in the top quarter of open deals by "
		    "amount (from %s)", a);
		return true;
	}
	if (pos >= 60) {
		snprintf(why, size, "late stage");
		return true;
	}
	stage_key(d->category.s, d->category.len, key);
	if (strcmp(key, "commit") == 0 || strcmp(key, "bestcase") == 0) {
		snprintf(why, size, "forecast category %.*s",
		    (int)d->category.len, d->category.s);
		return true;
	}
	return false;
}

static void
decide_action(struct eval *e)
{
	int pos = stage_position(e->c, e->d);
	const char *dead = dead_reason(e, pos);
	char worth[128];

	if (dead != NULL) {
		e->r->action = ACT_DE_RESOURCE;
		clauses_add(&e->why, "looks dead: %s", dead);
	} else if ((e->r->flags & RISK) &&
	    worth_saving(e, pos, worth, sizeof(worth))) {
		e->r->action = ACT_EXTRA_EFFORT;
		clauses_add(&e->why, "worth saving: %s", worth);
	} else if (e->r->flags != 0 && (e->r->flags & ~HYGIENE) == 0) {
		e->r->action = ACT_CLEAN_UP;
	}
}

void
ff_evaluate(const struct ff_config *c, const struct ff_learn *l,
    const struct deal *d, const struct ff_prev *prev, struct ff_result *r)
{
	struct eval e = { c, l, d, prev, r, { NULL, 0, 0 }, 0, 0, 0 };
	char key[STAGE_KEY_SZ];

	r->flags = 0;
	r->risk = 0;
	r->action = ACT_NONE;
	r->pushes = prev != NULL ? prev->pushes : (d->push > 0 ? d->push : 0);
	clauses_init(&e.why, r->why, sizeof(r->why));
	if (d->cls != STAGE_OPEN)
		return;
	stage_key(d->stage.s, d->stage.len, key);
	check_past_due(&e);
	check_stale(&e, key);
	check_stuck(&e, key);
	check_slipped(&e);
	check_prev(&e, key);
	check_aged(&e);
	check_record(&e);
	if (r->risk > 100)
		r->risk = 100;
	decide_action(&e);
}
