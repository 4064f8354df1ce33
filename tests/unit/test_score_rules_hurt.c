/* test_score_rules_hurt.c — a false claim that wrongs someone (a claim with `hurts`): asserting it
 * weighs the plan's `false.hurt` statements, and correcting it earns full credit only with an apology. */
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

int main(void)
{
    test_false_weight();
    test_correction_apology();
    return CHECK_DONE();
}
