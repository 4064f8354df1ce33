/* api_world.c — what a trigger sees: the read-only `w` proxy (live metrics and the effects of
 * sim/world.h, ids checked) and the `a` table of an applied action with a.cites / a.wrong / a.mentions. */
#include "scn_internal.h"

#include <lauxlib.h>
#include <math.h>
#include <string.h>

static sim_world *cur_world(lua_State *L, const char *name)
{
    sim_world *w = scn_of(L)->world;
    if (!w)
        luaL_error(L, "w.%s is only available while a trigger runs", name);
    scn_check_weak(L);
    return w;
}

/* Index of the first real argument: w.fire("x") and w:fire("x") both work. */
static int first_arg(lua_State *L)
{
    if (lua_type(L, 1) != LUA_TTABLE)
        return 1;
    lua_rawgeti(L, LUA_REGISTRYINDEX, scn_of(L)->w_ref);
    int self = lua_rawequal(L, 1, -1);
    lua_pop(L, 1);
    return self ? 2 : 1;
}

typedef int (*find_fn)(const sim_scenario *, const char *);

/* How many declarations the kind `find` searches has. */
static int kind_count(const sim_scenario *s, find_fn find)
{
    return find == sim_scenario_fact       ? s->n_facts
           : find == sim_scenario_inject   ? s->n_injects
           : find == sim_scenario_rumour   ? s->n_rumours
           : find == sim_scenario_question ? s->n_questions
           : find == sim_scenario_ending   ? s->n_endings
                                           : 0;
}

static int lookup(lua_State *L, const sim_world *w, const char *fn, const char *what, find_fn find)
{
    const char *id = luaL_checkstring(L, first_arg(L));
    int i = find(w->scn, id);
    if (i >= 0)
        return i;
    /* a dry run goes on with the first of its kind, if there is one (its effects are not applied) */
    if (!scn_of(L)->probe || kind_count(w->scn, find) == 0)
        luaL_error(L, "w.%s: unknown %s '%s'", fn, what, id);
    scn_soft_error(L, lua_pushfstring(L, "w.%s: unknown %s '%s'", fn, what, id));
    return 0;
}

/* Fallback values a dry run tries for a read whose line names no number. */
static const double reach_tries[] = {0.0, 0.3, 1.0};

static int w_reach(lua_State *L)
{
    sim_world *w = cur_world(L, "reach");
    int r = lookup(L, w, "reach", "rumour", sim_scenario_rumour);
    lua_pushnumber(L, scn_of(L)->probe ? scn_probe_number(L, reach_tries, 3) : w->rumours[r].reach);
    return 1;
}

/* A yes/no read: the world's answer, or in a dry run each answer in turn. */
static int push_flag(lua_State *L, int real)
{
    scn_script *sc = scn_of(L);
    lua_pushboolean(L, sc->probe ? scn_probe_pick(sc, 2) : real);
    return 1;
}

static int w_verified(lua_State *L)
{
    sim_world *w = cur_world(L, "verified");
    return push_flag(L, sim_fact_is_verified(w, lookup(L, w, "verified", "fact", sim_scenario_fact)));
}

static int w_answered(lua_State *L)
{
    sim_world *w = cur_world(L, "answered");
    return push_flag(L, w->question_state[lookup(L, w, "answered", "question", sim_scenario_question)] >= 2);
}

static int w_started(lua_State *L)
{
    sim_world *w = cur_world(L, "started");
    return push_flag(L, w->rumours[lookup(L, w, "started", "rumour", sim_scenario_rumour)].started);
}

/* The effects: in a dry run only their arguments are checked. */
#define EFFECT(fn, what, find, apply)                                                                        \
    static int w_##fn(lua_State *L)                                                                          \
    {                                                                                                        \
        sim_world *w = cur_world(L, #fn);                                                                    \
        int i = lookup(L, w, #fn, what, find);                                                               \
        if (!scn_of(L)->probe)                                                                               \
            apply(w, i);                                                                                     \
        return 0;                                                                                            \
    }

EFFECT(fire, "inject", sim_scenario_inject, sim_fire_inject)
EFFECT(start_rumour, "rumour", sim_scenario_rumour, sim_start_rumour)
EFFECT(verify, "fact", sim_scenario_fact, sim_verify_fact)
EFFECT(ask, "question", sim_scenario_question, sim_ask_question)
EFFECT(ending, "ending", sim_scenario_ending, sim_reach_ending)

/* One text of a note at stack index `idx`: UTF-8, at most SCN_NOTE_MAX bytes. */
static const char *note_text(lua_State *L, int idx, const char *which, size_t *len)
{
    const char *text = lua_tolstring(L, idx, len);
    const char *why;
    size_t bad_at;
    if (!text)
        luaL_error(L, "w.note: the %stext must be a string, not %s", which, luaL_typename(L, idx));
    if (*len > SCN_NOTE_MAX)
        luaL_error(L, "w.note: the %stext is longer than %d bytes", which, SCN_NOTE_MAX);
    if (sim_utf8_check(text, *len, &why, &bad_at))
        luaL_error(L, "w.note: the %stext %s", which, why);
    return text;
}

/* A note is kept by the world for the whole drill: its size, the notes per simulated time and
 * their bytes (counted with the script's memory) are limited. w.note(text) or w.note{zh=, en=}. */
static int w_note(lua_State *L)
{
    sim_world *w = cur_world(L, "note");
    scn_script *sc = scn_of(L);
    int arg = first_arg(L);
    size_t zh_len = 0, en_len = 0;
    const char *zh, *en = NULL;
    if (lua_type(L, arg) == LUA_TTABLE) {
        lua_getfield(L, arg, "zh");
        lua_getfield(L, arg, "en");
        for (lua_pushnil(L); lua_next(L, arg); lua_pop(L, 1))
            if (lua_type(L, -2) != LUA_TSTRING || (strcmp(lua_tostring(L, -2), "zh") && strcmp(lua_tostring(L, -2), "en")))
                return luaL_error(L, "w.note: a bilingual note has only zh and en ({ zh = ..., en = ... })");
        zh = note_text(L, -2, "zh ", &zh_len);
        en = lua_isnil(L, -1) ? NULL : note_text(L, -1, "en ", &en_len);
    } else {
        luaL_checkstring(L, arg);
        zh = note_text(L, arg, "", &zh_len);
    }
    if (sc->probe)
        return 0;
    if (sc->notes_left <= 0)
        return luaL_error(L, "w.note: more than %d notes at one simulated time", SCN_NOTES_PER_TICK);
    scn_charge_memory(L, zh_len + 1 + (en ? en_len + 1 : 0) + sizeof(sim_event), 1);
    sc->notes_left--;
    if (sim_note2(w, zh, en))
        return luaL_error(L, "w.note: out of memory");
    return 0;
}

/* Largest change one w.adjust may make to trust, crowd and heat (documented in scenarios/README.md). */
static const double adjust_max[3] = {100.0, 1e7, 1e6};

static int w_adjust(lua_State *L)
{
    sim_world *w = cur_world(L, "adjust");
    int t = first_arg(L);
    luaL_checktype(L, t, LUA_TTABLE);
    double v[3] = {0.0, 0.0, 0.0};
    static const char *const names[3] = {"trust", "crowd", "heat"};
    lua_pushnil(L);
    while (lua_next(L, t)) {
        int k = -1;
        for (int i = 0; i < 3 && lua_type(L, -2) == LUA_TSTRING; i++)
            if (strcmp(lua_tostring(L, -2), names[i]) == 0)
                k = i;
        if (k < 0)
            return luaL_error(L, "w.adjust: unknown field '%s' (use trust, crowd and heat)",
                              lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : luaL_typename(L, -2));
        double d = lua_type(L, -1) == LUA_TNUMBER ? (double)lua_tonumber(L, -1) : NAN;
        if (!(d >= -adjust_max[k] && d <= adjust_max[k]))
            return luaL_error(L, "w.adjust: '%s' must be a number from %d to %d", names[k], -(int)adjust_max[k],
                              (int)adjust_max[k]);
        v[k] = d;
        lua_pop(L, 1);
    }
    if (!scn_of(L)->probe)
        sim_adjust(w, v[0], v[1], v[2]);
    return 0;
}

static const luaL_Reg w_functions[] = {
    {"reach", w_reach},   {"verified", w_verified}, {"answered", w_answered}, {"fire", w_fire},
    {"start_rumour", w_start_rumour}, {"verify", w_verify}, {"ask", w_ask},  {"adjust", w_adjust},
    {"note", w_note},     {"ending", w_ending},     {"started", w_started}, {NULL, NULL},
};

/* A dry run's value for w.now, w.trust, w.crowd, w.posts_per_hour, w.reads or w.level (which: 0..5). */
static int push_probe_value(lua_State *L, const sim_world *w, int which)
{
    static const double tries[5][3] = {
        {0.0, 0.0, 0.0}, {0.0, 50.0, 100.0}, {0.0, 100.0, 10000.0}, {0.0, 500.0, 5000.0}, {0.0, 1e4, 1e6},
    };
    if (which == 5) {
        lua_pushstring(L, sim_level_name(scn_probe_pick(scn_of(L), 4)));
        return 1;
    }
    double now_tries[3] = {0.0, (double)w->scn->duration / 2, (double)w->scn->duration};
    double v = scn_probe_number(L, which == 0 ? now_tries : tries[which], 3);
    if (which == 0)
        lua_pushinteger(L, (lua_Integer)v);
    else
        lua_pushnumber(L, v);
    return 1;
}

static int w_index(lua_State *L)
{
    const char *k = luaL_checkstring(L, 2);
    for (const luaL_Reg *f = w_functions; f->name; f++) {
        if (strcmp(k, f->name) == 0) {
            lua_pushcfunction(L, f->func);
            return 1;
        }
    }
    if (strcmp(k, "state") == 0) {
        cur_world(L, k);
        scn_state_push(L);
        return 1;
    }
    static const char *const values[] = {"now", "trust", "crowd", "posts_per_hour", "reads", "level", NULL};
    int which = -1;
    for (int i = 0; values[i]; i++)
        if (strcmp(k, values[i]) == 0)
            which = i;
    if (which < 0) {
        static const double tries[3] = {0.0, 50.0, 100.0};
        scn_soft_error(L, lua_pushfstring(L, "w has no field '%s'", k));   /* a dry run goes on with a number */
        lua_pushnumber(L, scn_probe_number(L, tries, 3));
        return 1;
    }
    const sim_world *w = cur_world(L, k);
    if (scn_of(L)->probe)
        return push_probe_value(L, w, which);
    switch (which) {
    case 0: lua_pushinteger(L, (lua_Integer)w->now); break;
    case 1: lua_pushnumber(L, w->m.trust); break;
    case 2: lua_pushnumber(L, w->m.crowd); break;
    case 3: lua_pushnumber(L, w->m.posts_per_hour); break;
    case 4: lua_pushnumber(L, w->m.reads_total); break;
    default: lua_pushstring(L, sim_level_name(w->m.level)); break;
    }
    return 1;
}

static int w_newindex(lua_State *L)
{
    return luaL_error(L, "w is read-only (use w.adjust{trust = ..., crowd = ..., heat = ...})");
}

void scn_open_world(lua_State *L)
{
    lua_newtable(L);
    lua_createtable(L, 0, 3);
    lua_pushcfunction(L, w_index);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, w_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    scn_of(L)->w_ref = luaL_ref(L, LUA_REGISTRYINDEX);
}

/* The action's text is a_mentions' upvalue, its claims a_cites' and a_wrong's; `a.cites` may also be
 * called as `a:cites`. */
static const char *action_text(lua_State *L, int *arg)
{
    *arg = lua_type(L, 1) == LUA_TTABLE ? 2 : 1;
    return lua_tostring(L, lua_upvalueindex(1));
}

/* Whether the action's claims (upvalue 1) include fact `id` with one of two effects. */
static int fact_effect(lua_State *L, const char *name, const char *e1, const char *e2)
{
    int arg = lua_type(L, 1) == LUA_TTABLE ? 2 : 1;
    sim_world *w = cur_world(L, name);
    const char *id = luaL_checkstring(L, arg);
    if (sim_scenario_fact(w->scn, id) < 0) {
        scn_soft_error(L, lua_pushfstring(L, "a.%s: unknown fact '%s'", name, id));   /* a dry run goes on with false */
        lua_pushboolean(L, 0);
        return 1;
    }
    int found = 0;
    lua_Integer n = luaL_len(L, lua_upvalueindex(1));
    for (lua_Integer i = 1; i <= n && !found; i++) {
        lua_rawgeti(L, lua_upvalueindex(1), i);
        lua_getfield(L, -1, "about");
        lua_getfield(L, -2, "id");
        lua_getfield(L, -3, "effect");
        const char *about = lua_tostring(L, -3), *cid = lua_tostring(L, -2), *eff = lua_tostring(L, -1);
        found = about && cid && eff && strcmp(about, "fact") == 0 && strcmp(cid, id) == 0 &&
                (strcmp(eff, e1) == 0 || strcmp(eff, e2) == 0);
        lua_pop(L, 4);
    }
    lua_pushboolean(L, found);
    return 1;
}

/* a.cites(fact): the text asserts the fact truly (verified or not yet). */
static int a_cites(lua_State *L)
{
    return fact_effect(L, "cites", "cites", "early");
}

/* a.wrong(fact): the text asserts a figure for the fact that is not (or no longer) its value; a
 * denial that quotes a wrong figure is not wrong. */
static int a_wrong(lua_State *L)
{
    return fact_effect(L, "wrong", "wrong", "outdated");
}

/* The action's text normalised once, on the first a.mentions (upvalue 2), however often a trigger asks. */
typedef struct mention_text {
    int ready;
    sim_norm n;
} mention_text;

static int mention_text_gc(lua_State *L)
{
    mention_text *m = lua_touserdata(L, 1);
    if (m && m->ready)
        sim_norm_free(&m->n);
    return 0;
}

static int a_mentions(lua_State *L)
{
    int arg;
    const char *text = action_text(L, &arg);
    const char *word = luaL_checkstring(L, arg);
    mention_text *m = lua_touserdata(L, lua_upvalueindex(2));
    int found = 0;
    if (text && m) {
        if (!m->ready) {
            if (sim_norm_make(&m->n, text))
                return luaL_error(L, "a.mentions: out of memory");
            m->ready = 1;
        }
        found = sim_norm_find(&m->n, word, 0, NULL) >= 0;
    }
    lua_pushboolean(L, found);
    return 1;
}

/* Push a.mentions: the text and its (not yet made) normalised form as upvalues. */
static void push_mentions(lua_State *L, const char *text)
{
    if (text)
        lua_pushstring(L, text);
    else
        lua_pushnil(L);
    mention_text *m = lua_newuserdatauv(L, sizeof *m, 0);
    m->ready = 0;
    if (luaL_newmetatable(L, "yqdrill.mention_text")) {
        lua_pushcfunction(L, mention_text_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    lua_pushcclosure(L, a_mentions, 2);
}

static void set_string_field(lua_State *L, const char *key, const char *value)
{
    if (!value)
        return;
    lua_pushstring(L, value);
    lua_setfield(L, -2, key);
}

/* a.claims: {about, id, stance, status, effect, number?} per claim the world read in the text. */
static void push_claims(lua_State *L, const sim_scenario *s, const sim_reading *rd)
{
    lua_createtable(L, rd ? rd->n_claims : 0, 0);
    for (int i = 0; rd && i < rd->n_claims; i++) {
        const sim_claim *c = &rd->claims[i];
        lua_createtable(L, 0, 6);
        set_string_field(L, "about", sim_about_name(c->about));
        set_string_field(L, "id", sim_claim_id(s, c));
        set_string_field(L, "stance", sim_claim_stance_name(c->stance));
        set_string_field(L, "status", sim_claim_status_name(c->status));
        set_string_field(L, "effect", sim_claim_effect_name(sim_claim_effect_of(c)));
        if (c->has_number) {
            lua_pushnumber(L, c->number);
            lua_setfield(L, -2, "number");
        }
        lua_rawseti(L, -2, i + 1);
    }
}

/* The reading the world took of action a when it was applied; an action that is not in the log
 * (check's dry runs) is read now. */
static const sim_reading *reading_of(const scn_script *sc, const sim_world *w, const sim_action *a,
                                     sim_reading *scratch)
{
    if (!w || !a->text)
        return NULL;
    if (sc->dry_reading)
        return sc->dry_reading;
    if (w->log && a >= w->log && a < w->log + w->n_log)
        return sim_action_reading(w, (int)(a - w->log));
    sim_truth truth = {NULL, w->now};
    return sim_read(a->text, w->scn, w->lex, &truth, scratch) == 0 ? scratch : NULL;
}

void scn_push_action(lua_State *L, const sim_action *a)
{
    const scn_script *sc = scn_of(L);
    const sim_world *w = sc->world;
    sim_reading *scratch = sc->dry_reading ? NULL : lua_newuserdatauv(L, sizeof *scratch, 0); /* collected like any Lua value */
    const sim_reading *rd = reading_of(sc, w, a, scratch);
    lua_createtable(L, 0, 10);
    set_string_field(L, "type", sim_action_type_name(a->type));
    lua_pushinteger(L, (lua_Integer)a->t);
    lua_setfield(L, -2, "t");
    set_string_field(L, "role", sim_role_name(a->role));
    if (a->level != SIM_LEVEL_NONE)
        set_string_field(L, "level", sim_level_name(a->level));
    set_string_field(L, "target", a->target);
    set_string_field(L, "channel", a->channel);
    set_string_field(L, "text", a->text);
    push_mentions(L, a->text);
    lua_setfield(L, -2, "mentions");
    push_claims(L, w ? w->scn : NULL, rd);
    lua_pushvalue(L, -1);
    lua_pushcclosure(L, a_wrong, 1);
    lua_setfield(L, -3, "wrong");
    lua_pushvalue(L, -1);
    lua_pushcclosure(L, a_cites, 1);
    lua_setfield(L, -3, "cites");
    lua_setfield(L, -2, "claims");
    if (scratch)
        lua_remove(L, -2);
}
