/* text_norm.c — normalisation of what a trainee typed (UTF-8 decoding, width and case folding,
 * punctuation removal, Chinese numerals to Arabic) and phrase and number search in the result.
 *
 * Rules, in the order they apply to each character of the input:
 * - Invalid UTF-8 (stray continuation bytes, overlong forms, surrogates, truncated sequences) is
 *   skipped one byte at a time. Full-width ASCII U+FF01..FF5E becomes half-width, U+3000 a space,
 *   ASCII letters lower case. Nothing else is folded (no traditional/simplified mapping).
 * - Idioms that contain numeral characters but are not quantities stay text (table `idioms`):
 *   一定 一起 一些 统一 万一 十分 第一时间 一是/二是 ... The numerals of 第一时间 and 一是 are
 *   enumerations, not counts, and 十分 is "very".
 * - A number is read greedily from an Arabic digit, a Chinese digit (〇零一二两三四五六七八九),
 *   a leading 十, or 百分之:
 *     Arabic "1,200" (ASCII comma, groups of exactly three) -> 1200; "3.5" keeps its point;
 *     Chinese 三十二 -> 32, 十二 -> 12, 两百 -> 200, 一百零五 -> 105, 三千五百 -> 3500,
 *     三千五 / 两万五 -> 3500 / 25000 (a bare last digit takes the next lower place);
 *     multipliers after either: 1.2万 -> 12000, 3万 -> 30000, 2.5亿 -> 250000000, 十万 -> 100000,
 *     5百万 -> 5000000, 一万亿 -> 1000000000000 (values of 1e15 and more are not multiplied);
 *     a run of three or more digits, or two with a zero, is read digit by digit: 二〇二四 -> 2024;
 *     百分之三十 -> 30%, 百分之百 -> 100%.
 *   百, 千, 万, 亿 without a digit before them (百姓, 千万, 万分) are text. 点 is never a decimal
 *   point (三点 is a time of day). Financial capitals (壹 贰 … 拾 佰 仟) are numerals in a run of two
 *   or more (陆佰捌拾陆 -> 686) or as one of 壹贰叁肆柒捌玖 before a counting character (贰人);
 *   alone they stay words: 陆续, 队伍 and 收拾 are far more common in statements than amounts.
 * - English number words are numbers: "two" -> 2, "twenty-three" -> 23, "two thousand three hundred"
 *   -> 2300, "a dozen" -> 12; "one" after no/any/every/each/some/which/the is a pronoun.
 * - Two numbers that end up adjacent ("3-5", "14:30", "三四十") are kept apart by one space so they
 *   never merge; that space is the only whitespace left in normalised text.
 * - The aspect marks 了 and 已 are dropped, so a phrase matches with or without them ("已派出工作组"
 *   finds "派出了工作组"); the claims reader reads assertion from cue words, not from them.
 * - Whitespace, ASCII punctuation except '%', CJK punctuation (U+3000..303F except 々〆〇 and the
 *   Hangzhou numerals), general punctuation U+2000..206F (quotes, dashes, ellipsis), the
 *   Latin-1 symbols U+00A0..00BF, × ÷, full-width and half-width forms' punctuation, vertical
 *   and small forms, and variation selectors are removed.
 * - Search: a phrase is normalised the same way and found as a byte substring. A phrase starting
 *   (ending) with a digit does not match right after (before) another digit, so "3人" is not found
 *   in "13人"; a phrase starting with an ASCII letter only matches at the start of a word, so
 *   "cause" is not found in "because" (suffixes are allowed: "thank" finds "thanks"). */
#include "text.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CP_INVALID 0xFFFFFFFFu
#define NUM_CAP 1e15

/* One decoded, folded code point and the original bytes [at, end) it came from. */
typedef struct cp_at {
    uint32_t cp;
    int at, end;
} cp_at;

static const char *const idioms[] = {
    "一定", "一起", "一些", "一直", "一样", "一般", "一切", "一旦", "一致", "一律", "一再", "一度",
    "一向", "一贯", "一道", "一同", "一并", "一概", "一番", "一线", "一时", "一面", "一方面", "一边",
    "一下", "一点", "一系列", "一体", "一把手", "一手", "一心", "一刀切", "一味", "一经", "一举",
    "一带", "一路", "一流", "一齐", "一连", "一阵", "一早", "一旁", "一侧", "一如既往", "一视同仁",
    "一丝不苟", "一目了然", "一针见血", "一览", "一揽子", "一环", "一段时间", "一刻", "一方", "一行",
    "一审", "一五一十", "统一", "唯一", "万一", "第一时间", "进一步", "逐一", "同一", "专一", "之一",
    "一一", "不一", "划一", "合一", "单一", "均一", "其一", "其二", "其三", "十分", "十足", "十字",
    "十全十美", "三番五次", "三令五申", "三心二意", "三三两两", "七嘴八舌", "乱七八糟", "七上八下",
    "四面八方", "五花八门", "九牛一毛", "八九不离十", "零容忍", "零距离", "零星", "零散", "零售",
    "零件", "零部件", "零食", "零钱", "两岸", "两会", "两委", "两新", "两难", "两手", "两样", "两极",
    "两面", "二手", "一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是",
};

static int utf8_decode(const unsigned char *s, int len, int i, uint32_t *out)
{
    unsigned c = s[i];
    if (c < 0x80) {
        *out = c;
        return 1;
    }
    int n;
    uint32_t cp, min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 1, cp = c & 0x1Fu, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 2, cp = c & 0x0Fu, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 3, cp = c & 0x07u, min = 0x10000;
    } else {
        *out = CP_INVALID;
        return 1;
    }
    for (int k = 1; k <= n; k++) {
        if (i + k >= len || (s[i + k] & 0xC0u) != 0x80u) {
            *out = CP_INVALID;
            return 1;
        }
        cp = (cp << 6) | (s[i + k] & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        *out = CP_INVALID;
        return 1;
    }
    *out = cp;
    return n + 1;
}

int sim_utf8_check(const char *s, size_t len, const char **why, size_t *at)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        int n = u[i] ? utf8_decode(u, len > INT32_MAX ? INT32_MAX : (int)len, (int)i, &cp) : 0;
        if (n == 0 || cp == CP_INVALID) {
            *why = n == 0 ? "contains a NUL byte" : "is not valid UTF-8";
            *at = i;
            return -1;
        }
        i += (size_t)n;
    }
    return 0;
}

int sim_utf8_chars(const char *s)
{
    if (!s)
        return 0;
    int len = (int)strlen(s), n = 0;
    for (int i = 0; i < len;) {
        uint32_t cp;
        i += utf8_decode((const unsigned char *)s, len, i, &cp);
        n += cp != CP_INVALID;
    }
    return n;
}

static uint32_t fold(uint32_t cp)
{
    if (cp >= 0xFF01 && cp <= 0xFF5E)
        cp -= 0xFEE0;
    else if (cp == 0x3000)
        cp = ' ';
    if (cp >= 'A' && cp <= 'Z')
        cp += 'a' - 'A';
    return cp;
}

static int is_digit_cp(uint32_t cp)
{
    return cp >= '0' && cp <= '9';
}

static int is_space_cp(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F ||
           cp == 0x205F || cp == 0xFEFF;
}

/* Characters normalisation drops (after folding). */
static int is_removable(uint32_t cp)
{
    if (cp < 0x80)
        return !(is_digit_cp(cp) || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '%');
    if (cp >= 0x80 && cp <= 0xBF)
        return 1;
    if (cp == 0xD7 || cp == 0xF7)
        return 1;
    if (cp >= 0x2000 && cp <= 0x206F)
        return 1;
    if (cp >= 0x3000 && cp <= 0x303F)
        return !(cp == 0x3005 || cp == 0x3006 || cp == 0x3007 || (cp >= 0x3021 && cp <= 0x3029) ||
                 (cp >= 0x3031 && cp <= 0x3035) || (cp >= 0x3038 && cp <= 0x303C));
    if (cp >= 0xFE00 && cp <= 0xFE6F)
        return 1;
    if (cp >= 0xFF00 && cp <= 0xFF0F)
        return 1;
    if ((cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65))
        return 1;
    return cp == 0x4E86 || cp == 0x5DF2;   /* 了 and 已: aspect marks, so 出示了证件 finds 出示证件 */
}

static int cn_digit(uint32_t cp)
{
    switch (cp) {
    case 0x3007: case 0x96F6: return 0;   /* 〇 零 */
    case 0x4E00: return 1;                 /* 一 */
    case 0x4E8C: case 0x4E24: case 0x5169: return 2;   /* 二 两 兩 */
    case 0x4E09: return 3;                 /* 三 */
    case 0x56DB: return 4;                 /* 四 */
    case 0x4E94: return 5;                 /* 五 */
    case 0x516D: return 6;                 /* 六 */
    case 0x4E03: return 7;                 /* 七 */
    case 0x516B: return 8;                 /* 八 */
    case 0x4E5D: return 9;                 /* 九 */
    default: return -1;
    }
}

/* Place value of a unit character, 0 when it is not one. */
static double cn_unit(uint32_t cp)
{
    switch (cp) {
    case 0x5341: return 10;      /* 十 */
    case 0x767E: return 100;     /* 百 */
    case 0x5343: return 1000;    /* 千 */
    case 0x4E07: case 0x842C: return 1e4;   /* 万 萬 */
    case 0x4EBF: case 0x5104: return 1e8;   /* 亿 億 */
    default: return 0;
    }
}

static int is_numeral(uint32_t cp)
{
    return cn_digit(cp) >= 0 || cn_unit(cp) > 0;
}

/* Length in code points of the idiom starting at c[i], 0 when none does. */
static int idiom_at(const cp_at *c, int n, int i)
{
    int best = 0;
    uint32_t first = c[i].cp;
    if (first < 0x800 || first > 0xFFFF)
        return 0;
    unsigned char lead = (unsigned char)(0xE0 | (first >> 12)), second = (unsigned char)(0x80 | ((first >> 6) & 0x3F));
    for (size_t k = 0; k < sizeof idioms / sizeof idioms[0]; k++) {
        const unsigned char *w = (const unsigned char *)idioms[k];
        if (w[0] != lead || w[1] != second)
            continue;
        int wl = (int)strlen(idioms[k]), j = 0, m = 0;
        while (j < wl) {
            uint32_t cp;
            int step = utf8_decode(w, wl, j, &cp);
            if (i + m >= n || c[i + m].cp != cp)
                break;
            j += step;
            m++;
        }
        if (j >= wl && m > best)
            best = m;
    }
    return best;
}

/* Arabic literal at c[i] (digits, ASCII thousands commas, one decimal point); returns its end. */
static int parse_arabic(const cp_at *c, int n, int i, double *val, int *single)
{
    int p = i, ndig = 0, frac = 0;
    double v = 0, scale = 1;
    while (p < n && is_digit_cp(c[p].cp)) {
        if (v < 1e300)
            v = v * 10 + (c[p].cp - '0');
        p++, ndig++;
    }
    if (ndig <= 3) {
        while (p + 3 < n && c[p].cp == ',' && c[p].end - c[p].at == 1 && is_digit_cp(c[p + 1].cp) &&
               is_digit_cp(c[p + 2].cp) && is_digit_cp(c[p + 3].cp) && !(p + 4 < n && is_digit_cp(c[p + 4].cp))) {
            for (int k = 1; k <= 3; k++)
                v = v * 10 + (c[p + k].cp - '0');
            p += 4;
            ndig += 3;
        }
    }
    if (p + 1 < n && c[p].cp == '.' && is_digit_cp(c[p + 1].cp)) {
        p++;
        while (p < n && is_digit_cp(c[p].cp)) {
            if (scale < 1e300) {
                scale *= 10;
                v += (c[p].cp - '0') / scale;
            }
            p++, frac++;
        }
    }
    *val = v;
    *single = ndig == 1 && frac == 0;
    return p;
}

/* A number starting at c[i]. Returns its end (i when there is none); *verbatim is set when it is a
 * plain Arabic literal to be copied digit for digit. */
static int parse_number(const cp_at *c, int n, int i, double *value, int *verbatim)
{
    *verbatim = 0;
    int run = 0, zeros = 0;
    while (i + run < n && cn_digit(c[i + run].cp) >= 0 && c[i + run].cp != 0x4E24 && c[i + run].cp != 0x5169) {
        zeros += cn_digit(c[i + run].cp) == 0;
        run++;
    }
    if (run >= 3 || (run == 2 && zeros > 0)) {
        double v = 0;
        for (int k = 0; k < run; k++)
            v = v < 1e300 ? v * 10 + cn_digit(c[i + k].cp) : v;
        *value = v;
        *verbatim = 2;
        return i + run;
    }

    double total = 0, section = 0, digit = 0, sec_unit = 0, last_unit = 0, best = 0;
    int have = 0, single = 0, zero = 0, tokens = 0, arabic_only = 1, wan_used = 0, end = i, p = i, literal = 0;
    while (p < n) {
        uint32_t cp = c[p].cp;
        double u = cn_unit(cp);
        int d = cn_digit(cp);
        if (is_digit_cp(cp)) {
            if (have)
                break;
            p = parse_arabic(c, n, p, &digit, &single);
            have = 1;
            arabic_only = arabic_only && tokens == 0;
        } else if (d >= 0) {
            if (have)
                break;
            p++;
            arabic_only = 0;
            if (d == 0 && tokens > 0) {
                zero = 1;
                continue;
            }
            digit = d, have = 1, single = 1;
        } else if (u > 0 && u < 1e4) {
            if (sec_unit > 0 && u >= sec_unit)
                break;
            if (have)
                section += digit * u;
            else if (u == 10 && tokens == 0)
                section = 10;
            else
                break;
            sec_unit = last_unit = u;
            have = zero = arabic_only = 0;
            p++;
        } else if (u > 0) {
            double part = section + (have ? digit : 0);
            if (u == 1e8) {
                if (!have && section == 0 && !(last_unit == 1e4 && total > 0))
                    break;
                total = (total + part) * 1e8;
                wan_used = 0;
            } else {
                if ((!have && section == 0) || wan_used)
                    break;
                total += part * 1e4;
                wan_used = 1;
            }
            section = sec_unit = 0;
            last_unit = u;
            have = zero = arabic_only = 0;
            p++;
        } else if (is_space_cp(cp) && have && arabic_only && tokens == 1) {
            int q = p;
            while (q < n && is_space_cp(c[q].cp))
                q++;
            if (q >= n || cn_unit(c[q].cp) <= 0)
                break;
            p = q;
            continue;
        } else {
            break;
        }
        tokens++;
        double implied = single && !zero && last_unit >= 10 ? last_unit / 10 : 1;
        double cur = total + section + (have ? digit * implied : 0);
        int lit_now = arabic_only && tokens == 1;
        if (cur >= NUM_CAP && !lit_now)
            break;
        literal = lit_now;
        best = cur;
        end = p;
    }
    *value = best;
    *verbatim = end > i && literal;
    return end;
}

/* The growing normalised output. */
typedef struct nbuf {
    char *t;
    int *map, *end;
    int len, cap;
} nbuf;

static int nb_reserve(nbuf *b, int cap)
{
    char *t = realloc(b->t, (size_t)cap);
    if (!t)
        return -1;
    b->t = t;
    int *m = realloc(b->map, sizeof(int) * (size_t)cap);
    if (!m)
        return -1;
    b->map = m;
    int *e = realloc(b->end, sizeof(int) * (size_t)cap);
    if (!e)
        return -1;
    b->end = e;
    b->cap = cap;
    return 0;
}

static int nb_put(nbuf *b, char ch, int at, int end)
{
    if (b->len + 2 > b->cap && nb_reserve(b, b->cap * 2 + 64))
        return -1;
    b->t[b->len] = ch;
    b->map[b->len] = at;
    b->end[b->len] = end;
    b->len++;
    return 0;
}

static int nb_cp(nbuf *b, uint32_t cp, int at, int end)
{
    char u[4];
    int k;
    if (cp < 0x80) {
        u[0] = (char)cp, k = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6)), u[1] = (char)(0x80 | (cp & 0x3F)), k = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12)), u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F)), k = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18)), u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), u[3] = (char)(0x80 | (cp & 0x3F)), k = 4;
    }
    for (int i = 0; i < k; i++)
        if (nb_put(b, u[i], at, end))
            return -1;
    return 0;
}

/* Decimal text of a value: integers exactly, fractions to six places without trailing zeros. */
static int format_value(double v, char *out)
{
    char tmp[40];
    int n = 0, len = 0;
    double ip = floor(v);
    uint64_t frac = (uint64_t)llround((v - ip) * 1e6);
    if (frac >= 1000000u) {
        ip += 1;
        frac -= 1000000u;
    }
    uint64_t iv = (uint64_t)ip;
    do {
        tmp[n++] = (char)('0' + iv % 10);
        iv /= 10;
    } while (iv);
    while (n)
        out[len++] = tmp[--n];
    if (frac) {
        int places = 6;
        while (frac % 10 == 0)
            frac /= 10, places--;
        out[len++] = '.';
        for (int k = places - 1; k >= 0; k--) {
            uint64_t p10 = 1;
            for (int j = 0; j < k; j++)
                p10 *= 10;
            out[len++] = (char)('0' + (frac / p10) % 10);
        }
    }
    return len;
}

/* Emit the number read from c[d..j) (value v) for the original characters c[i..j), where i < d
 * when a prefix such as 百分之 belongs to it; verbatim literals are copied without their commas. */
static int emit_number(nbuf *b, const cp_at *c, int i, int d, int j, double v, int verbatim, int percent)
{
    int at = c[i].at, end = c[j - 1].end;
    if (b->len > 0 && is_digit_cp((unsigned char)b->t[b->len - 1]) && nb_put(b, ' ', at, at))
        return -1;
    if (verbatim == 1) {
        for (int k = d; k < j; k++)
            if (c[k].cp != ',' && nb_put(b, (char)c[k].cp, at, end))
                return -1;
    } else if (verbatim == 2) {
        for (int k = d; k < j; k++)
            if (nb_put(b, (char)('0' + cn_digit(c[k].cp)), at, end))
                return -1;
    } else {
        char digits[48];
        int n = format_value(v, digits);
        for (int k = 0; k < n; k++)
            if (nb_put(b, digits[k], at, end))
                return -1;
    }
    return percent ? nb_put(b, '%', at, end) : 0;
}

/* Financial capitals (壹贰叁 … 拾佰仟) as the numerals they stand for, or 0. */
static uint32_t capital_numeral(uint32_t cp)
{
    static const uint32_t pairs[][2] = {
        {0x58F9, 0x4E00}, {0x8D30, 0x4E8C}, {0x8CB3, 0x4E8C}, {0x53C1, 0x4E09}, {0x8086, 0x56DB},
        {0x4F0D, 0x4E94}, {0x9646, 0x516D}, {0x9678, 0x516D}, {0x67D2, 0x4E03}, {0x634C, 0x516B},
        {0x7396, 0x4E5D}, {0x62FE, 0x5341}, {0x4F70, 0x767E}, {0x4EDF, 0x5343},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++)
        if (pairs[i][0] == cp)
            return pairs[i][1];
    return 0;
}

/* Capitals are numerals only where they cannot be words: in a run of two or more (陆佰捌拾陆), or one
 * of 壹贰叁肆柒捌玖 before a counting character (贰人, 叁元); 陆续, 队伍 and 收拾 stay words. */
static void fold_capitals(cp_at *c, int n)
{
    static const uint32_t counters[] = {0x4EBA, 0x540D, 0x4F4D, 0x5143, 0x4E07, 0x4EBF, 0x4E2A, 0x6237, 0x8F86};
    for (int i = 0; i < n;) {
        int j = i;
        while (j < n && (capital_numeral(c[j].cp) || (j > i && (c[j].cp == 0x96F6 || cn_unit(c[j].cp) >= 1e4))))
            j++;
        int run = j - i, counted = 0;
        for (size_t k = 0; run == 1 && j < n && k < sizeof counters / sizeof *counters; k++)
            counted |= c[j].cp == counters[k];
        uint32_t one = run == 1 ? c[i].cp : 0;
        int wordlike = one == 0x4F0D || one == 0x9646 || one == 0x9678 || one == 0x62FE || one == 0x4F70 || one == 0x4EDF;
        if (run >= 2 || (run == 1 && counted && !wordlike))
            for (int k = i; k < j; k++)
                if (capital_numeral(c[k].cp))
                    c[k].cp = capital_numeral(c[k].cp);
        i = j > i ? j : i + 1;
    }
}

static int decode_all(const char *src, int len, cp_at **out)
{
    cp_at *c = malloc(sizeof *c * (size_t)(len + 1));
    if (!c)
        return -1;
    int n = 0;
    for (int i = 0; i < len;) {
        uint32_t cp;
        int k = utf8_decode((const unsigned char *)src, len, i, &cp);
        if (cp != CP_INVALID) {
            c[n].cp = fold(cp);
            c[n].at = i;
            c[n].end = i + k;
            n++;
        }
        i += k;
    }
    fold_capitals(c, n);
    *out = c;
    return n;
}

/* English number words ("two", "twenty-three", "two thousand three hundred", "a dozen"). */
static const struct { const char *word; double value; int scale; } en_numbers[] = {
    {"zero", 0, 0}, {"one", 1, 0}, {"two", 2, 0}, {"three", 3, 0}, {"four", 4, 0}, {"five", 5, 0},
    {"six", 6, 0}, {"seven", 7, 0}, {"eight", 8, 0}, {"nine", 9, 0}, {"ten", 10, 0}, {"eleven", 11, 0},
    {"twelve", 12, 0}, {"thirteen", 13, 0}, {"fourteen", 14, 0}, {"fifteen", 15, 0}, {"sixteen", 16, 0},
    {"seventeen", 17, 0}, {"eighteen", 18, 0}, {"nineteen", 19, 0}, {"twenty", 20, 0}, {"thirty", 30, 0},
    {"forty", 40, 0}, {"fifty", 50, 0}, {"sixty", 60, 0}, {"seventy", 70, 0}, {"eighty", 80, 0},
    {"ninety", 90, 0}, {"dozen", 12, 0}, {"hundred", 100, 1}, {"thousand", 1000, 2}, {"million", 1e6, 2},
};

static int is_letter_cp(uint32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

/* The number word whose letters start at c[i] and end at a word boundary; its length in *len. */
static int en_word_at(const cp_at *c, int n, int i, int *len)
{
    static const char starts_of_numbers[] = "zotfsendhm";   /* first letters of en_numbers' words */
    if ((i > 0 && is_letter_cp(c[i - 1].cp)) || !strchr(starts_of_numbers, (int)(c[i].cp | 0x20)))
        return -1;
    for (size_t w = 0; w < sizeof en_numbers / sizeof *en_numbers; w++) {
        const char *word = en_numbers[w].word;
        int k = 0;
        while (word[k] && i + k < n && (char)(c[i + k].cp | 0x20) == word[k] && is_letter_cp(c[i + k].cp))
            k++;
        if (!word[k] && (i + k >= n || !is_letter_cp(c[i + k].cp))) {
            *len = k;
            return (int)w;
        }
    }
    return -1;
}

/* Reads English number words joined by spaces, hyphens and "and" from c[i]; returns the index after
 * the last word, or i when none starts there. */
static int parse_english(const cp_at *c, int n, int i, double *value)
{
    static const char *const determiners[] = {"no", "any", "every", "each", "some", "which", "the"};
    int len, w = en_word_at(c, n, i, &len);
    if (w == 1) {   /* "no one", "any one": a pronoun, not a count */
        int k = i - 1;
        while (k >= 0 && c[k].cp == ' ')
            k--;
        int e = k + 1;
        while (k >= 0 && is_letter_cp(c[k].cp))
            k--;
        for (size_t d = 0; d < sizeof determiners / sizeof *determiners; d++) {
            size_t l = strlen(determiners[d]);
            int same = e - (k + 1) == (int)l;
            for (size_t q = 0; same && q < l; q++)
                same = (char)(c[k + 1 + (int)q].cp | 0x20) == determiners[d][q];
            if (same)
                return i;
        }
    }
    double total = 0, group = 0;
    int j = i, end = i, words = 0;
    for (;;) {
        int len, w = en_word_at(c, n, j, &len);
        if (w < 0)
            break;
        if (en_numbers[w].scale == 0)
            group += en_numbers[w].value;
        else if (en_numbers[w].scale == 1)
            group = (group ? group : 1) * 100;
        else
            total += (group ? group : 1) * en_numbers[w].value, group = 0;
        words++;
        j += len;
        end = j;
        int k = j;
        while (k < n && (c[k].cp == ' ' || c[k].cp == '-'))
            k++;
        if (k + 3 < n && (c[k].cp | 0x20) == 'a' && (c[k + 1].cp | 0x20) == 'n' && (c[k + 2].cp | 0x20) == 'd' &&
            c[k + 3].cp == ' ')
            k += 4;
        j = k;
    }
    *value = total + group;
    return words ? end : i;
}

static int normalise(nbuf *b, const cp_at *c, int n)
{
    for (int i = 0; i < n;) {
        uint32_t cp = c[i].cp;
        if (is_numeral(cp) || (i + 1 < n && is_numeral(c[i + 1].cp))) {
            int m = idiom_at(c, n, i);
            if (m > 0) {
                for (int k = i; k < i + m; k++)
                    if (nb_cp(b, c[k].cp, c[k].at, c[k].end))
                        return -1;
                i += m;
                continue;
            }
        }
        if (cp == 0x767E && i + 3 < n && c[i + 1].cp == 0x5206 && c[i + 2].cp == 0x4E4B) { /* 百分之 */
            double v;
            int verbatim, j = parse_number(c, n, i + 3, &v, &verbatim);
            if (j == i + 3 && c[i + 3].cp == 0x767E)
                j = i + 4, v = 100, verbatim = 0;
            if (j > i + 3) {
                if (emit_number(b, c, i, i + 3, j, v, verbatim, 1))
                    return -1;
                i = j;
                continue;
            }
        }
        if (is_digit_cp(cp) || cn_digit(cp) >= 0 || cp == 0x5341) {
            double v;
            int verbatim, j = parse_number(c, n, i, &v, &verbatim);
            if (j > i) {
                if (emit_number(b, c, i, i, j, v, verbatim, 0))
                    return -1;
                i = j;
                continue;
            }
        }
        if (is_letter_cp(cp)) {
            double v;
            int j = parse_english(c, n, i, &v);
            if (j > i) {
                if (emit_number(b, c, i, i, j, v, 0, 0))
                    return -1;
                i = j;
                continue;
            }
        }
        if (!is_removable(cp) && !is_space_cp(cp) && nb_cp(b, cp, c[i].at, c[i].end))
            return -1;
        i++;
    }
    return 0;
}

int sim_norm_make(sim_norm *n, const char *utf8)
{
    memset(n, 0, sizeof *n);
    if (!utf8)
        utf8 = "";
    int len = (int)strlen(utf8);
    cp_at *c;
    int count = decode_all(utf8, len, &c);
    if (count < 0)
        return -1;
    nbuf b = {0};
    int rc = nb_reserve(&b, len + 16);
    if (rc == 0)
        rc = normalise(&b, c, count);
    free(c);
    if (rc) {
        free(b.t);
        free(b.map);
        free(b.end);
        return -1;
    }
    b.t[b.len] = '\0';
    n->text = b.t;
    n->map = b.map;
    n->end = b.end;
    n->len = b.len;
    n->src_len = len;
    return 0;
}

uint64_t sim_norm_hash(const sim_norm *n)
{
    uint64_t h = 14695981039346656037ULL;
    for (int i = 0; i < n->len; i++)
        h = (h ^ (unsigned char)n->text[i]) * 1099511628211ULL;
    return h;
}

void sim_norm_free(sim_norm *n)
{
    if (!n)
        return;
    free(n->text);
    free(n->map);
    free(n->end);
    memset(n, 0, sizeof *n);
}

sim_span sim_norm_span(const sim_norm *n, int a, int b)
{
    sim_span s = {n->src_len, 0};
    if (a < 0)
        a = 0;
    if (b > n->len)
        b = n->len;
    if (a >= n->len)
        return s;
    s.start = n->map[a];
    if (b > a && n->end[b - 1] > s.start)
        s.len = n->end[b - 1] - s.start;
    return s;
}

static int is_letter(char ch)
{
    return ch >= 'a' && ch <= 'z';
}

static int is_digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

/* Next match of normalised needle p (length plen) in n at or after `from`, honouring the digit
 * and word-start rules at the top of this file. */
static int find_normalised(const sim_norm *n, const char *p, int plen, int from)
{
    if (plen <= 0 || !n->text)
        return -1;
    if (from < 0)
        from = 0;
    const char *t = n->text;
    for (const char *hit = from <= n->len ? strstr(t + from, p) : NULL; hit; hit = strstr(hit + 1, p)) {
        int a = (int)(hit - t), e = a + plen;
        if (is_digit(p[0]) && a > 0 && (is_digit(t[a - 1]) || t[a - 1] == '.'))
            continue;
        if (is_digit(p[plen - 1]) && e < n->len && (is_digit(t[e]) || (t[e] == '.' && is_digit(t[e + 1]))))
            continue;
        if (is_letter(p[0]) && a > 0 && is_letter(t[a - 1]) && n->end[a - 1] == n->map[a])
            continue;
        return a;
    }
    return -1;
}

int sim_norm_find_norm(const sim_norm *n, const sim_norm *phrase, int from, sim_span *span)
{
    if (!n || !phrase)
        return -1;
    int at = find_normalised(n, phrase->text, phrase->len, from);
    if (at >= 0 && span)
        *span = sim_norm_span(n, at, at + phrase->len);
    return at;
}

int sim_norm_find(const sim_norm *n, const char *phrase, int from, sim_span *span)
{
    sim_norm p;
    if (!n || !phrase || sim_norm_make(&p, phrase))
        return -1;
    int at = sim_norm_find_norm(n, &p, from, span);
    sim_norm_free(&p);
    return at;
}

int sim_norm_find_any(const sim_norm *n, const sim_strlist *words, sim_span *span, int *which)
{
    int best = -1, best_len = 0, best_i = -1;
    for (int i = 0; n && words && i < words->count; i++) {
        sim_norm p;
        if (!words->items[i] || sim_norm_make(&p, words->items[i]))
            continue;
        int at = find_normalised(n, p.text, p.len, 0);
        if (at >= 0 && (best < 0 || at < best || (at == best && p.len > best_len))) {
            best = at;
            best_len = p.len;
            best_i = i;
        }
        sim_norm_free(&p);
    }
    if (best >= 0) {
        if (span)
            *span = sim_norm_span(n, best, best + best_len);
        if (which)
            *which = best_i;
    }
    return best;
}

int sim_norm_numbers(const sim_norm *n, sim_number *out, int max)
{
    int count = 0;
    for (int i = 0; n && n->text && i < n->len && count < max;) {
        if (!is_digit(n->text[i])) {
            i++;
            continue;
        }
        int a = i;
        double v = 0, scale = 1;
        while (i < n->len && is_digit(n->text[i])) {
            if (v < 1e300)
                v = v * 10 + (n->text[i] - '0');
            i++;
        }
        if (i + 1 < n->len && n->text[i] == '.' && is_digit(n->text[i + 1])) {
            i++;
            while (i < n->len && is_digit(n->text[i])) {
                if (scale < 1e300) {
                    scale *= 10;
                    v += (n->text[i] - '0') / scale;
                }
                i++;
            }
        }
        out[count].value = v;
        out[count].norm_start = a;
        out[count].norm_end = i;
        out[count].span = sim_norm_span(n, a, i);
        count++;
    }
    return count;
}
