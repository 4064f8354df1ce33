/* test_models.c — the validation models: Maki–Thompson rumours (hand-worked tiny cases, the
 * well-mixed limit, graph vs well-mixed agreement) and the Hawkes cluster simulation. */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "sim/graph.h"
#include "sim/hawkes.h"
#include "sim/rumour_mixed.h"

static void test_mt_limit(void)
{
    double x = sim_mt_ignorant_limit();
    CHECK_NEAR(x, exp(-2.0 * (1.0 - x)), 1e-12);
    CHECK_NEAR(x, 0.2032, 0.0001);
}

/* Two accounts, one seed: the seed must tell the other (1 contact); then whichever spreader is
 * picked meets a spreader and stops (2), and the last meets a stifler and stops (3). */
static void test_mt_tiny(void)
{
    sim_mt w;
    sim_rng r;
    sim_mt_result res;
    sim_rng_seed(&r, 1, 1);
    CHECK(sim_mt_init(&w, 10) == 0);
    uint32_t seed = 1, dup[3] = {0, 0, 0};
    for (int i = 0; i < 20; i++) {
        CHECK(sim_mt_run(&w, NULL, 2, &seed, 1, 1.0, 1.0, &r, &res) == 0);
        CHECK(res.ignorant == 0 && res.stiflers == 2 && res.contacts == 3);
    }
    CHECK(sim_mt_run(&w, NULL, 1, dup, 3, 1.0, 1.0, &r, &res) == 0);
    CHECK(res.ignorant == 0 && res.stiflers == 1 && res.contacts == 0);
    /* bad arguments */
    CHECK(sim_mt_run(&w, NULL, 11, &seed, 1, 1.0, 1.0, &r, &res) == -1);
    CHECK(sim_mt_run(&w, NULL, 0, &seed, 1, 1.0, 1.0, &r, &res) == -1);
    CHECK(sim_mt_run(&w, NULL, 10, &seed, 1, 1.0, 0.0, &r, &res) == -1);
    CHECK(sim_mt_run(&w, NULL, 10, &seed, 1, 1.5, 1.0, &r, &res) == -1);
    CHECK(sim_mt_run(&w, NULL, 10, &seed, 1, 0.0, 1.0, &r, &res) == -1);
    seed = 10;
    CHECK(sim_mt_run(&w, NULL, 10, &seed, 1, 1.0, 1.0, &r, &res) == -1);
    sim_mt_free(&w);
}

static void test_mt_graph_cases(void)
{
    sim_mt w;
    sim_rng r;
    sim_mt_result res;
    sim_graph g;
    sim_rng_seed(&r, 2, 2);
    CHECK(sim_graph_er(&g, 50, 0.0, &r) == 0);  /* no edges: seeds have no one to tell */
    CHECK(sim_mt_init(&w, 50) == 0);
    uint32_t seeds[4] = {3, 7, 7, 9};
    CHECK(sim_mt_run(&w, &g, 50, seeds, 4, 1.0, 1.0, &r, &res) == 0);
    CHECK(res.stiflers == 3 && res.ignorant == 47 && res.contacts == 0);
    CHECK(sim_mt_run(&w, &g, 40, seeds, 4, 1.0, 1.0, &r, &res) == -1);  /* n != g->n */
    sim_graph_free(&g);

    /* A single edge: exactly as the two-account well-mixed case. */
    CHECK(sim_graph_ba(&g, 2, 1, &r) == 0);
    CHECK(sim_mt_run(&w, &g, 2, seeds, 1, 1.0, 1.0, &r, &res) == -1);  /* seed 3 out of range */
    uint32_t zero = 0;
    CHECK(sim_mt_run(&w, &g, 2, &zero, 1, 1.0, 1.0, &r, &res) == 0);
    CHECK(res.stiflers == 2 && res.contacts == 3);
    sim_graph_free(&g);
    sim_mt_free(&w);
}

/* The n -> infinity ignorant fraction, from the well-mixed path and, on a complete graph, from
 * the graph path: both must land near 0.2032. Finite-size and run-to-run spread are ~0.002. */
static void test_mt_means(void)
{
    sim_mt w;
    sim_rng r;
    sim_rng_seed(&r, 3, 3);
    const uint32_t n = 50000;
    CHECK(sim_mt_init(&w, n) == 0);
    double sum = 0;
    uint64_t contacts = 0;
    for (int i = 0; i < 20; i++) {
        sim_mt_result res;
        uint32_t seed = sim_rng_below(&r, n);
        sim_mt_run(&w, NULL, n, &seed, 1, 1.0, 1.0, &r, &res);
        CHECK(res.ignorant + res.stiflers == n);
        sum += (double)res.ignorant / n;
        contacts += res.contacts;
    }
    CHECK_NEAR(sum / 20, sim_mt_ignorant_limit(), 0.01);
    CHECK(contacts > 20ull * n);

    const uint32_t k = 1500;
    sim_graph full;
    CHECK(sim_graph_er(&full, k, k - 1, &r) == 0);
    CHECK(full.m == (uint64_t)k * (k - 1));
    sum = 0;
    for (int i = 0; i < 40; i++) {
        sim_mt_result res;
        uint32_t seed = sim_rng_below(&r, k);
        sim_mt_run(&w, &full, k, &seed, 1, 1.0, 1.0, &r, &res);
        sum += (double)res.ignorant / k;
    }
    CHECK_NEAR(sum / 40, sim_mt_ignorant_limit(), 0.02);
    sim_graph_free(&full);
    sim_mt_free(&w);
}

static void test_mt_determinism(void)
{
    sim_mt w;
    CHECK(sim_mt_init(&w, 5000) == 0);
    sim_rng a, b, c;
    sim_rng_seed(&a, 9, 1);
    sim_rng_seed(&b, 9, 1);
    sim_rng_seed(&c, 10, 1);
    sim_mt_result ra, rb, rc;
    uint32_t seed = 17;
    sim_mt_run(&w, NULL, 5000, &seed, 1, 0.7, 0.6, &a, &ra);
    sim_mt_run(&w, NULL, 5000, &seed, 1, 0.7, 0.6, &b, &rb);
    sim_mt_run(&w, NULL, 5000, &seed, 1, 0.7, 0.6, &c, &rc);
    CHECK(ra.ignorant == rb.ignorant && ra.contacts == rb.contacts);
    CHECK(ra.contacts != rc.contacts || ra.ignorant != rc.ignorant);
    sim_mt_free(&w);
}

/* E[events in [0, T)] by integrating the mean intensity numerically: with the exponential
 * kernel, x(t) = (kernel * m)(t) obeys x' = -beta x + n beta m, m = mu + x (Euler, small step). */
static double window_by_ode(const sim_hawkes_params *p)
{
    const int steps = 2000000;
    double dt = p->horizon / steps, x = 0.0, total = 0.0;
    for (int i = 0; i < steps; i++) {
        double m0 = p->mu + x;
        double x1 = x + dt * (-p->beta * x + p->branching * p->beta * m0);
        total += 0.5 * (m0 + p->mu + x1) * dt;
        x = x1;
    }
    return total;
}

static void test_hawkes_expectation(void)
{
    sim_hawkes_params p = {.mu = 5.0, .branching = 0.6, .beta = 0.5, .horizon = 30.0};
    CHECK_NEAR(sim_hawkes_expected_window(&p), window_by_ode(&p), 1e-3 * window_by_ode(&p));
    p.branching = 0.0;
    CHECK_NEAR(sim_hawkes_expected_window(&p), p.mu * p.horizon, 1e-9);
}

static void test_hawkes_simulation(void)
{
    sim_rng r;
    sim_rng_seed(&r, 4, 4);
    sim_hawkes_result res;
    sim_hawkes_params p = {.mu = 10.0, .branching = 0.0, .beta = 1.0, .horizon = 50.0};
    CHECK(sim_hawkes_simulate(&p, &r, &res) == 0);
    CHECK(res.total == res.immigrants && res.in_window == res.immigrants);
    CHECK(res.immigrants > 350 && res.immigrants < 650);  /* Poisson(500) */

    p.branching = 0.7;
    double imm = 0, total = 0, window = 0;
    const int runs = 300;
    for (int i = 0; i < runs; i++) {
        CHECK(sim_hawkes_simulate(&p, &r, &res) == 0);
        CHECK(res.total >= res.in_window && res.in_window >= res.immigrants);
        imm += (double)res.immigrants;
        total += (double)res.total;
        window += (double)res.in_window;
    }
    /* cluster size: mean 1/(1-n) = 3.33, sd sqrt(n/(1-n)^3) = 5.1, over ~150,000 immigrants */
    CHECK_NEAR(total / (imm / (1.0 - p.branching)), 1.0, 0.02);
    CHECK_NEAR(window / runs / sim_hawkes_expected_window(&p), 1.0, 0.02);

    sim_hawkes_params bad[] = {
        {.mu = 0.0, .branching = 0.5, .beta = 1.0, .horizon = 1.0},
        {.mu = 1.0, .branching = 1.0, .beta = 1.0, .horizon = 1.0},
        {.mu = 1.0, .branching = -0.1, .beta = 1.0, .horizon = 1.0},
        {.mu = 1.0, .branching = 0.5, .beta = 0.0, .horizon = 1.0},
        {.mu = 1.0, .branching = 0.5, .beta = 1.0, .horizon = 0.0},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        CHECK(sim_hawkes_simulate(&bad[i], &r, &res) == -1);
}

int main(void)
{
    test_mt_limit();
    test_mt_tiny();
    test_mt_graph_cases();
    test_mt_means();
    test_mt_determinism();
    test_hawkes_expectation();
    test_hawkes_simulation();
    return CHECK_DONE();
}
