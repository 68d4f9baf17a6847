/*
 * fuzz_goalset: a roster through roster_read, goals_plan, goals_adjust
 * and goals_write, as goal-set(1) runs them.
 *
 * Input: four control bytes (method, split, count, cap, over-assignment,
 * total, period, ramp, rounding, what was won) then the roster.
 * Properties of every plan made: no goal or cell is negative; the rep
 * goals add up to the allocated total exactly and each is a multiple of
 * the rounding; each rep's cells add up to the rep's goal exactly; every
 * roster row is a rep or a rejected row.  After goals_adjust no cell is
 * negative and each rep's cells add up to what was won plus what is left.
 */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "fuzz.h"
#include "goals.h"
#include "output.h"
#include "roster.h"

static bool
has_rep(const struct colmap *m)
{
	return colmap_has(m, F_REP);
}

static const char *const periods[] = {
	"2027-Q1", "2027-03", "2027-W05", "2027", "2027-02-27..2027-03-02",
	"2027-01-02..2027-01-03", "2027-02-15",
};
static const int64_t totals[] = {
	0, 1, 100, 640000, 9999999999, GOALS_MAX_AMOUNT, 700,
};
static const int64_t ramp_full[] = { 10000 };
static const int64_t ramp_zero[] = { 0 };
static const int64_t ramp_default[] = { 0, 2500, 5000, 7500, 10000 };
static const int64_t ramp_odd[] = { 3333, 0, 6667 };

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void
check_plan(const struct goal_plan *p)
{
	int64_t sum = 0;

	for (size_t i = 0; i < p->nrep; i++) {
		int64_t cells = 0;
		FUZZ_CHECK(p->rep[i].goal >= 0, "rep %zu goal negative", i);
		FUZZ_CHECK(p->rep[i].goal % p->opt->quantum == 0,
		    "rep %zu goal %lld not a multiple of %lld", i,
		    (long long)p->rep[i].goal, (long long)p->opt->quantum);
		for (size_t c = 0; c < p->nsub; c++) {
			FUZZ_CHECK(p->cell[i * p->nsub + c].goal >= 0,
			    "cell negative");
			cells += p->cell[i * p->nsub + c].goal;
		}
		FUZZ_CHECK(cells == p->rep[i].goal, "rep %zu cells %lld, goal "
		    "%lld", i, (long long)cells, (long long)p->rep[i].goal);
		sum += p->rep[i].goal;
	}
	FUZZ_CHECK(sum == p->allocated, "goals %lld, allocated %lld",
	    (long long)sum, (long long)p->allocated);
}

static void
check_adjusted(const struct goal_plan *p)
{
	for (size_t i = 0; i < p->nrep; i++) {
		int64_t cells = 0;
		for (size_t c = 0; c < p->nsub; c++)
			cells += p->cell[i * p->nsub + c].goal;
		FUZZ_CHECK(cells == p->rep[i].achieved + p->rep[i].remaining,
		    "rep %zu adjusted cells %lld != %lld + %lld", i,
		    (long long)cells, (long long)p->rep[i].achieved,
		    (long long)p->rep[i].remaining);
	}
}

/* What each rep has won in each sub-period: from the control bits. */
static int64_t **
won_of(const struct goal_plan *p, uint8_t bits)
{
	static const int64_t amounts[] = { 0, 100, -500, 123457,
	    GOALS_MAX_AMOUNT, INT64_MAX / 2 };
	int64_t **won = calloc(p->nrep + 1, sizeof(*won));

	for (size_t i = 0; i < p->nrep; i++) {
		if ((bits >> (i % 8)) & 1)
			continue;
		won[i] = calloc(p->nsub + 1, sizeof(**won));
		for (size_t c = 0; c < p->nsub; c++)
			won[i][c] = amounts[(bits + i + c) % N(amounts)];
	}
	return won;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t c0 = fuzz_byte(&data, &size), c1 = fuzz_byte(&data, &size),
	    c2 = fuzz_byte(&data, &size), c3 = fuzz_byte(&data, &size);
	struct roster_format fmt = { (c0 & 16) != 0, false, NULL };
	struct goals_opts o;
	struct goal_plan p;
	struct roster r;
	struct colmap m;
	struct colspec spec;
	struct calendar cal;
	const struct csv_row *hdr;
	const char *why;
	struct csv_reader *rd;
	struct out *out;
	char *buf;
	size_t len;
	FILE *fp, *ofp;

	if (!fuzz_peek_header(data, size, CSV_DELIM_AUTO, has_rep))
		return 0;
	diag_reset();
	cal_init(&cal);
	cal_add(&cal, date_from_ymd(2027, 2, 15));
	memset(&o, 0, sizeof(o));
	o.method = (enum goal_method)(c0 % 3);
	o.blend = (c1 & 1) ? 2500 : 5000;
	o.split = (enum split)((c0 >> 2) % 4);
	o.count = fmt.count;
	o.quantum = o.count ? 100 : 1;
	if (c2 & 64)
		o.quantum *= (c2 & 128) ? 7 : 1000;
	o.has_cap = c0 & 32;
	o.cap = (c0 & 64) ? 0 : 2500;
	o.over = (c1 >> 1) % 3 * 1000;
	o.total = totals[(c1 >> 3) % N(totals)];
	if (period_parse(periods[c2 % N(periods)], 1, &o.period, &why) != 0)
		abort();
	switch ((c2 >> 3) % 4) {
	case 0: o.ramp = ramp_default; o.nramp = N(ramp_default); break;
	case 1: o.ramp = ramp_full; o.nramp = 1; break;
	case 2: o.ramp = ramp_zero; o.nramp = 1; break;
	default: o.ramp = ramp_odd; o.nramp = N(ramp_odd); break;
	}
	o.cal = (c0 & 128) ? &cal : NULL;
	o.metric = "revenue";

	roster_init(&r);
	memset(&spec, 0, sizeof(spec));
	fp = fuzz_memfile(data, size);
	rd = csvr_open(fp, "roster", CSV_DELIM_AUTO);
	if (csvr_header(rd, &hdr) != 0)
		abort();	/* fuzz_peek_header read it */
	colmap_resolve(&m, hdr, &spec, "roster");
	roster_read(&r, rd, &m, &fmt);
	FUZZ_CHECK((long)r.n + diag_rejected() == diag_rows(), "%zu reps + "
	    "%ld rejected != %ld read", r.n, diag_rejected(), diag_rows());

	if (goals_plan(&p, &r, &o) == GOALS_OK) {
		check_plan(&p);
		if (c3 & 1) {
			int64_t **won = won_of(&p, c3);
			if (goals_adjust(&p, &(struct goal_actuals){
			    o.period.start + (c3 >> 1) % 40,
			    (const int64_t *const *)won }) == GOALS_OK)
				check_adjusted(&p);
			else
				FUZZ_CHECK(strlen(p.why) > 0, "no reason");
			for (size_t i = 0; i < p.nrep; i++)
				free(won[i]);
			free(won);
		}
		ofp = open_memstream(&buf, &len);
		out = out_open(ofp, (enum out_format)((c3 >> 5) % 5));
		goals_write(&p, out);
		FUZZ_CHECK(out_close(out) == 0, "out_close");
		fclose(ofp);
		free(buf);
	} else {
		FUZZ_CHECK(strlen(p.why) > 0, "a failed plan without a reason");
	}
	goals_free(&p);
	roster_free(&r);
	csvr_close(rd);
	fclose(fp);
	cal_free(&cal);
	return 0;
}
