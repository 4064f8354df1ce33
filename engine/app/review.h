/* review.h — a saved session opened for the instructor's review: replayed to its end (curves, events,
 * the applied actions), its scorecard with the overrides, its hot-wash notes, and the world at any moment. */
#ifndef YQ_APP_REVIEW_H
#define YQ_APP_REVIEW_H

#include "drill.h"

typedef struct app_review {
    store *db;                  /* not owned */
    store_session ses;
    app_drill full;             /* the session replayed to its end */
    sim_action *acts;           /* its saved actions, in order */
    int n_acts;
    score_card card;            /* the stored scorecard with the instructor's overrides applied */
    int replay_differs;         /* the replay's final world hash is not the one saved with the session */
    /* The world at the scrub position: its own scenario and triggers, stepped forward, rebuilt to go back. */
    sim_scenario at_scn;
    scn_script *at_script;
    sim_world *at;
    int rebuilds;               /* times `at` was built again from t = 0 */
    store_note *notes;          /* the session's notes, by drill time */
    int n_notes;
} app_review;

/* Open finished session `id` of db: replay it to its end, load its card and notes. The review must not
 * move in memory afterwards (the worlds point into it). APP_EXIT_* code; err says why. */
int app_review_open(app_review *r, store *db, int64_t id, char *err, int errlen);
/* The session's world at time t (clamped to the replay's span): the same seed and actions run to t,
 * stepped on from the last position when t lies ahead of it, rebuilt from t = 0 otherwise.
 * *out stays valid until the next call or close. 0, or -1 with err. */
int app_review_world_at(app_review *r, sim_time t, const sim_world **out, char *err, int errlen);
/* Store a hot-wash note about drill time t and read the notes again. 0, or -1 with err. */
int app_review_note_add(app_review *r, sim_time t, const char *author, const char *text, char *err, int errlen);
void app_review_close(app_review *r);

#endif
