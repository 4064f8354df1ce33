/* lexicon_load.c — reads the word lists of assets/: lexicon.json into the sim_lexicon the world and the
 * scoring share (an array per kind), feed/phrases.json into the feed's sim_phrasebook ([zh, en] pairs). */
#include "score.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path, char *err, int errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, (size_t)errlen, "cannot read word list %s", path);
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        snprintf(err, (size_t)errlen, "cannot read word list %s", path);
        free(buf);
        fclose(f);
        return NULL;
    }
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static int push_copy(sim_strlist *out, const char *s)
{
    size_t len = strlen(s) + 1;
    char *copy = malloc(len);
    if (!copy)
        return -1;
    memcpy(copy, s, len);
    out->items[out->count++] = copy;
    return 0;
}

static int fill_list(const cJSON *arr, sim_strlist *out)
{
    int n = cJSON_GetArraySize(arr);
    out->items = calloc((size_t)n + 1, sizeof *out->items);
    if (!out->items)
        return -1;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        if (!cJSON_IsString(it) || push_copy(out, it->valuestring))
            return -1;
    }
    return 0;
}

/* An array of [zh, en] string pairs into two parallel lists. */
static int fill_pairs(const cJSON *arr, sim_strlist *zh, sim_strlist *en)
{
    int n = cJSON_GetArraySize(arr);
    zh->items = calloc((size_t)n + 1, sizeof *zh->items);
    en->items = calloc((size_t)n + 1, sizeof *en->items);
    if (!zh->items || !en->items)
        return -1;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        const cJSON *a = cJSON_GetArrayItem(it, 0), *b = cJSON_GetArrayItem(it, 1);
        if (!cJSON_IsArray(it) || cJSON_GetArraySize(it) != 2 || !cJSON_IsString(a) || !cJSON_IsString(b) ||
            push_copy(zh, a->valuestring) || push_copy(en, b->valuestring))
            return -1;
    }
    return 0;
}

static cJSON *parse_object(const char *path, char *err, int errlen)
{
    char *text = slurp(path, err, errlen);
    if (!text)
        return NULL;
    cJSON *root = cJSON_Parse(text);
    free(text);
    if (!cJSON_IsObject(root)) {
        snprintf(err, (size_t)errlen, "%s: not a JSON object", path);
        cJSON_Delete(root);
        return NULL;
    }
    return root;
}

int score_phrases_load(const char *path, sim_phrasebook *out, char *err, int errlen)
{
    memset(out, 0, sizeof *out);
    cJSON *root = parse_object(path, err, errlen);
    if (!root)
        return -1;
    for (int k = 0; k < SIM_PH_COUNT; k++) {
        const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, sim_phrase_name((sim_phrase_kind)k));
        if (!cJSON_IsArray(arr) || cJSON_GetArraySize(arr) == 0 || fill_pairs(arr, &out->zh[k], &out->en[k])) {
            snprintf(err, (size_t)errlen, "%s: $.%s must be a non-empty array of [zh, en] string pairs", path,
                     sim_phrase_name((sim_phrase_kind)k));
            cJSON_Delete(root);
            sim_phrasebook_free(out);
            return -1;
        }
    }
    cJSON_Delete(root);
    return 0;
}

int score_lexicon_load(const char *path, sim_lexicon *out, char *err, int errlen)
{
    memset(out, 0, sizeof *out);
    cJSON *root = parse_object(path, err, errlen);
    if (!root)
        return -1;
    for (int k = 0; k < SIM_LEX_COUNT; k++) {
        const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, sim_lex_name((sim_lex_kind)k));
        if (!cJSON_IsArray(arr) || fill_list(arr, &out->words[k])) {
            snprintf(err, (size_t)errlen, "%s: $.%s must be an array of strings", path, sim_lex_name((sim_lex_kind)k));
            cJSON_Delete(root);
            sim_lexicon_free(out);
            return -1;
        }
    }
    cJSON_Delete(root);
    if (sim_lexicon_prepare(out)) {
        snprintf(err, (size_t)errlen, "%s: out of memory", path);
        sim_lexicon_free(out);
        return -1;
    }
    return 0;
}
