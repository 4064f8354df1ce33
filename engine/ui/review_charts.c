/* review_charts.c — the review's charts over the whole replay: posts/hour with the warning-level strip,
 * every rumour's reach, both with the trainee's actions marked and the scrub position; and the trainee's
 * growth curve (totals across their sessions in time order). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "chart.h"
#include "draw.h"
#include "layout.h"
#include "review.h"
#include "theme.h"

int ui_review_x(SDL_Rect r, sim_time t, sim_time end)
{
    if (end <= 0 || r.w <= 1) return r.x;
    if (t < 0) t = 0;
    if (t > end) t = end;
    return r.x + (int)((double)t * (r.w - 1) / (double)end);
}

SDL_Color ui_review_rumour_color(int k)
{
    static const SDL_Color pal[5] = { { 206, 36, 36, 255 }, { 128, 60, 170, 255 }, { 0, 128, 128, 255 },
                                      { 196, 110, 0, 255 }, { 90, 90, 90, 255 } };
    return pal[(k < 0 ? -k : k) % 5];
}

/* A round axis maximum at or above v, and at least lowest. */
static double axis_max(double v, double lowest)
{
    if (v <= lowest) return lowest;
    double p = pow(10, floor(log10(v)));
    static const double steps[] = { 1, 2, 2.5, 5, 10 };
    for (int i = 0; i < 5; i++)
        if (steps[i] * p >= v) return steps[i] * p;
    return 10 * p;
}

/* Values v(i) of the samples as a line, one point per pixel column (the column's highest). */
typedef float (*sample_fn)(const sim_world *w, int i, int k);

static void curve(ui_ctx *c, SDL_Rect plot, const sim_world *w, sample_fn v, int k, double ymax, SDL_Color col)
{
    if (w->n_samples < 2 || ymax <= 0) return;
    SDL_FPoint *pts = malloc((size_t)(plot.w + 2) * sizeof *pts);
    if (!pts) return;
    int np = 0, last_x = -1;
    for (int i = 0; i < w->n_samples; i++) {
        int x = ui_review_x(plot, w->samples[i].t, w->now);
        float y = (float)(plot.y + plot.h - 1 - v(w, i, k) / ymax * (plot.h - 1));
        if (x == last_x && np > 0) {
            if (y < pts[np - 1].y) pts[np - 1].y = y;
            continue;
        }
        if (np >= plot.w + 2) break;
        pts[np].x = (float)x;
        pts[np].y = y;
        np++;
        last_x = x;
    }
    ui_polyline(c, pts, np, (float)ui_px(c, 2), col);
    free(pts);
}

/* The trainee's actions as thin lines (numbered along the top when labels), the selected one strong,
 * then the future beyond the scrub position dimmed and the scrub line itself. */
static void marks(ui_ctx *c, SDL_Rect plot, const sim_world *w, int selected, sim_time t, int labels)
{
    SDL_Color line = UI_MUTED;
    line.a = 110;
    int last_label = -1000000, lw = 0, lh = 0;
    for (int i = 0; i < w->n_log; i++) {
        int x = ui_review_x(plot, w->log[i].t, w->now);
        ui_fill(c, ui_rect(x, plot.y, 1, plot.h), line);
        char num[16];
        snprintf(num, sizeof num, "%d", i + 1);
        ui_text_size(c, UI_FONT_SMALL, num, &lw, &lh);
        if (labels && i != selected && x - last_label > lw + ui_px(c, 4)) {
            ui_text(c, UI_FONT_SMALL, num, UI_MUTED, x + ui_px(c, 2), plot.y);
            last_label = x;
        }
    }
    int sx = ui_review_x(plot, t, w->now);
    SDL_Color dim = UI_PANEL;
    dim.a = 120;
    if (sx + 1 < plot.x + plot.w) ui_fill(c, ui_rect(sx + 1, plot.y, plot.x + plot.w - sx - 1, plot.h), dim);
    if (selected >= 0 && selected < w->n_log) {
        int x = ui_review_x(plot, w->log[selected].t, w->now);
        ui_fill(c, ui_rect(x - ui_px(c, 1), plot.y, ui_px(c, 2), plot.h), UI_FOCUS);
        if (labels) {
            char num[16];
            snprintf(num, sizeof num, "%d", selected + 1);
            ui_badge(c, UI_FONT_SMALL, num, UI_FOCUS, UI_ON_ACCENT, x + ui_px(c, 2), plot.y);
        }
    }
    ui_fill(c, ui_rect(sx - ui_px(c, 1), plot.y, ui_px(c, 2) + 1, plot.h), UI_TOPBAR);
}

static float posts_at(const sim_world *w, int i, int k)
{
    (void)k;
    return w->samples[i].posts_per_hour;
}

static float reach_at(const sim_world *w, int i, int k) { return sim_sample_reach(w, i, k) * 100.0f; }

double ui_review_heat_chart(ui_ctx *c, SDL_Rect r, const sim_world *w, int selected, sim_time t)
{
    SDL_Rect plot = r;
    SDL_Rect strip = ui_cut_bottom(&plot, ui_px(c, 5));
    ui_fill(c, plot, UI_PANEL_ALT);
    double peak = 0;
    for (int i = 0; i < w->n_samples; i++)
        if (w->samples[i].posts_per_hour > peak) peak = w->samples[i].posts_per_hour;
    double ymax = axis_max(peak * 1.1, 10);
    for (int i = 0; i < w->n_samples;) {
        int j = i;
        while (j + 1 < w->n_samples && w->samples[j + 1].level == w->samples[i].level) j++;
        int x0 = ui_review_x(plot, w->samples[i].t, w->now);
        int x1 = ui_review_x(plot, j + 1 < w->n_samples ? w->samples[j + 1].t : w->now, w->now);
        ui_fill(c, ui_rect(x0, strip.y, x1 > x0 ? x1 - x0 : 1, strip.h), ui_level_color(w->samples[i].level));
        i = j + 1;
    }
    for (int k = 1; k < 4; k++) ui_fill(c, ui_rect(plot.x, plot.y + plot.h * k / 4, plot.w, 1), UI_BORDER);
    curve(c, plot, w, posts_at, 0, ymax, UI_ACCENT);
    marks(c, plot, w, selected, t, 1);
    ui_outline(c, plot, UI_BORDER, 1);
    return ymax;
}

double ui_review_reach_chart(ui_ctx *c, SDL_Rect plot, const sim_world *w, int selected, sim_time t)
{
    ui_fill(c, plot, UI_PANEL_ALT);
    int nr = w->scn->n_rumours;
    double peak = 0;
    for (int i = 0; i < w->n_samples; i++)
        for (int k = 0; k < nr; k++)
            if (reach_at(w, i, k) > peak) peak = reach_at(w, i, k);
    double ymax = axis_max(peak * 1.1, 1);
    for (int k = 1; k < 2; k++) ui_fill(c, ui_rect(plot.x, plot.y + plot.h * k / 2, plot.w, 1), UI_BORDER);
    for (int k = 0; k < nr; k++) curve(c, plot, w, reach_at, k, ymax, ui_review_rumour_color(k));
    marks(c, plot, w, selected, t, 0);
    ui_outline(c, plot, UI_BORDER, 1);
    return ymax;
}

void ui_review_growth(ui_state *s, SDL_Rect r)
{
    ui_ctx *c = s->c;
    ui_review_state *rv = s->review;
    char title[256], buf[128], a[32], b[32], n[16];
    SDL_Rect in = ui_panel(c, r, ui_fmt(title, sizeof title, ui_tr("review.growth"), rv->info->trainee, NULL, NULL));
    int lh = ui_line_h(c, UI_FONT_SMALL);
    SDL_Rect head = ui_cut_top(&in, lh);
    if (rv->n_growth <= 1) {
        ui_text_in(c, UI_FONT_SMALL, ui_tr("review.growth_one"), UI_MUTED, head, UI_ALIGN_LEFT);
    } else {
        snprintf(n, sizeof n, "%d", rv->n_growth);
        snprintf(a, sizeof a, "%.1f", rv->growth[0].total);
        snprintf(b, sizeof b, "%.1f", rv->growth[rv->n_growth - 1].total);
        ui_text_in(c, UI_FONT_SMALL, ui_fmt(buf, sizeof buf, ui_tr("review.growth_range"), n, a, b), UI_MUTED, head,
                   UI_ALIGN_LEFT);
    }
    if (rv->n_growth == 0) return;
    SDL_Rect axis = ui_cut_bottom(&in, lh);
    SDL_Rect plot = ui_inset(in, ui_px(c, 4));
    plot.y += lh;   /* room for the totals above the points */
    plot.h -= lh;
    if (plot.h < 4 || plot.w < 4) return;
    for (int k = 0; k <= 2; k++) ui_fill(c, ui_rect(plot.x, plot.y + plot.h * k / 2, plot.w, 1), UI_BORDER);
    SDL_FPoint *pts = malloc((size_t)rv->n_growth * sizeof *pts);
    if (!pts) return;
    int pad = ui_px(c, 16);
    for (int i = 0; i < rv->n_growth; i++) {
        double total = rv->growth[i].total < 0 ? 0 : rv->growth[i].total > 100 ? 100 : rv->growth[i].total;
        float x = rv->n_growth == 1 ? plot.x + plot.w / 2.0f
                                    : plot.x + pad + (float)i * (plot.w - 2 * pad) / (float)(rv->n_growth - 1);
        pts[i].x = x;
        pts[i].y = (float)(plot.y + plot.h - total / 100.0 * plot.h);
    }
    ui_polyline(c, pts, rv->n_growth, (float)ui_px(c, 2), UI_ACCENT);
    int last_label = -1000000;
    for (int i = 0; i < rv->n_growth; i++) {
        int mine = i == rv->growth_at, d = ui_px(c, mine ? 5 : 3);
        ui_fill(c, ui_rect((int)pts[i].x - d, (int)pts[i].y - d, 2 * d + 1, 2 * d + 1), mine ? UI_FOCUS : UI_ACCENT);
        char total[32], id[32];
        snprintf(total, sizeof total, "%.0f", rv->growth[i].total);
        snprintf(id, sizeof id, "#%lld", (long long)rv->growth[i].id);
        int tw, th;
        ui_text_size(c, UI_FONT_SMALL, id, &tw, &th);
        if (mine || (int)pts[i].x - last_label > tw + ui_px(c, 6)) {
            ui_text(c, UI_FONT_SMALL, total, mine ? UI_FOCUS : UI_TEXT, (int)pts[i].x - tw / 2, (int)pts[i].y - lh - d);
            ui_text(c, UI_FONT_SMALL, id, mine ? UI_FOCUS : UI_MUTED, (int)pts[i].x - tw / 2, axis.y);
            last_label = (int)pts[i].x;
        }
    }
    free(pts);
}
