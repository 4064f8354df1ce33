/* trust_model.c — official credibility (0..100): built by timely, accurate, consistent handling
 * with diminishing returns near the top, lost in full to errors, and eroded while rumours are believed. */
#include "world_internal.h"

/* Trust lost per hour when every account believes some rumour (scaled by the share that does). */
#define BELIEF_EROSION_H 6.0

void sim_trust_change(sim_world *w, double delta)
{
    if (delta > 0.0)
        delta *= (100.0 - w->m.trust) / 100.0;
    w->m.trust = sim_clamp(w->m.trust + delta, 0.0, 100.0);
}

void sim_trust_tick(sim_world *w)
{
    double believers = 0.0;
    for (int r = 0; r < w->scn->n_rumours; r++)
        believers += w->rumours[r].believers;
    double share = sim_clamp(believers / (double)w->scn->params.population, 0.0, 1.0);
    sim_trust_change(w, -BELIEF_EROSION_H * share * SIM_DT_H);
}
