/* score_accuracy.c — accuracy lines, all judged on the claims the world read from each public text:
 * facts asserted before they were verified, wrong or outdated figures, denied truths and confirmed
 * falsehoods, rumours repeated in the official voice, contradictions, rebuttals with or without
 * the rebutting fact, and corrections of the body's own earlier false or outdated words. */
#include <math.h>
#include <string.h>
#include <stdlib.h>

#include "score_internal.h"

#define MAX_LISTED 4      /* items named in one explanation */
#define QUOTE_CHARS 24    /* characters of a quoted span in an explanation */

static int public_texts(const score_ctx *x)
{
    int n = 0;
    for (int i = 0; i < x->n_acts; i++)
        n += x->acts[i].is_public && x->acts[i].has_text;
    return n;
}

/* Whether claim k of a reading repeats an earlier claim of it about the same thing with the same
 * effect (each thing counts once per action). */
static int seen_before(const sim_reading *rd, int k)
{
    const sim_claim *c = &rd->claims[k];
    for (int i = 0; i < k; i++)
        if (rd->claims[i].about == c->about && rd->claims[i].ref == c->ref &&
            sim_claim_effect_of(&rd->claims[i]) == sim_claim_effect_of(c))
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

/* The words of a claim as written, cut at QUOTE_CHARS characters with "…". */
static void put_quote(score_ctx *x, score_clause *c, const score_act *act, sim_span sp)
{
    const char *t = act->a->text + sp.start;
    int bytes = 0, chars = 0;
    while (bytes < sp.len && chars < QUOTE_CHARS) {
        unsigned char ch = (unsigned char)t[bytes];
        bytes += ch < 0x80 ? 1 : ch >= 0xF0 ? 4 : ch >= 0xE0 ? 3 : 2;
        chars++;
    }
    if (bytes > sp.len)
        bytes = sp.len;
    score_put_fmt(c, &x->oom, "quote", "%.*s%s", bytes, t, bytes < sp.len ? "…" : "");
}

static const sim_text *claim_text(const score_ctx *x, const sim_claim *c)
{
    const sim_scenario *s = x->w->scn;
    return c->about == SIM_ABOUT_RUMOUR ? &s->rumours[c->ref].claim
           : c->about == SIM_ABOUT_CLAIM ? &s->claims[c->ref].text
                                         : &s->facts[c->ref].text;
}

/* Whom a declared false claim wrongs (a blamed victim, an accused person), or NULL. */
static const sim_text *wronged(const score_ctx *x, const sim_claim *c)
{
    if (c->about != SIM_ABOUT_CLAIM)
        return NULL;
    const sim_text *t = &x->w->scn->claims[c->ref].hurts;
    return t->zh || t->en ? t : NULL;
}

/* "…; in all 2, 5 points each": the closing clause of a penalty line. */
static void say_total(score_ctx *x, score_line *l, score_key key, int count, double per)
{
    score_clause *c = score_say(x, l, key);
    score_put_int(x, c, "count", count);
    score_put_fmt(c, &x->oom, "per", "%g", per);
}

static void scaled_set(score_ctx *x, score_line *l, const plan_penalty *pen, double count);
static double false_item(score_ctx *x, score_line *l, const score_act *act, const sim_claim *c, int listed);
static double spread_item(score_ctx *x, score_line *l, const score_act *act, const sim_claim *c, int listed);

/* One explained item of a penalty line; returns its weight (1 for most, by size for a wrong figure),
 * 0 when the claim does not count. */
typedef double (*item_fn)(score_ctx *x, score_line *l, const score_act *act, const sim_claim *c, int listed);

/* The common walk of the penalty lines: every public text's claims, once per thing and effect. */
static void penalty_walk(score_ctx *x, const plan_penalty *pen, item_fn item, score_key clean, score_key total)
{
    score_line *l = score_line_add(x, "accuracy.", &pen->h, "accuracy", pen->h.points);
    /* Counted, not capped: mistakes may take a line to -max; lies and spread rumours have no floor. */
    if (l)
        l->floor = item == false_item || item == spread_item ? -HUGE_VAL : -l->max;
    int count = 0;
    double load = 0;
    for (int i = 0; i < x->n_acts; i++) {
        const score_act *act = &x->acts[i];
        if (!act->is_public || !act->has_text)
            continue;
        for (int k = 0; k < act->rd->n_claims; k++) {
            double weight = seen_before(act->rd, k) ? 0 : item(x, l, act, &act->rd->claims[k], count < MAX_LISTED);
            if (weight <= 0)
                continue;
            count++;
            load += weight;
            score_line_evidence(x, l, act, act->rd->claims[k].span);
        }
    }
    if (count == 0)
        score_say(x, l, clean);
    else
        say_total(x, l, total, count, pen->per);
    if (fabs(load - count) > 1e-9)
        score_put_fmt(score_say(x, l, item == false_item ? SW_AC_FA_WEIGHTED : SW_AC_WEIGHTED), &x->oom, "cost", "%.1f",
                      pen->per * load);
    scaled_set(x, l, pen, load);
}

/* How much a wrong figure weighs: half an item when it is close, growing with its relative distance
 * from the true value, up to two items (off by 1 of 3 weighs 0.83, off by 18 of 3 weighs 2). */
static double size_weight(double stated, double value)
{
    double off = fabs(stated - value) / fmax(fabs(value), 1.0);
    return fmin(2.0, 0.5 + off);
}

static double unverified_item(score_ctx *x, score_line *l, const score_act *act, const sim_claim *c, int listed)
{
    if (sim_claim_effect_of(c) != SIM_EFFECT_EARLY)
        return 0;
    if (listed) {
        sim_time at = c->about == SIM_ABOUT_FACT ? x->verified_at[c->ref] : x->w->scn->claims[c->ref].verified_at;
        score_clause *cl = score_say(x, l, at == SIM_NEVER ? SW_AC_UV_NEVER : SW_AC_UV_EARLY);
        score_put_text(x, cl, "fact", claim_text(x, c));
        score_put_minutes(x, cl, "at", (double)act->a->t);
        if (at != SIM_NEVER)
            score_put_minutes(x, cl, "verified", (double)at);
    }
    return 1;
}

static double wrong_item(score_ctx *x, score_line *l, const score_act *act, const sim_claim *c, int listed)
{
    sim_claim_effect e = sim_claim_effect_of(c);
    if (e != SIM_EFFECT_WRONG && e != SIM_EFFECT_OUTDATED)
        return 0;
    const sim_fact *f = &x->w->scn->facts[c->ref];
    double weight = e == SIM_EFFECT_WRONG && c->has_number && f->has_value ? size_weight(c->number, f->value) : 1.0;
    if (!listed)
        return weight;
    if (e == SIM_EFFECT_OUTDATED) {
        const sim_fact *now = &x->w->scn->facts[c->outdated_by];
        score_clause *cl = score_say(x, l, SW_AC_WR_OUTDATED);
        score_put_text(x, cl, "fact", fact_text(x, c->ref));
        score_put_fmt(cl, &x->oom, "stated", "%g%s", c->number, f->unit ? f->unit : "");
        score_put_minutes(x, cl, "at", (double)act->a->t);
        score_put_minutes(x, cl, "first_at", (double)x->verified_at[c->ref]);
        score_put_fmt(cl, &x->oom, "value", "%g%s", now->value, now->unit ? now->unit : "");
        score_put_minutes(x, cl, "verified", (double)x->verified_at[c->outdated_by]);
        return 1;
    }
    score_clause *cl = score_say(x, l, SW_AC_WR_ITEM);
    score_put_text(x, cl, "fact", fact_text(x, c->ref));
    score_put_fmt(cl, &x->oom, "stated", "%g", c->number);
    score_put_fmt(cl, &x->oom, "value", "%g", f->value);
    put_unit(x, cl, f);
    return weight;
}

static double false_item(score_ctx *x, score_line *l, const score_act *act, const sim_claim *c, int listed)
{
    sim_claim_effect e = sim_claim_effect_of(c);
    if (e != SIM_EFFECT_FALSE && e != SIM_EFFECT_CONFIRMS)
        return 0;
    const sim_text *whom = e == SIM_EFFECT_FALSE ? wronged(x, c) : NULL;
    double weight = whom ? x->p->false_.hurt : 1.0;
    if (!listed)
        return weight;
    score_key key = c->about == SIM_ABOUT_FACT ? SW_AC_FA_FACT : c->about == SIM_ABOUT_RUMOUR ? SW_AC_FA_RUMOUR : SW_AC_FA_CLAIM;
    score_clause *cl = score_say(x, l, key);
    score_put_text(x, cl, c->about == SIM_ABOUT_FACT ? "fact" : "claim", claim_text(x, c));
    score_put_minutes(x, cl, "at", (double)act->a->t);
    put_quote(x, cl, act, c->span);
    if (weight > 1.0) {
        cl = score_say(x, l, SW_AC_FA_HURTS);
        score_put_text(x, cl, "whom", whom);
        score_put_fmt(cl, &x->oom, "weight", "%g", weight);
    }
    return weight;
}

static double spread_item(score_ctx *x, score_line *l, const score_act *act, const sim_claim *c, int listed)
{
    if (sim_claim_effect_of(c) != SIM_EFFECT_REPEATS)
        return 0;
    if (listed) {
        score_clause *cl = score_say(x, l, SW_AC_SP_ITEM);
        score_put_text(x, cl, "claim", claim_text(x, c));
        score_put_minutes(x, cl, "at", (double)act->a->t);
        put_quote(x, cl, act, c->span);
    }
    return 1;
}

typedef struct said_figure {
    const score_act *act;
    sim_span span;
    double value;
} said_figure;

/* The cause a claim gives, when what it asserts is a fact or a declared claim of kind "cause". */
static int gives_cause(const sim_scenario *s, const sim_claim *c)
{
    const char *kind = c->about == SIM_ABOUT_FACT ? s->facts[c->ref].kind
                       : c->about == SIM_ABOUT_CLAIM ? s->claims[c->ref].kind : NULL;
    return c->stance == SIM_STANCE_ASSERTS && kind && strcmp(kind, "cause") == 0;
}

/* A public text giving another cause than the last one given (起因先说A后说B): one more item. */
static int changed_cause(score_ctx *x, score_line *l, const score_act *act, const sim_claim *c,
                         const score_act **last_act, const sim_claim **last, int listed)
{
    int changed = *last && ((*last)->about != c->about || (*last)->ref != c->ref);
    if (changed) {
        score_line_evidence(x, l, *last_act, (*last)->span);
        score_line_evidence(x, l, act, c->span);
        if (listed) {
            score_clause *cl = score_say(x, l, SW_AC_CO_CAUSE);
            score_put_minutes(x, cl, "first_at", (double)(*last_act)->a->t);
            score_put_text(x, cl, "first", claim_text(x, *last));
            score_put_minutes(x, cl, "second_at", (double)act->a->t);
            score_put_text(x, cl, "second", claim_text(x, c));
        }
    }
    *last_act = act;
    *last = c;
    return changed;
}

static void contradiction_line(score_ctx *x)
{
    const plan_penalty *pen = &x->p->contradiction;
    const sim_scenario *s = x->w->scn;
    score_line *l = score_line_add(x, "accuracy.", &pen->h, "accuracy", pen->h.points);
    if (l)
        l->floor = -l->max;
    int count = 0;
    said_figure *last = calloc((size_t)(s->n_facts ? s->n_facts : 1), sizeof *last);
    if (!last) {
        x->oom = 1;
        return;
    }
    const score_act *cause_act = NULL;
    const sim_claim *cause = NULL;
    for (int i = 0; i < x->n_acts; i++) {
        const score_act *act = &x->acts[i];
        if (!act->is_public || !act->has_text)
            continue;
        for (int k = 0; k < act->rd->n_claims; k++) {
            const sim_claim *c = &act->rd->claims[k];
            if (!seen_before(act->rd, k) && gives_cause(s, c))
                count += changed_cause(x, l, act, c, &cause_act, &cause, count < MAX_LISTED);
            if (c->about != SIM_ABOUT_FACT || c->stance != SIM_STANCE_ASSERTS || !c->has_number || seen_before(act->rd, k))
                continue;
            said_figure *prev = &last[c->ref];
            if (prev->act && fabs(c->number - prev->value) > 1e-9 * fmax(1.0, fabs(c->number))) {
                count++;
                score_line_evidence(x, l, prev->act, prev->span);
                score_line_evidence(x, l, act, c->span);
                if (count <= MAX_LISTED) {
                    score_clause *cl = score_say(x, l, SW_AC_CO_ITEM);
                    score_put_text(x, cl, "fact", fact_text(x, c->ref));
                    score_put_minutes(x, cl, "first_at", (double)prev->act->a->t);
                    score_put_fmt(cl, &x->oom, "first", "%g", prev->value);
                    score_put_minutes(x, cl, "second_at", (double)act->a->t);
                    score_put_fmt(cl, &x->oom, "second", "%g", c->number);
                    put_unit(x, cl, &s->facts[c->ref]);
                }
            }
            *prev = (said_figure){act, c->span, c->number};
        }
    }
    if (count == 0)
        score_say(x, l, SW_AC_CO_CLEAN);
    else
        say_total(x, l, SW_AC_CO_TOTAL, count, pen->per);
    scaled_set(x, l, pen, count);
    free(last);
}

/* Rebuttals: every public text that rebuts a rumour, and every rebut action, judged on its claims —
 * full marks with the rebutting fact, `partial` for a bare denial, nothing for a repetition. */
static void rebuttal_line(score_ctx *x)
{
    const plan_rebuttal *rb = &x->p->rebuttal;
    const sim_scenario *s = x->w->scn;
    int n = 0, full = 0, repeats = 0, any_started = 0;
    double sum = 0;
    for (int r = 0; r < s->n_rumours; r++)
        any_started |= (x->w->rumours && x->w->rumours[r].started);
    for (int i = 0; i < x->w->n_events; i++)
        any_started |= x->w->events[i].type == SIM_EV_RUMOUR_START;
    score_line *l = NULL;
    for (int i = 0; i < x->n_acts; i++) {
        const score_act *act = &x->acts[i];
        int aimed = act->a->type == SIM_ACT_REBUT ? sim_scenario_rumour(s, act->a->target) : -1;
        for (int r = 0; r < s->n_rumours; r++) {
            int with_fact = 0;
            int rebuts = score_act_rebuts(x, act, r, &with_fact);
            if (!rebuts && r != aimed)
                continue;
            if (!l)
                l = score_line_add(x, "accuracy.", &rb->h, "accuracy", rb->h.points);
            n++;
            if (rebuts && with_fact) {
                full++;
                sum += 1.0;
                const sim_claim *c = sim_reading_find(act->rd, SIM_ABOUT_FACT, sim_scenario_fact(s, s->rumours[r].rebutted_by),
                                                      SIM_EFFECT_CITES);
                score_line_evidence(x, l, act, c ? c->span : (sim_span){0, 0});
            } else if (rebuts) {
                sum += rb->partial;
                score_line_evidence_head(x, l, act);
            } else {
                repeats++;
                score_line_evidence_head(x, l, act);
            }
        }
    }
    if (n == 0) {
        l = score_line_add(x, "accuracy.", &rb->h, "accuracy", any_started ? rb->h.points : 0);
        score_line_set(l, 0);
        score_say(x, l, any_started ? SW_AC_RB_MISSING : SW_AC_RB_NONE);
        return;
    }
    score_line_set(l, rb->h.points * sum / n);
    int real = n - repeats;
    if (real > 0 && full == real && real == 1)
        score_say(x, l, SW_AC_RB_ONE);
    else if (real > 0 && full == real)
        score_put_int(x, score_say(x, l, SW_AC_RB_ALL), "count", real);
    else if (real > 0) {
        score_clause *c = score_say(x, l, SW_AC_RB_BARE);
        score_put_int(x, c, "count", real);
        score_put_int(x, c, "bare", real - full);
        score_put_fmt(c, &x->oom, "partial", "%.0f", rb->partial * 100.0);
    } else {
        score_say(x, l, SW_AC_RB_MISSING);
    }
    if (repeats)
        score_put_int(x, score_say(x, l, SW_AC_RB_REPEAT), "count", repeats);
}

/* One thing the body said wrong in public, the first time, and what became of it. */
typedef struct wrong_said {
    const score_act *act;
    const sim_claim *c;
} wrong_said;

/* Whether a later public text sets a wrong claim right: it asserts the true fact (the figure's own,
 * or its verified successor for an outdated one), denies the false claim (asserts the true one it
 * denied), or rebuts the rumour or asserts its rebutting fact without repeating it. */
static int sets_right(const score_ctx *x, const score_act *act, const sim_claim *c)
{
    if (!act->is_public || !act->has_text || act->dup_of >= 0)
        return 0;
    if (c->about == SIM_ABOUT_RUMOUR) {
        int f = sim_scenario_fact(x->w->scn, x->w->scn->rumours[c->ref].rebutted_by);
        return score_act_rebuts(x, act, c->ref, NULL) ||
               (f >= 0 && sim_reading_find(act->rd, SIM_ABOUT_FACT, f, SIM_EFFECT_CITES) &&
                !sim_reading_find(act->rd, SIM_ABOUT_RUMOUR, c->ref, SIM_EFFECT_CONFIRMS) &&
                !sim_reading_find(act->rd, SIM_ABOUT_RUMOUR, c->ref, SIM_EFFECT_REPEATS));
    }
    if (c->about == SIM_ABOUT_CLAIM)
        return sim_reading_find(act->rd, SIM_ABOUT_CLAIM, c->ref,
                                x->w->scn->claims[c->ref].truth ? SIM_EFFECT_CITES : SIM_EFFECT_DENIES) != NULL;
    int f = sim_claim_effect_of(c) == SIM_EFFECT_OUTDATED ? c->outdated_by : c->ref;
    return sim_reading_find(act->rd, SIM_ABOUT_FACT, f, SIM_EFFECT_CITES) != NULL;
}

/* A claim that something must later set right: a wrong or outdated figure, a denied truth, an asserted
 * false claim, a confirmed rumour. */
static int needs_correcting(const sim_claim *c)
{
    sim_claim_effect e = sim_claim_effect_of(c);
    return e == SIM_EFFECT_WRONG || e == SIM_EFFECT_OUTDATED || e == SIM_EFFECT_FALSE || e == SIM_EFFECT_CONFIRMS;
}

int score_act_corrects(const score_ctx *x, const score_act *act)
{
    int i = (int)(act - x->acts);
    for (int w = 0; w < i; w++) {
        const score_act *wrong = &x->acts[w];
        for (int k = 0; wrong->is_public && wrong->has_text && k < wrong->rd->n_claims; k++) {
            const sim_claim *c = &wrong->rd->claims[k];
            if (!needs_correcting(c) || !sets_right(x, act, c))
                continue;
            int before = 0;
            for (int j = w + 1; j < i && !before; j++)
                before = sets_right(x, &x->acts[j], c);
            if (!before)
                return 1;
        }
    }
    return 0;
}

/* When the truth that corrects claim c became known: its fact's (or successor's, or the rumour's
 * rebutting fact's) verification, a true declared claim's; a false one is known false from the start. */
static sim_time truth_known(const score_ctx *x, const sim_claim *c)
{
    const sim_scenario *s = x->w->scn;
    if (c->about == SIM_ABOUT_CLAIM)
        return s->claims[c->ref].truth ? s->claims[c->ref].verified_at : 0;
    int f = c->about == SIM_ABOUT_RUMOUR ? sim_scenario_fact(s, s->rumours[c->ref].rebutted_by)
          : sim_claim_effect_of(c) == SIM_EFFECT_OUTDATED ? c->outdated_by : c->ref;
    return f < 0 ? 0 : x->verified_at[f];
}

/* Self-correction: every thing first said wrong in public (a wrong or outdated figure, a denied truth,
 * an asserted false claim, a confirmed rumour) whose truth became known is an item — set right
 * explicitly (a word of the lexicon's correction list; with an apology when the claim wronged someone)
 * and within the plan's minutes of the truth (or of the wrong words, when later): full; silent,
 * unapologetic or late: `partial` each; never: 0. An item whose
 * limit had not passed when the drill ended uncorrected is not judged; with no item the line does not
 * apply. */
static void correction_line(score_ctx *x)
{
    const plan_correction *pc = &x->p->correction;
    wrong_said items[64];
    int n = 0;
    for (int i = 0; i < x->n_acts; i++) {
        const score_act *act = &x->acts[i];
        for (int k = 0; act->is_public && act->has_text && k < act->rd->n_claims; k++) {
            const sim_claim *c = &act->rd->claims[k];
            if (!needs_correcting(c))
                continue;
            int seen = 0;
            for (int m = 0; m < n && !seen; m++)
                seen = items[m].c->about == c->about && items[m].c->ref == c->ref;
            if (!seen && n < (int)(sizeof items / sizeof *items))
                items[n++] = (wrong_said){act, c};
        }
    }
    score_line *l = NULL;
    double sum = 0;
    int judged = 0;
    for (int m = 0; m < n; m++) {
        const score_act *wrong = items[m].act;
        const sim_claim *c = items[m].c;
        sim_time known = truth_known(x, c);
        if (known == SIM_NEVER)
            continue;
        sim_time from = known > wrong->a->t ? known : wrong->a->t;
        sim_time until = from + (sim_time)(pc->minutes * 60.0);
        const score_act *fix = NULL;
        for (int i = (int)(wrong - x->acts) + 1; i < x->n_acts && !fix; i++)
            if (sets_right(x, &x->acts[i], c))
                fix = &x->acts[i];
        if (!fix && x->w->now < until)
            continue;
        if (!l) {
            l = score_line_add(x, "accuracy.", &pc->h, "accuracy", pc->h.points);
            if (!l)
                return;
        }
        judged++;
        int false_claim = c->about == SIM_ABOUT_CLAIM && !x->w->scn->claims[c->ref].truth;
        score_clause *cl = score_say(x, l, false_claim ? (fix ? SW_AC_CR_ITEM_FALSE : SW_AC_CR_NEVER_FALSE)
                                                       : (fix ? SW_AC_CR_ITEM : SW_AC_CR_NEVER));
        score_put_text(x, cl, "what", claim_text(x, c));
        score_put_minutes(x, cl, "at", (double)wrong->a->t);
        put_quote(x, cl, wrong, c->span);
        if (!false_claim)
            score_put_minutes(x, cl, "known", (double)known);
        score_line_evidence(x, l, wrong, c->span);
        if (!fix)
            continue;
        score_put_minutes(x, cl, "fixed_at", (double)fix->a->t);
        score_line_evidence_head(x, l, fix);
        sim_span span;
        int explicit_ = sim_norm_find_any(&fix->norm, &x->lex->words[SIM_LEX_CORRECTION], &span, NULL) >= 0;
        const sim_text *whom = wronged(x, c);
        int apologised = !whom || sim_norm_find_any(&fix->norm, &x->lex->words[SIM_LEX_APOLOGY], &span, NULL) >= 0;
        int prompt = fix->a->t <= until;
        double f = (explicit_ && apologised ? 1.0 : pc->partial) * (prompt ? 1.0 : pc->partial);
        sum += f;
        if (explicit_ && apologised && prompt)
            score_put_minutes(x, score_say(x, l, SW_AC_CR_FULL), "limit", pc->minutes * 60.0);
        if (!explicit_)
            score_say(x, l, SW_AC_CR_SILENT);
        if (!apologised)
            score_put_text(x, score_say(x, l, SW_AC_CR_NO_APOLOGY), "whom", whom);
        if (!prompt)
            score_put_minutes(x, score_say(x, l, SW_AC_CR_LATE), "limit", pc->minutes * 60.0);
        if (f < 1.0)
            score_put_fmt(score_say(x, l, SW_AC_CR_KEPT), &x->oom, "kept", "%.0f", f * 100.0);
    }
    if (!judged) {
        score_say(x, score_line_add(x, "accuracy.", &pc->h, "accuracy", 0), SW_AC_CR_NONE);
        return;
    }
    score_line_set(l, pc->h.points * sum / judged);
}

/* Share of the public texts' statements (facts and claims asserted or denied, rumours confirmed)
 * that were no lie (a denied truth, a confirmed falsehood); -1 when nothing was stated at all.
 * Accuracy is earned by what was said, not by saying nothing but rumours, lists and empty words,
 * nor by saying the opposite of the facts; a mistaken figure costs only its own line. */
static double truth_share(const score_ctx *x)
{
    int stated = 0, true_ = 0;
    for (int i = 0; i < x->n_acts; i++) {
        const score_act *act = &x->acts[i];
        for (int k = 0; act->is_public && act->has_text && k < act->rd->n_claims; k++) {
            sim_claim_effect e = sim_claim_effect_of(&act->rd->claims[k]);
            if (e == SIM_EFFECT_NONE || e == SIM_EFFECT_REPEATS || e == SIM_EFFECT_DENIES)
                continue;
            stated++;
            true_ += e != SIM_EFFECT_FALSE && e != SIM_EFFECT_CONFIRMS;
        }
    }
    return stated ? (double)true_ / stated : -1.0;
}

/* Whether public action `act` cites fact f as the office's own. */
static int act_cites(const score_act *act, int f)
{
    for (int k = 0; act->is_public && act->has_text && k < act->rd->n_claims; k++) {
        const sim_claim *c = &act->rd->claims[k];
        if (c->about == SIM_ABOUT_FACT && c->ref == f && sim_claim_effect_of(c) == SIM_EFFECT_CITES)
            return 1;
    }
    return 0;
}

/* Whether a reporter's question expects fact f in its answer: the public asked for it. */
static int asked_for(const sim_scenario *s, int f)
{
    for (int q = 0; q < s->n_questions; q++)
        for (int k = 0; k < s->questions[q].expects.count; k++)
            if (sim_scenario_fact(s, s->questions[q].expects.items[k]) == f)
                return 1;
    return 0;
}

/* How promptly the verified facts reached the public: for each fact verified during the drill, the delay
 * from its verification to its first citation in a public text earns 1 within the plan's promptness
 * minutes, then fades (score_fade with the plan's late_keeps); a citation before the verification counts
 * as on time (the public had it; its recklessness is accuracy.unverified's), and a fact a reporter's
 * question asked for that was never cited counts as cited at the end of the drill (unless a verified
 * successor replaced it), so leaving the questions' facts unsaid is never prompt. The mean over
 * those facts; 1 when the plan sets no promptness or nothing was verified. True words said hours after
 * they could have helped earn little: 快报事实. */
static double promptness(const score_ctx *x)
{
    const plan_prompt *pr = &x->p->prompt;
    int nf = x->w->scn->n_facts, counted = 0;
    if (!pr->present || nf == 0)
        return 1.0;
    double sum = 0;
    for (int f = 0; f < nf; f++) {
        if (x->verified_at[f] == SIM_NEVER)
            continue;
        sim_time at = SIM_NEVER;
        for (int i = 0; i < x->n_acts; i++) {
            if (act_cites(&x->acts[i], f)) {
                at = x->acts[i].a->t > x->verified_at[f] ? x->acts[i].a->t : x->verified_at[f];
                break;
            }
        }
        int next = sim_fact_successor(x->w->scn, f);
        if (at == SIM_NEVER && (!asked_for(x->w->scn, f) || (next >= 0 && x->verified_at[next] != SIM_NEVER)))
            continue;   /* nobody asked for it, or a verified successor replaced the figure */
        if (at == SIM_NEVER)
            at = x->w->now;
        sum += score_fade((double)(at - x->verified_at[f]) / 60.0 - pr->minutes, pr->grace, x->p->late_keeps);
        counted++;
    }
    return counted ? sum / counted : 1.0;
}

static int stated_anything(const score_ctx *x)
{
    return truth_share(x) >= 0;
}

/* A penalty line's points: its maximum scaled by the share of true statements and by how promptly the
 * verified facts were published, less its deductions. */
static void scaled_set(score_ctx *x, score_line *l, const plan_penalty *pen, double count)
{
    double share = truth_share(x), prompt = promptness(x);
    if (share < 0) {   /* nothing stated: the line can only lose (rumours repeated) */
        score_line_set(l, -pen->per * count);
        score_say(x, l, SW_AC_NOTHING_STATED);
        return;
    }
    score_line_set(l, pen->h.points * share * (0.5 + 0.5 * prompt) - pen->per * count);
    if (share < 1.0)
        score_put_fmt(score_say(x, l, SW_AC_SHARE), &x->oom, "share", "%.0f", share * 100.0);
    if (prompt < 1.0) {
        score_clause *c = score_say(x, l, SW_AC_PROMPT);
        score_put_fmt(c, &x->oom, "pct", "%.0f", prompt * 100.0);
        score_put_fmt(c, &x->oom, "minutes", "%.0f", x->p->prompt.minutes);
    }
}

/* The same rule for the penalty lines: not applicable when nothing public was said, and nothing
 * earned when nothing was stated. */
static void penalty(score_ctx *x, const plan_penalty *pen, item_fn item, score_key clean, score_key total)
{
    if (!pen->present)
        return;
    if (public_texts(x) == 0) {
        score_line *l = score_line_add(x, "accuracy.", &pen->h, "accuracy", 0);
        score_say(x, l, SW_AC_NO_PUBLIC);
        return;
    }
    if (!stated_anything(x) && item != spread_item) {
        score_line *l = score_line_add(x, "accuracy.", &pen->h, "accuracy", pen->h.points);
        score_line_set(l, 0);
        score_say(x, l, SW_AC_NOTHING_STATED);
        return;
    }
    penalty_walk(x, pen, item, clean, total);
}

void score_rules_accuracy(score_ctx *x)
{
    penalty(x, &x->p->unverified, unverified_item, SW_AC_UV_CLEAN, SW_AC_UV_TOTAL);
    penalty(x, &x->p->wrong, wrong_item, SW_AC_WR_CLEAN, SW_AC_WR_TOTAL);
    penalty(x, &x->p->false_, false_item, SW_AC_FA_CLEAN, SW_AC_FA_TOTAL);
    penalty(x, &x->p->rumour_spread, spread_item, SW_AC_SP_CLEAN, SW_AC_SP_TOTAL);
    if (x->p->contradiction.present) {
        if (public_texts(x) == 0)
            score_say(x, score_line_add(x, "accuracy.", &x->p->contradiction.h, "accuracy", 0), SW_AC_NO_PUBLIC);
        else if (!stated_anything(x))
            score_say(x, score_line_add(x, "accuracy.", &x->p->contradiction.h, "accuracy", x->p->contradiction.h.points),
                      SW_AC_NOTHING_STATED);
        else
            contradiction_line(x);
    }
    if (x->p->rebuttal.present)
        rebuttal_line(x);
    if (x->p->correction.present)
        correction_line(x);
}
