/* sir_model.h — discrete-time SIR on a CSR graph, and the frontier sweep it is built on (shared
 * with the rumour models): each node of a frontier tries each neighbour with probability p. */
#ifndef YQ_SIM_SIR_MODEL_H
#define YQ_SIM_SIR_MODEL_H

#include <stdint.h>

#include "graph.h"
#include "rng.h"

/* Per-node state bytes used by sim_sir_run. The sweep itself takes any two byte values. */
enum { SIM_SIR_S = 0, SIM_SIR_I = 1, SIM_SIR_R = 2 };

/* Bernoulli(p) trials drawn as Geometric(p) gaps between successes, so a sweep costs one
 * draw per success instead of one per neighbour. `gap` carries over between sweeps. */
typedef struct sim_trials {
    double p;
    double inv_log_q;   /* 1 / log(1 - p); 0 when p >= 1 */
    uint64_t gap;       /* failures left before the next success */
} sim_trials;

/* Start a trial sequence with success probability p (clamped to [0, 1]); draws the first gap. */
void sim_trials_init(sim_trials *t, double p, sim_rng *rng);

/* The sweep kernel. For every node u of frontier[0 .. n_frontier) in order, and every
 * neighbour v of u in CSR order, one independent Bernoulli(t->p) trial is made ("u contacts
 * v"). On a success with state[v] == from, state[v] becomes `to` and v is appended to next.
 * Successes on other states change nothing. Trials are consumed from `t` in that fixed order,
 * so the result is a function of the generator state. Frontier nodes' own states are left to
 * the caller. `next` needs room for every node that can still change (at most g->n). If
 * `hits` is not NULL, hits[i] receives the number of successful contacts frontier[i] made with
 * neighbours whose state was not `from` (what Maki–Thompson spreaders stifle on).
 * A sweep expected to test many neighbours borrows n / 8 bytes for the call (a bitmap of
 * "state == from"); without that memory it runs on the bytes, with the same result.
 * Returns the number of nodes appended to next. */
uint32_t sim_sweep(const sim_graph *g, uint8_t *state, const uint32_t *frontier, uint32_t n_frontier,
                   uint8_t from, uint8_t to, sim_trials *t, sim_rng *rng, uint32_t *next, uint32_t *hits);

/* Workspace for repeated SIR runs on graphs of up to n nodes (allocate once, run many). */
typedef struct sim_sir {
    uint32_t n;
    uint8_t *state;     /* after a run: SIM_SIR_S or SIM_SIR_R per node */
    uint32_t *front;
    uint64_t *sus;      /* bit v: node v is susceptible */
    uint64_t *fresh;    /* bit v: node v was infected in the step under way (all clear between runs) */
    uint64_t *dirty;    /* bit w: word w of fresh may be non-zero (all clear between runs) */
} sim_sir;

typedef struct sim_sir_result {
    uint32_t recovered;  /* nodes ever infected (all recovered at the end) */
    uint32_t steps;      /* sweeps until no node was infected */
} sim_sir_result;

/* Returns 0 or -1 (memory). */
int sim_sir_init(sim_sir *s, uint32_t n);
void sim_sir_free(sim_sir *s);

/* Synchronous SIR: the seeds start infected; each step every infected node infects each
 * susceptible neighbour with probability p, then recovers (infectious for exactly one step);
 * stop when none is infected. Duplicate seeds count once. Returns 0, or -1 on bad args
 * (graph larger than the workspace, seed out of range). */
int sim_sir_run_seeds(sim_sir *s, const sim_graph *g, double p, const uint32_t *seeds, uint32_t n_seeds,
                      sim_rng *rng, sim_sir_result *out);
/* As above with round(rho * n) seeds (at least one when rho > 0) drawn uniformly without
 * replacement. rho must lie in [0, 1]. */
int sim_sir_run(sim_sir *s, const sim_graph *g, double p, double rho, sim_rng *rng, sim_sir_result *out);

#endif
