/*
 * unit.h: the main() every Check suite shares.  A test file defines
 * `static Suite *suite(void)` and ends with UNIT_MAIN.
 */
#ifndef SALESPERF_UNIT_H
#define SALESPERF_UNIT_H

#include <check.h>
#include <stdlib.h>

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

#endif
