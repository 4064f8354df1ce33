/* texts_load.c — the scorecard's explanation templates, assets/score/zh-CN.json and en.json: read,
 * flattened to dotted keys, and checked against why_keys.h (every key present, no unknown key,
 * each template naming exactly its slots) so that rendering can never meet a gap. */
#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "why.h"

#define N_LANGS 2
#define KEY_MAX 128

struct score_texts {
    char *tmpl[N_LANGS][SW_COUNT];
};

static const char *const lang_files[N_LANGS] = {"zh-CN.json", "en.json"};

typedef struct loader {
    score_texts *t;
    int lang;
    const char *path;
    char *err;
    int errlen;
} loader;

/* "PATH: what is wrong" into the caller's buffer; always -1. */
static int fail(loader *ld, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(loader *ld, const char *fmt, ...)
{
    char what[1200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    snprintf(ld->err, (size_t)ld->errlen, "%s: %s", ld->path, what);
    return -1;
}

static char *read_file(const char *path, char *err, int errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, (size_t)errlen, "%s: cannot open", path);
        return NULL;
    }
    char *buf = NULL;
    size_t len = 0, cap = 0, n;
    do {
        if (len + 4096 + 1 > cap) {
            cap = cap ? cap * 2 : 16384;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                fclose(f);
                snprintf(err, (size_t)errlen, "%s: out of memory", path);
                return NULL;
            }
            buf = nb;
        }
        n = fread(buf + len, 1, 4096, f);
        len += n;
    } while (n == 4096);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        snprintf(err, (size_t)errlen, "%s: read error", path);
        return NULL;
    }
    buf[len] = '\0';
    return buf;
}

static int key_index(const char *key)
{
    for (int k = 0; k < SW_COUNT; k++)
        if (strcmp(score_key_name((score_key)k), key) == 0)
            return k;
    return -1;
}

/* Whether `name` (len bytes) is one of the space-separated words of `slots`. */
static int slot_declared(const char *slots, const char *name, size_t len)
{
    for (const char *p = slots; *p;) {
        size_t w = strcspn(p, " ");
        if (w == len && strncmp(p, name, len) == 0)
            return 1;
        p += w;
        p += strspn(p, " ");
    }
    return 0;
}

/* Braces only mark slots: every "{name}" must be a slot of the key, and every slot used. */
static int check_template(loader *ld, const char *key, score_key k, const char *tmpl)
{
    const char *slots = score_key_slots(k);
    for (const char *p = tmpl; *p; p++) {
        if (*p == '}')
            return fail(ld, "%s: a lone \"}\" (braces only mark slots such as {minutes})", key);
        if (*p != '{')
            continue;
        size_t n = strspn(p + 1, "abcdefghijklmnopqrstuvwxyz_");
        if (n == 0 || p[1 + n] != '}')
            return fail(ld, "%s: a \"{\" that does not open a slot such as {minutes}", key);
        if (!slot_declared(slots, p + 1, n)) {
            return fail(ld, "%s: unknown slot {%.*s} (this text takes: %s)", key, (int)n, p + 1,
                        slots[0] ? slots : "no slots");
        }
        p += n + 1;
    }
    for (const char *s = slots; *s;) {
        size_t w = strcspn(s, " ");
        char want[64];
        snprintf(want, sizeof want, "{%.*s}", (int)w, s);
        if (!strstr(tmpl, want))
            return fail(ld, "%s: the text must use the slot %s", key, want);
        s += w;
        s += strspn(s, " ");
    }
    return 0;
}

static int take(loader *ld, const char *key, const cJSON *v)
{
    int k = key_index(key);
    if (k < 0)
        return fail(ld, "unknown key \"%s\"", key);
    if (!cJSON_IsString(v))
        return fail(ld, "%s: must be a string", key);
    if (ld->t->tmpl[ld->lang][k])
        return fail(ld, "%s: given twice", key);
    if (check_template(ld, key, (score_key)k, v->valuestring))
        return -1;
    if (!(ld->t->tmpl[ld->lang][k] = strdup(v->valuestring)))
        return fail(ld, "out of memory");
    return 0;
}

/* Objects nest keys: {"deadline": {"missed": "..."}} is "deadline.missed". */
static int flatten(loader *ld, const cJSON *obj, const char *prefix)
{
    const cJSON *v;
    cJSON_ArrayForEach(v, obj) {
        char key[KEY_MAX];
        if (!v->string || snprintf(key, sizeof key, "%s%s%s", prefix, prefix[0] ? "." : "", v->string) >= KEY_MAX)
            return fail(ld, "a key under \"%s\" is too long", prefix);
        int rc = cJSON_IsObject(v) ? flatten(ld, v, key) : take(ld, key, v);
        if (rc)
            return rc;
    }
    return 0;
}

/* Name every key of the catalogue the file lacks. */
static int check_complete(loader *ld)
{
    char list[1024] = "";
    int missing = 0;
    for (int k = 0; k < SW_COUNT; k++) {
        if (ld->t->tmpl[ld->lang][k])
            continue;
        size_t used = strlen(list);
        if (used + 1 < sizeof list)
            snprintf(list + used, sizeof list - used, "%s%s", missing ? ", " : "", score_key_name((score_key)k));
        missing++;
    }
    if (!missing)
        return 0;
    return fail(ld, "missing key%s %s", missing == 1 ? "" : "s", list);
}

static int load_lang(loader *ld, const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, lang_files[ld->lang]);
    ld->path = path;
    char *json = read_file(path, ld->err, ld->errlen);
    if (!json)
        return -1;
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithOpts(json, &end, 1);
    int rc;
    if (!root) {
        int line = 1;
        for (const char *c = json; end && c < end && *c; c++)
            line += *c == '\n';
        rc = fail(ld, "line %d: not valid JSON", line);
    } else if (!cJSON_IsObject(root)) {
        rc = fail(ld, "must be a JSON object of texts");
    } else {
        rc = flatten(ld, root, "");
        if (!rc)
            rc = check_complete(ld);
    }
    cJSON_Delete(root);
    free(json);
    ld->path = NULL;
    return rc;
}

int score_texts_load(const char *dir, score_texts **out, char *err, int errlen)
{
    *out = NULL;
    score_texts *t = calloc(1, sizeof *t);
    if (!t) {
        snprintf(err, (size_t)errlen, "score texts: out of memory");
        return -1;
    }
    for (int lang = 0; lang < N_LANGS; lang++) {
        loader ld = {t, lang, NULL, err, errlen};
        if (load_lang(&ld, dir)) {
            score_texts_free(t);
            return -1;
        }
    }
    *out = t;
    return 0;
}

void score_texts_free(score_texts *t)
{
    if (!t)
        return;
    for (int lang = 0; lang < N_LANGS; lang++)
        for (int k = 0; k < SW_COUNT; k++)
            free(t->tmpl[lang][k]);
    free(t);
}

const char *score_texts_get(const score_texts *t, int lang, score_key k)
{
    if (!t || lang < 0 || lang >= N_LANGS || (unsigned)k >= SW_COUNT)
        return NULL;
    return t->tmpl[lang][k];
}
