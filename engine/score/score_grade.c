/* score_grade.c — grading a finished world: takes each logged action's reading from the world (the
 * claims read when it was applied) and its normalised text, learns when each fact was verified,
 * then runs the plan's rule families. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "score_internal.h"

/* The earlier public text this one repeats word for word (after normalisation, traditional characters
 * folded: the hash the world's reading carries; the texts themselves when a reading is missing), or -1. */
static int earlier_copy(const score_ctx *x, int i)
{
    const score_act *act = &x->acts[i];
    for (int k = 0; k < i; k++) {
        const score_act *o = &x->acts[k];
        if (!o->is_public || !o->has_text)
            continue;
        if (act->rd->text_hash && o->rd->text_hash ? o->rd->text_hash == act->rd->text_hash
                                                   : o->norm.len == act->norm.len &&
                                                     memcmp(o->norm.text, act->norm.text, (size_t)act->norm.len) == 0)
            return k;
    }
    return -1;
}

static int ctx_build(score_ctx *x)
{
    const sim_world *w = x->w;
    const sim_scenario *s = w->scn;
    x->verified_at = malloc(sizeof *x->verified_at * (size_t)(s->n_facts ? s->n_facts : 1));
    x->acts = calloc((size_t)(w->n_log ? w->n_log : 1), sizeof *x->acts);
    if (!x->verified_at || !x->acts)
        return -1;
    for (int f = 0; f < s->n_facts; f++)
        x->verified_at[f] = s->facts[f].verified_at;
    for (int i = 0; i < w->n_events; i++) {
        const sim_event *e = &w->events[i];
        if (e->type != SIM_EV_FACT_VERIFIED || e->ref < 0 || e->ref >= s->n_facts)
            continue;
        sim_time *v = &x->verified_at[e->ref];
        if (*v == SIM_NEVER || e->t < *v)
            *v = e->t;
    }
    for (int i = 0; i < w->n_log; i++) {
        score_act *act = &x->acts[i];
        act->index = i;
        act->a = &w->log[i];
        act->is_public = (x->p->public_actions >> (unsigned)act->a->type) & 1u;
        act->dup_of = -1;
        x->n_acts = i + 1;
        if (!act->a->text || !act->a->text[0])
            continue;
        static const sim_reading unread;
        act->rd = sim_action_reading(w, i);
        if (!act->rd)
            act->rd = &unread;
        act->sound = sim_reading_sound(act->rd, act->is_public);
        act->credit = act->sound ? 1.0 : sim_reading_true_share(act->rd);
        if (sim_norm_make(&act->norm, act->a->text))
            return -1;
        act->has_text = 1;
        /* A copy of an earlier public text earns nothing: no deadline, element or step. */
        if (act->is_public && (act->dup_of = earlier_copy(x, i)) >= 0) {
            act->sound = 0;
            act->credit = 0;
        }
    }
    return 0;
}

static void ctx_free(score_ctx *x)
{
    for (int i = 0; i < x->n_acts; i++)
        if (x->acts[i].has_text)
            sim_norm_free(&x->acts[i].norm);
    free(x->acts);
    free(x->verified_at);
}

int score_grade(const score_plan *p, const sim_world *w, const sim_world *baseline, score_card *out,
                char *err, int errlen)
{
    static const sim_lexicon empty_lexicon;
    memset(out, 0, sizeof *out);
    if (!w || !w->scn) {
        snprintf(err, (size_t)errlen, "score: the world has no scenario");
        return -1;
    }
    score_ctx x = {0};
    x.p = p;
    x.w = w;
    x.base = baseline;
    x.lex = w->lex ? w->lex : &empty_lexicon;
    x.card = out;
    size_t n = strlen(p->id) + 1;
    out->plan = malloc(n);
    static const char *const langs[2] = { "zh", "en" };
    for (int i = 0; i < 2; i++) {
        const char *t = score_plan_title(p, langs[i]);
        out->plan_title[i] = t ? strdup(t) : NULL;
    }
    if (!out->plan || !out->plan_title[0] || !out->plan_title[1] || ctx_build(&x)) {
        ctx_free(&x);
        score_card_free(out);
        snprintf(err, (size_t)errlen, "score: out of memory");
        return -1;
    }
    memcpy(out->plan, p->id, n);
    score_rules_timeliness(&x);
    score_rules_process(&x);
    score_rules_form(&x);
    score_rules_accuracy(&x);
    score_rules_answers(&x);
    score_rules_outcome(&x);
    ctx_free(&x);
    if (x.oom) {
        score_card_free(out);
        snprintf(err, (size_t)errlen, "score: out of memory");
        return -1;
    }
    score_card_recompute(out);
    return 0;
}
