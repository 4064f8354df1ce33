/* test_score_rules.c — each rubric rule on hand-built worlds: deadline decay, facts stated before
 * verification, wrong numbers, contradictions, rebuttals, forbidden phrases, three-part replies,
 * statement elements, step order and roles, and outcomes against a baseline. */
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
    CHECK_NEAR(sf_points(&fx, "accuracy.wrong"), 5, 1e-9);
    CHECK_NEAR(sf_points(&fx, "accuracy.unverified"), 10, 1e-9);
    CHECK(sf_quoted(&fx, "accuracy.wrong", a, "5"));
    const score_line *l = sf_line(&fx, "accuracy.wrong");
    CHECK(l && strstr(l->why, "写成了5人") && strstr(l->why, "应为3人"));
    sf_free(&fx);
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
    /* crossed 5% reach at 20 min, rebutted 20 min later: within 30 */
    CHECK_NEAR(sf_points(&fx, "deadline.rebut"), 10, 1e-9);
    sf_free(&fx);

    sf_init(&fx);
    sf_rumour(&fx, 10, 20, 0.01f, 0.06f);
    sf_act(&fx, 65, SIM_ACT_REBUT, SP, "r_death", without);
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "accuracy.rebuttal"), 4, 1e-9);
    CHECK_NEAR(sf_points(&fx, "deadline.rebut"), 5, 1e-9);   /* 45 min: 15 into 30 of decay */
    sf_act(&fx, 70, SIM_ACT_REBUT, SP, "r_death", with);
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
    fx.w.m.peak_posts_per_hour = 1200;  /* worse than doing nothing */
    CHECK(sf_grade(&fx, &base.w) == 0);
    CHECK_NEAR(sf_points(&fx, "outcome.peak"), 0, 1e-9);
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

int main(void)
{
    test_deadline_decay();
    test_unverified();
    test_authoritative();
    test_wrong_number();
    test_contradiction();
    test_rebuttal();
    test_forbidden();
    test_three_part();
    test_elements();
    test_steps();
    test_outcome();
    return CHECK_DONE();
}
