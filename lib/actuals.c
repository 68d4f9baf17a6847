/*
 * actuals: per-rep sums of won and open quantities by date window.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "actuals.h"
#include "date.h"
#include "diag.h"
#include "money.h"
#include "natcmp.h"
#include "xalloc.h"

void
actuals_init(struct actuals *a, const struct period *win, size_t nwin,
    int32_t as_of)
{
	size_t i;

	memset(a, 0, sizeof(*a));
	a->nwin = nwin;
	a->as_of = as_of;
	a->win = xreallocarray(NULL, nwin + 1, sizeof(*win));
	if (nwin > 0)
		memcpy(a->win, win, nwin * sizeof(*win));
	a->lo = INT32_MAX;
	a->hi = INT32_MIN;
	for (i = 0; i < nwin; i++) {
		if (win[i].start < a->lo)
			a->lo = win[i].start;
		if (win[i].end > a->hi)
			a->hi = win[i].end;
	}
}

void
actuals_free(struct actuals *a)
{
	size_t i;

	for (i = 0; i < a->reps.n; i++) {
		free(a->sums[i].team);
		free(a->sums[i].won);
	}
	free(a->sums);
	strmap_free(&a->reps);
	free(a->win);
	free(a->source);
	memset(a, 0, sizeof(*a));
}

static struct text
trimmed(struct text t)
{
	while (t.len > 0 && (*t.s == ' ' || *t.s == '\t')) {
		t.s++;
		t.len--;
	}
	while (t.len > 0 && (t.s[t.len - 1] == ' ' || t.s[t.len - 1] == '\t'))
		t.len--;
	return t;
}

static char *
text_dup(struct text t)
{
	return xstrndup(t.s, t.len);
}

/* The sums of rep t, created empty on first sight. */
static struct rep_sums *
rep_of(struct actuals *a, struct text t)
{
	struct rep_sums *rs;
	bool added;
	size_t i;

	i = strmap_intern(&a->reps, t.s, t.len, &added);
	if (!added)
		return &a->sums[i];
	if (i == a->cap) {
		a->cap = a->cap ? 2 * a->cap : 64;
		a->sums = xreallocarray(a->sums, a->cap, sizeof(*a->sums));
	}
	rs = &a->sums[i];
	rs->rep = strmap_key(&a->reps, i, NULL);
	rs->team = text_dup((struct text){ "", 0 });
	/* One block: won, open and the won row counts, nwin each. */
	rs->won = xcalloc(3 * a->nwin + 1, sizeof(int64_t));
	rs->open = rs->won + a->nwin;
	rs->nwon = rs->open + a->nwin;
	return rs;
}

/* Would adding qty to every window of day that needs it overflow? */
static bool
fits(const struct actuals *a, const int64_t *sums, int32_t day, int64_t qty)
{
	int64_t sum;
	size_t w;

	for (w = 0; w < a->nwin; w++)
		if (day >= a->win[w].start && day <= a->win[w].end &&
		    !money_add(sums[w], qty, &sum))
			return false;
	return true;
}

int
actuals_add(struct actuals *a, struct text rep, struct text team,
    enum stage_class cls, int32_t day, int64_t qty)
{
	struct rep_sums *rs;
	int64_t *sums;
	size_t w;

	/* Most rows of a long export fall outside every window. */
	if (cls == STAGE_LOST || day == DATE_NONE || day < a->lo ||
	    day > a->hi || (cls == STAGE_WON && day > a->as_of))
		return 0;
	rs = rep_of(a, trimmed(rep));
	team = trimmed(team);
	if (rs->team[0] == '\0' && team.len > 0) {
		free(rs->team);
		rs->team = text_dup(team);
	}
	sums = cls == STAGE_WON ? rs->won : rs->open;
	if (!fits(a, sums, day, qty))
		return -1;
	for (w = 0; w < a->nwin; w++) {
		if (day < a->win[w].start || day > a->win[w].end)
			continue;
		sums[w] += qty;
		if (cls == STAGE_WON)
			rs->nwon[w]++;
	}
	return 0;
}

int
actuals_add_deal(struct actuals *a, const struct deal *d, bool count)
{
	if (!count && !d->has_amount && d->cls == STAGE_WON &&
	    d->close != DATE_NONE && d->close >= a->lo && d->close <= a->hi &&
	    d->close <= a->as_of)
		a->no_amount++;
	return actuals_add(a, d->rep, d->team, d->cls, d->close,
	    count ? 100 : d->amount);
}

const struct rep_sums *
actuals_find(const struct actuals *a, const char *rep, size_t len)
{
	struct text t = trimmed((struct text){ rep, len });
	size_t i = strmap_find(&a->reps, t.s, t.len);

	return i == (size_t)-1 ? NULL : &a->sums[i];
}

static int
cmp_rep(const void *x, const void *y)
{
	const struct rep_sums *a = *(const struct rep_sums *const *)x;
	const struct rep_sums *b = *(const struct rep_sums *const *)y;

	return natcmp(a->rep, b->rep);
}

size_t
actuals_reps(const struct actuals *a, const struct rep_sums ***out)
{
	const struct rep_sums **v = xreallocarray(NULL, a->reps.n + 1,
	    sizeof(*v));
	size_t i;

	for (i = 0; i < a->reps.n; i++)
		v[i] = &a->sums[i];
	qsort(v, a->reps.n, sizeof(*v), cmp_rep);
	*out = v;
	return a->reps.n;
}

/* --- reading rows ------------------------------------------------------ */

/*
 * The columns attain-like readers look at: a bad value in any other, say
 * the last activity date, does not reject a row whose rep, stage, amount
 * and close date are good.
 */
static const enum field used[] = {
	F_REP, F_TEAM, F_AMOUNT, F_STAGE, F_STATUS, F_CLOSE, F_CURRENCY
};

void
actuals_reader_init(struct actuals_reader *rd, const struct csv_row *hdr,
    const char *file, struct common_opts *opt, bool count)
{
	struct colmap *m = &rd->dr.cols;

	memset(rd, 0, sizeof(*rd));
	rd->count = count;
	deal_reader_init(&rd->dr, hdr, file, opt);
	deal_reader_only(&rd->dr, used, sizeof(used) / sizeof(used[0]));
	rd->activity = !colmap_has(m, F_STAGE) && !colmap_has(m, F_STATUS);
	/* An activity row's date is read where a deal's close date is. */
	if (rd->activity && colmap_has(m, F_DATE))
		m->idx[F_CLOSE] = m->idx[F_DATE];
	colmap_require(m, F_REP);
	colmap_require(m, rd->activity && !colmap_has(m, F_CLOSE) ? F_DATE :
	    F_CLOSE);
	if (!count)
		colmap_require(m, F_AMOUNT);
}

/* An activity row's count, in hundredths; 100 when empty or absent. */
static int
read_count(const struct actuals_reader *rd, const struct csv_row *row,
    int64_t *qty)
{
	const struct colmap *m = &rd->dr.cols;
	size_t len;
	const char *s = colmap_get(m, row, F_COUNT, &len);
	int rc = decimal_parse(s, len, 2, qty);

	if (rc == MONEY_EMPTY)
		*qty = 100;
	else if (rc != MONEY_OK || *qty % 100 != 0) {
		diag_value(m->file, row->line, colmap_header(m, F_COUNT), s,
		    len, "a whole number");
		diag_reject();
		return -1;
	}
	return 0;
}

int
actuals_read(struct actuals *a, struct actuals_reader *rd,
    const struct csv_row *row)
{
	struct deal d;
	char q[96];
	int rc;

	if (deal_read(&rd->dr, row, &d) != 0)
		return -1;
	if (!rd->activity)
		rc = actuals_add_deal(a, &d, rd->count);
	else {
		d.cls = STAGE_WON;
		if (rd->count) {
			if (read_count(rd, row, &d.amount) != 0)
				return -1;
			d.has_amount = true;
		}
		rc = actuals_add_deal(a, &d, false);
	}
	if (rc == 0)
		return 0;
	diag_at(rd->dr.cols.file, row->line, "the sums of rep \"%s\" would "
	    "be too large", diag_quote(d.rep.s, d.rep.len, q, sizeof(q)));
	diag_reject();
	return -1;
}

const char *
actuals_load(struct actuals *a, const char *path, struct common_opts *opt,
    bool count)
{
	struct csv_reader *r = csvr_open_path(path, opt->delim);
	const struct csv_row *hdr, *row;
	struct actuals_reader rd;
	int rc;

	if (csvr_header(r, &hdr) != 0)
		exit(EXIT_USAGE);
	actuals_reader_init(&rd, hdr, csvr_name(r), opt, count);
	while ((rc = csvr_next(r, &row)) != 0)
		if (rc == 1)
			actuals_read(a, &rd, row);
	if (a->no_amount > 0)
		warnx("%s: %ld won row%s in the goal windows %s no amount and "
		    "count%s as 0", csvr_name(r), a->no_amount,
		    a->no_amount == 1 ? "" : "s",
		    a->no_amount == 1 ? "has" : "have",
		    a->no_amount == 1 ? "s" : "");
	free(a->source);
	a->source = xstrdup(csvr_name(r));
	csvr_close(r);
	return a->source;
}
