/*
 * currency: one currency per run, or conversion by --rates.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "currency.h"
#include "diag.h"
#include "xalloc.h"

void
currency_init(struct currency_state *cs)
{
	memset(cs, 0, sizeof(*cs));
}

void
currency_free(struct currency_state *cs)
{
	free(cs->rates);
	cs->rates = NULL;
	cs->nrates = 0;
}

bool
currency_code(const char *s, size_t len, char code[CURRENCY_SZ])
{
	size_t i;

	while (len > 0 && *s == ' ') {
		s++;
		len--;
	}
	while (len > 0 && s[len - 1] == ' ')
		len--;
	if (len != 3)
		return false;
	for (i = 0; i < 3; i++) {
		char c = s[i];

		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (c < 'A' || c > 'Z')
			return false;
		code[i] = c;
	}
	code[3] = '\0';
	return true;
}

static const struct rate *
find_rate(const struct currency_state *cs, const char *code)
{
	size_t i;

	for (i = 0; i < cs->nrates; i++)
		if (strcmp(cs->rates[i].code, code) == 0)
			return &cs->rates[i];
	return NULL;
}

/* Reads one "currency,rate" row of a rates file. */
static int
add_rate(struct currency_state *cs, const struct csv_reader *r,
    const struct csv_row *row)
{
	struct rate rt;

	if (!currency_code(row->f[0], row->len[0], rt.code)) {
		diag_value(csvr_name(r), row->line, "currency", row->f[0],
		    row->len[0], "a three-letter currency code");
		return -1;
	}
	if (decimal_parse(row->f[1], row->len[1], 9, &rt.rate) != MONEY_OK ||
	    rt.rate <= 0) {
		diag_value(csvr_name(r), row->line, "rate", row->f[1],
		    row->len[1], "a positive exchange rate");
		return -1;
	}
	if (find_rate(cs, rt.code) != NULL) {
		diag_at(csvr_name(r), row->line, "a second rate for %s",
		    rt.code);
		return -1;
	}
	cs->rates = xrealloc(cs->rates, (cs->nrates + 1) * sizeof(rt));
	cs->rates[cs->nrates++] = rt;
	return 0;
}

/*
 * A rates file has two columns, currency and rate (a header row first);
 * the rate multiplies an amount in that currency into the reporting one.
 */
int
currency_load_rates(struct currency_state *cs, const char *path)
{
	struct csv_reader *r = csvr_open_path(path, CSV_DELIM_AUTO);
	const struct csv_row *hdr, *row;
	int rc, bad = 0;

	if (csvr_header(r, &hdr) != 0) {
		csvr_close(r);
		return -1;
	}
	if (hdr->n != 2) {
		warnx("%s: a rates file has two columns, currency and rate",
		    path);
		csvr_close(r);
		return -1;
	}
	while ((rc = csvr_next(r, &row)) != 0)
		if (rc < 0 || add_rate(cs, r, row) != 0)
			bad = 1;
	csvr_close(r);
	if (cs->rates == NULL)
		cs->rates = xcalloc(1, sizeof(*cs->rates));
	return bad ? -1 : 0;
}

int
currency_convert(struct currency_state *cs, const char *code,
    int64_t *cents, const char *file, long line, const char *field)
{
	const struct rate *rt;

	if (code[0] == '\0')
		return 0;
	if (cs->rates == NULL) {
		if (cs->seen[0] == '\0') {
			memcpy(cs->seen, code, CURRENCY_SZ);
			snprintf(cs->seen_file, sizeof(cs->seen_file), "%s",
			    file);
			cs->seen_line = line;
			return 0;
		}
		if (strcmp(cs->seen, code) == 0)
			return 0;
		diag_at(file, line, "field \"%s\": amount in %s, but %s:%ld "
		    "was in %s; mixed currencies are not summed: give "
		    "--rates FILE to convert them", field, code,
		    cs->seen_file, cs->seen_line, cs->seen);
		exit(EXIT_BADROWS);
	}
	if ((rt = find_rate(cs, code)) == NULL) {
		diag_at(file, line, "field \"%s\": no rate for %s in the "
		    "--rates file", field, code);
		return -1;
	}
	if (!muldiv_round(*cents, rt->rate, RATE_SCALE, cents)) {
		diag_at(file, line, "field \"%s\": the amount converted from "
		    "%s is too large", field, code);
		return -1;
	}
	return 0;
}
