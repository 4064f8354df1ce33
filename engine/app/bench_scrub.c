/* bench_scrub.c — `yqdrill bench scrub`: going back in a review on each shipped drill at 100,000 accounts, as
 * the review does it now (rebuilt from t = 0) and from the nearest 10-minute world checkpoint (sim_world_clone). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "drill.h"
#include "paths.h"
#include "script/script.h"
#include "store/store.h"
#include "monotonic.h"

#define SCRUB_ACCOUNTS 100000u
#define SCRUB_SEED 1
#define SCRUB_RUNS 5
#define SCRUB_EVERY 600   /* simulated seconds between checkpoints */

typedef struct scrub_drill {
    app_drill d;
    sim_scenario scn;     /* the drill's scenario at SCRUB_ACCOUNTS */
    scn_script *script;
    sim_action *acts;     /* its reference responses */
    int n_acts;
} scrub_drill;

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* A world at t = 0 with every reference action queued, as review.c builds one; NULL on failure. */
static sim_world *fresh_world(scrub_drill *s, char *err, int errlen)
{
    sim_hooks hooks;
    scn_hooks(s->script, &hooks);
    sim_world *w = sim_world_new(&s->scn, &s->d.lex, SCRUB_SEED, &hooks, err, errlen);
    if (w)
        sim_world_set_phrases(w, &s->d.phrases);
    for (int i = 0; w && i < s->n_acts; i++)
        if (sim_submit(w, &s->acts[i], err, errlen)) {
            sim_world_free(w);
            w = NULL;
        }
    return w;
}

static int open_drill(scrub_drill *s, const char *id, char *err, int errlen)
{
    char path[8192], sub[4096];
    scn_problems probs = {0};
    memset(s, 0, sizeof *s);
    sim_scenario_init(&s->scn);
    int rc = app_drill_open(&s->d, id, SCRUB_SEED, NULL, &probs, err, errlen);
    scn_problems_free(&probs);
    if (rc)
        return -1;
    if (scn_load(s->d.dir, SCRUB_SEED, &s->scn, &s->script, &probs)) {
        scn_problems_free(&probs);
        snprintf(err, (size_t)errlen, "%s does not load", id);
        return -1;
    }
    scn_problems_free(&probs);
    s->scn.params = s->d.scn.params;
    s->scn.params.population = SCRUB_ACCOUNTS;
    snprintf(sub, sizeof sub, "%s/responses", id);
    app_path(path, sizeof path, "scenarios", sub);
    strncat(path, "/reference.json", sizeof path - strlen(path) - 1);
    return store_actions_read_file(path, &s->acts, &s->n_acts, err, errlen) ? -1 : 0;
}

static void close_drill(scrub_drill *s)
{
    store_actions_free(s->acts, s->n_acts);
    scn_free(s->script);
    sim_scenario_free(&s->scn);
    app_drill_close(&s->d);
}

/* Milliseconds to go back to t by rebuilding from t = 0 (median of SCRUB_RUNS), its world's hash in *hash. */
static double back_by_replay(scrub_drill *s, sim_time t, uint64_t *hash, char *err, int errlen)
{
    double ms[SCRUB_RUNS];
    for (int k = 0; k < SCRUB_RUNS; k++) {
        double t0 = app_now_s() * 1e3;
        sim_world *w = fresh_world(s, err, errlen);
        if (!w || sim_run_until(w, t)) {
            sim_world_free(w);
            return -1.0;
        }
        ms[k] = app_now_s() * 1e3 - t0;
        *hash = sim_hash(w);
        sim_world_free(w);
    }
    qsort(ms, SCRUB_RUNS, sizeof *ms, cmp_double);
    return ms[SCRUB_RUNS / 2];
}

/* Median milliseconds (of SCRUB_RUNS) to copy checkpoint c and step the copy to t; its hash in *hash. */
static double restore_ms(const sim_world *c, const sim_hooks *hooks, sim_time t, uint64_t *hash, char *err,
                         int errlen)
{
    double ms[SCRUB_RUNS];
    for (int k = 0; k < SCRUB_RUNS; k++) {
        double t0 = app_now_s() * 1e3;
        sim_world *w = sim_world_clone(c, hooks, err, errlen);
        int failed = !w || sim_run_until(w, t);
        ms[k] = app_now_s() * 1e3 - t0;
        *hash = w ? sim_hash(w) : 0;
        sim_world_free(w);
        if (failed)
            return -1.0;
    }
    qsort(ms, SCRUB_RUNS, sizeof *ms, cmp_double);
    return ms[SCRUB_RUNS / 2];
}

/* Checkpoints every SCRUB_EVERY seconds of one run up to `end`. The worst going back: for each checkpoint, to
 * the last tick before the next one (the most stepping a restore needs), the largest median, in *worst_ms.
 * Returns the median for going back to t (hash in *hash), or -1 on failure. */
static double back_by_checkpoint(scrub_drill *s, sim_time t, sim_time end, double *worst_ms, uint64_t *hash,
                                 char *err, int errlen)
{
    sim_world *run = fresh_world(s, err, errlen), *ckpt = NULL;
    sim_hooks hooks;
    scn_hooks(s->script, &hooks);
    double at_t = -1.0, ms;
    uint64_t ignored;
    *worst_ms = 0.0;
    for (sim_time at = 0; run && at < end; at += SCRUB_EVERY) {
        if (sim_run_until(run, at))
            break;
        sim_world_free(ckpt);
        if (!(ckpt = sim_world_clone(run, &hooks, err, errlen)))
            break;
        sim_time last = at + SCRUB_EVERY - SIM_TICK_S < end ? at + SCRUB_EVERY - SIM_TICK_S : end;
        if ((ms = restore_ms(ckpt, &hooks, last, &ignored, err, errlen)) < 0.0)
            break;
        if (ms > *worst_ms)
            *worst_ms = ms;
        if (at <= t && t < at + SCRUB_EVERY)
            at_t = restore_ms(ckpt, &hooks, t, hash, err, errlen);
    }
    sim_world_free(ckpt);
    sim_world_free(run);
    return at_t;
}

static int bench_drill(const char *id, void *ctx)
{
    double *worst = ctx;
    scrub_drill s;
    char err[512];
    int rc = open_drill(&s, id, err, sizeof err);
    /* The review's end: where the replay stopped (an ending may come before the scenario's duration). */
    sim_world *full = rc ? NULL : fresh_world(&s, err, sizeof err);
    rc = !full || sim_run_until(full, s.scn.duration);
    sim_time end = full ? full->now : 0, t = end - 60;
    sim_world_free(full);
    uint64_t h_replay = 0, h_ckpt = 0;
    double replay = rc ? -1.0 : back_by_replay(&s, t, &h_replay, err, sizeof err);
    double worst_ms = 0.0;
    double ckpt = replay < 0.0 ? -1.0 : back_by_checkpoint(&s, t, end, &worst_ms, &h_ckpt, err, sizeof err);
    if (ckpt < 0.0) {
        fprintf(stderr, "yqdrill bench scrub: %s: %s\n", id, err);
        close_drill(&s);
        return -1;
    }
    printf("# %s at %u accounts with its reference responses: back to a minute before its replay's end (%.1f h), rebuilt from t = 0 "
           "as review does now (scenario already loaded; world built, actions queued, run); median of %d, ms\n"
           "scrub_back_replay_ms_%s: %.1f\n", id, SCRUB_ACCOUNTS, (double)(t + 60) / 3600.0, SCRUB_RUNS, id, replay);
    printf("# the same from the last 10-minute checkpoint: world cloned, triggers attached, run on; median of %d, ms\n"
           "scrub_back_ckpt_ms_%s: %.1f\n", SCRUB_RUNS, id, ckpt);
    printf("# the worst moment to go back to: over every checkpoint, copied and run to the tick before the next one; "
           "the largest median of %d, ms\nscrub_back_ckpt_worst_ms_%s: %.1f\n", SCRUB_RUNS, id, worst_ms);
    printf("# whether that world's hash equals the rebuilt one's (1 yes; 0: trigger state outside the world "
           "differs)\nscrub_ckpt_same_%s: %d\n", id, h_ckpt == h_replay);
    if (worst_ms > *worst)
        *worst = worst_ms;
    close_drill(&s);
    return 0;
}

int app_bench_scrub(void)
{
    double worst = 0.0;
    int rc = app_bench_each("scrub", bench_drill, &worst);
    if (rc != APP_EXIT_USAGE)
        printf("# the slowest drill's worst checkpointed backward scrub (goal <= 16 ms), ms\nscrub_back_ckpt_ms_max: %.1f\n",
               worst);
    return rc;
}
