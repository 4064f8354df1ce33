/* score_process.c — process lines: each required step of the response (report, assess, strategy,
 * act, monitor, summary) present and taken by the right role, and the steps taken in the plan's order. */
#include <stdio.h>
#include <string.h>

#include "score_internal.h"

static const char *role_zh(int role)
{
    static const char *const names[SIM_ROLE_COUNT] = {"新闻发言人", "舆情监测员", "指挥小组"};
    return role >= 0 && role < SIM_ROLE_COUNT ? names[role] : "任一角色";
}

/* Index in x->acts of the first action of a step, or -1. */
static int step_first(const score_ctx *x, const plan_step *st)
{
    for (int i = 0; i < x->n_acts; i++)
        if (score_act_is(&x->acts[i], st->actions))
            return i;
    return -1;
}

static void step_line(score_ctx *x, const plan_step *st)
{
    score_line *l = score_line_add(x, "process.step.", &st->h, "process", st->h.points + st->role_points);
    int first = step_first(x, st);
    if (first < 0) {
        score_line_set(l, 0);
        score_line_why(x, l, "演练中没有「%s」这一步，不得分。", st->h.title.zh);
        return;
    }
    const score_act *act = &x->acts[first];
    const score_act *by_role = NULL;
    for (int i = first; i < x->n_acts && st->role >= 0 && !by_role; i++)
        if (score_act_is(&x->acts[i], st->actions) && (int)x->acts[i].a->role == st->role)
            by_role = &x->acts[i];
    char m[32];
    score_fmt_minutes(m, sizeof m, (double)act->a->t);
    if (st->role < 0 || by_role) {
        score_line_set(l, st->h.points + st->role_points);
        if (by_role)
            score_line_why(x, l, "「%s」：事发后%s分钟首次出现，由%s承担，符合预案分工。", st->h.title.zh, m,
                           role_zh(st->role));
        else
            score_line_why(x, l, "「%s」：事发后%s分钟首次出现。", st->h.title.zh, m);
        score_line_evidence_head(x, l, by_role ? by_role : act);
        return;
    }
    score_line_set(l, st->h.points);
    score_line_why(x, l, "「%s」：事发后%s分钟首次出现，但预案要求由%s承担，实际由%s承担，分工分不得。",
                   st->h.title.zh, m, role_zh(st->role), role_zh((int)act->a->role));
    score_line_evidence_head(x, l, act);
}

static void order_line(score_ctx *x)
{
    const score_plan *p = x->p;
    score_line *l = score_line_add(x, "process.", &p->order, "process", p->order.points);
    char why[1024] = "";
    int prev = -1, prev_step = -1, pairs = 0, ok = 0;
    const score_act *bad[32];
    int n_bad = 0;
    for (int s = 0; s < p->n_steps; s++) {
        int first = step_first(x, &p->steps[s]);
        if (first < 0)
            continue;
        if (prev >= 0) {
            pairs++;
            if (x->acts[first].a->t >= x->acts[prev].a->t) {
                ok++;
            } else {
                score_append(why, sizeof why, "「%s」早于「%s」；", p->steps[s].h.title.zh,
                             p->steps[prev_step].h.title.zh);
                if (n_bad < (int)(sizeof bad / sizeof *bad))
                    bad[n_bad++] = &x->acts[first];
            }
        }
        prev = first;
        prev_step = s;
    }
    if (pairs == 0) {
        score_line_set(l, 0);
        score_line_why(x, l, "完成的流程步骤不足两个，无法体现预案规定的顺序，不得分。");
        return;
    }
    score_line_set(l, p->order.points * ok / pairs);
    if (ok == pairs)
        score_line_why(x, l, "已完成的%d个步骤均按预案顺序进行。", pairs + 1);
    else
        score_line_why(x, l, "%s%d处相邻步骤中有%d处顺序颠倒，按比例扣分。", why, pairs, pairs - ok);
    for (int i = 0; i < n_bad; i++)
        score_line_evidence_head(x, l, bad[i]);
}

void score_rules_process(score_ctx *x)
{
    for (int i = 0; i < x->p->n_steps; i++)
        step_line(x, &x->p->steps[i]);
    if (x->p->has_order)
        order_line(x);
}
