/* test_report_class.c — the class summary's statistics (one drill per scenario and plan, latest and best
 * attempts, lines lost counted per trainee, examples, histogram) and stored scorecards read back with
 * instructor overrides applied. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "report/report.h"

/* A card of plan `plan` with three lines "x" (max 10), "y" (max 6), "z" (max 4) with the given points;
 * line x quotes `quote` as its evidence when not NULL. */
static void make_card(score_card *c, const char *plan, double x, double y, double z, double total, const char *quote)
{
    memset(c, 0, sizeof *c);
    c->plan = strdup(plan);
    c->lines = calloc(3, sizeof *c->lines);
    c->n_lines = 3;
    const char *ids[3] = {"x", "y", "z"}, *titles[3] = {"及时", "准确", "态度"};
    double pts[3] = {x, y, z}, max[3] = {10, 6, 4};
    for (int i = 0; i < 3; i++) {
        c->lines[i].id = strdup(ids[i]);
        c->lines[i].title = strdup(titles[i]);
        c->lines[i].points = pts[i];
        c->lines[i].max = max[i];
    }
    if (quote) {
        c->lines[0].ev = calloc(1, sizeof *c->lines[0].ev);
        c->lines[0].ev[0].quote = strdup(quote);
        c->lines[0].n_ev = 1;
    }
    for (int k = 0; k < SCORE_COMPETENCY_COUNT; k++)
        c->competencies[k] = k == SCORE_CARE ? -1 : total;
    c->total = total;
}

static void make_session(store_session *s, int64_t id, const char *trainee, const char *scenario, const char *started)
{
    memset(s, 0, sizeof *s);
    s->id = id;
    snprintf(s->trainee, sizeof s->trainee, "%s", trainee);
    snprintf(s->scenario, sizeof s->scenario, "%s", scenario);
    snprintf(s->started, sizeof s->started, "%s", started);
    s->finished = 1;
}

#define N_SES 6

static void test_class(void)
{
    store_session ses[N_SES];
    score_card cards[N_SES];
    /* given out of time order: ana's session 3 is her latest though listed first */
    make_session(&ses[0], 3, "ana", "city_video", "2024-05-03T09:00:00Z");
    make_card(&cards[0], "urban", 10, 6, 1, 90, "三人受伤");
    make_session(&ses[1], 1, "ana", "city_video", "2024-05-01T09:00:00Z");
    make_card(&cards[1], "urban", 2, 2, 1, 30, NULL);
    make_session(&ses[2], 2, "ben", "city_video", "2024-05-02T09:00:00Z");
    make_card(&cards[2], "urban", 4, 6, 4, 70, "无可奉告");
    make_session(&ses[3], 4, "cai", "city_video", "2024-05-02T10:00:00Z");
    make_card(&cards[3], "urban", 0, 1, 3, 20, NULL);
    /* another drill: not pooled with the city video */
    make_session(&ses[4], 5, "ana", "water_scare", "2024-05-04T09:00:00Z");
    make_card(&cards[4], "general", 1, 1, 1, 10, NULL);
    /* the same scenario under another plan is another drill too */
    make_session(&ses[5], 6, "ben", "city_video", "2024-05-05T09:00:00Z");
    make_card(&cards[5], "general", 10, 6, 4, 100, NULL);
    report_entry e[N_SES];
    for (int i = 0; i < N_SES; i++)
        e[i] = (report_entry){.ses = &ses[i], .card = &cards[i]};
    /* Observers: ana's x (10/10, automatically P) rated U twice, her z (1/4, U) rated U; ben's x (4/10, M)
     * rated M. Line x: gaps 3 and 0, mean 1.5 grades: flagged; z: gap 0: not. */
    store_rating ana_rated[] = {
        {.kind = STORE_RATE_LINE, .target = "x", .observer = "王", .grade = 'U'},
        {.kind = STORE_RATE_LINE, .target = "x", .observer = "李", .grade = 'U'},
        {.kind = STORE_RATE_LINE, .target = "z", .observer = "王", .grade = 'U'},
    };
    store_rating ben_rated[] = {{.kind = STORE_RATE_LINE, .target = "x", .observer = "王", .grade = 'M'}};
    e[0].ratings = ana_rated;
    e[0].n_ratings = 3;
    e[2].ratings = ben_rated;
    e[2].n_ratings = 1;

    report_group *g;
    int ng;
    CHECK(report_groups_build(e, N_SES, &g, &ng) == 0);
    CHECK(ng == 3);
    CHECK_STR(g[0].scenario, "city_video");
    CHECK_STR(g[0].plan, "urban");
    CHECK(g[0].n == 4);
    CHECK_STR(g[1].scenario, "water_scare");
    CHECK_STR(g[2].plan, "general");

    const report_class *c = &g[0].latest;
    CHECK(c->n_trainees == 3);
    /* ordered by the chosen total: ana 90 (latest of 30 and 90), ben 70, cai 20 */
    CHECK_STR(c->trainees[0].trainee, "ana");
    CHECK(c->trainees[0].entry->ses->id == 3);
    CHECK(c->trainees[0].attempts == 2);
    CHECK_STR(c->trainees[1].trainee, "ben");
    CHECK(c->trainees[1].attempts == 1);
    /* lines lost, counted once per trainee: ana lost z only, ben x, cai all three */
    CHECK(c->trainees[0].mistakes == 1);
    CHECK(c->trainees[1].mistakes == 1);
    CHECK(c->trainees[2].mistakes == 3);
    CHECK(c->n_lines == 3);
    CHECK(c->lines[0].n == 3 && c->lines[0].lost == 2);          /* x: ben 4/10, cai 0/10 */
    CHECK_NEAR(c->lines[0].points_lost, 16, 1e-9);
    CHECK(c->lines[2].lost == 2);                                 /* z: ana 1/4, cai 3/4 */
    CHECK(c->lines[1].lost == 1);
    /* x lost 16 of the class's 30 points, z 4 of 12, y 5 of 18 */
    CHECK(c->n_lost == 3 && c->lost[0] == 0 && c->lost[1] == 2 && c->lost[2] == 1);
    /* teach next: x has quoted statements, so it leads; the rest follow in the same order */
    CHECK(c->lines[0].quoted == 2 && c->lines[2].quoted == 0);
    CHECK(c->n_teach == 3 && c->teach[0] == 0 && c->teach[1] == 2 && c->teach[2] == 1);
    /* examples: ana's quoted statement got x right; of the two who lost it, ben's is quoted */
    CHECK(c->lines[0].right.entry && c->lines[0].right.entry->ses->id == 3);
    CHECK(c->lines[0].wrong.entry && c->lines[0].wrong.entry->ses->id == 2);
    CHECK_STR(c->lines[0].wrong.line->ev[0].quote, "无可奉告");
    /* where observers and the automatic score disagree: x only */
    CHECK(c->lines[0].rated == 2 && c->lines[2].rated == 1 && c->lines[1].rated == 0);
    CHECK_NEAR(c->lines[0].gap, 3, 1e-12);
    CHECK_NEAR(c->lines[2].gap, 0, 1e-12);
    CHECK(c->n_disagree == 1 && c->disagree[0] == 0);
    /* histogram and medians */
    CHECK(c->hist[9] == 1 && c->hist[7] == 1 && c->hist[2] == 1);
    CHECK_NEAR(c->totals.median, 70, 1e-12);
    CHECK_NEAR(c->median[SCORE_ASSESSMENT], 70, 1e-12);
    CHECK_NEAR(c->median[SCORE_CARE], -1, 0);

    /* the best view keeps ana's 90 too, and nobody's count of attempts changes */
    CHECK_STR(g[0].best.trainees[0].trainee, "ana");
    CHECK(g[0].best.trainees[0].entry->ses->id == 3);
    report_groups_free(g, ng);

    /* ana's latest falls when her newest session is the weak one; her best does not */
    snprintf(ses[1].started, sizeof ses[1].started, "2024-05-09T09:00:00Z");
    CHECK(report_groups_build(e, N_SES, &g, &ng) == 0);
    CHECK_STR(g[0].latest.trainees[0].trainee, "ben");
    CHECK_STR(g[0].latest.trainees[1].trainee, "ana");
    CHECK_NEAR(g[0].latest.trainees[1].entry->card->total, 30, 0);
    CHECK_STR(g[0].best.trainees[0].trainee, "ana");
    CHECK_NEAR(g[0].best.trainees[0].entry->card->total, 90, 0);
    report_groups_free(g, ng);

    CHECK(report_groups_build(e, 0, &g, &ng) == 0);
    CHECK(ng == 0);
    report_groups_free(g, ng);
    for (int i = 0; i < N_SES; i++)
        score_card_free(&cards[i]);
}

static void test_card_roundtrip(void)
{
    const char *json =
        "{\"plan\":\"urban\",\"total\":50,\"competencies\":{\"assessment\":40,\"release\":null},"
        "\"lines\":[{\"id\":\"deadline.report\",\"title\":\"报告\",\"category\":\"timeliness\",\"points\":2,\"max\":8,"
        "\"computed\":2,\"why\":\"晚了\",\"weights\":{\"assessment\":1},"
        "\"evidence\":[{\"action\":0,\"t\":900,\"start\":0,\"len\":6,\"quote\":\"报告\"}],\"override\":null},"
        "{\"id\":\"form.contact\",\"title\":\"联系方式\",\"category\":\"form\",\"points\":2,\"max\":2,\"computed\":2,"
        "\"why\":\"有\",\"weights\":{\"release\":0.5,\"care\":0.5},\"evidence\":[],\"override\":null}]}";
    score_card c;
    char err[256];
    CHECK(score_card_from_json(json, &c, err, sizeof err) == 0);
    CHECK_STR(c.plan, "urban");
    CHECK(c.n_lines == 2);
    CHECK_STR(c.lines[0].id, "deadline.report");
    CHECK_NEAR(c.lines[0].max, 8, 0);
    CHECK(c.lines[0].n_ev == 1);
    CHECK_STR(c.lines[0].ev[0].quote, "报告");
    CHECK(c.lines[0].ev[0].t == 900);
    CHECK_NEAR(c.lines[0].weights[SCORE_ASSESSMENT], 1, 0);
    CHECK_NEAR(c.competencies[SCORE_RELEASE], -1, 0);
    CHECK_NEAR(c.competencies[SCORE_ASSESSMENT], 40, 0);

    /* overrides apply in order (the later wins), unknown lines are skipped, and totals follow */
    store_override ov[3] = {
        {.line = "deadline.report", .points = 5, .by_name = "王教官", .at = "2024-05-01T10:00:00Z"},
        {.line = "no.such.line", .points = 1, .by_name = "x", .at = "y"},
        {.line = "deadline.report", .points = 6, .by_name = "王教官", .at = "2024-05-01T11:00:00Z", .comment = "补报及时"},
    };
    store_overrides_apply(ov, 3, &c);
    CHECK_NEAR(c.lines[0].points, 6, 1e-9);
    CHECK(c.lines[0].overridden);
    CHECK_STR(c.lines[0].override_comment, "补报及时");
    CHECK_NEAR(c.lines[0].computed, 2, 0);
    CHECK_NEAR(c.total, 80, 0.01);   /* (6 + 2) of 10 */
    CHECK_NEAR(c.competencies[SCORE_ASSESSMENT], 75, 0.01);

    /* the card serialises again and reads back the same */
    char *again = score_card_to_json(&c);
    score_card d;
    CHECK(again && score_card_from_json(again, &d, err, sizeof err) == 0);
    if (again) {
        CHECK(d.n_lines == 2);
        CHECK_NEAR(d.total, c.total, 0.01);
        CHECK(d.lines[0].overridden);
        CHECK_STR(d.lines[0].override_by, "王教官");
        score_card_free(&d);
    }
    free(again);
    score_card_free(&c);

    CHECK(score_card_from_json("{\"lines\": 3}", &c, err, sizeof err) == -1);
    CHECK(strlen(err) > 0);
    CHECK(score_card_from_json("not json", &c, err, sizeof err) == -1);
    CHECK(score_card_from_json(NULL, &c, err, sizeof err) == -1);
}

static void test_format(void)
{
    CHECK(report_format_of("a/b/report.pdf") == REPORT_PDF);
    CHECK(report_format_of("R.PDF") == REPORT_PDF);
    CHECK(report_format_of("x.json") == REPORT_JSON);
    CHECK(report_format_of("x.txt") == -1);
    CHECK(report_format_of("pdf") == -1);
    CHECK(report_format_of(NULL) == -1);
}

int main(void)
{
    test_class();
    test_card_roundtrip();
    test_format();
    return CHECK_DONE();
}
