/* score.h — grading a drill against an emergency plan's rubric (scenarios/plans/<id>.json):
 * deadlines, accuracy, form and tone, process, press answers, outcome; every line explained with evidence. */
#ifndef YQ_SCORE_H
#define YQ_SCORE_H

#include "sim/phrases.h"
#include "sim/world.h"

typedef struct score_plan score_plan;

/* Load and validate a plan. On error returns -1 and writes "PATH: $.field.path: what is wrong". */
int score_plan_load(const char *path, score_plan **out, char *err, int errlen);
/* The same from JSON text in memory; `name` stands for PATH in error messages. */
int score_plan_parse(const char *json, const char *name, score_plan **out, char *err, int errlen);
void score_plan_free(score_plan *p);
const char *score_plan_id(const score_plan *p);
/* The plan's title in a language ("zh" or "en", falling back to zh). */
const char *score_plan_title(const score_plan *p, const char *lang);
/* Copy the plan's warning-level and tier thresholds (with the reads window) and the first-response
 * deadline into world params. */
void score_plan_apply(const score_plan *p, sim_params *params);
/* After score_plan_apply: the first-response limit this scenario is judged by (its own deadlines = ...,
 * or the plan's scaled to the drill's length) becomes the world's silence deadline. */
void score_plan_apply_scenario(const score_plan *p, const sim_scenario *s, sim_params *params);
/* Whether the plan has a deadline with this id (what scenario deadlines may name). */
int score_plan_deadline_known(const score_plan *p, const char *id);

/* The plan's groups (指挥、信息收集研判、处置与沟通、后勤保障): how many, the id of group i (NULL out of
 * range), the index of a group id (-1 when none), and the sim_role acting for group i (-1 out of range). */
int score_plan_groups(const score_plan *p);
const char *score_plan_group_id(const score_plan *p, int i);
int score_plan_group_find(const score_plan *p, const char *id);
int score_plan_group_role(const score_plan *p, int i);
/* Group i's title in the plan (zh, en), NULL out of range. */
const sim_text *score_plan_group_title(const score_plan *p, int i);

/* Load assets/lexicon.json ({"officialese": [...], ...}) into a lexicon. 0, or -1 with a message. */
int score_lexicon_load(const char *path, sim_lexicon *out, char *err, int errlen);
/* Load assets/feed/phrases.json ({"opener": [[zh, en], ...], ...}) into a phrasebook. 0, or -1 with a message. */
int score_phrases_load(const char *path, sim_phrasebook *out, char *err, int errlen);

typedef enum score_competency {
    SCORE_ASSESSMENT,    /* 舆情研判 opinion assessment */
    SCORE_RELEASE,       /* 信息发布 information release */
    SCORE_MEDIA,         /* 媒体沟通 media communication */
    SCORE_RUMOUR,        /* 谣言应对 rumour response */
    SCORE_COMMAND,       /* 应急指挥 command and coordination */
    SCORE_CARE,          /* 情感疏导 emotional care */
    SCORE_COMPETENCY_COUNT
} score_competency;
const char *score_competency_name(score_competency c);   /* "assessment", "release", ... */
int score_competency_parse(const char *name);            /* -1 when unknown */

/* Evidence for a line: the action (index in the world's applied log, -1 for none), its time,
 * and the span of its text that earned or cost the points. */
typedef struct score_evidence {
    int action;
    sim_time t;
    sim_span span;
    char *quote;    /* the spanned text, owned */
} score_evidence;

/* An explanation as template keys and slot values (engine/score/why.h); rendered by score_card_explain. */
typedef struct score_why score_why;

typedef struct score_line {
    char *id;         /* rubric line id, e.g. "deadline.first_response" */
    char *title;      /* the plan's title of the line (zh) */
    char *title_en;   /* the plan's English title (the zh one when the plan has none); NULL in older cards */
    char *category;   /* "timeliness", "accuracy", "form", "process", "media", "outcome" */
    double points;    /* after override, if any; below 0 only for a penalty that outruns its line */
    double max;
    double floor;     /* the lowest points the line may reach: 0, or -max for penalty lines (counted,
                         not capped: 28 reckless statements cost more than 2) */
    double computed;  /* before override */
    char *why;        /* the explanation in Chinese ("" until score_card_explain) */
    char *why_en;     /* the explanation in English ("" until score_card_explain); NULL in older cards */
    score_why *expl;  /* what score_grade found, language-neutral; NULL in cards read from JSON */
    score_evidence *ev; int n_ev;
    double weights[SCORE_COMPETENCY_COUNT];  /* the plan's competency weights of this line */
    int overridden;
    char *override_by, *override_at, *override_comment;
} score_line;

typedef struct score_card {
    char *plan;
    char *plan_title[2];   /* the plan's title in Chinese and English as graded; NULL in stored cards */
    double total;                               /* 0..100 */
    double competencies[SCORE_COMPETENCY_COUNT];/* 0..100 each; -1 when no line of it applied */
    score_line *lines; int n_lines;
} score_card;

/* A graded card's process-step lines summed per plan group (the step's "group"): points[g] and max[g] for
 * each of the plan's score_plan_groups(p) groups. */
void score_card_groups(const score_plan *p, const score_card *c, double *points, double *max);

/* Explanation templates: assets/score/zh-CN.json and en.json, each holding exactly the keys the
 * graders use, each template exactly its named slots ("{minutes}"). */
typedef struct score_texts score_texts;

/* Load both languages from dir. 0, or -1 with "FILE: what is wrong" (missing keys named). */
int score_texts_load(const char *dir, score_texts **out, char *err, int errlen);
void score_texts_free(score_texts *t);

/* Grade a finished world. `baseline` is the same scenario and seed run with no actions (for outcome
 * lines); it may be NULL: trust is then compared with the scenario's starting trust, and outcome
 * lines on other metrics do not apply (max 0). Lines that cannot apply have max 0 and say why.
 * Explanations are kept language-neutral in each line's expl: score_card_explain renders them. */
int score_grade(const score_plan *p, const sim_world *w, const sim_world *baseline,
                score_card *out, char *err, int errlen);
void score_card_free(score_card *c);
/* The card's line with this id, or NULL (a NULL card has none). */
score_line *score_card_line(const score_card *c, const char *id);

/* Fill every graded line's why (zh) and why_en (en) from its explanation. Lines without one (read
 * back from JSON) keep their texts. 0, or -1 with a message. */
int score_card_explain(score_card *c, const score_texts *t, char *err, int errlen);
/* A line's title / explanation in lang ("en", else zh); English falls back to zh when absent. */
const char *score_line_title_in(const score_line *l, const char *lang);
const char *score_line_why_in(const score_line *l, const char *lang);

/* Apply an instructor override to line `id` (points clamped to 0..max); recomputes totals.
 * 0, or -1 when no such line. */
int score_card_override(score_card *c, const char *id, double points, const char *by,
                        const char *at, const char *comment);

/* A stored scorecard (score_card_to_json's output) read back. 0, or -1 with a message. */
int score_card_from_json(const char *json, score_card *out, char *err, int errlen);

/* Scorecard as JSON text (malloc'd): total, competencies, lines[{id, title, title_en, ..., why, why_en, evidence}].
 * Numbers are rounded to 0.01; the same card always gives the same bytes. NULL on allocation failure. */
char *score_card_to_json(const score_card *c);

/* ---- Observers' ratings on the HSEEP scale (P/S/M/U) beside the automatic score ---- */

/* A line's automatic score on the HSEEP scale, by the share of its points kept: at least 90 % P (performed
 * without challenges), 70 % S (some challenges), 40 % M (major challenges), below U (unable to be performed). */
#define SCORE_GRADE_P 0.9
#define SCORE_GRADE_S 0.7
#define SCORE_GRADE_M 0.4
/* 'P', 'S', 'M' or 'U' for points out of max; 0 when max <= 0 (nothing to grade). */
char score_grade_of(double points, double max);
/* The ordinal rank of a grade: U 0, M 1, S 2, P 3; -1 for anything else. */
int score_grade_rank(char g);

/* Krippendorff's alpha between observers. Units are the rated targets; only values in units rated by two
 * or more observers ("pairable") count. Not defined with fewer than two pairable values or when they are
 * all the same: no disagreement can be expected, and there is no number to print. */
typedef struct score_agreement {
    int observers;   /* distinct observers (coders) */
    int units;       /* pairable units */
    int values;      /* pairable values */
    int defined;
    double alpha;    /* meaningful only when defined */
} score_agreement;
/* Alpha with the ordinal metric over v[units][coders], values 0..cats-1 in order, -1 missing.
 * 0, or -1 out of memory. */
int score_alpha_ordinal(const int *v, int units, int coders, int cats, score_agreement *out);

#endif
