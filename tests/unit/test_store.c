/* test_store.c — the saves database round trips: a new file is initialised (WAL, application_id,
 * schema version), sessions, the action log, scorecards, overrides and notes survive close and reopen. */
#include "test_store_util.h"

#include <sqlite3.h>
#include <stdint.h>

#include "check.h"
#include "store/store.h"

static char err[512];

static int pragma_int(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    int v = -999;
    sqlite3_stmt *st;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            v = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return v;
}

static int iso_utc(const char *s)
{
    /* YYYY-MM-DDTHH:MM:SSZ */
    if (strlen(s) != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
        return 0;
    for (int i = 0; i < 19; i++)
        if (i != 4 && i != 7 && i != 10 && i != 13 && i != 16 && (s[i] < '0' || s[i] > '9'))
            return 0;
    return 1;
}

static const sim_action log_in[] = {
    {0, SIM_ACT_REPORT, SIM_ROLE_MONITOR, SIM_LEVEL_NONE, NULL, NULL, "网传某小区水质异常，已报指挥部", 0},
    {120, SIM_ACT_ASSESS, SIM_ROLE_MONITOR, 1, NULL, NULL, "黄色", 0},
    {600, SIM_ACT_STATEMENT, SIM_ROLE_SPOKESPERSON, SIM_LEVEL_NONE, NULL, "weibo", "情况通报：\n已派员核查。", 0},
    {600, SIM_ACT_VERIFY, SIM_ROLE_COMMAND, SIM_LEVEL_NONE, "f_water", NULL, NULL, 0},
    {900, SIM_ACT_REBUT, SIM_ROLE_SPOKESPERSON, SIM_LEVEL_NONE, "r1", NULL, "", 0},
    {960, SIM_ACT_ASK, SIM_ROLE_SPOKESPERSON, SIM_LEVEL_NONE, "李记者", NULL, "还有呢？", 1},   /* a live follow-up */
};
#define N_LOG ((int)(sizeof log_in / sizeof log_in[0]))

static void test_new_database(const char *dir)
{
    const char *path = tu_path(dir, "new.db");
    store *s = NULL;
    CHECK_MSG(store_open(path, &s, err, sizeof err) == 0, "%s", err);
    CHECK(s != NULL);
    CHECK(store_close(s, NULL, 0) == 0);
    CHECK(tu_exists(path));
    CHECK(pragma_int(path, "PRAGMA application_id") == STORE_APPLICATION_ID);
    CHECK(pragma_int(path, "PRAGMA user_version") == store_schema_version());
    CHECK(store_schema_version() >= 2);
    /* a WAL database has file format version 2 in header bytes 18-19 */
    size_t n = 0;
    unsigned char *bytes = tu_read(path, &n);
    CHECK(bytes && n >= 100 && bytes[18] == 2 && bytes[19] == 2);
    free(bytes);

    /* reopening inspects the existing file through a URI: awkward characters must survive it */
    const char *odd = tu_path(dir, "odd name ?#%41 存档.db");
    for (int i = 0; i < 2; i++) {
        s = NULL;
        CHECK_MSG(store_open(odd, &s, err, sizeof err) == 0, "%s", err);
        CHECK(store_close(s, NULL, 0) == 0);
    }
    CHECK(pragma_int(odd, "PRAGMA application_id") == STORE_APPLICATION_ID);
    CHECK(!tu_exists(tu_path(dir, "odd name ")));

    const char *empty = tu_path(dir, "empty.db");
    CHECK(tu_write(empty, "", 0) == 0);
    CHECK_MSG(store_open(empty, &s, err, sizeof err) == 0, "%s", err);
    CHECK(store_close(s, NULL, 0) == 0);
    CHECK(pragma_int(empty, "PRAGMA application_id") == STORE_APPLICATION_ID);
    CHECK(pragma_int(empty, "SELECT count(*) FROM sessions") == 0);
}

static void test_sessions(const char *dir)
{
    const char *path = tu_path(dir, "sessions.db");
    store *s = NULL;
    CHECK_MSG(store_open(path, &s, err, sizeof err) == 0, "%s", err);
    if (!s)
        return;
    int64_t a = 0, b = 0;
    CHECK_MSG(store_session_begin(s, "张三", "water_rumour", 0xfedcba9876543210ULL, UINT64_MAX, "city_plan", &a, err,
                                  sizeof err) == 0, "%s", err);
    CHECK(store_session_begin(s, "Li Si", "fire", 1, 42, NULL, &b, err, sizeof err) == 0);
    CHECK(a > 0 && b > a);

    store_session got;
    CHECK_MSG(store_session_get(s, a, &got, err, sizeof err) == 0, "%s", err);
    CHECK(got.id == a);
    CHECK_STR(got.trainee, "张三");
    CHECK_STR(got.scenario, "water_rumour");
    CHECK_STR(got.plan, "city_plan");
    CHECK(got.content_hash == 0xfedcba9876543210ULL);
    CHECK(got.seed == UINT64_MAX);
    CHECK_MSG(iso_utc(got.started), "started = %s", got.started);
    CHECK(got.finished == 0 && got.n_actions == 0 && got.total == -1 && got.world_hash == 0);

    for (int i = 0; i < N_LOG; i++)
        CHECK_MSG(store_action_append(s, a, i, &log_in[i], err, sizeof err) == 0, "%s", err);
    CHECK(store_action_append(s, a, 2, &log_in[0], err, sizeof err) == -1);   /* seq taken */
    CHECK(store_action_append(s, 9999, 0, &log_in[0], err, sizeof err) == -1); /* no such session */
    sim_action bad = log_in[0];
    bad.type = SIM_ACT_COUNT;
    CHECK(store_action_append(s, b, 0, &bad, err, sizeof err) == -1);

    char *none = store_scorecard(s, a, err, sizeof err);
    CHECK(none == NULL && err[0] == '\0');
    CHECK(store_session_finish(s, a, "{\"total\": 8", 1, 1, err, sizeof err) == -1);
    CHECK(store_session_finish(s, 9999, "{}", 1, 1, err, sizeof err) == -1);
    const char *card = "{\"total\": 87.5, \"lines\": [{\"id\": \"deadline.first_response\", \"why\": \"按时\"}]}";
    CHECK_MSG(store_session_finish(s, a, card, 87.5, 0x0123456789abcdefULL, err, sizeof err) == 0, "%s", err);
    CHECK(store_close(s, NULL, 0) == 0);

    /* everything survives a reopen */
    s = NULL;
    CHECK_MSG(store_open(path, &s, err, sizeof err) == 0, "%s", err);
    if (!s)
        return;
    CHECK(store_session_get(s, a, &got, err, sizeof err) == 0);
    CHECK(got.finished == 1 && got.n_actions == N_LOG && got.total == 87.5 && got.world_hash == 0x0123456789abcdefULL);
    char *back = store_scorecard(s, a, err, sizeof err);
    CHECK_STR(back, card);
    free(back);
    CHECK(store_session_get(s, b, &got, err, sizeof err) == 0);
    CHECK(got.plan[0] == '\0' && got.seed == 42 && got.content_hash == 1 && got.finished == 0);

    sim_action *loaded = NULL;
    int n = 0;
    CHECK_MSG(store_actions_load(s, a, &loaded, &n, err, sizeof err) == 0, "%s", err);
    CHECK(n == N_LOG);
    for (int i = 0; i < n && i < N_LOG; i++)
        CHECK_MSG(tu_action_eq(&loaded[i], &log_in[i]), "action %d differs after reload", i);
    store_actions_free(loaded, n);
    CHECK(store_actions_load(s, b, &loaded, &n, err, sizeof err) == 0 && n == 0);
    store_actions_free(loaded, n);
    CHECK(store_actions_load(s, 9999, &loaded, &n, err, sizeof err) == -1);

    store_session *list = NULL;
    CHECK(store_sessions_list(s, &list, &n, err, sizeof err) == 0);
    CHECK(n == 2 && list && list[0].id == b && list[1].id == a && list[1].n_actions == N_LOG);
    free(list);

    CHECK(store_session_get(s, 9999, &got, err, sizeof err) == -1);
    CHECK_MSG(strstr(err, "no session 9999") != NULL, "%s", err);
    char longname[200];
    memset(longname, 'x', sizeof longname - 1);
    longname[sizeof longname - 1] = '\0';
    int64_t c = 0;
    CHECK(store_session_begin(s, longname, "fire", 0, 0, NULL, &c, err, sizeof err) == -1);
    CHECK(store_close(s, NULL, 0) == 0);
}

static void test_annotations(const char *dir)
{
    const char *path = tu_path(dir, "notes.db");
    store *s = NULL;
    CHECK_MSG(store_open(path, &s, err, sizeof err) == 0, "%s", err);
    if (!s)
        return;
    int64_t id = 0;
    CHECK(store_session_begin(s, "王五", "flood", 7, 7, "plan", &id, err, sizeof err) == 0);
    CHECK_MSG(store_override_add(s, id, "deadline.first_response", 10, "李老师", "2024-05-01T08:00:00Z", "口头已回应",
                                 err, sizeof err) == 0, "%s", err);
    CHECK(store_override_add(s, id, "tone.empathy", 2.5, "李老师", NULL, NULL, err, sizeof err) == 0);
    CHECK(store_override_add(s, 9999, "x", 1, "y", NULL, NULL, err, sizeof err) == -1);
    CHECK(store_note_add(s, id, 900, "李老师", "这里应先核实", NULL, err, sizeof err) == 0);
    CHECK(store_note_add(s, id, 300, "张三", "先发了通报", "2024-05-01T08:05:00Z", err, sizeof err) == 0);
    CHECK(store_close(s, NULL, 0) == 0);

    s = NULL;
    CHECK(store_open(path, &s, err, sizeof err) == 0);
    if (!s)
        return;
    store_override *o = NULL;
    int n = 0;
    CHECK_MSG(store_override_list(s, id, &o, &n, err, sizeof err) == 0, "%s", err);
    CHECK(n == 2);
    if (n == 2) {
        CHECK_STR(o[0].line, "deadline.first_response");
        CHECK(o[0].points == 10);
        CHECK_STR(o[0].by_name, "李老师");
        CHECK_STR(o[0].at, "2024-05-01T08:00:00Z");
        CHECK_STR(o[0].comment, "口头已回应");
        CHECK_STR(o[1].line, "tone.empathy");
        CHECK(o[1].points == 2.5 && o[1].comment == NULL && iso_utc(o[1].at));
    }
    store_overrides_free(o, n);
    store_note *notes = NULL;
    CHECK_MSG(store_note_list(s, id, &notes, &n, err, sizeof err) == 0, "%s", err);
    CHECK(n == 2);
    if (n == 2) {
        CHECK(notes[0].t == 300 && notes[1].t == 900);
        CHECK_STR(notes[0].author, "张三");
        CHECK_STR(notes[0].at, "2024-05-01T08:05:00Z");
        CHECK_STR(notes[1].text, "这里应先核实");
        CHECK(iso_utc(notes[1].at));
    }
    store_notes_free(notes, n);
    CHECK(store_close(s, NULL, 0) == 0);
}

int main(void)
{
    char *dir = tu_mkdtemp();
    CHECK(dir != NULL);
    if (!dir)
        return CHECK_DONE();
    test_new_database(dir);
    test_sessions(dir);
    test_annotations(dir);
    tu_rmtree(dir);
    free(dir);
    return CHECK_DONE();
}
