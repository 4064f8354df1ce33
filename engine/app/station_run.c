/* station_run.c — a class station's drill under the instructor: controls heard from the host become an
 * action in the session's log when they change the world (an inject) and an instructor note otherwise;
 * its status (scenario time, warning level, heat, score so far, last action) goes to the host. */
#include "station_run.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "monotonic.h"

#define STATUS_PERIOD_S 1.0   /* how often a station tells the host how its drill stands */
#define WAIT_MS 100   /* while paused or between ticks: how long each wait for the broker's traffic lasts */
#define FRAME_RECONNECT_S 0.03   /* offline in the window: a reconnect attempt a second costs a frame or two */

/* How the drill stands, for the instructor's grid. The score so far is the plan's lines graded on the world
 * up to now without a baseline (outcome lines count from the end). Not sent while offline: the next goes. */
static void publish_status(app_station *st)
{
    const sim_world *w = st->d->world;
    cls_status s = {.t = w->now, .level = w->m.level, .heat = w->m.posts_per_hour, .n_actions = w->n_log,
                    .paused = st->paused, .speed = st->o->speed};
    if (w->n_log)
        snprintf(s.last, sizeof s.last, "%s", sim_action_type_name(w->log[w->n_log - 1].type));
    score_card card;
    char err[256];
    if (score_grade(st->d->plan, w, NULL, &card, err, sizeof err) == 0) {
        s.score = card.total;
        score_card_free(&card);
    }
    st->status_at = app_now_s();
    cls_station_status(&st->s, &s);
}

/* A control that changes the world is an action taken now, saved like the trainee's own (so replaying the
 * session's log rebuilds the same world); one the drill cannot take is refused and reported. */
static int take(app_station *st, const sim_action *a, char *err, int errlen)
{
    int rc = app_drill_take(st->d, a, err, errlen);
    if (rc == APP_EXIT_OK) {
        st->applied++;
        return 0;
    }
    if (rc == APP_EXIT_STORAGE)
        return -1;
    fprintf(stderr, "yqdrill join: instructor's %s %s not applied: %s\n", sim_action_type_name(a->type),
            a->target ? a->target : "", err);
    st->refused++;
    return 0;
}

/* What a pace control (pause, resume, speed, end) does to the station, heard live or read back from its note. */
static void pace(app_station *st, const cls_control *c)
{
    switch (c->op) {
    case CLS_OP_PAUSE:
    case CLS_OP_RESUME:
        st->paused = c->op == CLS_OP_PAUSE;
        break;
    case CLS_OP_SPEED:
        st->o->speed = c->speed;
        st->speed_set = 1;
        break;
    case CLS_OP_END:
        st->ended = 1;
        break;
    default:
        break;
    }
}

/* A control that changes the world is taken as an action; the others (pause, resume, speed, end) are kept in
 * the session as instructor notes. */
static int apply(app_station *st, const cls_control *c, char *err, int errlen)
{
    sim_action a;
    char note[64];
    if (cls_control_effect(c, st->d->world->now, st->o->role, &a, note, sizeof note)) {
        if (c->op == CLS_OP_ASK && !st->o->json)
            printf("[%s%s] %s%s%s: %s\n", cls_op_names[c->op], c->follow_up ? ", follow-up" : "", c->reporter,
                   *c->outlet ? " / " : "", c->outlet, c->text);
        return take(st, &a, err, errlen);
    }
    pace(st, c);
    st->applied++;
    return store_note_add(st->d->db, st->d->session, st->d->world->now, "instructor", note, NULL, err, errlen);
}

static int apply_heard(app_station *st, char *err, int errlen)
{
    cls_control c;
    int rc = 0;
    while (rc == 0 && cls_station_control(&st->s, &c)) {
        rc = apply(st, &c, err, errlen);
        cls_control_free(&c);
    }
    return rc;
}


void app_station_wait(void *ctx, double seconds)
{
    app_station *st = ctx;
    double until = app_now_s() + seconds, left;
    while (st->s.n_inbox == 0 && (left = until - app_now_s()) > 0)
        cls_station_wait(&st->s, left * 1000 < WAIT_MS ? (int)(left * 1000) + 1 : WAIT_MS);
}

/* Sync, apply what was heard; the status goes when something was applied or its period has passed. */
static int tend(app_station *st, char *err, int errlen)
{
    int applied = st->applied;
    if (cls_station_sync(&st->s, err, errlen) || apply_heard(st, err, errlen))
        return -1;
    if (applied != st->applied || app_now_s() - st->status_at >= STATUS_PERIOD_S)
        publish_status(st);
    return 0;
}

int app_station_restore(app_station *st, char *err, int errlen)
{
    store_note *notes = NULL;
    int n = 0;
    if (store_note_list(st->d->db, st->d->session, &notes, &n, err, errlen))
        return -1;
    cls_control c;
    for (int i = 0; i < n; i++)
        if (strcmp(notes[i].author, "instructor") == 0 && cls_control_of_note(notes[i].text, &c))
            pace(st, &c);
    store_notes_free(notes, n);
    return 0;
}

int app_station_tick(app_station *st, char *err, int errlen)
{
    if (tend(st, err, errlen))
        return -1;
    while (st->paused && !st->ended) {
        cls_station_wait(&st->s, WAIT_MS);
        if (tend(st, err, errlen))
            return -1;
    }
    return 0;
}

int app_station_frame(void *ctx, ui_class_pace *p, char *err, int errlen)
{
    app_station *st = ctx;
    *p = (ui_class_pace){.speed = -1};
    if (!st->d->session)
        return 0;   /* the start screen: the station joins with the drill */
    if (st->d->session != st->s.session) {
        cls_endpoint e = st->s.e;
        cls_station_close(&st->s);
        st->paused = st->ended = st->speed_set = 0;
        if (cls_station_open(&st->s, &e, st->d->db, st->d->session, err, errlen))
            return -1;
    }
    if (!st->s.link) {
        snprintf(err, (size_t)errlen, "this drill could not join the class; `yqdrill join CODE --sync` sends it later");
        return -1;
    }
    st->s.reconnect_s = FRAME_RECONNECT_S;
    cls_station_wait(&st->s, 0);
    if (tend(st, err, errlen))
        return -1;
    p->paused = st->paused;
    p->speed = st->speed_set ? st->o->speed : -1;
    p->ended = st->ended;
    return 0;
}
