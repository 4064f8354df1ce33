/* plan_pieces.c — what every rubric line of a plan is built from: id, title, points and competency
 * weights; detectors (lexicon lists, fact kinds, phrases, scenario texts); lists of items with unique ids. */
#include <stdlib.h>
#include <string.h>

#include "plan_parse.h"

/* Every item of obj.fact_kinds (already read into `kinds`) must be a known kind. */
int score_pj_fact_kinds(score_pj *j, const char *path, const sim_strlist *kinds)
{
    char list[SCORE_PJ_PATH], item[SCORE_PJ_PATH];
    score_pj_key(list, path, "fact_kinds");
    for (int i = 0; i < kinds->count; i++) {
        if (!score_fact_kind_known(kinds->items[i])) {
            score_pj_index(item, list, i);
            return score_pj_fail(j, item, "unknown fact kind \"%s\"", kinds->items[i]);
        }
    }
    return 0;
}

static int parse_weights(score_pj *j, const cJSON *obj, const char *path, double *w)
{
    char sub[SCORE_PJ_PATH];
    score_pj_key(sub, path, "weights");
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, "weights");
    if (!v)
        return 0;
    if (score_pj_object(j, v, sub) || score_pj_known_keys(j, v, sub, score_competency_keys))
        return -1;
    for (int c = 0; c < SCORE_COMPETENCY_COUNT; c++)
        if (score_pj_number(j, v, sub, score_competency_keys[c], 0, 0, 0, 1000, &w[c]))
            return -1;
    return 0;
}

/* id (when `id` is NULL it is read from the object), title, points, weights. */
int score_pj_head(score_pj *j, const cJSON *obj, const char *path, const char *id, plan_head *h)
{
    if (id) {
        size_t n = strlen(id) + 1;
        if (!(h->id = malloc(n)))
            return score_pj_fail(j, path, "out of memory");
        memcpy(h->id, id, n);
    } else if (score_pj_id(j, obj, path, "id", &h->id)) {
        return -1;
    }
    if (score_pj_text(j, obj, path, "title", 1, &h->title) ||
        score_pj_number(j, obj, path, "points", 1, 0, 1, 1000, &h->points) ||
        parse_weights(j, obj, path, h->weights))
        return -1;
    return 0;
}

void score_pj_head_free(plan_head *h)
{
    free(h->id);
    score_pj_text_free(&h->title);
}

int score_pj_detector(score_pj *j, const cJSON *obj, const char *path, plan_detector *d)
{
    return score_pj_detector_at(j, obj, path, "detect", 1, d);
}

int score_pj_detector_at(score_pj *j, const cJSON *obj, const char *path, const char *key, int required,
                         plan_detector *d)
{
    static const char *const keys[] = {"lex", "fact_kinds", "phrases", "scenario", NULL};
    char sub[SCORE_PJ_PATH];
    score_pj_key(sub, path, key);
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v)
        return required ? score_pj_fail(j, sub, "is required") : 0;
    if (score_pj_object(j, v, sub) || score_pj_known_keys(j, v, sub, keys) ||
        score_pj_names_mask(j, v, sub, "lex", score_lex_parse, "lexicon list", &d->lex) ||
        score_pj_strlist(j, v, sub, "fact_kinds", &d->fact_kinds) ||
        score_pj_strlist(j, v, sub, "phrases", &d->phrases) ||
        score_pj_names_mask(j, v, sub, "scenario", score_scenario_text_parse, "scenario text", &d->scenario))
        return -1;
    if (score_pj_fact_kinds(j, sub, &d->fact_kinds))
        return -1;
    if (!d->lex && !d->fact_kinds.count && !d->phrases.count && !d->scenario)
        return score_pj_fail(j, sub, "needs at least one of lex, fact_kinds, phrases, scenario");
    return 0;
}

void score_pj_detector_free(plan_detector *d)
{
    score_pj_strlist_free(&d->fact_kinds);
    score_pj_strlist_free(&d->phrases);
}

int score_pj_list(score_pj *j, const cJSON *obj, const char *path, const char *key, int required,
                  size_t size, void **items, int *count, score_pj_item_fn fn)
{
    char sub[SCORE_PJ_PATH], item[SCORE_PJ_PATH];
    score_pj_key(sub, path, key);
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v)
        return required ? score_pj_fail(j, sub, "is required") : 0;
    if (score_pj_array(j, v, sub))
        return -1;
    int n = cJSON_GetArraySize(v);
    char *arr = calloc((size_t)n, size);
    if (!arr)
        return score_pj_fail(j, sub, "out of memory");
    *items = arr;
    for (int i = 0; i < n; i++) {
        const cJSON *e = cJSON_GetArrayItem(v, i);
        score_pj_index(item, sub, i);
        *count = i + 1;
        if (score_pj_object(j, e, item) || fn(j, e, item, arr + (size_t)i * size))
            return -1;
        /* ids unique within a list: every item type starts with its `char *id` */
        const char *id = *(char *const *)(arr + (size_t)i * size);
        for (int k = 0; k < i; k++) {
            const char *other = *(char *const *)(arr + (size_t)k * size);
            if (id && other && strcmp(id, other) == 0) {
                char idp[SCORE_PJ_PATH];
                score_pj_key(idp, item, "id");
                return score_pj_fail(j, idp, "\"%s\" is used twice", id);
            }
        }
    }
    return 0;
}
