/*
 * spool: rows parked in an unlinked temporary file between two passes, so
 * a tool that must see the whole input before its first output row (to
 * learn medians from it) still runs in constant memory.  The file lives in
 * $TMPDIR (or /tmp) and takes about as much space as the input.
 */
#ifndef SALESPERF_SPOOL_H
#define SALESPERF_SPOOL_H

#include <stdio.h>

#include "csvio.h"

struct spool;

struct spool *spool_open(void);
/* Appends a row; exits with status 2 when the disk is full. */
void spool_put(struct spool *sp, const struct csv_row *row);
/* Switches from writing to reading, from the first row. */
void spool_rewind(struct spool *sp);
/* Reads the next row (valid until the next call): 1, or 0 at the end. */
int spool_get(struct spool *sp, const struct csv_row **row);
void spool_close(struct spool *sp);

#endif
