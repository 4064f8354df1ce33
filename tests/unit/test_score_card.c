/* test_score_card.c — the scorecard as a whole: totals and competencies from the lines, instructor
 * overrides recomputing them, JSON shape, rounding to 0.01 and byte-identical output on regrading. */
#include <math.h>
#include <cjson/cJSON.h>

#include "score/score.h"
#include "test_score_fixture.h"

static void busy_drill(sf_fixture *fx)
{
    sf_rumour(fx, 10, 20, 0.01f, 0.06f);
    sf_act(fx, 610.0 / 60.0, SIM_ACT_REPORT, SIM_ROLE_MONITOR, NULL, "微博出现执法冲突视频");
    sf_act(fx, 12, SIM_ACT_ASSESS, SIM_ROLE_MONITOR, NULL, "橙色预警");
    sf_act(fx, 30, SIM_ACT_STATEMENT, SIM_ROLE_SPOKESPERSON, NULL, "今天上午在人民路，3人受伤。对此无可奉告。");
    sf_act(fx, 65, SIM_ACT_REBUT, SIM_ROLE_SPOKESPERSON, "r_death", "网传消息纯属谣言，请勿轻信。");
    sf_act(fx, 95, SIM_ACT_REPLY, SIM_ROLE_SPOKESPERSON, "1", "感谢您的关注！我们已成立调查组。");
}

/* Every number in a JSON tree is a multiple of 0.01. */
static int numbers_rounded(const cJSON *j)
{
    if (cJSON_IsNumber(j)) {
        double c = j->valuedouble * 100.0;
        return fabs(c - round(c)) < 1e-6;
    }
    for (const cJSON *k = j->child; k; k = k->next)
        if (!numbers_rounded(k))
            return 0;
    return 1;
}

static void test_totals(void)
{
    sf_fixture fx;
    sf_init(&fx);
    busy_drill(&fx);
    CHECK(sf_grade(&fx, NULL) == 0);
    /* 10 min 10 s against 10 min + 20 of decay: 10 * (1 - (1/6)/20) = 9.9166.. -> 9.92 */
    CHECK_NEAR(sf_points(&fx, "deadline.report"), 9.92, 1e-9);
    double pts = 0, max = 0, wp = 0, wm = 0;
    for (int i = 0; i < fx.card.n_lines; i++) {
        const score_line *l = &fx.card.lines[i];
        CHECK_MSG(l->points >= l->floor && l->points <= l->max, "%s %g/%g", l->id, l->points, l->max);
        CHECK_MSG(l->why && l->why[0], "%s has no explanation", l->id);
        pts += l->points;
        max += l->max;
        wp += l->weights[SCORE_RUMOUR] * l->points;
        wm += l->weights[SCORE_RUMOUR] * l->max;
    }
    CHECK(max > 0 && pts < max);
    CHECK_NEAR(fx.card.total, round(10000.0 * pts / max) / 100.0, 1e-9);
    CHECK_NEAR(fx.card.competencies[SCORE_RUMOUR], round(10000.0 * wp / wm) / 100.0, 1e-9);
    /* no line of the test plan weighs media: not assessed rather than 0 */
    CHECK(fx.card.competencies[SCORE_MEDIA] == -1.0);
    sf_free(&fx);
}

static void test_override(void)
{
    sf_fixture fx;
    sf_init(&fx);
    busy_drill(&fx);
    CHECK(sf_grade(&fx, NULL) == 0);
    double before = fx.card.total, pts = 0, max = 0;
    for (int i = 0; i < fx.card.n_lines; i++) {
        pts += fx.card.lines[i].points;
        max += fx.card.lines[i].max;
    }
    double old = sf_points(&fx, "form.forbidden");
    CHECK_NEAR(old, 4, 1e-9);
    double command_before = fx.card.competencies[SCORE_COMMAND];
    CHECK(score_card_override(&fx.card, "form.forbidden", 6, "王老师", "2024-05-01T10:00:00Z",
                              "学员是在复述记者的原话") == 0);
    const score_line *l = sf_line(&fx, "form.forbidden");
    CHECK(l && l->overridden && l->points == 6 && l->computed == old);
    CHECK(l && l->override_by && strcmp(l->override_by, "王老师") == 0);
    CHECK_NEAR(fx.card.total, round(10000.0 * (pts - old + 6) / max) / 100.0, 1e-9);
    CHECK(fx.card.total > before);
    CHECK_NEAR(fx.card.competencies[SCORE_COMMAND], command_before, 1e-9);   /* forbidden weighs no command */

    CHECK(score_card_override(&fx.card, "deadline.report", 50, "王老师", "2024-05-01T10:05:00Z", "") == 0);
    CHECK_NEAR(sf_points(&fx, "deadline.report"), 10, 1e-9);   /* clamped to max */
    CHECK(fx.card.competencies[SCORE_COMMAND] > command_before);
    CHECK(score_card_override(&fx.card, "no.such.line", 1, "x", "y", "z") == -1);

    char *json = score_card_to_json(&fx.card);
    cJSON *root = json ? cJSON_Parse(json) : NULL;
    CHECK(root != NULL);
    const cJSON *lines = cJSON_GetObjectItemCaseSensitive(root, "lines");
    int seen = 0;
    for (const cJSON *line = lines ? lines->child : NULL; line; line = line->next) {
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(line, "id");
        const cJSON *ov = cJSON_GetObjectItemCaseSensitive(line, "override");
        if (cJSON_IsString(id) && strcmp(id->valuestring, "form.forbidden") == 0) {
            seen = 1;
            const cJSON *by = cJSON_GetObjectItemCaseSensitive(ov, "by");
            const cJSON *comment = cJSON_GetObjectItemCaseSensitive(ov, "comment");
            CHECK(cJSON_IsString(by) && strcmp(by->valuestring, "王老师") == 0);
            CHECK(cJSON_IsString(comment) && strcmp(comment->valuestring, "学员是在复述记者的原话") == 0);
            CHECK(cJSON_GetObjectItemCaseSensitive(line, "points")->valuedouble == 6);
            CHECK(cJSON_GetObjectItemCaseSensitive(line, "computed")->valuedouble == 4);
        } else if (cJSON_IsString(id) && strcmp(id->valuestring, "form.place") == 0) {
            CHECK(cJSON_IsNull(ov));
        }
    }
    CHECK(seen);
    cJSON_Delete(root);
    free(json);
    sf_free(&fx);
}

static void test_json(void)
{
    sf_fixture fx;
    sf_init(&fx);
    busy_drill(&fx);
    CHECK(sf_grade(&fx, NULL) == 0);
    char *a = score_card_to_json(&fx.card);
    CHECK(sf_grade(&fx, NULL) == 0);
    char *b = score_card_to_json(&fx.card);
    CHECK(a && b && strcmp(a, b) == 0);

    cJSON *root = a ? cJSON_Parse(a) : NULL;
    CHECK(root != NULL);
    CHECK(numbers_rounded(root));
    const cJSON *plan = cJSON_GetObjectItemCaseSensitive(root, "plan");
    CHECK(cJSON_IsString(plan) && strcmp(plan->valuestring, "test") == 0);
    CHECK(cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(root, "total")));
    const cJSON *comp = cJSON_GetObjectItemCaseSensitive(root, "competencies");
    for (int k = 0; k < SCORE_COMPETENCY_COUNT; k++) {
        const cJSON *c = cJSON_GetObjectItemCaseSensitive(comp, score_competency_name((score_competency)k));
        CHECK_MSG(c && (cJSON_IsNumber(c) || cJSON_IsNull(c)), "competency %d", k);
    }
    CHECK(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(comp, "media")));
    const cJSON *lines = cJSON_GetObjectItemCaseSensitive(root, "lines");
    CHECK(cJSON_GetArraySize(lines) == fx.card.n_lines);
    static const char *const keys[] = {"id", "title", "title_en", "category", "points", "max", "computed", "why",
                                       "why_en", "evidence", "override"};
    for (const cJSON *line = lines ? lines->child : NULL; line; line = line->next)
        for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
            CHECK_MSG(cJSON_HasObjectItem(line, keys[k]), "line lacks %s", keys[k]);
    /* the unverified line's evidence: action 2 at 30 minutes, its span quoting the original text */
    const cJSON *ev = NULL;
    for (const cJSON *line = lines ? lines->child : NULL; line; line = line->next)
        if (strcmp(cJSON_GetObjectItemCaseSensitive(line, "id")->valuestring, "accuracy.unverified") == 0)
            ev = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(line, "evidence"), 0);
    CHECK(ev != NULL);
    if (ev) {
        int start = cJSON_GetObjectItemCaseSensitive(ev, "start")->valueint;
        int len = cJSON_GetObjectItemCaseSensitive(ev, "len")->valueint;
        const char *quote = cJSON_GetObjectItemCaseSensitive(ev, "quote")->valuestring;
        CHECK(cJSON_GetObjectItemCaseSensitive(ev, "action")->valueint == 2);
        CHECK(cJSON_GetObjectItemCaseSensitive(ev, "t")->valuedouble == 1800);
        CHECK(len > 0 && (int)strlen(quote) == len && strncmp(fx.log[2].text + start, quote, (size_t)len) == 0);
    }
    cJSON_Delete(root);
    free(a);
    free(b);
    sf_free(&fx);
}

int main(void)
{
    test_totals();
    test_override();
    test_json();
    return CHECK_DONE();
}
