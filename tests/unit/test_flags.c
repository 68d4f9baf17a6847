/*
 * test_flags: funnel-flag's rules, learning, risk and actions.
 */
#include "date.h"
#include "flags.h"
#include "unit.h"

static int32_t as_of;
static struct ff_config cfg;
static struct ff_learn learn;

static void
setup(void)
{
	as_of = date_from_ymd(2027, 2, 15);
	ff_config_init(&cfg);
	cfg.as_of = as_of;
	ff_learn_init(&learn);
}

static void
teardown(void)
{
	ff_config_free(&cfg);
	ff_learn_free(&learn);
}

static struct text
txt(const char *s)
{
	struct text t = { s, strlen(s) };

	return t;
}

/* A healthy open deal; tests change what they are about. */
static struct deal
healthy(void)
{
	struct deal d;

	memset(&d, 0, sizeof(d));
	d.id = txt("D1");
	d.rep = txt("Ann");
	d.stage = txt("Negotiation");
	d.category = txt("Pipeline");
	d.cls = STAGE_OPEN;
	d.has_amount = true;
	d.amount = 1000000;
	d.close = as_of + 10;
	d.created = as_of - 30;
	d.activity = as_of - 1;
	d.stage_changed = as_of - 5;
	d.prob = -1;
	d.push = -1;
	d.discount = -1;
	return d;
}

static struct ff_result
judge(const struct deal *d, const struct ff_prev *prev)
{
	struct ff_result r;

	ff_learn_finish(&learn, &cfg);
	ff_evaluate(&cfg, &learn, d, prev, &r);
	return r;
}

static bool
has(const struct ff_result *r, enum ff_flag f)
{
	return (r->flags & 1u << f) != 0;
}

START_TEST(test_healthy_deal_has_no_flags)
{
	struct deal d = healthy();
	struct ff_result r = judge(&d, NULL);

	ck_assert_uint_eq(r.flags, 0);
	ck_assert_int_eq(r.risk, 0);
	ck_assert_int_eq(r.action, ACT_NONE);
	ck_assert_str_eq(r.why, "");
}
END_TEST

START_TEST(test_closed_deals_get_no_flags)
{
	struct deal d = healthy();
	struct ff_result r;

	d.cls = STAGE_WON;
	d.close = as_of - 40;
	d.activity = as_of - 100;
	d.has_amount = false;
	r = judge(&d, NULL);
	ck_assert_uint_eq(r.flags, 0);
	ck_assert_int_eq(r.risk, 0);
}
END_TEST

START_TEST(test_past_due_names_the_date_and_days)
{
	struct deal d = healthy();
	struct ff_result r;

	d.close = as_of - 12;
	r = judge(&d, NULL);
	ck_assert(has(&r, FF_PAST_DUE));
	ck_assert_str_eq(r.why, "close date 2027-02-03 passed 12 days ago");
	ck_assert_int_eq(r.action, ACT_CLEAN_UP);
	ck_assert_int_eq(r.risk, 14);	/* 10 + 10 x 12 / 30 */
}
END_TEST

START_TEST(test_close_date_today_is_not_past_due)
{
	struct deal d = healthy();
	struct ff_result r;

	d.close = as_of;
	r = judge(&d, NULL);
	ck_assert(!has(&r, FF_PAST_DUE));
}
END_TEST

START_TEST(test_stale_after_more_than_limit_days)
{
	struct deal d = healthy();
	struct ff_result r;

	d.activity = as_of - 14;
	r = judge(&d, NULL);
	ck_assert(!has(&r, FF_STALE));
	d.activity = as_of - 15;
	r = judge(&d, NULL);
	ck_assert(has(&r, FF_STALE));
	ck_assert_str_eq(r.why, "no activity for 15 days (limit 14)");
}
END_TEST

START_TEST(test_stale_limit_per_stage)
{
	struct deal d = healthy();
	struct ff_result r;

	stage_limits_parse(&cfg.stale, "--stale-days",
	    "30,negotiation=7");
	d.activity = as_of - 8;
	r = judge(&d, NULL);
	ck_assert(has(&r, FF_STALE));
	d.stage = txt("Prospecting");
	r = judge(&d, NULL);
	ck_assert(!has(&r, FF_STALE));
}
END_TEST

START_TEST(test_stale_falls_back_to_stage_change_then_created)
{
	struct deal d = healthy();
	struct ff_result r;

	d.activity = DATE_NONE;
	d.stage_changed = as_of - 20;
	r = judge(&d, NULL);
	ck_assert(has(&r, FF_STALE));
	ck_assert_str_eq(r.why, "no activity recorded; 20 days since the "
	    "last stage change (limit 14)");
	d.stage_changed = DATE_NONE;
	d.created = as_of - 16;
	r = judge(&d, NULL);
	ck_assert_str_eq(r.why, "no activity recorded; 16 days since the "
	    "deal was created (limit 14)");
}
END_TEST

START_TEST(test_stuck_default_limit_is_30)
{
	struct deal d = healthy();
	struct ff_result r;

	d.stage_changed = as_of - 31;
	r = judge(&d, NULL);
	ck_assert(has(&r, FF_STUCK));
	ck_assert_str_eq(r.why, "in stage Negotiation for 31 days (limit 30)");
}
END_TEST

START_TEST(test_stuck_limit_learned_from_20_open_deals)
{
	struct deal d = healthy(), other = healthy();
	struct ff_result r;
	int i;

	/* Twenty deals ten days in the stage: median 10, limit 15. */
	other.stage_changed = as_of - 10;
	for (i = 0; i < 20; i++)
		ff_learn_add(&learn, &cfg, &other);
	d.stage_changed = as_of - 16;
	r = judge(&d, NULL);
	ck_assert(has(&r, FF_STUCK));
	ck_assert_str_eq(r.why, "in stage Negotiation for 16 days (limit 15: "
	    "1.5 x the median 10 days of 20 open deals in the stage)");
}
END_TEST

START_TEST(test_stuck_not_learned_from_19_deals)
{
	struct deal d = healthy(), other = healthy();
	struct ff_result r;
	int i;

	other.stage_changed = as_of - 10;
	for (i = 0; i < 19; i++)
		ff_learn_add(&learn, &cfg, &other);
	d.stage_changed = as_of - 16;
	r = judge(&d, NULL);
	ck_assert(!has(&r, FF_STUCK));
}
END_TEST

START_TEST(test_stuck_option_beats_learning)
{
	struct deal d = healthy(), other = healthy();
	struct ff_result r;
	int i;

	other.stage_changed = as_of - 10;
	for (i = 0; i < 20; i++)
		ff_learn_add(&learn, &cfg, &other);
	stage_limits_parse(&cfg.stuck, "--stuck-days", "Negotiation=20");
	d.stage_changed = as_of - 16;
	r = judge(&d, NULL);
	ck_assert(!has(&r, FF_STUCK));
}
END_TEST

START_TEST(test_slipped_from_push_count)
{
	struct deal d = healthy();
	struct ff_result r;

	d.push = 1;
	r = judge(&d, NULL);
	ck_assert(!has(&r, FF_SLIPPED));
	d.push = 2;
	r = judge(&d, NULL);
	ck_assert(has(&r, FF_SLIPPED));
	ck_assert_str_eq(r.why, "close date pushed 2 times (limit 2)");
}
END_TEST

START_TEST(test_slipped_from_prev_carries_pushes)
{
	struct deal d = healthy();
	struct ff_prev p = { 0 };
	struct ff_result r;

	p.close = d.close - 7;
	p.has_amount = true;
	p.amount = d.amount;
	strcpy(p.stage_key, "negotiation");
	p.prob = -1;
	p.pushes = 1;
	r = judge(&d, &p);
	ck_assert(has(&r, FF_SLIPPED));
	ck_assert_int_eq(r.pushes, 2);
	ck_assert_str_eq(r.why, "close date pushed 2 times (limit 2), last "
	    "from 2027-02-18 to 2027-02-25");
	p.close = d.close;
	r = judge(&d, &p);
	ck_assert(!has(&r, FF_SLIPPED));
	ck_assert_int_eq(r.pushes, 1);
}
END_TEST

START_TEST(test_shrunk_since_prev)
{
	struct deal d = healthy();
	struct ff_prev p = { 0 };
	struct ff_result r;

	p.close = d.close;
	p.has_amount = true;
	p.amount = 1500000;
	strcpy(p.stage_key, "negotiation");
	p.prob = -1;
	r = judge(&d, &p);
	ck_assert(has(&r, FF_SHRUNK));
	ck_assert_str_eq(r.why, "amount fell from 15000.00 to 10000.00 since "
	    "the previous export");
}
END_TEST

START_TEST(test_regressed_by_probability)
{
	struct deal d = healthy();
	struct ff_prev p = { 0 };
	struct ff_result r;

	d.stage = txt("Qualification");
	d.prob = 2000;
	p.close = d.close;
	strcpy(p.stage_key, "negotiation");
	strcpy(p.stage, "Negotiation");
	p.prob = 8000;
	r = judge(&d, &p);
	ck_assert(has(&r, FF_REGRESSED));
	ck_assert_str_eq(r.why, "stage moved back from Negotiation to "
	    "Qualification since the previous export");
}
END_TEST

START_TEST(test_regressed_by_stage_order)
{
	struct deal d = healthy();
	struct ff_prev p = { 0 };
	struct ff_result r;

	ff_set_order(&cfg, "Prospecting,Qualification,Negotiation");
	p.close = d.close;
	strcpy(p.stage_key, "qualification");
	p.prob = -1;
	r = judge(&d, &p);
	ck_assert(!has(&r, FF_REGRESSED));	/* moved forward */
	d.stage = txt("Prospecting");
	r = judge(&d, &p);
	ck_assert(has(&r, FF_REGRESSED));
}
END_TEST

START_TEST(test_aged_learned_from_won_cycle)
{
	struct deal d = healthy(), won = healthy();
	struct ff_result r;
	int i;

	won.cls = STAGE_WON;
	won.created = as_of - 100;
	won.close = as_of - 50;		/* a 50-day cycle */
	for (i = 0; i < 20; i++)
		ff_learn_add(&learn, &cfg, &won);
	d.created = as_of - 101;
	r = judge(&d, NULL);
	ck_assert(has(&r, FF_AGED));
	ck_assert_str_eq(r.why, "open 101 days (limit 100: 2 x the median 50 "
	    "days from creation to close of 20 won deals)");
}
END_TEST

START_TEST(test_aged_needs_a_limit)
{
	struct deal d = healthy();
	struct ff_result r;

	d.created = as_of - 1000;
	r = judge(&d, NULL);
	ck_assert(!has(&r, FF_AGED));
	cfg.max_age_days = 365;
	r = judge(&d, NULL);
	ck_assert(has(&r, FF_AGED));
}
END_TEST

START_TEST(test_record_hygiene_flags)
{
	struct deal d = healthy();
	struct ff_result r;
	char codes[128];

	d.next_step_empty = true;
	d.has_amount = false;
	d.close = DATE_NONE;
	r = judge(&d, NULL);
	ff_flags_string(r.flags, codes, sizeof(codes));
	ck_assert_str_eq(codes, "no-next-step;no-amount;no-close-date");
	ck_assert_str_eq(r.why, "no next step; no amount; no close date");
	ck_assert_int_eq(r.action, ACT_CLEAN_UP);
	ck_assert_int_eq(r.risk, 15);
}
END_TEST

START_TEST(test_clean_up_only_for_hygiene_alone)
{
	struct deal d = healthy();
	struct ff_result r;

	d.close = as_of - 3;
	d.next_step_empty = true;
	r = judge(&d, NULL);
	ck_assert_int_eq(r.action, ACT_CLEAN_UP);
	d.activity = as_of - 20;	/* stale too: not just the record */
	r = judge(&d, NULL);
	ck_assert_int_eq(r.action, ACT_NONE);
}
END_TEST

START_TEST(test_missing_columns_raise_no_hygiene_flags)
{
	struct deal d = healthy();
	struct ff_result r;

	cfg.has_amount_col = false;
	cfg.has_close_col = false;
	d.has_amount = false;
	d.close = DATE_NONE;
	r = judge(&d, NULL);
	ck_assert_uint_eq(r.flags, 0);
}
END_TEST

START_TEST(test_zero_amount_is_no_amount)
{
	struct deal d = healthy();
	struct ff_result r;

	d.amount = 0;
	r = judge(&d, NULL);
	ck_assert(has(&r, FF_NO_AMOUNT));
	ck_assert_str_eq(r.why, "amount is zero");
}
END_TEST

START_TEST(test_discount_above_limit)
{
	struct deal d = healthy();
	struct ff_result r;

	d.discount = 2000;
	r = judge(&d, NULL);
	ck_assert(!has(&r, FF_DISCOUNT));
	d.discount = 3550;
	r = judge(&d, NULL);
	ck_assert(has(&r, FF_DISCOUNT));
	ck_assert_str_eq(r.why, "discount 35.5% (limit 20.0%)");
}
END_TEST

START_TEST(test_dead_deal_is_de_resourced)
{
	struct deal d = healthy();
	struct ff_result r;

	d.activity = as_of - 29;	/* over twice the limit of 14 */
	d.push = 2;
	r = judge(&d, NULL);
	ck_assert_int_eq(r.action, ACT_DE_RESOURCE);
	ck_assert_ptr_nonnull(strstr(r.why, "looks dead: idle over twice the "
	    "limit and slipped"));
	d.activity = as_of - 28;	/* exactly twice: not yet */
	r = judge(&d, NULL);
	ck_assert_int_ne(r.action, ACT_DE_RESOURCE);
}
END_TEST

START_TEST(test_aged_early_stage_is_de_resourced)
{
	struct deal d = healthy();
	struct ff_result r;

	cfg.max_age_days = 90;
	d.created = as_of - 200;
	d.prob = 1000;
	r = judge(&d, NULL);
	ck_assert_int_eq(r.action, ACT_DE_RESOURCE);
	d.prob = 6000;			/* late stage: worth saving */
	r = judge(&d, NULL);
	ck_assert_int_eq(r.action, ACT_EXTRA_EFFORT);
	ck_assert_ptr_nonnull(strstr(r.why, "worth saving: late stage"));
}
END_TEST

START_TEST(test_big_troubled_deal_gets_extra_effort)
{
	struct deal d = healthy(), other = healthy();
	struct ff_result r;
	int i;

	/* Amounts 1..8 thousand: the top quarter starts at 7000. */
	for (i = 1; i <= 8; i++) {
		other.amount = i * 100000;
		ff_learn_add(&learn, &cfg, &other);
	}
	d.amount = 700000;
	d.activity = as_of - 20;
	r = judge(&d, NULL);
	ck_assert_int_eq(r.action, ACT_EXTRA_EFFORT);
	ck_assert_ptr_nonnull(strstr(r.why, "worth saving: in the top quarter "
	    "of open deals by amount (from 7000.00)"));
	d.amount = 600000;
	r = judge(&d, NULL);
	ck_assert_int_eq(r.action, ACT_NONE);
}
END_TEST

START_TEST(test_equal_amounts_make_no_top_quarter)
{
	struct deal d = healthy();
	struct ff_result r;
	int i;

	for (i = 0; i < 8; i++)
		ff_learn_add(&learn, &cfg, &d);
	d.activity = as_of - 20;
	r = judge(&d, NULL);
	ck_assert_int_eq(r.action, ACT_NONE);
}
END_TEST

START_TEST(test_commit_category_is_worth_saving)
{
	struct deal d = healthy();
	struct ff_result r;

	d.category = txt("Commit");
	d.activity = as_of - 20;
	r = judge(&d, NULL);
	ck_assert_int_eq(r.action, ACT_EXTRA_EFFORT);
	ck_assert_ptr_nonnull(strstr(r.why, "forecast category Commit"));
}
END_TEST

START_TEST(test_risk_is_capped_at_100)
{
	struct deal d = healthy();
	struct ff_result r;

	cfg.max_age_days = 10;
	d.close = as_of - 100;
	d.activity = as_of - 400;
	d.stage_changed = as_of - 400;
	d.created = as_of - 500;
	d.push = 9;
	d.discount = 9000;
	d.next_step_empty = true;
	d.has_amount = false;
	r = judge(&d, NULL);
	ck_assert_int_eq(r.risk, 100);
}
END_TEST

START_TEST(test_median_of_even_count_is_halfway)
{
	struct dayhist h = { NULL, 0, 0 };

	dayhist_add(&h, 10);
	dayhist_add(&h, 13);
	ck_assert_int_eq(dayhist_median2(&h), 23);
	dayhist_add(&h, 1);
	ck_assert_int_eq(dayhist_median2(&h), 20);
	free(h.count);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("flags");
	TCase *tc = tcase_create("rules");

	tcase_add_checked_fixture(tc, setup, teardown);
	ADD(tc, test_healthy_deal_has_no_flags);
	ADD(tc, test_closed_deals_get_no_flags);
	ADD(tc, test_past_due_names_the_date_and_days);
	ADD(tc, test_close_date_today_is_not_past_due);
	ADD(tc, test_stale_after_more_than_limit_days);
	ADD(tc, test_stale_limit_per_stage);
	ADD(tc, test_stale_falls_back_to_stage_change_then_created);
	ADD(tc, test_stuck_default_limit_is_30);
	ADD(tc, test_stuck_limit_learned_from_20_open_deals);
	ADD(tc, test_stuck_not_learned_from_19_deals);
	ADD(tc, test_stuck_option_beats_learning);
	ADD(tc, test_slipped_from_push_count);
	ADD(tc, test_slipped_from_prev_carries_pushes);
	ADD(tc, test_shrunk_since_prev);
	ADD(tc, test_regressed_by_probability);
	ADD(tc, test_regressed_by_stage_order);
	ADD(tc, test_aged_learned_from_won_cycle);
	ADD(tc, test_aged_needs_a_limit);
	ADD(tc, test_record_hygiene_flags);
	ADD(tc, test_clean_up_only_for_hygiene_alone);
	ADD(tc, test_missing_columns_raise_no_hygiene_flags);
	ADD(tc, test_zero_amount_is_no_amount);
	ADD(tc, test_discount_above_limit);
	ADD(tc, test_dead_deal_is_de_resourced);
	ADD(tc, test_aged_early_stage_is_de_resourced);
	ADD(tc, test_big_troubled_deal_gets_extra_effort);
	ADD(tc, test_equal_amounts_make_no_top_quarter);
	ADD(tc, test_commit_category_is_worth_saving);
	ADD(tc, test_risk_is_capped_at_100);
	ADD(tc, test_median_of_even_count_is_halfway);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
