/* wrap.c — line breaking: TTF_MeasureUTF8 says how many characters fit a width, libunibreak (the
 * Unicode line-breaking algorithm with its Chinese tailoring) where a line may end. */
#include "wrap.h"

#include <linebreak.h>
#include <stdlib.h>
#include <string.h>

/* libunibreak's Chinese tailoring: curly quotes open and close (no “ at a line end, no ” at a start). */
#define UI_WRAP_LANG "zh"

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

/* Bytes of seg[0..len) for the first line when only `fit` bytes fit: up to the last break libunibreak
 * allows there (brks[i] speaks of the break after byte i); with none, the characters that fit (at
 * least one), as a word longer than the line must be split somewhere. */
static int break_at(const char *seg, const char *brks, int len, int fit)
{
    for (int b = fit; b > 0; b--)
        if (brks[b - 1] == LINEBREAK_ALLOWBREAK) return b;
    if (fit > 0) return fit;
    int one = ui_utf8_len(seg);
    return one <= len ? one : len;
}

int ui_wrap(TTF_Font *f, const char *s, int len, int width, ui_lines *out)
{
    out->n = 0;
    char *tmp = NULL, *brks = NULL;
    int pos = 0, rc = -1;
    for (;;) {
        const char *nl = memchr(s + pos, '\n', (size_t)(len - pos));
        int end = nl ? (int)(nl - s) : len;
        int p = pos, have_brks = 0;
        while (width > 0 && f && p < end) {
            if (!tmp && (!(tmp = malloc((size_t)len + 1)) || !(brks = malloc((size_t)len + 1)))) goto done;
            int seg = end - p;
            memcpy(tmp, s + p, (size_t)seg);
            tmp[seg] = '\0';
            int extent = 0, count = 0;
            if (TTF_MeasureUTF8(f, tmp, width, &extent, &count) != 0) break;
            int fit = ui_utf8_advance(tmp, seg, count);
            if (fit >= seg) break;
            if (!have_brks) {   /* the paragraph's break opportunities, analysed once */
                set_linebreaks_utf8((const utf8_t *)(s + pos), (size_t)(end - pos), UI_WRAP_LANG, brks + pos);
                have_brks = 1;
            }
            int take = break_at(tmp, brks + p, seg, fit);
            if (push(out, p, take)) goto done;
            p += take;
        }
        if (push(out, p, end - p)) goto done;
        if (!nl) break;
        pos = end + 1;
    }
    rc = 0;
done:
    free(tmp);
    free(brks);
    return rc;
}

void ui_lines_free(ui_lines *l)
{
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}
