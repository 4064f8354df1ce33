/* test_drill_baseline.c — the no-action baseline a drill is graded against (a t = 0 copy of the drill's world
 * sharing its network and script) ends byte-identical to one generated from scratch with the scenario loaded
 * again, on every shipped drill, played or not, and on one whose triggers keep what the trainee did in w.state. */
#include <stdio.h>
#include <stdlib.h>

#include "app/drill.h"
#include "check.h"
#include "script/script.h"
#include "store/store.h"
#include "test_script_util.h"

/* A baseline as built before worlds shared their network: the scenario and its triggers loaded again, a new
 * world from the drill's seed and parameters, run to where the drill's baseline stopped. */
static uint64_t fresh_baseline_hash(const app_drill *d)
{
    sim_scenario s;
    sim_scenario_init(&s);
    scn_script *sc = NULL;
    scn_problems probs = {0};
    char err[512] = "";
    uint64_t h = 0;
    CHECK(scn_load(d->dir, d->seed, &s, &sc, &probs) == 0);
    scn_problems_free(&probs);
    s.params = d->scn.params;
    sim_hooks hooks;
    scn_hooks(sc, &hooks);
    sim_world *w = sc ? sim_world_new(&s, &d->lex, d->seed, &hooks, err, sizeof err) : NULL;
    CHECK_MSG(w != NULL, "%s", err);
    if (w) {
        sim_world_set_phrases(w, &d->phrases);
        CHECK_MSG(sim_run_until(w, d->base->now) == 0, "%s", w->error);
        CHECK(w->now == d->base->now);
        h = sim_hash(w);
    }
    sim_world_free(w);
    scn_free(sc);
    sim_scenario_free(&s);
    return h;
}

/* Play drill id's responses in `scenario` (an id or a folder); the baseline must end as one generated afresh. */
static void check_drill(const char *scenario, const char *id, const char *responses)
{
    char path[1024], err[512];
    snprintf(path, sizeof path, "%s/scenarios/%s/responses/%s.json", YQ_SOURCE_DIR, id, responses);
    sim_action *acts = NULL;
    int n = 0;
    CHECK_MSG(store_actions_read_file(path, &acts, &n, err, sizeof err) == 0, "%s: %s", id, err);
    app_drill d;
    scn_problems probs = {0};
    int rc = app_drill_open(&d, scenario, 7, NULL, &probs, err, sizeof err);
    scn_problems_free(&probs);
    CHECK_MSG(rc == 0, "%s: %s", id, err);
    for (int i = 0; !rc && i < n; i++)
        CHECK_MSG(app_drill_take(&d, &acts[i], err, sizeof err) == 0, "%s: %s", id, err);
    if (!rc) {
        CHECK_MSG(app_drill_finish(&d, err, sizeof err) == 0, "%s: %s", id, err);
        CHECK_MSG(d.base->n_log == 0 && d.base->n_queue == 0, "%s: the baseline took %d actions", id, d.base->n_log);
        uint64_t shared = sim_hash(d.base), fresh = fresh_baseline_hash(&d);
        CHECK_MSG(shared == fresh, "%s (%s): baseline %016llx, generated afresh %016llx", id, responses,
                  (unsigned long long)shared, (unsigned long long)fresh);
        printf("%s (%s): baseline at %lld s, hash %016llx\n", id, responses, (long long)d.base->now,
               (unsigned long long)shared);
    }
    app_drill_close(&d);
    store_actions_free(acts, n);
}

int main(void)
{
    setenv("YQ_HOME", YQ_SOURCE_DIR, 1);
    char root[1024];
    snprintf(root, sizeof root, "%s/scenarios", YQ_SOURCE_DIR);
    char **ids = NULL;
    int n = 0;
    CHECK(scn_list(root, &ids, &n) == 0);
    CHECK(n >= 5);
    for (int i = 0; i < n; i++) {
        check_drill(ids[i], ids[i], "reference");
        check_drill(ids[i], ids[i], "silent");
    }
    scn_list_free(ids, n);

    /* city_video with triggers that count the trainee's actions in w.state and lower trust each tick by the
     * count: the baseline shares the drill's script, and must not see the drill's count. */
    tmp_begin("baseline_wstate");
    const char *dir = write_shipped_plus("city_video",
                                         "on_action(\"*\", function(a, w)\n  w.state.taken = (w.state.taken or 0) + 1\nend)\n"
                                         "on_tick(function(w)\n  if w.state.taken then w.adjust { trust = -0.01 * w.state.taken } end\nend)\n");
    CHECK(dir != NULL);
    if (dir)
        check_drill(dir, "city_video", "reference");
    tmp_end();
    return CHECK_DONE();
}
