/* widgets.c — button, segmented choice and list view: focus ring, hover and selected looks,
 * keyboard activation, item-wise scrolling that keeps the selection in view. */
#include "widgets.h"

#include <stdio.h>

#include "draw.h"
#include "layout.h"
#include "theme.h"

static int activated(ui_ctx *c, int focused)
{
    return focused && (ui_key_plain(c, SDLK_RETURN) || ui_key_plain(c, SDLK_KP_ENTER));
}

int ui_button_w(ui_ctx *c, const char *label)
{
    int w, h;
    ui_text_size(c, UI_FONT_BODY, label, &w, &h);
    return w + ui_px(c, 24);
}

/* The layout dump's label of a control: its text, its key, and " [selected]" when it is chosen. */
static void note(ui_ctx *c, const char *label, const char *key, int selected, SDL_Rect r, int text_w)
{
    if (!c->layout_path) return;
    char buf[160];
    snprintf(buf, sizeof buf, "%s%s%s%s", label, key ? " " : "", key ? key : "", selected ? " [selected]" : "");
    ui_layout_note(c, buf, r, text_w);
}

/* Background, border and focus of a button; sets *fg to its text colour. Returns whether it has focus. */
static int button_face(ui_ctx *c, unsigned id, SDL_Rect r, int flags, SDL_Color *fg)
{
    int disabled = (flags & UI_BTN_DISABLED) != 0;
    int focused = disabled ? 0 : ui_focusable(c, id, r);
    int hot = !disabled && ui_mouse_in(c, r);
    SDL_Color bg = UI_PANEL_ALT;
    *fg = UI_TEXT;
    if (flags & (UI_BTN_PRIMARY | UI_BTN_SELECTED)) { bg = UI_ACCENT; *fg = UI_ON_ACCENT; }
    if (flags & UI_BTN_DANGER) { bg = UI_DANGER; *fg = UI_ON_ACCENT; }
    if (hot && !(flags & (UI_BTN_PRIMARY | UI_BTN_SELECTED | UI_BTN_DANGER))) bg = UI_ACCENT_SOFT;
    if (disabled) *fg = UI_MUTED;
    ui_fill(c, r, bg);
    ui_outline(c, r, focused ? UI_FOCUS : UI_BORDER, focused ? ui_px(c, 2) : 1);
    return focused;
}

static int pressed(ui_ctx *c, SDL_Rect r, int flags, int focused)
{
    if (flags & UI_BTN_DISABLED) return 0;
    return (c->in.clicked && ui_mouse_in(c, r)) || activated(c, focused);
}

int ui_button(ui_ctx *c, unsigned id, SDL_Rect r, const char *label, int flags)
{
    SDL_Color fg;
    int focused = button_face(c, id, r, flags, &fg);
    ui_text_in(c, UI_FONT_BODY, label, fg, r, UI_ALIGN_CENTER);
    note(c, label, NULL, flags & UI_BTN_SELECTED, r, ui_button_w(c, label) - ui_px(c, 8));
    return pressed(c, r, flags, focused);
}

/* Whether a keyed button of height h shows its key under the label rather than beside it. */
static int stacked(ui_ctx *c, int h)
{
    return h >= ui_line_h(c, UI_FONT_BODY) + ui_line_h(c, UI_FONT_SMALL) + ui_px(c, 4);
}

int ui_cmd_button_w(ui_ctx *c, const char *label, ui_cmd cmd)
{
    int lw, kw, h;
    ui_text_size(c, UI_FONT_BODY, label, &lw, &h);
    ui_text_size(c, UI_FONT_SMALL, ui_cmd_label(cmd), &kw, &h);
    return lw + ui_px(c, 8) + kw + ui_px(c, 24);
}

int ui_cmd_button(ui_ctx *c, unsigned id, SDL_Rect r, const char *label, ui_cmd cmd, int flags)
{
    SDL_Color fg;
    int focused = button_face(c, id, r, flags, &fg);
    const char *key = ui_cmd_label(cmd);
    int lw, kw, lh, kh, pad = ui_px(c, 8);
    ui_font_role lf = UI_FONT_BODY;
    ui_text_size(c, lf, label, &lw, &lh);
    ui_text_size(c, UI_FONT_SMALL, key, &kw, &kh);
    SDL_Color kc = fg;
    kc.a = 190;
    int need;
    ui_clip_push(c, r);
    if (stacked(c, r.h)) {
        /* A label too wide for its share of the action bar (English at 1280 px) takes the smaller font. */
        if (lw + pad > r.w) {
            lf = UI_FONT_SMALL;
            ui_text_size(c, lf, label, &lw, &lh);
        }
        int y = r.y + (r.h - lh - kh) / 2;
        ui_text(c, lf, label, fg, r.x + (r.w - lw) / 2, y);
        ui_text(c, UI_FONT_SMALL, key, kc, r.x + (r.w - kw) / 2, y + lh);
        need = (lw > kw ? lw : kw) + pad;
    } else {
        int gap = pad, x = r.x + (r.w - lw - gap - kw) / 2;
        ui_text(c, UI_FONT_BODY, label, fg, x, r.y + (r.h - lh) / 2);
        ui_text(c, UI_FONT_SMALL, key, kc, x + lw + gap, r.y + (r.h - kh) / 2);
        need = ui_cmd_button_w(c, label, cmd) - ui_px(c, 8);
    }
    ui_clip_pop(c);
    note(c, label, key, flags & UI_BTN_SELECTED, r, need);
    int hit = pressed(c, r, flags, focused);
    return hit || (!(flags & UI_BTN_DISABLED) && ui_cmd_key(c, cmd));
}

int ui_choice(ui_ctx *c, unsigned id, SDL_Rect r, const char *const *labels, int n, int *sel)
{
    if (n <= 0) return 0;
    int focused = ui_focusable(c, id, r);
    int before = *sel;
    if (focused) {
        /* Every press counts, also when several arrive within one frame. */
        while (ui_key_plain(c, SDLK_LEFT)) *sel = *sel > 0 ? *sel - 1 : 0;
        while (ui_key_plain(c, SDLK_RIGHT)) *sel = *sel < n - 1 ? *sel + 1 : n - 1;
    }
    /* Labels too wide for their share of the row (English roles on a narrow start panel) all take the
     * smaller font, so none is cut. */
    int x = r.x, pad = ui_px(c, 8), tw, th;
    ui_font_role f = UI_FONT_BODY;
    for (int i = 0; i < n; i++) {
        ui_text_size(c, UI_FONT_BODY, labels[i], &tw, &th);
        if (tw + pad > r.w / n) f = UI_FONT_SMALL;
    }
    for (int i = 0; i < n; i++) {
        int x1 = r.x + r.w * (i + 1) / n;
        SDL_Rect cell = ui_rect(x, r.y, x1 - x, r.h);
        if (ui_clicked_in(c, cell)) *sel = i;
        int on = i == *sel;
        ui_fill(c, cell, on ? UI_ACCENT : ui_mouse_in(c, cell) ? UI_ACCENT_SOFT : UI_PANEL_ALT);
        ui_outline(c, cell, UI_BORDER, 1);
        ui_text_in(c, f, labels[i], on ? UI_ON_ACCENT : UI_TEXT, cell, UI_ALIGN_CENTER);
        ui_text_size(c, f, labels[i], &tw, &th);
        note(c, labels[i], NULL, on, cell, tw + pad);
        x = x1;
    }
    if (focused) ui_outline(c, r, UI_FOCUS, ui_px(c, 2));
    return *sel != before;
}

int ui_list_view(ui_ctx *c, ui_list *l, unsigned id, SDL_Rect r, int n, ui_list_item_fn fn, void *ud)
{
    int focused = ui_focusable(c, id, r);
    int flags = 0, before = l->sel;
    if (n <= 0) {
        l->sel = -1;
        l->top = 0;
        if (focused) ui_outline(c, r, UI_FOCUS, ui_px(c, 2));
        return before != -1 ? UI_LIST_CHANGED : 0;
    }
    if (l->sel >= n) l->sel = n - 1;
    int page = l->shown > 1 ? l->shown - 1 : 1;
    if (focused) {
        /* Every press counts, also when several arrive within one frame. */
        while (ui_key_plain(c, SDLK_UP)) l->sel = l->sel > 0 ? l->sel - 1 : 0;
        while (ui_key_plain(c, SDLK_DOWN)) l->sel = l->sel < n - 1 ? l->sel + 1 : n - 1;
        while (ui_key_plain(c, SDLK_PAGEUP)) l->sel = l->sel - page > 0 ? l->sel - page : 0;
        while (ui_key_plain(c, SDLK_PAGEDOWN)) l->sel = l->sel + page < n - 1 ? l->sel + page : n - 1;
        if (ui_key_plain(c, SDLK_HOME)) l->sel = 0;
        if (ui_key_plain(c, SDLK_END)) l->sel = n - 1;
        if (l->sel < 0 && n > 0) l->sel = 0;
        if (l->sel >= 0 && (ui_key_plain(c, SDLK_RETURN) || ui_key_plain(c, SDLK_KP_ENTER)))
            flags |= UI_LIST_ACTIVATED;
    }
    if (ui_mouse_in(c, r) && c->in.wheel) {
        l->top -= c->in.wheel * 3;
        c->in.wheel = 0;
    }
    if (l->sel != before && l->sel >= 0) {
        if (l->sel < l->top) l->top = l->sel;
        else if (l->shown > 0 && l->sel >= l->top + l->shown) l->top = l->sel - l->shown + 1;
    }
    /* Never scroll past the end: the last page is a full one. */
    int room = r.h, max_top = n, sep = ui_px(c, 1);
    while (max_top > 0) {
        room -= fn(c, ud, max_top - 1, ui_rect(r.x, r.y, r.w - ui_px(c, 6), r.h), 0, 0) + sep;
        if (room < 0) break;
        max_top--;
    }
    if (max_top > n - 1) max_top = n - 1;
    if (l->top > max_top) l->top = max_top;
    if (l->top < 0) l->top = 0;

    ui_clip_push(c, r);
    int y = r.y, shown = 0;
    for (int i = l->top; i < n && y < r.y + r.h; i++) {
        SDL_Rect room = ui_rect(r.x, y, r.w - ui_px(c, 6), r.y + r.h - y);
        int h = fn(c, ud, i, room, 0, 0);
        SDL_Rect row = ui_rect(r.x, y, r.w, h);
        if (ui_clicked_in(c, row)) {
            l->sel = i;
            if (c->in.clicked >= 2) flags |= UI_LIST_ACTIVATED;
        }
        int selected = i == l->sel;
        if (selected) ui_fill(c, row, UI_ACCENT_SOFT);
        if (selected && focused) ui_fill(c, ui_rect(r.x, y, ui_px(c, 3), h), UI_FOCUS);
        room.h = h;
        fn(c, ud, i, room, selected, 1);
        ui_fill(c, ui_rect(r.x, y + h, r.w, sep), UI_BORDER);
        y += h + sep;
        if (y <= r.y + r.h) shown++;
    }
    ui_clip_pop(c);
    l->shown = shown > 0 ? shown : 1;
    if (n > l->shown) {
        int bh = r.h * l->shown / n;
        if (bh < ui_px(c, 12)) bh = ui_px(c, 12);
        int by = r.y + (r.h - bh) * l->top / (n - l->shown > 0 ? n - l->shown : 1);
        if (by + bh > r.y + r.h) by = r.y + r.h - bh;
        ui_fill(c, ui_rect(r.x + r.w - ui_px(c, 4), by, ui_px(c, 4), bh), UI_BORDER);
    }
    if (focused) ui_outline(c, r, UI_FOCUS, ui_px(c, 2));
    if (l->sel != before) flags |= UI_LIST_CHANGED;
    return flags;
}
