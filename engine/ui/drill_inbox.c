/* drill_inbox.c — the inbox: the world's events newest first (injects, verified facts, rumours,
 * media reports, reporters' questions and follow-ups, level changes, notes, own actions);
 * Enter on one opens the fitting action (answer a question, rebut a rumour, report an inject). */
#include <stdio.h>
#include <string.h>

#include "ctx.h"
#include "draw.h"
#include "drill.h"
#include "layout.h"
#include "theme.h"

/* Header and body text of an event; returns its colour. */
SDL_Color ui_event_describe(ui_state *s, const sim_event *e, char *head, size_t hn, char *body, size_t bn)
{
    const sim_world *w = s->w;
    const sim_scenario *scn = w->scn;
    const char *lang = ui_lang(s);
    char clock[32], key[64], tmp[512];
    SDL_Color col = UI_MUTED;
    body[0] = '\0';
    snprintf(key, sizeof key, "event.%s", sim_event_type_name(e->type));
    ui_fmt(head, hn, ui_tr("inbox.head"), ui_clock_of_day(clock, sizeof clock, w, e->t), ui_tr(key), NULL);
    int r = e->ref;
    switch (e->type) {
    case SIM_EV_INJECT:
        if (r >= 0 && r < scn->n_injects) {
            ui_fmt(body, bn, ui_tr("inbox.from"), sim_text_get(&scn->injects[r].source, lang),
                   sim_text_get(&scn->injects[r].text, lang), NULL);
        }
        col = UI_ACCENT;
        break;
    case SIM_EV_FACT_VERIFIED:
        if (r >= 0 && r < scn->n_facts)
            ui_fmt(body, bn, ui_tr("inbox.fact"), sim_text_get(&scn->facts[r].text, lang),
                   sim_text_get(&scn->facts[r].verified_by, lang), NULL);
        col = UI_OK;
        break;
    case SIM_EV_RUMOUR_START:
    case SIM_EV_RUMOUR_REBUTTED:
        if (r >= 0 && r < scn->n_rumours) snprintf(body, bn, "%s", sim_text_get(&scn->rumours[r].claim, lang));
        col = e->type == SIM_EV_RUMOUR_START ? UI_DANGER : UI_OK;
        break;
    case SIM_EV_MEDIA_REPORT: {
        char rate[32];
        snprintf(rate, sizeof rate, "%.0f", e->value);
        const char *outlet = (r >= 0 && r < scn->n_questions) ? sim_text_get(&scn->questions[r].outlet, lang) : "";
        ui_fmt(body, bn, ui_tr("inbox.media"), outlet, rate, NULL);
        col = UI_FOCUS;
        break;
    }
    case SIM_EV_QUESTION:
    case SIM_EV_FOLLOWUP:
        if (r >= 0 && r < scn->n_questions) {
            const sim_question *q = &scn->questions[r];
            ui_fmt(tmp, sizeof tmp, ui_tr("press.who"), sim_text_get(&q->reporter, lang), sim_text_get(&q->outlet, lang), NULL);
            ui_fmt(body, bn, ui_tr("inbox.question"), tmp,
                   sim_text_get(e->type == SIM_EV_FOLLOWUP ? &q->followup : &q->text, lang), NULL);
        }
        col = UI_ACCENT;
        break;
    case SIM_EV_LEVEL:
        ui_fmt(body, bn, ui_tr("inbox.level"), ui_level_label((int)e->value), NULL, NULL);
        col = ui_level_color((int)e->value);
        break;
    case SIM_EV_TIER: {
        char tier[32];
        snprintf(tier, sizeof tier, "tier.%d", (int)e->value);
        ui_fmt(body, bn, ui_tr("inbox.tier"), ui_tr(tier), NULL, NULL);
        break;
    }
    case SIM_EV_ACTION:
        if (r >= 0 && r < w->n_log) {
            const sim_action *a = &w->log[r];
            snprintf(key, sizeof key, "action.%s", sim_action_type_name(a->type));
            ui_fmt(body, bn, ui_tr("inbox.action"), ui_tr(key), a->text ? a->text : "", NULL);
        }
        break;
    case SIM_EV_SILENCE:
        snprintf(body, bn, "%s", ui_tr("inbox.silence"));
        col = UI_DANGER;
        break;
    case SIM_EV_NOTE:
        snprintf(body, bn, "%s", sim_event_note(e, lang));
        break;
    case SIM_EV_ENDING:
        if (r >= 0 && r < scn->n_endings) snprintf(body, bn, "%s", sim_text_get(&scn->endings[r].text, lang));
        col = UI_DANGER;
        break;
    default:
        break;
    }
    return col;
}

int ui_event_in_inbox(const sim_world *w, const sim_event *e)
{
    /* The instructor's post shows in the feed, a live question in the press view: neither is "our action". */
    return !(e->type == SIM_EV_ACTION && e->ref >= 0 && e->ref < w->n_log &&
             (w->log[e->ref].type == SIM_ACT_POST || w->log[e->ref].type == SIM_ACT_ASK));
}

/* A video inject's card under its text: a dark 16:9 frame, ▶ on a disc in the middle and the running
 * time ("0:47") in its corner when the scenario gives one. Returns the height it takes. */
static int video_card(ui_ctx *c, const sim_inject *inj, int x, int y, int draw)
{
    int h = 2 * ui_line_h(c, UI_FONT_BODY) + ui_line_h(c, UI_FONT_SMALL), w = h * 16 / 9, pad = ui_px(c, 4);
    if (!draw) return h + pad;
    SDL_Rect card = ui_rect(x, y, w, h);
    ui_fill(c, card, (SDL_Color){34, 38, 48, 255});
    int d = ui_line_h(c, UI_FONT_BODY) + ui_px(c, 8), tw, th;
    ui_disc(c, x + w / 2, y + h / 2, d / 2, (SDL_Color){255, 255, 255, 210});
    ui_text_size(c, UI_FONT_BODY, ui_tr("inbox.play"), &tw, &th);
    ui_text(c, UI_FONT_BODY, ui_tr("inbox.play"), (SDL_Color){34, 38, 48, 255}, x + (w - tw) / 2 + ui_px(c, 1),
            y + (h - th) / 2);
    char len[32] = "", note[96];
    int secs = (int)(inj->length + 0.5);
    if (secs > 0) {
        snprintf(len, sizeof len, "%d:%02d", secs / 60, secs % 60);
        ui_text_size(c, UI_FONT_SMALL, len, &tw, &th);
        int lw = tw + 2 * ui_px(c, 6);   /* as ui_badge pads it */
        ui_badge(c, UI_FONT_SMALL, len, (SDL_Color){0, 0, 0, 255}, (SDL_Color){255, 255, 255, 255}, x + w - lw - pad,
                 y + h - ui_line_h(c, UI_FONT_SMALL) - pad);
    }
    /* The dump lists the card when the list shows all of it. */
    SDL_Rect seen;
    if (c->clip_n > 0 && SDL_IntersectRect(&card, &c->clip[c->clip_n - 1], &seen) && SDL_RectEquals(&seen, &card)) {
        snprintf(note, sizeof note, "[video] %s %s", ui_tr("inbox.play"), len);
        ui_layout_note(c, note, card, 0);
    }
    return h + pad;
}

static int event_row(ui_ctx *c, void *ud, int i, SDL_Rect r, int selected, int draw)
{
    ui_state *s = ud;
    (void)selected;
    const sim_event *e = &s->w->events[s->drill.inbox_rows.v[i]];
    const sim_scenario *scn = s->w->scn;
    const sim_inject *video = e->type == SIM_EV_INJECT && e->ref >= 0 && e->ref < scn->n_injects &&
                                      scn->injects[e->ref].kind && strcmp(scn->injects[e->ref].kind, "video") == 0
                                  ? &scn->injects[e->ref] : NULL;
    char head[256], body[1024];
    SDL_Color col = ui_event_describe(s, e, head, sizeof head, body, sizeof body);
    int h = ui_row_text(c, r, head, col, body, 0);
    if (video) h += video_card(c, video, r.x + ui_px(c, 8), r.y + h - ui_px(c, 4), 0);
    if (!draw) return h;
    ui_fill(c, ui_rect(r.x, r.y, ui_px(c, 3), r.h), col);
    int text_h = ui_row_text(c, r, head, col, body, 1);
    if (video) video_card(c, video, r.x + ui_px(c, 8), r.y + text_h - ui_px(c, 4), 1);
    return h;
}

void ui_inbox_activate(ui_state *s, const sim_event *e)
{
    const sim_scenario *scn = s->w->scn;
    switch (e->type) {
    case SIM_EV_QUESTION:
    case SIM_EV_FOLLOWUP:
        if (e->ref >= 0 && e->ref < scn->n_questions) ui_composer_open(s, SIM_ACT_ANSWER, scn->questions[e->ref].id);
        break;
    case SIM_EV_RUMOUR_START:
        if (e->ref >= 0 && e->ref < scn->n_rumours) ui_composer_open(s, SIM_ACT_REBUT, scn->rumours[e->ref].id);
        break;
    case SIM_EV_LEVEL:
    case SIM_EV_TIER:
        ui_composer_open(s, SIM_ACT_ASSESS, NULL);
        break;
    case SIM_EV_FACT_VERIFIED:
        ui_composer_open(s, SIM_ACT_STATEMENT, NULL);
        break;
    default:
        ui_composer_open(s, SIM_ACT_REPORT, NULL);
        break;
    }
}

/* The unread count beside the panel's title (as ui_panel lays the title out). */
static void unread_badge(ui_state *s, SDL_Rect panel, const char *title)
{
    ui_ctx *c = s->c;
    int unread = ui_inbox_unread(s);
    if (unread <= 0) return;
    char num[16], label[64];
    snprintf(num, sizeof num, "%d", unread);
    ui_fmt(label, sizeof label, ui_tr("inbox.unread"), num, NULL, NULL);
    int tw, th, pad = ui_px(c, 8);
    ui_text_size(c, UI_FONT_BODY, title, &tw, &th);
    int x = panel.x + pad + tw + pad, y = panel.y + pad + (ui_line_h(c, UI_FONT_BODY) - ui_line_h(c, UI_FONT_SMALL)) / 2;
    int bw = ui_badge(c, UI_FONT_SMALL, label, UI_DANGER, UI_ON_ACCENT, x, y);
    if (c->layout_path) {
        char note[96];
        snprintf(note, sizeof note, "[unread] %d", unread);
        ui_layout_note(c, note, ui_rect(x, y, bw, ui_line_h(c, UI_FONT_SMALL)), 0);
    }
}

void ui_inbox_panel(ui_state *s, SDL_Rect r)
{
    ui_ctx *c = s->c;
    ui_drill *d = &s->drill;
    const sim_world *w = s->w;
    int fresh = w->n_events - d->inbox_seen;
    d->inbox_seen = w->n_events;
    d->inbox_rows.n = 0;
    int fresh_rows = 0;
    for (int i = w->n_events - 1; i >= 0; i--) {
        if (!ui_event_in_inbox(w, &w->events[i])) continue;
        if (ui_rows_push(&d->inbox_rows, i)) break;
        if (i >= w->n_events - fresh) fresh_rows++;
    }
    char title[128], count[32];
    snprintf(count, sizeof count, "%d", d->inbox_rows.n);
    SDL_Rect in = ui_panel(c, r, ui_fmt(title, sizeof title, ui_tr("inbox.title"), count, NULL, NULL));
    unread_badge(s, r, title);

    if (fresh_rows && d->inbox.top > 0) d->inbox.top += fresh_rows;
    if (fresh_rows && d->inbox.sel >= 0) d->inbox.sel += fresh_rows;
    if (d->inbox_rows.n == 0) {
        ui_text_in(c, UI_FONT_BODY, ui_tr("inbox.empty"), UI_MUTED, ui_cut_top(&in, ui_line_h(c, UI_FONT_BODY)), UI_ALIGN_LEFT);
        return;
    }
    int f = ui_list_view(c, &d->inbox, ui_id("inbox.list"), in, d->inbox_rows.n, event_row, s);
    if ((f & UI_LIST_ACTIVATED) && d->inbox.sel >= 0 && d->inbox.sel < d->inbox_rows.n)
        ui_inbox_activate(s, &w->events[d->inbox_rows.v[d->inbox.sel]]);
    if (c->focus.cur == ui_id("inbox.list")) d->inbox_read = w->n_events;
}
