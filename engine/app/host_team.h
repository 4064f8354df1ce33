/* host_team.h — the host's side of a team drill: one world, one team session in the class database; seats
 * (trainee, plan group) propose actions, the host checks each one's role against its seat and orders them;
 * a restarted host continues the unfinished team session. */
#ifndef YQ_APP_HOST_TEAM_H
#define YQ_APP_HOST_TEAM_H

#include <stdio.h>

#include "drill.h"
#include "host.h"

#define HOST_TEAM "team"   /* whom a typed control names for the team drill (as does "all") */

typedef struct host_seat {
    char uuid[40];                        /* the station sitting there now (a restarted one takes over) */
    char trainee[4 * STORE_NAME_MAX + 1];
    char group[STORE_ID_MAX + 1];
    unsigned char *handled;               /* handled[n]: proposal n accepted or refused already */
    int cap;
    int done;                             /* -1 until the seat says how many it proposed */
    int accepted;                         /* its proposals taken into the log (this host run) */
    char last[16];                        /* the type of its last one taken, "" before any */
    double heard_at;                      /* when its station was last heard (monotonic seconds) */
} host_seat;

typedef struct host_team {
    app_drill d;          /* the team's drill, saved as the team session (d.db, d.session) */
    store_session ses;    /* its header */
    int seats_wanted;     /* --seats N: close once N seats are done and all they proposed is handled; 0: at the end */
    host_seat *seats;
    int n_seats;
    sim_time last_t;      /* the accepted log's newest time: no action is accepted before it */
    double speed;         /* --speed X: the team's clock runs at X times the scenario's pace (its time_scale scenario
                             seconds a second at 1×) from the opening; 0: no clock */
    double opened;        /* when the team clock was at 0 (monotonic seconds) */
    int paused;           /* the instructor's pause: the clock stands at paused_at */
    double paused_at;
    double beat_at;       /* when the clock goes to the seats next (monotonic seconds) */
    sim_time ceiling;     /* kept in the class database ahead of every clock time published: a restarted host's
                             clock starts there, so no seat's world steps back */
    double graded_at;     /* when the score so far was last worked out, and what it was */
    double score;
    char last[16];        /* the type of the last action taken into the log, "" before any */
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
/* The team's clock: scenario seconds at its speed since the opening (standing while paused); 0 without one. */
double host_team_clock(const host_team *t);
/* Every BEAT_S: the team's clock to the seats (a status on the team topic): the scenario time, at most the drill's
 * end, no action accepted from now on can precede (the clock, or the log's newest time without one), the accepted
 * log's length, paused and speed. A windowed seat's world runs up to it, as does the host's own copy, whose state
 * goes into the grid. 0, or -1 with h->err set. */
int host_team_beat(host *h);
/* The grid's rows for the team drill (host_team_grid.c): the team (its time, warning level, heat, score so far,
 * last action) and one per seat (trainee · group, its own count and last action, connected when heard in the last
 * few seconds); now in monotonic seconds. 0, or -1 with h->err set. */
int host_team_grid(host *h, double now);
/* Pause or run the clock at speed (0: no clock), going on from where it stands. */
void host_team_set_clock(host_team *t, int paused, double speed);
/* Take action a into the accepted log: its time moved up to the clock and the log's newest, checked, numbered,
 * stored (seat s's proposal number `proposal` kept with it; s NULL for the instructor's own) and published.
 * APP_EXIT_OK, or the APP_EXIT_* code with why (APP_EXIT_STORAGE: stop). */
int host_team_take(host *h, host_seat *s, int proposal, const sim_action *a, char *why, int whylen);
/* An instructor's control for the team (typed "... all" or "... team"): inject, post and ask are taken into
 * the accepted log as the command group's actions, so every seat replays them at the same seq; pause, resume
 * and speed set the team's clock and end closes the drill, each also kept as an instructor note of the team
 * session. Answer or refusal printed. 0, or -1 with h->err set (storage). */
int host_team_control(host *h, const cls_control *c);
/* The team's counts, total and per-group lines: one JSON object (json) or text lines on out. */
void host_team_print(const host *h, FILE *out);
void host_team_free(host_team *t);

#endif
