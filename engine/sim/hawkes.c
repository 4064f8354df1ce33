/* hawkes.c — Hawkes process by clusters: immigrants, then each event's Poisson(n) children after
 * exponential delays, walked depth-first with an explicit stack of pending event times. */
#include "hawkes.h"

#include <math.h>
#include <stdlib.h>

static int hawkes_params_ok(const sim_hawkes_params *p)
{
    return p->mu > 0.0 && p->branching >= 0.0 && p->branching < 1.0 && p->beta > 0.0 &&
           p->horizon > 0.0 && isfinite(p->mu * p->horizon);
}

int sim_hawkes_simulate(const sim_hawkes_params *p, sim_rng *rng, sim_hawkes_result *out)
{
    if (!hawkes_params_ok(p))
        return -1;
    size_t cap = 256, top = 0;
    double *stack = malloc(cap * sizeof *stack);
    if (!stack)
        return -1;
    uint32_t immigrants = sim_rng_poisson(rng, p->mu * p->horizon);
    out->immigrants = immigrants;
    out->total = 0;
    out->in_window = 0;
    for (uint32_t i = 0; i < immigrants; i++) {
        stack[top++] = sim_rng_double(rng) * p->horizon;
        while (top > 0) {
            double t = stack[--top];
            out->total++;
            out->in_window += t < p->horizon;
            uint32_t kids = sim_rng_poisson(rng, p->branching);
            if (top + kids > cap) {
                while (top + kids > cap)
                    cap *= 2;
                double *bigger = realloc(stack, cap * sizeof *stack);
                if (!bigger) {
                    free(stack);
                    return -1;
                }
                stack = bigger;
            }
            for (uint32_t k = 0; k < kids; k++)
                stack[top++] = t + sim_rng_exp(rng, p->beta);
        }
    }
    free(stack);
    return 0;
}

double sim_hawkes_expected_window(const sim_hawkes_params *p)
{
    double n = p->branching, q = 1.0 - n, T = p->horizon;
    return p->mu * T / q - p->mu * n * (-expm1(-p->beta * q * T)) / (p->beta * q * q);
}
