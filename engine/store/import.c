/* import.c — merging another training station's saves database into this one: its sessions with their
 * actions, overrides and notes, each copied once. Sessions are matched by UUID (or, from databases older
 * than UUIDs, by who, what and when); when one log is a prefix of the other, the longer one wins. */
#include "store_internal.h"

#include <stdio.h>
#include <string.h>

#define ACTION_COLS "seq, t, type, role, level, target, channel, text, follow_up"
/* Their actions' columns as ours: before schema version 7 no action is a follow-up. */
#define THEIR_ACTION_COLS(im) ((im)->version >= 7 ? ACTION_COLS : "seq, t, type, role, level, target, channel, text, NULL")
/* Their session columns, after id: 1 trainee .. 10 world_hash, 11 uuid, 12 version, 13 plan_hash. */
#define SESSION_COPY_COLS "trainee, scenario, content_hash, seed, plan, started, finished, scorecard, total, world_hash"
#define COL_STARTED 6
#define COL_FINISHED 7
#define COL_UUID 11

typedef struct importer {
    store *s;
    sqlite3 *other;
    const char *path;
    int version;              /* the other database's schema version */
    store_import_counts *counts;
    char *err;
    int errlen;
} importer;

typedef enum relation { SAME, OURS_LONGER, THEIRS_LONGER, DIVERGED } relation;

static int fail_other(importer *im, const char *what)
{
    store_errf(im->err, im->errlen, "import %s: %s: %s", im->path, what, sqlite3_errmsg(im->other));
    return -1;
}

static int fail_ours(importer *im, const char *what)
{
    store_errf(im->err, im->errlen, "import %s: %s: %s", im->path, what, sqlite3_errmsg(im->s->db));
    return -1;
}

static int prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st)
{
    return sqlite3_prepare_v2(db, sql, -1, st, NULL) == SQLITE_OK ? 0 : -1;
}

/* Count a session we will not take, keeping the first reason. Always 0: the import goes on. */
static int refuse(importer *im, int64_t theirs, const char *why)
{
    if (im->counts->sessions_refused++ == 0)
        snprintf(im->counts->refused, sizeof im->counts->refused, "their session %lld: %s", (long long)theirs, why);
    return 0;
}

/* Whether two result columns hold the same value (same storage class and bytes). */
static int same_value(sqlite3_stmt *a, int ca, sqlite3_stmt *b, int cb)
{
    int ta = sqlite3_column_type(a, ca), tb = sqlite3_column_type(b, cb);
    if (ta != tb)
        return 0;
    if (ta == SQLITE_NULL)
        return 1;
    if (ta == SQLITE_INTEGER)
        return sqlite3_column_int64(a, ca) == sqlite3_column_int64(b, cb);
    if (ta == SQLITE_FLOAT)
        return sqlite3_column_double(a, ca) == sqlite3_column_double(b, cb);
    const void *pa = ta == SQLITE_BLOB ? sqlite3_column_blob(a, ca) : (const void *)sqlite3_column_text(a, ca);
    const void *pb = tb == SQLITE_BLOB ? sqlite3_column_blob(b, cb) : (const void *)sqlite3_column_text(b, cb);
    int na = sqlite3_column_bytes(a, ca), nb = sqlite3_column_bytes(b, cb);
    return na == nb && (na == 0 || memcmp(pa, pb, (size_t)na) == 0);
}

/* How our session's action log relates to theirs; -1 on error. */
static int compare_logs(importer *im, int64_t mine, int64_t theirs, relation *rel)
{
    sqlite3_stmt *a = NULL, *b = NULL;
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT %s FROM actions WHERE session = ? ORDER BY seq", ACTION_COLS);
    if (prepare(im->s->db, sql, &a) || sqlite3_bind_int64(a, 1, mine) != SQLITE_OK) {
        sqlite3_finalize(a);
        return fail_ours(im, "cannot read actions");
    }
    snprintf(sql, sizeof sql, "SELECT %s FROM actions WHERE session = ? ORDER BY seq", THEIR_ACTION_COLS(im));
    if (prepare(im->other, sql, &b) || sqlite3_bind_int64(b, 1, theirs) != SQLITE_OK) {
        sqlite3_finalize(a);
        sqlite3_finalize(b);
        return fail_other(im, "cannot read actions");
    }
    int rc = 0;
    for (;;) {
        int ra = sqlite3_step(a), rb = sqlite3_step(b);
        if (ra != SQLITE_ROW && ra != SQLITE_DONE) {
            rc = fail_ours(im, "cannot read actions");
            break;
        }
        if (rb != SQLITE_ROW && rb != SQLITE_DONE) {
            rc = fail_other(im, "cannot read actions");
            break;
        }
        if (ra == SQLITE_DONE || rb == SQLITE_DONE) {
            *rel = ra == rb ? SAME : ra == SQLITE_DONE ? THEIRS_LONGER : OURS_LONGER;
            break;
        }
        int same = 1;
        for (int c = 0; c < 9 && same; c++)
            same = same_value(a, c, b, c);
        if (!same) {
            *rel = DIVERGED;
            break;
        }
    }
    sqlite3_finalize(a);
    sqlite3_finalize(b);
    return rc;
}

/* Our session with their UUID; for a session from before UUIDs, one with the same trainee, scenario,
 * content hash, seed and start whose log is related to theirs. *found 0 when none; *rel how the logs relate. */
static int find_same(importer *im, sqlite3_stmt *src, int64_t theirs, int64_t *found, relation *rel)
{
    *found = 0;
    sqlite3_stmt *st;
    if (prepare(im->s->db,
                "SELECT id, 1 FROM sessions WHERE uuid = ?1 UNION ALL "
                "SELECT id, 0 FROM (SELECT id FROM sessions WHERE trainee = ?2 AND scenario = ?3 AND "
                "content_hash = ?4 AND seed = ?5 AND started = ?6 AND ?1 IS NULL ORDER BY id)",
                &st))
        return fail_ours(im, "cannot look for the session");
    int rc = store_bind_columns(st, 1, src, COL_UUID, 1);
    if (rc == SQLITE_OK)
        rc = store_bind_columns(st, 2, src, 1, 4);
    if (rc == SQLITE_OK)
        rc = store_bind_columns(st, 6, src, COL_STARTED, 1);
    while (rc == SQLITE_OK || rc == SQLITE_ROW) {
        if ((rc = sqlite3_step(st)) != SQLITE_ROW)
            break;
        int64_t mine = sqlite3_column_int64(st, 0);
        int by_uuid = sqlite3_column_int(st, 1);
        if (compare_logs(im, mine, theirs, rel)) {
            sqlite3_finalize(st);
            return -1;
        }
        if (*rel != DIVERGED || by_uuid) {
            *found = mine;
            break;
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : fail_ours(im, "cannot look for the session");
}

/* Run `ins` once per row of `sel` (their rows for session `theirs`), binding our session id as ?1 and the
 * selected columns as ?2.. — unless `exists` (same binding) finds the row already. Counts copies in *copied. */
static int copy_rows(importer *im, const char *sel_sql, const char *exists_sql, const char *ins_sql, int64_t theirs,
                     int64_t mine, int *copied)
{
    sqlite3_stmt *sel, *exists = NULL, *ins;
    if (prepare(im->other, sel_sql, &sel))
        return fail_other(im, "cannot read");
    if ((exists_sql && prepare(im->s->db, exists_sql, &exists)) || prepare(im->s->db, ins_sql, &ins)) {
        sqlite3_finalize(sel);
        sqlite3_finalize(exists);
        return fail_ours(im, "cannot copy");
    }
    int n = sqlite3_column_count(sel), failed = 0;
    int rc = sqlite3_bind_int64(sel, 1, theirs);
    if (rc != SQLITE_OK)
        failed = fail_other(im, "cannot read");
    while (!failed && (rc = sqlite3_step(sel)) == SQLITE_ROW) {
        int present = 0;
        if (exists) {
            sqlite3_reset(exists);
            int er = sqlite3_bind_int64(exists, 1, mine);
            if (er == SQLITE_OK)
                er = store_bind_columns(exists, 2, sel, 0, n);
            if (er == SQLITE_OK)
                er = sqlite3_step(exists);
            present = er == SQLITE_ROW;
            if (er != SQLITE_ROW && er != SQLITE_DONE)
                failed = fail_ours(im, "cannot compare");
        }
        if (failed || present)
            continue;
        sqlite3_reset(ins);
        int ir = sqlite3_bind_int64(ins, 1, mine);
        if (ir == SQLITE_OK)
            ir = store_bind_columns(ins, 2, sel, 0, n);
        if (ir != SQLITE_OK || sqlite3_step(ins) != SQLITE_DONE)
            failed = fail_ours(im, "cannot copy");
        else if (copied)
            (*copied)++;
    }
    if (!failed && rc != SQLITE_DONE)
        failed = fail_other(im, "cannot read");
    sqlite3_finalize(sel);
    sqlite3_finalize(exists);
    sqlite3_finalize(ins);
    return failed ? -1 : 0;
}

static int copy_annotations(importer *im, int64_t theirs, int64_t mine)
{
    if (im->version < 2)
        return 0;
    int *n = &im->counts->annotations_added;
    if (copy_rows(im, "SELECT line, points, by_name, at, comment FROM overrides WHERE session = ? ORDER BY id",
                  "SELECT 1 FROM overrides WHERE session = ?1 AND line IS ?2 AND points IS ?3 AND by_name IS ?4 "
                  "AND at IS ?5 AND comment IS ?6",
                  "INSERT INTO overrides (session, line, points, by_name, at, comment) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                  theirs, mine, n))
        return -1;
    return copy_rows(im, "SELECT t, author, text, at FROM notes WHERE session = ? ORDER BY t, id",
                     "SELECT 1 FROM notes WHERE session = ?1 AND t IS ?2 AND author IS ?3 AND text IS ?4 AND at IS ?5",
                     "INSERT INTO notes (session, t, author, text, at) VALUES (?1, ?2, ?3, ?4, ?5)", theirs, mine, n);
}

static int copy_actions(importer *im, int64_t theirs, int64_t mine)
{
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT %s FROM actions WHERE session = ? ORDER BY seq", THEIR_ACTION_COLS(im));
    return copy_rows(im, sql, NULL,
                     "INSERT INTO actions (session, " ACTION_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                     theirs, mine, NULL);
}

/* Take their result (finished, scorecard, total, world_hash) for our session; `only_unfinished` keeps a
 * result we already have. */
static int take_result(importer *im, sqlite3_stmt *src, int64_t mine, int only_unfinished)
{
    sqlite3_stmt *st;
    if (prepare(im->s->db,
                only_unfinished ? "UPDATE sessions SET finished = ?, scorecard = ?, total = ?, world_hash = ? "
                                  "WHERE id = ? AND finished IS NULL"
                                : "UPDATE sessions SET finished = ?, scorecard = ?, total = ?, world_hash = ? WHERE id = ?",
                &st))
        return fail_ours(im, "cannot update the session");
    int rc = store_bind_columns(st, 1, src, COL_FINISHED, 4);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(st, 5, mine);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : fail_ours(im, "cannot update the session");
}

/* Their log continues ours: replace ours with theirs, and its result. */
static int extend(importer *im, sqlite3_stmt *src, int64_t theirs, int64_t mine)
{
    sqlite3_stmt *st;
    if (prepare(im->s->db, "DELETE FROM actions WHERE session = ?", &st))
        return fail_ours(im, "cannot replace the actions");
    int rc = sqlite3_bind_int64(st, 1, mine);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return fail_ours(im, "cannot replace the actions");
    if (copy_actions(im, theirs, mine) || take_result(im, src, mine, 0))
        return -1;
    im->counts->sessions_extended++;
    return 0;
}

static int add_session(importer *im, sqlite3_stmt *src, int64_t theirs)
{
    sqlite3_stmt *st;
    if (prepare(im->s->db,
                "INSERT INTO sessions (" SESSION_COPY_COLS ", uuid, version, plan_hash) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, " STORE_UUID_SQL "), ?, ?)",
                &st))
        return fail_ours(im, "cannot add the session");
    int rc = store_bind_columns(st, 1, src, 1, 13);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return fail_ours(im, "cannot add the session");
    int64_t mine = sqlite3_last_insert_rowid(im->s->db);
    if (copy_actions(im, theirs, mine))
        return -1;
    im->counts->sessions_added++;
    return copy_annotations(im, theirs, mine);
}

/* Their session matched ours: keep the longer log, add the annotations we lack. */
static int merge_session(importer *im, sqlite3_stmt *src, int64_t theirs, int64_t mine, relation rel)
{
    if (rel == DIVERGED)
        return refuse(im, theirs, "its UUID is here already with another action log");
    if (rel == THEIRS_LONGER) {
        if (extend(im, src, theirs, mine))
            return -1;
    } else {
        im->counts->sessions_present++;
        if (rel == SAME && take_result(im, src, mine, 1))
            return -1;
    }
    return copy_annotations(im, theirs, mine);
}

static int import_one(importer *im, sqlite3_stmt *src, int64_t theirs)
{
    char why[200];
    if (store_import_check(im->other, im->version, src, theirs, why, sizeof why))
        return why[0] ? refuse(im, theirs, why) : fail_other(im, "cannot read");
    int64_t mine;
    relation rel = SAME;
    if (find_same(im, src, theirs, &mine, &rel))
        return -1;
    return mine ? merge_session(im, src, theirs, mine, rel) : add_session(im, src, theirs);
}

static int import_all(importer *im)
{
    sqlite3_stmt *src;
    const char *sql = im->version >= 3
                          ? "SELECT id, " SESSION_COPY_COLS ", uuid, version, plan_hash FROM sessions ORDER BY id"
                          : "SELECT id, " SESSION_COPY_COLS ", NULL, NULL, NULL FROM sessions ORDER BY id";
    if (prepare(im->other, sql, &src))
        return fail_other(im, "cannot read sessions");
    int rc = SQLITE_DONE, failed = 0;
    while (!failed && (rc = sqlite3_step(src)) == SQLITE_ROW)
        failed = import_one(im, src, sqlite3_column_int64(src, 0)) != 0;
    if (!failed && rc != SQLITE_DONE)
        failed = fail_other(im, "cannot read sessions") != 0;
    sqlite3_finalize(src);
    return failed ? -1 : 0;
}

/* Open the other database read-only and check it is a yqdrill saves database this build can read. */
static int open_other(importer *im)
{
    if (sqlite3_open_v2(im->path, &im->other, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        return fail_other(im, "cannot open");
    sqlite3_busy_timeout(im->other, 5000);
    int app = 0;
    char reason[160];
    if (store_query_int(im->other, "PRAGMA application_id", &app) ||
        store_query_int(im->other, "PRAGMA user_version", &im->version))
        return fail_other(im, "cannot read");
    if (app != STORE_APPLICATION_ID || im->version < 1) {
        store_errf(im->err, im->errlen, "import %s: not a yqdrill saves database", im->path);
        return -1;
    }
    if (im->version > store_schema_version()) {
        store_errf(im->err, im->errlen, "import %s: schema version %d is newer than this build supports (%d)",
                   im->path, im->version, store_schema_version());
        return -1;
    }
    if (store_schema_check(im->other, im->version, reason, sizeof reason)) {
        store_errf(im->err, im->errlen, "import %s: not a yqdrill saves database (%s)", im->path, reason);
        return -1;
    }
    return 0;
}

int store_import(store *s, const char *path, store_import_counts *counts, char *err, int errlen)
{
    memset(counts, 0, sizeof *counts);
    importer im = {.s = s, .path = path, .counts = counts, .err = err, .errlen = errlen};
    int rc = open_other(&im);
    if (!rc && sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        rc = fail_ours(&im, "cannot start the import");
    else if (!rc) {
        /* their reads happen inside one read transaction too, so the copy is a consistent snapshot */
        rc = sqlite3_exec(im.other, "BEGIN", NULL, NULL, NULL) == SQLITE_OK ? import_all(&im)
                                                                          : fail_other(&im, "cannot read");
        sqlite3_exec(im.other, "COMMIT", NULL, NULL, NULL);
        if (!rc && sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
            rc = fail_ours(&im, "cannot finish the import");
        if (rc) {
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
            memset(counts, 0, sizeof *counts);
        }
    }
    sqlite3_close(im.other);
    return rc;
}
