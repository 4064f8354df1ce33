/* review.c — the review controller: reopens a finished session, replays it to its end, takes its stored
 * scorecard with overrides and its notes, and shows any moment from the replay's 10-minute checkpoints. */
#include "review.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"

static void drop_world_at(app_review *r)
{
    sim_world_free(r->at);
    r->at = NULL;
}

/* Run the full replay to its end, keeping a copy of it every REVIEW_CKPT_EVERY simulated seconds. */
static int replay_with_checkpoints(app_review *r, char *err, int errlen)
{
    sim_world *w = r->full.world;
    int cap = (int)(r->full.scn.duration / REVIEW_CKPT_EVERY) + 2;
    if (!(r->ckpt = calloc((size_t)cap, sizeof *r->ckpt))) {
        snprintf(err, (size_t)errlen, "out of memory for the review's checkpoints");
        return APP_EXIT_STORAGE;
    }
    for (sim_time t = 0; r->n_ckpt < cap && t < r->full.scn.duration && !sim_is_over(w); t += REVIEW_CKPT_EVERY) {
        if (sim_run_until(w, t))
            break;
        if (!(r->ckpt[r->n_ckpt] = sim_world_clone(w, &w->hooks, err, errlen)))
            return APP_EXIT_STORAGE;
        r->n_ckpt++;
    }
    if (w->error[0] || sim_run_until(w, r->full.scn.duration)) {
        snprintf(err, (size_t)errlen, "session %lld: %s", (long long)r->ses.id, w->error);
        return APP_EXIT_SCENARIO;
    }
    return APP_EXIT_OK;
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
    if ((rc = replay_with_checkpoints(r, err, errlen))) {
        app_review_close(r);
        return rc;
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

/* The last checkpoint at or before t (the first is at t = 0). */
static const sim_world *checkpoint_before(const app_review *r, sim_time t)
{
    int k = 0;
    while (k + 1 < r->n_ckpt && r->ckpt[k + 1]->now <= t)
        k++;
    return r->ckpt[k];
}

static int restore_at(app_review *r, const sim_world *from, char *err, int errlen)
{
    drop_world_at(r);
    if (!(r->at = sim_world_clone(from, &r->full.world->hooks, err, errlen)))
        return -1;
    r->restores++;
    return 0;
}

int app_review_world_at(app_review *r, sim_time t, const sim_world **out, char *err, int errlen)
{
    if (!r->full.world || r->n_ckpt == 0) {
        snprintf(err, (size_t)errlen, "no session is open for review");
        return -1;
    }
    sim_time end = r->full.world->now;
    if (t < 0)
        t = 0;
    if (t > end)
        t = end;
    const sim_world *from = checkpoint_before(r, t);
    if ((!r->at || r->at->now > t || r->at->now < from->now) && restore_at(r, from, err, errlen))
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
    for (int i = 0; i < r->n_ckpt; i++)
        sim_world_free(r->ckpt[i]);
    free(r->ckpt);
    app_drill_close(&r->full);
    score_card_free(&r->card);
    store_actions_free(r->acts, r->n_acts);
    store_notes_free(r->notes, r->n_notes);
    store *db = r->db;
    memset(r, 0, sizeof *r);
    r->db = db;
}
