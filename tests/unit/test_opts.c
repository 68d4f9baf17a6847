/*
 * test_opts: the shared options and option-value parsers.
 */
#include "date.h"
#include "diag.h"
#include "opts.h"
#include "unit.h"

START_TEST(test_common_options_are_taken)
{
	struct common_opts c;

	common_init(&c);
	ck_assert_int_eq(common_option(&c, 'd', "semicolon"), 1);
	ck_assert_int_eq(c.delim, ';');
	ck_assert_int_eq(common_option(&c, 'o', "table"), 1);
	ck_assert_int_eq(c.out.format, OUT_TABLE);
	ck_assert_int_eq(common_option(&c, OPT_AS_OF, "2027-02-15"), 1);
	ck_assert_int_eq(common_option(&c, OPT_PERIOD, "2027-Q1"), 1);
	ck_assert_int_eq(common_option(&c, OPT_FISCAL_START, "feb"), 1);
	ck_assert_int_eq(c.fiscal_start, 2);
	ck_assert_int_eq(common_option(&c, OPT_COL, "rep=Owner"), 1);
	ck_assert_int_eq(common_option(&c, 'x', NULL), 0);
	common_finish(&c);
	ck_assert_int_eq(c.as_of, date_from_ymd(2027, 2, 15));
	ck_assert(c.has_period);
	/* With the year starting in February, 2027-Q1 is Feb-Apr 2026. */
	ck_assert_int_eq(c.period.start, date_from_ymd(2026, 2, 1));
	ck_assert_int_eq(c.period.end, date_from_ymd(2026, 4, 30));
	common_free(&c);
}
END_TEST

START_TEST(test_view_options_are_taken)
{
	struct common_opts c;

	common_init(&c);
	ck_assert_int_eq(common_option(&c, 'o', "html"), 1);
	ck_assert_int_eq(c.out.format, OUT_HTML);
	ck_assert_int_eq(common_option(&c, OPT_FIELDS, "rep,goal"), 1);
	ck_assert_str_eq(c.out.view.fields, "rep,goal");
	ck_assert_int_eq(common_option(&c, OPT_SORT, "-goal"), 1);
	ck_assert_str_eq(c.out.view.sort, "-goal");
	ck_assert(c.out.view.desc);
	ck_assert_int_eq(common_option(&c, OPT_TOP, "10"), 1);
	ck_assert_uint_eq(c.out.view.top, 10);
	ck_assert_int_eq(common_option(&c, OPT_MAX_WIDTH, "40"), 1);
	ck_assert_uint_eq(c.out.max_width, 40);
	ck_assert_int_eq(common_option(&c, OPT_DECIMAL_COMMA, NULL), 1);
	ck_assert(c.out.view.decimal_comma);
	common_free(&c);
}
END_TEST

START_TEST(test_top_zero_exits_2)
{
	struct common_opts c;

	common_init(&c);
	common_option(&c, OPT_TOP, "0");
}
END_TEST

START_TEST(test_max_width_under_three_exits_2)
{
	struct common_opts c;

	common_init(&c);
	common_option(&c, OPT_MAX_WIDTH, "2");
}
END_TEST

START_TEST(test_as_of_defaults_to_today)
{
	struct common_opts c;

	common_init(&c);
	common_finish(&c);
	ck_assert_int_eq(c.as_of, date_today());
	common_free(&c);
}
END_TEST

START_TEST(test_bad_period_exits_2)
{
	struct common_opts c;

	common_init(&c);
	common_option(&c, OPT_PERIOD, "2027-Q5");
	common_finish(&c);
}
END_TEST

START_TEST(test_relative_period_resolves_against_as_of)
{
	struct common_opts c;

	common_init(&c);
	common_option(&c, OPT_AS_OF, "2027-02-15");
	common_option(&c, OPT_PERIOD, "last-quarter");
	common_finish(&c);
	ck_assert_str_eq(c.period.label, "2026-Q4");
	ck_assert_int_eq(c.period.start, date_from_ymd(2026, 10, 1));
	common_free(&c);
}
END_TEST

START_TEST(test_fiscal_start_takes_month_names)
{
	static const char *const names[] = { "3", "03", "mar", "MAR",
	    "March", "march" };
	struct common_opts c;
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		common_init(&c);
		common_option(&c, OPT_FISCAL_START, names[i]);
		ck_assert_int_eq(c.fiscal_start, 3);
		common_free(&c);
	}
}
END_TEST

START_TEST(test_fiscal_start_refuses_words_that_begin_like_a_month)
{
	struct common_opts c;

	common_init(&c);
	common_option(&c, OPT_FISCAL_START, "marzipan");
}
END_TEST

START_TEST(test_as_of_in_fiscal_year_10000_exits_2)
{
	struct common_opts c;

	common_init(&c);
	common_option(&c, OPT_AS_OF, "9999-12-31");
	common_option(&c, OPT_FISCAL_START, "2");
	common_finish(&c);
}
END_TEST

START_TEST(test_date_format_with_epoch_and_more_exits_2)
{
	struct common_opts c;

	common_init(&c);
	common_option(&c, OPT_DATE_FORMAT, "%s %Y");
}
END_TEST

START_TEST(test_missing_holidays_file_exits_2)
{
	struct common_opts c;

	common_init(&c);
	common_option(&c, OPT_HOLIDAYS, "/nonexistent/holidays.txt");
	common_finish(&c);
}
END_TEST

START_TEST(test_bad_delimiter_exits_2)
{
	struct common_opts c;

	common_init(&c);
	common_option(&c, 'd', "::");
}
END_TEST

START_TEST(test_opt_long_range)
{
	ck_assert_int_eq(opt_long("--n", "14", 0, 100), 14);
}
END_TEST

START_TEST(test_opt_long_rejects_junk)
{
	opt_long("--n", "14x", 0, 100);
}
END_TEST

START_TEST(test_opt_decimal_takes_percent_sign)
{
	ck_assert_int_eq(opt_decimal("--growth", "12.5%", 2), 1250);
	ck_assert_int_eq(opt_decimal("--growth", "-3", 2), -300);
}
END_TEST

START_TEST(test_kvlist_names_and_default)
{
	struct kv *kv;
	size_t n = kvlist_parse("--x", "20, Prospecting = 30,Closed Won=7",
	    &kv);

	ck_assert_uint_eq(n, 3);
	ck_assert_ptr_null(kv[0].name);
	ck_assert_str_eq(kv[0].value, "20");
	ck_assert_str_eq(kv[1].name, "Prospecting");
	ck_assert_str_eq(kv[1].value, "30");
	ck_assert_str_eq(kv[2].name, "Closed Won");
	kv_free(kv, n);
}
END_TEST

START_TEST(test_kvlist_rejects_empty_item)
{
	struct kv *kv;

	kvlist_parse("--x", "a=1,,b=2", &kv);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("opts");
	TCase *tc = tcase_create("options");

	ADD(tc, test_common_options_are_taken);
	ADD(tc, test_view_options_are_taken);
	tcase_add_exit_test(tc, test_top_zero_exits_2, EXIT_USAGE);
	tcase_add_exit_test(tc, test_max_width_under_three_exits_2, EXIT_USAGE);
	ADD(tc, test_as_of_defaults_to_today);
	tcase_add_exit_test(tc, test_bad_period_exits_2, EXIT_USAGE);
	ADD(tc, test_relative_period_resolves_against_as_of);
	ADD(tc, test_fiscal_start_takes_month_names);
	tcase_add_exit_test(tc,
	    test_fiscal_start_refuses_words_that_begin_like_a_month,
	    EXIT_USAGE);
	tcase_add_exit_test(tc, test_as_of_in_fiscal_year_10000_exits_2,
	    EXIT_USAGE);
	tcase_add_exit_test(tc, test_date_format_with_epoch_and_more_exits_2,
	    EXIT_USAGE);
	tcase_add_exit_test(tc, test_missing_holidays_file_exits_2,
	    EXIT_USAGE);
	tcase_add_exit_test(tc, test_bad_delimiter_exits_2, EXIT_USAGE);
	ADD(tc, test_opt_long_range);
	tcase_add_exit_test(tc, test_opt_long_rejects_junk, EXIT_USAGE);
	ADD(tc, test_opt_decimal_takes_percent_sign);
	ADD(tc, test_kvlist_names_and_default);
	tcase_add_exit_test(tc, test_kvlist_rejects_empty_item, EXIT_USAGE);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
