/* api_cost.c — library functions whose C loops are not proportional to what they allocate or move
 * (string.rep of an empty string, table.move over nils, sorting, utf8 scans, ...): each is charged
 * its loop count before the original function runs. */
#include "scn_internal.h"

#include <lauxlib.h>
#include <limits.h>
#include <lualib.h>

/* Number of integers in i..j (0 when empty), without overflow. */
static long span(lua_Integer i, lua_Integer j)
{
    if (j < i)
        return 0;
    lua_Unsigned n = (lua_Unsigned)j - (lua_Unsigned)i + 1u;
    return n > (lua_Unsigned)LONG_MAX ? LONG_MAX : (long)n;
}

static long table_len(lua_State *L)
{
    return lua_type(L, 1) == LUA_TTABLE ? (long)lua_rawlen(L, 1) : 0;
}

static long string_len(lua_State *L, int idx)
{
    return lua_type(L, idx) == LUA_TSTRING ? (long)lua_rawlen(L, idx) : 0;
}

/* Charge, then run the original library function (upvalue 1) on the same stack. */
static int charged(lua_State *L, long units, const char *what)
{
    scn_charge(L, units, what);
    lua_CFunction f = lua_tocfunction(L, lua_upvalueindex(1));
    return f(L);
}

/* One unit per copy; a result larger than the memory cap is left to fail as the memory error. */
static int c_rep(lua_State *L)
{
    size_t l, lsep;
    luaL_checklstring(L, 1, &l);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &lsep);
    long copies = span(1, n);
    int too_big = l + lsep > 0 && (size_t)copies > SCN_MEMORY_CAP / (l + lsep);
    return charged(L, too_big ? 0 : copies, "string.rep");
}

static int c_pack(lua_State *L)
{
    return charged(L, string_len(L, 1) + string_len(L, 2) / 16, "string.pack/unpack");
}

static int c_concat(lua_State *L)
{
    lua_Integer i = luaL_optinteger(L, 3, 1);
    lua_Integer j = lua_isnoneornil(L, 4) ? (lua_Integer)table_len(L) : luaL_checkinteger(L, 4);
    return charged(L, span(i, j), "table.concat");
}

static int c_move(lua_State *L)
{
    return charged(L, span(luaL_checkinteger(L, 2), luaL_checkinteger(L, 3)), "table.move");
}

static int c_shift(lua_State *L)
{
    return charged(L, table_len(L), "table.insert/remove");
}

static int c_sort(lua_State *L)
{
    long n = table_len(L), log2n = 1;
    for (long k = n; k > 1; k >>= 1)
        log2n++;
    return charged(L, n < LONG_MAX / 64 ? n * log2n : LONG_MAX, "table.sort");
}

static int c_unpack(lua_State *L)
{
    lua_Integer i = luaL_optinteger(L, 2, 1);
    lua_Integer j = lua_isnoneornil(L, 3) ? (lua_Integer)table_len(L) : luaL_checkinteger(L, 3);
    return charged(L, span(i, j), "table.unpack");
}

static int c_scan(lua_State *L)
{
    return charged(L, string_len(L, 1) / 4, "utf8 scan");
}

/* utf8.char builds one string per argument before joining them. */
static int c_utf8char(lua_State *L)
{
    return charged(L, 8L * lua_gettop(L), "utf8.char");
}

static int c_tonumber(lua_State *L)
{
    return charged(L, string_len(L, 1) / 16, "tonumber");
}

typedef struct cost_wrap {
    const char *lib;   /* NULL: a global */
    const char *name;
    lua_CFunction fn;
} cost_wrap;

void scn_open_costs(lua_State *L)
{
    static const cost_wrap wraps[] = {
        {LUA_STRLIBNAME, "rep", c_rep},       {LUA_STRLIBNAME, "pack", c_pack},
        {LUA_STRLIBNAME, "unpack", c_pack},   {LUA_STRLIBNAME, "packsize", c_pack},
        {LUA_TABLIBNAME, "concat", c_concat}, {LUA_TABLIBNAME, "move", c_move},
        {LUA_TABLIBNAME, "insert", c_shift},  {LUA_TABLIBNAME, "remove", c_shift},
        {LUA_TABLIBNAME, "sort", c_sort},     {LUA_TABLIBNAME, "unpack", c_unpack},
        {LUA_UTF8LIBNAME, "len", c_scan},     {LUA_UTF8LIBNAME, "offset", c_scan},
        {LUA_UTF8LIBNAME, "codepoint", c_scan}, {LUA_UTF8LIBNAME, "char", c_utf8char},
        {NULL, "tonumber", c_tonumber},
    };
    for (size_t i = 0; i < sizeof wraps / sizeof wraps[0]; i++) {
        if (wraps[i].lib)
            lua_getglobal(L, wraps[i].lib);
        else
            lua_pushglobaltable(L);
        lua_getfield(L, -1, wraps[i].name);
        lua_pushcclosure(L, wraps[i].fn, 1);
        lua_setfield(L, -2, wraps[i].name);
        lua_pop(L, 1);
    }
}
