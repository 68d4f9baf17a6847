/*
 * natcmp.c: natural order.  The comparison is a total order: the first
 * pass orders digit runs by value and letters without case, which only
 * groups names; the second pass, plain bytes, orders the names within a
 * group.  A digit run against a byte that is not a digit compares by the
 * run's first digit, which places every run at the position of the
 * digits among the bytes and keeps the first pass transitive.
 */
#include <stdbool.h>
#include <string.h>

#include "natcmp.h"

/* The rest of one name, [p, end). */
struct cursor {
	const unsigned char	*p;
	const unsigned char	*end;
};

static bool
at_digit(const struct cursor *c)
{
	return c->p < c->end && *c->p >= '0' && *c->p <= '9';
}

static unsigned char
folded(unsigned char ch)
{
	return ch >= 'A' && ch <= 'Z' ? (unsigned char)(ch - 'A' + 'a') : ch;
}

/* Skips a digit run, leaving its digits without leading zeros in *v. */
static void
take_run(struct cursor *c, struct cursor *v)
{
	while (c->p < c->end && *c->p == '0')
		c->p++;
	v->p = c->p;
	while (at_digit(c))
		c->p++;
	v->end = c->p;
}

/* A longer run without leading zeros is the larger number. */
static int
run_cmp(struct cursor *a, struct cursor *b)
{
	struct cursor va, vb;
	size_t la, lb;

	take_run(a, &va);
	take_run(b, &vb);
	la = (size_t)(va.end - va.p);
	lb = (size_t)(vb.end - vb.p);
	if (la != lb)
		return la < lb ? -1 : 1;
	return la == 0 ? 0 : memcmp(va.p, vb.p, la);
}

/* The first pass: numbers by value, letters without case. */
static int
level_cmp(struct cursor a, struct cursor b)
{
	int c;

	while (a.p < a.end && b.p < b.end) {
		if (at_digit(&a) && at_digit(&b)) {
			if ((c = run_cmp(&a, &b)) != 0)
				return c;
			continue;
		}
		if (folded(*a.p) != folded(*b.p))
			return folded(*a.p) < folded(*b.p) ? -1 : 1;
		a.p++;
		b.p++;
	}
	return (a.p < a.end) - (b.p < b.end);
}

int
natcmp_len(const char *a, size_t alen, const char *b, size_t blen)
{
	struct cursor ca = { (const unsigned char *)a,
	    (const unsigned char *)a + alen };
	struct cursor cb = { (const unsigned char *)b,
	    (const unsigned char *)b + blen };
	int c;

	if ((c = level_cmp(ca, cb)) != 0)
		return c;
	if ((c = memcmp(a, b, alen < blen ? alen : blen)) != 0)
		return c;
	return (alen > blen) - (alen < blen);
}

int
natcmp(const char *a, const char *b)
{
	return natcmp_len(a, strlen(a), b, strlen(b));
}
