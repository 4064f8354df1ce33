/* plan_json.c — the plan parser's field readers: type and range checks over cJSON values that
 * report the JSON path of the first bad field, and the small string/list helpers they fill. */
#include "plan_parse.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int score_pj_fail(score_pj *j, const char *path, const char *fmt, ...)
{
    if (j->failed)
        return -1;
    j->failed = 1;
    char msg[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(j->err, (size_t)j->errlen, "%s: %s: %s", j->name, path, msg);
    return -1;
}

/* Paths longer than SCORE_PJ_PATH are cut; plans are never nested that deep. */
void score_pj_key(char *out, const char *base, const char *key)
{
    if (snprintf(out, SCORE_PJ_PATH, "%s.%s", base, key) >= SCORE_PJ_PATH)
        out[SCORE_PJ_PATH - 1] = '\0';
}

void score_pj_index(char *out, const char *base, int i)
{
    if (snprintf(out, SCORE_PJ_PATH, "%s[%d]", base, i) >= SCORE_PJ_PATH)
        out[SCORE_PJ_PATH - 1] = '\0';
}

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

int score_pj_known_keys(score_pj *j, const cJSON *obj, const char *path, const char *const *allowed)
{
    char sub[SCORE_PJ_PATH];
    for (const cJSON *m = obj->child; m; m = m->next) {
        int known = 0;
        for (int i = 0; allowed[i] && !known; i++)
            known = strcmp(allowed[i], m->string) == 0;
        score_pj_key(sub, path, m->string);
        if (!known)
            return score_pj_fail(j, sub, "unknown field");
        for (const cJSON *o = obj->child; o != m; o = o->next)
            if (strcmp(o->string, m->string) == 0)
                return score_pj_fail(j, sub, "appears twice");
    }
    return 0;
}

int score_pj_object(score_pj *j, const cJSON *v, const char *path)
{
    return cJSON_IsObject(v) ? 0 : score_pj_fail(j, path, "must be an object");
}

int score_pj_array(score_pj *j, const cJSON *v, const char *path)
{
    if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) == 0)
        return score_pj_fail(j, path, "must be a non-empty array");
    return 0;
}

int score_pj_string(score_pj *j, const cJSON *obj, const char *path, const char *key, int required, char **out)
{
    char sub[SCORE_PJ_PATH];
    score_pj_key(sub, path, key);
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v)
        return required ? score_pj_fail(j, sub, "is required") : 0;
    if (!cJSON_IsString(v) || !v->valuestring[0])
        return score_pj_fail(j, sub, "must be a non-empty string");
    free(*out);
    *out = dup_str(v->valuestring);
    return *out ? 0 : score_pj_fail(j, sub, "out of memory");
}

int score_pj_number(score_pj *j, const cJSON *obj, const char *path, const char *key, int required,
                    double lo, int lo_open, double hi, double *out)
{
    char sub[SCORE_PJ_PATH];
    score_pj_key(sub, path, key);
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v)
        return required ? score_pj_fail(j, sub, "is required") : 0;
    double d = cJSON_IsNumber(v) ? v->valuedouble : 0.0;
    int ok = cJSON_IsNumber(v) && isfinite(d) && (lo_open ? d > lo : d >= lo) && d <= hi;
    if (!ok) {
        if (hi < 1e300)
            return score_pj_fail(j, sub, "must be a number %s %g and <= %g", lo_open ? ">" : ">=", lo, hi);
        return score_pj_fail(j, sub, "must be a number %s %g", lo_open ? ">" : ">=", lo);
    }
    *out = d;
    return 0;
}

int score_pj_bool(score_pj *j, const cJSON *obj, const char *path, const char *key, int *out)
{
    char sub[SCORE_PJ_PATH];
    score_pj_key(sub, path, key);
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v)
        return 0;
    if (!cJSON_IsBool(v))
        return score_pj_fail(j, sub, "must be true or false");
    *out = cJSON_IsTrue(v) ? 1 : 0;
    return 0;
}

int score_pj_text(score_pj *j, const cJSON *obj, const char *path, const char *key, int required, sim_text *out)
{
    static const char *const keys[] = {"zh", "en", NULL};
    char sub[SCORE_PJ_PATH];
    score_pj_key(sub, path, key);
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v)
        return required ? score_pj_fail(j, sub, "is required") : 0;
    if (cJSON_IsString(v)) {
        if (!v->valuestring[0])
            return score_pj_fail(j, sub, "must be a non-empty string");
        free(out->zh);
        out->zh = dup_str(v->valuestring);
        return out->zh ? 0 : score_pj_fail(j, sub, "out of memory");
    }
    if (!cJSON_IsObject(v))
        return score_pj_fail(j, sub, "must be a string or {\"zh\": ..., \"en\": ...}");
    if (score_pj_known_keys(j, v, sub, keys) || score_pj_string(j, v, sub, "zh", 1, &out->zh) ||
        score_pj_string(j, v, sub, "en", 0, &out->en))
        return -1;
    return 0;
}

int score_pj_strlist(score_pj *j, const cJSON *obj, const char *path, const char *key, sim_strlist *out)
{
    char sub[SCORE_PJ_PATH], item[SCORE_PJ_PATH];
    score_pj_key(sub, path, key);
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v)
        return 0;
    if (cJSON_IsString(v) && v->valuestring[0]) {
        score_pj_strlist_free(out);
        out->items = malloc(sizeof *out->items);
        if (!out->items || !(out->items[0] = dup_str(v->valuestring))) {
            free(out->items);
            out->items = NULL;
            return score_pj_fail(j, sub, "out of memory");
        }
        out->count = 1;
        return 0;
    }
    if (score_pj_array(j, v, sub))
        return -1;
    score_pj_strlist_free(out);
    int n = cJSON_GetArraySize(v);
    out->items = calloc((size_t)n, sizeof *out->items);
    if (!out->items)
        return score_pj_fail(j, sub, "out of memory");
    for (int i = 0; i < n; i++) {
        const cJSON *e = cJSON_GetArrayItem(v, i);
        score_pj_index(item, sub, i);
        if (!cJSON_IsString(e) || !e->valuestring[0])
            return score_pj_fail(j, item, "must be a non-empty string");
        if (!(out->items[i] = dup_str(e->valuestring)))
            return score_pj_fail(j, item, "out of memory");
        out->count = i + 1;
    }
    return 0;
}

int score_pj_id(score_pj *j, const cJSON *obj, const char *path, const char *key, char **out)
{
    if (score_pj_string(j, obj, path, key, 1, out))
        return -1;
    size_t n = strlen(*out);
    int ok = n <= 48;
    for (size_t i = 0; i < n && ok; i++) {
        char c = (*out)[i];
        ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }
    if (!ok) {
        char sub[SCORE_PJ_PATH];
        score_pj_key(sub, path, key);
        return score_pj_fail(j, sub, "must be 1 to 48 characters of a-z, 0-9, _ or -");
    }
    return 0;
}

int score_pj_names_mask(score_pj *j, const cJSON *obj, const char *path, const char *key,
                        int (*parse)(const char *), const char *what, unsigned *mask)
{
    sim_strlist names = {0};
    char sub[SCORE_PJ_PATH], item[SCORE_PJ_PATH];
    if (score_pj_strlist(j, obj, path, key, &names)) {
        score_pj_strlist_free(&names);
        return -1;
    }
    if (names.count == 0) {
        score_pj_strlist_free(&names);
        return 0;
    }
    score_pj_key(sub, path, key);
    unsigned m = 0;
    for (int i = 0; i < names.count; i++) {
        int v = parse(names.items[i]);
        if (v < 0 || v >= 32) {
            if (cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(obj, key)))
                score_pj_index(item, sub, i);
            else
                snprintf(item, sizeof item, "%s", sub);
            score_pj_fail(j, item, "unknown %s \"%s\"", what, names.items[i]);
            score_pj_strlist_free(&names);
            return -1;
        }
        m |= 1u << (unsigned)v;
    }
    score_pj_strlist_free(&names);
    *mask = m;
    return 0;
}

void score_pj_text_free(sim_text *t)
{
    free(t->zh);
    free(t->en);
    t->zh = t->en = NULL;
}

void score_pj_strlist_free(sim_strlist *l)
{
    for (int i = 0; i < l->count; i++)
        free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->count = 0;
}
