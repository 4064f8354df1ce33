/* state.h — what the console remembers between frames: the screen shown, the chosen scenario,
 * trainee and role, the running world, and each screen's widget state; plus the helpers every
 * screen shares (submitting an action, messages, clock text). */
#ifndef YQ_UI_STATE_H
#define YQ_UI_STATE_H

#include "ctx.h"
#include "i18n.h"
#include "text_edit.h"
#include "ui.h"
#include "widgets.h"

typedef enum ui_screen { UI_SCREEN_START, UI_SCREEN_DRILL, UI_SCREEN_END, UI_SCREEN_REVIEW } ui_screen;

/* A growable list of ints: the rows a list view shows (post offsets, event or scenario indices). */
typedef struct ui_rows {
    int *v;
    int n, cap;
} ui_rows;
int ui_rows_push(ui_rows *r, int v);   /* 0, or -1 when out of memory */
void ui_rows_free(ui_rows *r);

typedef struct ui_composer {
    int open;
    sim_action_type type;
    ui_text_edit edit;
    ui_list targets, facts;
    ui_rows target_rows, fact_rows;
    int level;          /* SIM_ACT_ASSESS */
    int channel;        /* platform index for SIM_ACT_STATEMENT */
    int channel_set;    /* channel holds the drill's default or the trainee's choice */
    char target[64];    /* preset target id (a feed post, rumour or question), or "" */
} ui_composer;

typedef struct ui_press {
    int open;
    int shown;          /* question index on screen, -1 */
    int shown_state;    /* its question_state when it was put up (a follow-up restarts the clock) */
    Uint32 elapsed_ms;  /* answering time used on it, not counting pauses */
    Uint32 last_ms;
    ui_text_edit answer;
    ui_list transcript;
    ui_rows transcript_rows;   /* event indices: questions, follow-ups and our answers, in order */
} ui_press;

/* A pop-up notice of event `event`, shown until `until`, last drawn at r. */
typedef struct ui_notice {
    int event;
    Uint32 until;
    SDL_Rect r;
    char shown[1024];   /* its text as the pop-up shows it (three lines at most), fitted once for: */
    int shown_w, shown_lang;   /* the body's width in pixels (0: not yet) and the interface language */
    float shown_scale;
} ui_notice;
#define UI_NOTICES_MAX 4

typedef struct ui_drill {
    int speed;              /* index into the speed table */
    int paused;             /* Space */
    int held;               /* instructor hold (F9, or the class instructor's pause) */
    int class_paused;       /* a class station: the instructor's pause last heard */
    double class_speed;     /* a class station: the instructor's speed last heard, -1 none */
    int class_driven;       /* a team seat: its world follows the team's clock, not this window's */
    char class_err[256];    /* a class station: the link problem last shown, so it is shown once */
    double owed;            /* simulation seconds not yet stepped */
    Uint32 last_ms;
    int platform;           /* feed filter: -1 all, else platform index */
    int feed_sort;          /* feed tab: 0 最新 (newest first), 1 热门 (most engaged first) */
    ui_list feed, inbox, rumours;
    uint32_t feed_seen;     /* posts counted last frame, to keep a scrolled feed in place */
    int inbox_seen;
    int inbox_read;         /* events before this index have been seen in the inbox */
    int notified;           /* events before this index have been considered for a notice */
    ui_notice notices[UI_NOTICES_MAX];
    int n_notices;
    ui_rows feed_rows;      /* post "back" offsets shown in the feed */
    ui_rows inbox_rows;     /* event indices shown in the inbox */
    ui_rows rumour_rows;    /* rumour indices shown in the rumour panel */
    ui_list hot;            /* the 热搜 list */
    int confirm_finish;
    int help;               /* the F1 key list is shown */
    ui_composer comp;
    ui_press press;
    Uint32 reload_ms;       /* next check for edits to the scenario's files */
    char reload_err[512];   /* the last invalid edit reported, so it is shown once */
    char tip[256];          /* this frame's tooltip (drawn last, over the panels), or "" */
    SDL_Rect tip_at;        /* the control it explains */
} ui_drill;

typedef struct ui_start {
    ui_text_edit trainee;
    ui_list scenarios;
    int role;
} ui_start;

typedef struct ui_end {
    ui_list lines;
} ui_end;

typedef struct ui_state {
    ui_ctx *c;
    const ui_drill_api *api;
    const ui_options *opt;
    ui_i18n *langs[2];      /* zh, en */
    int lang;               /* 0 zh, 1 en */
    ui_screen screen;
    const ui_scenario_info *scns;
    int n_scns;
    int scn;                /* index of the running scenario in scns, -1 */
    sim_role role;
    const sim_world *w;
    const score_card *card;
    char toast[512];
    Uint32 toast_until;
    int toast_error;
    int quit;
    ui_start start;
    ui_drill drill;
    ui_end end;
    struct ui_sound *sound;   /* the chime (--sound), or NULL */
    struct ui_sound *speaker; /* the audio device the voices use (--voice), or NULL */
    struct ui_voice *voice;   /* the reporters' voices (--voice), or NULL */
    struct ui_review_state *review;   /* the review screen and saved sessions (review.h), or NULL */
} ui_state;

/* "zh" or "en", for sim_text_get. */
const char *ui_lang(const ui_state *s);
void ui_set_lang(ui_state *s, int lang);
/* Show a one-line message at the bottom for a few seconds. */
void ui_toast(ui_state *s, int error, const char *msg);
/* "HH:MM:SS" of a simulation time. */
const char *ui_clock(char *buf, size_t n, sim_time t);
/* The scenario's time of day at drill time t ("09:52:10") when it gives starts_at, else the drill time. */
const char *ui_clock_of_day(char *buf, size_t n, const sim_world *w, sim_time t);
/* Submit an action stamped with the world's now, as the trainee's role. 0, or -1 (toast shown). */
int ui_submit(ui_state *s, sim_action_type type, int level, const char *target, const char *channel,
              const char *text);
/* Start the scenario at index i for the trainee; switches to the drill screen. 0 or -1 (toast). */
int ui_start_drill(ui_state *s, int i, const char *trainee, sim_role role);
/* Grade and show the end screen. 0 or -1 (toast). */
int ui_finish_drill(ui_state *s);
/* The translated name of a warning level ("橙色预警"). */
const char *ui_level_label(int level);

/* Screens: draw one frame and handle its input. */
void ui_start_frame(ui_state *s);
void ui_drill_frame(ui_state *s);
void ui_end_frame(ui_state *s);
/* Reset a screen's state when it is entered. */
void ui_drill_enter(ui_state *s);
void ui_drill_release(ui_drill *d);

#endif
