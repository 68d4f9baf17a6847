/*
 * fuzz_csv_chunk: the CSV reader reads its input in chunks of 256 KB and
 * must give the same rows wherever a chunk ends (inside a quoted field,
 * between CR and LF, in a doubled quote).
 *
 * The input is read twice after a one-line header of as many fields as
 * its own first row: once with a short header line, once with a header
 * line long enough that the chunk boundary falls k bytes into the input
 * (k from the first two bytes).  Both runs must return the same rows, the
 * same lines and the same messages.
 */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fuzz.h"

#define CHUNK (256 * 1024)	/* csvio.c's chunk */

struct run {
	char *log;
	size_t loglen;
	char *rows;		/* every row: rc, line, fields, serialized */
	size_t len, cap;
	long read, rejected;
};

static void
add(struct run *r, const void *p, size_t n)
{
	if (r->len + n > r->cap) {
		r->cap = (r->len + n) * 2;
		r->rows = realloc(r->rows, r->cap);
		if (r->rows == NULL)
			abort();
	}
	memcpy(r->rows + r->len, p, n);
	r->len += n;
}

static void
read_all(const uint8_t *buf, size_t size, int delim, struct run *run)
{
	const struct csv_row *hdr, *row;
	struct csv_reader *rd;
	FILE *fp = fuzz_memfile(buf, size);
	const char *log;
	int rc;

	memset(run, 0, sizeof(*run));
	diag_reset();
	fuzz_log_reset();
	rd = csvr_open(fp, "fuzz", delim);
	if (csvr_header(rd, &hdr) == 0)
		while ((rc = csvr_next(rd, &row)) != 0) {
			add(run, &rc, sizeof(rc));
			if (rc < 0)
				continue;
			add(run, &row->line, sizeof(row->line));
			add(run, &row->n, sizeof(row->n));
			for (size_t i = 0; i < row->n; i++) {
				add(run, &row->len[i], sizeof(row->len[i]));
				add(run, row->f[i], row->len[i]);
			}
		}
	run->read = diag_rows();
	run->rejected = diag_rejected();
	log = fuzz_log(&run->loglen);
	run->log = malloc(run->loglen + 1);
	memcpy(run->log, log, run->loglen);
	csvr_close(rd);
	fclose(fp);
}

/* The first row's field count and the delimiter, read on their own. */
static bool
first_row(const uint8_t *data, size_t size, int delim, size_t *n, int *d)
{
	const struct csv_row *hdr;
	struct csv_reader *rd;
	FILE *fp = fuzz_memfile(data, size);
	bool ok;

	rd = csvr_open(fp, "fuzz", delim);
	ok = csvr_header(rd, &hdr) == 0;
	if (ok) {
		*n = hdr->n;
		*d = csvr_delim(rd);
	}
	csvr_close(rd);
	fclose(fp);
	return ok;
}

/* prefix: a run of 'x' and n - 1 delimiters, total bytes long, then LF. */
static uint8_t *
with_header(const uint8_t *data, size_t size, size_t n, int delim,
    size_t total)
{
	uint8_t *buf = malloc(total + size);
	size_t x = total - n;

	memset(buf, 'x', x);
	memset(buf + x, delim, n - 1);
	buf[total - 1] = '\n';
	memcpy(buf + total, data, size);
	return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int delims[] = { ',', ';', '\t', CSV_DELIM_AUTO };
	uint8_t c0 = fuzz_byte(&data, &size), c1 = fuzz_byte(&data, &size);
	int delim = delims[c0 & 3], d;
	struct run a, b;
	size_t n, k;
	uint8_t *abuf, *bbuf;

	if (size == 0 || (size >= 2 && ((data[0] == 0xff && data[1] == 0xfe) ||
	    (data[0] == 0xfe && data[1] == 0xff))))
		return 0;
	if (!first_row(data, size, delim, &n, &d) || n > 1000)
		return 0;
	k = 1 + ((size_t)(c0 >> 2) << 8 | c1) % size;
	fuzz_log_keep(true);
	bbuf = with_header(data, size, n, d, n + 1);
	abuf = with_header(data, size, n, d, CHUNK - k);
	read_all(bbuf, n + 1 + size, d, &b);
	read_all(abuf, CHUNK - k + size, d, &a);
	fuzz_log_keep(false);
	FUZZ_CHECK(a.read == b.read && a.rejected == b.rejected,
	    "boundary %zu: %ld/%ld rows read/rejected, %ld/%ld without", k,
	    a.read, a.rejected, b.read, b.rejected);
	FUZZ_CHECK(a.len == b.len && memcmp(a.rows, b.rows, a.len) == 0,
	    "boundary %zu: rows differ", k);
	FUZZ_CHECK(a.loglen == b.loglen && memcmp(a.log, b.log, a.loglen) == 0,
	    "boundary %zu: messages differ:\n%.*s\n--- without:\n%.*s", k,
	    (int)a.loglen, a.log, (int)b.loglen, b.log);
	free(a.rows);
	free(b.rows);
	free(a.log);
	free(b.log);
	free(abuf);
	free(bbuf);
	return 0;
}
