/* cls_station.h — a station publishing its locally saved session to the class (header, actions by seq,
 * scorecard), QoS 1, sending again what the broker has not acknowledged after a network loss; and
 * hearing the instructor's controls (each once) for the drill to apply. */
#ifndef YQ_CLS_STATION_H
#define YQ_CLS_STATION_H

#include "cls_link.h"

typedef struct cls_station {
    cls_endpoint e;
    cls_link *link;
    store *db;
    int64_t session;
    store_session ses;
    int header, end;      /* slot states (see station.c) */
    int *acts;            /* one slot per action seq */
    int n_known, cap;
    int pending_resend;
    double retry_at;      /* next reconnect attempt while offline (monotonic seconds) */
    double reconnect_s;   /* how long one reconnect attempt may hold the caller (cls_station_open: 0.2 s) */
    int subscribed;       /* to its control topics on the current connection */
    cls_control *inbox;   /* controls heard, not yet taken */
    int n_inbox, cap_inbox;
    char last_host[CLS_PASS_LEN + 1];   /* the newest control taken: host run and id (a redelivery is dropped) */
    int last_id;
    int refused[CLS_REFUSAL_COUNT];     /* control messages refused */
    int gone_mid;                       /* the goodbye's slot while leaving */
} cls_station;

/* Connect as the session's station (client id = its UUID) in a persistent session: the instructor's controls
 * sent while it is away (killed, offline) wait at the broker and arrive when it connects again. 0, or -1 with a
 * message. */
int cls_station_open(cls_station *s, const cls_endpoint *e, store *db, int64_t session, char *err, int errlen);
/* Publish whatever the local save has that is not yet sent; offline it returns 0 and tries again later. */
int cls_station_sync(cls_station *s, char *err, int errlen);
/* Messages not yet acknowledged by the broker. */
int cls_station_unacked(const cls_station *s);
/* Sync until everything is acknowledged or timeout_s passes (-1 with a message then). */
int cls_station_drain(cls_station *s, double timeout_s, char *err, int errlen);
/* Publish how the drill stands (not kept: the next status replaces it). 0, or -1 when not sent (offline). */
int cls_station_status(cls_station *s, const cls_status *st);
/* Handle the broker's traffic for up to ms (heard controls are queued); offline, just let ms pass. */
void cls_station_wait(cls_station *s, int ms);
/* The next instructor control heard (oldest first): 1 with *c filled (free with cls_control_free), else 0. */
int cls_station_control(cls_station *s, cls_control *c);
/* Leave the class (a goodbye the host hears at once) and free everything. */
void cls_station_close(cls_station *s);

#endif
