/* rumour_model.c — Maki–Thompson rumours on the follow network (ignorant / spreader / stifler, with
 * believers) and the official rebuttal, a counter-message pushed out from official, media and leader accounts. */
#include "world_internal.h"

#include <math.h>

/* Spreaders reached directly by a rebuttal turn stifler at this rate per hour × strength. */
#define REBUT_RATE_H 6.0

static void spreader_add(rumour_accounts *ra, uint32_t v)
{
    ra->pos[v] = ra->n_spreaders;
    ra->spreaders[ra->n_spreaders++] = v;
    ra->state[v] = (uint8_t)((ra->state[v] & RUMOUR_BELIEVES) | RUMOUR_SPREADER);
}

static void spreader_remove(rumour_accounts *ra, uint32_t v)
{
    uint32_t i = ra->pos[v], last = ra->spreaders[--ra->n_spreaders];
    ra->spreaders[i] = last;
    ra->pos[last] = i;
    ra->pos[v] = UINT32_MAX;
    ra->state[v] = (uint8_t)((ra->state[v] & RUMOUR_BELIEVES) | RUMOUR_STIFLER);
}

static void hear(sim_world *w, int r, uint32_t v, int as_spreader)
{
    rumour_accounts *ra = &w->model->rumours[r];
    sim_rumour_state *rs = &w->rumours[r];
    double believe = sim_clamp(w->scn->rumours[r].believe * (1.0 + 0.5 * (rs->boost - 1.0)), 0.0, 0.95) *
                     (1.0 - rs->rebuttal);
    if (sim_rng_double(&w->rng) < believe) {
        ra->state[v] |= RUMOUR_BELIEVES;
        rs->believers++;
    }
    rs->heard++;
    if (as_spreader) {
        spreader_add(ra, v);
    } else {
        ra->state[v] = (uint8_t)((ra->state[v] & RUMOUR_BELIEVES) | RUMOUR_STIFLER);
    }
}

int sim_rumour_seed(sim_world *w, int r)
{
    const sim_rumour *def = &w->scn->rumours[r];
    sim_world_model *m = w->model;
    rumour_accounts *ra = &m->rumours[r];
    int platform = sim_scenario_platform(w->scn, def->platform);
    uint32_t n = m->graph.n;
    int seeds = def->seeds > 0 ? def->seeds : 1;
    for (int placed = 0, tries = 0; placed < seeds && tries < seeds * 1000; tries++) {
        uint32_t v = sim_rng_below(&w->rng, n);
        if ((ra->state[v] & 3) != RUMOUR_IGNORANT || (platform >= 0 && m->platform[v] != platform))
            continue;
        hear(w, r, v, 1);
        placed++;
    }
    sim_rumour_state *rs = &w->rumours[r];
    rs->started = 1;
    rs->active = ra->n_spreaders > 0;
    rs->started_at = w->now;
    rs->spreaders = ra->n_spreaders;
    rs->reach = (double)rs->heard / n;
    return 0;
}

/* One tick of contacts: the total number of contacts made by all spreaders is Poisson(S·λ·dt),
 * which is exactly the sum of each spreader's own Poisson count; each is assigned to a random spreader. */
static void contacts(sim_world *w, int r)
{
    const sim_rumour *def = &w->scn->rumours[r];
    const sim_graph *g = &w->model->graph;
    rumour_accounts *ra = &w->model->rumours[r];
    sim_rumour_state *rs = &w->rumours[r];
    uint32_t k = sim_rng_poisson(&w->rng, ra->n_spreaders * def->spread * rs->boost * SIM_DT_H);
    for (uint32_t c = 0; c < k && ra->n_spreaders > 0; c++) {
        uint32_t s = ra->spreaders[sim_rng_below(&w->rng, ra->n_spreaders)];
        uint32_t deg = sim_graph_degree(g, s);
        if (deg == 0)
            continue;
        uint32_t v = g->adj[g->off[s] + sim_rng_below(&w->rng, deg)];
        if ((ra->state[v] & 3) == RUMOUR_IGNORANT) {
            /* After a rebuttal, a share of new hearers meets the correction first. */
            int inoculated = rs->rebuttal > 0.0 && sim_rng_double(&w->rng) < rs->rebuttal;
            hear(w, r, v, !inoculated);
        } else if (sim_rng_double(&w->rng) < def->stifle) {
            spreader_remove(ra, s);
        }
    }
}

static void rebuttal_pressure(sim_world *w, int r)
{
    rumour_accounts *ra = &w->model->rumours[r];
    sim_rumour_state *rs = &w->rumours[r];
    double p = 1.0 - exp(-rs->rebuttal * REBUT_RATE_H * SIM_DT_H);
    for (uint32_t i = ra->n_spreaders; i-- > 0;) {
        if (sim_rng_double(&w->rng) >= p)
            continue;
        uint32_t v = ra->spreaders[i];
        if (ra->state[v] & RUMOUR_BELIEVES) {
            ra->state[v] &= (uint8_t)~RUMOUR_BELIEVES;
            rs->believers--;
        }
        spreader_remove(ra, v);
    }
}

void sim_rumour_tick(sim_world *w)
{
    uint32_t n = w->model->graph.n;
    for (int r = 0; r < w->scn->n_rumours; r++) {
        sim_rumour_state *rs = &w->rumours[r];
        if (!rs->active)
            continue;
        contacts(w, r);
        if (rs->rebuttal > 0.0)
            rebuttal_pressure(w, r);
        rumour_accounts *ra = &w->model->rumours[r];
        rs->spreaders = ra->n_spreaders;
        rs->active = ra->n_spreaders > 0;
        rs->reach = (double)rs->heard / n;
    }
}

/* The rebuttal reaches the followers of official accounts, and of leaders and media once engaged. */
static void push_from(sim_world *w, int r, uint32_t src, double strength)
{
    const sim_graph *g = &w->model->graph;
    rumour_accounts *ra = &w->model->rumours[r];
    sim_rumour_state *rs = &w->rumours[r];
    for (uint64_t e = g->off[src]; e < g->off[src + 1]; e++) {
        uint32_t v = g->adj[e];
        if (sim_rng_double(&w->rng) >= strength)
            continue;
        uint8_t st = ra->state[v] & 3;
        if (st == RUMOUR_SPREADER) {
            if (ra->state[v] & RUMOUR_BELIEVES) {
                ra->state[v] &= (uint8_t)~RUMOUR_BELIEVES;
                rs->believers--;
            }
            spreader_remove(ra, v);
        } else if (st == RUMOUR_IGNORANT) {
            ra->state[v] = RUMOUR_INOCULATED;
        }
    }
}

void sim_rumour_rebut(sim_world *w, int r, double strength)
{
    sim_rumour_state *rs = &w->rumours[r];
    sim_world_model *m = w->model;
    if (strength > rs->rebuttal)
        rs->rebuttal = strength;
    if (rs->rebutted_at == SIM_NEVER)
        rs->rebutted_at = w->now;
    for (uint32_t i = 0; i < m->n_officials; i++)
        push_from(w, r, m->officials[i], strength);
    if (w->leaders_engaged)
        for (uint32_t i = 0; i < m->n_amplifiers; i++)
            push_from(w, r, m->amplifiers[i], strength);
    rs->spreaders = m->rumours[r].n_spreaders;
    rs->active = rs->spreaders > 0;
    rs->reach = (double)rs->heard / m->graph.n;
}
