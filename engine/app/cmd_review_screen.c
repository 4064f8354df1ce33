/* cmd_review_screen.c — `yqdrill review ID`: the window opened straight on the after-action review of a
 * finished session (timeline, curves, actions with their scorecard lines, hot-wash notes). */
#include <stdio.h>
#include <stdlib.h>

#include "args.h"
#include "commands.h"
#include "drill.h"
#include "run_modes.h"

int app_cmd_review(int argc, char **argv)
{
    app_opt opts[] = {{"--save", 1, NULL}, {"--lang", 1, NULL}, {"--by", 1, NULL}, {"--scale", 1, NULL}};
    const int n_opts = (int)(sizeof opts / sizeof opts[0]);
    const char *pos[1];
    if (app_args_parse(argc, argv, opts, n_opts, pos, 1) != 1) {
        fprintf(stderr, "usage: yqdrill review ID [--save DB] [--lang zh|en] [--by NAME] [--scale X]\n");
        return APP_EXIT_USAGE;
    }
    double scale;
    if (app_parse_scale(app_opt_get(opts, n_opts, "--scale"), &scale))
        return APP_EXIT_USAGE;
    store *db = NULL;
    store_session ses;
    int rc = app_session_open(app_opt_get(opts, n_opts, "--save"), pos[0], &db, &ses);
    if (rc)
        return rc;
    if (!ses.finished) {
        fprintf(stderr, "yqdrill review: session %lld is not finished; finish it first (yqdrill resume %lld)\n",
                (long long)ses.id, (long long)ses.id);
        return app_close_db(db, APP_EXIT_USAGE);
    }
    if (!app_have_display()) {
        fprintf(stderr, "yqdrill review: the review is a window and needs a display (neither DISPLAY nor "
                        "WAYLAND_DISPLAY is set); `yqdrill report %lld -o FILE.pdf` writes it on paper\n",
                (long long)ses.id);
        return app_close_db(db, APP_EXIT_USAGE);
    }
    const char *lang = app_opt_get(opts, n_opts, "--lang");
    app_run_opts o = {.lang = lang ? lang : "zh", .trainee = ses.trainee, .speed = 1.0, .review = ses.id,
                      .note_author = app_opt_get(opts, n_opts, "--by"), .scale = scale};
    /* No drill is prepared: leaving the review shows the start screen, and a drill started there is saved here. */
    app_drill d = {.seed = 1, .db = db};
    rc = app_run_window(&d, NULL, 0, &o);
    app_drill_close(&d);
    return app_close_db(db, rc);
}
