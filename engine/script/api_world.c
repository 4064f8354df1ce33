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

static int lookup(lua_State *L, const sim_world *w, const char *fn, const char *what, find_fn find)
{
    const char *id = luaL_checkstring(L, first_arg(L));
    int i = find(w->scn, id);
    if (i < 0)
        luaL_error(L, "w.%s: unknown %s '%s'", fn, what, id);
    return i;
}

static int w_reach(lua_State *L)
{
    sim_world *w = cur_world(L, "reach");
    lua_pushnumber(L, w->rumours[lookup(L, w, "reach", "rumour", sim_scenario_rumour)].reach);
    return 1;
}

static int w_verified(lua_State *L)
{
    sim_world *w = cur_world(L, "verified");
    lua_pushboolean(L, sim_fact_is_verified(w, lookup(L, w, "verified", "fact", sim_scenario_fact)));
    return 1;
}

static int w_answered(lua_State *L)
{
    sim_world *w = cur_world(L, "answered");
    lua_pushboolean(L, w->question_state[lookup(L, w, "answered", "question", sim_scenario_question)] >= 2);
    return 1;
}

static int w_fire(lua_State *L)
{
    sim_world *w = cur_world(L, "fire");
    sim_fire_inject(w, lookup(L, w, "fire", "inject", sim_scenario_inject));
    return 0;
}

static int w_start_rumour(lua_State *L)
{
    sim_world *w = cur_world(L, "start_rumour");
    sim_start_rumour(w, lookup(L, w, "start_rumour", "rumour", sim_scenario_rumour));
    return 0;
}

static int w_verify(lua_State *L)
{
    sim_world *w = cur_world(L, "verify");
    sim_verify_fact(w, lookup(L, w, "verify", "fact", sim_scenario_fact));
    return 0;
}

static int w_ask(lua_State *L)
{
    sim_world *w = cur_world(L, "ask");
    sim_ask_question(w, lookup(L, w, "ask", "question", sim_scenario_question));
    return 0;
}

static int w_ending(lua_State *L)
{
    sim_world *w = cur_world(L, "ending");
    sim_reach_ending(w, lookup(L, w, "ending", "ending", sim_scenario_ending));
    return 0;
}

/* A note is kept by the world for the whole drill: its size, the notes per simulated time and
 * their bytes (counted with the script's memory) are limited. */
static int w_note(lua_State *L)
{
    sim_world *w = cur_world(L, "note");
    scn_script *sc = scn_of(L);
    size_t len;
    const char *text = luaL_checklstring(L, first_arg(L), &len);
    const char *why;
    size_t bad_at;
    if (len > SCN_NOTE_MAX)
        return luaL_error(L, "w.note: the text is longer than %d bytes", SCN_NOTE_MAX);
    if (sim_utf8_check(text, len, &why, &bad_at))
        return luaL_error(L, "w.note: the text %s", why);
    if (sc->notes_left <= 0)
        return luaL_error(L, "w.note: more than %d notes at one simulated time", SCN_NOTES_PER_TICK);
    scn_charge_memory(L, len + 1 + sizeof(sim_event), 1);
    sc->notes_left--;
    if (sim_note(w, text))
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
    sim_adjust(w, v[0], v[1], v[2]);
    return 0;
}

static const luaL_Reg w_functions[] = {
    {"reach", w_reach},   {"verified", w_verified}, {"answered", w_answered}, {"fire", w_fire},
    {"start_rumour", w_start_rumour}, {"verify", w_verify}, {"ask", w_ask},  {"adjust", w_adjust},
    {"note", w_note},     {"ending", w_ending},     {NULL, NULL},
};

static int w_index(lua_State *L)
{
    const char *k = luaL_checkstring(L, 2);
    for (const luaL_Reg *f = w_functions; f->name; f++) {
        if (strcmp(k, f->name) == 0) {
            lua_pushcfunction(L, f->func);
            return 1;
        }
    }
    static const char *const values[] = {"now", "trust", "crowd", "posts_per_hour", "reads", "level", NULL};
    int which = -1;
    for (int i = 0; values[i]; i++)
        if (strcmp(k, values[i]) == 0)
            which = i;
    if (which < 0)
        return luaL_error(L, "w has no field '%s'", k);
    const sim_world *w = cur_world(L, k);
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
    if (sim_scenario_fact(w->scn, id) < 0)
        return luaL_error(L, "a.%s: unknown fact '%s'", name, id);
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
static const sim_reading *reading_of(const sim_world *w, const sim_action *a, sim_reading *scratch)
{
    if (!w || !a->text)
        return NULL;
    if (w->log && a >= w->log && a < w->log + w->n_log)
        return sim_action_reading(w, (int)(a - w->log));
    sim_truth truth = {NULL, w->now};
    return sim_read(a->text, w->scn, w->lex, &truth, scratch) == 0 ? scratch : NULL;
}

void scn_push_action(lua_State *L, const sim_action *a)
{
    const sim_world *w = scn_of(L)->world;
    sim_reading *scratch = lua_newuserdatauv(L, sizeof *scratch, 0);   /* collected like any Lua value */
    const sim_reading *rd = reading_of(w, a, scratch);
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
    lua_remove(L, -2);
}
