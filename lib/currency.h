/*
 * currency: keeping amounts in one currency.
 *
 * An amount's currency comes from a currency column (Amount Currency,
 * Currency, Deal - Currency of Value, ...) or from a symbol or code written
 * with the amount.  Without --rates, every amount must be in the same
 * currency (or none): a second currency stops the run naming both, never a
 * silent sum of dollars and euros.  --rates FILE (CSV: currency, rate)
 * converts each amount into the reporting currency by its rate; an amount
 * without a currency is taken to be in the reporting currency already.
 */
#ifndef SALESPERF_CURRENCY_H
#define SALESPERF_CURRENCY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "money.h"

#define RATE_SCALE 1000000000LL	/* rates are fixed point, 9 decimals */

struct rate {
	char code[CURRENCY_SZ];
	int64_t rate;		/* × RATE_SCALE */
};

struct currency_state {
	struct rate *rates;	/* NULL: no --rates */
	size_t nrates;
	char seen[CURRENCY_SZ];	/* first currency seen, without --rates */
	char seen_file[256];
	long seen_line;
};

void currency_init(struct currency_state *cs);
void currency_free(struct currency_state *cs);
/*
 * Loads --rates FILE.  Bad lines are reported; returns 0 or -1 (the caller
 * exits with status 2).
 */
int currency_load_rates(struct currency_state *cs, const char *path);
/*
 * Brings *cents in currency code (may be "") into the reporting currency.
 * Returns 0; or -1 after a message when there is no rate for code or the
 * result overflows (the row is bad); exits with status 1 when a second
 * currency appears without --rates.
 */
int currency_convert(struct currency_state *cs, const char *code,
    int64_t *cents, const char *file, long line, const char *field);

/*
 * Reads a currency column's value ("usd", " EUR ") into an upper-case
 * three-letter code; false when it is not three letters.
 */
bool currency_code(const char *s, size_t len, char code[CURRENCY_SZ]);

#endif
