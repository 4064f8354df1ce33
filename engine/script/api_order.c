/* api_order.c — determinism of the sandbox's base functions: pairs and next visit keys in a fixed
 * order (Lua seeds string hashes per state, so its own order changes between runs), and tostring
 * never shows addresses. */
#include "scn_internal.h"

#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

typedef struct key_ref {
    int type;            /* LUA_TNUMBER, LUA_TSTRING or LUA_TBOOLEAN */
    int is_int;
    lua_Integer i;
    lua_Number n;
    const char *s;
    size_t len;
    int slot;            /* index in the keys table */
} key_ref;

static int type_rank(int t)
{
    return t == LUA_TNUMBER ? 0 : t == LUA_TSTRING ? 1 : 2;
}

/* Numbers ascending, then strings by bytes, then false before true. */
static int key_order(const void *pa, const void *pb)
{
    const key_ref *a = pa, *b = pb;
    if (a->type != b->type)
        return type_rank(a->type) - type_rank(b->type);
    if (a->type == LUA_TSTRING) {
        size_t n = a->len < b->len ? a->len : b->len;
        int c = memcmp(a->s, b->s, n);
        return c ? c : (a->len > b->len) - (a->len < b->len);
    }
    if (a->type == LUA_TBOOLEAN)
        return (int)a->i - (int)b->i;
    if (a->is_int && b->is_int)
        return (a->i > b->i) - (a->i < b->i);
    lua_Number x = a->is_int ? (lua_Number)a->i : a->n, y = b->is_int ? (lua_Number)b->i : b->n;
    return (x > y) - (x < y);
}

/* Push an array of t's keys in the fixed order. Keys of other types have no stable order. */
static void push_sorted_keys(lua_State *L, int t, const char *fn)
{
    lua_newtable(L);
    int keys = lua_gettop(L);
    lua_Integer n = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        int kt = lua_type(L, -1);
        if (kt != LUA_TNUMBER && kt != LUA_TSTRING && kt != LUA_TBOOLEAN)
            luaL_error(L, "%s: keys of type %s have no fixed order in scenarios (use a list and ipairs)", fn,
                       lua_typename(L, kt));
        lua_pushvalue(L, -1);
        lua_rawseti(L, keys, ++n);
    }
    long log2n = 1;
    for (lua_Integer k = n; k > 1; k >>= 1)
        log2n++;
    scn_charge(L, (long)n * log2n, "sorting the keys for pairs/next");
    if (n < 2)
        return;
    key_ref *refs = lua_newuserdatauv(L, (size_t)n * sizeof *refs, 0);
    for (lua_Integer k = 1; k <= n; k++) {
        key_ref *r = &refs[k - 1];
        memset(r, 0, sizeof *r);
        r->slot = (int)k;
        r->type = lua_rawgeti(L, keys, k);
        if (r->type == LUA_TSTRING)
            r->s = lua_tolstring(L, -1, &r->len);
        else if (r->type == LUA_TBOOLEAN)
            r->i = lua_toboolean(L, -1);
        else if ((r->is_int = lua_isinteger(L, -1)))
            r->i = lua_tointeger(L, -1);
        else
            r->n = lua_tonumber(L, -1);
        lua_pop(L, 1);
    }
    qsort(refs, (size_t)n, sizeof *refs, key_order);
    lua_createtable(L, (int)n, 0);
    for (lua_Integer k = 1; k <= n; k++) {
        lua_rawgeti(L, keys, refs[k - 1].slot);
        lua_rawseti(L, -2, k);
    }
    lua_replace(L, keys);
    lua_pop(L, 1);
}

/* Iterator of pairs: upvalue 1 the sorted keys, upvalue 2 the position; skips keys removed since. */
static int pairs_step(lua_State *L)
{
    lua_Integer pos = lua_tointeger(L, lua_upvalueindex(2));
    for (;;) {
        pos++;
        if (lua_rawgeti(L, lua_upvalueindex(1), pos) == LUA_TNIL)
            return 0;
        lua_pushvalue(L, -1);
        if (lua_rawget(L, 1) != LUA_TNIL)
            break;
        lua_pop(L, 2);
    }
    lua_pushinteger(L, pos);
    lua_replace(L, lua_upvalueindex(2));
    return 2;
}

static int order_pairs(lua_State *L)
{
    if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {
        lua_pushvalue(L, 1);
        lua_call(L, 1, 3);
        return 3;
    }
    luaL_checktype(L, 1, LUA_TTABLE);
    push_sorted_keys(L, 1, "pairs");
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, pairs_step, 2);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

/* next(t, k) in the same order as pairs (each call sorts: fine for the small tables of scenarios). */
static int order_next(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 2);
    push_sorted_keys(L, 1, "next");
    lua_Integer n = (lua_Integer)lua_rawlen(L, 3), pos = 0;
    if (!lua_isnil(L, 2)) {
        for (lua_Integer k = 1; k <= n && !pos; k++) {
            lua_rawgeti(L, 3, k);
            if (lua_rawequal(L, -1, 2))
                pos = k;
            lua_pop(L, 1);
        }
        if (!pos)
            return luaL_error(L, "invalid key to 'next'");
    }
    for (lua_Integer k = pos + 1; k <= n; k++) {
        lua_rawgeti(L, 3, k);
        lua_pushvalue(L, -1);
        if (lua_rawget(L, 1) != LUA_TNIL)
            return 2;
        lua_pop(L, 2);
    }
    lua_pushnil(L);
    return 1;
}

/* tostring without the "0x55..." addresses of tables and functions. */
static int order_tostring(lua_State *L)
{
    luaL_checkany(L, 1);
    int t = lua_type(L, 1);
    if ((t == LUA_TTABLE || t == LUA_TFUNCTION || t == LUA_TUSERDATA || t == LUA_TLIGHTUSERDATA ||
         t == LUA_TTHREAD) &&
        luaL_getmetafield(L, 1, "__tostring") == LUA_TNIL && luaL_getmetafield(L, 1, "__name") == LUA_TNIL) {
        lua_pushstring(L, lua_typename(L, t));
        return 1;
    }
    luaL_tolstring(L, 1, NULL);
    return 1;
}

void scn_open_order(lua_State *L)
{
    static const luaL_Reg fns[] = {
        {"pairs", order_pairs}, {"next", order_next}, {"tostring", order_tostring}, {NULL, NULL},
    };
    lua_pushglobaltable(L);
    luaL_setfuncs(L, fns, 0);
    lua_pop(L, 1);
}
