/* class_out.c — the class summary written out, one section per drill (scenario and plan): totals
 * histogram, trainees, what to teach next with examples, lines lost, radars; as PDF pages or JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"

static cJSON *dist_json(const report_dist *d)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "n", d->n);
    cJSON_AddNumberToObject(o, "min", rjson_round2(d->min));
    cJSON_AddNumberToObject(o, "median", rjson_round2(d->median));
    cJSON_AddNumberToObject(o, "max", rjson_round2(d->max));
    cJSON_AddNumberToObject(o, "mean", rjson_round2(d->mean));
    return o;
}

/* A line's title in the report's language; its id when the cards carry none. */
static const char *stats_title(const report_line_stats *l, const report_words *w)
{
    if (strcmp(report_words_lang(w), "en") == 0 && l->title_en && l->title_en[0])
        return l->title_en;
    return l->title && l->title[0] ? l->title : l->id;
}

/* The plan clause a line grades: the plan's title and the line's. */
static const char *clause(const report_group *g, const report_line_stats *l, const report_words *w, char *buf,
                          size_t len)
{
    snprintf(buf, len, "%s · %s", g->plan_title ? g->plan_title : g->plan, stats_title(l, w));
    return buf;
}

/* The statement an example quotes: its first evidence quote, or NULL. */
static const char *example_quote(const report_example *x)
{
    for (int k = 0; x->line && k < x->line->n_ev; k++)
        if (x->line->ev[k].quote && x->line->ev[k].quote[0])
            return x->line->ev[k].quote;
    return NULL;
}

static cJSON *example_json(const report_example *x, const report_words *w)
{
    if (!x->entry)
        return cJSON_CreateNull();
    cJSON *o = cJSON_CreateObject();
    const char *q = example_quote(x);
    cJSON_AddStringToObject(o, "trainee", x->entry->ses->trainee);
    cJSON_AddNumberToObject(o, "session", (double)x->entry->ses->id);
    cJSON_AddNumberToObject(o, "points", rjson_round2(x->line->points));
    if (q)
        cJSON_AddStringToObject(o, "quote", q);
    else
        cJSON_AddNullToObject(o, "quote");
    cJSON_AddStringToObject(o, "why", score_line_why_in(x->line, report_words_lang(w)));
    return o;
}

static cJSON *view_json(const report_group *g, const report_class *c, const report_words *w)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "totals", dist_json(&c->totals));
    cJSON_AddItemToObject(o, "histogram", cJSON_CreateIntArray(c->hist, REPORT_HIST_BINS));
    cJSON_AddItemToObject(o, "median_competencies", rjson_competencies(c->median));
    cJSON *tr = cJSON_AddArrayToObject(o, "trainees");
    for (int i = 0; i < c->n_trainees; i++) {
        const report_trainee *t = &c->trainees[i];
        cJSON *x = cJSON_CreateObject();
        cJSON_AddStringToObject(x, "trainee", t->trainee);
        cJSON_AddNumberToObject(x, "session", (double)t->entry->ses->id);
        cJSON_AddNumberToObject(x, "total", rjson_round2(t->entry->card->total));
        cJSON_AddNumberToObject(x, "attempts", t->attempts);
        cJSON_AddNumberToObject(x, "mistakes", t->mistakes);
        cJSON_AddItemToObject(x, "competencies", rjson_competencies(t->entry->card->competencies));
        cJSON_AddItemToArray(tr, x);
    }
    cJSON *lines = cJSON_AddArrayToObject(o, "lines");
    for (int i = 0; i < c->n_lines; i++) {
        const report_line_stats *l = &c->lines[i];
        cJSON *x = cJSON_CreateObject();
        cJSON_AddStringToObject(x, "id", l->id);
        cJSON_AddStringToObject(x, "title", stats_title(l, w));
        cJSON_AddNumberToObject(x, "max", rjson_round2(l->max));
        cJSON_AddNumberToObject(x, "trainees", l->n);
        cJSON_AddNumberToObject(x, "lost", l->lost);
        cJSON_AddNumberToObject(x, "share_lost", rjson_round2(l->n ? (double)l->lost / l->n : 0));
        cJSON_AddNumberToObject(x, "points_lost", rjson_round2(l->points_lost));
        cJSON_AddNumberToObject(x, "quoted", l->quoted);
        cJSON_AddNumberToObject(x, "observer_rated", l->rated);
        if (l->rated)
            cJSON_AddNumberToObject(x, "observer_gap", rjson_round2(l->gap / l->rated));
        else
            cJSON_AddNullToObject(x, "observer_gap");
        cJSON_AddItemToArray(lines, x);
    }
    cJSON *dis = cJSON_AddArrayToObject(o, "observers_disagree");
    for (int i = 0; i < c->n_disagree; i++) {
        const report_line_stats *l = &c->lines[c->disagree[i]];
        cJSON *x = cJSON_CreateObject();
        cJSON_AddStringToObject(x, "id", l->id);
        cJSON_AddStringToObject(x, "title", stats_title(l, w));
        cJSON_AddNumberToObject(x, "rated", l->rated);
        cJSON_AddNumberToObject(x, "gap", rjson_round2(l->gap / l->rated));
        cJSON_AddItemToArray(dis, x);
    }
    cJSON *teach = cJSON_AddArrayToObject(o, "teach_next");
    for (int i = 0; i < c->n_teach; i++) {
        const report_line_stats *l = &c->lines[c->teach[i]];
        char buf[1024];
        cJSON *x = cJSON_CreateObject();
        cJSON_AddStringToObject(x, "id", l->id);
        cJSON_AddStringToObject(x, "title", stats_title(l, w));
        cJSON_AddStringToObject(x, "clause", clause(g, l, w, buf, sizeof buf));
        cJSON_AddNumberToObject(x, "lost", l->lost);
        cJSON_AddNumberToObject(x, "of", l->n);
        cJSON_AddItemToObject(x, "right", example_json(&l->right, w));
        cJSON_AddItemToObject(x, "wrong", example_json(&l->wrong, w));
        cJSON_AddItemToArray(teach, x);
    }
    return o;
}

static cJSON *class_root(const report_group *g, int n_groups, const char *scenario, const report_words *w)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "report", "class_summary");
    if (scenario)
        cJSON_AddStringToObject(root, "scenario", scenario);
    else
        cJSON_AddNullToObject(root, "scenario");
    cJSON *arr = cJSON_AddArrayToObject(root, "drills");
    for (int i = 0; i < n_groups; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "scenario", g[i].scenario);
        cJSON_AddStringToObject(o, "plan", g[i].plan);
        cJSON_AddStringToObject(o, "plan_title", g[i].plan_title ? g[i].plan_title : g[i].plan);
        cJSON *ses = cJSON_AddArrayToObject(o, "sessions");
        for (int k = 0; k < g[i].n; k++)
            cJSON_AddItemToArray(ses, rjson_entry(&g[i].entries[k]));
        cJSON_AddItemToObject(o, "latest", view_json(&g[i], &g[i].latest, w));
        cJSON_AddItemToObject(o, "best", view_json(&g[i], &g[i].best, w));
        cJSON_AddItemToArray(arr, o);
    }
    return root;
}

char *report_class_json(const report_group *g, int n_groups, const char *scenario, const report_words *w)
{
    cJSON *root = class_root(g, n_groups, scenario, w);
    char *text = root ? cJSON_Print(root) : NULL;
    cJSON_Delete(root);
    return text;
}

static void pdf_histogram(rdoc *d, const report_group *g, const report_words *w)
{
    char labels[REPORT_HIST_BINS][16];
    const char *lp[REPORT_HIST_BINS];
    for (int b = 0; b < REPORT_HIST_BINS; b++) {
        snprintf(labels[b], sizeof labels[b], "%d–%d", b * 100 / REPORT_HIST_BINS, (b + 1) * 100 / REPORT_HIST_BINS);
        lp[b] = labels[b];
    }
    rbars bars = {report_word(w, "chart.histogram"), lp, REPORT_HIST_BINS, {g->latest.hist, g->best.hist},
                  {report_word(w, "class.latest"), report_word(w, "class.best")}, 2};
    rchart_bars(d, &bars, 150);
}

static const report_trainee *find_trainee(const report_class *c, const char *name)
{
    for (int i = 0; i < c->n_trainees; i++)
        if (strcmp(c->trainees[i].trainee, name) == 0)
            return &c->trainees[i];
    return NULL;
}

static void pdf_trainees(rdoc *d, const report_group *g, const report_words *w)
{
    double bw = rdoc_body_width(d);
    rdoc_heading(d, report_word(w, "section.trainees"), RS_H1, 40);
    rcell head[5] = {{report_word(w, "class.trainee"), RS_BOLD, RC_MUTED, 0, 170, 0},
                     {report_word(w, "class.count"), RS_BOLD, RC_MUTED, 174, 70, 0},
                     {report_word(w, "class.latest"), RS_BOLD, RC_MUTED, 248, 80, 0},
                     {report_word(w, "class.best"), RS_BOLD, RC_MUTED, 332, 80, 0},
                     {report_word(w, "class.mistakes"), RS_BOLD, RC_MUTED, 416, bw - 416, 0}};
    rdoc_row(d, head, 5, 3);
    for (int i = 0; i < g->latest.n_trainees; i++) {
        const report_trainee *t = &g->latest.trainees[i], *b = find_trainee(&g->best, t->trainee);
        char cnt[16], tot[32], best[32], mis[32];
        snprintf(cnt, sizeof cnt, "%d", t->attempts);
        snprintf(tot, sizeof tot, "%.1f", t->entry->card->total);
        snprintf(best, sizeof best, "%.1f", b ? b->entry->card->total : t->entry->card->total);
        snprintf(mis, sizeof mis, "%d", t->mistakes);
        rcell row[5] = {{t->trainee, RS_BODY, RC_INK, 0, 170, 0}, {cnt, RS_BODY, RC_INK, 174, 70, 0},
                        {tot, RS_BOLD, RC_INK, 248, 80, 0}, {best, RS_BODY, RC_INK, 332, 80, 0},
                        {mis, RS_BODY, t->mistakes ? RC_BAD : RC_GOOD, 416, bw - 416, 0}};
        rdoc_row(d, row, 5, 3);
    }
    rdoc_text(d, report_word(w, "class.mistakes_note"), RS_SMALL, 0, RC_MUTED);
}

static void pdf_example(rdoc *d, const report_example *x, const char *key, rgb c, const report_words *w)
{
    char buf[2048];
    if (!x->entry) {
        snprintf(buf, sizeof buf, "%s%s%s", report_word(w, key), report_word(w, "punct.colon"),
                 report_word(w, "class.no_example"));
        rdoc_text(d, buf, RS_BODY, 12, RC_MUTED);
        return;
    }
    const char *q = example_quote(x);
    snprintf(buf, sizeof buf, "%s%s%s%s%s%s", report_word(w, key), report_word(w, "punct.open"), x->entry->ses->trainee,
             report_word(w, "punct.close"), report_word(w, "punct.colon"),
             q ? q : report_word(w, "class.no_quote"));
    rdoc_text(d, buf, RS_BODY, 12, c);
    rdoc_text(d, score_line_why_in(x->line, report_words_lang(w)), RS_SMALL, 24, RC_MUTED);
}

/* Lines where observers' grades and the automatic score differ by a grade or more on average. */
static void pdf_disagree(rdoc *d, const report_group *g, const report_words *w)
{
    const report_class *c = &g->latest;
    if (!c->n_disagree)
        return;
    rdoc_heading(d, report_word(w, "section.disagree"), RS_H1, 60);
    rdoc_text(d, report_word(w, "class.disagree_hint"), RS_BODY, 0, RC_MUTED);
    for (int i = 0; i < c->n_disagree; i++) {
        const report_line_stats *l = &c->lines[c->disagree[i]];
        char buf[512];
        snprintf(buf, sizeof buf, "%d. %s — %.1f %s (%d %s)", i + 1, stats_title(l, w), l->gap / l->rated,
                 report_word(w, "class.grades_apart"), l->rated, report_word(w, "class.rated_by_observers"));
        rdoc_text(d, buf, RS_BODY, 0, RC_INK);
    }
}

static void pdf_teach(rdoc *d, const report_group *g, const report_words *w)
{
    const report_class *c = &g->latest;
    rdoc_heading(d, report_word(w, "section.teach_next"), RS_H1, 80);
    if (!c->n_teach)
        rdoc_text(d, report_word(w, "class.no_mistakes"), RS_BODY, 0, RC_MUTED);
    for (int i = 0; i < c->n_teach; i++) {
        const report_line_stats *l = &c->lines[c->teach[i]];
        char buf[1200], cl[1024];
        snprintf(buf, sizeof buf, "%d. %s — %d / %d %s", i + 1, stats_title(l, w), l->lost, l->n,
                 report_word(w, "class.lost_by"));
        rdoc_heading(d, buf, RS_H2, 60);
        snprintf(buf, sizeof buf, "%s%s%s", report_word(w, "class.clause"), report_word(w, "punct.colon"),
                 clause(g, l, w, cl, sizeof cl));
        rdoc_text(d, buf, RS_BODY, 12, RC_INK);
        pdf_example(d, &l->right, "class.right", RC_GOOD, w);
        pdf_example(d, &l->wrong, "class.wrong", RC_BAD, w);
        rdoc_gap(d, 4);
    }
}

static int pdf_lines_and_radars(rdoc *d, const report_group *g, const report_words *w)
{
    const report_class *c = &g->latest;
    rshare *rows = calloc((size_t)c->n_lines + 1, sizeof *rows);
    rradar *radars = calloc((size_t)c->n_trainees + 1, sizeof *radars);
    if (!rows || !radars) {
        free(rows);
        free(radars);
        return -1;
    }
    for (int i = 0; i < c->n_lines; i++)
        rows[i] = (rshare){stats_title(&c->lines[i], w), c->lines[i].lost, c->lines[i].n};
    rdoc_heading(d, report_word(w, "section.lines_lost"), RS_H1, 60);
    rchart_shares(d, report_word(w, "chart.lines_lost"), rows, c->n_lines);

    const char *axes[SCORE_COMPETENCY_COUNT];
    char keys[SCORE_COMPETENCY_COUNT][48];
    for (int k = 0; k < SCORE_COMPETENCY_COUNT; k++) {
        snprintf(keys[k], sizeof keys[k], "competency.%s", score_competency_name((score_competency)k));
        axes[k] = report_word(w, keys[k]);
    }
    for (int i = 0; i < c->n_trainees; i++)
        radars[i] = (rradar){.title = c->trainees[i].trainee, .axes = axes, .n = SCORE_COMPETENCY_COUNT,
                             .series = {c->median, c->trainees[i].entry->card->competencies},
                             .names = {report_word(w, "class.median"), c->trainees[i].trainee}, .n_series = 2};
    rdoc_heading(d, report_word(w, "section.class_radar"), RS_H1, 200);
    rdoc_text(d, report_word(w, "class.radar_note"), RS_SMALL, 0, RC_MUTED);
    rchart_radars(d, radars, c->n_trainees, 2, 200);
    free(rows);
    free(radars);
    return 0;
}

static int class_pdf(const report_group *g, int n_groups, const char *scenario, const report_words *w,
                     const char *path, char *err, int errlen)
{
    rdoc d;
    char buf[1024];
    snprintf(buf, sizeof buf, "%s · %s", report_word(w, "title.class"), scenario ? scenario : report_word(w, "class.all"));
    if (rdoc_open(&d, path, w, buf, err, errlen))
        return -1;
    rdoc_text(&d, report_word(w, "title.class"), RS_TITLE, 0, RC_ACCENT);
    rdoc_text(&d, report_word(w, "class.basis"), RS_SMALL, 0, RC_MUTED);
    int rc = 0;
    for (int i = 0; !rc && i < n_groups; i++) {
        if (i > 0)
            rdoc_page(&d);
        snprintf(buf, sizeof buf, "%s · %s", g[i].scenario, g[i].plan_title ? g[i].plan_title : g[i].plan);
        rdoc_heading(&d, buf, RS_H1, 200);
        snprintf(buf, sizeof buf, "%s %d · %s %d · %s %.1f / %.1f / %.1f", report_word(w, "class.sessions"), g[i].n,
                 report_word(w, "class.trainees"), g[i].latest.n_trainees, report_word(w, "class.totals"),
                 g[i].latest.totals.min, g[i].latest.totals.median, g[i].latest.totals.max);
        rdoc_text(&d, buf, RS_BODY, 0, RC_MUTED);
        rdoc_gap(&d, 4);
        pdf_histogram(&d, &g[i], w);
        pdf_trainees(&d, &g[i], w);
        pdf_teach(&d, &g[i], w);
        pdf_disagree(&d, &g[i], w);
        rc = pdf_lines_and_radars(&d, &g[i], w);
    }
    if (rc) {
        rdoc_close(&d, err, errlen);
        snprintf(err, (size_t)errlen, "class summary: out of memory");
        return -1;
    }
    return rdoc_close(&d, err, errlen);
}

int report_class_write(const report_group *g, int n_groups, const char *scenario, const report_words *w,
                       const char *path, char *err, int errlen)
{
    switch (report_format_of(path)) {
    case REPORT_PDF: return class_pdf(g, n_groups, scenario, w, path, err, errlen);
    case REPORT_JSON: return rjson_write(class_root(g, n_groups, scenario, w), path, err, errlen);
    case REPORT_XLSX:
    case REPORT_CSV: return rclass_sheet(g, n_groups, w, report_format_of(path), path, err, errlen);
    default:
        snprintf(err, (size_t)errlen, "%s: the summary is written as .pdf, .json, .xlsx or .csv", path);
        return -1;
    }
}
