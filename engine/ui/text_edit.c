/* text_edit.c — the text field: key handling (caret, selection, clipboard, undo), layout into
 * visual lines, drawing with the IME composition inline, and telling SDL where the caret is. */
#include "text_edit.h"

#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "i18n.h"
#include "layout.h"
#include "theme.h"

#define EDIT_FONT UI_FONT_BODY

int ui_text_edit_init(ui_text_edit *e, int max_chars, int multiline)
{
    memset(e, 0, sizeof *e);
    e->multiline = multiline;
    e->show_count = multiline;
    e->want_x = -1;
    return ui_tb_init(&e->buf, max_chars);
}

void ui_text_edit_free(ui_text_edit *e)
{
    ui_tb_free(&e->buf);
    ui_lines_free(&e->lines);
}

int ui_text_edit_set(ui_text_edit *e, const char *text)
{
    e->scroll = 0;
    e->want_x = -1;
    return ui_tb_set(&e->buf, text);
}

const char *ui_text_edit_text(const ui_text_edit *e) { return e->buf.s; }

static unsigned text_hash(const char *s, int len)
{
    unsigned h = 2166136261u;
    for (int i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h ^ (unsigned)len;
}

static void relayout(ui_ctx *c, ui_text_edit *e, int width)
{
    unsigned h = text_hash(e->buf.s, e->buf.len);
    if (h == e->layout_hash && width == e->layout_w && e->lines.n > 0) return;
    ui_wrap(c->fonts.f[EDIT_FONT], e->buf.s, e->buf.len, e->multiline ? width : 0, &e->lines);
    e->layout_hash = h;
    e->layout_w = width;
}

/* Visual line holding byte offset i (a soft-wrap boundary belongs to the following line). */
static int line_of(const ui_text_edit *e, int i)
{
    int k = 0;
    for (int l = 0; l < e->lines.n; l++)
        if (e->lines.v[l].start <= i) k = l;
    return k;
}

/* Pixel width of bytes [a, z) of the text. */
static int span_w(ui_ctx *c, const char *s, int a, int z)
{
    if (z <= a) return 0;
    char buf[1024];
    char *tmp = (z - a) < (int)sizeof buf ? buf : malloc((size_t)(z - a) + 1);
    if (!tmp) return 0;
    memcpy(tmp, s + a, (size_t)(z - a));
    tmp[z - a] = '\0';
    int w = 0, h = 0;
    TTF_SizeUTF8(c->fonts.f[EDIT_FONT], tmp, &w, &h);
    if (tmp != buf) free(tmp);
    return w;
}

/* Byte offset in visual line l nearest to pixel x from the line's left edge. */
static int offset_at(ui_ctx *c, const ui_text_edit *e, int l, int x)
{
    const ui_line *ln = &e->lines.v[l];
    if (x <= 0 || ln->len == 0) return ln->start;
    char *tmp = malloc((size_t)ln->len + 1);
    if (!tmp) return ln->start;
    memcpy(tmp, e->buf.s + ln->start, (size_t)ln->len);
    tmp[ln->len] = '\0';
    int extent = 0, count = 0;
    TTF_MeasureUTF8(c->fonts.f[EDIT_FONT], tmp, x, &extent, &count);
    int off = ui_utf8_advance(tmp, ln->len, count);
    if (off < ln->len) {
        int next = off + ui_utf8_len(tmp + off);
        if (x - extent > span_w(c, tmp, off, next) / 2) off = next;
    }
    free(tmp);
    return ln->start + off;
}

static void copy_selection(const ui_text_edit *e)
{
    if (!ui_tb_has_selection(&e->buf)) return;
    char *t = ui_tb_selected_text(&e->buf);
    if (t) SDL_SetClipboardText(t);
    free(t);
}

/* Apply this frame's keys; returns UI_EDIT_* flags. */
static int handle_keys(ui_ctx *c, ui_text_edit *e)
{
    ui_text_buf *b = &e->buf;
    int flags = 0;
    if (c->in.text[0]) {
        if (ui_tb_insert(b, c->in.text, 1) > 0) flags |= UI_EDIT_CHANGED;
        c->in.text[0] = '\0';
        e->want_x = -1;
    }
    if (c->in.composition[0]) return flags;   /* the IME owns the keys while composing */
    for (int i = 0; i < c->in.n_keys; i++) {
        ui_key *k = &c->in.keys[i];
        if (k->taken) continue;
        int ctrl = (k->mod & KMOD_CTRL) != 0, shift = (k->mod & KMOD_SHIFT) != 0;
        int l = line_of(e, b->caret), handled = 1, vertical = 0;
        const ui_line *ln = &e->lines.v[l];
        switch (k->key) {
        case SDLK_LEFT:
            if (!shift && ui_tb_has_selection(b)) { int a, z; ui_tb_selection(b, &a, &z); ui_tb_move(b, a, 0); }
            else ui_tb_move(b, ui_tb_prev(b, b->caret), shift);
            break;
        case SDLK_RIGHT:
            if (!shift && ui_tb_has_selection(b)) { int a, z; ui_tb_selection(b, &a, &z); ui_tb_move(b, z, 0); }
            else ui_tb_move(b, ui_tb_next(b, b->caret), shift);
            break;
        case SDLK_UP:
        case SDLK_DOWN: {
            int to = l + (k->key == SDLK_UP ? -1 : 1);
            if (!e->multiline || to < 0 || to >= e->lines.n) { handled = 0; break; }
            if (e->want_x < 0) e->want_x = span_w(c, b->s, ln->start, b->caret);
            int wx = e->want_x;
            ui_tb_move(b, offset_at(c, e, to, wx), shift);
            e->want_x = wx;
            vertical = 1;
            break;
        }
        case SDLK_HOME: ui_tb_move(b, ctrl ? 0 : ln->start, shift); break;
        case SDLK_END: ui_tb_move(b, ctrl ? b->len : ln->start + ln->len, shift); break;
        case SDLK_BACKSPACE: if (ui_tb_backspace(b)) flags |= UI_EDIT_CHANGED; break;
        case SDLK_DELETE: if (ui_tb_delete(b)) flags |= UI_EDIT_CHANGED; break;
        case SDLK_RETURN:
        case SDLK_KP_ENTER:
            if (!e->multiline || ctrl) flags |= UI_EDIT_SUBMIT;
            else if (ui_tb_insert(b, "\n", 0) > 0) flags |= UI_EDIT_CHANGED;
            break;
        case SDLK_a: if (ctrl) ui_tb_select_all(b); else handled = 0; break;
        case SDLK_c: if (ctrl) copy_selection(e); else handled = 0; break;
        case SDLK_x:
            if (!ctrl) { handled = 0; break; }
            copy_selection(e);
            if (ui_tb_has_selection(b) && ui_tb_backspace(b)) flags |= UI_EDIT_CHANGED;
            break;
        case SDLK_v:
            if (!ctrl) { handled = 0; break; }
            if (SDL_HasClipboardText()) {
                char *t = SDL_GetClipboardText();
                if (t && ui_tb_insert(b, t, 0) > 0) flags |= UI_EDIT_CHANGED;
                SDL_free(t);
            }
            break;
        case SDLK_z: if (ctrl) { if (ui_tb_undo(b)) flags |= UI_EDIT_CHANGED; } else handled = 0; break;
        default: handled = 0; break;
        }
        if (handled) {
            k->taken = 1;
            if (!vertical) e->want_x = -1;
            relayout(c, e, e->layout_w);
        }
    }
    return flags;
}

static void draw_line(ui_ctx *c, const char *s, int a, int z, SDL_Color col, int x, int y)
{
    if (z <= a) return;
    char buf[1024];
    char *tmp = (z - a) < (int)sizeof buf ? buf : malloc((size_t)(z - a) + 1);
    if (!tmp) return;
    memcpy(tmp, s + a, (size_t)(z - a));
    tmp[z - a] = '\0';
    ui_text(c, EDIT_FONT, tmp, col, x, y);
    if (tmp != buf) free(tmp);
}

int ui_text_field(ui_ctx *c, ui_text_edit *e, unsigned id, SDL_Rect r, const char *placeholder)
{
    int focused = ui_focusable(c, id, r);
    SDL_Rect inner = ui_inset(r, ui_px(c, 6));
    int lh = ui_line_h(c, EDIT_FONT);
    if (e->show_count) inner.h -= ui_line_h(c, UI_FONT_SMALL);
    relayout(c, e, inner.w);

    ui_text_buf *b = &e->buf;
    if (ui_clicked_in(c, inner) && e->lines.n > 0) {
        int shift = (SDL_GetModState() & KMOD_SHIFT) != 0;
        int l = e->multiline ? (c->in.my - inner.y + e->scroll) / (lh > 0 ? lh : 1) : 0;
        if (l < 0) l = 0;
        if (l >= e->lines.n) l = e->lines.n - 1;
        int x = c->in.mx - inner.x + (e->multiline ? 0 : e->scroll);
        ui_tb_move(b, offset_at(c, e, l, x), shift);
        e->want_x = -1;
    }
    int flags = focused ? handle_keys(c, e) : 0;

    /* Caret position, keeping it in view. */
    int cl = line_of(e, b->caret);
    const ui_line *cln = &e->lines.v[cl];
    const char *comp = focused ? c->in.composition : "";
    int comp_w = comp[0] ? span_w(c, comp, 0, (int)strlen(comp)) : 0;
    int comp_caret_w = comp[0] ? span_w(c, comp, 0, ui_utf8_advance(comp, (int)strlen(comp), c->in.comp_cursor)) : 0;
    int caret_x = span_w(c, b->s, cln->start, b->caret) + comp_caret_w;
    int caret_y = cl * lh;
    if (e->multiline) {
        if (caret_y < e->scroll) e->scroll = caret_y;
        if (caret_y + lh > e->scroll + inner.h) e->scroll = caret_y + lh - inner.h;
        if (ui_mouse_in(c, r) && c->in.wheel) {
            int max = e->lines.n * lh - inner.h;
            e->scroll -= c->in.wheel * lh;
            if (e->scroll > max) e->scroll = max;
            if (e->scroll < 0) e->scroll = 0;
            c->in.wheel = 0;
        }
    } else {
        if (caret_x < e->scroll) e->scroll = caret_x;
        if (caret_x + comp_w > e->scroll + inner.w - 2) e->scroll = caret_x + comp_w - inner.w + 2;
        if (e->scroll < 0) e->scroll = 0;
    }

    ui_fill(c, r, UI_PANEL);
    ui_outline(c, r, focused ? UI_FOCUS : UI_BORDER, focused ? ui_px(c, 2) : 1);
    ui_clip_push(c, inner);
    int ox = inner.x - (e->multiline ? 0 : e->scroll);
    int oy = inner.y - (e->multiline ? e->scroll : 0) + (e->multiline ? 0 : (inner.h - lh) / 2);
    int sa, sz;
    ui_tb_selection(b, &sa, &sz);
    for (int l = 0; l < e->lines.n; l++) {
        int y = oy + l * lh;
        if (y + lh < inner.y || y > inner.y + inner.h) continue;
        const ui_line *ln = &e->lines.v[l];
        int a = ln->start, z = ln->start + ln->len;
        if (sa < sz && sa <= z && sz >= a) {
            int x0 = span_w(c, b->s, a, sa > a ? sa : a);
            int x1 = span_w(c, b->s, a, sz < z ? sz : z);
            if (sz > z) x1 += ui_px(c, 4);
            ui_fill(c, ui_rect(ox + x0, y, x1 - x0, lh), UI_SELECTION);
        }
        if (l == cl && comp[0]) {
            int pre = span_w(c, b->s, a, b->caret);
            draw_line(c, b->s, a, b->caret, UI_TEXT, ox, y);
            ui_text(c, EDIT_FONT, comp, UI_ACCENT, ox + pre, y);
            ui_fill(c, ui_rect(ox + pre, y + lh - ui_px(c, 3), comp_w, ui_px(c, 1) + 1), UI_ACCENT);
            draw_line(c, b->s, b->caret, z, UI_TEXT, ox + pre + comp_w, y);
        } else {
            draw_line(c, b->s, a, z, UI_TEXT, ox, y);
        }
    }
    if (b->len == 0 && !comp[0] && placeholder)
        ui_text(c, EDIT_FONT, placeholder, UI_MUTED, inner.x, oy);
    SDL_Rect caret = ui_rect(ox + caret_x, oy + caret_y, ui_px(c, 2), lh);
    if (focused && ((c->now_ms / 530) % 2 == 0 || c->in.composition[0] || c->in.n_keys))
        ui_fill(c, caret, UI_TEXT);
    ui_clip_pop(c);

    if (e->show_count) {
        char n[32], label[96];
        snprintf(n, sizeof n, "%d", ui_tb_chars(b));
        if (b->max_chars > 0) {
            char m[32];
            snprintf(m, sizeof m, "%d", b->max_chars);
            ui_fmt(label, sizeof label, ui_tr("edit.count_max"), n, m, NULL);
        } else {
            ui_fmt(label, sizeof label, ui_tr("edit.count"), n, NULL, NULL);
        }
        SDL_Rect foot = ui_rect(inner.x, inner.y + inner.h, inner.w, ui_line_h(c, UI_FONT_SMALL));
        ui_text_in(c, UI_FONT_SMALL, label, UI_MUTED, foot, UI_ALIGN_RIGHT);
    }
    if (focused) ui_want_text(c, caret);
    return flags;
}
