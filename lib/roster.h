/*
 * roster: the reps goal-set divides a team number among, read from a CSV
 * with one row per rep: rep (required), team, role, hire date, a basis
 * (last period's bookings or any history figure), and optional weight,
 * min and max.  A roster is small, so it is held in memory.
 *
 * A row is bad, reported with its line and value and left out, when the
 * rep is empty or repeats an earlier row, when the hire date, basis,
 * weight, min or max cannot be read, when basis, weight, min or max is
 * negative, or when min is above max.
 */
#ifndef SALESPERF_ROSTER_H
#define SALESPERF_ROSTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "columns.h"
#include "csvio.h"
#include "strmap.h"

#define WEIGHT_SCALE 10000	/* weights have four decimals: 1.5 = 15000 */

struct roster_rep {
	char *name, *team, *role;	/* never NULL; "" when absent */
	int32_t hire;			/* DATE_NONE when absent */
	bool has_basis, has_min, has_max;
	/* Amounts in hundredths: cents, or hundredths of a unit (--count). */
	int64_t basis, min, max;
	int64_t weight;			/* × WEIGHT_SCALE; 1 when absent */
	long line;
};

struct roster {
	struct roster_rep *rep;
	size_t n, cap;
	struct strmap names;		/* rep name -> index in rep */
	bool basis_col;			/* the roster has a basis column */
	const char *file;
};

/* How amounts and dates are written in the roster. */
struct roster_format {
	bool count;			/* amounts are counts, not money */
	bool decimal_comma;
	const char *date_format;	/* NULL: the built-in forms */
};

void roster_init(struct roster *r);
void roster_free(struct roster *r);

/*
 * Reads one data row with the columns found in m.  Returns 0 when the rep
 * was added, or -1 for a bad row (reported and rejected).
 */
int roster_add_row(struct roster *r, const struct colmap *m,
    const struct csv_row *row, const struct roster_format *fmt);

/*
 * Reads the whole roster from rd, whose header row has been resolved into
 * m (rep required).  Returns the number of reps read.
 */
size_t roster_read(struct roster *r, struct csv_reader *rd,
    const struct colmap *m, const struct roster_format *fmt);

/* Index of the rep named name, or -1. */
long roster_find(const struct roster *r, const char *name, size_t len);

#endif
