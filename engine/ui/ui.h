/* ui.h — the trainee's SDL2 console. It reads the world and submits actions through the drill
 * interface the app hands it; it never changes the world itself. */
#ifndef YQ_UI_H
#define YQ_UI_H

#include "score/score.h"
#include "sim/world.h"

typedef struct ui_scenario_info {
    const char *id;
    const sim_text *title;
    const sim_text *briefing;
    int difficulty;
    const char *role;
    double time_scale;   /* simulation minutes per real minute */
} ui_scenario_info;

/* A saved session as the start screen lists it. */
typedef struct ui_session_info {
    int64_t id;
    const char *trainee;
    const char *scenario;
    const char *started;   /* ISO-8601 UTC */
    int finished;
    double total;          /* scorecard total, -1 until finished */
    int n_actions;
} ui_session_info;

/* A hot-wash note on the reviewed session. */
typedef struct ui_note_info {
    sim_time t;            /* the drill second it is about */
    const char *author;
    const char *text;
    const char *at;        /* when it was written, ISO-8601 UTC */
} ui_note_info;

/* A finished session opened for review. */
typedef struct ui_review_info {
    int64_t session;
    const char *trainee;
    const char *scenario;
    const char *started;
    const sim_world *world;   /* replayed to its end: samples, reach history, events, the applied actions */
    const score_card *card;   /* the stored scorecard with the instructor's overrides applied */
    int replay_differs;       /* the replay's final state differs from the one saved */
} ui_review_info;

/* What the app lets the interface do. All world changes go through submit(). */
/* What the instructor of a class asks of the drill on screen (see ui_drill_api.pace). */
typedef struct ui_class_pace {
    int paused;      /* the instructor holds the clock */
    double speed;    /* the instructor's last speed (0 = as fast as possible), or -1 when none was set */
    int ended;       /* the instructor ended the drill */
    int driven;      /* the app moves the drill's clock (a team seat follows the team's), not the window */
    const sim_world *world;   /* the app rebuilt the drill's world: this one replaces it on screen, else NULL */
} ui_class_pace;

typedef struct ui_drill_api {
    void *ud;
    /* Called first, once the window and its fonts are up (the app may open the drill on another thread
     * meanwhile): wait for the drill. *scenario gets the id of the drill to start at once, or NULL for the
     * start screen. 0, or -1 with err (left empty when the reason was printed already). */
    int (*ready)(void *ud, const char **scenario, char *err, int errlen);
    int (*list)(void *ud, const ui_scenario_info **out, int *n);
    /* Start (or, with resume_id > 0, resume) a drill; *world stays valid until finish(). */
    int (*start)(void *ud, const char *scenario_id, const char *trainee, sim_role role,
                 const sim_world **world, char *err, int errlen);
    /* Validate, save and queue an action (t must be >= the world's now). */
    int (*submit)(void *ud, const sim_action *a, char *err, int errlen);
    /* Advance the world by one tick. */
    int (*step)(void *ud, char *err, int errlen);
    /* End the drill, grade it and save the scorecard; *card stays valid until the next start(). */
    int (*finish)(void *ud, const score_card **card, char *err, int errlen);
    /* For authors: pick up edits to the running scenario's files (call about once a second).
     * 1 reloaded (*world replaced: same seed, same actions, same time), 0 unchanged,
     * -1 the edit is invalid (msg holds "file:line: problem"; the drill goes on as it was). */
    int (*reload)(void *ud, const sim_world **world, char *msg, int msglen);

    /* The review (复盘). Saved sessions, newest first, read again on each call; *out stays valid until the
     * next call. 0, or -1 with err (no save database gives 0 sessions). */
    int (*sessions)(void *ud, const ui_session_info **out, int *n, char *err, int errlen);
    /* The saved session the current drill writes to, 0 when it is not saved. */
    int64_t (*current_session)(void *ud);
    /* Open a finished session: replayed to its end, card with overrides; *out valid until the next open. */
    int (*review_open)(void *ud, int64_t id, const ui_review_info **out, char *err, int errlen);
    /* The reviewed session's world at time t (the same seed and actions run to t); valid until the next call. */
    int (*review_world_at)(void *ud, sim_time t, const sim_world **world, char *err, int errlen);
    /* Store a hot-wash note about drill time t on the reviewed session. */
    int (*note_add)(void *ud, sim_time t, const char *author, const char *text, char *err, int errlen);
    /* The reviewed session's notes, by drill time; *out valid until the next note_add, notes or open. */
    int (*notes)(void *ud, const ui_note_info **out, int *n, char *err, int errlen);
    /* A class station's drill, when set (else NULL): called every frame of the drill screen, never waiting;
     * publishes the drill's new actions, applies the instructor's injects and questions, and fills *p.
     * 0, or -1 with err (the drill goes on; the local save keeps everything). */
    int (*pace)(void *ud, ui_class_pace *p, char *err, int errlen);
} ui_drill_api;

typedef struct ui_options {
    const char *lang;          /* "zh" (default) or "en" */
    const char *font;          /* font file override, or NULL for fontconfig's "sans:lang=zh-cn" */
    const char *assets_dir;    /* folder holding i18n/ */
    const char *trainee;       /* preset trainee name, or NULL */
    double speed;              /* initial speed multiplier (1, 2, 5, 10) */
    int bench;                 /* --bench-ui: print frame-time figures and exit */
    int64_t review;            /* open the review screen on this saved session, or 0 */
    const char *note_author;   /* preset author of hot-wash notes, or NULL */
    int width, height;         /* the window's first size (shrunk to fit the display) */
    double scale;              /* --scale: output pixels per layout unit, 0 = follow the window height */
    int sound;                 /* --sound: chime on notices (silent when there is no audio device) */
    int voice;                 /* --voice: reporters' questions read aloud (silent without espeak-ng or audio) */
} ui_options;

#define UI_WINDOW_W 1366
#define UI_WINDOW_H 768
#define UI_WINDOW_MIN_W 1280
#define UI_WINDOW_MIN_H 720
#define UI_SCALE_MIN 0.5f
#define UI_SCALE_MAX 4.0f
/* The window's text size control: from 60 % of the scale that fits the window up to all of it (larger
 * text would push the layout out of the window), in steps of 10 %. */
#define UI_ZOOM_MIN 60
#define UI_ZOOM_STEP 10

/* Run the windowed interface until the user quits. Returns 0, or -1 with a message in err
 * (for example: no display, no CJK font found). */
int ui_run(const ui_options *opt, const ui_drill_api *api, char *err, int errlen);

#endif
