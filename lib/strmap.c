/*
 * strmap: open addressing with linear probing over FNV-1a hashes; the
 * table doubles when it is half full.
 */
#include <err.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "strmap.h"
#include "xalloc.h"

static uint64_t
hash(const char *s, size_t len)
{
	uint64_t h = 14695981039346656037ULL;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}


void
strmap_init(struct strmap *m)
{
	memset(m, 0, sizeof(*m));
}

void
strmap_free(struct strmap *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->lens);
	free(m->slots);
	memset(m, 0, sizeof(*m));
}

/* The slot holding key, or the empty slot where it would go. */
static size_t
probe(const struct strmap *m, const char *key, size_t len)
{
	size_t mask = m->nslots - 1, s = (size_t)hash(key, len) & mask;

	while (m->slots[s] != 0) {
		size_t i = m->slots[s] - 1;

		if (m->lens[i] == len && memcmp(m->keys[i], key, len) == 0)
			break;
		s = (s + 1) & mask;
	}
	return s;
}

size_t
strmap_find(const struct strmap *m, const char *key, size_t len)
{
	size_t s;

	if (m->nslots == 0)
		return (size_t)-1;
	s = probe(m, key, len);
	return m->slots[s] ? m->slots[s] - 1 : (size_t)-1;
}

static void
grow(struct strmap *m)
{
	size_t i, old = m->nslots;
	size_t *oslots = m->slots;

	m->nslots = old ? old * 2 : 64;
	m->slots = xcalloc(m->nslots, sizeof(*m->slots));
	for (i = 0; i < old; i++)
		if (oslots[i] != 0) {
			size_t k = oslots[i] - 1;

			m->slots[probe(m, m->keys[k], m->lens[k])] = oslots[i];
		}
	free(oslots);
}

size_t
strmap_intern(struct strmap *m, const char *key, size_t len, bool *added)
{
	size_t s;

	if (m->nslots == 0 || (m->n + 1) * 2 > m->nslots)
		grow(m);
	s = probe(m, key, len);
	if (added != NULL)
		*added = m->slots[s] == 0;
	if (m->slots[s] != 0)
		return m->slots[s] - 1;
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 64;
		m->keys = xreallocarray(m->keys, m->cap, sizeof(*m->keys));
		m->lens = xreallocarray(m->lens, m->cap, sizeof(*m->lens));
	}
	m->keys[m->n] = xcalloc(len + 1, 1);
	memcpy(m->keys[m->n], key, len);
	m->lens[m->n] = len;
	m->slots[s] = ++m->n;
	return m->n - 1;
}

const char *
strmap_key(const struct strmap *m, size_t i, size_t *len)
{
	if (len != NULL)
		*len = m->lens[i];
	return m->keys[i];
}
