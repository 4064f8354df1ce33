/* sheet_rows.c — the records training centres keep, as spreadsheet tables: one row per session (or
 * trainee) and rubric line for a session report and for a class, and one row per trainee and drill. */
#include <stdio.h>
#include <string.h>

#include "report_internal.h"

/* The first statement a line quotes as evidence; "" when none. */
static const char *first_quote(const score_line *l)
{
    for (int k = 0; k < l->n_ev; k++)
        if (l->ev[k].quote && l->ev[k].quote[0])
            return l->ev[k].quote;
    return "";
}

/* The session columns every line row starts with. */
static const char *const SESSION_KEYS[] = {"sheet.scenario", "sheet.plan", "sheet.trainee", "sheet.session",
                                           "sheet.started", "sheet.total"};
#define N_SESSION_KEYS (int)(sizeof SESSION_KEYS / sizeof *SESSION_KEYS)

static void session_cells(rsheet *s, const store_session *ses, const score_card *c)
{
    rsheet_text(s, ses->scenario);
    rsheet_text(s, c->plan ? c->plan : ses->plan);
    rsheet_text(s, ses->trainee);
    rsheet_num(s, (double)ses->id);
    rsheet_text(s, ses->started);
    rsheet_num(s, c->total);
}

/* The line columns after the session's and its extra columns. */
static const char *const LINE_KEYS[] = {"sheet.line", "sheet.title", "sheet.category", "sheet.points", "sheet.max",
                                        "sheet.lost", "sheet.why", "sheet.evidence", "sheet.override"};
#define N_LINE_KEYS (int)(sizeof LINE_KEYS / sizeof *LINE_KEYS)

static void line_cells(rsheet *s, const score_line *l, const report_words *w)
{
    const char *lang = report_words_lang(w);
    char key[64];
    snprintf(key, sizeof key, "category.%s", l->category ? l->category : "");
    rsheet_text(s, l->id);
    rsheet_text(s, score_line_title_in(l, lang));
    rsheet_text(s, report_word(w, key));
    rsheet_num(s, l->points);
    rsheet_num(s, l->max);
    rsheet_num(s, l->max > l->points ? l->max - l->points : 0);
    rsheet_text(s, score_line_why_in(l, lang));
    rsheet_text(s, first_quote(l));
    char ov[1024] = "";
    if (l->overridden)
        snprintf(ov, sizeof ov, "%s %s: %s", l->override_by ? l->override_by : "", l->override_at ? l->override_at : "",
                 l->override_comment ? l->override_comment : "");
    rsheet_text(s, ov);
}

/* A header of the session columns, `extra` keys, then the line columns. */
static void lines_head(rsheet *s, const char *name, const report_words *w, const char *const *extra, int n_extra)
{
    const char *keys[N_SESSION_KEYS + 4 + N_LINE_KEYS];
    int n = 0;
    for (int i = 0; i < N_SESSION_KEYS; i++)
        keys[n++] = SESSION_KEYS[i];
    for (int i = 0; i < n_extra; i++)
        keys[n++] = extra[i];
    for (int i = 0; i < N_LINE_KEYS; i++)
        keys[n++] = LINE_KEYS[i];
    rsheet_init(s, name, w, keys, n);
}

int rsession_sheet(const report_session *r, int format, const char *path, char *err, int errlen)
{
    rsheet s;
    lines_head(&s, report_word(r->words, "sheet.name_lines"), r->words, NULL, 0);
    for (int i = 0; i < r->card->n_lines; i++) {
        session_cells(&s, r->ses, r->card);
        line_cells(&s, &r->card->lines[i], r->words);
    }
    int rc = rsheet_write(&s, 1, format, path, err, errlen);
    rsheet_free(&s);
    return rc;
}

static const report_trainee *chosen(const report_class *c, const char *trainee)
{
    for (int i = 0; i < c->n_trainees; i++)
        if (strcmp(c->trainees[i].trainee, trainee) == 0)
            return &c->trainees[i];
    return NULL;
}

/* Which attempt of its trainee a session was (1 for the first played) in its drill. */
static int attempt_no(const report_group *g, const report_entry *e)
{
    int k = 0;
    for (int i = 0; i < g->n; i++) {
        const store_session *s = g->entries[i].ses;
        int c = strcmp(s->started, e->ses->started);
        if (strcmp(s->trainee, e->ses->trainee) == 0 && (c < 0 || (c == 0 && s->id <= e->ses->id)))
            k++;
    }
    return k;
}

static void class_lines(rsheet *s, const report_group *g, int n_groups, const report_words *w)
{
    static const char *const extra[] = {"sheet.attempt", "sheet.latest", "sheet.best"};
    const char *yes = report_word(w, "sheet.yes");
    lines_head(s, report_word(w, "sheet.name_lines"), w, extra, 3);
    for (int k = 0; k < n_groups; k++)
        for (int i = 0; i < g[k].n; i++) {
            const report_entry *e = &g[k].entries[i];
            const report_trainee *lt = chosen(&g[k].latest, e->ses->trainee), *bt = chosen(&g[k].best, e->ses->trainee);
            for (int j = 0; j < e->card->n_lines; j++) {
                session_cells(s, e->ses, e->card);
                rsheet_num(s, attempt_no(&g[k], e));
                rsheet_text(s, lt && lt->entry->ses == e->ses ? yes : "");
                rsheet_text(s, bt && bt->entry->ses == e->ses ? yes : "");
                line_cells(s, &e->card->lines[j], w);
            }
        }
}

static void class_trainees(rsheet *s, const report_group *g, int n_groups, const report_words *w)
{
    static const char *const keys[] = {"sheet.scenario", "sheet.plan", "sheet.trainee", "sheet.attempts",
                                       "sheet.latest_session", "sheet.latest_total", "sheet.best_session",
                                       "sheet.best_total", "sheet.lines_lost"};
    rsheet_init(s, report_word(w, "sheet.name_trainees"), w, keys, (int)(sizeof keys / sizeof *keys));
    for (int k = 0; k < n_groups; k++)
        for (int i = 0; i < g[k].latest.n_trainees; i++) {
            const report_trainee *t = &g[k].latest.trainees[i], *b = chosen(&g[k].best, t->trainee);
            rsheet_text(s, g[k].scenario);
            rsheet_text(s, g[k].plan);
            rsheet_text(s, t->trainee);
            rsheet_num(s, t->attempts);
            rsheet_num(s, (double)t->entry->ses->id);
            rsheet_num(s, t->entry->card->total);
            rsheet_num(s, (double)(b ? b : t)->entry->ses->id);
            rsheet_num(s, (b ? b : t)->entry->card->total);
            rsheet_num(s, t->mistakes);
        }
}

int rclass_sheet(const report_group *g, int n_groups, const report_words *w, int format, const char *path, char *err,
                 int errlen)
{
    rsheet s[2];
    class_lines(&s[0], g, n_groups, w);
    class_trainees(&s[1], g, n_groups, w);
    int rc = rsheet_write(s, 2, format, path, err, errlen);
    rsheet_free(&s[0]);
    rsheet_free(&s[1]);
    return rc;
}
