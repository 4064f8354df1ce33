/* session_json.c — one session's after-action report as structured JSON: the same content as the PDF
 * (scenario, trainee, timeline, curves, scorecard, overrides, notes, lessons), and the writer by format. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "report_internal.h"

int report_format_of(const char *path)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (!dot)
        return -1;
    if (strcasecmp(dot, ".pdf") == 0)
        return REPORT_PDF;
    if (strcasecmp(dot, ".json") == 0)
        return REPORT_JSON;
    if (strcasecmp(dot, ".xlsx") == 0)
        return REPORT_XLSX;
    if (strcasecmp(dot, ".csv") == 0)
        return REPORT_CSV;
    return -1;
}

static cJSON *session_json(const store_session *s)
{
    cJSON *o = cJSON_CreateObject();
    char hex[24];
    cJSON_AddNumberToObject(o, "id", (double)s->id);
    cJSON_AddStringToObject(o, "trainee", s->trainee);
    cJSON_AddStringToObject(o, "scenario", s->scenario);
    cJSON_AddStringToObject(o, "started", s->started);
    cJSON_AddStringToObject(o, "plan", s->plan);
    snprintf(hex, sizeof hex, "%llu", (unsigned long long)s->seed);
    cJSON_AddStringToObject(o, "seed", hex);
    snprintf(hex, sizeof hex, "%016llx", (unsigned long long)s->content_hash);
    cJSON_AddStringToObject(o, "content_hash", hex);
    cJSON_AddBoolToObject(o, "finished", s->finished);
    return o;
}

static cJSON *timeline_json(const sim_world *w, const report_words *words)
{
    rentry *list;
    int n;
    if (rtimeline_build(w, words, &list, &n))
        return NULL;
    cJSON *arr = cJSON_CreateArray();
    for (int i = 0; arr && i < n; i++) {
        const rentry *e = &list[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "t", (double)e->t);
        cJSON_AddStringToObject(o, "what", e->action >= 0 ? "action" : "event");
        cJSON_AddStringToObject(o, "type", e->kind);
        cJSON_AddStringToObject(o, "label", e->label);
        cJSON_AddStringToObject(o, "text", e->text);
        if (e->action >= 0) {
            const sim_action *a = &w->log[e->action];
            cJSON_AddNumberToObject(o, "number", e->action + 1);
            cJSON_AddStringToObject(o, "role", sim_role_name(a->role));
            if (a->level >= 0)
                cJSON_AddStringToObject(o, "level", sim_level_name(a->level));
            if (a->target)
                cJSON_AddStringToObject(o, "target", a->target);
            if (a->channel)
                cJSON_AddStringToObject(o, "channel", a->channel);
            if (a->follow_up)
                cJSON_AddBoolToObject(o, "follow_up", 1);
        }
        if (e->extra)
            cJSON_AddStringToObject(o, "detail", e->extra);
        cJSON_AddItemToArray(arr, o);
    }
    free(list);
    return arr;
}

/* The sampled curves, one point per sample, as parallel arrays. */
static cJSON *curves_json(const sim_world *w)
{
    cJSON *o = cJSON_CreateObject();
    cJSON *t = cJSON_AddArrayToObject(o, "t"), *posts = cJSON_AddArrayToObject(o, "posts_per_hour"),
          *reach = cJSON_AddArrayToObject(o, "rumour_reach"), *level = cJSON_AddArrayToObject(o, "level"),
          *trust = cJSON_AddArrayToObject(o, "trust");
    for (int i = 0; i < w->n_samples; i++) {
        const sim_sample *s = &w->samples[i];
        cJSON_AddItemToArray(t, cJSON_CreateNumber((double)s->t));
        cJSON_AddItemToArray(posts, cJSON_CreateNumber((double)(long long)(s->posts_per_hour * 10.0f + 0.5f) / 10.0));
        cJSON_AddItemToArray(reach, cJSON_CreateNumber((double)(long long)(s->rumour_reach * 10000.0f + 0.5f) / 10000.0));
        cJSON_AddItemToArray(level, cJSON_CreateNumber(s->level));
        cJSON_AddItemToArray(trust, cJSON_CreateNumber((double)(long long)(s->trust * 10.0f + 0.5f) / 10.0));
    }
    return o;
}

static cJSON *lessons_json(const score_card *c, const sim_world *w, const report_words *words)
{
    const char *lang = report_words_lang(words);
    report_lessons ls;
    report_lessons_pick(c, w, REPORT_LESSONS_MAX, &ls);
    cJSON *o = cJSON_CreateObject();
    cJSON *st = cJSON_AddArrayToObject(o, "strengths"), *im = cJSON_AddArrayToObject(o, "improvements");
    for (int i = 0; i < ls.n_strengths; i++) {
        const score_line *l = &c->lines[ls.strengths[i]];
        cJSON *e = cJSON_CreateObject();
        cJSON_AddStringToObject(e, "id", l->id);
        cJSON_AddStringToObject(e, "title", score_line_title_in(l, lang));
        cJSON_AddNumberToObject(e, "points", l->points);
        cJSON_AddItemToArray(st, e);
    }
    for (int i = 0; i < ls.n_improve; i++) {
        const score_line *l = &c->lines[ls.improve[i]];
        char corrective[1024];
        cJSON *e = cJSON_CreateObject();
        cJSON_AddStringToObject(e, "id", l->id);
        cJSON_AddStringToObject(e, "title", score_line_title_in(l, lang));
        cJSON_AddNumberToObject(e, "points", l->points);
        cJSON_AddNumberToObject(e, "max", l->max);
        cJSON_AddNumberToObject(e, "lost", rjson_round2(l->max - l->points));
        cJSON_AddStringToObject(e, "why", score_line_why_in(l, lang));
        cJSON_AddStringToObject(e, "corrective_action", report_corrective(words, l, corrective, sizeof corrective));
        cJSON_AddItemToArray(im, e);
    }
    return o;
}

static int session_json_write(const report_session *r, const char *path, char *err, int errlen)
{
    const sim_scenario *s = r->world->scn;
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "report", "after_action_review");
    cJSON_AddItemToObject(root, "session", session_json(r->ses));
    cJSON *scn = cJSON_AddObjectToObject(root, "scenario");
    cJSON_AddStringToObject(scn, "id", s->id ? s->id : "");
    cJSON_AddItemToObject(scn, "title", rjson_text(&s->title));
    cJSON_AddItemToObject(scn, "briefing", rjson_text(&s->briefing));
    cJSON_AddNumberToObject(scn, "duration", (double)s->duration);
    if (r->world->ending >= 0 && r->world->ending < s->n_endings) {
        cJSON *end = cJSON_AddObjectToObject(root, "ending");
        cJSON_AddStringToObject(end, "id", s->endings[r->world->ending].id);
        cJSON_AddItemToObject(end, "text", rjson_text(&s->endings[r->world->ending].text));
    } else {
        cJSON_AddNullToObject(root, "ending");
    }
    cJSON_AddItemToObject(root, "timeline", timeline_json(r->world, r->words));
    cJSON_AddItemToObject(root, "curves", curves_json(r->world));
    cJSON *card = cJSON_AddObjectToObject(root, "scorecard");
    cJSON_AddStringToObject(card, "plan", r->card->plan ? r->card->plan : "");
    cJSON_AddNumberToObject(card, "total", r->card->total);
    cJSON_AddItemToObject(card, "competencies", rjson_competencies(r->card->competencies));
    cJSON *lines = cJSON_AddArrayToObject(card, "lines");
    for (int i = 0; i < r->card->n_lines; i++)
        cJSON_AddItemToArray(lines, rjson_line(&r->card->lines[i], report_words_lang(r->words)));
    cJSON *groups = cJSON_AddArrayToObject(card, "groups");
    for (int i = 0; i < r->n_groups; i++) {
        cJSON *g = cJSON_CreateObject();
        cJSON_AddStringToObject(g, "group", r->groups[i].group);
        cJSON_AddNumberToObject(g, "points", rjson_round2(r->groups[i].points));
        cJSON_AddNumberToObject(g, "max", rjson_round2(r->groups[i].max));
        cJSON_AddItemToArray(groups, g);
    }
    cJSON *ovs = cJSON_AddArrayToObject(root, "overrides");
    for (int i = 0; i < r->n_overrides; i++) {
        const store_override *v = &r->overrides[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "line", v->line);
        cJSON_AddNumberToObject(o, "points", v->points);
        cJSON_AddStringToObject(o, "by", v->by_name);
        cJSON_AddStringToObject(o, "at", v->at);
        if (v->comment)
            cJSON_AddStringToObject(o, "comment", v->comment);
        cJSON_AddItemToArray(ovs, o);
    }
    cJSON *notes = cJSON_AddArrayToObject(root, "notes");
    for (int i = 0; i < r->n_notes; i++) {
        const store_note *v = &r->notes[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "t", (double)v->t);
        cJSON_AddStringToObject(o, "author", v->author);
        cJSON_AddStringToObject(o, "text", v->text);
        cJSON_AddStringToObject(o, "at", v->at);
        cJSON_AddItemToArray(notes, o);
    }
    char *ratings = store_ratings_json(r->ratings, r->n_ratings, r->card);
    cJSON *rated = ratings ? cJSON_Parse(ratings) : NULL;
    free(ratings);
    if (!rated) {
        cJSON_Delete(root);
        snprintf(err, (size_t)errlen, "out of memory");
        return -1;
    }
    cJSON_AddItemToObject(root, "ratings", rated);
    cJSON_AddItemToObject(root, "lessons", lessons_json(r->card, r->world, r->words));
    cJSON *len = cJSON_AddObjectToObject(root, "length");
    cJSON_AddNumberToObject(len, "planned", (double)r->world->scn->duration);
    cJSON_AddNumberToObject(len, "ran", (double)report_ran(r->world));
    return rjson_write(root, path, err, errlen);
}

int report_session_write(const report_session *r, const char *path, char *err, int errlen)
{
    switch (report_format_of(path)) {
    case REPORT_PDF: return rsession_pdf(r, path, err, errlen);
    case REPORT_JSON: return session_json_write(r, path, err, errlen);
    case REPORT_XLSX:
    case REPORT_CSV: return rsession_sheet(r, report_format_of(path), path, err, errlen);
    default:
        snprintf(err, (size_t)errlen, "%s: the report is written as .pdf, .json, .xlsx or .csv", path);
        return -1;
    }
}
