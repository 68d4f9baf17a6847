/*
 * fuzz_date: date_parse on any bytes, with and without a --date-format,
 * and the day-number arithmetic.
 *
 * Properties: a date read is between 0001-01-01 and 9999-12-31 and reads
 * back from its ISO form as the same day; YYYY-MM-DD and M/D/YYYY are
 * accepted exactly when the date exists; a two-digit year is refused;
 * day numbers, weekdays and ISO weeks agree with each other.
 */
#include <string.h>

#include "date.h"
#include "fuzz.h"

static const char *const formats[] = {
	NULL, "%d.%m.%Y", "%Y%m%d", "%m/%d/%y", "%d %b %Y", "%Y", "%d/%m/%Y %H:%M",
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

/* DATE_OK or DATE_BAD for the plain forms, 1 for no opinion. */
static int
reference(const char *s, size_t n)
{
	const char *a, *b;
	size_t la, lb, lc;

	if (n == 10 && s[4] == '-' && s[7] == '-' && all_digits(s, 4) &&
	    all_digits(s + 5, 2) && all_digits(s + 8, 2))
		return date_valid_ymd(num(s, 4), num(s + 5, 2),
		    num(s + 8, 2)) ? DATE_OK : DATE_BAD;
	if ((a = memchr(s, '/', n)) == NULL ||
	    (b = memchr(a + 1, '/', n - (size_t)(a + 1 - s))) == NULL)
		return 1;
	la = (size_t)(a - s);
	lb = (size_t)(b - a - 1);
	lc = n - (size_t)(b + 1 - s);
	if (la < 1 || la > 2 || lb < 1 || lb > 2 || !all_digits(s, la) ||
	    !all_digits(a + 1, lb) || !all_digits(b + 1, lc))
		return 1;
	if (lc == 2)
		return DATE_BAD;	/* 12/31/99 is not guessed */
	if (lc != 4)
		return 1;
	return date_valid_ymd(num(b + 1, 4), num(s, la), num(a + 1, lb)) ?
	    DATE_OK : DATE_BAD;
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
	int32_t day;
	int rc, want;

	rc = date_parse(s, size, fmt, &day);
	FUZZ_CHECK(rc == DATE_OK || rc == DATE_EMPTY || rc == DATE_BAD,
	    "status %d", rc);
	if (rc == DATE_OK)
		check_day(day);
	if (fmt == NULL && (want = reference(s, size)) != 1)
		FUZZ_CHECK(rc == want, "date_parse %d, reference %d", rc, want);
	return 0;
}
