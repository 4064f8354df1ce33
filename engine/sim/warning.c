/* warning.c — the warning level (blue/yellow/orange/red) and monitoring tier (attention/warning/crisis)
 * computed every tick from the metrics, with thresholds from the plan copied into the scenario params. */
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
    int level = settle(w->m.level,
                       max2(level_from(w->m.reads_total, p->warn_reads), level_from(w->m.crowd, p->warn_crowd)),
                       max2(level_from(w->m.reads_total / HYSTERESIS, p->warn_reads),
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
