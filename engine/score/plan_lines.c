/* plan_lines.c — reading one rubric line of each kind from a plan: deadlines, process steps,
 * statement elements, the three-part reply, forbidden phrases, accuracy penalties and outcomes. */
#include <stdlib.h>
#include <string.h>

#include "plan_parse.h"

int score_pj_deadline(score_pj *j, const cJSON *e, const char *path, void *dst)
{
    static const char *const keys[] = {"id", "title", "what", "minutes", "grace", "reach", "holding",
                                       "fact_kinds", "requires", "unarranged", "points", "weights", NULL};
    plan_deadline *d = dst;
    char *what = NULL, *requires = NULL;
    d->requires = -1;
    char sub[SCORE_PJ_PATH];
    if (score_pj_known_keys(j, e, path, keys) || score_pj_head(j, e, path, NULL, &d->h) ||
        score_pj_string(j, e, path, "what", 1, &what))
        goto fail;
    score_pj_key(sub, path, "what");
    if (strcmp(what, "public") == 0) {
        d->what = WHEN_PUBLIC;
    } else if (strcmp(what, "authoritative") == 0) {
        d->what = WHEN_AUTHORITATIVE;
    } else if (strcmp(what, "rebuttal") == 0) {
        d->what = WHEN_REBUTTAL;
    } else if ((d->action = sim_action_type_parse(what)) >= 0) {
        d->what = WHEN_ACTION;
    } else {
        score_pj_fail(j, sub, "must be an action type, \"public\", \"authoritative\" or \"rebuttal\", not \"%s\"",
                      what);
        goto fail;
    }
    if (score_pj_number(j, e, path, "minutes", 1, 0, 1, SCORE_PLAN_MAX_MINUTES, &d->minutes) ||
        score_pj_number(j, e, path, "grace", 0, 0, 0, SCORE_PLAN_MAX_MINUTES, &d->grace) ||
        score_pj_number(j, e, path, "reach", 0, 0, 0, 1, &d->reach) ||
        score_pj_number(j, e, path, "holding", 0, 0, 0, 1, &d->holding) ||
        score_pj_string(j, e, path, "requires", 0, &requires) ||
        score_pj_number(j, e, path, "unarranged", 0, 0, 0, 1, &d->unarranged))
        goto fail;
    score_pj_key(sub, path, "requires");
    if (requires && d->what != WHEN_ACTION) {
        score_pj_fail(j, sub, "only a deadline on an action type requires logistics");
        goto fail;
    }
    if (requires && (d->requires = sim_logistics_parse(requires)) < 0) {
        score_pj_fail(j, sub, "must be venue, hotline, transport or materials, not \"%s\"", requires);
        goto fail;
    }
    if (!requires && cJSON_GetObjectItemCaseSensitive(e, "unarranged")) {
        score_pj_key(sub, path, "unarranged");
        score_pj_fail(j, sub, "needs requires");
        goto fail;
    }
    static const char *const rebuttal_only[] = {"reach", "holding"};
    for (int k = 0; k < 2; k++) {
        if (d->what != WHEN_REBUTTAL && cJSON_GetObjectItemCaseSensitive(e, rebuttal_only[k])) {
            score_pj_key(sub, path, rebuttal_only[k]);
            score_pj_fail(j, sub, "only a \"rebuttal\" deadline has a %s", rebuttal_only[k]);
            goto fail;
        }
    }
    if (d->what != WHEN_AUTHORITATIVE && cJSON_GetObjectItemCaseSensitive(e, "fact_kinds")) {
        score_pj_key(sub, path, "fact_kinds");
        score_pj_fail(j, sub, "only an \"authoritative\" deadline has fact_kinds");
        goto fail;
    }
    if (score_pj_strlist(j, e, path, "fact_kinds", &d->fact_kinds) || score_pj_fact_kinds(j, path, &d->fact_kinds))
        goto fail;
    free(what);
    free(requires);
    return 0;
fail:
    free(what);
    free(requires);
    return -1;
}

static int parse_part(score_pj *j, const cJSON *e, const char *path, void *dst)
{
    static const char *const keys[] = {"id", "title", "detect", NULL};
    plan_part *p = dst;
    if (score_pj_known_keys(j, e, path, keys) || score_pj_id(j, e, path, "id", &p->id) ||
        score_pj_text(j, e, path, "title", 1, &p->title) || score_pj_detector(j, e, path, &p->d))
        return -1;
    return 0;
}

int score_pj_group(score_pj *j, const cJSON *e, const char *path, void *dst)
{
    static const char *const keys[] = {"id", "title", "duties", "role", NULL};
    plan_group *g = dst;
    char *role = NULL;
    char sub[SCORE_PJ_PATH];
    if (score_pj_known_keys(j, e, path, keys) || score_pj_id(j, e, path, "id", &g->id) ||
        score_pj_text(j, e, path, "title", 1, &g->title) || score_pj_text(j, e, path, "duties", 1, &g->duties) ||
        score_pj_string(j, e, path, "role", 1, &role))
        goto fail;
    if ((g->role = sim_role_parse(role)) < 0) {
        score_pj_key(sub, path, "role");
        score_pj_fail(j, sub, "unknown role \"%s\"", role);
        goto fail;
    }
    free(role);
    return 0;
fail:
    free(role);
    return -1;
}

int score_pj_step(score_pj *j, const cJSON *e, const char *path, void *dst)
{
    static const char *const keys[] = {"id", "title", "actions", "role", "group", "role_points", "points",
                                       "weights", "by", "content", NULL};
    plan_step *s = dst;
    char *role = NULL;
    char sub[SCORE_PJ_PATH];
    s->role = -1;
    if (score_pj_known_keys(j, e, path, keys) || score_pj_head(j, e, path, NULL, &s->h) ||
        score_pj_names_mask(j, e, path, "actions", sim_action_type_parse, "action type", &s->actions) ||
        score_pj_string(j, e, path, "role", 0, &role) || score_pj_string(j, e, path, "group", 0, &s->group) ||
        score_pj_list(j, e, path, "content", 0, sizeof *s->content, (void **)&s->content, &s->n_content, parse_part) ||
        score_pj_number(j, e, path, "role_points", 0, 0, 0, 1000, &s->role_points) ||
        score_pj_string(j, e, path, "by", 0, &s->by.id))
        goto fail;
    if (!s->actions) {
        score_pj_key(sub, path, "actions");
        score_pj_fail(j, sub, "is required");
        goto fail;
    }
    if (role && (s->role = sim_role_parse(role)) < 0) {
        score_pj_key(sub, path, "role");
        score_pj_fail(j, sub, "unknown role \"%s\"", role);
        goto fail;
    }
    if (role && s->group) {
        score_pj_key(sub, path, "group");
        score_pj_fail(j, sub, "a step names its group or its role, not both");
        goto fail;
    }
    if (!role && !s->group && s->role_points > 0) {
        score_pj_key(sub, path, "role_points");
        score_pj_fail(j, sub, "needs a role");
        goto fail;
    }
    free(role);
    return 0;
fail:
    free(role);
    free(s->by.id);
    s->by.id = NULL;
    return -1;
}

static int parse_scope(score_pj *j, const cJSON *e, const char *path, plan_scope *scope)
{
    char *s = NULL;
    char sub[SCORE_PJ_PATH];
    *scope = SCOPE_ANY;
    if (score_pj_string(j, e, path, "scope", 0, &s))
        return -1;
    if (!s)
        return 0;
    int bad = 0;
    if (strcmp(s, "first") == 0)
        *scope = SCOPE_FIRST;
    else if (strcmp(s, "all") == 0)
        *scope = SCOPE_ALL;
    else
        bad = strcmp(s, "any") != 0;
    free(s);
    if (bad) {
        score_pj_key(sub, path, "scope");
        return score_pj_fail(j, sub, "must be \"first\", \"any\" or \"all\"");
    }
    return 0;
}

int score_pj_element(score_pj *j, const cJSON *e, const char *path, void *dst)
{
    static const char *const keys[] = {"id", "title", "detect", "applies_to", "scope", "required",
                                       "points", "weights", "by", NULL};
    plan_element *el = dst;
    el->applies = 1u << SIM_ACT_STATEMENT;
    el->required = 1;
    if (score_pj_known_keys(j, e, path, keys) || score_pj_head(j, e, path, NULL, &el->h) ||
        score_pj_detector(j, e, path, &el->d) ||
        score_pj_names_mask(j, e, path, "applies_to", sim_action_type_parse, "action type", &el->applies) ||
        parse_scope(j, e, path, &el->scope) || score_pj_bool(j, e, path, "required", &el->required) ||
        score_pj_string(j, e, path, "by", 0, &el->by.id))
        return -1;
    return 0;
}


int score_pj_three_part(score_pj *j, const cJSON *v, const char *path, plan_three_part *t)
{
    static const char *const keys[] = {"title", "applies_to", "required", "parts", "points", "weights", NULL};
    t->present = 1;
    t->applies = 1u << SIM_ACT_REPLY;
    t->required = 1;
    if (score_pj_object(j, v, path) || score_pj_known_keys(j, v, path, keys) ||
        score_pj_head(j, v, path, "three_part", &t->h) ||
        score_pj_names_mask(j, v, path, "applies_to", sim_action_type_parse, "action type", &t->applies) ||
        score_pj_bool(j, v, path, "required", &t->required) ||
        score_pj_list(j, v, path, "parts", 1, sizeof *t->parts, (void **)&t->parts, &t->n_parts, parse_part))
        return -1;
    return 0;
}

int score_pj_forbidden(score_pj *j, const cJSON *v, const char *path, const score_plan *p, plan_forbidden *f)
{
    static const char *const keys[] = {"title", "applies_to", "phrases", "lex", "per_hit", "points",
                                       "weights", NULL};
    f->present = 1;
    f->applies = p->public_actions;
    if (score_pj_object(j, v, path) || score_pj_known_keys(j, v, path, keys) ||
        score_pj_head(j, v, path, "forbidden", &f->h) ||
        score_pj_names_mask(j, v, path, "applies_to", sim_action_type_parse, "action type", &f->applies) ||
        score_pj_strlist(j, v, path, "phrases", &f->phrases) ||
        score_pj_names_mask(j, v, path, "lex", score_lex_parse, "lexicon list", &f->lex) ||
        score_pj_number(j, v, path, "per_hit", 1, 0, 1, 1000, &f->per_hit))
        return -1;
    if (!f->phrases.count && !f->lex)
        return score_pj_fail(j, path, "needs phrases or lex");
    return 0;
}

int score_pj_flood(score_pj *j, const cJSON *v, const char *path, const score_plan *p, plan_flood *f)
{
    static const char *const keys[] = {"title", "applies_to", "per_hour", "per", "points", "weights", NULL};
    f->present = 1;
    /* Answers come as reporters ask: a press conference is no flood. */
    f->applies = p->public_actions & ~(1u << SIM_ACT_PRESS | 1u << SIM_ACT_ANSWER);
    if (score_pj_object(j, v, path) || score_pj_known_keys(j, v, path, keys) ||
        score_pj_head(j, v, path, "flood", &f->h) ||
        score_pj_names_mask(j, v, path, "applies_to", sim_action_type_parse, "action type", &f->applies) ||
        score_pj_number(j, v, path, "per_hour", 1, 0, 1, 10000, &f->per_hour) ||
        score_pj_number(j, v, path, "per", 1, 0, 1, 1000, &f->per))
        return -1;
    return 0;
}

int score_pj_penalty(score_pj *j, const cJSON *acc, const char *path, const char *key, plan_penalty *pen)
{
    static const char *const keys[] = {"title", "points", "per", "weights", NULL};
    static const char *const false_keys[] = {"title", "points", "per", "weights", "hurt", NULL};
    char sub[SCORE_PJ_PATH];
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(acc, key);
    if (!v)
        return 0;
    score_pj_key(sub, path, key);
    pen->present = 1;
    pen->hurt = 1;
    int is_false = strcmp(key, "false") == 0;
    if (score_pj_object(j, v, sub) || score_pj_known_keys(j, v, sub, is_false ? false_keys : keys) ||
        score_pj_head(j, v, sub, key, &pen->h) || score_pj_number(j, v, sub, "per", 1, 0, 1, 1000, &pen->per) ||
        (is_false && score_pj_number(j, v, sub, "hurt", 0, 1, 0, 10, &pen->hurt)))
        return -1;
    return 0;
}

int score_pj_outcome(score_pj *j, const cJSON *e, const char *path, void *dst)
{
    static const char *const keys[] = {"id", "title", "metric", "better", "best", "full_at", "points",
                                       "weights", NULL};
    plan_outcome *o = dst;
    char *metric = NULL, *better = NULL;
    char sub[SCORE_PJ_PATH];
    if (score_pj_known_keys(j, e, path, keys) || score_pj_head(j, e, path, NULL, &o->h) ||
        score_pj_string(j, e, path, "metric", 1, &metric) || score_pj_string(j, e, path, "better", 1, &better))
        goto fail;
    int m = score_metric_parse(metric);
    if (m < 0) {
        score_pj_key(sub, path, "metric");
        score_pj_fail(j, sub, "unknown metric \"%s\"", metric);
        goto fail;
    }
    o->metric = (plan_metric)m;
    if (strcmp(better, "lower") != 0 && strcmp(better, "higher") != 0) {
        score_pj_key(sub, path, "better");
        score_pj_fail(j, sub, "must be \"lower\" or \"higher\"");
        goto fail;
    }
    o->lower_better = strcmp(better, "lower") == 0;
    o->best = 0;
    if (score_pj_number(j, e, path, "best", !o->lower_better, -SCORE_PLAN_MAX_BEST, 0, SCORE_PLAN_MAX_BEST, &o->best) ||
        score_pj_number(j, e, path, "full_at", 1, 0, 1, 1, &o->full_at))
        goto fail;
    free(metric);
    free(better);
    return 0;
fail:
    free(metric);
    free(better);
    return -1;
}
