/* cls_link.h — one MQTT connection (libmosquitto) for the classroom: connect with credentials,
 * QoS 1 publish with acknowledgement callbacks, subscriptions, single-threaded loop, reconnect. */
#ifndef YQ_CLS_LINK_H
#define YQ_CLS_LINK_H

#include "cls.h"

typedef struct cls_link cls_link;
typedef struct cls_link_handlers {
    void *ctx;
    const char *will_topic, *will_payload;   /* the broker publishes this when the connection is lost; NULL: none */
    int persistent;   /* 1: the broker keeps the client's session (subscriptions, QoS 1 messages for it) while it is
                       * away, for the next connection under the same client id; 0: a clean session each time */
    void (*published)(void *ctx, int mid);   /* the broker acknowledged message mid */
    void (*message)(void *ctx, const char *topic, const void *payload, int len);
} cls_link_handlers;

/* Connect, waiting up to timeout_s for the broker (retrying while it starts); client_id must be unique among
 * the processes on the broker (a second connection under one id takes the first one's place). 0, or -1 with a message
 * (a wrong password is the broker's refusal, named). */
int cls_link_open(cls_link **out, const cls_endpoint *e, const char *user, const char *pass, const char *client_id,
                  const cls_link_handlers *h, double timeout_s, char *err, int errlen);
int cls_link_reconnect(cls_link *l, const cls_endpoint *e, double timeout_s, char *err, int errlen);
int cls_link_connected(const cls_link *l);
int cls_link_subscribe(cls_link *l, const char *pattern, char *err, int errlen);
int cls_link_publish(cls_link *l, const char *topic, const char *payload, int *mid, char *err, int errlen);
/* Handle network traffic for up to timeout_ms. 0, or -1 when the connection is lost. */
int cls_link_loop(cls_link *l, int timeout_ms);
void cls_link_close(cls_link *l);
/* Seconds on the monotonic clock (the classroom's waits and retries). */
double cls_now_s(void);

#endif
