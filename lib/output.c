/*
 * output: the writer behind -o.  CSV, TSV, Markdown and NDJSON stream a row
 * at a time through a buffer of our own (one fwrite per 64 KB, not per
 * field); the aligned table keeps its cells until out_close.
 */
#include <assert.h>
#include <err.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "money.h"
#include "output.h"
#include "strmap.h"
#include "xalloc.h"

#define OBUF (64 * 1024)

struct cell {
	char *s;
	size_t len;
};

struct out {
	FILE *fp;
	enum out_format fmt;
	size_t ncols;
	const char *const *names;
	const enum out_type *types;
	struct strmap keys;	/* NDJSON keys: names made unique; key i is
				   column i's */
	size_t col;		/* next column of the current row */
	bool failed;

	char buf[OBUF];
	size_t blen;

	/* table: every cell, row by row, including the header */
	struct cell *cells;
	size_t ncells, capcells;
};


int
out_format_parse(const char *s, enum out_format *fmt)
{
	static const char *const names[] = {
		[OUT_CSV] = "csv", [OUT_TSV] = "tsv", [OUT_TABLE] = "table",
		[OUT_MARKDOWN] = "markdown", [OUT_NDJSON] = "ndjson",
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(s, names[i]) == 0) {
			*fmt = (enum out_format)i;
			return 0;
		}
	if (strcmp(s, "md") == 0) {
		*fmt = OUT_MARKDOWN;
		return 0;
	}
	if (strcmp(s, "json") == 0) {
		*fmt = OUT_NDJSON;
		return 0;
	}
	return -1;
}

static void
flush_buf(struct out *o)
{
	if (o->blen > 0 && fwrite(o->buf, 1, o->blen, o->fp) != o->blen)
		o->failed = true;
	o->blen = 0;
}

static void
put(struct out *o, const char *s, size_t n)
{
	if (o->blen + n > OBUF) {
		flush_buf(o);
		if (n > OBUF) {
			if (fwrite(s, 1, n, o->fp) != n)
				o->failed = true;
			return;
		}
	}
	memcpy(o->buf + o->blen, s, n);
	o->blen += n;
}

static void
putch(struct out *o, char c)
{
	if (o->blen == OBUF)
		flush_buf(o);
	o->buf[o->blen++] = c;
}

struct out *
out_open(FILE *fp, enum out_format fmt)
{
	struct out *o = xmalloc(sizeof(*o));

	memset(o, 0, sizeof(*o));
	o->fp = fp;
	o->fmt = fmt;
	return o;
}

/* --- CSV --- */

/* The bytes that make a CSV field need quotes. */
static const unsigned char csv_special[256] = {
	['\n'] = 1, ['\r'] = 1, ['"'] = 1, [','] = 1,
};

#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/* Nonzero when some byte of w equals c (the classic SWAR zero-byte test). */
static uint64_t
has_byte(uint64_t w, unsigned char c)
{
	uint64_t x = w ^ (ONES * c);

	return (x - ONES) & ~x & HIGHS;
}

/*
 * Whether a CSV field needs quotes.  Most fields are short and plain, so
 * this looks at eight bytes at a time.
 */
static bool
csv_needs_quotes(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	uint64_t w;

	for (; i + 8 <= len; i += 8) {
		memcpy(&w, u + i, 8);
		if (has_byte(w, ',') | has_byte(w, '"') | has_byte(w, '\n') |
		    has_byte(w, '\r'))
			return true;
	}
	for (; i < len; i++)
		if (csv_special[u[i]])
			return true;
	return false;
}

static void
csv_field(struct out *o, const char *s, size_t len)
{
	size_t i;
	bool quote = csv_needs_quotes(s, len);
	if (o->col > 0)
		putch(o, ',');
	/* A row of one empty field would read back as a blank line. */
	if (len == 0 && o->ncols == 1) {
		put(o, "\"\"", 2);
		return;
	}
	if (!quote) {
		put(o, s, len);
		return;
	}
	putch(o, '"');
	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			putch(o, '"');
		putch(o, s[i]);
	}
	putch(o, '"');
}

/* --- TSV --- */

static void
tsv_field(struct out *o, const char *s, size_t len)
{
	size_t i;

	if (o->col > 0)
		putch(o, '\t');
	for (i = 0; i < len; i++) {
		switch (s[i]) {
		case '\\':
			put(o, "\\\\", 2);
			break;
		case '\t':
			put(o, "\\t", 2);
			break;
		case '\n':
			put(o, "\\n", 2);
			break;
		case '\r':
			put(o, "\\r", 2);
			break;
		default:
			putch(o, s[i]);
		}
	}
}

/* --- Markdown --- */

static void
md_field(struct out *o, const char *s, size_t len)
{
	size_t i;

	put(o, o->col == 0 ? "| " : " | ", o->col == 0 ? 2 : 3);
	for (i = 0; i < len; i++) {
		if (s[i] == '|')
			put(o, "\\|", 2);
		else if (s[i] == '\n')
			put(o, "<br>", 4);
		else if (s[i] != '\r')
			putch(o, s[i]);
	}
}

/* --- NDJSON --- */

/* Length of the valid UTF-8 sequence at s, or 0 when it is not valid. */
static size_t
utf8_len(const unsigned char *s, size_t n)
{
	size_t need, i;
	unsigned cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		need = 2;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		need = 3;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		need = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	if (n < need)
		return 0;
	for (i = 1; i < need; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((need == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (need == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return need;
}

/*
 * JSON strings must be UTF-8: a byte that is not (Latin-1 input, say)
 * becomes U+FFFD rather than invalid JSON.
 */
static void
json_string(struct out *o, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, n;

	putch(o, '"');
	while (i < len) {
		unsigned char c = u[i];

		if (c == '"' || c == '\\') {
			putch(o, '\\');
			putch(o, (char)c);
		} else if (c == '\n') {
			put(o, "\\n", 2);
		} else if (c == '\r') {
			put(o, "\\r", 2);
		} else if (c == '\t') {
			put(o, "\\t", 2);
		} else if (c < 0x20 || c == 0x7f) {
			char esc[6] = { '\\', 'u', '0', '0', hex[c >> 4],
			    hex[c & 15] };

			put(o, esc, 6);
		} else if ((n = utf8_len(u + i, len - i)) == 0) {
			put(o, "\\ufffd", 6);
		} else {
			put(o, s + i, n);
			i += n;
			continue;
		}
		i++;
	}
	putch(o, '"');
}

/* True when s is a JSON number: -?digits(.digits)?. */
static bool
json_number(const char *s, size_t len)
{
	size_t i = 0, d = 0;

	if (i < len && s[i] == '-')
		i++;
	while (i < len && s[i] >= '0' && s[i] <= '9') {
		i++;
		d++;
	}
	if (d == 0 || (d > 1 && s[i - d] == '0'))
		return false;
	if (i < len && s[i] == '.') {
		i++;
		for (d = 0; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			d++;
		if (d == 0)
			return false;
	}
	return i == len;
}

static void
json_field(struct out *o, const char *s, size_t len)
{
	size_t klen;
	const char *key = strmap_key(&o->keys, o->col, &klen);

	putch(o, o->col == 0 ? '{' : ',');
	json_string(o, key, klen);
	putch(o, ':');
	if (o->types != NULL && o->types[o->col] == OT_NUMBER) {
		if (len == 0) {
			put(o, "null", 4);
			return;
		}
		if (json_number(s, len)) {
			put(o, s, len);
			return;
		}
	}
	json_string(o, s, len);
}

/*
 * Keys must be unique for jq: a repeated name gets "_2", "_3", ..., the
 * first suffix that no earlier key has taken.  Each name remembers the
 * next suffix to try, and the keys taken are a hash set, so a header of
 * thousands of empty names (a spreadsheet's leftover columns) costs one
 * lookup per key, not a scan of every earlier key per suffix tried.
 * Suffixes below a name's next one stay taken, since keys are never
 * given back: the keys are those of trying "_2", "_3", ... from the start.
 */
static void
make_keys(struct out *o)
{
	struct strmap seen;		/* repeated names */
	size_t *next = NULL, cap = 0, i, b, len, klen;
	char *key = NULL;
	bool added;

	strmap_init(&o->keys);
	strmap_init(&seen);
	for (i = 0; i < o->ncols; i++) {
		len = strlen(o->names[i]);
		strmap_intern(&o->keys, o->names[i], len, &added);
		if (added)
			continue;
		b = strmap_intern(&seen, o->names[i], len, &added);
		if (b == cap) {
			cap = cap ? cap * 2 : 16;
			next = xreallocarray(next, cap, sizeof(*next));
		}
		if (added)
			next[b] = 2;
		key = xrealloc(key, len + 24);
		do {
			klen = (size_t)snprintf(key, len + 24, "%s_%zu",
			    o->names[i], next[b]++);
			strmap_intern(&o->keys, key, klen, &added);
		} while (!added);
	}
	free(key);
	free(next);
	strmap_free(&seen);
}

/* --- table --- */

static void
table_cell(struct out *o, const char *s, size_t len)
{
	struct cell *c;
	size_t i;

	if (o->ncells == o->capcells) {
		o->capcells = o->capcells ? o->capcells * 2 : 256;
		o->cells = xrealloc(o->cells, o->capcells * sizeof(*o->cells));
	}
	c = &o->cells[o->ncells++];
	c->s = xmalloc(len + 1);
	c->len = len;
	/* A line break or tab would break the alignment: show a space. */
	for (i = 0; i < len; i++)
		c->s[i] = (s[i] == '\n' || s[i] == '\r' || s[i] == '\t') ?
		    ' ' : s[i];
	c->s[len] = '\0';
}

/* Display width: UTF-8 continuation bytes take no column. */
static size_t
width(const struct cell *c)
{
	size_t i, w = 0;

	for (i = 0; i < c->len; i++)
		if (((unsigned char)c->s[i] & 0xc0) != 0x80)
			w++;
	return w;
}

static void
pad(struct out *o, size_t n)
{
	while (n-- > 0)
		putch(o, ' ');
}

/*
 * Writes the cells of one table row.  Padding is held back until text
 * follows it, so no line ends in spaces when its last cells are empty.
 */
static void
table_line(struct out *o, const struct cell *cells, const size_t *w,
    bool header)
{
	size_t c, held = 0, gap;
	bool right;

	for (c = 0; c < o->ncols; c++) {
		gap = w[c] - width(&cells[c]);
		right = !header && o->types != NULL &&
		    o->types[c] == OT_NUMBER;
		if (c > 0)
			held += 2;
		if (right)
			held += gap;
		if (cells[c].len > 0) {
			pad(o, held);
			held = 0;
			put(o, cells[c].s, cells[c].len);
		}
		if (!right)
			held += gap;
	}
	putch(o, '\n');
}

static void
table_write(struct out *o)
{
	size_t *w, r, c, k, nrows;

	if (o->ncols == 0)
		return;
	w = xcalloc(o->ncols, sizeof(*w));
	nrows = o->ncells / o->ncols;
	for (r = 0; r < nrows; r++)
		for (c = 0; c < o->ncols; c++) {
			size_t cw = width(&o->cells[r * o->ncols + c]);

			if (cw > w[c])
				w[c] = cw;
		}
	for (r = 0; r < nrows; r++) {
		table_line(o, &o->cells[r * o->ncols], w, r == 0);
		if (r > 0)
			continue;
		for (c = 0; c < o->ncols; c++) {
			if (c > 0)
				put(o, "  ", 2);
			for (k = 0; k < w[c]; k++)
				putch(o, '-');
		}
		putch(o, '\n');
	}
	free(w);
}

/* --- rows --- */

void
out_field(struct out *o, const char *s, size_t len)
{
	assert(o->col < o->ncols);
	switch (o->fmt) {
	case OUT_CSV:
		csv_field(o, s, len);
		break;
	case OUT_TSV:
		tsv_field(o, s, len);
		break;
	case OUT_MARKDOWN:
		md_field(o, s, len);
		break;
	case OUT_NDJSON:
		json_field(o, s, len);
		break;
	case OUT_TABLE:
		table_cell(o, s, len);
		break;
	}
	o->col++;
}

void
out_fields(struct out *o, char *const *f, const size_t *len, const int *idx,
    size_t n)
{
	size_t i;

	if (o->fmt != OUT_CSV) {
		for (i = 0; i < n; i++)
			out_field(o, f[idx[i]], len[idx[i]]);
		return;
	}
	assert(o->col + n <= o->ncols);
	for (i = 0; i < n; i++) {
		csv_field(o, f[idx[i]], len[idx[i]]);
		o->col++;
	}
}

/*
 * Whether any field of a whole row needs quotes.  A row is a few hundred
 * bytes: long enough for libc's vectorised memchr to beat the word loop.
 */
static bool
row_needs_quotes(const char *s, size_t n)
{
	return memchr(s, ',', n) != NULL || memchr(s, '"', n) != NULL ||
	    memchr(s, '\n', n) != NULL || memchr(s, '\r', n) != NULL;
}

void
out_fields_packed(struct out *o, const char *bytes, const size_t *len,
    size_t n)
{
	size_t i, total = 0, at;

	for (i = 0; i < n; i++)
		total += len[i] + 1;
	/*
	 * The NULs between fields are not special, so one scan of the whole
	 * row says whether any field needs quotes.
	 */
	if (o->fmt != OUT_CSV || n < 2 || total > OBUF ||
	    row_needs_quotes(bytes, total)) {
		for (i = 0, at = 0; i < n; i++) {
			out_field(o, bytes + at, len[i]);
			at += len[i] + 1;
		}
		return;
	}
	assert(o->col + n <= o->ncols);
	if (o->col > 0)
		putch(o, ',');
	if (o->blen + total > OBUF)
		flush_buf(o);
	memcpy(o->buf + o->blen, bytes, total - 1);
	for (i = 0, at = o->blen; i + 1 < n; i++) {
		at += len[i];
		o->buf[at++] = ',';
	}
	o->blen += total - 1;
	o->col += n;
}

void
out_row_end(struct out *o)
{
	assert(o->col == o->ncols);
	switch (o->fmt) {
	case OUT_CSV:
		putch(o, '\n');
		break;
	case OUT_TSV:
		putch(o, '\n');
		break;
	case OUT_MARKDOWN:
		put(o, " |\n", 3);
		break;
	case OUT_NDJSON:
		put(o, "}\n", 2);
		break;
	case OUT_TABLE:
		break;
	}
	o->col = 0;
}

void
out_columns(struct out *o, size_t n, const char *const *names,
    const enum out_type *types)
{
	size_t i;

	o->ncols = n;
	o->names = names;
	o->types = types;
	if (o->fmt == OUT_NDJSON) {
		make_keys(o);
		return;
	}
	for (i = 0; i < n; i++)
		out_str(o, names[i]);
	out_row_end(o);
	if (o->fmt == OUT_MARKDOWN) {
		for (i = 0; i < n; i++)
			put(o, types != NULL && types[i] == OT_NUMBER ?
			    "| ---: " : "| --- ", 6 + (types != NULL &&
			    types[i] == OT_NUMBER));
		put(o, "|\n", 2);
	}
}

void
out_str(struct out *o, const char *s)
{
	out_field(o, s, strlen(s));
}

void
out_empty(struct out *o)
{
	out_field(o, "", 0);
}

void
out_money(struct out *o, int64_t cents)
{
	char b[MONEY_BUFSZ];

	out_field(o, b, money_format(cents, b));
}

void
out_int(struct out *o, int64_t v)
{
	char b[24];
	char *p = b + sizeof(b);
	uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;

	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u > 0);
	if (v < 0)
		*--p = '-';
	out_field(o, p, (size_t)(b + sizeof(b) - p));
}

void
out_fixed(struct out *o, int64_t v, int scale)
{
	char b[MONEY_BUFSZ];

	out_field(o, b, decimal_format(v, scale, b));
}

void
out_date(struct out *o, int32_t day)
{
	char b[DATE_BUFSZ];

	if (day == DATE_NONE)
		out_empty(o);
	else
		out_field(o, b, date_format(day, b));
}

int
out_close(struct out *o)
{
	size_t i;
	int rc;

	if (o->fmt == OUT_TABLE)
		table_write(o);
	flush_buf(o);
	if (fflush(o->fp) != 0 || ferror(o->fp))
		o->failed = true;
	rc = o->failed ? -1 : 0;
	for (i = 0; i < o->ncells; i++)
		free(o->cells[i].s);
	free(o->cells);
	strmap_free(&o->keys);
	free(o);
	return rc;
}
