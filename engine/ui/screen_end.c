/* screen_end.c — the end screen: the total, the radar of the six competencies, and every
 * scorecard line with its points, maximum and the reason given. */
#include <stdio.h>

#include "chart.h"
#include "draw.h"
#include "layout.h"
#include "review.h"
#include "state.h"
#include "theme.h"

static int line_row(ui_ctx *c, void *ud, int i, SDL_Rect r, int selected, int draw)
{
    ui_state *s = ud;
    (void)selected;
    const score_line *l = &s->card->lines[i];
    char pts[32], max[32], head[512];
    snprintf(pts, sizeof pts, "%g", l->points);
    snprintf(max, sizeof max, "%g", l->max);
    const char *title = score_line_title_in(l, ui_lang(s));
    const char *why = score_line_why_in(l, ui_lang(s));
    ui_fmt(head, sizeof head, ui_tr("end.line"), title && *title ? title : l->id, pts, max);
    int pad = ui_px(c, 6), th = ui_line_h(c, UI_FONT_BODY);
    int wh = why && *why ? ui_text_wrap_h(c, UI_FONT_SMALL, why, r.w - 3 * pad) : 0;
    if (draw) {
        double frac = l->max > 0 ? l->points / l->max : 0;
        SDL_Color col = l->max <= 0 ? UI_MUTED : frac >= 0.8 ? UI_OK : frac >= 0.4 ? UI_FOCUS : UI_DANGER;
        ui_fill(c, ui_rect(r.x, r.y, ui_px(c, 3), th + wh + 2 * pad), col);
        ui_text(c, UI_FONT_BODY, head, UI_TEXT, r.x + 2 * pad, r.y + pad);
        if (wh) ui_text_wrap(c, UI_FONT_SMALL, why, UI_MUTED, r.x + 2 * pad, r.y + pad + th, r.w - 3 * pad);
    }
    return th + wh + 2 * pad;
}

void ui_end_frame(ui_state *s)
{
    ui_ctx *c = s->c;
    const score_card *card = s->card;
    int gap = ui_px(c, 10), row_h = ui_line_h(c, UI_FONT_BODY) + ui_px(c, 12);
    SDL_Rect screen = ui_rect(0, 0, c->w, c->h);
    ui_fill(c, screen, UI_BG);
    SDL_Rect top = ui_cut_top(&screen, ui_line_h(c, UI_FONT_TITLE) + ui_px(c, 16));
    ui_fill(c, top, UI_TOPBAR);
    SDL_Rect tr = ui_inset(top, ui_px(c, 6));
    SDL_Rect quit = ui_cut_right(&tr, ui_button_w(c, ui_tr("end.quit")));
    ui_cut_right(&tr, gap);
    SDL_Rect again = ui_cut_right(&tr, ui_button_w(c, ui_tr("end.again")));
    ui_cut_right(&tr, gap);
    SDL_Rect review = ui_cut_right(&tr, ui_button_w(c, ui_tr("end.review")));
    char title[256];
    const char *scn = (s->scn >= 0 && s->scn < s->n_scns) ? sim_text_get(s->scns[s->scn].title, ui_lang(s)) : "";
    ui_text_in(c, UI_FONT_TITLE, ui_fmt(title, sizeof title, ui_tr("end.title"), scn, NULL, NULL), UI_TOPBAR_TEXT, tr, UI_ALIGN_LEFT);
    if (ui_button(c, ui_id("end.again"), again, ui_tr("end.again"), UI_BTN_PRIMARY)) {
        s->screen = UI_SCREEN_START;
        ui_review_sessions_stale(s);
        return;
    }
    if (ui_button(c, ui_id("end.quit"), quit, ui_tr("end.quit"), 0) || ui_key_plain(c, SDLK_ESCAPE)) s->quit = 1;
    int64_t saved = s->api->current_session ? s->api->current_session(s->api->ud) : 0;
    if (ui_button(c, ui_id("end.review"), review, ui_tr("end.review"), saved > 0 ? 0 : UI_BTN_DISABLED) &&
        ui_review_show(s, saved, UI_SCREEN_END) == 0)
        return;
    if (!card) return;

    SDL_Rect body = ui_inset(screen, gap);
    SDL_Rect left = ui_cut_left(&body, body.w * 42 / 100);
    ui_cut_left(&body, gap);
    SDL_Rect in = ui_panel(c, left, ui_tr("end.total_panel"));
    char total[32], line[256];
    snprintf(total, sizeof total, "%.1f", card->total);
    SDL_Rect tot = ui_cut_top(&in, ui_line_h(c, UI_FONT_HUGE));
    ui_text_in(c, UI_FONT_HUGE, ui_fmt(line, sizeof line, ui_tr("end.total"), total, NULL, NULL), UI_ACCENT, tot, UI_ALIGN_LEFT);
    const char *plan = card->plan_title[s->lang == 1 ? 1 : 0];   /* a stored card has none: no id shown */
    if (plan && *plan)
        ui_text_in(c, UI_FONT_SMALL, ui_fmt(line, sizeof line, ui_tr("end.plan"), plan, NULL, NULL), UI_MUTED,
                   ui_cut_top(&in, ui_line_h(c, UI_FONT_SMALL)), UI_ALIGN_LEFT);
    const char *labels[SCORE_COMPETENCY_COUNT];
    for (int i = 0; i < SCORE_COMPETENCY_COUNT; i++) {
        char key[64];
        snprintf(key, sizeof key, "competency.%s", score_competency_name((score_competency)i));
        labels[i] = ui_tr(key);
    }
    ui_chart_radar(c, in, card->competencies, labels, SCORE_COMPETENCY_COUNT);

    SDL_Rect lin = ui_panel(c, body, ui_tr("end.lines"));
    if (card->n_lines == 0) {
        ui_text_in(c, UI_FONT_BODY, ui_tr("end.no_lines"), UI_MUTED, ui_cut_top(&lin, row_h), UI_ALIGN_LEFT);
        return;
    }
    if (s->end.lines.sel < 0) s->end.lines.sel = 0;
    ui_list_view(c, &s->end.lines, ui_id("end.lines"), lin, card->n_lines, line_row, s);
}
