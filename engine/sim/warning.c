/* warning.c — the warning level (blue/yellow/orange/red) and monitoring tier (attention/warning/crisis)
 * computed every tick from the metrics, with thresholds from the plan copied into the scenario params. */
#include "world_internal.h"

static int level_from(double v, const double thresholds[3])
{
    int level = 0;
    for (int i = 0; i < 3; i++)
        if (v >= thresholds[i])
            level = i + 1;
    return level;
}

void sim_warning_tick(sim_world *w)
{
    const sim_params *p = &w->scn->params;
    int by_reads = level_from(w->m.reads_total, p->warn_reads);
    int by_crowd = level_from(w->m.crowd, p->warn_crowd);
    int level = by_reads > by_crowd ? by_reads : by_crowd;
    if (level != w->m.level) {
        w->m.level = level;
        sim_event_push(w, SIM_EV_LEVEL, -1, level, NULL);
    }
    int tier = level_from(w->m.posts_per_hour, p->tier_posts);
    if (tier != w->m.tier) {
        w->m.tier = tier;
        sim_event_push(w, SIM_EV_TIER, -1, tier, NULL);
    }
}
