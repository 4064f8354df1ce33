/* graph.h — compact adjacency (CSR) for the simulated population and the generators that build it:
 * Barabási–Albert preferential attachment (also numbered hubs first), and a homogeneous random graph. */
#ifndef YQ_SIM_GRAPH_H
#define YQ_SIM_GRAPH_H

#include <stdint.h>

#include "rng.h"

/* Nodes first .. (the next run's first) - 1 all have `degree` neighbours, and node first's list
 * starts at adj[off]. */
typedef struct sim_degree_run {
    uint32_t first;
    uint32_t degree;
    uint64_t off;
} sim_degree_run;

/* Node v's neighbours are adj[off[v] .. off[v+1]). Undirected graphs store each edge both ways.
 * When consecutive nodes mostly share a degree (a graph numbered by degree has one run per
 * distinct degree), `runs` also describes off[] in n_runs runs and a closing run {n, 0, m}, a
 * table small enough to stay in the core's cache; otherwise runs is NULL and n_runs 0. */
typedef struct sim_graph {
    uint32_t n;
    uint64_t m;      /* entries in adj */
    uint64_t *off;   /* n + 1 */
    uint32_t *adj;   /* m */
    uint32_t n_runs;
    sim_degree_run *runs;   /* n_runs + 1, or NULL */
} sim_graph;

/* Barabási–Albert: a star of m+1 nodes, then each new node links to m distinct existing nodes
 * chosen with probability proportional to degree. Undirected. Returns 0, or -1 (bad args / memory). */
int sim_graph_ba(sim_graph *g, uint32_t n, uint32_t m, sim_rng *rng);
/* The graph sim_graph_ba builds from the same generator state, renumbered by decreasing degree
 * (equal degrees keep sim_graph_ba's order): node 0 is the largest hub. Neighbour lists keep
 * their order. Most neighbour lists point at hubs, so this packs the per-node state a sweep
 * reads into few cache lines. Returns 0 or -1. */
int sim_graph_ba_ranked(sim_graph *g, uint32_t n, uint32_t m, sim_rng *rng);
/* Homogeneous (Erdős–Rényi G(n, M)-style) undirected graph with the given mean degree, no self-loops
 * or duplicate edges. Returns 0 or -1. */
int sim_graph_er(sim_graph *g, uint32_t n, double mean_degree, sim_rng *rng);
/* Build g->runs for a graph whose n, m and off[] are filled (the generators above call it): leaves
 * runs NULL when there would be more than n / 64 + 64 runs, or no memory for them (runs only make
 * sweeps faster; every reader falls back to off[]). */
void sim_graph_index_runs(sim_graph *g);
void sim_graph_free(sim_graph *g);

static inline uint32_t sim_graph_degree(const sim_graph *g, uint32_t v)
{
    return (uint32_t)(g->off[v + 1] - g->off[v]);
}

#endif
