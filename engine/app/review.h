/* review.h — a saved session opened for the instructor's review: replayed to its end (curves, events,
 * the applied actions), its scorecard with the overrides, its hot-wash notes, and the world at any moment
 * (restored from the replay's checkpoint at or before it, taken every simulated REVIEW_CKPT_EVERY seconds). */
#ifndef YQ_APP_REVIEW_H
#define YQ_APP_REVIEW_H

#include "drill.h"

#define REVIEW_CKPT_EVERY 600

typedef struct app_review {
    store *db;                  /* not owned */
    store_session ses;
    app_drill full;             /* the session replayed to its end */
    sim_action *acts;           /* its saved actions, in order */
    int n_acts;
    score_card card;            /* the stored scorecard with the instructor's overrides applied */
    int replay_differs;         /* the replay's final world hash is not the one saved with the session */
    /* The replay's worlds at 0, 10, 20 ... simulated minutes (copies sharing its population). */
    sim_world **ckpt;
    int n_ckpt;
    /* The world at the scrub position: stepped forward, restored from a checkpoint to go back or jump ahead. */
    sim_world *at;
    int restores;               /* times `at` was restored from a checkpoint */
    store_note *notes;          /* the session's notes, by drill time */
    int n_notes;
} app_review;

/* Open finished session `id` of db: replay it to its end, load its card and notes. The review must not
 * move in memory afterwards (the worlds point into it). APP_EXIT_* code; err says why. */
int app_review_open(app_review *r, store *db, int64_t id, char *err, int errlen);
/* The session's world at time t (clamped to the replay's span): the same seed and actions run to t,
 * stepped on from the last position when t lies ahead of it and no checkpoint lies between, else a copy of
 * the last checkpoint at or before t stepped on to t.
 * *out stays valid until the next call or close. 0, or -1 with err. */
int app_review_world_at(app_review *r, sim_time t, const sim_world **out, char *err, int errlen);
/* Store a hot-wash note about drill time t and read the notes again. 0, or -1 with err. */
int app_review_note_add(app_review *r, sim_time t, const char *author, const char *text, char *err, int errlen);
void app_review_close(app_review *r);

#endif
