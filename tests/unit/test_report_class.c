/* test_report_class.c — the class summary's statistics (per-line min/median/max, sessions under half
 * marks, common mistakes in order, ranking by each trainee's latest total) and stored scorecards read
 * back with instructor overrides applied. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "report/report.h"

/* A card of three lines "x" (max 10), "y" (max 6), "z" (max 4) with the given points; total as given. */
static void make_card(score_card *c, double x, double y, double z, double total)
{
    memset(c, 0, sizeof *c);
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
    c->total = total;
}

static void make_session(store_session *s, int64_t id, const char *trainee, const char *started)
{
    memset(s, 0, sizeof *s);
    s->id = id;
    snprintf(s->trainee, sizeof s->trainee, "%s", trainee);
    snprintf(s->scenario, sizeof s->scenario, "city_video");
    snprintf(s->started, sizeof s->started, "%s", started);
    s->finished = 1;
}

static void free_card(score_card *c)
{
    for (int i = 0; i < c->n_lines; i++) {
        free(c->lines[i].id);
        free(c->lines[i].title);
    }
    free(c->lines);
}

static void test_class(void)
{
    store_session ses[4];
    score_card cards[4];
    /* given out of time order: ana's session 3 is her latest though listed first */
    make_session(&ses[0], 3, "ana", "2024-05-03T09:00:00Z");
    make_card(&cards[0], 10, 6, 1, 90);
    make_session(&ses[1], 1, "ana", "2024-05-01T09:00:00Z");
    make_card(&cards[1], 2, 2, 1, 30);
    make_session(&ses[2], 2, "ben", "2024-05-02T09:00:00Z");
    make_card(&cards[2], 4, 6, 4, 70);
    make_session(&ses[3], 4, "cai", "2024-05-02T10:00:00Z");
    make_card(&cards[3], 0, 1, 3, 20);
    report_entry e[4];
    for (int i = 0; i < 4; i++)
        e[i] = (report_entry){&ses[i], &cards[i]};

    report_class c;
    CHECK(report_class_build(e, 4, &c) == 0);
    CHECK(c.n_sessions == 4);
    CHECK(c.n_lines == 3);
    CHECK_STR(c.lines[0].id, "x");
    CHECK_NEAR(c.lines[0].points.min, 0, 0);
    CHECK_NEAR(c.lines[0].points.median, 3, 1e-12);   /* 0 2 4 10 */
    CHECK_NEAR(c.lines[0].points.max, 10, 0);
    CHECK(c.lines[0].below_half == 3);                  /* 2, 4 and 0 of 10 */
    CHECK_NEAR(c.lines[1].points.median, 4, 1e-12);   /* 1 2 6 6 */
    CHECK(c.lines[1].below_half == 2);
    CHECK(c.lines[2].below_half == 2);                  /* 1 and 1 of 4 */
    CHECK_NEAR(c.lines[2].max, 4, 0);

    /* mistakes: x (3 sessions) first; y and z tie on 2, z has the lower median share (2/4 vs 4/6) */
    CHECK(c.n_mistakes == 3);
    CHECK(c.mistakes[0] == 0);
    CHECK(c.mistakes[1] == 2);
    CHECK(c.mistakes[2] == 1);

    /* ranking by latest total: ana 90 (latest of 30 and 90), ben 70, cai 20 */
    CHECK(c.n_ranking == 3);
    CHECK_STR(c.ranking[0].trainee, "ana");
    CHECK_NEAR(c.ranking[0].total, 90, 0);
    CHECK(c.ranking[0].sessions == 2);
    CHECK_STR(c.ranking[1].trainee, "ben");
    CHECK_STR(c.ranking[2].trainee, "cai");
    CHECK_NEAR(c.totals.median, 50, 1e-12);
    report_class_free(&c);

    /* ana's latest falls when her newest session is the weak one */
    snprintf(ses[1].started, sizeof ses[1].started, "2024-05-09T09:00:00Z");
    CHECK(report_class_build(e, 4, &c) == 0);
    CHECK_STR(c.ranking[0].trainee, "ben");
    CHECK_STR(c.ranking[1].trainee, "ana");
    CHECK_NEAR(c.ranking[1].total, 30, 0);
    CHECK_NEAR(c.ranking[1].best, 90, 0);
    report_class_free(&c);

    CHECK(report_class_build(e, 0, &c) == 0);
    CHECK(c.n_lines == 0 && c.n_ranking == 0 && c.n_mistakes == 0);
    report_class_free(&c);
    for (int i = 0; i < 4; i++)
        free_card(&cards[i]);
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
