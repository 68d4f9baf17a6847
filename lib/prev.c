/*
 * prev: loading last week's export into a map from deal id.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "diag.h"
#include "prev.h"
#include "xalloc.h"

/* The pushes column funnel-flag writes, if this file has one. */
static int
pushes_column(const struct csv_row *hdr)
{
	size_t i;

	for (i = 0; i < hdr->n; i++)
		if (header_matches(hdr->f[i], hdr->len[i], "pushes"))
			return (int)i;
	return -1;
}

static int
read_pushes(const struct csv_reader *r, const struct csv_row *row, int col,
    int *pushes)
{
	char *end;
	long v;

	if (col < 0 || row->len[col] == 0)
		return 0;
	v = strtol(row->f[col], &end, 10);
	if (*end != '\0' || v < 0 || v > 1000000) {
		diag_value(csvr_name(r), row->line, "pushes", row->f[col],
		    row->len[col], "a count");
		diag_reject();
		return -1;
	}
	*pushes = (int)v;
	return 0;
}

static void
remember(struct prev_map *pm, const struct deal *d, int pushes)
{
	bool added;
	size_t k = strmap_intern(&pm->ids, d->id.s, d->id.len, &added);
	struct ff_prev *p;
	size_t n;

	if (added) {
		pm->recs = xrealloc(pm->recs, pm->ids.n * sizeof(*pm->recs));
	}
	p = &pm->recs[k];
	p->close = d->close;
	p->has_amount = d->has_amount;
	p->amount = d->amount;
	stage_key(d->stage.s, d->stage.len, p->stage_key);
	n = d->stage.len < STAGE_KEY_SZ - 1 ? d->stage.len : STAGE_KEY_SZ - 1;
	memcpy(p->stage, d->stage.s, n);
	p->stage[n] = '\0';
	p->prob = d->prob;
	p->pushes = pushes;
}

void
prev_load(struct prev_map *pm, const char *path, struct common_opts *opt)
{
	struct csv_reader *r = csvr_open_path(path, opt->delim);
	const struct csv_row *hdr, *row;
	struct deal_reader dr;
	struct deal d;
	int col, rc, pushes;

	strmap_init(&pm->ids);
	pm->recs = NULL;
	if (csvr_header(r, &hdr) != 0)
		exit(EXIT_USAGE);
	deal_reader_init(&dr, hdr, csvr_name(r), opt);
	colmap_require(&dr.cols, F_ID);
	col = pushes_column(hdr);
	while ((rc = csvr_next(r, &row)) != 0) {
		if (rc < 0 || deal_read(&dr, row, &d) != 0)
			continue;
		pushes = d.push > 0 ? d.push : 0;
		if (read_pushes(r, row, col, &pushes) != 0)
			continue;
		remember(pm, &d, pushes);
	}
	csvr_close(r);
}

const struct ff_prev *
prev_find(const struct prev_map *pm, struct text id)
{
	size_t k = strmap_find(&pm->ids, id.s, id.len);

	return k == (size_t)-1 ? NULL : &pm->recs[k];
}

void
prev_free(struct prev_map *pm)
{
	strmap_free(&pm->ids);
	free(pm->recs);
}
