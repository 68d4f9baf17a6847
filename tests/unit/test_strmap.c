/*
 * test_strmap: the string to index map.
 */
#include "strmap.h"
#include "unit.h"

START_TEST(test_indexes_follow_first_insertion)
{
	struct strmap m;
	bool added;

	strmap_init(&m);
	ck_assert_uint_eq(strmap_intern(&m, "ann", 3, &added), 0);
	ck_assert(added);
	ck_assert_uint_eq(strmap_intern(&m, "bob", 3, &added), 1);
	ck_assert_uint_eq(strmap_intern(&m, "ann", 3, &added), 0);
	ck_assert(!added);
	ck_assert_uint_eq(strmap_find(&m, "bob", 3), 1);
	ck_assert_uint_eq(strmap_find(&m, "bo", 2), (size_t)-1);
	ck_assert_str_eq(strmap_key(&m, 1, NULL), "bob");
	strmap_free(&m);
}
END_TEST

START_TEST(test_many_keys_survive_growth)
{
	struct strmap m;
	char key[32];
	size_t i;

	strmap_init(&m);
	for (i = 0; i < 10000; i++) {
		int n = snprintf(key, sizeof(key), "rep %zu", i);

		ck_assert_uint_eq(strmap_intern(&m, key, (size_t)n, NULL), i);
	}
	for (i = 0; i < 10000; i++) {
		int n = snprintf(key, sizeof(key), "rep %zu", i);

		ck_assert_uint_eq(strmap_find(&m, key, (size_t)n), i);
	}
	ck_assert_uint_eq(m.n, 10000);
	strmap_free(&m);
}
END_TEST

START_TEST(test_keys_may_hold_nul_bytes)
{
	struct strmap m;

	strmap_init(&m);
	strmap_intern(&m, "a\0b", 3, NULL);
	ck_assert_uint_eq(strmap_find(&m, "a\0b", 3), 0);
	ck_assert_uint_eq(strmap_find(&m, "a", 1), (size_t)-1);
	strmap_free(&m);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("strmap");
	TCase *tc = tcase_create("map");

	ADD(tc, test_indexes_follow_first_insertion);
	ADD(tc, test_many_keys_survive_growth);
	ADD(tc, test_keys_may_hold_nul_bytes);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
