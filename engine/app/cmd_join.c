/* cmd_join.c — `yqdrill join`: a class station. Its own drill in the window (or as `run --headless` plays it),
 * saved locally first, each action then published to the class; --sync publishes what a local save still holds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "drill.h"
#include "join_observer.h"
#include "join_reporter.h"
#include "response_use.h"
#include "run_modes.h"
#include "station_run.h"
#include "team_station.h"
#include "team_window.h"

#define DRAIN_S 10.0   /* how long a station waits at the end for the broker's acknowledgements */

static int tick(void *ctx)
{
    char err[512];
    if (app_station_tick(ctx, err, sizeof err) >= 0)
        return ((app_station *)ctx)->ended ? APP_HOOK_END : APP_EXIT_OK;
    fprintf(stderr, "yqdrill join: %s\n", err);
    return APP_EXIT_STORAGE;
}

static int class_endpoint(const app_opt *opts, int n, const char *code, cls_endpoint *e)
{
    char err[512];
    const char *broker = app_opt_get(opts, n, "--broker"), *klass = app_opt_get(opts, n, "--class");
    const char *pass = app_opt_get(opts, n, "--password");
    if (code ? cls_code_parse(code, e, err, sizeof err) == 0
             : broker && klass && cls_broker_url_parse(broker, e, err, sizeof err) == 0) {
        if (!code) {
            snprintf(e->klass, sizeof e->klass, "%s", klass);
            snprintf(e->pass, sizeof e->pass, "%s", pass ? pass : "");
        }
        if (store_id_ok(e->klass))
            return APP_EXIT_OK;
        snprintf(err, sizeof err, "--class must be a plain id");
    } else if (!code && !(broker && klass)) {
        snprintf(err, sizeof err, "give a join code, or --broker mqtt://HOST:PORT --class NAME");
    }
    fprintf(stderr, "yqdrill join: %s\n", err);
    return APP_EXIT_USAGE;
}

/* Publish every session of the local save that the class has not acknowledged yet. */
static int sync_all(store *db, const cls_endpoint *e, int json)
{
    char err[512];
    store_session *all = NULL;
    int n = 0, rc = APP_EXIT_OK;
    if (store_sessions_list(db, &all, &n, err, sizeof err)) {
        fprintf(stderr, "yqdrill join: %s\n", err);
        return APP_EXIT_STORAGE;
    }
    for (int i = 0; i < n && rc == APP_EXIT_OK; i++) {
        cls_station s;
        if (cls_station_open(&s, e, db, all[i].id, err, sizeof err) || cls_station_drain(&s, DRAIN_S, err, sizeof err)) {
            fprintf(stderr, "yqdrill join: session %s: %s\n", all[i].uuid, err);
            rc = APP_EXIT_USAGE;
        }
        cls_station_close(&s);
    }
    if (json && rc == APP_EXIT_OK)
        printf("{\"synced\": %d}\n", n);
    free(all);
    return rc;
}

/* A reopened session to continue (its saved log), or none for a new one. */
typedef struct resumed {
    const store_session *ses;
    const sim_action *saved;
    int n_saved;
} resumed;

/* The station's drill, in the window (the trainee plays; scripted actions, if any, play as the clock reaches
 * them) or headless, its actions published as they are saved and the instructor's controls applied. A window
 * with no scenario named opens on the start screen and joins the class once the trainee starts a drill. A
 * resumed session (r) is continued, not begun. */
static int play(app_drill *d, store *db, const cls_endpoint *e, const sim_action *acts, int n, const char *name,
                int windowed, app_run_opts *o, const resumed *r)
{
    char err[512];
    app_station st = {.d = d, .o = o, .s.e = *e};
    d->db = db;
    if (r)
        d->session = r->ses->id;
    if (d->world && ((!r && app_drill_save(d, db, o->trainee, err, sizeof err)) ||
                     (r && app_station_restore(&st, err, sizeof err)) ||
                     cls_station_open(&st.s, e, db, d->session, err, sizeof err))) {
        fprintf(stderr, "yqdrill join: %s\n", err);
        cls_station_close(&st.s);
        return APP_EXIT_USAGE;
    }
    o->tick_hook = tick;
    o->wait_hook = app_station_wait;
    o->frame_hook = app_station_frame;
    o->hook_ctx = &st;
    int rc = r            ? app_resume_play(d, db, r->ses, r->saved, r->n_saved, acts, n, name, o, windowed)
             : windowed ? app_run_window(d, acts, n, o)
                        : app_run_headless(d, acts, n, name, o);
    if (rc == APP_EXIT_OK && st.s.link && cls_station_drain(&st.s, DRAIN_S, err, sizeof err)) {
        fprintf(stderr, "yqdrill join: %s\n", err);
        rc = APP_EXIT_USAGE;
    }
    int bad = st.s.refused[CLS_OVERSIZED] + st.s.refused[CLS_MALFORMED] + st.s.refused[CLS_FOREIGN];
    if (bad || st.refused)
        fprintf(stderr, "yqdrill join: instructor's controls refused: %d oversized, %d malformed, %d foreign, %d not "
                        "applicable to this drill\n", st.s.refused[CLS_OVERSIZED], st.s.refused[CLS_MALFORMED],
                st.s.refused[CLS_FOREIGN], st.refused);
    cls_station_close(&st.s);
    return rc;
}

/* --reporter NAME [--outlet O] --station UUID|TRAINEE|--all [--file F]: questions, not a drill. */
static int reporter(const app_opt *opts, int n, const cls_endpoint *e)
{
    app_reporter r = {.name = app_opt_get(opts, n, "--reporter"), .outlet = app_opt_get(opts, n, "--outlet"),
                      .to = app_opt_get(opts, n, "--station"), .file = app_opt_get(opts, n, "--file"),
                      .json = app_opt_get(opts, n, "--json") != NULL};
    int all = app_opt_get(opts, n, "--all") != NULL;
    if (!r.outlet)
        r.outlet = "";
    if (!*r.name || store_utf8_chars(r.name) > STORE_NAME_MAX || store_utf8_chars(r.outlet) > STORE_NAME_MAX) {
        fprintf(stderr, "yqdrill join: --reporter and --outlet take 1 to %d characters\n", STORE_NAME_MAX);
        return APP_EXIT_USAGE;
    }
    if (all == (r.to != NULL) || (r.to && (!*r.to || store_utf8_chars(r.to) > STORE_NAME_MAX))) {
        fprintf(stderr, "yqdrill join: a reporter asks --station UUID|TRAINEE (a session's, or its trainee's name) or "
                        "--all\n");
        return APP_EXIT_USAGE;
    }
    if (all)
        r.to = CLS_ALL;
    return app_reporter_run(e, &r);
}

/* --observer NAME --station UUID|TRAINEE [--file F]: ratings, not a drill. */
static int observer(const app_opt *opts, int n, const cls_endpoint *e)
{
    app_observer o = {.name = app_opt_get(opts, n, "--observer"), .to = app_opt_get(opts, n, "--station"),
                      .file = app_opt_get(opts, n, "--file"), .json = app_opt_get(opts, n, "--json") != NULL};
    if (!*o.name || store_utf8_chars(o.name) > STORE_NAME_MAX) {
        fprintf(stderr, "yqdrill join: --observer takes 1 to %d characters\n", STORE_NAME_MAX);
        return APP_EXIT_USAGE;
    }
    if (!o.to || !*o.to || store_utf8_chars(o.to) > STORE_NAME_MAX) {
        fprintf(stderr, "yqdrill join: an observer rates --station UUID|TRAINEE (a session's, or its trainee's name)\n");
        return APP_EXIT_USAGE;
    }
    return app_observer_run(e, &o);
}

/* --resume ID --save DB [--headless --responses FILE]: the station of an unfinished session (killed or crashed
 * mid-drill) back in the class under its own identity, in its window or headless: the controls sent while it
 * was away arrive now. */
static int rejoin(const app_opt *opts, int n, const cls_endpoint *e, const char *id)
{
    const char *responses = app_opt_get(opts, n, "--responses");
    app_run_opts o = {.lang = app_opt_get(opts, n, "--lang"), .json = app_opt_get(opts, n, "--json") != NULL,
                      .role = SIM_ROLE_SPOKESPERSON, .sound = app_opt_get(opts, n, "--sound") != NULL,
                      .voice = app_opt_get(opts, n, "--voice") != NULL};
    int windowed = !app_opt_get(opts, n, "--headless");
    if (!o.lang)
        o.lang = "zh";
    if (!windowed && !responses) {
        fprintf(stderr, "yqdrill join: --resume --headless plays a response file: add --responses FILE\n");
        return APP_EXIT_USAGE;
    }
    if (windowed && !app_have_display()) {
        fprintf(stderr, "yqdrill join: no display for the station's window (DISPLAY is unset); --headless "
                        "--responses FILE resumes without one\n");
        return APP_EXIT_USAGE;
    }
    if (app_parse_speed(app_opt_get(opts, n, "--speed"), &o.speed) ||
        app_parse_scale(app_opt_get(opts, n, "--scale"), &o.scale))
        return APP_EXIT_USAGE;
    store *db = NULL;
    store_session ses;
    int rc = app_session_open(app_opt_get(opts, n, "--save"), id, &db, &ses);
    if (rc)
        return rc;
    if (ses.finished) {
        fprintf(stderr, "yqdrill join: session %lld is finished; nothing to resume\n", (long long)ses.id);
        return app_close_db(db, APP_EXIT_USAGE);
    }
    o.trainee = ses.trainee;
    app_drill d;
    resumed r = {.ses = &ses};
    sim_action *saved = NULL, *more = NULL;
    int n_more = 0;
    char err[512];
    rc = app_drill_reopen(&d, db, &ses, NULL, &saved, &r.n_saved);
    r.saved = saved;
    if (!rc && responses && store_actions_read_file(responses, &more, &n_more, err, sizeof err)) {
        fprintf(stderr, "yqdrill: %s\n", err);
        rc = APP_EXIT_USAGE;
    }
    if (!rc)
        rc = play(&d, db, e, more, n_more, responses ? responses : "the window", windowed, &o, &r);
    app_drill_close(&d);
    store_actions_free(saved, r.n_saved);
    store_actions_free(more, n_more);
    return app_close_db(db, rc);
}

int app_cmd_join(int argc, char **argv)
{
    app_opt opts[] = {{"--trainee", 1, NULL}, {"--headless", 0, NULL}, {"--responses", 1, NULL},
                      {"--broker", 1, NULL},  {"--class", 1, NULL},   {"--password", 1, NULL},
                      {"--scenario", 1, NULL}, {"--seed", 1, NULL},   {"--speed", 1, NULL},
                      {"--save", 1, NULL},    {"--json", 0, NULL},    {"--lang", 1, NULL},
                      {"--sync", 0, NULL},    {"--group", 1, NULL},   {"--reporter", 1, NULL},
                      {"--outlet", 1, NULL},  {"--station", 1, NULL}, {"--all", 0, NULL},
                      {"--file", 1, NULL},    {"--scale", 1, NULL},   {"--sound", 0, NULL},
                      {"--voice", 0, NULL},   {"--observer", 1, NULL}, {"--resume", 1, NULL}};
    const int n_opts = (int)(sizeof opts / sizeof opts[0]);
    const char *pos[1] = {NULL};
    if (app_args_parse(argc, argv, opts, n_opts, pos, 1) < 0)
        return APP_EXIT_USAGE;
    cls_endpoint e;
    int rc = class_endpoint(opts, n_opts, pos[0], &e);
    if (!rc && app_opt_get(opts, n_opts, "--reporter"))
        return reporter(opts, n_opts, &e);
    if (!rc && app_opt_get(opts, n_opts, "--observer"))
        return observer(opts, n_opts, &e);
    if (!rc && app_opt_get(opts, n_opts, "--resume"))
        return rejoin(opts, n_opts, &e, app_opt_get(opts, n_opts, "--resume"));
    store *db = NULL;
    if (!rc)
        rc = app_open_db(app_opt_get(opts, n_opts, "--save"), &db);
    if (rc)
        return rc;
    if (app_opt_get(opts, n_opts, "--sync"))
        return app_close_db(db, sync_all(db, &e, app_opt_get(opts, n_opts, "--json") != NULL));
    app_run_opts o = {.lang = "zh", .trainee = app_opt_get(opts, n_opts, "--trainee"), .role = SIM_ROLE_SPOKESPERSON};
    const char *responses = app_opt_get(opts, n_opts, "--responses"), *v;
    o.json = app_opt_get(opts, n_opts, "--json") != NULL;
    if ((v = app_opt_get(opts, n_opts, "--lang")))
        o.lang = v;
    const char *group = app_opt_get(opts, n_opts, "--group");
    int windowed = !app_opt_get(opts, n_opts, "--headless");
    const char *why = !o.trainee                ? "a station needs --trainee NAME"
                      : !windowed && !responses ? "--headless plays a response file: add --responses FILE"
                      : windowed && group && responses ? "a team seat in a window is played, not scripted: drop "
                                                         "--responses, or add --headless"
                      : windowed && !app_have_display()
                          ? "no display for the station's window (DISPLAY is unset); --headless --responses FILE "
                            "plays without one"
                          : NULL;
    if (why) {
        fprintf(stderr, "yqdrill join: %s\n", why);
        return app_close_db(db, APP_EXIT_USAGE);
    }
    o.sound = app_opt_get(opts, n_opts, "--sound") != NULL;
    o.voice = app_opt_get(opts, n_opts, "--voice") != NULL;
    if (app_parse_speed(app_opt_get(opts, n_opts, "--speed"), &o.speed) ||
        app_parse_scale(app_opt_get(opts, n_opts, "--scale"), &o.scale))
        return app_close_db(db, APP_EXIT_USAGE);
    if (windowed && group)
        return app_close_db(db, app_team_window(db, &e, group, app_opt_get(opts, n_opts, "--scenario"), &o));
    char err[512], plan_buf[4096];
    store_response_meta meta = {0};
    sim_action *acts = NULL;
    int n = 0;
    uint64_t seed = 1;
    const char *scenario = app_opt_get(opts, n_opts, "--scenario"), *plan = NULL;
    if (responses && store_response_read_file(responses, &meta, &acts, &n, err, sizeof err)) {
        fprintf(stderr, "yqdrill: %s\n", err);
        return app_close_db(db, APP_EXIT_USAGE);
    }
    rc = app_responses_meta(&meta, app_opt_get(opts, n_opts, "--seed"), &seed, &scenario, NULL, plan_buf,
                            sizeof plan_buf, &plan);
    if (!rc && !scenario && !windowed) {
        fprintf(stderr, "yqdrill join: --scenario ID is needed (the response file names none)\n");
        rc = APP_EXIT_USAGE;
    }
    app_drill d = {.seed = seed};
    scn_problems probs = {0};
    if (!rc && scenario && (rc = app_drill_open(&d, scenario, seed, plan, &probs, err, sizeof err))) {
        scn_problems_print(&probs, stderr);
        if (!probs.count)
            fprintf(stderr, "yqdrill: %s\n", err);
    }
    scn_problems_free(&probs);
    if (!rc && responses)
        rc = app_responses_check(&d, &meta, acts, n, responses);
    if (!rc && group && score_plan_group_find(d.plan, group) < 0) {
        fprintf(stderr, "yqdrill join: --group %s is not a group of plan %s (", group, score_plan_id(d.plan));
        for (int g = 0; g < score_plan_groups(d.plan); g++)
            fprintf(stderr, "%s%s", g ? ", " : "", score_plan_group_id(d.plan, g));
        fprintf(stderr, ")\n");
        rc = APP_EXIT_USAGE;
    }
    if (!rc)
        rc = group ? app_team_play(db, &e, o.trainee, group, d.scn.id, acts, n, o.speed, o.json)
                   : play(&d, db, &e, acts, n, responses, windowed, &o, NULL);
    app_drill_close(&d);
    store_actions_free(acts, n);
    return app_close_db(db, rc);
}
