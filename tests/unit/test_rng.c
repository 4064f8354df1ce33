/* test_rng.c — the PCG32 generator against the reference sequence of its author's demo
 * (seed 42, stream 54), and the ranges and means of the distributions built on it. */
#include "check.h"
#include "sim/rng.h"

int main(void)
{
    sim_rng r;
    sim_rng_seed(&r, 42u, 54u);
    const uint32_t expect[] = {0xa15c02b7u, 0x7b47f409u, 0xba1d3330u, 0x83d2f293u, 0xbfa4784bu, 0xcbed606eu};
    for (int i = 0; i < 6; i++)
        CHECK_MSG(sim_rng_u32(&r) == expect[i], "output %d", i);

    sim_rng a, b;
    sim_rng_seed(&a, 7, 1);
    sim_rng_seed(&b, 7, 2);
    CHECK(sim_rng_u32(&a) != sim_rng_u32(&b));

    sim_rng_seed(&r, 1, 1);
    int in_range = 1;
    double sum = 0.0;
    for (int i = 0; i < 100000; i++) {
        uint32_t v = sim_rng_below(&r, 10);
        double d = sim_rng_double(&r);
        in_range &= v < 10 && d >= 0.0 && d < 1.0;
        sum += d;
    }
    CHECK(in_range);
    CHECK_NEAR(sum / 100000.0, 0.5, 0.01);

    const double means[] = {0.3, 4.0, 29.0, 120.0};
    for (int k = 0; k < 4; k++) {
        double total = 0.0;
        for (int i = 0; i < 20000; i++)
            total += sim_rng_poisson(&r, means[k]);
        CHECK_NEAR(total / 20000.0, means[k], means[k] * 0.03 + 0.02);
    }
    double esum = 0.0;
    for (int i = 0; i < 20000; i++)
        esum += sim_rng_exp(&r, 2.0);
    CHECK_NEAR(esum / 20000.0, 0.5, 0.02);
    CHECK(sim_rng_poisson(&r, 0.0) == 0);
    return CHECK_DONE();
}
