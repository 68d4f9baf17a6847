/*
 * clauses: "; "-joined sentences with a small formatter of their own.
 */
#include <assert.h>
#include <stdarg.h>
#include <stdbool.h>
#include <string.h>

#include "clauses.h"

void
clauses_init(struct clauses *c, char *buf, size_t size)
{
	c->buf = buf;
	c->len = 0;
	c->size = size;
	buf[0] = '\0';
}

static void
put(struct clauses *c, const char *s, size_t n)
{
	if (n > c->size - 1 - c->len)
		n = c->size - 1 - c->len;
	memcpy(c->buf + c->len, s, n);
	c->len += n;
}

static void
put_unsigned(struct clauses *c, unsigned long long u, bool negative)
{
	char b[24], *p = b + sizeof(b);

	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u > 0);
	if (negative)
		*--p = '-';
	put(c, p, (size_t)(b + sizeof(b) - p));
}

static void
put_signed(struct clauses *c, long long v)
{
	put_unsigned(c, v < 0 ? -(unsigned long long)v :
	    (unsigned long long)v, v < 0);
}

void
clauses_add(struct clauses *c, const char *fmt, ...)
{
	va_list ap;
	const char *s;
	int prec;

	if (c->len > 0)
		put(c, "; ", 2);
	va_start(ap, fmt);
	for (; *fmt != '\0'; fmt++) {
		if (*fmt != '%') {
			s = strchr(fmt, '%');
			if (s == NULL)
				s = fmt + strlen(fmt);
			put(c, fmt, (size_t)(s - fmt));
			fmt = s - 1;
		} else if (strncmp(fmt, "%s", 2) == 0) {
			s = va_arg(ap, const char *);
			put(c, s, strlen(s));
			fmt++;
		} else if (strncmp(fmt, "%d", 2) == 0) {
			put_signed(c, va_arg(ap, int));
			fmt++;
		} else if (strncmp(fmt, "%zu", 3) == 0) {
			put_unsigned(c, va_arg(ap, size_t), false);
			fmt += 2;
		} else if (strncmp(fmt, "%lld", 4) == 0) {
			put_signed(c, va_arg(ap, long long));
			fmt += 3;
		} else if (strncmp(fmt, "%.*s", 4) == 0) {
			prec = va_arg(ap, int);
			s = va_arg(ap, const char *);
			put(c, s, (size_t)prec);
			fmt += 3;
		} else {
			assert(fmt[1] == '%');
			put(c, "%", 1);
			fmt++;
		}
	}
	va_end(ap);
	c->buf[c->len] = '\0';
}
