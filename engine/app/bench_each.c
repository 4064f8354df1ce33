/* bench_each.c — the per-drill benches' loop: every shipped scenario in turn, progress on a terminal,
 * an exit code that says whether any drill failed. */
#include <stdio.h>
#include <unistd.h>

#include "commands.h"
#include "paths.h"
#include "script/script.h"

int app_bench_each(const char *what, int (*each)(const char *id, void *ctx), void *ctx)
{
    char root[4096];
    char **ids = NULL;
    int n = 0;
    if (scn_list(app_path(root, sizeof root, "scenarios", NULL), &ids, &n)) {
        fprintf(stderr, "yqdrill bench %s: cannot list the scenarios\n", what);
        return APP_EXIT_USAGE;
    }
    int rc = APP_EXIT_OK, tty = isatty(2);
    for (int i = 0; i < n; i++) {
        if (tty)
            fprintf(stderr, "bench %s: %s (%d/%d)\n", what, ids[i], i + 1, n);
        if (each(ids[i], ctx))
            rc = APP_EXIT_SCENARIO;
    }
    scn_list_free(ids, n);
    return rc;
}
