/*
 * test_natcmp: natural order of rep and team names.
 */
#include <stdlib.h>

#include "natcmp.h"
#include "unit.h"

/* Asserts a < b, and b > a. */
#define ck_assert_before(a, b)						\
	do {								\
		ck_assert_int_lt(natcmp((a), (b)), 0);			\
		ck_assert_int_gt(natcmp((b), (a)), 0);			\
	} while (0)

START_TEST(test_natcmp_digit_runs_compare_as_numbers)
{
	ck_assert_before("User.2", "User.10");
	ck_assert_before("User.9", "User.11");
	ck_assert_before("W_Sales_User.1", "W_Sales_User.12");
}
END_TEST

START_TEST(test_natcmp_equal_names_are_equal)
{
	ck_assert_int_eq(natcmp("User.10", "User.10"), 0);
	ck_assert_int_eq(natcmp("", ""), 0);
}
END_TEST

START_TEST(test_natcmp_several_runs_compare_in_turn)
{
	ck_assert_before("r1.2", "r1.10");
	ck_assert_before("r1.10", "r2.1");
	ck_assert_before("2027-9", "2027-10");
}
END_TEST

START_TEST(test_natcmp_leading_zeros_do_not_change_the_number)
{
	ck_assert_before("User.02", "User.10");
	ck_assert_before("User.002", "User.3");
}
END_TEST

START_TEST(test_natcmp_leading_zeros_tie_breaks_by_bytes)
{
	/* Equal as numbers, so the bytes decide: '0' < '2'. */
	ck_assert_before("User.02", "User.2");
	ck_assert_before("User.002", "User.02");
	ck_assert_before("User.0", "User.00");
}
END_TEST

START_TEST(test_natcmp_letters_compare_without_case)
{
	ck_assert_before("alice", "Bob");
	ck_assert_before("Bob", "carl");
}
END_TEST

START_TEST(test_natcmp_case_tie_breaks_by_bytes)
{
	ck_assert_before("Ann", "ann");
	ck_assert_before("ANN", "Ann");
}
END_TEST

START_TEST(test_natcmp_empty_comes_first)
{
	ck_assert_before("", "0");
	ck_assert_before("", "a");
	ck_assert_before("", " ");
}
END_TEST

START_TEST(test_natcmp_prefix_comes_first)
{
	ck_assert_before("User", "User.1");
	ck_assert_before("User 1", "User 1b");
}
END_TEST

START_TEST(test_natcmp_digits_sit_where_their_bytes_do)
{
	/* '-' < digits < letters, as in byte order. */
	ck_assert_before("r-", "r5");
	ck_assert_before("r99", "ra");
	ck_assert_before("r-", "r10");
}
END_TEST

START_TEST(test_natcmp_long_digit_runs_do_not_overflow)
{
	ck_assert_before("id 99999999999999999999999999999998",
	    "id 99999999999999999999999999999999");
	ck_assert_before("id 99999999999999999999999999999999",
	    "id 100000000000000000000000000000000");
	ck_assert_before("id 18446744073709551616", "id 18446744073709551617");
	ck_assert_before("id 000000000000000000000000000000007", "id 8");
}
END_TEST

START_TEST(test_natcmp_bytes_above_ascii_are_unsigned)
{
	ck_assert_before("Zoe", "\xc3\x89mile");
	ck_assert_before("Yamada", "\xe5\xb1\xb1\xe7\x94\xb0");
}
END_TEST

START_TEST(test_natcmp_len_reads_only_len_bytes)
{
	ck_assert_int_eq(natcmp_len("User.10x", 7, "User.10", 7), 0);
	ck_assert_int_lt(natcmp_len("User.2", 6, "User.10", 7), 0);
}
END_TEST

START_TEST(test_natcmp_len_orders_names_holding_nul)
{
	ck_assert_int_lt(natcmp_len("a\0b", 3, "a\0c", 3), 0);
	ck_assert_int_lt(natcmp_len("a", 1, "a\0", 2), 0);
}
END_TEST

static int
cmp_names(const void *a, const void *b)
{
	return natcmp(*(const char *const *)a, *(const char *const *)b);
}

START_TEST(test_natcmp_sorts_to_one_order_from_any_start)
{
	static const char *const want[] = {
		"", "007", "7", "07b", "8", "10", "Ann", "ann", "ann2",
		"ann10", "Bob", "User.1", "User.01a", "User.2", "User.10",
		"User.11", "user.12",
	};
	enum { N = sizeof(want) / sizeof(want[0]) };
	const char *v[N];
	unsigned seed;
	size_t i, j;

	for (seed = 1; seed <= 50; seed++) {
		srand(seed);
		for (i = 0; i < N; i++)
			v[i] = want[i];
		for (i = N - 1; i > 0; i--) {
			const char *t;

			j = (size_t)rand() % (i + 1);
			t = v[i];
			v[i] = v[j];
			v[j] = t;
		}
		qsort(v, N, sizeof(v[0]), cmp_names);
		for (i = 0; i < N; i++)
			ck_assert_str_eq(v[i], want[i]);
	}
}
END_TEST

START_TEST(test_natcmp_is_transitive_on_tricky_names)
{
	static const char *const s[] = {
		"a", "a0", "a00", "a1", "a01", "a-", "a_", "aA", "Aa", "a 1",
		"a1b", "a01b", "a1B", "0", "00", "", "9", "09", "a9z", "a10",
	};
	enum { N = sizeof(s) / sizeof(s[0]) };
	size_t i, j, k;

	for (i = 0; i < N; i++)
		for (j = 0; j < N; j++) {
			int ij = natcmp(s[i], s[j]);

			ck_assert_int_eq(ij > 0, natcmp(s[j], s[i]) < 0);
			ck_assert_int_eq(ij == 0, i == j);
			for (k = 0; k < N; k++)
				if (ij < 0 && natcmp(s[j], s[k]) < 0)
					ck_assert_int_lt(natcmp(s[i], s[k]), 0);
		}
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("natcmp");
	TCase *num = tcase_create("numbers");
	TCase *text = tcase_create("text");
	TCase *order = tcase_create("order");

	ADD(num, test_natcmp_digit_runs_compare_as_numbers);
	ADD(num, test_natcmp_equal_names_are_equal);
	ADD(num, test_natcmp_several_runs_compare_in_turn);
	ADD(num, test_natcmp_leading_zeros_do_not_change_the_number);
	ADD(num, test_natcmp_leading_zeros_tie_breaks_by_bytes);
	ADD(num, test_natcmp_long_digit_runs_do_not_overflow);
	ADD(text, test_natcmp_letters_compare_without_case);
	ADD(text, test_natcmp_case_tie_breaks_by_bytes);
	ADD(text, test_natcmp_empty_comes_first);
	ADD(text, test_natcmp_prefix_comes_first);
	ADD(text, test_natcmp_digits_sit_where_their_bytes_do);
	ADD(text, test_natcmp_bytes_above_ascii_are_unsigned);
	ADD(text, test_natcmp_len_reads_only_len_bytes);
	ADD(text, test_natcmp_len_orders_names_holding_nul);
	ADD(order, test_natcmp_sorts_to_one_order_from_any_start);
	ADD(order, test_natcmp_is_transitive_on_tricky_names);
	suite_add_tcase(s, num);
	suite_add_tcase(s, text);
	suite_add_tcase(s, order);
	return s;
}

UNIT_MAIN
