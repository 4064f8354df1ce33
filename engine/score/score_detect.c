/* score_detect.c — whether an action's text contains what a plan's detector asks for
 * (a lexicon list, a fact of some kind it asserts truly, a plan phrase), and when facts became verified. */
#include <string.h>

#include "score_internal.h"

int score_kind_listed(const sim_strlist *kinds, const char *kind)
{
    for (int i = 0; i < kinds->count; i++)
        if (strcmp(kinds->items[i], "*") == 0 || (kind && strcmp(kinds->items[i], kind) == 0))
            return 1;
    return 0;
}

/* Returns 1 with the span of the earliest match in the text, or 0; an unsound text (a list of
 * phrases, a false or merely rumour-repeating text) contains nothing. */
int score_detect(const score_ctx *x, const plan_detector *d, const score_act *act, sim_span *span)
{
    if (!act->has_text || !act->sound)
        return 0;
    int found = 0;
    sim_span best = {0, 0};
    for (int k = 0; k < SIM_LEX_STYLE_COUNT; k++) {
        if (!((d->lex >> (unsigned)k) & 1u) || act->rd->lex_hits[k] <= 0)
            continue;
        sim_span s = act->rd->lex[k];
        if (!found || s.start < best.start) {
            best = s;
            found = 1;
        }
    }
    for (int i = 0; i < act->rd->n_claims && d->fact_kinds.count; i++) {
        const sim_claim *c = &act->rd->claims[i];
        sim_claim_effect e = sim_claim_effect_of(c);
        if (c->about != SIM_ABOUT_FACT || (e != SIM_EFFECT_CITES && e != SIM_EFFECT_EARLY) ||
            !score_kind_listed(&d->fact_kinds, x->w->scn->facts[c->ref].kind))
            continue;
        if (!found || c->span.start < best.start) {
            best = c->span;
            found = 1;
        }
    }
    const char *phrase;
    for (int i = 0; i < d->phrases.count + 2; i++) {
        if (i < d->phrases.count)
            phrase = d->phrases.items[i];
        else if (i == d->phrases.count)
            phrase = (d->scenario & SCN_TEXT_PLACE) ? x->w->scn->place.zh : NULL;
        else
            phrase = (d->scenario & SCN_TEXT_OFFICIAL) ? x->w->scn->official.zh : NULL;
        sim_span s;
        if (!phrase || !phrase[0] || sim_norm_find(&act->norm, phrase, 0, &s) < 0)
            continue;
        if (!found || s.start < best.start) {
            best = s;
            found = 1;
        }
    }
    if (found && span)
        *span = best;
    return found;
}

int score_fact_verified(const score_ctx *x, int fact, sim_time t)
{
    sim_time v = x->verified_at[fact];
    return v != SIM_NEVER && t >= v;
}

int score_act_rebuts(const score_ctx *x, const score_act *act, int r, int *with_fact)
{
    int fact = 0;
    if (!act->is_public || !act->has_text)
        return 0;
    int aimed = act->a->type == SIM_ACT_REBUT && act->a->target && strcmp(act->a->target, x->w->scn->rumours[r].id) == 0;
    sim_rebut how = aimed ? sim_reading_rebuts_aimed(act->rd, x->w->scn, r, &fact)
                          : sim_reading_rebuts(act->rd, x->w->scn, r, &fact);
    if (with_fact)
        *with_fact = fact;
    return how == SIM_REBUT_DENIES || (how == SIM_REBUT_FACTS && aimed);
}
