/* why_render.c — the template filler: an explanation rendered in zh or en by copying its templates
 * and putting each "{slot}" value in place (values are never read as templates), and the scorecard
 * texts per language that the outputs pick from. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "why.h"

enum { LANG_ZH, LANG_EN };

typedef struct sbuf {
    char *p;
    size_t len, cap;
} sbuf;

static int sb_add(sbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (b->len + n + 1 > cap)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p)
            return -1;
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
    return 0;
}

typedef struct render {
    const score_texts *t;
    int lang;
    sbuf out;
    char *err;
    int errlen;
} render;

static int render_list(render *r, const score_why *w);

static int oom(render *r)
{
    snprintf(r->err, (size_t)r->errlen, "score texts: out of memory");
    return -1;
}

static const char *text_of(render *r, score_key k)
{
    const char *s = score_texts_get(r->t, r->lang, k);
    if (!s)
        snprintf(r->err, (size_t)r->errlen, "score texts: no %s text for %s", r->lang == LANG_EN ? "en" : "zh",
                 score_key_name(k));
    return s;
}

static int render_slot(render *r, const score_slot *s)
{
    if (s->kind == WHY_LIST)
        return render_list(r, s->list);
    const char *v = s->kind == WHY_PAIR && r->lang == LANG_EN ? s->en : s->zh;
    return sb_add(&r->out, v ? v : "", strlen(v ? v : "")) ? oom(r) : 0;
}

static int render_clause(render *r, const score_clause *c)
{
    const char *tmpl = text_of(r, c->key);
    if (!tmpl)
        return -1;
    for (const char *p = tmpl; *p;) {
        const char *open = strchr(p, '{'), *close = open ? strchr(open, '}') : NULL;
        if (!close) {
            open = p + strlen(p);
            close = NULL;
        }
        if (sb_add(&r->out, p, (size_t)(open - p)))
            return oom(r);
        if (!close)
            break;
        size_t n = (size_t)(close - open - 1);
        const score_slot *s = NULL;
        for (int i = 0; i < c->n_slots && !s; i++)
            if (strlen(c->slots[i].name) == n && strncmp(c->slots[i].name, open + 1, n) == 0)
                s = &c->slots[i];
        if (!s) {
            snprintf(r->err, (size_t)r->errlen, "score texts: %s: no value for {%.*s}", score_key_name(c->key), (int)n,
                     open + 1);
            return -1;
        }
        if (render_slot(r, s))
            return -1;
        p = close + 1;
    }
    return 0;
}

static int render_list(render *r, const score_why *w)
{
    if (!w)
        return 0;
    for (int i = 0; i < w->n; i++) {
        if (i > 0) {
            const char *sep = text_of(r, i == w->n - 1 ? w->last : w->sep);
            if (!sep)
                return -1;
            if (sb_add(&r->out, sep, strlen(sep)))
                return oom(r);
        }
        if (render_clause(r, w->items[i]))
            return -1;
    }
    return 0;
}

char *score_why_render(const score_texts *t, int lang, const score_why *w, char *err, int errlen)
{
    render r = {t, lang, {NULL, 0, 0}, err, errlen};
    if (sb_add(&r.out, "", 0)) {
        oom(&r);
        return NULL;
    }
    if (render_list(&r, w)) {
        free(r.out.p);
        return NULL;
    }
    return r.out.p;
}

int score_card_explain(score_card *c, const score_texts *t, char *err, int errlen)
{
    for (int i = 0; i < c->n_lines; i++) {
        score_line *l = &c->lines[i];
        if (!l->expl)
            continue;
        char *zh = score_why_render(t, LANG_ZH, l->expl, err, errlen);
        char *en = zh ? score_why_render(t, LANG_EN, l->expl, err, errlen) : NULL;
        if (!en) {
            free(zh);
            return -1;
        }
        free(l->why);
        free(l->why_en);
        l->why = zh;
        l->why_en = en;
    }
    return 0;
}

static int wants_en(const char *lang)
{
    return lang && strcmp(lang, "en") == 0;
}

const char *score_line_title_in(const score_line *l, const char *lang)
{
    if (wants_en(lang) && l->title_en && l->title_en[0])
        return l->title_en;
    return l->title ? l->title : "";
}

const char *score_line_why_in(const score_line *l, const char *lang)
{
    if (wants_en(lang) && l->why_en && l->why_en[0])
        return l->why_en;
    return l->why ? l->why : "";
}
