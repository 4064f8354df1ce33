/* test_reload.c — an author edits a scenario while a drill runs: a valid edit is picked up with the
 * same seed and actions up to the same time; an invalid one is reported and the drill keeps running. */
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
    char dir[] = "/tmp/yq_reload_XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char lua[512];
    snprintf(lua, sizeof lua, "%s/scenario.lua", dir);
    copy_file(YQ_SOURCE_DIR "/scenarios/city_video/scenario.lua", lua);
    setenv("YQ_HOME", YQ_SOURCE_DIR, 1);

    app_drill d;
    scn_problems probs = {0};
    char err[512];
    int rc = app_drill_open(&d, dir, 5, NULL, &probs, err, sizeof err);
    CHECK_MSG(rc == 0, "%s", err);
    if (rc)
        return CHECK_DONE();
    sim_action a = {.t = 300, .type = SIM_ACT_REPORT, .role = SIM_ROLE_MONITOR, .level = SIM_LEVEL_NONE,
                    .text = "抖音出现城管执法冲突视频"};
    CHECK(app_drill_take(&d, &a, err, sizeof err) == 0);
    CHECK(sim_run_until(d.world, 1200) == 0);
    CHECK(app_drill_reload(&d, &probs, err, sizeof err) == 0);

    /* An invalid edit: reported, and the drill runs on untouched. */
    uint64_t before = sim_hash(d.world);
    append(lua, "\nfact { id = 'broken' \n");
    CHECK(app_drill_reload(&d, &probs, err, sizeof err) == -1);
    CHECK(probs.count > 0 && probs.items[0].line > 0);
    CHECK(sim_hash(d.world) == before && d.world->now == 1200);
    scn_problems_free(&probs);

    /* A valid edit: a new ending. Same time, same actions, a world built from the new file. */
    copy_file(YQ_SOURCE_DIR "/scenarios/city_video/scenario.lua", lua);
    append(lua, "\nending { id = 'e_author_added', text = '作者新增的结局' }\non_action('summary', function(a, w) w.ending('e_author_added') end)\n");
    CHECK(app_drill_reload(&d, &probs, err, sizeof err) == 1);
    CHECK(d.world->now == 1200);
    CHECK(d.world->n_log == 1 && d.world->log[0].t == 300);
    CHECK(sim_scenario_ending(&d.scn, "e_author_added") >= 0);
    CHECK(d.world->scn == &d.scn);
    CHECK(sim_step(d.world) == 0);
    scn_problems_free(&probs);
    app_drill_close(&d);
    unlink(lua);
    rmdir(dir);
    return CHECK_DONE();
}
