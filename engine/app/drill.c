/* drill.c — the drill session controller: loads everything a drill needs (or reopens a saved session
 * for replay), routes every action through validation → save → world, and grades against a no-action baseline. */
#include "drill.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "paths.h"
#include "run_modes.h"

static int load_scenario(const char *dir, uint64_t seed, sim_scenario *s, scn_script **sc, scn_problems *probs)
{
    sim_scenario_init(s);
    return scn_load(dir, seed, s, sc, probs) == 0 ? 0 : -1;
}

int app_drill_open(app_drill *d, const char *scenario, uint64_t seed, const char *plan_path,
                   scn_problems *probs, char *err, int errlen)
{
    memset(d, 0, sizeof *d);
    d->seed = seed;
    app_scenario_dir(scenario, d->dir, sizeof d->dir);
    if (load_scenario(d->dir, seed, &d->scn, &d->script, probs)) {
        snprintf(err, (size_t)errlen, "scenario %s is invalid", scenario);
        return APP_EXIT_SCENARIO;
    }
    char path[4096], name[512];
    if (!plan_path) {
        snprintf(name, sizeof name, "%s.json", d->scn.plan ? d->scn.plan : "general");
        plan_path = app_path(path, sizeof path, "scenarios/plans", name);
    }
    snprintf(d->plan_path, sizeof d->plan_path, "%s", plan_path);
    if (score_plan_load(plan_path, &d->plan, err, errlen))
        return APP_EXIT_USAGE;
    score_plan_apply(d->plan, &d->scn.params);
    if (score_lexicon_load(app_path(path, sizeof path, "assets", "lexicon.json"), &d->lex, err, errlen))
        return APP_EXIT_USAGE;
    if (score_texts_load(app_path(path, sizeof path, "assets", "score"), &d->texts, err, errlen))
        return APP_EXIT_USAGE;
    sim_hooks hooks;
    scn_hooks(d->script, &hooks);
    d->world = sim_world_new(&d->scn, &d->lex, seed, &hooks, err, errlen);
    return d->world ? APP_EXIT_OK : APP_EXIT_SCENARIO;
}

int app_drill_save(app_drill *d, store *db, const char *trainee, char *err, int errlen)
{
    d->db = db;
    if (store_session_begin(db, trainee, d->scn.id, d->scn.content_hash, d->seed, score_plan_id(d->plan),
                            &d->session, err, errlen))
        return APP_EXIT_STORAGE;
    return APP_EXIT_OK;
}

int app_drill_take(app_drill *d, const sim_action *a, char *err, int errlen)
{
    if (sim_action_validate(a, &d->scn, err, errlen))
        return APP_EXIT_USAGE;
    if (a->t < d->world->now) {
        snprintf(err, (size_t)errlen, "%s at %lld s lies in the past (the drill is at %lld s)",
                 sim_action_type_name(a->type), (long long)a->t, (long long)d->world->now);
        return APP_EXIT_USAGE;
    }
    int seq = d->world->n_log + d->world->n_queue;
    if (d->db && store_action_append(d->db, d->session, seq, a, err, errlen))
        return APP_EXIT_STORAGE;
    return sim_submit(d->world, a, err, errlen) ? APP_EXIT_USAGE : APP_EXIT_OK;
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

/* The same scenario and seed, its own triggers, no trainee action: what would have happened anyway. */
static sim_world *baseline(app_drill *d, sim_scenario *s, scn_script **sc, char *err, int errlen)
{
    scn_problems probs = {0};
    if (load_scenario(d->dir, d->seed, s, sc, &probs)) {
        snprintf(err, (size_t)errlen, "scenario %s changed during the drill", d->dir);
        scn_problems_free(&probs);
        return NULL;
    }
    scn_problems_free(&probs);
    s->params = d->scn.params;
    sim_hooks hooks;
    scn_hooks(*sc, &hooks);
    sim_world *w = sim_world_new(s, &d->lex, d->seed, &hooks, err, errlen);
    if (w && sim_run_until(w, s->duration)) {
        snprintf(err, (size_t)errlen, "%s", w->error);
        sim_world_free(w);
        return NULL;
    }
    return w;
}

int app_drill_finish(app_drill *d, char *err, int errlen)
{
    if (sim_run_until(d->world, d->scn.duration)) {
        snprintf(err, (size_t)errlen, "%s", d->world->error);
        return APP_EXIT_SCENARIO;
    }
    sim_scenario bs;
    scn_script *bsc = NULL;
    sim_world *base = baseline(d, &bs, &bsc, err, errlen);
    int rc = APP_EXIT_OK;
    if (!base) {
        rc = APP_EXIT_SCENARIO;
    } else if (score_grade(d->plan, d->world, base, &d->card, err, errlen)) {
        rc = APP_EXIT_USAGE;
    } else {
        d->graded = 1;
        if (score_card_explain(&d->card, d->texts, err, errlen))
            rc = APP_EXIT_USAGE;
    }
    sim_world_free(base);
    scn_free(bsc);
    sim_scenario_free(&bs);
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
    sim_world_free(d->world);
    scn_free(d->script);
    score_plan_free(d->plan);
    score_texts_free(d->texts);
    sim_lexicon_free(&d->lex);
    sim_scenario_free(&d->scn);
    memset(d, 0, sizeof *d);
}

int app_session_open(const char *save, const char *id_arg, store **db, store_session *ses)
{
    uint64_t id;
    if (app_parse_u64(id_arg, &id)) {
        fprintf(stderr, "yqdrill: session id must be a number, not \"%s\"\n", id_arg);
        return APP_EXIT_USAGE;
    }
    int rc = app_open_db(save, db);
    if (rc)
        return rc;
    char err[512];
    if (store_session_get(*db, (int64_t)id, ses, err, sizeof err)) {
        fprintf(stderr, "yqdrill: %s\n", err);
        store_close(*db);
        *db = NULL;
        return APP_EXIT_USAGE;
    }
    return APP_EXIT_OK;
}

int app_drill_reopen(app_drill *d, store *db, const store_session *ses, const char *plan, sim_action **acts, int *n)
{
    char err[512];
    scn_problems probs = {0};
    int rc = app_drill_open(d, ses->scenario, ses->seed, plan, &probs, err, sizeof err);
    if (rc) {
        scn_problems_print(&probs, stderr);
        if (!probs.count)
            fprintf(stderr, "yqdrill: %s\n", err);
        scn_problems_free(&probs);
        return rc;
    }
    scn_problems_free(&probs);
    if (d->scn.content_hash != ses->content_hash) {
        fprintf(stderr, "yqdrill: scenario %s has changed since session %lld was played; its replay would differ\n",
                ses->scenario, (long long)ses->id);
        return APP_EXIT_SCENARIO;
    }
    if (store_actions_load(db, ses->id, acts, n, err, sizeof err)) {
        fprintf(stderr, "yqdrill: %s\n", err);
        return APP_EXIT_STORAGE;
    }
    if (app_drill_replay(d, *acts, *n, err, sizeof err)) {
        fprintf(stderr, "yqdrill: session %lld: %s\n", (long long)ses->id, err);
        return APP_EXIT_USAGE;
    }
    return APP_EXIT_OK;
}

const char *app_default_db(char *buf, unsigned long n)
{
    return app_path(buf, n, "saves", "yqdrill.db");
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
    if (rc) {
        app_drill_close(&fresh);
        return -1;
    }
    fresh.db = d->db;
    fresh.session = d->session;
    d->db = NULL;
    app_drill_close(d);
    *d = fresh;
    /* The world points at the scenario and lexicon the drill holds by value: follow the move. */
    d->world->scn = &d->scn;
    d->world->lex = &d->lex;
    return 1;
}
