/* feed.c — the living feed: posts sampled every tick from the population (platform, author kind,
 * stance from the sentiment mix and the rumours, heavy-tailed reposts) and their texts from templates. */
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

static void sample_post(sim_world *w)
{
    const sim_world_model *m = w->model;
    uint32_t v = sim_rng_double(&w->rng) < FEED_AMPLIFIER_SHARE
                     ? m->amplifiers[sim_rng_below(&w->rng, m->n_amplifiers)]
                     : sim_rng_below(&w->rng, m->graph.n);
    sim_post p = {.id = w->n_posts + 1, .t = w->now, .platform = m->platform[v],
                  .author = (sim_author)m->kind[v], .rumour = -1};
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

/* The newest verified fact's text, for the {fact} slot. */
static const char *latest_fact(const sim_world *w, const char *lang)
{
    const char *text = "";
    sim_time best = -1;
    for (int i = 0; i < w->scn->n_facts; i++)
        if (w->fact_verified[i] && w->model->verify_due[i] >= best) {
            best = w->model->verify_due[i];
            text = sim_text_get(&w->scn->facts[i].text, lang);
        }
    return text;
}

const char *sim_post_text(const sim_world *w, const sim_post *p, const char *lang, char *buf, size_t len)
{
    static const char *const slots[] = {"{place}", "{official}", "{rumour}", "{fact}"};
    const sim_scenario *s = w->scn;
    const char *src = p->tmpl >= 0 && p->tmpl < s->n_templates ? sim_text_get(&s->templates[p->tmpl].text, lang) : "";
    const char *fill[4] = {
        sim_text_get(&s->place, lang),
        sim_text_get(&s->official, lang),
        p->rumour >= 0 ? sim_text_get(&s->rumours[p->rumour].claim, lang) : "",
        latest_fact(w, lang),
    };
    size_t o = 0;
    if (len == 0)
        return buf;
    while (*src && o + 1 < len) {
        int slot = -1;
        for (int i = 0; i < 4 && slot < 0; i++)
            if (strncmp(src, slots[i], strlen(slots[i])) == 0)
                slot = i;
        if (slot < 0) {
            buf[o++] = *src++;
            continue;
        }
        int wrote = snprintf(buf + o, len - o, "%s", fill[slot]);
        o += wrote > 0 ? (size_t)wrote : 0;
        if (o >= len)
            o = len - 1;
        src += strlen(slots[slot]);
    }
    buf[o] = '\0';
    return buf;
}
