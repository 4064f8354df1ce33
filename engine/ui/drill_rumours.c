/* drill_rumours.c — the rumour panel: every rumour that has started, its claim, how far it has
 * reached (a bar and a percentage) and whether it still spreads, was rebutted or died out. */
#include <stdio.h>

#include "draw.h"
#include "drill.h"
#include "layout.h"
#include "theme.h"

static int rumour_row(ui_ctx *c, void *ud, int i, SDL_Rect r, int selected, int draw)
{
    ui_state *s = ud;
    (void)selected;
    int k = s->drill.rumour_rows.v[i];
    const sim_rumour_state *rs = &s->w->rumours[k];
    const char *status = rs->rebutted_at != SIM_NEVER ? "rumour.rebutted" : rs->active ? "rumour.active" : "rumour.faded";
    char pct[32], head[160];
    snprintf(pct, sizeof pct, "%.1f", rs->reach * 100.0);
    ui_fmt(head, sizeof head, ui_tr("rumour.head"), ui_tr(status), pct, NULL);
    SDL_Color col = rs->rebutted_at != SIM_NEVER ? UI_OK : rs->active ? UI_DANGER : UI_MUTED;
    const char *claim = sim_text_get(&s->w->scn->rumours[k].claim, ui_lang(s));
    int bar_h = ui_px(c, 5);
    int h = ui_row_text(c, r, head, col, claim, draw) + bar_h;
    if (draw) {
        SDL_Rect bar = ui_rect(r.x + ui_px(c, 8), r.y + h - bar_h - ui_px(c, 3), r.w - ui_px(c, 16), bar_h);
        ui_fill(c, bar, UI_PANEL_ALT);
        double reach = rs->reach < 0 ? 0 : rs->reach > 1 ? 1 : rs->reach;
        ui_fill(c, ui_rect(bar.x, bar.y, (int)(bar.w * reach), bar.h), col);
        ui_outline(c, bar, UI_BORDER, 1);
    }
    return h;
}

void ui_rumour_panel(ui_state *s, SDL_Rect r)
{
    ui_ctx *c = s->c;
    ui_drill *d = &s->drill;
    const sim_world *w = s->w;
    SDL_Rect in = ui_panel(c, r, ui_tr("rumour.title"));
    d->rumour_rows.n = 0;
    for (int i = 0; i < w->scn->n_rumours; i++)
        if (w->rumours[i].started && ui_rows_push(&d->rumour_rows, i)) break;
    if (d->rumour_rows.n == 0) {
        ui_text_in(c, UI_FONT_BODY, ui_tr("rumour.none"), UI_MUTED, ui_cut_top(&in, ui_line_h(c, UI_FONT_BODY)), UI_ALIGN_LEFT);
        return;
    }
    int f = ui_list_view(c, &d->rumours, ui_id("rumour.list"), in, d->rumour_rows.n, rumour_row, s);
    if ((f & UI_LIST_ACTIVATED) && d->rumours.sel >= 0)
        ui_composer_open(s, SIM_ACT_REBUT, w->scn->rumours[d->rumour_rows.v[d->rumours.sel]].id);
}
