/* test_class_control.c — the instructor's controls: typed commands (every op, quoting, the errors), the
 * control message read back the same, what a station refuses (topic, size, schema, status and gone), and what
 * each control does to a drill (a world action, or the instructor note it leaves). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "class/cls.h"

#define UUID "11111111-2222-4333-8444-555555555555"
#define MINE "yq/demo/ctl/" UUID

static char err[512];

static void test_commands(void)
{
    cls_control c;
    CHECK_MSG(cls_command_parse("  pause   all ", &c, err, sizeof err) == 0, "%s", err);
    CHECK(c.op == CLS_OP_PAUSE);
    CHECK_STR(c.who, "all");
    CHECK(cls_command_parse("speed 2.5 张三", &c, err, sizeof err) == 0 && c.op == CLS_OP_SPEED && c.speed == 2.5);
    CHECK_STR(c.who, "张三");
    CHECK(cls_command_parse("speed max all", &c, err, sizeof err) == 0 && c.speed == 0.0);
    CHECK(cls_command_parse("inject " UUID " i_crowd", &c, err, sizeof err) == 0 && c.op == CLS_OP_INJECT);
    CHECK_STR(c.who, UUID);
    CHECK_STR(c.target, "i_crowd");
    CHECK(cls_command_parse("post bob \"说 \\\"不\\\" 和 \\\\\"", &c, err, sizeof err) == 0 && c.op == CLS_OP_POST);
    CHECK_STR(c.text, "说 \"不\" 和 \\");
    cls_control_free(&c);
    CHECK(cls_command_parse("ask all Is the vendor alive?  ", &c, err, sizeof err) == 0 && c.op == CLS_OP_ASK);
    CHECK_STR(c.text, "Is the vendor alive?");
    cls_control_free(&c);
    CHECK(cls_command_parse("status", &c, err, sizeof err) == 0 && c.op == CLS_OP_STATUS);

    static const char *const bad[] = {
        "", "jump all", "pause", "status all", "speed all", "speed 0 all", "speed -1 all", "speed nan all",
        "speed 2000000 all", "speed 2x all", "inject all", "inject all bad!id", "inject all i_x extra", "end all now",
        "post all", "post all \"unterminated", "post all \"x\" trailing", "ask all \"\"",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        *err = '\0';
        int rc = cls_command_parse(bad[i], &c, err, sizeof err);
        CHECK_MSG(rc == -1 && *err, "\"%s\" accepted", bad[i]);
        if (rc == 0)
            cls_control_free(&c);
    }
    char *big = malloc(CLS_TEXT_MAX + 16);
    if (big) {
        memcpy(big, "ask all ", 8);
        memset(big + 8, 'x', CLS_TEXT_MAX + 1);
        big[8 + CLS_TEXT_MAX + 1] = '\0';
        CHECK(cls_command_parse(big, &c, err, sizeof err) == -1);
        big[8 + CLS_TEXT_MAX] = '\0';
        CHECK(cls_command_parse(big, &c, err, sizeof err) == 0);
        cls_control_free(&c);
        free(big);
    }
}

static void test_round_trip(void)
{
    static const char *const lines[] = {"pause all", "resume bob", "speed 3 all", "speed max bob", "inject all i_crowd",
                                        "post all \"网传视频\"", "ask bob \"伤者情况？\"", "end all"};
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        cls_control c, back;
        CHECK_MSG(cls_command_parse(lines[i], &c, err, sizeof err) == 0, "%s: %s", lines[i], err);
        memcpy(c.host, "abcdefghij", 11);
        c.id = (int)i + 1;
        char *msg = cls_control_msg(&c);
        CHECK(msg != NULL);
        const char *topic = strcmp(c.who, "all") == 0 ? "yq/demo/ctl/all" : MINE;
        cls_refusal r = msg ? cls_control_read("demo", UUID, topic, msg, (int)strlen(msg), &back, err, sizeof err)
                            : CLS_MALFORMED;
        CHECK_MSG(r == CLS_OK, "%s: %s", lines[i], err);
        if (r == CLS_OK) {
            CHECK(back.op == c.op && back.id == c.id && back.speed == c.speed);
            CHECK_STR(back.host, "abcdefghij");
            CHECK_STR(back.target, c.target);
            CHECK((back.text == NULL) == (c.text == NULL) && (!c.text || strcmp(back.text, c.text) == 0));
            cls_control_free(&back);
        }
        free(msg);
        cls_control_free(&c);
    }
}

static void test_refusals(void)
{
    cls_control c;
    const char *ok = "{\"kind\":\"control\",\"host\":\"h\",\"id\":1,\"op\":\"end\"}";
    CHECK(cls_control_read("demo", UUID, MINE, ok, (int)strlen(ok), &c, err, sizeof err) == CLS_OK);
    CHECK(cls_control_read("demo", UUID, "yq/demo/ctl/99999999-2222-4333-8444-555555555555", ok, (int)strlen(ok), &c,
                           err, sizeof err) == CLS_FOREIGN);
    CHECK(cls_control_read("demo", UUID, "yq/other/ctl/all", ok, (int)strlen(ok), &c, err, sizeof err) == CLS_FOREIGN);
    CHECK(cls_control_read("demo", UUID, MINE, ok, CLS_MSG_MAX + 1, &c, err, sizeof err) == CLS_OVERSIZED);
    static const char *const bad[] = {
        "not json", "[]", "{\"kind\":\"control\",\"host\":\"h\",\"id\":1,\"op\":\"status\"}",
        "{\"kind\":\"control\",\"host\":\"h\",\"id\":0,\"op\":\"end\"}",
        "{\"kind\":\"control\",\"host\":\"h\",\"id\":1.5,\"op\":\"end\"}",
        "{\"kind\":\"control\",\"host\":\"\",\"id\":1,\"op\":\"end\"}",
        "{\"kind\":\"session\",\"host\":\"h\",\"id\":1,\"op\":\"end\"}",
        "{\"kind\":\"control\",\"host\":\"h\",\"id\":1,\"op\":\"speed\"}",
        "{\"kind\":\"control\",\"host\":\"h\",\"id\":1,\"op\":\"speed\",\"speed\":-1}",
        "{\"kind\":\"control\",\"host\":\"h\",\"id\":1,\"op\":\"inject\",\"target\":\"a b\"}",
        "{\"kind\":\"control\",\"host\":\"h\",\"id\":1,\"op\":\"ask\",\"text\":\"\"}",
        "{\"kind\":\"control\",\"host\":\"h\",\"id\":1,\"op\":\"post\",\"text\":7}",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        CHECK_MSG(cls_control_read("demo", UUID, MINE, bad[i], (int)strlen(bad[i]), &c, err, sizeof err) == CLS_MALFORMED,
                  "%s", bad[i]);
}

static void test_status_and_gone(void)
{
    cls_status st = {.t = 450, .level = 2, .heat = 175.5, .score = 5.8, .n_actions = 2, .last = "report", .speed = 40};
    char *msg = cls_msg_status(UUID, &st);
    cls_msg m;
    CHECK(msg && cls_msg_read("demo", "yq/demo/st/" UUID "/status", msg, (int)strlen(msg), &m, err, sizeof err) == CLS_OK);
    CHECK(m.kind == CLS_STATUS && m.status.t == 450 && m.status.level == 2 && m.status.heat == 175.5 &&
          m.status.score == 5.8 && m.status.n_actions == 2 && !m.status.paused && m.status.speed == 40);
    CHECK_STR(m.status.last, "report");
    cls_msg_free(&m);
    CHECK(msg && cls_msg_read("demo", "yq/demo/st/99999999-2222-4333-8444-555555555555/status", msg, (int)strlen(msg),
                              &m, err, sizeof err) == CLS_FOREIGN);
    free(msg);
    const char *bad = "{\"kind\":\"status\",\"uuid\":\"" UUID "\",\"t\":1,\"level\":9,\"heat\":0,\"score\":0,"
                      "\"n_actions\":0,\"last\":\"\",\"paused\":false,\"speed\":0}";
    CHECK(cls_msg_read("demo", "yq/demo/st/" UUID "/status", bad, (int)strlen(bad), &m, err, sizeof err) == CLS_MALFORMED);
    msg = cls_msg_gone(UUID);
    CHECK(msg && cls_msg_read("demo", "yq/demo/st/" UUID "/gone", msg, (int)strlen(msg), &m, err, sizeof err) == CLS_OK &&
          m.kind == CLS_GONE);
    free(msg);
}

/* Typed line -> cls_control_effect at t = 90 as the command group: 1 with the action, or 0 with the note. */
static int effect(const char *line, sim_action *a, char *note)
{
    cls_control c;
    char why[256];
    CHECK_MSG(cls_command_parse(line, &c, why, sizeof why) == 0, "%s", why);
    int r = cls_control_effect(&c, 90, SIM_ROLE_COMMAND, a, note, 64);
    if (r) {   /* the action borrows the control's texts: keep copies to look at */
        a->text = a->text ? strdup(a->text) : NULL;
        a->target = a->target ? strdup(a->target) : NULL;
    }
    cls_control_free(&c);
    return r;
}

static void test_effects(void)
{
    sim_action a;
    char note[64] = "";
    CHECK(effect("inject all i_field", &a, note) == 1 && a.type == SIM_ACT_INJECT && a.t == 90 &&
          a.role == SIM_ROLE_COMMAND && a.level == SIM_LEVEL_NONE && strcmp(a.target, "i_field") == 0 && !a.text);
    free(a.target);
    CHECK(effect("post team \"城管回应\"", &a, note) == 1 && a.type == SIM_ACT_POST && strcmp(a.text, "城管回应") == 0);
    free(a.text);
    CHECK(effect("ask all \"why?\"", &a, note) == 1 && a.type == SIM_ACT_ASK && strcmp(a.target, CLS_INSTRUCTOR) == 0 &&
          !a.channel);
    free(a.text);
    free(a.target);
    CHECK(effect("pause all", &a, note) == 0 && strcmp(note, "class control: pause") == 0);
    CHECK(effect("speed 2 all", &a, note) == 0 && strcmp(note, "class control: speed 2") == 0);
    CHECK(effect("speed max all", &a, note) == 0 && strcmp(note, "class control: speed max") == 0);
    CHECK(effect("end team", &a, note) == 0 && strcmp(note, "class control: end") == 0);
}

/* Each pace control's note reads back as that control; other notes and near misses do not. */
static void test_notes_read_back(void)
{
    static const char *const lines[] = {"pause all", "resume all", "speed 2.5 all", "speed max all", "end all"};
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        sim_action a;
        char note[64] = "";
        cls_control typed, back;
        char why[256];
        CHECK_MSG(cls_command_parse(lines[i], &typed, why, sizeof why) == 0, "%s", why);
        CHECK(cls_control_effect(&typed, 0, SIM_ROLE_COMMAND, &a, note, sizeof note) == 0);
        CHECK_MSG(cls_control_of_note(note, &back) == 1 && back.op == typed.op && back.speed == typed.speed,
                  "%s: note \"%s\" read back as op %d speed %g", lines[i], note, back.op, back.speed);
        cls_control_free(&typed);
    }
    static const char *const others[] = {"class control: inject", "class control: speed", "class control: speed 0",
                                         "class control: speed 2x", "class control: pauses", "pause",
                                         "导调员：请注意时限", ""};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        cls_control c;
        CHECK_MSG(cls_control_of_note(others[i], &c) == 0, "\"%s\" read as a pace control", others[i]);
    }
}

int main(void)
{
    test_effects();
    test_notes_read_back();
    test_commands();
    test_round_trip();
    test_refusals();
    test_status_and_gone();
    return CHECK_DONE();
}
