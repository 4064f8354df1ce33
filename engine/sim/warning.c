/* warning.c — the warning level (blue/yellow/orange/red) and monitoring tier (attention/warning/crisis)
 * computed every tick from the metrics (reads over the plan's window, crowd and posts now), with
 * thresholds from the plan copied into the scenario params. */
#include "world_internal.h"

/* A level is lowered only once its metric falls below this share of the level's threshold,
 * so a metric hovering at a threshold does not flap the level every tick. */
#define HYSTERESIS 0.8

static int level_from(double v, const double thresholds[3])
{
    int level = 0;
    for (int i = 0; i < 3; i++)
        if (v >= thresholds[i])
            level = i + 1;
    return level;
}

/* Reads the level counts: those of the last warn_reads_window seconds (the minute samples hold the
 * running total), or all since the incident when the plan sets no window. */
static double window_reads(const sim_world *w)
{
    sim_time win = w->scn->params.warn_reads_window;
    if (win <= 0 || w->now <= win)
        return w->m.reads_total;
    int k = (int)((w->now - win) / 60);
    if (k >= w->n_samples)
        return w->m.reads_total;
    return w->m.reads_total - (double)w->samples[k].reads_total;
}

static int settle(int current, int up, int down)
{
    if (up >= current)
        return up;
    return down < current ? down : current;
}

static int max2(int a, int b)
{
    return a > b ? a : b;
}

void sim_warning_tick(sim_world *w)
{
    const sim_params *p = &w->scn->params;
    double reads = window_reads(w);
    int level = settle(w->m.level,
                       max2(level_from(reads, p->warn_reads), level_from(w->m.crowd, p->warn_crowd)),
                       max2(level_from(reads / HYSTERESIS, p->warn_reads),
                            level_from(w->m.crowd / HYSTERESIS, p->warn_crowd)));
    if (level != w->m.level) {
        w->m.level = level;
        sim_event_push(w, SIM_EV_LEVEL, -1, level, NULL);
    }
    int tier = settle(w->m.tier, level_from(w->m.posts_per_hour, p->tier_posts),
                      level_from(w->m.posts_per_hour / HYSTERESIS, p->tier_posts));
    if (tier != w->m.tier) {
        w->m.tier = tier;
        sim_event_push(w, SIM_EV_TIER, -1, tier, NULL);
    }
}
