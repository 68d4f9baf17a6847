/*
 * apportion: dividing a whole number of units among claimants in
 * proportion to integer weights, so that the parts are whole and add up
 * to the number exactly.
 *
 * Both functions are exact: weights are unsigned 128-bit integers and
 * every quotient and remainder is computed in integer arithmetic, so the
 * same inputs always give the same parts.  They require units and bounds
 * below 2^50 and the sum of the weights below 2^77, which keeps every
 * product below 2^127 (goals.c stays far inside those limits).
 */
#ifndef SALESPERF_APPORTION_H
#define SALESPERF_APPORTION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

__extension__ typedef unsigned __int128 weight_t;

#define APPORTION_MAX ((int64_t)1 << 50)	/* units and bounds below this */

/*
 * Largest-remainder method (Hamilton's): part i is the whole part of
 * units × w[i] ÷ Σw, and the units left over go one each to the parts with
 * the largest remainders; equal remainders go to the lower index first.
 * When every weight is 0 nothing can be divided: out is all zero and the
 * function returns false unless units is 0.
 */
bool apportion(int64_t units, const weight_t *w, size_t n, int64_t *out);

/* How apportion_bounded settled each claimant. */
enum pin { PIN_FREE, PIN_LOW, PIN_HIGH };

struct claim {
	weight_t w;
	int64_t lo;		/* at least this many units (0 for none) */
	int64_t hi;		/* at most this many; ignored unless has_hi */
	bool has_hi;		/* callers ensure lo <= hi */
};

/*
 * Divides units in proportion to the weights within each claimant's
 * bounds: part i is clamp(λ × w[i], lo, hi) for the one λ that makes the
 * parts add up to units, then the free parts are rounded to whole units by
 * apportion().  This is "the excess above a cap goes to the others in
 * proportion to their weights, repeated until it fits", computed in one
 * pass over the points where claimants reach a bound.  A claimant with
 * weight 0 gets its lower bound.
 *
 * Returns 0, or -1 when no λ fits: *unplaced is then how many units could
 * not be placed above every upper bound (positive), or by how many units
 * the lower bounds exceed the total (negative).  pin may be NULL.
 */
int apportion_bounded(int64_t units, const struct claim *c, size_t n,
    int64_t *out, enum pin *pin, int64_t *unplaced);

#endif
