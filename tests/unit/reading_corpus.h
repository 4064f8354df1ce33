/* reading_corpus.h — the labelled reading corpus (the .json files of tests/reading) walked file by file for the unit
 * tests: each file's scenario loaded (scn_load), each statement handed to the test, then the scenario. */
#ifndef YQ_TEST_READING_CORPUS_H
#define YQ_TEST_READING_CORPUS_H

#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "script/script.h"

typedef struct corpus_visit {
    void (*statement)(sim_scenario *s, const cJSON *item, void *ctx);
    void (*scenario)(sim_scenario *s, void *ctx);   /* after its statements; NULL: nothing */
    void *ctx;
} corpus_visit;

static void corpus_file(const char *path, const corpus_visit *v)
{
    FILE *f = fopen(path, "rb");
    CHECK_MSG(f != NULL, "cannot open %s", path);
    if (!f)
        return;
    static char buf[4 << 20];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    cJSON *root = cJSON_Parse(buf);
    CHECK_MSG(root != NULL, "%s is not valid JSON", path);
    const cJSON *id = cJSON_GetObjectItem(root, "scenario");
    char dir[1024];
    snprintf(dir, sizeof dir, YQ_SOURCE_DIR "/scenarios/%s", cJSON_IsString(id) ? id->valuestring : "?");
    sim_scenario s;
    scn_script *sc = NULL;
    scn_problems probs = {0};
    int loaded = scn_load(dir, 1, &s, &sc, &probs) == 0;
    CHECK_MSG(loaded, "cannot load %s", dir);
    scn_problems_free(&probs);
    if (loaded) {
        const cJSON *item;
        cJSON_ArrayForEach(item, cJSON_GetObjectItem(root, "statements"))
            v->statement(&s, item, v->ctx);
        if (v->scenario)
            v->scenario(&s, v->ctx);
        scn_free(sc);
        sim_scenario_free(&s);
    }
    cJSON_Delete(root);
}

/* Every corpus file in turn. */
static void corpus_walk(const corpus_visit *v)
{
    DIR *d = opendir(YQ_SOURCE_DIR "/tests/reading");
    CHECK(d != NULL);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l > 5 && strcmp(e->d_name + l - 5, ".json") == 0) {
            char path[1024];
            snprintf(path, sizeof path, YQ_SOURCE_DIR "/tests/reading/%s", e->d_name);
            corpus_file(path, v);
        }
    }
    if (d)
        closedir(d);
}

#endif
