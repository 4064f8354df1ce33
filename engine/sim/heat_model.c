/* heat_model.c — the incident's online heat as a self-exciting (Hawkes) process with an exponential
 * kernel: background posts (fading attention, damped or fuelled by handling) beget reposts. */
#include "world_internal.h"

#include <math.h>

/* Public attention to an incident halves every this many hours when nothing new happens. */
#define ATTENTION_HALF_LIFE_H 12.0
/* Each active rumour spreader posts about it this often per hour. */
#define SPREADER_POSTS_H 0.05
/* Each person gathered at the site posts (photos, live streams) this often per hour. */
#define CROWD_POSTS_H 0.5
/* posts_per_hour is smoothed over about this many hours. */
#define RATE_WINDOW_H (10.0 / 60.0)

static double background(const sim_world *w)
{
    const sim_params *p = &w->scn->params;
    double hours = (double)w->now / 3600.0;
    double attention = exp(-0.6931471805599453 * hours / ATTENTION_HALF_LIFE_H);
    double mu = p->heat_base * attention * w->damping + w->fuel + w->m.crowd * CROWD_POSTS_H;
    for (int r = 0; r < w->scn->n_rumours; r++)
        mu += w->rumours[r].spreaders * SPREADER_POSTS_H;
    return mu;
}

static void add_posts(sim_world *w, double posts, double reposts)
{
    const sim_params *p = &w->scn->params;
    double beta = 1.0 / p->heat_decay_h;
    w->heat_intensity += p->heat_branching * beta * posts;
    w->m.posts_total += posts;
    w->m.reads_total += posts * p->reads_per_post;
    w->m.reposts_per_hour += (reposts / SIM_DT_H - w->m.reposts_per_hour) * (SIM_DT_H / RATE_WINDOW_H);
}

void sim_heat_burst(sim_world *w, double posts)
{
    if (posts > 0.0)
        add_posts(w, posts, 0.0);
}

static void update_sentiment(sim_world *w)
{
    double reach = 0.0;
    for (int r = 0; r < w->scn->n_rumours; r++)
        if (w->rumours[r].reach > reach && w->rumours[r].rebuttal < 0.5)
            reach = w->rumours[r].reach;
    double distrust = 1.0 - w->m.trust / 100.0;
    double neg = sim_clamp(0.25 + 0.45 * distrust + 0.3 * reach, 0.05, 0.95);
    double pos = sim_clamp(0.5 * (w->m.trust / 100.0) * (1.0 - neg), 0.0, 1.0 - neg);
    w->m.sentiment[0] = neg;
    w->m.sentiment[2] = pos;
    w->m.sentiment[1] = 1.0 - neg - pos;
}

void sim_heat_tick(sim_world *w)
{
    const sim_params *p = &w->scn->params;
    double beta = 1.0 / p->heat_decay_h;
    double mu = background(w);
    double lambda = mu + w->heat_intensity;
    double count = (double)sim_rng_poisson(&w->rng, lambda * SIM_DT_H);
    double reposts = lambda > 0.0 ? count * (w->heat_intensity / lambda) : 0.0;
    w->heat_intensity *= exp(-beta * SIM_DT_H);
    add_posts(w, count, reposts);
    w->m.posts_per_hour += (count / SIM_DT_H - w->m.posts_per_hour) * (SIM_DT_H / RATE_WINDOW_H);
    if (w->m.posts_per_hour > w->m.peak_posts_per_hour)
        w->m.peak_posts_per_hour = w->m.posts_per_hour;
    update_sentiment(w);
}
