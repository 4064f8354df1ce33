/* response_use.c — a response file on the command line: what its header says the actions were played on
 * (scenario, seed, plan, content hash) is used and checked against the options, and every action is
 * checked before a session begins, so a file that fails part-way leaves no half-played session behind. */
#include "response_use.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "paths.h"

int app_responses_meta(const store_response_meta *m, const char *seed_opt, uint64_t *seed, const char **scenario,
                       const char *plan_opt, char *plan_buf, unsigned long plan_len, const char **plan)
{
    *plan = plan_opt;
    if (!*scenario && m->scenario[0])
        *scenario = m->scenario;
    if (m->has_seed && seed_opt && *seed != m->seed) {
        fprintf(stderr, "yqdrill: --seed %" PRIu64 " differs from the response file's seed %" PRIu64
                        " (leave --seed out to replay it)\n", *seed, m->seed);
        return APP_EXIT_USAGE;
    }
    if (m->has_seed)
        *seed = m->seed;
    if (!plan_opt && m->plan[0]) {
        char name[STORE_ID_MAX + 8];
        snprintf(name, sizeof name, "%s.json", m->plan);
        *plan = app_path(plan_buf, plan_len, "scenarios/plans", name);
    }
    return APP_EXIT_OK;
}

int app_responses_check(const app_drill *d, const store_response_meta *m, const sim_action *a, int n, const char *name)
{
    if (m->scenario[0] && strcmp(m->scenario, d->scn.id) != 0) {
        fprintf(stderr, "yqdrill: %s was played on scenario %s, not %s\n", name, m->scenario, d->scn.id);
        return APP_EXIT_USAGE;
    }
    if (m->has_content_hash && m->content_hash != d->scn.content_hash) {
        fprintf(stderr, "yqdrill: %s was played on another version of scenario %s (content %016" PRIx64
                        ", now %016" PRIx64 "); its replay would differ\n", name, d->scn.id, m->content_hash,
                d->scn.content_hash);
        return APP_EXIT_USAGE;
    }
    if (m->plan[0] && strcmp(score_plan_id(d->plan), m->plan) != 0) {
        fprintf(stderr, "yqdrill: %s was graded under plan %s, not %s\n", name, m->plan, score_plan_id(d->plan));
        return APP_EXIT_USAGE;
    }
    char err[600];
    int rc = app_drill_check(d, a, n, 0, d->world->now, err, sizeof err);
    if (rc)
        fprintf(stderr, "yqdrill: %s: %s\n", name, err);
    return rc;
}
