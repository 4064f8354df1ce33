/* hot_topics.c — 热搜: what the public talks about (started rumours, public injects, verified facts) ranked
 * by a heat figure read from the world (reads, posts/hour, each rumour's reach); a pure view, never stored. */
#include "world_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* A fired inject's or verified fact's pull halves every TOPIC_HALF_H hours; rumours follow their reach. */
#define TOPIC_HALF_H 1.0
#define FACT_WEIGHT 0.3
#define REBUTTED_WEIGHT 0.4
#define RUMOUR_FLOOR 0.02
/* Width a topic keeps from its text (a Chinese character counts 2, a Latin letter 1), cut at the first
 * clause end before that. */
#define TOPIC_WIDTH 36

/* Injects the public sees (a reporter's call or a field report reaches only the office). */
static int is_public(const sim_inject *inj)
{
    static const char *const kinds[] = {"post", "video", "media", "notice"};
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
        if (inj->kind && strcmp(inj->kind, kinds[k]) == 0) return 1;
    return 0;
}

static double faded(const sim_world *w, sim_time since)
{
    double age_h = (double)(w->now - since) / 3600.0;
    return age_h > 0 ? pow(0.5, age_h / TOPIC_HALF_H) : 1.0;
}

/* Codepoints at the start of a text that may be a heading ("【视频】", "晚报记者来电：") the topic skips. */
#define HEADING_CHARS 10

static const char *next_char(const char *p)
{
    p++;
    while ((*p & 0xC0) == 0x80) p++;
    return p;
}

/* Past a short heading: a leading 【…】 or […] and a "…：" or "…:" within HEADING_CHARS codepoints. */
static const char *skip_heading(const char *text)
{
    const char *p = text;
    const char *end = strncmp(p, "【", 3) == 0 ? strstr(p, "】") : *p == '[' ? strchr(p, ']') : NULL;
    if (end) p = end + (*end == ']' ? 1 : 3);
    while (*p == ' ') p++;
    const char *q = p;
    for (int k = 0; *q && k < HEADING_CHARS; k++, q = next_char(q))
        if (strncmp(q, "：", 3) == 0 || *q == ':') {
            const char *after = q + (*q == ':' ? 1 : 3);
            while (*after == ' ') after++;
            return *after ? after : p;
        }
    return *p ? p : text;
}

/* The first clause of text (past its heading for an inject), at most TOPIC_WIDTH wide, "…" when cut
 * short (after a whole word when there are spaces). */
static void topic_label(const char *text, int heading, char *out, size_t n)
{
    static const char *const stops[] = {"，", "。", "；", "！", "？", ",", ".", ";", "!", "?"};
    const char *start = heading ? skip_heading(text) : text, *p = start;
    const char *space = NULL;
    int width = 0, cut = 0;
    while (*p) {
        for (size_t k = 0; k < sizeof stops / sizeof *stops && !cut; k++)
            cut = width >= 4 && strncmp(p, stops[k], strlen(stops[k])) == 0;
        if (cut) break;
        const char *q = next_char(p);
        int w = q - p >= 3 ? 2 : 1;
        if (width + w > TOPIC_WIDTH) {
            cut = 2;
            if (space) p = space;
            break;
        }
        if (*p == ' ') space = p;
        width += w;
        p = q;
    }
    snprintf(out, n, "%.*s%s", (int)(p - start), start, cut == 2 ? "…" : "");
}

static int add_topic(sim_hot_topic *out, int n, int max, sim_hot_kind kind, int ref, sim_time since, double weight,
                     double base, const char *text)
{
    for (int i = 0; i < n; i++)
        if (out[i].kind == kind && out[i].ref == ref) return n;
    if (n >= max) return n;
    sim_hot_topic *t = &out[n];
    memset(t, 0, sizeof *t);   /* whole bytes: two lists compare with memcmp */
    t->kind = kind;
    t->ref = ref;
    t->since = since;
    t->heat = (uint32_t)fmin(weight * base, 4e9);
    topic_label(text, kind == SIM_HOT_INJECT, t->label, sizeof t->label);
    return n + 1;
}

static int by_heat(const sim_hot_topic *a, const sim_hot_topic *b)
{
    if (a->heat != b->heat) return a->heat > b->heat ? -1 : 1;
    if (a->kind != b->kind) return a->kind < b->kind ? -1 : 1;
    return a->ref < b->ref ? -1 : a->ref > b->ref;
}

int sim_hot_topics(const sim_world *w, const char *lang, sim_hot_topic *out, int max)
{
    const sim_scenario *s = w->scn;
    sim_hot_topic all[SIM_HOT_MAX];
    double base = w->m.reads_total * 0.5 + w->m.posts_per_hour * 60.0;
    int n = 0;
    for (int i = 0; i < w->n_events; i++) {
        const sim_event *e = &w->events[i];
        int r = e->ref;
        if (e->type == SIM_EV_RUMOUR_START && r >= 0 && r < s->n_rumours) {
            const sim_rumour_state *rs = &w->rumours[r];
            double wgt = (rs->reach + RUMOUR_FLOOR) * (rs->rebutted_at != SIM_NEVER ? REBUTTED_WEIGHT : 1.0);
            n = add_topic(all, n, SIM_HOT_MAX, SIM_HOT_RUMOUR, r, e->t, wgt, base, sim_text_get(&s->rumours[r].claim, lang));
        } else if (e->type == SIM_EV_INJECT && r >= 0 && r < s->n_injects && is_public(&s->injects[r])) {
            double wgt = s->injects[r].heat / 100.0 * faded(w, e->t);
            n = add_topic(all, n, SIM_HOT_MAX, SIM_HOT_INJECT, r, e->t, wgt, base, sim_text_get(&s->injects[r].text, lang));
        } else if (e->type == SIM_EV_FACT_VERIFIED && r >= 0 && r < s->n_facts) {
            double wgt = FACT_WEIGHT * faded(w, e->t);
            n = add_topic(all, n, SIM_HOT_MAX, SIM_HOT_FACT, r, e->t, wgt, base, sim_text_get(&s->facts[r].text, lang));
        }
    }
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && by_heat(&all[j], &all[j - 1]) < 0; j--) {
            sim_hot_topic tmp = all[j];
            all[j] = all[j - 1];
            all[j - 1] = tmp;
        }
    if (n > max) n = max;
    memcpy(out, all, (size_t)(n > 0 ? n : 0) * sizeof *out);
    return n;
}
