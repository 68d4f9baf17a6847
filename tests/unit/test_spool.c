/*
 * test_spool: rows parked on disk come back byte for byte.
 */
#include "spool.h"
#include "unit.h"

START_TEST(test_rows_come_back_in_order_byte_exact)
{
	char *f1[] = { "a", "", "x\0y" };
	size_t l1[] = { 1, 0, 3 };
	char *f2[] = { "quoted \"text\"\nwith a newline" };
	size_t l2[] = { 29 };
	struct csv_row r1 = { 3, f1, l1, 2 }, r2 = { 1, f2, l2, 7 };
	const struct csv_row *row;
	struct spool *sp = spool_open();

	spool_put(sp, &r1);
	spool_put(sp, &r2);
	spool_rewind(sp);
	ck_assert_int_eq(spool_get(sp, &row), 1);
	ck_assert_uint_eq(row->n, 3);
	ck_assert_int_eq(row->line, 2);
	ck_assert_uint_eq(row->len[1], 0);
	ck_assert_uint_eq(row->len[2], 3);
	ck_assert_int_eq(memcmp(row->f[2], "x\0y", 3), 0);
	ck_assert_int_eq(spool_get(sp, &row), 1);
	ck_assert_int_eq(row->line, 7);
	ck_assert_str_eq(row->f[0], f2[0]);
	ck_assert_int_eq(spool_get(sp, &row), 0);
	spool_close(sp);
}
END_TEST

START_TEST(test_empty_spool_reads_nothing)
{
	const struct csv_row *row;
	struct spool *sp = spool_open();

	spool_rewind(sp);
	ck_assert_int_eq(spool_get(sp, &row), 0);
	spool_close(sp);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("spool");
	TCase *tc = tcase_create("spool");

	ADD(tc, test_rows_come_back_in_order_byte_exact);
	ADD(tc, test_empty_spool_reads_nothing);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
