/* team_clock.c — how far a team drill's clock may have been published: kept ahead of every time the host tells
 * the seats, so a host restarted mid-drill starts its clock from there and no seat's world has to step back. */
#include <stdlib.h>

#include "store_internal.h"

int store_team_clock_put(store *s, int64_t session, sim_time t, char *err, int errlen)
{
    if (t < 0) {
        store_errf(err, errlen, "a team clock is a scenario time from 0 on");
        return -1;
    }
    return store_exec(s, "INSERT OR REPLACE INTO team_clock (session, t) VALUES (?, ?)", "cannot keep the team clock",
                      err, errlen, "ii", session, (int64_t)t);
}

static void clock_row(sqlite3_stmt *st, void *dst)
{
    *(sim_time *)dst = sqlite3_column_int64(st, 0);
}

int store_team_clock_get(store *s, int64_t session, sim_time *t, char *err, int errlen)
{
    void *rows = NULL;
    int n = 0;
    if (store_rows(s, "SELECT t FROM team_clock WHERE session = ?", session, sizeof(sim_time), clock_row, &rows, &n,
                   "cannot read the team clock", err, errlen))
        return -1;
    *t = n ? *(sim_time *)rows : 0;
    free(rows);
    return 0;
}
