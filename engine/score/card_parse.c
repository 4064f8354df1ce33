/* card_parse.c — a stored scorecard (the JSON of score_card_to_json) read back into a score_card with
 * its texts in both languages, so reports, class summaries and overrides work from what was saved. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "score.h"

static char *dup_json_str(const cJSON *obj, const char *key, int *oom)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    char *s = strdup(cJSON_IsString(v) ? v->valuestring : "");
    if (!s)
        *oom = 1;
    return s;
}

static double json_num(const cJSON *obj, const char *key, double fallback)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return cJSON_IsNumber(v) ? v->valuedouble : fallback;
}

static int parse_evidence(const cJSON *arr, score_line *l, int *oom)
{
    int n = cJSON_GetArraySize(arr);
    if (n <= 0)
        return 0;
    l->ev = calloc((size_t)n, sizeof *l->ev);
    if (!l->ev) {
        *oom = 1;
        return -1;
    }
    const cJSON *e;
    cJSON_ArrayForEach(e, arr) {
        score_evidence *ev = &l->ev[l->n_ev++];
        ev->action = (int)json_num(e, "action", -1);
        ev->t = (sim_time)json_num(e, "t", (double)SIM_NEVER);
        ev->span.start = (int)json_num(e, "start", 0);
        ev->span.len = (int)json_num(e, "len", 0);
        ev->quote = dup_json_str(e, "quote", oom);
        if (*oom)
            return -1;
    }
    return 0;
}

static int parse_line(const cJSON *o, score_line *l, int *oom)
{
    l->id = dup_json_str(o, "id", oom);
    l->title = dup_json_str(o, "title", oom);
    l->title_en = dup_json_str(o, "title_en", oom);
    l->category = dup_json_str(o, "category", oom);
    l->why = dup_json_str(o, "why", oom);
    l->why_en = dup_json_str(o, "why_en", oom);
    if (*oom)
        return -1;
    l->points = json_num(o, "points", 0);
    l->max = json_num(o, "max", 0);
    l->computed = json_num(o, "computed", l->points);
    const cJSON *w = cJSON_GetObjectItemCaseSensitive(o, "weights");
    for (int k = 0; k < SCORE_COMPETENCY_COUNT; k++)
        l->weights[k] = json_num(w, score_competency_name((score_competency)k), 0);
    if (parse_evidence(cJSON_GetObjectItemCaseSensitive(o, "evidence"), l, oom))
        return -1;
    const cJSON *ov = cJSON_GetObjectItemCaseSensitive(o, "override");
    if (cJSON_IsObject(ov)) {
        l->overridden = 1;
        l->override_by = dup_json_str(ov, "by", oom);
        l->override_at = dup_json_str(ov, "at", oom);
        l->override_comment = dup_json_str(ov, "comment", oom);
    }
    return *oom ? -1 : 0;
}

int score_card_from_json(const char *json, score_card *out, char *err, int errlen)
{
    memset(out, 0, sizeof *out);
    cJSON *root = json ? cJSON_Parse(json) : NULL;
    const cJSON *lines = cJSON_GetObjectItemCaseSensitive(root, "lines");
    if (!cJSON_IsObject(root) || !cJSON_IsArray(lines) ||
        !cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(root, "total"))) {
        snprintf(err, (size_t)errlen, "the stored scorecard is not a scorecard (no total or lines)");
        cJSON_Delete(root);
        return -1;
    }
    int oom = 0;
    out->plan = dup_json_str(root, "plan", &oom);
    out->total = json_num(root, "total", 0);
    const cJSON *comp = cJSON_GetObjectItemCaseSensitive(root, "competencies");
    for (int k = 0; k < SCORE_COMPETENCY_COUNT; k++)
        out->competencies[k] = json_num(comp, score_competency_name((score_competency)k), -1);
    int n = cJSON_GetArraySize(lines);
    if (!oom && n > 0 && !(out->lines = calloc((size_t)n, sizeof *out->lines)))
        oom = 1;
    const cJSON *l;
    cJSON_ArrayForEach(l, lines) {
        if (oom)
            break;
        /* count the line first so a partial one is freed with the card */
        parse_line(l, &out->lines[out->n_lines++], &oom);
    }
    cJSON_Delete(root);
    if (oom) {
        score_card_free(out);
        snprintf(err, (size_t)errlen, "reading the stored scorecard: out of memory");
        return -1;
    }
    return 0;
}
