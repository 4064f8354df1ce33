/* words.c — the report's words: one language's JSON file of nested groups flattened to dotted keys
 * ("section.timeline"), looked up by key; a missing key shows as itself. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

typedef struct word {
    char *key;
    char *text;
} word;

struct report_words {
    char lang[8];
    word *items;
    int n, cap;
};

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t len = 0, cap = 0, got;
    char chunk[4096];
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (len + got + 1 > cap) {
            size_t ncap = (len + got + 1) * 2;
            char *grown = realloc(buf, ncap);
            if (!grown) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = grown;
            cap = ncap;
        }
        memcpy(buf + len, chunk, got);
        len += got;
    }
    fclose(f);
    if (!buf)
        buf = calloc(1, 1);
    else
        buf[len] = '\0';
    return buf;
}

static int add(report_words *w, const char *key, const char *text)
{
    if (w->n == w->cap) {
        int ncap = w->cap ? w->cap * 2 : 64;
        word *grown = realloc(w->items, (size_t)ncap * sizeof *grown);
        if (!grown)
            return -1;
        w->items = grown;
        w->cap = ncap;
    }
    char *k = strdup(key), *t = strdup(text);
    if (!k || !t) {
        free(k);
        free(t);
        return -1;
    }
    w->items[w->n++] = (word){k, t};
    return 0;
}

/* Flatten obj under prefix; -1 on a non-string leaf (reported in err) or out of memory. */
static int flatten(report_words *w, const cJSON *obj, const char *prefix, const char *path, char *err, int errlen)
{
    for (const cJSON *it = obj->child; it; it = it->next) {
        char key[256];
        snprintf(key, sizeof key, "%s%s%s", prefix, prefix[0] ? "." : "", it->string ? it->string : "");
        if (cJSON_IsObject(it)) {
            if (flatten(w, it, key, path, err, errlen))
                return -1;
        } else if (cJSON_IsString(it)) {
            if (add(w, key, it->valuestring)) {
                snprintf(err, (size_t)errlen, "%s: out of memory", path);
                return -1;
            }
        } else {
            snprintf(err, (size_t)errlen, "%s: %s must be a string or an object", path, key);
            return -1;
        }
    }
    return 0;
}

report_words *report_words_load(const char *dir, const char *lang, char *err, int errlen)
{
    int en = lang && strcmp(lang, "en") == 0;
    if (lang && !en && strcmp(lang, "zh") != 0) {
        snprintf(err, (size_t)errlen, "language must be zh or en, not \"%s\"", lang);
        return NULL;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.json", dir, en ? "en" : "zh-CN");
    char *text = read_file(path);
    if (!text) {
        snprintf(err, (size_t)errlen, "cannot read %s", path);
        return NULL;
    }
    cJSON *root = cJSON_Parse(text);
    free(text);
    if (!cJSON_IsObject(root)) {
        snprintf(err, (size_t)errlen, "%s: not a JSON object", path);
        cJSON_Delete(root);
        return NULL;
    }
    report_words *w = calloc(1, sizeof *w);
    if (!w) {
        snprintf(err, (size_t)errlen, "%s: out of memory", path);
        cJSON_Delete(root);
        return NULL;
    }
    snprintf(w->lang, sizeof w->lang, "%s", en ? "en" : "zh");
    int rc = flatten(w, root, "", path, err, errlen);
    cJSON_Delete(root);
    if (rc) {
        report_words_free(w);
        return NULL;
    }
    return w;
}

void report_words_free(report_words *w)
{
    if (!w)
        return;
    for (int i = 0; i < w->n; i++) {
        free(w->items[i].key);
        free(w->items[i].text);
    }
    free(w->items);
    free(w);
}

const char *report_word(const report_words *w, const char *key)
{
    for (int i = 0; w && i < w->n; i++)
        if (strcmp(w->items[i].key, key) == 0)
            return w->items[i].text;
    return key;
}

const char *report_words_lang(const report_words *w)
{
    return w ? w->lang : "zh";
}
