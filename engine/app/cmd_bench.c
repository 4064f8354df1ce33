/* cmd_bench.c — `yqdrill bench world`: memory bandwidth, the cost of sweeping the follow network
 * against that bandwidth, world ticks at 1,000,000 accounts, a 48-hour headless drill, SIR timing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "args.h"
#include "commands.h"
#include "sim/graph.h"
#include "sim/scenario.h"
#include "sim/sir_model.h"
#include "sim/world.h"

#define STREAM_N ((size_t)1 << 23)   /* doubles per array: 64 MiB each, far beyond any one core's cache */
#define STREAM_REPS 8
#define BIG_ACCOUNTS 1000000u
#define BIG_FOLLOWS 10.0            /* mean follow edges per account: 10,000,000 in all */
#define BIG_TICKS 2160              /* six simulated hours of world ticks */
#define HEADLESS_ACCOUNTS 100000u
#define HEADLESS_HOURS 48
#define SIR_RUNS 5

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* STREAM's triad a = b + s c; best of the repetitions, counting 24 bytes per element. */
static double stream_gbps(void)
{
    double *a = malloc(STREAM_N * sizeof *a), *b = malloc(STREAM_N * sizeof *b), *c = malloc(STREAM_N * sizeof *c);
    if (!a || !b || !c) {
        free(a);
        free(b);
        free(c);
        return 0.0;
    }
    for (size_t i = 0; i < STREAM_N; i++) {
        a[i] = 0.0;
        b[i] = 1.0;
        c[i] = 2.0;
    }
    double best = 1e30, s = 3.0;
    for (int rep = 0; rep < STREAM_REPS; rep++) {
        double t0 = now_s();
        for (size_t i = 0; i < STREAM_N; i++)
            a[i] = b[i] + s * c[i];
        double t = now_s() - t0;
        best = t < best ? t : best;
        b[rep % STREAM_N] = a[(rep * 7919) % STREAM_N];  /* keep every pass observable */
    }
    double check = a[STREAM_N / 2] + a[0];
    free(a);
    free(b);
    free(c);
    return check > 0.0 ? 24.0 * (double)STREAM_N / best * 1e-9 : 0.0;
}

/* A scenario the bench builds in C: default parameters, one platform-free rumour from t = 0. */
static int bench_scenario(sim_scenario *s, uint32_t accounts, sim_time duration)
{
    sim_scenario_init(s);
    s->id = strdup("bench");
    s->params.population = accounts;
    s->params.mean_follows = BIG_FOLLOWS;
    s->duration = duration;
    s->rumours = calloc(1, sizeof *s->rumours);
    if (!s->id || !s->rumours)
        return -1;
    s->n_rumours = 1;
    sim_rumour *r = &s->rumours[0];
    r->id = strdup("bench-rumour");
    r->claim.zh = strdup("基准谣言");
    r->start = 0;
    r->spread = 4.0;
    r->stifle = 0.3;
    r->believe = 0.3;
    r->seeds = 20;
    return r->id && r->claim.zh ? 0 : -1;
}

/* A full sweep of the shared kernel over every follow edge: all accounts in the frontier, p = 1.
 * Returns seconds (best of three) and the bytes such a sweep must at least move. */
static double sweep_seconds(const sim_graph *g, double *bytes)
{
    uint8_t *state = malloc(g->n);
    uint32_t *front = malloc((size_t)g->n * sizeof *front), *next = malloc((size_t)g->n * sizeof *next);
    double best = 1e30;
    if (state && front && next) {
        for (uint32_t v = 0; v < g->n; v++)
            front[v] = v;
        sim_rng r;
        sim_rng_seed(&r, 1, 1);
        for (int rep = 0; rep < 3; rep++) {
            memset(state, 1, g->n);   /* nobody is in the `from` state: pure scan, no writes */
            sim_trials t;
            sim_trials_init(&t, 1.0, &r);
            double t0 = now_s();
            sim_sweep(g, state, front, g->n, 0, 2, &t, &r, next, NULL);
            double dt = now_s() - t0;
            best = dt < best ? dt : best;
        }
    }
    free(state);
    free(front);
    free(next);
    /* frontier ids, offsets, neighbour ids, one state byte per account */
    *bytes = 4.0 * g->n + 8.0 * ((double)g->n + 1) + 4.0 * (double)g->m + (double)g->n;
    return best;
}

static double peak_rss_mb(void)
{
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) != 0)
        return 0.0;
    return (double)ru.ru_maxrss / 1024.0;   /* Linux reports kilobytes */
}

static int bench_world(void)
{
    char err[256];
    sim_scenario big;
    if (bench_scenario(&big, BIG_ACCOUNTS, (sim_time)BIG_TICKS * SIM_TICK_S * 2) != 0) {
        sim_scenario_free(&big);
        fprintf(stderr, "yqdrill bench: out of memory\n");
        return APP_EXIT_USAGE;
    }
    double t0 = now_s();
    sim_world *w = sim_world_new(&big, NULL, 1, NULL, err, sizeof err);
    double build = now_s() - t0;
    if (!w) {
        sim_scenario_free(&big);
        fprintf(stderr, "yqdrill bench: %s\n", err);
        return APP_EXIT_USAGE;
    }
    t0 = now_s();
    double worst = 0.0;
    for (int i = 0; i < BIG_TICKS; i++) {
        double a = now_s();
        sim_step(w);
        double d = now_s() - a;
        worst = d > worst ? d : worst;
    }
    double ticks = now_s() - t0;
    printf("world_accounts: %u\n", BIG_ACCOUNTS);
    printf("world_build_s: %.4f\n", build);
    printf("world_tick_us: %.2f\n", ticks / BIG_TICKS * 1e6);
    printf("world_tick_max_us: %.2f\n", worst * 1e6);
    printf("world_rumour_reach_6h: %.5f\n", w->rumours[0].reach);
    sim_world_free(w);
    sim_scenario_free(&big);

    /* The same network shape, swept edge by edge. */
    sim_graph g;
    sim_rng gr;
    sim_rng_seed(&gr, 1, 1);
    if (sim_graph_ba(&g, BIG_ACCOUNTS, (uint32_t)(BIG_FOLLOWS / 2), &gr) != 0) {
        fprintf(stderr, "yqdrill bench: out of memory\n");
        return APP_EXIT_USAGE;
    }
    double bytes, sweep = sweep_seconds(&g, &bytes);
    printf("follow_edges: %llu\n", (unsigned long long)g.m);
    printf("sweep_s: %.5f\n", sweep);
    printf("ns_per_edge: %.3f\n", sweep / (double)g.m * 1e9);
    printf("sweep_bytes_mb: %.1f\n", bytes / 1e6);

    sim_sir s;
    if (sim_sir_init(&s, g.n) == 0) {
        sim_rng rr;
        sim_rng_seed(&rr, 1, 2);
        double wall = 0.0;
        for (int i = 0; i < SIR_RUNS; i++) {
            sim_sir_result res;
            double a = now_s();
            sim_sir_run(&s, &g, 0.1, 0.001, &rr, &res);
            wall += now_s() - a;
        }
        printf("sir_1m_wall_s: %.5f\n", wall / SIR_RUNS);
        sim_sir_free(&s);
    }
    sim_graph_free(&g);

    sim_scenario small;
    if (bench_scenario(&small, HEADLESS_ACCOUNTS, (sim_time)HEADLESS_HOURS * 3600) != 0) {
        sim_scenario_free(&small);
        fprintf(stderr, "yqdrill bench: out of memory\n");
        return APP_EXIT_USAGE;
    }
    t0 = now_s();
    w = sim_world_new(&small, NULL, 1, NULL, err, sizeof err);
    if (!w) {
        sim_scenario_free(&small);
        fprintf(stderr, "yqdrill bench: %s\n", err);
        return APP_EXIT_USAGE;
    }
    int rc = sim_run_until(w, small.duration);
    double headless = now_s() - t0;
    printf("headless_48h_s: %.4f\n", headless);
    printf("headless_48h_ticks: %lld\n", (long long)(w->now / SIM_TICK_S));
    sim_world_free(w);
    sim_scenario_free(&small);
    if (rc != 0) {
        fprintf(stderr, "yqdrill bench: the headless world stopped with an error\n");
        return APP_EXIT_USAGE;
    }
    /* Before the bandwidth test, whose three large arrays would dominate the peak. */
    printf("peak_rss_mb: %.1f\n", peak_rss_mb());
    double bw = stream_gbps();
    printf("stream_gbps: %.2f\n", bw);
    printf("bound_ratio: %.3f\n", bw > 0.0 ? sweep / (bytes / (bw * 1e9)) : 0.0);
    return APP_EXIT_OK;
}

int app_cmd_bench(int argc, char **argv)
{
    const char *positional[1];
    int np = app_args_parse(argc, argv, NULL, 0, positional, 1);
    if (np != 1 || strcmp(positional[0], "world") != 0) {
        if (np >= 0)
            fprintf(stderr, "usage: yqdrill bench world\n");
        return APP_EXIT_USAGE;
    }
    return bench_world();
}
