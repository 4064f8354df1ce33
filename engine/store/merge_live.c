/* merge_live.c — sessions arriving live from classroom stations: a session adopted by its UUID,
 * each action stored once by (session UUID, seq), the scorecard taken once the station finishes. */
#include "store_internal.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

int store_session_adopt(store *s, const store_session *h, int64_t *id, int *added, char *err, int errlen)
{
    *added = 0;
    if (strlen(h->uuid) != 36) {
        store_errf(err, errlen, "a live session needs a 36-character UUID");
        return -1;
    }
    if (!*h->trainee || store_utf8_chars(h->trainee) > STORE_NAME_MAX || !store_id_ok(h->scenario) ||
        (*h->plan && !store_id_ok(h->plan))) {
        store_errf(err, errlen, "session %s: trainee, scenario or plan out of bounds", h->uuid);
        return -1;
    }
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, "SELECT id FROM sessions WHERE uuid = ?", -1, &st, NULL) != SQLITE_OK)
        return store_dberr(s, err, errlen, "cannot look up session");
    int rc = store_bind(st, "t", h->uuid) == SQLITE_OK ? sqlite3_step(st) : SQLITE_ERROR;
    if (rc == SQLITE_ROW)
        *id = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (rc == SQLITE_ROW)
        return 0;
    if (rc != SQLITE_DONE)
        return store_dberr(s, err, errlen, "cannot look up session");
    char hash[20], seedtxt[24], plan_hash[20], now[32];
    snprintf(hash, sizeof hash, "%016" PRIx64, h->content_hash);
    snprintf(seedtxt, sizeof seedtxt, "%" PRIu64, h->seed);
    snprintf(plan_hash, sizeof plan_hash, "%016" PRIx64, h->plan_hash);
    store_now_iso(now);
    if (store_exec(s, "INSERT INTO sessions (uuid, trainee, scenario, content_hash, seed, plan, started, version, "
                      "plan_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   "cannot adopt session", err, errlen, "ttttttttt", h->uuid, h->trainee, h->scenario, hash, seedtxt,
                   *h->plan ? h->plan : NULL, *h->started ? h->started : now, h->version, plan_hash))
        return -1;
    *id = sqlite3_last_insert_rowid(s->db);
    *added = 1;
    return 0;
}

int store_action_merge(store *s, int64_t session, int seq, const sim_action *a, int *added, char *err, int errlen)
{
    *added = 0;
    int n = 0;
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM actions WHERE session = %" PRId64 " AND seq = %d", session, seq);
    if (seq < 0) {
        store_errf(err, errlen, "an action's seq must be 0 or more");
        return -1;
    }
    if (store_query_int(s->db, sql, &n))
        return store_dberr(s, err, errlen, "cannot look up action");
    if (n)
        return 0;
    if (store_action_append(s, session, seq, a, err, errlen))
        return -1;
    *added = 1;
    return 0;
}
