/*
 * strmap: a hash map from byte strings (rep names, deal ids, stage keys)
 * to dense indexes 0, 1, 2, ... in order of first insertion.  Callers keep
 * their per-key state in a plain array indexed by the value, so iterating
 * in insertion order is a loop, and output order is deterministic.
 */
#ifndef SALESPERF_STRMAP_H
#define SALESPERF_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

struct strmap {
	size_t *slots;		/* index + 1 per slot; 0 is empty */
	size_t nslots;
	char **keys;		/* keys[i]: copy of the i-th key, NUL-ended */
	size_t *lens;
	size_t n, cap;
};

void strmap_init(struct strmap *m);
void strmap_free(struct strmap *m);
/* The index of key, or (size_t)-1 when absent. */
size_t strmap_find(const struct strmap *m, const char *key, size_t len);
/* The index of key, added if absent (*added says which, may be NULL). */
size_t strmap_intern(struct strmap *m, const char *key, size_t len,
    bool *added);
/* The key of index i. */
const char *strmap_key(const struct strmap *m, size_t i, size_t *len);

#endif
