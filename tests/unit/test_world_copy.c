/* test_world_copy.c — checkpoints: a world cloned at any tick and run on ends byte-identical to the
 * world it was cloned from, the copy and its source never share a changing byte, clones of clones too. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "world_fixture.h"

static void submit_all(sim_world *w)
{
    char err[256];
    sim_action acts[] = {
        fx_action(300, SIM_ACT_REPORT, NULL, NULL, "东风路发生执法冲突视频"),
        fx_action(1900, SIM_ACT_STATEMENT, NULL, "weibo", "经核实，2人受轻伤，已送医。"),
        fx_action(3100, SIM_ACT_REBUT, "r_death", NULL, "摊主生命体征平稳，网传不实。"),
        fx_action(3200, SIM_ACT_OFFLINE, "apology", NULL, NULL),
    };
    for (size_t i = 0; i < sizeof acts / sizeof *acts; i++)
        CHECK(sim_submit(w, &acts[i], err, sizeof err) == 0);
}

static uint64_t run_to_end(sim_world *w)
{
    CHECK(sim_run_until(w, w->scn->duration) == 0);
    return sim_hash(w);
}

/* The fixture's world with every action queued, run to t; NULL when it cannot be built. */
static sim_world *world_at(const sim_scenario *s, sim_time t)
{
    char err[256];
    sim_world *w = sim_world_new(s, NULL, 7, NULL, err, sizeof err);
    CHECK_MSG(w != NULL, "%s", err);
    if (w) {
        submit_all(w);
        CHECK(sim_run_until(w, t) == 0);
    }
    return w;
}

/* Clone at time t, run both to the end: the same hash as a run that was never copied. */
static void clone_at(const sim_scenario *s, sim_time t, uint64_t whole)
{
    char err[256];
    sim_world *w = world_at(s, t);
    if (!w)
        return;
    uint64_t at = sim_hash(w);
    sim_world *c = sim_world_clone(w, NULL, err, sizeof err);
    CHECK_MSG(c != NULL, "%s", err);
    if (c) {
        CHECK(sim_hash(c) == at);
        CHECK_MSG(run_to_end(c) == whole, "clone taken at t = %d ends differently", (int)t);
        CHECK_MSG(sim_hash(w) == at, "running the clone changed its source at t = %d", (int)t);
        /* A clone of a clone, taken while the first clone is at its end and the source is still at t. */
        sim_world *cc = sim_world_clone(w, NULL, err, sizeof err);
        CHECK(cc != NULL);
        sim_world_free(c);
        if (cc)
            CHECK(run_to_end(cc) == whole);
        sim_world_free(cc);
    }
    CHECK(run_to_end(w) == whole);
    sim_world_free(w);
}

/* The hash the test relies on sees a difference: one action more changes the end. */
static void hash_sees_a_change(const sim_scenario *s, uint64_t whole)
{
    char err[256];
    sim_world *w = world_at(s, 2000);
    if (!w)
        return;
    sim_world *c = sim_world_clone(w, NULL, err, sizeof err);
    CHECK(c != NULL);
    if (c) {
        sim_action press = fx_action(2400, SIM_ACT_STATEMENT, NULL, "weibo", "我们将于下午三点召开发布会。");
        CHECK(sim_submit(c, &press, err, sizeof err) == 0);
        CHECK(run_to_end(c) != whole);
        sim_world_free(c);
    }
    sim_world_free(w);
}

int main(void)
{
    sim_scenario s;
    fx_scenario(&s);
    sim_world *w = world_at(&s, 0);
    if (!w)
        return CHECK_DONE();
    uint64_t whole = run_to_end(w);
    sim_world_free(w);
    /* Before anything, with actions queued, mid-rumour, at the end. */
    sim_time at[] = {0, 250, 1250, 1910, 3150, 2 * 3600, s.duration};
    for (size_t i = 0; i < sizeof at / sizeof *at; i++)
        clone_at(&s, at[i], whole);
    hash_sees_a_change(&s, whole);
    sim_scenario_free(&s);
    return CHECK_DONE();
}
