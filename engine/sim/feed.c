/* feed.c — the living feed: posts sampled every tick from the population (account, platform, stance
 * from the sentiment mix and the rumours, heavy-tailed reposts), the instructor's own posts, and how
 * each is phrased (feed_text.c). */
#include "phrases.h"
#include "world_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Sampled posts per tick: heat / FEED_POSTS_DIVISOR, between FEED_MIN and FEED_MAX on average. */
#define FEED_POSTS_DIVISOR 600.0
#define FEED_MIN 0.2
#define FEED_MAX 3.0
/* Chance a sampled post comes from a leader or media account. */
#define FEED_AMPLIFIER_SHARE 0.08
/* Pareto exponent of repost counts, and the boost of amplifiers' reach. */
#define REPOST_ALPHA 1.5
#define AMPLIFIER_REPOSTS 20.0
/* Share of posts that repost an earlier post of the same stance and platform, and how far back they look. */
#define REPOST_SHARE 0.25
#define REPOST_LOOKBACK 80
/* Phrasings tried before a post may repeat one of the last SIM_FEED_DISTINCT texts. */
#define PHRASING_TRIES 24

static const char *const stance_names[SIM_STANCE_COUNT] = {"angry", "worried", "neutral", "supportive", "rumour"};
static const char *const author_names[] = {"user", "leader", "media", "official"};

const char *sim_stance_name(sim_stance s)
{
    return (unsigned)s < SIM_STANCE_COUNT ? stance_names[s] : "";
}

const char *sim_author_name(sim_author a)
{
    return (unsigned)a <= SIM_AUTHOR_OFFICIAL ? author_names[a] : "";
}

/* A template can be used when its slots can be filled: {fact} needs a verified fact. */
static int usable(const sim_world *w, const sim_template *t)
{
    if (t->after && w->first_statement == SIM_NEVER)
        return 0;
    if (!strstr(sim_text_get(&t->text, "zh"), "{fact}"))
        return 1;
    for (int i = 0; i < w->scn->n_facts; i++)
        if (w->fact_verified[i])
            return 1;
    return 0;
}

static int pick_template(sim_world *w, int platform, sim_stance stance)
{
    const sim_scenario *s = w->scn;
    const char *pid = platform >= 0 && platform < s->n_platforms ? s->platforms[platform].id : "";
    int count = 0;
    for (int pass = 0; pass < 2 && count == 0; pass++)
        for (int i = 0; i < s->n_templates; i++) {
            const sim_template *t = &s->templates[i];
            if (strcmp(t->stance, stance_names[stance]) != 0 || !usable(w, t))
                continue;
            if (pass == 0 && strcmp(t->platform, "*") != 0 && strcmp(t->platform, pid) != 0)
                continue;
            count++;
        }
    if (count == 0)
        return -1;
    int want = (int)sim_rng_below(&w->rng, (uint32_t)count);
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < s->n_templates; i++) {
            const sim_template *t = &s->templates[i];
            if (strcmp(t->stance, stance_names[stance]) != 0 || !usable(w, t))
                continue;
            if (pass == 0 && strcmp(t->platform, "*") != 0 && strcmp(t->platform, pid) != 0)
                continue;
            if (want-- == 0)
                return i;
        }
    return -1;
}

/* The rumour a rumour-stance post is about: chosen in proportion to spreaders. */
static int pick_rumour(sim_world *w, double *share)
{
    uint32_t total = 0;
    for (int r = 0; r < w->scn->n_rumours; r++)
        total += w->rumours[r].spreaders;
    *share = sim_clamp((double)total / w->model->graph.n * 50.0, 0.0, 0.5);
    if (total == 0)
        return -1;
    uint32_t u = sim_rng_below(&w->rng, total);
    for (int r = 0; r < w->scn->n_rumours; r++) {
        if (u < w->rumours[r].spreaders)
            return r;
        u -= w->rumours[r].spreaders;
    }
    return -1;
}

/* The newest verified fact, for the {fact} slot; -1 when none. */
static int latest_fact(const sim_world *w)
{
    int fact = -1;
    sim_time best = -1;
    for (int i = 0; i < w->scn->n_facts; i++)
        if (w->fact_verified[i] && w->model->verify_due[i] >= best) {
            best = w->model->verify_due[i];
            fact = i;
        }
    return fact;
}

/* An earlier post of the same stance and platform to repost, or 0. */
static uint32_t pick_original(const sim_world *w, const sim_post *p, sim_rng *r)
{
    uint32_t back = sim_rng_below(r, REPOST_LOOKBACK);
    for (uint32_t k = 0; k < REPOST_LOOKBACK; k++) {
        const sim_post *q = sim_feed_post(w, (back + k) % REPOST_LOOKBACK);
        if (q && q->stance == p->stance && q->platform == p->platform && q->account != p->account)
            return q->id;
    }
    return 0;
}

static int recently_said(const sim_world *w, uint64_t h)
{
    for (uint32_t b = 0; b + 1 < SIM_FEED_DISTINCT; b++) {
        const sim_post *q = sim_feed_post(w, b);
        if (!q)
            break;
        if (q->text_hash == h)
            return 1;
    }
    return 0;
}

/* How the post is phrased: drawn from its own generator (seed and post id), so the phrasebook never
 * moves the world's random sequence; redrawn while its text repeats one of the last posts'. */
static void phrase_post(const sim_world *w, sim_post *p)
{
    sim_rng r;
    sim_rng_seed(&r, w->seed, 0x7e3du + (uint64_t)p->id);
    if (!w->phrases) {
        p->text_hash = sim_post_text_hash(w, p);
        return;
    }
    if (sim_rng_double(&r) < REPOST_SHARE)
        p->repost_of = pick_original(w, p, &r);
    for (int i = 0; i < PHRASING_TRIES; i++) {
        p->opener = sim_rng_u32(&r);
        p->ending = sim_rng_u32(&r);
        p->mark = sim_rng_u32(&r);
        p->comment = sim_rng_u32(&r);
        p->text_hash = sim_post_text_hash(w, p);
        if (!recently_said(w, p->text_hash))
            return;
    }
}

static void sample_post(sim_world *w)
{
    const sim_world_model *m = w->model;
    uint32_t v = sim_rng_double(&w->rng) < FEED_AMPLIFIER_SHARE
                     ? m->amplifiers[sim_rng_below(&w->rng, m->n_amplifiers)]
                     : sim_rng_below(&w->rng, m->graph.n);
    sim_post p = {.id = w->n_posts + 1, .t = w->now, .platform = m->platform[v],
                  .author = (sim_author)m->kind[v], .rumour = -1, .action = -1, .account = v,
                  .heat = w->m.posts_per_hour};
    double rumour_share;
    int r = pick_rumour(w, &rumour_share);
    double u = sim_rng_double(&w->rng);
    if (r >= 0 && u < rumour_share) {
        p.stance = SIM_STANCE_RUMOUR;
        p.rumour = r;
    } else {
        u = sim_rng_double(&w->rng);
        double neg = w->m.sentiment[0], neu = w->m.sentiment[1];
        if (u < neg * 0.5)
            p.stance = SIM_STANCE_ANGRY;
        else if (u < neg)
            p.stance = SIM_STANCE_WORRIED;
        else if (u < neg + neu)
            p.stance = SIM_STANCE_NEUTRAL;
        else
            p.stance = SIM_STANCE_SUPPORTIVE;
    }
    p.tmpl = pick_template(w, p.platform, p.stance);
    if (p.tmpl < 0)
        return;
    double boost = p.author == SIM_AUTHOR_LEADER || p.author == SIM_AUTHOR_MEDIA ? AMPLIFIER_REPOSTS : 1.0;
    double pareto = pow(1.0 - sim_rng_double(&w->rng), -1.0 / REPOST_ALPHA) - 1.0;
    p.reposts = (uint32_t)fmin(pareto * boost * 3.0, 1e9);
    p.fact = latest_fact(w);
    phrase_post(w, &p);
    w->feed[w->n_posts % SIM_FEED_CAP] = p;
    w->n_posts++;
}

void sim_feed_custom(sim_world *w, int action, int platform, int rumour)
{
    const sim_world_model *m = w->model;
    if (!m || m->graph.n == 0)
        return;
    sim_rng r;
    sim_rng_seed(&r, w->seed, 0xc057u + (uint64_t)action);
    uint32_t v = sim_rng_below(&r, m->graph.n);
    sim_post p = {.id = w->n_posts + 1, .t = w->now, .platform = platform >= 0 ? platform : m->platform[v],
                  .author = (sim_author)m->kind[v], .stance = rumour >= 0 ? SIM_STANCE_RUMOUR : SIM_STANCE_NEUTRAL,
                  .tmpl = -1, .rumour = rumour, .action = action, .account = v, .fact = -1,
                  .heat = w->m.posts_per_hour};
    p.text_hash = sim_post_text_hash(w, &p);
    w->feed[w->n_posts % SIM_FEED_CAP] = p;
    w->n_posts++;
}

void sim_feed_tick(sim_world *w)
{
    if (w->scn->n_templates == 0)
        return;
    double mean = sim_clamp(w->m.posts_per_hour / FEED_POSTS_DIVISOR, FEED_MIN, FEED_MAX);
    uint32_t k = sim_rng_poisson(&w->rng, mean);
    for (uint32_t i = 0; i < k; i++)
        sample_post(w);
}

const sim_post *sim_feed_post(const sim_world *w, uint32_t back)
{
    if (back >= w->n_posts || back >= SIM_FEED_CAP)
        return NULL;
    return &w->feed[(w->n_posts - 1 - back) % SIM_FEED_CAP];
}

const sim_post *sim_feed_find(const sim_world *w, uint32_t id)
{
    return id >= 1 && id <= w->n_posts ? sim_feed_post(w, w->n_posts - id) : NULL;
}

void sim_world_set_phrases(sim_world *w, const sim_phrasebook *pb)
{
    w->phrases = pb;
}
