/* cmd_backup.c — `yqdrill backup DB OUT`: a consistent single-file copy of a saves database, safe while a
 * drill is writing to it (a plain copy of the .db alone misses what is still in its -wal). */
#include <stdio.h>

#include "args.h"
#include "commands.h"
#include "run_modes.h"

int app_cmd_backup(int argc, char **argv)
{
    const char *pos[2];
    if (app_args_parse(argc, argv, NULL, 0, pos, 2) != 2) {
        fprintf(stderr, "usage: yqdrill backup DB OUT\n");
        return APP_EXIT_USAGE;
    }
    if (store_probe(pos[0]) != STORE_PROBE_YQDRILL) {
        fprintf(stderr, "yqdrill backup: %s is not a yqdrill saves database\n", pos[0]);
        return APP_EXIT_USAGE;
    }
    store *db;
    int rc = app_open_db(pos[0], &db);
    if (rc)
        return rc;
    char err[600];
    if (store_backup(db, pos[1], err, sizeof err)) {
        fprintf(stderr, "yqdrill: %s\n", err);
        rc = APP_EXIT_STORAGE;
    } else {
        printf("saves database %s backed up to %s\n", pos[0], pos[1]);
    }
    return app_close_db(db, rc);
}
