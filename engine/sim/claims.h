/* claims.h — reading a statement as claims: what each sentence is about (a declared fact, rumour
 * or false claim), the writer's stance towards it, the number bound to it and its status then. */
#ifndef YQ_SIM_CLAIMS_H
#define YQ_SIM_CLAIMS_H

#include "text.h"

typedef enum sim_about { SIM_ABOUT_FACT, SIM_ABOUT_RUMOUR, SIM_ABOUT_CLAIM } sim_about;

typedef enum sim_claim_stance {
    SIM_STANCE_ASSERTS,  /* stated as true in the writer's own voice */
    SIM_STANCE_DENIES,   /* stated as false */
    SIM_STANCE_REPORTS,  /* mentioned as what others say, asked, or merely listed */
    SIM_STANCE_HEDGES    /* said to be unknown yet, under verification, possible, conditional */
} sim_claim_stance;

typedef enum sim_claim_status {
    SIM_STATUS_VERIFIED,    /* true and verified at the moment of the statement */
    SIM_STATUS_UNVERIFIED,  /* true but not yet verified then */
    SIM_STATUS_OUTDATED,    /* a figure that was right, superseded by a verified successor */
    SIM_STATUS_FALSE        /* a rumour, a false claim, or a number that is not the fact's */
} sim_claim_status;

typedef struct sim_claim {
    sim_about about;
    int ref;                 /* index into the scenario's facts, rumours or claims */
    sim_claim_stance stance;
    int figure;              /* what it is about is a figure (a fact with a value) */
    int has_number;
    double number;           /* in the fact's unit */
    sim_num_kind num_kind;
    int number_fits;         /* the number agrees with the fact's value (within its qualifier) */
    sim_claim_status status; /* of what the claim is about, as the writer's number gives it, then */
    int outdated_by;         /* fact index of the verified successor when status is OUTDATED, else -1 */
    sim_span span;           /* in the original text */
} sim_claim;

#define SIM_MAX_CLAIMS 48
#define SIM_MAX_RETRACTED 8

typedef struct sim_reading {
    sim_claim claims[SIM_MAX_CLAIMS];
    int n_claims;
    sim_span lex[SIM_LEX_COUNT];   /* first hit of each lexicon list, len 0 when none */
    int lex_hits[SIM_LEX_COUNT];   /* words of each list that appear (officialese never also a measure,
                                      and no word found only inside a retracted span) */
    sim_span retracted[SIM_MAX_RETRACTED]; /* in the original: falsehoods the text denies, with the quotation
                                              marks around them ("“…临时工…”的说法不实"): not its own words */
    int n_retracted;
    int chars;                     /* UTF-8 characters of the original */
    int content;                   /* letters, digits and CJK characters: what is said, not punctuation */
    int listed;                    /* the text is a bare list of phrases (no claim is asserted) */
    int free_denials;              /* denial words (不实, 谣言) that govern no mention: "网传消息纯属谣言" */
    uint64_t text_hash;            /* sim_norm_hash of the text (traditional folded): a copy has the same */
} sim_reading;

/* When each fact and each declared claim became verified (SIM_NEVER: not yet). NULL arrays mean
 * the scenario's own verified_at times. */
typedef struct sim_truth {
    const sim_time *fact_verified;   /* per scenario fact */
    sim_time now;                    /* the moment of the statement */
} sim_truth;

/* Read `text` (UTF-8) against the scenario at a moment. 0, or -1 on allocation failure.
 * Traditional characters are folded when the lexicon carries a folder (sim_lexicon.fold). */
int sim_read(const char *text, const sim_scenario *s, const sim_lexicon *lx, const sim_truth *truth,
             sim_reading *out);

/* Whether a fact / a declared claim is true and verified by truth->now. */
int sim_truth_fact_verified(const sim_scenario *s, const sim_truth *truth, int fact);

const char *sim_about_name(sim_about a);           /* "fact", "rumour", "claim" */
const char *sim_claim_stance_name(sim_claim_stance s); /* "asserts", "denies", "reports", "hedges" */
const char *sim_claim_status_name(sim_claim_status s); /* "verified", "unverified", "outdated", "false" */
/* The scenario id of what a claim is about. */
const char *sim_claim_id(const sim_scenario *s, const sim_claim *c);

/* What a claim means for the one who made it, the same for the world and the scorer. */
typedef enum sim_claim_effect {
    SIM_EFFECT_NONE,         /* reported, hedged, or a denial of a falsehood without credit */
    SIM_EFFECT_CITES,        /* asserts a true, verified fact (or a fitting number of it) */
    SIM_EFFECT_EARLY,        /* asserts a true fact before it was verified */
    SIM_EFFECT_WRONG,        /* asserts a number that is not the fact's */
    SIM_EFFECT_OUTDATED,     /* asserts a superseded figure after its successor was verified */
    SIM_EFFECT_FALSE,        /* denies a true fact, or asserts a declared false claim */
    SIM_EFFECT_CONFIRMS,     /* asserts a rumour */
    SIM_EFFECT_REPEATS,      /* repeats a rumour without denying it */
    SIM_EFFECT_DENIES        /* denies a rumour or a false claim */
} sim_claim_effect;

sim_claim_effect sim_claim_effect_of(const sim_claim *c);
const char *sim_claim_effect_name(sim_claim_effect e);

/* Whether a text says something and nothing false: it has some content (SIM_SOUND_CONTENT letters,
 * digits or CJK characters), is no bare list of phrases and, when public, denies no truth, confirms
 * no falsehood and does not merely repeat rumours (an internal report may relay them). Only a sound
 * text can stand as a response or a step, earn a deadline or an element of form. */
#define SIM_SOUND_CONTENT 4
int sim_reading_sound(const sim_reading *rd, int in_public);
/* For a text with content that is no bare list of phrases: the share of its statements (claims that
 * cite, deny, confirm, or assert early, wrongly, outdatedly or falsely) that are true (cite, deny a
 * falsehood, assert a true fact early), 0 when it states nothing; 0 for any
 * other text. What a public text that mixes true and false statements can still earn for its words. */
double sim_reading_true_share(const sim_reading *rd);

/* The first claim of a reading about (about, ref) with that effect; NULL when none. */
const sim_claim *sim_reading_find(const sim_reading *rd, sim_about about, int ref, sim_claim_effect e);

/* How a text answers rumour r, the same for the world and the scorer: SIM_REBUT_DENIES (it denies
 * it and neither repeats nor confirms it), SIM_REBUT_FACTS (it states the verified rebutting fact
 * without naming the rumour: a rebuttal by facts when the text is aimed at the rumour), or
 * SIM_REBUT_NONE. *with_fact tells whether the verified rebutting fact is stated. */
typedef enum sim_rebut { SIM_REBUT_NONE, SIM_REBUT_FACTS, SIM_REBUT_DENIES } sim_rebut;
sim_rebut sim_reading_rebuts(const sim_reading *rd, const sim_scenario *s, int r, int *with_fact);
/* The same for a rebuttal aimed at rumour r (its action names it): a denial that names nothing
 * ("网传消息纯属谣言") denies the rumour aimed at. */
sim_rebut sim_reading_rebuts_aimed(const sim_reading *rd, const sim_scenario *s, int r, int *with_fact);

#endif
