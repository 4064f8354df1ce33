/* class_out.c — the class summary and a trainee's growth written out: PDF pages (ranking, common
 * mistakes, per-line distributions; totals trend and before/after radar) or the same as JSON. */
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

/* A session's label on the growth axis: its start as "YYYY-MM-DD HH:MM" (UTC) and its id, so sessions
 * played on the same day, even in the same minute, stay apart. */
static void entry_label(const report_entry *e, char *buf, size_t len)
{
    const char *s = e->ses->started;
    if (strlen(s) >= 16 && s[10] == 'T')
        snprintf(buf, len, "%.10s %.5s #%lld", s, s + 11, (long long)e->ses->id);
    else
        snprintf(buf, len, "%s #%lld", s, (long long)e->ses->id);
}

static cJSON *entry_json(const report_entry *e)
{
    char label[64];
    entry_label(e, label, sizeof label);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "label", label);
    cJSON_AddNumberToObject(o, "id", (double)e->ses->id);
    cJSON_AddStringToObject(o, "trainee", e->ses->trainee);
    cJSON_AddStringToObject(o, "scenario", e->ses->scenario);
    cJSON_AddStringToObject(o, "started", e->ses->started);
    cJSON_AddNumberToObject(o, "total", rjson_round2(e->card->total));
    cJSON_AddItemToObject(o, "competencies", rjson_competencies(e->card->competencies));
    return o;
}

/* A line's title in the report's language; "" when the cards carry none. */
static const char *stats_title(const report_line_stats *l, const report_words *w)
{
    if (strcmp(report_words_lang(w), "en") == 0 && l->title_en && l->title_en[0])
        return l->title_en;
    return l->title ? l->title : "";
}

static int class_json(const report_class *c, const report_entry *e, int n, const char *scenario,
                      const report_words *w, const char *path, char *err, int errlen)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "report", "class_summary");
    if (scenario)
        cJSON_AddStringToObject(root, "scenario", scenario);
    else
        cJSON_AddNullToObject(root, "scenario");
    cJSON_AddNumberToObject(root, "sessions", c->n_sessions);
    cJSON_AddItemToObject(root, "totals", dist_json(&c->totals));
    cJSON *rank = cJSON_AddArrayToObject(root, "ranking");
    for (int i = 0; i < c->n_ranking; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "rank", i + 1);
        cJSON_AddStringToObject(o, "trainee", c->ranking[i].trainee);
        cJSON_AddNumberToObject(o, "total", rjson_round2(c->ranking[i].total));
        cJSON_AddNumberToObject(o, "best", rjson_round2(c->ranking[i].best));
        cJSON_AddNumberToObject(o, "sessions", c->ranking[i].sessions);
        cJSON_AddItemToArray(rank, o);
    }
    cJSON *lines = cJSON_AddArrayToObject(root, "lines");
    for (int i = 0; i < c->n_lines; i++) {
        const report_line_stats *l = &c->lines[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", l->id);
        cJSON_AddStringToObject(o, "title", stats_title(l, w));
        cJSON_AddNumberToObject(o, "max", rjson_round2(l->max));
        cJSON_AddItemToObject(o, "points", dist_json(&l->points));
        cJSON_AddNumberToObject(o, "below_half", l->below_half);
        cJSON_AddItemToArray(lines, o);
    }
    cJSON *mis = cJSON_AddArrayToObject(root, "common_mistakes");
    for (int i = 0; i < c->n_mistakes; i++) {
        const report_line_stats *l = &c->lines[c->mistakes[i]];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", l->id);
        cJSON_AddStringToObject(o, "title", stats_title(l, w));
        cJSON_AddNumberToObject(o, "below_half", l->below_half);
        cJSON_AddNumberToObject(o, "of", l->points.n);
        cJSON_AddItemToArray(mis, o);
    }
    cJSON *ses = cJSON_AddArrayToObject(root, "session_list");
    for (int i = 0; i < n; i++)
        cJSON_AddItemToArray(ses, entry_json(&e[i]));
    return rjson_write(root, path, err, errlen);
}

static int class_pdf(const report_class *c, const char *scenario, const report_words *w, const char *path,
                     char *err, int errlen)
{
    rdoc d;
    char buf[512];
    snprintf(buf, sizeof buf, "%s · %s", report_word(w, "title.class"), scenario ? scenario : report_word(w, "class.all"));
    if (rdoc_open(&d, path, w, buf, err, errlen))
        return -1;
    double bw = rdoc_body_width(&d);
    rdoc_text(&d, report_word(w, "title.class"), RS_TITLE, 0, RC_ACCENT);
    rdoc_text(&d, scenario ? scenario : report_word(w, "class.all"), RS_H1, 0, RC_INK);
    rdoc_gap(&d, 6);
    snprintf(buf, sizeof buf, "%s %d · %s %d · %s %.1f / %.1f / %.1f", report_word(w, "class.sessions"), c->n_sessions,
             report_word(w, "class.trainees"), c->n_ranking, report_word(w, "class.totals"), c->totals.min,
             c->totals.median, c->totals.max);
    rdoc_text(&d, buf, RS_BODY, 0, RC_MUTED);

    rdoc_heading(&d, report_word(w, "section.ranking"), RS_H1, 40);
    rcell head[5] = {{"#", RS_BOLD, RC_MUTED, 0, 24, 0},
                     {report_word(w, "class.trainee"), RS_BOLD, RC_MUTED, 28, 180, 0},
                     {report_word(w, "class.latest"), RS_BOLD, RC_MUTED, 212, 80, 0},
                     {report_word(w, "class.best"), RS_BOLD, RC_MUTED, 296, 80, 0},
                     {report_word(w, "class.count"), RS_BOLD, RC_MUTED, 380, bw - 380, 0}};
    rdoc_row(&d, head, 5, 3);
    for (int i = 0; i < c->n_ranking; i++) {
        char num[16], tot[32], best[32], cnt[16];
        snprintf(num, sizeof num, "%d", i + 1);
        snprintf(tot, sizeof tot, "%.1f", c->ranking[i].total);
        snprintf(best, sizeof best, "%.1f", c->ranking[i].best);
        snprintf(cnt, sizeof cnt, "%d", c->ranking[i].sessions);
        rcell row[5] = {{num, RS_BOLD, RC_ACCENT, 0, 24, 0}, {c->ranking[i].trainee, RS_BODY, RC_INK, 28, 180, 0},
                        {tot, RS_BOLD, RC_INK, 212, 80, 0}, {best, RS_BODY, RC_INK, 296, 80, 0},
                        {cnt, RS_BODY, RC_INK, 380, bw - 380, 0}};
        rdoc_row(&d, row, 5, 3);
    }

    rdoc_heading(&d, report_word(w, "section.mistakes"), RS_H1, 40);
    if (!c->n_mistakes)
        rdoc_text(&d, report_word(w, "class.no_mistakes"), RS_BODY, 0, RC_MUTED);
    for (int i = 0; i < c->n_mistakes && i < 10; i++) {
        const report_line_stats *l = &c->lines[c->mistakes[i]];
        char cnt[128];
        snprintf(cnt, sizeof cnt, "%d / %d %s", l->below_half, l->points.n, report_word(w, "class.below_half"));
        const char *title = stats_title(l, w);
        rcell row[2] = {{title[0] ? title : l->id, RS_BODY, RC_INK, 0, bw - 150, 0},
                        {cnt, RS_BOLD, RC_BAD, bw - 146, 146, 0}};
        rdoc_row(&d, row, 2, 3);
    }

    rdoc_heading(&d, report_word(w, "section.distribution"), RS_H1, 60);
    rdoc_text(&d, report_word(w, "class.distribution_note"), RS_SMALL, 0, RC_MUTED);
    rdoc_gap(&d, 4);
    rrange *rows = calloc((size_t)c->n_lines + 1, sizeof *rows);
    if (!rows) {
        rdoc_close(&d, err, errlen);
        snprintf(err, (size_t)errlen, "class summary: out of memory");
        return -1;
    }
    for (int i = 0; i < c->n_lines; i++) {
        const char *title = stats_title(&c->lines[i], w);
        rows[i] = (rrange){title[0] ? title : c->lines[i].id, c->lines[i].points.min, c->lines[i].points.median,
                           c->lines[i].points.max, c->lines[i].max};
    }
    rchart_ranges(&d, report_word(w, "chart.distribution"), rows, c->n_lines);
    free(rows);
    return rdoc_close(&d, err, errlen);
}

int report_class_write(const report_class *c, const report_entry *e, int n, const char *scenario,
                       const report_words *w, const char *path, char *err, int errlen)
{
    switch (report_format_of(path)) {
    case REPORT_PDF: return class_pdf(c, scenario, w, path, err, errlen);
    case REPORT_JSON: return class_json(c, e, n, scenario, w, path, err, errlen);
    default:
        snprintf(err, (size_t)errlen, "%s: the summary is written as .pdf or .json", path);
        return -1;
    }
}

static int growth_json(const char *trainee, const report_entry *e, int n, const char *path, char *err, int errlen)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "report", "growth");
    cJSON_AddStringToObject(root, "trainee", trainee);
    cJSON *arr = cJSON_AddArrayToObject(root, "sessions");
    for (int i = 0; i < n; i++)
        cJSON_AddItemToArray(arr, entry_json(&e[i]));
    if (n > 0) {
        cJSON *ch = cJSON_AddObjectToObject(root, "change");
        cJSON_AddNumberToObject(ch, "total", rjson_round2(e[n - 1].card->total - e[0].card->total));
        cJSON *comp = cJSON_AddObjectToObject(ch, "competencies");
        for (int k = 0; k < SCORE_COMPETENCY_COUNT; k++) {
            double a = e[0].card->competencies[k], b = e[n - 1].card->competencies[k];
            const char *name = score_competency_name((score_competency)k);
            if (a < 0 || b < 0)
                cJSON_AddNullToObject(comp, name);
            else
                cJSON_AddNumberToObject(comp, name, rjson_round2(b - a));
        }
    }
    return rjson_write(root, path, err, errlen);
}

static int growth_pdf(const char *trainee, const report_entry *e, int n, const report_words *w, const char *path,
                      char *err, int errlen)
{
    rdoc d;
    char buf[512];
    snprintf(buf, sizeof buf, "%s · %s", report_word(w, "title.growth"), trainee);
    if (rdoc_open(&d, path, w, buf, err, errlen))
        return -1;
    double bw = rdoc_body_width(&d);
    rdoc_text(&d, report_word(w, "title.growth"), RS_TITLE, 0, RC_ACCENT);
    rdoc_text(&d, trainee, RS_H1, 0, RC_INK);
    const char **labels = calloc((size_t)n + 1, sizeof *labels);
    char (*dates)[64] = calloc((size_t)n + 1, sizeof *dates);
    double *totals = calloc((size_t)n + 1, sizeof *totals);
    if (!labels || !dates || !totals) {
        free(labels);
        free(dates);
        free(totals);
        rdoc_close(&d, err, errlen);
        snprintf(err, (size_t)errlen, "growth: out of memory");
        return -1;
    }
    for (int i = 0; i < n; i++) {
        entry_label(&e[i], dates[i], sizeof dates[i]);
        labels[i] = dates[i];
        totals[i] = e[i].card->total;
    }
    rdoc_heading(&d, report_word(w, "section.growth_trend"), RS_H1, 200);
    rtrend trend = {report_word(w, "chart.totals"), labels, totals, n, RC_ACCENT};
    rchart_trend(&d, &trend, 200);

    const char *axes[SCORE_COMPETENCY_COUNT];
    char keys[SCORE_COMPETENCY_COUNT][48];
    for (int k = 0; k < SCORE_COMPETENCY_COUNT; k++) {
        snprintf(keys[k], sizeof keys[k], "competency.%s", score_competency_name((score_competency)k));
        axes[k] = report_word(w, keys[k]);
    }
    rradar radar = {.title = report_word(w, "chart.before_after"), .axes = axes, .n = SCORE_COMPETENCY_COUNT};
    if (n > 1) {
        radar.series[radar.n_series] = e[0].card->competencies;
        radar.names[radar.n_series++] = report_word(w, "growth.first");
    }
    if (n > 0) {
        radar.series[radar.n_series] = e[n - 1].card->competencies;
        radar.names[radar.n_series++] = report_word(w, "growth.latest");
    }
    rdoc_heading(&d, report_word(w, "section.growth_radar"), RS_H1, 240);
    rchart_radar(&d, &radar, 240);

    rdoc_heading(&d, report_word(w, "section.growth_table"), RS_H1, 40);
    double cw = (bw - 170) / SCORE_COMPETENCY_COUNT;
    rcell head[2 + SCORE_COMPETENCY_COUNT] = {{report_word(w, "growth.session"), RS_BOLD, RC_MUTED, 0, 120, 0},
                                              {report_word(w, "growth.total"), RS_BOLD, RC_MUTED, 124, 42, 0}};
    for (int k = 0; k < SCORE_COMPETENCY_COUNT; k++)
        head[2 + k] = (rcell){axes[k], RS_BOLD, RC_MUTED, 170 + k * cw, cw - 2, 0};
    rdoc_row(&d, head, 2 + SCORE_COMPETENCY_COUNT, 3);
    for (int i = 0; i < n; i++) {
        char who[160], tot[16], comp[SCORE_COMPETENCY_COUNT][16];
        snprintf(who, sizeof who, "%s\n%s", dates[i], e[i].ses->scenario);
        snprintf(tot, sizeof tot, "%.1f", e[i].card->total);
        rcell row[2 + SCORE_COMPETENCY_COUNT] = {{who, RS_SMALL, RC_INK, 0, 120, 0}, {tot, RS_BOLD, RC_INK, 124, 42, 0}};
        for (int k = 0; k < SCORE_COMPETENCY_COUNT; k++) {
            double v = e[i].card->competencies[k];
            if (v < 0)
                snprintf(comp[k], sizeof comp[k], "—");
            else
                snprintf(comp[k], sizeof comp[k], "%.0f", v);
            row[2 + k] = (rcell){comp[k], RS_BODY, RC_INK, 170 + k * cw, cw - 2, 0};
        }
        rdoc_row(&d, row, 2 + SCORE_COMPETENCY_COUNT, 3);
    }
    free(labels);
    free(dates);
    free(totals);
    return rdoc_close(&d, err, errlen);
}

int report_growth_write(const char *trainee, const report_entry *e, int n, const report_words *w,
                        const char *path, char *err, int errlen)
{
    switch (report_format_of(path)) {
    case REPORT_PDF: return growth_pdf(trainee, e, n, w, path, err, errlen);
    case REPORT_JSON: return growth_json(trainee, e, n, path, err, errlen);
    default:
        snprintf(err, (size_t)errlen, "%s: the growth chart is written as .pdf or .json", path);
        return -1;
    }
}
