/* cmd_review.c — the instructor's marks on a saved session: `override` (a rubric line's points with
 * who, when and why) and `note` (hot-wash notes). Both are stored; grade and report show them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "drill.h"

int app_cmd_override(int argc, char **argv)
{
    app_opt opts[] = {{"--save", 1, NULL}, {"--by", 1, NULL}, {"--comment", 1, NULL}};
    const char *pos[3];
    if (app_args_parse(argc, argv, opts, 3, pos, 3) != 3) {
        fprintf(stderr, "usage: yqdrill override ID LINE POINTS --by NAME [--comment TEXT] [--save DB]\n");
        return APP_EXIT_USAGE;
    }
    char *end;
    double points = strtod(pos[2], &end);
    if (*end || points < 0.0) {
        fprintf(stderr, "yqdrill override: POINTS must be a number >= 0, not \"%s\"\n", pos[2]);
        return APP_EXIT_USAGE;
    }
    if (!opts[1].value || !opts[1].value[0]) {
        fprintf(stderr, "yqdrill override: --by NAME is required (overrides are signed)\n");
        return APP_EXIT_USAGE;
    }
    store *db = NULL;
    store_session ses;
    int rc = app_session_open(opts[0].value, pos[0], &db, &ses);
    if (rc)
        return rc;
    char err[512];
    score_card card;
    rc = app_load_card(db, &ses, &card);
    if (rc) {
        store_close(db);
        return rc;
    }
    /* The line must exist on the session's scorecard; the stored card and total follow the override. */
    if (score_card_override(&card, pos[1], points, opts[1].value, NULL, opts[2].value)) {
        fprintf(stderr, "yqdrill override: session %lld's scorecard has no line \"%s\"\n", (long long)ses.id, pos[1]);
        rc = APP_EXIT_USAGE;
    } else if (store_override_add(db, ses.id, pos[1], points, opts[1].value, NULL, opts[2].value, err, sizeof err)) {
        rc = APP_EXIT_STORAGE;
    } else {
        /* Reload so the stored card carries the override exactly as saved (with its time). */
        score_card_free(&card);
        if ((rc = app_load_card(db, &ses, &card))) {
            store_close(db);
            return rc;
        }
        char *json = score_card_to_json(&card);
        if (!json || store_session_finish(db, ses.id, json, card.total, ses.world_hash, err, sizeof err))
            rc = APP_EXIT_STORAGE;
        free(json);
    }
    if (rc == APP_EXIT_STORAGE)
        fprintf(stderr, "yqdrill: %s\n", err);
    else if (rc == APP_EXIT_OK)
        printf("override saved: session %lld, %s = %g (by %s); total now %.1f\n", (long long)ses.id, pos[1], points,
               opts[1].value, card.total);
    score_card_free(&card);
    store_close(db);
    return rc;
}

int app_cmd_note(int argc, char **argv)
{
    app_opt opts[] = {{"--save", 1, NULL}, {"--by", 1, NULL}, {"--at", 1, NULL}};
    const char *pos[2];
    if (app_args_parse(argc, argv, opts, 3, pos, 2) != 2) {
        fprintf(stderr, "usage: yqdrill note ID TEXT [--by NAME] [--at MINUTES] [--save DB]\n");
        return APP_EXIT_USAGE;
    }
    sim_time t = 0;
    if (opts[2].value) {
        char *end;
        double minutes = strtod(opts[2].value, &end);
        if (*end || minutes < 0.0) {
            fprintf(stderr, "yqdrill note: --at takes the drill minute the note is about, not \"%s\"\n", opts[2].value);
            return APP_EXIT_USAGE;
        }
        t = (sim_time)(minutes * 60.0);
    }
    store *db = NULL;
    store_session ses;
    int rc = app_session_open(opts[0].value, pos[0], &db, &ses);
    if (rc)
        return rc;
    char err[512];
    const char *by = opts[1].value ? opts[1].value : "instructor";
    rc = store_note_add(db, ses.id, t, by, pos[1], NULL, err, sizeof err) ? APP_EXIT_STORAGE : APP_EXIT_OK;
    if (rc)
        fprintf(stderr, "yqdrill: %s\n", err);
    else
        printf("note saved: session %lld (by %s)\n", (long long)ses.id, by);
    store_close(db);
    return rc;
}
