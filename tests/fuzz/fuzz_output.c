/*
 * fuzz_output: the -o writer (output.c) on any field bytes.
 *
 * Input: four control bytes (format, number of columns, which columns are
 * numbers, whether rows go through out_fields; how many times the columns
 * repeat and which kinds of number they are; a view), then rows separated
 * by 0x1e with fields separated by 0x1f; the first row names the columns.
 * Repeating the columns gives up to 192 columns of a few names, as an
 * export with many same-named or empty headers has.
 * Properties: CSV reads back through csvio as the same fields byte for
 * byte; TSV unescapes to the same fields; every NDJSON line is one valid
 * JSON object of valid UTF-8 whose keys are the names made unique as
 * output.h says; Markdown and table output have one line per row plus the
 * header lines; HTML has a <tr> per row, no '<' or '&' that is not the
 * writer's own, and is valid UTF-8.  With a view (--fields of #N names,
 * --sort, --top) CSV rows are input rows, projected, as many as --top
 * allows; and the view's rows come out the same held in memory or
 * spilled in runs to disk, and --top N gives the first N of the full
 * sort.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fuzz.h"
#include "money.h"
#include "output.h"
#include "view.h"

#define MAXCOLS 6
#define MAXROWS 64
#define MAXREP 32

struct table {
	size_t ncols, nrows;		/* nrows includes the header */
	const char *f[MAXROWS][MAXCOLS];
	size_t len[MAXROWS][MAXCOLS];
	char *names[MAXCOLS];		/* NUL-terminated copies */
	size_t width;			/* columns written: ncols repeated */
	const char *wnames[MAXCOLS * MAXREP];
	char *wf[MAXROWS][MAXCOLS * MAXREP];
	size_t wlen[MAXROWS][MAXCOLS * MAXREP];
};

/* Field c of row r of the written columns. */
#define F(t, r, c) ((t)->f[r][(c) % (t)->ncols])
#define LEN(t, r, c) ((t)->len[r][(c) % (t)->ncols])

static void
widen(struct table *t, size_t rep)
{
	t->width = t->ncols * rep;
	for (size_t c = 0; c < t->width; c++) {
		t->wnames[c] = t->names[c % t->ncols];
		for (size_t r = 0; r < t->nrows; r++) {
			t->wf[r][c] = (char *)F(t, r, c);
			t->wlen[r][c] = LEN(t, r, c);
		}
	}
}

static void
split(const uint8_t *data, size_t size, size_t ncols, struct table *t)
{
	size_t i = 0, r = 0;

	/* Every field used is set below: the arrays need no clearing. */
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
		FUZZ_CHECK(row->n == t->width, "row %zu: %zu fields", r,
		    row->n);
		for (size_t c = 0; c < t->width; c++)
			FUZZ_CHECK(row->len[c] == LEN(t, r, c) &&
			    memcmp(row->f[c], F(t, r, c), LEN(t, r, c)) == 0,
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
		for (size_t c = 0; c < t->width; c++) {
			char *v = malloc(LEN(t, r, c) + 1);
			size_t n = 0;
			for (; i < len && out[i] != '\t' && out[i] != '\n'; i++) {
				char ch = out[i];
				if (ch == '\\' && i + 1 < len) {
					ch = out[++i];
					ch = ch == 't' ? '\t' : ch == 'n' ? '\n' :
					    ch == 'r' ? '\r' : ch;
				}
				FUZZ_CHECK(n < LEN(t, r, c) + 1, "field too long");
				v[n++] = ch;
			}
			FUZZ_CHECK(n == LEN(t, r, c) &&
			    memcmp(v, F(t, r, c), n) == 0, "tsv row %zu field "
			    "%zu", r, c);
			FUZZ_CHECK(i < len && out[i] == (c + 1 < t->width ?
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

/* Appends code point cp to buf as UTF-8. */
static size_t
put_utf8(char *buf, unsigned cp)
{
	if (cp < 0x80) {
		buf[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		buf[0] = (char)(0xc0 | cp >> 6);
		buf[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	buf[0] = (char)(0xe0 | cp >> 12);
	buf[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
	buf[2] = (char)(0x80 | (cp & 0x3f));
	return 3;
}

/* The JSON string at s[i] (checked already) unescaped into a new string. */
static char *
json_unescape(const unsigned char *s, size_t i)
{
	size_t end = i + 1, n = 0;
	char *v;

	while (s[end] != '"')
		end += s[end] == '\\' ? (s[end + 1] == 'u' ? 6 : 2) : 1;
	v = malloc(end - i + 1);
	for (i++; i < end;) {
		if (s[i] != '\\') {
			v[n++] = (char)s[i++];
			continue;
		}
		switch (s[i + 1]) {
		case 'n': v[n++] = '\n'; break;
		case 'r': v[n++] = '\r'; break;
		case 't': v[n++] = '\t'; break;
		case 'u':
			n += put_utf8(v + n, (unsigned)strtoul(
			    (char[5]){ (char)s[i + 2], (char)s[i + 3],
			    (char)s[i + 4], (char)s[i + 5], 0 }, NULL, 16));
			i += 4;
			break;
		default: v[n++] = (char)s[i + 1];
		}
		i += 2;
	}
	v[n] = '\0';
	return v;
}

/* name with each byte that is not UTF-8 as U+FFFD, as JSON shows it. */
static char *
as_json_shows(const char *name)
{
	size_t n = strlen(name), i = 0, o = 0, k;
	char *v = malloc(3 * n + 1);

	while (i < n) {
		k = utf8_ok((const unsigned char *)name + i, n - i);
		if (k == 0) {
			memcpy(v + o, "\xef\xbf\xbd", 3);
			o += 3;
			i++;
		} else {
			memcpy(v + o, name + i, k);
			o += k;
			i += k;
		}
	}
	v[o] = '\0';
	return v;
}

/*
 * The keys output.h promises, found the slow way: each name as JSON
 * shows it, or with the first of "_2", "_3", ... that no earlier key has.
 */
static char **
reference_keys(const char *const *names, size_t n)
{
	char **keys = calloc(n, sizeof(*keys));

	for (size_t i = 0; i < n; i++) {
		char *base = as_json_shows(names[i]);
		size_t blen = strlen(base), k = 2, j;

		keys[i] = malloc(blen + 24);
		strcpy(keys[i], base);
		for (;;) {
			for (j = 0; j < i && strcmp(keys[j], keys[i]) != 0; j++)
				;
			if (j == i)
				break;
			snprintf(keys[i], blen + 24, "%s_%zu", base, k++);
		}
		free(base);
	}
	return keys;
}

static void
check_ndjson(const char *out, size_t len, const struct table *t,
    const char *const *names, size_t ncols)
{
	const unsigned char *s = (const unsigned char *)out;
	char **want = reference_keys(names, ncols);
	size_t i = 0;

	for (size_t r = 1; r < t->nrows; r++) {
		FUZZ_CHECK(i < len && s[i] == '{', "json: object expected");
		i++;
		for (size_t c = 0; c < ncols; c++) {
			size_t k = json_string(s, len, i);
			if (r == 1) {
				char *key = json_unescape(s, i);
				FUZZ_CHECK(strcmp(key, want[c]) == 0,
				    "json: key %zu is not the one promised", c);
				free(key);
			}
			i = k;
			FUZZ_CHECK(i < len && s[i] == ':', "json: colon");
			i = json_value(s, len, i + 1);
			FUZZ_CHECK(i < len && s[i] == (c + 1 < ncols ? ',' :
			    '}'), "json: separator");
			i++;
		}
		FUZZ_CHECK(i < len && s[i] == '\n', "json: line end");
		i++;
	}
	FUZZ_CHECK(i == len, "json: trailing bytes");
	for (size_t c = 0; c < ncols; c++)
		free(want[c]);
	free(want);
}

/* The index of the word of words[0..n) that s[0..len) starts with, or n. */
static size_t
which_start(const unsigned char *s, size_t len, const char *const *words,
    size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (len >= strlen(words[k]) &&
		    memcmp(s, words[k], strlen(words[k])) == 0)
			break;
	return k;
}

/*
 * HTML: valid UTF-8; every '<' opens one of the writer's own elements and
 * every '&' one of its entities, so no input text became markup; a <tr>
 * for the header and each row.
 */
static void
check_html(const char *out, size_t len, size_t nrows)
{
	static const char *const tags[] = { "<table ", "</table>", "<tr>",
	    "</tr>", "<th ", "</th>", "<td ", "</td>", "<span ", "</span>",
	    "<br>" };
	static const char *const ents[] = { "&amp;", "&lt;", "&gt;",
	    "&quot;", "&#39;" };
	const size_t ntags = sizeof(tags) / sizeof(tags[0]);
	const size_t nents = sizeof(ents) / sizeof(ents[0]);
	const unsigned char *s = (const unsigned char *)out;
	size_t i = 0, k, trs = 0;

	while (i < len) {
		if (s[i] == '<') {
			k = which_start(s + i, len - i, tags, ntags);
			FUZZ_CHECK(k < ntags, "html: a '<' that is not the "
			    "writer's");
			/* A row starts a line; a bar's <tr> does not. */
			trs += k == 2 && i > 0 && s[i - 1] == '\n';
			/* Attributes are the writer's: skip to the '>'. */
			while (i < len && s[i] != '>')
				i++;
			i++;
			continue;
		}
		if (s[i] == '&')
			FUZZ_CHECK(which_start(s + i, len - i, ents, nents) <
			    nents, "html: a bare '&'");
		k = utf8_ok(s + i, len - i);
		FUZZ_CHECK(k > 0, "html: invalid UTF-8");
		FUZZ_CHECK(s[i] >= 0x20 || s[i] == '\n', "html: control byte");
		i += k;
	}
	FUZZ_CHECK(trs == nrows, "html: %zu rows for %zu", trs, nrows);
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

/* --- the view --- */

/* The row indexes a view emitted: the last field of each row. */
struct order {
	size_t n, idx[MAXROWS];
};

static void
collect(void *ctx, const struct csv_row *row)
{
	struct order *ord = ctx;

	FUZZ_CHECK(ord->n < MAXROWS, "more rows out than in");
	ord->idx[ord->n++] = (size_t)strtoul(row->f[row->n - 1], NULL, 10);
}

/* The data rows of t through view_rows, sorted by column key. */
static void
view_order(const struct table *t, const struct view_spec *v, size_t key,
    bool numeric, size_t budget, struct order *ord)
{
	struct view_rows *vr = view_rows_open(v, budget, collect, ord);
	char *f[MAXCOLS * MAXREP + 1], tag[24];
	size_t len[MAXCOLS * MAXREP + 1];
	struct csv_row row = { .n = t->width + 1, .f = f, .len = len };

	ord->n = 0;
	for (size_t r = 1; r < t->nrows; r++) {
		for (size_t c = 0; c < t->width; c++) {
			f[c] = t->wf[r][c];
			len[c] = t->wlen[r][c];
		}
		len[t->width] = (size_t)snprintf(tag, sizeof(tag), "%zu", r);
		f[t->width] = tag;
		view_rows_put(vr, &row, f[key], len[key], numeric);
	}
	view_rows_close(vr);
}

/*
 * A sort held in memory, the same spilled in runs of a few rows, and
 * --top N give the same rows in the same order.
 */
static void
check_view_rows(const struct table *t, uint8_t c3)
{
	struct view_spec v = { .sort = "x", .desc = c3 & 1,
	    .decimal_comma = c3 & 2 };
	size_t key = (c3 >> 2) % t->width, top = 1 + (c3 >> 4);
	bool numeric = c3 & 0x80;
	struct order held, spilled, best;

	view_order(t, &v, key, numeric, VIEW_BUDGET, &held);
	FUZZ_CHECK(held.n == t->nrows - 1, "%zu rows out of %zu", held.n,
	    t->nrows - 1);
	/*
	 * Two to five runs, a temporary file each: slow under the
	 * sanitizers, so for half the inputs.
	 */
	if (c3 & 0x08) {
		view_order(t, &v, key, numeric, (t->width * 24 + 64) *
		    ((t->nrows - 1) / (2 + c3 % 4u) + 1), &spilled);
		FUZZ_CHECK(spilled.n == held.n && memcmp(spilled.idx,
		    held.idx, held.n * sizeof(held.idx[0])) == 0,
		    "spilled runs merge to another order");
	}
	v.top = top;
	view_order(t, &v, key, numeric, VIEW_BUDGET, &best);
	FUZZ_CHECK(best.n == (top < held.n ? top : held.n) &&
	    memcmp(best.idx, held.idx, best.n * sizeof(best.idx[0])) == 0,
	    "--top %zu is not the first rows of the sort", top);
}

/*
 * CSV through a view of #N names: every row read back is an input row's
 * fields at those columns, each input row once at most, as many rows as
 * --top allows.
 */
static void
check_csv_view(const char *out, size_t len, const struct table *t,
    const size_t *show, size_t nshow, size_t top)
{
	FILE *fp = fuzz_memfile((const uint8_t *)out, len);
	struct csv_reader *rd = csvr_open(fp, "out", ',');
	const struct csv_row *row;
	bool used[MAXROWS] = { false };
	size_t n = 0, want = t->nrows - 1, r, c;

	diag_reset();
	FUZZ_CHECK(csvr_header(rd, &row) == 0, "view: no header");
	while (csvr_next(rd, &row) == 1) {
		for (r = 1; r < t->nrows; r++) {
			if (used[r])
				continue;
			for (c = 0; c < nshow; c++)
				if (row->len[c] != t->wlen[r][show[c]] ||
				    memcmp(row->f[c], t->wf[r][show[c]],
				    row->len[c]) != 0)
					break;
			if (c == nshow)
				break;
		}
		FUZZ_CHECK(row->n == nshow && r < t->nrows, "view: row %zu is "
		    "no input row", n);
		used[r] = true;
		n++;
	}
	if (top > 0 && top < want)
		want = top;
	FUZZ_CHECK(n == want, "view: %zu rows for %zu", n, want);
	csvr_close(rd);
	fclose(fp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum out_type numbers[] = { OT_NUMBER, OT_AMOUNT, OT_RISK,
	    OT_PERCENT };
	uint8_t c0 = fuzz_byte(&data, &size), c1 = fuzz_byte(&data, &size);
	uint8_t c2 = fuzz_byte(&data, &size), c3 = fuzz_byte(&data, &size);
	enum out_format fmt = (enum out_format)(c0 % 6);
	size_t ncols = 1 + (c0 >> 3) % MAXCOLS, rep = 1 + c2 % MAXREP;
	static int idx[MAXCOLS * MAXREP];
	enum out_type types[MAXCOLS * MAXREP];
	struct out_opts opt = { .format = fmt };
	size_t show[3], nshow = 0;
	char fields[64] = "";
	static struct table table;	/* large: kept, not allocated per run */
	struct table *t = &table;
	struct out *o;
	char *out;
	size_t len;
	FILE *fp;
	int64_t v;

	split(data, size, ncols, t);
	widen(t, rep);
	for (size_t c = 0; c < t->width; c++) {
		idx[c] = (int)c;
		types[c] = (c1 >> (c % ncols)) & 1 ? numbers[c2 >> 6] :
		    (c2 >> 6) == 2 ? OT_STATUS : OT_TEXT;
	}
	/* Bit 7 of c3: a view of up to three columns, a sort, a top. */
	if (c3 & 0x80) {
		nshow = 1 + c3 % 3;
		for (size_t k = 0; k < nshow; k++) {
			show[k] = (c3 >> (k + 1)) * 7 % t->width;
			snprintf(fields + strlen(fields), sizeof(fields) -
			    strlen(fields), "%s#%zu", k ? "," : "", show[k] + 1);
		}
		opt.view.fields = fields;
		opt.view.sort = (c3 & 0x10) ? "#1" : NULL;
		opt.view.desc = c3 & 0x20;
		opt.view.top = (c3 & 0x40) ? c3 % 5 + 1 : 0;
	}
	fp = open_memstream(&out, &len);
	o = out_open_opts(fp, &opt);
	out_columns(o, t->width, t->wnames, types);
	for (size_t r = 1; r < t->nrows; r++) {
		if ((c1 & 0x80) && fmt == OUT_CSV)
			out_fields(o, t->wf[r], t->wlen[r], idx, t->width);
		else
			for (size_t c = 0; c < t->width; c++) {
				if (fmt == OUT_HTML && types[c] == OT_PERCENT &&
				    decimal_parse(t->wf[r][c], t->wlen[r][c], 1,
				    &v) == MONEY_OK)
					out_pct_bar(o, v, 1, c3 & 1 ?
					    OUT_NO_TICK : (int64_t)c3 * 5);
				else
					out_field(o, t->wf[r][c],
					    t->wlen[r][c]);
			}
		out_row_end(o);
	}
	FUZZ_CHECK(out_close(o) == 0, "out_close");
	fclose(fp);
	if (nshow > 0) {
		if (fmt == OUT_CSV && !(len >= 3 && (memcmp(out, "\xef\xbb\xbf",
		    3) == 0)) && !(len >= 2 && (memcmp(out, "\xff\xfe", 2) ==
		    0 || memcmp(out, "\xfe\xff", 2) == 0)))
			check_csv_view(out, len, t, show, nshow,
			    opt.view.top);
		goto done;
	}
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
			check_csv(out, len, t);
		break;
	case OUT_TSV:
		check_tsv(out, len, t);
		break;
	case OUT_NDJSON:
		check_ndjson(out, len, t, t->wnames, t->width);
		break;
	case OUT_HTML:
		check_html(out, len, t->nrows);
		break;
	case OUT_MARKDOWN:
	case OUT_TABLE:
		FUZZ_CHECK(lines(out, len) == t->nrows + 1, "%zu lines for %zu "
		    "rows", lines(out, len), t->nrows - 1);
		break;
	}
	if (t->nrows > 1)
		check_view_rows(t, c3);
done:
	free(out);
	for (size_t c = 0; c < ncols; c++)
		free(t->names[c]);
	return 0;
}
