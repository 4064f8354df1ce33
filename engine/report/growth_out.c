/* growth_out.c — a trainee's growth written out: the totals over time, the first and latest attempts'
 * competency radar and a table of sessions, as PDF pages or the same as JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"

static int growth_json(const char *trainee, const report_entry *e, int n, const char *path, char *err, int errlen)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "report", "growth");
    cJSON_AddStringToObject(root, "trainee", trainee);
    cJSON *arr = cJSON_AddArrayToObject(root, "sessions");
    for (int i = 0; i < n; i++)
        cJSON_AddItemToArray(arr, rjson_entry(&e[i]));
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
        rentry_label(&e[i], dates[i], sizeof dates[i]);
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
