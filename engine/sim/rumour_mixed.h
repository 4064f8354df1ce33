/* rumour_mixed.h — the Maki–Thompson rumour (ignorant / spreader / stifler) run to extinction,
 * one kernel for a well-mixed population and for spreading over the edges of a graph. */
#ifndef YQ_SIM_RUMOUR_MIXED_H
#define YQ_SIM_RUMOUR_MIXED_H

#include <stdint.h>

#include "graph.h"
#include "rng.h"

enum { SIM_MT_IGNORANT = 0, SIM_MT_SPREADER = 1, SIM_MT_STIFLER = 2 };

/* Workspace for repeated runs over up to n accounts (allocate once, run many). */
typedef struct sim_mt {
    uint32_t n;
    uint8_t *state;
    uint32_t *spreaders;  /* current spreaders, unordered */
    uint32_t *slot;       /* slot[v]: v's index in spreaders while v spreads */
} sim_mt;

typedef struct sim_mt_result {
    uint32_t ignorant;    /* never heard it */
    uint32_t stiflers;    /* heard it (every hearer ends as a stifler) */
    uint64_t contacts;    /* contacts made until the last spreader stopped */
} sim_mt_result;

/* Returns 0 or -1 (memory). */
int sim_mt_init(sim_mt *w, uint32_t n);
void sim_mt_free(sim_mt *w);

/* Run to extinction. Every spreader makes contacts at the same rate, so each event picks a
 * uniformly random current spreader u, who contacts a uniformly random other account when g is
 * NULL (well mixed among n), or a uniformly random neighbour of u in g (then n must be g->n).
 * If the contacted account is ignorant, with probability lambda it becomes a spreader; otherwise
 * (spreader or stifler) with probability alpha u becomes a stifler. A spreader with no one to
 * contact (no neighbours, or n == 1) stops at once. The seeds start as spreaders (duplicates
 * count once). Returns 0, or -1 on bad arguments (n 0 or above the workspace or != g->n, seed
 * out of range, lambda or alpha outside (0, 1]: with either at 0 a run might never end). */
int sim_mt_run(sim_mt *w, const sim_graph *g, uint32_t n, const uint32_t *seeds, uint32_t n_seeds,
               double lambda, double alpha, sim_rng *rng, sim_mt_result *out);

/* The ignorant fraction the well-mixed model leaves as n -> infinity (lambda = alpha = 1):
 * the root in (0, 1) of x = exp(-2 (1 - x)), by Newton's method. */
double sim_mt_ignorant_limit(void);

#endif
