/*
 * deal: an opportunity row read into typed values.
 */
#include <string.h>
#include <strings.h>

#include "date.h"
#include "deal.h"
#include "diag.h"
#include "money.h"

void
deal_reader_init(struct deal_reader *dr, const struct csv_row *hdr,
    const char *file, struct common_opts *opt)
{
	const char *h;

	memset(dr, 0, sizeof(*dr));
	dr->opt = opt;
	colmap_resolve(&dr->cols, hdr, &opt->cols, file);
	dr->prob_scale = PROB_BY_VALUE;
	if (colmap_has(&dr->cols, F_PROB)) {
		h = colmap_header(&dr->cols, F_PROB);
		if (strchr(h, '%') != NULL)
			dr->prob_scale = PROB_PERCENT;
		else if (header_matches(h, strlen(h),
		    "hs_deal_stage_probability"))
			dr->prob_scale = PROB_FRACTION;
	}
}

void
deal_reader_only(struct deal_reader *dr, const enum field *used, size_t n)
{
	int f;
	size_t i;
	bool keep;

	for (f = F_REP; f <= F_DISCOUNT; f++) {
		keep = false;
		for (i = 0; i < n; i++)
			keep |= used[i] == (enum field)f;
		if (!keep)
			dr->cols.idx[f] = -1;
	}
}

bool
text_eq(struct text a, struct text b)
{
	return a.len == b.len && memcmp(a.s, b.s, a.len) == 0;
}

int
prob_parse(const char *s, size_t len, enum prob_scale scale)
{
	bool percent = scale == PROB_PERCENT, dot;
	int64_t v;

	while (len > 0 && s[len - 1] == ' ')
		len--;
	if (len > 0 && s[len - 1] == '%') {
		percent = true;
		len--;
	}
	if (decimal_parse(s, len, 4, &v) != MONEY_OK || v < 0)
		return -1;
	dot = memchr(s, '.', len) != NULL;
	/* v is the number × 10^4: basis points of a fraction. */
	if (!percent && (scale == PROB_FRACTION || (dot && v <= 10000)))
		return v <= 10000 ? (int)v : -1;
	/* A percentage: basis points are the number × 100. */
	return v <= 1000000 ? (int)((v + 50) / 100) : -1;
}

static struct text
text_of(const struct deal_reader *dr, const struct csv_row *row,
    enum field f)
{
	struct text t;

	t.s = colmap_get(&dr->cols, row, f, &t.len);
	return t;
}

static bool
blank(struct text t)
{
	size_t i;

	for (i = 0; i < t.len; i++)
		if (t.s[i] != ' ' && t.s[i] != '\t')
			return false;
	return true;
}

/* Reports field f of the row as unreadable; returns -1. */
static int
bad(const struct deal_reader *dr, const struct csv_row *row, enum field f,
    const char *what)
{
	struct text t = text_of(dr, row, f);

	diag_value(dr->cols.file, row->line, colmap_header(&dr->cols, f),
	    t.s, t.len, what);
	return -1;
}

static int
read_date(const struct deal_reader *dr, const struct csv_row *row,
    enum field f, int32_t *day)
{
	struct text t = text_of(dr, row, f);
	int rc;

	*day = DATE_NONE;
	if (!colmap_has(&dr->cols, f))
		return 0;
	rc = date_parse(t.s, t.len, dr->opt->date_format, day);
	if (rc == DATE_BAD)
		return bad(dr, row, f,
		    date_what(t.s, t.len, dr->opt->date_format));
	if (rc == DATE_EMPTY)
		*day = DATE_NONE;
	return 0;
}

static int
read_amount(struct deal_reader *dr, const struct csv_row *row,
    struct deal *d)
{
	struct text t = text_of(dr, row, F_AMOUNT), ct;
	char inline_code[CURRENCY_SZ], col_code[CURRENCY_SZ];
	const char *code = inline_code;
	int rc;

	d->has_amount = false;
	d->amount = 0;
	if (!colmap_has(&dr->cols, F_AMOUNT))
		return 0;
	rc = money_parse(t.s, t.len, dr->opt->decimal_comma, &d->amount,
	    inline_code);
	if (rc == MONEY_EMPTY)
		return 0;
	if (rc == MONEY_BAD)
		return bad(dr, row, F_AMOUNT, "money");
	if (rc == MONEY_RANGE)
		return bad(dr, row, F_AMOUNT, "money (too large for cents)");
	ct = text_of(dr, row, F_CURRENCY);
	if (colmap_has(&dr->cols, F_CURRENCY) && !blank(ct)) {
		if (!currency_code(ct.s, ct.len, col_code))
			return bad(dr, row, F_CURRENCY, "a currency code");
		if (inline_code[0] != '\0' &&
		    strcmp(inline_code, col_code) != 0) {
			diag_at(dr->cols.file, row->line, "field \"%s\" is in "
			    "%s but field \"%s\" says %s",
			    colmap_header(&dr->cols, F_AMOUNT), inline_code,
			    colmap_header(&dr->cols, F_CURRENCY), col_code);
			return -1;
		}
		code = col_code;
	}
	if (currency_convert(&dr->opt->currency, code, &d->amount,
	    dr->cols.file, row->line, colmap_header(&dr->cols, F_AMOUNT)) != 0)
		return -1;
	d->has_amount = true;
	return 0;
}

static int
read_count(const struct deal_reader *dr, const struct csv_row *row,
    int *out)
{
	struct text t = text_of(dr, row, F_PUSH);
	int64_t v;
	int rc;

	*out = -1;
	if (!colmap_has(&dr->cols, F_PUSH))
		return 0;
	rc = decimal_parse(t.s, t.len, 0, &v);
	if (rc == MONEY_EMPTY)
		return 0;
	if (rc != MONEY_OK || v < 0 || v > 1000000 || memchr(t.s, '.', t.len))
		return bad(dr, row, F_PUSH, "a count");
	*out = (int)v;
	return 0;
}

static int
read_percent(const struct deal_reader *dr, const struct csv_row *row,
    enum field f, enum prob_scale scale, int *out)
{
	struct text t = text_of(dr, row, f);

	*out = -1;
	if (!colmap_has(&dr->cols, f) || blank(t))
		return 0;
	if ((*out = prob_parse(t.s, t.len, scale)) < 0)
		return bad(dr, row, f, f == F_PROB ? "a probability" :
		    "a percentage");
	return 0;
}

void
deal_texts(const struct deal_reader *dr, const struct csv_row *row,
    struct deal *d)
{
	d->rep = text_of(dr, row, F_REP);
	d->team = text_of(dr, row, F_TEAM);
	d->id = text_of(dr, row, F_ID);
	d->stage = text_of(dr, row, F_STAGE);
	d->category = text_of(dr, row, F_CATEGORY);
}

int
deal_read(struct deal_reader *dr, const struct csv_row *row, struct deal *d)
{
	const struct colmap *m = &dr->cols;
	int bad_fields = 0;

	d->line = row->line;
	deal_texts(dr, row, d);
	/* With a separate status column (Pipedrive), it decides. */
	if (colmap_has(m, F_STATUS) && m->idx[F_STATUS] != m->idx[F_STAGE]) {
		struct text st = text_of(dr, row, F_STATUS);

		d->cls = stage_classify(&dr->opt->stages, st.s, st.len);
	} else {
		d->cls = stage_classify(&dr->opt->stages, d->stage.s,
		    d->stage.len);
	}
	bad_fields += read_amount(dr, row, d) != 0;
	bad_fields += read_date(dr, row, F_CLOSE, &d->close) != 0;
	bad_fields += read_date(dr, row, F_CREATED, &d->created) != 0;
	bad_fields += read_date(dr, row, F_ACTIVITY, &d->activity) != 0;
	bad_fields += read_date(dr, row, F_STAGE_CHANGED,
	    &d->stage_changed) != 0;
	bad_fields += read_percent(dr, row, F_PROB, dr->prob_scale,
	    &d->prob) != 0;
	bad_fields += read_percent(dr, row, F_DISCOUNT, PROB_BY_VALUE,
	    &d->discount) != 0;
	bad_fields += read_count(dr, row, &d->push) != 0;
	d->next_step_empty = colmap_has(m, F_NEXT_STEP) &&
	    blank(text_of(dr, row, F_NEXT_STEP));
	if (bad_fields > 0) {
		diag_reject();
		return -1;
	}
	return 0;
}
