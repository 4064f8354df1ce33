/* team_groups.c — a team session's per-group lines (the plan group, its process-step points and maximum),
 * stored beside the scorecard when the host grades the team drill and read back by reports and listings. */
#include "store_internal.h"

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

static void group_row(sqlite3_stmt *st, void *dst)
{
    store_group_line *g = dst;
    store_column_copy(st, 0, g->group, sizeof g->group);
    g->points = sqlite3_column_double(st, 1);
    g->max = sqlite3_column_double(st, 2);
}

int store_groups_list(store *s, int64_t session, store_group_line **out, int *n, char *err, int errlen)
{
    void *rows = NULL;
    int rc = store_rows(s, "SELECT grp, points, max FROM team_groups WHERE session = ? ORDER BY pos", session,
                        sizeof **out, group_row, &rows, n, "cannot read the group lines", err, errlen);
    *out = rows;
    return rc;
}
