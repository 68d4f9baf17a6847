/*
 * period.c: reading --period values and splitting periods into months,
 * ISO weeks or business days.
 *
 * Months are handled as one running count, year * 12 + month - 1, so a
 * fiscal year or quarter is a run of months that may cross a calendar
 * year without special cases.
 */
#include <err.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "date.h"
#include "period.h"
#include "xalloc.h"

/* The running month count of 0001-01 and of the month after 9999-12. */
#define FIRST_MONTH	12L
#define END_MONTH	120000L

#define NOT_A_PERIOD	"expected one of " PERIOD_FORMS
#define NOT_RESOLVED	NOT_A_PERIOD ", " PERIOD_RELATIVE_FORMS
#define OUT_OF_RANGE	"year out of range (years run 1 to 9999)"

/* The unit of a relative period, and the step from as-of in units. */
enum unit { U_DAY, U_WEEK, U_MONTH, U_QUARTER, U_YEAR };

struct relative {
	enum unit	unit;
	int		step;	/* -1 last, 0 this, 1 next */
};

static int
fail(const char **why, const char *what)
{
	*why = what;
	return -1;
}

/* The first day of running month n. */
static int32_t
month_start(long n)
{
	return date_from_ymd((int)(n / 12), (int)(n % 12) + 1, 1);
}

static long
month_number(int32_t day)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	return y * 12L + m - 1;
}

/*
 * The running month in which fiscal year fy begins.  A fiscal year is
 * named for the year it ends in, so unless it starts in January it began
 * the calendar year before.
 */
static long
fiscal_first_month(int fy, int fiscal_start)
{
	return fy * 12L + fiscal_start - 1 - (fiscal_start > 1 ? 12 : 0);
}

/* The fiscal year holding running month n (n >= 0). */
static int
fiscal_year_of(long n, int fiscal_start)
{
	return (int)((n - (fiscal_start - 1) + (fiscal_start > 1 ? 12 : 0)) /
	    12);
}

/* The quarter, 1 to 4, of its fiscal year that running month n is in. */
static int
fiscal_quarter_of(long n, int fiscal_start)
{
	return (int)((n - (fiscal_start - 1) + 12) % 12 / 3 + 1);
}

/* Sets q to count whole months from running month first. */
static int
span_months(struct period *q, long first, long count, const char **why)
{
	if (first < FIRST_MONTH || first + count > END_MONTH)
		return fail(why, OUT_OF_RANGE);
	q->start = month_start(first);
	q->end = month_start(first + count) - 1;
	return 0;
}

/* Days outside years 1..9999 cannot be written back as dates. */
static int
check_years(const struct period *q, const char **why)
{
	if (q->start < date_from_ymd(1, 1, 1) ||
	    q->end > date_from_ymd(9999, 12, 31))
		return fail(why, OUT_OF_RANGE);
	return 0;
}

/* Reads exactly n digits from *p, which must not pass e. */
static bool
read_digits(const char **p, const char *e, int n, int *v)
{
	int i;

	if (e - *p < n)
		return false;
	*v = 0;
	for (i = 0; i < n; i++) {
		if ((*p)[i] < '0' || (*p)[i] > '9')
			return false;
		*v = *v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	return true;
}

static bool
is_letter(const char *p, const char *e, char lower)
{
	return p < e && (*p | 0x20) == lower;
}

/* Reads YYYY-MM-DD filling all of [p, e). */
static int
read_day(const char *p, const char *e, int32_t *day, const char **why)
{
	int y, m, d;

	if (!read_digits(&p, e, 4, &y) || p == e || *p++ != '-' ||
	    !read_digits(&p, e, 2, &m) || p == e || *p++ != '-' ||
	    !read_digits(&p, e, 2, &d) || p != e)
		return fail(why, NOT_A_PERIOD);
	if (y < 1)
		return fail(why, OUT_OF_RANGE);
	if (m < 1 || m > 12)
		return fail(why, "no such month");
	if (!date_valid_ymd(y, m, d))
		return fail(why, "no such day");
	*day = date_from_ymd(y, m, d);
	return 0;
}

static void
trim(const char **b, const char **e)
{
	while (*b < *e && (**b == ' ' || **b == '\t'))
		(*b)++;
	while (*e > *b && ((*e)[-1] == ' ' || (*e)[-1] == '\t'))
		(*e)--;
}

/* A..B with both ends ISO dates and included. */
static int
parse_range(const char *b, const char *dots, const char *e, struct period *q,
    const char **why)
{
	const char *left_end = dots, *right = dots + 2;
	char from[DATE_BUFSZ], to[DATE_BUFSZ];

	trim(&b, &left_end);
	trim(&right, &e);
	if (read_day(b, left_end, &q->start, why) == -1 ||
	    read_day(right, e, &q->end, why) == -1)
		return -1;
	if (q->end < q->start)
		return fail(why, "end before start");
	date_format(q->start, from);
	date_format(q->end, to);
	snprintf(q->label, sizeof(q->label), "%s..%s", from, to);
	return 0;
}

/* A fiscal year's label has four digits, so 10000 cannot be named. */
static int
fiscal_year(int y, bool fy_prefix, int fiscal_start, struct period *q,
    const char **why)
{
	if (y < 1 || y > 9999 ||
	    span_months(q, fiscal_first_month(y, fiscal_start), 12, why) == -1)
		return fail(why, OUT_OF_RANGE);
	snprintf(q->label, sizeof(q->label), fy_prefix ? "FY%04d" : "%04d", y);
	return 0;
}

/* Quarter n of fiscal year y. */
static int
fiscal_quarter(int y, int n, int fiscal_start, struct period *q,
    const char **why)
{
	if (n < 1 || n > 4)
		return fail(why, "no such quarter");
	if (y < 1 || y > 9999 ||
	    span_months(q, fiscal_first_month(y, fiscal_start) + 3 * (n - 1),
	    3, why) == -1)
		return fail(why, OUT_OF_RANGE);
	snprintf(q->label, sizeof(q->label), "%04d-Q%d", y, n);
	return 0;
}

/* The rest after "YYYY-W": two digits, as ISO 8601 writes them. */
static int
parse_week(int y, const char *p, const char *e, struct period *q,
    const char **why)
{
	int w;

	if (!read_digits(&p, e, 2, &w) || p != e)
		return fail(why, NOT_A_PERIOD);
	if (w < 1 || w > 53)
		return fail(why, "no such week");
	if (w > date_iso_weeks_in_year(y))
		return fail(why, "no week 53 in that year");
	q->start = date_iso_week_start(y, w);
	q->end = q->start + 6;
	if (check_years(q, why) == -1)
		return -1;
	snprintf(q->label, sizeof(q->label), "%04d-W%02d", y, w);
	return 0;
}

/* Running month n. */
static int
month_at(long n, struct period *q, const char **why)
{
	if (span_months(q, n, 1, why) == -1)
		return -1;
	snprintf(q->label, sizeof(q->label), "%04ld-%02ld", n / 12, n % 12 + 1);
	return 0;
}

/* The rest after "YYYY-": two digits of a month. */
static int
parse_month(int y, const char *p, const char *e, struct period *q,
    const char **why)
{
	int m;

	if (!read_digits(&p, e, 2, &m) || p != e)
		return fail(why, NOT_A_PERIOD);
	if (m < 1 || m > 12)
		return fail(why, "no such month");
	return month_at(y * 12L + m - 1, q, why);
}

static int
parse_day(const char *p, const char *e, struct period *q, const char **why)
{
	if (read_day(p, e, &q->start, why) == -1)
		return -1;
	q->end = q->start;
	date_format(q->start, q->label);
	return 0;
}

/* Reads "FY", in any case, if it comes next. */
static bool
read_fy(const char **p, const char *e)
{
	if (!is_letter(*p, e, 'f') || !is_letter(*p + 1, e, 'y'))
		return false;
	*p += 2;
	return true;
}

/* Reads "Q" and one digit, if they come next. */
static bool
read_quarter(const char **p, const char *e, int *n)
{
	const char *q = *p + 1;

	if (!is_letter(*p, e, 'q') || !read_digits(&q, e, 1, n))
		return false;
	*p = q;
	return true;
}

/* Between a year and a quarter: a dash, spaces, or nothing. */
static void
skip_separator(const char **p, const char *e)
{
	if (*p < e && **p == '-') {
		(*p)++;
		return;
	}
	while (*p < e && (**p == ' ' || **p == '\t'))
		(*p)++;
}

/*
 * Everything but a range: a day; a quarter before or after its year
 * (Q1-2027, Q1 FY2027, 2027-Q1, FY2027 Q1, 2027Q1); a year; a month or a
 * week after its year.
 */
static int
parse_single(const char *p, const char *e, int fiscal_start,
    struct period *q, const char **why)
{
	const char *after_year;
	bool fy;
	int y, n;

	if (e - p == 10 && p[4] == '-' && p[7] == '-')
		return parse_day(p, e, q, why);
	if (read_quarter(&p, e, &n)) {
		skip_separator(&p, e);
		read_fy(&p, e);
		if (!read_digits(&p, e, 4, &y) || p != e)
			return fail(why, NOT_A_PERIOD);
		return fiscal_quarter(y, n, fiscal_start, q, why);
	}
	fy = read_fy(&p, e);
	if (!read_digits(&p, e, 4, &y))
		return fail(why, NOT_A_PERIOD);
	if (p == e)
		return fiscal_year(y, fy, fiscal_start, q, why);
	after_year = p;
	skip_separator(&p, e);
	if (read_quarter(&p, e, &n)) {
		if (p != e)
			return fail(why, NOT_A_PERIOD);
		return fiscal_quarter(y, n, fiscal_start, q, why);
	}
	p = after_year;
	if (fy || *p++ != '-')
		return fail(why, NOT_A_PERIOD);
	if (y < 1)
		return fail(why, OUT_OF_RANGE);
	if (is_letter(p, e, 'w'))
		return parse_week(y, p + 1, e, q, why);
	return parse_month(y, p, e, q, why);
}

/*
 * Reads a relative period: this-, last- or next- and week, month,
 * quarter or year, or today or yesterday.  Case is ignored, and a space
 * or an underscore may stand for the dash.
 */
static bool
read_relative(const char *p, const char *e, struct relative *r)
{
	static const struct {
		const char	*word;
		int		step;
	} steps[] = { { "this-", 0 }, { "last-", -1 }, { "next-", 1 } };
	static const struct {
		const char	*word;
		enum unit	unit;
	} units[] = {
		{ "week", U_WEEK }, { "month", U_MONTH },
		{ "quarter", U_QUARTER }, { "year", U_YEAR },
	};
	char w[16];
	size_t i, k, n = (size_t)(e - p);

	if (n >= sizeof(w))
		return false;
	for (i = 0; i < n; i++)
		w[i] = p[i] == ' ' || p[i] == '_' ? '-' :
		    p[i] >= 'A' && p[i] <= 'Z' ? (char)(p[i] | 0x20) : p[i];
	w[n] = '\0';
	r->unit = U_DAY;
	r->step = 0;
	if (strcmp(w, "today") == 0)
		return true;
	if (strcmp(w, "yesterday") == 0) {
		r->step = -1;
		return true;
	}
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		if (strncmp(w, steps[i].word, 5) != 0)
			continue;
		for (k = 0; k < sizeof(units) / sizeof(units[0]); k++)
			if (strcmp(w + 5, units[k].word) == 0) {
				r->unit = units[k].unit;
				r->step = steps[i].step;
				return true;
			}
	}
	return false;
}

/* The ISO week containing day. */
static void
week_of(int32_t day, struct period *p)
{
	int y, w;

	date_iso_week(day, &y, &w);
	p->start = date_iso_week_start(y, w);
	p->end = p->start + 6;
	snprintf(p->label, sizeof(p->label), "%04d-W%02d", y, w);
}

/* The period r stands for on day as_of. */
static int
resolve(const struct relative *r, int fiscal_start, int32_t as_of,
    struct period *q, const char **why)
{
	long n = month_number(as_of), first;

	switch (r->unit) {
	case U_DAY:
		q->start = q->end = as_of + r->step;
		if (check_years(q, why) == -1)
			return -1;
		date_format(q->start, q->label);
		return 0;
	case U_WEEK:
		week_of(as_of + 7 * r->step, q);
		return check_years(q, why);
	case U_MONTH:
		return month_at(n + r->step, q, why);
	case U_QUARTER:
		/* The quarter's first month; n is at least 12 (year 1). */
		first = n - (n - (fiscal_start - 1)) % 3 + 3 * r->step;
		return fiscal_quarter(fiscal_year_of(first, fiscal_start),
		    fiscal_quarter_of(first, fiscal_start), fiscal_start, q,
		    why);
	case U_YEAR:
		return fiscal_year(fiscal_year_of(n, fiscal_start) + r->step,
		    false, fiscal_start, q, why);
	}
	return fail(why, NOT_RESOLVED);
}

/*
 * Both entry points: as_of is DATE_NONE for period_parse, which refuses
 * relative periods, since a file is read on many days and "this-quarter"
 * would name a different window on each.
 */
static int
parse_or_resolve(const char *s, int fiscal_start, int32_t as_of,
    struct period *p, const char **why)
{
	const char *ignored, *b = s, *e = s + strlen(s), *dots;
	struct relative r;
	struct period q;
	int rc;

	if (why == NULL)
		why = &ignored;
	if (fiscal_start < 1 || fiscal_start > 12)
		return fail(why, "fiscal start is not a month 1 to 12");
	memset(&q, 0, sizeof(q));
	trim(&b, &e);
	if ((dots = strstr(s, "..")) != NULL)
		rc = parse_range(b, dots, e, &q, why);
	else if (!read_relative(b, e, &r))
		rc = parse_single(b, e, fiscal_start, &q, why);
	else if (as_of == DATE_NONE)
		rc = fail(why, "a relative period is for --period only; write "
		    "the period itself, as 2027-Q1");
	else
		rc = resolve(&r, fiscal_start, as_of, &q, why);
	if (rc == 0)
		*p = q;
	else if (as_of != DATE_NONE && strcmp(*why, NOT_A_PERIOD) == 0)
		*why = NOT_RESOLVED;
	return rc;
}

int
period_parse(const char *s, int fiscal_start, struct period *p,
    const char **why)
{
	return parse_or_resolve(s, fiscal_start, DATE_NONE, p, why);
}

int
period_resolve(const char *s, int fiscal_start, int32_t as_of,
    struct period *p, const char **why)
{
	return parse_or_resolve(s, fiscal_start, as_of, p, why);
}

/* A fiscal start outside 1..12 is treated as January. */
void
period_quarter_of(int32_t day, int fiscal_start, struct period *p)
{
	long m = month_number(day);
	int fy, n;

	if (fiscal_start < 1 || fiscal_start > 12)
		fiscal_start = 1;
	fy = fiscal_year_of(m, fiscal_start);
	n = fiscal_quarter_of(m, fiscal_start);
	p->start = month_start(fiscal_first_month(fy, fiscal_start) +
	    3 * (n - 1));
	p->end = month_start(fiscal_first_month(fy, fiscal_start) + 3 * n) - 1;
	snprintf(p->label, sizeof(p->label), "%04d-Q%d", fy, n);
}

void
period_month_of(int32_t day, struct period *p)
{
	long n = month_number(day);

	p->start = month_start(n);
	p->end = month_start(n + 1) - 1;
	snprintf(p->label, sizeof(p->label), "%04ld-%02ld", n / 12, n % 12 + 1);
}

static void
clip(struct period *sub, const struct period *p)
{
	if (sub->start < p->start)
		sub->start = p->start;
	if (sub->end > p->end)
		sub->end = p->end;
}

static int32_t
monday_of(int32_t day)
{
	return day - (date_weekday(day) - 1);
}

/* How many sub-periods p splits into, worked out before allocating. */
static size_t
split_count(const struct period *p, enum split how,
    const struct calendar *cal)
{
	switch (how) {
	case SPLIT_NONE:
		return 1;
	case SPLIT_MONTH:
		return (size_t)(month_number(p->end) - month_number(p->start)) +
		    1;
	case SPLIT_WEEK:
		return (size_t)(monday_of(p->end) - monday_of(p->start)) / 7 +
		    1;
	case SPLIT_DAY:
		return (size_t)cal_busdays(cal, p->start, p->end);
	}
	return 0;
}

static void
split_fill(const struct period *p, enum split how,
    const struct calendar *cal, struct period *v, size_t n)
{
	int32_t d = p->start;
	size_t i;

	for (i = 0; i < n; i++) {
		switch (how) {
		case SPLIT_NONE:
			v[i] = *p;
			break;
		case SPLIT_MONTH:
			period_month_of(d, &v[i]);
			break;
		case SPLIT_WEEK:
			week_of(d, &v[i]);
			break;
		case SPLIT_DAY:
			while (!cal_is_busday(cal, d))
				d++;
			v[i].start = v[i].end = d;
			date_format(d, v[i].label);
			break;
		}
		clip(&v[i], p);
		d = v[i].end + 1;
	}
}

size_t
period_split(const struct period *p, enum split how,
    const struct calendar *cal, struct period **out)
{
	size_t n;

	*out = NULL;
	if (p->end < p->start || (n = split_count(p, how, cal)) == 0)
		return 0;
	*out = xcalloc(n, sizeof(**out));
	split_fill(p, how, cal, *out, n);
	return n;
}
