/*
 * fuzz_accuracy: forecast --accuracy: a history file (forecast's own
 * output, appended) and an export through acc_read_history,
 * acc_add_deal and acc_write.
 *
 * Input: a control byte (as-of, --detail, --by-week, output format), the
 * history, "\n--\n", the export.  Properties: every history row is used,
 * skipped as a repeated header, or rejected; nothing overflows (UBSan).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "accuracy.h"
#include "date.h"
#include "diag.h"
#include "fuzz.h"

/* acc_read_history stops when a history column is missing. */
static bool
history_ok(const struct colmap *m)
{
	size_t idx[8];

	return acc_history_columns(m->hdr, idx) == NULL;
}

static bool
export_ok(const struct colmap *m)
{
	return colmap_has(m, F_AMOUNT) && colmap_has(m, F_STAGE) &&
	    colmap_has(m, F_CLOSE);
}

struct run {
	struct accuracy a;
	struct csv_reader *rd;
	struct deal_reader dr;
	const char *history;
};

static void
read_history(void *arg)
{
	struct run *r = arg;

	acc_read_history(&r->a, r->history);
}

static void
read_deals(void *arg)
{
	struct run *r = arg;
	const struct csv_row *row;
	struct deal d;
	int rc;

	while ((rc = csvr_next(r->rd, &row)) != 0)
		if (rc > 0 && deal_read(&r->dr, row, &d) == 0)
			acc_add_deal(&r->a, &d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t c0 = fuzz_byte(&data, &size);
	const uint8_t *hist, *deals;
	size_t hlen, dlen, len;
	struct common_opts c;
	struct acc_opts ao;
	const struct csv_row *hdr;
	char path[64], *buf;
	struct run r;
	struct out *o;
	FILE *tf, *dfp, *ofp;

	fuzz_split(data, size, &hist, &hlen, &deals, &dlen);
	if (!fuzz_peek_header(hist, hlen, CSV_DELIM_AUTO, history_ok) ||
	    !fuzz_peek_header(deals, dlen, CSV_DELIM_AUTO, export_ok))
		return 0;
	/* The history is read by path, as --history FILE. */
	tf = tmpfile();
	if (tf == NULL || fwrite(hist, 1, hlen, tf) != hlen || fflush(tf) != 0)
		abort();
	snprintf(path, sizeof(path), "/dev/fd/%d", fileno(tf));

	diag_reset();
	common_init(&c);
	c.as_of = date_from_ymd(2027, 1, 1) + c0 % 240;
	memset(&ao, 0, sizeof(ao));
	ao.as_of = c.as_of;
	ao.fiscal_start = 1;
	ao.detail = c0 & 1;
	ao.by_week = c0 & 2;
	memset(&r, 0, sizeof(r));
	r.history = path;
	acc_init(&r.a, &ao);
	if (fuzz_run(read_history, &r) < 0) {
		dfp = fuzz_memfile(deals, dlen);
		r.rd = csvr_open(dfp, "deals", CSV_DELIM_AUTO);
		if (csvr_header(r.rd, &hdr) != 0)
			abort();
		deal_reader_init(&r.dr, hdr, "deals", &c);
		if (fuzz_run(read_deals, &r) < 0) {
			acc_report(&r.a);
			ofp = open_memstream(&buf, &len);
			o = out_open(ofp, (enum out_format)((c0 >> 2) % 5));
			acc_write(&r.a, o);
			FUZZ_CHECK(out_close(o) == 0, "out_close");
			fclose(ofp);
			free(buf);
		}
		csvr_close(r.rd);
		fclose(dfp);
	}
	acc_free(&r.a);
	common_free(&c);
	fclose(tf);
	return 0;
}
