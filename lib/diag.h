/*
 * diag: messages about bad input and the run's accounting of rows.
 *
 * Every message goes to stderr through warnx(3), so it starts with the
 * tool's name, and names the file and line:
 *   attain: deals.csv:12: field "Amount": cannot read "12,3x4" as money
 * A row that cannot be used is reported (one message per problem) and then
 * rejected once with diag_reject(); the tool carries on with the rest and
 * diag_finish() prints "N of M rows rejected" and gives exit status 1.
 * Under --strict the first rejected row ends the run with status 1.
 *
 * Convention across lib/: a function that reads a whole row and returns -1
 * has already reported the row and called diag_reject(); a function that
 * reads one field only reports, and its caller rejects the row once.
 */
#ifndef SALESPERF_DIAG_H
#define SALESPERF_DIAG_H

#include <stdbool.h>
#include <stddef.h>

/* Exit statuses shared by the four tools. */
enum { EXIT_OK = 0, EXIT_BADROWS = 1, EXIT_USAGE = 2 };

void diag_set_strict(bool strict);

/* FILE:LINE: field "FIELD": cannot read "VALUE" as WHAT */
void diag_value(const char *file, long line, const char *field,
    const char *value, size_t len, const char *what);
/* FILE:LINE: printf-style message. */
void diag_at(const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Counts one data row read (good or bad) toward the summary. */
void diag_count_row(void);
/* Rejects the row just reported; exits with EXIT_BADROWS under --strict. */
void diag_reject(void);
long diag_rows(void);
long diag_rejected(void);
/*
 * Prints "N of M rows rejected" when N > 0 and returns the exit status the
 * tool should end with: EXIT_OK or EXIT_BADROWS.
 */
int diag_finish(void);

/*
 * Writes value into buf (size bufsz) fit for a message: control and
 * non-ASCII-invalid bytes as \xHH, a quote as \", cut at about 60
 * characters with "..." after.  Returns buf.
 */
const char *diag_quote(const char *value, size_t len, char *buf, size_t bufsz);

/* Resets the counters; for tests. */
void diag_reset(void);

#endif
