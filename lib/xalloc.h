/*
 * xalloc: allocation that cannot fail quietly.  Running out of memory
 * ends the run with "out of memory" and status 2, since no tool can give
 * a correct answer without the memory it asked for.  A request for zero
 * bytes returns a valid pointer.
 */
#ifndef SALESPERF_XALLOC_H
#define SALESPERF_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* realloc for n elements of size bytes, refusing a product that overflows. */
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
/* A NUL-terminated copy of s[0..n), which may hold NULs. */
char *xstrndup(const char *s, size_t n);

#endif
