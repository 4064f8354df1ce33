/* db_file.c — a saves database seen as files, without writing: its header (SQLite? WAL mode?), the
 * -wal/-shm files beside it, the immutable URI that reads it lock-free, and what kind of file it is; and
 * a text file read whole (response and ratings files). */
#include "store_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char sqlite_magic[16] = "SQLite format 3";   /* includes the trailing NUL */

int store_file_header(const char *path, int *wal)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    unsigned char head[20];
    ssize_t got = read(fd, head, sizeof head);
    close(fd);
    if (got != (ssize_t)sizeof head || memcmp(head, sqlite_magic, sizeof sqlite_magic) != 0)
        return 0;
    *wal = head[18] == 2 && head[19] == 2;
    return 1;
}

char *store_read_text(const char *path, long max_bytes, const char *what, char *err, int errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        store_errf(err, errlen, "cannot read %s: %s", path, strerror(errno));
        return NULL;
    }
    char *buf = NULL;
    long size = -1;
    if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && size <= max_bytes && fseek(f, 0, SEEK_SET) == 0)
        buf = malloc((size_t)size + 1);
    int ok = buf && fread(buf, 1, (size_t)size, f) == (size_t)size;
    fclose(f);
    if (!ok) {
        free(buf);
        store_errf(err, errlen, "cannot read %s: %s%s", path, size > max_bytes ? "file too large for " : "read error",
                   size > max_bytes ? what : "");
        return NULL;
    }
    buf[size] = '\0';
    if (memchr(buf, '\0', (size_t)size)) {
        free(buf);
        store_errf(err, errlen, "%s: not a text file (contains NUL bytes)", path);
        return NULL;
    }
    return buf;
}

char *store_side_path(const char *path, const char *suffix)
{
    size_t n = strlen(path) + strlen(suffix) + 1;
    char *side = malloc(n);
    if (side)
        snprintf(side, n, "%s%s", path, suffix);
    return side;
}

int store_side_exists(const char *path, const char *suffix)
{
    char *side = store_side_path(path, suffix);
    struct stat st;
    int exists = !side || stat(side, &st) == 0;
    free(side);
    return exists;
}

char *store_immutable_uri(const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = strlen(path);
    char *uri = malloc(n * 3 + 32);
    if (!uri)
        return NULL;
    char *o = uri + sprintf(uri, "file:%s", path[0] == '/' ? "//" : "");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("/-._~", *p)) {
            *o++ = (char)*p;
        } else {
            *o++ = '%';
            *o++ = hex[*p >> 4];
            *o++ = hex[*p & 15];
        }
    }
    strcpy(o, "?immutable=1");
    return uri;
}

int store_query_int(sqlite3 *db, const char *sql, int *out)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 0 : -1;
}

/* application_id and the number of schema objects, read without locks or side files when none exist. */
static int peek(const char *path, int *app, int *objects)
{
    int immutable = !store_side_exists(path, "-wal");
    char *uri = immutable ? store_immutable_uri(path) : NULL;
    sqlite3 *db = NULL;
    int rc = -1;
    if ((!immutable || uri) &&
        sqlite3_open_v2(immutable ? uri : path, &db, SQLITE_OPEN_READONLY | (immutable ? SQLITE_OPEN_URI : 0),
                        NULL) == SQLITE_OK &&
        store_query_int(db, "PRAGMA application_id", app) == 0 &&
        store_query_int(db, "SELECT count(*) FROM sqlite_master", objects) == 0)
        rc = 0;
    sqlite3_close(db);
    free(uri);
    return rc;
}

store_probe_kind store_probe(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return STORE_PROBE_MISSING;
    if (st.st_size == 0)
        return STORE_PROBE_EMPTY;
    int wal = 0, app = 0, objects = 0;
    if (store_file_header(path, &wal) != 1 || peek(path, &app, &objects))
        return STORE_PROBE_NOT_SQLITE;
    if (app == STORE_APPLICATION_ID)
        return STORE_PROBE_YQDRILL;
    if (app == 0 && objects == 0)
        return wal && !store_side_exists(path, "-wal") ? STORE_PROBE_WAL_ONLY : STORE_PROBE_EMPTY;
    return STORE_PROBE_FOREIGN;
}
