/*
 * test_output: the one writer behind -o.
 */
#include <locale.h>

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

/* Two Latin-1 names that JSON shows alike still get two keys. */
START_TEST(test_ndjson_keys_unique_as_json_shows_them)
{
	static char buf[256];
	static const char *const latin1[] = { "Caf\xe9", "Caf\xe8" };
	FILE *fp = fmemopen(buf, sizeof(buf), "w");
	struct out *o = out_open(fp, OUT_NDJSON);

	out_columns(o, 2, latin1, NULL);
	out_str(o, "1");
	out_str(o, "2");
	out_row_end(o);
	out_close(o);
	fclose(fp);
	ck_assert_str_eq(buf, "{\"Caf\xef\xbf\xbd\":\"1\","
	    "\"Caf\xef\xbf\xbd_2\":\"2\"}\n");
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

/* --- what people read: grouping, widths, html --- */

static const char *const kinds[] = { "rep", "amount", "deals", "pct",
    "rank" };
static const enum out_type kind_types[] = { OT_TEXT, OT_AMOUNT, OT_COUNT,
    OT_PERCENT, OT_NUMBER };

/* One row of each kind of number, in fmt. */
static const char *
render_kinds(enum out_format fmt)
{
	static char buf[4096];
	FILE *fp = fmemopen(buf, sizeof(buf), "w");
	struct out *o = out_open(fp, fmt);

	out_columns(o, 5, kinds, kind_types);
	out_str(o, "Ann");
	out_money(o, -123456789);
	out_int(o, 12345);
	out_fixed(o, 12345, 1);
	out_int(o, 1234);
	out_row_end(o);
	ck_assert_int_eq(out_close(o), 0);
	fclose(fp);
	return buf;
}

START_TEST(test_table_groups_amounts_and_counts_only)
{
	ck_assert_str_eq(render_kinds(OUT_TABLE),
	    "rep  amount         deals   pct     rank\n"
	    "---  -------------  ------  ------  ----\n"
	    "Ann  -1,234,567.89  12,345  1234.5  1234\n");
}
END_TEST

START_TEST(test_markdown_groups_amounts_and_counts_only)
{
	ck_assert_str_eq(render_kinds(OUT_MARKDOWN),
	    "| rep | amount | deals | pct | rank |\n"
	    "| --- | ---: | ---: | ---: | ---: |\n"
	    "| Ann | -1,234,567.89 | 12,345 | 1234.5 | 1234 |\n");
}
END_TEST

START_TEST(test_csv_tsv_ndjson_never_group)
{
	ck_assert_str_eq(render_kinds(OUT_CSV),
	    "rep,amount,deals,pct,rank\nAnn,-1234567.89,12345,1234.5,1234\n");
	ck_assert_str_eq(render_kinds(OUT_TSV), "rep\tamount\tdeals\tpct\t"
	    "rank\nAnn\t-1234567.89\t12345\t1234.5\t1234\n");
	ck_assert_str_eq(render_kinds(OUT_NDJSON), "{\"rep\":\"Ann\","
	    "\"amount\":-1234567.89,\"deals\":12345,\"pct\":1234.5,"
	    "\"rank\":1234}\n");
}
END_TEST

START_TEST(test_html_groups_amounts)
{
	ck_assert_ptr_nonnull(strstr(render_kinds(OUT_HTML),
	    ">-1,234,567.89</td>"));
}
END_TEST

/* A two-column table (name, n) of the given names, with options. */
static const char *
render_names(const struct out_opts *opt, const char *const *rows, size_t n)
{
	static char buf[4096];
	static const char *const cols[] = { "name", "n" };
	static const enum out_type t[] = { OT_TEXT, OT_NUMBER };
	FILE *fp = fmemopen(buf, sizeof(buf), "w");
	struct out *o = out_open_opts(fp, opt);
	size_t i;

	out_columns(o, 2, cols, t);
	for (i = 0; i < n; i++) {
		out_str(o, rows[i]);
		out_int(o, (int64_t)(i + 1) * 11);
		out_row_end(o);
	}
	ck_assert_int_eq(out_close(o), 0);
	fclose(fp);
	return buf;
}

/*
 * render_names as a table with LC_CTYPE set to locale, as the tools set it
 * from the user's; the C locale is put back after.
 */
static const char *
table_under(const char *locale, size_t max_width, const char *const *rows,
    size_t n)
{
	struct out_opts opt = { .format = OUT_TABLE, .max_width = max_width };
	const char *buf;

	ck_assert_ptr_nonnull(setlocale(LC_CTYPE, locale));
	buf = render_names(&opt, rows, n);
	setlocale(LC_CTYPE, "C");
	return buf;
}

#define YAMADA "\xe5\xb1\xb1\xe7\x94\xb0"		/* 山田 */
#define TARO "\xe5\xa4\xaa\xe9\x83\x8e"			/* 太郎 */
#define HANA "\xe8\x8a\xb1"				/* 花 */
#define ELLIPSIS "\xe2\x80\xa6"				/* … */

START_TEST(test_table_width_counts_wide_characters_as_two_cells)
{
	static const char *const rows[] = { YAMADA, "Ann" };

	ck_assert_str_eq(table_under("C.UTF-8", 0, rows, 2),
	    "name  n\n"
	    "----  --\n"
	    YAMADA "  11\n"
	    "Ann   22\n");
}
END_TEST

START_TEST(test_table_width_counts_characters_under_the_c_locale)
{
	static const char *const rows[] = { YAMADA, "Ann" };

	ck_assert_str_eq(table_under("C", 0, rows, 2),
	    "name  n\n"
	    "----  --\n"
	    YAMADA "    11\n"
	    "Ann   22\n");
}
END_TEST

START_TEST(test_max_width_cuts_between_characters_with_an_ellipsis)
{
	/* 山田太郎 is 8 cells: 山 and "…" fit in 4, 山田 and "…" do not. */
	static const char *const rows[] = { YAMADA TARO, "abcdef", "abcd" };

	ck_assert_str_eq(table_under("C.UTF-8", 4, rows, 3),
	    "name  n\n"
	    "----  --\n"
	    "\xe5\xb1\xb1" ELLIPSIS "   11\n"
	    "abc" ELLIPSIS "  22\n"
	    "abcd  33\n");
}
END_TEST

START_TEST(test_max_width_cuts_with_dots_outside_utf8)
{
	static const char *const rows[] = { YAMADA TARO HANA };

	ck_assert_str_eq(table_under("C", 4, rows, 1),
	    "name  n\n"
	    "----  --\n"
	    "\xe5\xb1\xb1...  11\n");
}
END_TEST

START_TEST(test_max_width_never_cuts_numbers)
{
	struct out_opts opt = { .format = OUT_TABLE, .max_width = 3 };
	static char buf[256];
	static const char *const cols[] = { "amount" };
	static const enum out_type t[] = { OT_AMOUNT };
	FILE *fp = fmemopen(buf, sizeof(buf), "w");
	struct out *o = out_open_opts(fp, &opt);

	out_columns(o, 1, cols, t);
	out_money(o, 123456789);
	out_row_end(o);
	out_close(o);
	fclose(fp);
	ck_assert_str_eq(buf, "...\n------------\n1,234,567.89\n");
}
END_TEST

/* One html row: a text cell and a status cell. */
static const char *
render_html(const char *text, const char *status)
{
	static char buf[8192];
	static const char *const cols[] = { "deal", "status" };
	static const enum out_type t[] = { OT_TEXT, OT_STATUS };
	FILE *fp = fmemopen(buf, sizeof(buf), "w");
	struct out *o = out_open(fp, OUT_HTML);

	out_columns(o, 2, cols, t);
	out_str(o, text);
	out_str(o, status);
	out_row_end(o);
	ck_assert_int_eq(out_close(o), 0);
	fclose(fp);
	return buf;
}

START_TEST(test_html_escapes_markup_ampersands_and_quotes)
{
	const char *h = render_html("<script>alert('x') & \"y\"</script>",
	    "met");

	ck_assert_ptr_nonnull(strstr(h, ">&lt;script&gt;alert(&#39;x&#39;) "
	    "&amp; &quot;y&quot;&lt;/script&gt;</td>"));
	ck_assert_ptr_null(strstr(h, "<script"));
}
END_TEST

START_TEST(test_html_replaces_control_bytes_and_bad_utf8)
{
	const char *h = render_html("a\x01" "b\xe9" "c\nd\r", "");

	ck_assert_ptr_nonnull(strstr(h, ">a\xef\xbf\xbd" "b\xef\xbf\xbd"
	    "c<br>d</td>"));
}
END_TEST

START_TEST(test_html_is_one_table_with_inline_styles_only)
{
	const char *h = render_html("x", "behind"), *p;
	size_t tds = 0;

	ck_assert_int_eq(strncmp(h, "<table ", 7), 0);
	ck_assert_str_eq(h + strlen(h) - 9, "</table>\n");
	ck_assert_ptr_null(strstr(h, "<style"));
	ck_assert_ptr_null(strstr(h, "<svg"));
	ck_assert_ptr_null(strstr(h, "<img"));
	ck_assert_ptr_null(strstr(h, "class="));
	for (p = h; (p = strstr(p, "<td")) != NULL; p++) {
		ck_assert_int_eq(strncmp(p, "<td style=\"", 11), 0);
		tds++;
	}
	ck_assert_uint_eq(tds, 2);
}
END_TEST

START_TEST(test_html_status_is_a_word_on_a_colour)
{
	ck_assert_ptr_nonnull(strstr(render_html("x", "at-risk"),
	    "<span style=\"background-color:#ffebe9;color:#a40e26;"));
	ck_assert_ptr_nonnull(strstr(render_html("x", "at-risk"),
	    ">at-risk</span>"));
	ck_assert_ptr_nonnull(strstr(render_html("x", "met"),
	    "background-color:#dafbe1"));
	/* A word the writer does not know still gets a background. */
	ck_assert_ptr_nonnull(strstr(render_html("x", "<odd>"),
	    "background-color:#eaeef2;color:#424a53;padding:1px 6px;"
	    "border-radius:3px;white-space:nowrap\">&lt;odd&gt;</span>"));
}
END_TEST

/* One attainment cell through out_pct_bar, in fmt. */
static const char *
render_bar(enum out_format fmt, int64_t v, int64_t tick)
{
	static char buf[4096];
	static const char *const cols[] = { "attainment_pct" };
	static const enum out_type t[] = { OT_PERCENT };
	FILE *fp = fmemopen(buf, sizeof(buf), "w");
	struct out *o = out_open(fp, fmt);

	out_columns(o, 1, cols, t);
	out_pct_bar(o, v, 1, tick);
	out_row_end(o);
	ck_assert_int_eq(out_close(o), 0);
	fclose(fp);
	return buf;
}

START_TEST(test_pct_bar_writes_what_out_fixed_writes)
{
	ck_assert_str_eq(render_bar(OUT_CSV, 875, 500),
	    "attainment_pct\n87.5\n");
	ck_assert_str_eq(render_bar(OUT_NDJSON, 875, 500),
	    "{\"attainment_pct\":87.5}\n");
}
END_TEST

/* The px widths and colours of a bar's cells, as "50:#bf8700 25:..." */
static const char *
segments(const char *h)
{
	static char seg[512];
	const char *p = h;
	int w;
	char colour[8];

	seg[0] = '\0';
	while ((p = strstr(p, "<td style=\"width:")) != NULL) {
		ck_assert_int_eq(sscanf(p, "<td style=\"width:%dpx;height:6px;"
		    "padding:0;background-color:%7[#0-9a-f]", &w, colour), 2);
		snprintf(seg + strlen(seg), sizeof(seg) - strlen(seg),
		    "%s%d:%s", seg[0] ? " " : "", w, colour);
		p++;
	}
	return seg;
}

START_TEST(test_html_bar_fills_to_the_value_with_a_tick)
{
	/* 50% against 75% expected: amber, short of the tick. */
	ck_assert_str_eq(segments(render_bar(OUT_HTML, 500, 750)),
	    "40:#bf8700 20:#d0d7de 2:#1f2328 18:#d0d7de");
	/* 80% against 40%: green, past the tick. */
	ck_assert_str_eq(segments(render_bar(OUT_HTML, 800, 400)),
	    "32:#2da44e 2:#1f2328 30:#2da44e 16:#d0d7de");
	/* Beyond 100% the bar is full; the tick stays inside it. */
	ck_assert_str_eq(segments(render_bar(OUT_HTML, 1500, 1000)),
	    "78:#2da44e 2:#1f2328");
	ck_assert_str_eq(segments(render_bar(OUT_HTML, 300, OUT_NO_TICK)),
	    "24:#0969da 56:#d0d7de");
	ck_assert_ptr_nonnull(strstr(render_bar(OUT_HTML, 875, 500),
	    "87.5<table"));
}
END_TEST

START_TEST(test_html_header_shows_underscores_as_spaces)
{
	/* So that attainment_pct can wrap in a narrow column. */
	ck_assert_ptr_nonnull(strstr(render_bar(OUT_HTML, 875, 500),
	    ">attainment pct</th>"));
}
END_TEST

START_TEST(test_html_risk_has_a_small_bar)
{
	static char buf[4096];
	static const char *const cols[] = { "risk" };
	static const enum out_type t[] = { OT_RISK };
	FILE *fp = fmemopen(buf, sizeof(buf), "w");
	struct out *o = out_open(fp, OUT_HTML);

	out_columns(o, 1, cols, t);
	out_int(o, 75);
	out_row_end(o);
	out_close(o);
	fclose(fp);
	ck_assert_str_eq(segments(buf), "30:#cf222e 10:#d0d7de");
}
END_TEST

/* --- the view through the writer --- */

/* Four deals in fmt through the view opt: rep, amount, pct with a bar. */
static const char *
render_view(struct out_opts *opt)
{
	static char buf[16384];
	static const char *const cols[] = { "rep", "amount", "pct" };
	static const enum out_type t[] = { OT_TEXT, OT_AMOUNT, OT_PERCENT };
	static const char *const reps[] = { "Ann", "Bob", "Cy", "Di" };
	static const int64_t amounts[] = { 500, 90000, 500, 12000 };
	FILE *fp = fmemopen(buf, sizeof(buf), "w");
	struct out *o = out_open_opts(fp, opt);
	size_t i;

	out_columns(o, 3, cols, t);
	for (i = 0; i < 4; i++) {
		out_str(o, reps[i]);
		out_money(o, amounts[i]);
		out_pct_bar(o, (int64_t)(i + 1) * 100, 1, OUT_NO_TICK);
		out_row_end(o);
	}
	ck_assert_int_eq(out_close(o), 0);
	fclose(fp);
	return buf;
}

START_TEST(test_fields_sort_top_choose_rows_and_columns)
{
	struct out_opts opt = { .format = OUT_CSV, .view = { .fields =
	    "amount,rep", .sort = "amount", .desc = true, .top = 3 } };

	ck_assert_str_eq(render_view(&opt),
	    "amount,rep\n900.00,Bob\n120.00,Di\n5.00,Ann\n");
}
END_TEST

START_TEST(test_sort_by_a_column_not_shown)
{
	struct out_opts opt = { .format = OUT_CSV, .view = { .fields = "rep",
	    .sort = "pct", .desc = true } };

	ck_assert_str_eq(render_view(&opt), "rep\nDi\nCy\nBob\nAnn\n");
}
END_TEST

START_TEST(test_bars_stay_with_their_rows_through_a_sort)
{
	struct out_opts opt = { .format = OUT_HTML, .view = { .fields =
	    "pct,rep", .sort = "rep", .desc = true } };
	const char *h = render_view(&opt);

	/* Di (40%), Cy, Bob, Ann (10%): each bar after its own number. */
	ck_assert_ptr_nonnull(strstr(h, ">40.0<table"));
	ck_assert_str_eq(segments(h), "32:#0969da 48:#d0d7de "
	    "24:#0969da 56:#d0d7de 16:#0969da 64:#d0d7de 8:#0969da "
	    "72:#d0d7de");
}
END_TEST

START_TEST(test_unknown_field_is_a_usage_error)
{
	struct out_opts opt = { .format = OUT_CSV, .view = { .fields =
	    "rep,owner" } };

	render_view(&opt);
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
	ADD(tc, test_ndjson_keys_unique_as_json_shows_them);
	ADD(tc, test_values_are_formatted);
	ADD(tc, test_write_error_is_reported);
	ADD(tc, test_format_names);
	suite_add_tcase(s, tc);
	tc = tcase_create("readable");
	ADD(tc, test_table_groups_amounts_and_counts_only);
	ADD(tc, test_markdown_groups_amounts_and_counts_only);
	ADD(tc, test_csv_tsv_ndjson_never_group);
	ADD(tc, test_html_groups_amounts);
	ADD(tc, test_table_width_counts_wide_characters_as_two_cells);
	ADD(tc, test_table_width_counts_characters_under_the_c_locale);
	ADD(tc, test_max_width_cuts_between_characters_with_an_ellipsis);
	ADD(tc, test_max_width_cuts_with_dots_outside_utf8);
	ADD(tc, test_max_width_never_cuts_numbers);
	ADD(tc, test_html_escapes_markup_ampersands_and_quotes);
	ADD(tc, test_html_replaces_control_bytes_and_bad_utf8);
	ADD(tc, test_html_is_one_table_with_inline_styles_only);
	ADD(tc, test_html_status_is_a_word_on_a_colour);
	ADD(tc, test_pct_bar_writes_what_out_fixed_writes);
	ADD(tc, test_html_bar_fills_to_the_value_with_a_tick);
	ADD(tc, test_html_header_shows_underscores_as_spaces);
	ADD(tc, test_html_risk_has_a_small_bar);
	suite_add_tcase(s, tc);
	tc = tcase_create("view");
	ADD(tc, test_fields_sort_top_choose_rows_and_columns);
	ADD(tc, test_sort_by_a_column_not_shown);
	ADD(tc, test_bars_stay_with_their_rows_through_a_sort);
	tcase_add_exit_test(tc, test_unknown_field_is_a_usage_error, 2);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
