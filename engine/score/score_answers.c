/* score_answers.c — the press-answer lines (plan "answers", category media): one line per scenario
 * question, graded on the answers given to it — in time, stating its expected facts, no trap, no evasion. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "score_internal.h"

#define MAX_ANSWERS 32   /* answers to one question that are judged */
#define MAX_NAMED 4      /* answers that earn nothing named in an explanation */
#define MAX_FACTS 32     /* facts of one question that are judged */

int score_answer_counts(const score_ctx *x, const score_act *act)
{
    const plan_answers *pa = &x->p->answers;
    if (!act->has_text || !act->sound)
        return 0;
    return !pa->present || !score_detect(x, &pa->evasion, act, NULL);
}

/* The answers given to one question: all of them, and those that count (score_answer_counts). */
typedef struct answer_set {
    int q;
    const sim_question *qd;   /* NULL for a live question */
    const char *id;           /* what an answer names: the question's id, or "live-N" */
    sim_time asked;
    const score_act *all[MAX_ANSWERS]; int n_all;
    const score_act *ok[MAX_ANSWERS]; int n_ok;
} answer_set;

/* When an event of `type` about question q first happened; SIM_NEVER when it did not. */
static sim_time question_event(const score_ctx *x, sim_event_type type, int q)
{
    for (int i = 0; i < x->w->n_events; i++)
        if (x->w->events[i].type == type && x->w->events[i].ref == q)
            return x->w->events[i].t;
    return SIM_NEVER;
}

/* The answers given to question id (put at `asked`); one given before a live question was put answers nothing. */
static void collect(const score_ctx *x, const char *id, sim_time asked, answer_set *s)
{
    s->id = id;
    s->asked = asked;
    for (int i = 0; i < x->n_acts && s->n_all < MAX_ANSWERS; i++) {
        const score_act *act = &x->acts[i];
        if (act->a->type != SIM_ACT_ANSWER || !act->a->target || strcmp(act->a->target, id) != 0 ||
            (!s->qd && act->a->t < asked))
            continue;
        s->all[s->n_all++] = act;
        if (score_answer_counts(x, act))
            s->ok[s->n_ok++] = act;
    }
}

static void put_fact(score_ctx *x, score_clause *c, const char *slot, int f)
{
    score_put_text(x, score_put_item(c, slot, SW_AN_FACT, SW_JOIN_LIST, SW_JOIN_LIST, &x->oom), "fact",
                   &x->w->scn->facts[f].text);
}

/* "Expected: 「…」、「…」." naming the question's expected facts. */
static void say_expected(score_ctx *x, score_line *l, const sim_question *qd)
{
    score_clause *c = NULL;
    for (int i = 0; i < qd->expects.count; i++) {
        int f = sim_scenario_fact(x->w->scn, qd->expects.items[i]);
        if (f < 0)
            continue;
        if (!c)
            c = score_say(x, l, SW_AN_EXPECTED);
        put_fact(x, c, "facts", f);
    }
}

static void put_quote(score_ctx *x, score_clause *c, const score_act *act, sim_span s)
{
    char buf[128];
    int n = s.len < (int)sizeof buf - 1 ? s.len : (int)sizeof buf - 1;
    memcpy(buf, act->a->text + s.start, (size_t)n);
    buf[n] = '\0';
    score_put_str(x, c, "quote", buf);
}

/* The first claim that makes a text unsound (a truth denied, a falsehood asserted, a rumour repeated). */
static const sim_claim *first_untrue(const score_act *act)
{
    for (int k = 0; act->rd && k < act->rd->n_claims; k++) {
        sim_claim_effect e = sim_claim_effect_of(&act->rd->claims[k]);
        if (e == SIM_EFFECT_FALSE || e == SIM_EFFECT_CONFIRMS || e == SIM_EFFECT_REPEATS)
            return &act->rd->claims[k];
    }
    return NULL;
}

/* Why an answer earns nothing: it evades, denies a verified fact, asserts a falsehood, repeats a
 * rumour, or says nothing of substance. */
static void say_not_counted(score_ctx *x, score_line *l, const score_act *act)
{
    const sim_scenario *scn = x->w->scn;
    sim_span s;
    score_clause *c;
    const sim_claim *bad = first_untrue(act);
    if (act->sound && score_detect(x, &x->p->answers.evasion, act, &s)) {
        c = score_say(x, l, SW_AN_EVASIVE);
        put_quote(x, c, act, s);
        score_line_evidence(x, l, act, s);
    } else if (bad) {
        score_key key = bad->about == SIM_ABOUT_FACT ? SW_AN_DENIES
                        : sim_claim_effect_of(bad) == SIM_EFFECT_REPEATS ? SW_AN_REPEATS : SW_AN_FALSE;
        c = score_say(x, l, key);
        score_put_text(x, c, "what", bad->about == SIM_ABOUT_FACT ? &scn->facts[bad->ref].text
                                     : bad->about == SIM_ABOUT_RUMOUR ? &scn->rumours[bad->ref].claim
                                                                      : &scn->claims[bad->ref].text);
        score_line_evidence(x, l, act, bad->span);
    } else {
        c = score_say(x, l, SW_AN_UNSOUND);
        score_line_evidence_head(x, l, act);
    }
    score_put_minutes(x, c, "minutes", (double)act->a->t);
}

/* The countdown starts when the question is put: when reporters asked it, or at the latest press
 * conference held since, before the answer. */
static sim_time put_at(const score_ctx *x, sim_time asked, const score_act *ans)
{
    sim_time start = asked == SIM_NEVER ? ans->a->t : asked;
    for (int i = 0; i < ans->index; i++)
        if (x->acts[i].a->type == SIM_ACT_PRESS && x->acts[i].a->t > start)
            start = x->acts[i].a->t;
    return start;
}

/* Share kept for answering `elapsed` seconds after the question was put. */
static double on_time_part(score_ctx *x, score_line *l, const answer_set *s)
{
    const plan_answers *pa = &x->p->answers;
    const score_act *first = s->ok[0];
    double elapsed = (double)(first->a->t - put_at(x, s->asked, first));
    double kept = score_fade(elapsed / 60.0 - pa->minutes, pa->grace, x->p->late_keeps);
    score_clause *c = score_say(x, l, kept >= 1.0 ? SW_AN_ON_TIME : SW_AN_LATE);
    score_put_minutes(x, c, "minutes", elapsed > 0 ? elapsed : 0);
    score_put_minutes(x, c, "limit", pa->minutes * 60.0);
    if (kept < 1.0)
        score_put_fmt(c, &x->oom, "kept", "%.0f", kept * 100.0);
    return kept;
}

static int listed(const sim_strlist *l, const char *id)
{
    for (int i = 0; i < l->count; i++)
        if (strcmp(l->items[i], id) == 0)
            return 1;
    return 0;
}

/* Whether a counted answer says a question fact is still being checked, or when more will be known. */
static int says_pending(const score_ctx *x, const answer_set *s)
{
    for (int k = 0; k < s->n_ok; k++) {
        const score_act *act = s->ok[k];
        if (score_detect(x, &x->p->answers.pending, act, NULL))
            return 1;
        for (int i = 0; i < act->rd->n_claims; i++) {
            const sim_claim *c = &act->rd->claims[i];
            if (c->about != SIM_ABOUT_FACT || c->stance != SIM_STANCE_HEDGES)
                continue;
            const char *id = x->w->scn->facts[c->ref].id;
            if (listed(&s->qd->expects, id) || listed(&s->qd->traps, id))
                return 1;
        }
    }
    return 0;
}

/* Share of the expected facts verified by the last counted answer that the counted answers state
 * (`cites`); with none verified then, whether they say when more will be known. */
static double expects_part(score_ctx *x, score_line *l, const answer_set *s)
{
    sim_time last = s->ok[s->n_ok - 1]->a->t;
    int due = 0, cited = 0, missing[MAX_FACTS], n_missing = 0;
    for (int i = 0; i < s->qd->expects.count; i++) {
        int f = sim_scenario_fact(x->w->scn, s->qd->expects.items[i]);
        if (f < 0 || !score_fact_verified(x, f, last))
            continue;
        due++;
        const sim_claim *hit = NULL;
        int k = 0;
        while (k < s->n_ok && !(hit = sim_reading_find(s->ok[k]->rd, SIM_ABOUT_FACT, f, SIM_EFFECT_CITES)))
            k++;
        if (hit) {
            cited++;
            score_line_evidence(x, l, s->ok[k], hit->span);
        } else if (n_missing < MAX_FACTS) {
            missing[n_missing++] = f;
        }
    }
    if (!s->qd->expects.count)
        return 1.0;
    if (!due) {
        int pending = says_pending(x, s);
        score_say(x, l, pending ? SW_AN_PENDING_OK : SW_AN_PENDING_MISS);
        if (!pending)
            say_expected(x, l, s->qd);
        return pending;
    }
    if (cited == due) {
        score_put_int(x, score_say(x, l, SW_AN_CITED_ALL), "count", due);
        return 1.0;
    }
    score_clause *c = score_say(x, l, cited ? SW_AN_CITED_SOME : SW_AN_CITED_NONE);
    if (cited) {
        score_put_int(x, c, "cited", cited);
        score_put_int(x, c, "count", due);
    }
    for (int i = 0; i < n_missing; i++)
        put_fact(x, c, "missing", missing[i]);
    return (double)cited / due;
}

/* 1 when no follow-up was asked or a counted answer came after the one that drew it; else 0. */
static double followup_part(score_ctx *x, score_line *l, const answer_set *s)
{
    sim_time at = question_event(x, SIM_EV_FOLLOWUP, s->q);
    if (at == SIM_NEVER)
        return 1.0;
    int drew = -1;
    for (int k = 0; k < s->n_all && drew < 0; k++)
        if (s->all[k]->a->t >= at)
            drew = s->all[k]->index;
    for (int k = 0; k < s->n_ok; k++) {
        if (s->ok[k]->index > drew) {
            score_say(x, l, SW_AN_FOLLOWUP_OK);
            return 1.0;
        }
    }
    score_put_text(x, score_say(x, l, SW_AN_FOLLOWUP_MISS), "followup", &s->qd->followup);
    return 0.0;
}

/* The first claim of an answer that asserts fact f wrongly: before it was verified (a trap), or with
 * a wrong or outdated figure. */
static const sim_claim *misstated(const score_ctx *x, const score_act *act, int f, int trap)
{
    for (int c = 0; act->rd && c < act->rd->n_claims; c++) {
        const sim_claim *cl = &act->rd->claims[c];
        if (cl->about != SIM_ABOUT_FACT || cl->ref != f || cl->stance != SIM_STANCE_ASSERTS)
            continue;
        sim_claim_effect e = sim_claim_effect_of(cl);
        if ((trap && !score_fact_verified(x, f, act->a->t)) ||
            (score_fact_verified(x, f, act->a->t) && (e == SIM_EFFECT_WRONG || e == SIM_EFFECT_OUTDATED)))
            return cl;
    }
    return NULL;
}

/* Facts of the question any answer misstated — a trap asserted before it was verified, an expected
 * or trapped figure given wrong — each counted once. */
static int traps_part(score_ctx *x, score_line *l, const answer_set *s)
{
    const sim_strlist *lists[2] = {&s->qd->traps, &s->qd->expects};
    int n = 0, seen[MAX_FACTS], n_seen = 0;
    for (int li = 0; li < 2; li++) {
        for (int i = 0; i < lists[li]->count; i++) {
            int f = sim_scenario_fact(x->w->scn, lists[li]->items[i]), dup = 0;
            for (int k = 0; k < n_seen; k++)
                dup |= seen[k] == f;
            if (f < 0 || dup || n_seen >= MAX_FACTS)
                continue;
            seen[n_seen++] = f;
            int trap = listed(&s->qd->traps, lists[li]->items[i]);
            for (int k = 0; k < s->n_all; k++) {
                const score_act *act = s->all[k];
                const sim_claim *hit = misstated(x, act, f, trap);
                if (!hit)
                    continue;
                n++;
                int early = !score_fact_verified(x, f, act->a->t);
                score_key key = !early ? SW_AN_WRONG : x->verified_at[f] == SIM_NEVER ? SW_AN_TRAP_NEVER : SW_AN_TRAP;
                score_clause *c = score_say(x, l, key);
                score_put_text(x, c, "fact", &x->w->scn->facts[f].text);
                score_put_minutes(x, c, "minutes", (double)act->a->t);
                if (key == SW_AN_TRAP)
                    score_put_minutes(x, c, "verified", (double)x->verified_at[f]);
                score_line_evidence(x, l, act, hit->span);
                break;
            }
        }
    }
    return n;
}

/* Whether a counted answer uses a stiff or blaming phrase (named in the explanation). */
static int stiff_part(score_ctx *x, score_line *l, const answer_set *s)
{
    for (int k = 0; k < s->n_ok; k++) {
        sim_span sp;
        if (!score_detect(x, &x->p->answers.stiff_words, s->ok[k], &sp))
            continue;
        put_quote(x, score_say(x, l, SW_AN_STIFF), s->ok[k], sp);
        score_line_evidence(x, l, s->ok[k], sp);
        return 1;
    }
    return 0;
}

/* A question's line: "<plan title>：<question>" (qe NULL: the zh text in both), id media.answer.<id>. */
static score_line *add_line(score_ctx *x, const char *id, const char *qz, const char *qe, double max)
{
    const plan_answers *pa = &x->p->answers;
    const char *pz = sim_text_get(&pa->h.title, "zh"), *pe = sim_text_get(&pa->h.title, "en");
    if (!qe)
        qe = qz;
    size_t nz = strlen(pz) + strlen(qz) + 8, ne = strlen(pe) + strlen(qe) + 8;
    plan_head h = pa->h;
    h.id = (char *)id;
    h.title.zh = malloc(nz);
    h.title.en = malloc(ne);
    score_line *l = NULL;
    if (h.title.zh && h.title.en) {
        snprintf(h.title.zh, nz, "%s：%s", pz, qz);
        snprintf(h.title.en, ne, "%s: %s", pe, qe);
        l = score_line_add(x, "media.answer.", &h, "media", max);
    } else {
        x->oom = 1;
    }
    free(h.title.zh);
    free(h.title.en);
    return l;
}

/* Why the answers that earn nothing do not count (the first few); the number that count. */
static int say_uncounted(score_ctx *x, score_line *l, const answer_set *s)
{
    int named = 0;
    for (int k = 0; k < s->n_all && named < MAX_NAMED; k++)
        if (!score_answer_counts(x, s->all[k])) {
            say_not_counted(x, l, s->all[k]);
            named++;
        }
    return s->n_ok;
}

static void answer_line(score_ctx *x, int q, double max)
{
    const plan_answers *pa = &x->p->answers;
    answer_set s = {.q = q, .qd = &x->w->scn->questions[q]};
    collect(x, s.qd->id, question_event(x, SIM_EV_QUESTION, q), &s);
    int due = s.qd->at == SIM_NEVER || s.qd->at <= x->w->now;
    score_line *l = add_line(x, s.qd->id, sim_text_get(&s.qd->text, "zh"), sim_text_get(&s.qd->text, "en"),
                             s.asked == SIM_NEVER && !due && !s.n_all ? 0 : max);
    if (!l)
        return;
    score_line_set(l, 0);
    if (s.asked == SIM_NEVER && !s.n_all) {
        score_clause *c = score_say(x, l, due ? SW_AN_NOT_ASKED : SW_AN_NOT_DUE);
        if (!due) {
            score_put_minutes(x, c, "at", (double)s.qd->at);
            score_put_minutes(x, c, "end", (double)x->w->now);
        }
        return;
    }
    if (!s.n_all) {
        score_put_minutes(x, score_say(x, l, SW_AN_UNANSWERED), "minutes", (double)s.asked);
        say_expected(x, l, s.qd);
        return;
    }
    if (!say_uncounted(x, l, &s)) {
        say_expected(x, l, s.qd);
        return;
    }
    double v = pa->on_time * on_time_part(x, l, &s) + pa->expects * expects_part(x, l, &s) +
               pa->followup * followup_part(x, l, &s);
    v -= pa->trap * traps_part(x, l, &s);
    if (pa->stiff > 0)
        v -= pa->stiff * stiff_part(x, l, &s);
    score_line_set(l, max * (v > 0 ? v : 0));
}

/* A live question (the drill's n-th ask, the action `ask`): it expects no facts, so its line grades what
 * applies — answered at all, within the plan's countdown, without evasion or anything false — and names
 * the reporter and outlet who asked it. */
static void live_line(score_ctx *x, int n, const sim_action *ask, double max)
{
    const plan_answers *pa = &x->p->answers;
    char id[32];
    snprintf(id, sizeof id, SIM_LIVE_PREFIX "%d", n);
    answer_set s = {.q = -1};
    collect(x, id, ask->t, &s);
    score_line *l = add_line(x, id, ask->text, NULL, max);
    if (!l)
        return;
    score_line_set(l, 0);
    score_clause *c = score_say(x, l, ask->channel ? SW_AN_LIVE_OUTLET : SW_AN_LIVE);
    if (strcmp(ask->target, SIM_ASKER_INSTRUCTOR) == 0)
        score_put_term(x, c, "reporter", SW_AN_INSTRUCTOR);
    else
        score_put_str(x, c, "reporter", ask->target);
    if (ask->channel)
        score_put_str(x, c, "outlet", ask->channel);
    score_put_minutes(x, c, "minutes", (double)ask->t);
    if (!s.n_all) {
        score_put_minutes(x, score_say(x, l, SW_AN_UNANSWERED), "minutes", (double)ask->t);
        return;
    }
    if (!say_uncounted(x, l, &s))
        return;
    double v = pa->on_time * on_time_part(x, l, &s) + pa->expects + pa->followup;
    if (pa->stiff > 0)
        v -= pa->stiff * stiff_part(x, l, &s);
    score_line_set(l, max * (v > 0 ? v : 0));
}

void score_rules_answers(score_ctx *x)
{
    const sim_scenario *scn = x->w->scn;
    if (!x->p->answers.present)
        return;
    double each = x->p->answers.h.points / (scn->n_questions ? scn->n_questions : 1);
    for (int q = 0; q < scn->n_questions; q++)
        answer_line(x, q, each);
    for (int i = 0, n = 0; i < x->w->n_log; i++)
        if (x->w->log[i].type == SIM_ACT_ASK)
            live_line(x, ++n, &x->w->log[i], each);
}
