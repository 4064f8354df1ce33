/* store.h — persistence: the SQLite save database (sessions, the action log appended as it happens,
 * scorecards, overrides, notes) and the JSON response-file format of action lists. */
#ifndef YQ_STORE_H
#define YQ_STORE_H

#include <stdint.h>

#include "score/score.h"
#include "sim/action.h"

typedef struct store store;

/* PRAGMA application_id of a yqdrill saves database ('YQDR'); PRAGMA user_version is its schema version. */
#define STORE_APPLICATION_ID 0x59514452
/* The schema version this build creates and migrates to. */
int store_schema_version(void);

/* Open or create a save database (WAL, busy timeout, schema migrated). A file that is not a
 * yqdrill database, is corrupt, or has a newer schema is refused and left untouched.
 * Returns 0, or -1 with a one-line message. */
int store_open(const char *path, store **out, char *err, int errlen);
void store_close(store *s);

typedef struct store_session {
    int64_t id;
    char trainee[128];
    char scenario[128];
    uint64_t content_hash;
    uint64_t seed;
    char plan[128];
    char started[32];      /* ISO-8601 UTC */
    int finished;          /* 1 once the scorecard is stored */
    int n_actions;
    double total;          /* scorecard total, or -1 */
    uint64_t world_hash;   /* final world hash, 0 until finished */
} store_session;

int store_session_begin(store *s, const char *trainee, const char *scenario, uint64_t content_hash,
                        uint64_t seed, const char *plan, int64_t *id, char *err, int errlen);
/* Append one action in its own transaction; seq is its index in the session's log. */
int store_action_append(store *s, int64_t session, int seq, const sim_action *a, char *err, int errlen);
int store_session_finish(store *s, int64_t session, const char *scorecard_json, double total,
                         uint64_t world_hash, char *err, int errlen);
int store_session_get(store *s, int64_t id, store_session *out, char *err, int errlen);
/* All sessions, newest first; *out is malloc'd. */
int store_sessions_list(store *s, store_session **out, int *n, char *err, int errlen);
/* The session's actions in order; free with store_actions_free. */
int store_actions_load(store *s, int64_t session, sim_action **out, int *n, char *err, int errlen);
void store_actions_free(sim_action *a, int n);
/* The stored scorecard JSON (malloc'd), or NULL when unfinished (err "") or on error (err set). */
char *store_scorecard(store *s, int64_t session, char *err, int errlen);

/* Instructor overrides of scorecard lines, oldest first. `at` NULL means now (UTC ISO-8601). */
typedef struct store_override {
    int64_t id;
    char *line;            /* rubric line id */
    double points;
    char *by_name;
    char *at;
    char *comment;         /* or NULL */
} store_override;
int store_override_add(store *s, int64_t session, const char *line, double points, const char *by_name,
                       const char *at, const char *comment, char *err, int errlen);
int store_override_list(store *s, int64_t session, store_override **out, int *n, char *err, int errlen);
void store_overrides_free(store_override *o, int n);
/* Apply a session's stored overrides to a scorecard, in the order they were made. */
void store_overrides_apply(const store_override *o, int n, score_card *c);

/* Notes on a session (instructor or trainee), ordered by simulation time then insertion. */
typedef struct store_note {
    int64_t id;
    sim_time t;            /* simulation second the note refers to */
    char *author;
    char *text;
    char *at;              /* wall-clock time written (UTC ISO-8601) */
} store_note;
int store_note_add(store *s, int64_t session, sim_time t, const char *author, const char *text,
                   const char *at, char *err, int errlen);
int store_note_list(store *s, int64_t session, store_note **out, int *n, char *err, int errlen);
void store_notes_free(store_note *notes, int n);

/* Merge another station's saves database (opened read-only) into s, in one transaction: each of its
 * sessions with actions, overrides and notes. A session already here — same trainee, scenario, content
 * hash, seed, started time and identical action list — is not copied again; only overrides and notes it
 * lacks are added (and its scorecard, if ours is unfinished). Returns 0, or -1 with a message. */
typedef struct store_import_counts {
    int sessions_added;
    int sessions_present;
    int annotations_added;   /* overrides and notes copied */
} store_import_counts;
int store_import(store *s, const char *path, store_import_counts *counts, char *err, int errlen);

/* Response files: a JSON array of actions [{"t": seconds | "at": "HH:MM[:SS]", "type": ..., ...}].
 * Errors name the file and line:column. */
int store_actions_parse(const char *json, const char *name, sim_action **out, int *n, char *err, int errlen);
int store_actions_read_file(const char *path, sim_action **out, int *n, char *err, int errlen);
/* Serialise actions as a response file (malloc'd, pretty-printed, ends with a newline);
 * NULL when out of memory or an action has an out-of-range type or role. */
char *store_actions_to_json(const sim_action *a, int n);

#endif
