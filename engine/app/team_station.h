/* team_station.h — a seat of a team drill (`yqdrill join ... --group G`): proposes its actions to the host,
 * keeps the accepted log in its local save and replays it into the same world as every other seat. */
#ifndef YQ_APP_TEAM_STATION_H
#define YQ_APP_TEAM_STATION_H

#include "class/cls.h"
#include "class/cls_link.h"

typedef struct app_team_seat {
    cls_endpoint e;
    cls_link *link;
    store *db;
    char uuid[37];
    const char *trainee, *group;
    const char *scenario;   /* the drill the seat plays: the host's must be this one (NULL: whichever it plays) */
    sim_action *acts;       /* its proposals (owned copies), proposal number base + i */
    int *mids;              /* per proposal: its state or message id in flight */
    int n, cap;
    int base;               /* the number of its first proposal: 0, or the host's receipt for a windowed seat
                               (-1 until heard), so a station taking over a seat after a restart numbers on */
    double speed;           /* a scripted seat's own pace: proposal i is due at its time ÷ speed (0: at once), unless
                               the team has a clock, which then says when */
    double started;
    int confirmed;          /* proposals 0..confirmed-1 handled by the host (its receipt) */
    int say_done;           /* say done once every proposal is handled (a scripted seat: it proposes no more) */
    int done_mid;
    int subscribed;
    double retry_at, resync_at;
    store_session head;     /* the team session's header, once heard (head.uuid "" before) */
    int64_t local;          /* its row in the local save */
    int have;               /* accepted actions 0..have-1 in the local save */
    int from;               /* how many the local save had when the header came: the log was asked for from there */
    cls_msg *early;         /* accepted actions heard before the ones ahead of them */
    int n_early;
    cls_status clock;       /* the team's clock as last heard (has_clock once heard) */
    int has_clock;
    int closed;             /* the host's end heard: end holds n_actions, total, world_hash */
    store_session end;
    int failed;             /* an APP_EXIT_* code once the seat cannot go on (err says why), else 0 */
    char err[512];
} app_team_seat;

/* Connect seat (trainee, group) for a drill of scenario to the class at e, its local copy of the team session in db.
 * numbered: its proposals are numbered from 0 (a response file's); else from the host's receipt. APP_EXIT_* code,
 * s->err set. Close with app_team_seat_close (also after a failure). */
int app_team_seat_open(app_team_seat *s, store *db, const cls_endpoint *e, const char *trainee, const char *group,
                       const char *scenario, int numbered);
/* Talk to the host for up to wait_ms: back on the broker after a loss, the header, accepted log, receipt and clock
 * heard, what is due proposed, the log asked for past what the local save has. Returns s->failed. */
int app_team_seat_pump(app_team_seat *s, int wait_ms);
/* Add a proposal (copied; its role must be the seat group's); it goes out with the next pump. 0, or -1 out of memory. */
int app_team_seat_add(app_team_seat *s, const sim_action *a);
/* The team drill is over for this seat: the host's end heard and every accepted action in the local save. */
int app_team_seat_over(const app_team_seat *s);
void app_team_seat_close(app_team_seat *s);

/* Play seat (trainee, group) of the host's team drill of scenario (refused when the host plays another) with
 * the response file's actions acts[0..n), proposed at their times at speed (0: all at once; the team's clock when it
 * has one), until the host closes the drill; then the world replayed from the accepted log. Prints the end line
 * (JSON with json). APP_EXIT_* code; messages on stderr. */
int app_team_play(store *db, const cls_endpoint *e, const char *trainee, const char *group, const char *scenario,
                  const sim_action *acts, int n, double speed, int json);

#endif
