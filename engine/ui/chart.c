/* chart.c — heat line chart (bucketed to the pixel width, level tint behind and a level strip
 * below, axis labels) and the radar chart, with thick lines and fills drawn as triangles. */
#include "chart.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "draw.h"
#include "i18n.h"
#include "layout.h"
#include "theme.h"

#define UI_PI 3.14159265358979323846

void ui_polyline(ui_ctx *c, const SDL_FPoint *p, int n, float t, SDL_Color col)
{
    if (n < 2) return;
    SDL_Vertex *v = malloc((size_t)(n - 1) * 4 * sizeof *v);
    int *idx = malloc((size_t)(n - 1) * 6 * sizeof *idx);
    if (!v || !idx) { free(v); free(idx); return; }
    int nv = 0, ni = 0;
    for (int i = 0; i + 1 < n; i++) {
        float dx = p[i + 1].x - p[i].x, dy = p[i + 1].y - p[i].y;
        float len = sqrtf(dx * dx + dy * dy);
        if (len < 1e-3f) continue;
        float nx = -dy / len * t * 0.5f, ny = dx / len * t * 0.5f;
        SDL_FPoint q[4] = { { p[i].x + nx, p[i].y + ny }, { p[i].x - nx, p[i].y - ny },
                            { p[i + 1].x - nx, p[i + 1].y - ny }, { p[i + 1].x + nx, p[i + 1].y + ny } };
        for (int k = 0; k < 4; k++) {
            v[nv + k].position = q[k];
            v[nv + k].color = col;
            v[nv + k].tex_coord.x = v[nv + k].tex_coord.y = 0;
        }
        int tri[6] = { 0, 1, 2, 0, 2, 3 };
        for (int k = 0; k < 6; k++) idx[ni++] = nv + tri[k];
        nv += 4;
    }
    if (ni) ui_triangles(c, v, nv, idx, ni);
    free(v);
    free(idx);
}

static void fmt_clock(char *buf, size_t n, sim_time t)
{
    if (t < 0) t = 0;
    snprintf(buf, n, "%02d:%02d", (int)(t / 3600), (int)(t / 60 % 60));
}

/* A round axis maximum at or above v. */
static double nice_max(double v)
{
    if (v < 10) return 10;
    double p = pow(10, floor(log10(v)));
    double steps[] = { 1, 2, 2.5, 5, 10 };
    for (int i = 0; i < 5; i++)
        if (steps[i] * p >= v) return steps[i] * p;
    return 10 * p;
}

sim_time ui_chart_span(sim_time now, sim_time duration)
{
    static const sim_time hours[] = { 1800, 3600, 7200, 10800, 14400, 21600, 28800, 43200, 86400 };
    sim_time span = 0;
    for (size_t i = 0; i < sizeof hours / sizeof hours[0] && !span; i++)
        if (hours[i] > now) span = hours[i];
    if (!span) span = (now / 86400 + 1) * 86400;
    if (duration > 0 && duration < span) span = duration;
    if (span < now) span = now;
    return span > 0 ? span : 1;
}

sim_time ui_chart_tick(sim_time span, int max_ticks)
{
    static const sim_time steps[] = { 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200 };
    if (max_ticks < 1) max_ticks = 1;
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
        if (span / steps[i] <= max_ticks) return steps[i];
    return (span / max_ticks / 86400 + 1) * 86400;
}

/* A tick's label: the time of day, or the drill time when the scenario gives no start. */
static void tick_label(char *buf, size_t n, sim_time t, sim_time starts_at)
{
    fmt_clock(buf, n, starts_at == SIM_NEVER ? t : (starts_at + t) % 86400);
}

/* The axis's start and end times at its two ends, and ticks between them on round times; a tick's
 * label is left out where it would touch its neighbour. */
static void time_axis(ui_ctx *c, SDL_Rect area, SDL_Rect axis, sim_time span, sim_time starts_at)
{
    char buf[32];
    int lw, lh, tw;
    ui_text_size(c, UI_FONT_SMALL, "00:00", &lw, &lh);
    int gap = ui_px(c, 10);
    tick_label(buf, sizeof buf, 0, starts_at);
    int last_right = axis.x + ui_text(c, UI_FONT_SMALL, buf, UI_MUTED, axis.x, axis.y);
    tick_label(buf, sizeof buf, span, starts_at);
    ui_text_size(c, UI_FONT_SMALL, buf, &tw, &lh);
    int end_left = axis.x + axis.w - tw;
    ui_text(c, UI_FONT_SMALL, buf, UI_MUTED, end_left, axis.y);
    sim_time step = ui_chart_tick(span, area.w / (lw + gap));
    /* With a time of day, ticks fall on round clock times (10:00, 10:30 ...), not on the start. */
    sim_time first = starts_at == SIM_NEVER ? step : step - starts_at % step;
    for (sim_time t = first; t < span; t += step) {
        int x = area.x + (int)((double)t / span * area.w);
        ui_fill(c, ui_rect(x, area.y + area.h - ui_px(c, 4), 1, ui_px(c, 4)), UI_MUTED);
        tick_label(buf, sizeof buf, t, starts_at);
        ui_text_size(c, UI_FONT_SMALL, buf, &tw, &lh);
        int lx = x - tw / 2;
        if (lx < last_right + gap || lx + tw + gap > end_left) continue;
        ui_text(c, UI_FONT_SMALL, buf, UI_MUTED, lx, axis.y);
        last_right = lx + tw;
    }
}

void ui_chart_heat(ui_ctx *c, SDL_Rect r, const sim_sample *s, int n, sim_time now, sim_time duration,
                   sim_time starts_at)
{
    int small_h = ui_line_h(c, UI_FONT_SMALL);
    SDL_Rect area = r;
    SDL_Rect axis = ui_cut_bottom(&area, small_h);
    SDL_Rect strip = ui_cut_bottom(&area, ui_px(c, 6));
    ui_cut_top(&area, small_h);
    ui_fill(c, area, UI_PANEL_ALT);

    sim_time span = ui_chart_span(now, duration);
    double peak = 0;
    for (int i = 0; i < n; i++)
        if (s[i].posts_per_hour > peak) peak = s[i].posts_per_hour;
    double ymax = nice_max(peak * 1.1);

    /* Level tint behind the curve (mixed with the panel, so it is painted opaque) and the solid strip
     * below, one run of equal level at a time. */
    for (int i = 0; i < n;) {
        int j = i;
        while (j + 1 < n && s[j + 1].level == s[i].level) j++;
        sim_time t1 = j + 1 < n ? s[j + 1].t : now;
        int x0 = area.x + (int)((double)s[i].t / span * area.w);
        int x1 = area.x + (int)((double)t1 / span * area.w);
        if (x1 <= x0) x1 = x0 + 1;
        SDL_Color col = ui_level_color(s[i].level);
        ui_fill(c, ui_rect(x0, strip.y, x1 - x0, strip.h), col);
        ui_fill(c, ui_rect(x0, area.y, x1 - x0, area.h), ui_mix(col, 36, UI_PANEL_ALT));
        i = j + 1;
    }
    /* Grid at quarters. */
    SDL_Color grid = UI_BORDER;
    for (int k = 1; k < 4; k++) ui_fill(c, ui_rect(area.x, area.y + area.h * k / 4, area.w, 1), grid);

    /* Curve, at most one point per pixel column (the column's peak). */
    SDL_FPoint *pts = malloc((size_t)(area.w + 2) * sizeof *pts);
    int np = 0, last_x = -1;
    for (int i = 0; pts && i < n; i++) {
        int x = area.x + (int)((double)s[i].t / span * area.w);
        float y = (float)(area.y + area.h - s[i].posts_per_hour / ymax * area.h);
        if (x == last_x && np > 0) {
            if (y < pts[np - 1].y) pts[np - 1].y = y;
            continue;
        }
        if (np >= area.w + 2) break;
        pts[np].x = (float)x;
        pts[np].y = y;
        np++;
        last_x = x;
    }
    if (pts) ui_polyline(c, pts, np, (float)ui_px(c, 2), UI_ACCENT);
    free(pts);
    ui_outline(c, area, UI_BORDER, 1);

    char buf[64], num[32];
    snprintf(num, sizeof num, "%.0f", ymax);
    ui_fmt(buf, sizeof buf, ui_tr("chart.ymax"), num, NULL, NULL);
    ui_text(c, UI_FONT_SMALL, buf, UI_MUTED, r.x, r.y);
    ui_text_in(c, UI_FONT_SMALL, ui_tr(starts_at == SIM_NEVER ? "chart.time" : "chart.time_of_day"), UI_MUTED,
               ui_rect(r.x, r.y, r.w, small_h), UI_ALIGN_RIGHT);
    time_axis(c, area, axis, span, starts_at);
}

void ui_chart_radar(ui_ctx *c, SDL_Rect r, const double *values, const char *const *labels, int n)
{
    if (n < 3) return;
    int label_h = ui_line_h(c, UI_FONT_SMALL);
    float cx = r.x + r.w / 2.0f, cy = r.y + r.h / 2.0f;
    float rad = (r.w < r.h ? r.w : r.h) / 2.0f - label_h * 2.2f;
    if (rad < 10) rad = 10;
    SDL_FPoint ring[17];
    for (int k = 1; k <= 4; k++) {
        for (int i = 0; i <= n && i < 17; i++) {
            double a = -UI_PI / 2 + 2 * UI_PI * (i % n) / n;
            ring[i].x = cx + (float)cos(a) * rad * k / 4;
            ring[i].y = cy + (float)sin(a) * rad * k / 4;
        }
        ui_polyline(c, ring, n + 1, 1.0f, UI_BORDER);
    }
    SDL_Vertex v[17];
    int idx[48], ni = 0;
    SDL_FPoint outline[17];
    SDL_Color fill = UI_ACCENT;
    fill.a = 70;
    v[0].position.x = cx;
    v[0].position.y = cy;
    v[0].color = fill;
    v[0].tex_coord.x = v[0].tex_coord.y = 0;
    for (int i = 0; i < n && i < 16; i++) {
        double a = -UI_PI / 2 + 2 * UI_PI * i / n;
        double val = values[i] < 0 ? 0 : values[i] > 100 ? 100 : values[i];
        SDL_FPoint axis_end = { cx + (float)cos(a) * rad, cy + (float)sin(a) * rad };
        SDL_FPoint spoke[2] = { { cx, cy }, axis_end };
        ui_polyline(c, spoke, 2, 1.0f, UI_BORDER);
        outline[i].x = cx + (float)(cos(a) * rad * val / 100);
        outline[i].y = cy + (float)(sin(a) * rad * val / 100);
        v[i + 1].position = outline[i];
        v[i + 1].color = fill;
        v[i + 1].tex_coord.x = v[i + 1].tex_coord.y = 0;
        idx[ni++] = 0;
        idx[ni++] = i + 1;
        idx[ni++] = (i + 1) % n + 1;

        char buf[128], num[16];
        snprintf(num, sizeof num, "%.0f", values[i]);
        ui_fmt(buf, sizeof buf, ui_tr("chart.radar_label"), labels[i], num, NULL);
        int tw, th;
        ui_text_size(c, UI_FONT_SMALL, buf, &tw, &th);
        float lx = cx + (float)cos(a) * (rad + label_h * 0.6f);
        float ly = cy + (float)sin(a) * (rad + label_h * 0.6f);
        int x = (int)(cos(a) > 0.3 ? lx : cos(a) < -0.3 ? lx - tw : lx - tw / 2.0f);
        int y = (int)(sin(a) > 0.3 ? ly : sin(a) < -0.3 ? ly - th : ly - th / 2.0f);
        if (x + tw > r.x + r.w) x = r.x + r.w - tw;
        if (x < r.x) x = r.x;
        ui_text(c, UI_FONT_SMALL, buf, UI_TEXT, x, y);
    }
    ui_triangles(c, v, n + 1, idx, ni);
    outline[n] = outline[0];
    ui_polyline(c, outline, n + 1, (float)ui_px(c, 2), UI_ACCENT);
}
