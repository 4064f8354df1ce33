/* test_score_answers.c — the press-answer lines on hand-built worlds: answers a careless, a dishonest
 * and a clever trainee would give to one question, graded in order and explained in zh and en. */
#include "score/score.h"
#include "test_score_fixture.h"

#define SP SIM_ROLE_SPOKESPERSON

/* The fixture's plan with an answers section: 10 points for the drill's questions, a 30-minute
 * countdown with 30 minutes of fading, and the shipped plans' shares. */
static const char *answers_plan =
    "{\"id\": \"answers\", \"title\": \"答问预案\", \"kind\": \"general\",\n"
    " \"warning\": {\"reads\": [100, 1000, 10000], \"posts_per_hour\": [10, 100, 1000]},\n"
    " \"deadlines\": [{\"id\": \"press\", \"title\": \"发布会\", \"what\": \"press\", \"minutes\": 200, \"points\": 5,"
    "   \"weights\": {\"media\": 1}}],\n"
    " \"answers\": {\"title\": {\"zh\": \"答记者问\", \"en\": \"Answers\"}, \"points\": 10, \"minutes\": 30, \"grace\": 30,\n"
    "  \"on_time\": 0.2, \"expects\": 0.5, \"followup\": 0.3, \"trap\": 0.5, \"stiff\": 0.25,\n"
    "  \"evasion\": {\"phrases\": [\"无可奉告\", \"不便透露\", \"no comment\"]},\n"
    "  \"stiff_words\": {\"lex\": [\"officialese\", \"blame\"]}, \"pending\": {\"lex\": [\"next_update\"]},\n"
    "  \"weights\": {\"media\": 1}}}\n";

typedef struct answer_case {
    const char *who;        /* the trainee it stands for */
    double press;           /* minutes of the press conference, < 0 for none */
    double at;              /* minutes of the answer, < 0 for no answer */
    const char *text;
    double followup_at;     /* when the world asked the follow-up (< 0: not asked) */
    double again_at;        /* a second answer, to the follow-up (< 0: none) */
    const char *again;
    double points;          /* of 10 */
    const char *zh, *en;    /* in the explanation */
} answer_case;

/* Asked at minute 20; 3 injured is verified at 60, no one dead at 30, the cause never. Ordered from
 * best to worst: the table asserts the order as well as each figure. */
static const answer_case cases[] = {
    {"clever: states the verified facts at the conference", 70, 72,
     "经核实，3人受伤，无人死亡，具体起因正在核实，后续将持续通报。", -1, -1, NULL, 10, "全部2项已核实事实",
     "Stated all 2 verified facts"},
    {"clever: hedges first, then answers the follow-up", 70, 72, "伤亡情况正在核实，后续持续通报。", 72, 80,
     "经核实，3人受伤，无人死亡。", 10, "记者的追问也作了回答", "follow-up question was answered"},
    {"careless: right facts, late", 70, 115, "经核实，3人受伤，无人死亡，伤者已送医。", -1, -1, NULL, 9,
     "超出30分钟的答题时限，及时作答一项保留50%", "50% of the timeliness part kept"},
    {"careless: right facts in officialese", 70, 72, "根据有关文件精神，经核实，3人受伤，无人死亡。", -1, -1, NULL, 7.5,
     "「根据有关文件精神」", "“根据有关文件精神”"},
    {"dishonest: asserts the trap figure before it is verified", 38, 40, "目前3人受伤，无人死亡。", -1, -1, NULL, 5,
     "40分钟时就断言了「3人受伤」，而它到60分钟才核实", "verified only at minute 60"},
    {"careless: hedges and never answers the follow-up", 70, 72, "伤亡情况正在核实，后续持续通报。", 72, -1, NULL, 2,
     "没有说明任何应答的已核实事实，例如「无人死亡」", "never answered"},
    {"careless: no answer at all", 70, -1, NULL, -1, -1, NULL, 0, "应当说明的事实：「无人死亡」、「3人受伤」",
     "Expected facts: “无人死亡”, “3人受伤”"},
    {"careless: no comment", 70, 72, "这件事无可奉告。", 72, -1, NULL, 0, "用「无可奉告」回避了提问",
     "dodged the question with “无可奉告”"},
    {"dishonest: denies a verified fact", 70, 72, "3人受伤，但并非无人死亡。", -1, -1, NULL, 0,
     "否认了已核实的事实「无人死亡」", "denied the verified fact “无人死亡”"},
    {"clever: repeats the expected words but negates them", 70, 72, "并没有3人受伤，也并非无人死亡。", -1, -1, NULL, 0,
     "否认了已核实的事实", "denied the verified fact"},
};

static void test_answer_table(void)
{
    double prev = 1e9;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const answer_case *c = &cases[i];
        sf_fixture fx;
        sf_init(&fx);
        score_plan_free(fx.plan);
        char err[512] = "";
        CHECK_MSG(score_plan_parse(answers_plan, "answers.json", &fx.plan, err, sizeof err) == 0, "%s", err);
        sf_question(&fx, "q_hurt", "有几个人受伤？有没有人死亡？", "到底伤了几个？", "f_alive", "f_injured",
                    "f_injured", "f_cause", 20);
        sf_event(&fx, 20, SIM_EV_QUESTION, 0);
        if (c->press >= 0)
            sf_act(&fx, c->press, SIM_ACT_PRESS, SP, NULL, "召开新闻发布会。");
        if (c->at >= 0)
            sf_act(&fx, c->at, SIM_ACT_ANSWER, SP, "q_hurt", c->text);
        if (c->followup_at >= 0)
            sf_event(&fx, c->followup_at, SIM_EV_FOLLOWUP, 0);
        if (c->again_at >= 0)
            sf_act(&fx, c->again_at, SIM_ACT_ANSWER, SP, "q_hurt", c->again);
        CHECK_MSG(fx.plan && sf_grade(&fx, NULL) == 0, "%s", c->who);
        const score_line *l = sf_line(&fx, "media.answer.q_hurt");
        CHECK_MSG(l != NULL, "%s: no line", c->who);
        if (l) {
            CHECK_MSG(fabs(l->points - c->points) < 1e-9, "%s: %.2f points, want %.2f (%s)", c->who, l->points,
                      c->points, l->why);
            CHECK_MSG(l->max == 10 && strcmp(l->category, "media") == 0, "%s: max %.2f", c->who, l->max);
            CHECK_MSG(strstr(l->why, c->zh) != NULL, "%s: zh lacks %s: %s", c->who, c->zh, l->why);
            CHECK_MSG(strstr(l->why_en, c->en) != NULL, "%s: en lacks %s: %s", c->who, c->en, l->why_en);
            CHECK_MSG(strstr(l->title, "有几个人受伤") && strstr(l->title_en, "Answers"), "%s: title %s", c->who,
                      l->title);
            CHECK_MSG(l->points <= prev, "%s: %.2f ranks above the case before it (%.2f)", c->who, l->points, prev);
            prev = l->points;
        }
        sf_free(&fx);
    }
}

/* A press conference counts only through answers that count: none, or only "无可奉告", earns nothing on
 * the press deadline or on the answer line; a question never asked for want of a conference is 0. */
static void test_press_needs_answers(void)
{
    const char *answers[] = {NULL, "此事无可奉告。", "经核实，3人受伤，无人死亡。"};
    const double press[] = {0, 0, 5}, line[] = {0, 0, 10};
    for (int i = 0; i < 3; i++) {
        sf_fixture fx;
        sf_init(&fx);
        score_plan_free(fx.plan);
        char err[512] = "";
        CHECK_MSG(score_plan_parse(answers_plan, "answers.json", &fx.plan, err, sizeof err) == 0, "%s", err);
        sf_question(&fx, "q_hurt", "有几个人受伤？", "到底伤了几个？", "f_alive", "f_injured", NULL, NULL, -1);
        sf_act(&fx, 70, SIM_ACT_PRESS, SP, NULL, "召开新闻发布会，通报3人受伤、无人死亡。");
        sf_event(&fx, 70, SIM_EV_QUESTION, 0);
        if (answers[i])
            sf_act(&fx, 72, SIM_ACT_ANSWER, SP, "q_hurt", answers[i]);
        CHECK(fx.plan && sf_grade(&fx, NULL) == 0);
        CHECK_NEAR(sf_points(&fx, "deadline.press"), press[i], 1e-9);
        CHECK_NEAR(sf_points(&fx, "media.answer.q_hurt"), line[i], 1e-9);
        sf_free(&fx);
    }
    sf_fixture fx;
    sf_init(&fx);
    score_plan_free(fx.plan);
    char err[512] = "";
    CHECK_MSG(score_plan_parse(answers_plan, "answers.json", &fx.plan, err, sizeof err) == 0, "%s", err);
    sf_question(&fx, "q_hurt", "有几个人受伤？", "到底伤了几个？", "f_alive", NULL, NULL, NULL, -1);
    sf_question(&fx, "q_late", "什么时候恢复？", "具体几点？", "f_alive", NULL, NULL, NULL, 300);
    CHECK(fx.plan && sf_grade(&fx, NULL) == 0);
    CHECK_NEAR(sf_max(&fx, "media.answer.q_hurt"), 5, 1e-9);
    CHECK_NEAR(sf_points(&fx, "media.answer.q_hurt"), 0, 1e-9);
    const score_line *l = sf_line(&fx, "media.answer.q_hurt");
    CHECK(l && strstr(l->why, "没有召开新闻发布会") && strstr(l->why_en, "No press conference was held"));
    CHECK_NEAR(sf_max(&fx, "media.answer.q_late"), 0, 1e-9);   /* the drill ended before it was due */
    l = sf_line(&fx, "media.answer.q_late");
    CHECK(l && strstr(l->why, "300分钟才会提出") && strstr(l->why_en, "at minute 300"));
    sf_free(&fx);
}

/* The plan reader refuses shares that do not add up and a stiff cost without words to look for. */
static void test_plan_refuses(void)
{
    static const struct { const char *section, *want; } bad[] = {
        {"{\"title\": \"答\", \"points\": 10, \"minutes\": 30, \"on_time\": 0.5, \"expects\": 0.5, \"followup\": 0.5,"
         " \"evasion\": {\"phrases\": \"无可奉告\"}}", "$.answers: on_time, expects and followup must add up to 1"},
        {"{\"title\": \"答\", \"points\": 10, \"minutes\": 30, \"on_time\": 0.2, \"expects\": 0.5, \"followup\": 0.3,"
         " \"stiff\": 0.2, \"evasion\": {\"phrases\": \"无可奉告\"}}", "$.answers: a stiff cost needs stiff_words"},
        {"{\"title\": \"答\", \"points\": 10, \"minutes\": 30, \"on_time\": 0.2, \"expects\": 0.5, \"followup\": 0.3}",
         "$.answers.evasion: is required"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char json[1024], err[512] = "";
        snprintf(json, sizeof json,
                 "{\"id\": \"p\", \"title\": \"p\", \"kind\": \"general\", \"warning\": {\"reads\": [1, 2, 3],"
                 " \"posts_per_hour\": [1, 2, 3]}, \"answers\": %s}",
                 bad[i].section);
        score_plan *p = NULL;
        CHECK(score_plan_parse(json, "p.json", &p, err, sizeof err) == -1 && p == NULL);
        CHECK_MSG(strstr(err, bad[i].want) != NULL, "%s", err);
    }
}

int main(void)
{
    test_answer_table();
    test_press_needs_answers();
    test_plan_refuses();
    return CHECK_DONE();
}
