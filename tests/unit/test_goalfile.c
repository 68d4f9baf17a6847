/*
 * goalfile: the forms of window a goals file may use, bad rows, and the
 * selections attain and forecast make.
 */
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "goalfile.h"
#include "unit.h"

static struct goalfile gf;
static struct goal_opts go;
static struct colspec cols;

static void
setup(void)
{
	diag_reset();
	goalfile_init(&gf);
	memset(&go, 0, sizeof(go));
	memset(&cols, 0, sizeof(cols));
	go.cols = &cols;
	go.fiscal_start = 1;
}

static void
teardown(void)
{
	goalfile_free(&gf);
}

static void
read_text(const char *text)
{
	FILE *fp = fmemopen((void *)text, strlen(text), "r");

	goalfile_read(&gf, fp, "goals.csv", &go);
	fclose(fp);
}

static int32_t
day(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

START_TEST(goal_set_output_uses_start_and_end)
{
	read_text("rep,team,metric,period,start,end,goal,share_pct,note\n"
	    "Ann,East,revenue,2027-W05,2027-02-01,2027-02-05,1234.56,5.0,x\n");
	ck_assert_int_eq(gf.n, 1);
	ck_assert_str_eq(gf.v[0].rep, "Ann");
	ck_assert_str_eq(gf.v[0].team, "East");
	ck_assert_str_eq(gf.v[0].metric, "revenue");
	ck_assert_str_eq(gf.v[0].win.label, "2027-W05");
	ck_assert_int_eq(gf.v[0].win.start, day(2027, 2, 1));
	ck_assert_int_eq(gf.v[0].win.end, day(2027, 2, 5));
	ck_assert_int_eq(gf.v[0].goal, 123456);
	ck_assert_int_eq(gf.v[0].line, 2);
	ck_assert(gf.has_team && gf.has_metric);
}
END_TEST

START_TEST(period_label_gives_the_window)
{
	read_text("Rep,Quota,Period\n Ann ,\"$1,000\",2027-Q1\n");
	ck_assert_int_eq(gf.n, 1);
	ck_assert_str_eq(gf.v[0].rep, "Ann");
	ck_assert_str_eq(gf.v[0].team, "");
	ck_assert_int_eq(gf.v[0].goal, 100000);
	ck_assert_int_eq(gf.v[0].win.start, day(2027, 1, 1));
	ck_assert_int_eq(gf.v[0].win.end, day(2027, 3, 31));
	ck_assert(!gf.has_team && !gf.has_metric);
}
END_TEST

START_TEST(start_and_end_without_period_label_the_range)
{
	read_text("rep,goal,start,end\nAnn,5,2027-01-10,2027-01-20\n");
	ck_assert_int_eq(gf.n, 1);
	ck_assert_str_eq(gf.v[0].win.label, "2027-01-10..2027-01-20");
}
END_TEST

START_TEST(rows_may_mix_period_and_dates)
{
	read_text("rep,goal,period,start,end\nA,1,2027-03,,\n"
	    "B,1,,2027-03-01,2027-03-15\n");
	ck_assert_int_eq(gf.n, 2);
	ck_assert_int_eq(gf.v[0].win.end, day(2027, 3, 31));
	ck_assert_int_eq(gf.v[1].win.end, day(2027, 3, 15));
}
END_TEST

START_TEST(start_without_end_column_is_a_month)
{
	/* Salesforce's Quota.csv: a start date per monthly quota. */
	cols.header[F_REP] = "OwnerName__c";
	cols.header[F_START] = "StartDate__c";
	cols.header[F_GOAL] = "QuotaAmount__c";
	read_text("External_Id__c,OwnerName__c,StartDate__c,QuotaAmount__c\n"
	    "W_Quota.1,Jeffrey Thomas,2016-02-01,300000\n"
	    "W_Quota.2,Jeffrey Thomas,2016-01-31,1\n");
	ck_assert_int_eq(gf.n, 2);
	ck_assert_str_eq(gf.v[0].rep, "Jeffrey Thomas");
	ck_assert_str_eq(gf.v[0].win.label, "2016-02");
	ck_assert_int_eq(gf.v[0].win.end, day(2016, 2, 29));
	/* No February 31st: through the end of February. */
	ck_assert_int_eq(gf.v[1].win.end, day(2016, 2, 29));
	ck_assert_str_eq(gf.v[1].win.label, "2016-01-31..2016-02-29");
}
END_TEST

START_TEST(file_without_window_takes_the_fallback)
{
	struct period p;
	const char *why;

	ck_assert_int_eq(period_parse("2027-Q2", 1, &p, &why), 0);
	go.fallback = &p;
	read_text("rep,goal\nAnn,10\n");
	ck_assert_int_eq(gf.n, 1);
	ck_assert_str_eq(gf.v[0].win.label, "2027-Q2");
}
END_TEST

START_TEST(file_without_window_or_fallback_exits_2)
{
	read_text("rep,goal\nAnn,10\n");
}
END_TEST

START_TEST(file_without_goal_column_exits_2)
{
	read_text("rep,period\nAnn,2027-Q1\n");
}
END_TEST

START_TEST(bad_rows_are_rejected_and_the_rest_kept)
{
	read_text("rep,goal,period,start,end\n"
	    "A,12x,2027-Q1,,\n"		/* not money */
	    "B,-5,2027-Q1,,\n"		/* negative */
	    "C,5,2027-Q5,,\n"		/* no such quarter */
	    "D,5,,2027-02-10,2027-02-01\n"	/* end before start */
	    "E,5,,2027-02-30,2027-03-01\n"	/* no such date */
	    "F,5,,,\n"			/* no window */
	    "G,,2027-Q1,,\n"		/* empty goal */
	    "H,5,2027-Q1,,\n");
	ck_assert_int_eq(gf.n, 1);
	ck_assert_str_eq(gf.v[0].rep, "H");
	ck_assert_int_eq(diag_rejected(), 7);
	ck_assert_int_eq(diag_rows(), 8);
}
END_TEST

START_TEST(second_goal_for_same_rep_and_window_is_rejected)
{
	read_text("rep,goal,period,metric\nA,1,2027-Q1,revenue\n"
	    "A,2,2027-Q1,meetings\nA,3,2027-01-01..2027-03-31,revenue\n"
	    "A,4,2027-Q2,revenue\n");
	ck_assert_int_eq(gf.n, 3);
	ck_assert_int_eq(gf.v[0].goal, 100);
	ck_assert_int_eq(gf.v[2].goal, 400);
	ck_assert_int_eq(diag_rejected(), 1);
}
END_TEST

START_TEST(whole_units_for_counts)
{
	go.whole = true;
	read_text("rep,goal,period\nA,12,2027-Q1\nB,2.5,2027-Q1\n");
	ck_assert_int_eq(gf.n, 1);
	ck_assert_int_eq(gf.v[0].goal, 1200);
	ck_assert_int_eq(diag_rejected(), 1);
}
END_TEST

START_TEST(keep_overlapping_windows)
{
	struct period p;
	const char *why;

	read_text("rep,goal,period\nA,1,2026-12\nA,1,2027-01\nA,1,2027-Q1\n"
	    "A,1,2027\nA,1,2027-04\n");
	ck_assert_int_eq(period_parse("2027-02", 1, &p, &why), 0);
	ck_assert_int_eq(goalfile_keep_overlapping(&gf, &p), 2);
	ck_assert_str_eq(gf.v[0].win.label, "2027-Q1");
	ck_assert_str_eq(gf.v[1].win.label, "2027");
}
END_TEST

START_TEST(metrics_and_keep_metric)
{
	const char **m;
	size_t n;

	read_text("rep,goal,period,metric\nA,1,2027-Q1,revenue\n"
	    "A,1,2027-Q1,meetings\nB,1,2027-Q1,revenue\n");
	n = goalfile_metrics(&gf, &m);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(m[0], "revenue");
	ck_assert_str_eq(m[1], "meetings");
	free(m);
	ck_assert_int_eq(goalfile_keep_metric(&gf, "meetings"), 1);
	ck_assert_str_eq(gf.v[0].rep, "A");
}
END_TEST

START_TEST(delimiter_is_sniffed)
{
	go.decimal_comma = true;
	read_text("rep;goal;period\nA;1,50;2027-Q1\n");
	ck_assert_int_eq(gf.n, 1);
	ck_assert_int_eq(gf.v[0].goal, 150);
}
END_TEST

START_TEST(missing_file_exits_2)
{
	goalfile_load(&gf, "/nonexistent/goals.csv", &go);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("goalfile");
	TCase *tc = tcase_create("goalfile");

	tcase_add_checked_fixture(tc, setup, teardown);
	ADD(tc, goal_set_output_uses_start_and_end);
	ADD(tc, period_label_gives_the_window);
	ADD(tc, start_and_end_without_period_label_the_range);
	ADD(tc, rows_may_mix_period_and_dates);
	ADD(tc, start_without_end_column_is_a_month);
	ADD(tc, file_without_window_takes_the_fallback);
	tcase_add_exit_test(tc, file_without_window_or_fallback_exits_2, 2);
	tcase_add_exit_test(tc, file_without_goal_column_exits_2, 2);
	ADD(tc, bad_rows_are_rejected_and_the_rest_kept);
	ADD(tc, second_goal_for_same_rep_and_window_is_rejected);
	ADD(tc, whole_units_for_counts);
	ADD(tc, keep_overlapping_windows);
	ADD(tc, metrics_and_keep_metric);
	ADD(tc, delimiter_is_sniffed);
	tcase_add_exit_test(tc, missing_file_exits_2, 2);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
