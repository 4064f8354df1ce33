/* test_app_review.c — the review controller: a finished session replays to the saved state with its stored
 * card, the world at any moment equals a fresh run to that moment (forward and backward scrubs), notes are
 * stored, unfinished or unknown sessions are refused. Prints how long a scrub takes (not asserted). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app/review.h"
#include "check.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* A headless drill of a scenario with one of its response files, saved and graded; left unfinished when asked. */
static int64_t drill(store *db, const char *scenario, const char *trainee, const char *responses, int finish)
{
    char path[1024], err[512];
    snprintf(path, sizeof path, "%s/scenarios/%s/responses/%s.json", YQ_SOURCE_DIR, scenario, responses);
    sim_action *acts = NULL;
    int n = 0;
    CHECK_MSG(store_actions_read_file(path, &acts, &n, err, sizeof err) == 0, "%s", err);
    app_drill d;
    scn_problems probs = {0};
    int rc = app_drill_open(&d, scenario, 7, NULL, &probs, err, sizeof err);
    CHECK_MSG(rc == 0, "%s", err);
    scn_problems_free(&probs);
    rc = rc ? rc : app_drill_save(&d, db, trainee, err, sizeof err);
    for (int i = 0; !rc && i < n; i++)
        rc = app_drill_take(&d, &acts[i], err, sizeof err);
    if (!rc && finish)
        rc = app_drill_finish(&d, err, sizeof err);
    CHECK_MSG(rc == 0, "%s", err);
    int64_t id = d.session;
    app_drill_close(&d);
    store_actions_free(acts, n);
    return id;
}

/* How long a scrub takes (printed, not asserted): the worst jump back (rebuilt from the start and run to the
 * end) and a step of one minute forward. */
static void print_scrub_times(app_review *r, const char *name)
{
    const sim_world *at = NULL;
    sim_time end = r->full.world->now;
    char err[512];
    double step_max = 0, back_max = 0, back_sum = 0;
    for (int k = 0; k < 5; k++) {
        app_review_world_at(r, end, &at, err, sizeof err);
        double t0 = now_ms();
        CHECK(app_review_world_at(r, end - 60, &at, err, sizeof err) == 0);
        double dt = now_ms() - t0;
        back_sum += dt;
        if (dt > back_max)
            back_max = dt;
    }
    app_review_world_at(r, 0, &at, err, sizeof err);
    for (sim_time t = 60; t <= end; t += 60) {
        double t0 = now_ms();
        app_review_world_at(r, t, &at, err, sizeof err);
        double dt = now_ms() - t0;
        if (dt > step_max)
            step_max = dt;
    }
    printf("%s (%u accounts, %lld min): scrub back to the end: mean %.1f ms, max %.1f ms; "
           "a minute forward: max %.2f ms\n",
           name, r->full.scn.params.population, (long long)(end / 60), back_sum / 5, back_max, step_max);
}

/* The same session rebuilt independently and run to t. */
static uint64_t fresh_hash(store *db, int64_t id, sim_time t)
{
    store_session ses;
    char err[512];
    if (store_session_get(db, id, &ses, err, sizeof err))
        return 0;
    app_drill d;
    sim_action *acts = NULL;
    int n = 0;
    uint64_t h = 0;
    if (app_drill_reopen(&d, db, &ses, NULL, &acts, &n) == 0 && sim_run_until(d.world, t) == 0)
        h = sim_hash(d.world);
    app_drill_close(&d);
    store_actions_free(acts, n);
    return h;
}

int main(void)
{
    setenv("YQ_HOME", YQ_SOURCE_DIR, 1);
    char dir[] = "/tmp/yq_review_XXXXXX", path[256], err[512];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/save.db", dir);
    store *db = NULL;
    CHECK_MSG(store_open(path, &db, err, sizeof err) == 0, "%s", err);
    if (!db)
        return CHECK_DONE();
    int64_t good = drill(db, "city_video", "张三", "reference", 1);
    int64_t poor = drill(db, "city_video", "张三", "poor", 1);
    int64_t open = drill(db, "city_video", "李四", "poor", 0);
    int64_t big = drill(db, "kindergarten", "王五", "reference", 1);

    app_review *r = calloc(1, sizeof *r);
    CHECK(app_review_open(r, db, good, err, sizeof err) == 0);
    store_session ses;
    CHECK(store_session_get(db, good, &ses, err, sizeof err) == 0);
    const sim_world *full = r->full.world;
    CHECK(full != NULL && sim_is_over(full));
    CHECK(!r->replay_differs && sim_hash(full) == ses.world_hash);
    CHECK_NEAR(r->card.total, ses.total, 0.01);
    CHECK(r->card.n_lines > 0 && full->n_log == r->n_acts && r->n_acts == ses.n_actions);
    CHECK_STR(r->ses.trainee, "张三");

    /* Forward scrubs step the same world on; each position equals an independent run to it. */
    const sim_world *at = NULL;
    sim_time marks[] = {30 * 60, 31 * 60, 90 * 60};
    for (int i = 0; i < 3; i++) {
        CHECK(app_review_world_at(r, marks[i], &at, err, sizeof err) == 0);
        CHECK(at && at->now == marks[i]);
        CHECK(at && sim_hash(at) == fresh_hash(db, good, marks[i]));
    }
    /* 30 min: from the checkpoint at 30; 31: stepped on; 90: from the checkpoint at 90 (it lies ahead). */
    CHECK(r->restores == 2);
    CHECK(r->n_ckpt == (int)(full->now / REVIEW_CKPT_EVERY) + (full->now % REVIEW_CKPT_EVERY != 0));
    /* Its curves are the full run's curves up to that moment. */
    CHECK(at && at->n_samples > 0 && at->n_samples <= full->n_samples);
    int same = 1;
    for (int i = 0; at && i < at->n_samples && i < full->n_samples; i++)
        same &= at->samples[i].t == full->samples[i].t &&
                at->samples[i].posts_per_hour == full->samples[i].posts_per_hour &&
                at->samples[i].rumour_reach == full->samples[i].rumour_reach &&
                at->samples[i].level == full->samples[i].level;
    CHECK(same);
    /* Backwards: restored from the checkpoint at 40 minutes, still the same world as a run from t = 0. */
    CHECK(app_review_world_at(r, 45 * 60, &at, err, sizeof err) == 0);
    CHECK(r->restores == 3 && at->now == 45 * 60 && sim_hash(at) == fresh_hash(db, good, 45 * 60));
    for (sim_time t = 3 * 3600 + 5 * 60; t > 0; t -= 37 * 60) {
        CHECK(app_review_world_at(r, t, &at, err, sizeof err) == 0);
        CHECK_MSG(at->now == t && sim_hash(at) == fresh_hash(db, good, t), "back to %lld s", (long long)t);
    }
    /* Past the end: clamped to the replay's end, which is the saved final world. */
    CHECK(app_review_world_at(r, full->now + 3600, &at, err, sizeof err) == 0);
    CHECK(at->now == full->now && sim_hash(at) == ses.world_hash);

    print_scrub_times(r, "city_video");

    /* Hot-wash notes are stored with their drill time and read back. */
    CHECK(app_review_note_add(r, 45 * 60, "李教官", "首次回应偏晚，注意核实后再发布。", err, sizeof err) == 0);
    CHECK(app_review_note_add(r, 10 * 60, "李教官", "上报及时。", err, sizeof err) == 0);
    CHECK(r->n_notes == 2 && r->notes[0].t == 10 * 60 && strcmp(r->notes[1].text, "首次回应偏晚，注意核实后再发布。") == 0);
    CHECK(app_review_note_add(r, 0, "李教官", "", err, sizeof err) == -1);
    app_review_close(r);
    CHECK(r->full.world == NULL && r->n_notes == 0);

    /* Reopening another session replaces the first; the notes belong to the first only. */
    CHECK(app_review_open(r, db, poor, err, sizeof err) == 0);
    CHECK(r->n_notes == 0 && r->ses.id == poor);
    app_review_close(r);

    /* The largest world (100,000 accounts, 6 hours): the same replay, and what its scrubs cost. */
    CHECK(app_review_open(r, db, big, err, sizeof err) == 0 && !r->replay_differs);
    print_scrub_times(r, "kindergarten");
    app_review_close(r);

    CHECK(app_review_open(r, db, open, err, sizeof err) != 0 && strstr(err, "not finished"));
    CHECK(app_review_open(r, db, 999, err, sizeof err) != 0);
    CHECK(app_review_world_at(r, 60, &at, err, sizeof err) == -1);
    free(r);
    CHECK(store_close(db, NULL, 0) == 0);
    unlink(path);
    snprintf(path, sizeof path, "%s/save.db-wal", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/save.db-shm", dir);
    unlink(path);
    rmdir(dir);
    return CHECK_DONE();
}
