/* score_timeliness.c — deadline lines: when the report, the first public response, authoritative
 * information, the press conference and each rumour's rebuttal happened against the plan's limits. */
#include <stdio.h>
#include <string.h>

#include "score_internal.h"

/* Share of the points kept when something happened `elapsed` seconds after its clock started:
 * 1 up to the deadline, then linear to 0 over `grace` minutes (0 at once when grace is 0). */
static double kept(const plan_deadline *d, double elapsed)
{
    double over = elapsed / 60.0 - d->minutes;
    if (over <= 0)
        return 1.0;
    if (d->grace <= 0)
        return 0.0;
    double f = 1.0 - over / d->grace;
    return f > 0 ? f : 0.0;
}

/* One sentence on how an event `elapsed` seconds after its clock started fared, e.g.
 * "「首次公开回应」：事发后72分钟，超出60分钟的时限12分钟；…". `since` names the clock. */
static void explain(char *buf, size_t len, const plan_deadline *d, const char *what, const char *since,
                    double elapsed, double f)
{
    char m[32], lim[32], over[32], grace[32];
    score_fmt_minutes(m, sizeof m, elapsed);
    score_fmt_minutes(lim, sizeof lim, d->minutes * 60.0);
    if (elapsed <= d->minutes * 60.0) {
        score_append(buf, len, "「%s」：%s%s分钟，未超过%s分钟的时限。", what, since, m, lim);
        return;
    }
    score_fmt_minutes(over, sizeof over, elapsed - d->minutes * 60.0);
    score_fmt_minutes(grace, sizeof grace, d->grace * 60.0);
    if (f > 0)
        score_append(buf, len, "「%s」：%s%s分钟，超出%s分钟的时限%s分钟；超时后分值在%s分钟内线性递减，保留%.0f%%。",
                     what, since, m, lim, over, grace, f * 100.0);
    else if (d->grace > 0)
        score_append(buf, len, "「%s」：%s%s分钟，超出%s分钟的时限%s分钟，已过%s分钟的递减期，不得分。", what, since,
                     m, lim, over, grace);
    else
        score_append(buf, len, "「%s」：%s%s分钟，超出%s分钟的时限%s分钟，不得分。", what, since, m, lim, over);
}

/* The first action that meets a non-rumour deadline, and the span that shows it; NULL when none. */
static const score_act *first_meeting(const score_ctx *x, const plan_deadline *d, sim_span *span)
{
    for (int i = 0; i < x->n_acts; i++) {
        const score_act *act = &x->acts[i];
        span->start = span->len = 0;
        if (d->what == WHEN_ACTION && (int)act->a->type == d->action)
            return act;
        if (d->what == WHEN_PUBLIC && act->is_public)
            return act;
        if (d->what != WHEN_AUTHORITATIVE || !act->is_public || !act->has_text)
            continue;
        for (int k = 0; k < act->an.n_facts; k++) {
            const sim_fact_hit *h = &act->an.facts[k];
            if (h->use == SIM_FACT_CITED && score_fact_verified(x, h->fact, act->a->t) &&
                (!d->fact_kinds.count || score_kind_listed(&d->fact_kinds, x->w->scn->facts[h->fact].kind))) {
                *span = h->span;
                return act;
            }
        }
    }
    return NULL;
}

static void deadline_simple(score_ctx *x, const plan_deadline *d)
{
    char why[1024] = "", lim[32], end[32];
    const char *title = d->h.title.zh;
    sim_span span;
    const score_act *act = first_meeting(x, d, &span);
    double limit = d->minutes * 60.0;
    if (!act && (double)x->w->now < limit) {
        score_line *l = score_line_add(x, "deadline.", &d->h, "timeliness", 0);
        score_fmt_minutes(end, sizeof end, (double)x->w->now);
        score_fmt_minutes(lim, sizeof lim, limit);
        score_line_why(x, l, "演练在%s分钟时结束，「%s」的%s分钟时限尚未到，本项不计分。", end, title, lim);
        return;
    }
    score_line *l = score_line_add(x, "deadline.", &d->h, "timeliness", d->h.points);
    if (!act) {
        score_fmt_minutes(lim, sizeof lim, limit);
        score_line_set(l, 0);
        score_line_why(x, l, "演练中始终没有「%s」（时限%s分钟），不得分。", title, lim);
        return;
    }
    double f = kept(d, (double)act->a->t);
    explain(why, sizeof why, d, title, "事发后", (double)act->a->t, f);
    score_line_set(l, d->h.points * f);
    score_line_why(x, l, "%s", why);
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

/* The first rebuttal of rumour r in the log, or NULL. */
static const score_act *first_rebuttal(const score_ctx *x, int r)
{
    const char *id = x->w->scn->rumours[r].id;
    for (int i = 0; i < x->n_acts; i++)
        if (x->acts[i].a->type == SIM_ACT_REBUT && x->acts[i].a->target && strcmp(x->acts[i].a->target, id) == 0)
            return &x->acts[i];
    return NULL;
}

/* Each rumour that started is judged when it crossed the reach threshold and the deadline then ran
 * out within the drill, or when it was rebutted before crossing (on time by definition); the line
 * averages the rumours judged. */
static void deadline_rebuttal(score_ctx *x, const plan_deadline *d)
{
    const sim_scenario *s = x->w->scn;
    char why[1024] = "", lim[32], from_m[32], what[256];
    double sum = 0;
    int judged = 0, started = 0, crossed = 0;
    const score_act *ev_act[64];
    int n_ev = 0;
    score_fmt_minutes(lim, sizeof lim, d->minutes * 60.0);
    for (int r = 0; r < s->n_rumours; r++) {
        if (rumour_start(x, r) == SIM_NEVER)
            continue;
        started++;
        sim_time from = rumour_crossed(x, r, d->reach);
        const score_act *act = first_rebuttal(x, r);
        snprintf(what, sizeof what, "对“%s”的辟谣", sim_text_get(&s->rumours[r].claim, "zh"));
        if (act && (from == SIM_NEVER || act->a->t <= from)) {
            judged++;
            sum += 1.0;
            score_append(why, sizeof why, "「%s」：在谣言扩散达到计时阈值之前就已发布。", what);
        } else if (from == SIM_NEVER) {
            continue;
        } else {
            crossed++;
            if (!act && (double)(x->w->now - from) < d->minutes * 60.0)
                continue;   /* the drill ended before this rumour's deadline */
            judged++;
            score_fmt_minutes(from_m, sizeof from_m, (double)from);
            score_append(why, sizeof why, "谣言「%s」在事发后%s分钟达到计时阈值；", sim_text_get(&s->rumours[r].claim, "zh"),
                         from_m);
            if (!act) {
                score_append(why, sizeof why, "始终没有辟谣（时限%s分钟）。", lim);
                continue;
            }
            double elapsed = (double)(act->a->t - from);
            double f = kept(d, elapsed);
            explain(why, sizeof why, d, what, "计时后", elapsed, f);
            sum += f;
        }
        if (n_ev < (int)(sizeof ev_act / sizeof *ev_act))
            ev_act[n_ev++] = act;
    }
    if (!judged) {
        score_line *l = score_line_add(x, "deadline.", &d->h, "timeliness", 0);
        if (!started)
            score_line_why(x, l, "本次演练没有出现谣言，本项不计分。");
        else if (!crossed)
            score_line_why(x, l, "谣言触达率始终没有达到%.1f%%的计时阈值，本项不计分。", d->reach * 100.0);
        else
            score_line_why(x, l, "谣言达到计时阈值后不足%s分钟演练即结束，本项不计分。", lim);
        return;
    }
    score_line *l = score_line_add(x, "deadline.", &d->h, "timeliness", d->h.points);
    score_line_set(l, d->h.points * sum / judged);
    if (judged > 1)
        score_append(why, sizeof why, "按%d条谣言平均计分。", judged);
    score_line_why(x, l, "%s", why);
    for (int i = 0; i < n_ev; i++)
        score_line_evidence_head(x, l, ev_act[i]);
}

void score_rules_timeliness(score_ctx *x)
{
    for (int i = 0; i < x->p->n_deadlines; i++) {
        const plan_deadline *d = &x->p->deadlines[i];
        if (d->what == WHEN_REBUTTAL)
            deadline_rebuttal(x, d);
        else
            deadline_simple(x, d);
    }
}
