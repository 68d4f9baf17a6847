/*
 * gen: writes a synthetic Salesforce-style opportunity export for the
 * benchmark, about 225 bytes a row, the same bytes for the same seed.
 *
 *	gen [-n ROWS] [-s SEED] [--as-of YYYY-MM-DD] [--roster]
 *
 * The sales organisation is fixed: 200 reps in 8 teams of different
 * sizes, each rep always in the same team.  Deals are drawn around the
 * as-of date: closed ones in the previous and current quarter, open ones
 * closing in the current or next quarter, some past due, stale, stuck,
 * slipped, without a next step or without an amount.  Names contain
 * commas and quotes often enough to exercise the quoting paths.
 *
 * --roster writes the organisation instead (rep,team,role,hire date,
 * last quarter), the input goal-set takes; it does not depend on the seed.
 *
 * The random numbers come from our own splitmix64 stream so the output
 * does not depend on the C library.
 */
#include <err.h>
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NREPS	200
#define NTEAMS	8

static const char HEADER[] =
    "Opportunity ID,Opportunity Name,Account Name,Opportunity Owner,"
    "Sales Team,Stage,Amount,Probability (%),Forecast Category,Close Date,"
    "Created Date,Last Activity,Last Stage Change Date,Next Step,"
    "Push Count,Type,Lead Source\n";

static const char *const first_names[25] = {
	"Avery", "Blake", "Carmen", "Dev", "Elena", "Farah", "Gideon",
	"Hana", "Ivan", "Jonah", "Keiko", "Luis", "Maya", "Nikhil",
	"Olivia", "Priya", "Quinn", "Rafael", "Sofia", "Tomas", "Uma",
	"Victor", "Wen", "Yusuf", "Zoe"
};

static const char *const last_names[25] = {
	"Abbott", "Brennan", "Castillo", "Dubois", "Eriksen", "Fischer",
	"Garcia", "Huang", "Iqbal", "Jensen", "Kowalski", "Lindqvist",
	"Moreau", "Nakamura", "Okafor", "Petrov", "Quintero", "Rossi",
	"Schmidt", "Tanaka", "Underwood", "Varga", "Whitfield", "Yamamoto",
	"Zielinski"
};

/* Teams differ in size and in deal size (median amount in dollars). */
static const struct team {
	const char *name;
	int size;
	double median;
} teams[NTEAMS] = {
	{ "East Enterprise", 34, 42000 },
	{ "West Enterprise", 30, 45000 },
	{ "Central Enterprise", 22, 38000 },
	{ "East Commercial", 30, 13500 },
	{ "West Commercial", 28, 14500 },
	{ "Central Commercial", 24, 12000 },
	{ "Strategic Accounts", 12, 110000 },
	{ "Channel Partners", 20, 21000 },
};

static const char *const acct_prefix[40] = {
	"Acme", "Northwind", "Blue Ridge", "Summit", "Cedar", "Harbor",
	"Ironwood", "Lakeside", "Pioneer", "Redwood", "Silverline",
	"Granite", "Beacon", "Crescent", "Evergreen", "Falcon",
	"Golden Gate", "Horizon", "Keystone", "Liberty", "Maple",
	"Meridian", "Northstar", "Oakridge", "Pinnacle", "Quantum",
	"Riverbend", "Sterling", "Tidewater", "Union", "Vanguard",
	"Westfield", "Aurora", "Bright", "Coastal", "Delta", "Emerald",
	"Frontier", "Highland", "Juniper"
};

static const char *const acct_noun[30] = {
	"Logistics", "Health", "Foods", "Manufacturing", "Analytics",
	"Energy", "Capital", "Insurance", "Retail", "Software", "Systems",
	"Pharma", "Labs", "Media", "Construction", "Airlines", "Hotels",
	"Bank", "Credit Union", "Telecom", "Motors", "Apparel", "Biotech",
	"Freight", "Dental", "Clinics", "Brewing", "Realty", "Utilities",
	"Education"
};

/* Two of these put a comma in the account name, as real exports do. */
static const char *const acct_suffix[8] = {
	" Inc.", ", Inc.", " LLC", ", LLC", " Corp.", " Group", " & Co.",
	" Holdings"
};

static const char *const deal_what[] = {
	"Expansion", "Platform Upgrade", "Pilot", "Add-on: Analytics",
	"Services, Onboarding & Training", "Multi-year Agreement",
	"Data Migration", "Support Tier Upgrade", "New Logo",
	"Cross-sell: Payments", "Regional Rollout", "Professional Services"
};

static const char *const codenames[] = {
	"Falcon", "Atlas", "Orion", "Nimbus", "Polaris", "Tempest",
	"Bluebird", "Sequoia"
};

static const char *const next_steps[] = {
	"Schedule discovery call", "Send proposal", "Follow up on pricing",
	"Demo for IT team", "Legal review of MSA", "Security questionnaire",
	"Confirm budget, timeline with CFO", "Get \"go\" from procurement",
	"Negotiate terms", "Executive sponsor meeting", "Send revised quote",
	"Technical deep dive", "Reference call with existing customer",
	"Waiting on signature", "Intro to economic buyer", "Trial kickoff",
	"POC results review", "Update mutual close plan",
	"Align on scope, pricing and start date",
	"Call back after budget cycle"
};

static const char *const won_steps[] = {
	"Handoff to customer success", "Kickoff scheduled",
	"Send welcome pack, intro to CSM"
};

static const char *const lost_steps[] = {
	"Send loss survey", "Revisit next fiscal year",
	"Lost to \"cheaper\" competitor"
};

static const char *const types[] = {
	"New Business", "New Business", "New Business", "New Business",
	"Existing Business", "Existing Business", "Existing Business",
	"Renewal", "Renewal", ""
};

static const char *const lead_sources[] = {
	"Web", "Web", "Web", "Phone Inquiry", "Partner Referral",
	"Partner Referral", "Purchased List", "Trade Show",
	"Employee Referral", "Webinar", "Other", ""
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

enum stage {
	PROSPECTING, QUALIFICATION, NEEDS_ANALYSIS, PROPOSAL, NEGOTIATION,
	CLOSED_WON, CLOSED_LOST, NSTAGES
};

static const struct stage_info {
	const char *name;
	const char *prob;
	int share;		/* per mille of all deals */
} stages[NSTAGES] = {
	{ "Prospecting", "10", 140 },
	{ "Qualification", "20", 130 },
	{ "Needs Analysis", "40", 120 },
	{ "Proposal", "60", 110 },
	{ "Negotiation", "80", 100 },
	{ "Closed Won", "100", 180 },
	{ "Closed Lost", "0", 220 },
};

struct rep {
	char name[32];
	int team;
	int32_t hired;		/* day number */
	double weight;		/* relative share of the deal flow */
};

static struct rep reps[NREPS];
static double rep_cumweight[NREPS];

/* Dates are day numbers; a table holds their ISO text around as-of. */
static int32_t date_base, date_count;
static char (*date_text)[10];

static uint64_t rng_state;

/* Output goes through one large buffer; every row fits in the slack. */
#define OUTSZ	(1u << 20)
#define ROWMAX	4096
static char out[OUTSZ];
static size_t outlen;

static void
usage(void)
{
	fprintf(stderr, "usage: gen [-n ROWS] [-s SEED] [--as-of YYYY-MM-DD]"
	    " [--roster]\n");
	exit(2);
}

/* splitmix64: one 64-bit state, a Weyl increment and a mixing function. */
static uint64_t
mix64(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t
rng_next(void)
{
	rng_state += 0x9e3779b97f4a7c15ULL;
	return mix64(rng_state);
}

/* Uniform in [0, n); the modulo bias is far below anything we measure. */
static uint32_t
rng_below(uint32_t n)
{
	return (uint32_t)(rng_next() % n);
}

/* Uniform in [lo, hi], both included. */
static int32_t
rng_range(int32_t lo, int32_t hi)
{
	return lo + (int32_t)rng_below((uint32_t)(hi - lo + 1));
}

/* Uniform in [0, 1). */
static double
rng_unit(void)
{
	return (double)(rng_next() >> 11) * (1.0 / 9007199254740992.0);
}

/* True with probability per_mille / 1000. */
static bool
rng_chance(uint32_t per_mille)
{
	return rng_below(1000) < per_mille;
}

/* Standard normal deviate (Box-Muller; the second value is dropped). */
static double
rng_normal(void)
{
	double u = 1.0 - rng_unit();	/* (0, 1], so log(u) is finite */
	double v = rng_unit();

	return sqrt(-2.0 * log(u)) * cos(6.283185307179586 * v);
}

static bool
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int len[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	return len[m - 1] + (m == 2 && is_leap(y));
}

/* Days since 1970-01-01; years 1970 and later are all we need. */
static int32_t
day_number(int y, int m, int d)
{
	int32_t n = 0;

	for (int yy = 1970; yy < y; yy++)
		n += is_leap(yy) ? 366 : 365;
	for (int mm = 1; mm < m; mm++)
		n += month_days(y, mm);
	return n + d - 1;
}

/* Day number of the first day of month index mi (year * 12 + month - 1). */
static int32_t
month_start(int mi)
{
	return day_number(mi / 12, mi % 12 + 1, 1);
}

/* Fills the date table from January of year y0 to December of year y1. */
static void
make_date_table(int y0, int y1)
{
	int32_t i = 0;

	date_base = day_number(y0, 1, 1);
	date_count = day_number(y1 + 1, 1, 1) - date_base;
	date_text = calloc((size_t)date_count, sizeof(*date_text));
	if (date_text == NULL)
		err(1, NULL);
	for (int y = y0; y <= y1; y++)
		for (int m = 1; m <= 12; m++)
			for (int d = 1; d <= month_days(y, m); d++) {
				char tmp[32];

				snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d",
				    y, m, d);
				memcpy(date_text[i++], tmp, 10);
			}
}

static bool
parse_date(const char *s, int *y, int *m, int *d)
{
	char tail;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	if (sscanf(s, "%4d-%2d-%2d%c", y, m, d, &tail) != 3)
		return false;
	return *y >= 1975 && *y <= 9990 && *m >= 1 && *m <= 12 &&
	    *d >= 1 && *d <= month_days(*y, *m);
}

static uint64_t
parse_count(const char *s, const char *what, uint64_t max)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (*s == '\0' || *end != '\0' || *s == '-' || errno != 0 || v > max)
		errx(2, "%s: invalid value \"%s\"", what, s);
	return v;
}

static void
out_flush(void)
{
	if (outlen > 0 && fwrite(out, 1, outlen, stdout) != outlen)
		err(1, "stdout");
	outlen = 0;
}

static void
put_mem(const char *s, size_t n)
{
	memcpy(out + outlen, s, n);
	outlen += n;
}

static void
put_str(const char *s)
{
	put_mem(s, strlen(s));
}

static void
put_char(char c)
{
	out[outlen++] = c;
}

/* Writes s as one CSV field, quoted only when it has to be. */
static void
put_field(const char *s, size_t n)
{
	if (strcspn(s, ",\"\r\n") >= n) {
		put_mem(s, n);
		return;
	}
	put_char('"');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			put_char('"');
		put_char(s[i]);
	}
	put_char('"');
}

static void
put_uint(uint64_t v)
{
	char tmp[24];
	size_t i = sizeof(tmp);

	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	put_mem(tmp + i, sizeof(tmp) - i);
}

/* Writes whole dollars with a comma between groups of three digits. */
static void
put_grouped(uint64_t v)
{
	char tmp[32];
	size_t i = sizeof(tmp);
	int digits = 0;

	do {
		if (digits > 0 && digits % 3 == 0)
			tmp[--i] = ',';
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
		digits++;
	} while (v > 0);
	put_mem(tmp + i, sizeof(tmp) - i);
}

/* The year of a day in the table. */
static int
year_of(int32_t day)
{
	const char *t = date_text[day - date_base];

	return ((t[0] - '0') * 10 + t[1] - '0') * 100 +
	    (t[2] - '0') * 10 + t[3] - '0';
}

static void
put_date(int32_t day)
{
	int32_t i = day - date_base;

	if (i < 0)
		i = 0;
	if (i >= date_count)
		i = date_count - 1;
	put_mem(date_text[i], 10);
}

/*
 * Builds the fixed organisation.  Rep attributes come from a hash of the
 * rep's index, not from the seeded stream, so every seed has the same
 * reps in the same teams.
 */
static void
make_reps(int32_t asof)
{
	int slot[NREPS];
	int n = 0;
	double sum = 0;

	/* Team seats in order, then dealt to reps in a scattered order. */
	for (int t = 0; t < NTEAMS; t++)
		for (int k = 0; k < teams[t].size; k++)
			slot[n++] = t;
	if (n != NREPS)
		errx(1, "team sizes add up to %d, not %d", n, NREPS);

	for (int i = 0; i < NREPS; i++) {
		struct rep *r = &reps[i];
		int a = i % 25, b = i / 25;
		uint64_t h = mix64(0x5a1e5ULL + (uint64_t)i);
		double u = (double)(h >> 11) * (1.0 / 9007199254740992.0);
		int tenure;

		/* (a, 7a + 3b mod 25) is a different name pair for each i. */
		snprintf(r->name, sizeof(r->name), "%s %s", first_names[a],
		    last_names[(7 * a + 3 * b) % 25]);
		r->team = slot[(i * 77) % NREPS];
		/* One rep in ten joined in the last four months. */
		if (h % 10 == 0)
			tenure = 7 + (int)((h >> 8) % 120);
		else
			tenure = 180 + (int)((h >> 8) % 1500);
		r->hired = asof - tenure;
		r->weight = 0.4 + 1.2 * u;
		if (tenure < 120)
			r->weight *= 0.3;
		sum += r->weight;
		rep_cumweight[i] = sum;
	}
	for (int i = 0; i < NREPS; i++)
		rep_cumweight[i] /= sum;
}

static int
pick_rep(void)
{
	double u = rng_unit();
	int lo = 0, hi = NREPS - 1;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (rep_cumweight[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static enum stage
pick_stage(void)
{
	int x = (int)rng_below(1000);

	for (int s = 0; s < NSTAGES; s++) {
		if (x < stages[s].share)
			return (enum stage)s;
		x -= stages[s].share;
	}
	return CLOSED_LOST;
}

static const char *
forecast_category(enum stage s)
{
	switch (s) {
	case PROSPECTING:
	case QUALIFICATION:
		return rng_chance(30) ? "Omitted" : "Pipeline";
	case NEEDS_ANALYSIS:
		return rng_chance(250) ? "Best Case" : "Pipeline";
	case PROPOSAL:
		return rng_chance(200) ? "Commit" : "Best Case";
	case NEGOTIATION:
		return rng_chance(250) ? "Best Case" : "Commit";
	case CLOSED_WON:
		return "Closed";
	default:
		return "Omitted";
	}
}

/* An 18-character Salesforce-looking id, unique for each row number. */
static void
put_id(uint64_t row)
{
	static const char b62[] =
	    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	char id[18] = "0065g00000";
	uint64_t h = mix64(row + 0x1d5ULL);

	for (int i = 14; i >= 10; i--) {
		id[i] = b62[row % 62];
		row /= 62;
	}
	/* The row number must fit in five base-62 digits. */
	if (row > 0)
		errx(1, "too many rows for the id scheme");
	for (int i = 15; i < 18; i++) {
		id[i] = b62[h % 62];
		h /= 62;
	}
	put_mem(id, sizeof(id));
}

/*
 * Writes the account name for account number k into buf and returns its
 * length; *shortlen is the length without the legal suffix, the form
 * reps use in opportunity names.
 */
static size_t
account_name(char *buf, size_t size, uint32_t k, int *shortlen)
{
	const char *prefix = acct_prefix[k % 40];
	const char *noun = acct_noun[(k / 40) % 30];
	int n = snprintf(buf, size, "%s %s%s", prefix, noun,
	    acct_suffix[(k / 1200) % 8]);

	*shortlen = (int)(strlen(prefix) + 1 + strlen(noun));
	return (size_t)n;
}

/* The amount in cents: log-normal around the team's median deal. */
static uint64_t
draw_amount(const struct team *t)
{
	double dollars = t->median * exp(1.05 * rng_normal());
	uint64_t cents;

	if (dollars < 500)
		dollars = 500 + rng_below(500);
	if (dollars > 9000000)
		dollars = 9000000;
	cents = (uint64_t)dollars * 100;
	switch (rng_below(10)) {
	case 0:
	case 1:
		/* Priced from a quote: arbitrary cents. */
		return cents + rng_below(100);
	case 2:
	case 3:
	case 4:
		return cents;
	default:
		/* Round hundreds, as most reps enter them. */
		return cents / 10000 * 10000 + (cents < 10000 ? 10000 : 0);
	}
}

static void
put_amount(uint64_t cents, bool open, enum stage s)
{
	uint32_t x = rng_below(1000);

	/* Early-stage deals are the ones left without an amount. */
	if ((open && s <= QUALIFICATION && x < 90) || x < 15)
		return;
	if (x >= 860) {
		/* Formatted as the report shows it: "$12,345.67". */
		bool comma = cents >= 100000;

		if (comma)
			put_char('"');
		put_char('$');
		put_grouped(cents / 100);
		put_char('.');
		put_char((char)('0' + cents / 10 % 10));
		put_char((char)('0' + cents % 10));
		if (comma)
			put_char('"');
		return;
	}
	put_uint(cents / 100);
	put_char('.');
	put_char((char)('0' + cents / 10 % 10));
	put_char((char)('0' + cents % 10));
}

/* A log-normal number of days, at least lo and at most hi. */
static int32_t
draw_days(double median, double sigma, int32_t lo, int32_t hi)
{
	double d = median * exp(sigma * rng_normal());

	if (d < lo)
		return lo;
	if (d > hi)
		return hi;
	return (int32_t)d;
}

static void
put_next_step(enum stage st, int32_t asof)
{
	bool open = st < CLOSED_WON;
	const char *s;
	char buf[128];
	int n;

	if (open) {
		if (rng_chance(120))
			return;
		s = next_steps[rng_below(NELEM(next_steps))];
	} else {
		if (rng_chance(700))
			return;
		s = st == CLOSED_WON ? won_steps[rng_below(NELEM(won_steps))] :
		    lost_steps[rng_below(NELEM(lost_steps))];
	}
	if (!open || !rng_chance(300)) {
		put_field(s, strlen(s));
		return;
	}
	/* Reps like to date their next step: "2/20 - Send proposal". */
	{
		int32_t when = asof + rng_range(-10, 21);
		const char *iso = date_text[when - date_base];

		n = snprintf(buf, sizeof(buf), "%d/%d - %s",
		    (iso[5] - '0') * 10 + iso[6] - '0',
		    (iso[8] - '0') * 10 + iso[9] - '0', s);
	}
	put_field(buf, (size_t)n);
}

static void
put_push_count(bool open, bool past_due)
{
	uint32_t x = rng_below(1000);
	int n;

	if (past_due)
		x = x / 2 + 500;
	if (!open)
		x = x * 7 / 10;
	if (x < 650)
		n = 0;
	else if (x < 850)
		n = 1;
	else if (x < 950)
		n = 2;
	else if (x < 990)
		n = 3;
	else
		n = 4 + (int)rng_below(3);
	put_char((char)('0' + n));
}

/*
 * Writes one opportunity.  The dates are drawn so that they stay
 * consistent: created <= stage change <= as-of, created <= last activity
 * <= as-of, and a closed deal closed on or before as-of.
 */
static void
put_row(uint64_t row, int32_t asof, int32_t qend, int32_t prev_qstart,
    int32_t next_qend)
{
	const struct rep *r = &reps[pick_rep()];
	const struct team *t = &teams[r->team];
	enum stage s = pick_stage();
	bool open = s < CLOSED_WON;
	bool past_due = false;
	int32_t close, created, activity, changed;
	char acct[96], name[192];
	size_t alen;
	int slen, nlen;

	if (open) {
		uint32_t x = rng_below(1000);

		if (x < 110) {
			close = asof - draw_days(12, 0.9, 1, 75);
			past_due = true;
		} else if (x < 640) {
			close = rng_range(asof, qend);
		} else if (x < 940) {
			close = rng_range(qend + 1, next_qend);
		} else {
			close = rng_range(next_qend + 1, next_qend + 92);
		}
		created = asof - draw_days(75, 0.8, 1, 400);
		if (created > close - 7)
			created = close - 7 - rng_range(0, 30);
		if (rng_chance(170))
			changed = asof - rng_range(31, 150);
		else
			changed = asof - draw_days(9, 0.9, 0, 30);
		if (rng_chance(220))
			activity = asof - rng_range(15, 120);
		else
			activity = asof - rng_range(0, 14);
	} else {
		if (rng_chance(900))
			close = rng_range(prev_qstart, asof);
		else
			close = prev_qstart - rng_range(1, 180);
		created = close - draw_days(55, 0.7, 3, 330);
		changed = close;
		activity = close + rng_range(-6, 10);
		if (activity > asof)
			activity = asof;
	}
	if (changed < created)
		changed = created;
	if (activity < created)
		activity = created;

	put_id(row);
	put_char(',');

	alen = account_name(acct, sizeof(acct), rng_below(9600), &slen);
	if (rng_chance(60)) {
		const char *c = codenames[rng_below(NELEM(codenames))];

		nlen = snprintf(name, sizeof(name), "%.*s - Project \"%s\"",
		    slen, acct, c);
	} else if (rng_chance(250)) {
		unsigned seats = 5 + rng_below(60) * (1 + rng_below(25));

		nlen = snprintf(name, sizeof(name), "%.*s - %u Seats",
		    slen, acct, seats);
	} else if (rng_chance(150)) {
		nlen = snprintf(name, sizeof(name), "%.*s - Renewal FY%02d",
		    slen, acct, year_of(close) % 100);
	} else {
		const char *what = deal_what[rng_below(NELEM(deal_what))];

		nlen = snprintf(name, sizeof(name), "%.*s - %s",
		    slen, acct, what);
	}
	put_field(name, (size_t)nlen);
	put_char(',');
	put_field(acct, alen);
	put_char(',');
	put_str(r->name);
	put_char(',');
	put_str(t->name);
	put_char(',');
	put_str(stages[s].name);
	put_char(',');
	put_amount(draw_amount(t), open, s);
	put_char(',');
	put_str(stages[s].prob);
	put_char(',');
	put_str(forecast_category(s));
	put_char(',');
	put_date(close);
	put_char(',');
	put_date(created);
	put_char(',');
	put_date(activity);
	put_char(',');
	put_date(changed);
	put_char(',');
	put_next_step(s, asof);
	put_char(',');
	put_push_count(open, past_due);
	put_char(',');
	put_str(types[rng_below(NELEM(types))]);
	put_char(',');
	put_str(lead_sources[rng_below(NELEM(lead_sources))]);
	put_char('\n');
}

static void
write_roster(int32_t prev_qstart)
{
	static const char *const roles[] = {
		"Account Executive", "Account Executive",
		"Senior Account Executive", "Enterprise Account Executive"
	};

	put_str("rep,team,role,hire date,last quarter\n");
	for (int i = 0; i < NREPS; i++) {
		const struct rep *r = &reps[i];
		uint64_t h = mix64(0xb0a5ULL + (uint64_t)i);

		put_str(r->name);
		put_char(',');
		put_str(teams[r->team].name);
		put_char(',');
		put_str(roles[h % NELEM(roles)]);
		put_char(',');
		put_date(r->hired);
		put_char(',');
		/* No basis for a rep who was not there all last quarter. */
		if (r->hired <= prev_qstart) {
			/* Roughly what the deal flow above books a quarter. */
			double q = teams[r->team].median * 9 * r->weight *
			    (0.6 + (double)((h >> 8) % 800) / 1000.0);

			put_uint((uint64_t)q / 100 * 100);
			put_str(".00");
		}
		put_char('\n');
		if (outlen > OUTSZ - ROWMAX)
			out_flush();
	}
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "as-of", required_argument, NULL, 'a' },
		{ "roster", no_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	uint64_t rows = 1000, seed = 1;
	int y = 2027, m = 2, d = 15;
	bool roster = false;
	int32_t asof, qend, prev_qstart, next_qend;
	int ch, qmi;

	while ((ch = getopt_long(argc, argv, "n:s:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'n':
			/* The id scheme has room for 62^5 rows. */
			rows = parse_count(optarg, "-n", 916132831ULL);
			break;
		case 's':
			seed = parse_count(optarg, "-s", UINT64_MAX);
			break;
		case 'a':
			if (!parse_date(optarg, &y, &m, &d))
				errx(2, "--as-of: invalid date \"%s\" "
				    "(YYYY-MM-DD, 1975..9990)", optarg);
			break;
		case 'r':
			roster = true;
			break;
		case 'h':
			printf("usage: gen [-n ROWS] [-s SEED] "
			    "[--as-of YYYY-MM-DD] [--roster]\n");
			return 0;
		default:
			usage();
		}
	}
	argc -= optind;
	if (argc != 0)
		usage();

	make_date_table(y - 5, y + 3);
	asof = day_number(y, m, d);
	qmi = y * 12 + (m - 1) / 3 * 3;
	qend = month_start(qmi + 3) - 1;
	prev_qstart = month_start(qmi - 3);
	next_qend = month_start(qmi + 6) - 1;
	make_reps(asof);

	if (roster) {
		write_roster(prev_qstart);
	} else {
		/* Mixing the seed keeps nearby seeds far apart. */
		rng_state = mix64(seed ^ 0x243f6a8885a308d3ULL);
		put_str(HEADER);
		for (uint64_t i = 0; i < rows; i++) {
			put_row(i, asof, qend, prev_qstart, next_qend);
			if (outlen > OUTSZ - ROWMAX)
				out_flush();
		}
	}
	out_flush();
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0)
		err(1, "stdout");
	free(date_text);
	return 0;
}
