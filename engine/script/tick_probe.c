/* tick_probe.c — what the triggers of one simulated time really cost: a scenario folder is loaded, its
 * world's first tick run, and that tick's CPU time (this thread's clock) and error reported. */
#include <stdio.h>

#include "scn_internal.h"
#include "sim/world.h"

int scn_probe_tick(const char *dir, double *cpu_s, char *error, size_t errlen)
{
    sim_scenario s;
    scn_script *sc = NULL;
    scn_problems p = {0};
    *cpu_s = 0;
    error[0] = '\0';
    if (scn_load(dir, 1, &s, &sc, &p)) {
        snprintf(error, errlen, "%s:%d: %s", p.count ? p.items[0].file : dir, p.count ? p.items[0].line : 0,
                 p.count ? p.items[0].msg : "does not load");
        scn_problems_free(&p);
        return -1;
    }
    sim_hooks hooks;
    scn_hooks(sc, &hooks);
    char err[256] = "";
    int rc = -1;
    sim_world *w = sim_world_new(&s, NULL, 1, &hooks, err, sizeof err);
    if (!w) {
        snprintf(error, errlen, "%s", err);
    } else {
        double t0 = scn_cpu_seconds();
        int failed = sim_step(w) != 0;
        *cpu_s = scn_cpu_seconds() - t0;
        snprintf(error, errlen, "%s", failed ? w->error : "the first tick did not stop");
        rc = failed ? 0 : -1;
        sim_world_free(w);
    }
    scn_free(sc);
    sim_scenario_free(&s);
    return rc;
}
