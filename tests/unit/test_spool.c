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
	struct csv_row r1 = { .n = 3, .f = f1, .len = l1, .line = 2 };
	struct csv_row r2 = { .n = 1, .f = f2, .len = l2, .line = 7 };
	const struct csv_row *row;
	const void *blob;
	long facts = 42;
	struct spool *sp = spool_open();

	spool_put(sp, &r1, &facts, sizeof(facts));
	spool_put(sp, &r2, "", 0);
	spool_rewind(sp);
	ck_assert_int_eq(spool_get(sp, &row, &blob), 1);
	ck_assert_int_eq(*(const long *)blob, 42);
	ck_assert_uint_eq(row->n, 3);
	ck_assert_int_eq(row->line, 2);
	ck_assert_uint_eq(row->len[1], 0);
	ck_assert_uint_eq(row->len[2], 3);
	ck_assert_int_eq(memcmp(row->f[2], "x\0y", 3), 0);
	ck_assert_int_eq(spool_get(sp, &row, &blob), 1);
	ck_assert_int_eq(row->line, 7);
	ck_assert_str_eq(row->f[0], f2[0]);
	ck_assert_int_eq(spool_get(sp, &row, &blob), 0);
	spool_close(sp);
}
END_TEST

START_TEST(test_empty_spool_reads_nothing)
{
	const struct csv_row *row;
	const void *blob;
	struct spool *sp = spool_open();

	spool_rewind(sp);
	ck_assert_int_eq(spool_get(sp, &row, &blob), 0);
	spool_close(sp);
}
END_TEST

START_TEST(test_rows_larger_than_the_buffer)
{
	size_t n = 3 << 20, i;
	char *big = malloc(n);
	char *f[] = { big, "small" };
	size_t l[] = { n, 5 };
	struct csv_row r = { .n = 2, .f = f, .len = l, .line = 3 };
	const struct csv_row *row;
	const void *blob;
	struct spool *sp = spool_open();

	ck_assert_ptr_nonnull(big);
	for (i = 0; i < n; i++)
		big[i] = (char)('a' + i % 26);
	for (i = 0; i < 5; i++)
		spool_put(sp, &r, "", 0);
	spool_rewind(sp);
	for (i = 0; i < 5; i++) {
		ck_assert_int_eq(spool_get(sp, &row, &blob), 1);
		ck_assert_uint_eq(row->len[0], n);
		ck_assert_int_eq(memcmp(row->f[0], big, n), 0);
		ck_assert_str_eq(row->f[1], "small");
	}
	ck_assert_int_eq(spool_get(sp, &row, &blob), 0);
	spool_close(sp);
	free(big);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("spool");
	TCase *tc = tcase_create("spool");

	ADD(tc, test_rows_come_back_in_order_byte_exact);
	ADD(tc, test_empty_spool_reads_nothing);
	ADD(tc, test_rows_larger_than_the_buffer);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
