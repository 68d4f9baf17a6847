/*
 * output: the writer behind -o.  CSV, TSV, Markdown, HTML and NDJSON stream
 * a row at a time through a buffer of our own (one fwrite per 64 KB, not
 * per field); the aligned table keeps its cells until out_close.  With a
 * view, a row's fields are gathered first and the view hands back the
 * rows to write (see view.h).
 */
#include <assert.h>
#include <err.h>
#include <errno.h>
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "date.h"
#include "diag.h"
#include "money.h"
#include "output.h"
#include "strmap.h"
#include "xalloc.h"

#define OBUF (64 * 1024)

/* A bar in html: fill and tick in thousandths of its width; tick -1: none. */
struct bar {
	int fill, tick;
};

struct cell {
	char *s;
	size_t len, width;
};

/* The fields of the row being gathered for the view. */
struct gathered {
	char *b;		/* the fields back to back */
	size_t len, cap;
	size_t *off, *flen;
	struct bar *bar;	/* fill < 0: no bar */
	bool anybar;
	size_t col;		/* the next field */
	/* The row handed to the view: the shown fields, then the bars. */
	char **f;
	size_t *flens;
	char *bars;
};

struct out {
	FILE *fp;
	enum out_format fmt;
	size_t max_width;
	bool utf8;		/* LC_CTYPE is UTF-8: wcwidth, "…" */
	struct view_spec spec;
	view_lookup lookup;
	void *lookup_ctx;

	/* The columns as written (after the view's choice). */
	size_t ncols;
	const enum out_type *types;
	struct strmap keys;	/* NDJSON keys: names made unique; key i is
				   column i's */
	size_t col;		/* next column of the current row */
	bool header;		/* writing the header row */
	bool failed;

	char buf[OBUF];
	size_t blen;

	/* The view: the tool's columns, and which of them go out. */
	struct view_rows *rows;	/* NULL: no view, fields go straight out */
	size_t nin;
	const enum out_type *intypes;
	size_t *show;
	long sortcol;
	const char **shownames;
	enum out_type *showtypes;
	struct gathered g;
	struct bar *showbar;	/* the bars of a row coming back */

	/* table: every cell, row by row, including the header */
	struct cell *cells;
	size_t ncells, capcells;

	bool html_open;		/* <table> written */
};


int
out_format_parse(const char *s, enum out_format *fmt)
{
	static const char *const names[] = {
		[OUT_CSV] = "csv", [OUT_TSV] = "tsv", [OUT_TABLE] = "table",
		[OUT_MARKDOWN] = "markdown", [OUT_NDJSON] = "ndjson",
		[OUT_HTML] = "html",
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

static void
putstr(struct out *o, const char *s)
{
	put(o, s, strlen(s));
}

struct out *
out_open_opts(FILE *fp, const struct out_opts *opt)
{
	struct out *o = xmalloc(sizeof(*o));

	memset(o, 0, sizeof(*o));
	o->fp = fp;
	o->fmt = opt->format;
	o->max_width = opt->max_width;
	o->spec = opt->view;
	o->utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	o->sortcol = -1;
	return o;
}

struct out *
out_open(FILE *fp, enum out_format fmt)
{
	struct out_opts opt = { .format = fmt };

	return out_open_opts(fp, &opt);
}

void
out_lookup(struct out *o, view_lookup lookup, void *ctx)
{
	o->lookup = lookup;
	o->lookup_ctx = ctx;
}

/* --- what a column holds --- */

static bool
is_number(enum out_type t)
{
	return t == OT_NUMBER || t == OT_AMOUNT || t == OT_COUNT ||
	    t == OT_PERCENT || t == OT_RISK;
}

/* The type of the cell being written; the header is text. */
static enum out_type
cell_type(const struct out *o)
{
	if (o->header || o->types == NULL)
		return OT_TEXT;
	return o->types[o->col];
}

/* Whether column c's cells are aligned right. */
static bool
right_aligned(const struct out *o, size_t c)
{
	return o->types != NULL && is_number(o->types[c]);
}

/*
 * A plain decimal number (-?digits(.digits)?) with its whole part grouped
 * by threes: "-1234567.89" becomes "-1,234,567.89".  Returns the length
 * written to buf, or 0 when s is no such number or too long.
 */
#define GROUPED_MAX 64
static size_t
group_thousands(const char *s, size_t len, char buf[GROUPED_MAX])
{
	size_t i = 0, whole, d, o = 0;

	if (len > GROUPED_MAX / 2)
		return 0;
	if (i < len && s[i] == '-')
		buf[o++] = s[i++];
	for (whole = 0; i + whole < len && s[i + whole] >= '0' &&
	    s[i + whole] <= '9'; whole++)
		;
	if (whole == 0)
		return 0;
	if (i + whole < len) {
		if (s[i + whole] != '.' || i + whole + 1 == len)
			return 0;
		for (d = i + whole + 1; d < len; d++)
			if (s[d] < '0' || s[d] > '9')
				return 0;
	}
	for (d = 0; d < whole; d++) {
		if (d > 0 && (whole - d) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = s[i + d];
	}
	memcpy(buf + o, s + i + whole, len - i - whole);
	return o + len - i - whole;
}

/*
 * The text of a cell as people read it (table, markdown, html): amounts
 * and counts grouped by thousands.  Returns s or buf.
 */
static const char *
readable(const struct out *o, const char *s, size_t *len,
    char buf[GROUPED_MAX])
{
	enum out_type t = cell_type(o);
	size_t n;

	if ((t == OT_AMOUNT || t == OT_COUNT) &&
	    (n = group_thousands(s, *len, buf)) > 0) {
		*len = n;
		return buf;
	}
	return s;
}

/* --- UTF-8 --- */

/*
 * Length of the valid UTF-8 sequence at s (n bytes left) and its code
 * point in *cp, or 0 when it is not valid.
 */
static size_t
utf8_decode(const unsigned char *s, size_t n, unsigned *cp)
{
	size_t need, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		need = 2;
		*cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		need = 3;
		*cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		need = 4;
		*cp = s[0] & 0x07;
	} else {
		return 0;
	}
	if (n < need)
		return 0;
	for (i = 1; i < need; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		*cp = *cp << 6 | (s[i] & 0x3f);
	}
	if ((need == 3 && (*cp < 0x800 || (*cp >= 0xd800 && *cp <= 0xdfff))) ||
	    (need == 4 && (*cp < 0x10000 || *cp > 0x10ffff)))
		return 0;
	return need;
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

/* What stands for a byte that cannot be written as itself. */
static const char *const tsv_escape[256] = {
	['\\'] = "\\\\", ['\t'] = "\\t", ['\n'] = "\\n", ['\r'] = "\\r",
};

static void
tsv_field(struct out *o, const char *s, size_t len)
{
	const char *e;
	size_t i;

	if (o->col > 0)
		putch(o, '\t');
	for (i = 0; i < len; i++)
		if ((e = tsv_escape[(unsigned char)s[i]]) != NULL)
			put(o, e, 2);
		else
			putch(o, s[i]);
}

/* --- Markdown --- */

static void
md_field(struct out *o, const char *s, size_t len)
{
	char g[GROUPED_MAX];
	size_t i;

	s = readable(o, s, &len, g);
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
	unsigned cp;

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
		} else if ((n = utf8_decode(u + i, len - i, &cp)) == 0) {
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
	if (o->types != NULL && is_number(o->types[o->col])) {
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
 * name as JSON shows it: each byte that is not UTF-8 as U+FFFD (as
 * json_string writes it), in *buf when that changes anything.
 */
static const char *
as_shown(const char *name, size_t *len, char **buf)
{
	const unsigned char *u = (const unsigned char *)name;
	size_t n = strlen(name), i, k, o = 0;
	unsigned cp;

	for (i = 0; i < n && (k = utf8_decode(u + i, n - i, &cp)) > 0; i += k)
		;
	*len = n;
	if (i == n)
		return name;
	*buf = xrealloc(*buf, 3 * n + 1);
	for (i = 0; i < n; i += k ? k : 1) {
		k = utf8_decode(u + i, n - i, &cp);
		memcpy(*buf + o, k ? name + i : "\xef\xbf\xbd", k ? k : 3);
		o += k ? k : 3;
	}
	(*buf)[o] = '\0';
	*len = o;
	return *buf;
}

/*
 * Makes names unique into keys (key i is name i's): a repeated name gets
 * "_2", "_3", ..., the first suffix that no earlier key has taken, so jq
 * sees every column.  Names are compared as JSON shows them, so two that
 * differ only in bytes that are not UTF-8 are told apart too.  Each name
 * remembers the next suffix to try, and the keys taken are a hash set, so
 * a header of thousands of empty names (a spreadsheet's leftover columns)
 * costs one lookup per key, not a scan of every earlier key per suffix
 * tried.  Suffixes below a name's next one stay taken, since keys are
 * never given back: the keys are those of trying "_2", "_3", ... from the
 * start.
 */
static void
make_keys(struct strmap *keys, const char *const *names, size_t n)
{
	struct strmap seen;		/* repeated names */
	size_t *next = NULL, cap = 0, i, b, len, klen;
	char *key = NULL, *fixed = NULL;
	const char *name;
	bool added;

	strmap_init(keys);
	strmap_init(&seen);
	for (i = 0; i < n; i++) {
		name = as_shown(names[i], &len, &fixed);
		strmap_intern(keys, name, len, &added);
		if (added)
			continue;
		b = strmap_intern(&seen, name, len, &added);
		if (b == cap) {
			cap = cap ? cap * 2 : 16;
			next = xreallocarray(next, cap, sizeof(*next));
		}
		if (added)
			next[b] = 2;
		key = xrealloc(key, len + 24);
		do {
			klen = (size_t)snprintf(key, len + 24, "%s_%zu", name,
			    next[b]++);
			strmap_intern(keys, key, klen, &added);
		} while (!added);
	}
	free(fixed);
	free(key);
	free(next);
	strmap_free(&seen);
}

/* --- table --- */

/*
 * The display width of s in terminal cells: wcwidth(3) of each character
 * under a UTF-8 LC_CTYPE (山田 is 4 cells), else one a UTF-8 character.
 * A byte that is not UTF-8 counts one cell.  Stops before the character
 * that would pass limit cells; *end gets the bytes counted.
 */
static size_t
text_width(const struct out *o, const char *s, size_t len, size_t limit,
    size_t *end)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, w = 0, n, cw;
	unsigned cp;
	int ww;

	while (i < len) {
		if (u[i] < 0x80) {
			n = 1;
			cw = 1;
		} else if ((n = utf8_decode(u + i, len - i, &cp)) == 0) {
			n = 1;
			cw = 1;
		} else if (o->utf8) {
			ww = wcwidth((wchar_t)cp);
			cw = ww < 0 ? 1 : (size_t)ww;
		} else {
			cw = 1;
		}
		if (w + cw > limit)
			break;
		w += cw;
		i += n;
	}
	if (end != NULL)
		*end = i;
	return w;
}

/* A number, even in a text column (an export's amounts): never cut. */
static bool
reads_as_number(const char *s, size_t len)
{
	int64_t v;

	return money_parse(s, len, false, &v, NULL) == MONEY_OK;
}

/*
 * Stores one cell: line breaks and tabs as spaces, amounts grouped, and
 * text wider than max_width cut before a whole character, with "…";
 * numbers are never cut.
 */
static void
table_cell(struct out *o, const char *s, size_t len)
{
	const char *ell = o->utf8 ? "\xe2\x80\xa6" : "...";
	size_t ellw = o->utf8 ? 1 : 3, i, keep, room;
	char g[GROUPED_MAX];
	struct cell *c;

	if (o->ncells == o->capcells) {
		o->capcells = o->capcells ? o->capcells * 2 : 256;
		o->cells = xrealloc(o->cells, o->capcells * sizeof(*o->cells));
	}
	c = &o->cells[o->ncells++];
	s = readable(o, s, &len, g);
	c->s = xmalloc(len + 4);
	/* A line break or tab would break the alignment: show a space. */
	for (i = 0; i < len; i++)
		c->s[i] = (s[i] == '\n' || s[i] == '\r' || s[i] == '\t') ?
		    ' ' : s[i];
	c->len = len;
	c->width = text_width(o, c->s, len, (size_t)-1, NULL);
	if (o->max_width > 0 && c->width > o->max_width && !is_number(
	    cell_type(o)) && !reads_as_number(c->s, len)) {
		room = o->max_width > ellw ? o->max_width - ellw : 0;
		c->width = text_width(o, c->s, len, room, &keep) + ellw;
		memcpy(c->s + keep, ell, strlen(ell));
		c->len = keep + strlen(ell);
	}
	c->s[c->len] = '\0';
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
		gap = w[c] - cells[c].width;
		right = !header && right_aligned(o, c);
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
		for (c = 0; c < o->ncols; c++)
			if (o->cells[r * o->ncols + c].width > w[c])
				w[c] = o->cells[r * o->ncols + c].width;
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

/* --- HTML --- */

/*
 * Mail clients drop <style> blocks and scripts, so every element carries
 * its own style; the colours are GitHub's light palette.
 */
#define HTML_TABLE "<table cellpadding=\"0\" cellspacing=\"0\" border=\"0\" " \
	"style=\"border-collapse:collapse;font-family:Helvetica,Arial," \
	"sans-serif;font-size:13px;line-height:18px;color:#1f2328\">\n"
#define HTML_CELL "padding:4px 6px;vertical-align:top;"
#define HTML_TH HTML_CELL "border-bottom:2px solid #57606a;"
#define HTML_TD HTML_CELL "border-bottom:1px solid #d0d7de;"
#define HTML_RIGHT "text-align:right;white-space:nowrap;"
/* Long words (an e-mail address as a rep's name) may break in a phone. */
#define HTML_WRAP "overflow-wrap:anywhere;word-break:break-word;"
#define HTML_BAR_TABLE "<table cellpadding=\"0\" cellspacing=\"0\" " \
	"border=\"0\" role=\"presentation\" style=\"border-collapse:collapse;" \
	"margin:3px 0 0 auto\"><tr>"
#define HTML_TRACK "#d0d7de"
#define HTML_TICK "#1f2328"
#define HTML_GOOD "#2da44e"
#define HTML_SHORT "#bf8700"
#define HTML_NEUTRAL "#0969da"
#define HTML_BAD "#cf222e"

/* What stands for an ASCII byte in html text, when not the byte itself. */
static const char *const html_escape[128] = {
	['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", ['"'] = "&quot;",
	['\''] = "&#39;", ['\n'] = "<br>", ['\r'] = "", ['\t'] = " ",
};

/*
 * Escaped text: markup characters as entities, line breaks as <br>,
 * control characters and bytes that are not UTF-8 as U+FFFD.
 */
static void
html_text(struct out *o, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, n;
	unsigned cp;

	while (i < len) {
		if (u[i] < 0x80 && html_escape[u[i]] != NULL) {
			putstr(o, html_escape[u[i]]);
			i++;
			continue;
		}
		n = utf8_decode(u + i, len - i, &cp);
		if (n == 0 || cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
			put(o, "\xef\xbf\xbd", 3);
			i += n ? n : 1;
		} else {
			put(o, s + i, n);
			i += n;
		}
	}
}

/* A status word on the background of its meaning; others on grey. */
static void
html_status(struct out *o, const char *s, size_t len)
{
	static const struct {
		const char *word, *bg, *fg;
	} tones[] = {
		{ "met", "#dafbe1", "#116329" },
		{ "ahead", "#dafbe1", "#116329" },
		{ "on-track", "#ddf4ff", "#0a3069" },
		{ "behind", "#fff8c5", "#7d4e00" },
		{ "at-risk", "#ffebe9", "#a40e26" },
		{ "no-goal", "#eaeef2", "#424a53" },
		{ "extra-effort", "#fff8c5", "#7d4e00" },
		{ "de-resource", "#ffebe9", "#a40e26" },
		{ "clean-up", "#ddf4ff", "#0a3069" },
	};
	const char *bg = "#eaeef2", *fg = "#424a53";
	size_t i;
	char st[160];

	if (len == 0)
		return;
	for (i = 0; i < sizeof(tones) / sizeof(tones[0]); i++)
		if (strlen(tones[i].word) == len &&
		    memcmp(tones[i].word, s, len) == 0) {
			bg = tones[i].bg;
			fg = tones[i].fg;
		}
	snprintf(st, sizeof(st), "<span style=\"background-color:%s;color:%s;"
	    "padding:1px 6px;border-radius:3px;white-space:nowrap\">", bg, fg);
	putstr(o, st);
	html_text(o, s, len);
	putstr(o, "</span>");
}

/*
 * A bar width px wide under a number: b->fill thousandths filled in
 * colour, a 2 px tick at b->tick.  Pixels of one colour make one cell.
 */
static void
html_bar(struct out *o, int width, const struct bar *b, const char *colour)
{
	int fill = (b->fill * width + 500) / 1000, tick = -10, x, start;
	const char *c, *prev = NULL;
	char seg[160];

	if (b->tick >= 0) {
		tick = (b->tick * width + 500) / 1000;
		if (tick > width - 2)
			tick = width - 2;
	}
	putstr(o, HTML_BAR_TABLE);
	for (x = start = 0; x <= width; x++) {
		c = x == width ? NULL : x >= tick && x < tick + 2 ? HTML_TICK :
		    x < fill ? colour : HTML_TRACK;
		if (x > 0 && c != prev) {
			snprintf(seg, sizeof(seg), "<td style=\"width:%dpx;"
			    "height:6px;padding:0;background-color:%s;"
			    "font-size:0;line-height:0\"></td>", x - start,
			    prev);
			putstr(o, seg);
			start = x;
		}
		prev = c;
	}
	putstr(o, "</tr></table>");
}

/* The thousandths of a bar that v (a percentage, scale decimals) fills. */
static int
permille(int64_t v, int scale)
{
	int64_t unit = 1;

	while (scale-- > 0)
		unit *= 10;
	if (v <= 0)
		return 0;
	if (v >= 100 * unit)
		return 1000;
	return (int)(v * 10 / unit);
}

static void
html_cell(struct out *o, const char *s, size_t len, const struct bar *bar)
{
	enum out_type t = cell_type(o);
	char g[GROUPED_MAX];
	const char *p;
	struct bar risk;
	size_t i, end;
	int64_t v;

	if (o->col == 0)
		putstr(o, "<tr>");
	if (o->header) {
		putstr(o, right_aligned(o, o->col) ?
		    "<th style=\"" HTML_TH "text-align:right\">" :
		    "<th style=\"" HTML_TH "text-align:left\">");
		/* attainment_pct as "attainment pct", so that it can wrap. */
		for (i = 0; i < len; i = end + 1) {
			p = memchr(s + i, '_', len - i);
			end = p != NULL ? (size_t)(p - s) : len;
			if (i > 0)
				putch(o, ' ');
			html_text(o, s + i, end - i);
		}
		putstr(o, "</th>");
		return;
	}
	putstr(o, is_number(t) ? "<td style=\"" HTML_TD HTML_RIGHT "\">" :
	    t == OT_DATE ? "<td style=\"" HTML_TD "white-space:nowrap\">" :
	    t == OT_STATUS ? "<td style=\"" HTML_TD "\">" :
	    "<td style=\"" HTML_TD HTML_WRAP "\">");
	if (t == OT_STATUS) {
		html_status(o, s, len);
	} else {
		s = readable(o, s, &len, g);
		html_text(o, s, len);
	}
	if (bar != NULL)
		html_bar(o, 80, bar, bar->tick < 0 ? (bar->fill >= 1000 ?
		    HTML_GOOD : HTML_NEUTRAL) : bar->fill >= bar->tick ?
		    HTML_GOOD : HTML_SHORT);
	else if (t == OT_RISK && decimal_parse(s, len, 0, &v) == MONEY_OK) {
		risk.fill = permille(v, 0);
		risk.tick = -1;
		html_bar(o, 40, &risk, v >= 70 ? HTML_BAD : v >= 40 ?
		    HTML_SHORT : HTML_NEUTRAL);
	}
	putstr(o, "</td>");
}

/* --- cells and rows, whatever the format --- */

/* Writes one cell of the current row in the format. */
static void
put_cell(struct out *o, const char *s, size_t len, const struct bar *bar)
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
	case OUT_HTML:
		html_cell(o, s, len, bar);
		break;
	}
	o->col++;
}

static void
end_row(struct out *o)
{
	assert(o->col == o->ncols);
	switch (o->fmt) {
	case OUT_CSV:
	case OUT_TSV:
		putch(o, '\n');
		break;
	case OUT_MARKDOWN:
		put(o, " |\n", 3);
		break;
	case OUT_NDJSON:
		put(o, "}\n", 2);
		break;
	case OUT_HTML:
		putstr(o, "</tr>\n");
		break;
	case OUT_TABLE:
		break;
	}
	o->col = 0;
}

/* --- the view: rows gathered, handed over, and written as they come back */

/* The row the view hands back: the shown fields, then their bars. */
static void
emit_row(void *ctx, const struct csv_row *row)
{
	struct out *o = ctx;
	const char *p = row->f[o->ncols];
	size_t i, nb = row->len[o->ncols] / (3 * sizeof(int));
	int b[3];

	for (i = 0; i < o->ncols; i++)
		o->showbar[i].fill = -1;
	for (i = 0; i < nb; i++) {
		memcpy(b, p + i * sizeof(b), sizeof(b));
		o->showbar[b[0]].fill = b[1];
		o->showbar[b[0]].tick = b[2];
	}
	for (i = 0; i < o->ncols; i++)
		put_cell(o, row->f[i], row->len[i], o->showbar[i].fill < 0 ?
		    NULL : &o->showbar[i]);
	end_row(o);
}

static void
gather(struct out *o, const char *s, size_t len, const struct bar *bar)
{
	struct gathered *g = &o->g;

	assert(g->col < o->nin);
	if (g->len + len + 1 > g->cap) {
		g->cap = (g->len + len + 1) * 2;
		g->b = xrealloc(g->b, g->cap);
	}
	memcpy(g->b + g->len, s, len);
	g->b[g->len + len] = '\0';
	g->off[g->col] = g->len;
	g->flen[g->col] = len;
	g->len += len + 1;
	g->bar[g->col].fill = -1;
	if (bar != NULL) {
		g->bar[g->col] = *bar;
		g->anybar = true;
	}
	g->col++;
}

/*
 * Hands the gathered row to the view: the shown fields, then one field
 * of (position, fill, tick) triples for the bars among them.
 */
static void
hand_over(struct out *o)
{
	struct gathered *g = &o->g;
	struct csv_row row = { .n = o->ncols + 1, .f = g->f, .len = g->flens };
	size_t i, c, nb = 0;
	int b[3];

	assert(g->col == o->nin);
	for (i = 0; i < o->ncols; i++) {
		c = o->show[i];
		g->f[i] = g->b + g->off[c];
		g->flens[i] = g->flen[c];
		if (g->anybar && g->bar[c].fill >= 0) {
			b[0] = (int)i;
			b[1] = g->bar[c].fill;
			b[2] = g->bar[c].tick;
			memcpy(g->bars + nb++ * sizeof(b), b, sizeof(b));
		}
	}
	g->f[o->ncols] = g->bars;
	g->flens[o->ncols] = nb * sizeof(b);
	if (o->sortcol >= 0)
		view_rows_put(o->rows, &row, g->b + g->off[o->sortcol],
		    g->flen[o->sortcol], o->intypes != NULL &&
		    is_number(o->intypes[o->sortcol]));
	else
		view_rows_put(o->rows, &row, NULL, 0, false);
	g->len = 0;
	g->col = 0;
	g->anybar = false;
}

/*
 * Resolves the view's names among the tool's columns and makes the
 * columns that go out; exits with status 2 on a name that is none.
 */
static void
start_view(struct out *o, size_t *n, const char *const **names,
    const enum out_type **types)
{
	struct strmap all;
	size_t i, nshow;
	int rc;

	make_keys(&all, *names, *n);
	rc = view_resolve(&o->spec, &all, o->lookup, o->lookup_ctx, &o->show,
	    &nshow, &o->sortcol);
	strmap_free(&all);
	if (rc != 0)
		exit(EXIT_USAGE);
	o->nin = *n;
	o->intypes = *types;
	o->shownames = xreallocarray(NULL, nshow ? nshow : 1,
	    sizeof(*o->shownames));
	o->showtypes = xreallocarray(NULL, nshow ? nshow : 1,
	    sizeof(*o->showtypes));
	o->showbar = xreallocarray(NULL, nshow ? nshow : 1,
	    sizeof(*o->showbar));
	for (i = 0; i < nshow; i++) {
		o->shownames[i] = (*names)[o->show[i]];
		o->showtypes[i] = *types != NULL ? (*types)[o->show[i]] :
		    OT_TEXT;
	}
	o->g.off = xreallocarray(NULL, *n ? *n : 1, sizeof(*o->g.off));
	o->g.flen = xreallocarray(NULL, *n ? *n : 1, sizeof(*o->g.flen));
	o->g.bar = xreallocarray(NULL, *n ? *n : 1, sizeof(*o->g.bar));
	o->g.f = xreallocarray(NULL, nshow + 1, sizeof(*o->g.f));
	o->g.flens = xreallocarray(NULL, nshow + 1, sizeof(*o->g.flens));
	o->g.bars = xreallocarray(NULL, nshow ? nshow : 1, 3 * sizeof(int));
	o->rows = view_rows_open(&o->spec, VIEW_BUDGET, emit_row, o);
	*n = nshow;
	*names = o->shownames;
	*types = o->showtypes;
}

/* --- the interface --- */

static void
field(struct out *o, const char *s, size_t len, const struct bar *bar)
{
	if (o->rows != NULL)
		gather(o, s, len, bar);
	else
		put_cell(o, s, len, bar);
}

void
out_field(struct out *o, const char *s, size_t len)
{
	field(o, s, len, NULL);
}

void
out_fields(struct out *o, char *const *f, const size_t *len, const int *idx,
    size_t n)
{
	size_t i;

	if (o->fmt != OUT_CSV || o->rows != NULL) {
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
	if (o->fmt != OUT_CSV || o->rows != NULL || n < 2 || total > OBUF ||
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
	if (o->rows != NULL)
		hand_over(o);
	else
		end_row(o);
}

void
out_columns(struct out *o, size_t n, const char *const *names,
    const enum out_type *types)
{
	size_t i;

	if (view_active(&o->spec))
		start_view(o, &n, &names, &types);
	o->ncols = n;
	o->types = types;
	if (o->fmt == OUT_NDJSON) {
		make_keys(&o->keys, names, n);
		return;
	}
	if (o->fmt == OUT_HTML) {
		putstr(o, HTML_TABLE);
		o->html_open = true;
	}
	o->header = true;
	for (i = 0; i < n; i++)
		put_cell(o, names[i], strlen(names[i]), NULL);
	end_row(o);
	o->header = false;
	if (o->fmt == OUT_MARKDOWN) {
		for (i = 0; i < n; i++)
			put(o, right_aligned(o, i) ? "| ---: " : "| --- ",
			    right_aligned(o, i) ? 7 : 6);
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
out_pct_bar(struct out *o, int64_t v, int scale, int64_t tick)
{
	char b[MONEY_BUFSZ];
	size_t len = decimal_format(v, scale, b);
	struct bar bar;

	if (o->fmt != OUT_HTML) {
		out_field(o, b, len);
		return;
	}
	bar.fill = permille(v, scale);
	bar.tick = tick == OUT_NO_TICK ? -1 : permille(tick, scale);
	field(o, b, len, &bar);
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

	if (o->rows != NULL)
		view_rows_close(o->rows);
	if (o->fmt == OUT_TABLE)
		table_write(o);
	if (o->html_open)
		putstr(o, "</table>\n");
	flush_buf(o);
	if (fflush(o->fp) != 0 || ferror(o->fp))
		o->failed = true;
	rc = o->failed ? -1 : 0;
	for (i = 0; i < o->ncells; i++)
		free(o->cells[i].s);
	free(o->cells);
	strmap_free(&o->keys);
	free(o->show);
	free(o->shownames);
	free(o->showtypes);
	free(o->showbar);
	free(o->g.b);
	free(o->g.off);
	free(o->g.flen);
	free(o->g.bar);
	free(o->g.f);
	free(o->g.flens);
	free(o->g.bars);
	free(o);
	return rc;
}
