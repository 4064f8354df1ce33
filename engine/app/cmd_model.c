/* cmd_model.c — `yqdrill model NAME`: the validation models behind the opinion world, each printing
 * `name: value` figures that anyone can re-check against theory or the literature. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "sim/graph.h"
#include "sim/hawkes.h"
#include "sim/rumour_mixed.h"
#include "sim/sir_model.h"
#include "monotonic.h"

#define MODEL_MAX_OPTS 10

/* Random streams per purpose, so adding draws to one never shifts another. */
enum { STREAM_GRAPH = 1, STREAM_RUNS = 2, STREAM_GRAPH_HOMOGENEOUS = 3 };

/* Option value as an integer in [lo, hi], or the default when absent. 0, or -1 after a message. */
static int opt_u64(const app_opt *opts, int n, const char *name, uint64_t def, uint64_t lo, uint64_t hi,
                   uint64_t *out)
{
    const char *s = app_opt_get(opts, n, name);
    *out = def;
    if (!s)
        return 0;
    if (app_parse_u64(s, out) != 0 || *out < lo || *out > hi) {
        fprintf(stderr, "yqdrill model: %s wants a whole number from %llu to %llu, not \"%s\"\n", name,
                (unsigned long long)lo, (unsigned long long)hi, s);
        return -1;
    }
    return 0;
}

/* Option value as a finite number in [lo, hi] (or [lo, hi) when open_hi), or the default. */
static int opt_double(const app_opt *opts, int n, const char *name, double def, double lo, double hi,
                      int open_hi, double *out)
{
    const char *s = app_opt_get(opts, n, name);
    *out = def;
    if (!s)
        return 0;
    char *end;
    double v = strtod(s, &end);
    if (!*s || *end || !isfinite(v) || v < lo || v > hi || (open_hi && v == hi)) {
        fprintf(stderr, "yqdrill model: %s wants a number in [%g, %g%c, not \"%s\"\n", name, lo, hi,
                open_hi ? ')' : ']', s);
        return -1;
    }
    *out = v;
    return 0;
}

/* Parse argv (argv[1] is the model name) against a model's option names, all taking values. */
static int parse_model_opts(int argc, char **argv, const char *const *names, app_opt *opts, int *n_opts)
{
    int n = 0;
    for (; names[n]; n++) {
        opts[n].name = names[n];
        opts[n].takes_value = 1;
        opts[n].value = NULL;
    }
    *n_opts = n;
    const char *positional[1];
    return app_args_parse(argc, argv, opts, n, positional, 1) == 1 ? 0 : -1;
}

static int model_sir_discrete(int argc, char **argv)
{
    static const char *const names[] = {"--agents", "--m", "--p", "--rho", "--seed", "--runs", NULL};
    app_opt o[MODEL_MAX_OPTS];
    int no;
    uint64_t agents, m, seed, runs;
    double p, rho;
    if (parse_model_opts(argc, argv, names, o, &no) != 0 ||
        opt_u64(o, no, "--agents", 1000000, 2, UINT32_MAX, &agents) != 0 ||
        opt_u64(o, no, "--m", 5, 1, 1000, &m) != 0 ||
        opt_double(o, no, "--p", 0.1, 0.0, 1.0, 0, &p) != 0 ||
        opt_double(o, no, "--rho", 0.001, 0.0, 1.0, 0, &rho) != 0 ||
        opt_u64(o, no, "--seed", 1, 0, UINT64_MAX, &seed) != 0 ||
        opt_u64(o, no, "--runs", 10, 1, 1000000, &runs) != 0)
        return APP_EXIT_USAGE;
    if (m + 1 > agents) {
        fprintf(stderr, "yqdrill model: --agents must exceed --m\n");
        return APP_EXIT_USAGE;
    }
    sim_rng rg, rr;
    sim_rng_seed(&rg, seed, STREAM_GRAPH);
    sim_rng_seed(&rr, seed, STREAM_RUNS);
    sim_graph g;
    double t0 = app_now_s();
    if (sim_graph_ba(&g, (uint32_t)agents, (uint32_t)m, &rg) != 0) {
        fprintf(stderr, "yqdrill model: cannot build a graph of %llu agents with m = %llu (too large)\n",
                (unsigned long long)agents, (unsigned long long)m);
        return APP_EXIT_USAGE;
    }
    double t1 = app_now_s();
    sim_sir s;
    if (sim_sir_init(&s, g.n) != 0) {
        sim_graph_free(&g);
        fprintf(stderr, "yqdrill model: out of memory\n");
        return APP_EXIT_USAGE;
    }
    double recovered = 0, steps = 0, wall = 0;
    for (uint64_t i = 0; i < runs; i++) {
        sim_sir_result res;
        double a = app_now_s();
        sim_sir_run(&s, &g, p, rho, &rr, &res);
        wall += app_now_s() - a;
        recovered += (double)res.recovered / g.n;
        steps += res.steps;
    }
    printf("model: sir-discrete\nagents: %u\nm: %llu\np: %g\nrho: %g\nseed: %llu\nruns: %llu\n", g.n,
           (unsigned long long)m, p, rho, (unsigned long long)seed, (unsigned long long)runs);
    printf("edges: %llu\n", (unsigned long long)(g.m / 2));
    printf("final_recovered_fraction: %.6f\n", recovered / runs);
    printf("steps: %.2f\n", steps / runs);
    printf("wall_s: %.6f\n", wall / runs);
    printf("graph_s: %.6f\n", t1 - t0);
    sim_sir_free(&s);
    sim_graph_free(&g);
    return APP_EXIT_OK;
}

static int model_rumour_mixed(int argc, char **argv)
{
    static const char *const names[] = {"--agents", "--runs", "--seed", NULL};
    app_opt o[MODEL_MAX_OPTS];
    int no;
    uint64_t agents, runs, seed;
    if (parse_model_opts(argc, argv, names, o, &no) != 0 ||
        opt_u64(o, no, "--agents", 100000, 2, UINT32_MAX, &agents) != 0 ||
        opt_u64(o, no, "--runs", 20, 1, 1000000, &runs) != 0 ||
        opt_u64(o, no, "--seed", 1, 0, UINT64_MAX, &seed) != 0)
        return APP_EXIT_USAGE;
    sim_mt w;
    if (sim_mt_init(&w, (uint32_t)agents) != 0) {
        fprintf(stderr, "yqdrill model: out of memory\n");
        return APP_EXIT_USAGE;
    }
    sim_rng r;
    sim_rng_seed(&r, seed, STREAM_RUNS);
    double sum = 0, sum2 = 0, contacts = 0;
    for (uint64_t i = 0; i < runs; i++) {
        uint32_t first = sim_rng_below(&r, (uint32_t)agents);
        sim_mt_result res;
        sim_mt_run(&w, NULL, (uint32_t)agents, &first, 1, 1.0, 1.0, &r, &res);
        double x = (double)res.ignorant / (double)agents;
        sum += x;
        sum2 += x * x;
        contacts += (double)res.contacts;
    }
    double mean = sum / runs, var = runs > 1 ? (sum2 - sum * mean) / (runs - 1) : 0.0;
    printf("model: rumour-mixed\nagents: %llu\nruns: %llu\nseed: %llu\n", (unsigned long long)agents,
           (unsigned long long)runs, (unsigned long long)seed);
    printf("ignorant_fraction: %.6f\n", mean);
    printf("ignorant_fraction_sd: %.6f\n", var > 0 ? sqrt(var) : 0.0);
    printf("theory: %.6f\n", sim_mt_ignorant_limit());
    printf("contacts_per_agent: %.4f\n", contacts / runs / (double)agents);
    sim_mt_free(&w);
    return APP_EXIT_OK;
}

static int model_hawkes(int argc, char **argv)
{
    static const char *const names[] = {"--branching", "--runs", "--seed", "--mu", "--mean-delay", "--horizon", NULL};
    app_opt o[MODEL_MAX_OPTS];
    int no;
    uint64_t runs, seed;
    double delay;
    sim_hawkes_params hp;
    if (parse_model_opts(argc, argv, names, o, &no) != 0 ||
        opt_double(o, no, "--branching", 0.8, 0.0, 1.0, 1, &hp.branching) != 0 ||
        opt_u64(o, no, "--runs", 200, 1, 1000000, &runs) != 0 ||
        opt_u64(o, no, "--seed", 1, 0, UINT64_MAX, &seed) != 0 ||
        opt_double(o, no, "--mu", 10.0, 1e-9, 1e6, 0, &hp.mu) != 0 ||
        opt_double(o, no, "--mean-delay", 1.0, 1e-9, 1e9, 0, &delay) != 0 ||
        opt_double(o, no, "--horizon", 100.0, 1e-9, 1e9, 0, &hp.horizon) != 0)
        return APP_EXIT_USAGE;
    if (hp.mu * hp.horizon > 1e7) {
        fprintf(stderr, "yqdrill model: --mu times --horizon must stay below 1e7 immigrants per run\n");
        return APP_EXIT_USAGE;
    }
    hp.beta = 1.0 / delay;
    sim_rng r;
    sim_rng_seed(&r, seed, STREAM_RUNS);
    double immigrants = 0, total = 0, window = 0;
    for (uint64_t i = 0; i < runs; i++) {
        sim_hawkes_result res;
        if (sim_hawkes_simulate(&hp, &r, &res) != 0) {
            fprintf(stderr, "yqdrill model: out of memory\n");
            return APP_EXIT_USAGE;
        }
        immigrants += (double)res.immigrants;
        total += (double)res.total;
        window += (double)res.in_window;
    }
    double expected = immigrants / (1.0 - hp.branching) / runs;
    double expected_window = sim_hawkes_expected_window(&hp);
    printf("model: hawkes\nbranching: %g\nmu: %g\nmean_delay: %g\nhorizon: %g\nruns: %llu\nseed: %llu\n",
           hp.branching, hp.mu, delay, hp.horizon, (unsigned long long)runs, (unsigned long long)seed);
    printf("mean_immigrants: %.3f\n", immigrants / runs);
    printf("mean_total: %.3f\n", total / runs);
    printf("expected_total: %.3f\n", expected);
    printf("total_ratio: %.5f\n", expected > 0 ? total / runs / expected : 0.0);
    printf("mean_in_window: %.3f\n", window / runs);
    printf("expected_in_window: %.3f\n", expected_window);
    printf("window_ratio: %.5f\n", window / runs / expected_window);
    return APP_EXIT_OK;
}

/* Mean reach (share of agents who heard it) of single-seed Maki–Thompson runs on g. */
static double rumour_reach(sim_mt *w, const sim_graph *g, uint64_t runs, double lambda, double alpha,
                           sim_rng *r)
{
    double sum = 0;
    for (uint64_t i = 0; i < runs; i++) {
        uint32_t first = sim_rng_below(r, g->n);
        sim_mt_result res;
        sim_mt_run(w, g, g->n, &first, 1, lambda, alpha, r, &res);
        sum += (double)res.stiflers / g->n;
    }
    return sum / runs;
}

static uint32_t max_degree(const sim_graph *g)
{
    uint32_t best = 0;
    for (uint32_t v = 0; v < g->n; v++)
        if (sim_graph_degree(g, v) > best)
            best = sim_graph_degree(g, v);
    return best;
}

static int model_rumour_net(int argc, char **argv)
{
    static const char *const names[] = {"--agents", "--mean-degree", "--runs", "--seed", "--lambda", "--alpha", NULL};
    app_opt o[MODEL_MAX_OPTS];
    int no;
    uint64_t agents, runs, seed;
    double k, lambda, alpha;
    if (parse_model_opts(argc, argv, names, o, &no) != 0 ||
        opt_u64(o, no, "--agents", 100000, 10, UINT32_MAX, &agents) != 0 ||
        opt_double(o, no, "--mean-degree", 6.0, 2.0, 1000.0, 0, &k) != 0 ||
        opt_u64(o, no, "--runs", 20, 1, 1000000, &runs) != 0 ||
        opt_u64(o, no, "--seed", 1, 0, UINT64_MAX, &seed) != 0 ||
        opt_double(o, no, "--lambda", 1.0, 1e-9, 1.0, 0, &lambda) != 0 ||
        opt_double(o, no, "--alpha", 1.0, 1e-9, 1.0, 0, &alpha) != 0)
        return APP_EXIT_USAGE;
    /* BA gives mean degree ~2m, so m = k / 2 rounded; ER then matches the BA's exact mean. */
    uint32_t m = (uint32_t)floor(k / 2.0 + 0.5);
    if ((uint64_t)m * 4 > agents) {
        fprintf(stderr, "yqdrill model: --mean-degree is too large for %llu agents\n", (unsigned long long)agents);
        return APP_EXIT_USAGE;
    }
    sim_rng rg, rh, rr;
    sim_rng_seed(&rg, seed, STREAM_GRAPH);
    sim_rng_seed(&rh, seed, STREAM_GRAPH_HOMOGENEOUS);
    sim_rng_seed(&rr, seed, STREAM_RUNS);
    sim_graph sf, hom;
    sim_mt w;
    if (sim_graph_ba(&sf, (uint32_t)agents, m, &rg) != 0) {
        fprintf(stderr, "yqdrill model: cannot build a graph of %llu agents\n", (unsigned long long)agents);
        return APP_EXIT_USAGE;
    }
    double mean = (double)sf.m / sf.n;
    if (sim_graph_er(&hom, sf.n, mean, &rh) != 0 || sim_mt_init(&w, sf.n) != 0) {
        sim_graph_free(&sf);
        sim_graph_free(&hom);
        fprintf(stderr, "yqdrill model: out of memory\n");
        return APP_EXIT_USAGE;
    }
    double reach_sf = rumour_reach(&w, &sf, runs, lambda, alpha, &rr);
    double reach_hom = rumour_reach(&w, &hom, runs, lambda, alpha, &rr);
    printf("model: rumour-net\nagents: %u\nruns: %llu\nseed: %llu\nlambda: %g\nalpha: %g\n", sf.n,
           (unsigned long long)runs, (unsigned long long)seed, lambda, alpha);
    printf("mean_degree_scale_free: %.4f\n", mean);
    printf("mean_degree_homogeneous: %.4f\n", (double)hom.m / hom.n);
    printf("max_degree_scale_free: %u\n", max_degree(&sf));
    printf("max_degree_homogeneous: %u\n", max_degree(&hom));
    printf("reach_scale_free: %.6f\n", reach_sf);
    printf("reach_homogeneous: %.6f\n", reach_hom);
    sim_mt_free(&w);
    sim_graph_free(&sf);
    sim_graph_free(&hom);
    return APP_EXIT_OK;
}

typedef struct model_entry {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *usage;
} model_entry;

static const model_entry models[] = {
    {"sir-discrete", model_sir_discrete, "[--agents N] [--m M] [--p P] [--rho R] [--seed S] [--runs K]"},
    {"rumour-mixed", model_rumour_mixed, "[--agents N] [--runs K] [--seed S]"},
    {"hawkes", model_hawkes, "[--branching N] [--runs K] [--seed S] [--mu RATE] [--mean-delay D] [--horizon T]"},
    {"rumour-net", model_rumour_net, "[--agents N] [--mean-degree K] [--runs R] [--seed S] [--lambda L] [--alpha A]"},
};

static void model_usage(FILE *out)
{
    fprintf(out, "usage: yqdrill model NAME [options]\n");
    for (size_t i = 0; i < sizeof models / sizeof models[0]; i++)
        fprintf(out, "  yqdrill model %s %s\n", models[i].name, models[i].usage);
}

int app_cmd_model(int argc, char **argv)
{
    if (argc < 2) {
        model_usage(stderr);
        return APP_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0) {
        model_usage(stdout);
        return APP_EXIT_OK;
    }
    for (size_t i = 0; i < sizeof models / sizeof models[0]; i++) {
        if (strcmp(argv[1], models[i].name) != 0)
            continue;
        for (int k = 2; k < argc; k++)
            if (strcmp(argv[k], "--help") == 0) {
                printf("usage: yqdrill model %s %s\n", models[i].name, models[i].usage);
                return APP_EXIT_OK;
            }
        return models[i].run(argc, argv);
    }
    fprintf(stderr, "yqdrill model: unknown model \"%s\"\n", argv[1]);
    model_usage(stderr);
    return APP_EXIT_USAGE;
}
