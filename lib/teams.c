/*
 * teams: the rep-to-team file, read once into a map.
 */
#include <err.h>
#include <stdlib.h>

#include "columns.h"
#include "csvio.h"
#include "diag.h"
#include "teams.h"
#include "xalloc.h"

void
teams_init(struct teams *t)
{
	strmap_init(&t->reps);
	strmap_init(&t->names);
	t->team = NULL;
}

void
teams_free(struct teams *t)
{
	strmap_free(&t->reps);
	strmap_free(&t->names);
	free(t->team);
	t->team = NULL;
}

static void
add(struct teams *t, const char *file, long line, struct text rep,
    struct text team)
{
	bool added;
	size_t r = strmap_intern(&t->reps, rep.s, rep.len, &added);
	size_t k = strmap_intern(&t->names, team.s, team.len, NULL);

	if (!added) {
		if (t->team[r] != k) {
			char q[128];
			diag_at(file, line, "rep \"%s\" is already in another "
			    "team", diag_quote(rep.s, rep.len, q, sizeof q));
			diag_reject();
		}
		return;
	}
	t->team = xreallocarray(t->team, t->reps.n, sizeof(*t->team));
	t->team[r] = (uint32_t)k;
}

void
teams_load(struct teams *t, const char *path)
{
	struct csv_reader *r = csvr_open_path(path, CSV_DELIM_AUTO);
	const struct csv_row *hdr, *row;
	struct colspec none = { { NULL } };
	struct colmap m;
	int st;

	if (csvr_header(r, &hdr) != 0)
		exit(EXIT_USAGE);
	colmap_resolve(&m, hdr, &none, csvr_name(r));
	colmap_require(&m, F_REP);
	colmap_require(&m, F_TEAM);
	while ((st = csvr_next(r, &row)) != 0) {
		struct text rep, team;
		if (st < 0)
			continue;
		rep.s = colmap_get(&m, row, F_REP, &rep.len);
		team.s = colmap_get(&m, row, F_TEAM, &team.len);
		if (rep.len == 0) {
			diag_at(csvr_name(r), row->line, "field \"%s\" is "
			    "empty", colmap_header(&m, F_REP));
			diag_reject();
			continue;
		}
		add(t, csvr_name(r), row->line, rep, team);
	}
	csvr_close(r);
}

struct text
teams_of(const struct teams *t, struct text rep, struct text fallback)
{
	size_t r = strmap_find(&t->reps, rep.s, rep.len);
	struct text team = fallback;

	if (r != (size_t)-1)
		team.s = strmap_key(&t->names, t->team[r], &team.len);
	return team;
}
