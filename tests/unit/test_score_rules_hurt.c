/* test_score_rules_hurt.c — a false claim that wrongs someone (a claim with `hurts`): asserting it
 * weighs the plan's `false.hurt` statements, correcting it earns full credit only with an apology, and
 * the correction's quotation of the blame it retracts is neither a forbidden word nor a flood. */
#include <math.h>

#include "score/score.h"
#include "test_score_fixture.h"

#define SP SIM_ROLE_SPOKESPERSON

static const char *const blame = "初步了解，摊贩先动手袭击执法队员。";
static const char *const correction_plan =
    "\"accuracy\": {\"correction\": {\"title\": \"主动更正\", \"points\": 10, \"minutes\": 30, \"partial\": 0.5}, ";

/* The fixture's scenario with one declared false claim; `whom` NULL: it wrongs nobody. */
static void with_claim(sf_fixture *fx, const char *whom)
{
    sim_claim_def *c = sf_claim(fx, "c_vendor_attack", "摊贩先动手袭击执法队员", NULL);
    CHECK(c != NULL);
    if (!c)
        return;
    sf_list(&c->synonyms, "先动手", "袭击执法队员");
    if (whom) {
        c->hurts.zh = sf_dup(whom);
        c->hurts.en = sf_dup("the vendor who was beaten");
    }
}

/* accuracy.false: the same blaming sentence costs `per` when the claim wrongs nobody, `hurt` × `per`
 * when it wrongs the vendor; the plan's default weight is 1. */
static void test_false_weight(void)
{
    static const struct {
        const char *name;
        const char *whom;
        const char *hurt;   /* the plan's "hurt" field, or NULL */
        double want;        /* of 10, share of true statements 0 */
    } cases[] = {
        {"wrongs nobody", NULL, "2", -5},
        {"wrongs the vendor, plan without hurt", "被打的摊贩", NULL, -5},
        {"wrongs the vendor, hurt 2", "被打的摊贩", "2", -10},
        {"wrongs the vendor, hurt 3", "被打的摊贩", "3", -15},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sf_fixture fx;
        sf_init(&fx);
        char to[128];
        snprintf(to, sizeof to, "\"false\": {\"title\": \"不说假话\", \"points\": 10, \"per\": 5%s%s}",
                 cases[i].hurt ? ", \"hurt\": " : "", cases[i].hurt ? cases[i].hurt : "");
        sf_swap_plan(&fx, "\"false\": {\"title\": \"不说假话\", \"points\": 10, \"per\": 5}", to, NULL, NULL);
        with_claim(&fx, cases[i].whom);
        sf_act(&fx, 20, SIM_ACT_STATEMENT, SP, NULL, blame);
        CHECK(sf_grade(&fx, NULL) == 0);
        double got = sf_points(&fx, "accuracy.false");
        CHECK_MSG(fabs(got - cases[i].want) < 0.01, "%s: %.2f, want %.2f", cases[i].name, got, cases[i].want);
        const score_line *l = sf_line(&fx, "accuracy.false");
        int named = cases[i].whom && cases[i].hurt;
        CHECK_MSG(l && !!strstr(l->why, "冤枉了被打的摊贩") == named &&
                      !!strstr(l->why_en, "wronged the vendor who was beaten") == named &&
                      !!strstr(l->why, "加重计算") == named && !!strstr(l->why_en, "weigh more") == named,
                  "%s: %s / %s", cases[i].name, l ? l->why : "(no line)", l ? l->why_en : "");
        sf_free(&fx);
    }
}

/* accuracy.correction after blaming the vendor: never, by repeating, explicitly without apology,
 * apologising without saying the earlier words were wrong, both; each no better than the next. */
static void test_correction_apology(void)
{
    static const struct {
        const char *name;
        const char *fix;    /* NULL: never corrected */
        double want;
        int no_apology;     /* the explanation says no apology was made */
    } cases[] = {
        {"never corrects", NULL, 0, 0},
        {"corrects without a word of apology", "更正：此前通报有误，摊贩并未先动手。", 5, 1},
        {"apologises but corrects silently", "经查，摊贩并未先动手，我们向摊贩道歉。", 5, 0},
        {"corrects explicitly and apologises", "更正：此前通报有误，摊贩并未先动手，我们向摊贩道歉。", 10, 0},
    };
    double last = -1;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sf_fixture fx;
        sf_init(&fx);
        sf_swap_plan(&fx, "\"accuracy\": {", correction_plan, NULL, NULL);
        with_claim(&fx, "被打的摊贩");
        sf_act(&fx, 20, SIM_ACT_STATEMENT, SP, NULL, blame);
        if (cases[i].fix)
            sf_act(&fx, 40, SIM_ACT_STATEMENT, SP, NULL, cases[i].fix);
        CHECK(sf_grade(&fx, NULL) == 0);
        double got = sf_points(&fx, "accuracy.correction");
        CHECK_MSG(fabs(got - cases[i].want) < 0.01, "%s: %.2f, want %.2f", cases[i].name, got, cases[i].want);
        CHECK_MSG(got >= last - 1e-9, "%s: %.2f below the previous case's %.2f", cases[i].name, got, last);
        last = got;
        const score_line *l = sf_line(&fx, "accuracy.correction");
        CHECK_MSG(l && !!strstr(l->why, "更正却没有向他们道歉") == cases[i].no_apology &&
                      !!strstr(l->why_en, "offered them no apology") == cases[i].no_apology,
                  "%s: %s / %s", cases[i].name, l ? l->why : "(no line)", l ? l->why_en : "");
        CHECK_MSG(l && !!strstr(l->why, "得满分") == (cases[i].want == 10), "%s: %s", cases[i].name, l ? l->why : "");
        sf_free(&fx);
    }
    /* the same claim wronging nobody: an unapologetic explicit correction earns all */
    sf_fixture fx;
    sf_init(&fx);
    sf_swap_plan(&fx, "\"accuracy\": {", correction_plan, NULL, NULL);
    with_claim(&fx, NULL);
    sf_act(&fx, 20, SIM_ACT_STATEMENT, SP, NULL, blame);
    sf_act(&fx, 40, SIM_ACT_STATEMENT, SP, NULL, "更正：此前通报有误，摊贩并未先动手。");
    CHECK(sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_points(&fx, "accuracy.correction"), 10, 0.01);
    sf_free(&fx);
}

/* The words a text quotes to deny them are not its own: the reading leaves them out of the style lists
 * (the world's blame) and the forbidden line does not count them; said in its own voice, they count. */
static void test_retracted_words(void)
{
    static const struct {
        const char *text;
        int blame;          /* the reading's blame hits */
        int retracted;      /* the reading marks a span as retracted */
    } cases[] = {
        {"初步了解，是临时工先动手袭击执法队员。", 1, 0},
        {"更正：此前通报中“临时工先动手袭击执法队员”的说法不实。", 0, 1},
        {"更正：此前通报有误，并非临时工先动手袭击执法队员。", 1, 1},
        {"更正：此前“先动手袭击执法队员”的说法不实，临时工要负责。", 1, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sf_fixture fx;
        sf_init(&fx);
        with_claim(&fx, "被打的摊贩");
        sim_reading rd;
        sim_truth truth = {NULL, MIN(30)};
        CHECK(sim_read(cases[i].text, &fx.scn, &fx.lex, &truth, &rd) == 0);
        CHECK_MSG(rd.lex_hits[SIM_LEX_BLAME] == cases[i].blame && (rd.n_retracted > 0) == cases[i].retracted,
                  "%s: blame %d (want %d), retracted %d (want %d)", cases[i].text, rd.lex_hits[SIM_LEX_BLAME],
                  cases[i].blame, rd.n_retracted, cases[i].retracted);
        sf_act(&fx, 30, SIM_ACT_STATEMENT, SP, NULL, cases[i].text);
        CHECK(sf_grade(&fx, NULL) == 0);
        const score_line *l = sf_line(&fx, "form.forbidden");
        CHECK_MSG(l && !!strstr(l->why, "「临时工」") == cases[i].blame, "%s: %s", cases[i].text, l ? l->why : "(no line)");
        sf_free(&fx);
    }
}

/* Six statements in an hour are the fixture plan's limit; a seventh that corrects the blame is no flood,
 * a seventh that says something else is. */
static void test_correction_no_flood(void)
{
    static const char *const sevenths[] = {"更正：此前通报有误，摊贩并未先动手。", "经核实，3人受伤。"};
    for (int k = 0; k < 2; k++) {
        sf_fixture fx;
        sf_init(&fx);
        sf_swap_plan(&fx, "\"accuracy\": {", correction_plan, "\"per_hit\": 2, \"points\": 6}",
                     "\"per_hit\": 2, \"points\": 6}, \"flood\": {\"title\": \"不刷屏\", \"per_hour\": 6, \"per\": 1, \"points\": 4}");
        with_claim(&fx, "被打的摊贩");
        sf_act(&fx, 70, SIM_ACT_STATEMENT, SP, NULL, blame);
        static const char *const more[] = {"人民路交通已恢复。", "伤者正在医院救治。", "热线已开通。", "调查组已成立。",
                                           "后续情况将及时通报。"};
        for (int m = 0; m < 5; m++)
            sf_act(&fx, 71 + m, SIM_ACT_STATEMENT, SP, NULL, more[m]);
        sf_act(&fx, 80, SIM_ACT_STATEMENT, SP, NULL, sevenths[k]);
        CHECK(sf_grade(&fx, NULL) == 0);
        const score_line *l = sf_line(&fx, "form.flood");
        CHECK_MSG(l && !!strstr(l->why, "超出") == (k == 1), "seventh %d: %s", k, l ? l->why : "(no line)");
        sf_free(&fx);
    }
}

int main(void)
{
    test_false_weight();
    test_correction_apology();
    test_retracted_words();
    test_correction_no_flood();
    return CHECK_DONE();
}
