/*
 * date: calendar dates as int32 day numbers (days since 1970-01-01, so
 * subtraction gives days between), read from the forms CRM exports use.
 *
 * Accepted by date_parse without a format (surrounding spaces ignored):
 *   2027-03-31                 ISO date
 *   2027-03-31T14:05[:09[.123]][Z|+01:00|-0500]   ISO date-time; the time is dropped
 *   2027-03-31 14:05[:09]      date-time with a space
 *   3/31/2027, 03/31/2027      US month/day/year, four-digit year only
 *   3/31/2027 2:05 PM, 3/31/2027 14:05[:09]  US with a time, dropped
 * A date must exist (2027-02-29 is rejected), years run 1..9999, and a
 * two-digit year is rejected rather than guessed.  With a strptime format
 * only that format is accepted (in the C locale, whatever the process
 * locale), and trailing text is an error; the format must give the year,
 * and a month or day it leaves out is taken as January or the first.
 */
#ifndef SALESPERF_DATE_H
#define SALESPERF_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DATE_NONE INT32_MIN	/* no date: missing, not "1970-01-01" */
#define DATE_BUFSZ 11		/* "YYYY-MM-DD" + NUL */

enum date_status { DATE_OK = 0, DATE_EMPTY = 1, DATE_BAD = -1 };

bool date_valid_ymd(int y, int m, int d);
/* Day number of a valid date. */
int32_t date_from_ymd(int y, int m, int d);
void date_to_ymd(int32_t day, int *y, int *m, int *d);
/* ISO weekday: 1 = Monday .. 7 = Sunday. */
int date_weekday(int32_t day);
/* Days in month m of year y. */
int date_month_days(int y, int m);

/* Parses s[0..len); fmt NULL means the built-in forms above. */
int date_parse(const char *s, size_t len, const char *fmt, int32_t *day);
/* Writes "YYYY-MM-DD"; returns 10. */
size_t date_format(int32_t day, char buf[DATE_BUFSZ]);
/* Today in the local time zone. */
int32_t date_today(void);

/* ISO 8601 week: the ISO year and week (1..53) containing day. */
void date_iso_week(int32_t day, int *iso_year, int *week);
/* The Monday of ISO week `week` of ISO year `iso_year`. */
int32_t date_iso_week_start(int iso_year, int week);
/* Number of ISO weeks in iso_year: 52 or 53. */
int date_iso_weeks_in_year(int iso_year);

#endif
