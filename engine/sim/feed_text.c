/* feed_text.c — what a feed post says: its scenario template with slots filled, dressed with everyday
 * phrasing (opener, ending, a mark fitting its stance), as a repost chain "comment//@name：original", or
 * the instructor's own words as typed. */
#include "phrases.h"
#include "world_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Reposts quote at most this many posts down the chain. */
#define CHAIN_MAX 3

typedef struct out_buf {
    char *buf;
    size_t len, o;
    size_t post_start;   /* where the innermost post's own words begin: a sentence start */
} out_buf;

static void put(out_buf *b, const char *s)
{
    while (*s && b->o + 1 < b->len)
        b->buf[b->o++] = *s++;
    b->buf[b->o] = '\0';
}

static int is_upper(char c) { return c >= 'A' && c <= 'Z'; }

/* English sentence case where two pieces meet (opener and template, template and a slot's text): the
 * first letter of s is a capital at the start of a post (or a quoted one) or after . ! ? or #, and small mid-sentence unless
 * s starts with "I", an acronym ("CDC") or a name of capitalised words ("Binjiang Garden"). */
static char seam_case(const out_buf *b, const char *s)
{
    size_t i = b->o;
    while (i > 0 && b->buf[i - 1] == ' ')
        i--;
    char prev = i > b->post_start ? b->buf[i - 1] : '.';
    if (prev == '.' || prev == '!' || prev == '?' || prev == '#')
        return s[0] >= 'a' && s[0] <= 'z' ? (char)(s[0] - 'a' + 'A') : s[0];
    int pronoun_i = s[0] == 'I' && (s[1] == ' ' || s[1] == '\'' || s[1] == '\0');
    if (!is_upper(s[0]) || is_upper(s[1]) || pronoun_i)
        return s[0];
    const char *next = strchr(s, ' ');
    return next && is_upper(next[1]) ? s[0] : (char)(s[0] - 'A' + 'a');
}

static void put_template(out_buf *b, const sim_world *w, const sim_post *p, const char *lang)
{
    static const char *const slots[] = {"{place}", "{official}", "{rumour}", "{fact}"};
    const sim_scenario *s = w->scn;
    const char *src = p->tmpl >= 0 && p->tmpl < s->n_templates ? sim_text_get(&s->templates[p->tmpl].text, lang) : "";
    const char *fill[4] = {
        sim_text_get(&s->place, lang),
        sim_text_get(&s->official, lang),
        p->rumour >= 0 ? sim_text_get(&s->rumours[p->rumour].claim, lang) : "",
        p->fact >= 0 && p->fact < s->n_facts ? sim_text_get(&s->facts[p->fact].text, lang) : "",
    };
    int en = strcmp(lang, "en") == 0;
    for (const char *start = src; *src && b->o + 1 < b->len;) {
        int slot = -1;
        for (int i = 0; *src == '{' && i < 4 && slot < 0; i++)
            if (strncmp(src, slots[i], strlen(slots[i])) == 0)
                slot = i;
        if (slot < 0) {
            char c = src == start && en ? seam_case(b, src) : *src;
            b->buf[b->o++] = c;
            src++;
            continue;
        }
        if (en && *fill[slot]) {
            char c = seam_case(b, fill[slot]);
            b->buf[b->o++] = c;
            put(b, fill[slot] + 1);
        } else {
            put(b, fill[slot]);
        }
        src += strlen(slots[slot]);
    }
    b->buf[b->o] = '\0';
}

/* A word that follows another in lang: English needs a space, Chinese does not. */
static void put_word(out_buf *b, const char *s, const char *lang)
{
    if (!*s)
        return;
    if (strcmp(lang, "en") == 0 && b->o > 0 && b->buf[b->o - 1] != ' ')
        put(b, " ");
    put(b, s);
}

/* The language a post's words are in: the UI's, unless the template its chain starts from has no
 * text in it (a drill written only in Chinese stays Chinese; handles still follow the UI). */
static const char *words_lang(const sim_world *w, const sim_post *p, const char *lang)
{
    const sim_scenario *s = w->scn;
    for (int depth = 0; p && p->repost_of && depth < CHAIN_MAX; depth++)
        p = sim_feed_find(w, p->repost_of);
    if (p && p->tmpl >= 0 && p->tmpl < s->n_templates && !s->templates[p->tmpl].text.en)
        return "zh";
    return lang;
}

static void put_post(out_buf *b, const sim_world *w, const sim_post *p, const char *lang, int depth)
{
    const sim_phrasebook *pb = w->phrases;
    const sim_post *orig = p->repost_of && depth < CHAIN_MAX ? sim_feed_find(w, p->repost_of) : NULL;
    const char *words = words_lang(w, p, lang);
    if (p->action >= 0) {
        put(b, p->action < w->n_log && w->log[p->action].text ? w->log[p->action].text : "");
        return;
    }
    if (orig) {
        sim_persona who;
        sim_persona_of(w, orig->account, lang, &who);
        put(b, sim_phrase(pb, SIM_PH_REPOST_COMMENT, p->comment, words));
        put(b, "//@");
        put(b, who.name);
        put(b, strcmp(words, "en") == 0 ? ": " : "：");
        put_post(b, w, orig, lang, depth + 1);
        return;
    }
    b->post_start = b->o;
    put(b, sim_phrase(pb, SIM_PH_OPENER, p->opener, words));
    put_template(b, w, p, words);
    put_word(b, sim_phrase(pb, SIM_PH_ENDING, p->ending, words), words);
    put_word(b, sim_phrase(pb, (sim_phrase_kind)(SIM_PH_MARK_ANGRY + p->stance), p->mark, words), words);
}

const char *sim_post_text(const sim_world *w, const sim_post *p, const char *lang, char *buf, size_t len)
{
    if (len == 0)
        return buf;
    out_buf b = {buf, len, 0, 0};
    buf[0] = '\0';
    put_post(&b, w, p, lang ? lang : "zh", 0);
    return buf;
}

uint64_t sim_post_text_hash(const sim_world *w, const sim_post *p)
{
    static const char *const langs[] = {"zh", "en"};
    char text[2048];
    uint64_t h = 14695981039346656037ULL;
    for (int l = 0; l < 2; l++) {
        sim_post_text(w, p, langs[l], text, sizeof text);
        for (const char *c = text; *c; c++)
            h = (h ^ (unsigned char)*c) * 1099511628211ULL;
        h = (h ^ 0xffu) * 1099511628211ULL;
    }
    return h;
}

/* Engagement half-grows in this many hours after posting. */
#define ENGAGE_HALF_H 0.25
/* The most the heat since posting multiplies a post's engagement. */
#define ENGAGE_HEAT_MAX 4.0

sim_engagement sim_post_engagement(const sim_world *w, const sim_post *p)
{
    double age_h = (double)(w->now - p->t) / 3600.0;
    double grown = age_h > 0 ? 1.0 - exp(-age_h * 0.6931471805599453 / ENGAGE_HALF_H) : 0.0;
    double heat = sim_clamp(sqrt(fmax(w->m.peak_posts_per_hour, 1.0) / fmax(p->heat, 1.0)), 1.0, ENGAGE_HEAT_MAX);
    double g = grown * heat;
    uint32_t salt = p->id * 2654435761u;
    sim_engagement e = {
        .likes = (uint32_t)((p->reposts * 6.0 + 3.0 + salt % 41) * g),
        .comments = (uint32_t)((p->reposts * 1.2 + salt % 9) * g),
        .reposts = (uint32_t)(p->reposts * g),
    };
    return e;
}
