/* schema.c — the saves database schema as numbered steps (step i takes user_version i to i+1)
 * and the migration that applies the missing ones, each in its own transaction. */
#include "store_internal.h"

#include <stdio.h>

const char *const store_schema_steps[] = {
    /* 1: sessions and their action logs */
    "CREATE TABLE sessions ("
    "  id INTEGER PRIMARY KEY,"
    "  trainee TEXT NOT NULL,"
    "  scenario TEXT NOT NULL,"
    "  content_hash TEXT NOT NULL,"   /* 16 hex digits */
    "  seed TEXT NOT NULL,"           /* decimal u64 */
    "  plan TEXT,"
    "  started TEXT NOT NULL,"        /* ISO-8601 UTC */
    "  finished TEXT,"
    "  scorecard TEXT,"               /* JSON */
    "  total REAL,"
    "  world_hash TEXT"
    ");"
    "CREATE TABLE actions ("
    "  session INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  seq INTEGER NOT NULL CHECK (seq >= 0),"
    "  t INTEGER NOT NULL CHECK (t >= 0),"
    "  type TEXT NOT NULL,"
    "  role TEXT NOT NULL,"
    "  level TEXT,"
    "  target TEXT,"
    "  channel TEXT,"
    "  text TEXT,"
    "  PRIMARY KEY (session, seq)"
    ") WITHOUT ROWID;",

    /* 2: instructor overrides and notes */
    "CREATE TABLE overrides ("
    "  id INTEGER PRIMARY KEY,"
    "  session INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  line TEXT NOT NULL,"
    "  points REAL NOT NULL,"
    "  by_name TEXT NOT NULL,"
    "  at TEXT NOT NULL,"
    "  comment TEXT"
    ");"
    "CREATE INDEX overrides_by_session ON overrides(session);"
    "CREATE TABLE notes ("
    "  id INTEGER PRIMARY KEY,"
    "  session INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  t INTEGER NOT NULL CHECK (t >= 0),"
    "  author TEXT NOT NULL,"
    "  text TEXT NOT NULL,"
    "  at TEXT NOT NULL"
    ");"
    "CREATE INDEX notes_by_session ON notes(session, t);",

    /* 3: a stable unique id per session (random UUID; existing sessions get one here), the program
     * version that played it and a hash of the plan it was graded against */
    "ALTER TABLE sessions ADD COLUMN uuid TEXT;"
    "ALTER TABLE sessions ADD COLUMN version TEXT;"
    "ALTER TABLE sessions ADD COLUMN plan_hash TEXT;"   /* 16 hex digits */
    "UPDATE sessions SET uuid = " STORE_UUID_SQL ";"
    "CREATE UNIQUE INDEX sessions_by_uuid ON sessions(uuid);",

    /* 4: observers' HSEEP ratings of rubric lines ('line', target a line id) and of single actions ('action',
     * target the action's seq as text); one rating per (session, kind, target, observer), the latest kept */
    "CREATE TABLE ratings ("
    "  id INTEGER PRIMARY KEY,"
    "  session INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  kind TEXT NOT NULL CHECK (kind IN ('line', 'action')),"
    "  target TEXT NOT NULL,"
    "  observer TEXT NOT NULL,"
    "  grade TEXT NOT NULL CHECK (grade IN ('P', 'S', 'M', 'U')),"
    "  comment TEXT,"
    "  at TEXT NOT NULL"
    ");"
    "CREATE UNIQUE INDEX ratings_by_target ON ratings(session, kind, target, observer);",

    /* 5: a team session's per-group lines (plan group, process-step points and maximum) in the plan's order */
    "CREATE TABLE team_groups ("
    "  session INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  pos INTEGER NOT NULL CHECK (pos >= 0),"
    "  grp TEXT NOT NULL,"
    "  points REAL NOT NULL,"
    "  max REAL NOT NULL,"
    "  PRIMARY KEY (session, pos)"
    ") WITHOUT ROWID;",

    /* 6: the proposals a team session's host has handled: the seat (trainee, plan group), its proposal number and
     * the seq of the action it became (-1: refused) */
    "CREATE TABLE team_proposals ("
    "  session INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  trainee TEXT NOT NULL,"
    "  grp TEXT NOT NULL,"
    "  proposal INTEGER NOT NULL CHECK (proposal >= 0),"
    "  seq INTEGER NOT NULL CHECK (seq >= -1),"
    "  PRIMARY KEY (session, trainee, grp, proposal)"
    ") WITHOUT ROWID;",

    /* 7: a live question's follow-up flag (1 on an ask that follows up its reporter's previous one; NULL else) */
    "ALTER TABLE actions ADD COLUMN follow_up INTEGER CHECK (follow_up IS NULL OR follow_up = 1);",

    /* 8: a team seat's own proposals in its local save, kept before they are sent (the action as JSON) */
    "CREATE TABLE seat_outbox ("
    "  session INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  trainee TEXT NOT NULL,"
    "  grp TEXT NOT NULL,"
    "  proposal INTEGER NOT NULL CHECK (proposal >= 0),"
    "  action TEXT NOT NULL,"
    "  PRIMARY KEY (session, trainee, grp, proposal)"
    ") WITHOUT ROWID;",

    /* 9: how far a team session's clock may have been published (the host keeps it ahead of what seats heard) */
    "CREATE TABLE team_clock ("
    "  session INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,"
    "  t INTEGER NOT NULL CHECK (t >= 0)"
    ");",
};

const int store_schema_step_count = (int)(sizeof store_schema_steps / sizeof store_schema_steps[0]);

/* Every column the steps create, with the version that has it; checked before a file is written to. */
static const struct {
    const char *table, *column;
    int since;
} schema_columns[] = {
    {"sessions", "id", 1}, {"sessions", "trainee", 1}, {"sessions", "scenario", 1}, {"sessions", "content_hash", 1},
    {"sessions", "seed", 1}, {"sessions", "plan", 1}, {"sessions", "started", 1}, {"sessions", "finished", 1},
    {"sessions", "scorecard", 1}, {"sessions", "total", 1}, {"sessions", "world_hash", 1},
    {"actions", "session", 1}, {"actions", "seq", 1}, {"actions", "t", 1}, {"actions", "type", 1},
    {"actions", "role", 1}, {"actions", "level", 1}, {"actions", "target", 1}, {"actions", "channel", 1},
    {"actions", "text", 1},
    {"overrides", "id", 2}, {"overrides", "session", 2}, {"overrides", "line", 2}, {"overrides", "points", 2},
    {"overrides", "by_name", 2}, {"overrides", "at", 2}, {"overrides", "comment", 2},
    {"notes", "id", 2}, {"notes", "session", 2}, {"notes", "t", 2}, {"notes", "author", 2}, {"notes", "text", 2},
    {"notes", "at", 2},
    {"sessions", "uuid", 3}, {"sessions", "version", 3}, {"sessions", "plan_hash", 3},
    {"ratings", "id", 4}, {"ratings", "session", 4}, {"ratings", "kind", 4}, {"ratings", "target", 4},
    {"ratings", "observer", 4}, {"ratings", "grade", 4}, {"ratings", "comment", 4}, {"ratings", "at", 4},
    {"team_groups", "session", 5}, {"team_groups", "pos", 5}, {"team_groups", "grp", 5},
    {"team_groups", "points", 5}, {"team_groups", "max", 5},
    {"team_proposals", "session", 6}, {"team_proposals", "trainee", 6}, {"team_proposals", "grp", 6},
    {"team_proposals", "proposal", 6}, {"team_proposals", "seq", 6},
    {"actions", "follow_up", 7},
    {"seat_outbox", "session", 8}, {"seat_outbox", "trainee", 8}, {"seat_outbox", "grp", 8},
    {"seat_outbox", "proposal", 8}, {"seat_outbox", "action", 8},
    {"team_clock", "session", 9}, {"team_clock", "t", 9},
};

int store_schema_check(sqlite3 *db, int version, char *reason, int reasonlen)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2", -1, &st, NULL) != SQLITE_OK) {
        snprintf(reason, (size_t)reasonlen, "%s", sqlite3_errmsg(db));
        return -1;
    }
    int rc = 0;
    for (size_t i = 0; i < sizeof schema_columns / sizeof schema_columns[0] && !rc; i++) {
        if (schema_columns[i].since > version)
            continue;
        sqlite3_reset(st);
        int step = sqlite3_bind_text(st, 1, schema_columns[i].table, -1, SQLITE_STATIC);
        if (step == SQLITE_OK)
            step = sqlite3_bind_text(st, 2, schema_columns[i].column, -1, SQLITE_STATIC);
        if (step == SQLITE_OK)
            step = sqlite3_step(st);
        if (step != SQLITE_ROW) {
            snprintf(reason, (size_t)reasonlen, "schema version %d without column %s.%s", version,
                     schema_columns[i].table, schema_columns[i].column);
            rc = -1;
        }
    }
    sqlite3_finalize(st);
    return rc;
}

int store_schema_version(void)
{
    return store_schema_step_count;
}

/* Apply step `version` (0-based) unless another process already did; 1 when the schema is current. */
static int migrate_one(sqlite3 *db, const char *path, char *err, int errlen)
{
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
        store_errf(err, errlen, "cannot migrate saves database %s: %s", path, sqlite3_errmsg(db));
        return -1;
    }
    int app = 0, version = 0;
    if (store_query_int(db, "PRAGMA application_id", &app) || store_query_int(db, "PRAGMA user_version", &version)) {
        store_errf(err, errlen, "cannot migrate saves database %s: %s", path, sqlite3_errmsg(db));
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    if ((app != 0 && app != STORE_APPLICATION_ID) || version > store_schema_step_count || version < 0) {
        store_errf(err, errlen, "cannot migrate saves database %s: it changed to application_id 0x%08x, "
                   "schema version %d while opening", path, (unsigned)app, version);
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    if (version == store_schema_step_count && app == STORE_APPLICATION_ID) {
        sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
        return 1;
    }
    char bump[96];
    snprintf(bump, sizeof bump, "PRAGMA user_version = %d; PRAGMA application_id = %d;",
             version + (version < store_schema_step_count), STORE_APPLICATION_ID);
    char *msg = NULL;
    if ((version < store_schema_step_count &&
         sqlite3_exec(db, store_schema_steps[version], NULL, NULL, &msg) != SQLITE_OK) ||
        (!msg && sqlite3_exec(db, bump, NULL, NULL, &msg) != SQLITE_OK) ||
        (!msg && sqlite3_exec(db, "COMMIT", NULL, NULL, &msg) != SQLITE_OK)) {
        store_errf(err, errlen, "cannot migrate saves database %s to schema version %d: %s", path,
                   version + 1, msg ? msg : sqlite3_errmsg(db));
        sqlite3_free(msg);
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    return 0;
}

int store_schema_migrate(sqlite3 *db, const char *path, char *err, int errlen)
{
    for (;;) {
        int rc = migrate_one(db, path, err, errlen);
        if (rc != 0)
            return rc < 0 ? -1 : 0;
    }
}
