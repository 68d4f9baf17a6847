/*
 * actuals: which rows count in which window, and reading exports and
 * activity rows into the sums.
 *
 * Windows: January 2027 (0), February 2027 (1) and 2027-Q1 (2), which
 * holds the other two.  As of 2027-02-15.
 */
#include <stdio.h>
#include <string.h>

#include "actuals.h"
#include "csvio.h"
#include "date.h"
#include "diag.h"
#include "unit.h"

static struct actuals act;
static struct common_opts opt;

static int32_t
day(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

static void
setup(void)
{
	struct period w[3];
	const char *why;

	diag_reset();
	ck_assert_int_eq(period_parse("2027-01", 1, &w[0], &why), 0);
	ck_assert_int_eq(period_parse("2027-02", 1, &w[1], &why), 0);
	ck_assert_int_eq(period_parse("2027-Q1", 1, &w[2], &why), 0);
	actuals_init(&act, w, 3, day(2027, 2, 15));
	common_init(&opt);
}

static void
teardown(void)
{
	actuals_free(&act);
	common_free(&opt);
}

static struct text
T(const char *s)
{
	return (struct text){ s, strlen(s) };
}

static void
add(const char *rep, enum stage_class cls, int32_t on, int64_t qty)
{
	ck_assert_int_eq(actuals_add(&act, T(rep), T(""), cls, on, qty), 0);
}

static const struct rep_sums *
find(const char *rep)
{
	const struct rep_sums *rs = actuals_find(&act, rep, strlen(rep));

	ck_assert_ptr_nonnull(rs);
	return rs;
}

START_TEST(won_rows_count_on_the_first_and_last_day)
{
	add("Ann", STAGE_WON, day(2026, 12, 31), 1);
	add("Ann", STAGE_WON, day(2027, 1, 1), 10);
	add("Ann", STAGE_WON, day(2027, 1, 31), 100);
	add("Ann", STAGE_WON, day(2027, 2, 1), 1000);
	ck_assert_int_eq(find("Ann")->won[0], 110);
	ck_assert_int_eq(find("Ann")->won[1], 1000);
	ck_assert_int_eq(find("Ann")->won[2], 1110);
	ck_assert_int_eq(find("Ann")->nwon[0], 2);
}
END_TEST

START_TEST(won_after_as_of_does_not_count)
{
	add("Ann", STAGE_WON, day(2027, 2, 15), 10);
	add("Ann", STAGE_WON, day(2027, 2, 16), 100);
	ck_assert_int_eq(find("Ann")->won[1], 10);
	ck_assert_int_eq(find("Ann")->open[1], 0);
}
END_TEST

START_TEST(open_rows_are_pipeline_by_close_date)
{
	add("Ann", STAGE_OPEN, day(2027, 1, 20), 10);
	add("Ann", STAGE_OPEN, day(2027, 3, 31), 100);
	add("Ann", STAGE_OPEN, day(2027, 4, 1), 1000);
	ck_assert_int_eq(find("Ann")->open[0], 10);
	ck_assert_int_eq(find("Ann")->open[1], 0);
	ck_assert_int_eq(find("Ann")->open[2], 110);
	ck_assert_int_eq(find("Ann")->won[2], 0);
	ck_assert_int_eq(find("Ann")->nwon[2], 0);
}
END_TEST

START_TEST(lost_and_undated_rows_count_nowhere)
{
	add("Ann", STAGE_LOST, day(2027, 1, 20), 10);
	add("Ann", STAGE_WON, DATE_NONE, 10);
	ck_assert_ptr_null(actuals_find(&act, "Ann", 3));
	ck_assert_int_eq(act.reps.n, 0);
}
END_TEST

START_TEST(rep_names_are_trimmed)
{
	add(" Ann\t", STAGE_WON, day(2027, 1, 2), 5);
	add("Ann", STAGE_WON, day(2027, 1, 3), 7);
	ck_assert_int_eq(act.reps.n, 1);
	ck_assert_int_eq(find(" Ann ")->won[0], 12);
	ck_assert_ptr_null(actuals_find(&act, "ann", 3));
}
END_TEST

START_TEST(team_is_the_first_one_seen)
{
	actuals_add(&act, T("Ann"), T(""), STAGE_WON, day(2027, 1, 2), 1);
	actuals_add(&act, T("Ann"), T("East"), STAGE_WON, day(2027, 1, 2), 1);
	actuals_add(&act, T("Ann"), T("West"), STAGE_WON, day(2027, 1, 2), 1);
	ck_assert_str_eq(find("Ann")->team, "East");
}
END_TEST

START_TEST(overflow_is_refused)
{
	add("Ann", STAGE_WON, day(2027, 1, 2), INT64_MAX - 5);
	ck_assert_int_eq(actuals_add(&act, T("Ann"), T(""), STAGE_WON,
	    day(2027, 1, 3), 10), -1);
	ck_assert_int_eq(find("Ann")->won[0], INT64_MAX - 5);
}
END_TEST

START_TEST(reps_come_sorted)
{
	const struct rep_sums **v;
	size_t n;

	add("Cy", STAGE_WON, day(2027, 1, 2), 1);
	add("Ann", STAGE_OPEN, day(2027, 1, 2), 1);
	add("Bob", STAGE_WON, day(2027, 1, 2), 1);
	n = actuals_reps(&act, &v);
	ck_assert_int_eq(n, 3);
	ck_assert_str_eq(v[0]->rep, "Ann");
	ck_assert_str_eq(v[2]->rep, "Cy");
	free(v);
}
END_TEST

/* Reads CSV text into act the way attain does. */
static void
read_csv(const char *text, bool count)
{
	FILE *fp = fmemopen((void *)text, strlen(text), "r");
	struct csv_reader *r = csvr_open(fp, "in.csv", ',');
	const struct csv_row *hdr, *row;
	struct actuals_reader rd;
	int rc;

	ck_assert_int_eq(csvr_header(r, &hdr), 0);
	actuals_reader_init(&rd, hdr, "in.csv", &opt, count);
	while ((rc = csvr_next(r, &row)) != 0)
		if (rc == 1)
			actuals_read(&act, &rd, row);
	csvr_close(r);
	fclose(fp);
}

START_TEST(export_rows_by_stage)
{
	read_csv("Owner,Amount,Stage,Close Date,Created Date\n"
	    "Ann,$100.50,Closed Won,2027-01-05,not a date\n"
	    "Ann,200,Closed Lost,2027-01-05,\n"
	    "Ann,300,Negotiation,2027-02-20,\n"
	    "Ann,,Won,2027-01-06,\n"
	    "Bob,12x,Won,2027-01-06,\n", false);
	/* The created date is not read, so its bad value rejects nothing. */
	ck_assert_int_eq(find("Ann")->won[0], 10050);
	ck_assert_int_eq(find("Ann")->nwon[0], 2);
	ck_assert_int_eq(find("Ann")->open[1], 30000);
	ck_assert_int_eq(act.no_amount, 1);
	ck_assert_ptr_null(actuals_find(&act, "Bob", 3));
	ck_assert_int_eq(diag_rejected(), 1);
}
END_TEST

START_TEST(export_rows_counted)
{
	read_csv("Owner,Stage,Close Date\nAnn,Won,2027-01-05\n"
	    "Ann,Won,2027-01-06\nAnn,Open,2027-01-06\n", true);
	ck_assert_int_eq(find("Ann")->won[0], 200);
	ck_assert_int_eq(find("Ann")->open[0], 100);
}
END_TEST

START_TEST(status_column_decides_won)
{
	read_csv("Deal - Owner,Deal - Value,Deal - Stage,Deal - Status,"
	    "Deal - Won time\nAnn,50,Negotiation,Won,2027-01-05 10:00:00\n",
	    false);
	ck_assert_int_eq(find("Ann")->won[0], 5000);
}
END_TEST

START_TEST(activity_rows_are_won_on_their_date)
{
	read_csv("rep,date,count\nAnn,2027-01-05,3\nAnn,2027-01-06,\n"
	    "Ann,2027-02-16,5\nAnn,2027-01-07,1.5\n", true);
	ck_assert_int_eq(find("Ann")->won[0], 400);
	ck_assert_int_eq(find("Ann")->won[1], 0);
	ck_assert_int_eq(diag_rejected(), 1);
}
END_TEST

START_TEST(activity_rows_without_count_column_count_one)
{
	read_csv("rep,date\nAnn,2027-01-05\nAnn,1/6/2027\n", true);
	ck_assert_int_eq(find("Ann")->won[0], 200);
}
END_TEST

START_TEST(activity_rows_with_amounts)
{
	read_csv("rep,date,amount\nAnn,2027-01-05,10\nAnn,2027-01-06,2.5\n",
	    false);
	ck_assert_int_eq(find("Ann")->won[0], 1250);
}
END_TEST

START_TEST(export_without_close_date_exits_2)
{
	read_csv("Owner,Amount,Stage\nAnn,1,Won\n", false);
}
END_TEST

START_TEST(export_without_amount_exits_2_unless_counting)
{
	read_csv("Owner,Stage,Close Date\nAnn,Won,2027-01-05\n", false);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("actuals");
	TCase *sums = tcase_create("sums"), *rd = tcase_create("reading");

	tcase_add_checked_fixture(sums, setup, teardown);
	ADD(sums, won_rows_count_on_the_first_and_last_day);
	ADD(sums, won_after_as_of_does_not_count);
	ADD(sums, open_rows_are_pipeline_by_close_date);
	ADD(sums, lost_and_undated_rows_count_nowhere);
	ADD(sums, rep_names_are_trimmed);
	ADD(sums, team_is_the_first_one_seen);
	ADD(sums, overflow_is_refused);
	ADD(sums, reps_come_sorted);
	suite_add_tcase(s, sums);

	tcase_add_checked_fixture(rd, setup, teardown);
	ADD(rd, export_rows_by_stage);
	ADD(rd, export_rows_counted);
	ADD(rd, status_column_decides_won);
	ADD(rd, activity_rows_are_won_on_their_date);
	ADD(rd, activity_rows_without_count_column_count_one);
	ADD(rd, activity_rows_with_amounts);
	tcase_add_exit_test(rd, export_without_close_date_exits_2, 2);
	tcase_add_exit_test(rd, export_without_amount_exits_2_unless_counting,
	    2);
	suite_add_tcase(s, rd);
	return s;
}

UNIT_MAIN
