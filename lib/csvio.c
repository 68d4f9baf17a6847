/*
 * csvio: streaming CSV input on libcsv, with physical line numbers.
 *
 * libcsv reports fields and row ends but not where they are.  To know the
 * line each row starts on, the input is fed to the parser one physical
 * line at a time (a segment ends at LF or CR): a row can only end at the
 * end of a segment, so the line of the segment in which a row's first byte
 * was fed is the row's line, even when quoted fields span several lines.
 */
#include <err.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "csvio.h"
#include "diag.h"
#include "xalloc.h"

#define CHUNK (256 * 1024)
#define ROW_NOT_BEGUN 0		/* libcsv's parser state before a row */

struct csv_reader {
	FILE *fp;
	bool own_fp;
	char *name;
	struct csv_parser p;
	int delim;

	unsigned char *buf;	/* current chunk of input */
	size_t len, pos;
	bool eof;		/* fp has no more bytes */
	bool finished;		/* csv_fini has run */
	bool started;		/* the first chunk was checked for a BOM */
	long line;		/* physical line of buf[pos] */
	bool cr_pending;	/* the chunk ended in CR: LF may follow */
	long seg_line;		/* line of the segment being fed */
	bool line_ended;	/* the last segment ended a line */
	bool skip_line;		/* a bad line goes on into the next chunk */
	size_t next_cr;		/* index of the next CR in buf, or len */

	/* The row being built: field bytes, each followed by a NUL. */
	char *fbuf;
	size_t flen, fcap;
	size_t *foff, *fsize;
	char **fptr;
	size_t nf, nfcap;
	bool row_started, row_done;
	long row_line;
	struct csv_row row;

	struct csv_row hdr;	/* a copy, kept for the reader's life */
	bool have_hdr;
};


int
csv_delim_parse(const char *arg)
{
	static const struct {
		const char *name;
		int c;
	} names[] = {
		{ "tab", '\t' }, { "comma", ',' }, { "semicolon", ';' },
		{ "pipe", '|' }, { "\\t", '\t' }, { "auto", CSV_DELIM_AUTO },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(arg, names[i].name) == 0)
			return names[i].c;
	if (strlen(arg) != 1 || arg[0] == '"' || arg[0] == '\r' ||
	    arg[0] == '\n')
		return -1;
	return (unsigned char)arg[0];
}

/* Fields keep their spaces: an amount of " 5" is the analyst's to see. */
static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void
parser_reset(struct csv_reader *r)
{
	if (r->p.entry_buf != NULL || r->p.status != 0)
		csv_free(&r->p);
	if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		errx(EXIT_USAGE, "cannot set up the CSV parser");
	csv_set_space_func(&r->p, no_space);
	csv_set_blk_size(&r->p, 64 * 1024);
	if (r->delim != CSV_DELIM_AUTO)
		csv_set_delim(&r->p, (unsigned char)r->delim);
}

static struct csv_reader *
reader_new(FILE *fp, bool own, const char *name, int delim)
{
	struct csv_reader *r = xrealloc(NULL, sizeof(*r));

	memset(r, 0, sizeof(*r));
	r->fp = fp;
	r->own_fp = own;
	r->name = xstrdup(name);
	r->delim = delim;
	r->buf = xrealloc(NULL, CHUNK);
	r->line = 1;
	parser_reset(r);
	return r;
}

struct csv_reader *
csvr_open(FILE *fp, const char *name, int delim)
{
	return reader_new(fp, false, name, delim);
}

struct csv_reader *
csvr_open_path(const char *path, int delim)
{
	FILE *fp;

	if (strcmp(path, "-") == 0)
		return reader_new(stdin, false, "stdin", delim);
	if ((fp = fopen(path, "rb")) == NULL)
		err(EXIT_USAGE, "%s", path);
	return reader_new(fp, true, path, delim);
}

static void
free_row(struct csv_row *row)
{
	size_t i;

	for (i = 0; i < row->n; i++)
		free(row->f[i]);
	free(row->f);
	free(row->len);
}

void
csvr_close(struct csv_reader *r)
{
	if (r == NULL)
		return;
	if (r->own_fp)
		fclose(r->fp);
	csv_free(&r->p);
	if (r->have_hdr)
		free_row(&r->hdr);
	free(r->name);
	free(r->buf);
	free(r->fbuf);
	free(r->foff);
	free(r->fsize);
	free(r->fptr);
	free(r);
}

const char *
csvr_name(const struct csv_reader *r)
{
	return r->name;
}

int
csvr_delim(const struct csv_reader *r)
{
	return r->delim;
}

static void
on_field(void *s, size_t len, void *data)
{
	struct csv_reader *r = data;

	if (!r->row_started) {
		r->row_started = true;
		r->row_line = r->seg_line;
	}
	if (r->nf == r->nfcap) {
		r->nfcap = r->nfcap ? r->nfcap * 2 : 32;
		r->foff = xrealloc(r->foff, r->nfcap * sizeof(*r->foff));
		r->fsize = xrealloc(r->fsize, r->nfcap * sizeof(*r->fsize));
		r->fptr = xrealloc(r->fptr, r->nfcap * sizeof(*r->fptr));
	}
	if (r->flen + len + 1 > r->fcap) {
		while (r->flen + len + 1 > r->fcap)
			r->fcap = r->fcap ? r->fcap * 2 : 4096;
		r->fbuf = xrealloc(r->fbuf, r->fcap);
	}
	if (len > 0)
		memcpy(r->fbuf + r->flen, s, len);
	r->foff[r->nf] = r->flen;
	r->fsize[r->nf] = len;
	r->flen += len;
	r->fbuf[r->flen++] = '\0';
	r->nf++;
}

static void
on_row(int c, void *data)
{
	struct csv_reader *r = data;

	(void)c;
	if (!r->row_started) {
		r->row_started = true;
		r->row_line = r->seg_line;
	}
	r->row_done = true;
}

static void
row_clear(struct csv_reader *r)
{
	r->nf = 0;
	r->flen = 0;
	r->row_started = false;
	r->row_done = false;
}

/* Makes r->row point at the fields just collected. */
static void
row_publish(struct csv_reader *r)
{
	size_t i;

	for (i = 0; i < r->nf; i++)
		r->fptr[i] = r->fbuf + r->foff[i];
	r->row.n = r->nf;
	r->row.f = r->fptr;
	r->row.len = r->fsize;
	r->row.line = r->row_line;
	r->row.bytes = r->fbuf;
	r->row.nbytes = r->flen;
}

/*
 * The header line decides the delimiter under -d auto: the most frequent
 * of comma, tab, semicolon and pipe outside quotes; comma when none occurs.
 */
static int
sniff_delim(const unsigned char *s, size_t n)
{
	static const char cand[] = { ',', '\t', ';', '|' };
	size_t count[4] = { 0 }, i, k, best = 0;
	bool quoted = false;

	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted && (s[i] == '\n' || s[i] == '\r'))
			break;
		else if (!quoted)
			for (k = 0; k < 4; k++)
				if (s[i] == (unsigned char)cand[k])
					count[k]++;
	}
	for (k = 1; k < 4; k++)
		if (count[k] > count[best])
			best = k;
	return cand[best];
}

/* Returns false at the end of the input. */
static bool
fill(struct csv_reader *r)
{
	if (r->eof)
		return false;
	r->len = fread(r->buf, 1, CHUNK, r->fp);
	r->pos = 0;
	if (r->len < CHUNK) {
		if (ferror(r->fp))
			err(EXIT_USAGE, "%s: read error", r->name);
		r->eof = true;
	}
	r->next_cr = 0;
	if (!r->started) {
		r->started = true;
		if (r->len >= 2 && ((r->buf[0] == 0xff && r->buf[1] == 0xfe) ||
		    (r->buf[0] == 0xfe && r->buf[1] == 0xff)))
			errx(EXIT_USAGE, "%s: input is UTF-16; convert it to "
			    "UTF-8 first (iconv -f UTF-16 -t UTF-8)", r->name);
		if (r->len >= 3 && memcmp(r->buf, "\xef\xbb\xbf", 3) == 0)
			r->pos = 3;
		if (r->delim == CSV_DELIM_AUTO) {
			r->delim = sniff_delim(r->buf + r->pos,
			    r->len - r->pos);
			csv_set_delim(&r->p, (unsigned char)r->delim);
		}
	}
	return r->len > r->pos;
}

/*
 * End of the segment starting at pos: just past the next CR or LF.  The
 * next CR is looked up once and remembered, so files without CRs cost one
 * memchr a chunk for them.
 */
static size_t
segment_end(struct csv_reader *r)
{
	const unsigned char *s = r->buf + r->pos, *p;
	size_t n = r->len - r->pos;
	const unsigned char *lf = memchr(s, '\n', n);
	size_t lf_at = lf ? r->pos + (size_t)(lf - s) : r->len;

	if (r->next_cr < r->pos) {
		p = memchr(s, '\r', n);
		r->next_cr = p ? r->pos + (size_t)(p - s) : r->len;
	}
	if (r->next_cr < lf_at)
		return r->next_cr + 1;
	return lf ? lf_at + 1 : r->len;
}

/* Advances the line count over the segment [pos, end). */
static void
count_line_end(struct csv_reader *r, size_t end)
{
	unsigned char last = r->buf[end - 1];

	r->line_ended = last == '\n' || last == '\r';
	if (last == '\n') {
		r->line++;
	} else if (last == '\r') {
		if (end < r->len) {
			if (r->buf[end] != '\n')
				r->line++;
		} else {
			r->cr_pending = true;
		}
	}
}

/*
 * Reports a quoting error in the segment just fed, drops the partial row
 * and skips the rest of that physical line.
 */
static void
quote_error(struct csv_reader *r, size_t end)
{
	if (r->row_started && r->row_line != r->seg_line)
		diag_at(r->name, r->seg_line, "bad quoting in the row that "
		    "starts on line %ld: a quote inside an unquoted field or "
		    "text after a closing quote", r->row_line);
	else
		diag_at(r->name, r->seg_line, "bad quoting: a quote inside "
		    "an unquoted field or text after a closing quote");
	row_clear(r);
	parser_reset(r);
	count_line_end(r, end);
	/* The chunk ended before the line did: skip the rest there too. */
	r->skip_line = !r->line_ended;
	r->pos = end;
}

enum step { STEP_ROW, STEP_BAD, STEP_MORE, STEP_END };

/* Feeds one segment, or finishes the input. */
static enum step
step(struct csv_reader *r)
{
	size_t end, n, fed;

	if (r->pos == r->len && !fill(r)) {
		if (r->finished)
			return STEP_END;
		r->finished = true;
		if (r->cr_pending) {
			r->cr_pending = false;
			r->line++;
		}
		r->seg_line = r->line;
		if (csv_fini(&r->p, on_field, on_row, r) != 0) {
			diag_at(r->name, r->row_line, "unterminated quoted "
			    "field: lines %ld to %ld (the end of the input) "
			    "could not be read as rows", r->row_line,
			    r->line_ended ? r->line - 1 : r->line);
			row_clear(r);
			return STEP_BAD;
		}
		return r->row_done ? STEP_ROW : STEP_END;
	}
	if (r->cr_pending) {
		r->cr_pending = false;
		if (r->buf[r->pos] != '\n')
			r->line++;
	}
	end = segment_end(r);
	if (r->skip_line) {
		count_line_end(r, end);
		r->skip_line = !r->line_ended;
		r->pos = end;
		return STEP_MORE;
	}
	n = end - r->pos;
	r->seg_line = r->line;
	fed = csv_parse(&r->p, r->buf + r->pos, n, on_field, on_row, r);
	if (fed != n) {
		if (csv_error(&r->p) != CSV_EPARSE)
			errx(EXIT_USAGE, "%s:%ld: %s", r->name, r->seg_line,
			    csv_strerror(csv_error(&r->p)));
		quote_error(r, end);
		return STEP_BAD;
	}
	if (!r->row_started && r->p.pstate != ROW_NOT_BEGUN) {
		r->row_started = true;
		r->row_line = r->seg_line;
	}
	count_line_end(r, end);
	r->pos = end;
	return r->row_done ? STEP_ROW : STEP_MORE;
}

/* Reads one row, good or bad: 1 row, 0 end, -1 bad (already reported). */
static int
read_row(struct csv_reader *r)
{
	enum step s;

	row_clear(r);
	while ((s = step(r)) == STEP_MORE)
		;
	if (s == STEP_END)
		return 0;
	if (s == STEP_BAD)
		return -1;
	row_publish(r);
	return 1;
}

/*
 * UTF-16 without a byte-order mark shows as a header whose every other
 * byte is NUL: at least a third of its bytes NUL is taken as UTF-16.
 */
static bool
looks_utf16(const struct csv_row *row, bool *big_endian)
{
	size_t i, nul = 0, all = 0;

	for (i = 0; i < row->n; i++) {
		const char *p = row->f[i], *end = p + row->len[i];

		all += row->len[i];
		while ((p = memchr(p, '\0', (size_t)(end - p))) != NULL) {
			nul++;
			p++;
		}
	}
	*big_endian = row->n > 0 && row->len[0] > 0 && row->f[0][0] == '\0';
	return nul > 0 && 3 * nul >= all;
}

int
csvr_header(struct csv_reader *r, const struct csv_row **hdr)
{
	size_t i;
	int rc;
	bool be;

	if ((rc = read_row(r)) <= 0) {
		if (rc == 0)
			warnx("%s: empty input: no header row", r->name);
		return -1;
	}
	if (looks_utf16(&r->row, &be)) {
		warnx("%s: input looks like UTF-16 (NUL bytes in the header); "
		    "convert it to UTF-8 first (iconv -f UTF-16%s -t UTF-8)",
		    r->name, be ? "BE" : "LE");
		return -1;
	}
	r->hdr.n = r->row.n;
	r->hdr.line = r->row.line;
	r->hdr.f = xrealloc(NULL, r->row.n * sizeof(char *));
	r->hdr.len = xrealloc(NULL, r->row.n * sizeof(size_t));
	for (i = 0; i < r->row.n; i++) {
		r->hdr.len[i] = r->row.len[i];
		r->hdr.f[i] = xrealloc(NULL, r->row.len[i] + 1);
		memcpy(r->hdr.f[i], r->row.f[i], r->row.len[i] + 1);
	}
	r->have_hdr = true;
	*hdr = &r->hdr;
	return 0;
}

int
csvr_next(struct csv_reader *r, const struct csv_row **row)
{
	int rc = read_row(r);

	if (rc == 0)
		return 0;
	diag_count_row();
	if (rc < 0) {
		diag_reject();
		return -1;
	}
	if (r->have_hdr && r->row.n != r->hdr.n) {
		diag_at(r->name, r->row.line, "%zu field%s, expected %zu as "
		    "in the header", r->row.n, r->row.n == 1 ? "" : "s",
		    r->hdr.n);
		diag_reject();
		return -1;
	}
	*row = &r->row;
	return 1;
}
