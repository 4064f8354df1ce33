/* check.c — scn_check: everything scn_load cannot see in one declaration — cross-references, times
 * within the duration, unused facts, unverifiable rebuttals, missing translations, unreachable
 * endings — then the dry run of every trigger (dry_run.c); a file whose declarations had problems
 * still gets these checks, so one pass reports everything. */
#include "scn_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct checker {
    const sim_scenario *s;
    const scn_script *sc;
    scn_problems *p;
} checker;

#define PROBLEM(c, line, ...) scn_problems_add((c)->p, (c)->sc->path, line, __VA_ARGS__)

/* Occurrences of the id as a quoted string ("id" or 'id') in scenario.lua. */
static int quoted_count(const char *src, const char *id)
{
    int count = 0;
    size_t n = strlen(id);
    for (const char *p = src; (p = strstr(p, id)) != NULL; p += n) {
        if (p > src && (p[-1] == '"' || p[-1] == '\'') && p[n] == p[-1])
            count++;
    }
    return count;
}

/* Whether the source calls name("id") / name('id') / name "id", or sets name = "id" (a yq effect),
 * spaces allowed. */
static int calls_with(const char *src, const char *name, const char *id)
{
    size_t nn = strlen(name), ni = strlen(id);
    for (const char *p = src; (p = strstr(p, name)) != NULL; p += nn) {
        const char *q = p + nn;
        while (*q == ' ' || *q == '\t')
            q++;
        if (*q == '(' || *q == '=')
            q++;
        while (*q == ' ' || *q == '\t')
            q++;
        if ((*q == '"' || *q == '\'') && strncmp(q + 1, id, ni) == 0 && q[1 + ni] == *q)
            return 1;
    }
    return 0;
}

static void check_time(checker *c, int line, const char *label, const char *field, sim_time t)
{
    char a[32], b[32];
    if (t != SIM_NEVER && (t < 0 || t > c->s->duration))
        PROBLEM(c, line, "%s: '%s' %s lies outside the scenario's duration 00:00..%s", label, field,
                scn_time_format(t, a, sizeof a), scn_time_format(c->s->duration, b, sizeof b));
}

static void check_fact_ids(checker *c, int line, const char *label, const char *field, const sim_strlist *l)
{
    for (int i = 0; i < l->count; i++)
        if (sim_scenario_fact(c->s, l->items[i]) < 0)
            PROBLEM(c, line, "%s: '%s' names an unknown fact '%s'", label, field, l->items[i]);
}

/* superseded_by: a known fact, verified after this one, without a cycle. */
static void check_successor(checker *c, int i, const char *label)
{
    const sim_scenario *s = c->s;
    const sim_fact *f = &s->facts[i];
    if (!f->superseded_by)
        return;
    int next = sim_fact_successor(s, i);
    if (next < 0) {
        PROBLEM(c, f->line, "%s: 'superseded_by' names an unknown fact '%s'", label, f->superseded_by);
        return;
    }
    int steps = 0;
    for (int k = next; k >= 0 && steps <= s->n_facts; k = sim_fact_successor(s, k))
        steps++;
    if (steps > s->n_facts)
        PROBLEM(c, f->line, "%s: 'superseded_by' forms a cycle through '%s'", label, f->superseded_by);
    else if (s->facts[next].verified_at != SIM_NEVER && f->verified_at != SIM_NEVER &&
             s->facts[next].verified_at <= f->verified_at)
        PROBLEM(c, f->line, "%s: its successor '%s' is verified no later than it is", label, f->superseded_by);
}

static void check_references(checker *c)
{
    const sim_scenario *s = c->s;
    char label[160];
    if (s->n_platforms == 0)
        PROBLEM(c, c->sc->scenario_line, "no platform declared (rumours and the feed need at least one)");
    for (int i = 0; i < s->n_rumours; i++) {
        const sim_rumour *r = &s->rumours[i];
        snprintf(label, sizeof label, "rumour '%s'", r->id);
        if (sim_scenario_platform(s, r->platform) < 0)
            PROBLEM(c, r->line, "%s: unknown platform '%s'", label, r->platform);
        check_time(c, r->line, label, "start", r->start);
        if (!r->rebutted_by) {
            PROBLEM(c, r->line, "%s: no 'rebutted_by' fact, so it can never be rebutted with a verified fact", label);
            continue;
        }
        int f = sim_scenario_fact(s, r->rebutted_by);
        if (f < 0)
            PROBLEM(c, r->line, "%s: 'rebutted_by' names an unknown fact '%s'", label, r->rebutted_by);
        else if (s->facts[f].verified_at == SIM_NEVER && !calls_with(c->sc->source, "verify", r->rebutted_by))
            PROBLEM(c, r->line, "%s: its rebutting fact '%s' is never verified (no verified_at, no w.verify)", label,
                    r->rebutted_by);
    }
    for (int i = 0; i < s->n_questions; i++) {
        const sim_question *q = &s->questions[i];
        snprintf(label, sizeof label, "question '%s'", q->id);
        check_fact_ids(c, q->line, label, "expects", &q->expects);
        check_fact_ids(c, q->line, label, "traps", &q->traps);
        if (q->expects.count == 0)
            PROBLEM(c, q->line, "%s: 'expects' names no fact, so no answer can be recognised as good", label);
        check_time(c, q->line, label, "at", q->at);
        if (q->after_rumour && sim_scenario_rumour(s, q->after_rumour) < 0)
            PROBLEM(c, q->line, "%s: 'after_rumour' names an unknown rumour '%s'", label, q->after_rumour);
    }
    for (int i = 0; i < s->n_facts; i++) {
        const sim_fact *f = &s->facts[i];
        snprintf(label, sizeof label, "fact '%s'", f->id);
        check_time(c, f->line, label, "verified_at", f->verified_at);
        check_successor(c, i, label);
        int used = f->superseded_by != NULL;
        for (int k = 0; k < s->n_facts && !used; k++)
            used = sim_fact_successor(s, k) == i;
        for (int r = 0; r < s->n_rumours && !used; r++)
            used = s->rumours[r].rebutted_by && strcmp(s->rumours[r].rebutted_by, f->id) == 0;
        for (int q = 0; q < s->n_questions && !used; q++) {
            const sim_question *qq = &s->questions[q];
            for (int k = 0; k < qq->expects.count && !used; k++)
                used = strcmp(qq->expects.items[k], f->id) == 0;
            for (int k = 0; k < qq->traps.count && !used; k++)
                used = strcmp(qq->traps.items[k], f->id) == 0;
        }
        if (!used)
            PROBLEM(c, f->line, "%s: no rumour or question uses it", label);
    }
    for (int i = 0; i < s->n_injects; i++) {
        snprintf(label, sizeof label, "inject '%s'", s->injects[i].id);
        check_time(c, s->injects[i].line, label, "at", s->injects[i].at);
    }
    for (int i = 0; i < s->n_claims; i++) {
        snprintf(label, sizeof label, "claim '%s'", s->claims[i].id);
        check_time(c, s->claims[i].line, label, "verified_at", s->claims[i].verified_at);
    }
    for (int i = 0; i < s->n_templates; i++) {
        const sim_template *t = &s->templates[i];
        if (strcmp(t->platform, "*") != 0 && sim_scenario_platform(s, t->platform) < 0)
            PROBLEM(c, t->line, "template: unknown platform '%s' (use a platform id or \"*\")", t->platform);
    }
    for (int i = 0; i < s->n_endings; i++)
        if (quoted_count(c->sc->source, s->endings[i].id) < 2)
            PROBLEM(c, s->endings[i].line, "ending '%s': no trigger reaches it (w.ending(\"%s\") appears nowhere)",
                    s->endings[i].id, s->endings[i].id);
    for (int i = 0; i < s->n_deadlines; i++) {
        snprintf(label, sizeof label, "scenario: deadlines.%s", s->deadlines[i].id);
        check_time(c, s->deadlines[i].line, label, "limit", s->deadlines[i].at);
    }
    for (int i = 0; i < c->sc->n_trig; i++) {
        const scn_trigger *t = &c->sc->trig[i];
        if (t->kind == SCN_TRIG_THRESHOLD && t->metric == SCN_METRIC_TIME)
            check_time(c, t->line, "on_threshold", "time", (sim_time)t->value);
    }
}

static void need_en(checker *c, int line, const char *label, const char *field, const sim_text *t)
{
    if (t->zh && !t->en)
        PROBLEM(c, line, "%s: '%s' has no en text (languages include \"en\")", label, field);
}

static void check_translations(checker *c)
{
    const sim_scenario *s = c->s;
    char label[160];
    if (!s->bilingual)
        return;
    int line = c->sc->scenario_line;
    snprintf(label, sizeof label, "scenario '%s'", s->id);
    need_en(c, line, label, "title", &s->title);
    need_en(c, line, label, "briefing", &s->briefing);
    need_en(c, line, label, "place", &s->place);
    need_en(c, line, label, "official", &s->official);
    for (int i = 0; i < s->n_platforms; i++) {
        snprintf(label, sizeof label, "platform '%s'", s->platforms[i].id);
        need_en(c, s->platforms[i].line, label, "name", &s->platforms[i].name);
    }
    for (int i = 0; i < s->n_facts; i++) {
        snprintf(label, sizeof label, "fact '%s'", s->facts[i].id);
        need_en(c, s->facts[i].line, label, "text", &s->facts[i].text);
        need_en(c, s->facts[i].line, label, "verified_by", &s->facts[i].verified_by);
    }
    for (int i = 0; i < s->n_injects; i++) {
        snprintf(label, sizeof label, "inject '%s'", s->injects[i].id);
        need_en(c, s->injects[i].line, label, "source", &s->injects[i].source);
        need_en(c, s->injects[i].line, label, "text", &s->injects[i].text);
    }
    for (int i = 0; i < s->n_rumours; i++) {
        snprintf(label, sizeof label, "rumour '%s'", s->rumours[i].id);
        need_en(c, s->rumours[i].line, label, "claim", &s->rumours[i].claim);
    }
    for (int i = 0; i < s->n_claims; i++) {
        snprintf(label, sizeof label, "claim '%s'", s->claims[i].id);
        need_en(c, s->claims[i].line, label, "text", &s->claims[i].text);
    }
    for (int i = 0; i < s->n_questions; i++) {
        const sim_question *q = &s->questions[i];
        snprintf(label, sizeof label, "question '%s'", q->id);
        need_en(c, q->line, label, "reporter", &q->reporter);
        need_en(c, q->line, label, "outlet", &q->outlet);
        need_en(c, q->line, label, "text", &q->text);
        need_en(c, q->line, label, "followup", &q->followup);
    }
    for (int i = 0; i < s->n_templates; i++)
        need_en(c, s->templates[i].line, "template", "text", &s->templates[i].text);
    for (int i = 0; i < s->n_endings; i++) {
        snprintf(label, sizeof label, "ending '%s'", s->endings[i].id);
        need_en(c, s->endings[i].line, label, "text", &s->endings[i].text);
    }
}

static void check_folder_name(checker *c)
{
    const char *path = c->sc->path;
    const char *end = strrchr(path, '/');
    if (!end || !c->s->id)
        return;
    const char *start = end;
    while (start > path && start[-1] != '/')
        start--;
    size_t n = (size_t)(end - start);
    if (n == 0 || (n == 1 && *start == '.') || (n == 2 && start[0] == '.' && start[1] == '.'))
        return;
    if (strlen(c->s->id) != n || strncmp(c->s->id, start, n) != 0)
        PROBLEM(c, c->sc->scenario_line, "scenario id '%s' differs from its folder name '%.*s'", c->s->id, (int)n, start);
}

int scn_check(const char *path, scn_problems *probs)
{
    return scn_check_with(path, probs, NULL, NULL);
}

int scn_check_with(const char *path, scn_problems *probs, scn_more_check more, void *ctx)
{
    scn_problems local = {0};
    scn_problems *p = probs ? probs : &local;
    int start = p->count;
    sim_scenario s;
    scn_script *sc = NULL;
    int partial;
    if (scn_load_checkable(path, &s, &sc, p, &partial) == 0) {
        checker c = {&s, sc, p};
        check_folder_name(&c);
        check_references(&c);
        check_translations(&c);
        scn_dry_run(sc, &s, p, partial);
        if (more)
            more(&s, p, ctx);
        scn_free(sc);
        sim_scenario_free(&s);
    }
    int n = p->count - start;
    scn_problems_free(&local);
    return n;
}
