/* action_log.c — a session's action log: each action appended durably as it happens (one row,
 * one transaction), and the whole log loaded back in order for replay and resume. */
#include "store_internal.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

int store_action_check(const sim_action *a, char *err, int errlen)
{
    if (!sim_action_type_name(a->type) || !sim_role_name(a->role)) {
        store_errf(err, errlen, "invalid type or role");
        return -1;
    }
    if ((a->target && strlen(a->target) > STORE_ID_MAX) || (a->channel && strlen(a->channel) > STORE_ID_MAX)) {
        store_errf(err, errlen, "target and channel are ids of at most %d bytes", STORE_ID_MAX);
        return -1;
    }
    long chars = a->text ? store_utf8_chars(a->text) : 0;
    if (chars > STORE_TEXT_MAX) {
        store_errf(err, errlen, "the text has %ld characters (at most %d)", chars, STORE_TEXT_MAX);
        return -1;
    }
    return 0;
}

int store_action_append(store *s, int64_t session, int seq, const sim_action *a, char *err, int errlen)
{
    char why[160];
    if (store_action_check(a, why, sizeof why)) {
        store_errf(err, errlen, "session %" PRId64 " action %d: %s", session, seq, why);
        return -1;
    }
    sqlite3_stmt *st = s->append;
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    int rc = store_bind(st, "iiitttttt", session, (int64_t)seq, (int64_t)a->t, sim_action_type_name(a->type),
                        sim_role_name(a->role), sim_level_name(a->level), a->target, a->channel, a->text);
    if (rc == SQLITE_OK)
        rc = a->follow_up ? sqlite3_bind_int(st, 10, 1) : sqlite3_bind_null(st, 10);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    if (rc != SQLITE_DONE) {
        store_errf(err, errlen, "cannot save action %d of session %" PRId64 ": %s", seq, session,
                   sqlite3_errmsg(s->db));
        sqlite3_reset(st);
        return -1;
    }
    sqlite3_reset(st);
    return 0;
}

static int session_exists(store *s, int64_t session, char *err, int errlen)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM sessions WHERE id = ?", -1, &st, NULL) != SQLITE_OK)
        return store_dberr(s, err, errlen, "cannot load actions");
    int rc = sqlite3_bind_int64(st, 1, session);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc == SQLITE_ROW)
        return 0;
    if (rc == SQLITE_DONE)
        store_errf(err, errlen, "no session %" PRId64, session);
    else
        store_dberr(s, err, errlen, "cannot load actions");
    return -1;
}

/* One row into *a; -1 with a message when a name is not one this build knows. */
static int read_action(sqlite3_stmt *st, int64_t session, sim_action *a, char *err, int errlen)
{
    int seq = sqlite3_column_int(st, 0);
    const char *type = (const char *)sqlite3_column_text(st, 2);
    const char *role = (const char *)sqlite3_column_text(st, 3);
    const char *level = (const char *)sqlite3_column_text(st, 4);
    a->t = sqlite3_column_int64(st, 1);
    a->type = (sim_action_type)sim_action_type_parse(type);
    a->role = (sim_role)sim_role_parse(role);
    a->level = level ? sim_level_parse(level) : SIM_LEVEL_NONE;
    a->follow_up = sqlite3_column_int(st, 8);
    if ((int)a->type < 0 || (int)a->role < 0 || (level && a->level < 0)) {
        store_errf(err, errlen, "session %" PRId64 " action %d: unknown type, role or level (%s, %s, %s)", session,
                   seq, type ? type : "", role ? role : "", level ? level : "");
        return -1;
    }
    int oom = 0;
    a->target = store_column_dup(st, 5, &oom);
    a->channel = store_column_dup(st, 6, &oom);
    a->text = store_column_dup(st, 7, &oom);
    if (oom) {
        sim_action_free(a);
        store_errf(err, errlen, "cannot load actions: out of memory");
        return -1;
    }
    char why[160];
    if (store_action_check(a, why, sizeof why)) {
        sim_action_free(a);
        store_errf(err, errlen, "session %" PRId64 " action %d: %s", session, seq, why);
        return -1;
    }
    return 0;
}

int store_actions_load(store *s, int64_t session, sim_action **out, int *n, char *err, int errlen)
{
    *out = NULL;
    *n = 0;
    if (session_exists(s, session, err, errlen))
        return -1;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT seq, t, type, role, level, target, channel, text, follow_up FROM actions "
                           "WHERE session = ? ORDER BY seq",
                           -1, &st, NULL) != SQLITE_OK)
        return store_dberr(s, err, errlen, "cannot load actions");
    sim_action *list = NULL;
    int count = 0, cap = 0, rc = sqlite3_bind_int64(st, 1, session), failed = 0;
    while (!failed && (rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (count == cap) {
            int ncap = cap ? cap * 2 : 64;
            sim_action *grown = realloc(list, (size_t)ncap * sizeof *list);
            if (!grown) {
                store_errf(err, errlen, "cannot load actions: out of memory");
                failed = 1;
                break;
            }
            list = grown;
            cap = ncap;
        }
        if (read_action(st, session, &list[count], err, errlen))
            failed = 1;
        else
            count++;
    }
    if (!failed && rc != SQLITE_DONE) {
        store_dberr(s, err, errlen, "cannot load actions");
        failed = 1;
    }
    sqlite3_finalize(st);
    if (failed) {
        store_actions_free(list, count);
        return -1;
    }
    *out = list;
    *n = count;
    return 0;
}

void store_actions_free(sim_action *a, int n)
{
    for (int i = 0; a && i < n; i++)
        sim_action_free(&a[i]);
    free(a);
}
