/*
 * test_deal: one opportunity row read into typed values.
 */
#include "date.h"
#include "deal.h"
#include "diag.h"
#include "unit.h"

struct fixture {
	FILE *fp;
	struct csv_reader *r;
	struct common_opts opt;
	struct deal_reader dr;
	struct deal d;
};

/* Reads the header of csv, then its first data row into fx->d. */
static int
read_one(struct fixture *fx, const char *csv)
{
	const struct csv_row *hdr, *row;

	diag_reset();
	fx->fp = string_stream(csv);
	fx->r = csvr_open(fx->fp, "deals.csv", ',');
	ck_assert_int_eq(csvr_header(fx->r, &hdr), 0);
	deal_reader_init(&fx->dr, hdr, "deals.csv", &fx->opt);
	ck_assert_int_eq(csvr_next(fx->r, &row), 1);
	return deal_read(&fx->dr, row, &fx->d);
}

static void
done(struct fixture *fx)
{
	csvr_close(fx->r);
	fclose(fx->fp);
	common_free(&fx->opt);
}

START_TEST(test_reads_typed_values)
{
	struct fixture fx;

	common_init(&fx.opt);
	ck_assert_int_eq(read_one(&fx,
	    "Opportunity ID,Owner,Stage,Amount,Close Date,Created Date,"
	    "Probability (%),Next Step,Push Count\n"
	    "006A,Ann Lee,Negotiation,\"$12,500.00\",3/31/2027,2026-11-02,"
	    "60, ,3\n"), 0);
	ck_assert_int_eq(fx.d.id.len, 4);
	ck_assert_int_eq(memcmp(fx.d.rep.s, "Ann Lee", 7), 0);
	ck_assert_int_eq(fx.d.cls, STAGE_OPEN);
	ck_assert(fx.d.has_amount);
	ck_assert_int_eq(fx.d.amount, 1250000);
	ck_assert_int_eq(fx.d.close, date_from_ymd(2027, 3, 31));
	ck_assert_int_eq(fx.d.created, date_from_ymd(2026, 11, 2));
	ck_assert_int_eq(fx.d.activity, DATE_NONE);
	ck_assert_int_eq(fx.d.prob, 6000);
	ck_assert(fx.d.next_step_empty);
	ck_assert_int_eq(fx.d.push, 3);
	ck_assert_int_eq(fx.d.line, 2);
	done(&fx);
}
END_TEST

START_TEST(test_empty_amount_is_missing_not_zero)
{
	struct fixture fx;

	common_init(&fx.opt);
	ck_assert_int_eq(read_one(&fx, "Stage,Amount\nWon,\n"), 0);
	ck_assert(!fx.d.has_amount);
	ck_assert_int_eq(fx.d.cls, STAGE_WON);
	done(&fx);
}
END_TEST

START_TEST(test_bad_values_are_all_reported_and_row_rejected_once)
{
	struct fixture fx;
	char err[1024];

	common_init(&fx.opt);
	capture_begin();
	ck_assert_int_eq(read_one(&fx, "Stage,Amount,Close Date\n"
	    "Open,\"12,3x4\",2027-02-30\n"), -1);
	capture_end(err, sizeof(err));
	ck_assert_ptr_nonnull(strstr(err, "deals.csv:2: field \"Amount\": "
	    "cannot read \"12,3x4\" as money"));
	ck_assert_ptr_nonnull(strstr(err, "deals.csv:2: field \"Close Date\": "
	    "cannot read \"2027-02-30\" as a date"));
	ck_assert_int_eq(diag_rejected(), 1);
	done(&fx);
}
END_TEST

START_TEST(test_status_decides_when_both_columns)
{
	struct fixture fx;

	common_init(&fx.opt);
	ck_assert_int_eq(read_one(&fx, "Deal - Stage,Deal - Status\n"
	    "Negotiation,won\n"), 0);
	ck_assert_int_eq(fx.d.cls, STAGE_WON);
	ck_assert_int_eq(memcmp(fx.d.stage.s, "Negotiation", 11), 0);
	done(&fx);
}
END_TEST

START_TEST(test_probability_forms)
{
	ck_assert_int_eq(prob_parse("60", 2, PROB_BY_VALUE), 6000);
	ck_assert_int_eq(prob_parse("60%", 3, PROB_BY_VALUE), 6000);
	ck_assert_int_eq(prob_parse("0.6", 3, PROB_BY_VALUE), 6000);
	ck_assert_int_eq(prob_parse("1", 1, PROB_BY_VALUE), 100);
	ck_assert_int_eq(prob_parse("1", 1, PROB_FRACTION), 10000);
	ck_assert_int_eq(prob_parse("0.6", 3, PROB_PERCENT), 60);
	ck_assert_int_eq(prob_parse("12.5", 4, PROB_BY_VALUE), 1250);
	ck_assert_int_eq(prob_parse("101", 3, PROB_BY_VALUE), -1);
	ck_assert_int_eq(prob_parse("-5", 2, PROB_BY_VALUE), -1);
	ck_assert_int_eq(prob_parse("high", 4, PROB_BY_VALUE), -1);
}
END_TEST

START_TEST(test_hubspot_probability_column_reads_fractions)
{
	struct fixture fx;

	common_init(&fx.opt);
	ck_assert_int_eq(read_one(&fx, "dealstage,hs_deal_stage_probability\n"
	    "contractsent,1\n"), 0);
	ck_assert_int_eq(fx.d.prob, 10000);
	done(&fx);
}
END_TEST

START_TEST(test_second_currency_stops_the_run)
{
	struct fixture fx;
	const struct csv_row *row;

	common_init(&fx.opt);
	ck_assert_int_eq(read_one(&fx, "Stage,Amount,Currency\n"
	    "Won,5,USD\nWon,6,EUR\n"), 0);
	ck_assert_int_eq(csvr_next(fx.r, &row), 1);
	deal_read(&fx.dr, row, &fx.d);
}
END_TEST

START_TEST(test_rates_convert_to_reporting_currency)
{
	struct fixture fx;
	FILE *rates = fopen("rates-test.csv", "w");

	ck_assert_ptr_nonnull(rates);
	fputs("currency,rate\nEUR,1.1\nUSD,1\n", rates);
	fclose(rates);
	common_init(&fx.opt);
	ck_assert_int_eq(currency_load_rates(&fx.opt.currency,
	    "rates-test.csv"), 0);
	remove("rates-test.csv");
	ck_assert_int_eq(read_one(&fx, "Stage,Amount\nWon,EUR 100.05\n"), 0);
	ck_assert_int_eq(fx.d.amount, 11006);	/* 110.055 rounds up */
	done(&fx);
}
END_TEST

START_TEST(test_currency_column_must_agree_with_symbol)
{
	struct fixture fx;
	char err[512];

	common_init(&fx.opt);
	capture_begin();
	ck_assert_int_eq(read_one(&fx, "Stage,Amount,Amount Currency\n"
	    "Won,€5,USD\n"), -1);
	capture_end(err, sizeof(err));
	ck_assert_ptr_nonnull(strstr(err, "field \"Amount\" is in EUR but "
	    "field \"Amount Currency\" says USD"));
	done(&fx);
}
END_TEST

START_TEST(test_push_count_must_be_whole)
{
	struct fixture fx;

	common_init(&fx.opt);
	capture_begin();
	ck_assert_int_eq(read_one(&fx, "Stage,Push Count\nOpen,2.5\n"), -1);
	capture_end((char[256]){ 0 }, 256);
	done(&fx);
}
END_TEST

START_TEST(test_date_format_option)
{
	struct fixture fx;

	common_init(&fx.opt);
	fx.opt.date_format = "%d.%m.%Y";
	ck_assert_int_eq(read_one(&fx, "Stage,Close Date\nOpen,31.03.2027\n"),
	    0);
	ck_assert_int_eq(fx.d.close, date_from_ymd(2027, 3, 31));
	done(&fx);
}
END_TEST

START_TEST(test_only_used_columns_are_read)
{
	static const enum field used[] = { F_STAGE, F_AMOUNT, F_CLOSE };
	const struct csv_row *hdr, *row;
	struct fixture fx;

	common_init(&fx.opt);
	diag_reset();
	fx.fp = string_stream("Stage,Amount,Close Date,Last Activity\n"
	    "Won,5,2027-01-02,not a date\n");
	fx.r = csvr_open(fx.fp, "deals.csv", ',');
	ck_assert_int_eq(csvr_header(fx.r, &hdr), 0);
	deal_reader_init(&fx.dr, hdr, "deals.csv", &fx.opt);
	deal_reader_only(&fx.dr, used, 3);
	ck_assert_int_eq(csvr_next(fx.r, &row), 1);
	ck_assert_int_eq(deal_read(&fx.dr, row, &fx.d), 0);
	ck_assert_int_eq(fx.d.amount, 500);
	ck_assert_int_eq(fx.d.activity, DATE_NONE);
	done(&fx);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("deal");
	TCase *tc = tcase_create("read");

	ADD(tc, test_reads_typed_values);
	ADD(tc, test_empty_amount_is_missing_not_zero);
	ADD(tc, test_bad_values_are_all_reported_and_row_rejected_once);
	ADD(tc, test_status_decides_when_both_columns);
	ADD(tc, test_probability_forms);
	ADD(tc, test_hubspot_probability_column_reads_fractions);
	tcase_add_exit_test(tc, test_second_currency_stops_the_run,
	    EXIT_BADROWS);
	ADD(tc, test_rates_convert_to_reporting_currency);
	ADD(tc, test_currency_column_must_agree_with_symbol);
	ADD(tc, test_push_count_must_be_whole);
	ADD(tc, test_date_format_option);
	ADD(tc, test_only_used_columns_are_read);
	suite_add_tcase(s, tc);
	return s;
}

UNIT_MAIN
