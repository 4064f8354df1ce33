/* opencc_fold.c — traditional to simplified folding of statements through OpenCC's t2s
 * configuration, offered to the claims reader as the lexicon's folder (sim_fold_fn). */
#include "lang.h"

#include <opencc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *fold_t2s(void *ctx, const char *utf8)
{
    char *converted = opencc_convert_utf8((opencc_t)ctx, utf8, strlen(utf8));
    if (!converted)
        return NULL;
    size_t len = strlen(converted) + 1;
    char *copy = malloc(len);
    if (copy)
        memcpy(copy, converted, len);
    opencc_convert_utf8_free(converted);
    return copy;
}

int lang_fold_attach(sim_lexicon *lx, char *err, int errlen)
{
    opencc_t cc = opencc_open(OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP);
    if (cc == (opencc_t)-1) {
        snprintf(err, (size_t)errlen, "cannot open OpenCC's %s configuration: %s", OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP,
                 opencc_error());
        return -1;
    }
    lx->fold = fold_t2s;
    lx->fold_ctx = cc;
    return 0;
}

void lang_fold_detach(sim_lexicon *lx)
{
    if (lx->fold == fold_t2s && lx->fold_ctx)
        opencc_close((opencc_t)lx->fold_ctx);
    lx->fold = NULL;
    lx->fold_ctx = NULL;
}
