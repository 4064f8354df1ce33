/* test_script.c — the scenario language: loading city_video, fields and defaults, structural errors at
 * exact file:line, scn_check's cross-references and dry run, triggers as world hooks, determinism. */
#include "check.h"
#include "script/script.h"
#include "sim/world.h"
#include "test_script_util.h"

#define CITY YQ_SOURCE_DIR "/scenarios/city_video"

static void test_city_video(void)
{
    sim_scenario s;
    scn_script *sc = NULL;
    scn_problems p = {0};
    CHECK(scn_load(CITY, 42, &s, &sc, &p) == 0);
    dump_problems(&p);
    CHECK(p.count == 0);
    CHECK(sc != NULL);
    CHECK_STR(s.id, "city_video");
    CHECK_STR(s.path, CITY "/scenario.lua");
    CHECK(s.title.zh && s.title.en);
    CHECK_STR(s.role, "spokesperson");
    CHECK_STR(s.plan, "urban");
    CHECK_STR(s.domain, "urban");
    CHECK(s.bilingual == 1);
    CHECK(s.duration == 4 * 3600);
    CHECK_NEAR(s.time_scale, 4.0, 1e-12);
    CHECK(s.difficulty == 2);
    CHECK(s.params.population == 20000);
    CHECK_NEAR(s.params.heat_base, 40.0, 1e-12);
    CHECK_NEAR(s.params.trust0, 60.0, 1e-12);
    CHECK(s.n_platforms == 3 && s.n_facts == 6 && s.n_injects == 5 && s.n_rumours == 1);
    CHECK(s.n_questions == 1 && s.n_templates == 6 && s.n_endings == 1);

    int f = sim_scenario_fact(&s, "f_injured");
    CHECK(f >= 0);
    if (f >= 0) {
        CHECK(s.facts[f].has_value && s.facts[f].value == 2.0);
        CHECK_STR(s.facts[f].unit, "人");
        CHECK_STR(s.facts[f].kind, "number");
        CHECK(s.facts[f].verified_at == 50 * 60);
        CHECK(s.facts[f].synonyms.count == 4);
    }
    int h = sim_scenario_fact(&s, "f_hospital");
    CHECK(h >= 0 && !s.facts[h].has_value && s.facts[h].verified_at == 30 * 60);
    int j = sim_scenario_inject(&s, "i_crowd");
    CHECK(j >= 0 && s.injects[j].at == SIM_NEVER && s.injects[j].crowd == 60.0);
    int v = sim_scenario_inject(&s, "i_video");
    CHECK(v >= 0 && s.injects[v].at == 120 && s.injects[v].heat == 150.0);
    CHECK_STR(s.rumours[0].rebutted_by, "f_vendor_safe");
    CHECK_STR(s.rumours[0].platform, "douyin");
    CHECK(s.rumours[0].start == 15 * 60 && s.rumours[0].seeds == 5);
    CHECK(s.questions[0].traps.count == 2 && s.questions[0].expects.count == 4);
    CHECK(s.questions[0].at == 40 * 60);
    for (int i = 0; i < s.n_templates; i++)
        CHECK(s.templates[i].text.zh && s.templates[i].text.en && s.templates[i].line > 0);
    CHECK_STR(s.templates[0].platform, "*");
    CHECK(s.content_hash != 0);
    scn_problems_free(&p);
    scn_free(sc);
    sim_scenario_free(&s);

    CHECK(scn_check(CITY, &p) == 0);
    CHECK(scn_check(CITY "/scenario.lua", &p) == 0);
    dump_problems(&p);
    scn_problems_free(&p);
}

/* Lines of declarations are the lines of their calls, and defaults apply to omitted fields. */
static void test_lines_and_defaults(void)
{
    const char *dir = write_scenario("lines",
        "-- line 1\n"
        "scenario { id = \"lines\", title = \"t\", duration = 90 }\n"
        "platform { id = \"weibo\", name = \"微博\", share = 0.5 }\n"
        "\n"
        "fact {\n"
        "  id = \"f1\",\n"
        "  text = \"已派出工作组\",\n"
        "}\n"
        "rumour { id = \"r1\", claim = \"c\", platform = \"weibo\", rebutted_by = \"f1\" }\n"
        "question { id = \"q1\", text = \"?\", expects = { \"f1\" } }\n"
        "template { stance = \"neutral\", text = \"{place} ok\" }\n"
        "inject { id = \"i1\", kind = \"post\", text = \"t\", at = \"1:30:15\" }\n");
    sim_scenario s;
    scn_script *sc = NULL;
    scn_problems p = {0};
    CHECK(scn_load(dir, 1, &s, &sc, &p) == 0);
    dump_problems(&p);
    if (sc) {
        CHECK(s.duration == 90 * 60);
        CHECK(s.platforms[0].line == 3);
        CHECK(s.facts[0].line == 5);
        CHECK(s.rumours[0].line == 9 && s.questions[0].line == 10 && s.templates[0].line == 11);
        CHECK(s.facts[0].verified_at == SIM_NEVER);
        CHECK_STR(s.facts[0].kind, "other");
        CHECK(s.rumours[0].start == SIM_NEVER && s.rumours[0].seeds == 3);
        CHECK_NEAR(s.rumours[0].stifle, 0.25, 1e-12);
        CHECK(s.questions[0].at == SIM_NEVER);
        CHECK(s.injects[0].at == 5415);
        CHECK_STR(s.role, "spokesperson");
        CHECK_STR(s.plan, "general");
        CHECK(s.bilingual == 0);
        CHECK(s.difficulty == 1);
    }
    scn_problems_free(&p);
    scn_free(sc);
    sim_scenario_free(&s);
}

typedef struct broken_case {
    const char *name;
    const char *body;   /* follows a valid line 1 */
    int line;
    const char *text;
} broken_case;

#define LINE1 "scenario { id = \"b\", title = \"t\", duration = \"02:00\" }\n"

static const broken_case broken[] = {
    {"unknown_field", "fact { id = \"a\", text = \"t\", verifed_at = \"00:10\" }\n", 2,
     "fact 'a': unknown field 'verifed_at' (did you mean 'verified_at'?)"},
    {"wrong_type", "\nfact { id = \"a\", text = \"t\", value = \"two\" }\n", 3, "fact 'a': 'value' must be a number, not string"},
    {"missing_id", "ending { text = \"t\" }\n", 2, "ending: missing 'id'"},
    {"missing_text", "inject { id = \"i\", kind = \"post\" }\n", 2, "inject 'i': missing 'text'"},
    {"duplicate", "fact { id = \"a\", text = \"t\" }\nfact { id = \"a\", text = \"u\" }\n", 3,
     "duplicate fact id 'a' (first declared at line 2)"},
    {"bad_time", "inject { id = \"i\", kind = \"post\", text = \"t\",\n  at = \"1:7x\" }\n", 2, "bad time \"1:7x\""},
    {"bad_minutes", "inject { id = \"i\", kind = \"post\", text = \"t\", at = \"00:60\" }\n", 2, "bad time \"00:60\""},
    {"probability", "rumour { id = \"r\", claim = \"c\", platform = \"weibo\", stifle = 1.5 }\n", 2,
     "'stifle' must be between 0 and 1 (got 1.5)"},
    {"negative_rate", "rumour { id = \"r\", claim = \"c\", platform = \"weibo\", spread = -2 }\n", 2,
     "'spread' must be between 0 and 1000 (got -2)"},
    {"share", "platform { id = \"p\", name = \"n\", share = 2 }\n", 2, "'share' must be between 0 and 1"},
    {"unknown_kind", "inject { id = \"i\", kind = \"tweet\", text = \"t\" }\n", 2,
     "unknown kind 'tweet' (use post/video/media/call/field/hotline/notice)"},
    {"unknown_stance", "template { stance = \"furious\", text = \"t\" }\n", 2, "unknown stance 'furious'"},
    {"unknown_slot", "template { stance = \"angry\", text = \"{places} bad\" }\n", 2, "unknown slot {places}"},
    {"bad_text", "ending { id = \"e\", text = { zh = \"t\", fr = \"x\" } }\n", 2, "'text' may only hold zh = ... and en = ..."},
    {"bad_id", "fact { id = \"a b\", text = \"t\" }\n", 2, "is not a valid id"},
    {"positional", "fact { \"a\", text = \"t\", id = \"a\" }\n", 2, "values without a name are not allowed"},
    {"not_a_table", "fact \"a\"\n", 2, "fact expects one table"},
    {"runtime", "local t = nil\n\nlocal x = t.y\n", 4, "attempt to index a nil value (local 't')"},
    {"syntax", "fact { id = \"a\" text = \"t\" }\n", 2, "'}' expected"},
    {"error_call", "error(\"custom failure\")\n", 2, "custom failure"},
    {"on_action_type", "on_action(\"tweet\", function(a, w) end)\n", 2, "on_action: unknown action type 'tweet'"},
    {"on_action_fn", "on_action(\"report\", 5)\n", 2, "argument 2 must be a function"},
    {"threshold_metric", "on_threshold(\"likes\", 5, function(w) end)\n", 2, "on_threshold: unknown metric 'likes'"},
    {"threshold_value", "on_threshold(\"rumour_reach\", 2, function(w) end)\n", 2, "between 0 and 1"},
    {"pairs_table_key", "local t = { [{}] = 1 }\nfor k in pairs(t) do end\n", 3,
     "pairs: keys of type table have no fixed order"},
    {"list", "question { id = \"q\", text = \"t\", expects = { \"a\", 5 } }\n", 2, "'expects' item 2 must be a non-empty string"},
    {"hurts_true", "claim { id = \"c\", text = \"t\", truth = true, hurts = \"someone\" }\n", 2,
     "'hurts' names whom a false claim wrongs; this claim is true"},
};

static void test_broken(void)
{
    for (size_t i = 0; i < sizeof broken / sizeof broken[0]; i++) {
        const broken_case *b = &broken[i];
        char src[1024];
        snprintf(src, sizeof src, "%s%s", LINE1, b->body);
        const char *dir = write_scenario(b->name, src);
        sim_scenario s;
        scn_script *sc = NULL;
        scn_problems p = {0};
        CHECK_MSG(scn_load(dir, 1, &s, &sc, &p) == -1, "%s should fail", b->name);
        CHECK_MSG(problems_name_file(&p, dir), "%s: problems name the file", b->name);
        CHECK_MSG(find_problem(&p, b->line, b->text) >= 0, "%s: expected line %d: %s", b->name, b->line, b->text);
        if (find_problem(&p, b->line, b->text) < 0)
            dump_problems(&p);
        scn_problems_free(&p);
        sim_scenario_free(&s);
    }
}

/* The world table's own checks, and the scenario-level ones. */
static void test_broken_scenario_fields(void)
{
    static const broken_case cases[] = {
        {"world_n0", "scenario { id = \"w\", title = \"t\", duration = 60,\n  world = { population = 0 } }\n", 1,
         "'population' must be between 10"},
        {"world_edges", "scenario { id = \"w\", title = \"t\", duration = 60, world = { population = 50, mean_follows = 80 } }\n",
         1, "needs more follow edges than 50 accounts can hold"},
        {"world_branching", "scenario { id = \"w\", title = \"t\", duration = 60, world = { heat_branching = 1 } }\n", 1,
         "'heat_branching' must be at least 0 and below 1"},
        {"world_unknown", "scenario { id = \"w\", title = \"t\", duration = 60, world = { populaton = 5000 } }\n", 1,
         "world: unknown field 'populaton' (did you mean 'population'?)"},
        {"role", "scenario { id = \"w\", title = \"t\", duration = 60, role = \"mayor\" }\n", 1, "unknown role 'mayor'"},
        {"difficulty", "scenario { id = \"w\", title = \"t\", duration = 60, difficulty = 9 }\n", 1,
         "'difficulty' must be between 1 and 5"},
        {"languages", "scenario { id = \"w\", title = \"t\", duration = 60, languages = { \"en\" } }\n", 1,
         "'languages' must include \"zh\""},
        {"twice", "scenario { id = \"w\", title = \"t\", duration = 60 }\nscenario { id = \"v\", title = \"t\", duration = 60 }\n", 2,
         "declared twice (first at line 1)"},
        {"no_scenario", "fact { id = \"a\", text = \"t\" }\n", 0, "never declares scenario"},
        {"no_duration", "scenario { id = \"w\", title = \"t\" }\n", 1, "missing 'duration'"},
        {"deadlines_type", "scenario { id = \"w\", title = \"t\", duration = 60, deadlines = \"00:30\" }\n", 1,
         "'deadlines' must be a table"},
        {"deadlines_key", "scenario { id = \"w\", title = \"t\", duration = 60, deadlines = { \"00:30\" } }\n", 1,
         "'deadlines' keys must be plan deadline ids"},
        {"deadlines_time", "scenario { id = \"w\", title = \"t\", duration = 60,\n  deadlines = { press = \"2h\" } }\n", 1,
         "'deadlines.press'"},
        {"deadlines_zero", "scenario { id = \"w\", title = \"t\", duration = 60, deadlines = { press = 0 } }\n", 1,
         "'deadlines.press' must be longer than 0"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const broken_case *b = &cases[i];
        const char *dir = write_scenario(b->name, b->body);
        sim_scenario s;
        scn_script *sc = NULL;
        scn_problems p = {0};
        CHECK_MSG(scn_load(dir, 1, &s, &sc, &p) == -1, "%s should fail", b->name);
        CHECK_MSG(find_problem(&p, b->line, b->text) >= 0, "%s: expected line %d: %s", b->name, b->line, b->text);
        if (find_problem(&p, b->line, b->text) < 0)
            dump_problems(&p);
        scn_problems_free(&p);
        sim_scenario_free(&s);
    }
}

/* scenario { deadlines = { ... } }: the plan's deadline ids with times, kept sorted by id; a limit
 * past the drill's end is a check problem. */
static void test_scenario_deadlines(void)
{
    const char *dir = write_scenario("deadlines",
        "scenario { id = \"deadlines\", title = \"t\", duration = \"03:00\",\n"
        "  deadlines = { press = \"02:00\", first_response = 30, report = \"00:10\" } }\n"
        "platform { id = \"weibo\", name = \"微博\", share = 1 }\n");
    sim_scenario s;
    scn_script *sc = NULL;
    scn_problems p = {0};
    CHECK(scn_load(dir, 1, &s, &sc, &p) == 0);
    CHECK(s.n_deadlines == 3);
    if (s.n_deadlines == 3) {
        CHECK_STR(s.deadlines[0].id, "first_response");
        CHECK(s.deadlines[0].at == 1800 && s.deadlines[0].line == 1);
        CHECK_STR(s.deadlines[1].id, "press");
        CHECK(s.deadlines[1].at == 7200);
        CHECK_STR(s.deadlines[2].id, "report");
    }
    CHECK(sim_scenario_deadline(&s, "press") == &s.deadlines[1]);
    CHECK(sim_scenario_deadline(&s, "rebuttal") == NULL);
    scn_free(sc);
    sim_scenario_free(&s);
    scn_problems_free(&p);

    dir = write_scenario("deadlines_late",
        "scenario { id = \"deadlines_late\", title = \"t\", duration = \"03:00\", deadlines = { press = \"04:00\" } }\n"
        "platform { id = \"weibo\", name = \"微博\", share = 1 }\n");
    scn_problems q = {0};
    CHECK(scn_check(dir, &q) > 0);
    CHECK(find_problem(&q, 1, "deadlines.press") >= 0 && find_problem(&q, 1, "outside the scenario's duration") >= 0);
    scn_problems_free(&q);
}

/* scn_check: a scenario that loads but whose parts do not fit together. */
static void test_check_cross_references(void)
{
    const char *dir = write_scenario("xref",
        "scenario { id = \"xref\", title = { zh = \"标题\", en = \"Title\" }, duration = \"01:00\", languages = { \"zh\", \"en\" } }\n"
        "platform { id = \"weibo\", name = { zh = \"微博\", en = \"Weibo\" }, share = 0.5 }\n"
        "fact { id = \"f_never\", text = { zh = \"从未核实\", en = \"never\" } }\n"
        "fact { id = \"f_unused\", text = { zh = \"没人用\", en = \"unused\" }, verified_at = \"00:10\" }\n"
        "fact { id = \"f_late\", text = \"太晚\", verified_at = \"02:00\" }\n"
        "rumour { id = \"r1\", claim = { zh = \"谣言\", en = \"r\" }, platform = \"forum\", rebutted_by = \"f_never\" }\n"
        "question { id = \"q1\", text = { zh = \"问\", en = \"q\" }, expects = { \"f_late\", \"f_ghost\" } }\n"
        "ending { id = \"e_lonely\", text = { zh = \"结局\", en = \"end\" } }\n"
        "inject { id = \"i1\", kind = \"post\", text = { zh = \"帖\", en = \"p\" } }\n"
        "on_tick(function(w)\n"
        "  w.fire(\"i_missing\")\n"
        "end)\n"
        "on_action(\"statement\", function(a, w)\n"
        "  if a.text:find(\"x\") then w.fire(\"i1\") end\n"
        "end)\n"
        "on_action(\"press\", function(a, w)\n"
        "  local n = #a.text\n"
        "end)\n");
    scn_problems p = {0};
    int n = scn_check(dir, &p);
    CHECK(n == p.count);
    CHECK(problems_name_file(&p, dir));
    CHECK(find_problem(&p, 6, "rumour 'r1': unknown platform 'forum'") >= 0);
    CHECK(find_problem(&p, 6, "its rebutting fact 'f_never' is never verified") >= 0);
    CHECK(find_problem(&p, 7, "question 'q1': 'expects' names an unknown fact 'f_ghost'") >= 0);
    CHECK(find_problem(&p, 5, "fact 'f_late': 'verified_at' 02:00 lies outside the scenario's duration 00:00..01:00") >= 0);
    CHECK(find_problem(&p, 4, "fact 'f_unused': no rumour or question uses it") >= 0);
    CHECK(find_problem(&p, 5, "fact 'f_late': 'text' has no en text") >= 0);
    CHECK(find_problem(&p, 8, "ending 'e_lonely': no trigger reaches it") >= 0);
    CHECK(find_problem(&p, 11, "w.fire: unknown inject 'i_missing' (dry run of the on_tick trigger at line 10)") >= 0);
    CHECK(find_problem(&p, 17, "attempt to get length of a nil value") >= 0);
    CHECK(find_problem(&p, 14, "") < 0);   /* the statement trigger gets text "" and runs fine */
    CHECK(n == 9);
    if (n != 9)
        dump_problems(&p);
    scn_problems_free(&p);

    /* The folder name must match the id; a missing folder is one problem naming the file. */
    dir = write_scenario("other_name", "scenario { id = \"mismatch\", title = \"t\", duration = 60 }\n"
                                       "platform { id = \"weibo\", name = \"微博\", share = 0.5 }\n");
    CHECK(scn_check(dir, &p) == 1);
    CHECK(find_problem(&p, 1, "scenario id 'mismatch' differs from its folder name 'other_name'") >= 0);
    scn_problems_free(&p);
    char missing[700];
    snprintf(missing, sizeof missing, "%s/no_such_scenario", tmp_root);
    CHECK(scn_check(missing, &p) == 1);
    CHECK(p.count == 1 && strstr(p.items[0].file, "no_such_scenario/scenario.lua") && strstr(p.items[0].msg, "cannot open"));
    scn_problems_free(&p);
}

/* Same seed, same draws; another seed, other draws (both at load time). */
static double random_fact_value(uint64_t seed, int which)
{
    const char *dir = write_scenario("random",
        "scenario { id = \"random\", title = \"t\", duration = 60 }\n"
        "fact { id = \"a\", text = \"t\", value = math.random(1, 1000000) }\n"
        "fact { id = \"b\", text = \"t\", value = math.random() }\n"
        "fact { id = \"c\", text = \"t\", value = math.random(6) }\n");
    sim_scenario s;
    scn_script *sc = NULL;
    double v = -1.0;
    if (scn_load(dir, seed, &s, &sc, NULL) == 0 && s.n_facts == 3)
        v = s.facts[which].value;
    scn_free(sc);
    sim_scenario_free(&s);
    return v;
}

static void test_random(void)
{
    for (int k = 0; k < 3; k++) {
        double a = random_fact_value(7, k), b = random_fact_value(7, k), c = random_fact_value(8, k);
        CHECK(a >= 0.0 && a == b);
        if (k != 2)
            CHECK(a != c);
    }
    double x = random_fact_value(7, 0), y = random_fact_value(7, 2);
    CHECK(x >= 1 && x <= 1000000 && x == (double)(long)x);
    CHECK(y >= 1 && y <= 6);
    double f = random_fact_value(7, 1);
    CHECK(f >= 0.0 && f < 1.0);
}

/* A scenario whose triggers leave notes, used against real worlds. */
static const char *trigger_scenario(void)
{
    return write_scenario("triggers",
        "scenario { id = \"triggers\", title = \"t\", duration = \"01:00\" }\n"
        "platform { id = \"weibo\", name = \"微博\", share = 0.5 }\n"
        "fact { id = \"f_team\", text = \"工作组已赶赴现场\", synonyms = { \"工作组\" }, verified_at = 0 }\n"
        "fact { id = \"f_hurt\", text = \"2人受伤\", value = 2, unit = \"人\", kind = \"number\", synonyms = { \"受伤\" } }\n"
        "inject { id = \"i_late\", kind = \"post\", text = \"late\" }\n"
        "question { id = \"q\", text = \"?\", expects = { \"f_team\", \"f_hurt\" } }\n"
        "on_action(\"offline\", function(a, w)\n"
        "  if a.target == \"apology\" and a.mentions(\"道歉\") then\n"
        "    w.note(\"apology at \" .. w.now)\n"
        "    w.adjust { trust = 5 }\n"
        "  end\n"
        "end)\n"
        "on_action(\"*\", function(a, w)\n"
        "  if a.cites(\"f_team\") then w.note(\"cited by \" .. a.type .. \" on \" .. (a.channel or \"-\")) end\n"
        "  if a.wrong(\"f_hurt\") then w.note(\"wrong number \" .. a.t) end\n"
        "end)\n"
        "on_threshold(\"time\", \"00:05\", function(w)\n"
        "  w.fire(\"i_late\")\n"
        "  w.note(\"roll \" .. math.random(1, 1000000) .. \" level \" .. w.level)\n"
        "end)\n"
        "on_tick(function(w)\n"
        "  if w.now == 600 then w.note(\"verified \" .. tostring(w.verified(\"f_team\"))) end\n"
        "end)\n");
}

static int count_notes(const sim_world *w, const char *prefix, char *first, size_t len)
{
    int n = 0;
    for (int i = 0; i < w->n_events; i++) {
        const sim_event *e = &w->events[i];
        if (e->type == SIM_EV_NOTE && e->text && strncmp(e->text, prefix, strlen(prefix)) == 0) {
            if (n++ == 0 && first)
                snprintf(first, len, "%s", e->text);
        }
    }
    return n;
}

static sim_world *run_world(const sim_scenario *s, scn_script *sc, uint64_t seed, int with_actions)
{
    sim_hooks hooks;
    scn_hooks(sc, &hooks);
    char err[256];
    sim_world *w = sim_world_new(s, NULL, seed, &hooks, err, sizeof err);
    CHECK_MSG(w != NULL, "world: %s", err);
    if (!w)
        return NULL;
    if (with_actions) {
        sim_action apology = {.t = 120, .type = SIM_ACT_OFFLINE, .role = SIM_ROLE_COMMAND, .level = SIM_LEVEL_NONE,
                              .target = "apology", .text = "当面道歉"};
        sim_action statement = {.t = 180, .type = SIM_ACT_STATEMENT, .role = SIM_ROLE_SPOKESPERSON,
                                .level = SIM_LEVEL_NONE, .channel = "weibo", .text = "我局已派出工作组。"};
        sim_action wrong = {.t = 240, .type = SIM_ACT_STATEMENT, .role = SIM_ROLE_SPOKESPERSON,
                            .level = SIM_LEVEL_NONE, .channel = "weibo", .text = "目前共有3人受伤。"};
        CHECK(sim_submit(w, &apology, err, sizeof err) == 0);
        CHECK(sim_submit(w, &statement, err, sizeof err) == 0);
        CHECK(sim_submit(w, &wrong, err, sizeof err) == 0);
    }
    CHECK_MSG(sim_run_until(w, 900) == 0, "run: %s", w->error);
    return w;
}

static void test_triggers(void)
{
    const char *dir = trigger_scenario();
    sim_scenario s;
    scn_script *sc = NULL;
    scn_problems p = {0};
    CHECK(scn_load(dir, 1, &s, &sc, &p) == 0);
    dump_problems(&p);
    scn_problems_free(&p);
    if (!sc)
        return;
    CHECK(scn_check(dir, &p) == 0);
    dump_problems(&p);
    scn_problems_free(&p);

    sim_world *w = run_world(&s, sc, 3, 1);
    if (w) {
        char text[256] = "";
        CHECK(count_notes(w, "apology at ", text, sizeof text) == 1);
        CHECK_MSG(strcmp(text, "apology at 120") == 0, "note: %s", text);
        CHECK(count_notes(w, "cited by statement on weibo", NULL, 0) == 1);
        CHECK(count_notes(w, "wrong number 240", NULL, 0) == 1);
        CHECK(count_notes(w, "roll ", NULL, 0) == 1);   /* a threshold fires once */
        CHECK(count_notes(w, "verified true", NULL, 0) == 1);
        CHECK(w->inject_fired[sim_scenario_inject(&s, "i_late")] == 1);
    }
    /* Thresholds re-arm for a new world; the same seed gives the same draws and the same world. */
    sim_world *w2 = run_world(&s, sc, 3, 1);
    if (w && w2) {
        char r1[256] = "", r2[256] = "";
        CHECK(count_notes(w2, "roll ", r2, sizeof r2) == 1);
        count_notes(w, "roll ", r1, sizeof r1);
        CHECK_MSG(r1[0] && strcmp(r1, r2) == 0, "%s vs %s", r1, r2);
        CHECK(sim_hash(w) == sim_hash(w2));
    }
    sim_world *w3 = run_world(&s, sc, 4, 0);
    if (w3) {
        CHECK(count_notes(w3, "apology at ", NULL, 0) == 0);
        CHECK(count_notes(w3, "roll ", NULL, 0) == 1);
    }
    sim_world_free(w);
    sim_world_free(w2);
    sim_world_free(w3);
    scn_free(sc);
    sim_scenario_free(&s);
}

/* Load a scenario that must load and pass check without a problem; NULL when it does not load. */
static scn_script *load_checked(const char *dir, sim_scenario *s)
{
    scn_script *sc = NULL;
    scn_problems p = {0};
    CHECK(scn_load(dir, 1, s, &sc, &p) == 0);
    CHECK(scn_check(dir, &p) == 0);
    dump_problems(&p);
    scn_problems_free(&p);
    return sc;
}

/* The yq library against a real world: a figure written in the community's words, effect lists applied
 * in order, deadlines spared by a verified fact or fired with a bilingual note, the closing ending. */
static void test_yq(void)
{
    const char *dir = write_scenario("yq",
        "scenario { id = \"yq\", title = \"t\", duration = \"01:00\" }\n"
        "platform { id = \"weibo\", name = \"微博\", share = 0.5 }\n"
        "fact { id = \"f_team\", text = \"工作组已赶赴现场\", synonyms = { \"工作组\" }, verified_at = 0 }\n"
        "fact { id = \"f_hurt\", text = \"2人受伤\", value = 2, unit = \"人\", kind = \"number\" }\n"
        "question { id = \"q\", text = \"?\", expects = { \"f_team\", \"f_hurt\" } }\n"
        "ending { id = \"e_never\", text = \"x\" }\n"
        "ending { id = \"e_end\", text = \"y\" }\n"
        "yq.on_public(function(a, w)\n"
        "  if yq.wrong_number(a, w, { right = 2, from = 1, to = 9, words = { \"共有{n}人\" } }) then\n"
        "    yq.apply(w, { note = \"figure at \" .. a.t })\n"
        "  end\n"
        "end)\n"
        "yq.offline { apology = { { note = \"first\" }, { note = \"second\", adjust = { trust = 1 } } } }\n"
        "yq.deadline(\"00:03\", { unless_verified = \"f_team\", effects = { note = \"spared\" } })\n"
        "yq.deadline(\"00:04\", { unless_answered = \"q\", effects = { note = { zh = \"无人回答\", en = \"no answer\" } } })\n"
        "yq.close_by_trust { at = \"00:10\", { 200, \"e_never\" }, { 0, \"e_end\" } }\n");
    sim_scenario s;
    scn_script *sc = load_checked(dir, &s);
    if (!sc)
        return;
    sim_world *w = run_world(&s, sc, 3, 1);
    if (w) {
        CHECK(count_notes(w, "figure at 240", NULL, 0) == 1);   /* "目前共有3人受伤" */
        CHECK(count_notes(w, "figure at", NULL, 0) == 1);       /* not the statement without a figure */
        int first = -1, second = -1;
        const char *en = NULL;
        for (int i = 0; i < w->n_events; i++) {
            const sim_event *e = &w->events[i];
            if (e->type == SIM_EV_NOTE && strcmp(e->text, "first") == 0)
                first = i;
            if (e->type == SIM_EV_NOTE && strcmp(e->text, "second") == 0)
                second = i;
            if (e->type == SIM_EV_NOTE && strcmp(e->text, "无人回答") == 0)
                en = sim_event_note(e, "en");
        }
        CHECK(first >= 0 && second == first + 1);
        CHECK(count_notes(w, "spared", NULL, 0) == 0);
        CHECK_MSG(en && strcmp(en, "no answer") == 0, "en note: %s", en ? en : "(none)");
        CHECK(w->ended && w->ending == sim_scenario_ending(&s, "e_end"));
    }
    sim_world_free(w);
    scn_free(sc);
    sim_scenario_free(&s);
}

/* The reference folder's hash is FNV-1a of scenario.lua alone; other files count, responses/ does not. */
static uint64_t fnv1a(const char *text)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        h ^= *p;
        h *= 0x100000001b3ULL;
    }
    return h;
}

static uint64_t load_hash(const char *dir)
{
    sim_scenario s;
    scn_script *sc = NULL;
    uint64_t h = 0;
    if (scn_load(dir, 1, &s, &sc, NULL) == 0)
        h = s.content_hash;
    scn_free(sc);
    sim_scenario_free(&s);
    return h;
}

static void test_content_hash(void)
{
    const char *text = "scenario { id = \"hash\", title = \"t\", duration = 60 }\n";
    char dir[768], path[1024];
    snprintf(dir, sizeof dir, "%s", write_scenario("hash", text));
    uint64_t h0 = load_hash(dir);
    CHECK(h0 == fnv1a(text));
    snprintf(path, sizeof path, "%s/responses", dir);
    mkdir(path, 0777);
    snprintf(path, sizeof path, "%s/responses/reference.json", dir);
    write_bytes(path, "[]", 2);
    CHECK(load_hash(dir) == h0);
    snprintf(path, sizeof path, "%s/notes.md", dir);
    write_bytes(path, "x", 1);
    uint64_t h1 = load_hash(dir);
    CHECK(h1 != 0 && h1 != h0);
    write_bytes(path, "y", 1);
    CHECK(load_hash(dir) != h1);
}

static void test_list(void)
{
    char root[700], path[1024];
    snprintf(root, sizeof root, "%s/listing", tmp_root);
    mkdir(root, 0777);
    const char *names[] = {"zeta", "alpha", "empty", "mid"};
    for (int i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/%s", root, names[i]);
        mkdir(path, 0777);
        if (strcmp(names[i], "empty") != 0) {
            snprintf(path, sizeof path, "%s/%s/scenario.lua", root, names[i]);
            write_bytes(path, "--", 2);
        }
    }
    char **ids = NULL;
    int n = -1;
    CHECK(scn_list(root, &ids, &n) == 0);
    CHECK(n == 3);
    if (n == 3) {
        CHECK_STR(ids[0], "alpha");
        CHECK_STR(ids[1], "mid");
        CHECK_STR(ids[2], "zeta");
    }
    scn_list_free(ids, n);
    CHECK(scn_list(YQ_SOURCE_DIR "/scenarios", &ids, &n) == 0);
    int found = 0;
    for (int i = 0; i < n; i++)
        found |= strcmp(ids[i], "city_video") == 0;
    CHECK(found);
    scn_list_free(ids, n);
    snprintf(path, sizeof path, "%s/absent", tmp_root);
    CHECK(scn_list(path, &ids, &n) == -1 && ids == NULL && n == 0);
}

static void test_problems_print(void)
{
    scn_problems p = {0};
    scn_problems_add(&p, "a/scenario.lua", 12, "bad %s", "thing");
    scn_problems_add(&p, "a/scenario.lua", 0, "no line");
    char buf[256] = "";
    FILE *f = tmpfile();
    CHECK(f != NULL);
    if (f) {
        scn_problems_print(&p, f);
        rewind(f);
        size_t n = fread(buf, 1, sizeof buf - 1, f);
        buf[n] = '\0';
        fclose(f);
    }
    CHECK_MSG(strcmp(buf, "a/scenario.lua:12: bad thing\na/scenario.lua: no line\n") == 0, "printed: %s", buf);
    scn_problems_free(&p);
    CHECK(p.count == 0 && p.items == NULL);
}

/* The annotated example in scenarios/README.md is a valid scenario. */
static void test_readme_example(void)
{
    FILE *f = fopen(YQ_SOURCE_DIR "/scenarios/README.md", "rb");
    CHECK(f != NULL);
    if (!f)
        return;
    static char doc[262144];
    size_t n = fread(doc, 1, sizeof doc - 1, f);
    fclose(f);
    doc[n] = '\0';
    const char *section = strstr(doc, "## A complete annotated example");
    const char *start = section ? strstr(section, "```lua\n") : NULL;
    const char *end = start ? strstr(start + 7, "\n```") : NULL;
    CHECK(start && end);
    if (!start || !end)
        return;
    static char lua[65536];
    snprintf(lua, sizeof lua, "%.*s\n", (int)(end - (start + 7)), start + 7);
    const char *dir = write_scenario("road_hole", lua);
    scn_problems p = {0};
    CHECK(scn_check(dir, &p) == 0);
    dump_problems(&p);
    scn_problems_free(&p);
    sim_scenario s;
    scn_script *sc = NULL;
    CHECK(scn_load(dir, 1, &s, &sc, NULL) == 0);
    CHECK(s.n_facts == 2 && s.n_injects == 2 && s.n_rumours == 1 && s.n_questions == 1);
    CHECK(s.n_templates == 2 && s.n_endings == 1 && s.bilingual == 1);
    CHECK(s.n_facts == 2 && s.facts[1].verified_at == 45 * 60);
    scn_free(sc);
    sim_scenario_free(&s);
}

/* pairs / next follow a fixed order and tostring hides addresses, whatever Lua's hash seed. */
static void test_fixed_order(void)
{
    const char *dir = write_scenario("order",
        "scenario { id = \"order\", title = \"t\", duration = 60 }\n"
        "local t = {}\n"
        "for i = 1, 30 do t[\"k\" .. i] = i end\n"
        "t[3] = \"x\"; t[1.5] = \"y\"; t[true] = \"z\"; t[-2] = 0\n"
        "local seen = {}\n"
        "for k, v in pairs(t) do\n"
        "  seen[#seen + 1] = tostring(k)\n"
        "  if k == \"k7\" then t.k8 = nil end\n"
        "end\n"
        "local n, k = 0, next(t)\n"
        "while k ~= nil do n = n + 1; k = next(t, k) end\n"
        "fact { id = \"order\", text = table.concat(seen, \",\") }\n"
        "fact { id = \"count\", text = \"t\", value = n }\n"
        "fact { id = \"names\", text = tostring({}) .. \" \" .. tostring(ipairs) .. \" \" .. tostring(next({})) }\n");
    char expect[1024] = "-2,1.5,3";
    static const int nums[] = {1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 2, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
                               3, 30, 4, 5, 6, 7, 9};
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
        size_t len = strlen(expect);
        snprintf(expect + len, sizeof expect - len, ",k%d", nums[i]);
    }
    strcat(expect, ",true");
    sim_scenario s;
    scn_script *sc = NULL;
    scn_problems p = {0};
    CHECK(scn_load(dir, 1, &s, &sc, &p) == 0);
    dump_problems(&p);
    if (sc && s.n_facts == 3) {
        CHECK_MSG(strcmp(s.facts[0].text.zh, expect) == 0, "order: %s", s.facts[0].text.zh);
        CHECK(s.facts[1].value == 33.0);
        CHECK_STR(s.facts[2].text.zh, "table function nil");
    }
    scn_problems_free(&p);
    scn_free(sc);
    sim_scenario_free(&s);
}

int main(void)
{
    tmp_begin("script");
    test_city_video();
    test_lines_and_defaults();
    test_broken();
    test_broken_scenario_fields();
    test_check_cross_references();
    test_scenario_deadlines();
    test_random();
    test_triggers();
    test_yq();
    test_content_hash();
    test_list();
    test_problems_print();
    test_readme_example();
    test_fixed_order();
    tmp_end();
    return CHECK_DONE();
}
