/* test_checkpoint_drills.c — on every shipped drill, played well (reference) and not at all (silent), and on one whose
 * trigger counts in w.state, a world cloned every simulated 10 minutes and run on ends byte-identical to the uninterrupted run. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/drill.h"
#include "check.h"
#include "script/script.h"
#include "store/store.h"
#include "test_script_util.h"

#define EVERY 600
#define MAX_CKPT 128

/* Open `scenario` (an id or a folder) and play drill id's responses. Returns 1 when forgetting the triggers' state
 * (which thresholds fired; with forget_wstate, w.state instead) changes some checkpoint's end (the test can see it). */
static int check_drill(const char *scenario, const char *id, const char *responses, int forget_wstate)
{
    char path[1024], err[512];
    snprintf(path, sizeof path, "%s/scenarios/%s/responses/%s.json", YQ_SOURCE_DIR, id, responses);
    sim_action *acts = NULL;
    int n = 0, sensitive = 0;
    CHECK_MSG(store_actions_read_file(path, &acts, &n, err, sizeof err) == 0, "%s: %s", id, err);
    app_drill d;
    scn_problems probs = {0};
    int rc = app_drill_open(&d, scenario, 7, NULL, &probs, err, sizeof err);
    scn_problems_free(&probs);
    CHECK_MSG(rc == 0, "%s: %s", id, err);
    if (rc) {
        store_actions_free(acts, n);
        return 0;
    }
    for (int i = 0; i < n; i++)
        CHECK_MSG(sim_submit(d.world, &acts[i], err, sizeof err) == 0, "%s: %s", id, err);
    sim_world *ckpt[MAX_CKPT];
    int nc = 0;
    for (sim_time t = 0; !sim_is_over(d.world) && nc < MAX_CKPT; t += EVERY) {
        CHECK(sim_run_until(d.world, t) == 0);
        ckpt[nc] = sim_world_clone(d.world, &d.world->hooks, err, sizeof err);
        CHECK_MSG(ckpt[nc] != NULL, "%s: %s", id, err);
        nc += ckpt[nc] != NULL;
    }
    CHECK(sim_run_until(d.world, d.scn.duration) == 0);
    uint64_t whole = sim_hash(d.world);
    for (int i = 0; i < nc; i++) {
        sim_time at = ckpt[i]->now;
        /* The same checkpoint with its triggers' state forgotten, as a world restored without it would be. */
        sim_world *forgetful = sim_world_clone(ckpt[i], &d.world->hooks, err, sizeof err);
        CHECK(forgetful != NULL);
        CHECK(sim_run_until(ckpt[i], d.scn.duration) == 0);
        CHECK_MSG(sim_hash(ckpt[i]) == whole, "%s: the checkpoint at %lld s ends differently", id, (long long)at);
        if (forgetful && forget_wstate)
            CHECK(sim_hook_state_set(forgetful, NULL, 0) == 0);
        else if (forgetful && forgetful->hook_bytes)
            memset(forgetful->hook_bytes, 0, (size_t)forgetful->n_hook_bytes);
        if (forgetful && (forget_wstate || forgetful->hook_bytes))
            sensitive |= sim_run_until(forgetful, d.scn.duration) != 0 || sim_hash(forgetful) != whole;
        sim_world_free(forgetful);
        sim_world_free(ckpt[i]);
    }
    CHECK_MSG(nc >= 2, "%s: only %d checkpoints", id, nc);
    printf("%s (%s): %d checkpoints, each run on to the end\n", id, responses, nc);
    app_drill_close(&d);
    store_actions_free(acts, n);
    return sensitive;
}

int main(void)
{
    char root[1024];
    snprintf(root, sizeof root, "%s/scenarios", YQ_SOURCE_DIR);
    char **ids = NULL;
    int n = 0, sensitive = 0;
    CHECK(scn_list(root, &ids, &n) == 0);
    CHECK(n >= 5);
    for (int i = 0; i < n; i++)
        sensitive += check_drill(ids[i], ids[i], "reference", 0) + check_drill(ids[i], ids[i], "silent", 0);
    CHECK_MSG(sensitive > 0, "no drill's end depends on which thresholds fired: the test cannot see that state");
    scn_list_free(ids, n);

    /* city_video with a trigger that counts ticks in w.state and lowers trust every 7th (checkpoints come
     * every 60 ticks, so a count forgotten there shifts the phase). */
    tmp_begin("ckpt_wstate");
    const char *dir = write_shipped_plus("city_video", "on_tick(function(w)\n  w.state.ticks = (w.state.ticks or 0) + 1\n"
                                                       "  if w.state.ticks % 7 == 0 then w.adjust { trust = -0.2 } end\nend)\n");
    CHECK(dir != NULL);
    CHECK_MSG(dir && check_drill(dir, "city_video", "reference", 1),
              "a checkpoint that forgets w.state ends the same: the test cannot see w.state");
    tmp_end();
    return CHECK_DONE();
}
