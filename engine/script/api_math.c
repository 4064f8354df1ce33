/* api_math.c — math.random and math.randomseed for scenarios, drawing from sim_rng: the load-time
 * generator (seeded from scn_load's seed) while scenario.lua runs, the world's rng inside triggers. */
#include "scn_internal.h"

#include <lauxlib.h>
#include <lualib.h>

static sim_rng *current_rng(lua_State *L)
{
    sim_rng *r = scn_of(L)->rng;
    if (!r)
        luaL_error(L, "math.random is only available while scenario.lua loads or a trigger runs");
    return r;
}

/* Same forms as Lua's: random() in [0,1), random(m) in [1,m], random(m,n) in [m,n]. */
static int api_random(lua_State *L)
{
    sim_rng *r = current_rng(L);
    lua_Integer lo, hi;
    switch (lua_gettop(L)) {
    case 0:
        lua_pushnumber(L, (lua_Number)sim_rng_double(r));
        return 1;
    case 1:
        lo = 1;
        hi = luaL_checkinteger(L, 1);
        break;
    case 2:
        lo = luaL_checkinteger(L, 1);
        hi = luaL_checkinteger(L, 2);
        break;
    default:
        return luaL_error(L, "wrong number of arguments to math.random");
    }
    luaL_argcheck(L, lo <= hi, lua_gettop(L), "interval is empty");
    lua_Unsigned span = (lua_Unsigned)hi - (lua_Unsigned)lo;
    luaL_argcheck(L, span < 0xFFFFFFFFu, lua_gettop(L), "interval is too large (at most 2^32 - 1 values)");
    lua_pushinteger(L, (lua_Integer)((lua_Unsigned)lo + sim_rng_below(r, (uint32_t)span + 1u)));
    return 1;
}

static int api_randomseed(lua_State *L)
{
    scn_script *sc = scn_of(L);
    if (!sc->loading)
        return luaL_error(L, "math.randomseed is not available in triggers (the session seeds the world's rng)");
    lua_Integer n = luaL_checkinteger(L, 1);
    sim_rng_seed(&sc->load_rng, (uint64_t)n, SCN_LOAD_STREAM);
    return 0;
}

void scn_open_random(lua_State *L)
{
    lua_getglobal(L, LUA_MATHLIBNAME);
    lua_pushcfunction(L, api_random);
    lua_setfield(L, -2, "random");
    lua_pushcfunction(L, api_randomseed);
    lua_setfield(L, -2, "randomseed");
    lua_pop(L, 1);
}
