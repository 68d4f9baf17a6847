/*
 * deal: one row of an opportunity export, read into typed values.
 *
 * The reader finds the columns once (columns.h), then turns each row into
 * a struct deal: amount in cents in the reporting currency, dates as day
 * numbers, won/lost/open from the stage or, when the export has both, from
 * the status column, probability in basis points.  Any value that cannot
 * be read makes the row bad: every such field is reported, the row is
 * rejected once, and deal_read returns -1.
 */
#ifndef SALESPERF_DEAL_H
#define SALESPERF_DEAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "columns.h"
#include "opts.h"
#include "stage.h"

/* How a probability column is written. */
enum prob_scale {
	PROB_BY_VALUE,		/* decide per value, see prob_parse */
	PROB_PERCENT,		/* "Probability (%)": 60 is 60% */
	PROB_FRACTION		/* hs_deal_stage_probability: 1 is 100% */
};

struct deal_reader {
	struct colmap cols;
	struct common_opts *opt;	/* stages, dates, money, currency */
	enum prob_scale prob_scale;	/* from the probability header */
};

/* Text fields point into the row and live as long as it does. */
struct text {
	const char *s;
	size_t len;
};

struct deal {
	struct text rep, team, id, stage, category;
	enum stage_class cls;
	bool has_amount;		/* false when the amount is empty */
	int64_t amount;			/* cents, reporting currency */
	int32_t close, created, activity, stage_changed; /* or DATE_NONE */
	int prob;			/* basis points 0..10000, or -1 */
	int push;			/* push count, or -1 */
	bool next_step_empty;		/* only meaningful with a column */
	int discount;			/* basis points, or -1 */
	long line;
};

void deal_reader_init(struct deal_reader *dr, const struct csv_row *hdr,
    const char *file, struct common_opts *opt);
/*
 * Keeps only the n fields in used (of the opportunity fields F_REP to
 * F_DISCOUNT) and forgets the other columns, so that a tool neither
 * parses nor rejects a row for a value it never looks at.
 */
void deal_reader_only(struct deal_reader *dr, const enum field *used,
    size_t n);
/* Returns 0, or -1 for a bad row (reported and rejected). */
int deal_read(struct deal_reader *dr, const struct csv_row *row,
    struct deal *d);
/*
 * Points d's text fields (rep, team, id, stage, category) at row: for a
 * deal read earlier whose row was copied elsewhere since.
 */
void deal_texts(const struct deal_reader *dr, const struct csv_row *row,
    struct deal *d);

/*
 * Reads a probability or percentage into basis points (0..10000), or -1.
 * "60%" is always percent.  Otherwise, by scale: PROB_PERCENT reads 60 as
 * 60%; PROB_FRACTION reads 0.6 and 1 as 60% and 100%; PROB_BY_VALUE reads
 * a number with a decimal point that is at most 1 as a fraction ("0.6")
 * and anything else as percent ("60", "1" = 1%).
 */
int prob_parse(const char *s, size_t len, enum prob_scale scale);

bool text_eq(struct text a, struct text b);

#endif
