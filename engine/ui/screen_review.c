/* screen_review.c — the review screen (复盘): opening a session, the top bar, the three-column layout,
 * scrub keys (Left/Right a minute, Shift ten, Home/End, Up/Down through the actions) and fetching the
 * world at the scrub position once per frame, timed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "draw.h"
#include "layout.h"
#include "review.h"
#include "theme.h"

#define NOTE_MAX_CHARS 2000
#define AUTHOR_MAX_CHARS 40

ui_review_state *ui_review_get(ui_state *s)
{
    if (s->review) return s->review;
    ui_review_state *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    if (ui_text_edit_init(&r->note, NOTE_MAX_CHARS, 1) || ui_text_edit_init(&r->author, AUTHOR_MAX_CHARS, 0)) {
        ui_text_edit_free(&r->note);
        ui_text_edit_free(&r->author);
        free(r);
        return NULL;
    }
    r->sessions_stale = 1;
    r->saved.sel = -1;
    r->rows_for = -1;
    r->growth_at = -1;
    s->review = r;
    return r;
}

void ui_review_free(ui_state *s)
{
    ui_review_state *r = s->review;
    if (!r) return;
    ui_text_edit_free(&r->note);
    ui_text_edit_free(&r->author);
    ui_rows_free(&r->saved_rows);
    ui_rows_free(&r->line_rows);
    ui_rows_free(&r->fact_rows);
    free(r->growth);
    free(r);
    s->review = NULL;
}

void ui_review_sessions_stale(ui_state *s)
{
    ui_review_state *r = ui_review_get(s);
    if (r) r->sessions_stale = 1;
}

/* This trainee's finished sessions, oldest first (started time, then id). */
static int growth_cmp(const void *a, const void *b)
{
    const ui_session_info *x = *(const ui_session_info *const *)a, *y = *(const ui_session_info *const *)b;
    int c = strcmp(x->started, y->started);
    return c ? c : (x->id > y->id) - (x->id < y->id);
}

static void build_growth(ui_state *s, ui_review_state *r)
{
    free(r->growth);
    r->growth = NULL;
    r->n_growth = 0;
    r->growth_at = -1;
    char err[256];
    const ui_session_info *list = NULL;
    int n = 0;
    r->sessions_stale = 1;
    if (!s->api->sessions || s->api->sessions(s->api->ud, &list, &n, err, sizeof err) != 0 || n == 0) return;
    r->sessions = list;
    r->n_sessions = n;
    const ui_session_info **mine = malloc((size_t)n * sizeof *mine);
    r->growth = malloc((size_t)n * sizeof *r->growth);
    if (!mine || !r->growth) {
        free(mine);
        free(r->growth);
        r->growth = NULL;
        return;
    }
    int k = 0;
    for (int i = 0; i < n; i++)
        if (list[i].finished && strcmp(list[i].trainee, r->info->trainee) == 0) mine[k++] = &list[i];
    qsort(mine, (size_t)k, sizeof *mine, growth_cmp);
    for (int i = 0; i < k; i++) {
        r->growth[i] = (ui_growth_point){ mine[i]->id, mine[i]->total };
        if (mine[i]->id == r->info->session) r->growth_at = i;
    }
    r->n_growth = k;
    free(mine);
}

static void load_notes(ui_state *s, ui_review_state *r)
{
    char err[256];
    r->notes = NULL;
    r->n_notes = 0;
    if (s->api->notes && s->api->notes(s->api->ud, &r->notes, &r->n_notes, err, sizeof err) != 0) {
        r->notes = NULL;
        r->n_notes = 0;
    }
}

int ui_review_show(ui_state *s, int64_t id, ui_screen back)
{
    char err[256] = "", msg[512];
    ui_review_state *r = ui_review_get(s);
    const ui_review_info *info = NULL;
    if (!r) {
        ui_toast(s, 1, ui_fmt(msg, sizeof msg, ui_tr("review.open_failed"), "out of memory", NULL, NULL));
        return -1;
    }
    /* Opening replaces what the app held for the previous review. */
    r->info = NULL;
    r->at = NULL;
    if (!s->api->review_open || s->api->review_open(s->api->ud, id, &info, err, sizeof err) != 0 || !info) {
        ui_toast(s, 1, ui_fmt(msg, sizeof msg, ui_tr("review.open_failed"), err, NULL, NULL));
        return -1;
    }
    r->info = info;
    r->back = back;
    r->t = info->world->now;
    r->shown = -1;
    r->scrub_ms = 0;
    r->dragging = 0;
    ui_list none = { -1, 0, 0 };
    r->actions = r->lines = r->notes_list = r->facts = none;
    r->rows_for = -1;
    ui_text_edit_set(&r->note, "");
    if (ui_tb_chars(&r->author.buf) == 0)
        ui_text_edit_set(&r->author, s->opt->note_author && *s->opt->note_author ? s->opt->note_author
                                                                                 : ui_tr("review.default_author"));
    load_notes(s, r);
    build_growth(s, r);
    if (info->world->n_log > 0) ui_review_select(s, 0);
    s->screen = UI_SCREEN_REVIEW;
    ui_focus_set(s->c, ui_id("review.actions"));
    return 0;
}

void ui_review_select(ui_state *s, int i)
{
    ui_review_state *r = s->review;
    const sim_world *w = r->info->world;
    if (i < 0 || i >= w->n_log) return;
    r->actions.sel = i;
    /* Just after it took effect: actions apply at the start of the tick that reaches their time. */
    r->t = (w->log[i].t / SIM_TICK_S + 1) * SIM_TICK_S;
    if (r->t > w->now) r->t = w->now;
}

/* One step of the scrubber: whole minutes, clamped to the replay. */
static void step_minutes(ui_review_state *r, int minutes)
{
    sim_time end = r->info->world->now, t = r->t;
    if (minutes > 0) t = (t / 60 + minutes) * 60;
    else t = ((t + 59) / 60 + minutes) * 60;
    r->t = t < 0 ? 0 : t > end ? end : t;
}

static int editing(ui_ctx *c)
{
    return c->focus.cur == ui_id("review.note") || c->focus.cur == ui_id("review.author");
}

/* Keys the screen owns while no editor has focus. */
static void keys(ui_state *s)
{
    ui_ctx *c = s->c;
    ui_review_state *r = s->review;
    if (editing(c)) {
        if (ui_key_plain(c, SDLK_ESCAPE)) ui_focus_set(c, ui_id("review.actions"));
        return;
    }
    /* Every press counts, in the order pressed, however many arrive in one frame. */
    for (int i = 0; i < c->in.n_keys; i++) {
        ui_key *k = &c->in.keys[i];
        if (k->taken || (k->mod & (KMOD_CTRL | KMOD_ALT))) continue;
        int shift = (k->mod & KMOD_SHIFT) != 0, n = r->info->world->n_log, sel = r->actions.sel;
        switch (k->key) {
        case SDLK_RIGHT: step_minutes(r, shift ? 10 : 1); break;
        case SDLK_LEFT: step_minutes(r, shift ? -10 : -1); break;
        case SDLK_HOME: r->t = 0; break;
        case SDLK_END: r->t = r->info->world->now; break;
        case SDLK_DOWN: ui_review_select(s, sel < n - 1 ? sel + 1 : n - 1); break;
        case SDLK_UP: ui_review_select(s, sel > 0 ? sel - 1 : 0); break;
        default: continue;
        }
        k->taken = 1;
    }
    if (ui_key_plain(c, SDLK_n)) ui_focus_set(c, ui_id("review.note"));
    if (ui_key_plain(c, SDLK_ESCAPE)) {
        s->screen = r->back;
        if (r->back == UI_SCREEN_START) r->sessions_stale = 1;
    }
}

/* The world at the scrub position, fetched at most once a frame and timed. */
static void fetch_world(ui_state *s)
{
    ui_review_state *r = s->review;
    if (r->at && r->shown == r->t) return;
    char err[256] = "", msg[512];
    const sim_world *w = NULL;
    Uint64 t0 = SDL_GetPerformanceCounter();
    int rc = s->api->review_world_at(s->api->ud, r->t, &w, err, sizeof err);
    r->scrub_ms = (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 / (double)SDL_GetPerformanceFrequency();
    if (rc != 0 || !w) {
        r->at = NULL;
        r->shown = r->t;
        ui_toast(s, 1, ui_fmt(msg, sizeof msg, ui_tr("review.scrub_failed"), err, NULL, NULL));
        return;
    }
    r->at = w;
    r->shown = r->t;
}

/* Draws the bar; returns its free part (for messages). */
static SDL_Rect top_bar(ui_state *s, SDL_Rect top)
{
    ui_ctx *c = s->c;
    ui_review_state *r = s->review;
    const ui_review_info *info = r->info;
    int gap = ui_px(c, 10);
    ui_fill(c, top, UI_TOPBAR);
    SDL_Rect tr = ui_inset(top, ui_px(c, 6));
    SDL_Rect quit = ui_cut_right(&tr, ui_button_w(c, ui_tr("review.quit")));
    ui_cut_right(&tr, gap);
    SDL_Rect back = ui_cut_right(&tr, ui_button_w(c, ui_tr("review.back")));
    ui_cut_right(&tr, gap);
    char title[256], who[256], id[32], total[32];
    ui_fmt(title, sizeof title, ui_tr("review.title"), sim_text_get(&info->world->scn->title, ui_lang(s)), NULL, NULL);
    int tw, th;
    ui_text_size(c, UI_FONT_TITLE, title, &tw, &th);
    SDL_Rect tl = ui_cut_left(&tr, tw < tr.w / 2 ? tw : tr.w / 2);
    ui_text_in(c, UI_FONT_TITLE, title, UI_TOPBAR_TEXT, tl, UI_ALIGN_LEFT);
    ui_cut_left(&tr, gap);
    snprintf(id, sizeof id, "%lld", (long long)info->session);
    snprintf(total, sizeof total, "%.1f", info->card->total);
    ui_fmt(who, sizeof who, ui_tr("review.who"), info->trainee, id, total);
    int ww, wh;
    ui_text_size(c, UI_FONT_BODY, who, &ww, &wh);
    ui_text_in(c, UI_FONT_BODY, who, UI_TOPBAR_TEXT, ui_cut_left(&tr, ww < tr.w ? ww : tr.w), UI_ALIGN_LEFT);
    ui_cut_left(&tr, gap);
    if (info->replay_differs)
        ui_cut_left(&tr, ui_badge(c, UI_FONT_SMALL, ui_tr("review.differs"), UI_DANGER, UI_ON_ACCENT, tr.x,
                                  tr.y + (tr.h - ui_line_h(c, UI_FONT_SMALL)) / 2) + gap);
    if (ui_button(c, ui_id("review.back"), back, ui_tr("review.back"), 0)) {
        s->screen = r->back;
        if (r->back == UI_SCREEN_START) r->sessions_stale = 1;
    }
    if (ui_button(c, ui_id("review.quit"), quit, ui_tr("review.quit"), 0)) s->quit = 1;
    return tr;
}

/* The latest message, right-aligned in the free part of the top bar. */
static void toast(ui_state *s, SDL_Rect area)
{
    ui_ctx *c = s->c;
    if (!s->toast[0] || SDL_TICKS_PASSED(c->now_ms, s->toast_until) || area.w <= 0) return;
    int tw, th, pad = ui_px(c, 8);
    ui_text_size(c, UI_FONT_BODY, s->toast, &tw, &th);
    SDL_Rect t = ui_rect(area.x + area.w - tw - 2 * pad, area.y + (area.h - th) / 2, tw + 2 * pad, th);
    if (t.x < area.x) t.x = area.x;
    ui_clip_push(c, area);
    ui_fill(c, t, s->toast_error ? UI_DANGER : UI_OK);
    ui_text(c, UI_FONT_BODY, s->toast, UI_ON_ACCENT, t.x + pad, t.y);
    ui_clip_pop(c);
}

void ui_review_frame(ui_state *s)
{
    ui_ctx *c = s->c;
    ui_review_state *r = s->review;
    if (!r || !r->info) {
        s->screen = UI_SCREEN_START;
        return;
    }
    keys(s);
    if (s->screen != UI_SCREEN_REVIEW) return;
    fetch_world(s);
    int gap = ui_px(c, 8);
    SDL_Rect screen = ui_rect(0, 0, c->w, c->h);
    ui_fill(c, screen, UI_BG);
    SDL_Rect spare = top_bar(s, ui_cut_top(&screen, ui_line_h(c, UI_FONT_TITLE) + ui_px(c, 16)));
    if (s->screen != UI_SCREEN_REVIEW) return;

    SDL_Rect body = ui_inset(screen, gap);
    SDL_Rect left = ui_cut_left(&body, body.w * 41 / 100);
    ui_cut_left(&body, gap);
    SDL_Rect right = ui_cut_right(&body, body.w * 42 / 100);
    ui_cut_right(&body, gap);

    SDL_Rect timeline = ui_cut_top(&left, left.h * 58 / 100);
    ui_cut_top(&left, gap);
    ui_review_timeline(s, timeline);
    ui_review_actions(s, left);

    SDL_Rect detail = ui_cut_top(&body, body.h * 55 / 100);
    ui_cut_top(&body, gap);
    ui_review_detail(s, detail);
    ui_review_card_lines(s, body);

    SDL_Rect radar = ui_cut_top(&right, right.h * 34 / 100);
    ui_cut_top(&right, gap);
    SDL_Rect growth = ui_cut_top(&right, right.h * 30 / 100);
    ui_cut_top(&right, gap);
    SDL_Rect rin = ui_panel(c, radar, ui_tr("review.radar"));
    const char *labels[SCORE_COMPETENCY_COUNT];
    char keys[SCORE_COMPETENCY_COUNT][64];   /* outlive the labels: ui_tr may hand back the key itself */
    for (int i = 0; i < SCORE_COMPETENCY_COUNT; i++) {
        snprintf(keys[i], sizeof keys[i], "competency.%s", score_competency_name((score_competency)i));
        labels[i] = ui_tr(keys[i]);
    }
    ui_chart_radar(c, rin, r->info->card->competencies, labels, SCORE_COMPETENCY_COUNT);
    ui_review_growth(s, growth);
    ui_review_notes(s, right);
    toast(s, spare);
}
