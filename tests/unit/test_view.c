/*
 * test_view: --fields and --sort names found among the columns, and rows
 * given back in order: stable, descending, top N, spilled to disk.
 */
#include "view.h"
#include "unit.h"

/* The tags (second field) of the rows emitted, joined by spaces. */
static char got[4096];

static void
collect(void *ctx, const struct csv_row *row)
{
	(void)ctx;
	ck_assert_uint_eq(row->n, 2);
	if (got[0] != '\0')
		strcat(got, " ");
	strcat(got, row->f[1]);
}

/*
 * Puts rows "KEY:TAG KEY:TAG ..." (a key may be empty) through a view
 * sorting by the keys, and returns the tags in the order they came out.
 */
static const char *
run(const char *rows, bool desc, size_t top, bool numeric, size_t budget)
{
	struct view_spec v = { .sort = "key", .desc = desc, .top = top };
	struct view_rows *vr;
	char buf[1024], *tok, *save, *colon;
	char *f[2];
	size_t len[2];
	struct csv_row row = { .n = 2, .f = f, .len = len };

	got[0] = '\0';
	vr = view_rows_open(&v, budget, collect, NULL);
	strcpy(buf, rows);
	for (tok = strtok_r(buf, " ", &save); tok != NULL;
	    tok = strtok_r(NULL, " ", &save)) {
		colon = strchr(tok, ':');
		*colon = '\0';
		f[0] = tok;
		f[1] = colon + 1;
		len[0] = strlen(f[0]);
		len[1] = strlen(f[1]);
		view_rows_put(vr, &row, f[0], len[0], numeric);
	}
	view_rows_close(vr);
	return got;
}

START_TEST(test_sort_is_stable)
{
	ck_assert_str_eq(run("b:1 a:2 b:3 a:4 b:5", false, 0, false,
	    VIEW_BUDGET), "2 4 1 3 5");
}
END_TEST

START_TEST(test_descending_keeps_ties_in_order)
{
	ck_assert_str_eq(run("b:1 a:2 b:3 a:4 c:5", true, 0, false,
	    VIEW_BUDGET), "5 1 3 2 4");
}
END_TEST

START_TEST(test_numbers_sort_by_value_not_by_bytes)
{
	ck_assert_str_eq(run("10:a 9:b -2.5:c 100:d 9.50:e", false, 0, true,
	    VIEW_BUDGET), "c b e a d");
}
END_TEST

START_TEST(test_amounts_in_text_sort_as_numbers_before_text)
{
	/* As an export writes them: with a currency, grouped, negative. */
	ck_assert_str_eq(run("$1,200.00:a n/a:b 950:c (5.00):d TBD:e", false,
	    0, false, VIEW_BUDGET), "d c a e b");
}
END_TEST

START_TEST(test_empty_cells_come_last_both_ways)
{
	ck_assert_str_eq(run("2:a :b 1:c :d 3:e", false, 0, true,
	    VIEW_BUDGET), "c a e b d");
	ck_assert_str_eq(run("2:a :b 1:c :d 3:e", true, 0, true, VIEW_BUDGET),
	    "e a c b d");
}
END_TEST

START_TEST(test_iso_dates_sort_as_text)
{
	ck_assert_str_eq(run("2027-03-01:a 2026-12-31:b 2027-01-15:c", false,
	    0, false, VIEW_BUDGET), "b c a");
}
END_TEST

START_TEST(test_decimal_comma_reads_text_cells)
{
	struct view_spec v = { .sort = "k", .decimal_comma = true };
	struct view_rows *vr = view_rows_open(&v, VIEW_BUDGET, collect, NULL);
	char *f1[] = { "1.234,50", "big" }, *f2[] = { "99,5", "small" };
	size_t l1[] = { 8, 3 }, l2[] = { 4, 5 };
	struct csv_row r1 = { .n = 2, .f = f1, .len = l1 };
	struct csv_row r2 = { .n = 2, .f = f2, .len = l2 };

	got[0] = '\0';
	view_rows_put(vr, &r1, f1[0], l1[0], false);
	view_rows_put(vr, &r2, f2[0], l2[0], false);
	view_rows_close(vr);
	ck_assert_str_eq(got, "small big");
}
END_TEST

START_TEST(test_top_keeps_the_first_n_after_sorting)
{
	ck_assert_str_eq(run("5:a 1:b 4:c 2:d 3:e 5:f", true, 3, true,
	    VIEW_BUDGET), "a f c");
	ck_assert_str_eq(run("5:a 1:b 4:c 2:d 3:e", false, 2, true,
	    VIEW_BUDGET), "b d");
}
END_TEST

START_TEST(test_top_ties_keep_the_earliest)
{
	ck_assert_str_eq(run("1:a 1:b 1:c 1:d", true, 2, true, VIEW_BUDGET),
	    "a b");
}
END_TEST

START_TEST(test_top_without_sort_is_the_first_rows)
{
	struct view_spec v = { .top = 2 };
	struct view_rows *vr = view_rows_open(&v, VIEW_BUDGET, collect, NULL);
	char *f[] = { "x", "1" };
	size_t len[] = { 1, 1 };
	struct csv_row row = { .n = 2, .f = f, .len = len };
	char tag[2] = "1";

	got[0] = '\0';
	for (tag[0] = '1'; tag[0] <= '4'; tag[0]++) {
		f[1] = tag;
		view_rows_put(vr, &row, NULL, 0, false);
	}
	view_rows_close(vr);
	ck_assert_str_eq(got, "1 2");
}
END_TEST

START_TEST(test_runs_spilled_to_disk_merge_in_order)
{
	/* A budget of one byte writes every row as a run of its own. */
	ck_assert_str_eq(run("3:a 1:b 2:c 1:d 3:e :f 2:g", false, 0, true, 1),
	    "b d c g a e f");
	ck_assert_str_eq(run("3:a 1:b 2:c 1:d 3:e :f 2:g", true, 0, true, 1),
	    "a e c g b d f");
}
END_TEST

START_TEST(test_spilled_and_held_sorts_agree)
{
	static const char rows[] = "7:a 3:b 9:c 3:d 0:e 7:f x:g 1:h 9:i :j "
	    "4:k 4:l";
	char held[256];

	strcpy(held, run(rows, false, 0, false, VIEW_BUDGET));
	ck_assert_str_eq(run(rows, false, 0, false, 300), held);
}
END_TEST

START_TEST(test_runs_merge_sixteen_at_a_time_in_order)
{
	/* 40 runs of one row: merged to two runs of 16, then with 8 more. */
	char rows[512] = "", held[256];
	int i;

	for (i = 0; i < 40; i++)
		snprintf(rows + strlen(rows), sizeof(rows) - strlen(rows),
		    "%s%d:%d", i ? " " : "", i * 7 % 10, i);
	strcpy(held, run(rows, true, 0, true, VIEW_BUDGET));
	ck_assert_str_eq(run(rows, true, 0, true, 1), held);
	ck_assert_int_eq(strncmp(held, "7 17 27 37 4 14 24 34 1 11 ",
	    strlen("7 17 27 37 4 14 24 34 1 11 ")), 0);
}
END_TEST

START_TEST(test_sort_parse_spellings)
{
	struct view_spec v = { 0 };

	view_sort_parse(&v, "-risk");
	ck_assert(v.desc);
	view_sort_parse(&v, "risk:desc");
	ck_assert(v.desc);
	view_sort_parse(&v, "risk:asc");
	ck_assert(!v.desc);
	view_sort_parse(&v, "risk");
	ck_assert(!v.desc);
}
END_TEST

START_TEST(test_sort_without_a_name_is_a_usage_error)
{
	struct view_spec v = { 0 };

	view_sort_parse(&v, "-");
}
END_TEST

/* --- names --- */

static struct strmap keys;

static void
make_keys(const char *const *names, size_t n)
{
	size_t i;

	strmap_init(&keys);
	for (i = 0; i < n; i++)
		strmap_intern(&keys, names[i], strlen(names[i]), NULL);
}

/* A tool's lookup: "amount" is its column 1. */
static int
tool_lookup(void *ctx, const char *name)
{
	(void)ctx;
	return strcmp(name, "amount") == 0 ? 1 : -1;
}

static const char *const cols[] = { "Deal", "Amount", "risk", "risk_2",
    "why" };

/* The columns --fields list resolves to, as "0 3 1", or "error". */
static const char *
fields(const char *list, const char *sort, long *sortcol)
{
	static char buf[128];
	struct view_spec v = { .fields = list, .sort = sort };
	size_t *show, n, i;
	long sc;
	int rc;

	make_keys(cols, 5);
	rc = view_resolve(&v, &keys, tool_lookup, NULL, &show, &n, &sc);
	strmap_free(&keys);
	if (rc != 0)
		return "error";
	buf[0] = '\0';
	for (i = 0; i < n; i++)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s%zu",
		    i ? " " : "", show[i]);
	free(show);
	if (sortcol != NULL)
		*sortcol = sc;
	return buf;
}

START_TEST(test_fields_choose_and_order_columns)
{
	ck_assert_str_eq(fields("why,Deal", NULL, NULL), "4 0");
}
END_TEST

START_TEST(test_fields_by_exact_name_before_the_tools_lookup)
{
	ck_assert_str_eq(fields("Amount, amount ,risk_2", NULL, NULL),
	    "1 1 3");
}
END_TEST

START_TEST(test_fields_by_position_and_any_case)
{
	ck_assert_str_eq(fields("#5,DEAL,Risk", NULL, NULL), "4 0 2");
}
END_TEST

START_TEST(test_without_fields_every_column_goes_out)
{
	long sc;

	ck_assert_str_eq(fields(NULL, "-amount", &sc), "0 1 2 3 4");
	ck_assert_int_eq(sc, 1);
}
END_TEST

START_TEST(test_unknown_field_lists_the_columns)
{
	char msg[512];

	capture_begin();
	ck_assert_str_eq(fields("Deal,owner", NULL, NULL), "error");
	capture_end(msg, sizeof(msg));
	ck_assert_ptr_nonnull(strstr(msg, "--fields: no column \"owner\"; the "
	    "columns are \"Deal\", \"Amount\", \"risk\", \"risk_2\", \"why\""));
}
END_TEST

START_TEST(test_unknown_sort_field_is_named)
{
	char msg[512];

	capture_begin();
	ck_assert_str_eq(fields(NULL, "-#9", NULL), "error");
	capture_end(msg, sizeof(msg));
	ck_assert_ptr_nonnull(strstr(msg, "--sort: no column \"#9\""));
}
END_TEST

START_TEST(test_empty_name_in_fields_is_an_error)
{
	char msg[512];

	capture_begin();
	ck_assert_str_eq(fields("Deal,,why", NULL, NULL), "error");
	capture_end(msg, sizeof(msg));
	ck_assert_ptr_nonnull(strstr(msg,
	    "--fields: an empty name in \"Deal,,why\""));
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("view");
	TCase *tc = tcase_create("rows");
	TCase *tn = tcase_create("names");

	ADD(tc, test_sort_is_stable);
	ADD(tc, test_descending_keeps_ties_in_order);
	ADD(tc, test_numbers_sort_by_value_not_by_bytes);
	ADD(tc, test_amounts_in_text_sort_as_numbers_before_text);
	ADD(tc, test_empty_cells_come_last_both_ways);
	ADD(tc, test_iso_dates_sort_as_text);
	ADD(tc, test_decimal_comma_reads_text_cells);
	ADD(tc, test_top_keeps_the_first_n_after_sorting);
	ADD(tc, test_top_ties_keep_the_earliest);
	ADD(tc, test_top_without_sort_is_the_first_rows);
	ADD(tc, test_runs_spilled_to_disk_merge_in_order);
	ADD(tc, test_spilled_and_held_sorts_agree);
	ADD(tc, test_runs_merge_sixteen_at_a_time_in_order);
	ADD(tc, test_sort_parse_spellings);
	tcase_add_exit_test(tc, test_sort_without_a_name_is_a_usage_error, 2);
	suite_add_tcase(s, tc);
	ADD(tn, test_fields_choose_and_order_columns);
	ADD(tn, test_fields_by_exact_name_before_the_tools_lookup);
	ADD(tn, test_fields_by_position_and_any_case);
	ADD(tn, test_without_fields_every_column_goes_out);
	ADD(tn, test_unknown_field_lists_the_columns);
	ADD(tn, test_unknown_sort_field_is_named);
	ADD(tn, test_empty_name_in_fields_is_an_error);
	suite_add_tcase(s, tn);
	return s;
}

UNIT_MAIN
