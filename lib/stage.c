/*
 * stage: won, lost or open, by comparing normalised stage words.
 */
#include <err.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "stage.h"
#include "xalloc.h"

void
stage_key(const char *s, size_t len, char key[STAGE_KEY_SZ])
{
	size_t i, o = 0;

	/* ASCII only, whatever the locale: stage words are compared as bytes. */
	for (i = 0; i < len && o + 1 < STAGE_KEY_SZ; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 'A' && c <= 'Z')
			key[o++] = (char)(c - 'A' + 'a');
		else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			key[o++] = (char)c;
	}
	key[o] = '\0';
}

/* Splits a comma-separated list into keys; returns the count. */
static size_t
keys_from_list(const char *list, char (**out)[STAGE_KEY_SZ])
{
	size_t n = 1, k = 0;
	const char *p, *q;

	for (p = list; *p; p++)
		n += *p == ',';
	*out = xcalloc(n, STAGE_KEY_SZ);
	for (p = list;; p = q + 1) {
		q = strchr(p, ',');
		if (q == NULL)
			q = p + strlen(p);
		stage_key(p, (size_t)(q - p), (*out)[k]);
		if ((*out)[k][0] != '\0')
			k++;
		if (*q == '\0')
			break;
	}
	return k;
}

void
stage_rules_default(struct stage_rules *r)
{
	r->nwon = keys_from_list("Closed Won,Won", &r->won);
	r->nlost = keys_from_list("Closed Lost,Lost", &r->lost);
}

int
stage_rules_set(struct stage_rules *r, enum stage_class which,
    const char *list)
{
	char (*keys)[STAGE_KEY_SZ];
	size_t n = keys_from_list(list, &keys);

	if (n == 0) {
		free(keys);
		return -1;
	}
	if (which == STAGE_WON) {
		free(r->won);
		r->won = keys;
		r->nwon = n;
	} else {
		free(r->lost);
		r->lost = keys;
		r->nlost = n;
	}
	return 0;
}

void
stage_rules_free(struct stage_rules *r)
{
	free(r->won);
	free(r->lost);
	r->won = r->lost = NULL;
	r->nwon = r->nlost = 0;
}

static bool
in_list(char (*keys)[STAGE_KEY_SZ], size_t n, const char *key)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(keys[i], key) == 0)
			return true;
	return false;
}

enum stage_class
stage_classify(const struct stage_rules *r, const char *s, size_t len)
{
	char key[STAGE_KEY_SZ];

	stage_key(s, len, key);
	if (key[0] == '\0')
		return STAGE_OPEN;
	if (in_list(r->won, r->nwon, key))
		return STAGE_WON;
	if (in_list(r->lost, r->nlost, key))
		return STAGE_LOST;
	return STAGE_OPEN;
}
