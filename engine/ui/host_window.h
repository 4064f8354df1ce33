/* host_window.h — the instructor's window for a live class (`yqdrill host`): the join code, a card per
 * station, and controls that become the console's typed commands; it shows what the host hands it. */
#ifndef YQ_UI_HOST_WINDOW_H
#define YQ_UI_HOST_WINDOW_H

#include "ui.h"

/* One station as the instructor's grid shows it. */
typedef struct ui_host_cell {
    const char *uuid, *trainee, *scenario;
    const char *last;          /* the last action's type name, "" before any */
    int has_status;            /* the fields below it come from a status the station sent */
    sim_time t;                /* scenario time */
    int level;                 /* 0 blue .. 3 red */
    double heat, score, speed; /* posts per hour; points so far; 0 speed: as fast as it goes */
    int paused, connected, finished;
    double total;              /* the scorecard's total once finished */
    int team;                  /* the row of a team drill as a whole (its trainee is not a name) */
    const float *heat_pts;     /* the latest heat values, oldest first */
    int n_heat;
} ui_host_cell;

typedef struct ui_host_view {
    const char *klass, *code;  /* the class and its join code */
    const ui_host_cell *cells;
    int n;
    int actions, refused;      /* actions merged so far (a team drill: taken into its log); messages refused */
} ui_host_view;

/* A scenario inject the instructor may send (its id, when it is due on its own, SIM_NEVER: only when sent). */
typedef struct ui_inject_info {
    const char *id;
    const sim_text *source, *text;
    sim_time at;
} ui_inject_info;

/* What the host lets the window do: serve the class and read the grid, and carry out a control typed
 * as on the console ("pause all", "post <uuid> \"text\""). */
typedef struct ui_host_api {
    void *ud;
    /* Serve the network for up to wait_ms, then hand the grid (valid until the next call).
     * 0 go on, 1 the host is asked to stop (a signal), -1 failed (err). */
    int (*poll)(void *ud, int wait_ms, const ui_host_view **view, char *err, int errlen);
    /* 0 carried out (or refused with a message of the host's), -1 failed (err). */
    int (*command)(void *ud, const char *line, char *err, int errlen);
    /* The injects of scenario id (a station's), *out valid while the window runs. 0, or -1 with err (it cannot
     * be loaded). */
    int (*injects)(void *ud, const char *scenario, const ui_inject_info **out, int *n, char *err, int errlen);
} ui_host_api;

/* Run the instructor's window until it is closed or the host stops. 0, or -1 with err. */
int ui_host_run(const ui_options *opt, const ui_host_api *api, char *err, int errlen);

#endif
