/* test_read_prepared.c — a loaded scenario's phrases normalised once (sim_scenario_prepare) read every text as
 * phrases normalised in each read do: the same reading, byte for byte, on the labelled corpus and on texts
 * made of each scenario's own phrases, plain, denied and split by a negation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "reading_corpus.h"
#include "lang/lang.h"
#include "score/score.h"
#include "script/script.h"
#include "sim/claims.h"

static int texts, differ;

/* Read text with the scenario's prepared phrases and with them set aside; count a difference. */
static void read_both(sim_scenario *s, const sim_lexicon *lx, const char *text, sim_time now)
{
    sim_truth truth = {NULL, now};
    sim_reading rd[2];
    struct sim_scenario_norms *kept = s->norms;
    int rc0 = sim_read(text, s, lx, &truth, &rd[0]);
    s->norms = NULL;
    int rc1 = sim_read(text, s, lx, &truth, &rd[1]);
    s->norms = kept;
    texts++;
    if (rc0 || rc1 || memcmp(&rd[0], &rd[1], sizeof rd[0]) != 0) {
        differ++;
        fprintf(stderr, "read otherwise with the prepared phrases: %s\n", text);
    }
}

/* One phrase alone, reported and denied, and with a negation inside it after its first character. */
static void read_phrase(sim_scenario *s, const sim_lexicon *lx, const char *p)
{
    if (!p || !p[0])
        return;
    char buf[1024];
    read_both(s, lx, p, 0);
    snprintf(buf, sizeof buf, "网传%s，经核实，该说法不实。", p);
    read_both(s, lx, buf, 3600);
    snprintf(buf, sizeof buf, "目前没有%s的情况，3人受伤。", p);
    read_both(s, lx, buf, 7200);
    int first = p[0] & 0x80 ? 3 : 1;
    if ((int)strlen(p) > first) {
        snprintf(buf, sizeof buf, "%.*s不%s。", first, p, p + first);
        read_both(s, lx, buf, 7200);
    }
}

static void read_list(sim_scenario *s, const sim_lexicon *lx, const sim_text *t, const sim_strlist *l)
{
    if (t) {
        read_phrase(s, lx, t->zh);
        read_phrase(s, lx, t->en);
    }
    for (int i = 0; i < l->count; i++)
        read_phrase(s, lx, l->items[i]);
}

typedef struct prepared_ctx {
    const sim_lexicon *lx;
} prepared_ctx;

static void corpus_statement(sim_scenario *s, const cJSON *item, void *ctx)
{
    const prepared_ctx *c = ctx;
    const cJSON *text = cJSON_GetObjectItem(item, "text");
    CHECK_MSG(s->norms != NULL, "%s is loaded without its phrases prepared", s->id);
    if (cJSON_IsString(text))
        read_both(s, c->lx, text->valuestring, 3 * 3600);
}

/* Texts made of the scenario's own phrases. */
static void own_phrases(sim_scenario *s, void *ctx)
{
    const sim_lexicon *lx = ((const prepared_ctx *)ctx)->lx;
    for (int i = 0; i < s->n_facts; i++) {
        read_list(s, lx, &s->facts[i].text, &s->facts[i].synonyms);
        read_list(s, lx, NULL, &s->facts[i].subjects);
        read_list(s, lx, NULL, &s->facts[i].topics);
    }
    for (int i = 0; i < s->n_rumours; i++)
        read_list(s, lx, &s->rumours[i].claim, &s->rumours[i].synonyms);
    for (int i = 0; i < s->n_claims; i++)
        read_list(s, lx, &s->claims[i].text, &s->claims[i].synonyms);
}

int main(void)
{
    sim_lexicon lx;
    char err[256];
    CHECK_MSG(score_lexicon_load(YQ_SOURCE_DIR "/assets/lexicon.json", &lx, err, sizeof err) == 0, "%s", err);
    CHECK_MSG(lang_fold_attach(&lx, NULL, err, sizeof err) == 0, "%s", err);
    prepared_ctx ctx = {&lx};
    corpus_walk(&(corpus_visit){corpus_statement, own_phrases, &ctx});
    CHECK_MSG(differ == 0, "%d of %d texts read otherwise with the prepared phrases", differ, texts);
    CHECK(texts > 1000);
    printf("%d texts read both ways\n", texts);
    lang_fold_detach(&lx);
    sim_lexicon_free(&lx);
    return CHECK_DONE();
}
