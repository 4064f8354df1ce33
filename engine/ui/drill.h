/* drill.h — the panels the drill screen is built from (feed, inbox, rumours, action bar,
 * composer, press conference) and the instructor's inject command. */
#ifndef YQ_UI_DRILL_H
#define YQ_UI_DRILL_H

#include "state.h"

void ui_feed_panel(ui_state *s, SDL_Rect r);
void ui_inbox_panel(ui_state *s, SDL_Rect r);
/* An event's header and body text as the inbox shows it; returns its colour. */
SDL_Color ui_event_describe(ui_state *s, const sim_event *e, char *head, size_t hn, char *body, size_t bn);
/* Whether the inbox lists an event: all but the instructor's own posts (they are in the feed, not the
 * trainee's actions). */
int ui_event_in_inbox(const sim_world *w, const sim_event *e);
/* Open the action fitting an event (answer a question, rebut a rumour, report an inject ...). */
void ui_inbox_activate(ui_state *s, const sim_event *e);
/* Events of the inbox not seen yet (the trainee's own actions not counted). */
int ui_inbox_unread(const ui_state *s);

/* Notices: whether an event type pops up; take the world's new events (chime when one pops up);
 * before the panels, which notice this frame's click hit (-1; the click is then taken); after them,
 * open the hit one and draw the rest stacked at the bottom of area. */
int ui_event_notable(sim_event_type t);
void ui_notify_scan(ui_state *s);
int ui_notify_hit(ui_state *s);
void ui_notify_draw(ui_state *s, SDL_Rect area, int hit);
void ui_rumour_panel(ui_state *s, SDL_Rect r);
/* 热搜: the incident's topics, hottest first, with their heat figures (drill_hot.c). */
void ui_hot_panel(ui_state *s, SDL_Rect r);
void ui_action_bar(ui_state *s, SDL_Rect r);

/* The platform a formal statement goes out on by default (the official Weibo, website or WeChat account). */
int ui_statement_channel(const sim_scenario *scn);
/* Open the composer for an action type, preselecting a target id (or NULL). */
void ui_composer_open(ui_state *s, sim_action_type type, const char *target);
void ui_composer_panel(ui_state *s, SDL_Rect r);

void ui_press_open(ui_state *s);
void ui_press_panel(ui_state *s, SDL_Rect r);

/* Submit SIM_ACT_INJECT for the next inject not fired yet (earliest scheduled first, then
 * instructor-only ones in file order). 0, or -1 when none is left or it was refused. */
int ui_fire_next_inject(ui_state *s);

/* The official account's newest post (the trainee's latest public text) pinned at the top of r, with
 * the latest replies that fit in r.h (drill_thread.c); only posts shown in platform tab `platform`
 * (-1: all). Returns the height drawn (0: none, or it does not fit). */
int ui_thread_pinned(ui_state *s, SDL_Rect r, int platform);
/* A count as the platforms print it: 9,876 stays, 12,345 becomes "1.2万" (zh) or "12.3K" (en), and
 * 123,456,789 "1.2亿" or "123.5M" (units and formats from assets/i18n: feed.count_unit...). */
const char *ui_count_text(char *buf, size_t n, uint32_t v);
/* A persona's avatar, a disc of diameter d with its glyph, top-left at (x, y). */
void ui_avatar(ui_ctx *c, const sim_persona *who, int x, int y, int d);
/* The persona's handle, its badge (blue or gold V) and a muted meta line after it, cut to r. */
void ui_author_line(ui_ctx *c, const sim_persona *who, const char *meta, SDL_Rect r);

/* The width a row of width w wraps its body to. */
int ui_row_body_w(ui_ctx *c, int w);
/* A row's rectangle split into a small header line and the body below it. */
int ui_row_text(ui_ctx *c, SDL_Rect r, const char *head, SDL_Color head_col, const char *body, int draw);

#endif
