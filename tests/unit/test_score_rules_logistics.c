/* test_score_rules_logistics.c — the plan's groups as data (a step names its group, the group's role
 * acts for it), a press conference that requires its venue arranged by logistics beforehand, and a
 * step credited for its content (a report says what was seen, where, how big). */
#include <math.h>

#include "score/score.h"
#include "test_score_fixture.h"

#define SP SIM_ROLE_SPOKESPERSON
#define LOG SIM_ROLE_LOGISTICS

static const char *const press_deadline =
    "\"deadlines\": [\n"
    "  {\"id\": \"press\", \"title\": \"发布会\", \"what\": \"press\", \"requires\": \"venue\", \"unarranged\": 0.5,"
    "   \"minutes\": 120, \"points\": 8},\n";

static const char *const answer_text = "经核实，3人受伤，已送医院救治，无人死亡。";

/* deadline.press with a venue required: arranged before the press conference, full; not at all, after
 * it, or something else arranged, half, and the explanation names the venue in zh and en. */
static void test_press_venue(void)
{
    static const struct {
        const char *item;   /* logistics item arranged, or NULL */
        double at;          /* minutes */
        double want;
        int says;           /* the explanation names the missing venue */
    } rows[] = {
        {"venue", 80, 8, 0},
        {"venue", 100, 8, 0},   /* the same minute, logged before the press conference */
        {NULL, 0, 4, 1},
        {"venue", 105, 4, 1},   /* after it */
        {"hotline", 80, 4, 1},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        sf_fixture fx;
        sf_init(&fx);
        sf_swap_plan(&fx, "\"deadlines\": [\n", press_deadline, NULL, NULL);
        sf_question(&fx, "q1", "有多少人受伤？", "到底多少人受伤？", "f_injured", NULL, NULL, NULL, -1);
        if (rows[i].item && rows[i].at <= 100)
            sf_act(&fx, rows[i].at, SIM_ACT_LOGISTICS, LOG, rows[i].item, "布置新闻发布会会场");
        sf_act(&fx, 100, SIM_ACT_PRESS, SP, NULL, NULL);
        sf_act(&fx, 102, SIM_ACT_ANSWER, SP, "q1", answer_text);
        if (rows[i].item && rows[i].at > 100)
            sf_act(&fx, rows[i].at, SIM_ACT_LOGISTICS, LOG, rows[i].item, "布置新闻发布会会场");
        CHECK(sf_grade(&fx, NULL) == 0);
        CHECK_MSG(fabs(sf_points(&fx, "deadline.press") - rows[i].want) < 1e-9, "row %zu: %g", i,
                  sf_points(&fx, "deadline.press"));
        const score_line *l = sf_line(&fx, "deadline.press");
        int zh = l && strstr(l->why, "预案要求后勤保障组事先安排发布会场地，但此前没有安排，只计50%");
        int en = l && strstr(l->why_en, "arrange the press conference venue first, and nobody had: only 50% counts");
        CHECK_MSG(zh == rows[i].says && en == rows[i].says, "row %zu: %s / %s", i, l ? l->why : "",
                  l ? l->why_en : "");
        sf_free(&fx);
    }
    /* Without an answer the press conference is not held: the venue earns nothing by itself. */
    sf_fixture fx;
    sf_init(&fx);
    sf_swap_plan(&fx, "\"deadlines\": [\n", press_deadline, NULL, NULL);
    sf_act(&fx, 80, SIM_ACT_LOGISTICS, LOG, "venue", "布置新闻发布会会场");
    sf_act(&fx, 100, SIM_ACT_PRESS, SP, NULL, NULL);
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK(sf_points(&fx, "deadline.press") == 0);
    sf_free(&fx);
}

/* A step names its group; the group's role earns the role points; the explanation names that role. */
static void test_step_group(void)
{
    static const char *const groups =
        "\"groups\": [{\"id\": \"analysis\", \"title\": \"信息收集与研判小组\", \"duties\": \"监测、报告、研判\","
        " \"role\": \"monitor\"}, {\"id\": \"logistics\", \"title\": \"后勤保障组\", \"duties\": \"场地、热线、车辆、物资\","
        " \"role\": \"logistics\"}],\n \"deadlines\": [\n";
    static const struct {
        sim_role role;
        double want;
        const char *zh, *en;
    } rows[] = {
        {SIM_ROLE_LOGISTICS, 3, "由后勤保障组承担", "the logistics group"},
        {SIM_ROLE_MONITOR, 2, "预案要求由后勤保障组承担，实际由舆情监测员承担", "the logistics group"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        sf_fixture fx;
        sf_init(&fx);
        sf_swap_plan(&fx, "\"deadlines\": [\n", groups,
                     "{\"id\": \"report\", \"title\": \"报告\", \"actions\": [\"report\"], \"role\": \"monitor\"",
                     "{\"id\": \"report\", \"title\": \"报告\", \"actions\": [\"report\"], \"group\": \"logistics\"");
        sf_act(&fx, 5, SIM_ACT_REPORT, rows[i].role, NULL, "微博出现人民路执法冲突视频，转发已过千");
        CHECK(sf_grade(&fx, NULL) == 0);
        CHECK_MSG(fabs(sf_points(&fx, "process.step.report") - rows[i].want) < 1e-9, "row %zu", i);
        const score_line *l = sf_line(&fx, "process.step.report");
        CHECK_MSG(l && strstr(l->why, rows[i].zh) && strstr(l->why_en, rows[i].en), "row %zu: %s / %s", i,
                  l ? l->why : "", l ? l->why_en : "");
        sf_free(&fx);
    }
}

/* A report step with three content parts: its points follow the share of the parts its best text says,
 * and the explanation names each missing part in zh and en. */
static void test_step_content(void)
{
    static const char *const content =
        "\"role\": \"monitor\", \"content\": ["
        "{\"id\": \"what\", \"title\": {\"zh\": \"看到了什么\", \"en\": \"what was seen\"}, \"detect\": {\"phrases\": [\"视频\"]}},"
        "{\"id\": \"where\", \"title\": {\"zh\": \"在哪里\", \"en\": \"where\"}, \"detect\": {\"scenario\": [\"place\"], \"fact_kinds\": [\"place\"]}},"
        "{\"id\": \"size\", \"title\": {\"zh\": \"规模多大\", \"en\": \"how big\"}, \"detect\": {\"phrases\": [\"转发\"]}}],";
    static const struct {
        const char *text, *text2;   /* the report, and a second one (NULL: none) */
        double want;
        const char *zh, *en;        /* in the explanation; NULL: no content clause */
    } rows[] = {
        {"人民路执法冲突视频在微博转发已过千", NULL, 3, NULL, NULL},
        {"微博出现一段执法冲突视频，请关注", NULL, 1, "只说清了预案要求的3项中的1项，缺少「在哪里」、「规模多大」",
         "said 1 of the 3 things the plan asks it to say; missing: “where”, “how big”"},
        {"情况比较复杂，请领导关注", NULL, 0, "3项中的0项，缺少「看到了什么」、「在哪里」、「规模多大」",
         "missing: “what was seen”, “where”, “how big”"},
        /* the best of several reports counts; its time stays the first one's */
        {"情况比较复杂，请领导关注", "人民路冲突视频转发很快", 3, NULL, NULL},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        sf_fixture fx;
        sf_init(&fx);
        char from[] = "\"actions\": [\"report\"], \"role\": \"monitor\",";
        char to[2048];
        snprintf(to, sizeof to, "\"actions\": [\"report\"], %s", content);
        sf_swap_plan(&fx, from, to, NULL, NULL);
        sf_act(&fx, 5, SIM_ACT_REPORT, SIM_ROLE_MONITOR, NULL, rows[i].text);
        if (rows[i].text2)
            sf_act(&fx, 8, SIM_ACT_REPORT, SIM_ROLE_MONITOR, NULL, rows[i].text2);
        CHECK(sf_grade(&fx, NULL) == 0);
        CHECK_MSG(fabs(sf_points(&fx, "process.step.report") - rows[i].want) < 1e-9, "row %zu: %g", i,
                  sf_points(&fx, "process.step.report"));
        const score_line *l = sf_line(&fx, "process.step.report");
        if (rows[i].zh)
            CHECK_MSG(l && strstr(l->why, rows[i].zh) && strstr(l->why_en, rows[i].en), "row %zu: %s / %s", i,
                      l ? l->why : "", l ? l->why_en : "");
        else
            CHECK_MSG(l && !strstr(l->why, "只说清了") && l->n_ev == 1 && l->ev[0].t == MIN(5), "row %zu: %s", i,
                      l ? l->why : "");
        sf_free(&fx);
    }
}

/* Bad plans are refused with the path of the bad field. */
static void test_plan_errors(void)
{
    static const struct {
        const char *from, *to, *err;
    } rows[] = {
        {"\"role\": \"monitor\", \"points\": 2, \"role_points\": 1},\n   {\"id\": \"assess\"",
         "\"group\": \"nobody\", \"points\": 2, \"role_points\": 1},\n   {\"id\": \"assess\"",
         "$.steps.items[0].group: no group \"nobody\" in the plan's groups"},
        {"\"role\": \"monitor\", \"points\": 2, \"role_points\": 1},\n   {\"id\": \"assess\"",
         "\"role\": \"monitor\", \"group\": \"x\", \"points\": 2, \"role_points\": 1},\n   {\"id\": \"assess\"",
         "$.steps.items[0].group: a step names its group or its role, not both"},
        {"\"what\": \"report\",", "\"what\": \"report\", \"requires\": \"stage\",",
         "$.deadlines[0].requires: must be venue, hotline, transport or materials, not \"stage\""},
        {"\"what\": \"public\",", "\"what\": \"public\", \"requires\": \"venue\",",
         "$.deadlines[1].requires: only a deadline on an action type requires logistics"},
        {"\"what\": \"report\",", "\"what\": \"report\", \"unarranged\": 0.5,",
         "$.deadlines[0].unarranged: needs requires"},
        {"\"deadlines\": [", "\"groups\": [{\"id\": \"g\", \"title\": \"组\", \"duties\": \"职责\", \"role\": \"chef\"}],"
         " \"deadlines\": [", "$.groups[0].role: unknown role \"chef\""},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        char buf[16384], *at;
        snprintf(buf, sizeof buf, "%s", sf_plan_json);
        CHECK_MSG((at = strstr(buf, rows[i].from)) != NULL, "row %zu", i);
        if (!at)
            continue;
        char rest[16384];
        snprintf(rest, sizeof rest, "%s", at + strlen(rows[i].from));
        snprintf(at, sizeof buf - (size_t)(at - buf), "%s%s", rows[i].to, rest);
        score_plan *p = NULL;
        char err[512] = "";
        CHECK_MSG(score_plan_parse(buf, "test.json", &p, err, sizeof err) != 0 && strstr(err, rows[i].err),
                  "row %zu: %s", i, err);
        score_plan_free(p);
    }
}

int main(void)
{
    test_press_venue();
    test_step_group();
    test_step_content();
    test_plan_errors();
    return CHECK_DONE();
}
