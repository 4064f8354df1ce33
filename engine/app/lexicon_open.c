/* lexicon_open.c — the lexicon every reading of a statement uses: assets/lexicon.json with
 * OpenCC's traditional→simplified folder attached, opened and closed in one place. */
#include "lexicon_open.h"

#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>

#include "lang/lang.h"
#include "paths.h"
#include "score/score.h"

int app_lexicon_open(sim_lexicon *lx, char *err, int errlen)
{
    char path[4096];
    if (score_lexicon_load(app_path(path, sizeof path, "assets", "lexicon.json"), lx, err, errlen))
        return -1;
    /* The t2s change cache lives under saves/cache; a folder that cannot be made only means no cache. */
    char saves[4096], dir[4096], cache[4200];
    app_path(saves, sizeof saves, "saves", NULL);
    app_path(dir, sizeof dir, "saves", "cache");
    int cached = (mkdir(saves, 0755) == 0 || errno == EEXIST) && (mkdir(dir, 0755) == 0 || errno == EEXIST);
    snprintf(cache, sizeof cache, "%s/opencc-t2s.txt", dir);
    if (lang_fold_attach(lx, cached ? cache : NULL, err, errlen)) {
        sim_lexicon_free(lx);
        return -1;
    }
    return 0;
}

void app_lexicon_close(sim_lexicon *lx)
{
    lang_fold_detach(lx);
    sim_lexicon_free(lx);
}
