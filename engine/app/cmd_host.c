/* cmd_host.c — `yqdrill host`: the instructor's end of a class: its own mosquitto (or an existing broker),
 * a join code, every station's session and actions merged into the class database exactly once, and the
 * instructor's window (or, headless, controls typed on stdin). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "host.h"
#include "host_team.h"
#include "paths.h"
#include "run_modes.h"

#define CONSOLE_WAIT_MS 50   /* the longest a typed control waits for the broker's traffic to be handled */

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

int host_session_row(host *h, const char *uuid, int64_t *id)
{
    store_session *all = NULL;
    int n = 0;
    if (store_sessions_list(h->db, &all, &n, h->err, sizeof h->err))
        return -1;
    int found = 0;
    for (int i = 0; i < n && !found; i++)
        if (strcmp(all[i].uuid, uuid) == 0) {
            *id = all[i].id;
            found = 1;
        }
    free(all);
    return found ? 0 : 1;
}

/* A station this run has not heard from, whose session the class database has (it joined before the host
 * was restarted, on a broker of the centre's): back into the grid and the console's reach. 0, or -1. */
static int recall(host *h, const char *uuid)
{
    int64_t id;
    store_session ses;
    int rc = host_session_row(h, uuid, &id);
    if (rc)
        return rc < 0 ? -1 : 0;
    if (store_session_get(h->db, id, &ses, h->err, sizeof h->err))
        return -1;
    if (host_station_add(h, &ses)) {
        snprintf(h->err, sizeof h->err, "out of memory");
        return -1;
    }
    return 0;
}

static int apply(host *h, const cls_msg *m)
{
    int64_t id = 0;
    int added = 0;
    if (m->kind == CLS_PROPOSE || m->kind == CLS_RESYNC || m->kind == CLS_DONE) {
        if (h->team)
            return host_team_hear(h, m);
        h->refused[CLS_FOREIGN]++;   /* a team station in a class of individual drills */
        fprintf(stderr, "yqdrill host: refused: station %s sent a team message; this class plays individual drills\n",
                m->ses.uuid);
        return 0;
    }
    if (m->kind == CLS_QUESTION)
        return host_question(h, m) ? (snprintf(h->err, sizeof h->err, "out of memory"), -1) : 0;
    if (m->kind == CLS_RATING)
        return host_rating(h, m);
    if (m->kind == CLS_SESSION) {
        if (store_session_adopt(h->db, &m->ses, &id, &added, h->err, sizeof h->err))
            return -1;
        if (host_station_add(h, &m->ses)) {
            snprintf(h->err, sizeof h->err, "out of memory");
            return -1;
        }
        host_grid_note(h, m);
        h->sessions += added;
        if (added && !h->json)
            printf("station joined: %s, %s (session %s)\n", m->ses.trainee, m->ses.scenario, m->ses.uuid);
        return 0;
    }
    if (m->kind == CLS_STATUS || m->kind == CLS_GONE) {
        if (!host_station_known(h, m->ses.uuid) && recall(h, m->ses.uuid))
            return -1;
        host_grid_note(h, m);   /* nothing stored: the grid shows the newest */
        return 0;
    }
    int rc = host_session_row(h, m->ses.uuid, &id);
    if (rc) {
        h->early += rc > 0;   /* before its header: the station sends it again, unacknowledged */
        return rc < 0 ? -1 : 0;
    }
    if (m->kind == CLS_ACTION) {
        if (store_action_merge(h->db, id, m->seq, m->action, &added, h->err, sizeof h->err))
            return -1;
        h->actions += added;
        h->duplicates += !added;
        return 0;
    }
    store_session have;
    if (store_session_get(h->db, id, &have, h->err, sizeof h->err))
        return -1;
    if (have.finished || have.n_actions != m->ses.n_actions) {
        h->early += !have.finished;
        return 0;
    }
    if (store_session_finish(h->db, id, m->scorecard, m->ses.total, m->ses.world_hash, h->err, sizeof h->err))
        return -1;
    h->finished++;
    host_grid_note(h, m);
    if (!h->json)
        printf("station finished: %s, total %.1f\n", have.trainee, m->ses.total);
    return 0;
}

static void on_message(void *ctx, const char *topic, const void *payload, int len)
{
    host *h = ctx;
    cls_msg m;
    char why[512];
    cls_refusal r = cls_msg_read(h->klass, topic, payload, len, &m, why, sizeof why);
    if (r != CLS_OK) {
        h->refused[r]++;
        fprintf(stderr, "yqdrill host: refused: %s\n", why);
        return;
    }
    if (!h->failed && apply(h, &m))
        h->failed = 1;
    cls_msg_free(&m);
    fflush(stdout);
}

static void print_counts(const host *h)
{
    if (h->team)
        host_team_print(h, stdout);
    if (h->json) {
        printf("{\"sessions\": %d, \"actions\": %d, \"duplicates\": %d, \"finished\": %d, \"early\": %d, "
               "\"questions\": %d, \"ratings\": %d, \"refused\": {",
               h->sessions, h->actions, h->duplicates, h->finished, h->early, h->questions, h->ratings);
        for (int r = 1; r < CLS_REFUSAL_COUNT; r++)
            printf("%s\"%s\": %d", r > 1 ? ", " : "", cls_refusal_names[r], h->refused[r]);
        printf("}}\n");
        return;
    }
    printf("class ended: %d sessions, %d actions (%d duplicates ignored), %d finished, %d reporters' questions; refused "
           "%d oversized, %d malformed, %d foreign; %d observers' ratings stored\n",
           h->sessions, h->actions, h->duplicates, h->finished, h->questions, h->refused[CLS_OVERSIZED],
           h->refused[CLS_MALFORMED], h->refused[CLS_FOREIGN], h->ratings);
}

/* The class's endpoint from the options; its own broker started when no --broker is given. */
static int endpoint(const app_opt *opts, int n, cls_endpoint *e, cls_broker *b, const char **user, const char **pass)
{
    char err[512] = "";
    const char *v;
    memset(e, 0, sizeof *e);
    snprintf(e->klass, sizeof e->klass, "%s", (v = app_opt_get(opts, n, "--class")) ? v : "class");
    snprintf(e->host, sizeof e->host, "%s", (v = app_opt_get(opts, n, "--address")) ? v : "127.0.0.1");
    double port = 18830;
    if ((v = app_opt_get(opts, n, "--port")) && app_parse_number(v, 1, 65535, &port)) {
        fprintf(stderr, "yqdrill host: --port takes 1 to 65535, not \"%s\"\n", v);
        return APP_EXIT_USAGE;
    }
    e->port = (int)port;
    if (!store_id_ok(e->klass)) {
        fprintf(stderr, "yqdrill host: --class must be a plain id (letters, digits, '_', '-', '.')\n");
        return APP_EXIT_USAGE;
    }
    if ((v = app_opt_get(opts, n, "--broker"))) {
        *user = getenv("YQ_HOST_USER");
        *pass = getenv("YQ_HOST_PASSWORD");
        snprintf(e->pass, sizeof e->pass, "%s", getenv("YQ_CLASS_PASSWORD") ? getenv("YQ_CLASS_PASSWORD") : "-");
        if (cls_broker_url_parse(v, e, err, sizeof err) == 0)
            return APP_EXIT_OK;
    } else if (cls_random_word(e->pass, CLS_PASS_LEN, err, sizeof err) == 0 &&
               cls_broker_start(b, e, err, sizeof err) == 0) {
        *user = CLS_HOST_USER;
        *pass = b->host_pass;
        return APP_EXIT_OK;
    }
    fprintf(stderr, "yqdrill host: %s\n", err);
    return APP_EXIT_USAGE;
}

/* The class being served: its link, topic and the console's unfinished line. */
typedef struct served {
    host *h;
    const cls_endpoint *e;
    cls_link *l;
    char topic[128];
    char console[16384];
    int typed, console_open;
    ui_host_view view;
} served;

/* Hear the broker for up to wait_ms (reconnecting after a loss), carry out what the console typed, and
 * keep the grid file. */
static void serve_once(served *x, int wait_ms)
{
    host *h = x->h;
    char err[512];
    if (cls_link_loop(x->l, wait_ms) && !stop_requested && cls_link_reconnect(x->l, x->e, 2.0, err, sizeof err) == 0)
        cls_link_subscribe(x->l, x->topic, err, sizeof err);
    if (h->team && !h->failed && host_team_beat(h))
        h->failed = 1;
    if (x->console_open && host_console_read(h, 0, x->console, (int)sizeof x->console, &x->typed))
        x->console_open = 0;
    if (h->status_path && h->grid_changed && host_grid_write(h))
        h->failed = 1;
}

static int window_poll(void *ud, int wait_ms, const ui_host_view **view, char *err, int errlen)
{
    served *x = ud;
    serve_once(x, wait_ms);
    if (x->h->failed) {
        snprintf(err, (size_t)errlen, "%s", x->h->err);
        return -1;
    }
    if (host_grid_view(x->h, &x->view)) {
        snprintf(err, (size_t)errlen, "out of memory");
        return -1;
    }
    *view = &x->view;
    return stop_requested ? 1 : 0;
}

static int window_command(void *ud, const char *line, char *err, int errlen)
{
    served *x = ud;
    if (host_command(x->h, line)) {
        snprintf(err, (size_t)errlen, "out of memory");
        return -1;
    }
    fflush(stdout);
    return 0;
}

static int window_injects(void *ud, const char *scenario, const ui_inject_info **out, int *n, char *err, int errlen)
{
    served *x = ud;
    return host_injects(x->h, scenario, out, n, err, errlen);
}

/* The instructor's window until it is closed; 0, or -1 after a message. */
static int run_window(served *x, const app_opt *opts, int n)
{
    char assets[4096], err[512];
    ui_options uo = {.lang = app_opt_get(opts, n, "--lang"), .font = getenv("YQ_FONT"),
                     .assets_dir = app_path(assets, sizeof assets, "assets", NULL)};
    if (app_parse_scale(app_opt_get(opts, n, "--scale"), &uo.scale))
        return -1;
    ui_host_api api = {.ud = x, .poll = window_poll, .command = window_command, .injects = window_injects};
    if (app_run_host_window(&uo, &api, err, sizeof err)) {
        fprintf(stderr, "yqdrill host: %s\n", err);
        return -1;
    }
    return 0;
}

static int serve(host *h, const cls_endpoint *e, const char *user, const char *pass, const app_opt *opts, int n)
{
    char err[512], client_id[32];
    served x = {.h = h, .e = e, .console_open = 1};
    snprintf(client_id, sizeof client_id, "yqdrill-host-%s", h->nonce);   /* unique: two hosts on one broker coexist */
    cls_link_handlers hd = {.ctx = h, .message = on_message};
    snprintf(x.topic, sizeof x.topic, "yq/%s/st/#", e->klass);
    if (cls_code_make(e, h->code, sizeof h->code, err, sizeof err) ||
        cls_link_open(&x.l, e, user, pass, client_id, &hd, 10.0, err, sizeof err) ||
        cls_link_subscribe(x.l, x.topic, err, sizeof err)) {
        fprintf(stderr, "yqdrill host: %s\n", err);
        cls_link_close(x.l);
        return APP_EXIT_USAGE;
    }
    if (h->json)
        printf("{\"join_code\": \"%s\"}\n", h->code);
    else
        printf("join code: %s\n(stations: yqdrill join %s --trainee NAME)\n", h->code, h->code);
    fflush(stdout);
    h->link = x.l;
    int window_failed = 0;
    if (app_opt_get(opts, n, "--headless"))
        while (!stop_requested && !h->failed)
            serve_once(&x, CONSOLE_WAIT_MS);
    else
        window_failed = run_window(&x, opts, n) != 0;
    if (h->team && !h->failed && host_team_close(h))
        h->failed = 1;
    h->link = NULL;
    cls_link_close(x.l);
    if (h->failed) {
        fprintf(stderr, "yqdrill host: %s\n", h->err);
        return APP_EXIT_STORAGE;
    }
    print_counts(h);
    return window_failed ? APP_EXIT_USAGE : APP_EXIT_OK;
}

/* --team: the team drill's scenario (--scenario ID, needed), seed, how many seats close it, and the pace of
 * its clock (--speed X|max: an action is accepted no earlier than the clock; max: no clock). */
static int team_open(host_team *t, host *h, const app_opt *opts, int n)
{
    const char *scenario = app_opt_get(opts, n, "--scenario"), *v;
    double seed = 1, seats = 0;
    if (!scenario) {
        fprintf(stderr, "yqdrill host: --team needs --scenario ID (the one world every seat plays)\n");
        return APP_EXIT_USAGE;
    }
    if (((v = app_opt_get(opts, n, "--seed")) && app_parse_number(v, 0, 9007199254740992.0, &seed)) ||
        ((v = app_opt_get(opts, n, "--seats")) && app_parse_number(v, 1, 1000, &seats)) || seed != (uint64_t)seed ||
        seats != (int)seats) {
        fprintf(stderr, "yqdrill host: --seed takes a whole number, --seats 1 to 1000, not \"%s\"\n", v);
        return APP_EXIT_USAGE;
    }
    double speed = 0;
    if (app_parse_speed(app_opt_get(opts, n, "--speed"), &speed))
        return APP_EXIT_USAGE;
    int rc = host_team_open(t, h, scenario, (uint64_t)seed, speed);
    t->seats_wanted = (int)seats;
    if (rc)
        host_team_free(t);
    return rc;
}

int app_cmd_host(int argc, char **argv)
{
    app_opt opts[] = {{"--class", 1, NULL}, {"--port", 1, NULL}, {"--address", 1, NULL},
                      {"--broker", 1, NULL}, {"--headless", 0, NULL}, {"--db", 1, NULL}, {"--json", 0, NULL},
                      {"--json-status", 1, NULL}, {"--team", 0, NULL}, {"--scenario", 1, NULL},
                      {"--seed", 1, NULL}, {"--seats", 1, NULL}, {"--speed", 1, NULL}, {"--lang", 1, NULL},
                      {"--scale", 1, NULL}};
    const int n_opts = (int)(sizeof opts / sizeof opts[0]);
    if (app_args_parse(argc, argv, opts, n_opts, NULL, 0) < 0)
        return APP_EXIT_USAGE;
    if (!app_opt_get(opts, n_opts, "--headless") && !app_have_display()) {
        fprintf(stderr, "yqdrill host: no display for the instructor's window; run with --headless (controls on stdin)\n");
        return APP_EXIT_USAGE;
    }
    struct sigaction sa = {.sa_handler = on_signal};
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    const char *lang = app_opt_get(opts, n_opts, "--lang");
    host h = {.json = app_opt_get(opts, n_opts, "--json") != NULL, .lang = lang ? lang : "zh",
              .status_path = app_opt_get(opts, n_opts, "--json-status"), .grid_changed = 1};
    char err[512];
    if (cls_random_word(h.nonce, CLS_PASS_LEN, err, sizeof err)) {
        fprintf(stderr, "yqdrill host: %s\n", err);
        return APP_EXIT_USAGE;
    }
    int rc = app_open_db(app_opt_get(opts, n_opts, "--db"), &h.db);
    if (rc)
        return rc;
    host_team team;
    if (app_opt_get(opts, n_opts, "--team")) {
        rc = team_open(&team, &h, opts, n_opts);
        if (rc)
            return app_close_db(h.db, rc);
        h.team = &team;
    }
    cls_endpoint e;
    cls_broker b = {0};
    const char *user = NULL, *pass = NULL;
    rc = endpoint(opts, n_opts, &e, &b, &user, &pass);
    h.klass = e.klass;
    if (!rc)
        rc = serve(&h, &e, user, pass, opts, n_opts);
    if (h.team)
        host_team_free(h.team);
    host_injects_free(&h);
    free(h.st);
    free(h.rep);
    free(h.cells);
    free(h.heat_pts);
    if (cls_broker_stop(&b, err, sizeof err)) {
        fprintf(stderr, "yqdrill host: %s\n", err);
        rc = rc ? rc : APP_EXIT_USAGE;
    }
    return app_close_db(h.db, rc);
}
