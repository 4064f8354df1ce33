/* score_card.c — the scorecard's lines: adding lines with evidence while grading, totals and
 * competency scores, instructor overrides, and freeing. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "score_internal.h"

static char *dup_str(const char *s)
{
    size_t n = strlen(s ? s : "") + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s ? s : "", n);
    return d;
}

double score_round2(double v)
{
    double r = round(v * 100.0) / 100.0;
    return r == 0.0 ? 0.0 : r;   /* never "-0" */
}

score_line *score_line_add(score_ctx *x, const char *prefix, const plan_head *h, const char *category,
                           double max)
{
    score_card *c = x->card;
    if (x->oom)
        return NULL;
    score_line *lines = realloc(c->lines, (size_t)(c->n_lines + 1) * sizeof *lines);
    if (!lines) {
        x->oom = 1;
        return NULL;
    }
    c->lines = lines;
    score_line *l = &lines[c->n_lines];
    memset(l, 0, sizeof *l);
    char id[160];
    snprintf(id, sizeof id, "%s%s", prefix, h->id);
    l->id = dup_str(id);
    l->title = dup_str(h->title.zh);
    l->title_en = dup_str(sim_text_get(&h->title, "en"));
    l->category = dup_str(category);
    l->why = dup_str("");
    l->why_en = dup_str("");
    if (!l->id || !l->title || !l->title_en || !l->category || !l->why || !l->why_en) {
        free(l->id);
        free(l->title);
        free(l->title_en);
        free(l->category);
        free(l->why);
        free(l->why_en);
        x->oom = 1;
        return NULL;
    }
    c->n_lines++;
    l->max = score_round2(max);
    memcpy(l->weights, h->weights, sizeof l->weights);
    return l;
}

void score_line_set(score_line *l, double points)
{
    if (!l)
        return;
    if (points < l->floor)
        points = l->floor;
    if (points > l->max)
        points = l->max;
    l->computed = l->points = score_round2(points);
}

const char *score_fmt_minutes(char *buf, size_t len, double seconds)
{
    double m = round(seconds / 6.0) / 10.0;
    if (m == floor(m))
        snprintf(buf, len, "%.0f", m);
    else
        snprintf(buf, len, "%.1f", m);
    return buf;
}

void score_line_evidence(score_ctx *x, score_line *l, const score_act *act, sim_span span)
{
    if (!l || x->oom)
        return;
    score_evidence *ev = realloc(l->ev, (size_t)(l->n_ev + 1) * sizeof *ev);
    if (!ev) {
        x->oom = 1;
        return;
    }
    l->ev = ev;
    score_evidence *e = &ev[l->n_ev];
    const char *text = act && act->a->text ? act->a->text : "";
    int tlen = (int)strlen(text);
    if (span.start < 0 || span.len < 0 || span.start > tlen || span.len > tlen - span.start)
        span.start = span.len = 0;
    e->action = act ? act->index : -1;
    e->t = act ? act->a->t : SIM_NEVER;
    e->span = span;
    e->quote = malloc((size_t)span.len + 1);
    if (!e->quote) {
        x->oom = 1;
        return;
    }
    memcpy(e->quote, text + span.start, (size_t)span.len);
    e->quote[span.len] = '\0';
    l->n_ev++;
}

/* The first 24 characters (UTF-8 code points) of the action's text name it in evidence. */
void score_line_evidence_head(score_ctx *x, score_line *l, const score_act *act)
{
    const char *text = act && act->a->text ? act->a->text : "";
    int bytes = 0, chars = 0;
    while (text[bytes] && chars < 24) {
        bytes++;
        while ((text[bytes] & 0xC0) == 0x80)
            bytes++;
        chars++;
    }
    score_line_evidence(x, l, act, (sim_span){0, bytes});
}

void score_card_recompute(score_card *c)
{
    double pts = 0, max = 0;
    double wp[SCORE_COMPETENCY_COUNT] = {0}, wm[SCORE_COMPETENCY_COUNT] = {0};
    for (int i = 0; i < c->n_lines; i++) {
        const score_line *l = &c->lines[i];
        if (l->max <= 0)
            continue;
        pts += l->points;
        max += l->max;
        for (int k = 0; k < SCORE_COMPETENCY_COUNT; k++) {
            wp[k] += l->weights[k] * l->points;
            wm[k] += l->weights[k] * l->max;
        }
    }
    c->total = max > 0 ? score_round2(100.0 * fmax(pts, 0.0) / max) : 0.0;
    for (int k = 0; k < SCORE_COMPETENCY_COUNT; k++)
        c->competencies[k] = wm[k] > 0 ? score_round2(100.0 * fmax(wp[k], 0.0) / wm[k]) : -1.0;
}

score_line *score_card_line(const score_card *c, const char *id)
{
    for (int i = 0; c && i < c->n_lines; i++)
        if (strcmp(c->lines[i].id, id) == 0)
            return &c->lines[i];
    return NULL;
}

int score_card_override(score_card *c, const char *id, double points, const char *by, const char *at,
                        const char *comment)
{
    score_line *l = score_card_line(c, id);
    if (!l)
        return -1;
    char *b = dup_str(by), *a = dup_str(at), *m = dup_str(comment);
    if (!b || !a || !m) {
        free(b);
        free(a);
        free(m);
        return -1;
    }
    free(l->override_by);
    free(l->override_at);
    free(l->override_comment);
    l->override_by = b;
    l->override_at = a;
    l->override_comment = m;
    if (!(points >= 0))
        points = 0;
    l->points = score_round2(points > l->max ? l->max : points);
    l->overridden = 1;
    score_card_recompute(c);
    return 0;
}

void score_card_free(score_card *c)
{
    if (!c)
        return;
    for (int i = 0; i < c->n_lines; i++) {
        score_line *l = &c->lines[i];
        free(l->id);
        free(l->title);
        free(l->title_en);
        free(l->category);
        free(l->why);
        free(l->why_en);
        score_why_free(l->expl);
        for (int k = 0; k < l->n_ev; k++)
            free(l->ev[k].quote);
        free(l->ev);
        free(l->override_by);
        free(l->override_at);
        free(l->override_comment);
    }
    free(c->lines);
    free(c->plan);
    free(c->plan_title[0]);
    free(c->plan_title[1]);
    memset(c, 0, sizeof *c);
}
