/*
 * funnel: the two passes of funnel-flag.
 */
#include <err.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "deal.h"
#include "diag.h"
#include "funnel.h"
#include "output.h"
#include "prev.h"
#include "spool.h"
#include "xalloc.h"

void
funnel_opts_init(struct funnel_opts *o)
{
	memset(o, 0, sizeof(*o));
	common_init(&o->common);
	ff_config_init(&o->cfg);
	o->input = "-";
}

void
funnel_opts_free(struct funnel_opts *o)
{
	common_free(&o->common);
	ff_config_free(&o->cfg);
}

/* Which input columns go out: all of them, or those --keep names. */
struct passthru {
	int *col;
	size_t n;
	bool all;		/* every column, in order */
};

static void
choose_columns(struct passthru *pt, const struct colmap *m, const char *keep)
{
	struct kv *kv;
	size_t i, n;
	char list[2048];

	pt->all = keep == NULL;
	if (keep == NULL) {
		pt->n = m->hdr->n;
		pt->col = xmalloc((pt->n ? pt->n : 1) * sizeof(int));
		for (i = 0; i < pt->n; i++)
			pt->col[i] = (int)i;
		return;
	}
	n = kvlist_parse("--keep", keep, &kv);
	pt->col = xmalloc(n * sizeof(int));
	for (i = 0; i < n; i++) {
		if (kv[i].name != NULL ||
		    (pt->col[i] = colmap_find_name(m, kv[i].value)) < 0) {
			colmap_list_headers(m, list, sizeof(list));
			errx(EXIT_USAGE, "--keep: no column \"%s%s%s\" in %s; "
			    "headers found: %s", kv[i].name ? kv[i].name : "",
			    kv[i].name ? "=" : "", kv[i].value, m->file, list);
		}
	}
	pt->n = n;
	kv_free(kv, n);
}

/* The kept input columns, then the ones funnel-flag adds. */
static const char **
output_columns(const struct csv_row *hdr, const struct passthru *pt,
    bool pushes, size_t *n, enum out_type **types)
{
	static const char *const added[] = { "flags", "risk", "action",
	    "why" };
	size_t i, k = 0, total = pt->n + 4 + pushes;
	const char **names = xcalloc(total, sizeof(*names));

	*types = xcalloc(total, sizeof(**types));
	for (i = 0; i < pt->n; i++)
		names[k++] = hdr->f[pt->col[i]];
	if (pushes) {
		(*types)[k] = OT_NUMBER;
		names[k++] = "pushes";
	}
	for (i = 0; i < 4; i++) {
		if (strcmp(added[i], "risk") == 0)
			(*types)[k] = OT_NUMBER;
		names[k++] = added[i];
	}
	*n = total;
	return names;
}

static void
write_row(struct out *out, const struct csv_row *row,
    const struct passthru *pt, const struct ff_result *r, bool pushes)
{
	char flags[256];

	if (pt->all && row->bytes != NULL)
		out_fields_packed(out, row->bytes, row->len, row->n);
	else
		out_fields(out, row->f, row->len, pt->col, pt->n);
	if (pushes)
		out_int(out, r->pushes);
	out_field(out, flags, ff_flags_string(r->flags, flags, sizeof(flags)));
	out_int(out, r->risk);
	out_str(out, ff_action_name(r->action));
	out_str(out, r->why);
	out_row_end(out);
}

/*
 * What pass one read from a row, parked with it so that pass two need not
 * read the values again; the texts are found in the row itself.
 */
struct facts {
	int64_t amount;
	int32_t close, created, activity, stage_changed;
	int32_t prob, push, discount;
	uint8_t cls, has_amount, next_step_empty;
};

static void
pack(const struct deal *d, struct facts *f)
{
	memset(f, 0, sizeof(*f));
	f->amount = d->amount;
	f->close = d->close;
	f->created = d->created;
	f->activity = d->activity;
	f->stage_changed = d->stage_changed;
	f->prob = d->prob;
	f->push = d->push;
	f->discount = d->discount;
	f->cls = (uint8_t)d->cls;
	f->has_amount = d->has_amount;
	f->next_step_empty = d->next_step_empty;
}

static void
unpack(const struct deal_reader *dr, const struct csv_row *row,
    const struct facts *f, struct deal *d)
{
	deal_texts(dr, row, d);
	d->amount = f->amount;
	d->close = f->close;
	d->created = f->created;
	d->activity = f->activity;
	d->stage_changed = f->stage_changed;
	d->prob = f->prob;
	d->push = f->push;
	d->discount = f->discount;
	d->cls = (enum stage_class)f->cls;
	d->has_amount = f->has_amount;
	d->next_step_empty = f->next_step_empty;
	d->line = row->line;
}

/* Pass one: learn from every good row and park it in the spool. */
static void
learn_pass(struct csv_reader *in, struct deal_reader *dr,
    const struct ff_config *cfg, struct ff_learn *learn, struct spool *sp)
{
	const struct csv_row *row;
	struct facts f;
	struct deal d;
	int rc;

	while ((rc = csvr_next(in, &row)) != 0) {
		if (rc < 0 || deal_read(dr, row, &d) != 0)
			continue;
		ff_learn_add(learn, cfg, &d);
		pack(&d, &f);
		spool_put(sp, row, &f, sizeof(f));
	}
}

/* Pass two: judge each parked row and write it out. */
static void
flag_pass(struct funnel_opts *o, struct deal_reader *dr,
    const struct ff_learn *learn, const struct prev_map *pm,
    const struct passthru *pt, struct spool *sp, struct out *out)
{
	const struct csv_row *row;
	const struct ff_prev *prev;
	const void *facts;
	struct ff_result r;
	struct deal d;

	spool_rewind(sp);
	while (spool_get(sp, &row, &facts)) {
		unpack(dr, row, facts, &d);
		prev = pm != NULL ? prev_find(pm, d.id) : NULL;
		ff_evaluate(&o->cfg, learn, &d, prev, &r);
		if (o->flagged_only && r.flags == 0)
			continue;
		write_row(out, row, pt, &r, pm != NULL);
	}
}

int
funnel_run(struct funnel_opts *o, FILE *fp)
{
	struct csv_reader *in = csvr_open_path(o->input, o->common.delim);
	const struct csv_row *hdr;
	struct deal_reader dr;
	struct ff_learn learn;
	struct prev_map pm;
	struct passthru pt;
	struct spool *sp;
	struct out *out;
	enum out_type *types;
	const char **names;
	size_t ncols;

	o->cfg.as_of = o->common.as_of;
	if (csvr_header(in, &hdr) != 0) {
		csvr_close(in);
		return EXIT_USAGE;
	}
	deal_reader_init(&dr, hdr, csvr_name(in), &o->common);
	colmap_require(&dr.cols, F_STAGE);
	o->cfg.has_amount_col = colmap_has(&dr.cols, F_AMOUNT);
	o->cfg.has_close_col = colmap_has(&dr.cols, F_CLOSE);
	choose_columns(&pt, &dr.cols, o->keep);
	if (o->prev_path != NULL) {
		colmap_require(&dr.cols, F_ID);
		prev_load(&pm, o->prev_path, &o->common);
	}
	ff_learn_init(&learn);
	sp = spool_open();
	learn_pass(in, &dr, &o->cfg, &learn, sp);
	ff_learn_finish(&learn, &o->cfg);

	names = output_columns(hdr, &pt, o->prev_path != NULL, &ncols, &types);
	out = out_open(fp, o->common.format);
	out_columns(out, ncols, names, types);
	flag_pass(o, &dr, &learn, o->prev_path != NULL ? &pm : NULL, &pt, sp,
	    out);
	out_close(out);

	spool_close(sp);
	ff_learn_free(&learn);
	if (o->prev_path != NULL)
		prev_free(&pm);
	free(names);
	free(types);
	free(pt.col);
	csvr_close(in);
	return diag_finish();
}
