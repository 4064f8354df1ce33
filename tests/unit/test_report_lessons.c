/* test_report_lessons.c — lesson selection from a scorecard: strengths are lines at full marks, areas
 * for improvement the largest losses in order, with the corrective action text filled from the line. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "report/report.h"

static score_line line(const char *id, const char *title, double points, double max, const char *why)
{
    score_line l;
    memset(&l, 0, sizeof l);
    l.id = (char *)id;
    l.title = (char *)title;
    l.points = points;
    l.max = max;
    l.why = (char *)why;
    return l;
}

static int valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int n = *p < 0x80 ? 0 : *p >= 0xF0 ? 3 : *p >= 0xE0 ? 2 : *p >= 0xC0 ? 1 : -1;
        if (n < 0)
            return 0;
        p++;
        for (int i = 0; i < n; i++, p++)
            if ((*p & 0xC0) != 0x80)
                return 0;
    }
    return 1;
}

static void test_pick(void)
{
    score_line lines[] = {
        line("a", "及时报告", 8, 8, ""),            /* 0: full, max 8 */
        line("b", "首次回应", 3, 12, "晚了"),        /* 1: lost 9 */
        line("c", "不适用", 0, 0, ""),              /* 2: ignored (max 0) */
        line("d", "数字准确", 10, 10, ""),          /* 3: full, max 10 */
        line("e", "三段式", 4, 6, "缺联系方式"),     /* 4: lost 2 */
        line("f", "前后一致", 0, 9, "自相矛盾"),     /* 5: lost 9, earned share 0 < 3/12 */
        line("g", "发布会", 5.996, 6, ""),          /* 6: full after rounding */
        line("h", "辟谣", 6, 8, "未引用事实"),       /* 7: lost 2, share 0.75 > 4/6 */
    };
    score_card c = {.lines = lines, .n_lines = (int)(sizeof lines / sizeof lines[0])};
    report_lessons ls;
    report_lessons_pick(&c, NULL, REPORT_LESSONS_MAX, &ls);
    CHECK(ls.n_strengths == 3);
    CHECK(ls.strengths[0] == 3);   /* the weightiest full line first */
    CHECK(ls.strengths[1] == 0);
    CHECK(ls.strengths[2] == 6);
    CHECK(ls.n_improve == 4);
    CHECK(ls.improve[0] == 5);     /* ties on loss: the smaller share earned first */
    CHECK(ls.improve[1] == 1);
    CHECK(ls.improve[2] == 4);
    CHECK(ls.improve[3] == 7);
    for (int i = 0; i < ls.n_improve; i++)
        CHECK(ls.improve[i] != 2);

    /* a cap keeps the largest losses, not the first lines */
    report_lessons_pick(&c, NULL, 2, &ls);
    CHECK(ls.n_improve == 2);
    CHECK(ls.improve[0] == 5 && ls.improve[1] == 1);
    CHECK(ls.n_strengths == 2);
    CHECK(ls.strengths[0] == 3 && ls.strengths[1] == 0);

    report_lessons_pick(&c, NULL, 0, &ls);
    CHECK(ls.n_improve == 0 && ls.n_strengths == 0);

    score_card empty = {0};
    report_lessons_pick(&empty, NULL, 4, &ls);
    CHECK(ls.n_improve == 0 && ls.n_strengths == 0);
}

static void test_corrective(void)
{
    char err[256];
    report_words *zh = report_words_load(YQ_SOURCE_DIR "/assets/report", "zh", err, sizeof err);
    report_words *en = report_words_load(YQ_SOURCE_DIR "/assets/report", "en", err, sizeof err);
    CHECK_MSG(zh && en, "%s", err);
    if (!zh || !en) {
        report_words_free(zh);
        report_words_free(en);
        return;
    }
    score_line l = line("deadline.first_response", "首次公开回应", 3, 12, "首次公开回应用时95分钟，超过时限60分钟");
    char buf[1024];
    report_corrective(zh, &l, buf, sizeof buf);
    CHECK(strstr(buf, "首次公开回应") != NULL);
    CHECK(strstr(buf, "9.0") != NULL);
    CHECK(strstr(buf, "超过时限60分钟") != NULL);
    CHECK(strstr(buf, "{") == NULL);
    report_corrective(en, &l, buf, sizeof buf);
    CHECK(strstr(buf, "Corrective action") != NULL);
    CHECK(strstr(buf, "首次公开回应") != NULL);

    /* a short buffer cuts at a character boundary */
    for (size_t n = 1; n < 60; n++) {
        char small[64];
        report_corrective(zh, &l, small, n);
        CHECK_MSG(strlen(small) < n && valid_utf8(small), "buffer of %zu bytes", n);
    }

    /* the words: a missing key shows as itself, languages differ */
    CHECK_STR(report_word(zh, "no.such.key"), "no.such.key");
    CHECK_STR(report_word(zh, "competency.rumour"), "谣言应对");
    CHECK_STR(report_word(en, "competency.rumour"), "Rumours");
    CHECK_STR(report_words_lang(en), "en");
    report_words_free(zh);
    report_words_free(en);
    CHECK(report_words_load(YQ_SOURCE_DIR "/assets/report", "fr", err, sizeof err) == NULL);
    CHECK(strstr(err, "fr") != NULL);
    CHECK(report_words_load("/nonexistent", "zh", err, sizeof err) == NULL);
}

int main(void)
{
    test_pick();
    test_corrective();
    return CHECK_DONE();
}
