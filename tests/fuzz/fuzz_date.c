/*
 * fuzz_date: date_parse on any bytes, with and without a --date-format,
 * and the day-number arithmetic.
 *
 * Properties: a date read is between 0001-01-01 and 9999-12-31 and reads
 * back from its ISO form as the same day; YYYY-MM-DD, M/D/YYYY, YYYY/M/D
 * and D.M.YYYY are accepted exactly when the date exists; a two-digit
 * year is refused; day numbers, weekdays and ISO weeks agree with each
 * other; %s reads whole seconds as the UTC day; a value refused comes
 * with a hint only when the --date-format the hint names reads it.
 */
#include <string.h>

#include "date.h"
#include "fuzz.h"

static const char *const formats[] = {
	NULL, "%d.%m.%Y", "%Y%m%d", "%m/%d/%y", "%d %b %Y", "%Y", "%d/%m/%Y %H:%M",
	"%s",
};
#define NFORMATS (sizeof(formats) / sizeof(formats[0]))

static bool
all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static int
num(const char *s, size_t n)
{
	int v = 0;

	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

static int
valid(int y, int m, int d)
{
	return date_valid_ymd(y, m, d) ? DATE_OK : DATE_BAD;
}

/*
 * Splits s[0..n) into three runs of digits around two sep bytes, with
 * their lengths in len and values in v; false when it is not that shape.
 */
static bool
three_fields(const char *s, size_t n, char sep, size_t len[3], int v[3])
{
	const char *a, *b;

	if ((a = memchr(s, sep, n)) == NULL ||
	    (b = memchr(a + 1, sep, n - (size_t)(a + 1 - s))) == NULL)
		return false;
	len[0] = (size_t)(a - s);
	len[1] = (size_t)(b - a - 1);
	len[2] = n - (size_t)(b + 1 - s);
	if (len[0] < 1 || len[0] > 4 || len[1] < 1 || len[1] > 2 ||
	    len[2] < 1 || len[2] > 4 || !all_digits(s, len[0]) ||
	    !all_digits(a + 1, len[1]) || !all_digits(b + 1, len[2]))
		return false;
	v[0] = num(s, len[0]);
	v[1] = num(a + 1, len[1]);
	v[2] = num(b + 1, len[2]);
	return true;
}

/* DATE_OK or DATE_BAD for the plain forms, 1 for no opinion. */
static int
reference(const char *s, size_t n)
{
	size_t len[3];
	int v[3];

	if (n == 10 && s[4] == '-' && s[7] == '-' && all_digits(s, 4) &&
	    all_digits(s + 5, 2) && all_digits(s + 8, 2))
		return valid(num(s, 4), num(s + 5, 2), num(s + 8, 2));
	if (three_fields(s, n, '/', len, v)) {
		if (len[0] <= 2 && len[2] == 4)
			return valid(v[2], v[0], v[1]);
		if (len[0] == 4 && len[2] <= 2)
			return valid(v[0], v[1], v[2]);
		if (len[0] <= 2 && len[2] == 2)
			return DATE_BAD;	/* 12/31/99 is not guessed */
	}
	if (three_fields(s, n, '.', len, v)) {
		if (len[0] <= 2 && len[2] == 4)
			return valid(v[2], v[1], v[0]);
		if (len[2] != 4)
			return DATE_BAD;	/* no two-digit or first year */
	}
	return 1;
}

/* Whole seconds, maybe negative: the UTC day, or 1 for no opinion. */
static int
epoch_reference(const char *s, size_t n, int32_t *day)
{
	size_t i = n > 0 && s[0] == '-';
	int64_t v;

	if (n - i < 1 || n - i > 12 || !all_digits(s + i, n - i))
		return 1;
	v = 0;
	for (; i < n; i++)
		v = v * 10 + (s[i] - '0');
	v = s[0] == '-' ? -v : v;
	*day = (int32_t)(v / 86400 - (v % 86400 < 0));
	return *day >= date_from_ymd(1, 1, 1) &&
	    *day <= date_from_ymd(9999, 12, 31) ? DATE_OK : DATE_BAD;
}

/*
 * A hint names one or two formats after "--date-format ", each quoted
 * when it holds a space; each must read s.
 */
static void
check_hint(const char *s, size_t size, const char *fmt)
{
	const char *h = date_hint(s, size, fmt), *p;
	char want[64];
	int32_t day;
	size_t n;

	if (h == NULL)
		return;
	p = strstr(h, "--date-format ");
	FUZZ_CHECK(p != NULL, "hint without a format: %s", h);
	p += strlen("--date-format ");
	for (;;) {
		if (*p == '\'') {
			p++;
			n = strcspn(p, "'");
		} else {
			n = strcspn(p, " ");
		}
		FUZZ_CHECK(n > 0 && n < sizeof(want), "hint %s", h);
		memcpy(want, p, n);
		want[n] = '\0';
		FUZZ_CHECK(fmt == NULL || strcmp(want, fmt) != 0,
		    "hint repeats the format in use: %s", h);
		FUZZ_CHECK(date_parse(s, size, want, &day) == DATE_OK,
		    "hint %s does not read the value", h);
		p += n + (p[n] == '\'');
		if (strncmp(p, " or ", 4) != 0)
			break;
		p += 4;
	}
	FUZZ_CHECK(*p == '\0', "hint %s", h);
}

static void
check_day(int32_t day)
{
	char buf[DATE_BUFSZ];
	int32_t back;
	int y, m, d, iy, w;

	FUZZ_CHECK(day >= date_from_ymd(1, 1, 1) &&
	    day <= date_from_ymd(9999, 12, 31), "day %d out of range", day);
	date_to_ymd(day, &y, &m, &d);
	FUZZ_CHECK(date_valid_ymd(y, m, d) && date_from_ymd(y, m, d) == day,
	    "ymd of %d", day);
	FUZZ_CHECK(date_format(day, buf) == 10 &&
	    date_parse(buf, 10, NULL, &back) == DATE_OK && back == day,
	    "round trip of %d", day);
	FUZZ_CHECK(date_weekday(day) >= 1 && date_weekday(day) <= 7 &&
	    date_weekday(day + 1) == date_weekday(day) % 7 + 1, "weekday");
	date_iso_week(day, &iy, &w);
	FUZZ_CHECK(w >= 1 && w <= date_iso_weeks_in_year(iy), "iso week");
	int32_t mon = date_iso_week_start(iy, w);
	FUZZ_CHECK(mon <= day && day < mon + 7 && date_weekday(mon) == 1,
	    "iso week start");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *fmt = formats[fuzz_byte(&data, &size) % NFORMATS];
	const char *s = (const char *)data;
	int32_t day, ref;
	int rc, want;

	rc = date_parse(s, size, fmt, &day);
	FUZZ_CHECK(rc == DATE_OK || rc == DATE_EMPTY || rc == DATE_BAD,
	    "status %d", rc);
	if (rc == DATE_OK)
		check_day(day);
	if (fmt == NULL && (want = reference(s, size)) != 1)
		FUZZ_CHECK(rc == want, "date_parse %d, reference %d", rc, want);
	if (fmt != NULL && strcmp(fmt, "%s") == 0 &&
	    (want = epoch_reference(s, size, &ref)) != 1)
		FUZZ_CHECK(rc == want && (rc != DATE_OK || day == ref),
		    "epoch %d, reference %d", rc, want);
	if (rc == DATE_BAD)
		check_hint(s, size, fmt);
	FUZZ_CHECK(fmt == NULL || date_format_check(fmt) == NULL,
	    "format %s refused", fmt);
	return 0;
}
