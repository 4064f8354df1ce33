/* world.c — the world's lifecycle and fixed-timestep loop: timed scenario content and queued actions
 * in time order, the models in a fixed order, media pick-up, the event stream, samples, and the hash. */
#include "world_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Silence past the first-response deadline: trust lost and extra background posts (× heat_base). */
#define SILENCE_TRUST (-10.0)
#define SILENCE_FUEL 0.5

static const char *const event_names[SIM_EV_COUNT] = {
    "inject", "fact_verified", "rumour_start", "rumour_rebutted", "media_report", "question",
    "followup", "level", "tier", "action", "silence", "note", "ending",
};

const char *sim_event_type_name(sim_event_type t)
{
    return (unsigned)t < SIM_EV_COUNT ? event_names[t] : "";
}

static int grow(void **arr, int *cap, int need, size_t elem)
{
    if (need <= *cap)
        return 0;
    int n = *cap ? *cap * 2 : 64;
    while (n < need)
        n *= 2;
    void *p = realloc(*arr, (size_t)n * elem);
    if (!p)
        return -1;
    *arr = p;
    *cap = n;
    return 0;
}

int sim_event_push(sim_world *w, sim_event_type type, int ref, double value, const char *text)
{
    if (grow((void **)&w->events, &w->cap_events, w->n_events + 1, sizeof *w->events))
        return -1;
    char *copy = NULL;
    if (text) {
        size_t n = strlen(text) + 1;
        if (!(copy = malloc(n)))
            return -1;
        memcpy(copy, text, n);
    }
    w->events[w->n_events++] = (sim_event){w->now, type, ref, value, copy, NULL};
    return 0;
}

static int check_params(const sim_scenario *s, char *err, int errlen)
{
    const sim_params *p = &s->params;
    const char *bad = NULL;
    if (p->population < 10)
        bad = "population must be at least 10";
    else if (!(p->heat_branching >= 0.0 && p->heat_branching < 1.0))
        bad = "heat_branching must be in [0, 1)";
    else if (!(p->heat_decay_h > 0.0))
        bad = "heat_decay_h must be > 0";
    else if (!(p->heat_base >= 0.0) || !(p->reads_per_post >= 0.0) || !(p->mean_follows >= 1.0))
        bad = "heat_base and reads_per_post must be >= 0, mean_follows >= 1";
    else if (!(p->trust0 >= 0.0 && p->trust0 <= 100.0))
        bad = "trust must be in [0, 100]";
    else if (s->duration <= 0)
        bad = "duration must be positive";
    if (bad)
        snprintf(err, (size_t)errlen, "%s: %s", s->path ? s->path : s->id ? s->id : "scenario", bad);
    return bad ? -1 : 0;
}

sim_world *sim_world_new(const sim_scenario *s, const sim_lexicon *lex, uint64_t seed,
                         const sim_hooks *hooks, char *err, int errlen)
{
    if (check_params(s, err, errlen))
        return NULL;
    sim_world *w = calloc(1, sizeof *w);
    if (!w) {
        snprintf(err, (size_t)errlen, "out of memory");
        return NULL;
    }
    w->scn = s;
    w->lex = lex;
    w->seed = seed;
    sim_rng_seed(&w->rng, seed, 0x5eed);
    if (hooks)
        w->hooks = *hooks;
    w->ending = -1;
    w->m.trust = s->params.trust0;
    w->m.crowd = s->params.crowd0;
    w->m.sentiment[1] = 1.0;
    w->damping = 1.0;
    w->first_statement = SIM_NEVER;
    int nf = s->n_facts + 1, nr = s->n_rumours + 1;
    w->fact_verified = calloc((size_t)nf, 1);
    w->inject_fired = calloc((size_t)s->n_injects + 1, 1);
    w->question_state = calloc((size_t)s->n_questions + 1, 1);
    w->rumours = calloc((size_t)nr, sizeof *w->rumours);
    w->stated_facts = calloc((size_t)nf, sizeof *w->stated_facts);
    w->stated_values = malloc((size_t)nf * sizeof *w->stated_values);
    w->model = calloc(1, sizeof *w->model);
    if (!w->fact_verified || !w->inject_fired || !w->question_state || !w->rumours || !w->stated_facts ||
        !w->stated_values || !w->model) {
        snprintf(err, (size_t)errlen, "out of memory");
        sim_world_free(w);
        return NULL;
    }
    for (int i = 0; i < nf; i++)
        w->stated_values[i] = NAN;
    for (int r = 0; r < nr; r++) {
        w->rumours[r].started_at = w->rumours[r].rebutted_at = SIM_NEVER;
        w->rumours[r].boost = 1.0;
    }
    if (sim_population_build(w, err, errlen)) {
        sim_world_free(w);
        return NULL;
    }
    return w;
}

void sim_world_free(sim_world *w)
{
    if (!w)
        return;
    sim_population_free(w);
    free(w->model);
    for (int i = 0; i < w->n_queue; i++)
        sim_action_free(&w->queue[i]);
    for (int i = 0; i < w->n_log; i++) {
        sim_action_free(&w->log[i]);
        free(w->readings[i]);
    }
    free(w->readings);
    free(w->receptions);
    for (int i = 0; i < w->n_events; i++) {
        free(w->events[i].text);
        free(w->events[i].text_en);
    }
    free(w->queue);
    free(w->log);
    free(w->events);
    free(w->samples);
    free(w->reach_hist);
    free(w->fact_verified);
    free(w->inject_fired);
    free(w->question_state);
    free(w->rumours);
    free(w->stated_facts);
    free(w->stated_values);
    free(w->hook_bytes);
    free(w->hook_state);
    free(w);
}

int sim_submit(sim_world *w, const sim_action *a, char *err, int errlen)
{
    if (sim_action_validate(a, w->scn, err, errlen))
        return -1;
    if (a->t < w->now) {
        snprintf(err, (size_t)errlen, "%s at %lld s lies in the past (the drill is at %lld s)",
                 sim_action_type_name(a->type), (long long)a->t, (long long)w->now);
        return -1;
    }
    if (grow((void **)&w->queue, &w->cap_queue, w->n_queue + 1, sizeof *w->queue)) {
        snprintf(err, (size_t)errlen, "out of memory");
        return -1;
    }
    int at = w->n_queue;
    while (at > 0 && w->queue[at - 1].t > a->t)
        at--;
    memmove(&w->queue[at + 1], &w->queue[at], (size_t)(w->n_queue - at) * sizeof *w->queue);
    if (sim_action_copy(&w->queue[at], a)) {
        memmove(&w->queue[at], &w->queue[at + 1], (size_t)(w->n_queue - at) * sizeof *w->queue);
        snprintf(err, (size_t)errlen, "out of memory");
        return -1;
    }
    w->n_queue++;
    return 0;
}

int sim_fact_is_verified(const sim_world *w, int fact)
{
    return fact >= 0 && fact < w->scn->n_facts && w->fact_verified[fact];
}

int sim_verify_fact(sim_world *w, int fact)
{
    if (fact < 0 || fact >= w->scn->n_facts)
        return -1;
    if (!w->fact_verified[fact]) {
        w->fact_verified[fact] = 1;
        w->model->verify_due[fact] = w->now;
        sim_event_push(w, SIM_EV_FACT_VERIFIED, fact, 0.0, NULL);
    }
    return 0;
}

int sim_fire_inject(sim_world *w, int inject)
{
    if (inject < 0 || inject >= w->scn->n_injects)
        return -1;
    if (w->inject_fired[inject])
        return 0;
    const sim_inject *j = &w->scn->injects[inject];
    w->inject_fired[inject] = 1;
    sim_heat_burst(w, j->heat);
    w->m.crowd += j->crowd;
    w->m.calls_per_hour += j->calls;
    sim_event_push(w, SIM_EV_INJECT, inject, j->heat, NULL);
    return 0;
}

const sim_reading *sim_action_reading(const sim_world *w, int i)
{
    return w->readings && i >= 0 && i < w->n_log ? w->readings[i] : NULL;
}

sim_reception sim_action_reception(const sim_world *w, int i)
{
    return w->receptions && i >= 0 && i < w->n_log ? (sim_reception)w->receptions[i] : SIM_RECEPTION_NONE;
}

int sim_start_rumour(sim_world *w, int rumour)
{
    if (rumour < 0 || rumour >= w->scn->n_rumours)
        return -1;
    if (w->rumours[rumour].started)
        return 0;
    sim_rumour_seed(w, rumour);
    sim_event_push(w, SIM_EV_RUMOUR_START, rumour, 0.0, NULL);
    return 0;
}

int sim_ask_question(sim_world *w, int question)
{
    if (question < 0 || question >= w->scn->n_questions)
        return -1;
    if (w->question_state[question] == 0) {
        w->question_state[question] = 1;
        sim_event_push(w, SIM_EV_QUESTION, question, 0.0, NULL);
    }
    return 0;
}

void sim_adjust(sim_world *w, double trust, double crowd, double heat)
{
    sim_trust_change(w, trust);
    w->m.crowd = w->m.crowd + crowd > 0.0 ? w->m.crowd + crowd : 0.0;
    if (heat > 0.0)
        sim_heat_burst(w, heat);
    else
        w->heat_intensity = w->heat_intensity + heat > 0.0 ? w->heat_intensity + heat : 0.0;
}

int sim_reach_ending(sim_world *w, int ending)
{
    if (ending < 0 || ending >= w->scn->n_endings)
        return -1;
    if (!w->ended) {
        w->ended = 1;
        w->ending = ending;
        sim_event_push(w, SIM_EV_ENDING, ending, 0.0, NULL);
    }
    return 0;
}

int sim_note(sim_world *w, const char *text)
{
    return sim_event_push(w, SIM_EV_NOTE, -1, 0.0, text);
}

int sim_note2(sim_world *w, const char *zh, const char *en)
{
    if (sim_event_push(w, SIM_EV_NOTE, -1, 0.0, zh))
        return -1;
    if (!en)
        return 0;
    size_t n = strlen(en) + 1;
    sim_event *e = &w->events[w->n_events - 1];
    if (!(e->text_en = malloc(n)))
        return -1;
    memcpy(e->text_en, en, n);
    return 0;
}

const char *sim_event_note(const sim_event *e, const char *lang)
{
    if (e->text_en && lang && strcmp(lang, "en") == 0)
        return e->text_en;
    return e->text ? e->text : "";
}

/* Whether reporters may ask question q yet on their own (at its time or when the media pick the story
 * up): a question with after_rumour waits for that rumour to start. */
static int question_open(const sim_world *w, int q)
{
    const char *after = w->scn->questions[q].after_rumour;
    if (!after)
        return 1;
    int r = sim_scenario_rumour(w->scn, after);
    return r >= 0 && w->rumours[r].started;
}

/* The earliest timed content item due by now that has not happened yet; its time, or SIM_NEVER. */
typedef enum { DUE_FACT, DUE_INJECT, DUE_RUMOUR, DUE_QUESTION } due_kind;

static sim_time next_due(const sim_world *w, due_kind *kind, int *index)
{
    const sim_scenario *s = w->scn;
    sim_time best = SIM_NEVER;
#define CONSIDER(cond, time, k, i) \
    if ((cond) && (time) != SIM_NEVER && (time) <= w->now && (best == SIM_NEVER || (time) < best)) { \
        best = (time); *kind = (k); *index = (i); }
    for (int i = 0; i < s->n_facts; i++)
        CONSIDER(!w->fact_verified[i], w->model->verify_due[i], DUE_FACT, i)
    for (int i = 0; i < s->n_injects; i++)
        CONSIDER(!w->inject_fired[i], s->injects[i].at, DUE_INJECT, i)
    for (int i = 0; i < s->n_rumours; i++)
        CONSIDER(!w->rumours[i].started, s->rumours[i].start, DUE_RUMOUR, i)
    for (int i = 0; i < s->n_questions; i++)
        CONSIDER(w->question_state[i] == 0 && question_open(w, i), s->questions[i].at, DUE_QUESTION, i)
#undef CONSIDER
    return best;
}

static void happen(sim_world *w, due_kind kind, int i)
{
    switch (kind) {
    case DUE_FACT: sim_verify_fact(w, i); break;
    case DUE_INJECT: sim_fire_inject(w, i); break;
    case DUE_RUMOUR: sim_start_rumour(w, i); break;
    case DUE_QUESTION: sim_ask_question(w, i); break;
    }
}

static int apply_action(sim_world *w)
{
    int cap = w->cap_log, cap2 = w->cap_log;
    if (grow((void **)&w->log, &w->cap_log, w->n_log + 1, sizeof *w->log) ||
        grow((void **)&w->readings, &cap, w->n_log + 1, sizeof *w->readings) ||
        grow((void **)&w->receptions, &cap2, w->n_log + 1, sizeof *w->receptions)) {
        snprintf(w->error, sizeof w->error, "out of memory");
        return -1;
    }
    w->readings[w->n_log] = NULL;
    w->receptions[w->n_log] = SIM_RECEPTION_NONE;
    w->log[w->n_log] = w->queue[0];
    memmove(&w->queue[0], &w->queue[1], (size_t)(w->n_queue - 1) * sizeof *w->queue);
    w->n_queue--;
    const sim_action *a = &w->log[w->n_log++];
    sim_event_push(w, SIM_EV_ACTION, w->n_log - 1, 0.0, NULL);
    sim_response_apply(w, a);
    if (w->hooks.on_action && w->hooks.on_action(w->hooks.ud, w, a))
        return -1;
    return 0;
}

/* Content due by now and actions stamped up to now, in time order (content first on ties). */
static int apply_due(sim_world *w)
{
    for (;;) {
        due_kind kind = DUE_FACT;
        int index = -1;
        sim_time c = next_due(w, &kind, &index);
        int have_action = w->n_queue > 0 && w->queue[0].t <= w->now;
        if (c == SIM_NEVER && !have_action)
            return 0;
        if (c != SIM_NEVER && (!have_action || c <= w->queue[0].t)) {
            happen(w, kind, index);
        } else if (apply_action(w)) {
            return -1;
        }
    }
}

static void media_tick(sim_world *w)
{
    double threshold = w->scn->params.media_threshold * (double)(1u << (w->media_reports < 16 ? w->media_reports : 16));
    if (w->scn->params.media_threshold <= 0.0 || w->m.posts_per_hour < threshold)
        return;
    w->media_reports++;
    int ask = -1;
    for (int q = 0; q < w->scn->n_questions && ask < 0; q++)
        if (w->question_state[q] == 0 && w->scn->questions[q].at == SIM_NEVER && question_open(w, q))
            ask = q;
    sim_event_push(w, SIM_EV_MEDIA_REPORT, ask, w->m.posts_per_hour, NULL);
    if (ask >= 0)
        sim_ask_question(w, ask);
}

static void silence_tick(sim_world *w)
{
    if (w->silence_fired || w->first_statement != SIM_NEVER || w->now < w->scn->params.silence_deadline)
        return;
    w->silence_fired = 1;
    sim_trust_change(w, SILENCE_TRUST);
    w->fuel += SILENCE_FUEL * w->scn->params.heat_base;
    sim_event_push(w, SIM_EV_SILENCE, -1, 0.0, NULL);
}

static void take_sample(sim_world *w)
{
    int cap = w->cap_samples, nr = w->scn->n_rumours;
    if (grow((void **)&w->samples, &w->cap_samples, w->n_samples + 1, sizeof *w->samples))
        return;
    if (cap != w->cap_samples && nr > 0) {
        float *h = realloc(w->reach_hist, (size_t)w->cap_samples * (size_t)nr * sizeof *h);
        if (!h)
            return;
        w->reach_hist = h;
    }
    for (int r = 0; r < nr; r++)
        w->reach_hist[(size_t)w->n_samples * (size_t)nr + (size_t)r] = (float)w->rumours[r].reach;
    float reach = 0.0f;
    for (int r = 0; r < w->scn->n_rumours; r++)
        if ((float)w->rumours[r].reach > reach)
            reach = (float)w->rumours[r].reach;
    w->samples[w->n_samples++] = (sim_sample){
        w->now, (float)w->m.posts_per_hour, (float)w->m.reads_total, (float)w->m.trust,
        (float)w->m.crowd, reach, (int8_t)w->m.level,
    };
}

int sim_step(sim_world *w)
{
    if (w->ended)
        return 0;
    if (w->now == 0)
        take_sample(w);
    if (apply_due(w))
        return -1;
    sim_heat_tick(w);
    sim_rumour_tick(w);
    sim_offline_tick(w);
    sim_trust_tick(w);
    sim_feed_tick(w);
    sim_warning_tick(w);
    media_tick(w);
    silence_tick(w);
    w->now += SIM_TICK_S;
    if (w->now % 60 == 0)
        take_sample(w);
    if (w->hooks.on_tick && w->hooks.on_tick(w->hooks.ud, w))
        return -1;
    if (w->now >= w->scn->duration && !w->ended)
        w->ended = 1;
    return 0;
}

float sim_sample_reach(const sim_world *w, int i, int r)
{
    if (i < 0 || i >= w->n_samples || r < 0 || r >= w->scn->n_rumours)
        return 0.0f;
    return w->reach_hist[(size_t)i * (size_t)w->scn->n_rumours + (size_t)r];
}

int sim_run_until(sim_world *w, sim_time t)
{
    while (!w->ended && w->now < t)
        if (sim_step(w))
            return -1;
    return 0;
}

int sim_is_over(const sim_world *w)
{
    return w->ended;
}

/* --- hashing: FNV-1a 64 over explicit fields --- */

typedef struct hasher {
    uint64_t h;
} hasher;

static void h_bytes(hasher *hs, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        hs->h ^= b[i];
        hs->h *= 1099511628211ULL;
    }
}

static void h_i64(hasher *hs, int64_t v) { h_bytes(hs, &v, sizeof v); }
static void h_f64(hasher *hs, double v) { h_bytes(hs, &v, sizeof v); }

static void h_str(hasher *hs, const char *s)
{
    if (!s) {
        h_i64(hs, -1);
        return;
    }
    size_t n = strlen(s);
    h_i64(hs, (int64_t)n);
    h_bytes(hs, s, n);
}

static void hash_metrics(hasher *hs, const sim_metrics *m)
{
    const double v[] = {m->posts_per_hour, m->reposts_per_hour, m->posts_total, m->reads_total,
                        m->sentiment[0], m->sentiment[1], m->sentiment[2], m->trust, m->crowd,
                        m->calls_per_hour, m->complaints, m->peak_posts_per_hour};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        h_f64(hs, v[i]);
    h_i64(hs, m->level);
    h_i64(hs, m->tier);
}

static void hash_model(hasher *hs, const sim_world *w)
{
    const sim_world_model *m = w->model;
    uint32_t n = m->graph.n;
    h_i64(hs, n);
    h_i64(hs, (int64_t)m->graph.m);
    for (int r = 0; r < m->n_rumours; r++) {
        h_bytes(hs, m->rumours[r].state, n);
        h_i64(hs, m->rumours[r].n_spreaders);
        h_bytes(hs, m->rumours[r].spreaders, (size_t)m->rumours[r].n_spreaders * sizeof(uint32_t));
    }
    for (int i = 0; i < w->scn->n_facts; i++)
        h_i64(hs, m->verify_due[i]);
}

uint64_t sim_hash(const sim_world *w)
{
    hasher hs = {14695981039346656037ULL};
    const sim_scenario *s = w->scn;
    h_i64(&hs, w->now);
    h_i64(&hs, (int64_t)w->seed);
    h_i64(&hs, (int64_t)w->rng.state);
    h_i64(&hs, (int64_t)w->rng.inc);
    h_i64(&hs, w->ended);
    h_i64(&hs, w->ending);
    hash_metrics(&hs, &w->m);
    h_f64(&hs, w->heat_intensity);
    h_f64(&hs, w->damping);
    h_f64(&hs, w->fuel);
    h_i64(&hs, w->first_statement);
    const int64_t flags[] = {w->silence_fired, w->press_held, w->media_reports, w->leaders_engaged};
    h_bytes(&hs, flags, sizeof flags);
    for (int i = 0; i < SIM_MEASURE_COUNT; i++)
        h_i64(&hs, w->measures[i]);
    for (int i = 0; i < SIM_LOGISTICS_COUNT; i++)
        h_i64(&hs, w->arranged[i]);
    h_bytes(&hs, w->fact_verified, (size_t)s->n_facts);
    h_bytes(&hs, w->inject_fired, (size_t)s->n_injects);
    h_bytes(&hs, w->question_state, (size_t)s->n_questions);
    for (int i = 0; i < s->n_facts; i++) {
        h_i64(&hs, w->stated_facts[i]);
        h_f64(&hs, w->stated_values[i]);
    }
    for (int r = 0; r < s->n_rumours; r++) {
        const sim_rumour_state *rs = &w->rumours[r];
        const int64_t iv[] = {rs->active, rs->started, rs->started_at, rs->rebutted_at,
                              rs->heard, rs->spreaders, rs->believers};
        h_bytes(&hs, iv, sizeof iv);
        h_f64(&hs, rs->rebuttal);
        h_f64(&hs, rs->boost);
        h_f64(&hs, rs->reach);
    }
    for (int i = 0; i < w->n_log; i++) {
        const sim_action *a = &w->log[i];
        h_i64(&hs, a->t);
        h_i64(&hs, a->type);
        h_i64(&hs, a->role);
        h_i64(&hs, a->level);
        h_str(&hs, a->target);
        h_str(&hs, a->channel);
        h_str(&hs, a->text);
        if (a->follow_up)   /* hashed only when set: a world without follow-ups hashes as before the flag */
            h_i64(&hs, a->follow_up);
    }
    h_i64(&hs, w->n_queue);
    for (int i = 0; i < w->n_events; i++) {
        const sim_event *e = &w->events[i];
        h_i64(&hs, e->t);
        h_i64(&hs, e->type);
        h_i64(&hs, e->ref);
        h_f64(&hs, e->value);
        h_str(&hs, e->text);
        if (e->text_en)   /* only bilingual notes add to the hash: a plain note hashes as it always did */
            h_str(&hs, e->text_en);
    }
    for (int i = 0; i < w->n_samples; i++) {
        const sim_sample *sm = &w->samples[i];
        const double v[] = {sm->posts_per_hour, sm->reads_total, sm->trust, sm->crowd, sm->rumour_reach};
        h_i64(&hs, sm->t);
        h_bytes(&hs, v, sizeof v);
        h_i64(&hs, sm->level);
    }
    if (s->n_rumours > 0)
        h_bytes(&hs, w->reach_hist, (size_t)w->n_samples * (size_t)s->n_rumours * sizeof *w->reach_hist);
    if (w->n_log > 0)
        h_bytes(&hs, w->receptions, (size_t)w->n_log);
    h_i64(&hs, w->n_posts);
    uint32_t kept = w->n_posts < SIM_FEED_CAP ? w->n_posts : SIM_FEED_CAP;
    for (uint32_t i = 0; i < kept; i++) {
        const sim_post *p = sim_feed_post(w, i);
        const int64_t pv[] = {p->id,     p->t,        p->platform, p->author, p->stance, p->tmpl,
                              p->rumour, p->reposts,  p->account,  p->fact,   p->repost_of, p->opener,
                              p->ending, p->mark,     p->comment,  (int64_t)p->text_hash};
        h_bytes(&hs, pv, sizeof pv);
        h_f64(&hs, p->heat);
    }
    hash_model(&hs, w);
    return hs.h;
}
