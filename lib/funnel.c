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

/*
 * --fields and --sort find an input column by a field name ("amount"), a
 * header as --col takes it, or "#N"; the input columns come first.
 */
static int
find_column(void *ctx, const char *name)
{
	return colmap_find_name(ctx, name);
}

/*
 * --keep LIST is --fields LIST followed by the columns funnel-flag adds,
 * named by position so that an input column of the same name is not
 * taken for them.  Returns the list (malloc'd) or NULL without --keep.
 */
static char *
keep_as_fields(struct funnel_opts *o, size_t ninput, size_t nadded)
{
	size_t i, n, len;
	char *list;

	if (o->keep == NULL)
		return NULL;
	if (o->common.out.view.fields != NULL)
		errx(EXIT_USAGE, "--keep and --fields: give one (--keep LIST "
		    "is --fields LIST,flags,risk,action,why)");
	n = strlen(o->keep) + nadded * 24 + 1;
	list = xmalloc(n);
	len = (size_t)snprintf(list, n, "%s", o->keep);
	for (i = 0; i < nadded; i++)
		len += (size_t)snprintf(list + len, n - len, ",#%zu",
		    ninput + i + 1);
	o->common.out.view.fields = list;
	o->common.out.view.fields_opt = "--keep";
	return list;
}

/* The input columns, then the ones funnel-flag adds. */
static const char **
output_columns(const struct csv_row *hdr, bool pushes, size_t *n,
    enum out_type **types)
{
	static const char *const added[] = { "flags", "risk", "action",
	    "why" };
	static const enum out_type added_types[] = { OT_TEXT, OT_RISK,
	    OT_STATUS, OT_TEXT };
	size_t i, k = 0, total = hdr->n + 4 + pushes;
	const char **names = xcalloc(total, sizeof(*names));

	*types = xcalloc(total, sizeof(**types));
	for (i = 0; i < hdr->n; i++)
		names[k++] = hdr->f[i];
	if (pushes) {
		(*types)[k] = OT_COUNT;
		names[k++] = "pushes";
	}
	for (i = 0; i < 4; i++) {
		(*types)[k] = added_types[i];
		names[k++] = added[i];
	}
	*n = total;
	return names;
}

static void
write_row(struct out *out, const struct csv_row *row,
    const struct ff_result *r, bool pushes)
{
	char flags[256];
	size_t i;

	if (row->bytes != NULL)
		out_fields_packed(out, row->bytes, row->len, row->n);
	else
		for (i = 0; i < row->n; i++)
			out_field(out, row->f[i], row->len[i]);
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
    struct spool *sp, struct out *out)
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
		write_row(out, row, &r, pm != NULL);
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
	struct spool *sp;
	struct out *out;
	enum out_type *types;
	const char **names;
	char *keep;
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
	/*
	 * The columns are settled before the first pass, so a --fields name
	 * that is no column stops the run at once; the header waits in the
	 * writer's buffer.
	 */
	names = output_columns(hdr, o->prev_path != NULL, &ncols, &types);
	keep = keep_as_fields(o, hdr->n, ncols - hdr->n);
	out = out_open_opts(fp, &o->common.out);
	out_lookup(out, find_column, &dr.cols);
	out_columns(out, ncols, names, types);
	if (o->prev_path != NULL) {
		colmap_require(&dr.cols, F_ID);
		prev_load(&pm, o->prev_path, &o->common);
	}
	ff_learn_init(&learn);
	sp = spool_open();
	learn_pass(in, &dr, &o->cfg, &learn, sp);
	ff_learn_finish(&learn, &o->cfg);

	flag_pass(o, &dr, &learn, o->prev_path != NULL ? &pm : NULL, sp, out);
	out_close(out);

	spool_close(sp);
	ff_learn_free(&learn);
	if (o->prev_path != NULL)
		prev_free(&pm);
	free(names);
	free(types);
	free(keep);
	csvr_close(in);
	return diag_finish();
}
