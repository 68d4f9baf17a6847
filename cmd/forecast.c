/*
 * forecast: the period's bookings per rep, team and in total, with a
 * P10/P50/P90 range; or, with --accuracy, how close past forecasts came.
 *
 * Streams the export on standard input (or FILE) into lib/forecast (or
 * lib/accuracy, after reading the history) and prints the result.
 */
#include <err.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accuracy.h"
#include "csvio.h"
#include "deal.h"
#include "diag.h"
#include "forecast.h"
#include "goalfile.h"
#include "opts.h"
#include "teams.h"

enum {
	OPT_BY = OPT_TOOL, OPT_TEAMS, OPT_CATEGORY, OPT_STAGE_PROB,
	OPT_TRIALS, OPT_SEED, OPT_NO_RANGES, OPT_ACCURACY, OPT_HISTORY,
	OPT_DETAIL, OPT_BY_WEEK, OPT_GOALS, OPT_GOAL_COL
};

static const struct option longopts[] = {
	COMMON_LONGOPTS,
	{ "by",         required_argument, NULL, OPT_BY },
	{ "teams",      required_argument, NULL, OPT_TEAMS },
	{ "category",   required_argument, NULL, OPT_CATEGORY },
	{ "stage-prob", required_argument, NULL, OPT_STAGE_PROB },
	{ "trials",     required_argument, NULL, OPT_TRIALS },
	{ "seed",       required_argument, NULL, OPT_SEED },
	{ "no-ranges",  no_argument,       NULL, OPT_NO_RANGES },
	{ "accuracy",   no_argument,       NULL, OPT_ACCURACY },
	{ "history",    required_argument, NULL, OPT_HISTORY },
	{ "detail",     no_argument,       NULL, OPT_DETAIL },
	{ "by-week",    no_argument,       NULL, OPT_BY_WEEK },
	{ "goals",      required_argument, NULL, OPT_GOALS },
	{ "goal-col",   required_argument, NULL, OPT_GOAL_COL },
	{ NULL, 0, NULL, 0 }
};

static void
usage(FILE *fp)
{
	fputs("usage: forecast [--by LEVELS] [--teams FILE] [--goals FILE] "
	    "[--goal-col FIELD=HEADER]\n"
	    "                [--category LIST] [--stage-prob LIST] [--trials N] "
	    "[--seed S]\n"
	    "                [--no-ranges] [options] [FILE]\n"
	    "       forecast --accuracy --history FILE [--detail] [--by-week] "
	    "[--teams FILE]\n"
	    "                [options] [FILE]\n", fp);
}

static void
help(void)
{
	usage(stdout);
	fputs(
"Projects the period's bookings from a CRM export on standard input (or\n"
"FILE): closed, commit, best case, pipeline, weighted, and a P10/P50/P90\n"
"range, per rep, per team and in total.  With --accuracy, measures how\n"
"close the forecasts in a history file came to what closed.\n"
"Projection:\n"
"      --by LEVELS       rows for rep, team and/or total, comma-separated\n"
"                        (default: rep,total)\n"
"      --teams FILE      the team of each rep (columns rep, team)\n"
"      --goals FILE      goals (rep, goal, period or start and end) for the\n"
"                        goal, gap and coverage columns\n"
"      --goal-col FIELD=HEADER  like --col, for the goals file; repeatable\n"
"      --category LIST   forecast category by stage: 'Stage=Commit,...'\n"
"      --stage-prob LIST probability by stage: 'Stage=60,...' (60, 60%, 0.6)\n"
"      --trials N        simulated quarters per group (default: 10000)\n"
"      --seed S          seed of the simulation (default: 20270101)\n"
"      --no-ranges       leave p10, p50, p90 and gap empty\n"
"Accuracy:\n"
"      --accuracy        compare past forecasts with what closed\n"
"      --history FILE    the past forecasts: forecast's output, appended\n"
"      --detail          a row per past forecast as well\n"
"      --by-week         summaries by week of the period as well\n",
	    stdout);
	common_usage(stdout);
}

/* --by rep,team,total: which levels get rows. */
static unsigned
parse_by(const char *arg)
{
	static const char *const names[FC_NLEVELS] = { "rep", "team", "total" };
	unsigned words = opt_words("--by", arg, names, FC_NLEVELS), levels = 0;
	int l;

	for (l = 0; l < FC_NLEVELS; l++)
		if (words & 1u << l)
			levels |= FC_LEVEL_BIT(l);
	return levels;
}

/* The columns forecast reads; a bad value in any other is no matter. */
static const enum field used[] = {
	F_REP, F_TEAM, F_ID, F_AMOUNT, F_STAGE, F_STATUS, F_CLOSE, F_PROB,
	F_CATEGORY, F_CURRENCY
};

/* The export, read deal by deal. */
struct input {
	struct csv_reader *r;
	struct deal_reader dr;
	const struct teams *teams;	/* NULL without --teams */
};

static void
input_open(struct input *in, const char *path, struct common_opts *c,
    const struct teams *teams, bool need_rep)
{
	const struct csv_row *hdr;

	in->r = csvr_open_path(path, c->delim);
	in->teams = teams;
	if (csvr_header(in->r, &hdr) != 0)
		exit(EXIT_USAGE);
	deal_reader_init(&in->dr, hdr, csvr_name(in->r), c);
	deal_reader_only(&in->dr, used, sizeof(used) / sizeof(used[0]));
	colmap_require(&in->dr.cols, F_AMOUNT);
	colmap_require(&in->dr.cols, F_STAGE);
	colmap_require(&in->dr.cols, F_CLOSE);
	if (need_rep)
		colmap_require(&in->dr.cols, F_REP);
}

/* The next good deal: 1, or 0 at the end.  Bad rows are reported. */
static int
input_next(struct input *in, struct deal *d)
{
	const struct csv_row *row;
	int st;

	while ((st = csvr_next(in->r, &row)) != 0) {
		if (st < 0 || deal_read(&in->dr, row, d) != 0)
			continue;
		if (in->teams != NULL)
			d->team = teams_of(in->teams, d->rep, d->team);
		return 1;
	}
	return 0;
}

static void
need_teams(const struct input *in, const struct teams *teams,
    const char *why)
{
	if (teams == NULL && !colmap_has(&in->dr.cols, F_TEAM))
		errx(EXIT_USAGE, "%s needs a team column in %s or --teams FILE",
		    why, csvr_name(in->r));
}

/* Ends the output; the status says whether rows were rejected. */
static int
close_output(struct out *o)
{
	int status = diag_finish();

	/* finish_stdout says what failed: the error stays on stdout. */
	if (out_close(o) != 0)
		status = EXIT_BADROWS;
	return status;
}

/* Reads the goals of the period into f. */
static void
load_goals(struct forecast *f, const char *path, const struct colspec *cols,
    const struct common_opts *c, const struct period *period,
    const struct teams *teams)
{
	struct goal_opts go = { .cols = cols, .fiscal_start = c->fiscal_start,
	    .decimal_comma = c->decimal_comma, .date_format = c->date_format,
	    .fallback = period };
	struct goalfile gf;
	const char **metric;
	size_t n;

	goalfile_init(&gf);
	goalfile_load(&gf, path, &go);
	/* Bookings are one figure: a file mixing metrics is ambiguous. */
	if ((n = goalfile_metrics(&gf, &metric)) > 1)
		errx(EXIT_USAGE, "%s: goals for %zu metrics (\"%s\", \"%s\"%s): "
		    "keep the bookings goals only", gf.name, n, metric[0],
		    metric[1], n > 2 ? ", ..." : "");
	free(metric);
	if (fc_add_goals(f, &gf, teams) == 0)
		warnx("%s: no goals inside %s", gf.name, period->label);
	goalfile_free(&gf);
}

static int
project(struct fc_opts *fo, struct common_opts *c, const char *path,
    const struct teams *teams, const struct period *period,
    const char *goals, const struct colspec *goal_cols)
{
	struct forecast f;
	struct input in;
	struct deal d;
	struct out *o;
	int status;

	fc_init(&f, fo);
	if (goals != NULL)
		load_goals(&f, goals, goal_cols, c, period, teams);
	input_open(&in, path, c, teams,
	    (fo->levels & FC_LEVEL_BIT(FC_REP)) != 0);
	if (fo->levels & FC_LEVEL_BIT(FC_TEAM))
		need_teams(&in, teams, "--by team");
	while (input_next(&in, &d))
		fc_add(&f, &d, csvr_name(in.r));
	csvr_close(in.r);
	fc_finish(&f);
	fc_report(&f);
	o = out_open_opts(stdout, &c->out);
	fc_write(&f, o, period->label);
	status = close_output(o);
	fc_free(&f);
	return status;
}

static int
accuracy(struct acc_opts *ao, struct common_opts *c, const char *path,
    const struct teams *teams, const char *history)
{
	struct accuracy a;
	struct input in;
	struct deal d;
	struct out *o;
	int status;

	acc_init(&a, ao);
	acc_read_history(&a, history);
	input_open(&in, path, c, teams, false);
	if (a.team_rows)
		need_teams(&in, teams, "a history with team rows");
	while (input_next(&in, &d))
		acc_add_deal(&a, &d);
	csvr_close(in.r);
	acc_report(&a);
	o = out_open_opts(stdout, &c->out);
	acc_write(&a, o);
	status = close_output(o);
	acc_free(&a);
	return status;
}

int
main(int argc, char *argv[])
{
	struct common_opts c;
	struct fc_opts fo;
	struct acc_opts ao = { 0 };
	struct teams teams;
	struct period period;
	const char *teams_path = NULL, *history = NULL, *projection_only = NULL;
	const char *goals = NULL;
	struct colspec goal_cols = { { NULL } };
	bool by_accuracy = false;
	int ch, status;

	common_init(&c);
	fc_opts_default(&fo);
	while ((ch = getopt_long(argc, argv, COMMON_SHORTOPTS, longopts,
	    NULL)) != -1) {
		switch (ch) {
		case OPT_BY:
			fo.levels = parse_by(optarg);
			projection_only = "--by";
			break;
		case OPT_TEAMS:
			teams_path = optarg;
			break;
		case OPT_CATEGORY:
			fc_stagemap_cats(&fo.category, "--category", optarg);
			projection_only = "--category";
			break;
		case OPT_STAGE_PROB:
			fc_stagemap_probs(&fo.stage_prob, "--stage-prob",
			    optarg);
			projection_only = "--stage-prob";
			break;
		case OPT_TRIALS:
			fo.trials = opt_long("--trials", optarg, 100, 1000000);
			projection_only = "--trials";
			break;
		case OPT_SEED:
			fo.seed = (uint64_t)opt_long("--seed", optarg, 0,
			    LONG_MAX);
			projection_only = "--seed";
			break;
		case OPT_NO_RANGES:
			fo.ranges = false;
			projection_only = "--no-ranges";
			break;
		case OPT_GOALS:
			goals = optarg;
			projection_only = "--goals";
			break;
		case OPT_GOAL_COL:
			if (colspec_add(&goal_cols, optarg) != 0)
				exit(EXIT_USAGE);
			break;
		case OPT_ACCURACY:
			by_accuracy = true;
			break;
		case OPT_HISTORY:
			history = optarg;
			break;
		case OPT_DETAIL:
			ao.detail = true;
			break;
		case OPT_BY_WEEK:
			ao.by_week = true;
			break;
		case 'h':
			help();
			common_free(&c);
			return finish_stdout(EXIT_OK);
		case 'V':
			common_version("forecast");
			common_free(&c);
			return finish_stdout(EXIT_OK);
		default:
			if (!common_option(&c, ch, optarg))
				exit(usage_error(argv, ch, usage));
		}
	}
	argc -= optind;
	argv += optind;
	if (argc > 1) {
		usage(stderr);
		exit(EXIT_USAGE);
	}
	if (by_accuracy && history == NULL)
		errx(EXIT_USAGE, "--accuracy needs --history FILE");
	if (by_accuracy && projection_only != NULL)
		errx(EXIT_USAGE, "%s does not go with --accuracy",
		    projection_only);
	if (!by_accuracy && (history != NULL || ao.detail || ao.by_week))
		errx(EXIT_USAGE, "--history, --detail and --by-week go with "
		    "--accuracy");
	common_finish(&c);

	teams_init(&teams);
	if (teams_path != NULL)
		teams_load(&teams, teams_path);
	const char *path = argc == 1 ? argv[0] : "-";
	const struct teams *tp = teams_path != NULL ? &teams : NULL;
	if (by_accuracy) {
		ao.as_of = c.as_of;
		ao.fiscal_start = c.fiscal_start;
		status = accuracy(&ao, &c, path, tp, history);
	} else {
		/* Without --period, the quarter that holds as-of. */
		if (c.has_period)
			period = c.period;
		else
			period_quarter_of(c.as_of, c.fiscal_start, &period);
		fo.start = period.start;
		fo.end = period.end;
		fo.as_of = c.as_of;
		status = project(&fo, &c, path, tp, &period, goals,
		    &goal_cols);
	}
	teams_free(&teams);
	fc_stagemap_free(&fo.stage_prob);
	fc_stagemap_free(&fo.category);
	common_free(&c);
	return finish_stdout(status);
}
