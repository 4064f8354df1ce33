/* sessions.c — the sessions table: beginning a drill, finishing it with its scorecard,
 * and reading sessions back (one, all newest first, the stored scorecard). */
#include "store_internal.h"

#include <cjson/cJSON.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SESSION_COLUMNS \
    "id, trainee, scenario, content_hash, seed, plan, started, finished IS NOT NULL, " \
    "(SELECT count(*) FROM actions WHERE actions.session = sessions.id), total, world_hash, uuid, version, plan_hash"

static int check_fields(const char *trainee, const char *scenario, const char *plan, char *err, int errlen)
{
    if (!trainee || !scenario) {
        store_errf(err, errlen, "a session needs a trainee and a scenario");
        return -1;
    }
    if (!*trainee || store_utf8_chars(trainee) > STORE_NAME_MAX ||
        strlen(trainee) >= sizeof(((store_session *)0)->trainee)) {
        store_errf(err, errlen, "the trainee name must have 1 to %d characters", STORE_NAME_MAX);
        return -1;
    }
    if (!store_id_ok(scenario) || (plan && !store_id_ok(plan))) {
        store_errf(err, errlen, "scenario and plan ids must be plain ids (letters, digits, '_', '-', '.'; at most %d)",
                   STORE_ID_MAX);
        return -1;
    }
    return 0;
}

int store_session_begin(store *s, const char *trainee, const char *scenario, uint64_t content_hash,
                        uint64_t seed, const char *plan, int64_t *id, char *err, int errlen)
{
    if (check_fields(trainee, scenario, plan, err, errlen))
        return -1;
    char hash[20], seedtxt[24], now[32], uuid[37];
    snprintf(hash, sizeof hash, "%016" PRIx64, content_hash);
    snprintf(seedtxt, sizeof seedtxt, "%" PRIu64, seed);
    store_now_iso(now);
    if (store_uuid_new(uuid, err, errlen) ||
        store_exec(s, "INSERT INTO sessions (uuid, trainee, scenario, content_hash, seed, plan, started) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?)",
                   "cannot begin session", err, errlen, "ttttttt", uuid, trainee, scenario, hash, seedtxt, plan, now))
        return -1;
    *id = sqlite3_last_insert_rowid(s->db);
    return 0;
}

int store_session_set_origin(store *s, int64_t session, const char *version, uint64_t plan_hash, char *err,
                             int errlen)
{
    char hash[20];
    snprintf(hash, sizeof hash, "%016" PRIx64, plan_hash);
    return store_exec(s, "UPDATE sessions SET version = ?, plan_hash = ? WHERE id = ?", "cannot record the session",
                      err, errlen, "tti", version, hash, session);
}

int store_session_set_content_hash(store *s, int64_t session, uint64_t content_hash, char *err, int errlen)
{
    char hash[20];
    snprintf(hash, sizeof hash, "%016" PRIx64, content_hash);
    return store_exec(s, "UPDATE sessions SET content_hash = ? WHERE id = ?", "cannot record the scenario version",
                      err, errlen, "ti", hash, session);
}

int store_session_finish(store *s, int64_t session, const char *scorecard_json, double total,
                         uint64_t world_hash, char *err, int errlen)
{
    cJSON *parsed = scorecard_json ? cJSON_Parse(scorecard_json) : NULL;
    if (!parsed) {
        store_errf(err, errlen, "session %" PRId64 ": the scorecard is not valid JSON", session);
        return -1;
    }
    cJSON_Delete(parsed);
    char hash[20], now[32];
    snprintf(hash, sizeof hash, "%016" PRIx64, world_hash);
    store_now_iso(now);
    if (store_exec(s, "UPDATE sessions SET finished = ?, scorecard = ?, total = ?, world_hash = ? WHERE id = ?",
                   "cannot finish session", err, errlen, "ttdti", now, scorecard_json, total, hash, session))
        return -1;
    if (sqlite3_changes(s->db) == 0) {
        store_errf(err, errlen, "no session %" PRId64, session);
        return -1;
    }
    return 0;
}

static uint64_t column_u64(sqlite3_stmt *st, int col, int base)
{
    const unsigned char *v = sqlite3_column_text(st, col);
    return v ? strtoull((const char *)v, NULL, base) : 0;
}

static void read_session(sqlite3_stmt *st, store_session *out)
{
    memset(out, 0, sizeof *out);
    out->id = sqlite3_column_int64(st, 0);
    store_column_copy(st, 1, out->trainee, sizeof out->trainee);
    store_column_copy(st, 2, out->scenario, sizeof out->scenario);
    out->content_hash = column_u64(st, 3, 16);
    out->seed = column_u64(st, 4, 10);
    store_column_copy(st, 5, out->plan, sizeof out->plan);
    store_column_copy(st, 6, out->started, sizeof out->started);
    out->finished = sqlite3_column_int(st, 7);
    out->n_actions = sqlite3_column_int(st, 8);
    out->total = sqlite3_column_type(st, 9) == SQLITE_NULL ? -1 : sqlite3_column_double(st, 9);
    out->world_hash = column_u64(st, 10, 16);
    store_column_copy(st, 11, out->uuid, sizeof out->uuid);
    store_column_copy(st, 12, out->version, sizeof out->version);
    out->plan_hash = column_u64(st, 13, 16);
}

int store_session_get(store *s, int64_t id, store_session *out, char *err, int errlen)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT " SESSION_COLUMNS " FROM sessions WHERE id = ?", -1, &st, NULL) !=
        SQLITE_OK)
        return store_dberr(s, err, errlen, "cannot read session");
    int rc = sqlite3_bind_int64(st, 1, id);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        read_session(st, out);
    else if (rc == SQLITE_DONE)
        store_errf(err, errlen, "no session %" PRId64, id);
    else
        store_dberr(s, err, errlen, "cannot read session");
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 0 : -1;
}

int store_sessions_list(store *s, store_session **out, int *n, char *err, int errlen)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT " SESSION_COLUMNS " FROM sessions ORDER BY id DESC", -1, &st, NULL) !=
        SQLITE_OK)
        return store_dberr(s, err, errlen, "cannot list sessions");
    store_session *list = NULL;
    int count = 0, cap = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (count == cap) {
            int ncap = cap ? cap * 2 : 16;
            store_session *grown = realloc(list, (size_t)ncap * sizeof *list);
            if (!grown) {
                rc = SQLITE_NOMEM;
                break;
            }
            list = grown;
            cap = ncap;
        }
        read_session(st, &list[count++]);
    }
    if (rc != SQLITE_DONE) {
        if (rc == SQLITE_NOMEM)
            store_errf(err, errlen, "cannot list sessions: out of memory");
        else
            store_dberr(s, err, errlen, "cannot list sessions");
        sqlite3_finalize(st);
        free(list);
        return -1;
    }
    sqlite3_finalize(st);
    *out = list;
    *n = count;
    return 0;
}

char *store_scorecard(store *s, int64_t session, char *err, int errlen)
{
    store_errf(err, errlen, "%s", "");
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT scorecard FROM sessions WHERE id = ?", -1, &st, NULL) != SQLITE_OK) {
        store_dberr(s, err, errlen, "cannot read scorecard");
        return NULL;
    }
    int rc = sqlite3_bind_int64(st, 1, session), oom = 0;
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    char *json = NULL;
    if (rc == SQLITE_ROW)
        json = store_column_dup(st, 0, &oom);
    else if (rc == SQLITE_DONE)
        store_errf(err, errlen, "no session %" PRId64, session);
    else
        store_dberr(s, err, errlen, "cannot read scorecard");
    if (oom)
        store_errf(err, errlen, "cannot read scorecard: out of memory");
    sqlite3_finalize(st);
    return json;
}
