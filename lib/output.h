/*
 * output: the one writer behind -o for all four tools.
 *
 *   csv       header row; a field is quoted only when it holds a comma, a
 *             quote, CR or LF (quotes doubled); a row of one empty field is
 *             written "" so it survives a round trip; LF line ends
 *   tsv       tab-separated; backslash, tab, LF and CR written as \\ \t \n \r
 *   table     aligned plain text for terminals; numbers aligned right;
 *             widths in display cells (wcwidth(3) when LC_CTYPE is UTF-8,
 *             else one cell a UTF-8 character); text cut to max_width
 *             cells with "..." ("…" under UTF-8); held in memory until
 *             out_close (it needs all widths)
 *   markdown  a GitHub-style table; '|' escaped, line breaks as <br>
 *   html      one <table> for a mail body: inline styles only, every value
 *             escaped, numbers right-aligned, status words on a coloured
 *             background, out_pct_bar as a bar, OT_RISK as a small bar
 *   ndjson    one JSON object a row; number columns as JSON numbers (null
 *             when empty), text as strings
 * Money is written with two decimals, percentages as plain numbers with one
 * decimal, dates as YYYY-MM-DD.  table, markdown and html group the whole
 * part of amounts and counts by thousands (1,234,567.89); csv, tsv and
 * ndjson never do.  Output is the same bytes for the same calls.
 *
 * With a view (out_opts.view: --fields, --sort, --top; see view.h) the
 * fields of each row are gathered and the view decides which columns and
 * rows go out, in what order; without one each field goes straight out.
 */
#ifndef SALESPERF_OUTPUT_H
#define SALESPERF_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "view.h"

enum out_format {
	OUT_CSV, OUT_TSV, OUT_TABLE, OUT_MARKDOWN, OUT_NDJSON, OUT_HTML
};

/* What a column holds: how it is aligned, grouped and drawn. */
enum out_type {
	OT_TEXT,	/* text */
	OT_NUMBER,	/* a plain number (a rank, a ratio) */
	OT_AMOUNT,	/* money, or units of a counted metric: grouped */
	OT_COUNT,	/* a count of things (deals, reps): grouped */
	OT_PERCENT,	/* a percentage: 87.5 */
	OT_DATE,	/* YYYY-MM-DD */
	OT_STATUS,	/* a status or action word: html gives it a colour */
	OT_RISK		/* a score from 0 to 100: html draws a small bar */
};

/* How a tool's output is written: -o, --max-width and the view. */
struct out_opts {
	enum out_format format;
	size_t max_width;	/* table: text cut to this many cells; 0: no */
	struct view_spec view;	/* --fields, --sort, --top */
};

struct out;

/* Parses a -o argument; returns 0 or -1. */
int out_format_parse(const char *s, enum out_format *fmt);

/* A writer of fmt without a view or a width limit. */
struct out *out_open(FILE *fp, enum out_format fmt);
struct out *out_open_opts(FILE *fp, const struct out_opts *opt);
/*
 * The tool's own names for its columns (see view.h), tried by --fields
 * and --sort after the columns' names.  Call before out_columns.
 */
void out_lookup(struct out *o, view_lookup lookup, void *ctx);
/*
 * Declares the columns and writes the header.  types may be NULL (all
 * text).  names and types must stay valid until out_close.  A --fields or
 * --sort name that is no column exits with status 2 after a message that
 * lists the columns.
 */
void out_columns(struct out *o, size_t n, const char *const *names,
    const enum out_type *types);

/* Appends one field to the current row; fields are given in column order. */
void out_field(struct out *o, const char *s, size_t len);
/*
 * Appends fields f[idx[0]], f[idx[1]], ... f[idx[n - 1]] (lengths in len):
 * the same as calling out_field for each, faster for passing rows through.
 */
void out_fields(struct out *o, char *const *f, const size_t *len,
    const int *idx, size_t n);
/*
 * Appends n fields that lie back to back from bytes, field i len[i] bytes
 * long and followed by a NUL: the same as out_field for each, but a row
 * of plain fields is copied in one piece.
 */
void out_fields_packed(struct out *o, const char *bytes, const size_t *len,
    size_t n);
void out_str(struct out *o, const char *s);
void out_empty(struct out *o);
void out_money(struct out *o, int64_t cents);
void out_int(struct out *o, int64_t v);
/* A fixed-point value: out_fixed(o, 875, 1) writes "87.5". */
void out_fixed(struct out *o, int64_t v, int scale);
/*
 * A percentage with a bar: exactly what out_fixed(o, v, scale) writes, and
 * in html a bar filled to v (full at 100% and beyond) with a tick at tick
 * (the same scale), or no tick when tick is OUT_NO_TICK.
 */
#define OUT_NO_TICK INT64_MIN
void out_pct_bar(struct out *o, int64_t v, int scale, int64_t tick);
void out_date(struct out *o, int32_t day);	/* DATE_NONE: empty */
/* Ends the row; the number of fields must match the columns. */
void out_row_end(struct out *o);

/*
 * Writes what is held, flushes, and frees o (not fp).  Returns 0, or -1
 * when writing failed (errno set); the caller reports it.
 */
int out_close(struct out *o);

#endif
