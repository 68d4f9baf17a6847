/*
 * test_csvio: the streaming reader over libcsv.
 */
#include <csv.h>

#include "csvio.h"
#include "diag.h"
#include "unit.h"

/* Reads the header and all rows of s; returns the reader for checks. */
struct result {
	size_t nrows;
	long lines[16];
	char first[16][64];	/* first field of each row */
	size_t nfields[16];
	int bad;
};

static void
read_all(const char *s, int delim, struct result *res)
{
	FILE *fp = string_stream(s);
	struct csv_reader *r = csvr_open(fp, "t.csv", delim);
	const struct csv_row *hdr, *row;
	int rc;

	memset(res, 0, sizeof(*res));
	diag_reset();
	ck_assert_int_eq(csvr_header(r, &hdr), 0);
	while ((rc = csvr_next(r, &row)) != 0) {
		if (rc < 0) {
			res->bad++;
			continue;
		}
		ck_assert_uint_lt(res->nrows, 16);
		res->lines[res->nrows] = row->line;
		res->nfields[res->nrows] = row->n;
		snprintf(res->first[res->nrows], 64, "%s", row->f[0]);
		res->nrows++;
	}
	csvr_close(r);
	fclose(fp);
}

START_TEST(test_rows_carry_their_line_numbers)
{
	struct result res;

	read_all("a,b\n1,2\n3,4\n", ',', &res);
	ck_assert_uint_eq(res.nrows, 2);
	ck_assert_int_eq(res.lines[0], 2);
	ck_assert_int_eq(res.lines[1], 3);
	ck_assert_str_eq(res.first[1], "3");
}
END_TEST

START_TEST(test_crlf_line_ends)
{
	struct result res;

	read_all("a,b\r\n1,2\r\n3,4\r\n", ',', &res);
	ck_assert_uint_eq(res.nrows, 2);
	ck_assert_int_eq(res.lines[1], 3);
	ck_assert_uint_eq(res.nfields[1], 2);
}
END_TEST

START_TEST(test_lone_cr_line_ends)
{
	struct result res;

	read_all("a,b\r1,2\r3,4", ',', &res);
	ck_assert_uint_eq(res.nrows, 2);
	ck_assert_int_eq(res.lines[0], 2);
	ck_assert_int_eq(res.lines[1], 3);
}
END_TEST

START_TEST(test_quoted_newline_counts_lines)
{
	struct result res;

	read_all("a,b\n\"x\ny\",2\n3,4\n", ',', &res);
	ck_assert_uint_eq(res.nrows, 2);
	ck_assert_int_eq(res.lines[0], 2);
	ck_assert_str_eq(res.first[0], "x\ny");
	ck_assert_int_eq(res.lines[1], 4);
}
END_TEST

START_TEST(test_row_starting_with_multiline_quote_gets_first_line)
{
	struct result res;

	read_all("a\n\"one\ntwo\nthree\"\nz\n", ',', &res);
	ck_assert_uint_eq(res.nrows, 2);
	ck_assert_int_eq(res.lines[0], 2);
	ck_assert_int_eq(res.lines[1], 5);
}
END_TEST

START_TEST(test_blank_lines_are_skipped_but_counted)
{
	struct result res;

	read_all("a,b\n\n1,2\n\n\n3,4\n", ',', &res);
	ck_assert_uint_eq(res.nrows, 2);
	ck_assert_int_eq(res.lines[0], 3);
	ck_assert_int_eq(res.lines[1], 6);
}
END_TEST

START_TEST(test_bom_is_dropped_from_header)
{
	FILE *fp = string_stream("\xef\xbb\xbf" "Amount,b\n1,2\n");
	struct csv_reader *r = csvr_open(fp, "t.csv", ',');
	const struct csv_row *hdr;

	ck_assert_int_eq(csvr_header(r, &hdr), 0);
	ck_assert_str_eq(hdr->f[0], "Amount");
	ck_assert_uint_eq(hdr->len[0], 6);
	csvr_close(r);
	fclose(fp);
}
END_TEST

START_TEST(test_doubled_quotes_and_delimiters_in_quotes)
{
	FILE *fp = string_stream("a,b\n\"say \"\"hi\"\", ok\",2\n");
	struct csv_reader *r = csvr_open(fp, "t.csv", ',');
	const struct csv_row *hdr, *row;

	ck_assert_int_eq(csvr_header(r, &hdr), 0);
	ck_assert_int_eq(csvr_next(r, &row), 1);
	ck_assert_str_eq(row->f[0], "say \"hi\", ok");
	csvr_close(r);
	fclose(fp);
}
END_TEST

START_TEST(test_spaces_are_kept_byte_exact)
{
	FILE *fp = string_stream("a\tb\n  x \t\ty\t\n");
	struct csv_reader *r = csvr_open(fp, "t.tsv", '\t');
	const struct csv_row *hdr, *row;

	ck_assert_int_eq(csvr_header(r, &hdr), 0);
	ck_assert_int_eq(csvr_next(r, &row), -1);	/* three fields */
	csvr_close(r);
	fclose(fp);

	fp = string_stream("a\tb\n  x \t y\n");
	r = csvr_open(fp, "t.tsv", '\t');
	ck_assert_int_eq(csvr_header(r, &hdr), 0);
	ck_assert_int_eq(csvr_next(r, &row), 1);
	ck_assert_str_eq(row->f[0], "  x ");
	ck_assert_str_eq(row->f[1], " y");
	csvr_close(r);
	fclose(fp);
}
END_TEST

START_TEST(test_semicolon_delimiter)
{
	struct result res;

	read_all("a;b\n1,5;2\n", ';', &res);
	ck_assert_uint_eq(res.nrows, 1);
	ck_assert_str_eq(res.first[0], "1,5");
}
END_TEST

START_TEST(test_auto_delimiter_sniffs_header)
{
	FILE *fp = string_stream("a;b;\"c,d\"\n1;2;3\n");
	struct csv_reader *r = csvr_open(fp, "t.csv", CSV_DELIM_AUTO);
	const struct csv_row *hdr;

	ck_assert_int_eq(csvr_header(r, &hdr), 0);
	ck_assert_int_eq(csvr_delim(r), ';');
	ck_assert_uint_eq(hdr->n, 3);
	csvr_close(r);
	fclose(fp);

	fp = string_stream("a\tb\n");
	r = csvr_open(fp, "t.csv", CSV_DELIM_AUTO);
	ck_assert_int_eq(csvr_header(r, &hdr), 0);
	ck_assert_int_eq(csvr_delim(r), '\t');
	csvr_close(r);
	fclose(fp);

	fp = string_stream("single\n");
	r = csvr_open(fp, "t.csv", CSV_DELIM_AUTO);
	ck_assert_int_eq(csvr_header(r, &hdr), 0);
	ck_assert_int_eq(csvr_delim(r), ',');
	csvr_close(r);
	fclose(fp);
}
END_TEST

START_TEST(test_ragged_row_is_rejected_and_reading_goes_on)
{
	struct result res;
	char err[512];

	capture_begin();
	read_all("a,b\n1,2,3\n4,5\n6\n", ',', &res);
	capture_end(err, sizeof(err));
	ck_assert_uint_eq(res.nrows, 1);
	ck_assert_int_eq(res.bad, 2);
	ck_assert_int_eq(res.lines[0], 3);
	ck_assert_int_eq(diag_rejected(), 2);
	ck_assert_int_eq(diag_rows(), 3);
	ck_assert_ptr_nonnull(strstr(err, "t.csv:2: 3 fields, expected 2"));
	ck_assert_ptr_nonnull(strstr(err, "t.csv:4: 1 field, expected 2"));
}
END_TEST

START_TEST(test_unterminated_quote_names_its_line)
{
	struct result res;
	char err[512];

	capture_begin();
	read_all("a,b\n1,2\n3,\"oops\n4,5\n6,7\n", ',', &res);
	capture_end(err, sizeof(err));
	ck_assert_uint_eq(res.nrows, 1);
	ck_assert_int_eq(res.bad, 1);
	ck_assert_ptr_nonnull(strstr(err, "t.csv:3: unterminated quoted "
	    "field: lines 3 to 5"));
}
END_TEST

START_TEST(test_bad_quote_skips_only_its_line)
{
	struct result res;
	char err[512];

	capture_begin();
	read_all("a,b\n1,\"2\"x\n3,4\n", ',', &res);
	capture_end(err, sizeof(err));
	ck_assert_uint_eq(res.nrows, 1);
	ck_assert_int_eq(res.lines[0], 3);
	ck_assert_str_eq(res.first[0], "3");
	ck_assert_ptr_nonnull(strstr(err, "t.csv:2: bad quoting"));
}
END_TEST

START_TEST(test_empty_input_has_no_header)
{
	FILE *fp = string_stream("");
	struct csv_reader *r = csvr_open(fp, "t.csv", ',');
	const struct csv_row *hdr;
	char err[256];

	capture_begin();
	ck_assert_int_eq(csvr_header(r, &hdr), -1);
	capture_end(err, sizeof(err));
	ck_assert_ptr_nonnull(strstr(err, "t.csv: empty input"));
	csvr_close(r);
	fclose(fp);
}
END_TEST

START_TEST(test_header_only_has_no_rows)
{
	struct result res;

	read_all("a,b\n", ',', &res);
	ck_assert_uint_eq(res.nrows, 0);
	ck_assert_int_eq(res.bad, 0);
}
END_TEST

START_TEST(test_last_row_without_newline)
{
	struct result res;

	read_all("a,b\n1,2\n3,4", ',', &res);
	ck_assert_uint_eq(res.nrows, 2);
	ck_assert_int_eq(res.lines[1], 3);
}
END_TEST

START_TEST(test_nul_bytes_pass_through)
{
	static const char data[] = "a,b\nx\0y,2\n";
	FILE *fp = fmemopen((void *)data, sizeof(data) - 1, "r");
	struct csv_reader *r = csvr_open(fp, "t.csv", ',');
	const struct csv_row *hdr, *row;

	ck_assert_int_eq(csvr_header(r, &hdr), 0);
	ck_assert_int_eq(csvr_next(r, &row), 1);
	ck_assert_uint_eq(row->len[0], 3);
	ck_assert_int_eq(memcmp(row->f[0], "x\0y", 3), 0);
	csvr_close(r);
	fclose(fp);
}
END_TEST

START_TEST(test_long_field_across_chunks)
{
	size_t n = 3 * 1024 * 1024;
	char *data = malloc(n + 64);
	FILE *fp;
	struct csv_reader *r;
	const struct csv_row *hdr, *row;

	ck_assert_ptr_nonnull(data);
	strcpy(data, "a,b\n\"");
	memset(data + 5, 'x', n);
	strcpy(data + 5 + n, "\",2\nz,3\n");
	fp = fmemopen(data, strlen(data), "r");
	r = csvr_open(fp, "t.csv", ',');
	ck_assert_int_eq(csvr_header(r, &hdr), 0);
	ck_assert_int_eq(csvr_next(r, &row), 1);
	ck_assert_uint_eq(row->len[0], n);
	ck_assert_int_eq(csvr_next(r, &row), 1);
	ck_assert_str_eq(row->f[0], "z");
	ck_assert_int_eq(row->line, 3);
	csvr_close(r);
	fclose(fp);
	free(data);
}
END_TEST

/*
 * The input is read 256 KB at a time.  A badly quoted line that goes on
 * past the end of a chunk is skipped to its real end: the rest of it,
 * in the next chunk, is not a row of its own.
 */
START_TEST(test_bad_quote_line_across_chunks_is_one_bad_row)
{
	size_t chunk = 256 * 1024, n;
	char *data = malloc(chunk + 64);
	FILE *fp;
	struct csv_reader *r;
	const struct csv_row *hdr, *row;

	ck_assert_ptr_nonnull(data);
	/* Line 2 fills the first chunk up to the bad line 3, x"y,1. */
	strcpy(data, "a,b\n");
	n = chunk - strlen(data) - 3;
	memset(data + 4, 'p', n - 3);
	strcpy(data + 4 + n - 3, ",1\n");
	ck_assert_uint_eq(strlen(data), chunk - 3);
	strcat(data, "x\"y,1\nz,2\n");
	fp = fmemopen(data, strlen(data), "r");
	r = csvr_open(fp, "t.csv", ',');
	diag_reset();
	capture_begin();
	ck_assert_int_eq(csvr_header(r, &hdr), 0);
	ck_assert_int_eq(csvr_next(r, &row), 1);
	ck_assert_int_eq(csvr_next(r, &row), -1);
	ck_assert_int_eq(csvr_next(r, &row), 1);
	ck_assert_str_eq(row->f[0], "z");
	ck_assert_int_eq(row->line, 4);
	ck_assert_int_eq(csvr_next(r, &row), 0);
	capture_end(data, 64);
	ck_assert_int_eq(diag_rows(), 3);
	ck_assert_int_eq(diag_rejected(), 1);
	csvr_close(r);
	fclose(fp);
	free(data);
}
END_TEST

START_TEST(test_utf16_input_is_refused)
{
	FILE *fp = string_stream("\xff\xfe" "a\0,\0b\0");
	struct csv_reader *r = csvr_open(fp, "t.csv", ',');
	const struct csv_row *hdr;

	csvr_header(r, &hdr);
}
END_TEST

START_TEST(test_utf16_without_bom_is_refused)
{
	static const char text[] = "a\0,\0b\0\n\0001\0,\0002\0\n\0";
	FILE *fp = fmemopen((void *)text, sizeof(text) - 1, "r");
	struct csv_reader *r = csvr_open(fp, "t.csv", ',');
	const struct csv_row *hdr;
	char err[256];

	capture_begin();
	ck_assert_int_eq(csvr_header(r, &hdr), -1);
	capture_end(err, sizeof(err));
	ck_assert_ptr_nonnull(strstr(err, "t.csv: input looks like UTF-16 "
	    "(NUL bytes in the header); convert it to UTF-8 first "
	    "(iconv -f UTF-16LE -t UTF-8)"));
	csvr_close(r);
	fclose(fp);
}
END_TEST

START_TEST(test_delimiter_names)
{
	ck_assert_int_eq(csv_delim_parse(","), ',');
	ck_assert_int_eq(csv_delim_parse("tab"), '\t');
	ck_assert_int_eq(csv_delim_parse("semicolon"), ';');
	ck_assert_int_eq(csv_delim_parse("|"), '|');
	ck_assert_int_eq(csv_delim_parse("auto"), CSV_DELIM_AUTO);
	ck_assert_int_eq(csv_delim_parse("\""), -1);
	ck_assert_int_eq(csv_delim_parse("ab"), -1);
	ck_assert_int_eq(csv_delim_parse(""), -1);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("csvio");
	TCase *tc = tcase_create("reader");

	ADD(tc, test_rows_carry_their_line_numbers);
	ADD(tc, test_crlf_line_ends);
	ADD(tc, test_lone_cr_line_ends);
	ADD(tc, test_quoted_newline_counts_lines);
	ADD(tc, test_row_starting_with_multiline_quote_gets_first_line);
	ADD(tc, test_blank_lines_are_skipped_but_counted);
	ADD(tc, test_bom_is_dropped_from_header);
	ADD(tc, test_doubled_quotes_and_delimiters_in_quotes);
	ADD(tc, test_spaces_are_kept_byte_exact);
	ADD(tc, test_semicolon_delimiter);
	ADD(tc, test_auto_delimiter_sniffs_header);
	ADD(tc, test_ragged_row_is_rejected_and_reading_goes_on);
	ADD(tc, test_unterminated_quote_names_its_line);
	ADD(tc, test_bad_quote_skips_only_its_line);
	ADD(tc, test_empty_input_has_no_header);
	ADD(tc, test_header_only_has_no_rows);
	ADD(tc, test_last_row_without_newline);
	ADD(tc, test_nul_bytes_pass_through);
	ADD(tc, test_long_field_across_chunks);
	ADD(tc, test_bad_quote_line_across_chunks_is_one_bad_row);
	tcase_add_exit_test(tc, test_utf16_input_is_refused, EXIT_USAGE);
	ADD(tc, test_utf16_without_bom_is_refused);
	ADD(tc, test_delimiter_names);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
