/* store_internal.h — what the store's files share and nobody else sees: the open database handle,
 * the schema steps, and small helpers for errors, timestamps and hex/decimal u64 columns. */
#ifndef YQ_STORE_INTERNAL_H
#define YQ_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdint.h>

#include "store.h"

struct store {
    sqlite3 *db;
    sqlite3_stmt *append;   /* cached INSERT for store_action_append */
    int readonly;           /* opened read-only because the file cannot be written */
};

/* An SQL expression giving a fresh random (version 4) UUID per row it is evaluated for. */
#define STORE_UUID_SQL \
    "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2)" \
    " || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-'" \
    " || lower(hex(randomblob(6)))"

/* The numbered schema steps; step i (0-based) takes user_version i to i+1. */
extern const char *const store_schema_steps[];
extern const int store_schema_step_count;

/* 1 when the file starts like an SQLite database (*wal: its header says WAL mode), 0 when not, -1 unreadable. */
int store_file_header(const char *path, int *wal);
/* PATH followed by suffix ("-wal"), malloc'd. */
char *store_side_path(const char *path, const char *suffix);
/* A text file whole (malloc'd, NUL-terminated): NULL with err when it cannot be read, is larger than
 * max_bytes ("file too large for WHAT") or holds NUL bytes. */
char *store_read_text(const char *path, long max_bytes, const char *what, char *err, int errlen);
/* 1 when PATH+suffix exists (or when out of memory, the cautious answer). */
int store_side_exists(const char *path, const char *suffix);
/* "file:PATH?immutable=1" with PATH percent-encoded: read without locks or -wal/-shm files. */
char *store_immutable_uri(const char *path);
/* One integer from a single-row query; -1 on failure (sqlite's message in the handle). */
int store_query_int(sqlite3 *db, const char *sql, int *out);
/* The object form of a response file: its keys into meta, *actions its "actions" array. -1 with a message. */
struct cJSON;
int store_response_meta_parse(const struct cJSON *root, const char *name, store_response_meta *meta,
                              const struct cJSON **actions, char *err, int errlen);
/* Whether their session (row `src` of import.c's session query, id `theirs`, in a database of schema
 * `version`) may be imported: 0 yes; -1 with why set when refused, with why "" on a database error. */
int store_import_check(sqlite3 *other, int version, sqlite3_stmt *src, int64_t theirs, char *why, int whylen);
/* Whether every table of schema `version` has its columns; -1 with the first missing one in reason. */
int store_schema_check(sqlite3 *db, int version, char *reason, int reasonlen);
/* Bring an open read-write database up to the current schema, one transaction per step. */
int store_schema_migrate(sqlite3 *db, const char *path, char *err, int errlen);

/* printf into err, newlines folded to spaces so every message is one line. */
void store_errf(char *err, int errlen, const char *fmt, ...);
/* "PREFIX: <sqlite's message>" */
int store_dberr(store *s, char *err, int errlen, const char *what);
/* The current UTC time as "YYYY-MM-DDTHH:MM:SSZ" (metadata only, never world state). */
void store_now_iso(char out[32]);
/* Bind a C string or NULL. */
int store_bind_text(sqlite3_stmt *st, int col, const char *text);
/* Bind parameters 1.. in order, one per letter of `types`: 'i' int64_t, 'd' double, 't' C string or NULL.
 * Returns SQLITE_OK or the first failing bind's code. */
int store_bind(sqlite3_stmt *st, const char *types, ...);
/* Prepare sql, bind as store_bind, step once to completion; -1 with "WHAT: sqlite's message" otherwise. */
int store_exec(store *s, const char *sql, const char *what, char *err, int errlen, const char *types, ...);
/* Bind n result columns of `src` from column `from` on as parameters `first`.. of st; SQLITE_OK or the failure. */
int store_bind_columns(sqlite3_stmt *st, int first, sqlite3_stmt *src, int from, int n);
/* Run sql with parameter 1 = session, each row read by `row` into a new element of `size` bytes of a malloc'd
 * array (*out, *n; NULL, 0 on failure). 0, or -1 with "WHAT: out of memory" or sqlite's message. */
int store_rows(store *s, const char *sql, int64_t session, size_t size, void (*row)(sqlite3_stmt *st, void *dst),
               void **out, int *n, const char *what, char *err, int errlen);
/* Copy a text column into a fixed buffer (empty when NULL). */
void store_column_copy(sqlite3_stmt *st, int col, char *dst, int dstlen);
/* A text column as a malloc'd string, or NULL when the column is NULL; *oom set on failure. */
char *store_column_dup(sqlite3_stmt *st, int col, int *oom);

#endif
