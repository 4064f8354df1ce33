/* fuzz_phrases.c — libFuzzer harness for the feed's phrasebook (score_phrases_load): any file is read
 * without crash or leak, and a phrasebook that loads has parallel, non-empty zh and en lists. */
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_util.h"
#include "score/score.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[1024], err[512];
    fuzz_write(fuzz_path(path, sizeof path, "phrases.json"), data, size);
    sim_phrasebook pb;
    if (score_phrases_load(path, &pb, err, sizeof err) == 0) {
        for (int k = 0; k < SIM_PH_COUNT; k++)
            if (pb.zh[k].count == 0 || pb.zh[k].count != pb.en[k].count || !sim_phrase(&pb, (sim_phrase_kind)k, 7, "en"))
                abort();
        sim_phrasebook_free(&pb);
    }
    return 0;
}
