/*
 * attain: where each rep and team stands against its goal, today.
 *
 * Reads the goals file, streams the export on standard input (or a file)
 * into per-rep sums, and prints one row per goal, with roll-ups on request.
 */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actuals.h"
#include "attain.h"
#include "csvio.h"
#include "diag.h"
#include "goalfile.h"
#include "opts.h"

enum { OPT_GOALS = OPT_TOOL, OPT_GOAL_COL, OPT_BY, OPT_COUNT, OPT_METRIC };

static const struct option longopts[] = {
	COMMON_LONGOPTS,
	{ "goals",    required_argument, NULL, OPT_GOALS },
	{ "goal-col", required_argument, NULL, OPT_GOAL_COL },
	{ "by",       required_argument, NULL, OPT_BY },
	{ "count",    no_argument,       NULL, OPT_COUNT },
	{ "metric",   required_argument, NULL, OPT_METRIC },
	{ NULL, 0, NULL, 0 }
};

static void
usage(FILE *fp)
{
	fputs("usage: attain --goals FILE [--goal-col FIELD=HEADER] "
	    "[--by team|total]\n"
	    "              [--count] [--metric NAME] [options] [FILE]\n", fp);
}

static void
help(void)
{
	usage(stdout);
	fputs(
"Where each rep and team stands against its goal as of a day: attainment,\n"
"pace, projection, gap, what is needed per day, and pipeline coverage.\n"
"Actuals come from a CRM export on standard input (or FILE).\n"
"Goals:\n"
"      --goals FILE      the goals: rep, goal, and period or start and end\n"
"      --goal-col FIELD=HEADER  like --col, for the goals file; repeatable\n"
"      --metric NAME     use the goals of this metric\n"
"      --count           count rows (meetings, calls, deals) instead of\n"
"                        summing the amount\n"
"      --by team|total   add a roll-up row per team, or one for all;\n"
"                        repeatable\n", stdout);
	common_usage(stdout);
}

/* --by team, --by total, or --by team,total. */
static void
parse_by(const char *arg, struct attain_opts *ao)
{
	static const char *const levels[] = { "team", "total" };
	unsigned by = opt_words("--by", arg, levels, 2);

	ao->by_team |= (by & 1) != 0;
	ao->by_total |= (by & 2) != 0;
}

/* Keeps the goals of one metric, or exits when several are mixed. */
static const char *
choose_metric(struct goalfile *gf, const char *metric)
{
	const char **m;
	size_t n;

	if (metric != NULL) {
		if (gf->has_metric && goalfile_keep_metric(gf, metric) == 0)
			errx(EXIT_USAGE, "%s: no goals for metric \"%s\"",
			    gf->name, metric);
		return metric;
	}
	n = goalfile_metrics(gf, &m);
	if (n > 1)
		errx(EXIT_USAGE, "%s: goals for %zu metrics (\"%s\", \"%s\"%s): "
		    "choose one with --metric", gf->name, n, m[0], m[1],
		    n > 2 ? ", ..." : "");
	metric = n == 1 ? m[0] : "";
	free(m);
	return metric;
}

/* Names every rep with actuals but no goal: a warning, not an error. */
static void
warn_no_goal(const struct attain_report *rep, const char *goals)
{
	size_t i;

	for (i = 0; i < rep->n; i++)
		if (rep->rows[i].level == LV_REP &&
		    !rep->rows[i].sums.has_goal)
			warnx("rep \"%s\" has actuals in %s but no goal in %s",
			    rep->rows[i].rep, rep->rows[i].win->label, goals);
}

int
main(int argc, char *argv[])
{
	struct common_opts c;
	struct colspec goal_cols;
	struct attain_opts ao;
	struct goal_opts go;
	struct goalfile gf;
	struct actuals act;
	struct attain_report rep;
	struct out *o;
	const char *goals = NULL, *metric = NULL;
	int ch, status;

	common_init(&c);
	memset(&goal_cols, 0, sizeof(goal_cols));
	memset(&ao, 0, sizeof(ao));
	while ((ch = getopt_long(argc, argv, COMMON_SHORTOPTS, longopts,
	    NULL)) != -1) {
		switch (ch) {
		case OPT_GOALS:
			goals = optarg;
			break;
		case OPT_GOAL_COL:
			if (colspec_add(&goal_cols, optarg) != 0)
				exit(EXIT_USAGE);
			break;
		case OPT_BY:
			parse_by(optarg, &ao);
			break;
		case OPT_COUNT:
			ao.count = true;
			break;
		case OPT_METRIC:
			metric = optarg;
			break;
		case 'h':
			help();
			common_free(&c);
			return finish_stdout(EXIT_OK);
		case 'V':
			common_version("attain");
			common_free(&c);
			return finish_stdout(EXIT_OK);
		default:
			if (!common_option(&c, ch, optarg))
				exit(usage_error(argv, ch, usage));
		}
	}
	argc -= optind;
	argv += optind;
	if (goals == NULL || argc > 1) {
		if (goals == NULL)
			warnx("--goals FILE is required");
		usage(stderr);
		exit(EXIT_USAGE);
	}
	common_finish(&c);

	goalfile_init(&gf);
	memset(&go, 0, sizeof(go));
	go.cols = &goal_cols;
	go.col_option = "--goal-col";
	go.fiscal_start = c.fiscal_start;
	go.decimal_comma = c.decimal_comma;
	go.date_format = c.date_format;
	go.whole = ao.count;
	go.fallback = c.has_period ? &c.period : NULL;
	goalfile_load(&gf, goals, &go);
	if (c.has_period && goalfile_keep_overlapping(&gf, &c.period) == 0)
		errx(EXIT_USAGE, "%s: no goals in %s", gf.name,
		    c.period.label);
	if (gf.n == 0)
		errx(EXIT_USAGE, "%s: no goals", gf.name);
	ao.metric = choose_metric(&gf, metric);
	ao.as_of = c.as_of;
	ao.cal = &c.cal;

	memset(&rep, 0, sizeof(rep));
	rep.nwin = attain_windows(&gf, &rep.wins);
	actuals_init(&act, rep.wins, rep.nwin, c.as_of);
	attain_report_free(&rep);
	actuals_load(&act, argc == 1 ? argv[0] : "-", &c, ao.count);

	attain_build(&rep, &gf, &act, &ao);
	warn_no_goal(&rep, gf.name);
	o = out_open_opts(stdout, &c.out);
	attain_write(&rep, o, &ao);
	status = diag_finish();
	/* finish_stdout says what failed: the error stays on stdout. */
	if (out_close(o) != 0)
		status = EXIT_BADROWS;

	attain_report_free(&rep);
	actuals_free(&act);
	goalfile_free(&gf);
	common_free(&c);
	return finish_stdout(status);
}
