/* score_flood.c — the flood line (form.flood): statements beyond the plan's number per hour cost points,
 * each one more than the last (a correction of the body's own wrong words is never one of them), and
 * copies of earlier public texts, which earn nothing anywhere, are named. */
#include <math.h>
#include <stdlib.h>

#include "score_internal.h"

#define MAX_FLOOD_EVIDENCE 16

/* Which actions the line counts: public texts of its kinds, corrections of the body's own wrong words
 * aside. NULL when out of memory. */
static char *counted_actions(score_ctx *x)
{
    char *counted = calloc((size_t)x->n_acts + 1, 1);
    if (!counted) {
        x->oom = 1;
        return NULL;
    }
    for (int i = 0; i < x->n_acts; i++) {
        const score_act *act = &x->acts[i];
        counted[i] = act->is_public && score_act_is(act, x->p->flood.applies) && !score_act_corrects(x, act);
    }
    return counted;
}

/* Counted actions in the hour up to and including action i: (t - 60 min, t]. */
static int in_hour_before(const score_ctx *x, const char *counted, int i)
{
    int n = 0;
    sim_time t = x->acts[i].a->t;
    for (int k = 0; k <= i; k++)
        n += counted[k] && x->acts[k].a->t > t - 3600 && x->acts[k].a->t <= t;
    return n;
}

void score_rule_flood(score_ctx *x)
{
    const plan_flood *f = &x->p->flood;
    int n = 0, sound = 0, excess = 0, peak = 0, copies = 0;
    char *counted = counted_actions(x);
    if (!counted)
        return;
    for (int i = 0; i < x->n_acts; i++) {
        n += counted[i];
        sound += counted[i] && x->acts[i].sound;
    }
    if (n == 0) {
        score_line *l = score_line_add(x, "form.", &f->h, "form", 0);
        score_put_actions(x, score_say(x, l, SW_FM_NONE), "kinds", f->applies, 0);
        free(counted);
        return;
    }
    score_line *l = score_line_add(x, "form.", &f->h, "form", f->h.points);
    if (l)
        l->floor = -HUGE_VAL;   /* a flood is counted, not capped: the k-th text past the limit costs k × per */
    for (int i = 0; i < x->n_acts; i++) {
        copies += x->acts[i].dup_of >= 0;
        if (!counted[i])
            continue;
        int c = in_hour_before(x, counted, i);
        peak = c > peak ? c : peak;
        if (c <= f->per_hour)
            continue;
        if (excess++ < MAX_FLOOD_EVIDENCE)
            score_line_evidence_head(x, l, &x->acts[i]);
    }
    /* As for forbidden words: restraint earns nothing in texts that say nothing, nothing new or
     * something false. */
    free(counted);
    double share = (double)sound / n;
    score_line_set(l, f->h.points * share - f->per * excess * (excess + 1) / 2.0);
    score_clause *c = score_say(x, l, excess ? SW_FM_FL_HITS : SW_FM_FL_CLEAN);
    score_put_int(x, c, "count", n);
    score_put_actions(x, c, "kinds", f->applies, n != 1);
    score_put_fmt(c, &x->oom, "per_hour", "%g", f->per_hour);
    if (excess) {
        score_put_int(x, c, "excess", excess);
        score_put_int(x, c, "peak", peak);
        score_put_fmt(c, &x->oom, "per", "%g", f->per);
        score_put_fmt(c, &x->oom, "total", "%g", f->per * excess * (excess + 1) / 2.0);
    }
    if (copies)
        score_put_int(x, score_say(x, l, SW_FM_FL_COPIES), "count", copies);
    if (sound < n)
        score_put_fmt(score_say(x, l, SW_FM_FB_SHARE), &x->oom, "share", "%.0f", share * 100.0);
}
