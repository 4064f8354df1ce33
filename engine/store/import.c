/* import.c — merging another training station's saves database into this one: its sessions with their
 * actions, overrides and notes, each copied once (a session already here is recognised, never doubled). */
#include "store_internal.h"

#include <stdio.h>
#include <string.h>

#define ACTION_COLS "seq, t, type, role, level, target, channel, text"
#define SESSION_COPY_COLS "trainee, scenario, content_hash, seed, plan, started, finished, scorecard, total, world_hash"

typedef struct importer {
    store *s;
    sqlite3 *other;
    const char *path;
    int annotations;          /* the other database has overrides and notes (schema 2+) */
    store_import_counts *counts;
    char *err;
    int errlen;
} importer;

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

static int pragma_int(sqlite3 *db, const char *sql, int *out)
{
    sqlite3_stmt *st;
    if (prepare(db, sql, &st))
        return -1;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 0 : -1;
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

/* 1 when our session `mine` has exactly the action list of their session `theirs`, 0 when not, -1 on error. */
static int same_actions(importer *im, int64_t mine, int64_t theirs)
{
    sqlite3_stmt *a, *b;
    const char *sql = "SELECT " ACTION_COLS " FROM actions WHERE session = ? ORDER BY seq";
    if (prepare(im->s->db, sql, &a))
        return fail_ours(im, "cannot read actions");
    if (prepare(im->other, sql, &b)) {
        sqlite3_finalize(a);
        return fail_other(im, "cannot read actions");
    }
    sqlite3_bind_int64(a, 1, mine);
    sqlite3_bind_int64(b, 1, theirs);
    int same = 1;
    for (;;) {
        int ra = sqlite3_step(a), rb = sqlite3_step(b);
        if (ra != SQLITE_ROW && ra != SQLITE_DONE) {
            same = fail_ours(im, "cannot read actions");
            break;
        }
        if (rb != SQLITE_ROW && rb != SQLITE_DONE) {
            same = fail_other(im, "cannot read actions");
            break;
        }
        if (ra != rb) {
            same = 0;
            break;
        }
        if (ra == SQLITE_DONE)
            break;
        for (int c = 0; c < 8 && same; c++)
            same = same_value(a, c, b, c);
        if (!same)
            break;
    }
    sqlite3_finalize(a);
    sqlite3_finalize(b);
    return same;
}

/* Our session identical to their session row `src` (columns as SESSION_COPY_COLS after id): its id, 0 when none. */
static int find_same(importer *im, sqlite3_stmt *src, int64_t theirs, int64_t *found)
{
    *found = 0;
    sqlite3_stmt *st;
    if (prepare(im->s->db,
                "SELECT id FROM sessions WHERE trainee = ? AND scenario = ? AND content_hash = ? AND seed = ? "
                "AND started = ? ORDER BY id",
                &st))
        return fail_ours(im, "cannot look for the session");
    sqlite3_bind_value(st, 1, sqlite3_column_value(src, 1));
    sqlite3_bind_value(st, 2, sqlite3_column_value(src, 2));
    sqlite3_bind_value(st, 3, sqlite3_column_value(src, 3));
    sqlite3_bind_value(st, 4, sqlite3_column_value(src, 4));
    sqlite3_bind_value(st, 5, sqlite3_column_value(src, 6));
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int same = same_actions(im, sqlite3_column_int64(st, 0), theirs);
        if (same < 0) {
            sqlite3_finalize(st);
            return -1;
        }
        if (same) {
            *found = sqlite3_column_int64(st, 0);
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
    sqlite3_bind_int64(sel, 1, theirs);
    int rc = SQLITE_DONE, n = sqlite3_column_count(sel), failed = 0;
    while (!failed && (rc = sqlite3_step(sel)) == SQLITE_ROW) {
        int present = 0;
        if (exists) {
            sqlite3_reset(exists);
            sqlite3_bind_int64(exists, 1, mine);
            for (int c = 0; c < n; c++)
                sqlite3_bind_value(exists, c + 2, sqlite3_column_value(sel, c));
            int er = sqlite3_step(exists);
            present = er == SQLITE_ROW;
            if (er != SQLITE_ROW && er != SQLITE_DONE)
                failed = fail_ours(im, "cannot compare");
        }
        if (failed || present)
            continue;
        sqlite3_reset(ins);
        sqlite3_bind_int64(ins, 1, mine);
        for (int c = 0; c < n; c++)
            sqlite3_bind_value(ins, c + 2, sqlite3_column_value(sel, c));
        if (sqlite3_step(ins) != SQLITE_DONE)
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
    if (!im->annotations)
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

/* A session we hold unfinished that they finished: take their scorecard (same actions, same grade). */
static int complete_from(importer *im, sqlite3_stmt *src, int64_t mine)
{
    if (sqlite3_column_type(src, 7) == SQLITE_NULL)
        return 0;
    sqlite3_stmt *st;
    if (prepare(im->s->db,
                "UPDATE sessions SET finished = ?, scorecard = ?, total = ?, world_hash = ? "
                "WHERE id = ? AND finished IS NULL",
                &st))
        return fail_ours(im, "cannot update the session");
    for (int c = 0; c < 4; c++)
        sqlite3_bind_value(st, c + 1, sqlite3_column_value(src, 7 + c));
    sqlite3_bind_int64(st, 5, mine);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : fail_ours(im, "cannot update the session");
}

static int add_session(importer *im, sqlite3_stmt *src, int64_t theirs)
{
    sqlite3_stmt *st;
    if (prepare(im->s->db, "INSERT INTO sessions (" SESSION_COPY_COLS ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", &st))
        return fail_ours(im, "cannot add the session");
    for (int c = 0; c < 10; c++)
        sqlite3_bind_value(st, c + 1, sqlite3_column_value(src, c + 1));
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return fail_ours(im, "cannot add the session");
    int64_t mine = sqlite3_last_insert_rowid(im->s->db);
    if (copy_rows(im, "SELECT " ACTION_COLS " FROM actions WHERE session = ? ORDER BY seq", NULL,
                  "INSERT INTO actions (session, " ACTION_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", theirs,
                  mine, NULL))
        return -1;
    im->counts->sessions_added++;
    return copy_annotations(im, theirs, mine);
}

static int import_all(importer *im)
{
    sqlite3_stmt *src;
    if (prepare(im->other, "SELECT id, " SESSION_COPY_COLS " FROM sessions ORDER BY id", &src))
        return fail_other(im, "cannot read sessions");
    int rc = SQLITE_DONE, failed = 0;
    while (!failed && (rc = sqlite3_step(src)) == SQLITE_ROW) {
        int64_t theirs = sqlite3_column_int64(src, 0), mine;
        if (find_same(im, src, theirs, &mine)) {
            failed = 1;
        } else if (mine) {
            im->counts->sessions_present++;
            failed = complete_from(im, src, mine) || copy_annotations(im, theirs, mine);
        } else {
            failed = add_session(im, src, theirs) != 0;
        }
    }
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
    int app = 0, version = 0;
    if (pragma_int(im->other, "PRAGMA application_id", &app) || pragma_int(im->other, "PRAGMA user_version", &version))
        return fail_other(im, "cannot read");
    if (app != STORE_APPLICATION_ID || version < 1) {
        store_errf(im->err, im->errlen, "import %s: not a yqdrill saves database", im->path);
        return -1;
    }
    if (version > store_schema_version()) {
        store_errf(im->err, im->errlen, "import %s: schema version %d is newer than this build supports (%d)",
                   im->path, version, store_schema_version());
        return -1;
    }
    im->annotations = version >= 2;
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
