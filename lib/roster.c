/*
 * roster: reading the reps, one checked row at a time.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "money.h"
#include "roster.h"
#include "xalloc.h"

#define WEIGHT_MAX ((int64_t)1000000 * WEIGHT_SCALE)

void
roster_init(struct roster *r)
{
	memset(r, 0, sizeof(*r));
	strmap_init(&r->names);
}

void
roster_free(struct roster *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->rep[i].name);
		free(r->rep[i].team);
		free(r->rep[i].role);
	}
	free(r->rep);
	strmap_free(&r->names);
	memset(r, 0, sizeof(*r));
}

/* Field f of row without surrounding spaces. */
static const char *
trimmed(const struct colmap *m, const struct csv_row *row, enum field f,
    size_t *len)
{
	const char *s = colmap_get(m, row, f, len);

	while (*len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		(*len)--;
	}
	while (*len > 0 && (s[*len - 1] == ' ' || s[*len - 1] == '\t'))
		(*len)--;
	return s;
}


long
roster_find(const struct roster *r, const char *name, size_t len)
{
	size_t i = strmap_find(&r->names, name, len);

	return i == (size_t)-1 ? -1 : (long)i;
}

/*
 * Reads an amount column: money (or a plain number for a counted metric)
 * in hundredths, not negative.  Returns 1 when read, 0 when empty, -1
 * after a message.
 */
static int
read_amount(const struct colmap *m, const struct csv_row *row, enum field f,
    const struct roster_format *fmt, int64_t *v)
{
	size_t len;
	const char *s = trimmed(m, row, f, &len);
	int rc;

	if (len == 0)
		return 0;
	rc = fmt->count ? decimal_parse(s, len, 2, v) :
	    money_parse(s, len, fmt->decimal_comma, v, NULL);
	if (rc == MONEY_OK && *v >= 0)
		return 1;
	diag_value(m->file, row->line, colmap_header(m, f), s, len,
	    rc != MONEY_OK ? (fmt->count ? "a number" : "money") :
	    "an amount of 0 or more");
	return -1;
}

static int
read_weight(const struct colmap *m, const struct csv_row *row, int64_t *v)
{
	size_t len;
	const char *s = trimmed(m, row, F_WEIGHT, &len);

	*v = WEIGHT_SCALE;
	if (len == 0)
		return 0;
	if (decimal_parse(s, len, 4, v) == MONEY_OK && *v >= 0 &&
	    *v <= WEIGHT_MAX)
		return 1;
	diag_value(m->file, row->line, colmap_header(m, F_WEIGHT), s, len,
	    "a weight from 0 to 1000000");
	return -1;
}

static int
read_hire(const struct colmap *m, const struct csv_row *row,
    const struct roster_format *fmt, int32_t *day)
{
	size_t len;
	const char *s = trimmed(m, row, F_HIRE, &len);

	*day = DATE_NONE;
	if (len == 0)
		return 0;
	if (date_parse(s, len, fmt->date_format, day) == DATE_OK)
		return 1;
	diag_value(m->file, row->line, colmap_header(m, F_HIRE), s, len,
	    date_what(s, len, fmt->date_format));
	*day = DATE_NONE;
	return -1;
}

static void
add_rep(struct roster *r, const struct roster_rep *rp)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 16;
		r->rep = xreallocarray(r->rep, r->cap, sizeof(*r->rep));
	}
	strmap_intern(&r->names, rp->name, strlen(rp->name), NULL);
	r->rep[r->n++] = *rp;
}

int
roster_add_row(struct roster *r, const struct colmap *m,
    const struct csv_row *row, const struct roster_format *fmt)
{
	struct roster_rep rp = { .line = row->line };
	size_t len, tlen, rlen;
	const char *name = trimmed(m, row, F_REP, &len);
	const char *team = trimmed(m, row, F_TEAM, &tlen);
	const char *role = trimmed(m, row, F_ROLE, &rlen);
	bool bad = false;
	char q[96];
	long dup;

	if (len == 0) {
		diag_at(m->file, row->line, "field \"%s\" is empty: every row "
		    "needs a rep", colmap_header(m, F_REP));
		bad = true;
	} else if ((dup = roster_find(r, name, len)) >= 0) {
		diag_at(m->file, row->line, "field \"%s\": rep \"%s\" is "
		    "already on line %ld", colmap_header(m, F_REP),
		    diag_quote(name, len, q, sizeof(q)), r->rep[dup].line);
		bad = true;
	}
	bad |= read_hire(m, row, fmt, &rp.hire) < 0;
	switch (read_amount(m, row, F_BASIS, fmt, &rp.basis)) {
	case 1: rp.has_basis = true; break;
	case -1: bad = true; break;
	}
	switch (read_amount(m, row, F_MIN, fmt, &rp.min)) {
	case 1: rp.has_min = true; break;
	case -1: bad = true; break;
	}
	switch (read_amount(m, row, F_MAX, fmt, &rp.max)) {
	case 1: rp.has_max = true; break;
	case -1: bad = true; break;
	}
	bad |= read_weight(m, row, &rp.weight) < 0;
	if (!bad && rp.has_min && rp.has_max && rp.min > rp.max) {
		char a[MONEY_BUFSZ], b[MONEY_BUFSZ];

		money_format(rp.min, a);
		money_format(rp.max, b);
		diag_at(m->file, row->line, "min %s is above max %s", a, b);
		bad = true;
	}
	if (bad) {
		diag_reject();
		return -1;
	}
	rp.name = xstrndup(name, len);
	rp.team = xstrndup(team, tlen);
	rp.role = xstrndup(role, rlen);
	add_rep(r, &rp);
	return 0;
}

size_t
roster_read(struct roster *r, struct csv_reader *rd, const struct colmap *m,
    const struct roster_format *fmt)
{
	const struct csv_row *row;
	int rc;

	r->file = m->file;
	r->basis_col = colmap_has(m, F_BASIS);
	while ((rc = csvr_next(rd, &row)) != 0)
		if (rc > 0)
			roster_add_row(r, m, row, fmt);
	return r->n;
}
