/* test_store_refuse.c — files store_open must refuse and leave byte-identical (random bytes, a corrupt
 * database, another application's database, a newer schema) and folders it cannot create a file in. */
#include "test_store_util.h"

#include <sqlite3.h>

#include "check.h"
#include "sim/rng.h"
#include "store/store.h"

static char err[512];

static void fill_random(unsigned char *buf, size_t n, uint64_t seed)
{
    sim_rng r;
    sim_rng_seed(&r, seed, 7);
    for (size_t i = 0; i < n; i++)
        buf[i] = (unsigned char)sim_rng_u32(&r);
}

static int sidecars_absent(const char *path)
{
    static const char *const suffixes[] = {"-wal", "-shm", "-journal"};
    for (int i = 0; i < 3; i++) {
        char side[700];
        snprintf(side, sizeof side, "%s%s", path, suffixes[i]);
        if (tu_exists(side))
            return 0;
    }
    return 1;
}

/* store_open must fail with a one-line message containing `part`, leaving the file as it was. */
static void expect_refused(const char *path, const char *part)
{
    size_t n = 0;
    unsigned char *before = tu_read(path, &n);
    CHECK(before != NULL);
    store *s = (store *)&s;
    err[0] = '\0';
    CHECK_MSG(store_open(path, &s, err, sizeof err) == -1, "%s was accepted", path);
    CHECK(s == NULL);
    CHECK_MSG(strstr(err, part) != NULL, "\"%s\" lacks \"%s\"", err, part);
    if (getenv("YQ_TEST_VERBOSE"))
        printf("refused: %s\n", err);
    CHECK_MSG(strstr(err, path) != NULL, "\"%s\" does not name the file", err);
    CHECK(strchr(err, '\n') == NULL);
    CHECK_MSG(before && tu_same_bytes(path, before, n), "%s was modified", path);
    CHECK_MSG(sidecars_absent(path), "side files were created next to %s", path);
    free(before);
}

static int exec_sql(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    int rc = sqlite3_open(path, &db) == SQLITE_OK ? sqlite3_exec(db, sql, NULL, NULL, NULL) : SQLITE_ERROR;
    sqlite3_close(db);
    return rc == SQLITE_OK ? 0 : -1;
}

static void test_garbage(const char *dir)
{
    unsigned char junk[8192];
    fill_random(junk, sizeof junk, 1);
    const char *path = tu_path(dir, "garbage.db");
    CHECK(tu_write(path, junk, sizeof junk) == 0);
    expect_refused(path, "not a database");

    /* a valid SQLite magic string followed by noise */
    memcpy(junk, "SQLite format 3", 16);
    const char *fake = tu_path(dir, "fake_header.db");
    CHECK(tu_write(fake, junk, sizeof junk) == 0);
    expect_refused(fake, "cannot open saves database");

    const char *tiny = tu_path(dir, "tiny.db");
    CHECK(tu_write(tiny, "SQLite", 6) == 0);
    expect_refused(tiny, "not a database");
}

static void test_corrupt(const char *dir)
{
    const char *path = tu_path(dir, "corrupt.db");
    store *s = NULL;
    CHECK_MSG(store_open(path, &s, err, sizeof err) == 0, "%s", err);
    if (!s)
        return;
    int64_t id = 0;
    CHECK(store_session_begin(s, "t", "sc", 1, 1, NULL, &id, err, sizeof err) == 0);
    char text[400];
    memset(text, 'a', sizeof text - 1);
    text[sizeof text - 1] = '\0';
    sim_action a = {0, SIM_ACT_REPORT, SIM_ROLE_SPOKESPERSON, SIM_LEVEL_NONE, NULL, NULL, text, 0};
    for (int i = 0; i < 200; i++)
        store_action_append(s, id, i, &a, err, sizeof err);
    CHECK(store_close(s, NULL, 0) == 0);

    size_t n = 0;
    unsigned char *bytes = tu_read(path, &n);
    CHECK(bytes && n > 10 * 4096);
    if (!bytes || n <= 10 * 4096) {
        free(bytes);
        return;
    }
    int page = (bytes[16] << 8) | bytes[17];
    fill_random(bytes + 5 * page, (size_t)page, 2);   /* page 6: inside the actions tree */
    CHECK(tu_write(path, bytes, n) == 0);
    free(bytes);
    expect_refused(path, "");
}

static void test_foreign(const char *dir)
{
    const char *path = tu_path(dir, "contacts.db");
    CHECK(exec_sql(path, "CREATE TABLE contacts (name TEXT, phone TEXT);"
                         "INSERT INTO contacts VALUES ('Ada', '123'), ('Bo', '456');") == 0);
    expect_refused(path, "not a yqdrill saves database");

    const char *other = tu_path(dir, "other_app.db");
    CHECK(exec_sql(other, "PRAGMA application_id = 1234; CREATE TABLE t (x);") == 0);
    expect_refused(other, "not a yqdrill saves database");
    CHECK(exec_sql(other, "DROP TABLE t; VACUUM;") == 0);
    expect_refused(other, "application_id");
}

/* `name` is deliberately awkward for a URI: space, ?, #, %, non-ASCII. */
static void test_newer_schema(const char *dir, const char *name)
{
    const char *path = tu_path(dir, name);
    store *s = NULL;
    CHECK_MSG(store_open(path, &s, err, sizeof err) == 0, "%s", err);
    CHECK(store_close(s, NULL, 0) == 0);
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d;", store_schema_version() + 1);
    CHECK(exec_sql(path, sql) == 0);
    expect_refused(path, "newer");
}

static void test_folders(const char *dir)
{
    store *s = NULL;
    const char *missing = tu_path(dir, "no/such/folder/saves.db");
    CHECK(store_open(missing, &s, err, sizeof err) == -1 && s == NULL);
    CHECK_MSG(strstr(err, "cannot create saves database") && strstr(err, missing) &&
              strstr(err, "No such file or directory"), "%s", err);
    CHECK(!tu_exists(tu_path(dir, "no")));

    const char *file = tu_path(dir, "plain_file");
    CHECK(tu_write(file, "x", 1) == 0);
    const char *under_file = tu_path(dir, "plain_file/saves.db");
    CHECK(store_open(under_file, &s, err, sizeof err) == -1);
    CHECK_MSG(strstr(err, "cannot create saves database") && strstr(err, "Not a directory"), "%s", err);

    CHECK(store_open(dir, &s, err, sizeof err) == -1);
    CHECK_MSG(strstr(err, "not a regular file"), "%s", err);

    const char *locked = tu_path(dir, "readonly");
    CHECK(mkdir(locked, 0555) == 0);
    if (geteuid() == 0) {
        printf("note: running as root, which may write into a 0555 folder; unwritable-folder case skipped\n");
    } else {
        const char *inside = tu_path(locked, "saves.db");
        CHECK(store_open(inside, &s, err, sizeof err) == -1);
        CHECK_MSG(strstr(err, "cannot create saves database") && strstr(err, "Permission denied"), "%s", err);
        CHECK(!tu_exists(inside));
    }
}

int main(void)
{
    char *dir = tu_mkdtemp();
    CHECK(dir != NULL);
    if (!dir)
        return CHECK_DONE();
    test_garbage(dir);
    test_corrupt(dir);
    test_foreign(dir);
    test_newer_schema(dir, "future.db");
    test_newer_schema(dir, "odd name ?#%20 存档.db");
    test_folders(dir);
    tu_rmtree(dir);
    free(dir);
    return CHECK_DONE();
}
