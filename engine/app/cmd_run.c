/* cmd_run.c — `yqdrill run`: a drill in the window when a display exists, otherwise headless with a
 * response file (actions taken as the clock reaches them, each saved the moment it is taken). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "args.h"
#include "commands.h"
#include "console_out.h"
#include "drill.h"
#include "paths.h"
#include "response_use.h"
#include "run_modes.h"
#include "ui/ui.h"

static void pace(double sim_seconds_per_real_second, const app_run_opts *o)
{
    if (sim_seconds_per_real_second <= 0.0)
        return;
    double s = SIM_TICK_S / sim_seconds_per_real_second;
    if (o->wait_hook) {
        o->wait_hook(o->hook_ctx, s);
        return;
    }
    struct timespec ts = {(time_t)s, (long)((s - (double)(time_t)s) * 1e9)};
    nanosleep(&ts, NULL);
}

int app_run_headless(app_drill *d, const sim_action *acts, int n, const char *name, const app_run_opts *o)
{
    char err[512];
    int printed = 0, next = 0, ended = 0;
    sim_world *w = d->world;
    while (!sim_is_over(w)) {
        while (next < n && acts[next].t < w->now + SIM_TICK_S && acts[next].t <= d->scn.duration) {
            int rc = app_drill_take(d, &acts[next], err, sizeof err);
            if (rc) {
                fprintf(stderr, "yqdrill: %s: action %d: %s\n", name, next + 1, err);
                return rc;
            }
            next++;
        }
        int rc = app_drill_step(d, err, sizeof err);
        if (rc) {
            fprintf(stderr, "yqdrill: %s\n", err);
            return rc;
        }
        if (!o->json)
            app_print_events(stdout, w, printed, o->lang);
        printed = w->n_events;
        if (o->tick_hook && (rc = o->tick_hook(o->hook_ctx))) {
            if (rc != APP_HOOK_END)
                return rc;
            ended = 1;   /* the instructor ended it: graded on what was done so far */
            break;
        }
        pace(o->speed * d->scn.time_scale, o);
    }
    if (next < n && !ended) {
        fprintf(stderr, "yqdrill: %s: action %d at %lld s comes after the drill ended (%lld s)\n", name, next + 1,
                (long long)acts[next].t, (long long)w->now);
        return APP_EXIT_USAGE;
    }
    int rc = app_drill_finish(d, err, sizeof err);
    if (rc) {
        fprintf(stderr, "yqdrill: %s\n", err);
        return rc;
    }
    if (app_print_run(stdout, &d->card, o->world ? d->world : NULL, o->json, o->lang)) {
        fprintf(stderr, "yqdrill: out of memory\n");
        return APP_EXIT_USAGE;
    }
    return APP_EXIT_OK;
}

int app_open_db(const char *path, store **db)
{
    char err[512], buf[4096];
    if (!path)
        path = app_default_db(buf, sizeof buf);
    if (store_open(path, db, err, sizeof err)) {
        fprintf(stderr, "yqdrill: %s\n", err);
        return APP_EXIT_STORAGE;
    }
    return APP_EXIT_OK;
}

int app_close_db(store *db, int rc)
{
    char err[512];
    if (store_close(db, err, sizeof err) == 0)
        return rc;
    fprintf(stderr, "yqdrill: %s\n", err);
    return rc == APP_EXIT_OK ? APP_EXIT_STORAGE : rc;
}

int app_parse_speed(const char *s, double *speed)
{
    if (!s || strcmp(s, "max") == 0) {
        *speed = 0.0;
        return 0;
    }
    if (app_parse_number(s, 0.0, APP_MAX_SPEED, speed) || !(*speed > 0.0)) {
        fprintf(stderr, "yqdrill: --speed takes a number above 0 and up to %g, or \"max\", not \"%s\"\n",
                APP_MAX_SPEED, s);
        return -1;
    }
    return 0;
}

int app_parse_scale(const char *s, double *scale)
{
    *scale = 0.0;
    if (!s)
        return 0;
    if (app_parse_number(s, UI_SCALE_MIN, UI_SCALE_MAX, scale)) {
        fprintf(stderr, "yqdrill: --scale takes a number from %g to %g (1.5 = text half as large again), not \"%s\"\n",
                (double)UI_SCALE_MIN, (double)UI_SCALE_MAX, s);
        return -1;
    }
    return 0;
}

static int run_drill(const app_run_opts *o, const app_opt *opts, int n_opts, const char *scenario, uint64_t seed,
                     const char *plan, const store_response_meta *meta, const sim_action *acts, int n, int windowed);

int app_cmd_run(int argc, char **argv)
{
    app_opt opts[] = {
        {"--seed", 1, NULL}, {"--responses", 1, NULL}, {"--headless", 0, NULL}, {"--speed", 1, NULL},
        {"--save", 1, NULL}, {"--trainee", 1, NULL}, {"--role", 1, NULL}, {"--plan", 1, NULL},
        {"--lang", 1, NULL}, {"--json", 0, NULL}, {"--no-save", 0, NULL}, {"--bench-ui", 0, NULL},
        {"--world", 0, NULL}, {"--scale", 1, NULL}, {"--sound", 0, NULL}, {"--voice", 0, NULL},
    };
    const int n_opts = (int)(sizeof opts / sizeof opts[0]);
    const char *pos[1] = {NULL};
    int n_pos = app_args_parse(argc, argv, opts, n_opts, pos, 1);
    if (n_pos < 0)
        return APP_EXIT_USAGE;
    app_run_opts o = {.lang = "zh", .trainee = getenv("USER")};
    uint64_t seed = 1;
    const char *v;
    if ((v = app_opt_get(opts, n_opts, "--seed")) && app_parse_u64(v, &seed)) {
        fprintf(stderr, "yqdrill run: --seed takes a whole number, not \"%s\"\n", v);
        return APP_EXIT_USAGE;
    }
    if ((v = app_opt_get(opts, n_opts, "--lang")))
        o.lang = v;
    if ((v = app_opt_get(opts, n_opts, "--trainee")))
        o.trainee = v;
    o.json = app_opt_get(opts, n_opts, "--json") != NULL;
    o.world = app_opt_get(opts, n_opts, "--world") != NULL;
    o.bench_ui = app_opt_get(opts, n_opts, "--bench-ui") != NULL;
    o.sound = app_opt_get(opts, n_opts, "--sound") != NULL;
    o.voice = app_opt_get(opts, n_opts, "--voice") != NULL;
    o.role = SIM_ROLE_SPOKESPERSON;
    if ((v = app_opt_get(opts, n_opts, "--role")) && (o.role = sim_role_parse(v)) < 0) {
        fprintf(stderr, "yqdrill run: --role is spokesperson, monitor or command, not \"%s\"\n", v);
        return APP_EXIT_USAGE;
    }
    int windowed = !app_opt_get(opts, n_opts, "--headless") && (o.bench_ui || app_have_display());
    if (!o.trainee && !windowed)
        o.trainee = "trainee";   /* the window offers its own, in the language it shows */
    if (app_parse_speed(app_opt_get(opts, n_opts, "--speed"), &o.speed) ||
        app_parse_scale(app_opt_get(opts, n_opts, "--scale"), &o.scale))
        return APP_EXIT_USAGE;
    if (windowed && !app_opt_get(opts, n_opts, "--speed"))
        o.speed = 1.0;
    if (!windowed && !app_opt_get(opts, n_opts, "--headless")) {
        fprintf(stderr, "yqdrill run: no display to open the drill window on; add --headless (with --responses "
                        "FILE) to play without one\n");
        return APP_EXIT_USAGE;
    }
    sim_action *acts = NULL;
    int n = 0;
    const char *responses = app_opt_get(opts, n_opts, "--responses");
    char err[512], plan_buf[4096];
    store_response_meta meta = {0};
    if (responses && store_response_read_file(responses, &meta, &acts, &n, err, sizeof err)) {
        fprintf(stderr, "yqdrill: %s\n", err);
        return APP_EXIT_USAGE;
    }
    const char *scenario = pos[0], *plan = NULL;
    int rc = app_responses_meta(&meta, app_opt_get(opts, n_opts, "--seed"), &seed, &scenario,
                                app_opt_get(opts, n_opts, "--plan"), plan_buf, sizeof plan_buf, &plan);
    if (!rc)
        rc = run_drill(&o, opts, n_opts, scenario, seed, plan, &meta, acts, n, windowed);
    store_actions_free(acts, n);
    return rc;
}

/* Open the drill and check the response file against it, printing why when either fails. APP_EXIT_*. */
static int open_checked(app_drill *d, const char *scenario, uint64_t seed, const char *plan,
                        const store_response_meta *meta, const sim_action *acts, int n, const char *responses)
{
    char err[512];
    scn_problems probs = {0};
    int rc = app_drill_open(d, scenario, seed, plan, &probs, err, sizeof err);
    if (rc) {
        scn_problems_print(&probs, stderr);
        if (!probs.count)
            fprintf(stderr, "yqdrill: %s\n", err);
    }
    scn_problems_free(&probs);
    return rc ? rc : app_responses_check(d, meta, acts, n, responses);
}

/* A windowed drill opened on its own thread while the window module loads and the window, fonts and
 * renderer start (they need nothing of the drill); the window waits for it before its first frame. */
typedef struct drill_job {
    app_drill *d;
    const char *scenario, *plan, *responses;
    uint64_t seed;
    const store_response_meta *meta;
    const sim_action *acts;
    int n;
    store *db;          /* the save database, handed to the drill once it is open */
    pthread_t thread;
    int running, rc;
} drill_job;

static void *drill_job_run(void *arg)
{
    drill_job *j = arg;
    j->rc = open_checked(j->d, j->scenario, j->seed, j->plan, j->meta, j->acts, j->n, j->responses);
    return NULL;
}

/* app_run_opts.drill_ready: wait for the thread (once), then give the open drill its database. */
static int drill_job_wait(void *ctx)
{
    drill_job *j = ctx;
    if (j->running) {
        pthread_join(j->thread, NULL);
        j->running = 0;
        if (j->rc == APP_EXIT_OK)
            j->d->db = j->db;   /* in the window the session begins once the trainee has typed a name */
    }
    return j->rc;
}

static int open_db_unless(const app_run_opts *o, const app_opt *opts, int n_opts, store **db)
{
    if (app_opt_get(opts, n_opts, "--no-save") || o->bench_ui)
        return APP_EXIT_OK;
    return app_open_db(app_opt_get(opts, n_opts, "--save"), db);
}

/* The windowed run of a named scenario: the drill opens on a thread meanwhile (run inline when no thread
 * can be started). */
static int run_window_overlapped(const app_run_opts *o, const app_opt *opts, int n_opts, drill_job *job)
{
    app_root();   /* the root is found once, here, before two threads ask for paths */
    job->running = pthread_create(&job->thread, NULL, drill_job_run, job) == 0;
    if (!job->running) {
        job->rc = open_checked(job->d, job->scenario, job->seed, job->plan, job->meta, job->acts, job->n,
                               job->responses);
        if (job->rc)
            return job->rc;
    }
    int rc = open_db_unless(o, opts, n_opts, &job->db);
    if (!job->running && !rc)
        job->d->db = job->db;
    app_run_opts wo = *o;
    wo.drill_ready = drill_job_wait;
    wo.ready_ctx = job;
    if (!rc)
        rc = app_run_window(job->d, job->acts, job->n, &wo);
    int opened = drill_job_wait(job);   /* joined here when the window never asked */
    return opened ? opened : rc;
}

/* The options, response file and its header taken: open the drill, check the file, save, play. */
static int run_drill(const app_run_opts *o, const app_opt *opts, int n_opts, const char *scenario, uint64_t seed,
                     const char *plan, const store_response_meta *meta, const sim_action *acts, int n, int windowed)
{
    if (!scenario && !windowed) {
        fprintf(stderr, "usage: yqdrill run SCENARIO [options] (without a display the scenario is required)\n");
        return APP_EXIT_USAGE;
    }
    const char *responses = app_opt_get(opts, n_opts, "--responses");
    responses = responses ? responses : "-";
    char err[512];
    app_drill d = {.seed = seed};
    int rc;
    store *db = NULL;
    if (windowed && scenario) {
        drill_job job = {.d = &d, .scenario = scenario, .plan = plan, .responses = responses, .seed = seed,
                         .meta = meta, .acts = acts, .n = n};
        rc = run_window_overlapped(o, opts, n_opts, &job);
        db = job.db;
    } else {
        rc = scenario ? open_checked(&d, scenario, seed, plan, meta, acts, n, responses) : APP_EXIT_OK;
        if (!rc)
            rc = open_db_unless(o, opts, n_opts, &db);
        if (!rc && windowed) {
            d.db = db;   /* in the window the session begins once the trainee has typed a name */
            rc = app_run_window(&d, acts, n, o);
        } else if (!rc) {
            if (db && app_drill_save(&d, db, o->trainee, err, sizeof err)) {
                fprintf(stderr, "yqdrill: %s\n", err);
                rc = APP_EXIT_STORAGE;
            }
            if (!rc)
                rc = app_run_headless(&d, acts, n, responses, o);
        }
    }
    app_drill_close(&d);
    return app_close_db(db, rc);
}
