/* sir_model.c — the frontier sweep (Bernoulli contacts drawn by geometric gaps; large sweeps test
 * states through a bitmap) and the synchronous discrete-time SIR epidemic built on it. */
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
#define SWEEP_INLINE static inline __attribute__((always_inline))
#else
#define SWEEP_PREFETCH(addr) ((void)0)
#define SWEEP_INLINE static inline
#endif

/* A sweep expected to test at least n / BITS_MIN_SHARE neighbours (n nodes in the graph) first
 * packs "state == from" into one bit per node: its tests then hit n / 8 bytes that stay in the
 * core's cache instead of n. Smaller sweeps test the state bytes directly. */
#define BITS_MIN_SHARE 4

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

/* Eight state bytes as one word, byte k in bits 8k..8k+7 (compilers merge this into one load). */
static inline uint64_t load8(const uint8_t *p)
{
    uint64_t x = 0;
    for (int k = 0; k < 8; k++)
        x |= (uint64_t)p[k] << (8 * k);
    return x;
}

/* bits[w] bit k = (state[64w + k] == from), eight bytes at a time: a byte of x = word ^ from is
 * zero exactly when ~((x & 7f) + 7f | x | 7f) has its top bit set, and the multiply gathers the
 * eight top bits into one byte. */
static void bits_build(uint64_t *bits, const uint8_t *state, uint32_t n, uint8_t from)
{
    const uint64_t ones = 0x0101010101010101ULL, low7 = 0x7f7f7f7f7f7f7f7fULL;
    uint32_t words = n / 64;
    for (uint32_t w = 0; w < words; w++) {
        uint64_t word = 0;
        for (int k = 0; k < 8; k++) {
            uint64_t x = load8(state + (size_t)w * 64 + 8 * k) ^ (from * ones);
            uint64_t z = ~(((x & low7) + low7) | x | low7) >> 7;
            word |= ((z * 0x0102040810204080ULL) >> 56) << (8 * k);
        }
        bits[w] = word;
    }
    if (n % 64) {
        uint64_t word = 0;
        for (uint32_t v = words * 64; v < n; v++)
            word |= (uint64_t)(state[v] == from) << (v % 64);
        bits[words] = word;
    }
}

/* Whether neighbour v changes: it does when its state is `from` (read from the bitmap when
 * there is one, which is then kept in step). */
SWEEP_INLINE int sweep_take(uint8_t *state, uint64_t *bits, uint32_t v, uint8_t from, uint8_t to)
{
    if (bits) {
        uint64_t bit = (uint64_t)1 << (v % 64);
        if (!(bits[v / 64] & bit))
            return 0;
        bits[v / 64] &= ~bit;
    } else if (state[v] != from) {
        return 0;
    }
    state[v] = to;
    return 1;
}

/* The sweep of sim_sweep for one choice of `certain` (p = 1: every contact succeeds, no draws)
 * and of the state test (bits, or NULL for the bytes); inlined with both fixed. */
SWEEP_INLINE uint32_t sweep_kernel(const sim_graph *g, uint8_t *state, uint64_t *bits, const uint32_t *frontier,
                                   uint32_t n_frontier, uint8_t from, uint8_t to, int certain, sim_trials *t,
                                   sim_rng *rng, uint32_t *next, uint32_t *hits)
{
    const uint64_t *off = g->off;
    const uint32_t *adj = g->adj;
    uint64_t gap = t->gap;
    uint32_t out = 0;
    for (uint32_t i = 0; i < n_frontier; i++) {
        if (i + PREFETCH_FAR < n_frontier)
            SWEEP_PREFETCH(&off[frontier[i + PREFETCH_FAR]]);
        if (i + PREFETCH_NEAR < n_frontier)
            SWEEP_PREFETCH(&adj[off[frontier[i + PREFETCH_NEAR]]]);
        uint32_t u = frontier[i], h = 0;
        uint64_t base = off[u], end = off[u + 1];
        if (certain) {
            for (uint64_t e = base; e < end; e++) {
                uint32_t v = adj[e];
                if (sweep_take(state, bits, v, from, to))
                    next[out++] = v;
                else
                    h++;
            }
        } else {
            uint64_t deg = end - base;
            while (gap < deg) {
                uint32_t v = adj[base + gap];
                if (sweep_take(state, bits, v, from, to))
                    next[out++] = v;
                else
                    h++;
                gap += 1 + trials_gap(t, rng);
            }
            gap -= deg;
        }
        if (hits)
            hits[i] = h;
    }
    t->gap = gap;
    return out;
}

uint32_t sim_sweep(const sim_graph *g, uint8_t *state, const uint32_t *frontier, uint32_t n_frontier,
                   uint8_t from, uint8_t to, sim_trials *t, sim_rng *rng, uint32_t *next, uint32_t *hits)
{
    if (t->p <= 0.0) {
        if (hits)
            memset(hits, 0, (size_t)n_frontier * sizeof *hits);
        return 0;
    }
    int certain = t->p >= 1.0;
    /* Neighbours tested: every one at p = 1, about a share p of them otherwise. */
    double tests = (double)n_frontier * ((double)g->m / (g->n ? g->n : 1)) * t->p;
    uint64_t *bits = NULL;
    if (tests * BITS_MIN_SHARE >= (double)g->n && from != to)  /* from == to: bytes (repeats count) */
        bits = malloc(((size_t)g->n / 64 + 1) * sizeof *bits);
    if (!bits)  /* small sweep, or no memory for the bitmap: the same sweep on the bytes */
        return certain ? sweep_kernel(g, state, NULL, frontier, n_frontier, from, to, 1, t, rng, next, hits)
                       : sweep_kernel(g, state, NULL, frontier, n_frontier, from, to, 0, t, rng, next, hits);
    bits_build(bits, state, g->n, from);
    uint32_t out = certain ? sweep_kernel(g, state, bits, frontier, n_frontier, from, to, 1, t, rng, next, hits)
                           : sweep_kernel(g, state, bits, frontier, n_frontier, from, to, 0, t, rng, next, hits);
    free(bits);
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
