/* sir_model.c — the frontier sweep (Bernoulli contacts drawn by geometric gaps) and the
 * synchronous discrete-time SIR epidemic built on it. */
#include "sir_model.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* How many frontier nodes ahead the sweep asks for memory: off[] for the node PREFETCH_FAR
 * ahead, its neighbour list for the node PREFETCH_NEAR ahead (whose off[] has arrived). */
#define PREFETCH_FAR 16
#define PREFETCH_NEAR 8
#if defined(__GNUC__)
#define SWEEP_PREFETCH(addr) __builtin_prefetch(addr)
#else
#define SWEEP_PREFETCH(addr) ((void)0)
#endif

/* Gaps beyond this are "never" for any graph that fits in memory. */
#define TRIALS_GAP_MAX ((uint64_t)1 << 62)

static uint64_t trials_gap(const sim_trials *t, sim_rng *rng)
{
    if (t->p >= 1.0)
        return 0;
    if (t->p <= 0.0)
        return TRIALS_GAP_MAX;
    /* P(gap >= k) = (1 - p)^k: invert with log(1 - U) / log(1 - p). */
    double g = floor(log1p(-sim_rng_double(rng)) * t->inv_log_q);
    return g >= (double)TRIALS_GAP_MAX ? TRIALS_GAP_MAX : (uint64_t)g;
}

void sim_trials_init(sim_trials *t, double p, sim_rng *rng)
{
    t->p = p > 1.0 ? 1.0 : (p > 0.0 ? p : 0.0);
    t->inv_log_q = t->p > 0.0 && t->p < 1.0 ? 1.0 / log1p(-t->p) : 0.0;
    t->gap = trials_gap(t, rng);
}

/* p = 1: every contact succeeds, so no draws are needed; a plain scan of each neighbour list. */
static uint32_t sweep_certain(const sim_graph *g, uint8_t *state, const uint32_t *frontier, uint32_t n_frontier,
                              uint8_t from, uint8_t to, uint32_t *next, uint32_t *hits)
{
    const uint64_t *off = g->off;
    const uint32_t *adj = g->adj;
    uint32_t out = 0;
    for (uint32_t i = 0; i < n_frontier; i++) {
        if (i + PREFETCH_FAR < n_frontier)
            SWEEP_PREFETCH(&off[frontier[i + PREFETCH_FAR]]);
        if (i + PREFETCH_NEAR < n_frontier)
            SWEEP_PREFETCH(&adj[off[frontier[i + PREFETCH_NEAR]]]);
        uint32_t u = frontier[i], h = 0;
        for (uint64_t e = off[u], end = off[u + 1]; e < end; e++) {
            uint32_t v = adj[e];
            if (state[v] == from) {
                state[v] = to;
                next[out++] = v;
            } else {
                h++;
            }
        }
        if (hits)
            hits[i] = h;
    }
    return out;
}

uint32_t sim_sweep(const sim_graph *g, uint8_t *state, const uint32_t *frontier, uint32_t n_frontier,
                   uint8_t from, uint8_t to, sim_trials *t, sim_rng *rng, uint32_t *next, uint32_t *hits)
{
    uint32_t out = 0;
    if (t->p <= 0.0) {
        if (hits)
            memset(hits, 0, (size_t)n_frontier * sizeof *hits);
        return 0;
    }
    if (t->p >= 1.0)
        return sweep_certain(g, state, frontier, n_frontier, from, to, next, hits);
    const uint64_t *off = g->off;
    const uint32_t *adj = g->adj;
    uint64_t gap = t->gap;
    for (uint32_t i = 0; i < n_frontier; i++) {
        if (i + PREFETCH_FAR < n_frontier)
            SWEEP_PREFETCH(&off[frontier[i + PREFETCH_FAR]]);
        if (i + PREFETCH_NEAR < n_frontier)
            SWEEP_PREFETCH(&adj[off[frontier[i + PREFETCH_NEAR]]]);
        uint32_t u = frontier[i];
        uint64_t base = off[u], deg = off[u + 1] - base;
        uint32_t h = 0;
        while (gap < deg) {
            uint32_t v = adj[base + gap];
            if (state[v] == from) {
                state[v] = to;
                next[out++] = v;
            } else {
                h++;
            }
            gap += 1 + trials_gap(t, rng);
        }
        gap -= deg;
        if (hits)
            hits[i] = h;
    }
    t->gap = gap;
    return out;
}

int sim_sir_init(sim_sir *s, uint32_t n)
{
    s->n = n;
    s->state = malloc(n ? n : 1);
    s->front = malloc((size_t)(n ? n : 1) * sizeof *s->front);
    s->next = malloc((size_t)(n ? n : 1) * sizeof *s->next);
    if (!s->state || !s->front || !s->next) {
        sim_sir_free(s);
        return -1;
    }
    return 0;
}

void sim_sir_free(sim_sir *s)
{
    free(s->state);
    free(s->front);
    free(s->next);
    memset(s, 0, sizeof *s);
}

/* Run from the n_front infected nodes already in s->front (and marked in s->state). */
static void sir_spread(sim_sir *s, const sim_graph *g, double p, uint32_t n_front, sim_rng *rng,
                       sim_sir_result *out)
{
    sim_trials t;
    sim_trials_init(&t, p, rng);
    out->recovered = 0;
    out->steps = 0;
    while (n_front > 0) {
        uint32_t n_next = sim_sweep(g, s->state, s->front, n_front, SIM_SIR_S, SIM_SIR_I, &t, rng,
                                    s->next, NULL);
        for (uint32_t i = 0; i < n_front; i++)
            s->state[s->front[i]] = SIM_SIR_R;
        out->recovered += n_front;
        out->steps++;
        uint32_t *swap = s->front;
        s->front = s->next;
        s->next = swap;
        n_front = n_next;
    }
}

static int sir_args_ok(const sim_sir *s, const sim_graph *g, double p)
{
    return g->n <= s->n && p >= 0.0 && p <= 1.0;
}

int sim_sir_run_seeds(sim_sir *s, const sim_graph *g, double p, const uint32_t *seeds, uint32_t n_seeds,
                      sim_rng *rng, sim_sir_result *out)
{
    if (!sir_args_ok(s, g, p))
        return -1;
    for (uint32_t i = 0; i < n_seeds; i++)
        if (seeds[i] >= g->n)
            return -1;
    memset(s->state, SIM_SIR_S, g->n);
    uint32_t n_front = 0;
    for (uint32_t i = 0; i < n_seeds; i++)
        if (s->state[seeds[i]] == SIM_SIR_S) {
            s->state[seeds[i]] = SIM_SIR_I;
            s->front[n_front++] = seeds[i];
        }
    sir_spread(s, g, p, n_front, rng, out);
    return 0;
}

int sim_sir_run(sim_sir *s, const sim_graph *g, double p, double rho, sim_rng *rng, sim_sir_result *out)
{
    if (!sir_args_ok(s, g, p) || !(rho >= 0.0 && rho <= 1.0))
        return -1;
    uint32_t n = g->n;
    double want = floor(rho * n + 0.5);
    uint32_t k = want > n ? n : (uint32_t)want;
    if (rho > 0.0 && k == 0 && n > 0)
        k = 1;
    memset(s->state, SIM_SIR_S, n);
    /* Floyd's sampling: a uniform k-subset in k draws, the state array as the set. */
    uint32_t n_front = 0;
    for (uint32_t j = n - k; j < n; j++) {
        uint32_t v = sim_rng_below(rng, j + 1);
        if (s->state[v] != SIM_SIR_S)
            v = j;
        s->state[v] = SIM_SIR_I;
        s->front[n_front++] = v;
    }
    sir_spread(s, g, p, n_front, rng, out);
    return 0;
}
