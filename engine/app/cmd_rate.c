/* cmd_rate.c — `yqdrill rate`: observers' HSEEP ratings (P/S/M/U) of a saved session's rubric lines and
 * actions, one at a time or from a file, and the session's ratings listed beside the automatic score. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "drill.h"
#include "run_modes.h"

#define USAGE                                                                                                      \
    "usage: yqdrill rate ID --by NAME (--line LINE | --action N) --grade P|S|M|U [--comment TEXT] [--save DB]\n" \
    "       yqdrill rate ID --by NAME --file RATINGS.json [--save DB]\n"                                           \
    "       yqdrill rate ID [--json] [--save DB]     the session's ratings beside the automatic score\n"          \
    "  P performed without challenges, S with some challenges, M with major challenges, U unable to be performed;\n" \
    "  N is the action's number in the session (1 for the first); a ratings file is a JSON array of\n"           \
    "  {\"line\": ID | \"action\": N, \"grade\": G, \"comment\": TEXT}. A new rating by the same observer of the\n" \
    "  same line or action replaces the old one.\n"

int app_rating_target_check(const store_rating *r, const score_card *card, const store_session *ses, char *err,
                            int errlen)
{
    if (r->kind == STORE_RATE_ACTION ? atoi(r->target) <= ses->n_actions : score_card_line(card, r->target) != NULL)
        return 0;
    if (r->kind == STORE_RATE_ACTION)
        snprintf(err, (size_t)errlen, "session %lld has %d actions, no action %s", (long long)ses->id, ses->n_actions,
                 r->target);
    else if (!card)
        snprintf(err, (size_t)errlen, "session %lld is not graded yet: rate its lines once the drill is over (its "
                                      "actions may be rated now)", (long long)ses->id);
    else
        snprintf(err, (size_t)errlen, "session %lld's scorecard has no line \"%s\" (yqdrill grade %lld lists them)",
                 (long long)ses->id, r->target, (long long)ses->id);
    return -1;
}

/* Every rated line is on the session's scorecard and every action number within its log; -1 after a message. */
static int targets_exist(const store_rating *r, int n, const score_card *card, const store_session *ses)
{
    char err[512];
    for (int i = 0; i < n; i++)
        if (app_rating_target_check(&r[i], card, ses, err, sizeof err)) {
            fprintf(stderr, "yqdrill rate: %s\n", err);
            return -1;
        }
    return 0;
}

/* One rating from the options; -1 after a message. */
static int from_options(const app_opt *o, store_rating *r)
{
    const char *line = app_opt_get(o, 8, "--line"), *act = app_opt_get(o, 8, "--action");
    const char *grade = app_opt_get(o, 8, "--grade");
    if ((line != NULL) == (act != NULL)) {
        fprintf(stderr, "yqdrill rate: give either --line LINE or --action N\n");
        return -1;
    }
    if (!store_grade_ok(grade)) {
        fprintf(stderr, "yqdrill rate: --grade is one of P, S, M, U, not \"%s\"\n", grade ? grade : "");
        return -1;
    }
    *r = (store_rating){.kind = line ? STORE_RATE_LINE : STORE_RATE_ACTION, .target = (char *)(line ? line : act),
                        .observer = (char *)app_opt_get(o, 8, "--by"), .grade = grade[0],
                        .comment = (char *)app_opt_get(o, 8, "--comment")};
    char err[512];
    if (store_rating_check(r, err, sizeof err)) {
        fprintf(stderr, "yqdrill rate: %s\n", err);
        return -1;
    }
    return 0;
}

/* The session's ratings: JSON, or a line per rated line or action with the automatic grade beside. */
static int list(store *db, const store_session *ses, const score_card *card, int json)
{
    char err[512];
    store_rating *r = NULL;
    int n = 0;
    if (store_rating_list(db, ses->id, &r, &n, err, sizeof err)) {
        fprintf(stderr, "yqdrill: %s\n", err);
        return APP_EXIT_STORAGE;
    }
    score_agreement a;
    char *text = json ? store_ratings_json(r, n, card) : NULL;
    int rc = (json && !text) || store_ratings_agreement(r, n, &a) ? APP_EXIT_STORAGE : APP_EXIT_OK;
    if (rc) {
        fprintf(stderr, "yqdrill rate: out of memory\n");
    } else if (json) {
        printf("{\"session\": %lld, \"ratings\": %s}\n", (long long)ses->id, text);
    } else {
        printf("session %lld (%s, %s): %d ratings by %d observers; agreement (Krippendorff's alpha, ordinal): ",
               (long long)ses->id, ses->trainee, ses->scenario, n, a.observers);
        if (a.defined)
            printf("%.3f over %d item%s rated twice or more\n", a.alpha, a.units, a.units == 1 ? "" : "s");
        else
            printf("not defined (%s)\n", a.units == 0 ? "no item rated by two observers" : "every rating the same");
        for (int i = 0; i < n; i++) {
            int head = i == 0 || !store_rating_same_target(&r[i], &r[i - 1]);
            const score_line *l = r[i].kind == STORE_RATE_LINE ? score_card_line(card, r[i].target) : NULL;
            if (head && l)
                printf("line %s %s: automatic %c (%.1f of %g)\n", l->id, l->title, score_grade_of(l->points, l->max),
                       l->points, l->max);
            else if (head)
                printf("%s %s\n", store_rating_kind_name(r[i].kind), r[i].target);
            printf("  %c by %s%s%s\n", r[i].grade, r[i].observer, r[i].comment ? ": " : "",
                   r[i].comment ? r[i].comment : "");
        }
    }
    free(text);
    store_ratings_free(r, n);
    return rc;
}

int app_cmd_rate(int argc, char **argv)
{
    app_opt opts[] = {{"--save", 1, NULL},  {"--by", 1, NULL},      {"--line", 1, NULL}, {"--action", 1, NULL},
                      {"--grade", 1, NULL}, {"--comment", 1, NULL}, {"--file", 1, NULL}, {"--json", 0, NULL}};
    const char *pos[1];
    if (app_args_parse(argc, argv, opts, 8, pos, 1) != 1) {
        fputs(USAGE, stderr);
        return APP_EXIT_USAGE;
    }
    const char *by = app_opt_get(opts, 8, "--by"), *file = app_opt_get(opts, 8, "--file");
    int writing = file || app_opt_get(opts, 8, "--line") || app_opt_get(opts, 8, "--action");
    store_rating one, *r = NULL;
    int n = 0;
    char err[768];
    if (writing && (!by || !by[0])) {
        fprintf(stderr, "yqdrill rate: --by NAME is required (ratings are signed)\n");
        return APP_EXIT_USAGE;
    }
    if (writing && file && store_ratings_read_file(file, by, &r, &n, err, sizeof err)) {
        fprintf(stderr, "yqdrill rate: %s\n", err);
        return APP_EXIT_USAGE;
    }
    if (writing && !file) {
        if (from_options(opts, &one))
            return APP_EXIT_USAGE;
        r = &one;
        n = 1;
    }
    store *db = NULL;
    store_session ses;
    int rc = app_session_open(app_opt_get(opts, 8, "--save"), pos[0], &db, &ses);
    score_card card;
    int graded = 0;
    if (rc == APP_EXIT_OK && ses.total >= 0) {
        rc = app_load_card(db, &ses, &card);
        graded = rc == APP_EXIT_OK;
    }
    if (rc == APP_EXIT_OK && writing && targets_exist(r, n, graded ? &card : NULL, &ses))
        rc = APP_EXIT_USAGE;
    if (rc == APP_EXIT_OK && writing) {
        if (store_ratings_put(db, ses.id, r, n, err, sizeof err)) {
            fprintf(stderr, "yqdrill: %s\n", err);
            rc = APP_EXIT_STORAGE;
        } else {
            printf("%d rating%s saved: session %lld (by %s)\n", n, n == 1 ? "" : "s", (long long)ses.id, by);
        }
    } else if (rc == APP_EXIT_OK) {
        rc = list(db, &ses, graded ? &card : NULL, app_opt_get(opts, 8, "--json") != NULL);
    }
    if (graded)
        score_card_free(&card);
    if (r != &one)
        store_ratings_free(r, n);
    return db ? app_close_db(db, rc) : rc;
}
