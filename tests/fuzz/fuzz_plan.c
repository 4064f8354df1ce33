/* fuzz_plan.c — libFuzzer harness for plan files (score_plan_parse): any text is parsed without crash
 * or leak, and a plan that parses answers its accessors and applies to world parameters. */
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_util.h"
#include "score/score.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *json = fuzz_cstr(data, size);
    score_plan *plan = NULL;
    char err[512];
    if (score_plan_parse(json, "fuzz.json", &plan, err, sizeof err) == 0) {
        if (!plan || !score_plan_id(plan) || !score_plan_title(plan, "zh") || !score_plan_title(plan, "en"))
            abort();
        sim_params params;
        sim_params_default(&params);
        score_plan_apply(plan, &params);
        score_plan_free(plan);
    }
    free(json);
    return 0;
}
