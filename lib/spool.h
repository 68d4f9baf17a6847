/*
 * spool: rows parked in an unlinked temporary file between two passes, so
 * a tool that must see the whole input before its first output row (to
 * learn medians from it) still runs in constant memory.  Each row can
 * carry a small blob of the caller's (facts already worked out from it),
 * so the second pass need not work them out again.  The file lives in
 * $TMPDIR (or /tmp) and takes about as much space as the input.
 */
#ifndef SALESPERF_SPOOL_H
#define SALESPERF_SPOOL_H

#include <stddef.h>

#include "csvio.h"

struct spool;

struct spool *spool_open(void);
/*
 * Appends a row and its blob (at most 65535 bytes); exits with status 2
 * when the disk is full.
 */
void spool_put(struct spool *sp, const struct csv_row *row, const void *blob,
    size_t bloblen);
/* Switches from writing to reading, from the first row. */
void spool_rewind(struct spool *sp);
/*
 * Reads the next row and its blob (both valid until the next call; the
 * blob is aligned for any type).  Returns 1, or 0 at the end.
 */
int spool_get(struct spool *sp, const struct csv_row **row,
    const void **blob);
void spool_close(struct spool *sp);

#endif
