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

/* Shortest tail of a place name that still names it: "东门菜市场" of "南城区东门菜市场". */
#define PLACE_MIN_CJK 4

/* Whether the bytes from `p` to the end are CJK ideographs only (three-byte UTF-8, U+4E00..U+9FFF). */
static int all_cjk(const unsigned char *p)
{
    for (; *p; p += 3)
        if (p[0] < 0xE4 || p[0] > 0xE9 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
            return 0;
    return 1;
}

/* Where a scenario text appears in the action's text: the whole text in zh or en, or, for the place,
 * a tail of at least PLACE_MIN_CJK ideographs of the zh name (its district or city left out). */
static int find_scenario_text(const score_act *act, const sim_text *t, int tails, sim_span *s)
{
    if (t->zh && t->zh[0] && sim_norm_find(&act->norm, t->zh, 0, s) >= 0)
        return 1;
    if (t->en && t->en[0] && sim_norm_find(&act->norm, t->en, 0, s) >= 0)
        return 1;
    if (!tails || !t->zh)
        return 0;
    size_t n = strlen(t->zh);
    for (size_t i = 1; i + 3 * PLACE_MIN_CJK <= n; i++) {
        const unsigned char *tail = (const unsigned char *)t->zh + i;
        if ((tail[0] & 0xC0) != 0x80 && all_cjk(tail) && sim_norm_find(&act->norm, (const char *)tail, 0, s) >= 0)
            return 1;
    }
    return 0;
}

int score_detect(const score_ctx *x, const plan_detector *d, const score_act *act, sim_span *span)
{
    return act->sound && score_detect_words(x, d, act, span);
}

int score_detect_words(const score_ctx *x, const plan_detector *d, const score_act *act, sim_span *span)
{
    if (!act->has_text)
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
    for (int i = 0; i < d->phrases.count + 2; i++) {
        sim_span s;
        int hit;
        if (i < d->phrases.count)
            hit = sim_norm_find(&act->norm, d->phrases.items[i], 0, &s) >= 0;
        else if (i == d->phrases.count)
            hit = (d->scenario & SCN_TEXT_PLACE) && find_scenario_text(act, &x->w->scn->place, 1, &s);
        else
            hit = (d->scenario & SCN_TEXT_OFFICIAL) && find_scenario_text(act, &x->w->scn->official, 0, &s);
        if (hit && (!found || s.start < best.start)) {
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

/* The warning level the world had reached at time t (0 blue .. 3 red), from its level events. */
int score_world_level_at(const score_ctx *x, sim_time t)
{
    int level = 0;
    for (int i = 0; i < x->w->n_events && x->w->events[i].t <= t; i++)
        if (x->w->events[i].type == SIM_EV_LEVEL)
            level = (int)x->w->events[i].value;
    return level;
}

/* An assessment that puts the warning level below the one monitoring already shows misjudges the
 * very thing the step is for ("影响不大，蓝色" in a crisis at orange): it does not stand for the step.
 * A level above the world's is a forecast and stands. */
int score_act_understates(const score_ctx *x, const score_act *act)
{
    return act->a->type == SIM_ACT_ASSESS && act->a->level != SIM_LEVEL_NONE &&
           act->a->level < score_world_level_at(x, act->a->t);
}

void score_say_understated(score_ctx *x, score_line *l, const sim_text *title, const score_act *act)
{
    score_line_set(l, 0);
    score_clause *c = score_say(x, l, SW_PR_STEP_UNDER);
    score_put_text(x, c, "title", title);
    score_put_minutes(x, c, "minutes", (double)act->a->t);
    score_put_term(x, c, "level", (score_key)(SW_LEVEL_BLUE + act->a->level));
    score_put_term(x, c, "world", (score_key)(SW_LEVEL_BLUE + score_world_level_at(x, act->a->t)));
    score_line_evidence_head(x, l, act);
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
