/*
 * calendar.c: counting business days without walking them.
 *
 * Only holidays that fall on a weekday are stored, because a weekend
 * holiday removes nothing.  Then the business days of a range are its
 * weekdays, found by arithmetic, minus the stored holidays inside it,
 * found by two binary searches.
 */
#include <err.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "calendar.h"
#include "date.h"

/* Day -3 (1969-12-29) was a Monday: weekdays are counted from there. */
#define MONDAY_ZERO	(-3)

void
cal_init(struct calendar *cal)
{
	cal->holidays = NULL;
	cal->n = 0;
	cal->cap = 0;
}

void
cal_free(struct calendar *cal)
{
	free(cal->holidays);
	cal_init(cal);
}

/* How many holidays come before day; cal may be NULL. */
static size_t
holidays_before(const struct calendar *cal, int64_t day)
{
	size_t lo = 0, hi, mid;

	if (cal == NULL)
		return 0;
	hi = cal->n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cal->holidays[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool
is_holiday(const struct calendar *cal, int32_t day)
{
	size_t i = holidays_before(cal, day);

	return cal != NULL && i < cal->n && cal->holidays[i] == day;
}

static int
grow(struct calendar *cal)
{
	size_t cap = cal->cap ? cal->cap * 2 : 16;
	int32_t *h;

	if (cap > SIZE_MAX / sizeof(*h))
		return -1;
	if ((h = realloc(cal->holidays, cap * sizeof(*h))) == NULL)
		return -1;
	cal->holidays = h;
	cal->cap = cap;
	return 0;
}

/*
 * Holiday files are usually in date order, so the insertion point is
 * usually the end and nothing moves.
 */
int
cal_add(struct calendar *cal, int32_t day)
{
	size_t i;

	if (date_weekday(day) > 5 || is_holiday(cal, day))
		return 0;
	if (cal->n == cal->cap && grow(cal) == -1)
		return -1;
	i = holidays_before(cal, day);
	memmove(cal->holidays + i + 1, cal->holidays + i,
	    (cal->n - i) * sizeof(*cal->holidays));
	cal->holidays[i] = day;
	cal->n++;
	return 0;
}

bool
cal_is_busday(const struct calendar *cal, int32_t day)
{
	return date_weekday(day) <= 5 && !is_holiday(cal, day);
}

/* Weekdays in [MONDAY_ZERO, day): five per whole week, then the rest. */
static int64_t
weekdays_before(int64_t day)
{
	int64_t x = day - MONDAY_ZERO, weeks, rest;

	weeks = x / 7 - (x % 7 < 0);
	rest = x - weeks * 7;
	return weeks * 5 + (rest < 5 ? rest : 5);
}

int64_t
cal_busdays(const struct calendar *cal, int32_t from, int32_t to)
{
	int64_t weekdays;

	if (to < from)
		return 0;
	weekdays = weekdays_before((int64_t)to + 1) - weekdays_before(from);
	return weekdays - (int64_t)(holidays_before(cal, (int64_t)to + 1) -
	    holidays_before(cal, from));
}

/* Cuts a line at a comment and trims spaces, tabs and the line end. */
static char *
strip_line(char *line, size_t len)
{
	char *end, *hash;

	if ((hash = memchr(line, '#', len)) != NULL)
		len = (size_t)(hash - line);
	end = line + len;
	while (end > line && strchr(" \t\r\n", end[-1]) != NULL)
		end--;
	*end = '\0';
	while (*line == ' ' || *line == '\t')
		line++;
	return line;
}

/* Only the plain ISO form is a holiday; date_parse alone would take more. */
static bool
read_iso_day(const char *s, int32_t *day)
{
	return strlen(s) == 10 && s[4] == '-' && s[7] == '-' &&
	    date_parse(s, 10, NULL, day) == DATE_OK;
}

static int
load_line(struct calendar *cal, char *line, size_t len, const char *name,
    long lineno)
{
	char *value = strip_line(line, len);
	int32_t day;

	if (*value == '\0')
		return 0;
	if (!read_iso_day(value, &day)) {
		warnx("%s:%ld: cannot read \"%s\" as a date", name, lineno,
		    value);
		return -1;
	}
	if (cal_add(cal, day) == -1) {
		warn("%s:%ld", name, lineno);
		return -1;
	}
	return 0;
}

int
cal_load(struct calendar *cal, FILE *fp, const char *name)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	long lineno = 0;
	int rc = 0;

	while ((len = getline(&line, &cap, fp)) != -1)
		if (load_line(cal, line, (size_t)len, name, ++lineno) == -1)
			rc = -1;
	if (ferror(fp)) {
		warn("%s", name);
		rc = -1;
	}
	free(line);
	return rc;
}
