/* host_rate.c — observers rating live at the host: a rating checked against its seat, its session and the
 * session's scorecard and log, then stored in the class database as `yqdrill rate` stores it. */
#include "host.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"

static int refuse(host *h, const cls_msg *m, const char *why)
{
    h->refused[CLS_FOREIGN]++;
    fprintf(stderr, "yqdrill host: refused: rating from %s (%s): %s\n", m->ses.uuid, m->reporter, why);
    return 0;
}

/* Whether the rating's line or action is in session id (graded: its scorecard with the overrides). 0 there,
 * 1 not (why in why), -1 with h->err. */
static int target_missing(host *h, int64_t id, const store_rating *r, char *why, int whylen)
{
    store_session ses;
    score_card card;
    if (store_session_get(h->db, id, &ses, h->err, sizeof h->err))
        return -1;
    int graded = ses.total >= 0 && r->kind == STORE_RATE_LINE;
    if (graded && app_load_card(h->db, &ses, &card) != APP_EXIT_OK) {
        snprintf(h->err, sizeof h->err, "cannot read the scorecard of session %lld", (long long)id);
        return -1;
    }
    int rc = app_rating_target_check(r, graded ? &card : NULL, &ses, why, whylen) ? 1 : 0;
    if (graded)
        score_card_free(&card);
    return rc;
}

int host_rating(host *h, const cls_msg *m)
{
    if (host_station_known(h, m->ses.uuid))
        return refuse(h, m, "a station does not rate");
    host_reporter *o = host_guest(h, m->ses.uuid, m->reporter, 1);
    if (!o) {
        snprintf(h->err, sizeof h->err, "out of memory");
        return -1;
    }
    if (!o->observer)
        return refuse(h, m, "a reporter does not rate");
    if (strcmp(o->name, m->reporter) != 0)
        return refuse(h, m, "this observer rates under another name");
    if (m->seq < o->next) {
        h->duplicates++;   /* the broker's redelivery of a rating already handled */
        return 0;
    }
    o->next = m->seq + 1;
    int64_t id;
    char why[512];
    store_rating r = cls_msg_rating_of(m);
    const char *to = host_station_uuid(h, m->to);   /* a trainee's name as the grid knows it, or a UUID */
    int rc = host_session_row(h, to ? to : m->to, &id);
    if (rc)
        return rc < 0 ? -1 : refuse(h, m, "no such session in this class");
    if ((rc = target_missing(h, id, &r, why, sizeof why)))
        return rc < 0 ? -1 : refuse(h, m, why);
    if (store_ratings_put(h->db, id, &r, 1, h->err, sizeof h->err))
        return -1;
    h->ratings++;
    if (!h->json)
        printf("rating stored: %s, session %lld %s %s: %c\n", r.observer, (long long)id,
               store_rating_kind_name(r.kind), r.target, r.grade);
    return 0;
}
