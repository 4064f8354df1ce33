/* draw.c — rectangles, a clip stack, panels, badges and cached text for the widgets and screens;
 * every string drawn goes through the text cache, everything drawn goes into the frame's batch,
 * clipped here (rectangles on the CPU, triangles by the renderer). */
#include "draw.h"

#include <math.h>
#include <string.h>

#include "batch.h"
#include "layout.h"
#include "theme.h"
#include "wrap.h"

/* r limited to the current clip; 0 when nothing is left. */
static int clip_rect(const ui_ctx *c, SDL_Rect *r)
{
    if (r->w <= 0 || r->h <= 0) return 0;
    if (c->clip_n == 0) return 1;
    SDL_Rect out;
    if (!SDL_IntersectRect(r, &c->clip[c->clip_n - 1], &out)) return 0;
    *r = out;
    return 1;
}

void ui_fill(ui_ctx *c, SDL_Rect r, SDL_Color col)
{
    if (clip_rect(c, &r)) ui_batch_fill(c->batch, r, col);
}

void ui_draw_flush(ui_ctx *c) { ui_batch_flush(c->batch); }

void ui_triangles(ui_ctx *c, const SDL_Vertex *v, int nv, const int *idx, int ni)
{
    ui_batch_triangles(c->batch, v, nv, idx, ni, c->clip_n > 0 ? &c->clip[c->clip_n - 1] : NULL);
}

/* A cached text shown with its top-left at (x, y), cut to the clip. */
static void image(ui_ctx *c, const ui_text_img *t, int x, int y)
{
    x += t->ox;
    y += t->oy;
    SDL_Rect dst = { x, y, t->src.w, t->src.h }, src = t->src;
    if (!t->tex || !clip_rect(c, &dst)) return;
    src.x += dst.x - x;
    src.y += dst.y - y;
    src.w = dst.w;
    src.h = dst.h;
    ui_batch_image(c->batch, t->tex, src, dst, t->tint);
}

#define DISC_SEGMENTS 32

void ui_disc(ui_ctx *c, int cx, int cy, int radius, SDL_Color col)
{
    SDL_Vertex v[DISC_SEGMENTS + 1];
    int idx[DISC_SEGMENTS * 3];
    v[0] = (SDL_Vertex){{(float)cx, (float)cy}, col, {0, 0}};
    for (int i = 0; i < DISC_SEGMENTS; i++) {
        double a = 6.283185307179586 * i / DISC_SEGMENTS;
        v[i + 1] = (SDL_Vertex){{(float)(cx + radius * cos(a)), (float)(cy + radius * sin(a))}, col, {0, 0}};
        idx[3 * i] = 0;
        idx[3 * i + 1] = i + 1;
        idx[3 * i + 2] = (i + 1) % DISC_SEGMENTS + 1;
    }
    ui_triangles(c, v, DISC_SEGMENTS + 1, idx, DISC_SEGMENTS * 3);
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
}

void ui_clip_pop(ui_ctx *c)
{
    if (c->clip_n > 0) c->clip_n--;
}

int ui_line_h(ui_ctx *c, ui_font_role role) { return TTF_FontLineSkip(c->fonts.f[role]); }

void ui_text_size(ui_ctx *c, ui_font_role role, const char *s, int *w, int *h)
{
    ui_text_img t = ui_text_cache_get(c->cache, c->fonts.f[role], s, UI_TEXT, 0);
    *w = t.w;
    *h = t.h;
}

static int blit(ui_ctx *c, ui_font_role role, const char *s, SDL_Color col, int x, int y, int wrap, int *h)
{
    ui_text_img t = ui_text_cache_get(c->cache, c->fonts.f[role], s, col, wrap);
    image(c, &t, x, y);
    if (h) *h = t.h;
    return t.w;
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
    return ui_text_cache_get(c->cache, c->fonts.f[role], s, UI_TEXT, w > 1 ? w : 1).h;
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

const char *ui_text_fit_lines(ui_ctx *c, ui_font_role role, const char *s, int w, int lines, char *buf, size_t n)
{
    ui_lines l = { 0 };
    if (lines < 1 || ui_wrap(c->fonts.f[role], s, (int)strlen(s), w > 1 ? w : 1, &l) || l.n <= lines) {
        ui_lines_free(&l);
        return s;
    }
    int head = l.v[lines - 1].start;   /* the lines kept whole end where the last one starts */
    ui_lines_free(&l);
    if ((size_t)head >= n) return s;
    memcpy(buf, s, (size_t)head);
    char last[512];
    snprintf(buf + head, n - (size_t)head, "%s", ellipsize(c, role, s + head, w, last, sizeof last));
    return buf;
}

void ui_text_in(ui_ctx *c, ui_font_role role, const char *s, SDL_Color col, SDL_Rect r, int align)
{
    ui_text_img t = ui_text_cache_get(c->cache, c->fonts.f[role], s, col, 0);
    if (!t.tex) return;
    char cut[512];
    if (t.w > r.w && r.w > 0) {
        t = ui_text_cache_get(c->cache, c->fonts.f[role], ellipsize(c, role, s, r.w, cut, sizeof cut), col, 0);
        if (!t.tex) return;
    }
    int x = align == UI_ALIGN_CENTER ? r.x + (r.w - t.w) / 2 : align == UI_ALIGN_RIGHT ? r.x + r.w - t.w : r.x;
    if (x < r.x) x = r.x;
    ui_clip_push(c, r);
    image(c, &t, x, r.y + (r.h - t.h) / 2);
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
