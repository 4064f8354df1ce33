/* seat_outbox.c — a team seat's own proposals, kept in its local save before they are sent, so a window killed
 * before the host took one sends it again when it comes back (the host keeps each proposal number once). */
#include <stdlib.h>

#include "store_internal.h"

int store_outbox_put(store *s, int64_t session, const char *trainee, const char *group, int proposal,
                     const sim_action *a, char *err, int errlen)
{
    if (proposal < 0 || !*trainee || !store_id_ok(group)) {
        store_errf(err, errlen, "a seat's proposal needs a trainee, a plan group and its number");
        return -1;
    }
    if (store_action_check(a, err, errlen))
        return -1;
    char *json = store_actions_to_json(a, 1);
    if (!json) {
        store_errf(err, errlen, "cannot keep the proposal: out of memory");
        return -1;
    }
    int rc = store_exec(s, "INSERT OR REPLACE INTO seat_outbox (session, trainee, grp, proposal, action) "
                           "VALUES (?, ?, ?, ?, json_extract(?, '$[0]'))",
                        "cannot keep the proposal", err, errlen, "ittit", session, trainee, group, (int64_t)proposal,
                        json);
    free(json);
    return rc;
}

int store_outbox_list(store *s, int64_t session, const char *trainee, const char *group, int from, sim_action **out,
                      int *n, char *err, int errlen)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st;
    /* from `from` on while the numbers run on without a gap: the k-th row must be proposal from + k - 1 */
    if (sqlite3_prepare_v2(s->db,
                           "SELECT json_group_array(json(action)) FROM (SELECT proposal, action, row_number() OVER "
                           "(ORDER BY proposal) AS k FROM seat_outbox WHERE session = ?1 AND trainee = ?2 AND grp = ?3 "
                           "AND proposal >= ?4 ORDER BY proposal) WHERE proposal = ?4 + k - 1",
                           -1, &st, NULL) != SQLITE_OK)
        return store_dberr(s, err, errlen, "cannot read the seat's proposals");
    int rc = store_bind(st, "itti", session, trainee, group, (int64_t)from);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        store_dberr(s, err, errlen, "cannot read the seat's proposals");
        sqlite3_finalize(st);
        return -1;
    }
    rc = store_actions_parse((const char *)sqlite3_column_text(st, 0), "the seat's kept proposals", out, n, err,
                             errlen);
    sqlite3_finalize(st);
    return rc;
}
