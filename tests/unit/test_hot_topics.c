/* test_hot_topics.c — 热搜 on the C fixture: nothing before anything surfaced; then the inject, the rumour
 * and the verified facts ranked hottest first; figures move as the world runs; same seed, same list. */
#include "check.h"
#include "world_fixture.h"

#include <stdio.h>
#include <string.h>

static int find(const sim_hot_topic *t, int n, sim_hot_kind kind, int ref)
{
    for (int i = 0; i < n; i++)
        if (t[i].kind == kind && t[i].ref == ref) return i;
    return -1;
}

int main(void)
{
    (void)fx_action;
    sim_scenario s;
    fx_scenario(&s);
    char err[256];
    sim_world *w = sim_world_new(&s, NULL, 7, NULL, err, sizeof err), *v = sim_world_new(&s, NULL, 7, NULL, err, sizeof err);
    CHECK(w && v);
    if (!w || !v) return CHECK_DONE();
    sim_hot_topic t[SIM_HOT_MAX], u[SIM_HOT_MAX];
    CHECK(sim_hot_topics(w, "zh", t, SIM_HOT_MAX) == 0);

    CHECK(sim_run_until(w, 1500) == 0);
    int n = sim_hot_topics(w, "zh", t, SIM_HOT_MAX);
    CHECK(n == 2);
    int vid = find(t, n, SIM_HOT_INJECT, 0), rum = find(t, n, SIM_HOT_RUMOUR, 0);
    CHECK(vid >= 0 && rum >= 0);
    if (vid >= 0) CHECK_STR(t[vid].label, "视频在微博传播");
    if (rum >= 0) CHECK_STR(t[rum].label, "摊主被打死了");
    for (int i = 1; i < n; i++) CHECK(t[i - 1].heat >= t[i].heat);
    uint32_t rumour_heat = rum >= 0 ? t[rum].heat : 0;
    CHECK(rumour_heat > 0);

    /* An hour on: the facts verified at 30 and 50 minutes surfaced, the rumour's figure moved. */
    CHECK(sim_run_until(w, 4500) == 0);
    n = sim_hot_topics(w, "zh", t, SIM_HOT_MAX);
    CHECK(n == 4);
    CHECK(find(t, n, SIM_HOT_FACT, 0) >= 0 && find(t, n, SIM_HOT_FACT, 1) >= 0 && find(t, n, SIM_HOT_FACT, 2) < 0);
    rum = find(t, n, SIM_HOT_RUMOUR, 0);
    CHECK(rum >= 0 && t[rum].heat != rumour_heat);
    for (int i = 1; i < n; i++) CHECK(t[i - 1].heat >= t[i].heat);
    CHECK(sim_hot_topics(w, "zh", u, 2) == 2 && memcmp(u, t, 2 * sizeof *t) == 0);

    /* The same seed gives the same list, byte for byte; reading it leaves the world as it was. */
    CHECK(sim_run_until(v, 4500) == 0);
    uint64_t before = sim_hash(v);
    CHECK(sim_hot_topics(v, "zh", u, SIM_HOT_MAX) == n && memcmp(u, t, (size_t)n * sizeof *t) == 0);
    CHECK(sim_hash(v) == before);

    sim_world_free(w);
    sim_world_free(v);
    sim_scenario_free(&s);
    return CHECK_DONE();
}
