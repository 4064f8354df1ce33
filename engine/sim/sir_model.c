/* sir_model.c — the frontier sweep (Bernoulli contacts drawn by geometric gaps; large sweeps test
 * states through a bitmap) and the synchronous discrete-time SIR epidemic (bitmaps, id-ordered
 * frontier, neighbour lists found through the graph's degree runs when it has them). */
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

/* An SIR step gathers up to SIR_BATCH contacts before making them, asking for the neighbour id
 * SIR_PREFETCH contacts ahead. */
#define SIR_BATCH 1024
#define SIR_PREFETCH 32

/* Collecting the new frontier writes the ids of a word's bits this many at a time; the frontier
 * array has this many spare entries. */
#define FLATTEN_UNROLL 4

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

static size_t sir_words(uint32_t n)
{
    return (size_t)n / 64 + 1;
}

int sim_sir_init(sim_sir *s, uint32_t n)
{
    s->n = n;
    s->state = malloc(n ? n : 1);
    s->front = malloc(((size_t)n + FLATTEN_UNROLL) * sizeof *s->front);
    s->sus = malloc(sir_words(n) * sizeof *s->sus);
    s->fresh = calloc(sir_words(n), sizeof *s->fresh);
    s->dirty = calloc(sir_words(n) / 64 + 1, sizeof *s->dirty);
    if (!s->state || !s->front || !s->sus || !s->fresh || !s->dirty) {
        sim_sir_free(s);
        return -1;
    }
    return 0;
}

void sim_sir_free(sim_sir *s)
{
    free(s->state);
    free(s->front);
    free(s->sus);
    free(s->fresh);
    free(s->dirty);
    memset(s, 0, sizeof *s);
}

/* Geometric(p) gaps for the SIR steps from a Walker alias table with one 32-bit draw each: the low
 * GEO_BITS bits pick a column, the other 26 compare with its threshold. Column k < GEO_TAIL is a
 * gap of k (probability p (1-p)^k); column GEO_TAIL has the rest, (1-p)^GEO_TAIL, and means "at
 * least GEO_TAIL": add it and draw again (the gap is memoryless). Thresholds are exact to 2^-26
 * of a column. Used when p >= GEO_P_MIN, so that the tail is rare; other p use trials_gap. */
#define GEO_BITS 6
#define GEO_COLS (1u << GEO_BITS)
#define GEO_TAIL (GEO_COLS - 1)
#define GEO_P_MIN (1.0 / 32.0)

typedef struct geo_table {
    uint32_t keep[GEO_COLS];   /* column k answers k when the draw's high 26 bits are below keep[k] */
    uint8_t alias[GEO_COLS];   /* else alias[k] */
} geo_table;

/* Vose's construction: columns with less than the mean are topped up from one with more. */
static void geo_build(geo_table *gt, double p)
{
    double w[GEO_COLS], q = 1.0 - p, qk = 1.0;
    uint8_t small[GEO_COLS], large[GEO_COLS];
    int ns = 0, nl = 0;
    for (uint32_t k = 0; k < GEO_TAIL; k++, qk *= q)
        w[k] = p * qk * GEO_COLS;
    w[GEO_TAIL] = qk * GEO_COLS;
    for (uint32_t k = 0; k < GEO_COLS; k++) {
        gt->alias[k] = (uint8_t)k;
        if (w[k] < 1.0)
            small[ns++] = (uint8_t)k;
        else
            large[nl++] = (uint8_t)k;
    }
    while (ns > 0 && nl > 0) {
        uint8_t a = small[--ns], b = large[nl - 1];
        gt->keep[a] = (uint32_t)(w[a] * (double)(1u << 26));
        gt->alias[a] = b;
        w[b] -= 1.0 - w[a];
        if (w[b] < 1.0) {
            nl--;
            small[ns++] = b;
        }
    }
    while (nl > 0)
        gt->keep[large[--nl]] = 1u << 26;
    while (ns > 0)  /* rounding leftovers: full columns */
        gt->keep[small[--ns]] = 1u << 26;
}

static inline uint64_t geo_gap(const geo_table *gt, sim_rng *rng)
{
    uint64_t gap = 0;
    for (;;) {
        uint32_t x = sim_rng_u32(rng), col = x & (GEO_COLS - 1);
        uint32_t k = (x >> GEO_BITS) < gt->keep[col] ? col : gt->alias[col];
        gap += k;
        if (k != GEO_TAIL)
            return gap;
    }
}

/* The step's bitmaps: who is still susceptible, who was infected in the step under way, and which
 * words of `fresh` may hold a bit (so collecting the new frontier reads only those). */
typedef struct sir_bits {
    uint64_t *sus, *fresh, *dirty;
} sir_bits;

/* The contacts of a batch, adj[e[0]], adj[e[1]], ... in order: a susceptible node reached leaves
 * `sus` and joins `fresh`, without branches (whether a contact infects cannot be predicted). The
 * loads do not depend on one another, so many are in flight at once. */
static void sir_infect(const uint32_t *adj, const sir_bits *b, const uint64_t *e, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        if (i + SIR_PREFETCH < n)
            SWEEP_PREFETCH(&adj[e[i + SIR_PREFETCH]]);
        uint32_t v = adj[e[i]], w = v / 64;
        uint64_t word = b->sus[w], hit = word & ((uint64_t)1 << (v % 64));
        b->sus[w] = word ^ hit;
        b->fresh[w] |= hit;
        b->dirty[w / 64] |= (uint64_t)(hit != 0) << (w % 64);
    }
}

/* The trials to skip after a success: 1 + the next geometric gap (from the alias table when there is one). */
SWEEP_INLINE uint64_t sir_skip(sim_trials *t, const geo_table *gt, sim_rng *rng)
{
    return 1 + (gt ? geo_gap(gt, rng) : trials_gap(t, rng));
}

/* Gather the contact at adj[e] into the batch, making the batch's contacts when it is full. */
SWEEP_INLINE void sir_gather(const uint32_t *adj, const sir_bits *b, uint64_t *batch, uint32_t *nb, uint64_t e)
{
    batch[(*nb)++] = e;
    if (*nb == SIR_BATCH) {
        sir_infect(adj, b, batch, *nb);
        *nb = 0;
    }
}

/* One SIR step: each node of the frontier, in order, tries each of its neighbours in CSR order
 * (trials from t). The successful contacts' places in adj are gathered a batch at a time, then
 * made (sir_infect), so the trials' arithmetic never waits on a neighbour list's cache miss. */
static void sir_step_off(const sim_graph *g, const sir_bits *b, const uint32_t *front, uint32_t n_front,
                         sim_trials *t, const geo_table *gt, sim_rng *rng)
{
    const uint64_t *off = g->off;
    uint64_t batch[SIR_BATCH], gap = t->gap;
    uint32_t nb = 0;
    for (uint32_t i = 0; i < n_front; i++) {
        if (i + PREFETCH_FAR < n_front)
            SWEEP_PREFETCH(&off[front[i + PREFETCH_FAR]]);
        uint32_t u = front[i];
        uint64_t base = off[u], deg = off[u + 1] - base;
        while (gap < deg) {
            sir_gather(g->adj, b, batch, &nb, base + gap);
            gap += sir_skip(t, gt, rng);
        }
        gap -= deg;
    }
    sir_infect(g->adj, b, batch, nb);
    t->gap = gap;
}

/* The first index j >= i with front[j] >= end (front increasing): galloping, then halving. */
static uint32_t front_until(const uint32_t *front, uint32_t i, uint32_t n, uint32_t end)
{
    uint32_t lo = i, step = 1;   /* front[lo] < end throughout */
    while (lo + step < n && front[lo + step] < end) {
        lo += step;
        step *= 2;
    }
    uint32_t hi = lo + step < n ? lo + step : n;   /* front[hi] >= end, or hi == n */
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (front[mid] < end)
            lo = mid;
        else
            hi = mid;
    }
    return hi;
}

/* The same step on a graph with degree runs. The frontier's nodes in one run all have degree d, so
 * their lists laid end to end are (their count) * d trials, and the trial `gap` places on is
 * list gap / d, entry gap % d: the step costs per contact made, not per frontier node, and reads
 * no offsets. The division is Lemire's: q = (M * gap) >> 64 with M = 2^64 / d rounded up, exact
 * for 32-bit gaps. */
static void sir_step_runs(const sim_graph *g, const sir_bits *b, const uint32_t *front, uint32_t n_front, sim_trials *t, const geo_table *gt, sim_rng *rng)
{
    const sim_degree_run *r = g->runs;
    uint64_t batch[SIR_BATCH], gap = t->gap;
    uint32_t nb = 0, i = 0;
    while (i < n_front) {
        while (r[1].first <= front[i])
            r++;
        uint32_t j = front_until(front, i, n_front, r[1].first);
        uint64_t d = r->degree, total = (uint64_t)(j - i) * d;
        if (gap < total) {  /* then d > 0 */
            uint64_t magic = d == 1 ? 0 : UINT64_MAX / d + 1;
            const uint32_t *fr = front + i;
            uint64_t base = r->off - (uint64_t)r->first * d;
            do {
                uint64_t q = d == 1 ? gap : (uint64_t)(((unsigned __int128)magic * gap) >> 64);
                sir_gather(g->adj, b, batch, &nb, base + (uint64_t)fr[q] * d + (gap - q * d));
                gap += sir_skip(t, gt, rng);
            } while (gap < total);
        }
        gap -= total;
        i = j;
    }
    sir_infect(g->adj, b, batch, nb);
    t->gap = gap;
}

/* The nodes of `fresh` into front in increasing id, clearing fresh and dirty (only the words
 * dirty marks are read). Returns their number. */
static uint32_t take_fresh(const sir_bits *b, size_t words, uint32_t *front)
{
    uint32_t k = 0;
    for (size_t d = 0; d < words / 64 + 1; d++) {
        uint64_t marks = b->dirty[d];
        b->dirty[d] = 0;
        while (marks) {
            size_t w = d * 64 + (size_t)__builtin_ctzll(marks);
            marks &= marks - 1;
            uint64_t x = b->fresh[w];
            b->fresh[w] = 0;
            uint32_t bits = (uint32_t)__builtin_popcountll(x), *out = front + k;
            k += bits;
            do {  /* FLATTEN_UNROLL at a time: fewer branches to mispredict; front has room past k */
                for (int j = 0; j < FLATTEN_UNROLL; j++) {
                    out[j] = (uint32_t)(w * 64 + (uint32_t)__builtin_ctzll(x | ((uint64_t)1 << 63)));
                    x &= x - 1;
                }
                out += FLATTEN_UNROLL;
            } while (out < front + k);
        }
    }
    return k;
}

/* state[v] = S where bit v of sus is set, R elsewhere; eight nodes at a time: the multiply copies
 * a byte of bits into every byte, the mask keeps bit k in byte k, and the add carries it to bit 7. */
static void sir_states(uint8_t *state, const uint64_t *sus, uint32_t n)
{
    const uint64_t ones = 0x0101010101010101ULL;
    uint32_t v = 0;
    for (; v + 8 <= n; v += 8) {
        uint64_t bits = (sus[v / 64] >> (v % 64)) & 0xff;
        uint64_t set = ((((bits * ones) & 0x8040201008040201ULL) + 0x7f7f7f7f7f7f7f7fULL) >> 7) & ones;
        uint64_t bytes = (ones - set) * SIM_SIR_R + set * SIM_SIR_S;
        for (int k = 0; k < 8; k++)
            state[v + k] = (uint8_t)(bytes >> (8 * k));
    }
    for (; v < n; v++)
        state[v] = (sus[v / 64] >> (v % 64)) & 1 ? SIM_SIR_S : SIM_SIR_R;
}

/* Mark node v as a seed (in s->fresh); whether it was one already. */
static int seed_mark(sim_sir *s, uint32_t v)
{
    uint64_t bit = (uint64_t)1 << (v % 64);
    int was = (s->fresh[v / 64] & bit) != 0;
    s->fresh[v / 64] |= bit;
    s->dirty[v / 4096] |= (uint64_t)1 << (v / 64 % 64);
    return was;
}

/* Run from the seeds marked in s->fresh. The frontier is kept in increasing id, so the neighbour
 * lists and the bitmaps are walked in address order; "susceptible" is one bit per node, so those
 * tests stay in the core's caches. s->state gets the final states. */
static void sir_spread(sim_sir *s, const sim_graph *g, double p, sim_rng *rng, sim_sir_result *out)
{
    size_t words = sir_words(g->n);
    memset(s->sus, 0xff, words * sizeof *s->sus);
    for (size_t w = 0; w < words; w++)
        s->sus[w] &= ~s->fresh[w];
    sim_trials t;
    geo_table gt;
    sim_trials_init(&t, p, rng);
    int table = p >= GEO_P_MIN && p < 1.0;
    if (table)
        geo_build(&gt, p);
    out->recovered = 0;
    out->steps = 0;
    sir_bits b = {s->sus, s->fresh, s->dirty};
    uint32_t n_front = take_fresh(&b, words, s->front);
    while (n_front > 0) {
        if (g->runs)
            sir_step_runs(g, &b, s->front, n_front, &t, table ? &gt : NULL, rng);
        else
            sir_step_off(g, &b, s->front, n_front, &t, table ? &gt : NULL, rng);
        out->recovered += n_front;
        out->steps++;
        n_front = take_fresh(&b, words, s->front);
    }
    sir_states(s->state, s->sus, g->n);
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
    for (uint32_t i = 0; i < n_seeds; i++)
        seed_mark(s, seeds[i]);
    sir_spread(s, g, p, rng, out);
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
    /* Floyd's sampling: a uniform k-subset in k draws, the seed bitmap as the set. */
    for (uint32_t j = n - k; j < n; j++)
        if (seed_mark(s, sim_rng_below(rng, j + 1)))
            seed_mark(s, j);
    sir_spread(s, g, p, rng, out);
    return 0;
}
