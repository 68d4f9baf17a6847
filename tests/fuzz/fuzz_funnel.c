/*
 * fuzz_funnel: funnel-flag's whole run (funnel_run: both passes, the
 * spool, the rules and the writer) on any export.
 *
 * Input: two control bytes (as-of, --flagged, output format, rule
 * options), then the export, read as standard input, and after "\n--\n"
 * last week's export for --prev when there is one.  Properties: every
 * data row read is either written or rejected; with CSV output each
 * written row carries its input fields byte for byte, in order, followed
 * by flags, a risk from 0 to 100, an action only when there are flags,
 * and a reason exactly when there are flags.
 */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "deal.h"
#include "diag.h"
#include "funnel.h"
#include "fuzz.h"

static bool
has_stage(const struct colmap *m)
{
	return colmap_has(m, F_STAGE);
}

static bool
has_stage_and_id(const struct colmap *m)
{
	return colmap_has(m, F_STAGE) && colmap_has(m, F_ID);
}

static bool
has_id(const struct colmap *m)
{
	return colmap_has(m, F_ID);
}

/*
 * With rates for the codes money_parse knows, a second currency is a
 * rejected row (no rate) instead of the end of the run.
 */
static void
give_rates(struct currency_state *cs)
{
	static const struct rate rates[] = {
		{ "USD", RATE_SCALE }, { "EUR", 1100000000 },
		{ "GBP", 1250000000 }, { "JPY", 7000000 },
	};

	cs->rates = malloc(sizeof(rates));
	memcpy(cs->rates, rates, sizeof(rates));
	cs->nrates = sizeof(rates) / sizeof(rates[0]);
}

/* The rows funnel-flag should write: those csvio and deal_read accept. */
struct good {
	char *bytes;		/* each row's fields, length-prefixed */
	size_t len, cap;
	long n;
};

static void
keep(struct good *g, const void *p, size_t n)
{
	if (g->len + n > g->cap) {
		g->cap = (g->len + n) * 2;
		if ((g->bytes = realloc(g->bytes, g->cap)) == NULL)
			abort();
	}
	memcpy(g->bytes + g->len, p, n);
	g->len += n;
}

static void
good_rows(const uint8_t *data, size_t size, struct common_opts *c,
    struct good *g)
{
	FILE *fp = fuzz_memfile(data, size);
	struct csv_reader *rd = csvr_open(fp, "stdin", CSV_DELIM_AUTO);
	const struct csv_row *hdr, *row;
	struct deal_reader dr;
	struct deal d;
	int rc;

	memset(g, 0, sizeof(*g));
	if (csvr_header(rd, &hdr) != 0)
		abort();
	deal_reader_init(&dr, hdr, "stdin", c);
	while ((rc = csvr_next(rd, &row)) != 0) {
		if (rc < 0 || deal_read(&dr, row, &d) != 0)
			continue;
		g->n++;
		for (size_t i = 0; i < row->n; i++) {
			keep(g, &row->len[i], sizeof(row->len[i]));
			keep(g, row->f[i], row->len[i]);
		}
	}
	csvr_close(rd);
	fclose(fp);
}

/* The CSV written: the input fields first, then flags, risk, action, why. */
static void
check_output(const char *out, size_t len, const struct good *g,
    bool flagged_only, bool pushes)
{
	FILE *fp = fuzz_memfile((const uint8_t *)out, len);
	struct csv_reader *rd = csvr_open(fp, "out", ',');
	const struct csv_row *hdr, *row;
	size_t at = 0, nin;
	long n = 0;
	int rc;

	FUZZ_CHECK(csvr_header(rd, &hdr) == 0, "no header written");
	FUZZ_CHECK(hdr->n >= 4 && strcmp(hdr->f[hdr->n - 4], "flags") == 0,
	    "header");
	/* With --prev, a pushes column comes before the four. */
	nin = hdr->n - 4 - pushes;
	while ((rc = csvr_next(rd, &row)) != 0) {
		FUZZ_CHECK(rc == 1, "output row %ld does not read back", n + 1);
		n++;
		size_t k = nin + pushes;	/* where flags is */
		const char *flags = row->f[k], *action = row->f[k + 2];
		long risk = strtol(row->f[k + 1], NULL, 10);
		FUZZ_CHECK(risk >= 0 && risk <= 100, "risk %ld", risk);
		FUZZ_CHECK(flags[0] != '\0' || (action[0] == '\0' &&
		    risk == 0), "action or risk without flags");
		FUZZ_CHECK((flags[0] != '\0') == (row->f[k + 3][0] != '\0'),
		    "a reason without flags or flags without a reason");
		if (flagged_only) {
			FUZZ_CHECK(flags[0] != '\0', "unflagged row written");
			continue;
		}
		for (size_t i = 0; i < nin; i++) {
			size_t flen;
			FUZZ_CHECK(at + sizeof(flen) <= g->len, "extra row");
			memcpy(&flen, g->bytes + at, sizeof(flen));
			at += sizeof(flen);
			FUZZ_CHECK(flen == row->len[i] &&
			    memcmp(g->bytes + at, row->f[i], flen) == 0,
			    "row %ld field %zu not passed through", n, i);
			at += flen;
		}
	}
	if (!flagged_only)
		FUZZ_CHECK(n == g->n, "%ld rows written, %ld good", n, g->n);
	csvr_close(rd);
	fclose(fp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t c0 = fuzz_byte(&data, &size), c1 = fuzz_byte(&data, &size);
	const uint8_t *prev;
	size_t plen;
	char path[64];
	FILE *tf = NULL;
	struct funnel_opts o;
	struct good g;
	char *out;
	size_t outlen;
	long read, rejected;
	FILE *in, *ofp, *saved = stdin;
	int st;

	fuzz_split(data, size, &data, &size, &prev, &plen);
	if (plen > 0 && (!fuzz_peek_header(data, size, CSV_DELIM_AUTO,
	    has_stage_and_id) || !fuzz_peek_header(prev, plen, CSV_DELIM_AUTO,
	    has_id)))
		return 0;
	if (!fuzz_peek_header(data, size, CSV_DELIM_AUTO, has_stage))
		return 0;
	diag_reset();
	funnel_opts_init(&o);
	o.common.as_of = date_from_ymd(2027, 1, 1) + c0;
	o.common.delim = CSV_DELIM_AUTO;
	o.common.out.format = (enum out_format)(c1 % 5);
	o.common.decimal_comma = c1 & 8;
	o.flagged_only = c1 & 16;
	give_rates(&o.common.currency);
	if (c1 & 32)
		stage_limits_parse(&o.cfg.stale, "--stale-days",
		    "Prospecting=30,Negotiation=7,10");
	if (c1 & 64)
		o.cfg.max_age_days = 90;
	if (c1 & 128)
		ff_set_order(&o.cfg, "Prospecting,Qualification,Proposal,"
		    "Negotiation");
	if (plen > 0) {
		/* --prev FILE is read by path. */
		tf = tmpfile();
		if (tf == NULL || fwrite(prev, 1, plen, tf) != plen ||
		    fflush(tf) != 0)
			abort();
		snprintf(path, sizeof(path), "/dev/fd/%d", fileno(tf));
		o.prev_path = path;
	}
	in = fuzz_memfile(data, size);
	ofp = open_memstream(&out, &outlen);
	stdin = in;
	st = funnel_run(&o, ofp);
	stdin = saved;
	fclose(in);
	fclose(ofp);
	read = diag_rows();
	rejected = diag_rejected();
	if (getenv("FUZZ_VERBOSE") != NULL)
		fprintf(stderr, "[out]\n%.*s", (int)outlen, out);
	FUZZ_CHECK(st == (rejected > 0), "status %d with %ld rejected", st,
	    rejected);
	if (o.common.out.format == OUT_CSV) {
		good_rows(data, size, &o.common, &g);
		/* The counts include last week's rows, if any. */
		FUZZ_CHECK(tf != NULL || g.n == read - rejected, "%ld good, "
		    "%ld read - %ld rejected", g.n, read, rejected);
		check_output(out, outlen, &g, o.flagged_only, tf != NULL);
		free(g.bytes);
	}
	free(out);
	if (tf != NULL)
		fclose(tf);
	funnel_opts_free(&o);
	return 0;
}
