/* session_pdf.c — one session's after-action report as an A4 PDF: a take-away first page (total, radar,
 * strengths, what to fix, timeline strip), then curves, timeline, scorecard, overrides, notes, observers'
 * ratings, lessons. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"

#define W(key) report_word(r->words, key)

/* Body text with a smaller muted second part (both escaped for pango markup); g_free the result. */
static char *with_detail(const char *text, const char *detail)
{
    char *a = g_markup_escape_text(text ? text : "", -1);
    if (!detail || !detail[0])
        return a;
    char *b = g_markup_escape_text(detail, -1);
    char *out = g_strdup_printf("%s%s<span size=\"smaller\" foreground=\"#6b7280\">%s</span>", a, a[0] ? "\n" : "", b);
    g_free(a);
    g_free(b);
    return out;
}

static void date_text(const char *iso, char *buf, size_t len)
{
    /* "YYYY-MM-DDTHH:MM:SSZ" -> "YYYY-MM-DD HH:MM UTC" */
    if (strlen(iso) >= 16 && iso[10] == 'T')
        snprintf(buf, len, "%.10s %.5s UTC", iso, iso + 11);
    else
        snprintf(buf, len, "%s", iso);
}

static void meta_row(rdoc *d, const char *name, const char *value)
{
    rcell cells[2] = {{name, RS_BOLD, RC_MUTED, 0, 80, 0}, {value, RS_BODY, RC_INK, 84, rdoc_body_width(d) - 84, 0}};
    rdoc_row(d, cells, 2, 2);
}

static void header(rdoc *d, const report_session *r)
{
    const sim_scenario *s = r->world->scn;
    const char *lang = report_words_lang(r->words);
    rdoc_text(d, W("title.session"), RS_TITLE, 0, RC_ACCENT);
    rdoc_gap(d, 2);
    rdoc_text(d, sim_text_get(&s->title, lang), RS_H1, 0, RC_INK);
    rdoc_gap(d, 8);
    char buf[256], clock[16];
    meta_row(d, W("meta.trainee"), r->ses->trainee);
    date_text(r->ses->started, buf, sizeof buf);
    meta_row(d, W("meta.date"), buf);
    snprintf(buf, sizeof buf, "#%lld · %s · %s %llu", (long long)r->ses->id, r->ses->scenario, W("meta.seed"),
             (unsigned long long)r->ses->seed);
    meta_row(d, W("meta.session"), buf);
    meta_row(d, W("meta.plan"), r->card->plan ? r->card->plan : r->ses->plan);
    char planned[16];
    sim_time ran = report_ran(r->world);
    if (ran == s->duration)
        report_clock(ran, buf, sizeof buf);
    else
        snprintf(buf, sizeof buf, "%s%s%s %s%s", report_clock(ran, clock, sizeof clock), W("punct.open"),
                 W("meta.planned"), report_clock(s->duration, planned, sizeof planned), W("punct.close"));
    meta_row(d, W("meta.duration"), buf);
    const sim_world *w = r->world;
    meta_row(d, W("meta.ending"), w->ending >= 0 && w->ending < s->n_endings
                                      ? sim_text_get(&s->endings[w->ending].text, lang) : W("meta.no_ending"));
    if (!r->ses->finished)
        meta_row(d, W("meta.state"), W("meta.unfinished"));
}

/* The world's samples and the trainee's action times, as the charts take them. */
typedef struct series {
    double *t, *posts, *reach, *marks;
    int *level;
    int n, n_marks;
} series;

static void series_free(series *sr)
{
    free(sr->t);
    free(sr->posts);
    free(sr->reach);
    free(sr->marks);
    free(sr->level);
    memset(sr, 0, sizeof *sr);
}

static int series_build(const sim_world *w, series *sr)
{
    int n = w->n_samples;
    sr->t = malloc(sizeof *sr->t * (size_t)(n + 1));
    sr->posts = malloc(sizeof *sr->posts * (size_t)(n + 1));
    sr->reach = malloc(sizeof *sr->reach * (size_t)(n + 1));
    sr->marks = malloc(sizeof *sr->marks * (size_t)(w->n_log + 1));
    sr->level = malloc(sizeof *sr->level * (size_t)(n + 1));
    if (!sr->t || !sr->posts || !sr->reach || !sr->marks || !sr->level) {
        series_free(sr);
        return -1;
    }
    for (int i = 0; i < n; i++) {
        sr->t[i] = (double)w->samples[i].t;
        sr->posts[i] = w->samples[i].posts_per_hour;
        sr->reach[i] = w->samples[i].rumour_reach;
        sr->level[i] = w->samples[i].level;
    }
    for (int i = 0; i < w->n_log; i++)
        sr->marks[i] = (double)w->log[i].t;
    sr->n = n;
    sr->n_marks = w->n_log;
    return 0;
}

/* "N. title (points / max, lost X)" of an area for improvement. */
static void improve_head(const report_session *r, int no, const score_line *l, char *buf, size_t len)
{
    snprintf(buf, len, "%d. %s%s%.1f / %g%s%s %.1f%s", no, score_line_title_in(l, report_words_lang(r->words)),
             W("punct.open"), l->points, l->max, W("punct.comma"), W("lesson.lost"), l->max - l->points,
             W("punct.close"));
}

/* The strengths picked, under a heading. */
static void strengths(rdoc *d, const report_session *r, const report_lessons *ls, const char *heading)
{
    rdoc_heading(d, heading, RS_H2, 20);
    if (!ls->n_strengths)
        rdoc_text(d, W("lesson.no_strengths"), RS_BODY, 0, RC_MUTED);
    for (int i = 0; i < ls->n_strengths; i++) {
        const score_line *l = &r->card->lines[ls->strengths[i]];
        char buf[512];
        snprintf(buf, sizeof buf, "• %s%s%g / %g%s", score_line_title_in(l, report_words_lang(r->words)),
                 W("punct.open"), l->points, l->max, W("punct.close"));
        rdoc_text(d, buf, RS_BODY, 6, RC_GOOD);
    }
}

/* One thing to fix on the take-away page: the line, the sentence written and what was expected. */
static void fix_item(rdoc *d, const report_session *r, int no, const score_line *l)
{
    const char *lang = report_words_lang(r->words);
    char head[512], said[1200], q[1024];
    improve_head(r, no, l, head, sizeof head);
    q[0] = '\0';
    for (int k = 0; k < l->n_ev && !q[0]; k++)
        report_quote(r->world, &l->ev[k], 1, q, sizeof q);
    snprintf(said, sizeof said, "%s%s%s", W("takeaway.you_wrote"), W("punct.colon"), q[0] ? q : W("takeaway.nothing"));
    const char *why = score_line_why_in(l, lang);
    rdoc_need(d, rdoc_text_h(d, head, RS_BOLD, 0) + rdoc_text_h(d, said, RS_BODY, 12) + rdoc_text_h(d, why, RS_SMALL, 12));
    rdoc_text(d, head, RS_BOLD, 0, RC_BAD);
    rdoc_text(d, said, RS_BODY, 12, RC_INK);
    snprintf(said, sizeof said, "%s%s%s", W("takeaway.expected"), W("punct.colon"), why);
    rdoc_text(d, said, RS_SMALL, 12, RC_MUTED);
    rdoc_gap(d, 3);
}

/* Page 1, what a trainee takes away: the total and radar, three strengths, three things to fix with
 * the sentence written and what was expected, and the drill as a strip of levels and actions. */
static void takeaway(rdoc *d, const report_session *r, const series *sr)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s %.1f / 100", W("summary.total"), r->card->total);
    rdoc_heading(d, buf, RS_H1, 200);
    const char *axes[SCORE_COMPETENCY_COUNT];
    char keys[SCORE_COMPETENCY_COUNT][48];
    for (int k = 0; k < SCORE_COMPETENCY_COUNT; k++) {
        snprintf(keys[k], sizeof keys[k], "competency.%s", score_competency_name((score_competency)k));
        axes[k] = W(keys[k]);
    }
    rradar radar = {.title = W("chart.radar"), .axes = axes, .n = SCORE_COMPETENCY_COUNT,
                    .series = {r->card->competencies}, .n_series = 1};
    rchart_radar(d, &radar, 170);

    report_lessons ls;
    report_lessons_pick(r->card, r->world, 3, &ls);
    strengths(d, r, &ls, W("takeaway.strengths"));
    rdoc_heading(d, W("takeaway.fix"), RS_H2, 40);
    if (!ls.n_improve)
        rdoc_text(d, W("lesson.no_improve"), RS_BODY, 0, RC_MUTED);
    for (int i = 0; i < ls.n_improve; i++)
        fix_item(d, r, i + 1, &r->card->lines[ls.improve[i]]);
    if (sr) {
        rdoc_gap(d, 4);
        rcurve strip = {.title = W("takeaway.strip"), .t = sr->t, .v = sr->posts, .level = sr->level, .n = sr->n,
                        .span = (double)report_ran(r->world), .marks = sr->marks, .n_marks = sr->n_marks, .c = RC_ACCENT, .strip = 1};
        rchart_curve(d, &strip, 72);
    }
}

static void curves(rdoc *d, const report_session *r, const series *sr)
{
    const sim_world *w = r->world;
    rdoc_heading(d, W("section.curves"), RS_H1, 190);
    if (!sr) {
        rdoc_text(d, W("chart.no_memory"), RS_BODY, 0, RC_BAD);
        return;
    }
    rcurve heat = {W("chart.heat"), W("chart.heat_unit"), sr->t, sr->posts, sr->level, sr->n, (double)w->scn->duration,
                   sr->marks, sr->n_marks, 0, RC_BAD, 0};
    rchart_curve(d, &heat, 190);
    rdoc_text(d, W("chart.heat_note"), RS_SMALL, 0, RC_MUTED);
    rdoc_gap(d, 10);
    rcurve rum = {W("chart.reach"), W("chart.reach_unit"), sr->t, sr->reach, NULL, sr->n, (double)w->scn->duration,
                  sr->marks, sr->n_marks, 1, (rgb){0.55, 0.25, 0.60}, 0};
    rchart_curve(d, &rum, 160);
}

static void timeline(rdoc *d, const report_session *r)
{
    rentry *list;
    int n;
    rdoc_heading(d, W("section.timeline"), RS_H1, 40);
    if (rtimeline_build(r->world, r->words, &list, &n)) {
        rdoc_text(d, W("chart.no_memory"), RS_BODY, 0, RC_BAD);
        return;
    }
    double bw = rdoc_body_width(d);
    for (int i = 0; i < n; i++) {
        const rentry *e = &list[i];
        char num[16] = "", clock[16];
        if (e->action >= 0)
            snprintf(num, sizeof num, "%d", e->action + 1);
        char *text = with_detail(e->text, e->extra);
        int act = e->action >= 0;
        rcell cells[4] = {
            {num, RS_BOLD, RC_ACCENT, 0, 20, 0},
            {report_clock(e->t, clock, sizeof clock), RS_BODY, act ? RC_INK : RC_MUTED, 22, 48, 0},
            {e->label, act ? RS_BOLD : RS_BODY, act ? RC_ACCENT : RC_MUTED, 72, 66, 0},
            {text, RS_BODY, act ? RC_INK : RC_MUTED, 142, bw - 142, 1},
        };
        rdoc_row(d, cells, 4, 4);
        g_free(text);
    }
    free(list);
}

static rgb points_colour(const score_line *l)
{
    if (!(l->max > 0))
        return RC_MUTED;
    if (l->points >= l->max - 0.005)
        return RC_GOOD;
    return l->points < l->max / 2 ? RC_BAD : RC_INK;
}

static void scorecard(rdoc *d, const report_session *r)
{
    const char *lang = report_words_lang(r->words);
    rdoc_heading(d, W("section.scorecard"), RS_H1, 40);
    double bw = rdoc_body_width(d);
    for (int i = 0; i < r->card->n_lines; i++) {
        const score_line *l = &r->card->lines[i];
        char pts[48], key[64], clock[16];
        snprintf(pts, sizeof pts, "%.1f / %g", l->points, l->max);
        snprintf(key, sizeof key, "category.%s", l->category ? l->category : "");
        GString *m = g_string_new(NULL);
        const char *title = score_line_title_in(l, lang);
        char *t = g_markup_escape_text(title[0] ? title : l->id, -1), *c = g_markup_escape_text(W(key), -1);
        char *why = g_markup_escape_text(score_line_why_in(l, lang), -1);
        g_string_append_printf(m, "<b>%s</b>  <span size=\"smaller\" foreground=\"#6b7280\">%s · %s</span>\n%s", t, c,
                               l->id, why);
        g_free(t);
        g_free(c);
        g_free(why);
        for (int k = 0; k < l->n_ev; k++) {
            if (!l->ev[k].quote || !l->ev[k].quote[0])
                continue;
            char quote[1024];
            char *q = g_markup_escape_text(report_quote(r->world, &l->ev[k], 0, quote, sizeof quote), -1);
            g_string_append_printf(m, "\n<span size=\"smaller\" foreground=\"#1a5ca8\">%s「%s」 %s</span>",
                                   W("score.evidence"), q, report_clock(l->ev[k].t, clock, sizeof clock));
            g_free(q);
        }
        if (l->overridden) {
            char *by = g_markup_escape_text(l->override_by ? l->override_by : "", -1);
            char *cm = g_markup_escape_text(l->override_comment ? l->override_comment : "", -1);
            char *op = g_markup_escape_text(W("punct.open"), -1), *cl = g_markup_escape_text(W("punct.close"), -1);
            char *co = g_markup_escape_text(W("punct.colon"), -1);
            g_string_append_printf(m, "\n<span size=\"smaller\" foreground=\"#b45309\">%s %.1f → %.1f%s%s%s%s%s</span>",
                                   W("score.overridden"), l->computed, l->points, op, by, cm[0] ? co : "", cm, cl);
            g_free(op);
            g_free(cl);
            g_free(co);
            g_free(by);
            g_free(cm);
        }
        rcell cells[2] = {{pts, RS_BOLD, points_colour(l), 0, 56, 0}, {m->str, RS_BODY, RC_INK, 60, bw - 60, 1}};
        rdoc_row(d, cells, 2, 6);
        g_string_free(m, TRUE);
    }
}

/* A team session's lines per plan group: the process steps each group owns. */
static void team_groups(rdoc *d, const report_session *r)
{
    if (!r->n_groups)
        return;
    rdoc_heading(d, W("section.team_groups"), RS_H1, 30);
    rdoc_text(d, W("score.team_groups"), RS_BODY, 0, RC_MUTED);
    double bw = rdoc_body_width(d);
    for (int i = 0; i < r->n_groups; i++) {
        const store_group_line *g = &r->groups[i];
        score_line l = {.points = g->points, .max = g->max};
        char pts[48];
        snprintf(pts, sizeof pts, "%.1f / %g", g->points, g->max);
        rcell cells[2] = {{pts, RS_BOLD, points_colour(&l), 0, 56, 0}, {g->group, RS_BODY, RC_INK, 60, bw - 60, 0}};
        rdoc_row(d, cells, 2, 6);
    }
}

static void annotations(rdoc *d, const report_session *r)
{
    double bw = rdoc_body_width(d);
    rdoc_heading(d, W("section.overrides"), RS_H1, 30);
    if (!r->n_overrides)
        rdoc_text(d, W("overrides.none"), RS_BODY, 0, RC_MUTED);
    for (int i = 0; i < r->n_overrides; i++) {
        const store_override *o = &r->overrides[i];
        char head[256], body[1024];
        snprintf(head, sizeof head, "%s → %.1f", o->line, o->points);
        snprintf(body, sizeof body, "%s · %s%s%s", o->by_name, o->at, o->comment ? "\n" : "", o->comment ? o->comment : "");
        rcell cells[2] = {{head, RS_BOLD, RC_INK, 0, 170, 0}, {body, RS_BODY, RC_INK, 174, bw - 174, 0}};
        rdoc_row(d, cells, 2, 4);
    }
    rdoc_heading(d, W("section.notes"), RS_H1, 30);
    if (!r->n_notes)
        rdoc_text(d, W("notes.none"), RS_BODY, 0, RC_MUTED);
    for (int i = 0; i < r->n_notes; i++) {
        const store_note *o = &r->notes[i];
        char clock[16];
        char *text = with_detail(o->text, o->at);
        rcell cells[3] = {{report_clock(o->t, clock, sizeof clock), RS_BODY, RC_MUTED, 0, 48, 0},
                          {o->author, RS_BOLD, RC_INK, 52, 86, 0},
                          {text, RS_BODY, RC_INK, 142, bw - 142, 1}};
        rdoc_row(d, cells, 3, 4);
        g_free(text);
    }
}

/* Observers' ratings: per rated line its automatic grade beside each observer's, per rated action the
 * observers', and how far the observers agree. */
static void ratings(rdoc *d, const report_session *r)
{
    double bw = rdoc_body_width(d);
    rdoc_heading(d, W("section.ratings"), RS_H1, 30);
    if (!r->n_ratings) {
        rdoc_text(d, W("ratings.none"), RS_BODY, 0, RC_MUTED);
        return;
    }
    score_agreement a;
    char line[512], num[32];
    rdoc_text(d, W("ratings.scale"), RS_BODY, 0, RC_MUTED);
    if (store_ratings_agreement(r->ratings, r->n_ratings, &a) == 0) {
        snprintf(num, sizeof num, "%.2f", a.alpha);
        snprintf(line, sizeof line, "%s %s · %s %d", W("ratings.alpha"), a.defined ? num : W("ratings.undefined"),
                 W("ratings.units"), a.units);
        rdoc_text(d, line, RS_BOLD, 0, RC_INK);
    }
    for (int i = 0; i < r->n_ratings;) {
        const store_rating *x = &r->ratings[i];
        char head[512], body[2048] = "";
        const score_line *l = x->kind == STORE_RATE_LINE ? score_card_line(r->card, x->target) : NULL;
        if (l)
            snprintf(head, sizeof head, "%s\n%s %c (%.1f/%g)", score_line_title_in(l, report_words_lang(r->words)),
                     W("ratings.auto"), score_grade_of(l->points, l->max), l->points, l->max);
        else
            snprintf(head, sizeof head, "%s %s", W("ratings.action"), x->target);
        size_t o = 0;
        int j = i;
        for (; j < r->n_ratings && store_rating_same_target(&r->ratings[j], x); j++)
            o += (size_t)snprintf(body + o, o < sizeof body ? sizeof body - o : 0, "%s%c  %s%s%s", o ? "\n" : "",
                                  r->ratings[j].grade, r->ratings[j].observer, r->ratings[j].comment ? "：" : "",
                                  r->ratings[j].comment ? r->ratings[j].comment : "");
        rcell cells[2] = {{head, RS_BOLD, RC_INK, 0, 200, 1}, {body, RS_BODY, RC_INK, 204, bw - 204, 1}};
        rdoc_row(d, cells, 2, 4);
        i = j;
    }
}

static void lessons(rdoc *d, const report_session *r)
{
    report_lessons ls;
    report_lessons_pick(r->card, r->world, REPORT_LESSONS_MAX, &ls);
    rdoc_heading(d, W("section.lessons"), RS_H1, 60);
    strengths(d, r, &ls, W("lesson.strengths"));
    rdoc_heading(d, W("lesson.improve"), RS_H2, 40);
    if (!ls.n_improve)
        rdoc_text(d, W("lesson.no_improve"), RS_BODY, 0, RC_MUTED);
    for (int i = 0; i < ls.n_improve; i++) {
        const score_line *l = &r->card->lines[ls.improve[i]];
        char head[512], corr[1024];
        improve_head(r, i + 1, l, head, sizeof head);
        report_corrective(r->words, l, corr, sizeof corr);
        rdoc_need(d, rdoc_text_h(d, head, RS_BOLD, 0) + rdoc_text_h(d, corr, RS_BODY, 12));
        rdoc_text(d, head, RS_BOLD, 0, RC_BAD);
        rdoc_text(d, corr, RS_BODY, 12, RC_INK);
        rdoc_gap(d, 4);
    }
}

int rsession_pdf(const report_session *r, const char *path, char *err, int errlen)
{
    rdoc d;
    char foot[600];
    snprintf(foot, sizeof foot, "%.200s · %s · #%lld", sim_text_get(&r->world->scn->title, report_words_lang(r->words)),
             r->ses->trainee, (long long)r->ses->id);
    if (rdoc_open(&d, path, r->words, foot, err, errlen))
        return -1;
    series sr;
    int have = series_build(r->world, &sr) == 0;
    header(&d, r);
    takeaway(&d, r, have ? &sr : NULL);
    rdoc_page(&d);
    rdoc_heading(&d, W("section.briefing"), RS_H1, 30);
    rdoc_text(&d, sim_text_get(&r->world->scn->briefing, report_words_lang(r->words)), RS_BODY, 0, RC_INK);
    curves(&d, r, have ? &sr : NULL);
    if (have)
        series_free(&sr);
    timeline(&d, r);
    scorecard(&d, r);
    team_groups(&d, r);
    annotations(&d, r);
    ratings(&d, r);
    lessons(&d, r);
    return rdoc_close(&d, err, errlen);
}
