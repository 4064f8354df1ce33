/* cmd_review.c — the instructor's marks on a saved session: `override` (a rubric line's points with
 * who, when and why) and `note` (hot-wash notes). Both are stored; grade and report show them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "drill.h"
#include "run_modes.h"

/* Names and texts within the store's limits, refused as bad input before anything is opened. */
static int check_sizes(const char *cmd, const char *name, const char *text)
{
    if (name && store_utf8_chars(name) > STORE_NAME_MAX) {
        fprintf(stderr, "yqdrill %s: names have at most %d characters\n", cmd, STORE_NAME_MAX);
        return -1;
    }
    if (text && store_utf8_chars(text) > STORE_TEXT_MAX) {
        fprintf(stderr, "yqdrill %s: the text has more than %d characters\n", cmd, STORE_TEXT_MAX);
        return -1;
    }
    return 0;
}

int app_cmd_override(int argc, char **argv)
{
    app_opt opts[] = {{"--save", 1, NULL}, {"--by", 1, NULL}, {"--comment", 1, NULL}};
    const char *pos[3];
    if (app_args_parse(argc, argv, opts, 3, pos, 3) != 3) {
        fprintf(stderr, "usage: yqdrill override ID LINE POINTS --by NAME [--comment TEXT] [--save DB]\n");
        return APP_EXIT_USAGE;
    }
    double points;
    if (app_parse_number(pos[2], 0.0, APP_MAX_POINTS, &points)) {
        fprintf(stderr, "yqdrill override: POINTS must be a number from 0 to %g, not \"%s\"\n", APP_MAX_POINTS,
                pos[2]);
        return APP_EXIT_USAGE;
    }
    if (!opts[1].value || !opts[1].value[0]) {
        fprintf(stderr, "yqdrill override: --by NAME is required (overrides are signed)\n");
        return APP_EXIT_USAGE;
    }
    if (check_sizes("override", opts[1].value, opts[2].value))
        return APP_EXIT_USAGE;
    store *db = NULL;
    store_session ses;
    int rc = app_session_open(opts[0].value, pos[0], &db, &ses);
    if (rc)
        return rc;
    char err[512];
    score_card card;
    rc = app_load_card(db, &ses, &card);
    if (rc) {
        return app_close_db(db, rc);
    }
    /* The line must exist on the session's scorecard, the points within its maximum; the stored card and
     * total follow the override. */
    const score_line *line = score_card_line(&card, pos[1]);
    double max = line ? line->max : 0;
    if (!line || score_card_override(&card, pos[1], points, opts[1].value, NULL, opts[2].value)) {
        fprintf(stderr, "yqdrill override: session %lld's scorecard has no line \"%s\"\n", (long long)ses.id, pos[1]);
        rc = APP_EXIT_USAGE;
    } else if (points > max) {
        fprintf(stderr, "yqdrill override: line %s is worth at most %g points, not %g\n", pos[1], max, points);
        rc = APP_EXIT_USAGE;
    } else if (store_override_add(db, ses.id, pos[1], points, opts[1].value, NULL, opts[2].value, err, sizeof err)) {
        rc = APP_EXIT_STORAGE;
    } else {
        /* Reload so the stored card carries the override exactly as saved (with its time). */
        score_card_free(&card);
        if ((rc = app_load_card(db, &ses, &card))) {
            return app_close_db(db, rc);
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
    return app_close_db(db, rc);
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
        double minutes;
        if (app_parse_number(opts[2].value, 0.0, APP_MAX_MINUTES, &minutes)) {
            fprintf(stderr, "yqdrill note: --at takes the drill minute the note is about (0 to %g), not \"%s\"\n",
                    APP_MAX_MINUTES, opts[2].value);
            return APP_EXIT_USAGE;
        }
        t = (sim_time)(minutes * 60.0);
    }
    const char *by = opts[1].value ? opts[1].value : "instructor";
    if (check_sizes("note", by, pos[1]))
        return APP_EXIT_USAGE;
    store *db = NULL;
    store_session ses;
    int rc = app_session_open(opts[0].value, pos[0], &db, &ses);
    if (rc)
        return rc;
    char err[512];
    sim_time duration;
    if (app_session_duration(&ses, &duration) == 0 && t > duration) {
        fprintf(stderr, "yqdrill note: --at %lld is past the end of session %lld's drill (%lld minutes)\n",
                (long long)(t / 60), (long long)ses.id, (long long)(duration / 60));
        return app_close_db(db, APP_EXIT_USAGE);
    }
    rc = store_note_add(db, ses.id, t, by, pos[1], NULL, err, sizeof err) ? APP_EXIT_STORAGE : APP_EXIT_OK;
    if (rc)
        fprintf(stderr, "yqdrill: %s\n", err);
    else
        printf("note saved: session %lld (by %s)\n", (long long)ses.id, by);
    return app_close_db(db, rc);
}
