/*
 * money: amounts of money as int64 cents, read exactly from the forms CRM
 * exports use and written back with two decimals.  No floating point
 * touches a money value anywhere in salesperf.
 *
 * Accepted (surrounding spaces ignored):
 *   1234  1234.5  1234.50  -1234.50  +12  .5  1,234.50  $1,234.50  -$5  $-5
 *   USD 1,234.50   1,234.50 EUR   EUR1234   (1,234.50) (negative)
 *   1e3  1.5E+06 (exact decimal exponent)   € £ ¥ as prefix or suffix
 *   with decimal_comma: 1.234,50  1234,5  EUR 1.234,50
 * At most one sign and one currency mark ("$5 USD" is rejected).
 * Thousands separators must group by three ("12,34" is rejected rather than
 * guessed).  More than two decimals are rounded half away from zero to the
 * cent.  A value outside int64 cents is MONEY_RANGE, never a wrapped number;
 * the range is kept symmetric (|cents| <= INT64_MAX) so negating a parsed
 * amount is always safe.
 */
#ifndef SALESPERF_MONEY_H
#define SALESPERF_MONEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum money_status {
	MONEY_OK = 0,
	MONEY_EMPTY = 1,	/* empty or only spaces: "missing", not zero */
	MONEY_BAD = -1,		/* not a money value */
	MONEY_RANGE = -2	/* a number, but too large for int64 cents */
};

#define MONEY_BUFSZ 32		/* enough for any int64 cents formatted */
#define CURRENCY_SZ 4		/* "USD" + NUL */

/*
 * Parses s[0..len) (not necessarily NUL-terminated; an embedded NUL is
 * MONEY_BAD).  On MONEY_OK stores the amount in *cents and, when currency is
 * not NULL, the currency written with the amount: an upper-cased three-letter
 * code, "USD" for $, "EUR" for €, "GBP" for £, "JPY" for ¥, or "" if none.
 */
int money_parse(const char *s, size_t len, bool decimal_comma,
    int64_t *cents, char currency[CURRENCY_SZ]);

/* Writes cents as "-1234.50" (no grouping, no symbol); returns length. */
size_t money_format(int64_t cents, char buf[MONEY_BUFSZ]);

/*
 * Reads a plain decimal number ("12", "-0.5", "87.5", "1e-2", "+3") into a
 * fixed-point integer with `scale` decimals (scale 0..9), rounding half
 * away from zero: decimal_parse("12.345", 6, 2, &v) gives v = 1235.
 * Returns MONEY_OK, MONEY_EMPTY, MONEY_BAD or MONEY_RANGE.  Used for
 * percentages, rates, weights and other option values.
 */
int decimal_parse(const char *s, size_t len, int scale, int64_t *out);

/* Writes a fixed-point value with `scale` decimals: (8750, 2) -> "87.50". */
size_t decimal_format(int64_t v, int scale, char buf[MONEY_BUFSZ]);

/*
 * a * num / den rounded half away from zero, computed without overflow in
 * the intermediate product.  den must not be 0.  Returns false (and leaves
 * *out alone) when the result does not fit in int64.
 */
bool muldiv_round(int64_t a, int64_t num, int64_t den, int64_t *out);

/* a + b and a - b with overflow detection: false on overflow. */
bool money_add(int64_t a, int64_t b, int64_t *out);
bool money_sub(int64_t a, int64_t b, int64_t *out);

#endif
