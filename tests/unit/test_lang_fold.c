/* test_lang_fold.c — OpenCC's t2s folder, which learns lazily which characters OpenCC changes: every CJK
 * character folds as OpenCC converts it, traditional statements fold, a long text learns them all; with
 * its cache file, a corrupt, stale or truncated cache is never trusted: the same folding, the file rewritten. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "lang/lang.h"

#define CJK_FIRST 0x3400u
#define CJK_LAST 0x9FFFu

static int put_cp(char *s, uint32_t cp)
{
    s[0] = (char)(0xE0 | (cp >> 12));
    s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    s[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
}

static char *fold(const sim_lexicon *lx, const char *text)
{
    char *out = lx->fold(lx->fold_ctx, text);
    CHECK(out != NULL);
    return out;
}

/* What OpenCC makes of one character: folded after a newline and a character it always changes ("說"),
 * so the text is converted whatever the folder knows of cp. */
static int opencc_of(const sim_lexicon *lx, uint32_t cp, char *out, size_t n)
{
    char text[16];
    int l = put_cp(text, cp);
    snprintf(text + l, sizeof text - (size_t)l, "\n說");
    char *f = fold(lx, text);
    const char *tail = f ? strstr(f, "\n说") : NULL;
    int ok = tail && (size_t)(tail - f) < n;
    if (ok)
        snprintf(out, n, "%.*s", (int)(tail - f), f);
    free(f);
    return ok ? 0 : -1;
}

static void spill(const char *path, const char *buf, size_t n)
{
    FILE *f = fopen(path, "wb");
    CHECK(f && fwrite(buf, 1, n, f) == n);
    if (f)
        fclose(f);
}

static size_t slurp(const char *path, char *buf, size_t n)
{
    FILE *f = fopen(path, "rb");
    size_t len = f ? fread(buf, 1, n, f) : 0;
    if (f)
        fclose(f);
    return len;
}

/* Attach with the cache file, fold a traditional and a simplified text and every 97th character; the folds
 * must equal those without a cache. */
static void fold_with_cache(const char *cache, const char *what)
{
    sim_lexicon plain = {0}, cached = {0};
    char err[256];
    CHECK_MSG(lang_fold_attach(&plain, NULL, err, sizeof err) == 0, "%s", err);
    CHECK_MSG(lang_fold_attach(&cached, cache, err, sizeof err) == 0, "%s: %s", what, err);
    if (!plain.fold || !cached.fold)
        return;
    int differ = 0;
    const char *texts[] = {"網傳「城管把賣水果的大爺打死了」的說法不實。", "区城管局已派出工作组赶赴现场。", "看著他"};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        char *a = fold(&plain, texts[i]), *b = fold(&cached, texts[i]);
        differ += !a || !b || strcmp(a, b) != 0;
        free(a), free(b);
    }
    for (uint32_t cp = CJK_FIRST; cp <= CJK_LAST; cp += 97) {
        char one[8] = {0};
        put_cp(one, cp);
        char *a = fold(&plain, one), *b = fold(&cached, one);
        differ += !a || !b || strcmp(a, b) != 0;
        free(a), free(b);
    }
    CHECK_MSG(differ == 0, "%s: %d texts fold otherwise with the cache", what, differ);
    lang_fold_detach(&plain);
    lang_fold_detach(&cached);
}

static void check_cache(void)
{
    char dir[] = "/tmp/yq_lang_fold_XXXXXX", cache[1024];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(cache, sizeof cache, "%s/opencc-t2s.txt", dir);
    static char good[16384], now[16384];
    fold_with_cache(cache, "no cache yet");
    size_t n = slurp(cache, good, sizeof good);
    CHECK_MSG(n > 6000 && n < sizeof good, "the cache was not written (%zu bytes)", n);
    fold_with_cache(cache, "the cache as written");
    /* Each damage: a bitmap digit changed (checksum fails), the key changed, the file cut short, garbage. */
    const char *damage[] = {"digit", "key", "short", "garbage"};
    for (size_t d = 0; n > 6000 && d < sizeof damage / sizeof *damage; d++) {
        memcpy(now, good, n);
        size_t len = n;
        char *second = strchr(now, '\n') + 1, *third = strchr(second, '\n') + 1;
        if (d == 0)
            third[100] = third[100] == '0' ? '1' : '0';
        else if (d == 1)
            second[0] ^= 1;
        else if (d == 2)
            len = n - 40;
        else
            memset(now, 'x', len);
        spill(cache, now, len);
        fold_with_cache(cache, damage[d]);
        size_t m = slurp(cache, now, sizeof now);
        CHECK_MSG(m == n && memcmp(now, good, n) == 0, "the %s cache was not rewritten", damage[d]);
    }
    unlink(cache);
    rmdir(dir);
}

int main(void)
{
    sim_lexicon lx = {0};
    char err[256];
    CHECK_MSG(lang_fold_attach(&lx, NULL, err, sizeof err) == 0, "%s", err);
    if (!lx.fold)
        return CHECK_DONE();

    char *f = fold(&lx, "網傳「城管把賣水果的大爺打死了」的說法不實。");
    CHECK_STR(f, "网传「城管把卖水果的大爷打死了」的说法不实。");
    free(f);
    f = fold(&lx, "区城管局已派出工作组赶赴现场。");
    CHECK_STR(f, "区城管局已派出工作组赶赴现场。");
    free(f);

    /* Every character alone (the first time the folder meets most of them) folds as OpenCC converts it. */
    int changing = 0, wrong = 0;
    uint32_t unchanged[300];
    int n_unchanged = 0;
    for (uint32_t cp = CJK_FIRST; cp <= CJK_LAST; cp++) {
        char one[8] = {0}, want[32];
        put_cp(one, cp);
        char *got = fold(&lx, one);
        if (opencc_of(&lx, cp, want, sizeof want) || !got) {
            wrong++;
        } else {
            wrong += strcmp(got, want) != 0;
            changing += strcmp(want, one) != 0;
            if (strcmp(want, one) == 0 && n_unchanged < 300 && cp >= 0x4E00)
                unchanged[n_unchanged++] = cp;
        }
        free(got);
    }
    CHECK_MSG(wrong == 0, "%d characters fold otherwise than OpenCC converts them", wrong);
    CHECK_MSG(changing > 1000, "only %d characters change", changing);
    lang_fold_detach(&lx);

    /* A fresh folder meets, in one text longer than a learning batch, 300 characters OpenCC keeps with one
     * traditional character among the first: learnt with its batch, so the text folds. */
    CHECK_MSG(lang_fold_attach(&lx, NULL, err, sizeof err) == 0, "%s", err);
    CHECK(n_unchanged == 300);
    char text[301 * 3 + 1];
    int used = 0, at = 0;
    for (int i = 0; i < n_unchanged; i++) {
        if (i == 100)
            used += put_cp(text + (at = used), 0x8AAA);   /* 說 */
        used += put_cp(text + used, unchanged[i]);
    }
    text[used] = '\0';
    f = fold(&lx, text);
    int folded = f && strncmp(f, text, (size_t)at) == 0 && strncmp(f + at, "说", 3) == 0 &&
                 strcmp(f + at + 3, text + at + 3) == 0;
    CHECK_MSG(folded, "the long text did not fold");
    free(f);
    lang_fold_detach(&lx);
    check_cache();
    return CHECK_DONE();
}
