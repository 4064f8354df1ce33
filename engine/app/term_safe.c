/* term_safe.c — cleaning stored names and ids before they are printed to a terminal (see term_safe.h). */
#include "term_safe.h"

#include <string.h>

/* Length of the valid UTF-8 sequence at p (1-4), 0 when invalid; *cp its code point. */
static int utf8_at(const unsigned char *p, unsigned *cp)
{
    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    int len = p[0] >= 0xF0 && p[0] <= 0xF4 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC2 && p[0] < 0xE0 ? 2 : 0;
    if (!len)
        return 0;
    unsigned v = p[0] & (0x7F >> len);
    for (int i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (p[i] & 0x3F);
    }
    static const unsigned min[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (v < min[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

static int unsafe(unsigned cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

char *app_term_safe(const char *s, char *out, size_t n)
{
    size_t o = 0;
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    while (*p) {
        unsigned cp = 0;
        int len = utf8_at(p, &cp);
        const char *put = len && !unsafe(cp) ? (const char *)p : "?";
        size_t put_len = len && !unsafe(cp) ? (size_t)len : 1;
        if (o + put_len + 1 > n)
            break;
        memcpy(out + o, put, put_len);
        o += put_len;
        p += len ? len : 1;
    }
    if (n)
        out[o < n ? o : n - 1] = '\0';
    return out;
}

void app_print_padded(FILE *f, const char *raw, int width)
{
    char s[1024];
    app_term_safe(raw, s, sizeof s);
    int cols = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p & 0xC0) == 0x80)
            continue;
        cols += *p >= 0xE3 ? 2 : 1;   /* lead bytes from U+3000 up: CJK, kana, hangul, full-width forms */
    }
    fputs(s, f);
    for (; cols < width; cols++)
        fputc(' ', f);
}
