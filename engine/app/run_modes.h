/* run_modes.h — the two ways a drill is played (headless and windowed) and the helpers the
 * run, resume and grade commands share. */
#ifndef YQ_APP_RUN_MODES_H
#define YQ_APP_RUN_MODES_H

#include "drill.h"
#include "ui/host_window.h"

typedef struct app_run_opts {
    const char *lang;
    const char *trainee;
    sim_role role;
    double speed;      /* 0 = as fast as possible */
    int json;
    int world;         /* --world: the world's final state beside the scorecard */
    int bench_ui;
    int64_t review;            /* open the window on the review of this saved session, or 0 */
    const char *note_author;   /* author of hot-wash notes written in the review, or NULL */
    double scale;              /* --scale: the window's pixels per layout unit, 0 = follow its height */
    int sound;                 /* --sound: a short chime on breaking news, reporters' questions, rumours */
    int voice;                 /* --voice: reporters' questions read aloud through espeak-ng */
    /* headless: called after every tick (a class station publishes and applies the instructor's controls);
     * APP_EXIT_*, or APP_HOOK_END to finish the drill now without the actions still to come. It may change
     * speed (the pace of the ticks after it). */
    int (*tick_hook)(void *ctx);
    /* headless, when set: lets `seconds` of real time pass between ticks instead of sleeping (a class station
     * hears its broker meanwhile, and may return early to apply what it heard) */
    void (*wait_hook)(void *ctx, double seconds);
    /* windowed, when set: called every frame of the drill screen, never waiting (a class station publishes,
     * applies the instructor's controls and says how they pace the drill). 0, or -1 with err. */
    int (*frame_hook)(void *ctx, ui_class_pace *p, char *err, int errlen);
    /* windowed, when set: what the trainee does goes here instead of into the drill (a team seat proposes it to
     * the host). 0, or -1 with err (refused). */
    int (*submit_hook)(void *ctx, const sim_action *a, char *err, int errlen);
    /* windowed, when set: whether the trainee may end the drill now (a team seat: only once the team's is over).
     * 0 yes, or -1 with err. */
    int (*finish_hook)(void *ctx, char *err, int errlen);
    void *hook_ctx;
    /* windowed, when set: the drill is still being opened on another thread while the window starts; the
     * window calls this (with ready_ctx) once it is up, before it touches the drill. APP_EXIT_OK, or the
     * exit status of a drill that could not be opened (the reason printed). */
    int (*drill_ready)(void *ctx);
    void *ready_ctx;
} app_run_opts;

#define APP_HOOK_END (-1)

int app_run_headless(app_drill *d, const sim_action *acts, int n, const char *name, const app_run_opts *o);
/* An unfinished session reopened (app_drill_reopen: its saved log) continued (cmd_resume.c): the world stepped to
 * the tick of its last saved action, then the new actions of `more` checked and played (a file that is the
 * session's own skips what is saved), headless or in the window. APP_EXIT_*, after a message. */
int app_resume_play(app_drill *d, store *db, const store_session *ses, const sim_action *saved, int n_saved,
                    const sim_action *more, int n_more, const char *name, const app_run_opts *o, int windowed);
/* The window: app_run_window (modules.c) loads yqdrill-gui.so and calls its app_gui_run_window. */
int app_run_window(app_drill *d, const sim_action *acts, int n, const app_run_opts *o);
int app_gui_run_window(app_drill *d, const sim_action *acts, int n, const app_run_opts *o);
/* The instructor's window (`yqdrill host` without --headless): loads yqdrill-gui.so and runs its
 * ui_host_run. 0, or -1 with err. */
int app_run_host_window(const ui_options *o, const ui_host_api *api, char *err, int errlen);
int app_have_display(void);
int app_open_db(const char *path, store **db);
/* Close the saves database after a command that ends with `rc`: a failure to close is reported and,
 * when the command had succeeded, becomes its exit status (APP_EXIT_STORAGE). Returns the status. */
int app_close_db(store *db, int rc);
int app_parse_speed(const char *s, double *speed);
/* --scale X (NULL leaves 0: follow the window); 0, or -1 after a message. */
int app_parse_scale(const char *s, double *scale);

#endif
