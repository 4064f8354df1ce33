/* session_open.c — getting at a saved session: the saves database and the session an id argument names,
 * and its drill rebuilt from ROOT/scenarios/<its plain scenario id> with the saved actions queued for replay. */
#include <stdio.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "drill.h"
#include "paths.h"
#include "run_modes.h"

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
        rc = app_close_db(*db, APP_EXIT_USAGE);
        *db = NULL;
        return rc;
    }
    return APP_EXIT_OK;
}

int app_drill_reopen(app_drill *d, store *db, const store_session *ses, const char *plan, sim_action **acts, int *n)
{
    char err[512], dir[4096];
    scn_problems probs = {0};
    memset(d, 0, sizeof *d);
    if (!store_id_ok(ses->scenario)) {
        fprintf(stderr, "yqdrill: session %lld names scenario \"%.64s\", which is not a plain id; refused\n",
                (long long)ses->id, ses->scenario);
        return APP_EXIT_USAGE;
    }
    int rc = app_drill_open(d, app_path(dir, sizeof dir, "scenarios", ses->scenario), ses->seed, plan, &probs, err,
                            sizeof err);
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

int app_session_duration(const store_session *ses, sim_time *duration)
{
    char dir[4096];
    if (!store_id_ok(ses->scenario))
        return -1;
    sim_scenario s;
    scn_script *sc = NULL;
    scn_problems probs = {0};
    sim_scenario_init(&s);
    int rc = scn_load(app_path(dir, sizeof dir, "scenarios", ses->scenario), ses->seed, &s, &sc, &probs);
    if (rc == 0)
        *duration = s.duration;
    scn_problems_free(&probs);
    scn_free(sc);
    sim_scenario_free(&s);
    return rc == 0 ? 0 : -1;
}
