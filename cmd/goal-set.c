/*
 * goal-set: individual goals from one team number.
 *
 * Reads a roster on standard input (or FILE), divides the total among the
 * reps by share, ramp and bounds, spreads each goal over the sub-periods,
 * and prints one row per rep and sub-period, ready for attain --goals.
 */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actuals.h"
#include "csvio.h"
#include "date.h"
#include "diag.h"
#include "goals.h"
#include "money.h"
#include "opts.h"
#include "roster.h"
#include "xalloc.h"

enum {
	OPT_TOTAL = OPT_TOOL, OPT_GROWTH, OPT_METHOD, OPT_BASIS, OPT_OVER,
	OPT_RAMP, OPT_CAP, OPT_SPLIT, OPT_SEASON, OPT_METRIC, OPT_COUNT,
	OPT_ROUND, OPT_ACTUALS
};

static const struct option longopts[] = {
	COMMON_LONGOPTS,
	{ "total",       required_argument, NULL, OPT_TOTAL },
	{ "growth",      required_argument, NULL, OPT_GROWTH },
	{ "method",      required_argument, NULL, OPT_METHOD },
	{ "basis",       required_argument, NULL, OPT_BASIS },
	{ "over-assign", required_argument, NULL, OPT_OVER },
	{ "ramp",        required_argument, NULL, OPT_RAMP },
	{ "cap",         required_argument, NULL, OPT_CAP },
	{ "split",       required_argument, NULL, OPT_SPLIT },
	{ "seasonality", required_argument, NULL, OPT_SEASON },
	{ "metric",      required_argument, NULL, OPT_METRIC },
	{ "count",       no_argument,       NULL, OPT_COUNT },
	{ "round",       required_argument, NULL, OPT_ROUND },
	{ "actuals",     required_argument, NULL, OPT_ACTUALS },
	{ NULL, 0, NULL, 0 }
};

static void
usage(FILE *fp)
{
	fputs("usage: goal-set --total AMOUNT | --growth PCT --period P "
	    "[--method M] [--basis COLUMN]\n"
	    "                [--over-assign PCT] [--ramp LIST] [--cap PCT] "
	    "[--split UNIT]\n"
	    "                [--seasonality LIST] [--metric NAME] [--count] "
	    "[--round N]\n"
	    "                [--actuals FILE] [options] [FILE]\n", fp);
}

static void
help(void)
{
	usage(stdout);
	fputs(
"Divides one team number into a goal per rep and sub-period, by each rep's\n"
"share, ramp and bounds; the goals add up to the total exactly.  The roster\n"
"(rep, team, role, hire date, basis, weight, min, max) is read from\n"
"standard input or FILE.\n"
"Goals:\n"
"      --total AMOUNT    the team number to divide\n"
"      --growth PCT      or: the sum of the basis column plus PCT percent\n"
"      --method M        even, basis, or blend[=W]: W of the basis share\n"
"                        and 1-W of the even share (default: blend=0.5)\n"
"      --basis COLUMN    the roster column with each rep's history figure\n"
"      --over-assign PCT rep goals add up to the total plus PCT percent\n"
"      --ramp LIST       percent of a full goal by month of tenure\n"
"                        (default: 0,25,50,75,100; the last value holds)\n"
"      --cap PCT         no goal above the rep's basis plus PCT percent\n"
"      --split UNIT      month, week or day: one row per sub-period\n"
"      --seasonality LIST  one factor per sub-period, instead of business\n"
"                        days\n"
"      --metric NAME     the metric column (default: revenue, or count)\n"
"      --count           whole units (meetings, calls) instead of money\n"
"      --round N         make every goal a multiple of N\n"
"      --actuals FILE    with --as-of: keep what each rep has achieved and\n"
"                        re-spread the rest over the days left\n", stdout);
	common_usage(stdout);
}

/* Option values kept as given until -d, --decimal-comma and --count are known. */
struct args {
	const char *total, *growth, *method, *basis, *over, *ramp, *cap;
	const char *split, *season, *metric, *round, *actuals, *roster;
	bool count;
};

/* A comma-separated list of numbers with `scale` decimals, each >= 0. */
static size_t
number_list(const char *opt, const char *arg, int scale, int64_t max,
    int64_t **out)
{
	struct kv *kv;
	size_t n = kvlist_parse(opt, arg, &kv), i;

	*out = calloc(n, sizeof(**out));
	if (*out == NULL)
		err(EXIT_USAGE, NULL);
	for (i = 0; i < n; i++) {
		if (kv[i].name != NULL)
			errx(EXIT_USAGE, "%s: expected numbers separated by "
			    "commas, not \"%s=%s\"", opt, kv[i].name,
			    kv[i].value);
		(*out)[i] = opt_decimal(opt, kv[i].value, scale);
		if ((*out)[i] < 0 || (*out)[i] > max)
			errx(EXIT_USAGE, "%s: \"%s\" is out of range", opt,
			    kv[i].value);
	}
	kv_free(kv, n);
	return n;
}

/* A percentage in hundredths, at least min. */
static int64_t
percent(const char *opt, const char *arg, int64_t min)
{
	int64_t v = opt_decimal(opt, arg, 2);

	if (v < min || v > 100000)
		errx(EXIT_USAGE, "%s: \"%s\" is out of range", opt, arg);
	return v;
}

/* An amount in hundredths: money, or a plain number with --count. */
static int64_t
amount(const char *opt, const char *arg, const struct args *a,
    const struct common_opts *c)
{
	int64_t v;
	int rc = a->count ? decimal_parse(arg, strlen(arg), 2, &v) :
	    money_parse(arg, strlen(arg), c->decimal_comma, &v, NULL);
	char max[MONEY_BUFSZ];

	if (rc == MONEY_RANGE || (rc == MONEY_OK && v > GOALS_MAX_AMOUNT))
		errx(EXIT_USAGE, "%s: \"%s\" is too large (at most %s)", opt,
		    arg, goals_amount(&(struct goals_opts){ .count = a->count },
		    GOALS_MAX_AMOUNT, max));
	if (rc != MONEY_OK || v < 0)
		errx(EXIT_USAGE, "%s: cannot read \"%s\" as %s", opt, arg,
		    a->count ? "a number of 0 or more" :
		    "an amount of 0 or more");
	return v;
}

/* --method even, basis, blend or blend=W (W a fraction, or a percent). */
static void
parse_method(const char *arg, struct goals_opts *o)
{
	const char *w;

	o->blend = 5000;
	if (strcmp(arg, "even") == 0)
		o->method = METHOD_EVEN;
	else if (strcmp(arg, "basis") == 0)
		o->method = METHOD_BASIS;
	else if (strncmp(arg, "blend", 5) == 0 && (arg[5] == '\0' ||
	    arg[5] == '=')) {
		o->method = METHOD_BLEND;
		if (arg[5] == '=') {
			w = arg + 6;
			o->blend = w[0] && w[strlen(w) - 1] == '%' ?
			    percent("--method blend", w, 0) :
			    opt_decimal("--method blend", w, 4);
			if (o->blend < 0 || o->blend > 10000)
				errx(EXIT_USAGE, "--method: blend weight \"%s\" "
				    "is not between 0 and 1", w);
		}
	} else
		errx(EXIT_USAGE, "--method: expected even, basis or "
		    "blend[=W], not \"%s\"", arg);
}

static enum split
parse_split(const char *arg)
{
	if (strcmp(arg, "month") == 0)
		return SPLIT_MONTH;
	if (strcmp(arg, "week") == 0)
		return SPLIT_WEEK;
	if (strcmp(arg, "day") == 0)
		return SPLIT_DAY;
	errx(EXIT_USAGE, "--split: expected month, week or day, not \"%s\"",
	    arg);
}

static void
parse_args(int argc, char *argv[], struct args *a, struct common_opts *c)
{
	int ch;

	while ((ch = getopt_long(argc, argv, COMMON_SHORTOPTS, longopts,
	    NULL)) != -1) {
		switch (ch) {
		case OPT_TOTAL: a->total = optarg; break;
		case OPT_GROWTH: a->growth = optarg; break;
		case OPT_METHOD: a->method = optarg; break;
		case OPT_BASIS: a->basis = optarg; break;
		case OPT_OVER: a->over = optarg; break;
		case OPT_RAMP: a->ramp = optarg; break;
		case OPT_CAP: a->cap = optarg; break;
		case OPT_SPLIT: a->split = optarg; break;
		case OPT_SEASON: a->season = optarg; break;
		case OPT_METRIC: a->metric = optarg; break;
		case OPT_COUNT: a->count = true; break;
		case OPT_ROUND: a->round = optarg; break;
		case OPT_ACTUALS: a->actuals = optarg; break;
		case 'h':
			help();
			exit(finish_stdout(EXIT_OK));
		case 'V':
			common_version("goal-set");
			exit(finish_stdout(EXIT_OK));
		default:
			if (!common_option(c, ch, optarg))
				exit(usage_error(argv, ch, usage));
		}
	}
	if (argc - optind > 1) {
		usage(stderr);
		exit(EXIT_USAGE);
	}
	a->roster = argc > optind ? argv[optind] : "-";
	if ((a->total == NULL) == (a->growth == NULL))
		errx(EXIT_USAGE, "give one of --total AMOUNT and --growth PCT");
	if (c->period_arg == NULL)
		errx(EXIT_USAGE, "--period P is required (2027-Q1, 2027-03, "
		    "...)");
	if (a->season != NULL && a->split == NULL)
		errx(EXIT_USAGE, "--seasonality needs --split month, week or "
		    "day");
}

/* Turns the option strings into goal options (the total comes later). */
static void
make_opts(const struct args *a, const struct common_opts *c,
    struct goals_opts *o, int64_t **ramp, int64_t **season)
{
	static const int64_t default_ramp[] = { 0, 2500, 5000, 7500, 10000 };

	memset(o, 0, sizeof(*o));
	parse_method(a->method ? a->method : "blend", o);
	o->over = a->over ? percent("--over-assign", a->over, 0) : 0;
	if (a->cap) {
		o->has_cap = true;
		o->cap = percent("--cap", a->cap, 0);
	}
	o->ramp = default_ramp;
	o->nramp = 5;
	if (a->ramp) {
		o->nramp = number_list("--ramp", a->ramp, 2, 10000, ramp);
		o->ramp = *ramp;
	}
	o->period = c->period;
	o->split = a->split ? parse_split(a->split) : SPLIT_NONE;
	o->cal = &c->cal;
	if (a->season) {
		o->nseason = number_list("--seasonality", a->season, 4,
		    GOALS_MAX_AMOUNT, season);
		o->season = *season;
	}
	o->count = a->count;
	o->quantum = a->count ? 100 : 1;
	if (a->round) {
		o->quantum = amount("--round", a->round, a, c);
		if (o->quantum == 0 || (a->count && o->quantum % 100 != 0))
			errx(EXIT_USAGE, "--round: cannot round to \"%s\"%s",
			    a->round, a->count ? ": give a whole number" : "");
	}
	o->metric = a->metric ? a->metric : a->count ? "count" : "revenue";
}

/* Reads the roster; a method or option that needs the basis requires it. */
static void
read_roster(struct roster *r, const struct args *a, struct common_opts *c,
    const struct goals_opts *o)
{
	struct csv_reader *rd = csvr_open_path(a->roster, c->delim);
	struct roster_format fmt = { a->count, c->decimal_comma,
	    c->date_format };
	const struct csv_row *hdr;
	struct colmap m;

	if (csvr_header(rd, &hdr) != 0)
		exit(EXIT_USAGE);
	colmap_resolve(&m, hdr, &c->cols, csvr_name(rd));
	colmap_require(&m, F_REP);
	if (a->method != NULL && o->method != METHOD_EVEN)
		colmap_require(&m, F_BASIS);
	if (o->has_cap || a->growth)
		colmap_require(&m, F_BASIS);
	roster_read(r, rd, &m, &fmt);
	csvr_close(rd);
}

/* Without --method, a roster with no basis at all is shared evenly. */
static void
default_method(const struct args *a, const struct roster *r,
    struct goals_opts *o)
{
	size_t i;

	if (a->method != NULL)
		return;
	for (i = 0; i < r->n; i++)
		if (r->rep[i].has_basis)
			return;
	o->method = METHOD_EVEN;
}

/*
 * Reads the actuals the way attain does, into what each rep on the roster
 * has won in each sub-period up to as-of; a rep who is not on the roster
 * is named, since those actuals count nowhere.
 */
static int64_t **
read_won(const struct goal_plan *p, const char *path, struct common_opts *c,
    bool count)
{
	const struct rep_sums **all;
	const struct rep_sums *rs;
	struct actuals act;
	const char *source;
	int64_t **won;
	size_t i, n;

	actuals_init(&act, p->sub, p->nsub, c->as_of);
	source = actuals_load(&act, path, c, count);
	won = xcalloc(p->nrep + 1, sizeof(*won));
	for (i = 0; i < p->nrep; i++) {
		const char *name = p->roster->rep[i].name;

		if ((rs = actuals_find(&act, name, strlen(name))) == NULL)
			continue;
		won[i] = xcalloc(p->nsub, sizeof(**won));
		memcpy(won[i], rs->won, p->nsub * sizeof(**won));
	}
	n = actuals_reps(&act, &all);
	for (i = 0; i < n; i++)
		if (roster_find(p->roster, all[i]->rep, strlen(all[i]->rep)) <
		    0)
			warnx("%s: rep \"%s\" has actuals but is not on the "
			    "roster", source, all[i]->rep);
	free(all);
	actuals_free(&act);
	return won;
}

/* Re-spreads each rep's goal after what it has achieved (--actuals). */
static void
adjust(struct goal_plan *p, const struct args *a, struct common_opts *c)
{
	int64_t **won;
	char d[DATE_BUFSZ];
	size_t i;

	if (c->as_of > c->period.end) {
		date_format(c->as_of, d);
		errx(EXIT_USAGE, "--actuals: --as-of %s is after %s: nothing "
		    "is left to re-spread", d, c->period.label);
	}
	won = read_won(p, a->actuals, c, a->count);
	if (goals_adjust(p, &(struct goal_actuals){ c->as_of,
	    (const int64_t *const *)won }) != GOALS_OK)
		errx(EXIT_BADROWS, "%s: %s", a->actuals, p->why);
	for (i = 0; i < p->nrep; i++)
		free(won[i]);
	free(won);
}

/* The status a failed plan exits with: bad data 1, impossible options 2. */
static int
plan_status(enum goals_status st)
{
	switch (st) {
	case GOALS_CAP:
	case GOALS_MIN:
	case GOALS_NOBODY:
	case GOALS_ZERO_BASIS:
		return EXIT_BADROWS;
	default:
		return EXIT_USAGE;
	}
}

int
main(int argc, char *argv[])
{
	struct common_opts c;
	struct args a = { 0 };
	struct goals_opts o;
	struct goal_plan p;
	struct roster r;
	struct out *out;
	int64_t *ramp = NULL, *season = NULL, wanted;
	enum goals_status st;
	char x[MONEY_BUFSZ], y[MONEY_BUFSZ];
	int status;

	common_init(&c);
	parse_args(argc, argv, &a, &c);
	if (a.basis != NULL)
		c.cols.header[F_BASIS] = a.basis;
	common_finish(&c);
	make_opts(&a, &c, &o, &ramp, &season);

	roster_init(&r);
	read_roster(&r, &a, &c, &o);
	default_method(&a, &r, &o);
	if (a.total)
		o.total = amount("--total", a.total, &a, &c);
	else if (!goals_growth_total(&r, percent("--growth", a.growth,
	    -10000), &o.total))
		errx(EXIT_BADROWS, "--growth: the basis column is empty or "
		    "adds up to too much");

	st = goals_plan(&p, &r, &o);
	if (st != GOALS_OK) {
		warnx("%s", p.why);
		/* The roster rows left out are counted all the same. */
		diag_finish();
		exit(plan_status(st));
	}
	if (muldiv_round(o.total, 10000 + o.over, 10000, &wanted) &&
	    wanted != p.allocated)
		warnx("the total %s is rounded to %s for --round %s",
		    goals_amount(&o, wanted, x), goals_amount(&o, p.allocated,
		    y), a.round);

	if (a.actuals != NULL)
		adjust(&p, &a, &c);

	out = out_open_opts(stdout, &c.out);
	goals_write(&p, out);
	status = diag_finish();
	/* finish_stdout says what failed: the error stays on stdout. */
	if (out_close(out) != 0)
		status = EXIT_BADROWS;
	goals_free(&p);
	roster_free(&r);
	free(ramp);
	free(season);
	common_free(&c);
	return finish_stdout(status);
}
