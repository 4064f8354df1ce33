/* score_accuracy.c — accuracy lines: facts made public before they were verified, wrong numbers,
 * public statements contradicting each other, and rebuttals that do (or do not) cite the rebutting fact. */
#include <math.h>
#include <stdlib.h>

#include "score_internal.h"

#define MAX_LISTED 4   /* facts named in one explanation */

static int public_texts(const score_ctx *x)
{
    int n = 0;
    for (int i = 0; i < x->n_acts; i++)
        n += x->acts[i].is_public && x->acts[i].has_text;
    return n;
}

/* The first hit of fact f in act before hit index k (so each fact counts once per action). */
static int seen_before(const score_act *act, int k, int f)
{
    for (int i = 0; i < k; i++)
        if (act->an.facts[i].fact == f)
            return 1;
    return 0;
}

static const sim_text *fact_text(const score_ctx *x, int f)
{
    return &x->w->scn->facts[f].text;
}

/* A fact's unit: scenarios give it in Chinese only (sim_fact.unit), so English shows the bare number. */
static void put_unit(score_ctx *x, score_clause *c, const sim_fact *f)
{
    score_put_pair(c, "unit", f->unit ? f->unit : "", "", &x->oom);
}

/* "…; in all 2, 5 points each": the closing clause of a penalty line. */
static void say_total(score_ctx *x, score_line *l, score_key key, int count, double per)
{
    score_clause *c = score_say(x, l, key);
    score_put_int(x, c, "count", count);
    score_put_fmt(c, &x->oom, "per", "%g", per);
}

static void unverified_line(score_ctx *x)
{
    const plan_penalty *pen = &x->p->unverified;
    score_line *l = score_line_add(x, "accuracy.", &pen->h, "accuracy", pen->h.points);
    int count = 0;
    for (int i = 0; i < x->n_acts; i++) {
        const score_act *act = &x->acts[i];
        if (!act->is_public || !act->has_text)
            continue;
        for (int k = 0; k < act->an.n_facts; k++) {
            const sim_fact_hit *h = &act->an.facts[k];
            if (seen_before(act, k, h->fact) || score_fact_verified(x, h->fact, act->a->t))
                continue;
            count++;
            score_line_evidence(x, l, act, h->span);
            if (count > MAX_LISTED)
                continue;
            sim_time at = x->verified_at[h->fact];
            score_clause *c = score_say(x, l, at == SIM_NEVER ? SW_AC_UV_NEVER : SW_AC_UV_EARLY);
            score_put_text(x, c, "fact", fact_text(x, h->fact));
            score_put_minutes(x, c, "at", (double)act->a->t);
            if (at != SIM_NEVER)
                score_put_minutes(x, c, "verified", (double)at);
        }
    }
    score_line_set(l, pen->h.points - pen->per * count);
    if (count == 0)
        score_say(x, l, SW_AC_UV_CLEAN);
    else
        say_total(x, l, SW_AC_UV_TOTAL, count, pen->per);
}

static void wrong_line(score_ctx *x)
{
    const plan_penalty *pen = &x->p->wrong;
    score_line *l = score_line_add(x, "accuracy.", &pen->h, "accuracy", pen->h.points);
    int count = 0;
    for (int i = 0; i < x->n_acts; i++) {
        const score_act *act = &x->acts[i];
        if (!act->is_public || !act->has_text)
            continue;
        for (int k = 0; k < act->an.n_facts; k++) {
            const sim_fact_hit *h = &act->an.facts[k];
            if (h->use != SIM_FACT_WRONG || seen_before(act, k, h->fact))
                continue;
            const sim_fact *f = &x->w->scn->facts[h->fact];
            count++;
            score_line_evidence(x, l, act, h->span);
            if (count > MAX_LISTED)
                continue;
            score_clause *c = score_say(x, l, SW_AC_WR_ITEM);
            score_put_text(x, c, "fact", fact_text(x, h->fact));
            score_put_fmt(c, &x->oom, "stated", "%g", h->stated);
            score_put_fmt(c, &x->oom, "value", "%g", f->value);
            put_unit(x, c, f);
        }
    }
    score_line_set(l, pen->h.points - pen->per * count);
    if (count == 0)
        score_say(x, l, SW_AC_WR_CLEAN);
    else
        say_total(x, l, SW_AC_WR_TOTAL, count, pen->per);
}

static void contradiction_line(score_ctx *x)
{
    const plan_penalty *pen = &x->p->contradiction;
    const sim_scenario *s = x->w->scn;
    score_line *l = score_line_add(x, "accuracy.", &pen->h, "accuracy", pen->h.points);
    int count = 0;
    int nf = s->n_facts ? s->n_facts : 1;
    double *last = malloc(sizeof *last * (size_t)nf);
    const score_act **last_act = malloc(sizeof *last_act * (size_t)nf);
    sim_span *last_span = malloc(sizeof *last_span * (size_t)nf);
    if (!last || !last_act || !last_span) {
        x->oom = 1;
        goto done;
    }
    for (int f = 0; f < s->n_facts; f++)
        last_act[f] = NULL;
    for (int i = 0; i < x->n_acts; i++) {
        const score_act *act = &x->acts[i];
        if (!act->is_public || !act->has_text)
            continue;
        for (int k = 0; k < act->an.n_facts; k++) {
            const sim_fact_hit *h = &act->an.facts[k];
            const sim_fact *f = &s->facts[h->fact];
            if (!f->has_value || seen_before(act, k, h->fact))
                continue;
            double said = h->use == SIM_FACT_WRONG ? h->stated : f->value;
            const score_act *prev = last_act[h->fact];
            if (prev && fabs(said - last[h->fact]) > 1e-9 * fmax(1.0, fabs(said))) {
                count++;
                score_line_evidence(x, l, prev, last_span[h->fact]);
                score_line_evidence(x, l, act, h->span);
                if (count <= MAX_LISTED) {
                    score_clause *c = score_say(x, l, SW_AC_CO_ITEM);
                    score_put_text(x, c, "fact", fact_text(x, h->fact));
                    score_put_minutes(x, c, "first_at", (double)prev->a->t);
                    score_put_fmt(c, &x->oom, "first", "%g", last[h->fact]);
                    score_put_minutes(x, c, "second_at", (double)act->a->t);
                    score_put_fmt(c, &x->oom, "second", "%g", said);
                    put_unit(x, c, f);
                }
            }
            last[h->fact] = said;
            last_act[h->fact] = act;
            last_span[h->fact] = h->span;
        }
    }
    score_line_set(l, pen->h.points - pen->per * count);
    if (count == 0)
        score_say(x, l, SW_AC_CO_CLEAN);
    else
        say_total(x, l, SW_AC_CO_TOTAL, count, pen->per);
done:
    free(last);
    free(last_act);
    free(last_span);
}

/* Whether a rebuttal of rumour r cites the fact that rebuts it (or, when the scenario names
 * none, any verified fact); the hit's span in *span. */
static int rebuttal_cites(const score_ctx *x, const score_act *act, int r, sim_span *span)
{
    const sim_rumour *ru = &x->w->scn->rumours[r];
    int want = ru->rebutted_by ? sim_scenario_fact(x->w->scn, ru->rebutted_by) : -1;
    for (int k = 0; act->has_text && k < act->an.n_facts; k++) {
        const sim_fact_hit *h = &act->an.facts[k];
        if (h->use != SIM_FACT_CITED)
            continue;
        if (h->fact == want || (want < 0 && score_fact_verified(x, h->fact, act->a->t))) {
            *span = h->span;
            return 1;
        }
    }
    return 0;
}

static void rebuttal_line(score_ctx *x)
{
    const plan_rebuttal *rb = &x->p->rebuttal;
    const sim_scenario *s = x->w->scn;
    int n = 0, full = 0, any_started = 0;
    for (int r = 0; r < s->n_rumours; r++)
        any_started |= (x->w->rumours && x->w->rumours[r].started);
    for (int i = 0; i < x->w->n_events; i++)
        any_started |= x->w->events[i].type == SIM_EV_RUMOUR_START;
    for (int i = 0; i < x->n_acts; i++)
        n += x->acts[i].a->type == SIM_ACT_REBUT;
    if (n == 0) {
        score_line *l = score_line_add(x, "accuracy.", &rb->h, "accuracy", any_started ? rb->h.points : 0);
        score_line_set(l, 0);
        score_say(x, l, any_started ? SW_AC_RB_MISSING : SW_AC_RB_NONE);
        return;
    }
    score_line *l = score_line_add(x, "accuracy.", &rb->h, "accuracy", rb->h.points);
    double sum = 0;
    for (int i = 0; i < x->n_acts; i++) {
        const score_act *act = &x->acts[i];
        if (act->a->type != SIM_ACT_REBUT)
            continue;
        int r = sim_scenario_rumour(s, act->a->target);
        sim_span span;
        if (r >= 0 && rebuttal_cites(x, act, r, &span)) {
            full++;
            sum += 1.0;
            score_line_evidence(x, l, act, span);
        } else {
            sum += rb->partial;
            score_line_evidence_head(x, l, act);
        }
    }
    score_line_set(l, rb->h.points * sum / n);
    if (full == n && n == 1) {
        score_say(x, l, SW_AC_RB_ONE);
    } else if (full == n) {
        score_put_int(x, score_say(x, l, SW_AC_RB_ALL), "count", n);
    } else {
        score_clause *c = score_say(x, l, SW_AC_RB_BARE);
        score_put_int(x, c, "count", n);
        score_put_int(x, c, "bare", n - full);
        score_put_fmt(c, &x->oom, "partial", "%.0f", rb->partial * 100.0);
    }
}

/* The same rule for the three penalty lines: not applicable when nothing public was said. */
static void penalty(score_ctx *x, const plan_penalty *pen, void (*line)(score_ctx *))
{
    if (!pen->present)
        return;
    if (public_texts(x) == 0) {
        score_line *l = score_line_add(x, "accuracy.", &pen->h, "accuracy", 0);
        score_say(x, l, SW_AC_NO_PUBLIC);
        return;
    }
    line(x);
}

void score_rules_accuracy(score_ctx *x)
{
    penalty(x, &x->p->unverified, unverified_line);
    penalty(x, &x->p->wrong, wrong_line);
    penalty(x, &x->p->contradiction, contradiction_line);
    if (x->p->rebuttal.present)
        rebuttal_line(x);
}
