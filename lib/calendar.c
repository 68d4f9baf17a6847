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

#include "calendar.h"
#include "date.h"
#include "diag.h"
#include "xalloc.h"

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

/* Makes room for one more holiday. */
static void
reserve(struct calendar *cal)
{
	if (cal->n < cal->cap)
		return;
	cal->cap = cal->cap ? 2 * cal->cap : 16;
	cal->holidays = xreallocarray(cal->holidays, cal->cap,
	    sizeof(*cal->holidays));
}

/* One day at a time: a file goes through cal_load, which sorts once. */
int
cal_add(struct calendar *cal, int32_t day)
{
	size_t i;

	if (date_weekday(day) > 5 || is_holiday(cal, day))
		return 0;
	reserve(cal);
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

/*
 * Holiday files.  The whole file is read, then the days are sorted once:
 * inserting each in order would move the array on every line of a file
 * in reverse order, which is quadratic.  Line ends and a byte-order mark
 * are taken as the CSV reader takes them, since the same spreadsheets
 * write both kinds of file.
 */

#define UTF8_BOM	"\xef\xbb\xbf"

/* A line of the file: [p, end), without its line end. */
struct line {
	const char	*p;
	const char	*end;
};

static char *
read_all(FILE *fp, size_t *len)
{
	size_t cap = 4096, n = 0, got;
	char *buf = xmalloc(cap);

	while ((got = fread(buf + n, 1, cap - n, fp)) > 0)
		if ((n += got) == cap)
			buf = xrealloc(buf, cap *= 2);
	*len = n;
	return buf;
}

/* Takes the next line of [*p, end): ended by LF, CRLF or a lone CR. */
static bool
next_line(const char **p, const char *end, struct line *l)
{
	const char *q = *p;

	if (q == end)
		return false;
	while (q < end && *q != '\n' && *q != '\r')
		q++;
	l->p = *p;
	l->end = q;
	if (q < end && *q == '\r' && q + 1 < end && q[1] == '\n')
		q++;
	*p = q < end ? q + 1 : q;
	return true;
}

/* Cuts a line at a comment and trims spaces and tabs. */
static void
strip_line(struct line *l)
{
	const char *hash = memchr(l->p, '#', (size_t)(l->end - l->p));

	if (hash != NULL)
		l->end = hash;
	while (l->end > l->p && (l->end[-1] == ' ' || l->end[-1] == '\t'))
		l->end--;
	while (l->p < l->end && (*l->p == ' ' || *l->p == '\t'))
		l->p++;
}

/* Only the plain ISO form is a holiday; date_parse alone would take more. */
static bool
read_iso_day(const struct line *l, int32_t *day)
{
	const char *s = l->p;

	return l->end - s == 10 && s[4] == '-' && s[7] == '-' &&
	    date_parse(s, 10, NULL, day) == DATE_OK;
}

static int
cmp_day(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;

	return (x > y) - (x < y);
}

/* Sorts the holidays and drops the repeats. */
static void
sort_unique(struct calendar *cal)
{
	size_t i, k = 0;

	if (cal->n == 0)
		return;
	qsort(cal->holidays, cal->n, sizeof(*cal->holidays), cmp_day);
	for (i = 0; i < cal->n; i++)
		if (k == 0 || cal->holidays[k - 1] != cal->holidays[i])
			cal->holidays[k++] = cal->holidays[i];
	cal->n = k;
}

/* Appends a weekday holiday, unsorted: sort_unique puts it in place. */
static void
append(struct calendar *cal, int32_t day)
{
	if (date_weekday(day) > 5)
		return;
	reserve(cal);
	cal->holidays[cal->n++] = day;
}

int
cal_load(struct calendar *cal, FILE *fp, const char *name)
{
	size_t len;
	char *buf = read_all(fp, &len), q[96];
	const char *p = buf, *end = buf + len;
	struct line l;
	long lineno = 0;
	int32_t day;
	int rc = 0;

	if (len >= 3 && memcmp(buf, UTF8_BOM, 3) == 0)
		p += 3;
	while (next_line(&p, end, &l)) {
		lineno++;
		strip_line(&l);
		if (l.p == l.end)
			continue;
		if (read_iso_day(&l, &day)) {
			append(cal, day);
			continue;
		}
		diag_at(name, lineno, "cannot read \"%s\" as a date "
		    "(YYYY-MM-DD)", diag_quote(l.p, (size_t)(l.end - l.p), q,
		    sizeof(q)));
		rc = -1;
	}
	if (ferror(fp)) {
		warn("%s", name);
		rc = -1;
	}
	free(buf);
	sort_unique(cal);
	return rc;
}
