/*
 * test_output: the one writer behind -o.
 */
#include "date.h"
#include "output.h"
#include "unit.h"

static const char *const names[] = { "rep", "amount", "note" };
static const enum out_type types[] = { OT_TEXT, OT_NUMBER, OT_TEXT };

/* Writes two rows in fmt and returns what was written (static buffer). */
static const char *
render(enum out_format fmt, const char *note)
{
	static char buf[4096];
	FILE *fp = fmemopen(buf, sizeof(buf), "w");
	struct out *o;

	ck_assert_ptr_nonnull(fp);
	o = out_open(fp, fmt);
	out_columns(o, 3, names, types);
	out_str(o, "Ann");
	out_money(o, 123450);
	out_str(o, note);
	out_row_end(o);
	out_str(o, "Bob");
	out_empty(o);
	out_str(o, "");
	out_row_end(o);
	ck_assert_int_eq(out_close(o), 0);
	fclose(fp);
	return buf;
}

START_TEST(test_csv_quotes_only_when_needed)
{
	ck_assert_str_eq(render(OUT_CSV, "plain"),
	    "rep,amount,note\nAnn,1234.50,plain\nBob,,\n");
	ck_assert_str_eq(render(OUT_CSV, "a, \"b\"\nc"),
	    "rep,amount,note\nAnn,1234.50,\"a, \"\"b\"\"\nc\"\nBob,,\n");
}
END_TEST

START_TEST(test_csv_lone_empty_field_is_quoted)
{
	static char buf[256];
	static const char *const one[] = { "x" };
	FILE *fp = fmemopen(buf, sizeof(buf), "w");
	struct out *o = out_open(fp, OUT_CSV);

	out_columns(o, 1, one, NULL);
	out_empty(o);
	out_row_end(o);
	out_str(o, "y");
	out_row_end(o);
	out_close(o);
	fclose(fp);
	ck_assert_str_eq(buf, "x\n\"\"\ny\n");
}
END_TEST

START_TEST(test_tsv_escapes_tabs_and_newlines)
{
	ck_assert_str_eq(render(OUT_TSV, "a\tb\nc\\d"),
	    "rep\tamount\tnote\nAnn\t1234.50\ta\\tb\\nc\\\\d\nBob\t\t\n");
}
END_TEST

START_TEST(test_table_aligns_numbers_right)
{
	ck_assert_str_eq(render(OUT_TABLE, "é long note"),
	    "rep  amount   note\n"
	    "---  -------  -----------\n"
	    "Ann  1234.50  é long note\n"
	    "Bob\n");
}
END_TEST

START_TEST(test_markdown_escapes_pipes)
{
	ck_assert_str_eq(render(OUT_MARKDOWN, "a|b\nc"),
	    "| rep | amount | note |\n"
	    "| --- | ---: | --- |\n"
	    "| Ann | 1234.50 | a\\|b<br>c |\n"
	    "| Bob |  |  |\n");
}
END_TEST

START_TEST(test_ndjson_numbers_and_nulls)
{
	ck_assert_str_eq(render(OUT_NDJSON, "say \"hi\"\n"),
	    "{\"rep\":\"Ann\",\"amount\":1234.50,\"note\":\"say \\\"hi\\\"\\n\"}\n"
	    "{\"rep\":\"Bob\",\"amount\":null,\"note\":\"\"}\n");
}
END_TEST

START_TEST(test_ndjson_replaces_invalid_utf8)
{
	ck_assert_str_eq(render(OUT_NDJSON, "caf\xe9"),
	    "{\"rep\":\"Ann\",\"amount\":1234.50,\"note\":\"caf\\ufffd\"}\n"
	    "{\"rep\":\"Bob\",\"amount\":null,\"note\":\"\"}\n");
}
END_TEST

START_TEST(test_ndjson_makes_duplicate_keys_unique)
{
	static char buf[256];
	static const char *const dup[] = { "a", "a", "a_2" };
	FILE *fp = fmemopen(buf, sizeof(buf), "w");
	struct out *o = out_open(fp, OUT_NDJSON);

	out_columns(o, 3, dup, NULL);
	out_str(o, "1");
	out_str(o, "2");
	out_str(o, "3");
	out_row_end(o);
	out_close(o);
	fclose(fp);
	ck_assert_str_eq(buf, "{\"a\":\"1\",\"a_2\":\"2\",\"a_2_2\":\"3\"}\n");
}
END_TEST

/*
 * A name that collides with a key made earlier takes the next free
 * suffix, as if "_2", "_3", ... were tried from the start each time.
 */
START_TEST(test_ndjson_unique_keys_skip_taken_suffixes)
{
	static char buf[512];
	static const char *const dup[] = { "a", "a", "a_2", "a", "a_3", "",
	    "", "_2", "a" };
	FILE *fp = fmemopen(buf, sizeof(buf), "w");
	struct out *o = out_open(fp, OUT_NDJSON);
	size_t i;

	out_columns(o, 9, dup, NULL);
	for (i = 0; i < 9; i++)
		out_int(o, (int64_t)i);
	out_row_end(o);
	out_close(o);
	fclose(fp);
	ck_assert_str_eq(buf, "{\"a\":\"0\",\"a_2\":\"1\",\"a_2_2\":\"2\","
	    "\"a_3\":\"3\",\"a_3_2\":\"4\",\"\":\"5\",\"_2\":\"6\","
	    "\"_2_2\":\"7\",\"a_4\":\"8\"}\n");
}
END_TEST

START_TEST(test_values_are_formatted)
{
	static char buf[256];
	static const char *const cols[] = { "pct", "neg", "day", "none", "n" };
	FILE *fp = fmemopen(buf, sizeof(buf), "w");
	struct out *o = out_open(fp, OUT_CSV);

	out_columns(o, 5, cols, NULL);
	out_fixed(o, 875, 1);
	out_money(o, -5);
	out_date(o, date_from_ymd(2027, 2, 15));
	out_date(o, DATE_NONE);
	out_int(o, -42);
	out_row_end(o);
	out_close(o);
	fclose(fp);
	ck_assert_str_eq(buf, "pct,neg,day,none,n\n87.5,-0.05,2027-02-15,,-42\n");
}
END_TEST

START_TEST(test_write_error_is_reported)
{
	FILE *fp = fopen("/dev/full", "w");
	struct out *o;

	if (fp == NULL)
		return;		/* no /dev/full here: nothing to show */
	o = out_open(fp, OUT_CSV);
	out_columns(o, 3, names, types);
	ck_assert_int_eq(out_close(o), -1);
	fclose(fp);
}
END_TEST

START_TEST(test_format_names)
{
	enum out_format f;

	ck_assert_int_eq(out_format_parse("table", &f), 0);
	ck_assert_int_eq(f, OUT_TABLE);
	ck_assert_int_eq(out_format_parse("ndjson", &f), 0);
	ck_assert_int_eq(f, OUT_NDJSON);
	ck_assert_int_eq(out_format_parse("xml", &f), -1);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("output");
	TCase *tc = tcase_create("writer");

	ADD(tc, test_csv_quotes_only_when_needed);
	ADD(tc, test_csv_lone_empty_field_is_quoted);
	ADD(tc, test_tsv_escapes_tabs_and_newlines);
	ADD(tc, test_table_aligns_numbers_right);
	ADD(tc, test_markdown_escapes_pipes);
	ADD(tc, test_ndjson_numbers_and_nulls);
	ADD(tc, test_ndjson_replaces_invalid_utf8);
	ADD(tc, test_ndjson_makes_duplicate_keys_unique);
	ADD(tc, test_ndjson_unique_keys_skip_taken_suffixes);
	ADD(tc, test_values_are_formatted);
	ADD(tc, test_write_error_is_reported);
	ADD(tc, test_format_names);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
