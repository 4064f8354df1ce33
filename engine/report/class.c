/* class.c — a class summary per drill (scenario and plan) on each trainee's latest or best attempt:
 * totals histogram, who lost points on which rubric line, mistakes per trainee, median competencies. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* Whether session a was played after session b. */
static int later(const store_session *a, const store_session *b)
{
    int c = strcmp(a->started, b->started);
    return c > 0 || (c == 0 && a->id > b->id);
}

/* Whether attempt a replaces b as the one a view keeps. */
static int preferred(report_pick pick, const report_entry *a, const report_entry *b)
{
    if (pick == REPORT_BEST && a->card->total != b->card->total)
        return a->card->total > b->card->total;
    return later(a->ses, b->ses);
}

static int by_total(const void *pa, const void *pb)
{
    const report_trainee *a = pa, *b = pb;
    double x = a->entry->card->total, y = b->entry->card->total;
    if (x != y)
        return x > y ? -1 : 1;
    return strcmp(a->trainee, b->trainee);
}

static int find_line(const report_class *c, const char *id)
{
    for (int i = 0; i < c->n_lines; i++)
        if (strcmp(c->lines[i].id, id) == 0)
            return i;
    return -1;
}

static int has_quote(const score_line *l)
{
    for (int k = 0; k < l->n_ev; k++)
        if (l->ev[k].quote && l->ev[k].quote[0])
            return 1;
    return 0;
}

/* Whether (e, l) makes a better example than the one kept: a quoted statement first, then for a wrong
 * example the larger loss. */
static int better_example(const report_example *kept, const score_line *l, int wrong)
{
    if (!kept->entry)
        return 1;
    int q = has_quote(l), kq = has_quote(kept->line);
    if (q != kq)
        return q > kq;
    return wrong && l->max - l->points > kept->line->max - kept->line->points;
}

/* How far the observers' mean grade of a line in an attempt is from the line's automatic grade, in grades;
 * -1 when no observer rated the line. */
static double observers_gap(const report_entry *e, const score_line *l)
{
    double sum = 0;
    int n = 0;
    for (int i = 0; i < e->n_ratings; i++)
        if (e->ratings[i].kind == STORE_RATE_LINE && strcmp(e->ratings[i].target, l->id) == 0) {
            sum += score_grade_rank(e->ratings[i].grade);
            n++;
        }
    return n ? fabs(sum / n - score_grade_rank(score_grade_of(l->points, l->max))) : -1;
}

static void add_lines(report_class *c, report_trainee *t)
{
    const score_card *card = t->entry->card;
    for (int k = 0; k < card->n_lines; k++) {
        const score_line *l = &card->lines[k];
        if (!(l->max > 0))
            continue;
        int i = find_line(c, l->id);
        if (i < 0) {
            i = c->n_lines++;
            c->lines[i] = (report_line_stats){.id = l->id, .title = l->title, .title_en = l->title_en, .max = l->max};
        }
        report_line_stats *s = &c->lines[i];
        if (l->max > s->max)
            s->max = l->max;
        s->n++;
        s->quoted += has_quote(l);
        double gap = observers_gap(t->entry, l);
        if (gap >= 0) {
            s->rated++;
            s->gap += gap;
        }
        if (l->points < l->max) {
            s->lost++;
            s->points_lost += l->max - l->points;
            t->mistakes++;
            if (better_example(&s->wrong, l, 1))
                s->wrong = (report_example){t->entry, l};
        } else if (better_example(&s->right, l, 0)) {
            s->right = (report_example){t->entry, l};
        }
    }
}

/* The share of the class's possible points on a line that was lost; trainees the line did not apply to
 * lost none, so a line few met ranks below one the whole class lost. */
static double share_lost(const report_class *c, const report_line_stats *l)
{
    return c->n_trainees && l->max > 0 ? l->points_lost / (c->n_trainees * l->max) : 0;
}

/* Lost line a before b: the larger share of the class's points lost, then more trainees, then first seen. */
static int more_lost(const report_class *c, int a, int b)
{
    const report_line_stats *x = &c->lines[a], *y = &c->lines[b];
    double sx = share_lost(c, x), sy = share_lost(c, y);
    if (sx != sy)
        return sx > sy;
    if (x->lost != y->lost)
        return x->lost > y->lost;
    return a < b;
}

/* A line's mean gap between observers and the automatic score, in grades; -1 when nobody was rated on it. */
static double mean_gap(const report_line_stats *l)
{
    return l->rated ? l->gap / l->rated : -1;
}

static int summarise(report_class *c, double *v)
{
    for (int i = 0; i < c->n_trainees; i++) {
        double t = c->trainees[i].entry->card->total;
        v[i] = t;
        int bin = (int)(t / (100.0 / REPORT_HIST_BINS));
        c->hist[bin < 0 ? 0 : bin >= REPORT_HIST_BINS ? REPORT_HIST_BINS - 1 : bin]++;
    }
    if (report_dist_compute(v, c->n_trainees, &c->totals))
        return -1;
    for (int k = 0; k < SCORE_COMPETENCY_COUNT; k++) {
        int m = 0;
        for (int i = 0; i < c->n_trainees; i++)
            if (c->trainees[i].entry->card->competencies[k] >= 0)
                v[m++] = c->trainees[i].entry->card->competencies[k];
        report_dist d;
        if (report_dist_compute(v, m, &d))
            return -1;
        c->median[k] = m ? d.median : -1;
    }
    return 0;
}

int report_class_build(const report_entry *e, int n, report_pick pick, report_class *out)
{
    memset(out, 0, sizeof *out);
    out->pick = pick;
    int max_lines = 0;
    for (int i = 0; i < n; i++)
        max_lines += e[i].card->n_lines;
    out->trainees = calloc((size_t)n + 1, sizeof *out->trainees);
    out->lines = calloc((size_t)max_lines + 1, sizeof *out->lines);
    out->lost = calloc((size_t)max_lines + 1, sizeof *out->lost);
    double *v = calloc((size_t)n + 1, sizeof *v);
    if (!out->trainees || !out->lines || !out->lost || !v) {
        free(v);
        report_class_free(out);
        return -1;
    }
    for (int i = 0; i < n; i++) {
        int r = 0;
        while (r < out->n_trainees && strcmp(out->trainees[r].trainee, e[i].ses->trainee) != 0)
            r++;
        if (r == out->n_trainees)
            out->trainees[out->n_trainees++] = (report_trainee){.trainee = e[i].ses->trainee, .entry = &e[i]};
        else if (preferred(pick, &e[i], out->trainees[r].entry))
            out->trainees[r].entry = &e[i];
        out->trainees[r].attempts++;
    }
    qsort(out->trainees, (size_t)out->n_trainees, sizeof *out->trainees, by_total);
    for (int i = 0; i < out->n_trainees; i++)
        add_lines(out, &out->trainees[i]);
    int rc = summarise(out, v);
    free(v);
    if (rc) {
        report_class_free(out);
        return -1;
    }
    for (int i = 0; i < out->n_lines; i++) {
        if (out->lines[i].lost == 0)
            continue;
        int pos = out->n_lost++;
        while (pos > 0 && more_lost(out, i, out->lost[pos - 1])) {
            out->lost[pos] = out->lost[pos - 1];
            pos--;
        }
        out->lost[pos] = i;
    }
    /* where observers and the automatic score disagree most, the largest mean gap first */
    for (int i = 0; i < out->n_lines; i++) {
        double g = mean_gap(&out->lines[i]);
        if (g < REPORT_GAP_FLAG)
            continue;
        int pos = out->n_disagree;
        while (pos > 0 && g > mean_gap(&out->lines[out->disagree[pos - 1]]))
            pos--;
        if (pos >= REPORT_DISAGREE)
            continue;
        int last = out->n_disagree < REPORT_DISAGREE ? out->n_disagree++ : REPORT_DISAGREE - 1;
        memmove(&out->disagree[pos + 1], &out->disagree[pos], (size_t)(last - pos) * sizeof out->disagree[0]);
        out->disagree[pos] = i;
    }
    /* what to teach next: lines the class lost most, those with statements to show first */
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < out->n_lost && out->n_teach < REPORT_TEACH_NEXT; i++)
            if ((out->lines[out->lost[i]].quoted > 0) == (pass == 0))
                out->teach[out->n_teach++] = out->lost[i];
    return 0;
}

void report_class_free(report_class *c)
{
    free(c->trainees);
    free(c->lines);
    free(c->lost);
    memset(c, 0, sizeof *c);
}

static const char *card_plan(const report_entry *e)
{
    return e->card->plan ? e->card->plan : "";
}

int report_groups_build(const report_entry *e, int n, report_group **out, int *n_groups)
{
    *out = calloc((size_t)n + 1, sizeof **out);
    *n_groups = 0;
    if (!*out)
        return -1;
    for (int i = 0; i < n; i++) {
        int g = 0;
        while (g < *n_groups && (strcmp((*out)[g].scenario, e[i].ses->scenario) != 0 ||
                                 strcmp((*out)[g].plan, card_plan(&e[i])) != 0))
            g++;
        if (g == *n_groups) {
            report_group *ng = &(*out)[(*n_groups)++];
            ng->scenario = e[i].ses->scenario;
            ng->plan = card_plan(&e[i]);
            if (!(ng->entries = calloc((size_t)n, sizeof *ng->entries))) {
                report_groups_free(*out, *n_groups);
                *out = NULL;
                return -1;
            }
        }
        (*out)[g].entries[(*out)[g].n++] = e[i];
    }
    for (int g = 0; g < *n_groups; g++) {
        report_group *gr = &(*out)[g];
        if (report_class_build(gr->entries, gr->n, REPORT_LATEST, &gr->latest) ||
            report_class_build(gr->entries, gr->n, REPORT_BEST, &gr->best)) {
            report_groups_free(*out, *n_groups);
            *out = NULL;
            return -1;
        }
    }
    return 0;
}

void report_groups_free(report_group *g, int n)
{
    for (int i = 0; g && i < n; i++) {
        report_class_free(&g[i].latest);
        report_class_free(&g[i].best);
        free(g[i].entries);
    }
    free(g);
}
