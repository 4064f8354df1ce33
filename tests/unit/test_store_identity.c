/* test_store_identity.c — sessions keep one identity across stations: each gets a random UUID (existing
 * ones in the migration), import merges by it (a half-copied log is completed by the longer one, never
 * doubled), and a database with our application_id but wrong columns is refused before any write. */
#include "test_store_util.h"

#include <sqlite3.h>

#include "check.h"
#include "store/store.h"

static char err[512];

static void sql(const char *path, const char *stmt)
{
    sqlite3 *db = NULL;
    CHECK(sqlite3_open(path, &db) == SQLITE_OK);
    CHECK_MSG(sqlite3_exec(db, stmt, NULL, NULL, NULL) == SQLITE_OK, "%s: %s", stmt, sqlite3_errmsg(db));
    sqlite3_close(db);
}

static int64_t begin(store *s, const char *trainee, int n_actions)
{
    int64_t id = 0;
    CHECK_MSG(store_session_begin(s, trainee, "city_video", 0xab, 3, "urban", &id, err, sizeof err) == 0, "%s", err);
    for (int i = 0; i < n_actions; i++) {
        sim_action a = {.t = 60 * (i + 1), .type = SIM_ACT_REPORT, .role = SIM_ROLE_MONITOR, .text = "接报"};
        CHECK_MSG(store_action_append(s, id, i, &a, err, sizeof err) == 0, "%s", err);
    }
    return id;
}

static int count(store *s)
{
    store_session *list = NULL;
    int n = -1;
    CHECK(store_sessions_list(s, &list, &n, err, sizeof err) == 0);
    free(list);
    return n;
}

static void test_uuid_merge(const char *dir)
{
    const char *a_path = tu_path(dir, "a.db"), *b_path = tu_path(dir, "b.db");
    store *a, *b;
    CHECK(store_open(a_path, &a, err, sizeof err) == 0);
    int64_t one = begin(a, "王芳", 2), two = begin(a, "王芳", 0);
    store_session s1, s2;
    CHECK(store_session_get(a, one, &s1, err, sizeof err) == 0 && store_session_get(a, two, &s2, err, sizeof err) == 0);
    CHECK(strlen(s1.uuid) == 36 && s1.uuid[14] == '4' && strcmp(s1.uuid, s2.uuid) != 0);
    CHECK(store_close(a, NULL, 0) == 0);

    /* station B holds a half copy of session one (its first action), taken before the drill went on */
    CHECK(store_open(b_path, &b, err, sizeof err) == 0);
    CHECK(store_close(b, NULL, 0) == 0);
    char stmt[1024];
    snprintf(stmt, sizeof stmt,
             "ATTACH '%s' AS a; INSERT INTO sessions SELECT * FROM a.sessions WHERE id = 1;"
             "INSERT INTO actions SELECT * FROM a.actions WHERE session = 1 AND seq = 0;", a_path);
    sql(b_path, stmt);
    CHECK(store_open(a_path, &a, err, sizeof err) == 0);
    CHECK(store_session_finish(a, one, "{\"total\": 50}", 50, 0x77, err, sizeof err) == 0);
    CHECK(store_close(a, NULL, 0) == 0);

    CHECK(store_open(b_path, &b, err, sizeof err) == 0);
    store_import_counts c;
    CHECK_MSG(store_import(b, a_path, &c, err, sizeof err) == 0, "%s", err);
    CHECK_MSG(c.sessions_extended == 1 && c.sessions_added == 1, "extended %d added %d present %d",
              c.sessions_extended, c.sessions_added, c.sessions_present);
    CHECK(count(b) == 2);
    store_session got;
    CHECK(store_session_get(b, 1, &got, err, sizeof err) == 0);
    CHECK(got.n_actions == 2 && got.finished && got.world_hash == 0x77);
    CHECK_STR(got.uuid, s1.uuid);
    CHECK(store_import(b, a_path, &c, err, sizeof err) == 0 && c.sessions_present == 2 && count(b) == 2);
    CHECK(store_close(b, NULL, 0) == 0);
}

static void test_migration_gives_uuids(const char *dir)
{
    const char *path = tu_path(dir, "v2.db");
    sql(path, "CREATE TABLE sessions (id INTEGER PRIMARY KEY, trainee TEXT NOT NULL, scenario TEXT NOT NULL,"
              " content_hash TEXT NOT NULL, seed TEXT NOT NULL, plan TEXT, started TEXT NOT NULL, finished TEXT,"
              " scorecard TEXT, total REAL, world_hash TEXT);"
              "CREATE TABLE actions (session INTEGER NOT NULL, seq INTEGER NOT NULL, t INTEGER NOT NULL,"
              " type TEXT NOT NULL, role TEXT NOT NULL, level TEXT, target TEXT, channel TEXT, text TEXT,"
              " PRIMARY KEY (session, seq)) WITHOUT ROWID;"
              "CREATE TABLE overrides (id INTEGER PRIMARY KEY, session INTEGER NOT NULL, line TEXT NOT NULL,"
              " points REAL NOT NULL, by_name TEXT NOT NULL, at TEXT NOT NULL, comment TEXT);"
              "CREATE TABLE notes (id INTEGER PRIMARY KEY, session INTEGER NOT NULL, t INTEGER NOT NULL,"
              " author TEXT NOT NULL, text TEXT NOT NULL, at TEXT NOT NULL);"
              "INSERT INTO sessions (trainee, scenario, content_hash, seed, started) VALUES"
              " ('a', 'x', '0', '1', 't1'), ('b', 'x', '0', '1', 't2');"
              "PRAGMA application_id = 1498498130; PRAGMA user_version = 2;");
    store *s;
    CHECK_MSG(store_open(path, &s, err, sizeof err) == 0, "%s", err);
    if (!s)
        return;
    store_session x, y;
    CHECK(store_session_get(s, 1, &x, err, sizeof err) == 0 && store_session_get(s, 2, &y, err, sizeof err) == 0);
    CHECK(strlen(x.uuid) == 36 && strlen(y.uuid) == 36 && strcmp(x.uuid, y.uuid) != 0);
    CHECK(store_close(s, NULL, 0) == 0);
}

static void test_wrong_columns_untouched(const char *dir)
{
    const char *path = tu_path(dir, "cols.db");
    sql(path, "CREATE TABLE sessions (id INTEGER PRIMARY KEY, name TEXT);"
              "CREATE TABLE actions (x);"
              "PRAGMA application_id = 1498498130; PRAGMA user_version = 2;");
    size_t n = 0;
    unsigned char *before = tu_read(path, &n);
    store *s = NULL;
    CHECK(store_open(path, &s, err, sizeof err) == -1 && s == NULL);
    CHECK_MSG(strstr(err, "column") != NULL, "%s", err);
    CHECK(before && tu_same_bytes(path, before, n));
    CHECK(!tu_exists(tu_path(dir, "cols.db-wal")));
    free(before);
}

static void test_limits(const char *dir)
{
    store *s;
    CHECK(store_open(tu_path(dir, "lim.db"), &s, err, sizeof err) == 0);
    int64_t id;
    CHECK(store_session_begin(s, "t", "../../x", 1, 1, NULL, &id, err, sizeof err) == -1);
    CHECK(store_id_ok("city_video") && !store_id_ok("..") && !store_id_ok("a/b") && !store_id_ok(""));
    char big[STORE_TEXT_MAX + 2];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    CHECK(store_session_begin(s, "t", "x", 1, 1, NULL, &id, err, sizeof err) == 0);
    sim_action a = {.t = 1, .type = SIM_ACT_REPORT, .role = SIM_ROLE_MONITOR, .text = big};
    CHECK(store_action_append(s, id, 0, &a, err, sizeof err) == -1);
    CHECK(store_close(s, NULL, 0) == 0);
}

int main(void)
{
    char *dir = tu_mkdtemp();
    if (!dir)
        return 1;
    test_uuid_merge(dir);
    test_migration_gives_uuids(dir);
    test_wrong_columns_untouched(dir);
    test_limits(dir);
    tu_rmtree(dir);
    free(dir);
    return CHECK_DONE();
}
