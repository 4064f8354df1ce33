/* world_copy.c — a checkpoint of a world: a deep copy of everything a step may change, sharing the
 * population that never changes after it is built (network, kinds, platforms, officials, amplifiers). */
#include "world_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A copy of n elements in a buffer of cap (>= n) elements; NULL only when memory ran out. */
static void *copy_array(const void *src, size_t n, size_t cap, size_t elem)
{
    void *dst = malloc((cap ? cap : 1) * elem);
    if (dst && n)
        memcpy(dst, src, n * elem);
    return dst;
}

static char *copy_text(const char *s, int *failed)
{
    if (!s)
        return NULL;
    char *d = strdup(s);
    if (!d)
        *failed = 1;
    return d;
}

static int copy_model(sim_world_model *dst, const sim_world_model *src, uint32_t n)
{
    *dst = *src;
    dst->borrowed = 1;
    dst->rumours = calloc((size_t)src->n_rumours + 1, sizeof *dst->rumours);
    dst->verify_due = NULL;
    if (!dst->rumours)
        return -1;
    for (int r = 0; r < src->n_rumours; r++) {
        const rumour_accounts *s = &src->rumours[r];
        rumour_accounts *d = &dst->rumours[r];
        d->n_spreaders = s->n_spreaders;
        d->state = copy_array(s->state, n, n, 1);
        d->spreaders = copy_array(s->spreaders, s->n_spreaders, n, sizeof *d->spreaders);
        d->pos = copy_array(s->pos, n, n, sizeof *d->pos);
        if (!d->state || !d->spreaders || !d->pos)
            return -1;
    }
    return 0;
}

static int copy_logs(sim_world *d, const sim_world *s)
{
    int failed = 0;
    d->queue = calloc((size_t)(s->cap_queue ? s->cap_queue : 1), sizeof *d->queue);
    d->log = calloc((size_t)(s->cap_log ? s->cap_log : 1), sizeof *d->log);
    d->readings = calloc((size_t)(s->cap_log ? s->cap_log : 1), sizeof *d->readings);
    d->receptions = copy_array(s->receptions, (size_t)s->n_log, (size_t)s->cap_log, 1);
    d->events = calloc((size_t)(s->cap_events ? s->cap_events : 1), sizeof *d->events);
    if (!d->queue || !d->log || !d->readings || !d->receptions || !d->events)
        return -1;
    for (; d->n_queue < s->n_queue; d->n_queue++)
        if (sim_action_copy(&d->queue[d->n_queue], &s->queue[d->n_queue]))
            return -1;
    for (; d->n_log < s->n_log; d->n_log++) {
        int i = d->n_log;
        if (sim_action_copy(&d->log[i], &s->log[i]))
            return -1;
        if (s->readings[i] && !(d->readings[i] = copy_array(s->readings[i], 1, 1, sizeof *s->readings[i]))) {
            d->n_log++;
            return -1;
        }
    }
    for (; d->n_events < s->n_events; d->n_events++) {
        const sim_event *e = &s->events[d->n_events];
        d->events[d->n_events] = (sim_event){e->t, e->type, e->ref, e->value, copy_text(e->text, &failed),
                                             copy_text(e->text_en, &failed)};
    }
    return failed ? -1 : 0;
}

uint8_t *sim_hook_bytes(sim_world *w, int n)
{
    if (!w->hook_bytes && n > 0 && (w->hook_bytes = calloc((size_t)n, 1)))
        w->n_hook_bytes = n;
    return w->n_hook_bytes == n ? w->hook_bytes : NULL;
}

int sim_hook_state_set(sim_world *w, const void *bytes, size_t n)
{
    uint8_t *copy = n ? copy_array(bytes, n, n, 1) : NULL;
    if (n && !copy)
        return -1;
    free(w->hook_state);
    w->hook_state = copy;
    w->n_hook_state = n;
    return 0;
}

sim_world *sim_world_clone(const sim_world *src, const sim_hooks *hooks, char *err, int errlen)
{
    sim_world *w = malloc(sizeof *w);
    if (!w) {
        snprintf(err, (size_t)errlen, "out of memory for a checkpoint");
        return NULL;
    }
    /* Scalars, metrics and the feed ring by value; every owned pointer is replaced below. */
    *w = *src;
    w->hooks = hooks ? *hooks : (sim_hooks){0};
    w->queue = w->log = NULL;
    w->readings = NULL;
    w->receptions = NULL;
    w->events = NULL;
    w->n_queue = w->n_log = w->n_events = 0;
    w->model = NULL;
    w->hook_bytes = src->n_hook_bytes ? copy_array(src->hook_bytes, (size_t)src->n_hook_bytes,
                                                   (size_t)src->n_hook_bytes, 1) : NULL;
    w->hook_state = src->n_hook_state ? copy_array(src->hook_state, src->n_hook_state, src->n_hook_state, 1) : NULL;
    const sim_scenario *s = src->scn;
    size_t nf = (size_t)s->n_facts + 1, nr = (size_t)s->n_rumours + 1;
    w->fact_verified = copy_array(src->fact_verified, nf, nf, 1);
    w->inject_fired = copy_array(src->inject_fired, (size_t)s->n_injects + 1, (size_t)s->n_injects + 1, 1);
    w->question_state = copy_array(src->question_state, (size_t)s->n_questions + 1, (size_t)s->n_questions + 1, 1);
    w->rumours = copy_array(src->rumours, nr, nr, sizeof *w->rumours);
    w->stated_facts = copy_array(src->stated_facts, nf, nf, sizeof *w->stated_facts);
    w->stated_values = copy_array(src->stated_values, nf, nf, sizeof *w->stated_values);
    w->samples = copy_array(src->samples, (size_t)src->n_samples, (size_t)src->cap_samples, sizeof *w->samples);
    size_t hist = (size_t)src->cap_samples * (size_t)s->n_rumours;
    w->reach_hist = copy_array(src->reach_hist, (size_t)src->n_samples * (size_t)s->n_rumours, hist,
                               sizeof *w->reach_hist);
    w->model = calloc(1, sizeof *w->model);
    int failed = !w->fact_verified || !w->inject_fired || !w->question_state || !w->rumours || !w->stated_facts ||
                 !w->stated_values || !w->samples || !w->reach_hist || !w->model || (src->n_hook_bytes && !w->hook_bytes) ||
                 (src->n_hook_state && !w->hook_state);
    if (!failed) {
        failed = copy_model(w->model, src->model, src->model->graph.n);
        w->model->verify_due = copy_array(src->model->verify_due, nf, nf, sizeof *w->model->verify_due);
        failed = failed || !w->model->verify_due;
    }
    if (failed || copy_logs(w, src)) {
        snprintf(err, (size_t)errlen, "out of memory for a checkpoint");
        sim_world_free(w);
        return NULL;
    }
    return w;
}
