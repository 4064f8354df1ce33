/* world.h — the opinion world and its fixed-timestep loop: state, the action queue, the event
 * stream, triggers' effects and the whole-state hash. Plain C; no SDL, Lua or SQLite here. */
#ifndef YQ_SIM_WORLD_H
#define YQ_SIM_WORLD_H

#include <stddef.h>
#include <stdint.h>

#include "action.h"
#include "rng.h"
#include "scenario.h"
#include "claims.h"
#include "text.h"

/* One tick is this many simulation seconds. */
#define SIM_TICK_S 10

typedef enum sim_event_type {
    SIM_EV_INJECT,          /* ref = inject index */
    SIM_EV_FACT_VERIFIED,   /* ref = fact index */
    SIM_EV_RUMOUR_START,    /* ref = rumour index */
    SIM_EV_RUMOUR_REBUTTED, /* ref = rumour index, value = rebuttal strength */
    SIM_EV_MEDIA_REPORT,    /* ref = question index it raises or -1, value = posts/hour */
    SIM_EV_QUESTION,        /* ref = question index: reporters now ask it */
    SIM_EV_FOLLOWUP,        /* ref = question index: the answer evaded, follow-up asked */
    SIM_EV_LEVEL,           /* value = new warning level 0..3 */
    SIM_EV_TIER,            /* value = new monitoring tier 0..3 (0 none) */
    SIM_EV_ACTION,          /* ref = index in the applied-action log */
    SIM_EV_SILENCE,         /* the first-response deadline passed with no statement */
    SIM_EV_NOTE,            /* text = a scenario trigger's message */
    SIM_EV_ENDING,          /* ref = ending index */
    SIM_EV_COUNT
} sim_event_type;

typedef struct sim_event {
    sim_time t;
    sim_event_type type;
    int ref;
    double value;
    char *text;   /* owned; only for SIM_EV_NOTE (its zh text) */
    char *text_en;/* owned; a bilingual note's en text, else NULL */
} sim_event;

const char *sim_event_type_name(sim_event_type t);
/* A note's text in `lang` ("en": its en text when it has one; else its zh text). */
const char *sim_event_note(const sim_event *e, const char *lang);

/* How the public took a public text of the trainee, as the world read it (response.c). */
typedef enum sim_reception {
    SIM_RECEPTION_NONE,       /* no public text */
    SIM_RECEPTION_WARM,       /* truthful and said with care: support, and follow-up questions */
    SIM_RECEPTION_QUESTIONS,  /* sound but thin or cold: follow-up questions */
    SIM_RECEPTION_MOCKERY,    /* officialese or a copy: mockery */
    SIM_RECEPTION_ANGER       /* falsehood, a rumour repeated or confirmed, a reversal, blame: anger */
} sim_reception;

typedef enum sim_author { SIM_AUTHOR_USER, SIM_AUTHOR_LEADER, SIM_AUTHOR_MEDIA, SIM_AUTHOR_OFFICIAL } sim_author;
typedef enum sim_stance { SIM_STANCE_ANGRY, SIM_STANCE_WORRIED, SIM_STANCE_NEUTRAL, SIM_STANCE_SUPPORTIVE, SIM_STANCE_RUMOUR, SIM_STANCE_COUNT } sim_stance;
const char *sim_author_name(sim_author a);
const char *sim_stance_name(sim_stance s);

/* A sampled post of the feed; its text is the scenario template `tmpl` with slots filled, dressed with
 * the phrasebook's opener, ending and mark, or a repost comment on an earlier post (see feed_text.c). */
typedef struct sim_post {
    uint32_t id;
    sim_time t;
    int platform;   /* scenario platform index */
    sim_author author;
    sim_stance stance;
    int tmpl;       /* scenario template index, -1 for the instructor's own post */
    int action;     /* the instructor's own post: its action's index in the log (its text), else -1 */
    int rumour;     /* rumour index for rumour posts, else -1 */
    uint32_t reposts;
    uint32_t account;    /* the posting account (node of the follow network) */
    int fact;            /* the fact filling {fact}: the newest verified when posted, or -1 */
    uint32_t repost_of;  /* id of the post this one reposts, 0 for an original post */
    uint32_t opener, ending, mark, comment;  /* phrasebook entries (taken modulo each list) */
    double heat;         /* posts/hour when it was posted: its engagement grows from there */
    uint64_t text_hash;  /* of its zh and en texts: no two of SIM_FEED_DISTINCT consecutive posts share it */
} sim_post;

/* Posts in a row whose texts all differ (when the phrasebook allows). */
#define SIM_FEED_DISTINCT 50

#define SIM_FEED_CAP 4096

typedef struct sim_rumour_state {
    int active;             /* started and not yet died out */
    int started;
    sim_time started_at;
    sim_time rebutted_at;   /* SIM_NEVER until rebutted */
    double rebuttal;        /* strength 0..1 of the official rebuttal */
    double boost;           /* >= 1: official voices repeating or confirming it speed and sell it */
    uint32_t heard;         /* accounts that have heard it (spreaders + stiflers) */
    uint32_t spreaders;
    uint32_t believers;
    double reach;           /* heard / population */
} sim_rumour_state;

/* What a monitor watches, updated every tick. */
typedef struct sim_metrics {
    double posts_per_hour;
    double reposts_per_hour;
    double posts_total;
    double reads_total;
    double sentiment[3];     /* negative, neutral, positive shares of recent posts */
    double trust;            /* official credibility 0..100 */
    double crowd;            /* people at the site */
    double calls_per_hour;   /* hotline volume */
    double complaints;       /* cumulative complaints */
    int level;               /* warning level 0 blue .. 3 red */
    int tier;                /* monitoring tier 0 none, 1 attention, 2 warning, 3 crisis */
    double peak_posts_per_hour;
} sim_metrics;

/* One point of the curves the interface and the review draw (one per minute). */
typedef struct sim_sample {
    sim_time t;
    float posts_per_hour;
    float reads_total;
    float trust;
    float crowd;
    float rumour_reach;  /* largest reach of any rumour */
    int8_t level;
} sim_sample;

/* Trigger hooks: the scenario's rules (Lua in engine/script) are called from inside the step. */
typedef struct sim_world sim_world;
typedef struct sim_hooks {
    void *ud;
    /* After an action was applied. Non-zero return stops the world with an error (see sim_error). */
    int (*on_action)(void *ud, sim_world *w, const sim_action *a);
    /* After each tick's models ran. */
    int (*on_tick)(void *ud, sim_world *w);
} sim_hooks;

typedef struct sim_world_model sim_world_model;  /* population, network, per-account state */

struct sim_world {
    const sim_scenario *scn;
    const sim_lexicon *lex;
    const struct sim_phrasebook *phrases;  /* NULL: posts are the bare templates, authors unnamed */
    uint64_t seed;
    sim_rng rng;
    sim_time now;
    sim_hooks hooks;
    int ended;                 /* an ending was reached or time ran out */
    int ending;                /* ending index or -1 */
    char error[256];           /* set when a hook failed */

    sim_metrics m;
    double heat_intensity;     /* current Hawkes excitation (posts/hour above base) */
    double damping;            /* 0..1 multiplier applied to new heat by good handling */
    double fuel;               /* extra base posts/hour from poor handling */
    sim_time first_statement;  /* SIM_NEVER until a public statement */
    int silence_fired;
    int press_held;
    int media_reports;         /* reports published so far (each doubles the next threshold) */
    int leaders_engaged;
    int measures[SIM_MEASURE_COUNT];
    int arranged[SIM_LOGISTICS_COUNT];  /* logistics items arranged so far (venue, hotline staff ...) */
    uint8_t *fact_verified;    /* per scenario fact */
    uint8_t *inject_fired;     /* per scenario inject */
    uint8_t *question_state;   /* per question: 0 not asked, 1 asked, 2 answered, 3 follow-up */
    sim_rumour_state *rumours; /* per scenario rumour */
    int *stated_facts;         /* per fact: statements that cited it (for consistency) */
    double *stated_values;     /* per fact: last number stated publicly, NAN when none */

    sim_action *queue; int n_queue, cap_queue;     /* submitted, not yet applied (sorted by t) */
    sim_action *log; int n_log, cap_log;           /* applied actions, in order */
    sim_reading **readings;    /* per applied action: its text read as claims then (NULL: no text) */
    uint8_t *receptions;       /* per applied action: how the public took its text (sim_reception) */
    sim_event *events; int n_events, cap_events;
    sim_sample *samples; int n_samples, cap_samples;
    float *reach_hist;         /* per sample, each rumour's reach: reach_hist[i * n_rumours + r] */
    sim_post feed[SIM_FEED_CAP]; uint32_t n_posts; /* ring: post i is feed[i % SIM_FEED_CAP] */

    sim_world_model *model;
    uint8_t *hook_bytes;       /* state the hooks keep with this world (which thresholds fired), copied with
                                  it; not in sim_hash: it follows from the world's history */
    int n_hook_bytes;
    uint8_t *hook_state;       /* the hooks' state kept with this world as opaque bytes (the script's w.state,
                                  serialised), copied with it; not in sim_hash, like hook_bytes */
    size_t n_hook_state;
};

/* Create a world at t = 0. `lex` may be NULL (no lexicon-driven reactions). Returns NULL with err set. */
sim_world *sim_world_new(const sim_scenario *s, const sim_lexicon *lex, uint64_t seed,
                         const sim_hooks *hooks, char *err, int errlen);
void sim_world_free(sim_world *w);
/* A checkpoint: a copy of w that steps on exactly as w would (same hash at every later tick), calling
 * `hooks` (NULL: none). It shares the unchanging population of the world that built it (w, or the
 * world w was cloned from), which must outlive it. NULL with err set. */
/* The hooks' n bytes of state kept with w (zeroed when first asked for); NULL when out of memory or when n
 * differs from the first call's. */
uint8_t *sim_hook_bytes(sim_world *w, int n);
/* Replace the hooks' opaque state kept with w by a copy of n bytes (n = 0: none). 0, or -1 when out of
 * memory (the old state is kept). */
int sim_hook_state_set(sim_world *w, const void *bytes, size_t n);
sim_world *sim_world_clone(const sim_world *w, const sim_hooks *hooks, char *err, int errlen);

/* Queue an action. It must validate against the scenario and not lie in the past (t >= now).
 * Returns 0, or -1 with a one-line reason in err. */
int sim_submit(sim_world *w, const sim_action *a, char *err, int errlen);

/* Advance one tick: apply due actions, fire timed content, run models, sample, call hooks.
 * Returns 0, or -1 when a hook failed (message in w->error). */
int sim_step(sim_world *w);
/* Step until now >= t or the world ended. Returns as sim_step. */
int sim_run_until(sim_world *w, sim_time t);
int sim_is_over(const sim_world *w);

/* FNV-1a 64 over every field of the world state that matters (never padding or pointers). */
uint64_t sim_hash(const sim_world *w);

/* Effects a trigger may cause during a hook (the scenario's own rules). Return 0 or -1 (unknown id). */
int sim_fire_inject(sim_world *w, int inject);
int sim_start_rumour(sim_world *w, int rumour);
int sim_verify_fact(sim_world *w, int fact);
int sim_ask_question(sim_world *w, int question);
void sim_adjust(sim_world *w, double trust, double crowd, double heat);
int sim_reach_ending(sim_world *w, int ending);
int sim_note(sim_world *w, const char *text);
/* A note in two languages (`en` may be NULL: as sim_note). */
int sim_note2(sim_world *w, const char *zh, const char *en);

/* Rumour r's reach at sample i. */
float sim_sample_reach(const sim_world *w, int i, int r);

/* The reading of applied action i (log index), taken when it was applied; NULL when it had no text. */
const sim_reading *sim_action_reading(const sim_world *w, int i);
/* How the public took applied action i's public text (SIM_RECEPTION_NONE: no public text). */
sim_reception sim_action_reception(const sim_world *w, int i);

/* The official account's thread: each public text of the trainee (statement, reply, rebuttal, answer)
 * is a post of the body's official account; replies arrive over time, drawn from how it was taken. */
#define SIM_THREAD_REPLIES 6
typedef struct sim_thread_reply {
    uint32_t account;
    sim_time t;
    const char *text;   /* the phrasebook's, in the language asked */
} sim_thread_reply;
/* The account the body publishes from (its first official account). */
uint32_t sim_official_account(const sim_world *w);
/* Replies to applied action i that have arrived by now, oldest first, into out (at most max); returns
 * their count (0 without a public text or a phrasebook). The same seed gives the same replies. */
int sim_thread_replies(const sim_world *w, int i, const char *lang, sim_thread_reply *out, int max);

/* Whether a fact was verified at time t (facts verify at their time or by sim_verify_fact). */
int sim_fact_is_verified(const sim_world *w, int fact);

/* 热搜: the incident's topics, hottest first. Each started rumour (weighed by its reach, less once
 * rebutted), fired public inject (post, video, media, notice) and verified fact (fading with age) is one topic named by its text's first
 * clause in `lang`; its heat figure scales with the reads and posts/hour. Deterministic; no stance. */
#define SIM_HOT_MAX 32
typedef enum sim_hot_kind { SIM_HOT_RUMOUR, SIM_HOT_INJECT, SIM_HOT_FACT } sim_hot_kind;
typedef struct sim_hot_topic {
    sim_hot_kind kind;
    int ref;          /* rumour, inject or fact index */
    sim_time since;   /* when it surfaced */
    uint32_t heat;
    char label[96];
} sim_hot_topic;
/* Fills out with at most max topics; returns their count. */
int sim_hot_topics(const sim_world *w, const char *lang, sim_hot_topic *out, int max);

/* The newest post, or post `back` steps before it; NULL when there are fewer. */
const sim_post *sim_feed_post(const sim_world *w, uint32_t back);
/* The post with this id, while it is still in the feed's ring; NULL otherwise. */
const sim_post *sim_feed_find(const sim_world *w, uint32_t id);
/* Fill a post's text into buf (template slots replaced, phrasing added, reposts as "…//@name：…" chains);
 * returns buf. */
const char *sim_post_text(const sim_world *w, const sim_post *p, const char *lang, char *buf, size_t len);
/* A post's likes, comments and reposts now: they grow with its age and the heat since it was posted. */
typedef struct sim_engagement { uint32_t likes, comments, reposts; } sim_engagement;
sim_engagement sim_post_engagement(const sim_world *w, const sim_post *p);
/* The phrasebook the feed writes with (call before the first step; NULL for bare templates). */
void sim_world_set_phrases(sim_world *w, const struct sim_phrasebook *pb);

/* Who an account is to the trainee: a handle, followers, a badge and an avatar (disc colour, glyph). */
typedef enum sim_badge { SIM_BADGE_NONE, SIM_BADGE_BLUE, SIM_BADGE_GOLD } sim_badge;
typedef struct sim_persona {
    char name[128];
    uint32_t followers;
    sim_badge badge;
    uint8_t rgb[3];     /* avatar disc */
    char glyph[8];      /* one UTF-8 character drawn on the disc */
} sim_persona;
/* The persona of account `account` in lang: the same seed, account and role give the same persona. */
void sim_persona_of(const sim_world *w, uint32_t account, const char *lang, sim_persona *out);

#endif
