/* wrap.c — line breaking with TTF_MeasureUTF8 (how many characters fit a width), backing off to
 * a space inside Latin words and keeping closing punctuation off the start of a line. */
#include "wrap.h"

#include <stdlib.h>
#include <string.h>

int ui_utf8_len(const char *s)
{
    unsigned char c = (unsigned char)s[0];
    int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    for (int i = 1; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) return 1;
    return n;
}

int ui_utf8_prev(const char *s, int i)
{
    if (i <= 0) return 0;
    i--;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80) i--;
    return i;
}

int ui_utf8_advance(const char *s, int len, int n)
{
    int i = 0;
    while (n-- > 0 && i < len) {
        int l = ui_utf8_len(s + i);
        i = (i + l > len) ? len : i + l;
    }
    return i;
}

static int push(ui_lines *out, int start, int len)
{
    if (out->n == out->cap) {
        int cap = out->cap ? out->cap * 2 : 16;
        ui_line *v = realloc(out->v, (size_t)cap * sizeof *v);
        if (!v) return -1;
        out->v = v;
        out->cap = cap;
    }
    out->v[out->n].start = start;
    out->v[out->n].len = len;
    out->n++;
    return 0;
}

static int is_word_byte(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           c == '\'' || c == '-' || c == '.' || c == ',' || c == '%';
}

/* Characters that must not open a line (full-width closing punctuation and ASCII closers). */
static int no_line_start(const char *s)
{
    static const char *const closers[] = {
        "，", "。", "、", "！", "？", "；", "：", "）", "》", "」", "』", "”", "’", "…", "】", "〕",
        ",", ".", "!", "?", ";", ":", ")", "]", NULL
    };
    for (int i = 0; closers[i]; i++)
        if (strncmp(s, closers[i], strlen(closers[i])) == 0) return 1;
    return 0;
}

/* Bytes of seg[0..len) that go on the first line when it must be broken at `fit` bytes. */
static int adjust_break(const char *seg, int len, int fit)
{
    if (fit <= 0) return ui_utf8_len(seg) <= len ? ui_utf8_len(seg) : len;
    /* Inside a Latin word: go back to just after the last space. */
    if (fit < len && is_word_byte((unsigned char)seg[fit]) && is_word_byte((unsigned char)seg[fit - 1])) {
        for (int k = fit - 1; k > 0; k--) {
            if (seg[k] == ' ') return k + 1;
            if (!is_word_byte((unsigned char)seg[k])) break;
        }
    }
    if (fit < len && no_line_start(seg + fit)) {
        int prev = ui_utf8_prev(seg, fit);
        if (prev > 0) return prev;
    }
    return fit;
}

int ui_wrap(TTF_Font *f, const char *s, int len, int width, ui_lines *out)
{
    out->n = 0;
    char *tmp = NULL;
    int pos = 0;
    for (;;) {
        const char *nl = memchr(s + pos, '\n', (size_t)(len - pos));
        int end = nl ? (int)(nl - s) : len;
        int p = pos;
        while (width > 0 && f && p < end) {
            if (!tmp && !(tmp = malloc((size_t)len + 1))) return -1;
            int seg = end - p;
            memcpy(tmp, s + p, (size_t)seg);
            tmp[seg] = '\0';
            int extent = 0, count = 0;
            if (TTF_MeasureUTF8(f, tmp, width, &extent, &count) != 0) break;
            int fit = ui_utf8_advance(tmp, seg, count);
            if (fit >= seg) break;
            int take = adjust_break(tmp, seg, fit);
            if (push(out, p, take)) { free(tmp); return -1; }
            p += take;
        }
        if (push(out, p, end - p)) { free(tmp); return -1; }
        if (!nl) break;
        pos = end + 1;
    }
    free(tmp);
    return 0;
}

void ui_lines_free(ui_lines *l)
{
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}
