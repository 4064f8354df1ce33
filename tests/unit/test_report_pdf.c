/* test_report_pdf.c — a session report written from a small C-built drill: the PDF is a real PDF with
 * its fonts embedded and breaks onto more pages when a note overflows; the JSON holds the same content. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "report/report.h"
#include "world_fixture.h"

static char *slurp(const char *path, long *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    *len = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)*len + 1);
    if (buf && fread(buf, 1, (size_t)*len, f) != (size_t)*len) {
        free(buf);
        buf = NULL;
    }
    if (buf)
        buf[*len] = '\0';
    fclose(f);
    return buf;
}

static int count(const char *hay, long len, const char *needle)
{
    int n = 0;
    size_t k = strlen(needle);
    for (long i = 0; i + (long)k <= len; i++)
        if (memcmp(hay + i, needle, k) == 0)
            n++;
    return n;
}

/* Pages of a cairo PDF: "/Type /Page" objects, not "/Type /Pages". */
static int pages(const char *pdf, long len)
{
    return count(pdf, len, "/Type /Page") - count(pdf, len, "/Type /Pages");
}

static int key_events(const sim_world *w)
{
    int n = 0;
    for (int i = 0; i < w->n_events; i++)
        n += w->events[i].type != SIM_EV_ACTION;
    return n;
}

int main(void)
{
    char err[512];
    sim_scenario s;
    fx_scenario(&s);
    s.briefing.zh = fx_dup("某日上午，东风路一段城管执法视频在网上流传，引发关注。");
    sim_world *w = sim_world_new(&s, NULL, 7, NULL, err, sizeof err);
    CHECK_MSG(w != NULL, "%s", err);
    score_plan *plan = NULL;
    CHECK_MSG(score_plan_load(YQ_SOURCE_DIR "/scenarios/plans/urban.json", &plan, err, sizeof err) == 0, "%s", err);
    if (!w || !plan)
        return CHECK_DONE();
    sim_action acts[] = {
        fx_action(300, SIM_ACT_REPORT, NULL, NULL, "东风路执法视频在微博传播，网民情绪激烈，请指挥小组关注。"),
        fx_action(900, SIM_ACT_STATEMENT, NULL, "weibo", "我局已关注到东风路执法视频，已成立调查组赶赴现场，将及时通报。"),
        fx_action(2000, SIM_ACT_VERIFY, "f_injured", NULL, NULL),
        fx_action(3300, SIM_ACT_REBUT, "r_death", "wechat", "经核实，摊主生命体征平稳，网传“被打死”不实。"),
    };
    for (int i = 0; i < (int)(sizeof acts / sizeof acts[0]); i++)
        CHECK_MSG(sim_submit(w, &acts[i], err, sizeof err) == 0, "%s", err);
    CHECK(sim_run_until(w, s.duration) == 0);
    score_card card;
    CHECK_MSG(score_grade(plan, w, NULL, &card, err, sizeof err) == 0, "%s", err);
    report_words *words = report_words_load(YQ_SOURCE_DIR "/assets/report", "zh", err, sizeof err);
    CHECK_MSG(words != NULL, "%s", err);

    store_session ses = {.id = 12, .trainee = "张三", .scenario = "fixture", .seed = 7, .plan = "urban",
                         .started = "2024-05-01T08:30:00Z", .finished = 1};
    store_override ov[1] = {{.line = card.lines[0].id, .points = card.lines[0].max, .by_name = "李教官",
                             .at = "2024-05-01T10:00:00Z", .comment = "现场已口头报告"}};
    score_card_override(&card, ov[0].line, ov[0].points, ov[0].by_name, ov[0].at, ov[0].comment);
    store_note notes[2] = {{.t = 900, .author = "李教官", .text = "首份通报及时，但缺少联系方式。", .at = "2024-05-01T10:05:00Z"},
                           {.t = 3300, .author = "张三", .text = "辟谣时应同步请权威媒体转发。", .at = "2024-05-01T10:06:00Z"}};
    report_session r = {.ses = &ses, .world = w, .card = &card, .overrides = ov, .n_overrides = 1,
                        .notes = notes, .n_notes = 2, .words = words};

    char dir[] = "/tmp/yq_report_test.XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char pdf_path[256], long_path[256], json_path[256], bad_path[256];
    snprintf(pdf_path, sizeof pdf_path, "%s/r.pdf", dir);
    snprintf(long_path, sizeof long_path, "%s/long.pdf", dir);
    snprintf(json_path, sizeof json_path, "%s/r.json", dir);
    snprintf(bad_path, sizeof bad_path, "%s/r.txt", dir);

    CHECK_MSG(report_session_write(&r, pdf_path, err, sizeof err) == 0, "%s", err);
    long len = 0;
    char *pdf = slurp(pdf_path, &len);
    CHECK(pdf && len > 10000 && memcmp(pdf, "%PDF-", 5) == 0);
    int n_pages = pdf ? pages(pdf, len) : 0;
    CHECK_MSG(n_pages >= 3, "%d pages", n_pages);
    CHECK(pdf && count(pdf, len, "/FontFile") > 0);   /* fonts embedded, not referenced */
    free(pdf);

    /* a note longer than a page flows onto further pages */
    size_t big = 40000;
    char *essay = malloc(big + 1);
    const char *phrase = "讲评：回应要快、事实要准、态度要诚。";
    size_t pl = strlen(phrase), used = 0;
    while (used + pl <= big) {
        memcpy(essay + used, phrase, pl);
        used += pl;
    }
    essay[used] = '\0';
    notes[1].text = essay;
    CHECK_MSG(report_session_write(&r, long_path, err, sizeof err) == 0, "%s", err);
    pdf = slurp(long_path, &len);
    int long_pages = pdf ? pages(pdf, len) : 0;
    CHECK_MSG(long_pages >= n_pages + 3, "%d pages with the long note, %d without", long_pages, n_pages);
    free(pdf);
    notes[1].text = "辟谣时应同步请权威媒体转发。";
    free(essay);

    CHECK_MSG(report_session_write(&r, json_path, err, sizeof err) == 0, "%s", err);
    char *text = slurp(json_path, &len);
    cJSON *root = text ? cJSON_Parse(text) : NULL;
    CHECK(root != NULL);
    const cJSON *tl = cJSON_GetObjectItem(root, "timeline");
    CHECK(cJSON_GetArraySize(tl) == w->n_log + key_events(w));
    int actions = 0, last_t = -1, ordered = 1;
    const cJSON *e;
    cJSON_ArrayForEach(e, tl) {
        int t = cJSON_GetObjectItem(e, "t")->valueint;
        ordered &= t >= last_t;
        last_t = t;
        if (strcmp(cJSON_GetObjectItem(e, "what")->valuestring, "action") == 0)
            CHECK(cJSON_GetObjectItem(e, "number")->valueint == ++actions);
    }
    CHECK(ordered);
    CHECK(actions == 4);
    const cJSON *scn = cJSON_GetObjectItem(root, "scenario");
    CHECK_STR(cJSON_GetObjectItem(cJSON_GetObjectItem(scn, "title"), "zh")->valuestring, "测试场景");
    CHECK_STR(cJSON_GetObjectItem(cJSON_GetObjectItem(root, "session"), "trainee")->valuestring, "张三");
    const cJSON *sc = cJSON_GetObjectItem(root, "scorecard");
    CHECK(cJSON_GetArraySize(cJSON_GetObjectItem(sc, "lines")) == card.n_lines);
    CHECK_NEAR(cJSON_GetObjectItem(sc, "total")->valuedouble, card.total, 0.01);
    CHECK(cJSON_IsObject(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(sc, "lines"), 0), "override")));
    const cJSON *curves = cJSON_GetObjectItem(root, "curves");
    CHECK(cJSON_GetArraySize(cJSON_GetObjectItem(curves, "t")) == w->n_samples);
    CHECK(cJSON_GetArraySize(cJSON_GetObjectItem(curves, "posts_per_hour")) == w->n_samples);
    CHECK(w->n_samples > 100);
    CHECK(cJSON_GetArraySize(cJSON_GetObjectItem(root, "overrides")) == 1);
    CHECK(cJSON_GetArraySize(cJSON_GetObjectItem(root, "notes")) == 2);
    const cJSON *imp = cJSON_GetObjectItem(cJSON_GetObjectItem(root, "lessons"), "improvements");
    report_lessons ls;
    report_lessons_pick(&card, NULL, REPORT_LESSONS_MAX, &ls);
    CHECK(cJSON_GetArraySize(imp) == ls.n_improve);
    CHECK(ls.n_improve > 0);
    cJSON_ArrayForEach(e, imp) {
        const char *title = cJSON_GetObjectItem(e, "title")->valuestring;
        CHECK(strstr(cJSON_GetObjectItem(e, "corrective_action")->valuestring, title) != NULL);
    }
    cJSON_Delete(root);
    free(text);

    CHECK(report_session_write(&r, bad_path, err, sizeof err) == -1);
    CHECK(access(bad_path, F_OK) != 0);

    unlink(pdf_path);
    unlink(long_path);
    unlink(json_path);
    rmdir(dir);
    report_words_free(words);
    score_card_free(&card);
    score_plan_free(plan);
    sim_world_free(w);
    sim_scenario_free(&s);
    report_shutdown();
    return CHECK_DONE();
}
