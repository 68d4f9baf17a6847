/*
 * goalfile: a goals file read into an array of goals.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "date.h"
#include "diag.h"
#include "goalfile.h"
#include "money.h"
#include "strmap.h"
#include "xalloc.h"

/* How the rows of one file name their window. */
enum window_source {
	WIN_ROW,		/* a period, or start and end, on each row */
	WIN_MONTH_FROM_START,	/* a start column and no end column */
	WIN_FALLBACK		/* no window columns: the caller's window */
};

struct loader {
	struct goalfile *gf;
	const struct goal_opts *o;
	struct colmap m;
	enum window_source src;
	size_t first;		/* index of this file's first goal */
	struct strmap seen;	/* this file's goals by rep, metric, window */
};

void
goalfile_init(struct goalfile *gf)
{
	memset(gf, 0, sizeof(*gf));
}

void
goalfile_free(struct goalfile *gf)
{
	size_t i;

	for (i = 0; i < gf->n; i++) {
		free(gf->v[i].rep);
		free(gf->v[i].team);
		free(gf->v[i].metric);
	}
	free(gf->v);
	free(gf->name);
	memset(gf, 0, sizeof(*gf));
}

/* A copy of field f of row without surrounding spaces; "" when absent. */
static char *
field_dup(const struct loader *l, const struct csv_row *row, enum field f)
{
	size_t len;
	const char *s = colmap_get(&l->m, row, f, &len);
	char *t;

	while (len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	t = xmalloc(len + 1);
	memcpy(t, s, len);
	t[len] = '\0';
	return t;
}

static bool
field_empty(const struct loader *l, const struct csv_row *row, enum field f)
{
	size_t len, i;
	const char *s = colmap_get(&l->m, row, f, &len);

	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	return true;
}

/* Reports field f of row as unreadable as `what`; returns -1. */
static int
bad_field(const struct loader *l, const struct csv_row *row, enum field f,
    const char *what)
{
	size_t len;
	const char *s = colmap_get(&l->m, row, f, &len);

	diag_value(l->m.file, row->line, colmap_header(&l->m, f), s, len,
	    what);
	return -1;
}

static int
read_goal(const struct loader *l, const struct csv_row *row, int64_t *goal)
{
	size_t len;
	const char *s = colmap_get(&l->m, row, F_GOAL, &len);
	int rc;

	rc = money_parse(s, len, l->o->decimal_comma, goal, NULL);
	if (rc != MONEY_OK)
		return bad_field(l, row, F_GOAL, l->o->whole ? "a whole number" :
		    "money");
	if (*goal < 0)
		return bad_field(l, row, F_GOAL, "a goal (it is negative)");
	if (l->o->whole && *goal % 100 != 0)
		return bad_field(l, row, F_GOAL, "a whole number");
	return 0;
}

/* A date in the built-in forms, or in --date-format. */
static int
read_date(const struct loader *l, const struct csv_row *row, enum field f,
    int32_t *day)
{
	size_t len;
	const char *s = colmap_get(&l->m, row, f, &len);

	if (date_parse(s, len, NULL, day) == DATE_OK)
		return 0;
	if (l->o->date_format != NULL &&
	    date_parse(s, len, l->o->date_format, day) == DATE_OK)
		return 0;
	return bad_field(l, row, f, date_what(s, len, l->o->date_format));
}

/*
 * The month that begins on start: through the day before the same date a
 * month later (through the last day of the next month when it has no such
 * date).  Labelled as the calendar month when it is one.
 */
static void
month_from(int32_t start, struct period *p)
{
	char a[DATE_BUFSZ], b[DATE_BUFSZ];
	int y, m, d, ny, nm;

	date_to_ymd(start, &y, &m, &d);
	ny = m == 12 ? y + 1 : y;
	nm = m == 12 ? 1 : m + 1;
	p->start = start;
	if (d <= date_month_days(ny, nm))
		p->end = date_from_ymd(ny, nm, d) - 1;
	else
		p->end = date_from_ymd(ny, nm, date_month_days(ny, nm));
	if (d == 1) {
		snprintf(p->label, sizeof(p->label), "%04d-%02d", y, m);
	} else {
		date_format(p->start, a);
		date_format(p->end, b);
		snprintf(p->label, sizeof(p->label), "%s..%s", a, b);
	}
}

static int
read_label(const struct loader *l, const struct csv_row *row, struct period *p)
{
	const char *why = "";
	char *label = field_dup(l, row, F_PERIOD);
	char q[96];
	int rc = 0;

	if (period_parse(label, l->o->fiscal_start, p, &why) != 0) {
		diag_at(l->m.file, row->line, "field \"%s\": cannot read \"%s\" "
		    "as a period: %s", colmap_header(&l->m, F_PERIOD),
		    diag_quote(label, strlen(label), q, sizeof(q)), why);
		rc = -1;
	}
	free(label);
	return rc;
}

/*
 * The window of one row: start and end when both are there (the period,
 * if any, is then only the label), else the period.
 */
static int
read_window(const struct loader *l, const struct csv_row *row,
    struct period *p)
{
	bool has_label = colmap_has(&l->m, F_PERIOD) &&
	    !field_empty(l, row, F_PERIOD);
	bool has_start = colmap_has(&l->m, F_START) &&
	    !field_empty(l, row, F_START);
	bool has_end = colmap_has(&l->m, F_END) && !field_empty(l, row, F_END);
	char a[DATE_BUFSZ], b[DATE_BUFSZ];
	struct period label;

	if (l->src == WIN_FALLBACK) {
		*p = *l->o->fallback;
		return 0;
	}
	if (l->src == WIN_MONTH_FROM_START && has_start) {
		if (read_date(l, row, F_START, &p->start) != 0)
			return -1;
		month_from(p->start, p);
		return 0;
	}
	if (!(has_start && has_end)) {
		if (has_label)
			return read_label(l, row, p);
		diag_at(l->m.file, row->line, "no period, and no start and end "
		    "date: the goal has no window");
		return -1;
	}
	if ((read_date(l, row, F_START, &p->start) |
	    read_date(l, row, F_END, &p->end)) != 0)
		return -1;
	if (p->end < p->start) {
		date_format(p->start, a);
		date_format(p->end, b);
		diag_at(l->m.file, row->line, "end %s is before start %s", b, a);
		return -1;
	}
	if (has_label && read_label(l, row, &label) == 0) {
		memcpy(p->label, label.label, sizeof(p->label));
	} else if (has_label) {
		return -1;
	} else {
		date_format(p->start, a);
		date_format(p->end, b);
		snprintf(p->label, sizeof(p->label), "%s..%s", a, b);
	}
	return 0;
}

/*
 * The earlier goal of this file for the same rep, metric and window, or
 * NULL after noting g as the next goal (index gf->n).  The map's indexes
 * follow the file's kept goals: index i is goal first + i.
 */
static const struct goal *
earlier_goal(struct loader *l, const struct goal *g)
{
	size_t nrep = strlen(g->rep) + 1, nmet = strlen(g->metric) + 1;
	size_t len = nrep + nmet + 2 * sizeof(int32_t), i;
	char *key = xmalloc(len);
	bool added;

	memcpy(key, g->rep, nrep);
	memcpy(key + nrep, g->metric, nmet);
	memcpy(key + nrep + nmet, &g->win.start, sizeof(int32_t));
	memcpy(key + nrep + nmet + sizeof(int32_t), &g->win.end,
	    sizeof(int32_t));
	i = strmap_intern(&l->seen, key, len, &added);
	free(key);
	return added ? NULL : &l->gf->v[l->first + i];
}

static void
free_goal(struct goal *g)
{
	free(g->rep);
	free(g->team);
	free(g->metric);
}

static void
append(struct goalfile *gf, const struct goal *g)
{
	if (gf->n == gf->cap) {
		gf->cap = gf->cap ? 2 * gf->cap : 64;
		gf->v = xreallocarray(gf->v, gf->cap, sizeof(*gf->v));
	}
	gf->v[gf->n++] = *g;
}

static void
read_row(struct loader *l, const struct csv_row *row)
{
	struct goal g;
	const struct goal *first;
	int bad = 0;

	memset(&g, 0, sizeof(g));
	g.line = row->line;
	g.rep = field_dup(l, row, F_REP);
	g.team = field_dup(l, row, F_TEAM);
	g.metric = field_dup(l, row, F_METRIC);
	bad |= read_goal(l, row, &g.goal);
	bad |= read_window(l, row, &g.win);
	if (bad == 0 && (first = earlier_goal(l, &g)) != NULL) {
		diag_at(l->m.file, row->line, "a second goal for rep \"%s\" in "
		    "%s (the first is on line %ld)", g.rep, g.win.label,
		    first->line);
		bad = -1;
	}
	if (bad != 0) {
		free_goal(&g);
		diag_reject();
		return;
	}
	append(l->gf, &g);
}

/* Decides how this file's rows name their window, or exits. */
static void
window_source(struct loader *l)
{
	bool period = colmap_has(&l->m, F_PERIOD);
	bool start = colmap_has(&l->m, F_START);
	bool end = colmap_has(&l->m, F_END);

	if (period || (start && end))
		l->src = WIN_ROW;
	else if (start)
		l->src = WIN_MONTH_FROM_START;
	else if (l->o->fallback != NULL && !end)
		l->src = WIN_FALLBACK;
	else
		errx(EXIT_USAGE, "%s: no period column and no start and end "
		    "columns (name them with %s, or give --period for a file "
		    "without dates)", l->m.file, l->m.option);
}

static void
read_all(struct goalfile *gf, struct csv_reader *r, const struct goal_opts *o)
{
	const struct csv_row *hdr, *row;
	struct loader l;
	int rc;

	memset(&l, 0, sizeof(l));
	strmap_init(&l.seen);
	l.gf = gf;
	l.o = o;
	l.first = gf->n;
	if (csvr_header(r, &hdr) != 0)
		exit(EXIT_USAGE);
	free(gf->name);
	gf->name = xstrdup(csvr_name(r));
	colmap_resolve_opt(&l.m, hdr, o->cols, gf->name,
	    o->col_option ? o->col_option : "--col");
	colmap_require(&l.m, F_REP);
	colmap_require(&l.m, F_GOAL);
	window_source(&l);
	gf->has_team |= colmap_has(&l.m, F_TEAM);
	gf->has_metric |= colmap_has(&l.m, F_METRIC);
	while ((rc = csvr_next(r, &row)) != 0)
		if (rc == 1)
			read_row(&l, row);
	strmap_free(&l.seen);
}

void
goalfile_read(struct goalfile *gf, FILE *fp, const char *name,
    const struct goal_opts *o)
{
	struct csv_reader *r = csvr_open(fp, name, CSV_DELIM_AUTO);

	read_all(gf, r, o);
	csvr_close(r);
}

void
goalfile_load(struct goalfile *gf, const char *path,
    const struct goal_opts *o)
{
	struct csv_reader *r = csvr_open_path(path, CSV_DELIM_AUTO);

	read_all(gf, r, o);
	csvr_close(r);
}

/* Keeps the goals for which keep() is true, in order; returns the count. */
static size_t
keep_if(struct goalfile *gf, bool (*keep)(const struct goal *, const void *),
    const void *arg)
{
	size_t i, k = 0;

	for (i = 0; i < gf->n; i++) {
		if (keep(&gf->v[i], arg))
			gf->v[k++] = gf->v[i];
		else
			free_goal(&gf->v[i]);
	}
	gf->n = k;
	return k;
}

static bool
overlaps(const struct goal *g, const void *arg)
{
	const struct period *p = arg;

	return g->win.start <= p->end && g->win.end >= p->start;
}

static bool
of_metric(const struct goal *g, const void *arg)
{
	return strcmp(g->metric, arg) == 0;
}

size_t
goalfile_keep_overlapping(struct goalfile *gf, const struct period *p)
{
	return keep_if(gf, overlaps, p);
}

size_t
goalfile_keep_metric(struct goalfile *gf, const char *metric)
{
	return keep_if(gf, of_metric, metric);
}

size_t
goalfile_metrics(const struct goalfile *gf, const char ***out)
{
	const char **v;
	size_t i, j, n = 0;

	v = xcalloc(gf->n ? gf->n : 1, sizeof(*v));
	for (i = 0; i < gf->n; i++) {
		for (j = 0; j < n; j++)
			if (strcmp(v[j], gf->v[i].metric) == 0)
				break;
		if (j == n)
			v[n++] = gf->v[i].metric;
	}
	*out = v;
	return n;
}
