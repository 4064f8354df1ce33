/* team_groups.c — a team session's per-group lines (the plan group, its process-step points and maximum),
 * stored beside the scorecard when the host grades the team drill and read back by reports and listings. */
#include "store_internal.h"

#include <stdlib.h>
#include <string.h>

int store_groups_put(store *s, int64_t session, const store_group_line *g, int n, char *err, int errlen)
{
    for (int i = 0; i < n; i++)
        if (!store_id_ok(g[i].group)) {
            store_errf(err, errlen, "group line %d: the group must be a plain id", i + 1);
            return -1;
        }
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return store_dberr(s, err, errlen, "cannot save the group lines");
    int rc = store_exec(s, "DELETE FROM team_groups WHERE session = ?", "cannot save the group lines", err, errlen,
                        "i", session);
    for (int i = 0; i < n && !rc; i++)
        rc = store_exec(s, "INSERT INTO team_groups (session, pos, grp, points, max) VALUES (?, ?, ?, ?, ?)",
                        "cannot save the group lines", err, errlen, "iitdd", session, (int64_t)i, g[i].group,
                        g[i].points, g[i].max);
    if (!rc && sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        rc = store_dberr(s, err, errlen, "cannot save the group lines");
    if (rc)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

int store_groups_list(store *s, int64_t session, store_group_line **out, int *n, char *err, int errlen)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT grp, points, max FROM team_groups WHERE session = ? ORDER BY pos", -1, &st,
                           NULL) != SQLITE_OK)
        return store_dberr(s, err, errlen, "cannot read the group lines");
    store_group_line *list = NULL;
    int count = 0, rc = sqlite3_bind_int64(st, 1, session);
    while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        store_group_line *grown = realloc(list, (size_t)(count + 1) * sizeof *list);
        if (!grown) {
            rc = SQLITE_NOMEM;
            break;
        }
        list = grown;
        store_column_copy(st, 0, list[count].group, sizeof list[count].group);
        list[count].points = sqlite3_column_double(st, 1);
        list[count].max = sqlite3_column_double(st, 2);
        count++;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(list);
        if (rc == SQLITE_NOMEM)
            store_errf(err, errlen, "cannot read the group lines: out of memory");
        else
            store_dberr(s, err, errlen, "cannot read the group lines");
        return -1;
    }
    *out = list;
    *n = count;
    return 0;
}
