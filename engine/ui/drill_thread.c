/* drill_thread.c — the official account's thread pinned above the feed: the trainee's latest public
 * text as a post of the body's account, and the replies that have come in, newest last. */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "drill.h"
#include "layout.h"
#include "theme.h"

/* Characters of the text shown in the pinned card (the rest is in the log). */
#define PINNED_CHARS 110
/* Replies shown under it, the latest ones. */
#define PINNED_REPLIES 3

static int is_public(sim_action_type t)
{
    return t == SIM_ACT_STATEMENT || t == SIM_ACT_REPLY || t == SIM_ACT_REBUT || t == SIM_ACT_ANSWER;
}

/* The log index of the newest public text shown in tab `platform` (statements only in their own
 * platform's tab and in All), or -1. */
static int newest_public(const sim_world *w, int platform)
{
    for (int i = w->n_log - 1; i >= 0; i--) {
        const sim_action *a = &w->log[i];
        if (!is_public(a->type) || !a->text || sim_action_reception(w, i) == SIM_RECEPTION_NONE) continue;
        if (platform < 0 || !a->channel || platform >= w->scn->n_platforms ||
            strcmp(a->channel, w->scn->platforms[platform].id) == 0)
            return i;
    }
    return -1;
}

/* The first `chars` UTF-8 characters of s, with "…" when cut. */
static void clip_chars(char *out, size_t n, const char *s, int chars)
{
    size_t o = 0;
    const unsigned char *u = (const unsigned char *)s;
    while (*u && chars > 0 && o + 8 < n) {
        do out[o++] = (char)*u++; while ((*u & 0xc0) == 0x80 && o + 1 < n);
        chars--;
    }
    out[o] = '\0';
    if (*u && o + 4 < n) snprintf(out + o, n - o, "%s", "…");
}

typedef struct thread_view {
    sim_persona who;
    char meta[160], text[1024];
    char replies[PINNED_REPLIES][512];
    int n_replies;
} thread_view;

static void view_thread(const ui_state *s, int i, thread_view *v)
{
    const sim_world *w = s->w;
    const sim_action *a = &w->log[i];
    const char *lang = ui_lang(s);
    char fol[32], clock[32], key[48];
    sim_persona_of(w, sim_official_account(w), lang, &v->who);
    int plat = -1;
    for (int p = 0; a->channel && p < w->scn->n_platforms; p++)
        if (strcmp(a->channel, w->scn->platforms[p].id) == 0) plat = p;
    snprintf(key, sizeof key, "action.%s", sim_action_type_name(a->type));
    const char *where = plat >= 0 ? sim_text_get(&w->scn->platforms[plat].name, lang) : ui_tr(key);
    ui_fmt(v->meta, sizeof v->meta, ui_tr("feed.meta"), ui_count_text(fol, sizeof fol, v->who.followers), where,
           ui_clock_of_day(clock, sizeof clock, w, a->t));
    clip_chars(v->text, sizeof v->text, a->text, PINNED_CHARS);
    sim_thread_reply rep[SIM_THREAD_REPLIES];
    int n = sim_thread_replies(w, i, lang, rep, SIM_THREAD_REPLIES);
    int first = n > PINNED_REPLIES ? n - PINNED_REPLIES : 0;
    v->n_replies = 0;
    for (int k = first; k < n; k++) {
        sim_persona by;
        sim_persona_of(w, rep[k].account, lang, &by);
        ui_fmt(v->replies[v->n_replies++], sizeof v->replies[0], ui_tr("feed.reply"), by.name, rep[k].text, NULL);
    }
}

/* Height of the card at width r.w, drawing it at r when draw is set. */
static int card(ui_state *s, const thread_view *v, SDL_Rect r, int draw)
{
    ui_ctx *c = s->c;
    int pad = ui_px(c, 6), gap = ui_px(c, 8);
    int hh = ui_line_h(c, UI_FONT_SMALL), d = hh + ui_line_h(c, UI_FONT_BODY);
    int x = r.x + pad + d + gap, tw = r.x + r.w - pad - x;
    char head[192], line[1100];
    ui_fmt(head, sizeof head, ui_tr("feed.pinned"), v->meta, NULL, NULL);
    int y = r.y + pad;
    if (draw) {
        ui_fill(c, r, UI_ACCENT_SOFT);
        ui_avatar(c, &v->who, r.x + pad, y, d);
        ui_author_line(c, &v->who, head, ui_rect(x, y, tw, hh));
    }
    y += hh;
    y += draw ? ui_text_wrap(c, UI_FONT_BODY, v->text, UI_TEXT, x, y, tw) : ui_text_wrap_h(c, UI_FONT_BODY, v->text, tw);
    if (draw && snprintf(line, sizeof line, "[pinned] %s", v->text) >= 0) ui_layout_shown(c, line);
    for (int k = 0; k < v->n_replies; k++) {
        y += ui_px(c, 2);
        y += draw ? ui_text_wrap(c, UI_FONT_SMALL, v->replies[k], UI_MUTED, x, y, tw)
                  : ui_text_wrap_h(c, UI_FONT_SMALL, v->replies[k], tw);
        if (draw && snprintf(line, sizeof line, "[reply] %s", v->replies[k]) >= 0) ui_layout_shown(c, line);
    }
    int h = y + pad - r.y;
    return h > d + 2 * pad ? h : d + 2 * pad;
}

int ui_thread_pinned(ui_state *s, SDL_Rect r, int platform)
{
    int i = newest_public(s->w, platform);
    if (i < 0) return 0;
    thread_view v;
    view_thread(s, i, &v);
    /* Fewer replies on a small screen, rather than a card that hides the feed. */
    int h = card(s, &v, r, 0);
    while (h > r.h && v.n_replies > 0) {
        v.n_replies--;
        memmove(v.replies[0], v.replies[1], sizeof v.replies[0] * (size_t)v.n_replies);
        h = card(s, &v, r, 0);
    }
    if (h > r.h) return 0;
    card(s, &v, ui_rect(r.x, r.y, r.w, h), 1);
    return h;
}
