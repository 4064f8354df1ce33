/* test_graph.c — the graph generators: exact sizes, simple undirected CSR (no self-loops, no
 * duplicates, symmetric), determinism, BA renumbered by degree, the degree statistics of BA vs ER,
 * and the degree-run tables. */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "sim/graph.h"

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Whether u is among v's neighbours (linear; tests only). */
static int has_edge(const sim_graph *g, uint32_t v, uint32_t u)
{
    for (uint64_t i = g->off[v]; i < g->off[v + 1]; i++)
        if (g->adj[i] == u)
            return 1;
    return 0;
}

/* Structural checks every generated graph must pass; returns the number of violations. */
static long simple_undirected_violations(const sim_graph *g)
{
    long bad = 0;
    if (g->off[0] != 0 || g->off[g->n] != g->m)
        bad++;
    uint32_t *buf = malloc((g->n + 1) * sizeof *buf);
    for (uint32_t v = 0; v < g->n; v++) {
        uint32_t d = sim_graph_degree(g, v);
        if (g->off[v + 1] < g->off[v])
            bad++;
        for (uint32_t i = 0; i < d; i++) {
            uint32_t u = g->adj[g->off[v] + i];
            buf[i] = u;
            if (u == v || u >= g->n)
                bad++;
        }
        qsort(buf, d, sizeof *buf, cmp_u32);
        for (uint32_t i = 1; i < d; i++)
            if (buf[i] == buf[i - 1])
                bad++;
    }
    free(buf);
    /* Symmetry: the multiset of (v, u) equals the multiset of (u, v); checked per entry on a
     * sample of nodes to stay fast. */
    for (uint32_t v = 0; v < g->n; v += 1 + g->n / 500)
        for (uint64_t i = g->off[v]; i < g->off[v + 1]; i++)
            if (!has_edge(g, g->adj[i], v))
                bad++;
    return bad;
}

static void test_ba_sizes_and_structure(void)
{
    uint32_t cases[][2] = {{1000, 3}, {2, 1}, {50, 49}, {600, 40}, {3000, 1}};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        uint32_t n = cases[c][0], m = cases[c][1];
        sim_rng r;
        sim_rng_seed(&r, 7 + c, 1);
        sim_graph g;
        CHECK(sim_graph_ba(&g, n, m, &r) == 0);
        CHECK(g.n == n);
        /* a star of m+1 nodes (m edges), then n-m-1 newcomers with m edges each */
        uint64_t edges = (uint64_t)m + (uint64_t)(n - m - 1) * m;
        CHECK_MSG(g.m == 2 * edges, "n=%u m=%u entries=%llu", n, m, (unsigned long long)g.m);
        CHECK(simple_undirected_violations(&g) == 0);
        for (uint32_t leaf = 1; leaf <= m; leaf++)
            CHECK(has_edge(&g, 0, leaf));
        uint32_t below_m = 0;  /* newcomers start with m links and only gain more */
        for (uint32_t v = m + 1; v < n; v++)
            below_m += sim_graph_degree(&g, v) < m;
        CHECK(below_m == 0);
        sim_graph_free(&g);
    }
}

static void test_ba_bad_args(void)
{
    sim_rng r;
    sim_rng_seed(&r, 1, 1);
    sim_graph g;
    CHECK(sim_graph_ba(&g, 10, 0, &r) == -1);
    CHECK(sim_graph_ba(&g, 5, 5, &r) == -1);
    CHECK(g.off == NULL && g.adj == NULL);
    CHECK(sim_graph_er(&g, 0, 1.0, &r) == -1);
    CHECK(sim_graph_er(&g, 10, -1.0, &r) == -1);
    CHECK(sim_graph_er(&g, 10, 9.5, &r) == -1);
}

static int same_graph(const sim_graph *a, const sim_graph *b)
{
    return a->n == b->n && a->m == b->m &&
           memcmp(a->off, b->off, (a->n + 1) * sizeof *a->off) == 0 &&
           memcmp(a->adj, b->adj, a->m * sizeof *a->adj) == 0;
}

static void test_determinism(void)
{
    sim_graph a, b, c;
    sim_rng r1, r2, r3;
    sim_rng_seed(&r1, 99, 3);
    sim_rng_seed(&r2, 99, 3);
    sim_rng_seed(&r3, 100, 3);
    CHECK(sim_graph_ba(&a, 5000, 4, &r1) == 0);
    CHECK(sim_graph_ba(&b, 5000, 4, &r2) == 0);
    CHECK(sim_graph_ba(&c, 5000, 4, &r3) == 0);
    CHECK(same_graph(&a, &b));
    CHECK(!same_graph(&a, &c));
    sim_graph_free(&a);
    sim_graph_free(&b);
    sim_graph_free(&c);
    CHECK(sim_graph_er(&a, 5000, 6.0, &r1) == 0);
    CHECK(sim_graph_er(&b, 5000, 6.0, &r2) == 0);
    CHECK(sim_graph_er(&c, 5000, 6.0, &r3) == 0);
    CHECK(same_graph(&a, &b));
    CHECK(!same_graph(&a, &c));
    CHECK(r1.state == r2.state);
    sim_graph_free(&a);
    sim_graph_free(&b);
    sim_graph_free(&c);
}

/* Decreasing degree, ties by number: the order sim_graph_ba_ranked must number nodes in. */
static const sim_graph *rank_graph;
static int by_degree_then_id(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    uint32_t dx = sim_graph_degree(rank_graph, x), dy = sim_graph_degree(rank_graph, y);
    if (dx != dy)
        return dx > dy ? -1 : 1;
    return x < y ? -1 : x > y;
}

/* The ranked graph is the plain one from the same generator state, with node v renamed to its
 * place in decreasing-degree order and every neighbour list kept in order. */
static void test_ba_ranked(void)
{
    uint32_t cases[][2] = {{5000, 3}, {2, 1}, {50, 49}, {600, 40}, {3000, 1}, {20000, 5}};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        uint32_t n = cases[c][0], m = cases[c][1];
        sim_rng r1, r2, r3;
        sim_rng_seed(&r1, 31 + c, 2);
        sim_rng_seed(&r2, 31 + c, 2);
        sim_rng_seed(&r3, 31 + c, 2);
        sim_graph plain, ranked, again;
        CHECK(sim_graph_ba(&plain, n, m, &r1) == 0);
        CHECK(sim_graph_ba_ranked(&ranked, n, m, &r2) == 0);
        CHECK(sim_graph_ba_ranked(&again, n, m, &r3) == 0);
        CHECK(r1.state == r2.state);  /* the same picks were drawn */
        CHECK(same_graph(&ranked, &again));
        CHECK(ranked.n == plain.n && ranked.m == plain.m);
        CHECK(simple_undirected_violations(&ranked) == 0);
        uint32_t *order = malloc(n * sizeof *order), *rank = malloc(n * sizeof *rank);
        for (uint32_t v = 0; v < n; v++)
            order[v] = v;
        rank_graph = &plain;
        qsort(order, n, sizeof *order, by_degree_then_id);
        for (uint32_t i = 0; i < n; i++)
            rank[order[i]] = i;
        long bad = 0, unsorted = 0;
        for (uint32_t v = 0; v < n; v++) {
            uint32_t d = sim_graph_degree(&plain, v), w = rank[v];
            if (sim_graph_degree(&ranked, w) != d) {
                bad++;
                continue;
            }
            for (uint32_t i = 0; i < d; i++)
                bad += ranked.adj[ranked.off[w] + i] != rank[plain.adj[plain.off[v] + i]];
        }
        for (uint32_t v = 1; v < n; v++)
            unsorted += sim_graph_degree(&ranked, v) > sim_graph_degree(&ranked, v - 1);
        CHECK_MSG(bad == 0, "n=%u m=%u: %ld entries differ from the renamed plain graph", n, m, bad);
        CHECK(unsorted == 0);
        free(order);
        free(rank);
        sim_graph_free(&plain);
        sim_graph_free(&ranked);
        sim_graph_free(&again);
    }
    sim_graph g;
    sim_rng r;
    sim_rng_seed(&r, 1, 1);
    CHECK(sim_graph_ba_ranked(&g, 5, 5, &r) == -1);
    CHECK(g.off == NULL && g.adj == NULL);
}

static void test_er(void)
{
    sim_rng r;
    sim_rng_seed(&r, 5, 2);
    sim_graph g;
    /* edges ~ Binomial(n(n-1)/2, p): mean 80,000, sd ~283, so mean degree 8 +- 0.03 (1 sd) */
    CHECK(sim_graph_er(&g, 20000, 8.0, &r) == 0);
    CHECK(g.n == 20000);
    CHECK_NEAR((double)g.m / g.n, 8.0, 0.15);
    CHECK(simple_undirected_violations(&g) == 0);
    sim_graph_free(&g);

    CHECK(sim_graph_er(&g, 100, 0.0, &r) == 0);
    CHECK(g.m == 0 && g.off[100] == 0);
    sim_graph_free(&g);

    CHECK(sim_graph_er(&g, 30, 29.0, &r) == 0);
    CHECK(g.m == 30 * 29);
    CHECK(simple_undirected_violations(&g) == 0);
    sim_graph_free(&g);

    CHECK(sim_graph_er(&g, 1, 0.0, &r) == 0);
    CHECK(g.n == 1 && g.m == 0);
    sim_graph_free(&g);
}

/* BA has a power-law tail, ER a Poisson one: compare at equal mean degree (8). */
static void test_degree_tails(void)
{
    const uint32_t n = 20000, m = 4;
    sim_rng r;
    sim_rng_seed(&r, 11, 4);
    sim_graph ba, er;
    CHECK(sim_graph_ba(&ba, n, m, &r) == 0);
    double mean = (double)ba.m / n;
    CHECK(sim_graph_er(&er, n, mean, &r) == 0);
    uint32_t max_ba = 0, max_er = 0, tail_ba = 0, tail_er = 0, exactly_m = 0;
    for (uint32_t v = 0; v < n; v++) {
        uint32_t db = sim_graph_degree(&ba, v), de = sim_graph_degree(&er, v);
        max_ba = db > max_ba ? db : max_ba;
        max_er = de > max_er ? de : max_er;
        tail_ba += db > 5.0 * mean;
        tail_er += de > 5.0 * mean;
        exactly_m += db == m;
    }
    CHECK_MSG(max_ba > 4 * max_er, "max degree BA %u vs ER %u", max_ba, max_er);
    CHECK_MSG(tail_ba > 20 && tail_ba > 10 * (tail_er + 1), "tail BA %u vs ER %u", tail_ba, tail_er);
    /* Preferential attachment's P(k) = 2m(m+1)/(k(k+1)(k+2)) gives P(m) = 2/(m+2) = 1/3;
     * uniform attachment would give 1/(m+1) = 0.2. */
    CHECK_NEAR((double)exactly_m / n, 2.0 / (m + 2), 0.03);
    sim_graph_free(&ba);
    sim_graph_free(&er);
}

/* Violations of g's degree-run table against off[]: runs cover 0..n in order, each run's nodes
 * have its degree and start where it says, consecutive runs differ in degree, one closing run. */
static long runs_violations(const sim_graph *g)
{
    long bad = 0;
    const sim_degree_run *r = g->runs;
    if (r[0].first != 0 || r[g->n_runs].first != g->n || r[g->n_runs].off != g->m || r[g->n_runs].degree != 0)
        bad++;
    for (uint32_t k = 0; k < g->n_runs; k++) {
        bad += r[k + 1].first <= r[k].first;
        bad += k > 0 && r[k].degree == r[k - 1].degree;
        for (uint32_t v = r[k].first; v < r[k + 1].first && v < g->n; v++)
            bad += sim_graph_degree(g, v) != r[k].degree || g->off[v] != r[k].off + (uint64_t)(v - r[k].first) * r[k].degree;
    }
    return bad;
}

/* A graph numbered by degree gets a run table, one run per distinct degree; small graphs get one
 * whatever their order; a large graph in generation order (or an ER graph) has too many runs for one. */
static void test_degree_runs(void)
{
    sim_rng r;
    sim_rng_seed(&r, 17, 3);
    sim_graph g;
    CHECK(sim_graph_ba_ranked(&g, 50000, 5, &r) == 0);
    CHECK(g.runs != NULL && g.n_runs > 10 && g.n_runs < 50000 / 64);
    CHECK(runs_violations(&g) == 0);
    sim_graph_free(&g);
    CHECK(g.runs == NULL && g.n_runs == 0);
    CHECK(sim_graph_ba(&g, 50, 3, &r) == 0);
    CHECK(g.runs != NULL && runs_violations(&g) == 0);
    sim_graph_free(&g);
    CHECK(sim_graph_er(&g, 40, 0.0, &r) == 0);  /* no edges: one run of degree 0 */
    CHECK(g.runs != NULL && g.n_runs == 1 && runs_violations(&g) == 0);
    sim_graph_free(&g);
    CHECK(sim_graph_ba(&g, 50000, 5, &r) == 0);
    CHECK(g.runs == NULL && g.n_runs == 0);
    sim_graph_free(&g);
    CHECK(sim_graph_er(&g, 50000, 8.0, &r) == 0);
    CHECK(g.runs == NULL);
    sim_graph_free(&g);
}

int main(void)
{
    test_ba_sizes_and_structure();
    test_ba_bad_args();
    test_determinism();
    test_ba_ranked();
    test_er();
    test_degree_tails();
    test_degree_runs();
    return CHECK_DONE();
}
