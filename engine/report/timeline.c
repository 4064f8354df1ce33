/* timeline.c — the drill's timeline for the review: every applied action with its time, text and
 * details, merged in time order with the key events (injects, rumours, media, levels, endings). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"

/* Copy prefix + text into buf, cutting text at a character boundary with "…" when it does not fit. */
static const char *detail(char *buf, size_t len, const char *prefix, const char *text)
{
    size_t p = strlen(prefix), t = strlen(text);
    if (p + 8 >= len) {
        buf[0] = '\0';
        return buf;
    }
    memcpy(buf, prefix, p);
    size_t room = len - p - 1;
    if (t <= room) {
        memcpy(buf + p, text, t);
        buf[p + t] = '\0';
        return buf;
    }
    room -= 3;   /* the bytes of "…" */
    while (room > 0 && ((unsigned char)text[room] & 0xC0) == 0x80)
        room--;
    memcpy(buf + p, text, room);
    memcpy(buf + p + room, "…", 3);
    buf[p + room + 3] = '\0';
    return buf;
}

static const char *target_text(const sim_scenario *s, const sim_action *a, const report_words *w, const char *lang)
{
    int i;
    switch (a->type) {
    case SIM_ACT_REBUT:
        return (i = sim_scenario_rumour(s, a->target)) >= 0 ? sim_text_get(&s->rumours[i].claim, lang) : a->target;
    case SIM_ACT_ANSWER:
        return (i = sim_scenario_question(s, a->target)) >= 0 ? sim_text_get(&s->questions[i].text, lang) : a->target;
    case SIM_ACT_VERIFY:
        return (i = sim_scenario_fact(s, a->target)) >= 0 ? sim_text_get(&s->facts[i].text, lang) : a->target;
    case SIM_ACT_INJECT:
        return (i = sim_scenario_inject(s, a->target)) >= 0 ? sim_text_get(&s->injects[i].text, lang) : a->target;
    case SIM_ACT_OFFLINE:
    case SIM_ACT_LOGISTICS: {
        char key[64];
        snprintf(key, sizeof key, "%s.%s", a->type == SIM_ACT_OFFLINE ? "measure" : "logistics", a->target);
        const char *name = report_word(w, key);
        return strcmp(name, key) == 0 ? a->target : name;
    }
    default:
        return a->target;
    }
}

static void action_entry(const sim_world *w, int i, const report_words *words, rentry *e)
{
    const sim_scenario *s = w->scn;
    const sim_action *a = &w->log[i];
    const char *lang = report_words_lang(words);
    char key[64];
    memset(e, 0, sizeof *e);
    e->t = a->t;
    e->action = i;
    e->event = -1;
    e->kind = sim_action_type_name(a->type);
    snprintf(key, sizeof key, "action.%s", e->kind);
    e->label = report_word(words, key);
    e->text = a->text ? a->text : "";
    if (a->type == SIM_ACT_ASSESS && a->level >= 0) {
        snprintf(key, sizeof key, "level.%d", a->level);
        e->extra = detail(e->buf, sizeof e->buf, report_word(words, "detail.level"), report_word(words, key));
    } else if (a->channel) {
        int p = sim_scenario_platform(s, a->channel);
        e->extra = detail(e->buf, sizeof e->buf, report_word(words, "detail.channel"),
                          p >= 0 ? sim_text_get(&s->platforms[p].name, lang) : a->channel);
    } else if (a->target) {
        const char *t = target_text(s, a, words, lang);
        e->extra = detail(e->buf, sizeof e->buf, report_word(words, "detail.target"), t ? t : "");
    }
}

/* 0 when the event is not a key event (actions come from the log). */
static int event_entry(const sim_world *w, int i, const report_words *words, rentry *e)
{
    const sim_scenario *s = w->scn;
    const sim_event *ev = &w->events[i];
    const char *lang = report_words_lang(words);
    char key[64];
    if (ev->type == SIM_EV_ACTION || (unsigned)ev->type >= SIM_EV_COUNT)
        return 0;
    memset(e, 0, sizeof *e);
    e->t = ev->t;
    e->action = -1;
    e->event = i;
    e->kind = sim_event_type_name(ev->type);
    snprintf(key, sizeof key, "event.%s", e->kind);
    e->label = report_word(words, key);
    e->text = "";
    int r = ev->ref;
    switch (ev->type) {
    case SIM_EV_INJECT:
        if (r >= 0 && r < s->n_injects) {
            const char *source = sim_text_get(&s->injects[r].source, lang);
            e->text = sim_text_get(&s->injects[r].text, lang);
            if (source && source[0])
                e->extra = detail(e->buf, sizeof e->buf, report_word(words, "detail.source"), source);
        }
        break;
    case SIM_EV_FACT_VERIFIED:
        if (r >= 0 && r < s->n_facts)
            e->text = sim_text_get(&s->facts[r].text, lang);
        break;
    case SIM_EV_RUMOUR_START:
    case SIM_EV_RUMOUR_REBUTTED:
        if (r >= 0 && r < s->n_rumours)
            e->text = sim_text_get(&s->rumours[r].claim, lang);
        break;
    case SIM_EV_MEDIA_REPORT:
        if (r >= 0 && r < s->n_questions)
            e->text = sim_text_get(&s->questions[r].outlet, lang);
        snprintf(key, sizeof key, "%.0f", ev->value);
        e->extra = detail(e->buf, sizeof e->buf, report_word(words, "detail.posts_per_hour"), key);
        break;
    case SIM_EV_QUESTION:
    case SIM_EV_FOLLOWUP:
        if (r >= 0 && r < s->n_questions)
            e->text = sim_text_get(ev->type == SIM_EV_QUESTION ? &s->questions[r].text : &s->questions[r].followup,
                                   lang);
        break;
    case SIM_EV_LEVEL:
    case SIM_EV_TIER:
        snprintf(key, sizeof key, "%s.%d", ev->type == SIM_EV_LEVEL ? "level" : "tier", (int)ev->value);
        e->text = report_word(words, key);
        break;
    case SIM_EV_SILENCE:
        e->text = report_word(words, "event.silence_text");
        break;
    case SIM_EV_NOTE:
        e->text = sim_event_note(ev, lang);
        break;
    case SIM_EV_ENDING:
        if (r >= 0 && r < s->n_endings)
            e->text = sim_text_get(&s->endings[r].text, lang);
        break;
    default:
        break;
    }
    if (!e->text)
        e->text = "";
    return 1;
}

int rtimeline_build(const sim_world *w, const report_words *words, rentry **out, int *n)
{
    *out = NULL;
    *n = 0;
    rentry *list = malloc(sizeof *list * (size_t)(w->n_log + w->n_events + 1));
    if (!list)
        return -1;
    int count = 0, a = 0, e = 0;
    while (a < w->n_log || e < w->n_events) {
        /* skip non-key events before comparing times */
        if (e < w->n_events && (w->events[e].type == SIM_EV_ACTION || (unsigned)w->events[e].type >= SIM_EV_COUNT)) {
            e++;
            continue;
        }
        if (a < w->n_log && (e >= w->n_events || w->log[a].t <= w->events[e].t))
            action_entry(w, a++, words, &list[count++]);
        else
            count += event_entry(w, e++, words, &list[count]);
    }
    *out = list;
    *n = count;
    return 0;
}
