/* test_reload_save.c — a saved drill survives an author's edit: after a hot reload the session records the
 * new content hash (so it can be resumed and reviewed), and the baseline graded at the end is the version
 * the drill loaded, even when the files on disk change again before the drill finishes. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "app/drill.h"
#include "check.h"

static void copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    int c;
    while (in && out && (c = fgetc(in)) != EOF)
        fputc(c, out);
    if (in)
        fclose(in);
    if (out)
        fclose(out);
}

static void append(const char *path, const char *text)
{
    FILE *f = fopen(path, "ab");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

int main(void)
{
    char dir[] = "/tmp/yq_reload_save_XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char lua[512], dbpath[512];
    snprintf(lua, sizeof lua, "%s/scenario.lua", dir);
    snprintf(dbpath, sizeof dbpath, "%s/s.db", dir);
    copy_file(YQ_SOURCE_DIR "/scenarios/city_video/scenario.lua", lua);
    setenv("YQ_HOME", YQ_SOURCE_DIR, 1);

    app_drill d;
    scn_problems probs = {0};
    char err[512];
    store *db = NULL;
    int rc = app_drill_open(&d, dir, 5, NULL, &probs, err, sizeof err);
    CHECK_MSG(rc == 0, "%s", err);
    CHECK_MSG(store_open(dbpath, &db, err, sizeof err) == 0, "%s", err);
    if (rc || !db)
        return CHECK_DONE();
    CHECK_MSG(app_drill_save(&d, db, "作者", err, sizeof err) == 0, "%s", err);
    sim_action a = {.t = 300, .type = SIM_ACT_REPORT, .role = SIM_ROLE_MONITOR, .text = "抖音出现城管执法冲突视频"};
    CHECK(app_drill_take(&d, &a, err, sizeof err) == 0);
    CHECK(sim_run_until(d.world, 1200) == 0);

    append(lua, "\n-- an author's edit\n");
    CHECK(app_drill_reload(&d, &probs, err, sizeof err) == 1);
    store_session ses;
    CHECK(store_session_get(db, d.session, &ses, err, sizeof err) == 0);
    CHECK_MSG(ses.content_hash == d.scn.content_hash, "stored %llx, drill %llx", (unsigned long long)ses.content_hash,
              (unsigned long long)d.scn.content_hash);

    /* the files change again (invalid now) before the end: the drill still grades against what it loaded */
    append(lua, "\nfact { id = 'broken' \n");
    CHECK_MSG(app_drill_finish(&d, err, sizeof err) == 0, "%s", err);
    CHECK(store_session_get(db, d.session, &ses, err, sizeof err) == 0 && ses.finished);

    scn_problems_free(&probs);
    app_drill_close(&d);
    CHECK(store_close(db, NULL, 0) == 0);
    unlink(lua);
    unlink(dbpath);
    rmdir(dir);
    return CHECK_DONE();
}
