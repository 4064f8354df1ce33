/* screen_drill.c — the drill screen: top bar (clock, speed, pause, warning level), status and heat
 * curve, the panels, keyboard shortcuts, the finish confirmation, and simulated time advancing
 * through api->step at time_scale × speed; the clock shows the scenario's time of day, elapsed and remaining. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "draw.h"
#include "drill.h"
#include "layout.h"
#include "theme.h"

static const int speeds[4] = { 1, 2, 5, 10 };
#define MAX_STEPS_PER_FRAME 240

/* The index of a speed multiplier in the table: the fastest not above it (0, as fast as possible: 10×). */
static int speed_index(double speed)
{
    int best = 0;
    for (int i = 0; i < 4; i++)
        if (speed == 0 || speed >= speeds[i]) best = i;
    return best;
}

void ui_drill_enter(ui_state *s)
{
    ui_drill *d = &s->drill;
    d->speed = speed_index(s->opt->speed);
    d->paused = d->held = 0;
    d->class_paused = 0;
    d->class_speed = -1;
    d->class_driven = 0;
    d->class_err[0] = '\0';
    d->owed = 0;
    d->last_ms = SDL_GetTicks();
    d->platform = -1;
    ui_list empty = { -1, 0, 0 };
    d->feed = d->inbox = d->rumours = empty;
    d->feed_seen = s->w ? s->w->n_posts : 0;
    d->inbox_seen = s->w ? s->w->n_events : 0;
    d->confirm_finish = 0;
    d->help = 0;
    d->inbox_read = d->notified = d->inbox_seen;
    d->n_notices = 0;
    d->comp.open = 0;
    d->comp.channel_set = 0;
    d->press.open = 0;
    d->press.shown = -1;
    d->press.transcript = empty;
    ui_text_edit_set(&d->comp.edit, "");
    ui_text_edit_set(&d->press.answer, "");
}

void ui_drill_release(ui_drill *d)
{
    ui_rows_free(&d->feed_rows);
    ui_rows_free(&d->inbox_rows);
    ui_rows_free(&d->rumour_rows);
    ui_rows_free(&d->comp.target_rows);
    ui_rows_free(&d->comp.fact_rows);
    ui_rows_free(&d->press.transcript_rows);
}

/* For authors: about once a second, pick up edits to the scenario's files (the app rebuilds the
 * world with the same actions); an invalid edit is shown once and the drill runs on unchanged. */
static void author_reload(ui_state *s)
{
    ui_drill *d = &s->drill;
    if (!s->api->reload || !SDL_TICKS_PASSED(s->c->now_ms, d->reload_ms))
        return;
    d->reload_ms = s->c->now_ms + 1000;
    char err[512] = "", msg[640];
    const sim_world *w = s->w;
    int rc = s->api->reload(s->api->ud, &w, err, sizeof err);
    if (rc > 0) {
        s->w = w;
        d->reload_err[0] = '\0';
        ui_toast(s, 0, ui_tr("toast.reloaded"));
    } else if (rc < 0 && strcmp(err, d->reload_err) != 0) {
        snprintf(d->reload_err, sizeof d->reload_err, "%s", err);
        ui_toast(s, 1, ui_fmt(msg, sizeof msg, ui_tr("toast.reload_failed"), err, NULL, NULL));
    }
}

/* A class station hears its instructor every frame: their pause holds the clock (the 导调暂停 badge) until they
 * resume, their speed becomes ours, their end grades the drill. 1 when the drill was ended here. */
static int class_pace(ui_state *s)
{
    ui_drill *d = &s->drill;
    if (!s->api->pace) return 0;
    ui_class_pace p = { 0, -1, 0, 0, NULL };
    char err[256] = "", msg[512], label[16], n[16];
    if (s->api->pace(s->api->ud, &p, err, sizeof err) != 0) {
        if (strcmp(err, d->class_err) != 0) {
            snprintf(d->class_err, sizeof d->class_err, "%s", err);
            ui_toast(s, 1, ui_fmt(msg, sizeof msg, ui_tr("toast.class_failed"), err, NULL, NULL));
        }
        return 0;
    }
    d->class_err[0] = '\0';
    if (p.world) s->w = p.world;
    d->class_driven = p.driven;
    if (p.paused != d->class_paused) {
        d->class_paused = d->held = p.paused;
        ui_toast(s, 0, ui_tr(p.paused ? "toast.class_paused" : "toast.class_resumed"));
    } else if (p.paused) {
        d->held = 1;   /* F9 does not lift the instructor's pause */
    }
    if (p.speed >= 0 && p.speed != d->class_speed) {
        d->class_speed = p.speed;
        d->speed = speed_index(p.speed);
        snprintf(n, sizeof n, "%d", speeds[d->speed]);
        ui_fmt(label, sizeof label, ui_tr("drill.speed_fmt"), n, NULL, NULL);
        ui_toast(s, 0, ui_fmt(msg, sizeof msg, ui_tr("toast.class_speed"), label, NULL, NULL));
    }
    return p.ended && ui_finish_drill(s) == 0;
}

static void advance(ui_state *s)
{
    ui_drill *d = &s->drill;
    Uint32 now = s->c->now_ms;
    Uint32 dt = now - d->last_ms;
    d->last_ms = now;
    author_reload(s);
    if (class_pace(s) || d->class_driven) return;
    if (d->paused || d->held || d->confirm_finish || d->help || sim_is_over(s->w)) return;
    double scale = s->scns[s->scn].time_scale > 0 ? s->scns[s->scn].time_scale : 1.0;
    d->owed += dt / 1000.0 * scale * speeds[d->speed];
    int steps = 0;
    char err[256] = "";
    while (d->owed >= SIM_TICK_S && !sim_is_over(s->w)) {
        if (s->api->step(s->api->ud, err, sizeof err) != 0) {
            char msg[512];
            ui_toast(s, 1, ui_fmt(msg, sizeof msg, ui_tr("toast.step_failed"), err, NULL, NULL));
            d->paused = 1;
            break;
        }
        d->owed -= SIM_TICK_S;
        if (++steps == MAX_STEPS_PER_FRAME) { d->owed = 0; break; }
    }
}

/* The clock: the scenario's time of day (when it gives starts_at, else the drill time) large, and
 * beside it the elapsed and remaining drill time in two small lines; takes its room off *row. */
static void clock_cell(ui_state *s, SDL_Rect *row)
{
    ui_ctx *c = s->c;
    const sim_world *w = s->w;
    char big[32], elapsed[32], left[32], line[2][96];
    ui_clock_of_day(big, sizeof big, w, w->now);
    ui_clock(elapsed, sizeof elapsed, w->now);
    ui_clock(left, sizeof left, w->scn->duration - w->now);
    ui_fmt(line[0], sizeof line[0], ui_tr("drill.elapsed"), elapsed, NULL, NULL);
    ui_fmt(line[1], sizeof line[1], ui_tr("drill.remaining"), left, NULL, NULL);
    int bw, bh, lw = 0, th;
    ui_text_size(c, UI_FONT_TITLE, "00:00:00", &bw, &bh);
    for (int i = 0; i < 2; i++) {
        int tw;
        ui_text_size(c, UI_FONT_SMALL, line[i], &tw, &th);
        if (tw > lw) lw = tw;
    }
    SDL_Rect big_r = ui_cut_left(row, bw + ui_px(c, 8));
    ui_text_in(c, UI_FONT_TITLE, big, UI_TOPBAR_TEXT, big_r, UI_ALIGN_LEFT);
    char note[48];
    snprintf(note, sizeof note, "[clock] %s", elapsed);
    ui_layout_note(c, note, big_r, bw);
    SDL_Rect small = ui_cut_left(row, lw);
    int lh = ui_line_h(c, UI_FONT_SMALL), y = small.y + (small.h - 2 * lh) / 2;
    for (int i = 0; i < 2; i++)
        ui_text_in(c, UI_FONT_SMALL, line[i], UI_TOPBAR_TEXT, ui_rect(small.x, y + i * lh, small.w, lh), UI_ALIGN_LEFT);
}

/* What the speeds mean in simulated minutes per real minute (the scenario's time_scale at 1×). */
static void speed_tip(ui_state *s, SDL_Rect at)
{
    ui_drill *d = &s->drill;
    double scale = s->scns[s->scn].time_scale > 0 ? s->scns[s->scn].time_scale : 1.0;
    char one[32], now[32], mult[8];
    snprintf(one, sizeof one, "%g", scale);
    snprintf(mult, sizeof mult, "%d", speeds[d->speed]);
    snprintf(now, sizeof now, "%g", scale * speeds[d->speed]);
    ui_fmt(d->tip, sizeof d->tip, ui_tr("drill.speed_tip"), one, mult, now);
    d->tip_at = at;
}

/* The tooltip under the control it explains, kept inside the window. */
static void tooltip(ui_state *s)
{
    ui_ctx *c = s->c;
    ui_drill *d = &s->drill;
    if (!d->tip[0]) return;
    int tw, th, pad = ui_px(c, 6);
    ui_text_size(c, UI_FONT_BODY, d->tip, &tw, &th);
    SDL_Rect r = ui_rect(d->tip_at.x, d->tip_at.y + d->tip_at.h + pad, tw + 2 * pad, th + 2 * pad);
    if (r.x + r.w > c->w) r.x = c->w - r.w;
    if (r.x < 0) r.x = 0;
    ui_fill(c, r, UI_PANEL);
    ui_outline(c, r, UI_BORDER, 1);
    ui_text(c, UI_FONT_BODY, d->tip, UI_TEXT, r.x + pad, r.y + pad);
    d->tip[0] = '\0';
}

/* Draws the bar; returns the room left in it (for messages). */
static SDL_Rect top_bar(ui_state *s, SDL_Rect r)
{
    ui_ctx *c = s->c;
    ui_drill *d = &s->drill;
    const sim_world *w = s->w;
    ui_fill(c, r, UI_TOPBAR);
    SDL_Rect row = ui_inset(r, ui_px(c, 6));
    int gap = ui_px(c, 10);

    int over = sim_is_over(w);
    const char *fin = ui_tr(over ? "drill.results" : "drill.finish");
    /* A team seat's drill ends when the instructor ends the team's: no button (nor F12) for it here. */
    if (!d->class_driven) {
        SDL_Rect fin_r = ui_cut_right(&row, ui_cmd_button_w(c, fin, UI_CMD_FINISH));
        if (ui_cmd_button(c, ui_id("drill.finish"), fin_r, fin, UI_CMD_FINISH, over ? UI_BTN_PRIMARY : 0)) {
            if (over) ui_finish_drill(s);
            else d->confirm_finish = 1;
            if (!s->w) return ui_rect(0, 0, 0, 0);
        }
        ui_cut_right(&row, gap);
    }

    SDL_Rect title_r = ui_cut_left(&row, row.w / 4);
    ui_text_in(c, UI_FONT_TITLE, sim_text_get(&w->scn->title, ui_lang(s)), UI_TOPBAR_TEXT, title_r, UI_ALIGN_LEFT);
    ui_cut_left(&row, gap);
    clock_cell(s, &row);
    ui_cut_left(&row, gap);

    int bh = ui_line_h(c, UI_FONT_BODY), y = row.y + (row.h - bh) / 2;
    if (d->class_driven) {   /* a team seat: the team's clock, not the window's speed or pause */
        ui_cut_left(&row, ui_badge(c, UI_FONT_BODY, ui_tr("drill.team_clock"), UI_MUTED, UI_ON_ACCENT, row.x, y) + gap);
    } else {
        char labels[4][16];
        const char *lp[4];
        for (int i = 0; i < 4; i++) {
            char n[8];
            snprintf(n, sizeof n, "%d", speeds[i]);
            lp[i] = ui_fmt(labels[i], sizeof labels[i], ui_tr("drill.speed_fmt"), n, NULL, NULL);
        }
        SDL_Rect speed_r = ui_cut_left(&row, ui_px(c, 200));
        ui_choice(c, ui_id("drill.speed"), speed_r, lp, 4, &d->speed);
        if (ui_mouse_in(c, speed_r)) speed_tip(s, speed_r);
        ui_cut_left(&row, gap);
        const char *pl = ui_tr(d->paused ? "drill.resume" : "drill.pause");
        if (ui_cmd_button(c, ui_id("drill.pause"), ui_cut_left(&row, ui_cmd_button_w(c, pl, UI_CMD_PAUSE)), pl,
                          UI_CMD_PAUSE, d->paused ? UI_BTN_SELECTED : 0))
            d->paused = !d->paused;
        ui_cut_left(&row, gap);
    }

    int x = row.x;
    x += ui_badge(c, UI_FONT_BODY, ui_level_label(w->m.level), ui_level_color(w->m.level),
                  ui_level_text_color(w->m.level), x, y) + gap;
    if (d->held) x += ui_badge(c, UI_FONT_BODY, ui_tr("drill.held"), UI_FOCUS, UI_ON_ACCENT, x, y) + gap;
    else if (d->paused) x += ui_badge(c, UI_FONT_BODY, ui_tr("drill.paused"), UI_MUTED, UI_ON_ACCENT, x, y) + gap;
    if (over) x += ui_badge(c, UI_FONT_BODY, ui_tr("drill.over"), UI_DANGER, UI_ON_ACCENT, x, y) + gap;
    return ui_rect(x, row.y, row.x + row.w - x, row.h);
}

static void status_panel(ui_state *s, SDL_Rect r)
{
    ui_ctx *c = s->c;
    const sim_metrics *m = &s->w->m;
    SDL_Rect in = ui_panel(c, r, ui_tr("drill.status"));
    static const char *const tiers[4] = { "tier.0", "tier.1", "tier.2", "tier.3" };
    char v[4][32];
    snprintf(v[0], sizeof v[0], "%.0f", m->posts_per_hour);
    snprintf(v[1], sizeof v[1], "%.0f", m->trust);
    snprintf(v[2], sizeof v[2], "%.0f", m->crowd);
    snprintf(v[3], sizeof v[3], "%.0f", m->reads_total);
    const char *keys[5] = { "status.posts", "status.trust", "status.crowd", "status.reads", "status.tier" };
    const char *vals[5] = { v[0], v[1], v[2], v[3], ui_tr(tiers[m->tier >= 0 && m->tier < 4 ? m->tier : 0]) };
    int lh = ui_line_h(c, UI_FONT_SMALL);
    for (int i = 0; i < 5; i++) {
        SDL_Rect cell = ui_rect(in.x + (i % 2) * in.w / 2, in.y + (i / 2) * lh, in.w / 2, lh);
        char line[128];
        ui_text_in(c, UI_FONT_SMALL, ui_fmt(line, sizeof line, ui_tr(keys[i]), vals[i], NULL, NULL),
                   UI_TEXT, cell, UI_ALIGN_LEFT);
    }
}

static void heat_panel(ui_state *s, SDL_Rect r)
{
    ui_ctx *c = s->c;
    const sim_world *w = s->w;
    char title[128];
    ui_fmt(title, sizeof title, ui_tr("drill.heat"), ui_level_label(w->m.level), NULL, NULL);
    SDL_Rect in = ui_panel(c, r, title);
    ui_chart_heat(c, in, w->samples, w->n_samples, w->now, w->scn->duration, w->scn->starts_at);
}

static void confirm_dialog(ui_state *s)
{
    ui_ctx *c = s->c;
    ui_drill *d = &s->drill;
    ui_fill(c, ui_rect(0, 0, c->w, c->h), UI_SHADE);
    int w = ui_px(c, 460), h = ui_px(c, 170);
    SDL_Rect box = ui_rect((c->w - w) / 2, (c->h - h) / 2, w, h);
    SDL_Rect in = ui_panel(c, box, ui_tr("confirm.title"));
    ui_text_wrap(c, UI_FONT_BODY, ui_tr("confirm.finish"), UI_TEXT, in.x, in.y, in.w);
    SDL_Rect row = ui_cut_bottom(&in, ui_line_h(c, UI_FONT_BODY) + ui_px(c, 12));
    SDL_Rect no = ui_cut_right(&row, ui_button_w(c, ui_tr("confirm.no")));
    ui_cut_right(&row, ui_px(c, 10));
    SDL_Rect yes = ui_cut_right(&row, ui_button_w(c, ui_tr("confirm.yes")));
    unsigned yes_id = ui_id("confirm.yes"), no_id = ui_id("confirm.no");
    /* Enter alone must not end a drill: Cancel holds the focus first (the clock stands meanwhile). */
    if (c->focus.cur != yes_id && c->focus.cur != no_id) ui_focus_set(c, no_id);
    if (ui_button(c, yes_id, yes, ui_tr("confirm.yes"), UI_BTN_DANGER)) {
        d->confirm_finish = 0;
        ui_finish_drill(s);
        return;
    }
    if (ui_button(c, no_id, no, ui_tr("confirm.no"), 0) || ui_cmd_key(c, UI_CMD_CLOSE))
        d->confirm_finish = 0;
}

/* Give a list the keyboard; the inbox also jumps to its newest message. */
static void focus_list(ui_state *s, const char *id, ui_list *l)
{
    if (l == &s->drill.inbox) {
        l->sel = 0;
        l->top = 0;
    }
    ui_focus_set(s->c, ui_id(id));
}

/* Keys taken before the panels are drawn, so that a list given the keyboard sees the keys after it. */
static void panel_keys(ui_state *s)
{
    ui_ctx *c = s->c;
    ui_drill *d = &s->drill;
    if (ui_cmd_key(c, UI_CMD_HELP)) d->help = 1;
    for (int i = 0; i < 4; i++)
        if (ui_cmd_key(c, (ui_cmd)(UI_CMD_SPEED_1 + i))) d->speed = i;
    if (ui_cmd_key(c, UI_CMD_FEED)) focus_list(s, "feed.list", &d->feed);
    if (ui_cmd_key(c, UI_CMD_INBOX)) focus_list(s, "inbox.list", &d->inbox);
    if (ui_cmd_key(c, UI_CMD_RUMOURS)) focus_list(s, "rumour.list", &d->rumours);
}

/* The drill's keys that belong to no button (the buttons take their own); modal: only the instructor's. */
static void shortcuts(ui_state *s, int modal)
{
    ui_ctx *c = s->c;
    ui_drill *d = &s->drill;
    if (ui_cmd_key(c, UI_CMD_HOLD)) d->held = !d->held;
    if (ui_cmd_key(c, UI_CMD_INJECT) && ui_fire_next_inject(s) != 0 && !s->toast_error)
        ui_toast(s, 1, ui_tr("toast.no_inject"));
    if (modal || c->focus.text_wanted) return;   /* printable keys belong to the editor */
    if (ui_key_plain(c, SDLK_SPACE)) d->paused = !d->paused;
    static const SDL_Keycode keys[4] = { SDLK_1, SDLK_2, SDLK_3, SDLK_4 };
    for (int i = 0; i < 4; i++)
        if (ui_key_plain(c, keys[i])) d->speed = i;
}

/* F1: every key of the drill screen with what it does, in two columns over the screen. */
static void help_dialog(ui_state *s)
{
    ui_ctx *c = s->c;
    ui_drill *d = &s->drill;
    ui_fill(c, ui_rect(0, 0, c->w, c->h), UI_SHADE);
    int lh = ui_line_h(c, UI_FONT_BODY), per_col = (UI_CMD_COUNT + 1) / 2;
    int w = c->w * 8 / 10, h = per_col * lh + 2 * lh + ui_px(c, 60);
    if (h > c->h - ui_px(c, 20)) h = c->h - ui_px(c, 20);
    SDL_Rect box = ui_rect((c->w - w) / 2, (c->h - h) / 2, w, h);
    SDL_Rect in = ui_panel(c, box, ui_tr("keys.title"));
    SDL_Rect row = ui_cut_bottom(&in, lh + ui_px(c, 12));
    const char *close = ui_tr("keys.close_help");
    SDL_Rect close_r = ui_cut_right(&row, ui_cmd_button_w(c, close, UI_CMD_HELP));
    ui_text_in(c, UI_FONT_SMALL, ui_tr("keys.typing"), UI_MUTED, row, UI_ALIGN_LEFT);
    int key_w = ui_px(c, 110), col_w = in.w / 2;
    for (int i = 0; i < UI_CMD_COUNT; i++) {
        char buf[64];
        int x = in.x + (i / per_col) * col_w, y = in.y + (i % per_col) * lh;
        if (y + lh > in.y + in.h) continue;
        ui_text_in(c, UI_FONT_BODY, ui_cmd_label((ui_cmd)i), UI_ACCENT, ui_rect(x, y, key_w, lh), UI_ALIGN_LEFT);
        ui_text_in(c, UI_FONT_BODY, ui_tr(ui_cmd_what((ui_cmd)i, buf, sizeof buf)), UI_TEXT,
                   ui_rect(x + key_w, y, col_w - key_w, lh), UI_ALIGN_LEFT);
    }
    if (ui_cmd_button(c, ui_id("keys.close"), close_r, close, UI_CMD_HELP, UI_BTN_PRIMARY) || ui_cmd_key(c, UI_CMD_CLOSE))
        d->help = 0;
}

int ui_fire_next_inject(ui_state *s)
{
    const sim_world *w = s->w;
    const sim_scenario *scn = w->scn;
    int pick = -1;
    for (int i = 0; i < scn->n_injects; i++) {
        if (w->inject_fired[i]) continue;
        sim_time at = scn->injects[i].at;
        if (pick < 0) { pick = i; continue; }
        sim_time best = scn->injects[pick].at;
        if (at != SIM_NEVER && (best == SIM_NEVER || at < best)) pick = i;
    }
    if (pick < 0) return -1;
    return ui_submit(s, SIM_ACT_INJECT, SIM_LEVEL_NONE, scn->injects[pick].id, NULL, NULL);
}

/* The latest message, right-aligned in the free part of the top bar. */
static void toast_line(ui_state *s, SDL_Rect area)
{
    ui_ctx *c = s->c;
    if (!s->toast[0] || SDL_TICKS_PASSED(c->now_ms, s->toast_until) || area.w <= 0) return;
    int tw, th;
    ui_text_size(c, UI_FONT_BODY, s->toast, &tw, &th);
    int pad = ui_px(c, 8);
    SDL_Rect r = ui_rect(area.x + area.w - tw - 2 * pad, area.y + (area.h - th) / 2, tw + 2 * pad, th);
    if (r.x < area.x) r.x = area.x;
    ui_clip_push(c, area);
    ui_fill(c, r, s->toast_error ? UI_DANGER : UI_OK);
    ui_text(c, UI_FONT_BODY, s->toast, UI_ON_ACCENT, r.x + pad, r.y);
    ui_clip_pop(c);
}

void ui_drill_frame(ui_state *s)
{
    ui_ctx *c = s->c;
    ui_drill *d = &s->drill;
    advance(s);
    if (!s->w) return;   /* the instructor ended the drill: the results are up */
    ui_notify_scan(s);
    /* Under the finish dialog the screen is drawn but takes no input. */
    int modal = d->confirm_finish || d->help;
    ui_input saved = c->in;
    if (modal) {
        c->in.n_keys = 0;
        c->in.clicked = 0;
        c->in.wheel = 0;
        c->in.text[0] = '\0';
        c->in.mx = c->in.my = -1;
    }

    SDL_Rect screen = ui_rect(0, 0, c->w, c->h);
    ui_fill(c, screen, UI_BG);
    SDL_Rect top = ui_cut_top(&screen, ui_line_h(c, UI_FONT_TITLE) + ui_px(c, 16));
    SDL_Rect bar = ui_cut_bottom(&screen, ui_line_h(c, UI_FONT_BODY) + ui_line_h(c, UI_FONT_SMALL) + ui_px(c, 16));
    SDL_Rect body = ui_inset(screen, ui_px(c, 6));
    int gap = ui_px(c, 6);

    int hit = modal ? -1 : ui_notify_hit(s);
    if (!modal) panel_keys(s);
    SDL_Rect spare = top_bar(s, top);
    if (!s->w) return;   /* finished from the top bar */

    SDL_Rect left = ui_cut_left(&body, body.w * 3 / 10);
    SDL_Rect notice_area = left;   /* notices pop up over the rumours, clear of every button */
    ui_cut_left(&body, gap);
    SDL_Rect stat = ui_cut_top(&left, 3 * ui_line_h(c, UI_FONT_SMALL) + ui_line_h(c, UI_FONT_BODY) + ui_px(c, 30));
    ui_cut_top(&left, gap);
    SDL_Rect heat = ui_cut_top(&left, (left.h - 2 * gap) * 36 / 100);
    ui_cut_top(&left, gap);
    SDL_Rect hot = ui_cut_top(&left, (left.h - gap) * 45 / 100);
    ui_cut_top(&left, gap);
    status_panel(s, stat);
    heat_panel(s, heat);
    ui_hot_panel(s, hot);
    ui_rumour_panel(s, left);

    if (d->comp.open || d->press.open) {
        /* The editor docks on the right; the feed and the inbox stay in view, one above the other. */
        SDL_Rect dock = ui_cut_right(&body, body.w * 60 / 100);
        ui_cut_right(&body, gap);
        SDL_Rect inbox = ui_cut_bottom(&body, (body.h - gap) * 45 / 100);
        ui_cut_bottom(&body, gap);
        ui_feed_panel(s, body);
        ui_inbox_panel(s, inbox);
        if (d->comp.open) ui_composer_panel(s, dock);
        else ui_press_panel(s, dock);
    } else {
        SDL_Rect right = ui_cut_right(&body, body.w * 45 / 100);
        ui_cut_right(&body, gap);
        ui_feed_panel(s, body);
        ui_inbox_panel(s, right);
    }
    ui_action_bar(s, bar);
    if (!s->w) return;
    ui_notify_draw(s, notice_area, hit);
    if (modal) {
        c->in = saved;
        c->focus.n = 0;
        c->focus.text_wanted = 0;
    }
    shortcuts(s, modal);
    toast_line(s, spare);
    tooltip(s);
    if (d->confirm_finish) confirm_dialog(s);
    else if (d->help) help_dialog(s);
}
