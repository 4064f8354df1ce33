/* deadline_limit.c — the limit a deadline line is judged by in one drill: the scenario's own limit
 * over the plan's, or the plan's limit and grace scaled down when they cannot fall inside the drill;
 * and what a line with a `by` deadline keeps when it comes late. */
#include <math.h>
#include <string.h>

#include "score_internal.h"

void score_deadline_limit(const plan_deadline *d, const sim_scenario *s, dl_limit *out)
{
    out->minutes = d->minutes;
    out->grace = d->grace;
    out->source = DL_FROM_PLAN;
    const sim_deadline_override *o = s ? sim_scenario_deadline(s, d->h.id) : NULL;
    if (o) {
        /* The grace keeps its proportion to the limit: a 24 h press conference with 12 h of grace
         * becomes 2 h with 1 h when the scenario says "02:00". */
        out->minutes = (double)o->at / 60.0;
        out->grace = d->grace * out->minutes / d->minutes;
        out->source = DL_FROM_SCENARIO;
        return;
    }
    double drill = s ? (double)s->duration / 60.0 : 0;
    if (d->what == WHEN_REBUTTAL || drill <= 0 || d->minutes + d->grace <= drill)
        return;
    /* Scaled so that the limit and its grace end with the drill: the line can always be judged. */
    double k = drill / (d->minutes + d->grace);
    out->minutes = d->minutes * k;
    out->grace = d->grace * k;
    out->source = DL_SCALED;
}

double score_fade(double over, double grace, double keeps)
{
    if (over <= 0)
        return 1.0;
    if (grace > 0 && over < grace)
        return 1.0 - (1.0 - keeps) * over / grace;
    double scale = grace > 60.0 ? grace : 60.0;
    return keeps * scale / (over - grace + scale);
}

double score_by_kept(const score_ctx *x, const plan_by *by, sim_time t)
{
    if (by->index < 0)
        return 1.0;
    dl_limit lim;
    score_deadline_limit(&x->p->deadlines[by->index], x->w->scn, &lim);
    return score_fade((double)t / 60.0 - lim.minutes, lim.grace, x->p->late_keeps);
}

void score_say_by_late(score_ctx *x, score_line *l, const plan_by *by, double kept)
{
    if (by->index < 0 || kept >= 1.0)
        return;
    dl_limit lim;
    score_deadline_limit(&x->p->deadlines[by->index], x->w->scn, &lim);
    score_clause *c = score_say(x, l, SW_BY_LATE);
    score_put_text(x, c, "deadline", &x->p->deadlines[by->index].h.title);
    score_put_minutes(x, c, "limit", lim.minutes * 60.0);
    score_put_fmt(c, &x->oom, "kept", "%.0f", kept * 100.0);
}

int score_plan_deadline_known(const score_plan *p, const char *id)
{
    for (int i = 0; i < p->n_deadlines; i++)
        if (strcmp(p->deadlines[i].h.id, id) == 0)
            return 1;
    return 0;
}

void score_plan_apply_scenario(const score_plan *p, const sim_scenario *s, sim_params *params)
{
    for (int i = 0; i < p->n_deadlines; i++) {
        if (p->deadlines[i].what != WHEN_PUBLIC)
            continue;
        dl_limit l;
        score_deadline_limit(&p->deadlines[i], s, &l);
        params->silence_deadline = (sim_time)llround(l.minutes * 60.0);
        return;
    }
}
