/*
 * apportion: largest-remainder rounding and bounded proportional division
 * in exact integer arithmetic.
 */
#include <err.h>
#include <stdlib.h>

#include "apportion.h"
#include "xalloc.h"

struct rem {
	weight_t r;
	size_t i;
};

/* Larger remainder first; equal remainders in index order. */
static int
rem_cmp(const void *a, const void *b)
{
	const struct rem *x = a, *y = b;

	if (x->r != y->r)
		return x->r > y->r ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}


bool
apportion(int64_t units, const weight_t *w, size_t n, int64_t *out)
{
	weight_t total = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		total += w[i];
		out[i] = 0;
	}
	if (units == 0)
		return true;
	if (total == 0)
		return false;

	struct rem *rem = xcalloc(n, sizeof(*rem));
	weight_t u = (weight_t)units;
	int64_t given = 0;

	for (i = 0; i < n; i++) {
		weight_t p = u * w[i];

		out[i] = (int64_t)(p / total);
		given += out[i];
		rem[i].r = p % total;
		rem[i].i = i;
	}
	/* The whole parts fall short by fewer units than there are parts. */
	qsort(rem, n, sizeof(*rem), rem_cmp);
	for (i = 0; given < units; i++, given++)
		out[rem[i].i]++;
	free(rem);
	return true;
}

/*
 * A point where a claimant's part, λ × w, reaches a bound: it leaves its
 * lower bound (and becomes free) at λ = lo ÷ w, and reaches its upper bound
 * at λ = hi ÷ w.
 */
struct event {
	int64_t num;		/* the bound */
	weight_t den;		/* the weight */
	bool leave;		/* false: becomes free; true: reaches hi */
	size_t i;
};

static int
event_cmp(const void *a, const void *b)
{
	const struct event *x = a, *y = b;
	weight_t l = (weight_t)x->num * y->den, r = (weight_t)y->num * x->den;

	if (l != r)
		return l < r ? -1 : 1;
	if (x->leave != y->leave)
		return x->leave ? 1 : -1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/*
 * Walks λ upwards from 0 through the events.  Between two events every
 * claimant is at its lower bound, free, or at its upper bound, so the sum
 * of the parts is pinned + λ × (weight of the free ones); the walk stops
 * at the first event where that sum would reach units.
 */
static void
settle(int64_t units, const struct claim *c, size_t n, enum pin *pin,
    int64_t *pinned, weight_t *wfree)
{
	struct event *ev = xcalloc(2 * n, sizeof(*ev));
	size_t i, nev = 0;

	*pinned = 0;
	*wfree = 0;
	for (i = 0; i < n; i++) {
		pin[i] = PIN_LOW;
		*pinned += c[i].lo;
		if (c[i].w == 0)
			continue;
		ev[nev++] = (struct event){ c[i].lo, c[i].w, false, i };
		if (c[i].has_hi)
			ev[nev++] = (struct event){ c[i].hi, c[i].w, true, i };
	}
	qsort(ev, nev, sizeof(*ev), event_cmp);
	for (i = 0; i < nev; i++) {
		const struct event *e = &ev[i];

		if (*wfree > 0 && (weight_t)(units - *pinned) * e->den <=
		    (weight_t)e->num * *wfree)
			break;
		if (e->leave) {
			pin[e->i] = PIN_HIGH;
			*wfree -= e->den;
			*pinned += c[e->i].hi;
		} else {
			pin[e->i] = PIN_FREE;
			*wfree += e->den;
			*pinned -= c[e->i].lo;
		}
	}
	free(ev);
}

int
apportion_bounded(int64_t units, const struct claim *c, size_t n,
    int64_t *out, enum pin *pin, int64_t *unplaced)
{
	enum pin *p = pin ? pin : xcalloc(n, sizeof(*p));
	int64_t lows = 0, pinned;
	weight_t wfree;
	size_t i;
	int rc = 0;

	for (i = 0; i < n; i++)
		lows += c[i].lo;
	*unplaced = 0;
	if (lows > units) {
		*unplaced = units - lows;
		rc = -1;
		for (i = 0; i < n; i++) {
			p[i] = PIN_LOW;
			out[i] = c[i].lo;
		}
		goto done;
	}
	settle(units, c, n, p, &pinned, &wfree);
	if (wfree == 0 && pinned != units) {
		*unplaced = units - pinned;
		rc = -1;
	}

	weight_t *w = xcalloc(n, sizeof(*w));

	for (i = 0; i < n; i++)
		if (p[i] == PIN_FREE)
			w[i] = c[i].w;
	apportion(rc == 0 ? units - pinned : 0, w, n, out);
	for (i = 0; i < n; i++) {
		if (p[i] == PIN_LOW)
			out[i] = c[i].lo;
		else if (p[i] == PIN_HIGH)
			out[i] = c[i].hi;
	}
	free(w);
done:
	if (p != pin)
		free(p);
	return rc;
}
