/* cmd_bench.c — `yqdrill bench world|read|script|feed|scrub` (the last four: bench_<name>.c): world ticks at
 * 1,000,000 accounts, the longest shipped drill run headless, peak memory, BA generation, the best-case sweep
 * against STREAM, SIR epidemics. */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "args.h"
#include "commands.h"
#include "paths.h"
#include "script/script.h"
#include "sim/graph.h"
#include "sim/scenario.h"
#include "sim/sir_model.h"
#include "sim/world.h"
#include "monotonic.h"

extern char **environ;

#define STREAM_N ((size_t)1 << 23)   /* doubles per array: 64 MiB each, far beyond any one core's cache */
#define REPS 12                      /* repeats of the sweep, then of the triad; the best of each is kept */
#define BIG_ACCOUNTS 1000000u
#define BIG_FOLLOWS 10.0            /* mean follow edges per account: 10,000,000 in all */
#define BIG_TICKS 2160              /* six simulated hours of world ticks */
#define HEADLESS_RUNS 5
#define SIR_P 0.1
#define SIR_RHO 0.001
#define SIR_RUNS 11              /* epidemics timed; the median and the best are printed */

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
    double t0 = app_now_s();
    sim_world *w = sim_world_new(&big, NULL, 1, NULL, err, sizeof err);
    double build = app_now_s() - t0;
    if (!w) {
        sim_scenario_free(&big);
        fprintf(stderr, "yqdrill bench: %s\n", err);
        return -1;
    }
    t0 = app_now_s();
    double worst = 0.0;
    for (int i = 0; i < BIG_TICKS; i++) {
        double a = app_now_s();
        sim_step(w);
        double d = app_now_s() - a;
        worst = d > worst ? d : worst;
    }
    double ticks = app_now_s() - t0;
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

/* A scenario folder's length and accounts, read by loading it. Returns 0, or -1 when it does not load. */
static int scenario_size(const char *dir, sim_time *duration, uint32_t *accounts)
{
    scn_problems probs = {0};
    scn_script *sc = NULL;
    sim_scenario s;
    sim_scenario_init(&s);
    int rc = scn_load(dir, 1, &s, &sc, &probs) == 0 ? 0 : -1;
    *duration = s.duration;
    *accounts = s.params.population;
    scn_free(sc);
    sim_scenario_free(&s);
    scn_problems_free(&probs);
    return rc;
}

/* The longest shipped drill (ties: the most accounts). *id gets a copy (caller frees). Returns 0 or -1. */
static int longest_drill(char **id, sim_time *duration, uint32_t *accounts)
{
    char root[4096], dir[8192];
    char **ids = NULL;
    int n = 0;
    *id = NULL;
    *duration = 0;
    *accounts = 0;
    if (scn_list(app_path(root, sizeof root, "scenarios", NULL), &ids, &n))
        return -1;
    for (int i = 0; i < n; i++) {
        sim_time d;
        uint32_t a;
        snprintf(dir, sizeof dir, "%s/%s", root, ids[i]);
        if (scenario_size(dir, &d, &a) == 0 && (d > *duration || (d == *duration && a > *accounts))) {
            free(*id);
            *id = strdup(ids[i]);
            *duration = d;
            *accounts = a;
        }
    }
    scn_list_free(ids, n);
    return *id ? 0 : -1;
}

/* One `yqdrill run ID --headless --no-save --json --responses FILE` in a child process of this very
 * program, its output discarded; seconds from spawn to exit, or -1 when it could not run or failed. */
static double headless_run_seconds(const char *id, const char *responses)
{
    char *argv[] = {"yqdrill", "run", (char *)id, "--headless", "--no-save", "--json", "--responses",
                    (char *)responses, NULL};
    posix_spawn_file_actions_t fa;
    if (posix_spawn_file_actions_init(&fa) != 0)
        return -1.0;
    pid_t pid;
    double t0 = app_now_s();
    int rc = posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0) ||
             posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0) ||
             posix_spawn(&pid, "/proc/self/exe", &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    int status = 0;
    if (rc || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return -1.0;
    return app_now_s() - t0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The longest shipped drill played headless with its reference responses, as a trainee's `run --headless`
 * does it: program start, scenario and baseline loaded, lexicon, both worlds run, graded. Returns 0 or -1. */
static int bench_headless(void)
{
    char *id = NULL, responses[8192], sub[4096];
    sim_time duration;
    uint32_t accounts;
    if (longest_drill(&id, &duration, &accounts) != 0) {
        fprintf(stderr, "yqdrill bench: no shipped scenario loads\n");
        return -1;
    }
    snprintf(sub, sizeof sub, "%s/responses", id);
    app_path(responses, sizeof responses, "scenarios", sub);
    strncat(responses, "/reference.json", sizeof responses - strlen(responses) - 1);
    double t[HEADLESS_RUNS];
    for (int i = 0; i < HEADLESS_RUNS; i++)
        if ((t[i] = headless_run_seconds(id, responses)) < 0.0) {
            fprintf(stderr, "yqdrill bench: yqdrill run %s --headless --responses %s failed\n", id, responses);
            free(id);
            return -1;
        }
    qsort(t, HEADLESS_RUNS, sizeof *t, cmp_double);
    printf("# the drill timed next: the longest shipped one (no shipped drill lasts 48 h)\nheadless_drill: %s\n", id);
    figure("its simulated hours", "headless_drill_hours", "%.1f", (double)duration / 3600.0);
    figure("its accounts", "headless_drill_accounts", "%.0f", accounts);
    figure("`yqdrill run` of it --headless --no-save --json with its reference responses, as a child process: "
           "start, load, both worlds (drill and no-action baseline), grading; median of 5",
           "headless_drill_s", "%.4f", t[HEADLESS_RUNS / 2]);
    figure("the fastest of those 5", "headless_drill_best_s", "%.4f", t[0]);
    free(id);
    return 0;
}

/* STREAM's triad a = b + s c over three 64 MiB arrays; seconds for one pass. */
static double triad_seconds(double *a, const double *b, const double *c)
{
    double t0 = app_now_s();
    for (size_t i = 0; i < STREAM_N; i++)
        a[i] = b[i] + 3.0 * c[i];
    return app_now_s() - t0;
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
    double t0 = app_now_s();
    sim_sweep(g, state, front, g->n, 0, 2, &t, &r, next, NULL);
    return app_now_s() - t0;
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
        /* Plain stores first read a's line into the cache, then write it back: 32 bytes move per element. */
        double gbps = a[STREAM_N / 2] > 0.0 ? 32.0 * (double)STREAM_N / triad * 1e-9 : 0.0;
        double bytes = sweep_bytes(g);
        figure("neighbour entries in the follow network (each link is stored from both ends)", "follow_entries",
               "%.0f", (double)g->m);
        figure("links in it", "follow_links", "%.0f", (double)g->m / 2.0);
        figure("best case, not an epidemic: one sweep with every account in the frontier in id order, p = 1, every "
               "neighbour test failing, nothing written; best of the repeats",
               "sweep_best_s", "%.5f", sweep);
        figure("that best-case sweep per neighbour entry", "sweep_best_ns_per_entry", "%.3f",
               sweep / (double)g->m * 1e9);
        figure("bytes that sweep must move: frontier, offsets, neighbours, state bytes, state bitmap",
               "sweep_bytes_mb", "%.1f", bytes / 1e6);
        figure("memory bandwidth, STREAM triad a = b + s*c with plain stores, counted as 32 B per element (read b, "
               "c and a's line, write a), best of the repeats",
               "stream_gbps", "%.2f", gbps);
        figure("best-case sweep time / (its bytes / that bandwidth): 1 = at the memory bound", "sweep_best_bound_ratio",
               "%.3f", gbps > 0.0 ? sweep / (bytes / (gbps * 1e9)) : 0.0);
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

/* Neighbour entries of the accounts an epidemic infected: each was in one frontier, whose sweep
 * walked its whole neighbour list. */
static double swept_entries(const sim_graph *g, const uint8_t *state)
{
    double entries = 0.0;
    for (uint32_t v = 0; v < g->n; v++)
        if (state[v] == SIM_SIR_R)
            entries += (double)sim_graph_degree(g, v);
    return entries;
}

/* SIR_RUNS whole epidemics as `model sir-discrete` and the cross-check with EoN run them. */
static int bench_sir(const sim_graph *g)
{
    sim_sir s;
    if (sim_sir_init(&s, g->n) != 0) {
        fprintf(stderr, "yqdrill bench: out of memory\n");
        return -1;
    }
    sim_rng rr;
    sim_rng_seed(&rr, 1, 2);
    double wall[SIR_RUNS], per_entry[SIR_RUNS], frac = 0.0;
    for (int i = 0; i < SIR_RUNS; i++) {
        sim_sir_result res;
        double a = app_now_s();
        sim_sir_run(&s, g, SIR_P, SIR_RHO, &rr, &res);
        wall[i] = app_now_s() - a;
        per_entry[i] = wall[i] / swept_entries(g, s.state) * 1e9;
        frac += (double)res.recovered / g->n / SIR_RUNS;
    }
    qsort(wall, SIR_RUNS, sizeof *wall, cmp_double);
    qsort(per_entry, SIR_RUNS, sizeof *per_entry, cmp_double);
    figure("one discrete SIR epidemic on that network (p = 0.1, 0.1% seeds, real frontier order), from seeding "
           "to the last step; median of 11",
           "sir_1m_wall_s", "%.5f", wall[SIR_RUNS / 2]);
    figure("the fastest of those 11 epidemics", "sir_1m_best_s", "%.5f", wall[0]);
    figure("share of accounts those epidemics reached, mean (EoN: 0.328)", "sir_1m_final_fraction", "%.4f", frac);
    figure("an epidemic per neighbour entry its frontiers swept (the infected accounts' degrees), median",
           "sir_ns_per_entry", "%.2f", per_entry[SIR_RUNS / 2]);
    figure("an epidemic (median) per link of the whole network", "sir_ns_per_link", "%.2f",
           wall[SIR_RUNS / 2] / ((double)g->m / 2.0) * 1e9);
    sim_sir_free(&s);
    return 0;
}

static int bench_world(void)
{
    if (bench_big_world() != 0 || bench_headless() != 0)
        return APP_EXIT_USAGE;
    /* Before the bench's own arrays (the triad's alone are 192 MiB). */
    figure("peak resident memory of this process: the 1,000,000-account world (the drills ran in child processes)", "peak_rss_mb", "%.1f",
           peak_rss_mb());

    /* The world's network shape on its own: 1,000,000 accounts, 5 links per newcomer. */
    sim_graph g;
    sim_rng gr;
    sim_rng_seed(&gr, 1, 1);
    double t0 = app_now_s();
    if (sim_graph_ba_ranked(&g, BIG_ACCOUNTS, (uint32_t)(BIG_FOLLOWS / 2), &gr) != 0) {
        fprintf(stderr, "yqdrill bench: out of memory\n");
        return APP_EXIT_USAGE;
    }
    figure("generating that network: Barabasi-Albert, 1,000,000 nodes, numbered hubs first", "ba_1m_s", "%.4f",
           app_now_s() - t0);
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
    if (np == 1 && strcmp(positional[0], "feed") == 0)
        return app_bench_feed();
    if (np == 1 && strcmp(positional[0], "scrub") == 0)
        return app_bench_scrub();
    if (np != 1 || strcmp(positional[0], "world") != 0) {
        if (np >= 0)
            fprintf(stderr, "usage: yqdrill bench world|read|script|feed|scrub\n");
        return APP_EXIT_USAGE;
    }
    return bench_world();
}
