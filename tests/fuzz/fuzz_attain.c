/*
 * fuzz_attain: a goals file and an export through goalfile_read,
 * actuals_read, attain_build and attain_write, as attain(1) runs them.
 *
 * Input: two control bytes (as-of, --by, --count, output format), the
 * goals CSV, "\n--\n", the export.  Properties: every goals row and every
 * export row is counted or rejected; in each window the rep rows add up
 * to each team roll-up and to the total roll-up exactly (goal, actual,
 * pipeline), or the roll-up is left out; UBSan stops on any overflow.
 */
#include <stdlib.h>
#include <string.h>

#include "actuals.h"
#include "attain.h"
#include "date.h"
#include "diag.h"
#include "fuzz.h"
#include "goalfile.h"
#include "opts.h"
#include "output.h"

static bool counting;

static bool
goal_columns(const struct colmap *m)
{
	return colmap_has(m, F_REP) && colmap_has(m, F_GOAL) &&
	    (colmap_has(m, F_PERIOD) || colmap_has(m, F_START) ||
	    !colmap_has(m, F_END));
}

static bool
export_columns(const struct colmap *m)
{
	bool activity = !colmap_has(m, F_STAGE) && !colmap_has(m, F_STATUS);

	return colmap_has(m, F_REP) && (colmap_has(m, F_CLOSE) ||
	    (activity && colmap_has(m, F_DATE))) &&
	    (counting || colmap_has(m, F_AMOUNT));
}

struct run {
	struct actuals act;
	struct actuals_reader ar;
	struct csv_reader *rd;
	long good;
};

static void
read_rows(void *arg)
{
	struct run *r = arg;
	const struct csv_row *row;
	int rc;

	while ((rc = csvr_next(r->rd, &row)) != 0)
		if (rc > 0 && actuals_read(&r->act, &r->ar, row) == 0)
			r->good++;
}

__extension__ typedef __int128 wide;

/* The rep rows of window win (and team, unless NULL), summed exactly. */
static bool
rep_sums(const struct attain_report *rep, const struct period *win,
    const char *team, struct attain_sums *out)
{
	wide goal = 0, actual = 0, pipeline = 0;
	bool any = false;

	memset(out, 0, sizeof(*out));
	for (size_t k = 0; k < rep->n; k++) {
		const struct attain_row *row = &rep->rows[k];
		if (row->level != LV_REP || row->win != win ||
		    (team != NULL && strcmp(row->team, team) != 0))
			continue;
		any = true;
		out->has_goal |= row->sums.has_goal;
		goal += row->sums.goal;
		actual += row->sums.actual;
		pipeline += row->sums.pipeline;
	}
	out->goal = (int64_t)goal;
	out->actual = (int64_t)actual;
	out->pipeline = (int64_t)pipeline;
	return any && goal == out->goal && actual == out->actual &&
	    pipeline == out->pipeline;
}

static const struct attain_row *
find_rollup(const struct attain_report *rep, const struct period *win,
    enum attain_level level, const char *team)
{
	for (size_t k = 0; k < rep->n; k++)
		if (rep->rows[k].level == level && rep->rows[k].win == win &&
		    (team == NULL || strcmp(rep->rows[k].team, team) == 0))
			return &rep->rows[k];
	return NULL;
}

static void
check_one(const struct attain_report *rep, const struct period *win,
    enum attain_level level, const char *team)
{
	const struct attain_row *up = find_rollup(rep, win, level, team);
	struct attain_sums sum;

	if (!rep_sums(rep, win, team, &sum)) {
		FUZZ_CHECK(up == NULL, "a roll-up of sums beyond int64");
		return;
	}
	FUZZ_CHECK(up != NULL, "roll-up of team \"%s\" missing",
	    team ? team : "(total)");
	FUZZ_CHECK(sum.has_goal == up->sums.has_goal &&
	    sum.goal == up->sums.goal && sum.actual == up->sums.actual &&
	    sum.pipeline == up->sums.pipeline,
	    "roll-up of team \"%s\" is not the sum of its reps",
	    team ? team : "(total)");
}

/* In each window the rep rows add up to each roll-up, or it is left out. */
static void
check_rollups(const struct attain_report *rep, const struct attain_opts *o)
{
	for (size_t i = 0; i < rep->n; i++) {
		const struct attain_row *row = &rep->rows[i];
		if (row->level != LV_REP)
			continue;
		if (o->by_team)
			check_one(rep, row->win, LV_TEAM, row->team);
		if (o->by_total)
			check_one(rep, row->win, LV_TOTAL, NULL);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t c0 = fuzz_byte(&data, &size), c1 = fuzz_byte(&data, &size);
	const uint8_t *goals, *deals;
	size_t glen, dlen;
	struct common_opts c;
	struct goal_opts go;
	struct attain_opts ao;
	struct attain_report rep;
	struct goalfile gf;
	struct period fallback, *wins;
	const struct csv_row *hdr;
	struct run r;
	struct out *o;
	char *buf;
	size_t len, nwin;
	long rows0, rej0;
	FILE *gfp, *dfp, *ofp;
	int st;

	counting = c1 & 4;
	fuzz_split(data, size, &goals, &glen, &deals, &dlen);
	if (!fuzz_peek_header(goals, glen, CSV_DELIM_AUTO, goal_columns) ||
	    !fuzz_peek_header(deals, dlen, CSV_DELIM_AUTO, export_columns))
		return 0;
	diag_reset();
	common_init(&c);
	c.as_of = date_from_ymd(2027, 1, 1) + c0 % 120;
	period_quarter_of(date_from_ymd(2027, 2, 1), 1, &fallback);
	memset(&go, 0, sizeof(go));
	memset(&ao, 0, sizeof(ao));
	ao.as_of = c.as_of;
	ao.by_team = c1 & 1;
	ao.by_total = c1 & 2;
	ao.count = counting;
	ao.metric = "";
	go.fiscal_start = 1;
	go.whole = counting;
	go.fallback = &fallback;
	goalfile_init(&gf);
	gfp = fuzz_memfile(goals, glen);
	goalfile_read(&gf, gfp, "goals", &go);
	fclose(gfp);
	rows0 = diag_rows();
	rej0 = diag_rejected();
	FUZZ_CHECK((long)gf.n + rej0 == rows0, "%zu goals + %ld rejected != "
	    "%ld read", gf.n, rej0, rows0);
	if (gf.n == 0) {	/* attain stops: "no goals" */
		goalfile_free(&gf);
		common_free(&c);
		return 0;
	}

	memset(&r, 0, sizeof(r));
	nwin = attain_windows(&gf, &wins);
	actuals_init(&r.act, wins, nwin, c.as_of);
	free(wins);
	dfp = fuzz_memfile(deals, dlen);
	r.rd = csvr_open(dfp, "deals", CSV_DELIM_AUTO);
	if (csvr_header(r.rd, &hdr) != 0)
		abort();	/* fuzz_peek_header read it */
	actuals_reader_init(&r.ar, hdr, "deals", &c, counting);
	/* A second currency without --rates ends the run with status 1. */
	if ((st = fuzz_run(read_rows, &r)) < 0) {
		FUZZ_CHECK(r.good + diag_rejected() - rej0 ==
		    diag_rows() - rows0, "%ld counted + %ld rejected != %ld "
		    "read", r.good, diag_rejected() - rej0,
		    diag_rows() - rows0);
		attain_build(&rep, &gf, &r.act, &ao);
		ofp = open_memstream(&buf, &len);
		o = out_open(ofp, (enum out_format)((c1 >> 3) % 5));
		attain_write(&rep, o, &ao);
		FUZZ_CHECK(out_close(o) == 0, "out_close");
		fclose(ofp);
		free(buf);
		check_rollups(&rep, &ao);
		attain_report_free(&rep);
	} else {
		FUZZ_CHECK(st == EXIT_BADROWS, "exit %d", st);
	}
	csvr_close(r.rd);
	fclose(dfp);
	actuals_free(&r.act);
	goalfile_free(&gf);
	common_free(&c);
	return 0;
}
