/* api_pattern.c — string.find / match / gmatch / gsub for scenarios: Lua 5.4's pattern language,
 * matched here so every step is charged to the instruction budget (Lua's own matcher runs unmetered). */
#include "scn_internal.h"

#include <ctype.h>
#include <lauxlib.h>
#include <lualib.h>
#include <string.h>

#define PAT_ESC '%'
#define PAT_SPECIALS "^$*+?.([%-"
#define PAT_MAX_CAPTURES 32   /* as LUA_MAXCAPTURES */
#define PAT_MAX_DEPTH 200     /* nested matcher calls before "pattern too complex" */
#define PAT_BATCH 4096        /* steps charged to the budget at a time */
#define CAP_UNFINISHED (-1)
#define CAP_POSITION (-2)

typedef struct pat_state {
    const char *src_init, *src_end;
    const char *pat_end;
    lua_State *L;
    const char *fn;        /* "string.find", ... for the budget message */
    int depth;
    int level;
    long steps;            /* not yet charged */
    struct {
        const char *init;
        ptrdiff_t len;
    } cap[PAT_MAX_CAPTURES];
} pat_state;

static const char *do_match(pat_state *ms, const char *s, const char *p);

static void flush_steps(pat_state *ms)
{
    long n = ms->steps;
    ms->steps = 0;
    scn_charge(ms->L, n, ms->fn);
}

static void step(pat_state *ms, long n)
{
    ms->steps += n;
    if (ms->steps >= PAT_BATCH)
        flush_steps(ms);
}

static const char *class_end(pat_state *ms, const char *p)
{
    char c = *p++;
    if (c == PAT_ESC) {
        if (p >= ms->pat_end)
            luaL_error(ms->L, "malformed pattern (ends with '%%')");
        return p + 1;
    }
    if (c == '[') {
        if (*p == '^')
            p++;
        do {
            if (p >= ms->pat_end)
                luaL_error(ms->L, "malformed pattern (missing ']')");
            if (*(p++) == PAT_ESC && p < ms->pat_end)
                p++;
        } while (*p != ']');
        return p + 1;
    }
    return p;
}

static int match_class(int c, int cl)
{
    int res;
    switch (tolower(cl)) {
    case 'a': res = isalpha(c); break;
    case 'c': res = iscntrl(c); break;
    case 'd': res = isdigit(c); break;
    case 'g': res = isgraph(c); break;
    case 'l': res = islower(c); break;
    case 'p': res = ispunct(c); break;
    case 's': res = isspace(c); break;
    case 'u': res = isupper(c); break;
    case 'w': res = isalnum(c); break;
    case 'x': res = isxdigit(c); break;
    case 'z': res = c == 0; break;
    default: return cl == c;
    }
    return isupper(cl) ? !res : res != 0;
}

/* p is at '[', ec at the closing ']'. */
static int match_bracket(int c, const char *p, const char *ec)
{
    int sig = 1;
    if (p[1] == '^') {
        sig = 0;
        p++;
    }
    while (++p < ec) {
        if (*p == PAT_ESC) {
            p++;
            if (match_class(c, (unsigned char)*p))
                return sig;
        } else if (p[1] == '-' && p + 2 < ec) {
            p += 2;
            if ((unsigned char)p[-2] <= c && c <= (unsigned char)*p)
                return sig;
        } else if ((unsigned char)*p == c) {
            return sig;
        }
    }
    return !sig;
}

static int single_match(pat_state *ms, const char *s, const char *p, const char *ep)
{
    step(ms, 1);
    if (s >= ms->src_end)
        return 0;
    int c = (unsigned char)*s;
    switch (*p) {
    case '.': return 1;
    case PAT_ESC: return match_class(c, (unsigned char)p[1]);
    case '[': return match_bracket(c, p, ep - 1);
    default: return (unsigned char)*p == c;
    }
}

/* %bxy at p (pointing at x). */
static const char *match_balance(pat_state *ms, const char *s, const char *p)
{
    if (p >= ms->pat_end - 1)
        luaL_error(ms->L, "malformed pattern (missing arguments to '%%b')");
    if (s >= ms->src_end || *s != *p)
        return NULL;
    char open = p[0], close = p[1];
    int depth = 1;
    while (++s < ms->src_end) {
        step(ms, 1);
        if (*s == close) {
            if (--depth == 0)
                return s + 1;
        } else if (*s == open) {
            depth++;
        }
    }
    return NULL;
}

static const char *max_expand(pat_state *ms, const char *s, const char *p, const char *ep)
{
    ptrdiff_t i = 0;
    while (single_match(ms, s + i, p, ep))
        i++;
    for (; i >= 0; i--) {
        const char *res = do_match(ms, s + i, ep + 1);
        if (res)
            return res;
    }
    return NULL;
}

static const char *min_expand(pat_state *ms, const char *s, const char *p, const char *ep)
{
    for (;;) {
        const char *res = do_match(ms, s, ep + 1);
        if (res)
            return res;
        if (!single_match(ms, s, p, ep))
            return NULL;
        s++;
    }
}

static const char *start_capture(pat_state *ms, const char *s, const char *p, ptrdiff_t what)
{
    int level = ms->level;
    if (level >= PAT_MAX_CAPTURES)
        luaL_error(ms->L, "too many captures");
    ms->cap[level].init = s;
    ms->cap[level].len = what;
    ms->level = level + 1;
    const char *res = do_match(ms, s, p);
    if (!res)
        ms->level--;
    return res;
}

static const char *end_capture(pat_state *ms, const char *s, const char *p)
{
    int l = ms->level - 1;
    while (l >= 0 && ms->cap[l].len != CAP_UNFINISHED)
        l--;
    if (l < 0)
        luaL_error(ms->L, "invalid pattern capture");
    ms->cap[l].len = s - ms->cap[l].init;
    const char *res = do_match(ms, s, p);
    if (!res)
        ms->cap[l].len = CAP_UNFINISHED;
    return res;
}

/* %1..%9 inside a pattern: the text of an earlier, closed capture again. */
static const char *match_capture(pat_state *ms, const char *s, int digit)
{
    int l = digit - '1';
    if (l < 0 || l >= ms->level || ms->cap[l].len == CAP_UNFINISHED)
        luaL_error(ms->L, "invalid capture index %%%d", l + 1);
    size_t len = (size_t)ms->cap[l].len;
    step(ms, 1 + (long)(len / 16));
    if ((size_t)(ms->src_end - s) >= len && memcmp(ms->cap[l].init, s, len) == 0)
        return s + len;
    return NULL;
}

/* %f[set] at p (pointing at 'f'): sets *next past it when the frontier matches at s. */
static int match_frontier(pat_state *ms, const char *s, const char *p, const char **next)
{
    p++;
    if (*p != '[')
        luaL_error(ms->L, "missing '[' after '%%f' in pattern");
    const char *ep = class_end(ms, p);
    int prev = s == ms->src_init ? '\0' : (unsigned char)s[-1];
    int cur = s < ms->src_end ? (unsigned char)*s : '\0';
    *next = ep;
    return !match_bracket(prev, p, ep - 1) && match_bracket(cur, p, ep - 1);
}

/* One single-character class at p with its optional quantifier. Returns the end of the whole match,
 * or NULL; *cont = 1 (with *sp, *pp advanced) when matching simply goes on with the rest. */
static const char *match_item(pat_state *ms, const char **sp, const char **pp, int *cont)
{
    const char *s = *sp, *p = *pp;
    const char *ep = class_end(ms, p);
    *cont = 0;
    if (!single_match(ms, s, p, ep)) {
        if (*ep == '*' || *ep == '?' || *ep == '-') {
            *pp = ep + 1;
            *cont = 1;
        }
        return NULL;
    }
    switch (*ep) {
    case '?': {
        const char *res = do_match(ms, s + 1, ep + 1);
        if (res)
            return res;
        *pp = ep + 1;
        *cont = 1;
        return NULL;
    }
    case '+': return max_expand(ms, s + 1, p, ep);
    case '*': return max_expand(ms, s, p, ep);
    case '-': return min_expand(ms, s, p, ep);
    default:
        *sp = s + 1;
        *pp = ep;
        *cont = 1;
        return NULL;
    }
}

/* The "%x" items that are not character classes: %b, %f and back-references. Same contract as
 * match_item; returns with *handled = 0 for an ordinary class. */
static const char *match_escape(pat_state *ms, const char **sp, const char **pp, int *cont, int *handled)
{
    const char *s = *sp, *p = *pp, *next;
    *handled = 1;
    *cont = 0;
    switch (p[1]) {
    case 'b':
        s = match_balance(ms, s, p + 2);
        if (s) {
            *sp = s;
            *pp = p + 4;
            *cont = 1;
        }
        return NULL;
    case 'f':
        if (match_frontier(ms, s, p + 1, &next)) {
            *pp = next;
            *cont = 1;
        }
        return NULL;
    default:
        if (isdigit((unsigned char)p[1])) {
            s = match_capture(ms, s, (unsigned char)p[1]);
            if (s) {
                *sp = s;
                *pp = p + 2;
                *cont = 1;
            }
            return NULL;
        }
        *handled = 0;
        return NULL;
    }
}

static const char *do_match(pat_state *ms, const char *s, const char *p)
{
    if (ms->depth-- == 0)
        luaL_error(ms->L, "pattern too complex");
    step(ms, 1);
    const char *res = NULL;
    int cont = 1, handled = 0;
    while (cont) {
        if (p == ms->pat_end) {
            res = s;
            break;
        }
        cont = 0;
        if (*p == '(') {
            res = p[1] == ')' ? start_capture(ms, s, p + 2, CAP_POSITION) : start_capture(ms, s, p + 1, CAP_UNFINISHED);
        } else if (*p == ')') {
            res = end_capture(ms, s, p + 1);
        } else if (*p == '$' && p + 1 == ms->pat_end) {
            res = s == ms->src_end ? s : NULL;
        } else {
            handled = 0;
            if (*p == PAT_ESC)
                res = match_escape(ms, &s, &p, &cont, &handled);
            if (!handled)
                res = match_item(ms, &s, &p, &cont);
        }
    }
    ms->depth++;
    return res;
}

static void prepare(pat_state *ms, lua_State *L, const char *fn, const char *s, size_t ls, const char *p, size_t lp)
{
    ms->L = L;
    ms->fn = fn;
    ms->src_init = s;
    ms->src_end = s + ls;
    ms->pat_end = p + lp;
    ms->depth = PAT_MAX_DEPTH;
    ms->level = 0;
    ms->steps = 0;
}

static void push_onecapture(pat_state *ms, int i, const char *s, const char *e)
{
    if (i >= ms->level) {
        if (i != 0)
            luaL_error(ms->L, "invalid capture index %%%d", i + 1);
        lua_pushlstring(ms->L, s, (size_t)(e - s));
        return;
    }
    ptrdiff_t l = ms->cap[i].len;
    if (l == CAP_UNFINISHED)
        luaL_error(ms->L, "unfinished capture");
    if (l == CAP_POSITION)
        lua_pushinteger(ms->L, (ms->cap[i].init - ms->src_init) + 1);
    else
        lua_pushlstring(ms->L, ms->cap[i].init, (size_t)l);
}

/* Captures (or the whole match when s is given and there are none). */
static int push_captures(pat_state *ms, const char *s, const char *e)
{
    int n = ms->level == 0 && s ? 1 : ms->level;
    luaL_checkstack(ms->L, n, "too many captures");
    for (int i = 0; i < n; i++)
        push_onecapture(ms, i, s, e);
    return n;
}

/* Start offset from Lua's 1-based, possibly negative `init`, as string.find counts it. */
static size_t start_offset(lua_Integer pos, size_t len)
{
    if (pos > 0)
        return (size_t)pos - 1;
    if (pos == 0 || pos < -(lua_Integer)len)
        return 0;
    return len + (size_t)pos;
}

static int no_specials(const char *p, size_t lp)
{
    for (size_t i = 0; i < lp; i++)
        if (p[i] && strchr(PAT_SPECIALS, p[i]))
            return 0;
    return 1;
}

static const char *plain_find(pat_state *ms, const char *s, size_t ls, const char *p, size_t lp)
{
    if (lp == 0)
        return s;
    if (lp > ls)
        return NULL;
    const char *end = s + (ls - lp) + 1;
    while (s < end) {
        const char *hit = memchr(s, *p, (size_t)(end - s));
        step(ms, 1 + (long)((hit ? hit - s : end - s) / 64));
        if (!hit)
            return NULL;
        step(ms, 1 + (long)(lp / 16));
        if (memcmp(hit + 1, p + 1, lp - 1) == 0)
            return hit;
        s = hit + 1;
    }
    return NULL;
}

static int find_aux(lua_State *L, int find)
{
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = start_offset(luaL_optinteger(L, 3, 1), ls);
    pat_state ms;
    prepare(&ms, L, find ? "string.find: pattern matching" : "string.match: pattern matching", s, ls, p, lp);
    if (init > ls) {
        luaL_pushfail(L);
        return 1;
    }
    if (find && (lua_toboolean(L, 4) || no_specials(p, lp))) {
        const char *hit = plain_find(&ms, s + init, ls - init, p, lp);
        flush_steps(&ms);
        if (!hit) {
            luaL_pushfail(L);
            return 1;
        }
        lua_pushinteger(L, (hit - s) + 1);
        lua_pushinteger(L, (lua_Integer)((size_t)(hit - s) + lp));
        return 2;
    }
    int anchor = *p == '^';
    if (anchor)
        p++;
    const char *s1 = s + init;
    do {
        ms.level = 0;
        const char *e = do_match(&ms, s1, p);
        if (e) {
            flush_steps(&ms);
            if (!find)
                return push_captures(&ms, s1, e);
            lua_pushinteger(L, (s1 - s) + 1);
            lua_pushinteger(L, e - s);
            return push_captures(&ms, NULL, NULL) + 2;
        }
    } while (s1++ < ms.src_end && !anchor);
    flush_steps(&ms);
    luaL_pushfail(L);
    return 1;
}

static int pat_find(lua_State *L)
{
    return find_aux(L, 1);
}

static int pat_match(lua_State *L)
{
    return find_aux(L, 0);
}

typedef struct gmatch_state {
    const char *src;
    const char *p;
    const char *lastmatch;
    pat_state ms;
} gmatch_state;

static int gmatch_step(lua_State *L)
{
    gmatch_state *gm = lua_touserdata(L, lua_upvalueindex(3));
    gm->ms.L = L;
    for (const char *src = gm->src; src <= gm->ms.src_end; src++) {
        gm->ms.level = 0;
        const char *e = do_match(&gm->ms, src, gm->p);
        if (e && e != gm->lastmatch) {
            gm->src = gm->lastmatch = e;
            flush_steps(&gm->ms);
            return push_captures(&gm->ms, src, e);
        }
    }
    gm->src = gm->ms.src_end + 1;
    flush_steps(&gm->ms);
    return 0;
}

static int pat_gmatch(lua_State *L)
{
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = start_offset(luaL_optinteger(L, 3, 1), ls);
    lua_settop(L, 2);
    gmatch_state *gm = lua_newuserdatauv(L, sizeof *gm, 0);
    if (init > ls)
        init = ls + 1;
    prepare(&gm->ms, L, "string.gmatch: pattern matching", s, ls, p, lp);
    gm->src = s + init;
    gm->p = p;
    gm->lastmatch = NULL;
    lua_pushcclosure(L, gmatch_step, 3);
    return 1;
}

/* A replacement string: %0..%9 are captures, %% a percent sign. */
static void add_string(pat_state *ms, luaL_Buffer *b, const char *s, const char *e)
{
    lua_State *L = ms->L;
    size_t l;
    const char *news = lua_tolstring(L, 3, &l);
    const char *p;
    while ((p = memchr(news, PAT_ESC, l)) != NULL) {
        luaL_addlstring(b, news, (size_t)(p - news));
        p++;
        if (*p == PAT_ESC) {
            luaL_addchar(b, *p);
        } else if (*p == '0') {
            luaL_addlstring(b, s, (size_t)(e - s));
        } else if (isdigit((unsigned char)*p)) {
            push_onecapture(ms, *p - '1', s, e);
            luaL_tolstring(L, -1, NULL);
            lua_remove(L, -2);
            luaL_addvalue(b);
        } else {
            luaL_error(L, "invalid use of '%c' in replacement string", PAT_ESC);
        }
        l -= (size_t)(p + 1 - news);
        news = p + 1;
    }
    luaL_addlstring(b, news, l);
}

/* Add the replacement of the match s..e; returns whether the text changed. */
static int add_value(pat_state *ms, luaL_Buffer *b, const char *s, const char *e, int tr)
{
    lua_State *L = ms->L;
    if (tr == LUA_TFUNCTION) {
        lua_pushvalue(L, 3);
        int n = push_captures(ms, s, e);
        lua_call(L, n, 1);
    } else if (tr == LUA_TTABLE) {
        push_onecapture(ms, 0, s, e);
        lua_gettable(L, 3);
    } else {
        add_string(ms, b, s, e);
        return 1;
    }
    if (!lua_toboolean(L, -1)) {
        lua_pop(L, 1);
        luaL_addlstring(b, s, (size_t)(e - s));
        return 0;
    }
    if (!lua_isstring(L, -1))
        return luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
    luaL_addvalue(b);
    return 1;
}

static int pat_gsub(lua_State *L)
{
    size_t srcl, lp;
    const char *src = luaL_checklstring(L, 1, &srcl);
    const char *p = luaL_checklstring(L, 2, &lp);
    const char *lastmatch = NULL;
    int tr = lua_type(L, 3);
    lua_Integer max_s = luaL_optinteger(L, 4, (lua_Integer)srcl + 1);
    luaL_argexpected(L, tr == LUA_TNUMBER || tr == LUA_TSTRING || tr == LUA_TFUNCTION || tr == LUA_TTABLE, 3,
                     "string/function/table");
    int anchor = *p == '^';
    if (anchor) {
        p++;
        lp--;
    }
    lua_Integer n = 0;
    int changed = 0;
    pat_state ms;
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    prepare(&ms, L, "string.gsub: pattern matching", src, srcl, p, lp);
    while (n < max_s) {
        ms.level = 0;
        const char *e = do_match(&ms, src, p);
        if (e && e != lastmatch) {
            n++;
            changed = add_value(&ms, &b, src, e, tr) | changed;
            src = lastmatch = e;
        } else if (src < ms.src_end) {
            luaL_addchar(&b, *src++);
        } else {
            break;
        }
        if (anchor)
            break;
    }
    flush_steps(&ms);
    if (!changed) {
        lua_pushvalue(L, 1);
    } else {
        luaL_addlstring(&b, src, (size_t)(ms.src_end - src));
        luaL_pushresult(&b);
    }
    lua_pushinteger(L, n);
    return 2;
}

void scn_open_patterns(lua_State *L)
{
    static const luaL_Reg fns[] = {
        {"find", pat_find}, {"match", pat_match}, {"gmatch", pat_gmatch}, {"gsub", pat_gsub}, {NULL, NULL},
    };
    lua_getglobal(L, LUA_STRLIBNAME);
    luaL_setfuncs(L, fns, 0);
    lua_pop(L, 1);
}
