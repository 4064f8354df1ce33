/* fuzz_class_msg.c — libFuzzer harness for the live classroom's readers: every input is read as a message
 * on each station topic kind (cls_msg_read: session, action, end, status, gone, question, rating; a question or rating
 * read being written again and read back the same), as an instructor control
 * on the control topics (cls_control_read), as a join code (cls_code_parse) and as a typed host command
 * (cls_command_parse), a command accepted being sent and read back to the same control; team drills: a seat's
 * propose, resync and done (a proposal read being built again and read back the same) and the host's accepted
 * log and clock on the team topics (cls_team_read). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "class/cls.h"
#include "store/store.h"

#define UUID "11111111-2222-4333-8444-555555555555"

/* A typed command that parses is sent as a control and read back by a station: the same control. */
static void command_round_trip(const char *line)
{
    char err[512];
    cls_control c, back;
    if (cls_command_parse(line, &c, err, sizeof err))
        return;
    if (c.op != CLS_OP_STATUS) {
        memcpy(c.host, "fuzzhost12", 11);
        c.id = 7;
        char *msg = cls_control_msg(&c);
        if (!msg)
            abort();
        if (cls_control_read("demo", UUID, "yq/demo/ctl/" UUID, msg, (int)strlen(msg), &back, err, sizeof err) != CLS_OK ||
            back.op != c.op || back.id != c.id || strcmp(back.host, c.host) != 0 || back.speed != c.speed ||
            strcmp(back.target, c.target) != 0 || (c.text == NULL) != (back.text == NULL) ||
            (c.text && strcmp(c.text, back.text) != 0))
            abort();
        cls_control_free(&back);
        free(msg);
    }
    cls_control_free(&c);
}

/* A seat's proposal read is built again from what was read and read back: the same seat, number and action. */
static void propose_round_trip(const cls_msg *m)
{
    char err[512];
    cls_msg back;
    char *msg = cls_msg_propose(m->ses.uuid, m->ses.trainee, m->group, m->seq, m->action);
    if (!msg)
        abort();
    if (cls_msg_read("demo", "yq/demo/st/" UUID "/propose", msg, (int)strlen(msg), &back, err, sizeof err) != CLS_OK ||
        back.seq != m->seq || strcmp(back.group, m->group) != 0 || strcmp(back.ses.trainee, m->ses.trainee) != 0 ||
        back.action->type != m->action->type || back.action->role != m->action->role || back.action->t != m->action->t)
        abort();
    cls_msg_free(&back);
    free(msg);
}

/* A live question read is written again and read back: the same asker, number, flag and text. */
static void question_round_trip(const cls_msg *m)
{
    char err[512];
    cls_msg back;
    char *msg = cls_msg_question(m->ses.uuid, m->to, m->reporter, m->outlet, m->seq, m->follow_up, m->text);
    if (!msg)
        abort();
    if (cls_msg_read("demo", "yq/demo/st/" UUID "/question", msg, (int)strlen(msg), &back, err, sizeof err) != CLS_OK ||
        back.seq != m->seq || back.follow_up != m->follow_up || strcmp(back.reporter, m->reporter) != 0 || strcmp(back.to, m->to) != 0 ||
        strcmp(back.outlet, m->outlet) != 0 || strcmp(back.text, m->text) != 0)
        abort();
    cls_msg_free(&back);
    free(msg);
}

/* An observer's rating read is written again and read back: the same session, observer, number and rating. */
static void rating_round_trip(const cls_msg *m)
{
    char err[512];
    cls_msg back;
    store_rating r = cls_msg_rating_of(m), b;
    char *msg = cls_msg_rating(m->ses.uuid, m->to, m->seq, &r);
    if (!msg)
        abort();
    if (cls_msg_read("demo", "yq/demo/st/" UUID "/rating", msg, (int)strlen(msg), &back, err, sizeof err) != CLS_OK)
        abort();
    b = cls_msg_rating_of(&back);
    if (back.seq != m->seq || strcmp(back.to, m->to) != 0 || b.kind != r.kind || strcmp(b.target, r.target) != 0 ||
        strcmp(b.observer, r.observer) != 0 || b.grade != r.grade || (b.comment == NULL) != (r.comment == NULL) ||
        (r.comment && strcmp(b.comment, r.comment) != 0))
        abort();
    cls_msg_free(&back);
    free(msg);
}

/* The team drill's messages: a seat's on its own topics, the host's on the team topics. */
static void team_read(const uint8_t *data, size_t size)
{
    static const char *const seat_topics[] = {"yq/demo/st/" UUID "/propose", "yq/demo/st/" UUID "/resync",
                                              "yq/demo/st/" UUID "/done"};
    static const char *const team_topics[] = {"yq/demo/ctl/team/session", "yq/demo/ctl/team/action",
                                              "yq/demo/ctl/team/end", "yq/demo/ctl/team/done",
                                              "yq/demo/ctl/team/status", "yq/demo/ctl/team/propose"};
    char err[512];
    cls_msg m;
    for (size_t i = 0; i < sizeof seat_topics / sizeof seat_topics[0]; i++)
        if (cls_msg_read("demo", seat_topics[i], data, (int)size, &m, err, sizeof err) == CLS_OK) {
            if (m.kind == CLS_PROPOSE)
                propose_round_trip(&m);
            cls_msg_free(&m);
        }
    for (size_t i = 0; i < sizeof team_topics / sizeof team_topics[0]; i++)
        if (cls_team_read("demo", team_topics[i], data, (int)size, &m, err, sizeof err) == CLS_OK)
            cls_msg_free(&m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    team_read(data, size);
    static const char *const topics[] = {"yq/demo/st/" UUID "/session", "yq/demo/st/" UUID "/action",
                                         "yq/demo/st/" UUID "/end",     "yq/demo/st/" UUID "/status",
                                         "yq/demo/st/" UUID "/gone",    "yq/demo/st/" UUID "/question",
                                         "yq/demo/st/" UUID "/rating",  "yq/demo/ctl/x"};
    static const char *const ctl_topics[] = {"yq/demo/ctl/all", ("yq/demo/ctl/" UUID),
                                             "yq/demo/ctl/99999999-2222-4333-8444-555555555555"};
    char err[512];
    for (size_t i = 0; i < sizeof topics / sizeof topics[0]; i++) {
        cls_msg m;
        if (cls_msg_read("demo", topics[i], data, (int)size, &m, err, sizeof err) == CLS_OK) {
            if (m.kind == CLS_QUESTION)
                question_round_trip(&m);
            if (m.kind == CLS_RATING)
                rating_round_trip(&m);
            cls_msg_free(&m);
        }
    }
    for (size_t i = 0; i < sizeof ctl_topics / sizeof ctl_topics[0]; i++) {
        cls_control c;
        if (cls_control_read("demo", UUID, ctl_topics[i], data, (int)size, &c, err, sizeof err) == CLS_OK)
            cls_control_free(&c);
    }
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    cls_endpoint e;
    cls_code_parse(text, &e, err, sizeof err);
    command_round_trip(text);
    free(text);
    return 0;
}
