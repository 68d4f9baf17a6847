/*
 * property: the accounting invariants of the four tools, checked on
 * generated inputs of many shapes.
 *
 *	property TOOL BIN_DIR [CASES [SEED]]
 *
 * Each case draws an input from its own seed (random columns in random
 * order, extra and duplicate columns, quoted text with commas, quotes
 * and line breaks, CRLF, money and dates in several forms, and bad rows
 * of several kinds at random places), runs the built tool on it, reads
 * the output back, and checks what must hold whatever the input:
 *
 *   all     every data row is in the output, counted in "N of M rows
 *           rejected" (M = all rows read), or both: M is the number of
 *           rows written into the input, N the number of bad ones, and
 *           every bad row is named on stderr at its line
 *   funnel-flag  the good rows come out in order, their fields byte for
 *           byte; risk 0..100; flags exactly when there is a reason
 *   attain  each rep's actual and pipeline are the won and open amounts
 *           of its good rows in the window (worked out here, to the
 *           cent); the rep rows add up to the team and total roll-ups
 *   goal-set  the goals add up to the total (with over-assignment and
 *           rounding) exactly; each rep's goal is a multiple of the
 *           rounding; no goal is negative; one row per good rep and
 *           sub-period
 *   forecast  closed <= p10 <= p50 <= p90 <= closed + pipeline; closed,
 *           commit, best case, pipeline and deals are what the good rows
 *           say (worked out here); the rep rows add up to the total
 *
 * A failure prints the case's seed and keeps its files, so
 * "property TOOL BIN_DIR 1 SEED" reproduces it.
 */
#include <err.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "csvio.h"
#include "date.h"
#include "diag.h"
#include "money.h"
#include "strmap.h"

/* --- random numbers: splitmix64, the same on every platform ---------- */

static uint64_t rng;

static uint64_t
next(void)
{
	uint64_t z = (rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A number in [0, n). */
static long
pick(long n)
{
	return (long)(next() % (uint64_t)n);
}

static bool
chance(int percent)
{
	return pick(100) < percent;
}

/* --- growing text ------------------------------------------------------ */

struct buf {
	char *s;
	size_t len, cap;
};

static void
put(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		if ((b->s = realloc(b->s, b->cap)) == NULL)
			err(2, NULL);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void
putf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
putf(struct buf *b, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	put(b, tmp, (size_t)n);
}

/* --- the case being checked -------------------------------------------- */

static const char *tool;
static char dir[64];		/* the case's files */
static unsigned long long case_seed;
static int failures;
static bool case_failed;

static void
fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
fail(const char *fmt, ...)
{
	va_list ap;

	if (!case_failed)
		fprintf(stderr, "property %s: seed %llu (files in %s):\n", tool,
		    case_seed, dir);
	case_failed = true;
	fprintf(stderr, "  ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void
write_file(const char *name, const struct buf *b)
{
	char path[128];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((fp = fopen(path, "wb")) == NULL ||
	    fwrite(b->s, 1, b->len, fp) != b->len || fclose(fp) != 0)
		err(2, "%s", path);
}

static char *
read_file(const char *name, size_t *len)
{
	char path[128];
	struct buf b = { 0 };
	char tmp[65536];
	size_t n;
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((fp = fopen(path, "rb")) == NULL)
		err(2, "%s", path);
	put(&b, "", 0);
	while ((n = fread(tmp, 1, sizeof(tmp), fp)) > 0)
		put(&b, tmp, n);
	fclose(fp);
	*len = b.len;
	return b.s;
}

/* Runs "TOOL ARGS" in the case's directory; returns the exit status. */
static int
run(const char *bin, const char *args)
{
	struct buf cmd = { 0 };
	const char *wrap = getenv("SP_WRAP");
	int st;

	putf(&cmd, "cd %s && LC_ALL=C TZ=UTC %s %s/%s %s > out 2> err", dir,
	    wrap ? wrap : "", bin, tool, args);
	st = system(cmd.s);
	free(cmd.s);
	if (st == -1 || !WIFEXITED(st))
		return -1;
	return WEXITSTATUS(st);
}

/* "TOOL: N of M rows rejected" on stderr, or N = 0 and M = -1. */
static void
rejected(const char *errtext, long *n, long *m)
{
	char pat[64];
	const char *p;

	*n = 0;
	*m = -1;
	snprintf(pat, sizeof(pat), "%s: ", tool);
	for (p = errtext; (p = strstr(p, pat)) != NULL; p++)
		if (sscanf(p + strlen(pat), "%ld of %ld rows rejected", n, m) ==
		    2)
			return;
	*n = 0;
}

/*
 * Every bad row is named on stderr at its line: "FILE:LINE: ", or for bad
 * quoting found on a later line of the row, "row that starts on line L".
 */
static void
check_named(const char *errtext, const char *file, const long *lines,
    size_t n)
{
	char pat[96], alt[96];

	for (size_t i = 0; i < n; i++) {
		snprintf(pat, sizeof(pat), "%s:%ld: ", file, lines[i]);
		snprintf(alt, sizeof(alt), "row that starts on line %ld:",
		    lines[i]);
		if (strstr(errtext, pat) == NULL && strstr(errtext, alt) == NULL)
			fail("bad row at line %ld is not named on stderr",
			    lines[i]);
	}
}

/* --- reading the output ------------------------------------------------ */

struct table {
	struct csv_reader *r;
	FILE *fp;
	const struct csv_row *hdr;
	char *text;
};

static bool
table_open(struct table *t, char *text, size_t len)
{
	t->text = text;
	t->fp = fmemopen(text, len ? len : 1, "rb");
	if (len == 0 || t->fp == NULL) {
		if (t->fp != NULL)
			fclose(t->fp);
		t->fp = NULL;
		return false;
	}
	t->r = csvr_open(t->fp, "out", ',');
	diag_reset();
	return csvr_header(t->r, &t->hdr) == 0;
}

static void
table_close(struct table *t)
{
	if (t->fp != NULL) {
		csvr_close(t->r);
		fclose(t->fp);
	}
	free(t->text);
}

static int
col(const struct table *t, const char *name)
{
	for (size_t i = 0; i < t->hdr->n; i++)
		if (strcmp(t->hdr->f[i], name) == 0)
			return (int)i;
	fail("no column %s in the output", name);
	return -1;
}

/* A money field of the output; empty is `none`. */
static int64_t
money_at(const struct csv_row *row, int c, int64_t none)
{
	int64_t v;

	if (c < 0 || row->len[c] == 0)
		return none;
	if (money_parse(row->f[c], row->len[c], false, &v, NULL) != MONEY_OK) {
		fail("output line %ld: \"%s\" is not money", row->line,
		    row->f[c]);
		return none;
	}
	return v;
}

/* --- generated values -------------------------------------------------- */

static const char *const reps[] = {
	"Ann", "Bob", "Cy", "Dee", "Émile", "Fran, Jr.", "Gus \"G\"", "Hao",
};
#define NREPS 8
static const char *const teams[] = { "East", "West", "North" };
static const char *const open_stages[] = {
	"Prospecting", "Qualification", "Proposal", "Negotiation",
};
static const char *const categories[] = {
	"", "Commit", "Best Case", "Pipeline", "Omitted", "Maybe",
};

/* A field, quoted when it needs to be (or now and then when not). */
static void
field(struct buf *b, const char *s)
{
	bool q = strpbrk(s, ",\"\r\n") != NULL || chance(10);

	if (!q) {
		put(b, s, strlen(s));
		return;
	}
	put(b, "\"", 1);
	for (; *s; s++) {
		put(b, s, 1);
		if (*s == '"')
			put(b, "\"", 1);	/* doubled */
	}
	put(b, "\"", 1);
}

/* Free text: commas, quotes, line breaks, UTF-8, spaces, or nothing. */
static void
text(char *out, size_t size)
{
	static const char *const parts[] = {
		"call", " back", ", then", " \"demo\"", "\nnext week", "né",
		"  ", "\r\nok", "€5", "x",
	};
	size_t n = (size_t)pick(4);

	out[0] = '\0';
	for (size_t i = 0; i < n; i++)
		strncat(out, parts[pick(10)], size - strlen(out) - 1);
}

/* Cents written as money in one of the forms exports use. */
static void
money_text(char *out, size_t size, int64_t cents)
{
	int64_t a = cents < 0 ? -cents : cents;
	const char *sign = cents < 0 ? "-" : "";

	switch (pick(5)) {
	case 0:
		snprintf(out, size, "%s%" PRId64 ".%02" PRId64, sign, a / 100,
		    a % 100);
		break;
	case 1:
		if (a % 100 == 0) {
			snprintf(out, size, "%s%" PRId64, sign, a / 100);
			break;
		}
		/* FALLTHROUGH */
	case 2:
		if (a >= 100000)
			snprintf(out, size, "%s$%" PRId64 ",%03" PRId64
			    ".%02" PRId64, sign, a / 100000, a / 100 % 1000,
			    a % 100);
		else
			snprintf(out, size, "%s$%" PRId64 ".%02" PRId64, sign,
			    a / 100, a % 100);
		break;
	case 3:
		if (cents < 0)
			snprintf(out, size, "(%" PRId64 ".%02" PRId64 ")",
			    a / 100, a % 100);
		else
			snprintf(out, size, " %" PRId64 ".%02" PRId64 " ",
			    a / 100, a % 100);
		break;
	default:
		if (a % 10 == 0)
			snprintf(out, size, "%s%" PRId64 ".%" PRId64, sign,
			    a / 100, a / 10 % 10);
		else
			snprintf(out, size, "%s%" PRId64 ".%02" PRId64, sign,
			    a / 100, a % 100);
	}
}

static void
date_text(char *out, size_t size, int32_t day)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	switch (pick(4)) {
	case 0:
		snprintf(out, size, "%d/%d/%04d", m, d, y);
		break;
	case 1:
		snprintf(out, size, "%04d-%02d-%02dT%02d:%02d:00Z", y, m, d,
		    (int)pick(24), (int)pick(60));
		break;
	default:
		snprintf(out, size, "%04d-%02d-%02d", y, m, d);
	}
}

/* --- opportunity exports ----------------------------------------------- */

enum ecol {
	E_ID, E_OWNER, E_TEAM, E_STAGE, E_AMOUNT, E_CLOSE, E_CREATED,
	E_ACTIVITY, E_PROB, E_CATEGORY, E_NEXT, E_EXTRA, E_DUP, NECOLS
};
static const char *const ecol_name[NECOLS] = {
	"Opportunity ID", "Opportunity Owner", "Team", "Stage", "Amount",
	"Close Date", "Created Date", "Last Activity", "Probability (%)",
	"Forecast Category", "Next Step", "Notes", "Notes",
};

enum bad {
	GOOD, BAD_AMOUNT, BAD_CLOSE, RAGGED, BAD_QUOTE, BAD_CREATED, NBAD
};

/* One generated row: what it says, for the oracles. */
struct deal_row {
	enum bad bad;
	long line;
	int rep, team;
	int cls;		/* 0 open, 1 won, 2 lost */
	bool has_amount;
	int64_t amount;
	int32_t close;		/* DATE_NONE when empty */
	int cat;		/* index into categories */
	char fields[NECOLS][160];
};

struct export {
	int cols[NECOLS];	/* order of the columns; ncols of them */
	int ncols;
	bool crlf;
	struct deal_row *row;
	size_t nrows;
	long bad, lines;
};

static bool
has(const struct export *e, enum ecol c)
{
	for (int i = 0; i < e->ncols; i++)
		if (e->cols[i] == (int)c)
			return true;
	return false;
}

/* The columns: the required ones, a random choice of the rest, shuffled. */
static void
choose_columns(struct export *e, const bool *required)
{
	e->ncols = 0;
	for (int c = 0; c < NECOLS; c++)
		if (required[c] || chance(c == E_DUP ? 20 : 60))
			e->cols[e->ncols++] = c;
	for (int i = e->ncols - 1; i > 0; i--) {
		int k = (int)pick(i + 1), t = e->cols[i];
		e->cols[i] = e->cols[k];
		e->cols[k] = t;
	}
	/* A duplicate Notes column comes after the first one. */
	int a = -1, b = -1;
	for (int i = 0; i < e->ncols; i++) {
		if (e->cols[i] == E_EXTRA)
			a = i;
		if (e->cols[i] == E_DUP)
			b = i;
	}
	if (a >= 0 && b >= 0 && b < a) {
		e->cols[a] = E_DUP;
		e->cols[b] = E_EXTRA;
	}
}

/* Which kinds of bad row the tool rejects, given the columns. */
static bool
bad_applies(const struct export *e, enum bad k)
{
	switch (k) {
	case BAD_AMOUNT:
		return has(e, E_AMOUNT);
	case BAD_CLOSE:
		return has(e, E_CLOSE);
	case BAD_CREATED:
		/* Only funnel-flag reads the created date. */
		return has(e, E_CREATED) && strcmp(tool, "funnel-flag") == 0;
	default:
		return true;
	}
}

static void
make_deal(const struct export *e, struct deal_row *r, int32_t from,
    int32_t days, int bad_pct)
{
	memset(r, 0, sizeof(*r));
	r->rep = (int)pick(NREPS);
	r->team = (int)pick(3);
	r->cls = chance(50) ? 0 : chance(60) ? 1 : 2;
	r->has_amount = chance(92);
	r->amount = r->has_amount ? pick(chance(10) ? 100000000 : 2000000) : 0;
	if (r->cls == 1 && chance(5))
		r->amount = -r->amount;		/* a credit */
	r->close = chance(5) ? DATE_NONE : from + (int32_t)pick(days);
	r->cat = (int)pick(6);
	if (chance(bad_pct)) {
		r->bad = (enum bad)(1 + pick(NBAD - 1));
		if (!bad_applies(e, r->bad))
			r->bad = GOOD;
	}
	snprintf(r->fields[E_ID], 160, "D%ld", (long)pick(1000000));
	snprintf(r->fields[E_OWNER], 160, "%s", reps[r->rep]);
	snprintf(r->fields[E_TEAM], 160, "%s", teams[r->team]);
	snprintf(r->fields[E_STAGE], 160, "%s", r->cls == 1 ?
	    (chance(50) ? "Closed Won" : "won") : r->cls == 2 ? "Closed Lost" :
	    open_stages[pick(4)]);
	if (r->has_amount)
		money_text(r->fields[E_AMOUNT], 160, r->amount);
	if (r->close != DATE_NONE)
		date_text(r->fields[E_CLOSE], 160, r->close);
	date_text(r->fields[E_CREATED], 160, from - (int32_t)pick(200));
	if (chance(80))
		date_text(r->fields[E_ACTIVITY], 160, from + (int32_t)pick(40));
	if (chance(70))
		snprintf(r->fields[E_PROB], 160, chance(20) ? "%ld%%" : "%ld",
		    (long)pick(101));
	snprintf(r->fields[E_CATEGORY], 160, "%s", categories[r->cat]);
	text(r->fields[E_NEXT], 160);
	text(r->fields[E_EXTRA], 160);
	text(r->fields[E_DUP], 160);
	switch (r->bad) {
	case BAD_AMOUNT:
		snprintf(r->fields[E_AMOUNT], 160, "%s", chance(50) ? "12x" :
		    "1,2,3");
		break;
	case BAD_CLOSE:
		snprintf(r->fields[E_CLOSE], 160, "%s", chance(50) ?
		    "2027-02-30" : "12/31/99");
		break;
	case BAD_CREATED:
		snprintf(r->fields[E_CREATED], 160, "yesterday");
		break;
	default:
		break;
	}
}

/* Writes the export; fills in each row's line. */
static void
write_export(struct export *e, struct buf *b)
{
	const char *eol = e->crlf ? "\r\n" : "\n";
	long line = 1;

	if (chance(10))
		put(b, "\xef\xbb\xbf", 3);
	for (int i = 0; i < e->ncols; i++) {
		if (i > 0)
			put(b, ",", 1);
		field(b, ecol_name[e->cols[i]]);
	}
	put(b, eol, strlen(eol));
	line++;
	for (size_t k = 0; k < e->nrows; k++) {
		struct deal_row *r = &e->row[k];
		if (chance(3)) {		/* a blank line */
			put(b, eol, strlen(eol));
			line++;
		}
		r->line = line;
		for (int i = 0; i < e->ncols; i++) {
			const char *s = r->fields[e->cols[i]];
			if (i > 0)
				put(b, ",", 1);
			if (r->bad == BAD_QUOTE && i == e->ncols - 1) {
				put(b, "x\"y", 3);
				continue;
			}
			field(b, s);
			for (; *s; s++)		/* line ends inside quotes */
				if (*s == '\n' || (*s == '\r' && s[1] != '\n'))
					line++;
		}
		if (r->bad == RAGGED)
			put(b, ",extra", 6);
		put(b, eol, strlen(eol));
		line++;
	}
	e->lines = line;
}

static void
make_export(struct export *e, const bool *required, int32_t from,
    int32_t days, int bad_pct)
{
	memset(e, 0, sizeof(*e));
	choose_columns(e, required);
	e->crlf = chance(30);
	e->nrows = (size_t)pick(60);
	e->row = calloc(e->nrows + 1, sizeof(*e->row));
	for (size_t i = 0; i < e->nrows; i++) {
		make_deal(e, &e->row[i], from, days, bad_pct);
		e->bad += e->row[i].bad != GOOD;
	}
}

/* The accounting every tool owes: M rows read, N rejected, each named. */
static void
check_accounting(const struct export *e, const char *errtext, int status,
    const char *file, long extra_read, long extra_bad)
{
	long n, m, *lines = calloc(e->nrows + 1, sizeof(long));
	size_t nl = 0;

	rejected(errtext, &n, &m);
	if (e->bad + extra_bad > 0 && (n != e->bad + extra_bad ||
	    m != (long)e->nrows + extra_read))
		fail("\"%ld of %ld rows rejected\", expected %ld of %ld", n, m,
		    e->bad + extra_bad, (long)e->nrows + extra_read);
	if (e->bad + extra_bad == 0 && m != -1)
		fail("rows rejected (%ld of %ld) from good rows", n, m);
	if ((status == 1) != (e->bad + extra_bad > 0))
		fail("exit status %d with %ld bad rows", status,
		    e->bad + extra_bad);
	for (size_t i = 0; i < e->nrows; i++)
		if (e->row[i].bad != GOOD)
			lines[nl++] = e->row[i].line;
	check_named(errtext, file, lines, nl);
	free(lines);
}

/* --- funnel-flag ------------------------------------------------------- */

/* The field as csvio reads it back: CRLF inside quotes stays CRLF. */
static void
funnel_case(const char *bin)
{
	static const bool required[NECOLS] = { [E_STAGE] = true };
	int32_t as_of = date_from_ymd(2027, 2, 1) + (int32_t)pick(60);
	struct export e;
	struct buf in = { 0 };
	struct table t;
	char args[128], date[DATE_BUFSZ], *out, *errtext;
	size_t olen, elen, k = 0;
	const struct csv_row *row;
	int st;

	make_export(&e, required, as_of - 90, 200, 15);
	write_export(&e, &in);
	write_file("in.csv", &in);
	date_format(as_of, date);
	snprintf(args, sizeof(args), "--as-of %s in.csv", date);
	st = run(bin, args);
	out = read_file("out", &olen);
	errtext = read_file("err", &elen);
	check_accounting(&e, errtext, st, "in.csv", 0, 0);
	if (!table_open(&t, out, olen)) {
		fail("no output");
		goto done;
	}
	int flags = col(&t, "flags");
	if (flags != e.ncols)
		fail("flags in column %d, after %d input columns", flags + 1,
		    e.ncols);
	while (csvr_next(t.r, &row) == 1) {
		while (k < e.nrows && e.row[k].bad != GOOD)
			k++;
		if (k == e.nrows) {
			fail("output line %ld: more rows than good rows",
			    row->line);
			break;
		}
		for (int i = 0; i < e.ncols && flags >= 0; i++) {
			const char *want = e.row[k].fields[e.cols[i]];
			if (strcmp(row->f[i], want) != 0)
				fail("row of line %ld, column %d: \"%s\" written "
				    "as \"%s\"", e.row[k].line, i + 1, want,
				    row->f[i]);
		}
		if (flags >= 0) {
			long risk = strtol(row->f[flags + 1], NULL, 10);
			bool flagged = row->len[flags] > 0;
			if (risk < 0 || risk > 100)
				fail("risk %ld", risk);
			if (flagged != (row->len[flags + 3] > 0))
				fail("row of line %ld: flags \"%s\", why \"%s\"",
				    e.row[k].line, row->f[flags],
				    row->f[flags + 3]);
			if (e.row[k].cls != 0 && flagged)
				fail("closed deal flagged");
		}
		k++;
	}
	while (k < e.nrows && e.row[k].bad != GOOD)
		k++;
	if (k != e.nrows)
		fail("good row of line %ld is missing", e.row[k].line);
	table_close(&t);
	out = NULL;
done:
	free(out);
	free(errtext);
	free(in.s);
	free(e.row);
}

/* --- attain ------------------------------------------------------------ */

struct window {
	const char *label;
	int32_t start, end;
};

static void
attain_case(const char *bin)
{
	static const bool required[NECOLS] = { [E_OWNER] = true,
	    [E_STAGE] = true, [E_AMOUNT] = true, [E_CLOSE] = true };
	static const struct window months[] = {
		{ "2027-01", 0, 0 }, { "2027-02", 0, 0 }, { "2027-03", 0, 0 },
	};
	struct window win[4];
	size_t nwin = 0;
	int32_t q1 = date_from_ymd(2027, 1, 1), q1end = date_from_ymd(2027, 3,
	    31), as_of = q1 + (int32_t)pick(100);
	struct export e;
	struct buf in = { 0 }, goals = { 0 };
	struct table t;
	char args[160], date[DATE_BUFSZ], *out, *errtext;
	size_t olen, elen;
	const struct csv_row *row;
	bool goal_of[NREPS][4];
	int st, ngoals = 0, goal_team[NREPS];

	/* The windows: the quarter, or its months, or both. */
	if (chance(70))
		win[nwin++] = (struct window){ "2027-Q1", q1, q1end };
	if (nwin == 0 || chance(30))
		for (int m = 0; m < 3; m++) {
			win[nwin] = months[m];
			win[nwin].start = date_from_ymd(2027, m + 1, 1);
			win[nwin].end = date_from_ymd(2027, m + 1,
			    date_month_days(2027, m + 1));
			nwin++;
		}
	put(&goals, "rep,team,period,goal\n", 21);
	for (int r = 0; r < NREPS; r++) {
		goal_team[r] = (int)pick(3);
		for (size_t w = 0; w < nwin; w++) {
			goal_of[r][w] = chance(70);
			if (!goal_of[r][w])
				continue;
			field(&goals, reps[r]);
			putf(&goals, ",%s,%s,%ld\n", teams[goal_team[r]],
			    win[w].label, (long)pick(500000));
			ngoals++;
		}
	}
	make_export(&e, required, q1 - 30, 150, 12);
	write_export(&e, &in);
	write_file("in.csv", &in);
	write_file("goals.csv", &goals);
	date_format(as_of, date);
	snprintf(args, sizeof(args), "--goals goals.csv --as-of %s --by team "
	    "--by total in.csv", date);
	st = run(bin, args);
	out = read_file("out", &olen);
	errtext = read_file("err", &elen);
	check_accounting(&e, errtext, st, "in.csv", ngoals, 0);
	if (!table_open(&t, out, olen)) {
		fail("no output");
		free(out);
		goto done;
	}
	int c_level = col(&t, "level"), c_team = col(&t, "team"),
	    c_rep = col(&t, "rep"), c_start = col(&t, "start"),
	    c_end = col(&t, "end"),
	    c_goal = col(&t, "goal"), c_actual = col(&t, "actual"),
	    c_pipe = col(&t, "pipeline");
	/* Sums of the rep rows per window and team (3 = no team), checked
	 * against the roll-ups as they come. */
	int64_t sum[4][5][3];
	memset(sum, 0, sizeof(sum));
	while (c_pipe >= 0 && csvr_next(t.r, &row) == 1) {
		int32_t start, end;
		size_t w;
		if (date_parse(row->f[c_start], row->len[c_start], NULL,
		    &start) != DATE_OK || date_parse(row->f[c_end],
		    row->len[c_end], NULL, &end) != DATE_OK)
			continue;
		for (w = 0; w < nwin && (win[w].start != start ||
		    win[w].end != end); w++)
			;
		if (w == nwin) {
			fail("output line %ld: unknown window", row->line);
			continue;
		}
		int tm = 3;
		for (int i = 0; i < 3; i++)
			if (strcmp(row->f[c_team], teams[i]) == 0)
				tm = i;
		int64_t goal = money_at(row, c_goal, 0),
		    actual = money_at(row, c_actual, 0),
		    pipe = money_at(row, c_pipe, 0);
		if (strcmp(row->f[c_level], "rep") == 0) {
			int r;
			for (r = 0; r < NREPS && strcmp(row->f[c_rep],
			    reps[r]) != 0; r++)
				;
			/* The oracle: the good rows of the rep in the window. */
			int64_t want_a = 0, want_p = 0;
			for (size_t k = 0; k < e.nrows && r < NREPS; k++) {
				const struct deal_row *d = &e.row[k];
				if (d->bad != GOOD || d->rep != r ||
				    d->close == DATE_NONE ||
				    d->close < win[w].start ||
				    d->close > win[w].end)
					continue;
				if (d->cls == 1 && d->close <= as_of)
					want_a += d->amount;
				else if (d->cls == 0)
					want_p += d->amount;
			}
			if (actual != want_a || pipe != want_p)
				fail("%s in %s: actual %" PRId64 ", pipeline %"
				    PRId64 "; the rows say %" PRId64 ", %"
				    PRId64, row->f[c_rep], win[w].label, actual,
				    pipe, want_a, want_p);
			int64_t *s[2] = { sum[w][tm], sum[w][4] };
			for (int i = 0; i < 2; i++) {
				s[i][0] += goal;
				s[i][1] += actual;
				s[i][2] += pipe;
			}
			continue;
		}
		int64_t *s = strcmp(row->f[c_level], "total") == 0 ?
		    sum[w][4] : sum[w][tm];
		if (s[0] != goal || s[1] != actual || s[2] != pipe)
			fail("%s roll-up \"%s\" in %s: %" PRId64 ", %" PRId64
			    ", %" PRId64 "; its reps add up to %" PRId64 ", %"
			    PRId64 ", %" PRId64, row->f[c_level],
			    row->f[c_team], win[w].label, goal, actual, pipe,
			    s[0], s[1], s[2]);
	}
	table_close(&t);
done:
	free(errtext);
	free(in.s);
	free(goals.s);
	free(e.row);
}

/* --- forecast ---------------------------------------------------------- */

static void
forecast_case(const char *bin)
{
	static const bool required[NECOLS] = { [E_OWNER] = true,
	    [E_STAGE] = true, [E_AMOUNT] = true, [E_CLOSE] = true };
	int32_t q1 = date_from_ymd(2027, 1, 1), q1end = date_from_ymd(2027, 3,
	    31), as_of = q1 + (int32_t)pick(100);
	struct export e;
	struct buf in = { 0 };
	struct table t;
	char args[160], date[DATE_BUFSZ], *out, *errtext;
	size_t olen, elen;
	const struct csv_row *row;
	long neg = 0;
	int st;

	make_export(&e, required, q1 - 30, 150, 12);
	/* An open deal worth less than nothing is a bad row here. */
	for (size_t k = 0; k < e.nrows; k++)
		if (e.row[k].bad == GOOD && e.row[k].cls == 0 &&
		    e.row[k].amount < 0)
			neg++;
	write_export(&e, &in);
	write_file("in.csv", &in);
	date_format(as_of, date);
	snprintf(args, sizeof(args), "--period 2027-Q1 --as-of %s --trials "
	    "500 --seed %llu in.csv", date, case_seed % 1000);
	st = run(bin, args);
	out = read_file("out", &olen);
	errtext = read_file("err", &elen);
	check_accounting(&e, errtext, st, "in.csv", 0, neg);
	if (!table_open(&t, out, olen)) {
		fail("no output");
		free(out);
		goto done;
	}
	int c_level = col(&t, "level"), c_group = col(&t, "group"),
	    c_closed = col(&t, "closed"), c_commit = col(&t, "commit"),
	    c_best = col(&t, "best_case"), c_pipe = col(&t, "pipeline"),
	    c_weighted = col(&t, "weighted"), c_p10 = col(&t, "p10"),
	    c_p50 = col(&t, "p50"), c_p90 = col(&t, "p90"),
	    c_deals = col(&t, "deals");
	int64_t sum[5] = { 0 };
	while (c_deals >= 0 && csvr_next(t.r, &row) == 1) {
		int64_t closed = money_at(row, c_closed, 0),
		    commit = money_at(row, c_commit, 0),
		    best = money_at(row, c_best, 0),
		    pipe = money_at(row, c_pipe, 0),
		    weighted = money_at(row, c_weighted, 0),
		    p10 = money_at(row, c_p10, 0), p50 = money_at(row, c_p50, 0),
		    p90 = money_at(row, c_p90, 0);
		long deals = strtol(row->f[c_deals], NULL, 10);
		if (!(closed <= p10 && p10 <= p50 && p50 <= p90 &&
		    p90 <= closed + pipe))
			fail("%s \"%s\": closed %" PRId64 " p10 %" PRId64 " p50 %"
			    PRId64 " p90 %" PRId64 " closed + pipeline %" PRId64,
			    row->f[c_level], row->f[c_group], closed, p10, p50,
			    p90, closed + pipe);
		if (!(closed <= weighted && weighted <= closed + pipe))
			fail("%s \"%s\": weighted %" PRId64 " outside", 
			    row->f[c_level], row->f[c_group], weighted);
		bool total = strcmp(row->f[c_level], "total") == 0;
		int r = -1;
		for (int i = 0; i < NREPS && !total; i++)
			if (strcmp(row->f[c_group], reps[i]) == 0)
				r = i;
		/* The oracle: the good rows of the rep (or all) in Q1. */
		int64_t want[5] = { 0 };
		for (size_t k = 0; k < e.nrows; k++) {
			const struct deal_row *d = &e.row[k];
			int cat = has(&e, E_CATEGORY) ? d->cat : 0;
			if (d->bad != GOOD || (!total && d->rep != r) ||
			    d->close == DATE_NONE || d->close < q1 ||
			    d->close > q1end)
				continue;
			if (d->cls == 1 && d->close <= as_of)
				want[0] += d->amount;
			if (d->cls != 0 || d->amount < 0 || cat == 4)
				continue;
			want[1] += cat == 1 ? d->amount : 0;
			want[2] += cat == 2 ? d->amount : 0;
			want[3] += d->amount;
			want[4]++;
		}
		if (closed != want[0] || commit != want[0] + want[1] ||
		    best != want[0] + want[1] + want[2] || pipe != want[3] ||
		    deals != want[4])
			fail("%s \"%s\": closed %" PRId64 " commit %" PRId64
			    " best %" PRId64 " pipeline %" PRId64 " deals %ld; "
			    "the rows say %" PRId64 " %" PRId64 " %" PRId64 " %"
			    PRId64 " %" PRId64, row->f[c_level],
			    row->f[c_group], closed, commit, best, pipe, deals,
			    want[0], want[0] + want[1],
			    want[0] + want[1] + want[2], want[3], want[4]);
		int64_t v[5] = { closed, commit, best, pipe, deals };
		for (int i = 0; i < 5; i++) {
			if (!total)
				sum[i] += v[i];
			else if (sum[i] != v[i])
				fail("the rep rows do not add up to the total "
				    "(column %d: %" PRId64 " vs %" PRId64 ")", i,
				    sum[i], v[i]);
		}
	}
	table_close(&t);
done:
	free(errtext);
	free(in.s);
	free(e.row);
}

/* --- goal-set ---------------------------------------------------------- */

enum rbad { R_GOOD, R_DUP, R_HIRE, R_NEG, R_MINMAX, R_RAGGED, NRBAD };

static void
goalset_case(const char *bin)
{
	static const char *const splits[] = { "", "--split month",
	    "--split week", "--split day" };
	static const char *const ramps[] = { "", "--ramp 0,50,100",
	    "--ramp 100", "--ramp 10,20,30,40" };
	bool c_team = chance(50), c_hire = chance(60), c_basis = chance(70),
	    c_weight = chance(30), c_min = chance(20), c_max = chance(20);
	int nrows = 1 + (int)pick(12), nbad = 0, ngood = 0;
	int64_t total = pick(chance(20) ? 100000000000 : 10000000);
	int over = chance(50) ? 0 : (int)pick(2001);	/* hundredths of % */
	int rnd = chance(70) ? 0 : chance(50) ? 1 : 5;	/* --round, whole */
	struct buf in = { 0 }, args = { 0 };
	struct table t;
	char *out, *errtext, tmp[64];
	size_t olen, elen;
	const struct csv_row *row;
	long lines[16];
	int st, nl = 0, last_good = -1;

	put(&in, "rep", 3);
	if (c_team)
		put(&in, ",team", 5);
	if (c_hire)
		put(&in, ",hire date", 10);
	if (c_basis)
		put(&in, ",basis", 6);
	if (c_weight)
		put(&in, ",weight", 7);
	if (c_min)
		put(&in, ",min", 4);
	if (c_max)
		put(&in, ",max", 4);
	put(&in, "\n", 1);
	for (int i = 0; i < nrows; i++) {
		enum rbad bad = chance(15) ? (enum rbad)(1 + pick(NRBAD - 1)) :
		    R_GOOD;
		if ((bad == R_DUP && last_good < 0) || (bad == R_HIRE && !c_hire) ||
		    (bad == R_NEG && !c_basis) ||
		    (bad == R_MINMAX && !(c_min && c_max)))
			bad = R_GOOD;
		if (bad == R_DUP)
			snprintf(tmp, sizeof(tmp), "rep%d", last_good);
		else
			snprintf(tmp, sizeof(tmp), "rep%d", i);
		field(&in, tmp);
		if (c_team)
			putf(&in, ",%s", teams[pick(3)]);
		if (c_hire) {
			if (bad == R_HIRE)
				put(&in, ",soon", 5);
			else if (chance(70))
				putf(&in, ",2026-%02d-%02d", 1 + (int)pick(12),
				    1 + (int)pick(28));
			else
				putf(&in, ",2027-%02d-%02d", 1 + (int)pick(3),
				    1 + (int)pick(28));
		}
		if (c_basis) {
			if (bad == R_NEG)
				put(&in, ",-5", 3);
			else if (chance(90))
				putf(&in, ",%ld.%02ld", (long)pick(100000),
				    (long)pick(100));
			else
				put(&in, ",", 1);
		}
		if (c_weight)
			putf(&in, ",%s", chance(70) ? "1" : chance(50) ? "0.5" :
			    "");
		if (c_min)
			putf(&in, ",%s", bad == R_MINMAX ? "900" : chance(80) ?
			    "" : "10");
		if (c_max)
			putf(&in, ",%s", bad == R_MINMAX ? "100" : chance(80) ?
			    "" : "5000000");
		if (bad == R_RAGGED)
			put(&in, ",x", 2);
		put(&in, "\n", 1);
		if (bad != R_GOOD) {
			nbad++;
			lines[nl++] = i + 2;
		} else {
			ngood++;
			last_good = i;
		}
	}
	write_file("roster.csv", &in);
	putf(&args, "--total %" PRId64 ".%02" PRId64 " --period 2027-Q1 %s %s",
	    total / 100, total % 100, splits[pick(4)], ramps[pick(4)]);
	if (over > 0)
		putf(&args, " --over-assign %d.%02d", over / 100, over % 100);
	if (rnd > 0)
		putf(&args, " --round %d", rnd);
	if (c_basis && chance(50))
		putf(&args, " --method %s", chance(50) ? "basis" : "blend=0.3");
	put(&args, " roster.csv", 11);
	st = run(bin, args.s);
	out = read_file("out", &olen);
	errtext = read_file("err", &elen);
	long n, m;
	rejected(errtext, &n, &m);
	if (nbad > 0 && (n != nbad || m != nrows))
		fail("\"%ld of %ld rows rejected\", expected %d of %d", n, m,
		    nbad, nrows);
	check_named(errtext, "roster.csv", lines, (size_t)nl);
	if (olen == 0) {
		/* No plan: an impossible total or no rep; said why. */
		if (st == 0 || elen == 0)
			fail("no output, exit %d, stderr \"%s\"", st, errtext);
		free(out);
		goto done;
	}
	/* The total as placed: over-assigned, rounded half away from zero,
	 * then to the rounding, as the warning says when it moves. */
	int64_t want, q = rnd > 0 ? rnd * 100 : 1;
	if (!muldiv_round(total, 10000 + over, 10000, &want))
		want = -1;
	const char *moved = strstr(errtext, "is rounded to ");
	if (moved != NULL)
		money_parse(moved + 14, strcspn(moved + 14, " "), false, &want,
		    NULL);
	if (!table_open(&t, out, olen)) {
		fail("output does not read back");
		free(out);
		goto done;
	}
	int c_rep = col(&t, "rep"), c_goal = col(&t, "goal");
	struct strmap seen;
	int64_t sum = 0, rep_sum[16] = { 0 };
	long nout = 0;
	strmap_init(&seen);
	while (c_goal >= 0 && csvr_next(t.r, &row) == 1) {
		int64_t g = money_at(row, c_goal, 0);
		size_t r = strmap_intern(&seen, row->f[c_rep], row->len[c_rep],
		    NULL);
		if (g < 0)
			fail("negative goal %" PRId64, g);
		sum += g;
		if (r < 16)
			rep_sum[r] += g;
		nout++;
	}
	if (sum != want)
		fail("the goals add up to %" PRId64 ", the total is %" PRId64,
		    sum, want);
	if (seen.n != (size_t)ngood)
		fail("%zu reps in the output, %d good rows", seen.n, ngood);
	if (nout % (seen.n ? (long)seen.n : 1) != 0)
		fail("%ld rows for %zu reps", nout, seen.n);
	for (size_t r = 0; r < seen.n && r < 16; r++)
		if (rep_sum[r] % q != 0)
			fail("a rep's goal %" PRId64 " is not a multiple of %"
			    PRId64, rep_sum[r], q);
	strmap_free(&seen);
	table_close(&t);
done:
	free(errtext);
	free(in.s);
	free(args.s);
}

int
main(int argc, char *argv[])
{
	static const struct {
		const char *name;
		void (*run)(const char *bin);
	} tools[] = {
		{ "funnel-flag", funnel_case }, { "attain", attain_case },
		{ "forecast", forecast_case }, { "goal-set", goalset_case },
	};
	unsigned long long seed;
	long cases;
	size_t i;

	if (argc < 3 || argc > 5)
		errx(2, "usage: property TOOL BIN_DIR [CASES [SEED]]");
	tool = argv[1];
	cases = argc > 3 ? strtol(argv[3], NULL, 10) : 200;
	seed = argc > 4 ? strtoull(argv[4], NULL, 10) : 1;
	for (i = 0; i < sizeof(tools) / sizeof(tools[0]); i++)
		if (strcmp(tools[i].name, tool) == 0)
			break;
	if (i == sizeof(tools) / sizeof(tools[0]))
		errx(2, "unknown tool %s", tool);
	strcpy(dir, "/tmp/property.XXXXXX");
	if (getenv("TMPDIR") != NULL)
		snprintf(dir, sizeof(dir), "%s/property.XXXXXX",
		    getenv("TMPDIR"));
	if (mkdtemp(dir) == NULL)
		err(2, "mkdtemp");
	char *bin = realpath(argv[2], NULL);
	if (bin == NULL)
		err(2, "%s", argv[2]);
	for (long c = 0; c < cases; c++) {
		case_seed = seed + (unsigned long long)c;
		rng = case_seed * 0x9e3779b97f4a7c15ULL;
		case_failed = false;
		tools[i].run(bin);
		/* The files of the failing case are kept for a look. */
		if (case_failed && ++failures > 0)
			break;
	}
	if (failures == 0) {
		char cmd[128];
		snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
		if (system(cmd) != 0)
			warnx("could not remove %s", dir);
		printf("property %s: %ld cases from seed %llu hold\n", tool,
		    cases, seed);
	}
	free(bin);
	return failures ? 1 : 0;
}
