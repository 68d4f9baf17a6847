/*
 * funnel: funnel-flag's run, from the export to the flagged rows.
 *
 * Pass one reads the export, learns the medians the rules need and parks
 * each good row in a spool; pass two reads the spool back, checks every
 * deal and writes it with its flags.  Memory stays flat whatever the size
 * of the export.
 */
#ifndef SALESPERF_FUNNEL_H
#define SALESPERF_FUNNEL_H

#include <stdbool.h>
#include <stdio.h>

#include "flags.h"
#include "opts.h"

struct funnel_opts {
	struct common_opts common;
	struct ff_config cfg;
	const char *input;		/* path, "-" for stdin */
	const char *prev_path;		/* --prev, or NULL */
	bool flagged_only;		/* --flagged */
	const char *keep;		/* --keep LIST, or NULL for all */
};

void funnel_opts_init(struct funnel_opts *o);
void funnel_opts_free(struct funnel_opts *o);
/* Runs funnel-flag; returns the exit status (see diag.h). */
int funnel_run(struct funnel_opts *o, FILE *out);

#endif
