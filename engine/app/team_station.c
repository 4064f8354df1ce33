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

#define RESYNC_S 1.0   /* how often a seat asks the host for the log past what it has */
#define HEAD_WAIT_S 10.0   /* how long a seat waits for the team's header before it gives up */
#define WAIT_MS 50
/* A message's state, or its positive message id in flight: acknowledged by the broker, then (a proposal) still
 * not in the host's receipt one resync later, when it goes again. */
enum { NOT_SENT = 0, ACKED = -1, UNCONFIRMED = -2 };

typedef struct seat {
    cls_endpoint e;
    cls_link *link;
    store *db;
    char uuid[37];
    const char *trainee, *group;
    const char *scenario;   /* the drill the station's responses were checked against */
    const sim_action *acts;
    int n;
    int *mids;            /* per proposal */
    int confirmed;        /* proposals 0..confirmed-1 handled by the host (its receipt) */
    int done_mid;
    int subscribed;
    double retry_at, resync_at;
    store_session head;   /* the team session's header, once heard (head.uuid "" before) */
    int64_t local;        /* its row in the local save */
    int have;             /* accepted actions 0..have-1 in the local save */
    int from;             /* how many the local save had when the header came: the log was asked for from there */
    cls_msg *early;       /* accepted actions heard before the ones ahead of them */
    int n_early;
    int closed;           /* the host's end heard: end holds n_actions, total, world_hash */
    store_session end;
    int failed;          /* an APP_EXIT_* code once the seat cannot go on (err says why), else 0 */
    char err[512];
} seat;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void published(void *ctx, int mid)
{
    seat *s = ctx;
    for (int i = 0; i < s->n; i++)
        if (s->mids[i] == mid)
            s->mids[i] = ACKED;
    if (s->done_mid == mid)
        s->done_mid = ACKED;
}

/* Publish text (freed) on the seat's own topic of this kind; *slot its message id when sent. */
static void send_msg(seat *s, const char *kind, char *text, int *slot)
{
    char topic[256], why[256];
    int mid = 0;
    if (text && cls_topic(topic, sizeof topic, s->e.klass, s->uuid, kind) == 0 &&
        cls_link_publish(s->link, topic, text, &mid, why, sizeof why) == 0 && slot)
        *slot = mid;
    free(text);
}

static void resync(seat *s)
{
    send_msg(s, "resync", cls_msg_resync(s->uuid, *s->head.uuid ? s->have : -1), NULL);
    s->resync_at = now_s() + RESYNC_S;
}

/* The team's header: the local copy of the team session found or begun, and the log asked for past it. */
static void hear_head(seat *s, const cls_msg *m)
{
    int added = 0;
    store_session mine;
    if (*s->head.uuid)
        return;
    if (strcmp(m->ses.scenario, s->scenario) != 0) {
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
static void hear_action(seat *s, cls_msg *m)
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
    seat *s = ctx;
    cls_msg m;
    char why[512];
    if (cls_team_read(s->e.klass, topic, payload, len, &m, why, sizeof why) != CLS_OK) {
        fprintf(stderr, "yqdrill join: refused: %s\n", why);
        return;
    }
    if (m.kind == CLS_DONE) {
        if (strcmp(m.ses.uuid, s->uuid) == 0 && m.seq > s->confirmed)
            s->confirmed = m.seq < s->n ? m.seq : s->n;
    } else if (m.kind == CLS_SESSION)
        hear_head(s, &m);
    else if (strcmp(m.ses.uuid, s->head.uuid) != 0)
        ;   /* another team drill's, or before this one's header */
    else if (m.kind == CLS_ACTION)
        hear_action(s, &m);
    else if (m.kind == CLS_END && !s->closed) {
        s->closed = 1;
        s->end = m.ses;
    }
    cls_msg_free(&m);
}

/* Back on the broker after a loss: subscribed again, whatever was in flight sent again, the log asked for. */
static int rejoin(seat *s)
{
    char topic[256], why[256];
    if (!cls_link_connected(s->link)) {
        s->subscribed = 0;
        if (now_s() < s->retry_at || cls_link_reconnect(s->link, &s->e, 0.2, why, sizeof why)) {
            if (now_s() >= s->retry_at)
                s->retry_at = now_s() + 1.0;
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

/* Propose what is due by now (all at speed 0), then say done once the host's receipt counts every proposal. */
static void propose(seat *s, double started, double speed)
{
    for (int i = s->confirmed; i < s->n; i++)
        if (s->mids[i] == NOT_SENT && (speed <= 0 || now_s() - started >= (double)s->acts[i].t / speed))
            send_msg(s, "propose", cls_msg_propose(s->uuid, s->trainee, s->group, i, &s->acts[i]), &s->mids[i]);
    if (s->confirmed == s->n && s->done_mid == NOT_SENT)
        send_msg(s, "done", cls_msg_done(s->uuid, s->trainee, s->group, s->n), &s->done_mid);
}

/* Each resync: a proposal the broker took but the host's receipt still lacks after a whole period goes again
 * (the broker may have been lost with it), as does the done until the drill closes. */
static void resend_unconfirmed(seat *s)
{
    for (int i = s->confirmed; i < s->n; i++)
        s->mids[i] = s->mids[i] == UNCONFIRMED ? NOT_SENT : s->mids[i] == ACKED ? UNCONFIRMED : s->mids[i];
    if (!s->closed && s->done_mid == ACKED)
        s->done_mid = NOT_SENT;
}

/* The world from the local copy of the accepted log, run to its end and graded; its hash against the host's. */
static int replay(seat *s, int json)
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

static int play(seat *s, double speed, int json)
{
    cls_link_handlers h = {.ctx = s, .published = published, .message = heard};
    if (store_uuid_new(s->uuid, s->err, sizeof s->err) ||
        cls_link_open(&s->link, &s->e, CLS_STATION_USER, s->e.pass, s->uuid, &h, 5.0, s->err, sizeof s->err)) {
        fprintf(stderr, "yqdrill join: %s\n", s->err);
        return APP_EXIT_USAGE;
    }
    double started = now_s();
    while (!s->failed && !(s->closed && s->have == s->end.n_actions)) {
        if (rejoin(s)) {
            if (*s->head.uuid)   /* proposals only once the team's scenario is known to be this one */
                propose(s, started, speed);
            if (now_s() >= s->resync_at) {
                resend_unconfirmed(s);
                resync(s);
            }
        }
        if (!*s->head.uuid && now_s() - started > HEAD_WAIT_S) {
            snprintf(s->err, sizeof s->err, "class %s has no team drill (the host runs with --team?)", s->e.klass);
            s->failed = APP_EXIT_USAGE;
        } else if (!cls_link_connected(s->link) || cls_link_loop(s->link, WAIT_MS)) {
            struct timespec pause = {0, WAIT_MS * 1000000L};
            nanosleep(&pause, NULL);
        }
    }
    if (s->failed) {
        fprintf(stderr, "yqdrill join: %s\n", s->err);
        return s->failed;
    }
    return replay(s, json);
}

int app_team_play(store *db, const cls_endpoint *e, const char *trainee, const char *group, const char *scenario,
                  const sim_action *acts, int n, double speed, int json)
{
    seat s = {.e = *e, .db = db, .trainee = trainee, .group = group, .scenario = scenario, .acts = acts, .n = n};
    s.mids = calloc((size_t)(n > 0 ? n : 1), sizeof *s.mids);
    int rc = s.mids ? play(&s, speed, json) : (fprintf(stderr, "yqdrill join: out of memory\n"), APP_EXIT_STORAGE);
    cls_link_close(s.link);
    for (int i = 0; i < s.n_early; i++)
        cls_msg_free(&s.early[i]);
    free(s.early);
    free(s.mids);
    return rc;
}
