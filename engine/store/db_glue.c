/* db_glue.c — small helpers every store file uses: one-line error messages, the UTC timestamp,
 * binding/reading nullable text columns, and a query's rows read into an array. */
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

static int vbind(sqlite3_stmt *st, const char *types, va_list ap)
{
    int rc = SQLITE_OK;
    for (int i = 0; types[i] && rc == SQLITE_OK; i++) {
        if (types[i] == 'i')
            rc = sqlite3_bind_int64(st, i + 1, va_arg(ap, int64_t));
        else if (types[i] == 'd')
            rc = sqlite3_bind_double(st, i + 1, va_arg(ap, double));
        else
            rc = store_bind_text(st, i + 1, va_arg(ap, const char *));
    }
    return rc;
}

int store_bind(sqlite3_stmt *st, const char *types, ...)
{
    va_list ap;
    va_start(ap, types);
    int rc = vbind(st, types, ap);
    va_end(ap);
    return rc;
}

int store_exec(store *s, const char *sql, const char *what, char *err, int errlen, const char *types, ...)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return store_dberr(s, err, errlen, what);
    va_list ap;
    va_start(ap, types);
    int rc = vbind(st, types, ap);
    va_end(ap);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : store_dberr(s, err, errlen, what);
}

int store_bind_columns(sqlite3_stmt *st, int first, sqlite3_stmt *src, int from, int n)
{
    int rc = SQLITE_OK;
    for (int c = 0; c < n && rc == SQLITE_OK; c++)
        rc = sqlite3_bind_value(st, first + c, sqlite3_column_value(src, from + c));
    return rc;
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

int store_rows(store *s, const char *sql, int64_t session, size_t size, void (*row)(sqlite3_stmt *st, void *dst),
               void **out, int *n, const char *what, char *err, int errlen)
{
    sqlite3_stmt *st;
    char *list = NULL;
    int count = 0, rc;
    *out = NULL;
    *n = 0;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return store_dberr(s, err, errlen, what);
    rc = sqlite3_bind_int64(st, 1, session);
    while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        char *grown = realloc(list, (size_t)(count + 1) * size);
        if (!grown) {
            rc = SQLITE_NOMEM;
            break;
        }
        list = grown;
        row(st, list + (size_t)count++ * size);
    }
    if (rc == SQLITE_NOMEM)
        store_errf(err, errlen, "%s: out of memory", what);
    else if (rc != SQLITE_DONE)
        store_dberr(s, err, errlen, what);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(list);
        return -1;
    }
    *out = list;
    *n = count;
    return 0;
}
