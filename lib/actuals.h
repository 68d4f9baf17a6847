/*
 * actuals: what each rep has won, and has open, in a set of date windows.
 *
 * Rows come in one at a time (deals from an opportunity export, or
 * activity rows read as deals won on their date) and only their sums are
 * kept, in a hash table keyed by rep: memory grows with reps × windows,
 * never with rows.
 *
 * A won row counts toward every window that holds its close date, when
 * that date is not after as-of; an open row counts as pipeline in every
 * window that holds its close date; lost rows and rows without a date
 * count nowhere.  Quantities are cents, or hundredths of a unit for
 * counted metrics (a counted row adds 100).
 */
#ifndef SALESPERF_ACTUALS_H
#define SALESPERF_ACTUALS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "columns.h"
#include "deal.h"
#include "period.h"
#include "strmap.h"

/* One rep's sums, each an array of one entry per window. */
struct rep_sums {
	const char *rep;		/* trimmed of surrounding spaces */
	char *team;			/* first non-empty team seen, or "" */
	int64_t *won, *open;
	int64_t *nwon;			/* won rows counted per window */
};

struct actuals {
	struct period *win;		/* copies of the windows */
	size_t nwin;
	int32_t lo, hi;			/* first and last day of any window */
	int32_t as_of;
	struct strmap reps;		/* rep name -> index into sums */
	struct rep_sums *sums;
	size_t cap;
	long no_amount;			/* won rows counted without an amount */
	char *source;			/* the input's name, after actuals_load */
};

void actuals_init(struct actuals *a, const struct period *win, size_t nwin,
    int32_t as_of);
void actuals_free(struct actuals *a);

/*
 * Adds qty for rep (team may be empty) on day: to the won sums when cls
 * is STAGE_WON, to the open sums when STAGE_OPEN.  Returns 0, or -1 when
 * a sum would overflow (nothing is added).
 */
int actuals_add(struct actuals *a, struct text rep, struct text team,
    enum stage_class cls, int32_t day, int64_t qty);
/*
 * Adds one deal: its amount (a missing amount counts 0 and is counted in
 * no_amount when it matters), or 100 when count is true.
 */
int actuals_add_deal(struct actuals *a, const struct deal *d, bool count);

/* The sums of rep (compared byte for byte after trimming), or NULL. */
const struct rep_sums *actuals_find(const struct actuals *a, const char *rep,
    size_t len);
/* Every rep, sorted by name, as a malloc'd array; returns the count. */
size_t actuals_reps(const struct actuals *a, const struct rep_sums ***out);

/*
 * The input side of actuals.  An opportunity export is read with deal.h,
 * looking only at the rep, team, stage, status, amount, currency and close
 * date columns, so a bad value elsewhere does not reject a row.  An input
 * with neither a stage nor a status column holds activity rows (rep, date,
 * and a count or an amount): each row is won on its date, which is the
 * date column, or the close date when there is none.  With count, a deal
 * adds 1 and an activity row its count column (1 when empty or absent).
 */
struct actuals_reader {
	bool activity;
	bool count;
	struct deal_reader dr;
};

/* Resolves the columns of hdr; exits with status 2 if some are missing. */
void actuals_reader_init(struct actuals_reader *rd, const struct csv_row *hdr,
    const char *file, struct common_opts *opt, bool count);
/*
 * Reads one row and adds it to a.  Returns 0, or -1 for a bad row
 * (reported and rejected), including one whose sums would overflow.
 */
int actuals_read(struct actuals *a, struct actuals_reader *rd,
    const struct csv_row *row);

/*
 * Streams the export at path ("-" for standard input) into a, the way
 * attain and goal-set --actuals read it; says on stderr how many won rows
 * had no amount.  Returns the name the input goes by in messages (valid
 * until actuals_free).  Exits with status 2 when it cannot be read.
 */
const char *actuals_load(struct actuals *a, const char *path,
    struct common_opts *opt, bool count);

#endif
