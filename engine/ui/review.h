/* review.h — the review screen (复盘) and its entry points: the state it keeps between frames, the
 * saved-sessions panel of the start screen, and the panels and charts the screen is built from. */
#ifndef YQ_UI_REVIEW_H
#define YQ_UI_REVIEW_H

#include "state.h"

/* One finished session of the reviewed trainee, for the growth curve. */
typedef struct ui_growth_point {
    int64_t id;
    double total;
} ui_growth_point;

typedef struct ui_review_state {
    /* Start screen: finished sessions to pick from (rows index `sessions`). */
    const ui_session_info *sessions;
    int n_sessions;
    int sessions_stale;            /* read the list again before drawing it */
    ui_list saved;
    ui_rows saved_rows;

    /* The review. */
    const ui_review_info *info;    /* NULL when no session is open */
    ui_screen back;                /* where Back returns */
    sim_time t;                    /* scrub position (simulation seconds) */
    const sim_world *at;           /* the world at `shown` */
    sim_time shown;
    double scrub_ms;               /* how long the last world_at took */
    int dragging;
    ui_list actions, lines, notes_list;
    ui_list facts;
    ui_rows line_rows;             /* card lines whose evidence names the selected action */
    ui_rows fact_rows;             /* the scenario's facts, those the selected action states first */
    int rows_for;                  /* action the line rows and the analysis were made for, -1 */
    const sim_reading *reading;    /* the world's reading of the selected action's text, or NULL */
    const ui_note_info *notes;
    int n_notes;
    ui_text_edit note, author;
    ui_growth_point *growth;
    int n_growth, growth_at;       /* growth_at: index of the reviewed session, -1 */
} ui_review_state;

/* The screen's state, allocated on first use (NULL when out of memory). */
ui_review_state *ui_review_get(ui_state *s);
void ui_review_free(ui_state *s);
/* Read the saved sessions again the next time the start screen lists them. */
void ui_review_sessions_stale(ui_state *s);

/* Open finished session `id` for review and show the screen; Back returns to `back`. 0, or -1 (toast). */
int ui_review_show(ui_state *s, int64_t id, ui_screen back);
void ui_review_frame(ui_state *s);

/* The start screen's list of finished sessions with a Review button, drawn in r. */
void ui_start_sessions_panel(ui_state *s, SDL_Rect r);

/* Panels of the review screen (screen_review.c lays them out). */
void ui_review_timeline(ui_state *s, SDL_Rect r);
void ui_review_actions(ui_state *s, SDL_Rect r);
void ui_review_detail(ui_state *s, SDL_Rect r);
void ui_review_card_lines(ui_state *s, SDL_Rect r);
void ui_review_growth(ui_state *s, SDL_Rect r);
void ui_review_notes(ui_state *s, SDL_Rect r);
/* Select action i of the reviewed world's log and move the scrub position just after it. */
void ui_review_select(ui_state *s, int i);

/* Time axis shared by the curves and the scrubber: x of time t in plot r spanning 0..end. */
int ui_review_x(SDL_Rect r, sim_time t, sim_time end);
/* Posts/hour (with the warning-level strip) or every rumour's reach in %, over the whole replay, with the
 * actions marked (the selected one stronger) and the scrub position; plot area = r. Returns the y maximum. */
double ui_review_heat_chart(ui_ctx *c, SDL_Rect r, const sim_world *full, int selected, sim_time t);
double ui_review_reach_chart(ui_ctx *c, SDL_Rect r, const sim_world *full, int selected, sim_time t);
/* Colour of rumour k's curve. */
SDL_Color ui_review_rumour_color(int k);

#endif
