/* test_score_fixture.h — hand-built worlds for the scoring tests: a scenario with five facts and one
 * rumour, a small lexicon, an inline plan with round numbers, the shipped explanation texts, and
 * helpers to log actions and grade (explained in zh and en). */
#ifndef YQ_TEST_SCORE_FIXTURE_H
#define YQ_TEST_SCORE_FIXTURE_H

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "score/score.h"

#define MIN(m) ((sim_time)(m) * 60)

/* Round-number plan: every expected score below follows from these figures. */
static const char *sf_plan_json =
    "{\"id\": \"test\", \"title\": \"测试预案\", \"kind\": \"general\",\n"
    " \"warning\": {\"reads\": [100, 1000, 10000], \"posts_per_hour\": [10, 100, 1000]},\n"
    " \"deadlines\": [\n"
    "  {\"id\": \"report\", \"title\": \"报告\", \"what\": \"report\", \"minutes\": 10, \"grace\": 20, \"points\": 10,"
    "   \"weights\": {\"command\": 1}},\n"
    "  {\"id\": \"first\", \"title\": \"首次回应\", \"what\": \"public\", \"minutes\": 60, \"grace\": 60, \"points\": 10,"
    "   \"weights\": {\"release\": 1}},\n"
    "  {\"id\": \"auth\", \"title\": \"权威信息\", \"what\": \"authoritative\", \"fact_kinds\": [\"number\", \"other\"], \"minutes\": 120, \"points\": 10,"
    "   \"weights\": {\"release\": 1}},\n"
    "  {\"id\": \"rebut\", \"title\": \"辟谣\", \"what\": \"rebuttal\", \"reach\": 0.05, \"minutes\": 30, \"grace\": 30,"
    "   \"points\": 10, \"weights\": {\"rumour\": 1}}],\n"
    " \"steps\": {\"order\": {\"title\": \"顺序\", \"points\": 6, \"weights\": {\"command\": 1}},\n"
    "  \"items\": [\n"
    "   {\"id\": \"report\", \"title\": \"报告\", \"actions\": [\"report\"], \"role\": \"monitor\", \"points\": 2, \"role_points\": 1},\n"
    "   {\"id\": \"assess\", \"title\": \"研判\", \"actions\": [\"assess\"], \"role\": \"monitor\", \"points\": 2, \"role_points\": 1},\n"
    "   {\"id\": \"strategy\", \"title\": \"策略\", \"actions\": [\"strategy\"], \"role\": \"command\", \"points\": 2},\n"
    "   {\"id\": \"act\", \"title\": \"实施\", \"actions\": [\"statement\", \"rebut\", \"reply\"], \"points\": 2}]},\n"
    " \"statement\": {\n"
    "  \"elements\": [\n"
    "   {\"id\": \"place\", \"title\": \"地点\", \"detect\": {\"fact_kinds\": [\"place\"], \"scenario\": \"place\"}, \"points\": 2},\n"
    "   {\"id\": \"contact\", \"title\": \"联系方式\", \"detect\": {\"lex\": [\"contact\"]}, \"scope\": \"first\", \"points\": 2},\n"
    "   {\"id\": \"empathy\", \"title\": \"共情\", \"detect\": {\"lex\": [\"empathy\"]}, \"scope\": \"all\", \"points\": 4,"
    "    \"weights\": {\"care\": 1}},\n"
    "   {\"id\": \"update\", \"title\": \"后续通报\", \"detect\": {\"phrases\": [\"持续通报\"]}, \"points\": 2}],\n"
    "  \"three_part\": {\"title\": \"三段式\", \"applies_to\": [\"reply\"], \"required\": false, \"points\": 6,"
    "   \"weights\": {\"care\": 1},\n"
    "   \"parts\": [{\"id\": \"thanks\", \"title\": \"致谢\", \"detect\": {\"lex\": [\"thanks\"]}},\n"
    "             {\"id\": \"facts\", \"title\": \"事实或措施\", \"detect\": {\"lex\": [\"measure\"], \"fact_kinds\": [\"*\"]}},\n"
    "             {\"id\": \"contact\", \"title\": \"联系方式\", \"detect\": {\"lex\": [\"contact\"]}}]},\n"
    "  \"forbidden\": {\"title\": \"禁用语\", \"phrases\": [\"无可奉告\"], \"lex\": [\"blame\"], \"per_hit\": 2, \"points\": 6}},\n"
    " \"accuracy\": {\n"
    "  \"unverified\": {\"title\": \"只发布已核实事实\", \"points\": 10, \"per\": 5, \"weights\": {\"release\": 1}},\n"
    "  \"wrong\": {\"title\": \"数字准确\", \"points\": 10, \"per\": 5},\n"
    "  \"false\": {\"title\": \"不说假话\", \"points\": 10, \"per\": 5},\n"
    "  \"rumour_spread\": {\"title\": \"不复述谣言\", \"points\": 6, \"per\": 3},\n"
    "  \"contradiction\": {\"title\": \"口径一致\", \"points\": 6, \"per\": 3},\n"
    "  \"rebuttal\": {\"title\": \"用事实辟谣\", \"points\": 10, \"partial\": 0.4, \"weights\": {\"rumour\": 1}}},\n"
    " \"outcome\": [\n"
    "  {\"id\": \"peak\", \"title\": \"峰值\", \"metric\": \"peak_posts_per_hour\", \"better\": \"lower\", \"full_at\": 0.5,"
    "   \"points\": 10},\n"
    "  {\"id\": \"trust\", \"title\": \"公信力\", \"metric\": \"final_trust\", \"better\": \"higher\", \"best\": 100,"
    "   \"full_at\": 0.5, \"points\": 10},\n"
    "  {\"id\": \"trust_time\", \"title\": \"全程公信力\", \"metric\": \"mean_trust\", \"better\": \"higher\","
    "   \"best\": 100, \"full_at\": 0.5, \"points\": 10}]}\n";

enum { F_INJURED, F_PLACE, F_TIME, F_ALIVE, F_CAUSE, F_COUNT };

typedef struct sf_fixture {
    sim_scenario scn;
    sim_lexicon lex;
    sim_world w;
    sim_action log[32];
    sim_reading read_store[32];   /* each action's reading, as the world takes it when applied */
    sim_reading *readings[32];
    sim_event events[16];
    sim_rumour_state rumours[1];
    sim_sample samples[256];
    float reach_hist[256];
    score_plan *plan;
    score_texts *texts;
    score_card card;
} sf_fixture;

static inline char *sf_dup(const char *s)
{
    return s ? strdup(s) : NULL;
}

static inline void sf_list(sim_strlist *l, const char *a, const char *b)
{
    l->count = b ? 2 : 1;
    l->items = calloc((size_t)l->count, sizeof(char *));
    l->items[0] = sf_dup(a);
    if (b)
        l->items[1] = sf_dup(b);
}

static inline void sf_fact(sim_fact *f, const char *id, const char *text, const char *kind, sim_time verified_at,
                    const char *synonym)
{
    f->id = sf_dup(id);
    f->text.zh = sf_dup(text);
    f->kind = sf_dup(kind);
    f->verified_at = verified_at;
    if (synonym)
        sf_list(&f->synonyms, synonym, NULL);
}

/* Lexicon words live in static storage: the fixture never frees them. */
static char *lex_officialese[] = {"根据有关文件精神"};
static char *lex_apology[] = {"道歉"};
static char *lex_empathy[] = {"理解", "关切"};
static char *lex_thanks[] = {"感谢"};
static char *lex_contact[] = {"热线", "联系电话"};
static char *lex_next[] = {"后续"};
static char *lex_blame[] = {"临时工"};
static char *lex_measure[] = {"已成立", "正在"};
static char *lex_negation[] = {"不", "没有", "未", "无", "并未", "并非"};
static char *lex_report[] = {"网传", "消息", "说法"};
static char *lex_denial[] = {"不实", "谣言", "纯属谣言"};
static char *lex_confirm[] = {"属实"};
static char *lex_hedge[] = {"正在核实"};
static char *lex_correction[] = {"更正", "有误"};

static inline void sf_init(sf_fixture *fx)
{
    memset(fx, 0, sizeof *fx);
    sim_scenario *s = &fx->scn;
    sim_scenario_init(s);
    s->id = sf_dup("score_fixture");
    s->title.zh = sf_dup("评分测试");
    s->place.zh = sf_dup("东湖公园");
    s->duration = MIN(240);
    s->n_platforms = 1;
    s->platforms = calloc(1, sizeof *s->platforms);
    s->platforms[0].id = sf_dup("weibo");
    s->platforms[0].name.zh = sf_dup("微博");
    s->platforms[0].share = 1;
    s->n_facts = F_COUNT;
    s->facts = calloc(F_COUNT, sizeof *s->facts);
    sf_fact(&s->facts[F_INJURED], "f_injured", "3人受伤", "number", MIN(60), "受伤");
    s->facts[F_INJURED].has_value = 1;
    s->facts[F_INJURED].value = 3;
    s->facts[F_INJURED].unit = sf_dup("人");
    sf_fact(&s->facts[F_PLACE], "f_place", "人民路", "place", 0, NULL);
    sf_fact(&s->facts[F_TIME], "f_time", "上午十时", "time", 0, NULL);
    sf_fact(&s->facts[F_ALIVE], "f_alive", "无人死亡", "other", MIN(30), NULL);
    sf_fact(&s->facts[F_CAUSE], "f_cause", "起因是占道经营纠纷", "cause", SIM_NEVER, "占道经营");
    s->n_rumours = 1;
    s->rumours = calloc(1, sizeof *s->rumours);
    s->rumours[0].id = sf_dup("r_death");
    s->rumours[0].claim.zh = sf_dup("有人被打死");
    s->rumours[0].platform = sf_dup("weibo");
    s->rumours[0].start = SIM_NEVER;
    s->rumours[0].rebutted_by = sf_dup("f_alive");
    sf_list(&s->rumours[0].synonyms, "有人死亡", "打死");

    static const struct { int kind; char **words; int n; } lists[] = {
        {SIM_LEX_OFFICIALESE, lex_officialese, 1}, {SIM_LEX_APOLOGY, lex_apology, 1},
        {SIM_LEX_EMPATHY, lex_empathy, 2}, {SIM_LEX_THANKS, lex_thanks, 1}, {SIM_LEX_CONTACT, lex_contact, 2},
        {SIM_LEX_NEXT_UPDATE, lex_next, 1}, {SIM_LEX_BLAME, lex_blame, 1}, {SIM_LEX_MEASURE, lex_measure, 2},
        {SIM_LEX_NEGATION, lex_negation, 6}, {SIM_LEX_REPORT, lex_report, 3}, {SIM_LEX_DENIAL, lex_denial, 3},
        {SIM_LEX_CONFIRM, lex_confirm, 1}, {SIM_LEX_HEDGE, lex_hedge, 1}, {SIM_LEX_CORRECTION, lex_correction, 2},
    };
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
        fx->lex.words[lists[i].kind].items = lists[i].words;
        fx->lex.words[lists[i].kind].count = lists[i].n;
    }

    sim_world *w = &fx->w;
    w->scn = s;
    w->lex = &fx->lex;
    w->ending = -1;
    w->first_statement = SIM_NEVER;
    w->log = fx->log;
    w->events = fx->events;
    w->rumours = fx->rumours;
    w->rumours[0].started_at = SIM_NEVER;
    w->rumours[0].rebutted_at = SIM_NEVER;
    w->samples = fx->samples;
    w->now = MIN(240);
    w->m.trust = s->params.trust0;

    char err[512] = "";
    if (score_plan_parse(sf_plan_json, "test.json", &fx->plan, err, sizeof err))
        fprintf(stderr, "fixture plan: %s\n", err);
    if (score_texts_load(YQ_SOURCE_DIR "/assets/score", &fx->texts, err, sizeof err))
        fprintf(stderr, "score texts: %s\n", err);
}

static inline void sf_free(sf_fixture *fx)
{
    score_card_free(&fx->card);
    score_plan_free(fx->plan);
    score_texts_free(fx->texts);
    sim_scenario_free(&fx->scn);
}

/* Give the scenario one declared false claim (and no other); NULL when out of memory. */
static inline sim_claim_def *sf_claim(sf_fixture *fx, const char *id, const char *zh, const char *en)
{
    sim_claim_def *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->id = sf_dup(id);
    c->text.zh = sf_dup(zh);
    c->text.en = en ? sf_dup(en) : NULL;
    c->verified_at = SIM_NEVER;
    fx->scn.claims = c;
    fx->scn.n_claims = 1;
    return c;
}

/* Append an applied action (strings are borrowed, not copied). Returns its log index. */
static inline int sf_act(sf_fixture *fx, double minutes, sim_action_type type, sim_role role, const char *target,
                  const char *text)
{
    int i = fx->w.n_log++;
    fx->log[i] = (sim_action){.t = (sim_time)(minutes * 60), .type = type, .role = role,
                              .level = type == SIM_ACT_ASSESS ? 1 : SIM_LEVEL_NONE, .target = (char *)target,
                              .channel = type == SIM_ACT_STATEMENT ? (char *)"weibo" : NULL, .text = (char *)text};
    return i;
}

static inline void sf_event(sf_fixture *fx, double minutes, sim_event_type type, int ref)
{
    fx->events[fx->w.n_events++] = (sim_event){(sim_time)(minutes * 60), type, ref, 0, NULL, NULL};
}

/* Declare a press question (strings copied): expected facts and trap facts by id (NULL for none), asked
 * from `at` minutes (negative: only at a press conference). Returns its index. */
static inline int sf_question(sf_fixture *fx, const char *id, const char *text, const char *followup,
                              const char *expect1, const char *expect2, const char *trap1, const char *trap2,
                              double at)
{
    sim_scenario *s = &fx->scn;
    sim_question *qs = realloc(s->questions, (size_t)(s->n_questions + 1) * sizeof *qs);
    if (!qs)
        return -1;
    s->questions = qs;
    sim_question *q = &qs[s->n_questions];
    memset(q, 0, sizeof *q);
    q->id = sf_dup(id);
    q->text.zh = sf_dup(text);
    q->followup.zh = sf_dup(followup);
    if (expect1)
        sf_list(&q->expects, expect1, expect2);
    if (trap1)
        sf_list(&q->traps, trap1, trap2);
    q->at = at < 0 ? SIM_NEVER : MIN(at);
    return s->n_questions++;
}

/* The rumour starts at `start` minutes; its reach is `low` until `cross` minutes, then `high`. */
static inline void sf_rumour(sf_fixture *fx, double start, double cross, float low, float high)
{
    fx->rumours[0].started = 1;
    fx->rumours[0].active = 1;
    fx->rumours[0].started_at = (sim_time)(start * 60);
    fx->rumours[0].reach = high;
    sf_event(fx, start, SIM_EV_RUMOUR_START, 0);
    for (int m = 0; m <= 240 && fx->w.n_samples < 256; m++) {
        sim_sample *s = &fx->samples[fx->w.n_samples++];
        memset(s, 0, sizeof *s);
        s->t = MIN(m);
        s->trust = (float)fx->scn.params.trust0;
        s->rumour_reach = m < start ? 0.0f : (m < cross ? low : high);
        fx->reach_hist[fx->w.n_samples - 1] = s->rumour_reach;
    }
    fx->w.reach_hist = fx->reach_hist;
}

/* Re-parse plan `base` with up to two substitutions (from2 NULL for one) as the fixture's plan. */
static inline void sf_swap_plan_of(sf_fixture *fx, const char *base, const char *from, const char *to,
                                   const char *from2, const char *to2)
{
    char buf[16384], *at;
    snprintf(buf, sizeof buf, "%s", base);
    const char *pairs[2][2] = {{from, to}, {from2, to2}};
    for (int i = 0; i < 2 && pairs[i][0]; i++) {
        CHECK((at = strstr(buf, pairs[i][0])) != NULL);
        if (!at)
            return;
        char rest[16384];
        snprintf(rest, sizeof rest, "%s", at + strlen(pairs[i][0]));
        snprintf(at, sizeof buf - (size_t)(at - buf), "%s%s", pairs[i][1], rest);
    }
    char err[512] = "";
    score_plan_free(fx->plan);
    fx->plan = NULL;
    CHECK_MSG(score_plan_parse(buf, "test.json", &fx->plan, err, sizeof err) == 0, "%s", err);
}

/* The fixture plan with up to two substitutions. */
static inline void sf_swap_plan(sf_fixture *fx, const char *from, const char *to, const char *from2, const char *to2)
{
    sf_swap_plan_of(fx, sf_plan_json, from, to, from2, to2);
}

static inline int sf_grade(sf_fixture *fx, const sim_world *baseline)
{
    char err[256] = "";
    score_card_free(&fx->card);
    fx->w.readings = fx->readings;
    sim_time verified[32];   /* a drill may add facts to the fixture's F_COUNT */
    int nf = fx->scn.n_facts < 32 ? fx->scn.n_facts : 32;
    for (int f = 0; f < nf; f++)
        verified[f] = fx->scn.facts[f].verified_at;
    for (int e = 0; e < fx->w.n_events; e++) {
        const sim_event *ev = &fx->w.events[e];
        if (ev->type == SIM_EV_FACT_VERIFIED && ev->ref >= 0 && ev->ref < nf &&
            (verified[ev->ref] == SIM_NEVER || ev->t < verified[ev->ref]))
            verified[ev->ref] = ev->t;
    }
    for (int i = 0; i < fx->w.n_log; i++) {
        sim_truth truth = {verified, fx->log[i].t};
        fx->readings[i] = fx->log[i].text && sim_read(fx->log[i].text, &fx->scn, &fx->lex, &truth, &fx->read_store[i]) == 0
                              ? &fx->read_store[i]
                              : NULL;
    }
    int rc = score_grade(fx->plan, &fx->w, baseline, &fx->card, err, sizeof err);
    if (!rc)
        rc = score_card_explain(&fx->card, fx->texts, err, sizeof err);
    if (rc)
        fprintf(stderr, "grade: %s\n", err);
    return rc;
}

static inline const score_line *sf_line(const sf_fixture *fx, const char *id)
{
    for (int i = 0; i < fx->card.n_lines; i++)
        if (strcmp(fx->card.lines[i].id, id) == 0)
            return &fx->card.lines[i];
    fprintf(stderr, "no line %s\n", id);
    return NULL;
}

/* Points of a line, or -1000 when the line is missing (so a CHECK_NEAR fails loudly). */
static inline double sf_points(const sf_fixture *fx, const char *id)
{
    const score_line *l = sf_line(fx, id);
    return l ? l->points : -1000.0;
}

static inline double sf_max(const sf_fixture *fx, const char *id)
{
    const score_line *l = sf_line(fx, id);
    return l ? l->max : -1000.0;
}

/* Whether any evidence of the line, from action `action`, has a quote containing `text`. */
static inline int sf_quoted(const sf_fixture *fx, const char *id, int action, const char *text)
{
    const score_line *l = sf_line(fx, id);
    for (int i = 0; l && i < l->n_ev; i++)
        if (l->ev[i].action == action && strstr(l->ev[i].quote, text))
            return 1;
    return 0;
}

#endif
