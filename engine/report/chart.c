/* chart.c — the report's charts drawn with cairo: a curve over drill time with the warning level as a
 * colour band and the trainee's actions marked, competency radars, a trend line, count bars and share bars. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report_internal.h"

#define RC_PI 3.14159265358979323846

static void set_rgba(cairo_t *cr, rgb c, double a)
{
    cairo_set_source_rgba(cr, c.r, c.g, c.b, a);
}

/* A one-line label drawn with its left (align 0), centre (0.5) or right (1) at x, top at y. */
static double label(rdoc *d, const char *text, rstyle st, double x, double y, double align, rgb c)
{
    PangoLayout *l = rdoc_layout(d, text, st, 0);
    double w = rdoc_layout_w(l);
    rdoc_show(d, l, x - w * align, y, c);
    g_object_unref(l);
    return w;
}

static double title_line(rdoc *d, const char *title)
{
    PangoLayout *l = rdoc_layout(d, title, RS_BOLD, rdoc_body_width(d));
    double h = rdoc_layout_h(l);
    rdoc_show(d, l, d->margin, d->y, RC_INK);
    g_object_unref(l);
    return h;
}

static void level_legend(rdoc *d, double right, double y)
{
    double x = right;
    for (int lv = 3; lv >= 0; lv--) {
        char key[32];
        snprintf(key, sizeof key, "level.%d", lv);
        PangoLayout *l = rdoc_layout(d, report_word(d->words, key), RS_SMALL, 0);
        double w = rdoc_layout_w(l);
        x -= w;
        rdoc_show(d, l, x, y, RC_MUTED);
        g_object_unref(l);
        x -= 10;
        set_rgba(d->cr, rc_level(lv), 0.9);
        cairo_rectangle(d->cr, x, y + 2.5, 7, 7);
        cairo_fill(d->cr);
        x -= 8;
    }
}

static void value_text(char *buf, size_t len, double v, int percent)
{
    if (percent)
        snprintf(buf, len, "%g%%", v);
    else if (fabs(v) >= 10000)
        snprintf(buf, len, "%gk", v / 1000);
    else
        snprintf(buf, len, "%g", v);
}

void rchart_curve(rdoc *d, const rcurve *c, double h)
{
    cairo_t *cr = d->cr;
    rdoc_need(d, h);
    double y0 = d->y;
    char title[256];
    if (c->unit && c->unit[0])
        snprintf(title, sizeof title, "%s%s%s%s", c->title, report_word(d->words, "punct.open"), c->unit,
                 report_word(d->words, "punct.close"));
    else
        snprintf(title, sizeof title, "%s", c->title);
    double th = title_line(d, title);
    if (c->level)
        level_legend(d, d->margin + rdoc_body_width(d), y0 + 1);
    double left = d->margin + 44, right = d->margin + rdoc_body_width(d) - 6;
    double top = y0 + th + 8, bottom = y0 + h - 30;

    double vmax = 0, tmax = c->span;
    for (int i = 0; i < c->n; i++) {
        double v = c->percent ? c->v[i] * 100 : c->v[i];
        if (v > vmax)
            vmax = v;
        if (c->t[i] > tmax)
            tmax = c->t[i];
    }
    report_axis ya = report_axis_nice(0, vmax, 4);
    report_axis xa = report_axis_time(tmax, 8);

    /* warning level: a faint background and a solid strip under the axis, one block per run of a level */
    for (int i = 0; c->level && i < c->n;) {
        int j = i;
        while (j + 1 < c->n && c->level[j + 1] == c->level[i])
            j++;
        double xs = i == 0 ? left : report_axis_map(&xa, c->t[i], left, right);
        double xe = j + 1 < c->n ? report_axis_map(&xa, c->t[j + 1], left, right)
                                 : report_axis_map(&xa, c->t[j], left, right);
        set_rgba(cr, rc_level(c->level[i]), c->strip ? 0.30 : 0.10);
        cairo_rectangle(cr, xs, top, xe - xs, bottom - top);
        cairo_fill(cr);
        set_rgba(cr, rc_level(c->level[i]), 0.95);
        cairo_rectangle(cr, xs, bottom + 2, xe - xs, 5);
        cairo_fill(cr);
        i = j + 1;
    }

    /* grid and axis labels */
    char buf[48];
    cairo_set_line_width(cr, 0.5);
    int nt = c->strip ? 0 : report_axis_ticks(&ya);
    for (int i = 0; i < nt; i++) {
        double v = ya.lo + i * ya.step, y = report_axis_map(&ya, v, bottom, top);
        set_rgba(cr, RC_GRID, 1);
        cairo_move_to(cr, left, y);
        cairo_line_to(cr, right, y);
        cairo_stroke(cr);
        value_text(buf, sizeof buf, v, c->percent);
        label(d, buf, RS_SMALL, left - 4, y - 5, 1, RC_MUTED);
    }
    nt = report_axis_ticks(&xa);
    for (int i = 0; i < nt; i++) {
        double t = xa.lo + i * xa.step, x = report_axis_map(&xa, t, left, right);
        set_rgba(cr, RC_GRID, 1);
        cairo_move_to(cr, x, top);
        cairo_line_to(cr, x, bottom);
        cairo_stroke(cr);
        long long s = (long long)t;
        snprintf(buf, sizeof buf, "%lld:%02lld", s / 3600, s / 60 % 60);
        label(d, buf, RS_SMALL, x, bottom + 9, 0.5, RC_MUTED);
    }
    set_rgba(cr, RC_MUTED, 1);
    cairo_set_line_width(cr, 0.8);
    cairo_move_to(cr, left, top);
    cairo_line_to(cr, left, bottom);
    cairo_line_to(cr, right, bottom);
    cairo_stroke(cr);

    /* the trainee's actions: dashed lines numbered as in the timeline */
    double last_label = -1e9;
    for (int i = 0; i < c->n_marks; i++) {
        double x = report_axis_map(&xa, c->marks[i], left, right);
        double dash[] = {2, 2};
        cairo_set_dash(cr, dash, 2, 0);
        set_rgba(cr, RC_ACCENT, 0.45);
        cairo_set_line_width(cr, 0.6);
        cairo_move_to(cr, x, top + 9);
        cairo_line_to(cr, x, bottom);
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
        set_rgba(cr, RC_ACCENT, 1);
        cairo_move_to(cr, x - 2.5, top + 5);
        cairo_line_to(cr, x + 2.5, top + 5);
        cairo_line_to(cr, x, top + 9);
        cairo_close_path(cr);
        cairo_fill(cr);
        if (x - last_label >= 11) {
            snprintf(buf, sizeof buf, "%d", i + 1);
            label(d, buf, RS_SMALL, x, top - 6, 0.5, RC_ACCENT);
            last_label = x;
        }
    }

    /* the curve */
    if (c->strip) {
        d->y = y0 + h;
        return;
    }
    set_rgba(cr, c->c, 1);
    cairo_set_line_width(cr, 1.3);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    for (int i = 0; i < c->n; i++) {
        double v = c->percent ? c->v[i] * 100 : c->v[i];
        double x = report_axis_map(&xa, c->t[i], left, right), y = report_axis_map(&ya, v, bottom, top);
        if (i == 0)
            cairo_move_to(cr, x, y);
        else
            cairo_line_to(cr, x, y);
    }
    cairo_stroke(cr);
    d->y = y0 + h;
}

/* A radar in a cell of width w at x (from the margin) whose top is y0, h points high. */
static void radar_at(rdoc *d, const rradar *r, double x, double w, double y0, double h)
{
    static const rgb series_c[4] = {{0.10, 0.36, 0.66}, {0.85, 0.40, 0.10}, {0.13, 0.52, 0.30}, {0.55, 0.25, 0.60}};
    cairo_t *cr = d->cr;
    PangoLayout *tl = rdoc_layout(d, r->title, RS_BOLD, w);
    double th = rdoc_layout_h(tl);
    rdoc_show(d, tl, d->margin + x, y0, RC_INK);
    g_object_unref(tl);
    double cx = d->margin + x + w / 2, cy = y0 + th + (h - th) / 2;
    double rad = (h - th) / 2 - 22;
    if (rad > w / 2 - 60)
        rad = w / 2 - 60;
    if (r->n < 3 || rad <= 0)
        return;
    cairo_set_line_width(cr, 0.5);
    for (int ring = 1; ring <= 5; ring++) {
        set_rgba(cr, RC_GRID, 1);
        for (int k = 0; k <= r->n; k++) {
            double a = -RC_PI / 2 + 2 * RC_PI * (k % r->n) / r->n;
            double x = cx + cos(a) * rad * ring / 5, y = cy + sin(a) * rad * ring / 5;
            if (k == 0)
                cairo_move_to(cr, x, y);
            else
                cairo_line_to(cr, x, y);
        }
        cairo_stroke(cr);
    }
    for (int k = 0; k < r->n; k++) {
        double a = -RC_PI / 2 + 2 * RC_PI * k / r->n;
        set_rgba(cr, RC_GRID, 1);
        cairo_move_to(cr, cx, cy);
        cairo_line_to(cr, cx + cos(a) * rad, cy + sin(a) * rad);
        cairo_stroke(cr);
        char text[128];
        double v = r->n_series ? r->series[r->n_series - 1][k] : -1;
        if (v >= 0)
            snprintf(text, sizeof text, "%s %.0f", r->axes[k], v);
        else
            snprintf(text, sizeof text, "%s —", r->axes[k]);
        double lx = cx + cos(a) * (rad + 10), ly = cy + sin(a) * (rad + 10);
        double align = fabs(cos(a)) < 0.2 ? 0.5 : cos(a) > 0 ? 0 : 1;
        label(d, text, RS_SMALL, lx, ly - 5 + sin(a) * 4, align, RC_INK);
    }
    for (int s = 0; s < r->n_series; s++) {
        for (int k = 0; k <= r->n; k++) {
            double v = r->series[s][k % r->n];
            double a = -RC_PI / 2 + 2 * RC_PI * (k % r->n) / r->n, f = (v > 0 ? (v > 100 ? 100 : v) : 0) / 100;
            double x = cx + cos(a) * rad * f, y = cy + sin(a) * rad * f;
            if (k == 0)
                cairo_move_to(cr, x, y);
            else
                cairo_line_to(cr, x, y);
        }
        set_rgba(cr, series_c[s], 0.18);
        cairo_fill_preserve(cr);
        set_rgba(cr, series_c[s], 1);
        cairo_set_line_width(cr, 1.4);
        cairo_stroke(cr);
        if (r->names[s]) {
            double ly = y0 + th + 4 + s * 12, lx = d->margin + x + 4;
            cairo_rectangle(cr, lx, ly + 2.5, 7, 7);
            cairo_fill(cr);
            label(d, r->names[s], RS_SMALL, lx + 11, ly, 0, RC_INK);
        }
    }
}

void rchart_radar(rdoc *d, const rradar *r, double h)
{
    rdoc_need(d, h);
    radar_at(d, r, 0, rdoc_body_width(d), d->y, h);
    d->y += h;
}

void rchart_radars(rdoc *d, const rradar *r, int n, int cols, double h)
{
    double cw = rdoc_body_width(d) / cols;
    for (int i = 0; i < n; i += cols) {
        rdoc_need(d, h);
        for (int k = 0; k < cols && i + k < n; k++)
            radar_at(d, &r[i + k], k * cw, cw - 6, d->y, h);
        d->y += h;
    }
}

/* Horizontal grid lines of a value axis from bottom (lo) to top (hi), labelled on the left. */
static void y_grid(rdoc *d, const report_axis *ya, double left, double right, double top, double bottom)
{
    char buf[32];
    cairo_set_line_width(d->cr, 0.5);
    for (int i = 0; i < report_axis_ticks(ya); i++) {
        double v = ya->lo + i * ya->step, y = report_axis_map(ya, v, bottom, top);
        set_rgba(d->cr, RC_GRID, 1);
        cairo_move_to(d->cr, left, y);
        cairo_line_to(d->cr, right, y);
        cairo_stroke(d->cr);
        snprintf(buf, sizeof buf, "%g", v);
        label(d, buf, RS_SMALL, left - 4, y - 5, 1, RC_MUTED);
    }
}

void rchart_trend(rdoc *d, const rtrend *t, double h)
{
    cairo_t *cr = d->cr;
    rdoc_need(d, h);
    double y0 = d->y;
    double th = title_line(d, t->title);
    double left = d->margin + 34, right = d->margin + rdoc_body_width(d) - 16;
    double top = y0 + th + 10, bottom = y0 + h - 34;
    report_axis ya = {0, 100, 20};
    char buf[32];
    y_grid(d, &ya, left, right, top, bottom);
    double step = t->n > 1 ? (right - left - 30) / (t->n - 1) : 0;
    /* a label is drawn only where it clears the one before it (labels are wrapped at the room two
     * points take, so a date and time stack on two lines) */
    double last_right = -1e9, room = step > 0 && step * 2 < 110 ? step * 2 : 110;
    for (int i = 0; i < t->n; i++) {
        double x = left + 15 + step * i;
        PangoLayout *l = rdoc_layout(d, t->labels[i], RS_SMALL, room);
        double w = rdoc_layout_w(l);
        if (x - w / 2 >= last_right + 4) {
            rdoc_show(d, l, x - w / 2, bottom + 6, RC_MUTED);
            last_right = x + w / 2;
        }
        g_object_unref(l);
    }
    set_rgba(cr, t->c, 1);
    cairo_set_line_width(cr, 1.5);
    for (int i = 0; i < t->n; i++) {
        double x = left + 15 + step * i, y = report_axis_map(&ya, t->v[i], bottom, top);
        if (i == 0)
            cairo_move_to(cr, x, y);
        else
            cairo_line_to(cr, x, y);
    }
    cairo_stroke(cr);
    for (int i = 0; i < t->n; i++) {
        double x = left + 15 + step * i, y = report_axis_map(&ya, t->v[i], bottom, top);
        set_rgba(cr, t->c, 1);
        cairo_new_sub_path(cr);
        cairo_arc(cr, x, y, 2.8, 0, 2 * RC_PI);
        cairo_fill(cr);
        snprintf(buf, sizeof buf, "%.1f", t->v[i]);
        label(d, buf, RS_SMALL, x, y - 14, 0.5, RC_INK);
    }
    d->y = y0 + h;
}

void rchart_bars(rdoc *d, const rbars *b, double h)
{
    static const rgb series_c[2] = {{0.10, 0.36, 0.66}, {0.85, 0.40, 0.10}};
    cairo_t *cr = d->cr;
    rdoc_need(d, h);
    double y0 = d->y;
    double th = title_line(d, b->title);
    double left = d->margin + 30, right = d->margin + rdoc_body_width(d) - 8;
    double top = y0 + th + 18, bottom = y0 + h - 20;
    int most = 1;
    for (int s = 0; s < b->n_series; s++)
        for (int i = 0; i < b->n; i++)
            if (b->v[s][i] > most)
                most = b->v[s][i];
    report_axis ya = report_axis_nice(0, most, 4);
    if (ya.step < 1)
        ya = (report_axis){0, most, 1};
    char buf[32];
    y_grid(d, &ya, left, right, top, bottom);
    double slot = (right - left) / (b->n > 0 ? b->n : 1), bw = (slot - 6) / (b->n_series > 0 ? b->n_series : 1);
    for (int i = 0; i < b->n; i++) {
        double x = left + slot * i + 3;
        for (int s = 0; s < b->n_series; s++) {
            double y = report_axis_map(&ya, b->v[s][i], bottom, top);
            set_rgba(cr, series_c[s], 0.8);
            cairo_rectangle(cr, x + bw * s, y, bw - 1, bottom - y);
            cairo_fill(cr);
            if (b->v[s][i] > 0) {
                snprintf(buf, sizeof buf, "%d", b->v[s][i]);
                label(d, buf, RS_SMALL, x + bw * s + bw / 2, y - 12, 0.5, RC_INK);
            }
        }
        label(d, b->labels[i], RS_SMALL, left + slot * i + slot / 2, bottom + 3, 0.5, RC_MUTED);
    }
    for (int s = 0; s < b->n_series; s++) {
        double lx = right - 150 + s * 75, ly = y0 + th + 2;
        set_rgba(cr, series_c[s], 0.8);
        cairo_rectangle(cr, lx, ly + 2.5, 7, 7);
        cairo_fill(cr);
        label(d, b->names[s], RS_SMALL, lx + 11, ly, 0, RC_INK);
    }
    d->y = y0 + h;
}

void rchart_shares(rdoc *d, const char *title, const rshare *rows, int n)
{
    cairo_t *cr = d->cr;
    const double row_h = 14, label_w = 230, value_w = 70;
    rdoc_need(d, 20 + row_h * (n < 4 ? n : 4));
    d->y += title_line(d, title) + 4;
    double left = d->margin + label_w + 6, right = d->margin + rdoc_body_width(d) - value_w;
    for (int i = 0; i < n; i++) {
        rdoc_need(d, row_h);
        const rshare *r = &rows[i];
        double y = d->y;
        PangoLayout *l = rdoc_layout(d, r->label, RS_SMALL, label_w);
        pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
        pango_layout_set_height(l, 0);
        rdoc_show(d, l, d->margin, y, RC_INK);
        g_object_unref(l);
        set_rgba(cr, RC_GRID, 1);
        cairo_rectangle(cr, left, y + 4, right - left, 6);
        cairo_fill(cr);
        double f = r->of > 0 ? (double)r->part / r->of : 0;
        if (f > 0) {
            set_rgba(cr, RC_BAD, 0.75);
            cairo_rectangle(cr, left, y + 3, (right - left) * f, 8);
            cairo_fill(cr);
        }
        char buf[64];
        snprintf(buf, sizeof buf, "%d / %d  (%.0f%%)", r->part, r->of, f * 100);
        label(d, buf, RS_SMALL, right + 6, y, 0, RC_MUTED);
        d->y += row_h;
    }
}
