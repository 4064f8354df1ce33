/* decl.c — the declarative calls of scenario.lua (scenario, platform, fact, inject, rumour, question,
 * template, ending, claim): their field specs, defaults and per-declaration checks, copied into sim_scenario. */
#include "scn_internal.h"

#include <lauxlib.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define FIELD(name, kind, type, member, flags) {name, kind, offsetof(type, member), flags, 0, 0, NULL}
#define RANGED(name, kind, type, member, flags, lo, hi) {name, kind, offsetof(type, member), (flags) | SCN_RANGE, lo, hi, NULL}
#define CHOICE(name, type, member, flags, choices) {name, SCN_F_ENUM, offsetof(type, member), flags, 0, 0, choices}
#define CUSTOM(name) {name, SCN_F_CUSTOM, 0, 0, 0, 0, NULL}
#define END {NULL, SCN_F_CUSTOM, 0, 0, 0, 0, NULL}

static const scn_field scenario_spec[] = {
    FIELD("id", SCN_F_ID, sim_scenario, id, SCN_REQ),
    FIELD("title", SCN_F_TEXT, sim_scenario, title, SCN_REQ),
    FIELD("briefing", SCN_F_TEXT, sim_scenario, briefing, 0),
    FIELD("place", SCN_F_TEXT, sim_scenario, place, 0),
    FIELD("official", SCN_F_TEXT, sim_scenario, official, 0),
    FIELD("domain", SCN_F_ID, sim_scenario, domain, 0),
    RANGED("difficulty", SCN_F_INT, sim_scenario, difficulty, 0, 1, 5),
    CHOICE("role", sim_scenario, role, 0, "spokesperson monitor command"),
    RANGED("time_scale", SCN_F_NUM, sim_scenario, time_scale, SCN_POS, 0, 1000),
    RANGED("duration", SCN_F_TIME, sim_scenario, duration, SCN_REQ | SCN_POS, 0, SCN_MAX_DURATION),
    RANGED("starts_at", SCN_F_TIME, sim_scenario, starts_at, 0, 0, 23 * 3600 + 59 * 60),
    FIELD("plan", SCN_F_ID, sim_scenario, plan, 0),
    CUSTOM("languages"),
    CUSTOM("world"),
    CUSTOM("deadlines"),
    END,
};

static const scn_field world_spec[] = {
    RANGED("population", SCN_F_U32, sim_params, population, 0, 10, 1e7),
    RANGED("mean_follows", SCN_F_NUM, sim_params, mean_follows, 0, 1, 1000),
    RANGED("leaders", SCN_F_U32, sim_params, leaders, 0, 0, 1e7),
    RANGED("media", SCN_F_U32, sim_params, media, 0, 0, 1e7),
    RANGED("heat_base", SCN_F_NUM, sim_params, heat_base, 0, 0, 1e6),
    RANGED("heat_branching", SCN_F_NUM, sim_params, heat_branching, SCN_HIOPEN, 0, 1),
    RANGED("heat_decay_h", SCN_F_NUM, sim_params, heat_decay_h, 0, 0.01, 1000),
    RANGED("reads_per_post", SCN_F_NUM, sim_params, reads_per_post, 0, 0, 1e6),
    RANGED("trust", SCN_F_NUM, sim_params, trust0, 0, 0, 100),
    RANGED("crowd", SCN_F_NUM, sim_params, crowd0, 0, 0, 1e7),
    RANGED("media_threshold", SCN_F_NUM, sim_params, media_threshold, 0, 0, 1e9),
    END,
};

static const scn_field platform_spec[] = {
    FIELD("id", SCN_F_ID, sim_platform, id, SCN_REQ),
    FIELD("name", SCN_F_TEXT, sim_platform, name, SCN_REQ),
    RANGED("share", SCN_F_NUM, sim_platform, share, SCN_REQ, 0, 1),
    END,
};

static const scn_field fact_spec[] = {
    FIELD("id", SCN_F_ID, sim_fact, id, SCN_REQ),
    FIELD("text", SCN_F_TEXT, sim_fact, text, SCN_REQ),
    RANGED("value", SCN_F_NUM, sim_fact, value, 0, -1e15, 1e15),
    FIELD("unit", SCN_F_STR, sim_fact, unit, 0),
    CHOICE("kind", sim_fact, kind, 0, "number cause place time measure other"),
    FIELD("synonyms", SCN_F_LIST, sim_fact, synonyms, 0),
    FIELD("verified_at", SCN_F_TIME, sim_fact, verified_at, 0),
    FIELD("verified_by", SCN_F_TEXT, sim_fact, verified_by, 0),
    FIELD("superseded_by", SCN_F_ID, sim_fact, superseded_by, 0),
    FIELD("subjects", SCN_F_LIST, sim_fact, subjects, 0),
    FIELD("topics", SCN_F_LIST, sim_fact, topics, 0),
    END,
};

static const scn_field inject_spec[] = {
    FIELD("id", SCN_F_ID, sim_inject, id, SCN_REQ),
    CHOICE("kind", sim_inject, kind, SCN_REQ, "post video media call field hotline notice"),
    FIELD("source", SCN_F_TEXT, sim_inject, source, 0),
    FIELD("text", SCN_F_TEXT, sim_inject, text, SCN_REQ),
    FIELD("at", SCN_F_TIME, sim_inject, at, 0),
    RANGED("heat", SCN_F_NUM, sim_inject, heat, 0, 0, 1e6),
    RANGED("crowd", SCN_F_NUM, sim_inject, crowd, 0, 0, 1e7),
    RANGED("calls", SCN_F_NUM, sim_inject, calls, 0, 0, 1e6),
    RANGED("length", SCN_F_NUM, sim_inject, length, 0, 0, 36000),
    END,
};

static const scn_field rumour_spec[] = {
    FIELD("id", SCN_F_ID, sim_rumour, id, SCN_REQ),
    FIELD("claim", SCN_F_TEXT, sim_rumour, claim, SCN_REQ),
    FIELD("platform", SCN_F_ID, sim_rumour, platform, SCN_REQ),
    FIELD("start", SCN_F_TIME, sim_rumour, start, 0),
    RANGED("spread", SCN_F_NUM, sim_rumour, spread, 0, 0, 1000),
    RANGED("stifle", SCN_F_NUM, sim_rumour, stifle, 0, 0, 1),
    RANGED("believe", SCN_F_NUM, sim_rumour, believe, 0, 0, 1),
    RANGED("seeds", SCN_F_INT, sim_rumour, seeds, 0, 1, 100000),
    FIELD("rebutted_by", SCN_F_ID, sim_rumour, rebutted_by, 0),
    FIELD("synonyms", SCN_F_LIST, sim_rumour, synonyms, 0),
    END,
};

static const scn_field claim_spec[] = {
    FIELD("id", SCN_F_ID, sim_claim_def, id, SCN_REQ),
    FIELD("text", SCN_F_TEXT, sim_claim_def, text, SCN_REQ),
    FIELD("synonyms", SCN_F_LIST, sim_claim_def, synonyms, 0),
    FIELD("verified_at", SCN_F_TIME, sim_claim_def, verified_at, 0),
    CHOICE("kind", sim_claim_def, kind, 0, "number cause place time measure other"),
    FIELD("hurts", SCN_F_TEXT, sim_claim_def, hurts, 0),
    CUSTOM("truth"),
    END,
};

static const scn_field question_spec[] = {
    FIELD("id", SCN_F_ID, sim_question, id, SCN_REQ),
    FIELD("reporter", SCN_F_TEXT, sim_question, reporter, 0),
    FIELD("outlet", SCN_F_TEXT, sim_question, outlet, 0),
    FIELD("text", SCN_F_TEXT, sim_question, text, SCN_REQ),
    FIELD("followup", SCN_F_TEXT, sim_question, followup, 0),
    FIELD("expects", SCN_F_LIST, sim_question, expects, 0),
    FIELD("traps", SCN_F_LIST, sim_question, traps, 0),
    FIELD("at", SCN_F_TIME, sim_question, at, 0),
    FIELD("after_rumour", SCN_F_ID, sim_question, after_rumour, 0),
    END,
};

static const scn_field template_spec[] = {
    FIELD("platform", SCN_F_STR, sim_template, platform, 0),
    CHOICE("stance", sim_template, stance, SCN_REQ, "angry worried neutral supportive rumour"),
    FIELD("text", SCN_F_TEXT, sim_template, text, SCN_REQ),
    CHOICE("after", sim_template, after, 0, "statement"),
    END,
};

static const scn_field ending_spec[] = {
    FIELD("id", SCN_F_ID, sim_ending, id, SCN_REQ),
    FIELD("text", SCN_F_TEXT, sim_ending, text, SCN_REQ),
    END,
};

/* Common start of every declaration: only while loading, one table argument. Returns the line,
 * or 0 when the argument is not a table (a problem is recorded). */
static int decl_start(lua_State *L, const char *what)
{
    scn_script *sc = scn_of(L);
    if (!sc->loading)
        luaL_error(L, "%s{} can only be declared while scenario.lua loads, not inside a trigger", what);
    int line = scn_caller_line(L);
    if (lua_gettop(L) != 1 || lua_type(L, 1) != LUA_TTABLE) {
        scn_problems_add(sc->probs, sc->path, line, "%s expects one table: %s { id = ..., ... }", what, what);
        return 0;
    }
    return line;
}

/* The name the running declaration was called by ("fact"), for messages. */
static const char *decl_name(lua_State *L)
{
    lua_Debug ar;
    if (lua_getstack(L, 0, &ar) && lua_getinfo(L, "n", &ar) && ar.name)
        return ar.name;
    return "declaration";
}

/* Append a zeroed element to a scenario array; its strings are owned by the scenario at once.
 * At most SCN_MAX_DECLS per kind; the array doubles when full (its length is always a power of
 * two or zero when it is full), and its bytes count against the script's memory cap. */
static void *push_item(lua_State *L, void **arr, int *n, size_t size)
{
    if (*n >= SCN_MAX_DECLS)
        luaL_error(L, "too many %s declarations (at most %d of each kind)", decl_name(L), SCN_MAX_DECLS);
    scn_charge_memory(L, size, 0);
    if ((*n & (*n - 1)) == 0) {
        void *grown = realloc(*arr, (size_t)(*n ? *n * 2 : 1) * size);
        if (!grown)
            luaL_error(L, "out of memory");
        *arr = grown;
    }
    void *item = (char *)*arr + (size_t)*n * size;
    memset(item, 0, size);
    (*n)++;
    return item;
}

/* Report an id the newest element shares with an earlier one of its kind: the ids seen so far are
 * kept per kind in a registry table (id -> line), so each check is one lookup. */
static void check_duplicate(scn_decl *d, const char *id, int line, const char *what)
{
    if (!id)
        return;
    lua_State *L = d->L;
    char key[48];
    snprintf(key, sizeof key, "yq.ids.%s", what);
    luaL_getsubtable(L, LUA_REGISTRYINDEX, key);
    if (lua_getfield(L, -1, id) == LUA_TNUMBER) {
        scn_decl_problem(d, "duplicate %s id '%s' (first declared at line %d)", what, id, (int)lua_tointeger(L, -1));
    } else {
        lua_pushinteger(L, line);
        lua_setfield(L, -3, id);
    }
    lua_pop(L, 2);
}

#define DUPLICATE(d, arr, n, type, what) check_duplicate(d, (arr)[(n) - 1].id, (arr)[(n) - 1].line, what)

static void read_languages(scn_decl *d, sim_scenario *s)
{
    lua_State *L = d->L;
    lua_pushliteral(L, "languages");
    if (lua_rawget(L, d->table) == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    sim_strlist langs = {0};
    static const scn_field f = {"languages", SCN_F_LIST, 0, 0, 0, 0, NULL};
    if (scn_decl_value(d, &f, -1, &langs) == 0) {
        int zh = 0;
        for (int i = 0; i < langs.count; i++) {
            if (strcmp(langs.items[i], "zh") == 0)
                zh = 1;
            else if (strcmp(langs.items[i], "en") == 0)
                s->bilingual = 1;
            else
                scn_decl_problem(d, "unknown language '%.20s' in 'languages' (use \"zh\" and \"en\")", langs.items[i]);
        }
        if (!zh)
            scn_decl_problem(d, "'languages' must include \"zh\"");
    }
    for (int i = 0; i < langs.count; i++)
        free(langs.items[i]);
    free(langs.items);
    lua_pop(L, 1);
}

static void read_world(scn_decl *parent, sim_scenario *s)
{
    lua_State *L = parent->L;
    lua_pushliteral(L, "world");
    int t = lua_rawget(L, parent->table);
    if (t == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    if (t != LUA_TTABLE) {
        scn_decl_problem(parent, "'world' must be a table, not %s", luaL_typename(L, -1));
        lua_pop(L, 1);
        return;
    }
    scn_decl d;
    scn_decl_begin(&d, L, -1, "world", parent->line);
    snprintf(d.label, sizeof d.label, "%.140s: world", parent->label);
    scn_decl_read(&d, world_spec, &s->params);
    const sim_params *p = &s->params;
    if (p->population > 0 && p->mean_follows > (double)p->population - 1.0)
        scn_decl_problem(&d, "mean_follows %g needs more follow edges than %u accounts can hold (at most %u each)",
                         p->mean_follows, p->population, p->population - 1);
    if ((double)p->population * p->mean_follows > SCN_MAX_EDGES)
        scn_decl_problem(&d, "population x mean_follows (%g) exceeds %g follow edges",
                         (double)p->population * p->mean_follows, SCN_MAX_EDGES);
    if ((double)p->leaders + (double)p->media > (double)p->population)
        scn_decl_problem(&d, "leaders + media (%u) exceed the population (%u)", p->leaders + p->media, p->population);
    parent->bad |= d.bad;
    lua_pop(L, 1);
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* One `id = time` pair of scenario.deadlines (key at -2, value at -1): a plan deadline id and a limit
 * in 00:00..720:00. Whether the plan has that id is checked by `yqdrill check`, which loads the plan. */
static void read_deadline(scn_decl *d, sim_scenario *s)
{
    lua_State *L = d->L;
    static const scn_field key = {"deadlines", SCN_F_ID, 0, 0, 0, 0, NULL};
    char name[96];
    snprintf(name, sizeof name, "deadlines.%.60s", lua_tostring(L, -2));
    scn_field val = {name, SCN_F_TIME, 0, SCN_POS | SCN_RANGE, 0, SCN_MAX_DURATION, NULL};
    sim_deadline_override *o = push_item(L, (void **)&s->deadlines, &s->n_deadlines, sizeof *o);
    o->line = d->line;
    if (scn_decl_value(d, &key, -2, &o->id) || scn_decl_value(d, &val, -1, &o->at)) {
        free(o->id);
        s->n_deadlines--;
    }
}

/* The pairs of the table at `tab` in id order, so that problems and the list come out the same on
 * every run (the table's own order is not fixed); a key that is not a string is one problem. */
static void read_deadline_table(scn_decl *d, sim_scenario *s, int tab)
{
    lua_State *L = d->L;
    int n = 0, other = 0;
    for (lua_pushnil(L); lua_next(L, tab); lua_pop(L, 1))
        lua_type(L, -2) == LUA_TSTRING ? n++ : other++;
    if (other)
        scn_decl_problem(d, "'deadlines' keys must be plan deadline ids (deadlines = { first_response = \"00:30\" })");
    if (n == 0)
        return;
    if (n > SCN_MAX_DECLS)
        luaL_error(L, "too many deadlines (at most %d)", SCN_MAX_DECLS);
    /* Lua-owned, so an error raised below (the memory cap) leaves nothing behind. */
    const char **ids = lua_newuserdatauv(L, (size_t)n * sizeof *ids, 0);
    int k = 0;
    for (lua_pushnil(L); lua_next(L, tab); lua_pop(L, 1))
        if (lua_type(L, -2) == LUA_TSTRING && k < n)
            ids[k++] = lua_tostring(L, -2);   /* kept alive by the table, which stays on the stack */
    qsort(ids, (size_t)k, sizeof *ids, name_cmp);
    for (int i = 0; i < k; i++) {
        lua_pushstring(L, ids[i]);
        lua_pushvalue(L, -1);
        lua_rawget(L, tab);
        read_deadline(d, s);
        lua_pop(L, 2);
    }
    lua_pop(L, 1);
}

static void read_deadlines(scn_decl *d, sim_scenario *s)
{
    lua_State *L = d->L;
    lua_pushliteral(L, "deadlines");
    int t = lua_rawget(L, d->table);
    if (t != LUA_TNIL && t != LUA_TTABLE)
        scn_decl_problem(d, "'deadlines' must be a table of plan deadline ids and times, not %s", luaL_typename(L, -1));
    if (t == LUA_TTABLE)
        read_deadline_table(d, s, lua_absindex(L, -1));
    lua_pop(L, 1);
}

static int decl_scenario(lua_State *L)
{
    scn_script *sc = scn_of(L);
    int line = decl_start(L, "scenario");
    if (!line)
        return 0;
    sim_scenario *s = sc->scn;
    scn_decl d;
    scn_decl_begin(&d, L, 1, "scenario", line);
    if (sc->scenario_line) {
        scn_decl_problem(&d, "scenario{} declared twice (first at line %d)", sc->scenario_line);
        return 0;
    }
    sc->scenario_line = line;
    scn_decl_read(&d, scenario_spec, s);
    read_languages(&d, s);
    read_world(&d, s);
    read_deadlines(&d, s);
    if (!s->role)
        s->role = scn_strdup("spokesperson");
    if (!s->plan)
        s->plan = scn_strdup("general");
    return 0;
}

static int decl_platform(lua_State *L)
{
    int line = decl_start(L, "platform");
    if (!line)
        return 0;
    sim_scenario *s = scn_of(L)->scn;
    sim_platform *p = push_item(L, (void **)&s->platforms, &s->n_platforms, sizeof *p);
    p->line = line;
    scn_decl d;
    scn_decl_begin(&d, L, 1, "platform", line);
    scn_decl_read(&d, platform_spec, p);
    DUPLICATE(&d, s->platforms, s->n_platforms, sim_platform, "platform");
    return 0;
}

static int decl_fact(lua_State *L)
{
    int line = decl_start(L, "fact");
    if (!line)
        return 0;
    sim_scenario *s = scn_of(L)->scn;
    sim_fact *f = push_item(L, (void **)&s->facts, &s->n_facts, sizeof *f);
    f->line = line;
    f->verified_at = SIM_NEVER;
    f->kind = scn_strdup("other");
    scn_decl d;
    scn_decl_begin(&d, L, 1, "fact", line);
    scn_decl_read(&d, fact_spec, f);
    lua_pushliteral(L, "value");
    f->has_value = lua_rawget(L, 1) == LUA_TNUMBER;
    lua_pop(L, 1);
    if (f->kind && strcmp(f->kind, "number") == 0 && !f->has_value)
        scn_decl_problem(&d, "a fact of kind \"number\" needs a 'value'");
    if (f->verified_by.zh && f->verified_at == SIM_NEVER)
        scn_decl_problem(&d, "'verified_by' is given but 'verified_at' is not");
    DUPLICATE(&d, s->facts, s->n_facts, sim_fact, "fact");
    return 0;
}

static int decl_inject(lua_State *L)
{
    int line = decl_start(L, "inject");
    if (!line)
        return 0;
    sim_scenario *s = scn_of(L)->scn;
    sim_inject *j = push_item(L, (void **)&s->injects, &s->n_injects, sizeof *j);
    j->line = line;
    j->at = SIM_NEVER;
    scn_decl d;
    scn_decl_begin(&d, L, 1, "inject", line);
    scn_decl_read(&d, inject_spec, j);
    DUPLICATE(&d, s->injects, s->n_injects, sim_inject, "inject");
    return 0;
}

static int decl_rumour(lua_State *L)
{
    int line = decl_start(L, "rumour");
    if (!line)
        return 0;
    sim_scenario *s = scn_of(L)->scn;
    sim_rumour *r = push_item(L, (void **)&s->rumours, &s->n_rumours, sizeof *r);
    r->line = line;
    r->start = SIM_NEVER;
    r->spread = 3.0;
    r->stifle = 0.25;
    r->believe = 0.4;
    r->seeds = 3;
    scn_decl d;
    scn_decl_begin(&d, L, 1, "rumour", line);
    scn_decl_read(&d, rumour_spec, r);
    DUPLICATE(&d, s->rumours, s->n_rumours, sim_rumour, "rumour");
    return 0;
}

static int decl_question(lua_State *L)
{
    int line = decl_start(L, "question");
    if (!line)
        return 0;
    sim_scenario *s = scn_of(L)->scn;
    sim_question *q = push_item(L, (void **)&s->questions, &s->n_questions, sizeof *q);
    q->line = line;
    q->at = SIM_NEVER;
    scn_decl d;
    scn_decl_begin(&d, L, 1, "question", line);
    scn_decl_read(&d, question_spec, q);
    DUPLICATE(&d, s->questions, s->n_questions, sim_question, "question");
    return 0;
}

/* Slots a template may use; anything else in {braces} made of letters is a typo. */
static void check_slots(scn_decl *d, const char *text)
{
    static const char *const slots[] = {"place", "official", "rumour", "fact"};
    for (const char *p = text ? strchr(text, '{') : NULL; p; p = strchr(p + 1, '{')) {
        size_t n = 0;
        while ((p[1 + n] >= 'a' && p[1 + n] <= 'z') || p[1 + n] == '_')
            n++;
        if (n == 0 || p[1 + n] != '}')
            continue;
        int known = 0;
        for (int i = 0; i < 4; i++)
            known |= strlen(slots[i]) == n && strncmp(slots[i], p + 1, n) == 0;
        if (!known)
            scn_decl_problem(d, "unknown slot {%.*s} (use {place}, {official}, {rumour} or {fact})", (int)n, p + 1);
    }
}

static int decl_template(lua_State *L)
{
    int line = decl_start(L, "template");
    if (!line)
        return 0;
    sim_scenario *s = scn_of(L)->scn;
    sim_template *t = push_item(L, (void **)&s->templates, &s->n_templates, sizeof *t);
    t->line = line;
    t->platform = scn_strdup("*");
    scn_decl d;
    scn_decl_begin(&d, L, 1, "template", line);
    scn_decl_read(&d, template_spec, t);
    check_slots(&d, t->text.zh);
    check_slots(&d, t->text.en);
    return 0;
}

static int decl_ending(lua_State *L)
{
    int line = decl_start(L, "ending");
    if (!line)
        return 0;
    sim_scenario *s = scn_of(L)->scn;
    sim_ending *e = push_item(L, (void **)&s->endings, &s->n_endings, sizeof *e);
    e->line = line;
    scn_decl d;
    scn_decl_begin(&d, L, 1, "ending", line);
    scn_decl_read(&d, ending_spec, e);
    DUPLICATE(&d, s->endings, s->n_endings, sim_ending, "ending");
    return 0;
}

static int decl_claim(lua_State *L)
{
    int line = decl_start(L, "claim");
    if (!line)
        return 0;
    sim_scenario *s = scn_of(L)->scn;
    sim_claim_def *c = push_item(L, (void **)&s->claims, &s->n_claims, sizeof *c);
    c->line = line;
    c->verified_at = SIM_NEVER;
    scn_decl d;
    scn_decl_begin(&d, L, 1, "claim", line);
    scn_decl_read(&d, claim_spec, c);
    lua_pushliteral(L, "truth");
    int t = lua_rawget(L, 1);
    if (t != LUA_TBOOLEAN)
        scn_decl_problem(&d, "'truth' must be true or false (is the claim true?)");
    c->truth = lua_toboolean(L, -1);
    lua_pop(L, 1);
    if (!c->truth && c->verified_at != SIM_NEVER)
        scn_decl_problem(&d, "a false claim cannot have 'verified_at'");
    if (c->truth && (c->hurts.zh || c->hurts.en))
        scn_decl_problem(&d, "'hurts' names whom a false claim wrongs; this claim is true");
    DUPLICATE(&d, s->claims, s->n_claims, sim_claim_def, "claim");
    return 0;
}

static int item_complete(const scn_field *spec, const void *item)
{
    for (const scn_field *f = spec; f->name; f++) {
        const void *slot = (const char *)item + f->off;
        if (!(f->flags & SCN_REQ))
            continue;
        if ((f->kind == SCN_F_ID || f->kind == SCN_F_STR || f->kind == SCN_F_ENUM) && !*(char *const *)slot)
            return 0;
        if (f->kind == SCN_F_TEXT && !((const sim_text *)slot)->zh)
            return 0;
    }
    return 1;
}

int scn_decls_complete(const sim_scenario *s)
{
    const struct { const scn_field *spec; const void *items; int n; size_t size; } kinds[] = {
        {scenario_spec, s, 1, sizeof *s},
        {platform_spec, s->platforms, s->n_platforms, sizeof *s->platforms},
        {fact_spec, s->facts, s->n_facts, sizeof *s->facts},
        {inject_spec, s->injects, s->n_injects, sizeof *s->injects},
        {rumour_spec, s->rumours, s->n_rumours, sizeof *s->rumours},
        {claim_spec, s->claims, s->n_claims, sizeof *s->claims},
        {question_spec, s->questions, s->n_questions, sizeof *s->questions},
        {template_spec, s->templates, s->n_templates, sizeof *s->templates},
        {ending_spec, s->endings, s->n_endings, sizeof *s->endings},
    };
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
        for (int i = 0; i < kinds[k].n; i++)
            if (!item_complete(kinds[k].spec, (const char *)kinds[k].items + (size_t)i * kinds[k].size))
                return 0;
    return 1;
}

const scn_field *scn_decl_spec(const char *kind)
{
    static const struct { const char *kind; const scn_field *spec; } specs[] = {
        {"scenario", scenario_spec}, {"world", world_spec},       {"platform", platform_spec},
        {"fact", fact_spec},         {"inject", inject_spec},     {"rumour", rumour_spec},
        {"claim", claim_spec},       {"question", question_spec}, {"template", template_spec},
        {"ending", ending_spec},
    };
    for (size_t i = 0; i < sizeof specs / sizeof specs[0]; i++)
        if (strcmp(specs[i].kind, kind) == 0)
            return specs[i].spec;
    return NULL;
}

void scn_open_decls(lua_State *L)
{
    static const luaL_Reg decls[] = {
        {"scenario", decl_scenario}, {"platform", decl_platform}, {"fact", decl_fact},
        {"inject", decl_inject},     {"rumour", decl_rumour},     {"question", decl_question},
        {"template", decl_template}, {"ending", decl_ending},     {"claim", decl_claim},
        {NULL, NULL},
    };
    lua_pushglobaltable(L);
    luaL_setfuncs(L, decls, 0);
    lua_pop(L, 1);
}
