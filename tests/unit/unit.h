/*
 * unit.h: the main() every Check suite shares.  A test file defines
 * `static Suite *suite(void)` and ends with UNIT_MAIN.
 */
#ifndef SALESPERF_UNIT_H
#define SALESPERF_UNIT_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define UNIT_MAIN							\
	int main(void)							\
	{								\
		SRunner *sr = srunner_create(suite());			\
		srunner_run_all(sr, CK_NORMAL);				\
		int failed = srunner_ntests_failed(sr);			\
		srunner_free(sr);					\
		return failed ? EXIT_FAILURE : EXIT_SUCCESS;		\
	}

/* Adds test function fn to tcase tc under its own name. */
#define ADD(tc, fn) tcase_add_test((tc), fn)

/*
 * Captures what the code under test writes to stderr, so a test can check
 * the words of a message: capture_begin(), run, capture_end(buf, size).
 */
static int unit_saved_stderr = -1;
static FILE *unit_capture;

static inline void
capture_begin(void)
{
	fflush(stderr);
	unit_capture = tmpfile();
	ck_assert_ptr_nonnull(unit_capture);
	unit_saved_stderr = dup(STDERR_FILENO);
	dup2(fileno(unit_capture), STDERR_FILENO);
}

static inline const char *
capture_end(char *buf, size_t size)
{
	size_t n;

	fflush(stderr);
	dup2(unit_saved_stderr, STDERR_FILENO);
	close(unit_saved_stderr);
	rewind(unit_capture);
	n = fread(buf, 1, size - 1, unit_capture);
	buf[n] = '\0';
	fclose(unit_capture);
	return buf;
}

/* A read-only stream over a string, for feeding readers. */
static inline FILE *
string_stream(const char *s)
{
	FILE *fp = fmemopen((void *)s, strlen(s), "r");

	ck_assert_ptr_nonnull(fp);
	return fp;
}

#endif
