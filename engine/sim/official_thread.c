/* official_thread.c — the replies under each of the official account's posts (the trainee's public
 * texts): their number grows with time, their tone follows how the public took the text (sim_reception). */
#include "phrases.h"
#include "world_internal.h"

/* A reply arrives every REPLY_EVERY_S after the post, up to SIM_THREAD_REPLIES. */
#define REPLY_EVERY_S 60

/* Which list each reply in turn comes from, by reception: the first sets the tone. */
static const sim_phrase_kind tone[][SIM_THREAD_REPLIES] = {
    [SIM_RECEPTION_WARM] = {SIM_PH_REPLY_SUPPORT, SIM_PH_REPLY_QUESTION, SIM_PH_REPLY_SUPPORT,
                            SIM_PH_REPLY_SUPPORT, SIM_PH_REPLY_QUESTION, SIM_PH_REPLY_SUPPORT},
    [SIM_RECEPTION_QUESTIONS] = {SIM_PH_REPLY_QUESTION, SIM_PH_REPLY_QUESTION, SIM_PH_REPLY_SUPPORT,
                                 SIM_PH_REPLY_QUESTION, SIM_PH_REPLY_QUESTION, SIM_PH_REPLY_SUPPORT},
    [SIM_RECEPTION_MOCKERY] = {SIM_PH_REPLY_MOCK, SIM_PH_REPLY_MOCK, SIM_PH_REPLY_QUESTION,
                               SIM_PH_REPLY_MOCK, SIM_PH_REPLY_MOCK, SIM_PH_REPLY_QUESTION},
    [SIM_RECEPTION_ANGER] = {SIM_PH_REPLY_ANGER, SIM_PH_REPLY_ANGER, SIM_PH_REPLY_MOCK,
                             SIM_PH_REPLY_ANGER, SIM_PH_REPLY_QUESTION, SIM_PH_REPLY_ANGER},
};

/* Tries at drawing a netizen (not a media or official account) to reply. */
#define REPLY_DRAWS 8

static uint32_t reply_account(const sim_world *w, sim_rng *r)
{
    uint32_t v = 0;
    for (int k = 0; k < REPLY_DRAWS; k++) {
        v = sim_rng_below(r, w->model->graph.n);
        if (w->model->kind[v] == SIM_AUTHOR_USER)
            break;
    }
    return v;
}

uint32_t sim_official_account(const sim_world *w)
{
    const sim_world_model *m = w->model;
    return m->n_officials > 0 ? m->officials[0] : 0;
}

int sim_thread_replies(const sim_world *w, int i, const char *lang, sim_thread_reply *out, int max)
{
    sim_reception rec = sim_action_reception(w, i);
    if (rec == SIM_RECEPTION_NONE || !w->phrases || w->model->graph.n == 0)
        return 0;
    const sim_action *a = &w->log[i];
    sim_rng r;
    sim_rng_seed(&r, w->seed, 0x51edu + (uint64_t)i);
    uint32_t start[SIM_PH_COUNT];
    for (int k = 0; k < SIM_PH_COUNT; k++)
        start[k] = sim_rng_u32(&r);
    int n = 0;
    for (int k = 0; k < SIM_THREAD_REPLIES && n < max; k++) {
        sim_time t = a->t + (sim_time)(k + 1) * REPLY_EVERY_S;
        if (t > w->now)
            break;
        sim_phrase_kind list = tone[rec][k];
        /* Consecutive entries of a list from a random start: no reply in a thread says the same twice. */
        out[n].text = sim_phrase(w->phrases, list, start[list]++, lang);
        out[n].account = reply_account(w, &r);
        out[n].t = t;
        n++;
    }
    return n;
}
