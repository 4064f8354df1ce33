/* world_internal.h — how the world's model files talk to each other inside engine/sim:
 * the population and per-rumour account state, and the per-tick functions world.c calls in order. */
#ifndef YQ_SIM_WORLD_INTERNAL_H
#define YQ_SIM_WORLD_INTERNAL_H

#include "graph.h"
#include "world.h"

#define SIM_DT_H ((double)SIM_TICK_S / 3600.0)

/* Account states in a rumour. */
/* INOCULATED: reached by the rebuttal before the rumour; never spreads it and is not counted in its reach. */
enum { RUMOUR_IGNORANT = 0, RUMOUR_SPREADER = 1, RUMOUR_STIFLER = 2, RUMOUR_INOCULATED = 3, RUMOUR_BELIEVES = 4 };

typedef struct rumour_accounts {
    uint8_t *state;        /* per account: RUMOUR_* (low bits) | RUMOUR_BELIEVES */
    uint32_t *spreaders;   /* list of spreading accounts */
    uint32_t *pos;         /* per account: index in spreaders, or UINT32_MAX */
    uint32_t n_spreaders;
} rumour_accounts;

struct sim_world_model {
    sim_graph graph;       /* follow network (undirected CSR) */
    uint8_t *kind;         /* per account: sim_author */
    uint8_t *platform;     /* per account: scenario platform index */
    uint32_t *officials;   /* accounts of kind official (rebuttals start here) */
    uint32_t n_officials;
    uint32_t *amplifiers;  /* leaders and media (reach of engaged rebuttals) */
    uint32_t n_amplifiers;
    rumour_accounts *rumours;
    int n_rumours;
    sim_time *verify_due;  /* per fact: when it becomes verified (may be advanced by requests) */
    int borrowed;          /* a checkpoint's copy: graph, kind, platform, officials and amplifiers belong
                              to the world it was cloned from, which must outlive it */
};

/* population.c */
int sim_population_build(sim_world *w, char *err, int errlen);
void sim_population_free(sim_world *w);

/* rumour_model.c */
int sim_rumour_seed(sim_world *w, int rumour);
void sim_rumour_tick(sim_world *w);
void sim_rumour_rebut(sim_world *w, int rumour, double strength);

/* heat_model.c: advances posts, reads, intensity, sentiment for one tick. */
void sim_heat_tick(sim_world *w);
/* Exogenous burst of posts (an inject). */
void sim_heat_burst(sim_world *w, double posts);

/* trust_model.c: official credibility. Gains shrink as trust nears 100; losses apply in full. */
void sim_trust_change(sim_world *w, double delta);
void sim_trust_tick(sim_world *w);

/* response.c: the world's reaction to an applied action. */
void sim_response_apply(sim_world *w, const sim_action *a);

/* offline_model.c: crowd, hotline and complaints. */
void sim_offline_tick(sim_world *w);

/* feed.c */
void sim_feed_tick(sim_world *w);
/* The instructor's own post (action index in the log) from an account drawn from the seed and the action;
 * platform -1: the account's; rumour: the one its words spread, or -1. */
void sim_feed_custom(sim_world *w, int action, int platform, int rumour);
/* feed_text.c: a hash of the post's zh and en texts (what SIM_FEED_DISTINCT compares). */
uint64_t sim_post_text_hash(const sim_world *w, const sim_post *p);

/* warning.c: warning level and monitoring tier from the metrics and the plan's thresholds. */
void sim_warning_tick(sim_world *w);

/* world.c */
int sim_event_push(sim_world *w, sim_event_type type, int ref, double value, const char *text);

static inline double sim_clamp(double v, double lo, double hi)
{
    return v < lo ? lo : (v > hi ? hi : v);
}

#endif
