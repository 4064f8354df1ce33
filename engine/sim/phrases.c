/* phrases.c — names and look-up of the phrasebook's lists (sim_phrasebook); the JSON reading lives
 * with the other asset readers in engine/score. */
#include "phrases.h"

#include <string.h>

static const char *const names[SIM_PH_COUNT] = {
    "opener", "ending", "mark_angry", "mark_worried", "mark_neutral", "mark_supportive", "mark_rumour",
    "repost_comment", "name_prefix", "name_core", "name_suffix", "media_prefix", "media_suffix",
    "leader_prefix", "leader_suffix", "official_suffix", "reply_support", "reply_question", "reply_mock",
    "reply_anger",
};

const char *sim_phrase_name(sim_phrase_kind k)
{
    return (unsigned)k < SIM_PH_COUNT ? names[k] : "";
}

void sim_phrasebook_free(sim_phrasebook *pb)
{
    for (int k = 0; pb && k < SIM_PH_COUNT; k++) {
        sim_strlist_free(&pb->zh[k]);
        sim_strlist_free(&pb->en[k]);
    }
    if (pb)
        memset(pb, 0, sizeof *pb);
}

int sim_phrase_count(const sim_phrasebook *pb, sim_phrase_kind k)
{
    return pb && (unsigned)k < SIM_PH_COUNT ? pb->zh[k].count : 0;
}

const char *sim_phrase(const sim_phrasebook *pb, sim_phrase_kind k, uint32_t i, const char *lang)
{
    int n = sim_phrase_count(pb, k);
    if (n == 0)
        return "";
    const sim_strlist *l = lang && strcmp(lang, "en") == 0 ? &pb->en[k] : &pb->zh[k];
    return l->items[i % (uint32_t)n];
}
