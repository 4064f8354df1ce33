/* lexicon_load.c — reads assets/lexicon.json into the sim_lexicon the world and the scoring share:
 * one JSON array of phrases per lexicon kind, keyed by sim_lex_name(). */
#include "score.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path, char *err, int errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, (size_t)errlen, "cannot read lexicon %s", path);
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        snprintf(err, (size_t)errlen, "cannot read lexicon %s", path);
        free(buf);
        fclose(f);
        return NULL;
    }
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static int fill_list(const cJSON *arr, sim_strlist *out)
{
    int n = cJSON_GetArraySize(arr);
    out->items = calloc((size_t)n + 1, sizeof *out->items);
    if (!out->items)
        return -1;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        if (!cJSON_IsString(it))
            return -1;
        size_t len = strlen(it->valuestring) + 1;
        char *copy = malloc(len);
        if (!copy)
            return -1;
        memcpy(copy, it->valuestring, len);
        out->items[out->count++] = copy;
    }
    return 0;
}

int score_lexicon_load(const char *path, sim_lexicon *out, char *err, int errlen)
{
    memset(out, 0, sizeof *out);
    char *text = slurp(path, err, errlen);
    if (!text)
        return -1;
    cJSON *root = cJSON_Parse(text);
    free(text);
    if (!cJSON_IsObject(root)) {
        snprintf(err, (size_t)errlen, "%s: not a JSON object", path);
        cJSON_Delete(root);
        return -1;
    }
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
    return 0;
}
