/* test_score_world.c — grading worlds the core really ran (sim_world_new, sim_submit, sim_step)
 * under the shipped general plan and lexicon: evidence points into the applied log, verification
 * times come from the world's events, outcomes use the no-action baseline, output is reproducible. */
#include "check.h"
#include "score/score.h"
#include "world_fixture.h"

typedef struct run_spec {
    sim_time statement_at;   /* when the injured count is published */
    int with_actions;
} run_spec;

static sim_world *run(const sim_scenario *s, const sim_lexicon *lex, const run_spec *spec)
{
    char err[256];
    sim_world *w = sim_world_new(s, lex, 7, NULL, err, sizeof err);
    if (!w)
        return NULL;
    sim_action acts[] = {
        fx_action(240, SIM_ACT_REPORT, NULL, NULL, "东风路执法冲突视频在微博传播，网民情绪激烈"),
        fx_action(spec->statement_at, SIM_ACT_STATEMENT, NULL, "weibo",
                  "今天上午东风路发生执法冲突，2人受轻伤，已送医。我们已成立调查组，将持续通报，热线12345。"),
        fx_action(3100, SIM_ACT_REBUT, "r_death", NULL, "网传不实，经医院确认摊主生命体征平稳。"),
        fx_action(3200, SIM_ACT_OFFLINE, "apology", NULL, NULL),
    };
    acts[0].role = SIM_ROLE_MONITOR;
    int n = spec->with_actions ? 4 : 0, next = 0;
    while (!sim_is_over(w)) {
        while (next < n && acts[next].t < w->now + SIM_TICK_S)
            sim_submit(w, &acts[next++], err, sizeof err);
        if (sim_step(w))
            break;
    }
    return w;
}

static char *grade(const score_plan *p, const sim_world *w, const sim_world *base, score_card *card)
{
    char err[256] = "";
    if (score_grade(p, w, base, card, err, sizeof err)) {
        fprintf(stderr, "grade: %s\n", err);
        return NULL;
    }
    return score_card_to_json(card);
}

static const score_line *find(const score_card *c, const char *id)
{
    for (int i = 0; i < c->n_lines; i++)
        if (strcmp(c->lines[i].id, id) == 0)
            return &c->lines[i];
    return NULL;
}

int main(void)
{
    char path[512], err[512] = "";
    sim_scenario s;
    fx_scenario(&s);
    sim_lexicon lex;
    snprintf(path, sizeof path, "%s/assets/lexicon.json", YQ_SOURCE_DIR);
    CHECK_MSG(score_lexicon_load(path, &lex, err, sizeof err) == 0, "%s", err);
    score_plan *plan = NULL;
    snprintf(path, sizeof path, "%s/scenarios/plans/general.json", YQ_SOURCE_DIR);
    CHECK_MSG(score_plan_load(path, &plan, err, sizeof err) == 0, "%s", err);
    if (!plan)
        return CHECK_DONE();
    score_plan_apply(plan, &s.params);

    run_spec on_time = {1900, 1}, early = {1000, 1}, none = {0, 0};
    sim_world *w1 = run(&s, &lex, &on_time), *w2 = run(&s, &lex, &on_time);
    sim_world *base = run(&s, &lex, &none), *w3 = run(&s, &lex, &early);
    CHECK(w1 && w2 && base && w3);
    if (!w1 || !w2 || !base || !w3)
        return CHECK_DONE();

    /* the same drill graded twice, and run twice, gives the same bytes */
    score_card c1, c1b, c2, c3;
    char *j1 = grade(plan, w1, base, &c1), *j1b = grade(plan, w1, base, &c1b), *j2 = grade(plan, w2, base, &c2);
    CHECK(j1 && j1b && j2 && strcmp(j1, j1b) == 0 && strcmp(j1, j2) == 0);
    CHECK(c1.total > 0 && c1.total < 100);

    /* every piece of evidence names an applied action at its time, quoting its text */
    int checked = 0;
    for (int i = 0; i < c1.n_lines; i++) {
        const score_line *l = &c1.lines[i];
        for (int k = 0; k < l->n_ev; k++) {
            const score_evidence *e = &l->ev[k];
            CHECK_MSG(e->action >= 0 && e->action < w1->n_log, "%s: action %d", l->id, e->action);
            if (e->action < 0 || e->action >= w1->n_log)
                continue;
            const sim_action *a = &w1->log[e->action];
            CHECK(a->t == e->t);
            if (e->span.len > 0)
                CHECK_MSG(a->text && strncmp(a->text + e->span.start, e->quote, (size_t)e->span.len) == 0,
                          "%s: quote %s", l->id, e->quote);
            checked++;
        }
    }
    CHECK(checked > 3);

    /* the injured count verifies at 30 minutes: at 31 it is fine, at 16 it is premature */
    const score_line *u1 = find(&c1, "accuracy.unverified");
    CHECK(u1 && u1->points == u1->max && u1->max > 0);
    char *j3 = grade(plan, w3, base, &c3);
    const score_line *u3 = find(&c3, "accuracy.unverified");
    CHECK(u3 && u3->points < u3->max && u3->n_ev >= 1);
    CHECK(u3 && u3->n_ev >= 1 && u3->ev[0].t == 1000);

    /* with a baseline, outcome lines apply */
    const score_line *peak = find(&c1, "outcome.peak_posts");
    CHECK(peak && peak->max > 0);
    const score_line *rep = find(&c1, "deadline.report");
    CHECK(rep && rep->points == rep->max && rep->n_ev == 1 && rep->ev[0].action == 0);

    free(j1);
    free(j1b);
    free(j2);
    free(j3);
    score_card_free(&c1);
    score_card_free(&c1b);
    score_card_free(&c2);
    score_card_free(&c3);
    sim_world_free(w1);
    sim_world_free(w2);
    sim_world_free(w3);
    sim_world_free(base);
    score_plan_free(plan);
    sim_lexicon_free(&lex);
    sim_scenario_free(&s);
    return CHECK_DONE();
}
