/* scenario.c — lifetime and lookups of sim_scenario: documented parameter defaults, freeing
 * every string the loader copied in, and id → index searches. */
#include "scenario.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

void sim_params_default(sim_params *p)
{
    memset(p, 0, sizeof *p);
    p->population = 100000;
    p->mean_follows = 10.0;
    p->leaders = 50;
    p->media = 20;
    p->heat_base = 60.0;
    p->heat_branching = 0.7;
    p->heat_decay_h = 0.5;
    p->reads_per_post = 150.0;
    p->trust0 = 60.0;
    p->crowd0 = 20.0;
    p->media_threshold = 600.0;
    p->warn_reads[0] = 100000.0;
    p->warn_reads[1] = 1000000.0;
    p->warn_reads[2] = 5000000.0;
    p->warn_crowd[0] = 50.0;
    p->warn_crowd[1] = 200.0;
    p->warn_crowd[2] = 1000.0;
    p->tier_posts[0] = 200.0;
    p->tier_posts[1] = 1000.0;
    p->tier_posts[2] = 3000.0;
    p->silence_deadline = 4 * 3600;
}

void sim_scenario_init(sim_scenario *s)
{
    memset(s, 0, sizeof *s);
    sim_params_default(&s->params);
    s->difficulty = 1;
    s->time_scale = 1.0;
    s->duration = 4 * 3600;
    s->starts_at = SIM_NEVER;
}

static void text_free(sim_text *t)
{
    free(t->zh);
    free(t->en);
}

void sim_strlist_free(sim_strlist *l)
{
    for (int i = 0; i < l->count; i++)
        free(l->items[i]);
    free(l->items);
}

void sim_scenario_free(sim_scenario *s)
{
    if (!s)
        return;
    free(s->id);
    free(s->path);
    text_free(&s->title);
    text_free(&s->briefing);
    text_free(&s->place);
    text_free(&s->official);
    free(s->domain);
    free(s->role);
    free(s->plan);
    for (int i = 0; i < s->n_platforms; i++) {
        free(s->platforms[i].id);
        text_free(&s->platforms[i].name);
    }
    for (int i = 0; i < s->n_facts; i++) {
        sim_fact *f = &s->facts[i];
        free(f->id);
        text_free(&f->text);
        free(f->unit);
        free(f->kind);
        sim_strlist_free(&f->synonyms);
        text_free(&f->verified_by);
        free(f->superseded_by);
        sim_strlist_free(&f->subjects);
        sim_strlist_free(&f->topics);
    }
    for (int i = 0; i < s->n_injects; i++) {
        sim_inject *j = &s->injects[i];
        free(j->id);
        free(j->kind);
        text_free(&j->source);
        text_free(&j->text);
    }
    for (int i = 0; i < s->n_rumours; i++) {
        sim_rumour *r = &s->rumours[i];
        free(r->id);
        text_free(&r->claim);
        free(r->platform);
        free(r->rebutted_by);
        sim_strlist_free(&r->synonyms);
    }
    for (int i = 0; i < s->n_claims; i++) {
        sim_claim_def *c = &s->claims[i];
        free(c->id);
        free(c->kind);
        text_free(&c->text);
        text_free(&c->hurts);
        sim_strlist_free(&c->synonyms);
    }
    for (int i = 0; i < s->n_questions; i++) {
        sim_question *q = &s->questions[i];
        free(q->id);
        text_free(&q->reporter);
        text_free(&q->outlet);
        text_free(&q->text);
        text_free(&q->followup);
        sim_strlist_free(&q->expects);
        sim_strlist_free(&q->traps);
        free(q->after_rumour);
    }
    for (int i = 0; i < s->n_templates; i++) {
        free(s->templates[i].platform);
        free(s->templates[i].stance);
        free(s->templates[i].after);
        text_free(&s->templates[i].text);
    }
    for (int i = 0; i < s->n_endings; i++) {
        free(s->endings[i].id);
        text_free(&s->endings[i].text);
    }
    free(s->platforms);
    free(s->facts);
    free(s->injects);
    free(s->rumours);
    free(s->questions);
    free(s->templates);
    free(s->endings);
    free(s->claims);
    for (int i = 0; i < s->n_deadlines; i++)
        free(s->deadlines[i].id);
    free(s->deadlines);
    sim_scenario_norms_free(s->norms);
    sim_scenario_init(s);
}

/* Each array's element type starts with `char *id`, so one search serves them all. */
static int find_id(const void *base, int count, size_t stride, const char *id)
{
    if (!id)
        return -1;
    for (int i = 0; i < count; i++) {
        const char *const *p = (const char *const *)((const char *)base + (size_t)i * stride);
        if (*p && strcmp(*p, id) == 0)
            return i;
    }
    return -1;
}

int sim_scenario_fact(const sim_scenario *s, const char *id)
{
    return find_id(s->facts, s->n_facts, sizeof *s->facts, id);
}

int sim_scenario_inject(const sim_scenario *s, const char *id)
{
    return find_id(s->injects, s->n_injects, sizeof *s->injects, id);
}

int sim_scenario_rumour(const sim_scenario *s, const char *id)
{
    return find_id(s->rumours, s->n_rumours, sizeof *s->rumours, id);
}

int sim_scenario_question(const sim_scenario *s, const char *id)
{
    return find_id(s->questions, s->n_questions, sizeof *s->questions, id);
}

int sim_scenario_platform(const sim_scenario *s, const char *id)
{
    return find_id(s->platforms, s->n_platforms, sizeof *s->platforms, id);
}

int sim_scenario_ending(const sim_scenario *s, const char *id)
{
    return find_id(s->endings, s->n_endings, sizeof *s->endings, id);
}

int sim_scenario_claim(const sim_scenario *s, const char *id)
{
    return find_id(s->claims, s->n_claims, sizeof *s->claims, id);
}

int sim_fact_successor(const sim_scenario *s, int f)
{
    return f >= 0 && f < s->n_facts ? sim_scenario_fact(s, s->facts[f].superseded_by) : -1;
}

const char *sim_text_get(const sim_text *t, const char *lang)
{
    if (lang && strcmp(lang, "en") == 0 && t->en)
        return t->en;
    return t->zh ? t->zh : (t->en ? t->en : "");
}

const sim_deadline_override *sim_scenario_deadline(const sim_scenario *s, const char *id)
{
    int i = find_id(s->deadlines, s->n_deadlines, sizeof *s->deadlines, id);
    return i < 0 ? NULL : &s->deadlines[i];
}
