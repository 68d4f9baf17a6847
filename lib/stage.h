/*
 * stage: is a deal won, lost or still open?
 *
 * A stage or status text is compared with the won and lost lists ignoring
 * ASCII case and everything but letters and digits, so "Closed Won",
 * "closed_won" and "closedwon" are one word.  Defaults: won = Closed Won,
 * Won; lost = Closed Lost, Lost.  --won LIST and --lost LIST (comma
 * separated) replace them.  Everything else is open.
 */
#ifndef SALESPERF_STAGE_H
#define SALESPERF_STAGE_H

#include <stddef.h>

enum stage_class { STAGE_OPEN, STAGE_WON, STAGE_LOST };

#define STAGE_KEY_SZ 64

struct stage_rules {
	char (*won)[STAGE_KEY_SZ];
	size_t nwon;
	char (*lost)[STAGE_KEY_SZ];
	size_t nlost;
};

void stage_rules_default(struct stage_rules *r);
/* Replaces the won (or lost) list with the comma-separated list. 0 or -1. */
int stage_rules_set(struct stage_rules *r, enum stage_class which,
    const char *list);
void stage_rules_free(struct stage_rules *r);
enum stage_class stage_classify(const struct stage_rules *r, const char *s,
    size_t len);

/*
 * The comparison key of a stage name: lower-case letters and digits only,
 * cut to STAGE_KEY_SZ - 1 bytes.  Also used to match names given in
 * options such as --stale-days 'Prospecting=30'.
 */
void stage_key(const char *s, size_t len, char key[STAGE_KEY_SZ]);

#endif
