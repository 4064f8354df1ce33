/* cmd_import.c — `yqdrill import OTHER.db`: another training station's saves merged into this one
 * (sessions matched by their unique id, the longer log kept), with overrides and notes. */
#include <stdio.h>

#include "args.h"
#include "commands.h"
#include "run_modes.h"

int app_cmd_import(int argc, char **argv)
{
    app_opt opts[] = {{"--save", 1, NULL}};
    const char *pos[1];
    if (app_args_parse(argc, argv, opts, 1, pos, 1) != 1) {
        fprintf(stderr, "usage: yqdrill import OTHER.db [--save DB]\n");
        return APP_EXIT_USAGE;
    }
    store *db;
    int rc = app_open_db(opts[0].value, &db);
    if (rc)
        return rc;
    store_import_counts c;
    char err[512];
    if (store_import(db, pos[0], &c, err, sizeof err)) {
        fprintf(stderr, "yqdrill: %s\n", err);
        return app_close_db(db, APP_EXIT_STORAGE);
    }
    printf("imported %d sessions from %s (%d already here, %d continued from a longer log there); "
           "%d overrides and notes added\n", c.sessions_added, pos[0], c.sessions_present, c.sessions_extended,
           c.annotations_added);
    if (c.sessions_refused)
        fprintf(stderr, "yqdrill: warning: %d sessions of %s were not imported; %s\n", c.sessions_refused, pos[0],
                c.refused);
    return app_close_db(db, APP_EXIT_OK);
}
