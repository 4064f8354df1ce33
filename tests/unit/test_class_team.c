/* test_class_team.c — a team drill's wire messages: a seat's propose, resync and done read back the same; the
 * host's accepted log read on the team topics only; bad seats, numbers and topics refused; the plan's groups
 * and the process points a card gathers per group. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "class/cls.h"
#include "score/score.h"

#define UUID "11111111-2222-4333-8444-555555555555"
#define SEAT(kind) "yq/demo/st/" UUID "/" kind

static char err[512];

static cls_refusal read_seat(const char *topic, const char *text, cls_msg *m)
{
    return cls_msg_read("demo", topic, text, (int)strlen(text), m, err, sizeof err);
}

static void test_round_trip(void)
{
    sim_action a = {.t = 600, .type = SIM_ACT_VERIFY, .role = SIM_ROLE_COMMAND, .level = SIM_LEVEL_NONE,
                    .target = "f_vendor_safe"};
    cls_msg m;
    char *text = cls_msg_propose(UUID, "张三", "command", 4, &a);
    CHECK(text != NULL);
    CHECK_MSG(read_seat(SEAT("propose"), text, &m) == CLS_OK, "%s", err);
    CHECK(m.kind == CLS_PROPOSE && m.seq == 4 && m.action && m.action->t == 600 && m.action->role == SIM_ROLE_COMMAND);
    CHECK_STR(m.group, "command");
    CHECK_STR(m.ses.trainee, "张三");
    CHECK_STR(m.action->target, "f_vendor_safe");
    cls_msg_free(&m);
    free(text);

    text = cls_msg_resync(UUID, "bob", "analysis", -1);
    CHECK(read_seat(SEAT("resync"), text, &m) == CLS_OK && m.kind == CLS_RESYNC && m.seq == -1);
    CHECK_STR(m.ses.trainee, "bob");
    CHECK_STR(m.group, "analysis");
    free(text);
    /* the team's clock is a status on the team topic */
    cls_status clock = {.t = 1230, .n_actions = 5, .paused = 1, .speed = 40};
    text = cls_msg_status(UUID, &clock);
    CHECK(cls_team_read("demo", "yq/demo/ctl/team/status", text, (int)strlen(text), &m, err, sizeof err) == CLS_OK &&
          m.kind == CLS_STATUS && m.status.t == 1230 && m.status.n_actions == 5 && m.status.paused &&
          m.status.speed == 40);
    free(text);
    text = cls_msg_done(UUID, "bob", "analysis", 7);
    CHECK(read_seat(SEAT("done"), text, &m) == CLS_OK && m.kind == CLS_DONE && m.seq == 7);
    CHECK_STR(m.group, "analysis");
    /* the host's receipt to a seat is the same message on the team topic */
    CHECK(cls_team_read("demo", "yq/demo/ctl/team/done", text, (int)strlen(text), &m, err, sizeof err) == CLS_OK &&
          m.kind == CLS_DONE && m.seq == 7);
    CHECK(cls_team_read("demo", "yq/demo/ctl/team/resync", text, (int)strlen(text), &m, err, sizeof err) == CLS_FOREIGN);
    free(text);

    char topic[256];
    text = cls_msg_action(UUID, 3, &a);
    CHECK(cls_team_topic(topic, sizeof topic, "demo", CLS_ACTION) == 0);
    CHECK(strcmp(topic, "yq/demo/ctl/team/action") == 0);
    CHECK(cls_team_read("demo", topic, text, (int)strlen(text), &m, err, sizeof err) == CLS_OK && m.seq == 3 &&
          m.action->type == SIM_ACT_VERIFY);
    cls_msg_free(&m);
    /* the same message on a station topic of another kind, another class, or a seat's topic kind: refused */
    CHECK(cls_team_read("other", topic, text, (int)strlen(text), &m, err, sizeof err) == CLS_FOREIGN);
    CHECK(cls_team_read("demo", "yq/demo/ctl/team/propose", text, (int)strlen(text), &m, err, sizeof err) == CLS_FOREIGN);
    CHECK(cls_team_read("demo", "yq/demo/ctl/team/session", text, (int)strlen(text), &m, err, sizeof err) ==
          CLS_MALFORMED);
    free(text);
}

static void test_refusals(void)
{
    cls_msg m;
    static const char *const bad[] = {
        "{\"kind\":\"resync\",\"uuid\":\"" UUID "\",\"seq\":-2}",
        "{\"kind\":\"resync\",\"uuid\":\"" UUID "\"}",
        "{\"kind\":\"done\",\"uuid\":\"" UUID "\",\"trainee\":\"a\",\"group\":\"bad group\",\"seq\":1}",
        "{\"kind\":\"done\",\"uuid\":\"" UUID "\",\"trainee\":\"\",\"group\":\"command\",\"seq\":1}",
        "{\"kind\":\"done\",\"uuid\":\"" UUID "\",\"trainee\":\"a\",\"group\":\"command\",\"seq\":1.5}",
        "{\"kind\":\"propose\",\"uuid\":\"" UUID "\",\"trainee\":\"a\",\"group\":\"command\",\"seq\":0}",
        "{\"kind\":\"propose\",\"uuid\":\"" UUID "\",\"trainee\":\"a\",\"group\":\"command\",\"seq\":0,"
        "\"action\":[{\"t\":1,\"type\":\"nonsense\"}]}",
        "{\"kind\":\"propose\",\"uuid\":\"" UUID "\",\"trainee\":\"a\",\"group\":\"command\",\"seq\":0,"
        "\"action\":[{\"t\":1,\"type\":\"report\",\"role\":\"monitor\",\"text\":\"x\"},"
        "{\"t\":2,\"type\":\"report\",\"role\":\"monitor\",\"text\":\"y\"}]}",
    };
    static const char *const topics[] = {SEAT("resync"), SEAT("resync"), SEAT("done"), SEAT("done"), SEAT("done"),
                                         SEAT("propose"), SEAT("propose"), SEAT("propose")};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        CHECK_MSG(read_seat(topics[i], bad[i], &m) == CLS_MALFORMED, "case %zu", i);
    CHECK(read_seat("yq/demo/st/99999999-2222-4333-8444-555555555555/done",
                    "{\"kind\":\"done\",\"uuid\":\"" UUID "\",\"trainee\":\"a\",\"group\":\"command\",\"seq\":1}",
                    &m) == CLS_FOREIGN);
}

static void test_groups(void)
{
    score_plan *p = NULL;
    CHECK_MSG(score_plan_load(YQ_SOURCE_DIR "/scenarios/plans/general.json", &p, err, sizeof err) == 0, "%s", err);
    if (!p)
        return;
    CHECK(score_plan_groups(p) == 4);
    CHECK_STR(score_plan_group_id(p, 1), "analysis");
    CHECK(score_plan_group_find(p, "communication") == 2 && score_plan_group_find(p, "press") < 0);
    CHECK(score_plan_group_role(p, score_plan_group_find(p, "analysis")) == SIM_ROLE_MONITOR);
    CHECK(score_plan_group_id(p, 4) == NULL && score_plan_group_role(p, -1) == -1);
    score_line lines[3] = {{.id = "process.step.report", .points = 1.5, .max = 3},
                           {.id = "process.step.nosuch", .points = 2, .max = 2},
                           {.id = "deadline.first_response", .points = 4, .max = 5}};
    score_card c = {.lines = lines, .n_lines = 3};
    double points[4], max[4];
    score_card_groups(p, &c, points, max);
    CHECK(points[1] == 1.5 && max[1] == 3);   /* the report step is the analysis group's */
    CHECK(points[0] == 0 && points[2] == 0 && points[3] == 0 && max[0] == 0);
    score_plan_free(p);
}

int main(void)
{
    test_round_trip();
    test_refusals();
    test_groups();
    return CHECK_DONE();
}
