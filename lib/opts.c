/*
 * opts: the options shared by all four tools, and checked parsers for
 * option values.  A bad value is a usage error (status 2) that names the
 * option and repeats the value.
 */
#include <err.h>
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csvio.h"
#include "date.h"
#include "diag.h"
#include "money.h"
#include "opts.h"
#include "xalloc.h"

void
common_init(struct common_opts *c)
{
	/*
	 * -o table measures text in the terminal's cells (wcwidth), which
	 * needs the user's character type; numbers, dates and words stay
	 * the C locale's, since nothing else is taken from the environment.
	 */
	setlocale(LC_CTYPE, "");
	memset(c, 0, sizeof(*c));
	c->delim = ',';
	c->out.format = OUT_CSV;
	c->as_of = DATE_NONE;
	c->fiscal_start = 1;
	stage_rules_default(&c->stages);
	cal_init(&c->cal);
	currency_init(&c->currency);
}

void
common_free(struct common_opts *c)
{
	stage_rules_free(&c->stages);
	cal_free(&c->cal);
	currency_free(&c->currency);
}

long
opt_long(const char *opt, const char *arg, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || v < min || v > max)
		errx(EXIT_USAGE, "%s: cannot read \"%s\" as a whole number "
		    "from %ld to %ld", opt, arg, min, max);
	return v;
}

int64_t
opt_decimal(const char *opt, const char *arg, int scale)
{
	size_t len = strlen(arg);
	int64_t v;

	if (len > 0 && arg[len - 1] == '%')
		len--;
	if (decimal_parse(arg, len, scale, &v) != MONEY_OK)
		errx(EXIT_USAGE, "%s: cannot read \"%s\" as a number", opt,
		    arg);
	return v;
}

int32_t
opt_date(const char *opt, const char *arg)
{
	int32_t day;

	if (date_parse(arg, strlen(arg), NULL, &day) != DATE_OK)
		errx(EXIT_USAGE, "%s: cannot read \"%s\" as a date "
		    "(YYYY-MM-DD)", opt, arg);
	return day;
}

unsigned
opt_words(const char *opt, const char *arg, const char *const *names,
    size_t n)
{
	struct kv *kv;
	size_t k = kvlist_parse(opt, arg, &kv), i, j;
	unsigned mask = 0;
	char allowed[256] = "";

	for (i = 0; i < k; i++) {
		for (j = 0; j < n; j++)
			if (kv[i].name == NULL && strcmp(kv[i].value,
			    names[j]) == 0)
				break;
		if (j == n) {
			for (j = 0; j < n; j++)
				snprintf(allowed + strlen(allowed),
				    sizeof(allowed) - strlen(allowed), "%s%s",
				    j == 0 ? "" : j + 1 == n ? " or " : ", ",
				    names[j]);
			errx(EXIT_USAGE, "%s: expected %s, not \"%s\"", opt,
			    allowed, kv[i].name ? arg : kv[i].value);
		}
		mask |= 1u << j;
	}
	kv_free(kv, k);
	return mask;
}

/*
 * --fiscal-start takes a month number or an English month name, whole or
 * in three letters, in any case: "march" and "Mar", not "marzipan".
 */
static int
opt_month(const char *opt, const char *arg)
{
	static const char *const names[] = { "january", "february", "march",
	    "april", "may", "june", "july", "august", "september", "october",
	    "november", "december" };
	int m;

	for (m = 0; m < 12; m++)
		if (strcasecmp(arg, names[m]) == 0 ||
		    (strlen(arg) == 3 && strncasecmp(arg, names[m], 3) == 0))
			return m + 1;
	if (strspn(arg, "0123456789") != strlen(arg) || *arg == '\0')
		errx(EXIT_USAGE, "%s: cannot read \"%s\" as a month (1 to 12, "
		    "or a name such as mar or march)", opt, arg);
	return (int)opt_long(opt, arg, 1, 12);
}

int
common_option(struct common_opts *c, int ch, const char *arg)
{
	const char *why;

	switch (ch) {
	case 'd':
		if ((c->delim = csv_delim_parse(arg)) < 0)
			errx(EXIT_USAGE, "-d: cannot use \"%s\" as a delimiter "
			    "(one character, tab, semicolon, pipe or auto)",
			    arg);
		break;
	case 'o':
		if (out_format_parse(arg, &c->out.format) != 0)
			errx(EXIT_USAGE, "-o: unknown output format \"%s\" "
			    "(csv, tsv, table, markdown, html, ndjson)", arg);
		break;
	case OPT_FIELDS:
		c->out.view.fields = arg;
		break;
	case OPT_SORT:
		view_sort_parse(&c->out.view, arg);
		break;
	case OPT_TOP:
		c->out.view.top = (size_t)opt_long("--top", arg, 1, LONG_MAX);
		break;
	case OPT_MAX_WIDTH:
		c->out.max_width = (size_t)opt_long("--max-width", arg, 3,
		    100000);
		break;
	case OPT_COL:
		if (colspec_add(&c->cols, arg) != 0)
			exit(EXIT_USAGE);
		break;
	case OPT_DECIMAL_COMMA:
		c->decimal_comma = true;
		c->out.view.decimal_comma = true;
		break;
	case OPT_DATE_FORMAT:
		if ((why = date_format_check(arg)) != NULL)
			errx(EXIT_USAGE, "--date-format: cannot use \"%s\": %s",
			    arg, why);
		c->date_format = arg;
		break;
	case OPT_WON:
	case OPT_LOST:
		if (stage_rules_set(&c->stages, ch == OPT_WON ? STAGE_WON :
		    STAGE_LOST, arg) != 0)
			errx(EXIT_USAGE, "--%s: expected a comma-separated "
			    "list of stage names", ch == OPT_WON ? "won" :
			    "lost");
		break;
	case OPT_AS_OF:
		c->as_of = opt_date("--as-of", arg);
		break;
	case OPT_PERIOD:
		c->period_arg = arg;
		break;
	case OPT_FISCAL_START:
		c->fiscal_start = opt_month("--fiscal-start", arg);
		break;
	case OPT_HOLIDAYS:
		c->holidays_path = arg;
		break;
	case OPT_RATES:
		c->rates_path = arg;
		break;
	case OPT_STRICT:
		c->strict = true;
		diag_set_strict(true);
		break;
	default:
		return 0;
	}
	return 1;
}

static void
load_holidays(struct common_opts *c)
{
	FILE *fp = fopen(c->holidays_path, "r");
	int rc;

	if (fp == NULL)
		err(EXIT_USAGE, "--holidays: %s", c->holidays_path);
	rc = cal_load(&c->cal, fp, c->holidays_path);
	fclose(fp);
	if (rc != 0)
		exit(EXIT_USAGE);
}

void
common_finish(struct common_opts *c)
{
	const char *why = NULL;
	char d[DATE_BUFSZ];
	struct period fy;

	if (c->as_of == DATE_NONE)
		c->as_of = date_today();
	/* Every fiscal period of the run must have a name: not FY10000. */
	if (period_resolve("this-year", c->fiscal_start, c->as_of, &fy,
	    &why) != 0) {
		date_format(c->as_of, d);
		errx(EXIT_USAGE, "--as-of: %s is in a fiscal year that does "
		    "not lie within the years 1 to 9999 (--fiscal-start %d)",
		    d, c->fiscal_start);
	}
	if (c->period_arg != NULL) {
		if (period_resolve(c->period_arg, c->fiscal_start, c->as_of,
		    &c->period, &why) != 0)
			errx(EXIT_USAGE, "--period: cannot read \"%s\" as a "
			    "period: %s", c->period_arg, why);
		c->has_period = true;
	}
	if (c->holidays_path != NULL)
		load_holidays(c);
	if (c->rates_path != NULL &&
	    currency_load_rates(&c->currency, c->rates_path) != 0)
		errx(EXIT_USAGE, "--rates: cannot use %s", c->rates_path);
}

int
usage_error(char *const argv[], int ch, void (*usage)(FILE *))
{
	const char *arg = optind > 0 ? argv[optind - 1] : "";
	const char *name = strrchr(argv[0], '/');

	if (ch == ':')
		warnx("%s: needs a value", arg);
	else if (optopt != 0 && optopt < 256)
		warnx("-%c: unknown option", optopt);
	else
		warnx("%s: unknown option", arg);
	usage(stderr);
	fprintf(stderr, "Run '%s --help' for the options.\n",
	    name != NULL ? name + 1 : argv[0]);
	return EXIT_USAGE;
}

void
common_usage(FILE *fp)
{
	fputs(
"Input:\n"
"  -d, --delimiter C     field delimiter: one character, tab, semicolon,\n"
"                        pipe, or auto to sniff it (default: comma)\n"
"      --col FIELD=HEADER  read FIELD from column HEADER (or #N); repeatable\n"
"      --decimal-comma   amounts are written 1.234,50\n"
"      --date-format FMT read dates with this strptime(3) format\n"
"      --won LIST        stages or statuses meaning won (Closed Won,Won)\n"
"      --lost LIST       stages or statuses meaning lost (Closed Lost,Lost)\n"
"      --rates FILE      convert currencies by the rates in FILE\n"
"      --strict          stop at the first bad row\n"
"Time:\n"
"      --as-of DATE      the day the report is for (default: today)\n"
"      --period P        2027-Q1, 2027-03, 2027-W05, 2027, FY2027, A..B,\n"
"                        this-quarter, last-month, next-week, ...\n"
"      --fiscal-start M  first month of the fiscal year (default: 1)\n"
"      --holidays FILE   days that are not business days, one a line\n"
"Output:\n"
"  -o, --output FORMAT   csv, tsv, table, markdown, html or ndjson\n"
"                        (default: csv)\n"
"      --fields LIST     write these columns, in this order (names, #N)\n"
"      --sort FIELD      order the rows by FIELD; -FIELD: descending\n"
"      --top N           write the first N rows only\n"
"      --max-width N     -o table: cut text wider than N cells\n"
"  -h, --help            print this help and exit\n"
"  -V, --version         print the version and exit\n", fp);
}

void
common_version(const char *tool)
{
	printf("%s (salesperf) %s\n%s\n"
	    "Free software under the ISC licence, without warranty.\n",
	    tool, SALESPERF_VERSION, SALESPERF_COPYRIGHT);
}


/* A copy of s[0..n) without surrounding spaces. */
static char *
trimmed(const char *s, size_t n)
{
	while (n > 0 && *s == ' ') {
		s++;
		n--;
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	return xstrndup(s, n);
}

size_t
kvlist_parse(const char *opt, const char *arg, struct kv **out)
{
	size_t n = 1, k = 0;
	const char *p, *q, *eq;
	struct kv *kv;

	for (p = arg; *p; p++)
		n += *p == ',';
	kv = xcalloc(n, sizeof(*kv));
	for (p = arg;; p = q + 1) {
		q = strchr(p, ',');
		if (q == NULL)
			q = p + strlen(p);
		eq = memchr(p, '=', (size_t)(q - p));
		if (eq != NULL) {
			kv[k].name = trimmed(p, (size_t)(eq - p));
			kv[k].value = trimmed(eq + 1, (size_t)(q - eq - 1));
		} else {
			kv[k].value = trimmed(p, (size_t)(q - p));
		}
		if (kv[k].value[0] == '\0' ||
		    (kv[k].name != NULL && kv[k].name[0] == '\0'))
			errx(EXIT_USAGE, "%s: cannot read \"%s\": expected "
			    "VALUE or NAME=VALUE,NAME=VALUE", opt, arg);
		k++;
		if (*q == '\0')
			break;
	}
	*out = kv;
	return k;
}

void
kv_free(struct kv *kv, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(kv[i].name);
		free(kv[i].value);
	}
	free(kv);
}

int
finish_stdout(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		warn("writing standard output");
		return EXIT_BADROWS;
	}
	if (fclose(stdout) != 0) {
		warn("closing standard output");
		return EXIT_BADROWS;
	}
	return status;
}
