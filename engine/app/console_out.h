/* console_out.h — what the headless runner prints: the drill's events as they happen and the
 * scorecard, as text for people or as JSON for tools. */
#ifndef YQ_APP_CONSOLE_OUT_H
#define YQ_APP_CONSOLE_OUT_H

#include <stdio.h>

#include "score/score.h"

/* Print events [from, w->n_events) as "HH:MM:SS kind text" lines. */
void app_print_events(FILE *out, const sim_world *w, int from, const char *lang);
/* The scorecard as JSON (both languages) or as text with each line's explanation in lang ("zh" or "en"). */
void app_print_scorecard(FILE *out, const score_card *c, int json, const char *lang);
/* The scorecard of a finished run and, when w is given, the world's final state: JSON adds "world"
 * {trust, crowd, posts_per_hour, rumour_reach_max, hash} beside the card's keys; text adds one line. */
int app_print_run(FILE *out, const score_card *c, const sim_world *w, int json, const char *lang);

#endif
