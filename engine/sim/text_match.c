/* text_match.c — finding a scenario's facts in a statement (sim_fact_scan: every phrase, figure and
 * keyword of each fact, with the figure judged against the fact) and its lexicon style words
 * (sim_lex_scan); claim_read.c gives each mention its stance.
 *
 * All matching happens on normalised text (text_norm.c), spans are reported in the original.
 *
 * 1. Phrases. A fact is CITED when its zh or en text appears, or one of its synonyms does.
 *    For a fact with a value (has_value) only synonyms that contain a digit count as phrases
 *    ("3人受伤"); its other synonyms ("受伤", "伤者", "injured") are KEYWORDS: they say what a
 *    number is about, but naming the topic without a number cites nothing.
 * 2. Numbers. Every number of the text is read with what follows it:
 *    - skipped: ordinals (第3), numbers glued to letters (covid19), clock times (14:30);
 *    - a qualifier gives it a kind (sim_num_kind): before it 约 大约 近 … about (within 10%), 超过 逾
 *      不止 more than, 不到 不足 less than, 几 数 vague; after it 余 多 来 at least in its place
 *      ("100多人", "3万多元": a following 万/亿/千/百 multiplies), 几 vague ("十几人": no figure),
 *      after the unit 左右 上下 about, 以上 or more, 以内 以下 at most;
 *    - its UNIT is what follows (after any marker): the fact's unit with its multiplier stripped
 *      (万元 -> 元 ×10000, because "50万元" normalises to "500000元") or an alias of it (人: 名 位
 *      个人 people persons; 元: 块 yuan; % : percent; ... table `unit_rows`).
 *    A number can be about a fact only when its unit fits: it is followed by the fact's unit or an
 *    alias, or by no known unit at all (a number followed by 月, 日, 点, 元, 家 ... is never about a
 *    fact counted in 人). Facts without a unit accept only numbers followed by no known unit.
 * 3. Pairing numbers with keywords. A keyword occurrence and a number pair up when they are in the
 *    same clause (no ， 。 ； ！ ？ 、 … , ; ! ? . or line break between them in the original) and
 *    at most 8 CJK characters apart (ASCII letters count a third of a character, so 24 letters);
 *    the unit right after the number does not count towards the distance. Each number pairs with at
 *    most one keyword and each keyword occurrence with at most one number, and a keyword never
 *    pairs across another number. Among all such pairings the one with the most pairs, then the
 *    smallest total distance, wins (exact dynamic programme along the text; ties prefer
 *    "number, unit, keyword" (3人受伤) over "keyword, number" (受伤3人) over "number, keyword"
 *    without a unit, then longer keywords). This is what tells apart 3人受伤、1人死亡 and also
 *    受伤3人死亡1人 or 3人受伤1人死亡 written without punctuation.
 * 4. Judging a paired number: value in the fact's unit equal within 0.5% fits, else it is wrong;
 *    qualified numbers by their kind ("100多人" fits 100..199); a number that fits another member of
 *    the fact's superseded_by chain is about that member (17 and 23 in hospital). The mention's
 *    `stated` is the number in the fact's unit (50 for "500000元" when the unit is 万元). A fact that
 *    names its `subjects` takes no number bound to another counted subject ("共2人受伤：摊贩1人").
 * 5. A number paired with no keyword but followed by the unit of exactly one fact with a value is
 *    CITED when its value matches that fact; it never makes a WRONG (a bare "50人" may be staff).
 *    Counts of people (人 名 位 ...) are left out of this rule: "邀请两位博主" or "一名老师" says
 *    nothing about two injured or one injured; such facts need a keyword.
 * 6. Every occurrence is a mention, in text order; a mention's span covers the number, its unit and
 *    its keyword. A keyword no number took is a topic mention (no figure), and the positive core of
 *    a phrase that carries its own negation ("生命危险" of "无生命危险") is an inverted mention.
 * 7. Lexicon: lex_hits[k] counts the words of list k that appear, lex[k] is the earliest hit
 *    (the longer word on a tie); a measure word found only inside officialese does not count.
 * Whether a figure is asserted, denied or only reported is claim_read.c's business. */
#include "text.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NEAR_UNITS 24          /* keyword window: 8 CJK characters (3 units each), 24 ASCII */
#define COST_NONE 1000000LL    /* a number left unpaired */
#define COST_INF (LLONG_MAX / 4)
#define TOL_EXACT 0.005
#define TOL_APPROX 0.10

static const char *const lex_names[SIM_LEX_COUNT] = {
    [SIM_LEX_OFFICIALESE] = "officialese", [SIM_LEX_APOLOGY] = "apology", [SIM_LEX_EMPATHY] = "empathy",
    [SIM_LEX_THANKS] = "thanks", [SIM_LEX_CONTACT] = "contact", [SIM_LEX_NEXT_UPDATE] = "next_update",
    [SIM_LEX_BLAME] = "blame", [SIM_LEX_MEASURE] = "measure", [SIM_LEX_NEGATION] = "negation",
    [SIM_LEX_NOT_NEGATION] = "not_negation", [SIM_LEX_REPORT] = "report", [SIM_LEX_DENIAL] = "denial",
    [SIM_LEX_CONFIRM] = "confirm", [SIM_LEX_HEDGE] = "hedge", [SIM_LEX_CONDITIONAL] = "conditional",
    [SIM_LEX_QUESTION] = "question", [SIM_LEX_TOPIC] = "topic", [SIM_LEX_ANAPHOR] = "anaphor",
    [SIM_LEX_ASSERT] = "assert", [SIM_LEX_HISTORICAL] = "historical", [SIM_LEX_SUBJECT] = "subject",
    [SIM_LEX_CONJUNCTION] = "conjunction", [SIM_LEX_CAUSE] = "cause", [SIM_LEX_VAGUE] = "vague",
    [SIM_LEX_OTHERS] = "others", [SIM_LEX_CORRECTION] = "correction",
};

/* Units and their aliases, in normalised form; the first entry of a row is the canonical one.
 * Row PEOPLE_ROW counts people, too generic to identify a fact without a keyword (rule 5). */
#define PEOPLE_ROW 0
static const char *const unit_rows[][8] = {
    {"人", "名", "位", "个人", "people", "persons", "person", NULL},
    {"元", "块", "块钱", "yuan", "rmb", "cny", NULL},
    {"米", "meters", "metres", "meter", "metre", NULL},
    {"公里", "km", "kilometres", "kilometers", "kilometre", "kilometer", NULL},
    {"小时", "个小时", "hours", "hour", "hrs", NULL},
    {"分钟", "minutes", "minute", "mins", NULL},
    {"天", "days", "day", NULL},
    {"户", "households", "household", "families", NULL},
    {"%", "percent", "percentage", NULL},
    {"辆", "vehicles", "cars", NULL},
    {"吨", "tonnes", "tons", NULL},
    {"平方米", "平米", "sqm", "squaremetres", "squaremeters", NULL},
    {"起", "incidents", "cases", NULL},
    {"次", "times", NULL},
    {"岁", "yearsold", "yearold", NULL},
    {"家", "companies", "firms", NULL},
    {"所", "schools", NULL},
    {"条", "posts", NULL},
};

/* Further words that, right after a number, say it counts something else. */
static const char *const other_units[] = {
    "年", "月", "日", "号", "时", "点", "分", "秒", "周", "个", "厘米", "毫米", "亩", "斤", "公斤", "克",
    "台", "架", "艘", "间", "栋", "套", "处", "件", "项", "批", "层", "倍", "篇", "部", "支", "只", "头",
    "箱", "份", "轮", "期", "届", "级", "度", "万元", "亿元", "am", "pm", "years", "year", "months",
    "month", "weeks", "week", "oclock",
};

/* Qualifiers written before a number, by the sim_num_kind they give it. */
static const struct { const char *word; sim_num_kind kind; } qual_before[] = {
    {"约", SIM_NUM_ABOUT}, {"大约", SIM_NUM_ABOUT}, {"约为", SIM_NUM_ABOUT}, {"近", SIM_NUM_ABOUT},
    {"将近", SIM_NUM_ABOUT}, {"接近", SIM_NUM_ABOUT}, {"大概", SIM_NUM_ABOUT}, {"about", SIM_NUM_ABOUT},
    {"around", SIM_NUM_ABOUT}, {"approximately", SIM_NUM_ABOUT}, {"nearly", SIM_NUM_ABOUT},
    {"almost", SIM_NUM_ABOUT}, {"roughly", SIM_NUM_ABOUT}, {"some", SIM_NUM_ABOUT},
    {"逾", SIM_NUM_MORE}, {"超过", SIM_NUM_MORE}, {"超", SIM_NUM_MORE}, {"多于", SIM_NUM_MORE},
    {"不止", SIM_NUM_MORE}, {"远不止", SIM_NUM_MORE}, {"远超", SIM_NUM_MORE}, {"over", SIM_NUM_MORE},
    {"morethan", SIM_NUM_MORE}, {"不到", SIM_NUM_LESS}, {"不足", SIM_NUM_LESS}, {"少于", SIM_NUM_LESS},
    {"lessthan", SIM_NUM_LESS}, {"fewerthan", SIM_NUM_LESS}, {"under", SIM_NUM_LESS}, {"upto", SIM_NUM_LESS},
    {"不超过", SIM_NUM_AT_MOST}, {"不多于", SIM_NUM_AT_MOST}, {"不高于", SIM_NUM_AT_MOST}, {"最多", SIM_NUM_AT_MOST},
    {"至多", SIM_NUM_AT_MOST}, {"notmorethan", SIM_NUM_AT_MOST}, {"atmost", SIM_NUM_AT_MOST},
    {"不少于", SIM_NUM_OR_MORE}, {"不低于", SIM_NUM_OR_MORE}, {"至少", SIM_NUM_OR_MORE}, {"notlessthan", SIM_NUM_OR_MORE},
    {"atleast", SIM_NUM_OR_MORE},
    {"几", SIM_NUM_VAGUE}, {"数", SIM_NUM_VAGUE}, {"好几", SIM_NUM_VAGUE},
};
static const char *const approx_after[] = {"余", "多", "来"};
static const char *const approx_after_unit[] = {"左右", "上下"};
static const char *const multipliers[] = {"十", "百", "千", "万", "亿"};
static const double multiplier_values[] = {10, 100, 1000, 1e4, 1e8};

/* Clause breaks: a keyword and a number on both sides of one of these are not paired. */
static const char *const barriers[] = {"，", "。", "；", "！", "？", "、", "…", "．", "｡", "､"};

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

const char *sim_lex_name(sim_lex_kind k)
{
    return k >= 0 && k < SIM_LEX_COUNT ? lex_names[k] : "";
}

static void free_norms(sim_norm *norms, int n)
{
    for (int i = 0; norms && i < n; i++)
        sim_norm_free(&norms[i]);
    free(norms);
}

void sim_lexicon_free(sim_lexicon *lx)
{
    if (!lx)
        return;
    for (int k = 0; k < SIM_LEX_COUNT; k++) {
        for (int i = 0; i < lx->words[k].count; i++)
            free(lx->words[k].items[i]);
        free(lx->words[k].items);
        free_norms(lx->norm[k], lx->words[k].count);
    }
    memset(lx, 0, sizeof *lx);
}

int sim_lexicon_prepare(sim_lexicon *lx)
{
    sim_norm *norm[SIM_LEX_COUNT] = {0};
    int k = 0, failed = 0;
    for (; k < SIM_LEX_COUNT && !failed; k++) {
        const sim_strlist *w = &lx->words[k];
        failed = !(norm[k] = calloc((size_t)w->count + 1, sizeof *norm[k]));
        for (int i = 0; !failed && i < w->count; i++)
            failed = sim_norm_make(&norm[k][i], w->items[i]) != 0;
    }
    for (int j = 0; j < k; j++) {
        if (failed)
            free_norms(norm[j], lx->words[j].count);
        else
            lx->norm[j] = norm[j];
    }
    return failed ? -1 : 0;
}

/* List k of the lexicon normalised: its prepared words, or words made now into *own (the caller frees them
 * with free_norms). NULL when out of memory. */
static const sim_norm *lex_list(const sim_lexicon *lx, int k, sim_norm **own)
{
    *own = NULL;
    if (lx->norm[k])
        return lx->norm[k];
    const sim_strlist *w = &lx->words[k];
    if (!(*own = calloc((size_t)w->count + 1, sizeof **own)))
        return NULL;
    for (int i = 0; i < w->count; i++)
        if (sim_norm_make(&(*own)[i], w->items[i]))
            return NULL;
    return *own;
}

/* Word i of list k normalised: the lexicon's prepared copy, or made now into *tmp (the caller frees it with
 * sim_norm_free). NULL for a missing word or when out of memory. */
static const sim_norm *lex_word(const sim_lexicon *lx, int k, int i, sim_norm *tmp)
{
    memset(tmp, 0, sizeof *tmp);
    if (!lx->words[k].items[i])
        return NULL;
    if (lx->norm[k])
        return &lx->norm[k][i];
    return sim_norm_make(tmp, lx->words[k].items[i]) ? NULL : tmp;
}

/* A fact's unit: normalised, its multiplier stripped, and the alias row it belongs to (-1). */
typedef struct unit_info {
    char base[48];
    double mult;
    int row;
} unit_info;

typedef struct kw_occ {
    int fact, a, b, bytes;
    int used;          /* paired with a number */
} kw_occ;

typedef struct num_info {
    sim_number num;
    int usable;
    sim_num_kind approx;
    double base;   /* value after a multiplier that follows an approximate suffix */
    int tail;      /* normalised offset after the number, its suffix and multiplier */
    int unit_after; /* a known unit follows at tail */
} num_info;

typedef struct match {
    const char *src;
    const sim_scenario *s;
    const sim_lexicon *lx;
    const sim_scenario_norms *sn;  /* the scenario's phrases normalised */
    const sim_norm *np;  /* the normalised text (n, or the caller's) */
    sim_norm n;
    unit_info *units;
    int *glue;         /* per number and fact: unit length after the number, -1 not yet known */
    num_info *nums;
    int n_nums;
    kw_occ *kws;
    int n_kws, cap_kws;
    sim_fact_mentions *all;       /* every mention found */
    int *chain;        /* per fact: the last fact of its superseded_by chain */
    const sim_norm **subjects;  /* normalised subject words: the lexicon's, then each fact's */
    int *subj_start;   /* per fact: first of its own subject words in `subjects`; [n_facts] = end */
    const sim_norm *negations; /* the lexicon's negation words normalised */
    int n_negations;
    sim_norm *own_lex[2]; /* the lexicon's subject and negation words when it is not prepared */
    int oom;           /* an allocation failed */
} match;

static int starts(const char *t, const char *w)
{
    if (*t != *w)
        return 0;
    size_t l = strlen(w);
    return strncmp(t, w, l) == 0 ? (int)l : 0;
}

static int ends_at(const char *t, int at, const char *w)
{
    int l = (int)strlen(w);
    return at >= l && memcmp(t + at - l, w, (size_t)l) == 0;
}

static int has_digit(const char *t)
{
    for (; *t; t++)
        if (*t >= '0' && *t <= '9')
            return 1;
    return 0;
}

static int is_letter(char c)
{
    return c >= 'a' && c <= 'z';
}

/* A fact's unit from its normalised form `n` (text NULL: the fact has none). */
static void unit_setup(const sim_norm *n, unit_info *u)
{
    memset(u, 0, sizeof *u);
    u->mult = 1;
    u->row = -1;
    if (!n->text)
        return;
    const char *t = n->text;
    for (int more = 1; more && !starts(t, "百分");) {
        more = 0;
        for (int m = 0; m < COUNT(multipliers); m++) {
            int l = starts(t, multipliers[m]);
            if (l && t[l]) {
                u->mult *= multiplier_values[m];
                t += l;
                more = 1;
            }
        }
    }
    size_t l = strlen(t);
    if (l < sizeof u->base)
        memcpy(u->base, t, l + 1);
    for (int r = 0; r < COUNT(unit_rows) && u->row < 0; r++)
        for (int k = 0; unit_rows[r][k]; k++)
            if (strcmp(unit_rows[r][k], u->base) == 0)
                u->row = r;
}

/* Length of the fact's unit (or an alias) at t, 0 when absent. */
static int unit_glue(const char *t, const unit_info *u)
{
    int best = u->base[0] ? starts(t, u->base) : 0;
    for (int k = 0; u->row >= 0 && unit_rows[u->row][k]; k++) {
        int l = starts(t, unit_rows[u->row][k]);
        best = l > best ? l : best;
    }
    return best;
}

static int known_unit(const char *t)
{
    for (int r = 0; r < COUNT(unit_rows); r++)
        for (int k = 0; unit_rows[r][k]; k++)
            if (starts(t, unit_rows[r][k]))
                return 1;
    for (int k = 0; k < COUNT(other_units); k++)
        if (starts(t, other_units[k]))
            return 1;
    return 0;
}

/* Whether number x can be about fact f; *glue gets the length of the unit after it. */
/* 个 counts people when one of the fact's own subjects follows it ("一个孩子受伤"). */
static int person_classifier(const match *m, const char *t, int f)
{
    int l = starts(t, "个");
    if (!l || m->units[f].row != PEOPLE_ROW)
        return 0;
    for (int i = m->subj_start[f]; i < m->subj_start[f + 1]; i++)
        if (m->subjects[i]->len > 0 && strncmp(t + l, m->subjects[i]->text, (size_t)m->subjects[i]->len) == 0)
            return l;
    return 0;
}

static int unit_fits(const match *m, const num_info *x, int f, int *glue)
{
    int *g = &m->glue[(x - m->nums) * m->s->n_facts + f];
    if (*g < 0) {
        *g = unit_glue(m->np->text + x->tail, &m->units[f]);
        if (*g == 0)
            *g = person_classifier(m, m->np->text + x->tail, f);
    }
    *glue = *g;
    return *glue > 0 || !x->unit_after;
}

static int clause_break(const char *src, int a, int b)
{
    for (int i = a; i < b; i++) {
        unsigned char c = (unsigned char)src[i];
        if (c < 0x80) {
            if (strchr(",;!?.\n\r", c))
                return 1;
            continue;
        }
        for (int k = 0; k < COUNT(barriers); k++)
            if (starts(src + i, barriers[k]))
                return 1;
    }
    return 0;
}

static int gap_units(const char *t, int a, int b)
{
    int w = 0;
    for (int i = a; i < b && w <= NEAR_UNITS; i++) {
        unsigned char c = (unsigned char)t[i];
        w += c < 0x80 ? 1 : c >= 0xC0 ? 3 : 0;
    }
    return w;
}

#define SUBJECT_BEFORE 12   /* bytes before a number searched for its subject: 4 CJK characters */

/* Whether subject word i (normalised) occurs within normalised bytes [a, b). */
static int subject_within(const match *m, int i, int a, int b)
{
    const sim_norm *w = m->subjects[i];
    int at = w->len > 0 ? sim_norm_find_norm(m->np, w, a, NULL) : -1;
    return at >= 0 && at + w->len <= b;
}

/* Subject binding: a fact that names its subjects takes no number whose window (the gap to the
 * keyword, and just before a leading number) names another counted subject and none of its own:
 * in "共有2人受伤：摊贩1人", the 1 counts the vendor, not the injured in all. */
static int subject_elsewhere(const match *m, const num_info *x, int f, int gs, int ge)
{
    int own0 = m->subj_start[f], own1 = m->subj_start[f + 1];
    if (own0 == own1)
        return 0;
    int ps = x->num.norm_start - SUBJECT_BEFORE > 0 ? x->num.norm_start - SUBJECT_BEFORE : 0;
    int ranges[2][2] = {{gs, ge}, {ps, x->num.norm_start}};
    int foreign = 0;
    for (int r = 0; r < 2; r++) {
        for (int i = own0; i < own1; i++)
            if (subject_within(m, i, ranges[r][0], ranges[r][1]))
                return 0;
        for (int i = 0; i < m->subj_start[m->s->n_facts] && !foreign; i++)
            foreign = (i < own0 || i >= own1) && subject_within(m, i, ranges[r][0], ranges[r][1]);
    }
    return foreign;
}

/* Cost of pairing number x with keyword k, -1 when they cannot pair. */
static long long pair_cost(const match *m, const num_info *x, const kw_occ *k)
{
    int glue;
    if (!unit_fits(m, x, k->fact, &glue))
        return -1;
    int gs, ge, os, oe;
    long long prefer;
    if (k->a >= x->num.norm_end) {
        gs = x->tail + glue;
        ge = k->a;
        if (ge < gs)
            gs = ge;
        os = m->np->end[x->num.norm_end - 1];
        oe = m->np->map[k->a];
        prefer = glue ? 0 : 16;
    } else {
        gs = k->b;
        ge = x->num.norm_start;
        os = m->np->end[k->b - 1];
        oe = m->np->map[x->num.norm_start];
        prefer = 8;
    }
    int w = gap_units(m->np->text, gs, ge);
    if (w > NEAR_UNITS || clause_break(m->src, os, oe) || subject_elsewhere(m, x, k->fact, gs, ge))
        return -1;
    int bytes = k->bytes < 7 ? k->bytes : 7;
    return (long long)w * 32 + prefer + (7 - bytes);
}

static void read_number(match *m, num_info *x)
{
    const char *t = m->np->text;
    int a = x->num.norm_start, p = x->num.norm_end;
    x->usable = !ends_at(t, a, "第") && !(a > 0 && is_letter(t[a - 1]) && m->np->end[a - 1] == m->np->map[a]);
    x->base = x->num.value;
    x->approx = SIM_NUM_EXACT;
    size_t longest = 0;
    int tens = x->num.value == 10 || x->num.value == 100 || x->num.value == 1000 || x->num.value == 10000;
    for (int k = 0; k < COUNT(qual_before); k++)
        if (strlen(qual_before[k].word) > longest && ends_at(t, a, qual_before[k].word) &&
            (strcmp(qual_before[k].word, "数") != 0 || tens)) {
            x->approx = qual_before[k].kind;
            longest = strlen(qual_before[k].word);
        }
    for (int k = 0; k < COUNT(approx_after) && x->approx != SIM_NUM_VAGUE; k++) {
        int l = starts(t + p, approx_after[k]);
        if (l) {
            x->approx = SIM_NUM_AT_LEAST;
            p += l;
            for (int j = 0; j < COUNT(multipliers); j++) {
                int ml = starts(t + p, multipliers[j]);
                if (ml) {
                    x->base *= multiplier_values[j];
                    p += ml;
                    break;
                }
            }
            break;
        }
    }
    x->tail = p;
    x->unit_after = known_unit(t + p);
    if (starts(t + x->tail, "几"))
        x->approx = SIM_NUM_VAGUE;   /* 十几人 */
    if (x->approx == SIM_NUM_VAGUE)
        x->usable = 0;   /* 几十人 十几人 数百户: an amount without a value */
}

/* Clock times: two numbers joined by a colon. */
static void mark_times(match *m)
{
    for (int i = 0; i + 1 < m->n_nums; i++) {
        num_info *x = &m->nums[i], *y = &m->nums[i + 1];
        if (y->num.norm_start != x->num.norm_end + 1 || m->np->text[x->num.norm_end] != ' ')
            continue;
        int a = x->num.span.start + x->num.span.len, b = y->num.span.start, colon = 0, other = 0;
        for (int j = a; j < b; j++) {
            if (m->src[j] == ':')
                colon = 1;
            else if (starts(m->src + j, "："))
                colon = 1, j += 2;
            else if (m->src[j] != ' ')
                other = 1;
        }
        if (colon && !other)
            x->usable = y->usable = 0;
    }
}

static double place_step(double v)
{
    if (v < 1)
        return 1;
    double step = 1;
    while (step * 10 <= v && fmod(v, step * 10) == 0)
        step *= 10;
    return step;
}

/* The qualifier of number x, including one written after its unit (左右, 以上, 以内). */
static sim_num_kind number_kind(const match *m, const num_info *x, int glue)
{
    const char *after = m->np->text + x->tail + glue;
    if (x->approx != SIM_NUM_EXACT)
        return x->approx;
    for (int k = 0; k < COUNT(approx_after_unit); k++)
        if (starts(after, approx_after_unit[k]))
            return SIM_NUM_ABOUT;
    if (starts(after, "以上") || starts(after, "ormore"))
        return SIM_NUM_OR_MORE;
    if (starts(after, "以内") || starts(after, "以下") || starts(after, "orfewer") || starts(after, "orless"))
        return SIM_NUM_AT_MOST;
    return SIM_NUM_EXACT;
}

/* Judge number x as a statement of fact f: 1 cited, 0 wrong. */
static int judge(const match *m, const num_info *x, int f, int glue, double *stated)
{
    const sim_fact *fact = &m->s->facts[f];
    double want = fact->value * m->units[f].mult, got = x->base;
    sim_num_kind approx = number_kind(m, x, glue);
    *stated = got / m->units[f].mult;
    double tol = fabs(want) * (approx == SIM_NUM_ABOUT ? TOL_APPROX : TOL_EXACT) + 1e-9;
    switch (approx) {
    case SIM_NUM_AT_LEAST:
        return want >= got - tol && want < got + place_step(got) - 1e-9;
    case SIM_NUM_OR_MORE:
        return want >= got - tol;
    case SIM_NUM_MORE:
        return want > got + tol;
    case SIM_NUM_LESS:
        return want < got - tol;
    case SIM_NUM_AT_MOST:
        return want <= got + tol;
    default:
        return fabs(got - want) <= tol;
    }
}

static void mention_push(match *m, const sim_fact_mention *x)
{
    sim_fact_mentions *all = m->all;
    for (int i = 0; i < all->count; i++)
        if (all->items[i].fact == x->fact && all->items[i].span.start == x->span.start &&
            all->items[i].span.len == x->span.len && all->items[i].inverted == x->inverted)
            return;
    if (all->count == all->cap) {
        int cap = all->cap * 2 + 16;
        sim_fact_mention *grown = realloc(all->items, sizeof *grown * (size_t)cap);
        if (!grown) {
            m->oom = 1;
            return;
        }
        all->items = grown;
        all->cap = cap;
    }
    all->items[all->count++] = *x;
}

/* Whether a mention of fact f already covers part of original span sp. */
static int mentioned_over(const match *m, int f, sim_span sp)
{
    for (int i = 0; i < m->all->count; i++) {
        const sim_fact_mention *x = &m->all->items[i];
        if (x->fact == f && x->span.start < sp.start + sp.len && sp.start < x->span.start + x->span.len)
            return 1;
    }
    return 0;
}

static void record(match *m, int f, int cited, double stated, sim_num_kind kind, int a, int b, int phrase)
{
    sim_fact_mention x = {f, m->s->facts[f].has_value, stated, kind, cited, 0, phrase, sim_norm_span(m->np, a, b)};
    mention_push(m, &x);
}

/* A number paired with a keyword of fact f is about the member of f's superseded_by chain whose
 * value it fits (17 is the first figure, 23 the second); a number that fits none stays with f. */
static int chain_member(match *m, const num_info *x, int f, int *glue, double *stated)
{
    unit_fits(m, x, f, glue);
    if (judge(m, x, f, *glue, stated))
        return f;
    for (int g = 0; g < m->s->n_facts; g++) {
        int gg;
        double st;
        if (g == f || m->chain[g] != m->chain[f] || !m->s->facts[g].has_value || !unit_fits(m, x, g, &gg))
            continue;
        if (judge(m, x, g, gg, &st)) {
            *glue = gg;
            *stated = st;
            return g;
        }
    }
    return -f - 1;
}

static void record_pair(match *m, const num_info *x, kw_occ *k)
{
    int glue;
    double stated;
    int f = chain_member(m, x, k->fact, &glue, &stated);
    int cited = f >= 0;
    int a = x->num.norm_start < k->a ? x->num.norm_start : k->a;
    int b = x->tail + glue > k->b ? x->tail + glue : k->b;
    k->used = 1;
    record(m, cited ? f : -f - 1, cited, stated, number_kind(m, x, glue), a, b, 0);
}

/* Rule 5: a number followed by the unit of exactly one fact with a value (or of one superseded_by
 * chain: "已增至14辆" is the chain's later figure). */
static void unit_only(match *m, const num_info *x)
{
    int found = -1, glue_found = 0;
    for (int f = 0; f < m->s->n_facts; f++) {
        int glue;
        if (!m->s->facts[f].has_value || !m->units[f].base[0] || m->units[f].row == PEOPLE_ROW ||
            !unit_fits(m, x, f, &glue) || !glue)
            continue;
        if (found >= 0 && m->chain[found] != m->chain[f])
            return;
        if (found < 0) {
            found = f;
            glue_found = glue;
        }
    }
    double stated;
    if (found < 0)
        return;
    int f = chain_member(m, x, found, &glue_found, &stated);
    if (f >= 0)
        record(m, f, 1, stated, number_kind(m, x, glue_found), x->num.norm_start, x->tail + glue_found, 0);
}

static int kw_add(match *m, int fact, int a, int b)
{
    if (m->n_kws == m->cap_kws) {
        int cap = m->cap_kws * 2 + 16;
        kw_occ *k = realloc(m->kws, sizeof *k * (size_t)cap);
        if (!k)
            return -1;
        m->kws = k;
        m->cap_kws = cap;
    }
    m->kws[m->n_kws++] = (kw_occ){fact, a, b, b - a, 0};
    return 0;
}

static int kw_cmp(const void *pa, const void *pb)
{
    const kw_occ *a = pa, *b = pb;
    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    if (a->b != b->b)
        return a->b > b->b ? -1 : 1;
    return a->fact - b->fact;
}

/* Length of the negation cue a normalised phrase starts with (无生命危险 -> 无), 0 when none. */
static int negation_prefix(const match *m, const char *t)
{
    int best = 0;
    for (int i = 0; i < m->n_negations; i++) {
        const sim_norm *w = &m->negations[i];
        int l = w->len > 0 && strncmp(t, w->text, (size_t)w->len) == 0 ? w->len : 0;
        best = l > best ? l : best;
    }
    return best;
}

/* The positive core of a phrase that carries its own negation, found where the phrase is not:
 * "有生命危险" against 无生命危险 speaks of the fact with the opposite polarity. */
static void scan_core(match *m, int f, const sim_norm *pn)
{
    int cut = negation_prefix(m, pn->text);
    const char *core = pn->text + cut;
    int len = pn->len - cut;
    if (!cut || gap_units(core, 0, len) < 6)
        return;
    for (int at = 0; (at = sim_norm_find(m->np, core, at, NULL)) >= 0; at++) {
        sim_span sp = sim_norm_span(m->np, at, at + len);
        if (mentioned_over(m, f, sp))
            continue;
        const sim_fact *fact = &m->s->facts[f];
        sim_fact_mention x = {f, 0, fact->value, SIM_NUM_EXACT, 0, 1, 1, sp};
        mention_push(m, &x);
    }
}

/* Phrases of one fact (rule 1) and its keyword occurrences (rule 3), every occurrence; then the
 * cores of its self-negated phrases. */
static int scan_fact(match *m, int f)
{
    const sim_fact *fact = &m->s->facts[f];
    const sim_norm *pn = m->sn->fact_phrases[f].items;
    int n = m->sn->fact_phrases[f].count, rc = 0;
    for (int pass = 0; pass < 2 && rc == 0; pass++) {
        for (int i = 0; i < n && rc == 0; i++) {
            if (!pn[i].text)
                continue;
            int keyword = fact->has_value && i >= 2 && !has_digit(pn[i].text);
            if (pass == 1) {
                if (!keyword)
                    scan_core(m, f, &pn[i]);
                continue;
            }
            const sim_norm *phrase = &pn[i];
            for (int at = 0; rc == 0 && phrase->len > 0 && (at = sim_norm_find_norm(m->np, phrase, at, NULL)) >= 0;
                 at++) {
                if (!keyword)
                    record(m, f, 1, fact->has_value ? fact->value : 0, SIM_NUM_EXACT, at, at + phrase->len, 1);
                else
                    rc = kw_add(m, f, at, at + phrase->len);
            }
        }
    }
    return rc;
}

/* Rule 3: the best pairing of usable numbers with keyword occurrences, by dynamic programming
 * over the numbers in text order. Keywords between number i-1 and number i form segment i;
 * number i may take a keyword from segment i (before it) or segment i+1 (after it). The state
 * after number i is which keyword of segment i+1 it took (or none). */
static int pair_numbers(match *m)
{
    int *use = malloc(sizeof(int) * (size_t)(m->n_nums + 1));
    int *seg = malloc(sizeof(int) * (size_t)(m->n_nums + 2));
    if (!use || !seg) {
        free(use);
        free(seg);
        return -1;
    }
    int N = 0;
    for (int i = 0; i < m->n_nums; i++)
        if (m->nums[i].usable)
            use[N++] = i;
    /* seg[i] = first keyword of segment i; segment i is [seg[i], seg[i+1]). */
    for (int i = 0, k = 0; i <= N; i++) {
        seg[i] = k;
        int limit = i < N ? m->nums[use[i]].num.norm_start : INT_MAX;
        while (k < m->n_kws && m->kws[k].a < limit)
            k++;
        if (i == N)
            seg[N + 1] = m->n_kws;
    }
    int total = 0;
    for (int i = 0; i < N; i++)
        total += seg[i + 2] - seg[i + 1] + 1;
    long long *dp = malloc(sizeof(long long) * (size_t)(total + 1));
    int *prev = malloc(sizeof(int) * (size_t)(total + 1));
    int *pick = malloc(sizeof(int) * (size_t)(total + 1));
    int *off = malloc(sizeof(int) * (size_t)(N + 1));
    if (!dp || !prev || !pick || !off) {
        free(use), free(seg), free(dp), free(prev), free(pick), free(off);
        return -1;
    }
    for (int i = 0, o = 0; i < N; i++) {
        const num_info *x = &m->nums[use[i]];
        int ps = seg[i], pe = seg[i + 1], fs = seg[i + 1], fe = seg[i + 2], S = fe - fs;
        off[i] = o;
        /* Best and second-best previous states (state index = keyword - ps, or none). */
        long long b1 = 0, b2 = COST_INF;
        int a1 = -1, a2 = -1;
        if (i > 0) {
            int PS = pe - ps;
            b1 = COST_INF;
            for (int s = 0; s <= PS; s++) {
                long long v = dp[off[i - 1] + s];
                int st = s < PS ? s : -1;
                if (v < b1)
                    b2 = b1, a2 = a1, b1 = v, a1 = st;
                else if (v < b2)
                    b2 = v, a2 = st;
            }
        }
        long long *row = dp + o;
        int *rp = prev + o, *rk = pick + o;
        row[S] = b1 + COST_NONE, rp[S] = a1, rk[S] = -1;
        for (int k = ps; k < pe; k++) {
            long long c = pair_cost(m, x, &m->kws[k]);
            if (c < 0)
                continue;
            long long before = a1 != k - ps ? b1 : b2;
            int from = a1 != k - ps ? a1 : a2;
            if (before < COST_INF && before + c < row[S])
                row[S] = before + c, rp[S] = from, rk[S] = k;
        }
        for (int s = 0; s < S; s++) {
            long long c = pair_cost(m, x, &m->kws[fs + s]);
            row[s] = c < 0 ? COST_INF : b1 + c;
            rp[s] = a1;
            rk[s] = fs + s;
        }
        o += S + 1;
    }
    if (N > 0) {
        int S = seg[N + 1] - seg[N], best = S;
        for (int s = 0; s < S; s++)
            if (dp[off[N - 1] + s] < dp[off[N - 1] + best])
                best = s;
        for (int i = N - 1; i >= 0; i--) {
            int Si = seg[i + 2] - seg[i + 1], idx = off[i] + (best >= 0 ? best : Si);
            int k = pick[idx];
            if (k >= 0)
                record_pair(m, &m->nums[use[i]], &m->kws[k]);
            else
                unit_only(m, &m->nums[use[i]]);
            best = prev[idx];
        }
    }
    free(use), free(seg), free(dp), free(prev), free(pick), free(off);
    return 0;
}

/* Every occurrence of an officialese phrase in normalised text, as [a, b) pairs (malloc'ed into
 * *spans, count in *n_spans). 0, or -1 on allocation failure. */
static int officialese_spans(const sim_norm *n, const sim_lexicon *lx, int **spans, int *n_spans)
{
    const sim_strlist *off = &lx->words[SIM_LEX_OFFICIALESE];
    int cap = 16;
    *n_spans = 0;
    *spans = malloc(sizeof **spans * (size_t)cap * 2);
    if (!*spans)
        return -1;
    for (int i = 0; i < off->count; i++) {
        sim_norm tmp;
        const sim_norm *w = lex_word(lx, SIM_LEX_OFFICIALESE, i, &tmp);
        if (!w)
            continue;
        for (int at = 0; w->len > 0 && (at = sim_norm_find_norm(n, w, at, NULL)) >= 0; at++) {
            if (*n_spans == cap) {
                int *grown = realloc(*spans, sizeof **spans * (size_t)cap * 4);
                if (!grown) {
                    sim_norm_free(&tmp);
                    return -1;
                }
                *spans = grown;
                cap *= 2;
            }
            (*spans)[2 * *n_spans] = at;
            (*spans)[2 * *n_spans + 1] = at + w->len;
            (*n_spans)++;
        }
        sim_norm_free(&tmp);
    }
    return 0;
}

static int inside_spans(const int *spans, int n_spans, int a, int b)
{
    for (int i = 0; i < n_spans; i++)
        if (spans[2 * i] <= a && b <= spans[2 * i + 1])
            return 1;
    return 0;
}

static int inside_any(const sim_span *skip, int n_skip, sim_span sp)
{
    for (int i = 0; i < n_skip; i++)
        if (skip[i].start <= sp.start && sp.start + sp.len <= skip[i].start + skip[i].len)
            return 1;
    return 0;
}

int sim_lex_scan(const sim_norm *n, const sim_lexicon *lx, const sim_span *skip, int n_skip, sim_span *first, int *hits)
{
    for (int k = 0; k < SIM_LEX_STYLE_COUNT; k++) {
        first[k] = (sim_span){0, 0};
        hits[k] = 0;
    }
    int *off = NULL, n_off = 0;
    if (lx && officialese_spans(n, lx, &off, &n_off)) {
        free(off);
        return -1;
    }
    for (int k = 0; lx && k < SIM_LEX_STYLE_COUNT; k++) {
        for (int i = 0; i < lx->words[k].count; i++) {
            sim_norm tmp;
            const sim_norm *w = lex_word(lx, k, i, &tmp);
            if (!w) {
                free(off);
                return -1;
            }
            int at = -1;
            sim_span sp = {0, 0};
            for (int from = 0; w->len > 0 && (at = sim_norm_find_norm(n, w, from, NULL)) >= 0; from = at + 1) {
                sp = sim_norm_span(n, at, at + w->len);
                if ((k != SIM_LEX_MEASURE || !inside_spans(off, n_off, at, at + w->len)) && !inside_any(skip, n_skip, sp))
                    break;
            }
            sim_norm_free(&tmp);
            if (at < 0)
                continue;
            sim_span *best = &first[k];
            if (hits[k] == 0 || sp.start < best->start || (sp.start == best->start && sp.len > best->len))
                *best = sp;
            hits[k]++;
        }
    }
    free(off);
    return 0;
}

/* How many numbers sim_norm_numbers will find: digits not continuing a number. */
static int count_numbers(const sim_norm *n)
{
    int count = 0;
    for (int i = 0; i < n->len; i++) {
        const char *t = n->text;
        if (t[i] < '0' || t[i] > '9')
            continue;
        int continues = i > 0 && ((t[i - 1] >= '0' && t[i - 1] <= '9') ||
                                  (t[i - 1] == '.' && i > 1 && t[i - 2] >= '0' && t[i - 2] <= '9'));
        count += !continues;
    }
    return count;
}

/* Per-fact data the matcher needs besides the text: units, superseded_by chains, subject words. */
static int match_setup(match *m)
{
    const sim_scenario *s = m->s;
    int nf = s ? s->n_facts : 0;
    int n_lex_subj = m->lx ? m->lx->words[SIM_LEX_SUBJECT].count : 0, n_subj = n_lex_subj;
    for (int f = 0; f < nf; f++)
        n_subj += m->sn->fact_subjects[f].count;
    m->units = calloc((size_t)nf + 1, sizeof *m->units);
    m->chain = calloc((size_t)nf + 1, sizeof *m->chain);
    m->subj_start = calloc((size_t)nf + 2, sizeof *m->subj_start);
    m->subjects = calloc((size_t)n_subj + 1, sizeof *m->subjects);
    if (!m->units || !m->chain || !m->subj_start || !m->subjects)
        return -1;
    const sim_norm *lex_subj = m->lx ? lex_list(m->lx, SIM_LEX_SUBJECT, &m->own_lex[0]) : NULL;
    if (m->lx && !lex_subj)
        return -1;
    int k = 0;
    for (; k < n_lex_subj; k++)
        m->subjects[k] = &lex_subj[k];
    for (int f = 0; f < nf; f++) {
        m->subj_start[f] = k;
        for (int i = 0; i < m->sn->fact_subjects[f].count; i++)
            m->subjects[k++] = &m->sn->fact_subjects[f].items[i];
        unit_setup(&m->sn->fact_units[f], &m->units[f]);
        int last = f;
        for (int steps = 0, nx; steps < nf && (nx = sim_fact_successor(s, last)) >= 0; steps++)
            last = nx;
        m->chain[f] = last;
    }
    m->subj_start[nf] = k;
    if (!m->lx)
        return 0;
    if (!(m->negations = lex_list(m->lx, SIM_LEX_NEGATION, &m->own_lex[1])))
        return -1;
    m->n_negations = m->lx->words[SIM_LEX_NEGATION].count;
    return 0;
}

static void match_free(match *m)
{
    free(m->subjects);
    free(m->subj_start);
    for (int k = 0; k < 2; k++)
        if (m->lx)
            free_norms(m->own_lex[k], m->lx->words[k == 0 ? SIM_LEX_SUBJECT : SIM_LEX_NEGATION].count);
    free(m->chain);
    free(m->units);
    free(m->glue);
    free(m->nums);
    free(m->kws);
}

/* Keyword occurrences that no number took: a number fact's topic without a figure. */
static void topic_mentions(match *m)
{
    for (int i = 0; i < m->n_kws; i++) {
        const kw_occ *k = &m->kws[i];
        sim_span sp = sim_norm_span(m->np, k->a, k->b);
        if (k->used || mentioned_over(m, k->fact, sp))
            continue;
        sim_fact_mention x = {k->fact, 0, 0, SIM_NUM_EXACT, 0, 0, 0, sp};
        mention_push(m, &x);
    }
}

/* Phrases, keywords, numbers and their pairing over m->np (rules 1-6). */
static int match_run(match *m)
{
    int nf = m->s ? m->s->n_facts : 0, rc = -1;
    if (match_setup(m))
        return -1;
    int max_nums = count_numbers(m->np);
    m->nums = malloc(sizeof *m->nums * (size_t)(max_nums + 1));
    sim_number *tmp = malloc(sizeof *tmp * (size_t)(max_nums + 1));
    if (!m->nums || !tmp)
        goto done;
    for (int f = 0; f < nf; f++)
        if (scan_fact(m, f))
            goto done;
    if (m->n_kws > 1)
        qsort(m->kws, (size_t)m->n_kws, sizeof *m->kws, kw_cmp);
    int kept = 0;   /* one occurrence per fact and place, however many synonyms produced it */
    for (int i = 0; i < m->n_kws; i++)
        if (kept == 0 || kw_cmp(&m->kws[kept - 1], &m->kws[i]) != 0)
            m->kws[kept++] = m->kws[i];
    m->n_kws = kept;
    m->n_nums = sim_norm_numbers(m->np, tmp, max_nums);
    for (int i = 0; i < m->n_nums; i++) {
        m->nums[i].num = tmp[i];
        read_number(m, &m->nums[i]);
    }
    mark_times(m);
    m->glue = malloc(sizeof *m->glue * ((size_t)m->n_nums * (size_t)nf + 1));
    if (!m->glue)
        goto done;
    for (int i = 0; i < m->n_nums * nf; i++)
        m->glue[i] = -1;
    if (nf > 0 && pair_numbers(m))
        goto done;
    topic_mentions(m);
    rc = m->oom ? -1 : 0;
done:
    free(tmp);
    return rc;
}

static int mention_cmp(const void *pa, const void *pb)
{
    const sim_fact_mention *a = pa, *b = pb;
    if (a->span.start != b->span.start)
        return a->span.start < b->span.start ? -1 : 1;
    return a->fact - b->fact;
}

int sim_fact_scan(const char *src, const sim_norm *n, const sim_scenario *s, const sim_scenario_norms *sn,
                  const sim_lexicon *lx, sim_fact_mentions *out)
{
    sim_scenario_norms *own = NULL;
    if (s && !sn && !(sn = sim_scenario_norms_of(s, &own)))
        return -1;
    match m = {0};
    m.src = src;
    m.s = s;
    m.sn = sn;
    m.lx = lx;
    m.np = n;
    m.all = out;
    int first = out->count;
    int rc = match_run(&m);
    match_free(&m);
    sim_scenario_norms_free(own);
    if (rc == 0 && out->count - first > 1)
        qsort(out->items + first, (size_t)(out->count - first), sizeof *out->items, mention_cmp);
    return rc;
}
