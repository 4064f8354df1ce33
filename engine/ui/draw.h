/* draw.h — drawing primitives over the context: filled and outlined rectangles, clipping, panels
 * with a title, and text (single line, clipped, or wrapped) through the text cache. Everything
 * is queued in the frame's batch: code drawing with SDL_Render* itself calls ui_draw_flush first. */
#ifndef YQ_UI_DRAW_H
#define YQ_UI_DRAW_H

#include "ctx.h"

void ui_fill(ui_ctx *c, SDL_Rect r, SDL_Color col);
/* Blended untextured triangles (vertex colours), cut to the current clip. */
void ui_triangles(ui_ctx *c, const SDL_Vertex *v, int nv, const int *idx, int ni);
/* Submit everything queued so far to the renderer. */
void ui_draw_flush(ui_ctx *c);
void ui_outline(ui_ctx *c, SDL_Rect r, SDL_Color col, int thickness);
/* A filled disc centred at (cx, cy). */
void ui_disc(ui_ctx *c, int cx, int cy, int radius, SDL_Color col);
/* Restrict drawing to r intersected with the current clip; pop restores the previous one. */
void ui_clip_push(ui_ctx *c, SDL_Rect r);
void ui_clip_pop(ui_ctx *c);

/* Height of one line of a role's font. */
int ui_line_h(ui_ctx *c, ui_font_role role);
void ui_text_size(ui_ctx *c, ui_font_role role, const char *s, int *w, int *h);
/* Draw one line with its top-left at (x, y); returns its width. */
int ui_text(ui_ctx *c, ui_font_role role, const char *s, SDL_Color col, int x, int y);
/* Draw text wrapped to width w; returns the height used. */
int ui_text_wrap(ui_ctx *c, ui_font_role role, const char *s, SDL_Color col, int x, int y, int w);
/* Height wrapped text would take at width w (renders into the cache). */
int ui_text_wrap_h(ui_ctx *c, ui_font_role role, const char *s, int w);
/* s when it wraps to at most `lines` lines at width w; else its first lines with the last one cut
 * to end in "…", in buf (n bytes). */
const char *ui_text_fit_lines(ui_ctx *c, ui_font_role role, const char *s, int w, int lines, char *buf, size_t n);

enum { UI_ALIGN_LEFT, UI_ALIGN_CENTER, UI_ALIGN_RIGHT };
/* One line inside r, vertically centred, clipped to r. */
void ui_text_in(ui_ctx *c, ui_font_role role, const char *s, SDL_Color col, SDL_Rect r, int align);

/* A white panel with a border and a title strip; returns the area inside for content. */
SDL_Rect ui_panel(ui_ctx *c, SDL_Rect r, const char *title);

/* A small coloured label with text ("橙色预警"); returns its width. */
int ui_badge(ui_ctx *c, ui_font_role role, const char *s, SDL_Color bg, SDL_Color fg, int x, int y);

#endif
