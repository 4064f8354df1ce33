/* drill_press.c — the press-conference view: one reporter's question at a time (the scenario's, their
 * follow-up when an answer evaded, or a classmate's live question), a countdown for answering, the typed
 * answer submitted as SIM_ACT_ANSWER, and the transcript of questions and answers, kept after the end. */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "drill.h"
#include "layout.h"
#include "theme.h"

#define PRESS_ANSWER_S 120
#define PRESS_WARN_S 20

void ui_press_open(ui_state *s)
{
    ui_press *p = &s->drill.press;
    p->open = 1;
    p->shown = -1;
    p->last_ms = 0;
    s->drill.comp.open = 0;
    ui_focus_set(s->c, ui_id("press.answer"));
}

/* The questions the view steps through: the scenario's (0 .. n_questions-1), then the live ones (the
 * drill's ask actions, in order). */
static int n_items(const sim_world *w)
{
    int n = w->scn->n_questions;
    for (int i = 0; i < w->n_log; i++) n += w->log[i].type == SIM_ACT_ASK;
    return n;
}

/* The ask action of live item `item`, or NULL for a scenario question. */
static const sim_action *live_ask(const sim_world *w, int item)
{
    for (int i = 0, k = w->scn->n_questions; item >= w->scn->n_questions && i < w->n_log; i++)
        if (w->log[i].type == SIM_ACT_ASK && k++ == item) return &w->log[i];
    return NULL;
}

/* What an answer to item names: the scenario question's id, or live-N. */
static const char *item_id(const sim_world *w, int item, char *buf, size_t len)
{
    if (item < w->scn->n_questions) return w->scn->questions[item].id;
    snprintf(buf, len, SIM_LIVE_PREFIX "%d", item - w->scn->n_questions + 1);
    return buf;
}

static int waiting(const sim_world *w, int item)
{
    if (item < w->scn->n_questions) return w->question_state[item] == 1 || w->question_state[item] == 3;
    const sim_action *ask = live_ask(w, item);
    char id[32];
    item_id(w, item, id, sizeof id);
    for (const sim_action *a = ask + 1; ask && a < w->log + w->n_log; a++)
        if (a->type == SIM_ACT_ANSWER && a->target && strcmp(a->target, id) == 0) return 0;
    return ask != NULL;
}

/* "Reporter (outlet)" of a live question (the reporter alone without an outlet; the instructor in the UI's words). */
static const char *live_who(char *buf, size_t len, const sim_action *ask)
{
    const char *who = strcmp(ask->target, SIM_ASKER_INSTRUCTOR) == 0 ? ui_tr("press.instructor") : ask->target;
    if (!ask->channel) return ui_fmt(buf, len, "{1}", who, NULL, NULL);
    return ui_fmt(buf, len, ui_tr("press.who"), who, ask->channel, NULL);
}

/* Put question q up, restart its clock and give the answer box the keyboard. */
static void show(ui_state *s, ui_press *p, const sim_world *w, int q)
{
    ui_focus_set(s->c, ui_id("press.answer"));
    p->shown = q;
    p->shown_state = q >= 0 && q < w->scn->n_questions ? w->question_state[q] : 0;
    p->elapsed_ms = 0;
}

/* Whether event e belongs in the transcript: a question, a follow-up, or our answer. */
static int in_transcript(const sim_world *w, const sim_event *e)
{
    if (e->type == SIM_EV_QUESTION || e->type == SIM_EV_FOLLOWUP) return e->ref >= 0 && e->ref < w->scn->n_questions;
    return e->type == SIM_EV_ACTION && e->ref >= 0 && e->ref < w->n_log &&
           (w->log[e->ref].type == SIM_ACT_ANSWER || w->log[e->ref].type == SIM_ACT_ASK);
}

static int transcript_row(ui_ctx *c, void *ud, int i, SDL_Rect r, int selected, int draw)
{
    ui_state *s = ud;
    (void)selected;
    const sim_world *w = s->w;
    const sim_event *e = &w->events[s->drill.press.transcript_rows.v[i]];
    const char *lang = ui_lang(s);
    char clock[32], who[256], head[320];
    ui_clock_of_day(clock, sizeof clock, w, e->t);
    const char *body;
    SDL_Color col = UI_ACCENT;
    if (e->type == SIM_EV_ACTION && w->log[e->ref].type == SIM_ACT_ASK) {
        ui_fmt(head, sizeof head, ui_tr(w->log[e->ref].follow_up ? "press.t_followup" : "press.t_question"), clock,
               live_who(who, sizeof who, &w->log[e->ref]), NULL);
        body = w->log[e->ref].text;
    } else if (e->type == SIM_EV_ACTION) {
        ui_fmt(head, sizeof head, ui_tr("press.t_answer"), clock, NULL, NULL);
        body = w->log[e->ref].text ? w->log[e->ref].text : "";
        col = UI_OK;
    } else {
        const sim_question *q = &w->scn->questions[e->ref];
        int follow = e->type == SIM_EV_FOLLOWUP;
        ui_fmt(who, sizeof who, ui_tr("press.who"), sim_text_get(&q->reporter, lang), sim_text_get(&q->outlet, lang), NULL);
        ui_fmt(head, sizeof head, ui_tr(follow ? "press.t_followup" : "press.t_question"), clock, who, NULL);
        body = sim_text_get(follow ? &q->followup : &q->text, lang);
    }
    int h = ui_row_text(c, r, head, col, body, draw);
    SDL_Rect seen, row = ui_rect(r.x, r.y, r.w, h);
    if (draw && c->layout_path && c->clip_n > 0 && SDL_IntersectRect(&row, &c->clip[c->clip_n - 1], &seen)) {
        char note[sizeof head + 16];
        snprintf(note, sizeof note, "[transcript] %s", head);
        ui_layout_note(c, note, seen, 0);
    }
    return h;
}

/* The transcript in r, oldest first; it scrolls to the newest entry as one arrives. */
static void transcript(ui_state *s, SDL_Rect r)
{
    ui_ctx *c = s->c;
    ui_press *p = &s->drill.press;
    const sim_world *w = s->w;
    SDL_Rect in = ui_panel(c, r, ui_tr("press.transcript"));
    int before = p->transcript_rows.n;
    p->transcript_rows.n = 0;
    for (int i = 0; i < w->n_events; i++)
        if (in_transcript(w, &w->events[i]) && ui_rows_push(&p->transcript_rows, i)) break;
    int n = p->transcript_rows.n;
    if (n == 0) {
        ui_text_wrap(c, UI_FONT_SMALL, ui_tr("press.transcript_empty"), UI_MUTED, in.x, in.y, in.w);
        return;
    }
    if (n != before) p->transcript.top = n;   /* the list stops at the page showing the newest */
    ui_list_view(c, &p->transcript, ui_id("press.transcript"), in, n, transcript_row, s);
}

void ui_press_panel(ui_state *s, SDL_Rect r)
{
    ui_ctx *c = s->c;
    ui_press *p = &s->drill.press;
    const sim_world *w = s->w;
    const sim_scenario *scn = w->scn;
    const char *lang = ui_lang(s);
    int gap = ui_px(c, 8), row_h = ui_line_h(c, UI_FONT_BODY) + ui_px(c, 10);
    SDL_Rect in = ui_panel(c, r, ui_tr("press.title"));

    SDL_Rect top = ui_cut_top(&in, row_h);
    ui_cut_top(&in, gap);
    SDL_Rect leave = ui_cut_right(&top, ui_cmd_button_w(c, ui_tr("press.leave"), UI_CMD_CLOSE));
    if (ui_cmd_button(c, ui_id("press.leave"), leave, ui_tr("press.leave"), UI_CMD_CLOSE, 0)) { p->open = 0; return; }
    transcript(s, ui_cut_bottom(&in, in.h * 38 / 100));
    ui_cut_bottom(&in, gap);

    int n = 0, pos = -1, first = -1, items = n_items(w);
    for (int q = 0; q < items; q++) {
        if (!waiting(w, q)) continue;
        if (first < 0) first = q;
        if (q == p->shown) pos = n;
        n++;
    }
    if (n == 0) {
        p->shown = -1;
        ui_text_in(c, UI_FONT_BODY, ui_tr("press.waiting"), UI_MUTED, top, UI_ALIGN_LEFT);
        ui_text_wrap(c, UI_FONT_SMALL, ui_tr("press.waiting_hint"), UI_MUTED, in.x, in.y, in.w);
        return;
    }
    if (pos < 0) { show(s, p, w, first); pos = 0; }
    else if (p->shown < scn->n_questions && w->question_state[p->shown] != p->shown_state)
        show(s, p, w, p->shown);   /* a follow-up came */

    Uint32 now = c->now_ms;
    if (!s->drill.paused && !s->drill.held && p->last_ms) p->elapsed_ms += now - p->last_ms;
    p->last_ms = now;

    char nbuf[16], mbuf[16], label[128];
    snprintf(nbuf, sizeof nbuf, "%d", pos + 1);
    snprintf(mbuf, sizeof mbuf, "%d", n);
    SDL_Rect next = ui_cut_right(&top, ui_cmd_button_w(c, ui_tr("press.next"), UI_CMD_NEXT));
    ui_cut_right(&top, gap);
    SDL_Rect prev = ui_cut_right(&top, ui_cmd_button_w(c, ui_tr("press.prev"), UI_CMD_PREV));
    ui_text_in(c, UI_FONT_BODY, ui_fmt(label, sizeof label, ui_tr("press.count"), nbuf, mbuf, NULL), UI_TEXT, top, UI_ALIGN_LEFT);
    int step = 0;
    if (ui_cmd_button(c, ui_id("press.prev"), prev, ui_tr("press.prev"), UI_CMD_PREV, n > 1 ? 0 : UI_BTN_DISABLED)) step = -1;
    if (ui_cmd_button(c, ui_id("press.next"), next, ui_tr("press.next"), UI_CMD_NEXT, n > 1 ? 0 : UI_BTN_DISABLED)) step = 1;
    if (step) {
        int want = (pos + step + n) % n, k = 0;
        for (int q = 0; q < items; q++) {
            if (!waiting(w, q)) continue;
            if (k++ == want) { show(s, p, w, q); break; }
        }
    }

    const sim_action *ask = live_ask(w, p->shown);
    const sim_question *q = ask ? NULL : &scn->questions[p->shown];
    int follow = !ask && w->question_state[p->shown] == 3;
    char who[256], id[32];
    if (ask) live_who(who, sizeof who, ask);
    else ui_fmt(who, sizeof who, ui_tr("press.who"), sim_text_get(&q->reporter, lang), sim_text_get(&q->outlet, lang), NULL);
    SDL_Rect card = in;
    int th = ui_line_h(c, UI_FONT_TITLE);
    int x = card.x;
    if (follow) x += ui_badge(c, UI_FONT_BODY, ui_tr("press.followup"), UI_FOCUS, UI_ON_ACCENT, x, card.y) + gap;
    ui_text(c, UI_FONT_TITLE, who, UI_ACCENT, x, card.y);
    ui_cut_top(&in, th + gap / 2);
    if (follow) {
        int h = ui_text_wrap(c, UI_FONT_SMALL, sim_text_get(&q->text, lang), UI_MUTED, in.x, in.y, in.w);
        ui_cut_top(&in, h + gap / 2);
    }
    const char *asked = ask ? ask->text : sim_text_get(follow ? &q->followup : &q->text, lang);
    int qh = ui_text_wrap(c, UI_FONT_TITLE, asked, UI_TEXT, in.x, in.y, in.w);
    ui_cut_top(&in, qh + gap);

    /* Countdown. */
    int left_s = PRESS_ANSWER_S - (int)(p->elapsed_ms / 1000);
    SDL_Rect cd = ui_cut_top(&in, ui_line_h(c, UI_FONT_BODY));
    ui_cut_top(&in, gap);
    SDL_Rect bar = ui_cut_right(&cd, cd.w / 2);
    char secs[16];
    snprintf(secs, sizeof secs, "%d", left_s > 0 ? left_s : 0);
    ui_text_in(c, UI_FONT_BODY, left_s > 0 ? ui_fmt(label, sizeof label, ui_tr("press.left"), secs, NULL, NULL) : ui_tr("press.overtime"),
               left_s > PRESS_WARN_S ? UI_TEXT : UI_DANGER, cd, UI_ALIGN_LEFT);
    bar = ui_inset(bar, ui_px(c, 4));
    ui_fill(c, bar, UI_PANEL_ALT);
    if (left_s > 0)
        ui_fill(c, ui_rect(bar.x, bar.y, bar.w * left_s / PRESS_ANSWER_S, bar.h), left_s > PRESS_WARN_S ? UI_ACCENT : UI_DANGER);
    ui_outline(c, bar, UI_BORDER, 1);

    SDL_Rect buttons = ui_cut_bottom(&in, row_h);
    ui_cut_bottom(&in, gap);
    SDL_Rect send = ui_cut_right(&buttons, ui_cmd_button_w(c, ui_tr("press.answer"), UI_CMD_SUBMIT));
    ui_text_in(c, UI_FONT_SMALL, ui_tr("composer.keys"), UI_MUTED, buttons, UI_ALIGN_LEFT);
    int go = ui_text_field(c, &p->answer, ui_id("press.answer"), in, ui_tr("placeholder.answer")) & UI_EDIT_SUBMIT;
    if (ui_cmd_button(c, ui_id("press.send"), send, ui_tr("press.answer"), UI_CMD_SUBMIT, UI_BTN_PRIMARY)) go = 1;
    if (go) {
        if (ui_tb_chars(&p->answer.buf) == 0) ui_toast(s, 1, ui_tr("composer.need_text"));
        else if (ui_submit(s, SIM_ACT_ANSWER, SIM_LEVEL_NONE, item_id(w, p->shown, id, sizeof id), NULL, ui_text_edit_text(&p->answer)) == 0)
            ui_text_edit_set(&p->answer, "");
    }
}
