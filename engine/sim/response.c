/* response.c — how the world reacts to the trainee: public texts are read against the truth as it
 * stands at that moment (verified facts damp heat and build trust; guesses, wrong numbers,
 * contradictions, officialese and blame fuel it), and each other action has its own effect. */
#include "world_internal.h"

#include <math.h>

/* Effects of one public text, documented in scenarios/README.md ("How the world reacts"). */
#define TRUST_FIRST_ON_TIME 6.0
#define TRUST_FIRST_LATE 2.0
#define TRUST_PER_FACT 1.5
#define TRUST_UNVERIFIED (-4.0)
#define TRUST_WRONG (-8.0)
#define TRUST_CONTRADICTION (-8.0)
#define TRUST_OFFICIALESE (-5.0)
#define TRUST_BLAME (-6.0)
#define TRUST_CARE 2.0
#define DAMP_GOOD 0.8
#define DAMP_FLOOR 0.25
#define FUEL_UNVERIFIED 0.15
#define FUEL_WRONG 0.3
#define FUEL_CONTRADICTION 0.3
#define FUEL_OFFICIALESE 0.2
#define FUEL_BLAME 0.3
#define VERIFY_LEAD_S (30 * 60)
#define VERIFY_MIN_S (15 * 60)

typedef struct text_effect {
    int good, unverified, wrong, contradiction;
    int officialese, blame, care;
} text_effect;

static text_effect read_text(sim_world *w, const char *text, sim_analysis *an)
{
    text_effect e = {0};
    if (sim_text_analyse(text, w->scn, w->lex, an) != 0)
        return e;
    for (int i = 0; i < an->n_facts; i++) {
        const sim_fact_hit *h = &an->facts[i];
        const sim_fact *f = &w->scn->facts[h->fact];
        if (h->use == SIM_FACT_WRONG)
            e.wrong++;
        else if (sim_fact_is_verified(w, h->fact))
            e.good++;
        else
            e.unverified++;
        w->stated_facts[h->fact]++;
        if (f->has_value) {
            double stated = h->use == SIM_FACT_WRONG ? h->stated : f->value;
            if (!isnan(w->stated_values[h->fact]) && w->stated_values[h->fact] != stated)
                e.contradiction++;
            w->stated_values[h->fact] = stated;
        }
    }
    e.officialese = an->lex_hits[SIM_LEX_OFFICIALESE] > 0;
    e.blame = an->lex_hits[SIM_LEX_BLAME] > 0;
    e.care = an->lex_hits[SIM_LEX_APOLOGY] > 0 || an->lex_hits[SIM_LEX_EMPATHY] > 0;
    return e;
}

static void public_text(sim_world *w, const char *text, text_effect *out, sim_analysis *an)
{
    text_effect e = read_text(w, text, an);
    double base = w->scn->params.heat_base;
    double dtrust = TRUST_PER_FACT * (e.good < 4 ? e.good : 4) + TRUST_UNVERIFIED * e.unverified +
                    TRUST_WRONG * e.wrong + TRUST_CONTRADICTION * e.contradiction +
                    TRUST_OFFICIALESE * e.officialese + TRUST_BLAME * e.blame + TRUST_CARE * e.care;
    if (w->first_statement == SIM_NEVER) {
        w->first_statement = w->now;
        dtrust += w->now <= w->scn->params.silence_deadline ? TRUST_FIRST_ON_TIME : TRUST_FIRST_LATE;
    }
    sim_trust_change(w, dtrust);
    if (e.good > 0 && e.wrong == 0 && e.contradiction == 0 && !e.officialese && !e.blame)
        w->damping = sim_clamp(w->damping * DAMP_GOOD, DAMP_FLOOR, 1.0);
    w->fuel += base * (FUEL_UNVERIFIED * e.unverified + FUEL_WRONG * e.wrong +
                       FUEL_CONTRADICTION * e.contradiction + FUEL_OFFICIALESE * e.officialese +
                       FUEL_BLAME * e.blame);
    if (out)
        *out = e;
}

static int cites_verified(const sim_world *w, const sim_analysis *an, int fact)
{
    for (int i = 0; i < an->n_facts; i++)
        if (an->facts[i].fact == fact && an->facts[i].use == SIM_FACT_CITED && sim_fact_is_verified(w, fact))
            return 1;
    return 0;
}

/* Rebuttal strength 0..0.95: citing the verified rebutting fact, trust, speed and leaders' reach. */
static double rebuttal_strength(const sim_world *w, int r, const sim_analysis *an)
{
    const sim_rumour_state *rs = &w->rumours[r];
    int fact = sim_scenario_fact(w->scn, w->scn->rumours[r].rebutted_by);
    double s = 0.35 + (fact >= 0 && cites_verified(w, an, fact) ? 0.35 : 0.0);
    s *= 0.5 + w->m.trust / 100.0;
    if (rs->started) {
        double hours = (double)(w->now - rs->started_at) / 3600.0;
        s /= 1.0 + hours / 6.0;
    }
    if (w->leaders_engaged)
        s *= 1.3;
    return sim_clamp(s, 0.0, 0.95);
}

static void answer(sim_world *w, const sim_action *a, const sim_analysis *an)
{
    int q = sim_scenario_question(w->scn, a->target);
    const sim_question *def = &w->scn->questions[q];
    int covered = 0;
    for (int i = 0; i < def->expects.count; i++)
        covered |= cites_verified(w, an, sim_scenario_fact(w->scn, def->expects.items[i]));
    if (!covered && def->expects.count > 0 && w->question_state[q] != 3) {
        w->question_state[q] = 3;
        sim_trust_change(w, -2.0);
        sim_event_push(w, SIM_EV_FOLLOWUP, q, 0.0, NULL);
    } else {
        w->question_state[q] = 2;
    }
}

static void offline(sim_world *w, int measure)
{
    static const struct { double crowd, trust, damping; } effect[SIM_MEASURE_COUNT] = {
        [SIM_MEASURE_FIELD] = {0.85, 2.0, 0.95},
        [SIM_MEASURE_APOLOGY] = {0.7, 3.0, 0.9},
        [SIM_MEASURE_COMPENSATION] = {0.6, 2.0, 0.95},
        [SIM_MEASURE_HOTLINE] = {0.95, 1.0, 1.0},
    };
    w->measures[measure]++;
    w->m.crowd *= effect[measure].crowd;
    sim_trust_change(w, effect[measure].trust);
    w->damping = sim_clamp(w->damping * effect[measure].damping, DAMP_FLOOR, 1.0);
}

static void request_verification(sim_world *w, int fact)
{
    sim_time due = w->model->verify_due[fact];
    if (due == SIM_NEVER || due <= w->now)
        return;
    sim_time sooner = due - VERIFY_LEAD_S;
    if (sooner < w->now + VERIFY_MIN_S)
        sooner = w->now + VERIFY_MIN_S;
    if (sooner < due)
        w->model->verify_due[fact] = sooner;
}

static void press_conference(sim_world *w)
{
    w->press_held++;
    w->damping = sim_clamp(w->damping * 0.85, DAMP_FLOOR, 1.0);
    for (int q = 0; q < w->scn->n_questions; q++)
        if (w->question_state[q] == 0 && (w->scn->questions[q].at == SIM_NEVER || w->scn->questions[q].at <= w->now))
            sim_ask_question(w, q);
}

static void engage_leaders(sim_world *w)
{
    w->leaders_engaged = 1;
    w->damping = sim_clamp(w->damping * 0.92, DAMP_FLOOR, 1.0);
    for (int r = 0; r < w->scn->n_rumours; r++)
        if (w->rumours[r].rebutted_at != SIM_NEVER)
            sim_rumour_rebut(w, r, w->rumours[r].rebuttal);
}

void sim_response_apply(sim_world *w, const sim_action *a)
{
    sim_analysis an;
    switch (a->type) {
    case SIM_ACT_STATEMENT:
    case SIM_ACT_REPLY:
        public_text(w, a->text, NULL, &an);
        break;
    case SIM_ACT_REBUT: {
        int r = sim_scenario_rumour(w->scn, a->target);
        public_text(w, a->text, NULL, &an);
        double s = rebuttal_strength(w, r, &an);
        sim_rumour_rebut(w, r, s);
        sim_event_push(w, SIM_EV_RUMOUR_REBUTTED, r, s, NULL);
        break;
    }
    case SIM_ACT_ANSWER:
        public_text(w, a->text, NULL, &an);
        answer(w, a, &an);
        break;
    case SIM_ACT_PRESS:
        press_conference(w);
        break;
    case SIM_ACT_LEADERS:
        engage_leaders(w);
        break;
    case SIM_ACT_OFFLINE:
        offline(w, sim_measure_parse(a->target));
        break;
    case SIM_ACT_VERIFY:
        request_verification(w, sim_scenario_fact(w->scn, a->target));
        break;
    case SIM_ACT_INJECT:
        sim_fire_inject(w, sim_scenario_inject(w->scn, a->target));
        break;
    default:
        /* report, assess, strategy, monitor and summary are internal: recorded and graded. */
        break;
    }
}
