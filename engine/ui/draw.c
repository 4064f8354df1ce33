/* draw.c — rectangles, a clip stack, panels, badges and cached text for the widgets and screens;
 * every string drawn goes through the text cache. */
#include "draw.h"

#include <string.h>

#include "layout.h"
#include "theme.h"
#include "wrap.h"

void ui_fill(ui_ctx *c, SDL_Rect r, SDL_Color col)
{
    SDL_SetRenderDrawBlendMode(c->ren, col.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(c->ren, col.r, col.g, col.b, col.a);
    SDL_RenderFillRect(c->ren, &r);
}

void ui_outline(ui_ctx *c, SDL_Rect r, SDL_Color col, int t)
{
    if (t < 1) t = 1;
    ui_fill(c, ui_rect(r.x, r.y, r.w, t), col);
    ui_fill(c, ui_rect(r.x, r.y + r.h - t, r.w, t), col);
    ui_fill(c, ui_rect(r.x, r.y, t, r.h), col);
    ui_fill(c, ui_rect(r.x + r.w - t, r.y, t, r.h), col);
}

void ui_clip_push(ui_ctx *c, SDL_Rect r)
{
    if (c->clip_n > 0) {
        SDL_Rect out;
        if (!SDL_IntersectRect(&r, &c->clip[c->clip_n - 1], &out)) out = ui_rect(r.x, r.y, 0, 0);
        r = out;
    }
    if (c->clip_n < UI_CLIP_DEPTH) c->clip[c->clip_n++] = r;
    SDL_RenderSetClipRect(c->ren, &r);
}

void ui_clip_pop(ui_ctx *c)
{
    if (c->clip_n > 0) c->clip_n--;
    SDL_RenderSetClipRect(c->ren, c->clip_n > 0 ? &c->clip[c->clip_n - 1] : NULL);
}

int ui_line_h(ui_ctx *c, ui_font_role role) { return TTF_FontLineSkip(c->fonts.f[role]); }

void ui_text_size(ui_ctx *c, ui_font_role role, const char *s, int *w, int *h)
{
    ui_text_cache_get(c->cache, c->fonts.f[role], s, UI_TEXT, 0, w, h);
}

static int blit(ui_ctx *c, ui_font_role role, const char *s, SDL_Color col, int x, int y, int wrap, int *h)
{
    int w = 0, th = 0;
    SDL_Texture *t = ui_text_cache_get(c->cache, c->fonts.f[role], s, col, wrap, &w, &th);
    if (t) {
        SDL_Rect dst = { x, y, w, th };
        SDL_RenderCopy(c->ren, t, NULL, &dst);
    }
    if (h) *h = th;
    return w;
}

int ui_text(ui_ctx *c, ui_font_role role, const char *s, SDL_Color col, int x, int y)
{
    return blit(c, role, s, col, x, y, 0, NULL);
}

int ui_text_wrap(ui_ctx *c, ui_font_role role, const char *s, SDL_Color col, int x, int y, int w)
{
    int h = 0;
    blit(c, role, s, col, x, y, w > 1 ? w : 1, &h);
    return h;
}

int ui_text_wrap_h(ui_ctx *c, ui_font_role role, const char *s, int w)
{
    int tw, th;
    ui_text_cache_get(c->cache, c->fonts.f[role], s, UI_TEXT, w > 1 ? w : 1, &tw, &th);
    return th;
}

/* s cut to fit width w with a trailing ellipsis, into buf. */
static const char *ellipsize(ui_ctx *c, ui_font_role role, const char *s, int w, char *buf, size_t n)
{
    static const char dots[] = "…";
    int dw = 0, dh = 0, extent = 0, count = 0;
    TTF_SizeUTF8(c->fonts.f[role], dots, &dw, &dh);
    if (TTF_MeasureUTF8(c->fonts.f[role], s, w - dw > 0 ? w - dw : 0, &extent, &count) != 0) return s;
    int len = (int)strlen(s);
    int bytes = ui_utf8_advance(s, len, count);
    if ((size_t)bytes + sizeof dots > n) bytes = (int)(n - sizeof dots);
    while (bytes > 0 && ((unsigned char)s[bytes] & 0xC0) == 0x80) bytes--;
    memcpy(buf, s, (size_t)bytes);
    memcpy(buf + bytes, dots, sizeof dots);
    return buf;
}

void ui_text_in(ui_ctx *c, ui_font_role role, const char *s, SDL_Color col, SDL_Rect r, int align)
{
    int w = 0, h = 0;
    SDL_Texture *t = ui_text_cache_get(c->cache, c->fonts.f[role], s, col, 0, &w, &h);
    if (!t) return;
    char cut[512];
    if (w > r.w && r.w > 0) {
        t = ui_text_cache_get(c->cache, c->fonts.f[role], ellipsize(c, role, s, r.w, cut, sizeof cut), col, 0, &w, &h);
        if (!t) return;
    }
    int x = align == UI_ALIGN_CENTER ? r.x + (r.w - w) / 2 : align == UI_ALIGN_RIGHT ? r.x + r.w - w : r.x;
    if (x < r.x) x = r.x;
    SDL_Rect dst = { x, r.y + (r.h - h) / 2, w, h };
    ui_clip_push(c, r);
    SDL_RenderCopy(c->ren, t, NULL, &dst);
    ui_clip_pop(c);
}

SDL_Rect ui_panel(ui_ctx *c, SDL_Rect r, const char *title)
{
    ui_fill(c, r, UI_PANEL);
    ui_outline(c, r, UI_BORDER, 1);
    SDL_Rect in = ui_inset(r, ui_px(c, 8));
    if (title && *title) {
        SDL_Rect head = ui_cut_top(&in, ui_line_h(c, UI_FONT_BODY) + ui_px(c, 4));
        ui_text_in(c, UI_FONT_BODY, title, UI_ACCENT, head, UI_ALIGN_LEFT);
        ui_fill(c, ui_rect(r.x + 1, head.y + head.h, r.w - 2, 1), UI_BORDER);
        ui_cut_top(&in, ui_px(c, 6));
    }
    return in;
}

int ui_badge(ui_ctx *c, ui_font_role role, const char *s, SDL_Color bg, SDL_Color fg, int x, int y)
{
    int w, h;
    ui_text_size(c, role, s, &w, &h);
    int pad = ui_px(c, 6);
    ui_fill(c, ui_rect(x, y, w + 2 * pad, h + ui_px(c, 2)), bg);
    ui_text(c, role, s, fg, x + pad, y + ui_px(c, 1));
    return w + 2 * pad;
}
