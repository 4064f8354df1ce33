/* test_feed_text.c — the feed as the trainee reads it, on a shipped drill with the shipped phrasebook:
 * no two of any 50 consecutive posts say the same, reposts quote their original, personas follow roles,
 * the same seed gives the same feed byte for byte, and a malformed phrasebook is refused by name. */
#include "check.h"
#include "score/score.h"
#include "script/script.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define POSTS_MAX 600

typedef struct feed_run {
    sim_world *w;
    char (*zh)[1024];
    char (*en)[1024];
    int n;
} feed_run;

static int run_feed(feed_run *r, const sim_scenario *s, const sim_phrasebook *pb, uint64_t seed)
{
    char err[256];
    memset(r, 0, sizeof *r);
    r->w = sim_world_new(s, NULL, seed, NULL, err, sizeof err);
    if (!r->w)
        return -1;
    sim_world_set_phrases(r->w, pb);
    while (!sim_is_over(r->w) && r->w->n_posts < POSTS_MAX)
        if (sim_step(r->w))
            return -1;
    r->n = (int)r->w->n_posts;
    r->zh = calloc((size_t)r->n + 1, sizeof *r->zh);
    r->en = calloc((size_t)r->n + 1, sizeof *r->en);
    for (int i = 0; i < r->n; i++) {
        const sim_post *p = sim_feed_find(r->w, (uint32_t)i + 1);
        sim_post_text(r->w, p, "zh", r->zh[i], sizeof r->zh[i]);
        sim_post_text(r->w, p, "en", r->en[i], sizeof r->en[i]);
    }
    return 0;
}

static void free_run(feed_run *r)
{
    sim_world_free(r->w);
    free(r->zh);
    free(r->en);
}

/* Index of the first post whose text repeats one of the 49 before it, or -1. */
static int repeat_within(char (*texts)[1024], int n, int window)
{
    for (int i = 0; i < n; i++)
        for (int j = i - window + 1; j < i; j++)
            if (j >= 0 && strcmp(texts[i], texts[j]) == 0)
                return i;
    return -1;
}

static void check_personas(const sim_world *w)
{
    int seen[4] = {0};
    for (uint32_t id = 1; id <= w->n_posts && id <= SIM_FEED_CAP; id++) {
        const sim_post *p = sim_feed_find(w, id);
        sim_persona a, b;
        sim_persona_of(w, p->account, "zh", &a);
        sim_persona_of(w, p->account, "en", &b);
        sim_badge want = p->author == SIM_AUTHOR_LEADER ? SIM_BADGE_GOLD
                         : p->author == SIM_AUTHOR_USER ? SIM_BADGE_NONE : SIM_BADGE_BLUE;
        if (a.badge != want || !a.name[0] || !b.name[0] || !a.glyph[0] || a.followers == 0 ||
            a.followers != b.followers) {
            CHECK_MSG(0, "post %u: persona %s (badge %d, want %d, %u followers) for author kind %d", id, a.name,
                      a.badge, want, a.followers, p->author);
            return;
        }
        seen[p->author] = 1;
    }
    CHECK_MSG(seen[SIM_AUTHOR_USER] && (seen[SIM_AUTHOR_LEADER] || seen[SIM_AUTHOR_MEDIA]),
              "the feed has posts of netizens and of amplifiers");
}

static void check_reposts(const feed_run *r)
{
    int reposts = 0;
    for (int i = 0; i < r->n; i++) {
        const sim_post *p = sim_feed_find(r->w, (uint32_t)i + 1);
        if (!p->repost_of)
            continue;
        const sim_post *o = sim_feed_find(r->w, p->repost_of);
        sim_persona who = {.name = "?"};
        if (o)
            sim_persona_of(r->w, o->account, "zh", &who);
        char quote[256];
        snprintf(quote, sizeof quote, "//@%s：", who.name);
        const char *at = strstr(r->zh[i], quote), *orig = r->zh[p->repost_of - 1];
        /* An original post is quoted whole after the handle. */
        int quoted = at && (o->repost_of || strncmp(at + strlen(quote), orig, strlen(orig)) == 0);
        if (!o || o->stance != p->stance || !quoted) {
            CHECK_MSG(0, "post %d should quote post %u of the same stance: %s", i + 1, p->repost_of, r->zh[i]);
            return;
        }
        reposts++;
    }
    CHECK_MSG(reposts > r->n / 10, "%d of %d posts are reposts", reposts, r->n);
}

/* English reads in sentence case where template, slot and phrasing meet: every post and quoted post
 * begins with a capital, and a word the template or a slot starts with is small mid-sentence ("I heard
 * that the officers…", "Honestly, how is…"), while "I" and names keep theirs. */
static void check_english_case(const feed_run *r)
{
    static const char *const seams[] = {"that ", ", ", ": ", "says "};
    static const char *const sentence_words[] = {"The ", "A ", "How ", "Let's ", "Since ", "Where ", "First ",
                                                 "Water ", "More ", "Twenty ", NULL};
    int small_seen = 0;
    for (int i = 0; i < r->n; i++) {
        const char *t = r->en[i];
        CHECK_MSG(!(t[0] >= 'a' && t[0] <= 'z'), "en post %d starts small: %s", i + 1, t);
        for (const char *q = strstr(t, "//@"); q; q = strstr(q + 1, "//@")) {
            const char *quoted = strchr(q, ':');
            CHECK_MSG(!quoted || !(quoted[2] >= 'a' && quoted[2] <= 'z'), "en post %d quotes a post starting small: %s",
                      i + 1, t);
        }
        for (size_t k = 0; k < sizeof seams / sizeof *seams; k++)
            for (const char *at = strstr(t, seams[k]); at; at = strstr(at + 1, seams[k])) {
                const char *after = at + strlen(seams[k]);
                const char *handle = at;
                while (handle > t && handle[-1] != '@' && handle[-1] != ' ')
                    handle--;
                if (handle > t && handle[-1] == '@')
                    continue;   /* "//@name: " quotes a whole post */
                for (int j = 0; sentence_words[j]; j++)
                    CHECK_MSG(strncmp(after, sentence_words[j], strlen(sentence_words[j])) != 0,
                              "en post %d has a capital mid-sentence: %s", i + 1, t);
                small_seen += strncmp(after, "the ", 4) == 0;
            }
    }
    CHECK_MSG(small_seen > 0, "some en post puts a slot or template mid-sentence in small letters");
}

int main(void)
{
    char err[512] = "";
    sim_phrasebook pb;
    CHECK_MSG(score_phrases_load(YQ_SOURCE_DIR "/assets/feed/phrases.json", &pb, err, sizeof err) == 0, "%s", err);

    sim_scenario s;
    sim_scenario_init(&s);
    scn_script *sc = NULL;
    scn_problems probs = {0};
    CHECK(scn_load(YQ_SOURCE_DIR "/scenarios/city_video", 1, &s, &sc, &probs) == 0);
    scn_problems_free(&probs);

    feed_run a, b;
    CHECK(run_feed(&a, &s, &pb, 11) == 0);
    CHECK_MSG(a.n >= 200, "the drill posts enough to judge variety (%d)", a.n);
    int rz = repeat_within(a.zh, a.n, SIM_FEED_DISTINCT), re = repeat_within(a.en, a.n, SIM_FEED_DISTINCT);
    CHECK_MSG(rz < 0, "zh post %d repeats one of the 49 before it: %s", rz + 1, rz >= 0 ? a.zh[rz] : "");
    CHECK_MSG(re < 0, "en post %d repeats one of the 49 before it: %s", re + 1, re >= 0 ? a.en[re] : "");
    check_personas(a.w);
    check_reposts(&a);
    check_english_case(&a);

    /* Same seed, same feed: texts, personas, engagement and the world hash. */
    CHECK(run_feed(&b, &s, &pb, 11) == 0);
    CHECK(a.n == b.n);
    int same = a.n == b.n;
    for (int i = 0; same && i < a.n; i++) {
        const sim_post *p = sim_feed_find(a.w, (uint32_t)i + 1), *q = sim_feed_find(b.w, (uint32_t)i + 1);
        sim_persona pa, pb2;
        sim_persona_of(a.w, p->account, "zh", &pa);
        sim_persona_of(b.w, q->account, "zh", &pb2);
        sim_engagement ea = sim_post_engagement(a.w, p), eb = sim_post_engagement(b.w, q);
        same = strcmp(a.zh[i], b.zh[i]) == 0 && strcmp(a.en[i], b.en[i]) == 0 && memcmp(&pa, &pb2, sizeof pa) == 0 &&
               memcmp(&ea, &eb, sizeof ea) == 0;
    }
    CHECK_MSG(same, "two runs with seed 11 give the same feed");
    CHECK(sim_hash(a.w) == sim_hash(b.w));
    free_run(&b);

    /* Another seed, another feed; the world's own model is not moved by the phrasing. */
    feed_run bare;
    CHECK(run_feed(&b, &s, &pb, 12) == 0);
    CHECK_MSG(b.n != a.n || strcmp(a.zh[a.n - 1], b.zh[b.n - 1]) != 0, "seed 12 gives another feed");
    CHECK(run_feed(&bare, &s, NULL, 11) == 0);
    CHECK_MSG(bare.n == a.n && bare.w->m.posts_per_hour == a.w->m.posts_per_hour && bare.w->m.trust == a.w->m.trust,
              "the phrasebook does not change the world's model (%d vs %d posts)", bare.n, a.n);
    const sim_post *last = sim_feed_find(a.w, 5);
    sim_engagement early = sim_post_engagement(a.w, last);
    CHECK_MSG(early.likes > 0, "an old post has likes by the end (%u)", early.likes);
    free_run(&bare);
    free_run(&b);
    free_run(&a);

    /* A drill written only in Chinese keeps its posts Chinese in the English interface. */
    sim_scenario k;
    sim_scenario_init(&k);
    scn_script *ksc = NULL;
    CHECK(scn_load(YQ_SOURCE_DIR "/scenarios/kindergarten", 1, &k, &ksc, &probs) == 0);
    scn_problems_free(&probs);
    CHECK(run_feed(&a, &k, &pb, 11) == 0);
    int mixed = -1;
    for (int i = 0; i < a.n && mixed < 0; i++)
        if (!sim_feed_find(a.w, (uint32_t)i + 1)->repost_of && strcmp(a.zh[i], a.en[i]) != 0)
            mixed = i;
    CHECK_MSG(a.n > 0 && mixed < 0, "kindergarten post %d reads '%s' in English", mixed + 1, mixed >= 0 ? a.en[mixed] : "");
    free_run(&a);
    scn_free(ksc);
    sim_scenario_free(&k);

    /* A pair with one language missing names its list. */
    const char *bad_path = "test_feed_text_bad.json";
    FILE *f = fopen(bad_path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs("{\"opener\": [[\"刚刷到，\"]]}", f);
        fclose(f);
    }
    sim_phrasebook bad;
    CHECK(score_phrases_load(bad_path, &bad, err, sizeof err) == -1 && strstr(err, "$.opener"));
    remove(bad_path);

    scn_free(sc);
    sim_scenario_free(&s);
    sim_phrasebook_free(&pb);
    return CHECK_DONE();
}
