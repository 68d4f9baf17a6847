/*
 * fuzz: the exit trap, the quiet err(3) family and small helpers shared
 * by the fuzz targets (see fuzz.h).
 */
#include <err.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "columns.h"
#include "fuzz.h"

static jmp_buf fuzz_jmp;
static volatile int fuzz_armed;
static volatile int fuzz_exit_status;

static char logbuf[1 << 16];
static size_t loglen;
static bool keep_log;
static int verbose = -1;

void __real_exit(int status) __attribute__((noreturn));
void __wrap_exit(int status) __attribute__((noreturn));

void
__wrap_exit(int status)
{
	if (fuzz_armed) {
		fuzz_armed = 0;
		fuzz_exit_status = status;
		longjmp(fuzz_jmp, 1);
	}
	__real_exit(status);
}

int
fuzz_run(void (*fn)(void *), void *arg)
{
	if (setjmp(fuzz_jmp) != 0)
		return fuzz_exit_status;
	fuzz_armed = 1;
	fn(arg);
	fuzz_armed = 0;
	return -1;
}

static void
say(const char *fmt, va_list ap, const char *reason)
{
	char msg[4096];
	int n;

	n = vsnprintf(msg, sizeof(msg), fmt != NULL ? fmt : "", ap);
	if (n < 0)
		abort();
	if (verbose < 0)
		verbose = getenv("FUZZ_VERBOSE") != NULL;
	if (verbose)
		fprintf(stderr, "[lib] %s%s%s\n", msg, reason ? ": " : "",
		    reason ? reason : "");
	if (keep_log) {
		size_t len = strlen(msg);

		if (loglen + len + 1 < sizeof(logbuf)) {
			memcpy(logbuf + loglen, msg, len);
			loglen += len;
			logbuf[loglen++] = '\n';
		}
	}
}

void
vwarnx(const char *fmt, va_list ap)
{
	say(fmt, ap, NULL);
}

void
vwarn(const char *fmt, va_list ap)
{
	say(fmt, ap, "(errno)");
}

void
warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
}

void
warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

void
verrx(int status, const char *fmt, va_list ap)
{
	vwarnx(fmt, ap);
	exit(status);
}

void
verr(int status, const char *fmt, va_list ap)
{
	vwarn(fmt, ap);
	exit(status);
}

void
errx(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verrx(status, fmt, ap);
	va_end(ap);
}

void
err(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verr(status, fmt, ap);
	va_end(ap);
}

const char *
fuzz_log(size_t *len)
{
	*len = loglen;
	return logbuf;
}

void
fuzz_log_reset(void)
{
	loglen = 0;
}

void
fuzz_log_keep(bool on)
{
	keep_log = on;
}

FILE *
fuzz_memfile(const uint8_t *data, size_t size)
{
	/* fmemopen refuses a size of 0; an empty file will do instead. */
	FILE *fp = size > 0 ? fmemopen((void *)data, size, "rb") :
	    fopen("/dev/null", "rb");

	if (fp == NULL)
		abort();
	return fp;
}

uint8_t
fuzz_byte(const uint8_t **data, size_t *size)
{
	uint8_t b;

	if (*size == 0)
		return 0;
	b = **data;
	(*data)++;
	(*size)--;
	return b;
}

void
fuzz_split(const uint8_t *data, size_t size, const uint8_t **a, size_t *alen,
    const uint8_t **b, size_t *blen)
{
	static const char sep[] = "\n--\n";
	size_t i;

	for (i = 0; i + 4 <= size; i++)
		if (memcmp(data + i, sep, 4) == 0) {
			*a = data;
			*alen = i + 1;		/* keep the line end */
			*b = data + i + 4;
			*blen = size - i - 4;
			return;
		}
	*a = data;
	*alen = size;
	*b = data + size;
	*blen = 0;
}

bool
fuzz_peek_header(const uint8_t *data, size_t size, int delim,
    bool (*ok)(const struct colmap *m))
{
	struct colspec spec;
	struct colmap m;
	const struct csv_row *hdr;
	struct csv_reader *r;
	FILE *fp;
	bool good = false;

	/* UTF-16 is refused with an exit; nothing else to see there. */
	if (size >= 2 && ((data[0] == 0xff && data[1] == 0xfe) ||
	    (data[0] == 0xfe && data[1] == 0xff)))
		return false;
	memset(&spec, 0, sizeof(spec));
	fp = fuzz_memfile(data, size);
	r = csvr_open(fp, "peek", delim);
	if (csvr_header(r, &hdr) == 0) {
		colmap_resolve(&m, hdr, &spec, "peek");
		good = ok(&m);
	}
	csvr_close(r);
	fclose(fp);
	return good;
}
