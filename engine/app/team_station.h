/* team_station.h — a seat of a team drill (`yqdrill join ... --group G`): proposes its actions to the host,
 * keeps the accepted log in its local save and replays it into the same world as every other seat. */
#ifndef YQ_APP_TEAM_STATION_H
#define YQ_APP_TEAM_STATION_H

#include "class/cls.h"

/* Play seat (trainee, group) of the host's team drill of scenario (refused when the host plays another) with
 * the response file's actions acts[0..n), proposed at their times at speed (0: all at once), until the host
 * closes the drill; then the world replayed from the accepted log. Prints the end line (JSON with json).
 * APP_EXIT_* code; messages on stderr. */
int app_team_play(store *db, const cls_endpoint *e, const char *trainee, const char *group, const char *scenario,
                  const sim_action *acts, int n, double speed, int json);

#endif
