/*
 * output: the one writer behind -o for all four tools.
 *
 *   csv       header row; a field is quoted only when it holds a comma, a
 *             quote, CR or LF (quotes doubled); a row of one empty field is
 *             written "" so it survives a round trip; LF line ends
 *   tsv       tab-separated; backslash, tab, LF and CR written as \\ \t \n \r
 *   table     aligned plain text for terminals and mail; numbers aligned
 *             right; held in memory until out_close (it needs all widths)
 *   markdown  a GitHub-style table; '|' escaped, line breaks as <br>
 *   ndjson    one JSON object a row; number columns as JSON numbers (null
 *             when empty), text as strings
 * Money is written with two decimals, percentages as plain numbers with one
 * decimal, dates as YYYY-MM-DD.  Output is the same bytes for the same
 * calls.
 */
#ifndef SALESPERF_OUTPUT_H
#define SALESPERF_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum out_format { OUT_CSV, OUT_TSV, OUT_TABLE, OUT_MARKDOWN, OUT_NDJSON };
enum out_type { OT_TEXT, OT_NUMBER };

struct out;

/* Parses a -o argument; returns 0 or -1. */
int out_format_parse(const char *s, enum out_format *fmt);

struct out *out_open(FILE *fp, enum out_format fmt);
/*
 * Declares the columns and writes the header.  types may be NULL (all
 * text).  names and types must stay valid until out_close.
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
void out_date(struct out *o, int32_t day);	/* DATE_NONE: empty */
/* Ends the row; the number of fields must match the columns. */
void out_row_end(struct out *o);

/*
 * Writes what is held, flushes, and frees o (not fp).  Returns 0, or -1
 * when writing failed (errno set); the caller reports it.
 */
int out_close(struct out *o);

#endif
