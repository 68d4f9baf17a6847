/*
 * test_calendar.c: holidays, business days and holiday files.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "calendar.h"
#include "date.h"
#include "unit.h"

#define D(y, m, d) date_from_ymd(y, m, d)

/* What the last load() call wrote to stderr. */
static char errbuf[2048];

/* Runs cal_load over text, capturing stderr into errbuf. */
static int
load(struct calendar *cal, const char *text, const char *name)
{
	FILE *in, *cap;
	size_t n;
	int saved, rc;

	in = fmemopen((void *)text, strlen(text), "r");
	cap = tmpfile();
	ck_assert_ptr_nonnull(in);
	ck_assert_ptr_nonnull(cap);
	fflush(stderr);
	saved = dup(STDERR_FILENO);
	dup2(fileno(cap), STDERR_FILENO);
	rc = cal_load(cal, in, name);
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	rewind(cap);
	n = fread(errbuf, 1, sizeof(errbuf) - 1, cap);
	errbuf[n] = '\0';
	fclose(cap);
	fclose(in);
	return rc;
}

/* Adding and looking up holidays. */

START_TEST(test_cal_init_is_empty)
{
	struct calendar cal;

	cal_init(&cal);
	ck_assert_uint_eq(cal.n, 0);
	ck_assert_ptr_null(cal.holidays);
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_add_keeps_holidays_sorted)
{
	struct calendar cal;

	cal_init(&cal);
	ck_assert_int_eq(cal_add(&cal, D(2027, 12, 24)), 0);
	ck_assert_int_eq(cal_add(&cal, D(2027, 1, 1)), 0);
	ck_assert_int_eq(cal_add(&cal, D(2027, 5, 31)), 0);
	ck_assert_uint_eq(cal.n, 3);
	ck_assert_int_eq(cal.holidays[0], D(2027, 1, 1));
	ck_assert_int_eq(cal.holidays[1], D(2027, 5, 31));
	ck_assert_int_eq(cal.holidays[2], D(2027, 12, 24));
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_add_ignores_duplicates)
{
	struct calendar cal;

	cal_init(&cal);
	cal_add(&cal, D(2027, 1, 1));
	cal_add(&cal, D(2027, 1, 1));
	ck_assert_uint_eq(cal.n, 1);
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_add_accepts_weekend_without_effect)
{
	struct calendar cal;

	cal_init(&cal);
	/* 2027-07-04 is a Sunday. */
	ck_assert_int_eq(cal_add(&cal, D(2027, 7, 4)), 0);
	ck_assert_int_eq(cal_busdays(&cal, D(2027, 7, 1), D(2027, 7, 7)), 5);
	ck_assert_uint_eq(cal.n, 0);
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_add_grows_past_first_allocation)
{
	struct calendar cal;
	int32_t d;
	size_t i;

	cal_init(&cal);
	for (d = D(2030, 12, 31); d >= D(2027, 1, 1); d--)
		ck_assert_int_eq(cal_add(&cal, d), 0);
	ck_assert_int_eq(cal_busdays(&cal, D(2027, 1, 1), D(2030, 12, 31)), 0);
	for (i = 1; i < cal.n; i++)
		ck_assert_int_lt(cal.holidays[i - 1], cal.holidays[i]);
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_free_leaves_empty_calendar)
{
	struct calendar cal;

	cal_init(&cal);
	cal_add(&cal, D(2027, 1, 1));
	cal_free(&cal);
	ck_assert_uint_eq(cal.n, 0);
	ck_assert_ptr_null(cal.holidays);
	ck_assert_int_eq(cal_add(&cal, D(2027, 1, 1)), 0);
	ck_assert_uint_eq(cal.n, 1);
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_weekday_is_busday)
{
	struct calendar cal;

	cal_init(&cal);
	/* 2027-03-29 is a Monday, 2027-04-02 a Friday. */
	ck_assert(cal_is_busday(&cal, D(2027, 3, 29)));
	ck_assert(cal_is_busday(&cal, D(2027, 4, 2)));
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_weekend_is_not_busday)
{
	struct calendar cal;

	cal_init(&cal);
	ck_assert(!cal_is_busday(&cal, D(2027, 4, 3)));
	ck_assert(!cal_is_busday(&cal, D(2027, 4, 4)));
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_holiday_is_not_busday)
{
	struct calendar cal;

	cal_init(&cal);
	cal_add(&cal, D(2027, 12, 24));
	ck_assert(!cal_is_busday(&cal, D(2027, 12, 24)));
	ck_assert(cal_is_busday(&cal, D(2027, 12, 23)));
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_null_calendar_means_no_holidays)
{
	ck_assert(cal_is_busday(NULL, D(2027, 12, 24)));
	ck_assert(!cal_is_busday(NULL, D(2027, 12, 25)));
	ck_assert_int_eq(cal_busdays(NULL, D(2027, 12, 20), D(2027, 12, 26)),
	    5);
}
END_TEST

/* Counting business days. */

START_TEST(test_cal_busdays_of_one_weekday)
{
	ck_assert_int_eq(cal_busdays(NULL, D(2027, 3, 31), D(2027, 3, 31)), 1);
}
END_TEST

START_TEST(test_cal_busdays_of_weekend)
{
	ck_assert_int_eq(cal_busdays(NULL, D(2027, 4, 3), D(2027, 4, 4)), 0);
}
END_TEST

START_TEST(test_cal_busdays_of_reversed_range_is_zero)
{
	ck_assert_int_eq(cal_busdays(NULL, D(2027, 4, 2), D(2027, 3, 29)), 0);
}
END_TEST

START_TEST(test_cal_busdays_of_week_is_five)
{
	ck_assert_int_eq(cal_busdays(NULL, D(2027, 3, 29), D(2027, 4, 4)), 5);
}
END_TEST

START_TEST(test_cal_busdays_of_march_2027)
{
	ck_assert_int_eq(cal_busdays(NULL, D(2027, 3, 1), D(2027, 3, 31)), 23);
}
END_TEST

START_TEST(test_cal_busdays_subtracts_holidays_in_range)
{
	struct calendar cal;

	cal_init(&cal);
	cal_add(&cal, D(2027, 3, 26));
	cal_add(&cal, D(2027, 3, 29));
	cal_add(&cal, D(2027, 4, 5));
	ck_assert_int_eq(cal_busdays(&cal, D(2027, 3, 29), D(2027, 4, 4)), 4);
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_busdays_counts_holiday_on_range_ends)
{
	struct calendar cal;

	cal_init(&cal);
	cal_add(&cal, D(2027, 3, 29));
	cal_add(&cal, D(2027, 4, 2));
	ck_assert_int_eq(cal_busdays(&cal, D(2027, 3, 29), D(2027, 4, 2)), 3);
	ck_assert_int_eq(cal_busdays(&cal, D(2027, 3, 29), D(2027, 3, 29)), 0);
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_busdays_before_1970)
{
	/* 1969-12-29 was a Monday. */
	ck_assert_int_eq(cal_busdays(NULL, D(1969, 12, 29), D(1970, 1, 4)), 5);
	ck_assert_int_eq(cal_busdays(NULL, D(1969, 12, 27), D(1970, 1, 2)), 5);
}
END_TEST

START_TEST(test_cal_busdays_of_all_years)
{
	/* 0001-01-01 is a Monday and 9999-12-31 a Friday. */
	ck_assert_int_eq(cal_busdays(NULL, D(1, 1, 1), D(9999, 12, 31)),
	    2608615);
}
END_TEST

START_TEST(test_cal_busdays_at_int32_limits)
{
	ck_assert_int_gt(cal_busdays(NULL, INT32_MIN, INT32_MAX), 0);
	ck_assert_int_le(cal_busdays(NULL, INT32_MAX - 6, INT32_MAX), 5);
}
END_TEST

/*
 * Every range within 2025-12-20 .. 2029-01-10 against a day-by-day count,
 * with holidays on weekdays, on weekends, repeated, and added out of order.
 */
START_TEST(test_cal_busdays_matches_day_by_day_count)
{
	static const int32_t list[] = {
		20454,	/* 2026-01-01, Thursday */
		20638,	/* 2026-07-04, Saturday */
		20812,	/* 2026-12-25, Friday */
		20819,	/* 2027-01-01, Friday */
		20969,	/* 2027-05-31, Monday */
		21003,	/* 2027-07-04, Sunday */
		21177,	/* 2027-12-25, Saturday */
		21243,	/* 2028-02-29, Tuesday */
		21543,	/* 2028-12-25, Monday */
		20819,	/* 2027-01-01 again */
		20455,	/* 2026-01-02, Friday */
	};
	enum { NLIST = sizeof(list) / sizeof(list[0]) };
	int32_t first = D(2025, 12, 20), last = D(2029, 1, 10), from, to;
	static int64_t before[2000];
	struct calendar cal;
	size_t i, k;
	bool holiday;

	ck_assert_int_eq(list[0], D(2026, 1, 1));
	ck_assert_int_eq(list[8], D(2028, 12, 25));
	ck_assert_int_lt(last - first + 2, 2000);
	cal_init(&cal);
	for (i = 0; i < NLIST; i++)
		cal_add(&cal, list[i]);
	before[0] = 0;
	for (k = 0; first + (int32_t)k <= last; k++) {
		holiday = false;
		for (i = 0; i < NLIST; i++)
			holiday |= list[i] == first + (int32_t)k;
		before[k + 1] = before[k] +
		    (date_weekday(first + (int32_t)k) <= 5 && !holiday);
	}
	for (from = first; from <= last; from++)
		for (to = from - 1; to <= last; to++)
			if (cal_busdays(&cal, from, to) !=
			    before[to - first + 1] - before[from - first])
				ck_abort_msg("wrong count for %d..%d",
				    (int)from, (int)to);
	cal_free(&cal);
}
END_TEST

/* Holiday files. */

START_TEST(test_cal_load_reads_one_date_a_line)
{
	struct calendar cal;

	cal_init(&cal);
	ck_assert_int_eq(load(&cal, "2027-01-01\n2027-05-31\n2027-12-24\n",
	    "h.txt"), 0);
	ck_assert_uint_eq(cal.n, 3);
	ck_assert_int_eq(cal.holidays[1], D(2027, 5, 31));
	ck_assert_str_eq(errbuf, "");
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_load_reads_last_line_without_newline)
{
	struct calendar cal;

	cal_init(&cal);
	ck_assert_int_eq(load(&cal, "2027-01-01\n2027-05-31", "h.txt"), 0);
	ck_assert_uint_eq(cal.n, 2);
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_load_accepts_crlf)
{
	struct calendar cal;

	cal_init(&cal);
	ck_assert_int_eq(load(&cal, "2027-01-01\r\n2027-05-31\r\n", "h.txt"),
	    0);
	ck_assert_uint_eq(cal.n, 2);
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_load_skips_blank_lines)
{
	struct calendar cal;

	cal_init(&cal);
	ck_assert_int_eq(load(&cal, "\n2027-01-01\n   \n\t\r\n\n", "h.txt"), 0);
	ck_assert_uint_eq(cal.n, 1);
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_load_skips_comment_lines)
{
	struct calendar cal;

	cal_init(&cal);
	ck_assert_int_eq(load(&cal, "# US holidays 2027\n2027-01-01\n"
	    "  # indented comment\n", "h.txt"), 0);
	ck_assert_uint_eq(cal.n, 1);
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_load_ignores_text_after_hash)
{
	struct calendar cal;

	cal_init(&cal);
	ck_assert_int_eq(load(&cal, "2027-12-24 # Christmas Eve\n", "h.txt"),
	    0);
	ck_assert_uint_eq(cal.n, 1);
	ck_assert_int_eq(cal.holidays[0], D(2027, 12, 24));
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_load_trims_spaces)
{
	struct calendar cal;

	cal_init(&cal);
	ck_assert_int_eq(load(&cal, "  2027-01-01 \t\n\t2027-05-31  \r\n",
	    "h.txt"), 0);
	ck_assert_uint_eq(cal.n, 2);
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_load_of_empty_file_adds_nothing)
{
	struct calendar cal;

	cal_init(&cal);
	ck_assert_int_eq(load(&cal, "", "h.txt"), 0);
	ck_assert_uint_eq(cal.n, 0);
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_load_names_file_line_and_value_of_bad_line)
{
	struct calendar cal;

	cal_init(&cal);
	ck_assert_int_eq(load(&cal, "2027-01-01\n# c\n 2027-02-30 \n",
	    "holidays.txt"), -1);
	ck_assert_ptr_nonnull(strstr(errbuf,
	    ": holidays.txt:3: cannot read \"2027-02-30\" as a date "
	    "(YYYY-MM-DD)\n"));
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_load_reads_rest_after_bad_line)
{
	struct calendar cal;

	cal_init(&cal);
	ck_assert_int_eq(load(&cal, "christmas\n2027-12-24\nnew year\n"
	    "2027-12-31\n", "h.txt"), -1);
	ck_assert_uint_eq(cal.n, 2);
	ck_assert_ptr_nonnull(strstr(errbuf, "h.txt:1: cannot read "
	    "\"christmas\" as a date (YYYY-MM-DD)\n"));
	ck_assert_ptr_nonnull(strstr(errbuf, "h.txt:3: cannot read "
	    "\"new year\" as a date (YYYY-MM-DD)\n"));
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_load_rejects_us_date)
{
	struct calendar cal;

	cal_init(&cal);
	ck_assert_int_eq(load(&cal, "12/24/2027\n", "h.txt"), -1);
	ck_assert_uint_eq(cal.n, 0);
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_load_rejects_date_time)
{
	struct calendar cal;

	cal_init(&cal);
	ck_assert_int_eq(load(&cal, "2027-12-24T00:00\n", "h.txt"), -1);
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_load_rejects_two_dates_on_a_line)
{
	struct calendar cal;

	cal_init(&cal);
	ck_assert_int_eq(load(&cal, "2027-12-24 2027-12-31\n", "h.txt"), -1);
	ck_assert_ptr_nonnull(strstr(errbuf,
	    "h.txt:1: cannot read \"2027-12-24 2027-12-31\" as a date "
	    "(YYYY-MM-DD)\n"));
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_load_skips_utf8_byte_order_mark)
{
	struct calendar cal;

	cal_init(&cal);
	ck_assert_int_eq(load(&cal, "\xef\xbb\xbf" "2027-01-01\r\n"
	    "2027-05-31\r\n", "h.txt"), 0);
	ck_assert_uint_eq(cal.n, 2);
	ck_assert_int_eq(cal.holidays[0], D(2027, 1, 1));
	ck_assert_str_eq(errbuf, "");
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_load_byte_order_mark_only_at_the_start)
{
	struct calendar cal;

	cal_init(&cal);
	ck_assert_int_eq(load(&cal, "2027-01-01\n\xef\xbb\xbf" "2027-05-31\n",
	    "h.txt"), -1);
	ck_assert_ptr_nonnull(strstr(errbuf, "h.txt:2: cannot read "
	    "\"\xef\xbb\xbf" "2027-05-31\" as a date"));
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_load_accepts_lone_cr_line_ends)
{
	struct calendar cal;

	cal_init(&cal);
	ck_assert_int_eq(load(&cal, "2027-01-01\r2027-05-31\rxmas\r",
	    "h.txt"), -1);
	ck_assert_uint_eq(cal.n, 2);
	ck_assert_ptr_nonnull(strstr(errbuf, "h.txt:3: cannot read "
	    "\"xmas\""));
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_load_counts_crlf_as_one_line_end)
{
	struct calendar cal;

	cal_init(&cal);
	ck_assert_int_eq(load(&cal, "2027-01-01\r\n\r\nxmas\r\n", "h.txt"),
	    -1);
	ck_assert_ptr_nonnull(strstr(errbuf, "h.txt:3: cannot read "
	    "\"xmas\""));
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_load_sorts_a_file_in_any_order)
{
	struct calendar cal;

	cal_init(&cal);
	ck_assert_int_eq(load(&cal, "2027-12-24\n2027-01-01\n2027-05-31\n"
	    "2027-01-01\n", "h.txt"), 0);
	ck_assert_uint_eq(cal.n, 3);
	ck_assert_int_eq(cal.holidays[0], D(2027, 1, 1));
	ck_assert_int_eq(cal.holidays[1], D(2027, 5, 31));
	ck_assert_int_eq(cal.holidays[2], D(2027, 12, 24));
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_load_drops_weekends)
{
	struct calendar cal;

	cal_init(&cal);
	ck_assert_int_eq(load(&cal, "2027-07-04\n2027-07-05\n", "h.txt"), 0);
	ck_assert_uint_eq(cal.n, 1);
	ck_assert_int_eq(cal.holidays[0], D(2027, 7, 5));
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_load_rejects_nul_in_a_line)
{
	struct calendar cal;
	static const char text[] = "2027-01-01\0x\n";
	FILE *in = fmemopen((void *)text, sizeof(text) - 1, "r");

	cal_init(&cal);
	capture_begin();
	ck_assert_int_eq(cal_load(&cal, in, "h.txt"), -1);
	capture_end(errbuf, sizeof(errbuf));
	ck_assert_uint_eq(cal.n, 0);
	fclose(in);
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_load_quotes_bytes_in_the_message)
{
	struct calendar cal;

	cal_init(&cal);
	ck_assert_int_eq(load(&cal, "\"2027-01-01\"\n", "h.txt"), -1);
	ck_assert_ptr_nonnull(strstr(errbuf,
	    "cannot read \"\\\"2027-01-01\\\"\" as a date"));
	cal_free(&cal);
}
END_TEST

START_TEST(test_cal_load_adds_to_existing_holidays)
{
	struct calendar cal;

	cal_init(&cal);
	cal_add(&cal, D(2027, 1, 1));
	ck_assert_int_eq(load(&cal, "2027-05-31\n", "h.txt"), 0);
	ck_assert_uint_eq(cal.n, 2);
	cal_free(&cal);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("calendar");
	TCase *add = tcase_create("holidays");
	TCase *count = tcase_create("busdays");
	TCase *load_tc = tcase_create("load");

	ADD(add, test_cal_init_is_empty);
	ADD(add, test_cal_add_keeps_holidays_sorted);
	ADD(add, test_cal_add_ignores_duplicates);
	ADD(add, test_cal_add_accepts_weekend_without_effect);
	ADD(add, test_cal_add_grows_past_first_allocation);
	ADD(add, test_cal_free_leaves_empty_calendar);
	ADD(add, test_cal_weekday_is_busday);
	ADD(add, test_cal_weekend_is_not_busday);
	ADD(add, test_cal_holiday_is_not_busday);
	ADD(add, test_cal_null_calendar_means_no_holidays);
	suite_add_tcase(s, add);

	ADD(count, test_cal_busdays_of_one_weekday);
	ADD(count, test_cal_busdays_of_weekend);
	ADD(count, test_cal_busdays_of_reversed_range_is_zero);
	ADD(count, test_cal_busdays_of_week_is_five);
	ADD(count, test_cal_busdays_of_march_2027);
	ADD(count, test_cal_busdays_subtracts_holidays_in_range);
	ADD(count, test_cal_busdays_counts_holiday_on_range_ends);
	ADD(count, test_cal_busdays_before_1970);
	ADD(count, test_cal_busdays_of_all_years);
	ADD(count, test_cal_busdays_at_int32_limits);
	ADD(count, test_cal_busdays_matches_day_by_day_count);
	suite_add_tcase(s, count);

	ADD(load_tc, test_cal_load_reads_one_date_a_line);
	ADD(load_tc, test_cal_load_reads_last_line_without_newline);
	ADD(load_tc, test_cal_load_accepts_crlf);
	ADD(load_tc, test_cal_load_skips_blank_lines);
	ADD(load_tc, test_cal_load_skips_comment_lines);
	ADD(load_tc, test_cal_load_ignores_text_after_hash);
	ADD(load_tc, test_cal_load_trims_spaces);
	ADD(load_tc, test_cal_load_of_empty_file_adds_nothing);
	ADD(load_tc, test_cal_load_names_file_line_and_value_of_bad_line);
	ADD(load_tc, test_cal_load_reads_rest_after_bad_line);
	ADD(load_tc, test_cal_load_rejects_us_date);
	ADD(load_tc, test_cal_load_rejects_date_time);
	ADD(load_tc, test_cal_load_rejects_two_dates_on_a_line);
	ADD(load_tc, test_cal_load_skips_utf8_byte_order_mark);
	ADD(load_tc, test_cal_load_byte_order_mark_only_at_the_start);
	ADD(load_tc, test_cal_load_accepts_lone_cr_line_ends);
	ADD(load_tc, test_cal_load_counts_crlf_as_one_line_end);
	ADD(load_tc, test_cal_load_sorts_a_file_in_any_order);
	ADD(load_tc, test_cal_load_drops_weekends);
	ADD(load_tc, test_cal_load_rejects_nul_in_a_line);
	ADD(load_tc, test_cal_load_quotes_bytes_in_the_message);
	ADD(load_tc, test_cal_load_adds_to_existing_holidays);
	suite_add_tcase(s, load_tc);

	return s;
}

UNIT_MAIN
