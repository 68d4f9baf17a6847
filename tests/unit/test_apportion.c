/*
 * apportion: the parts add up exactly, follow the weights, respect bounds,
 * and say by how much an impossible division fails.
 */
#include <stdlib.h>

#include "apportion.h"
#include "unit.h"

static int64_t
sum(const int64_t *v, size_t n)
{
	int64_t s = 0;
	size_t i;

	for (i = 0; i < n; i++)
		s += v[i];
	return s;
}

START_TEST(odd_unit_goes_to_largest_remainder)
{
	weight_t w[] = { 1, 1, 1 };
	int64_t out[3];

	ck_assert(apportion(100, w, 3, out));
	ck_assert_int_eq(out[0], 34);
	ck_assert_int_eq(out[1], 33);
	ck_assert_int_eq(out[2], 33);
}
END_TEST

START_TEST(largest_remainder_not_index_wins)
{
	/* 10 × 1/6 = 1.67, 10 × 2/6 = 3.33, 10 × 3/6 = 5: one unit left. */
	weight_t w[] = { 1, 2, 3 };
	int64_t out[3];

	ck_assert(apportion(10, w, 3, out));
	ck_assert_int_eq(out[0], 2);
	ck_assert_int_eq(out[1], 3);
	ck_assert_int_eq(out[2], 5);
}
END_TEST

START_TEST(zero_weight_gets_nothing)
{
	weight_t w[] = { 0, 5, 0 };
	int64_t out[3];

	ck_assert(apportion(7, w, 3, out));
	ck_assert_int_eq(out[0], 0);
	ck_assert_int_eq(out[1], 7);
	ck_assert_int_eq(out[2], 0);
}
END_TEST

START_TEST(all_zero_weights_cannot_divide)
{
	weight_t w[] = { 0, 0 };
	int64_t out[2];

	ck_assert(!apportion(7, w, 2, out));
	ck_assert(apportion(0, w, 2, out));
}
END_TEST

START_TEST(huge_weights_stay_exact)
{
	weight_t big = (weight_t)1 << 75;
	weight_t w[] = { big, big - 1, 3 };
	int64_t out[3];

	ck_assert(apportion(APPORTION_MAX - 1, w, 3, out));
	ck_assert_int_eq(sum(out, 3), APPORTION_MAX - 1);
	ck_assert(out[0] >= out[1]);
	ck_assert_int_eq(out[2], 0);
}
END_TEST

START_TEST(cap_excess_goes_to_the_others)
{
	struct claim c[] = {
		{ 1, 0, 50, true }, { 1, 0, 0, false }, { 1, 0, 0, false }
	};
	int64_t out[3], unplaced;
	enum pin pin[3];

	ck_assert_int_eq(apportion_bounded(300, c, 3, out, pin, &unplaced), 0);
	ck_assert_int_eq(out[0], 50);
	ck_assert_int_eq(out[1], 125);
	ck_assert_int_eq(out[2], 125);
	ck_assert_int_eq(pin[0], PIN_HIGH);
	ck_assert_int_eq(pin[1], PIN_FREE);
}
END_TEST

START_TEST(cap_redistribution_repeats_until_it_fits)
{
	/* 100 each; rep 0 capped at 50 puts rep 1 at 125, above its 110. */
	struct claim c[] = {
		{ 1, 0, 50, true }, { 1, 0, 110, true }, { 1, 0, 0, false }
	};
	int64_t out[3], unplaced;

	ck_assert_int_eq(apportion_bounded(300, c, 3, out, NULL, &unplaced),
	    0);
	ck_assert_int_eq(out[0], 50);
	ck_assert_int_eq(out[1], 110);
	ck_assert_int_eq(out[2], 140);
}
END_TEST

START_TEST(excess_follows_the_weights)
{
	/* Weights 2:1:1 of 400 = 200, 100, 100; rep 0 capped at 100 leaves
	 * 300 for reps 1 and 2 at 1:1. */
	struct claim c[] = {
		{ 2, 0, 100, true }, { 1, 0, 0, false }, { 1, 0, 0, false }
	};
	int64_t out[3], unplaced;

	ck_assert_int_eq(apportion_bounded(400, c, 3, out, NULL, &unplaced),
	    0);
	ck_assert_int_eq(out[0], 100);
	ck_assert_int_eq(out[1], 150);
	ck_assert_int_eq(out[2], 150);
}
END_TEST

START_TEST(impossible_cap_says_how_much_is_left)
{
	struct claim c[] = {
		{ 1, 0, 90, true }, { 1, 0, 90, true }, { 1, 0, 90, true }
	};
	int64_t out[3], unplaced;

	ck_assert_int_eq(apportion_bounded(300, c, 3, out, NULL, &unplaced),
	    -1);
	ck_assert_int_eq(unplaced, 30);
}
END_TEST

START_TEST(zero_weight_rep_cannot_take_excess)
{
	struct claim c[] = { { 1, 0, 90, true }, { 0, 0, 0, false } };
	int64_t out[2], unplaced;

	ck_assert_int_eq(apportion_bounded(100, c, 2, out, NULL, &unplaced),
	    -1);
	ck_assert_int_eq(unplaced, 10);
}
END_TEST

START_TEST(min_is_met_from_the_others)
{
	struct claim c[] = {
		{ 1, 0, 0, false }, { 1, 0, 0, false }, { 1, 200, 0, false }
	};
	int64_t out[3], unplaced;
	enum pin pin[3];

	ck_assert_int_eq(apportion_bounded(300, c, 3, out, pin, &unplaced), 0);
	ck_assert_int_eq(out[0], 50);
	ck_assert_int_eq(out[1], 50);
	ck_assert_int_eq(out[2], 200);
	ck_assert_int_eq(pin[2], PIN_LOW);
}
END_TEST

START_TEST(mins_above_total_fail_by_the_difference)
{
	struct claim c[] = { { 1, 200, 0, false }, { 1, 150, 0, false } };
	int64_t out[2], unplaced;

	ck_assert_int_eq(apportion_bounded(300, c, 2, out, NULL, &unplaced),
	    -1);
	ck_assert_int_eq(unplaced, -50);
}
END_TEST

START_TEST(zero_weight_rep_gets_its_min)
{
	struct claim c[] = { { 0, 40, 0, false }, { 1, 0, 0, false } };
	int64_t out[2], unplaced;

	ck_assert_int_eq(apportion_bounded(100, c, 2, out, NULL, &unplaced),
	    0);
	ck_assert_int_eq(out[0], 40);
	ck_assert_int_eq(out[1], 60);
}
END_TEST

START_TEST(cap_and_min_together)
{
	/* λ = 45: rep 0 at its cap 30, rep 1 free at 45, rep 2 at its min
	 * 125 (it would have 45 × 1 below it). */
	struct claim c[] = {
		{ 1, 0, 30, true }, { 1, 0, 0, false }, { 1, 125, 0, false }
	};
	int64_t out[3], unplaced;

	ck_assert_int_eq(apportion_bounded(200, c, 3, out, NULL, &unplaced),
	    0);
	ck_assert_int_eq(out[0], 30);
	ck_assert_int_eq(out[1], 45);
	ck_assert_int_eq(out[2], 125);
}
END_TEST

/* A small deterministic generator, so the random cases repeat. */
static uint64_t
next(uint64_t *s)
{
	*s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
	return *s >> 33;
}

START_TEST(random_bounded_divisions_hold_the_invariants)
{
	uint64_t seed = 42;
	int round;

	for (round = 0; round < 2000; round++) {
		struct claim c[6];
		int64_t out[6], unplaced, units = (int64_t)next(&seed) % 5000;
		size_t n = 1 + next(&seed) % 6, i;
		enum pin pin[6];

		for (i = 0; i < n; i++) {
			c[i].w = next(&seed) % 4 ? next(&seed) % 1000 : 0;
			c[i].lo = next(&seed) % 3 ? 0 : next(&seed) % 800;
			c[i].has_hi = next(&seed) % 2;
			c[i].hi = c[i].lo + next(&seed) % 2000;
		}
		if (apportion_bounded(units, c, n, out, pin, &unplaced) != 0)
			continue;
		ck_assert_int_eq(sum(out, n), units);
		for (i = 0; i < n; i++) {
			ck_assert(out[i] >= c[i].lo);
			ck_assert(!c[i].has_hi || out[i] <= c[i].hi);
		}
		/* Free parts are within one unit of the same λ × w. */
		for (i = 0; i < n; i++) {
			size_t j;

			for (j = 0; j < n; j++) {
				if (pin[i] != PIN_FREE || pin[j] != PIN_FREE ||
				    out[i] == 0)
					continue;
				ck_assert((weight_t)(out[i] - 1) * c[j].w <
				    (weight_t)(out[j] + 1) * c[i].w);
			}
		}
	}
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("apportion");
	TCase *tc = tcase_create("largest remainder");
	TCase *tb = tcase_create("bounded");

	ADD(tc, odd_unit_goes_to_largest_remainder);
	ADD(tc, largest_remainder_not_index_wins);
	ADD(tc, zero_weight_gets_nothing);
	ADD(tc, all_zero_weights_cannot_divide);
	ADD(tc, huge_weights_stay_exact);
	ADD(tb, cap_excess_goes_to_the_others);
	ADD(tb, cap_redistribution_repeats_until_it_fits);
	ADD(tb, excess_follows_the_weights);
	ADD(tb, impossible_cap_says_how_much_is_left);
	ADD(tb, zero_weight_rep_cannot_take_excess);
	ADD(tb, min_is_met_from_the_others);
	ADD(tb, mins_above_total_fail_by_the_difference);
	ADD(tb, zero_weight_rep_gets_its_min);
	ADD(tb, cap_and_min_together);
	ADD(tb, random_bounded_divisions_hold_the_invariants);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, tb);
	return s;
}

UNIT_MAIN
