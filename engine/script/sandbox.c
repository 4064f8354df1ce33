/* sandbox.c — the Lua state a scenario runs in: a capped allocator, an instruction budget and line
 * tracking via hooks, only the safe standard libraries, and the protected call that reports errors. */
#include "scn_internal.h"

#include <ctype.h>
#include <lauxlib.h>
#include <limits.h>
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

scn_script *scn_of(lua_State *L)
{
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return ud;
}

static void mark_fatal(scn_script *sc, scn_fatal kind, int line)
{
    if (sc->fatal != SCN_FATAL_NONE)
        return;
    sc->fatal = kind;
    sc->fatal_line = line;
}

/* Every byte Lua allocates is counted, with the C-side copies the script caused; growing past
 * SCN_MEMORY_CAP is refused (Lua then raises a memory error). Growth during a call is also charged
 * to the budget (copying what was allocated is work the VM does in one instruction), and refused
 * once the budget is spent. Shrinking never fails, as Lua requires. */
static void *sb_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    scn_script *sc = ud;
    if (!ptr)
        osize = 0;
    if (nsize == 0) {
        free(ptr);
        sc->mem_used -= osize;
        return NULL;
    }
    if (nsize > osize && sc->mem_used - osize + nsize + sc->c_mem + sc->world_mem > SCN_MEMORY_CAP) {
        if (sc->in_call)
            mark_fatal(sc, SCN_FATAL_MEMORY, sc->last_line);
        return NULL;
    }
    if (nsize > osize && sc->in_call) {
        sc->budget_left -= SCN_ALLOC_COST + (long)((nsize - osize) / SCN_ALLOC_UNIT);
        if (sc->budget_left <= 0) {
            mark_fatal(sc, SCN_FATAL_BUDGET, sc->last_line);
            return NULL;
        }
    }
    void *p = realloc(ptr, nsize);
    if (!p) {
        if (nsize <= osize)
            return ptr;
        return NULL;
    }
    sc->mem_used = sc->mem_used - osize + nsize;
    return p;
}

/* Registry key of the list of tables given as metatables (1..n, and each table -> true). */
static const char metas_key = 'm';

/* Whether any table given as a metatable has a __mode field now (set after setmetatable, by
 * assignment or rawset): the collector would then clear entries at moments nothing controls. */
static int weak_found(lua_State *L)
{
    scn_script *sc = scn_of(L);
    if (sc->n_metas == 0)
        return 0;
    lua_rawgetp(L, LUA_REGISTRYINDEX, &metas_key);
    int found = 0;
    for (int i = 1; i <= sc->n_metas && !found; i++) {
        lua_rawgeti(L, -1, i);
        lua_pushliteral(L, "__mode");
        found = lua_rawget(L, -2) != LUA_TNIL;
        lua_pop(L, 2);
    }
    lua_pop(L, 1);
    return found;
}

#define WEAK_MESSAGE "a metatable was given __mode: weak tables are not available in scenarios (results would " \
                     "depend on garbage collection)"

void scn_check_weak(lua_State *L)
{
    scn_script *sc = scn_of(L);
    if (sc->fatal == SCN_FATAL_NONE && !weak_found(L))
        return;
    mark_fatal(sc, SCN_FATAL_WEAK, scn_caller_line(L));
    luaL_error(L, WEAK_MESSAGE);
}

/* Extra arguments of the vararg function `ar` describes (0 for C functions): found by probing
 * lua_getlocal's negative indices, doubling then halving. */
static long vararg_count(lua_State *L, lua_Debug *ar)
{
    long lo = 0, hi = 1;
    while (hi < INT_MAX / 2 && lua_getlocal(L, ar, (int)-hi)) {
        lua_pop(L, 1);
        lo = hi;
        hi *= 2;
    }
    while (hi - lo > 1) {
        long mid = lo + (hi - lo) / 2;
        if (lua_getlocal(L, ar, (int)-mid)) {
            lua_pop(L, 1);
            lo = mid;
        } else {
            hi = mid;
        }
    }
    return lo;
}

/* Values moved by a call or a return: arguments, results, and the extra arguments a vararg
 * function receives (copied again by each `...`). */
static long transferred(lua_State *L, lua_Debug *ar)
{
    if (!lua_getinfo(L, "ru", ar))
        return 0;
    long n = ar->ntransfer;
    if (ar->event != LUA_HOOKRET && ar->isvararg)
        n += vararg_count(L, ar);
    return n;
}

/* Line events keep the current line for messages; count events charge the budget (and look for
 * weak tables), call and return events charge the values they move. Once the budget is spent an
 * error is raised every time they run, so a script cannot swallow it. */
static void sb_hook(lua_State *L, lua_Debug *ar)
{
    scn_script *sc = scn_of(L);
    if (ar->event == LUA_HOOKLINE) {
        sc->last_line = ar->currentline;
        return;
    }
    if (ar->event == LUA_HOOKCOUNT) {
        sc->budget_left -= SCN_HOOK_STEP + sc->n_metas;
        if (sc->cpu_expired && sc->fatal == SCN_FATAL_NONE) {
            sc->budget_left = 0;
            sc->fatal_what = sc->cpu_what;
        }
        if (sc->fatal == SCN_FATAL_NONE && weak_found(L)) {
            lua_getinfo(L, "l", ar);
            mark_fatal(sc, SCN_FATAL_WEAK, ar->currentline > 0 ? ar->currentline : sc->last_line);
        }
    } else {
        sc->budget_left -= transferred(L, ar);
        if (sc->budget_left <= 0 && sc->fatal == SCN_FATAL_NONE)
            sc->fatal_what = "values passed to and from functions";
    }
    if (sc->budget_left > 0 && sc->fatal == SCN_FATAL_NONE)
        return;
    if (sc->fatal == SCN_FATAL_NONE) {
        lua_getinfo(L, "l", ar);
        mark_fatal(sc, SCN_FATAL_BUDGET, ar->currentline > 0 ? ar->currentline : sc->last_line);
    }
    lua_pushliteral(L, "instruction budget exceeded (endless loop?)");
    lua_error(L);
}

void scn_charge(lua_State *L, long units, const char *what)
{
    scn_script *sc = scn_of(L);
    if (!sc->in_call)
        return;
    sc->budget_left -= units < LONG_MAX / 4 ? units : LONG_MAX / 4;
    if (sc->budget_left > 0 && sc->fatal == SCN_FATAL_NONE && !sc->cpu_expired)
        return;
    if (sc->fatal == SCN_FATAL_NONE) {
        sc->fatal_what = sc->cpu_expired ? sc->cpu_what : what;
        mark_fatal(sc, SCN_FATAL_BUDGET, scn_caller_line(L));
    }
    luaL_error(L, "instruction budget exceeded");
}

void scn_charge_memory(lua_State *L, size_t bytes, int world)
{
    scn_script *sc = scn_of(L);
    size_t used = sc->mem_used + sc->c_mem + sc->world_mem;
    if (bytes > SCN_MEMORY_CAP || used + bytes > SCN_MEMORY_CAP) {
        if (sc->in_call)
            mark_fatal(sc, SCN_FATAL_MEMORY, scn_caller_line(L));
        luaL_error(L, "memory limit exceeded");
    }
    if (world)
        sc->world_mem += bytes;
    else
        sc->c_mem += bytes;
}

/* pcall and xpcall that cannot catch a spent budget or the memory cap. */
static int sb_pcall(lua_State *L)
{
    luaL_checkany(L, 1);
    int status = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
    if (scn_of(L)->fatal != SCN_FATAL_NONE)
        return lua_error(L);
    lua_pushboolean(L, status == LUA_OK);
    lua_insert(L, 1);
    return lua_gettop(L);
}

static int sb_xpcall(lua_State *L)
{
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    /* f, msgh, args... -> msgh, f, args... so the handler sits below the function */
    lua_pushvalue(L, 1);
    lua_pushvalue(L, 2);
    lua_replace(L, 1);
    lua_replace(L, 2);
    int status = lua_pcall(L, n - 2, LUA_MULTRET, 1);
    if (scn_of(L)->fatal != SCN_FATAL_NONE)
        return lua_error(L);
    lua_pushboolean(L, status == LUA_OK);
    lua_replace(L, 1);
    return lua_gettop(L);
}

/* Add the table at `idx` to the list weak_found() checks, once. */
static void remember_metatable(lua_State *L, int idx)
{
    scn_script *sc = scn_of(L);
    idx = lua_absindex(L, idx);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &metas_key);
    lua_pushvalue(L, idx);
    if (lua_rawget(L, -2) == LUA_TNIL) {
        lua_pushvalue(L, idx);
        lua_rawseti(L, -3, ++sc->n_metas);
        lua_pushvalue(L, idx);
        lua_pushboolean(L, 1);
        lua_rawset(L, -4);
    }
    lua_pop(L, 2);
}

/* setmetatable without finalizers or weak tables: both depend on when the collector runs. A
 * metatable given __mode later is caught by weak_found() before it can have any effect. */
static int sb_setmetatable(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    if (lua_type(L, 2) == LUA_TTABLE) {
        static const char *const banned[] = {"__gc", "__mode"};
        for (int i = 0; i < 2; i++) {
            if (lua_getfield(L, 2, banned[i]) != LUA_TNIL)
                return luaL_error(L, "setmetatable: %s is not available in scenarios (results would "
                                     "depend on garbage collection)", banned[i]);
            lua_pop(L, 1);
        }
    } else if (!lua_isnoneornil(L, 2)) {
        return luaL_typeerror(L, 2, "nil or table");
    }
    if (lua_getmetatable(L, 1) && lua_getfield(L, -1, "__metatable") != LUA_TNIL)
        return luaL_error(L, "cannot change a protected metatable");
    lua_settop(L, 2);
    if (lua_type(L, 2) == LUA_TTABLE)
        remember_metatable(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

typedef struct sb_banned {
    const char *name;
    const char *why;
} sb_banned;

static const sb_banned banned_globals[] = {
    {"os", "scenarios cannot reach the operating system"},
    {"io", "scenarios cannot open files"},
    {"debug", "the debug library is not part of the sandbox"},
    {"package", "scenarios cannot load modules"},
    {"require", "scenarios cannot load modules"},
    {"load", "scenarios cannot compile code at run time"},
    {"loadstring", "scenarios cannot compile code at run time"},
    {"dofile", "scenarios cannot load other files"},
    {"loadfile", "scenarios cannot load other files"},
    {"collectgarbage", "the collector is not under scenario control"},
    {"coroutine", "coroutines are not part of the sandbox"},
    {"print", "use w.note(text) inside a trigger to leave a message"},
    {"warn", "use w.note(text) inside a trigger to leave a message"},
    {NULL, NULL},
};

/* __index of _G: a clear message for the names the sandbox leaves out, nil for anything else. */
static int sb_global_missing(lua_State *L)
{
    const char *k = lua_tostring(L, 2);
    for (int i = 0; k && banned_globals[i].name; i++)
        if (strcmp(k, banned_globals[i].name) == 0)
            return luaL_error(L, "'%s' is not available in scenarios (%s)", k, banned_globals[i].why);
    return 0;
}

static int sb_string_missing(lua_State *L)
{
    const char *k = lua_tostring(L, 2);
    if (k && strcmp(k, "dump") == 0)
        return luaL_error(L, "'string.dump' is not available in scenarios (no bytecode)");
    return 0;
}

static void set_missing_handler(lua_State *L, lua_CFunction f)
{
    lua_createtable(L, 0, 2);
    lua_pushcfunction(L, f);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
}

static int sb_setup(lua_State *L)
{
    static const struct { const char *name; lua_CFunction open; } libs[] = {
        {LUA_GNAME, luaopen_base},         {LUA_STRLIBNAME, luaopen_string},
        {LUA_TABLIBNAME, luaopen_table},   {LUA_MATHLIBNAME, luaopen_math},
        {LUA_UTF8LIBNAME, luaopen_utf8},
    };
    for (size_t i = 0; i < sizeof libs / sizeof libs[0]; i++) {
        luaL_requiref(L, libs[i].name, libs[i].open, 1);
        lua_pop(L, 1);
    }
    lua_pushglobaltable(L);
    for (int i = 0; banned_globals[i].name; i++) {
        lua_pushnil(L);
        lua_setfield(L, -2, banned_globals[i].name);
    }
    lua_pushcfunction(L, sb_pcall);
    lua_setfield(L, -2, "pcall");
    lua_pushcfunction(L, sb_xpcall);
    lua_setfield(L, -2, "xpcall");
    lua_pushcfunction(L, sb_setmetatable);
    lua_setfield(L, -2, "setmetatable");
    lua_pushcfunction(L, scn_guard_rawset);
    lua_setfield(L, -2, "rawset");
    lua_newtable(L);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &metas_key);

    lua_getfield(L, -1, LUA_STRLIBNAME);
    lua_pushnil(L);
    lua_setfield(L, -2, "dump");
    set_missing_handler(L, sb_string_missing);
    lua_pop(L, 1);

    scn_open_random(L);
    scn_open_order(L);
    scn_open_patterns(L);
    scn_open_costs(L);
    scn_open_decls(L);
    scn_open_triggers(L);
    scn_open_world(L);
    scn_open_yq(L);

    set_missing_handler(L, sb_global_missing);
    lua_getmetatable(L, -1);
    lua_pushcfunction(L, scn_guard_new_global);
    lua_setfield(L, -2, "__newindex");
    lua_pop(L, 2);
    return 0;
}

int scn_sandbox_open(scn_script *sc, char *msg, size_t msglen)
{
    sc->L = lua_newstate(sb_alloc, sc);
    if (!sc->L) {
        snprintf(msg, msglen, "cannot create a Lua state (out of memory)");
        return -1;
    }
    lua_pushcfunction(sc->L, sb_setup);
    if (lua_pcall(sc->L, 0, 0, 0) != LUA_OK) {
        snprintf(msg, msglen, "cannot set up the sandbox: %s",
                 lua_type(sc->L, -1) == LUA_TSTRING ? lua_tostring(sc->L, -1) : "out of memory");
        lua_pop(sc->L, 1);
        return -1;
    }
    return 0;
}

/* Split "short_src:LINE: text" into line and text; other messages keep `fallback` as line. */
static void split_message(const scn_script *sc, const char *m, int fallback, int *line, char *msg, size_t msglen)
{
    *line = fallback;
    size_t n = sc->short_src ? strlen(sc->short_src) : 0;
    if (n && strncmp(m, sc->short_src, n) == 0 && m[n] == ':' && isdigit((unsigned char)m[n + 1])) {
        const char *p = m + n + 1;
        long v = 0;
        while (isdigit((unsigned char)*p) && v < 100000000L)
            v = v * 10 + (*p++ - '0');
        if (*p == ':') {
            *line = (int)v;
            m = p + 1;
            while (*m == ' ')
                m++;
        }
    }
    snprintf(msg, msglen, "%s", m);
}

static void describe_error(scn_script *sc, int status, int *line, char *msg, size_t msglen)
{
    if (sc->fatal == SCN_FATAL_BUDGET) {
        *line = sc->fatal_line;
        if (sc->fatal_what)
            snprintf(msg, msglen, "instruction budget exceeded (%s)", sc->fatal_what);
        else
            snprintf(msg, msglen, "instruction budget exceeded (endless loop?)");
        return;
    }
    if (sc->fatal == SCN_FATAL_WEAK) {
        *line = sc->fatal_line;
        snprintf(msg, msglen, WEAK_MESSAGE);
        return;
    }
    if (sc->fatal == SCN_FATAL_MEMORY || status == LUA_ERRMEM) {
        *line = sc->fatal == SCN_FATAL_MEMORY ? sc->fatal_line : sc->last_line;
        snprintf(msg, msglen, "memory limit of %u MiB exceeded", (unsigned)(SCN_MEMORY_CAP / (1024u * 1024u)));
        return;
    }
    int t = lua_type(sc->L, -1);
    if (t == LUA_TSTRING || t == LUA_TNUMBER) {
        split_message(sc, lua_tostring(sc->L, -1), sc->last_line, line, msg, msglen);
        if (status == LUA_ERRERR) {
            char inner[400];
            snprintf(inner, sizeof inner, "%s", msg);
            snprintf(msg, msglen, "error while handling an error: %s", inner);
        }
    } else {
        *line = sc->last_line;
        snprintf(msg, msglen, "error raised with a %s value instead of a message", lua_typename(sc->L, t));
    }
}

/* The CPU time the call may spend, and which backstop that is: loading, or what is left of the
 * tick's and the drill's. */
static double cpu_allowed(const scn_script *sc, const char **what)
{
    if (!sc->world) {
        *what = "CPU time of loading";
        return SCN_LOAD_CPU_S;
    }
    double tick = SCN_TICK_CPU_S - sc->cpu_tick, drill = SCN_DRILL_CPU_S - sc->cpu_drill;
    *what = tick <= drill ? "CPU time of one simulated time's triggers" : "CPU time of the drill's triggers";
    return tick <= drill ? tick : drill;
}

/* Set the hooks, then the CPU timer (a signal can then only find the hooks in place). */
static int begin_call(scn_script *sc, long budget, sim_rng *rng, char *msg, size_t msglen)
{
    sc->in_call = 1;
    sc->budget_left = budget;
    sc->fatal = SCN_FATAL_NONE;
    sc->fatal_what = NULL;
    sc->fatal_line = 0;
    sc->last_line = 0;
    sc->rng = rng;
    lua_sethook(sc->L, sb_hook, LUA_MASKCOUNT | LUA_MASKLINE | LUA_MASKCALL | LUA_MASKRET, SCN_HOOK_STEP);
    const char *what;
    double allowed = cpu_allowed(sc, &what);
    sc->cpu_call = scn_cpu_seconds();
    if (scn_cpu_arm(sc, allowed, what, msg, msglen) == 0)
        return 0;
    lua_sethook(sc->L, NULL, 0, 0);
    sc->in_call = 0;
    sc->rng = NULL;
    return -1;
}

/* Stop the timer first, so no signal can set the hooks again once they are removed. */
static int end_call(scn_script *sc, char *msg, size_t msglen)
{
    int rc = scn_cpu_disarm(sc, msg, msglen);
    double spent = scn_cpu_seconds() - sc->cpu_call;
    sc->cpu_tick += spent;
    sc->cpu_drill += spent;
    lua_sethook(sc->L, NULL, 0, 0);
    sc->in_call = 0;
    sc->rng = NULL;
    return rc;
}

int scn_sandbox_call(scn_script *sc, int nargs, long budget, sim_rng *rng, int *line, char *msg, size_t msglen)
{
    lua_State *L = sc->L;
    int base = lua_gettop(L) - nargs - 1;
    if (sc->in_call) {
        lua_settop(L, base);
        *line = 0;
        snprintf(msg, msglen, "a scenario trigger cannot run inside another");
        return -1;
    }
    if (begin_call(sc, budget, rng, msg, msglen)) {
        lua_settop(L, base);
        *line = 0;
        return -1;
    }
    int status = lua_pcall(L, nargs, 0, 0);
    if (status == LUA_OK && sc->fatal == SCN_FATAL_NONE && weak_found(L))
        mark_fatal(sc, SCN_FATAL_WEAK, sc->last_line);
    if (end_call(sc, msg, msglen)) {
        lua_settop(L, base);
        *line = 0;
        return -1;
    }
    if (status == LUA_OK && sc->fatal == SCN_FATAL_NONE) {
        lua_settop(L, base);
        return 0;
    }
    describe_error(sc, status, line, msg, msglen);
    lua_settop(L, base);
    return -1;
}

/* Lua's abbreviation of "@path" as it prefixes messages (long paths are shortened). */
static int learn_short_src(scn_script *sc, const char *chunkname)
{
    if (luaL_loadbufferx(sc->L, "", 0, chunkname, "t") != LUA_OK) {
        lua_pop(sc->L, 1);
        return -1;
    }
    lua_Debug ar;
    lua_getinfo(sc->L, ">S", &ar);
    free(sc->short_src);
    sc->short_src = scn_strdup(ar.short_src);
    return sc->short_src ? 0 : -1;
}

int scn_sandbox_compile(scn_script *sc, int *line, char *msg, size_t msglen)
{
    const char *src = sc->source;
    size_t len = sc->source_len;
    *line = 0;
    if (len > 0 && src[0] == LUA_SIGNATURE[0]) {
        snprintf(msg, msglen, "precompiled Lua bytecode is refused: scenario.lua must be Lua source text");
        return -1;
    }
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
        src += 3;
        len -= 3;
    }
    size_t cn = strlen(sc->path) + 2;
    char *chunkname = malloc(cn);
    if (!chunkname) {
        snprintf(msg, msglen, "out of memory");
        return -1;
    }
    snprintf(chunkname, cn, "@%s", sc->path);
    if (learn_short_src(sc, chunkname)) {
        free(chunkname);
        snprintf(msg, msglen, "out of memory");
        return -1;
    }
    if (begin_call(sc, SCN_LOAD_BUDGET, NULL, msg, msglen)) {
        free(chunkname);
        return -1;
    }
    int status = luaL_loadbufferx(sc->L, src, len, chunkname, "t");
    free(chunkname);
    if (end_call(sc, msg, msglen)) {
        if (status == LUA_OK)
            lua_pop(sc->L, 1);
        return -1;
    }
    if (status == LUA_OK)
        return 0;
    describe_error(sc, status, line, msg, msglen);
    lua_pop(sc->L, 1);
    return -1;
}

int scn_caller_line(lua_State *L)
{
    lua_Debug ar;
    for (int level = 1; lua_getstack(L, level, &ar); level++) {
        lua_getinfo(L, "Sl", &ar);
        if (ar.currentline > 0)
            return ar.currentline;
    }
    return 0;
}
