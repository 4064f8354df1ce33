/* score_outcome.c — outcome lines: how much better the world ended than the baseline world (same
 * scenario and seed, no actions): heat, rumour reach, trust, reads, complaints, crowd. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "score_internal.h"

typedef struct metric_info {
    const char *zh;
    const char *unit;
    double scale;   /* shown value = value * scale */
} metric_info;

static const metric_info infos[METRIC_COUNT] = {
    [METRIC_PEAK_POSTS] = {"峰值每小时发帖量", "条/小时", 1},
    [METRIC_FINAL_POSTS] = {"结束时每小时发帖量", "条/小时", 1},
    [METRIC_RUMOUR_REACH] = {"谣言最大触达率", "%", 100},
    [METRIC_TRUST] = {"结束时政府公信力", "", 1},
    [METRIC_READS] = {"累计阅读量", "次", 1},
    [METRIC_COMPLAINTS] = {"累计投诉", "件", 1},
    [METRIC_CROWD] = {"结束时现场聚集人数", "人", 1},
};

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

static void outcome_line(score_ctx *x, const plan_outcome *o)
{
    const metric_info *mi = &infos[o->metric];
    double run = metric_value(x->w, o->metric), base;
    const char *against = "基线（不采取任何行动）";
    if (x->base) {
        base = metric_value(x->base, o->metric);
    } else if (o->metric == METRIC_TRUST) {
        base = x->w->scn->params.trust0;
        against = "开始时";
    } else {
        score_line *l = score_line_add(x, "outcome.", &o->h, "outcome", 0);
        score_line_why(x, l, "没有基线世界可供比较，无法判断「%s」的改善，本项不计分。", mi->zh);
        return;
    }
    double room = o->lower_better ? base - o->best : o->best - base;
    if (room <= 1e-9) {
        score_line *l = score_line_add(x, "outcome.", &o->h, "outcome", 0);
        char b[32];
        score_line_why(x, l, "%s的「%s」已是最优值%s%s，无从改善，本项不计分。", against, mi->zh,
                       num(b, sizeof b, base * mi->scale), mi->unit);
        return;
    }
    double ratio = (o->lower_better ? base - run : run - base) / room;
    double f = ratio / o->full_at;
    f = f < 0 ? 0 : (f > 1 ? 1 : f);
    score_line *l = score_line_add(x, "outcome.", &o->h, "outcome", o->h.points);
    score_line_set(l, o->h.points * f);
    char r[32], b[32], change[64];
    if (fabs(ratio) < 0.005)
        snprintf(change, sizeof change, "与之基本持平");
    else if (ratio > 0)
        snprintf(change, sizeof change, "改善了可改善空间的%.0f%%", ratio * 100.0);
    else
        snprintf(change, sizeof change, "反而变差了%.0f%%", -ratio * 100.0);
    score_line_why(x, l, "「%s」为%s%s，%s为%s%s，%s（改善%.0f%%即得满分）。", mi->zh, num(r, sizeof r, run * mi->scale),
                   mi->unit, against, num(b, sizeof b, base * mi->scale), mi->unit, change, o->full_at * 100.0);
}

void score_rules_outcome(score_ctx *x)
{
    for (int i = 0; i < x->p->n_outcomes; i++)
        outcome_line(x, &x->p->outcomes[i]);
}
