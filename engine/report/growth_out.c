/* growth_out.c — a trainee's growth written out: the totals over time, then per drill (scenario and plan)
 * the first attempt against the latest (radar, total and each competency with the change), and a table
 * of sessions, as PDF pages or the same as JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"

/* The trainee's drills (scenario and plan), in the order first played: drill[i] is the drill of entry i,
 * first[d] and last[d] its first and latest entries, count[d] its attempts. Returns the number of drills. */
typedef struct growth_drills {
    int *drill, *first, *last, *count;
    int n;
} growth_drills;

static int same_drill(const report_entry *a, const report_entry *b)
{
    return strcmp(a->ses->scenario, b->ses->scenario) == 0 && strcmp(a->ses->plan, b->ses->plan) == 0;
}

static int drills_of(const report_entry *e, int n, growth_drills *g)
{
    memset(g, 0, sizeof *g);
    size_t k = (size_t)n + 1;
    g->drill = calloc(k, sizeof *g->drill);
    g->first = calloc(k, sizeof *g->first);
    g->last = calloc(k, sizeof *g->last);
    g->count = calloc(k, sizeof *g->count);
    if (!g->drill || !g->first || !g->last || !g->count)
        return -1;
    for (int i = 0; i < n; i++) {
        int d = 0;
        while (d < g->n && !same_drill(&e[g->first[d]], &e[i]))
            d++;
        if (d == g->n)
            g->first[g->n++] = i;
        g->drill[i] = d;
        g->last[d] = i;
        g->count[d]++;
    }
    return 0;
}

static void drills_free(growth_drills *g)
{
    free(g->drill);
    free(g->first);
    free(g->last);
    free(g->count);
}

/* First attempt against latest: the total's and each competency's change (null where one has none). */
static cJSON *change_json(const report_entry *a, const report_entry *b)
{
    cJSON *ch = cJSON_CreateObject();
    cJSON_AddNumberToObject(ch, "total", rjson_round2(b->card->total - a->card->total));
    cJSON *comp = cJSON_AddObjectToObject(ch, "competencies");
    for (int k = 0; k < SCORE_COMPETENCY_COUNT; k++) {
        double x = a->card->competencies[k], y = b->card->competencies[k];
        const char *name = score_competency_name((score_competency)k);
        if (x < 0 || y < 0)
            cJSON_AddNullToObject(comp, name);
        else
            cJSON_AddNumberToObject(comp, name, rjson_round2(y - x));
    }
    return ch;
}

static int growth_json(const char *trainee, const report_entry *e, int n, const growth_drills *g, const char *path,
                       char *err, int errlen)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "report", "growth");
    cJSON_AddStringToObject(root, "trainee", trainee);
    cJSON *arr = cJSON_AddArrayToObject(root, "sessions");
    for (int i = 0; i < n; i++)
        cJSON_AddItemToArray(arr, rjson_entry(&e[i]));
    cJSON *drills = cJSON_AddArrayToObject(root, "drills");
    for (int d = 0; d < g->n; d++) {
        const report_entry *a = &e[g->first[d]], *b = &e[g->last[d]];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "scenario", a->ses->scenario);
        cJSON_AddStringToObject(o, "plan", a->ses->plan);
        cJSON_AddNumberToObject(o, "attempts", g->count[d]);
        cJSON *ids = cJSON_AddArrayToObject(o, "sessions");
        for (int i = 0; i < n; i++)
            if (g->drill[i] == d)
                cJSON_AddItemToArray(ids, cJSON_CreateNumber((double)e[i].ses->id));
        cJSON_AddNumberToObject(o, "first", (double)a->ses->id);
        cJSON_AddNumberToObject(o, "latest", (double)b->ses->id);
        if (g->count[d] > 1)
            cJSON_AddItemToObject(o, "change", change_json(a, b));
        else
            cJSON_AddNullToObject(o, "change");
        cJSON_AddItemToArray(drills, o);
    }
    return rjson_write(root, path, err, errlen);
}

/* One drill's section: its name, then first against latest — a radar and a table of the total and each
 * competency with the change — or a line saying there is only one attempt. */
static void drill_section(rdoc *d, const report_words *w, const report_entry *a, const report_entry *b, int attempts,
                          const char **axes, double bw)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s%s%s · %s", report_word(w, "growth.drill"), report_word(w, "punct.colon"),
             a->ses->scenario, a->ses->plan);
    rdoc_heading(d, buf, RS_H1, attempts > 1 ? 300 : 60);
    if (attempts < 2) {
        rdoc_text(d, report_word(w, "growth.once"), RS_BODY, 0, RC_MUTED);
        return;
    }
    rradar radar = {.title = report_word(w, "chart.before_after"), .axes = axes, .n = SCORE_COMPETENCY_COUNT};
    radar.series[radar.n_series] = a->card->competencies;
    radar.names[radar.n_series++] = report_word(w, "growth.first");
    radar.series[radar.n_series] = b->card->competencies;
    radar.names[radar.n_series++] = report_word(w, "growth.latest");
    rchart_radar(d, &radar, 200);
    double cw = (bw - 130) / 3;
    rcell head[4] = {{"", RS_BOLD, RC_MUTED, 0, 126, 0},
                     {report_word(w, "growth.first"), RS_BOLD, RC_MUTED, 130, cw - 2, 0},
                     {report_word(w, "growth.latest"), RS_BOLD, RC_MUTED, 130 + cw, cw - 2, 0},
                     {report_word(w, "growth.change"), RS_BOLD, RC_MUTED, 130 + 2 * cw, cw - 2, 0}};
    rdoc_row(d, head, 4, 3);
    for (int k = -1; k < SCORE_COMPETENCY_COUNT; k++) {
        double x = k < 0 ? a->card->total : a->card->competencies[k], y = k < 0 ? b->card->total : b->card->competencies[k];
        char v[3][24];
        snprintf(v[0], sizeof v[0], x < 0 ? "—" : "%.1f", x);
        snprintf(v[1], sizeof v[1], y < 0 ? "—" : "%.1f", y);
        snprintf(v[2], sizeof v[2], x < 0 || y < 0 ? "—" : "%+.1f", y - x);
        rcell row[4] = {{k < 0 ? report_word(w, "growth.total") : axes[k], RS_BODY, RC_INK, 0, 126, 0},
                        {v[0], RS_BODY, RC_INK, 130, cw - 2, 0},
                        {v[1], RS_BOLD, RC_INK, 130 + cw, cw - 2, 0},
                        {v[2], RS_BODY, y >= x ? RC_ACCENT : RC_MUTED, 130 + 2 * cw, cw - 2, 0}};
        rdoc_row(d, row, 4, 3);
    }
}

static int growth_pdf(const char *trainee, const report_entry *e, int n, const growth_drills *g, const report_words *w,
                      const char *path, char *err, int errlen)
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
    for (int dr = 0; dr < g->n; dr++)
        drill_section(&d, w, &e[g->first[dr]], &e[g->last[dr]], g->count[dr], axes, bw);

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
    growth_drills g;
    int rc;
    if (drills_of(e, n, &g)) {
        snprintf(err, (size_t)errlen, "growth: out of memory");
        rc = -1;
    } else {
        switch (report_format_of(path)) {
        case REPORT_PDF: rc = growth_pdf(trainee, e, n, &g, w, path, err, errlen); break;
        case REPORT_JSON: rc = growth_json(trainee, e, n, &g, path, err, errlen); break;
        default:
            snprintf(err, (size_t)errlen, "%s: the growth chart is written as .pdf or .json", path);
            rc = -1;
        }
    }
    drills_free(&g);
    return rc;
}
