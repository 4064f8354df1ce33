/* test_wstate.c — w.state, the triggers' serialisable state: a counter kept there works and survives a checkpoint
 * (a restored world runs on byte-identically), its encoding is sorted and round-trips, and what it cannot hold is refused. */
#include <lauxlib.h>
#include <lualib.h>

#include "check.h"
#include "script/scn_internal.h"
#include "sim/world.h"
#include "test_script_util.h"

#define HEADER "scenario { id = \"x\", title = \"t\", duration = \"01:00\", world = { population = 1000 } }\n" \
               "platform { id = \"weibo\", name = \"微博\", share = 0.5 }\n"

/* Every 7th tick the counter kept in w.state lowers trust: the world's end depends on the count. */
#define COUNTER "on_tick(function(w)\n  w.state.n = (w.state.n or 0) + 1\n" \
                "  w.state.seen = { last = w.now, odd = w.state.n % 2 == 1 }\n" \
                "  if w.state.n % 7 == 0 then w.adjust{trust = -1} end\nend)\n"

typedef struct loaded {
    sim_scenario s;
    scn_script *sc;
    sim_hooks hooks;
} loaded;

static int load_body(loaded *l, const char *name, const char *body)
{
    char src[4096];
    snprintf(src, sizeof src, "%s%s", HEADER, body);
    const char *dir = write_scenario(name, src);
    scn_problems p = {0};
    int rc = scn_load(dir, 1, &l->s, &l->sc, &p);
    CHECK_MSG(rc == 0, "%s: should load", name);
    if (rc)
        dump_problems(&p);
    scn_problems_free(&p);
    if (rc == 0)
        scn_hooks(l->sc, &l->hooks);
    return rc;
}

static void unload(loaded *l)
{
    scn_free(l->sc);
    sim_scenario_free(&l->s);
}

/* The value of w.state.n kept with w (-1 when none). */
static lua_Integer kept_count(const sim_world *w)
{
    lua_State *L = luaL_newstate();
    lua_Integer n = -1;
    if (scn_state_decode(L, w->hook_state, w->n_hook_state) == 0) {
        lua_getfield(L, -1, "n");
        n = lua_isinteger(L, -1) ? lua_tointeger(L, -1) : -1;
    }
    lua_close(L);
    return n;
}

static void test_counter_and_checkpoint(void)
{
    loaded l;
    if (load_body(&l, "counter", COUNTER))
        return;
    char err[256] = "";
    sim_world *w = sim_world_new(&l.s, NULL, 1, &l.hooks, err, sizeof err);
    CHECK_MSG(w != NULL, "world: %s", err);
    if (!w) {
        unload(&l);
        return;
    }
    CHECK(sim_run_until(w, 1200) == 0);
    lua_Integer at_ckpt = kept_count(w);
    CHECK_MSG(at_ckpt == 1200 / SIM_TICK_S, "w.state.n = %lld after %d ticks", (long long)at_ckpt, 1200 / SIM_TICK_S);
    sim_world *ckpt = sim_world_clone(w, &l.hooks, err, sizeof err);
    sim_world *forgetful = sim_world_clone(w, &l.hooks, err, sizeof err);
    CHECK(ckpt && forgetful);
    CHECK(sim_run_until(w, 3600) == 0);
    uint64_t whole = sim_hash(w);
    /* Another world run in between (the script is shared) must not disturb the checkpoint's state. */
    sim_world *other = sim_world_new(&l.s, NULL, 2, &l.hooks, err, sizeof err);
    CHECK(other && sim_run_until(other, 600) == 0);
    sim_world_free(other);
    if (ckpt && forgetful) {
        CHECK(sim_run_until(ckpt, 3600) == 0);
        CHECK_MSG(sim_hash(ckpt) == whole, "the checkpoint with its w.state ends differently");
        CHECK(kept_count(ckpt) == kept_count(w));
        CHECK(ckpt->n_hook_state == w->n_hook_state &&
              memcmp(ckpt->hook_state, w->hook_state, w->n_hook_state) == 0);
        /* Forgetting the state must show: the test can fail. */
        CHECK(sim_hook_state_set(forgetful, NULL, 0) == 0);
        CHECK(sim_run_until(forgetful, 3600) == 0);
        CHECK_MSG(sim_hash(forgetful) != whole, "a world restored without its w.state ends the same: the test is blind");
    }
    sim_world_free(ckpt);
    sim_world_free(forgetful);
    sim_world_free(w);
    unload(&l);
}

/* Encode the table the chunk returns. */
static int encode_chunk(lua_State *L, const char *chunk, uint8_t **out, size_t *n, char *msg, size_t msglen)
{
    if (luaL_dostring(L, chunk) != LUA_OK) {
        snprintf(msg, msglen, "%s", lua_tostring(L, -1));
        return -1;
    }
    int rc = scn_state_encode(L, -1, out, n, msg, msglen);
    lua_pop(L, 1);
    return rc;
}

static void test_encoding(void)
{
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    uint8_t *a = NULL, *b = NULL, *c = NULL;
    size_t na = 0, nb = 0, nc = 0;
    char msg[400] = "";
    CHECK_MSG(encode_chunk(L, "return { z = 1, a = 'x', [3] = true, [1.5] = 2.5, t = { 1, 2, { k = false } } }", &a,
                           &na, msg, sizeof msg) == 0, "%s", msg);
    CHECK_MSG(encode_chunk(L, "local t = {} t.t = { 1, 2, { k = false } } t[1.5] = 2.5 t.a = 'x' t[3] = true t.z = 1 "
                              "return t", &b, &nb, msg, sizeof msg) == 0, "%s", msg);
    CHECK_MSG(na == nb && memcmp(a, b, na) == 0, "the same content built in another order encodes differently");
    uint8_t *many = NULL;
    size_t nm = 0;
    CHECK_MSG(encode_chunk(L, "local t = {} for i = 1, 20 do t[i] = { i, { -i } } end return t", &many, &nm, msg,
                           sizeof msg) == 0, "41 distinct tables refused: %s", msg);
    free(many);
    {   /* more keys than fit the encoder's inline room, inserted in opposite orders */
        uint8_t *up = NULL, *down = NULL;
        size_t nu = 0, nd = 0;
        CHECK(encode_chunk(L, "local t = {} for i = 1, 40 do t['k' .. i] = i; t[i + 0.5] = -i end return t", &up, &nu, msg,
                           sizeof msg) == 0);
        CHECK(encode_chunk(L, "local t = {} for i = 40, 1, -1 do t[i + 0.5] = -i; t['k' .. i] = i end return t", &down, &nd,
                           msg, sizeof msg) == 0);
        CHECK_MSG(nu == nd && nu > 80 * 9 && memcmp(up, down, nu) == 0, "80 keys encode by insertion order");
        free(up);
        free(down);
    }
    CHECK(scn_state_decode(L, a, na) == 0);
    CHECK(scn_state_encode(L, -1, &c, &nc, msg, sizeof msg) == 0);
    CHECK_MSG(nc == na && memcmp(a, c, na) == 0, "decode then encode does not give the same bytes");
    lua_getfield(L, -1, "z");
    CHECK(lua_isinteger(L, -1) && lua_tointeger(L, -1) == 1);
    lua_pop(L, 2);
    for (size_t cut = 0; cut < na; cut++)
        CHECK_MSG(scn_state_decode(L, a, cut) == (cut ? -1 : 0), "a truncated encoding (%zu bytes) is accepted", cut);
    free(a);
    free(b);
    free(c);
    static const struct {
        const char *chunk, *msg;
    } bad[] = {
        {"return { f = print }", "w.state.f: a function cannot be kept"},
        {"local t = { n = 1 } t.me = t return { c = t }", "w.state.c.me: a table met twice"},
        {"local t = {} return { a = t, b = t }", "w.state.b: a table met twice"},
        {"return { m = setmetatable({}, {}) }", "w.state.m: a table with a metatable"},
        {"return { [true] = 1 }", "w.state: a boolean used as a key"},
        {"return { u = io.stdout }", "w.state.u: a userdata cannot be kept"},
        {"local t = {} for i = 1, 20 do t[i] = { i } end t[21] = t[3] return t", "w.state[21]: a table met twice"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        uint8_t *out = NULL;
        size_t n = 0;
        int rc = encode_chunk(L, bad[i].chunk, &out, &n, msg, sizeof msg);
        CHECK_MSG(rc == -1 && strstr(msg, bad[i].msg) == msg, "%s: got \"%s\", expected \"%s...\"", bad[i].chunk,
                  rc ? msg : "(accepted)", bad[i].msg);
        free(out);
    }
    lua_close(L);
}

/* The trigger must stop the world with "file:<line>: <text>...". */
static void expect_refused(const char *name, const char *body, int line, const char *text)
{
    loaded l;
    if (load_body(&l, name, body))
        return;
    char err[256] = "", expect[1024];
    snprintf(expect, sizeof expect, "%s/%s/scenario.lua:%d: %s", tmp_root, name, line, text);
    sim_world *w = sim_world_new(&l.s, NULL, 1, &l.hooks, err, sizeof err);
    CHECK_MSG(w != NULL, "%s: world: %s", name, err);
    if (w) {
        /* one public statement, for action triggers */
        sim_action a = {.t = 0, .type = SIM_ACT_STATEMENT, .role = SIM_ROLE_SPOKESPERSON, .level = SIM_LEVEL_NONE,
                        .channel = "weibo", .text = "情况通报"};
        CHECK_MSG(sim_submit(w, &a, err, sizeof err) == 0, "%s: %s", name, err);
        CHECK_MSG(sim_run_until(w, 3600) == -1, "%s: the world should stop with an error", name);
        CHECK_MSG(strstr(w->error, expect) == w->error, "%s: w->error = \"%s\", expected \"%s...\"", name, w->error,
                  expect);
        sim_world_free(w);
    }
    unload(&l);
}

static void test_refused_in_triggers(void)
{
    expect_refused("fn", "on_tick(function(w)\n  w.state.cb = function() end\nend)\n", 3,
                   "w.state.cb: a function cannot be kept");
    expect_refused("cycle", "on_tick(function(w)\n  local t = {}\n  t.up = t\n  w.state.loop = t\nend)\n",
                   3,
                   "w.state.loop.up: a table met twice");
    expect_refused("write_w", "on_tick(function(w)\n  w.state = {}\nend)\n", 4, "w is read-only");
}

#define KEEP_HINT "; keep it in w.state (scenarios/README.md, Trigger state)"

/* State kept anywhere but w.state is refused after the call that changed it. */
static void test_state_outside(void)
{
    expect_refused("local_count", "local count = 0\non_tick(function(w)\n  count = count + 1\nend)\n", 4,
                   "trigger keeps state in local 'count'" KEEP_HINT);
    expect_refused("global_count", "count = 0\non_tick(function(w)\n  count = count + 1\nend)\n", 4,
                   "trigger keeps state in global 'count'" KEEP_HINT);
    expect_refused("new_global", "on_tick(function(w)\n  fresh = w.now\nend)\n", 4,
                   "trigger assigns the new global 'fresh'" KEEP_HINT);
    expect_refused("rawset_global", "on_tick(function(w)\n  rawset(_G, \"fresh\", 1)\nend)\n", 4,
                   "trigger assigns the new global 'fresh'" KEEP_HINT);
    expect_refused("helper_count", "local n = 0\nlocal function bump() n = n + 1 end\n"
                                   "on_tick(function(w)\n  bump()\nend)\n", 5,
                   "trigger keeps state in local 'n'" KEEP_HINT);
    expect_refused("table_field", "local seen = {}\non_action(\"*\", function(a, w) end)\n"
                                  "on_tick(function(w)\n  seen[#seen + 1] = w.now\nend)\n", 5,
                   "trigger keeps state in local 'seen'" KEEP_HINT);
    expect_refused("yq_callback", "local heard = 0\nyq.on_public(function(a, w)\n  heard = heard + 1\nend)\n", 4,
                   "trigger keeps state in local 'heard'" KEEP_HINT);
    /* Locals the triggers only read, and a scratch table emptied again, are fine. */
    loaded l;
    if (load_body(&l, "readonly", "local limit, names, scratch = 3, { a = 1 }, {}\n"
                                  "function twice(x) return 2 * x end\non_tick(function(w)\n"
                                  "  scratch[1] = names.a\n  scratch[1] = nil\n"
                                  "  w.state.n = twice(w.state.n or 0) > limit and 0 or (w.state.n or 0) + 1\nend)\n"))
        return;
    char err[256] = "";
    sim_world *w = sim_world_new(&l.s, NULL, 1, &l.hooks, err, sizeof err);
    CHECK_MSG(w && sim_run_until(w, 3600) == 0, "reading locals is refused: %s", w ? w->error : err);
    sim_world_free(w);
    unload(&l);
}

int main(void)
{
    tmp_begin("wstate");
    test_counter_and_checkpoint();
    test_encoding();
    test_refused_in_triggers();
    test_state_outside();
    tmp_end();
    return CHECK_DONE();
}
