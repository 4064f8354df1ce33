/* test_official_thread.c — the replies under the official account's posts follow how the world read
 * the trainee's text: verified facts said with care draw support, officialese mockery, a confirmed
 * rumour anger, a thin text questions; replies arrive over time and are the same for the same seed. */
#include "check.h"
#include "score/score.h"
#include "world_fixture.h"

typedef struct thread_case {
    const char *text;
    sim_time at;
    sim_reception want;
    sim_phrase_kind first;   /* the list the first reply comes from */
} thread_case;

/* Run the fixture world with one statement and return it at `until` (NULL on failure). */
static sim_world *run(const sim_scenario *s, const sim_lexicon *lx, const sim_phrasebook *pb, const thread_case *tc,
                      sim_time until)
{
    char err[256];
    sim_world *w = sim_world_new(s, lx, 7, NULL, err, sizeof err);
    if (!w)
        return NULL;
    sim_world_set_phrases(w, pb);
    sim_action a = fx_action(tc->at, SIM_ACT_STATEMENT, NULL, "weibo", tc->text);
    if (sim_submit(w, &a, err, sizeof err) || sim_run_until(w, until)) {
        sim_world_free(w);
        return NULL;
    }
    return w;
}

static int in_list(const sim_phrasebook *pb, sim_phrase_kind k, const char *text)
{
    for (int i = 0; i < sim_phrase_count(pb, k); i++)
        if (strcmp(sim_phrase(pb, k, (uint32_t)i, "zh"), text) == 0)
            return 1;
    return 0;
}

static int statement_index(const sim_world *w)
{
    for (int i = 0; i < w->n_log; i++)
        if (w->log[i].type == SIM_ACT_STATEMENT)
            return i;
    return -1;
}

int main(void)
{
    char err[512] = "";
    sim_scenario s;
    fx_scenario(&s);
    sim_lexicon lx;
    sim_phrasebook pb;
    CHECK_MSG(score_lexicon_load(YQ_SOURCE_DIR "/assets/lexicon.json", &lx, err, sizeof err) == 0, "%s", err);
    CHECK_MSG(score_phrases_load(YQ_SOURCE_DIR "/assets/feed/phrases.json", &pb, err, sizeof err) == 0, "%s", err);

    const thread_case cases[] = {
        {"东风路执法冲突中2人受轻伤，已送医。我们理解大家的心情，向受伤群众致歉。", 2000, SIM_RECEPTION_WARM,
         SIM_PH_REPLY_SUPPORT},
        {"根据有关文件精神，我们高度重视，无可奉告。", 2000, SIM_RECEPTION_MOCKERY, SIM_PH_REPLY_MOCK},
        {"经核实，摊主被打死了。", 2000, SIM_RECEPTION_ANGER, SIM_PH_REPLY_ANGER},
        {"我们已派出工作组赶赴现场。", 2000, SIM_RECEPTION_QUESTIONS, SIM_PH_REPLY_QUESTION},
        {"我们理解大家的心情，正在调查，结果出来后第一时间公布。", 2000, SIM_RECEPTION_WARM, SIM_PH_REPLY_SUPPORT},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        const thread_case *tc = &cases[c];
        sim_world *early = run(&s, &lx, &pb, tc, tc->at + 150);
        sim_world *w = run(&s, &lx, &pb, tc, tc->at + 3600);
        sim_world *again = run(&s, &lx, &pb, tc, tc->at + 3600);
        CHECK(early && w && again);
        if (!early || !w || !again)
            continue;
        int i = statement_index(w);
        CHECK_MSG(sim_action_reception(w, i) == tc->want, "%s: reception %d, want %d", tc->text,
                  sim_action_reception(w, i), tc->want);
        sim_thread_reply r[SIM_THREAD_REPLIES], r2[SIM_THREAD_REPLIES], re[SIM_THREAD_REPLIES];
        int n = sim_thread_replies(w, i, "zh", r, SIM_THREAD_REPLIES);
        int n2 = sim_thread_replies(again, i, "zh", r2, SIM_THREAD_REPLIES);
        int ne = sim_thread_replies(early, statement_index(early), "zh", re, SIM_THREAD_REPLIES);
        CHECK_MSG(n == SIM_THREAD_REPLIES && ne == 2, "%s: %d replies after an hour, %d after 150 s", tc->text, n, ne);
        CHECK_MSG(n > 0 && in_list(&pb, tc->first, r[0].text), "%s: first reply '%s' is not from %s", tc->text,
                  n > 0 ? r[0].text : "", sim_phrase_name(tc->first));
        int same = n == n2, distinct = 1;
        for (int k = 0; k < n && k < n2; k++) {
            same &= r[k].account == r2[k].account && r[k].t == r2[k].t && strcmp(r[k].text, r2[k].text) == 0;
            for (int j = 0; j < k; j++)
                distinct &= strcmp(r[k].text, r[j].text) != 0;
        }
        CHECK_MSG(same, "%s: the same seed gives the same replies", tc->text);
        CHECK_MSG(distinct, "%s: no reply in the thread says the same twice", tc->text);
        sim_world_free(early);
        sim_world_free(w);
        sim_world_free(again);
    }

    /* Without a phrasebook the world still runs and the thread is silent. */
    sim_world *bare = run(&s, &lx, NULL, &cases[0], 5000);
    CHECK(bare != NULL);
    sim_thread_reply r[SIM_THREAD_REPLIES];
    CHECK(bare && sim_thread_replies(bare, statement_index(bare), "zh", r, SIM_THREAD_REPLIES) == 0);
    sim_world_free(bare);

    sim_phrasebook_free(&pb);
    sim_lexicon_free(&lx);
    sim_scenario_free(&s);
    return CHECK_DONE();
}
