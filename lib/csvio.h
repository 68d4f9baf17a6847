/*
 * csvio: streaming CSV input on libcsv.
 *
 * RFC 4180 rows: quoted fields, doubled quotes, embedded newlines, CRLF, LF
 * or lone CR line ends.  A UTF-8 byte-order mark before the header is
 * dropped; UTF-16 input (a UTF-16 byte-order mark, or a header a third of
 * whose bytes are NUL) is refused with a message saying how to convert
 * it.  Fields are kept byte for byte (libcsv's trimming of spaces is turned
 * off).  Every row carries the physical line on which it starts, counting
 * lines inside quoted fields, so messages point at the right place.
 *
 * The first row is the header.  A row with a different number of fields
 * than the header, or with broken quoting, is reported, rejected (see
 * diag.h) and skipped; an unterminated quote names the line it opened on.
 * Memory is one input buffer plus the current row, whatever the input size.
 */
#ifndef SALESPERF_CSVIO_H
#define SALESPERF_CSVIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct csv_row {
	size_t n;		/* number of fields */
	char **f;		/* field i, NUL-terminated; may hold NULs, see len */
	size_t *len;		/* length of field i */
	long line;		/* physical line where the row starts, from 1 */
	/*
	 * When not NULL: the fields lie one after another from here, each
	 * followed by a NUL, nbytes in all, so the row can be copied whole.
	 */
	const char *bytes;
	size_t nbytes;
};

struct csv_reader;

/* Delimiter value meaning "sniff it from the header line". */
#define CSV_DELIM_AUTO 0

/*
 * Parses a -d/--delimiter argument: a single character, "tab", "comma",
 * "semicolon", "pipe" or "auto".  Returns the delimiter, CSV_DELIM_AUTO, or
 * -1 when it cannot be a delimiter (quote, CR, LF, NUL, more than one char).
 */
int csv_delim_parse(const char *arg);

/*
 * Reads from fp, naming it `name` in messages.  Never returns NULL (exits
 * on allocation failure).  The reader does not close fp.
 */
struct csv_reader *csvr_open(FILE *fp, const char *name, int delim);
/*
 * Opens path ("-" is standard input, named "stdin") or exits with status 2
 * and "PATH: REASON".  The file is closed by csvr_close.
 */
struct csv_reader *csvr_open_path(const char *path, int delim);
void csvr_close(struct csv_reader *r);

/*
 * Reads the header row.  Returns 0, or -1 after a message when the input
 * has no header (empty input) or is not readable as CSV (UTF-16, a broken
 * header); the caller treats -1 as a usage error.
 */
int csvr_header(struct csv_reader *r, const struct csv_row **hdr);
/*
 * Reads the next data row into *row (valid until the next call).
 * Returns 1 for a row, 0 at the end of the input, -1 for a bad row that was
 * reported and rejected (call again to go on).  Read errors exit status 2.
 */
int csvr_next(struct csv_reader *r, const struct csv_row **row);

const char *csvr_name(const struct csv_reader *r);
/* The delimiter in use (after sniffing). */
int csvr_delim(const struct csv_reader *r);

#endif
