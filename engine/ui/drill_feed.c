/* drill_feed.c — the scrolling feed of sampled posts, newest first, with a platform filter; a
 * scrolled feed stays on the same posts as new ones arrive, and Enter replies to the selected post. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "drill.h"
#include "layout.h"
#include "theme.h"

#define FEED_FILTER_MAX 8

int ui_row_text(ui_ctx *c, SDL_Rect r, const char *head, SDL_Color head_col, const char *body, int draw)
{
    int pad = ui_px(c, 4), indent = ui_px(c, 8);
    int hh = ui_line_h(c, UI_FONT_SMALL);
    int tw = r.w - indent - pad;
    int bh = body && *body ? ui_text_wrap_h(c, UI_FONT_BODY, body, tw) : 0;
    if (draw) {
        ui_text(c, UI_FONT_SMALL, head, head_col, r.x + indent, r.y + pad);
        if (bh) ui_text_wrap(c, UI_FONT_BODY, body, UI_TEXT, r.x + indent, r.y + pad + hh, tw);
    }
    return hh + bh + 2 * pad;
}

static SDL_Color stance_color(sim_stance st)
{
    static const SDL_Color cols[SIM_STANCE_COUNT] = {
        { 196, 36, 36, 255 }, { 200, 120, 0, 255 }, { 96, 104, 118, 255 }, { 24, 140, 70, 255 }, { 140, 40, 160, 255 }
    };
    return st >= 0 && st < SIM_STANCE_COUNT ? cols[st] : UI_MUTED;
}

static int post_row(ui_ctx *c, void *ud, int i, SDL_Rect r, int selected, int draw)
{
    ui_state *s = ud;
    (void)selected;
    const sim_world *w = s->w;
    const sim_post *p = sim_feed_post(w, (uint32_t)s->drill.feed_rows.v[i]);
    if (!p) return ui_line_h(c, UI_FONT_BODY);
    char text[1024], head[256], clock[32], reposts[32], key_a[48], key_s[48];
    sim_post_text(w, p, ui_lang(s), text, sizeof text);
    snprintf(key_a, sizeof key_a, "author.%s", sim_author_name(p->author));
    snprintf(key_s, sizeof key_s, "stance.%s", sim_stance_name(p->stance));
    snprintf(reposts, sizeof reposts, "%u", p->reposts);
    const char *plat = (p->platform >= 0 && p->platform < w->scn->n_platforms)
                           ? sim_text_get(&w->scn->platforms[p->platform].name, ui_lang(s)) : "?";
    char who[160];
    ui_fmt(who, sizeof who, ui_tr("feed.who"), plat, ui_tr(key_a), ui_tr(key_s));
    ui_fmt(head, sizeof head, ui_tr("feed.head"), who, ui_clock(clock, sizeof clock, p->t), reposts);
    if (draw) ui_fill(c, ui_rect(r.x, r.y, ui_px(c, 3), r.h), stance_color(p->stance));
    return ui_row_text(c, r, head, stance_color(p->stance), text, draw);
}

void ui_feed_panel(ui_state *s, SDL_Rect r)
{
    ui_ctx *c = s->c;
    ui_drill *d = &s->drill;
    const sim_world *w = s->w;
    char title[128], count[32];
    snprintf(count, sizeof count, "%u", w->n_posts);
    SDL_Rect in = ui_panel(c, r, ui_fmt(title, sizeof title, ui_tr("feed.title"), count, NULL, NULL));

    const char *labels[FEED_FILTER_MAX];
    int n_labels = 1;
    labels[0] = ui_tr("feed.all");
    for (int i = 0; i < w->scn->n_platforms && n_labels < FEED_FILTER_MAX; i++)
        labels[n_labels++] = sim_text_get(&w->scn->platforms[i].name, ui_lang(s));
    int sel = d->platform + 1;
    SDL_Rect filt = ui_cut_top(&in, ui_line_h(c, UI_FONT_BODY) + ui_px(c, 8));
    if (ui_choice(c, ui_id("feed.filter"), filt, labels, n_labels, &sel)) {
        d->platform = sel - 1;
        d->feed.sel = -1;
        d->feed.top = 0;
    }
    ui_cut_top(&in, ui_px(c, 6));

    /* Rows: "back" offsets of posts matching the filter, newest first. */
    uint32_t have = w->n_posts < SIM_FEED_CAP ? w->n_posts : SIM_FEED_CAP;
    uint32_t fresh = w->n_posts - d->feed_seen;
    int fresh_rows = 0;
    d->feed_rows.n = 0;
    for (uint32_t b = 0; b < have; b++) {
        const sim_post *p = sim_feed_post(w, b);
        if (!p || (d->platform >= 0 && p->platform != d->platform)) continue;
        if (b < fresh) fresh_rows++;
        if (ui_rows_push(&d->feed_rows, (int)b)) break;
    }
    d->feed_seen = w->n_posts;
    if (fresh_rows && (d->feed.top > 0 || d->feed.sel >= 0)) {
        if (d->feed.top > 0) d->feed.top += fresh_rows;
        if (d->feed.sel >= 0) d->feed.sel += fresh_rows;
        if (d->feed.sel >= d->feed_rows.n) d->feed.sel = -1;
    }
    if (d->feed_rows.n == 0) {
        ui_text_in(c, UI_FONT_BODY, ui_tr("feed.empty"), UI_MUTED, ui_cut_top(&in, ui_line_h(c, UI_FONT_BODY)), UI_ALIGN_LEFT);
        return;
    }
    int f = ui_list_view(c, &d->feed, ui_id("feed.list"), in, d->feed_rows.n, post_row, s);
    if ((f & UI_LIST_ACTIVATED) && d->feed.sel >= 0) {
        const sim_post *p = sim_feed_post(w, (uint32_t)d->feed_rows.v[d->feed.sel]);
        char id[32];
        snprintf(id, sizeof id, "%u", p ? p->id : 0u);
        if (p) ui_composer_open(s, SIM_ACT_REPLY, id);
    }
}
