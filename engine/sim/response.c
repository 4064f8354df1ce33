/* response.c — how the world reacts to the trainee: every text is read once into claims against the
 * truth as it stands at that moment (claims.h); public texts that state verified facts damp heat and
 * build trust, guesses, wrong or outdated figures, denied truths, contradictions, officialese and
 * blame fuel it (a copy, a keyword list or a text without content earns no good effect), repeated or
 * confirmed rumours spread faster, denied ones are rebutted, and how the public took it is kept
 * (sim_reception); each other action has its own effect. */
#include "world_internal.h"

#include <math.h>
#include <stdlib.h>

/* Effects of one public text, documented in scenarios/README.md ("How the world reacts"). */
#define TRUST_FIRST_ON_TIME 6.0
#define TRUST_FIRST_LATE 2.0
#define TRUST_PER_FACT 1.5
#define TRUST_UNVERIFIED (-4.0)
#define TRUST_WRONG (-8.0)
#define TRUST_FALSE (-10.0)
#define TRUST_CONFIRM (-12.0)
#define TRUST_REPEAT (-3.0)
#define TRUST_CONTRADICTION (-8.0)
#define TRUST_OFFICIALESE (-5.0)
#define TRUST_BLAME (-6.0)
#define TRUST_CARE 2.0
#define DAMP_GOOD 0.8
#define DAMP_FLOOR 0.25
#define FUEL_UNVERIFIED 0.15
#define FUEL_WRONG 0.3
#define FUEL_FALSE 0.4
#define FUEL_CONFIRM 0.5
#define FUEL_REPEAT 0.2
#define FUEL_CONTRADICTION 0.3
#define FUEL_OFFICIALESE 0.2
#define FUEL_BLAME 0.3
#define BOOST_CONFIRM 2.0     /* an official confirmation doubles a rumour's spread */
#define BOOST_REPEAT 1.4      /* an official repetition without denial */
#define BOOST_MAX 4.0
#define REBUT_DENIAL 0.35     /* rebuttal strength of a denial, before trust, speed and leaders */
#define REBUT_FACT 0.35       /* more for stating the verified rebutting fact */
#define VERIFY_LEAD_S (30 * 60)
#define VERIFY_MIN_S (15 * 60)
#define POST_HEAT_HOURS 1.0     /* an instructor's post brings this many hours of background posts */
#define ANSWER_DODGE_TRUST 2.0   /* trust an answer without the expected facts costs (not an honest hold) */

typedef struct text_effect {
    int good, unverified, wrong, false_, confirms, repeats, contradiction;
    int officialese, blame, care;
} text_effect;

/* Read an action's text once, at the moment it is applied, and keep the reading with the action. */
static const sim_reading *read_action(sim_world *w, const sim_action *a)
{
    int i = (int)(a - w->log);
    if (!a->text || i < 0 || i >= w->n_log)
        return NULL;
    int nf = w->scn->n_facts;
    sim_time *verified = malloc(sizeof *verified * (size_t)(nf + 1));
    sim_reading *rd = malloc(sizeof *rd);
    if (!verified || !rd) {
        free(verified);
        free(rd);
        return NULL;
    }
    for (int f = 0; f < nf; f++)
        verified[f] = w->fact_verified[f] ? w->now : SIM_NEVER;
    sim_truth truth = {verified, w->now};
    int rc = sim_read(a->text, w->scn, w->lex, &truth, rd);
    free(verified);
    if (rc) {
        free(rd);
        return NULL;
    }
    w->readings[i] = rd;
    return rd;
}

static void boost_rumour(sim_world *w, int r, double factor)
{
    sim_rumour_state *rs = &w->rumours[r];
    if (!rs->started && sim_start_rumour(w, r))
        return;
    rs->boost = sim_clamp(rs->boost * factor, 1.0, BOOST_MAX);
}

static void note_number(sim_world *w, const sim_claim *c, text_effect *e)
{
    const sim_fact *f = &w->scn->facts[c->ref];
    if (!f->has_value || !c->has_number)
        return;
    if (!isnan(w->stated_values[c->ref]) && w->stated_values[c->ref] != c->number)
        e->contradiction++;
    w->stated_values[c->ref] = c->number;
}

static text_effect read_effects(sim_world *w, const sim_reading *rd)
{
    text_effect e = {0};
    if (!rd)
        return e;
    for (int i = 0; i < rd->n_claims; i++) {
        const sim_claim *c = &rd->claims[i];
        sim_claim_effect eff = sim_claim_effect_of(c);
        if (c->about == SIM_ABOUT_FACT && c->stance == SIM_STANCE_ASSERTS) {
            w->stated_facts[c->ref]++;
            note_number(w, c, &e);
        }
        switch (eff) {
        case SIM_EFFECT_CITES: e.good++; break;
        case SIM_EFFECT_EARLY: e.unverified++; break;
        case SIM_EFFECT_WRONG:
        case SIM_EFFECT_OUTDATED: e.wrong++; break;
        case SIM_EFFECT_FALSE: e.false_++; break;
        case SIM_EFFECT_CONFIRMS: e.confirms++; boost_rumour(w, c->ref, BOOST_CONFIRM); break;
        case SIM_EFFECT_REPEATS: e.repeats++; boost_rumour(w, c->ref, BOOST_REPEAT); break;
        default: break;
        }
    }
    e.officialese = rd->lex_hits[SIM_LEX_OFFICIALESE] > 0;
    e.blame = rd->lex_hits[SIM_LEX_BLAME] > 0;
    e.care = rd->lex_hits[SIM_LEX_APOLOGY] > 0 || rd->lex_hits[SIM_LEX_EMPATHY] > 0;
    return e;
}

static int is_public_text(sim_action_type t)
{
    return t == SIM_ACT_STATEMENT || t == SIM_ACT_REPLY || t == SIM_ACT_REBUT || t == SIM_ACT_ANSWER;
}

/* Whether action i's text repeats an earlier public text word for word (once normalised): a flood of
 * copies informs nobody, so a copy keeps its harm and loses every good effect. */
static int is_copy(const sim_world *w, int i, const sim_reading *rd)
{
    for (int k = 0; k < i; k++)
        if (w->readings[k] && is_public_text(w->log[k].type) && w->readings[k]->text_hash == rd->text_hash)
            return 1;
    return 0;
}

/* How the public takes a text (the official thread's replies follow it): falsehoods, confirmed or
 * repeated rumours, reversals and blame anger; copies and officialese are mocked; a truthful text
 * said with care is welcomed; anything else draws follow-up questions. */
static sim_reception reception_of(const text_effect *e, int copy)
{
    if (e->confirms + e->repeats + e->false_ + e->contradiction + e->wrong + e->blame > 0)
        return SIM_RECEPTION_ANGER;
    if (copy || e->officialese)
        return SIM_RECEPTION_MOCKERY;
    if (e->care)
        return SIM_RECEPTION_WARM;
    return SIM_RECEPTION_QUESTIONS;
}

static void public_text(sim_world *w, int i, const sim_reading *rd, int copy)
{
    text_effect e = read_effects(w, rd);
    if (rd)
        w->receptions[i] = (uint8_t)reception_of(&e, copy);
    if (copy || !sim_reading_sound(rd, 0))
        e.good = e.care = 0;
    double base = w->scn->params.heat_base;
    double dtrust = TRUST_PER_FACT * (e.good < 4 ? e.good : 4) + TRUST_UNVERIFIED * e.unverified +
                    TRUST_WRONG * e.wrong + TRUST_FALSE * e.false_ + TRUST_CONFIRM * e.confirms +
                    TRUST_REPEAT * e.repeats + TRUST_CONTRADICTION * e.contradiction +
                    TRUST_OFFICIALESE * e.officialese + TRUST_BLAME * e.blame + TRUST_CARE * e.care;
    if (w->first_statement == SIM_NEVER && !copy && sim_reading_sound(rd, 1)) {
        w->first_statement = w->now;
        dtrust += w->now <= w->scn->params.silence_deadline ? TRUST_FIRST_ON_TIME : TRUST_FIRST_LATE;
    }
    sim_trust_change(w, dtrust);
    int bad = e.wrong + e.false_ + e.confirms + e.repeats + e.contradiction + e.officialese + e.blame;
    if (e.good > 0 && bad == 0)
        w->damping = sim_clamp(w->damping * DAMP_GOOD, DAMP_FLOOR, 1.0);
    w->fuel += base * (FUEL_UNVERIFIED * e.unverified + FUEL_WRONG * e.wrong + FUEL_FALSE * e.false_ +
                       FUEL_CONFIRM * e.confirms + FUEL_REPEAT * e.repeats +
                       FUEL_CONTRADICTION * e.contradiction + FUEL_OFFICIALESE * e.officialese +
                       FUEL_BLAME * e.blame);
}

/* The instructor's own post: it enters the feed with its words as typed and adds an hour of background
 * posts to the heat; a rumour it asserts or repeats spreads as an official repetition would make it. */
static void instructor_post(sim_world *w, int i, const sim_action *a, const sim_reading *rd)
{
    int rumour = -1;
    for (int c = 0; rd && c < rd->n_claims; c++) {
        const sim_claim *cl = &rd->claims[c];
        sim_claim_effect eff = sim_claim_effect_of(cl);
        if (eff == SIM_EFFECT_CONFIRMS || eff == SIM_EFFECT_REPEATS) {
            if (rumour < 0)
                rumour = cl->ref;
            boost_rumour(w, cl->ref, BOOST_REPEAT);
        }
    }
    sim_feed_custom(w, i, a->channel ? sim_scenario_platform(w->scn, a->channel) : -1, rumour);
    sim_heat_burst(w, w->scn->params.heat_base * POST_HEAT_HOURS);
}

static int states_verified(const sim_reading *rd, int fact)
{
    return fact >= 0 && sim_reading_find(rd, SIM_ABOUT_FACT, fact, SIM_EFFECT_CITES) != NULL;
}

/* Rebuttal strength 0..0.95: a denial and the verified rebutting fact, trust, speed and leaders' reach. */
static double rebuttal_strength(const sim_world *w, int r, int denied, int with_fact)
{
    const sim_rumour_state *rs = &w->rumours[r];
    double s = (denied ? REBUT_DENIAL : 0.0) + (with_fact ? REBUT_FACT : 0.0);
    s *= 0.5 + w->m.trust / 100.0;
    if (rs->started) {
        double hours = (double)(w->now - rs->started_at) / 3600.0;
        s /= 1.0 + hours / 6.0;
    }
    if (w->leaders_engaged)
        s *= 1.3;
    return sim_clamp(s, 0.0, 0.95);
}

/* Any public text that denies a rumour, or a rebuttal aimed at it that states its rebutting fact,
 * rebuts it; repeating or confirming it is no rebuttal, whatever the action is called. */
static void rebut_rumours(sim_world *w, const sim_action *a, const sim_reading *rd)
{
    int target = a->type == SIM_ACT_REBUT ? sim_scenario_rumour(w->scn, a->target) : -1;
    for (int r = 0; r < w->scn->n_rumours; r++) {
        int with_fact;
        sim_rebut how = r == target ? sim_reading_rebuts_aimed(rd, w->scn, r, &with_fact)
                                    : sim_reading_rebuts(rd, w->scn, r, &with_fact);
        if (how == SIM_REBUT_NONE || (how == SIM_REBUT_FACTS && r != target))
            continue;
        double s = rebuttal_strength(w, r, how == SIM_REBUT_DENIES, with_fact);
        sim_rumour_rebut(w, r, s);
        sim_event_push(w, SIM_EV_RUMOUR_REBUTTED, r, s, NULL);
    }
}

/* An honest holding answer: none of the facts the question expects is verified yet, and the answer
 * says one of them is still being established ("原因正在调查") instead of dodging. */
static int holds_honestly(const sim_world *w, const sim_question *def, const sim_reading *rd)
{
    int hedged = 0;
    for (int i = 0; i < def->expects.count; i++) {
        int f = sim_scenario_fact(w->scn, def->expects.items[i]);
        if (f < 0 || sim_fact_is_verified(w, f))
            return 0;
        for (int c = 0; c < rd->n_claims; c++)
            hedged |= rd->claims[c].about == SIM_ABOUT_FACT && rd->claims[c].ref == f &&
                      rd->claims[c].stance == SIM_STANCE_HEDGES;
    }
    return hedged;
}

/* An answer that gives none of the expected facts draws a follow-up; it costs trust unless it is an
 * honest holding answer given before any of them could be known. */
static void answer(sim_world *w, const sim_action *a, const sim_reading *rd)
{
    int q = sim_scenario_question(w->scn, a->target);
    if (q < 0)
        return;   /* a live question: no expected facts, graded from the log */
    const sim_question *def = &w->scn->questions[q];
    int covered = 0;
    for (int i = 0; i < def->expects.count; i++)
        covered |= states_verified(rd, sim_scenario_fact(w->scn, def->expects.items[i]));
    if (!covered && def->expects.count > 0 && w->question_state[q] != 3) {
        w->question_state[q] = 3;
        if (!holds_honestly(w, def, rd))
            sim_trust_change(w, -ANSWER_DODGE_TRUST);
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
    const sim_reading *rd = read_action(w, a);
    int i = (int)(a - w->log);
    int copy = rd && is_copy(w, i, rd);
    switch (a->type) {
    case SIM_ACT_STATEMENT:
    case SIM_ACT_REPLY:
    case SIM_ACT_REBUT:
        public_text(w, i, rd, copy);
        if (!copy)
            rebut_rumours(w, a, rd);
        break;
    case SIM_ACT_ANSWER:
        public_text(w, i, rd, copy);
        if (!copy)
            rebut_rumours(w, a, rd);
        answer(w, a, rd);
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
    case SIM_ACT_LOGISTICS:
        w->arranged[sim_logistics_parse(a->target)]++;
        break;
    case SIM_ACT_VERIFY:
        request_verification(w, sim_scenario_fact(w->scn, a->target));
        break;
    case SIM_ACT_INJECT:
        sim_fire_inject(w, sim_scenario_inject(w->scn, a->target));
        break;
    case SIM_ACT_POST:
        instructor_post(w, i, a, rd);
        break;
    default:
        /* report, assess, strategy, monitor and summary are internal: recorded and graded. */
        break;
    }
}
