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

/* Load `src` from folder `name`; the load must fail with a problem at `line` containing `text`. */
static void expect_file_error(const char *name, const char *src, int line, const char *text)
{
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

/* The same for `body` after the common two-line header. */
static void expect_load_error(const char *name, const char *body, int line, const char *text)
{
    char src[4096];
    snprintf(src, sizeof src, "%s%s", HEADER, body);
    expect_file_error(name, src, line, text);
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
                      "local keep, big = {}, string.rep(\"y\", 1024):rep(1024)\n"
                      "for i = 1, 1e9 do pcall(function() keep[i] = big .. i end) end\n", 4,
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

/* C-side work the VM does not count (pattern matching, copying varargs, library loops) is charged to
 * the budget; declarations and their copies are capped. Each case used to run for minutes. */
static void test_c_side_work(void)
{
    const char *spent = "instruction budget exceeded";
    expect_load_error("pattern_greedy", "local r = string.find((\"a\"):rep(1e5), (\"a*\"):rep(50) .. \"b\")\n", 3,
                      "instruction budget exceeded (string.find: pattern matching)");
    expect_load_error("pattern_lazy", "local r = string.find(string.rep(\"a\", 60), \".-.-.-.-.-.-.-.-b\")\n", 3,
                      "instruction budget exceeded (string.find: pattern matching)");
    expect_load_error("pattern_swallowed",
                      "while true do\n  pcall(string.match, (\"a\"):rep(1e4), (\"a-\"):rep(9) .. \"b\")\nend\n", 4,
                      "instruction budget exceeded (string.match: pattern matching)");
    expect_load_error("pattern_gsub", "local r = ((\"a\"):rep(1e4)):gsub((\"a*\"):rep(20) .. \"b\", \"\")\n", 3,
                      "instruction budget exceeded (string.gsub: pattern matching)");
    expect_load_error("pattern_gmatch",
                      "for m in ((\"a\"):rep(1e4)):gmatch((\"a*\"):rep(20) .. \"b\") do end\n", 3,
                      "instruction budget exceeded (string.gmatch: pattern matching)");
    expect_load_error("plain_find", "local h = (\"a\"):rep(1e6)\nfor i = 1, 1e6 do h:find((\"a\"):rep(5e5) .. \"b\", 1, true) end\n",
                      4, spent);
    expect_load_error("varargs", "local function g(...) return g(1, ...) end\npcall(g)\n", 3, spent);
    expect_load_error("utf8_char", "local t = {}\nfor i = 1, 200 do t[i] = 65 end\nfor i = 1, 1e6 do utf8.char(table.unpack(t)) end\n",
                      5, spent);
    expect_load_error("rep_empty", "local s = (\"\"):rep(1e12)\n", 3, "instruction budget exceeded (string.rep)");
    expect_load_error("move_nils", "table.move({}, 1, 1e12, 2)\n", 3, "instruction budget exceeded (table.move)");
    expect_load_error("concat_nils", "local t = setmetatable({}, { __index = function() return \"\" end })\n"
                                     "local s = table.concat(t, \"\", 1, 1e12)\n", 4, spent);
    expect_load_error("sort_big", "local t = {}\nfor i = 1, 3e5 do t[i] = -i end\nfor i = 1, 1e6 do table.sort(t) end\n", 5,
                      "instruction budget exceeded (table.sort)");
    expect_load_error("next_big", "local t = {}\nfor i = 1, 1e4 do t[i] = i end\nlocal k = next(t)\n"
                                  "while k do k = next(t, k) end\n", 6, spent);
    expect_load_error("many_facts", "for i = 1, 200000 do\n  fact { id = \"f\" .. i, text = \"t\" }\nend\n", 4,
                      "too many fact declarations (at most 1000 of each kind)");
    expect_load_error("many_rumours", "for i = 1, 40000 do\n  rumour { id = \"r\" .. i, claim = \"c\", platform = \"weibo\" }\nend\n",
                      4, "too many rumour declarations (at most 1000 of each kind)");
    expect_load_error("fact_copies", "local big = (\"x\"):rep(1024):rep(1024)\n"
                                     "for i = 1, 1000 do fact { id = \"f\" .. i, text = big } end\n", 4,
                      "memory limit of 64 MiB exceeded");
    expect_load_error("many_triggers", "for i = 1, 200000 do\n  on_tick(function(w) end)\nend\n", 4,
                      "too many triggers (at most 1000");
    expect_load_error("duplicate_late", "for i = 1, 999 do fact { id = \"f\" .. i, text = \"t\" } end\n"
                                        "fact { id = \"f7\", text = \"again\" }\n", 4,
                      "duplicate fact id 'f7' (first declared at line 3)");
}

/* A metatable given __mode after setmetatable would make a weak table: caught however it is set. */
static void test_weak_tables(void)
{
    const char *weak = "a metatable was given __mode: weak tables are not available in scenarios";
    expect_load_error("weak_assign", "local mt = {}\nlocal t = setmetatable({}, mt)\nmt.__mode = \"v\"\n", 5, weak);
    expect_load_error("weak_rawset", "local mt = {}\nlocal t = setmetatable({}, mt)\nrawset(mt, \"__mode\", \"k\")\n", 5,
                      weak);
    expect_load_error("weak_then_loop",
                      "local mt = {}\nlocal t = setmetatable({}, mt)\nmt.__mode = \"k\"\nlocal n = 0\n"
                      "while n < 1e6 do n = n + 1 end\n", 7, weak);
    expect_load_error("weak_swallowed",
                      "local mt = {}\nlocal t = setmetatable({}, mt)\nmt.__mode = \"k\"\n"
                      "for i = 1, 1e6 do pcall(function() local x = {} end) end\n", 6, weak);
    expect_load_error("weak_before_effect",
                      "local mt = setmetatable({}, {})\nsetmetatable({}, mt)\nmt.__mode = \"v\"\n"
                      "fact { id = \"f\", text = \"t\" }\n", 6, weak);
}

/* Texts with NUL bytes (C would cut them) or invalid UTF-8 are refused where they are declared. */
static void test_texts(void)
{
    expect_load_error("text_nul", "fact { id = \"f\", text = \"a\\0b\" }\n", 3, "'text' contains a NUL byte");
    expect_load_error("text_latin1", "fact { id = \"f\", text = \"caf\\xe9\" }\n", 3, "'text' is not valid UTF-8");
    expect_load_error("text_en", "fact { id = \"f\", text = { zh = \"好\", en = \"\\xe5\\xa5\" } }\n", 3,
                      "'text.en' is not valid UTF-8");
    expect_load_error("synonym_nul", "fact { id = \"f\", text = \"t\", synonyms = { \"ok\", \"x\\0\" } }\n", 3,
                      "'synonyms' contains a NUL byte");
    expect_load_error("surrogate", "inject { id = \"i\", kind = \"post\", text = \"\\xed\\xa0\\x80\" }\n", 3,
                      "'text' is not valid UTF-8");
    expect_load_error("unit_overlong", "fact { id = \"f\", text = \"t\", unit = \"\\xc0\\xaf\" }\n", 3,
                      "'unit' is not valid UTF-8");
}

/* Numbers far outside anything a drill means are refused with the documented range. */
static void test_ranges(void)
{
    expect_file_error("heat_base", "scenario { id = \"x\", title = \"t\", duration = 60, world = { heat_base = 1e300 } }\n", 1,
                      "'heat_base' must be between 0 and 1e+06 (got 1e+300)");
    expect_file_error("reads_per_post", "scenario { id = \"x\", title = \"t\", duration = 60, world = { reads_per_post = 1e308 } }\n",
                      1, "'reads_per_post' must be between 0 and 1e+06");
    expect_load_error("spread", "rumour { id = \"r\", claim = \"c\", platform = \"weibo\", spread = 1e300 }\n", 3,
                      "'spread' must be between 0 and 1000");
    expect_load_error("inject_heat", "inject { id = \"i\", kind = \"post\", text = \"t\", heat = 1e300 }\n", 3,
                      "'heat' must be between 0 and 1e+06");
    expect_load_error("fact_value", "fact { id = \"f\", text = \"t\", value = -1e300 }\n", 3,
                      "'value' must be between -1e+15 and 1e+15");
    expect_file_error("population", "scenario { id = \"x\", title = \"t\", duration = 60, world = { population = 4e9 } }\n", 1,
                      "'population' must be between 10 and 1e+07");
    expect_file_error("edges", "scenario { id = \"x\", title = \"t\", duration = 60, world = { population = 1e7, mean_follows = 100 } }\n",
                      1, "exceeds 1e+08 follow edges");
    expect_file_error("duration", "scenario { id = \"x\", title = \"t\", duration = \"9999:00\" }\n", 1,
                      "'duration' must be at most 720:00");
    expect_file_error("time_scale", "scenario { id = \"x\", title = \"t\", duration = 60, time_scale = 1e300 }\n", 1,
                      "'time_scale' must be between 0 and 1000");
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
        int failed = sim_run_until(w, 3600);
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
    /* Allocating is charged to the budget (16 bytes a unit), so one call cannot reach the memory cap:
     * memory kept from tick to tick could, and state outside w.state is refused (kept_memory below). */
    expect_trigger_error("action_memory", "on_action(\"report\", function(a, w)\n  local t, big = {}, a.text:rep(1000):rep(1000)\n"
                                          "  for i = 1, 1e9 do t[i] = big .. i end\nend)\n",
                         4, "instruction budget exceeded");
    /* Memory kept from tick to tick outside w.state is refused after the first call. */
    expect_trigger_error("kept_memory", "local keep, big = {}, (\"x\"):rep(1e6)\non_tick(function(w)\n"
                                        "  keep[#keep + 1] = big .. w.now\nend)\n",
                         4, "trigger keeps state in local 'keep'");
    expect_trigger_error("tick_declares", "on_tick(function(w)\n  fact { id = \"late\", text = \"t\" }\nend)\n", 4,
                         "fact{} can only be declared while scenario.lua loads");
    expect_trigger_error("tick_reseed", "on_tick(function(w)\n  math.randomseed(1)\nend)\n", 4,
                         "math.randomseed is not available in triggers");
    expect_trigger_error("tick_unknown_id", "on_tick(function(w)\n  w.fire(\"nope\")\nend)\n", 4,
                         "w.fire: unknown inject 'nope'");
    expect_trigger_error("tick_write_w", "on_tick(function(w)\n  w.trust = 100\nend)\n", 4, "w is read-only");
    expect_trigger_error("tick_os", "on_tick(function(w)\n  os.exit(1)\nend)\n", 4, "'os' is not available");
    /* the stack's growth is charged to the budget, which a trigger call spends before Lua's stack limit */
    expect_trigger_error("tick_pattern",
                         "on_tick(function(w)\n  string.find((\"a\"):rep(1e5), (\"a*\"):rep(50) .. \"b\")\nend)\n", 4,
                         "instruction budget exceeded (string.find: pattern matching)");
    expect_trigger_error("note_size", "on_tick(function(w)\n  for i = 1, 1000 do w.note((\"x\"):rep(60000)) end\nend)\n", 4,
                         "w.note: the text is longer than 4096 bytes");
    expect_trigger_error("note_count", "on_tick(function(w)\n  for i = 1, 1000 do w.note(\"x\") end\nend)\n", 4,
                         "w.note: more than 100 notes at one simulated time");
    expect_trigger_error("note_memory", "on_tick(function(w)\n  for i = 1, 50 do w.note((\"x\"):rep(4000)) end\nend)\n", 4,
                         "memory limit of 64 MiB exceeded");
    expect_trigger_error("note_nul", "on_tick(function(w)\n  w.note(\"a\\0b\")\nend)\n", 4,
                         "w.note: the text contains a NUL byte");
    expect_trigger_error("adjust_huge", "on_tick(function(w)\n  w.adjust { heat = 1e300 }\nend)\n", 4,
                         "w.adjust: 'heat' must be a number from -1000000 to 1000000");
    expect_trigger_error("tick_budget", "for i = 1, 1000 do\n  on_tick(function(w) for k = 1, 3000 do end end)\nend\n", 4,
                         "instruction budget exceeded: the budget of all triggers at one simulated time (250000) is spent");
    expect_trigger_error("tick_weak", "local mt = {}\nlocal t = setmetatable({}, mt)\non_tick(function(w)\n"
                                      "  mt.__mode = \"k\"\n  w.adjust { trust = 1 }\nend)\n", 7,
                         "a metatable was given __mode");
    expect_trigger_error("tick_recursion",
                         "local function deep(n) return deep(n + 1) + 1 end\non_tick(function(w) deep(1) end)\n", 3,
                         "instruction budget exceeded");
}

int main(void)
{
    tmp_begin("sandbox");
    test_load_time_attacks();
    test_c_side_work();
    test_weak_tables();
    test_texts();
    test_ranges();
    test_bytecode();
    test_long_path();
    test_trigger_attacks();
    tmp_end();
    return CHECK_DONE();
}
