/* console_out.c — text and JSON output of the headless runner (see console_out.h).
 * Texts come from the scenario and the plan; this file only lays them out. */
#include "console_out.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>

static const char *const tier_names[4] = {"none", "attention", "warning", "crisis"};

static const char *event_text(const sim_world *w, const sim_event *e, const char *lang)
{
    const sim_scenario *s = w->scn;
    switch (e->type) {
    case SIM_EV_INJECT: return sim_text_get(&s->injects[e->ref].text, lang);
    case SIM_EV_FACT_VERIFIED: return sim_text_get(&s->facts[e->ref].text, lang);
    case SIM_EV_RUMOUR_START:
    case SIM_EV_RUMOUR_REBUTTED: return sim_text_get(&s->rumours[e->ref].claim, lang);
    case SIM_EV_QUESTION:
    case SIM_EV_FOLLOWUP:
        return e->type == SIM_EV_QUESTION ? sim_text_get(&s->questions[e->ref].text, lang)
                                          : sim_text_get(&s->questions[e->ref].followup, lang);
    case SIM_EV_MEDIA_REPORT: return e->ref >= 0 ? sim_text_get(&s->questions[e->ref].outlet, lang) : "";
    case SIM_EV_LEVEL: return sim_level_name((int)e->value);
    case SIM_EV_TIER: return tier_names[(int)e->value & 3];
    case SIM_EV_ACTION: {
        const sim_action *a = &w->log[e->ref];
        return a->text ? a->text : a->target ? a->target : sim_action_type_name(a->type);
    }
    case SIM_EV_NOTE: return sim_event_note(e, lang);
    case SIM_EV_ENDING: return sim_text_get(&s->endings[e->ref].text, lang);
    default: return "";
    }
}

void app_print_events(FILE *out, const sim_world *w, int from, const char *lang)
{
    for (int i = from; i < w->n_events; i++) {
        const sim_event *e = &w->events[i];
        long long t = (long long)e->t;
        const char *kind = sim_event_type_name(e->type);
        if (e->type == SIM_EV_ACTION)
            kind = sim_action_type_name(w->log[e->ref].type);
        fprintf(out, "%02lld:%02lld:%02lld %-16s %s\n", t / 3600, t / 60 % 60, t % 60, kind,
                event_text(w, e, lang));
    }
}

void app_print_scorecard(FILE *out, const score_card *c, int json, const char *lang)
{
    if (json) {
        char *text = score_card_to_json(c);
        if (text)
            fprintf(out, "%s\n", text);
        free(text);
        return;
    }
    fprintf(out, "\n== scorecard (plan %s) ==\ntotal: %.1f / 100\n", c->plan, c->total);
    for (int k = 0; k < SCORE_COMPETENCY_COUNT; k++)
        fprintf(out, "  %-12s %5.1f\n", score_competency_name((score_competency)k), c->competencies[k]);
    for (int i = 0; i < c->n_lines; i++) {
        const score_line *l = &c->lines[i];
        fprintf(out, "%6.1f/%-5.1f %-28s %s%s\n", l->points, l->max, l->id, score_line_why_in(l, lang),
                l->overridden ? " [override]" : "");
    }
}

/* The largest reach any rumour had at any sample. */
static double max_reach(const sim_world *w)
{
    double best = 0;
    for (int i = 0; i < w->n_samples; i++)
        if (w->samples[i].rumour_reach > best)
            best = w->samples[i].rumour_reach;
    return best;
}

int app_print_run(FILE *out, const score_card *c, const sim_world *w, int json, const char *lang)
{
    if (!w || !json) {
        app_print_scorecard(out, c, json, lang);
        if (w)
            fprintf(out, "world: trust %.1f, crowd %.0f, posts/hour %.0f, largest rumour reach %.1f%%, hash %016llx\n",
                    w->m.trust, w->m.crowd, w->m.posts_per_hour, 100.0 * max_reach(w), (unsigned long long)sim_hash(w));
        return 0;
    }
    char *text = score_card_to_json(c), hash[24];
    cJSON *root = text ? cJSON_Parse(text) : NULL;
    free(text);
    cJSON *world = root ? cJSON_AddObjectToObject(root, "world") : NULL;
    snprintf(hash, sizeof hash, "%016llx", (unsigned long long)sim_hash(w));
    if (!world || !cJSON_AddNumberToObject(world, "trust", w->m.trust) ||
        !cJSON_AddNumberToObject(world, "crowd", w->m.crowd) ||
        !cJSON_AddNumberToObject(world, "posts_per_hour", w->m.posts_per_hour) ||
        !cJSON_AddNumberToObject(world, "rumour_reach_max", max_reach(w)) || !cJSON_AddStringToObject(world, "hash", hash)) {
        cJSON_Delete(root);
        return -1;
    }
    char *printed = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    if (!printed)
        return -1;
    fprintf(out, "%s\n", printed);
    free(printed);
    return 0;
}
