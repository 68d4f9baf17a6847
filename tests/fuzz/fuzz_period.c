/*
 * fuzz_period: --period text, its sub-periods, and business days.
 *
 * Input: a control byte (fiscal start, split), a byte for the as-of day
 * (near year 1, 2027 or 9999), the period text up to the first "\n--\n",
 * then holiday lines for cal_load.  Properties: a period read has start
 * <= end and its label reads back as the same window; an absolute period
 * resolves the same whatever the as-of day, and a relative one (which
 * period_parse refuses) to a window near as-of whose label reads back;
 * month and week splits tile the window exactly; a day split is exactly
 * its business days; cal_busdays agrees with counting day by day;
 * holidays load sorted without duplicates.
 */
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "date.h"
#include "fuzz.h"
#include "period.h"

/* Splits are checked for windows up to this many days. */
#define SPLIT_MAX_DAYS 4000

static void
check_split(const struct period *p, enum split how,
    const struct calendar *cal)
{
	struct period *sub;
	size_t n = period_split(p, how, cal, &sub);

	if (how == SPLIT_DAY) {
		FUZZ_CHECK((int64_t)n == cal_busdays(cal, p->start, p->end),
		    "day split %zu, business days %lld", n,
		    (long long)cal_busdays(cal, p->start, p->end));
		for (size_t i = 0; i < n; i++)
			FUZZ_CHECK(sub[i].start == sub[i].end &&
			    cal_is_busday(cal, sub[i].start) &&
			    sub[i].start >= p->start && sub[i].end <= p->end &&
			    (i == 0 || sub[i].start > sub[i - 1].start),
			    "day %zu", i);
	} else {
		FUZZ_CHECK(n >= 1, "empty split");
		FUZZ_CHECK(sub[0].start == p->start && sub[n - 1].end == p->end,
		    "split ends");
		for (size_t i = 0; i < n; i++)
			FUZZ_CHECK(sub[i].start <= sub[i].end &&
			    (i == 0 || sub[i].start == sub[i - 1].end + 1) &&
			    strlen(sub[i].label) > 0, "sub-period %zu", i);
	}
	free(sub);
}

static void
check_busdays(const struct calendar *cal, int32_t from, int32_t to)
{
	int64_t n = 0;

	for (int32_t d = from; d <= to; d++)
		n += cal_is_busday(cal, d);
	FUZZ_CHECK(cal_busdays(cal, from, to) == n, "busdays %d..%d", from,
	    to);
}

/* Steps of 6 days from a base near either end of the years or in 2027. */
static int32_t
as_of_day(uint8_t b)
{
	int32_t step = 6 * (b >> 2);

	switch (b & 3) {
	case 0:
		return date_from_ymd(1, 1, 1) + step;
	case 1:
		return date_from_ymd(2026, 10, 1) + step;
	case 2:
		return date_from_ymd(9999, 12, 31) - step;
	default:
		return date_from_ymd(9998, 12, 25) + step;
	}
}

/* Checks a window read or resolved, and splits it. */
static void
check_period(const struct period *p, int fiscal_start, enum split how,
    const struct calendar *cal)
{
	struct period q;
	const char *why = NULL;

	FUZZ_CHECK(p->start <= p->end, "start after end");
	FUZZ_CHECK(strlen(p->label) > 0 && strlen(p->label) < PERIOD_LABEL_SZ,
	    "label");
	FUZZ_CHECK(period_parse(p->label, fiscal_start, &q, &why) == 0 &&
	    q.start == p->start && q.end == p->end,
	    "label %s does not read back", p->label);
	if ((int64_t)p->end - p->start < SPLIT_MAX_DAYS) {
		check_split(p, how, cal);
		check_busdays(cal, p->start, p->end);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t ctl = fuzz_byte(&data, &size);
	int32_t as_of = as_of_day(fuzz_byte(&data, &size));
	int fiscal_start = 1 + ctl % 12;
	enum split how = (enum split)((ctl >> 4) % 4);
	const uint8_t *text, *hol;
	size_t tlen, hlen;
	struct calendar cal;
	struct period p, r;
	const char *why = NULL, *rwhy = NULL;
	int parsed, resolved;
	char *s;
	FILE *fp;

	fuzz_split(data, size, &text, &tlen, &hol, &hlen);
	cal_init(&cal);
	fp = fuzz_memfile(hol, hlen);
	cal_load(&cal, fp, "holidays");
	fclose(fp);
	for (size_t i = 1; i < cal.n; i++)
		FUZZ_CHECK(cal.holidays[i - 1] < cal.holidays[i],
		    "holidays not sorted");

	s = malloc(tlen + 1);
	memcpy(s, text, tlen);
	s[tlen] = '\0';
	parsed = period_parse(s, fiscal_start, &p, &why);
	resolved = period_resolve(s, fiscal_start, as_of, &r, &rwhy);
	if (parsed == 0) {
		check_period(&p, fiscal_start, how, &cal);
		FUZZ_CHECK(resolved == 0 && r.start == p.start &&
		    r.end == p.end && strcmp(r.label, p.label) == 0,
		    "%s resolves otherwise than it reads", p.label);
	} else {
		FUZZ_CHECK(why != NULL && strlen(why) > 0, "no reason given");
	}
	if (parsed != 0 && resolved == 0) {
		/* Relative: the window lies within about a year of as-of. */
		check_period(&r, fiscal_start, how, &cal);
		FUZZ_CHECK(r.start <= (int64_t)as_of + 400 &&
		    r.end >= (int64_t)as_of - 400,
		    "%s is far from as-of %d", r.label, as_of);
	}
	if (resolved != 0)
		FUZZ_CHECK(rwhy != NULL && strlen(rwhy) > 0, "no reason given");
	free(s);
	cal_free(&cal);
	return 0;
}
