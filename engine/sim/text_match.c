/* text_match.c — reading a statement against the scenario: which facts it states (rightly or with
 * a wrong number) and which lexicon lists (officialese, apology, thanks, ...) it uses.
 *
 * All matching happens on normalised text (text_norm.c), spans are reported in the original.
 *
 * 1. Phrases. A fact is CITED when its zh or en text appears, or one of its synonyms does.
 *    For a fact with a value (has_value) only synonyms that contain a digit count as phrases
 *    ("3人受伤"); its other synonyms ("受伤", "伤者", "injured") are KEYWORDS: they say what a
 *    number is about, but naming the topic without a number cites nothing.
 * 2. Numbers. Every number of the text is read with what follows it:
 *    - skipped: ordinals (第3), numbers glued to letters (covid19), clock times (14:30);
 *    - an approximate marker makes it approximate: before it 约 大约 近 将近 逾 超过 不到 不足 几
 *      about around nearly over "more than" ...; after it the lower-bound markers 余 多 几 来
 *      ("100多人", "3万多元": a following 万/亿/千/百 multiplies) or, after the unit, 左右 / 上下;
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
 * 4. Judging a paired number: value in the fact's unit equal within 0.5% -> CITED, else WRONG.
 *    Approximate numbers: within 15% (约, about ...), or for lower bounds the fact's value lies in
 *    [n, n + the place value of n's last non-zero digit) ("100多人" fits 100..199, "十几人" 10..19).
 *    sim_fact_hit.stated is the number in the fact's unit (50 for "500000元" when the unit is 万元).
 * 5. A number paired with no keyword but followed by the unit of exactly one fact with a value is
 *    CITED when its value matches that fact; it never makes a WRONG (a bare "50人" may be staff).
 *    Counts of people (人 名 位 ...) are left out of this rule: "邀请两位博主" or "一名老师" says
 *    nothing about two injured or one injured; such facts need a keyword.
 * 6. At most one CITED and one WRONG hit per fact (the earliest of each); a statement that first
 *    gives a wrong number and then the right one yields both. Hits are ordered by span start,
 *    at most SIM_MAX_HITS. A hit's span covers the number, its unit and its keyword.
 * 7. Lexicon: lex_hits[k] counts the words of list k that appear, lex[k] is the earliest hit
 *    (the longer word on a tie).
 * Known limits: a number quoted in order to deny it ("网传5人死亡不实") or a subset of a fact
 * ("2名伤者已出院" when 3 were injured) reads as a WRONG statement of that fact; English number
 * words (three, a dozen) are not numbers; a keyword is only recognised as written in synonyms. */
#include "text.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NEAR_UNITS 24          /* keyword window: 8 CJK characters (3 units each), 24 ASCII */
#define COST_NONE 1000000LL    /* a number left unpaired */
#define COST_INF (LLONG_MAX / 4)
#define TOL_EXACT 0.005
#define TOL_APPROX 0.15

static const char *const lex_names[SIM_LEX_COUNT] = {
    [SIM_LEX_OFFICIALESE] = "officialese", [SIM_LEX_APOLOGY] = "apology", [SIM_LEX_EMPATHY] = "empathy",
    [SIM_LEX_THANKS] = "thanks", [SIM_LEX_CONTACT] = "contact", [SIM_LEX_NEXT_UPDATE] = "next_update",
    [SIM_LEX_BLAME] = "blame", [SIM_LEX_MEASURE] = "measure",
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

static const char *const approx_before[] = {
    "约", "大约", "约为", "近", "将近", "接近", "逾", "超过", "超", "不到", "不足", "大概", "几", "about",
    "around", "approximately", "nearly", "over", "morethan", "lessthan", "almost", "roughly", "some",
    "upto",
};
static const char *const approx_after[] = {"余", "多", "几", "来"};
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

void sim_lexicon_free(sim_lexicon *lx)
{
    if (!lx)
        return;
    for (int k = 0; k < SIM_LEX_COUNT; k++) {
        for (int i = 0; i < lx->words[k].count; i++)
            free(lx->words[k].items[i]);
        free(lx->words[k].items);
    }
    memset(lx, 0, sizeof *lx);
}

/* A fact's unit: normalised, its multiplier stripped, and the alias row it belongs to (-1). */
typedef struct unit_info {
    char base[48];
    double mult;
    int row;
} unit_info;

typedef struct kw_occ {
    int fact, a, b, bytes;
} kw_occ;

typedef struct num_info {
    sim_number num;
    int usable;
    int approx;    /* 0 exact, 1 around, 2 at least */
    double base;   /* value after a multiplier that follows an approximate suffix */
    int tail;      /* normalised offset after the number, its suffix and multiplier */
    int unit_after; /* a known unit follows at tail */
} num_info;

typedef struct match {
    const char *src;
    const sim_scenario *s;
    sim_norm n;
    unit_info *units;
    int *glue;         /* per number and fact: unit length after the number, -1 not yet known */
    num_info *nums;
    int n_nums;
    kw_occ *kws;
    int n_kws, cap_kws;
    sim_fact_hit *cited, *wrong;  /* per fact; fact < 0 when none */
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

static void unit_setup(const sim_fact *f, unit_info *u)
{
    memset(u, 0, sizeof *u);
    u->mult = 1;
    u->row = -1;
    sim_norm n;
    if (!f->unit || sim_norm_make(&n, f->unit))
        return;
    const char *t = n.text;
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
    sim_norm_free(&n);
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
static int unit_fits(const match *m, const num_info *x, int f, int *glue)
{
    int *g = &m->glue[(x - m->nums) * m->s->n_facts + f];
    if (*g < 0)
        *g = unit_glue(m->n.text + x->tail, &m->units[f]);
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
        os = m->n.end[x->num.norm_end - 1];
        oe = m->n.map[k->a];
        prefer = glue ? 0 : 16;
    } else {
        gs = k->b;
        ge = x->num.norm_start;
        os = m->n.end[k->b - 1];
        oe = m->n.map[x->num.norm_start];
        prefer = 8;
    }
    int w = gap_units(m->n.text, gs, ge);
    if (w > NEAR_UNITS || clause_break(m->src, os, oe))
        return -1;
    int bytes = k->bytes < 7 ? k->bytes : 7;
    return (long long)w * 32 + prefer + (7 - bytes);
}

static void read_number(match *m, num_info *x)
{
    const char *t = m->n.text;
    int a = x->num.norm_start, p = x->num.norm_end;
    x->usable = !ends_at(t, a, "第") && !(a > 0 && is_letter(t[a - 1]) && m->n.end[a - 1] == m->n.map[a]);
    x->base = x->num.value;
    x->approx = 0;
    for (int k = 0; k < COUNT(approx_before); k++)
        if (ends_at(t, a, approx_before[k]))
            x->approx = 1;
    for (int k = 0; k < COUNT(approx_after); k++) {
        int l = starts(t + p, approx_after[k]);
        if (l) {
            x->approx = 2;
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
}

/* Clock times: two numbers joined by a colon. */
static void mark_times(match *m)
{
    for (int i = 0; i + 1 < m->n_nums; i++) {
        num_info *x = &m->nums[i], *y = &m->nums[i + 1];
        if (y->num.norm_start != x->num.norm_end + 1 || m->n.text[x->num.norm_end] != ' ')
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

/* Judge number x as a statement of fact f: 1 cited, 0 wrong. */
static int judge(const match *m, const num_info *x, int f, int glue, double *stated)
{
    const sim_fact *fact = &m->s->facts[f];
    double want = fact->value * m->units[f].mult, got = x->base;
    int approx = x->approx;
    for (int k = 0; k < COUNT(approx_after_unit) && !approx; k++)
        if (starts(m->n.text + x->tail + glue, approx_after_unit[k]))
            approx = 1;
    *stated = got / m->units[f].mult;
    double tol = fabs(want) * (approx == 1 ? TOL_APPROX : TOL_EXACT) + 1e-9;
    if (approx == 2)
        return want >= got - tol && want < got + place_step(got) - 1e-9;
    return fabs(got - want) <= tol;
}

static void record(match *m, int f, int cited, double stated, int a, int b)
{
    sim_fact_hit *h = cited ? &m->cited[f] : &m->wrong[f];
    sim_span sp = sim_norm_span(&m->n, a, b);
    if (h->fact >= 0 && h->span.start <= sp.start)
        return;
    h->fact = f;
    h->use = cited ? SIM_FACT_CITED : SIM_FACT_WRONG;
    h->stated = stated;
    h->span = sp;
}

static void record_pair(match *m, const num_info *x, const kw_occ *k)
{
    int glue;
    double stated;
    unit_fits(m, x, k->fact, &glue);
    int cited = judge(m, x, k->fact, glue, &stated);
    int a = x->num.norm_start < k->a ? x->num.norm_start : k->a;
    int b = x->tail + glue > k->b ? x->tail + glue : k->b;
    record(m, k->fact, cited, stated, a, b);
}

/* Rule 5: a number followed by the unit of exactly one fact with a value. */
static void unit_only(match *m, const num_info *x)
{
    int found = -1, glue_found = 0;
    for (int f = 0; f < m->s->n_facts; f++) {
        int glue;
        if (!m->s->facts[f].has_value || !m->units[f].base[0] || m->units[f].row == PEOPLE_ROW ||
            !unit_fits(m, x, f, &glue) || !glue)
            continue;
        if (found >= 0)
            return;
        found = f;
        glue_found = glue;
    }
    double stated;
    if (found >= 0 && judge(m, x, found, glue_found, &stated))
        record(m, found, 1, stated, x->num.norm_start, x->tail + glue_found);
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
    m->kws[m->n_kws++] = (kw_occ){fact, a, b, b - a};
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

/* Phrases of one fact (rule 1) and its keyword occurrences (rule 3). */
static int scan_fact(match *m, int f)
{
    const sim_fact *fact = &m->s->facts[f];
    const char *texts[2] = {fact->text.zh, fact->text.en};
    for (int i = 0; i < 2 + fact->synonyms.count; i++) {
        const char *p = i < 2 ? texts[i] : fact->synonyms.items[i - 2];
        if (!p)
            continue;
        sim_norm pn;
        if (sim_norm_make(&pn, p))
            return -1;
        int keyword = fact->has_value && i >= 2 && !has_digit(pn.text);
        for (int at = 0; (at = sim_norm_find_norm(&m->n, &pn, at, NULL)) >= 0; at++) {
            if (!keyword) {
                record(m, f, 1, fact->has_value ? fact->value : 0, at, at + pn.len);
                break;
            }
            if (kw_add(m, f, at, at + pn.len)) {
                sim_norm_free(&pn);
                return -1;
            }
        }
        sim_norm_free(&pn);
    }
    return 0;
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

static void analyse_lexicon(const sim_norm *n, const sim_lexicon *lx, sim_analysis *out)
{
    for (int k = 0; lx && k < SIM_LEX_COUNT; k++) {
        for (int i = 0; i < lx->words[k].count; i++) {
            sim_span sp;
            if (!lx->words[k].items[i] || sim_norm_find(n, lx->words[k].items[i], 0, &sp) < 0)
                continue;
            sim_span *best = &out->lex[k];
            if (out->lex_hits[k] == 0 || sp.start < best->start || (sp.start == best->start && sp.len > best->len))
                *best = sp;
            out->lex_hits[k]++;
        }
    }
}

static int hit_cmp(const void *pa, const void *pb)
{
    const sim_fact_hit *a = pa, *b = pb;
    if (a->span.start != b->span.start)
        return a->span.start < b->span.start ? -1 : 1;
    if (a->fact != b->fact)
        return a->fact - b->fact;
    return (int)a->use - (int)b->use;
}

static int collect_hits(match *m, sim_analysis *out)
{
    int nf = m->s ? m->s->n_facts : 0, n = 0;
    sim_fact_hit *all = malloc(sizeof *all * (size_t)(2 * nf + 1));
    if (!all)
        return -1;
    for (int f = 0; f < nf; f++) {
        if (m->cited[f].fact >= 0)
            all[n++] = m->cited[f];
        if (m->wrong[f].fact >= 0)
            all[n++] = m->wrong[f];
    }
    qsort(all, (size_t)n, sizeof *all, hit_cmp);
    out->n_facts = n < SIM_MAX_HITS ? n : SIM_MAX_HITS;
    memcpy(out->facts, all, sizeof *all * (size_t)out->n_facts);
    free(all);
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

int sim_text_analyse(const char *text, const sim_scenario *s, const sim_lexicon *lx, sim_analysis *out)
{
    memset(out, 0, sizeof *out);
    if (!text)
        text = "";
    out->chars = sim_utf8_chars(text);
    match m = {0};
    m.src = text;
    m.s = s;
    if (sim_norm_make(&m.n, text))
        return -1;
    analyse_lexicon(&m.n, lx, out);
    int nf = s ? s->n_facts : 0, rc = -1;
    m.units = calloc((size_t)nf + 1, sizeof *m.units);
    m.cited = calloc((size_t)nf + 1, sizeof *m.cited);
    m.wrong = calloc((size_t)nf + 1, sizeof *m.wrong);
    int max_nums = count_numbers(&m.n);
    m.nums = malloc(sizeof *m.nums * (size_t)(max_nums + 1));
    sim_number *tmp = malloc(sizeof *tmp * (size_t)(max_nums + 1));
    if (!m.units || !m.cited || !m.wrong || !m.nums || !tmp)
        goto done;
    for (int f = 0; f < nf; f++) {
        m.cited[f].fact = m.wrong[f].fact = -1;
        unit_setup(&s->facts[f], &m.units[f]);
        if (scan_fact(&m, f))
            goto done;
    }
    if (m.n_kws > 1)
        qsort(m.kws, (size_t)m.n_kws, sizeof *m.kws, kw_cmp);
    int kept = 0;   /* one occurrence per fact and place, however many synonyms produced it */
    for (int i = 0; i < m.n_kws; i++)
        if (kept == 0 || kw_cmp(&m.kws[kept - 1], &m.kws[i]) != 0)
            m.kws[kept++] = m.kws[i];
    m.n_kws = kept;
    m.n_nums = sim_norm_numbers(&m.n, tmp, max_nums);
    for (int i = 0; i < m.n_nums; i++) {
        m.nums[i].num = tmp[i];
        read_number(&m, &m.nums[i]);
    }
    mark_times(&m);
    m.glue = malloc(sizeof *m.glue * ((size_t)m.n_nums * (size_t)nf + 1));
    if (!m.glue)
        goto done;
    for (int i = 0; i < m.n_nums * nf; i++)
        m.glue[i] = -1;
    if (nf > 0 && pair_numbers(&m))
        goto done;
    if (collect_hits(&m, out))
        goto done;
    rc = 0;
done:
    free(tmp);
    free(m.units);
    free(m.glue);
    free(m.cited);
    free(m.wrong);
    free(m.nums);
    free(m.kws);
    sim_norm_free(&m.n);
    return rc;
}
