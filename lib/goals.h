/*
 * goals: one team number divided into a goal per rep and sub-period.
 *
 * Each rep has a share (even, by basis, or a blend of the two, times the
 * rep's weight).  Each rep × sub-period cell has a weight: the share ×
 * the rep's ramp on each business day of the cell (0 before the hire
 * date), summed over the days, or averaged and multiplied by the cell's
 * seasonality factor.  The total is divided among the reps in proportion
 * to their summed weights within their caps and min/max, and each rep's
 * goal among its cells in proportion to the cell weights; both steps round
 * by the largest-remainder method, so the cells add up to each rep's goal
 * and the goals to the total exactly.  goal-set(1) states every rule.
 *
 * Amounts are in hundredths: cents, or hundredths of a unit for counted
 * metrics (whose goals are then rounded to whole units).
 */
#ifndef SALESPERF_GOALS_H
#define SALESPERF_GOALS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "apportion.h"
#include "calendar.h"
#include "money.h"
#include "output.h"
#include "period.h"
#include "roster.h"

#define GOALS_MAX_AMOUNT ((int64_t)1000000000000000)	/* 10^15 hundredths */
#define RAMP_FULL 10000		/* ramp percentages in hundredths: 100% */
#define SHARE_SCALE 1000000000000LL	/* shares are fixed point, 12 decimals */

enum goal_method { METHOD_EVEN, METHOD_BASIS, METHOD_BLEND };

struct goals_opts {
	enum goal_method method;
	int blend;			/* W of a blend, in hundredths of a percent */
	int64_t total;			/* before over-assignment */
	int64_t over;			/* --over-assign, hundredths of a percent */
	const int64_t *ramp;		/* hundredths of a percent by tenure month */
	size_t nramp;
	bool has_cap;
	int64_t cap;			/* --cap, hundredths of a percent */
	struct period period;
	enum split split;
	const struct calendar *cal;	/* business days (--holidays) */
	const int64_t *season;		/* one factor per sub-period, or NULL */
	size_t nseason;
	int64_t quantum;		/* goals are multiples of this (>= 1) */
	bool count;			/* counted metric: write whole units */
	const char *metric;
};

/* What the caller learned from the actuals (--actuals), per rep. */
struct goal_actuals {
	int32_t as_of;
	const int64_t *const *won;	/* won[rep][sub]; won[rep] may be NULL */
};

/* Why a rep's goal is what it is. */
struct rep_goal {
	int64_t goal;
	int64_t share;			/* normalized, Σ ≈ SHARE_SCALE */
	int share_pct;			/* tenths of a percent */
	int hist_pct, even_pct;		/* the parts of the share, tenths */
	bool imputed;			/* basis missing: median used */
	int64_t basis;			/* basis used (imputed or given) */
	weight_t weight;		/* Σ of the cell weights × share */
	enum pin pin;
	enum { BOUND_NONE, BOUND_CAP, BOUND_MAX, BOUND_MIN } bound;
	int64_t bound_value;		/* the cap, max or min that holds */
	bool min_over_cap;		/* min above the cap: min applies */
	int64_t shift;			/* goal − goal without anyone's bounds */
	int64_t achieved, remaining;	/* with actuals */
};

/* One rep × sub-period. */
struct goal_cell {
	int64_t goal;
	int64_t days;			/* business days (after the hire date) */
	int64_t ramp_days;		/* Σ ramp over the business days */
	int64_t weight;			/* within the rep: ramp × days or season */
	int64_t won;			/* achieved so far (with actuals) */
	int ramp_pct;			/* average ramp, tenths of a percent */
};

enum goals_status {
	GOALS_OK = 0,
	GOALS_NO_BASIS,		/* the method needs a basis the roster lacks */
	GOALS_ZERO_BASIS,	/* basis adds up to 0 */
	GOALS_NO_DAYS,		/* the period has no business days */
	GOALS_CAP,		/* the caps or max values cannot hold the total */
	GOALS_MIN,		/* the min values add up to more than the total */
	GOALS_NOBODY,		/* no rep can carry a goal in the period */
	GOALS_SEASON,		/* --seasonality count differs from sub-periods */
	GOALS_RANGE		/* the total is too large */
};

struct goal_plan {
	const struct roster *roster;
	const struct goals_opts *opt;
	struct period *sub;		/* the sub-periods */
	size_t nsub;
	int64_t *days;			/* business days of each sub-period */
	int64_t *season;		/* normalized factors, or NULL */
	size_t nrep;
	struct rep_goal *rep;		/* nrep */
	struct goal_cell *cell;		/* nrep × nsub, rep by rep */
	int64_t allocated;		/* total × (1 + over), rounded */
	int64_t unplaced;		/* GOALS_CAP, GOALS_MIN: by how much */
	bool adjusted;			/* re-spread with actuals */
	int32_t as_of;
	char why[256];			/* the message for a status other than OK */
};

/* Percent of a full goal in tenure month m (1 = month of the hire date). */
int64_t goals_ramp_at(const struct goals_opts *o, long m);
/*
 * Σ over the business days of [from, to] on or after hire (DATE_NONE: the
 * rep is fully tenured) of the ramp percentage of that day's tenure month.
 * *days receives the number of those business days.
 */
int64_t goals_ramp_days(const struct goals_opts *o, int32_t hire,
    int32_t from, int32_t to, int64_t *days);
/* The tenure month (1 = month of hire) of day. */
long goals_tenure_month(int32_t hire, int32_t day);

/*
 * The total to allocate: total × (1 + over), rounded to the quantum; -1
 * when it exceeds GOALS_MAX_AMOUNT.
 */
int64_t goals_allocated(const struct goals_opts *o);
/*
 * The --growth total: the sum of the basis given in the roster × (1 +
 * growth), growth in hundredths of a percent.  False when no rep has a
 * basis or the total exceeds GOALS_MAX_AMOUNT.
 */
bool goals_growth_total(const struct roster *r, int64_t growth,
    int64_t *total);

/*
 * Allocates r's goals.  Returns GOALS_OK, or another status with p->why
 * set to a whole message.  goals_free must be called either way.
 */
enum goals_status goals_plan(struct goal_plan *p, const struct roster *r,
    const struct goals_opts *o);
/*
 * Keeps what each rep has won in each sub-period up to as-of and re-spreads
 * the rest of its goal over the days after as-of by the same weights.
 * Returns GOALS_OK, or GOALS_RANGE (p->why set, the plan unchanged) when
 * what a rep has won, in a sub-period or in all, is beyond
 * GOALS_MAX_AMOUNT either way.
 */
enum goals_status goals_adjust(struct goal_plan *p,
    const struct goal_actuals *a);
void goals_free(struct goal_plan *p);

/* An amount as notes write it: "1234.50", or "12" for a counted metric. */
const char *goals_amount(const struct goals_opts *o, int64_t v,
    char buf[MONEY_BUFSZ]);

/* The output columns, in order. */
extern const char *const goals_columns[];
extern const size_t goals_ncolumns;
/* Writes the plan: one row per rep and sub-period. */
void goals_write(const struct goal_plan *p, struct out *o);
/* The note of one row, written into buf (always NUL-terminated). */
void goals_note(const struct goal_plan *p, size_t rep, size_t sub, char *buf,
    size_t size);

#endif
