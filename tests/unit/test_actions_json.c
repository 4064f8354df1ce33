/* test_actions_json.c — response files: parsing every field form, defaults, round trips through
 * store_actions_to_json, and error messages (syntax line:column, unknown type/key, time order). */
#include "test_store_util.h"

#include "check.h"
#include "store/store.h"

static char err[512];

static void test_parse_fields(void)
{
    const char *json =
        "[\n"
        "  {\"t\": 0, \"type\": \"report\", \"text\": \"已接报\"},\n"
        "  {\"at\": \"0:05\", \"type\": \"assess\", \"role\": \"monitor\", \"level\": \"orange\", \"text\": \"x\"},\n"
        "  {\"at\": \"01:02:03\", \"type\": \"statement\", \"channel\": \"weibo\", \"text\": \"通报\"},\n"
        "  {\"t\": 3723, \"type\": \"rebut\", \"role\": \"command\", \"target\": \"r1\", \"text\": null}\n"
        "]\n";
    sim_action *a = NULL;
    int n = -1;
    CHECK_MSG(store_actions_parse(json, "in.json", &a, &n, err, sizeof err) == 0, "%s", err);
    CHECK(n == 4);
    if (n != 4)
        return;
    CHECK(a[0].t == 0 && a[0].type == SIM_ACT_REPORT && a[0].role == SIM_ROLE_SPOKESPERSON);
    CHECK(a[0].level == SIM_LEVEL_NONE && !a[0].target && !a[0].channel);
    CHECK_STR(a[0].text, "已接报");
    CHECK(a[1].t == 300 && a[1].type == SIM_ACT_ASSESS && a[1].role == SIM_ROLE_MONITOR && a[1].level == 2);
    CHECK(a[2].t == 3723 && a[2].type == SIM_ACT_STATEMENT);
    CHECK_STR(a[2].channel, "weibo");
    CHECK(a[3].t == 3723 && a[3].type == SIM_ACT_REBUT && a[3].role == SIM_ROLE_COMMAND);
    CHECK_STR(a[3].target, "r1");
    CHECK(a[3].text == NULL);
    store_actions_free(a, n);
}

static void test_round_trip(void)
{
    sim_action in[] = {
        {0, SIM_ACT_REPORT, SIM_ROLE_MONITOR, SIM_LEVEL_NONE, NULL, NULL, "引号\"反斜杠\\换行\n制表\t控制\x01 emoji 😀", 0},
        {60, SIM_ACT_ASSESS, SIM_ROLE_SPOKESPERSON, 3, NULL, NULL, "红色预警", 0},
        {60, SIM_ACT_STATEMENT, SIM_ROLE_SPOKESPERSON, SIM_LEVEL_NONE, NULL, "wechat", "", 0},
        {7200, SIM_ACT_OFFLINE, SIM_ROLE_COMMAND, SIM_LEVEL_NONE, "hotline", NULL, NULL, 0},
        {86399, SIM_ACT_INJECT, SIM_ROLE_COMMAND, 0, "inj/2", "ch", "a/b </script>", 0},
        {86399, SIM_ACT_ASK, SIM_ROLE_SPOKESPERSON, SIM_LEVEL_NONE, "李记者", "都市报", "为什么？", 1},
    };
    int n_in = (int)(sizeof in / sizeof in[0]);
    char *json = store_actions_to_json(in, n_in);
    CHECK(json != NULL);
    if (!json)
        return;
    size_t len = strlen(json);
    CHECK(len > 0 && json[len - 1] == '\n');
    CHECK(strstr(json, "红色预警") != NULL);       /* UTF-8 kept, not \u-escaped */
    CHECK(strstr(json, "😀") != NULL);
    CHECK(strstr(json, "\\u0001") != NULL);       /* control characters escaped */
    CHECK(strstr(json, "\"level\": \"red\"") != NULL);
    CHECK(strstr(json, "\"follow_up\": true") != NULL && strstr(json, "\"follow_up\": false") == NULL);   /* only when set */
    /* stable key order inside the fourth object */
    const char *obj = strstr(json, "\"t\": 7200");
    const char *role = obj ? strstr(obj, "\"role\"") : NULL, *target = obj ? strstr(obj, "\"target\"") : NULL;
    const char *type = obj ? strstr(obj, "\"type\"") : NULL;
    CHECK(obj && type && role && target && obj < type && type < role && role < target);

    sim_action *out = NULL;
    int n = 0;
    CHECK_MSG(store_actions_parse(json, "rt.json", &out, &n, err, sizeof err) == 0, "%s", err);
    CHECK(n == n_in);
    for (int i = 0; i < n && i < n_in; i++)
        CHECK_MSG(tu_action_eq(&in[i], &out[i]), "action %d differs after the round trip", i);
    char *again = store_actions_to_json(out, n);
    CHECK(again && strcmp(again, json) == 0);
    free(again);
    store_actions_free(out, n);
    free(json);
}

static void test_omits_absent_fields(void)
{
    sim_action one = {5, SIM_ACT_PRESS, SIM_ROLE_SPOKESPERSON, SIM_LEVEL_NONE, NULL, NULL, NULL, 0};
    char *json = store_actions_to_json(&one, 1);
    CHECK(json && !strstr(json, "level") && !strstr(json, "target") && !strstr(json, "channel") &&
          !strstr(json, "text") && !strstr(json, "null"));
    free(json);
    char *empty = store_actions_to_json(NULL, 0);
    CHECK_STR(empty, "[]\n");
    sim_action *out = NULL;
    int n = -1;
    CHECK(empty && store_actions_parse(empty, "e.json", &out, &n, err, sizeof err) == 0 && n == 0);
    store_actions_free(out, n);
    free(empty);
    sim_action bad = {0, SIM_ACT_COUNT, SIM_ROLE_SPOKESPERSON, SIM_LEVEL_NONE, NULL, NULL, NULL, 0};
    CHECK(store_actions_to_json(&bad, 1) == NULL);
}

/* Parse must fail with exactly `want` as the message. */
static void expect_error(const char *json, const char *want)
{
    sim_action *a = (sim_action *)&a;
    int n = -1;
    err[0] = '\0';
    CHECK_MSG(store_actions_parse(json, "resp.json", &a, &n, err, sizeof err) == -1, "accepted: %s", json);
    const char *got = err;
    CHECK_STR(got, want);
    CHECK(a == NULL && n == 0);
}

/* Parse must fail with a message containing `part`. */
static void expect_error_part(const char *json, const char *part)
{
    sim_action *a = NULL;
    int n = -1;
    err[0] = '\0';
    CHECK_MSG(store_actions_parse(json, "resp.json", &a, &n, err, sizeof err) == -1, "accepted: %s", json);
    CHECK_MSG(strstr(err, part) != NULL, "\"%s\" lacks \"%s\"", err, part);
    CHECK(strchr(err, '\n') == NULL);
}

static void test_syntax_errors(void)
{
    /* the stray "t" on line 3 follows 18 characters, four of them CJK: column 19 (byte 27) */
    expect_error("[\n  {\"t\": 0, \"type\": \"report\"},\n  {\"text\": \"你好世界\" \"t\": 1}\n]\n",
                 "resp.json:3:19: JSON syntax error");
    expect_error("[\n  {\"t\": 0, \"type\": \"press\"}\n  {\"t\": 1, \"type\": \"press\"}\n]",
                 "resp.json:3:3: JSON syntax error");
    expect_error("[{\"t\": 0, \"type\": \"press\"}]\nextra", "resp.json:2:1: JSON syntax error");
    expect_error("", "resp.json:1:1: JSON syntax error");
    expect_error("[\n\t{\"t\": tru}]", "resp.json:2:8: JSON syntax error");
}

static void test_semantic_errors(void)
{
    expect_error("[{\"t\": 0, \"type\": \"press\"}, {\"t\": 1, \"type\": \"press\"}, {\"t\": 2, \"type\": \"foo\"}]",
                 "resp.json: action 3: unknown type \"foo\"");
    expect_error_part("[{\"t\": 0, \"type\": \"press\"}, {\"t\": 1, \"type\": \"press\", \"colour\": \"red\"}]",
                      "resp.json: action 2: unknown key \"colour\"");
    expect_error_part("[{\"t\": 0, \"type\": \"press\", \"type\": \"report\"}]", "action 1: duplicate key \"type\"");
    expect_error_part("[{\"t\": 60, \"type\": \"press\"}, {\"t\": 60, \"type\": \"press\"}, {\"at\": \"00:00:59\", "
                      "\"type\": \"press\"}]",
                      "resp.json: action 3: t=59 is earlier than action 2");
    expect_error_part("[{\"t\": 0, \"type\": \"press\", \"role\": \"boss\"}]", "action 1: unknown role \"boss\"");
    expect_error_part("[{\"t\": 0, \"type\": \"assess\", \"level\": \"purple\"}]", "action 1: unknown level \"purple\"");
    expect_error_part("[{\"t\": 0}]", "action 1: missing \"type\"");
    expect_error_part("[{\"type\": \"press\"}]", "action 1: missing \"t\"");
    expect_error_part("[{\"t\": 1, \"at\": \"00:01\", \"type\": \"press\"}]", "not both");
    expect_error_part("[{\"t\": -1, \"type\": \"press\"}]", "\"t\" must be a whole number");
    expect_error_part("[{\"t\": 1.5, \"type\": \"press\"}]", "\"t\" must be a whole number");
    expect_error_part("[{\"t\": \"10\", \"type\": \"press\"}]", "\"t\" must be a whole number");
    expect_error_part("[{\"at\": \"1:60\", \"type\": \"press\"}]", "\"at\" must be");
    expect_error_part("[{\"at\": \"12\", \"type\": \"press\"}]", "\"at\" must be");
    expect_error_part("[{\"at\": \"1:2:3\", \"type\": \"press\"}]", "\"at\" must be");
    expect_error_part("[{\"at\": \"01:02:03:04\", \"type\": \"press\"}]", "\"at\" must be");
    /* Parts far too long for int64 are refused without overflowing (found by tests/fuzz/fuzz_response). */
    expect_error_part("[{\"at\": \"12888888888888888888888888888888\", \"type\": \"press\"}]", "\"at\" must be");
    expect_error_part("[{\"at\": \"1:99999999999999999999999999\", \"type\": \"press\"}]", "\"at\" must be");
    expect_error_part("[{\"t\": 0, \"type\": \"reply\", \"text\": 5}]", "action 1: \"text\" must be a string");
    expect_error_part("[{\"t\": 0, \"type\": \"press\"}, 7]", "action 2: expected an object");
    expect_error_part("{\"t\": 0, \"type\": \"press\"}", "resp.json: expected a JSON array");
}

static void test_read_file(void)
{
    char *dir = tu_mkdtemp();
    CHECK(dir != NULL);
    if (!dir)
        return;
    const char *path = tu_path(dir, "drill.json");
    const char *json = "[\n  {\"at\": \"00:10\", \"type\": \"summary\", \"text\": \"复盘\"}\n]\n";
    CHECK(tu_write(path, json, strlen(json)) == 0);
    sim_action *a = NULL;
    int n = 0;
    CHECK_MSG(store_actions_read_file(path, &a, &n, err, sizeof err) == 0, "%s", err);
    CHECK(n == 1 && a && a[0].t == 600 && a[0].type == SIM_ACT_SUMMARY);
    store_actions_free(a, n);

    const char *broken = "[\n  {\"t\": 0,, \"type\": \"press\"}\n]\n";
    CHECK(tu_write(path, broken, strlen(broken)) == 0);
    CHECK(store_actions_read_file(path, &a, &n, err, sizeof err) == -1);
    char want[700];
    snprintf(want, sizeof want, "%s:2:12: JSON syntax error", path);
    const char *got = err, *wanted = want;
    CHECK_STR(got, wanted);

    const char *missing = tu_path(dir, "absent.json");
    CHECK(store_actions_read_file(missing, &a, &n, err, sizeof err) == -1);
    CHECK_MSG(strstr(err, "cannot read") && strstr(err, missing), "%s", err);
    tu_rmtree(dir);
    free(dir);
}

int main(void)
{
    test_parse_fields();
    test_round_trip();
    test_omits_absent_fields();
    test_syntax_errors();
    test_semantic_errors();
    test_read_file();
    return CHECK_DONE();
}
