/* card_load.c — a finished session's stored scorecard with the instructor's overrides applied, as the
 * review, report, class and growth commands all read it. */
#include <stdio.h>
#include <stdlib.h>

#include "commands.h"
#include "score/score.h"
#include "store/store.h"

int app_load_card(store *db, const store_session *ses, score_card *card)
{
    char err[512];
    char *json = store_scorecard(db, ses->id, err, sizeof err);
    if (!json) {
        fprintf(stderr, "yqdrill: session %lld: %s\n", (long long)ses->id, err[0] ? err : "not graded yet");
        return APP_EXIT_STORAGE;
    }
    int rc = score_card_from_json(json, card, err, sizeof err);
    free(json);
    if (rc) {
        fprintf(stderr, "yqdrill: session %lld: %s\n", (long long)ses->id, err);
        return APP_EXIT_STORAGE;
    }
    store_override *ov = NULL;
    int n = 0;
    if (store_override_list(db, ses->id, &ov, &n, err, sizeof err)) {
        fprintf(stderr, "yqdrill: %s\n", err);
        score_card_free(card);
        return APP_EXIT_STORAGE;
    }
    store_overrides_apply(ov, n, card);
    store_overrides_free(ov, n);
    return APP_EXIT_OK;
}
