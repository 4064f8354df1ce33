/* station_run.h — a class station's drill under the instructor: after every tick it publishes what the
 * local save holds and its status, and applies the controls heard (pause, resume, speed, injects, end) as
 * logged entries. */
#ifndef YQ_APP_STATION_RUN_H
#define YQ_APP_STATION_RUN_H

#include "class/cls_station.h"
#include "run_modes.h"

typedef struct app_station {
    cls_station s;
    app_drill *d;        /* the drill, saved (d->db, d->session) */
    app_run_opts *o;     /* its speed follows the instructor's */
    int paused, ended;
    int speed_set;          /* the instructor has set the speed (o->speed holds it) */
    int applied, refused;   /* controls applied, and refused as not applicable to this drill */
    double status_at;       /* when the last status went (monotonic seconds) */
} app_station;

/* A resumed session's pace as its instructor notes left it (paused, speed, ended), so a station back after a
 * kill holds or runs as the class does. 0, or -1 with a message (storage). */
int app_station_restore(app_station *st, char *err, int errlen);
/* Publish, apply the controls heard, and wait here while paused. 0, or -1 with a message (storage). */
int app_station_tick(app_station *st, char *err, int errlen);
/* The drill's wait between ticks (app_run_opts.wait_hook): hears the broker, returns early on a control. */
void app_station_wait(void *ctx, double seconds);
/* The window's frame (app_run_opts.frame_hook): publish and apply what was heard without waiting, and say
 * how the instructor paces the drill. A drill started anew in the window gets a station of its own (the
 * previous one leaves; what it had not sent stays in the local save for `join --sync`). 0, or -1 with err. */
int app_station_frame(void *ctx, ui_class_pace *p, char *err, int errlen);

#endif
