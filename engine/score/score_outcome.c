/* score_outcome.c — outcome lines: how much better the world went than the baseline world (same
 * scenario and seed, no actions): heat, rumour reach, trust, reads, complaints, crowd, at the end or over time. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "score_internal.h"

/* A metric's name and its value-with-unit template in the catalogue, and the shown value's scale. */
typedef struct metric_info {
    score_key name, value;
    double scale;   /* shown value = value * scale */
} metric_info;

static const metric_info infos[METRIC_COUNT] = {
    [METRIC_PEAK_POSTS] = {SW_MT_PEAK_POSTS, SW_MT_PEAK_POSTS_V, 1},
    [METRIC_FINAL_POSTS] = {SW_MT_FINAL_POSTS, SW_MT_FINAL_POSTS_V, 1},
    [METRIC_RUMOUR_REACH] = {SW_MT_REACH, SW_MT_REACH_V, 100},
    [METRIC_TRUST] = {SW_MT_TRUST, SW_MT_TRUST_V, 1},
    [METRIC_READS] = {SW_MT_READS, SW_MT_READS_V, 1},
    [METRIC_COMPLAINTS] = {SW_MT_COMPLAINTS, SW_MT_COMPLAINTS_V, 1},
    [METRIC_CROWD] = {SW_MT_CROWD, SW_MT_CROWD_V, 1},
    [METRIC_MEAN_POSTS] = {SW_MT_MEAN_POSTS, SW_MT_MEAN_POSTS_V, 1},
    [METRIC_MEAN_REACH] = {SW_MT_MEAN_REACH, SW_MT_MEAN_REACH_V, 100},
    [METRIC_MEAN_TRUST] = {SW_MT_MEAN_TRUST, SW_MT_MEAN_TRUST_V, 1},
    [METRIC_MEAN_CROWD] = {SW_MT_MEAN_CROWD, SW_MT_MEAN_CROWD_V, 1},
};

/* The mean of one sampled curve over the whole drill (samples are a minute apart): the area under it
 * divided by the drill's length, so the lines judge every minute, not the value a last-minute
 * action leaves at the end. */
static double curve_mean(const sim_world *w, plan_metric m)
{
    if (w->n_samples == 0)
        return 0;
    double sum = 0;
    for (int i = 0; i < w->n_samples; i++) {
        const sim_sample *s = &w->samples[i];
        sum += m == METRIC_MEAN_POSTS ? s->posts_per_hour
             : m == METRIC_MEAN_REACH ? s->rumour_reach
             : m == METRIC_MEAN_TRUST ? s->trust : s->crowd;
    }
    return sum / w->n_samples;
}

static double max_reach(const sim_world *w)
{
    double r = 0;
    for (int i = 0; i < w->n_samples; i++)
        r = fmax(r, (double)w->samples[i].rumour_reach);
    for (int i = 0; w->rumours && i < w->scn->n_rumours; i++)
        r = fmax(r, w->rumours[i].reach);
    return r;
}

static double metric_value(const sim_world *w, plan_metric m)
{
    switch (m) {
    case METRIC_PEAK_POSTS: return w->m.peak_posts_per_hour;
    case METRIC_FINAL_POSTS: return w->m.posts_per_hour;
    case METRIC_RUMOUR_REACH: return max_reach(w);
    case METRIC_TRUST: return w->m.trust;
    case METRIC_READS: return w->m.reads_total;
    case METRIC_COMPLAINTS: return w->m.complaints;
    case METRIC_CROWD: return w->m.crowd;
    case METRIC_MEAN_POSTS:
    case METRIC_MEAN_REACH:
    case METRIC_MEAN_TRUST:
    case METRIC_MEAN_CROWD: return curve_mean(w, m);
    default: return 0;
    }
}

/* A metric value for people: whole numbers from 100 up, else at most two decimals. */
static const char *num(char *buf, size_t len, double v)
{
    if (fabs(v) >= 100) {
        snprintf(buf, len, "%.0f", v);
        return buf;
    }
    snprintf(buf, len, "%.2f", v);
    char *end = buf + strlen(buf) - 1;
    while (*end == '0')
        *end-- = '\0';
    if (*end == '.')
        *end = '\0';
    return buf;
}

/* A metric value with its unit ("1241条/小时") into slot. */
static void put_value(score_ctx *x, score_clause *c, const char *slot, const metric_info *mi, double v)
{
    char b[32];
    score_put_str(x, score_put_clause(c, slot, mi->value, &x->oom), "value", num(b, sizeof b, v * mi->scale));
}

static void outcome_line(score_ctx *x, const plan_outcome *o)
{
    const metric_info *mi = &infos[o->metric];
    double run = metric_value(x->w, o->metric), base;
    score_key against = SW_OC_AGAINST_BASELINE;
    if (x->base) {
        base = metric_value(x->base, o->metric);
    } else if (o->metric == METRIC_TRUST || o->metric == METRIC_MEAN_TRUST) {
        base = x->w->scn->params.trust0;
        against = SW_OC_AGAINST_START;
    } else {
        score_line *l = score_line_add(x, "outcome.", &o->h, "outcome", 0);
        score_put_term(x, score_say(x, l, SW_OC_NO_BASELINE), "metric", mi->name);
        return;
    }
    double room = o->lower_better ? base - o->best : o->best - base;
    if (room <= 1e-9) {
        score_line *l = score_line_add(x, "outcome.", &o->h, "outcome", 0);
        score_clause *c = score_say(x, l, SW_OC_AT_BEST);
        score_put_term(x, c, "against", against);
        score_put_term(x, c, "metric", mi->name);
        put_value(x, c, "value", mi, base);
        return;
    }
    double ratio = (o->lower_better ? base - run : run - base) / room;
    double f = ratio / o->full_at;
    f = f < -1 ? -1 : (f > 1 ? 1 : f);
    score_line *l = score_line_add(x, "outcome.", &o->h, "outcome", o->h.points);
    /* Worse than doing nothing costs points, as much as doing well earns: down to -max. */
    if (l)
        l->floor = -l->max;
    score_line_set(l, o->h.points * f);
    score_clause *c = score_say(x, l, SW_OC_RESULT);
    score_put_term(x, c, "metric", mi->name);
    put_value(x, c, "run", mi, run);
    score_put_term(x, c, "against", against);
    put_value(x, c, "base", mi, base);
    score_put_fmt(c, &x->oom, "full", "%.0f", o->full_at * 100.0);
    if (fabs(ratio) < 0.005)
        score_put_term(x, c, "change", SW_OC_CHANGE_FLAT);
    else
        score_put_fmt(score_put_clause(c, "change", ratio > 0 ? SW_OC_CHANGE_BETTER : SW_OC_CHANGE_WORSE, &x->oom),
                      &x->oom, "pct", "%.0f", fabs(ratio) * 100.0);
}

void score_rules_outcome(score_ctx *x)
{
    for (int i = 0; i < x->p->n_outcomes; i++)
        outcome_line(x, &x->p->outcomes[i]);
}
