/* drill.h — one drill session end to end, shared by the headless runner and the window: scenario,
 * plan, lexicon, world with its triggers, the save database, grading against a no-action baseline. */
#ifndef YQ_APP_DRILL_H
#define YQ_APP_DRILL_H

#include "score/score.h"
#include "script/script.h"
#include "store/store.h"

typedef struct app_drill {
    char dir[4096];          /* scenario folder */
    char plan_path[4096];    /* the plan file graded against */
    sim_scenario scn;
    scn_script *script;      /* the triggers of both worlds */
    score_plan *plan;
    uint64_t plan_hash;      /* FNV-1a of the plan file's bytes */
    score_texts *texts;      /* scorecard explanations in zh and en (ROOT/assets/score) */
    sim_lexicon lex;
    sim_phrasebook phrases;  /* the feed's everyday phrasing (ROOT/assets/feed/phrases.json) */
    uint64_t seed;
    sim_world *world;
    sim_world *base;         /* the no-action baseline: a copy of world at t = 0 sharing its population and
                                script; stepped by app_drill_finish, freed with world */
    store *db;               /* NULL: not saved */
    int64_t session;
    score_card card;
    int graded;
} app_drill;

/* Load scenario (folder or id), its plan (or plan_path), the lexicon, the scorecard texts, and build the world.
 * Returns an APP_EXIT_* code; on failure a one-line message (or problems printed by the caller). */
int app_drill_open(app_drill *d, const char *scenario, uint64_t seed, const char *plan_path,
                   scn_problems *probs, char *err, int errlen);
/* Start saving into db: a new session row (with the program version and the plan's hash). */
int app_drill_save(app_drill *d, store *db, const char *trainee, char *err, int errlen);
/* Whether every one of actions[0..n) can be taken in this drill from simulation second `from` on: storable,
 * valid for the scenario, not in the past, before the drill's end. Checked before a session begins so a bad
 * file leaves nothing behind. APP_EXIT_* code; err names the 1-based action (plus `first`). */
int app_drill_check(const app_drill *d, const sim_action *a, int n, int first, sim_time from, char *err, int errlen);
/* Take an action: validate, queue it, append it to the save — both or neither. APP_EXIT_* code. */
int app_drill_take(app_drill *d, const sim_action *a, char *err, int errlen);
/* Replay actions that are already saved (resume): queue without saving again. */
int app_drill_replay(app_drill *d, const sim_action *a, int n, char *err, int errlen);
int app_drill_step(app_drill *d, char *err, int errlen);
/* Step whole ticks while the next one ends by time t (a team's clock: nothing may land before it), at most
 * max_steps of them, never past the drill's end. APP_EXIT_* code. */
int app_drill_step_to(app_drill *d, sim_time t, int max_steps, char *err, int errlen);
/* Run to the end, grade against the no-action baseline (the scenario version loaded with the drill, never
 * re-read from disk), explain in zh and en, store the scorecard. Once per drill. */
int app_drill_finish(app_drill *d, char *err, int errlen);
void app_drill_close(app_drill *d);
/* For authors: when the scenario's files changed, load them again and rebuild the world with the
 * same seed and every action taken so far, up to the same time; a saved session records the new content
 * hash (its log now replays on the new version). 1 reloaded, 0 unchanged, -1 the new version is invalid
 * or cannot be recorded (problems / err set) and the running drill is left as it was. */
int app_drill_reload(app_drill *d, scn_problems *probs, char *err, int errlen);

/* Open the saves database (--save value or the default) and the session named by an id argument.
 * Prints a one-line error to stderr; returns an APP_EXIT_* code (*db is NULL on failure). */
int app_session_open(const char *save, const char *id_arg, store **db, store_session *ses);
/* Rebuild a saved session's drill: its scenario from ROOT/scenarios/ID (a stored id that is not a plain id
 * is refused; refused too when changed since it was played), the plan
 * (plan_path, or the scenario's own), and its saved actions queued for replay (*acts: free with
 * store_actions_free). Prints problems to stderr; returns an APP_EXIT_* code. */
int app_drill_reopen(app_drill *d, store *db, const store_session *ses, const char *plan_path, sim_action **acts,
                     int *n);

/* How long the session's drill lasts (its scenario as it is now); -1 when the scenario cannot be loaded. */
int app_session_duration(const store_session *ses, sim_time *duration);

/* The saves database path: --save value, or ROOT/saves/yqdrill.db. */
const char *app_default_db(char *buf, unsigned long n);

#endif
