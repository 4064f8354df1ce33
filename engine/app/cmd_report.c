/* cmd_report.c — `yqdrill report`: a saved session replayed to its end (the curves), its scorecard with the
 * instructor's overrides and the hot-wash notes, written as an after-action report in PDF or JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "drill.h"
#include "paths.h"
#include "report/report.h"
#include "run_modes.h"

int app_output_option(int *argc, char **argv, const char **out)
{
    *out = NULL;
    for (int i = 1; i < *argc; i++) {
        if (strcmp(argv[i], "-o") != 0 && strcmp(argv[i], "--output") != 0)
            continue;
        if (i + 1 >= *argc) {
            fprintf(stderr, "yqdrill %s: %s needs a file name\n", argv[0], argv[i]);
            return -1;
        }
        *out = argv[i + 1];
        memmove(&argv[i], &argv[i + 2], sizeof *argv * (size_t)(*argc - i - 2));
        *argc -= 2;
        i--;
    }
    if (*out && report_format_of(*out) < 0) {
        fprintf(stderr, "yqdrill %s: the output file must end in .pdf, .json, .xlsx or .csv, not \"%s\"\n", argv[0], *out);
        return -1;
    }
    return 0;
}

report_words *app_report_words(const char *lang)
{
    char dir[4096], err[512];
    report_words *w = report_words_load(app_path(dir, sizeof dir, "assets", "report"), lang ? lang : "zh", err,
                                        sizeof err);
    if (!w)
        fprintf(stderr, "yqdrill: %s\n", err);
    return w;
}

/* Replay to the end and take the card: the stored one for a finished session under its own plan,
 * otherwise graded now (not stored). */
static int replay_and_grade(app_drill *d, store *db, const store_session *ses, const char *plan, score_card *stored,
                            score_card **card)
{
    char err[512];
    *card = NULL;
    if (sim_run_until(d->world, d->scn.duration)) {
        fprintf(stderr, "yqdrill: session %lld: %s\n", (long long)ses->id, d->world->error);
        return APP_EXIT_SCENARIO;
    }
    if (ses->finished && !plan) {
        int rc = app_load_card(db, ses, stored);
        if (rc == APP_EXIT_OK)
            *card = stored;
        return rc;
    }
    int rc = app_drill_finish(d, err, sizeof err);
    if (rc) {
        fprintf(stderr, "yqdrill: %s\n", err);
        return rc;
    }
    *card = &d->card;
    return APP_EXIT_OK;
}

int app_cmd_report(int argc, char **argv)
{
    const char *out;
    if (app_output_option(&argc, argv, &out))
        return APP_EXIT_USAGE;
    app_opt opts[] = {{"--save", 1, NULL}, {"--lang", 1, NULL}, {"--plan", 1, NULL}};
    const int n_opts = (int)(sizeof opts / sizeof opts[0]);
    const char *pos[1];
    if (app_args_parse(argc, argv, opts, n_opts, pos, 1) != 1 || !out) {
        fprintf(stderr, "usage: yqdrill report ID -o FILE.pdf|.json|.xlsx|.csv [--save DB] [--lang zh|en] [--plan FILE]\n");
        return APP_EXIT_USAGE;
    }
    report_words *words = app_report_words(app_opt_get(opts, n_opts, "--lang"));
    if (!words)
        return APP_EXIT_USAGE;
    store *db = NULL;
    store_session ses;
    int rc = app_session_open(app_opt_get(opts, n_opts, "--save"), pos[0], &db, &ses);
    if (rc) {
        report_words_free(words);
        return rc;
    }
    app_drill d;
    sim_action *acts = NULL;
    int n = 0;
    score_card stored = {0}, *card = NULL;
    store_override *ov = NULL;
    store_note *notes = NULL;
    store_rating *ratings = NULL;
    store_group_line *groups = NULL;
    int n_ov = 0, n_notes = 0, n_ratings = 0, n_groups = 0;
    char err[512];
    const char *plan = app_opt_get(opts, n_opts, "--plan");
    rc = app_drill_reopen(&d, db, &ses, plan, &acts, &n);
    if (!rc)
        rc = replay_and_grade(&d, db, &ses, plan, &stored, &card);
    if (!rc && (store_override_list(db, ses.id, &ov, &n_ov, err, sizeof err) ||
                store_note_list(db, ses.id, &notes, &n_notes, err, sizeof err) ||
                store_rating_list(db, ses.id, &ratings, &n_ratings, err, sizeof err) ||
                store_groups_list(db, ses.id, &groups, &n_groups, err, sizeof err))) {
        fprintf(stderr, "yqdrill: %s\n", err);
        rc = APP_EXIT_STORAGE;
    }
    if (!rc) {
        if (card != &stored)
            store_overrides_apply(ov, n_ov, card);
        report_session r = {.ses = &ses, .world = d.world, .card = card, .overrides = ov, .n_overrides = n_ov,
                            .notes = notes, .n_notes = n_notes, .ratings = ratings, .n_ratings = n_ratings,
                            .groups = groups, .n_groups = n_groups, .words = words};
        if (report_session_write(&r, out, err, sizeof err)) {
            fprintf(stderr, "yqdrill: %s\n", err);
            rc = APP_EXIT_STORAGE;
        } else {
            printf("report of session %lld written to %s\n", (long long)ses.id, out);
        }
    }
    if (card == &stored)
        score_card_free(&stored);
    store_overrides_free(ov, n_ov);
    store_notes_free(notes, n_notes);
    store_ratings_free(ratings, n_ratings);
    free(groups);
    app_drill_close(&d);
    store_actions_free(acts, n);
    rc = app_close_db(db, rc);
    report_words_free(words);
    report_shutdown();
    return rc;
}
