/*
 * test_money.c: money and decimal parsing, formatting and checked
 * arithmetic.
 */
#include <stdint.h>
#include <string.h>

#include "money.h"
#include "unit.h"

/* What the last parse() call stored; each test runs in its own process. */
static int64_t cents;
static char currency[CURRENCY_SZ];

static int
parse(const char *s)
{
	cents = 0x5a5a;
	strcpy(currency, "?");
	return money_parse(s, strlen(s), false, &cents, currency);
}

static int
parse_comma(const char *s)
{
	cents = 0x5a5a;
	strcpy(currency, "?");
	return money_parse(s, strlen(s), true, &cents, currency);
}

static int64_t dec;

static int
parse_dec(const char *s, int scale)
{
	dec = 0x5a5a;
	return decimal_parse(s, strlen(s), scale, &dec);
}

static char buf[MONEY_BUFSZ];

/* Plain numbers. */

START_TEST(test_money_parses_whole_number)
{
	ck_assert_int_eq(parse("1234"), MONEY_OK);
	ck_assert_int_eq(cents, 123400);
	ck_assert_str_eq(currency, "");
}
END_TEST

START_TEST(test_money_parses_one_decimal)
{
	ck_assert_int_eq(parse("1234.5"), MONEY_OK);
	ck_assert_int_eq(cents, 123450);
}
END_TEST

START_TEST(test_money_parses_two_decimals)
{
	ck_assert_int_eq(parse("1234.56"), MONEY_OK);
	ck_assert_int_eq(cents, 123456);
}
END_TEST

START_TEST(test_money_parses_negative)
{
	ck_assert_int_eq(parse("-1234.50"), MONEY_OK);
	ck_assert_int_eq(cents, -123450);
}
END_TEST

START_TEST(test_money_parses_explicit_plus)
{
	ck_assert_int_eq(parse("+12"), MONEY_OK);
	ck_assert_int_eq(cents, 1200);
}
END_TEST

START_TEST(test_money_parses_leading_point)
{
	ck_assert_int_eq(parse(".5"), MONEY_OK);
	ck_assert_int_eq(cents, 50);
}
END_TEST

START_TEST(test_money_parses_trailing_point)
{
	ck_assert_int_eq(parse("5."), MONEY_OK);
	ck_assert_int_eq(cents, 500);
}
END_TEST

START_TEST(test_money_parses_leading_zeros)
{
	ck_assert_int_eq(parse("0000000000000000000000000012.5"), MONEY_OK);
	ck_assert_int_eq(cents, 1250);
}
END_TEST

START_TEST(test_money_ignores_surrounding_spaces)
{
	ck_assert_int_eq(parse(" \t 12.5 \t "), MONEY_OK);
	ck_assert_int_eq(cents, 1250);
}
END_TEST

START_TEST(test_money_reads_only_len_bytes)
{
	ck_assert_int_eq(money_parse("1234", 2, false, &cents, NULL), MONEY_OK);
	ck_assert_int_eq(cents, 1200);
}
END_TEST

START_TEST(test_money_accepts_null_currency)
{
	ck_assert_int_eq(money_parse("$5", 2, false, &cents, NULL), MONEY_OK);
	ck_assert_int_eq(cents, 500);
}
END_TEST

START_TEST(test_money_minus_zero_is_zero)
{
	ck_assert_int_eq(parse("-0"), MONEY_OK);
	ck_assert_int_eq(cents, 0);
	ck_assert_int_eq(parse("-0.00"), MONEY_OK);
	ck_assert_int_eq(cents, 0);
}
END_TEST

/* Grouping. */

START_TEST(test_money_parses_grouping)
{
	ck_assert_int_eq(parse("1,234.50"), MONEY_OK);
	ck_assert_int_eq(cents, 123450);
}
END_TEST

START_TEST(test_money_parses_several_groups)
{
	ck_assert_int_eq(parse("1,234,567"), MONEY_OK);
	ck_assert_int_eq(cents, 123456700);
}
END_TEST

START_TEST(test_money_rejects_bad_grouping)
{
	ck_assert_int_eq(parse("12,34"), MONEY_BAD);
}
END_TEST

START_TEST(test_money_rejects_junk_inside_group)
{
	ck_assert_int_eq(parse("12,3x4"), MONEY_BAD);
}
END_TEST

START_TEST(test_money_rejects_group_of_four_after_separator)
{
	ck_assert_int_eq(parse("1,2345"), MONEY_BAD);
}
END_TEST

START_TEST(test_money_rejects_first_group_of_four)
{
	ck_assert_int_eq(parse("1234,567"), MONEY_BAD);
}
END_TEST

START_TEST(test_money_rejects_leading_separator)
{
	ck_assert_int_eq(parse(",123"), MONEY_BAD);
}
END_TEST

START_TEST(test_money_rejects_trailing_separator)
{
	ck_assert_int_eq(parse("1,"), MONEY_BAD);
	ck_assert_int_eq(parse("1,.50"), MONEY_BAD);
}
END_TEST

/* Rounding to the cent. */

START_TEST(test_money_rounds_grouped_third_decimal)
{
	ck_assert_int_eq(parse("1,234,567.891"), MONEY_OK);
	ck_assert_int_eq(cents, 123456789);
}
END_TEST

START_TEST(test_money_rounds_half_up_when_positive)
{
	ck_assert_int_eq(parse("1.125"), MONEY_OK);
	ck_assert_int_eq(cents, 113);
}
END_TEST

START_TEST(test_money_rounds_half_down_when_negative)
{
	ck_assert_int_eq(parse("-1.125"), MONEY_OK);
	ck_assert_int_eq(cents, -113);
}
END_TEST

START_TEST(test_money_rounds_below_half_toward_zero)
{
	ck_assert_int_eq(parse("1.12499999"), MONEY_OK);
	ck_assert_int_eq(cents, 112);
}
END_TEST

START_TEST(test_money_rounds_half_cent_to_one_cent)
{
	ck_assert_int_eq(parse("0.005"), MONEY_OK);
	ck_assert_int_eq(cents, 1);
	ck_assert_int_eq(parse("0.0049"), MONEY_OK);
	ck_assert_int_eq(cents, 0);
}
END_TEST

START_TEST(test_money_rounds_carry_into_integer)
{
	ck_assert_int_eq(parse("9.999"), MONEY_OK);
	ck_assert_int_eq(cents, 1000);
}
END_TEST

START_TEST(test_money_rounds_long_fraction)
{
	ck_assert_int_eq(parse("0.123456789012345678901234567890"),
	    MONEY_OK);
	ck_assert_int_eq(cents, 12);
}
END_TEST

/* Exponents. */

START_TEST(test_money_parses_exponent)
{
	ck_assert_int_eq(parse("1e3"), MONEY_OK);
	ck_assert_int_eq(cents, 100000);
}
END_TEST

START_TEST(test_money_parses_signed_upper_case_exponent)
{
	ck_assert_int_eq(parse("1.5E+06"), MONEY_OK);
	ck_assert_int_eq(cents, 150000000);
}
END_TEST

START_TEST(test_money_parses_negative_exponent)
{
	ck_assert_int_eq(parse("1e-2"), MONEY_OK);
	ck_assert_int_eq(cents, 1);
}
END_TEST

START_TEST(test_money_huge_exponent_is_range)
{
	ck_assert_int_eq(parse("1e400"), MONEY_RANGE);
	ck_assert_int_eq(parse("1e99999999999999999999"), MONEY_RANGE);
}
END_TEST

START_TEST(test_money_tiny_exponent_rounds_to_zero)
{
	ck_assert_int_eq(parse("1e-400"), MONEY_OK);
	ck_assert_int_eq(cents, 0);
}
END_TEST

START_TEST(test_money_zero_with_huge_exponent_is_zero)
{
	ck_assert_int_eq(parse("0e400"), MONEY_OK);
	ck_assert_int_eq(cents, 0);
}
END_TEST

START_TEST(test_money_rejects_exponent_without_digits)
{
	ck_assert_int_eq(parse("1e"), MONEY_BAD);
	ck_assert_int_eq(parse("1e+"), MONEY_BAD);
}
END_TEST

/* The int64 limits. */

START_TEST(test_money_accepts_largest_amount)
{
	ck_assert_int_eq(parse("92233720368547758.07"), MONEY_OK);
	ck_assert_int_eq(cents, INT64_MAX);
}
END_TEST

START_TEST(test_money_accepts_most_negative_amount)
{
	ck_assert_int_eq(parse("-92233720368547758.07"), MONEY_OK);
	ck_assert_int_eq(cents, -INT64_MAX);
}
END_TEST

START_TEST(test_money_one_cent_over_is_range)
{
	ck_assert_int_eq(parse("92233720368547758.08"), MONEY_RANGE);
	ck_assert_int_eq(cents, 0x5a5a);
}
END_TEST

START_TEST(test_money_one_cent_under_is_range)
{
	ck_assert_int_eq(parse("-92233720368547758.08"), MONEY_RANGE);
}
END_TEST

START_TEST(test_money_rounding_over_limit_is_range)
{
	ck_assert_int_eq(parse("92233720368547758.075"), MONEY_RANGE);
}
END_TEST

START_TEST(test_money_int64_max_dollars_is_range)
{
	ck_assert_int_eq(parse("9223372036854775807.99"), MONEY_RANGE);
}
END_TEST

START_TEST(test_money_many_digits_is_range)
{
	ck_assert_int_eq(parse("100000000000000000000000000000000000000"),
	    MONEY_RANGE);
}
END_TEST

/* Currencies and signs around them. */

START_TEST(test_money_parses_dollar_prefix)
{
	ck_assert_int_eq(parse("$1,234.50"), MONEY_OK);
	ck_assert_int_eq(cents, 123450);
	ck_assert_str_eq(currency, "USD");
}
END_TEST

START_TEST(test_money_parses_sign_before_dollar)
{
	ck_assert_int_eq(parse("-$5"), MONEY_OK);
	ck_assert_int_eq(cents, -500);
	ck_assert_str_eq(currency, "USD");
}
END_TEST

START_TEST(test_money_parses_sign_after_dollar)
{
	ck_assert_int_eq(parse("$-5"), MONEY_OK);
	ck_assert_int_eq(cents, -500);
}
END_TEST

START_TEST(test_money_parses_code_prefix)
{
	ck_assert_int_eq(parse("USD 1,234.50"), MONEY_OK);
	ck_assert_int_eq(cents, 123450);
	ck_assert_str_eq(currency, "USD");
}
END_TEST

START_TEST(test_money_parses_code_suffix)
{
	ck_assert_int_eq(parse("1,234.50 EUR"), MONEY_OK);
	ck_assert_int_eq(cents, 123450);
	ck_assert_str_eq(currency, "EUR");
}
END_TEST

START_TEST(test_money_parses_code_prefix_without_space)
{
	ck_assert_int_eq(parse("EUR1234"), MONEY_OK);
	ck_assert_int_eq(cents, 123400);
	ck_assert_str_eq(currency, "EUR");
}
END_TEST

START_TEST(test_money_parses_code_suffix_without_space)
{
	ck_assert_int_eq(parse("1234EUR"), MONEY_OK);
	ck_assert_int_eq(cents, 123400);
	ck_assert_str_eq(currency, "EUR");
}
END_TEST

START_TEST(test_money_upper_cases_code)
{
	ck_assert_int_eq(parse("usd 5"), MONEY_OK);
	ck_assert_int_eq(cents, 500);
	ck_assert_str_eq(currency, "USD");
}
END_TEST

START_TEST(test_money_parses_euro_sign_prefix)
{
	ck_assert_int_eq(parse("\xe2\x82\xac" "5"), MONEY_OK);
	ck_assert_int_eq(cents, 500);
	ck_assert_str_eq(currency, "EUR");
}
END_TEST

START_TEST(test_money_parses_euro_sign_suffix)
{
	ck_assert_int_eq(parse("5 \xe2\x82\xac"), MONEY_OK);
	ck_assert_int_eq(cents, 500);
	ck_assert_str_eq(currency, "EUR");
}
END_TEST

START_TEST(test_money_parses_pound_sign)
{
	ck_assert_int_eq(parse("\xc2\xa3" "7.25"), MONEY_OK);
	ck_assert_int_eq(cents, 725);
	ck_assert_str_eq(currency, "GBP");
}
END_TEST

START_TEST(test_money_parses_yen_sign)
{
	ck_assert_int_eq(parse("1000 \xc2\xa5"), MONEY_OK);
	ck_assert_int_eq(cents, 100000);
	ck_assert_str_eq(currency, "JPY");
}
END_TEST

START_TEST(test_money_parses_sign_before_code)
{
	ck_assert_int_eq(parse("-USD 5"), MONEY_OK);
	ck_assert_int_eq(cents, -500);
}
END_TEST

START_TEST(test_money_rejects_code_of_four_letters)
{
	ck_assert_int_eq(parse("USDX 5"), MONEY_BAD);
	ck_assert_int_eq(parse("5 EURO"), MONEY_BAD);
}
END_TEST

START_TEST(test_money_rejects_code_of_two_letters)
{
	ck_assert_int_eq(parse("US 5"), MONEY_BAD);
}
END_TEST

START_TEST(test_money_rejects_two_currencies)
{
	ck_assert_int_eq(parse("$5 USD"), MONEY_BAD);
}
END_TEST

START_TEST(test_money_rejects_symbol_alone)
{
	ck_assert_int_eq(parse("$"), MONEY_BAD);
	ck_assert_int_eq(parse("USD"), MONEY_BAD);
}
END_TEST

START_TEST(test_money_rejects_two_signs)
{
	ck_assert_int_eq(parse("--5"), MONEY_BAD);
	ck_assert_int_eq(parse("-$-5"), MONEY_BAD);
}
END_TEST

START_TEST(test_money_rejects_trailing_sign)
{
	ck_assert_int_eq(parse("5-"), MONEY_BAD);
}
END_TEST

START_TEST(test_money_rejects_space_after_sign)
{
	ck_assert_int_eq(parse("- 5"), MONEY_BAD);
}
END_TEST

/* Accounting parentheses. */

START_TEST(test_money_parentheses_mean_negative)
{
	ck_assert_int_eq(parse("(1,234.50)"), MONEY_OK);
	ck_assert_int_eq(cents, -123450);
}
END_TEST

START_TEST(test_money_parentheses_around_currency)
{
	ck_assert_int_eq(parse("($5)"), MONEY_OK);
	ck_assert_int_eq(cents, -500);
	ck_assert_str_eq(currency, "USD");
}
END_TEST

START_TEST(test_money_rejects_empty_parentheses)
{
	ck_assert_int_eq(parse("()"), MONEY_BAD);
	ck_assert_int_eq(parse("(  )"), MONEY_BAD);
}
END_TEST

START_TEST(test_money_rejects_unclosed_parenthesis)
{
	ck_assert_int_eq(parse("(5"), MONEY_BAD);
	ck_assert_int_eq(parse("("), MONEY_BAD);
}
END_TEST

START_TEST(test_money_rejects_sign_inside_parentheses)
{
	ck_assert_int_eq(parse("(-5)"), MONEY_BAD);
}
END_TEST

/* Empty and malformed input. */

START_TEST(test_money_empty_is_missing)
{
	ck_assert_int_eq(parse(""), MONEY_EMPTY);
	ck_assert_int_eq(cents, 0x5a5a);
}
END_TEST

START_TEST(test_money_spaces_are_missing)
{
	ck_assert_int_eq(parse("   "), MONEY_EMPTY);
}
END_TEST

START_TEST(test_money_rejects_embedded_nul)
{
	ck_assert_int_eq(money_parse("5\0" "0", 3, false, &cents, NULL),
	    MONEY_BAD);
}
END_TEST

START_TEST(test_money_rejects_point_alone)
{
	ck_assert_int_eq(parse("."), MONEY_BAD);
}
END_TEST

START_TEST(test_money_rejects_two_points)
{
	ck_assert_int_eq(parse("1.2.3"), MONEY_BAD);
}
END_TEST

START_TEST(test_money_rejects_words)
{
	ck_assert_int_eq(parse("n/a"), MONEY_BAD);
	ck_assert_int_eq(parse("12 ab"), MONEY_BAD);
}
END_TEST

START_TEST(test_money_rejects_decimal_comma_without_option)
{
	ck_assert_int_eq(parse("1.234,50"), MONEY_BAD);
}
END_TEST

START_TEST(test_money_leaves_outputs_alone_on_error)
{
	ck_assert_int_eq(parse("12,34"), MONEY_BAD);
	ck_assert_int_eq(cents, 0x5a5a);
	ck_assert_str_eq(currency, "?");
}
END_TEST

/* Decimal comma. */

START_TEST(test_money_decimal_comma_parses_grouped)
{
	ck_assert_int_eq(parse_comma("1.234,50"), MONEY_OK);
	ck_assert_int_eq(cents, 123450);
}
END_TEST

START_TEST(test_money_decimal_comma_parses_one_decimal)
{
	ck_assert_int_eq(parse_comma("1234,5"), MONEY_OK);
	ck_assert_int_eq(cents, 123450);
}
END_TEST

START_TEST(test_money_decimal_comma_parses_code)
{
	ck_assert_int_eq(parse_comma("EUR 1.234,50"), MONEY_OK);
	ck_assert_int_eq(cents, 123450);
	ck_assert_str_eq(currency, "EUR");
}
END_TEST

START_TEST(test_money_decimal_comma_rejects_bad_grouping)
{
	ck_assert_int_eq(parse_comma("1.23"), MONEY_BAD);
}
END_TEST

START_TEST(test_money_decimal_comma_rejects_point_decimals)
{
	ck_assert_int_eq(parse_comma("1,234.50"), MONEY_BAD);
}
END_TEST

/* Formatting. */

START_TEST(test_money_formats_two_decimals)
{
	ck_assert_uint_eq(money_format(123450, buf), 7);
	ck_assert_str_eq(buf, "1234.50");
}
END_TEST

START_TEST(test_money_formats_small_negative)
{
	money_format(-5, buf);
	ck_assert_str_eq(buf, "-0.05");
}
END_TEST

START_TEST(test_money_formats_zero)
{
	money_format(0, buf);
	ck_assert_str_eq(buf, "0.00");
}
END_TEST

START_TEST(test_money_formats_int64_limits)
{
	money_format(INT64_MAX, buf);
	ck_assert_str_eq(buf, "92233720368547758.07");
	ck_assert_uint_eq(money_format(INT64_MIN, buf), 21);
	ck_assert_str_eq(buf, "-92233720368547758.08");
}
END_TEST

START_TEST(test_money_format_round_trips)
{
	static const int64_t v[] = { 0, 1, -1, 99, -100, 123456789,
	    INT64_MAX, -INT64_MAX };
	size_t i, n;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		n = money_format(v[i], buf);
		ck_assert_int_eq(money_parse(buf, n, false, &cents, NULL),
		    MONEY_OK);
		ck_assert_int_eq(cents, v[i]);
	}
}
END_TEST

/* decimal_parse. */

START_TEST(test_decimal_rounds_to_scale)
{
	ck_assert_int_eq(parse_dec("12.345", 2), MONEY_OK);
	ck_assert_int_eq(dec, 1235);
}
END_TEST

START_TEST(test_decimal_rounds_negative_half_away_from_zero)
{
	ck_assert_int_eq(parse_dec("-0.5", 0), MONEY_OK);
	ck_assert_int_eq(dec, -1);
	ck_assert_int_eq(parse_dec("-2.5", 0), MONEY_OK);
	ck_assert_int_eq(dec, -3);
}
END_TEST

START_TEST(test_decimal_parses_percentage)
{
	ck_assert_int_eq(parse_dec("87.5", 1), MONEY_OK);
	ck_assert_int_eq(dec, 875);
}
END_TEST

START_TEST(test_decimal_parses_exponent)
{
	ck_assert_int_eq(parse_dec("1e-2", 2), MONEY_OK);
	ck_assert_int_eq(dec, 1);
}
END_TEST

START_TEST(test_decimal_parses_plus)
{
	ck_assert_int_eq(parse_dec("+3", 0), MONEY_OK);
	ck_assert_int_eq(dec, 3);
}
END_TEST

START_TEST(test_decimal_pads_short_fraction)
{
	ck_assert_int_eq(parse_dec("0.5", 9), MONEY_OK);
	ck_assert_int_eq(dec, 500000000);
}
END_TEST

START_TEST(test_decimal_keeps_nine_decimals)
{
	ck_assert_int_eq(parse_dec("1.123456789", 9), MONEY_OK);
	ck_assert_int_eq(dec, 1123456789);
}
END_TEST

START_TEST(test_decimal_rejects_scale_out_of_range)
{
	ck_assert_int_eq(parse_dec("1", 10), MONEY_BAD);
	ck_assert_int_eq(parse_dec("1", -1), MONEY_BAD);
}
END_TEST

START_TEST(test_decimal_rejects_grouping)
{
	ck_assert_int_eq(parse_dec("1,000", 0), MONEY_BAD);
}
END_TEST

START_TEST(test_decimal_rejects_currency)
{
	ck_assert_int_eq(parse_dec("$5", 2), MONEY_BAD);
	ck_assert_int_eq(parse_dec("5 EUR", 2), MONEY_BAD);
}
END_TEST

START_TEST(test_decimal_rejects_percent_sign)
{
	ck_assert_int_eq(parse_dec("87.5%", 1), MONEY_BAD);
}
END_TEST

START_TEST(test_decimal_empty_is_missing)
{
	ck_assert_int_eq(parse_dec("", 2), MONEY_EMPTY);
	ck_assert_int_eq(parse_dec("  ", 2), MONEY_EMPTY);
}
END_TEST

START_TEST(test_decimal_rejects_embedded_nul)
{
	ck_assert_int_eq(decimal_parse("1\0" "2", 3, 0, &dec), MONEY_BAD);
}
END_TEST

START_TEST(test_decimal_accepts_int64_max)
{
	ck_assert_int_eq(parse_dec("9223372036854775807", 0), MONEY_OK);
	ck_assert_int_eq(dec, INT64_MAX);
}
END_TEST

START_TEST(test_decimal_past_int64_max_is_range)
{
	ck_assert_int_eq(parse_dec("9223372036854775808", 0), MONEY_RANGE);
	ck_assert_int_eq(parse_dec("9999999999999999999.5", 0), MONEY_RANGE);
	ck_assert_int_eq(parse_dec("10000000000", 9), MONEY_RANGE);
}
END_TEST

START_TEST(test_decimal_formats_with_scale)
{
	ck_assert_uint_eq(decimal_format(8750, 2, buf), 5);
	ck_assert_str_eq(buf, "87.50");
}
END_TEST

START_TEST(test_decimal_formats_scale_zero)
{
	decimal_format(-42, 0, buf);
	ck_assert_str_eq(buf, "-42");
}
END_TEST

START_TEST(test_decimal_formats_leading_zeros_of_fraction)
{
	decimal_format(-5, 3, buf);
	ck_assert_str_eq(buf, "-0.005");
	decimal_format(123456789, 9, buf);
	ck_assert_str_eq(buf, "0.123456789");
}
END_TEST

START_TEST(test_decimal_format_rejects_bad_scale)
{
	ck_assert_uint_eq(decimal_format(5, 10, buf), 0);
	ck_assert_str_eq(buf, "");
}
END_TEST

/* muldiv_round. */

START_TEST(test_muldiv_rounds_down_below_half)
{
	int64_t v;

	ck_assert(muldiv_round(10, 1, 3, &v));
	ck_assert_int_eq(v, 3);
}
END_TEST

START_TEST(test_muldiv_rounds_up_above_half)
{
	int64_t v;

	ck_assert(muldiv_round(20, 1, 3, &v));
	ck_assert_int_eq(v, 7);
}
END_TEST

START_TEST(test_muldiv_rounds_half_away_from_zero)
{
	int64_t v;

	ck_assert(muldiv_round(5, 1, 2, &v));
	ck_assert_int_eq(v, 3);
	ck_assert(muldiv_round(-5, 1, 2, &v));
	ck_assert_int_eq(v, -3);
	ck_assert(muldiv_round(5, 1, -2, &v));
	ck_assert_int_eq(v, -3);
	ck_assert(muldiv_round(-5, -1, -2, &v));
	ck_assert_int_eq(v, -3);
	ck_assert(muldiv_round(-5, 1, -2, &v));
	ck_assert_int_eq(v, 3);
}
END_TEST

START_TEST(test_muldiv_survives_huge_intermediate)
{
	int64_t v;

	ck_assert(muldiv_round(INT64_MAX, INT64_MAX, INT64_MAX, &v));
	ck_assert_int_eq(v, INT64_MAX);
	ck_assert(muldiv_round(INT64_MIN, INT64_MIN, INT64_MIN, &v));
	ck_assert_int_eq(v, INT64_MIN);
	ck_assert(muldiv_round(INT64_MAX, 3, 4, &v));
	ck_assert_int_eq(v, 6917529027641081855);
}
END_TEST

START_TEST(test_muldiv_reports_overflow)
{
	int64_t v = 77;

	ck_assert(!muldiv_round(INT64_MAX, 2, 1, &v));
	ck_assert(!muldiv_round(INT64_MIN, -1, 1, &v));
	ck_assert_int_eq(v, 77);
}
END_TEST

START_TEST(test_muldiv_reports_overflow_from_rounding)
{
	int64_t v = 77;

	/* (2^64 - 1) / 2 is 2^63 - 0.5, which rounds to 2^63. */
	ck_assert(!muldiv_round(4294967295, 4294967297, 2, &v));
	ck_assert_int_eq(v, 77);
}
END_TEST

START_TEST(test_muldiv_rounds_onto_int64_min)
{
	int64_t v;

	/* -(2^64 - 1) / 2 rounds to -2^63, which still fits. */
	ck_assert(muldiv_round(-4294967295, 4294967297, 2, &v));
	ck_assert_int_eq(v, INT64_MIN);
}
END_TEST

START_TEST(test_muldiv_refuses_zero_denominator)
{
	int64_t v = 77;

	ck_assert(!muldiv_round(1, 1, 0, &v));
	ck_assert_int_eq(v, 77);
}
END_TEST

/* money_add and money_sub. */

START_TEST(test_money_add_adds)
{
	int64_t v;

	ck_assert(money_add(150, -200, &v));
	ck_assert_int_eq(v, -50);
}
END_TEST

START_TEST(test_money_add_reports_overflow)
{
	int64_t v = 77;

	ck_assert(!money_add(INT64_MAX, 1, &v));
	ck_assert(!money_add(INT64_MIN, -1, &v));
	ck_assert_int_eq(v, 77);
}
END_TEST

START_TEST(test_money_add_reaches_limits)
{
	int64_t v;

	ck_assert(money_add(INT64_MAX - 1, 1, &v));
	ck_assert_int_eq(v, INT64_MAX);
	ck_assert(money_add(INT64_MIN + 1, -1, &v));
	ck_assert_int_eq(v, INT64_MIN);
}
END_TEST

START_TEST(test_money_sub_subtracts)
{
	int64_t v;

	ck_assert(money_sub(150, 200, &v));
	ck_assert_int_eq(v, -50);
}
END_TEST

START_TEST(test_money_sub_reports_overflow)
{
	int64_t v = 77;

	ck_assert(!money_sub(INT64_MIN, 1, &v));
	ck_assert(!money_sub(0, INT64_MIN, &v));
	ck_assert(!money_sub(INT64_MAX, -1, &v));
	ck_assert_int_eq(v, 77);
}
END_TEST

START_TEST(test_money_sub_reaches_limits)
{
	int64_t v;

	ck_assert(money_sub(-1, INT64_MAX, &v));
	ck_assert_int_eq(v, INT64_MIN);
	ck_assert(money_sub(-1, INT64_MIN, &v));
	ck_assert_int_eq(v, INT64_MAX);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("money");
	TCase *plain = tcase_create("plain");
	TCase *group = tcase_create("grouping");
	TCase *round = tcase_create("rounding");
	TCase *range = tcase_create("range");
	TCase *cur = tcase_create("currency");
	TCase *bad = tcase_create("malformed");
	TCase *comma = tcase_create("decimal comma");
	TCase *fmt = tcase_create("format");
	TCase *decimal = tcase_create("decimal");
	TCase *arith = tcase_create("arithmetic");

	ADD(plain, test_money_parses_whole_number);
	ADD(plain, test_money_parses_one_decimal);
	ADD(plain, test_money_parses_two_decimals);
	ADD(plain, test_money_parses_negative);
	ADD(plain, test_money_parses_explicit_plus);
	ADD(plain, test_money_parses_leading_point);
	ADD(plain, test_money_parses_trailing_point);
	ADD(plain, test_money_parses_leading_zeros);
	ADD(plain, test_money_ignores_surrounding_spaces);
	ADD(plain, test_money_reads_only_len_bytes);
	ADD(plain, test_money_accepts_null_currency);
	ADD(plain, test_money_minus_zero_is_zero);
	suite_add_tcase(s, plain);

	ADD(group, test_money_parses_grouping);
	ADD(group, test_money_parses_several_groups);
	ADD(group, test_money_rejects_bad_grouping);
	ADD(group, test_money_rejects_junk_inside_group);
	ADD(group, test_money_rejects_group_of_four_after_separator);
	ADD(group, test_money_rejects_first_group_of_four);
	ADD(group, test_money_rejects_leading_separator);
	ADD(group, test_money_rejects_trailing_separator);
	suite_add_tcase(s, group);

	ADD(round, test_money_rounds_grouped_third_decimal);
	ADD(round, test_money_rounds_half_up_when_positive);
	ADD(round, test_money_rounds_half_down_when_negative);
	ADD(round, test_money_rounds_below_half_toward_zero);
	ADD(round, test_money_rounds_half_cent_to_one_cent);
	ADD(round, test_money_rounds_carry_into_integer);
	ADD(round, test_money_rounds_long_fraction);
	ADD(round, test_money_parses_exponent);
	ADD(round, test_money_parses_signed_upper_case_exponent);
	ADD(round, test_money_parses_negative_exponent);
	ADD(round, test_money_tiny_exponent_rounds_to_zero);
	ADD(round, test_money_zero_with_huge_exponent_is_zero);
	ADD(round, test_money_rejects_exponent_without_digits);
	suite_add_tcase(s, round);

	ADD(range, test_money_accepts_largest_amount);
	ADD(range, test_money_accepts_most_negative_amount);
	ADD(range, test_money_one_cent_over_is_range);
	ADD(range, test_money_one_cent_under_is_range);
	ADD(range, test_money_rounding_over_limit_is_range);
	ADD(range, test_money_int64_max_dollars_is_range);
	ADD(range, test_money_many_digits_is_range);
	ADD(range, test_money_huge_exponent_is_range);
	suite_add_tcase(s, range);

	ADD(cur, test_money_parses_dollar_prefix);
	ADD(cur, test_money_parses_sign_before_dollar);
	ADD(cur, test_money_parses_sign_after_dollar);
	ADD(cur, test_money_parses_code_prefix);
	ADD(cur, test_money_parses_code_suffix);
	ADD(cur, test_money_parses_code_prefix_without_space);
	ADD(cur, test_money_parses_code_suffix_without_space);
	ADD(cur, test_money_upper_cases_code);
	ADD(cur, test_money_parses_euro_sign_prefix);
	ADD(cur, test_money_parses_euro_sign_suffix);
	ADD(cur, test_money_parses_pound_sign);
	ADD(cur, test_money_parses_yen_sign);
	ADD(cur, test_money_parses_sign_before_code);
	ADD(cur, test_money_rejects_code_of_four_letters);
	ADD(cur, test_money_rejects_code_of_two_letters);
	ADD(cur, test_money_rejects_two_currencies);
	ADD(cur, test_money_rejects_symbol_alone);
	ADD(cur, test_money_rejects_two_signs);
	ADD(cur, test_money_rejects_trailing_sign);
	ADD(cur, test_money_rejects_space_after_sign);
	ADD(cur, test_money_parentheses_mean_negative);
	ADD(cur, test_money_parentheses_around_currency);
	ADD(cur, test_money_rejects_empty_parentheses);
	ADD(cur, test_money_rejects_unclosed_parenthesis);
	ADD(cur, test_money_rejects_sign_inside_parentheses);
	suite_add_tcase(s, cur);

	ADD(bad, test_money_empty_is_missing);
	ADD(bad, test_money_spaces_are_missing);
	ADD(bad, test_money_rejects_embedded_nul);
	ADD(bad, test_money_rejects_point_alone);
	ADD(bad, test_money_rejects_two_points);
	ADD(bad, test_money_rejects_words);
	ADD(bad, test_money_rejects_decimal_comma_without_option);
	ADD(bad, test_money_leaves_outputs_alone_on_error);
	suite_add_tcase(s, bad);

	ADD(comma, test_money_decimal_comma_parses_grouped);
	ADD(comma, test_money_decimal_comma_parses_one_decimal);
	ADD(comma, test_money_decimal_comma_parses_code);
	ADD(comma, test_money_decimal_comma_rejects_bad_grouping);
	ADD(comma, test_money_decimal_comma_rejects_point_decimals);
	suite_add_tcase(s, comma);

	ADD(fmt, test_money_formats_two_decimals);
	ADD(fmt, test_money_formats_small_negative);
	ADD(fmt, test_money_formats_zero);
	ADD(fmt, test_money_formats_int64_limits);
	ADD(fmt, test_money_format_round_trips);
	suite_add_tcase(s, fmt);

	ADD(decimal, test_decimal_rounds_to_scale);
	ADD(decimal, test_decimal_rounds_negative_half_away_from_zero);
	ADD(decimal, test_decimal_parses_percentage);
	ADD(decimal, test_decimal_parses_exponent);
	ADD(decimal, test_decimal_parses_plus);
	ADD(decimal, test_decimal_pads_short_fraction);
	ADD(decimal, test_decimal_keeps_nine_decimals);
	ADD(decimal, test_decimal_rejects_scale_out_of_range);
	ADD(decimal, test_decimal_rejects_grouping);
	ADD(decimal, test_decimal_rejects_currency);
	ADD(decimal, test_decimal_rejects_percent_sign);
	ADD(decimal, test_decimal_empty_is_missing);
	ADD(decimal, test_decimal_rejects_embedded_nul);
	ADD(decimal, test_decimal_accepts_int64_max);
	ADD(decimal, test_decimal_past_int64_max_is_range);
	ADD(decimal, test_decimal_formats_with_scale);
	ADD(decimal, test_decimal_formats_scale_zero);
	ADD(decimal, test_decimal_formats_leading_zeros_of_fraction);
	ADD(decimal, test_decimal_format_rejects_bad_scale);
	suite_add_tcase(s, decimal);

	ADD(arith, test_muldiv_rounds_down_below_half);
	ADD(arith, test_muldiv_rounds_up_above_half);
	ADD(arith, test_muldiv_rounds_half_away_from_zero);
	ADD(arith, test_muldiv_survives_huge_intermediate);
	ADD(arith, test_muldiv_reports_overflow);
	ADD(arith, test_muldiv_reports_overflow_from_rounding);
	ADD(arith, test_muldiv_rounds_onto_int64_min);
	ADD(arith, test_muldiv_refuses_zero_denominator);
	ADD(arith, test_money_add_adds);
	ADD(arith, test_money_add_reports_overflow);
	ADD(arith, test_money_add_reaches_limits);
	ADD(arith, test_money_sub_subtracts);
	ADD(arith, test_money_sub_reports_overflow);
	ADD(arith, test_money_sub_reaches_limits);
	suite_add_tcase(s, arith);

	return s;
}

UNIT_MAIN
