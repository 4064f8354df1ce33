/* drill_feed.c — the scrolling feed of sampled posts, 最新 (newest first) or 热门 (most engaged first), with
 * a platform filter: each post with its author's avatar, handle, badge, followers, words, counts; no stance. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "drill.h"
#include "layout.h"
#include "theme.h"

#define FEED_FILTER_MAX 8

int ui_row_body_w(ui_ctx *c, int w) { return w - ui_px(c, 8) - ui_px(c, 4); }

int ui_row_text(ui_ctx *c, SDL_Rect r, const char *head, SDL_Color head_col, const char *body, int draw)
{
    int pad = ui_px(c, 4), indent = ui_px(c, 8);
    int hh = ui_line_h(c, UI_FONT_SMALL);
    int tw = ui_row_body_w(c, r.w);
    int bh = body && *body ? ui_text_wrap_h(c, UI_FONT_BODY, body, tw) : 0;
    if (draw) {
        ui_text(c, UI_FONT_SMALL, head, head_col, r.x + indent, r.y + pad);
        if (bh) ui_text_wrap(c, UI_FONT_BODY, body, UI_TEXT, r.x + indent, r.y + pad + hh, tw);
    }
    return hh + bh + 2 * pad;
}

/* Blue V for media and official accounts, gold V for opinion leaders (the platforms' convention). */
static const SDL_Color badge_cols[] = {{0, 0, 0, 0}, {30, 110, 230, 255}, {232, 150, 16, 255}};

const char *ui_count_text(char *buf, size_t n, uint32_t v)
{
    static const char *const units[][2] = {{"feed.count_unit2", "feed.count_big2"}, {"feed.count_unit", "feed.count_big"}};
    char num[32];
    for (int i = 0; i < 2; i++) {
        double unit = strtod(ui_tr(units[i][0]), NULL);
        if (unit >= 10 && v >= unit) {
            snprintf(num, sizeof num, "%.1f", v / unit);
            return ui_fmt(buf, n, ui_tr(units[i][1]), num, NULL, NULL);
        }
    }
    snprintf(buf, n, "%u", v);
    return buf;
}

void ui_avatar(ui_ctx *c, const sim_persona *who, int x, int y, int d)
{
    SDL_Color col = {who->rgb[0], who->rgb[1], who->rgb[2], 255};
    ui_disc(c, x + d / 2, y + d / 2, d / 2, col);
    int gw, gh;
    ui_text_size(c, UI_FONT_BODY, who->glyph, &gw, &gh);
    ui_text(c, UI_FONT_BODY, who->glyph, (SDL_Color){255, 255, 255, 255}, x + (d - gw) / 2, y + (d - gh) / 2);
}

/* The author line: handle, badge, then followers, platform and time. When it is too long for r the handle
 * is cut and ends in "…", so the time always shows. */
void ui_author_line(ui_ctx *c, const sim_persona *who, const char *meta, SDL_Rect r)
{
    int x = r.x, y = r.y, gap = ui_px(c, 4), mw, nw, bw = 0, th;
    ui_text_size(c, UI_FONT_SMALL, meta, &mw, &th);
    ui_text_size(c, UI_FONT_SMALL, who->name, &nw, &th);
    if (who->badge != SIM_BADGE_NONE) {
        ui_text_size(c, UI_FONT_SMALL, ui_tr("feed.badge"), &bw, &th);
        bw += 2 * ui_px(c, 6) + gap;   /* as ui_badge pads it */
    }
    int room = r.w - mw - bw - gap;
    if (nw > room) nw = room > 0 ? room : 0;
    ui_clip_push(c, r);
    ui_text_in(c, UI_FONT_SMALL, who->name, UI_TEXT, ui_rect(x, y, nw, r.h), UI_ALIGN_LEFT);   /* cut with "…" */
    x += nw + gap;
    if (who->badge != SIM_BADGE_NONE)
        x += ui_badge(c, UI_FONT_SMALL, ui_tr("feed.badge"), badge_cols[who->badge], (SDL_Color){255, 255, 255, 255},
                      x, y) + ui_px(c, 4);
    ui_text(c, UI_FONT_SMALL, meta, UI_MUTED, x, y);
    ui_clip_pop(c);
}

typedef struct post_view {
    char name[128], meta[160], text[1024], counts[160];
    sim_persona who;
} post_view;

/* What one post shows the trainee: who (handle, followers, platform, time), the words, the counts.
 * Never its stance: judging that is the trainee's work. */
static void view_post(const ui_state *s, const sim_post *p, post_view *v)
{
    const sim_world *w = s->w;
    char fol[32], clock[32], n[3][32];
    sim_persona_of(w, p->account, ui_lang(s), &v->who);
    sim_post_text(w, p, ui_lang(s), v->text, sizeof v->text);
    const char *plat = (p->platform >= 0 && p->platform < w->scn->n_platforms)
                           ? sim_text_get(&w->scn->platforms[p->platform].name, ui_lang(s)) : "?";
    snprintf(v->name, sizeof v->name, "%s", v->who.name);
    ui_fmt(v->meta, sizeof v->meta, ui_tr("feed.meta"), ui_count_text(fol, sizeof fol, v->who.followers), plat,
           ui_clock_of_day(clock, sizeof clock, w, p->t));
    sim_engagement e = sim_post_engagement(w, p);
    ui_fmt(v->counts, sizeof v->counts, ui_tr("feed.counts"), ui_count_text(n[0], sizeof n[0], e.reposts),
           ui_count_text(n[1], sizeof n[1], e.comments), ui_count_text(n[2], sizeof n[2], e.likes));
}

static int post_view_row(ui_ctx *c, SDL_Rect r, const post_view *v, int draw)
{
    int pad = ui_px(c, 4), indent = ui_px(c, 8), gap = ui_px(c, 8);
    int hh = ui_line_h(c, UI_FONT_SMALL);
    int d = hh + ui_line_h(c, UI_FONT_BODY);
    int x = r.x + indent + d + gap, tw = r.x + r.w - pad - x;
    int bh = ui_text_wrap_h(c, UI_FONT_BODY, v->text, tw);
    int h = hh + bh + hh;
    if (draw) {
        ui_avatar(c, &v->who, r.x + indent, r.y + pad, d);
        ui_author_line(c, &v->who, v->meta, ui_rect(x, r.y + pad, tw, hh));
        ui_text_wrap(c, UI_FONT_BODY, v->text, UI_TEXT, x, r.y + pad + hh, tw);
        ui_text(c, UI_FONT_SMALL, v->counts, UI_MUTED, x, r.y + pad + hh + bh);
        char shown[UI_SHOWN_LEN];
        /* The dump keeps the start of a long post: truncation is fine there. */
        if (snprintf(shown, sizeof shown, "%s | %s | %s | %s", v->name, v->meta, v->text, v->counts) >= 0)
            ui_layout_shown(c, shown);
    }
    return (h > d ? h : d) + 2 * pad;
}

static int post_row(ui_ctx *c, void *ud, int i, SDL_Rect r, int selected, int draw)
{
    ui_state *s = ud;
    (void)selected;
    const sim_post *p = sim_feed_post(s->w, (uint32_t)s->drill.feed_rows.v[i]);
    if (!p) return ui_line_h(c, UI_FONT_BODY);
    post_view v;
    view_post(s, p, &v);
    return post_view_row(c, r, &v, draw);
}

typedef struct ranked_row { int back; uint64_t score; } ranked_row;

static int by_engagement(const void *a, const void *b)
{
    const ranked_row *x = a, *y = b;
    if (x->score != y->score) return x->score > y->score ? -1 : 1;
    return (x->back > y->back) - (x->back < y->back);
}

/* 热门: the rows reordered by likes + comments + reposts, newer first among equals. 0 or -1 (memory). */
static int rank_by_engagement(const sim_world *w, ui_rows *rows)
{
    if (rows->n < 2) return 0;
    ranked_row *k = malloc((size_t)rows->n * sizeof *k);
    if (!k) return -1;
    for (int i = 0; i < rows->n; i++) {
        sim_engagement e = sim_post_engagement(w, sim_feed_post(w, (uint32_t)rows->v[i]));
        k[i] = (ranked_row){rows->v[i], (uint64_t)e.likes + e.comments + e.reposts};
    }
    qsort(k, (size_t)rows->n, sizeof *k, by_engagement);
    for (int i = 0; i < rows->n; i++) rows->v[i] = k[i].back;
    free(k);
    return 0;
}

/* The platform filter and the 最新/热门 tabs: side by side when both fit, else the tabs on a row above. */
static void feed_tabs(ui_state *s, SDL_Rect *in, const char *const *labels, int n_labels)
{
    ui_ctx *c = s->c;
    ui_drill *d = &s->drill;
    const char *sorts[2] = {ui_tr("feed.latest"), ui_tr("feed.hot")};
    int row_h = ui_line_h(c, UI_FONT_BODY) + ui_px(c, 8), gap = ui_px(c, 8);
    int cell = 0, need = 0;
    for (int i = 0; i < n_labels; i++) cell = SDL_max(cell, ui_button_w(c, labels[i]));
    for (int i = 0; i < 2; i++) need = SDL_max(need, ui_button_w(c, sorts[i]));
    SDL_Rect filt = ui_cut_top(in, row_h), tabs;
    if (filt.w >= cell * n_labels + gap + 2 * need) {
        tabs = ui_cut_right(&filt, 2 * need);
        ui_cut_right(&filt, gap);
    } else {
        tabs = filt;
        ui_cut_top(in, ui_px(c, 4));
        filt = ui_cut_top(in, row_h);
    }
    if (ui_choice(c, ui_id("feed.sort"), tabs, sorts, 2, &d->feed_sort)) {
        d->feed.sel = -1;
        d->feed.top = 0;
    }
    int sel = d->platform + 1;
    if (ui_choice(c, ui_id("feed.filter"), filt, labels, n_labels, &sel)) {
        d->platform = sel - 1;
        d->feed.sel = -1;
        d->feed.top = 0;
    }
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
    feed_tabs(s, &in, labels, n_labels);
    ui_cut_top(&in, ui_px(c, 6));
    int pinned = ui_thread_pinned(s, ui_rect(in.x, in.y, in.w, in.h / 2), d->platform);
    if (pinned > 0) ui_cut_top(&in, pinned + ui_px(c, 6));

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
    if (d->feed_sort == 1 && rank_by_engagement(w, &d->feed_rows)) d->feed_rows.n = 0;
    if (d->feed_sort == 0 && fresh_rows && (d->feed.top > 0 || d->feed.sel >= 0)) {
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
