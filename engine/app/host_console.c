/* host_console.c — the instructor's typed controls: each line read, its stations found (all, a trainee's
 * name or a session UUID), and the control published once on their control topic (QoS 1); in a team drill
 * "all" or "team" is the team's (host_team_control). */
#include "host.h"
#include "host_team.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The station `who` names (its UUID, or a trainee's name that only one station has): index, -1 none,
 * -2 several. */
static int find_station(const host *h, const char *who)
{
    int found = -1;
    for (int i = 0; i < h->n_st; i++) {
        if (strcmp(h->st[i].uuid, who) == 0)
            return i;
        if (strcmp(h->st[i].trainee, who) == 0)
            found = found == -1 ? i : -2;
    }
    return found;
}

static void answer_sent(const host *h, const cls_control *c, const char *to)
{
    if (h->json)
        printf("{\"control\": %d, \"op\": \"%s\", \"to\": \"%s\"}\n", c->id, cls_op_names[c->op], to);
    else
        printf("control %d sent: %s to %s\n", c->id, cls_op_names[c->op], to);
}

int host_send(host *h, cls_control *c)
{
    char err[512], topic[256];
    int st = strcmp(c->who, CLS_ALL) == 0 ? h->n_st : find_station(h, c->who);
    if (st < 0) {
        fprintf(stderr, "yqdrill host: %s: %s\n", c->who,
                st == -1 ? "no such station (a trainee's name, a session UUID or all)"
                         : "several stations have this trainee; name the session UUID");
        return 1;
    }
    snprintf(topic, sizeof topic, "yq/%s/ctl/%s", h->klass, st == h->n_st ? CLS_ALL : h->st[st].uuid);
    snprintf(c->host, sizeof c->host, "%s", h->nonce);
    c->id = h->controls + 1;
    char *msg = cls_control_msg(c);
    if (!msg)
        return -1;
    int rc = cls_link_publish(h->link, topic, msg, NULL, err, sizeof err);
    if (rc == 0) {
        h->controls++;
        answer_sent(h, c, st == h->n_st ? CLS_ALL : h->st[st].trainee);
    } else {
        fprintf(stderr, "yqdrill host: %s\n", err);
        rc = 1;
    }
    free(msg);
    fflush(stdout);
    return rc;
}

int host_command(host *h, const char *line)
{
    cls_control c;
    char err[512];
    if (cls_command_parse(line, &c, err, sizeof err)) {
        fprintf(stderr, "yqdrill host: %s\n", err);
        return 0;
    }
    if (c.op == CLS_OP_STATUS) {
        char *grid = host_grid_json(h);
        if (grid)
            printf("%s\n", grid);
        free(grid);
        fflush(stdout);
        return grid ? 0 : -1;
    }
    if (h->team && (strcmp(c.who, CLS_ALL) == 0 || strcmp(c.who, HOST_TEAM) == 0 || host_grid_team_row(h, c.who))) {
        h->failed |= host_team_control(h, &c) != 0;   /* h->err says why */
        cls_control_free(&c);
        fflush(stdout);
        return 0;
    }
    int rc = host_send(h, &c);
    cls_control_free(&c);
    return rc < 0 ? -1 : 0;
}

int host_console_read(host *h, int fd, char *buf, int cap, int *used)
{
    struct pollfd p = {.fd = fd, .events = POLLIN};
    if (poll(&p, 1, 0) <= 0)
        return 0;
    ssize_t got = read(fd, buf + *used, (size_t)(cap - 1 - *used));
    if (got == 0)
        return 1;
    if (got < 0)
        return errno == EAGAIN || errno == EINTR ? 0 : 1;
    *used += (int)got;
    buf[*used] = '\0';
    char *start = buf, *nl;
    while ((nl = strchr(start, '\n'))) {
        *nl = '\0';
        if (nl > start && nl[-1] == '\r')
            nl[-1] = '\0';
        if (*start && host_command(h, start)) {
            snprintf(h->err, sizeof h->err, "out of memory");
            h->failed = 1;
        }
        start = nl + 1;
    }
    *used -= (int)(start - buf);
    memmove(buf, start, (size_t)*used);
    if (*used == cap - 1) {   /* a line longer than the buffer: dropped, said so */
        fprintf(stderr, "yqdrill host: command line longer than %d bytes ignored\n", cap - 1);
        *used = 0;
    }
    return 0;
}
