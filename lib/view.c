/*
 * view: --fields and --sort resolved to columns, and the rows in order:
 * straight through, through a bounded heap for --top, or held, cut into
 * sorted runs on disk when they outgrow the budget, and merged.
 */
#include <err.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "columns.h"
#include "diag.h"
#include "money.h"
#include "spool.h"
#include "view.h"
#include "xalloc.h"

bool
view_active(const struct view_spec *v)
{
	return v->fields != NULL || v->sort != NULL || v->top > 0;
}

/* The column name in a --sort argument, and its direction. */
static const char *
sort_name(const char *arg, size_t *len, bool *desc)
{
	size_t n = strlen(arg);

	*desc = false;
	if (arg[0] == '-') {
		*desc = true;
		arg++;
		n--;
	} else if (n >= 5 && strcmp(arg + n - 5, ":desc") == 0) {
		*desc = true;
		n -= 5;
	} else if (n >= 4 && strcmp(arg + n - 4, ":asc") == 0) {
		n -= 4;
	}
	*len = n;
	return arg;
}

void
view_sort_parse(struct view_spec *v, const char *arg)
{
	size_t len;
	bool desc;
	char q[96];

	sort_name(arg, &len, &desc);
	if (len == 0)
		errx(EXIT_USAGE, "--sort: expected a column name, \"-NAME\" or "
		    "\"NAME:desc\", not \"%s\"",
		    diag_quote(arg, strlen(arg), q, sizeof(q)));
	v->sort = arg;
	v->desc = desc;
}

/* --- names ------------------------------------------------------------- */

/* Finds columns by name; the case-folded names are made on first need. */
struct finder {
	const struct strmap *keys;
	view_lookup lookup;
	void *ctx;
	struct strmap fold;	/* lower-cased keys */
	size_t *foldcol;	/* the first column of each folded key */
	bool folded;
};

static void
lower(const char *s, size_t len, char *out)
{
	size_t i;

	for (i = 0; i < len; i++)
		out[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') :
		    s[i];
}

static void
fold_keys(struct finder *fd)
{
	size_t i, k, len;
	const char *key;
	char *lc = NULL;
	bool added;

	strmap_init(&fd->fold);
	fd->foldcol = xcalloc(fd->keys->n ? fd->keys->n : 1,
	    sizeof(*fd->foldcol));
	for (i = 0; i < fd->keys->n; i++) {
		key = strmap_key(fd->keys, i, &len);
		lc = xrealloc(lc, len + 1);
		lower(key, len, lc);
		k = strmap_intern(&fd->fold, lc, len, &added);
		if (added)
			fd->foldcol[k] = i;
	}
	free(lc);
	fd->folded = true;
}

/* The column called name (NUL-terminated, len bytes), or -1. */
static long
find(struct finder *fd, const char *name, size_t len)
{
	size_t i;
	char *end, *lc;
	long n;
	int k;

	if ((i = strmap_find(fd->keys, name, len)) != (size_t)-1)
		return (long)i;
	if (fd->lookup != NULL && (k = fd->lookup(fd->ctx, name)) >= 0 &&
	    (size_t)k < fd->keys->n)
		return k;
	if (name[0] == '#' && name[1] >= '0' && name[1] <= '9') {
		n = strtol(name + 1, &end, 10);
		if (*end == '\0' && n >= 1 && (size_t)n <= fd->keys->n)
			return n - 1;
	}
	if (!fd->folded)
		fold_keys(fd);
	lc = xmalloc(len + 1);
	lower(name, len, lc);
	i = strmap_find(&fd->fold, lc, len);
	free(lc);
	return i == (size_t)-1 ? -1 : (long)fd->foldcol[i];
}

static void
unknown(const char *opt, const struct strmap *keys, const char *name,
    size_t len)
{
	/* The columns as a header row, to list them as headers are listed. */
	struct csv_row row = { .n = keys->n, .f = keys->keys,
	    .len = keys->lens };
	struct colmap m = { .hdr = &row };
	char q[96], list[2048];

	colmap_list_headers(&m, list, sizeof(list));
	warnx("%s: no column \"%s\"; the columns are %s", opt,
	    diag_quote(name, len, q, sizeof(q)), list);
}

/* Appends the columns of a comma-separated list to show; false if unknown. */
static bool
resolve_list(struct finder *fd, const char *opt, const char *list,
    size_t **show, size_t *n)
{
	const char *p = list, *q, *b, *e;
	char qbuf[96];
	size_t cap = 0;
	long c;
	char *name;

	for (;; p = q + 1) {
		q = strchr(p, ',');
		if (q == NULL)
			q = p + strlen(p);
		for (b = p; b < q && *b == ' '; b++)
			;
		for (e = q; e > b && e[-1] == ' '; e--)
			;
		if (e == b) {
			warnx("%s: an empty name in \"%s\"", opt,
			    diag_quote(list, strlen(list), qbuf, sizeof(qbuf)));
			return false;
		}
		name = xstrndup(b, (size_t)(e - b));
		if ((c = find(fd, name, (size_t)(e - b))) < 0) {
			unknown(opt, fd->keys, name, (size_t)(e - b));
			free(name);
			return false;
		}
		free(name);
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*show = xreallocarray(*show, cap, sizeof(**show));
		}
		(*show)[(*n)++] = (size_t)c;
		if (*q == '\0')
			return true;
	}
}

int
view_resolve(const struct view_spec *v, const struct strmap *keys,
    view_lookup lookup, void *ctx, size_t **show, size_t *nshow,
    long *sortcol)
{
	struct finder fd = { .keys = keys, .lookup = lookup, .ctx = ctx };
	const char *name;
	char *copy;
	size_t i, len;
	bool desc, ok = true;

	*show = NULL;
	*nshow = 0;
	*sortcol = -1;
	if (v->fields != NULL)
		ok = resolve_list(&fd, v->fields_opt ? v->fields_opt :
		    "--fields", v->fields, show, nshow);
	else {
		*show = xreallocarray(NULL, keys->n ? keys->n : 1,
		    sizeof(**show));
		for (i = 0; i < keys->n; i++)
			(*show)[i] = i;
		*nshow = keys->n;
	}
	if (ok && v->sort != NULL) {
		name = sort_name(v->sort, &len, &desc);
		copy = xstrndup(name, len);
		if ((*sortcol = find(&fd, copy, len)) < 0) {
			unknown("--sort", keys, copy, len);
			ok = false;
		}
		free(copy);
	}
	if (fd.folded) {
		strmap_free(&fd.fold);
		free(fd.foldcol);
	}
	if (!ok) {
		free(*show);
		*show = NULL;
		*nshow = 0;
		return -1;
	}
	return 0;
}

/* --- rows --------------------------------------------------------------- */

enum { K_NUMBER, K_TEXT, K_EMPTY };

/* What a row sorts by; the key's text is the row's last field. */
struct key {
	uint64_t seq;		/* arrival: ties keep it */
	int64_t num;		/* K_NUMBER: the value in cents */
	int32_t cls;
};

/* A row held in memory: one block, the fields after the struct. */
struct rec {
	struct key k;
	struct csv_row row;
};

/* A sorted run on disk and its current row. */
struct run {
	struct spool *sp;
	int level;		/* 0: written from memory; n + 1: n merged */
	bool live;		/* row and k hold a row */
	const struct csv_row *row;
	const struct key *k;
};

/* How many runs of one level are merged into one of the next. */
#define VIEW_FANIN 16

struct view_rows {
	bool sorted, desc, decimal_comma;
	size_t top, budget, emitted;
	view_emit emit;
	void *ctx;
	uint64_t seq;

	struct rec **rec;	/* held rows; with --top a heap, worst first */
	size_t n, cap, bytes;
	struct run *run;
	size_t nrun;
};

struct view_rows *
view_rows_open(const struct view_spec *v, size_t budget, view_emit emit,
    void *ctx)
{
	struct view_rows *vr = xcalloc(1, sizeof(*vr));

	vr->sorted = v->sort != NULL;
	vr->desc = v->desc;
	vr->decimal_comma = v->decimal_comma;
	vr->top = v->top;
	vr->budget = budget;
	vr->emit = emit;
	vr->ctx = ctx;
	return vr;
}

static void
make_key(struct view_rows *vr, const char *s, size_t len, bool numeric,
    struct key *k)
{
	int rc = money_parse(s, len, numeric ? false : vr->decimal_comma,
	    &k->num, NULL);

	k->seq = vr->seq++;
	k->cls = rc == MONEY_OK ? K_NUMBER : rc == MONEY_EMPTY ? K_EMPTY :
	    K_TEXT;
	if (k->cls != K_NUMBER)
		k->num = 0;
}

/* The order of two rows: <0 when a goes first. */
static int
cmp(bool desc, const struct key *a, const struct csv_row *ra,
    const struct key *b, const struct csv_row *rb)
{
	const char *ta, *tb;
	size_t la, lb;
	int c;

	if (a->cls == K_EMPTY || b->cls == K_EMPTY) {
		/* Empty cells last, whichever the direction. */
		c = (a->cls == K_EMPTY) - (b->cls == K_EMPTY);
	} else {
		if (a->cls != b->cls) {
			c = a->cls - b->cls;
		} else if (a->cls == K_NUMBER) {
			c = (a->num > b->num) - (a->num < b->num);
		} else {
			ta = ra->f[ra->n - 1];
			tb = rb->f[rb->n - 1];
			la = ra->len[ra->n - 1];
			lb = rb->len[rb->n - 1];
			c = memcmp(ta, tb, la < lb ? la : lb);
			if (c == 0)
				c = (la > lb) - (la < lb);
		}
		if (desc)
			c = -c;
	}
	if (c != 0)
		return c;
	return (a->seq > b->seq) - (a->seq < b->seq);
}

static int
cmp_rec(bool desc, const struct rec *a, const struct rec *b)
{
	return cmp(desc, &a->k, &a->row, &b->k, &b->row);
}

/* qsort has no context: the direction of the sort under way. */
static bool sorting_desc;

static int
qcmp(const void *a, const void *b)
{
	return cmp_rec(sorting_desc, *(struct rec *const *)a,
	    *(struct rec *const *)b);
}

static void
sort_held(struct view_rows *vr)
{
	sorting_desc = vr->desc;
	if (vr->n > 1)
		qsort(vr->rec, vr->n, sizeof(*vr->rec), qcmp);
}

/* A copy of row with the key text as one more field, in one block. */
static struct rec *
rec_new(const struct key *k, const struct csv_row *row, const char *key,
    size_t keylen, size_t *size)
{
	size_t n = row->n + 1, bytes = keylen + 1, i;
	struct rec *r;
	char *p;

	for (i = 0; i < row->n; i++)
		bytes += row->len[i] + 1;
	*size = sizeof(*r) + n * (sizeof(char *) + sizeof(size_t)) + bytes;
	r = xmalloc(*size);
	r->k = *k;
	r->row.n = n;
	r->row.f = (char **)(r + 1);
	r->row.len = (size_t *)(r->row.f + n);
	r->row.line = 0;
	r->row.bytes = NULL;
	r->row.nbytes = 0;
	p = (char *)(r->row.len + n);
	for (i = 0; i < n; i++) {
		const char *s = i < row->n ? row->f[i] : key;
		size_t len = i < row->n ? row->len[i] : keylen;

		memcpy(p, s, len);
		p[len] = '\0';
		r->row.f[i] = p;
		r->row.len[i] = len;
		p += len + 1;
	}
	return r;
}

/* Emits a held or spooled row without its key field. */
static void
emit_row(struct view_rows *vr, const struct csv_row *row)
{
	struct csv_row r = *row;

	r.n--;
	r.bytes = NULL;
	vr->emit(vr->ctx, &r);
}

/* --- --top: a heap of the best rows so far, the worst at the root --- */

static void
swap(struct rec **a, struct rec **b)
{
	struct rec *t = *a;

	*a = *b;
	*b = t;
}

static void
sift_down(struct view_rows *vr, size_t i)
{
	size_t l, r, m;

	for (;;) {
		l = 2 * i + 1;
		r = l + 1;
		m = i;
		if (l < vr->n && cmp_rec(vr->desc, vr->rec[l], vr->rec[m]) > 0)
			m = l;
		if (r < vr->n && cmp_rec(vr->desc, vr->rec[r], vr->rec[m]) > 0)
			m = r;
		if (m == i)
			return;
		swap(&vr->rec[i], &vr->rec[m]);
		i = m;
	}
}

static void
sift_up(struct view_rows *vr, size_t i)
{
	while (i > 0 && cmp_rec(vr->desc, vr->rec[i],
	    vr->rec[(i - 1) / 2]) > 0) {
		swap(&vr->rec[i], &vr->rec[(i - 1) / 2]);
		i = (i - 1) / 2;
	}
}

static void
hold(struct view_rows *vr, struct rec *r)
{
	if (vr->n == vr->cap) {
		vr->cap = vr->cap ? vr->cap * 2 : 64;
		vr->rec = xreallocarray(vr->rec, vr->cap, sizeof(*vr->rec));
	}
	vr->rec[vr->n++] = r;
}

static void
put_top(struct view_rows *vr, const struct key *k, const struct csv_row *row,
    const char *key, size_t keylen)
{
	struct csv_row probe;
	char *f[1];
	size_t len[1], size;

	if (vr->n == vr->top) {
		/* Compared before it is copied: most rows go no further. */
		f[0] = (char *)key;
		len[0] = keylen;
		probe.n = 1;
		probe.f = f;
		probe.len = len;
		if (cmp(vr->desc, k, &probe, &vr->rec[0]->k,
		    &vr->rec[0]->row) >= 0)
			return;
		free(vr->rec[0]);
		vr->rec[0] = rec_new(k, row, key, keylen, &size);
		sift_down(vr, 0);
		return;
	}
	hold(vr, rec_new(k, row, key, keylen, &size));
	sift_up(vr, vr->n - 1);
}

/* --- a full sort: held rows, spilled as sorted runs past the budget --- */

/* Whether run a's row goes before run b's. */
static bool
run_before(const struct view_rows *vr, const struct run *a,
    const struct run *b)
{
	return cmp(vr->desc, a->k, a->row, b->k, b->row) < 0;
}

static bool
run_next(struct run *r)
{
	const void *blob;

	r->live = spool_get(r->sp, &r->row, &blob) != 0;
	r->k = blob;
	return r->live;
}

/*
 * Merges runs [from, nrun): each row goes to out with its key, or is
 * emitted when out is NULL.  There are few runs (see spill), so the next
 * row is found by looking at each.
 */
static void
merge(struct view_rows *vr, size_t from, struct spool *out)
{
	struct run *best;
	size_t i;

	for (i = from; i < vr->nrun; i++)
		run_next(&vr->run[i]);
	for (;;) {
		best = NULL;
		for (i = from; i < vr->nrun; i++)
			if (vr->run[i].live && (best == NULL ||
			    run_before(vr, &vr->run[i], best)))
				best = &vr->run[i];
		if (best == NULL)
			return;
		if (out != NULL)
			spool_put(out, best->row, best->k, sizeof(*best->k));
		else
			emit_row(vr, best->row);
		run_next(best);
	}
}

/* Merges the runs from `from` on, all of one level, into one of the next. */
static void
merge_tail(struct view_rows *vr, size_t from)
{
	struct spool *sp = spool_open();
	int level = vr->run[from].level + 1;
	size_t i;

	merge(vr, from, sp);
	for (i = from; i < vr->nrun; i++)
		spool_close(vr->run[i].sp);
	spool_rewind(sp);
	memset(&vr->run[from], 0, sizeof(vr->run[from]));
	vr->run[from].sp = sp;
	vr->run[from].level = level;
	vr->nrun = from + 1;
}

/*
 * Writes the held rows, sorted, as a run.  Runs are merged VIEW_FANIN at
 * a time into a run of the next level, so there are never more than
 * VIEW_FANIN - 1 of a level, each with its spool's buffer: memory stays
 * flat, and each row is rewritten once a level (log16 of the runs).
 */
static void
spill(struct view_rows *vr)
{
	struct spool *sp = spool_open();
	size_t i, from;

	sort_held(vr);
	for (i = 0; i < vr->n; i++) {
		spool_put(sp, &vr->rec[i]->row, &vr->rec[i]->k,
		    sizeof(vr->rec[i]->k));
		free(vr->rec[i]);
	}
	spool_rewind(sp);
	vr->run = xreallocarray(vr->run, vr->nrun + 1, sizeof(*vr->run));
	memset(&vr->run[vr->nrun], 0, sizeof(vr->run[vr->nrun]));
	vr->run[vr->nrun++].sp = sp;
	vr->n = 0;
	vr->bytes = 0;
	for (;;) {
		for (from = vr->nrun; from > 0 && vr->run[from - 1].level ==
		    vr->run[vr->nrun - 1].level; from--)
			;
		if (vr->nrun - from < VIEW_FANIN)
			break;
		merge_tail(vr, from);
	}
}

void
view_rows_put(struct view_rows *vr, const struct csv_row *row,
    const char *key, size_t keylen, bool numeric)
{
	struct key k;
	size_t size;

	if (!vr->sorted) {
		if (vr->top == 0 || vr->emitted < vr->top) {
			vr->emit(vr->ctx, row);
			vr->emitted++;
		}
		return;
	}
	make_key(vr, key, keylen, numeric, &k);
	if (vr->top > 0) {
		put_top(vr, &k, row, key, keylen);
		return;
	}
	hold(vr, rec_new(&k, row, key, keylen, &size));
	vr->bytes += size + sizeof(struct rec *);
	if (vr->bytes > vr->budget)
		spill(vr);
}

void
view_rows_close(struct view_rows *vr)
{
	size_t i;

	if (vr->nrun > 0) {
		if (vr->n > 0)
			spill(vr);
		merge(vr, 0, NULL);
	} else {
		sort_held(vr);
		for (i = 0; i < vr->n; i++)
			emit_row(vr, &vr->rec[i]->row);
	}
	for (i = 0; i < vr->n; i++)
		free(vr->rec[i]);
	for (i = 0; i < vr->nrun; i++)
		spool_close(vr->run[i].sp);
	free(vr->rec);
	free(vr->run);
	free(vr);
}
