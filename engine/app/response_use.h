/* response_use.h — using a response file's header (scenario, seed, plan, content hash) on the command
 * line, and checking all of its actions before a drill session begins. */
#ifndef YQ_APP_RESPONSE_USE_H
#define YQ_APP_RESPONSE_USE_H

#include "drill.h"

/* Take the scenario, seed and plan a response file names: *scenario when none was given, *seed from the
 * file (a different --seed is an error), *plan the file's plan under ROOT/scenarios/plans when --plan is
 * absent. Prints a one-line error; returns an APP_EXIT_* code. */
int app_responses_meta(const store_response_meta *m, const char *seed_opt, uint64_t *seed, const char **scenario,
                       const char *plan_opt, char *plan_buf, unsigned long plan_len, const char **plan);
/* With the drill open: the file's scenario, content hash and plan must match, and every action must be takeable.
 * Prints a one-line error naming the file; returns an APP_EXIT_* code. */
int app_responses_check(const app_drill *d, const store_response_meta *m, const sim_action *a, int n,
                        const char *name);

#endif
