/* lang.h — language tools backed by system libraries for the rest of the engine: folding
 * traditional Chinese to simplified (OpenCC) before statements are read. */
#ifndef YQ_LANG_LANG_H
#define YQ_LANG_LANG_H

#include "sim/text.h"

/* Give the lexicon an OpenCC traditional→simplified folder (configuration t2s). `cache` (NULL: none) is a
 * file keeping which characters t2s changes: read when it matches this machine's OpenCC, else learnt and
 * written there. 0, or -1 with a message in err. lang_fold_detach releases it. */
int lang_fold_attach(sim_lexicon *lx, const char *cache, char *err, int errlen);
void lang_fold_detach(sim_lexicon *lx);

#endif
