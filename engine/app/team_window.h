/* team_window.h — a team seat played in the console (`yqdrill join CODE --trainee T --group G`): the team's world
 * on screen, following the host's accepted log and clock; the trainee's actions proposed to the host. */
#ifndef YQ_APP_TEAM_WINDOW_H
#define YQ_APP_TEAM_WINDOW_H

#include "class/cls.h"
#include "run_modes.h"

/* Seat (o->trainee, group) of the class's team drill in a window, its local copy of the team session in db; the
 * host's team drill must have a clock (host --speed X) and, when scenario is given, play that scenario. After the
 * window: the end line when the team drill was graded in it, its world checked against the host's. APP_EXIT_* code,
 * messages on stderr. */
int app_team_window(store *db, const cls_endpoint *e, const char *group, const char *scenario, app_run_opts *o);

#endif
