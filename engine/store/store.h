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

/* Limits on what a session holds, the same as the trainee console's: ids (scenario, plan, rumour...) in
 * bytes, names (trainee, instructor) and texts (an action's or a note's text) in UTF-8 characters. */
#define STORE_ID_MAX 64
#define STORE_NAME_MAX 64
#define STORE_TEXT_MAX 2000
/* 1 when s is a plain id: letters, digits, '_', '-', '.', not starting with '.' or '-', at most STORE_ID_MAX. */
int store_id_ok(const char *s);
/* A new random UUID (version 4, from /dev/urandom) as 36 characters; -1 with a message when unreadable. */
int store_uuid_new(char out[37], char *err, int errlen);
/* The number of UTF-8 characters in s (bytes that do not continue a character). */
long store_utf8_chars(const char *s);

/* Open or create a save database (WAL, busy timeout, schema migrated). A file that is not a
 * yqdrill database, is corrupt, or has a newer schema is refused and left untouched: everything is
 * checked (including every table's columns) before anything is written. A database that cannot be
 * written (read-only file or mount) is opened read-only when its schema is current: reading works,
 * writes fail. Returns 0, or -1 with a one-line message. */
int store_open(const char *path, store **out, char *err, int errlen);
/* 1 when store_open fell back to read-only. */
int store_readonly(const store *s);
/* Checkpoint the WAL into the main file (when writable) and close; s is freed in any case (NULL: nothing
 * to do). Returns 0, or -1 with a one-line message when the checkpoint or the close failed. */
int store_close(store *s, char *err, int errlen);

/* What a file looks like from outside, read without writing anything (for `sessions` to warn). */
typedef enum store_probe_kind {
    STORE_PROBE_MISSING,       /* no such file */
    STORE_PROBE_EMPTY,         /* zero bytes */
    STORE_PROBE_NOT_SQLITE,    /* not an SQLite database */
    STORE_PROBE_WAL_ONLY,      /* WAL-mode file without yqdrill tables and without its -wal: a copy taken mid-drill */
    STORE_PROBE_FOREIGN,       /* another application's SQLite database */
    STORE_PROBE_YQDRILL,       /* a yqdrill saves database */
} store_probe_kind;
store_probe_kind store_probe(const char *path);

/* Copy the open database, consistently, to out (SQLite's online backup; the -wal is included, out is
 * replaced atomically through a temporary file beside it). Returns 0, or -1 with a message. */
int store_backup(store *s, const char *out, char *err, int errlen);

typedef struct store_session {
    int64_t id;
    char uuid[40];         /* stable across stations, "" only in a database not yet migrated */
    char trainee[STORE_NAME_MAX * 4 + 1];
    char scenario[STORE_ID_MAX + 1];
    uint64_t content_hash;
    uint64_t seed;
    char plan[STORE_ID_MAX + 1];
    uint64_t plan_hash;    /* FNV-1a of the plan file it was graded against, 0 when unknown */
    char version[32];      /* the yqdrill version that played it, "" when unknown */
    char started[32];      /* ISO-8601 UTC */
    int finished;          /* 1 once the scorecard is stored */
    int n_actions;
    double total;          /* scorecard total, or -1 */
    uint64_t world_hash;   /* final world hash, 0 until finished */
} store_session;

/* A new session with a fresh UUID. The trainee name is at most STORE_NAME_MAX characters; scenario and
 * plan are plain ids (see store_id_ok). */
int store_session_begin(store *s, const char *trainee, const char *scenario, uint64_t content_hash,
                        uint64_t seed, const char *plan, int64_t *id, char *err, int errlen);
/* Record the program version and the plan file's hash of a session. */
int store_session_set_origin(store *s, int64_t session, const char *version, uint64_t plan_hash, char *err,
                             int errlen);
/* The scenario changed under a running drill (hot reload): its log now replays on this content. */
int store_session_set_content_hash(store *s, int64_t session, uint64_t content_hash, char *err, int errlen);
/* Whether an action can be stored: known type and role, ids and text within the limits above. */
int store_action_check(const sim_action *a, char *err, int errlen);
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

/* Observers' ratings on the HSEEP scale: P performed without challenges, S with some challenges, M with
 * major challenges, U unable to be performed. A rating targets a rubric line (its id) or one action (its
 * number in the session's log, 1 for the first, as decimal text). One per (session, kind, target,
 * observer): a new rating of the same target by the same observer replaces the old. */
typedef enum store_rating_kind { STORE_RATE_LINE, STORE_RATE_ACTION } store_rating_kind;
typedef struct store_rating {
    int64_t id;
    store_rating_kind kind;
    char *target;
    char *observer;
    char grade;            /* 'P', 'S', 'M' or 'U' */
    char *comment;         /* or NULL */
    char *at;              /* UTC ISO-8601; NULL when saving means now */
} store_rating;
/* "line" or "action". */
const char *store_rating_kind_name(store_rating_kind k);
/* 1 when g is exactly one of "P", "S", "M", "U". */
int store_grade_ok(const char *g);
/* Whether a rating can be stored: grade, target form, name and comment within the limits above. */
int store_rating_check(const store_rating *r, char *err, int errlen);
/* Save n ratings in one transaction: all are checked first, and none is saved when one fails. */
int store_ratings_put(store *s, int64_t session, const store_rating *r, int n, char *err, int errlen);
/* A session's ratings: lines before actions, by target then observer; free with store_ratings_free. */
int store_rating_list(store *s, int64_t session, store_rating **out, int *n, char *err, int errlen);
void store_ratings_free(store_rating *r, int n);
/* Whether two ratings are of the same line or action (store_rating_list gives each target's as one run). */
int store_rating_same_target(const store_rating *a, const store_rating *b);
/* Krippendorff's ordinal alpha of a session's ratings as store_rating_list orders them (each line and
 * each action rated is a unit). 0, or -1 out of memory. */
int store_ratings_agreement(const store_rating *r, int n, score_agreement *out);
/* A ratings file: a JSON array of {"line": ID | "action": N, "grade": "P"|"S"|"M"|"U", "comment": TEXT?},
 * each given the observer `by`. Every entry is checked (store_rating_check); the first problem is reported
 * as "entry K: ..." and nothing is returned. 0, or -1 with err; free with store_ratings_free. */
int store_ratings_parse(const char *json, const char *by, store_rating **out, int *n, char *err, int errlen);
/* The ratings as JSON (malloc'd; NULL out of memory): {"agreement": {observers, units, alpha (null when
 * not defined), metric}, "lines": [{id, title, points, max, auto (the line's score as P/S/M/U), ratings:
 * [{by, grade, comment, at}]}], "actions": [{action, ratings}]}; card gives the lines' scores (NULL: none). */
char *store_ratings_json(const store_rating *r, int n, const score_card *card);
/* The same from a file (at most 4 MiB); problems name the file. */
int store_ratings_read_file(const char *path, const char *by, store_rating **out, int *n, char *err, int errlen);

/* Merge another station's saves database (opened read-only) into s, in one transaction: each of its
 * sessions with actions, overrides and notes. Sessions are the same when their UUIDs are (for a database
 * from before UUIDs: same trainee, scenario, content hash, seed and started time). A session already
 * here is not copied again: when one log is a prefix of the other the longer one wins (with its
 * scorecard); only overrides and notes it lacks are added. Sessions whose scenario id is not a plain id,
 * or whose names or texts exceed the limits above, are refused (counted, first reason kept), as are
 * sessions whose logs diverge. Returns 0, or -1 with a message. */
typedef struct store_import_counts {
    int sessions_added;
    int sessions_present;
    int sessions_extended;   /* present here, with a shorter log that their longer one replaced */
    int sessions_refused;
    char refused[256];       /* why the first refused session was refused */
    int annotations_added;   /* overrides and notes copied */
} store_import_counts;
int store_import(store *s, const char *path, store_import_counts *counts, char *err, int errlen);

/* A team session's line for one plan group: the points and maximum of the process steps that group owns.
 * Put replaces the session's lines with g[0..n) in one transaction (groups plain ids); list gives them in
 * that order (none for a session that is not a team's), *out malloc'd. 0, or -1 with a message. */
typedef struct store_group_line {
    char group[STORE_ID_MAX + 1];
    double points, max;
} store_group_line;
int store_groups_put(store *s, int64_t session, const store_group_line *g, int n, char *err, int errlen);
int store_groups_list(store *s, int64_t session, store_group_line **out, int *n, char *err, int errlen);
/* A proposal a team session's host has handled: proposal number `proposal` of the seat (trainee, plan group),
 * accepted as action `seq` of the log, or refused (seq -1). Put an accepted one before its action (what a host
 * stopped in between left at that seq or later is dropped); list gives the refused ones and those whose action
 * is stored, *out malloc'd. 0, or -1 with a message. */
typedef struct store_proposal {
    char trainee[4 * STORE_NAME_MAX + 1];
    char group[STORE_ID_MAX + 1];
    int proposal;
    int seq;
} store_proposal;
int store_proposal_put(store *s, int64_t session, const store_proposal *p, char *err, int errlen);
int store_proposals_list(store *s, int64_t session, store_proposal **out, int *n, char *err, int errlen);

/* A team session's clock ceiling: put t (no time the host published is later); get it, 0 when none is kept.
 * 0, or -1 with a message. */
int store_team_clock_put(store *s, int64_t session, sim_time t, char *err, int errlen);
int store_team_clock_get(store *s, int64_t session, sim_time *t, char *err, int errlen);

/* A team seat's own proposals in its local save (session: its copy of the team session), kept before they are
 * sent: put proposal number `proposal` of seat (trainee, group); list the ones from number `from` on, as long as
 * their numbers run on without a gap (*out: free with store_actions_free). 0, or -1 with a message. */
int store_outbox_put(store *s, int64_t session, const char *trainee, const char *group, int proposal,
                     const sim_action *a, char *err, int errlen);
int store_outbox_list(store *s, int64_t session, const char *trainee, const char *group, int from, sim_action **out,
                      int *n, char *err, int errlen);

/* Live classroom merge (the instructor's database). Adopt a station's session by its UUID (h->uuid, trainee,
 * scenario, content_hash, seed, plan, version, plan_hash, started used): *id the row, *added 1 when new.
 * Merge an action by (session, seq): stored once, *added 0 when that seq is already here. 0, or -1 with a message. */
int store_session_adopt(store *s, const store_session *h, int64_t *id, int *added, char *err, int errlen);
int store_action_merge(store *s, int64_t session, int seq, const sim_action *a, int *added, char *err, int errlen);

/* Response files: a JSON array of actions [{"t": seconds | "at": "HH:MM[:SS]", "type": ..., ...}], or an
 * object {"scenario": ID, "content_hash": "16 hex", "seed": "decimal", "plan": ID, "actions": [...]}
 * that says what the actions were played on (every key but "actions" optional).
 * Errors name the file and line:column. */
typedef struct store_response_meta {
    char scenario[STORE_ID_MAX + 1];   /* "" when not given */
    char plan[STORE_ID_MAX + 1];       /* "" when not given */
    int has_seed, has_content_hash;
    uint64_t seed, content_hash;
} store_response_meta;
int store_actions_parse(const char *json, const char *name, sim_action **out, int *n, char *err, int errlen);
int store_actions_read_file(const char *path, sim_action **out, int *n, char *err, int errlen);
/* Both forms; meta is zeroed for a plain array. */
int store_response_parse(const char *json, const char *name, store_response_meta *meta, sim_action **out, int *n,
                         char *err, int errlen);
int store_response_read_file(const char *path, store_response_meta *meta, sim_action **out, int *n, char *err,
                             int errlen);
/* Serialise actions as a response file (malloc'd, pretty-printed, ends with a newline): a plain array, or
 * with meta the object form; NULL when out of memory or an action has an out-of-range type or role. */
char *store_actions_to_json(const sim_action *a, int n);
char *store_response_to_json(const store_response_meta *meta, const sim_action *a, int n);

#endif
