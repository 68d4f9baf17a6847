/*
 * flags: funnel-flag's rules.  Each open deal is checked against rules
 * with limits (fixed, per stage, or learned from the same export), and
 * gets flags, a risk score 0..100, an action and a sentence saying why,
 * with the numbers.  funnel-flag(1) documents every rule and weight.
 *
 * Learning needs the whole export before the first verdict: the caller
 * feeds every deal to ff_learn_add, calls ff_learn_finish, then evaluates
 * each deal.  The learned state is histograms, so memory does not grow
 * with the number of rows.
 */
#ifndef SALESPERF_FLAGS_H
#define SALESPERF_FLAGS_H

#include <stdbool.h>
#include <stdint.h>

#include "deal.h"
#include "stage.h"
#include "strmap.h"

enum ff_flag {
	FF_PAST_DUE, FF_STALE, FF_STUCK, FF_SLIPPED, FF_SHRUNK, FF_REGRESSED,
	FF_AGED, FF_DISCOUNT, FF_NO_NEXT_STEP, FF_NO_AMOUNT, FF_NO_CLOSE_DATE,
	FF_NFLAGS
};

enum ff_action { ACT_NONE, ACT_EXTRA_EFFORT, ACT_DE_RESOURCE, ACT_CLEAN_UP };

/* Days per stage: "14" or "Prospecting=30,Negotiation=7" or both. */
struct stage_limits {
	struct strmap stages;	/* stage keys */
	int *days;		/* days[i] for stage i */
	int dflt;		/* for stages not named; -1: none given */
};

struct ff_config {
	int32_t as_of;
	struct stage_limits stale;	/* default 14 */
	struct stage_limits stuck;	/* default: learned, else 30 */
	int max_age_days;		/* -1: learned */
	int push_limit;			/* slipped at this many pushes */
	int max_discount;		/* basis points */
	int dead_past_due_days;		/* "long past due" */
	char (*order)[STAGE_KEY_SZ];	/* --stages, earliest first */
	size_t norder;
	bool has_amount_col;		/* no-amount needs the column */
	bool has_close_col;		/* no-close-date needs the column */
};

/* What last week's export said about a deal (--prev). */
struct ff_prev {
	int32_t close;
	bool has_amount;
	int64_t amount;
	char stage_key[STAGE_KEY_SZ];
	char stage[STAGE_KEY_SZ];	/* as written, cut to fit */
	int prob;			/* basis points, or -1 */
	int pushes;			/* pushes counted so far */
};

/* Histogram of whole days, for exact medians. */
struct dayhist {
	uint32_t *count;
	size_t size;
	uint64_t total;
};

struct ff_learn {
	struct strmap stages;		/* open deals' stage keys */
	struct dayhist *in_stage;	/* days in stage, per stage */
	char **stage_name;		/* first spelling seen, per stage */
	size_t cap;
	struct dayhist won_cycle;	/* created to close, won deals */
	uint32_t *amounts;		/* log-scale histogram of open amounts */
	int64_t *amount_min;		/* smallest amount in each bucket */
	uint64_t namounts;
	/* Results of ff_learn_finish: */
	int *stuck_limit;		/* per stage; -1: not learned */
	int *stuck_m2, *stuck_n;	/* 2 × median and count, for "why" */
	int age_limit;			/* -1: not learned */
	int age_m2, age_n;
	bool has_p75;
	int64_t p75;			/* top quartile starts here */
};

struct ff_result {
	unsigned flags;			/* 1 << enum ff_flag */
	int risk;
	enum ff_action action;
	int pushes;			/* carried forward with --prev */
	char why[1024];
};

void ff_config_init(struct ff_config *c);
void ff_config_free(struct ff_config *c);
/* Parses --stale-days / --stuck-days; exits with status 2 when bad. */
void stage_limits_parse(struct stage_limits *l, const char *opt,
    const char *arg);
/* The limit for a stage key, or l->dflt. */
int stage_limits_get(const struct stage_limits *l, const char *key);
/* Parses --stages LIST (comma-separated, earliest first). */
void ff_set_order(struct ff_config *c, const char *list);

void ff_learn_init(struct ff_learn *l);
void ff_learn_free(struct ff_learn *l);
void ff_learn_add(struct ff_learn *l, const struct ff_config *c,
    const struct deal *d);
void ff_learn_finish(struct ff_learn *l, const struct ff_config *c);

/* Median of the histogram times two (exact for even counts); -1 if empty. */
int64_t dayhist_median2(const struct dayhist *h);
void dayhist_add(struct dayhist *h, int64_t days);

/*
 * Checks one deal.  prev is last week's record of the deal or NULL.
 * Closed deals get no flags, risk 0, no action and an empty why.
 */
void ff_evaluate(const struct ff_config *c, const struct ff_learn *l,
    const struct deal *d, const struct ff_prev *prev, struct ff_result *r);

const char *ff_flag_code(enum ff_flag f);
const char *ff_action_name(enum ff_action a);
/* Writes the flag codes joined by ';' into buf; returns its length. */
size_t ff_flags_string(unsigned flags, char *buf, size_t bufsz);

#endif
