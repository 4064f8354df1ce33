/* test_report_import.c — merging another station's saves database (store_import, used by `yqdrill import`):
 * sessions copied with actions, overrides and notes; a second import adds nothing; only what is new is merged. */
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "store/store.h"

static char scratch[] = "/tmp/yq_import_test.XXXXXX";

/* SCRATCH/NAME in one of a few rotating buffers. */
static const char *at(const char *name)
{
    static char bufs[4][256];
    static int next;
    char *b = bufs[next++ % 4];
    snprintf(b, sizeof bufs[0], "%s/%s", scratch, name);
    return b;
}

static void cleanup(void)
{
    static const char *const files[] = {"station_a.db", "station_b.db", "foreign.db", "notes.txt"};
    static const char *const sides[] = {"", "-wal", "-shm", "-journal"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        for (size_t k = 0; k < sizeof sides / sizeof sides[0]; k++) {
            char p[300];
            snprintf(p, sizeof p, "%s%s", at(files[i]), sides[k]);
            unlink(p);
        }
    rmdir(scratch);
}

static int64_t begin(store *db, const char *trainee, uint64_t seed, const char *const *texts, int n)
{
    char err[256];
    int64_t id = 0;
    CHECK_MSG(store_session_begin(db, trainee, "city_video", 0xabcdef, seed, "urban", &id, err, sizeof err) == 0, "%s",
              err);
    for (int i = 0; i < n; i++) {
        sim_action a = {.t = 600 * (i + 1), .type = SIM_ACT_STATEMENT, .role = SIM_ROLE_SPOKESPERSON,
                        .level = SIM_LEVEL_NONE, .channel = "weibo", .text = (char *)texts[i]};
        CHECK_MSG(store_action_append(db, id, i, &a, err, sizeof err) == 0, "%s", err);
    }
    return id;
}

static int sessions(store *db)
{
    store_session *list;
    int n = -1;
    char err[256];
    if (store_sessions_list(db, &list, &n, err, sizeof err))
        return -1;
    free(list);
    return n;
}

static void sql(const char *path, const char *stmt)
{
    sqlite3 *db;
    CHECK(sqlite3_open(path, &db) == SQLITE_OK);
    char *msg = NULL;
    CHECK_MSG(sqlite3_exec(db, stmt, NULL, NULL, &msg) == SQLITE_OK, "%s", msg ? msg : "");
    sqlite3_free(msg);
    sqlite3_close(db);
}

/* Our session copied from theirs: same fields and the same actions. */
static int64_t find(store *db, const char *trainee)
{
    store_session *list;
    int n;
    char err[256];
    int64_t id = 0;
    if (store_sessions_list(db, &list, &n, err, sizeof err))
        return 0;
    for (int i = 0; i < n; i++)
        if (strcmp(list[i].trainee, trainee) == 0)
            id = list[i].id;
    free(list);
    return id;
}

int main(void)
{
    if (!mkdtemp(scratch)) {
        CHECK(!"mkdtemp");
        return CHECK_DONE();
    }
    char a_path[300], b_path[300], err[512];
    snprintf(a_path, sizeof a_path, "%s", at("station_a.db"));
    snprintf(b_path, sizeof b_path, "%s", at("station_b.db"));
    store *a, *b;
    CHECK_MSG(store_open(a_path, &a, err, sizeof err) == 0, "%s", err);
    CHECK_MSG(store_open(b_path, &b, err, sizeof err) == 0, "%s", err);

    const char *ana_texts[] = {"我局已关注到网传视频，正在调查。", "经核实，2人受轻伤，已送医。"};
    const char *ben_texts[] = {"无可奉告。"};
    int64_t ana = begin(a, "ana", 3, ana_texts, 2);
    int64_t ben = begin(a, "ben", 3, ben_texts, 1);
    CHECK(store_session_finish(a, ana, "{\"total\": 81.5, \"lines\": []}", 81.5, 0x1234, err, sizeof err) == 0);
    CHECK(store_override_add(a, ana, "deadline.report", 8, "李教官", NULL, "补报", err, sizeof err) == 0);
    CHECK(store_note_add(a, ana, 600, "李教官", "首份通报及时。", NULL, err, sizeof err) == 0);
    begin(b, "cai", 5, ana_texts, 1);

    store_import_counts c;
    CHECK_MSG(store_import(b, a_path, &c, err, sizeof err) == 0, "%s", err);
    CHECK(c.sessions_added == 2 && c.sessions_present == 0 && c.annotations_added == 2);
    CHECK(sessions(b) == 3);

    /* the copy is faithful: identity, started time, scorecard, actions, annotations */
    int64_t ana_b = find(b, "ana");
    store_session sa, sb;
    CHECK(store_session_get(a, ana, &sa, err, sizeof err) == 0);
    CHECK(ana_b && store_session_get(b, ana_b, &sb, err, sizeof err) == 0);
    CHECK_STR(sb.started, sa.started);
    CHECK(sb.finished && sb.seed == 3 && sb.content_hash == 0xabcdef && sb.world_hash == 0x1234);
    CHECK_NEAR(sb.total, 81.5, 1e-9);
    char *card = store_scorecard(b, ana_b, err, sizeof err);
    CHECK(card && strstr(card, "81.5"));
    free(card);
    sim_action *acts;
    int n;
    CHECK(store_actions_load(b, ana_b, &acts, &n, err, sizeof err) == 0);
    CHECK(n == 2 && strcmp(acts[1].text, ana_texts[1]) == 0 && acts[1].t == 1200);
    store_actions_free(acts, n);
    store_override *ov;
    store_note *notes;
    CHECK(store_override_list(b, ana_b, &ov, &n, err, sizeof err) == 0);
    CHECK(n == 1 && strcmp(ov[0].comment, "补报") == 0);
    store_overrides_free(ov, n);

    /* importing again changes nothing */
    CHECK(store_import(b, a_path, &c, err, sizeof err) == 0);
    CHECK(c.sessions_added == 0 && c.sessions_present == 2 && c.annotations_added == 0);
    CHECK(sessions(b) == 3);

    /* the other station went on: a new note, ben's session finished — both merge onto our copies */
    CHECK(store_note_add(a, ana, 1200, "ana", "数字已核实再发布。", NULL, err, sizeof err) == 0);
    CHECK(store_session_finish(a, ben, "{\"total\": 12, \"lines\": []}", 12, 0x99, err, sizeof err) == 0);
    CHECK(store_import(b, a_path, &c, err, sizeof err) == 0);
    CHECK(c.sessions_added == 0 && c.sessions_present == 2 && c.annotations_added == 1);
    CHECK(store_note_list(b, ana_b, &notes, &n, err, sizeof err) == 0);
    CHECK(n == 2);
    store_notes_free(notes, n);
    CHECK(store_session_get(b, find(b, "ben"), &sb, err, sizeof err) == 0);
    CHECK(sb.finished && sb.world_hash == 0x99);

    /* same trainee, scenario, hash, seed and start time but another action list: a different session */
    const char *other[] = {"我局已关注到网传视频，正在调查。", "另一条回应。"};
    int64_t twin = begin(a, "ana", 3, other, 2);
    char stmt[256];
    snprintf(stmt, sizeof stmt, "UPDATE sessions SET started = '%s' WHERE id = %lld", sa.started, (long long)twin);
    sql(a_path, stmt);
    CHECK(store_import(b, a_path, &c, err, sizeof err) == 0);
    CHECK(c.sessions_added == 1 && c.sessions_present == 2);
    CHECK(sessions(b) == 4);

    /* refusals leave our database as it was */
    CHECK(store_import(b, at("missing.db"), &c, err, sizeof err) == -1);
    FILE *f = fopen(at("notes.txt"), "w");
    fputs("not a database at all, just some text that is long enough to look like a file", f);
    fclose(f);
    CHECK(store_import(b, at("notes.txt"), &c, err, sizeof err) == -1);
    CHECK(strlen(err) > 0);
    sql(at("foreign.db"), "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
    CHECK(store_import(b, at("foreign.db"), &c, err, sizeof err) == -1);
    CHECK(strstr(err, "not a yqdrill saves database") != NULL);
    CHECK(sessions(b) == 4);

    CHECK(store_close(a, NULL, 0) == 0);
    CHECK(store_close(b, NULL, 0) == 0);
    cleanup();
    return CHECK_DONE();
}
