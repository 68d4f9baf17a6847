/*
 * period: the reporting windows of --period and their sub-periods.
 *
 * Forms (letters in any case; labels are written back as shown):
 *   2027-Q1     quarter of the fiscal year 2027; also Q1-2027, Q1 2027,
 *               2027 Q1, 2027Q1, FY2027-Q1, Q1 FY2027 (label 2027-Q1)
 *   2027-03     calendar month
 *   2027-W05    ISO week (Monday to Sunday)
 *   2027-03-31  a single day
 *   2027        the fiscal year 2027 (a calendar year when fiscal_start is 1)
 *   FY2027      the same as 2027
 *   2027-01-01..2027-03-31   an explicit range, both ends included
 * fiscal_start (1..12) is the month the fiscal year begins; a fiscal year
 * is named for the calendar year in which it ends, so with fiscal_start 2,
 * FY2027 runs 2026-02-01..2027-01-31 and 2027-Q1 is 2026-02-01..2026-04-30.
 * Years run 1 to 9999, fiscal years included: with fiscal_start 2 the
 * quarter 10000-Q1 cannot be named.
 *
 * period_resolve also reads relative periods, counted from an as-of day:
 *   this-quarter, last-quarter, next-quarter   fiscal quarters (2027-Q1)
 *   this-month, last-month, next-month         calendar months (2027-03)
 *   this-week, last-week, next-week            ISO weeks (2027-W05)
 *   this-year, last-year, next-year            fiscal years (2027)
 *   today, yesterday                           days (2027-03-31)
 * (a space or an underscore may stand for the dash), labelled as the
 * absolute period they resolve to, so rows written on different days
 * compare.
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

/* The forms, for messages that list them. */
#define PERIOD_FORMS "2027-Q1, Q1-2027, 2027 Q1, FY2027-Q1, 2027-03, " \
	"2027-W05, 2027-03-31, 2027, FY2027, 2027-01-01..2027-03-31"
#define PERIOD_RELATIVE_FORMS "today, yesterday, or this-, last- or next- " \
	"and week, month, quarter or year (this-quarter)"

/*
 * Parses s (NUL-terminated), an absolute period: a relative one is
 * refused, since files that name periods are read on many days.  Returns
 * 0, or -1 with *why set to a static phrase saying what is wrong ("no
 * such month", "end before start"); a text that is no period at all gets
 * "expected " and the forms.  p is left alone on error.
 */
int period_parse(const char *s, int fiscal_start, struct period *p,
    const char **why);
/*
 * The same, and relative periods counted from day as_of (DATE_NONE: none,
 * as period_parse).
 */
int period_resolve(const char *s, int fiscal_start, int32_t as_of,
    struct period *p, const char **why);

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
