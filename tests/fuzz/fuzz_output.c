/*
 * fuzz_output: the -o writer (output.c) on any field bytes.
 *
 * Input: two control bytes (format, number of columns, which columns are
 * numbers, whether rows go through out_fields), then rows separated by
 * 0x1e with fields separated by 0x1f; the first row names the columns.
 * Properties: CSV reads back through csvio as the same fields byte for
 * byte; TSV unescapes to the same fields; every NDJSON line is one valid
 * JSON object of valid UTF-8 with a key per column; Markdown and table
 * output have one line per row plus the header lines.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fuzz.h"
#include "output.h"

#define MAXCOLS 6
#define MAXROWS 64

struct table {
	size_t ncols, nrows;		/* nrows includes the header */
	const char *f[MAXROWS][MAXCOLS];
	size_t len[MAXROWS][MAXCOLS];
	char *names[MAXCOLS];		/* NUL-terminated copies */
};

static void
split(const uint8_t *data, size_t size, size_t ncols, struct table *t)
{
	size_t i = 0, r = 0;

	memset(t, 0, sizeof(*t));
	t->ncols = ncols;
	while (r < MAXROWS) {
		for (size_t c = 0; c < ncols; c++) {
			size_t start = i;
			while (i < size && data[i] != 0x1e && data[i] != 0x1f)
				i++;
			t->f[r][c] = (const char *)data + start;
			t->len[r][c] = i - start;
			if (i < size && data[i] == 0x1f)
				i++;
		}
		r++;
		while (i < size && data[i] != 0x1e)
			i++;		/* fields beyond ncols */
		if (i >= size)
			break;
		i++;
	}
	t->nrows = r;
	for (size_t c = 0; c < ncols; c++) {
		t->names[c] = malloc(t->len[0][c] + 1);
		memcpy(t->names[c], t->f[0][c], t->len[0][c]);
		t->names[c][t->len[0][c]] = '\0';
		t->len[0][c] = strlen(t->names[c]);
		t->f[0][c] = t->names[c];
	}
}

static void
check_csv(const char *out, size_t len, const struct table *t)
{
	FILE *fp = fuzz_memfile((const uint8_t *)out, len);
	struct csv_reader *rd = csvr_open(fp, "out", ',');
	const struct csv_row *row;
	size_t r = 0;

	diag_reset();
	FUZZ_CHECK(csvr_header(rd, &row) == 0, "header does not read back");
	do {
		FUZZ_CHECK(r < t->nrows, "more rows read than written");
		FUZZ_CHECK(row->n == t->ncols, "row %zu: %zu fields", r,
		    row->n);
		for (size_t c = 0; c < t->ncols; c++)
			FUZZ_CHECK(row->len[c] == t->len[r][c] &&
			    memcmp(row->f[c], t->f[r][c], t->len[r][c]) == 0,
			    "row %zu field %zu differs", r, c);
		r++;
	} while (csvr_next(rd, &row) == 1);
	FUZZ_CHECK(r == t->nrows && diag_rejected() == 0,
	    "%zu of %zu rows read back", r, t->nrows);
	csvr_close(rd);
	fclose(fp);
}

static void
check_tsv(const char *out, size_t len, const struct table *t)
{
	size_t i = 0;

	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			char *v = malloc(t->len[r][c] + 1);
			size_t n = 0;
			for (; i < len && out[i] != '\t' && out[i] != '\n'; i++) {
				char ch = out[i];
				if (ch == '\\' && i + 1 < len) {
					ch = out[++i];
					ch = ch == 't' ? '\t' : ch == 'n' ? '\n' :
					    ch == 'r' ? '\r' : ch;
				}
				FUZZ_CHECK(n < t->len[r][c] + 1, "field too long");
				v[n++] = ch;
			}
			FUZZ_CHECK(n == t->len[r][c] &&
			    memcmp(v, t->f[r][c], n) == 0, "tsv row %zu field "
			    "%zu", r, c);
			FUZZ_CHECK(i < len && out[i] == (c + 1 < t->ncols ?
			    '\t' : '\n'), "tsv separator");
			i++;
			free(v);
		}
	FUZZ_CHECK(i == len, "tsv trailing bytes");
}

/* Length of a valid UTF-8 sequence at s, 0 if invalid. */
static size_t
utf8_ok(const unsigned char *s, size_t n)
{
	size_t need = s[0] < 0x80 ? 1 : s[0] >= 0xc2 && s[0] <= 0xdf ? 2 :
	    s[0] >= 0xe0 && s[0] <= 0xef ? 3 : s[0] >= 0xf0 && s[0] <= 0xf4 ?
	    4 : 0;
	unsigned cp = need == 2 ? s[0] & 0x1f : need == 3 ? s[0] & 0x0f :
	    s[0] & 0x07;

	if (need <= 1 || n < need)
		return need == 1 ? 1 : 0;
	for (size_t k = 1; k < need; k++) {
		if ((s[k] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[k] & 0x3f);
	}
	if ((need == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (need == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return need;
}

static size_t
json_string(const unsigned char *s, size_t n, size_t i)
{
	FUZZ_CHECK(i < n && s[i] == '"', "json: string expected");
	for (i++; i < n && s[i] != '"';) {
		if (s[i] == '\\') {
			FUZZ_CHECK(i + 1 < n && strchr("\"\\/bfnrtu", s[i + 1]),
			    "json: bad escape");
			if (s[i + 1] == 'u') {
				for (int k = 2; k < 6; k++)
					FUZZ_CHECK(i + k < n && strchr(
					    "0123456789abcdefABCDEF", s[i + k]),
					    "json: bad \\u");
				i += 6;
			} else
				i += 2;
			continue;
		}
		FUZZ_CHECK(s[i] >= 0x20 && s[i] != 0x7f,
		    "json: raw control byte");
		size_t k = utf8_ok(s + i, n - i);
		FUZZ_CHECK(k > 0, "json: invalid UTF-8");
		i += k;
	}
	FUZZ_CHECK(i < n, "json: unterminated string");
	return i + 1;
}

static size_t
json_value(const unsigned char *s, size_t n, size_t i)
{
	if (i < n && s[i] == '"')
		return json_string(s, n, i);
	if (n - i >= 4 && memcmp(s + i, "null", 4) == 0)
		return i + 4;
	size_t start = i;
	if (i < n && s[i] == '-')
		i++;
	FUZZ_CHECK(i < n && s[i] >= '0' && s[i] <= '9', "json: bad value");
	if (s[i] == '0')
		i++;
	else
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
	if (i < n && s[i] == '.') {
		FUZZ_CHECK(++i < n && s[i] >= '0' && s[i] <= '9',
		    "json: bad fraction");
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
	}
	FUZZ_CHECK(i > start, "json: empty number");
	return i;
}

static void
check_ndjson(const char *out, size_t len, const struct table *t)
{
	const unsigned char *s = (const unsigned char *)out;
	size_t i = 0;

	for (size_t r = 1; r < t->nrows; r++) {
		FUZZ_CHECK(i < len && s[i] == '{', "json: object expected");
		i++;
		for (size_t c = 0; c < t->ncols; c++) {
			i = json_string(s, len, i);
			FUZZ_CHECK(i < len && s[i] == ':', "json: colon");
			i = json_value(s, len, i + 1);
			FUZZ_CHECK(i < len && s[i] == (c + 1 < t->ncols ? ',' :
			    '}'), "json: separator");
			i++;
		}
		FUZZ_CHECK(i < len && s[i] == '\n', "json: line end");
		i++;
	}
	FUZZ_CHECK(i == len, "json: trailing bytes");
}

static size_t
lines(const char *out, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += out[i] == '\n';
	FUZZ_CHECK(len == 0 || out[len - 1] == '\n', "last line unended");
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t c0 = fuzz_byte(&data, &size), c1 = fuzz_byte(&data, &size);
	enum out_format fmt = (enum out_format)(c0 % 5);
	size_t ncols = 1 + (c0 >> 3) % MAXCOLS;
	static int idx[MAXCOLS] = { 0, 1, 2, 3, 4, 5 };
	enum out_type types[MAXCOLS];
	struct table t;
	struct out *o;
	char *out;
	size_t len;
	FILE *fp;

	split(data, size, ncols, &t);
	for (size_t c = 0; c < ncols; c++)
		types[c] = (c1 >> c) & 1 ? OT_NUMBER : OT_TEXT;
	fp = open_memstream(&out, &len);
	o = out_open(fp, fmt);
	out_columns(o, ncols, (const char *const *)t.names, types);
	for (size_t r = 1; r < t.nrows; r++) {
		if ((c1 & 0x80) && fmt == OUT_CSV)
			out_fields(o, (char *const *)t.f[r], t.len[r], idx,
			    ncols);
		else
			for (size_t c = 0; c < ncols; c++)
				out_field(o, t.f[r][c], t.len[r][c]);
		out_row_end(o);
	}
	FUZZ_CHECK(out_close(o) == 0, "out_close");
	fclose(fp);
	switch (fmt) {
	case OUT_CSV:
		/*
		 * A first header that starts like a byte-order mark does
		 * not read back as itself: csvio drops a UTF-8 one and
		 * refuses UTF-16.  (Header names are the input's own.)
		 */
		if (!(len >= 2 && (memcmp(out, "\xff\xfe", 2) == 0 ||
		    memcmp(out, "\xfe\xff", 2) == 0 ||
		    (len >= 3 && memcmp(out, "\xef\xbb\xbf", 3) == 0))))
			check_csv(out, len, &t);
		break;
	case OUT_TSV:
		check_tsv(out, len, &t);
		break;
	case OUT_NDJSON:
		check_ndjson(out, len, &t);
		break;
	case OUT_MARKDOWN:
	case OUT_TABLE:
		FUZZ_CHECK(lines(out, len) == t.nrows + 1, "%zu lines for %zu "
		    "rows", lines(out, len), t.nrows - 1);
		break;
	}
	free(out);
	for (size_t c = 0; c < ncols; c++)
		free(t.names[c]);
	return 0;
}
