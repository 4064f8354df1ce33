/* link.c — one MQTT connection through libmosquitto: connect with the class credentials (waiting for
 * the broker's answer; a clean or a persistent session), publish with QoS 1, hear acknowledgements and
 * messages, reconnect after a loss. */
#include "cls_link.h"

#include <mosquitto.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct cls_link {
    struct mosquitto *m;
    cls_link_handlers h;
    int connack;     /* -1 waiting, else the CONNACK code */
    int connected;
};

static void on_connect(struct mosquitto *m, void *ctx, int rc)
{
    (void)m;
    cls_link *l = ctx;
    l->connack = rc;
    l->connected = rc == 0;
}

static void on_disconnect(struct mosquitto *m, void *ctx, int rc)
{
    (void)m;
    (void)rc;
    ((cls_link *)ctx)->connected = 0;
}

static void on_publish(struct mosquitto *m, void *ctx, int mid)
{
    (void)m;
    cls_link *l = ctx;
    if (l->h.published)
        l->h.published(l->h.ctx, mid);
}

static void on_message(struct mosquitto *m, void *ctx, const struct mosquitto_message *msg)
{
    (void)m;
    cls_link *l = ctx;
    if (l->h.message)
        l->h.message(l->h.ctx, msg->topic, msg->payload, msg->payloadlen);
}

double cls_now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Connect (or reconnect) and wait up to timeout_s for the broker's answer, retrying while it is not up yet.
 * The socket connects without blocking, so a host that does not answer costs timeout_s, never TCP's own
 * minutes-long timeout (a classroom's Wi-Fi dropping must not freeze a station's window). */
static int wait_connack(cls_link *l, const cls_endpoint *e, double timeout_s, int again, char *err, int errlen)
{
    double until = cls_now_s() + timeout_s;
    int rc = MOSQ_ERR_NO_CONN;
    while (cls_now_s() < until) {
        l->connack = -1;
        rc = again ? mosquitto_reconnect_async(l->m) : mosquitto_connect_async(l->m, e->host, e->port, 30);
        if (rc == MOSQ_ERR_SUCCESS) {
            again = 1;
            while (l->connack < 0 && cls_now_s() < until && mosquitto_loop(l->m, 50, 1) == MOSQ_ERR_SUCCESS)
                ;
            if (l->connack == 0)
                return 0;
            if (l->connack > 0) {
                snprintf(err, (size_t)errlen, "broker %s:%d refused the connection: %s", e->host, e->port,
                         mosquitto_connack_string(l->connack));
                return -1;
            }
        }
        struct timespec pause = {0, 50 * 1000 * 1000};
        nanosleep(&pause, NULL);   /* between attempts while the broker starts, not synchronisation */
    }
    snprintf(err, (size_t)errlen, "cannot reach broker %s:%d: %s", e->host, e->port, mosquitto_strerror(rc));
    return -1;
}

int cls_link_open(cls_link **out, const cls_endpoint *e, const char *user, const char *pass, const char *client_id,
                  const cls_link_handlers *h, double timeout_s, char *err, int errlen)
{
    *out = NULL;
    mosquitto_lib_init();
    cls_link *l = calloc(1, sizeof *l);
    if (!l || !(l->m = mosquitto_new(client_id, !h->persistent, l))) {
        free(l);
        snprintf(err, (size_t)errlen, "out of memory");
        return -1;
    }
    l->h = *h;
    mosquitto_connect_callback_set(l->m, on_connect);
    mosquitto_disconnect_callback_set(l->m, on_disconnect);
    mosquitto_publish_callback_set(l->m, on_publish);
    mosquitto_message_callback_set(l->m, on_message);
    if (mosquitto_username_pw_set(l->m, user, pass) != MOSQ_ERR_SUCCESS ||
        (h->will_topic && mosquitto_will_set(l->m, h->will_topic, (int)strlen(h->will_payload), h->will_payload, 1,
                                             false) != MOSQ_ERR_SUCCESS)) {
        snprintf(err, (size_t)errlen, "cannot set the connection's credentials or last will");
        cls_link_close(l);
        return -1;
    }
    if (wait_connack(l, e, timeout_s, 0, err, errlen)) {
        cls_link_close(l);
        return -1;
    }
    *out = l;
    return 0;
}

int cls_link_reconnect(cls_link *l, const cls_endpoint *e, double timeout_s, char *err, int errlen)
{
    return wait_connack(l, e, timeout_s, 1, err, errlen);
}

int cls_link_connected(const cls_link *l)
{
    return l->connected;
}

int cls_link_subscribe(cls_link *l, const char *pattern, char *err, int errlen)
{
    int rc = mosquitto_subscribe(l->m, NULL, pattern, 1);
    if (rc != MOSQ_ERR_SUCCESS) {
        snprintf(err, (size_t)errlen, "cannot subscribe to %s: %s", pattern, mosquitto_strerror(rc));
        return -1;
    }
    return 0;
}

int cls_link_publish(cls_link *l, const char *topic, const char *payload, int *mid, char *err, int errlen)
{
    int rc = mosquitto_publish(l->m, mid, topic, (int)strlen(payload), payload, 1, false);
    if (rc != MOSQ_ERR_SUCCESS) {
        snprintf(err, (size_t)errlen, "cannot publish on %s: %s", topic, mosquitto_strerror(rc));
        return -1;
    }
    return 0;
}

int cls_link_loop(cls_link *l, int timeout_ms)
{
    int rc = mosquitto_loop(l->m, timeout_ms, 1);
    if (rc != MOSQ_ERR_SUCCESS)
        l->connected = 0;
    return rc == MOSQ_ERR_SUCCESS ? 0 : -1;
}

void cls_link_close(cls_link *l)
{
    if (!l)
        return;
    if (l->connected)
        mosquitto_disconnect(l->m);
    mosquitto_destroy(l->m);
    free(l);
    mosquitto_lib_cleanup();
}
