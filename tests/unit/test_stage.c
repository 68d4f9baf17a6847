/*
 * test_stage: won, lost and open.
 */
#include "stage.h"
#include "unit.h"

static enum stage_class
classify(const struct stage_rules *r, const char *s)
{
	return stage_classify(r, s, strlen(s));
}

START_TEST(test_default_words)
{
	struct stage_rules r;

	stage_rules_default(&r);
	ck_assert_int_eq(classify(&r, "Closed Won"), STAGE_WON);
	ck_assert_int_eq(classify(&r, "closedwon"), STAGE_WON);
	ck_assert_int_eq(classify(&r, "CLOSED_WON"), STAGE_WON);
	ck_assert_int_eq(classify(&r, "Won"), STAGE_WON);
	ck_assert_int_eq(classify(&r, "Closed Lost"), STAGE_LOST);
	ck_assert_int_eq(classify(&r, "lost"), STAGE_LOST);
	ck_assert_int_eq(classify(&r, "Negotiation"), STAGE_OPEN);
	ck_assert_int_eq(classify(&r, ""), STAGE_OPEN);
	ck_assert_int_eq(classify(&r, "Won back"), STAGE_OPEN);
	stage_rules_free(&r);
}
END_TEST

START_TEST(test_won_list_replaces_default)
{
	struct stage_rules r;

	stage_rules_default(&r);
	ck_assert_int_eq(stage_rules_set(&r, STAGE_WON, "Signed, Paid"), 0);
	ck_assert_int_eq(classify(&r, "signed"), STAGE_WON);
	ck_assert_int_eq(classify(&r, "PAID"), STAGE_WON);
	ck_assert_int_eq(classify(&r, "Closed Won"), STAGE_OPEN);
	ck_assert_int_eq(classify(&r, "Closed Lost"), STAGE_LOST);
	ck_assert_int_eq(stage_rules_set(&r, STAGE_LOST, " , "), -1);
	stage_rules_free(&r);
}
END_TEST

START_TEST(test_key_keeps_letters_and_digits)
{
	char key[STAGE_KEY_SZ];

	stage_key("Id. Decision Makers", 19, key);
	ck_assert_str_eq(key, "iddecisionmakers");
	stage_key("Stage-2 (Demo)", 14, key);
	ck_assert_str_eq(key, "stage2demo");
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("stage");
	TCase *tc = tcase_create("classify");

	ADD(tc, test_default_words);
	ADD(tc, test_won_list_replaces_default);
	ADD(tc, test_key_keeps_letters_and_digits);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
