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

/* What the app lets the interface do. All world changes go through submit(). */
typedef struct ui_drill_api {
    void *ud;
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
} ui_drill_api;

typedef struct ui_options {
    const char *lang;          /* "zh" (default) or "en" */
    const char *font;          /* font file override, or NULL for fontconfig's "sans:lang=zh-cn" */
    const char *assets_dir;    /* folder holding i18n/ */
    const char *scenario;      /* start directly in this scenario, or NULL for the start screen */
    const char *trainee;       /* preset trainee name, or NULL */
    double speed;              /* initial speed multiplier (1, 2, 5, 10) */
    int bench;                 /* --bench-ui: print frame-time figures and exit */
    int width, height;
} ui_options;

/* Run the windowed interface until the user quits. Returns 0, or -1 with a message in err
 * (for example: no display, no CJK font found). */
int ui_run(const ui_options *opt, const ui_drill_api *api, char *err, int errlen);

#endif
