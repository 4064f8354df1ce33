/* doc.c — the A4 page flow of a PDF report: pages with margins and a footer, text laid out by pango
 * (Chinese shaped, fonts embedded by cairo) that wraps and continues on the next page, and table rows. */
#include <cairo-pdf.h>
#include <stdio.h>
#include <string.h>

#include "report_internal.h"

#define A4_W 595.276
#define A4_H 841.890
#define MARGIN 48.0
#define FOOTER_H 22.0

const rgb RC_INK = {0.13, 0.15, 0.18};
const rgb RC_MUTED = {0.42, 0.45, 0.50};
const rgb RC_ACCENT = {0.10, 0.36, 0.66};
const rgb RC_GOOD = {0.13, 0.52, 0.30};
const rgb RC_BAD = {0.75, 0.20, 0.16};
const rgb RC_GRID = {0.85, 0.87, 0.90};

rgb rc_level(int level)
{
    static const rgb levels[4] = {{0.25, 0.52, 0.88}, {0.93, 0.76, 0.10}, {0.96, 0.51, 0.12}, {0.85, 0.16, 0.16}};
    return levels[level < 0 ? 0 : level > 3 ? 3 : level];
}

static void set_rgb(cairo_t *cr, rgb c)
{
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

static void footer(rdoc *d)
{
    char num[32];
    snprintf(num, sizeof num, "%d", d->page);
    PangoLayout *l = rdoc_layout(d, d->footer, RS_SMALL, rdoc_body_width(d) - 40);
    pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
    pango_layout_set_height(l, 0);
    rdoc_show(d, l, d->margin, d->h - d->margin + 8, RC_MUTED);
    g_object_unref(l);
    l = rdoc_layout(d, num, RS_SMALL, 0);
    rdoc_show(d, l, d->w - d->margin - rdoc_layout_w(l), d->h - d->margin + 8, RC_MUTED);
    g_object_unref(l);
    cairo_set_line_width(d->cr, 0.5);
    set_rgb(d->cr, RC_GRID);
    cairo_move_to(d->cr, d->margin, d->h - d->margin + 4);
    cairo_line_to(d->cr, d->w - d->margin, d->h - d->margin + 4);
    cairo_stroke(d->cr);
}

static cairo_status_t write_out(void *closure, const unsigned char *data, unsigned int length)
{
    rfile *out = closure;
    rfile_write(out, data, length);
    return out->error ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

int rdoc_open(rdoc *d, const char *path, const report_words *w, const char *foot, char *err, int errlen)
{
    memset(d, 0, sizeof *d);
    d->w = A4_W;
    d->h = A4_H;
    d->margin = MARGIN;
    d->top = MARGIN;
    d->bottom = A4_H - MARGIN - FOOTER_H + 12;
    d->y = d->top;
    d->page = 1;
    d->words = w;
    snprintf(d->footer, sizeof d->footer, "%s", foot ? foot : "");
    if (rfile_open(&d->out, path, err, errlen))
        return -1;
    d->surface = cairo_pdf_surface_create_for_stream(write_out, &d->out, d->w, d->h);
    if (cairo_surface_status(d->surface) != CAIRO_STATUS_SUCCESS) {
        snprintf(err, (size_t)errlen, "cannot write %s: %s", path,
                 cairo_status_to_string(cairo_surface_status(d->surface)));
        cairo_surface_destroy(d->surface);
        d->surface = NULL;
        rfile_abandon(&d->out);
        return -1;
    }
    d->cr = cairo_create(d->surface);
    return 0;
}

/* Every cairo object of the document is released here, whatever failed, before the file is judged:
 * report_shutdown may only reset cairo's static data once nothing of it is alive. */
int rdoc_close(rdoc *d, char *err, int errlen)
{
    footer(d);
    cairo_show_page(d->cr);
    cairo_status_t st = cairo_status(d->cr);
    cairo_destroy(d->cr);
    cairo_surface_finish(d->surface);
    if (st == CAIRO_STATUS_SUCCESS)
        st = cairo_surface_status(d->surface);
    cairo_surface_destroy(d->surface);
    int rc = 0;
    if (d->out.error) {
        rc = rfile_commit(&d->out, err, errlen);
    } else if (st != CAIRO_STATUS_SUCCESS) {
        rfile_abandon(&d->out);
        snprintf(err, (size_t)errlen, "writing the PDF failed: %s", cairo_status_to_string(st));
        rc = -1;
    } else {
        rc = rfile_commit(&d->out, err, errlen);
    }
    memset(d, 0, sizeof *d);
    return rc;
}

/* LeakSanitizer reads this hook (when the program is built with it): cairo 1.16 loses a buffer while
 * subsetting fonts into a PDF and fontconfig one while parsing its configuration, both beyond our reach. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libcairo.so\nleak:libfontconfig.so\n";
}

void report_shutdown(void)
{
    pango_cairo_font_map_set_default(NULL);
    cairo_debug_reset_static_data();
}

void rdoc_page(rdoc *d)
{
    footer(d);
    cairo_show_page(d->cr);
    d->page++;
    d->y = d->top;
}

void rdoc_need(rdoc *d, double h)
{
    if (d->y + h > d->bottom && d->y > d->top)
        rdoc_page(d);
}

double rdoc_body_width(const rdoc *d)
{
    return d->w - 2 * d->margin;
}

PangoLayout *rdoc_layout(rdoc *d, const char *text, rstyle st, double width)
{
    static const double sizes[] = {[RS_TITLE] = 19, [RS_H1] = 13.5, [RS_H2] = 11,
                                   [RS_BODY] = 9, [RS_BOLD] = 9, [RS_SMALL] = 7.5};
    PangoLayout *l = pango_cairo_create_layout(d->cr);
    PangoFontDescription *f = pango_font_description_new();
    pango_font_description_set_family(f, report_word(d->words, "font"));
    pango_font_description_set_absolute_size(f, sizes[st] * PANGO_SCALE);
    pango_font_description_set_weight(f, st == RS_BODY || st == RS_SMALL ? PANGO_WEIGHT_NORMAL : PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(l, f);
    pango_font_description_free(f);
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_spacing(l, (int)(sizes[st] * 0.25 * PANGO_SCALE));
    if (width > 0)
        pango_layout_set_width(l, (int)(width * PANGO_SCALE));
    pango_layout_set_text(l, text ? text : "", -1);
    return l;
}

double rdoc_layout_h(PangoLayout *l)
{
    int w, h;
    pango_layout_get_size(l, &w, &h);
    return (double)h / PANGO_SCALE;
}

double rdoc_layout_w(PangoLayout *l)
{
    int w, h;
    pango_layout_get_size(l, &w, &h);
    return (double)w / PANGO_SCALE;
}

void rdoc_show(rdoc *d, PangoLayout *l, double x, double y, rgb c)
{
    set_rgb(d->cr, c);
    cairo_move_to(d->cr, x, y);
    pango_cairo_show_layout(d->cr, l);
    cairo_new_path(d->cr);   /* leave no current point for the next shape to join */
}

/* Show a layout at (x, cursor), line by line, breaking the page between lines. */
static void flow(rdoc *d, PangoLayout *l, double x, rgb c)
{
    if (d->y + rdoc_layout_h(l) <= d->bottom) {
        rdoc_show(d, l, x, d->y, c);
        d->y += rdoc_layout_h(l);
        return;
    }
    PangoLayoutIter *it = pango_layout_get_iter(l);
    double shift = 0;   /* layout y that sits at the top of the current page part */
    double base_y = d->y;
    do {
        int y0, y1;
        pango_layout_iter_get_line_yrange(it, &y0, &y1);
        double top = (double)y0 / PANGO_SCALE, bottom = (double)y1 / PANGO_SCALE;
        if (base_y + bottom - shift > d->bottom) {
            rdoc_page(d);
            base_y = d->y;
            shift = top;
        }
        PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
        int baseline = pango_layout_iter_get_baseline(it);
        set_rgb(d->cr, c);
        cairo_move_to(d->cr, x, base_y + (double)baseline / PANGO_SCALE - shift);
        pango_cairo_show_layout_line(d->cr, line);
        cairo_new_path(d->cr);
        d->y = base_y + bottom - shift;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
}

void rdoc_text(rdoc *d, const char *text, rstyle st, double indent, rgb c)
{
    PangoLayout *l = rdoc_layout(d, text, st, rdoc_body_width(d) - indent);
    flow(d, l, d->margin + indent, c);
    g_object_unref(l);
}

double rdoc_text_h(rdoc *d, const char *text, rstyle st, double indent)
{
    PangoLayout *l = rdoc_layout(d, text, st, rdoc_body_width(d) - indent);
    double h = rdoc_layout_h(l);
    g_object_unref(l);
    return h;
}

void rdoc_heading(rdoc *d, const char *text, rstyle st, double keep)
{
    PangoLayout *l = rdoc_layout(d, text, st, rdoc_body_width(d));
    double h = rdoc_layout_h(l), after = st == RS_H1 ? 9 : 4;   /* the rule under a section title */
    rdoc_gap(d, st == RS_H1 ? 10 : 6);
    rdoc_need(d, h + after + keep);
    rdoc_show(d, l, d->margin, d->y, st == RS_H1 ? RC_ACCENT : RC_INK);
    d->y += h;
    if (st == RS_H1) {
        d->y += 2;
        rdoc_rule(d, RC_ACCENT);
    }
    d->y += 4;
    g_object_unref(l);
}

void rdoc_gap(rdoc *d, double h)
{
    if (d->y > d->top)
        d->y += h;
}

void rdoc_rule(rdoc *d, rgb c)
{
    cairo_set_line_width(d->cr, 0.6);
    set_rgb(d->cr, c);
    cairo_move_to(d->cr, d->margin, d->y);
    cairo_line_to(d->cr, d->w - d->margin, d->y);
    cairo_stroke(d->cr);
    d->y += 3;
}

void rdoc_row(rdoc *d, const rcell *cells, int n, double pad)
{
    PangoLayout *ls[8];
    if (n > 8)
        n = 8;
    double h = 0;
    for (int i = 0; i < n; i++) {
        ls[i] = rdoc_layout(d, cells[i].markup ? "" : cells[i].text, cells[i].st, cells[i].w);
        if (cells[i].markup)
            pango_layout_set_markup(ls[i], cells[i].text, -1);
        double ch = rdoc_layout_h(ls[i]);
        if (ch > h)
            h = ch;
    }
    if (h + pad > d->bottom - d->top) {
        for (int i = 0; i < n; i++) {
            flow(d, ls[i], d->margin + cells[i].x, cells[i].c);
            g_object_unref(ls[i]);
        }
        d->y += pad;
        return;
    }
    rdoc_need(d, h + pad);
    for (int i = 0; i < n; i++) {
        rdoc_show(d, ls[i], d->margin + cells[i].x, d->y, cells[i].c);
        g_object_unref(ls[i]);
    }
    d->y += h + pad;
}
