/* host_press.c — the live press conference at the host: a reporter's question checked against its seat
 * (not a station, one name per reporter, numbered in order) and sent on to its stations as an ask control, or in
 * a team drill taken into the team's log as an ask every seat replays. */
#include "host.h"
#include "host_team.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

host_reporter *host_guest(host *h, const char *uuid, const char *name, int observer)
{
    for (int i = 0; i < h->n_rep; i++)
        if (strcmp(h->rep[i].uuid, uuid) == 0)
            return &h->rep[i];
    if (h->n_rep == h->cap_rep) {
        int cap = h->cap_rep ? 2 * h->cap_rep : 8;
        host_reporter *r = realloc(h->rep, (size_t)cap * sizeof *r);
        if (!r)
            return NULL;
        h->rep = r;
        h->cap_rep = cap;
    }
    host_reporter *r = &h->rep[h->n_rep++];
    memset(r, 0, sizeof *r);
    snprintf(r->uuid, sizeof r->uuid, "%s", uuid);
    snprintf(r->name, sizeof r->name, "%s", name);
    r->observer = observer;
    return r;
}

static int refuse(host *h, const cls_msg *m, const char *why)
{
    h->refused[CLS_FOREIGN]++;
    fprintf(stderr, "yqdrill host: refused: question from %s (%s): %s\n", m->ses.uuid, m->reporter, why);
    return 0;
}

int host_question(host *h, const cls_msg *m)
{
    if (host_station_known(h, m->ses.uuid))
        return refuse(h, m, "a station does not ask questions");
    if (strcmp(m->reporter, CLS_INSTRUCTOR) == 0)
        return refuse(h, m, "that name is the instructor's");
    const char *to = strcmp(m->to, CLS_ALL) == 0 || (h->team && host_grid_team_row(h, m->to))
                         ? m->to : host_station_uuid(h, m->to);
    if (!to)
        return refuse(h, m, "no such station (or several with that trainee)");
    host_reporter *r = host_guest(h, m->ses.uuid, m->reporter, 0);
    if (!r)
        return -1;
    if (r->observer)
        return refuse(h, m, "an observer does not ask questions");
    if (strcmp(r->name, m->reporter) != 0)
        return refuse(h, m, "this reporter asks under another name");
    if (m->seq < r->next) {
        h->duplicates++;   /* the broker's redelivery of a question already sent on */
        return 0;
    }
    r->next = m->seq + 1;
    cls_control c = {.op = CLS_OP_ASK, .text = m->text, .follow_up = m->follow_up};
    snprintf(c.who, sizeof c.who, "%s", to);
    snprintf(c.reporter, sizeof c.reporter, "%s", m->reporter);
    snprintf(c.outlet, sizeof c.outlet, "%s", m->outlet);
    if (h->team && (strcmp(m->to, CLS_ALL) == 0 || host_grid_team_row(h, m->to))) {
        int before = h->team->accepted;   /* a team drill's question: an ask in the team's log, every seat's */
        if (host_team_control(h, &c))
            return -1;
        h->questions += h->team->accepted > before;
        return 0;
    }
    int rc = host_send(h, &c);
    h->questions += rc == 0;
    return rc < 0 ? -1 : 0;
}
