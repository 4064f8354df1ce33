/* cmd_sessions.c — saved sessions: list them (warning when the file holds no saves), export a session's
 * actions as a response file that replays it, and re-grade it under any plan. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "console_out.h"
#include "drill.h"
#include "run_modes.h"
#include "term_safe.h"

/* Listing must not create or initialise anything: say what a file that holds no saves is instead. */
static int probe_saves(const char *path)
{
    const char *why = NULL;
    switch (store_probe(path)) {
    case STORE_PROBE_YQDRILL: return APP_EXIT_OK;
    case STORE_PROBE_MISSING:
        fprintf(stderr, "yqdrill: no saves database at %s\n", path);
        return APP_EXIT_USAGE;
    case STORE_PROBE_WAL_ONLY:
        why = "it looks like a copy made while a drill had it open, without its -wal file (copy DB-wal too, "
              "or use yqdrill backup)";
        break;
    case STORE_PROBE_EMPTY: why = "it is empty"; break;
    case STORE_PROBE_NOT_SQLITE: why = "it is not an SQLite database"; break;
    case STORE_PROBE_FOREIGN: why = "it holds another application's tables"; break;
    }
    fprintf(stderr, "yqdrill: warning: %s is not a yqdrill saves database: %s\n", path, why);
    return APP_EXIT_STORAGE;
}

/* A team session's group lines, indented under it. 0, or -1 with err set. */
static int print_groups(store *db, const store_session *s, char *err, int errlen)
{
    store_group_line *g = NULL;
    int n = 0;
    if (store_groups_list(db, s->id, &g, &n, err, errlen))
        return -1;
    for (int i = 0; i < n; i++)
        printf("%-5s %-14s %5.1f / %.1f (process steps)\n", "", g[i].group, g[i].points, g[i].max);
    free(g);
    return 0;
}

static void print_session(const store_session *s)
{
    char total[16] = "-", scenario[STORE_ID_MAX + 1];
    if (s->finished)
        snprintf(total, sizeof total, "%.1f", s->total);
    printf("%-5lld %-20s %-18s ", (long long)s->id, s->started, app_term_safe(s->scenario, scenario, sizeof scenario));
    app_print_padded(stdout, s->trainee, 20);   /* by display width: a Chinese name is twice as wide */
    printf(" %-8d %-7s %s\n", s->n_actions, total, s->finished ? "finished" : "unfinished");
}

int app_cmd_sessions(int argc, char **argv)
{
    app_opt opts[] = {{"--save", 1, NULL}};
    const char *pos[1];
    if (app_args_parse(argc, argv, opts, 1, pos, 0) < 0)
        return APP_EXIT_USAGE;
    char buf[4096];
    const char *path = opts[0].value ? opts[0].value : app_default_db(buf, sizeof buf);
    int rc = probe_saves(path);
    if (rc)
        return rc;
    store *db;
    rc = app_open_db(path, &db);
    if (rc)
        return rc;
    store_session *list = NULL;
    int n = 0;
    char err[512];
    if (store_sessions_list(db, &list, &n, err, sizeof err)) {
        fprintf(stderr, "yqdrill: %s\n", err);
        return app_close_db(db, APP_EXIT_STORAGE);
    }
    printf("%-5s %-20s %-18s %-20s %-8s %-7s %s\n", "id", "started", "scenario", "trainee", "actions", "total", "state");
    for (int i = 0; i < n && rc == APP_EXIT_OK; i++) {
        print_session(&list[i]);
        if (print_groups(db, &list[i], err, sizeof err)) {
            fprintf(stderr, "yqdrill: %s\n", err);
            rc = APP_EXIT_STORAGE;
        }
    }
    free(list);
    return app_close_db(db, rc);
}

int app_cmd_export_actions(int argc, char **argv)
{
    app_opt opts[] = {{"--save", 1, NULL}};
    const char *pos[1];
    if (app_args_parse(argc, argv, opts, 1, pos, 1) != 1) {
        fprintf(stderr, "usage: yqdrill export-actions ID [--save DB]\n");
        return APP_EXIT_USAGE;
    }
    store *db = NULL;
    store_session ses;
    int rc = app_session_open(opts[0].value, pos[0], &db, &ses);
    if (rc)
        return rc;
    sim_action *acts = NULL;
    int n = 0;
    char err[512];
    if (store_actions_load(db, ses.id, &acts, &n, err, sizeof err)) {
        fprintf(stderr, "yqdrill: %s\n", err);
        return app_close_db(db, APP_EXIT_STORAGE);
    }
    /* The header makes the file replay this session exactly: scenario version, seed and plan. */
    store_response_meta meta = {.has_seed = 1, .seed = ses.seed, .has_content_hash = 1,
                                .content_hash = ses.content_hash};
    snprintf(meta.scenario, sizeof meta.scenario, "%s", ses.scenario);
    snprintf(meta.plan, sizeof meta.plan, "%s", ses.plan);
    char *json = store_response_to_json(&meta, acts, n);
    if (json)
        fputs(json, stdout);
    free(json);
    store_actions_free(acts, n);
    return app_close_db(db, json ? APP_EXIT_OK : APP_EXIT_STORAGE);
}

/* The session's own plan, graded again, but its file is not the one the session was graded with. */
static void warn_plan_changed(const store_session *ses, const app_drill *d)
{
    if (!ses->plan_hash || d->plan_hash == ses->plan_hash || strcmp(ses->plan, score_plan_id(d->plan)) != 0)
        return;
    fprintf(stderr, "yqdrill: warning: plan %s has changed since session %lld was graded", ses->plan,
            (long long)ses->id);
    if (ses->finished)
        fprintf(stderr, ": total %.2f then, %.2f now (%+.2f)", ses->total, d->card.total, d->card.total - ses->total);
    fprintf(stderr, "\n");
}

int app_cmd_grade(int argc, char **argv)
{
    app_opt opts[] = {{"--save", 1, NULL}, {"--plan", 1, NULL}, {"--json", 0, NULL}, {"--lang", 1, NULL}};
    const char *pos[1];
    if (app_args_parse(argc, argv, opts, 4, pos, 1) != 1) {
        fprintf(stderr, "usage: yqdrill grade ID [--plan FILE] [--save DB] [--json] [--lang zh|en]\n");
        return APP_EXIT_USAGE;
    }
    store *db = NULL;
    store_session ses;
    int rc = app_session_open(opts[0].value, pos[0], &db, &ses);
    if (rc)
        return rc;
    app_drill d;
    sim_action *acts = NULL;
    int n = 0;
    char err[512];
    rc = app_drill_reopen(&d, db, &ses, opts[1].value, &acts, &n);
    if (!rc && (rc = app_drill_finish(&d, err, sizeof err)))
        fprintf(stderr, "yqdrill: %s\n", err);
    /* The instructor's overrides stand under any plan that has their line. */
    store_override *ov = NULL;
    int n_ov = 0;
    if (!rc && store_override_list(db, ses.id, &ov, &n_ov, err, sizeof err)) {
        fprintf(stderr, "yqdrill: %s\n", err);
        rc = APP_EXIT_STORAGE;
    }
    if (!rc) {
        store_overrides_apply(ov, n_ov, &d.card);
        app_print_scorecard(stdout, &d.card, opts[2].value != NULL, opts[3].value ? opts[3].value : "zh");
        warn_plan_changed(&ses, &d);
    }
    store_overrides_free(ov, n_ov);
    app_drill_close(&d);
    store_actions_free(acts, n);
    return app_close_db(db, rc);
}
