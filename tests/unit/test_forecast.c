/*
 * forecast: the definitions of closed, commit, best_case, pipeline,
 * weighted and the P10/P50/P90 range, one behaviour per test.
 *
 * The period in every test is 2027-Q1 (2027-01-01..2027-03-31) with
 * as-of 2027-02-15 unless a test says otherwise.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "deal.h"
#include "forecast.h"
#include "goalfile.h"
#include "unit.h"

static struct fc_opts opt;
static struct forecast f;
static int32_t in_period, before_as_of, after_as_of;

static void
setup(void)
{
	fc_opts_default(&opt);
	opt.start = date_from_ymd(2027, 1, 1);
	opt.end = date_from_ymd(2027, 3, 31);
	opt.as_of = date_from_ymd(2027, 2, 15);
	opt.levels = FC_LEVEL_BIT(FC_REP) | FC_LEVEL_BIT(FC_TEAM) |
	    FC_LEVEL_BIT(FC_TOTAL);
	in_period = date_from_ymd(2027, 3, 10);
	before_as_of = date_from_ymd(2027, 2, 1);
	after_as_of = date_from_ymd(2027, 3, 1);
	fc_init(&f, &opt);
}

static void
teardown(void)
{
	fc_free(&f);
	fc_stagemap_free(&opt.stage_prob);
	fc_stagemap_free(&opt.category);
}

/* Re-initialises f after a test changed opt. */
static void
reopen(void)
{
	fc_free(&f);
	fc_init(&f, &opt);
}

static struct text
t(const char *s)
{
	return (struct text){ s, strlen(s) };
}

/* An open deal: rep, stage, forecast category, amount in cents, prob. */
static void
open_deal(const char *rep, const char *stage, const char *cat,
    int64_t cents, int prob)
{
	struct deal d = { .rep = t(rep), .team = t("East"), .stage = t(stage),
	    .category = t(cat), .cls = STAGE_OPEN, .has_amount = true,
	    .amount = cents, .close = in_period, .prob = prob, .line = 2 };
	fc_add(&f, &d, "test");
}

static void
closed_deal(const char *rep, enum stage_class cls, int64_t cents,
    int32_t close)
{
	struct deal d = { .rep = t(rep), .team = t("East"),
	    .stage = t(cls == STAGE_WON ? "Closed Won" : "Closed Lost"),
	    .cls = cls, .has_amount = true, .amount = cents, .close = close,
	    .prob = -1, .line = 2 };
	fc_add(&f, &d, "test");
}

static const struct fc_group *
rep(const char *name)
{
	const struct fc_group *g = fc_group(&f, FC_REP, name);
	ck_assert_ptr_nonnull(g);
	return g;
}

static const struct fc_group *
total(void)
{
	return fc_group(&f, FC_TOTAL, "");
}

START_TEST(closed_is_won_up_to_as_of)
{
	closed_deal("ann", STAGE_WON, 100000, before_as_of);
	closed_deal("ann", STAGE_WON, 50000, opt.as_of);
	closed_deal("ann", STAGE_WON, 7000, after_as_of);
	closed_deal("ann", STAGE_LOST, 90000, before_as_of);
	fc_finish(&f);
	ck_assert_int_eq(rep("ann")->closed, 150000);
	ck_assert_int_eq(f.won_after_as_of, 1);
}
END_TEST

START_TEST(deals_outside_the_period_do_not_count)
{
	struct deal d = { .rep = t("ann"), .cls = STAGE_OPEN,
	    .has_amount = true, .amount = 100000, .prob = 5000 };
	d.close = date_from_ymd(2026, 12, 31);
	fc_add(&f, &d, "test");
	d.close = date_from_ymd(2027, 4, 1);
	fc_add(&f, &d, "test");
	d.close = DATE_NONE;
	fc_add(&f, &d, "test");
	closed_deal("ann", STAGE_WON, 5000, date_from_ymd(2026, 12, 15));
	fc_finish(&f);
	ck_assert(!rep("ann")->seen);
	ck_assert_int_eq(f.open_undated, 1);
	ck_assert_int_eq(total()->pipeline, 0);
	ck_assert_int_eq(total()->closed, 0);
	ck_assert_int_eq(total()->deals, 0);
}
END_TEST

START_TEST(period_ends_are_included)
{
	struct deal d = { .rep = t("ann"), .cls = STAGE_OPEN,
	    .has_amount = true, .amount = 100, .prob = 5000 };
	d.close = opt.start;
	fc_add(&f, &d, "test");
	d.close = opt.end;
	fc_add(&f, &d, "test");
	fc_finish(&f);
	ck_assert_int_eq(rep("ann")->pipeline, 200);
}
END_TEST

START_TEST(categories_are_cumulative)
{
	closed_deal("ann", STAGE_WON, 100000, before_as_of);
	open_deal("ann", "Negotiation", "Commit", 20000, 9000);
	open_deal("ann", "Proposal", "Best Case", 30000, 5000);
	open_deal("ann", "Qualify", "Pipeline", 40000, 1000);
	open_deal("ann", "Qualify", "Omitted", 80000, 1000);
	fc_finish(&f);
	const struct fc_group *g = rep("ann");
	ck_assert_int_eq(g->closed, 100000);
	ck_assert_int_eq(g->closed + g->commit_open, 120000);
	ck_assert_int_eq(g->closed + g->commit_open + g->best_open, 150000);
	ck_assert_int_eq(g->pipeline, 90000);
	ck_assert_int_eq(g->deals, 3);
}
END_TEST

START_TEST(omitted_deals_carry_no_weight)
{
	open_deal("ann", "Qualify", "Omitted", 80000, 9000);
	fc_finish(&f);
	ck_assert_int_eq(rep("ann")->weighted, 0);
	ck_assert_int_eq(rep("ann")->range.p90, 0);
}
END_TEST

START_TEST(without_categories_every_open_deal_is_pipeline)
{
	open_deal("ann", "Negotiation", "", 20000, 9000);
	open_deal("ann", "Proposal", "", 30000, 5000);
	fc_finish(&f);
	const struct fc_group *g = rep("ann");
	ck_assert_int_eq(g->commit_open, 0);
	ck_assert_int_eq(g->best_open, 0);
	ck_assert_int_eq(g->pipeline, 50000);
}
END_TEST

START_TEST(category_names_from_several_crms)
{
	ck_assert_int_eq(fc_cat_parse("Best Case", 9), FC_CAT_BEST_CASE);
	ck_assert_int_eq(fc_cat_parse("BEST_CASE", 9), FC_CAT_BEST_CASE);
	ck_assert_int_eq(fc_cat_parse("commit", 6), FC_CAT_COMMIT);
	ck_assert_int_eq(fc_cat_parse("OMIT", 4), FC_CAT_OMITTED);
	ck_assert_int_eq(fc_cat_parse("Pipeline", 8), FC_CAT_PIPELINE);
	ck_assert_int_eq(fc_cat_parse("Closed", 6), FC_CAT_COMMIT);
	ck_assert_int_eq(fc_cat_parse("Maybe", 5), -1);
}
END_TEST

START_TEST(unknown_category_counts_as_pipeline)
{
	open_deal("ann", "Negotiation", "Upside maybe", 20000, 9000);
	fc_finish(&f);
	ck_assert_int_eq(rep("ann")->pipeline, 20000);
	ck_assert_int_eq(rep("ann")->commit_open, 0);
	ck_assert_uint_eq(f.unknown_cat.n, 1);
}
END_TEST

START_TEST(category_option_maps_stages_over_the_column)
{
	fc_stagemap_cats(&opt.category, "--category",
	    "Negotiation=Commit,Proposal=Best Case,Omitted");
	reopen();
	open_deal("ann", "Negotiation", "Pipeline", 20000, 9000);
	open_deal("ann", "proposal", "", 30000, 5000);
	open_deal("ann", "Qualify", "Commit", 40000, 1000);
	fc_finish(&f);
	const struct fc_group *g = rep("ann");
	ck_assert_int_eq(g->commit_open, 20000);
	ck_assert_int_eq(g->best_open, 30000);
	ck_assert_int_eq(g->pipeline, 50000);
}
END_TEST

START_TEST(weighted_is_closed_plus_amount_times_probability)
{
	closed_deal("ann", STAGE_WON, 100000, before_as_of);
	open_deal("ann", "Negotiation", "Commit", 20000, 9000);
	open_deal("ann", "Proposal", "", 30000, 5000);
	fc_finish(&f);
	ck_assert_int_eq(rep("ann")->weighted, 100000 + 18000 + 15000);
}
END_TEST

START_TEST(weighted_rounds_once_half_away_from_zero)
{
	/* 3 x 0.01 cents x ... : 1 cent at 50% three times is 1.5 -> 2. */
	struct fc_open d[] = { { 1, 5000, 0 }, { 1, 5000, 0 }, { 1, 5000, 0 } };
	ck_assert_int_eq(fc_weighted(d, 3, 0), 2);
	struct fc_open neg[] = { { -3, 5000, 0 } };
	ck_assert_int_eq(fc_weighted(neg, 1, 0), -2);
	struct fc_open big[] = { { INT64_MAX / 2, 10000, 0 } };
	ck_assert_int_eq(fc_weighted(big, 1, 0), INT64_MAX / 2);
}
END_TEST

START_TEST(probability_forms_weigh_the_same)
{
	fc_stagemap_probs(&opt.stage_prob, "--stage-prob",
	    "A=60,B=60%,C=0.6");
	reopen();
	open_deal("ann", "A", "", 10000, -1);
	open_deal("bob", "B", "", 10000, -1);
	open_deal("cy", "C", "", 10000, -1);
	open_deal("di", "D", "", 10000, prob_parse("60", 2, PROB_BY_VALUE));
	open_deal("ed", "D", "", 10000, prob_parse("60%", 3, PROB_BY_VALUE));
	open_deal("flo", "D", "", 10000, prob_parse("0.6", 3, PROB_BY_VALUE));
	fc_finish(&f);
	const char *reps[] = { "ann", "bob", "cy", "di", "ed", "flo" };
	for (size_t i = 0; i < 6; i++)
		ck_assert_int_eq(rep(reps[i])->weighted, 6000);
}
END_TEST

START_TEST(stage_prob_comes_before_the_column)
{
	fc_stagemap_probs(&opt.stage_prob, "--stage-prob", "Negotiation=80");
	reopen();
	open_deal("ann", "Negotiation", "", 10000, 1000);
	open_deal("ann", "Proposal", "", 10000, 1000);
	fc_finish(&f);
	ck_assert_int_eq(rep("ann")->weighted, 8000 + 1000);
}
END_TEST

START_TEST(stage_prob_default_covers_unlisted_stages)
{
	fc_stagemap_probs(&opt.stage_prob, "--stage-prob", "Negotiation=80,5");
	reopen();
	open_deal("ann", "Proposal", "", 10000, 9000);
	fc_finish(&f);
	ck_assert_int_eq(rep("ann")->weighted, 500);
}
END_TEST

/* n closed deals of rep, `won` of them won, all before the period. */
static void
history(const char *name, int won, int n)
{
	int32_t last_year = date_from_ymd(2026, 6, 1);
	for (int i = 0; i < n; i++)
		closed_deal(name, i < won ? STAGE_WON : STAGE_LOST, 100,
		    last_year);
}

START_TEST(learned_rate_is_the_reps_own_at_twenty_closed_deals)
{
	history("ann", 15, 20);		/* 75% */
	history("bob", 1, 19);		/* too few: overall */
	open_deal("ann", "Proposal", "", 10000, -1);
	open_deal("bob", "Proposal", "", 10000, -1);
	fc_finish(&f);
	/* Overall: 16 won of 39 closed = 41.03%. */
	ck_assert_int_eq(f.overall_rate, 4103);
	ck_assert(f.rep[strmap_find(&f.names[FC_REP], "ann", 3)].own);
	ck_assert_int_eq(rep("ann")->weighted, 7500);
	ck_assert(!f.rep[strmap_find(&f.names[FC_REP], "bob", 3)].own);
	ck_assert_int_eq(rep("bob")->weighted, 4103);
}
END_TEST

START_TEST(learned_rate_ignores_deals_closed_after_as_of)
{
	history("ann", 1, 2);
	closed_deal("ann", STAGE_LOST, 100, after_as_of);
	open_deal("ann", "Proposal", "", 10000, -1);
	fc_finish(&f);
	ck_assert_int_eq(f.overall_rate, 5000);
}
END_TEST

START_TEST(learned_rate_is_used_only_without_other_probability)
{
	history("ann", 0, 4);
	open_deal("ann", "Proposal", "", 10000, 2500);
	fc_finish(&f);
	ck_assert_int_eq(f.rep[0].learned, 0);
	ck_assert_int_eq(rep("ann")->weighted, 2500);
}
END_TEST

START_TEST(learned_rate_applies_in_team_groups)
{
	history("ann", 20, 20);		/* 100% */
	history("bob", 0, 20);		/* 0% */
	open_deal("ann", "Proposal", "", 10000, -1);
	open_deal("bob", "Proposal", "", 10000, -1);
	fc_finish(&f);
	ck_assert_int_eq(fc_group(&f, FC_TEAM, "East")->weighted, 10000);
	ck_assert_int_eq(total()->weighted, 10000);
}
END_TEST

START_TEST(no_closed_deals_learn_a_rate_of_zero)
{
	open_deal("ann", "Proposal", "", 10000, -1);
	fc_finish(&f);
	ck_assert_int_eq(f.overall_rate, 0);
	ck_assert_int_eq(rep("ann")->weighted, 0);
}
END_TEST

START_TEST(no_open_deals_range_is_closed)
{
	closed_deal("ann", STAGE_WON, 123456, before_as_of);
	fc_finish(&f);
	const struct fc_group *g = rep("ann");
	ck_assert_int_eq(g->weighted, 123456);
	ck_assert_int_eq(g->range.p10, 123456);
	ck_assert_int_eq(g->range.p50, 123456);
	ck_assert_int_eq(g->range.p90, 123456);
	ck_assert_int_eq(g->deals, 0);
}
END_TEST

START_TEST(rep_with_only_lost_deals_has_a_row_of_zeros)
{
	closed_deal("ann", STAGE_LOST, 50000, before_as_of);
	closed_deal("ann", STAGE_LOST, 70000, before_as_of);
	fc_finish(&f);
	const struct fc_group *g = rep("ann");
	ck_assert(g->seen);
	ck_assert_int_eq(g->closed, 0);
	ck_assert_int_eq(g->pipeline, 0);
	ck_assert_int_eq(g->weighted, 0);
	ck_assert_int_eq(g->range.p90, 0);
}
END_TEST

START_TEST(open_deal_without_amount_counts_as_zero)
{
	struct deal d = { .rep = t("ann"), .cls = STAGE_OPEN,
	    .has_amount = false, .close = in_period, .prob = 5000 };
	fc_add(&f, &d, "test");
	fc_finish(&f);
	ck_assert_int_eq(rep("ann")->deals, 1);
	ck_assert_int_eq(rep("ann")->pipeline, 0);
}
END_TEST

START_TEST(missing_rep_and_team_have_names)
{
	open_deal("", "Proposal", "", 100, 5000);
	fc_finish(&f);
	ck_assert_ptr_nonnull(fc_group(&f, FC_REP, FC_NO_REP));
	ck_assert_ptr_nonnull(fc_group(&f, FC_TEAM, "East"));
}
END_TEST

START_TEST(certain_deals_move_the_whole_range)
{
	closed_deal("ann", STAGE_WON, 1000, before_as_of);
	open_deal("ann", "Signed", "", 5000, 10000);
	open_deal("ann", "Dead", "", 7000, 0);
	fc_finish(&f);
	const struct fc_group *g = rep("ann");
	ck_assert_int_eq(g->range.p10, 6000);
	ck_assert_int_eq(g->range.p90, 6000);
	ck_assert_int_eq(g->weighted, 6000);
}
END_TEST

START_TEST(one_deal_range_by_simulation)
{
	/* One deal at 50%: P10 is without it, P90 with it. */
	open_deal("ann", "Proposal", "", 10000, 5000);
	fc_finish(&f);
	const struct fc_group *g = rep("ann");
	ck_assert_int_eq(g->method, FC_RANGE_SIMULATED);
	ck_assert_int_eq(g->range.p10, 0);
	ck_assert_int_eq(g->range.p90, 10000);
}
END_TEST

START_TEST(same_seed_same_range)
{
	struct fc_open d[40];
	struct fc_range a, b, c;
	for (int i = 0; i < 40; i++)
		d[i] = (struct fc_open){ 1000 + 37 * i, 200 * (i + 5), 0 };
	fc_simulate(d, 40, 0, 5000, 7, &a);
	fc_simulate(d, 40, 0, 5000, 7, &b);
	fc_simulate(d, 40, 0, 5000, 8, &c);
	ck_assert_mem_eq(&a, &b, sizeof a);
	ck_assert(memcmp(&a, &c, sizeof a) != 0);
}
END_TEST

/* n deals of varied amounts and probabilities. */
static struct fc_open *
varied_deals(size_t n)
{
	struct fc_open *d = calloc(n, sizeof *d);
	for (size_t i = 0; i < n; i++) {
		d[i].amount = 500000 + (int64_t)(i * 7919 % 1000) * 1000;
		d[i].prob = (int32_t)(2000 + i * 613 % 6000);
	}
	return d;
}

START_TEST(simulation_and_approximation_agree_within_one_percent)
{
	/*
	 * 100 deals is within the simulation budget at 10000 trials and
	 * large enough for the normal approximation: both apply.
	 */
	size_t n = 100;
	struct fc_open *d = varied_deals(n);
	struct fc_range sim, approx;
	int64_t base = 2500000;
	ck_assert_int_le((long)n * FC_DEFAULT_TRIALS, FC_SIM_BUDGET);
	fc_simulate(d, n, base, FC_DEFAULT_TRIALS, FC_DEFAULT_SEED, &sim);
	fc_approximate(d, n, base, &approx);
	int64_t mean = fc_weighted(d, n, base), tol = mean / 100;
	ck_assert_int_le(llabs(sim.p10 - approx.p10), tol);
	ck_assert_int_le(llabs(sim.p50 - approx.p50), tol);
	ck_assert_int_le(llabs(sim.p90 - approx.p90), tol);
	/* And the spread is real, not a degenerate agreement. */
	ck_assert_int_gt(approx.p90 - approx.p10, 10 * tol);
	free(d);
}
END_TEST

START_TEST(large_groups_use_the_approximation)
{
	size_t n = FC_SIM_BUDGET / FC_DEFAULT_TRIALS + 1;
	struct fc_open *d = varied_deals(n);
	for (size_t i = 0; i < n; i++)
		open_deal("ann", "Proposal", "", d[i].amount, d[i].prob);
	open_deal("bob", "Proposal", "", 1000, 5000);
	fc_finish(&f);
	ck_assert_int_eq(rep("ann")->method, FC_RANGE_APPROXIMATED);
	ck_assert_int_eq(rep("ann")->range.p50, rep("ann")->weighted);
	ck_assert_int_eq(rep("bob")->method, FC_RANGE_SIMULATED);
	free(d);
}
END_TEST

START_TEST(simulation_budget_goes_to_the_smallest_groups_first)
{
	/*
	 * 151 rows leave the run the minimum budget of 1M draws: ann (1
	 * deal, 10k draws) and bob (50, 500k) are simulated, cy (100, 1M)
	 * would overrun it, and the total has more than 100 deals.
	 */
	for (int i = 0; i < 100; i++)
		open_deal("cy", "Proposal", "", 1000, 5000);
	for (int i = 0; i < 50; i++)
		open_deal("bob", "Proposal", "", 1000, 5000);
	open_deal("ann", "Proposal", "", 1000, 5000);
	fc_finish(&f);
	ck_assert_int_eq(rep("ann")->method, FC_RANGE_SIMULATED);
	ck_assert_int_eq(rep("bob")->method, FC_RANGE_SIMULATED);
	ck_assert_int_eq(rep("cy")->method, FC_RANGE_APPROXIMATED);
	ck_assert_int_eq(total()->method, FC_RANGE_APPROXIMATED);
}
END_TEST

static void
check_invariant(const struct fc_group *g)
{
	ck_assert_int_le(g->closed, g->range.p10);
	ck_assert_int_le(g->range.p10, g->range.p50);
	ck_assert_int_le(g->range.p50, g->range.p90);
	ck_assert_int_le(g->range.p90, g->closed + g->pipeline);
}

START_TEST(range_stays_between_closed_and_closed_plus_pipeline)
{
	/* A few huge deals at high probability: the normal tail overshoots. */
	closed_deal("ann", STAGE_WON, 1000, before_as_of);
	for (int i = 0; i < 150; i++)
		open_deal("ann", "Proposal", "", i < 3 ? 100000000 : 100,
		    i < 3 ? 9900 : 100);
	fc_finish(&f);
	ck_assert_int_eq(rep("ann")->method, FC_RANGE_APPROXIMATED);
	check_invariant(rep("ann"));
	check_invariant(total());
}
END_TEST

START_TEST(open_deal_with_negative_amount_is_rejected)
{
	struct deal d = { .rep = t("bob"), .cls = STAGE_OPEN,
	    .has_amount = true, .amount = -5000, .close = in_period,
	    .prob = 5000 };
	ck_assert_int_eq(fc_add(&f, &d, "test"), -1);
	d.cls = STAGE_WON;
	d.close = before_as_of;
	ck_assert_int_eq(fc_add(&f, &d, "test"), 0);
	fc_finish(&f);
	ck_assert_int_eq(rep("bob")->closed, -5000);
	ck_assert_int_eq(rep("bob")->deals, 0);
	check_invariant(rep("bob"));
}
END_TEST

START_TEST(no_ranges_skips_the_range)
{
	opt.ranges = false;
	reopen();
	open_deal("ann", "Proposal", "", 10000, 5000);
	fc_finish(&f);
	ck_assert_int_eq(rep("ann")->method, FC_RANGE_NONE);
	ck_assert_int_eq(rep("ann")->weighted, 5000);
}
END_TEST

START_TEST(levels_not_shown_hold_nothing)
{
	opt.levels = FC_LEVEL_BIT(FC_TOTAL);
	reopen();
	open_deal("ann", "Proposal", "", 10000, 5000);
	fc_finish(&f);
	ck_assert_uint_eq(rep("ann")->nopen, 0);
	ck_assert_int_eq(total()->pipeline, 10000);
	ck_assert_uint_eq(total()->nopen, 1);
}
END_TEST

START_TEST(goal_makes_a_group_shown)
{
	fc_add_goal(&f, FC_REP, "zed", 3, 500000);
	fc_finish(&f);
	ck_assert(rep("zed")->seen);
	ck_assert(rep("zed")->has_goal);
	ck_assert_int_eq(rep("zed")->goal, 500000);
}
END_TEST

/* Loads goals from text, as a goals file would hold them. */
static void
goals(struct goalfile *gf, const char *csv)
{
	struct goal_opts go = { .fiscal_start = 1 };
	struct colspec none = { { NULL } };
	FILE *fp = fmemopen((void *)csv, strlen(csv), "r");

	go.cols = &none;
	goalfile_init(gf);
	goalfile_read(gf, fp, "goals.csv", &go);
	fclose(fp);
}

START_TEST(goals_inside_the_period_add_up)
{
	struct goalfile gf;
	goals(&gf, "rep,team,period,goal\n"
	    "ann,East,2027-01,100.00\n"
	    "ann,East,2027-02,100.00\n"
	    "ann,East,2027-03,100.00\n"
	    "bob,West,2027-Q1,500.00\n"
	    "bob,West,2027-Q2,900.00\n");
	ck_assert_uint_eq(fc_add_goals(&f, &gf, NULL), 4);
	fc_finish(&f);
	ck_assert_int_eq(rep("ann")->goal, 30000);
	ck_assert_int_eq(rep("bob")->goal, 50000);
	ck_assert_int_eq(fc_group(&f, FC_TEAM, "East")->goal, 30000);
	ck_assert_int_eq(total()->goal, 80000);
	goalfile_free(&gf);
}
END_TEST

START_TEST(goal_overlapping_the_period_in_part_is_left_out)
{
	struct goalfile gf;
	goals(&gf, "rep,period,goal\nann,2027,1200.00\n");
	ck_assert_uint_eq(fc_add_goals(&f, &gf, NULL), 0);
	fc_finish(&f);
	ck_assert(!total()->has_goal);
	goalfile_free(&gf);
}
END_TEST

/* fc_write's output as one string (freed by the caller). */
static char *
written(void)
{
	char *buf;
	size_t len;
	FILE *fp = open_memstream(&buf, &len);
	struct out *o = out_open(fp, OUT_CSV);

	fc_write(&f, o, "2027-Q1");
	out_close(o);
	fclose(fp);
	return buf;
}

START_TEST(gap_is_goal_less_p50_and_coverage_pipeline_over_what_is_left)
{
	opt.levels = FC_LEVEL_BIT(FC_REP);
	reopen();
	closed_deal("ann", STAGE_WON, 100000, before_as_of);
	open_deal("ann", "Signed", "Commit", 50000, 10000);
	fc_add_goal(&f, FC_REP, "ann", 3, 200000);
	fc_add_goal(&f, FC_REP, "bob", 3, 100000);
	closed_deal("bob", STAGE_WON, 150000, before_as_of);
	fc_finish(&f);
	char *s = written();
	/* ann: gap 2000 - 1500; coverage 500 / (2000 - 1000).  bob: met. */
	ck_assert_str_eq(s,
	    "period,as_of,level,group,closed,commit,best_case,pipeline,"
	    "weighted,p10,p50,p90,goal,gap,coverage,deals\n"
	    "2027-Q1,2027-02-15,rep,ann,1000.00,1500.00,1500.00,500.00,"
	    "1500.00,1500.00,1500.00,1500.00,2000.00,500.00,0.50,1\n"
	    "2027-Q1,2027-02-15,rep,bob,1500.00,1500.00,1500.00,0.00,"
	    "1500.00,1500.00,1500.00,1500.00,1000.00,0.00,,0\n");
	free(s);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("forecast");
	TCase *tc = tcase_create("definitions");

	tcase_add_checked_fixture(tc, setup, teardown);
	ADD(tc, closed_is_won_up_to_as_of);
	ADD(tc, deals_outside_the_period_do_not_count);
	ADD(tc, period_ends_are_included);
	ADD(tc, categories_are_cumulative);
	ADD(tc, omitted_deals_carry_no_weight);
	ADD(tc, without_categories_every_open_deal_is_pipeline);
	ADD(tc, category_names_from_several_crms);
	ADD(tc, unknown_category_counts_as_pipeline);
	ADD(tc, category_option_maps_stages_over_the_column);
	ADD(tc, weighted_is_closed_plus_amount_times_probability);
	ADD(tc, weighted_rounds_once_half_away_from_zero);
	ADD(tc, probability_forms_weigh_the_same);
	ADD(tc, stage_prob_comes_before_the_column);
	ADD(tc, stage_prob_default_covers_unlisted_stages);
	ADD(tc, learned_rate_is_the_reps_own_at_twenty_closed_deals);
	ADD(tc, learned_rate_ignores_deals_closed_after_as_of);
	ADD(tc, learned_rate_is_used_only_without_other_probability);
	ADD(tc, learned_rate_applies_in_team_groups);
	ADD(tc, no_closed_deals_learn_a_rate_of_zero);
	ADD(tc, no_open_deals_range_is_closed);
	ADD(tc, rep_with_only_lost_deals_has_a_row_of_zeros);
	ADD(tc, open_deal_without_amount_counts_as_zero);
	ADD(tc, missing_rep_and_team_have_names);
	ADD(tc, certain_deals_move_the_whole_range);
	ADD(tc, one_deal_range_by_simulation);
	ADD(tc, same_seed_same_range);
	ADD(tc, simulation_and_approximation_agree_within_one_percent);
	ADD(tc, large_groups_use_the_approximation);
	ADD(tc, simulation_budget_goes_to_the_smallest_groups_first);
	ADD(tc, range_stays_between_closed_and_closed_plus_pipeline);
	ADD(tc, open_deal_with_negative_amount_is_rejected);
	ADD(tc, no_ranges_skips_the_range);
	ADD(tc, levels_not_shown_hold_nothing);
	ADD(tc, goal_makes_a_group_shown);
	ADD(tc, goals_inside_the_period_add_up);
	ADD(tc, goal_overlapping_the_period_in_part_is_left_out);
	ADD(tc, gap_is_goal_less_p50_and_coverage_pipeline_over_what_is_left);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
