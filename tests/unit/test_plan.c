/* test_plan.c — plans as data: the shipped plans load and set the world's thresholds, and every
 * kind of bad field is refused with the exact JSON path of the field and what is wrong with it. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "score/score.h"

/* A small valid plan; each case below swaps one fragment of it for a broken one. */
static const char *base_plan =
    "{\"id\": \"mini\", \"title\": {\"zh\": \"小预案\"}, \"kind\": \"general\",\n"
    " \"warning\": {\"reads\": [10, 20, 30], \"posts_per_hour\": [1, 2, 3]},\n"
    " \"deadlines\": [\n"
    "  {\"id\": \"a\", \"title\": \"报告\", \"what\": \"report\", \"minutes\": 10, \"points\": 5},\n"
    "  {\"id\": \"b\", \"title\": \"回应\", \"what\": \"public\", \"minutes\": 60, \"grace\": 30, \"points\": 5},\n"
    "  {\"id\": \"c\", \"title\": \"辟谣\", \"what\": \"rebuttal\", \"reach\": 0.1, \"minutes\": 30, \"points\": 5,"
    " \"weights\": {\"rumour\": 1}}],\n"
    " \"steps\": {\"order\": {\"title\": \"顺序\", \"points\": 2},\n"
    "  \"items\": [{\"id\": \"r\", \"title\": \"报告\", \"actions\": [\"report\"], \"role\": \"monitor\", \"points\": 1},\n"
    "             {\"id\": \"s\", \"title\": \"声明\", \"actions\": [\"statement\", \"reply\"], \"points\": 1}]},\n"
    " \"statement\": {\"elements\": [{\"id\": \"contact\", \"title\": \"联系\", \"detect\": {\"lex\": [\"contact\"]},"
    " \"applies_to\": [\"statement\", \"reply\"], \"points\": 2}],\n"
    "  \"three_part\": {\"title\": \"三段式\", \"points\": 3, \"parts\": [{\"id\": \"t\", \"title\": \"致谢\","
    " \"detect\": {\"lex\": \"thanks\"}}]},\n"
    "  \"forbidden\": {\"title\": \"禁用语\", \"phrases\": [\"无可奉告\"], \"per_hit\": 1, \"points\": 3}},\n"
    " \"accuracy\": {\"wrong\": {\"title\": \"数字\", \"points\": 4, \"per\": 2}},\n"
    " \"outcome\": [{\"id\": \"trust\", \"title\": \"公信力\", \"metric\": \"final_trust\", \"better\": \"higher\","
    " \"best\": 100, \"full_at\": 0.5, \"points\": 4}]}\n";

/* base_plan with the first occurrence of `from` replaced by `to` (malloc'd). */
static char *variant(const char *from, const char *to)
{
    const char *at = strstr(base_plan, from);
    if (!at)
        return NULL;
    size_t head = (size_t)(at - base_plan), nf = strlen(from), nt = strlen(to);
    size_t n = strlen(base_plan) - nf + nt;
    char *s = malloc(n + 1);
    memcpy(s, base_plan, head);
    memcpy(s + head, to, nt);
    strcpy(s + head + nt, at + nf);
    return s;
}

static void expect_error(const char *from, const char *to, const char *want)
{
    char *json = variant(from, to);
    CHECK_MSG(json != NULL, "fragment not in base plan: %s", from);
    if (!json)
        return;
    char err[512] = "";
    score_plan *p = (score_plan *)1;
    int rc = score_plan_parse(json, "mini.json", &p, err, sizeof err);
    CHECK_MSG(rc == -1 && p == NULL, "accepted a bad plan (%s)", to);
    const char *got = err;
    CHECK_STR(got, want);
    score_plan_free(rc == 0 ? p : NULL);
    free(json);
}

static void test_base_valid(void)
{
    score_plan *p = NULL;
    char err[512] = "";
    CHECK_MSG(score_plan_parse(base_plan, "mini.json", &p, err, sizeof err) == 0, "%s", err);
    CHECK(p != NULL);
    if (p) {
        CHECK_STR(score_plan_id(p), "mini");
        CHECK_STR(score_plan_title(p, "en"), "小预案");   /* no en title: falls back to zh */
    }
    score_plan_free(p);
}

static void test_errors(void)
{
    expect_error("\"minutes\": 60", "\"minutes\": 0", "mini.json: $.deadlines[1].minutes: must be a number > 0 and <= 43200");
    expect_error("\"minutes\": 30", "\"minutes\": \"30\"", "mini.json: $.deadlines[2].minutes: must be a number > 0 and <= 43200");
    expect_error("\"grace\": 30", "\"grace\": -5", "mini.json: $.deadlines[1].grace: must be a number >= 0 and <= 43200");
    expect_error("\"minutes\": 10", "\"minuts\": 10", "mini.json: $.deadlines[0].minuts: unknown field");
    expect_error("\"what\": \"report\"", "\"what\": \"tweet\"",
                 "mini.json: $.deadlines[0].what: must be an action type, \"public\", \"authoritative\" or "
                 "\"rebuttal\", not \"tweet\"");
    expect_error("\"what\": \"public\", \"minutes\": 60", "\"what\": \"public\", \"reach\": 0.5, \"minutes\": 60",
                 "mini.json: $.deadlines[1].reach: only a \"rebuttal\" deadline has a reach");
    expect_error("\"what\": \"public\", \"minutes\": 60", "\"what\": \"public\", \"holding\": 0.4, \"minutes\": 60",
                 "mini.json: $.deadlines[1].holding: only a \"rebuttal\" deadline has a holding");
    expect_error("\"reach\": 0.1", "\"reach\": 0.1, \"holding\": 2", "mini.json: $.deadlines[2].holding: must be a number >= 0 and <= 1");
    expect_error("\"what\": \"public\", \"minutes\": 60", "\"what\": \"public\", \"fact_kinds\": [\"number\"], \"minutes\": 60",
                 "mini.json: $.deadlines[1].fact_kinds: only an \"authoritative\" deadline has fact_kinds");
    expect_error("\"reach\": 0.1", "\"reach\": 1.5", "mini.json: $.deadlines[2].reach: must be a number >= 0 and <= 1");
    expect_error("{\"id\": \"b\"", "{\"id\": \"a\"", "mini.json: $.deadlines[1].id: \"a\" is used twice");
    expect_error("{\"rumour\": 1}", "{\"speed\": 1}", "mini.json: $.deadlines[2].weights.speed: unknown field");
    expect_error("{\"rumour\": 1}", "{\"rumour\": -1}",
                 "mini.json: $.deadlines[2].weights.rumour: must be a number >= 0 and <= 1000");
    expect_error("\"role\": \"monitor\"", "\"role\": \"boss\"", "mini.json: $.steps.items[0].role: unknown role \"boss\"");
    expect_error("\"actions\": [\"statement\", \"reply\"]", "\"actions\": [\"statement\", \"tweet\"]",
                 "mini.json: $.steps.items[1].actions[1]: unknown action type \"tweet\"");
    expect_error("\"applies_to\": [\"statement\", \"reply\"]", "\"applies_to\": []",
                 "mini.json: $.statement.elements[0].applies_to: must be a non-empty array");
    expect_error("\"detect\": {\"lex\": [\"contact\"]}", "\"detect\": {}",
                 "mini.json: $.statement.elements[0].detect: needs at least one of lex, fact_kinds, phrases, scenario");
    expect_error("\"detect\": {\"lex\": [\"contact\"]}", "\"detect\": {\"lex\": [\"hotline\"]}",
                 "mini.json: $.statement.elements[0].detect.lex[0]: unknown lexicon list \"hotline\"");
    expect_error("\"detect\": {\"lex\": [\"contact\"]}", "\"detect\": {\"fact_kinds\": [\"place\", \"colour\"]}",
                 "mini.json: $.statement.elements[0].detect.fact_kinds[1]: unknown fact kind \"colour\"");
    expect_error("\"detect\": {\"lex\": \"thanks\"}", "\"detect\": {\"lex\": \"thank\"}",
                 "mini.json: $.statement.three_part.parts[0].detect.lex: unknown lexicon list \"thank\"");
    expect_error("\"parts\": [", "\"prts\": [", "mini.json: $.statement.three_part.prts: unknown field");
    expect_error("\"per_hit\": 1", "\"per_hit\": 0", "mini.json: $.statement.forbidden.per_hit: must be a number > 0 and <= 1000");
    expect_error("\"points\": 4, \"per\": 2", "\"points\": 4", "mini.json: $.accuracy.wrong.per: is required");
    expect_error("\"better\": \"higher\"", "\"better\": \"up\"", "mini.json: $.outcome[0].better: must be \"lower\" or \"higher\"");
    expect_error("\"metric\": \"final_trust\"", "\"metric\": \"mood\"", "mini.json: $.outcome[0].metric: unknown metric \"mood\"");
    expect_error("\"best\": 100, ", "", "mini.json: $.outcome[0].best: is required");
    expect_error("\"reads\": [10, 20, 30]", "\"reads\": [10, 30, 20]",
                 "mini.json: $.warning.reads[2]: must be greater than the level before it");
    expect_error("\"posts_per_hour\": [1, 2, 3]", "\"posts_per_hour\": [1, 2]",
                 "mini.json: $.warning.posts_per_hour: must be an array of 3 numbers");
    expect_error("\"title\": {\"zh\": \"小预案\"}", "\"title\": {\"en\": \"Mini\"}", "mini.json: $.title.zh: is required");
    expect_error("\"id\": \"mini\"", "\"id\": \"Mini Plan\"",
                 "mini.json: $.id: must be 1 to 48 characters of a-z, 0-9, _ or -");
    expect_error("\"kind\": \"general\",", "\"kind\": \"general\", \"kind\": \"urban\",", "mini.json: $.kind: appears twice");
    expect_error("\"role\": \"monitor\"", "\"role_points\": 1", "mini.json: $.steps.items[0].role_points: needs a role");
    expect_error("\"deadlines\": [\n", "\"deadlines\": [,\n", "mini.json:3: not valid JSON");
}

static void test_load_files(void)
{
    const char *ids[] = {"general", "urban", "education", "rules2016"};
    double first_response[] = {240, 60, 120, 240};
    for (int i = 0; i < 4; i++) {
        char path[512], err[512] = "";
        snprintf(path, sizeof path, "%s/scenarios/plans/%s.json", YQ_SOURCE_DIR, ids[i]);
        score_plan *p = NULL;
        CHECK_MSG(score_plan_load(path, &p, err, sizeof err) == 0, "%s", err);
        if (!p)
            continue;
        CHECK_STR(score_plan_id(p), ids[i]);
        sim_params params;
        sim_params_default(&params);
        params.silence_deadline = 1;
        params.warn_reads[1] = 1;
        params.warn_crowd[0] = 1000;
        score_plan_apply(p, &params);
        CHECK_NEAR(params.warn_reads[1], 1000000.0, 0.5);   /* orange at a million reads (DOMAIN.md) */
        CHECK(params.warn_crowd[0] > 0 && params.warn_crowd[0] <= 50);   /* yellow by 50 agitated people */
        CHECK(params.tier_posts[0] < params.tier_posts[1] && params.tier_posts[1] < params.tier_posts[2]);
        CHECK_MSG(params.silence_deadline == (sim_time)(first_response[i] * 60), "%s silence %lld", ids[i],
                  (long long)params.silence_deadline);
        CHECK(score_plan_deadline_known(p, "first_response") && !score_plan_deadline_known(p, "first"));
        /* a scenario's own first-response limit becomes the world's silence deadline */
        sim_scenario s;
        sim_scenario_init(&s);
        sim_deadline_override o = {"first_response", 1800, 1};
        s.deadlines = &o;
        s.n_deadlines = 1;
        score_plan_apply_scenario(p, &s, &params);
        CHECK(params.silence_deadline == 1800);
        /* without one, a plan limit that cannot fall inside a 2-hour drill is scaled into it */
        s.n_deadlines = 0;
        s.duration = 7200;
        score_plan_apply_scenario(p, &s, &params);
        CHECK_MSG(params.silence_deadline > 0 && params.silence_deadline < s.duration, "%s silence %lld", ids[i],
                  (long long)params.silence_deadline);
        /* the warning level counts the reads of the plan's window, not all reads since the incident */
        CHECK_MSG(params.warn_reads_window > 0 && params.warn_reads_window <= 24 * 3600, "%s window %lld", ids[i],
                  (long long)params.warn_reads_window);
        score_plan_free(p);
    }
    char err[512] = "";
    score_plan *p = NULL;
    CHECK(score_plan_load("/nonexistent/plan.json", &p, err, sizeof err) == -1 && !p);
    const char *got = err;
    CHECK_STR(got, "/nonexistent/plan.json: cannot open");
}

/* Every plan number has a range; a list failing part-way frees what it read (ASan's leak check). */
static void test_ranges(void)
{
    expect_error("\"per_hit\": 1, \"points\": 3}", "\"per_hit\": 1, \"points\": 3},\n  \"flood\": {\"title\": \"刷屏\", \"per\": 1, \"points\": 2}",
                 "mini.json: $.statement.flood.per_hour: is required");
    expect_error("\"per_hit\": 1, \"points\": 3}", "\"per_hit\": 1, \"points\": 3},\n  \"flood\": {\"title\": \"刷屏\", \"per_hour\": 0, \"per\": 1, \"points\": 2}",
                 "mini.json: $.statement.flood.per_hour: must be a number > 0 and <= 10000");
    expect_error("\"per_hit\": 1, \"points\": 3}", "\"per_hit\": 1, \"points\": 3},\n  \"flood\": {\"title\": \"刷屏\", \"per_hour\": 6, \"per\": 1, \"points\": 2, \"limit\": 3}",
                 "mini.json: $.statement.flood.limit: unknown field");
    expect_error("\"minutes\": 10", "\"minutes\": 1e300", "mini.json: $.deadlines[0].minutes: must be a number > 0 and <= 43200");
    expect_error("\"grace\": 30", "\"grace\": 1e308", "mini.json: $.deadlines[1].grace: must be a number >= 0 and <= 43200");
    expect_error("[10, 20, 30]", "[10, 20, 1e300]", "mini.json: $.warning.reads[2]: must be a number > 0 and <= 1e+12");
    expect_error("\"best\": 100", "\"best\": -1e300",
                 "mini.json: $.outcome[0].best: must be a number >= -1e+12 and <= 1e+12");
    expect_error("\"actions\": [\"statement\", \"reply\"]", "\"actions\": [\"statement\", \"reply\", 7]",
                 "mini.json: $.steps.items[1].actions[2]: must be a non-empty string");
}

/* Only a regular file of at most 1 MiB is read as a plan (/dev/zero used to take 13.8 GB). */
static void test_file_limits(void)
{
    char err[512] = "";
    score_plan *p = (score_plan *)1;
    CHECK(score_plan_load("/dev/zero", &p, err, sizeof err) == -1 && !p);
    const char *got = err;
    CHECK_STR(got, "/dev/zero: not a regular file");
    char path[] = "/tmp/yq_plan_big.XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    for (int i = 0; f && i < 2 * 1024; i++)
        fprintf(f, "%1023s\n", " ");
    if (f)
        fclose(f);
    p = (score_plan *)1;
    char want[600];
    snprintf(want, sizeof want, "%s: larger than 1 MiB: not a plan file", path);
    CHECK(score_plan_load(path, &p, err, sizeof err) == -1 && !p);
    const char *expected = want;
    CHECK_STR(got, expected);
    unlink(path);
}

/* The urban plan is stricter than the general one on every deadline both have. */
static void test_urban_stricter(void)
{
    char g[512], u[512], err[512];
    snprintf(g, sizeof g, "%s/scenarios/plans/general.json", YQ_SOURCE_DIR);
    snprintf(u, sizeof u, "%s/scenarios/plans/urban.json", YQ_SOURCE_DIR);
    score_plan *pg = NULL, *pu = NULL;
    score_plan_load(g, &pg, err, sizeof err);
    score_plan_load(u, &pu, err, sizeof err);
    CHECK(pg && pu);
    if (pg && pu) {
        sim_params a, b;
        sim_params_default(&a);
        sim_params_default(&b);
        score_plan_apply(pg, &a);
        score_plan_apply(pu, &b);
        CHECK(b.silence_deadline < a.silence_deadline);
        CHECK(b.tier_posts[0] < a.tier_posts[0]);
    }
    score_plan_free(pg);
    score_plan_free(pu);
}

int main(void)
{
    test_base_valid();
    test_errors();
    test_load_files();
    test_urban_stricter();
    test_ranges();
    test_file_limits();
    return CHECK_DONE();
}
