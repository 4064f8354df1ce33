/* review_timeline.c — the review's timeline panel: heat and rumour-reach curves, the rumours as they stood
 * at the scrub position, the scrubber (dragged with the mouse), and the world's state at that moment. */
#include <stdio.h>

#include "draw.h"
#include "layout.h"
#include "review.h"
#include "theme.h"

/* Mouse: a press on the curves or the track starts a drag that moves the scrub position until release. */
static void drag(ui_state *s, SDL_Rect area, SDL_Rect plot)
{
    ui_ctx *c = s->c;
    ui_review_state *r = s->review;
    if (ui_clicked_in(c, area)) {
        r->dragging = 1;
        ui_focus_set(c, ui_id("review.actions"));   /* the arrow keys scrub again */
    }
    if (!r->dragging) return;
    if (!(SDL_GetMouseState(NULL, NULL) & SDL_BUTTON_LMASK) && !c->in.clicked) {
        r->dragging = 0;
        return;
    }
    sim_time end = r->info->world->now;
    double f = plot.w > 1 ? (double)(c->in.mx - plot.x) / (double)(plot.w - 1) : 0;
    if (f < 0) f = 0;
    if (f > 1) f = 1;
    sim_time t = (sim_time)(f * (double)end / SIM_TICK_S + 0.5) * SIM_TICK_S;
    r->t = t > end ? end : t;
}

static void scrubber(ui_state *s, SDL_Rect track, SDL_Rect labels)
{
    ui_ctx *c = s->c;
    ui_review_state *r = s->review;
    const sim_world *w = r->info->world;
    SDL_Rect bar = ui_rect(track.x, track.y + track.h / 2 - ui_px(c, 3), track.w, ui_px(c, 6));
    ui_fill(c, bar, UI_PANEL_ALT);
    int sx = ui_review_x(track, r->t, w->now);
    ui_fill(c, ui_rect(bar.x, bar.y, sx - bar.x, bar.h), UI_ACCENT_SOFT);
    ui_outline(c, bar, UI_BORDER, 1);
    for (int i = 0; i < w->n_log; i++) {
        int x = ui_review_x(track, w->log[i].t, w->now);
        int on = i == r->actions.sel;
        ui_fill(c, ui_rect(x - (on ? 1 : 0), track.y + ui_px(c, 2), on ? 3 : 1, track.h - ui_px(c, 4)),
                on ? UI_FOCUS : UI_MUTED);
    }
    int k = ui_px(c, 7);
    SDL_Rect knob = ui_rect(sx - k, track.y + track.h / 2 - k, 2 * k + 1, 2 * k + 1);
    ui_fill(c, knob, UI_TOPBAR);
    ui_outline(c, knob, UI_PANEL, 1);

    char a[32], b[32], now[128];
    ui_clock(a, sizeof a, r->t);
    ui_clock(b, sizeof b, w->now);
    ui_text_in(c, UI_FONT_SMALL, "00:00:00", UI_MUTED, labels, UI_ALIGN_LEFT);
    ui_text_in(c, UI_FONT_SMALL, b, UI_MUTED, labels, UI_ALIGN_RIGHT);
    ui_text_in(c, UI_FONT_BODY, ui_fmt(now, sizeof now, ui_tr("review.now"), a, NULL, NULL), UI_TEXT, labels,
               UI_ALIGN_CENTER);
}

/* Every rumour that started: its colour, claim, and reach and status at the scrub position; two columns
 * when there are more than three. Returns the height it takes. */
static int legend(ui_state *s, SDL_Rect r, int draw)
{
    ui_ctx *c = s->c;
    const ui_review_state *rv = s->review;
    const sim_world *full = rv->info->world, *at = rv->at;
    int lh = ui_line_h(c, UI_FONT_SMALL), n = 0;
    for (int k = 0; k < full->scn->n_rumours; k++) n += full->rumours[k].started != 0;
    int cols = n > 3 ? 2 : 1, rows = (n + cols - 1) / cols, i = 0;
    for (int k = 0; draw && k < full->scn->n_rumours; k++) {
        if (!full->rumours[k].started) continue;
        char pct[32], head[256];
        const sim_rumour_state *rs = at ? &at->rumours[k] : NULL;
        const char *status = !rs || !rs->started            ? "review.rumour_waiting"
                             : rs->rebutted_at != SIM_NEVER ? "rumour.rebutted"
                             : rs->active                   ? "rumour.active"
                                                            : "rumour.faded";
        snprintf(pct, sizeof pct, "%.1f", rs ? rs->reach * 100.0 : 0.0);
        ui_fmt(head, sizeof head, ui_tr("rumour.head"), ui_tr(status), pct, NULL);
        int col = i / rows, row_i = i % rows, cw = r.w / cols;
        SDL_Rect row = ui_rect(r.x + col * cw, r.y + row_i * lh, cw - ui_px(c, 8), lh);
        ui_fill(c, ui_rect(row.x, row.y + lh / 2 - ui_px(c, 2), ui_px(c, 14), ui_px(c, 4)), ui_review_rumour_color(k));
        SDL_Rect txt = ui_rect(row.x + ui_px(c, 20), row.y, row.w - ui_px(c, 20), lh);
        int hw, hh;
        ui_text_size(c, UI_FONT_SMALL, head, &hw, &hh);
        SDL_Rect hr = ui_cut_right(&txt, hw < txt.w / 2 ? hw : txt.w / 2);
        ui_text_in(c, UI_FONT_SMALL, head, UI_TEXT, hr, UI_ALIGN_RIGHT);
        ui_cut_right(&txt, ui_px(c, 8));
        ui_text_in(c, UI_FONT_SMALL, sim_text_get(&full->scn->rumours[k].claim, ui_lang(s)), UI_MUTED, txt,
                   UI_ALIGN_LEFT);
        i++;
    }
    return rows * lh;
}

/* The world at the scrub position (level, posts, trust, crowd; facts verified) and what the scrub cost. */
static void state_lines(ui_state *s, SDL_Rect r)
{
    ui_ctx *c = s->c;
    const ui_review_state *rv = s->review;
    const sim_world *at = rv->at;
    if (!at) return;
    int gap = ui_px(c, 12), lh = ui_line_h(c, UI_FONT_SMALL);
    SDL_Rect one = ui_cut_top(&r, lh + ui_px(c, 4)), two = r;
    int bw = ui_badge(c, UI_FONT_SMALL, ui_level_label(at->m.level), ui_level_color(at->m.level),
                      ui_level_text_color(at->m.level), one.x, one.y + ui_px(c, 1));
    ui_cut_left(&one, bw + gap);
    int verified = 0;
    for (int f = 0; f < at->scn->n_facts; f++) verified += sim_fact_is_verified(at, f);
    char v[4][32], p[5][128];
    snprintf(v[0], sizeof v[0], "%.0f", at->m.posts_per_hour);
    snprintf(v[1], sizeof v[1], "%.0f", at->m.trust);
    snprintf(v[2], sizeof v[2], "%.0f", at->m.crowd);
    const char *parts[3] = {
        ui_fmt(p[0], sizeof p[0], ui_tr("status.posts"), v[0], NULL, NULL),
        ui_fmt(p[1], sizeof p[1], ui_tr("status.trust"), v[1], NULL, NULL),
        ui_fmt(p[2], sizeof p[2], ui_tr("status.crowd"), v[2], NULL, NULL),
    };
    for (int i = 0; i < 3 && one.w > 0; i++) {
        int pw, ph;
        ui_text_size(c, UI_FONT_SMALL, parts[i], &pw, &ph);
        ui_text_in(c, UI_FONT_SMALL, parts[i], UI_TEXT, ui_cut_left(&one, pw), UI_ALIGN_LEFT);
        ui_cut_left(&one, gap);
    }
    snprintf(v[0], sizeof v[0], "%d", verified);
    snprintf(v[1], sizeof v[1], "%d", at->scn->n_facts);
    snprintf(v[2], sizeof v[2], "%.1f", rv->scrub_ms);
    ui_text_in(c, UI_FONT_SMALL, ui_fmt(p[3], sizeof p[3], ui_tr("review.facts_now"), v[0], v[1], NULL), UI_TEXT, two,
               UI_ALIGN_LEFT);
    ui_text_in(c, UI_FONT_SMALL, ui_fmt(p[4], sizeof p[4], ui_tr("review.scrub_ms"), v[2], NULL, NULL), UI_MUTED, two,
               UI_ALIGN_RIGHT);
}

/* A chart's caption on the left and its y-axis maximum on the right. */
static void axis_head(ui_ctx *c, SDL_Rect r, const char *caption, const char *ymax)
{
    int w, h;
    ui_text_size(c, UI_FONT_SMALL, ymax, &w, &h);
    ui_text_in(c, UI_FONT_SMALL, ymax, UI_MUTED, ui_cut_right(&r, w), UI_ALIGN_RIGHT);
    ui_text_in(c, UI_FONT_SMALL, caption, UI_MUTED, r, UI_ALIGN_LEFT);
}

void ui_review_timeline(ui_state *s, SDL_Rect r)
{
    ui_ctx *c = s->c;
    ui_review_state *rv = s->review;
    const sim_world *full = rv->info->world;
    SDL_Rect in = ui_panel(c, r, ui_tr("review.timeline"));
    int lh = ui_line_h(c, UI_FONT_SMALL), gap = ui_px(c, 4), knob = ui_px(c, 8);
    /* Room for the scrubber's knob at both ends; the curves and the track share this x range. */
    in.x += knob;
    in.w -= 2 * knob;
    SDL_Rect keys = ui_cut_bottom(&in, ui_text_wrap_h(c, UI_FONT_SMALL, ui_tr("review.keys"), in.w));
    ui_text_wrap(c, UI_FONT_SMALL, ui_tr("review.keys"), UI_MUTED, keys.x, keys.y, keys.w);
    ui_cut_bottom(&in, gap);
    SDL_Rect state = ui_cut_bottom(&in, 2 * lh + ui_px(c, 4));
    ui_cut_bottom(&in, gap);
    SDL_Rect labels = ui_cut_bottom(&in, ui_line_h(c, UI_FONT_BODY));
    SDL_Rect track = ui_cut_bottom(&in, ui_px(c, 20));
    ui_cut_bottom(&in, gap);
    SDL_Rect leg = ui_cut_bottom(&in, legend(s, in, 0));
    ui_cut_bottom(&in, gap);
    SDL_Rect heat_head = ui_cut_top(&in, lh);
    SDL_Rect heat = ui_cut_top(&in, (in.h - lh - gap) * 6 / 10);
    ui_cut_top(&in, gap);
    SDL_Rect reach_head = ui_cut_top(&in, lh);
    SDL_Rect reach = in;

    SDL_Rect area = ui_rect(heat.x, heat.y, heat.w, track.y + track.h - heat.y);
    drag(s, area, track);
    char num[32], label[64];
    snprintf(num, sizeof num, "%.0f", ui_review_heat_chart(c, heat, full, rv->actions.sel, rv->t));
    axis_head(c, heat_head, ui_tr("review.heat"), ui_fmt(label, sizeof label, ui_tr("chart.ymax"), num, NULL, NULL));
    snprintf(num, sizeof num, "%g", ui_review_reach_chart(c, reach, full, rv->actions.sel, rv->t));
    axis_head(c, reach_head, ui_tr("review.reach"),
              ui_fmt(label, sizeof label, ui_tr("review.reach_max"), num, NULL, NULL));
    legend(s, leg, 1);
    scrubber(s, track, labels);
    state_lines(s, state);
}
