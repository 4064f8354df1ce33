/* cmd_resume.c — `yqdrill resume`: an unfinished session continued after a crash. Its saved log is
 * replayed; a response file may be the original one (the actions already saved are recognised by index
 * and content and skipped) or only the rest; all of what is new is checked before anything is taken. */
#include <stdio.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "drill.h"
#include "run_modes.h"

static int same_text(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static int same_action(const sim_action *a, const sim_action *b)
{
    return a->t == b->t && a->type == b->type && a->role == b->role && a->level == b->level &&
           same_text(a->target, b->target) && same_text(a->channel, b->channel) && same_text(a->text, b->text);
}

/* How many leading actions of the file are the saved ones: all saved when the file starts with the first
 * saved action (then every saved action must match its place), 0 when the file holds only the rest. A saved
 * inject, post or live question the file lacks was the instructor's (a class station's control), not the trainee's: passed over. */
static int already_saved(const sim_action *saved, int n_saved, const sim_action *more, int n_more, const char *name,
                         int *skip)
{
    int i = 0, j = 0;
    while (i < n_more && j < n_saved) {
        if (same_action(&more[i], &saved[j])) {
            i++;
            j++;
        } else if (saved[j].type == SIM_ACT_INJECT || saved[j].type == SIM_ACT_POST || saved[j].type == SIM_ACT_ASK) {
            j++;
        } else {
            break;
        }
    }
    *skip = i;
    if (i > 0 && i < n_more && j < n_saved) {
        fprintf(stderr, "yqdrill: %s: action %d differs from the session's saved action %d; the file is neither "
                        "the session's own nor its continuation\n", name, i + 1, j + 1);
        return APP_EXIT_USAGE;
    }
    return APP_EXIT_OK;
}

int app_resume_play(app_drill *d, store *db, const store_session *ses, const sim_action *saved, int n_saved,
                    const sim_action *more, int n_more, const char *name, const app_run_opts *o, int windowed)
{
    char err[600];
    int skip, rc = already_saved(saved, n_saved, more, n_more, name, &skip);
    d->db = db;
    d->session = ses->id;
    sim_time last = n_saved ? saved[n_saved - 1].t : 0;
    while (!rc && d->world->n_queue > 0 && d->world->now <= last)
        if ((rc = app_drill_step(d, err, sizeof err)))
            fprintf(stderr, "yqdrill: %s\n", err);
    const sim_action *rest = more ? more + skip : NULL;   /* a window may resume with no file */
    if (!rc && (rc = app_drill_check(d, rest, n_more - skip, skip, d->world->now, err, sizeof err)))
        fprintf(stderr, "yqdrill: %s: %s (the session resumes at %lld s)\n", name, err, (long long)d->world->now);
    if (!rc)
        rc = windowed ? app_run_window(d, rest, n_more - skip, o) : app_run_headless(d, rest, n_more - skip, name, o);
    return rc;
}

int app_cmd_resume(int argc, char **argv)
{
    app_opt opts[] = {{"--save", 1, NULL}, {"--headless", 0, NULL}, {"--responses", 1, NULL},
                      {"--json", 0, NULL}, {"--speed", 1, NULL}, {"--lang", 1, NULL},
                      {"--scale", 1, NULL}};
    const int n_opts = (int)(sizeof opts / sizeof opts[0]);
    const char *pos[1];
    if (app_args_parse(argc, argv, opts, n_opts, pos, 1) != 1) {
        fprintf(stderr, "usage: yqdrill resume ID [--save DB] [--headless] [--responses FILE] [--json] [--lang zh|en] [--scale X]\n");
        return APP_EXIT_USAGE;
    }
    int windowed = !app_opt_get(opts, n_opts, "--headless") && app_have_display();
    if (!windowed && !app_opt_get(opts, n_opts, "--headless")) {
        fprintf(stderr, "yqdrill resume: no display to open the drill window on; add --headless (with --responses "
                        "FILE) to continue without one\n");
        return APP_EXIT_USAGE;
    }
    app_run_opts o = {.lang = app_opt_get(opts, n_opts, "--lang"), .json = app_opt_get(opts, n_opts, "--json") != NULL};
    if (!o.lang)
        o.lang = "zh";
    if (app_parse_speed(app_opt_get(opts, n_opts, "--speed"), &o.speed) ||
        app_parse_scale(app_opt_get(opts, n_opts, "--scale"), &o.scale))
        return APP_EXIT_USAGE;
    store *db = NULL;
    store_session ses;
    int rc = app_session_open(app_opt_get(opts, n_opts, "--save"), pos[0], &db, &ses);
    if (rc)
        return rc;
    o.trainee = ses.trainee;
    if (ses.finished) {
        fprintf(stderr, "yqdrill: session %lld is finished (total %.1f); nothing to resume\n", (long long)ses.id, ses.total);
        return app_close_db(db, APP_EXIT_USAGE);
    }
    app_drill d;
    sim_action *saved = NULL, *more = NULL;
    int n_saved = 0, n_more = 0;
    char err[512];
    rc = app_drill_reopen(&d, db, &ses, NULL, &saved, &n_saved);
    const char *responses = app_opt_get(opts, n_opts, "--responses");
    if (!rc && responses && store_actions_read_file(responses, &more, &n_more, err, sizeof err)) {
        fprintf(stderr, "yqdrill: %s\n", err);
        rc = APP_EXIT_USAGE;
    }
    if (!rc)
        rc = app_resume_play(&d, db, &ses, saved, n_saved, more, n_more, responses ? responses : "-", &o, windowed);
    app_drill_close(&d);
    store_actions_free(saved, n_saved);
    store_actions_free(more, n_more);
    return app_close_db(db, rc);
}
