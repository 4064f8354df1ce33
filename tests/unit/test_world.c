/* test_world.c — the core loop: clock, action queue order and validation, timed content, the
 * event stream, and determinism of the whole-state hash across runs and across a split run. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "world_fixture.h"

static uint64_t run(const sim_scenario *s, uint64_t seed, int with_actions, sim_time split)
{
    char err[256];
    sim_world *w = sim_world_new(s, NULL, seed, NULL, err, sizeof err);
    if (!w)
        return 0;
    sim_action acts[] = {
        fx_action(300, SIM_ACT_REPORT, NULL, NULL, "东风路发生执法冲突视频"),
        fx_action(1900, SIM_ACT_STATEMENT, NULL, "weibo", "经核实，2人受轻伤，已送医。"),
        fx_action(3100, SIM_ACT_REBUT, "r_death", NULL, "摊主生命体征平稳，网传不实。"),
        fx_action(3200, SIM_ACT_OFFLINE, "apology", NULL, NULL),
    };
    int n = with_actions ? 4 : 0, next = 0;
    while (!sim_is_over(w)) {
        /* Actions are submitted as the clock reaches them, as the runner does. */
        while (next < n && acts[next].t < w->now + SIM_TICK_S)
            sim_submit(w, &acts[next++], err, sizeof err);
        if (split && w->now == split) {
            uint64_t h = sim_hash(w);
            sim_world_free(w);
            return h;
        }
        sim_step(w);
    }
    uint64_t h = sim_hash(w);
    sim_world_free(w);
    return h;
}

/* Trust at 40 minutes after one statement at 1900 s and then `second` (NULL: none) `copies` times. */
/* A template gated on a statement is never posted before one; after one it may be. */
static void test_after_statement(sim_scenario *s)
{
    char err[256];
    for (int i = 0; i < s->n_templates; i++)
        s->templates[i].after = strdup("statement");
    sim_world *w = sim_world_new(s, NULL, 1, NULL, err, sizeof err);
    CHECK(w != NULL);
    CHECK(sim_run_until(w, 1800) == 0);
    CHECK(w->m.posts_total > 0 && w->n_posts == 0);
    sim_action say = fx_action(1900, SIM_ACT_STATEMENT, NULL, "weibo", "我们已注意到此事，正在核实。");
    CHECK(sim_submit(w, &say, err, sizeof err) == 0);
    CHECK(sim_run_until(w, 3600) == 0);
    CHECK(w->n_posts > 0 && sim_feed_post(w, (uint32_t)w->n_posts - 1)->t >= 1900);
    sim_world_free(w);
    for (int i = 0; i < s->n_templates; i++) {
        free(s->templates[i].after);
        s->templates[i].after = NULL;
    }
}

static double trust_after(const sim_scenario *s, const char *second, int copies)
{
    char err[256];
    sim_world *w = sim_world_new(s, NULL, 1, NULL, err, sizeof err);
    if (!w)
        return -1;
    sim_action first = fx_action(1900, SIM_ACT_STATEMENT, NULL, "weibo", "经核实，2人受轻伤，已送医。");
    int ok = sim_submit(w, &first, err, sizeof err) == 0;
    for (int i = 0; second && i < copies; i++) {
        sim_action a = fx_action(1901 + i, i % 2 ? SIM_ACT_REPLY : SIM_ACT_STATEMENT, NULL, "weibo", second);
        ok &= sim_submit(w, &a, err, sizeof err) == 0;
    }
    ok &= sim_run_until(w, 2400) == 0;
    double trust = ok ? w->m.trust : -1;
    sim_world_free(w);
    return trust;
}

/* A flood of copies (spacing and punctuation aside) changes nothing for the better; a new text does. */
static void test_copies(const sim_scenario *s)
{
    double once = trust_after(s, NULL, 0);
    CHECK(once > 0);
    CHECK_NEAR(trust_after(s, "经核实，2人受轻伤，已送医。", 20), once, 1e-12);
    CHECK_NEAR(trust_after(s, "经核实 2人受轻伤 已送医", 20), once, 1e-12);
    CHECK(trust_after(s, "2人受轻伤，摊主生命体征平稳。", 1) != once);
}

/* Trust a tick after one answer to q_injured at `t`, with a lexicon that knows 正在核实 as a hedge;
 * -1 when the answer drew no follow-up. */
static double trust_after_answer(const sim_scenario *s, sim_time t, const char *text)
{
    static char *hedge[] = {"正在核实"};
    sim_lexicon lx = {0};
    lx.words[SIM_LEX_HEDGE] = (sim_strlist){.items = hedge, .count = 1};
    char err[256];
    sim_world *w = sim_world_new(s, &lx, 1, NULL, err, sizeof err);
    if (!w)
        return -1;
    sim_action a = fx_action(t, SIM_ACT_ANSWER, "q_injured", NULL, text);
    int ok = sim_submit(w, &a, err, sizeof err) == 0 && sim_run_until(w, t + 2 * SIM_TICK_S) == 0;
    int followed = 0;
    for (int i = 0; i < w->n_events; i++)
        followed |= w->events[i].type == SIM_EV_FOLLOWUP;
    double trust = ok && followed ? w->m.trust : -1;
    sim_world_free(w);
    return trust;
}

/* Before the injured count is verified (1800 s), saying it is being checked draws the follow-up but
 * costs less trust than a dodge; afterwards, holding back what is known costs what a dodge costs. */
static void test_holding_answer(const sim_scenario *s)
{
    const char *dodge = "感谢关注，我们会尽快回应。", *hold = "受伤人数正在核实，核实后公布。";
    double dodge_early = trust_after_answer(s, 900, dodge), hold_early = trust_after_answer(s, 900, hold);
    double dodge_late = trust_after_answer(s, 2400, dodge), hold_late = trust_after_answer(s, 2400, hold);
    CHECK(dodge_early > 0 && hold_early > 0 && dodge_late > 0 && hold_late > 0);
    CHECK(hold_early > dodge_early + 1.5);
    CHECK(fabs(hold_late - dodge_late) < 0.5);
}

/* Complaints at the drill's end with the hotline opened at 600 s, staffed by logistics at 900 s or not;
 * with `what` another logistics item the world is unchanged. */
static double complaints_with(const sim_scenario *s, const char *what)
{
    char err[256];
    sim_world *w = sim_world_new(s, NULL, 1, NULL, err, sizeof err);
    if (!w)
        return -1;
    sim_action open = fx_action(600, SIM_ACT_OFFLINE, "hotline", NULL, NULL);
    int ok = sim_submit(w, &open, err, sizeof err) == 0;
    if (what) {
        sim_action staff = fx_action(900, SIM_ACT_LOGISTICS, what, NULL, "安排6名工作人员轮班值守热线");
        ok &= sim_submit(w, &staff, err, sizeof err) == 0;
    }
    ok &= sim_run_until(w, s->duration) == 0;
    double c = ok ? w->m.complaints : -1;
    sim_world_free(w);
    return c;
}

/* Hotline staff (logistics) leave 0.8 of the complaints after they start; a venue changes no figure;
 * an unknown logistics item is refused. */
/* The world after an instructor's post `text` on `channel` at 600 s (NULL text: no post), run to `until`. */
static sim_world *after_post(const sim_scenario *s, const char *text, const char *channel, sim_time until)
{
    char err[256];
    sim_world *w = sim_world_new(s, NULL, 1, NULL, err, sizeof err);
    if (!w)
        return NULL;
    sim_action a = fx_action(600, SIM_ACT_POST, NULL, channel, text);
    if ((text && sim_submit(w, &a, err, sizeof err)) || sim_run_until(w, until)) {
        sim_world_free(w);
        return NULL;
    }
    return w;
}

/* The instructor's own post enters the feed with its words as typed, on its platform, adds heat, and a
 * rumour it repeats starts before its scheduled time (1200 s); a post about something else starts none. */
static void test_instructor_post(const sim_scenario *s)
{
    sim_world *none = after_post(s, NULL, NULL, 900);
    sim_world *rumour = after_post(s, "听说摊主被打死了，太惨了", "wechat", 900);
    sim_world *other = after_post(s, "东风路今天堵得厉害", NULL, 900);
    CHECK(none && rumour && other);
    if (!none || !rumour || !other)
        return;
    const sim_post *p = NULL;
    for (uint32_t i = 0; i < rumour->n_posts && !p; i++)
        if (sim_feed_post(rumour, i)->action >= 0)
            p = sim_feed_post(rumour, i);
    char text[512];
    CHECK(p && p->t == 600 && p->tmpl == -1 && p->rumour == 0 && p->platform == sim_scenario_platform(s, "wechat"));
    CHECK(p && strcmp(sim_post_text(rumour, p, "en", text, sizeof text), "听说摊主被打死了，太惨了") == 0);
    CHECK(rumour->rumours[0].started && rumour->rumours[0].started_at == 600);
    CHECK(!none->rumours[0].started && !other->rumours[0].started);
    CHECK(other->m.posts_total > none->m.posts_total);
    CHECK(sim_hash(rumour) != sim_hash(none));
    sim_world *again = after_post(s, "听说摊主被打死了，太惨了", "wechat", 900);
    CHECK(again && sim_hash(again) == sim_hash(rumour));
    sim_world_free(again);
    char err[256];
    sim_action bad = fx_action(700, SIM_ACT_POST, NULL, "tiktok", "x");
    CHECK(sim_submit(none, &bad, err, sizeof err) == -1 && strstr(err, "unknown channel"));
    bad = fx_action(700, SIM_ACT_POST, NULL, NULL, NULL);
    CHECK(sim_submit(none, &bad, err, sizeof err) == -1 && strstr(err, "text is required"));
    sim_world_free(none);
    sim_world_free(rumour);
    sim_world_free(other);
}

static void test_logistics(const sim_scenario *s)
{
    double open = complaints_with(s, NULL), staffed = complaints_with(s, "hotline");
    CHECK(open > 0 && staffed > 0);
    CHECK(staffed < open && staffed > 0.8 * open - 1e-9);
    CHECK_NEAR(complaints_with(s, "venue"), open, 1e-12);
    char err[256] = "";
    sim_world *w = sim_world_new(s, NULL, 1, NULL, err, sizeof err);
    sim_action bad = fx_action(60, SIM_ACT_LOGISTICS, "stage", NULL, NULL);
    CHECK(w && sim_submit(w, &bad, err, sizeof err) != 0 && strstr(err, "unknown logistics item"));
    sim_world_free(w);
}

int main(void)
{
    sim_scenario s;
    fx_scenario(&s);
    char err[256];

    /* Determinism: same seed and actions → same hash; another seed or no actions → different. */
    uint64_t a = run(&s, 1, 1, 0), b = run(&s, 1, 1, 0);
    CHECK(a != 0 && a == b);
    CHECK(run(&s, 2, 1, 0) != a);
    CHECK(run(&s, 1, 0, 0) != a);
    CHECK(run(&s, 1, 1, 1800) == run(&s, 1, 1, 1800));
    test_copies(&s);
    test_holding_answer(&s);
    test_logistics(&s);
    test_instructor_post(&s);
    test_after_statement(&s);

    sim_world *w = sim_world_new(&s, NULL, 1, NULL, err, sizeof err);
    CHECK(w != NULL);
    CHECK(w->now == 0);

    /* Validation: unknown rumour, missing text, unknown channel. */
    sim_action bad = fx_action(100, SIM_ACT_REBUT, "r_nope", NULL, "不实");
    CHECK(sim_submit(w, &bad, err, sizeof err) == -1 && strstr(err, "unknown rumour"));
    bad = fx_action(100, SIM_ACT_STATEMENT, NULL, "weibo", NULL);
    CHECK(sim_submit(w, &bad, err, sizeof err) == -1 && strstr(err, "text is required"));
    bad = fx_action(100, SIM_ACT_STATEMENT, NULL, "tiktok", "x");
    CHECK(sim_submit(w, &bad, err, sizeof err) == -1 && strstr(err, "unknown channel"));

    /* Queue order: submitted out of order, applied in time order. */
    sim_action late = fx_action(120, SIM_ACT_MONITOR, NULL, NULL, "second");
    sim_action early = fx_action(50, SIM_ACT_MONITOR, NULL, NULL, "first");
    CHECK(sim_submit(w, &late, err, sizeof err) == 0);
    CHECK(sim_submit(w, &early, err, sizeof err) == 0);
    CHECK(sim_run_until(w, 200) == 0);
    CHECK(w->n_log == 2 && strcmp(w->log[0].text, "first") == 0 && strcmp(w->log[1].text, "second") == 0);
    CHECK(w->now == 200);

    /* An action in the past is refused. */
    sim_action past = fx_action(100, SIM_ACT_MONITOR, NULL, NULL, "too late");
    CHECK(sim_submit(w, &past, err, sizeof err) == -1 && strstr(err, "past"));

    /* Timed content: the inject at 600 s, the fact verified at 1800 s, the rumour at 1200 s. */
    CHECK(sim_run_until(w, 1790) == 0);
    CHECK(w->inject_fired[0] == 1);
    CHECK(!sim_fact_is_verified(w, 0));
    CHECK(w->rumours[0].started && w->rumours[0].heard >= 1);
    CHECK(sim_run_until(w, 1810) == 0);
    CHECK(sim_fact_is_verified(w, 0));
    int saw_fact = 0, saw_inject = 0;
    for (int i = 0; i < w->n_events; i++) {
        saw_fact |= w->events[i].type == SIM_EV_FACT_VERIFIED && w->events[i].t == 1800;
        saw_inject |= w->events[i].type == SIM_EV_INJECT && w->events[i].t == 600;
    }
    CHECK(saw_fact && saw_inject);
    CHECK(w->m.posts_total > 0 && w->m.reads_total > 0);
    CHECK(w->n_samples >= 30);
    CHECK(w->n_posts > 0);
    char text[256];
    const sim_post *p = sim_feed_post(w, 0);
    CHECK(p && strlen(sim_post_text(w, p, "zh", text, sizeof text)) > 0 && !strchr(text, '{'));

    /* Silence past the deadline (3600 s) is an event and costs trust. */
    double trust = w->m.trust;
    CHECK(sim_run_until(w, 3700) == 0);
    CHECK(w->silence_fired && w->m.trust < trust);

    /* Trigger effects. */
    CHECK(sim_reach_ending(w, 0) == 0 && sim_is_over(w) && w->ending == 0);
    CHECK(sim_fire_inject(w, 5) == -1);
    sim_world_free(w);

    /* Bad parameters are refused with a message. */
    s.params.heat_branching = 1.2;
    CHECK(sim_world_new(&s, NULL, 1, NULL, err, sizeof err) == NULL && strstr(err, "heat_branching"));
    sim_scenario_free(&s);
    return CHECK_DONE();
}
