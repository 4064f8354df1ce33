/* plan_parse.c — a plan's JSON text into a score_plan: the top level and its sections (warning
 * thresholds, deadlines, steps, statement, accuracy, answers, outcome), stopping at the first bad field. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan_parse.h"

/* The `by` of item i of the list at list_path names one of the plan's deadlines (parsed before). */
static int resolve_by(score_pj *j, const char *list_path, int i, plan_by *by, const score_plan *p)
{
    by->index = -1;
    for (int k = 0; by->id && k < p->n_deadlines && by->index < 0; k++)
        if (strcmp(p->deadlines[k].h.id, by->id) == 0)
            by->index = k;
    if (!by->id || by->index >= 0)
        return 0;
    char item[SCORE_PJ_PATH], key[SCORE_PJ_PATH];
    score_pj_index(item, list_path, i);
    score_pj_key(key, item, "by");
    return score_pj_fail(j, key, "names no deadline of this plan (\"%s\")", by->id);
}

static int parse_statement(score_pj *j, const cJSON *v, const char *path, score_plan *p)
{
    static const char *const keys[] = {"elements", "three_part", "forbidden", "flood", NULL};
    char sub[SCORE_PJ_PATH];
    if (score_pj_object(j, v, path) || score_pj_known_keys(j, v, path, keys) ||
        score_pj_list(j, v, path, "elements", 0, sizeof *p->elements, (void **)&p->elements, &p->n_elements,
                      score_pj_element))
        return -1;
    char list[SCORE_PJ_PATH];
    score_pj_key(list, path, "elements");
    for (int i = 0; i < p->n_elements; i++)
        if (resolve_by(j, list, i, &p->elements[i].by, p))
            return -1;
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(v, "three_part");
    score_pj_key(sub, path, "three_part");
    if (t && score_pj_three_part(j, t, sub, &p->three_part))
        return -1;
    const cJSON *f = cJSON_GetObjectItemCaseSensitive(v, "forbidden");
    score_pj_key(sub, path, "forbidden");
    if (f && score_pj_forbidden(j, f, sub, p, &p->forbidden))
        return -1;
    const cJSON *fl = cJSON_GetObjectItemCaseSensitive(v, "flood");
    score_pj_key(sub, path, "flood");
    if (fl && score_pj_flood(j, fl, sub, p, &p->flood))
        return -1;
    return 0;
}

static int parse_accuracy(score_pj *j, const cJSON *v, const char *path, score_plan *p)
{
    static const char *const keys[] = {"unverified", "wrong", "false", "rumour_spread", "contradiction", "rebuttal",
                                       "correction", "promptness", NULL};
    static const char *const ckeys[] = {"title", "points", "minutes", "partial", "weights", NULL};
    static const char *const rkeys[] = {"title", "points", "partial", "weights", NULL};
    static const char *const pkeys[] = {"minutes", "grace", NULL};
    char sub[SCORE_PJ_PATH];
    const cJSON *pr = cJSON_GetObjectItemCaseSensitive(v, "promptness");
    if (pr) {
        score_pj_key(sub, path, "promptness");
        p->prompt.present = 1;
        if (score_pj_object(j, pr, sub) || score_pj_known_keys(j, pr, sub, pkeys) ||
            score_pj_number(j, pr, sub, "minutes", 1, 0, 0, SCORE_PLAN_MAX_MINUTES, &p->prompt.minutes) ||
            score_pj_number(j, pr, sub, "grace", 0, 0, 0, SCORE_PLAN_MAX_MINUTES, &p->prompt.grace))
            return -1;
    }
    if (score_pj_object(j, v, path) || score_pj_known_keys(j, v, path, keys) ||
        score_pj_penalty(j, v, path, "unverified", &p->unverified) ||
        score_pj_penalty(j, v, path, "wrong", &p->wrong) ||
        score_pj_penalty(j, v, path, "false", &p->false_) ||
        score_pj_penalty(j, v, path, "rumour_spread", &p->rumour_spread) ||
        score_pj_penalty(j, v, path, "contradiction", &p->contradiction))
        return -1;
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(v, "correction");
    if (c) {
        score_pj_key(sub, path, "correction");
        p->correction.present = 1;
        if (score_pj_object(j, c, sub) || score_pj_known_keys(j, c, sub, ckeys) ||
            score_pj_head(j, c, sub, "correction", &p->correction.h) ||
            score_pj_number(j, c, sub, "minutes", 1, 0, 1, SCORE_PLAN_MAX_MINUTES, &p->correction.minutes) ||
            score_pj_number(j, c, sub, "partial", 1, 0, 0, 1, &p->correction.partial))
            return -1;
    }
    const cJSON *r = cJSON_GetObjectItemCaseSensitive(v, "rebuttal");
    if (!r)
        return 0;
    score_pj_key(sub, path, "rebuttal");
    p->rebuttal.present = 1;
    if (score_pj_object(j, r, sub) || score_pj_known_keys(j, r, sub, rkeys) ||
        score_pj_head(j, r, sub, "rebuttal", &p->rebuttal.h) ||
        score_pj_number(j, r, sub, "partial", 1, 0, 0, 1, &p->rebuttal.partial))
        return -1;
    return 0;
}

/* Three increasing positive numbers at obj[key]. */
static int parse_levels(score_pj *j, const cJSON *obj, const char *path, const char *key, int required,
                        double out[3], int *present)
{
    char sub[SCORE_PJ_PATH], item[SCORE_PJ_PATH];
    score_pj_key(sub, path, key);
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v)
        return required ? score_pj_fail(j, sub, "is required") : 0;
    if (!cJSON_IsArray(v) || cJSON_GetArraySize(v) != 3)
        return score_pj_fail(j, sub, "must be an array of 3 numbers");
    for (int i = 0; i < 3; i++) {
        const cJSON *e = cJSON_GetArrayItem(v, i);
        score_pj_index(item, sub, i);
        if (!cJSON_IsNumber(e) || !(e->valuedouble > 0 && e->valuedouble <= SCORE_PLAN_MAX_LEVEL))
            return score_pj_fail(j, item, "must be a number > 0 and <= %g", SCORE_PLAN_MAX_LEVEL);
        if (i > 0 && e->valuedouble <= out[i - 1])
            return score_pj_fail(j, item, "must be greater than the level before it");
        out[i] = e->valuedouble;
    }
    if (present)
        *present = 1;
    return 0;
}

static int parse_warning(score_pj *j, const cJSON *obj, const char *path, score_plan *p)
{
    static const char *const keys[] = {"reads", "reads_window_minutes", "crowd", "posts_per_hour", NULL};
    char sub[SCORE_PJ_PATH];
    score_pj_key(sub, path, "warning");
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, "warning");
    if (!v)
        return score_pj_fail(j, sub, "is required");
    if (score_pj_object(j, v, sub) || score_pj_known_keys(j, v, sub, keys) ||
        parse_levels(j, v, sub, "reads", 1, p->warn_reads, NULL) ||
        score_pj_number(j, v, sub, "reads_window_minutes", 0, 0, 1, SCORE_PLAN_MAX_MINUTES, &p->warn_reads_window) ||
        parse_levels(j, v, sub, "crowd", 0, p->warn_crowd, &p->has_warn_crowd) ||
        parse_levels(j, v, sub, "posts_per_hour", 1, p->tier_posts, NULL))
        return -1;
    return 0;
}

/* A step's `group` names a group of the plan; the step's role is then the group's. */
static int resolve_group(score_pj *j, const char *list, int i, plan_step *st, const score_plan *p)
{
    if (!st->group)
        return 0;
    for (int g = 0; g < p->n_groups; g++) {
        if (strcmp(p->groups[g].id, st->group) == 0) {
            st->role = p->groups[g].role;
            return 0;
        }
    }
    char item[SCORE_PJ_PATH], sub[SCORE_PJ_PATH];
    score_pj_index(item, list, i);
    score_pj_key(sub, item, "group");
    return score_pj_fail(j, sub, "no group \"%s\" in the plan's groups", st->group);
}

static int parse_steps(score_pj *j, const cJSON *obj, const char *path, score_plan *p)
{
    static const char *const keys[] = {"order", "items", NULL};
    static const char *const okeys[] = {"title", "points", "weights", NULL};
    char sub[SCORE_PJ_PATH], osub[SCORE_PJ_PATH];
    score_pj_key(sub, path, "steps");
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, "steps");
    if (!v)
        return 0;
    if (score_pj_object(j, v, sub) || score_pj_known_keys(j, v, sub, keys) ||
        score_pj_list(j, v, sub, "items", 1, sizeof *p->steps, (void **)&p->steps, &p->n_steps, score_pj_step))
        return -1;
    char list[SCORE_PJ_PATH];
    score_pj_key(list, sub, "items");
    for (int i = 0; i < p->n_steps; i++)
        if (resolve_by(j, list, i, &p->steps[i].by, p) || resolve_group(j, list, i, &p->steps[i], p))
            return -1;
    const cJSON *o = cJSON_GetObjectItemCaseSensitive(v, "order");
    if (!o)
        return 0;
    score_pj_key(osub, sub, "order");
    p->has_order = 1;
    if (score_pj_object(j, o, osub) || score_pj_known_keys(j, o, osub, okeys) || score_pj_head(j, o, osub, "order", &p->order))
        return -1;
    if (p->n_steps < 2)
        return score_pj_fail(j, osub, "needs at least two steps to order");
    return 0;
}

static int parse_plan(score_pj *j, const cJSON *root, score_plan *p)
{
    static const char *const keys[] = {"format", "id", "title", "kind", "lens", "description",
                                       "public_actions", "warning", "late_keeps", "groups", "deadlines", "steps",
                                       "statement", "accuracy", "answers", "outcome", NULL};
    const char *path = "$";
    char sub[SCORE_PJ_PATH];
    double format = 1;
    sim_text description = {0};
    p->public_actions = 1u << SIM_ACT_STATEMENT | 1u << SIM_ACT_REPLY | 1u << SIM_ACT_REBUT |
                        1u << SIM_ACT_PRESS | 1u << SIM_ACT_ANSWER;
    if (score_pj_object(j, root, path) || score_pj_known_keys(j, root, path, keys) ||
        score_pj_number(j, root, path, "format", 0, 1, 0, 1, &format) || score_pj_id(j, root, path, "id", &p->id) ||
        score_pj_text(j, root, path, "title", 1, &p->title) || score_pj_string(j, root, path, "kind", 1, &p->kind) ||
        score_pj_string(j, root, path, "lens", 0, &p->lens) ||
        score_pj_text(j, root, path, "description", 0, &description) ||
        score_pj_names_mask(j, root, path, "public_actions", sim_action_type_parse, "action type", &p->public_actions) ||
        parse_warning(j, root, path, p) ||
        score_pj_number(j, root, path, "late_keeps", 0, 0, 0, 0.5, &p->late_keeps) ||
        score_pj_list(j, root, path, "groups", 0, sizeof *p->groups, (void **)&p->groups, &p->n_groups,
                      score_pj_group) ||
        score_pj_list(j, root, path, "deadlines", 0, sizeof *p->deadlines, (void **)&p->deadlines,
                      &p->n_deadlines, score_pj_deadline) ||
        parse_steps(j, root, path, p))
        goto fail;
    const cJSON *st = cJSON_GetObjectItemCaseSensitive(root, "statement");
    score_pj_key(sub, path, "statement");
    if (st && parse_statement(j, st, sub, p))
        goto fail;
    const cJSON *acc = cJSON_GetObjectItemCaseSensitive(root, "accuracy");
    score_pj_key(sub, path, "accuracy");
    if (acc && parse_accuracy(j, acc, sub, p))
        goto fail;
    const cJSON *ans = cJSON_GetObjectItemCaseSensitive(root, "answers");
    score_pj_key(sub, path, "answers");
    if (ans && score_pj_answers(j, ans, sub, &p->answers))
        goto fail;
    if (score_pj_list(j, root, path, "outcome", 0, sizeof *p->outcomes, (void **)&p->outcomes, &p->n_outcomes,
                      score_pj_outcome))
        goto fail;
    if (!p->n_deadlines && !p->n_steps && !p->n_elements && !p->three_part.present &&
        !p->forbidden.present && !p->flood.present && !p->unverified.present && !p->wrong.present && !p->false_.present &&
        !p->rumour_spread.present &&
        !p->contradiction.present && !p->rebuttal.present && !p->answers.present && !p->correction.present && !p->n_outcomes) {
        score_pj_fail(j, path, "the plan has no rubric lines");
        goto fail;
    }
    score_pj_text_free(&description);
    return 0;
fail:
    score_pj_text_free(&description);
    return -1;
}

int score_plan_parse(const char *json, const char *name, score_plan **out, char *err, int errlen)
{
    score_pj j = {name ? name : "plan", err, errlen, 0};
    *out = NULL;
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithOpts(json, &end, 1);
    if (!root) {
        int line = 1;
        for (const char *c = json; end && c < end && *c; c++)
            line += *c == '\n';
        snprintf(err, (size_t)errlen, "%s:%d: not valid JSON", j.name, line);
        return -1;
    }
    score_plan *p = calloc(1, sizeof *p);
    if (!p) {
        cJSON_Delete(root);
        snprintf(err, (size_t)errlen, "%s: out of memory", j.name);
        return -1;
    }
    int rc = parse_plan(&j, root, p);
    cJSON_Delete(root);
    if (rc) {
        score_plan_free(p);
        return -1;
    }
    *out = p;
    return 0;
}
