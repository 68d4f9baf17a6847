/*
 * columns: the alias table and the lookup of logical fields in a header.
 */
#include <ctype.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "columns.h"
#include "date.h"
#include "diag.h"
#include "money.h"

#define MAX_ALIASES 12

struct field_def {
	const char *name;
	const char *alias[MAX_ALIASES];
};

/* Aliases in the order they are tried; the first one found wins. */
static const struct field_def fields[NFIELDS] = {
	[F_REP] = { "rep", { "rep", "owner", "opportunity owner",
	    "deal owner", "sales_agent", "salesperson", "account owner",
	    "owner name" } },
	[F_TEAM] = { "team", { "team", "sales team", "manager", "owner role",
	    "regional_office" } },
	[F_ID] = { "id", { "id", "opportunity id", "record id", "deal id",
	    "opportunity_id" } },
	[F_AMOUNT] = { "amount", { "amount", "value", "deal value",
	    "close_value", "total amount", "expected revenue" } },
	[F_STAGE] = { "stage", { "stage", "deal stage", "stagename",
	    "deal_stage" } },
	[F_STATUS] = { "status", { "status", "deal status" } },
	[F_CLOSE] = { "close date", { "close date", "closedate",
	    "expected close date", "close_date", "won time" } },
	[F_CREATED] = { "created", { "created date", "create date",
	    "createdate", "deal created", "engage_date", "created",
	    "createddate", "created on", "date created" } },
	[F_ACTIVITY] = { "last activity", { "last activity",
	    "last activity date", "notes_last_updated", "update time",
	    "lastactivitydate" } },
	[F_STAGE_CHANGED] = { "stage changed", { "last stage change date",
	    "last stage change", "laststagechangedate" } },
	[F_PROB] = { "probability", { "probability (%)", "probability",
	    "hs_deal_stage_probability" } },
	[F_CATEGORY] = { "category", { "forecast category",
	    "forecastcategoryname", "hs_forecast_category" } },
	[F_NEXT_STEP] = { "next step", { "next step", "nextstep",
	    "hs_next_step" } },
	[F_PUSH] = { "push count", { "push count", "pushcount" } },
	[F_CURRENCY] = { "currency", { "currency", "amount currency",
	    "currency of value", "opportunity currency", "currencyisocode",
	    "deal currency" } },
	[F_DISCOUNT] = { "discount", { "discount", "discount (%)",
	    "discount %", "discount_pct" } },
	[F_ROLE] = { "role", { "role", "title", "job title" } },
	[F_HIRE] = { "hire date", { "hire date", "start date", "hired",
	    "hire_date", "start_date" } },
	[F_BASIS] = { "basis", { "basis", "last period", "last quarter",
	    "last period bookings", "prior bookings", "bookings",
	    "history" } },
	[F_WEIGHT] = { "weight", { "weight" } },
	[F_MIN] = { "min", { "min", "minimum", "min goal" } },
	[F_MAX] = { "max", { "max", "maximum", "max goal" } },
	[F_GOAL] = { "goal", { "goal", "quota", "target", "quota amount",
	    "quotaamount" } },
	[F_PERIOD] = { "period", { "period", "quarter" } },
	[F_START] = { "start", { "start", "start date", "period start",
	    "startdate" } },
	[F_END] = { "end", { "end", "end date", "period end", "enddate" } },
	[F_METRIC] = { "metric", { "metric" } },
	[F_DATE] = { "date", { "date", "activity date", "completed date",
	    "completed", "timestamp" } },
	[F_COUNT] = { "count", { "count", "quantity", "qty" } },
};

const char *
field_name(enum field f)
{
	return fields[f].name;
}

/* Strips surrounding spaces and a "Deal - " prefix. */
static void
header_core(const char **s, size_t *len)
{
	const char *p = *s;
	size_t n = *len;

	while (n > 0 && (*p == ' ' || *p == '\t')) {
		p++;
		n--;
	}
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	if (n > 7 && strncasecmp(p, "deal - ", 7) == 0) {
		p += 7;
		n -= 7;
	}
	*s = p;
	*len = n;
}

/* An underscore and a space are the same in a header: close_date. */
static int
fold(unsigned char c)
{
	if (c == '_')
		return ' ';
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

bool
header_matches(const char *header, size_t len, const char *alias)
{
	size_t i;

	header_core(&header, &len);
	if (strlen(alias) != len)
		return false;
	for (i = 0; i < len; i++)
		if (fold((unsigned char)header[i]) !=
		    fold((unsigned char)alias[i]))
			return false;
	return true;
}

/* Field names compare without case, spaces, '_' or '-'. */
static bool
name_matches(const char *a, size_t alen, const char *b)
{
	size_t i = 0;

	for (;;) {
		while (i < alen && strchr(" _-", a[i]) != NULL)
			i++;
		while (*b != '\0' && strchr(" _-", *b) != NULL)
			b++;
		if (i == alen || *b == '\0')
			return i == alen && *b == '\0';
		if (tolower((unsigned char)a[i]) != tolower((unsigned char)*b))
			return false;
		i++;
		b++;
	}
}

static int
field_lookup(const char *name, size_t len)
{
	int f, k;

	for (f = 0; f < NFIELDS; f++)
		if (name_matches(name, len, fields[f].name))
			return f;
	for (f = 0; f < NFIELDS; f++)
		for (k = 0; k < MAX_ALIASES && fields[f].alias[k]; k++)
			if (name_matches(name, len, fields[f].alias[k]))
				return f;
	return -1;
}

int
colspec_add(struct colspec *spec, const char *arg)
{
	const char *eq = strchr(arg, '=');
	int f, k;

	if (eq == NULL || eq[1] == '\0' ||
	    (f = field_lookup(arg, (size_t)(eq - arg))) < 0) {
		fprintf(stderr, "--col %s: expected FIELD=HEADER with FIELD "
		    "one of:", arg);
		for (k = 0; k < NFIELDS; k++)
			fprintf(stderr, "%s %s", k ? "," : "", fields[k].name);
		fputc('\n', stderr);
		return -1;
	}
	spec->header[f] = eq + 1;
	return 0;
}

/* Writes the headers as a quoted, comma-separated list for messages. */
static void
list_headers(const struct csv_row *hdr, char *buf, size_t bufsz)
{
	size_t i, o = 0;
	char q[96];

	buf[0] = '\0';
	for (i = 0; i < hdr->n && o + 1 < bufsz; i++) {
		int w = snprintf(buf + o, bufsz - o, "%s\"%s\"", i ? ", " : "",
		    diag_quote(hdr->f[i], hdr->len[i], q, sizeof(q)));

		if (w < 0 || (size_t)w >= bufsz - o) {
			snprintf(buf + o, bufsz - o, ", ...");
			return;
		}
		o += (size_t)w;
	}
}

static int
find_header(const struct csv_row *hdr, const char *name, size_t from)
{
	size_t i;

	for (i = from; i < hdr->n; i++)
		if (header_matches(hdr->f[i], hdr->len[i], name))
			return (int)i;
	return -1;
}

/* A --col value: "#N" is a column number, anything else a header. */
static int
resolve_override(const struct colmap *m, enum field f, const char *want)
{
	char list[2048];
	char *end;
	long n;
	int i;

	if (want[0] == '#') {
		n = strtol(want + 1, &end, 10);
		if (*end == '\0' && end != want + 1 && n >= 1 &&
		    (size_t)n <= m->hdr->n)
			return (int)n - 1;
		errx(EXIT_USAGE, "%s: %s %s=%s: the input has columns #1 "
		    "to #%zu", m->file, m->option, fields[f].name, want,
		    m->hdr->n);
	}
	if ((i = find_header(m->hdr, want, 0)) >= 0)
		return i;
	list_headers(m->hdr, list, sizeof(list));
	errx(EXIT_USAGE, "%s: %s %s=%s: no such column; headers found: %s",
	    m->file, m->option, fields[f].name, want, list);
}

static void
warn_duplicate(const struct colmap *m, enum field f)
{
	int i = m->idx[f], j;
	char q[96];

	j = find_header(m->hdr, m->hdr->f[i], (size_t)i + 1);
	if (j >= 0)
		warnx("%s: header \"%s\" appears in columns %d and %d; using "
		    "column %d for the %s (%s %s=#N picks another)",
		    m->file, diag_quote(m->hdr->f[i], m->hdr->len[i], q,
		    sizeof(q)), i + 1, j + 1, i + 1, fields[f].name,
		    m->option, fields[f].name);
}

void
colmap_resolve(struct colmap *m, const struct csv_row *hdr,
    const struct colspec *spec, const char *file)
{
	colmap_resolve_opt(m, hdr, spec, file, "--col");
}

void
colmap_resolve_opt(struct colmap *m, const struct csv_row *hdr,
    const struct colspec *spec, const char *file, const char *option)
{
	int f, k;

	m->hdr = hdr;
	m->file = file;
	m->option = option;
	for (f = 0; f < NFIELDS; f++) {
		m->idx[f] = -1;
		if (spec != NULL && spec->header[f] != NULL) {
			m->idx[f] = resolve_override(m, f, spec->header[f]);
			continue;
		}
		for (k = 0; k < MAX_ALIASES && fields[f].alias[k]; k++)
			if ((m->idx[f] = find_header(hdr, fields[f].alias[k],
			    0)) >= 0)
				break;
	}
	if (m->idx[F_STAGE] < 0)
		m->idx[F_STAGE] = m->idx[F_STATUS];
	for (f = 0; f < NFIELDS; f++)
		if (m->idx[f] >= 0 && (spec == NULL ||
		    spec->header[f] == NULL || spec->header[f][0] != '#'))
			if (f != F_STAGE || m->idx[F_STAGE] != m->idx[F_STATUS])
				warn_duplicate(m, f);
}

int
colmap_find_name(const struct colmap *m, const char *name)
{
	char *end;
	long n;
	int f;

	if (name[0] == '#') {
		n = strtol(name + 1, &end, 10);
		return *end == '\0' && n >= 1 && (size_t)n <= m->hdr->n ?
		    (int)n - 1 : -1;
	}
	for (f = 0; f < NFIELDS; f++)
		if (name_matches(name, strlen(name), fields[f].name) &&
		    m->idx[f] >= 0)
			return m->idx[f];
	return find_header(m->hdr, name, 0);
}

/*
 * Says what most likely went wrong when a column is missing, or nothing:
 * a header read as one column that holds another delimiter is the usual
 * sign of a wrong -d; a header with a date or an amount in it is a first
 * row of data, in an export saved without its header row.
 */
static const char *
header_hint(const struct colmap *m, char *buf, size_t bufsz)
{
	static const char cand[] = { ';', '\t', '|', ',' };
	static const char *const name[] = { "';'", "tab", "'|'", "','" };
	char q[96];
	int64_t cents;
	int32_t day;
	size_t k;

	buf[0] = '\0';
	if (m->hdr->n == 1 && strcmp(m->option, "--col") == 0) {
		for (k = 0; k < sizeof(cand); k++)
			if (memchr(m->hdr->f[0], cand[k], m->hdr->len[0])) {
				snprintf(buf, bufsz, "; the header is one "
				    "column: is the delimiter %s? (-d %s, or "
				    "-d auto)", name[k], name[k]);
				return buf;
			}
	}
	for (k = 0; k < m->hdr->n; k++) {
		const char *h = m->hdr->f[k];
		size_t len = m->hdr->len[k];

		/* A bare number may well name a column ("2026"). */
		if (date_parse(h, len, NULL, &day) == DATE_OK ||
		    (money_parse(h, len, false, &cents, NULL) == MONEY_OK &&
		    strspn(h, "0123456789") != len)) {
			snprintf(buf, bufsz, "; the first row looks like data "
			    "(\"%s\"): the first row must be the header",
			    diag_quote(h, len, q, sizeof(q)));
			break;
		}
	}
	return buf;
}

void
colmap_require(const struct colmap *m, enum field f)
{
	char aliases[512], list[2048], hint[160];
	size_t o = 0;
	int k;

	if (m->idx[f] >= 0)
		return;
	aliases[0] = '\0';
	for (k = 0; k < MAX_ALIASES && fields[f].alias[k]; k++)
		o += (size_t)snprintf(aliases + o, sizeof(aliases) - o, "%s\"%s\"",
		    k ? ", " : "", fields[f].alias[k]);
	/* A status column serves as the stage when there is no stage. */
	for (k = 0; f == F_STAGE && fields[F_STATUS].alias[k]; k++)
		o += (size_t)snprintf(aliases + o, sizeof(aliases) - o,
		    ", \"%s\"", fields[F_STATUS].alias[k]);
	list_headers(m->hdr, list, sizeof(list));
	errx(EXIT_USAGE, "%s: no column for the %s (looked for %s); headers "
	    "found: %s; name it with %s '%s=HEADER'%s", m->file,
	    fields[f].name, aliases, list, m->option, fields[f].name,
	    header_hint(m, hint, sizeof(hint)));
}

void
colmap_list_headers(const struct colmap *m, char *buf, size_t bufsz)
{
	list_headers(m->hdr, buf, bufsz);
}

bool
colmap_has(const struct colmap *m, enum field f)
{
	return m->idx[f] >= 0;
}

const char *
colmap_header(const struct colmap *m, enum field f)
{
	if (m->idx[f] < 0)
		return fields[f].name;
	return m->hdr->f[m->idx[f]];
}

const char *
colmap_get(const struct colmap *m, const struct csv_row *row, enum field f,
    size_t *len)
{
	int i = m->idx[f];

	if (i < 0 || (size_t)i >= row->n) {
		*len = 0;
		return "";
	}
	*len = row->len[i];
	return row->f[i];
}
