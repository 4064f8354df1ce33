/* team_station.c — a seat of a team drill: its proposals go to the host (QoS 1, and again until the host's
 * receipt counts them, so a broker lost mid-drill loses none; the host keeps each once), the accepted log comes back in seq order into the local save, and at the close the world
 * is replayed from that log alone: the same scenario content hash, seed and actions give every seat one world. */
#include "team_station.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "class/cls_link.h"
#include "commands.h"
#include "drill.h"
#include "monotonic.h"

#define RESYNC_S 1.0   /* how often a seat asks the host for the log past what it has */
#define HEAD_WAIT_S 10.0   /* how long a seat waits for the team's header before it gives up */
#define WAIT_MS 50
/* A message's state, or its positive message id in flight: acknowledged by the broker, then (a proposal) still
 * not in the host's receipt one resync later, when it goes again. */
enum { NOT_SENT = 0, ACKED = -1, UNCONFIRMED = -2 };

static void published(void *ctx, int mid)
{
    app_team_seat *s = ctx;
    for (int i = 0; i < s->n; i++)
        if (s->mids[i] == mid)
            s->mids[i] = ACKED;
    if (s->done_mid == mid)
        s->done_mid = ACKED;
}

/* Publish text (freed) on the seat's own topic of this kind; *slot its message id when sent. */
static void send_msg(app_team_seat *s, const char *kind, char *text, int *slot)
{
    char topic[256], why[256];
    int mid = 0;
    if (text && cls_topic(topic, sizeof topic, s->e.klass, s->uuid, kind) == 0 &&
        cls_link_publish(s->link, topic, text, &mid, why, sizeof why) == 0 && slot)
        *slot = mid;
    free(text);
}

static void resync(app_team_seat *s)
{
    send_msg(s, "resync", cls_msg_resync(s->uuid, s->trainee, s->group, *s->head.uuid ? s->have : -1), NULL);
    s->resync_at = app_now_s() + RESYNC_S;
}

/* The team's header: the local copy of the team session found or begun, and the log asked for past it. */
static void hear_head(app_team_seat *s, const cls_msg *m)
{
    int added = 0;
    store_session mine;
    if (*s->head.uuid)
        return;
    if (s->scenario && strcmp(m->ses.scenario, s->scenario) != 0) {
        snprintf(s->err, sizeof s->err, "the host's team drill plays %s, not %s", m->ses.scenario, s->scenario);
        s->failed = APP_EXIT_USAGE;
        return;
    }
    if (store_session_adopt(s->db, &m->ses, &s->local, &added, s->err, sizeof s->err) ||
        store_session_get(s->db, s->local, &mine, s->err, sizeof s->err)) {
        s->failed = APP_EXIT_STORAGE;
        return;
    }
    s->head = m->ses;
    s->have = s->from = mine.n_actions;
    resync(s);
}

/* Accepted actions into the local save in seq order; one ahead of a gap waits for the gap to be filled. */
static void hear_action(app_team_seat *s, cls_msg *m)
{
    if (m->seq < s->have)
        return;
    if (m->seq > s->have) {
        cls_msg *a = realloc(s->early, (size_t)(s->n_early + 1) * sizeof *a);
        if (!a) {
            snprintf(s->err, sizeof s->err, "out of memory");
            s->failed = APP_EXIT_STORAGE;
            return;
        }
        s->early = a;
        s->early[s->n_early++] = *m;
        m->action = NULL;   /* kept */
        return;
    }
    int added = 0;
    if (store_action_merge(s->db, s->local, m->seq, m->action, &added, s->err, sizeof s->err)) {
        s->failed = APP_EXIT_STORAGE;
        return;
    }
    s->have++;
    for (int i = 0; i < s->n_early; i++)
        if (s->early[i].seq <= s->have) {
            cls_msg next = s->early[i];
            s->early[i] = s->early[--s->n_early];
            hear_action(s, &next);
            cls_msg_free(&next);
            i = -1;
        }
}

static void heard(void *ctx, const char *topic, const void *payload, int len)
{
    app_team_seat *s = ctx;
    cls_msg m;
    char why[512];
    if (cls_team_read(s->e.klass, topic, payload, len, &m, why, sizeof why) != CLS_OK) {
        fprintf(stderr, "yqdrill join: refused: %s\n", why);
        return;
    }
    if (m.kind == CLS_DONE) {
        if (strcmp(m.ses.uuid, s->uuid) == 0 && s->base < 0)
            s->base = m.seq;
        if (strcmp(m.ses.uuid, s->uuid) == 0 && m.seq - s->base > s->confirmed)
            s->confirmed = m.seq - s->base < s->n ? m.seq - s->base : s->n;
    } else if (m.kind == CLS_SESSION)
        hear_head(s, &m);
    else if (strcmp(m.ses.uuid, s->head.uuid) != 0)
        ;   /* another team drill's, or before this one's header */
    else if (m.kind == CLS_ACTION)
        hear_action(s, &m);
    else if (m.kind == CLS_STATUS) {
        s->clock = m.status;
        s->has_clock = 1;
    }
    else if (m.kind == CLS_END && !s->closed) {
        s->closed = 1;
        s->end = m.ses;
    }
    cls_msg_free(&m);
}

/* Back on the broker after a loss: subscribed again, whatever was in flight sent again, the log asked for. */
static int rejoin(app_team_seat *s)
{
    char topic[256], why[256];
    if (!cls_link_connected(s->link)) {
        s->subscribed = 0;
        if (app_now_s() < s->retry_at || cls_link_reconnect(s->link, &s->e, 0.2, why, sizeof why)) {
            if (app_now_s() >= s->retry_at)
                s->retry_at = app_now_s() + 1.0;
            return 0;
        }
    }
    if (s->subscribed)
        return 1;
    snprintf(topic, sizeof topic, "yq/%s/ctl/" CLS_TEAM_TOPIC "/#", s->e.klass);
    if (cls_link_subscribe(s->link, topic, why, sizeof why))
        return 0;
    s->subscribed = 1;
    for (int i = 0; i < s->n; i++)
        if (s->mids[i] > 0)
            s->mids[i] = NOT_SENT;
    if (s->done_mid > 0)
        s->done_mid = NOT_SENT;
    resync(s);
    return 1;
}

/* Whether proposal i is due: by the team's clock when it has one (its pause holds the seat's proposals too), else
 * by the seat's own pace. */
static int due(const app_team_seat *s, int i)
{
    if (s->has_clock && s->clock.speed > 0)
        return s->acts[i].t <= s->clock.t;
    return s->speed <= 0 || app_now_s() - s->started >= (double)s->acts[i].t / s->speed;
}

/* Propose what is due by now, then (a scripted seat) say done once the host's receipt counts every proposal. */
static void propose(app_team_seat *s)
{
    for (int i = s->confirmed; i < s->n && s->base >= 0; i++)
        if (s->mids[i] == NOT_SENT && due(s, i))
            send_msg(s, "propose", cls_msg_propose(s->uuid, s->trainee, s->group, s->base + i, &s->acts[i]),
                     &s->mids[i]);
    if (s->say_done && s->confirmed == s->n && s->done_mid == NOT_SENT)
        send_msg(s, "done", cls_msg_done(s->uuid, s->trainee, s->group, s->base + s->n), &s->done_mid);
}

/* Each resync: a proposal the broker took but the host's receipt still lacks after a whole period goes again
 * (the broker may have been lost with it), as does the done until the drill closes. */
static void resend_unconfirmed(app_team_seat *s)
{
    for (int i = s->confirmed; i < s->n; i++)
        s->mids[i] = s->mids[i] == UNCONFIRMED ? NOT_SENT : s->mids[i] == ACKED ? UNCONFIRMED : s->mids[i];
    if (!s->closed && s->done_mid == ACKED)
        s->done_mid = NOT_SENT;
}

/* The world from the local copy of the accepted log, run to its end and graded; its hash against the host's. */
static int replay(app_team_seat *s, int json)
{
    app_drill d;
    sim_action *acts = NULL;
    int n = 0;
    store_session mine;
    if (store_session_get(s->db, s->local, &mine, s->err, sizeof s->err)) {
        fprintf(stderr, "yqdrill join: %s\n", s->err);
        return APP_EXIT_STORAGE;
    }
    int rc = app_drill_reopen(&d, s->db, &mine, NULL, &acts, &n);
    if (!rc) {
        d.db = mine.finished ? NULL : s->db;   /* a seat restarted after the close has its copy finished already */
        d.session = s->local;
        rc = app_drill_finish(&d, s->err, sizeof s->err);
        if (rc)
            fprintf(stderr, "yqdrill join: %s\n", s->err);
    }
    uint64_t hash = rc ? 0 : sim_hash(d.world);
    if (!rc && json)
        printf("{\"team\": \"%s\", \"group\": \"%s\", \"n_actions\": %d, \"world_hash\": \"%016llx\", "
               "\"host_world_hash\": \"%016llx\", \"total\": %.2f, \"resynced_from\": %d}\n",
               s->head.uuid, s->group, n, (unsigned long long)hash, (unsigned long long)s->end.world_hash,
               d.card.total, s->from);
    else if (!rc)
        printf("team drill %s closed: %d actions, total %.1f, world %016llx\n", s->head.uuid, n, d.card.total,
               (unsigned long long)hash);
    if (!rc && hash != s->end.world_hash) {
        fprintf(stderr, "yqdrill join: this seat's world %016llx differs from the host's %016llx\n",
                (unsigned long long)hash, (unsigned long long)s->end.world_hash);
        rc = APP_EXIT_SCENARIO;
    }
    store_actions_free(acts, n);
    app_drill_close(&d);
    return rc;
}

int app_team_seat_open(app_team_seat *s, store *db, const cls_endpoint *e, const char *trainee, const char *group,
                       const char *scenario, int numbered)
{
    *s = (app_team_seat){.e = *e, .db = db, .trainee = trainee, .group = group, .scenario = scenario,
                         .base = numbered ? 0 : -1, .started = app_now_s()};
    cls_link_handlers h = {.ctx = s, .published = published, .message = heard};
    if (store_uuid_new(s->uuid, s->err, sizeof s->err) ||
        cls_link_open(&s->link, &s->e, CLS_STATION_USER, s->e.pass, s->uuid, &h, 5.0, s->err, sizeof s->err))
        return s->failed = APP_EXIT_USAGE;
    return APP_EXIT_OK;
}

int app_team_seat_add(app_team_seat *s, const sim_action *a)
{
    if (s->n == s->cap) {
        int cap = s->cap ? 2 * s->cap : 16;
        sim_action *acts = realloc(s->acts, (size_t)cap * sizeof *acts);
        if (acts)
            s->acts = acts;
        int *mids = acts ? realloc(s->mids, (size_t)cap * sizeof *mids) : NULL;
        if (!mids)
            return -1;
        s->mids = mids;
        s->cap = cap;
    }
    if (sim_action_copy(&s->acts[s->n], a))
        return -1;
    s->mids[s->n++] = NOT_SENT;
    return 0;
}

int app_team_seat_pump(app_team_seat *s, int wait_ms)
{
    if (!s->failed && rejoin(s)) {
        if (*s->head.uuid && s->has_clock)   /* once the team's scenario is known to be this one, and its clock */
            propose(s);
        if (app_now_s() >= s->resync_at) {
            resend_unconfirmed(s);
            resync(s);
        }
    }
    if (s->failed)
        return s->failed;
    if (!*s->head.uuid && app_now_s() - s->started > HEAD_WAIT_S) {
        snprintf(s->err, sizeof s->err, "class %s has no team drill (the host runs with --team?)", s->e.klass);
        s->failed = APP_EXIT_USAGE;
    } else if (!cls_link_connected(s->link) || cls_link_loop(s->link, wait_ms)) {
        struct timespec pause = {0, wait_ms * 1000000L};
        nanosleep(&pause, NULL);
    }
    return s->failed;
}

int app_team_seat_over(const app_team_seat *s)
{
    return s->closed && s->have == s->end.n_actions;
}

void app_team_seat_close(app_team_seat *s)
{
    cls_link_close(s->link);
    s->link = NULL;
    for (int i = 0; i < s->n_early; i++)
        cls_msg_free(&s->early[i]);
    free(s->early);
    for (int i = 0; i < s->n; i++)
        sim_action_free(&s->acts[i]);
    free(s->acts);
    free(s->mids);
    s->early = NULL;
    s->acts = NULL;
    s->mids = NULL;
    s->n = s->n_early = 0;
}

int app_team_play(store *db, const cls_endpoint *e, const char *trainee, const char *group, const char *scenario,
                  const sim_action *acts, int n, double speed, int json)
{
    app_team_seat s;
    int rc = app_team_seat_open(&s, db, e, trainee, group, scenario, 1);
    s.speed = speed;
    s.say_done = 1;
    for (int i = 0; i < n && !rc; i++)
        if (app_team_seat_add(&s, &acts[i])) {
            snprintf(s.err, sizeof s.err, "out of memory");
            rc = APP_EXIT_STORAGE;
        }
    while (!rc && !app_team_seat_over(&s))
        rc = app_team_seat_pump(&s, WAIT_MS);
    if (rc)
        fprintf(stderr, "yqdrill join: %s\n", s.err);
    else
        rc = replay(&s, json);
    app_team_seat_close(&s);
    return rc;
}
