/*
 * accuracy: the join of forecast history with what closed, and the error
 * statistics, checked against figures worked out by hand.
 *
 * Rep ann won 1000.00 in 2026-Q3 and 1250.00 in 2026-Q4; as-of is
 * 2027-01-15, so both quarters have ended and 2027-Q1 has not.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accuracy.h"
#include "date.h"
#include "diag.h"
#include "unit.h"

static struct acc_opts opt;
static struct accuracy a;

static void
setup(void)
{
	memset(&opt, 0, sizeof opt);
	opt.as_of = date_from_ymd(2027, 1, 15);
	opt.fiscal_start = 1;
	acc_init(&a, &opt);
}

static void
teardown(void)
{
	acc_free(&a);
}

static void
reopen(void)
{
	acc_free(&a);
	acc_init(&a, &opt);
}

static struct text
t(const char *s)
{
	return (struct text){ s, strlen(s) };
}

/* One history row: period, as_of, level, group, then the four figures. */
static int
history(const char *period, const char *as_of, const char *level,
    const char *group, const char *commit, const char *best,
    const char *weighted, const char *p50)
{
	struct text f[8] = { t(period), t(as_of), t(level), t(group),
	    t(commit), t(best), t(weighted), t(p50) };
	return acc_add_forecast(&a, "history.csv", 2, f);
}

static void
deal(const char *rep, const char *team, enum stage_class cls,
    int64_t cents, int y, int m, int d)
{
	struct deal x = { .rep = t(rep), .team = t(team), .cls = cls,
	    .has_amount = true, .amount = cents,
	    .close = date_from_ymd(y, m, d) };
	acc_add_deal(&a, &x);
}

/* Ann's wins, a loss and a win outside the history's periods. */
static void
actuals(void)
{
	deal("ann", "East", STAGE_WON, 100000, 2026, 8, 15);
	deal("ann", "East", STAGE_WON, 125000, 2026, 11, 30);
	deal("ann", "East", STAGE_LOST, 999900, 2026, 11, 30);
	deal("ann", "East", STAGE_WON, 777700, 2027, 1, 5);
}

/* acc_write's output as one string (freed by the caller). */
static char *
written(void)
{
	char *buf;
	size_t len;
	FILE *fp = open_memstream(&buf, &len);
	struct out *o = out_open(fp, OUT_CSV);

	acc_write(&a, o);
	out_close(o);
	fclose(fp);
	return buf;
}

static void
two_quarters(void)
{
	history("2026-Q3", "2026-07-06", "rep", "ann", "800.00", "1000.00",
	    "900.00", "950.00");
	history("2026-Q4", "2026-10-20", "rep", "ann", "1100.00", "1300.00",
	    "1250.00", "");
	actuals();
}

START_TEST(summary_per_group_and_column)
{
	two_quarters();
	char *s = written();
	/*
	 * commit: errors -200 and -150; ape 20.0 and 12.0, mape 16.0;
	 * wape = bias = 350 / 2250 = 15.6.  p50 has one forecast only.
	 */
	ck_assert_str_eq(s,
	    "level,group,column,period,as_of,periods,forecast,actual,error,"
	    "ape,mape,wape,bias_pct,band\n"
	    "rep,ann,commit,,,2,1900.00,2250.00,-350.00,,16.0,15.6,-15.6,"
	    "within 20%\n"
	    "rep,ann,best_case,,,2,2300.00,2250.00,50.00,,2.0,2.2,2.2,"
	    "within 5%\n"
	    "rep,ann,weighted,,,2,2150.00,2250.00,-100.00,,5.0,4.4,-4.4,"
	    "within 5%\n"
	    "rep,ann,p50,,,1,950.00,1000.00,-50.00,,5.0,5.0,-5.0,"
	    "within 5%\n");
	free(s);
}
END_TEST

START_TEST(detail_rows_come_before_their_summary)
{
	opt.detail = true;
	reopen();
	history("2026-Q4", "2026-10-20", "rep", "ann", "1100.00", "", "",
	    "");
	history("2026-Q3", "2026-07-06", "rep", "ann", "800.00", "", "", "");
	actuals();
	char *s = written();
	ck_assert_str_eq(s,
	    "level,group,column,period,as_of,periods,forecast,actual,error,"
	    "ape,mape,wape,bias_pct,band\n"
	    "rep,ann,commit,2026-Q3,2026-07-06,1,800.00,1000.00,-200.00,"
	    "20.0,20.0,20.0,-20.0,within 20%\n"
	    "rep,ann,commit,2026-Q4,2026-10-20,1,1100.00,1250.00,-150.00,"
	    "12.0,12.0,12.0,-12.0,within 15%\n"
	    "rep,ann,commit,,,2,1900.00,2250.00,-350.00,,16.0,15.6,-15.6,"
	    "within 20%\n");
	free(s);
}
END_TEST

START_TEST(actual_of_zero_has_no_percentages)
{
	history("2026-Q3", "2026-07-06", "rep", "bob", "500.00", "", "", "");
	actuals();
	char *s = written();
	ck_assert_str_eq(s,
	    "level,group,column,period,as_of,periods,forecast,actual,error,"
	    "ape,mape,wape,bias_pct,band\n"
	    "rep,bob,commit,,,1,500.00,0.00,500.00,,,,,\n");
	free(s);
}
END_TEST

START_TEST(periods_not_ended_are_left_out)
{
	history("2027-Q1", "2027-01-11", "rep", "ann", "500.00", "", "", "");
	history("2026-Q4", "2026-10-20", "rep", "ann", "1250.00", "", "",
	    "");
	actuals();
	ck_assert_int_eq(a.not_ended, 1);
	ck_assert_uint_eq(a.nrow, 1);
}
END_TEST

START_TEST(period_ending_on_as_of_has_ended)
{
	opt.as_of = date_from_ymd(2026, 12, 31);
	reopen();
	history("2026-Q4", "2026-10-20", "rep", "ann", "1250.00", "", "",
	    "");
	ck_assert_int_eq(a.not_ended, 0);
	ck_assert_uint_eq(a.nrow, 1);
}
END_TEST

START_TEST(weeks_count_from_the_period_start)
{
	struct period q3 = { date_from_ymd(2026, 7, 1),
	    date_from_ymd(2026, 9, 30), "2026-Q3" };
	ck_assert_int_eq(acc_week(&q3, date_from_ymd(2026, 6, 30)), 0);
	ck_assert_int_eq(acc_week(&q3, date_from_ymd(2026, 7, 1)), 1);
	ck_assert_int_eq(acc_week(&q3, date_from_ymd(2026, 7, 7)), 1);
	ck_assert_int_eq(acc_week(&q3, date_from_ymd(2026, 7, 8)), 2);
	ck_assert_int_eq(acc_week(&q3, date_from_ymd(2026, 9, 29)), 13);
}
END_TEST

START_TEST(by_week_summarises_each_week_then_all)
{
	opt.by_week = true;
	reopen();
	history("2026-Q3", "2026-07-06", "rep", "ann", "800.00", "", "", "");
	history("2026-Q3", "2026-07-08", "rep", "ann", "900.00", "", "", "");
	history("2026-Q4", "2026-10-02", "rep", "ann", "1000.00", "", "",
	    "");
	actuals();
	char *s = written();
	/*
	 * Week 1: Q3 800 (ape 20) and Q4 1000 (ape 20); week 2: Q3 900
	 * (ape 10); all: mape 50 / 3 = 16.7, wape 550 / 3250 = 16.9.
	 */
	ck_assert_str_eq(s,
	    "level,group,column,week,period,as_of,periods,forecast,actual,"
	    "error,ape,mape,wape,bias_pct,band\n"
	    "rep,ann,commit,1,,,2,1800.00,2250.00,-450.00,,20.0,20.0,-20.0,"
	    "within 20%\n"
	    "rep,ann,commit,2,,,1,900.00,1000.00,-100.00,,10.0,10.0,-10.0,"
	    "within 10%\n"
	    "rep,ann,commit,,,,3,2700.00,3250.00,-550.00,,16.7,16.9,-16.9,"
	    "within 20%\n");
	free(s);
}
END_TEST

START_TEST(team_and_total_actuals)
{
	history("2026-Q3", "2026-07-06", "team", "East", "1100.00", "", "",
	    "");
	history("2026-Q3", "2026-07-06", "total", "", "1100.00", "", "", "");
	actuals();
	deal("bob", "West", STAGE_WON, 10000, 2026, 9, 30);
	char *s = written();
	ck_assert_str_eq(s,
	    "level,group,column,period,as_of,periods,forecast,actual,error,"
	    "ape,mape,wape,bias_pct,band\n"
	    "team,East,commit,,,1,1100.00,1000.00,100.00,,10.0,10.0,10.0,"
	    "within 10%\n"
	    "total,,commit,,,1,1100.00,1100.00,0.00,,0.0,0.0,0.0,"
	    "within 5%\n");
	ck_assert(a.team_rows);
	free(s);
}
END_TEST

START_TEST(bands_are_inclusive_at_their_limit)
{
	/* wape exactly 5.0, 10.0 and just over 20. */
	history("2026-Q3", "2026-07-06", "rep", "ann", "1050.00", "", "", "");
	history("2026-Q3", "2026-07-06", "rep", "bo", "1100.00", "", "", "");
	history("2026-Q3", "2026-07-06", "rep", "cy", "1200.01", "", "", "");
	deal("ann", "", STAGE_WON, 100000, 2026, 8, 1);
	deal("bo", "", STAGE_WON, 100000, 2026, 8, 1);
	deal("cy", "", STAGE_WON, 100000, 2026, 8, 1);
	char *s = written();
	ck_assert_ptr_nonnull(strstr(s, ",5.0,5.0,within 5%\n"));
	ck_assert_ptr_nonnull(strstr(s, ",10.0,10.0,within 10%\n"));
	ck_assert_ptr_nonnull(strstr(s, ",20.0,20.0,beyond 20%\n"));
	free(s);
}
END_TEST

START_TEST(bad_history_values_are_reported)
{
	ck_assert_int_eq(history("2026-Q5", "2026-07-06", "rep", "ann",
	    "1", "", "", ""), -1);
	ck_assert_int_eq(history("2026-Q3", "someday", "rep", "ann",
	    "1", "", "", ""), -1);
	ck_assert_int_eq(history("2026-Q3", "2026-07-06", "region", "ann",
	    "1", "", "", ""), -1);
	ck_assert_int_eq(history("2026-Q3", "2026-07-06", "rep", "ann",
	    "12x", "", "", ""), -1);
	ck_assert_uint_eq(a.nrow, 0);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("accuracy");
	TCase *tc = tcase_create("statistics");

	tcase_add_checked_fixture(tc, setup, teardown);
	ADD(tc, summary_per_group_and_column);
	ADD(tc, detail_rows_come_before_their_summary);
	ADD(tc, actual_of_zero_has_no_percentages);
	ADD(tc, periods_not_ended_are_left_out);
	ADD(tc, period_ending_on_as_of_has_ended);
	ADD(tc, weeks_count_from_the_period_start);
	ADD(tc, by_week_summarises_each_week_then_all);
	ADD(tc, team_and_total_actuals);
	ADD(tc, bands_are_inclusive_at_their_limit);
	ADD(tc, bad_history_values_are_reported);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
