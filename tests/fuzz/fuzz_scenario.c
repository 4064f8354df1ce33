/* fuzz_scenario.c — libFuzzer harness for the scenario loader: each input is written as scenario.lua
 * in a scratch folder and loaded with scn_load (the sandbox's budgets bound the work per input); a
 * scenario that loads with a small world is also checked, whose dry run calls every trigger (the yq
 * library, w.note's bilingual table, every a.* and w.* reader). */
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_util.h"
#include "script/script.h"

#define FUZZ_CHECK_EDGES 1e5   /* population x mean_follows up to which a loaded input is also checked */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char file[640];
    fuzz_write(fuzz_path(file, sizeof file, "scenario.lua"), data, size);
    sim_scenario s;
    scn_script *sc = NULL;
    scn_problems probs = {0};
    if (scn_load(fuzz_tmpdir(), 1, &s, &sc, &probs) == 0) {
        /* a world this size builds in milliseconds; larger ones would spend the run building worlds */
        int small = (double)s.params.population * s.params.mean_follows <= FUZZ_CHECK_EDGES;
        scn_free(sc);
        sim_scenario_free(&s);
        if (small)
            scn_check(fuzz_tmpdir(), &probs);
    }
    scn_problems_free(&probs);
    return 0;
}
