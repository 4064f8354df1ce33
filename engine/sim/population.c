/* population.c — the simulated accounts: a heavy-tailed follow network, who is an opinion leader,
 * a media outlet or an official account, and which platform each account lives on. */
#include "world_internal.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct ranked {
    uint32_t node;
    uint32_t degree;
} ranked;

static int by_degree_desc(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->degree != y->degree)
        return x->degree < y->degree ? 1 : -1;
    return x->node < y->node ? -1 : (x->node > y->node);
}

/* The k accounts with the highest degree (ties by id), written to out in decreasing degree. */
static int top_degree(const sim_graph *g, uint32_t k, uint32_t *out)
{
    uint32_t maxdeg = 0;
    for (uint32_t v = 0; v < g->n; v++)
        if (sim_graph_degree(g, v) > maxdeg)
            maxdeg = sim_graph_degree(g, v);
    uint32_t *hist = calloc((size_t)maxdeg + 1, sizeof *hist);
    if (!hist)
        return -1;
    for (uint32_t v = 0; v < g->n; v++)
        hist[sim_graph_degree(g, v)]++;
    uint32_t threshold = maxdeg, have = 0;
    while (threshold > 0 && have + hist[threshold] < k)
        have += hist[threshold--];
    have += hist[threshold];
    free(hist);
    ranked *cand = malloc((size_t)have * sizeof *cand);
    if (!cand)
        return -1;
    uint32_t n = 0;
    for (uint32_t v = 0; v < g->n && n < have; v++)
        if (sim_graph_degree(g, v) >= threshold)
            cand[n++] = (ranked){v, sim_graph_degree(g, v)};
    qsort(cand, n, sizeof *cand, by_degree_desc);
    for (uint32_t i = 0; i < k && i < n; i++)
        out[i] = cand[i].node;
    free(cand);
    return 0;
}

int sim_population_build(sim_world *w, char *err, int errlen)
{
    const sim_params *p = &w->scn->params;
    sim_world_model *m = w->model;
    uint32_t n = p->population;
    uint32_t links = (uint32_t)(p->mean_follows / 2.0 + 0.5);
    if (links < 1)
        links = 1;
    if (n <= links + 1 || (uint64_t)p->leaders + p->media >= n) {
        snprintf(err, (size_t)errlen, "population %u is too small for %u follows per account and %u leaders + %u media",
                 n, (unsigned)p->mean_follows, p->leaders, p->media);
        return -1;
    }
    sim_rng graph_rng;
    sim_rng_seed(&graph_rng, w->seed, 0x9e3779b97f4a7c15ULL);
    /* Numbered hubs first: the accounts most neighbour lists point at share few cache lines. */
    if (sim_graph_ba_ranked(&m->graph, n, links, &graph_rng) != 0) {
        snprintf(err, (size_t)errlen, "cannot build a follow network of %u accounts", n);
        return -1;
    }
    m->kind = calloc(n, 1);
    m->platform = calloc(n, 1);
    uint32_t n_amp = p->leaders + p->media;
    m->amplifiers = malloc(((size_t)n_amp + 1) * sizeof *m->amplifiers);
    int n_off = w->scn->n_platforms > 0 ? w->scn->n_platforms : 1;
    m->officials = malloc((size_t)n_off * sizeof *m->officials);
    if (!m->kind || !m->platform || !m->amplifiers || !m->officials || top_degree(&m->graph, n_amp, m->amplifiers)) {
        snprintf(err, (size_t)errlen, "out of memory building the population");
        return -1;
    }
    m->n_amplifiers = n_amp;
    for (uint32_t i = 0; i < n_amp; i++)
        m->kind[m->amplifiers[i]] = i < p->leaders ? SIM_AUTHOR_LEADER : SIM_AUTHOR_MEDIA;

    /* Platforms by the scenario's shares. */
    double total = 0.0;
    for (int i = 0; i < w->scn->n_platforms; i++)
        total += w->scn->platforms[i].share;
    for (uint32_t v = 0; v < n; v++) {
        double u = sim_rng_double(&graph_rng) * total, acc = 0.0;
        int pl = 0;
        for (int i = 0; i < w->scn->n_platforms; i++) {
            acc += w->scn->platforms[i].share;
            pl = i;
            if (u < acc)
                break;
        }
        m->platform[v] = (uint8_t)pl;
    }
    /* One official account per platform: an ordinary account picked at random. */
    for (int i = 0; i < n_off; i++) {
        uint32_t v;
        do
            v = sim_rng_below(&graph_rng, n);
        while (m->kind[v] != SIM_AUTHOR_USER);
        m->kind[v] = SIM_AUTHOR_OFFICIAL;
        m->platform[v] = (uint8_t)(w->scn->n_platforms > 0 ? i : 0);
        m->officials[i] = v;
    }
    m->n_officials = (uint32_t)n_off;

    m->n_rumours = w->scn->n_rumours;
    m->rumours = calloc((size_t)m->n_rumours + 1, sizeof *m->rumours);
    if (!m->rumours)
        goto oom;
    for (int r = 0; r < m->n_rumours; r++) {
        rumour_accounts *ra = &m->rumours[r];
        ra->state = calloc(n, 1);
        ra->spreaders = malloc((size_t)n * sizeof *ra->spreaders);
        ra->pos = malloc((size_t)n * sizeof *ra->pos);
        if (!ra->state || !ra->spreaders || !ra->pos)
            goto oom;
        for (uint32_t v = 0; v < n; v++)
            ra->pos[v] = UINT32_MAX;
    }
    m->verify_due = malloc(((size_t)w->scn->n_facts + 1) * sizeof *m->verify_due);
    if (!m->verify_due)
        goto oom;
    for (int i = 0; i < w->scn->n_facts; i++)
        m->verify_due[i] = w->scn->facts[i].verified_at;
    return 0;
oom:
    snprintf(err, (size_t)errlen, "out of memory for %u accounts and %d rumours", n, w->scn->n_rumours);
    return -1;
}

void sim_population_free(sim_world *w)
{
    sim_world_model *m = w->model;
    if (!m)
        return;
    if (!m->borrowed) {
        sim_graph_free(&m->graph);
        free(m->kind);
        free(m->platform);
        free(m->officials);
        free(m->amplifiers);
    }
    for (int r = 0; m->rumours && r < m->n_rumours; r++) {
        free(m->rumours[r].state);
        free(m->rumours[r].spreaders);
        free(m->rumours[r].pos);
    }
    free(m->rumours);
    free(m->verify_due);
}
