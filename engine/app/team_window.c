/* team_window.c — a team seat in the console: the one team world on screen, run up to the team's clock with the
 * accepted log as it arrives; what the trainee does goes to the host as the seat's proposals (in its group's role). */
#include "team_window.h"

#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "run_modes.h"
#include "team_station.h"
#include "monotonic.h"

#define MAX_STEPS_PER_FRAME 360   /* an hour of scenario time: a seat far behind the team's clock catches up */
#define LEAVE_WAIT_S 3.0          /* leaving: how long the seat waits for the host to take its last proposals */
#define WAIT_MS 50

typedef struct team_window {
    app_team_seat seat;
    app_drill d;
    sim_role role;   /* the seat group's: every proposal acts as it */
    int applied;     /* accepted actions 0..applied-1 queued into the world */
} team_window;

/* Rebuild the world from the local copy of the accepted log (an accepted action came earlier than the world's now:
 * a restarted host that had no clock ceiling kept starts again from its log's last action). 0, or -1 with err. */
static int rebuild(team_window *tw, char *err, int errlen)
{
    store_session mine;
    sim_action *acts = NULL;
    int n = 0;
    if (store_session_get(tw->seat.db, tw->seat.local, &mine, err, errlen))
        return -1;
    app_drill_close(&tw->d);
    tw->d.seed = mine.seed;
    if (app_drill_reopen(&tw->d, tw->seat.db, &mine, NULL, &acts, &n)) {
        snprintf(err, (size_t)errlen, "the team's world could not be rebuilt from the local save");
        return -1;
    }
    store_actions_free(acts, n);
    tw->d.db = mine.finished ? NULL : tw->seat.db;
    tw->d.session = tw->seat.local;
    tw->applied = n;
    return 0;
}

/* The accepted actions the local save has and the world not yet: queued, or the world rebuilt with them.
 * 1 rebuilt, 0 queued (or nothing new), -1 with err. */
static int queue_heard(team_window *tw, char *err, int errlen)
{
    if (tw->seat.have <= tw->applied)
        return 0;
    sim_action *acts = NULL;
    int n = 0, rc = 0;
    if (store_actions_load(tw->seat.db, tw->seat.local, &acts, &n, err, errlen))
        return -1;
    for (int i = tw->applied; i < n && rc == 0; i++)
        if (acts[i].t < tw->d.world->now)
            rc = rebuild(tw, err, errlen) ? -1 : 1;
        else if (app_drill_replay(&tw->d, &acts[i], 1, err, errlen))
            rc = -1;
        else
            tw->applied++;
    store_actions_free(acts, n);
    return rc;
}

static int frame(void *ctx, ui_class_pace *p, char *err, int errlen)
{
    team_window *tw = ctx;
    app_team_seat *s = &tw->seat;
    *p = (ui_class_pace){.speed = -1};
    if (tw->d.session != s->local || tw->d.graded)
        return 0;   /* a drill of the trainee's own, started from the results */
    p->driven = 1;
    if (app_team_seat_pump(s, 0)) {
        snprintf(err, (size_t)errlen, "%s", s->err);
        return -1;
    }
    int rc = queue_heard(tw, err, errlen);
    if (rc < 0)
        return -1;
    if (rc > 0)
        p->world = tw->d.world;
    /* Up to the team's clock, once every action accepted before it is here: none accepted later can precede it. */
    sim_time barrier = s->has_clock && s->clock.n_actions <= tw->applied ? s->clock.t : 0;
    if (app_drill_step_to(&tw->d, barrier, MAX_STEPS_PER_FRAME, err, errlen))
        return -1;
    p->paused = s->clock.paused;
    p->ended = app_team_seat_over(s) && tw->applied == s->have;
    return 0;
}

static int submit(void *ctx, const sim_action *a, char *err, int errlen)
{
    team_window *tw = ctx;
    if (tw->d.session != tw->seat.local)
        return app_drill_take(&tw->d, a, err, errlen) ? -1 : 0;
    sim_action mine = *a;
    mine.role = tw->role;
    if (tw->seat.closed) {
        snprintf(err, (size_t)errlen, "the team drill is over");
        return -1;
    }
    if (app_drill_check(&tw->d, &mine, 1, 0, tw->d.world->now, err, errlen) ||
        store_outbox_put(tw->seat.db, tw->seat.local, tw->seat.trainee, tw->seat.group, tw->seat.base + tw->seat.n,
                         &mine, err, errlen))
        return -1;   /* kept before it is sent: a window killed before the host takes it sends it again */
    if (app_team_seat_add(&tw->seat, &mine)) {
        snprintf(err, (size_t)errlen, "out of memory");
        return -1;
    }
    return 0;
}

static int finish_ok(void *ctx, char *err, int errlen)
{
    team_window *tw = ctx;
    if (tw->d.session != tw->seat.local || app_team_seat_over(&tw->seat))
        return 0;
    snprintf(err, (size_t)errlen, "the instructor ends a team drill (end team)");
    return -1;
}

/* The proposals this seat kept in the local save and the host has not handled (a window killed before they were
 * taken): proposed again under their own numbers. 0, or -1 with s->err. */
static int send_kept(app_team_seat *s)
{
    sim_action *acts = NULL;
    int n = 0, rc = store_outbox_list(s->db, s->local, s->trainee, s->group, s->base, &acts, &n, s->err, sizeof s->err);
    for (int i = 0; i < n && !rc; i++)
        if (app_team_seat_add(s, &acts[i])) {
            snprintf(s->err, sizeof s->err, "out of memory");
            rc = -1;
        }
    store_actions_free(acts, n);
    if (!rc && n) {
        printf("%d proposals kept from before sent again\n", n);
        fflush(stdout);   /* said now, not when the window closes */
    }
    return rc;
}

/* Wait for the team's header, clock and this seat's receipt; then the local copy of the team session opened as the
 * drill, with what it holds queued, the seat's role from its group, and what it proposed but the host did not take
 * sent again. APP_EXIT_* code, message printed. */
static int open_team(team_window *tw, const char *group)
{
    app_team_seat *s = &tw->seat;
    while (!s->failed && !(*s->head.uuid && s->has_clock && s->base >= 0))
        app_team_seat_pump(s, WAIT_MS);
    if (!s->failed && send_kept(s))
        s->failed = APP_EXIT_STORAGE;
    if (!s->failed && s->clock.speed <= 0) {
        snprintf(s->err, sizeof s->err, "the host's team drill has no clock to play it in a window: start it with "
                                         "--speed X (X times the scenario's pace), or seat this one --headless");
        s->failed = APP_EXIT_USAGE;
    }
    if (s->failed) {
        fprintf(stderr, "yqdrill join: %s\n", s->err);
        return s->failed;
    }
    char err[512];
    if (rebuild(tw, err, sizeof err)) {
        fprintf(stderr, "yqdrill join: %s\n", err);
        return APP_EXIT_SCENARIO;
    }
    int g = score_plan_group_find(tw->d.plan, group);
    if (g < 0) {
        fprintf(stderr, "yqdrill join: --group %s is not a group of plan %s (", group, score_plan_id(tw->d.plan));
        for (int i = 0; i < score_plan_groups(tw->d.plan); i++)
            fprintf(stderr, "%s%s", i ? ", " : "", score_plan_group_id(tw->d.plan, i));
        fprintf(stderr, ")\n");
        return APP_EXIT_USAGE;
    }
    tw->role = (sim_role)score_plan_group_role(tw->d.plan, g);
    return APP_EXIT_OK;
}

/* Leaving: the proposals still out get a moment to be taken; the end line once the team drill was graded here. */
static int leave(team_window *tw)
{
    app_team_seat *s = &tw->seat;
    double until = app_now_s() + LEAVE_WAIT_S;
    do
        app_team_seat_pump(s, WAIT_MS);
    while (!s->failed && s->confirmed < s->n && app_now_s() < until);
    if (s->confirmed < s->n)
        fprintf(stderr, "yqdrill join: %d of this seat's proposals not yet taken by the host\n", s->n - s->confirmed);
    if (!tw->d.graded || tw->d.session != s->local)
        return APP_EXIT_OK;
    uint64_t hash = sim_hash(tw->d.world);
    printf("team drill %s closed: %d actions, total %.1f, world %016llx\n", s->head.uuid, tw->applied,
           tw->d.card.total, (unsigned long long)hash);
    if (hash == s->end.world_hash)
        return APP_EXIT_OK;
    fprintf(stderr, "yqdrill join: this seat's world %016llx differs from the host's %016llx\n",
            (unsigned long long)hash, (unsigned long long)s->end.world_hash);
    return APP_EXIT_SCENARIO;
}

int app_team_window(store *db, const cls_endpoint *e, const char *group, const char *scenario, app_run_opts *o)
{
    team_window tw = {0};
    int rc = app_team_seat_open(&tw.seat, db, e, o->trainee, group, scenario, 0);
    if (rc)
        fprintf(stderr, "yqdrill join: %s\n", tw.seat.err);
    else
        rc = open_team(&tw, group);
    if (!rc) {
        o->frame_hook = frame;
        o->submit_hook = submit;
        o->finish_hook = finish_ok;
        o->hook_ctx = &tw;
        rc = app_run_window(&tw.d, NULL, 0, o);
    }
    if (!rc)
        rc = leave(&tw);
    app_team_seat_close(&tw.seat);
    app_drill_close(&tw.d);
    return rc;
}
