/* start_sessions.c — the start screen's panel of saved sessions: every finished drill (id, trainee,
 * scenario, total), newest first; Enter, a double click or the Review button opens its review. */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "layout.h"
#include "review.h"
#include "theme.h"

static void reload(ui_state *s, ui_review_state *r)
{
    char err[256] = "", msg[512];
    r->sessions_stale = 0;
    r->sessions = NULL;
    r->n_sessions = 0;
    r->saved_rows.n = 0;
    if (!s->api->sessions) return;
    if (s->api->sessions(s->api->ud, &r->sessions, &r->n_sessions, err, sizeof err) != 0) {
        r->sessions = NULL;
        r->n_sessions = 0;
        ui_toast(s, 1, ui_fmt(msg, sizeof msg, ui_tr("start.saved_failed"), err, NULL, NULL));
        return;
    }
    for (int i = 0; i < r->n_sessions; i++)
        if (r->sessions[i].finished && ui_rows_push(&r->saved_rows, i)) break;
    if (r->saved.sel >= r->saved_rows.n) r->saved.sel = r->saved_rows.n - 1;
    if (r->saved.sel < 0 && r->saved_rows.n > 0) r->saved.sel = 0;
}

/* The scenario's title when it is one of the listed scenarios, else its id. */
static const char *scenario_title(const ui_state *s, const char *id)
{
    for (int i = 0; i < s->n_scns; i++)
        if (strcmp(s->scns[i].id, id) == 0) return sim_text_get(s->scns[i].title, ui_lang(s));
    return id;
}

static int session_row(ui_ctx *c, void *ud, int i, SDL_Rect r, int selected, int draw)
{
    ui_state *s = ud;
    (void)selected;
    const ui_session_info *info = &s->review->sessions[s->review->saved_rows.v[i]];
    int pad = ui_px(c, 5), th = ui_line_h(c, UI_FONT_BODY);
    if (draw) {
        char id[32], head[256], total[32], pts[64];
        snprintf(id, sizeof id, "%lld", (long long)info->id);
        snprintf(total, sizeof total, "%.1f", info->total);
        ui_fmt(head, sizeof head, ui_tr("start.saved_row"), id, info->trainee, scenario_title(s, info->scenario));
        ui_fmt(pts, sizeof pts, ui_tr("start.saved_total"), total, NULL, NULL);
        SDL_Rect row = ui_rect(r.x + 2 * pad, r.y + pad, r.w - 3 * pad, th);
        int pw, ph;
        ui_text_size(c, UI_FONT_BODY, pts, &pw, &ph);
        ui_text_in(c, UI_FONT_BODY, pts, UI_ACCENT, ui_cut_right(&row, pw), UI_ALIGN_RIGHT);
        ui_cut_right(&row, pad);
        ui_text_in(c, UI_FONT_BODY, head, UI_TEXT, row, UI_ALIGN_LEFT);
    }
    return th + 2 * pad;
}

void ui_start_sessions_panel(ui_state *s, SDL_Rect r)
{
    ui_ctx *c = s->c;
    ui_review_state *rv = ui_review_get(s);
    if (!rv) return;
    if (rv->sessions_stale) reload(s, rv);
    SDL_Rect in = ui_panel(c, r, ui_tr("start.saved"));
    int row_h = ui_line_h(c, UI_FONT_BODY) + ui_px(c, 12);
    if (rv->saved_rows.n == 0) {
        ui_text_in(c, UI_FONT_BODY, ui_tr("start.saved_none"), UI_MUTED, ui_cut_top(&in, row_h), UI_ALIGN_LEFT);
        return;
    }
    SDL_Rect bar = ui_cut_bottom(&in, row_h);
    ui_cut_bottom(&in, ui_px(c, 6));
    int open = ui_list_view(c, &rv->saved, ui_id("start.saved"), in, rv->saved_rows.n, session_row, s) &
               UI_LIST_ACTIVATED;
    SDL_Rect go = ui_cut_right(&bar, ui_button_w(c, ui_tr("start.review")));
    if (ui_button(c, ui_id("start.review"), go, ui_tr("start.review"), 0)) open = 1;
    if (open && rv->saved.sel >= 0 && rv->saved.sel < rv->saved_rows.n)
        ui_review_show(s, rv->sessions[rv->saved_rows.v[rv->saved.sel]].id, UI_SCREEN_START);
}
