/* cmd_sessions.c — saved sessions: list them, resume an unfinished one by replaying its log,
 * export its actions as a response file, and re-grade it under any plan. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "console_out.h"
#include "drill.h"
#include "run_modes.h"

int app_cmd_sessions(int argc, char **argv)
{
    app_opt opts[] = {{"--save", 1, NULL}};
    const char *pos[1];
    if (app_args_parse(argc, argv, opts, 1, pos, 0) < 0)
        return APP_EXIT_USAGE;
    store *db;
    int rc = app_open_db(opts[0].value, &db);
    if (rc)
        return rc;
    store_session *list = NULL;
    int n = 0;
    char err[512];
    if (store_sessions_list(db, &list, &n, err, sizeof err)) {
        fprintf(stderr, "yqdrill: %s\n", err);
        store_close(db);
        return APP_EXIT_STORAGE;
    }
    printf("%-5s %-20s %-18s %-20s %-8s %-7s %s\n", "id", "started", "scenario", "trainee", "actions", "total", "state");
    for (int i = 0; i < n; i++) {
        char total[16] = "-";
        if (list[i].finished)
            snprintf(total, sizeof total, "%.1f", list[i].total);
        printf("%-5lld %-20s %-18s %-20s %-8d %-7s %s\n", (long long)list[i].id, list[i].started, list[i].scenario,
               list[i].trainee, list[i].n_actions, total, list[i].finished ? "finished" : "unfinished");
    }
    free(list);
    store_close(db);
    return APP_EXIT_OK;
}

int app_cmd_resume(int argc, char **argv)
{
    app_opt opts[] = {{"--save", 1, NULL}, {"--headless", 0, NULL}, {"--responses", 1, NULL},
                      {"--json", 0, NULL}, {"--speed", 1, NULL}, {"--lang", 1, NULL}};
    const int n_opts = (int)(sizeof opts / sizeof opts[0]);
    const char *pos[1];
    if (app_args_parse(argc, argv, opts, n_opts, pos, 1) != 1) {
        fprintf(stderr, "usage: yqdrill resume ID [--save DB] [--headless] [--responses FILE] [--json] [--lang zh|en]\n");
        return APP_EXIT_USAGE;
    }
    store *db = NULL;
    store_session ses;
    int rc = app_session_open(app_opt_get(opts, n_opts, "--save"), pos[0], &db, &ses);
    if (rc)
        return rc;
    if (ses.finished) {
        fprintf(stderr, "yqdrill: session %lld is finished (total %.1f); nothing to resume\n", (long long)ses.id, ses.total);
        store_close(db);
        return APP_EXIT_USAGE;
    }
    app_run_opts o = {.lang = app_opt_get(opts, n_opts, "--lang"), .trainee = ses.trainee,
                      .json = app_opt_get(opts, n_opts, "--json") != NULL};
    if (!o.lang)
        o.lang = "zh";
    int windowed = !app_opt_get(opts, n_opts, "--headless") && app_have_display();
    if (app_parse_speed(app_opt_get(opts, n_opts, "--speed"), &o.speed)) {
        store_close(db);
        return APP_EXIT_USAGE;
    }
    app_drill d;
    sim_action *saved = NULL, *more = NULL;
    int n_saved = 0, n_more = 0;
    char err[512];
    rc = app_drill_reopen(&d, db, &ses, NULL, &saved, &n_saved);
    const char *responses = app_opt_get(opts, n_opts, "--responses");
    if (!rc && responses && store_actions_read_file(responses, &more, &n_more, err, sizeof err)) {
        fprintf(stderr, "yqdrill: %s\n", err);
        rc = APP_EXIT_USAGE;
    }
    if (!rc) {
        d.db = db;
        d.session = ses.id;
        /* Catch up to the last saved action's tick, then continue as a live drill. */
        sim_time last = n_saved ? saved[n_saved - 1].t : 0;
        while (!rc && d.world->n_queue > 0 && d.world->now <= last)
            rc = app_drill_step(&d, err, sizeof err);
        if (rc)
            fprintf(stderr, "yqdrill: %s\n", err);
        for (int i = 0; !rc && i < n_more; i++)
            if (more[i].t < d.world->now) {
                fprintf(stderr, "yqdrill: %s: action %d at %lld s lies in the past (the session resumes at %lld s)\n",
                        responses, i + 1, (long long)more[i].t, (long long)d.world->now);
                rc = APP_EXIT_USAGE;
            }
    }
    if (!rc)
        rc = windowed ? app_run_window(&d, more, n_more, &o)
                      : app_run_headless(&d, more, n_more, responses ? responses : "-", &o);
    app_drill_close(&d);
    store_actions_free(saved, n_saved);
    store_actions_free(more, n_more);
    store_close(db);
    return rc;
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
        store_close(db);
        return APP_EXIT_STORAGE;
    }
    char *json = store_actions_to_json(acts, n);
    if (json)
        fputs(json, stdout);
    free(json);
    store_actions_free(acts, n);
    store_close(db);
    return json ? APP_EXIT_OK : APP_EXIT_STORAGE;
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
    }
    store_overrides_free(ov, n_ov);
    app_drill_close(&d);
    store_actions_free(acts, n);
    store_close(db);
    return rc;
}
