/* graph.c — builds the CSR graphs of graph.h: Barabási–Albert from a list of edge targets
 * (degree-proportional picks, optionally renumbered by degree), and G(n, p) by geometric skips. */
#include "graph.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Above this many links per new node, duplicate picks are caught with a per-node stamp
 * instead of scanning the node's own picks. */
#define BA_SCAN_MAX 32

/* A graph gets a degree-run table when it has at most n / RUNS_SHARE + RUNS_FEW runs: a few
 * hundred for a graph numbered by degree, a table that stays in the core's cache. */
#define RUNS_SHARE 64
#define RUNS_FEW 64

/* CSR is built in two passes over the edges: first off[v + 1] counts v's degree, then
 * csr_starts turns counts into starts, the fill pass uses off[v] as v's cursor (leaving it at
 * v's end), and csr_finish shifts the ends back into starts. No extra array is needed. */
static int csr_alloc(sim_graph *g, uint32_t n, uint64_t entries)
{
    g->n = n;
    g->m = entries;
    g->off = calloc((size_t)n + 1, sizeof *g->off);
    g->adj = malloc((size_t)(entries ? entries : 1) * sizeof *g->adj);
    if (!g->off || !g->adj) {
        sim_graph_free(g);
        return -1;
    }
    return 0;
}

static void csr_starts(sim_graph *g)
{
    for (uint32_t v = 0; v < g->n; v++)
        g->off[v + 1] += g->off[v];
}

static void csr_finish(sim_graph *g)
{
    for (uint32_t v = g->n; v > 0; v--)
        g->off[v] = g->off[v - 1];
    g->off[0] = 0;
}

static inline void csr_put(sim_graph *g, uint32_t a, uint32_t b)
{
    g->adj[g->off[a]++] = b;
    g->adj[g->off[b]++] = a;
}

/* Edge e of a BA graph with m links per newcomer: the star's edges come first (0, e + 1),
 * then newcomer m + 1 + (e - m) / m links to tgt[e]. */
static inline uint32_t ba_source(uint64_t e, uint32_t m)
{
    return e < m ? 0u : (uint32_t)(m + 1 + (e - m) / m);
}

/* The preferential-attachment picks: tgt[e] for each of the ne edges (sources are implicit).
 * Returns the array (caller frees) or NULL. */
static uint32_t *ba_targets(uint32_t n, uint32_t m, uint64_t ne, sim_rng *rng)
{
    /* Endpoint i of the 2e edges made so far is edge i/2's source (even i) or target (odd i);
     * a node is an endpoint once per unit of degree, so a uniform i picks by degree. Sources
     * are implicit (ba_source), so only targets are stored. */
    uint32_t *tgt = malloc((size_t)ne * sizeof *tgt);
    uint32_t *stamp = NULL;
    if (!tgt)
        return NULL;
    if (m > BA_SCAN_MAX) {
        stamp = malloc((size_t)n * sizeof *stamp);
        if (!stamp) {
            free(tgt);
            return NULL;
        }
        memset(stamp, 0xff, (size_t)n * sizeof *stamp);
    }
    uint64_t e = 0;
    for (; e < m; e++)
        tgt[e] = (uint32_t)e + 1;
    for (uint32_t v = m + 1; v < n; v++) {
        uint32_t pool = (uint32_t)(2 * e);  /* picks see only edges made before v */
        uint64_t first = e;
        for (uint32_t k = 0; k < m; k++) {
            uint32_t t;
            for (;;) {
                uint32_t i = sim_rng_below(rng, pool);
                t = (i & 1u) ? tgt[i >> 1] : ba_source(i >> 1, m);
                int dup = 0;
                if (stamp) {
                    dup = stamp[t] == v;
                } else {
                    for (uint64_t j = first; j < e; j++)
                        if (tgt[j] == t) {
                            dup = 1;
                            break;
                        }
                }
                if (!dup)
                    break;
            }
            if (stamp)
                stamp[t] = v;
            tgt[e++] = t;
        }
    }
    free(stamp);
    return tgt;
}

/* rank[v] = v's place in the order of decreasing degree, ties by v (a counting sort on the
 * degrees that g->off[v + 1] holds before csr_starts). Returns the array or NULL. */
static uint32_t *degree_ranks(const sim_graph *g)
{
    uint32_t maxdeg = 0;
    for (uint32_t v = 0; v < g->n; v++)
        maxdeg = g->off[v + 1] > maxdeg ? (uint32_t)g->off[v + 1] : maxdeg;
    uint32_t *rank = malloc((size_t)g->n * sizeof *rank);
    uint32_t *start = calloc((size_t)maxdeg + 2, sizeof *start);
    if (!rank || !start) {
        free(rank);
        free(start);
        return NULL;
    }
    for (uint32_t v = 0; v < g->n; v++)
        start[g->off[v + 1]]++;
    uint32_t at = 0;  /* start[d] becomes the first rank of degree d, highest degree first */
    for (uint32_t d = maxdeg + 1; d-- > 0;) {
        uint32_t count = start[d];
        start[d] = at;
        at += count;
    }
    for (uint32_t v = 0; v < g->n; v++)
        rank[v] = start[g->off[v + 1]]++;
    free(start);
    return rank;
}

/* Degree counts of g->off[v + 1] moved from node v to node rank[v]. */
static int move_counts(sim_graph *g, const uint32_t *rank)
{
    uint32_t *deg = malloc((size_t)g->n * sizeof *deg);
    if (!deg)
        return -1;
    for (uint32_t v = 0; v < g->n; v++)
        deg[v] = (uint32_t)g->off[v + 1];
    for (uint32_t v = 0; v < g->n; v++)
        g->off[rank[v] + 1] = deg[v];
    free(deg);
    return 0;
}

static int graph_ba(sim_graph *g, uint32_t n, uint32_t m, sim_rng *rng, int ranked)
{
    memset(g, 0, sizeof *g);
    if (m < 1 || n < m + 1)
        return -1;
    uint64_t ne = (uint64_t)m * (n - m);  /* star: m edges; each of n-m-1 newcomers: m */
    if (2 * ne > UINT32_MAX)
        return -1;
    uint32_t *tgt = ba_targets(n, m, ne, rng), *rank = NULL;
    if (!tgt || csr_alloc(g, n, 2 * ne) != 0) {
        free(tgt);
        return -1;
    }
    for (uint64_t e = 0; e < ne; e++) {
        g->off[ba_source(e, m) + 1]++;
        g->off[tgt[e] + 1]++;
    }
    if (ranked) {
        rank = degree_ranks(g);
        if (!rank || move_counts(g, rank) != 0) {
            free(rank);
            free(tgt);
            sim_graph_free(g);
            return -1;
        }
    }
    csr_starts(g);
    for (uint64_t e = 0; e < ne; e++) {
        if (rank)
            csr_put(g, rank[ba_source(e, m)], rank[tgt[e]]);
        else
            csr_put(g, ba_source(e, m), tgt[e]);
    }
    csr_finish(g);
    free(rank);
    free(tgt);
    sim_graph_index_runs(g);
    return 0;
}

int sim_graph_ba(sim_graph *g, uint32_t n, uint32_t m, sim_rng *rng)
{
    return graph_ba(g, n, m, rng, 0);
}

int sim_graph_ba_ranked(sim_graph *g, uint32_t n, uint32_t m, sim_rng *rng)
{
    return graph_ba(g, n, m, rng, 1);
}

/* One Batagelj–Brandes walk over the pairs (v, w), w < v, in order, jumping Geometric(p)
 * pairs between edges, so each pair is an edge independently with probability p. With
 * fill == 0 it counts degrees into off[v + 1]; otherwise it scatters into adj via the cursors.
 * Both passes start from the same generator state and so see the same edges. */
static uint64_t er_walk(sim_graph *g, double p, sim_rng *rng, int fill)
{
    double lq = log1p(-p);
    uint64_t n = g->n, v = 1, w = 0, count = 0;
    for (;;) {
        if (p < 1.0) {
            double s = floor(log1p(-sim_rng_double(rng)) / lq);
            w += s > 1e18 ? (uint64_t)1e18 : (uint64_t)s;
        }
        while (v < n && w >= v) {
            w -= v;
            v++;
        }
        if (v >= n)
            return count;
        if (fill) {
            csr_put(g, (uint32_t)v, (uint32_t)w);
        } else {
            g->off[v + 1]++;
            g->off[w + 1]++;
        }
        count++;
        w++;
    }
}

int sim_graph_er(sim_graph *g, uint32_t n, double mean_degree, sim_rng *rng)
{
    memset(g, 0, sizeof *g);
    if (n < 1 || !(mean_degree >= 0.0) || mean_degree > (double)(n - 1))
        return -1;
    double p = n > 1 ? mean_degree / (double)(n - 1) : 0.0;
    if (csr_alloc(g, n, 0) != 0)
        return -1;
    if (p <= 0.0) {
        sim_graph_index_runs(g);
        return 0;
    }
    sim_rng start = *rng;
    uint64_t ne = er_walk(g, p, rng, 0);
    free(g->adj);
    g->m = 2 * ne;
    g->adj = malloc((size_t)(ne ? 2 * ne : 1) * sizeof *g->adj);
    if (!g->adj) {
        sim_graph_free(g);
        return -1;
    }
    csr_starts(g);
    er_walk(g, p, &start, 1);
    csr_finish(g);
    sim_graph_index_runs(g);
    return 0;
}

/* Runs of equal degree among nodes 0 .. n-1 while there are at most `most`; most + 1 past that. */
static uint32_t count_runs(const sim_graph *g, uint32_t most)
{
    uint32_t runs = 0;
    for (uint32_t v = 0; v < g->n && runs <= most; v++)
        runs += v == 0 || g->off[v + 1] - g->off[v] != g->off[v] - g->off[v - 1];
    return runs;
}

void sim_graph_index_runs(sim_graph *g)
{
    free(g->runs);
    g->runs = NULL;
    g->n_runs = 0;
    uint32_t most = g->n / RUNS_SHARE + RUNS_FEW, count = count_runs(g, most);
    if (count > most || !(g->runs = malloc(((size_t)count + 1) * sizeof *g->runs)))
        return;
    uint32_t k = 0;
    for (uint32_t v = 0; v < g->n; v++) {
        uint32_t d = (uint32_t)(g->off[v + 1] - g->off[v]);
        if (k == 0 || d != g->runs[k - 1].degree)
            g->runs[k++] = (sim_degree_run){v, d, g->off[v]};
    }
    g->runs[k] = (sim_degree_run){g->n, 0, g->m};
    g->n_runs = k;
}

void sim_graph_free(sim_graph *g)
{
    free(g->off);
    free(g->adj);
    free(g->runs);
    memset(g, 0, sizeof *g);
}
