/* text.h — reading what a trainee wrote: normalisation of Chinese/English text (width, numerals,
 * punctuation, case), phrase search, and matching statements against the scenario's facts. */
#ifndef YQ_SIM_TEXT_H
#define YQ_SIM_TEXT_H

#include "scenario.h"

/* Word lists the world and the scoring read statements with; loaded from assets/lexicon.json. */
typedef enum sim_lex_kind {
    SIM_LEX_OFFICIALESE,  /* stiff phrases: 根据有关文件精神, 无可奉告 ... */
    SIM_LEX_APOLOGY,      /* 道歉, 致歉, 对不起, sorry ... */
    SIM_LEX_EMPATHY,      /* 理解, 关切, 心情 ... */
    SIM_LEX_THANKS,       /* 感谢, 谢谢 ... */
    SIM_LEX_CONTACT,      /* 热线, 电话, 联系 ... */
    SIM_LEX_NEXT_UPDATE,  /* 将及时发布, 持续通报, 后续 ... */
    SIM_LEX_BLAME,        /* 临时工, 不明真相的群众 ... */
    SIM_LEX_MEASURE,      /* 已成立, 正在, 已派出, 调查 ... */
    SIM_LEX_COUNT
} sim_lex_kind;

typedef struct sim_lexicon {
    sim_strlist words[SIM_LEX_COUNT];
} sim_lexicon;

const char *sim_lex_name(sim_lex_kind k);  /* "officialese", "apology", ... (the JSON keys) */
void sim_lexicon_free(sim_lexicon *lx);

/* A byte range [start, start+len) in the ORIGINAL (un-normalised) text. */
typedef struct sim_span {
    int start;
    int len;
} sim_span;

/* Normalised text: folded to half-width, ASCII lower case, punctuation and spaces removed,
 * Chinese numerals and 万/亿 multipliers rewritten as Arabic numbers ("三十二" -> "32",
 * "1.2万" -> "12000", "两百" -> "200"). `map[i]` is the byte offset in the original text that
 * normalised byte i came from, so matches can be reported as spans of what the trainee typed. */
typedef struct sim_norm {
    char *text;
    int *map;
    int len;
    int src_len;
    int *end;   /* end[i]: one past the last original byte that normalised byte i came from */
} sim_norm;

int sim_norm_make(sim_norm *n, const char *utf8);  /* 0, or -1 on allocation failure */
void sim_norm_free(sim_norm *n);
/* Span (in the original) of normalised bytes [a, b). */
sim_span sim_norm_span(const sim_norm *n, int a, int b);

/* Find a phrase (normalised on the fly) in normalised text, from byte `from`.
 * Returns the normalised offset or -1; `*span` receives the original span when non-NULL. */
int sim_norm_find(const sim_norm *n, const char *phrase, int from, sim_span *span);
/* First hit of any word of a list; -1 when none. `*which` gets the list index. */
int sim_norm_find_any(const sim_norm *n, const sim_strlist *words, sim_span *span, int *which);
/* sim_norm_find with a phrase already normalised by sim_norm_make, for repeated searches. */
int sim_norm_find_norm(const sim_norm *n, const sim_norm *phrase, int from, sim_span *span);

/* One number found in normalised text, with the span of its digits in the original. */
typedef struct sim_number {
    double value;
    sim_span span;
    int norm_start, norm_end;
} sim_number;
/* All numbers in the text, in order; returns how many were written (at most max). */
int sim_norm_numbers(const sim_norm *n, sim_number *out, int max);

/* How a statement relates to one fact. */
typedef enum sim_fact_use {
    SIM_FACT_CITED,   /* states the fact (value matches, or a synonym / its text appears) */
    SIM_FACT_WRONG    /* states a number for this fact that differs from its value */
} sim_fact_use;

typedef struct sim_fact_hit {
    int fact;              /* index into scenario facts */
    sim_fact_use use;
    double stated;         /* the number written, for number facts */
    sim_span span;
} sim_fact_hit;

#define SIM_MAX_HITS 32

typedef struct sim_analysis {
    sim_fact_hit facts[SIM_MAX_HITS];
    int n_facts;
    /* First hit of each lexicon list, span.len == 0 when none. */
    sim_span lex[SIM_LEX_COUNT];
    int lex_hits[SIM_LEX_COUNT];   /* how many words of each list appear */
    int chars;                     /* UTF-8 characters in the original */
} sim_analysis;

/* Analyse a statement against a scenario's facts and a lexicon. 0, or -1 on allocation failure. */
int sim_text_analyse(const char *text, const sim_scenario *s, const sim_lexicon *lx, sim_analysis *out);

/* Count UTF-8 code points. */
int sim_utf8_chars(const char *s);

#endif
