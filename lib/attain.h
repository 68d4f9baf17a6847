/*
 * attain: where a rep or a team stands against a goal on a given day.
 *
 * The figures of one goal window [start, end] as of a day (see attain(1)):
 *   busdays   business days in the window; elapsed: from start through
 *             as-of (0 before the window, busdays after it); left: the
 *             business days after as-of
 *   attainment_pct = 100 × actual ÷ goal
 *   expected_to_date = goal × elapsed ÷ busdays
 *   pace_pct = 100 × actual ÷ expected_to_date
 *   projected = actual × busdays ÷ elapsed (the actual once the window ended)
 *   gap = max(0, goal − actual); needed_per_day = gap ÷ left
 *   coverage = pipeline ÷ gap
 * A figure that would divide by zero is left out (empty), never inf or nan.
 * Quantities are int64 cents, or hundredths of a unit for counted metrics,
 * so one set of integer arithmetic serves both; percentages are in tenths
 * and coverage in hundredths.
 *
 * The report puts rep rows, reps with actuals but no goal, and the team and
 * total roll-ups of each window in one array, in the order they print.
 */
#ifndef SALESPERF_ATTAIN_H
#define SALESPERF_ATTAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "actuals.h"
#include "calendar.h"
#include "goalfile.h"
#include "output.h"
#include "period.h"

/* Status thresholds: pace in tenths of a percent, coverage in hundredths. */
#define ATTAIN_AHEAD_PACE	1100	/* ahead at 110% of pace or more */
#define ATTAIN_ON_TRACK_PACE	900	/* on-track at 90% of pace or more */
#define ATTAIN_COVERED		100	/* pipeline at least the gap: behind */

enum attain_status {
	ST_MET, ST_AHEAD, ST_ON_TRACK, ST_BEHIND, ST_AT_RISK, ST_NO_GOAL
};

/* What one row is measured from. */
struct attain_sums {
	bool has_goal;
	int64_t goal, actual, pipeline;
};

/* The figures of one row; each has_ flag false means "empty". */
struct attain_figs {
	int64_t busdays, elapsed, left;
	bool has_attainment, has_expected, has_pace, has_projected;
	bool has_gap, has_needed, has_coverage;
	int64_t attainment;	/* tenths of a percent */
	int64_t expected;
	int64_t pace;		/* tenths of a percent */
	int64_t projected;
	int64_t gap;
	int64_t needed;		/* per business day left */
	int64_t coverage;	/* hundredths: 250 is 2.5 times the gap */
	enum attain_status status;
};

/* Computes every figure of s in window w as of day as_of. */
void attain_figures(const struct attain_sums *s, const struct period *w,
    int32_t as_of, const struct calendar *cal, struct attain_figs *f);

/* "met", "ahead", "on-track", "behind", "at-risk" or "no-goal". */
const char *attain_status_name(enum attain_status st);

/*
 * The median of n values (tenths of a percent), sorting vals in place; the
 * mean of the middle two, rounded half away from zero, when n is even.
 * n must be at least 1.
 */
int64_t attain_median(int64_t *vals, size_t n);

enum attain_level { LV_REP, LV_TEAM, LV_TOTAL };

struct attain_row {
	enum attain_level level;
	const char *team, *rep;		/* "" on roll-ups that have none */
	const struct period *win;
	struct attain_sums sums;
	struct attain_figs figs;
	long rank;			/* 0: no rank */
	long reps_at_goal;		/* roll-ups only */
	bool has_median;
	int64_t median;			/* roll-ups: tenths of a percent */
	long line;			/* goals file line of a rep row, or 0 */
};

struct attain_opts {
	int32_t as_of;
	const struct calendar *cal;
	bool by_team, by_total;
	bool count;			/* whole units instead of money */
	const char *metric;		/* printed in the metric column */
};

struct attain_report {
	struct attain_row *rows;
	size_t n, cap;
	struct period *wins;		/* the distinct goal windows */
	size_t nwin;
};

/* The distinct windows of the goals, ordered by start, end, first use. */
size_t attain_windows(const struct goalfile *gf, struct period **out);

/*
 * Builds the report of goals gf against actuals act, whose windows must be
 * those of attain_windows(gf): per window, the rep rows in goals-file
 * order, then the reps with actuals but no goal (by name), then the team
 * roll-ups (by team) and the total.
 */
void attain_build(struct attain_report *r, const struct goalfile *gf,
    const struct actuals *act, const struct attain_opts *o);
void attain_report_free(struct attain_report *r);

/* Writes the report: the header, then every row. */
void attain_write(const struct attain_report *r, struct out *o,
    const struct attain_opts *opt);

#endif
