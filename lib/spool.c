/*
 * spool: each row is written as its line number, field count and field
 * lengths, then the field bytes.
 */
#include <err.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "spool.h"

struct spool {
	FILE *fp;
	char *path;
	/* the row read back */
	struct csv_row row;
	char *bytes;
	size_t cap, fcap;
	uint32_t *lens;
};

static void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (q == NULL)
		err(EXIT_USAGE, "out of memory");
	return q;
}

struct spool *
spool_open(void)
{
	struct spool *sp = xrealloc(NULL, sizeof(*sp));
	const char *dir = getenv("TMPDIR");
	size_t n;
	int fd;

	memset(sp, 0, sizeof(*sp));
	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	n = strlen(dir) + sizeof("/salesperf.XXXXXX");
	sp->path = xrealloc(NULL, n);
	snprintf(sp->path, n, "%s/salesperf.XXXXXX", dir);
	if ((fd = mkstemp(sp->path)) < 0)
		err(EXIT_USAGE, "cannot make a temporary file in %s", dir);
	/* Unlinked at once: nothing is left behind if the run is killed. */
	unlink(sp->path);
	if ((sp->fp = fdopen(fd, "w+b")) == NULL)
		err(EXIT_USAGE, "temporary file");
	setvbuf(sp->fp, NULL, _IOFBF, 1 << 20);
	return sp;
}

static void
put(struct spool *sp, const void *p, size_t n)
{
	if (n > 0 && fwrite(p, 1, n, sp->fp) != n)
		err(EXIT_USAGE, "writing the temporary file in %s",
		    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
}

void
spool_put(struct spool *sp, const struct csv_row *row)
{
	int64_t line = row->line;
	uint32_t n = (uint32_t)row->n, len;
	size_t i;

	put(sp, &line, sizeof(line));
	put(sp, &n, sizeof(n));
	for (i = 0; i < row->n; i++) {
		len = (uint32_t)row->len[i];
		put(sp, &len, sizeof(len));
	}
	for (i = 0; i < row->n; i++)
		put(sp, row->f[i], row->len[i]);
}

void
spool_rewind(struct spool *sp)
{
	if (fflush(sp->fp) != 0)
		err(EXIT_USAGE, "writing the temporary file");
	rewind(sp->fp);
}

static int
get(struct spool *sp, void *p, size_t n)
{
	if (n == 0)
		return 1;
	if (fread(p, 1, n, sp->fp) == n)
		return 1;
	if (ferror(sp->fp))
		err(EXIT_USAGE, "reading the temporary file");
	return 0;
}

int
spool_get(struct spool *sp, const struct csv_row **row)
{
	int64_t line;
	uint32_t n;
	size_t i, total = 0, o = 0;

	if (!get(sp, &line, sizeof(line)))
		return 0;
	if (!get(sp, &n, sizeof(n)))
		errx(EXIT_USAGE, "the temporary file is cut short");
	if (n > sp->fcap) {
		sp->fcap = n;
		sp->lens = xrealloc(sp->lens, n * sizeof(*sp->lens));
		sp->row.f = xrealloc(sp->row.f, n * sizeof(char *));
		sp->row.len = xrealloc(sp->row.len, n * sizeof(size_t));
	}
	if (!get(sp, sp->lens, n * sizeof(*sp->lens)))
		errx(EXIT_USAGE, "the temporary file is cut short");
	for (i = 0; i < n; i++)
		total += sp->lens[i] + 1;
	if (total > sp->cap) {
		sp->cap = total;
		sp->bytes = xrealloc(sp->bytes, total);
	}
	for (i = 0; i < n; i++) {
		if (!get(sp, sp->bytes + o, sp->lens[i]))
			errx(EXIT_USAGE, "the temporary file is cut short");
		sp->row.f[i] = sp->bytes + o;
		sp->row.len[i] = sp->lens[i];
		o += sp->lens[i];
		sp->bytes[o++] = '\0';
	}
	sp->row.n = n;
	sp->row.line = (long)line;
	*row = &sp->row;
	return 1;
}

void
spool_close(struct spool *sp)
{
	if (sp == NULL)
		return;
	fclose(sp->fp);
	free(sp->path);
	free(sp->bytes);
	free(sp->lens);
	free(sp->row.f);
	free(sp->row.len);
	free(sp);
}
