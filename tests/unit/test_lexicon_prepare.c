/* test_lexicon_prepare.c — the shipped lexicon's words normalised once at load (sim_lexicon_prepare) scan
 * every text as words normalised on each use do: the same first hits and counts for each style list. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "score/score.h"

/* Scan text with the prepared lexicon and with its norms set aside; 1 when the two differ. */
static int scans_differ(sim_lexicon *lx, const char *text)
{
    sim_norm n;
    if (sim_norm_make(&n, text))
        return 1;
    sim_span first[2][SIM_LEX_STYLE_COUNT];
    int hits[2][SIM_LEX_STYLE_COUNT], rc[2];
    struct sim_norm *kept[SIM_LEX_COUNT];
    memcpy(kept, lx->norm, sizeof kept);
    rc[0] = sim_lex_scan(&n, lx, NULL, 0, first[0], hits[0]);
    memset(lx->norm, 0, sizeof lx->norm);
    rc[1] = sim_lex_scan(&n, lx, NULL, 0, first[1], hits[1]);
    memcpy(lx->norm, kept, sizeof kept);
    sim_norm_free(&n);
    int differ = rc[0] != 0 || rc[1] != 0 || memcmp(hits[0], hits[1], sizeof hits[0]) != 0;
    for (int k = 0; k < SIM_LEX_STYLE_COUNT; k++)
        differ |= first[0][k].start != first[1][k].start || first[0][k].len != first[1][k].len;
    return differ;
}

int main(void)
{
    sim_lexicon lx;
    char err[512];
    CHECK_MSG(score_lexicon_load(YQ_SOURCE_DIR "/assets/lexicon.json", &lx, err, sizeof err) == 0, "%s", err);
    for (int k = 0; k < SIM_LEX_COUNT; k++)
        CHECK_MSG(lx.norm[k] != NULL, "list %s is not prepared", sim_lex_name((sim_lex_kind)k));
    /* Each style word inside a sentence, and each list's words run together. */
    int texts = 0, differ = 0, hit = 0;
    for (int k = 0; k < SIM_LEX_STYLE_COUNT; k++) {
        static char all[1 << 16];
        size_t used = 0;
        for (int i = 0; i < lx.words[k].count; i++) {
            char one[512];
            snprintf(one, sizeof one, "对此我们%s，并将在２小时内通报。", lx.words[k].items[i]);
            differ += scans_differ(&lx, one);
            used += (size_t)snprintf(all + used, sizeof all - used, "%s、", lx.words[k].items[i]);
            texts++;
            if (used >= sizeof all - 1024)
                break;
        }
        differ += scans_differ(&lx, all);
        hit += lx.words[k].count > 0;
    }
    CHECK_MSG(differ == 0, "%d of %d texts scan otherwise with the prepared words", differ, texts);
    CHECK(texts > 100 && hit == SIM_LEX_STYLE_COUNT);
    printf("%d texts scanned both ways\n", texts);
    sim_lexicon_free(&lx);
    return CHECK_DONE();
}
