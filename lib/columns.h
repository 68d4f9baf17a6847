/*
 * columns: finding the logical fields (rep, amount, close date, ...) among
 * an export's headers.
 *
 * Each field has a list of aliases; a header matches when it equals an
 * alias ignoring ASCII case, surrounding spaces, a Pipedrive-style
 * "Deal - " prefix and the difference between '_' and a space.  Aliases are tried in order and the first one found
 * wins.  --col FIELD=Header names the header for a field outright, and
 * --col FIELD=#N picks the N-th column (from 1).
 */
#ifndef SALESPERF_COLUMNS_H
#define SALESPERF_COLUMNS_H

#include <stdbool.h>
#include <stddef.h>

#include "csvio.h"

enum field {
	/* opportunity exports */
	F_REP, F_TEAM, F_ID, F_AMOUNT, F_STAGE, F_STATUS, F_CLOSE, F_CREATED,
	F_ACTIVITY, F_STAGE_CHANGED, F_PROB, F_CATEGORY, F_NEXT_STEP, F_PUSH,
	F_CURRENCY, F_DISCOUNT,
	/* rosters (goal-set) */
	F_ROLE, F_HIRE, F_BASIS, F_WEIGHT, F_MIN, F_MAX,
	/* goals (attain, forecast) and activity rows */
	F_GOAL, F_PERIOD, F_START, F_END, F_METRIC, F_DATE, F_COUNT,
	NFIELDS
};

/* The --col overrides given on the command line. */
struct colspec {
	const char *header[NFIELDS];	/* NULL: use the aliases */
};

/* Where each field is in one input. */
struct colmap {
	int idx[NFIELDS];		/* column index, or -1 when absent */
	const struct csv_row *hdr;	/* the header row (not owned) */
	const char *file;		/* input name, for messages */
	const char *option;		/* the option naming columns: "--col" */
};

/* The field's name as --col takes it and messages print it: "close date". */
const char *field_name(enum field f);
/*
 * Parses one --col argument "FIELD=Header" into spec.  FIELD is matched
 * like a header (case, spaces, '_' and '-' ignored: close_date, close-date,
 * "close date" and closedate are the same).  Returns 0, or -1 after a
 * message naming the known fields.
 */
int colspec_add(struct colspec *spec, const char *arg);

/*
 * Resolves every field against hdr.  A --col naming a header that is not
 * there exits with status 2, listing the headers found.  A header that
 * appears twice is used at its first position, with a warning.  When there
 * is no stage column but a status column, the status serves as the stage.
 */
void colmap_resolve(struct colmap *m, const struct csv_row *hdr,
    const struct colspec *spec, const char *file);
/*
 * The same for an input whose columns another option names (attain's
 * --goal-col for the goals file): messages name that option.
 */
void colmap_resolve_opt(struct colmap *m, const struct csv_row *hdr,
    const struct colspec *spec, const char *file, const char *option);
/*
 * Exits with status 2 unless field f was found, saying which aliases were
 * tried and which headers the input has.
 */
void colmap_require(const struct colmap *m, enum field f);
bool colmap_has(const struct colmap *m, enum field f);
/* The header text of field f in this input (for messages), or its name. */
const char *colmap_header(const struct colmap *m, enum field f);
/* Field f of row: pointer and length; "" (length 0) when absent. */
const char *colmap_get(const struct colmap *m, const struct csv_row *row,
    enum field f, size_t *len);

/*
 * Finds one column by a name a user typed: a logical field name ("rep",
 * "close date"), a header, or "#N".  Returns its index, or -1.
 */
int colmap_find_name(const struct colmap *m, const char *name);

/* The input's headers, quoted and comma-separated, for messages. */
void colmap_list_headers(const struct colmap *m, char *buf, size_t bufsz);

/* Case-, space- and "Deal - "-insensitive header comparison. */
bool header_matches(const char *header, size_t len, const char *alias);

#endif
