/*
 * attain: the arithmetic of attainment, pace and coverage, and the report
 * that puts rep rows and roll-ups together.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "attain.h"
#include "date.h"
#include "diag.h"
#include "money.h"
#include "natcmp.h"
#include "xalloc.h"

/* a × num ÷ den rounded, into *out; false (figure empty) when undefined. */
static bool
ratio(int64_t a, int64_t num, int64_t den, int64_t *out)
{
	if (den == 0)
		return false;
	return muldiv_round(a, num, den, out);
}

/* Business days of w: in all, through as_of, and after as_of. */
static void
count_days(const struct period *w, int32_t as_of, const struct calendar *cal,
    struct attain_figs *f)
{
	f->busdays = cal_busdays(cal, w->start, w->end);
	if (as_of < w->start)
		f->elapsed = 0;
	else if (as_of >= w->end)
		f->elapsed = f->busdays;
	else
		f->elapsed = cal_busdays(cal, w->start, as_of);
	f->left = f->busdays - f->elapsed;
}

/*
 * What is expected by as_of.  A window without business days expects
 * nothing until it is over and the whole goal after.
 */
static void
expected_to_date(const struct attain_sums *s, const struct period *w,
    int32_t as_of, struct attain_figs *f)
{
	if (!s->has_goal)
		return;
	if (f->busdays == 0) {
		f->expected = as_of >= w->end ? s->goal : 0;
		f->has_expected = true;
	} else {
		f->has_expected = ratio(s->goal, f->elapsed, f->busdays,
		    &f->expected);
	}
}

/*
 * The status, in order: met; over (no business day left) and not met is
 * at-risk; not begun (nothing expected yet) is on-track; then by pace;
 * below pace, behind while the open pipeline could still cover the gap,
 * at-risk when it could not.
 */
static enum attain_status
status_of(const struct attain_sums *s, const struct period *w, int32_t as_of,
    const struct attain_figs *f)
{
	if (!s->has_goal)
		return ST_NO_GOAL;
	if (s->actual >= s->goal)
		return ST_MET;
	if (f->left == 0 && as_of >= w->start)
		return ST_AT_RISK;
	if (!f->has_pace)
		return ST_ON_TRACK;
	if (f->pace >= ATTAIN_AHEAD_PACE)
		return ST_AHEAD;
	if (f->pace >= ATTAIN_ON_TRACK_PACE)
		return ST_ON_TRACK;
	if (f->has_coverage && f->coverage >= ATTAIN_COVERED)
		return ST_BEHIND;
	return ST_AT_RISK;
}

void
attain_figures(const struct attain_sums *s, const struct period *w,
    int32_t as_of, const struct calendar *cal, struct attain_figs *f)
{
	memset(f, 0, sizeof(*f));
	count_days(w, as_of, cal, f);
	expected_to_date(s, w, as_of, f);
	if (s->has_goal) {
		f->has_attainment = ratio(s->actual, 1000, s->goal,
		    &f->attainment);
		if (f->has_expected)
			f->has_pace = ratio(s->actual, 1000, f->expected,
			    &f->pace);
		/* A credit (negative actual) can put the gap beyond int64. */
		f->gap = 0;
		f->has_gap = s->goal <= s->actual ||
		    money_sub(s->goal, s->actual, &f->gap);
		if (f->has_gap && f->gap == 0) {
			f->needed = 0;
			f->has_needed = true;
		} else if (f->has_gap) {
			f->has_needed = ratio(f->gap, 1, f->left, &f->needed);
		}
		f->has_coverage = f->has_gap && ratio(s->pipeline, 100,
		    f->gap, &f->coverage);
	}
	if (as_of >= w->end) {
		f->projected = s->actual;
		f->has_projected = true;
	} else {
		f->has_projected = ratio(s->actual, f->busdays, f->elapsed,
		    &f->projected);
	}
	f->status = status_of(s, w, as_of, f);
}

const char *
attain_status_name(enum attain_status st)
{
	static const char *const names[] = {
		[ST_MET] = "met", [ST_AHEAD] = "ahead",
		[ST_ON_TRACK] = "on-track", [ST_BEHIND] = "behind",
		[ST_AT_RISK] = "at-risk", [ST_NO_GOAL] = "no-goal"
	};

	return names[st];
}

static int
cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

int64_t
attain_median(int64_t *vals, size_t n)
{
	int64_t lo, hi, sum;

	qsort(vals, n, sizeof(*vals), cmp_i64);
	if (n % 2 == 1)
		return vals[n / 2];
	lo = vals[n / 2 - 1];
	hi = vals[n / 2];
	if (money_add(lo, hi, &sum) && muldiv_round(sum, 1, 2, &sum))
		return sum;
	/* Only near the int64 limits, where half a unit does not matter. */
	return lo / 2 + hi / 2;
}

/* --- the report --------------------------------------------------------- */

static int
cmp_window(const struct period *a, const struct period *b)
{
	if (a->start != b->start)
		return (a->start > b->start) - (a->start < b->start);
	return (a->end > b->end) - (a->end < b->end);
}

static int
cmp_window_q(const void *a, const void *b)
{
	return cmp_window(a, b);
}

size_t
attain_windows(const struct goalfile *gf, struct period **out)
{
	struct period *w;
	size_t i, n = 0;

	w = xcalloc(gf->n ? gf->n : 1, sizeof(*w));
	/*
	 * Goals in file order, so a window keeps the label of its first
	 * goal; qsort is not stable, so drop duplicates before sorting.
	 */
	for (i = 0; i < gf->n; i++) {
		size_t j;

		for (j = 0; j < n; j++)
			if (cmp_window(&w[j], &gf->v[i].win) == 0)
				break;
		if (j == n)
			w[n++] = gf->v[i].win;
	}
	qsort(w, n, sizeof(*w), cmp_window_q);
	*out = w;
	return n;
}

static size_t
window_index(const struct attain_report *r, const struct period *p)
{
	const struct period *w;

	w = bsearch(p, r->wins, r->nwin, sizeof(*p), cmp_window_q);
	return (size_t)(w - r->wins);
}

static struct attain_row *
add_row(struct attain_report *r)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 64;
		r->rows = xreallocarray(r->rows, r->cap, sizeof(*r->rows));
	}
	memset(&r->rows[r->n], 0, sizeof(r->rows[0]));
	return &r->rows[r->n++];
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The rep rows of window wi that have a goal, in goals-file order. */
static void
goal_rows(struct attain_report *r, size_t wi, const struct goalfile *gf,
    const struct actuals *act)
{
	size_t i;

	for (i = 0; i < gf->n; i++) {
		const struct goal *g = &gf->v[i];
		const struct rep_sums *rs;
		struct attain_row *row;

		if (window_index(r, &g->win) != wi)
			continue;
		rs = actuals_find(act, g->rep, strlen(g->rep));
		row = add_row(r);
		row->level = LV_REP;
		row->rep = g->rep;
		row->team = g->team[0] != '\0' || rs == NULL ? g->team : rs->team;
		row->win = &r->wins[wi];
		row->sums.has_goal = true;
		row->sums.goal = g->goal;
		row->sums.actual = rs ? rs->won[wi] : 0;
		row->sums.pipeline = rs ? rs->open[wi] : 0;
		row->line = g->line;
	}
}

/*
 * The reps with won rows in window wi but no goal there, by name.  reps
 * is every rep, sorted; have is the sorted names of the reps with goals.
 */
static void
no_goal_rows(struct attain_report *r, size_t wi,
    const struct rep_sums *const *reps, size_t nreps,
    const char **have, size_t nhave)
{
	size_t i;

	for (i = 0; i < nreps; i++) {
		const struct rep_sums *rs = reps[i];
		struct attain_row *row;

		if (rs->nwon[wi] == 0 ||
		    bsearch(&rs->rep, have, nhave, sizeof(*have), cmp_str))
			continue;
		row = add_row(r);
		row->level = LV_REP;
		row->rep = rs->rep;
		row->team = rs->team;
		row->win = &r->wins[wi];
		row->sums.actual = rs->won[wi];
		row->sums.pipeline = rs->open[wi];
	}
}

/*
 * Ranks rows[0..n) (the rep rows of one window) by attainment as printed,
 * highest first; equal figures share a rank and the next rank skips
 * (1, 2, 2, 4).  Rows without an attainment get no rank.
 */
static void
rank_rows(struct attain_row *rows, size_t n)
{
	int64_t *att;
	size_t i, k = 0;

	att = xcalloc(n ? n : 1, sizeof(*att));
	for (i = 0; i < n; i++)
		if (rows[i].figs.has_attainment)
			att[k++] = rows[i].figs.attainment;
	qsort(att, k, sizeof(*att), cmp_i64);
	for (i = 0; i < n; i++) {
		size_t lo = 0, hi = k;

		if (!rows[i].figs.has_attainment)
			continue;
		/* The first value above this one: those above outrank it. */
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (att[mid] <= rows[i].figs.attainment)
				lo = mid + 1;
			else
				hi = mid;
		}
		rows[i].rank = (long)(k - lo) + 1;
	}
	free(att);
}

/*
 * Adds one roll-up of the rep rows rows[0..n) that pass keep (team NULL:
 * all of them) to r.  A roll-up whose sums do not fit int64 (no real
 * export comes near) is left out and named on stderr, never printed with
 * a wrong sum.
 */
static void
rollup_row(struct attain_report *r, size_t first, size_t n,
    enum attain_level level, const char *team, const struct attain_opts *o)
{
	struct attain_row *row;
	int64_t *att;
	size_t i, natt = 0;
	bool fits = true;

	att = xcalloc(n ? n : 1, sizeof(*att));
	row = add_row(r);
	row->level = level;
	row->team = team ? team : "";
	row->rep = "";
	row->win = r->rows[first].win;
	for (i = first; i < first + n; i++) {
		const struct attain_row *rep = &r->rows[i];

		if (team != NULL && strcmp(rep->team, team) != 0)
			continue;
		if (rep->sums.has_goal) {
			row->sums.has_goal = true;
			fits &= money_add(row->sums.goal, rep->sums.goal,
			    &row->sums.goal);
			if (rep->sums.goal > 0 &&
			    rep->sums.actual >= rep->sums.goal)
				row->reps_at_goal++;
		}
		fits &= money_add(row->sums.actual, rep->sums.actual,
		    &row->sums.actual);
		fits &= money_add(row->sums.pipeline, rep->sums.pipeline,
		    &row->sums.pipeline);
		if (rep->figs.has_attainment)
			att[natt++] = rep->figs.attainment;
	}
	if (!fits) {
		warnx("%s: the %s%s%s roll-up is left out: its sums are too "
		    "large to add up", row->win->label, team ? "team \"" : "",
		    team ? team : "total", team ? "\"" : "");
		r->n--;
		free(att);
		return;
	}
	if (natt > 0) {
		row->has_median = true;
		row->median = attain_median(att, natt);
	}
	free(att);
	attain_figures(&row->sums, row->win, o->as_of, o->cal, &row->figs);
}

/* Teams by name; the rows without a team roll up last. */
static int
cmp_team(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;

	if ((x[0] == '\0') != (y[0] == '\0'))
		return x[0] == '\0' ? 1 : -1;
	return natcmp(x, y);
}

/* The distinct teams of rows[first..first+n), sorted, malloc'd. */
static size_t
teams_of(const struct attain_report *r, size_t first, size_t n,
    const char ***out)
{
	const char **t;
	size_t i, k = 0, m = 0;

	t = xcalloc(n ? n : 1, sizeof(*t));
	for (i = first; i < first + n; i++)
		t[k++] = r->rows[i].team;
	qsort(t, k, sizeof(*t), cmp_team);
	for (i = 0; i < k; i++)
		if (m == 0 || strcmp(t[m - 1], t[i]) != 0)
			t[m++] = t[i];
	*out = t;
	return m;
}

static void
window_rows(struct attain_report *r, size_t wi, const struct goalfile *gf,
    const struct actuals *act, const struct rep_sums *const *reps,
    size_t nreps, const struct attain_opts *o)
{
	const char **have, **teams;
	size_t first = r->n, i, nhave, nrep, nteams;

	goal_rows(r, wi, gf, act);
	nhave = r->n - first;
	have = xcalloc(nhave ? nhave : 1, sizeof(*have));
	for (i = 0; i < nhave; i++)
		have[i] = r->rows[first + i].rep;
	qsort(have, nhave, sizeof(*have), cmp_str);
	no_goal_rows(r, wi, reps, nreps, have, nhave);
	free(have);

	nrep = r->n - first;
	for (i = first; i < r->n; i++)
		attain_figures(&r->rows[i].sums, r->rows[i].win, o->as_of,
		    o->cal, &r->rows[i].figs);
	rank_rows(&r->rows[first], nrep);
	if (o->by_team && nrep > 0) {
		nteams = teams_of(r, first, nrep, &teams);
		for (i = 0; i < nteams; i++)
			rollup_row(r, first, nrep, LV_TEAM, teams[i], o);
		free(teams);
	}
	if (o->by_total && nrep > 0)
		rollup_row(r, first, nrep, LV_TOTAL, NULL, o);
}

void
attain_build(struct attain_report *r, const struct goalfile *gf,
    const struct actuals *act, const struct attain_opts *o)
{
	const struct rep_sums **reps;
	size_t nreps, wi;

	memset(r, 0, sizeof(*r));
	r->nwin = attain_windows(gf, &r->wins);
	nreps = actuals_reps(act, &reps);
	for (wi = 0; wi < r->nwin; wi++)
		window_rows(r, wi, gf, act, reps, nreps, o);
	free(reps);
}

void
attain_report_free(struct attain_report *r)
{
	free(r->rows);
	free(r->wins);
	memset(r, 0, sizeof(*r));
}

/* --- writing ------------------------------------------------------------ */

static const char *const columns[] = {
	"level", "team", "rep", "metric", "period", "start", "end", "goal",
	"actual", "attainment_pct", "expected_to_date", "pace_pct",
	"projected", "gap", "needed_per_day", "pipeline", "coverage",
	"status", "rank", "reps_at_goal", "median_attainment_pct"
};
#define NCOLUMNS (sizeof(columns) / sizeof(columns[0]))
#define NROLLUP_COLUMNS 2

static const enum out_type types[NCOLUMNS] = {
	OT_TEXT, OT_TEXT, OT_TEXT, OT_TEXT, OT_TEXT, OT_DATE, OT_DATE,
	OT_AMOUNT, OT_AMOUNT, OT_PERCENT, OT_AMOUNT, OT_PERCENT, OT_AMOUNT,
	OT_AMOUNT, OT_AMOUNT, OT_AMOUNT, OT_NUMBER, OT_STATUS, OT_NUMBER,
	OT_COUNT, OT_PERCENT
};

/*
 * A quantity: money with two decimals; for counted metrics, whole units
 * for the exact figures and hundredths for the derived ones (what they
 * were computed in, so nothing is rounded twice).
 */
static void
put_qty(struct out *o, bool has, int64_t v, bool count, bool exact)
{
	if (!has)
		out_empty(o);
	else if (count && exact)
		out_int(o, v / 100);
	else if (count)
		out_fixed(o, v, 2);
	else
		out_money(o, v);
}

static void
put_fixed(struct out *o, bool has, int64_t v, int scale)
{
	if (has)
		out_fixed(o, v, scale);
	else
		out_empty(o);
}

/* Attainment with a bar, its tick where expected-to-date stands. */
static void
put_attainment(struct out *o, const struct attain_row *row)
{
	const struct attain_figs *f = &row->figs;
	int64_t tick;

	if (!f->has_attainment)
		out_empty(o);
	else if (f->has_expected && row->sums.goal > 0 &&
	    muldiv_round(f->expected, 1000, row->sums.goal, &tick))
		out_pct_bar(o, f->attainment, 1, tick);
	else
		out_pct_bar(o, f->attainment, 1, OUT_NO_TICK);
}

static void
write_row(struct out *o, const struct attain_row *row,
    const struct attain_opts *opt, bool rollups)
{
	static const char *const level[] = { "rep", "team", "total" };
	const struct attain_figs *f = &row->figs;
	bool c = opt->count, g = row->sums.has_goal;

	out_str(o, level[row->level]);
	out_str(o, row->team);
	out_str(o, row->rep);
	out_str(o, opt->metric ? opt->metric : "");
	out_str(o, row->win->label);
	out_date(o, row->win->start);
	out_date(o, row->win->end);
	put_qty(o, g, row->sums.goal, c, true);
	put_qty(o, true, row->sums.actual, c, true);
	put_attainment(o, row);
	put_qty(o, f->has_expected, f->expected, c, false);
	put_fixed(o, f->has_pace, f->pace, 1);
	put_qty(o, f->has_projected, f->projected, c, false);
	put_qty(o, f->has_gap, f->gap, c, true);
	put_qty(o, f->has_needed, f->needed, c, false);
	put_qty(o, true, row->sums.pipeline, c, true);
	put_fixed(o, f->has_coverage, f->coverage, 2);
	out_str(o, attain_status_name(f->status));
	if (row->rank > 0)
		out_int(o, row->rank);
	else
		out_empty(o);
	if (rollups) {
		if (row->level == LV_REP) {
			out_empty(o);
			out_empty(o);
		} else {
			out_int(o, row->reps_at_goal);
			put_fixed(o, row->has_median, row->median, 1);
		}
	}
	out_row_end(o);
}

void
attain_write(const struct attain_report *r, struct out *o,
    const struct attain_opts *opt)
{
	bool rollups = opt->by_team || opt->by_total;
	size_t i;

	out_columns(o, NCOLUMNS - (rollups ? 0 : NROLLUP_COLUMNS), columns,
	    types);
	for (i = 0; i < r->n; i++)
		write_row(o, &r->rows[i], opt, rollups);
}
