/* test_report_quote.c — evidence quotes as the report shows them: "…" where a quote starts or ends
 * inside a phrase of what was written, none at phrase or text ends, the whole sentence on demand. */
#include <string.h>

#include "check.h"
#include "report/report.h"

static score_evidence span_of(const char *text, const char *part)
{
    const char *p = strstr(text, part);
    return (score_evidence){.action = 0, .span = {(int)(p - text), (int)strlen(part)}, .quote = (char *)part};
}

int main(void)
{
    char text[] = "感谢关注。今天上午9时40分许，东门菜市场外发生冲突，我们深感痛心。请拨打12319热线";
    sim_action act = {.text = text};
    sim_world w;
    memset(&w, 0, sizeof w);
    w.log = &act;
    w.n_log = 1;
    char buf[512];

    score_evidence e = span_of(text, "门菜市");
    CHECK_STR(report_quote(&w, &e, 0, buf, sizeof buf), "…门菜市…");
    e = span_of(text, "东门菜市");                             /* starts a phrase, ends inside it */
    CHECK_STR(report_quote(&w, &e, 0, buf, sizeof buf), "东门菜市…");
    e = span_of(text, "东门菜市场外发生冲突");                 /* a whole phrase: no marks */
    CHECK_STR(report_quote(&w, &e, 0, buf, sizeof buf), "东门菜市场外发生冲突");
    e = span_of(text, "感谢关注。今天");                       /* text start, cut at the end */
    CHECK_STR(report_quote(&w, &e, 0, buf, sizeof buf), "感谢关注。今天…");
    e = span_of(text, "12319热线");                            /* runs to the end of the text */
    CHECK_STR(report_quote(&w, &e, 0, buf, sizeof buf), "…12319热线");
    /* the whole sentence around a span */
    e = span_of(text, "菜市场");
    CHECK_STR(report_quote(&w, &e, 1, buf, sizeof buf), "今天上午9时40分许，东门菜市场外发生冲突，我们深感痛心。");
    e = span_of(text, "拨打");
    CHECK_STR(report_quote(&w, &e, 1, buf, sizeof buf), "请拨打12319热线");
    /* without the world (or a span outside the text) the stored quote stands */
    e = span_of(text, "东门菜市");
    CHECK_STR(report_quote(NULL, &e, 0, buf, sizeof buf), "东门菜市");
    e.span.len = 4000;
    CHECK_STR(report_quote(&w, &e, 0, buf, sizeof buf), "东门菜市");
    /* a small buffer never ends on half a character */
    e = span_of(text, "东门菜市场外发生冲突");
    CHECK_STR(report_quote(&w, &e, 0, buf, 8), "东门");
    return CHECK_DONE();
}
