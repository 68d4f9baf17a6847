/*
 * natcmp: the order in which rep and team names are written.
 *
 * A run of digits compares as the number it spells, so User.2 comes
 * before User.10, whatever the length of the run (no overflow: the
 * digits are compared, not converted).  Other bytes compare ignoring
 * ASCII case, as unsigned bytes.  Names that are still level (User.02
 * and User.2, ann and Ann) are ordered by their bytes, so two different
 * names never compare equal and the output order never depends on the
 * order of the input.
 */
#ifndef SALESPERF_NATCMP_H
#define SALESPERF_NATCMP_H

#include <stddef.h>

/* Like strcmp: negative, zero (the same bytes) or positive. */
int natcmp(const char *a, const char *b);
/* The same for byte strings that may hold NUL. */
int natcmp_len(const char *a, size_t alen, const char *b, size_t blen);

#endif
