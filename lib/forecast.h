/*
 * forecast: the period's bookings per rep, per team and in total, from
 * what has closed and what is still open.
 *
 * Only deals whose close date lies inside the period count.  Per group:
 *   closed     won amount with a close date on or before as-of
 *   commit     closed + open amount in forecast category Commit
 *   best_case  commit + open amount in category Best Case
 *   pipeline   all open amount except category Omitted
 *   weighted   closed + sum of open amount x p (Omitted excluded)
 *   p10..p90   percentiles of closed + sum of amount x Bernoulli(p)
 * The probability p of an open deal comes from --stage-prob, else the
 * export's probability column, else the win rate won / (won + lost)
 * learned from the export's closed deals: the rep's own with 20 or more
 * closed deals, the overall rate otherwise.  The ranges are simulated
 * (seeded, so the same input gives the same bytes) when a group's open
 * deals times the trials stay within FC_SIM_BUDGET and the run's budget
 * of draws (FC_SIM_PER_ROW per row read, given to the smallest groups
 * first) has room, and taken from a normal approximation otherwise.
 * forecast(1) states every rule.
 *
 * Memory: one record per open deal in the period per level shown (amount,
 * probability, rep: 16 bytes), plus one small record per rep and team.
 */
#ifndef SALESPERF_FORECAST_H
#define SALESPERF_FORECAST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "deal.h"
#include "goalfile.h"
#include "output.h"
#include "stage.h"
#include "strmap.h"
#include "teams.h"

enum fc_level { FC_REP, FC_TEAM, FC_TOTAL, FC_NLEVELS };
#define FC_LEVEL_BIT(l) (1u << (l))

enum fc_cat { FC_CAT_PIPELINE, FC_CAT_BEST_CASE, FC_CAT_COMMIT,
	FC_CAT_OMITTED };

#define FC_DEFAULT_TRIALS 10000
#define FC_DEFAULT_SEED 20270101u
/* Bernoulli draws (open deals x trials) simulated for one group at most. */
#define FC_SIM_BUDGET 1000000L
/* Draws simulated in one run per deal row read (at least FC_SIM_BUDGET). */
#define FC_SIM_PER_ROW 50L
/* Closed deals a rep needs before the rep's own win rate is used. */
#define FC_OWN_RATE_MIN 20
#define FC_NO_REP "(no rep)"
#define FC_NO_TEAM "(no team)"

/* Stage names mapped to a value (a probability or a category). */
struct fc_stagemap {
	char (*key)[STAGE_KEY_SZ];
	int *value;
	size_t n;
	int dflt;		/* for stages not listed; -1: none */
};

void fc_stagemap_init(struct fc_stagemap *m);
void fc_stagemap_free(struct fc_stagemap *m);
/*
 * Parses --stage-prob 'Stage=PCT,...' (60, 60% and 0.6 all mean 60%) or
 * --category 'Stage=Commit,...'.  A bare value is the default for stages
 * not listed.  A bad value exits with status 2 naming the option.
 */
void fc_stagemap_probs(struct fc_stagemap *m, const char *opt,
    const char *arg);
void fc_stagemap_cats(struct fc_stagemap *m, const char *opt,
    const char *arg);
/* The value for this stage, the default, or -1. */
int fc_stagemap_get(const struct fc_stagemap *m, const char *stage,
    size_t len);

/* A forecast category name (Salesforce, HubSpot, Dynamics); -1 unknown. */
int fc_cat_parse(const char *s, size_t len);

struct fc_opts {
	int32_t start, end;	/* the period, both included */
	int32_t as_of;
	unsigned levels;	/* FC_LEVEL_BIT of each level shown */
	bool ranges;		/* false: --no-ranges */
	long trials;
	uint64_t seed;
	struct fc_stagemap stage_prob;	/* --stage-prob (not owned) */
	struct fc_stagemap category;	/* --category (not owned) */
};

void fc_opts_default(struct fc_opts *o);

/* One open deal, held until the probabilities and ranges are known. */
struct fc_open {
	int64_t amount;		/* cents */
	int32_t prob;		/* basis points; -1 until the learned rate */
	uint32_t rep;		/* index among the reps, for the learned rate */
};

enum fc_method { FC_RANGE_NONE, FC_RANGE_SIMULATED, FC_RANGE_APPROXIMATED };

struct fc_range {
	int64_t p10, p50, p90;
};

struct fc_group {
	bool seen;		/* a deal in the period, or a goal */
	int64_t closed;
	int64_t commit_open, best_open, pipeline; /* open, not cumulative */
	long deals;		/* open deals counted in the pipeline */
	struct fc_open *open;
	size_t nopen, capopen;
	bool has_goal;
	int64_t goal;
	/* Filled in by fc_finish. */
	int64_t weighted;
	struct fc_range range;
	enum fc_method method;
};

/* Closed deals of one rep, for the learned win rate. */
struct fc_rep {
	long won, lost;
	long learned;		/* open deals weighted by a learned rate */
	int32_t rate;		/* basis points, after fc_finish */
	bool own;		/* the rep's own rate (20+ closed deals) */
};

struct forecast {
	struct fc_opts opt;
	struct strmap names[FC_NLEVELS];
	struct fc_group *group[FC_NLEVELS];
	size_t capgroup[FC_NLEVELS];
	struct fc_rep *rep;		/* parallel to names[FC_REP] */
	long rows;			/* deals read */
	long won, lost;			/* all reps, for the overall rate */
	int32_t overall_rate;		/* basis points, after fc_finish */
	long won_after_as_of;		/* won in the period, dated later */
	long open_undated;		/* open deals without a close date */
	struct strmap unknown_cat;	/* category texts read as Pipeline */
};

void fc_init(struct forecast *f, const struct fc_opts *opt);
void fc_free(struct forecast *f);
/*
 * Counts one deal.  d->team is used when the team level is shown; file
 * and d->line name the row in messages.  An open deal in the period with
 * a negative amount is reported and rejected: returns -1, else 0.
 */
int fc_add(struct forecast *f, const struct deal *d, const char *file);
/* Adds to a group's goal (the group is shown even without deals). */
void fc_add_goal(struct forecast *f, enum fc_level level, const char *name,
    size_t len, int64_t goal);
/*
 * Adds the goals whose window lies inside the period: to the rep, to the
 * rep's team (the goal's team column, else teams, which may be NULL) and
 * to the total.  A goal that overlaps the period only in part is named on
 * stderr and left out.  Returns the number of goals used.
 */
size_t fc_add_goals(struct forecast *f, const struct goalfile *gf,
    const struct teams *teams);
/* Learns the win rates, then weights and ranges every group shown. */
void fc_finish(struct forecast *f);
/* Says on stderr which learned win rates were used, if any. */
void fc_report(const struct forecast *f);
/* Writes the header and one row per group shown. */
void fc_write(const struct forecast *f, struct out *o, const char *period);

/* The group of a level, for tests: NULL when there is none. */
const struct fc_group *fc_group(const struct forecast *f,
    enum fc_level level, const char *name);

/*
 * The range of base + sum of amount x Bernoulli(prob) over n deals: by
 * simulation with `trials` draws from a generator seeded with seed, or by
 * the normal approximation with mean base + sum a p and variance
 * sum a^2 p (1 - p).  Neither clamps; fc_finish does.
 */
void fc_simulate(const struct fc_open *d, size_t n, int64_t base,
    long trials, uint64_t seed, struct fc_range *r);
void fc_approximate(const struct fc_open *d, size_t n, int64_t base,
    struct fc_range *r);
/* base + sum of amount x prob, rounded once, half away from zero. */
int64_t fc_weighted(const struct fc_open *d, size_t n, int64_t base);

#endif
