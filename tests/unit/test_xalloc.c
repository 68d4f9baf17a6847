/*
 * test_xalloc: allocation that exits instead of returning NULL.
 */
#include <stdint.h>

#include "diag.h"
#include "unit.h"
#include "xalloc.h"

START_TEST(test_zero_bytes_give_a_pointer)
{
	void *p = xmalloc(0), *q = xcalloc(0, 8);

	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(q);
	free(p);
	free(q);
}
END_TEST

START_TEST(test_strndup_keeps_nul_bytes)
{
	char *s = xstrndup("a\0bc", 3);

	ck_assert_int_eq(memcmp(s, "a\0b", 4), 0);
	free(s);
}
END_TEST

START_TEST(test_overflowing_array_exits_2)
{
	xreallocarray(NULL, SIZE_MAX / 2, 4);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("xalloc");
	TCase *tc = tcase_create("alloc");

	ADD(tc, test_zero_bytes_give_a_pointer);
	ADD(tc, test_strndup_keeps_nul_bytes);
	tcase_add_exit_test(tc, test_overflowing_array_exits_2, EXIT_USAGE);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
