/*
 * period: the reporting windows of --period and their sub-periods.
 *
 * Forms (labels are written back in the same form):
 *   2027-Q1     quarter of the fiscal year 2027
 *   2027-03     calendar month
 *   2027-W05    ISO week (Monday to Sunday)
 *   2027-03-31  a single day
 *   2027        the fiscal year 2027 (a calendar year when fiscal_start is 1)
 *   FY2027      the same as 2027
 *   2027-01-01..2027-03-31   an explicit range, both ends included
 * fiscal_start (1..12) is the month the fiscal year begins; a fiscal year
 * is named for the calendar year in which it ends, so with fiscal_start 2,
 * FY2027 runs 2026-02-01..2027-01-31 and 2027-Q1 is 2026-02-01..2026-04-30.
 */
#ifndef SALESPERF_PERIOD_H
#define SALESPERF_PERIOD_H

#include <stddef.h>
#include <stdint.h>

#include "calendar.h"

#define PERIOD_LABEL_SZ 32

struct period {
	int32_t start, end;	/* day numbers, both included */
	char label[PERIOD_LABEL_SZ];
};

enum split { SPLIT_NONE, SPLIT_MONTH, SPLIT_WEEK, SPLIT_DAY };

/*
 * Parses s (NUL-terminated).  Returns 0, or -1 with *why set to a short
 * static phrase saying what is wrong ("no month 13", "end before start").
 */
int period_parse(const char *s, int fiscal_start, struct period *p,
    const char **why);

/* The period of the given kind (quarter, month, ...) containing day. */
void period_quarter_of(int32_t day, int fiscal_start, struct period *p);
void period_month_of(int32_t day, struct period *p);

/*
 * Splits p into sub-periods: calendar months clipped to p (labels
 * "2027-02"), ISO weeks clipped to p ("2027-W06"), or days ("2027-02-03";
 * only business days of cal, which may be NULL for Mon-Fri).  SPLIT_NONE
 * gives p itself.  Returns the count and a malloc'd array in *out, or 0
 * and NULL when there is nothing (a day split of a weekend).  Running out
 * of memory is fatal (err(3)), as there is no error return.
 */
size_t period_split(const struct period *p, enum split how,
    const struct calendar *cal, struct period **out);

#endif
