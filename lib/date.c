/*
 * date.c: day numbers, the date forms of CRM exports, and ISO weeks.
 *
 * Day numbers are converted by counting whole 400-, 100-, 4- and 1-year
 * cycles of the proleptic Gregorian calendar from 0001-01-01, which keeps
 * every step a plain division instead of a loop over years.
 */
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "date.h"

/* Days from 0001-01-01 to 1970-01-01. */
#define EPOCH_OFFSET	719162

/* Days in each cycle of the Gregorian calendar. */
#define DAYS_400Y	146097
#define DAYS_100Y	36524
#define DAYS_4Y		1461
#define DAYS_1Y		365

/* Longest input worth handing to strptime; no date is written longer. */
#define FMT_INPUT_MAX	256

/* A tm_year no format can produce, to tell whether %Y was parsed. */
#define YEAR_UNSET	(-1000000)

/* Days before the first of each month in a common year. */
static const int days_before[12] = {
	0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334
};

/* The unread rest of the input, [p, end). */
struct scan {
	const char	*p;
	const char	*end;
};

static bool
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Rounds toward minus infinity, so days before 1970 work too. */
static int64_t
floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static int64_t
floor_mod(int64_t a, int64_t b)
{
	return a - floor_div(a, b) * b;
}

int
date_month_days(int y, int m)
{
	static const int len[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m < 1 || m > 12)
		return 0;
	return len[m - 1] + (m == 2 && is_leap(y));
}

bool
date_valid_ymd(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= date_month_days(y, m);
}

int32_t
date_from_ymd(int y, int m, int d)
{
	int64_t n = y - 1, days;

	days = n * DAYS_1Y + n / 4 - n / 100 + n / 400;
	days += days_before[m - 1] + (m > 2 && is_leap(y)) + d - 1;
	return (int32_t)(days - EPOCH_OFFSET);
}

/*
 * Peels off whole cycles.  The last year of a 100- or 4-year cycle is one
 * day longer than the others, so its final day divides to a count one too
 * high; those counts are capped.
 */
void
date_to_ymd(int32_t day, int *y, int *m, int *d)
{
	int64_t n = (int64_t)day + EPOCH_OFFSET, c400, c100, c4, c1;
	int yday, mon;

	c400 = floor_div(n, DAYS_400Y);
	n = floor_mod(n, DAYS_400Y);
	c100 = n / DAYS_100Y < 3 ? n / DAYS_100Y : 3;
	n -= c100 * DAYS_100Y;
	c4 = n / DAYS_4Y;
	n -= c4 * DAYS_4Y;
	c1 = n / DAYS_1Y < 3 ? n / DAYS_1Y : 3;
	n -= c1 * DAYS_1Y;
	*y = (int)(c400 * 400 + c100 * 100 + c4 * 4 + c1 + 1);
	yday = (int)n;
	for (mon = 12; mon > 1; mon--)
		if (yday >= days_before[mon - 1] + (mon > 2 && is_leap(*y)))
			break;
	*m = mon;
	*d = yday - days_before[mon - 1] - (mon > 2 && is_leap(*y)) + 1;
}

/* Day 0 was a Thursday, so day -3 was a Monday. */
int
date_weekday(int32_t day)
{
	return (int)floor_mod((int64_t)day + 3, 7) + 1;
}

size_t
date_format(int32_t day, char buf[DATE_BUFSZ])
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	if (y < 1 || y > 9999) {
		buf[0] = '\0';
		return 0;
	}
	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d / 10);
	buf[9] = (char)('0' + d % 10);
	buf[10] = '\0';
	return 10;
}

int32_t
date_today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL)
		return DATE_NONE;
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* The ISO week belongs to the year of its Thursday. */
void
date_iso_week(int32_t day, int *iso_year, int *week)
{
	int32_t thursday = day - (date_weekday(day) - 1) + 3;
	int m, d;

	date_to_ymd(thursday, iso_year, &m, &d);
	*week = (thursday - date_from_ymd(*iso_year, 1, 1)) / 7 + 1;
}

/* Week 1 is the week holding 4 January. */
int32_t
date_iso_week_start(int iso_year, int week)
{
	int32_t jan4 = date_from_ymd(iso_year, 1, 4);

	return jan4 - (date_weekday(jan4) - 1) + 7 * (week - 1);
}

/* 28 December is always in the last week of its ISO year. */
int
date_iso_weeks_in_year(int iso_year)
{
	int y, w;

	date_iso_week(date_from_ymd(iso_year, 12, 28), &y, &w);
	return w;
}

/* Parsing. */

static bool
at_end(const struct scan *sc)
{
	return sc->p == sc->end;
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t';
}

static void
trim(struct scan *sc)
{
	while (sc->p < sc->end && is_space(*sc->p))
		sc->p++;
	while (sc->end > sc->p && is_space(sc->end[-1]))
		sc->end--;
}

/* Consumes c if it comes next. */
static bool
lit(struct scan *sc, char c)
{
	if (sc->p < sc->end && *sc->p == c) {
		sc->p++;
		return true;
	}
	return false;
}

/* Consumes s if it comes next, ignoring ASCII case. */
static bool
word(struct scan *sc, const char *s)
{
	size_t i, n = strlen(s);

	if ((size_t)(sc->end - sc->p) < n)
		return false;
	for (i = 0; i < n; i++)
		if ((sc->p[i] | 0x20) != s[i])
			return false;
	sc->p += n;
	return true;
}

/* Reads min..max digits (as many as there are, up to max) into *v. */
static bool
digits(struct scan *sc, int min, int max, int *v)
{
	int n = 0;

	*v = 0;
	while (n < max && sc->p < sc->end && *sc->p >= '0' && *sc->p <= '9') {
		*v = *v * 10 + (*sc->p++ - '0');
		n++;
	}
	return n >= min;
}

/* Skips a run of digits of any length; true if there was at least one. */
static bool
skip_digits(struct scan *sc)
{
	const char *start = sc->p;

	while (sc->p < sc->end && *sc->p >= '0' && *sc->p <= '9')
		sc->p++;
	return sc->p > start;
}

/* Reads a two-digit field in lo..hi. */
static bool
field2(struct scan *sc, int lo, int hi)
{
	int v;

	return digits(sc, 2, 2, &v) && v >= lo && v <= hi;
}

/* HH:MM with two-digit fields, as both date-time forms begin. */
static bool
hh_mm(struct scan *sc)
{
	return field2(sc, 0, 23) && lit(sc, ':') && field2(sc, 0, 59);
}

/* An offset after an ISO time: Z, +01:00 or -0500. */
static bool
iso_zone(struct scan *sc)
{
	if (lit(sc, 'Z'))
		return true;
	if (!lit(sc, '+') && !lit(sc, '-'))
		return false;
	if (!field2(sc, 0, 23))
		return false;
	lit(sc, ':');
	return field2(sc, 0, 59);
}

/* After 'T': HH:MM[:SS[.fff]] and an optional zone.  60 allows leap seconds. */
static bool
iso_t_time(struct scan *sc)
{
	if (!hh_mm(sc))
		return false;
	if (lit(sc, ':')) {
		if (!field2(sc, 0, 60))
			return false;
		if (lit(sc, '.') && !skip_digits(sc))
			return false;
	}
	return at_end(sc) || (iso_zone(sc) && at_end(sc));
}

/* After a space: HH:MM[:SS] and nothing more. */
static bool
iso_space_time(struct scan *sc)
{
	if (!hh_mm(sc))
		return false;
	if (lit(sc, ':') && !field2(sc, 0, 60))
		return false;
	return at_end(sc);
}

/* YYYY-MM-DD with an optional time that is checked and dropped. */
static bool
iso_form(struct scan *sc, int *y, int *m, int *d)
{
	if (!digits(sc, 4, 4, y) || !lit(sc, '-') || !digits(sc, 2, 2, m) ||
	    !lit(sc, '-') || !digits(sc, 2, 2, d))
		return false;
	if (at_end(sc))
		return true;
	if (lit(sc, 'T'))
		return iso_t_time(sc);
	return lit(sc, ' ') && iso_space_time(sc);
}

/* After a date: H:MM[:SS], then " AM" or " PM" for a 12-hour clock. */
static bool
clock_time(struct scan *sc)
{
	int h;

	if (!digits(sc, 1, 2, &h) || !lit(sc, ':') || !field2(sc, 0, 59))
		return false;
	if (lit(sc, ':') && !field2(sc, 0, 60))
		return false;
	if (at_end(sc))
		return h <= 23;
	if (!lit(sc, ' ') || !(word(sc, "am") || word(sc, "pm")))
		return false;
	return at_end(sc) && h >= 1 && h <= 12;
}

/* The end of the input, or a space and a clock time that is dropped. */
static bool
clock_rest(struct scan *sc)
{
	return at_end(sc) || (lit(sc, ' ') && clock_time(sc));
}

/* M/D/YYYY with an optional time; the year must have four digits. */
static bool
us_form(struct scan *sc, int *y, int *m, int *d)
{
	return digits(sc, 1, 2, m) && lit(sc, '/') && digits(sc, 1, 2, d) &&
	    lit(sc, '/') && digits(sc, 4, 4, y) && clock_rest(sc);
}

/* YYYY/M/D with an optional time, as East Asian locales write dates. */
static bool
ymd_slash_form(struct scan *sc, int *y, int *m, int *d)
{
	return digits(sc, 4, 4, y) && lit(sc, '/') && digits(sc, 1, 2, m) &&
	    lit(sc, '/') && digits(sc, 1, 2, d) && clock_rest(sc);
}

/* D.M.YYYY with an optional time: with dots the day always comes first. */
static bool
dmy_dot_form(struct scan *sc, int *y, int *m, int *d)
{
	return digits(sc, 1, 2, d) && lit(sc, '.') && digits(sc, 1, 2, m) &&
	    lit(sc, '.') && digits(sc, 4, 4, y) && clock_rest(sc);
}

static int
parse_builtin(struct scan sc, int32_t *day)
{
	static bool (*const forms[])(struct scan *, int *, int *, int *) = {
		iso_form, ymd_slash_form, us_form, dmy_dot_form
	};
	size_t i;
	int y, m, d;

	for (i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		struct scan t = sc;

		if (forms[i](&t, &y, &m, &d)) {
			if (!date_valid_ymd(y, m, d))
				return DATE_BAD;
			*day = date_from_ymd(y, m, d);
			return DATE_OK;
		}
	}
	return DATE_BAD;
}

/*
 * strptime needs a NUL-terminated string, so the input is copied.  The
 * process never calls setlocale, so month and day names are the C
 * locale's.  Fields the format leaves out default to January and the
 * first; a format without a year is refused rather than guessed.
 */
static int
parse_format(struct scan sc, const char *fmt, int32_t *day)
{
	char copy[FMT_INPUT_MAX];
	size_t len = (size_t)(sc.end - sc.p);
	struct tm tm;
	const char *rest;

	if (len >= sizeof(copy))
		return DATE_BAD;
	memcpy(copy, sc.p, len);
	copy[len] = '\0';
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = YEAR_UNSET;
	tm.tm_mday = 1;
	rest = strptime(copy, fmt, &tm);
	if (rest == NULL || tm.tm_year == YEAR_UNSET)
		return DATE_BAD;
	while (is_space(*rest))
		rest++;
	if (*rest != '\0' || tm.tm_year > INT_MAX - 1900 ||
	    !date_valid_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday))
		return DATE_BAD;
	*day = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	return DATE_OK;
}

/*
 * Plain YYYY-MM-DD is by far the most common form in exports; read it
 * without the general scanner.  Returns false when s is not that form.
 */
static bool
iso_fast(const char *s, size_t len, int32_t *day, int *rc)
{
	static const int digit_at[8] = { 0, 1, 2, 3, 5, 6, 8, 9 };
	int v[8], i, y, m, d;

	if (len != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (i = 0; i < 8; i++) {
		v[i] = s[digit_at[i]] - '0';
		if (v[i] < 0 || v[i] > 9)
			return false;
	}
	y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
	m = v[4] * 10 + v[5];
	d = v[6] * 10 + v[7];
	if (!date_valid_ymd(y, m, d)) {
		*rc = DATE_BAD;
		return true;
	}
	*day = date_from_ymd(y, m, d);
	*rc = DATE_OK;
	return true;
}

/*
 * --date-format %s: seconds since 1970-01-01 00:00 UTC.  strptime turns
 * them into local time, which would make the day depend on TZ; here the
 * day is counted in UTC.
 */
static bool
is_epoch_format(const char *fmt)
{
	struct scan f = { fmt, fmt + strlen(fmt) };

	trim(&f);
	return f.end - f.p == 2 && f.p[0] == '%' && f.p[1] == 's';
}

static int
parse_epoch(struct scan sc, int32_t *day)
{
	bool minus = lit(&sc, '-');
	int64_t secs = 0, days;

	if (!minus)
		lit(&sc, '+');
	if (at_end(&sc))
		return DATE_BAD;
	for (; sc.p < sc.end; sc.p++) {
		if (*sc.p < '0' || *sc.p > '9' || secs > (INT64_MAX - 9) / 10)
			return DATE_BAD;
		secs = secs * 10 + (*sc.p - '0');
	}
	days = floor_div(minus ? -secs : secs, 86400);
	if (days < date_from_ymd(1, 1, 1) || days > date_from_ymd(9999, 12, 31))
		return DATE_BAD;
	*day = (int32_t)days;
	return DATE_OK;
}

/* Whether fmt has a %s directive ("%%s" is a percent sign and an s). */
static bool
has_epoch_directive(const char *fmt)
{
	const char *p;

	for (p = fmt; (p = strchr(p, '%')) != NULL; p += 2) {
		if (p[1] == 's')
			return true;
		if (p[1] == '\0')
			break;
	}
	return false;
}

/* With a --date-format: %s by day count, anything else by strptime. */
static int
parse_given(struct scan sc, const char *fmt, int32_t *day)
{
	if (is_epoch_format(fmt))
		return parse_epoch(sc, day);
	return parse_format(sc, fmt, day);
}

const char *
date_format_check(const char *fmt)
{
	if (*fmt == '\0')
		return "the format is empty";
	if (has_epoch_directive(fmt) && !is_epoch_format(fmt))
		return "%s (seconds since 1970) must be the whole format";
	return NULL;
}

int
date_parse(const char *s, size_t len, const char *fmt, int32_t *day)
{
	struct scan sc = { s, s + len };
	int rc;

	if (fmt == NULL && iso_fast(s, len, day, &rc))
		return rc;
	if (len == 0)
		return DATE_EMPTY;
	if (memchr(s, '\0', len) != NULL)
		return DATE_BAD;
	trim(&sc);
	if (at_end(&sc))
		return DATE_EMPTY;
	if (fmt != NULL)
		return parse_given(sc, fmt, day);
	return parse_builtin(sc, day);
}

/*
 * Hints.  A date that cannot be read is matched against the common orders;
 * an order is suggested only when its format, tried with the same reader
 * --date-format uses, reads the value as a date that exists.
 */

#define HINT_FMT_SZ	48
#define HINT_SZ		192

/* The formats that read a value, and the words for their orders. */
struct guesses {
	int		n;
	char		fmt[2][HINT_FMT_SZ];
	const char	*words[2];
};

/* The longest run of digits in [p, end). */
static size_t
longest_run(struct scan sc)
{
	size_t best = 0, run = 0;

	for (; sc.p < sc.end; sc.p++) {
		run = *sc.p >= '0' && *sc.p <= '9' ? run + 1 : 0;
		if (run > best)
			best = run;
	}
	return best;
}

/*
 * Adds fmt when it is not the format already given and reads the whole
 * value.  The callers have checked the widths of the fields, since
 * strptime's %Y would take "27" as the year 27.
 */
static void
try_format(struct guesses *g, struct scan sc, const char *given,
    const char *fmt, const char *words)
{
	int32_t day;

	if (g->n == 2 || (given != NULL && strcmp(given, fmt) == 0))
		return;
	if (parse_given(sc, fmt, &day) != DATE_OK)
		return;
	snprintf(g->fmt[g->n], sizeof(g->fmt[0]), "%s", fmt);
	g->words[g->n++] = words;
}

/*
 * The format of a clock time after a date, as strptime writes it:
 * "" when there is none, " %H:%M:%S", " %I:%M %p", "T%H:%M".  False for a
 * time strptime cannot read (a fraction of a second, a zone).
 */
static bool
time_format(struct scan sc, char *buf, size_t size)
{
	bool secs, ampm = false;
	char sep = sc.p < sc.end ? *sc.p : '\0';
	int v;

	buf[0] = '\0';
	if (at_end(&sc))
		return true;
	if (!lit(&sc, ' ') && !lit(&sc, 'T'))
		return false;
	if (!digits(&sc, 1, 2, &v) || !lit(&sc, ':') || !digits(&sc, 2, 2, &v))
		return false;
	if ((secs = lit(&sc, ':')) && !digits(&sc, 2, 2, &v))
		return false;
	if (lit(&sc, ' ') && !(ampm = word(&sc, "am") || word(&sc, "pm")))
		return false;
	if (!at_end(&sc))
		return false;
	snprintf(buf, size, "%c%s:%%M%s%s", sep, ampm ? "%I" : "%H",
	    secs ? ":%S" : "", ampm ? " %p" : "");
	return true;
}

/*
 * Three runs of digits split by one separator (31.12.2027, 3-31-27,
 * 2027.3.31), or one run of eight (20270331), then maybe a time: the
 * orders whose field widths fit.
 */
static void
guess_numeric(struct guesses *g, struct scan sc, const char *given)
{
	static const struct {
		const char	*fields;	/* strptime letters, in order */
		const char	*words;
	} orders[] = {
		{ "Ymd", "year-month-day" },
		{ "dmY", "day-month-year" },
		{ "mdY", "month-day-year" },
		{ "dmy", "day-month-year with a two-digit year" },
		{ "mdy", "month-day-year with a two-digit year" },
	};
	struct scan rest = sc;
	const char *start;
	char sep = '\0', tfmt[HINT_FMT_SZ / 2], fmt[HINT_FMT_SZ];
	size_t len[3], i, k;

	for (k = 0; k < 3; k++) {
		start = rest.p;
		if (!skip_digits(&rest))
			return;
		len[k] = (size_t)(rest.p - start);
		if (k == 0 && len[0] == 8)
			break;
		if (k == 0 && rest.p < rest.end && memchr("-/.", *rest.p, 3))
			sep = *rest.p;
		if (k < 2 && (sep == '\0' || !lit(&rest, sep)))
			return;
	}
	if (!time_format(rest, tfmt, sizeof(tfmt)))
		return;
	if (k == 0) {
		snprintf(fmt, sizeof(fmt), "%%Y%%m%%d%s", tfmt);
		try_format(g, sc, given, fmt, "year-month-day");
		return;
	}
	for (i = 0; i < sizeof(orders) / sizeof(orders[0]); i++) {
		const char *f = orders[i].fields;

		for (k = 0; k < 3; k++)
			if (f[k] == 'Y' ? len[k] != 4 : f[k] == 'y' ?
			    len[k] != 2 : len[k] > 2)
				break;
		if (k < 3)
			continue;
		snprintf(fmt, sizeof(fmt), "%%%c%c%%%c%c%%%c%s", f[0], sep,
		    f[1], sep, f[2], tfmt);
		try_format(g, sc, given, fmt, orders[i].words);
	}
}

/* Month names: 31 Mar 2027, March 31, 2027, 31-MAR-27; a time or not. */
static void
guess_month_name(struct guesses *g, struct scan sc, const char *given)
{
	static const struct {
		const char	*fmt;
		const char	*words;
	} dates[] = {
		{ "%d %b %Y", "day, month name, year" },
		{ "%d-%b-%Y", "day, month name, year" },
		{ "%b %d, %Y", "month name, day, year" },
		{ "%b %d %Y", "month name, day, year" },
		{ "%d %b %y", "day, month name, two-digit year" },
		{ "%d-%b-%y", "day, month name, two-digit year" },
	};
	static const char *const times[] = {
		"", " %H:%M", " %H:%M:%S", " %I:%M %p", " %I:%M:%S %p"
	};
	size_t run = longest_run(sc), i, k;
	char fmt[HINT_FMT_SZ];

	for (i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
		if (strstr(dates[i].fmt, "%Y") != NULL ? run != 4 : run > 2)
			continue;
		for (k = 0; k < sizeof(times) / sizeof(times[0]); k++) {
			snprintf(fmt, sizeof(fmt), "%s%s", dates[i].fmt,
			    times[k]);
			try_format(g, sc, given, fmt, dates[i].words);
		}
	}
}

/* Nine to eleven digits: seconds since 1970, 1973 to 5138. */
static void
guess_epoch(struct guesses *g, struct scan sc, const char *given)
{
	struct scan t = sc;
	const char *start;

	lit(&t, '-');
	start = t.p;
	if (!skip_digits(&t) || !at_end(&t) || t.p - start < 9 ||
	    t.p - start > 11)
		return;
	try_format(g, sc, given, "%s", "seconds since 1970");
}

static bool
has_letter(struct scan sc)
{
	for (; sc.p < sc.end; sc.p++)
		if ((*sc.p | 0x20) >= 'a' && (*sc.p | 0x20) <= 'z')
			return true;
	return false;
}

/* A format as typed in a shell: quoted when it holds a space. */
static const char *
shell_word(const char *fmt, char *buf, size_t size)
{
	if (strchr(fmt, ' ') == NULL)
		return fmt;
	snprintf(buf, size, "'%s'", fmt);
	return buf;
}

const char *
date_hint(const char *s, size_t len, const char *fmt)
{
	static _Thread_local char buf[HINT_SZ];
	char q0[HINT_FMT_SZ + 2], q1[HINT_FMT_SZ + 2];
	struct scan sc = { s, s + len };
	struct guesses g;

	if (memchr(s, '\0', len) != NULL)
		return NULL;
	trim(&sc);
	g.n = 0;
	guess_numeric(&g, sc, fmt);
	guess_epoch(&g, sc, fmt);
	if (has_letter(sc))
		guess_month_name(&g, sc, fmt);
	if (g.n == 1)
		snprintf(buf, sizeof(buf), "looks like %s: --date-format %s",
		    g.words[0], shell_word(g.fmt[0], q0, sizeof(q0)));
	else if (g.n == 2)
		snprintf(buf, sizeof(buf), "looks like %s or %s: "
		    "--date-format %s or %s", g.words[0], g.words[1],
		    shell_word(g.fmt[0], q0, sizeof(q0)),
		    shell_word(g.fmt[1], q1, sizeof(q1)));
	return g.n == 0 ? NULL : buf;
}

const char *
date_what(const char *s, size_t len, const char *fmt)
{
	static _Thread_local char buf[HINT_SZ + 16];
	const char *hint = date_hint(s, len, fmt);

	if (hint == NULL)
		return "a date";
	snprintf(buf, sizeof(buf), "a date (%s)", hint);
	return buf;
}
