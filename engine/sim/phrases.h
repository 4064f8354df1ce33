/* phrases.h — the everyday phrasing the feed writes with (assets/feed/phrases.json): openers, endings,
 * marks, repost comments, handle parts and reply lines, each list in zh and en with the same length. */
#ifndef YQ_SIM_PHRASES_H
#define YQ_SIM_PHRASES_H

#include "scenario.h"

typedef enum sim_phrase_kind {
    SIM_PH_OPENER,
    SIM_PH_ENDING,
    SIM_PH_MARK_ANGRY,      /* one list per stance, in sim_stance order */
    SIM_PH_MARK_WORRIED,
    SIM_PH_MARK_NEUTRAL,
    SIM_PH_MARK_SUPPORTIVE,
    SIM_PH_MARK_RUMOUR,
    SIM_PH_REPOST_COMMENT,
    SIM_PH_NAME_PREFIX,
    SIM_PH_NAME_CORE,
    SIM_PH_NAME_SUFFIX,
    SIM_PH_MEDIA_PREFIX,
    SIM_PH_MEDIA_SUFFIX,
    SIM_PH_LEADER_PREFIX,
    SIM_PH_LEADER_SUFFIX,
    SIM_PH_OFFICIAL_SUFFIX,
    SIM_PH_REPLY_SUPPORT,
    SIM_PH_REPLY_QUESTION,
    SIM_PH_REPLY_MOCK,
    SIM_PH_REPLY_ANGER,
    SIM_PH_COUNT
} sim_phrase_kind;

typedef struct sim_phrasebook {
    sim_strlist zh[SIM_PH_COUNT];
    sim_strlist en[SIM_PH_COUNT];
} sim_phrasebook;

const char *sim_phrase_name(sim_phrase_kind k);  /* "opener", "mark_angry", ... (the JSON keys) */
void sim_phrasebook_free(sim_phrasebook *pb);
/* Entries in list k (0 when pb is NULL). */
int sim_phrase_count(const sim_phrasebook *pb, sim_phrase_kind k);
/* Entry i (taken modulo the list's length) of list k in lang ("en" or zh); "" when the list is empty. */
const char *sim_phrase(const sim_phrasebook *pb, sim_phrase_kind k, uint32_t i, const char *lang);

#endif
