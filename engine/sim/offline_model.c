/* offline_model.c — the world off the screen: the crowd at the site, hotline calls and complaints.
 * Heat draws people to the site; offline measures disperse them, and the crowd feeds heat back. */
#include "world_internal.h"

#include <math.h>

/* People drawn to the site per hour for every 1,000 posts/hour of heat. */
#define CROWD_PER_KPOSTS_H 10.0
/* A crowd disperses with this time constant when nothing draws it. */
#define CROWD_DISPERSE_H 6.0
/* Hotline calls per post about the incident. */
#define CALLS_PER_POST 0.05
/* Share of calls left as unresolved complaints without / with an open hotline. */
#define COMPLAINT_SHARE 1.0
#define COMPLAINT_SHARE_HOTLINE 0.3
/* Calls left as complaints once the logistics group has staffed the hotline (热线值守): the share above
 * times this. */
#define COMPLAINT_STAFFED 0.8

void sim_offline_tick(sim_world *w)
{
    double draw = w->m.posts_per_hour / 1000.0 * CROWD_PER_KPOSTS_H;
    if (w->measures[SIM_MEASURE_FIELD] > 0)
        draw *= 0.5;
    w->m.crowd = w->m.crowd * exp(-SIM_DT_H / CROWD_DISPERSE_H) + draw * SIM_DT_H;
    double target = CALLS_PER_POST * w->m.posts_per_hour;
    w->m.calls_per_hour += (target - w->m.calls_per_hour) * (SIM_DT_H / 0.25);
    double share = w->measures[SIM_MEASURE_HOTLINE] > 0 ? COMPLAINT_SHARE_HOTLINE : COMPLAINT_SHARE;
    if (w->arranged[SIM_LOGISTICS_HOTLINE] > 0)
        share *= COMPLAINT_STAFFED;
    w->m.complaints += w->m.calls_per_hour * SIM_DT_H * share;
}
