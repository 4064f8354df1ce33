/* score_process.c — process lines: each required step of the response (report, assess, strategy,
 * act, monitor, summary) present, in time (a step's `by` deadline) and taken by the right role, and the
 * steps taken in the plan's order. */
#include "score_internal.h"

/* Index in x->acts of the first action of a step, or -1. */
static int step_first(const score_ctx *x, const plan_step *st)
{
    for (int i = 0; i < x->n_acts; i++)
        if (score_act_is(&x->acts[i], st->actions) && score_act_counts(&x->acts[i]))
            return i;
    return -1;
}

/* Whether an action stands for the step: of its types, counted, and not an understated assessment. */
static int step_stands(const score_ctx *x, const score_act *act, const plan_step *st)
{
    return score_act_is(act, st->actions) && score_act_counts(act) && !score_act_understates(x, act);
}

/* Share of a step's content said by its best text (parts found / parts, 1 when the plan asks for none);
 * `missing` gets bit k for each part that text lacks. */
static double content_share(const score_ctx *x, const plan_step *st, unsigned *missing)
{
    int best = -1;
    *missing = 0;
    if (st->n_content == 0)
        return 1;
    for (int i = 0; i < x->n_acts && best < st->n_content; i++) {
        const score_act *act = &x->acts[i];
        if (!step_stands(x, act, st) || !act->has_text)
            continue;
        int have = 0;
        unsigned lacks = 0;
        for (int k = 0; k < st->n_content; k++) {
            if (score_detect(x, &st->content[k].d, act, NULL))
                have++;
            else
                lacks |= 1u << (unsigned)k;
        }
        if (have > best) {
            best = have;
            *missing = lacks;
        }
    }
    if (best < 0) {   /* only actions without a text: nothing was said */
        *missing = (1u << (unsigned)st->n_content) - 1u;
        return 0;
    }
    return (double)best / st->n_content;
}

/* "「识别与报告」的内容只说清了3项中的1项，缺少「在哪里」「规模多大」…" when the best text lacks parts. */
static void say_content(score_ctx *x, score_line *l, const plan_step *st, double share, unsigned missing)
{
    if (share >= 1)
        return;
    score_clause *c = score_say(x, l, SW_PR_STEP_CONTENT);
    score_put_text(x, c, "title", &st->h.title);
    score_put_int(x, c, "have", (int)(share * st->n_content + 0.5));
    score_put_int(x, c, "parts", st->n_content);
    for (int k = 0; k < st->n_content; k++) {
        if (!((missing >> (unsigned)k) & 1u))
            continue;
        score_clause *gap = score_put_item(c, "missing", SW_PR_STEP_GAP, SW_JOIN_LIST, SW_JOIN_LIST, &x->oom);
        score_put_text(x, gap, "part", &st->content[k].title);
    }
}

static void step_line(score_ctx *x, const plan_step *st)
{
    score_line *l = score_line_add(x, "process.step.", &st->h, "process", st->h.points + st->role_points);
    int first = -1, under = -1;
    for (int i = 0; i < x->n_acts && first < 0; i++) {
        if (step_stands(x, &x->acts[i], st))
            first = i;
        else if (under < 0 && score_act_is(&x->acts[i], st->actions) && score_act_counts(&x->acts[i]))
            under = i;
    }
    if (first < 0 && under >= 0) {
        score_say_understated(x, l, &st->h.title, &x->acts[under]);
        return;
    }
    if (first < 0) {
        score_line_set(l, 0);
        score_put_text(x, score_say(x, l, SW_PR_STEP_MISSING), "title", &st->h.title);
        return;
    }
    const score_act *act = &x->acts[first];
    const score_act *by_role = NULL;
    for (int i = first; i < x->n_acts && st->role >= 0 && !by_role; i++)
        if (step_stands(x, &x->acts[i], st) && (int)x->acts[i].a->role == st->role)
            by_role = &x->acts[i];
    score_clause *c;
    unsigned missing;
    double share = content_share(x, st, &missing);
    double in_time = score_by_kept(x, &st->by, act->a->t), kept = in_time * share;
    if (st->role < 0 || by_role) {
        score_line_set(l, (st->h.points + st->role_points) * kept);
        c = score_say(x, l, by_role ? SW_PR_STEP_BY_ROLE : SW_PR_STEP_DONE);
        if (by_role)
            score_put_term(x, c, "role", score_role_key(st->role));
        score_line_evidence_head(x, l, by_role ? by_role : act);
    } else {
        score_line_set(l, st->h.points * kept);
        c = score_say(x, l, SW_PR_STEP_WRONG_ROLE);
        score_put_term(x, c, "role", score_role_key(st->role));
        score_put_term(x, c, "actual", score_role_key((int)act->a->role));
        score_line_evidence_head(x, l, act);
    }
    score_put_text(x, c, "title", &st->h.title);
    score_put_minutes(x, c, "minutes", (double)act->a->t);
    say_content(x, l, st, share, missing);
    score_say_by_late(x, l, &st->by, in_time);
}

static void order_line(score_ctx *x)
{
    const score_plan *p = x->p;
    score_line *l = score_line_add(x, "process.", &p->order, "process", p->order.points);
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
                score_clause *c = score_say(x, l, SW_PR_ORDER_SWAP);
                score_put_text(x, c, "later", &p->steps[s].h.title);
                score_put_text(x, c, "earlier", &p->steps[prev_step].h.title);
                if (n_bad < (int)(sizeof bad / sizeof *bad))
                    bad[n_bad++] = &x->acts[first];
            }
        }
        prev = first;
        prev_step = s;
    }
    if (pairs == 0) {
        score_line_set(l, 0);
        score_say(x, l, SW_PR_ORDER_TOO_FEW);
        return;
    }
    score_line_set(l, p->order.points * ok / pairs);
    if (ok == pairs) {
        score_put_int(x, score_say(x, l, SW_PR_ORDER_OK), "steps", pairs + 1);
    } else {
        score_clause *c = score_say(x, l, SW_PR_ORDER_SOME);
        score_put_int(x, c, "pairs", pairs);
        score_put_int(x, c, "swapped", pairs - ok);
    }
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
