/*
 * money.c: reading and writing money and plain decimals as scaled integers.
 *
 * A number is read digit by digit into a short decimal significand and a
 * power of ten, then rounded once to the wanted scale.  Nothing here calls
 * strtod or printf with %f, so the process locale never matters.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "money.h"

#ifndef __SIZEOF_INT128__
#error "muldiv_round needs a compiler with __int128"
#endif

/* __extension__ keeps -Wpedantic quiet about the non-ISO type. */
__extension__ typedef __int128 wide;

/*
 * An int64 has at most 19 digits, and rounding looks at one digit more, so
 * twenty significant digits decide every result; later ones are dropped.
 */
#define SIG_DIGITS	20

/* Exponents are clamped here: anything larger is out of range anyway. */
#define EXP_LIMIT	100000L

/* The value of a number read so far: 0.dig[0]dig[1]... times 10^point. */
struct decimal {
	char	 dig[SIG_DIGITS];	/* significant digits, first not 0 */
	int	 ndig;
	long	 point;
	bool	 seen;			/* at least one digit, even a 0 */
};

/* The unread rest of the input, [p, end). */
struct scan {
	const char	*p;
	const char	*end;
};

/* Currency symbols and the code each one stands for. */
static const struct {
	const char	*sym;
	const char	*code;
} symbols[] = {
	{ "$", "USD" },
	{ "\xe2\x82\xac", "EUR" },	/* € */
	{ "\xc2\xa3", "GBP" },		/* £ */
	{ "\xc2\xa5", "JPY" },		/* ¥ */
};

static bool
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static bool
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
upper(int c)
{
	return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

static bool
at_end(const struct scan *sc)
{
	return sc->p == sc->end;
}

static bool
peek(const struct scan *sc, char c)
{
	return sc->p < sc->end && *sc->p == c;
}

static void
skip_spaces(struct scan *sc)
{
	while (sc->p < sc->end && (*sc->p == ' ' || *sc->p == '\t'))
		sc->p++;
}

static void
trim(struct scan *sc)
{
	skip_spaces(sc);
	while (sc->end > sc->p && (sc->end[-1] == ' ' || sc->end[-1] == '\t'))
		sc->end--;
}

/* Consumes a leading + or -; true if there was one. */
static bool
scan_sign(struct scan *sc, bool *neg)
{
	if (peek(sc, '+') || peek(sc, '-')) {
		*neg = *sc->p == '-';
		sc->p++;
		return true;
	}
	return false;
}

/*
 * Adds one digit.  Leading zeros carry no information except, after the
 * decimal point, that the value is ten times smaller.
 */
static void
add_digit(struct decimal *d, char c, bool integer_part)
{
	d->seen = true;
	if (d->ndig == 0 && c == '0') {
		if (!integer_part)
			d->point--;
		return;
	}
	if (d->ndig < SIG_DIGITS)
		d->dig[d->ndig++] = (char)(c - '0');
	if (integer_part)
		d->point++;
}

/*
 * Reads the digits before the decimal point.  With a group separator the
 * first group has one to three digits and every later group exactly three,
 * so "12,34" is refused instead of being read as 1234.
 */
static bool
scan_integer(struct scan *sc, char group, struct decimal *d)
{
	bool grouped = false;
	int run = 0;

	for (; sc->p < sc->end; sc->p++) {
		if (is_digit(*sc->p)) {
			add_digit(d, *sc->p, true);
			run++;
		} else if (group != '\0' && *sc->p == group) {
			if (grouped ? run != 3 : run < 1 || run > 3)
				return false;
			grouped = true;
			run = 0;
		} else
			break;
	}
	return !grouped || run == 3;
}

static void
scan_fraction(struct scan *sc, struct decimal *d)
{
	for (; sc->p < sc->end && is_digit(*sc->p); sc->p++)
		add_digit(d, *sc->p, false);
}

/*
 * Reads "e12", "E+06" or "e-2" when one follows; a lone 'e' is left alone,
 * because it may begin a currency code such as "EUR".
 */
static void
scan_exponent(struct scan *sc, struct decimal *d)
{
	const char *q = sc->p;
	bool neg = false;
	long e = 0;

	if (!peek(sc, 'e') && !peek(sc, 'E'))
		return;
	q++;
	if (q < sc->end && (*q == '+' || *q == '-'))
		neg = *q++ == '-';
	if (q == sc->end || !is_digit(*q))
		return;
	for (; q < sc->end && is_digit(*q); q++)
		if (e < EXP_LIMIT)
			e = e * 10 + (*q - '0');
	sc->p = q;
	d->point += neg ? -e : e;
}

/* Reads digits, an optional fraction and an optional exponent. */
static bool
scan_number(struct scan *sc, char group, char point, struct decimal *d)
{
	memset(d, 0, sizeof(*d));
	if (!scan_integer(sc, group, d))
		return false;
	if (peek(sc, point)) {
		sc->p++;
		scan_fraction(sc, d);
	}
	if (!d->seen)
		return false;
	scan_exponent(sc, d);
	return true;
}

/*
 * Rounds d to an integer count of 10^-scale units, half away from zero.
 * The result keeps point + scale digits of the significand; the digit
 * after them decides the rounding.  The range is kept symmetric so that
 * negating a parsed amount can never overflow.
 */
static int
to_fixed(const struct decimal *d, int scale, bool neg, int64_t *out)
{
	long keep = d->point + scale, i;
	uint64_t v = 0;

	if (d->ndig == 0) {
		*out = 0;
		return MONEY_OK;
	}
	if (keep > 19)
		return MONEY_RANGE;
	for (i = 0; i < keep; i++)
		v = v * 10 + (i < d->ndig ? (uint64_t)d->dig[i] : 0);
	if (keep >= 0 && keep < d->ndig && d->dig[keep] >= 5)
		v++;
	if (v > INT64_MAX)
		return MONEY_RANGE;
	*out = neg ? -(int64_t)v : (int64_t)v;
	return MONEY_OK;
}

/*
 * Reads a currency symbol or a three-letter code into code.  The letters
 * must not run on, so "USDX" is not taken for "USD".
 */
static bool
scan_currency(struct scan *sc, char code[CURRENCY_SZ])
{
	size_t i, n;

	for (i = 0; i < sizeof(symbols) / sizeof(symbols[0]); i++) {
		n = strlen(symbols[i].sym);
		if ((size_t)(sc->end - sc->p) >= n &&
		    memcmp(sc->p, symbols[i].sym, n) == 0) {
			memcpy(code, symbols[i].code, CURRENCY_SZ);
			sc->p += n;
			return true;
		}
	}
	if (sc->end - sc->p < 3 || !is_alpha(sc->p[0]) ||
	    !is_alpha(sc->p[1]) || !is_alpha(sc->p[2]) ||
	    (sc->end - sc->p > 3 && is_alpha(sc->p[3])))
		return false;
	for (i = 0; i < 3; i++)
		code[i] = (char)upper(sc->p[i]);
	code[3] = '\0';
	sc->p += 3;
	return true;
}

/*
 * Strips accounting parentheses: "(5)" is -5.  Inside them no sign is
 * allowed, since "(-5)" has no agreed meaning.
 */
static bool
scan_parens(struct scan *sc, bool *paren)
{
	*paren = false;
	if (!peek(sc, '('))
		return true;
	if (sc->end - sc->p < 2 || sc->end[-1] != ')')
		return false;
	sc->p++;
	sc->end--;
	trim(sc);
	*paren = true;
	return !at_end(sc);
}

/*
 * The body of an amount: [sign] [currency] [sign] number [currency], with
 * at most one sign and one currency.  Spaces may separate a currency from
 * the number but not a sign from it.
 */
static int
scan_amount(struct scan *sc, bool decimal_comma, bool paren, int64_t *cents,
    char code[CURRENCY_SZ])
{
	struct decimal d;
	bool neg = paren, have_sign = false, prefixed;

	if (!paren)
		have_sign = scan_sign(sc, &neg);
	prefixed = scan_currency(sc, code);
	if (prefixed) {
		skip_spaces(sc);
		if (!paren && !have_sign)
			scan_sign(sc, &neg);
	}
	if (!scan_number(sc, decimal_comma ? '.' : ',',
	    decimal_comma ? ',' : '.', &d))
		return MONEY_BAD;
	if (!prefixed && !at_end(sc)) {
		skip_spaces(sc);
		if (!scan_currency(sc, code))
			return MONEY_BAD;
	}
	if (!at_end(sc))
		return MONEY_BAD;
	return to_fixed(&d, 2, neg, cents);
}

int
money_parse(const char *s, size_t len, bool decimal_comma, int64_t *cents,
    char currency[CURRENCY_SZ])
{
	struct scan sc = { s, s + len };
	char code[CURRENCY_SZ] = "";
	int64_t v;
	bool paren;
	int rc;

	if (len == 0)
		return MONEY_EMPTY;
	if (memchr(s, '\0', len) != NULL)
		return MONEY_BAD;
	trim(&sc);
	if (at_end(&sc))
		return MONEY_EMPTY;
	if (!scan_parens(&sc, &paren))
		return MONEY_BAD;
	rc = scan_amount(&sc, decimal_comma, paren, &v, code);
	if (rc != MONEY_OK)
		return rc;
	*cents = v;
	if (currency != NULL)
		memcpy(currency, code, CURRENCY_SZ);
	return MONEY_OK;
}

size_t
money_format(int64_t cents, char buf[MONEY_BUFSZ])
{
	return decimal_format(cents, 2, buf);
}

int
decimal_parse(const char *s, size_t len, int scale, int64_t *out)
{
	struct scan sc = { s, s + len };
	struct decimal d;
	bool neg = false;
	int64_t v = 0;
	size_t i;
	int k;

	if (scale < 0 || scale > 9)
		return MONEY_BAD;
	if (len == 0)
		return MONEY_EMPTY;
	/*
	 * Most values in an export are a few plain digits (a probability, a
	 * count): read those directly.  Nine digits and a scale of nine
	 * still fit in int64.
	 */
	if (len <= 9) {
		for (i = 0; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			v = v * 10 + (s[i] - '0');
		if (i == len) {
			for (k = 0; k < scale; k++)
				v *= 10;
			*out = v;
			return MONEY_OK;
		}
	}
	if (memchr(s, '\0', len) != NULL)
		return MONEY_BAD;
	trim(&sc);
	if (at_end(&sc))
		return MONEY_EMPTY;
	scan_sign(&sc, &neg);
	if (!scan_number(&sc, '\0', '.', &d) || !at_end(&sc))
		return MONEY_BAD;
	return to_fixed(&d, scale, neg, out);
}

/*
 * The magnitude is taken as unsigned, and negated one short of v so that
 * INT64_MIN prints too.  An out-of-range scale writes nothing rather than
 * a misleading number.
 */
size_t
decimal_format(int64_t v, int scale, char buf[MONEY_BUFSZ])
{
	uint64_t mag = v < 0 ? (uint64_t)-(v + 1) + 1 : (uint64_t)v;
	char tmp[MONEY_BUFSZ], *p = tmp + sizeof(tmp);
	int i;
	size_t n;

	if (scale < 0 || scale > 9) {
		buf[0] = '\0';
		return 0;
	}
	/* Digits from the right: the decimals, the point, the whole part. */
	for (i = 0; i < scale; i++) {
		*--p = (char)('0' + mag % 10);
		mag /= 10;
	}
	if (scale > 0)
		*--p = '.';
	do {
		*--p = (char)('0' + mag % 10);
		mag /= 10;
	} while (mag > 0);
	if (v < 0)
		*--p = '-';
	n = (size_t)(tmp + sizeof(tmp) - p);
	memcpy(buf, p, n);
	buf[n] = '\0';
	return n;
}

/*
 * Two int64 factors fit in 127 bits, so the product is exact in 128 bits
 * and the only overflow left to check is the final quotient's.
 */
bool
muldiv_round(int64_t a, int64_t num, int64_t den, int64_t *out)
{
	wide p = (wide)a * num, q, r, ar, aden;

	if (den == 0)
		return false;
	q = p / den;
	r = p % den;
	ar = r < 0 ? -r : r;
	aden = den < 0 ? -(wide)den : den;
	if (r != 0 && 2 * ar >= aden)
		q += (p < 0) != (den < 0) ? -1 : 1;
	if (q < INT64_MIN || q > INT64_MAX)
		return false;
	*out = (int64_t)q;
	return true;
}

bool
money_add(int64_t a, int64_t b, int64_t *out)
{
	if ((b > 0 && a > INT64_MAX - b) || (b < 0 && a < INT64_MIN - b))
		return false;
	*out = a + b;
	return true;
}

bool
money_sub(int64_t a, int64_t b, int64_t *out)
{
	if ((b < 0 && a > INT64_MAX + b) || (b > 0 && a < INT64_MIN + b))
		return false;
	*out = a - b;
	return true;
}
