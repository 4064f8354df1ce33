/* state_guard.c — keeps triggers' state in w.state: when scenario.lua has loaded, what a trigger could keep state
 * in besides it (upvalues reachable from the triggers, user-defined globals) is fingerprinted, and compared after each call. */
#include "scn_internal.h"

#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

#define GUARD_HINT "keep it in w.state (scenarios/README.md, Trigger state)"
#define GUARD_DEPTH 8   /* how deep tables are searched for functions whose upvalues to watch */

static const char baseline_key = 'b'; /* registry: _G's keys and values before scenario.lua ran */
static const char seen_key = 's';     /* registry, while building: upvalue ids and tables already met */

static int baseline(lua_State *L)
{
    lua_newtable(L);
    lua_pushglobaltable(L);
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, -5);
    }
    lua_pop(L, 1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &baseline_key);
    return 0;
}

/* Run f protected; 0, or -1 when it failed (out of memory). */
static int protected(scn_script *sc, lua_CFunction f)
{
    lua_pushcfunction(sc->L, f);
    int rc = lua_pcall(sc->L, 0, 0, 0);
    if (rc != LUA_OK)
        lua_pop(sc->L, 1);
    return rc == LUA_OK ? 0 : -1;
}

int scn_guard_baseline(scn_script *sc)
{
    return protected(sc, baseline);
}

/* Record the value on the stack top as watched; fn_ref LUA_NOREF for a global. */
static void add_watch(lua_State *L, int fn_ref, int up, const char *name, int trig)
{
    scn_script *sc = scn_of(L);
    scn_grow(L, (void **)&sc->watch, sc->n_watch, &sc->cap_watch, sizeof *sc->watch);
    scn_watch *w = &sc->watch[sc->n_watch];
    memset(w, 0, sizeof *w);
    if (scn_state_fingerprint(L, -1, &w->fp, &w->n_fp))
        return;   /* too large to compare after every call: left unwatched */
    w->fn_ref = fn_ref;
    w->up = up;
    w->trigger = trig;
    snprintf(w->name, sizeof w->name, "%s", name);
    sc->n_watch++;
}

static void walk_value(lua_State *L, int idx, int trig, int depth);

/* Watch each upvalue of the Lua function at idx (not _ENV: globals are watched by name). */
static void walk_function(lua_State *L, int fn, int trig, int depth)
{
    const char *name;
    if (lua_iscfunction(L, fn)) {
        /* engine code, but it may hold the scenario's functions (yq.on_public's callback) */
        for (int i = 1; lua_getupvalue(L, fn, i); i++) {
            walk_value(L, lua_gettop(L), trig, depth + 1);
            lua_pop(L, 1);
        }
        return;
    }
    lua_rawgetp(L, LUA_REGISTRYINDEX, &seen_key);
    int seen = lua_gettop(L);
    for (int i = 1; (name = lua_getupvalue(L, fn, i)); i++) {
        if (strcmp(name, "_ENV") == 0) {
            lua_pop(L, 1);
            continue;
        }
        lua_pushlightuserdata(L, lua_upvalueid(L, fn, i));
        if (lua_rawget(L, seen) == LUA_TNUMBER) {
            /* reached from another trigger too: every trigger checks it */
            scn_watch *w = &scn_of(L)->watch[lua_tointeger(L, -1)];
            if (w->trigger != trig)
                w->trigger = -1;
            lua_pop(L, 2);
            continue;
        }
        lua_pop(L, 1);
        lua_pushlightuserdata(L, lua_upvalueid(L, fn, i));
        lua_pushinteger(L, scn_of(L)->n_watch);
        lua_rawset(L, seen);
        lua_pushvalue(L, fn);
        int ref = luaL_ref(L, LUA_REGISTRYINDEX);
        add_watch(L, ref, i, name, trig);
        walk_value(L, lua_gettop(L), trig, depth + 1);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

static void walk_value(lua_State *L, int idx, int trig, int depth)
{
    if (depth > GUARD_DEPTH || !lua_checkstack(L, 8))
        return;
    if (lua_type(L, idx) == LUA_TFUNCTION) {
        walk_function(L, idx, trig, depth);
        return;
    }
    if (lua_type(L, idx) != LUA_TTABLE)
        return;
    lua_rawgetp(L, LUA_REGISTRYINDEX, &seen_key);
    lua_pushvalue(L, idx);
    int met = lua_rawget(L, -2) != LUA_TNIL;
    lua_pop(L, 1);
    if (!met) {
        lua_pushvalue(L, idx);
        lua_pushboolean(L, 1);
        lua_rawset(L, -3);
    }
    lua_pop(L, 1);
    if (met)
        return;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        walk_value(L, lua_gettop(L), trig, depth + 1);
        lua_pop(L, 1);
    }
}

/* Protected: watch user-defined globals, then each trigger's upvalues. */
static int build(lua_State *L)
{
    scn_script *sc = scn_of(L);
    lua_newtable(L);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &seen_key);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &baseline_key);
    int base = lua_gettop(L);
    lua_pushglobaltable(L);
    int g = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, g)) {
        lua_pushvalue(L, -2);
        int same = lua_rawget(L, base) != LUA_TNIL && lua_rawequal(L, -1, -2);
        lua_pop(L, 1);
        if (!same && lua_type(L, -2) == LUA_TSTRING) {
            add_watch(L, LUA_NOREF, 0, lua_tostring(L, -2), -1);
            walk_value(L, lua_gettop(L), -1, 0);
        }
        lua_pop(L, 1);
    }
    for (int i = 0; i < sc->n_trig; i++) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, sc->trig[i].ref);
        walk_function(L, lua_gettop(L), i, 0);
        lua_pop(L, 1);
    }
    lua_pushnil(L);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &seen_key);
    return 0;
}

int scn_guard_build(scn_script *sc)
{
    return protected(sc, build);
}

void scn_guard_check(lua_State *L, int trig, int line)
{
    scn_script *sc = scn_of(L);
    for (int i = 0; i < sc->n_watch; i++) {
        scn_watch *w = &sc->watch[i];
        if (w->trigger != trig && w->trigger != -1)
            continue;
        if (w->fn_ref != LUA_NOREF) {
            lua_rawgeti(L, LUA_REGISTRYINDEX, w->fn_ref);
            lua_getupvalue(L, -1, w->up);
            lua_remove(L, -2);
        } else {
            lua_pushglobaltable(L);
            lua_pushstring(L, w->name);
            lua_rawget(L, -2);
            lua_remove(L, -2);
        }
        uint8_t *now = NULL;
        size_t n = 0;
        int same = scn_state_fingerprint(L, -1, &now, &n) == 0 && n == w->n_fp && memcmp(now, w->fp, n) == 0;
        free(now);
        lua_pop(L, 1);
        if (!same)
            luaL_error(L, "%s:%d: trigger keeps state in %s '%s'; " GUARD_HINT, sc->short_src, line,
                       w->fn_ref != LUA_NOREF ? "local" : "global", w->name);
    }
}

int scn_guard_rawset(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checkany(L, 2);
    luaL_checkany(L, 3);
    lua_settop(L, 3);
    lua_pushglobaltable(L);
    int globals = lua_rawequal(L, 1, -1);
    lua_pop(L, 1);
    if (globals && !scn_of(L)->loading) {
        lua_pushvalue(L, 2);
        if (lua_rawget(L, 1) == LUA_TNIL)
            return scn_guard_new_global(L);
        lua_pop(L, 1);
    }
    lua_rawset(L, 1);
    return 1;
}

int scn_guard_new_global(lua_State *L)
{
    if (!scn_of(L)->loading)
        return luaL_error(L, "trigger assigns the new global '%s'; " GUARD_HINT,
                          lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : luaL_typename(L, 2));
    lua_rawset(L, 1);
    return 0;
}

void scn_guard_free(scn_script *sc)
{
    for (int i = 0; i < sc->n_watch; i++)
        free(sc->watch[i].fp);
    free(sc->watch);
}
