/*
 * test_period.c: --period forms, fiscal quarters, and splitting periods.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "date.h"
#include "period.h"
#include "unit.h"

#define D(y, m, d) date_from_ymd(y, m, d)

/* Asserts a period's bounds and label. */
#define ck_assert_period(per, from, to, lab) do {			\
	ck_assert_int_eq((per).start, (from));				\
	ck_assert_int_eq((per).end, (to));				\
	ck_assert_str_eq((per).label, (lab));				\
} while (0)

/* What the last parse() call produced; each test runs in its own process. */
static struct period p;
static const char *why;

static int
parse(const char *s, int fiscal_start)
{
	why = NULL;
	return period_parse(s, fiscal_start, &p, &why);
}

/* Quarters and fiscal years. */

START_TEST(test_period_parses_quarter)
{
	ck_assert_int_eq(parse("2027-Q1", 1), 0);
	ck_assert_period(p, D(2027, 1, 1), D(2027, 3, 31), "2027-Q1");
}
END_TEST

START_TEST(test_period_parses_last_quarter)
{
	ck_assert_int_eq(parse("2027-Q4", 1), 0);
	ck_assert_period(p, D(2027, 10, 1), D(2027, 12, 31), "2027-Q4");
}
END_TEST

START_TEST(test_period_upper_cases_quarter_label)
{
	ck_assert_int_eq(parse("2027-q1", 1), 0);
	ck_assert_str_eq(p.label, "2027-Q1");
}
END_TEST

START_TEST(test_period_shifts_quarter_by_fiscal_start)
{
	ck_assert_int_eq(parse("2027-Q1", 2), 0);
	ck_assert_period(p, D(2026, 2, 1), D(2026, 4, 30), "2027-Q1");
}
END_TEST

START_TEST(test_period_fiscal_quarter_crosses_calendar_year)
{
	ck_assert_int_eq(parse("2027-Q4", 2), 0);
	ck_assert_period(p, D(2026, 11, 1), D(2027, 1, 31), "2027-Q4");
}
END_TEST

START_TEST(test_period_parses_calendar_year)
{
	ck_assert_int_eq(parse("2027", 1), 0);
	ck_assert_period(p, D(2027, 1, 1), D(2027, 12, 31), "2027");
}
END_TEST

START_TEST(test_period_parses_fy_as_calendar_year_from_january)
{
	ck_assert_int_eq(parse("FY2027", 1), 0);
	ck_assert_period(p, D(2027, 1, 1), D(2027, 12, 31), "FY2027");
}
END_TEST

START_TEST(test_period_names_fiscal_year_for_year_it_ends)
{
	ck_assert_int_eq(parse("FY2027", 2), 0);
	ck_assert_period(p, D(2026, 2, 1), D(2027, 1, 31), "FY2027");
	ck_assert_int_eq(parse("2027", 2), 0);
	ck_assert_period(p, D(2026, 2, 1), D(2027, 1, 31), "2027");
}
END_TEST

START_TEST(test_period_fiscal_year_from_december)
{
	ck_assert_int_eq(parse("FY2027", 12), 0);
	ck_assert_period(p, D(2026, 12, 1), D(2027, 11, 30), "FY2027");
}
END_TEST

START_TEST(test_period_upper_cases_fy_label)
{
	ck_assert_int_eq(parse("fy2027", 1), 0);
	ck_assert_str_eq(p.label, "FY2027");
	ck_assert_int_eq(parse("Fy2027", 1), 0);
	ck_assert_str_eq(p.label, "FY2027");
}
END_TEST

START_TEST(test_period_rejects_quarter_5)
{
	ck_assert_int_eq(parse("2027-Q5", 1), -1);
	ck_assert_str_eq(why, "no such quarter");
	ck_assert_int_eq(parse("2027-Q0", 1), -1);
}
END_TEST

START_TEST(test_period_rejects_fy_with_quarter)
{
	ck_assert_int_eq(parse("FY2027-Q1", 1), -1);
	ck_assert_str_eq(why, "not a period");
}
END_TEST

START_TEST(test_period_rejects_fiscal_year_before_year_1)
{
	ck_assert_int_eq(parse("FY0001", 2), -1);
	ck_assert_str_eq(why, "year out of range");
	ck_assert_int_eq(parse("FY0001", 1), 0);
}
END_TEST

START_TEST(test_period_rejects_fiscal_start_out_of_range)
{
	ck_assert_int_eq(parse("2027-Q1", 13), -1);
	ck_assert_str_eq(why, "fiscal start is not a month 1 to 12");
	ck_assert_int_eq(parse("2027-Q1", 0), -1);
}
END_TEST

/* Months, weeks and days. */

START_TEST(test_period_parses_month)
{
	ck_assert_int_eq(parse("2027-03", 1), 0);
	ck_assert_period(p, D(2027, 3, 1), D(2027, 3, 31), "2027-03");
}
END_TEST

START_TEST(test_period_month_ignores_fiscal_start)
{
	ck_assert_int_eq(parse("2027-03", 7), 0);
	ck_assert_period(p, D(2027, 3, 1), D(2027, 3, 31), "2027-03");
}
END_TEST

START_TEST(test_period_parses_leap_february)
{
	ck_assert_int_eq(parse("2028-02", 1), 0);
	ck_assert_period(p, D(2028, 2, 1), D(2028, 2, 29), "2028-02");
}
END_TEST

START_TEST(test_period_rejects_month_13)
{
	ck_assert_int_eq(parse("2027-13", 1), -1);
	ck_assert_str_eq(why, "no such month");
	ck_assert_int_eq(parse("2027-00", 1), -1);
}
END_TEST

START_TEST(test_period_rejects_one_digit_month)
{
	ck_assert_int_eq(parse("2027-3", 1), -1);
	ck_assert_str_eq(why, "not a period");
}
END_TEST

START_TEST(test_period_parses_iso_week)
{
	ck_assert_int_eq(parse("2027-W05", 1), 0);
	ck_assert_period(p, D(2027, 2, 1), D(2027, 2, 7), "2027-W05");
}
END_TEST

START_TEST(test_period_upper_cases_week_label)
{
	ck_assert_int_eq(parse("2027-w05", 1), 0);
	ck_assert_str_eq(p.label, "2027-W05");
}
END_TEST

START_TEST(test_period_parses_week_53_of_long_year)
{
	ck_assert_int_eq(parse("2026-W53", 1), 0);
	ck_assert_period(p, D(2026, 12, 28), D(2027, 1, 3), "2026-W53");
}
END_TEST

START_TEST(test_period_rejects_week_53_of_short_year)
{
	ck_assert_int_eq(parse("2027-W53", 1), -1);
	ck_assert_str_eq(why, "no week 53 in that year");
}
END_TEST

START_TEST(test_period_rejects_week_0_and_54)
{
	ck_assert_int_eq(parse("2027-W00", 1), -1);
	ck_assert_str_eq(why, "no such week");
	ck_assert_int_eq(parse("2026-W54", 1), -1);
	ck_assert_str_eq(why, "no such week");
}
END_TEST

START_TEST(test_period_rejects_one_digit_week)
{
	ck_assert_int_eq(parse("2027-W5", 1), -1);
	ck_assert_str_eq(why, "not a period");
}
END_TEST

START_TEST(test_period_rejects_week_past_year_9999)
{
	/* 9999-W52 would end on 10000-01-02. */
	ck_assert_int_eq(parse("9999-W52", 1), -1);
	ck_assert_str_eq(why, "year out of range");
}
END_TEST

START_TEST(test_period_parses_day)
{
	ck_assert_int_eq(parse("2027-03-31", 1), 0);
	ck_assert_period(p, D(2027, 3, 31), D(2027, 3, 31), "2027-03-31");
}
END_TEST

START_TEST(test_period_rejects_missing_day)
{
	ck_assert_int_eq(parse("2027-02-29", 1), -1);
	ck_assert_str_eq(why, "no such day");
}
END_TEST

START_TEST(test_period_rejects_day_with_month_13)
{
	ck_assert_int_eq(parse("2027-13-01", 1), -1);
	ck_assert_str_eq(why, "no such month");
}
END_TEST

/* Ranges. */

START_TEST(test_period_parses_range)
{
	ck_assert_int_eq(parse("2027-01-01..2027-03-31", 1), 0);
	ck_assert_period(p, D(2027, 1, 1), D(2027, 3, 31),
	    "2027-01-01..2027-03-31");
}
END_TEST

START_TEST(test_period_parses_one_day_range)
{
	ck_assert_int_eq(parse("2027-03-31..2027-03-31", 1), 0);
	ck_assert_period(p, D(2027, 3, 31), D(2027, 3, 31),
	    "2027-03-31..2027-03-31");
}
END_TEST

START_TEST(test_period_range_allows_spaces_around_dots)
{
	ck_assert_int_eq(parse("2027-01-01 .. 2027-03-31", 1), 0);
	ck_assert_str_eq(p.label, "2027-01-01..2027-03-31");
}
END_TEST

START_TEST(test_period_rejects_range_ending_before_start)
{
	ck_assert_int_eq(parse("2027-03-31..2027-01-01", 1), -1);
	ck_assert_str_eq(why, "end before start");
}
END_TEST

START_TEST(test_period_rejects_range_with_missing_day)
{
	ck_assert_int_eq(parse("2027-02-30..2027-03-31", 1), -1);
	ck_assert_str_eq(why, "no such day");
}
END_TEST

START_TEST(test_period_rejects_range_of_months)
{
	ck_assert_int_eq(parse("2027-01..2027-03", 1), -1);
	ck_assert_str_eq(why, "not a period");
}
END_TEST

START_TEST(test_period_rejects_open_range)
{
	ck_assert_int_eq(parse("2027-01-01..", 1), -1);
	ck_assert_int_eq(parse("..2027-01-01", 1), -1);
	ck_assert_int_eq(parse("2027-01-01...2027-03-31", 1), -1);
}
END_TEST

/* Malformed input. */

START_TEST(test_period_ignores_surrounding_spaces)
{
	ck_assert_int_eq(parse("  2027-Q1 ", 1), 0);
	ck_assert_str_eq(p.label, "2027-Q1");
}
END_TEST

START_TEST(test_period_rejects_empty)
{
	ck_assert_int_eq(parse("", 1), -1);
	ck_assert_str_eq(why, "not a period");
	ck_assert_int_eq(parse("   ", 1), -1);
}
END_TEST

START_TEST(test_period_rejects_words)
{
	ck_assert_int_eq(parse("Q1", 1), -1);
	ck_assert_int_eq(parse("this quarter", 1), -1);
	ck_assert_str_eq(why, "not a period");
}
END_TEST

START_TEST(test_period_rejects_trailing_text)
{
	ck_assert_int_eq(parse("2027-Q1x", 1), -1);
	ck_assert_int_eq(parse("2027-", 1), -1);
	ck_assert_int_eq(parse("20271", 1), -1);
	ck_assert_int_eq(parse("2027-03-311", 1), -1);
}
END_TEST

START_TEST(test_period_rejects_year_0)
{
	ck_assert_int_eq(parse("0000", 1), -1);
	ck_assert_str_eq(why, "year out of range");
}
END_TEST

START_TEST(test_period_accepts_null_why)
{
	ck_assert_int_eq(period_parse("2027-13", 1, &p, NULL), -1);
}
END_TEST

START_TEST(test_period_leaves_period_alone_on_error)
{
	ck_assert_int_eq(parse("2027-Q1", 1), 0);
	ck_assert_int_eq(parse("2027-Q5", 1), -1);
	ck_assert_period(p, D(2027, 1, 1), D(2027, 3, 31), "2027-Q1");
}
END_TEST

/* The quarter and month containing a day. */

START_TEST(test_period_quarter_of_day)
{
	period_quarter_of(D(2027, 5, 15), 1, &p);
	ck_assert_period(p, D(2027, 4, 1), D(2027, 6, 30), "2027-Q2");
}
END_TEST

START_TEST(test_period_quarter_of_day_in_next_fiscal_year)
{
	period_quarter_of(D(2027, 5, 15), 2, &p);
	ck_assert_period(p, D(2027, 5, 1), D(2027, 7, 31), "2028-Q2");
}
END_TEST

START_TEST(test_period_quarter_of_day_before_fiscal_start)
{
	period_quarter_of(D(2027, 1, 15), 2, &p);
	ck_assert_period(p, D(2026, 11, 1), D(2027, 1, 31), "2027-Q4");
}
END_TEST

/*
 * For every fiscal start and every day of 2026..2028, the quarter found
 * holds the day and reads back as itself.
 */
START_TEST(test_period_quarter_of_agrees_with_parse)
{
	struct period q, back;
	int32_t d;
	int fs;

	for (fs = 1; fs <= 12; fs++)
		for (d = D(2026, 1, 1); d <= D(2028, 12, 31); d++) {
			period_quarter_of(d, fs, &q);
			if (period_parse(q.label, fs, &back, NULL) != 0 ||
			    back.start != q.start || back.end != q.end ||
			    strcmp(back.label, q.label) != 0 ||
			    q.start > d || q.end < d)
				ck_abort_msg("day %d, fiscal start %d: %s",
				    (int)d, fs, q.label);
		}
}
END_TEST

START_TEST(test_period_month_of_day)
{
	period_month_of(D(2028, 2, 10), &p);
	ck_assert_period(p, D(2028, 2, 1), D(2028, 2, 29), "2028-02");
}
END_TEST

START_TEST(test_period_month_of_agrees_with_parse)
{
	struct period back;
	int32_t d;

	for (d = D(2026, 1, 1); d <= D(2028, 12, 31); d++) {
		period_month_of(d, &p);
		if (period_parse(p.label, 1, &back, NULL) != 0 ||
		    back.start != p.start || back.end != p.end ||
		    p.start > d || p.end < d)
			ck_abort_msg("day %d: %s", (int)d, p.label);
	}
}
END_TEST

/* Splits. */

START_TEST(test_period_split_none_gives_period_itself)
{
	struct period *v;

	ck_assert_int_eq(parse("2027-Q1", 1), 0);
	ck_assert_uint_eq(period_split(&p, SPLIT_NONE, NULL, &v), 1);
	ck_assert_period(v[0], p.start, p.end, "2027-Q1");
	free(v);
}
END_TEST

START_TEST(test_period_split_quarter_into_months)
{
	struct period *v;

	ck_assert_int_eq(parse("2027-Q1", 1), 0);
	ck_assert_uint_eq(period_split(&p, SPLIT_MONTH, NULL, &v), 3);
	ck_assert_period(v[0], D(2027, 1, 1), D(2027, 1, 31), "2027-01");
	ck_assert_period(v[1], D(2027, 2, 1), D(2027, 2, 28), "2027-02");
	ck_assert_period(v[2], D(2027, 3, 1), D(2027, 3, 31), "2027-03");
	free(v);
}
END_TEST

START_TEST(test_period_split_fiscal_quarter_into_months)
{
	struct period *v;

	ck_assert_int_eq(parse("2027-Q1", 2), 0);
	ck_assert_uint_eq(period_split(&p, SPLIT_MONTH, NULL, &v), 3);
	ck_assert_period(v[0], D(2026, 2, 1), D(2026, 2, 28), "2026-02");
	ck_assert_period(v[1], D(2026, 3, 1), D(2026, 3, 31), "2026-03");
	ck_assert_period(v[2], D(2026, 4, 1), D(2026, 4, 30), "2026-04");
	free(v);
}
END_TEST

START_TEST(test_period_split_range_clips_months)
{
	struct period *v;

	ck_assert_int_eq(parse("2027-01-15..2027-03-10", 1), 0);
	ck_assert_uint_eq(period_split(&p, SPLIT_MONTH, NULL, &v), 3);
	ck_assert_period(v[0], D(2027, 1, 15), D(2027, 1, 31), "2027-01");
	ck_assert_period(v[1], D(2027, 2, 1), D(2027, 2, 28), "2027-02");
	ck_assert_period(v[2], D(2027, 3, 1), D(2027, 3, 10), "2027-03");
	free(v);
}
END_TEST

START_TEST(test_period_split_month_across_new_year)
{
	struct period *v;

	ck_assert_int_eq(parse("2026-12-20..2027-01-05", 1), 0);
	ck_assert_uint_eq(period_split(&p, SPLIT_MONTH, NULL, &v), 2);
	ck_assert_period(v[0], D(2026, 12, 20), D(2026, 12, 31), "2026-12");
	ck_assert_period(v[1], D(2027, 1, 1), D(2027, 1, 5), "2027-01");
	free(v);
}
END_TEST

START_TEST(test_period_split_quarter_into_weeks)
{
	struct period *v;
	size_t n;

	ck_assert_int_eq(parse("2027-Q1", 1), 0);
	n = period_split(&p, SPLIT_WEEK, NULL, &v);
	ck_assert_uint_eq(n, 14);
	ck_assert_period(v[0], D(2027, 1, 1), D(2027, 1, 3), "2026-W53");
	ck_assert_period(v[1], D(2027, 1, 4), D(2027, 1, 10), "2027-W01");
	ck_assert_period(v[6], D(2027, 2, 8), D(2027, 2, 14), "2027-W06");
	ck_assert_period(v[13], D(2027, 3, 29), D(2027, 3, 31), "2027-W13");
	free(v);
}
END_TEST

START_TEST(test_period_split_range_starting_mid_week)
{
	struct period *v;

	/* 2027-02-03 is a Wednesday. */
	ck_assert_int_eq(parse("2027-02-03..2027-02-16", 1), 0);
	ck_assert_uint_eq(period_split(&p, SPLIT_WEEK, NULL, &v), 3);
	ck_assert_period(v[0], D(2027, 2, 3), D(2027, 2, 7), "2027-W05");
	ck_assert_period(v[1], D(2027, 2, 8), D(2027, 2, 14), "2027-W06");
	ck_assert_period(v[2], D(2027, 2, 15), D(2027, 2, 16), "2027-W07");
	free(v);
}
END_TEST

START_TEST(test_period_split_week_keeps_iso_label_at_year_end)
{
	struct period *v;
	size_t n;

	ck_assert_int_eq(parse("2024", 1), 0);
	n = period_split(&p, SPLIT_WEEK, NULL, &v);
	ck_assert_uint_eq(n, 53);
	ck_assert_period(v[0], D(2024, 1, 1), D(2024, 1, 7), "2024-W01");
	ck_assert_period(v[52], D(2024, 12, 30), D(2024, 12, 31), "2025-W01");
	free(v);
}
END_TEST

START_TEST(test_period_split_one_week_into_weeks)
{
	struct period *v;

	ck_assert_int_eq(parse("2027-W05", 1), 0);
	ck_assert_uint_eq(period_split(&p, SPLIT_WEEK, NULL, &v), 1);
	ck_assert_period(v[0], D(2027, 2, 1), D(2027, 2, 7), "2027-W05");
	free(v);
}
END_TEST

START_TEST(test_period_split_week_into_weekdays)
{
	struct period *v;

	ck_assert_int_eq(parse("2027-W05", 1), 0);
	ck_assert_uint_eq(period_split(&p, SPLIT_DAY, NULL, &v), 5);
	ck_assert_period(v[0], D(2027, 2, 1), D(2027, 2, 1), "2027-02-01");
	ck_assert_period(v[2], D(2027, 2, 3), D(2027, 2, 3), "2027-02-03");
	ck_assert_period(v[4], D(2027, 2, 5), D(2027, 2, 5), "2027-02-05");
	free(v);
}
END_TEST

START_TEST(test_period_split_days_skips_holidays)
{
	struct calendar cal;
	struct period *v;

	cal_init(&cal);
	cal_add(&cal, D(2027, 2, 3));
	ck_assert_int_eq(parse("2027-W05", 1), 0);
	ck_assert_uint_eq(period_split(&p, SPLIT_DAY, &cal, &v), 4);
	ck_assert_str_eq(v[1].label, "2027-02-02");
	ck_assert_str_eq(v[2].label, "2027-02-04");
	free(v);
	cal_free(&cal);
}
END_TEST

START_TEST(test_period_split_quarter_into_business_days)
{
	struct calendar cal;
	struct period *v;
	size_t n, i;

	cal_init(&cal);
	cal_add(&cal, D(2027, 1, 1));
	cal_add(&cal, D(2027, 1, 18));
	ck_assert_int_eq(parse("2027-Q1", 1), 0);
	n = period_split(&p, SPLIT_DAY, &cal, &v);
	ck_assert_uint_eq(n, 62);
	ck_assert_int_eq(n, cal_busdays(&cal, p.start, p.end));
	ck_assert_str_eq(v[0].label, "2027-01-04");
	ck_assert_str_eq(v[n - 1].label, "2027-03-31");
	for (i = 0; i < n; i++)
		ck_assert(cal_is_busday(&cal, v[i].start));
	free(v);
	cal_free(&cal);
}
END_TEST

START_TEST(test_period_split_weekend_into_days_is_empty)
{
	struct period *v;

	ck_assert_int_eq(parse("2027-02-06..2027-02-07", 1), 0);
	ck_assert_uint_eq(period_split(&p, SPLIT_DAY, NULL, &v), 0);
	ck_assert_ptr_null(v);
}
END_TEST

/* Month and week splits of a year cover it exactly, in order. */
START_TEST(test_period_split_covers_period_without_gaps)
{
	static const enum split how[] = { SPLIT_MONTH, SPLIT_WEEK };
	struct period *v;
	size_t n, i, k;

	ck_assert_int_eq(parse("2026-03-17..2028-11-02", 1), 0);
	for (k = 0; k < 2; k++) {
		n = period_split(&p, how[k], NULL, &v);
		ck_assert_int_eq(v[0].start, p.start);
		ck_assert_int_eq(v[n - 1].end, p.end);
		for (i = 1; i < n; i++)
			ck_assert_int_eq(v[i].start, v[i - 1].end + 1);
		free(v);
	}
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("period");
	TCase *fiscal = tcase_create("quarters and years");
	TCase *small = tcase_create("months weeks days");
	TCase *range = tcase_create("ranges");
	TCase *bad = tcase_create("malformed");
	TCase *of = tcase_create("period of a day");
	TCase *split = tcase_create("split");

	ADD(fiscal, test_period_parses_quarter);
	ADD(fiscal, test_period_parses_last_quarter);
	ADD(fiscal, test_period_upper_cases_quarter_label);
	ADD(fiscal, test_period_shifts_quarter_by_fiscal_start);
	ADD(fiscal, test_period_fiscal_quarter_crosses_calendar_year);
	ADD(fiscal, test_period_parses_calendar_year);
	ADD(fiscal, test_period_parses_fy_as_calendar_year_from_january);
	ADD(fiscal, test_period_names_fiscal_year_for_year_it_ends);
	ADD(fiscal, test_period_fiscal_year_from_december);
	ADD(fiscal, test_period_upper_cases_fy_label);
	ADD(fiscal, test_period_rejects_quarter_5);
	ADD(fiscal, test_period_rejects_fy_with_quarter);
	ADD(fiscal, test_period_rejects_fiscal_year_before_year_1);
	ADD(fiscal, test_period_rejects_fiscal_start_out_of_range);
	suite_add_tcase(s, fiscal);

	ADD(small, test_period_parses_month);
	ADD(small, test_period_month_ignores_fiscal_start);
	ADD(small, test_period_parses_leap_february);
	ADD(small, test_period_rejects_month_13);
	ADD(small, test_period_rejects_one_digit_month);
	ADD(small, test_period_parses_iso_week);
	ADD(small, test_period_upper_cases_week_label);
	ADD(small, test_period_parses_week_53_of_long_year);
	ADD(small, test_period_rejects_week_53_of_short_year);
	ADD(small, test_period_rejects_week_0_and_54);
	ADD(small, test_period_rejects_one_digit_week);
	ADD(small, test_period_rejects_week_past_year_9999);
	ADD(small, test_period_parses_day);
	ADD(small, test_period_rejects_missing_day);
	ADD(small, test_period_rejects_day_with_month_13);
	suite_add_tcase(s, small);

	ADD(range, test_period_parses_range);
	ADD(range, test_period_parses_one_day_range);
	ADD(range, test_period_range_allows_spaces_around_dots);
	ADD(range, test_period_rejects_range_ending_before_start);
	ADD(range, test_period_rejects_range_with_missing_day);
	ADD(range, test_period_rejects_range_of_months);
	ADD(range, test_period_rejects_open_range);
	suite_add_tcase(s, range);

	ADD(bad, test_period_ignores_surrounding_spaces);
	ADD(bad, test_period_rejects_empty);
	ADD(bad, test_period_rejects_words);
	ADD(bad, test_period_rejects_trailing_text);
	ADD(bad, test_period_rejects_year_0);
	ADD(bad, test_period_accepts_null_why);
	ADD(bad, test_period_leaves_period_alone_on_error);
	suite_add_tcase(s, bad);

	ADD(of, test_period_quarter_of_day);
	ADD(of, test_period_quarter_of_day_in_next_fiscal_year);
	ADD(of, test_period_quarter_of_day_before_fiscal_start);
	ADD(of, test_period_quarter_of_agrees_with_parse);
	ADD(of, test_period_month_of_day);
	ADD(of, test_period_month_of_agrees_with_parse);
	suite_add_tcase(s, of);

	ADD(split, test_period_split_none_gives_period_itself);
	ADD(split, test_period_split_quarter_into_months);
	ADD(split, test_period_split_fiscal_quarter_into_months);
	ADD(split, test_period_split_range_clips_months);
	ADD(split, test_period_split_month_across_new_year);
	ADD(split, test_period_split_quarter_into_weeks);
	ADD(split, test_period_split_range_starting_mid_week);
	ADD(split, test_period_split_week_keeps_iso_label_at_year_end);
	ADD(split, test_period_split_one_week_into_weeks);
	ADD(split, test_period_split_week_into_weekdays);
	ADD(split, test_period_split_days_skips_holidays);
	ADD(split, test_period_split_quarter_into_business_days);
	ADD(split, test_period_split_weekend_into_days_is_empty);
	ADD(split, test_period_split_covers_period_without_gaps);
	suite_add_tcase(s, split);

	return s;
}

UNIT_MAIN
