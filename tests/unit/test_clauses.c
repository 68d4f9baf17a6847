/*
 * test_clauses: sentences of "; "-joined clauses.
 */
#include "clauses.h"
#include "unit.h"

START_TEST(test_clauses_are_joined)
{
	char buf[128];
	struct clauses c;

	clauses_init(&c, buf, sizeof(buf));
	ck_assert_str_eq(buf, "");
	clauses_add(&c, "no next step");
	clauses_add(&c, "open %lld days (limit %d)", 400LL, -3);
	clauses_add(&c, "%d.%d%% of %zu, %.*s", 6, 1, (size_t)12, 3, "abcdef");
	ck_assert_str_eq(buf, "no next step; open 400 days (limit -3); "
	    "6.1% of 12, abc");
}
END_TEST

START_TEST(test_a_clause_too_long_is_cut)
{
	char buf[12];
	struct clauses c;

	clauses_init(&c, buf, sizeof(buf));
	clauses_add(&c, "%s", "seven c");
	clauses_add(&c, "more text");
	ck_assert_str_eq(buf, "seven c; mo");
	clauses_add(&c, "ignored");
	ck_assert_str_eq(buf, "seven c; mo");
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("clauses");
	TCase *tc = tcase_create("clauses");

	ADD(tc, test_clauses_are_joined);
	ADD(tc, test_a_clause_too_long_is_cut);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
