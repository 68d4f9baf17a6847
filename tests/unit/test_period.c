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

#define NOT_A_PERIOD "expected one of " PERIOD_FORMS
#define OUT_OF_RANGE "year out of range (years run 1 to 9999)"

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

START_TEST(test_period_reads_quarter_before_year)
{
	ck_assert_int_eq(parse("Q2-2025", 1), 0);
	ck_assert_period(p, D(2025, 4, 1), D(2025, 6, 30), "2025-Q2");
}
END_TEST

START_TEST(test_period_reads_quarter_before_year_with_space)
{
	ck_assert_int_eq(parse("Q2 2025", 1), 0);
	ck_assert_str_eq(p.label, "2025-Q2");
}
END_TEST

START_TEST(test_period_reads_quarter_after_year_with_space)
{
	ck_assert_int_eq(parse("2025 Q2", 1), 0);
	ck_assert_period(p, D(2025, 4, 1), D(2025, 6, 30), "2025-Q2");
}
END_TEST

START_TEST(test_period_reads_quarter_after_year_without_separator)
{
	ck_assert_int_eq(parse("2025Q2", 1), 0);
	ck_assert_str_eq(p.label, "2025-Q2");
}
END_TEST

START_TEST(test_period_reads_fy_with_quarter)
{
	ck_assert_int_eq(parse("FY2025-Q2", 1), 0);
	ck_assert_period(p, D(2025, 4, 1), D(2025, 6, 30), "2025-Q2");
	ck_assert_int_eq(parse("FY2025 Q2", 1), 0);
	ck_assert_str_eq(p.label, "2025-Q2");
}
END_TEST

START_TEST(test_period_reads_quarter_before_fy)
{
	ck_assert_int_eq(parse("Q2 FY2025", 1), 0);
	ck_assert_str_eq(p.label, "2025-Q2");
	ck_assert_int_eq(parse("Q2-FY2025", 1), 0);
	ck_assert_str_eq(p.label, "2025-Q2");
}
END_TEST

START_TEST(test_period_quarter_spellings_ignore_case)
{
	ck_assert_int_eq(parse("q2-2025", 1), 0);
	ck_assert_str_eq(p.label, "2025-Q2");
	ck_assert_int_eq(parse("fy2025q2", 1), 0);
	ck_assert_str_eq(p.label, "2025-Q2");
}
END_TEST

START_TEST(test_period_quarter_spellings_follow_fiscal_start)
{
	ck_assert_int_eq(parse("Q1-2027", 2), 0);
	ck_assert_period(p, D(2026, 2, 1), D(2026, 4, 30), "2027-Q1");
	ck_assert_int_eq(parse("FY2027 Q4", 2), 0);
	ck_assert_period(p, D(2026, 11, 1), D(2027, 1, 31), "2027-Q4");
}
END_TEST

START_TEST(test_period_rejects_quarter_5_before_year)
{
	ck_assert_int_eq(parse("Q5-2025", 1), -1);
	ck_assert_str_eq(why, "no such quarter");
}
END_TEST

START_TEST(test_period_rejects_malformed_quarter_spellings)
{
	ck_assert_int_eq(parse("Q2-25", 1), -1);
	ck_assert_str_eq(why, NOT_A_PERIOD);
	ck_assert_int_eq(parse("Q2--2025", 1), -1);
	ck_assert_int_eq(parse("2025 - Q2", 1), -1);
	ck_assert_int_eq(parse("Q2-2025x", 1), -1);
	ck_assert_int_eq(parse("FY2025-Q2x", 1), -1);
	ck_assert_int_eq(parse("Q12-2025", 1), -1);
	ck_assert_int_eq(parse("FYQ2 2025", 1), -1);
}
END_TEST

START_TEST(test_period_rejects_fy_with_month_or_week)
{
	ck_assert_int_eq(parse("FY2027-03", 1), -1);
	ck_assert_str_eq(why, NOT_A_PERIOD);
	ck_assert_int_eq(parse("FY2027-W05", 1), -1);
}
END_TEST

START_TEST(test_period_rejects_fiscal_year_10000)
{
	/* FY10000 would start in February 9999 but cannot be named. */
	ck_assert_int_eq(parse("9999-Q4", 2), 0);
	ck_assert_period(p, D(9998, 11, 1), D(9999, 1, 31), "9999-Q4");
	ck_assert_int_eq(parse("FY9999", 2), 0);
}
END_TEST

START_TEST(test_period_rejects_fiscal_year_before_year_1)
{
	ck_assert_int_eq(parse("FY0001", 2), -1);
	ck_assert_str_eq(why, OUT_OF_RANGE);
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
	ck_assert_str_eq(why, NOT_A_PERIOD);
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
	ck_assert_str_eq(why, NOT_A_PERIOD);
}
END_TEST

START_TEST(test_period_rejects_week_past_year_9999)
{
	/* 9999-W52 would end on 10000-01-02. */
	ck_assert_int_eq(parse("9999-W52", 1), -1);
	ck_assert_str_eq(why, OUT_OF_RANGE);
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
	ck_assert_str_eq(why, NOT_A_PERIOD);
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
	ck_assert_str_eq(why, NOT_A_PERIOD);
	ck_assert_int_eq(parse("   ", 1), -1);
}
END_TEST

START_TEST(test_period_rejects_words)
{
	ck_assert_int_eq(parse("Q1", 1), -1);
	ck_assert_str_eq(why, NOT_A_PERIOD);
	ck_assert_int_eq(parse("quarter", 1), -1);
	ck_assert_str_eq(why, NOT_A_PERIOD);
}
END_TEST

START_TEST(test_period_message_lists_the_forms)
{
	ck_assert_int_eq(parse("2027-3", 1), -1);
	ck_assert_str_eq(why, "expected one of 2027-Q1, Q1-2027, 2027 Q1, "
	    "FY2027-Q1, 2027-03, 2027-W05, 2027-03-31, 2027, FY2027, "
	    "2027-01-01..2027-03-31");
}
END_TEST

START_TEST(test_period_parse_refuses_relative_periods)
{
	ck_assert_int_eq(parse("this-quarter", 1), -1);
	ck_assert_str_eq(why, "a relative period is for --period only; "
	    "write the period itself, as 2027-Q1");
	ck_assert_int_eq(parse("today", 1), -1);
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
	ck_assert_str_eq(why, OUT_OF_RANGE);
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

/* Relative periods. */

static int
resolve(const char *s, int fiscal_start, int32_t as_of)
{
	why = NULL;
	return period_resolve(s, fiscal_start, as_of, &p, &why);
}

START_TEST(test_period_this_quarter)
{
	ck_assert_int_eq(resolve("this-quarter", 1, D(2027, 2, 15)), 0);
	ck_assert_period(p, D(2027, 1, 1), D(2027, 3, 31), "2027-Q1");
}
END_TEST

START_TEST(test_period_last_quarter_crosses_the_year)
{
	ck_assert_int_eq(resolve("last-quarter", 1, D(2027, 2, 15)), 0);
	ck_assert_period(p, D(2026, 10, 1), D(2026, 12, 31), "2026-Q4");
}
END_TEST

START_TEST(test_period_next_quarter_crosses_the_year)
{
	ck_assert_int_eq(resolve("next-quarter", 1, D(2027, 12, 31)), 0);
	ck_assert_period(p, D(2028, 1, 1), D(2028, 3, 31), "2028-Q1");
}
END_TEST

START_TEST(test_period_relative_quarters_follow_fiscal_start)
{
	/* With February starts, 2027-01-15 is in FY2027 Q4. */
	ck_assert_int_eq(resolve("this-quarter", 2, D(2027, 1, 15)), 0);
	ck_assert_period(p, D(2026, 11, 1), D(2027, 1, 31), "2027-Q4");
	ck_assert_int_eq(resolve("next-quarter", 2, D(2027, 1, 15)), 0);
	ck_assert_period(p, D(2027, 2, 1), D(2027, 4, 30), "2028-Q1");
	ck_assert_int_eq(resolve("last-quarter", 2, D(2027, 1, 15)), 0);
	ck_assert_period(p, D(2026, 8, 1), D(2026, 10, 31), "2027-Q3");
}
END_TEST

START_TEST(test_period_this_quarter_agrees_with_quarter_of)
{
	struct period q;
	int fs;
	int32_t d;

	for (fs = 1; fs <= 12; fs++)
		for (d = D(2026, 1, 1); d <= D(2028, 12, 31); d++) {
			period_quarter_of(d, fs, &q);
			if (resolve("this-quarter", fs, d) != 0 ||
			    p.start != q.start || p.end != q.end ||
			    strcmp(p.label, q.label) != 0)
				ck_abort_msg("fiscal start %d, day %d", fs,
				    (int)d);
		}
}
END_TEST

START_TEST(test_period_relative_months)
{
	ck_assert_int_eq(resolve("this-month", 1, D(2027, 3, 31)), 0);
	ck_assert_period(p, D(2027, 3, 1), D(2027, 3, 31), "2027-03");
	ck_assert_int_eq(resolve("last-month", 1, D(2027, 3, 31)), 0);
	ck_assert_period(p, D(2027, 2, 1), D(2027, 2, 28), "2027-02");
	ck_assert_int_eq(resolve("next-month", 1, D(2027, 12, 1)), 0);
	ck_assert_period(p, D(2028, 1, 1), D(2028, 1, 31), "2028-01");
}
END_TEST

START_TEST(test_period_months_ignore_fiscal_start)
{
	ck_assert_int_eq(resolve("last-month", 7, D(2027, 1, 10)), 0);
	ck_assert_str_eq(p.label, "2026-12");
}
END_TEST

START_TEST(test_period_relative_weeks_are_iso_weeks)
{
	/* 2027-01-01 is a Friday of 2026-W53. */
	ck_assert_int_eq(resolve("this-week", 1, D(2027, 1, 1)), 0);
	ck_assert_period(p, D(2026, 12, 28), D(2027, 1, 3), "2026-W53");
	ck_assert_int_eq(resolve("next-week", 1, D(2027, 1, 1)), 0);
	ck_assert_period(p, D(2027, 1, 4), D(2027, 1, 10), "2027-W01");
	ck_assert_int_eq(resolve("last-week", 1, D(2027, 1, 4)), 0);
	ck_assert_str_eq(p.label, "2026-W53");
}
END_TEST

START_TEST(test_period_relative_years_are_fiscal_years)
{
	ck_assert_int_eq(resolve("this-year", 1, D(2027, 6, 1)), 0);
	ck_assert_period(p, D(2027, 1, 1), D(2027, 12, 31), "2027");
	ck_assert_int_eq(resolve("this-year", 2, D(2027, 6, 1)), 0);
	ck_assert_period(p, D(2027, 2, 1), D(2028, 1, 31), "2028");
	ck_assert_int_eq(resolve("last-year", 2, D(2027, 1, 31)), 0);
	ck_assert_period(p, D(2025, 2, 1), D(2026, 1, 31), "2026");
	ck_assert_int_eq(resolve("next-year", 1, D(2027, 6, 1)), 0);
	ck_assert_str_eq(p.label, "2028");
}
END_TEST

START_TEST(test_period_today_and_yesterday_are_days)
{
	ck_assert_int_eq(resolve("today", 1, D(2027, 3, 1)), 0);
	ck_assert_period(p, D(2027, 3, 1), D(2027, 3, 1), "2027-03-01");
	ck_assert_int_eq(resolve("yesterday", 1, D(2027, 3, 1)), 0);
	ck_assert_period(p, D(2027, 2, 28), D(2027, 2, 28), "2027-02-28");
}
END_TEST

START_TEST(test_period_relative_words_ignore_case_and_separator)
{
	ck_assert_int_eq(resolve("This-Quarter", 1, D(2027, 2, 15)), 0);
	ck_assert_str_eq(p.label, "2027-Q1");
	ck_assert_int_eq(resolve("last quarter", 1, D(2027, 2, 15)), 0);
	ck_assert_str_eq(p.label, "2026-Q4");
	ck_assert_int_eq(resolve(" LAST_MONTH ", 1, D(2027, 2, 15)), 0);
	ck_assert_str_eq(p.label, "2027-01");
}
END_TEST

START_TEST(test_period_resolved_label_reads_back_as_the_same_window)
{
	static const char *const words[] = {
		"this-quarter", "last-quarter", "next-quarter", "this-month",
		"last-month", "next-month", "this-week", "last-week",
		"next-week", "this-year", "last-year", "next-year", "today",
		"yesterday",
	};
	struct period back;
	size_t i;
	int fs;

	for (fs = 1; fs <= 12; fs++)
		for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
			ck_assert_int_eq(resolve(words[i], fs, D(2027, 1, 1)),
			    0);
			ck_assert_int_eq(period_parse(p.label, fs, &back, NULL),
			    0);
			ck_assert_int_eq(back.start, p.start);
			ck_assert_int_eq(back.end, p.end);
		}
}
END_TEST

START_TEST(test_period_resolve_reads_absolute_periods_too)
{
	ck_assert_int_eq(resolve("Q2-2025", 1, D(2027, 2, 15)), 0);
	ck_assert_period(p, D(2025, 4, 1), D(2025, 6, 30), "2025-Q2");
}
END_TEST

START_TEST(test_period_resolve_message_lists_relative_forms)
{
	ck_assert_int_eq(resolve("nextquarter", 1, D(2027, 2, 15)), -1);
	ck_assert_str_eq(why, NOT_A_PERIOD ", " PERIOD_RELATIVE_FORMS);
	ck_assert_int_eq(resolve("this-fortnight", 1, D(2027, 2, 15)), -1);
	ck_assert_str_eq(why, NOT_A_PERIOD ", " PERIOD_RELATIVE_FORMS);
}
END_TEST

START_TEST(test_period_resolve_keeps_specific_reasons)
{
	ck_assert_int_eq(resolve("2027-13", 1, D(2027, 2, 15)), -1);
	ck_assert_str_eq(why, "no such month");
}
END_TEST

START_TEST(test_period_next_beyond_year_9999_is_refused)
{
	ck_assert_int_eq(resolve("next-year", 1, D(9999, 6, 1)), -1);
	ck_assert_str_eq(why, OUT_OF_RANGE);
	ck_assert_int_eq(resolve("next-month", 1, D(9999, 12, 1)), -1);
	ck_assert_int_eq(resolve("next-week", 1, D(9999, 12, 31)), -1);
	ck_assert_int_eq(resolve("next-quarter", 1, D(9999, 12, 31)), -1);
}
END_TEST

START_TEST(test_period_this_quarter_of_fiscal_year_10000_is_refused)
{
	ck_assert_int_eq(resolve("this-quarter", 2, D(9999, 12, 31)), -1);
	ck_assert_str_eq(why, OUT_OF_RANGE);
	/* Entirely inside 9999, but part of FY10000: no label for it. */
	ck_assert_int_eq(resolve("this-quarter", 2, D(9999, 3, 1)), -1);
	ck_assert_int_eq(resolve("this-year", 2, D(9999, 3, 1)), -1);
	ck_assert_int_eq(resolve("this-year", 2, D(9999, 1, 31)), 0);
	ck_assert_str_eq(p.label, "9999");
}
END_TEST

START_TEST(test_period_last_before_year_1_is_refused)
{
	ck_assert_int_eq(resolve("last-month", 1, D(1, 1, 15)), -1);
	ck_assert_int_eq(resolve("yesterday", 1, D(1, 1, 1)), -1);
	ck_assert_int_eq(resolve("last-week", 1, D(1, 1, 3)), -1);
	ck_assert_int_eq(resolve("this-year", 2, D(1, 1, 15)), -1);
	ck_assert_int_eq(resolve("this-month", 1, D(1, 1, 15)), 0);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("period");
	TCase *fiscal = tcase_create("quarters and years");
	TCase *spell = tcase_create("quarter spellings");
	TCase *rel = tcase_create("relative periods");
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
	ADD(fiscal, test_period_rejects_fiscal_year_10000);
	ADD(fiscal, test_period_rejects_fiscal_year_before_year_1);
	ADD(fiscal, test_period_rejects_fiscal_start_out_of_range);
	suite_add_tcase(s, fiscal);

	ADD(spell, test_period_reads_quarter_before_year);
	ADD(spell, test_period_reads_quarter_before_year_with_space);
	ADD(spell, test_period_reads_quarter_after_year_with_space);
	ADD(spell, test_period_reads_quarter_after_year_without_separator);
	ADD(spell, test_period_reads_fy_with_quarter);
	ADD(spell, test_period_reads_quarter_before_fy);
	ADD(spell, test_period_quarter_spellings_ignore_case);
	ADD(spell, test_period_quarter_spellings_follow_fiscal_start);
	ADD(spell, test_period_rejects_quarter_5_before_year);
	ADD(spell, test_period_rejects_malformed_quarter_spellings);
	ADD(spell, test_period_rejects_fy_with_month_or_week);
	suite_add_tcase(s, spell);

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
	ADD(bad, test_period_message_lists_the_forms);
	ADD(bad, test_period_parse_refuses_relative_periods);
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

	ADD(rel, test_period_this_quarter);
	ADD(rel, test_period_last_quarter_crosses_the_year);
	ADD(rel, test_period_next_quarter_crosses_the_year);
	ADD(rel, test_period_relative_quarters_follow_fiscal_start);
	ADD(rel, test_period_this_quarter_agrees_with_quarter_of);
	ADD(rel, test_period_relative_months);
	ADD(rel, test_period_months_ignore_fiscal_start);
	ADD(rel, test_period_relative_weeks_are_iso_weeks);
	ADD(rel, test_period_relative_years_are_fiscal_years);
	ADD(rel, test_period_today_and_yesterday_are_days);
	ADD(rel, test_period_relative_words_ignore_case_and_separator);
	ADD(rel, test_period_resolved_label_reads_back_as_the_same_window);
	ADD(rel, test_period_resolve_reads_absolute_periods_too);
	ADD(rel, test_period_resolve_message_lists_relative_forms);
	ADD(rel, test_period_resolve_keeps_specific_reasons);
	ADD(rel, test_period_next_beyond_year_9999_is_refused);
	ADD(rel, test_period_this_quarter_of_fiscal_year_10000_is_refused);
	ADD(rel, test_period_last_before_year_1_is_refused);
	suite_add_tcase(s, rel);

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
