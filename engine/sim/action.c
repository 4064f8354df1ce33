/* action.c — the action vocabulary as data (names, required fields), copying, and validation
 * of an action against a scenario before it may enter the world. */
#include "action.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct action_kind {
    const char *name;
    int needs;
} action_kind;

static const action_kind kinds[SIM_ACT_COUNT] = {
    [SIM_ACT_REPORT] = {"report", SIM_NEEDS_TEXT},
    [SIM_ACT_ASSESS] = {"assess", SIM_NEEDS_LEVEL},
    [SIM_ACT_STRATEGY] = {"strategy", SIM_NEEDS_TEXT},
    [SIM_ACT_STATEMENT] = {"statement", SIM_NEEDS_TEXT | SIM_NEEDS_CHANNEL},
    [SIM_ACT_REPLY] = {"reply", SIM_NEEDS_TEXT},
    [SIM_ACT_REBUT] = {"rebut", SIM_NEEDS_TEXT | SIM_NEEDS_TARGET},
    [SIM_ACT_PRESS] = {"press", 0},
    [SIM_ACT_ANSWER] = {"answer", SIM_NEEDS_TEXT | SIM_NEEDS_TARGET},
    [SIM_ACT_LEADERS] = {"leaders", 0},
    [SIM_ACT_OFFLINE] = {"offline", SIM_NEEDS_TARGET},
    [SIM_ACT_VERIFY] = {"verify", SIM_NEEDS_TARGET},
    [SIM_ACT_MONITOR] = {"monitor", SIM_NEEDS_TEXT},
    [SIM_ACT_SUMMARY] = {"summary", SIM_NEEDS_TEXT},
    [SIM_ACT_LOGISTICS] = {"logistics", SIM_NEEDS_TARGET},
    [SIM_ACT_INJECT] = {"inject", SIM_NEEDS_TARGET},
    [SIM_ACT_POST] = {"post", SIM_NEEDS_TEXT},
    [SIM_ACT_ASK] = {"ask", SIM_NEEDS_TEXT | SIM_NEEDS_TARGET},
};

static const char *const measure_names[SIM_MEASURE_COUNT] = {
    "field_investigation", "apology", "compensation", "hotline",
};
static const char *const logistics_names[SIM_LOGISTICS_COUNT] = {"venue", "hotline", "transport", "materials"};
static const char *const role_names[SIM_ROLE_COUNT] = {"spokesperson", "monitor", "command", "logistics"};
static const char *const level_names[4] = {"blue", "yellow", "orange", "red"};

static int parse_name(const char *const *names, int n, const char *name)
{
    if (!name)
        return -1;
    for (int i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            return i;
    return -1;
}

const char *sim_action_type_name(sim_action_type t)
{
    return (unsigned)t < SIM_ACT_COUNT ? kinds[t].name : NULL;
}

int sim_action_type_parse(const char *name)
{
    if (!name)
        return -1;
    for (int i = 0; i < SIM_ACT_COUNT; i++)
        if (strcmp(kinds[i].name, name) == 0)
            return i;
    return -1;
}

int sim_action_needs(sim_action_type t)
{
    return (unsigned)t < SIM_ACT_COUNT ? kinds[t].needs : 0;
}

const char *sim_measure_name(sim_measure m)
{
    return (unsigned)m < SIM_MEASURE_COUNT ? measure_names[m] : NULL;
}

int sim_measure_parse(const char *name)
{
    return parse_name(measure_names, SIM_MEASURE_COUNT, name);
}

const char *sim_logistics_name(sim_logistics l)
{
    return (unsigned)l < SIM_LOGISTICS_COUNT ? logistics_names[l] : NULL;
}

int sim_logistics_parse(const char *name)
{
    return parse_name(logistics_names, SIM_LOGISTICS_COUNT, name);
}

const char *sim_role_name(sim_role r)
{
    return (unsigned)r < SIM_ROLE_COUNT ? role_names[r] : NULL;
}

int sim_role_parse(const char *name)
{
    return parse_name(role_names, SIM_ROLE_COUNT, name);
}

const char *sim_level_name(int level)
{
    return level >= 0 && level < 4 ? level_names[level] : NULL;
}

int sim_level_parse(const char *name)
{
    return parse_name(level_names, 4, name);
}

static int dup_field(char **dst, const char *src)
{
    *dst = NULL;
    if (!src)
        return 0;
    size_t n = strlen(src) + 1;
    *dst = malloc(n);
    if (!*dst)
        return -1;
    memcpy(*dst, src, n);
    return 0;
}

int sim_action_copy(sim_action *dst, const sim_action *src)
{
    *dst = *src;
    dst->target = dst->channel = dst->text = NULL;
    if (dup_field(&dst->target, src->target) || dup_field(&dst->channel, src->channel) ||
        dup_field(&dst->text, src->text)) {
        sim_action_free(dst);
        return -1;
    }
    return 0;
}

void sim_action_free(sim_action *a)
{
    free(a->target);
    free(a->channel);
    free(a->text);
    a->target = a->channel = a->text = NULL;
}

/* Which scenario table the target of an action type names. */
int sim_live_question(const char *target)
{
    size_t k = strlen(SIM_LIVE_PREFIX);
    if (!target || strncmp(target, SIM_LIVE_PREFIX, k) != 0 || target[k] < '1' || target[k] > '9' ||
        strlen(target + k) > 6 || strspn(target + k, "0123456789") != strlen(target + k))
        return 0;
    return atoi(target + k);
}

static int target_known(const sim_action *a, const sim_scenario *s)
{
    switch (a->type) {
    case SIM_ACT_REBUT: return sim_scenario_rumour(s, a->target) >= 0;
    case SIM_ACT_ANSWER: return sim_scenario_question(s, a->target) >= 0 || sim_live_question(a->target) > 0;
    case SIM_ACT_VERIFY: return sim_scenario_fact(s, a->target) >= 0;
    case SIM_ACT_INJECT: return sim_scenario_inject(s, a->target) >= 0;
    case SIM_ACT_OFFLINE: return sim_measure_parse(a->target) >= 0;
    case SIM_ACT_LOGISTICS: return sim_logistics_parse(a->target) >= 0;
    default: return 1;
    }
}

static const char *target_kind(sim_action_type t)
{
    switch (t) {
    case SIM_ACT_REBUT: return "rumour";
    case SIM_ACT_ANSWER: return "question";
    case SIM_ACT_VERIFY: return "fact";
    case SIM_ACT_INJECT: return "inject";
    case SIM_ACT_OFFLINE: return "offline measure";
    case SIM_ACT_LOGISTICS: return "logistics item (venue, hotline, transport, materials)";
    case SIM_ACT_ASK: return "reporter";
    default: return "target";
    }
}

int sim_action_validate(const sim_action *a, const sim_scenario *s, char *err, int errlen)
{
    const char *name = sim_action_type_name(a->type);
    if (!name) {
        snprintf(err, (size_t)errlen, "unknown action type %d", (int)a->type);
        return -1;
    }
    if (a->t < 0) {
        snprintf(err, (size_t)errlen, "%s: negative time %lld", name, (long long)a->t);
        return -1;
    }
    if ((unsigned)a->role >= SIM_ROLE_COUNT) {
        snprintf(err, (size_t)errlen, "%s: unknown role", name);
        return -1;
    }
    int needs = kinds[a->type].needs;
    if ((needs & SIM_NEEDS_TEXT) && (!a->text || !a->text[0])) {
        snprintf(err, (size_t)errlen, "%s: text is required", name);
        return -1;
    }
    if ((needs & SIM_NEEDS_TARGET) && (!a->target || !a->target[0])) {
        snprintf(err, (size_t)errlen, "%s: %s is required", name, target_kind(a->type));
        return -1;
    }
    if ((needs & SIM_NEEDS_TARGET) && !target_known(a, s)) {
        snprintf(err, (size_t)errlen, "%s: unknown %s \"%s\"", name, target_kind(a->type), a->target);
        return -1;
    }
    if (((needs & SIM_NEEDS_CHANNEL) || a->type == SIM_ACT_POST) && a->channel &&
        sim_scenario_platform(s, a->channel) < 0) {
        snprintf(err, (size_t)errlen, "%s: unknown channel \"%s\"", name, a->channel);
        return -1;
    }
    if ((needs & SIM_NEEDS_CHANNEL) && !a->channel) {
        snprintf(err, (size_t)errlen, "%s: unknown channel \"\"", name);
        return -1;
    }
    if ((needs & SIM_NEEDS_LEVEL) && (a->level < 0 || a->level > 3)) {
        snprintf(err, (size_t)errlen, "%s: level must be blue, yellow, orange or red", name);
        return -1;
    }
    if (a->follow_up != 0 && (a->follow_up != 1 || a->type != SIM_ACT_ASK)) {
        snprintf(err, (size_t)errlen, "%s: only a live question (ask) is a follow-up", name);
        return -1;
    }
    return 0;
}
