/*
 * opts: the options all four tools share, parsed in one place so that
 * -d, --col, --as-of, --period and the rest mean the same everywhere.
 *
 * A tool puts COMMON_SHORTOPTS in its getopt string and COMMON_LONGOPTS in
 * its option table, passes every option it does not handle itself to
 * common_option(), and calls common_finish() after the loop.  Bad values
 * exit with status 2 and a message naming the option and the value.
 */
#ifndef SALESPERF_OPTS_H
#define SALESPERF_OPTS_H

#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "calendar.h"
#include "columns.h"
#include "currency.h"
#include "output.h"
#include "period.h"
#include "stage.h"

/* Long-only option codes; tool-specific codes start at OPT_TOOL. */
enum {
	OPT_COL = 256, OPT_DECIMAL_COMMA, OPT_DATE_FORMAT, OPT_WON, OPT_LOST,
	OPT_AS_OF, OPT_PERIOD, OPT_FISCAL_START, OPT_HOLIDAYS, OPT_RATES,
	OPT_STRICT, OPT_FIELDS, OPT_SORT, OPT_TOP, OPT_MAX_WIDTH,
	OPT_TOOL = 512
};

/* The leading ':' lets usage_error tell a missing value from a bad option. */
#define COMMON_SHORTOPTS ":d:o:hV"
#define COMMON_LONGOPTS							\
	{ "delimiter",     required_argument, NULL, 'd' },		\
	{ "output",        required_argument, NULL, 'o' },		\
	{ "help",          no_argument,       NULL, 'h' },		\
	{ "version",       no_argument,       NULL, 'V' },		\
	{ "col",           required_argument, NULL, OPT_COL },		\
	{ "decimal-comma", no_argument,       NULL, OPT_DECIMAL_COMMA },	\
	{ "date-format",   required_argument, NULL, OPT_DATE_FORMAT },	\
	{ "won",           required_argument, NULL, OPT_WON },		\
	{ "lost",          required_argument, NULL, OPT_LOST },		\
	{ "as-of",         required_argument, NULL, OPT_AS_OF },		\
	{ "period",        required_argument, NULL, OPT_PERIOD },		\
	{ "fiscal-start",  required_argument, NULL, OPT_FISCAL_START },	\
	{ "holidays",      required_argument, NULL, OPT_HOLIDAYS },	\
	{ "rates",         required_argument, NULL, OPT_RATES },		\
	{ "strict",        no_argument,       NULL, OPT_STRICT },		\
	{ "fields",        required_argument, NULL, OPT_FIELDS },	\
	{ "sort",          required_argument, NULL, OPT_SORT },		\
	{ "top",           required_argument, NULL, OPT_TOP },		\
	{ "max-width",     required_argument, NULL, OPT_MAX_WIDTH }

struct common_opts {
	int delim;			/* -d; CSV_DELIM_AUTO for auto */
	struct out_opts out;		/* -o, --fields, --sort, --top,
					   --max-width */
	struct colspec cols;		/* --col */
	bool decimal_comma;
	const char *date_format;	/* --date-format, or NULL */
	struct stage_rules stages;	/* --won, --lost */
	int32_t as_of;			/* --as-of, default today */
	bool has_period;
	struct period period;		/* --period (after common_finish) */
	int fiscal_start;		/* 1..12 */
	struct calendar cal;		/* --holidays */
	struct currency_state currency;	/* --rates */
	bool strict;

	const char *period_arg;		/* resolved by common_finish */
	const char *holidays_path;
	const char *rates_path;
};

void common_init(struct common_opts *c);
/*
 * Handles one option of the common set.  Returns 1 when handled, 0 when ch
 * is not a common option.  'h' and 'V' are not handled here: the tool
 * prints its own usage and common_version().
 */
int common_option(struct common_opts *c, int ch, const char *arg);
/* Resolves what depends on other options (period, holidays, rates). */
void common_finish(struct common_opts *c);
void common_free(struct common_opts *c);

/*
 * Reports the option getopt_long just refused (ch is '?' or ':'), in the
 * tool's own name, then the tool's synopsis (usage prints it) and where to
 * find more.  Returns EXIT_USAGE for main to return.
 */
int usage_error(char *const argv[], int ch, void (*usage)(FILE *));

/* Prints the shared part of --help. */
void common_usage(FILE *fp);
/* Prints "TOOL (salesperf) VERSION", the copyright line and the licence. */
void common_version(const char *tool);

/*
 * Option value parsers that exit with status 2 naming the option:
 *   "--stale-days: cannot read "x" as a whole number"
 */
long opt_long(const char *opt, const char *arg, long min, long max);
/* A decimal with `scale` decimals, as decimal_parse; "%" suffix allowed. */
int64_t opt_decimal(const char *opt, const char *arg, int scale);
int32_t opt_date(const char *opt, const char *arg);
/*
 * A comma-separated list of words from names[0..n): returns a mask with
 * bit i set for names[i] ("--by team,total").  Another word exits with
 * status 2, listing the words allowed.
 */
unsigned opt_words(const char *opt, const char *arg,
    const char *const *names, size_t n);

/*
 * A "Name=Value,Name=Value" option (per-stage limits, probabilities,
 * categories).  A bare value without "Name=" sets the default (name NULL).
 * Returns the count and a malloc'd array; exits with status 2 on a
 * malformed list.  kv_free frees it.
 */
struct kv {
	char *name;	/* NULL for the default entry */
	char *value;
};
size_t kvlist_parse(const char *opt, const char *arg, struct kv **out);
void kv_free(struct kv *kv, size_t n);

/*
 * Ends the run: flushes and closes stdout, turning a write error (a full
 * disk) into a message and status EXIT_BADROWS.  Returns the status to
 * exit with, given the status so far.
 */
int finish_stdout(int status);

#endif
