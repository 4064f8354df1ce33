/* scenario_norms.c — a scenario's phrases (facts' texts, synonyms, subjects, topics and units; rumours' and
 * declared claims' texts and synonyms) normalised once, so each read of a text searches them as they are. */
#include "text.h"

#include <stdlib.h>

static void list_free(sim_norm_list *l)
{
    for (int i = 0; l->items && i < l->count; i++)
        sim_norm_free(&l->items[i]);
    free(l->items);
}

/* With a text t: its zh and en (either may be NULL), then the items of `more`. 0, or -1 when out of memory. */
static int list_make(sim_norm_list *l, const sim_text *t, const sim_strlist *more)
{
    int head = t ? 2 : 0;
    l->count = head + more->count;
    l->items = calloc((size_t)l->count + 1, sizeof *l->items);
    if (!l->items)
        return -1;
    const char *texts[2] = {t ? t->zh : NULL, t ? t->en : NULL};
    for (int i = 0; i < l->count; i++) {
        const char *p = i < head ? texts[i] : more->items[i - head];
        if (p && sim_norm_make(&l->items[i], p))
            return -1;
    }
    return 0;
}

void sim_scenario_norms_free(sim_scenario_norms *sn)
{
    if (!sn)
        return;
    for (int f = 0; f < sn->n_facts; f++) {
        list_free(&sn->fact_phrases[f]);
        list_free(&sn->fact_subjects[f]);
        list_free(&sn->fact_topics[f]);
        sim_norm_free(&sn->fact_units[f]);
    }
    for (int r = 0; r < sn->n_rumours; r++)
        list_free(&sn->rumour_phrases[r]);
    for (int c = 0; c < sn->n_claims; c++)
        list_free(&sn->claim_phrases[c]);
    free(sn->fact_phrases);
    free(sn->fact_subjects);
    free(sn->fact_topics);
    free(sn->fact_units);
    free(sn->rumour_phrases);
    free(sn->claim_phrases);
    free(sn);
}

sim_scenario_norms *sim_scenario_norms_make(const sim_scenario *s)
{
    sim_scenario_norms *sn = calloc(1, sizeof *sn);
    if (!sn)
        return NULL;
    size_t nf = (size_t)s->n_facts + 1, nr = (size_t)s->n_rumours + 1, nc = (size_t)s->n_claims + 1;
    sn->fact_phrases = calloc(nf, sizeof *sn->fact_phrases);
    sn->fact_subjects = calloc(nf, sizeof *sn->fact_subjects);
    sn->fact_topics = calloc(nf, sizeof *sn->fact_topics);
    sn->fact_units = calloc(nf, sizeof *sn->fact_units);
    sn->rumour_phrases = calloc(nr, sizeof *sn->rumour_phrases);
    sn->claim_phrases = calloc(nc, sizeof *sn->claim_phrases);
    int failed = !sn->fact_phrases || !sn->fact_subjects || !sn->fact_topics || !sn->fact_units ||
                 !sn->rumour_phrases || !sn->claim_phrases;
    if (!failed) {
        sn->n_facts = s->n_facts;
        sn->n_rumours = s->n_rumours;
        sn->n_claims = s->n_claims;
    }
    for (int f = 0; !failed && f < s->n_facts; f++) {
        const sim_fact *x = &s->facts[f];
        failed = list_make(&sn->fact_phrases[f], &x->text, &x->synonyms) ||
                 list_make(&sn->fact_subjects[f], NULL, &x->subjects) ||
                 list_make(&sn->fact_topics[f], NULL, &x->topics) ||
                 (x->unit && sim_norm_make(&sn->fact_units[f], x->unit));
    }
    for (int r = 0; !failed && r < s->n_rumours; r++)
        failed = list_make(&sn->rumour_phrases[r], &s->rumours[r].claim, &s->rumours[r].synonyms);
    for (int c = 0; !failed && c < s->n_claims; c++)
        failed = list_make(&sn->claim_phrases[c], &s->claims[c].text, &s->claims[c].synonyms);
    if (failed) {
        sim_scenario_norms_free(sn);
        return NULL;
    }
    return sn;
}

int sim_scenario_prepare(sim_scenario *s)
{
    sim_scenario_norms_free(s->norms);
    s->norms = sim_scenario_norms_make(s);
    return s->norms ? 0 : -1;
}

const sim_scenario_norms *sim_scenario_norms_of(const sim_scenario *s, sim_scenario_norms **own)
{
    *own = NULL;
    if (s->norms)
        return s->norms;
    *own = sim_scenario_norms_make(s);
    return *own;
}
