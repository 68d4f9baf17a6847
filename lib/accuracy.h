/*
 * accuracy: how close past forecasts came to what actually closed.
 *
 * The history is forecast's own output appended week after week.  Each
 * history row whose period had ended by as-of is joined with the won
 * amount of that period and group in the export (the actual).  For each
 * forecast column (commit, best_case, weighted, p50):
 *   error     forecast - actual
 *   ape       100 x |error| / |actual|, none when actual is 0
 *   mape      mean of ape over the rows that have one
 *   wape      100 x sum |error| / sum actual
 *   bias_pct  100 x sum error / sum actual (positive: over-forecast)
 *   band      from wape: within 5%, 10%, 15%, 20%, or beyond 20%
 * Summaries are per (level, group, column), optionally per week of the
 * period in which the forecast was made; a detail row is the summary of
 * one forecast.  Memory: one record per history row, nothing per deal.
 */
#ifndef SALESPERF_ACCURACY_H
#define SALESPERF_ACCURACY_H

#include <stdbool.h>
#include <stdint.h>

#include "deal.h"
#include "forecast.h"
#include "opts.h"
#include "output.h"
#include "period.h"
#include "strmap.h"

enum acc_column { ACC_COMMIT, ACC_BEST_CASE, ACC_WEIGHTED, ACC_P50,
	ACC_NCOLUMNS };

struct acc_opts {
	int32_t as_of;
	int fiscal_start;
	bool detail;		/* --detail: a row per history row too */
	bool by_week;		/* --by-week: summaries per week as well */
};

/* One history row: a forecast for one group made on one day. */
struct acc_forecast {
	uint32_t period;	/* index among the periods */
	uint32_t key;		/* index of (period, level, group) */
	int32_t as_of;
	enum fc_level level;
	uint32_t group;		/* index among the level's names */
	bool has[ACC_NCOLUMNS];
	int64_t value[ACC_NCOLUMNS];
};

struct accuracy {
	struct acc_opts opt;
	struct strmap period_names;
	struct period *period;		/* parallel to period_names */
	struct strmap names[FC_NLEVELS];
	struct strmap keys;		/* (period, level, group) joined */
	int64_t *actual;		/* parallel to keys */
	struct acc_forecast *row;
	size_t nrow, caprow;
	long not_ended;			/* rows for periods still running */
	bool team_rows;			/* the history has team rows */
	char *kbuf;			/* scratch for building keys */
	size_t kcap;
};

void acc_init(struct accuracy *a, const struct acc_opts *opt);
void acc_free(struct accuracy *a);

/*
 * Reads the history file (forecast's output, any -o csv or tsv; repeated
 * header lines from appending are skipped).  A missing column exits with
 * status 2; a bad row is reported and rejected.
 */
void acc_read_history(struct accuracy *a, const char *path);
/*
 * Finds the eight history columns acc_add_forecast takes (period, as_of,
 * level, group, commit, best_case, weighted, p50) among hdr's headers and
 * stores their indexes in idx.  Returns NULL, or the name of the first
 * column that is missing.
 */
const char *acc_history_columns(const struct csv_row *hdr, size_t idx[8]);
/*
 * Adds one history row given as text fields; returns 0, or -1 after
 * reporting (the caller rejects the row).  The values are the columns
 * period, as_of, level, group, commit, best_case, weighted, p50.
 */
int acc_add_forecast(struct accuracy *a, const char *file, long line,
    const struct text field[8]);
/* Counts a deal of the export toward the actuals (only won deals count). */
void acc_add_deal(struct accuracy *a, const struct deal *d);
/* Says on stderr what was left out (periods not yet ended). */
void acc_report(const struct accuracy *a);
/* Writes the header and the rows. */
void acc_write(const struct accuracy *a, struct out *o);

/* Week of the period in which a forecast was made: 1, 2, ...; 0 before. */
int acc_week(const struct period *p, int32_t as_of);

#endif
