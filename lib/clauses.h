/*
 * clauses: a sentence built from clauses joined by "; ", as in
 * funnel-flag's reasons and goal-set's notes.  A clause that does not fit
 * the buffer is cut; the text is always NUL-terminated.
 *
 * clauses_add formats only the conversions those sentences use -- %s, %d,
 * %zu, %lld, %.*s and %% -- itself rather than through vsnprintf: a
 * reason is written for every deal of a million-row export.
 */
#ifndef SALESPERF_CLAUSES_H
#define SALESPERF_CLAUSES_H

#include <stddef.h>

struct clauses {
	char *buf;
	size_t len, size;
};

/* Starts an empty sentence in buf (size bytes, at least 1). */
void clauses_init(struct clauses *c, char *buf, size_t size);
/* Appends one clause, after "; " when there are others. */
void clauses_add(struct clauses *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
