/*
 * funnel-flag: mark each open deal of a CRM export with what is wrong
 * with it, how risky it is, and what to do about it.
 */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "diag.h"
#include "funnel.h"
#include "opts.h"

enum {
	OPT_STALE_DAYS = OPT_TOOL, OPT_STUCK_DAYS, OPT_MAX_AGE_DAYS,
	OPT_PUSH_LIMIT, OPT_MAX_DISCOUNT, OPT_STAGES, OPT_PREV, OPT_FLAGGED,
	OPT_KEEP
};

static const struct option longopts[] = {
	COMMON_LONGOPTS,
	{ "stale-days",   required_argument, NULL, OPT_STALE_DAYS },
	{ "stuck-days",   required_argument, NULL, OPT_STUCK_DAYS },
	{ "max-age-days", required_argument, NULL, OPT_MAX_AGE_DAYS },
	{ "push-limit",   required_argument, NULL, OPT_PUSH_LIMIT },
	{ "max-discount", required_argument, NULL, OPT_MAX_DISCOUNT },
	{ "stages",       required_argument, NULL, OPT_STAGES },
	{ "prev",         required_argument, NULL, OPT_PREV },
	{ "flagged",      no_argument,       NULL, OPT_FLAGGED },
	{ "keep",         required_argument, NULL, OPT_KEEP },
	{ NULL, 0, NULL, 0 }
};

static void
usage(FILE *fp)
{
	fputs("usage: funnel-flag [options] [FILE]\n", fp);
}

static void
help(void)
{
	FILE *fp = stdout;

	usage(fp);
	fputs("Flag troubled open deals in a CRM export (FILE or standard input).\n"
"Rules:\n"
"      --stale-days N|STAGE=N,...  no activity for more than N days (14)\n"
"      --stuck-days N|STAGE=N,...  in the stage for more than N days\n"
"                        (default: 1.5 x the stage's median, else 30)\n"
"      --max-age-days N  open longer than N days (default: 2 x the median\n"
"                        won cycle of the export)\n"
"      --push-limit N    slipped at N close-date pushes (2)\n"
"      --max-discount PCT  discount above PCT percent (20)\n"
"      --stages LIST     stage order, earliest first, for regressed\n"
"      --prev FILE       last week's export, joined by deal id\n"
"      --flagged         write only flagged deals\n"
"      --keep LIST       pass through only these input columns (fields\n"
"                        such as id,rep,stage,amount, or headers): the same\n"
"                        as --fields LIST,flags,risk,action,why\n", fp);
	common_usage(fp);
}

int
main(int argc, char *argv[])
{
	struct funnel_opts o;
	int ch, status = EXIT_OK;

	funnel_opts_init(&o);
	while ((ch = getopt_long(argc, argv, COMMON_SHORTOPTS, longopts,
	    NULL)) != -1) {
		switch (ch) {
		case OPT_STALE_DAYS:
			stage_limits_parse(&o.cfg.stale, "--stale-days",
			    optarg);
			break;
		case OPT_STUCK_DAYS:
			stage_limits_parse(&o.cfg.stuck, "--stuck-days",
			    optarg);
			break;
		case OPT_MAX_AGE_DAYS:
			o.cfg.max_age_days = (int)opt_long("--max-age-days",
			    optarg, 0, 36600);
			break;
		case OPT_PUSH_LIMIT:
			o.cfg.push_limit = (int)opt_long("--push-limit",
			    optarg, 1, 1000);
			break;
		case OPT_MAX_DISCOUNT:
			o.cfg.max_discount = (int)opt_decimal("--max-discount",
			    optarg, 2);
			break;
		case OPT_STAGES:
			ff_set_order(&o.cfg, optarg);
			break;
		case OPT_PREV:
			o.prev_path = optarg;
			break;
		case OPT_FLAGGED:
			o.flagged_only = true;
			break;
		case OPT_KEEP:
			o.keep = optarg;
			break;
		case 'h':
			help();
			goto done;
		case 'V':
			common_version("funnel-flag");
			goto done;
		default:
			if (!common_option(&o.common, ch, optarg)) {
				status = usage_error(argv, ch, usage);
				goto done;
			}
		}
	}
	argc -= optind;
	argv += optind;
	if (argc > 1) {
		warnx("one input file at most");
		usage(stderr);
		status = EXIT_USAGE;
		goto done;
	}
	if (argc == 1)
		o.input = argv[0];
	common_finish(&o.common);
	status = funnel_run(&o, stdout);
done:
	funnel_opts_free(&o);
	return finish_stdout(status);
}
