/* claim_read.c — the claims reader: a statement is folded (traditional to simplified, through the
 * lexicon's folder), cut into sentences and clauses, its cue words found, and every mention of a
 * declared fact, rumour or false claim given a stance, a bound number and a status (READING.md).
 *
 * Stance of one mention, first rule that applies:
 * 1. A denial predicate (不实, 谣言, is false) denies the mentions it governs: in its own sentence, those
 *    reported (网传, 说法, quotation) before it, those in its clause, or, when its clause names nothing
 *    before it, those of the clause before; a sentence that opens with 经核实/此说法… and names nothing
 *    before its denial reaches back to the previous sentence. A negated mention denied is asserted.
 * 2. A hedge (正在核实, 疑似, may) in the mention's clause, or opening the next clause of the same
 *    sentence when that names nothing itself ("原因，目前正在调查"): hedges. A conditional (如果, if)
 *    before it in its sentence likewise.
 * 3. A question (是否, 吗, a sentence ending in ？): reports.
 * 4. Reported (a report cue in its clause, or earlier in its sentence with no 经核实-like cue between;
 *    inside quotation marks; the topic of 关于/针对 in its clause): asserts when a confirmation
 *    (属实, 确有此事) follows in the sentence, else reports.
 * 5. An odd number of negation cues before it in its clause (cues inside other mentions and words
 *    like 不断 or 无论 do not count; nor any in quoted or reported words, which are the rumour's own):
 *    denies; else asserts. A fact's words inside a quoted or reported rumour are not denied with it.
 * The positive core of a phrase that carries its own negation (有生命危险 against 无生命危险) swaps
 * asserts and denies. A text that is a bare list of phrases asserts nothing: its assertions report.
 * Clauses end at ，。；：！？ , ; : ! ? a full stop, a line break, a space between CJK characters, and
 * before a conjunction (但是, 而是, but); 、 separates list items but keeps a negation's scope. */
#include "claims.h"

#include <stdlib.h>
#include <string.h>

#define LIST_MIN_ITEMS 2      /* bare items that make a text a list */
#define LIST_SHARE 0.5        /* share of the items naming something that must be bare */
#define BARE_CONTENT 1        /* characters besides mentions and numbers an item may have and be bare */
#define BARE_MAX 7            /* characters a bare item may have: a keyword, not a stated fact */
#define LIST_COVER 0.7        /* share of the text's characters that mentions must cover in a list */
#define LIST_PHRASES 3        /* phrases strung without a sentence that make a list ... */
#define LIST_PHRASE_COVER 0.85 /* ... when mentions cover this share of the text */
#define LIST_SPACED_GAPS 3     /* spaces between CJK words that make a text words strung with spaces ... */
#define LIST_SPACED_SHORT 0.75 /* ... when this share of its space-separated runs are keywords */
#define NEG_REACH 90           /* bytes a negation reaches forward: thirty CJK characters */
#define HEDGE_LEAD 6          /* bytes a clause may hold before the hedge that opens it (目前正在调查) */

typedef struct cue {
    sim_lex_kind kind;
    int a, b;
} cue;

typedef struct mention {
    sim_about about;
    int ref;
    int has_number;
    double number;
    sim_num_kind kind;
    int fits, inverted, phrase;
    int generic;         /* a topic word (原因 for a cause fact, a fact's topics), not the fact's words */
    int split_neg;       /* negation words found inside the phrase: 楼不会塌 for 楼会塌 */
    int a, b;            /* folded byte range */
    int clause, sentence;
    int negated, reported, topic, quoted, denied, confirmed, hedged, asked, conditional;
    int in_denied_quote; /* quoted, and a denial later in its sentence denies the quotation */
} mention;

typedef struct clause {
    int a, b, sentence;
} clause;

typedef struct reader {
    const sim_scenario *s;
    const sim_scenario_norms *sn;  /* its phrases normalised: s->norms, or own */
    sim_scenario_norms *own;       /* made for this read when the scenario is not prepared */
    const sim_lexicon *lx;
    const sim_truth *truth;
    char *text;          /* folded text */
    int len;
    int *map;            /* folded byte -> original byte; NULL when nothing was folded */
    int src_len;
    char *low;           /* text with ASCII lower-cased, for cue search */
    sim_norm n;
    sim_norm bare;       /* n without its negation words, to find phrases a negation splits (楼不会塌) */
    clause *cl; int n_cl;
    int *sent_start; int n_sent;  /* first clause of each sentence */
    cue *cues; int n_cues, cap_cues;
    mention *ms; int n_ms, cap_ms;
    int *quote;          /* per folded byte: inside quotation marks */
    char *covered;       /* per folded byte: inside a mention (after overlaps are resolved) */
} reader;

/* ---- folding ---------------------------------------------------------------------------- */

static int utf8_len(unsigned char c)
{
    return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

static int count_cps(const char *t)
{
    int n = 0;
    for (int i = 0; t[i]; i += utf8_len((unsigned char)t[i]))
        n++;
    return n;
}

/* Map folded text back to the original character by character (same number of characters). */
static int map_chars(reader *r, const char *orig)
{
    r->map = malloc(sizeof *r->map * ((size_t)r->len + 1));
    if (!r->map)
        return -1;
    int i = 0, j = 0;
    while (r->text[i]) {
        int li = utf8_len((unsigned char)r->text[i]), lj = utf8_len((unsigned char)orig[j]);
        for (int k = 0; k < li && r->text[i + k]; k++)
            r->map[i + k] = j;
        i += li;
        j += orig[j] ? lj : 0;
    }
    r->map[r->len] = r->src_len;
    return 0;
}

/* Fold the whole text; when the folder changed the number of characters, fold one at a time. */
static int fold_text(reader *r, const char *orig)
{
    r->src_len = (int)strlen(orig);
    const sim_lexicon *lx = r->lx;
    char *whole = lx && lx->fold ? lx->fold(lx->fold_ctx, orig) : NULL;
    if (whole && count_cps(whole) == count_cps(orig)) {
        r->text = whole;
        r->len = (int)strlen(whole);
        return map_chars(r, orig);
    }
    free(whole);
    if (!lx || !lx->fold) {
        r->text = malloc((size_t)r->src_len + 1);
        if (!r->text)
            return -1;
        memcpy(r->text, orig, (size_t)r->src_len + 1);
        r->len = r->src_len;
        return 0;
    }
    size_t cap = (size_t)r->src_len * 2 + 16, used = 0;
    r->text = malloc(cap);
    r->map = malloc(sizeof *r->map * cap);
    if (!r->text || !r->map)
        return -1;
    for (int i = 0; orig[i];) {
        int l = utf8_len((unsigned char)orig[i]);
        char one[8] = {0};
        for (int k = 0; k < l && orig[i + k]; k++)
            one[k] = orig[i + k];
        char *f = lx->fold(lx->fold_ctx, one);
        const char *put = f && f[0] ? f : one;
        size_t pl = strlen(put);
        if (used + pl + 1 > cap) {
            cap = (used + pl + 1) * 2;
            char *t = realloc(r->text, cap);
            int *m = realloc(r->map, sizeof *m * cap);
            if (t)
                r->text = t;
            if (m)
                r->map = m;
            if (!t || !m) {
                free(f);
                return -1;
            }
        }
        for (size_t k = 0; k < pl; k++)
            r->map[used + k] = i;
        memcpy(r->text + used, put, pl);
        used += pl;
        free(f);
        i += (int)strlen(one);
    }
    r->text[used] = '\0';
    r->len = (int)used;
    r->map[used] = r->src_len;
    return 0;
}

static int orig_at(const reader *r, int folded)
{
    return r->map ? r->map[folded] : folded;
}

/* ---- cues ------------------------------------------------------------------------------- */

static int is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Length of cue word w at byte i of the lower-cased text, 0 when absent; ASCII words match whole. */
static int cue_at(const reader *r, int i, const char *w)
{
    size_t l = strlen(w);
    if (l == 0 || (int)l > r->len - i || memcmp(r->low + i, w, l) != 0)
        return 0;
    unsigned char first = (unsigned char)w[0], last = (unsigned char)w[l - 1];
    if (is_word_byte(first) && i > 0 && is_word_byte((unsigned char)r->low[i - 1]))
        return 0;
    if (is_word_byte(last) && i + (int)l < r->len && is_word_byte((unsigned char)r->low[i + l]))
        return 0;
    return (int)l;
}

/* Cue kinds in the order that breaks ties between words of the same length. */
static const sim_lex_kind cue_kinds[] = {
    SIM_LEX_HEDGE, SIM_LEX_DENIAL, SIM_LEX_CONFIRM, SIM_LEX_REPORT, SIM_LEX_QUESTION, SIM_LEX_CONDITIONAL,
    SIM_LEX_TOPIC, SIM_LEX_ANAPHOR, SIM_LEX_ASSERT, SIM_LEX_HISTORICAL, SIM_LEX_CONJUNCTION, SIM_LEX_CAUSE,
    SIM_LEX_VAGUE, SIM_LEX_OTHERS, SIM_LEX_NOT_NEGATION, SIM_LEX_NEGATION,
};
#define N_CUE_KINDS ((int)(sizeof cue_kinds / sizeof cue_kinds[0]))

static int cue_push(reader *r, sim_lex_kind k, int a, int b)
{
    if (r->n_cues == r->cap_cues) {
        int cap = r->cap_cues * 2 + 32;
        cue *c = realloc(r->cues, sizeof *c * (size_t)cap);
        if (!c)
            return -1;
        r->cues = c;
        r->cap_cues = cap;
    }
    r->cues[r->n_cues++] = (cue){k, a, b};
    return 0;
}

/* Cue words hashed by their first character, so each position tests only the words that can start there. */
#define CUE_BUCKETS 512

typedef struct cue_word {
    const char *word;
    sim_lex_kind kind;
    int next;   /* next word of the bucket, -1 */
} cue_word;

static unsigned first_char_hash(const char *t)
{
    unsigned h = (unsigned char)t[0];
    for (int k = 1; k < utf8_len((unsigned char)t[0]) && t[k]; k++)
        h = h * 131u + (unsigned char)t[k];
    return h % CUE_BUCKETS;
}

/* Longest cue word at each character, left to right; a word consumes what it covers. Ties go to the
 * kind listed first in cue_kinds. */
static int find_cues(reader *r)
{
    if (!r->lx)
        return 0;
    int total = 0, head[CUE_BUCKETS];
    for (int k = 0; k < N_CUE_KINDS; k++)
        total += r->lx->words[cue_kinds[k]].count;
    cue_word *words = malloc(sizeof *words * (size_t)(total + 1));
    if (!words)
        return -1;
    for (int h = 0; h < CUE_BUCKETS; h++)
        head[h] = -1;
    int n = 0;
    for (int k = N_CUE_KINDS - 1; k >= 0; k--) {   /* pushed in reverse so that buckets list kinds in order */
        const sim_strlist *list = &r->lx->words[cue_kinds[k]];
        for (int w = list->count - 1; w >= 0; w--) {
            if (!list->items[w] || !list->items[w][0])
                continue;
            unsigned h = first_char_hash(list->items[w]);
            words[n] = (cue_word){list->items[w], cue_kinds[k], head[h]};
            head[h] = n++;
        }
    }
    int rc = 0;
    for (int i = 0; i < r->len && rc == 0;) {
        int best = 0;
        sim_lex_kind kind = SIM_LEX_NEGATION;
        for (int w = head[first_char_hash(r->low + i)]; w >= 0; w = words[w].next) {
            int l = cue_at(r, i, words[w].word);
            if (l > best) {
                best = l;
                kind = words[w].kind;
            }
        }
        if (best > 0) {
            rc = cue_push(r, kind, i, i + best);
            i += best;
        } else {
            i += utf8_len((unsigned char)r->text[i]);
        }
    }
    free(words);
    return rc;
}

/* ---- sentences and clauses -------------------------------------------------------------- */

static int starts_with(const char *t, const char *w)
{
    size_t l = strlen(w);
    return strncmp(t, w, l) == 0 ? (int)l : 0;
}

static int is_cjk_at(const char *t, int i)
{
    unsigned char c = (unsigned char)t[i];
    return c >= 0xE3 && c <= 0xE9;
}

/* 2: sentence end, 1: clause end, 0: neither; *skip gets the length of the mark. */
static int boundary_at(const reader *r, int i, int *skip)
{
    static const char *const sentence_marks[] = {"。", "！", "？", "；", "｡", "\n"};
    static const char *const clause_marks[] = {"，", "：", "､", "…", "——", "（", "）"};
    const char *t = r->text + i;
    for (size_t k = 0; k < sizeof sentence_marks / sizeof *sentence_marks; k++)
        if ((*skip = starts_with(t, sentence_marks[k])))
            return 2;
    for (size_t k = 0; k < sizeof clause_marks / sizeof *clause_marks; k++)
        if ((*skip = starts_with(t, clause_marks[k])))
            return 1;
    *skip = 1;
    char c = *t;
    if (c == '!' || c == '?' || c == ';')
        return 2;
    if (c == '.')
        return (i + 1 >= r->len || r->text[i + 1] == ' ' || r->text[i + 1] == '\n') ? 2 : 0;
    if (c == ',' || c == ':' || c == '(' || c == ')' || c == '#')
        return 1;
    if ((c == ' ' || c == '\t') && i > 0 && i + 1 < r->len) {
        int before = i - 1;
        while (before > 0 && ((unsigned char)r->text[before] & 0xC0) == 0x80)
            before--;
        if (is_cjk_at(r->text, before) && is_cjk_at(r->text, i + 1))
            return 1;
    }
    return 0;
}

static int clause_push(reader *r, int a, int b, int sentence, int *cap)
{
    if (r->n_cl == *cap) {
        *cap = *cap * 2 + 16;
        clause *c = realloc(r->cl, sizeof *c * (size_t)*cap);
        if (!c)
            return -1;
        r->cl = c;
    }
    r->cl[r->n_cl++] = (clause){a, b, sentence};
    return 0;
}

static int cue_starting(const reader *r, int i, sim_lex_kind kind)
{
    for (int k = 0; k < r->n_cues; k++)
        if (r->cues[k].a == i && r->cues[k].kind == kind)
            return 1;
    return 0;
}

static int split(reader *r)
{
    int cap = 0, start = 0, sentence = 0;
    r->sent_start = malloc(sizeof *r->sent_start * ((size_t)r->len + 2));
    if (!r->sent_start)
        return -1;
    r->sent_start[0] = 0;
    for (int i = 0; i <= r->len;) {
        int skip = 1, kind = i == r->len ? 2 : boundary_at(r, i, &skip);
        if (kind == 0 && i > start && cue_starting(r, i, SIM_LEX_CONJUNCTION)) {
            if (clause_push(r, start, i, sentence, &cap))
                return -1;
            start = i;
        }
        if (kind) {
            if (clause_push(r, start, i, sentence, &cap))
                return -1;
            start = i + skip;
            if (kind == 2 && i < r->len)
                r->sent_start[++sentence] = r->n_cl;
        }
        int step = kind ? skip : utf8_len((unsigned char)r->text[i]);
        i = i < r->len && i + step > r->len ? r->len : i + step;   /* a truncated last character */
    }
    r->n_sent = sentence + 1;
    r->sent_start[r->n_sent] = r->n_cl;
    return 0;
}

/* The clause holding folded byte `at` (the first whose end lies after it; the last one at the end). */
static int clause_of(const reader *r, int at)
{
    int lo = 0, hi = r->n_cl - 1;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (at < r->cl[mid].b)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo > 0 ? lo : 0;
}

/* Quotation marks: “…” 「…」 『…』, straight double quotes and #hashtags# paired in order. */
static int mark_quotes(reader *r)
{
    r->quote = calloc((size_t)r->len + 1, sizeof *r->quote);
    if (!r->quote)
        return -1;
    int depth = 0, straight = 0;
    for (int i = 0; i < r->len; i++) {
        const char *t = r->text + i;
        int l;
        if ((l = starts_with(t, "“")) || (l = starts_with(t, "「")) || (l = starts_with(t, "『")))
            depth++;
        else if (((l = starts_with(t, "”")) || (l = starts_with(t, "」")) || (l = starts_with(t, "』"))) && depth > 0)
            depth--;
        else if (*t == '"' || *t == '#')
            straight = !straight;   /* "…" and #topic#: the words are quoted, not stated */
        r->quote[i] = depth > 0 || straight;
    }
    return 0;
}

/* ---- mentions --------------------------------------------------------------------------- */

static int mention_push(reader *r, const mention *m)
{
    if (r->n_ms == r->cap_ms) {
        int cap = r->cap_ms * 2 + 16;
        mention *g = realloc(r->ms, sizeof *g * (size_t)cap);
        if (!g)
            return -1;
        r->ms = g;
        r->cap_ms = cap;
    }
    r->ms[r->n_ms++] = *m;
    return 0;
}

/* The normalised text without its negation words, mapped to the same folded offsets. */
static int strip_negations(reader *r)
{
    int n = r->n.len;
    char *negated = calloc((size_t)r->len + 1, 1);   /* per folded byte: inside a negation cue */
    r->bare.text = malloc((size_t)n + 1);
    r->bare.map = malloc(sizeof(int) * ((size_t)n + 1));
    r->bare.end = malloc(sizeof(int) * ((size_t)n + 1));
    if (!negated || !r->bare.text || !r->bare.map || !r->bare.end) {
        free(negated);
        return -1;
    }
    for (int i = 0; i < r->n_cues; i++) {
        const cue *c = &r->cues[i];
        if (c->kind == SIM_LEX_QUESTION && c->b - c->a == 9 && memcmp(r->text + c->a, r->text + c->a + 6, 3) == 0 &&
            (starts_with(r->text + c->a + 3, "不") || starts_with(r->text + c->a + 3, "没")))
            memset(negated + c->a + 3, 1, 6);   /* 会不会, 是不是, 有没有 as one cue: keep the A */
        if (c->kind != SIM_LEX_NEGATION)
            continue;
        memset(negated + c->a, 1, (size_t)(c->b - c->a));
        /* A-not-A questions (会不会塌, 有没有): the repeated A goes too, leaving 会塌, 有 */
        if (c->a >= 3 && c->b + 3 <= r->len && memcmp(r->text + c->a - 3, r->text + c->b, 3) == 0 &&
            (unsigned char)r->text[c->b] >= 0xE3)
            memset(negated + c->b, 1, 3);
    }
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (negated[r->n.map[i]])
            continue;
        r->bare.text[k] = r->n.text[i];
        r->bare.map[k] = r->n.map[i];
        r->bare.end[k] = r->n.end[i];
        k++;
    }
    r->bare.text[k] = '\0';
    r->bare.map[k] = r->n.map[n];
    r->bare.end[k] = r->n.end[n];
    r->bare.len = k;
    r->bare.src_len = r->n.src_len;
    free(negated);
    return 0;
}

static int already_named(const reader *r, sim_about about, int ref, int a, int b)
{
    for (int i = 0; i < r->n_ms; i++)
        if (r->ms[i].about == about && r->ms[i].ref == ref && r->ms[i].a < b && a < r->ms[i].b)
            return 1;
    return 0;
}

/* Every occurrence of one phrase: as written (pass 0, skipped for facts: the matcher finds those), then
 * split by a negation word or an A-not-A question (楼不会塌 for 楼会塌). */
static int phrase_at(reader *r, sim_about about, int ref, const sim_norm *pn, int first_pass)
{
    int rc = 0;
    for (int pass = first_pass; pass < 2 && rc == 0; pass++) {
        const sim_norm *n = pass == 0 ? &r->n : &r->bare;
        for (int at = 0; pn->len > 0 && rc == 0 && (at = sim_norm_find_norm(n, pn, at, NULL)) >= 0; at++) {
            sim_span sp = sim_norm_span(n, at, at + pn->len);
            mention m = {.about = about, .ref = ref, .a = sp.start, .b = sp.start + sp.len, .phrase = 1};
            if (pass == 1) {
                if (already_named(r, about, ref, m.a, m.b))
                    continue;
                for (int i = 0; i < r->n_cues; i++)
                    m.split_neg += r->cues[i].kind == SIM_LEX_NEGATION && r->cues[i].a >= m.a && r->cues[i].b <= m.b;
            }
            rc = mention_push(r, &m);
        }
    }
    return rc;
}

/* Every occurrence of a declared rumour's or claim's phrases (normalised: zh, en, then synonyms). */
static int phrase_mentions(reader *r, sim_about about, int ref, const sim_norm_list *phrases)
{
    for (int i = 0; i < phrases->count; i++)
        if (phrases->items[i].text && phrase_at(r, about, ref, &phrases->items[i], 0))
            return -1;
    return 0;
}

/* A fact's phrases split by a negation word ("涉事教师没有停止工作" for "涉事教师停止工作"); its own
 * occurrences as written come from the matcher (sim_fact_scan). Keywords of a figure are no phrases. */
static int split_fact_mentions(reader *r, int f)
{
    const sim_norm_list *phrases = &r->sn->fact_phrases[f];
    for (int i = 0; i < (r->s->facts[f].has_value ? 2 : phrases->count); i++)
        if (phrases->items[i].text && phrase_at(r, SIM_ABOUT_FACT, f, &phrases->items[i], 1))
            return -1;
    return 0;
}

/* A fact's declared topics as topic mentions: "检测结果尚未确认" hedges the fact. */
static int topic_mentions(reader *r, int f)
{
    const sim_norm_list *t = &r->sn->fact_topics[f];
    for (int i = 0; i < t->count; i++) {
        const sim_norm *pn = &t->items[i];
        for (int at = 0; pn->len > 0 && (at = sim_norm_find_norm(&r->n, pn, at, NULL)) >= 0; at++) {
            sim_span sp = sim_norm_span(&r->n, at, at + pn->len);
            mention m = {.about = SIM_ABOUT_FACT, .ref = f, .generic = 1, .a = sp.start, .b = sp.start + sp.len};
            if (mention_push(r, &m))
                return -1;
        }
    }
    return 0;
}

/* The lexicon's cause words as topic mentions of cause fact f: "原因正在调查" hedges the cause. */
static int cause_mentions(reader *r, int f)
{
    for (int k = 0; k < r->n_cues; k++) {
        const cue *c = &r->cues[k];
        if (c->kind != SIM_LEX_CAUSE)
            continue;
        mention m = {.about = SIM_ABOUT_FACT, .ref = f, .generic = 1, .a = c->a, .b = c->b};
        if (mention_push(r, &m))
            return -1;
    }
    return 0;
}

static int collect_mentions(reader *r)
{
    sim_fact_mentions fm = {0};
    int rc = sim_fact_scan(r->text, &r->n, r->s, r->sn, r->lx, &fm);
    for (int i = 0; rc == 0 && i < fm.count; i++) {
        const sim_fact_mention *x = &fm.items[i];
        mention m = {.about = SIM_ABOUT_FACT, .ref = x->fact, .has_number = x->has_number, .number = x->stated,
                     .kind = x->kind, .fits = x->fits, .inverted = x->inverted, .phrase = x->phrase, .a = x->span.start,
                     .b = x->span.start + x->span.len};
        rc = mention_push(r, &m);
    }
    free(fm.items);
    if (rc == 0)
        rc = strip_negations(r);
    for (int i = 0; rc == 0 && i < r->s->n_facts; i++)
        rc = split_fact_mentions(r, i) || topic_mentions(r, i);
    for (int i = 0; rc == 0 && i < r->s->n_facts; i++)
        if (r->lx && r->s->facts[i].kind && strcmp(r->s->facts[i].kind, "cause") == 0)
            rc = cause_mentions(r, i);
    for (int i = 0; rc == 0 && i < r->s->n_rumours; i++)
        rc = phrase_mentions(r, SIM_ABOUT_RUMOUR, i, &r->sn->rumour_phrases[i]);
    for (int i = 0; rc == 0 && i < r->s->n_claims; i++)
        rc = phrase_mentions(r, SIM_ABOUT_CLAIM, i, &r->sn->claim_phrases[i]);
    return rc;
}

/* The member of a fact's superseded_by chain that stands at the reading's moment. */
static int chain_current(const reader *r, int f)
{
    int cur = f;
    for (int steps = 0, nx; steps < r->s->n_facts && (nx = sim_fact_successor(r->s, cur)) >= 0; steps++) {
        if (!sim_truth_fact_verified(r->s, r->truth, nx))
            break;
        cur = nx;
    }
    return cur;
}

static int same_chain(const reader *r, int f, int g)
{
    for (int k = f, steps = 0; k >= 0 && steps <= r->s->n_facts; k = sim_fact_successor(r->s, k), steps++)
        if (k == g)
            return 1;
    for (int k = g, steps = 0; k >= 0 && steps <= r->s->n_facts; k = sim_fact_successor(r->s, k), steps++)
        if (k == f)
            return 1;
    return 0;
}

static int cues_between(const reader *r, sim_lex_kind kind, int a, int b)
{
    for (int i = 0; i < r->n_cues; i++)
        if (r->cues[i].kind == kind && r->cues[i].a >= a && r->cues[i].b <= b)
            return 1;
    return 0;
}

/* Whether fact mention f contains rumour or claim mention x after a negation cue of its own, or is
 * the positive core of a negated fact phrase that contains it. */
static int negated_inside(const reader *r, const mention *f, const mention *x)
{
    if (f->about != SIM_ABOUT_FACT || x->about == SIM_ABOUT_FACT || x->a < f->a || x->b > f->b)
        return 0;
    if (f->inverted)   /* 发现了数据泄露: the fact's 未发现… is denied and the rumour's 数据泄露 stated */
        return x->a != f->a || x->b != f->b;
    for (int i = 0; i < r->n_cues; i++)
        if ((r->cues[i].kind == SIM_LEX_NEGATION || r->cues[i].kind == SIM_LEX_DENIAL) && r->cues[i].a >= f->a &&
            r->cues[i].b <= x->a)
            return 1;
    return 0;
}

/* Which of two overlapping mentions of different things to keep: 1 a, 0 b. */
static int keep_first(const reader *r, const mention *a, const mention *b)
{
    if (a->a == b->a && a->b == b->b && (a->inverted || b->inverted) && a->about != b->about)
        return !a->inverted;   /* 收费 is the rumour's own word before it is the core of 不收费 */
    if (a->about == SIM_ABOUT_FACT && b->about == SIM_ABOUT_FACT && a->b - a->a == b->b - b->a &&
        a->has_number == b->has_number && same_chain(r, a->ref, b->ref) && !a->has_number)
        return chain_current(r, a->ref) == a->ref || chain_current(r, b->ref) != b->ref;
    if (a->b - a->a != b->b - b->a)
        return a->b - a->a > b->b - b->a;
    if (a->has_number != b->has_number)
        return a->has_number;
    return a->about <= b->about;
}

static int mention_cmp(const void *pa, const void *pb)
{
    const mention *a = pa, *b = pb;
    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    if (a->b != b->b)
        return a->b > b->b ? -1 : 1;
    return a->about != b->about ? (int)a->about - (int)b->about : a->ref - b->ref;
}

/* Overlapping mentions of different things: the longer wins (a fact over a rumour on a tie). */
static void resolve_overlaps(reader *r)
{
    if (r->n_ms > 1)
        qsort(r->ms, (size_t)r->n_ms, sizeof *r->ms, mention_cmp);
    int kept = 0;
    for (int i = 0; i < r->n_ms; i++) {
        mention *m = &r->ms[i];
        int drop = 0;
        for (int k = 0; k < kept && !drop; k++) {
            mention *o = &r->ms[k];
            if (o->b <= m->a || m->b <= o->a)
                continue;
            if (o->about == SIM_ABOUT_FACT && m->about == SIM_ABOUT_FACT && o->ref != m->ref &&
                !same_chain(r, o->ref, m->ref))
                continue;   /* two facts may share words: 6辆送水车 is the count and the trucks */
            if (o->about == m->about && o->ref == m->ref && o->inverted == m->inverted) {
                drop = o->b - o->a >= m->b - m->a || o->has_number;
                if (!drop)
                    *o = *m, drop = 1;
            } else if (negated_inside(r, o, m) || negated_inside(r, m, o)) {
                mention *outer = negated_inside(r, o, m) ? o : m, *inner = outer == o ? m : o;
                if (!outer->inverted && cues_between(r, SIM_LEX_DENIAL, outer->a, inner->a))
                    inner->denied = 1;   /* 不存在“下月起停发”: the fact's own denial word denies the rumour */
                continue;   /* 不收费 states the fact and denies the rumour's 收费 */
            } else if (keep_first(r, o, m)) {
                drop = 1;
            } else {
                *o = *m;
                drop = 1;
            }
        }
        if (!drop)
            r->ms[kept++] = *m;
    }
    r->n_ms = kept;
    if (r->n_ms > 1)
        qsort(r->ms, (size_t)r->n_ms, sizeof *r->ms, mention_cmp);
}

/* ---- stance ----------------------------------------------------------------------------- */

/* Whether folded bytes [a, b) touch a mention (through the coverage map once overlaps are resolved). */
static int inside_mention(const reader *r, int a, int b)
{
    if (r->covered) {
        for (int i = a; i < b && i < r->len; i++)
            if (r->covered[i])
                return 1;
        return 0;
    }
    for (int i = 0; i < r->n_ms; i++)
        if (r->ms[i].a < b && a < r->ms[i].b)
            return 1;
    return 0;
}

/* The coverage map: per folded byte, whether a mention covers it. */
static int map_coverage(reader *r)
{
    r->covered = calloc((size_t)r->len + 1, 1);
    if (!r->covered)
        return -1;
    for (int i = 0; i < r->n_ms; i++)
        memset(r->covered + r->ms[i].a, 1, (size_t)(r->ms[i].b - r->ms[i].a));
    return 0;
}

/* Cues of a kind within folded bytes [a, b), outside mentions. */
static int cues_in(const reader *r, sim_lex_kind kind, int a, int b)
{
    int n = 0;
    for (int i = 0; i < r->n_cues; i++) {
        const cue *c = &r->cues[i];
        if (c->kind == kind && c->a >= a && c->b <= b && !inside_mention(r, c->a, c->b))
            n++;
    }
    return n;
}

static int last_cue_before(const reader *r, sim_lex_kind kind, int a, int b)
{
    int at = -1;
    for (int i = 0; i < r->n_cues; i++) {
        const cue *c = &r->cues[i];
        if (c->kind == kind && c->a >= a && c->b <= b && !inside_mention(r, c->a, c->b))
            at = c->a;
    }
    return at;
}

/* Whether a cue of a kind starts within HEDGE_LEAD bytes of position a. */
static int cue_opens(const reader *r, sim_lex_kind kind, int a)
{
    for (int i = 0; i < r->n_cues; i++)
        if (r->cues[i].kind == kind && r->cues[i].a >= a && r->cues[i].a <= a + HEDGE_LEAD)
            return 1;
    return 0;
}

/* Mentions wholly inside folded bytes [a, b); mentions are sorted by start once overlaps are resolved. */
static int mentions_in(const reader *r, int a, int b)
{
    int lo = 0, hi = r->n_ms;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (r->ms[mid].a < a)
            lo = mid + 1;
        else
            hi = mid;
    }
    int n = 0;
    for (int i = lo; i < r->n_ms && r->ms[i].a < b; i++)
        n += r->ms[i].b <= b;
    return n;
}

static int sentence_end(const reader *r, int sentence)
{
    return r->cl[r->sent_start[sentence + 1] - 1].b;
}

static int sentence_begin(const reader *r, int sentence)
{
    return r->cl[r->sent_start[sentence]].a;
}

/* Whether cue c lies inside a mention other than m that does not span m too. */
static int cue_hidden(const reader *r, const cue *c, const mention *m)
{
    for (int k = 0; k < r->n_ms; k++) {
        const mention *o = &r->ms[k];
        if (o != m && o->a <= c->a && c->b <= o->b && !(o->a <= m->a && m->b <= o->b))
            return 1;
    }
    return 0;
}

/* Negation cues in [from, m->a), at most NEG_REACH bytes before it (a 、 keeps the scope: 不会通过
 * 扫码、转账收取): not those
 * inside other mentions, except one that spans m too (the 不 of a fact's 不收费 negates the rumour's
 * 收费 inside it). */
static int negations_before(const reader *r, const mention *m, int from)
{
    int n = 0;
    for (int i = from; m->split_neg && i < m->a; i++)
        if (starts_with(r->text + i, "、"))
            from = i + 3;   /* 意识不清、生命体征不平稳: an item with its own negation starts afresh */
    if (from < m->a - NEG_REACH)
        from = m->a - NEG_REACH;
    for (int i = 0; i < r->n_cues; i++) {
        const cue *c = &r->cues[i];
        if (c->kind != SIM_LEX_NEGATION || c->a < from || c->b > m->a)
            continue;
        n += !cue_hidden(r, c, m);
    }
    return n;
}

/* Negation cues between a number fact's keyword and its number ("受伤人数不是2人", "injured is not 2"),
 * not inside another mention: they negate the figure as one before it would. */
static int negations_inside(const reader *r, const mention *m)
{
    if (!m->has_number || m->phrase)
        return 0;
    int n = 0;
    for (int i = 0; i < r->n_cues; i++) {
        const cue *c = &r->cues[i];
        if (c->kind != SIM_LEX_NEGATION || c->a <= m->a || c->b > m->b)
            continue;
        n += !cue_hidden(r, c, m);
    }
    return n;
}

/* Cues before the mention in its clause and sentence: negation, report, topic, question, conditional. */
static void read_context(reader *r, mention *m)
{
    const clause *c = &r->cl[m->clause];
    int sb = sentence_begin(r, m->sentence), se = sentence_end(r, m->sentence);
    int from = c->a;
    int rep = last_cue_before(r, SIM_LEX_REPORT, c->a, m->a);
    if (rep >= 0)
        from = rep;
    m->reported = cues_in(r, SIM_LEX_REPORT, c->a, c->b) > 0 || r->quote[m->a];
    m->negated = !m->quoted && rep < 0 ? (negations_before(r, m, from) + m->split_neg + negations_inside(r, m)) % 2 : 0;
    m->topic = cues_in(r, SIM_LEX_TOPIC, c->a, m->a) > 0;
    if (!m->reported) {
        int early = last_cue_before(r, SIM_LEX_REPORT, sb, c->a);
        m->reported = early >= 0 && cues_in(r, SIM_LEX_ASSERT, early, m->a) == 0 &&
                      cues_in(r, SIM_LEX_DENIAL, early, m->a) == 0;
    }
    m->asked = cues_in(r, SIM_LEX_QUESTION, c->a, c->b) > 0 ||
               (se < r->len && (starts_with(r->text + se, "？") || r->text[se] == '?'));
    m->conditional = cues_in(r, SIM_LEX_CONDITIONAL, sb, m->a) > 0;
    int hedge = cues_in(r, SIM_LEX_HEDGE, c->a, c->b) > 0;
    int k = m->clause + 1;
    if (!hedge && k < r->n_cl && r->cl[k].sentence == m->sentence && mentions_in(r, r->cl[k].a, r->cl[k].b) == 0)
        hedge = cue_opens(r, SIM_LEX_HEDGE, r->cl[k].a) ||
                (cues_in(r, SIM_LEX_QUESTION, c->a, c->b) > 0 && cues_in(r, SIM_LEX_HEDGE, r->cl[k].a, r->cl[k].b) > 0);
    m->hedged = hedge;
}

/* Whether a rumour or false claim is named, quoted or reported, in a sentence before byte `before`. */
static int reported_falsehood(const reader *r, int sentence, int before)
{
    for (int i = 0; i < r->n_ms; i++) {
        const mention *o = &r->ms[i];
        if (o->about != SIM_ABOUT_FACT && o->sentence == sentence && o->b <= before && (o->quoted || o->reported))
            return 1;
    }
    return 0;
}

/* Whether a denial or confirmation at cue d governs mention m (rule 1 of the header). */
static int governs(const reader *r, const cue *d, const mention *m)
{
    int dc = clause_of(r, d->a), ds = r->cl[dc].sentence;
    int named_before = mentions_in(r, r->cl[dc].a, d->a) > 0;
    if (m->b > d->a)   /* "it is false that …", "摊贩不存在暴力抗法": a leading denial governs its clause */
        return m->a >= d->b && m->clause == dc && !named_before;
    if (m->about == SIM_ABOUT_FACT && (m->quoted || (m->reported && reported_falsehood(r, m->sentence, d->a))))
        return 0;   /* a fact's words inside a quotation or a reported rumour are theirs, not denied */
    if (m->sentence == ds) {
        int named_after = mentions_in(r, d->b, r->cl[dc].b) > 0;   /* "不存在地基被掏空": it has its own */
        return m->reported || m->topic || m->clause == dc || (!named_before && !named_after && m->clause == dc - 1);
    }
    int sb = sentence_begin(r, ds);
    if (m->sentence != ds - 1 || mentions_in(r, sb, d->a) > 0)
        return 0;
    int opener = cues_in(r, SIM_LEX_ANAPHOR, sb, d->b) > 0 || cues_in(r, SIM_LEX_ASSERT, sb, d->a) > 0 ||
                 d->a == sb;
    return opener && (m->reported || m->topic || m->clause == r->sent_start[ds] - 1);
}

/* Denials and confirmations applied to the mentions they govern; returns the denials that govern none. */
static int apply_predicates(reader *r)
{
    int free_denials = 0;
    for (int i = 0; i < r->n_cues; i++) {
        const cue *d = &r->cues[i];
        if ((d->kind != SIM_LEX_DENIAL && d->kind != SIM_LEX_CONFIRM) || inside_mention(r, d->a, d->b))
            continue;
        int governed = 0;
        for (int k = 0; k < r->n_ms; k++) {
            mention *m = &r->ms[k];
            if (d->kind == SIM_LEX_DENIAL && m->about == SIM_ABOUT_FACT && m->quoted && m->b <= d->a &&
                m->sentence == r->cl[clause_of(r, d->a)].sentence)
                m->in_denied_quote = 1;
            if (!governs(r, d, m))
                continue;
            governed++;
            if (d->kind == SIM_LEX_DENIAL)
                m->denied = 1;
            else if (m->reported || m->topic)
                m->confirmed = 1;
        }
        free_denials += d->kind == SIM_LEX_DENIAL && governed == 0;
    }
    return free_denials;
}

/* Units of content in folded bytes [a, b): a CJK character, or a run of ASCII letters and digits
 * (a word or a number); *covered gets the units inside mentions. */
/* Whether the character at folded byte j is a CJK ideograph (U+3400..U+9FFF, U+F900..U+FAFF), the
 * only multi-byte characters that carry content: CJK and full-width punctuation do not. */
static int is_ideograph(const reader *r, int j)
{
    const unsigned char *s = (const unsigned char *)r->text + j;
    if (s[0] < 0xE3 || s[0] > 0xEF || j + 2 >= r->len)
        return 0;
    unsigned cp = ((unsigned)(s[0] & 0x0F) << 12) | ((unsigned)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

static int content_units(const reader *r, int a, int b, int *covered)
{
    int units = 0;
    *covered = 0;
    for (int j = a; j < b; j += utf8_len((unsigned char)r->text[j])) {
        unsigned char ch = (unsigned char)r->text[j];
        int word = ch < 0x80 && is_word_byte(ch);
        if (!(ch >= 0xE3 || (word && (j == a || !is_word_byte((unsigned char)r->text[j - 1])))))
            continue;
        units++;
        *covered += inside_mention(r, j, j + 1);
    }
    return units;
}

static int has_sentence_end(const reader *r)
{
    for (int i = 0; i < r->len; i++)
        if (starts_with(r->text + i, "。") || starts_with(r->text + i, "！") || starts_with(r->text + i, "？") ||
            r->text[i] == '.' || r->text[i] == '!' || r->text[i] == '?')
            return 1;
    return 0;
}

/* Whether the space at i, after the byte before it and up to the next non-space, separates CJK words
 * (prose in Chinese has none; English has spaces between letters, which do not count). */
static int cjk_gap(const reader *r, int i, int *next)
{
    int j = i;
    while (j < r->len && r->text[j] == ' ')
        j++;
    *next = j;
    if (i == 0 || j >= r->len)
        return 0;
    unsigned char before = (unsigned char)r->text[i - 1], after = (unsigned char)r->text[j];
    int b_cjk = before >= 0x80, a_cjk = after >= 0x80;
    return (b_cjk || (before >= '0' && before <= '9')) && (a_cjk || (after >= '0' && after <= '9')) && (b_cjk || a_cjk);
}

/* Keywords strung with spaces ("今日 地点 调查组 道歉 理解 热线"): at least LIST_SPACED_GAPS spaces
 * between CJK words, and most of the runs they separate are keywords (BARE_MAX characters or fewer),
 * with or without a full stop at the end. */
static int spaced_keywords(const reader *r)
{
    int gaps = 0, runs = 0, short_runs = 0, a = 0, covered;
    for (int i = 0; i <= r->len; i++) {
        int next = i;
        if (i < r->len && !(r->text[i] == ' ' && cjk_gap(r, i, &next)))
            continue;
        runs++;
        short_runs += content_units(r, a, i, &covered) <= BARE_MAX;
        if (i == r->len)
            break;
        gaps++;
        a = next;
        i = next - 1;
    }
    return gaps >= LIST_SPACED_GAPS && short_runs >= LIST_SPACED_SHORT * runs;
}

/* A bare list of phrases: keywords strung with spaces, or most items that name something say nothing
 * else, and either mentions cover most of the text or it has no sentence at all (words strung with 、,
 * # or commas). */
static int is_list(const reader *r)
{
    if (spaced_keywords(r))
        return 1;
    int items = 0, bare = 0, covered;
    int content = content_units(r, 0, r->len, &covered), sentence = has_sentence_end(r);
    if (covered < LIST_COVER * content && sentence)
        return 0;
    for (int c = 0; c < r->n_cl; c++) {
        int a = r->cl[c].a;
        for (int i = r->cl[c].a; i <= r->cl[c].b; i++) {
            int end = i == r->cl[c].b || starts_with(r->text + i, "、");
            if (!end)
                continue;
            if (mentions_in(r, a, i) > 0) {
                int in_mentions, all = content_units(r, a, i, &in_mentions);
                items++;
                bare += all - in_mentions <= BARE_CONTENT && all <= BARE_MAX;
            }
            a = i + 3;
        }
    }
    if (!sentence && items >= LIST_PHRASES && covered >= LIST_PHRASE_COVER * content)
        return 1;   /* "认证免费、立案侦查、仿冒网站已被关停": phrases strung together, no sentence */
    return bare >= LIST_MIN_ITEMS && bare >= LIST_SHARE * items;
}

static sim_claim_stance stance_of(const mention *m, int listed)
{
    sim_claim_stance st;
    if (m->denied)
        st = m->negated ? SIM_STANCE_ASSERTS : SIM_STANCE_DENIES;
    else if (m->hedged || m->conditional)
        st = SIM_STANCE_HEDGES;
    else if (m->asked)
        st = SIM_STANCE_REPORTS;
    else if (m->reported || m->topic || m->quoted)
        st = m->confirmed ? SIM_STANCE_ASSERTS : SIM_STANCE_REPORTS;
    else
        st = m->negated ? SIM_STANCE_DENIES : SIM_STANCE_ASSERTS;
    if (m->inverted && st == SIM_STANCE_ASSERTS)
        st = SIM_STANCE_DENIES;
    else if (m->inverted && st == SIM_STANCE_DENIES)
        st = SIM_STANCE_ASSERTS;
    return listed ? SIM_STANCE_REPORTS : st;
}

/* ---- status and output ------------------------------------------------------------------ */

/* A denied falsehood's folded byte range, widened to the quotation it sits in. */
static sim_span retracted_span(const reader *r, const mention *m)
{
    int a = m->a, b = m->b;
    while (m->quoted && a > 0 && r->quote[a - 1])
        a--;
    while (m->quoted && b < r->len && r->quote[b])
        b++;
    return (sim_span){a, b - a};
}

/* A keyword of a figure without its figure: what the figure counts, named and nothing more. */
static int is_topic(const reader *r, const mention *m)
{
    return m->generic || (m->about == SIM_ABOUT_FACT && r->s->facts[m->ref].has_value && !m->has_number && !m->phrase);
}

/* Whether a topic mention says something of its fact: hedged ("原因正在调查"), asked ("有几人受伤？"),
 * a figure's keyword asserted with a vague amount ("多人受伤") or denied ("没有人受伤") — unless the
 * denial is of others besides ("未发现其他幼儿受伤"). */
static int topic_counts(const reader *r, const mention *m, sim_claim_stance st)
{
    int before_a = r->cl[m->clause].a;
    switch (st) {
    case SIM_STANCE_HEDGES:
        return 1;
    case SIM_STANCE_REPORTS:
        return m->asked;
    case SIM_STANCE_DENIES:   /* a topic word has no polarity of its own: denying it says nothing */
        return !m->generic && !cues_between(r, SIM_LEX_OTHERS, before_a, m->a);
    default:
        return !m->generic && cues_in(r, SIM_LEX_VAGUE, before_a, m->a) > 0;
    }
}

int sim_truth_fact_verified(const sim_scenario *s, const sim_truth *truth, int fact)
{
    if (fact < 0 || fact >= s->n_facts)
        return 0;
    sim_time at = truth && truth->fact_verified ? truth->fact_verified[fact] : s->facts[fact].verified_at;
    sim_time now = truth ? truth->now : 0;
    return at != SIM_NEVER && at <= now;
}

static void set_status(const reader *r, const mention *m, sim_claim *c)
{
    c->outdated_by = -1;
    switch (m->about) {
    case SIM_ABOUT_RUMOUR:
        c->status = SIM_STATUS_FALSE;
        return;
    case SIM_ABOUT_CLAIM: {
        const sim_claim_def *d = &r->s->claims[m->ref];
        sim_time now = r->truth ? r->truth->now : 0;
        c->status = !d->truth ? SIM_STATUS_FALSE
                    : d->verified_at != SIM_NEVER && d->verified_at <= now ? SIM_STATUS_VERIFIED
                                                                            : SIM_STATUS_UNVERIFIED;
        return;
    }
    case SIM_ABOUT_FACT:
        break;
    }
    if (m->has_number && !m->fits) {
        c->status = SIM_STATUS_FALSE;
        return;
    }
    int cur = chain_current(r, m->ref);
    int historical = cues_in(r, SIM_LEX_HISTORICAL, r->cl[m->clause].a, m->a) > 0;
    if (cur != m->ref && !historical && (m->has_number || !r->s->facts[m->ref].has_value)) {
        c->status = SIM_STATUS_OUTDATED;
        c->outdated_by = cur;
        return;
    }
    c->status = sim_truth_fact_verified(r->s, r->truth, m->ref) ? SIM_STATUS_VERIFIED : SIM_STATUS_UNVERIFIED;
}

/* Letters, digits and ideographs, less those of the first officialese phrase: "无可奉告" alone says
 * nothing. */
static void count_content(const reader *r, sim_reading *out)
{
    out->chars = sim_utf8_chars(r->text);
    int off_a = -1, off_b = -1;
    if (out->lex_hits[SIM_LEX_OFFICIALESE] > 0) {
        off_a = out->lex[SIM_LEX_OFFICIALESE].start;
        off_b = off_a + out->lex[SIM_LEX_OFFICIALESE].len;
    }
    for (int i = 0; i < r->len; i += utf8_len((unsigned char)r->text[i])) {
        unsigned char ch = (unsigned char)r->text[i];
        int orig = orig_at(r, i);
        out->content += (is_ideograph(r, i) || (ch < 0x80 && is_word_byte(ch))) && !(orig >= off_a && orig < off_b);
    }
}

static void reader_free(reader *r)
{
    free(r->text);
    free(r->map);
    free(r->low);
    sim_norm_free(&r->n);
    free(r->bare.text);
    free(r->bare.map);
    free(r->bare.end);
    free(r->cl);
    free(r->sent_start);
    free(r->cues);
    free(r->ms);
    free(r->quote);
    free(r->covered);
    sim_scenario_norms_free(r->own);
}

static int read_all(reader *r, const char *text, sim_reading *out)
{
    if (fold_text(r, text) || sim_norm_make(&r->n, r->text) || !(r->low = malloc((size_t)r->len + 1)))
        return -1;
    out->text_hash = sim_norm_hash(&r->n);
    for (int i = 0; i <= r->len; i++) {
        char ch = r->text[i];
        r->low[i] = ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
    }
    if (r->s && !(r->sn = sim_scenario_norms_of(r->s, &r->own)))
        return -1;
    if (find_cues(r) || split(r) || mark_quotes(r) || (r->s && collect_mentions(r)))
        return -1;
    if (sim_lex_scan(&r->n, r->lx, NULL, 0, out->lex, out->lex_hits))
        return -1;
    resolve_overlaps(r);
    if (map_coverage(r))
        return -1;
    for (int i = 0; i < r->n_ms; i++) {
        mention *m = &r->ms[i];
        m->clause = clause_of(r, m->a);
        m->sentence = r->cl[m->clause].sentence;
        m->quoted = r->quote[m->a];
        read_context(r, m);
    }
    out->free_denials = apply_predicates(r);
    out->listed = is_list(r);
    for (int i = 0; i < r->n_ms && out->n_claims < SIM_MAX_CLAIMS; i++) {
        const mention *m = &r->ms[i];
        sim_claim_stance st = stance_of(m, out->listed);
        if (is_topic(r, m) && !topic_counts(r, m, st))
            continue;
        if (m->about == SIM_ABOUT_FACT && m->quoted && m->in_denied_quote)
            continue;   /* the figure of a quoted rumour that is denied is the rumour's ("网传“5000户…”不实") */   /* "受影响的是…", "伤者已送医": naming a figure's topic states no figure */
        sim_claim *c = &out->claims[out->n_claims++];
        c->about = m->about;
        c->ref = m->ref;
        c->stance = st;
        c->figure = m->about == SIM_ABOUT_FACT && r->s->facts[m->ref].has_value;
        c->has_number = m->has_number;
        c->number = m->number;
        c->num_kind = m->kind;
        c->number_fits = m->fits;
        set_status(r, m, c);
        int a = orig_at(r, m->a), b = orig_at(r, m->b);
        c->span = (sim_span){a, b - a};
        if (st == SIM_STANCE_DENIES && c->status == SIM_STATUS_FALSE && out->n_retracted < SIM_MAX_RETRACTED)
            out->retracted[out->n_retracted++] = retracted_span(r, m);
    }
    /* Words inside what the text denies are not its own: count the style lists again without them. */
    if (out->n_retracted > 0 && sim_lex_scan(&r->n, r->lx, out->retracted, out->n_retracted, out->lex, out->lex_hits))
        return -1;
    for (int i = 0; i < out->n_retracted; i++) {
        int a = orig_at(r, out->retracted[i].start), b = orig_at(r, out->retracted[i].start + out->retracted[i].len);
        out->retracted[i] = (sim_span){a, b - a};
    }
    if (r->map) {
        for (int k = 0; k < SIM_LEX_STYLE_COUNT; k++) {
            int a = orig_at(r, out->lex[k].start), b = orig_at(r, out->lex[k].start + out->lex[k].len);
            out->lex[k] = (sim_span){a, b - a};
        }
    }
    count_content(r, out);
    return 0;
}

int sim_read(const char *text, const sim_scenario *s, const sim_lexicon *lx, const sim_truth *truth,
             sim_reading *out)
{
    memset(out, 0, sizeof *out);
    reader r = {0};
    r.s = s;
    r.lx = lx;
    r.truth = truth;
    int rc = read_all(&r, text ? text : "", out);
    reader_free(&r);
    if (rc)
        memset(out, 0, sizeof *out);
    return rc;
}
