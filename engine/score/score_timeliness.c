/* score_timeliness.c — deadline lines: when the report, the first public response, authoritative
 * information, the press conference and each rumour's rebuttal happened against the limits (the plan's,
 * the scenario's own, or the plan's scaled to the drill: deadline_limit.c). */
#include <string.h>

#include "score_internal.h"

/* Share of the points kept when something happened `elapsed` seconds after its clock started. */
static double kept(const score_ctx *x, const plan_deadline *d, double elapsed)
{
    return score_fade(elapsed / 60.0 - d->minutes, d->grace, x->p->late_keeps);
}

/* How an event `elapsed` seconds after its clock started fared against the limit, e.g. "「首次公开回应」：
 * 事发后72分钟，超出60分钟的时限12分钟；…". `since` names the clock; the caller puts the "what" slot. */
static score_clause *explain(score_ctx *x, score_why **w, const plan_deadline *d, score_key since, double elapsed,
                             double f)
{
    double limit = d->minutes * 60.0;
    double over = elapsed - limit;
    score_key key = elapsed <= limit                       ? SW_DL_ON_TIME
                    : d->grace * 60.0 > over               ? SW_DL_LATE_FADING
                    : f > 0                                ? SW_DL_LATE_TAIL
                    : d->grace > 0                         ? SW_DL_LATE_FADED
                                                           : SW_DL_LATE;
    score_clause *c = score_say_aside(x, w, key);
    score_put_term(x, c, "since", since);
    score_put_minutes(x, c, "minutes", elapsed);
    score_put_minutes(x, c, "limit", limit);
    if (key == SW_DL_ON_TIME)
        return c;
    score_put_minutes(x, c, "over", over);
    if (key != SW_DL_LATE)
        score_put_minutes(x, c, "grace", d->grace * 60.0);
    if (key == SW_DL_LATE_FADING || key == SW_DL_LATE_TAIL)
        score_put_fmt(c, &x->oom, "kept", "%.0f", f * 100.0);
    return c;
}

/* Whether an answer that counts (sound, no evasion) follows action i: a press conference is held
 * only through its answers. */
static int answered_after(const score_ctx *x, int i)
{
    for (int k = i + 1; k < x->n_acts; k++)
        if (x->acts[k].a->type == SIM_ACT_ANSWER && score_answer_counts(x, &x->acts[k]))
            return 1;
    return 0;
}

/* The first action that meets a non-rumour deadline, and the span that shows it; NULL when none. */
static const score_act *first_meeting(const score_ctx *x, const plan_deadline *d, sim_span *span)
{
    for (int i = 0; i < x->n_acts; i++) {
        const score_act *act = &x->acts[i];
        span->start = span->len = 0;
        if (d->what == WHEN_ACTION && (int)act->a->type == d->action && score_act_counts(act) &&
            !score_act_understates(x, act) &&
            (d->action != SIM_ACT_PRESS || answered_after(x, i)))
            return act;
        if (d->what == WHEN_PUBLIC && act->is_public && act->sound &&
            (act->a->type != SIM_ACT_PRESS || answered_after(x, i)) &&
            (act->a->type != SIM_ACT_ANSWER || score_answer_counts(x, act)))
            return act;
        if (d->what != WHEN_AUTHORITATIVE || !act->is_public || !act->sound)
            continue;
        for (int k = 0; k < act->rd->n_claims; k++) {
            const sim_claim *c = &act->rd->claims[k];
            if (c->about == SIM_ABOUT_FACT && sim_claim_effect_of(c) == SIM_EFFECT_CITES &&
                (!d->fact_kinds.count || score_kind_listed(&d->fact_kinds, x->w->scn->facts[c->ref].kind))) {
                *span = c->span;
                return act;
            }
        }
    }
    return NULL;
}

/* Whether the logistics item a deadline requires was arranged before the action that met it (earlier
 * in the log: "venue" before the press conference). */
static int arranged_before(const score_ctx *x, const plan_deadline *d, const score_act *act)
{
    const char *item = sim_logistics_name((sim_logistics)d->requires);
    for (int i = 0; i < act - x->acts; i++)
        if (x->acts[i].a->type == SIM_ACT_LOGISTICS && strcmp(x->acts[i].a->target, item) == 0)
            return 1;
    return 0;
}

/* The first assessment of an action deadline's kind that understated the level, when none met it. */
static const score_act *understated(const score_ctx *x, const plan_deadline *d)
{
    for (int i = 0; d->what == WHEN_ACTION && i < x->n_acts; i++)
        if ((int)x->acts[i].a->type == d->action && score_act_counts(&x->acts[i]) &&
            score_act_understates(x, &x->acts[i]))
            return &x->acts[i];
    return NULL;
}

static void deadline_simple(score_ctx *x, const plan_deadline *d)
{
    sim_span span;
    const score_act *act = first_meeting(x, d, &span);
    double limit = d->minutes * 60.0;
    if (!act && (double)x->w->now < limit) {
        score_line *l = score_line_add(x, "deadline.", &d->h, "timeliness", 0);
        score_clause *c = score_say(x, l, SW_DL_NOT_DUE);
        score_put_minutes(x, c, "end", (double)x->w->now);
        score_put_text(x, c, "title", &d->h.title);
        score_put_minutes(x, c, "limit", limit);
        return;
    }
    score_line *l = score_line_add(x, "deadline.", &d->h, "timeliness", d->h.points);
    const score_act *under = act ? NULL : understated(x, d);
    if (under) {
        score_say_understated(x, l, &d->h.title, under);
        return;
    }
    if (!act) {
        score_line_set(l, 0);
        score_clause *c = score_say(x, l, SW_DL_MISSED);
        score_put_text(x, c, "title", &d->h.title);
        score_put_minutes(x, c, "limit", limit);
        return;
    }
    double f = kept(x, d, (double)act->a->t);
    score_why *why = NULL;
    score_put_text(x, explain(x, &why, d, SW_DL_SINCE_INCIDENT, (double)act->a->t, f), "what", &d->h.title);
    if (d->requires >= 0 && !arranged_before(x, d, act)) {
        f *= d->unarranged;
        score_clause *c = score_say_aside(x, &why, SW_DL_UNARRANGED);
        score_put_term(x, c, "item", (score_key)(SW_LOGI_VENUE + d->requires));
        score_put_fmt(c, &x->oom, "share", "%.0f", d->unarranged * 100.0);
    }
    score_line_set(l, d->h.points * f);
    score_line_tell(x, l, &why);
    if (span.len > 0)
        score_line_evidence(x, l, act, span);
    else
        score_line_evidence_head(x, l, act);
}

static sim_time rumour_start(const score_ctx *x, int r)
{
    if (x->w->rumours && x->w->rumours[r].started)
        return x->w->rumours[r].started_at;
    for (int i = 0; i < x->w->n_events; i++)
        if (x->w->events[i].type == SIM_EV_RUMOUR_START && x->w->events[i].ref == r)
            return x->w->events[i].t;
    return SIM_NEVER;
}

/* When rumour r's own reach first reached `reach`, from the per-rumour reach history. */
static sim_time rumour_crossed(const score_ctx *x, int r, double reach)
{
    sim_time start = rumour_start(x, r);
    if (start == SIM_NEVER || reach <= 0)
        return start;
    for (int i = 0; i < x->w->n_samples; i++) {
        if (x->w->samples[i].t >= start && x->w->reach_hist && sim_sample_reach(x->w, i, r) >= reach)
            return x->w->samples[i].t;
    }
    if (x->w->rumours && x->w->rumours[r].reach >= reach)
        return x->w->now;
    return SIM_NEVER;
}

/* The first public text that rebuts rumour r (score_act_rebuts), or NULL. */
static const score_act *first_rebuttal(const score_ctx *x, int r)
{
    for (int i = 0; i < x->n_acts; i++)
        if (score_act_rebuts(x, &x->acts[i], r, NULL))
            return &x->acts[i];
    return NULL;
}

/* When rumour r's rebutting fact became verified: 0 when it has none (only its reach starts the
 * clock), SIM_NEVER when it never was. */
static sim_time rebutting_known(const score_ctx *x, int r)
{
    int f = sim_scenario_fact(x->w->scn, x->w->scn->rumours[r].rebutted_by);
    return f < 0 ? 0 : x->verified_at[f];
}

/* Whether a public text holds rumour r back without rebutting it: it says the rumour is under
 * verification (the reader's hedging stance) or mentions it next to a hedge word of the lexicon
 * ("网传…，正在核实，请勿传播"), says something, and is no copy and asserts nothing false. */
static int holds(const score_ctx *x, const score_act *act, int r)
{
    if (!act->is_public || !act->has_text || act->dup_of >= 0 || !sim_reading_sound(act->rd, 0))
        return 0;
    int named = 0;
    for (int k = 0; k < act->rd->n_claims; k++) {
        const sim_claim *c = &act->rd->claims[k];
        sim_claim_effect e = sim_claim_effect_of(c);
        if (e == SIM_EFFECT_FALSE || e == SIM_EFFECT_CONFIRMS)
            return 0;
        if (c->about == SIM_ABOUT_RUMOUR && c->ref == r)
            named |= c->stance == SIM_STANCE_HEDGES ? 2 : c->stance == SIM_STANCE_REPORTS;
    }
    sim_span span;
    return named >= 2 || (named && sim_norm_find_any(&act->norm, &x->lex->words[SIM_LEX_HEDGE], &span, NULL) >= 0);
}

/* The first holding statement on rumour r up to `until`, or NULL. */
static const score_act *first_holding(const score_ctx *x, int r, sim_time until)
{
    for (int i = 0; i < x->n_acts && x->acts[i].a->t <= until; i++)
        if (holds(x, &x->acts[i], r))
            return &x->acts[i];
    return NULL;
}

/* Each rumour that started is judged when its clock started — its reach crossed the threshold and its
 * rebutting fact was verified, whichever came later — and the deadline then ran out within the drill,
 * or when it was rebutted before (on time by definition). A holding statement before the rebuttal and
 * within the deadline keeps the plan's `holding` share when the rebuttal itself earns less. The line
 * averages the rumours judged. */
static void deadline_rebuttal(score_ctx *x, const plan_deadline *d)
{
    const sim_scenario *s = x->w->scn;
    score_why *why = NULL;
    double sum = 0;
    int judged = 0, started = 0, crossed = 0, waiting = 0;
    const score_act *ev_act[64];
    int n_ev = 0;
    for (int r = 0; r < s->n_rumours; r++) {
        if (rumour_start(x, r) == SIM_NEVER)
            continue;
        started++;
        sim_time reach_at = rumour_crossed(x, r, d->reach), known = rebutting_known(x, r);
        sim_time from = reach_at == SIM_NEVER || known == SIM_NEVER ? SIM_NEVER : known > reach_at ? known : reach_at;
        const score_act *act = first_rebuttal(x, r);
        const sim_text *claim = &s->rumours[r].claim;
        if (act && (from == SIM_NEVER || act->a->t <= from)) {
            judged++;
            sum += 1.0;
            score_clause *c = score_say_aside(x, &why, SW_DL_RB_EARLY);
            score_put_text(x, score_put_clause(c, "what", SW_DL_RB_WHAT, &x->oom), "claim", claim);
        } else if (from == SIM_NEVER) {
            waiting += reach_at != SIM_NEVER;
            continue;
        } else {
            crossed++;
            if (!act && (double)(x->w->now - from) < d->minutes * 60.0)
                continue;   /* the drill ended before this rumour's deadline */
            judged++;
            score_clause *c = score_say_aside(x, &why, known > reach_at ? SW_DL_RB_FACT : SW_DL_RB_CROSSED);
            score_put_text(x, c, "claim", claim);
            score_put_minutes(x, c, "minutes", (double)reach_at);
            if (known > reach_at)
                score_put_minutes(x, c, "verified", (double)known);
            double f = 0;
            if (act) {
                double elapsed = (double)(act->a->t - from);
                f = kept(x, d, elapsed);
                c = explain(x, &why, d, SW_DL_SINCE_CLOCK, elapsed, f);
                score_put_text(x, score_put_clause(c, "what", SW_DL_RB_WHAT, &x->oom), "claim", claim);
            } else {
                score_put_minutes(x, score_say_aside(x, &why, SW_DL_RB_NEVER), "limit", d->minutes * 60.0);
            }
            sim_time until = from + (sim_time)(d->minutes * 60.0);
            const score_act *hold = d->holding > f ? first_holding(x, r, until) : NULL;
            if (hold) {
                f = d->holding;
                c = score_say_aside(x, &why, SW_DL_RB_HOLDING);
                score_put_minutes(x, c, "at", (double)hold->a->t);
                score_put_fmt(c, &x->oom, "share", "%.0f", d->holding * 100.0);
                if (!act)
                    act = hold;
            }
            sum += f;
        }
        if (act && n_ev < (int)(sizeof ev_act / sizeof *ev_act))
            ev_act[n_ev++] = act;
    }
    if (!judged) {
        score_why_free(why);
        score_line *l = score_line_add(x, "deadline.", &d->h, "timeliness", 0);
        if (!started)
            score_say(x, l, SW_DL_RB_NO_RUMOUR);
        else if (!crossed && waiting)
            score_say(x, l, SW_DL_RB_UNKNOWN);
        else if (!crossed)
            score_put_fmt(score_say(x, l, SW_DL_RB_BELOW), &x->oom, "reach", "%.1f", d->reach * 100.0);
        else
            score_put_minutes(x, score_say(x, l, SW_DL_RB_TOO_LATE), "limit", d->minutes * 60.0);
        return;
    }
    score_line *l = score_line_add(x, "deadline.", &d->h, "timeliness", d->h.points);
    score_line_set(l, d->h.points * sum / judged);
    if (judged > 1)
        score_put_int(x, score_say_aside(x, &why, SW_DL_RB_AVERAGE), "count", judged);
    score_line_tell(x, l, &why);
    for (int i = 0; i < n_ev; i++)
        score_line_evidence_head(x, l, ev_act[i]);
}

/* Where the limit came from, when not from the plan as written: a clause after the line's verdict. */
static void tell_limit(score_ctx *x, const plan_deadline *plan, const dl_limit *lim)
{
    if (lim->source == DL_FROM_PLAN || x->card->n_lines == 0)
        return;
    score_line *l = &x->card->lines[x->card->n_lines - 1];
    score_clause *c = score_say(x, l, lim->source == DL_FROM_SCENARIO ? SW_DL_LIMIT_SCENARIO : SW_DL_LIMIT_SCALED);
    score_put_minutes(x, c, "limit", lim->minutes * 60.0);
    score_put_minutes(x, c, "plan", plan->minutes * 60.0);
    if (lim->source == DL_SCALED) {
        score_put_minutes(x, c, "window", (plan->minutes + plan->grace) * 60.0);
        score_put_minutes(x, c, "duration", (double)x->w->scn->duration);
    }
}

void score_rules_timeliness(score_ctx *x)
{
    for (int i = 0; i < x->p->n_deadlines; i++) {
        const plan_deadline *plan = &x->p->deadlines[i];
        dl_limit lim;
        score_deadline_limit(plan, x->w->scn, &lim);
        plan_deadline d = *plan;
        d.minutes = lim.minutes;
        d.grace = lim.grace;
        if (d.what == WHEN_REBUTTAL)
            deadline_rebuttal(x, &d);
        else
            deadline_simple(x, &d);
        tell_limit(x, plan, &lim);
    }
}
