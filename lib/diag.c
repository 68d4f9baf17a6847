/*
 * diag: messages about bad input and the count of rows read and rejected.
 * The counters are file-scope: a run reads its inputs in one process and
 * reports one summary.
 */
#include <err.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

static bool strict;
static long rows_read;
static long rows_rejected;

void
diag_set_strict(bool on)
{
	strict = on;
}

/* Length of the valid UTF-8 sequence of two to four bytes at s, or 0. */
static size_t
utf8_seq(const unsigned char *s, size_t n)
{
	size_t need = s[0] >= 0xc2 && s[0] <= 0xdf ? 2 :
	    s[0] >= 0xe0 && s[0] <= 0xef ? 3 : s[0] >= 0xf0 && s[0] <= 0xf4 ?
	    4 : 0;
	size_t k;

	if (need == 0 || n < need)
		return 0;
	for (k = 1; k < need; k++)
		if ((s[k] & 0xc0) != 0x80)
			return 0;
	/* No overlong forms, surrogates or code points past U+10FFFF. */
	if ((s[0] == 0xe0 && s[1] < 0xa0) || (s[0] == 0xed && s[1] > 0x9f) ||
	    (s[0] == 0xf0 && s[1] < 0x90) || (s[0] == 0xf4 && s[1] > 0x8f))
		return 0;
	return need;
}

const char *
diag_quote(const char *value, size_t len, char *buf, size_t bufsz)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *u = (const unsigned char *)value;
	size_t o = 0, i, n;

	if (bufsz == 0)
		return buf;
	for (i = 0; i < len; i++) {
		unsigned char c = u[i];

		/* Leave room for the longest escape, "..." and the NUL. */
		if (o + 8 >= bufsz || o >= 60) {
			memcpy(buf + o, "...", 3);
			o += 3;
			break;
		}
		if (c == '"' || c == '\\') {
			buf[o++] = '\\';
			buf[o++] = (char)c;
		} else if (c >= 0x20 && c < 0x7f) {
			buf[o++] = (char)c;
		} else if (c >= 0x80 && (n = utf8_seq(u + i, len - i)) > 0 &&
		    o + n + 8 < bufsz) {
			/* UTF-8 passes through; a terminal shows it as text. */
			memcpy(buf + o, u + i, n);
			o += n;
			i += n - 1;
		} else {
			/* Control bytes, and bytes that are not UTF-8. */
			buf[o++] = '\\';
			buf[o++] = 'x';
			buf[o++] = hex[c >> 4];
			buf[o++] = hex[c & 15];
		}
	}
	buf[o] = '\0';
	return buf;
}

void
diag_value(const char *file, long line, const char *field, const char *value,
    size_t len, const char *what)
{
	char q[96];

	warnx("%s:%ld: field \"%s\": cannot read \"%s\" as %s", file, line,
	    field, diag_quote(value, len, q, sizeof(q)), what);
}

void
diag_at(const char *file, long line, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	warnx("%s:%ld: %s", file, line, msg);
}

void
diag_count_row(void)
{
	rows_read++;
}

void
diag_reject(void)
{
	rows_rejected++;
	if (strict) {
		warnx("stopped at the first bad row (--strict)");
		fflush(stdout);
		exit(EXIT_BADROWS);
	}
}

long
diag_rows(void)
{
	return rows_read;
}

long
diag_rejected(void)
{
	return rows_rejected;
}

int
diag_finish(void)
{
	if (rows_rejected == 0)
		return EXIT_OK;
	warnx("%ld of %ld rows rejected", rows_rejected, rows_read);
	return EXIT_BADROWS;
}

void
diag_reset(void)
{
	rows_read = 0;
	rows_rejected = 0;
	strict = false;
}
