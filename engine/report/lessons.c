/* lessons.c — the improvement plan of a scorecard: strengths (lines at full marks, weightiest first, and
 * only where what was said was right), areas for improvement (largest point losses first) and each
 * one's corrective action text. */
#include <stdio.h>
#include <string.h>

#include "report.h"

#define FULL_EPS 0.005   /* scores are rounded to 0.01 */

/* Insert line i into the ranked list idx[0..*n) (at most cap), `before(i, j)` deciding the order. */
static void ranked_insert(int *idx, int *n, int cap, int i, const score_card *c,
                          int (*before)(const score_card *, int, int))
{
    int pos = *n;
    while (pos > 0 && before(c, i, idx[pos - 1]))
        pos--;
    if (pos >= cap)
        return;
    int last = *n < cap ? *n : cap - 1;
    memmove(&idx[pos + 1], &idx[pos], (size_t)(last - pos) * sizeof *idx);
    idx[pos] = i;
    if (*n < cap)
        (*n)++;
}

/* Strengths: larger maximum first; equal ones keep card order. */
static int stronger(const score_card *c, int i, int j)
{
    return c->lines[i].max > c->lines[j].max;
}

/* Improvements: larger loss first, then the smaller share earned, then card order. */
static int weaker(const score_card *c, int i, int j)
{
    const score_line *a = &c->lines[i], *b = &c->lines[j];
    double la = a->max - a->points, lb = b->max - b->points;
    if (la > lb + FULL_EPS)
        return 1;
    if (la < lb - FULL_EPS)
        return 0;
    return a->points / a->max < b->points / b->max - 1e-9;
}

void report_lessons_pick(const score_card *c, const sim_world *w, int max, report_lessons *out)
{
    memset(out, 0, sizeof *out);
    if (max > REPORT_LESSONS_MAX)
        max = REPORT_LESSONS_MAX;
    if (max <= 0)
        return;
    for (int i = 0; i < c->n_lines; i++) {
        const score_line *l = &c->lines[i];
        if (!(l->max > 0))
            continue;
        if (l->points >= l->max - FULL_EPS) {
            if (report_claims_right(w, l))
                ranked_insert(out->strengths, &out->n_strengths, max, i, c, stronger);
        } else
            ranked_insert(out->improve, &out->n_improve, max, i, c, weaker);
    }
}

/* Replace {title}, {lost} and {why} in tmpl. */
const char *report_corrective(const report_words *w, const score_line *l, char *buf, size_t len)
{
    const char *tmpl = report_word(w, "lesson.corrective"), *lang = report_words_lang(w);
    char lost[32];
    snprintf(lost, sizeof lost, "%.1f", l->max - l->points);
    size_t used = 0;
    buf[0] = '\0';
    for (const char *p = tmpl; *p && used + 1 < len;) {
        const char *sub = NULL;
        size_t skip = 0;
        if (strncmp(p, "{title}", 7) == 0)
            sub = score_line_title_in(l, lang), skip = 7;
        else if (strncmp(p, "{lost}", 6) == 0)
            sub = lost, skip = 6;
        else if (strncmp(p, "{why}", 5) == 0)
            sub = score_line_why_in(l, lang), skip = 5;
        if (skip) {
            int wrote = snprintf(buf + used, len - used, "%s", sub ? sub : "");
            used += wrote < 0 ? 0 : (size_t)wrote;
            if (used >= len)
                used = len - 1;
            p += skip;
        } else {
            buf[used++] = *p++;
        }
    }
    buf[used] = '\0';
    return report_utf8_trim(buf);
}
