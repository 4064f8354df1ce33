/* test_drill_take.c — an action is saved and queued together or not at all: when queueing fails (out of
 * memory, forced here by failing the world queue's first allocation) no row is left behind, and the next
 * action is saved under the next free sequence number instead of colliding with a stale row. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "app/drill.h"
#include "check.h"

static int fail_queue_alloc;   /* armed: the next realloc(NULL, 64 actions) fails */

void *realloc(void *p, size_t n)
{
    static void *(*next)(void *, size_t);
    if (!next)
        next = (void *(*)(void *, size_t))dlsym(RTLD_NEXT, "realloc");
    if (fail_queue_alloc && !p && n == 64 * sizeof(sim_action)) {
        fail_queue_alloc = 0;
        return NULL;
    }
    return next(p, n);
}

static int rows(store *db, int64_t session)
{
    store_session s;
    char err[256];
    return store_session_get(db, session, &s, err, sizeof err) == 0 ? s.n_actions : -1;
}

int main(void)
{
    char dir[] = "/tmp/yq_take_XXXXXX", path[600], err[512];
    CHECK(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/t.db", dir);
    setenv("YQ_HOME", YQ_SOURCE_DIR, 1);
    app_drill d;
    scn_problems probs = {0};
    store *db = NULL;
    int rc = app_drill_open(&d, "city_video", 1, NULL, &probs, err, sizeof err);
    CHECK_MSG(rc == 0, "%s", err);
    CHECK_MSG(store_open(path, &db, err, sizeof err) == 0, "%s", err);
    if (rc || !db)
        return CHECK_DONE();
    CHECK(app_drill_save(&d, db, "测试", err, sizeof err) == 0);
    CHECK(d.world->cap_queue == 0);   /* the first action allocates the queue: the failure lands there */

    sim_action a = {.t = 300, .type = SIM_ACT_REPORT, .role = SIM_ROLE_MONITOR, .text = "接报"};
    fail_queue_alloc = 1;
    CHECK(app_drill_take(&d, &a, err, sizeof err) != 0);
    CHECK(d.world->n_queue == 0);
    CHECK_MSG(rows(db, d.session) == 0, "a row was left for an action that was not queued");

    CHECK_MSG(app_drill_take(&d, &a, err, sizeof err) == 0, "%s", err);
    sim_action b = {.t = 600, .type = SIM_ACT_REPORT, .role = SIM_ROLE_MONITOR, .text = "续报"};
    CHECK_MSG(app_drill_take(&d, &b, err, sizeof err) == 0, "%s", err);
    CHECK(rows(db, d.session) == 2 && d.world->n_queue == 2);

    scn_problems_free(&probs);
    app_drill_close(&d);
    CHECK(store_close(db, NULL, 0) == 0);
    unlink(path);
    rmdir(dir);
    return CHECK_DONE();
}
