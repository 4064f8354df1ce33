/* host.h — the instructor's end of a class (`yqdrill host`): what it knows of each station, its counts,
 * and the console of typed controls (pause, resume, speed, inject, post, ask, end, status). */
#ifndef YQ_APP_HOST_H
#define YQ_APP_HOST_H

#include "class/cls_link.h"
#include "ui/host_window.h"

#define HOST_HEAT_POINTS 30   /* the heat sparkline: this many latest statuses */

/* What a grid row stands for: a station's own drill, or (a team drill) the team or one of its seats. */
enum { HOST_ROW_STATION, HOST_ROW_TEAM, HOST_ROW_SEAT };

#define HOST_TITLE_MAX 96   /* bytes of a plan group's title a seat's row shows after its trainee (else its id) */

/* One cell of the instructor's grid. */
typedef struct host_station {
    char uuid[40];
    int kind;            /* HOST_ROW_* */
    char trainee[4 * STORE_NAME_MAX + HOST_TITLE_MAX + 8];   /* a seat's row: "trainee · group title" */
    char scenario[STORE_ID_MAX + 1];
    int connected, finished, has_status;
    cls_status status;   /* the newest the station sent */
    float heat[HOST_HEAT_POINTS];   /* ring of the latest statuses' heat, for the sparkline */
    int n_heat;                     /* statuses heard (the ring holds the last HOST_HEAT_POINTS) */
    double total;        /* the scorecard's total once finished */
} host_station;

/* A reporter or an observer heard in this class: the name its UUID asks or rates under, and how many of its
 * questions or ratings were handled. */
typedef struct host_reporter {
    char uuid[40];
    char name[4 * STORE_NAME_MAX + 1];
    int observer;   /* 1: an observer's seat (ratings), 0: a reporter's (questions) */
    int next;
} host_reporter;

typedef struct host {
    const char *klass;
    const char *lang;    /* the instructor's language (--lang, "zh" by default): a team seat's group title */
    store *db;
    int json;
    cls_link *link;
    char nonce[CLS_PASS_LEN + 1];   /* this run's name on its controls */
    int controls;                   /* controls sent so far (the last one's id) */
    host_station *st;
    int n_st, cap_st;
    int sessions, actions, duplicates, finished, early;
    int refused[CLS_REFUSAL_COUNT];
    host_reporter *rep;   /* reporters and observers heard */
    int n_rep, cap_rep;
    int questions;        /* live questions sent on to stations */
    int ratings;          /* observers' live ratings stored */
    struct host_team *team;   /* --team: the one team drill (host_team.h); NULL for individual drills */
    int failed;   /* a storage error: stop */
    const char *status_path;   /* --json-status FILE: the grid, rewritten as it changes; NULL: none */
    int grid_changed;
    char code[512];            /* the join code */
    ui_host_cell *cells;       /* the grid as the window reads it (host_grid_view) */
    float *heat_pts;           /* HOST_HEAT_POINTS per cell, oldest first */
    struct host_scenario *scns;   /* scenarios whose injects the window asked for (host_injects.c) */
    int n_scns;
    ui_inject_info *team_injects; /* the team drill's */
    int cap_cells;
    char err[512];
} host;

/* Remember a station by its session header (connected from now). 0, or -1 out of memory. */
int host_station_add(host *h, const store_session *ses);
/* Whether the station with this session UUID is in the grid. */
int host_station_known(const host *h, const char *uuid);
/* The row keyed key (added when new), of kind HOST_ROW_TEAM or _SEAT, shows trainee, scenario, status st and whether
 * it is connected (a team drill's rows, which the host keeps itself). 0, or -1 out of memory. */
int host_grid_set(host *h, const char *key, int kind, const char *trainee, const char *scenario, const cls_status *st,
                  int connected);
/* The injects of scenario id for the instructor's window (loaded once per run; the team drill's from its drill).
 * 0, or -1 with err. host_injects_free releases them. */
int host_injects(host *h, const char *scenario, const ui_inject_info **out, int *n, char *err, int errlen);
void host_injects_free(host *h);
/* The session UUID of the station who names: its UUID, or its trainee's name when only one station in the grid
 * has it; NULL when none (or several) does. */
const char *host_station_uuid(const host *h, const char *who);
/* Whether who (as a typed control names it) is a team drill's row: the team or a seat, by key or name. */
int host_grid_team_row(const host *h, const char *who);
/* What a station's status, goodbye or scorecard says, into its cell (ignored for a station not yet known). */
void host_grid_note(host *h, const cls_msg *m);
/* The grid as the instructor's window shows it (valid until the next call). 0, or -1 out of memory. */
int host_grid_view(host *h, ui_host_view *v);
/* The grid as one line of JSON (malloc'd; NULL when out of memory). */
char *host_grid_json(const host *h);
/* Write the grid to h->status_path (whole, by rename). 0, or -1 with h->err set. */
int host_grid_write(host *h);
/* Publish control c (its host nonce and id set here) to the stations c->who names, the answer printed.
 * 0 sent, 1 refused or not sent (said on stderr), -1 out of memory. */
int host_send(host *h, cls_control *c);
/* The class database's row of the session with this UUID: 0 with *id, 1 when there is none, -1 with h->err. */
int host_session_row(host *h, const char *uuid, int64_t *id);
/* The reporter or observer (a guest: no drill) with this UUID (added, named, when new); NULL out of memory. */
host_reporter *host_guest(host *h, const char *uuid, const char *name, int observer);
/* An observer's live rating heard: its seat checked (not a station, one name per observer, an observer's
 * seat; numbered in order, a redelivery dropped), its session known, its line on the scorecard or action in
 * the log; then stored like `yqdrill rate` stores it (a later rating of the same target by the same observer
 * replaces the earlier). A refusal is counted and said on stderr. 0 handled, -1 with h->err (storage). */
int host_rating(host *h, const cls_msg *m);
/* A reporter's live question heard: its seat checked (not a station; one name per reporter; numbered in
 * order, a redelivery dropped; to a known station or all), then sent on as an ask control. 0 handled (even
 * refused, counted), -1 out of memory. */
int host_question(host *h, const cls_msg *m);
/* Carry out one typed command line: a control published to its stations (answer printed), or a clear
 * error on stderr. 0 handled (even refused), -1 when publishing failed for want of memory. */
int host_command(host *h, const char *line);
/* Read what the console typed so far (without waiting) and carry out each complete line; 1 at end of
 * input, else 0. */
int host_console_read(host *h, int fd, char *buf, int cap, int *used);

#endif
