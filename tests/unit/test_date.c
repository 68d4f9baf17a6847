/*
 * test_date.c: day numbers, the accepted date forms, and ISO weeks.
 */
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "unit.h"

/* What the last parse() call stored; each test runs in its own process. */
static int32_t day;

static int
parse(const char *s)
{
	day = 12345;
	return date_parse(s, strlen(s), NULL, &day);
}

static int
parse_fmt(const char *s, const char *fmt)
{
	day = 12345;
	return date_parse(s, strlen(s), fmt, &day);
}

/* Asserts that the last parse stored the given calendar date. */
#define ck_assert_day(y, m, d) ck_assert_int_eq(day, date_from_ymd(y, m, d))

/* Day numbers. */

START_TEST(test_date_epoch_is_day_zero)
{
	ck_assert_int_eq(date_from_ymd(1970, 1, 1), 0);
}
END_TEST

START_TEST(test_date_day_numbers_of_known_dates)
{
	ck_assert_int_eq(date_from_ymd(2000, 3, 1), 11017);
	ck_assert_int_eq(date_from_ymd(2027, 3, 31), 20908);
	ck_assert_int_eq(date_from_ymd(1969, 12, 31), -1);
}
END_TEST

START_TEST(test_date_day_numbers_of_range_ends)
{
	ck_assert_int_eq(date_from_ymd(1, 1, 1), -719162);
	ck_assert_int_eq(date_from_ymd(9999, 12, 31), 2932896);
}
END_TEST

START_TEST(test_date_to_ymd_before_epoch)
{
	int y, m, d;

	date_to_ymd(-1, &y, &m, &d);
	ck_assert_int_eq(y, 1969);
	ck_assert_int_eq(m, 12);
	ck_assert_int_eq(d, 31);
}
END_TEST

START_TEST(test_date_to_ymd_on_leap_day_of_century)
{
	int y, m, d;

	date_to_ymd(date_from_ymd(2000, 2, 29), &y, &m, &d);
	ck_assert_int_eq(y, 2000);
	ck_assert_int_eq(m, 2);
	ck_assert_int_eq(d, 29);
}
END_TEST

/*
 * Walks every date of years 1..9999 in order: each must be the day after
 * the previous one and convert back to itself.
 */
START_TEST(test_date_every_day_round_trips)
{
	int32_t want = date_from_ymd(1, 1, 1);
	int y, m, d, y2, m2, d2;

	for (y = 1; y <= 9999; y++)
		for (m = 1; m <= 12; m++)
			for (d = 1; d <= date_month_days(y, m); d++, want++) {
				if (date_from_ymd(y, m, d) != want)
					ck_abort_msg("%d-%d-%d is not day %d",
					    y, m, d, (int)want);
				date_to_ymd(want, &y2, &m2, &d2);
				if (y2 != y || m2 != m || d2 != d)
					ck_abort_msg("%d-%d-%d came back as "
					    "%d-%d-%d", y, m, d, y2, m2, d2);
			}
}
END_TEST

START_TEST(test_date_weekday_of_epoch_is_thursday)
{
	ck_assert_int_eq(date_weekday(0), 4);
}
END_TEST

START_TEST(test_date_weekday_of_known_dates)
{
	ck_assert_int_eq(date_weekday(date_from_ymd(2027, 3, 31)), 3);
	ck_assert_int_eq(date_weekday(date_from_ymd(2027, 1, 3)), 7);
	ck_assert_int_eq(date_weekday(date_from_ymd(2021, 1, 4)), 1);
}
END_TEST

START_TEST(test_date_weekday_before_epoch)
{
	ck_assert_int_eq(date_weekday(date_from_ymd(1969, 12, 29)), 1);
	ck_assert_int_eq(date_weekday(date_from_ymd(1969, 12, 28)), 7);
	ck_assert_int_eq(date_weekday(date_from_ymd(1, 1, 1)), 1);
}
END_TEST

START_TEST(test_date_month_days_of_february)
{
	ck_assert_int_eq(date_month_days(2027, 2), 28);
	ck_assert_int_eq(date_month_days(2028, 2), 29);
	ck_assert_int_eq(date_month_days(1900, 2), 28);
	ck_assert_int_eq(date_month_days(2000, 2), 29);
}
END_TEST

START_TEST(test_date_month_days_of_other_months)
{
	ck_assert_int_eq(date_month_days(2027, 1), 31);
	ck_assert_int_eq(date_month_days(2027, 4), 30);
	ck_assert_int_eq(date_month_days(2027, 12), 31);
}
END_TEST

START_TEST(test_date_month_days_of_no_month_is_zero)
{
	ck_assert_int_eq(date_month_days(2027, 0), 0);
	ck_assert_int_eq(date_month_days(2027, 13), 0);
}
END_TEST

START_TEST(test_date_valid_ymd_accepts_leap_day)
{
	ck_assert(date_valid_ymd(2028, 2, 29));
}
END_TEST

START_TEST(test_date_valid_ymd_rejects_missing_dates)
{
	ck_assert(!date_valid_ymd(2027, 2, 29));
	ck_assert(!date_valid_ymd(2028, 2, 30));
	ck_assert(!date_valid_ymd(2027, 4, 31));
	ck_assert(!date_valid_ymd(2027, 13, 1));
	ck_assert(!date_valid_ymd(2027, 1, 0));
}
END_TEST

START_TEST(test_date_valid_ymd_rejects_years_out_of_range)
{
	ck_assert(!date_valid_ymd(0, 1, 1));
	ck_assert(!date_valid_ymd(10000, 1, 1));
	ck_assert(date_valid_ymd(1, 1, 1));
	ck_assert(date_valid_ymd(9999, 12, 31));
}
END_TEST

/* ISO forms. */

START_TEST(test_date_parses_iso_date)
{
	ck_assert_int_eq(parse("2027-03-31"), DATE_OK);
	ck_assert_day(2027, 3, 31);
}
END_TEST

START_TEST(test_date_parses_leap_day)
{
	ck_assert_int_eq(parse("2028-02-29"), DATE_OK);
	ck_assert_day(2028, 2, 29);
}
END_TEST

START_TEST(test_date_parses_range_ends)
{
	ck_assert_int_eq(parse("0001-01-01"), DATE_OK);
	ck_assert_day(1, 1, 1);
	ck_assert_int_eq(parse("9999-12-31"), DATE_OK);
	ck_assert_day(9999, 12, 31);
}
END_TEST

START_TEST(test_date_ignores_surrounding_spaces)
{
	ck_assert_int_eq(parse(" \t2027-03-31  "), DATE_OK);
	ck_assert_day(2027, 3, 31);
}
END_TEST

START_TEST(test_date_reads_only_len_bytes)
{
	ck_assert_int_eq(date_parse("2027-03-31junk", 10, NULL, &day),
	    DATE_OK);
	ck_assert_day(2027, 3, 31);
}
END_TEST

START_TEST(test_date_rejects_february_29_of_common_year)
{
	ck_assert_int_eq(parse("2027-02-29"), DATE_BAD);
	ck_assert_int_eq(day, 12345);
}
END_TEST

START_TEST(test_date_rejects_february_30)
{
	ck_assert_int_eq(parse("2028-02-30"), DATE_BAD);
}
END_TEST

START_TEST(test_date_rejects_zero_date)
{
	ck_assert_int_eq(parse("0000-00-00"), DATE_BAD);
	ck_assert_int_eq(parse("0000-01-01"), DATE_BAD);
}
END_TEST

START_TEST(test_date_rejects_trailing_junk)
{
	ck_assert_int_eq(parse("2027-03-31x"), DATE_BAD);
}
END_TEST

START_TEST(test_date_rejects_one_digit_iso_month)
{
	ck_assert_int_eq(parse("2027-3-31"), DATE_BAD);
	ck_assert_int_eq(parse("2027-03-1"), DATE_BAD);
}
END_TEST

START_TEST(test_date_rejects_short_iso_year)
{
	ck_assert_int_eq(parse("27-03-31"), DATE_BAD);
	ck_assert_int_eq(parse("20270-03-31"), DATE_BAD);
}
END_TEST

START_TEST(test_date_rejects_year_first_with_dots)
{
	ck_assert_int_eq(parse("2027.03.31"), DATE_BAD);
}
END_TEST

START_TEST(test_date_parses_iso_date_time)
{
	ck_assert_int_eq(parse("2027-03-31T14:05"), DATE_OK);
	ck_assert_day(2027, 3, 31);
	ck_assert_int_eq(parse("2027-03-31T14:05:09"), DATE_OK);
	ck_assert_day(2027, 3, 31);
}
END_TEST

START_TEST(test_date_parses_iso_fraction_of_second)
{
	ck_assert_int_eq(parse("2027-03-31T14:05:09.123"), DATE_OK);
	ck_assert_day(2027, 3, 31);
}
END_TEST

START_TEST(test_date_parses_iso_zones)
{
	ck_assert_int_eq(parse("2027-03-31T14:05:09Z"), DATE_OK);
	ck_assert_int_eq(parse("2027-03-31T14:05:09.000Z"), DATE_OK);
	ck_assert_int_eq(parse("2027-03-31T14:05+01:00"), DATE_OK);
	ck_assert_int_eq(parse("2027-03-31T23:59:59-0500"), DATE_OK);
	ck_assert_day(2027, 3, 31);
}
END_TEST

START_TEST(test_date_parses_space_date_time)
{
	ck_assert_int_eq(parse("2027-03-31 14:05"), DATE_OK);
	ck_assert_day(2027, 3, 31);
	ck_assert_int_eq(parse("2027-03-31 14:05:09"), DATE_OK);
	ck_assert_day(2027, 3, 31);
}
END_TEST

START_TEST(test_date_rejects_impossible_time)
{
	ck_assert_int_eq(parse("2027-03-31T24:00"), DATE_BAD);
	ck_assert_int_eq(parse("2027-03-31T14:60"), DATE_BAD);
	ck_assert_int_eq(parse("2027-03-31 14:05:61"), DATE_BAD);
}
END_TEST

START_TEST(test_date_rejects_incomplete_time)
{
	ck_assert_int_eq(parse("2027-03-31T"), DATE_BAD);
	ck_assert_int_eq(parse("2027-03-31T14"), DATE_BAD);
	ck_assert_int_eq(parse("2027-03-31T14:5"), DATE_BAD);
	ck_assert_int_eq(parse("2027-03-31T14:05:09."), DATE_BAD);
}
END_TEST

START_TEST(test_date_rejects_malformed_zone)
{
	ck_assert_int_eq(parse("2027-03-31T14:05+1"), DATE_BAD);
	ck_assert_int_eq(parse("2027-03-31T14:05+01:"), DATE_BAD);
	ck_assert_int_eq(parse("2027-03-31T14:05Zx"), DATE_BAD);
}
END_TEST

START_TEST(test_date_rejects_zone_after_space_form)
{
	ck_assert_int_eq(parse("2027-03-31 14:05Z"), DATE_BAD);
}
END_TEST

START_TEST(test_date_time_does_not_rescue_bad_date)
{
	ck_assert_int_eq(parse("2027-02-29T12:00"), DATE_BAD);
}
END_TEST

/* US forms. */

START_TEST(test_date_parses_us_date)
{
	ck_assert_int_eq(parse("3/31/2027"), DATE_OK);
	ck_assert_day(2027, 3, 31);
}
END_TEST

START_TEST(test_date_parses_padded_us_date)
{
	ck_assert_int_eq(parse("03/01/2027"), DATE_OK);
	ck_assert_day(2027, 3, 1);
}
END_TEST

START_TEST(test_date_parses_us_date_with_12_hour_time)
{
	ck_assert_int_eq(parse("3/31/2027 2:05 PM"), DATE_OK);
	ck_assert_day(2027, 3, 31);
	ck_assert_int_eq(parse("3/31/2027 12:05:09 am"), DATE_OK);
	ck_assert_day(2027, 3, 31);
}
END_TEST

START_TEST(test_date_parses_us_date_with_24_hour_time)
{
	ck_assert_int_eq(parse("3/31/2027 14:05"), DATE_OK);
	ck_assert_day(2027, 3, 31);
	ck_assert_int_eq(parse("3/31/2027 14:05:09"), DATE_OK);
	ck_assert_day(2027, 3, 31);
}
END_TEST

START_TEST(test_date_rejects_two_digit_year)
{
	ck_assert_int_eq(parse("12/31/99"), DATE_BAD);
}
END_TEST

START_TEST(test_date_rejects_us_month_13)
{
	ck_assert_int_eq(parse("13/1/2027"), DATE_BAD);
}
END_TEST

START_TEST(test_date_rejects_missing_us_date)
{
	ck_assert_int_eq(parse("2/29/2027"), DATE_BAD);
}
END_TEST

START_TEST(test_date_rejects_13_pm)
{
	ck_assert_int_eq(parse("3/31/2027 13:05 PM"), DATE_BAD);
	ck_assert_int_eq(parse("3/31/2027 0:05 AM"), DATE_BAD);
}
END_TEST

START_TEST(test_date_rejects_us_trailing_junk)
{
	ck_assert_int_eq(parse("3/31/2027x"), DATE_BAD);
	ck_assert_int_eq(parse("3/31/20271"), DATE_BAD);
	ck_assert_int_eq(parse("3/31/2027 2:05 PMx"), DATE_BAD);
}
END_TEST

START_TEST(test_date_rejects_three_digit_us_month)
{
	ck_assert_int_eq(parse("003/31/2027"), DATE_BAD);
}
END_TEST

/* Empty and malformed input. */

/* Year-first with slashes, day-first with dots. */

START_TEST(test_date_parses_year_first_with_slashes)
{
	ck_assert_int_eq(parse("2027/03/31"), DATE_OK);
	ck_assert_day(2027, 3, 31);
}
END_TEST

START_TEST(test_date_parses_year_first_with_one_digit_month_and_day)
{
	ck_assert_int_eq(parse("2027/3/5"), DATE_OK);
	ck_assert_day(2027, 3, 5);
}
END_TEST

START_TEST(test_date_parses_year_first_with_slashes_and_time)
{
	ck_assert_int_eq(parse("2027/03/31 14:05"), DATE_OK);
	ck_assert_day(2027, 3, 31);
	ck_assert_int_eq(parse("2027/3/31 2:05:09 PM"), DATE_OK);
	ck_assert_day(2027, 3, 31);
}
END_TEST

START_TEST(test_date_rejects_year_first_month_13)
{
	ck_assert_int_eq(parse("2027/13/01"), DATE_BAD);
	ck_assert_int_eq(parse("2027/02/29"), DATE_BAD);
}
END_TEST

START_TEST(test_date_parses_day_first_with_dots)
{
	ck_assert_int_eq(parse("31.03.2027"), DATE_OK);
	ck_assert_day(2027, 3, 31);
}
END_TEST

START_TEST(test_date_parses_day_first_with_one_digit_day_and_month)
{
	ck_assert_int_eq(parse("1.3.2027"), DATE_OK);
	ck_assert_day(2027, 3, 1);
}
END_TEST

START_TEST(test_date_parses_day_first_with_dots_and_time)
{
	ck_assert_int_eq(parse("31.03.2027 14:05:09"), DATE_OK);
	ck_assert_day(2027, 3, 31);
}
END_TEST

START_TEST(test_date_dots_never_mean_month_first)
{
	ck_assert_int_eq(parse("03.31.2027"), DATE_BAD);
}
END_TEST

START_TEST(test_date_rejects_two_digit_year_with_dots)
{
	ck_assert_int_eq(parse("31.03.27"), DATE_BAD);
}
END_TEST

START_TEST(test_date_rejects_mixed_separators)
{
	ck_assert_int_eq(parse("31.03/2027"), DATE_BAD);
	ck_assert_int_eq(parse("2027/03-31"), DATE_BAD);
	ck_assert_int_eq(parse("3/31.2027"), DATE_BAD);
}
END_TEST

START_TEST(test_date_rejects_junk_after_new_forms)
{
	ck_assert_int_eq(parse("31.03.2027x"), DATE_BAD);
	ck_assert_int_eq(parse("2027/03/31T14:05"), DATE_BAD);
	ck_assert_int_eq(parse("31.03.2027 25:00"), DATE_BAD);
}
END_TEST

START_TEST(test_date_empty_is_missing)
{
	ck_assert_int_eq(parse(""), DATE_EMPTY);
	ck_assert_int_eq(parse("   "), DATE_EMPTY);
	ck_assert_int_eq(day, 12345);
}
END_TEST

START_TEST(test_date_rejects_embedded_nul)
{
	ck_assert_int_eq(date_parse("2027-03-31\0", 11, NULL, &day),
	    DATE_BAD);
}
END_TEST

START_TEST(test_date_rejects_words)
{
	ck_assert_int_eq(parse("yesterday"), DATE_BAD);
	ck_assert_int_eq(parse("Mar 31, 2027"), DATE_BAD);
}
END_TEST

/* With a strptime format. */

START_TEST(test_date_format_parses_day_first)
{
	ck_assert_int_eq(parse_fmt("31.03.2027", "%d.%m.%Y"), DATE_OK);
	ck_assert_day(2027, 3, 31);
}
END_TEST

START_TEST(test_date_format_parses_month_names)
{
	ck_assert_int_eq(parse_fmt("Mar 31, 2027", "%b %d, %Y"), DATE_OK);
	ck_assert_day(2027, 3, 31);
}
END_TEST

START_TEST(test_date_format_rejects_trailing_junk)
{
	ck_assert_int_eq(parse_fmt("31.03.2027x", "%d.%m.%Y"), DATE_BAD);
	ck_assert_int_eq(parse_fmt("31.03.2027 10:00", "%d.%m.%Y"), DATE_BAD);
}
END_TEST

START_TEST(test_date_format_allows_trailing_spaces)
{
	ck_assert_int_eq(parse_fmt("31.03.2027   ", "%d.%m.%Y"), DATE_OK);
	ck_assert_day(2027, 3, 31);
}
END_TEST

START_TEST(test_date_format_rejects_missing_date)
{
	ck_assert_int_eq(parse_fmt("29.02.2027", "%d.%m.%Y"), DATE_BAD);
}
END_TEST

START_TEST(test_date_format_replaces_built_in_forms)
{
	ck_assert_int_eq(parse_fmt("2027-03-31", "%d.%m.%Y"), DATE_BAD);
}
END_TEST

START_TEST(test_date_format_without_year_is_refused)
{
	ck_assert_int_eq(parse_fmt("31.03", "%d.%m"), DATE_BAD);
}
END_TEST

START_TEST(test_date_format_without_day_means_first)
{
	ck_assert_int_eq(parse_fmt("2027-03", "%Y-%m"), DATE_OK);
	ck_assert_day(2027, 3, 1);
}
END_TEST

START_TEST(test_date_format_empty_is_missing)
{
	ck_assert_int_eq(parse_fmt("  ", "%d.%m.%Y"), DATE_EMPTY);
}
END_TEST

/* Seconds since 1970 with --date-format %s. */

START_TEST(test_date_epoch_seconds_read_as_utc_day)
{
	ck_assert_int_eq(parse_fmt("1490918400", "%s"), DATE_OK);
	ck_assert_day(2017, 3, 31);
	ck_assert_int_eq(parse_fmt("1490918399", "%s"), DATE_OK);
	ck_assert_day(2017, 3, 30);
}
END_TEST

START_TEST(test_date_epoch_seconds_do_not_depend_on_tz)
{
	/* POSIX TZ strings need no time zone database: 10 hours west. */
	setenv("TZ", "XST+10", 1);
	tzset();
	ck_assert_int_eq(parse_fmt("1490918400", "%s"), DATE_OK);
	ck_assert_day(2017, 3, 31);
	setenv("TZ", "YST-14", 1);
	tzset();
	ck_assert_int_eq(parse_fmt("1490918399", "%s"), DATE_OK);
	ck_assert_day(2017, 3, 30);
}
END_TEST

START_TEST(test_date_epoch_seconds_before_1970)
{
	ck_assert_int_eq(parse_fmt("-1", "%s"), DATE_OK);
	ck_assert_day(1969, 12, 31);
}
END_TEST

START_TEST(test_date_epoch_format_may_have_spaces_around)
{
	ck_assert_int_eq(parse_fmt(" 0 ", " %s "), DATE_OK);
	ck_assert_day(1970, 1, 1);
}
END_TEST

START_TEST(test_date_epoch_seconds_out_of_range)
{
	ck_assert_int_eq(parse_fmt("253402300799", "%s"), DATE_OK);
	ck_assert_day(9999, 12, 31);
	ck_assert_int_eq(parse_fmt("253402300800", "%s"), DATE_BAD);
	ck_assert_int_eq(parse_fmt("99999999999999999999999", "%s"),
	    DATE_BAD);
	ck_assert_int_eq(parse_fmt("-62135596801", "%s"), DATE_BAD);
}
END_TEST

START_TEST(test_date_epoch_seconds_reject_junk)
{
	ck_assert_int_eq(parse_fmt("1490918400x", "%s"), DATE_BAD);
	ck_assert_int_eq(parse_fmt("-", "%s"), DATE_BAD);
	ck_assert_int_eq(parse_fmt("1.5", "%s"), DATE_BAD);
	ck_assert_int_eq(parse_fmt("2027-03-31", "%s"), DATE_BAD);
}
END_TEST

START_TEST(test_date_format_check_takes_strptime_formats)
{
	ck_assert_ptr_null(date_format_check("%d.%m.%Y"));
	ck_assert_ptr_null(date_format_check("%s"));
	ck_assert_ptr_null(date_format_check("100%%s %Y"));
}
END_TEST

START_TEST(test_date_format_check_refuses_epoch_with_more)
{
	ck_assert_ptr_nonnull(date_format_check("%s %Y"));
	ck_assert_ptr_nonnull(date_format_check("%Y-%m-%d %s"));
}
END_TEST

START_TEST(test_date_format_check_refuses_empty_format)
{
	ck_assert_ptr_nonnull(date_format_check(""));
}
END_TEST

/* Hints for a date that cannot be read. */

static const char *
hint(const char *s, const char *fmt)
{
	return date_hint(s, strlen(s), fmt);
}

START_TEST(test_date_hint_day_first_with_slashes)
{
	ck_assert_str_eq(hint("31/12/2027", NULL),
	    "looks like day-month-year: --date-format %d/%m/%Y");
}
END_TEST

START_TEST(test_date_hint_day_first_with_dashes)
{
	ck_assert_str_eq(hint("31-12-2027", NULL),
	    "looks like day-month-year: --date-format %d-%m-%Y");
}
END_TEST

START_TEST(test_date_hint_month_first_with_dashes)
{
	ck_assert_str_eq(hint("12-31-2027", NULL),
	    "looks like month-day-year: --date-format %m-%d-%Y");
}
END_TEST

START_TEST(test_date_hint_names_both_orders_when_both_fit)
{
	ck_assert_str_eq(hint("05-06-2027", NULL),
	    "looks like day-month-year or month-day-year: "
	    "--date-format %d-%m-%Y or %m-%d-%Y");
}
END_TEST

START_TEST(test_date_hint_two_digit_year)
{
	ck_assert_str_eq(hint("3/31/27", NULL), "looks like month-day-year "
	    "with a two-digit year: --date-format %m/%d/%y");
}
END_TEST

START_TEST(test_date_hint_year_first_with_dots)
{
	ck_assert_str_eq(hint("2027.03.31", NULL),
	    "looks like year-month-day: --date-format %Y.%m.%d");
}
END_TEST

START_TEST(test_date_hint_eight_digits)
{
	ck_assert_str_eq(hint("20270331", NULL),
	    "looks like year-month-day: --date-format %Y%m%d");
}
END_TEST

START_TEST(test_date_hint_keeps_the_time_in_the_format)
{
	ck_assert_str_eq(hint("31/12/2027 2:05 PM", NULL),
	    "looks like day-month-year: --date-format '%d/%m/%Y %I:%M %p'");
	ck_assert_str_eq(hint("31-12-2027 14:05:09", NULL),
	    "looks like day-month-year: --date-format '%d-%m-%Y %H:%M:%S'");
}
END_TEST

START_TEST(test_date_hint_month_names)
{
	ck_assert_str_eq(hint("31 Mar 2027", NULL),
	    "looks like day, month name, year: --date-format '%d %b %Y'");
	ck_assert_str_eq(hint("March 31, 2027", NULL),
	    "looks like month name, day, year: --date-format '%b %d, %Y'");
	ck_assert_str_eq(hint("31-MAR-27", NULL), "looks like day, month "
	    "name, two-digit year: --date-format %d-%b-%y");
}
END_TEST

START_TEST(test_date_hint_epoch_seconds)
{
	ck_assert_str_eq(hint("1490918400", NULL),
	    "looks like seconds since 1970: --date-format %s");
}
END_TEST

START_TEST(test_date_hint_every_suggestion_reads_the_value)
{
	static const char *const v[] = {
		"31/12/2027", "05-06-2027", "3/31/27", "2027.03.31",
		"20270331", "31 Mar 2027", "31/12/2027 2:05 PM", "1490918400",
	};
	char fmt[64];
	const char *h, *f;
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		h = hint(v[i], NULL);
		ck_assert_ptr_nonnull(h);
		f = strstr(h, "--date-format ") + strlen("--date-format ");
		snprintf(fmt, sizeof(fmt), "%s", f + (*f == '\''));
		fmt[strcspn(fmt, *f == '\'' ? "'" : " ")] = '\0';
		ck_assert_int_eq(parse_fmt(v[i], fmt), DATE_OK);
	}
}
END_TEST

START_TEST(test_date_hint_none_for_a_date_that_does_not_exist)
{
	ck_assert_ptr_null(hint("2027-02-30", NULL));
	ck_assert_ptr_null(hint("13/31/2027", NULL));
	ck_assert_ptr_null(hint("31-02-2027", NULL));
}
END_TEST

START_TEST(test_date_hint_none_for_words)
{
	ck_assert_ptr_null(hint("yesterday", NULL));
	ck_assert_ptr_null(hint("n/a", NULL));
	ck_assert_ptr_null(hint("", NULL));
}
END_TEST

START_TEST(test_date_hint_none_for_embedded_nul)
{
	ck_assert_ptr_null(date_hint("31/12/2027\0", 11, NULL));
}
END_TEST

START_TEST(test_date_hint_never_repeats_the_format_in_use)
{
	ck_assert_str_eq(hint("3/31/2027", "%d/%m/%Y"),
	    "looks like month-day-year: --date-format %m/%d/%Y");
	ck_assert_ptr_null(hint("31-02-2027", "%d-%m-%Y"));
}
END_TEST

START_TEST(test_date_hint_reads_a_built_in_form_under_a_format)
{
	ck_assert_str_eq(hint("2027-03-31", "%d.%m.%Y"),
	    "looks like year-month-day: --date-format %Y-%m-%d");
}
END_TEST

START_TEST(test_date_what_adds_the_hint)
{
	ck_assert_str_eq(date_what("31/12/2027", 10, NULL), "a date (looks "
	    "like day-month-year: --date-format %d/%m/%Y)");
	ck_assert_str_eq(date_what("soon", 4, NULL), "a date");
}
END_TEST

/* Formatting and today. */

START_TEST(test_date_formats_iso)
{
	char buf[DATE_BUFSZ];

	ck_assert_uint_eq(date_format(date_from_ymd(2027, 3, 31), buf), 10);
	ck_assert_str_eq(buf, "2027-03-31");
}
END_TEST

START_TEST(test_date_formats_zero_padded_year)
{
	char buf[DATE_BUFSZ];

	date_format(date_from_ymd(1, 2, 3), buf);
	ck_assert_str_eq(buf, "0001-02-03");
}
END_TEST

START_TEST(test_date_today_is_near_utc_today)
{
	int32_t utc = (int32_t)(time(NULL) / 86400);

	ck_assert_int_le(date_today(), utc + 1);
	ck_assert_int_ge(date_today(), utc - 1);
}
END_TEST

/* ISO weeks. */

START_TEST(test_date_new_year_2027_is_in_week_53_of_2026)
{
	int y, w;

	date_iso_week(date_from_ymd(2027, 1, 1), &y, &w);
	ck_assert_int_eq(y, 2026);
	ck_assert_int_eq(w, 53);
}
END_TEST

START_TEST(test_date_2021_01_04_is_monday_of_week_1)
{
	int y, w;

	date_iso_week(date_from_ymd(2021, 1, 4), &y, &w);
	ck_assert_int_eq(y, 2021);
	ck_assert_int_eq(w, 1);
	ck_assert_int_eq(date_iso_week_start(2021, 1), date_from_ymd(2021, 1, 4));
}
END_TEST

START_TEST(test_date_late_december_can_be_in_next_iso_year)
{
	int y, w;

	date_iso_week(date_from_ymd(2024, 12, 30), &y, &w);
	ck_assert_int_eq(y, 2025);
	ck_assert_int_eq(w, 1);
}
END_TEST

START_TEST(test_date_weeks_in_year)
{
	ck_assert_int_eq(date_iso_weeks_in_year(2020), 53);
	ck_assert_int_eq(date_iso_weeks_in_year(2026), 53);
	ck_assert_int_eq(date_iso_weeks_in_year(2027), 52);
	ck_assert_int_eq(date_iso_weeks_in_year(2021), 52);
}
END_TEST

START_TEST(test_date_week_53_starts_in_late_december)
{
	ck_assert_int_eq(date_iso_week_start(2026, 53),
	    date_from_ymd(2026, 12, 28));
}
END_TEST

/* Every day of 1990..2060 lies in the week its ISO label names. */
START_TEST(test_date_iso_week_and_start_agree)
{
	int32_t d, start;
	int y, w;

	for (d = date_from_ymd(1990, 1, 1); d <= date_from_ymd(2060, 12, 31);
	    d++) {
		date_iso_week(d, &y, &w);
		start = date_iso_week_start(y, w);
		if (w < 1 || w > date_iso_weeks_in_year(y) ||
		    date_weekday(start) != 1 || start > d || start + 7 <= d)
			ck_abort_msg("day %d labelled %d-W%02d", (int)d, y, w);
	}
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("date");
	TCase *num = tcase_create("day numbers");
	TCase *iso = tcase_create("iso forms");
	TCase *us = tcase_create("us forms");
	TCase *other = tcase_create("slash and dot forms");
	TCase *bad = tcase_create("malformed");
	TCase *fmt = tcase_create("strptime format");
	TCase *hints = tcase_create("hints");
	TCase *out = tcase_create("format and today");
	TCase *week = tcase_create("iso weeks");

	ADD(num, test_date_epoch_is_day_zero);
	ADD(num, test_date_day_numbers_of_known_dates);
	ADD(num, test_date_day_numbers_of_range_ends);
	ADD(num, test_date_to_ymd_before_epoch);
	ADD(num, test_date_to_ymd_on_leap_day_of_century);
	ADD(num, test_date_every_day_round_trips);
	ADD(num, test_date_weekday_of_epoch_is_thursday);
	ADD(num, test_date_weekday_of_known_dates);
	ADD(num, test_date_weekday_before_epoch);
	ADD(num, test_date_month_days_of_february);
	ADD(num, test_date_month_days_of_other_months);
	ADD(num, test_date_month_days_of_no_month_is_zero);
	ADD(num, test_date_valid_ymd_accepts_leap_day);
	ADD(num, test_date_valid_ymd_rejects_missing_dates);
	ADD(num, test_date_valid_ymd_rejects_years_out_of_range);
	suite_add_tcase(s, num);

	ADD(iso, test_date_parses_iso_date);
	ADD(iso, test_date_parses_leap_day);
	ADD(iso, test_date_parses_range_ends);
	ADD(iso, test_date_ignores_surrounding_spaces);
	ADD(iso, test_date_reads_only_len_bytes);
	ADD(iso, test_date_rejects_february_29_of_common_year);
	ADD(iso, test_date_rejects_february_30);
	ADD(iso, test_date_rejects_zero_date);
	ADD(iso, test_date_rejects_trailing_junk);
	ADD(iso, test_date_rejects_one_digit_iso_month);
	ADD(iso, test_date_rejects_short_iso_year);
	ADD(iso, test_date_rejects_year_first_with_dots);
	ADD(iso, test_date_parses_iso_date_time);
	ADD(iso, test_date_parses_iso_fraction_of_second);
	ADD(iso, test_date_parses_iso_zones);
	ADD(iso, test_date_parses_space_date_time);
	ADD(iso, test_date_rejects_impossible_time);
	ADD(iso, test_date_rejects_incomplete_time);
	ADD(iso, test_date_rejects_malformed_zone);
	ADD(iso, test_date_rejects_zone_after_space_form);
	ADD(iso, test_date_time_does_not_rescue_bad_date);
	suite_add_tcase(s, iso);

	ADD(us, test_date_parses_us_date);
	ADD(us, test_date_parses_padded_us_date);
	ADD(us, test_date_parses_us_date_with_12_hour_time);
	ADD(us, test_date_parses_us_date_with_24_hour_time);
	ADD(us, test_date_rejects_two_digit_year);
	ADD(us, test_date_rejects_us_month_13);
	ADD(us, test_date_rejects_missing_us_date);
	ADD(us, test_date_rejects_13_pm);
	ADD(us, test_date_rejects_us_trailing_junk);
	ADD(us, test_date_rejects_three_digit_us_month);
	suite_add_tcase(s, us);

	ADD(other, test_date_parses_year_first_with_slashes);
	ADD(other, test_date_parses_year_first_with_one_digit_month_and_day);
	ADD(other, test_date_parses_year_first_with_slashes_and_time);
	ADD(other, test_date_rejects_year_first_month_13);
	ADD(other, test_date_parses_day_first_with_dots);
	ADD(other, test_date_parses_day_first_with_one_digit_day_and_month);
	ADD(other, test_date_parses_day_first_with_dots_and_time);
	ADD(other, test_date_dots_never_mean_month_first);
	ADD(other, test_date_rejects_two_digit_year_with_dots);
	ADD(other, test_date_rejects_mixed_separators);
	ADD(other, test_date_rejects_junk_after_new_forms);
	suite_add_tcase(s, other);

	ADD(bad, test_date_empty_is_missing);
	ADD(bad, test_date_rejects_embedded_nul);
	ADD(bad, test_date_rejects_words);
	suite_add_tcase(s, bad);

	ADD(fmt, test_date_format_parses_day_first);
	ADD(fmt, test_date_format_parses_month_names);
	ADD(fmt, test_date_format_rejects_trailing_junk);
	ADD(fmt, test_date_format_allows_trailing_spaces);
	ADD(fmt, test_date_format_rejects_missing_date);
	ADD(fmt, test_date_format_replaces_built_in_forms);
	ADD(fmt, test_date_format_without_year_is_refused);
	ADD(fmt, test_date_format_without_day_means_first);
	ADD(fmt, test_date_format_empty_is_missing);
	ADD(fmt, test_date_epoch_seconds_read_as_utc_day);
	ADD(fmt, test_date_epoch_seconds_do_not_depend_on_tz);
	ADD(fmt, test_date_epoch_seconds_before_1970);
	ADD(fmt, test_date_epoch_format_may_have_spaces_around);
	ADD(fmt, test_date_epoch_seconds_out_of_range);
	ADD(fmt, test_date_epoch_seconds_reject_junk);
	ADD(fmt, test_date_format_check_takes_strptime_formats);
	ADD(fmt, test_date_format_check_refuses_epoch_with_more);
	ADD(fmt, test_date_format_check_refuses_empty_format);
	suite_add_tcase(s, fmt);

	ADD(hints, test_date_hint_day_first_with_slashes);
	ADD(hints, test_date_hint_day_first_with_dashes);
	ADD(hints, test_date_hint_month_first_with_dashes);
	ADD(hints, test_date_hint_names_both_orders_when_both_fit);
	ADD(hints, test_date_hint_two_digit_year);
	ADD(hints, test_date_hint_year_first_with_dots);
	ADD(hints, test_date_hint_eight_digits);
	ADD(hints, test_date_hint_keeps_the_time_in_the_format);
	ADD(hints, test_date_hint_month_names);
	ADD(hints, test_date_hint_epoch_seconds);
	ADD(hints, test_date_hint_every_suggestion_reads_the_value);
	ADD(hints, test_date_hint_none_for_a_date_that_does_not_exist);
	ADD(hints, test_date_hint_none_for_words);
	ADD(hints, test_date_hint_none_for_embedded_nul);
	ADD(hints, test_date_hint_never_repeats_the_format_in_use);
	ADD(hints, test_date_hint_reads_a_built_in_form_under_a_format);
	ADD(hints, test_date_what_adds_the_hint);
	suite_add_tcase(s, hints);

	ADD(out, test_date_formats_iso);
	ADD(out, test_date_formats_zero_padded_year);
	ADD(out, test_date_today_is_near_utc_today);
	suite_add_tcase(s, out);

	ADD(week, test_date_new_year_2027_is_in_week_53_of_2026);
	ADD(week, test_date_2021_01_04_is_monday_of_week_1);
	ADD(week, test_date_late_december_can_be_in_next_iso_year);
	ADD(week, test_date_weeks_in_year);
	ADD(week, test_date_week_53_starts_in_late_december);
	ADD(week, test_date_iso_week_and_start_agree);
	suite_add_tcase(s, week);

	return s;
}

UNIT_MAIN
