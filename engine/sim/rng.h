/* rng.h — the simulation's only source of randomness: PCG32 (O'Neill 2014, XSH-RR output).
 * 64-bit LCG state + odd stream increment; same seed and stream give the same sequence everywhere. */
#ifndef YQ_SIM_RNG_H
#define YQ_SIM_RNG_H

#include <stdint.h>

typedef struct sim_rng {
    uint64_t state;
    uint64_t inc;
} sim_rng;

/* Seed a generator: `stream` selects an independent sequence for the same seed. */
void sim_rng_seed(sim_rng *r, uint64_t seed, uint64_t stream);

/* The next 32 bits (inline: the hot loops of the models draw one per contact). */
static inline uint32_t sim_rng_u32(sim_rng *r)
{
    uint64_t old = r->state;
    r->state = old * 6364136223846793005ULL + r->inc;
    uint32_t xorshifted = (uint32_t)(((old >> 18u) ^ old) >> 27u);
    uint32_t rot = (uint32_t)(old >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((-rot) & 31u));
}
/* Uniform integer in [0, bound), unbiased (Lemire's rejection). bound must be > 0. */
uint32_t sim_rng_below(sim_rng *r, uint32_t bound);
/* Uniform double in [0, 1) with 53 random bits. */
double sim_rng_double(sim_rng *r);
/* Poisson-distributed count with the given mean (mean >= 0). */
uint32_t sim_rng_poisson(sim_rng *r, double mean);
/* Exponential variate with the given rate (> 0). */
double sim_rng_exp(sim_rng *r, double rate);

#endif
