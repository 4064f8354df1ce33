/* test_class_question.c — a live press-conference question on the wire: written and read back the same, and
 * refused when its asker, number, flag or text break the schema, or it comes on another station's topic. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "class/cls.h"

#define UUID "11111111-2222-4333-8444-555555555555"
#define TOPIC "yq/demo/st/" UUID "/question"

static char err[512];

static cls_refusal read_q(const char *topic, const char *text, cls_msg *m)
{
    return cls_msg_read("demo", topic, text, (int)strlen(text), m, err, sizeof err);
}

static void test_round_trip(void)
{
    cls_msg m;
    char *text = cls_msg_question(UUID, "all", "李记者", "都市报", 2, 1, "网传水源污染是否属实？");
    CHECK(text != NULL);
    CHECK_MSG(read_q(TOPIC, text, &m) == CLS_OK, "%s", err);
    CHECK(m.kind == CLS_QUESTION && m.seq == 2 && m.follow_up == 1 && m.text);
    CHECK_STR(m.reporter, "李记者");
    CHECK_STR(m.outlet, "都市报");
    CHECK_STR(m.text, "网传水源污染是否属实？");
    CHECK_STR(m.ses.uuid, UUID);
    CHECK_STR(m.to, "all");
    cls_msg_free(&m);
    CHECK(m.text == NULL);
    free(text);
}

static void test_refusals(void)
{
    static const char *const bad[] = {
        "{\"kind\":\"question\",\"uuid\":\"" UUID "\",\"to\":\"all\",\"reporter\":\"\",\"outlet\":\"\",\"seq\":0,\"follow_up\":false,\"text\":\"q\"}",
        "{\"kind\":\"question\",\"uuid\":\"" UUID "\",\"to\":\"all\",\"reporter\":\"a\",\"outlet\":\"\",\"seq\":-1,\"follow_up\":false,\"text\":\"q\"}",
        "{\"kind\":\"question\",\"uuid\":\"" UUID "\",\"to\":\"all\",\"reporter\":\"a\",\"outlet\":\"\",\"seq\":0,\"follow_up\":1,\"text\":\"q\"}",
        "{\"kind\":\"question\",\"uuid\":\"" UUID "\",\"to\":\"all\",\"reporter\":\"a\",\"outlet\":\"\",\"seq\":0,\"follow_up\":false,\"text\":\"\"}",
        "{\"kind\":\"question\",\"uuid\":\"" UUID "\",\"to\":\"all\",\"reporter\":\"a\",\"seq\":0,\"follow_up\":false,\"text\":\"q\"}",
        "{\"kind\":\"question\",\"uuid\":\"" UUID "\",\"to\":\"\",\"reporter\":\"a\",\"outlet\":\"\",\"seq\":0,\"follow_up\":false,\"text\":\"q\"}",
        "{\"kind\":\"action\",\"uuid\":\"" UUID "\",\"to\":\"all\",\"reporter\":\"a\",\"outlet\":\"\",\"seq\":0,\"follow_up\":false,\"text\":\"q\"}",
    };
    cls_msg m;
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        CHECK_MSG(read_q(TOPIC, bad[i], &m) == CLS_MALFORMED, "case %zu", i);

    char *long_text = malloc(CLS_TEXT_MAX + 2);
    CHECK(long_text != NULL);
    memset(long_text, 'x', CLS_TEXT_MAX + 1);
    long_text[CLS_TEXT_MAX + 1] = '\0';
    char *text = cls_msg_question(UUID, "all", "a", "", 0, 0, long_text);
    CHECK(text != NULL);
    cls_refusal r = read_q(TOPIC, text, &m);
    CHECK_MSG(r == CLS_MALFORMED || r == CLS_OVERSIZED, "%s", cls_refusal_names[r]);
    free(text);
    free(long_text);

    text = cls_msg_question(UUID, "all", "a", "", 0, 0, "q");
    CHECK(read_q("yq/demo/st/99999999-2222-4333-8444-555555555555/question", text, &m) == CLS_FOREIGN);
    free(text);

    /* a station named by its trainee (the host finds the session); a name longer than a trainee's refused */
    text = cls_msg_question(UUID, "张三", "a", "", 0, 0, "q");
    CHECK(read_q(TOPIC, text, &m) == CLS_OK && strcmp(m.to, "张三") == 0);
    cls_msg_free(&m);
    free(text);
    char name[STORE_NAME_MAX + 2];
    memset(name, 'n', sizeof name - 1);
    name[sizeof name - 1] = '\0';
    text = cls_msg_question(UUID, name, "a", "", 0, 0, "q");
    CHECK(read_q(TOPIC, text, &m) == CLS_MALFORMED);
    free(text);
}

int main(void)
{
    test_round_trip();
    test_refusals();
    return CHECK_DONE();
}
