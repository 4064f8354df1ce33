/* db_glue.c — small helpers every store file uses: one-line error messages, the UTC timestamp,
 * and binding/reading nullable text columns. */
#include "store_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void store_errf(char *err, int errlen, const char *fmt, ...)
{
    if (!err || errlen <= 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, (size_t)errlen, fmt, ap);
    va_end(ap);
    for (char *p = err; *p; p++)   /* messages are one line, whatever sqlite says */
        if (*p == '\n' || *p == '\r')
            *p = ' ';
}

int store_dberr(store *s, char *err, int errlen, const char *what)
{
    store_errf(err, errlen, "%s: %s", what, sqlite3_errmsg(s->db));
    return -1;
}

void store_now_iso(char out[32])
{
    time_t now = time(NULL);
    struct tm tm;
    if (!gmtime_r(&now, &tm) || !strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm))
        snprintf(out, 32, "1970-01-01T00:00:00Z");
}

int store_bind_text(sqlite3_stmt *st, int col, const char *text)
{
    if (!text)
        return sqlite3_bind_null(st, col);
    return sqlite3_bind_text(st, col, text, -1, SQLITE_TRANSIENT);
}

void store_column_copy(sqlite3_stmt *st, int col, char *dst, int dstlen)
{
    const unsigned char *v = sqlite3_column_text(st, col);
    snprintf(dst, (size_t)dstlen, "%s", v ? (const char *)v : "");
}

char *store_column_dup(sqlite3_stmt *st, int col, int *oom)
{
    const unsigned char *v = sqlite3_column_text(st, col);
    if (!v)
        return NULL;
    size_t n = (size_t)sqlite3_column_bytes(st, col);
    char *out = malloc(n + 1);
    if (!out) {
        *oom = 1;
        return NULL;
    }
    memcpy(out, v, n);
    out[n] = '\0';
    return out;
}
