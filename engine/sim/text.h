/* text.h — reading what a trainee wrote: normalisation of Chinese/English text (width, numerals,
 * punctuation, case), phrase search, and matching statements against the scenario's facts. */
#ifndef YQ_SIM_TEXT_H
#define YQ_SIM_TEXT_H

#include <stddef.h>

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
    /* Cues the claims reader reads stance and scope with (claim_read.c, READING.md). */
    SIM_LEX_NEGATION,     /* 不, 没有, 未, 并非, not, never ... */
    SIM_LEX_NOT_NEGATION, /* words that contain a negation character but negate nothing: 不断, 无论 ... */
    SIM_LEX_REPORT,       /* 网传, 有网民称, 说法, reports that ... */
    SIM_LEX_DENIAL,       /* 不实, 谣言, 子虚乌有, is false ... (deny what was reported) */
    SIM_LEX_CONFIRM,      /* 属实, 确有此事, is true ... (confirm what was reported) */
    SIM_LEX_HEDGE,        /* 正在核实, 尚未确认, 疑似, is being investigated ... */
    SIM_LEX_CONDITIONAL,  /* 如果, 一旦, if ... */
    SIM_LEX_QUESTION,     /* 是否, 吗, 难道 ... */
    SIM_LEX_TOPIC,        /* 关于, 针对, regarding ...: a topic the sentence then answers */
    SIM_LEX_ANAPHOR,      /* 此说法, 该消息, this claim ...: refers back to the previous sentence */
    SIM_LEX_ASSERT,       /* 经核实, 经查, 目前 ...: the body's own voice starts here */
    SIM_LEX_HISTORICAL,   /* 首批, 此前, initially ...: a figure given for an earlier moment */
    SIM_LEX_SUBJECT,      /* counted nouns (学生, 患者, 摊贩 ...) that bind a number to its subject */
    SIM_LEX_CONJUNCTION,  /* 但是, 而是, 同时, but ...: a new clause starts (negation stops) */
    SIM_LEX_CAUSE,        /* 原因, 起因, cause: name a cause fact's topic (hedged or denied, it counts) */
    SIM_LEX_VAGUE,        /* 多人, 数名, several: an amount without a figure (多人受伤 asserts injuries) */
    SIM_LEX_OTHERS,       /* 其他, 其余, other: "未发现其他幼儿受伤" denies no injury already counted */
    /* Cues the scoring reads a public text with. */
    SIM_LEX_CORRECTION,   /* 更正, 此前通报有误, correction ...: a text says its body's earlier words were wrong */
    SIM_LEX_COUNT
} sim_lex_kind;

/* Lists [0, SIM_LEX_STYLE_COUNT) are the style lists the scoring's detectors and the world count. */
#define SIM_LEX_STYLE_COUNT (SIM_LEX_MEASURE + 1)

/* Folds text before reading (traditional to simplified); returns a malloc'ed string or NULL. */
typedef char *(*sim_fold_fn)(void *ctx, const char *utf8);

typedef struct sim_lexicon {
    sim_strlist words[SIM_LEX_COUNT];
    struct sim_norm *norm[SIM_LEX_COUNT];  /* words[k] normalised once (sim_lexicon_prepare); NULL: on each use */
    sim_fold_fn fold;   /* NULL: no folding */
    void *fold_ctx;
} sim_lexicon;

const char *sim_lex_name(sim_lex_kind k);  /* "officialese", "apology", ... (the JSON keys) */
void sim_lexicon_free(sim_lexicon *lx);
/* Normalise every word once for the scans that search them in each text read. 0, or -1 when out of memory
 * (the lexicon is left as it was). */
int sim_lexicon_prepare(sim_lexicon *lx);

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
/* FNV-1a 64 of the normalised bytes: equal for texts that differ only in spacing, punctuation or case. */
uint64_t sim_norm_hash(const sim_norm *n);
/* Span (in the original) of normalised bytes [a, b). */
sim_span sim_norm_span(const sim_norm *n, int a, int b);

/* Find a phrase (normalised on the fly) in normalised text, from byte `from`.
 * Returns the normalised offset or -1; `*span` receives the original span when non-NULL. */
int sim_norm_find(const sim_norm *n, const char *phrase, int from, sim_span *span);
/* First hit of any word of a list; -1 when none. `*which` gets the list index. */
int sim_norm_find_any(const sim_norm *n, const sim_strlist *words, sim_span *span, int *which);
/* sim_norm_find with a phrase already normalised by sim_norm_make, for repeated searches. */
int sim_norm_find_norm(const sim_norm *n, const sim_norm *phrase, int from, sim_span *span);

/* Style lists [0, SIM_LEX_STYLE_COUNT) in normalised text: first[k] gets the earliest hit (len 0
 * when none), hits[k] how many words of list k appear. A measure word found only inside an
 * officialese phrase (处置 in 妥善处置) does not count, nor a word found only inside one of the
 * `n_skip` spans (of the norm's source text): words the text quotes to deny them are not its own.
 * 0, or -1 on allocation failure. */
int sim_lex_scan(const sim_norm *n, const sim_lexicon *lx, const sim_span *skip, int n_skip, sim_span *first, int *hits);

/* One number found in normalised text, with the span of its digits in the original. */
typedef struct sim_number {
    double value;
    sim_span span;
    int norm_start, norm_end;
} sim_number;
/* All numbers in the text, in order; returns how many were written (at most max). */
int sim_norm_numbers(const sim_norm *n, sim_number *out, int max);

/* How a number is qualified: exact, about (约 左右), at least in its place (100多 十几: [100, 200)),
 * or more (以上: >= n), more than (超过 不止: > n), less than (不到 不足: < n), at most (以内: <= n),
 * vague (几十 数十: no value). */
typedef enum sim_num_kind {
    SIM_NUM_EXACT, SIM_NUM_ABOUT, SIM_NUM_AT_LEAST, SIM_NUM_OR_MORE, SIM_NUM_MORE, SIM_NUM_LESS,
    SIM_NUM_AT_MOST, SIM_NUM_VAGUE
} sim_num_kind;

/* One place where a statement speaks of a fact: its phrase, a number bound to it through a keyword
 * or unit, a keyword alone (a number fact's topic: has_number 0), or the positive core of a phrase
 * that carries its own negation ("生命危险" for "无生命危险": inverted). */
typedef struct sim_fact_mention {
    int fact;
    int has_number;
    double stated;       /* in the fact's unit */
    sim_num_kind kind;
    int fits;            /* the number agrees with the fact's value under its qualifier */
    int inverted;
    int phrase;          /* a phrase of the fact (its text or a synonym), not a keyword */
    sim_span span;       /* in the original text */
} sim_fact_mention;

typedef struct sim_fact_mentions {
    sim_fact_mention *items;
    int count, cap;
} sim_fact_mentions;

/* What a scenario gives the reader to search for, normalised once for every text read against it. */
typedef struct sim_norm_list {
    sim_norm *items;   /* a missing text (an absent en) has text NULL */
    int count;
} sim_norm_list;

typedef struct sim_scenario_norms {
    sim_norm_list *fact_phrases;   /* per fact: text zh, text en, then its synonyms */
    sim_norm_list *fact_subjects;  /* per fact: its subjects */
    sim_norm_list *fact_topics;    /* per fact: its topics */
    sim_norm *fact_units;          /* per fact: its unit (text NULL when it has none) */
    sim_norm_list *rumour_phrases; /* per rumour: claim zh, claim en, then its synonyms */
    sim_norm_list *claim_phrases;  /* per declared claim: text zh, text en, then its synonyms */
    int n_facts, n_rumours, n_claims;
} sim_scenario_norms;

/* The scenario's phrases normalised; NULL when out of memory. */
sim_scenario_norms *sim_scenario_norms_make(const sim_scenario *s);
void sim_scenario_norms_free(sim_scenario_norms *sn);
/* Normalise the scenario's phrases once into s->norms (replacing any there), for the reads that follow; the
 * scenario must not change after. 0, or -1 when out of memory (s->norms is then NULL). */
int sim_scenario_prepare(sim_scenario *s);
/* s->norms, or when the scenario is not prepared norms made now into *own (the caller frees them with
 * sim_scenario_norms_free). NULL when out of memory. */
const sim_scenario_norms *sim_scenario_norms_of(const sim_scenario *s, sim_scenario_norms **own);

/* Every mention of the scenario's facts in normalised text `n` of `src`, in text order (appended
 * to out; free out->items). `sn`: the scenario's phrases normalised (sim_scenario_norms_of), or NULL to
 * take s->norms or normalise them for this scan. 0, or -1 on allocation failure. */
int sim_fact_scan(const char *src, const sim_norm *n, const sim_scenario *s, const sim_scenario_norms *sn,
                  const sim_lexicon *lx, sim_fact_mentions *out);


/* 0 when s[0..len) is valid UTF-8 without NUL bytes (no overlong forms, surrogates or code points
 * above U+10FFFF); else -1 with *why ("contains a NUL byte", "is not valid UTF-8") and *at, the
 * offending byte's offset. */
int sim_utf8_check(const char *s, size_t len, const char **why, size_t *at);

/* Count UTF-8 code points. */
int sim_utf8_chars(const char *s);

#endif
