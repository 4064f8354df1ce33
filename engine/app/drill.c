/* drill.c — the drill session controller: loads everything a drill needs (or reopens a saved session
 * for replay), routes every action through validation → save → world, and grades against a no-action baseline. */
#include "drill.h"
#include "lexicon_open.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "file_hash.h"
#include "heap_ready.h"
#include "paths.h"
#include "run_modes.h"

int app_drill_open(app_drill *d, const char *scenario, uint64_t seed, const char *plan_path,
                   scn_problems *probs, char *err, int errlen)
{
    memset(d, 0, sizeof *d);
    d->seed = seed;
    app_scenario_dir(scenario, d->dir, sizeof d->dir);
    sim_scenario_init(&d->scn);
    if (scn_load(d->dir, seed, &d->scn, &d->script, probs)) {
        snprintf(err, (size_t)errlen, "scenario %s is invalid", scenario);
        return APP_EXIT_SCENARIO;
    }
    app_heap_ready(d->scn.params.population);
    char path[4096], name[512];
    if (!plan_path) {
        snprintf(name, sizeof name, "%s.json", d->scn.plan ? d->scn.plan : "general");
        plan_path = app_path(path, sizeof path, "scenarios/plans", name);
    }
    snprintf(d->plan_path, sizeof d->plan_path, "%s", plan_path);
    if (score_plan_load(plan_path, &d->plan, err, errlen) || app_file_hash(plan_path, &d->plan_hash, err, errlen))
        return APP_EXIT_USAGE;
    score_plan_apply(d->plan, &d->scn.params);
    score_plan_apply_scenario(d->plan, &d->scn, &d->scn.params);
    if (app_lexicon_open(&d->lex, err, errlen) ||
        score_phrases_load(app_path(path, sizeof path, "assets/feed", "phrases.json"), &d->phrases, err, errlen))
        return APP_EXIT_USAGE;
    if (score_texts_load(app_path(path, sizeof path, "assets", "score"), &d->texts, err, errlen))
        return APP_EXIT_USAGE;
    sim_hooks hooks;
    scn_hooks(d->script, &hooks);
    d->world = sim_world_new(&d->scn, &d->lex, seed, &hooks, err, errlen);
    if (!d->world)
        return APP_EXIT_SCENARIO;
    sim_world_set_phrases(d->world, &d->phrases);
    /* The baseline is this world as it starts: the same population and network, shared rather than generated a
     * second time, and the same triggers, whose state each world keeps (w.state, which thresholds fired, the
     * drill's budgets), so one script serves both. */
    d->base = sim_world_clone(d->world, &hooks, err, errlen);
    return d->base ? APP_EXIT_OK : APP_EXIT_SCENARIO;
}

int app_drill_save(app_drill *d, store *db, const char *trainee, char *err, int errlen)
{
    d->db = db;
    if (store_session_begin(db, trainee, d->scn.id, d->scn.content_hash, d->seed, score_plan_id(d->plan),
                            &d->session, err, errlen) ||
        store_session_set_origin(db, d->session, YQ_VERSION, d->plan_hash, err, errlen))
        return APP_EXIT_STORAGE;
    return APP_EXIT_OK;
}

int app_drill_check(const app_drill *d, const sim_action *a, int n, int first, sim_time from, char *err, int errlen)
{
    char why[400];
    for (int i = 0; i < n; i++) {
        const char *type = sim_action_type_name(a[i].type);
        if (store_action_check(&a[i], why, sizeof why) || sim_action_validate(&a[i], &d->scn, why, sizeof why)) {
            snprintf(err, (size_t)errlen, "action %d: %s", first + i + 1, why);
            return APP_EXIT_USAGE;
        }
        if (a[i].t < from) {
            snprintf(err, (size_t)errlen, "action %d: %s at %lld s lies in the past (the drill is at %lld s)",
                     first + i + 1, type, (long long)a[i].t, (long long)from);
            return APP_EXIT_USAGE;
        }
        if (a[i].t >= d->scn.duration) {
            snprintf(err, (size_t)errlen, "action %d: %s at %lld s comes after the drill ends (%lld s)", first + i + 1,
                     type, (long long)a[i].t, (long long)d->scn.duration);
            return APP_EXIT_USAGE;
        }
    }
    return APP_EXIT_OK;
}

/* Take back the action sim_submit just queued at time t: the last queued one at t (it goes after its equals). */
static void unqueue(sim_world *w, sim_time t)
{
    int i = w->n_queue - 1;
    while (i > 0 && w->queue[i].t > t)
        i--;
    sim_action_free(&w->queue[i]);
    memmove(&w->queue[i], &w->queue[i + 1], (size_t)(w->n_queue - i - 1) * sizeof *w->queue);
    w->n_queue--;
}

int app_drill_take(app_drill *d, const sim_action *a, char *err, int errlen)
{
    if (store_action_check(a, err, errlen))
        return APP_EXIT_USAGE;
    int seq = d->world->n_log + d->world->n_queue;
    if (sim_submit(d->world, a, err, errlen))
        return APP_EXIT_USAGE;
    if (d->db && store_action_append(d->db, d->session, seq, a, err, errlen)) {
        unqueue(d->world, a->t);
        return APP_EXIT_STORAGE;
    }
    return APP_EXIT_OK;
}

int app_drill_replay(app_drill *d, const sim_action *a, int n, char *err, int errlen)
{
    for (int i = 0; i < n; i++)
        if (sim_submit(d->world, &a[i], err, errlen))
            return APP_EXIT_USAGE;
    return APP_EXIT_OK;
}

int app_drill_step(app_drill *d, char *err, int errlen)
{
    if (sim_step(d->world)) {
        snprintf(err, (size_t)errlen, "%s", d->world->error);
        return APP_EXIT_SCENARIO;
    }
    return APP_EXIT_OK;
}

int app_drill_step_to(app_drill *d, sim_time t, int max_steps, char *err, int errlen)
{
    int rc = APP_EXIT_OK;
    for (int steps = 0; steps < max_steps && d->world->now + SIM_TICK_S <= t && !sim_is_over(d->world) && !rc; steps++)
        rc = app_drill_step(d, err, errlen);
    return rc;
}

/* The same scenario version and seed, its own triggers, no trainee action: what would have happened anyway,
 * up to the moment the drill ended (an ending reached early ends the comparison there too, so ending a
 * drill after three minutes does not compare three quiet minutes with a whole crisis). */
static int run_baseline(app_drill *d, char *err, int errlen)
{
    sim_time end = d->world->now < d->scn.duration ? d->world->now : d->scn.duration;
    if (sim_run_until(d->base, end)) {
        snprintf(err, (size_t)errlen, "%s", d->base->error);
        return -1;
    }
    return 0;
}

int app_drill_finish(app_drill *d, char *err, int errlen)
{
    if (sim_run_until(d->world, d->scn.duration)) {
        snprintf(err, (size_t)errlen, "%s", d->world->error);
        return APP_EXIT_SCENARIO;
    }
    int rc = APP_EXIT_OK;
    if (run_baseline(d, err, errlen)) {
        rc = APP_EXIT_SCENARIO;
    } else if (score_grade(d->plan, d->world, d->base, &d->card, err, errlen)) {
        rc = APP_EXIT_USAGE;
    } else {
        d->graded = 1;
        if (score_card_explain(&d->card, d->texts, err, errlen))
            rc = APP_EXIT_USAGE;
    }
    if (rc == APP_EXIT_OK && d->db) {
        char *json = score_card_to_json(&d->card);
        if (!json || store_session_finish(d->db, d->session, json, d->card.total, sim_hash(d->world), err, errlen))
            rc = APP_EXIT_STORAGE;
        free(json);
    }
    return rc;
}

void app_drill_close(app_drill *d)
{
    if (d->graded)
        score_card_free(&d->card);
    sim_world_free(d->base);
    sim_world_free(d->world);
    scn_free(d->script);
    score_plan_free(d->plan);
    score_texts_free(d->texts);
    app_lexicon_close(&d->lex);
    sim_phrasebook_free(&d->phrases);
    sim_scenario_free(&d->scn);
    memset(d, 0, sizeof *d);
}

int app_drill_reload(app_drill *d, scn_problems *probs, char *err, int errlen)
{
    uint64_t hash;
    if (scn_content_hash(d->dir, &hash, err, (size_t)errlen))
        return -1;
    if (hash == d->scn.content_hash)
        return 0;
    app_drill fresh;
    char plan[sizeof d->plan_path];
    snprintf(plan, sizeof plan, "%s", d->plan_path);
    int rc = app_drill_open(&fresh, d->dir, d->seed, plan, probs, err, errlen);
    /* Everything taken so far, applied or queued, goes into the new world up to the same time. */
    for (int i = 0; !rc && i < d->world->n_log; i++)
        rc = sim_submit(fresh.world, &d->world->log[i], err, errlen) ? APP_EXIT_USAGE : APP_EXIT_OK;
    for (int i = 0; !rc && i < d->world->n_queue; i++)
        rc = sim_submit(fresh.world, &d->world->queue[i], err, errlen) ? APP_EXIT_USAGE : APP_EXIT_OK;
    if (!rc && sim_run_until(fresh.world, d->world->now)) {
        snprintf(err, (size_t)errlen, "%s", fresh.world->error);
        rc = APP_EXIT_SCENARIO;
    }
    if (!rc && d->db && store_session_set_content_hash(d->db, d->session, fresh.scn.content_hash, err, errlen))
        rc = APP_EXIT_STORAGE;
    if (rc) {
        app_drill_close(&fresh);
        return -1;
    }
    fresh.db = d->db;
    fresh.session = d->session;
    d->db = NULL;
    app_drill_close(d);
    *d = fresh;
    /* The world points at the scenario, lexicon and phrasebook the drill holds by value: follow the move. */
    sim_world *both[] = {d->world, d->base};
    for (int i = 0; i < 2; i++) {
        both[i]->scn = &d->scn;
        both[i]->lex = &d->lex;
        sim_world_set_phrases(both[i], &d->phrases);
    }
    return 1;
}
