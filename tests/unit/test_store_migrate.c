/* test_store_migrate.c — an older saves database (schema v1, built here by hand: sessions and actions
 * only) is migrated by store_open to the current schema without losing a row. */
#include "test_store_util.h"

#include <sqlite3.h>

#include "check.h"
#include "store/store.h"

static char err[512];

/* Schema version 1 as it was shipped, written out independently of the migration list. */
static const char v1_file[] =
    "CREATE TABLE sessions (id INTEGER PRIMARY KEY, trainee TEXT NOT NULL, scenario TEXT NOT NULL,"
    "  content_hash TEXT NOT NULL, seed TEXT NOT NULL, plan TEXT, started TEXT NOT NULL, finished TEXT,"
    "  scorecard TEXT, total REAL, world_hash TEXT);"
    "CREATE TABLE actions (session INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  seq INTEGER NOT NULL CHECK (seq >= 0), t INTEGER NOT NULL CHECK (t >= 0), type TEXT NOT NULL,"
    "  role TEXT NOT NULL, level TEXT, target TEXT, channel TEXT, text TEXT,"
    "  PRIMARY KEY (session, seq)) WITHOUT ROWID;"
    "INSERT INTO sessions VALUES (1, '赵六', 'water', '00000000000000ff', '18446744073709551615', 'plan_a',"
    "  '2024-03-01T02:00:00Z', '2024-03-01T03:00:00Z', '{\"total\": 71}', 71.0, '0000000000000abc');"
    "INSERT INTO sessions VALUES (2, 'Kim', 'fire', '0000000000000001', '9', NULL, '2024-03-02T02:00:00Z',"
    "  NULL, NULL, NULL, NULL);"
    "INSERT INTO actions VALUES (1, 0, 0, 'report', 'monitor', NULL, NULL, NULL, '接报');"
    "INSERT INTO actions VALUES (1, 1, 60, 'assess', 'monitor', 'orange', NULL, NULL, NULL);"
    "INSERT INTO actions VALUES (1, 2, 300, 'statement', 'spokesperson', NULL, NULL, 'weibo', '通报');"
    "INSERT INTO actions VALUES (2, 0, 30, 'verify', 'command', NULL, 'f1', NULL, NULL);"
    "PRAGMA application_id = 1498498130;"   /* 0x59514452 */
    "PRAGMA user_version = 1;";

static int query_int(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st;
    int v = -999;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            v = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return v;
}

static void test_v1_to_current(const char *dir)
{
    const char *path = tu_path(dir, "v1.db");
    sqlite3 *db = NULL;
    CHECK(sqlite3_open(path, &db) == SQLITE_OK);
    CHECK_MSG(sqlite3_exec(db, v1_file, NULL, NULL, NULL) == SQLITE_OK, "%s", sqlite3_errmsg(db));
    sqlite3_close(db);
    CHECK(STORE_APPLICATION_ID == 1498498130);
    CHECK(query_int(path, "PRAGMA user_version") == 1);

    store *s = NULL;
    CHECK_MSG(store_open(path, &s, err, sizeof err) == 0, "%s", err);
    if (!s)
        return;
    store_session one, two;
    CHECK(store_session_get(s, 1, &one, err, sizeof err) == 0);
    CHECK_STR(one.trainee, "赵六");
    CHECK(one.content_hash == 0xff && one.seed == 18446744073709551615ULL && one.finished == 1);
    CHECK(one.total == 71.0 && one.world_hash == 0xabc && one.n_actions == 3);
    CHECK(store_session_get(s, 2, &two, err, sizeof err) == 0);
    CHECK(two.finished == 0 && two.total == -1 && two.n_actions == 1 && two.plan[0] == '\0');
    sim_action *a = NULL;
    int n = 0;
    CHECK_MSG(store_actions_load(s, 1, &a, &n, err, sizeof err) == 0, "%s", err);
    CHECK(n == 3);
    if (n == 3) {
        CHECK(a[1].t == 60 && a[1].type == SIM_ACT_ASSESS && a[1].level == 2 && a[1].role == SIM_ROLE_MONITOR);
        CHECK(a[2].type == SIM_ACT_STATEMENT && a[2].channel && strcmp(a[2].channel, "weibo") == 0);
    }
    store_actions_free(a, n);
    char *card = store_scorecard(s, 1, err, sizeof err);
    CHECK_STR(card, "{\"total\": 71}");
    free(card);

    /* the tables the migration added work, and the old log keeps growing */
    CHECK_MSG(store_override_add(s, 1, "deadline.first_response", 5, "Ms Lee", NULL, "ok", err, sizeof err) == 0,
              "%s", err);
    CHECK(store_note_add(s, 2, 30, "Kim", "checked fact f1", NULL, err, sizeof err) == 0);
    sim_action more = {90, SIM_ACT_PRESS, SIM_ROLE_SPOKESPERSON, SIM_LEVEL_NONE, NULL, NULL, NULL, 0};
    CHECK(store_action_append(s, 2, 1, &more, err, sizeof err) == 0);
    CHECK(store_close(s, NULL, 0) == 0);

    CHECK(query_int(path, "PRAGMA user_version") == store_schema_version());
    CHECK(query_int(path, "PRAGMA application_id") == STORE_APPLICATION_ID);
    CHECK(query_int(path, "SELECT count(*) FROM sessions") == 2);
    CHECK(query_int(path, "SELECT count(*) FROM actions") == 5);
    CHECK(query_int(path, "SELECT count(*) FROM overrides") == 1);
    CHECK(query_int(path, "SELECT count(*) FROM notes") == 1);
    CHECK(query_int(path, "SELECT count(*) FROM pragma_foreign_key_check") == 0);

    /* opening the migrated file again changes nothing */
    s = NULL;
    CHECK(store_open(path, &s, err, sizeof err) == 0);
    CHECK(store_close(s, NULL, 0) == 0);
    CHECK(query_int(path, "PRAGMA user_version") == store_schema_version());
    CHECK(query_int(path, "SELECT count(*) FROM actions") == 5);
}

int main(void)
{
    char *dir = tu_mkdtemp();
    CHECK(dir != NULL);
    if (!dir)
        return CHECK_DONE();
    test_v1_to_current(dir);
    tu_rmtree(dir);
    free(dir);
    return CHECK_DONE();
}
