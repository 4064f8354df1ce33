/* state.c — w.state, the triggers' state kept with the world: checked to hold only numbers, strings, booleans
 * and plain tables of them, serialised with sorted keys into the world's opaque bytes after each trigger. */
#include "scn_internal.h"

#include <lauxlib.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Encoding (little-endian): value = 'T' | 'F' | 'i' int64 | 'd' double bits | 's' u32 len, bytes |
 * '{' u32 count, then count (key, value) pairs with keys ('i', 'd' or 's') in increasing order. */
#define STATE_DEPTH 32
#define STATE_MAX_BYTES (1u << 20)

typedef struct key {
    int type;          /* LUA_TNUMBER (integer or float) or LUA_TSTRING */
    int is_int;
    lua_Integer i;
    double d;
    const char *s;
    size_t len;
} key;

typedef struct enc {
    lua_State *L;
    uint8_t *buf;
    size_t n, cap;
    const void **seen; /* tables met so far: open addressing, cap_seen a power of two */
    size_t n_seen, cap_seen;
    const void *inline_seen[16]; /* the first room for seen: no allocation for small states */
    const struct key *trail[STATE_DEPTH + 1]; /* the keys leading to the value being written */
    int n_trail;
    char *msg;
    size_t msglen;
    int loose;         /* a fingerprint (state_guard.c): anything is written, functions and the like by identity */
} enc;


static void path_write(const enc *e, char *path, size_t len)
{
    size_t n = (size_t)snprintf(path, len, "w.state");
    for (int i = 0; i < e->n_trail && n < len; i++) {
        const key *k = e->trail[i];
        if (k->type == LUA_TSTRING)
            n += (size_t)snprintf(path + n, len - n, ".%.*s", (int)(k->len > 40 ? 40 : k->len), k->s);
        else if (k->is_int)
            n += (size_t)snprintf(path + n, len - n, "[%lld]", (long long)k->i);
        else
            n += (size_t)snprintf(path + n, len - n, "[%g]", k->d);
    }
}

static int fail(enc *e, const char *what)
{
    char path[200];
    path_write(e, path, sizeof path);
    snprintf(e->msg, e->msglen, "%s: %s; w.state holds numbers, strings, booleans and plain tables of them "
             "(scenarios/README.md, Trigger state)", path, what);
    return -1;
}

static int put(enc *e, const void *p, size_t n)
{
    if (e->n + n > STATE_MAX_BYTES) {
        snprintf(e->msg, e->msglen, "w.state is larger than %u KiB", STATE_MAX_BYTES / 1024u);
        return -1;
    }
    if (e->n + n > e->cap) {
        size_t cap = e->cap ? e->cap * 2 : 256;
        while (cap < e->n + n)
            cap *= 2;
        uint8_t *grown = realloc(e->buf, cap);
        if (!grown) {
            snprintf(e->msg, e->msglen, "out of memory for w.state");
            return -1;
        }
        e->buf = grown;
        e->cap = cap;
    }
    memcpy(e->buf + e->n, p, n);
    e->n += n;
    return 0;
}

static int put_u64(enc *e, uint8_t tag, uint64_t v)
{
    uint8_t b[9] = {tag};
    for (int k = 0; k < 8; k++)
        b[1 + k] = (uint8_t)(v >> (8 * k));
    return put(e, b, 9);
}

static int put_str(enc *e, const char *s, size_t len)
{
    uint8_t b[5] = {'s', (uint8_t)len, (uint8_t)(len >> 8), (uint8_t)(len >> 16), (uint8_t)(len >> 24)};
    return put(e, b, 5) || put(e, s, len);
}

static int put_number(enc *e, lua_State *L, int idx)
{
    if (lua_isinteger(L, idx))
        return put_u64(e, 'i', (uint64_t)lua_tointeger(L, idx));
    double d = lua_tonumber(L, idx);
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    return put_u64(e, 'd', bits);
}

/* Note table t as met; 1 when it was met before (a cycle or a table kept under two keys). */
static int seen_before(enc *e, const void *t)
{
    if (!e->seen) {
        e->seen = e->inline_seen;
        e->cap_seen = sizeof e->inline_seen / sizeof *e->inline_seen;
    }
    if ((e->n_seen + 1) * 2 > e->cap_seen) {
        size_t cap = e->cap_seen * 2;
        const void **grown = calloc(cap, sizeof *grown);
        if (!grown)
            return -1;
        for (size_t k = 0; k < e->cap_seen; k++) {
            if (!e->seen[k])
                continue;
            size_t h = ((uintptr_t)e->seen[k] >> 4) & (cap - 1);
            while (grown[h])
                h = (h + 1) & (cap - 1);
            grown[h] = e->seen[k];
        }
        if (e->seen != e->inline_seen)
            free(e->seen);
        e->seen = grown;
        e->cap_seen = cap;
    }
    size_t h = ((uintptr_t)t >> 4) & (e->cap_seen - 1);
    while (e->seen[h]) {
        if (e->seen[h] == t)
            return 1;
        h = (h + 1) & (e->cap_seen - 1);
    }
    e->seen[h] = t;
    e->n_seen++;
    return 0;
}

static int key_cmp(const void *pa, const void *pb)
{
    const key *a = pa, *b = pb;
    if (a->type != b->type)
        return a->type == LUA_TNUMBER ? -1 : 1;
    if (a->type == LUA_TSTRING) {
        size_t n = a->len < b->len ? a->len : b->len;
        int c = memcmp(a->s, b->s, n);
        return c ? c : (a->len > b->len) - (a->len < b->len);
    }
    if (a->is_int && b->is_int)
        return (a->i > b->i) - (a->i < b->i);
    /* A float key is never integral below 2^63 (Lua would store it as an integer), so only floats
     * from 2^63 up can meet an integer that rounds to the same double: they are the larger. */
    if (!a->is_int && a->d >= 0x1p63)
        return b->is_int || b->d < a->d ? 1 : b->d > a->d ? -1 : 0;
    if (!b->is_int && b->d >= 0x1p63)
        return -key_cmp(b, a);
    double x = a->is_int ? (double)a->i : a->d, y = b->is_int ? (double)b->i : b->d;
    return (x > y) - (x < y);
}

static void key_at(lua_State *L, int idx, key *k)
{
    memset(k, 0, sizeof *k);
    k->type = lua_type(L, idx);
    if (k->type == LUA_TSTRING) {
        k->s = lua_tolstring(L, idx, &k->len);
    } else if (k->type == LUA_TNUMBER) {
        k->is_int = lua_isinteger(L, idx);
        k->i = k->is_int ? lua_tointeger(L, idx) : 0;
        k->d = k->is_int ? 0.0 : lua_tonumber(L, idx);
    }
}

static int put_value(enc *e, int idx, int depth);

static int put_identity(enc *e, uint8_t tag, const void *p)
{
    return put_u64(e, tag, (uint64_t)(uintptr_t)p);
}

static void drop_keys(key *keys, const key *inline_keys)
{
    if (keys != inline_keys)
        free(keys);
}

/* The table at idx: its keys, sorted, then each key with its value. */
static int put_table(enc *e, int idx, int depth)
{
    lua_State *L = e->L;
    if (depth >= STATE_DEPTH)
        return e->loose ? put_identity(e, 'p', lua_topointer(L, idx)) : fail(e, "tables nested too deeply");
    if (!e->loose && lua_getmetatable(L, idx)) {
        lua_pop(L, 1);
        return fail(e, "a table with a metatable");
    }
    int again = seen_before(e, lua_topointer(L, idx));
    if (again > 0 && e->loose)
        return put_identity(e, 'r', lua_topointer(L, idx));
    if (again)
        return again < 0 ? fail(e, "out of memory") : fail(e, "a table met twice (a cycle, or one table under two keys)");
    if (!lua_checkstack(L, 4))
        return fail(e, "out of Lua stack");
    key inline_keys[16];   /* most tables: no allocation */
    size_t n = 0, cap = sizeof inline_keys / sizeof *inline_keys;
    key *keys = inline_keys;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        key k;
        key_at(L, -1, &k);
        if (k.type != LUA_TNUMBER && k.type != LUA_TSTRING && e->loose) {
            /* a fingerprint notes such a key and its value by identity, in table order */
            lua_pushvalue(L, -1);
            lua_rawget(L, idx);
            int bad = put_identity(e, 'k', lua_topointer(L, -2)) || put_identity(e, 'v', lua_topointer(L, -1));
            lua_pop(L, 1);
            if (bad) {
                lua_pop(L, 1);
                drop_keys(keys, inline_keys);
                return -1;
            }
            continue;
        }
        if (k.type != LUA_TNUMBER && k.type != LUA_TSTRING) {
            char what[80];
            snprintf(what, sizeof what, "a %s used as a key (keys are strings or numbers)", lua_typename(L, k.type));
            lua_pop(L, 1);
            drop_keys(keys, inline_keys);
            return fail(e, what);
        }
        if (n == cap) {
            key *grown = keys == inline_keys ? malloc(cap * 2 * sizeof *grown) : realloc(keys, cap * 2 * sizeof *grown);
            if (!grown) {
                lua_pop(L, 1);
                drop_keys(keys, inline_keys);
                return fail(e, "out of memory");
            }
            if (keys == inline_keys)
                memcpy(grown, inline_keys, sizeof inline_keys);
            keys = grown;
            cap *= 2;
        }
        keys[n++] = k;
    }
    if (n > 1)
        qsort(keys, n, sizeof *keys, key_cmp);
    int rc = n > UINT32_MAX ? fail(e, "too many keys") : 0;
    uint8_t head[5] = {'{', (uint8_t)n, (uint8_t)(n >> 8), (uint8_t)(n >> 16), (uint8_t)(n >> 24)};
    rc = rc || put(e, head, 5);
    for (size_t k = 0; k < n && !rc; k++) {
        const key *kk = &keys[k];
        if (kk->type == LUA_TSTRING) {
            lua_pushlstring(L, kk->s, kk->len);
            rc = put_str(e, kk->s, kk->len);
        } else {
            if (kk->is_int)
                lua_pushinteger(L, kk->i);
            else
                lua_pushnumber(L, kk->d);
            rc = put_number(e, L, -1);
        }
        lua_rawget(L, idx);
        e->trail[e->n_trail++] = kk;
        rc = rc || put_value(e, lua_gettop(L), depth + 1);
        if (!rc)
            e->n_trail--;
        lua_pop(L, 1);
    }
    drop_keys(keys, inline_keys);
    return rc;
}

static int put_value(enc *e, int idx, int depth)
{
    lua_State *L = e->L;
    switch (lua_type(L, idx)) {
    case LUA_TBOOLEAN: return put(e, lua_toboolean(L, idx) ? "T" : "F", 1);
    case LUA_TNUMBER: return put_number(e, L, idx);
    case LUA_TSTRING: {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        return put_str(e, s, len);
    }
    case LUA_TTABLE: return put_table(e, idx, depth);
    case LUA_TNIL: return put(e, "N", 1);
    default: {
        if (e->loose)
            return put_identity(e, 'p', lua_topointer(L, idx));
        char what[80];
        snprintf(what, sizeof what, "a %s cannot be kept", luaL_typename(L, idx));
        return fail(e, what);
    }
    }
}

/* scn_state_encode, or with `loose` scn_state_fingerprint. */
static int encode(lua_State *L, int idx, int loose, uint8_t **out, size_t *n, char *msg, size_t msglen)
{
    enc e = {.L = L, .msg = msg, .msglen = msglen, .loose = loose};
    int top = lua_gettop(L);
    int rc = put_value(&e, lua_absindex(L, idx), 0);
    lua_settop(L, top);
    if (e.seen != e.inline_seen)
        free(e.seen);
    if (rc) {
        free(e.buf);
        return -1;
    }
    *out = e.buf;
    *n = e.n;
    return 0;
}

int scn_state_encode(lua_State *L, int idx, uint8_t **out, size_t *n, char *msg, size_t msglen)
{
    return encode(L, idx, 0, out, n, msg, msglen);
}

int scn_state_fingerprint(lua_State *L, int idx, uint8_t **out, size_t *n)
{
    char msg[200];
    return encode(L, idx, 1, out, n, msg, sizeof msg);
}

typedef struct dec {
    const uint8_t *p, *end;
} dec;

static int get_u32(dec *d, uint32_t *v)
{
    if (d->end - d->p < 4)
        return -1;
    *v = (uint32_t)d->p[0] | (uint32_t)d->p[1] << 8 | (uint32_t)d->p[2] << 16 | (uint32_t)d->p[3] << 24;
    d->p += 4;
    return 0;
}

static int get_u64(dec *d, uint64_t *v)
{
    if (d->end - d->p < 8)
        return -1;
    *v = 0;
    for (int k = 0; k < 8; k++)
        *v |= (uint64_t)d->p[k] << (8 * k);
    d->p += 8;
    return 0;
}

/* Push the value at d->p; keys must be numbers or strings, in increasing order, each once. */
static int get_value(lua_State *L, dec *d, int depth, int as_key)
{
    if (d->p >= d->end || !lua_checkstack(L, 4))
        return -1;
    uint8_t tag = *d->p++;
    uint64_t v;
    uint32_t n;
    switch (tag) {
    case 'T': case 'F':
        if (as_key)
            return -1;
        lua_pushboolean(L, tag == 'T');
        return 0;
    case 'i':
        if (get_u64(d, &v))
            return -1;
        lua_pushinteger(L, (lua_Integer)v);
        return 0;
    case 'd': {
        if (get_u64(d, &v))
            return -1;
        double x;
        memcpy(&x, &v, sizeof x);
        if (as_key && (x != x || (x >= -0x1p63 && x < 0x1p63 && floor(x) == x)))
            return -1;   /* NaN, or a float Lua would store as an integer key */
        lua_pushnumber(L, x);
        return 0;
    }
    case 's':
        if (get_u32(d, &n) || (size_t)(d->end - d->p) < n)
            return -1;
        lua_pushlstring(L, (const char *)d->p, n);
        d->p += n;
        return 0;
    case '{':
        if (as_key || depth >= STATE_DEPTH || get_u32(d, &n) || (size_t)(d->end - d->p) / 2 < n)
            return -1;
        lua_createtable(L, 0, 0);
        int t = lua_gettop(L);
        lua_pushnil(L);   /* t + 1: the previous key */
        for (uint32_t k = 0; k < n; k++) {
            if (get_value(L, d, depth + 1, 1))
                return -1;
            key prev, cur;
            key_at(L, t + 1, &prev);
            key_at(L, t + 2, &cur);
            if (k > 0 && key_cmp(&prev, &cur) >= 0)
                return -1;
            lua_copy(L, t + 2, t + 1);
            if (get_value(L, d, depth + 1, 0))
                return -1;
            lua_rawset(L, t);
        }
        lua_settop(L, t);
        return 0;
    default: return -1;
    }
}

int scn_state_decode(lua_State *L, const uint8_t *bytes, size_t n)
{
    int top = lua_gettop(L);
    if (n == 0) {
        lua_newtable(L);
        return 0;
    }
    dec d = {bytes, bytes + n};
    if (*bytes != '{' || get_value(L, &d, 0, 0) || d.p != d.end) {
        lua_settop(L, top);
        return -1;
    }
    return 0;
}

void scn_state_enter(lua_State *L, sim_world *w)
{
    scn_script *sc = scn_of(L);
    int current = sc->state_world == w && sc->state_ref != LUA_NOREF && sc->n_state_cache == w->n_hook_state &&
                  (w->n_hook_state == 0 || memcmp(sc->state_cache, w->hook_state, w->n_hook_state) == 0);
    sc->state_world = NULL;   /* until the trigger returns and its state is stored */
    if (current)
        return;
    scn_charge(L, (long)(w->n_hook_state / SCN_ALLOC_UNIT), "reading w.state");
    if (scn_state_decode(L, w->hook_state, w->n_hook_state))
        luaL_error(L, "the world's w.state cannot be read back");
    luaL_unref(L, LUA_REGISTRYINDEX, sc->state_ref);
    sc->state_ref = luaL_ref(L, LUA_REGISTRYINDEX);
}

void scn_state_leave(lua_State *L, sim_world *w, int line)
{
    scn_script *sc = scn_of(L);
    uint8_t *buf = NULL;
    size_t n = 0;
    char msg[400];
    lua_rawgeti(L, LUA_REGISTRYINDEX, sc->state_ref);
    int rc = scn_state_encode(L, -1, &buf, &n, msg, sizeof msg);
    lua_pop(L, 1);
    if (rc)
        luaL_error(L, "%s:%d: %s", sc->short_src, line, msg);
    int same = n == w->n_hook_state && (n == 0 || memcmp(buf, w->hook_state, n) == 0);
    if (!same && sim_hook_state_set(w, buf, n)) {
        free(buf);
        luaL_error(L, "out of memory for w.state");
    }
    free(sc->state_cache);
    sc->state_cache = buf;
    sc->n_state_cache = n;
    sc->state_world = w;
    scn_charge(L, (long)(n / SCN_ALLOC_UNIT), "keeping w.state");
}

void scn_state_push(lua_State *L)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, scn_of(L)->state_ref);
}
