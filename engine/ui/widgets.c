/* widgets.c — button, segmented choice and list view: focus ring, hover and selected looks,
 * keyboard activation, item-wise scrolling that keeps the selection in view. */
#include "widgets.h"

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

int ui_button(ui_ctx *c, unsigned id, SDL_Rect r, const char *label, int flags)
{
    int disabled = (flags & UI_BTN_DISABLED) != 0;
    int focused = disabled ? 0 : ui_focusable(c, id, r);
    int hot = !disabled && ui_mouse_in(c, r);
    SDL_Color bg = UI_PANEL_ALT, fg = UI_TEXT;
    if (flags & (UI_BTN_PRIMARY | UI_BTN_SELECTED)) { bg = UI_ACCENT; fg = UI_ON_ACCENT; }
    if (flags & UI_BTN_DANGER) { bg = UI_DANGER; fg = UI_ON_ACCENT; }
    if (hot && !(flags & (UI_BTN_PRIMARY | UI_BTN_SELECTED | UI_BTN_DANGER))) bg = UI_ACCENT_SOFT;
    if (disabled) fg = UI_MUTED;
    ui_fill(c, r, bg);
    ui_outline(c, r, focused ? UI_FOCUS : UI_BORDER, focused ? ui_px(c, 2) : 1);
    ui_text_in(c, UI_FONT_BODY, label, fg, r, UI_ALIGN_CENTER);
    if (c->layout_path) ui_layout_note(c, label, r, ui_button_w(c, label) - ui_px(c, 8));
    if (disabled) return 0;
    return (c->in.clicked && hot) || activated(c, focused);
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
    int x = r.x;
    for (int i = 0; i < n; i++) {
        int x1 = r.x + r.w * (i + 1) / n;
        SDL_Rect cell = ui_rect(x, r.y, x1 - x, r.h);
        if (ui_clicked_in(c, cell)) *sel = i;
        int on = i == *sel;
        ui_fill(c, cell, on ? UI_ACCENT : ui_mouse_in(c, cell) ? UI_ACCENT_SOFT : UI_PANEL_ALT);
        ui_outline(c, cell, UI_BORDER, 1);
        ui_text_in(c, UI_FONT_BODY, labels[i], on ? UI_ON_ACCENT : UI_TEXT, cell, UI_ALIGN_CENTER);
        if (c->layout_path) ui_layout_note(c, labels[i], cell, ui_button_w(c, labels[i]) - ui_px(c, 16));
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
    if (l->top > n - 1) l->top = n - 1;
    if (l->top < 0) l->top = 0;

    ui_clip_push(c, r);
    int y = r.y, shown = 0, sep = ui_px(c, 1);
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
