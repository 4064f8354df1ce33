/* why.h — language-neutral explanations of scorecard lines: clauses naming a template key of
 * why_keys.h with values for its named slots, built while grading and rendered later in zh and en. */
#ifndef YQ_SCORE_WHY_H
#define YQ_SCORE_WHY_H

#include "score.h"
#include "why_keys.h"

typedef struct score_clause score_clause;

typedef enum why_kind {
    WHY_SAME,    /* one string in every language (numbers, quoted phrases) */
    WHY_PAIR,    /* zh and en strings (plan and scenario texts) */
    WHY_LIST     /* nested clauses, rendered and joined */
} why_kind;

typedef struct score_slot {
    const char *name;   /* static: a slot name of the clause's key */
    why_kind kind;
    char *zh, *en;      /* WHY_SAME uses zh only */
    score_why *list;    /* WHY_LIST */
} score_slot;

struct score_clause {
    score_key key;
    score_slot *slots; int n_slots;
};

/* A sequence of clauses joined by `sep`, with `last` before the final one. */
struct score_why {
    score_clause **items; int n;
    score_key sep, last;
};

/* The key's name ("deadline.on_time") and its slot names ("what since minutes limit"). */
const char *score_key_name(score_key k);
const char *score_key_slots(score_key k);

/* Building (why_build.c). Every function tolerates NULL targets and sets *oom on allocation failure. */
score_why *score_why_new(score_key sep, score_key last, int *oom);
void score_why_free(score_why *w);
/* Append a clause of template `key`; NULL after a failure. */
score_clause *score_why_add(score_why *w, score_key key, int *oom);
void score_put_same(score_clause *c, const char *slot, const char *s, int *oom);
void score_put_fmt(score_clause *c, int *oom, const char *slot, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void score_put_pair(score_clause *c, const char *slot, const char *zh, const char *en, int *oom);
/* The slot holds one clause of template `key` (to fill in); NULL after a failure. */
score_clause *score_put_clause(score_clause *c, const char *slot, score_key key, int *oom);
/* Append a clause of template `key` to the list in `slot` (created joined by sep / last). */
score_clause *score_put_item(score_clause *c, const char *slot, score_key key, score_key sep, score_key last,
                             int *oom);

/* Rendering (why_render.c): the explanation in language 0 (zh) or 1 (en), malloc'd. NULL with err. */
char *score_why_render(const score_texts *t, int lang, const score_why *w, char *err, int errlen);
/* A loaded template, or NULL (texts_load.c). */
const char *score_texts_get(const score_texts *t, int lang, score_key k);

#endif
