/*
 * fuzz: what the libFuzzer targets in tests/fuzz share.
 *
 * The library ends a run with exit(3) or err(3) where a tool should stop
 * (a missing column, UTF-16 input, a second currency).  In a fuzz target
 * that would end the fuzzer, so the targets link with -Wl,--wrap=exit and
 * this file's own err(3)/warn(3) family: inside fuzz_run an exit jumps
 * back to the target with the status, and messages are formatted (so a
 * bad format argument still shows) but kept quiet unless FUZZ_VERBOSE is
 * set in the environment.  An exit leaves behind what the library had
 * allocated, so targets avoid the exits they can foresee and keep leak
 * detection on.
 */
#ifndef SALESPERF_FUZZ_H
#define SALESPERF_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "csvio.h"

/*
 * Calls fn(arg); returns -1 when it returned, or the status it exited
 * with.
 */
int fuzz_run(void (*fn)(void *), void *arg);

/* Messages the library wrote since the last fuzz_log_reset. */
const char *fuzz_log(size_t *len);
void fuzz_log_reset(void);
/* Keep messages in the log (for targets that compare two runs). */
void fuzz_log_keep(bool on);

/* A stream reading data[0..size); never NULL (aborts). */
FILE *fuzz_memfile(const uint8_t *data, size_t size);

/* Aborts with a message: a property the target checks does not hold. */
#define FUZZ_CHECK(cond, ...)						\
	do {								\
		if (!(cond)) {						\
			fprintf(stderr, "fuzz check failed: %s: ", #cond); \
			fprintf(stderr, __VA_ARGS__);			\
			fputc('\n', stderr);				\
			abort();					\
		}							\
	} while (0)

/*
 * Takes the next control byte from the front of the input (0 when the
 * input is used up), so the first bytes choose options.
 */
uint8_t fuzz_byte(const uint8_t **data, size_t *size);

/*
 * Splits the input at the first "\n--\n": the part before in *a, the
 * rest in *b (empty when there is no separator).
 */
void fuzz_split(const uint8_t *data, size_t size, const uint8_t **a,
    size_t *alen, const uint8_t **b, size_t *blen);

/*
 * The header of CSV text, resolved the way the tools do it, to tell in
 * advance whether a tool would stop for a missing column.  Returns false
 * when the text has no header a tool could read.
 */
struct colmap;
bool fuzz_peek_header(const uint8_t *data, size_t size, int delim,
    bool (*ok)(const struct colmap *m));

#endif
