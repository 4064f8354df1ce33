/* store.h — persistence: the SQLite save database (sessions, the action log appended as it happens,
 * scorecards, overrides, notes) and the JSON response-file format of action lists. */
#ifndef YQ_STORE_H
#define YQ_STORE_H

#include <stdint.h>

#include "sim/action.h"

typedef struct store store;

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
/* The stored scorecard JSON (malloc'd), or NULL when unfinished. */
char *store_scorecard(store *s, int64_t session, char *err, int errlen);

/* Response files: a JSON array of actions [{"t": seconds | "at": "HH:MM[:SS]", "type": ..., ...}].
 * Errors name the file and line:column. */
int store_actions_parse(const char *json, const char *name, sim_action **out, int *n, char *err, int errlen);
int store_actions_read_file(const char *path, sim_action **out, int *n, char *err, int errlen);
/* Serialise actions as a response file (malloc'd, pretty-printed, ends with a newline). */
char *store_actions_to_json(const sim_action *a, int n);

#endif
