/*
 * goalfile: reading a file of goals, one goal per row, into memory.
 *
 * Columns (found like any other, see columns.h; --goal-col overrides):
 *   rep, goal      required
 *   period         a label as --period takes it (2027-Q1, 2027-03, ...)
 *   start, end     the window's first and last day; when both are given
 *                  they win over the period, which stays the label
 *   team, metric   optional
 * A row needs a period, or a start and an end.  A file with a start column
 * but no end column (Salesforce's Quota.csv) gives each row the month that
 * begins on its start date.  A file with none of the three takes the
 * fallback window (attain's --period) for every row.  goal-set's output,
 * sub-periods included, is valid input.
 *
 * A bad row (unreadable goal or date, negative goal, end before start, a
 * second goal for the same rep, window and metric) is reported with its
 * line and field, rejected through diag and left out.
 */
#ifndef SALESPERF_GOALFILE_H
#define SALESPERF_GOALFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "columns.h"
#include "period.h"

struct goal {
	char *rep, *team, *metric;	/* trimmed; "" when absent */
	struct period win;		/* start, end and label */
	int64_t goal;			/* cents, or hundredths of a unit */
	long line;			/* line in the goals file */
};

struct goalfile {
	struct goal *v;
	size_t n, cap;
	char *name;			/* the file's name, for messages */
	bool has_team, has_metric;	/* the file has those columns */
};

struct goal_opts {
	const struct colspec *cols;	/* --goal-col */
	const char *col_option;		/* its name in messages ("--goal-col") */
	int fiscal_start;		/* for period labels, 1..12 */
	bool decimal_comma;
	const char *date_format;	/* tried after the built-in forms */
	bool whole;			/* counted metric: whole units only */
	const struct period *fallback;	/* window when the file has none */
};

void goalfile_init(struct goalfile *gf);
/*
 * Reads path (its delimiter sniffed from the header) and appends its goals
 * to gf.  An unreadable file, an empty one, or a missing required column
 * exits with status 2 naming the file.  Bad rows are reported and
 * rejected; the rest are kept.
 */
void goalfile_load(struct goalfile *gf, const char *path,
    const struct goal_opts *o);
/* Reads goals from an open stream named name (for tests and pipes). */
void goalfile_read(struct goalfile *gf, FILE *fp, const char *name,
    const struct goal_opts *o);
void goalfile_free(struct goalfile *gf);

/* Keeps the goals whose window overlaps p; returns how many are left. */
size_t goalfile_keep_overlapping(struct goalfile *gf, const struct period *p);
/* Keeps the goals of one metric (compared exactly); returns the count. */
size_t goalfile_keep_metric(struct goalfile *gf, const char *metric);
/*
 * The distinct metrics of the goals, in order of first appearance, as a
 * malloc'd array of pointers into gf; returns the count.
 */
size_t goalfile_metrics(const struct goalfile *gf, const char ***out);

#endif
