/* drill.h — the panels the drill screen is built from (feed, inbox, rumours, action bar,
 * composer, press conference) and the instructor's inject command. */
#ifndef YQ_UI_DRILL_H
#define YQ_UI_DRILL_H

#include "state.h"

void ui_feed_panel(ui_state *s, SDL_Rect r);
void ui_inbox_panel(ui_state *s, SDL_Rect r);
void ui_rumour_panel(ui_state *s, SDL_Rect r);
void ui_action_bar(ui_state *s, SDL_Rect r);

/* Open the composer for an action type, preselecting a target id (or NULL). */
void ui_composer_open(ui_state *s, sim_action_type type, const char *target);
void ui_composer_panel(ui_state *s, SDL_Rect r);

void ui_press_open(ui_state *s);
void ui_press_panel(ui_state *s, SDL_Rect r);

/* Submit SIM_ACT_INJECT for the next inject not fired yet (earliest scheduled first, then
 * instructor-only ones in file order). 0, or -1 when none is left or it was refused. */
int ui_fire_next_inject(ui_state *s);

/* A row's rectangle split into a small header line and the body below it. */
int ui_row_text(ui_ctx *c, SDL_Rect r, const char *head, SDL_Color head_col, const char *body, int draw);

#endif
