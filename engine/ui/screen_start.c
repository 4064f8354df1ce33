/* screen_start.c — the start screen: trainee name, scenario list with briefing, difficulty and
 * role, role choice, language switch and the start button; fully usable from the keyboard. */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "layout.h"
#include "review.h"
#include "state.h"
#include "theme.h"

static int role_of(const char *name)
{
    int r = name ? sim_role_parse(name) : -1;
    return r >= 0 ? r : SIM_ROLE_SPOKESPERSON;
}

static const char *role_label(int r)
{
    char key[64];
    snprintf(key, sizeof key, "role.%s", sim_role_name((sim_role)r));
    return ui_tr(key);
}

static int scenario_row(ui_ctx *c, void *ud, int i, SDL_Rect r, int selected, int draw)
{
    ui_state *s = ud;
    (void)selected;
    const ui_scenario_info *info = &s->scns[i];
    char stars[64] = "", head[256];
    int d = info->difficulty < 0 ? 0 : info->difficulty > 5 ? 5 : info->difficulty;
    for (int k = 0; k < 5; k++) strcat(stars, k < d ? "★" : "☆");
    ui_fmt(head, sizeof head, ui_tr("start.meta"), stars, role_label(role_of(info->role)), NULL);
    int pad = ui_px(c, 6);
    int th = ui_line_h(c, UI_FONT_BODY), sh = ui_line_h(c, UI_FONT_SMALL);
    if (draw) {
        ui_text_in(c, UI_FONT_BODY, sim_text_get(info->title, ui_lang(s)), UI_TEXT,
                   ui_rect(r.x + 2 * pad, r.y + pad, r.w - 3 * pad, th), UI_ALIGN_LEFT);
        ui_text_in(c, UI_FONT_SMALL, head, UI_MUTED, ui_rect(r.x + 2 * pad, r.y + pad + th, r.w - 3 * pad, sh), UI_ALIGN_LEFT);
    }
    return th + sh + 2 * pad;
}

/* The text size: A− and A+ around it in percent of the largest that fits (Ctrl+- / Ctrl+= anywhere). */
static void zoom_control(ui_ctx *c, SDL_Rect r)
{
    int bw = r.h * 3 / 2;
    SDL_Rect smaller = ui_cut_left(&r, bw), larger = ui_cut_right(&r, bw);
    if (ui_button(c, ui_id("start.zoom_out"), smaller, ui_tr("start.zoom_out"), 0)) ui_zoom_step(c, -1);
    if (ui_button(c, ui_id("start.zoom_in"), larger, ui_tr("start.zoom_in"), 0)) ui_zoom_step(c, 1);
    char pct[16], label[64];
    snprintf(pct, sizeof pct, "%d%%", c->zoom);
    ui_fmt(label, sizeof label, ui_tr("start.zoom"), pct, NULL, NULL);
    ui_text_in(c, UI_FONT_SMALL, label, UI_TOPBAR_TEXT, r, UI_ALIGN_CENTER);
}

void ui_start_frame(ui_state *s)
{
    ui_ctx *c = s->c;
    ui_start *st = &s->start;
    int gap = ui_px(c, 10), row_h = ui_line_h(c, UI_FONT_BODY) + ui_px(c, 12);
    SDL_Rect screen = ui_rect(0, 0, c->w, c->h);
    ui_fill(c, screen, UI_BG);
    SDL_Rect top = ui_cut_top(&screen, ui_line_h(c, UI_FONT_TITLE) + ui_px(c, 16));
    ui_fill(c, top, UI_TOPBAR);
    SDL_Rect tr = ui_inset(top, ui_px(c, 6));
    const char *langs[2] = { ui_tr("lang.zh"), ui_tr("lang.en") };
    int lang = s->lang;
    if (ui_choice(c, ui_id("start.lang"), ui_cut_right(&tr, ui_px(c, 200)), langs, 2, &lang)) ui_set_lang(s, lang);
    ui_cut_right(&tr, gap);
    SDL_Rect zoom = ui_cut_right(&tr, ui_px(c, 190));   /* drawn last: Tab reaches it after the rest */
    ui_text_in(c, UI_FONT_TITLE, ui_tr("app.title"), UI_TOPBAR_TEXT, tr, UI_ALIGN_LEFT);

    SDL_Rect body = ui_inset(screen, gap);
    SDL_Rect left = ui_cut_left(&body, body.w * 36 / 100);
    ui_cut_left(&body, gap);
    SDL_Rect saved = ui_cut_bottom(&left, left.h * 40 / 100);
    ui_cut_bottom(&left, gap);
    SDL_Rect in = ui_panel(c, left, ui_tr("start.trainee_panel"));
    ui_text_in(c, UI_FONT_BODY, ui_tr("start.name"), UI_TEXT, ui_cut_top(&in, row_h), UI_ALIGN_LEFT);
    if (ui_text_field(c, &st->trainee, ui_id("start.name"), ui_cut_top(&in, row_h + ui_px(c, 4)), ui_tr("start.name_hint")) &
        UI_EDIT_SUBMIT)
        ui_focus_set(c, ui_id("start.list"));
    ui_cut_top(&in, gap);
    ui_text_in(c, UI_FONT_BODY, ui_tr("start.role"), UI_TEXT, ui_cut_top(&in, row_h), UI_ALIGN_LEFT);
    const char *roles[SIM_ROLE_COUNT];
    for (int r = 0; r < SIM_ROLE_COUNT; r++) roles[r] = role_label(r);
    ui_choice(c, ui_id("start.role"), ui_cut_top(&in, row_h), roles, SIM_ROLE_COUNT, &st->role);
    ui_cut_top(&in, 2 * gap);
    SDL_Rect go = ui_cut_top(&in, row_h + ui_px(c, 8));
    ui_cut_top(&in, gap);
    ui_text_wrap(c, UI_FONT_SMALL, ui_tr("start.keys"), UI_MUTED, in.x, in.y, in.w);

    SDL_Rect brief = ui_cut_bottom(&body, body.h * 38 / 100);
    ui_cut_bottom(&body, gap);
    SDL_Rect list = ui_panel(c, body, ui_tr("start.scenarios"));
    int before = st->scenarios.sel;
    if (s->n_scns == 0) {
        ui_text_in(c, UI_FONT_BODY, ui_tr("start.no_scenarios"), UI_MUTED, ui_cut_top(&list, row_h), UI_ALIGN_LEFT);
    } else {
        if (st->scenarios.sel < 0) st->scenarios.sel = 0;
        int f = ui_list_view(c, &st->scenarios, ui_id("start.list"), list, s->n_scns, scenario_row, s);
        if (st->scenarios.sel != before) st->role = role_of(s->scns[st->scenarios.sel].role);
        if (f & UI_LIST_ACTIVATED) ui_focus_set(c, ui_id("start.go"));
    }
    SDL_Rect bin = ui_panel(c, brief, ui_tr("start.briefing"));
    if (st->scenarios.sel >= 0 && st->scenarios.sel < s->n_scns) {
        const ui_scenario_info *info = &s->scns[st->scenarios.sel];
        ui_clip_push(c, bin);
        ui_text_wrap(c, UI_FONT_BODY, sim_text_get(info->briefing, ui_lang(s)), UI_TEXT, bin.x, bin.y, bin.w);
        ui_clip_pop(c);
    }

    if (ui_button(c, ui_id("start.go"), go, ui_tr("start.go"), UI_BTN_PRIMARY)) {
        char name[128];
        snprintf(name, sizeof name, "%s", ui_text_edit_text(&st->trainee));
        if (ui_tb_chars(&st->trainee.buf) == 0) {
            ui_toast(s, 1, ui_tr("start.need_name"));
            ui_focus_set(c, ui_id("start.name"));
        } else if (st->scenarios.sel < 0) {
            ui_toast(s, 1, ui_tr("start.need_scenario"));
        } else {
            ui_start_drill(s, st->scenarios.sel, name, (sim_role)st->role);
        }
    }
    if (s->screen == UI_SCREEN_START) ui_start_sessions_panel(s, saved);
    if (s->screen == UI_SCREEN_START) zoom_control(c, zoom);
    if (s->screen == UI_SCREEN_START && ui_key_plain(c, SDLK_ESCAPE)) s->quit = 1;
    if (s->toast[0] && !SDL_TICKS_PASSED(c->now_ms, s->toast_until)) {
        SDL_Rect t = ui_rect(gap, c->h - row_h - gap, c->w - 2 * gap, row_h);
        ui_fill(c, t, s->toast_error ? UI_DANGER : UI_TOPBAR);
        ui_text_in(c, UI_FONT_BODY, s->toast, UI_ON_ACCENT, ui_inset(t, ui_px(c, 6)), UI_ALIGN_LEFT);
    }
}
