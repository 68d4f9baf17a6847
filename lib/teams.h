/*
 * teams: which team each rep is in, from a --teams FILE (CSV with a rep
 * and a team column, found by the usual aliases).  The file wins over a
 * team column in the export; a rep the file does not name keeps the
 * export's team.
 */
#ifndef SALESPERF_TEAMS_H
#define SALESPERF_TEAMS_H

#include <stdint.h>

#include "deal.h"
#include "strmap.h"

struct teams {
	struct strmap reps;
	struct strmap names;	/* the teams */
	uint32_t *team;		/* reps index -> names index */
};

void teams_init(struct teams *t);
void teams_free(struct teams *t);
/*
 * Reads path.  A missing rep or team column exits with status 2; a row
 * with an empty rep, or naming a rep a second time with another team, is
 * reported and rejected.
 */
void teams_load(struct teams *t, const char *path);
/* The rep's team per the file, else fallback. */
struct text teams_of(const struct teams *t, struct text rep,
    struct text fallback);

#endif
