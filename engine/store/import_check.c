/* import_check.c — what another station's session must satisfy before it is merged: a plain scenario id
 * (it names a folder under scenarios/), and names, texts and scorecard within the limits of store.h. */
#include "store_internal.h"

#include <stdio.h>
#include <string.h>

#define SCORECARD_MAX_BYTES (1024 * 1024)

/* Their session row columns (see import.c): 1 trainee, 2 scenario, 5 plan, 8 scorecard, 11 uuid. */
static int check_session_row(sqlite3_stmt *src, char *why, int whylen)
{
    const char *scenario = (const char *)sqlite3_column_text(src, 2);
    const char *plan = (const char *)sqlite3_column_text(src, 5);
    const char *uuid = (const char *)sqlite3_column_text(src, 11);
    if (!store_id_ok(scenario))
        snprintf(why, (size_t)whylen, "its scenario id \"%.40s\" is not a plain id", scenario ? scenario : "");
    else if (plan && !store_id_ok(plan))
        snprintf(why, (size_t)whylen, "its plan id \"%.40s\" is not a plain id", plan);
    else if (uuid && (strlen(uuid) != 36 || strspn(uuid, "0123456789abcdefABCDEF-") != 36))
        snprintf(why, (size_t)whylen, "its UUID is malformed");
    else if (sqlite3_column_bytes(src, 1) > STORE_NAME_MAX * 4 ||
             store_utf8_chars((const char *)sqlite3_column_text(src, 1)) > STORE_NAME_MAX)
        snprintf(why, (size_t)whylen, "its trainee name is longer than %d characters", STORE_NAME_MAX);
    else if (sqlite3_column_bytes(src, 8) > SCORECARD_MAX_BYTES)
        snprintf(why, (size_t)whylen, "its scorecard is larger than %d bytes", SCORECARD_MAX_BYTES);
    else
        return 0;
    return -1;
}

/* 1 when `sql` (one ? for the session) finds a row, 0 when not, -1 on error. */
static int any_row(sqlite3 *db, const char *sql, int64_t session)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    int rc = sqlite3_bind_int64(st, 1, session);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

#define STR_(x) #x
#define STR(x) STR_(x)

int store_import_check(sqlite3 *other, int version, sqlite3_stmt *src, int64_t theirs, char *why, int whylen)
{
    why[0] = '\0';
    if (check_session_row(src, why, whylen))
        return -1;
    int big = any_row(other,
                      "SELECT 1 FROM actions WHERE session = ? AND (length(text) > " STR(STORE_TEXT_MAX)
                      " OR length(target) > " STR(STORE_ID_MAX) " OR length(channel) > " STR(STORE_ID_MAX) ")",
                      theirs);
    if (big == 0 && version >= 2)
        big = any_row(other,
                      "SELECT 1 FROM notes WHERE session = ? AND (length(text) > " STR(STORE_TEXT_MAX)
                      " OR length(author) > " STR(STORE_NAME_MAX) ") UNION ALL "
                      "SELECT 1 FROM overrides WHERE session = ?1 AND (length(comment) > " STR(STORE_TEXT_MAX)
                      " OR length(by_name) > " STR(STORE_NAME_MAX) " OR length(line) > " STR(STORE_ID_MAX) ")",
                      theirs);
    if (big > 0)
        snprintf(why, (size_t)whylen, "an action, note or override is longer than allowed (texts %d characters, "
                 "names %d)", STORE_TEXT_MAX, STORE_NAME_MAX);
    return big == 0 ? 0 : -1;
}
