/* test_sandbox.c — hostile scenario scripts: endless loops, memory bombs, escapes to os/io/require/load/
 * debug, bytecode, deep recursion, swallowed limits; each must fail cleanly with file:line, never hang. */
#include <lauxlib.h>
#include <lualib.h>

#include "check.h"
#include "script/script.h"
#include "sim/world.h"
#include "test_script_util.h"

/* Lines 1-2 of every hostile script; the hostile part starts on line 3. */
#define HEADER "scenario { id = \"x\", title = \"t\", duration = \"01:00\", world = { population = 1000 } }\n" \
               "platform { id = \"weibo\", name = \"微博\", share = 0.5 }\n"

/* Load `body` from folder `name`; the load must fail with a problem at `line` containing `text`. */
static void expect_load_error(const char *name, const char *body, int line, const char *text)
{
    char src[4096];
    snprintf(src, sizeof src, "%s%s", HEADER, body);
    const char *dir = write_scenario(name, src);
    sim_scenario s;
    scn_script *sc = (scn_script *)1;
    scn_problems p = {0};
    int rc = scn_load(dir, 1, &s, &sc, &p);
    CHECK_MSG(rc == -1, "%s: load should fail", name);
    CHECK_MSG(sc == NULL, "%s: no script on failure", name);
    CHECK_MSG(problems_name_file(&p, dir), "%s: problems must name %s/scenario.lua", name, dir);
    CHECK_MSG(find_problem(&p, line, text) >= 0, "%s: expected line %d: %s", name, line, text);
    if (find_problem(&p, line, text) < 0)
        dump_problems(&p);
    scn_problems_free(&p);
    sim_scenario_free(&s);
}

static void test_load_time_attacks(void)
{
    expect_load_error("loop", "local n = 0\nwhile true do n = n + 1 end\n", 4, "instruction budget exceeded (endless loop?)");
    expect_load_error("loop_swallowed",
                      "while true do\n  pcall(function() while true do end end)\nend\n", 4, "instruction budget exceeded");
    expect_load_error("loop_xpcall",
                      "while true do xpcall(function() while true do end end, function(e) return e end) end\n", 3,
                      "instruction budget exceeded");
    expect_load_error("mem_doubling", "local s = \"x\"\nwhile true do s = s .. s end\n", 4, "memory limit of 64 MiB exceeded");
    expect_load_error("mem_tables", "local t = {}\nfor i = 1, 1e9 do t[i] = { i, i } end\n", 4, "memory limit of 64 MiB exceeded");
    expect_load_error("mem_rep", "local s = string.rep(\"x\", 200 * 1024 * 1024)\n", 3, "memory limit of 64 MiB exceeded");
    expect_load_error("mem_swallowed",
                      "local keep = {}\nfor i = 1, 1e9 do pcall(function() keep[i] = string.rep(\"y\", 1e6) .. i end) end\n", 4,
                      "memory limit of 64 MiB exceeded");
    expect_load_error("os_execute", "os.execute(\"touch /tmp/yq_pwned\")\n", 3, "'os' is not available in scenarios");
    expect_load_error("io_open", "local f = io.open(\"/etc/passwd\")\n", 3, "'io' is not available in scenarios");
    expect_load_error("require", "local socket = require(\"socket\")\n", 3, "'require' is not available in scenarios");
    expect_load_error("package", "package.loadlib(\"libc.so.6\", \"system\")\n", 3, "'package' is not available");
    expect_load_error("debug", "local info = debug.getinfo(1)\n", 3, "'debug' is not available in scenarios");
    expect_load_error("load", "local f = load(\"return 1\")\n", 3, "'load' is not available in scenarios");
    expect_load_error("dofile", "dofile(\"/etc/passwd\")\n", 3, "'dofile' is not available");
    expect_load_error("collect", "collectgarbage(\"stop\")\n", 3, "'collectgarbage' is not available");
    expect_load_error("dump", "local b = string.dump(function() end)\n", 3, "'string.dump' is not available");
    expect_load_error("dump_method", "local b = (\"x\").dump\nlocal c = b()\n", 3, "'string.dump' is not available");
    expect_load_error("gc", "setmetatable({}, { __gc = function() end })\n", 3, "__gc is not available");
    expect_load_error("weak", "setmetatable({}, { __mode = \"k\" })\n", 3, "__mode is not available");
    expect_load_error("recursion", "local function f(n)\n  return f(n + 1) + 1\nend\nf(1)\n", 4, "stack overflow");
    expect_load_error("c_recursion", "local function f(s) return (string.gsub(s, \".\", f)) end\nf(\"ab\")\n", 3,
                      "stack overflow");
    expect_load_error("sort_recursion",
                      "local function f(a, b) table.sort({3, 2, 1}, f) return a < b end\ntable.sort({3, 2, 1}, f)\n", 3,
                      "stack overflow");
    expect_load_error("global_meta", "setmetatable(_G, nil)\n", 3, "protected metatable");
}

/* Precompiled bytecode written as scenario.lua (made by string.dump's C twin, lua_dump). */
static int collect_chunk(lua_State *L, const void *p, size_t n, void *ud)
{
    (void)L;
    luaL_Buffer *b = ud;
    luaL_addlstring(b, p, n);
    return 0;
}

static void test_bytecode(void)
{
    lua_State *L = luaL_newstate();
    CHECK(luaL_loadstring(L, HEADER) == LUA_OK);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    lua_pushvalue(L, -2);
    lua_dump(L, collect_chunk, &b, 0);
    lua_pop(L, 1);
    luaL_pushresult(&b);
    size_t n;
    const char *bytes = lua_tolstring(L, -1, &n);
    char dir[768], file[1024];
    snprintf(dir, sizeof dir, "%s/bytecode", tmp_root);
    mkdir(dir, 0777);
    snprintf(file, sizeof file, "%s/scenario.lua", dir);
    write_bytes(file, bytes, n);
    lua_close(L);

    sim_scenario s;
    scn_script *sc = NULL;
    scn_problems p = {0};
    CHECK(scn_load(dir, 1, &s, &sc, &p) == -1);
    CHECK(p.count == 1);
    CHECK(problems_name_file(&p, dir));
    CHECK(find_problem(&p, 0, "bytecode is refused") >= 0);
    scn_problems_free(&p);
    sim_scenario_free(&s);
}

/* A path longer than Lua's chunk-id limit still yields the full path and the right line. */
static void test_long_path(void)
{
    char folder[300];
    snprintf(folder, sizeof folder, "a_folder_name_long_enough_to_be_abbreviated_by_lua_in_its_messages_%s",
             "and_then_some_more");
    expect_load_error(folder, "local x = nil\nlocal y = x.field\n", 4, "attempt to index a nil value");
}

/* Load a scenario whose triggers misbehave, run a world with its hooks, and expect w->error. */
static void expect_trigger_error(const char *name, const char *body, int line, const char *text)
{
    char src[4096];
    snprintf(src, sizeof src, "%s%s", HEADER, body);
    const char *dir = write_scenario(name, src);
    sim_scenario s;
    scn_script *sc = NULL;
    scn_problems p = {0};
    int rc = scn_load(dir, 1, &s, &sc, &p);
    CHECK_MSG(rc == 0, "%s: should load", name);
    if (rc) {
        dump_problems(&p);
        scn_problems_free(&p);
        return;
    }
    sim_hooks hooks;
    scn_hooks(sc, &hooks);
    char err[256] = "";
    sim_world *w = sim_world_new(&s, NULL, 1, &hooks, err, sizeof err);
    CHECK_MSG(w != NULL, "%s: world: %s", name, err);
    if (w) {
        sim_action a = {.t = 0, .type = SIM_ACT_REPORT, .role = SIM_ROLE_MONITOR, .level = SIM_LEVEL_NONE,
                        .text = "report"};
        CHECK(sim_submit(w, &a, err, sizeof err) == 0);
        int failed = sim_run_until(w, 600);
        CHECK_MSG(failed == -1, "%s: the world should stop with an error", name);
        char expect[1024];
        snprintf(expect, sizeof expect, "%s/scenario.lua:%d: %s", dir, line, text);
        CHECK_MSG(strstr(w->error, expect) == w->error, "%s: w->error = \"%s\", expected \"%s...\"", name, w->error,
                  expect);
        sim_world_free(w);
    }
    scn_free(sc);
    sim_scenario_free(&s);
}

static void test_trigger_attacks(void)
{
    expect_trigger_error("tick_loop", "on_tick(function(w)\n  while true do end\nend)\n", 4,
                         "instruction budget exceeded (endless loop?)");
    expect_trigger_error("action_memory", "on_action(\"report\", function(a, w)\n  local t = {}\n"
                                          "  for i = 1, 1e9 do t[i] = string.rep(a.text, 1000) .. i end\nend)\n",
                         5, "memory limit of 64 MiB exceeded");
    expect_trigger_error("tick_declares", "on_tick(function(w)\n  fact { id = \"late\", text = \"t\" }\nend)\n", 4,
                         "fact{} can only be declared while scenario.lua loads");
    expect_trigger_error("tick_reseed", "on_tick(function(w)\n  math.randomseed(1)\nend)\n", 4,
                         "math.randomseed is not available in triggers");
    expect_trigger_error("tick_unknown_id", "on_tick(function(w)\n  w.fire(\"nope\")\nend)\n", 4,
                         "w.fire: unknown inject 'nope'");
    expect_trigger_error("tick_write_w", "on_tick(function(w)\n  w.trust = 100\nend)\n", 4, "w is read-only");
    expect_trigger_error("tick_os", "on_tick(function(w)\n  os.exit(1)\nend)\n", 4, "'os' is not available");
    expect_trigger_error("tick_recursion",
                         "local function deep(n) return deep(n + 1) + 1 end\non_tick(function(w) deep(1) end)\n", 3,
                         "stack overflow");
}

int main(void)
{
    tmp_begin("sandbox");
    test_load_time_attacks();
    test_bytecode();
    test_long_path();
    test_trigger_attacks();
    tmp_end();
    return CHECK_DONE();
}
