/* host_team.h — the host's side of a team drill: one world, one team session in the class database; seats
 * (trainee, plan group) propose actions, the host checks each one's role against its seat and orders them;
 * a restarted host continues the unfinished team session. */
#ifndef YQ_APP_HOST_TEAM_H
#define YQ_APP_HOST_TEAM_H

#include <stdio.h>

#include "drill.h"
#include "host.h"

typedef struct host_seat {
    char uuid[40];                        /* the station sitting there now (a restarted one takes over) */
    char trainee[4 * STORE_NAME_MAX + 1];
    char group[STORE_ID_MAX + 1];
    unsigned char *handled;               /* handled[n]: proposal n accepted or refused already */
    int cap;
    int done;                             /* -1 until the seat says how many it proposed */
} host_seat;

typedef struct host_team {
    app_drill d;          /* the team's drill, saved as the team session (d.db, d.session) */
    store_session ses;    /* its header */
    int seats_wanted;     /* --seats N: close once N seats are done and all they proposed is handled; 0: at the end */
    host_seat *seats;
    int n_seats;
    sim_time last_t;      /* the accepted log's newest time: no action is accepted before it */
    double speed;         /* --speed X: the team's clock runs X scenario seconds a second from the opening; 0: none */
    double opened;        /* when the team session began (monotonic seconds) */
    int accepted, duplicates, foreign_role, invalid, closed;
    int resumed;          /* the actions an earlier host run had accepted, when this run continues its session */
} host_team;

/* Open the scenario (its own plan) and begin the team session in h->db, or continue the newest unfinished team
 * session of that scenario there (its seed, log and seq; a restarted host). speed as host_team.speed.
 * APP_EXIT_* code, message printed. */
int host_team_open(host_team *t, host *h, const char *scenario, uint64_t seed, double speed);
/* A station's team message (propose, resync, done): handled, refused (counted) or ignored as seen.
 * 0, or -1 with h->err set (storage). */
int host_team_hear(host *h, const cls_msg *m);
/* Close the team drill if not yet closed: run the world to its end, grade it as one response, store and
 * publish the scorecard. 0, or -1 with h->err set. */
int host_team_close(host *h);
/* The team's counts, total and per-group lines: one JSON object (json) or text lines on out. */
void host_team_print(const host *h, FILE *out);
void host_team_free(host_team *t);

#endif
