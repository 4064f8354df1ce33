/* station.c — a station's side of the class: everything it publishes comes from its local save (header,
 * each action by seq, the scorecard once finished); unacknowledged messages are sent again after a loss;
 * the instructor's controls are heard on its control topics and queued, each once. */
#include "cls_station.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { NOT_SENT = 0, IN_FLIGHT = -1, ACKED = -2 };   /* a slot's state, or its positive message id */
#define LEAVE_S 0.5   /* how long a leaving station waits for its goodbye to be acknowledged */
#define RECONNECT_S 0.2   /* how long a headless station's reconnect attempt (about once a second) may take */

static int slot_grow(cls_station *s, int n)
{
    if (n <= s->cap)
        return 0;
    int cap = n + 64;
    int *a = realloc(s->acts, (size_t)cap * sizeof *a);
    if (!a)
        return -1;
    for (int i = s->cap; i < cap; i++)
        a[i] = NOT_SENT;
    s->acts = a;
    s->cap = cap;
    return 0;
}

static int inbox_grow(cls_station *s)
{
    int cap = s->cap_inbox ? 2 * s->cap_inbox : 8;
    cls_control *a = realloc(s->inbox, (size_t)cap * sizeof *a);
    if (!a)
        return 0;
    s->inbox = a;
    s->cap_inbox = cap;
    return 1;
}

static void mark(int *slot, int mid)
{
    if (*slot == mid)
        *slot = ACKED;
}

static void published(void *ctx, int mid)
{
    cls_station *s = ctx;
    mark(&s->header, mid);
    mark(&s->end, mid);
    mark(&s->gone_mid, mid);
    for (int i = 0; i < s->n_known; i++)
        mark(&s->acts[i], mid);
}

/* A control for this station: queued unless refused or already taken (QoS 1 may deliver it twice). */
static void heard(void *ctx, const char *topic, const void *payload, int len)
{
    cls_station *s = ctx;
    cls_control c;
    char why[512];
    cls_refusal r = cls_control_read(s->e.klass, s->ses.uuid, topic, payload, len, &c, why, sizeof why);
    if (r != CLS_OK) {
        s->refused[r]++;
        return;
    }
    int seen = strcmp(c.host, s->last_host) == 0 && c.id <= s->last_id;
    for (int i = 0; i < s->n_inbox && !seen; i++)
        seen = strcmp(c.host, s->inbox[i].host) == 0 && c.id == s->inbox[i].id;
    if (seen || (s->n_inbox == s->cap_inbox && !inbox_grow(s))) {
        cls_control_free(&c);
        return;
    }
    s->inbox[s->n_inbox++] = c;
}

int cls_station_control(cls_station *s, cls_control *c)
{
    if (s->n_inbox == 0)
        return 0;
    *c = s->inbox[0];
    memmove(s->inbox, s->inbox + 1, (size_t)(s->n_inbox - 1) * sizeof *s->inbox);
    s->n_inbox--;
    snprintf(s->last_host, sizeof s->last_host, "%s", c->host);
    s->last_id = c->id;
    return 1;
}

static int subscribe_controls(cls_station *s, char *err, int errlen)
{
    char all[256], mine[256];
    snprintf(all, sizeof all, "yq/%s/ctl/" CLS_ALL, s->e.klass);
    snprintf(mine, sizeof mine, "yq/%s/ctl/%s", s->e.klass, s->ses.uuid);
    if (cls_link_subscribe(s->link, all, err, errlen) || cls_link_subscribe(s->link, mine, err, errlen))
        return -1;
    s->subscribed = 1;
    return 0;
}

int cls_station_open(cls_station *s, const cls_endpoint *e, store *db, int64_t session, char *err, int errlen)
{
    memset(s, 0, sizeof *s);
    s->e = *e;
    s->db = db;
    s->session = session;
    s->reconnect_s = RECONNECT_S;
    if (store_session_get(db, session, &s->ses, err, errlen))
        return -1;
    char will_topic[256], *will = cls_msg_gone(s->ses.uuid);
    cls_link_handlers h = {.ctx = s, .published = published, .message = heard, .will_topic = will_topic,
                           .will_payload = will, .persistent = 1};
    int rc = will && cls_topic(will_topic, sizeof will_topic, e->klass, s->ses.uuid, "gone") == 0
                 ? cls_link_open(&s->link, e, CLS_STATION_USER, e->pass, s->ses.uuid, &h, 5.0, err, errlen)
                 : (snprintf(err, (size_t)errlen, "out of memory"), -1);
    free(will);
    if (rc)
        return -1;
    return subscribe_controls(s, err, errlen);
}

/* Publish one message built by the caller into *slot (its message id), freeing the text. */
static int publish_msg(cls_station *s, const char *kind, char *text, int *slot, char *err, int errlen)
{
    char topic[256];
    int mid = 0;
    if (!text || cls_topic(topic, sizeof topic, s->e.klass, s->ses.uuid, kind)) {
        free(text);
        snprintf(err, (size_t)errlen, "out of memory building a %s message", kind);
        return -1;
    }
    int rc = cls_link_publish(s->link, topic, text, &mid, err, errlen);
    free(text);
    if (rc == 0)
        *slot = mid;
    return 0;   /* not delivered now: the slot stays unsent and goes again later */
}

/* After a loss every message not acknowledged is sent again (the host keeps the first copy of each). */
static void forget_in_flight(cls_station *s)
{
    if (s->header > 0)
        s->header = NOT_SENT;
    if (s->end > 0)
        s->end = NOT_SENT;
    for (int i = 0; i < s->n_known; i++)
        if (s->acts[i] > 0)
            s->acts[i] = NOT_SENT;
}

static int send_actions(cls_station *s, char *err, int errlen)
{
    sim_action *a = NULL;
    int n = 0, rc = 0;
    if (store_actions_load(s->db, s->session, &a, &n, err, errlen))
        return -1;
    if (slot_grow(s, n)) {
        store_actions_free(a, n);
        snprintf(err, (size_t)errlen, "out of memory");
        return -1;
    }
    s->n_known = n;
    for (int i = 0; i < n && rc == 0; i++)
        if (s->acts[i] == NOT_SENT)
            rc = publish_msg(s, "action", cls_msg_action(s->ses.uuid, i, &a[i]), &s->acts[i], err, errlen);
    store_actions_free(a, n);
    return rc;
}

int cls_station_sync(cls_station *s, char *err, int errlen)
{
    char why[256];
    if (!cls_link_connected(s->link)) {
        forget_in_flight(s);
        s->subscribed = 0;
        if (cls_now_s() < s->retry_at || cls_link_reconnect(s->link, &s->e, s->reconnect_s, why, sizeof why)) {
            if (cls_now_s() >= s->retry_at)
                s->retry_at = cls_now_s() + 1.0;
            return 0;   /* offline: drill on, the local save keeps everything */
        }
    }
    if (!s->subscribed && subscribe_controls(s, why, sizeof why))
        return 0;   /* the connection just dropped: tried again on the next sync */
    if (store_session_get(s->db, s->session, &s->ses, err, errlen))
        return -1;
    if (s->header == NOT_SENT && publish_msg(s, "session", cls_msg_session(&s->ses), &s->header, err, errlen))
        return -1;
    if (s->ses.n_actions > s->n_known || s->pending_resend) {
        s->pending_resend = 0;
        if (send_actions(s, err, errlen))
            return -1;
    }
    if (s->ses.finished && s->end == NOT_SENT && s->n_known == s->ses.n_actions) {
        char *card = store_scorecard(s->db, s->session, err, errlen);
        if (!card)
            return -1;
        int rc = publish_msg(s, "end", cls_msg_end(&s->ses, card), &s->end, err, errlen);
        free(card);
        if (rc)
            return -1;
    }
    if (cls_link_loop(s->link, 0))
        s->pending_resend = 1;
    return 0;
}

int cls_station_unacked(const cls_station *s)
{
    int n = (s->header != ACKED) + (s->ses.finished && s->end != ACKED) + (s->ses.n_actions - s->n_known);
    for (int i = 0; i < s->n_known; i++)
        n += s->acts[i] != ACKED;
    return n;
}

void cls_station_wait(cls_station *s, int ms)
{
    if (cls_link_connected(s->link) && cls_link_loop(s->link, ms) == 0)
        return;
    s->pending_resend = 1;
    struct timespec pause = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&pause, NULL);   /* offline: nothing to hear; the next sync tries the broker again */
}

int cls_station_drain(cls_station *s, double timeout_s, char *err, int errlen)
{
    double until = cls_now_s() + timeout_s;
    for (;;) {
        if (cls_station_sync(s, err, errlen))
            return -1;
        if (cls_station_unacked(s) == 0)
            return 0;
        if (cls_now_s() >= until)
            break;
        cls_station_wait(s, 50);
    }
    snprintf(err, (size_t)errlen, "%d messages not yet acknowledged by the broker; they stay in the local save "
                                  "(publish them later with yqdrill join CODE --sync)", cls_station_unacked(s));
    return -1;
}

int cls_station_status(cls_station *s, const cls_status *st)
{
    char topic[256], err[256];
    char *text = cls_msg_status(s->ses.uuid, st);
    int rc = text && cls_link_connected(s->link) && cls_topic(topic, sizeof topic, s->e.klass, s->ses.uuid, "status") == 0
                 ? cls_link_publish(s->link, topic, text, NULL, err, sizeof err)
                 : -1;
    free(text);
    return rc;
}

/* Say goodbye (a clean disconnect sends no last will): published and given a moment to leave. */
static void leave(cls_station *s)
{
    char topic[256], err[256];
    char *text = cls_msg_gone(s->ses.uuid);
    int mid = 0;
    s->gone_mid = -1;
    if (text && cls_link_connected(s->link) && cls_topic(topic, sizeof topic, s->e.klass, s->ses.uuid, "gone") == 0 &&
        cls_link_publish(s->link, topic, text, &mid, err, sizeof err) == 0) {
        s->gone_mid = mid;
        double until = cls_now_s() + LEAVE_S;
        while (s->gone_mid != ACKED && cls_now_s() < until && cls_link_loop(s->link, 20) == 0)
            ;
    }
    free(text);
}

void cls_station_close(cls_station *s)
{
    if (s->link)
        leave(s);
    cls_link_close(s->link);
    free(s->acts);
    for (int i = 0; i < s->n_inbox; i++)
        cls_control_free(&s->inbox[i]);
    free(s->inbox);
    s->link = NULL;
    s->acts = NULL;
    s->inbox = NULL;
    s->n_inbox = 0;
}
