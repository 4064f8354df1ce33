/* db_open.c — opening a saves database safely: inspect an existing file read-only and refuse anything
 * that is not ours (not SQLite, corrupt, foreign, newer schema) before touching it; then WAL + migrate. */
#include "store_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BUSY_TIMEOUT_MS 5000
#define WAL_RETRY_MS 10

static int refuse(char *err, int errlen, const char *path, const char *reason)
{
    store_errf(err, errlen, "cannot open saves database %s: %s (file left unchanged)", path, reason);
    return -1;
}

/* 0 when the file is an SQLite database (*wal: in WAL mode); -1 with a refusal otherwise. */
static int has_sqlite_header(const char *path, int *wal, char *err, int errlen)
{
    int rc = store_file_header(path, wal);
    if (rc < 0) {
        store_errf(err, errlen, "cannot open saves database %s: %s", path, strerror(errno));
        return -1;
    }
    return rc ? 0 : refuse(err, errlen, path, "file is not a database");
}

static int quick_check(sqlite3 *db, const char *path, char *err, int errlen)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &st, NULL) != SQLITE_OK)
        return refuse(err, errlen, path, sqlite3_errmsg(db));
    int rc = sqlite3_step(st);
    const char *res = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
    int ok = res && strcmp(res, "ok") == 0;
    if (!ok) {
        char reason[256];
        snprintf(reason, sizeof reason, "database is corrupt (quick_check: %s)", res ? res : sqlite3_errmsg(db));
        sqlite3_finalize(st);
        return refuse(err, errlen, path, reason);
    }
    sqlite3_finalize(st);
    return 0;
}

/* Judge an existing SQLite file from a read-only connection. */
static int inspect_with(const char *path, int immutable, char *err, int errlen)
{
    char *uri = immutable ? store_immutable_uri(path) : NULL;
    if (immutable && !uri)
        return refuse(err, errlen, path, "out of memory");
    sqlite3 *db = NULL;
    int flags = SQLITE_OPEN_READONLY | (immutable ? SQLITE_OPEN_URI : 0);
    int opened = sqlite3_open_v2(immutable ? uri : path, &db, flags, NULL);
    free(uri);
    if (opened != SQLITE_OK) {
        int rc = refuse(err, errlen, path, db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return rc;
    }
    sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS);
    int app = 0, version = 0, objects = 0, rc = 0;
    char reason[160];
    if (store_query_int(db, "PRAGMA application_id", &app) || store_query_int(db, "PRAGMA user_version", &version) ||
        store_query_int(db, "SELECT count(*) FROM sqlite_master", &objects)) {
        rc = refuse(err, errlen, path, sqlite3_errmsg(db));
    } else if (app != STORE_APPLICATION_ID && app != 0) {
        snprintf(reason, sizeof reason, "not a yqdrill saves database (application_id 0x%08x)", (unsigned)app);
        rc = refuse(err, errlen, path, reason);
    } else if (app == 0 && objects > 0) {
        rc = refuse(err, errlen, path, "not a yqdrill saves database (it holds another application's tables)");
    } else if (version > store_schema_step_count) {
        snprintf(reason, sizeof reason, "schema version %d is newer than this build supports (%d)", version,
                 store_schema_step_count);
        rc = refuse(err, errlen, path, reason);
    } else if (app == STORE_APPLICATION_ID && store_schema_check(db, version, reason, sizeof reason)) {
        rc = refuse(err, errlen, path, reason);
    } else {
        rc = quick_check(db, path, err, errlen);
    }
    sqlite3_close(db);
    return rc;
}

static int same_file_state(const struct stat *a, const struct stat *b)
{
    return a->st_ino == b->st_ino && a->st_size == b->st_size && a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
           a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

/* Decide, without writing anything, whether an existing non-empty file may be opened read-write.
 * A plain read-only connection would create -wal/-shm next to a WAL database, so one that nobody has
 * open (no -wal) is read as immutable; if that verdict is a refusal but the file changed meanwhile,
 * it is judged again the ordinary way. */
static int inspect(const char *path, char *err, int errlen)
{
    int wal = 0;
    if (has_sqlite_header(path, &wal, err, errlen))
        return -1;
    struct stat before, after;
    int immutable = wal && !store_side_exists(path, "-wal") && stat(path, &before) == 0;
    int rc = inspect_with(path, immutable, err, errlen);
    if (rc != 0 && immutable &&
        (store_side_exists(path, "-wal") || stat(path, &after) != 0 || !same_file_state(&before, &after)))
        rc = inspect_with(path, 0, err, errlen);
    return rc;
}

/* Changing the journal mode needs the file to itself and does not always wait through the busy
 * handler (two processes initialising a new file at once), so a busy answer is retried up to the timeout. */
static int switch_to_wal(sqlite3 *db)
{
    for (int waited = 0;; waited += WAL_RETRY_MS) {
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(db, "PRAGMA journal_mode = WAL", -1, &st, NULL) != SQLITE_OK)
            return -1;
        int rc = sqlite3_step(st);
        int wal = rc == SQLITE_ROW && sqlite3_column_text(st, 0) &&
                  strcmp((const char *)sqlite3_column_text(st, 0), "wal") == 0;
        sqlite3_finalize(st);
        if (wal)
            return 0;
        if (rc != SQLITE_BUSY || waited >= BUSY_TIMEOUT_MS)
            return -1;
        sqlite3_sleep(WAL_RETRY_MS);
    }
}

static int configure(sqlite3 *db, const char *path, char *err, int errlen)
{
    sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS);
    char *msg = NULL;
    if (sqlite3_exec(db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;", NULL, NULL, &msg) != SQLITE_OK) {
        store_errf(err, errlen, "cannot open saves database %s: %s", path, msg ? msg : sqlite3_errmsg(db));
        sqlite3_free(msg);
        return -1;
    }
    if (switch_to_wal(db) != 0) {
        store_errf(err, errlen, "cannot open saves database %s: cannot switch to WAL journal mode: %s", path,
                   sqlite3_errmsg(db));
        return -1;
    }
    return 0;
}

static void remove_created(const char *path)
{
    static const char *const suffixes[] = {"-wal", "-shm", "-journal"};
    unlink(path);
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        char *side = store_side_path(path, suffixes[i]);
        if (side)
            unlink(side);
        free(side);
    }
}

/* Make sure the file exists; *created when this call made it. */
static int ensure_file(const char *path, int *created, off_t *size, char *err, int errlen)
{
    struct stat st;
    *created = 0;
    if (stat(path, &st) != 0) {
        int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd < 0 && errno != EEXIST) {
            store_errf(err, errlen, "cannot create saves database %s: %s", path, strerror(errno));
            return -1;
        }
        if (fd >= 0) {
            close(fd);
            *created = 1;
            *size = 0;
            return 0;
        }
        if (stat(path, &st) != 0) {
            store_errf(err, errlen, "cannot open saves database %s: %s", path, strerror(errno));
            return -1;
        }
    }
    if (!S_ISREG(st.st_mode)) {
        store_errf(err, errlen, "cannot open saves database %s: not a regular file", path);
        return -1;
    }
    *size = st.st_size;
    return 0;
}

/* Writing needs the file and its folder (for the -wal and -shm files) writable, on a writable mount. */
static int writable(const char *path)
{
    char *dir = store_side_path(path, "");
    if (!dir)
        return 0;
    char *slash = strrchr(dir, '/');
    if (slash)
        slash[slash == dir] = '\0';
    int ok = access(path, W_OK) == 0 && access(slash ? dir : ".", W_OK) == 0;
    free(dir);
    return ok;
}

static int prepare_append(store *s, const char *path, char *err, int errlen)
{
    if (sqlite3_prepare_v3(s->db,
                           "INSERT INTO actions (session, seq, t, type, role, level, target, channel, text, follow_up) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           -1, SQLITE_PREPARE_PERSISTENT, &s->append, NULL) != SQLITE_OK) {
        store_errf(err, errlen, "cannot open saves database %s: %s", path, sqlite3_errmsg(s->db));
        return -1;
    }
    return 0;
}

/* Close a store that failed to open: the open's message stays, a failure to close is added to it. */
static void close_failed(store *s, char *err, int errlen)
{
    char why[256];
    if (store_close(s, why, sizeof why) == 0 || !err)
        return;
    size_t n = strlen(err);
    if (n + 1 < (size_t)errlen)
        store_errf(err + n, errlen - (int)n, "; %s", why);
}

/* A database that cannot be written: read it as it is (immutable when no -wal holds newer pages),
 * provided its schema is the current one (migrating would need a write). */
static int open_readonly(const char *path, store **out, char *err, int errlen)
{
    int immutable = !store_side_exists(path, "-wal");
    char *uri = immutable ? store_immutable_uri(path) : NULL;
    store *s = calloc(1, sizeof *s);
    int version = -1;
    if (!s || (immutable && !uri)) {
        store_errf(err, errlen, "cannot open saves database %s: out of memory", path);
    } else if (sqlite3_open_v2(immutable ? uri : path, &s->db,
                               SQLITE_OPEN_READONLY | (immutable ? SQLITE_OPEN_URI : 0), NULL) != SQLITE_OK ||
               store_query_int(s->db, "PRAGMA user_version", &version)) {
        store_errf(err, errlen, "cannot open saves database %s read-only: %s", path,
                   s->db ? sqlite3_errmsg(s->db) : "out of memory");
    } else if (version != store_schema_step_count) {
        store_errf(err, errlen, "cannot open saves database %s: it is read-only and its schema (version %d) needs "
                   "upgrading to version %d; open it once where it can be written", path, version,
                   store_schema_step_count);
    } else if (!prepare_append(s, path, err, errlen)) {
        sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
        s->readonly = 1;
        *out = s;
        free(uri);
        return 0;
    }
    free(uri);
    close_failed(s, err, errlen);
    return -1;
}

int store_open(const char *path, store **out, char *err, int errlen)
{
    *out = NULL;
    int created;
    off_t size;
    struct stat st;
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 && !writable(path))
        return inspect(path, err, errlen) ? -1 : open_readonly(path, out, err, errlen);
    if (ensure_file(path, &created, &size, err, errlen))
        return -1;
    if (size > 0 && inspect(path, err, errlen))
        return -1;
    store *s = calloc(1, sizeof *s);
    if (!s) {
        store_errf(err, errlen, "cannot open saves database %s: out of memory", path);
        goto fail;
    }
    if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        store_errf(err, errlen, "cannot open saves database %s: %s", path,
                   s->db ? sqlite3_errmsg(s->db) : "out of memory");
        goto fail;
    }
    if (configure(s->db, path, err, errlen) || store_schema_migrate(s->db, path, err, errlen) ||
        prepare_append(s, path, err, errlen))
        goto fail;
    *out = s;
    return 0;
fail:
    close_failed(s, err, errlen);
    if (created)
        remove_created(path);
    return -1;
}

int store_readonly(const store *s)
{
    return s->readonly;
}

int store_close(store *s, char *err, int errlen)
{
    if (!s)
        return 0;
    int rc = 0;
    /* Fold the WAL into the main file so a plain copy of it holds everything. Passive: never waits
     * for other connections (that is no failure); when it fails, the data is as durable in the -wal. */
    if (s->db && !s->readonly) {
        int ck = sqlite3_wal_checkpoint_v2(s->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
        if (ck != SQLITE_OK && ck != SQLITE_BUSY) {
            store_errf(err, errlen, "cannot checkpoint the saves database %s: %s (its data stays in the -wal file "
                       "beside it)", sqlite3_db_filename(s->db, "main"), sqlite3_errmsg(s->db));
            rc = -1;
        }
    }
    sqlite3_finalize(s->append);
    int cl = sqlite3_close(s->db);
    if (cl != SQLITE_OK) {
        /* Statements left open: sqlite3_close_v2 lets the connection go once they are finalized. */
        int later = sqlite3_close_v2(s->db) == SQLITE_OK;
        if (rc == 0)
            store_errf(err, errlen, "cannot close the saves database: %s%s", sqlite3_errstr(cl),
                       later ? " (it closes once its statements end)" : "");
        rc = -1;
    }
    free(s);
    return rc;
}
