/*
 * view: the narrow views all four tools share -- which output columns are
 * written and in what order (--fields), which rows and in what order
 * (--sort, --top).  The writer (output.c) hands every row to the view and
 * gets back the rows to write; the tools never see it.
 *
 * Names.  A name in --fields or --sort is, tried in this order: a column's
 * name as NDJSON writes its key (a repeated name is NAME_2, NAME_3, ...);
 * what the tool itself finds by that name (funnel-flag: a logical field
 * such as id, rep or amount, or an input header as --col takes it); "#N",
 * the N-th column from 1; a column's name ignoring ASCII case.
 *
 * Order.  --sort FIELD is ascending, "-FIELD" or "FIELD:desc" descending;
 * ties keep the order the tool wrote the rows in (a stable sort).  A cell
 * that reads as a number (as an amount is read: 1234.5, $1,234.50) sorts
 * as that number, before every cell that does not; those sort by their
 * bytes (ISO dates sort as dates); empty cells come last in both
 * directions.  --top N keeps the first N rows after sorting.
 *
 * Memory.  --top N holds N rows (a bounded heap).  A full --sort holds the
 * rows up to VIEW_BUDGET bytes, then writes sorted runs to temporary files
 * (see spool.h), merged sixteen at a time, so memory stays flat however
 * many rows a tool writes.  Without --sort every row goes out as it
 * comes.
 */
#ifndef SALESPERF_VIEW_H
#define SALESPERF_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "csvio.h"
#include "strmap.h"

/* Bytes of rows a full sort holds before it writes a run to disk. */
#define VIEW_BUDGET ((size_t)32 << 20)

struct view_spec {
	const char *fields;	/* --fields LIST; NULL: every column */
	const char *fields_opt;	/* the option named in messages */
	const char *sort;	/* --sort FIELD without "-" or ":desc" */
	bool desc;
	size_t top;		/* --top N; 0: every row */
	bool decimal_comma;	/* text cells read 1.234,50 (--decimal-comma) */
};

/* True when any of --fields, --sort, --top was given. */
bool view_active(const struct view_spec *v);

/*
 * Parses --sort: "risk", "-risk", "risk:desc" or "risk:asc".  Exits with
 * status 2 when no name is left.
 */
void view_sort_parse(struct view_spec *v, const char *arg);

/* A tool's own lookup of a name: a column index, or -1. */
typedef int (*view_lookup)(void *ctx, const char *name);

/*
 * Resolves the spec against the columns, whose unique names are keys
 * (key i is column i's).  *show gets the columns to write, in order
 * (malloc'd, *nshow of them); *sortcol the column to sort by, or -1.
 * An unknown name is reported, naming the option and listing the
 * columns, and -1 returned (the caller exits with status 2).
 */
int view_resolve(const struct view_spec *v, const struct strmap *keys,
    view_lookup lookup, void *ctx, size_t **show, size_t *nshow,
    long *sortcol);

/* The rows of a view, as they come and as they go. */
struct view_rows;
typedef void (*view_emit)(void *ctx, const struct csv_row *row);

/*
 * Starts taking rows for v; rows to write go to emit(ctx, row), whose
 * fields are valid during the call only.  budget is VIEW_BUDGET but for
 * tests.
 */
struct view_rows *view_rows_open(const struct view_spec *v, size_t budget,
    view_emit emit, void *ctx);
/*
 * Takes one row (copied).  key is the cell to sort by (ignored without
 * --sort); numeric says the column holds numbers the tool wrote, read
 * with a decimal point whatever --decimal-comma says.
 */
void view_rows_put(struct view_rows *vr, const struct csv_row *row,
    const char *key, size_t keylen, bool numeric);
/* Emits what is held, in order, and frees vr. */
void view_rows_close(struct view_rows *vr);

#endif
