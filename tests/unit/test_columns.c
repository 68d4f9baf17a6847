/*
 * test_columns: finding logical fields among an export's headers.
 */
#include "columns.h"
#include "diag.h"
#include "unit.h"

/* A header row made from a NULL-terminated list of names. */
static struct csv_row *
header(const char **names)
{
	static char *f[32];
	static size_t len[32];
	static struct csv_row row;
	size_t n = 0;

	while (names[n] != NULL) {
		f[n] = (char *)names[n];
		len[n] = strlen(names[n]);
		n++;
	}
	row.n = n;
	row.f = f;
	row.len = len;
	row.line = 1;
	return &row;
}

START_TEST(test_header_matching_ignores_case_spaces_and_prefix)
{
	ck_assert(header_matches("Close Date", 10, "close date"));
	ck_assert(header_matches("  AMOUNT ", 9, "amount"));
	ck_assert(header_matches("Deal - Value", 12, "value"));
	ck_assert(header_matches("Created_On", 10, "created on"));
	ck_assert(header_matches("close date", 10, "close_date"));
	ck_assert(!header_matches("Amount2", 7, "amount"));
	ck_assert(!header_matches("Deal Value", 10, "value"));
}
END_TEST

START_TEST(test_salesforce_headers)
{
	const char *h[] = { "Opportunity ID", "Opportunity Owner", "Stage",
	    "Amount", "Close Date", "Created Date", "Next Step", NULL };
	struct colmap m;

	colmap_resolve(&m, header(h), NULL, "x.csv");
	ck_assert_int_eq(m.idx[F_ID], 0);
	ck_assert_int_eq(m.idx[F_REP], 1);
	ck_assert_int_eq(m.idx[F_STAGE], 2);
	ck_assert_int_eq(m.idx[F_AMOUNT], 3);
	ck_assert_int_eq(m.idx[F_CLOSE], 4);
	ck_assert_int_eq(m.idx[F_CREATED], 5);
	ck_assert_int_eq(m.idx[F_NEXT_STEP], 6);
	ck_assert_int_eq(m.idx[F_TEAM], -1);
	ck_assert_str_eq(colmap_header(&m, F_AMOUNT), "Amount");
	ck_assert_str_eq(colmap_header(&m, F_TEAM), "team");
}
END_TEST

START_TEST(test_first_alias_wins_not_first_column)
{
	const char *h[] = { "Owner", "Rep", NULL };
	struct colmap m;

	colmap_resolve(&m, header(h), NULL, "x.csv");
	ck_assert_int_eq(m.idx[F_REP], 1);
}
END_TEST

START_TEST(test_pipedrive_status_decides_and_stage_stays)
{
	const char *h[] = { "Deal - Stage", "Deal - Status", "Deal - Value",
	    "Deal - Won time", NULL };
	const char *h2[] = { "Status", "Amount", NULL };
	struct colmap m;

	colmap_resolve(&m, header(h), NULL, "p.csv");
	ck_assert_int_eq(m.idx[F_STAGE], 0);
	ck_assert_int_eq(m.idx[F_STATUS], 1);
	ck_assert_int_eq(m.idx[F_AMOUNT], 2);
	ck_assert_int_eq(m.idx[F_CLOSE], 3);
	colmap_resolve(&m, header(h2), NULL, "p.csv");
	ck_assert_int_eq(m.idx[F_STAGE], 0);
}
END_TEST

START_TEST(test_col_names_a_header)
{
	const char *h[] = { "Owner.External_Id__c", "Amount", NULL };
	struct colspec spec = { { NULL } };
	struct colmap m;

	ck_assert_int_eq(colspec_add(&spec, "rep=owner.external_id__c"), 0);
	ck_assert_int_eq(colspec_add(&spec, "close_date=#2"), 0);
	colmap_resolve(&m, header(h), &spec, "x.csv");
	ck_assert_int_eq(m.idx[F_REP], 0);
	ck_assert_int_eq(m.idx[F_CLOSE], 1);
}
END_TEST

START_TEST(test_col_field_names_are_forgiving)
{
	struct colspec spec = { { NULL } };

	ck_assert_int_eq(colspec_add(&spec, "Close-Date=X"), 0);
	ck_assert_str_eq(spec.header[F_CLOSE], "X");
	ck_assert_int_eq(colspec_add(&spec, "owner=Y"), 0);
	ck_assert_str_eq(spec.header[F_REP], "Y");
}
END_TEST

START_TEST(test_col_unknown_field_is_refused)
{
	struct colspec spec = { { NULL } };
	char err[1024];

	capture_begin();
	ck_assert_int_eq(colspec_add(&spec, "colour=Red"), -1);
	ck_assert_int_eq(colspec_add(&spec, "amount"), -1);
	capture_end(err, sizeof(err));
	ck_assert_ptr_nonnull(strstr(err, "--col colour=Red: expected "
	    "FIELD=HEADER"));
}
END_TEST

START_TEST(test_col_missing_header_exits_2)
{
	const char *h[] = { "a", "b", NULL };
	struct colspec spec = { { NULL } };
	struct colmap m;

	colspec_add(&spec, "amount=Value");
	colmap_resolve(&m, header(h), &spec, "x.csv");
}
END_TEST

START_TEST(test_required_field_missing_exits_2)
{
	const char *h[] = { "a", "b", NULL };
	struct colmap m;

	colmap_resolve(&m, header(h), NULL, "x.csv");
	colmap_require(&m, F_AMOUNT);
}
END_TEST

START_TEST(test_duplicate_header_warns_and_takes_first)
{
	const char *h[] = { "Amount", "x", "amount", NULL };
	struct colmap m;
	char err[1024];

	capture_begin();
	colmap_resolve(&m, header(h), NULL, "x.csv");
	capture_end(err, sizeof(err));
	ck_assert_int_eq(m.idx[F_AMOUNT], 0);
	ck_assert_ptr_nonnull(strstr(err, "x.csv: header \"Amount\" appears "
	    "in columns 1 and 3"));
}
END_TEST

START_TEST(test_get_returns_field_or_empty)
{
	const char *h[] = { "Rep", "Amount", NULL };
	char *f[] = { "Ann", "5" };
	size_t len[] = { 3, 1 };
	struct csv_row row = { .n = 2, .f = f, .len = len, .line = 2 };
	struct colmap m;
	size_t n;

	colmap_resolve(&m, header(h), NULL, "x.csv");
	ck_assert_str_eq(colmap_get(&m, &row, F_AMOUNT, &n), "5");
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(colmap_get(&m, &row, F_TEAM, &n), "");
	ck_assert_uint_eq(n, 0);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("columns");
	TCase *tc = tcase_create("lookup");

	ADD(tc, test_header_matching_ignores_case_spaces_and_prefix);
	ADD(tc, test_salesforce_headers);
	ADD(tc, test_first_alias_wins_not_first_column);
	ADD(tc, test_pipedrive_status_decides_and_stage_stays);
	ADD(tc, test_col_names_a_header);
	ADD(tc, test_col_field_names_are_forgiving);
	ADD(tc, test_col_unknown_field_is_refused);
	tcase_add_exit_test(tc, test_col_missing_header_exits_2, EXIT_USAGE);
	tcase_add_exit_test(tc, test_required_field_missing_exits_2,
	    EXIT_USAGE);
	ADD(tc, test_duplicate_header_warns_and_takes_first);
	ADD(tc, test_get_returns_field_or_empty);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
