/* test_score_texts.c — the scorecard's explanation texts as data: both language files hold the same
 * keys with the same slots, the loader refuses gaps and stray slots by name, the filler puts values
 * in verbatim, and grading drills that reach every rule branch uses every key and leaves no slot open. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <unistd.h>

#include "score/score.h"
#include "score/why.h"
#include "test_score_fixture.h"

#define TEXTS_DIR YQ_SOURCE_DIR "/assets/score"
#define SP SIM_ROLE_SPOKESPERSON
#define MON SIM_ROLE_MONITOR
#define CMD SIM_ROLE_COMMAND

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
        free(s);
        s = NULL;
    }
    if (s)
        s[n] = '\0';
    fclose(f);
    return s;
}

/* ---- both files: same keys, same slots ---- */

typedef struct flat {
    char key[256][128];
    const char *text[256];
    int n;
} flat;

static void flatten(const cJSON *o, const char *prefix, flat *out)
{
    for (const cJSON *v = o->child; v && out->n < 256; v = v->next) {
        char key[128];
        snprintf(key, sizeof key, "%s%s%s", prefix, prefix[0] ? "." : "", v->string);
        if (cJSON_IsObject(v)) {
            flatten(v, key, out);
        } else {
            snprintf(out->key[out->n], sizeof out->key[out->n], "%s", key);
            out->text[out->n++] = cJSON_IsString(v) ? v->valuestring : NULL;
        }
    }
}

static const char *flat_key(const flat *f, int i)
{
    return f->key[i];
}

/* The sorted, space-separated slot names of a template ("limit minutes"). */
static void slots_of(const char *t, char *out, size_t len)
{
    char names[16][32];
    int n = 0;
    for (const char *p = strchr(t, '{'); p && n < 16; p = strchr(p + 1, '{')) {
        const char *e = strchr(p, '}');
        if (!e)
            break;
        snprintf(names[n], sizeof names[n], "%.*s", (int)(e - p - 1), p + 1);
        int dup = 0;
        for (int k = 0; k < n; k++)
            dup |= strcmp(names[k], names[n]) == 0;
        n += !dup;
    }
    for (int i = 1; i < n; i++)
        for (int k = i; k > 0 && strcmp(names[k - 1], names[k]) > 0; k--) {
            char tmp[32];
            memcpy(tmp, names[k], sizeof tmp);
            memcpy(names[k], names[k - 1], sizeof tmp);
            memcpy(names[k - 1], tmp, sizeof tmp);
        }
    out[0] = '\0';
    for (int i = 0; i < n; i++)
        snprintf(out + strlen(out), len - strlen(out), "%s%s", i ? " " : "", names[i]);
}

static void test_same_keys_and_slots(void)
{
    char *zh_json = slurp(TEXTS_DIR "/zh-CN.json"), *en_json = slurp(TEXTS_DIR "/en.json");
    cJSON *zh = zh_json ? cJSON_Parse(zh_json) : NULL, *en = en_json ? cJSON_Parse(en_json) : NULL;
    CHECK(cJSON_IsObject(zh) && cJSON_IsObject(en));
    static flat fz, fe;
    if (zh && en) {
        flatten(zh, "", &fz);
        flatten(en, "", &fe);
    }
    CHECK_MSG(fz.n == SW_COUNT && fe.n == SW_COUNT, "zh %d, en %d, catalogue %d keys", fz.n, fe.n, SW_COUNT);
    for (int i = 0; i < fz.n; i++) {
        int j = 0;
        while (j < fe.n && strcmp(flat_key(&fz, i), flat_key(&fe, j)) != 0)
            j++;
        CHECK_MSG(j < fe.n, "en.json lacks %s", flat_key(&fz, i));
        if (j == fe.n)
            continue;
        CHECK_MSG(fz.text[i] && fe.text[j], "%s is not a string", flat_key(&fz, i));
        char sz[256], se[256];
        slots_of(fz.text[i] ? fz.text[i] : "", sz, sizeof sz);
        slots_of(fe.text[j] ? fe.text[j] : "", se, sizeof se);
        CHECK_MSG(strcmp(sz, se) == 0, "%s: zh slots {%s}, en slots {%s}", flat_key(&fz, i), sz, se);
        /* English is written on its own, not left in Chinese */
        for (const unsigned char *p = (const unsigned char *)(fe.text[j] ? fe.text[j] : ""); *p; p++)
            CHECK_MSG(*p < 0xE3, "en %s has Chinese text", flat_key(&fe, j));
    }
    cJSON_Delete(zh);
    cJSON_Delete(en);
    free(zh_json);
    free(en_json);
}

/* ---- the loader ---- */

static char tmp_dir[64];

static void write_file(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", tmp_dir, name);
    FILE *f = fopen(path, "wb");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static void remove_file(const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", tmp_dir, name);
    remove(path);
}

/* en.json with deadline.missed replaced (NULL: removed), or with an extra key; then load and expect `want`. */
static void expect_refused(const char *missed, const char *extra, const char *want)
{
    char *json = slurp(TEXTS_DIR "/en.json");
    cJSON *en = json ? cJSON_Parse(json) : NULL;
    cJSON *deadline = cJSON_GetObjectItemCaseSensitive(en, "deadline");
    if (missed)
        cJSON_ReplaceItemInObjectCaseSensitive(deadline, "missed", cJSON_CreateString(missed));
    else
        cJSON_DeleteItemFromObjectCaseSensitive(deadline, "missed");
    if (extra)
        cJSON_AddStringToObject(deadline, extra, "text");
    char *text = en ? cJSON_Print(en) : NULL;
    write_file("en.json", text ? text : "");
    score_texts *t = (score_texts *)1;
    char err[512] = "";
    CHECK(score_texts_load(tmp_dir, &t, err, sizeof err) == -1 && t == NULL);
    CHECK_MSG(strstr(err, "en.json: ") && strstr(err, want), "\"%s\" lacks \"%s\"", err, want);
    free(text);
    cJSON_Delete(en);
    free(json);
}

static void test_loader(void)
{
    score_texts *t = NULL;
    char err[512] = "";
    CHECK_MSG(score_texts_load(TEXTS_DIR, &t, err, sizeof err) == 0 && t, "%s", err);
    CHECK(t && score_texts_get(t, 1, SW_DL_MISSED) && strstr(score_texts_get(t, 1, SW_DL_MISSED), "{limit}"));
    score_texts_free(t);

    snprintf(tmp_dir, sizeof tmp_dir, "/tmp/yq_score_texts.XXXXXX");
    CHECK(mkdtemp(tmp_dir) != NULL);
    char *zh = slurp(TEXTS_DIR "/zh-CN.json");
    write_file("zh-CN.json", zh ? zh : "");
    free(zh);
    expect_refused(NULL, NULL, "missing key deadline.missed");
    expect_refused("“{title}” never happened ({limt} min).", NULL, "deadline.missed: unknown slot {limt}");
    expect_refused("“{title}” never happened.", NULL, "deadline.missed: the text must use the slot {limit}");
    expect_refused("“{title}” never happened {limit min.", NULL, "deadline.missed: a \"{\" that does not open");
    expect_refused(NULL, "mised", "unknown key \"deadline.mised\"");
    write_file("en.json", "{\"join\": {\"sentence\": \" \",\n \"list\": }");
    t = (score_texts *)1;
    CHECK(score_texts_load(tmp_dir, &t, err, sizeof err) == -1 && !t && strstr(err, "en.json: line 2: not valid JSON"));
    remove_file("en.json");
    CHECK(score_texts_load(tmp_dir, &t, err, sizeof err) == -1 && !t && strstr(err, "en.json: cannot open"));
    remove_file("zh-CN.json");
    rmdir(tmp_dir);
}

/* ---- the filler ---- */

static void test_filler(void)
{
    score_texts *t = NULL;
    char err[512] = "";
    if (score_texts_load(TEXTS_DIR, &t, err, sizeof err)) {
        CHECK_MSG(0, "%s", err);
        return;
    }
    int oom = 0;
    score_why *w = score_why_new(SW_JOIN_SENTENCE, SW_JOIN_SENTENCE, &oom);
    score_clause *c = score_why_add(w, SW_DL_MISSED, &oom);
    /* values that look like slots or printf formats are put in as they are */
    score_put_pair(c, "title", "「{limit}」%s%n", "{title} 100%d", &oom);
    score_put_same(c, "limit", "60", &oom);
    score_clause *h = score_why_add(w, SW_FM_FB_HITS, &oom);
    score_put_clause(h, "kinds", SW_ACT_PUBLIC_N, &oom);
    score_put_same(h, "hits", "2", &oom);
    score_put_same(h, "per", "1.5", &oom);
    score_put_same(score_put_item(h, "names", SW_FM_FB_NAME, SW_JOIN_LIST, SW_JOIN_LIST, &oom), "phrase", "甲", &oom);
    score_put_same(score_put_item(h, "names", SW_FM_FB_NAME, SW_JOIN_LIST, SW_JOIN_LIST, &oom), "phrase", "乙", &oom);
    CHECK(!oom);
    char *zh = score_why_render(t, 0, w, err, sizeof err), *en = score_why_render(t, 1, w, err, sizeof err);
    CHECK_MSG(zh && en, "%s", err);
    if (zh && en) {
        CHECK_MSG(strstr(zh, "「{limit}」%s%n") && strstr(zh, "60") && strstr(zh, "1.5"), "%s", zh);
        CHECK_MSG(strstr(en, "{title} 100%d") && strstr(en, "60") && !strstr(en, "「{limit}」"), "%s", en);
        /* list items in order, joined by the language's list separator */
        const char *a = strstr(en, "甲"), *b = strstr(en, "乙"), *sep = score_texts_get(t, 1, SW_JOIN_LIST);
        const char *between = a ? strstr(a, sep) : NULL;
        CHECK_MSG(a && b && between && between < b, "%s", en);
        CHECK_MSG(strstr(en, score_texts_get(t, 1, SW_ACT_PUBLIC_N)), "%s", en);
        /* two clauses joined by each language's sentence joiner */
        const char *second = strstr(en, "1.5");
        CHECK(second && strstr(en, score_texts_get(t, 1, SW_JOIN_SENTENCE)));
    }
    free(zh);
    free(en);
    /* a slot the grader forgot is an error naming the key and the slot */
    score_clause *bad = score_why_add(w, SW_DL_NOT_DUE, &oom);
    score_put_same(bad, "end", "5", &oom);
    score_put_same(bad, "limit", "10", &oom);
    err[0] = '\0';
    char *none = score_why_render(t, 1, w, err, sizeof err);
    CHECK_MSG(!none && strstr(err, "deadline.not_due") && strstr(err, "{title}"), "%s", err);
    free(none);
    score_why_free(w);
    score_texts_free(t);
}

/* ---- every branch, both languages ---- */

static const char *cover_plan =
    "{\"id\": \"cover\", \"title\": {\"zh\": \"覆盖预案\", \"en\": \"Coverage plan\"}, \"kind\": \"general\",\n"
    " \"warning\": {\"reads\": [100, 1000, 10000], \"posts_per_hour\": [10, 100, 1000]},\n"
    " \"deadlines\": [\n"
    "  {\"id\": \"report\", \"title\": {\"zh\": \"报告\", \"en\": \"Report\"}, \"what\": \"report\", \"minutes\": 10,"
    "   \"grace\": 20, \"points\": 10},\n"
    "  {\"id\": \"auth\", \"title\": \"权威信息\", \"what\": \"authoritative\", \"fact_kinds\": \"number\", \"minutes\": 120, \"points\": 10},\n"
    "  {\"id\": \"press\", \"title\": \"发布会\", \"what\": \"press\", \"minutes\": 300, \"points\": 5},\n"
    "  {\"id\": \"rebut\", \"title\": \"辟谣\", \"what\": \"rebuttal\", \"reach\": 0.05, \"holding\": 0.4, \"minutes\": 30, \"grace\": 30,"
    "   \"points\": 10}],\n"
    " \"steps\": {\"order\": {\"title\": \"顺序\", \"points\": 6},\n"
    "  \"items\": [\n"
    "   {\"id\": \"report\", \"by\": \"report\", \"title\": \"报告\", \"actions\": \"report\", \"role\": \"monitor\", \"points\": 2, \"role_points\": 1},\n"
    "   {\"id\": \"assess\", \"title\": \"研判\", \"actions\": \"assess\", \"role\": \"monitor\", \"points\": 2},\n"
    "   {\"id\": \"strategy\", \"title\": \"策略\", \"actions\": \"strategy\", \"role\": \"command\", \"points\": 2},\n"
    "   {\"id\": \"act\", \"title\": \"实施\", \"actions\": [\"statement\", \"rebut\", \"reply\"], \"points\": 2}]},\n"
    " \"statement\": {\n"
    "  \"elements\": [\n"
    "   {\"id\": \"every\", \"title\": \"每一种\", \"detect\": {\"phrases\": [\"每一种\"]}, \"scope\": \"all\", \"points\": 2,"
    "    \"applies_to\": [\"report\", \"assess\", \"strategy\", \"statement\", \"reply\", \"rebut\", \"press\", \"answer\","
    "                   \"leaders\", \"offline\", \"verify\", \"monitor\", \"summary\", \"logistics\", \"inject\", \"post\", \"ask\"]},\n"
    "   {\"id\": \"contact\", \"title\": \"联系方式\", \"detect\": {\"lex\": [\"contact\"]}, \"scope\": \"first\", \"points\": 2},\n"
    "   {\"id\": \"update\", \"title\": \"后续通报\", \"detect\": {\"phrases\": [\"持续通报\"]}, \"points\": 2}],\n"
    "  \"three_part\": {\"title\": \"三段式\", \"applies_to\": [\"reply\"], \"required\": false, \"points\": 6,\n"
    "   \"parts\": [{\"id\": \"thanks\", \"title\": \"致谢\", \"detect\": {\"lex\": [\"thanks\"]}},\n"
    "             {\"id\": \"facts\", \"title\": \"事实或措施\", \"detect\": {\"lex\": [\"measure\"]}},\n"
    "             {\"id\": \"contact\", \"title\": \"联系方式\", \"detect\": {\"lex\": [\"contact\"]}}]},\n"
    "  \"forbidden\": {\"title\": \"禁用语\", \"phrases\": [\"无可奉告\"], \"per_hit\": 2, \"points\": 6},\n"
    "  \"flood\": {\"title\": \"不刷屏\", \"per_hour\": 2, \"per\": 1, \"points\": 4}},\n"
    " \"accuracy\": {\n"
    "  \"promptness\": {\"minutes\": 20, \"grace\": 30},\n"
    "  \"unverified\": {\"title\": \"只发布已核实事实\", \"points\": 10, \"per\": 5},\n"
    "  \"wrong\": {\"title\": \"数字准确\", \"points\": 10, \"per\": 5},\n"
    "  \"false\": {\"title\": \"不说假话\", \"points\": 10, \"per\": 5, \"hurt\": 2},\n"
    "  \"rumour_spread\": {\"title\": \"不复述谣言\", \"points\": 6, \"per\": 3},\n"
    "  \"contradiction\": {\"title\": \"口径一致\", \"points\": 6, \"per\": 3},\n"
    "  \"rebuttal\": {\"title\": \"用事实辟谣\", \"points\": 10, \"partial\": 0.4},\n"
    "  \"correction\": {\"title\": \"主动更正\", \"points\": 10, \"minutes\": 30, \"partial\": 0.5}},\n"
    " \"answers\": {\"title\": {\"zh\": \"答记者问\", \"en\": \"Answers\"}, \"points\": 10, \"minutes\": 30, \"grace\": 30,\n"
    "  \"on_time\": 0.2, \"expects\": 0.5, \"followup\": 0.3, \"trap\": 0.5, \"stiff\": 0.25,\n"
    "  \"evasion\": {\"phrases\": [\"无可奉告\"]}, \"stiff_words\": {\"lex\": [\"officialese\"]},\n"
    "  \"pending\": {\"lex\": [\"next_update\"]}},\n"
    " \"outcome\": [\n"
    "  {\"id\": \"peak\", \"title\": \"峰值\", \"metric\": \"peak_posts_per_hour\", \"better\": \"lower\", \"full_at\": 0.5, \"points\": 5},\n"
    "  {\"id\": \"posts\", \"title\": \"发帖\", \"metric\": \"final_posts_per_hour\", \"better\": \"lower\", \"full_at\": 0.5, \"points\": 5},\n"
    "  {\"id\": \"reach\", \"title\": \"谣言\", \"metric\": \"max_rumour_reach\", \"better\": \"lower\", \"full_at\": 0.5, \"points\": 5},\n"
    "  {\"id\": \"trust\", \"title\": \"公信力\", \"metric\": \"final_trust\", \"better\": \"higher\", \"best\": 100, \"full_at\": 0.5, \"points\": 5},\n"
    "  {\"id\": \"reads\", \"title\": \"阅读\", \"metric\": \"reads_total\", \"better\": \"lower\", \"full_at\": 0.5, \"points\": 5},\n"
    "  {\"id\": \"complaints\", \"title\": \"投诉\", \"metric\": \"complaints\", \"better\": \"lower\", \"full_at\": 0.5, \"points\": 5},\n"
    "  {\"id\": \"crowd\", \"title\": \"聚集\", \"metric\": \"final_crowd\", \"better\": \"lower\", \"full_at\": 0.5, \"points\": 5},\n"
    "  {\"id\": \"mean_posts\", \"title\": \"全程发帖\", \"metric\": \"mean_posts_per_hour\", \"better\": \"lower\", \"full_at\": 0.5, \"points\": 5},\n"
    "  {\"id\": \"mean_reach\", \"title\": \"全程谣言\", \"metric\": \"mean_rumour_reach\", \"better\": \"lower\", \"full_at\": 0.5, \"points\": 5},\n"
    "  {\"id\": \"mean_trust\", \"title\": \"全程公信力\", \"metric\": \"mean_trust\", \"better\": \"higher\", \"best\": 100, \"full_at\": 0.5, \"points\": 5},\n"
    "  {\"id\": \"mean_crowd\", \"title\": \"全程聚集\", \"metric\": \"mean_crowd\", \"better\": \"lower\", \"full_at\": 0.5, \"points\": 5}]}\n";

static int used[SW_COUNT];

static void mark(const score_why *w)
{
    if (!w)
        return;
    if (w->n >= 2)
        used[w->last] = 1;
    if (w->n >= 3)
        used[w->sep] = 1;
    for (int i = 0; i < w->n; i++) {
        used[w->items[i]->key] = 1;
        for (int k = 0; k < w->items[i]->n_slots; k++)
            mark(w->items[i]->slots[k].list);
    }
}

static void cover_init(sf_fixture *fx)
{
    sf_init(fx);
    score_plan_free(fx->plan);
    fx->plan = NULL;
    char err[512] = "";
    CHECK_MSG(score_plan_parse(cover_plan, "cover.json", &fx->plan, err, sizeof err) == 0, "%s", err);
}

/* Grade, explain, and check every line in both languages; then note the keys the drill used. */
static void cover_grade(sf_fixture *fx, const sim_world *base, const char *what)
{
    if (!fx->plan)
        return;
    CHECK_MSG(sf_grade(fx, base) == 0, "%s", what);
    for (int i = 0; i < fx->card.n_lines; i++) {
        const score_line *l = &fx->card.lines[i];
        CHECK_MSG(l->expl && l->why[0] && l->why_en[0], "%s: %s unexplained", what, l->id);
        CHECK_MSG(!strpbrk(l->why, "{}") && !strpbrk(l->why_en, "{}"), "%s: %s: %s / %s", what, l->id, l->why,
                  l->why_en);
        CHECK_MSG(strcmp(l->why, l->why_en) != 0, "%s: %s is the same in both languages", what, l->id);
        CHECK_STR(score_line_why_in(l, "en"), l->why_en);
        CHECK_STR(score_line_why_in(l, "zh"), l->why);
        mark(l->expl);
    }
}

static void drill_empty(void)
{
    sf_fixture fx;
    cover_init(&fx);
    cover_grade(&fx, NULL, "empty drill");
    const score_line *l = sf_line(&fx, "deadline.report");
    CHECK(l && strcmp(l->title, "报告") == 0 && strcmp(l->title_en, "Report") == 0);
    CHECK(l && strcmp(score_line_title_in(l, "en"), "Report") == 0 && strcmp(score_line_title_in(l, "zh"), "报告") == 0);
    l = sf_line(&fx, "deadline.auth");   /* no English title in the plan: the zh one stands in */
    CHECK(l && strcmp(l->title_en, "权威信息") == 0);
    sf_free(&fx);
}

static void drill_busy(void)
{
    sf_fixture fx, base;
    cover_init(&fx);
    sf_init(&base);
    sf_rumour(&fx, 10, 20, 0.01f, 0.06f);
    sf_act(&fx, 20, SIM_ACT_REPORT, MON, NULL, "微博出现视频");
    sf_act(&fx, 12, SIM_ACT_ASSESS, MON, NULL, "研判：按橙色预警处置");
    sf_act(&fx, 15, SIM_ACT_STRATEGY, SP, NULL, "一小时内通报");
    sf_act(&fx, 30, SIM_ACT_STATEMENT, SP, NULL, "今天上午在人民路，3人受伤。对此无可奉告。每一种");
    sf_act(&fx, 65, SIM_ACT_REBUT, SP, "r_death", "网传消息纯属谣言，请勿轻信。");
    sf_act(&fx, 90, SIM_ACT_STATEMENT, SP, NULL, "目前5人受伤，将持续通报。");
    sf_act(&fx, 95, SIM_ACT_REPLY, SP, "1", "感谢您的关注！我们已成立调查组。");
    sf_act(&fx, 150, SIM_ACT_ANSWER, SP, "q1", "目前确认3人受伤。");
    sf_act(&fx, 200, SIM_ACT_PRESS, SP, NULL, NULL);
    base.w.m.peak_posts_per_hour = 1000;
    fx.w.m.peak_posts_per_hour = 800;
    base.w.m.posts_per_hour = 100;
    fx.w.m.posts_per_hour = 150;
    base.w.m.trust = 50;
    fx.w.m.trust = 60;
    base.w.m.reads_total = fx.w.m.reads_total = 500;
    base.w.m.complaints = 10;
    fx.w.m.complaints = 4;
    base.w.m.crowd = 20;
    fx.w.m.crowd = 30;
    cover_grade(&fx, &base.w, "busy drill");
    /* each outcome line names its own metric */
    static const struct { const char *line; score_key name; } metrics[] = {
        {"outcome.peak", SW_MT_PEAK_POSTS}, {"outcome.posts", SW_MT_FINAL_POSTS}, {"outcome.reach", SW_MT_REACH},
        {"outcome.trust", SW_MT_TRUST}, {"outcome.reads", SW_MT_READS}, {"outcome.complaints", SW_MT_COMPLAINTS},
        {"outcome.crowd", SW_MT_CROWD}, {"outcome.mean_posts", SW_MT_MEAN_POSTS}, {"outcome.mean_reach", SW_MT_MEAN_REACH},
        {"outcome.mean_trust", SW_MT_MEAN_TRUST}, {"outcome.mean_crowd", SW_MT_MEAN_CROWD},
    };
    for (size_t i = 0; i < sizeof metrics / sizeof *metrics; i++) {
        const score_line *l = sf_line(&fx, metrics[i].line);
        const char *name = score_texts_get(fx.texts, 1, metrics[i].name);
        CHECK_MSG(l && name && strstr(l->why_en, name), "%s does not name %s", metrics[i].line, name);
    }
    sf_free(&fx);
    sf_free(&base);
}

static void drill_clean(void)
{
    sf_fixture fx;
    cover_init(&fx);
    sf_rumour(&fx, 10, 300, 0.01f, 0.06f);
    sf_act(&fx, 5, SIM_ACT_REPORT, MON, NULL, "发现视频");
    sf_act(&fx, 10, SIM_ACT_ASSESS, MON, NULL, "研判：按橙色预警处置");
    sf_act(&fx, 15, SIM_ACT_STRATEGY, CMD, NULL, "策略：先发通报再开发布会");
    sf_act(&fx, 16, SIM_ACT_REBUT, SP, "r_death", "网传不实，经医院确认无人死亡。");
    sf_act(&fx, 90, SIM_ACT_STATEMENT, SP, NULL, "今天上午在人民路，3人受伤，已送医，将持续通报，热线12345。");
    sf_act(&fx, 95, SIM_ACT_REPLY, SP, "1", "感谢关注！我们正在调查，热线12345。");
    sf_act(&fx, 96, SIM_ACT_REPLY, SP, "2", "感谢关注！调查组已成立，热线12345。");
    cover_grade(&fx, NULL, "clean drill");
    sf_free(&fx);
}

static void drill_sparse(void)
{
    sf_fixture fx;
    cover_init(&fx);
    sf_act(&fx, 40, SIM_ACT_REPORT, (sim_role)SIM_ROLE_COUNT, NULL, "报告：网上出现冲突视频");   /* a role the plan cannot name */
    sf_act(&fx, 50, SIM_ACT_STATEMENT, SP, NULL, "起因是占道经营。");
    sf_act(&fx, 60, SIM_ACT_REPLY, SP, "1", "感谢关注！我们正在调查，热线12345。");
    sf_rumour(&fx, 10, 20, 0.01f, 0.06f);
    sf_act(&fx, 70, SIM_ACT_REBUT, SP, "r_death", "经医院确认无人死亡。");
    sf_act(&fx, 80, SIM_ACT_REBUT, SP, "r_death", "再次说明：无人死亡。");
    cover_grade(&fx, NULL, "sparse drill");
    sf_free(&fx);

    cover_init(&fx);
    sf_act(&fx, 50, SIM_ACT_STATEMENT, SP, NULL, "情况通报一");
    sf_act(&fx, 60, SIM_ACT_STATEMENT, SP, NULL, "情况通报二");
    sf_rumour(&fx, 10, 20, 0.01f, 0.06f);
    cover_grade(&fx, NULL, "two bare statements, rumour unanswered");
    sf_free(&fx);

    cover_init(&fx);
    sf_rumour(&fx, 10, 20, 0.01f, 0.06f);
    fx.w.now = MIN(40);   /* ends before the rumour's limit runs out */
    cover_grade(&fx, NULL, "short drill");
    sf_free(&fx);

    cover_init(&fx);
    sf_rumour(&fx, 10, 300, 0.01f, 0.01f);
    cover_grade(&fx, NULL, "rumour that never spreads");
    sf_free(&fx);
}

/* Two rumours, both past the threshold and never rebutted: the deadline averages them. */
static void drill_two_rumours(void)
{
    static sim_rumour_state states[2];
    static float hist[241 * 2];
    sf_fixture fx;
    cover_init(&fx);
    sim_scenario *s = &fx.scn;
    sim_rumour *more = realloc(s->rumours, 2 * sizeof *more);
    CHECK(more != NULL);
    if (!more)
        return;
    s->rumours = more;
    memset(&s->rumours[1], 0, sizeof s->rumours[1]);
    s->rumours[1].id = sf_dup("r_water");
    s->rumours[1].claim.zh = sf_dup("自来水有毒");
    s->rumours[1].claim.en = sf_dup("The tap water is poisoned");
    s->rumours[1].platform = sf_dup("weibo");
    s->rumours[1].start = SIM_NEVER;
    s->n_rumours = 2;
    memset(states, 0, sizeof states);
    for (int r = 0; r < 2; r++) {
        states[r] = (sim_rumour_state){.started = 1, .active = 1, .started_at = MIN(10), .rebutted_at = SIM_NEVER,
                                       .reach = 0.06f};
        sf_event(&fx, 10, SIM_EV_RUMOUR_START, r);
    }
    fx.w.rumours = states;
    fx.w.n_samples = 241;
    for (int m = 0; m <= 240; m++) {
        fx.samples[m] = (sim_sample){.t = MIN(m), .rumour_reach = m < 20 ? 0.01f : 0.06f};
        hist[2 * m] = hist[2 * m + 1] = fx.samples[m].rumour_reach;
    }
    fx.w.reach_hist = hist;
    cover_grade(&fx, NULL, "two rumours");
    const score_line *l = sf_line(&fx, "deadline.rebut");
    CHECK(l && strstr(l->why_en, "The tap water is poisoned") && strstr(l->why, "自来水有毒"));
    sf_free(&fx);
}

/* The rebuttal clock: a holding statement before the rebutting fact is verified (minute 30) and no
 * rebuttal; then the same rumour whose rebutting fact is never verified (its clock never starts). */
static void drill_rebuttal_clock(void)
{
    for (int never = 0; never < 2; never++) {
        sf_fixture fx;
        cover_init(&fx);
        if (never)
            fx.scn.facts[F_ALIVE].verified_at = SIM_NEVER;
        sf_rumour(&fx, 10, 20, 0.01f, 0.06f);
        sf_act(&fx, 25, SIM_ACT_STATEMENT, SP, NULL, "网传有人死亡，相关情况正在核实，请勿传播。");
        cover_grade(&fx, NULL, never ? "rebutting fact never verified" : "holding statement");
        const score_line *l = sf_line(&fx, "deadline.rebut");
        CHECK(l && l->max == (never ? 0 : 10));
        sf_free(&fx);
    }
}

/* Self-correction: a wrong figure at minute 20 (truth verified at 60) left standing, corrected
 * explicitly in time, corrected silently and late; and a drill with nothing to correct. */
static void drill_corrections(void)
{
    static const char *const fixes[] = {NULL, "更正：此前通报5人受伤有误，经医院核实为3人受伤。", "经医院核实，3人受伤。"};
    static const double at[] = {0, 70, 120};
    for (int k = 0; k < 3; k++) {
        sf_fixture fx;
        cover_init(&fx);
        sf_act(&fx, 20, SIM_ACT_STATEMENT, SP, NULL, "初步了解，5人受伤。");
        if (fixes[k])
            sf_act(&fx, at[k], SIM_ACT_STATEMENT, SP, NULL, fixes[k]);
        cover_grade(&fx, NULL, "corrections");
        const score_line *l = sf_line(&fx, "accuracy.correction");
        CHECK(l && l->max == 10);
        sf_free(&fx);
    }
    sf_fixture fx;
    cover_init(&fx);
    sf_act(&fx, 70, SIM_ACT_STATEMENT, SP, NULL, "经医院核实，3人受伤。");
    cover_grade(&fx, NULL, "nothing to correct");
    const score_line *l = sf_line(&fx, "accuracy.correction");
    CHECK(l && l->max == 0);
    sf_free(&fx);
}

/* A false claim that wrongs the vendor, asserted at minute 20 and corrected at 40 without an apology. */
static void drill_wronged(void)
{
    sf_fixture fx;
    cover_init(&fx);
    sim_claim_def *claim = sf_claim(&fx, "c_attack", "摊贩先动手袭击执法队员", "The vendor attacked first");
    CHECK(claim != NULL);
    if (claim) {
        claim->hurts.zh = sf_dup("被打的摊贩");
        claim->hurts.en = sf_dup("the beaten vendor");
    }
    sf_act(&fx, 20, SIM_ACT_STATEMENT, SP, NULL, "摊贩先动手袭击执法队员。");
    sf_act(&fx, 40, SIM_ACT_STATEMENT, SP, NULL, "更正：此前通报有误，摊贩并未先动手袭击执法队员。");
    cover_grade(&fx, NULL, "wronged drill");
    const score_line *l = sf_line(&fx, "accuracy.correction");
    CHECK_MSG(l && strstr(l->why_en, "wronged the beaten vendor"), "%s", l ? l->why_en : "no line");
    sf_free(&fx);
}

/* The catalogue names action kinds and roles by the core's own names, in the core's order. */
static void test_vocabulary(void)
{
    for (int t = 0; t < SIM_ACT_COUNT; t++) {
        char one[64], many[64];
        snprintf(one, sizeof one, "action.%s.one", sim_action_type_name((sim_action_type)t));
        snprintf(many, sizeof many, "action.%s.many", sim_action_type_name((sim_action_type)t));
        const char *k1 = score_key_name((score_key)(SW_ACT_REPORT_1 + 2 * t));
        const char *kn = score_key_name((score_key)(SW_ACT_REPORT_1 + 2 * t + 1));
        CHECK_MSG(strcmp(k1, one) == 0 && strcmp(kn, many) == 0, "%s / %s for %s", k1, kn, one);
    }
    for (int r = 0; r < SIM_ROLE_COUNT; r++) {
        char key[64];
        snprintf(key, sizeof key, "role.%s", sim_role_name((sim_role)r));
        const char *got = score_key_name((score_key)(SW_ROLE_SPOKESPERSON + r));
        CHECK_MSG(strcmp(got, key) == 0, "%s for %s", got, key);
    }
}

/* Statements read as claims: a denied truth, a confirmed rumour, a false claim asserted, a rumour
 * repeated in statements and in a "rebuttal", an outdated figure, and one rebuttal with its fact. */
static void drill_claims(void)
{
    sf_fixture fx;
    cover_init(&fx);
    sim_scenario *s = &fx.scn;
    sim_fact *more = realloc(s->facts, (size_t)(s->n_facts + 1) * sizeof *more);
    sim_claim_def *claim = calloc(1, sizeof *claim);
    CHECK(more != NULL && claim != NULL);
    if (!more || !claim) {
        free(claim);
        return;
    }
    s->facts = more;
    memset(&s->facts[s->n_facts], 0, sizeof *s->facts);
    sf_fact(&s->facts[s->n_facts], "f_injured2", "5人受伤", "number", MIN(100), "受伤");
    s->facts[s->n_facts].has_value = 1;
    s->facts[s->n_facts].value = 5;
    s->facts[s->n_facts].unit = sf_dup("人");
    s->facts[F_INJURED].superseded_by = sf_dup("f_injured2");
    s->n_facts++;
    claim->id = sf_dup("c_drunk");
    claim->text.zh = sf_dup("摊贩醉酒闹事");
    claim->text.en = sf_dup("The vendor was drunk");
    claim->verified_at = SIM_NEVER;
    claim->kind = sf_dup("cause");
    s->facts[F_CAUSE].verified_at = MIN(125);
    s->claims = claim;
    s->n_claims = 1;
    sf_rumour(&fx, 10, 20, 0.01f, 0.06f);
    sf_act(&fx, 35, SIM_ACT_STATEMENT, SP, NULL, "经医院确认无人死亡，网传有人被打死的消息不实。");
    sf_act(&fx, 40, SIM_ACT_STATEMENT, SP, NULL, "网传有人被打死，经核实属实。摊贩醉酒闹事。");
    sf_act(&fx, 45, SIM_ACT_STATEMENT, SP, NULL, "并非无人死亡，请大家注意。");
    sf_act(&fx, 50, SIM_ACT_REBUT, SP, "r_death", "网传有人被打死，大家都在说。");
    sf_act(&fx, 120, SIM_ACT_STATEMENT, SP, NULL, "目前3人受伤，调查组已成立。");
    sf_act(&fx, 130, SIM_ACT_STATEMENT, SP, NULL, "经调查，起因是占道经营纠纷。");
    cover_grade(&fx, NULL, "claims drill");
    const score_line *l = sf_line(&fx, "accuracy.false");
    CHECK(l && strstr(l->why, "无人死亡") && strstr(l->why_en, "The vendor was drunk"));
    l = sf_line(&fx, "accuracy.wrong");
    CHECK(l && strstr(l->why, "5人") && strstr(l->why_en, "minute 100"));
    /* the cause changed from the drunk vendor (a declared cause) to the dispute */
    l = sf_line(&fx, "accuracy.contradiction");
    CHECK_MSG(l && strstr(l->why, "起因先在40分钟说是「摊贩醉酒闹事」，后在130分钟说是「起因是占道经营纠纷」") &&
              strstr(l->why_en, "“The vendor was drunk” at minute 40"), "%s", l ? l->why : "(no line)");
    sf_free(&fx);
}

/* The scenario's own report limit, the press conference scaled to the drill, a statement copied word
 * for word, and a missed place that names what it looked for. */
static void drill_limits(void)
{
    sf_fixture fx;
    cover_init(&fx);
    sim_deadline_override *o = calloc(1, sizeof *o);
    CHECK(o != NULL);
    if (!o)
        return;
    *o = (sim_deadline_override){sf_dup("report"), MIN(5), 1};
    fx.scn.deadlines = o;
    fx.scn.n_deadlines = 1;
    free(fx.scn.place.zh);
    fx.scn.place.zh = sf_dup("南城区东门菜市场");
    fx.scn.place.en = sf_dup("Dongmen Market");
    sf_act(&fx, 8, SIM_ACT_REPORT, MON, NULL, "发现冲突视频，转发量上升");
    sf_act(&fx, 30, SIM_ACT_STATEMENT, SP, NULL, "调查组已成立，正在处置，热线12345。");
    sf_act(&fx, 35, SIM_ACT_STATEMENT, SP, NULL, "调查组已成立，正在处置，热线12345。");
    cover_grade(&fx, NULL, "limits drill");
    const score_line *l = sf_line(&fx, "deadline.report");
    CHECK(l && strstr(l->why_en, "sets its own limit of 5 min (the plan says 10)"));
    l = sf_line(&fx, "deadline.press");
    CHECK(l && strstr(l->why_en, "do not fit in the 240-min drill, so the limit is scaled to 240 min"));
    l = sf_line(&fx, "form.flood");
    CHECK(l && strstr(l->why_en, "1 public texts repeated an earlier one"));
    sf_free(&fx);
}

/* Assessments that understate the warning level the world has reached: blue under yellow, orange
 * under red (the step earns nothing and says which level monitoring showed). */
static void drill_levels(void)
{
    static const int said[2] = {0, 2}, shown[2] = {1, 3};
    static const char *zh[2] = {"定为蓝色预警，而当时监测已显示黄色预警", "定为橙色预警，而当时监测已显示红色预警"};
    static const char *en[2] = {"at blue while monitoring already showed yellow", "at orange while monitoring already showed red"};
    for (int k = 0; k < 2; k++) {
        sf_fixture fx;
        cover_init(&fx);
        sf_event(&fx, 10, SIM_EV_LEVEL, -1);
        fx.events[fx.w.n_events - 1].value = shown[k];
        sf_act(&fx, 5, SIM_ACT_REPORT, MON, NULL, "发现冲突视频，转发量上升");
        sf_swap_plan_of(&fx, cover_plan, "\"deadlines\": [\n",
                        "\"deadlines\": [\n {\"id\": \"assess\", \"title\": {\"zh\": \"研判\", \"en\": \"Assess\"}, "
                        "\"what\": \"assess\", \"minutes\": 30, \"points\": 6},\n",
                        NULL, NULL);
        int a = sf_act(&fx, 20, SIM_ACT_ASSESS, MON, NULL, "研判：个别纠纷，影响有限");
        fx.log[a].level = said[k];
        cover_grade(&fx, NULL, "levels drill");
        static const char *const lines[2] = {"process.step.assess", "deadline.assess"};
        for (int m = 0; m < 2; m++) {   /* an understated assessment stands for no step and meets no deadline */
            const score_line *l = sf_line(&fx, lines[m]);
            CHECK_MSG(l && l->points == 0, "%s", lines[m]);
            CHECK_MSG(l && strstr(l->why, zh[k]), "%s", l ? l->why : "no line");
            CHECK_MSG(l && strstr(l->why_en, en[k]), "%s", l ? l->why_en : "no line");
        }
        sf_free(&fx);
    }
}

/* Press questions answered in every way there is: in time and late, stating the expected facts, some
 * or none, hedged, evaded, false, repeating a rumour, empty, with a trap, a wrong figure, officialese,
 * follow-ups answered and not, a question never asked and one not yet due. */
static void drill_answers(void)
{
    sf_fixture fx;
    cover_init(&fx);
    CHECK(sf_claim(&fx, "c_drunk", "摊贩醉酒闹事", "The vendor was drunk") != NULL);
    static const struct { const char *id, *e1, *e2, *t1, *t2; double at; } qs[] = {
        {"q_trap", "f_alive", "f_injured", "f_injured", "f_cause", 20}, {"q_never", "f_alive", NULL, NULL, NULL, -1},
        {"q_due", "f_alive", NULL, NULL, NULL, 300}, {"q_silent", "f_alive", NULL, NULL, NULL, 20},
        {"q_bad", "f_alive", NULL, NULL, NULL, 20}, {"q_hedge", "f_cause", NULL, NULL, NULL, 20},
        {"q_stiff", "f_cause", NULL, NULL, NULL, 20}, {"q_wrong", "f_alive", "f_injured", NULL, NULL, 20},
        {"q_cause", "f_alive", NULL, "f_cause", NULL, 20}, {"q_false", "f_alive", NULL, NULL, NULL, 20},
    };
    for (int q = 0; q < (int)(sizeof qs / sizeof *qs); q++) {
        sf_question(&fx, qs[q].id, "请问情况如何？", "请正面回答。", qs[q].e1, qs[q].e2, qs[q].t1, qs[q].t2, qs[q].at);
        if (qs[q].at == 20)
            sf_event(&fx, 20, SIM_EV_QUESTION, q);
    }
    sf_act(&fx, 40, SIM_ACT_ANSWER, SP, "q_trap", "目前3人受伤，无人死亡。");
    sf_act(&fx, 30, SIM_ACT_ANSWER, SP, "q_bad", "此事无可奉告。");
    sf_event(&fx, 30, SIM_EV_FOLLOWUP, 4);
    sf_act(&fx, 35, SIM_ACT_ANSWER, SP, "q_bad", "并非无人死亡。");
    sf_act(&fx, 36, SIM_ACT_ANSWER, SP, "q_bad", "网传有人被打死，大家都在说。");
    sf_act(&fx, 37, SIM_ACT_ANSWER, SP, "q_bad", "嗯。");
    sf_act(&fx, 100, SIM_ACT_ANSWER, SP, "q_hedge", "起因正在核实，后续持续通报。");
    sf_act(&fx, 25, SIM_ACT_ANSWER, SP, "q_stiff", "根据有关文件精神，我们会处理好。");
    sf_act(&fx, 70, SIM_ACT_ANSWER, SP, "q_wrong", "经核实，目前无人死亡，有5人受伤，伤者已送医。");
    sf_event(&fx, 70, SIM_EV_FOLLOWUP, 7);
    sf_act(&fx, 75, SIM_ACT_ANSWER, SP, "q_wrong", "经核实无人死亡，伤者已送医。");
    sf_act(&fx, 40, SIM_ACT_ANSWER, SP, "q_cause", "起因是占道经营纠纷。");
    sf_event(&fx, 40, SIM_EV_FOLLOWUP, 8);
    sf_act(&fx, 45, SIM_ACT_ANSWER, SP, "q_false", "摊贩醉酒闹事。");
    /* Live questions: one answered with a fact in time, one from an outlet dodged, one answered before it
     * was put (that answers nothing). */
    sf_act(&fx, 50, SIM_ACT_ASK, SP, "李记者", "摊贩现在怎么样？");
    fx.log[sf_act(&fx, 51, SIM_ACT_ASK, SP, "王记者", "打人的城管处理了吗？")].channel = (char *)"都市报";
    sf_act(&fx, 52, SIM_ACT_ANSWER, SP, "live-1", "经核实，目前无人死亡，伤者已送医。");
    sf_act(&fx, 53, SIM_ACT_ANSWER, SP, "live-2", "关于城管的处理，目前无可奉告，请大家以官方通报为准。");
    sf_act(&fx, 54, SIM_ACT_ANSWER, SP, "live-3", "经核实无人死亡。");
    sf_act(&fx, 55, SIM_ACT_ASK, SP, "赵记者", "还有呢？");
    sf_act(&fx, 56, SIM_ACT_ASK, SP, SIM_ASKER_INSTRUCTOR, "涉事城管是否已停职？");
    cover_grade(&fx, NULL, "answers drill");
    const score_line *asked = sf_line(&fx, "media.answer.live-4");
    CHECK_MSG(asked && strstr(asked->why, "这是导调员在") && !strstr(asked->why, SIM_ASKER_INSTRUCTOR) &&
                  strstr(asked->why_en, "A live question from the instructor at"),
              "%s / %s", asked ? asked->why : "no live-4 line", asked ? asked->why_en : "");

    const score_line *live = sf_line(&fx, "media.answer.live-1");
    CHECK_MSG(live && live->points > 0 && strstr(live->why, "李记者") && strstr(live->title, "摊贩现在怎么样"), "%s",
              live ? live->why : "no live-1 line");
    const score_line *dodged = sf_line(&fx, "media.answer.live-2");
    CHECK_MSG(dodged && dodged->points == 0 && strstr(dodged->why, "王记者（都市报）") &&
                  strstr(dodged->why, "「无可奉告」") && strstr(dodged->why_en, "from 王记者 (都市报)"),
              "%s", dodged ? dodged->why : "no live-2 line");
    const score_line *early = sf_line(&fx, "media.answer.live-3");
    CHECK_MSG(early && early->points == 0 && strstr(early->why_en, "never answered"), "%s",
              early ? early->why_en : "no live-3 line");
    const score_line *l = sf_line(&fx, "media.answer.q_bad");
    CHECK(l && l->points == 0 && strstr(l->why, "「无可奉告」") && strstr(l->why_en, "denied the verified fact “无人死亡”"));
    l = sf_line(&fx, "media.answer.q_false");
    CHECK(l && l->points == 0 && strstr(l->why_en, "asserted the false claim “The vendor was drunk”"));
    sf_free(&fx);
}

/* Logistics: a press conference whose required item (each of the four in turn) was not arranged, a
 * strategy step the plan gives to the logistics role taken by another, a report that says only part of
 * what the plan's step content asks. */
static void drill_logistics(void)
{
    static const char *const items[] = {"venue", "hotline", "transport", "materials"};
    for (int i = 0; i < 4; i++) {
        char press[160], report[1024];
        snprintf(press, sizeof press, "\"what\": \"press\", \"requires\": \"%s\", \"unarranged\": 0.5,", items[i]);
        snprintf(report, sizeof report,
                 "\"actions\": \"report\", \"role\": \"logistics\", \"content\": ["
                 "{\"id\": \"what\", \"title\": {\"zh\": \"看到了什么\", \"en\": \"what was seen\"}, \"detect\": {\"phrases\": [\"视频\"]}},"
                 "{\"id\": \"size\", \"title\": {\"zh\": \"规模\", \"en\": \"how big\"}, \"detect\": {\"phrases\": [\"转发\"]}}],");
        sf_fixture fx;
        cover_init(&fx);
        sf_swap_plan_of(&fx, cover_plan, "\"what\": \"press\",", press, "\"actions\": \"report\", \"role\": \"monitor\",",
                        report);
        sf_question(&fx, "q1", "有多少人受伤？", "到底多少人？", "f_injured", NULL, NULL, NULL, -1);
        sf_act(&fx, 5, SIM_ACT_REPORT, MON, NULL, "发现冲突视频，请关注");
        sf_act(&fx, 20, SIM_ACT_LOGISTICS, SIM_ROLE_LOGISTICS, items[(i + 1) % 4], "安排到位");
        sf_act(&fx, 50, SIM_ACT_PRESS, SP, NULL, NULL);
        sf_act(&fx, 52, SIM_ACT_ANSWER, SP, "q1", "经核实，3人受伤，已送医院救治。");
        cover_grade(&fx, NULL, "logistics drill");
        const score_line *l = sf_line(&fx, "deadline.press");
        CHECK_MSG(l && strstr(l->why, "但此前没有安排，只计50%") && strstr(l->why_en, "only 50% counts"), "%s",
                  l ? l->why : "no line");
        sf_free(&fx);
    }
}

/* Done past the grace under a plan with late_keeps: the report keeps a share that falls the later it
 * comes (0.2 × 60 ÷ (60 + minutes past the grace)), never 0, and the line says so. */
static void drill_late(void)
{
    static const double at[2] = {60, 120}, want[2] = {10 * 0.2 * 60 / 90, 10 * 0.2 * 60 / 150};
    for (int k = 0; k < 2; k++) {
        sf_fixture fx;
        cover_init(&fx);
        sf_swap_plan_of(&fx, cover_plan, "\"warning\":", "\"late_keeps\": 0.2, \"warning\":", NULL, NULL);
        sf_act(&fx, at[k], SIM_ACT_REPORT, MON, NULL, "发现冲突视频，转发量上升");
        cover_grade(&fx, NULL, "late drill");
        const score_line *l = sf_line(&fx, "deadline.report");
        CHECK_MSG(l && fabs(l->points - want[k]) < 0.006 && strstr(l->why, "迟做仍胜于不做") &&
                      strstr(l->why_en, "done late still beats not done"),
                  "report at %.0f min: %.2f, want %.2f: %s", at[k], l ? l->points : -1, want[k], l ? l->why : "no line");
        sf_free(&fx);
    }
}

/* A statement that does what an element asks but also asserts a declared false claim: the element
 * keeps the share of the text's statements that are true (here the true count, not the false cause),
 * and says so. */
static void drill_mixed(void)
{
    sf_fixture fx;
    cover_init(&fx);
    CHECK(sf_claim(&fx, "c_drunk", "摊贩醉酒闹事", "The vendor was drunk") != NULL);
    sf_act(&fx, 90, SIM_ACT_STATEMENT, SP, NULL, "今天上午在人民路，3人受伤，已送医。起因是摊贩醉酒闹事。将持续通报，热线12345。");
    cover_grade(&fx, NULL, "mixed drill");
    const score_line *l = sf_line(&fx, "form.contact");
    CHECK_MSG(l && l->points > 0 && l->points < l->max && strstr(l->why, "只有") && strstr(l->why_en, "are true"),
              "%s", l ? l->why : "no line");
    sf_free(&fx);
}

static void test_every_key(void)
{
    drill_mixed();
    drill_late();
    drill_logistics();
    drill_levels();
    drill_answers();
    drill_limits();
    drill_empty();
    drill_busy();
    drill_clean();
    drill_sparse();
    drill_two_rumours();
    drill_rebuttal_clock();
    drill_corrections();
    drill_wronged();
    drill_claims();
    for (int k = 0; k < SW_COUNT; k++)
        CHECK_MSG(used[k], "no drill used %s", score_key_name((score_key)k));
}

int main(void)
{
    test_same_keys_and_slots();
    test_loader();
    test_filler();
    test_vocabulary();
    test_every_key();
    return CHECK_DONE();
}
