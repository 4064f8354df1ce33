/* test_text.c — reading statements: normalisation (width, case, punctuation, Chinese numerals,
 * idioms), spans back into the original, number extraction, fact citing and lexicon hits. */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "score/score.h"
#include "sim/text.h"

/* ---- a hand-built scenario ------------------------------------------------------------- */

typedef struct fact_def {
    const char *id, *zh, *en;
    int has_value;
    double value;
    const char *unit;
    const char *syn[8];
} fact_def;

static const fact_def fact_defs[] = {
    {"injured", "事故造成3人受伤", "3 people were injured", 1, 3, "人",
     {"受伤", "伤者", "轻伤", "injured", "hurt"}},
    {"dead", "事故造成1人死亡", "1 person died", 1, 1, "人", {"死亡", "遇难", "身亡", "died", "dead", "killed"}},
    {"loss", "直接经济损失约50万元", NULL, 1, 50, "万元", {"经济损失", "损失", "loss", "damage"}},
    {"crowd", "现场一度聚集约200人", NULL, 1, 200, "人", {"聚集", "围观", "gathered", "crowd"}},
    {"depth", "塌陷深度3.5米", NULL, 1, 3.5, "米", {"塌陷深度", "深约", "深达", "deep", "depth"}},
    {"restore", "已恢复供水30%", NULL, 1, 30, "%", {"恢复供水", "恢复", "restored"}},
    {"cause", "水管爆裂", "a burst water main", 0, 0, NULL, {"管道破裂", "水管破裂", "burst pipe", "pipe burst"}},
    {"place", "人民路与解放路交叉口", "Renmin Road", 0, 0, NULL, {"人民路", "解放路口"}},
    {"households", "停水影响1200户", NULL, 1, 1200, "户", {"停水", "受影响", "affected", "without water"}},
    {"teams", "已派出5支抢修队", NULL, 1, 5, "支", {"抢修队", "repair crews", "5支抢修队"}},
};
#define N_FACTS ((int)(sizeof fact_defs / sizeof fact_defs[0]))

static sim_fact facts[N_FACTS];
static char *syn_items[N_FACTS][8];
static sim_scenario scn;

static void scenario_build(void)
{
    memset(&scn, 0, sizeof scn);
    memset(facts, 0, sizeof facts);
    for (int i = 0; i < N_FACTS; i++) {
        const fact_def *d = &fact_defs[i];
        sim_fact *f = &facts[i];
        f->id = (char *)d->id;
        f->text.zh = (char *)d->zh;
        f->text.en = (char *)d->en;
        f->has_value = d->has_value;
        f->value = d->value;
        f->unit = (char *)d->unit;
        f->kind = (char *)(d->has_value ? "number" : "other");
        f->verified_at = SIM_NEVER;
        int n = 0;
        while (n < 8 && d->syn[n]) {
            syn_items[i][n] = (char *)d->syn[n];
            n++;
        }
        f->synonyms.items = syn_items[i];
        f->synonyms.count = n;
    }
    scn.facts = facts;
    scn.n_facts = N_FACTS;
}

/* ---- a hand-filled lexicon ------------------------------------------------------------ */

static const char *const lex_words[SIM_LEX_COUNT][10] = {
    [SIM_LEX_OFFICIALESE] = {"根据有关文件精神", "无可奉告", "高度重视", "有关部门", "no comment", "relevant departments"},
    [SIM_LEX_APOLOGY] = {"道歉", "致歉", "歉意", "对不起", "sorry", "apologise", "apologize"},
    [SIM_LEX_EMPATHY] = {"理解", "心情", "关切", "慰问", "understand", "your concern", "sympathy"},
    [SIM_LEX_THANKS] = {"感谢", "谢谢", "thank", "grateful"},
    [SIM_LEX_CONTACT] = {"热线", "电话", "拨打", "12345", "hotline", "call us", "contact"},
    [SIM_LEX_NEXT_UPDATE] = {"及时发布", "持续通报", "后续", "调查结果将", "further updates", "will follow"},
    [SIM_LEX_BLAME] = {"临时工", "不明真相的群众", "别有用心", "temporary worker", "do not know the truth"},
    [SIM_LEX_MEASURE] = {"已成立", "调查组", "派出", "赶赴现场", "救治", "排查", "set up", "investigat", "dispatched"},
};

static sim_lexicon lex;
static char *lex_items[SIM_LEX_COUNT][10];

static void lexicon_build(void)
{
    for (int k = 0; k < SIM_LEX_COUNT; k++) {
        int n = 0;
        while (n < 10 && lex_words[k][n]) {
            lex_items[k][n] = (char *)lex_words[k][n];
            n++;
        }
        lex.words[k].items = lex_items[k];
        lex.words[k].count = n;
    }
}

/* ---- the matcher's view per fact: the first figure or phrase that states it, and the first wrong
 * figure, built from sim_fact_scan's mentions (positive cores and bare keywords left out) ------- */

enum { USE_CITED, USE_WRONG };

typedef struct fact_hit {
    int fact, use;
    double stated;
    sim_span span;
} fact_hit;

#define MAX_HITS 32

typedef struct analysis {
    fact_hit facts[MAX_HITS];
    int n_facts;
    sim_span lex[SIM_LEX_COUNT];
    int lex_hits[SIM_LEX_COUNT];
    int chars;
} analysis;

static int hit_cmp(const void *pa, const void *pb)
{
    const fact_hit *a = pa, *b = pb;
    if (a->span.start != b->span.start)
        return a->span.start < b->span.start ? -1 : 1;
    return a->fact != b->fact ? a->fact - b->fact : a->use - b->use;
}

static int analyse(const char *text, const sim_scenario *s, const sim_lexicon *lx, analysis *out)
{
    memset(out, 0, sizeof *out);
    if (!text)
        text = "";
    out->chars = sim_utf8_chars(text);
    sim_norm n;
    if (sim_norm_make(&n, text))
        return -1;
    sim_fact_mentions fm = {0};
    int rc = sim_lex_scan(&n, lx, NULL, 0, out->lex, out->lex_hits);
    if (rc == 0 && s)
        rc = sim_fact_scan(text, &n, s, NULL, lx, &fm);
    for (int i = 0; rc == 0 && i < fm.count; i++) {
        const sim_fact_mention *x = &fm.items[i];
        if (x->inverted || (s->facts[x->fact].has_value && !x->has_number))
            continue;
        int use = x->fits ? USE_CITED : USE_WRONG, seen = 0;
        for (int k = 0; k < out->n_facts; k++)
            seen |= out->facts[k].fact == x->fact && out->facts[k].use == use;
        if (!seen && out->n_facts < MAX_HITS)
            out->facts[out->n_facts++] = (fact_hit){x->fact, use, x->stated, x->span};
    }
    qsort(out->facts, (size_t)out->n_facts, sizeof *out->facts, hit_cmp);
    free(fm.items);
    sim_norm_free(&n);
    return rc;
}

/* ---- helpers ---------------------------------------------------------------------------- */

/* "id=v" for a cited fact, "id!v" for a wrong number, facts in scenario order, cited first. */
static void hits_string(const analysis *an, char *out, size_t len)
{
    out[0] = '\0';
    size_t used = 0;
    for (int f = 0; f < N_FACTS; f++) {
        for (int use = USE_CITED; use <= USE_WRONG; use++) {
            for (int i = 0; i < an->n_facts; i++) {
                const fact_hit *h = &an->facts[i];
                if (h->fact != f || (int)h->use != use)
                    continue;
                char v[32] = "";
                if (facts[f].has_value)
                    snprintf(v, sizeof v, "%g", h->stated);
                used += (size_t)snprintf(out + used, len - used, "%s%s%c%s", used ? " " : "", facts[f].id,
                                         use == USE_CITED ? '=' : '!', v);
            }
        }
    }
}

static void lex_string(const analysis *an, char *out, size_t len)
{
    out[0] = '\0';
    size_t used = 0;
    for (int k = 0; k < SIM_LEX_COUNT; k++)
        if (an->lex_hits[k] > 0)
            used += (size_t)snprintf(out + used, len - used, "%s%s", used ? " " : "", sim_lex_name((sim_lex_kind)k));
}

static int span_is(const char *src, sim_span s, const char *want)
{
    return s.len == (int)strlen(want) && strncmp(src + s.start, want, (size_t)s.len) == 0;
}

/* ---- normalisation ------------------------------------------------------------------------ */

static void test_normalise(void)
{
    static const struct { const char *in, *out; } cases[] = {
        {"三十二人受伤", "32人受伤"},
        {"十二", "12"},
        {"两百元", "200元"},
        {"一百零五", "105"},
        {"三千五百", "3500"},
        {"三千五", "3500"},
        {"两万五千", "25000"},
        {"1.2万", "12000"},
        {"3万人", "30000人"},
        {"2.5亿元", "250000000元"},
        {"十万", "100000"},
        {"一亿二千万", "120000000"},
        {"一千零五十", "1050"},
        {"3万5千", "35000"},
        {"50 万元", "500000元"},
        {"百分之三十", "30%"},
        {"百分之百", "100%"},
        {"百分之30", "30%"},
        {"百分之３．５", "3.5%"},
        {"约百分之，二", "约百分之2"},
        {"1,200人", "1200人"},
        {"1,200,300", "1200300"},
        {"3,5000", "3 5000"},
        {"1，200", "1 200"},
        {"３２名", "32名"},
        {"Ｈｅｌｌｏ，　Ｗｏｒｌｄ！", "helloworld"},
        {"“你好”、《报告》（附件）【通知】……——", "你好报告附件通知"},
        {"14:30", "14 30"},
        {"3-5人", "3 5人"},
        {"二〇二四年三月五日", "2024年3月5日"},
        {"零伤亡", "0伤亡"},
        {"3.5米", "3.5米"},
        {"共3.", "共3"},
        {"COVID-19", "covid19"},
        {"一定 一起 统一 万一 一些", "一定一起统一万一一些"},
        {"我们十分重视，第一时间处置", "我们十分重视第一时间处置"},
        {"一是救治，二是排查", "一是救治二是排查"},
        {"老百姓千万不要相信", "老百姓千万不要相信"},
        {"发生一起事故，一人受伤", "发生一起事故1人受伤"},
        {"第三次", "第3次"},
        {"", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sim_norm n;
        CHECK(sim_norm_make(&n, cases[i].in) == 0);
        CHECK_STR(n.text, cases[i].out);
        CHECK(n.len == (int)strlen(n.text));
        CHECK(n.src_len == (int)strlen(cases[i].in));
        sim_norm_free(&n);
    }
    sim_norm n;
    CHECK(sim_norm_make(&n, NULL) == 0 && n.len == 0 && n.text && n.text[0] == '\0');
    sim_norm_free(&n);
    sim_norm_free(&n);
}

static void test_find_and_spans(void)
{
    static const struct { const char *text, *phrase, *want; int found; } cases[] = {
        {"受伤人数为３２人", "32人", "３２人", 1},
        {"受伤人数为三十二人", "32人", "三十二人", 1},
        {"百分之三十的用户", "30%", "百分之三十", 1},
        {"ＨＥＬＬＯ World", "hello", "ＨＥＬＬＯ", 1},
        {"请拨打 热线：12345", "热线12345", "热线：12345", 1},
        {"We are SORRY.", "sorry", "SORRY", 1},
        {"伤者13人", "3人", NULL, 0},
        {"伤者3.5人", "3人", NULL, 0},
        {"共31人", "3", NULL, 0},
        {"because of rain", "cause", NULL, 0},
        {"we thank you", "thank", "thank", 1},
        {"thanks to all", "thank", "thank", 1},
        {"我们一定", "1定", NULL, 0},
        {"事故", "", NULL, 0},
        {"事故", "，。", NULL, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sim_norm n;
        sim_span s = {-1, -1};
        CHECK(sim_norm_make(&n, cases[i].text) == 0);
        int at = sim_norm_find(&n, cases[i].phrase, 0, &s);
        CHECK_MSG((at >= 0) == cases[i].found, "%s / %s", cases[i].text, cases[i].phrase);
        if (cases[i].found && at >= 0)
            CHECK_MSG(span_is(cases[i].text, s, cases[i].want), "%s: span %d+%d", cases[i].text, s.start, s.len);
        sim_norm_free(&n);
    }

    /* from: the second occurrence, and none past the end. */
    sim_norm n;
    sim_norm_make(&n, "受伤，受伤");
    sim_span s;
    int first = sim_norm_find(&n, "受伤", 0, &s);
    int second = sim_norm_find(&n, "受伤", first + 1, &s);
    CHECK(first == 0 && second > first);
    CHECK(s.start == (int)strlen("受伤，"));
    CHECK(sim_norm_find(&n, "受伤", n.len, NULL) < 0);

    /* find_any: the earliest word wins, and which names it. */
    static char *words[] = {"受伤", "，受", "伤，受"};
    sim_strlist wl = {words, 3};
    int which = -1;
    CHECK(sim_norm_find_any(&n, &wl, &s, &which) == 0);
    CHECK(which == 0);
    CHECK(s.start == 0);
    static char *none[] = {"死亡", "sorry"};
    sim_strlist nl = {none, 2};
    CHECK(sim_norm_find_any(&n, &nl, &s, &which) == -1);
    sim_norm_free(&n);

    /* span of a whole normalised range and of an empty range. */
    sim_norm_make(&n, "事故造成 ３人 受伤");
    s = sim_norm_span(&n, 0, n.len);
    CHECK(s.start == 0 && s.len == (int)strlen("事故造成 ３人 受伤"));
    s = sim_norm_span(&n, n.len, n.len);
    CHECK(s.len == 0);
    sim_norm_free(&n);
}

static void test_numbers(void)
{
    static const struct { const char *text; int count; double v[4]; const char *digits[4]; } cases[] = {
        {"3人受伤，1人死亡", 2, {3, 1}, {"3", "1"}},
        {"损失1.2万元，约两百人围观", 2, {12000, 200}, {"1.2万", "两百"}},
        {"百分之三十的用户和１，２００户", 3, {30, 1, 200}, {"百分之三十", "１", "２００"}},
        {"共1,200户", 1, {1200}, {"1,200"}},
        {"2024年3月5日14:30", 5, {2024, 3, 5, 14}, {"2024", "3", "5", "14"}},
        {"一百零五和3.25", 2, {105, 3.25}, {"一百零五", "3.25"}},
        {"我们一定会统一部署", 0, {0}, {NULL}},
        {"", 0, {0}, {NULL}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sim_norm n;
        sim_number out[8];
        sim_norm_make(&n, cases[i].text);
        int k = sim_norm_numbers(&n, out, 8);
        CHECK_MSG(k == cases[i].count, "%s: %d numbers", cases[i].text, k);
        for (int j = 0; j < k && j < 4 && cases[i].digits[j]; j++) {
            CHECK_NEAR(out[j].value, cases[i].v[j], 1e-9);
            CHECK_MSG(span_is(cases[i].text, out[j].span, cases[i].digits[j]), "%s #%d", cases[i].text, j);
            CHECK(out[j].norm_end > out[j].norm_start);
        }
        sim_norm_free(&n);
    }
    /* max is honoured. */
    sim_norm n;
    sim_number one[1];
    sim_norm_make(&n, "1 2 3 4");
    CHECK(sim_norm_numbers(&n, one, 1) == 1 && one[0].value == 1);
    sim_norm_free(&n);
}

/* ---- analysis ------------------------------------------------------------------------------ */

static const struct {
    const char *text, *hits, *lex;
} statements[] = {
    /* verified vs wrong numbers, told apart by keywords */
    {"事故造成3人受伤，1人死亡。", "injured=3 dead=1", ""},
    {"事故造成5人受伤，1人死亡。", "injured!5 dead=1", ""},
    {"事故造成三人受伤、一人死亡", "injured=3 dead=1", ""},
    {"1人死亡，3人受伤", "injured=3 dead=1", ""},
    {"3人受伤1人死亡", "injured=3 dead=1", ""},
    {"受伤3人死亡1人", "injured=3 dead=1", ""},
    {"受伤3人，死亡2人", "injured=3 dead!2", ""},
    {"轻伤２人、死亡１人", "injured!2 dead=1", ""},
    {"目前共有３名伤者在医院接受治疗", "injured=3", ""},
    {"造成３人受伤", "injured=3", ""},
    {"3 人 受 伤", "injured=3", ""},
    {"伤者13人", "injured!13", ""},
    {"死亡人数为0", "dead!0", ""},
    {"本次事故零死亡", "dead!0", ""},
    {"此前通报的5人受伤有误，经核实为3人受伤", "injured=3 injured!5", ""},
    {"3 people were injured and 1 died.", "injured=3 dead=1", ""},
    {"No one was killed; 2 people were hurt.", "injured!2", ""},
    {"Three people were injured.", "injured=3", ""},
    {"Twenty-three people were injured.", "injured!23", ""},
    /* keyword without a number cites nothing */
    {"事故未造成人员死亡", "", ""},
    {"截至目前，无人员死亡，受伤人员正在救治", "", "measure"},
    /* units, multipliers and approximations */
    {"经济损失约50万元", "loss=50", ""},
    {"经济损失500000元", "loss=50", ""},
    {"直接经济损失达80万元", "loss!80", ""},
    {"经济损失2.5亿元", "loss!25000", ""},
    {"现场聚集约两百人", "crowd=200", ""},
    {"现场围观群众一度达到500余人", "crowd!500", ""},
    {"200多人聚集", "crowd=200", ""},
    {"100多人聚集", "crowd!100", ""},
    {"十几人受伤", "", ""},   /* 十几 is vague: no figure, so no wrong figure (READING.md) */
    /* financial capitals: a run, or one before a counting character; alone they are words */
    {"共有叁人受伤", "injured=3", ""},
    {"直接经济损失伍拾万元", "loss=50", ""},
    {"伤员陆续送医，救援队伍到场", "", ""},
    {"现场聚集的200人中有3人受伤", "injured=3 crowd=200", ""},
    {"塌陷深度约为3.5米", "depth=3.5", ""},
    {"路面塌陷深达5米", "depth!5", ""},
    {"百分之三十的用户已恢复供水", "restore=30", ""},
    {"供水已恢复30%", "restore=30", ""},
    {"停水影响1,200户居民", "households=1200", ""},
    {"about 1,200 households are without water", "households=1200", ""},
    {"已派出5支抢修队", "teams=5", "measure"},
    {"已派出3支抢修队", "teams!3", "measure"},
    /* a unit alone confirms but never contradicts */
    {"涉及1200户", "households=1200", ""},
    {"涉及800户", "", ""},
    {"我们派出50人赶赴现场", "", "measure"},
    /* numbers that are not about facts */
    {"5月3日受伤3人", "injured=3", ""},
    {"14:30受伤人员送医", "", ""},
    {"第3名伤者已经出院", "", ""},
    {"受伤人员被送往3家医院", "", ""},
    {"我们一定会统一部署，一些受伤群众已经出院", "", ""},
    {"第一时间赶赴现场救治受伤人员", "", "measure"},
    {"一是全力救治3名伤者，二是排查隐患", "injured=3", "measure"},
    {"发生一起路面塌陷，3人受伤", "injured=3", ""},
    /* facts without a value: text and synonyms */
    {"初步判断为水管爆裂", "cause=", ""},
    {"The cause was a burst pipe.", "cause=", ""},
    {"事发地点位于人民路", "place=", ""},
    {"Renmin Road has been closed", "place=", ""},
    /* lexicon */
    {"根据有关文件精神，此事系临时工所为，不明真相的群众请勿聚集", "", "officialese blame"},
    {"无可奉告", "", "officialese"},
    {"对此我们深表歉意，感谢网友监督，如有疑问请拨打热线12345，调查结果将及时发布", "",
     "apology thanks contact next_update"},
    {"我们理解大家的心情，已成立调查组", "", "empathy measure"},
    {"We sincerely apologise and thank the public. Please call us on the hotline; further updates will follow.",
     "", "apology thanks contact next_update"},
    {"We understand your concerns and have set up an investigation team.", "", "empathy measure"},
    {"The workers who do not know the truth were dispatched", "", "blame measure"},
    {"", "", ""},
};

static void test_statements(void)
{
    for (size_t i = 0; i < sizeof statements / sizeof statements[0]; i++) {
        analysis an;
        char hits[256], lx[256];
        CHECK(analyse(statements[i].text, &scn, &lex, &an) == 0);
        hits_string(&an, hits, sizeof hits);
        lex_string(&an, lx, sizeof lx);
        CHECK_MSG(strcmp(hits, statements[i].hits) == 0, "\"%s\": facts [%s], want [%s]", statements[i].text, hits,
                  statements[i].hits);
        CHECK_MSG(strcmp(lx, statements[i].lex) == 0, "\"%s\": lexicon [%s], want [%s]", statements[i].text, lx,
                  statements[i].lex);
        CHECK(an.chars == sim_utf8_chars(statements[i].text));
        for (int h = 0; h < an.n_facts; h++) {
            const sim_span *s = &an.facts[h].span;
            CHECK(s->start >= 0 && s->len > 0 && s->start + s->len <= (int)strlen(statements[i].text));
        }
    }
}

static void test_hit_spans(void)
{
    const char *t = "据核实，３人受伤。对此我们深表歉意。";
    analysis an;
    CHECK(analyse(t, &scn, &lex, &an) == 0);
    CHECK(an.n_facts == 1);
    CHECK(an.facts[0].fact == 0 && an.facts[0].use == USE_CITED);
    CHECK_MSG(span_is(t, an.facts[0].span, "３人受伤"), "span %d+%d", an.facts[0].span.start, an.facts[0].span.len);
    CHECK(span_is(t, an.lex[SIM_LEX_APOLOGY], "歉意"));
    CHECK(an.lex_hits[SIM_LEX_APOLOGY] == 1);
    CHECK(an.lex[SIM_LEX_BLAME].len == 0 && an.lex_hits[SIM_LEX_BLAME] == 0);
    CHECK(an.chars == 18);

    const char *u = "受伤人员中，伤者人数为三十二人";
    CHECK(analyse(u, &scn, &lex, &an) == 0);
    CHECK(an.n_facts == 1 && an.facts[0].use == USE_WRONG && an.facts[0].stated == 32);
    CHECK(span_is(u, an.facts[0].span, "伤者人数为三十二人"));

    /* hits come in text order */
    const char *v = "现场聚集约200人；事故造成5人受伤";
    CHECK(analyse(v, &scn, &lex, &an) == 0);
    CHECK(an.n_facts == 2 && an.facts[0].fact == 3 && an.facts[1].fact == 0);
    CHECK(an.facts[0].span.start < an.facts[1].span.start);

    /* two lexicon words: count both, span the earliest */
    const char *w = "感谢关注，谢谢大家";
    CHECK(analyse(w, &scn, &lex, &an) == 0);
    CHECK(an.lex_hits[SIM_LEX_THANKS] == 2 && span_is(w, an.lex[SIM_LEX_THANKS], "感谢"));
}

/* A scenario with one count of people and one count of households: a unit alone identifies the
 * households but never the people; repeated synonyms do not multiply a keyword. */
static void test_unit_only(void)
{
    static char *syn_injured[] = {"受伤", "受 伤"}, *syn_homes[] = {"停水"};
    sim_fact two[2];
    memset(two, 0, sizeof two);
    two[0] = (sim_fact){.id = "injured", .text = {"2人受伤", NULL}, .has_value = 1, .value = 2, .unit = "人",
                        .synonyms = {syn_injured, 2}};
    two[1] = (sim_fact){.id = "homes", .text = {"停水2300户", NULL}, .has_value = 1, .value = 2300, .unit = "户",
                        .synonyms = {syn_homes, 1}};
    sim_scenario small;
    memset(&small, 0, sizeof small);
    small.facts = two;
    small.n_facts = 2;
    analysis an;
    CHECK(analyse("邀请两位专家解读", &small, NULL, &an) == 0 && an.n_facts == 0);
    CHECK(analyse("一名工作人员在现场", &small, NULL, &an) == 0 && an.n_facts == 0);
    CHECK(analyse("受伤2人", &small, NULL, &an) == 0 && an.n_facts == 1 && an.facts[0].fact == 0);
    CHECK(analyse("涉及2300户居民", &small, NULL, &an) == 0 && an.n_facts == 1 && an.facts[0].fact == 1 &&
          an.facts[0].use == USE_CITED);
    CHECK(analyse("涉及2000户居民", &small, NULL, &an) == 0 && an.n_facts == 0);
    /* two synonyms that normalise alike are one keyword: it pairs with one number only */
    CHECK(analyse("2人受伤5人", &small, NULL, &an) == 0 && an.n_facts == 1 &&
          an.facts[0].use == USE_CITED);
}

static void test_edge_inputs(void)
{
    analysis an;
    CHECK(analyse(NULL, &scn, &lex, &an) == 0 && an.n_facts == 0 && an.chars == 0);
    CHECK(analyse("3人受伤", NULL, NULL, &an) == 0 && an.n_facts == 0 && an.lex_hits[0] == 0);
    CHECK(analyse("3人受伤，感谢", &scn, NULL, &an) == 0 && an.n_facts == 1);
    CHECK(sim_utf8_chars("") == 0 && sim_utf8_chars(NULL) == 0 && sim_utf8_chars("a受😀") == 3);

    /* invalid bytes are skipped, the rest still reads */
    const char *bad = "\xff\xfe" "3\xc0\xaf人受伤\xed\xa0\x80，\xe5\x8f";
    CHECK(analyse(bad, &scn, &lex, &an) == 0);
    CHECK(an.n_facts == 1 && an.facts[0].fact == 0 && an.facts[0].use == USE_CITED);
    CHECK(an.chars == 5);
    sim_norm n;
    CHECK(sim_norm_make(&n, bad) == 0);
    CHECK_STR(n.text, "3人受伤");
    sim_norm_free(&n);

    /* random bytes: never crash, map and end stay inside the source, text stays valid */
    uint32_t x = 12345u;
    char buf[512];
    int ok = 1;
    for (int round = 0; round < 300; round++) {
        int len = (int)(x % 500);
        for (int i = 0; i < len; i++) {
            x = x * 1664525u + 1013904223u;
            buf[i] = (char)(x >> 24 ? x >> 24 : 1);
        }
        buf[len] = '\0';
        if (sim_norm_make(&n, buf) != 0 || analyse(buf, &scn, &lex, &an) != 0) {
            ok = 0;
            break;
        }
        for (int i = 0; i < n.len; i++)
            if (n.map[i] < 0 || n.end[i] > n.src_len || n.end[i] < n.map[i] || (i && n.map[i] < n.map[i - 1]))
                ok = 0;
        for (int h = 0; h < an.n_facts; h++)
            if (an.facts[h].span.start < 0 || an.facts[h].span.start + an.facts[h].span.len > len)
                ok = 0;
        ok = ok && (int)strlen(n.text) == n.len;
        sim_norm_free(&n);
    }
    CHECK(ok);

    /* a long statement: many hits are capped, every hit valid */
    size_t cap = 64 * 1024, used = 0;
    char *big = malloc(cap);
    for (int i = 0; i < 400 && used + 64 < cap; i++)
        used += (size_t)snprintf(big + used, cap - used, "%d人受伤，", i % 7);
    CHECK(analyse(big, &scn, &lex, &an) == 0);
    CHECK(an.n_facts == 2);
    free(big);
}

static void test_lexicon_names(void)
{
    static const char *const want[SIM_LEX_COUNT] = {
        "officialese", "apology", "empathy", "thanks", "contact", "next_update", "blame", "measure",
        "negation", "not_negation", "report", "denial", "confirm", "hedge", "conditional", "question",
        "topic", "anaphor", "assert", "historical", "subject", "conjunction", "cause", "vague", "others",
        "correction"};
    for (int k = 0; k < SIM_LEX_COUNT; k++)
        CHECK_STR(sim_lex_name((sim_lex_kind)k), want[k]);
    CHECK_STR(sim_lex_name(SIM_LEX_COUNT), "");

    sim_lexicon owned;
    memset(&owned, 0, sizeof owned);
    owned.words[SIM_LEX_THANKS].items = malloc(2 * sizeof(char *));
    owned.words[SIM_LEX_THANKS].items[0] = malloc(8);
    strcpy(owned.words[SIM_LEX_THANKS].items[0], "thanks");
    owned.words[SIM_LEX_THANKS].count = 1;
    sim_lexicon_free(&owned);
    CHECK(owned.words[SIM_LEX_THANKS].items == NULL && owned.words[SIM_LEX_THANKS].count == 0);
    sim_lexicon_free(NULL);
}

/* The shipped lexicon loads, every word survives normalisation, and typical phrases hit. */
static void test_lexicon_asset(void)
{
    sim_lexicon real;
    char err[256] = "";
    int rc = score_lexicon_load(YQ_SOURCE_DIR "/assets/lexicon.json", &real, err, sizeof err);
    CHECK_MSG(rc == 0, "%s", err);
    if (rc)
        return;
    for (int k = 0; k < SIM_LEX_COUNT; k++) {
        CHECK_MSG(real.words[k].count >= 8, "%s has %d words", sim_lex_name((sim_lex_kind)k), real.words[k].count);
        for (int i = 0; i < real.words[k].count; i++) {
            sim_norm n;
            sim_norm_make(&n, real.words[k].items[i]);
            CHECK_MSG(n.len > 0, "word \"%s\" normalises to nothing", real.words[k].items[i]);
            sim_norm_free(&n);
        }
    }
    static const struct { const char *text; sim_lex_kind k; } samples[] = {
        {"根据有关文件精神，对此事无可奉告", SIM_LEX_OFFICIALESE},
        {"涉事人员系临时工", SIM_LEX_BLAME},
        {"少数不明真相的群众聚集", SIM_LEX_BLAME},
        {"我们向受影响的市民诚挚道歉", SIM_LEX_APOLOGY},
        {"感谢广大网友的关注和监督", SIM_LEX_THANKS},
        {"如有疑问请拨打热线12345", SIM_LEX_CONTACT},
        {"调查进展将及时向社会公布", SIM_LEX_NEXT_UPDATE},
        {"已成立联合调查组赶赴现场", SIM_LEX_MEASURE},
        {"我们理解大家的焦急心情", SIM_LEX_EMPATHY},
        {"We apologise for the disruption", SIM_LEX_APOLOGY},
        {"Further updates will be released tonight", SIM_LEX_NEXT_UPDATE},
        {"No comment.", SIM_LEX_OFFICIALESE},
    };
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        analysis an;
        analyse(samples[i].text, &scn, &real, &an);
        CHECK_MSG(an.lex_hits[samples[i].k] > 0, "\"%s\" misses %s", samples[i].text, sim_lex_name(samples[i].k));
    }
    analysis plain;
    analyse("经核实，事故造成3人受伤", &scn, &real, &plain);
    CHECK(plain.lex_hits[SIM_LEX_OFFICIALESE] == 0 && plain.lex_hits[SIM_LEX_BLAME] == 0);
    sim_lexicon_free(&real);
}

int main(void)
{
    scenario_build();
    lexicon_build();
    test_normalise();
    test_find_and_spans();
    test_numbers();
    test_statements();
    test_hit_spans();
    test_unit_only();
    test_edge_inputs();
    test_lexicon_names();
    test_lexicon_asset();
    return CHECK_DONE();
}
