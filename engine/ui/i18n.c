/* i18n.c — loading a language file with cJSON into a sorted key table, the active-table lookup
 * behind ui_tr(), and the {1}-style placeholder filling used for composed labels. */
#include "i18n.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct ui_i18n_entry {
    char *key;
    char *text;
} ui_i18n_entry;

struct ui_i18n {
    char lang[8];
    ui_i18n_entry *items;
    int count, cap;
};

static const ui_i18n *g_active;

static int add_entry(ui_i18n *t, const char *key, const char *text)
{
    if (t->count == t->cap) {
        int cap = t->cap ? t->cap * 2 : 128;
        ui_i18n_entry *n = realloc(t->items, (size_t)cap * sizeof *n);
        if (!n) return -1;
        t->items = n;
        t->cap = cap;
    }
    char *k = strdup(key), *v = strdup(text);
    if (!k || !v) { free(k); free(v); return -1; }
    t->items[t->count].key = k;
    t->items[t->count].text = v;
    t->count++;
    return 0;
}

/* Walk nested objects, joining member names with dots; every leaf must be a string. */
static int flatten(ui_i18n *t, const cJSON *obj, const char *prefix, char *err, int errlen)
{
    for (const cJSON *it = obj->child; it; it = it->next) {
        char key[192];
        int n = prefix[0] ? snprintf(key, sizeof key, "%s.%s", prefix, it->string)
                          : snprintf(key, sizeof key, "%s", it->string);
        if (n < 0 || n >= (int)sizeof key) {
            snprintf(err, (size_t)errlen, "key too long under %s", prefix);
            return -1;
        }
        if (cJSON_IsObject(it)) {
            if (flatten(t, it, key, err, errlen)) return -1;
        } else if (cJSON_IsString(it)) {
            if (add_entry(t, key, it->valuestring)) {
                snprintf(err, (size_t)errlen, "out of memory");
                return -1;
            }
        } else {
            snprintf(err, (size_t)errlen, "%s: expected a string or an object", key);
            return -1;
        }
    }
    return 0;
}

static int entry_cmp(const void *a, const void *b)
{
    return strcmp(((const ui_i18n_entry *)a)->key, ((const ui_i18n_entry *)b)->key);
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *buf = NULL;
    size_t len = 0, cap = 0, got;
    do {
        if (cap - len < 4096) {
            cap = cap ? cap * 2 : 16384;
            char *n = realloc(buf, cap + 1);
            if (!n) { free(buf); fclose(f); return NULL; }
            buf = n;
        }
        got = fread(buf + len, 1, cap - len, f);
        len += got;
    } while (got > 0);
    fclose(f);
    if (!buf) return NULL;
    buf[len] = '\0';
    return buf;
}

ui_i18n *ui_i18n_load(const char *assets_dir, const char *lang, char *err, int errlen)
{
    const char *file;
    if (!lang || strcmp(lang, "zh") == 0 || strcmp(lang, "zh-CN") == 0) { file = "zh-CN"; lang = "zh"; }
    else if (strcmp(lang, "en") == 0) file = "en";
    else { snprintf(err, (size_t)errlen, "unknown language '%s' (use zh or en)", lang); return NULL; }

    char path[1024];
    snprintf(path, sizeof path, "%s/i18n/%s.json", assets_dir ? assets_dir : "assets", file);
    char *text = read_all(path);
    if (!text) { snprintf(err, (size_t)errlen, "%s: cannot read", path); return NULL; }
    cJSON *root = cJSON_Parse(text);
    free(text);
    if (!cJSON_IsObject(root)) {
        snprintf(err, (size_t)errlen, "%s: not a JSON object", path);
        cJSON_Delete(root);
        return NULL;
    }
    ui_i18n *t = calloc(1, sizeof *t);
    if (!t) { cJSON_Delete(root); snprintf(err, (size_t)errlen, "out of memory"); return NULL; }
    snprintf(t->lang, sizeof t->lang, "%s", lang);
    char msg[256];
    if (flatten(t, root, "", msg, sizeof msg)) {
        snprintf(err, (size_t)errlen, "%s: %s", path, msg);
        cJSON_Delete(root);
        ui_i18n_free(t);
        return NULL;
    }
    cJSON_Delete(root);
    qsort(t->items, (size_t)t->count, sizeof *t->items, entry_cmp);
    return t;
}

void ui_i18n_free(ui_i18n *t)
{
    if (!t) return;
    if (g_active == t) g_active = NULL;
    for (int i = 0; i < t->count; i++) {
        free(t->items[i].key);
        free(t->items[i].text);
    }
    free(t->items);
    free(t);
}

const char *ui_i18n_get(const ui_i18n *t, const char *key)
{
    if (!t || !key) return NULL;
    ui_i18n_entry probe = { (char *)key, NULL };
    const ui_i18n_entry *e = bsearch(&probe, t->items, (size_t)t->count, sizeof *t->items, entry_cmp);
    return e ? e->text : NULL;
}

int ui_i18n_count(const ui_i18n *t) { return t ? t->count : 0; }

const char *ui_i18n_key(const ui_i18n *t, int i)
{
    return (t && i >= 0 && i < t->count) ? t->items[i].key : NULL;
}

const char *ui_i18n_lang(const ui_i18n *t) { return t ? t->lang : "zh"; }

void ui_i18n_use(const ui_i18n *t) { g_active = t; }

const char *ui_tr(const char *key)
{
    const char *s = ui_i18n_get(g_active, key);
    return s ? s : key;
}

/* The length of buf[0..o) without a last character that was cut short. */
static size_t utf8_boundary(const char *buf, size_t o)
{
    size_t start = o;
    while (start > 0 && ((unsigned char)buf[start - 1] & 0xC0) == 0x80 && o - start < 3) start--;
    if (start == 0 || ((unsigned char)buf[start - 1] & 0x80) == 0) return o;   /* ends with ASCII */
    unsigned char lead = (unsigned char)buf[start - 1];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return o - (start - 1) < need ? start - 1 : o;
}

const char *ui_fmt(char *buf, size_t len, const char *tmpl, const char *a1, const char *a2, const char *a3)
{
    const char *args[3] = { a1, a2, a3 };
    size_t o = 0;
    if (!len) return buf;
    int cut = 0;
    for (const char *p = tmpl; *p && !cut; p++) {
        if (p[0] == '{' && p[1] >= '1' && p[1] <= '3' && p[2] == '}') {
            const char *a = args[p[1] - '1'];
            for (; a && *a && !cut; a++)
                if (o + 1 < len) buf[o++] = *a;
                else cut = 1;
            p += 2;
        } else if (o + 1 < len) {
            buf[o++] = *p;
        } else {
            cut = 1;
        }
    }
    if (cut) o = utf8_boundary(buf, o);
    buf[o] = '\0';
    return buf;
}
