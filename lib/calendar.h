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
 * they are not stored).  Returns 0, or -1 with errno set when out of memory.
 */
int cal_add(struct calendar *cal, int32_t day);
/*
 * Reads holidays from fp.  A line that is not an ISO date is reported as
 * "NAME:LINE: cannot read "VALUE" as a date" through warnx and makes the
 * call return -1 after reading the rest; 0 on success.
 */
int cal_load(struct calendar *cal, FILE *fp, const char *name);
/* In both, cal may be NULL for Monday to Friday with no holidays. */
bool cal_is_busday(const struct calendar *cal, int32_t day);
/* Business days in [from, to], both included; 0 when to < from.  O(log n). */
int64_t cal_busdays(const struct calendar *cal, int32_t from, int32_t to);

#endif
