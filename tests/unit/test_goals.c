/*
 * goals: the allocation rules of goal-set(1), each pinned by a roster small
 * enough to check by hand.  Q1 2027 has 21 business days in January, 20 in
 * February and 23 in March (64 in all); 2027-01-01 is a Friday.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "date.h"
#include "goals.h"
#include "roster.h"
#include "unit.h"

#define D(y, m, d) date_from_ymd(y, m, d)
#define NONE (-1)

static const int64_t default_ramp[] = { 0, 2500, 5000, 7500, 10000 };

static struct roster r;
static struct calendar cal;
static struct goals_opts o;
static struct goal_plan p;

/* Adds a rep; basis in cents or NONE; hire DATE_NONE for a tenured rep. */
static struct roster_rep *
add(const char *name, int64_t basis, int32_t hire)
{
	struct roster_rep *rp;

	if (r.n == r.cap) {
		r.cap = r.cap ? 2 * r.cap : 8;
		r.rep = realloc(r.rep, r.cap * sizeof(*r.rep));
	}
	rp = &r.rep[r.n++];
	memset(rp, 0, sizeof(*rp));
	rp->name = strdup(name);
	rp->team = strdup("East");
	rp->role = strdup("");
	rp->hire = hire;
	rp->has_basis = basis != NONE;
	rp->basis = basis == NONE ? 0 : basis;
	rp->weight = WEIGHT_SCALE;
	rp->line = (long)r.n + 1;
	strmap_intern(&r.names, name, strlen(name), NULL);
	r.basis_col = true;
	return rp;
}

/* Q1 2027, even shares, the default ramp, cents, one row per rep. */
static void
setup(void)
{
	roster_init(&r);
	cal_init(&cal);
	memset(&o, 0, sizeof(o));
	o.method = METHOD_EVEN;
	o.blend = 5000;
	o.ramp = default_ramp;
	o.nramp = 5;
	o.period.start = D(2027, 1, 1);
	o.period.end = D(2027, 3, 31);
	strcpy(o.period.label, "2027-Q1");
	o.split = SPLIT_NONE;
	o.cal = &cal;
	o.quantum = 1;
	o.metric = "revenue";
	memset(&p, 0, sizeof(p));
}

static void
teardown(void)
{
	goals_free(&p);
	roster_free(&r);
	cal_free(&cal);
}

static int64_t
goal(size_t i)
{
	return p.rep[i].goal;
}

static int64_t
cell(size_t i, size_t c)
{
	return p.cell[i * p.nsub + c].goal;
}

/* The invariants every plan keeps, checked after every plan below. */
static void
check_sums(void)
{
	int64_t total = 0;
	size_t i, c;

	for (i = 0; i < p.nrep; i++) {
		int64_t rep = 0;

		ck_assert(goal(i) >= 0);
		for (c = 0; c < p.nsub; c++) {
			ck_assert(cell(i, c) >= 0);
			ck_assert_int_eq(cell(i, c) % o.quantum, 0);
			rep += cell(i, c);
		}
		ck_assert_int_eq(rep, goal(i));
		total += rep;
	}
	ck_assert_int_eq(total, p.allocated);
}

static enum goals_status
plan(void)
{
	enum goals_status st;

	goals_free(&p);
	st = goals_plan(&p, &r, &o);
	if (st == GOALS_OK)
		check_sums();
	return st;
}

/* Ramp and tenure. */

START_TEST(ramp_follows_the_list_by_tenure_month)
{
	ck_assert_int_eq(goals_ramp_at(&o, 1), 0);
	ck_assert_int_eq(goals_ramp_at(&o, 2), 2500);
	ck_assert_int_eq(goals_ramp_at(&o, 5), 10000);
}
END_TEST

START_TEST(last_ramp_value_holds_after_the_list)
{
	ck_assert_int_eq(goals_ramp_at(&o, 6), 10000);
	ck_assert_int_eq(goals_ramp_at(&o, 40), 10000);
}
END_TEST

START_TEST(tenure_month_one_is_the_month_of_the_hire_date)
{
	ck_assert_int_eq(goals_tenure_month(D(2027, 1, 31), D(2027, 1, 31)), 1);
	ck_assert_int_eq(goals_tenure_month(D(2027, 1, 31), D(2027, 2, 1)), 2);
	ck_assert_int_eq(goals_tenure_month(D(2026, 11, 15), D(2027, 1, 10)),
	    3);
}
END_TEST

START_TEST(business_days_before_hire_date_count_for_nothing)
{
	static const int64_t ramp[] = { 5000, 10000 };
	int64_t days, rd;

	o.ramp = ramp;
	o.nramp = 2;
	/* Hired Wednesday 2027-02-17: 8 business days left in February at
	 * 50%, then 23 in March at 100%. */
	rd = goals_ramp_days(&o, D(2027, 2, 17), D(2027, 2, 1), D(2027, 2, 28),
	    &days);
	ck_assert_int_eq(days, 8);
	ck_assert_int_eq(rd, 8 * 5000);
	rd = goals_ramp_days(&o, D(2027, 2, 17), D(2027, 2, 1), D(2027, 3, 31),
	    &days);
	ck_assert_int_eq(days, 31);
	ck_assert_int_eq(rd, 8 * 5000 + 23 * 10000);
}
END_TEST

START_TEST(holiday_is_not_a_business_day)
{
	int64_t days;

	cal_add(&cal, D(2027, 1, 18));
	goals_ramp_days(&o, DATE_NONE, D(2027, 1, 1), D(2027, 1, 31), &days);
	ck_assert_int_eq(days, 20);
}
END_TEST

/* Shares. */

START_TEST(even_split_gives_the_odd_cent_to_one_rep)
{
	add("Ann", NONE, DATE_NONE);
	add("Bob", NONE, DATE_NONE);
	add("Cy", NONE, DATE_NONE);
	o.total = 10000;
	ck_assert_int_eq(plan(), GOALS_OK);
	ck_assert_int_eq(goal(0), 3334);
	ck_assert_int_eq(goal(1), 3333);
	ck_assert_int_eq(goal(2), 3333);
}
END_TEST

START_TEST(basis_method_follows_history)
{
	add("Ann", 10000, DATE_NONE);
	add("Bob", 30000, DATE_NONE);
	o.method = METHOD_BASIS;
	o.total = 100000;
	ck_assert_int_eq(plan(), GOALS_OK);
	ck_assert_int_eq(goal(0), 25000);
	ck_assert_int_eq(goal(1), 75000);
	ck_assert_int_eq(p.rep[0].share_pct, 250);
}
END_TEST

START_TEST(blend_averages_history_and_even_shares)
{
	/* Ann: 0.5 × 25% + 0.5 × 50% = 37.5%; Bob 62.5%. */
	add("Ann", 10000, DATE_NONE);
	add("Bob", 30000, DATE_NONE);
	o.method = METHOD_BLEND;
	o.total = 100000;
	ck_assert_int_eq(plan(), GOALS_OK);
	ck_assert_int_eq(goal(0), 37500);
	ck_assert_int_eq(goal(1), 62500);
	ck_assert_int_eq(p.rep[0].hist_pct, 250);
	ck_assert_int_eq(p.rep[0].even_pct, 500);
}
END_TEST

START_TEST(blend_weight_shifts_toward_history)
{
	/* W = 0.8: Ann 0.8 × 25% + 0.2 × 50% = 30%. */
	add("Ann", 10000, DATE_NONE);
	add("Bob", 30000, DATE_NONE);
	o.method = METHOD_BLEND;
	o.blend = 8000;
	o.total = 100000;
	ck_assert_int_eq(plan(), GOALS_OK);
	ck_assert_int_eq(goal(0), 30000);
	ck_assert_int_eq(goal(1), 70000);
}
END_TEST

START_TEST(missing_basis_takes_the_median_of_the_others)
{
	add("Ann", 10000, DATE_NONE);
	add("Bob", 30000, DATE_NONE);
	add("Cy", NONE, DATE_NONE);
	add("Di", 20000, DATE_NONE);
	o.method = METHOD_BASIS;
	o.total = 80000;
	ck_assert_int_eq(plan(), GOALS_OK);
	ck_assert(p.rep[2].imputed);
	ck_assert_int_eq(p.rep[2].basis, 20000);
	ck_assert_int_eq(goal(2), 20000);
}
END_TEST

START_TEST(median_of_an_even_count_is_the_mean_of_the_middle_two)
{
	add("Ann", 10000, DATE_NONE);
	add("Bob", 20001, DATE_NONE);
	add("Cy", NONE, DATE_NONE);
	o.method = METHOD_BASIS;
	o.total = 100;
	ck_assert_int_eq(plan(), GOALS_OK);
	ck_assert_int_eq(p.rep[2].basis, 15001);
}
END_TEST

/* Found by fuzz_goalset: the mean of 0 and INT64_MAX overflowed. */
START_TEST(median_of_the_largest_basis_does_not_overflow)
{
	add("Ann", 0, DATE_NONE);
	add("Bob", INT64_MAX, DATE_NONE);
	add("Cy", NONE, DATE_NONE);
	o.method = METHOD_BASIS;
	o.total = 100;
	ck_assert_int_eq(plan(), GOALS_OK);
	ck_assert_int_eq(p.rep[2].basis, INT64_MAX / 2 + 1);
}
END_TEST

START_TEST(weight_column_multiplies_the_share)
{
	add("Ann", NONE, DATE_NONE);
	add("Bob", NONE, DATE_NONE)->weight = 2 * WEIGHT_SCALE;
	o.total = 30000;
	ck_assert_int_eq(plan(), GOALS_OK);
	ck_assert_int_eq(goal(0), 10000);
	ck_assert_int_eq(goal(1), 20000);
}
END_TEST

START_TEST(basis_method_needs_a_basis)
{
	add("Ann", NONE, DATE_NONE);
	r.basis_col = false;
	o.method = METHOD_BASIS;
	o.total = 100;
	ck_assert_int_eq(plan(), GOALS_NO_BASIS);
	ck_assert(strstr(p.why, "--basis") != NULL);
}
END_TEST

START_TEST(basis_adding_up_to_zero_cannot_share)
{
	add("Ann", 0, DATE_NONE);
	add("Bob", 0, DATE_NONE);
	o.method = METHOD_BASIS;
	o.total = 100;
	ck_assert_int_eq(plan(), GOALS_ZERO_BASIS);
}
END_TEST

/* Ramp in the allocation. */

START_TEST(ramping_rep_carries_less_and_others_more)
{
	/* Bob, hired in December, is in tenure months 2, 3, 4 in Q1: ramp
	 * 25%, 50%, 75% over 21, 20, 23 days = 3250 %-days against Ann's 6400.
	 * Ann 100000 × 6400 / 9650 = 66321.24, Bob 33678.76: Bob's remainder
	 * is larger, so he gets the odd cent. */
	add("Ann", NONE, DATE_NONE);
	add("Bob", NONE, D(2026, 12, 1));
	o.total = 100000;
	ck_assert_int_eq(plan(), GOALS_OK);
	ck_assert_int_eq(goal(0), 66321);
	ck_assert_int_eq(goal(1), 33679);
	ck_assert_int_eq(p.cell[1].ramp_pct, 508);	/* 3250 / 64 */
}
END_TEST

START_TEST(ramp_months_shape_the_monthly_split)
{
	/* Bob's 33679 over 525 : 1000 : 1725 = 5440.45, 10362.77, 17875.78;
	 * the two cents left go to March and February. */
	add("Ann", NONE, DATE_NONE);
	add("Bob", NONE, D(2026, 12, 1));
	o.total = 100000;
	o.split = SPLIT_MONTH;
	ck_assert_int_eq(plan(), GOALS_OK);
	ck_assert_int_eq(p.nsub, 3);
	ck_assert_int_eq(cell(1, 0), 5440);
	ck_assert_int_eq(cell(1, 1), 10363);
	ck_assert_int_eq(cell(1, 2), 17876);
	ck_assert_int_eq(p.cell[1 * 3 + 0].ramp_pct, 250);
	ck_assert_int_eq(p.cell[1 * 3 + 2].ramp_pct, 750);
}
END_TEST

START_TEST(mid_month_hire_is_prorated_by_business_day)
{
	static const int64_t ramp[] = { 5000, 10000 };

	/* Bob starts Wednesday 2027-02-17 at 50%: 8 × 50 = 400 %-days in
	 * February and 23 × 100 in March = 2700 against Ann's 6400. */
	add("Ann", NONE, DATE_NONE);
	add("Bob", NONE, D(2027, 2, 17));
	o.ramp = ramp;
	o.nramp = 2;
	o.total = 9100;
	o.split = SPLIT_MONTH;
	ck_assert_int_eq(plan(), GOALS_OK);
	ck_assert_int_eq(goal(0), 6400);
	ck_assert_int_eq(goal(1), 2700);
	ck_assert_int_eq(cell(1, 0), 0);
	ck_assert_int_eq(cell(1, 1), 400);
	ck_assert_int_eq(cell(1, 2), 2300);
	ck_assert_int_eq(p.cell[1 * 3 + 1].days, 8);
	ck_assert_int_eq(p.cell[1 * 3 + 1].ramp_pct, 200);	/* 400 / 20 */
}
END_TEST

START_TEST(rep_hired_after_the_period_gets_nothing)
{
	add("Ann", NONE, DATE_NONE);
	add("Bob", NONE, D(2027, 4, 5));
	o.total = 100000;
	ck_assert_int_eq(plan(), GOALS_OK);
	ck_assert_int_eq(goal(0), 100000);
	ck_assert_int_eq(goal(1), 0);
}
END_TEST

START_TEST(nobody_able_to_carry_a_goal_is_an_error)
{
	add("Bob", NONE, D(2027, 4, 5));
	o.total = 100000;
	ck_assert_int_eq(plan(), GOALS_NOBODY);
}
END_TEST

/* Caps, min and max. */

START_TEST(cap_excess_goes_to_uncapped_reps)
{
	/* 400 each; Ann and Bob capped at 100 + 20% = 120; Cy takes 960. */
	add("Ann", 10000, DATE_NONE);
	add("Bob", 10000, DATE_NONE);
	add("Cy", 100000, DATE_NONE);
	o.has_cap = true;
	o.cap = 2000;
	o.total = 120000;
	ck_assert_int_eq(plan(), GOALS_OK);
	ck_assert_int_eq(goal(0), 12000);
	ck_assert_int_eq(goal(1), 12000);
	ck_assert_int_eq(goal(2), 96000);
	ck_assert_int_eq(p.rep[0].bound, BOUND_CAP);
	ck_assert_int_eq(p.rep[2].shift, 96000 - 40000);
}
END_TEST

START_TEST(impossible_cap_reports_what_cannot_be_placed)
{
	/* Caps 120 + 120 + 1200 = 1440 of 1500: 60.00 cannot be placed. */
	add("Ann", 10000, DATE_NONE);
	add("Bob", 10000, DATE_NONE);
	add("Cy", 100000, DATE_NONE);
	o.has_cap = true;
	o.cap = 2000;
	o.total = 150000;
	ck_assert_int_eq(plan(), GOALS_CAP);
	ck_assert_int_eq(p.unplaced, 6000);
	ck_assert(strstr(p.why, "cannot place 60.00 of the total 1500.00") !=
	    NULL);
}
END_TEST

START_TEST(max_column_holds_a_rep_down)
{
	add("Ann", NONE, DATE_NONE)->has_max = true;
	r.rep[0].max = 10000;
	add("Bob", NONE, DATE_NONE);
	o.total = 100000;
	ck_assert_int_eq(plan(), GOALS_OK);
	ck_assert_int_eq(goal(0), 10000);
	ck_assert_int_eq(goal(1), 90000);
	ck_assert_int_eq(p.rep[0].bound, BOUND_MAX);
}
END_TEST

START_TEST(min_column_raises_a_rep_from_the_others)
{
	add("Ann", NONE, DATE_NONE);
	add("Bob", NONE, D(2027, 3, 1))->has_min = true;
	r.rep[1].min = 30000;
	o.total = 100000;
	ck_assert_int_eq(plan(), GOALS_OK);
	ck_assert_int_eq(goal(0), 70000);
	ck_assert_int_eq(goal(1), 30000);
	ck_assert_int_eq(p.rep[1].bound, BOUND_MIN);
}
END_TEST

START_TEST(min_above_the_total_is_an_error)
{
	add("Ann", NONE, DATE_NONE)->has_min = true;
	r.rep[0].min = 200000;
	o.total = 100000;
	ck_assert_int_eq(plan(), GOALS_MIN);
	ck_assert_int_eq(p.unplaced, -100000);
}
END_TEST

START_TEST(min_wins_over_a_lower_cap)
{
	add("Ann", 10000, DATE_NONE)->has_min = true;
	r.rep[0].min = 50000;
	add("Bob", 10000, DATE_NONE);
	o.has_cap = true;
	o.cap = 0;
	o.total = 60000;
	ck_assert_int_eq(plan(), GOALS_OK);
	ck_assert_int_eq(goal(0), 50000);
	ck_assert_int_eq(goal(1), 10000);
	ck_assert(p.rep[0].min_over_cap);
}
END_TEST

/* Rounding, over-assignment, splits. */

START_TEST(over_assignment_raises_the_sum)
{
	add("Ann", NONE, DATE_NONE);
	add("Bob", NONE, DATE_NONE);
	o.total = 100000;
	o.over = 1500;
	ck_assert_int_eq(plan(), GOALS_OK);
	ck_assert_int_eq(p.allocated, 115000);
	ck_assert_int_eq(goal(0), 57500);
}
END_TEST

START_TEST(odd_cents_spread_over_reps_and_months)
{
	/* 5 cents: Ann 3, Bob 2; Ann's 3 cents one a month. */
	add("Ann", NONE, DATE_NONE);
	add("Bob", NONE, DATE_NONE);
	o.total = 5;
	o.split = SPLIT_MONTH;
	ck_assert_int_eq(plan(), GOALS_OK);
	ck_assert_int_eq(goal(0), 3);
	ck_assert_int_eq(cell(0, 0), 1);
	ck_assert_int_eq(cell(0, 1), 1);
	ck_assert_int_eq(cell(0, 2), 1);
	/* Bob's 2 cents: March (23 days) and January (21) have the larger
	 * remainders of 2 × 21/64, 2 × 20/64, 2 × 23/64. */
	ck_assert_int_eq(cell(1, 0), 1);
	ck_assert_int_eq(cell(1, 1), 0);
	ck_assert_int_eq(cell(1, 2), 1);
}
END_TEST

START_TEST(round_makes_every_cell_a_multiple)
{
	add("Ann", NONE, DATE_NONE);
	add("Bob", NONE, DATE_NONE);
	add("Cy", NONE, DATE_NONE);
	o.total = 1000000;
	o.quantum = 100000;
	o.split = SPLIT_MONTH;
	ck_assert_int_eq(plan(), GOALS_OK);
	ck_assert_int_eq(goal(0), 400000);
	ck_assert_int_eq(goal(1), 300000);
	ck_assert_int_eq(goal(2), 300000);
}
END_TEST

START_TEST(round_rounds_the_total_to_the_nearest_multiple)
{
	add("Ann", NONE, DATE_NONE);
	o.total = 123456;
	o.quantum = 100000;
	ck_assert_int_eq(goals_allocated(&o), 100000);
	o.total = 150000;
	ck_assert_int_eq(goals_allocated(&o), 200000);
}
END_TEST

START_TEST(every_split_adds_up_exactly)
{
	static const enum split how[] = { SPLIT_NONE, SPLIT_MONTH, SPLIT_WEEK,
	    SPLIT_DAY };
	size_t k;

	add("Ann", 1234567, DATE_NONE);
	add("Bob", 7654321, D(2026, 12, 9));
	add("Cy", NONE, D(2027, 2, 3));
	add("Di", 99, D(2025, 1, 1))->weight = 15000;
	add("Ed", 500001, D(2027, 3, 31));
	o.method = METHOD_BLEND;
	o.blend = 3333;
	o.total = 987654321;
	o.over = 1234;
	cal_add(&cal, D(2027, 1, 18));
	for (k = 0; k < sizeof(how) / sizeof(how[0]); k++) {
		o.split = how[k];
		ck_assert_int_eq(plan(), GOALS_OK);
	}
	ck_assert_int_eq(p.nsub, 63);	/* business days less the holiday */
}
END_TEST

START_TEST(weeks_are_iso_weeks_clipped_to_the_period)
{
	add("Ann", NONE, DATE_NONE);
	o.total = 100;
	o.split = SPLIT_WEEK;
	ck_assert_int_eq(plan(), GOALS_OK);
	ck_assert_str_eq(p.sub[0].label, "2026-W53");
	ck_assert_int_eq(p.sub[0].start, D(2027, 1, 1));
	ck_assert_int_eq(p.days[0], 1);
}
END_TEST

START_TEST(seasonality_replaces_business_days)
{
	static const int64_t season[] = { 10000, 10000, 20000 };

	add("Ann", NONE, DATE_NONE);
	o.total = 100000;
	o.split = SPLIT_MONTH;
	o.season = season;
	o.nseason = 3;
	ck_assert_int_eq(plan(), GOALS_OK);
	ck_assert_int_eq(cell(0, 0), 25000);
	ck_assert_int_eq(cell(0, 1), 25000);
	ck_assert_int_eq(cell(0, 2), 50000);
}
END_TEST

START_TEST(seasonality_must_match_the_sub_periods)
{
	static const int64_t season[] = { 10000, 10000 };

	add("Ann", NONE, DATE_NONE);
	o.total = 100000;
	o.split = SPLIT_MONTH;
	o.season = season;
	o.nseason = 2;
	ck_assert_int_eq(plan(), GOALS_SEASON);
}
END_TEST

START_TEST(same_roster_gives_the_same_goals)
{
	int64_t first[3 * 14];
	size_t i;

	add("Ann", 333, DATE_NONE);
	add("Bob", 333, DATE_NONE);
	add("Cy", 334, D(2026, 12, 30));
	o.method = METHOD_BASIS;
	o.total = 100001;
	o.split = SPLIT_WEEK;
	ck_assert_int_eq(plan(), GOALS_OK);
	ck_assert_int_eq(p.nsub, 14);
	for (i = 0; i < 3 * 14; i++)
		first[i] = p.cell[i].goal;
	ck_assert_int_eq(plan(), GOALS_OK);
	for (i = 0; i < 3 * 14; i++)
		ck_assert_int_eq(p.cell[i].goal, first[i]);
}
END_TEST

/* Re-spreading with actuals. */

START_TEST(actuals_stay_and_the_rest_is_respread)
{
	/* 2100, 2000, 2300 by days; as of Friday 2027-02-12 Ann has 2500 in
	 * January and 500 in February.  The remaining 3400 goes over the 10
	 * business days left in February and March's 23: 1030.30, 2369.70. */
	static const int64_t ann[] = { 250000, 50000, 0 };
	const int64_t *won[] = { ann };

	add("Ann", NONE, DATE_NONE);
	o.total = 640000;
	o.split = SPLIT_MONTH;
	ck_assert_int_eq(plan(), GOALS_OK);
	goals_adjust(&p, &(struct goal_actuals){ D(2027, 2, 12), won });
	ck_assert_int_eq(cell(0, 0), 250000);
	ck_assert_int_eq(cell(0, 1), 50000 + 103030);
	ck_assert_int_eq(cell(0, 2), 236970);
	ck_assert_int_eq(p.rep[0].remaining, 340000);
}
END_TEST

START_TEST(goal_already_met_leaves_nothing_to_spread)
{
	static const int64_t ann[] = { 700000, 0, 0 };
	const int64_t *won[] = { ann, NULL };

	add("Ann", NONE, DATE_NONE);
	add("Bob", NONE, DATE_NONE);
	o.total = 1280000;
	o.split = SPLIT_MONTH;
	ck_assert_int_eq(plan(), GOALS_OK);
	goals_adjust(&p, &(struct goal_actuals){ D(2027, 1, 31), won });
	ck_assert_int_eq(cell(0, 0), 700000);
	ck_assert_int_eq(cell(0, 1), 0);
	ck_assert_int_eq(cell(0, 2), 0);
	/* Bob has nothing yet: his 6400 goes over February and March at
	 * 20 : 23 = 2976.744 and 3423.256; March has the larger remainder. */
	ck_assert_int_eq(cell(1, 0), 0);
	ck_assert_int_eq(cell(1, 1), 297674);
	ck_assert_int_eq(cell(1, 2), 342326);
}
END_TEST

/* Notes. */

START_TEST(note_names_blend_shares_and_ramp_month)
{
	/* Shares 37.5% and 62.5%; Bob, hired in November, ramps 50%, 75%,
	 * 100% over Q1 = 4850 %-days against Ann's 6400: 375 × 6400 against
	 * 625 × 4850 of 1000.00 is 441.887 and 558.113.  Bob's January is
	 * 21 × 50 of his 4850, 21.6%. */
	char note[512];

	add("Ann", 10000, DATE_NONE);
	add("Bob", 30000, D(2026, 11, 20));
	o.method = METHOD_BLEND;
	o.total = 100000;
	o.split = SPLIT_MONTH;
	ck_assert_int_eq(plan(), GOALS_OK);
	goals_note(&p, 1, 0, note, sizeof(note));
	ck_assert_str_eq(note, "blend of 75.0% history share and 50.0% even "
	    "share; 50% ramp, month 3; 21.6% of the 2027-Q1 goal 558.11 "
	    "(21 business days)");
	goals_note(&p, 0, 0, note, sizeof(note));
	ck_assert_str_eq(note, "blend of 25.0% history share and 50.0% even "
	    "share; 100% ramp (no hire date); 32.8% of the 2027-Q1 goal "
	    "441.89 (21 business days)");
}
END_TEST

START_TEST(note_lists_ramp_changes_over_the_period)
{
	char note[512];

	add("Bob", NONE, D(2027, 1, 12));
	o.total = 100;
	ck_assert_int_eq(plan(), GOALS_OK);
	goals_note(&p, 0, 0, note, sizeof(note));
	ck_assert_str_eq(note, "even share 100.0% (1 of 1); hired 2027-01-12, "
	    "prorated; ramp 0% in month 1, 25% in month 2, 50% in month 3");
}
END_TEST

START_TEST(note_says_a_goal_is_capped)
{
	char note[512];

	add("Ann", 10000, DATE_NONE);
	add("Bob", 90000, DATE_NONE);
	o.has_cap = true;
	o.cap = 2000;
	o.total = 60000;
	ck_assert_int_eq(plan(), GOALS_OK);
	goals_note(&p, 0, 0, note, sizeof(note));
	ck_assert_str_eq(note, "even share 50.0% (1 of 2); 100% ramp (no hire "
	    "date); capped at 120.00 (basis 100.00 + 20%)");
	goals_note(&p, 1, 0, note, sizeof(note));
	ck_assert_str_eq(note, "even share 50.0% (1 of 2); 100% ramp (no hire "
	    "date); 180.00 more as others are at their cap or max");
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("goals");
	TCase *ramp = tcase_create("ramp");
	TCase *share = tcase_create("shares");
	TCase *alloc = tcase_create("ramp in the allocation");
	TCase *bound = tcase_create("caps, min and max");
	TCase *round = tcase_create("rounding and splits");
	TCase *adjust = tcase_create("actuals");
	TCase *note = tcase_create("notes");
	TCase *all[] = { ramp, share, alloc, bound, round, adjust, note };
	size_t i;

	ADD(ramp, ramp_follows_the_list_by_tenure_month);
	ADD(ramp, last_ramp_value_holds_after_the_list);
	ADD(ramp, tenure_month_one_is_the_month_of_the_hire_date);
	ADD(ramp, business_days_before_hire_date_count_for_nothing);
	ADD(ramp, holiday_is_not_a_business_day);
	ADD(share, even_split_gives_the_odd_cent_to_one_rep);
	ADD(share, basis_method_follows_history);
	ADD(share, blend_averages_history_and_even_shares);
	ADD(share, blend_weight_shifts_toward_history);
	ADD(share, missing_basis_takes_the_median_of_the_others);
	ADD(share, median_of_the_largest_basis_does_not_overflow);
	ADD(share, median_of_an_even_count_is_the_mean_of_the_middle_two);
	ADD(share, weight_column_multiplies_the_share);
	ADD(share, basis_method_needs_a_basis);
	ADD(share, basis_adding_up_to_zero_cannot_share);
	ADD(alloc, ramping_rep_carries_less_and_others_more);
	ADD(alloc, ramp_months_shape_the_monthly_split);
	ADD(alloc, mid_month_hire_is_prorated_by_business_day);
	ADD(alloc, rep_hired_after_the_period_gets_nothing);
	ADD(alloc, nobody_able_to_carry_a_goal_is_an_error);
	ADD(bound, cap_excess_goes_to_uncapped_reps);
	ADD(bound, impossible_cap_reports_what_cannot_be_placed);
	ADD(bound, max_column_holds_a_rep_down);
	ADD(bound, min_column_raises_a_rep_from_the_others);
	ADD(bound, min_above_the_total_is_an_error);
	ADD(bound, min_wins_over_a_lower_cap);
	ADD(round, over_assignment_raises_the_sum);
	ADD(round, odd_cents_spread_over_reps_and_months);
	ADD(round, round_makes_every_cell_a_multiple);
	ADD(round, round_rounds_the_total_to_the_nearest_multiple);
	ADD(round, every_split_adds_up_exactly);
	ADD(round, weeks_are_iso_weeks_clipped_to_the_period);
	ADD(round, seasonality_replaces_business_days);
	ADD(round, seasonality_must_match_the_sub_periods);
	ADD(round, same_roster_gives_the_same_goals);
	ADD(adjust, actuals_stay_and_the_rest_is_respread);
	ADD(adjust, goal_already_met_leaves_nothing_to_spread);
	ADD(note, note_names_blend_shares_and_ramp_month);
	ADD(note, note_lists_ramp_changes_over_the_period);
	ADD(note, note_says_a_goal_is_capped);
	for (i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
		tcase_add_checked_fixture(all[i], setup, teardown);
		suite_add_tcase(s, all[i]);
	}
	return s;
}

UNIT_MAIN
