/* world_fixture.h — a small scenario built in C (no Lua), so the core's tests need nothing but
 * engine/sim: two platforms, three facts, an inject, a rumour, a question, templates, an ending. */
#ifndef YQ_TEST_WORLD_FIXTURE_H
#define YQ_TEST_WORLD_FIXTURE_H

#include <stdlib.h>
#include <string.h>

#include "sim/world.h"

static char *fx_dup(const char *s) { return s ? strdup(s) : NULL; }

static void fx_scenario(sim_scenario *s)
{
    sim_scenario_init(s);
    s->id = fx_dup("fixture");
    s->title.zh = fx_dup("测试场景");
    s->place.zh = fx_dup("东风路");
    s->official.zh = fx_dup("区城管局");
    s->duration = 3 * 3600;
    s->time_scale = 4.0;
    s->params.population = 5000;
    s->params.leaders = 10;
    s->params.media = 5;
    s->params.silence_deadline = 3600;
    s->n_platforms = 2;
    s->platforms = calloc(2, sizeof *s->platforms);
    s->platforms[0] = (sim_platform){fx_dup("weibo"), {fx_dup("微博"), NULL}, 0.6, 1};
    s->platforms[1] = (sim_platform){fx_dup("wechat"), {fx_dup("微信群"), NULL}, 0.4, 2};
    s->n_facts = 3;
    s->facts = calloc(3, sizeof *s->facts);
    s->facts[0] = (sim_fact){.id = fx_dup("f_injured"), .text = {fx_dup("2人受轻伤"), NULL}, .has_value = 1, .value = 2,
                             .unit = fx_dup("人"), .kind = fx_dup("number"), .verified_at = 1800, .line = 3};
    s->facts[0].synonyms.count = 1;
    s->facts[0].synonyms.items = calloc(1, sizeof(char *));
    s->facts[0].synonyms.items[0] = fx_dup("受伤");
    s->facts[1] = (sim_fact){.id = fx_dup("f_alive"), .text = {fx_dup("摊主生命体征平稳"), NULL}, .kind = fx_dup("other"),
                             .verified_at = 3000, .line = 4};
    s->facts[2] = (sim_fact){.id = fx_dup("f_cause"), .text = {fx_dup("起因是占道经营纠纷"), NULL}, .kind = fx_dup("cause"),
                             .verified_at = SIM_NEVER, .line = 5};
    s->n_injects = 1;
    s->injects = calloc(1, sizeof *s->injects);
    s->injects[0] = (sim_inject){.id = fx_dup("i_video"), .kind = fx_dup("video"), .text = {fx_dup("视频在微博传播"), NULL},
                                 .at = 600, .heat = 200, .crowd = 30, .line = 6};
    s->n_rumours = 1;
    s->rumours = calloc(1, sizeof *s->rumours);
    s->rumours[0] = (sim_rumour){.id = fx_dup("r_death"), .claim = {fx_dup("摊主被打死了"), NULL}, .platform = fx_dup("wechat"),
                                 .start = 1200, .spread = 3.0, .stifle = 0.3, .believe = 0.5, .seeds = 5,
                                 .rebutted_by = fx_dup("f_alive"), .line = 7};
    s->n_questions = 1;
    s->questions = calloc(1, sizeof *s->questions);
    s->questions[0] = (sim_question){.id = fx_dup("q_injured"), .text = {fx_dup("有多少人受伤？"), NULL},
                                     .followup = {fx_dup("请正面回答"), NULL}, .at = 2400, .line = 8};
    s->questions[0].expects.count = 1;
    s->questions[0].expects.items = calloc(1, sizeof(char *));
    s->questions[0].expects.items[0] = fx_dup("f_injured");
    s->n_templates = 3;
    s->templates = calloc(3, sizeof *s->templates);
    s->templates[0] = (sim_template){fx_dup("*"), fx_dup("angry"), {fx_dup("{place}这事太过分了"), NULL}, 9, NULL};
    s->templates[1] = (sim_template){fx_dup("*"), fx_dup("rumour"), {fx_dup("听说{rumour}"), NULL}, 10, NULL};
    s->templates[2] = (sim_template){fx_dup("*"), fx_dup("neutral"), {fx_dup("{official}回应了吗"), NULL}, 11, NULL};
    s->n_endings = 1;
    s->endings = calloc(1, sizeof *s->endings);
    s->endings[0] = (sim_ending){fx_dup("calm"), {fx_dup("事态平息"), NULL}, 12};
}

static sim_action fx_action(sim_time t, sim_action_type type, const char *target, const char *channel, const char *text)
{
    sim_action a = {.t = t, .type = type, .role = SIM_ROLE_SPOKESPERSON, .level = SIM_LEVEL_NONE,
                    .target = (char *)target, .channel = (char *)channel, .text = (char *)text};
    return a;
}

#endif
