/*
 * fuzz_forecast: an opportunity export through deal_read, fc_add,
 * fc_finish and fc_write, as forecast(1) runs it.
 *
 * Input: two control bytes (as-of, period, levels, ranges, decimal
 * comma, --stage-prob), then the export.  Properties, for every group
 * shown:
 *   closed <= p10 <= p50 <= p90 <= closed + pipeline
 *   closed <= weighted <= closed + pipeline, commit <= best_case
 *   the rep rows and the team rows each add up to the total row
 * and every data row is either counted or rejected.  Sums that do not
 * fit are rejected rows, never wrapped values (UBSan would stop on a
 * signed overflow).
 */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "deal.h"
#include "diag.h"
#include "forecast.h"
#include "fuzz.h"
#include "opts.h"
#include "output.h"

static bool
has_columns(const struct colmap *m)
{
	return colmap_has(m, F_AMOUNT) && colmap_has(m, F_STAGE) &&
	    colmap_has(m, F_CLOSE);
}

static void
check_group(const struct fc_group *g, bool ranges)
{
	int64_t top = g->closed + g->pipeline;

	FUZZ_CHECK(g->pipeline >= 0, "pipeline %lld", (long long)g->pipeline);
	FUZZ_CHECK(g->commit_open >= 0 && g->best_open >= 0 &&
	    g->commit_open + g->best_open <= g->pipeline, "categories");
	FUZZ_CHECK(g->closed <= g->weighted && g->weighted <= top,
	    "weighted %lld outside %lld..%lld", (long long)g->weighted,
	    (long long)g->closed, (long long)top);
	if (ranges)
		FUZZ_CHECK(g->closed <= g->range.p10 &&
		    g->range.p10 <= g->range.p50 &&
		    g->range.p50 <= g->range.p90 && g->range.p90 <= top,
		    "range %lld %lld %lld outside %lld..%lld",
		    (long long)g->range.p10, (long long)g->range.p50,
		    (long long)g->range.p90, (long long)g->closed,
		    (long long)top);
}

/* The groups of a level add up to the total. */
static void
check_level(const struct forecast *f, enum fc_level l)
{
	const struct fc_group *t = fc_group(f, FC_TOTAL, "");
	int64_t closed = 0, pipeline = 0, commit = 0, best = 0;
	long deals = 0;

	if (t == NULL)
		return;
	for (size_t i = 0; i < f->names[l].n; i++) {
		const struct fc_group *g = &f->group[l][i];
		closed += g->closed;
		pipeline += g->pipeline;
		commit += g->commit_open;
		best += g->best_open;
		deals += g->deals;
	}
	FUZZ_CHECK(closed == t->closed && pipeline == t->pipeline &&
	    commit == t->commit_open && best == t->best_open &&
	    deals == t->deals, "level %d does not add up to the total", l);
}

/* What the rows are read into, reachable after an exit. */
struct run {
	struct csv_reader *rd;
	struct deal_reader dr;
	struct forecast f;
	long good;
};

static void
read_rows(void *arg)
{
	struct run *r = arg;
	const struct csv_row *row;
	struct deal d;
	int rc;

	while ((rc = csvr_next(r->rd, &row)) != 0)
		if (rc > 0 && deal_read(&r->dr, row, &d) == 0 &&
		    fc_add(&r->f, &d, "fuzz") == 0)
			r->good++;
}

static void
write_and_check(struct run *r, const struct fc_opts *fo, const char *label,
    enum out_format fmt)
{
	struct forecast *f = &r->f;
	char *buf;
	size_t len;
	FILE *fp;
	struct out *o;

	FUZZ_CHECK(r->good + diag_rejected() == diag_rows(),
	    "%ld counted + %ld rejected != %ld read", r->good,
	    diag_rejected(), diag_rows());
	fc_finish(f);
	fc_report(f);
	fp = open_memstream(&buf, &len);
	o = out_open(fp, fmt);
	fc_write(f, o, label);
	FUZZ_CHECK(out_close(o) == 0, "out_close");
	fclose(fp);
	free(buf);
	for (int l = 0; l < FC_NLEVELS; l++) {
		if (!(fo->levels & FC_LEVEL_BIT(l)))
			continue;
		for (size_t i = 0; i < f->names[l].n; i++)
			check_group(&f->group[l][i], fo->ranges);
		if (l != FC_TOTAL)
			check_level(f, l);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t c0 = fuzz_byte(&data, &size), c1 = fuzz_byte(&data, &size);
	struct common_opts c;
	struct fc_opts fo;
	struct period period;
	const struct csv_row *hdr;
	struct run r;
	FILE *fp;
	int st;

	if (!fuzz_peek_header(data, size, CSV_DELIM_AUTO, has_columns))
		return 0;
	diag_reset();
	common_init(&c);
	c.as_of = date_from_ymd(2027, 1, 1) + c0 % 120;
	c.decimal_comma = c1 & 1;
	period_quarter_of(date_from_ymd(2027, 2, 1), 1, &period);
	fc_opts_default(&fo);
	fo.start = period.start;
	fo.end = period.end;
	fo.as_of = c.as_of;
	fo.trials = 100;
	fo.ranges = !(c1 & 2);
	fo.levels = FC_LEVEL_BIT(FC_TOTAL) | ((c1 & 4) ? 0 :
	    FC_LEVEL_BIT(FC_REP));
	if (c1 & 8)
		fc_stagemap_probs(&fo.stage_prob, "--stage-prob",
		    "Negotiation=80,Proposal=0.5,30");
	memset(&r, 0, sizeof(r));
	fp = fuzz_memfile(data, size);
	r.rd = csvr_open(fp, "fuzz", CSV_DELIM_AUTO);
	if (csvr_header(r.rd, &hdr) != 0)
		abort();	/* fuzz_peek_header read it */
	deal_reader_init(&r.dr, hdr, "fuzz", &c);
	if (colmap_has(&r.dr.cols, F_TEAM) && (c1 & 16))
		fo.levels |= FC_LEVEL_BIT(FC_TEAM);
	if (!colmap_has(&r.dr.cols, F_REP))
		fo.levels &= ~FC_LEVEL_BIT(FC_REP);
	fc_init(&r.f, &fo);
	/* A second currency without --rates ends the run with status 1. */
	if ((st = fuzz_run(read_rows, &r)) < 0)
		write_and_check(&r, &fo, period.label,
		    (enum out_format)((c1 >> 5) % 5));
	else
		FUZZ_CHECK(st == EXIT_BADROWS, "exit %d", st);
	fc_free(&r.f);
	fc_stagemap_free(&fo.stage_prob);
	csvr_close(r.rd);
	fclose(fp);
	common_free(&c);
	return 0;
}
