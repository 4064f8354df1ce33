/* team_proposals.c — the proposals a team session's host has handled: each seat's (trainee, plan group)
 * proposal number with the seq it was accepted at, or refused; a restarted host takes none of them twice. */
#include "store_internal.h"

int store_proposal_put(store *s, int64_t session, const store_proposal *p, char *err, int errlen)
{
    if (p->proposal < 0 || p->seq < -1 || !*p->trainee || !store_id_ok(p->group)) {
        store_errf(err, errlen, "a handled proposal needs a trainee, a plan group, its number and a seq or -1");
        return -1;
    }
    /* an accepted seq not taken yet: what still names it or a later one was left by a host stopped in between */
    if (p->seq >= 0 && store_exec(s, "DELETE FROM team_proposals WHERE session = ? AND seq >= ?",
                                  "cannot save the proposal", err, errlen, "ii", session, (int64_t)p->seq))
        return -1;
    return store_exec(s, "INSERT OR REPLACE INTO team_proposals (session, trainee, grp, proposal, seq) "
                         "VALUES (?, ?, ?, ?, ?)",
                      "cannot save the proposal", err, errlen, "ittii", session, p->trainee, p->group,
                      (int64_t)p->proposal, (int64_t)p->seq);
}

static void proposal_row(sqlite3_stmt *st, void *dst)
{
    store_proposal *p = dst;
    store_column_copy(st, 0, p->trainee, sizeof p->trainee);
    store_column_copy(st, 1, p->group, sizeof p->group);
    p->proposal = sqlite3_column_int(st, 2);
    p->seq = sqlite3_column_int(st, 3);
}

int store_proposals_list(store *s, int64_t session, store_proposal **out, int *n, char *err, int errlen)
{
    void *rows = NULL;
    int rc = store_rows(s,
                        "SELECT trainee, grp, proposal, seq FROM team_proposals WHERE session = ?1 AND "
                        "seq < (SELECT count(*) FROM actions WHERE session = ?1) ORDER BY trainee, grp, proposal",
                        session, sizeof **out, proposal_row, &rows, n, "cannot read the handled proposals", err, errlen);
    *out = rows;
    return rc;
}
