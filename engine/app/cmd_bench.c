/* cmd_bench.c — `yqdrill bench world|read|script` (read: bench_read.c, script: bench_script.c): world ticks at 1,000,000 accounts, a 48-hour headless drill,
 * peak memory, BA generation, a full sweep of the follow network against STREAM bandwidth, SIR timing. */
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
#define REPS 12                      /* repeats of the sweep, then of the triad; the best of each is kept */
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

/* One figure: the comment line that says what it measures, then `name: value`. */
static void figure(const char *what, const char *name, const char *fmt, double value)
{
    printf("# %s\n%s: ", what, name);
    printf(fmt, value);
    putchar('\n');
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

static double peak_rss_mb(void)
{
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) != 0)
        return 0.0;
    return (double)ru.ru_maxrss / 1024.0;   /* Linux reports kilobytes */
}

/* The world at 1,000,000 accounts, ticked for six simulated hours. Returns 0 or -1. */
static int bench_big_world(void)
{
    char err[256];
    sim_scenario big;
    if (bench_scenario(&big, BIG_ACCOUNTS, (sim_time)BIG_TICKS * SIM_TICK_S * 2) != 0) {
        sim_scenario_free(&big);
        fprintf(stderr, "yqdrill bench: out of memory\n");
        return -1;
    }
    double t0 = now_s();
    sim_world *w = sim_world_new(&big, NULL, 1, NULL, err, sizeof err);
    double build = now_s() - t0;
    if (!w) {
        sim_scenario_free(&big);
        fprintf(stderr, "yqdrill bench: %s\n", err);
        return -1;
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
    figure("accounts in the large world", "world_accounts", "%.0f", BIG_ACCOUNTS);
    figure("building it: follow network, kinds, platforms, per-rumour state", "world_build_s", "%.4f", build);
    figure("one world tick (heat, rumour contacts, feed sampling, offline, warning), mean over 6 h", "world_tick_us",
           "%.2f", ticks / BIG_TICKS * 1e6);
    figure("the slowest of those ticks", "world_tick_max_us", "%.2f", worst * 1e6);
    figure("share of accounts that heard the rumour after 6 h", "world_rumour_reach_6h", "%.5f", w->rumours[0].reach);
    sim_world_free(w);
    sim_scenario_free(&big);
    return 0;
}

/* A 48-hour drill of 100,000 accounts run headless from start to end. Returns 0 or -1. */
static int bench_headless(void)
{
    char err[256];
    sim_scenario small;
    if (bench_scenario(&small, HEADLESS_ACCOUNTS, (sim_time)HEADLESS_HOURS * 3600) != 0) {
        sim_scenario_free(&small);
        fprintf(stderr, "yqdrill bench: out of memory\n");
        return -1;
    }
    double t0 = now_s();
    sim_world *w = sim_world_new(&small, NULL, 1, NULL, err, sizeof err);
    if (!w) {
        sim_scenario_free(&small);
        fprintf(stderr, "yqdrill bench: %s\n", err);
        return -1;
    }
    int rc = sim_run_until(w, small.duration);
    double headless = now_s() - t0;
    figure("a 48-hour drill of 100,000 accounts, built and run headless", "headless_48h_s", "%.4f", headless);
    figure("its 10-second ticks", "headless_48h_ticks", "%.0f", (double)(w->now / SIM_TICK_S));
    sim_world_free(w);
    sim_scenario_free(&small);
    if (rc != 0)
        fprintf(stderr, "yqdrill bench: the headless world stopped with an error\n");
    return rc;
}

/* STREAM's triad a = b + s c over three 64 MiB arrays; seconds for one pass. */
static double triad_seconds(double *a, const double *b, const double *c)
{
    double t0 = now_s();
    for (size_t i = 0; i < STREAM_N; i++)
        a[i] = b[i] + 3.0 * c[i];
    return now_s() - t0;
}

/* The full sweep: every account in the frontier, p = 1, nobody in the `from` state, so the
 * kernel tests every one of the g->m neighbour entries and changes nothing. Seconds for one. */
static double sweep_seconds(const sim_graph *g, uint8_t *state, const uint32_t *front, uint32_t *next)
{
    sim_rng r;
    sim_rng_seed(&r, 1, 1);
    sim_trials t;
    sim_trials_init(&t, 1.0, &r);
    memset(state, 1, g->n);
    double t0 = now_s();
    sim_sweep(g, state, front, g->n, 0, 2, &t, &r, next, NULL);
    return now_s() - t0;
}

/* Bytes that sweep must move at least once: the frontier's ids, the n + 1 offsets and the
 * neighbour ids streamed once, the state bytes read once to pack "state == from" into one bit
 * per account, and that bitmap written once (its tests then stay in the core's cache). Nothing
 * changes, so nothing else is written. */
static double sweep_bytes(const sim_graph *g)
{
    return (double)g->n * sizeof(uint32_t) + ((double)g->n + 1) * sizeof *g->off + (double)g->m * sizeof *g->adj +
           (double)g->n + (double)g->n / 8.0;
}

/* The sweep repeated, then the triad repeated back to back as STREAM does; best of REPS each. */
static int bench_sweep(const sim_graph *g)
{
    double *a = malloc(STREAM_N * sizeof *a), *b = malloc(STREAM_N * sizeof *b), *c = malloc(STREAM_N * sizeof *c);
    uint8_t *state = malloc(g->n);
    uint32_t *front = malloc((size_t)g->n * sizeof *front), *next = malloc((size_t)g->n * sizeof *next);
    int rc = -1;
    if (a && b && c && state && front && next) {
        for (uint32_t v = 0; v < g->n; v++)
            front[v] = v;
        double triad = 1e30, sweep = 1e30;
        for (int rep = 0; rep < REPS; rep++) {
            double t = sweep_seconds(g, state, front, next);
            sweep = t < sweep ? t : sweep;
        }
        for (size_t i = 0; i < STREAM_N; i++) {
            a[i] = 0.0;
            b[i] = 1.0;
            c[i] = 2.0;
        }
        for (int rep = 0; rep < REPS; rep++) {
            double t = triad_seconds(a, b, c);
            triad = t < triad ? t : triad;
            b[rep] = a[(size_t)rep * 7919];   /* each pass feeds the next: none can be skipped */
        }
        double gbps = a[STREAM_N / 2] > 0.0 ? 24.0 * (double)STREAM_N / triad * 1e-9 : 0.0;
        double bytes = sweep_bytes(g);
        figure("follow edges (neighbour entries) swept", "follow_edges", "%.0f", (double)g->m);
        figure("one full sweep (every account contacts every neighbour, p = 1), best of the repeats", "sweep_s",
               "%.5f", sweep);
        figure("that sweep per follow edge", "ns_per_edge", "%.3f", sweep / (double)g->m * 1e9);
        figure("bytes it must move: frontier, offsets, neighbours, state bytes, state bitmap", "sweep_bytes_mb", "%.1f",
               bytes / 1e6);
        figure("memory bandwidth, STREAM triad a = b + s*c (24 B per element), best of the repeats", "stream_gbps",
               "%.2f", gbps);
        figure("sweep time / (those bytes / that bandwidth): 1 = at the memory bound", "bound_ratio", "%.3f",
               gbps > 0.0 ? sweep / (bytes / (gbps * 1e9)) : 0.0);
        rc = 0;
    } else {
        fprintf(stderr, "yqdrill bench: out of memory\n");
    }
    free(a);
    free(b);
    free(c);
    free(state);
    free(front);
    free(next);
    return rc;
}

static int bench_sir(const sim_graph *g)
{
    sim_sir s;
    if (sim_sir_init(&s, g->n) != 0) {
        fprintf(stderr, "yqdrill bench: out of memory\n");
        return -1;
    }
    sim_rng rr;
    sim_rng_seed(&rr, 1, 2);
    double wall = 0.0;
    for (int i = 0; i < SIR_RUNS; i++) {
        sim_sir_result res;
        double a = now_s();
        sim_sir_run(&s, g, 0.1, 0.001, &rr, &res);
        wall += now_s() - a;
    }
    figure("one discrete SIR epidemic on that network (p = 0.1, 0.1% seeds), mean of 5", "sir_1m_wall_s", "%.5f",
           wall / SIR_RUNS);
    sim_sir_free(&s);
    return 0;
}

static int bench_world(void)
{
    if (bench_big_world() != 0 || bench_headless() != 0)
        return APP_EXIT_USAGE;
    /* Before the bench's own arrays (the triad's alone are 192 MiB). */
    figure("peak resident memory of those worlds (the 1,000,000-account one dominates)", "peak_rss_mb", "%.1f",
           peak_rss_mb());

    /* The world's network shape on its own: 1,000,000 accounts, 5 links per newcomer. */
    sim_graph g;
    sim_rng gr;
    sim_rng_seed(&gr, 1, 1);
    double t0 = now_s();
    if (sim_graph_ba_ranked(&g, BIG_ACCOUNTS, (uint32_t)(BIG_FOLLOWS / 2), &gr) != 0) {
        fprintf(stderr, "yqdrill bench: out of memory\n");
        return APP_EXIT_USAGE;
    }
    figure("generating that network: Barabasi-Albert, 1,000,000 nodes, numbered hubs first", "ba_1m_s", "%.4f",
           now_s() - t0);
    int rc = bench_sweep(&g) == 0 && bench_sir(&g) == 0 ? APP_EXIT_OK : APP_EXIT_USAGE;
    sim_graph_free(&g);
    return rc;
}

int app_cmd_bench(int argc, char **argv)
{
    const char *positional[1];
    int np = app_args_parse(argc, argv, NULL, 0, positional, 1);
    if (np == 1 && strcmp(positional[0], "read") == 0)
        return app_bench_read();
    if (np == 1 && strcmp(positional[0], "script") == 0)
        return app_bench_script();
    if (np != 1 || strcmp(positional[0], "world") != 0) {
        if (np >= 0)
            fprintf(stderr, "usage: yqdrill bench world|read|script\n");
        return APP_EXIT_USAGE;
    }
    return bench_world();
}
