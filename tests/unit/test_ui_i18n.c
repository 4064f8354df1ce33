/* test_ui_i18n.c — the interface's language files: both load, hold the same keys, cover every key
 * the interface source asks for (literal and composed from the core's names), and fill placeholders. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>

#include "check.h"
#include "score/score.h"
#include "ui/i18n.h"

static ui_i18n *zh, *en;

static void need(const char *key)
{
    CHECK_MSG(ui_i18n_get(zh, key) != NULL, "zh-CN.json lacks %s", key);
    CHECK_MSG(ui_i18n_get(en, key) != NULL, "en.json lacks %s", key);
}

static void need_prefixed(const char *prefix, const char *name)
{
    char key[128];
    CHECK_MSG(name != NULL, "no name under %s", prefix);
    if (!name) return;
    snprintf(key, sizeof key, "%s.%s", prefix, name);
    need(key);
}

/* Every ui_tr("literal") in the C files of engine/ui must exist in both files. */
static void scan_sources(void)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/engine/ui", YQ_SOURCE_DIR);
    DIR *d = opendir(dir);
    CHECK(d != NULL);
    if (!d) return;
    int found = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (n < 3 || strcmp(e->d_name + n - 2, ".c") != 0) continue;
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "rb");
        if (!f) continue;
        static char text[1 << 18];
        size_t len = fread(text, 1, sizeof text - 1, f);
        fclose(f);
        text[len] = '\0';
        for (char *p = strstr(text, "ui_tr(\""); p; p = strstr(p + 1, "ui_tr(\"")) {
            char key[128];
            char *q = p + 7, *end = strchr(q, '"');
            if (!end || end - q >= (long)sizeof key) continue;
            memcpy(key, q, (size_t)(end - q));
            key[end - q] = '\0';
            need(key);
            found++;
        }
    }
    closedir(d);
    CHECK_MSG(found > 50, "only %d ui_tr calls found", found);
}

int main(void)
{
    char err[512], assets[1024];
    snprintf(assets, sizeof assets, "%s/assets", YQ_SOURCE_DIR);
    zh = ui_i18n_load(assets, "zh", err, sizeof err);
    CHECK_MSG(zh != NULL, "%s", err);
    en = ui_i18n_load(assets, "en", err, sizeof err);
    CHECK_MSG(en != NULL, "%s", err);
    CHECK(ui_i18n_load(assets, "fr", err, sizeof err) == NULL);
    CHECK(ui_i18n_load("/nonexistent", "zh", err, sizeof err) == NULL && strstr(err, "zh-CN.json"));
    if (!zh || !en) return CHECK_DONE();

    CHECK_STR(ui_i18n_lang(zh), "zh");
    CHECK_STR(ui_i18n_lang(en), "en");
    CHECK(ui_i18n_count(zh) == ui_i18n_count(en));
    for (int i = 0; i < ui_i18n_count(zh); i++)
        CHECK_MSG(ui_i18n_get(en, ui_i18n_key(zh, i)) != NULL, "en.json lacks %s", ui_i18n_key(zh, i));
    for (int i = 0; i < ui_i18n_count(en); i++)
        CHECK_MSG(ui_i18n_get(zh, ui_i18n_key(en, i)) != NULL, "zh-CN.json lacks %s", ui_i18n_key(en, i));

    scan_sources();
    for (int t = 0; t < SIM_ACT_COUNT; t++) {
        const char *name = sim_action_type_name((sim_action_type)t);
        need_prefixed("action", name);
        need_prefixed("help", name);
        need_prefixed("placeholder", name);
        if (sim_action_needs((sim_action_type)t) & SIM_NEEDS_TARGET && t != SIM_ACT_INJECT) {
            need_prefixed("target", name);
            need_prefixed("target_none", name);
        }
    }
    for (int t = 0; t < SIM_EV_COUNT; t++) need_prefixed("event", sim_event_type_name((sim_event_type)t));
    for (int m = 0; m < SIM_MEASURE_COUNT; m++) need_prefixed("measure", sim_measure_name((sim_measure)m));
    for (int l = 0; l < SIM_LOGISTICS_COUNT; l++) need_prefixed("logistics", sim_logistics_name((sim_logistics)l));
    for (int r = 0; r < SIM_ROLE_COUNT; r++) need_prefixed("role", sim_role_name((sim_role)r));
    for (int c = 0; c < SCORE_COMPETENCY_COUNT; c++)
        need_prefixed("competency", score_competency_name((score_competency)c));
    const char *kinds[] = { "number", "cause", "place", "time", "measure", "other" };
    for (int k = 0; k < 6; k++) need_prefixed("fact_kind", kinds[k]);
    for (int l = 0; l < 4; l++) {
        char n[4];
        snprintf(n, sizeof n, "%d", l);
        need_prefixed("level", n);
        need_prefixed("tier", n);
    }

    /* The active table and placeholders. */
    ui_i18n_use(zh);
    CHECK_STR(ui_tr("level.2"), "橙色预警");
    CHECK_STR(ui_tr("no.such.key"), "no.such.key");
    ui_i18n_use(en);
    CHECK_STR(ui_tr("level.2"), "Orange alert");
    char buf[64];
    CHECK_STR(ui_fmt(buf, sizeof buf, "{1} / {2} 字{3}", "3", "10", NULL), "3 / 10 字");
    CHECK_STR(ui_fmt(buf, 6, "abcdefgh", NULL, NULL, NULL), "abcde");
    CHECK_STR(ui_fmt(buf, sizeof buf, "{4}{1}", "x", NULL, NULL), "{4}x");
    ui_i18n_free(zh);
    ui_i18n_free(en);
    CHECK_STR(ui_tr("level.2"), "level.2");   /* freeing the active table leaves none active */
    return CHECK_DONE();
}
