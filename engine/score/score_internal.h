/* score_internal.h — what the score module's files share: the parsed plan, the grading context
 * (each logged action analysed once), and the helpers rule files use to add explained lines. */
#ifndef YQ_SCORE_INTERNAL_H
#define YQ_SCORE_INTERNAL_H

#include "score.h"
#include "why.h"

/* Identity, points and competency weights common to every rubric line of a plan. */
typedef struct plan_head {
    char *id;
    sim_text title;
    double points;
    double weights[SCORE_COMPETENCY_COUNT];
} plan_head;

/* Scenario texts a detector may look for (bits of plan_detector.scenario). */
enum { SCN_TEXT_PLACE = 1, SCN_TEXT_OFFICIAL = 2 };

/* How a text is recognised as containing something: any one of the four suffices. */
typedef struct plan_detector {
    unsigned lex;           /* bit k set: lexicon list k (sim_lex_kind) */
    sim_strlist fact_kinds; /* a cited fact of one of these kinds; "*" = any fact */
    sim_strlist phrases;    /* plan phrases, matched with sim_norm_find */
    unsigned scenario;      /* SCN_TEXT_*: the scenario's place / responsible body, matched likewise */
} plan_detector;

typedef enum plan_when { WHEN_ACTION, WHEN_PUBLIC, WHEN_AUTHORITATIVE, WHEN_REBUTTAL } plan_when;

typedef struct plan_deadline {
    plan_head h;
    plan_when what;
    int action;        /* sim_action_type for WHEN_ACTION */
    double minutes;    /* allowed time after the clock starts */
    double grace;      /* minutes over which points decay linearly to zero after the deadline */
    double reach;      /* WHEN_REBUTTAL: rumour reach that starts the clock (0 = its start) */
    double holding;    /* WHEN_REBUTTAL: share kept by a holding statement ("正在核实，请勿传播") */
    sim_strlist fact_kinds; /* WHEN_AUTHORITATIVE: kinds of verified fact that count (empty = any) */
    int requires;      /* WHEN_ACTION: sim_logistics item to arrange before the action ("venue"), or -1 */
    double unarranged; /* share kept when that item was not arranged before it */
} plan_deadline;

/* The limit a deadline is judged by in one drill (deadline_limit.c). */
typedef enum dl_source { DL_FROM_PLAN, DL_FROM_SCENARIO, DL_SCALED } dl_source;
typedef struct dl_limit {
    double minutes, grace;
    dl_source source;
} dl_limit;

/* A line whose credit follows a deadline ("by": "<deadline id>"): full up to its limit as the drill
 * judges it, then falling over its grace. */
typedef struct plan_by {
    char *id;          /* NULL: the line has no deadline */
    int index;         /* that deadline's index in the plan, -1 when none */
} plan_by;

/* A group of the plan's organisation (指挥、信息收集研判、处置与沟通、后勤保障): its duties, and the drill
 * role that acts for it. */
typedef struct plan_group {
    char *id;
    sim_text title;
    sim_text duties;
    int role;          /* sim_role */
} plan_group;

typedef struct plan_part {
    char *id;
    sim_text title;
    plan_detector d;
} plan_part;

typedef struct plan_step {
    plan_head h;
    unsigned actions;  /* bit t set: sim_action_type t counts as this step */
    char *group;       /* id of the group responsible, or NULL (then `role` as written) */
    int role;          /* sim_role (the group's when a group is named), or -1 for any */
    double role_points;
    plan_by by;
    plan_part *content; int n_content;  /* what the step's text must say (a report: what, where, how big) */
} plan_step;

typedef enum plan_scope { SCOPE_FIRST, SCOPE_ANY, SCOPE_ALL } plan_scope;

typedef struct plan_element {
    plan_head h;
    plan_detector d;
    unsigned applies;  /* action type mask */
    plan_scope scope;
    int required;      /* absence of any applicable action scores 0 (else: line does not apply) */
    plan_by by;
} plan_element;

typedef struct plan_three_part {
    int present;
    plan_head h;
    unsigned applies;
    int required;
    plan_part *parts; int n_parts;
} plan_three_part;

typedef struct plan_forbidden {
    int present;
    plan_head h;
    unsigned applies;
    double per_hit;
    sim_strlist phrases;
    unsigned lex;
} plan_forbidden;

/* Public texts per hour beyond what the plan allows (statement.flood). */
typedef struct plan_flood {
    int present;
    plan_head h;
    unsigned applies;  /* action types counted; default the public ones but press and answer */
    double per_hour;   /* such actions allowed in any 60 minutes */
    double per;        /* points lost per action beyond that */
} plan_flood;

typedef struct plan_penalty {
    int present;
    plan_head h;
    double per;        /* points lost per occurrence */
    double hurt;       /* "false" only: how many occurrences a false claim that wrongs someone weighs (1) */
} plan_penalty;

/* How soon after it was verified a fact must be published for the accuracy lines' full credit. */
typedef struct plan_prompt {
    int present;
    double minutes, grace;
} plan_prompt;

typedef struct plan_rebuttal {
    int present;
    plan_head h;
    double partial;    /* share of the points for a rebuttal that omits the rebutting fact */
} plan_rebuttal;

/* Answers to reporters' questions (plan "answers"): one line per scenario question, the points shared
 * equally; each part a share of the line, traps and stiff words costing shares. */
typedef struct plan_answers {
    int present;
    plan_head h;
    double minutes, grace;      /* the countdown for an answer once the question is put */
    double on_time, expects, followup;  /* shares of the line; they add up to 1 */
    double trap;                /* share lost per trap fact asserted before it was verified */
    double stiff;               /* share lost when the answers use a stiff or blaming phrase */
    plan_detector evasion;      /* an answer with one of these says nothing (无可奉告, 不便透露) */
    plan_detector stiff_words;  /* officialese and blame (高度重视, 临时工) */
    plan_detector pending;      /* says when more will be known, for a question no fact can answer yet */
} plan_answers;

/* Correcting one's own earlier false, wrong or outdated public statement (accuracy.correction). */
typedef struct plan_correction {
    int present;
    plan_head h;
    double minutes;    /* after the truth was verified (or the statement, when later) for a prompt one */
    double partial;    /* share kept by a silent correction, and again by a late one */
} plan_correction;

typedef enum plan_metric {
    METRIC_PEAK_POSTS, METRIC_FINAL_POSTS, METRIC_RUMOUR_REACH, METRIC_TRUST,
    METRIC_READS, METRIC_COMPLAINTS, METRIC_CROWD,
    METRIC_MEAN_POSTS, METRIC_MEAN_REACH, METRIC_MEAN_TRUST, METRIC_MEAN_CROWD, METRIC_COUNT
} plan_metric;

typedef struct plan_outcome {
    plan_head h;
    plan_metric metric;
    int lower_better;
    double best;       /* the ideal value of the metric */
    double full_at;    /* improvement ratio that earns full points */
} plan_outcome;

struct score_plan {
    char *id;
    sim_text title;
    char *kind;
    char *lens;
    unsigned public_actions;
    double warn_reads[3], warn_crowd[3], tier_posts[3];
    double warn_reads_window;   /* minutes of reads the warning level counts; 0: all since the incident */
    double late_keeps;          /* share a deadline, step or answer keeps when done past its grace (0..0.5) */
    int has_warn_crowd;
    plan_group *groups; int n_groups;
    plan_deadline *deadlines; int n_deadlines;
    plan_head order; int has_order;
    plan_step *steps; int n_steps;
    plan_element *elements; int n_elements;
    plan_three_part three_part;
    plan_forbidden forbidden;
    plan_flood flood;
    plan_penalty unverified, wrong, false_, rumour_spread, contradiction;
    plan_rebuttal rebuttal;
    plan_correction correction;
    plan_prompt prompt;
    plan_answers answers;
    plan_outcome *outcomes; int n_outcomes;
};

/* One logged action as the rules see it. */
typedef struct score_act {
    int index;            /* in w->log */
    const sim_action *a;
    int is_public;
    int has_text;
    int sound;            /* a text that says something and nothing false (sim_reading_sound), and
                           * for a public text not a copy of an earlier one: what can earn credit */
    double credit;        /* what the text's words can earn in the statement's elements: 1 when sound;
                           * for a public text with content that also says something false, the share
                           * of its statements that are true; else 0 */
    int dup_of;           /* a public text identical (once normalised) to public action dup_of; else -1 */
    const sim_reading *rd; /* the world's reading of the text when it was applied; valid when has_text */
    sim_norm norm;        /* valid when has_text */
} score_act;

typedef struct score_ctx {
    const score_plan *p;
    const sim_world *w;
    const sim_world *base;
    const sim_lexicon *lex;    /* never NULL (an empty lexicon when the world has none) */
    score_act *acts; int n_acts;
    sim_time *verified_at;     /* per fact: when it became verified, SIM_NEVER when never */
    score_card *card;
    int oom;                   /* an allocation failed somewhere; grading returns -1 */
} score_ctx;

/* Line building (score_card.c). Every helper records allocation failure in x->oom. */
score_line *score_line_add(score_ctx *x, const char *prefix, const plan_head *h, const char *category,
                           double max);
void score_line_set(score_line *l, double points);
void score_line_evidence(score_ctx *x, score_line *l, const score_act *act, sim_span span);
/* Evidence naming an action by the first characters of its text. */
void score_line_evidence_head(score_ctx *x, score_line *l, const score_act *act);
double score_round2(double v);
void score_card_recompute(score_card *c);

/* Explaining a line (score_say.c): clauses of why_keys.h templates and their slot values. The
 * helpers accept the NULL that follows an allocation failure (recorded in x->oom). */
score_clause *score_say(score_ctx *x, score_line *l, score_key key);
/* A clause kept aside while the line does not exist yet; score_line_tell moves them onto it. */
score_clause *score_say_aside(score_ctx *x, score_why **w, score_key key);
void score_line_tell(score_ctx *x, score_line *l, score_why **w);
void score_put_text(score_ctx *x, score_clause *c, const char *slot, const sim_text *t);
void score_put_str(score_ctx *x, score_clause *c, const char *slot, const char *s);
void score_put_int(score_ctx *x, score_clause *c, const char *slot, int v);
void score_put_minutes(score_ctx *x, score_clause *c, const char *slot, double seconds);
/* A slot holding another text of the catalogue (a term such as "after the incident"). */
void score_put_term(score_ctx *x, score_clause *c, const char *slot, score_key key);
/* The action types of mask by name ("statement, reply or rebuttal"); `many` picks the plural. */
void score_put_actions(score_ctx *x, score_clause *c, const char *slot, unsigned mask, int many);
score_key score_role_key(int role);

/* Detection (score_detect.c): 1 with the span of the earliest match in the action's text, or 0.
 * score_detect finds nothing in an unsound text (a list of phrases, a false or merely rumour-repeating
 * text, a copy); score_detect_words looks in any text, for lines that weigh what they find by the
 * text's credit. */
int score_detect(const score_ctx *x, const plan_detector *d, const score_act *act, sim_span *span);
int score_detect_words(const score_ctx *x, const plan_detector *d, const score_act *act, sim_span *span);
/* Whether a fact kind is in a list of kinds ("*" matches every kind). */
int score_kind_listed(const sim_strlist *kinds, const char *kind);
/* Whether a public action rebuts rumour r, as the world judged it (sim_reading_rebuts): it denies the
 * rumour, or it is a rebuttal aimed at it that states the rebutting fact. *with_fact when non-NULL. */
int score_act_rebuts(const score_ctx *x, const score_act *act, int r, int *with_fact);
/* Whether the action is the first to set right something an earlier public text said wrong (a figure,
 * a denied truth, a false claim, a confirmed rumour): such a correction is never a flood. */
int score_act_corrects(const score_ctx *x, const score_act *act);
/* The warning level the world had reached at time t (0 blue .. 3 red), from its level events. */
int score_world_level_at(const score_ctx *x, sim_time t);
/* Whether an assessment puts the level below the one monitoring already shows ("影响不大，蓝色" in a
 * crisis at orange): it stands for no step and meets no deadline. */
int score_act_understates(const score_ctx *x, const score_act *act);
/* Line l scores 0 because its only candidate, act, understated the level: "「分析研判」：事发后80分钟的研判
 *定为蓝色预警，而当时监测已显示黄色预警；…不得分". */
void score_say_understated(score_ctx *x, score_line *l, const sim_text *title, const score_act *act);
/* Whether fact `f` was verified at time t. */
int score_fact_verified(const score_ctx *x, int fact, sim_time t);
/* Whether an action can stand for a step: no text, or a sound one (a bare "报告" or a false text
 * does not). */
static inline int score_act_counts(const score_act *act)
{
    return !act->has_text || act->sound;
}
static inline int score_act_is(const score_act *act, unsigned mask)
{
    return (mask >> (unsigned)act->a->type) & 1u;
}

/* The rule families, each adding its lines to x->card (score_<family>.c). */
void score_rules_timeliness(score_ctx *x);
void score_rules_process(score_ctx *x);
void score_rules_form(score_ctx *x);
void score_rules_accuracy(score_ctx *x);
void score_rules_outcome(score_ctx *x);
void score_rule_flood(score_ctx *x);   /* score_flood.c, one of the form lines */
void score_rules_answers(score_ctx *x);
/* Whether an answer can earn anything (score_answers.c): a sound text without an evasion of the plan's
 * answers section (无可奉告). A press conference is held only through such answers. */
int score_answer_counts(const score_ctx *x, const score_act *act);

/* The scenario's own limit for deadline d when it sets one (grace scaled in proportion); else, for a
 * deadline counted from the incident whose limit plus grace exceeds the drill's duration, both scaled
 * by duration / (limit + grace); else the plan's. */
void score_deadline_limit(const plan_deadline *d, const sim_scenario *s, dl_limit *out);
/* Share kept by what came `over` minutes past its limit: 1 up to it, then linear down to `keeps` over
 * `grace` minutes, then keeps × S ÷ (S + minutes past the grace), S the grace but at least 60 minutes:
 * done late always keeps something and later always keeps less (the plan's late_keeps; 0 keeps nothing
 * after the grace) — the one fade of deadlines, steps, answers and promptness. */
double score_fade(double over, double grace, double keeps);
/* Share of a line's credit kept for what happened at time t, under its `by` deadline (1 without one). */
double score_by_kept(const score_ctx *x, const plan_by *by, sim_time t);
/* "应在「首次公开回应」的60分钟时限内做到…只保留40%" on line l, when kept < 1. */
void score_say_by_late(score_ctx *x, score_line *l, const plan_by *by, double kept);

/* Minutes as text for explanations: "12" or "12.5". */
const char *score_fmt_minutes(char *buf, size_t len, double seconds);

#endif
