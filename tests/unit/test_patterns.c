/* test_patterns.c — the sandbox's own string.find / match / gmatch / gsub give what Lua's give: the
 * same script runs in plain Lua and in a scenario, and every result (or error status) must agree. */
#include <lauxlib.h>
#include <lualib.h>

#include "check.h"
#include "script/script.h"
#include "sim/world.h"
#include "test_script_util.h"

/* Collects `out`: one line per call, each value as tostring, errors as "error". */
static const char *const cases_lua =
    "local out = {}\n"
    "local function rec(ok, ...)\n"
    "  if not ok then out[#out + 1] = 'error' return end\n"
    "  local t = table.pack(...)\n"
    "  for i = 1, t.n do t[i] = (tostring(t[i]):gsub('[\\0\\128-\\255]', function(c) return '\\\\' .. c:byte() end)) end\n"
    "  out[#out + 1] = table.concat(t, ',', 1, t.n)\n"
    "end\n"
    "local S = {'hello world', '  trim me  ', 'key=val, k2=v2', 'THE (quick) fox', 'f(a(b)c)d', 'abcabc',\n"
    "  '[x]', 'a-b-c', 'x^y$z', '', 'aaab', '2024-01-02', '中文abc', 'a.b+c', 'one two  three'}\n"
    "local P = {'o w', '(h)(e)', '^%s*(.-)%s*$', '(%w+)=(%w+)', '%((%a+)%)', '%b()', '%f[%a]%a+', '(a)(b)c%1',\n"
    "  '()ll()', '[]]', '[a%-]+', '^x%^', '[^a]+', 'a-b', 'a*', '.-', '', '$', '%.', 'a+b', '(%d+)-(%d+)',\n"
    "  '[%z\\1-\\127]+', '%s+', '(%a+)', '[%w_]+', 'x?y', '^(a+)', '%d%d?', '[%]]', '(()a)', '%bxy', '%u+',\n"
    "  '[a-c]+$', '%', '[a', '(()', '%1', '(a)%2', '%g+', '%x+', '%p', '%c', '%l+', '%S+'}\n"
    "for _, s in ipairs(S) do\n"
    "  for _, p in ipairs(P) do\n"
    "    rec(pcall(string.find, s, p))\n"
    "    rec(pcall(string.find, s, p, 3))\n"
    "    rec(pcall(string.find, s, p, -4, true))\n"
    "    rec(pcall(string.match, s, p))\n"
    "    rec(pcall(string.match, s, p, -5))\n"
    "    rec(pcall(function() local r = {} for a, b in string.gmatch(s, p) do r[#r + 1] = tostring(a) .. ':' ..\n"
    "      tostring(b) end return table.concat(r, ';') end))\n"
    "    rec(pcall(function() local r = {} for a in string.gmatch(s, p, 4) do r[#r + 1] = tostring(a) end\n"
    "      return table.concat(r, ';') end))\n"
    "    rec(pcall(string.gsub, s, p, '<%0>'))\n"
    "    rec(pcall(string.gsub, s, p, '%1|%%', 2))\n"
    "    rec(pcall(string.gsub, s, p, function(a, b) if a == 'o' then return nil end return '[' .. tostring(a) .. ']' end))\n"
    "    rec(pcall(string.gsub, s, p, {hello = 'HI', key = 1, a = false}))\n"
    "    rec(pcall(string.gsub, s, p, '%9'))\n"
    "  end\n"
    "end\n"
    "rec(pcall(('x'):rep(3).gsub, 'abc', '%w', '%'))\n"
    "rec(pcall(string.gsub, 'abc', '%w', {}, -1))\n"
    "rec(pcall(string.gsub, 'abc', '', '-'))\n"
    "rec(pcall(string.find, 'abc', 'b', 10))\n"
    "rec(pcall(string.find, 'abc', '', 4))\n"
    "rec(pcall(string.find, 'abc', '', 5))\n"
    "rec(pcall(string.gsub, 'hello world', '(o)', '%1%1'))\n"
    "rec(pcall(string.gsub, 'abc', '^a', 'A'))\n"
    "rec(pcall(string.gsub, 'abc', 'x*', '-'))\n"
    "rec(pcall(string.gsub, 'abc', '.', {a = {}}))\n"
    "rec(pcall(string.find, 'a\\0b', '%z'))\n"
    "rec(pcall(string.find, 'a\\0b', '\\0', 1, true))\n"
    "OUT = table.concat(out, '\\n')\n";

/* The plain-Lua reference. */
static char *reference(void)
{
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    char *out = NULL;
    if (luaL_dostring(L, cases_lua) == LUA_OK && lua_getglobal(L, "OUT") == LUA_TSTRING) {
        size_t n;
        const char *s = lua_tolstring(L, -1, &n);
        out = malloc(n + 1);
        if (out)
            memcpy(out, s, n + 1);
    } else {
        fprintf(stderr, "reference run failed: %s\n", lua_tostring(L, -1));
    }
    lua_close(L);
    return out;
}

/* The same script in a scenario: OUT becomes a fact's text. */
static void test_same_results(void)
{
    char *ref = reference();
    CHECK(ref != NULL);
    size_t n = strlen(cases_lua) + 512;
    char *src = malloc(n);
    snprintf(src, n,
             "scenario { id = \"p\", title = \"t\", duration = \"01:00\", world = { population = 1000 } }\n"
             "platform { id = \"weibo\", name = \"w\", share = 0.5 }\n%s"
             "fact { id = \"out\", text = OUT }\n",
             cases_lua);
    const char *dir = write_scenario("p", src);
    free(src);
    sim_scenario s;
    scn_script *sc = NULL;
    scn_problems p = {0};
    int rc = scn_load(dir, 1, &s, &sc, &p);
    CHECK(rc == 0 && find_problem(&p, 0, "") < 0 && !problems_name_file(&p, dir));
    if (rc) {
        dump_problems(&p);
    } else {
        const char *got = s.facts[0].text.zh;
        CHECK(strlen(ref) > 10000);
        CHECK_MSG(strcmp(got, ref) == 0, "sandbox and Lua differ");
        for (size_t i = 0, line = 1; ref[i] || got[i]; i++) {
            if (ref[i] != got[i]) {
                fprintf(stderr, "first difference on line %zu, at: lua \"%.60s\" sandbox \"%.60s\"\n", line,
                        ref + i, got + i);
                break;
            }
            line += ref[i] == '\n';
        }
        scn_free(sc);
        sim_scenario_free(&s);
    }
    scn_problems_free(&p);
    free(ref);
}

int main(void)
{
    tmp_begin("patterns");
    test_same_results();
    tmp_end();
    return CHECK_DONE();
}
