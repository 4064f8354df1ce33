/* fuzz_claims.c — libFuzzer harness for the claims reader (sim_read): each input is read as a
 * statement against scenarios/city_video with the shipped lexicon, at the start and at the drill's end. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"
#include "score/score.h"
#include "script/script.h"
#include "sim/claims.h"

static sim_scenario scenario;
static sim_lexicon lexicon;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    scn_script *sc = NULL;
    scn_problems probs = {0};
    if (scn_load(YQ_SOURCE_DIR "/scenarios/city_video", 1, &scenario, &sc, &probs) != 0) {
        scn_problems_print(&probs, stderr);
        abort();
    }
    scn_free(sc);
    scn_problems_free(&probs);
    char err[512];
    if (score_lexicon_load(YQ_SOURCE_DIR "/assets/lexicon.json", &lexicon, err, sizeof err) != 0) {
        fprintf(stderr, "%s\n", err);
        abort();
    }
    return 0;
}

/* Whether a span lies within a text of len bytes. */
static int span_ok(const sim_span *sp, size_t len)
{
    return sp->start >= 0 && sp->len >= 0 && (size_t)sp->start + (size_t)sp->len <= len;
}

/* Every span lies within the text; every claim names a declared fact, rumour or claim. */
static void check_reading(const sim_reading *r, size_t len)
{
    if (r->n_claims < 0 || r->n_claims > SIM_MAX_CLAIMS)
        abort();
    for (int i = 0; i < r->n_claims; i++)
        if (!span_ok(&r->claims[i].span, len) || !sim_claim_id(&scenario, &r->claims[i]))
            abort();
    for (int k = 0; k < SIM_LEX_COUNT; k++)
        if (!span_ok(&r->lex[k], len))
            abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_cstr(data, size);
    size_t len = strlen(text);
    const sim_time moments[] = {0, scenario.duration};
    for (size_t m = 0; m < sizeof moments / sizeof moments[0]; m++) {
        sim_truth truth = {NULL, moments[m]};
        sim_reading r;
        if (sim_read(text, &scenario, &lexicon, &truth, &r) == 0)
            check_reading(&r, len);
    }
    free(text);
    return 0;
}
