/* score_json.c — the scorecard as JSON: fixed key order, numbers rounded to 0.01, so the
 * same card always serialises to the same bytes (stored, compared and exported as is). */
#include <cjson/cJSON.h>

#include "score_internal.h"

static int add_num(cJSON *o, const char *key, double v)
{
    return cJSON_AddNumberToObject(o, key, score_round2(v)) ? 0 : -1;
}

static int add_str(cJSON *o, const char *key, const char *v)
{
    return cJSON_AddStringToObject(o, key, v ? v : "") ? 0 : -1;
}

static cJSON *evidence_json(const score_evidence *e)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    if (!cJSON_AddNumberToObject(o, "action", e->action) ||
        !cJSON_AddNumberToObject(o, "t", (double)e->t) ||
        !cJSON_AddNumberToObject(o, "start", e->span.start) ||
        !cJSON_AddNumberToObject(o, "len", e->span.len) || add_str(o, "quote", e->quote)) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static cJSON *weights_json(const double *w)
{
    cJSON *o = cJSON_CreateObject();
    for (int k = 0; o && k < SCORE_COMPETENCY_COUNT; k++) {
        if (w[k] > 0 && add_num(o, score_competency_name((score_competency)k), w[k])) {
            cJSON_Delete(o);
            return NULL;
        }
    }
    return o;
}

static cJSON *line_json(const score_line *l)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    cJSON *ev = NULL, *w = NULL, *ov = NULL;
    if (add_str(o, "id", l->id) || add_str(o, "title", l->title) || add_str(o, "title_en", l->title_en) ||
        add_str(o, "category", l->category) || add_num(o, "points", l->points) || add_num(o, "max", l->max) ||
        add_num(o, "computed", l->computed) || add_str(o, "why", l->why) || add_str(o, "why_en", l->why_en))
        goto fail;
    if (!(w = weights_json(l->weights)))
        goto fail;
    cJSON_AddItemToObject(o, "weights", w);
    if (!(ev = cJSON_AddArrayToObject(o, "evidence")))
        goto fail;
    for (int i = 0; i < l->n_ev; i++) {
        cJSON *e = evidence_json(&l->ev[i]);
        if (!e)
            goto fail;
        cJSON_AddItemToArray(ev, e);
    }
    if (l->overridden) {
        if (!(ov = cJSON_AddObjectToObject(o, "override")) || add_str(ov, "by", l->override_by) ||
            add_str(ov, "at", l->override_at) || add_str(ov, "comment", l->override_comment))
            goto fail;
    } else if (!cJSON_AddNullToObject(o, "override")) {
        goto fail;
    }
    return o;
fail:
    cJSON_Delete(o);
    return NULL;
}

char *score_card_to_json(const score_card *c)
{
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return NULL;
    cJSON *comp, *lines;
    if (add_str(root, "plan", c->plan) || add_num(root, "total", c->total) ||
        !(comp = cJSON_AddObjectToObject(root, "competencies")))
        goto fail;
    for (int k = 0; k < SCORE_COMPETENCY_COUNT; k++) {
        const char *name = score_competency_name((score_competency)k);
        int bad = c->competencies[k] < 0 ? !cJSON_AddNullToObject(comp, name)
                                         : add_num(comp, name, c->competencies[k]);
        if (bad)
            goto fail;
    }
    if (!(lines = cJSON_AddArrayToObject(root, "lines")))
        goto fail;
    for (int i = 0; i < c->n_lines; i++) {
        cJSON *l = line_json(&c->lines[i]);
        if (!l)
            goto fail;
        cJSON_AddItemToArray(lines, l);
    }
    char *out = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    return out;
fail:
    cJSON_Delete(root);
    return NULL;
}
