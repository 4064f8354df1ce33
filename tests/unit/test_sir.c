/* test_sir.c — the frontier sweep and discrete-time SIR: hand-computed outcomes on paths, stars
 * and split graphs, p = 0 and p = 1 limits, BFS-derived step counts, and sampled means. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "sim/sir_model.h"

/* Build an undirected CSR graph from an edge list (test helper, its own code path). */
static void graph_from_list(sim_graph *g, uint32_t n, const uint32_t (*edges)[2], uint32_t ne)
{
    memset(g, 0, sizeof *g);
    g->n = n;
    g->m = 2 * (uint64_t)ne;
    g->off = calloc(n + 1, sizeof *g->off);
    g->adj = malloc((2 * ne + 1) * sizeof *g->adj);
    uint32_t *deg = calloc(n, sizeof *deg);
    for (uint32_t e = 0; e < ne; e++) {
        deg[edges[e][0]]++;
        deg[edges[e][1]]++;
    }
    g->off[0] = 0;
    for (uint32_t v = 0; v < n; v++)
        g->off[v + 1] = g->off[v] + deg[v];
    for (uint32_t v = 0; v < n; v++)
        deg[v] = 0;
    for (uint32_t e = 0; e < ne; e++) {
        uint32_t a = edges[e][0], b = edges[e][1];
        g->adj[g->off[a] + deg[a]++] = b;
        g->adj[g->off[b] + deg[b]++] = a;
    }
    free(deg);
    sim_graph_index_runs(g);
    CHECK(g->runs != NULL);  /* small graphs always get one: these tests sweep through it */
}

static void path_graph(sim_graph *g, uint32_t n)
{
    uint32_t (*edges)[2] = malloc(n * sizeof *edges);
    for (uint32_t i = 0; i + 1 < n; i++) {
        edges[i][0] = i;
        edges[i][1] = i + 1;
    }
    graph_from_list(g, n, (const uint32_t (*)[2])edges, n - 1);
    free(edges);
}

static void star_graph(sim_graph *g, uint32_t leaves)
{
    uint32_t (*edges)[2] = malloc(leaves * sizeof *edges);
    for (uint32_t i = 0; i < leaves; i++) {
        edges[i][0] = 0;
        edges[i][1] = i + 1;
    }
    graph_from_list(g, leaves + 1, (const uint32_t (*)[2])edges, leaves);
    free(edges);
}

static sim_sir_result run_seeds(const sim_graph *g, double p, const uint32_t *seeds, uint32_t k, uint64_t seed)
{
    sim_sir s;
    sim_rng r;
    sim_sir_result res = {0, 0};
    sim_rng_seed(&r, seed, 9);
    CHECK(sim_sir_init(&s, g->n) == 0);
    CHECK(sim_sir_run_seeds(&s, g, p, seeds, k, &r, &res) == 0);
    sim_sir_free(&s);
    return res;
}

static void test_path(void)
{
    sim_graph g;
    path_graph(&g, 5);
    uint32_t end = 0, mid = 2, both[2] = {0, 4};
    sim_sir_result r = run_seeds(&g, 1.0, &end, 1, 1);
    CHECK(r.recovered == 5 && r.steps == 5);  /* infections reach 1,2,3,4 in steps 1..4; 5th empties */
    r = run_seeds(&g, 1.0, &mid, 1, 1);
    CHECK(r.recovered == 5 && r.steps == 3);
    r = run_seeds(&g, 1.0, both, 2, 1);
    CHECK(r.recovered == 5 && r.steps == 3);
    r = run_seeds(&g, 0.0, both, 2, 1);
    CHECK(r.recovered == 2 && r.steps == 1);
    sim_graph_free(&g);
}

static void test_star(void)
{
    sim_graph g;
    star_graph(&g, 6);
    uint32_t hub = 0, leaf = 3, dup[3] = {3, 3, 3};
    sim_sir_result r = run_seeds(&g, 1.0, &hub, 1, 2);
    CHECK(r.recovered == 7 && r.steps == 2);
    r = run_seeds(&g, 1.0, &leaf, 1, 2);
    CHECK(r.recovered == 7 && r.steps == 3);
    r = run_seeds(&g, 1.0, dup, 3, 2);
    CHECK(r.recovered == 7 && r.steps == 3);
    r = run_seeds(&g, 0.0, &hub, 1, 2);
    CHECK(r.recovered == 1 && r.steps == 1);
    sim_graph_free(&g);
}

static void test_components(void)
{
    const uint32_t edges[][2] = {{0, 1}, {1, 2}, {3, 4}};
    sim_graph g;
    graph_from_list(&g, 6, edges, 3);
    uint32_t s0 = 0, s5 = 5;
    sim_sir_result r = run_seeds(&g, 1.0, &s0, 1, 3);
    CHECK(r.recovered == 3 && r.steps == 3);
    r = run_seeds(&g, 1.0, &s5, 1, 3);  /* isolated node */
    CHECK(r.recovered == 1 && r.steps == 1);
    sim_graph_free(&g);
}

/* Path 0-1-2 from node 0: node 1 is infected w.p. p, node 2 w.p. p^2, and a step is spent on
 * each infected node, so E[recovered] = E[steps] = 1 + p + p^2. */
static void test_path_mean(void)
{
    sim_graph g;
    path_graph(&g, 3);
    sim_sir s;
    sim_rng r;
    sim_rng_seed(&r, 4, 4);
    CHECK(sim_sir_init(&s, 3) == 0);
    const int runs = 40000;
    const double p = 0.4;
    double rec = 0, steps = 0;
    uint32_t seed = 0;
    for (int i = 0; i < runs; i++) {
        sim_sir_result res;
        sim_sir_run_seeds(&s, &g, p, &seed, 1, &r, &res);
        rec += res.recovered;
        steps += res.steps;
    }
    CHECK_NEAR(rec / runs, 1 + p + p * p, 0.02);
    CHECK_NEAR(steps / runs, 1 + p + p * p, 0.02);
    sim_sir_free(&s);
    sim_graph_free(&g);
}

/* The hub of a star with L leaves infects Binomial(L, p) of them in one step. */
static void test_star_mean(void)
{
    const uint32_t leaves = 1000;
    const double p = 0.3;
    sim_graph g;
    star_graph(&g, leaves);
    sim_sir s;
    sim_rng r;
    sim_rng_seed(&r, 5, 5);
    CHECK(sim_sir_init(&s, g.n) == 0);
    double rec = 0;
    uint32_t hub = 0, twos = 0;
    const int runs = 400;
    for (int i = 0; i < runs; i++) {
        sim_sir_result res;
        sim_sir_run_seeds(&s, &g, p, &hub, 1, &r, &res);
        rec += res.recovered;
        twos += res.steps == 2;
    }
    /* sd of one run sqrt(1000 * 0.21) = 14.5, of the mean 0.72 */
    CHECK_NEAR(rec / runs, 1 + leaves * p, 3.0);
    CHECK(twos == (uint32_t)runs);
    sim_sir_free(&s);
    sim_graph_free(&g);
}

/* p = 1 on a connected graph: everyone is reached and the step count is one more than the
 * largest BFS distance from the seed set. */
static void test_p1_bfs(void)
{
    sim_graph g;
    sim_rng r;
    sim_rng_seed(&r, 6, 6);
    CHECK(sim_graph_ba(&g, 3000, 2, &r) == 0);
    uint32_t seeds[2] = {2999, 1500};
    uint32_t *dist = malloc(g.n * sizeof *dist), *queue = malloc(g.n * sizeof *queue);
    for (uint32_t v = 0; v < g.n; v++)
        dist[v] = UINT32_MAX;
    uint32_t head = 0, tail = 0, far = 0;
    for (int i = 0; i < 2; i++) {
        dist[seeds[i]] = 0;
        queue[tail++] = seeds[i];
    }
    while (head < tail) {
        uint32_t u = queue[head++];
        far = dist[u] > far ? dist[u] : far;
        for (uint64_t i = g.off[u]; i < g.off[u + 1]; i++)
            if (dist[g.adj[i]] == UINT32_MAX) {
                dist[g.adj[i]] = dist[u] + 1;
                queue[tail++] = g.adj[i];
            }
    }
    sim_sir_result res = run_seeds(&g, 1.0, seeds, 2, 7);
    CHECK(tail == g.n);
    CHECK(res.recovered == g.n);
    CHECK_MSG(res.steps == far + 1, "steps %u, eccentricity %u", res.steps, far);
    free(dist);
    free(queue);
    sim_graph_free(&g);
}

static void test_random_seeds(void)
{
    sim_graph g;
    sim_rng r;
    sim_rng_seed(&r, 8, 8);
    CHECK(sim_graph_er(&g, 1000, 0.0, &r) == 0);  /* no edges: the seeds are all that recover */
    sim_sir s;
    CHECK(sim_sir_init(&s, g.n) == 0);
    sim_sir_result res;
    CHECK(sim_sir_run(&s, &g, 0.5, 0.05, &r, &res) == 0);
    CHECK(res.recovered == 50 && res.steps == 1);
    CHECK(sim_sir_run(&s, &g, 0.5, 1.0, &r, &res) == 0);
    CHECK(res.recovered == 1000);
    CHECK(sim_sir_run(&s, &g, 0.5, 1e-9, &r, &res) == 0);
    CHECK(res.recovered == 1);
    CHECK(sim_sir_run(&s, &g, 0.5, 0.0, &r, &res) == 0);
    CHECK(res.recovered == 0 && res.steps == 0);
    CHECK(sim_sir_run(&s, &g, 0.5, 1.5, &r, &res) == -1);
    CHECK(sim_sir_run(&s, &g, 1.5, 0.1, &r, &res) == -1);
    uint32_t bad = 1000;
    CHECK(sim_sir_run_seeds(&s, &g, 0.5, &bad, 1, &r, &res) == -1);
    sim_sir_free(&s);
    CHECK(sim_sir_init(&s, 10) == 0);
    CHECK(sim_sir_run(&s, &g, 0.5, 0.1, &r, &res) == -1);  /* graph larger than workspace */
    sim_sir_free(&s);
    sim_graph_free(&g);
}

/* A BA graph of n nodes (m links per newcomer, from generator seed `seed`; numbered by degree when
 * `ranked`) and an SIR workspace for it. */
static void ba_with_workspace(sim_graph *g, sim_sir *s, uint32_t n, uint32_t m, uint64_t seed, int ranked)
{
    sim_rng r;
    sim_rng_seed(&r, seed, seed);
    CHECK((ranked ? sim_graph_ba_ranked(g, n, m, &r) : sim_graph_ba(g, n, m, &r)) == 0);
    CHECK(sim_sir_init(s, g->n) == 0);
}

static void test_determinism(void)
{
    sim_graph g;
    sim_sir s;
    ba_with_workspace(&g, &s, 20000, 3, 9, 0);
    sim_sir_result a, b, c;
    sim_rng r1, r2, r3;
    sim_rng_seed(&r1, 42, 1);
    sim_rng_seed(&r2, 42, 1);
    sim_rng_seed(&r3, 43, 1);
    sim_sir_run(&s, &g, 0.2, 0.001, &r1, &a);
    sim_sir_run(&s, &g, 0.2, 0.001, &r2, &b);
    sim_sir_run(&s, &g, 0.2, 0.001, &r3, &c);
    CHECK(a.recovered == b.recovered && a.steps == b.steps);
    CHECK(a.recovered != c.recovered || a.steps != c.steps);
    CHECK(a.recovered > 20 && a.recovered < g.n);
    sim_sir_free(&s);
    sim_graph_free(&g);
}

/* The sweep on its own: which neighbours change, in what order, and the per-node hit counts. */
static void test_sweep_hits(void)
{
    sim_graph g;
    star_graph(&g, 6);
    uint8_t state[7] = {1, 0, 2, 0, 2, 2, 0};
    uint32_t frontier[1] = {0}, next[7], hits[1];
    sim_rng r;
    sim_rng_seed(&r, 10, 10);
    sim_trials t;
    sim_trials_init(&t, 1.0, &r);
    uint32_t k = sim_sweep(&g, state, frontier, 1, 0, 7, &t, &r, next, hits);
    CHECK(k == 3 && next[0] == 1 && next[1] == 3 && next[2] == 6);
    CHECK(hits[0] == 3);
    CHECK(state[1] == 7 && state[3] == 7 && state[6] == 7 && state[2] == 2 && state[0] == 1);
    sim_trials_init(&t, 0.0, &r);
    hits[0] = 99;
    CHECK(sim_sweep(&g, state, frontier, 1, 2, 3, &t, &r, next, hits) == 0 && hits[0] == 0);
    sim_graph_free(&g);

    /* Trials carried across frontier nodes stay Bernoulli(p): 20,000 leaves, p = 0.2 */
    star_graph(&g, 20000);
    uint8_t *st = calloc(g.n, 1);
    uint32_t *nx = malloc(g.n * sizeof *nx);
    uint32_t many[50];
    for (int i = 0; i < 50; i++)
        many[i] = 0;  /* the hub 50 times: 1,000,000 trials over its leaves */
    st[0] = 1;
    sim_trials_init(&t, 0.2, &r);
    uint32_t hit_total = 0, hit_each[50];
    uint32_t first = sim_sweep(&g, st, many, 1, 0, 1, &t, &r, nx, hit_each);
    CHECK_NEAR(first / 20000.0, 0.2, 0.012);
    CHECK(hit_each[0] == 0);
    uint32_t later = sim_sweep(&g, st, many, 50, 0, 1, &t, &r, nx, hit_each);
    for (int i = 0; i < 50; i++)
        hit_total += hit_each[i];
    /* every one of the 1,000,000 trials succeeds w.p. 0.2 (sd 0.0004), changing a leaf or hitting */
    CHECK_NEAR((later + hit_total) / 1e6, 0.2, 0.003);
    /* a leaf escapes 51 passes w.p. 0.8^51 ~ 1e-5 */
    CHECK(first + later >= 19990 && first + later <= 20000);
    free(st);
    free(nx);
    sim_graph_free(&g);
}

/* One sweep over a large frontier equals the same frontier swept one node per call (trials carry
 * over between calls): the large sweep tests states through a bitmap, the one-node sweeps read
 * the state bytes, and both must change the same nodes in the same order with the same hits. */
static void test_sweep_split(void)
{
    sim_graph g;
    sim_rng r;
    sim_rng_seed(&r, 12, 12);
    CHECK(sim_graph_ba(&g, 20000, 3, &r) == 0);
    uint32_t n = g.n, nf = 30000;
    uint32_t *front = malloc(nf * sizeof *front), *hits_a = malloc(nf * sizeof *hits_a);
    uint8_t *sa = malloc(n), *sb = malloc(n), *init = malloc(n);
    uint64_t contacts = 0;  /* room in next when from == to: one entry per contact */
    for (uint32_t i = 0; i < nf; i++) {
        front[i] = sim_rng_below(&r, n);  /* repeats included */
        contacts += sim_graph_degree(&g, front[i]);
    }
    uint32_t *hits_b = malloc(nf * sizeof *hits_b), *next_a = malloc(contacts * sizeof *next_a);
    uint32_t *next_b = malloc(contacts * sizeof *next_b);
    for (uint32_t v = 0; v < n; v++)
        init[v] = (uint8_t)sim_rng_below(&r, 3);
    const double ps[] = {1.0, 0.3, 0.02};
    const uint8_t moves[][2] = {{0, 1}, {2, 0}, {1, 1}};  /* from == to: every success appends */
    for (int pi = 0; pi < 3; pi++)
        for (int mi = 0; mi < 3; mi++) {
            uint8_t from = moves[mi][0], to = moves[mi][1];
            memcpy(sa, init, n);
            memcpy(sb, init, n);
            sim_rng ra, rb;
            sim_rng_seed(&ra, 40 + pi, 7);
            sim_rng_seed(&rb, 40 + pi, 7);
            sim_trials ta, tb;
            sim_trials_init(&ta, ps[pi], &ra);
            sim_trials_init(&tb, ps[pi], &rb);
            uint32_t ka = sim_sweep(&g, sa, front, nf, from, to, &ta, &ra, next_a, hits_a), kb = 0;
            for (uint32_t i = 0; i < nf; i++)
                kb += sim_sweep(&g, sb, front + i, 1, from, to, &tb, &rb, next_b + kb, hits_b + i);
            CHECK_MSG(ka == kb && memcmp(next_a, next_b, ka * sizeof *next_a) == 0, "p=%g %u->%u: %u vs %u changed",
                      ps[pi], from, to, ka, kb);
            CHECK(memcmp(hits_a, hits_b, nf * sizeof *hits_a) == 0);
            CHECK(memcmp(sa, sb, n) == 0);
            CHECK(ra.state == rb.state && ta.gap == tb.gap);
            CHECK(ka > 0);
        }
    free(front);
    free(hits_a);
    free(hits_b);
    free(next_a);
    free(next_b);
    free(sa);
    free(sb);
    free(init);
    sim_graph_free(&g);
}

/* The slow reference: synchronous SIR node by node, one Bernoulli(p) draw per neighbour of each
 * infected node, the frontier in discovery order. Returns the number ever infected. */
static uint32_t slow_sir(const sim_graph *g, double p, const uint32_t *seeds, uint32_t k, sim_rng *r)
{
    uint8_t *st = calloc(g->n, 1);
    uint32_t *front = malloc(g->n * sizeof *front), *next = malloc(g->n * sizeof *next);
    uint32_t nf = 0, total = 0;
    for (uint32_t i = 0; i < k; i++)
        if (!st[seeds[i]]) {
            st[seeds[i]] = 1;
            front[nf++] = seeds[i];
        }
    while (nf) {
        uint32_t nn = 0;
        for (uint32_t i = 0; i < nf; i++)
            for (uint64_t e = g->off[front[i]]; e < g->off[front[i] + 1]; e++)
                if (st[g->adj[e]] == 0 && sim_rng_double(r) < p) {
                    st[g->adj[e]] = 1;
                    next[nn++] = g->adj[e];
                }
        total += nf;
        memcpy(front, next, nn * sizeof *front);
        nf = nn;
    }
    free(st);
    free(front);
    free(next);
    return total;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* Two-sample Kolmogorov-Smirnov statistic of a[0..n) and b[0..n) (both sorted here): the largest gap
 * between their empirical distribution functions. */
static double ks_distance(uint32_t *a, uint32_t *b, int n)
{
    qsort(a, (size_t)n, sizeof *a, cmp_u32);
    qsort(b, (size_t)n, sizeof *b, cmp_u32);
    int i = 0, j = 0;
    double d = 0;
    while (i < n && j < n) {
        uint32_t x = a[i] < b[j] ? a[i] : b[j];
        while (i < n && a[i] == x)
            i++;
        while (j < n && b[j] == x)
            j++;
        d = fmax(d, fabs((double)(i - j) / n));
    }
    return d;
}

/* The fast epidemic (frontier in id order, contacts batched, gaps from the alias table for p >= 1/32
 * or from logarithms below) against the slow reference: from the same seed nodes, the final sizes of
 * 400 runs each have the same distribution (two-sample Kolmogorov-Smirnov at the 1e-4 level), for p
 * on both sides of the table's threshold, below and above the epidemic threshold; on the plain BA
 * graph (lists found through off[]) and on the one numbered by degree (through its degree runs). */
static void fast_matches_slow(int ranked)
{
    enum { RUNS = 400 };
    sim_graph g;
    sim_sir s;
    sim_rng r;
    sim_rng_seed(&r, 21, 21);
    ba_with_workspace(&g, &s, 5000, 3, 22, ranked);
    CHECK((g.runs != NULL) == ranked);
    const double ps[] = {0.02, 0.05, 0.1, 0.3};
    uint32_t seeds[5] = {4999, 2500, 1234, 777, 4000}, fast[RUNS], slow[RUNS];
    for (int pi = 0; pi < 4; pi++) {
        for (int i = 0; i < RUNS; i++) {
            sim_sir_result res;
            CHECK(sim_sir_run_seeds(&s, &g, ps[pi], seeds, 5, &r, &res) == 0);
            fast[i] = res.recovered;
            slow[i] = slow_sir(&g, ps[pi], seeds, 5, &r);
        }
        /* critical value sqrt(-ln(1e-4 / 2) / 2) * sqrt(2 / RUNS) */
        double d = ks_distance(fast, slow, RUNS), crit = 2.23 * sqrt(2.0 / RUNS);
        CHECK_MSG(d <= crit, "ranked %d p %g: Kolmogorov-Smirnov distance %.3f > %.3f (medians fast %u, slow %u)",
                  ranked, ps[pi], d, crit, fast[RUNS / 2], slow[RUNS / 2]);
        /* after a run s->state holds S or R for every node, as many R as were infected */
        sim_sir_result last;
        CHECK(sim_sir_run_seeds(&s, &g, ps[pi], seeds, 5, &r, &last) == 0);
        uint32_t rec = 0, other = 0;
        for (uint32_t v = 0; v < g.n; v++) {
            rec += s.state[v] == SIM_SIR_R;
            other += s.state[v] != SIM_SIR_R && s.state[v] != SIM_SIR_S;
        }
        CHECK(other == 0);
        CHECK_MSG(rec == last.recovered, "state counts %u recovered, the run %u", rec, last.recovered);
    }
    sim_sir_free(&s);
    sim_graph_free(&g);
}

static void test_fast_matches_slow(void)
{
    fast_matches_slow(0);
    fast_matches_slow(1);
}

/* Finding neighbour lists through the degree runs is the same epidemic as through off[], draw for
 * draw: on a graph numbered by degree, the same generator gives the same counts and the same final
 * state bytes with the runs table and with it hidden, for p = 1, on and off the alias table. */
static void test_runs_same_as_offsets(void)
{
    sim_graph g;
    sim_sir s;
    ba_with_workspace(&g, &s, 30000, 4, 23, 1);
    CHECK(g.runs != NULL && g.n_runs < 400);
    uint8_t *with_runs = malloc(g.n);
    const double ps[] = {0.01, 0.1, 0.25, 1.0};
    for (int pi = 0; pi < 4; pi++) {
        sim_rng ra, rb;
        sim_rng_seed(&ra, 50 + pi, 3);
        sim_rng_seed(&rb, 50 + pi, 3);
        sim_sir_result a, b;
        CHECK(sim_sir_run(&s, &g, ps[pi], 0.002, &ra, &a) == 0);
        memcpy(with_runs, s.state, g.n);
        sim_degree_run *runs = g.runs;
        g.runs = NULL;
        CHECK(sim_sir_run(&s, &g, ps[pi], 0.002, &rb, &b) == 0);
        g.runs = runs;
        CHECK_MSG(a.recovered == b.recovered && a.steps == b.steps, "p %g: %u in %u steps vs %u in %u", ps[pi],
                  a.recovered, a.steps, b.recovered, b.steps);
        CHECK(memcmp(with_runs, s.state, g.n) == 0);
        CHECK(ra.state == rb.state);
        CHECK(a.recovered > 60);  /* more than the seeds: the epidemic went somewhere */
    }
    free(with_runs);
    sim_sir_free(&s);
    sim_graph_free(&g);
}

int main(void)
{
    test_path();
    test_star();
    test_components();
    test_path_mean();
    test_star_mean();
    test_p1_bfs();
    test_random_seeds();
    test_determinism();
    test_sweep_hits();
    test_sweep_split();
    test_fast_matches_slow();
    test_runs_same_as_offsets();
    return CHECK_DONE();
}
