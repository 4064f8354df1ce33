/* hawkes.h — a self-exciting (Hawkes) point process with an exponential kernel, simulated
 * through its cluster structure, and the closed-form expectations it is checked against. */
#ifndef YQ_SIM_HAWKES_H
#define YQ_SIM_HAWKES_H

#include <stdint.h>

#include "rng.h"

/* Intensity mu + sum over past events t_i of n * beta * exp(-beta (t - t_i)). */
typedef struct sim_hawkes_params {
    double mu;         /* immigrant (background) rate per unit time, > 0 */
    double branching;  /* n: expected direct offspring per event, 0 <= n < 1 */
    double beta;       /* kernel decay rate (1 / mean delay of a child after its parent), > 0 */
    double horizon;    /* immigrants arrive in [0, horizon), > 0 */
} sim_hawkes_params;

typedef struct sim_hawkes_result {
    uint64_t immigrants;  /* background events in [0, horizon) */
    uint64_t total;       /* immigrants and all their descendants, whenever they occur */
    uint64_t in_window;   /* events (any generation) before horizon */
} sim_hawkes_result;

/* One realisation: Poisson(mu * horizon) immigrants at uniform times; every event has
 * Poisson(n) children, each after an Exp(beta) delay. Returns 0, or -1 on bad parameters
 * or memory. */
int sim_hawkes_simulate(const sim_hawkes_params *p, sim_rng *rng, sim_hawkes_result *out);

/* E[events in [0, horizon)] for a process started empty at 0:
 * mu T / (1 - n) - mu n (1 - exp(-beta (1 - n) T)) / (beta (1 - n)^2). */
double sim_hawkes_expected_window(const sim_hawkes_params *p);

#endif
