/*
 * prev: last week's export (or last week's funnel-flag output), joined to
 * this week's by deal id, for the slipped, shrunk and regressed rules.
 * Its "pushes" column, when funnel-flag wrote one, carries the count of
 * close-date pushes forward from week to week.
 */
#ifndef SALESPERF_PREV_H
#define SALESPERF_PREV_H

#include "deal.h"
#include "flags.h"
#include "opts.h"
#include "strmap.h"

struct prev_map {
	struct strmap ids;
	struct ff_prev *recs;
};

/*
 * Reads path with the same column rules as the export.  Bad rows are
 * reported and rejected; an unreadable file or one without an id column
 * exits with status 2.
 */
void prev_load(struct prev_map *pm, const char *path, struct common_opts *opt);
const struct ff_prev *prev_find(const struct prev_map *pm, struct text id);
void prev_free(struct prev_map *pm);

#endif
