/* class.c — a class summary from many graded sessions: each rubric line's distribution of points,
 * the most common mistakes (lines scored under half marks) and the trainees ranked by latest total. */
#include <stdlib.h>
#include <string.h>

#include "report.h"

typedef struct collect {
    double *v;
    int n;
} collect;

static int find_line(const report_class *c, const char *id)
{
    for (int i = 0; i < c->n_lines; i++)
        if (strcmp(c->lines[i].id, id) == 0)
            return i;
    return -1;
}

static int find_trainee(const report_class *c, const char *name)
{
    for (int i = 0; i < c->n_ranking; i++)
        if (strcmp(c->ranking[i].trainee, name) == 0)
            return i;
    return -1;
}

/* Whether session a was played after session b. */
static int later(const store_session *a, const store_session *b)
{
    int c = strcmp(a->started, b->started);
    return c > 0 || (c == 0 && a->id > b->id);
}

/* Mistake a before b: missed by more sessions, then the lower median share, then first seen. */
static int worse(const report_class *c, int a, int b)
{
    const report_line_stats *x = &c->lines[a], *y = &c->lines[b];
    if (x->below_half != y->below_half)
        return x->below_half > y->below_half;
    double rx = x->points.median / x->max, ry = y->points.median / y->max;
    if (rx != ry)
        return rx < ry;
    return a < b;
}

static int by_total(const void *pa, const void *pb)
{
    const report_rank *a = pa, *b = pb;
    if (a->total != b->total)
        return a->total > b->total ? -1 : 1;
    if (a->best != b->best)
        return a->best > b->best ? -1 : 1;
    return strcmp(a->trainee, b->trainee);
}

static int add_entry(report_class *c, collect *col, int n_entries, const report_entry *e, const store_session **latest)
{
    for (int k = 0; k < e->card->n_lines; k++) {
        const score_line *l = &e->card->lines[k];
        if (!(l->max > 0))
            continue;
        int i = find_line(c, l->id);
        if (i < 0) {
            i = c->n_lines++;
            c->lines[i] = (report_line_stats){.id = l->id, .title = l->title, .title_en = l->title_en,
                                                  .max = l->max};
        }
        if (l->max > c->lines[i].max)
            c->lines[i].max = l->max;
        if (l->points < l->max / 2)
            c->lines[i].below_half++;
        if (col[i].n < n_entries)
            col[i].v[col[i].n++] = l->points;
    }
    int r = find_trainee(c, e->ses->trainee);
    if (r < 0) {
        r = c->n_ranking++;
        c->ranking[r] = (report_rank){.trainee = e->ses->trainee, .total = e->card->total, .best = e->card->total};
        latest[r] = e->ses;
    } else if (later(e->ses, latest[r])) {
        c->ranking[r].total = e->card->total;
        latest[r] = e->ses;
    }
    if (e->card->total > c->ranking[r].best)
        c->ranking[r].best = e->card->total;
    c->ranking[r].sessions++;
    return 0;
}

int report_class_build(const report_entry *e, int n, report_class *out)
{
    memset(out, 0, sizeof *out);
    int max_lines = 0;
    for (int i = 0; i < n; i++)
        max_lines += e[i].card->n_lines;
    out->lines = calloc((size_t)max_lines + 1, sizeof *out->lines);
    out->mistakes = calloc((size_t)max_lines + 1, sizeof *out->mistakes);
    out->ranking = calloc((size_t)n + 1, sizeof *out->ranking);
    collect *col = calloc((size_t)max_lines + 1, sizeof *col);
    const store_session **latest = calloc((size_t)n + 1, sizeof *latest);
    double *totals = calloc((size_t)n + 1, sizeof *totals);
    int rc = out->lines && out->mistakes && out->ranking && col && latest && totals ? 0 : -1;
    for (int i = 0; !rc && i < max_lines; i++)
        if (!(col[i].v = malloc(sizeof *col[i].v * (size_t)(n + 1))))
            rc = -1;
    for (int i = 0; !rc && i < n; i++) {
        totals[i] = e[i].card->total;
        rc = add_entry(out, col, n, &e[i], latest);
    }
    for (int i = 0; !rc && i < out->n_lines; i++)
        rc = report_dist_compute(col[i].v, col[i].n, &out->lines[i].points);
    if (!rc)
        rc = report_dist_compute(totals, n, &out->totals);
    for (int i = 0; col && i < max_lines; i++)
        free(col[i].v);
    free(col);
    free(latest);
    free(totals);
    if (rc) {
        report_class_free(out);
        return -1;
    }
    out->n_sessions = n;
    for (int i = 0; i < out->n_lines; i++) {
        if (out->lines[i].below_half == 0)
            continue;
        int pos = out->n_mistakes++;
        while (pos > 0 && worse(out, i, out->mistakes[pos - 1])) {
            out->mistakes[pos] = out->mistakes[pos - 1];
            pos--;
        }
        out->mistakes[pos] = i;
    }
    qsort(out->ranking, (size_t)out->n_ranking, sizeof *out->ranking, by_total);
    return 0;
}

void report_class_free(report_class *c)
{
    free(c->lines);
    free(c->mistakes);
    free(c->ranking);
    memset(c, 0, sizeof *c);
}
