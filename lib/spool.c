/*
 * spool: the file is written and read through a buffer of our own, one
 * record a row:
 *
 *   header   record length, line, field count, blob length, length width
 *   blob     padded to 8 bytes
 *   lengths  one a field: a byte each when every field is under 256
 *            bytes long (the usual row), else a uint32 each
 *   bytes    each field followed by a NUL
 *
 * Reading hands out pointers into the buffer, so fields are not copied.
 */
#include <assert.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "spool.h"
#include "xalloc.h"

#define SPOOL_BUF (1 << 20)

struct rec_head {
	uint64_t size;		/* the whole record, padded to 8 */
	int64_t line;
	uint32_t nfields;
	uint16_t bloblen;
	uint16_t lenwidth;	/* 1 or 4 bytes a length */
};

struct spool {
	int fd;
	const char *dir;
	unsigned char *buf;
	size_t cap, len, pos;	/* reading: valid bytes, next record */
	bool eof;
	struct csv_row row;
	size_t fcap;
};


static size_t
pad8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

struct spool *
spool_open(void)
{
	struct spool *sp = xrealloc(NULL, sizeof(*sp));
	char *path;
	size_t n;

	memset(sp, 0, sizeof(*sp));
	sp->dir = getenv("TMPDIR");
	if (sp->dir == NULL || *sp->dir == '\0')
		sp->dir = "/tmp";
	n = strlen(sp->dir) + sizeof("/salesperf.XXXXXX");
	path = xrealloc(NULL, n);
	snprintf(path, n, "%s/salesperf.XXXXXX", sp->dir);
	if ((sp->fd = mkstemp(path)) < 0)
		err(EXIT_USAGE, "cannot make a temporary file in %s", sp->dir);
	/*
	 * Run with standard output closed, the file would take descriptor 1
	 * and the output would be written into it, over the rows.
	 */
	if (sp->fd <= STDERR_FILENO) {
		int fd = fcntl(sp->fd, F_DUPFD, STDERR_FILENO + 1);

		if (fd < 0)
			err(EXIT_USAGE, "cannot make a temporary file in %s",
			    sp->dir);
		close(sp->fd);
		sp->fd = fd;
	}
	/* Unlinked at once: nothing is left behind if the run is killed. */
	unlink(path);
	free(path);
	sp->cap = SPOOL_BUF;
	sp->buf = xrealloc(NULL, sp->cap);
	return sp;
}

static void
flush_out(struct spool *sp)
{
	size_t off = 0;
	ssize_t w;

	while (off < sp->len) {
		w = write(sp->fd, sp->buf + off, sp->len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			err(EXIT_USAGE, "writing the temporary file in %s",
			    sp->dir);
		off += (size_t)w;
	}
	sp->len = 0;
}

void
spool_put(struct spool *sp, const struct csv_row *row, const void *blob,
    size_t bloblen)
{
	struct rec_head h;
	size_t i, bytes = 0, o, longest = 0;
	uint32_t len;

	assert(bloblen <= UINT16_MAX);
	for (i = 0; i < row->n; i++) {
		bytes += row->len[i] + 1;
		if (row->len[i] > longest)
			longest = row->len[i];
	}
	h.lenwidth = longest < 256 ? 1 : sizeof(len);
	h.size = pad8(sizeof(h) + pad8(bloblen) + row->n * h.lenwidth +
	    bytes);
	h.line = row->line;
	h.nfields = (uint32_t)row->n;
	h.bloblen = (uint16_t)bloblen;
	if (sp->len + h.size > sp->cap) {
		flush_out(sp);
		if (h.size > sp->cap) {
			sp->cap = h.size;
			sp->buf = xrealloc(sp->buf, sp->cap);
		}
	}
	o = sp->len;
	/* Padding goes out as zeros, not as whatever the buffer held. */
	memset(sp->buf + o + h.size - 8, 0, 8);
	memset(sp->buf + o + sizeof(h), 0, pad8(bloblen));
	memcpy(sp->buf + o, &h, sizeof(h));
	o += sizeof(h);
	memcpy(sp->buf + o, blob, bloblen);
	o += pad8(bloblen);
	for (i = 0; i < row->n; i++) {
		len = (uint32_t)row->len[i];
		if (h.lenwidth == 1)
			sp->buf[o++] = (unsigned char)len;
		else {
			memcpy(sp->buf + o, &len, sizeof(len));
			o += sizeof(len);
		}
	}
	if (row->bytes != NULL && row->nbytes == bytes) {
		memcpy(sp->buf + o, row->bytes, bytes);
	} else {
		for (i = 0; i < row->n; i++) {
			memcpy(sp->buf + o, row->f[i], row->len[i]);
			o += row->len[i];
			sp->buf[o++] = '\0';
		}
	}
	sp->len += h.size;
}

void
spool_rewind(struct spool *sp)
{
	flush_out(sp);
	if (lseek(sp->fd, 0, SEEK_SET) != 0)
		err(EXIT_USAGE, "rewinding the temporary file");
	sp->len = sp->pos = 0;
	sp->eof = false;
}

/* Makes at least want bytes from pos available; false at the end. */
static bool
fill_in(struct spool *sp, size_t want)
{
	ssize_t r;

	if (sp->len - sp->pos >= want)
		return true;
	memmove(sp->buf, sp->buf + sp->pos, sp->len - sp->pos);
	sp->len -= sp->pos;
	sp->pos = 0;
	if (want > sp->cap) {
		sp->cap = want;
		sp->buf = xrealloc(sp->buf, sp->cap);
	}
	while (sp->len < want && !sp->eof) {
		r = read(sp->fd, sp->buf + sp->len, sp->cap - sp->len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			err(EXIT_USAGE, "reading the temporary file");
		if (r == 0)
			sp->eof = true;
		sp->len += (size_t)r;
	}
	return sp->len >= want;
}

int
spool_get(struct spool *sp, const struct csv_row **row, const void **blob)
{
	struct rec_head h;
	unsigned char *p;
	size_t i, o;
	uint32_t len;

	if (!fill_in(sp, sizeof(h)))
		return 0;
	memcpy(&h, sp->buf + sp->pos, sizeof(h));
	if (!fill_in(sp, h.size))
		errx(EXIT_USAGE, "the temporary file is cut short");
	p = sp->buf + sp->pos;
	if (h.nfields > sp->fcap) {
		sp->fcap = h.nfields;
		sp->row.f = xrealloc(sp->row.f, sp->fcap * sizeof(char *));
		sp->row.len = xrealloc(sp->row.len, sp->fcap * sizeof(size_t));
	}
	o = sizeof(h);
	*blob = p + o;
	o += pad8(h.bloblen);
	for (i = 0; i < h.nfields; i++) {
		if (h.lenwidth == 1)
			len = p[o + i];
		else
			memcpy(&len, p + o + i * sizeof(len), sizeof(len));
		sp->row.len[i] = len;
	}
	o += h.nfields * h.lenwidth;
	for (i = 0; i < h.nfields; i++) {
		sp->row.f[i] = (char *)p + o;
		o += sp->row.len[i] + 1;
	}
	sp->row.n = h.nfields;
	sp->row.line = (long)h.line;
	sp->row.bytes = h.nfields > 0 ? sp->row.f[0] : NULL;
	sp->row.nbytes = (size_t)((char *)p + o - (h.nfields > 0 ?
	    sp->row.f[0] : (char *)p + o));
	sp->pos += h.size;
	*row = &sp->row;
	return 1;
}

void
spool_close(struct spool *sp)
{
	if (sp == NULL)
		return;
	close(sp->fd);
	free(sp->buf);
	free(sp->row.f);
	free(sp->row.len);
	free(sp);
}
