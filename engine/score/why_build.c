/* why_build.c — building language-neutral explanations while grading: clauses of template keys
 * with named slot values (strings, zh/en pairs, nested clause lists), and freeing them. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "why.h"

#define SCORE_WHY_ROW(id, key, slots) {key, slots},
static const struct {
    const char *key, *slots;
} key_table[SW_COUNT] = {SCORE_WHY_KEYS(SCORE_WHY_ROW)};
#undef SCORE_WHY_ROW

const char *score_key_name(score_key k)
{
    return (unsigned)k < SW_COUNT ? key_table[k].key : "";
}

const char *score_key_slots(score_key k)
{
    return (unsigned)k < SW_COUNT ? key_table[k].slots : "";
}

static char *dup_or_oom(const char *s, int *oom)
{
    size_t n = strlen(s ? s : "") + 1;
    char *d = malloc(n);
    if (!d) {
        *oom = 1;
        return NULL;
    }
    memcpy(d, s ? s : "", n);
    return d;
}

score_why *score_why_new(score_key sep, score_key last, int *oom)
{
    score_why *w = calloc(1, sizeof *w);
    if (!w) {
        *oom = 1;
        return NULL;
    }
    w->sep = sep;
    w->last = last;
    return w;
}

static void clause_free(score_clause *c)
{
    if (!c)
        return;
    for (int i = 0; i < c->n_slots; i++) {
        free(c->slots[i].zh);
        free(c->slots[i].en);
        score_why_free(c->slots[i].list);
    }
    free(c->slots);
    free(c);
}

void score_why_free(score_why *w)
{
    if (!w)
        return;
    for (int i = 0; i < w->n; i++)
        clause_free(w->items[i]);
    free(w->items);
    free(w);
}

score_clause *score_why_add(score_why *w, score_key key, int *oom)
{
    if (!w || *oom)
        return NULL;
    score_clause **items = realloc(w->items, (size_t)(w->n + 1) * sizeof *items);
    score_clause *c = calloc(1, sizeof *c);
    if (items)
        w->items = items;
    if (!items || !c) {
        free(c);
        *oom = 1;
        return NULL;
    }
    c->key = key;
    w->items[w->n++] = c;
    return c;
}

/* The slot named `name` of c, added empty when new; NULL after a failure. */
static score_slot *slot_get(score_clause *c, const char *name, int *oom)
{
    if (!c || *oom)
        return NULL;
    for (int i = 0; i < c->n_slots; i++)
        if (strcmp(c->slots[i].name, name) == 0)
            return &c->slots[i];
    score_slot *slots = realloc(c->slots, (size_t)(c->n_slots + 1) * sizeof *slots);
    if (!slots) {
        *oom = 1;
        return NULL;
    }
    c->slots = slots;
    score_slot *s = &slots[c->n_slots++];
    memset(s, 0, sizeof *s);
    s->name = name;
    return s;
}

/* Empty a slot for a new value of `kind`. */
static score_slot *slot_reset(score_clause *c, const char *name, why_kind kind, int *oom)
{
    score_slot *s = slot_get(c, name, oom);
    if (!s)
        return NULL;
    free(s->zh);
    free(s->en);
    score_why_free(s->list);
    s->zh = s->en = NULL;
    s->list = NULL;
    s->kind = kind;
    return s;
}

void score_put_same(score_clause *c, const char *slot, const char *str, int *oom)
{
    score_slot *s = slot_reset(c, slot, WHY_SAME, oom);
    if (s)
        s->zh = dup_or_oom(str, oom);
}

void score_put_fmt(score_clause *c, int *oom, const char *slot, const char *fmt, ...)
{
    char buf[128];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    score_put_same(c, slot, buf, oom);
}

void score_put_pair(score_clause *c, const char *slot, const char *zh, const char *en, int *oom)
{
    score_slot *s = slot_reset(c, slot, WHY_PAIR, oom);
    if (!s)
        return;
    s->zh = dup_or_oom(zh, oom);
    s->en = dup_or_oom(en, oom);
}

score_clause *score_put_item(score_clause *c, const char *slot, score_key key, score_key sep, score_key last,
                             int *oom)
{
    score_slot *s = slot_get(c, slot, oom);
    if (!s)
        return NULL;
    if (s->kind != WHY_LIST || !s->list) {
        if (!(s = slot_reset(c, slot, WHY_LIST, oom)) || !(s->list = score_why_new(sep, last, oom)))
            return NULL;
    }
    return score_why_add(s->list, key, oom);
}

score_clause *score_put_clause(score_clause *c, const char *slot, score_key key, int *oom)
{
    score_slot *s = slot_reset(c, slot, WHY_LIST, oom);
    if (!s || !(s->list = score_why_new(SW_JOIN_SENTENCE, SW_JOIN_SENTENCE, oom)))
        return NULL;
    return score_why_add(s->list, key, oom);
}
