/* api_yq.c — `yq`, the sandbox's small library of the trigger shapes drills repeat: public texts,
 * wrong or early figures, stock phrases, effects from a table, deadlines, offline measures, endings. */
#include "scn_internal.h"

#include <lauxlib.h>
#include <stdio.h>
#include <string.h>

/* C-side work charged per a.mentions / a.cites / w.* call the library makes (what the Lua it
 * replaces would have spent in instructions). */
#define YQ_CALL_COST 20

/* Call method `name` of the table at `obj` with one string; its result as a boolean. */
static int call_bool(lua_State *L, int obj, const char *name, const char *arg)
{
    scn_charge(L, YQ_CALL_COST, NULL);
    lua_getfield(L, obj, name);
    lua_pushstring(L, arg);
    lua_call(L, 1, 1);
    int r = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return r;
}

/* The strings of field `key` of the table at `t` (a string or a list), one by one through `fn`;
 * stops at the first that returns true. */
static int any_of(lua_State *L, int t, const char *key, int (*fn)(lua_State *, int, const char *, int), int ud)
{
    int found = 0, type = key ? lua_getfield(L, t, key) : (lua_pushvalue(L, t), LUA_TTABLE);
    if (type == LUA_TSTRING) {
        found = fn(L, ud, lua_tostring(L, -1), 0);
    } else if (type == LUA_TTABLE) {
        lua_Integer n = luaL_len(L, -1);
        for (lua_Integer i = 1; i <= n && !found; i++) {
            if (lua_rawgeti(L, -1, i) != LUA_TSTRING)
                luaL_error(L, "yq: '%s' must list strings", key ? key : "words");
            found = fn(L, ud, lua_tostring(L, -1), (int)i);
            lua_pop(L, 1);
        }
    } else if (type != LUA_TNIL) {
        luaL_error(L, "yq: '%s' must be a string or a list of strings", key);
    }
    lua_pop(L, 1);
    return found;
}

static int mentions_one(lua_State *L, int a, const char *word, int i)
{
    (void)i;
    return call_bool(L, a, "mentions", word);
}

static int cites_one(lua_State *L, int a, const char *fact, int i)
{
    (void)i;
    return call_bool(L, a, "cites", fact);
}

/* yq.public(a): a text the public reads (statement, reply, rebut, answer). */
static int yq_public(lua_State *L)
{
    static const char *const types[] = {"statement", "reply", "rebut", "answer"};
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_getfield(L, 1, "type");
    const char *t = lua_tostring(L, -1);
    int pub = 0;
    for (int i = 0; t && i < 4; i++)
        pub |= strcmp(t, types[i]) == 0;
    lua_pushboolean(L, pub);
    return 1;
}

/* yq.says_any(a, {words}): the text mentions one of the words. */
static int yq_says_any(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_pushboolean(L, any_of(L, 2, NULL, mentions_one, 1));
    return 1;
}

/* Whether the text writes a figure from..to (step) other than `right` in one of `words`, "{n}"
 * standing for the figure (a word without it follows the figure). spec at index 2, a at 1. */
static int other_number(lua_State *L)
{
    lua_Integer from = (lua_getfield(L, 2, "from"), luaL_optinteger(L, -1, 1));
    lua_Integer to = (lua_getfield(L, 2, "to"), luaL_optinteger(L, -1, 0));
    lua_Integer step = (lua_getfield(L, 2, "step"), luaL_optinteger(L, -1, 1));
    lua_Integer right = (lua_getfield(L, 2, "right"), luaL_optinteger(L, -1, -1));
    lua_pop(L, 4);
    if (step <= 0)
        luaL_error(L, "yq: 'step' must be a positive whole number");
    if (lua_getfield(L, 2, "words") != LUA_TTABLE)
        luaL_error(L, "yq: 'words' must list the phrasings, \"{n}\" standing for the figure");
    int words = lua_absindex(L, -1);
    lua_Integer nw = luaL_len(L, words);
    int found = 0;
    for (lua_Integer n = from; n <= to && !found; n += step) {
        if (n == right)
            continue;
        for (lua_Integer i = 1; i <= nw && !found; i++) {
            lua_rawgeti(L, words, i);
            const char *w = lua_tostring(L, -1);
            if (!w)
                luaL_error(L, "yq: 'words' must list strings");
            char num[32];
            snprintf(num, sizeof num, "%lld", (long long)n);
            const char *slot = strstr(w, "{n}");
            if (slot)
                lua_pushfstring(L, "%s%s%s", lua_pushlstring(L, w, (size_t)(slot - w)), num, slot + 3);
            else
                lua_pushfstring(L, "%s%s", num, w);
            found = call_bool(L, 1, "mentions", lua_tostring(L, -1));
            lua_pop(L, slot ? 3 : 2);
        }
    }
    lua_pop(L, 1);
    return found;
}

/* yq.wrong_number(a, w, spec): the text cites one of spec.cites before spec.verified (default: the
 * first of spec.cites) is verified, or writes another figure (spec.right, from, to, step, words). */
static int yq_wrong_number(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checktype(L, 3, LUA_TTABLE);
    int early = any_of(L, 3, "cites", cites_one, 1);
    if (early) {
        if (lua_getfield(L, 3, "verified") != LUA_TSTRING) {
            lua_pop(L, 1);
            if (lua_getfield(L, 3, "cites") == LUA_TTABLE)
                lua_rawgeti(L, -1, 1);
        }
        const char *fact = lua_tostring(L, -1);
        if (!fact)
            luaL_error(L, "yq.wrong_number: 'verified' must name a fact");
        early = !call_bool(L, 2, "verified", fact);
        lua_settop(L, 3);
    }
    if (!early && lua_getfield(L, 3, "words") != LUA_TNIL) {
        lua_pop(L, 1);
        lua_pushvalue(L, 3);
        lua_replace(L, 2);
        early = other_number(L);
    }
    lua_pushboolean(L, early);
    return 1;
}

/* Call w.<name>(value) for field `key` of the effect table at `e` when present. */
static void effect(lua_State *L, int w, int e, const char *key, const char *name)
{
    if (lua_getfield(L, e, key) != LUA_TNIL) {
        scn_charge(L, YQ_CALL_COST, NULL);
        lua_getfield(L, w, name);
        lua_insert(L, -2);
        lua_call(L, 1, 0);
    } else {
        lua_pop(L, 1);
    }
}

/* One effect table, in a fixed order: verify, rumour, fire, ask, adjust, note, ending. */
static void apply_one(lua_State *L, int w, int e)
{
    static const char *const keys[][2] = {
        {"verify", "verify"}, {"rumour", "start_rumour"}, {"fire", "fire"}, {"ask", "ask"},
        {"adjust", "adjust"}, {"note", "note"},           {"ending", "ending"},
    };
    static const char *const known = " verify rumour fire ask adjust note ending ";
    for (lua_pushnil(L); lua_next(L, e); lua_pop(L, 1)) {
        const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : NULL;
        char word[40];
        snprintf(word, sizeof word, " %.30s ", k ? k : "?");
        if (!k || !strstr(known, word))
            luaL_error(L, "yq: unknown effect '%s' (use verify, rumour, fire, ask, adjust, note, ending)",
                       k ? k : luaL_typename(L, -2));
    }
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        effect(L, w, e, keys[i][0], keys[i][1]);
}

/* The effects at `e`: one table, or a list of tables applied in turn (for another order). */
static void apply_effects(lua_State *L, int w, int e)
{
    luaL_checktype(L, e, LUA_TTABLE);
    if (lua_rawgeti(L, e, 1) != LUA_TTABLE) {
        lua_pop(L, 1);
        apply_one(L, w, e);
        return;
    }
    lua_pop(L, 1);
    lua_Integer n = luaL_len(L, e);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, e, i);
        luaL_checktype(L, -1, LUA_TTABLE);
        apply_one(L, w, lua_gettop(L));
        lua_pop(L, 1);
    }
}

/* yq.apply(w, effects): see apply_effects. */
static int yq_apply(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    apply_effects(L, 1, 2);
    return 0;
}

/* Register the C closure on top of the stack with on_action / on_threshold (args pushed before it). */
static void register_closure(lua_State *L, const char *reg, int nargs)
{
    lua_getglobal(L, reg);
    lua_insert(L, -2 - nargs);
    lua_call(L, nargs + 1, 0);
}

/* Deadline trigger: upvalue 1 the spec. Unless spec.unless_verified is verified or
 * spec.unless_answered answered, apply spec.effects. */
static int deadline_run(lua_State *L)
{
    int w = 1, spec = lua_upvalueindex(1);
    int spared = 0;
    if (lua_getfield(L, spec, "unless_verified") == LUA_TSTRING)
        spared = call_bool(L, w, "verified", lua_tostring(L, -1));
    lua_pop(L, 1);
    if (!spared && lua_getfield(L, spec, "unless_answered") == LUA_TSTRING)
        spared = call_bool(L, w, "answered", lua_tostring(L, -1));
    lua_settop(L, 1);
    if (!spared) {
        lua_getfield(L, spec, "effects");
        apply_effects(L, w, 2);
    }
    return 0;
}

/* yq.deadline(time, spec): at `time`, unless the fact is verified / the question answered. */
static int yq_deadline(lua_State *L)
{
    luaL_checktype(L, 2, LUA_TTABLE);
    if (lua_getfield(L, 2, "effects") != LUA_TTABLE)
        luaL_error(L, "yq.deadline: 'effects' must be a table of effects");
    lua_settop(L, 2);
    lua_pushliteral(L, "time");
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, deadline_run, 1);
    register_closure(L, "on_threshold", 2);
    return 0;
}

/* Offline trigger: upvalue 1 maps a measure to its effects. */
static int offline_run(lua_State *L)
{
    lua_getfield(L, 1, "target");
    if (lua_type(L, -1) == LUA_TSTRING && lua_gettable(L, lua_upvalueindex(1)) != LUA_TNIL)
        apply_effects(L, 2, lua_gettop(L));
    return 0;
}

/* yq.offline{ apology = effects, hotline = effects, ... }: what each offline measure does. */
static int yq_offline(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    for (lua_pushnil(L); lua_next(L, 1); lua_pop(L, 1))
        if (lua_type(L, -2) != LUA_TSTRING || sim_measure_parse(lua_tostring(L, -2)) < 0)
            luaL_error(L, "yq.offline: '%s' is no offline measure (use field_investigation, apology, compensation, "
                          "hotline)", lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?");
    lua_pushliteral(L, "offline");
    lua_pushvalue(L, 1);
    lua_pushcclosure(L, offline_run, 1);
    register_closure(L, "on_action", 1);
    return 0;
}

/* Trigger that closes on trust: upvalue 1 the list { {trust, ending}, ... }, highest first; the first
 * whose trust w.trust reaches (the last always) is the ending. Called as action (a, w) or tick (w). */
static int close_run(lua_State *L)
{
    int w = lua_gettop(L);
    int list = lua_upvalueindex(1);
    lua_Integer n = luaL_len(L, list);
    scn_script *sc = scn_of(L);
    /* check's dry run takes each ending in turn (no value of w.trust it could try knows the bars) */
    lua_Integer only = sc->probe ? 1 + scn_probe_pick(sc, (int)(n < SCN_MAX_DECLS ? n : SCN_MAX_DECLS)) : 0;
    for (lua_Integer i = only ? only : 1; i <= n; i++) {
        lua_rawgeti(L, list, i);
        lua_rawgeti(L, -1, 1);
        double bar = lua_tonumber(L, -1);
        lua_pop(L, 1);
        int reached = i == n || only;
        if (!reached) {
            scn_charge(L, YQ_CALL_COST, NULL);
            lua_getfield(L, w, "trust");
            reached = lua_tonumber(L, -1) >= bar;
            lua_pop(L, 1);
        }
        if (reached) {
            lua_getfield(L, w, "ending");
            lua_rawgeti(L, -2, 2);
            lua_call(L, 1, 0);
            return 0;
        }
        lua_pop(L, 1);
    }
    return 0;
}

/* yq.close_by_trust{ at = time, on_summary = bool, {70, "e_good"}, {40, "e_mixed"}, {0, "e_bad"} }. */
static int yq_close_by_trust(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer n = luaL_len(L, 1);
    if (n < 1)
        luaL_error(L, "yq.close_by_trust: list at least one {trust, ending}");
    for (lua_Integer i = 1; i <= n; i++) {
        if (lua_rawgeti(L, 1, i) != LUA_TTABLE || lua_rawgeti(L, -1, 1) != LUA_TNUMBER ||
            lua_rawgeti(L, -2, 2) != LUA_TSTRING)
            luaL_error(L, "yq.close_by_trust: entry %d must be {trust, \"ending id\"}", (int)i);
        lua_pop(L, 3);
    }
    lua_getfield(L, 1, "on_summary");
    int summary = lua_toboolean(L, -1);
    lua_pop(L, 1);
    if (summary) {
        lua_pushliteral(L, "summary");
        lua_pushvalue(L, 1);
        lua_pushcclosure(L, close_run, 1);
        register_closure(L, "on_action", 1);
    }
    if (lua_getfield(L, 1, "at") != LUA_TNIL) {
        lua_pushliteral(L, "time");
        lua_insert(L, -2);
        lua_pushvalue(L, 1);
        lua_pushcclosure(L, close_run, 1);
        register_closure(L, "on_threshold", 2);
    }
    return 0;
}

/* Trigger for public texts only: upvalue 1 the scenario's function (a, w). */
static int public_run(lua_State *L)
{
    yq_public(L);
    int pub = lua_toboolean(L, -1);
    lua_settop(L, 2);
    if (pub) {
        lua_pushvalue(L, lua_upvalueindex(1));
        lua_insert(L, 1);
        lua_call(L, 2, 0);
    }
    return 0;
}

/* yq.on_public(function(a, w) ... end): on_action("*") for statements, replies, rebuttals, answers. */
static int yq_on_public(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_pushliteral(L, "*");
    lua_pushvalue(L, 1);
    lua_pushcclosure(L, public_run, 1);
    register_closure(L, "on_action", 1);
    return 0;
}

void scn_open_yq(lua_State *L)
{
    static const luaL_Reg fns[] = {
        {"public", yq_public},       {"says_any", yq_says_any}, {"wrong_number", yq_wrong_number},
        {"apply", yq_apply},         {"deadline", yq_deadline}, {"offline", yq_offline},
        {"close_by_trust", yq_close_by_trust}, {"on_public", yq_on_public}, {NULL, NULL},
    };
    luaL_newlib(L, fns);
    lua_setglobal(L, "yq");
}
