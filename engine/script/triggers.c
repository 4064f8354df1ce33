/* triggers.c — the scenario's rules: on_action / on_tick / on_threshold registration while loading,
 * and running them as the world's hooks (declaration order; each call under its own budget, all calls
 * at one simulated time under the tick's, all calls of one world under the drill's). */
#include "scn_internal.h"

#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const metric_names[SCN_METRIC_COUNT] = {
    "posts_per_hour", "reads", "trust_below", "crowd", "rumour_reach", "time",
};

const char *scn_metric_name(scn_metric m)
{
    return m < SCN_METRIC_COUNT ? metric_names[m] : "?";
}

static int register_start(lua_State *L, const char *what)
{
    if (!scn_of(L)->loading)
        luaL_error(L, "%s can only be called while scenario.lua loads, not inside a trigger", what);
    return scn_caller_line(L);
}

/* Keep the function at stack index `fn` and append a trigger for it. */
static scn_trigger *add_trigger(lua_State *L, int fn, scn_trig_kind kind, int line)
{
    scn_script *sc = scn_of(L);
    if (sc->n_trig >= SCN_MAX_TRIGGERS)
        luaL_error(L, "too many triggers (at most %d on_action, on_tick and on_threshold together)",
                   SCN_MAX_TRIGGERS);
    scn_grow(L, (void **)&sc->trig, sc->n_trig, &sc->cap_trig, sizeof *sc->trig);
    lua_pushvalue(L, fn);
    int ref = luaL_ref(L, LUA_REGISTRYINDEX);
    scn_trigger *t = &sc->trig[sc->n_trig++];
    memset(t, 0, sizeof *t);
    t->kind = kind;
    t->action_type = -1;
    t->ref = ref;
    t->line = line;
    return t;
}

static int want_function(lua_State *L, int idx, const char *what, int line)
{
    if (lua_type(L, idx) == LUA_TFUNCTION)
        return 1;
    scn_script *sc = scn_of(L);
    scn_problems_add(sc->probs, sc->path, line, "%s: argument %d must be a function, not %s", what, idx,
                     luaL_typename(L, idx));
    return 0;
}

static int reg_on_action(lua_State *L)
{
    scn_script *sc = scn_of(L);
    int line = register_start(L, "on_action");
    int type = -1;
    if (lua_type(L, 1) != LUA_TSTRING) {
        scn_problems_add(sc->probs, sc->path, line, "on_action: argument 1 must be an action type name or \"*\"");
        return 0;
    }
    const char *name = lua_tostring(L, 1);
    if (strcmp(name, "*") != 0) {
        type = sim_action_type_parse(name);
        if (type < 0) {
            char list[300] = "";
            for (int i = 0; i < SIM_ACT_COUNT; i++) {
                size_t n = strlen(list);
                snprintf(list + n, sizeof list - n, "%s%s", i ? ", " : "", sim_action_type_name((sim_action_type)i));
            }
            scn_problems_add(sc->probs, sc->path, line, "on_action: unknown action type '%.40s' (use %s or \"*\")",
                             name, list);
            return 0;
        }
    }
    if (!want_function(L, 2, "on_action", line))
        return 0;
    add_trigger(L, 2, SCN_TRIG_ACTION, line)->action_type = type;
    return 0;
}

static int reg_on_tick(lua_State *L)
{
    int line = register_start(L, "on_tick");
    if (want_function(L, 1, "on_tick", line))
        add_trigger(L, 1, SCN_TRIG_TICK, line);
    return 0;
}

static int reg_on_threshold(lua_State *L)
{
    scn_script *sc = scn_of(L);
    int line = register_start(L, "on_threshold");
    const char *name = lua_tostring(L, 1);
    int metric = -1;
    for (int i = 0; name && lua_type(L, 1) == LUA_TSTRING && i < SCN_METRIC_COUNT; i++)
        if (strcmp(name, metric_names[i]) == 0)
            metric = i;
    if (metric < 0) {
        scn_problems_add(sc->probs, sc->path, line,
                         "on_threshold: unknown metric '%.40s' (use posts_per_hour, reads, trust_below, crowd, "
                         "rumour_reach or time)", name ? name : luaL_typename(L, 1));
        return 0;
    }
    double value;
    if (metric == SCN_METRIC_TIME) {
        char why[160];
        sim_time t;
        if (scn_time_parse(L, 2, &t, why, sizeof why)) {
            scn_problems_add(sc->probs, sc->path, line, "on_threshold: the time %s", why);
            return 0;
        }
        value = (double)t;
    } else {
        double lo = 0.0, hi = metric == SCN_METRIC_TRUST_BELOW ? 100.0 : metric == SCN_METRIC_REACH ? 1.0 : HUGE_VAL;
        if (lua_type(L, 2) != LUA_TNUMBER || !isfinite(lua_tonumber(L, 2)) || lua_tonumber(L, 2) < lo ||
            lua_tonumber(L, 2) > hi) {
            if (hi == HUGE_VAL)
                scn_problems_add(sc->probs, sc->path, line, "on_threshold: the value for %s must be a number >= 0",
                                 name);
            else
                scn_problems_add(sc->probs, sc->path, line,
                                 "on_threshold: the value for %s must be a number between 0 and %g", name, hi);
            return 0;
        }
        value = (double)lua_tonumber(L, 2);
    }
    if (!want_function(L, 3, "on_threshold", line))
        return 0;
    scn_trigger *t = add_trigger(L, 3, SCN_TRIG_THRESHOLD, line);
    t->metric = (scn_metric)metric;
    t->value = value;
    return 0;
}

void scn_open_triggers(lua_State *L)
{
    static const luaL_Reg regs[] = {
        {"on_action", reg_on_action}, {"on_tick", reg_on_tick}, {"on_threshold", reg_on_threshold}, {NULL, NULL},
    };
    lua_pushglobaltable(L);
    luaL_setfuncs(L, regs, 0);
    lua_pop(L, 1);
}

typedef struct run_args {
    const scn_trigger *t;
    const sim_action *a;
} run_args;

/* Runs inside the sandbox's protected call: build the arguments, then call the trigger. */
static int run_protected(lua_State *L)
{
    scn_script *sc = scn_of(L);
    const run_args *ra = lua_touserdata(L, 1);
    lua_rawgeti(L, LUA_REGISTRYINDEX, ra->t->ref);
    int nargs = 0;
    if (ra->t->kind == SCN_TRIG_ACTION) {
        scn_push_action(L, ra->a);
        nargs++;
    }
    lua_rawgeti(L, LUA_REGISTRYINDEX, sc->w_ref);
    nargs++;
    scn_state_enter(L, sc->world);
    lua_call(L, nargs, 0);
    scn_state_leave(L, sc->world, ra->t->line);
    scn_guard_check(L, (int)(ra->t - sc->trig), ra->t->line);
    return 0;
}

/* The tick's budget belongs to one simulated time of one world; the drill's to one world (time
 * running backwards means the world was rebuilt). */
static void budget_window(scn_script *sc, const sim_world *w)
{
    if (sc->window_world == w && sc->window_now == w->now)
        return;
    if (sc->window_world != w || w->now < sc->window_now) {
        sc->drill_left = SCN_DRILL_BUDGET;
        sc->world_mem = 0;
        sc->cpu_drill = 0;
    }
    sc->window_world = w;
    sc->window_now = w->now;
    sc->tick_left = SCN_TICK_BUDGET;
    sc->cpu_tick = 0;
    sc->notes_left = SCN_NOTES_PER_TICK;
}

int scn_trigger_run(scn_script *sc, int i, sim_world *w, const sim_action *a, long budget, long *used, int *line,
                    char *msg, size_t msglen)
{
    run_args ra = {&sc->trig[i], a};
    budget_window(sc, w);
    lua_pushcfunction(sc->L, run_protected);
    lua_pushlightuserdata(sc->L, &ra);
    sc->world = w;
    int rc = scn_sandbox_call(sc, 1, budget, &w->rng, line, msg, msglen);
    sc->world = NULL;
    *used = budget - (sc->budget_left > 0 ? sc->budget_left : 0) + SCN_TRIGGER_COST;
    if (rc && *line <= 0)
        *line = sc->trig[i].line;
    return rc;
}

/* Run trigger i under the smallest of the call's, the tick's and the drill's budgets; when one of
 * the latter two ran out, say so. */
static int run_budgeted(scn_script *sc, int i, sim_world *w, const sim_action *a, int *line, char *msg, size_t msglen)
{
    long budget = SCN_CALL_BUDGET, limit = 0;
    const char *whose = NULL;
    budget_window(sc, w);
    if (sc->tick_left < budget) {
        budget = sc->tick_left;
        limit = SCN_TICK_BUDGET;
        whose = "of all triggers at one simulated time";
    }
    if (sc->drill_left < budget) {
        budget = sc->drill_left;
        limit = SCN_DRILL_BUDGET;
        whose = "of all triggers over the drill";
    }
    long used = 0;
    int rc = budget > 0 ? scn_trigger_run(sc, i, w, a, budget, &used, line, msg, msglen) : -1;
    sc->tick_left -= used;
    sc->drill_left -= used;
    if (whose && (budget <= 0 || (rc && sc->fatal == SCN_FATAL_BUDGET && !sc->cpu_expired))) {
        *line = sc->trig[i].line;
        snprintf(msg, msglen, "instruction budget exceeded: the budget %s (%ld) is spent", whose, limit);
        return -1;
    }
    return rc;
}

static double max_reach(const sim_world *w)
{
    double best = 0.0;
    for (int r = 0; r < w->scn->n_rumours; r++)
        if (w->rumours[r].reach > best)
            best = w->rumours[r].reach;
    return best;
}

static int reached(const sim_world *w, const scn_trigger *t)
{
    switch (t->metric) {
    case SCN_METRIC_POSTS: return w->m.posts_per_hour >= t->value;
    case SCN_METRIC_READS: return w->m.reads_total >= t->value;
    case SCN_METRIC_TRUST_BELOW: return w->m.trust < t->value;
    case SCN_METRIC_CROWD: return w->m.crowd >= t->value;
    case SCN_METRIC_REACH: return max_reach(w) >= t->value;
    case SCN_METRIC_TIME: return (double)w->now >= t->value;
    case SCN_METRIC_COUNT: break;
    }
    return 0;
}

/* "file:line: message" into w->error, cut at a character boundary when it does not fit. */
static int fail(scn_script *sc, sim_world *w, int line, const char *msg)
{
    char full[1024];
    if (line > 0)
        snprintf(full, sizeof full, "%s:%d: %s", sc->path, line, msg);
    else
        snprintf(full, sizeof full, "%s: %s", sc->path, msg);
    size_t n = strlen(full);
    if (n >= sizeof w->error) {
        n = sizeof w->error - 1;
        while (n > 0 && ((unsigned char)full[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(w->error, full, n);
    w->error[n] = '\0';
    return -1;
}

static int hook_action(void *ud, sim_world *w, const sim_action *a)
{
    scn_script *sc = ud;
    for (int i = 0; i < sc->n_trig; i++) {
        const scn_trigger *t = &sc->trig[i];
        if (t->kind != SCN_TRIG_ACTION || (t->action_type >= 0 && t->action_type != (int)a->type))
            continue;
        int line;
        char msg[400];
        if (run_budgeted(sc, i, w, a, &line, msg, sizeof msg))
            return fail(sc, w, line, msg);
    }
    return 0;
}

static int hook_tick(void *ud, sim_world *w)
{
    scn_script *sc = ud;
    /* Thresholds fire once per world: which fired is kept with the world, so a checkpoint's copy knows. */
    uint8_t *fired = sim_hook_bytes(w, sc->n_trig);
    if (sc->n_trig && !fired)
        return fail(sc, w, 0, "out of memory for the triggers' state");
    for (int i = 0; i < sc->n_trig; i++) {
        const scn_trigger *t = &sc->trig[i];
        if (t->kind == SCN_TRIG_ACTION)
            continue;
        if (t->kind == SCN_TRIG_THRESHOLD) {
            if (fired[i] || !reached(w, t))
                continue;
            fired[i] = 1;
        }
        int line;
        char msg[400];
        if (run_budgeted(sc, i, w, NULL, &line, msg, sizeof msg))
            return fail(sc, w, line, msg);
    }
    return 0;
}

void scn_hooks(scn_script *sc, sim_hooks *out)
{
    out->ud = sc;
    out->on_action = hook_action;
    out->on_tick = hook_tick;
}
