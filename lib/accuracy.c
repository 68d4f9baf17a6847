/*
 * accuracy: the join of forecast history with what closed, and the error
 * statistics.  Percentages are kept as integers in units of 1/10000 of a
 * percent until they are written with one decimal, so the same input
 * gives the same bytes on every machine.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "accuracy.h"
#include "columns.h"
#include "csvio.h"
#include "date.h"
#include "diag.h"
#include "money.h"
#include "natcmp.h"
#include "xalloc.h"

/* Percent in units of 1/10000 of a percent. */
#define PCT_UNIT 10000LL

static const char *const level_name[FC_NLEVELS] = { "rep", "team", "total" };
static const char *const column_name[ACC_NCOLUMNS] = {
	"commit", "best_case", "weighted", "p50"
};
/* The history columns acc_add_forecast takes, in its order. */
static const char *const history_column[8] = {
	"period", "as_of", "level", "group", "commit", "best_case",
	"weighted", "p50"
};


void
acc_init(struct accuracy *a, const struct acc_opts *opt)
{
	memset(a, 0, sizeof *a);
	a->opt = *opt;
	strmap_init(&a->period_names);
	strmap_init(&a->keys);
	for (int l = 0; l < FC_NLEVELS; l++)
		strmap_init(&a->names[l]);
}

void
acc_free(struct accuracy *a)
{
	strmap_free(&a->period_names);
	strmap_free(&a->keys);
	for (int l = 0; l < FC_NLEVELS; l++)
		strmap_free(&a->names[l]);
	free(a->period);
	free(a->actual);
	free(a->row);
	free(a->kbuf);
	memset(a, 0, sizeof *a);
}

int
acc_week(const struct period *p, int32_t as_of)
{
	if (as_of < p->start)
		return 0;
	return (as_of - p->start) / 7 + 1;
}

/* The key of (period, level, group): the bytes of all three. */
static size_t
key_build(struct accuracy *a, uint32_t period, enum fc_level l,
    const char *name, size_t len)
{
	size_t n = sizeof period + 1 + len;

	if (n > a->kcap) {
		a->kcap = n + 64;
		a->kbuf = xreallocarray(a->kbuf, a->kcap, 1);
	}
	memcpy(a->kbuf, &period, sizeof period);
	a->kbuf[sizeof period] = (char)l;
	memcpy(a->kbuf + sizeof period + 1, name, len);
	return n;
}

/* Reading the history. */

static int
parse_level(struct text t)
{
	for (int l = 0; l < FC_NLEVELS; l++)
		if (t.len == strlen(level_name[l]) &&
		    memcmp(t.s, level_name[l], t.len) == 0)
			return l;
	return -1;
}

/* The period labelled t, parsed once; -1 after a message when bad. */
static long
period_index(struct accuracy *a, const char *file, long line, struct text t)
{
	size_t i = strmap_find(&a->period_names, t.s, t.len);
	struct period p;
	const char *why;
	char label[PERIOD_LABEL_SZ];

	if (i != (size_t)-1)
		return (long)i;
	if (t.len >= sizeof label) {
		diag_value(file, line, "period", t.s, t.len, "a period");
		return -1;
	}
	memcpy(label, t.s, t.len);
	label[t.len] = '\0';
	if (period_parse(label, a->opt.fiscal_start, &p, &why) != 0) {
		diag_value(file, line, "period", t.s, t.len, "a period");
		return -1;
	}
	i = strmap_intern(&a->period_names, t.s, t.len, NULL);
	a->period = xreallocarray(a->period, i + 1, sizeof *a->period);
	a->period[i] = p;
	return (long)i;
}

int
acc_add_forecast(struct accuracy *a, const char *file, long line,
    const struct text field[8])
{
	struct acc_forecast r = { 0 };
	int bad = 0, l;
	long pi = period_index(a, file, line, field[0]);

	if (pi < 0)
		bad = 1;
	if (date_parse(field[1].s, field[1].len, NULL, &r.as_of) != DATE_OK) {
		diag_value(file, line, "as_of", field[1].s, field[1].len,
		    "a date");
		bad = 1;
	}
	if ((l = parse_level(field[2])) < 0) {
		diag_value(file, line, "level", field[2].s, field[2].len,
		    "a level (rep, team, total)");
		bad = 1;
	}
	for (int c = 0; c < ACC_NCOLUMNS; c++) {
		struct text v = field[4 + c];
		int st = money_parse(v.s, v.len, false, &r.value[c], NULL);
		r.has[c] = st == MONEY_OK;
		if (st != MONEY_OK && st != MONEY_EMPTY) {
			diag_value(file, line, column_name[c], v.s, v.len,
			    "money");
			bad = 1;
		}
	}
	if (bad)
		return -1;
	r.period = (uint32_t)pi;
	if (a->period[pi].end > a->opt.as_of) {
		a->not_ended++;
		return 0;
	}
	r.level = (enum fc_level)l;
	r.group = (uint32_t)strmap_intern(&a->names[l], field[3].s,
	    field[3].len, NULL);
	if (l == FC_TEAM)
		a->team_rows = true;
	size_t kn = key_build(a, r.period, r.level, field[3].s, field[3].len);
	r.key = (uint32_t)strmap_intern(&a->keys, a->kbuf, kn, NULL);
	a->actual = xreallocarray(a->actual, a->keys.n, sizeof *a->actual);
	if (r.key == a->keys.n - 1)
		a->actual[r.key] = 0;
	if (a->nrow == a->caprow) {
		a->caprow = a->caprow ? 2 * a->caprow : 64;
		a->row = xreallocarray(a->row, a->caprow, sizeof *a->row);
	}
	a->row[a->nrow++] = r;
	return 0;
}

const char *
acc_history_columns(const struct csv_row *hdr, size_t idx[8])
{
	for (int c = 0; c < 8; c++) {
		size_t i;
		for (i = 0; i < hdr->n; i++)
			if (header_matches(hdr->f[i], hdr->len[i],
			    history_column[c]))
				break;
		if (i == hdr->n)
			return history_column[c];
		idx[c] = i;
	}
	return NULL;
}

/* A header line appended again with a later week's output. */
static bool
repeated_header(const struct csv_row *row, const size_t idx[8])
{
	return header_matches(row->f[idx[0]], row->len[idx[0]], "period") &&
	    header_matches(row->f[idx[2]], row->len[idx[2]], "level");
}

void
acc_read_history(struct accuracy *a, const char *path)
{
	struct csv_reader *r = csvr_open_path(path, CSV_DELIM_AUTO);
	const struct csv_row *hdr, *row;
	const char *missing;
	size_t idx[8];
	int st;

	if (csvr_header(r, &hdr) != 0)
		exit(EXIT_USAGE);
	if ((missing = acc_history_columns(hdr, idx)) != NULL)
		errx(EXIT_USAGE, "%s: no column \"%s\": is this forecast's "
		    "output?", csvr_name(r), missing);
	while ((st = csvr_next(r, &row)) != 0) {
		if (st < 0 || repeated_header(row, idx))
			continue;
		struct text field[8];
		for (int c = 0; c < 8; c++)
			field[c] = (struct text){ row->f[idx[c]],
			    row->len[idx[c]] };
		if (acc_add_forecast(a, csvr_name(r), row->line, field) != 0)
			diag_reject();
	}
	csvr_close(r);
}

/* The actuals. */

static void
add_actual(struct accuracy *a, uint32_t period, enum fc_level l,
    struct text name, int64_t amount)
{
	size_t kn = key_build(a, period, l, name.s, name.len);
	size_t k = strmap_find(&a->keys, a->kbuf, kn);

	/* INT64_MIN, which no amount is, marks a sum that overflowed. */
	if (k != (size_t)-1 && a->actual[k] != INT64_MIN &&
	    !money_add(a->actual[k], amount, &a->actual[k]))
		a->actual[k] = INT64_MIN;
}

void
acc_add_deal(struct accuracy *a, const struct deal *d)
{
	if (d->cls != STAGE_WON || !d->has_amount || d->close == DATE_NONE)
		return;
	struct text rep = d->rep, team = d->team, all = { "", 0 };
	if (rep.len == 0)
		rep = (struct text){ FC_NO_REP, strlen(FC_NO_REP) };
	if (team.len == 0)
		team = (struct text){ FC_NO_TEAM, strlen(FC_NO_TEAM) };
	for (uint32_t p = 0; p < a->period_names.n; p++) {
		if (d->close < a->period[p].start ||
		    d->close > a->period[p].end)
			continue;
		add_actual(a, p, FC_REP, rep, d->amount);
		add_actual(a, p, FC_TEAM, team, d->amount);
		add_actual(a, p, FC_TOTAL, all, d->amount);
	}
}

void
acc_report(const struct accuracy *a)
{
	char day[DATE_BUFSZ];

	if (a->not_ended == 0)
		return;
	date_format(a->opt.as_of, day);
	warnx("%ld history row%s for periods not ended by %s left out",
	    a->not_ended, a->not_ended == 1 ? "" : "s", day);
}

/* The statistics. */

/* One forecast figure joined with its actual, ready to be summarised. */
struct entry {
	enum fc_level level;
	uint32_t group;
	enum acc_column column;
	int week;
	int32_t start, as_of;
	uint32_t period;
	int64_t forecast, actual;
};

struct stats {
	long n;
	int64_t forecast, actual, error, abs_error;
	int64_t ape_sum;	/* PCT_UNIT */
	long nape;
	bool too_large;		/* a sum overflowed: no figures */
};

static int64_t
abs64(int64_t v)
{
	return v < 0 ? -v : v;
}

/* 100 x num / den in PCT_UNIT, saturating rather than overflowing. */
static int64_t
percent(int64_t num, int64_t den)
{
	int64_t v;

	if (!muldiv_round(num, 100 * PCT_UNIT, den, &v))
		v = (num < 0) != (den < 0) ? INT64_MIN / 2 : INT64_MAX / 2;
	return v;
}

static void
stats_add(struct stats *s, const struct entry *e)
{
	int64_t error;

	s->n++;
	if (s->too_large || e->actual == INT64_MIN ||
	    !money_sub(e->forecast, e->actual, &error) ||
	    error == INT64_MIN || !money_add(s->forecast, e->forecast,
	    &s->forecast) || !money_add(s->actual, e->actual, &s->actual) ||
	    !money_add(s->error, error, &s->error) ||
	    !money_add(s->abs_error, abs64(error), &s->abs_error)) {
		s->too_large = true;
		return;
	}
	if (e->actual != 0) {
		int64_t ape = percent(abs64(error), abs64(e->actual));
		if (s->ape_sum <= INT64_MAX / 2 - ape)
			s->ape_sum += ape;
		s->nape++;
	}
}

static void
out_pct(struct out *o, int64_t v)
{
	/* From 1/10000 of a percent to tenths, half away from zero. */
	int64_t tenths = (abs64(v) + PCT_UNIT / 20) / (PCT_UNIT / 10);
	out_fixed(o, v < 0 ? -tenths : tenths, 1);
}

static const char *
band(int64_t wape)
{
	static const char *const name[] = { "within 5%", "within 10%",
	    "within 15%", "within 20%" };
	for (int i = 0; i < 4; i++)
		if (wape <= (i + 1) * 5 * PCT_UNIT)
			return name[i];
	return "beyond 20%";
}

static const char *const out_columns_all[] = {
	"level", "group", "column", "week", "period", "as_of", "periods",
	"forecast", "actual", "error", "ape", "mape", "wape", "bias_pct",
	"band"
};
enum { COL_WEEK = 3, NOUT = 15 };
static const enum out_type out_types_all[NOUT] = {
	OT_TEXT, OT_TEXT, OT_TEXT, OT_NUMBER, OT_TEXT, OT_DATE, OT_COUNT,
	OT_AMOUNT, OT_AMOUNT, OT_AMOUNT, OT_PERCENT, OT_PERCENT, OT_PERCENT,
	OT_PERCENT, OT_TEXT
};

/*
 * Writes one row: a detail row (one forecast: ape, and the summary
 * figures of that one forecast) when e is not NULL, else a summary.
 * week is the week column's value, -1 for none.
 */
static void
write_row(const struct accuracy *a, struct out *o, const struct entry *e,
    const struct entry *first, int week, const struct stats *s)
{
	size_t glen;
	const char *g = strmap_key(&a->names[first->level], first->group,
	    &glen);

	out_str(o, level_name[first->level]);
	out_field(o, g, glen);
	out_str(o, column_name[first->column]);
	if (a->opt.by_week) {
		if (week >= 0)
			out_int(o, week);
		else
			out_empty(o);
	}
	if (e != NULL) {
		size_t plen;
		const char *p = strmap_key(&a->period_names, e->period, &plen);
		out_field(o, p, plen);
		out_date(o, e->as_of);
	} else {
		out_empty(o);
		out_empty(o);
	}
	out_int(o, s->n);
	if (s->too_large) {
		warnx("%s \"%.*s\" %s: the sums are too large to add up: "
		    "figures left empty", level_name[first->level], (int)glen,
		    g, column_name[first->column]);
		for (int k = 0; k < 8; k++)
			out_empty(o);
		out_row_end(o);
		return;
	}
	out_money(o, s->forecast);
	out_money(o, s->actual);
	out_money(o, s->error);
	if (e != NULL && s->nape > 0)
		out_pct(o, s->ape_sum);
	else
		out_empty(o);
	if (s->nape > 0)
		out_pct(o, (s->ape_sum + s->nape / 2) / s->nape);
	else
		out_empty(o);
	if (s->actual > 0) {
		int64_t wape = percent(s->abs_error, s->actual);
		out_pct(o, wape);
		out_pct(o, percent(s->error, s->actual));
		out_str(o, band(wape));
	} else {
		out_empty(o);
		out_empty(o);
		out_empty(o);
	}
	out_row_end(o);
}

static const struct accuracy *sort_a;

static int
cmp_name(const struct accuracy *a, enum fc_level l, uint32_t x, uint32_t y)
{
	size_t lx, ly;
	const char *sx = strmap_key(&a->names[l], x, &lx);
	const char *sy = strmap_key(&a->names[l], y, &ly);

	return natcmp_len(sx, lx, sy, ly);
}

#define CMP(x, y) do { if ((x) != (y)) return (x) < (y) ? -1 : 1; } while (0)

static int
by_group_column_week(const void *pa, const void *pb)
{
	const struct entry *x = pa, *y = pb;
	int c;

	CMP(x->level, y->level);
	if ((c = cmp_name(sort_a, x->level, x->group, y->group)) != 0)
		return c;
	CMP(x->column, y->column);
	if (sort_a->opt.by_week)
		CMP(x->week, y->week);
	CMP(x->start, y->start);
	CMP(x->as_of, y->as_of);
	return 0;
}

static bool
same_series(const struct entry *x, const struct entry *y)
{
	return x->level == y->level && x->group == y->group &&
	    x->column == y->column;
}

/* The joined figures, one per history row and forecast column present. */
static struct entry *
entries(const struct accuracy *a, size_t *n)
{
	struct entry *e = xreallocarray(NULL, a->nrow * ACC_NCOLUMNS + 1,
	    sizeof *e);

	*n = 0;
	for (size_t i = 0; i < a->nrow; i++) {
		const struct acc_forecast *r = &a->row[i];
		const struct period *p = &a->period[r->period];
		for (int c = 0; c < ACC_NCOLUMNS; c++)
			if (r->has[c])
				e[(*n)++] = (struct entry){ r->level,
				    r->group, (enum acc_column)c,
				    acc_week(p, r->as_of), p->start, r->as_of,
				    r->period, r->value[c],
				    a->actual[r->key] };
	}
	return e;
}

/* Writes the rows of one series e[0..n): (level, group, column). */
static void
write_series(const struct accuracy *a, struct out *o, const struct entry *e,
    size_t n)
{
	struct stats all = { 0 };

	for (size_t i = 0; i < n;) {
		struct stats wk = { 0 };
		size_t j = i;
		for (; j < n && (!a->opt.by_week || e[j].week == e[i].week);
		    j++) {
			if (a->opt.detail) {
				struct stats one = { 0 };
				stats_add(&one, &e[j]);
				write_row(a, o, &e[j], e, e[j].week, &one);
			}
			stats_add(&wk, &e[j]);
			stats_add(&all, &e[j]);
		}
		if (a->opt.by_week)
			write_row(a, o, NULL, e, e[i].week, &wk);
		i = j;
	}
	write_row(a, o, NULL, e, -1, &all);
}

void
acc_write(const struct accuracy *a, struct out *o)
{
	static const char *names[NOUT];
	static enum out_type types[NOUT];
	size_t nout = 0, n;

	for (size_t c = 0; c < NOUT; c++) {
		if (c == COL_WEEK && !a->opt.by_week)
			continue;
		names[nout] = out_columns_all[c];
		types[nout++] = out_types_all[c];
	}
	out_columns(o, nout, names, types);

	struct entry *e = entries(a, &n);
	sort_a = a;
	qsort(e, n, sizeof *e, by_group_column_week);
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && same_series(&e[i], &e[j]))
			j++;
		write_series(a, o, e + i, j - i);
		i = j;
	}
	free(e);
}
