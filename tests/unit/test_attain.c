/*
 * attain: the figures of a goal window as of a day, the status thresholds,
 * ranks, medians and roll-ups.
 *
 * Most tests use the week 2027-02-01 (Monday) to 2027-02-07 (Sunday): five
 * business days.  Amounts are cents.
 */
#include <stdio.h>
#include <string.h>

#include "attain.h"
#include "date.h"
#include "unit.h"

static struct calendar cal;

static void
setup(void)
{
	cal_init(&cal);
}

static void
teardown(void)
{
	cal_free(&cal);
}

static int32_t
day(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

static struct period
window(int32_t start, int32_t end)
{
	struct period p;

	memset(&p, 0, sizeof(p));
	p.start = start;
	p.end = end;
	strcpy(p.label, "test");
	return p;
}

/* The figures of goal, actual and pipeline in the test week. */
static struct attain_figs
week(int64_t goal, int64_t actual, int64_t pipeline, int32_t as_of)
{
	struct attain_sums s = { true, goal, actual, pipeline };
	struct period w = window(day(2027, 2, 1), day(2027, 2, 7));
	struct attain_figs f;

	attain_figures(&s, &w, as_of, &cal, &f);
	return f;
}

START_TEST(inside_the_window)
{
	/* Wednesday: three business days gone, two left. */
	struct attain_figs f = week(100000, 30000, 50000, day(2027, 2, 3));

	ck_assert_int_eq(f.busdays, 5);
	ck_assert_int_eq(f.elapsed, 3);
	ck_assert_int_eq(f.left, 2);
	ck_assert(f.has_attainment);
	ck_assert_int_eq(f.attainment, 300);
	ck_assert_int_eq(f.expected, 60000);
	ck_assert_int_eq(f.pace, 500);
	ck_assert_int_eq(f.projected, 50000);
	ck_assert_int_eq(f.gap, 70000);
	ck_assert_int_eq(f.needed, 35000);
	ck_assert_int_eq(f.coverage, 71);
	ck_assert_int_eq(f.status, ST_AT_RISK);
}
END_TEST

START_TEST(before_the_window_nothing_is_expected)
{
	struct attain_figs f = week(100000, 0, 0, day(2027, 1, 29));

	ck_assert_int_eq(f.elapsed, 0);
	ck_assert_int_eq(f.left, 5);
	ck_assert(f.has_expected);
	ck_assert_int_eq(f.expected, 0);
	ck_assert(!f.has_pace);
	ck_assert(!f.has_projected);
	ck_assert_int_eq(f.needed, 20000);
	ck_assert_int_eq(f.status, ST_ON_TRACK);
}
END_TEST

START_TEST(first_day_counts_as_elapsed)
{
	struct attain_figs f = week(100000, 0, 0, day(2027, 2, 1));

	ck_assert_int_eq(f.elapsed, 1);
	ck_assert_int_eq(f.expected, 20000);
	ck_assert_int_eq(f.pace, 0);
}
END_TEST

START_TEST(after_the_window_the_whole_goal_is_expected)
{
	struct attain_figs f = week(100000, 30000, 90000, day(2027, 2, 10));

	ck_assert_int_eq(f.elapsed, 5);
	ck_assert_int_eq(f.left, 0);
	ck_assert_int_eq(f.expected, 100000);
	ck_assert_int_eq(f.pace, 300);
	ck_assert_int_eq(f.projected, 30000);
	ck_assert(!f.has_needed);
	/* Over and not met: at-risk whatever the pipeline. */
	ck_assert_int_eq(f.status, ST_AT_RISK);
}
END_TEST

START_TEST(last_day_leaves_no_business_day)
{
	struct attain_figs f = week(100000, 30000, 0, day(2027, 2, 7));

	ck_assert_int_eq(f.elapsed, 5);
	ck_assert_int_eq(f.left, 0);
	ck_assert_int_eq(f.projected, 30000);
}
END_TEST

START_TEST(weekend_as_of_counts_the_week_so_far)
{
	/* Saturday: the five business days are gone, the window is not. */
	struct attain_figs f = week(100000, 100000, 0, day(2027, 2, 6));

	ck_assert_int_eq(f.elapsed, 5);
	ck_assert_int_eq(f.left, 0);
	ck_assert_int_eq(f.projected, 100000);
	ck_assert_int_eq(f.status, ST_MET);
}
END_TEST

START_TEST(holidays_are_not_business_days)
{
	struct attain_figs f;

	cal_add(&cal, day(2027, 2, 3));
	f = week(100000, 0, 0, day(2027, 2, 3));
	ck_assert_int_eq(f.busdays, 4);
	ck_assert_int_eq(f.elapsed, 2);
	ck_assert_int_eq(f.left, 2);
	ck_assert_int_eq(f.expected, 50000);
	ck_assert_int_eq(f.needed, 50000);
}
END_TEST

START_TEST(window_without_business_days)
{
	struct attain_sums s = { true, 100000, 0, 0 };
	struct period w = window(day(2027, 2, 6), day(2027, 2, 7));
	struct attain_figs f;

	attain_figures(&s, &w, day(2027, 2, 5), &cal, &f);
	ck_assert_int_eq(f.busdays, 0);
	ck_assert_int_eq(f.expected, 0);
	ck_assert(!f.has_pace);
	ck_assert(!f.has_projected);
	ck_assert(!f.has_needed);
	ck_assert_int_eq(f.status, ST_ON_TRACK);

	attain_figures(&s, &w, day(2027, 2, 8), &cal, &f);
	ck_assert_int_eq(f.expected, 100000);
	ck_assert_int_eq(f.pace, 0);
	ck_assert_int_eq(f.projected, 0);
	ck_assert_int_eq(f.status, ST_AT_RISK);
}
END_TEST

START_TEST(zero_goal_is_met_without_ratios)
{
	struct attain_figs f = week(0, 0, 5000, day(2027, 2, 3));

	ck_assert(!f.has_attainment);
	ck_assert(f.has_expected);
	ck_assert_int_eq(f.expected, 0);
	ck_assert(!f.has_pace);
	ck_assert_int_eq(f.gap, 0);
	ck_assert(f.has_needed);
	ck_assert_int_eq(f.needed, 0);
	ck_assert(!f.has_coverage);
	ck_assert_int_eq(f.status, ST_MET);
}
END_TEST

START_TEST(no_goal_has_only_actual_figures)
{
	struct attain_sums s = { false, 0, 30000, 1000 };
	struct period w = window(day(2027, 2, 1), day(2027, 2, 7));
	struct attain_figs f;

	attain_figures(&s, &w, day(2027, 2, 3), &cal, &f);
	ck_assert(!f.has_attainment && !f.has_expected && !f.has_pace);
	ck_assert(!f.has_gap && !f.has_needed && !f.has_coverage);
	ck_assert(f.has_projected);
	ck_assert_int_eq(f.projected, 50000);
	ck_assert_int_eq(f.status, ST_NO_GOAL);
}
END_TEST

START_TEST(expected_rounds_half_away_from_zero)
{
	/* One cent over two business days, as of the first: half a cent. */
	struct attain_sums s = { true, 1, 0, 0 };
	struct period w = window(day(2027, 2, 1), day(2027, 2, 2));
	struct attain_figs f;

	attain_figures(&s, &w, day(2027, 2, 1), &cal, &f);
	ck_assert_int_eq(f.expected, 1);
}
END_TEST

/* Two weeks (ten business days), as of the fifth: half the goal due. */
static enum attain_status
status_at(int64_t actual, int64_t pipeline)
{
	struct attain_sums s = { true, 100000, actual, pipeline };
	struct period w = window(day(2027, 2, 1), day(2027, 2, 14));
	struct attain_figs f;

	attain_figures(&s, &w, day(2027, 2, 5), &cal, &f);
	return f.status;
}

START_TEST(status_thresholds)
{
	ck_assert_int_eq(status_at(100000, 0), ST_MET);
	ck_assert_int_eq(status_at(55000, 0), ST_AHEAD);	/* 110.0 */
	ck_assert_int_eq(status_at(54950, 0), ST_ON_TRACK);	/* 109.9 */
	ck_assert_int_eq(status_at(45000, 0), ST_ON_TRACK);	/* 90.0 */
	/* 89.9% of pace; the gap is 550.50. */
	ck_assert_int_eq(status_at(44950, 55050), ST_BEHIND);	/* 1.00 */
	ck_assert_int_eq(status_at(44950, 54775), ST_BEHIND);	/* 0.995 */
	ck_assert_int_eq(status_at(44950, 54774), ST_AT_RISK);	/* 0.99 */
	ck_assert_int_eq(status_at(0, 0), ST_AT_RISK);
}
END_TEST

START_TEST(status_names)
{
	ck_assert_str_eq(attain_status_name(ST_ON_TRACK), "on-track");
	ck_assert_str_eq(attain_status_name(ST_AT_RISK), "at-risk");
	ck_assert_str_eq(attain_status_name(ST_NO_GOAL), "no-goal");
}
END_TEST

/* A credit against a goal near the int64 limit: no gap to print. */
START_TEST(gap_beyond_int64_is_left_empty)
{
	struct attain_figs f = week(INT64_MAX, -500, 100, day(2027, 2, 3));

	ck_assert(!f.has_gap);
	ck_assert(!f.has_needed);
	ck_assert(!f.has_coverage);
	ck_assert(f.has_attainment);
	ck_assert_int_eq(f.attainment, 0);
}
END_TEST

START_TEST(median_odd_and_even)
{
	int64_t odd[] = { 1000, 500, 875 }, even[] = { 1000, 500 };
	int64_t half[] = { 2, 1 }, one[] = { 42 };

	ck_assert_int_eq(attain_median(odd, 3), 875);
	ck_assert_int_eq(attain_median(even, 2), 750);
	ck_assert_int_eq(attain_median(half, 2), 2);
	ck_assert_int_eq(attain_median(one, 1), 42);
}
END_TEST

/* --- reports built from a goals text and a few deals ---------------- */

static struct goalfile gf;
static struct actuals act;
static struct attain_report rep;

static void
load_goals(const char *text)
{
	struct goal_opts go;
	FILE *fp = fmemopen((void *)text, strlen(text), "r");

	memset(&go, 0, sizeof(go));
	go.fiscal_start = 1;
	goalfile_init(&gf);
	goalfile_read(&gf, fp, "goals.csv", &go);
	fclose(fp);
	memset(&rep, 0, sizeof(rep));
	rep.nwin = attain_windows(&gf, &rep.wins);
	actuals_init(&act, rep.wins, rep.nwin, day(2027, 2, 15));
	attain_report_free(&rep);
}

static void
won(const char *who, const char *team, int64_t cents, int32_t on)
{
	struct text r = { who, strlen(who) }, t = { team, strlen(team) };

	ck_assert_int_eq(actuals_add(&act, r, t, STAGE_WON, on, cents), 0);
}

static void
build(bool by_team, bool by_total)
{
	struct attain_opts o;

	memset(&o, 0, sizeof(o));
	o.as_of = day(2027, 2, 15);
	o.cal = &cal;
	o.by_team = by_team;
	o.by_total = by_total;
	attain_build(&rep, &gf, &act, &o);
}

static void
done(void)
{
	attain_report_free(&rep);
	actuals_free(&act);
	goalfile_free(&gf);
}

START_TEST(goal_without_actuals_has_actual_zero)
{
	load_goals("rep,period,goal\nAnn,2027-Q1,1000\n");
	build(false, false);
	ck_assert_int_eq(rep.n, 1);
	ck_assert(rep.rows[0].sums.has_goal);
	ck_assert_int_eq(rep.rows[0].sums.actual, 0);
	done();
}
END_TEST

START_TEST(rep_with_actuals_but_no_goal_gets_a_row)
{
	load_goals("rep,period,goal\nAnn,2027-Q1,1000\n");
	won("Zed", "", 500, day(2027, 1, 5));
	build(false, false);
	ck_assert_int_eq(rep.n, 2);
	ck_assert_str_eq(rep.rows[1].rep, "Zed");
	ck_assert(!rep.rows[1].sums.has_goal);
	ck_assert_int_eq(rep.rows[1].figs.status, ST_NO_GOAL);
	ck_assert_int_eq(rep.rows[1].rank, 0);
	done();
}
END_TEST

START_TEST(ranks_share_ties_and_skip)
{
	load_goals("rep,period,goal\nA,2027-Q1,100\nB,2027-Q1,100\n"
	    "C,2027-Q1,200\nD,2027-Q1,100\n");
	won("A", "", 9000, day(2027, 1, 5));
	won("B", "", 5000, day(2027, 1, 5));
	won("C", "", 10000, day(2027, 1, 5));
	won("D", "", 1000, day(2027, 1, 5));
	build(false, false);
	ck_assert_int_eq(rep.rows[0].rank, 1);	/* 90.0 */
	ck_assert_int_eq(rep.rows[1].rank, 2);	/* 50.0 */
	ck_assert_int_eq(rep.rows[2].rank, 2);	/* 50.0 */
	ck_assert_int_eq(rep.rows[3].rank, 4);	/* 10.0 */
	done();
}
END_TEST

START_TEST(ranks_are_per_window)
{
	load_goals("rep,period,goal\nA,2027-01,100\nA,2027-02,100\n");
	won("A", "", 100, day(2027, 1, 5));
	build(false, false);
	ck_assert_int_eq(rep.n, 2);
	ck_assert_int_eq(rep.rows[0].rank, 1);
	ck_assert_int_eq(rep.rows[1].rank, 1);
	ck_assert_str_eq(rep.rows[0].win->label, "2027-01");
	done();
}
END_TEST

START_TEST(rollups_add_up_to_the_cent)
{
	int64_t goal = 0, actual = 0, pipe = 0;
	size_t i;

	load_goals("rep,team,period,goal\nA,East,2027-Q1,1000.01\n"
	    "B,East,2027-Q1,333.33\nC,West,2027-Q1,0.01\n");
	won("A", "", 100001, day(2027, 1, 5));
	won("B", "", 111, day(2027, 1, 30));
	won("C", "", 7, day(2027, 2, 15));
	won("Z", "West", 99, day(2027, 2, 1));
	ck_assert_int_eq(actuals_add(&act, (struct text){ "B", 1 },
	    (struct text){ "", 0 }, STAGE_OPEN, day(2027, 3, 30), 4242), 0);
	build(true, true);
	/* A, B, C, Z; then East, West; then the total. */
	ck_assert_int_eq(rep.n, 7);
	for (i = 0; i < 4; i++) {
		if (rep.rows[i].sums.has_goal)
			goal += rep.rows[i].sums.goal;
		actual += rep.rows[i].sums.actual;
		pipe += rep.rows[i].sums.pipeline;
	}
	ck_assert_int_eq(rep.rows[4].level, LV_TEAM);
	ck_assert_str_eq(rep.rows[4].team, "East");
	ck_assert_int_eq(rep.rows[4].sums.goal, 133334);
	ck_assert_int_eq(rep.rows[4].sums.actual, 100001 + 111);
	ck_assert_str_eq(rep.rows[5].team, "West");
	ck_assert_int_eq(rep.rows[5].sums.goal, 1);
	ck_assert_int_eq(rep.rows[5].sums.actual, 7 + 99);
	ck_assert_int_eq(rep.rows[6].level, LV_TOTAL);
	ck_assert_int_eq(rep.rows[6].sums.goal, goal);
	ck_assert_int_eq(rep.rows[6].sums.actual, actual);
	ck_assert_int_eq(rep.rows[6].sums.pipeline, pipe);
	ck_assert_int_eq(rep.rows[6].sums.pipeline, 4242);
	ck_assert_int_eq(rep.rows[4].sums.goal + rep.rows[5].sums.goal, goal);
	done();
}
END_TEST

/* Sums beyond int64 are never printed wrong: the roll-up is left out. */
START_TEST(rollup_too_large_to_add_up_is_left_out)
{
	char err[512];

	load_goals("rep,team,period,goal\nA,T,2027-Q1,92233720368547758.07\n"
	    "B,T,2027-Q1,92233720368547758.07\nC,U,2027-Q1,1\n");
	capture_begin();
	build(true, true);
	capture_end(err, sizeof(err));
	/* A, B, C, then the roll-up of team U only. */
	ck_assert_int_eq(rep.n, 4);
	ck_assert_int_eq(rep.rows[3].level, LV_TEAM);
	ck_assert_str_eq(rep.rows[3].team, "U");
	ck_assert_ptr_nonnull(strstr(err, "2027-Q1: the team \"T\" roll-up "
	    "is left out: its sums are too large to add up"));
	ck_assert_ptr_nonnull(strstr(err, "the total roll-up is left out"));
	done();
}
END_TEST

START_TEST(rollup_counts_reps_at_goal_and_median)
{
	load_goals("rep,team,period,goal\nA,T,2027-Q1,100\nB,T,2027-Q1,100\n"
	    "C,T,2027-Q1,100\nD,T,2027-Q1,0\n");
	won("A", "", 10000, day(2027, 1, 5));	/* 100.0 */
	won("B", "", 5000, day(2027, 1, 5));	/* 50.0 */
	won("C", "", 7500, day(2027, 1, 5));	/* 75.0 */
	build(false, true);
	ck_assert_int_eq(rep.n, 5);
	/* D's zero goal has no attainment and does not count as at goal. */
	ck_assert_int_eq(rep.rows[4].reps_at_goal, 1);
	ck_assert(rep.rows[4].has_median);
	ck_assert_int_eq(rep.rows[4].median, 750);
	ck_assert_int_eq(rep.rows[4].figs.attainment, 750);
	done();
}
END_TEST

START_TEST(windows_are_distinct_and_ordered)
{
	load_goals("rep,period,goal\nA,2027-02,1\nA,2027-01,1\nB,2027-02,1\n"
	    "B,2027-01-01..2027-01-31,1\n");
	build(false, false);
	ck_assert_int_eq(rep.nwin, 2);
	/* The window keeps the label of its first goal in the file. */
	ck_assert_str_eq(rep.wins[0].label, "2027-01");
	ck_assert_str_eq(rep.wins[1].label, "2027-02");
	ck_assert_str_eq(rep.rows[0].rep, "A");
	ck_assert_str_eq(rep.rows[1].rep, "B");
	ck_assert_str_eq(rep.rows[2].rep, "A");
	done();
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("attain");
	TCase *fig = tcase_create("figures"), *rpt = tcase_create("report");

	tcase_add_checked_fixture(fig, setup, teardown);
	ADD(fig, inside_the_window);
	ADD(fig, before_the_window_nothing_is_expected);
	ADD(fig, first_day_counts_as_elapsed);
	ADD(fig, after_the_window_the_whole_goal_is_expected);
	ADD(fig, last_day_leaves_no_business_day);
	ADD(fig, weekend_as_of_counts_the_week_so_far);
	ADD(fig, holidays_are_not_business_days);
	ADD(fig, window_without_business_days);
	ADD(fig, zero_goal_is_met_without_ratios);
	ADD(fig, no_goal_has_only_actual_figures);
	ADD(fig, expected_rounds_half_away_from_zero);
	ADD(fig, status_thresholds);
	ADD(fig, status_names);
	ADD(fig, gap_beyond_int64_is_left_empty);
	ADD(fig, median_odd_and_even);
	suite_add_tcase(s, fig);

	tcase_add_checked_fixture(rpt, setup, teardown);
	ADD(rpt, goal_without_actuals_has_actual_zero);
	ADD(rpt, rep_with_actuals_but_no_goal_gets_a_row);
	ADD(rpt, ranks_share_ties_and_skip);
	ADD(rpt, ranks_are_per_window);
	ADD(rpt, rollups_add_up_to_the_cent);
	ADD(rpt, rollup_too_large_to_add_up_is_left_out);
	ADD(rpt, rollup_counts_reps_at_goal_and_median);
	ADD(rpt, windows_are_distinct_and_ordered);
	suite_add_tcase(s, rpt);
	return s;
}

UNIT_MAIN
