/* lexicon_open.h — opening the statement-reading lexicon (word lists plus the traditional→simplified
 * folder) for the drill, the reader command and the benchmarks. */
#ifndef YQ_APP_LEXICON_OPEN_H
#define YQ_APP_LEXICON_OPEN_H

#include "sim/text.h"

/* 0, or -1 with a message in err (nothing to close then). */
int app_lexicon_open(sim_lexicon *lx, char *err, int errlen);
void app_lexicon_close(sim_lexicon *lx);

#endif
