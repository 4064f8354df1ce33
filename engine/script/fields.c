/* fields.c — reading one declaration table (fact{...}, inject{...}) against a field spec: unknown names,
 * wrong types, ranges, times and bilingual texts, each recorded as a file:line problem. */
#include "scn_internal.h"

#include <lauxlib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void scn_grow(lua_State *L, void **items, int n, int *cap, size_t elem)
{
    if (n < *cap)
        return;
    int more = *cap ? *cap * 2 : 8;
    void *grown = realloc(*items, (size_t)more * elem);
    if (!grown)
        luaL_error(L, "out of memory");
    *items = grown;
    *cap = more;
}

char *scn_strdup(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

void scn_decl_begin(scn_decl *d, lua_State *L, int idx, const char *what, int line)
{
    d->sc = scn_of(L);
    d->L = L;
    d->table = lua_absindex(L, idx);
    d->line = line;
    d->bad = 0;
    snprintf(d->label, sizeof d->label, "%s", what);
    if (lua_type(L, d->table) != LUA_TTABLE)
        return;
    lua_pushliteral(L, "id");
    if (lua_rawget(L, d->table) == LUA_TSTRING)
        snprintf(d->label, sizeof d->label, "%s '%.100s'", what, lua_tostring(L, -1));
    lua_pop(L, 1);
}

void scn_decl_problem(scn_decl *d, const char *fmt, ...)
{
    char buf[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    d->bad = 1;
    scn_problems_add(d->sc->probs, d->sc->path, d->line, "%s: %s", d->label, buf);
}

/* Levenshtein distance of two short ASCII names, capped at 9. */
static int name_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 31 || lb > 31)
        return 9;
    int prev[32], cur[32];
    for (size_t j = 0; j <= lb; j++)
        prev[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
            int del = prev[j] + 1, ins = cur[j - 1] + 1;
            cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
        }
        memcpy(prev, cur, sizeof(int) * (lb + 1));
    }
    return prev[lb] > 9 ? 9 : prev[lb];
}

static const scn_field *spec_find(const scn_field *spec, const char *name)
{
    for (const scn_field *f = spec; f->name; f++)
        if (strcmp(f->name, name) == 0)
            return f;
    return NULL;
}

static void report_unknown(scn_decl *d, const scn_field *spec, const char *name)
{
    const char *best = NULL;
    int bestd = 3;
    for (const scn_field *f = spec; f->name; f++) {
        int dist = name_distance(name, f->name);
        if (dist < bestd) {
            bestd = dist;
            best = f->name;
        }
    }
    if (best)
        scn_decl_problem(d, "unknown field '%.60s' (did you mean '%s'?)", name, best);
    else
        scn_decl_problem(d, "unknown field '%.60s'", name);
}

/* Unknown string keys in byte order (so messages never depend on hash order), then positional values. */
static void check_keys(scn_decl *d, const scn_field *spec)
{
    lua_State *L = d->L;
    const char *prev = NULL;
    int positional = 0;
    for (;;) {
        const char *next = NULL;
        lua_pushnil(L);
        while (lua_next(L, d->table)) {
            lua_pop(L, 1);
            if (lua_type(L, -1) != LUA_TSTRING) {
                positional = 1;
                continue;
            }
            const char *k = lua_tostring(L, -1);
            if (spec_find(spec, k))
                continue;
            if ((!prev || strcmp(k, prev) > 0) && (!next || strcmp(k, next) < 0))
                next = k;
        }
        if (!next)
            break;
        report_unknown(d, spec, next);
        prev = next;
    }
    if (positional)
        scn_decl_problem(d, "values without a name are not allowed (write name = value)");
}

static int is_id(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
              *s == '_' || *s == '-' || *s == '.'))
            return 0;
    return 1;
}

static int in_choices(const char *v, const char *choices)
{
    size_t n = strlen(v);
    for (const char *p = choices; *p;) {
        const char *e = strchr(p, ' ');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len == n && strncmp(p, v, n) == 0)
            return 1;
        p += len;
        while (*p == ' ')
            p++;
    }
    return 0;
}

/* The string at idx when it may be copied into the scenario: no NUL byte (C would cut the text
 * there), valid UTF-8, and its copy counted against the memory cap. NULL after recording a problem. */
static const char *checked_string(scn_decl *d, const char *name, const char *sub, int idx)
{
    size_t len;
    const char *v = lua_tolstring(d->L, idx, &len);
    const char *why;
    size_t bad_at;
    if (sim_utf8_check(v, len, &why, &bad_at)) {
        scn_decl_problem(d, "'%s%s%s' %s", name, sub ? "." : "", sub ? sub : "", why);
        return NULL;
    }
    scn_charge_memory(d->L, len + 1, 0);
    return v;
}

static void set_string(char **slot, const char *v)
{
    free(*slot);
    *slot = scn_strdup(v);
}

static int read_string(scn_decl *d, const scn_field *f, int idx, char **slot)
{
    if (lua_type(d->L, idx) != LUA_TSTRING) {
        scn_decl_problem(d, "'%s' must be a string, not %s", f->name, luaL_typename(d->L, idx));
        return -1;
    }
    const char *v = checked_string(d, f->name, NULL, idx);
    if (!v)
        return -1;
    if (f->kind == SCN_F_ID && !is_id(v)) {
        scn_decl_problem(d, "'%s' = \"%.60s\" is not a valid id (letters, digits, '_', '-' and '.')", f->name, v);
        return -1;
    }
    if (f->kind == SCN_F_STR && !*v) {
        scn_decl_problem(d, "'%s' is empty", f->name);
        return -1;
    }
    if (f->kind == SCN_F_ENUM && !in_choices(v, f->choices)) {
        char list[200];
        snprintf(list, sizeof list, "%s", f->choices);
        for (char *p = list; *p; p++)
            if (*p == ' ')
                *p = '/';
        scn_decl_problem(d, "unknown %s '%.60s' (use %s)", f->name, v, list);
        return -1;
    }
    set_string(slot, v);
    return 0;
}

static int read_text(scn_decl *d, const scn_field *f, int idx, sim_text *out)
{
    lua_State *L = d->L;
    if (lua_type(L, idx) == LUA_TSTRING) {
        if (!*lua_tostring(L, idx)) {
            scn_decl_problem(d, "'%s' is empty", f->name);
            return -1;
        }
        if (!checked_string(d, f->name, NULL, idx))
            return -1;
        set_string(&out->zh, lua_tostring(L, idx));
        set_string(&out->en, NULL);
        return 0;
    }
    if (lua_type(L, idx) != LUA_TTABLE) {
        scn_decl_problem(d, "'%s' must be text (a string or {zh = ..., en = ...}), not %s", f->name,
                         luaL_typename(L, idx));
        return -1;
    }
    int bad = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING ||
            (strcmp(lua_tostring(L, -1), "zh") != 0 && strcmp(lua_tostring(L, -1), "en") != 0)) {
            bad = 1;
        }
    }
    if (bad) {
        scn_decl_problem(d, "'%s' may only hold zh = ... and en = ...", f->name);
        return -1;
    }
    static const char *const langs[] = {"zh", "en"};
    for (int i = 0; i < 2; i++) {
        lua_pushstring(L, langs[i]);
        int t = lua_rawget(L, idx);
        char **slot = i == 0 ? &out->zh : &out->en;
        if (t == LUA_TSTRING && *lua_tostring(L, -1)) {
            if (checked_string(d, f->name, langs[i], -1))
                set_string(slot, lua_tostring(L, -1));
            else
                bad = 1;
        } else if (t != LUA_TNIL || i == 0) {
            scn_decl_problem(d, "'%s.%s' must be a non-empty string", f->name, langs[i]);
            bad = 1;
        }
        lua_pop(L, 1);
    }
    return bad ? -1 : 0;
}

static int read_list(scn_decl *d, const scn_field *f, int idx, sim_strlist *out)
{
    lua_State *L = d->L;
    if (lua_type(L, idx) != LUA_TTABLE) {
        scn_decl_problem(d, "'%s' must be a list of strings {\"a\", \"b\"}, not %s", f->name, luaL_typename(L, idx));
        return -1;
    }
    lua_Integer n = (lua_Integer)lua_rawlen(L, idx), keys = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        keys++;
    }
    if (keys != n || n > 10000) {
        scn_decl_problem(d, "'%s' must be a plain list of strings {\"a\", \"b\"}", f->name);
        return -1;
    }
    for (lua_Integer i = 1; i <= n; i++) {
        int t = lua_rawgeti(L, idx, i);
        int ok = t == LUA_TSTRING && *lua_tostring(L, -1);
        if (!ok)
            scn_decl_problem(d, "'%s' item %lld must be a non-empty string", f->name, (long long)i);
        else
            ok = checked_string(d, f->name, NULL, -1) != NULL;
        lua_pop(L, 1);
        if (!ok)
            return -1;
    }
    scn_charge_memory(L, (size_t)n * sizeof *out->items, 0);
    for (int i = 0; i < out->count; i++)
        free(out->items[i]);
    free(out->items);
    out->count = 0;
    out->items = n ? calloc((size_t)n, sizeof *out->items) : NULL;
    if (n && !out->items)
        return -1;
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, idx, i);
        out->items[out->count++] = scn_strdup(lua_tostring(L, -1));
        lua_pop(L, 1);
    }
    return 0;
}

static int check_range(scn_decl *d, const scn_field *f, double v)
{
    if ((f->flags & SCN_NONNEG) && v < 0) {
        scn_decl_problem(d, "'%s' must not be negative (got %g)", f->name, v);
        return -1;
    }
    if ((f->flags & SCN_POS) && v <= 0) {
        scn_decl_problem(d, "'%s' must be greater than 0 (got %g)", f->name, v);
        return -1;
    }
    if ((f->flags & SCN_RANGE) && (v < f->lo || v > f->hi || ((f->flags & SCN_HIOPEN) && v >= f->hi))) {
        if (f->flags & SCN_HIOPEN)
            scn_decl_problem(d, "'%s' must be at least %g and below %g (got %g)", f->name, f->lo, f->hi, v);
        else
            scn_decl_problem(d, "'%s' must be between %g and %g (got %g)", f->name, f->lo, f->hi, v);
        return -1;
    }
    return 0;
}

static int read_number(scn_decl *d, const scn_field *f, int idx, void *slot)
{
    lua_State *L = d->L;
    if (lua_type(L, idx) != LUA_TNUMBER) {
        scn_decl_problem(d, "'%s' must be a number, not %s", f->name, luaL_typename(L, idx));
        return -1;
    }
    double v = (double)lua_tonumber(L, idx);
    if (!isfinite(v)) {
        scn_decl_problem(d, "'%s' must be a finite number", f->name);
        return -1;
    }
    if (f->kind != SCN_F_NUM && v != floor(v)) {
        scn_decl_problem(d, "'%s' must be a whole number (got %g)", f->name, v);
        return -1;
    }
    if (check_range(d, f, v))
        return -1;
    if (f->kind == SCN_F_INT && (v < -2147483647.0 || v > 2147483647.0)) {
        scn_decl_problem(d, "'%s' is out of range (got %g)", f->name, v);
        return -1;
    }
    if (f->kind == SCN_F_U32 && (v < 0 || v > 4294967295.0)) {
        scn_decl_problem(d, "'%s' must be between 0 and 4294967295 (got %g)", f->name, v);
        return -1;
    }
    if (f->kind == SCN_F_NUM)
        *(double *)slot = v;
    else if (f->kind == SCN_F_INT)
        *(int *)slot = (int)v;
    else
        *(uint32_t *)slot = (uint32_t)v;
    return 0;
}

int scn_decl_value(scn_decl *d, const scn_field *f, int idx, void *obj)
{
    idx = lua_absindex(d->L, idx);
    void *slot = (char *)obj + f->off;
    switch (f->kind) {
    case SCN_F_ID:
    case SCN_F_STR:
    case SCN_F_ENUM:
        return read_string(d, f, idx, slot);
    case SCN_F_TEXT:
        return read_text(d, f, idx, slot);
    case SCN_F_NUM:
    case SCN_F_INT:
    case SCN_F_U32:
        return read_number(d, f, idx, slot);
    case SCN_F_TIME: {
        char why[160];
        sim_time t;
        if (scn_time_parse(d->L, idx, &t, why, sizeof why)) {
            scn_decl_problem(d, "'%s' %s", f->name, why);
            return -1;
        }
        if ((f->flags & SCN_POS) && t <= 0) {
            scn_decl_problem(d, "'%s' must be longer than 0", f->name);
            return -1;
        }
        if ((f->flags & SCN_RANGE) && (double)t > f->hi) {
            char most[32];
            scn_decl_problem(d, "'%s' must be at most %s", f->name, scn_time_format((sim_time)f->hi, most, sizeof most));
            return -1;
        }
        *(sim_time *)slot = t;
        return 0;
    }
    case SCN_F_LIST:
        return read_list(d, f, idx, slot);
    case SCN_F_CUSTOM:
        return 0;
    }
    return 0;
}

void scn_decl_read(scn_decl *d, const scn_field *spec, void *obj)
{
    lua_State *L = d->L;
    check_keys(d, spec);
    for (const scn_field *f = spec; f->name; f++) {
        lua_pushstring(L, f->name);
        if (lua_rawget(L, d->table) == LUA_TNIL) {
            if (f->flags & SCN_REQ)
                scn_decl_problem(d, "missing '%s'", f->name);
        } else {
            scn_decl_value(d, f, -1, obj);
        }
        lua_pop(L, 1);
    }
}

static int two_digits(const char *p, int *v)
{
    if (p[0] < '0' || p[0] > '9' || p[1] < '0' || p[1] > '9')
        return -1;
    *v = (p[0] - '0') * 10 + (p[1] - '0');
    return *v < 60 ? 0 : -1;
}

int scn_time_parse(lua_State *L, int idx, sim_time *out, char *why, size_t whylen)
{
    if (lua_type(L, idx) == LUA_TNUMBER) {
        double m = (double)lua_tonumber(L, idx);
        if (!isfinite(m) || m < 0 || m > 1e7) {
            snprintf(why, whylen, "must be a number of minutes from 0 to 10000000 (got %g)", m);
            return -1;
        }
        *out = (sim_time)llround(m * 60.0);
        return 0;
    }
    if (lua_type(L, idx) != LUA_TSTRING) {
        snprintf(why, whylen, "must be a time (\"HH:MM\", \"HH:MM:SS\" or minutes), not %s", luaL_typename(L, idx));
        return -1;
    }
    const char *s = lua_tostring(L, idx), *p = s;
    long h = 0;
    int digits = 0, mm = 0, ss = 0;
    while (*p >= '0' && *p <= '9' && digits < 5) {
        h = h * 10 + (*p++ - '0');
        digits++;
    }
    int ok = digits > 0 && *p == ':' && two_digits(p + 1, &mm) == 0;
    if (ok) {
        p += 3;
        if (*p == ':') {
            ok = two_digits(p + 1, &ss) == 0;
            p += 3;
        }
        ok = ok && *p == '\0';
    }
    if (!ok) {
        snprintf(why, whylen, "has a bad time \"%.40s\" (use \"HH:MM\", \"HH:MM:SS\" or a number of minutes)", s);
        return -1;
    }
    *out = (sim_time)h * 3600 + mm * 60 + ss;
    return 0;
}

const char *scn_time_format(sim_time t, char *buf, size_t len)
{
    if (t == SIM_NEVER)
        snprintf(buf, len, "never");
    else if (t % 60)
        snprintf(buf, len, "%02lld:%02lld:%02lld", (long long)(t / 3600), (long long)(t / 60 % 60), (long long)(t % 60));
    else
        snprintf(buf, len, "%02lld:%02lld", (long long)(t / 3600), (long long)(t / 60 % 60));
    return buf;
}
