/*
 * fuzz_money: money_parse and decimal_parse on any bytes, checked against
 * a reference for plain numbers, and the integer helpers against 128-bit
 * arithmetic.
 *
 * Properties: a value read back from its own formatting is the same
 * value; a plain number ([+-]digits[.digits][e[+-]digits]) gives exactly
 * the reference's value rounded half away from zero, or MONEY_RANGE when
 * that does not fit int64 (never a wrapped value); no result is INT64_MIN
 * (the range is symmetric); muldiv_round, money_add and money_sub agree
 * with __int128.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "money.h"

__extension__ typedef __int128 wide;

/*
 * The reference: the digits of a plain number with the decimal point
 * moved by the exponent, rounded at `scale` decimals.  Returns MONEY_OK,
 * MONEY_RANGE, or 1 when s is not a plain number (no opinion).
 */
static int
reference(const char *s, size_t len, int scale, int64_t *out)
{
	char dig[8192];
	size_t i = 0, n = 0;
	long point = 0, e = 0;
	bool neg = false, any = false, eneg = false;

	while (i < len && s[i] == ' ')
		i++;
	while (len > i && s[len - 1] == ' ')
		len--;
	if (i < len && (s[i] == '+' || s[i] == '-'))
		neg = s[i++] == '-';
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, any = true)
		dig[n++] = s[i], point++;
	if (i < len && s[i] == '.')
		for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++, any = true)
			dig[n++] = s[i];
	if (!any)
		return 1;
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			eneg = s[i++] == '-';
		if (i == len)
			return 1;
		for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			if ((e = e * 10 + (s[i] - '0')) > 10000)
				return 1;	/* no opinion on huge exponents */
	}
	if (i != len)
		return 1;
	point += eneg ? -e : e;
	/* value = 0.dig × 10^point; keep point + scale digits. */
	long keep = point + scale;
	wide v = 0;
	size_t lead = 0;

	while (lead < n && dig[lead] == '0')
		lead++, keep--;
	if (lead == n) {
		*out = 0;
		return MONEY_OK;
	}
	if (keep > 19)
		return MONEY_RANGE;
	for (long k = 0; k < keep; k++)
		v = v * 10 + (lead + (size_t)k < n ? dig[lead + k] - '0' : 0);
	if (keep >= 0 && lead + (size_t)keep < n && dig[lead + keep] >= '5')
		v++;
	if (v > INT64_MAX)
		return MONEY_RANGE;
	*out = neg ? -(int64_t)v : (int64_t)v;
	return MONEY_OK;
}

static int64_t
take64(const uint8_t **data, size_t *size)
{
	uint64_t v = 0;

	for (int i = 0; i < 8; i++)
		v = v << 8 | fuzz_byte(data, size);
	return (int64_t)v;
}

static void
check_arith(const uint8_t *data, size_t size)
{
	int64_t a = take64(&data, &size), b = take64(&data, &size),
	    c = take64(&data, &size), r;
	wide w;

	/* a * b / c rounded half away from zero. */
	if (c != 0) {
		wide p = (wide)a * b, q = p / c, rem = p % c;
		wide arem = rem < 0 ? -rem : rem, ac = c < 0 ? -(wide)c : c;
		if (rem != 0 && 2 * arem >= ac)
			q += (p < 0) != (c < 0) ? -1 : 1;
		bool fits = q >= INT64_MIN && q <= INT64_MAX;
		FUZZ_CHECK(muldiv_round(a, b, c, &r) == fits, "muldiv fits");
		if (fits)
			FUZZ_CHECK(r == (int64_t)q, "muldiv value");
	}
	w = (wide)a + b;
	FUZZ_CHECK(money_add(a, b, &r) == (w >= INT64_MIN && w <= INT64_MAX),
	    "money_add");
	if (w >= INT64_MIN && w <= INT64_MAX)
		FUZZ_CHECK(r == (int64_t)w, "money_add value");
	w = (wide)a - b;
	FUZZ_CHECK(money_sub(a, b, &r) == (w >= INT64_MIN && w <= INT64_MAX),
	    "money_sub");
	if (w >= INT64_MIN && w <= INT64_MAX)
		FUZZ_CHECK(r == (int64_t)w, "money_sub value");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t ctl = fuzz_byte(&data, &size);
	bool comma = ctl & 1;
	int scale = (ctl >> 1) % 10, rc, want;
	const char *s = (const char *)data;
	char cur[CURRENCY_SZ], buf[MONEY_BUFSZ];
	int64_t v, w, ref;
	size_t n;

	check_arith(data, size);

	rc = money_parse(s, size, comma, &v, cur);
	FUZZ_CHECK(rc == MONEY_OK || rc == MONEY_EMPTY || rc == MONEY_BAD ||
	    rc == MONEY_RANGE, "money_parse status %d", rc);
	if (rc == MONEY_OK) {
		FUZZ_CHECK(v != INT64_MIN, "money INT64_MIN");
		FUZZ_CHECK(strlen(cur) == 0 || strlen(cur) == 3, "currency");
		n = money_format(v, buf);
		FUZZ_CHECK(n == strlen(buf), "money_format length");
		FUZZ_CHECK(money_parse(buf, n, false, &w, NULL) == MONEY_OK &&
		    w == v, "money round trip of %s", buf);
	}
	if (!comma && (want = reference(s, size, 2, &ref)) != 1) {
		FUZZ_CHECK(rc == want, "money_parse %d, reference %d", rc, want);
		if (rc == MONEY_OK)
			FUZZ_CHECK(v == ref, "money %lld, reference %lld",
			    (long long)v, (long long)ref);
	}

	rc = decimal_parse(s, size, scale, &v);
	FUZZ_CHECK(rc == MONEY_OK || rc == MONEY_EMPTY || rc == MONEY_BAD ||
	    rc == MONEY_RANGE, "decimal_parse status %d", rc);
	if (rc == MONEY_OK) {
		FUZZ_CHECK(v != INT64_MIN, "decimal INT64_MIN");
		n = decimal_format(v, scale, buf);
		FUZZ_CHECK(decimal_parse(buf, n, scale, &w) == MONEY_OK &&
		    w == v, "decimal round trip of %s", buf);
	}
	if ((want = reference(s, size, scale, &ref)) != 1) {
		FUZZ_CHECK(rc == want, "decimal_parse %d, reference %d", rc,
		    want);
		if (rc == MONEY_OK)
			FUZZ_CHECK(v == ref, "decimal %lld, reference %lld",
			    (long long)v, (long long)ref);
	}
	return 0;
}
