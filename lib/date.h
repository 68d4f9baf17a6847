/*
 * date: calendar dates as int32 day numbers (days since 1970-01-01, so
 * subtraction gives days between), read from the forms CRM exports use.
 *
 * Accepted by date_parse without a format (surrounding spaces ignored):
 *   2027-03-31                 ISO date
 *   2027-03-31T14:05[:09[.123]][Z|+01:00|-0500]   ISO date-time; the time is dropped
 *   2027-03-31 14:05[:09]      date-time with a space
 *   3/31/2027, 03/31/2027      US month/day/year, four-digit year only
 *   2027/3/31, 2027/03/31      year/month/day
 *   31.3.2027, 31.03.2027      day.month.year, four-digit year only
 * The last three may be followed by a time (" 2:05 PM", " 14:05[:09]"),
 * which is dropped.  A date must exist (2027-02-29 is rejected), years run
 * 1..9999, and a two-digit year is rejected rather than guessed.  With a
 * strptime format only that format is accepted (in the C locale, whatever
 * the process locale), and trailing text is an error; the format must
 * give the year, and a month or day it leaves out is taken as January or
 * the first.  The format "%s" alone reads seconds since 1970-01-01 00:00
 * UTC, whatever TZ says.
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
/*
 * Why fmt cannot be a --date-format (a short static phrase), or NULL when
 * it can: %s must stand alone.
 */
const char *date_format_check(const char *fmt);
/*
 * For a value date_parse refused: which --date-format of a common order
 * would read it, as "looks like day-month-year: --date-format %d-%m-%Y"
 * (two orders when both fit, as 05-06-2027 does), or NULL.  fmt is the
 * format already in use (NULL for none), never suggested again.
 */
const char *date_hint(const char *s, size_t len, const char *fmt);
/*
 * What a message says it could not read s as: "a date", or "a date
 * (HINT)".  The string lives until the next call in the same thread.
 */
const char *date_what(const char *s, size_t len, const char *fmt);

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
