/* rumour_mixed.c — the Maki–Thompson rumour run event by event to extinction, well mixed or on
 * a graph, and the well-mixed model's limiting ignorant fraction. */
#include "rumour_mixed.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int sim_mt_init(sim_mt *w, uint32_t n)
{
    size_t k = n ? n : 1;
    w->n = n;
    w->state = malloc(k);
    w->spreaders = malloc(k * sizeof *w->spreaders);
    w->slot = malloc(k * sizeof *w->slot);
    if (!w->state || !w->spreaders || !w->slot) {
        sim_mt_free(w);
        return -1;
    }
    return 0;
}

void sim_mt_free(sim_mt *w)
{
    free(w->state);
    free(w->spreaders);
    free(w->slot);
    memset(w, 0, sizeof *w);
}

static void mt_add(sim_mt *w, uint32_t v, uint32_t *n_spread)
{
    w->state[v] = SIM_MT_SPREADER;
    w->slot[v] = *n_spread;
    w->spreaders[(*n_spread)++] = v;
}

/* Spreader u stops: it becomes a stifler and the last spreader takes its slot. */
static void mt_stop(sim_mt *w, uint32_t u, uint32_t *n_spread)
{
    uint32_t i = w->slot[u], last = w->spreaders[--*n_spread];
    w->spreaders[i] = last;
    w->slot[last] = i;
    w->state[u] = SIM_MT_STIFLER;
}

static int mt_chance(sim_rng *rng, double p)
{
    return p >= 1.0 || sim_rng_double(rng) < p;
}

int sim_mt_run(sim_mt *w, const sim_graph *g, uint32_t n, const uint32_t *seeds, uint32_t n_seeds,
               double lambda, double alpha, sim_rng *rng, sim_mt_result *out)
{
    if (n == 0 || n > w->n || (g && g->n != n) || !(lambda > 0.0 && lambda <= 1.0) ||
        !(alpha > 0.0 && alpha <= 1.0))
        return -1;
    for (uint32_t i = 0; i < n_seeds; i++)
        if (seeds[i] >= n)
            return -1;
    memset(w->state, SIM_MT_IGNORANT, n);
    uint32_t n_spread = 0, heard = 0;
    for (uint32_t i = 0; i < n_seeds; i++)
        if (w->state[seeds[i]] == SIM_MT_IGNORANT) {
            mt_add(w, seeds[i], &n_spread);
            heard++;
        }
    uint64_t contacts = 0;
    while (n_spread > 0) {
        uint32_t u = w->spreaders[sim_rng_below(rng, n_spread)], v;
        if (g) {
            uint32_t d = sim_graph_degree(g, u);
            if (d == 0) {
                mt_stop(w, u, &n_spread);
                continue;
            }
            v = g->adj[g->off[u] + sim_rng_below(rng, d)];
        } else {
            if (n == 1) {
                mt_stop(w, u, &n_spread);
                continue;
            }
            v = sim_rng_below(rng, n - 1);
            v += v >= u;
        }
        contacts++;
        if (w->state[v] == SIM_MT_IGNORANT) {
            if (mt_chance(rng, lambda)) {
                mt_add(w, v, &n_spread);
                heard++;
            }
        } else if (mt_chance(rng, alpha)) {
            mt_stop(w, u, &n_spread);
        }
    }
    out->ignorant = n - heard;
    out->stiflers = heard;
    out->contacts = contacts;
    return 0;
}

double sim_mt_ignorant_limit(void)
{
    /* f(x) = x - exp(-2(1 - x)) has roots 1 and ~0.2; Newton from 0 converges to the lower one. */
    double x = 0.0;
    for (int i = 0; i < 50; i++) {
        double e = exp(-2.0 * (1.0 - x));
        double step = (x - e) / (1.0 - 2.0 * e);
        x -= step;
        if (fabs(step) < 1e-15)
            break;
    }
    return x;
}
