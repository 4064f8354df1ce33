/* test_store_concurrent.c — several processes on one saves database: two writers appending to the
 * same session lose nothing, two first-time openers both initialise safely, and a writer that dies
 * without closing leaves every action it appended. */
#include "test_store_util.h"

#include <sqlite3.h>
#include <sys/wait.h>

#include "check.h"
#include "store/store.h"

#define PER_WRITER 200

static char err[512];

/* Child body: wait for the start signal, then run `work`; exits 0 on success. */
typedef int (*child_work)(const char *path, int k);

static pid_t spawn(const int start[2], child_work work, const char *path, int k)
{
    pid_t pid = fork();
    if (pid != 0)
        return pid;
    close(start[1]);
    char go;
    while (read(start[0], &go, 1) > 0)
        ;
    _exit(work(path, k) == 0 ? 0 : 1);
}

/* Start n children together (a pipe whose close releases them all) and collect their exit codes. */
static int run_children(int n, child_work work, const char *path)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    pid_t pids[8];
    for (int k = 0; k < n; k++) {
        pids[k] = spawn(fds, work, path, k);
    }
    close(fds[0]);
    close(fds[1]);
    int failures = 0;
    for (int k = 0; k < n; k++) {
        int status = 0;
        if (pids[k] < 0 || waitpid(pids[k], &status, 0) != pids[k] || !WIFEXITED(status) ||
            WEXITSTATUS(status) != 0)
            failures++;
    }
    return failures;
}

static int integrity_ok(const char *path)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *st;
    int ok = 0;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK) {
        ok = sqlite3_step(st) == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0;
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return ok;
}

/* Writer k appends seq k, k+2, k+4, ... to session 1. */
static int append_interleaved(const char *path, int k)
{
    char e[512], text[64];
    store *s = NULL;
    if (store_open(path, &s, e, sizeof e) != 0) {
        fprintf(stderr, "writer %d: %s\n", k, e);
        return -1;
    }
    int rc = 0;
    for (int i = 0; i < PER_WRITER && rc == 0; i++) {
        snprintf(text, sizeof text, "writer %d action %d", k, i);
        sim_action a = {i, SIM_ACT_MONITOR, k ? SIM_ROLE_MONITOR : SIM_ROLE_COMMAND, SIM_LEVEL_NONE, NULL, NULL, text, 0};
        rc = store_action_append(s, 1, 2 * i + k, &a, e, sizeof e);
        if (rc)
            fprintf(stderr, "writer %d: %s\n", k, e);
    }
    if (store_close(s, e, sizeof e)) {
        fprintf(stderr, "writer %d: %s\n", k, e);
        rc = -1;
    }
    return rc;
}

static void test_two_writers(const char *dir)
{
    const char *path = tu_path(dir, "shared.db");
    store *s = NULL;
    int64_t id = 0;
    CHECK_MSG(store_open(path, &s, err, sizeof err) == 0, "%s", err);
    if (!s)
        return;
    CHECK(store_session_begin(s, "pair", "water", 1, 2, NULL, &id, err, sizeof err) == 0 && id == 1);
    CHECK(store_close(s, NULL, 0) == 0);

    CHECK(run_children(2, append_interleaved, path) == 0);

    s = NULL;
    CHECK_MSG(store_open(path, &s, err, sizeof err) == 0, "%s", err);
    if (!s)
        return;
    sim_action *a = NULL;
    int n = 0;
    CHECK_MSG(store_actions_load(s, 1, &a, &n, err, sizeof err) == 0, "%s", err);
    CHECK_MSG(n == 2 * PER_WRITER, "%d actions", n);
    int wrong = 0;
    char want[64];
    for (int seq = 0; seq < n; seq++) {
        snprintf(want, sizeof want, "writer %d action %d", seq % 2, seq / 2);
        if (a[seq].t != seq / 2 || !a[seq].text || strcmp(a[seq].text, want) != 0 ||
            a[seq].role != (seq % 2 ? SIM_ROLE_MONITOR : SIM_ROLE_COMMAND))
            wrong++;
    }
    CHECK_MSG(wrong == 0, "%d actions differ from what the writers appended", wrong);
    store_actions_free(a, n);
    CHECK(store_close(s, NULL, 0) == 0);
    CHECK(integrity_ok(path));
}

/* Each opener may be the one that creates the file; each logs its own session. */
static int open_fresh_and_log(const char *path, int k)
{
    char e[512];
    store *s = NULL;
    int64_t id = 0;
    int rc = store_open(path, &s, e, sizeof e);
    if (rc == 0)
        rc = store_session_begin(s, k ? "one" : "zero", "fire", 0, (uint64_t)k, NULL, &id, e, sizeof e);
    for (int i = 0; rc == 0 && i < 50; i++) {
        sim_action a = {i, SIM_ACT_PRESS, SIM_ROLE_SPOKESPERSON, SIM_LEVEL_NONE, NULL, NULL, NULL, 0};
        rc = store_action_append(s, id, i, &a, e, sizeof e);
    }
    if (store_close(s, rc ? NULL : e, sizeof e))
        rc = -1;
    if (rc)
        fprintf(stderr, "opener %d: %s\n", k, e);
    return rc;
}

static void test_racing_first_open(const char *dir)
{
    const char *path = tu_path(dir, "race.db");
    CHECK(run_children(2, open_fresh_and_log, path) == 0);
    store *s = NULL;
    CHECK_MSG(store_open(path, &s, err, sizeof err) == 0, "%s", err);
    if (!s)
        return;
    store_session *list = NULL;
    int n = 0;
    CHECK(store_sessions_list(s, &list, &n, err, sizeof err) == 0);
    CHECK(n == 2 && list && list[0].n_actions == 50 && list[1].n_actions == 50 && list[0].seed != list[1].seed);
    free(list);
    CHECK(store_close(s, NULL, 0) == 0);
    CHECK(integrity_ok(path));
}

/* Appends ten actions and dies without closing the database. */
static int append_and_die(const char *path, int k)
{
    char e[512];
    store *s = NULL;
    int64_t id = 0;
    if (store_open(path, &s, e, sizeof e) || store_session_begin(s, "crash", "fire", 0, 0, NULL, &id, e, sizeof e))
        return -1;
    for (int i = 0; i < 10; i++) {
        sim_action a = {i * 10 + k, SIM_ACT_REPORT, SIM_ROLE_MONITOR, SIM_LEVEL_NONE, NULL, NULL, "进展", 0};
        if (store_action_append(s, id, i, &a, e, sizeof e))
            return -1;
    }
    _exit(0);
}

static void test_crash_keeps_log(const char *dir)
{
    const char *path = tu_path(dir, "crash.db");
    CHECK(run_children(1, append_and_die, path) == 0);
    CHECK(tu_exists(tu_path(dir, "crash.db-wal")));   /* it really did not close */
    store *s = NULL;
    CHECK_MSG(store_open(path, &s, err, sizeof err) == 0, "%s", err);
    if (!s)
        return;
    sim_action *a = NULL;
    int n = 0;
    CHECK_MSG(store_actions_load(s, 1, &a, &n, err, sizeof err) == 0, "%s", err);
    CHECK(n == 10 && a && a[9].t == 90 && a[9].text && strcmp(a[9].text, "进展") == 0);
    store_actions_free(a, n);
    CHECK(store_close(s, NULL, 0) == 0);
    CHECK(integrity_ok(path));
}

int main(void)
{
    char *dir = tu_mkdtemp();
    CHECK(dir != NULL);
    if (!dir)
        return CHECK_DONE();
    test_two_writers(dir);
    test_racing_first_open(dir);
    test_crash_keeps_log(dir);
    tu_rmtree(dir);
    free(dir);
    return CHECK_DONE();
}
