/*
 * rawparse: the benchmark's ceiling.  Runs a file (or stdin) through
 * libcsv with the options the tools use -- strict quoting, no trimming
 * of spaces -- and callbacks that only count, then prints the counts:
 *
 *	rawparse [FILE]
 *	1000001 rows
 *	17000017 fields
 *
 * Nothing is decoded, stored or written per field, so no tool reading
 * the same bytes through libcsv can be faster than this.
 */
#include <err.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#define CHUNK	(1u << 20)

struct counts {
	uintmax_t rows, fields;
};

static void
on_field(void *s, size_t len, void *data)
{
	(void)s;
	(void)len;
	((struct counts *)data)->fields++;
}

static void
on_row(int term, void *data)
{
	(void)term;
	((struct counts *)data)->rows++;
}

/* Spaces are data: nothing is trimmed from unquoted fields. */
static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

int
main(int argc, char *argv[])
{
	struct csv_parser p;
	struct counts n = { 0, 0 };
	const char *name = "stdin";
	FILE *fp = stdin;
	char *buf;
	size_t len;

	if (argc > 2) {
		fprintf(stderr, "usage: rawparse [FILE]\n");
		return 2;
	}
	if (argc == 2 && strcmp(argv[1], "-") != 0) {
		name = argv[1];
		if ((fp = fopen(name, "rb")) == NULL)
			err(2, "%s", name);
	}
	if ((buf = malloc(CHUNK)) == NULL)
		err(1, NULL);
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		errx(1, "csv_init failed");
	csv_set_space_func(&p, no_space);

	while ((len = fread(buf, 1, CHUNK, fp)) > 0) {
		if (csv_parse(&p, buf, len, on_field, on_row, &n) != len)
			errx(1, "%s: after row %ju: %s", name, n.rows,
			    csv_strerror(csv_error(&p)));
	}
	if (ferror(fp))
		err(1, "%s", name);
	if (csv_fini(&p, on_field, on_row, &n) != 0)
		errx(1, "%s: at end of input: %s", name,
		    csv_strerror(csv_error(&p)));
	csv_free(&p);
	free(buf);
	if (fp != stdin)
		fclose(fp);

	printf("%ju rows\n%ju fields\n", n.rows, n.fields);
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0)
		err(1, "stdout");
	return 0;
}
