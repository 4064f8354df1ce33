/* rng.c — PCG32 generator and the few distributions the models draw from.
 * Everything here is integer-exact or uses only IEEE double arithmetic and libm's exp/log. */
#include "rng.h"

#include <math.h>

void sim_rng_seed(sim_rng *r, uint64_t seed, uint64_t stream)
{
    r->state = 0;
    r->inc = (stream << 1u) | 1u;
    sim_rng_u32(r);
    r->state += seed;
    sim_rng_u32(r);
}

uint32_t sim_rng_below(sim_rng *r, uint32_t bound)
{
    uint64_t m = (uint64_t)sim_rng_u32(r) * bound;
    uint32_t low = (uint32_t)m;
    if (low < bound) {
        uint32_t threshold = (uint32_t)(-bound) % bound;
        while (low < threshold) {
            m = (uint64_t)sim_rng_u32(r) * bound;
            low = (uint32_t)m;
        }
    }
    return (uint32_t)(m >> 32);
}

double sim_rng_double(sim_rng *r)
{
    uint64_t hi = sim_rng_u32(r) >> 5;  /* 27 bits */
    uint64_t lo = sim_rng_u32(r) >> 6;  /* 26 bits */
    return (double)((hi << 26) | lo) * (1.0 / 9007199254740992.0);
}

uint32_t sim_rng_poisson(sim_rng *r, double mean)
{
    if (mean <= 0.0)
        return 0;
    if (mean < 30.0) {
        /* Knuth's multiplication method: exact for small means. */
        double limit = exp(-mean), p = 1.0;
        uint32_t k = 0;
        for (;;) {
            p *= sim_rng_double(r);
            if (p <= limit)
                return k;
            k++;
        }
    }
    /* Normal approximation with continuity correction for large means. */
    double u1 = sim_rng_double(r), u2 = sim_rng_double(r);
    if (u1 < 1e-300)
        u1 = 1e-300;
    double z = sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);
    double v = floor(mean + sqrt(mean) * z + 0.5);
    return v < 0.0 ? 0u : (uint32_t)v;
}

double sim_rng_exp(sim_rng *r, double rate)
{
    double u = sim_rng_double(r);
    return -log1p(-u) / rate;
}
