/* claim_effect.c — what a read claim means for whoever made it (cites a fact, states a wrong or
 * outdated figure, denies a truth, confirms or repeats a rumour, denies a falsehood), the one
 * judgement the world's reaction and the scorer share; and the claim vocabulary's names. */
#include "claims.h"

#include <stddef.h>

static const char *const about_names[] = {"fact", "rumour", "claim"};
static const char *const stance_names[] = {"asserts", "denies", "reports", "hedges"};
static const char *const status_names[] = {"verified", "unverified", "outdated", "false"};
static const char *const effect_names[] = {"none", "cites", "early", "wrong", "outdated",
                                           "false", "confirms", "repeats", "denies"};

const char *sim_about_name(sim_about a)
{
    return a >= 0 && a <= SIM_ABOUT_CLAIM ? about_names[a] : "";
}

const char *sim_claim_stance_name(sim_claim_stance s)
{
    return s >= 0 && s <= SIM_STANCE_HEDGES ? stance_names[s] : "";
}

const char *sim_claim_status_name(sim_claim_status s)
{
    return s >= 0 && s <= SIM_STATUS_FALSE ? status_names[s] : "";
}

const char *sim_claim_effect_name(sim_claim_effect e)
{
    return e >= 0 && e <= SIM_EFFECT_DENIES ? effect_names[e] : "";
}

const char *sim_claim_id(const sim_scenario *s, const sim_claim *c)
{
    switch (c->about) {
    case SIM_ABOUT_FACT:
        return c->ref >= 0 && c->ref < s->n_facts ? s->facts[c->ref].id : "";
    case SIM_ABOUT_RUMOUR:
        return c->ref >= 0 && c->ref < s->n_rumours ? s->rumours[c->ref].id : "";
    case SIM_ABOUT_CLAIM:
        return c->ref >= 0 && c->ref < s->n_claims ? s->claims[c->ref].id : "";
    }
    return "";
}

/* A fact, or a true declared claim. A number fact named without a figure states no figure. */
static sim_claim_effect of_truth(const sim_claim *c, int number_fact)
{
    if (c->stance == SIM_STANCE_DENIES)
        return c->has_number && !c->number_fits ? SIM_EFFECT_NONE : SIM_EFFECT_FALSE;
    if (c->stance != SIM_STANCE_ASSERTS)
        return SIM_EFFECT_NONE;
    if (c->has_number && !c->number_fits)
        return SIM_EFFECT_WRONG;
    if (number_fact && !c->has_number)
        return SIM_EFFECT_NONE;
    switch (c->status) {
    case SIM_STATUS_OUTDATED:
        return SIM_EFFECT_OUTDATED;
    case SIM_STATUS_VERIFIED:
        return SIM_EFFECT_CITES;
    default:
        return SIM_EFFECT_EARLY;
    }
}

/* A rumour, or a false declared claim. */
static sim_claim_effect of_falsehood(const sim_claim *c, int rumour)
{
    switch (c->stance) {
    case SIM_STANCE_ASSERTS:
        return rumour ? SIM_EFFECT_CONFIRMS : SIM_EFFECT_FALSE;
    case SIM_STANCE_DENIES:
        return SIM_EFFECT_DENIES;
    case SIM_STANCE_REPORTS:
        return rumour ? SIM_EFFECT_REPEATS : SIM_EFFECT_NONE;
    default:
        return SIM_EFFECT_NONE;
    }
}

sim_claim_effect sim_claim_effect_of(const sim_claim *c)
{
    switch (c->about) {
    case SIM_ABOUT_FACT:
        return of_truth(c, c->figure);
    case SIM_ABOUT_RUMOUR:
        return of_falsehood(c, 1);
    case SIM_ABOUT_CLAIM:
        return c->status == SIM_STATUS_FALSE ? of_falsehood(c, 0) : of_truth(c, 0);
    }
    return SIM_EFFECT_NONE;
}

const sim_claim *sim_reading_find(const sim_reading *rd, sim_about about, int ref, sim_claim_effect e)
{
    for (int i = 0; rd && i < rd->n_claims; i++)
        if (rd->claims[i].about == about && rd->claims[i].ref == ref && sim_claim_effect_of(&rd->claims[i]) == e)
            return &rd->claims[i];
    return NULL;
}

sim_rebut sim_reading_rebuts(const sim_reading *rd, const sim_scenario *s, int r, int *with_fact)
{
    int fact = sim_scenario_fact(s, s->rumours[r].rebutted_by);
    *with_fact = fact >= 0 && sim_reading_find(rd, SIM_ABOUT_FACT, fact, SIM_EFFECT_CITES) != NULL;
    if (sim_reading_find(rd, SIM_ABOUT_RUMOUR, r, SIM_EFFECT_CONFIRMS) ||
        sim_reading_find(rd, SIM_ABOUT_RUMOUR, r, SIM_EFFECT_REPEATS))
        return SIM_REBUT_NONE;
    if (sim_reading_find(rd, SIM_ABOUT_RUMOUR, r, SIM_EFFECT_DENIES))
        return SIM_REBUT_DENIES;
    return *with_fact ? SIM_REBUT_FACTS : SIM_REBUT_NONE;
}

int sim_reading_sound(const sim_reading *rd, int in_public)
{
    if (!rd || rd->content < SIM_SOUND_CONTENT || rd->listed)
        return 0;
    if (!in_public)
        return 1;
    int repeats = 0, says = 0;
    for (int i = 0; i < rd->n_claims; i++) {
        switch (sim_claim_effect_of(&rd->claims[i])) {
        case SIM_EFFECT_FALSE:
        case SIM_EFFECT_CONFIRMS:
            return 0;
        case SIM_EFFECT_REPEATS:
            repeats++;
            break;
        case SIM_EFFECT_NONE:
            break;
        default:
            says++;
        }
    }
    return repeats == 0 || says > 0;
}

double sim_reading_true_share(const sim_reading *rd)
{
    if (!rd || rd->content < SIM_SOUND_CONTENT || rd->listed)
        return 0;
    int stated = 0, true_ = 0;
    for (int i = 0; i < rd->n_claims; i++) {
        sim_claim_effect e = sim_claim_effect_of(&rd->claims[i]);
        if (e == SIM_EFFECT_NONE || e == SIM_EFFECT_REPEATS)
            continue;
        stated++;
        true_ += e == SIM_EFFECT_CITES || e == SIM_EFFECT_EARLY || e == SIM_EFFECT_DENIES;
    }
    return stated ? (double)true_ / stated : 0;
}

sim_rebut sim_reading_rebuts_aimed(const sim_reading *rd, const sim_scenario *s, int r, int *with_fact)
{
    sim_rebut how = sim_reading_rebuts(rd, s, r, with_fact);
    if (how == SIM_REBUT_DENIES || !rd || rd->free_denials == 0)
        return how;
    for (int i = 0; i < rd->n_claims; i++)
        if (rd->claims[i].about == SIM_ABOUT_RUMOUR && rd->claims[i].ref == r)
            return how;
    return SIM_REBUT_DENIES;
}
