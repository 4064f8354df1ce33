/* scenario.h — a drill's content as plain C data: metadata, world parameters, facts, injects,
 * rumours, press questions, feed templates. Filled by engine/script, read by everything else. */
#ifndef YQ_SIM_SCENARIO_H
#define YQ_SIM_SCENARIO_H

#include <stdint.h>

/* Simulation time is whole seconds since the incident broke (t = 0). */
typedef int64_t sim_time;
#define SIM_NEVER ((sim_time)-1)

/* A bilingual text: zh is required, en optional (NULL). */
typedef struct sim_text {
    char *zh;
    char *en;
} sim_text;

typedef struct sim_strlist {
    char **items;
    int count;
} sim_strlist;

/* Free a list's items (the struct itself is the caller's). */
void sim_strlist_free(sim_strlist *l);

typedef struct sim_fact {
    char *id;
    sim_text text;
    int has_value;        /* 1 when the fact carries a number (injured, time, amount) */
    double value;
    char *unit;           /* "人", "万元", ... or NULL */
    char *kind;           /* "number", "cause", "place", "time", "measure", "other" */
    sim_strlist synonyms; /* phrasings a trainee might use */
    sim_time verified_at; /* when it becomes verified; SIM_NEVER = never verified */
    sim_text verified_by; /* how it is verified ("现场报告"), shown in the inbox */
    char *superseded_by;  /* id of the fact that replaces this figure once verified, or NULL */
    sim_strlist subjects; /* words naming what the number counts ("学生", "共"): binds numbers */
    sim_strlist topics;   /* words naming what the fact is about ("检测结果", "真伪"): hedged, asked or
                             denied they speak of the fact; merely named they state nothing */
    int line;             /* line in scenario.lua, for error messages */
} sim_fact;

typedef struct sim_inject {
    char *id;
    char *kind;      /* "post", "video", "media", "call", "field", "hotline", "notice" */
    sim_text source; /* who sends it */
    sim_text text;
    sim_time at;     /* SIM_NEVER: fired only by a trigger or the instructor */
    double heat;     /* exogenous posts it injects into the heat process */
    double crowd;    /* people added at the site */
    double calls;    /* hotline calls added */
    double length;   /* a video's running time in seconds (0: not given) */
    int line;
} sim_inject;

typedef struct sim_rumour {
    char *id;
    sim_text claim;
    char *platform;     /* platform id where it starts */
    sim_time start;     /* SIM_NEVER: started only by a trigger */
    double spread;      /* contacts per spreader per hour (Maki-Thompson lambda) */
    double stifle;      /* probability a contact with an informed account stifles (alpha) */
    double believe;     /* share of hearers who believe it */
    int seeds;          /* initial spreaders */
    char *rebutted_by;  /* fact id whose verified statement rebuts it */
    sim_strlist synonyms; /* phrasings of the rumour's core ("打死", "死亡", "died") */
    int line;
} sim_rumour;

/* A claim the author expects trainees to be tempted by: false ("过期肉导致"), or true but only
 * verified later. Asserting a false claim is a false statement. */
typedef struct sim_claim_def {
    char *id;
    sim_text text;
    sim_strlist synonyms;
    int truth;            /* 1 true, 0 false */
    sim_time verified_at; /* for true claims: when it becomes verified (SIM_NEVER: never) */
    char *kind;           /* as a fact's kind, or NULL: "cause" makes it one of the causes a text may give */
    sim_text hurts;       /* whom the false claim wrongs (a blamed victim, an accused person), or empty */
    int line;
} sim_claim_def;

typedef struct sim_question {
    char *id;
    sim_text reporter;
    sim_text outlet;
    sim_text text;
    sim_text followup;    /* asked when the answer evades (cites none of `expects`) */
    sim_strlist expects;  /* fact ids a good answer contains */
    sim_strlist traps;    /* fact ids the question fishes for before they are verified */
    sim_time at;          /* from when reporters ask it; SIM_NEVER: only via media/trigger */
    char *after_rumour;   /* NULL, or a rumour id: neither `at` nor the media ask it before that rumour starts */
    int line;
} sim_question;

typedef struct sim_template {
    char *platform;  /* platform id or "*" */
    char *stance;    /* "angry", "worried", "neutral", "supportive", "rumour" */
    sim_text text;   /* may hold slots {place} {rumour} {fact} {official} */
    int line;
    char *after;     /* NULL, or "statement": only once a public statement is out */
} sim_template;

typedef struct sim_platform {
    char *id;       /* "weibo", "wechat", "douyin", "forum", "news" */
    sim_text name;
    double share;   /* share of the population active there */
    int line;
} sim_platform;

typedef struct sim_ending {
    char *id;
    sim_text text;
    int line;
} sim_ending;

/* A deadline the scenario sets over its plan's (scenario { deadlines = { first_response = "00:30" } }):
 * `id` is the plan's deadline id, `at` the limit in seconds (from the incident, or for a rebuttal
 * deadline from the rumour's clock). */
typedef struct sim_deadline_override {
    char *id;
    sim_time at;
    int line;
} sim_deadline_override;

/* Parameters of the opinion world; every field has a documented default (sim_params_default). */
typedef struct sim_params {
    uint32_t population;      /* simulated accounts */
    double mean_follows;      /* mean follow edges per account */
    uint32_t leaders;         /* opinion-leader (big V) accounts */
    uint32_t media;           /* media accounts */
    double heat_base;         /* background posts per hour about the incident */
    double heat_branching;    /* Hawkes branching ratio n (< 1) */
    double heat_decay_h;      /* mean delay of a repost after its parent, hours */
    double reads_per_post;    /* reads one post earns on average */
    double trust0;            /* starting official credibility, 0..100 */
    double crowd0;            /* people at the site at t = 0 */
    double media_threshold;   /* posts/hour at which outlets pick the story up */
    double warn_reads[3];     /* reads for yellow, orange, red, counted over warn_reads_window */
    sim_time warn_reads_window; /* seconds back the warning level counts reads; 0: since the incident */
    double warn_crowd[3];     /* people gathered at the site for yellow, orange, red */
    double tier_posts[3];     /* posts/hour for attention, warning, crisis */
    sim_time silence_deadline;/* silence past this fuels heat (first public response) */
} sim_params;

typedef struct sim_scenario {
    char *id;
    char *path;        /* the scenario.lua file, for messages */
    uint64_t content_hash; /* FNV-1a of the scenario folder's files */
    sim_text title;
    sim_text briefing;
    sim_text place;    /* where it happens, fills {place} */
    sim_text official; /* the responsible body, fills {official} */
    char *domain;      /* "urban", "education", "water", "housing", "government" */
    int difficulty;    /* 1..5 */
    char *role;        /* "spokesperson", "monitor", "command" */
    double time_scale; /* simulation minutes per real minute */
    sim_time duration; /* seconds */
    sim_time starts_at; /* time of day the drill opens at, seconds after midnight; SIM_NEVER: not given */
    char *plan;        /* plan id this drill is graded against */
    int bilingual;     /* 1 when en is declared: every text must have en */
    sim_params params;
    sim_platform *platforms; int n_platforms;
    sim_fact *facts; int n_facts;
    sim_inject *injects; int n_injects;
    sim_rumour *rumours; int n_rumours;
    sim_question *questions; int n_questions;
    sim_template *templates; int n_templates;
    sim_ending *endings; int n_endings;
    sim_claim_def *claims; int n_claims;
    sim_deadline_override *deadlines; int n_deadlines; /* sorted by id */
    struct sim_scenario_norms *norms; /* its phrases normalised once (sim_scenario_prepare, text.h), or NULL:
                                         normalised in each read; freed with the scenario */
} sim_scenario;

void sim_params_default(sim_params *p);
/* Zero a scenario and set default parameters. */
void sim_scenario_init(sim_scenario *s);
void sim_scenario_free(sim_scenario *s);

/* Index lookups by id; -1 when absent. */
int sim_scenario_fact(const sim_scenario *s, const char *id);
int sim_scenario_inject(const sim_scenario *s, const char *id);
int sim_scenario_rumour(const sim_scenario *s, const char *id);
int sim_scenario_question(const sim_scenario *s, const char *id);
int sim_scenario_platform(const sim_scenario *s, const char *id);
int sim_scenario_ending(const sim_scenario *s, const char *id);
int sim_scenario_claim(const sim_scenario *s, const char *id);
/* The scenario's own limit for plan deadline `id`, or NULL when it keeps the plan's. */
const sim_deadline_override *sim_scenario_deadline(const sim_scenario *s, const char *id);
/* The fact that supersedes fact f (its superseded_by), -1 when none or unknown. */
int sim_fact_successor(const sim_scenario *s, int f);

/* Pick the text in a language ("zh" or "en"), falling back to zh. */
const char *sim_text_get(const sim_text *t, const char *lang);

#endif
