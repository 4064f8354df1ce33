/* opencc_fold.c — traditional to simplified folding of statements through OpenCC's t2s
 * configuration, offered to the claims reader as the lexicon's folder (sim_fold_fn). OpenCC (and the
 * C++ runtime it brings) is loaded only when a text needs converting or a character must be learnt:
 * with the change cache on disk, a drill whose texts are all simplified runs without it. */
#include "lang.h"
#include "t2s_cache.h"

#include <dlfcn.h>
#include <opencc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The Basic Multilingual Plane's CJK characters OpenCC changes on their own; a text with none of
 * them (nor any character beyond the BMP's CJK blocks) is already simplified and is not converted. */
#define CJK_FIRST 0x3400u
#define CJK_LAST 0x9FFFu

/* The OpenCC functions used, resolved from YQ_OPENCC_SONAME (the library the build was configured with). */
typedef struct opencc_api {
    opencc_t (*open)(const char *config);
    int (*close)(opencc_t cc);
    char *(*convert)(opencc_t cc, const char *input, size_t length);
    void (*convert_free)(char *str);
    const char *(*error)(void);
} opencc_api;

static opencc_api api;

/* Load OpenCC once; 0, or -1 with a message in err. */
static int api_load(char *err, int errlen)
{
    static void *lib;
    if (lib)
        return 0;
    void *h = dlopen(YQ_OPENCC_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        snprintf(err, (size_t)errlen, "cannot load OpenCC (%s): %s", YQ_OPENCC_SONAME, dlerror());
        return -1;
    }
    static const char *const names[] = {"opencc_open", "opencc_close", "opencc_convert_utf8", "opencc_convert_utf8_free",
                                        "opencc_error"};
    void **slots[] = {(void **)&api.open, (void **)&api.close, (void **)&api.convert, (void **)&api.convert_free,
                      (void **)&api.error};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        *slots[i] = dlsym(h, names[i]);
        if (!*slots[i]) {
            snprintf(err, (size_t)errlen, "OpenCC (%s) lacks %s", YQ_OPENCC_SONAME, names[i]);
            dlclose(h);
            return -1;
        }
    }
    lib = h;
    return 0;
}

/* Which characters OpenCC changes: all of them from the cache on disk, else learnt lazily, each CJK
 * character the first time a text holds it. A folder serves one thread. */
typedef struct fold_ctx {
    opencc_t cc;           /* (opencc_t)-1 until OpenCC is first needed */
    uint8_t tested[LANG_T2S_BITS_BYTES];
    uint8_t changes[LANG_T2S_BITS_BYTES];
} fold_ctx;
_Static_assert(LANG_T2S_BITS_BYTES == (CJK_LAST - CJK_FIRST + 1) / 8 + 1, "one bit per BMP CJK character");

/* Load OpenCC and open its t2s configuration once per folder; 0, or -1 with a message in err. */
static int cc_open(fold_ctx *f, char *err, int errlen)
{
    if (f->cc != (opencc_t)-1)
        return 0;
    if (api_load(err, errlen))
        return -1;
    f->cc = api.open(OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP);
    if (f->cc == (opencc_t)-1) {
        snprintf(err, (size_t)errlen, "cannot open OpenCC's %s configuration: %s", OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP,
                 api.error());
        return -1;
    }
    return 0;
}

/* Characters converted per OpenCC call while learning. */
#define LEARN_BATCH 256

static int decode3(const unsigned char *s, uint32_t *cp)
{
    if (s[0] >= 0xE0 && s[0] < 0xF0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
        *cp = ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        return 3;
    }
    return 0;
}

static int bit(const uint8_t *set, uint32_t i) { return set[i / 8] >> (i % 8) & 1; }
static void bit_set(uint8_t *set, uint32_t i) { set[i / 8] |= (uint8_t)(1u << (i % 8)); }

/* Convert the batch's characters (each followed by a newline so that no phrase forms) and note those
 * that change, each by the line it became (some become a character beyond the BMP); when OpenCC fails,
 * every one of them counts as changing. */
static void learn(fold_ctx *f, char *batch, size_t used)
{
    char err[256];
    batch[used] = '\0';
    char *out = cc_open(f, err, sizeof err) ? NULL : api.convert(f->cc, batch, used);
    const char *line = out;
    for (size_t i = 0; i < used; i += 4) {
        uint32_t cp = 0;
        decode3((const unsigned char *)batch + i, &cp);
        const char *end = line ? strchr(line, '\n') : NULL;
        if (!end || end - line != 3 || memcmp(line, batch + i, 3) != 0)
            bit_set(f->changes, cp - CJK_FIRST);
        line = end ? end + 1 : NULL;
    }
    if (out)
        api.convert_free(out);
}

/* Learn every CJK character of the text not tested yet. */
static void learn_text(fold_ctx *f, const char *utf8)
{
    char batch[LEARN_BATCH * 4 + 1];
    size_t used = 0;
    for (const unsigned char *s = (const unsigned char *)utf8; *s;) {
        uint32_t cp;
        int l = decode3(s, &cp);
        if (!l) {
            s++;
            continue;
        }
        s += l;
        if (cp < CJK_FIRST || cp > CJK_LAST || bit(f->tested, cp - CJK_FIRST))
            continue;
        bit_set(f->tested, cp - CJK_FIRST);
        memcpy(batch + used, s - l, 3);
        batch[used + 3] = '\n';
        if ((used += 4) == LEARN_BATCH * 4) {
            learn(f, batch, used);
            used = 0;
        }
    }
    if (used)
        learn(f, batch, used);
}

/* Whether the text may need converting: a CJK character OpenCC changes, or one it was not tested on. */
static int needs_folding(fold_ctx *f, const char *utf8)
{
    learn_text(f, utf8);
    for (const unsigned char *s = (const unsigned char *)utf8; *s;) {
        uint32_t cp;
        if (*s < 0x80) {
            s++;
            continue;
        }
        int l = decode3(s, &cp);
        if (!l)
            return 1;
        if (cp >= CJK_FIRST && cp <= CJK_LAST && bit(f->changes, cp - CJK_FIRST))
            return 1;
        s += l;
    }
    return 0;
}

static char *fold_t2s(void *ctx, const char *utf8)
{
    fold_ctx *f = ctx;
    char err[256];
    if (!needs_folding(f, utf8)) {
        size_t len = strlen(utf8) + 1;
        char *same = malloc(len);
        if (same)
            memcpy(same, utf8, len);
        return same;
    }
    char *converted = cc_open(f, err, sizeof err) ? NULL : api.convert(f->cc, utf8, strlen(utf8));
    if (!converted)
        return NULL;
    size_t len = strlen(converted) + 1;
    char *copy = malloc(len);
    if (copy)
        memcpy(copy, converted, len);
    api.convert_free(converted);
    return copy;
}

/* Learn every CJK character, one batch at a time. */
static void learn_all(fold_ctx *f)
{
    char text[LEARN_BATCH * 4 * 4 + 1];
    size_t used = 0;
    for (uint32_t cp = CJK_FIRST; cp <= CJK_LAST; cp++) {
        text[used++] = (char)(0xE0 | (cp >> 12));
        text[used++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        text[used++] = (char)(0x80 | (cp & 0x3F));
        if (used + 3 >= sizeof text || cp == CJK_LAST) {
            text[used] = '\0';
            learn_text(f, text);
            used = 0;
        }
    }
}

int lang_fold_attach(sim_lexicon *lx, const char *cache, char *err, int errlen)
{
    fold_ctx *f = calloc(1, sizeof *f);
    if (!f) {
        snprintf(err, (size_t)errlen, "out of memory");
        return -1;
    }
    f->cc = (opencc_t)-1;
    char key[LANG_T2S_KEY_MAX];
    int keyed = cache && lang_t2s_cache_key(key, sizeof key) == 0;
    if (keyed && lang_t2s_cache_read(cache, key, f->changes) == 0) {
        memset(f->tested, 0xFF, sizeof f->tested);
    } else if (cc_open(f, err, errlen)) {
        free(f);
        return -1;
    } else if (keyed) {
        learn_all(f);
        /* A cache that cannot be written costs the next attach this learning again, nothing else. */
        (void)lang_t2s_cache_write(cache, key, f->changes);
    }
    lx->fold = fold_t2s;
    lx->fold_ctx = f;
    return 0;
}

void lang_fold_detach(sim_lexicon *lx)
{
    if (lx->fold == fold_t2s && lx->fold_ctx) {
        fold_ctx *f = lx->fold_ctx;
        if (f->cc != (opencc_t)-1)
            api.close(f->cc);
        free(f);
    }
    lx->fold = NULL;
    lx->fold_ctx = NULL;
}
