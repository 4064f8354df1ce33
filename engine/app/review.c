/* review.c — the review controller: reopens a finished session, replays it to its end, takes its stored
 * scorecard with overrides and its notes, and re-runs the same seed and actions to show any moment. */
#include "review.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"

static void drop_world_at(app_review *r)
{
    sim_world_free(r->at);
    scn_free(r->at_script);
    sim_scenario_free(&r->at_scn);
    r->at = NULL;
    r->at_script = NULL;
    memset(&r->at_scn, 0, sizeof r->at_scn);
}

static int load_notes(app_review *r, char *err, int errlen)
{
    store_note *notes = NULL;
    int n = 0;
    if (store_note_list(r->db, r->ses.id, &notes, &n, err, errlen))
        return -1;
    store_notes_free(r->notes, r->n_notes);
    r->notes = notes;
    r->n_notes = n;
    return 0;
}

int app_review_open(app_review *r, store *db, int64_t id, char *err, int errlen)
{
    memset(r, 0, sizeof *r);
    r->db = db;
    if (!db) {
        snprintf(err, (size_t)errlen, "no save database is open");
        return APP_EXIT_USAGE;
    }
    if (store_session_get(db, id, &r->ses, err, errlen))
        return APP_EXIT_USAGE;
    if (!r->ses.finished) {
        snprintf(err, (size_t)errlen, "session %lld is not finished: there is no scorecard to review yet",
                 (long long)id);
        return APP_EXIT_USAGE;
    }
    int rc = app_drill_reopen(&r->full, db, &r->ses, NULL, &r->acts, &r->n_acts);
    if (rc) {
        snprintf(err, (size_t)errlen, "session %lld cannot be replayed (scenario %s missing or changed)", (long long)id,
                 r->ses.scenario);
        app_review_close(r);
        return rc;
    }
    if (sim_run_until(r->full.world, r->full.scn.duration)) {
        snprintf(err, (size_t)errlen, "session %lld: %s", (long long)id, r->full.world->error);
        app_review_close(r);
        return APP_EXIT_SCENARIO;
    }
    r->replay_differs = r->ses.world_hash != 0 && sim_hash(r->full.world) != r->ses.world_hash;
    if ((rc = app_load_card(db, &r->ses, &r->card))) {
        snprintf(err, (size_t)errlen, "session %lld: its scorecard cannot be read", (long long)id);
        app_review_close(r);
        return rc;
    }
    if (load_notes(r, err, errlen)) {
        app_review_close(r);
        return APP_EXIT_STORAGE;
    }
    return APP_EXIT_OK;
}

/* A fresh world at t = 0 with the session's scenario, plan parameters, seed and every saved action queued. */
static int build_world_at(app_review *r, char *err, int errlen)
{
    drop_world_at(r);
    scn_problems probs = {0};
    sim_scenario_init(&r->at_scn);
    int rc = scn_load(r->full.dir, r->ses.seed, &r->at_scn, &r->at_script, &probs);
    scn_problems_free(&probs);
    if (rc) {
        snprintf(err, (size_t)errlen, "scenario %s changed during the review", r->ses.scenario);
        drop_world_at(r);
        return -1;
    }
    r->at_scn.params = r->full.scn.params;
    sim_hooks hooks;
    scn_hooks(r->at_script, &hooks);
    r->at = sim_world_new(&r->at_scn, &r->full.lex, r->ses.seed, &hooks, err, errlen);
    if (r->at)
        sim_world_set_phrases(r->at, &r->full.phrases);
    for (int i = 0; r->at && i < r->n_acts; i++)
        if (sim_submit(r->at, &r->acts[i], err, errlen)) {
            drop_world_at(r);
            return -1;
        }
    if (!r->at) {
        drop_world_at(r);
        return -1;
    }
    r->rebuilds++;
    return 0;
}

int app_review_world_at(app_review *r, sim_time t, const sim_world **out, char *err, int errlen)
{
    if (!r->full.world) {
        snprintf(err, (size_t)errlen, "no session is open for review");
        return -1;
    }
    sim_time end = r->full.world->now;
    if (t < 0)
        t = 0;
    if (t > end)
        t = end;
    if ((!r->at || r->at->now > t) && build_world_at(r, err, errlen))
        return -1;
    if (sim_run_until(r->at, t)) {
        snprintf(err, (size_t)errlen, "%s", r->at->error);
        drop_world_at(r);
        return -1;
    }
    *out = r->at;
    return 0;
}

int app_review_note_add(app_review *r, sim_time t, const char *author, const char *text, char *err, int errlen)
{
    if (!r->full.world) {
        snprintf(err, (size_t)errlen, "no session is open for review");
        return -1;
    }
    if (!text || !text[0]) {
        snprintf(err, (size_t)errlen, "the note is empty");
        return -1;
    }
    if (store_note_add(r->db, r->ses.id, t < 0 ? 0 : t, author && author[0] ? author : "instructor", text, NULL, err,
                       errlen))
        return -1;
    return load_notes(r, err, errlen);
}

void app_review_close(app_review *r)
{
    drop_world_at(r);
    app_drill_close(&r->full);
    score_card_free(&r->card);
    store_actions_free(r->acts, r->n_acts);
    store_notes_free(r->notes, r->n_notes);
    store *db = r->db;
    memset(r, 0, sizeof *r);
    r->db = db;
}
