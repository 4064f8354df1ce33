/* layout.h — rectangle cutting for layouts that follow the window: take a strip off one side of
 * a rectangle, inset, split in columns. All sizes are output pixels. */
#ifndef YQ_UI_LAYOUT_H
#define YQ_UI_LAYOUT_H

#include <SDL2/SDL.h>

static inline SDL_Rect ui_rect(int x, int y, int w, int h)
{
    SDL_Rect r = { x, y, w < 0 ? 0 : w, h < 0 ? 0 : h };
    return r;
}

static inline SDL_Rect ui_cut_top(SDL_Rect *r, int h)
{
    if (h > r->h) h = r->h;
    SDL_Rect o = ui_rect(r->x, r->y, r->w, h);
    r->y += h;
    r->h -= h;
    return o;
}

static inline SDL_Rect ui_cut_bottom(SDL_Rect *r, int h)
{
    if (h > r->h) h = r->h;
    r->h -= h;
    return ui_rect(r->x, r->y + r->h, r->w, h);
}

static inline SDL_Rect ui_cut_left(SDL_Rect *r, int w)
{
    if (w > r->w) w = r->w;
    SDL_Rect o = ui_rect(r->x, r->y, w, r->h);
    r->x += w;
    r->w -= w;
    return o;
}

static inline SDL_Rect ui_cut_right(SDL_Rect *r, int w)
{
    if (w > r->w) w = r->w;
    r->w -= w;
    return ui_rect(r->x + r->w, r->y, w, r->h);
}

static inline SDL_Rect ui_inset(SDL_Rect r, int d)
{
    return ui_rect(r.x + d, r.y + d, r.w - 2 * d, r.h - 2 * d);
}

#endif
