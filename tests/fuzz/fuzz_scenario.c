/* fuzz_scenario.c — libFuzzer harness for the scenario loader: each input is written as scenario.lua
 * in a scratch folder and loaded with scn_load (the sandbox's budgets bound the work per input). */
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_util.h"
#include "script/script.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char file[640];
    fuzz_write(fuzz_path(file, sizeof file, "scenario.lua"), data, size);
    sim_scenario s;
    scn_script *sc = NULL;
    scn_problems probs = {0};
    if (scn_load(fuzz_tmpdir(), 1, &s, &sc, &probs) == 0) {
        scn_free(sc);
        sim_scenario_free(&s);
    }
    scn_problems_free(&probs);
    return 0;
}
