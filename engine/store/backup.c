/* backup.c — a consistent copy of an open saves database, made with SQLite's online backup (pages in
 * the -wal included, other writers may go on) into a temporary file that then replaces the target. */
#include "store_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Copy every page of s into the database file at tmp (which exists, empty); closing it folds its WAL in. */
static int copy_into(store *s, const char *tmp, char *err, int errlen)
{
    sqlite3 *dst = NULL;
    int rc = sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL);
    sqlite3_backup *b = rc == SQLITE_OK ? sqlite3_backup_init(dst, "main", s->db, "main") : NULL;
    if (b) {
        while ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            if (rc != SQLITE_OK)
                sqlite3_sleep(10);
        int fin = sqlite3_backup_finish(b);
        rc = rc == SQLITE_DONE ? fin : rc;
    } else if (rc == SQLITE_OK) {
        rc = sqlite3_errcode(dst);
    }
    if (rc != SQLITE_OK)
        store_errf(err, errlen, "backup failed: %s", dst ? sqlite3_errmsg(dst) : sqlite3_errstr(rc));
    if (sqlite3_close(dst) != SQLITE_OK && rc == SQLITE_OK) {
        store_errf(err, errlen, "backup failed: cannot close the copy");
        rc = SQLITE_ERROR;
    }
    return rc == SQLITE_OK ? 0 : -1;
}

static int sync_file(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    return close(fd) == 0 && rc == 0 ? 0 : -1;
}

int store_backup(store *s, const char *out, char *err, int errlen)
{
    char *tmp = store_side_path(out, ".tmp-XXXXXX");
    int fd = tmp ? mkstemp(tmp) : -1;
    if (fd < 0) {
        store_errf(err, errlen, "cannot write %s: %s", out, tmp ? strerror(errno) : "out of memory");
        free(tmp);
        return -1;
    }
    close(fd);
    int rc = copy_into(s, tmp, err, errlen);
    if (!rc && (sync_file(tmp) || rename(tmp, out))) {
        store_errf(err, errlen, "cannot write %s: %s", out, strerror(errno));
        rc = -1;
    }
    if (rc)
        unlink(tmp);
    free(tmp);
    return rc;
}
