/*
 * calendar: business days.  A business day is Monday to Friday and not a
 * holiday; holidays come from a file of ISO dates, one a line (blank lines,
 * lines starting with '#' and text after a '#' are ignored).  Pace,
 * expected-to-date and goal splits all count days through here.
 */
#ifndef SALESPERF_CALENDAR_H
#define SALESPERF_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct calendar {
	int32_t *holidays;	/* sorted, no duplicates, weekdays only */
	size_t n, cap;
};

void cal_init(struct calendar *cal);
void cal_free(struct calendar *cal);
/*
 * Adds one holiday (weekends are accepted and simply change nothing, so
 * they are not stored).  Returns 0; running out of memory ends the run,
 * as xalloc does.
 */
int cal_add(struct calendar *cal, int32_t day);
/*
 * Reads holidays from fp, in any order, and sorts them once: O(n log n).
 * Lines may end in LF, CRLF or a lone CR, and a UTF-8 byte-order mark
 * before the first line is ignored.  A line that is not an ISO date is
 * reported as "NAME:LINE: cannot read "VALUE" as a date (YYYY-MM-DD)"
 * and makes the call return -1 after reading the rest; 0 on success.
 */
int cal_load(struct calendar *cal, FILE *fp, const char *name);
/* In both, cal may be NULL for Monday to Friday with no holidays. */
bool cal_is_busday(const struct calendar *cal, int32_t day);
/* Business days in [from, to], both included; 0 when to < from.  O(log n). */
int64_t cal_busdays(const struct calendar *cal, int32_t from, int32_t to);

#endif
