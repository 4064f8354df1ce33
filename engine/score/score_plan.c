/* score_plan.c — the emergency plan as data: its vocabulary (competencies, metrics, lexicon lists,
 * fact kinds), loading scenarios/plans/<id>.json, freeing it, and copying its thresholds into a world. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "plan_parse.h"

#define SCORE_PLAN_MAX_BYTES (1024L * 1024L)

/* NULL-terminated so it also serves as the list of allowed "weights" keys. */
const char *const score_competency_keys[SCORE_COMPETENCY_COUNT + 1] = {
    "assessment", "release", "media", "rumour", "command", "care", NULL,
};

const char *score_competency_name(score_competency c)
{
    return (unsigned)c < SCORE_COMPETENCY_COUNT ? score_competency_keys[c] : NULL;
}

int score_competency_parse(const char *name)
{
    for (int i = 0; name && i < SCORE_COMPETENCY_COUNT; i++)
        if (strcmp(score_competency_keys[i], name) == 0)
            return i;
    return -1;
}

static const char *const metric_names[METRIC_COUNT] = {
    "peak_posts_per_hour", "final_posts_per_hour", "max_rumour_reach", "final_trust",
    "reads_total", "complaints", "final_crowd",
    "mean_posts_per_hour", "mean_rumour_reach", "mean_trust", "mean_crowd",
};

int score_metric_parse(const char *name)
{
    for (int i = 0; i < METRIC_COUNT; i++)
        if (strcmp(metric_names[i], name) == 0)
            return i;
    return -1;
}

int score_lex_parse(const char *name)
{
    for (int k = 0; k < SIM_LEX_COUNT; k++)
        if (strcmp(sim_lex_name((sim_lex_kind)k), name) == 0)
            return k;
    return -1;
}

int score_scenario_text_parse(const char *name)
{
    if (strcmp(name, "place") == 0)
        return 0;
    if (strcmp(name, "official") == 0)
        return 1;
    return -1;
}

/* Fact kinds a plan may name (scenario.h documents the kinds; "*" is any fact). */
int score_fact_kind_known(const char *k)
{
    static const char *const kinds[] = {"number", "cause", "place", "time", "measure", "other", "*"};
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        if (strcmp(kinds[i], k) == 0)
            return 1;
    return 0;
}

/* Read a whole plan file: a regular file of at most SCORE_PLAN_MAX_BYTES. 0, or -1 with err. */
static int read_plan_file(const char *path, char **text, char *err, int errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, (size_t)errlen, "%s: cannot open", path);
        return -1;
    }
    struct stat st;
    const char *why = NULL;
    if (fstat(fileno(f), &st) != 0)
        why = "cannot read";
    else if (!S_ISREG(st.st_mode))
        why = "not a regular file";
    else if (st.st_size > SCORE_PLAN_MAX_BYTES)
        why = "larger than 1 MiB: not a plan file";
    if (why) {
        fclose(f);
        snprintf(err, (size_t)errlen, "%s: %s", path, why);
        return -1;
    }
    char *buf = malloc((size_t)st.st_size + 1);
    size_t len = buf ? fread(buf, 1, (size_t)st.st_size + 1, f) : 0;
    int bad = !buf || ferror(f) || len > (size_t)st.st_size;
    fclose(f);
    if (bad) {
        free(buf);
        snprintf(err, (size_t)errlen, "%s: %s", path, !buf ? "out of memory" : "read error (changed while read?)");
        return -1;
    }
    buf[len] = '\0';
    *text = buf;
    return 0;
}

int score_plan_load(const char *path, score_plan **out, char *err, int errlen)
{
    *out = NULL;
    char *buf = NULL;
    if (read_plan_file(path, &buf, err, errlen))
        return -1;
    int rc = score_plan_parse(buf, path, out, err, errlen);
    free(buf);
    return rc;
}

static void free_parts(plan_part *parts, int n)
{
    for (int i = 0; i < n; i++) {
        free(parts[i].id);
        score_pj_text_free(&parts[i].title);
        score_pj_detector_free(&parts[i].d);
    }
    free(parts);
}

void score_plan_free(score_plan *p)
{
    if (!p)
        return;
    free(p->id);
    score_pj_text_free(&p->title);
    free(p->kind);
    free(p->lens);
    for (int i = 0; i < p->n_deadlines; i++) {
        score_pj_head_free(&p->deadlines[i].h);
        score_pj_strlist_free(&p->deadlines[i].fact_kinds);
    }
    free(p->deadlines);
    score_pj_head_free(&p->order);
    for (int i = 0; i < p->n_groups; i++) {
        free(p->groups[i].id);
        score_pj_text_free(&p->groups[i].title);
        score_pj_text_free(&p->groups[i].duties);
    }
    free(p->groups);
    for (int i = 0; i < p->n_steps; i++) {
        score_pj_head_free(&p->steps[i].h);
        free(p->steps[i].by.id);
        free(p->steps[i].group);
        free_parts(p->steps[i].content, p->steps[i].n_content);
    }
    free(p->steps);
    for (int i = 0; i < p->n_elements; i++) {
        score_pj_head_free(&p->elements[i].h);
        free(p->elements[i].by.id);
        score_pj_detector_free(&p->elements[i].d);
    }
    free(p->elements);
    score_pj_head_free(&p->three_part.h);
    free_parts(p->three_part.parts, p->three_part.n_parts);
    score_pj_head_free(&p->forbidden.h);
    score_pj_strlist_free(&p->forbidden.phrases);
    score_pj_head_free(&p->flood.h);
    score_pj_head_free(&p->unverified.h);
    score_pj_head_free(&p->wrong.h);
    score_pj_head_free(&p->false_.h);
    score_pj_head_free(&p->rumour_spread.h);
    score_pj_head_free(&p->contradiction.h);
    score_pj_head_free(&p->rebuttal.h);
    score_pj_head_free(&p->answers.h);
    score_pj_detector_free(&p->answers.evasion);
    score_pj_detector_free(&p->answers.stiff_words);
    score_pj_detector_free(&p->answers.pending);
    score_pj_head_free(&p->correction.h);
    for (int i = 0; i < p->n_outcomes; i++)
        score_pj_head_free(&p->outcomes[i].h);
    free(p->outcomes);
    free(p);
}

const char *score_plan_id(const score_plan *p)
{
    return p->id;
}

const char *score_plan_title(const score_plan *p, const char *lang)
{
    return sim_text_get(&p->title, lang);
}

void score_plan_apply(const score_plan *p, sim_params *params)
{
    params->warn_reads_window = (sim_time)llround(p->warn_reads_window * 60.0);
    for (int i = 0; i < 3; i++) {
        params->warn_reads[i] = p->warn_reads[i];
        params->tier_posts[i] = p->tier_posts[i];
        if (p->has_warn_crowd)
            params->warn_crowd[i] = p->warn_crowd[i];
    }
    for (int i = 0; i < p->n_deadlines; i++) {
        if (p->deadlines[i].what == WHEN_PUBLIC) {
            params->silence_deadline = (sim_time)llround(p->deadlines[i].minutes * 60.0);
            break;
        }
    }
}
