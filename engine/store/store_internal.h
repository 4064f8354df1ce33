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
};

/* The numbered schema steps; step i (0-based) takes user_version i to i+1. */
extern const char *const store_schema_steps[];
extern const int store_schema_step_count;

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
/* Copy a text column into a fixed buffer (empty when NULL). */
void store_column_copy(sqlite3_stmt *st, int col, char *dst, int dstlen);
/* A text column as a malloc'd string, or NULL when the column is NULL; *oom set on failure. */
char *store_column_dup(sqlite3_stmt *st, int col, int *oom);

#endif
