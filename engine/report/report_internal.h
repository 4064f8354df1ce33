/* report_internal.h — what the report's files share: the A4 page flow over cairo + pango (text that
 * wraps and breaks across pages), the charts, the merged timeline and the JSON file writer. */
#ifndef YQ_REPORT_INTERNAL_H
#define YQ_REPORT_INTERNAL_H

#include <cairo.h>
#include <cjson/cJSON.h>
#include <pango/pangocairo.h>

#include "report.h"

typedef struct rgb {
    double r, g, b;
} rgb;

typedef enum rstyle { RS_TITLE, RS_H1, RS_H2, RS_BODY, RS_BOLD, RS_SMALL } rstyle;

/* A report file being written: a temporary file beside `path` that replaces it only when complete. */
typedef struct rfile {
    FILE *f;
    char *tmp;
    const char *path;
    int error;          /* errno of the first failed write, 0 while all is well */
} rfile;
/* 0, or -1 with a message. */
int rfile_open(rfile *o, const char *path, char *err, int errlen);
/* Append bytes; a failure is kept in o->error (later writes are skipped) and reported by rfile_commit. */
void rfile_write(rfile *o, const void *data, size_t n);
/* Flush to disk and rename over path; on any error remove the temporary file. 0, or -1 with a message. */
int rfile_commit(rfile *o, char *err, int errlen);
/* Remove the temporary file without touching path. */
void rfile_abandon(rfile *o);

/* A PDF being written page by page with a cursor `y` running down the body. */
typedef struct rdoc {
    rfile out;
    cairo_surface_t *surface;
    cairo_t *cr;
    double w, h, margin, top, bottom;  /* page size and the body's limits, in points */
    double y;
    int page;
    char footer[600];
    const report_words *words;
} rdoc;

/* Start a PDF at path with its first page. 0, or -1 with a message. */
int rdoc_open(rdoc *d, const char *path, const report_words *w, const char *footer, char *err, int errlen);
/* Finish the file; 0, or -1 with cairo's message. Always releases everything. */
int rdoc_close(rdoc *d, char *err, int errlen);
void rdoc_page(rdoc *d);
/* Break the page unless `h` points of body are left. */
void rdoc_need(rdoc *d, double h);
double rdoc_body_width(const rdoc *d);
/* A laid-out text of one style wrapped at width (width <= 0: no wrapping). Unref when done. */
PangoLayout *rdoc_layout(rdoc *d, const char *text, rstyle st, double width);
double rdoc_layout_h(PangoLayout *l);
double rdoc_layout_w(PangoLayout *l);
void rdoc_show(rdoc *d, PangoLayout *l, double x, double y, rgb c);
/* A paragraph at the cursor, indented, flowing line by line onto further pages. */
void rdoc_text(rdoc *d, const char *text, rstyle st, double indent, rgb c);
/* The height rdoc_text would take. */
double rdoc_text_h(rdoc *d, const char *text, rstyle st, double indent);
/* A section heading kept together with `keep` points of what follows. */
void rdoc_heading(rdoc *d, const char *text, rstyle st, double keep);
void rdoc_gap(rdoc *d, double h);
void rdoc_rule(rdoc *d, rgb c);

/* One table row of n cells side by side (x offsets from the margin, widths); too tall a row for a
 * page flows cell after cell instead. */
typedef struct rcell {
    const char *text;
    rstyle st;
    rgb c;
    double x, w;
    int markup;          /* text is pango markup */
} rcell;
void rdoc_row(rdoc *d, const rcell *cells, int n, double pad);

/* Colours shared by the pages and charts. */
extern const rgb RC_INK, RC_MUTED, RC_ACCENT, RC_GOOD, RC_BAD, RC_GRID;
/* Warning level 0 blue .. 3 red. */
rgb rc_level(int level);

/* ---- Charts ---- */

/* A curve over simulation time: values v[i] at t[i], optional warning level per point as a colour
 * band, optional action times marked and numbered from 1. */
typedef struct rcurve {
    const char *title, *unit;
    const double *t, *v;
    const int *level;       /* or NULL */
    int n;
    double span;            /* seconds the x axis covers at least */
    const double *marks;    /* action times, or NULL */
    int n_marks;
    int percent;            /* values are shares 0..1, shown as % */
    rgb c;
    int strip;              /* no values: only the level band, the actions and the time axis (a timeline strip) */
} rcurve;
/* Draw at the cursor, h points high (title and axis labels included); moves the cursor. */
void rchart_curve(rdoc *d, const rcurve *c, double h);

/* A radar of n axes (values 0..100, < 0 for none) for up to 4 series with legend names. */
typedef struct rradar {
    const char *title;
    const char *const *axes;
    int n;
    const double *series[4];
    const char *names[4];
    int n_series;
} rradar;
void rchart_radar(rdoc *d, const rradar *r, double h);

/* Points joined by lines over categories (x labels), y from 0 to 100. */
typedef struct rtrend {
    const char *title;
    const char *const *labels;
    const double *v;
    int n;
    rgb c;
} rtrend;
void rchart_trend(rdoc *d, const rtrend *t, double h);

/* Several radars side by side, `cols` to a row, each h points high. */
void rchart_radars(rdoc *d, const rradar *r, int n, int cols, double h);

/* Vertical bars of counts over categories for up to 2 series with legend names. */
typedef struct rbars {
    const char *title;
    const char *const *labels;
    int n;
    const int *v[2];
    const char *names[2];
    int n_series;
} rbars;
void rchart_bars(rdoc *d, const rbars *b, double h);

/* One bar per row: the share part / of, e.g. trainees who lost points on a rubric line. */
typedef struct rshare {
    const char *label;
    int part, of;
} rshare;
void rchart_shares(rdoc *d, const char *title, const rshare *rows, int n);

/* ---- The merged timeline of a replayed world ---- */

typedef struct rentry {
    sim_time t;
    int action;          /* index in w->log, or -1 */
    int event;           /* index in w->events, or -1 */
    const char *kind;    /* action or event type name: "statement", "inject" ... */
    const char *label;   /* its name in the report's language */
    const char *text;    /* borrowed from the world or scenario; may be "" */
    const char *extra;   /* level / channel / target detail, or NULL */
    char buf[96];        /* storage for a detail built on the fly */
} rentry;
/* Every applied action and every key event, in time order (actions first on a tie). *out malloc'd. */
int rtimeline_build(const sim_world *w, const report_words *words, rentry **out, int *n);

/* ---- Documents ---- */

/* The session report as a PDF (session_pdf.c). */
int rsession_pdf(const report_session *r, const char *path, char *err, int errlen);
/* The session's rubric lines, one row each, as REPORT_XLSX or REPORT_CSV (sheet_rows.c). */
int rsession_sheet(const report_session *r, int format, const char *path, char *err, int errlen);
/* The class's records: one row per session and rubric line, and (XLSX only) one per trainee and drill. */
int rclass_sheet(const report_group *g, int n_groups, const report_words *w, int format, const char *path, char *err,
                 int errlen);

/* ---- Tables of records for spreadsheets ---- */

typedef struct rsheet_cell {
    char *text;          /* owned; NULL for a number */
    double num;
    int is_num;
} rsheet_cell;

/* A table: cells row by row, n_cols to a row, the first row the header. */
typedef struct rsheet {
    const char *name;    /* the worksheet's name (borrowed, at most 31 characters) */
    int n_cols;
    rsheet_cell *cells; int n, cap;
    int oom;             /* an allocation failed: the table is refused when written */
} rsheet;
/* Start a table whose header is the words of keys[0..n_cols). */
void rsheet_init(rsheet *s, const char *name, const report_words *w, const char *const *keys, int n_cols);
void rsheet_text(rsheet *s, const char *text);
/* A number rounded to 0.01. */
void rsheet_num(rsheet *s, double v);
void rsheet_free(rsheet *s);
/* Write tables s[0..n) to path: REPORT_XLSX one worksheet each, REPORT_CSV the first table.
 * 0, or -1 with a message. */
int rsheet_write(const rsheet *s, int n, int format, const char *path, char *err, int errlen);

/* ---- JSON ---- */

/* v rounded to 0.01 (never "-0"), as the scorecard's own JSON has it. */
double rjson_round2(double v);
/* Print root to path (pretty) and delete it. 0, or -1 with a message. */
int rjson_write(cJSON *root, const char *path, char *err, int errlen);
/* A bilingual scenario text as {"zh":..., "en":...}. */
cJSON *rjson_text(const sim_text *t);
/* A scorecard line as JSON (id, title, category, points, max, computed, why, evidence, override). */
cJSON *rjson_line(const score_line *l, const char *lang);
cJSON *rjson_competencies(const double *c);
/* A session's label on charts: its start as "YYYY-MM-DD HH:MM" (UTC) and its id. */
void rentry_label(const report_entry *e, char *buf, size_t len);
/* A graded session: label, id, trainee, scenario, started, total and competencies. */
cJSON *rjson_entry(const report_entry *e);

#endif
