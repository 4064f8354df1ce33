/* test_score_rules.c — each rubric rule on hand-built worlds: deadline decay, facts stated before
 * verification, wrong numbers, contradictions, rebuttals, forbidden phrases, three-part replies,
 * statement elements, step order and roles, and outcomes against a baseline. */
#include <math.h>

#include "score/score.h"
#include "test_score_fixture.h"

#define SP SIM_ROLE_SPOKESPERSON
#define MON SIM_ROLE_MONITOR
#define CMD SIM_ROLE_COMMAND

/* Report at 5, 20 and 40 minutes against a 10-minute limit with 20 minutes of linear decay. */
static void test_deadline_decay(void)
{
    const double at[] = {5, 20, 40};
    const double want[] = {10, 5, 0};
    for (int i = 0; i < 3; i++) {
        sf_fixture fx;
        sf_init(&fx);
        sf_act(&fx, at[i], SIM_ACT_REPORT, MON, NULL, "微博出现执法冲突视频，转发量快速上升");
        CHECK(sf_grade(&fx, NULL) == 0);
        CHECK_NEAR(sf_points(&fx, "deadline.report"), want[i], 1e-9);
        CHECK_NEAR(sf_max(&fx, "deadline.report"), 10, 1e-9);
        const score_line *l = sf_line(&fx, "deadline.report");
        CHECK(l && l->n_ev == 1 && l->ev[0].action == 0 && l->ev[0].t == (sim_time)(at[i] * 60));
        CHECK(l && l->n_ev == 1 && l->ev[0].span.start == 0 && strncmp(l->ev[0].quote, "微博出现", 12) == 0);
        sf_free(&fx);
    }
    /* Never reported, deadline long past: 0 of 10. Drill over before the deadline: not applicable. */
    sf_fixture fx;
    sf_init(&fx);
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "deadline.report"), 0, 1e-9);
    CHECK_NEAR(sf_max(&fx, "deadline.report"), 10, 1e-9);
    const score_line *l = sf_line(&fx, "deadline.report");
    CHECK(l && l->n_ev == 0 && strstr(l->why, "始终没有"));
    fx.w.now = MIN(5);
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_max(&fx, "deadline.report"), 0, 1e-9);
    sf_free(&fx);
}

/* Give the fixture scenario its own limit for one plan deadline. */
static void sf_override(sf_fixture *fx, const char *id, double minutes)
{
    fx->scn.deadlines = calloc(1, sizeof *fx->scn.deadlines);
    CHECK(fx->scn.deadlines != NULL);
    if (!fx->scn.deadlines)
        return;
    fx->scn.deadlines[0] = (sim_deadline_override){sf_dup(id), (sim_time)(minutes * 60), 1};
    fx->scn.n_deadlines = 1;
}

/* The scenario's own limit replaces the plan's (60 + 60 becomes 30 + 30); a plan limit whose grace
 * runs past the drill's end is scaled so that both fit (90-minute drill: 60 + 60 becomes 45 + 45), and
 * a response never made is then 0 points instead of a line that does not apply. */
static void test_deadline_limits(void)
{
    const char *text = "我们已成立调查组，正在处置，热线12345。";
    sf_fixture fx;
    sf_init(&fx);
    sf_override(&fx, "first", 30);
    sf_act(&fx, 45, SIM_ACT_STATEMENT, SP, NULL, text);
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "deadline.first"), 5, 1e-9);
    const score_line *l = sf_line(&fx, "deadline.first");
    CHECK(l && strstr(l->why, "超出30分钟的时限15分钟") && strstr(l->why, "本演练自定的时限为30分钟（预案为60分钟）"));
    CHECK(l && strstr(l->why_en, "sets its own limit of 30 min (the plan says 60)"));
    CHECK_NEAR(sf_points(&fx, "deadline.report"), 0, 1e-9);   /* other deadlines keep the plan's */
    l = sf_line(&fx, "deadline.report");
    CHECK(l && !strstr(l->why, "本演练自定"));
    sf_free(&fx);

    sf_init(&fx);
    fx.scn.duration = fx.w.now = MIN(90);
    sf_act(&fx, 50, SIM_ACT_STATEMENT, SP, NULL, text);
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "deadline.first"), 10 * (1 - 5.0 / 45), 0.01);
    l = sf_line(&fx, "deadline.first");
    CHECK(l && strstr(l->why, "共120分钟，超出了90分钟的演练时长，已按比例缩为45分钟"));
    CHECK(l && strstr(l->why_en, "scaled to 45 min"));
    CHECK_NEAR(sf_max(&fx, "deadline.auth"), 10, 1e-9);   /* 120 min without grace: scaled to 90 */
    CHECK_NEAR(sf_points(&fx, "deadline.auth"), 0, 1e-9);
    l = sf_line(&fx, "deadline.auth");
    CHECK(l && strstr(l->why, "始终没有「权威信息」（时限90分钟）"));
    sf_free(&fx);

    /* The drill ends (an ending) before even the scaled limit: the line still does not apply. */
    sf_init(&fx);
    fx.scn.duration = MIN(90);
    fx.w.now = MIN(20);
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_max(&fx, "deadline.first"), 0, 1e-9);
    sf_free(&fx);
}

/* A right number stated before it was verified costs points; after verification it does not;
 * a trigger verifying it early (SIM_EV_FACT_VERIFIED) moves the line. */
static void test_unverified(void)
{
    sf_fixture fx;
    sf_init(&fx);
    int a = sf_act(&fx, 30, SIM_ACT_STATEMENT, SP, NULL, "今天上午在人民路，3人受伤，已送医。");
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "accuracy.unverified"), 5, 1e-9);
    CHECK_NEAR(sf_points(&fx, "accuracy.wrong"), 10, 1e-9);
    CHECK(sf_quoted(&fx, "accuracy.unverified", a, "3"));
    const score_line *l = sf_line(&fx, "accuracy.unverified");
    CHECK(l && strstr(l->why, "3人受伤") && strstr(l->why, "60分钟才核实"));

    sf_event(&fx, 20, SIM_EV_FACT_VERIFIED, F_INJURED);
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "accuracy.unverified"), 10, 1e-9);
    sf_free(&fx);

    sf_init(&fx);
    sf_act(&fx, 90, SIM_ACT_STATEMENT, SP, NULL, "今天上午在人民路，3人受伤，已送医。");
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "accuracy.unverified"), 10, 1e-9);
    sf_free(&fx);

    /* A cause that is never verified, guessed twice in two statements: two penalties, floor at 0. */
    sf_init(&fx);
    sf_act(&fx, 30, SIM_ACT_STATEMENT, SP, NULL, "初步了解，事情起因是占道经营。");
    sf_act(&fx, 50, SIM_ACT_REPLY, SP, "123", "感谢关注，起因是占道经营，热线12345。");
    sf_act(&fx, 70, SIM_ACT_REPORT, MON, NULL, "内部报告：可能是占道经营引起");
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "accuracy.unverified"), 0, 1e-9);
    l = sf_line(&fx, "accuracy.unverified");
    CHECK(l && l->n_ev == 2 && strstr(l->why, "始终未经核实"));   /* the internal report is not public */
    sf_free(&fx);
}

/* Authoritative information: the first public text citing a fact of a listed kind that was verified
 * by then (the place, verified from the start, is not a listed kind; the count is, from 60 minutes). */
static void test_authoritative(void)
{
    sf_fixture fx;
    sf_init(&fx);
    sf_act(&fx, 30, SIM_ACT_STATEMENT, SP, NULL, "今天上午在人民路，3人受伤，已送医。");
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "deadline.auth"), 0, 1e-9);
    CHECK_NEAR(sf_max(&fx, "deadline.auth"), 10, 1e-9);
    CHECK_NEAR(sf_points(&fx, "deadline.first"), 10, 1e-9);
    int b = sf_act(&fx, 100, SIM_ACT_ANSWER, SP, "q1", "目前确认3人受伤，均无生命危险。");
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "deadline.auth"), 10, 1e-9);
    CHECK(sf_quoted(&fx, "deadline.auth", b, "3"));
    sf_free(&fx);
}

static void test_wrong_number(void)
{
    sf_fixture fx;
    sf_init(&fx);
    int a = sf_act(&fx, 90, SIM_ACT_STATEMENT, SP, NULL, "经核实，共有5人受伤。");
    CHECK(sf_grade(&fx, NULL) == 0);
    /* 3 injured: 5 is off by 2/3, weighing 0.5 + 0.67 items of 5 points */
    CHECK_NEAR(sf_points(&fx, "accuracy.wrong"), 10 - 5 * (0.5 + 2.0 / 3), 0.006);
    CHECK_NEAR(sf_points(&fx, "accuracy.unverified"), 10, 1e-9);
    CHECK(sf_quoted(&fx, "accuracy.wrong", a, "5"));
    const score_line *l = sf_line(&fx, "accuracy.wrong");
    CHECK(l && strstr(l->why, "写成了5人") && strstr(l->why, "应为3人") && strstr(l->why, "扣5.8分"));
    CHECK(l && strstr(l->why_en, "5.8 points in all"));
    sf_free(&fx);
    /* The size of the error is the order: a near miss, a careless doubling, a wild figure. */
    static const char *const texts[] = {"经核实，共有4人受伤。", "经核实，共有6人受伤。", "经核实，共有21人受伤。"};
    static const double want[] = {10 - 5 * (0.5 + 1.0 / 3), 10 - 5 * 1.5, 0};
    double prev = 11;
    for (int i = 0; i < 3; i++) {
        sf_init(&fx);
        sf_act(&fx, 90, SIM_ACT_STATEMENT, SP, NULL, texts[i]);
        CHECK(sf_grade(&fx, NULL) == 0);
        double got = sf_points(&fx, "accuracy.wrong");
        CHECK_MSG(fabs(got - want[i]) < 0.006 && got < prev, "%s: %.3f (want %.3f, below %.3f)", texts[i], got, want[i], prev);
        prev = got;
        sf_free(&fx);
    }
}

static void test_contradiction(void)
{
    sf_fixture fx;
    sf_init(&fx);
    int a = sf_act(&fx, 90, SIM_ACT_STATEMENT, SP, NULL, "目前3人受伤。");
    int b = sf_act(&fx, 120, SIM_ACT_STATEMENT, SP, NULL, "目前5人受伤。");
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "accuracy.contradiction"), 3, 1e-9);
    const score_line *l = sf_line(&fx, "accuracy.contradiction");
    CHECK(l && l->n_ev == 2);
    CHECK(sf_quoted(&fx, "accuracy.contradiction", a, "3") && sf_quoted(&fx, "accuracy.contradiction", b, "5"));
    sf_free(&fx);

    sf_init(&fx);
    sf_act(&fx, 90, SIM_ACT_STATEMENT, SP, NULL, "目前3人受伤。");
    sf_act(&fx, 120, SIM_ACT_ANSWER, SP, "q1", "受伤的3人均无生命危险。");
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "accuracy.contradiction"), 6, 1e-9);
    sf_free(&fx);
}

static void test_rebuttal(void)
{
    /* with the rebutting fact, without it, and both */
    const char *with = "网传有人死亡的消息不实，经医院确认无人死亡。";
    const char *without = "网传消息纯属谣言，请勿轻信。";
    sf_fixture fx;
    sf_init(&fx);
    sf_rumour(&fx, 10, 20, 0.01f, 0.06f);
    int a = sf_act(&fx, 40, SIM_ACT_REBUT, SP, "r_death", with);
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "accuracy.rebuttal"), 10, 1e-9);
    CHECK(sf_quoted(&fx, "accuracy.rebuttal", a, "无人死亡"));
    /* crossed 5% reach at 20 min, its fact verified at 30, rebutted 10 min later: within 30 */
    CHECK_NEAR(sf_points(&fx, "deadline.rebut"), 10, 1e-9);
    sf_free(&fx);

    sf_init(&fx);
    sf_rumour(&fx, 10, 20, 0.01f, 0.06f);
    sf_act(&fx, 75, SIM_ACT_REBUT, SP, "r_death", without);
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "accuracy.rebuttal"), 4, 1e-9);
    CHECK_NEAR(sf_points(&fx, "deadline.rebut"), 5, 1e-9);   /* 45 min after 30: 15 into 30 of decay */
    sf_act(&fx, 80, SIM_ACT_REBUT, SP, "r_death", with);
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "accuracy.rebuttal"), 7, 1e-9);
    sf_free(&fx);

    /* rumour spread but never rebutted: both lines 0 of 10; no rumour at all: neither applies */
    sf_init(&fx);
    sf_rumour(&fx, 10, 20, 0.01f, 0.06f);
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "deadline.rebut"), 0, 1e-9);
    CHECK_NEAR(sf_max(&fx, "deadline.rebut"), 10, 1e-9);
    CHECK_NEAR(sf_max(&fx, "accuracy.rebuttal"), 10, 1e-9);
    sf_free(&fx);
    sf_init(&fx);
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_max(&fx, "deadline.rebut"), 0, 1e-9);
    CHECK_NEAR(sf_max(&fx, "accuracy.rebuttal"), 0, 1e-9);
    sf_free(&fx);

    /* a rumour that never reaches 5%: its deadline never starts ... */
    sf_init(&fx);
    sf_rumour(&fx, 10, 300, 0.01f, 0.01f);
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_max(&fx, "deadline.rebut"), 0, 1e-9);
    /* ... unless it was rebutted before it could: that is on time */
    sf_act(&fx, 15, SIM_ACT_REBUT, SP, "r_death", with);
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "deadline.rebut"), 10, 1e-9);
    CHECK_NEAR(sf_max(&fx, "deadline.rebut"), 10, 1e-9);
    sf_free(&fx);
}

static void test_forbidden(void)
{
    sf_fixture fx;
    sf_init(&fx);
    int a = sf_act(&fx, 20, SIM_ACT_STATEMENT, SP, NULL, "对此无可奉告。动手的是临时工。");
    sf_act(&fx, 30, SIM_ACT_REPORT, MON, NULL, "有人说无可奉告");   /* internal: not public */
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "form.forbidden"), 2, 1e-9);
    CHECK(sf_quoted(&fx, "form.forbidden", a, "无可奉告") && sf_quoted(&fx, "form.forbidden", a, "临时工"));
    const score_line *l = sf_line(&fx, "form.forbidden");
    CHECK(l && l->n_ev == 2);
    CHECK(l && l->n_ev == 2 && l->ev[0].span.len == (int)strlen("无可奉告") &&
          strncmp(fx.log[a].text + l->ev[0].span.start, "无可奉告", strlen("无可奉告")) == 0);
    sf_free(&fx);

    sf_init(&fx);
    sf_act(&fx, 20, SIM_ACT_STATEMENT, SP, NULL, "我们正在调查，将持续通报。");
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "form.forbidden"), 6, 1e-9);
    sf_free(&fx);

    /* Words inside one another are one hit: "恶意造谣" holds "造谣". */
    static char *blame[] = {"造谣", "恶意造谣", "个别家属"};
    sf_init(&fx);
    fx.lex.words[SIM_LEX_BLAME].items = blame;
    fx.lex.words[SIM_LEX_BLAME].count = 3;
    sf_act(&fx, 20, SIM_ACT_STATEMENT, SP, NULL, "个别家属恶意造谣，调查组已成立。");
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "form.forbidden"), 2, 1e-9);
    l = sf_line(&fx, "form.forbidden");
    CHECK(l && l->n_ev == 2 && strstr(l->why, "2处禁用语"));
    sf_free(&fx);
}

static void test_three_part(void)
{
    sf_fixture fx;
    sf_init(&fx);
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_max(&fx, "form.three_part"), 0, 1e-9);   /* no replies and not required */
    sf_act(&fx, 20, SIM_ACT_REPLY, SP, "1", "感谢您的关注！我们已成立调查组，如有线索请拨打热线12345。");
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "form.three_part"), 6, 1e-9);
    sf_act(&fx, 25, SIM_ACT_REPLY, SP, "2", "我们已成立调查组。");
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "form.three_part"), 4, 1e-9);   /* (3/3 + 1/3) / 2 of 6 */
    const score_line *l = sf_line(&fx, "form.three_part");
    CHECK(l && strstr(l->why, "「致谢」1处") && strstr(l->why, "「联系方式」1处"));
    sf_free(&fx);
}

static void test_elements(void)
{
    sf_fixture fx;
    sf_init(&fx);
    sf_act(&fx, 20, SIM_ACT_STATEMENT, SP, NULL, "今天上午人民路发生一起纠纷，我们理解大家的关切。");
    int b = sf_act(&fx, 40, SIM_ACT_STATEMENT, SP, NULL, "调查组已进驻，将持续通报，联系电话12345。");
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "form.place"), 2, 1e-9);       /* any statement */
    CHECK_NEAR(sf_points(&fx, "form.contact"), 0, 1e-9);     /* only the first statement counts */
    CHECK_NEAR(sf_points(&fx, "form.empathy"), 2, 1e-9);     /* 1 of 2 statements */
    CHECK_NEAR(sf_points(&fx, "form.update"), 2, 1e-9);
    CHECK(sf_quoted(&fx, "form.update", b, "持续通报"));
    CHECK(sf_quoted(&fx, "form.place", 0, "人民路"));
    sf_free(&fx);

    /* the scenario's own place name counts as stating where */
    sf_init(&fx);
    sf_act(&fx, 20, SIM_ACT_STATEMENT, SP, NULL, "东湖公园附近发生一起纠纷。");
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "form.place"), 2, 1e-9);
    CHECK(sf_quoted(&fx, "form.place", 0, "东湖公园"));
    sf_free(&fx);

    sf_init(&fx);
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_max(&fx, "form.place"), 2, 1e-9);          /* required: no statement is 0 of 2 */
    CHECK_NEAR(sf_points(&fx, "form.place"), 0, 1e-9);
    sf_free(&fx);
}

/* The place check takes the tail of the scenario's place (its district left out) when it still has
 * four characters; a missed element says what it looked for, in zh and in en. */
static void test_element_expected(void)
{
    static const struct { const char *text; double points; } cases[] = {
        {"南城区城管执法队员在东门菜市场外劝离摊贩，调查组已成立。", 2},
        {"南城区东门菜市场发生一起纠纷。", 2},
        {"门菜市场发生一起纠纷。", 2},          /* still four characters of the name's tail */
        {"南城区发生一起纠纷，调查组已成立。", 0},  /* the district alone is not the place */
        {"菜市场发生一起纠纷。", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sf_fixture fx;
        sf_init(&fx);
        free(fx.scn.place.zh);
        fx.scn.place.zh = sf_dup("南城区东门菜市场");
        fx.scn.place.en = sf_dup("Dongmen Market");
        sf_act(&fx, 20, SIM_ACT_STATEMENT, SP, NULL, cases[i].text);
        CHECK(sf_grade(&fx, NULL) == 0);
        CHECK_MSG(fabs(sf_points(&fx, "form.place") - cases[i].points) < 1e-9, "%s", cases[i].text);
        const score_line *l = sf_line(&fx, "form.place");
        if (cases[i].points == 0) {
            CHECK_MSG(l && strstr(l->why, "唯一一份声明没有做到") && strstr(l->why, "要找的例如「南城区东门菜市场」或「人民路」"),
                      "%s", l ? l->why : "");
            CHECK_MSG(l && strstr(l->why_en, "It looked for, for example, “Dongmen Market” or “人民路”"), "%s",
                      l ? l->why_en : "");
        } else {
            CHECK(l && !strstr(l->why, "要找的"));
        }
        sf_free(&fx);
    }
    /* A lexicon element names a word of its list; a phrase element its phrases. */
    sf_fixture fx;
    sf_init(&fx);
    sf_act(&fx, 20, SIM_ACT_STATEMENT, SP, NULL, "人民路发生一起纠纷，调查组已成立。");
    CHECK(sf_grade(&fx, NULL) == 0);
    const score_line *l = sf_line(&fx, "form.contact");
    CHECK(l && strstr(l->why, "要找的例如「热线」。"));
    l = sf_line(&fx, "form.update");
    CHECK(l && strstr(l->why, "要找的例如「持续通报」。") && strstr(l->why_en, "“持续通报”"));
    sf_free(&fx);
}

/* The fixture plan with a flood line: at most 6 statements, replies or rebuttals an hour. */
static void sf_flood_plan(sf_fixture *fx)
{
    const char *at = strstr(sf_plan_json, "\"per_hit\": 2, \"points\": 6}");
    const char *add = ",\n  \"flood\": {\"title\": \"不刷屏\", \"per_hour\": 6, \"per\": 1, \"points\": 4}";
    size_t head = at ? (size_t)(at - sf_plan_json) + strlen("\"per_hit\": 2, \"points\": 6}") : 0;
    char *json = malloc(strlen(sf_plan_json) + strlen(add) + 1);
    CHECK(at && json);
    if (!at || !json) {
        free(json);
        return;
    }
    memcpy(json, sf_plan_json, head);
    strcpy(json + head, add);
    strcat(json, sf_plan_json + head);
    char err[512] = "";
    score_plan_free(fx->plan);
    fx->plan = NULL;
    CHECK_MSG(score_plan_parse(json, "flood.json", &fx->plan, err, sizeof err) == 0, "%s", err);
    free(json);
}

/* A public text identical to an earlier one (punctuation aside) earns nothing: it is judged but never
 * found to carry an element, and clean words in it earn nothing; the flood line names the copies. */
static void test_duplicates(void)
{
    sf_fixture fx;
    sf_init(&fx);
    sf_flood_plan(&fx);
    sf_act(&fx, 20, SIM_ACT_STATEMENT, SP, NULL, "我们理解大家的关切，调查组已成立。");
    sf_act(&fx, 25, SIM_ACT_STATEMENT, SP, NULL, "我们理解大家的关切！调查组已成立！");
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "form.empathy"), 2, 1e-9);     /* 1 of 2 statements */
    CHECK_NEAR(sf_points(&fx, "form.forbidden"), 3, 1e-9);   /* clean, but only half the texts count */
    CHECK_NEAR(sf_points(&fx, "form.flood"), 2, 1e-9);
    const score_line *l = sf_line(&fx, "form.flood");
    CHECK(l && strstr(l->why, "有1份公开文本与此前发布的文本完全相同") && strstr(l->why_en, "1 public texts repeated"));
    sf_free(&fx);

    /* An internal report may repeat a statement; a reply differing by one word is no copy. */
    sf_init(&fx);
    sf_flood_plan(&fx);
    sf_act(&fx, 20, SIM_ACT_STATEMENT, SP, NULL, "我们理解大家的关切，调查组已成立。");
    sf_act(&fx, 22, SIM_ACT_REPORT, MON, NULL, "我们理解大家的关切，调查组已成立。");
    sf_act(&fx, 25, SIM_ACT_STATEMENT, SP, NULL, "我们理解大家的关切，调查组已成立，热线12345。");
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "form.empathy"), 4, 1e-9);
    CHECK_NEAR(sf_points(&fx, "deadline.report"), 4, 1e-9);      /* 22 min: 12 of 20 min of grace gone */
    CHECK_NEAR(sf_points(&fx, "process.step.report"), 3, 1e-9);  /* the report itself stands */
    CHECK_NEAR(sf_points(&fx, "form.flood"), 4, 1e-9);
    sf_free(&fx);
}

/* form.flood: statements, replies and rebuttals beyond 6 in any hour cost 1 each, down to -max; a press
 * conference's answers are not counted. */
static void test_flood(void)
{
    static const char *texts[] = {"通报A：调查组已成立。", "通报B：调查组已成立。", "通报C：调查组已成立。",
                                  "通报D：调查组已成立。", "通报E：调查组已成立。", "通报F：调查组已成立。",
                                  "通报G：调查组已成立。", "通报H：调查组已成立。"};
    sf_fixture fx;
    sf_init(&fx);
    sf_flood_plan(&fx);
    for (int i = 0; i < 8; i++)
        sf_act(&fx, 10 + 5 * i, SIM_ACT_STATEMENT, SP, NULL, texts[i]);
    sf_act(&fx, 60, SIM_ACT_PRESS, SP, NULL, "新闻发布会");
    for (int i = 0; i < 6; i++)
        sf_act(&fx, 61 + i, SIM_ACT_ANSWER, SP, "q1", texts[i]);
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "form.flood"), 4 - (1 + 2), 1e-9);   /* the second past the limit costs 2 */
    const score_line *l = sf_line(&fx, "form.flood");
    CHECK(l && l->n_ev == 2 && l->ev[0].t == MIN(40) && l->ev[1].t == MIN(45));
    CHECK(l && strstr(l->why, "共8次声明、回复或辟谣，其中2次超出每小时6次的上限（一小时内最多8次）；超出的第1次扣1分，此后每次比前一次多扣1分，合计扣3分"));
    CHECK(l && strstr(l->why_en, "2 of them beyond the limit of 6 an hour (at most 8 in one hour)"));
    CHECK(l && strstr(l->why, "有6份公开文本与此前发布的文本完全相同"));   /* answers read out the statements */
    sf_free(&fx);

    /* Spread over hours, the same eight are no flood; twenty in one hour (14 past the limit: 1 + 2 + … + 14
     * = 105 off, from 4 × 8 sound texts of 20) take the line far below -max: a flood has no floor. */
    sf_init(&fx);
    sf_flood_plan(&fx);
    for (int i = 0; i < 8; i++)
        sf_act(&fx, 10 + 25 * i, SIM_ACT_STATEMENT, SP, NULL, texts[i]);
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "form.flood"), 4, 1e-9);
    CHECK(strstr(sf_line(&fx, "form.flood")->why, "任何一小时内都没有超过6次"));
    sf_free(&fx);

    sf_init(&fx);
    sf_flood_plan(&fx);
    for (int i = 0; i < 20; i++)
        sf_act(&fx, 10 + i, SIM_ACT_REPLY, SP, "1", texts[i % 8]);
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "form.flood"), 4 * 8.0 / 20 - 105, 1e-9);
    sf_free(&fx);

    sf_init(&fx);
    sf_flood_plan(&fx);
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_max(&fx, "form.flood"), 0, 1e-9);   /* nothing said: does not apply */
    sf_free(&fx);
}

/* An assessment below the warning level the world already shows does not stand for the step; one at
 * or above it (a forecast) does, and a later assessment at the right level is credited from its time. */
static void test_step_assess_level(void)
{
    static const struct {
        int world, first, second; /* world level from minute 10; levels assessed at 20 and 40 min (-2: none) */
        double points;
        const char *why_en;
    } rows[] = {
        {1, 0, -2, 0, "set the warning level at blue while monitoring already showed yellow"},
        {2, 1, -2, 0, "set the warning level at yellow while monitoring already showed orange"},
        {1, 1, -2, 3, "first taken 20 min after the incident"},
        {1, 2, -2, 3, "first taken 20 min after the incident"},
        {0, 0, -2, 3, "first taken 20 min after the incident"},
        {2, 0, 2, 3, "first taken 40 min after the incident"},
        {3, 1, 2, 0, "at yellow while monitoring already showed red"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        sf_fixture fx;
        sf_init(&fx);
        sf_event(&fx, 10, SIM_EV_LEVEL, -1);
        fx.events[fx.w.n_events - 1].value = rows[i].world;
        sf_act(&fx, 5, SIM_ACT_REPORT, MON, NULL, "发现视频，转发量上升");
        fx.log[sf_act(&fx, 20, SIM_ACT_ASSESS, MON, NULL, "研判：事态发展较快")].level = rows[i].first;
        if (rows[i].second != -2)
            fx.log[sf_act(&fx, 40, SIM_ACT_ASSESS, MON, NULL, "再次研判：事态升级")].level = rows[i].second;
        CHECK(sf_grade(&fx, NULL) == 0);
        const score_line *l = sf_line(&fx, "process.step.assess");
        CHECK_MSG(l && fabs(l->points - rows[i].points) < 1e-9, "row %zu: %g", i, l ? l->points : -1.0);
        CHECK_MSG(l && strstr(l->why_en, rows[i].why_en), "row %zu: %s", i, l ? l->why_en : "no line");
        sf_free(&fx);
    }
}

static void test_steps(void)
{
    sf_fixture fx;
    sf_init(&fx);
    sf_act(&fx, 5, SIM_ACT_REPORT, MON, NULL, "发现视频");
    sf_act(&fx, 10, SIM_ACT_ASSESS, MON, NULL, "研判：按橙色预警处置");
    sf_act(&fx, 15, SIM_ACT_STRATEGY, CMD, NULL, "一小时内发布情况通报");
    sf_act(&fx, 20, SIM_ACT_STATEMENT, SP, NULL, "情况通报：人民路发生冲突");
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "process.order"), 6, 1e-9);
    CHECK_NEAR(sf_points(&fx, "process.step.report"), 3, 1e-9);
    CHECK_NEAR(sf_points(&fx, "process.step.strategy"), 2, 1e-9);
    sf_free(&fx);

    sf_init(&fx);
    sf_act(&fx, 5, SIM_ACT_STATEMENT, SP, NULL, "情况通报：人民路发生冲突");
    sf_act(&fx, 10, SIM_ACT_STRATEGY, CMD, NULL, "策略：先发通报再开发布会");
    sf_act(&fx, 15, SIM_ACT_ASSESS, MON, NULL, "研判：按橙色预警处置");
    sf_act(&fx, 20, SIM_ACT_REPORT, SP, NULL, "报告：网上出现冲突视频");
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "process.order"), 0, 1e-9);
    const score_line *l = sf_line(&fx, "process.order");
    CHECK(l && l->n_ev == 3);
    CHECK_NEAR(sf_points(&fx, "process.step.report"), 2, 1e-9);   /* taken by the spokesperson */
    sf_free(&fx);

    /* strategy before assessment: one of three adjacent pairs out of order */
    sf_init(&fx);
    sf_act(&fx, 5, SIM_ACT_REPORT, MON, NULL, "报告：网上出现冲突视频");
    sf_act(&fx, 10, SIM_ACT_STRATEGY, CMD, NULL, "策略：先发通报再开发布会");
    sf_act(&fx, 15, SIM_ACT_ASSESS, MON, NULL, "研判：按橙色预警处置");
    sf_act(&fx, 20, SIM_ACT_STATEMENT, SP, NULL, "情况通报：人民路发生冲突");
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "process.order"), 4, 1e-9);
    sf_free(&fx);
}

static void test_outcome(void)
{
    sf_fixture fx, base;
    sf_init(&fx);
    sf_init(&base);
    base.w.m.peak_posts_per_hour = 1000;
    base.w.m.trust = 50;
    fx.w.m.peak_posts_per_hour = 800;   /* 20% lower; 50% earns full points */
    fx.w.m.trust = 60;                  /* 10 of 50 possible = 20%; 50% earns full */
    CHECK(sf_grade(&fx, &base.w) == 0);
    CHECK_NEAR(sf_points(&fx, "outcome.peak"), 4, 1e-9);
    CHECK_NEAR(sf_points(&fx, "outcome.trust"), 4, 1e-9);
    fx.w.m.peak_posts_per_hour = 1200;  /* worse than doing nothing: -20% of the room, -0.4 of the points */
    CHECK(sf_grade(&fx, &base.w) == 0);
    CHECK_NEAR(sf_points(&fx, "outcome.peak"), -4, 1e-9);
    fx.w.m.peak_posts_per_hour = 5000;  /* far worse: at most -max */
    CHECK(sf_grade(&fx, &base.w) == 0);
    CHECK_NEAR(sf_points(&fx, "outcome.peak"), -10, 1e-9);
    /* without a baseline: trust against the starting trust, heat not judged */
    fx.w.m.trust = fx.scn.params.trust0 + 20;
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_max(&fx, "outcome.peak"), 0, 1e-9);
    double room = 100 - fx.scn.params.trust0;
    double want = 10 * fmin(1.0, 20 / room / 0.5);
    CHECK_NEAR(sf_points(&fx, "outcome.trust"), want, 0.006);
    sf_free(&fx);
    sf_free(&base);
}

/* The fixture's plan with one piece of text replaced (each must occur), parsed in place of its own. */
/* A step with `by` keeps the share of its credit that deadline keeps: a report 3 hours late is not
 * "identify and report"; the explanation names the deadline. */
static void test_step_by(void)
{
    static const struct { double at, want; } cases[] = {{5, 3}, {10, 3}, {20, 1.5}, {30, 0}, {200, 0}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sf_fixture fx;
        sf_init(&fx);
        sf_swap_plan(&fx, "{\"id\": \"report\", \"title\": \"报告\", \"actions\"",
                  "{\"id\": \"report\", \"by\": \"report\", \"title\": \"报告\", \"actions\"", NULL, NULL);
        sf_act(&fx, cases[i].at, SIM_ACT_REPORT, MON, NULL, "报告：网上出现冲突视频");
        CHECK(sf_grade(&fx, NULL) == 0);
        CHECK_MSG(fabs(sf_points(&fx, "process.step.report") - cases[i].want) < 1e-9, "report at %.0f min: %.2f, want %.2f",
                  cases[i].at, sf_points(&fx, "process.step.report"), cases[i].want);
        const score_line *l = sf_line(&fx, "process.step.report");
        int told = l && strstr(l->why_en, "came too late") && strstr(l->why, "时限");
        CHECK_MSG(told == (cases[i].want < 3), "report at %.0f min: %s", cases[i].at, l ? l->why_en : "(no line)");
        sf_free(&fx);
    }
    sf_fixture fx;
    sf_init(&fx);
    char err[512] = "";
    score_plan *bad = NULL;
    char json[16384];
    snprintf(json, sizeof json, "%s", sf_plan_json);
    char *at = strstr(json, "\"role\": \"monitor\"");
    CHECK(at != NULL);
    if (at) {
        char rest[16384];
        snprintf(rest, sizeof rest, "%s", at);
        snprintf(at, sizeof json - (size_t)(at - json), "\"by\": \"nope\", %s", rest);
        CHECK(score_plan_parse(json, "test.json", &bad, err, sizeof err) == -1 && !bad);
        CHECK_MSG(strstr(err, "by: names no deadline of this plan (\"nope\")") != NULL, "%s", err);
    }
    sf_free(&fx);
}

/* Promptness: half the accuracy lines' credit follows how soon after verification the verified facts
 * were published (fact f_alive is verified at minute 30; 10 minutes, then 20 of grace), so a true fact
 * said late keeps half and is never worth less than saying nothing verified. Only f_alive is verified
 * here, except in the last case: f_injured, verified at minute 60, asked for by a reporter and never
 * published, counts as published at the end of the drill, so leaving asked-for facts unsaid is never
 * prompt. */
static void test_promptness(void)
{
    static const struct { double at, want; int injured_verified; } cases[] = {
        {35, 10, 0}, {40, 10, 0}, {50, 7.5, 0}, {70, 5, 0}, {35, 7.5, 1}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sf_fixture fx;
        sf_init(&fx);
        for (int f = 0; f < fx.scn.n_facts; f++)
            if (f != F_ALIVE && !(f == F_INJURED && cases[i].injured_verified))
                fx.scn.facts[f].verified_at = SIM_NEVER;
        sf_swap_plan(&fx, "\"accuracy\": {", "\"accuracy\": {\"promptness\": {\"minutes\": 10, \"grace\": 20}, ", NULL, NULL);
        if (cases[i].injured_verified)
            sf_question(&fx, "q_hurt", "有多少人受伤？", "到底多少人？", "f_injured", NULL, NULL, NULL, -1);
        sf_act(&fx, cases[i].at, SIM_ACT_STATEMENT, SP, NULL, "情况通报：经医院确认，无人死亡。");
        CHECK(sf_grade(&fx, NULL) == 0);
        double got = sf_points(&fx, "accuracy.unverified");
        CHECK_MSG(fabs(got - cases[i].want) < 1e-6, "statement at %.0f min: %.2f, want %.2f", cases[i].at, got, cases[i].want);
        const score_line *l = sf_line(&fx, "accuracy.unverified");
        int told = l && strstr(l->why_en, "not published promptly") && strstr(l->why, "及时");
        CHECK_MSG(told == (cases[i].want < 10), "statement at %.0f min: %s", cases[i].at, l ? l->why_en : "(no line)");
        sf_free(&fx);
    }
}

/* The rebuttal clock runs from the later of the rumour's spread (5% at minute 20) and its rebutting
 * fact's verification (f_alive, minute 30); a holding statement ("正在核实，请勿传播") within the
 * deadline keeps the plan's `holding` share (0.4 of 10) when the rebuttal itself earns less. */
static void test_rebuttal_clock(void)
{
    const char *hold = "网传有人死亡，相关情况正在核实，请勿传播。";
    const char *rebut = "网传有人死亡的消息不实，经医院确认无人死亡。";
    static const struct {
        const char *name;
        double hold_at, rebut_at;   /* < 0: not said */
        const char *hold_text;
        double want;
    } cases[] = {
        {"silent", -1, -1, NULL, 0},
        {"holds without naming the rumour", 25, -1, "相关情况正在核实，请勿传播。", 0},
        {"holds only after the deadline ran out", 95, -1, NULL, 0},
        {"rebuts late", -1, 85, NULL, 10.0 * 5 / 30},
        {"holds, then rebuts late", 25, 85, NULL, 4},
        {"holds, never rebuts", 25, -1, NULL, 4},
        {"rebuts 25 min after the fact is verified", -1, 55, NULL, 10},
        {"holds, then rebuts promptly", 25, 45, NULL, 10},
    };
    double last = -1;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sf_fixture fx;
        sf_init(&fx);
        sf_swap_plan(&fx, "\"reach\": 0.05,", "\"reach\": 0.05, \"holding\": 0.4,", NULL, NULL);
        sf_rumour(&fx, 10, 20, 0.01f, 0.06f);
        if (cases[i].hold_at >= 0)
            sf_act(&fx, cases[i].hold_at, SIM_ACT_STATEMENT, SP, NULL, cases[i].hold_text ? cases[i].hold_text : hold);
        if (cases[i].rebut_at >= 0)
            sf_act(&fx, cases[i].rebut_at, SIM_ACT_REBUT, SP, "r_death", rebut);
        CHECK(sf_grade(&fx, NULL) == 0);
        double got = sf_points(&fx, "deadline.rebut");
        CHECK_MSG(fabs(got - cases[i].want) < 0.01, "%s: %.2f, want %.2f", cases[i].name, got, cases[i].want);
        CHECK_MSG(got >= last - 1e-9, "%s: %.2f below the previous case's %.2f", cases[i].name, got, last);
        last = got;
        const score_line *l = sf_line(&fx, "deadline.rebut");
        CHECK_MSG(l && strstr(l->why, "20分钟") && strstr(l->why, "30分钟才核实，计时从30分钟起") &&
                      strstr(l->why_en, "only verified at 30 min, so the clock runs from 30 min"),
                  "%s: %s", cases[i].name, l ? l->why : "(no line)");
        int held = cases[i].want == 4;
        CHECK_MSG(l && !!strstr(l->why, "正在核实、请勿传播") == held && !!strstr(l->why_en, "holding statement") == held,
                  "%s: %s", cases[i].name, l ? l->why_en : "(no line)");
        sf_free(&fx);
    }
    /* the rebutting fact never verified: the clock never starts, and the line says why */
    sf_fixture fx;
    sf_init(&fx);
    fx.scn.facts[F_ALIVE].verified_at = SIM_NEVER;
    sf_rumour(&fx, 10, 20, 0.01f, 0.06f);
    CHECK(sf_grade(&fx, NULL) == 0);
    const score_line *l = sf_line(&fx, "deadline.rebut");
    CHECK(l && l->max == 0 && strstr(l->why, "始终未核实") && strstr(l->why_en, "never verified"));
    sf_free(&fx);
}

/* Self-correction: "5人受伤" said at minute 20; the truth (3) is verified at 60; a correction within 30
 * minutes that says the earlier words were wrong earns all, a silent or a late one half, both a
 * quarter; "更正" over the same wrong figure corrects nothing. */
static void test_correction(void)
{
    const char *wrong = "初步了解，5人受伤。";
    const char *explicit_ = "更正：此前通报5人受伤有误，经医院核实为3人受伤，对此我们深表歉意。";
    static const struct {
        const char *name;
        double at;        /* < 0: no correction */
        int explicit_;    /* the text: 0 silent, 1 explicit, 2 the wrong figure again under 更正 */
        double want;
    } cases[] = {
        {"never corrects", -1, 0, 0},
        {"'corrects' by repeating the wrong figure", 70, 2, 0},
        {"corrects silently and late", 120, 0, 2.5},
        {"corrects silently", 70, 0, 5},
        {"corrects explicitly but late", 120, 1, 5},
        {"corrects explicitly and apologises", 70, 1, 10},
    };
    static const char *const texts[3] = {"经医院核实，3人受伤。", NULL, "更正：5人受伤。"};
    double last = -1;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sf_fixture fx;
        sf_init(&fx);
        sf_swap_plan(&fx, "\"accuracy\": {",
                  "\"accuracy\": {\"correction\": {\"title\": \"主动更正\", \"points\": 10, \"minutes\": 30, \"partial\": 0.5}, ",
                  NULL, NULL);
        sf_act(&fx, 20, SIM_ACT_STATEMENT, SP, NULL, wrong);
        if (cases[i].at >= 0)
            sf_act(&fx, cases[i].at, SIM_ACT_STATEMENT, SP, NULL, cases[i].explicit_ == 1 ? explicit_ : texts[cases[i].explicit_]);
        CHECK(sf_grade(&fx, NULL) == 0);
        double got = sf_points(&fx, "accuracy.correction");
        CHECK_MSG(fabs(got - cases[i].want) < 0.01, "%s: %.2f, want %.2f", cases[i].name, got, cases[i].want);
        CHECK_MSG(got >= last - 1e-9, "%s: %.2f below the previous case's %.2f", cases[i].name, got, last);
        last = got;
        const score_line *l = sf_line(&fx, "accuracy.correction");
        CHECK_MSG(l && l->max == 10 && strstr(l->why, "20分钟") && strstr(l->why, "5人受伤") && strstr(l->why, "60分钟") &&
                      strstr(l->why_en, "at 20 min") && strstr(l->why_en, "verified at 60 min"),
                  "%s: %s", cases[i].name, l ? l->why : "(no line)");
        int fixed = cases[i].want > 0;
        CHECK_MSG(l && (strstr(l->why, "始终没有更正") == NULL) == fixed && (strstr(l->why_en, "never corrected") == NULL) == fixed,
                  "%s: %s", cases[i].name, l ? l->why_en : "(no line)");
        int silent = fixed && !cases[i].explicit_, late = cases[i].at > 90;
        CHECK_MSG(l && !!strstr(l->why, "悄悄更正") == silent && !!strstr(l->why_en, "silent correction") == silent &&
                      !!strstr(l->why, "超出了真相核实后30分钟的时限") == late && !!strstr(l->why_en, "after the 30-min limit") == late,
                  "%s: %s", cases[i].name, l ? l->why_en : "(no line)");
        CHECK_MSG(l && !!strstr(l->why, "得满分") == (cases[i].want == 10) && !!strstr(l->why_en, "full credit") == (cases[i].want == 10),
                  "%s: %s", cases[i].name, l ? l->why : "(no line)");
        sf_free(&fx);
    }
    /* a rumour confirmed at minute 15, its rebutting fact verified at 30: rebutted explicitly at 40 */
    static const struct { const char *text; double want; } rumour[] = {
        {NULL, 0}, {"更正：经医院确认，无人死亡，此前通报有误。", 10}};
    for (int k = 0; k < 2; k++) {
        sf_fixture fx;
        sf_init(&fx);
        sf_swap_plan(&fx, "\"accuracy\": {",
                  "\"accuracy\": {\"correction\": {\"title\": \"主动更正\", \"points\": 10, \"minutes\": 30, \"partial\": 0.5}, ",
                  NULL, NULL);
        sf_rumour(&fx, 10, 20, 0.01f, 0.06f);
        sf_act(&fx, 15, SIM_ACT_STATEMENT, SP, NULL, "有人被打死属实。");
        if (rumour[k].text)
            sf_act(&fx, 40, SIM_ACT_STATEMENT, SP, NULL, rumour[k].text);
        CHECK(sf_grade(&fx, NULL) == 0);
        const score_line *l = sf_line(&fx, "accuracy.correction");
        CHECK_MSG(l && fabs(l->points - rumour[k].want) < 0.01 && l->max == 10 && strstr(l->why, "有人被打死") &&
                      strstr(l->why, "30分钟"),
                  "rumour %d: %s", k, l ? l->why : "(no line)");
        sf_free(&fx);
    }
    /* nothing said wrong: the line does not apply */
    sf_fixture fx;
    sf_init(&fx);
    sf_swap_plan(&fx, "\"accuracy\": {",
              "\"accuracy\": {\"correction\": {\"title\": \"主动更正\", \"points\": 10, \"minutes\": 30, \"partial\": 0.5}, ",
              NULL, NULL);
    sf_act(&fx, 70, SIM_ACT_STATEMENT, SP, NULL, "经医院核实，3人受伤。");
    CHECK(sf_grade(&fx, NULL) == 0);
    const score_line *l = sf_line(&fx, "accuracy.correction");
    CHECK(l && l->max == 0 && strstr(l->why, "没有需要更正") && strstr(l->why_en, "anything that needed correcting"));
    sf_free(&fx);
}

/* Trust sampled every minute of a 4-hour drill: `before` until minute `from`, then `after`. */
static void trust_curve(sf_fixture *fx, int from, float before, float after)
{
    fx->w.n_samples = 0;
    for (int m = 0; m <= 240; m++) {
        sim_sample *s = &fx->samples[fx->w.n_samples++];
        memset(s, 0, sizeof *s);
        s->t = MIN(m);
        s->trust = m < from ? before : after;
    }
    fx->w.samples = fx->samples;
    fx->w.m.trust = after;
}

/* Outcomes over time: the same end value earns little when it came in the last minutes, and the
 * line follows the area between the trainee's curve and the baseline's. */
static void test_outcome_over_time(void)
{
    sf_fixture fx, base;
    sf_init(&fx);
    sf_init(&base);
    trust_curve(&base, 0, 50, 50);
    trust_curve(&fx, 235, 50, 90);     /* everything bought in the last 5 minutes */
    CHECK(sf_grade(&fx, &base.w) == 0);
    double late = sf_points(&fx, "outcome.trust_time");
    CHECK_NEAR(sf_points(&fx, "outcome.trust"), 10, 1e-9);   /* the end value alone is fooled */
    CHECK_MSG(late < 0.5, "last-minute trust earned %.2f of 10 over time", late);
    trust_curve(&fx, 30, 50, 60);      /* +10 from minute 30: (210/241 x 10) / 50 of room / 0.5 */
    CHECK(sf_grade(&fx, &base.w) == 0);
    double early = sf_points(&fx, "outcome.trust_time");
    CHECK_NEAR(early, 10 * (10.0 * 211 / 241) / 50 / 0.5, 0.01);
    CHECK(early > late);
    CHECK_NEAR(sf_points(&fx, "outcome.trust"), 4, 1e-9);
    const score_line *l = sf_line(&fx, "outcome.trust_time");
    CHECK(l && strstr(l->why_en, "over the drill") && strstr(l->why, "全程"));
    sf_free(&fx);
    sf_free(&base);
}

int main(void)
{
    test_deadline_decay();
    test_deadline_limits();
    test_unverified();
    test_authoritative();
    test_wrong_number();
    test_contradiction();
    test_rebuttal();
    test_rebuttal_clock();
    test_forbidden();
    test_three_part();
    test_elements();
    test_element_expected();
    test_duplicates();
    test_flood();
    test_steps();
    test_step_assess_level();
    test_outcome();
    test_outcome_over_time();
    test_step_by();
    test_promptness();
    test_correction();
    return CHECK_DONE();
}
