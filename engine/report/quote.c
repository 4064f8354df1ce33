/* quote.c — what a trainee wrote, as the report quotes it: evidence marked with "…" where it was cut
 * mid-phrase, the whole sentence around it, and whether the statements behind a line said things right. */
#include <stdio.h>
#include <string.h>

#include "report.h"

#define SENTENCE_MAX 160   /* bytes of a sentence quoted whole before it is cut */

static const char *const SENTENCE_ENDS[] = {"。", "！", "？", "!", "?", "\n"};
static const char *const PHRASE_ENDS[] = {"，", "、", "；", "：", ",", ";", ":", "”", "」", "』", "）", ")", " "};

static int starts_with_any(const char *p, const char *const *set, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strncmp(p, set[i], strlen(set[i])) == 0)
            return 1;
    return 0;
}

static int sentence_end(const char *p)
{
    return starts_with_any(p, SENTENCE_ENDS, sizeof SENTENCE_ENDS / sizeof *SENTENCE_ENDS);
}

static int boundary(const char *p)
{
    return sentence_end(p) || starts_with_any(p, PHRASE_ENDS, sizeof PHRASE_ENDS / sizeof *PHRASE_ENDS);
}

/* Start of the UTF-8 character before byte i of s (i > 0). */
static int prev_char(const char *s, int i)
{
    do
        i--;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80);
    return i;
}

static int next_char(const char *s, int i)
{
    if (!s[i])
        return i;
    do
        i++;
    while (s[i] && ((unsigned char)s[i] & 0xC0) == 0x80);
    return i;
}

/* Whether the text is cut inside a phrase between byte a-1 and a. */
static int cut_at(const char *text, int a)
{
    if (a <= 0 || !text[a])
        return 0;
    return !boundary(text + prev_char(text, a)) && !boundary(text + a);
}

const char *report_quote(const sim_world *w, const score_evidence *ev, int sentence, char *buf, size_t len)
{
    const sim_action *a = w && ev->action >= 0 && ev->action < w->n_log ? &w->log[ev->action] : NULL;
    const char *text = a && a->text ? a->text : NULL;
    int tlen = text ? (int)strlen(text) : 0;
    if (!text || ev->span.start < 0 || ev->span.len <= 0 || ev->span.start + ev->span.len > tlen) {
        snprintf(buf, len, "%s", ev->quote ? ev->quote : "");
        return buf;
    }
    int s = ev->span.start, e = ev->span.start + ev->span.len;
    if (sentence) {
        while (s > 0 && !sentence_end(text + prev_char(text, s)) && e - s < SENTENCE_MAX)
            s = prev_char(text, s);
        while (text[e] && !sentence_end(text + prev_char(text, e)) && e - s < SENTENCE_MAX)
            e = next_char(text, e);
        while (text[s] == ' ' || text[s] == '\n')
            s++;
    }
    while (e > s && text[e - 1] == '\n')
        e--;
    snprintf(buf, len, "%s%.*s%s", cut_at(text, s) ? "…" : "", e - s, text + s, cut_at(text, e) ? "…" : "");
    return report_utf8_trim(buf);
}

char *report_utf8_trim(char *s)
{
    size_t used = strlen(s), i = used;
    while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
        i--;
    if (i > 0) {
        unsigned char lead = (unsigned char)s[i - 1];
        size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (used - (i - 1) < need)
            s[i - 1] = '\0';
    }
    return s;
}

int report_claims_right(const sim_world *w, const score_line *l)
{
    for (int k = 0; w && k < l->n_ev; k++) {
        const sim_reading *rd = sim_action_reading(w, l->ev[k].action);
        for (int i = 0; rd && i < rd->n_claims; i++) {
            sim_claim_effect e = sim_claim_effect_of(&rd->claims[i]);
            if (e == SIM_EFFECT_WRONG || e == SIM_EFFECT_OUTDATED || e == SIM_EFFECT_FALSE ||
                e == SIM_EFFECT_CONFIRMS || e == SIM_EFFECT_REPEATS)
                return 0;
        }
    }
    return 1;
}
