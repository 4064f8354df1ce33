/* review_action.c — the review's action panels: the trainee's actions in order, the selected one's text
 * beside the facts as they stood when it was taken (verified or not yet, cited, wrong numbers), and the
 * scorecard lines whose evidence names it. */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "layout.h"
#include "review.h"
#include "theme.h"

/* What an action was aimed at, in words ("" when nothing). */
static const char *target_text(ui_state *s, const sim_action *a, char *buf, size_t n)
{
    const sim_scenario *scn = s->review->info->world->scn;
    const char *lang = ui_lang(s);
    int i;
    char key[64];
    buf[0] = '\0';
    switch (a->type) {
    case SIM_ACT_ASSESS: return ui_level_label(a->level);
    case SIM_ACT_STATEMENT:
        i = a->channel ? sim_scenario_platform(scn, a->channel) : -1;
        return i >= 0 ? sim_text_get(&scn->platforms[i].name, lang) : buf;
    case SIM_ACT_REBUT:
        i = a->target ? sim_scenario_rumour(scn, a->target) : -1;
        return i >= 0 ? sim_text_get(&scn->rumours[i].claim, lang) : buf;
    case SIM_ACT_ANSWER:
        i = a->target ? sim_scenario_question(scn, a->target) : -1;
        return i >= 0 ? sim_text_get(&scn->questions[i].text, lang) : buf;
    case SIM_ACT_VERIFY:
        i = a->target ? sim_scenario_fact(scn, a->target) : -1;
        return i >= 0 ? sim_text_get(&scn->facts[i].text, lang) : buf;
    case SIM_ACT_INJECT:
        i = a->target ? sim_scenario_inject(scn, a->target) : -1;
        return i >= 0 ? sim_text_get(&scn->injects[i].text, lang) : buf;
    case SIM_ACT_OFFLINE:
    case SIM_ACT_LOGISTICS:
        snprintf(key, sizeof key, "%s.%s", a->type == SIM_ACT_OFFLINE ? "measure" : "logistics", a->target ? a->target : "");
        snprintf(buf, n, "%s", a->target ? ui_tr(key) : "");   /* ui_tr may hand back the key itself */
        return buf;
    case SIM_ACT_REPLY:
        snprintf(buf, n, "%s", a->target ? a->target : "");
        return buf;
    default: return buf;
    }
}

/* The action type's name in the interface language, copied into buf (ui_tr may hand back the key itself). */
static const char *action_name(const sim_action *a, char *buf, size_t n)
{
    char key[64];
    snprintf(key, sizeof key, "action.%s", sim_action_type_name(a->type));
    snprintf(buf, n, "%s", ui_tr(key));
    return buf;
}

static int line_names_action(const score_line *l, int action)
{
    for (int k = 0; k < l->n_ev; k++)
        if (l->ev[k].action == action) return 1;
    return 0;
}

/* What the selected action's text says of fact f, as the world read it: the worst effect of its
 * claims about f (SIM_EFFECT_NONE when it says nothing of f), the figure written in *stated. */
static sim_claim_effect fact_use(const ui_review_state *r, int f, double *stated)
{
    sim_claim_effect use = SIM_EFFECT_NONE;
    for (int k = 0; r->reading && k < r->reading->n_claims; k++) {
        const sim_claim *c = &r->reading->claims[k];
        sim_claim_effect e = sim_claim_effect_of(c);
        if (c->about != SIM_ABOUT_FACT || c->ref != f || e == SIM_EFFECT_NONE || (use != SIM_EFFECT_NONE && e < use))
            continue;
        use = e;
        if (stated)
            *stated = c->number;
    }
    return use;
}

/* The card lines of the selected action and its text read against the facts, when the selection moved. */
static void refresh(ui_state *s)
{
    ui_review_state *r = s->review;
    int sel = r->actions.sel;
    if (sel == r->rows_for) return;
    r->rows_for = sel;
    r->line_rows.n = 0;
    ui_list none = { -1, 0, 0 };
    r->lines = none;
    r->reading = NULL;
    const sim_world *w = r->info->world;
    if (sel < 0 || sel >= w->n_log) return;
    const score_card *card = r->info->card;
    for (int i = 0; i < card->n_lines; i++)
        if (line_names_action(&card->lines[i], sel) && ui_rows_push(&r->line_rows, i)) break;
    if (r->line_rows.n > 0) r->lines.sel = 0;
    r->reading = sim_action_reading(w, sel);
    r->fact_rows.n = 0;
    r->facts = none;
    for (int pass = 0; pass < 2; pass++)
        for (int f = 0; f < w->scn->n_facts; f++)
            if ((fact_use(r, f, NULL) != SIM_EFFECT_NONE) == (pass == 0) && ui_rows_push(&r->fact_rows, f)) return;
}

static int count_lines(const score_card *card, int action)
{
    int n = 0;
    for (int i = 0; i < card->n_lines; i++) n += line_names_action(&card->lines[i], action);
    return n;
}

static int action_row(ui_ctx *c, void *ud, int i, SDL_Rect r, int selected, int draw)
{
    ui_state *s = ud;
    (void)selected;
    const sim_action *a = &s->review->info->world->log[i];
    int pad = ui_px(c, 4), sh = ui_line_h(c, UI_FONT_SMALL), bh = ui_line_h(c, UI_FONT_BODY);
    if (draw) {
        char n[16], clock[32], head[256], lines[64], cnt[16], tb[128], name[64];
        snprintf(n, sizeof n, "%d", i + 1);
        snprintf(cnt, sizeof cnt, "%d", count_lines(s->review->info->card, i));
        ui_fmt(head, sizeof head, ui_tr("review.action_head"), n, ui_clock(clock, sizeof clock, a->t),
               action_name(a, name, sizeof name));
        ui_fmt(lines, sizeof lines, ui_tr("review.lines_count"), cnt, NULL, NULL);
        SDL_Rect top = ui_rect(r.x + 2 * pad, r.y + pad, r.w - 3 * pad, sh);
        int lw, lh;
        ui_text_size(c, UI_FONT_SMALL, lines, &lw, &lh);
        ui_text_in(c, UI_FONT_SMALL, lines, UI_MUTED, ui_cut_right(&top, lw), UI_ALIGN_RIGHT);
        ui_text_in(c, UI_FONT_SMALL, head, UI_ACCENT, top, UI_ALIGN_LEFT);
        const char *body = a->text && *a->text ? a->text : target_text(s, a, tb, sizeof tb);
        ui_text_in(c, UI_FONT_BODY, body && *body ? body : ui_tr("review.no_text"), body && *body ? UI_TEXT : UI_MUTED,
                   ui_rect(r.x + 2 * pad, r.y + pad + sh, r.w - 3 * pad, bh), UI_ALIGN_LEFT);
    }
    return sh + bh + 2 * pad;
}

void ui_review_actions(ui_state *s, SDL_Rect r)
{
    ui_ctx *c = s->c;
    ui_review_state *rv = s->review;
    const sim_world *w = rv->info->world;
    char title[128], n[16];
    snprintf(n, sizeof n, "%d", w->n_log);
    SDL_Rect in = ui_panel(c, r, ui_fmt(title, sizeof title, ui_tr("review.actions"), n, NULL, NULL));
    if (w->n_log == 0) {
        ui_text_in(c, UI_FONT_BODY, ui_tr("review.no_actions"), UI_MUTED, ui_cut_top(&in, ui_line_h(c, UI_FONT_BODY)),
                   UI_ALIGN_LEFT);
        return;
    }
    /* The selection also moves by keys outside the list: keep it in view. */
    ui_list *l = &rv->actions;
    if (l->sel >= 0 && l->sel < l->top) l->top = l->sel;
    if (l->sel >= 0 && l->shown > 0 && l->sel >= l->top + l->shown) l->top = l->sel - l->shown + 1;
    int before = l->sel;
    ui_list_view(c, l, ui_id("review.actions"), in, w->n_log, action_row, s);
    if (l->sel != before) ui_review_select(s, l->sel);
}

/* When fact f was verified as the world stood just before action `act` was applied: SIM_NEVER if not yet. */
static sim_time fact_then(const sim_world *w, int act, int f)
{
    for (int i = 0; i < w->n_events; i++) {
        const sim_event *e = &w->events[i];
        if (e->type == SIM_EV_ACTION && e->ref == act) break;
        if (e->type == SIM_EV_FACT_VERIFIED && e->ref == f) return e->t;
    }
    return SIM_NEVER;
}

/* Width of the status column: the wider of the two badges. */
static int status_w(ui_ctx *c)
{
    char b[64];
    int w1, w2, h;
    ui_text_size(c, UI_FONT_SMALL, ui_fmt(b, sizeof b, ui_tr("review.fact_verified"), "00:00:00", NULL, NULL), &w1, &h);
    ui_text_size(c, UI_FONT_SMALL, ui_tr("review.fact_pending"), &w2, &h);
    return (w1 > w2 ? w1 : w2) + ui_px(c, 16);
}

/* Fact row: its status then (badge, with cited / wrong below it) beside its text. */
static int fact_row(ui_ctx *c, void *ud, int i, SDL_Rect r, int selected, int draw)
{
    ui_state *s = ud;
    (void)selected;
    const ui_review_state *rv = s->review;
    const sim_world *w = rv->info->world;
    int f = rv->fact_rows.v[i], act = rv->actions.sel;
    int pad = ui_px(c, 3), lh = ui_line_h(c, UI_FONT_SMALL), gutter = status_w(c);
    double stated = 0;
    sim_claim_effect use = fact_use(rv, f, &stated);
    sim_time at = fact_then(w, act, f);
    const char *text = sim_text_get(&w->scn->facts[f].text, ui_lang(s));
    int tw = r.w - gutter - 2 * pad;
    int th = ui_text_wrap_h(c, UI_FONT_SMALL, text, tw);
    int left_h = lh + ui_px(c, 2) + (use ? lh : 0);
    int h = (th > left_h ? th : left_h) + 2 * pad;
    if (!draw) return h;
    const char *tag = NULL;
    char tagbuf[96], num[32], when[32], badge[64];
    SDL_Color tag_col = UI_OK;
    snprintf(num, sizeof num, "%g", stated);
    switch (use) {
    case SIM_EFFECT_WRONG:
    case SIM_EFFECT_OUTDATED:
        tag = ui_fmt(tagbuf, sizeof tagbuf, ui_tr(use == SIM_EFFECT_WRONG ? "review.fact_wrong" : "review.fact_outdated"),
                     num, NULL, NULL);
        tag_col = UI_DANGER;
        break;
    case SIM_EFFECT_FALSE:
        tag = ui_tr("review.fact_denied");
        tag_col = UI_DANGER;
        break;
    case SIM_EFFECT_EARLY:
        tag = ui_tr("review.fact_cited_early");
        tag_col = UI_DANGER;
        break;
    case SIM_EFFECT_CITES:
        tag = ui_tr("review.fact_cited");
        break;
    default:
        break;
    }
    if (tag) {
        SDL_Color tint = tag_col;
        tint.a = 28;
        ui_fill(c, ui_rect(r.x, r.y, r.w, h), tint);
    }
    if (at != SIM_NEVER)
        ui_fmt(badge, sizeof badge, ui_tr("review.fact_verified"), ui_clock(when, sizeof when, at), NULL, NULL);
    else
        snprintf(badge, sizeof badge, "%s", ui_tr("review.fact_pending"));
    ui_badge(c, UI_FONT_SMALL, badge, at != SIM_NEVER ? UI_OK : UI_MUTED, UI_ON_ACCENT, r.x + pad, r.y + pad);
    if (tag)
        ui_text_in(c, UI_FONT_SMALL, tag, tag_col, ui_rect(r.x + pad, r.y + pad + lh + ui_px(c, 2), gutter - pad, lh),
                   UI_ALIGN_LEFT);
    ui_text_wrap(c, UI_FONT_SMALL, text, UI_TEXT, r.x + gutter + pad, r.y + pad, tw);
    return h;
}

void ui_review_detail(ui_state *s, SDL_Rect r)
{
    ui_ctx *c = s->c;
    ui_review_state *rv = s->review;
    refresh(s);
    SDL_Rect in = ui_panel(c, r, ui_tr("review.detail"));
    const sim_world *w = rv->info->world;
    int sel = rv->actions.sel;
    if (sel < 0 || sel >= w->n_log) {
        ui_text_in(c, UI_FONT_BODY, ui_tr("review.no_actions"), UI_MUTED, ui_cut_top(&in, ui_line_h(c, UI_FONT_BODY)),
                   UI_ALIGN_LEFT);
        return;
    }
    const sim_action *a = &w->log[sel];
    int lh = ui_line_h(c, UI_FONT_SMALL), gap = ui_px(c, 8);
    char n[16], clock[32], head[256], tb[128], line[512], name[64];
    snprintf(n, sizeof n, "%d", sel + 1);
    ui_fmt(head, sizeof head, ui_tr("review.action_head"), n, ui_clock(clock, sizeof clock, a->t),
           action_name(a, name, sizeof name));
    ui_text_in(c, UI_FONT_BODY, head, UI_ACCENT, ui_cut_top(&in, ui_line_h(c, UI_FONT_BODY)), UI_ALIGN_LEFT);
    ui_cut_top(&in, ui_px(c, 4));

    SDL_Rect left = ui_cut_left(&in, (in.w - gap) * 42 / 100);
    ui_cut_left(&in, gap);
    ui_fill(c, ui_rect(in.x - gap / 2, in.y, 1, in.h), UI_BORDER);
    ui_text_in(c, UI_FONT_SMALL, ui_tr("review.written"), UI_MUTED, ui_cut_top(&left, lh), UI_ALIGN_LEFT);
    const char *target = target_text(s, a, tb, sizeof tb);
    if (target && *target)
        ui_text_in(c, UI_FONT_SMALL, ui_fmt(line, sizeof line, ui_tr("review.target"), target, NULL, NULL), UI_TEXT,
                   ui_cut_top(&left, lh), UI_ALIGN_LEFT);
    ui_clip_push(c, left);
    if (a->text && *a->text) {
        /* A long text drops to the small font rather than being cut off. */
        ui_font_role f = ui_text_wrap_h(c, UI_FONT_BODY, a->text, left.w) <= left.h ? UI_FONT_BODY : UI_FONT_SMALL;
        ui_text_wrap(c, f, a->text, UI_TEXT, left.x, left.y + ui_px(c, 2), left.w);
    } else {
        ui_text_in(c, UI_FONT_BODY, ui_tr("review.no_text"), UI_MUTED, ui_cut_top(&left, ui_line_h(c, UI_FONT_BODY)),
                   UI_ALIGN_LEFT);
    }
    ui_clip_pop(c);

    ui_text_in(c, UI_FONT_SMALL, ui_fmt(line, sizeof line, ui_tr("review.facts_then"), clock, NULL, NULL), UI_MUTED,
               ui_cut_top(&in, lh), UI_ALIGN_LEFT);
    ui_list_view(c, &rv->facts, ui_id("review.facts"), in, rv->fact_rows.n, fact_row, s);
}

static int card_line_row(ui_ctx *c, void *ud, int i, SDL_Rect r, int selected, int draw)
{
    ui_state *s = ud;
    (void)selected;
    const ui_review_state *rv = s->review;
    const score_line *l = &rv->info->card->lines[rv->line_rows.v[i]];
    char pts[32], max[32], head[512], quotes[512] = "";
    snprintf(pts, sizeof pts, "%g", l->points);
    snprintf(max, sizeof max, "%g", l->max);
    const char *title = score_line_title_in(l, ui_lang(s));
    ui_fmt(head, sizeof head, ui_tr("end.line"), title && *title ? title : l->id, pts, max);
    for (int k = 0; k < l->n_ev; k++) {
        if (l->ev[k].action != rv->actions.sel || !l->ev[k].quote || !*l->ev[k].quote) continue;
        char q[256];
        ui_fmt(q, sizeof q, ui_tr("review.quote"), l->ev[k].quote, NULL, NULL);
        if (strlen(quotes) + strlen(q) + 2 < sizeof quotes) {
            if (quotes[0]) strcat(quotes, " ");
            strcat(quotes, q);
        }
    }
    const char *why = score_line_why_in(l, ui_lang(s));
    int pad = ui_px(c, 5), th = ui_line_h(c, UI_FONT_BODY), w = r.w - 3 * pad;
    int qh = quotes[0] ? ui_text_wrap_h(c, UI_FONT_SMALL, quotes, w) : 0;
    int wh = why && *why ? ui_text_wrap_h(c, UI_FONT_SMALL, why, w) : 0;
    if (draw) {
        double frac = l->max > 0 ? l->points / l->max : 0;
        SDL_Color col = l->max <= 0 ? UI_MUTED : frac >= 0.8 ? UI_OK : frac >= 0.4 ? UI_FOCUS : UI_DANGER;
        ui_fill(c, ui_rect(r.x, r.y, ui_px(c, 3), th + qh + wh + 2 * pad), col);
        ui_text_in(c, UI_FONT_BODY, head, UI_TEXT, ui_rect(r.x + 2 * pad, r.y + pad, w, th), UI_ALIGN_LEFT);
        if (qh) ui_text_wrap(c, UI_FONT_SMALL, quotes, UI_ACCENT, r.x + 2 * pad, r.y + pad + th, w);
        if (wh) ui_text_wrap(c, UI_FONT_SMALL, why, UI_MUTED, r.x + 2 * pad, r.y + pad + th + qh, w);
    }
    return th + qh + wh + 2 * pad;
}

void ui_review_card_lines(ui_state *s, SDL_Rect r)
{
    ui_ctx *c = s->c;
    ui_review_state *rv = s->review;
    refresh(s);
    char title[128], n[16];
    snprintf(n, sizeof n, "%d", rv->line_rows.n);
    SDL_Rect in = ui_panel(c, r, ui_fmt(title, sizeof title, ui_tr("review.card_lines"), n, NULL, NULL));
    if (rv->line_rows.n == 0) {
        ui_text_wrap(c, UI_FONT_SMALL, ui_tr("review.card_none"), UI_MUTED, in.x, in.y, in.w);
        return;
    }
    ui_list_view(c, &rv->lines, ui_id("review.lines"), in, rv->line_rows.n, card_line_row, s);
}
