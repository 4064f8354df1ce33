/* drill_composer.c — the action bar reaching every trainee action, and the composer where an
 * action gets its level, channel, target and text (with the facts verified so far beside the
 * editor) before it is submitted through the app. */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "drill.h"
#include "layout.h"
#include "theme.h"

#define REPLY_TARGETS 300
#define TEXT_LIMIT 2000

static const char *action_label(sim_action_type t)
{
    char key[64];
    snprintf(key, sizeof key, "action.%s", sim_action_type_name(t));
    return ui_tr(key);
}

void ui_action_bar(ui_state *s, SDL_Rect r)
{
    ui_ctx *c = s->c;
    ui_fill(c, r, UI_PANEL);
    ui_fill(c, ui_rect(r.x, r.y, r.w, 1), UI_BORDER);
    SDL_Rect row = ui_inset(r, ui_px(c, 5));
    int n = SIM_ACT_LOGISTICS + 1, gap = ui_px(c, 4), x = row.x;
    for (int t = 0; t < n; t++) {
        int x1 = row.x + (row.w + gap) * (t + 1) / n - gap;
        SDL_Rect b = ui_rect(x, row.y, x1 - x, row.h);
        x = x1 + gap;
        int open = (s->drill.comp.open && s->drill.comp.type == (sim_action_type)t) ||
                   (t == SIM_ACT_PRESS && s->drill.press.open);
        if (!ui_cmd_button(c, ui_id_n(ui_id("action.bar"), t), b, action_label((sim_action_type)t),
                           ui_cmd_action((sim_action_type)t), open ? UI_BTN_SELECTED : 0))
            continue;
        if (t == SIM_ACT_PRESS) {
            if (s->w->press_held || ui_submit(s, SIM_ACT_PRESS, SIM_LEVEL_NONE, NULL, NULL, NULL) == 0) ui_press_open(s);
        } else {
            ui_composer_open(s, (sim_action_type)t, NULL);
        }
    }
}

int ui_statement_channel(const sim_scenario *scn)
{
    /* Formal statements go out on the body's official accounts: Weibo first, then a website or news
     * portal, then WeChat; a video platform only when the drill has nothing else. */
    static const char *const official[] = { "weibo", "website", "news", "wechat" };
    for (size_t k = 0; k < sizeof official / sizeof official[0]; k++)
        for (int i = 0; i < scn->n_platforms; i++)
            if (strcmp(scn->platforms[i].id, official[k]) == 0) return i;
    return 0;
}

void ui_composer_open(ui_state *s, sim_action_type type, const char *target)
{
    ui_drill *d = &s->drill;
    ui_composer *k = &d->comp;
    if (k->type != type) ui_text_edit_set(&k->edit, "");
    if (!k->channel_set) {
        k->channel = ui_statement_channel(s->w->scn);
        k->channel_set = 1;
    }
    k->open = 1;
    k->type = type;
    k->targets.sel = -1;
    k->targets.top = 0;
    k->target[0] = '\0';
    d->press.open = 0;
    if (target) snprintf(k->target, sizeof k->target, "%s", target);
    else if (type == SIM_ACT_REPLY && d->feed.sel >= 0 && d->feed.sel < d->feed_rows.n) {
        const sim_post *p = sim_feed_post(s->w, (uint32_t)d->feed_rows.v[d->feed.sel]);
        if (p) snprintf(k->target, sizeof k->target, "%u", p->id);
    } else if (type == SIM_ACT_REBUT && d->rumours.sel >= 0 && d->rumours.sel < d->rumour_rows.n) {
        snprintf(k->target, sizeof k->target, "%s", s->w->scn->rumours[d->rumour_rows.v[d->rumours.sel]].id);
    }
    int needs = sim_action_needs(type);
    ui_focus_set(s->c, ui_id(needs & SIM_NEEDS_TEXT ? "composer.edit" : "composer.targets"));
}

/* The rows a target list offers for an action type. */
static void build_targets(ui_state *s, sim_action_type type, ui_rows *rows)
{
    const sim_world *w = s->w;
    const sim_scenario *scn = w->scn;
    rows->n = 0;
    switch (type) {
    case SIM_ACT_REPLY: {
        uint32_t have = w->n_posts < SIM_FEED_CAP ? w->n_posts : SIM_FEED_CAP;
        for (uint32_t b = 0; b < have && b < REPLY_TARGETS; b++)
            if (ui_rows_push(rows, (int)(w->n_posts - 1 - b))) return;
        break;
    }
    case SIM_ACT_REBUT:
        for (int i = 0; i < scn->n_rumours; i++)
            if (w->rumours[i].started && ui_rows_push(rows, i)) return;
        break;
    case SIM_ACT_ANSWER:
        for (int i = 0; i < scn->n_questions; i++)
            if ((w->question_state[i] == 1 || w->question_state[i] == 3) && ui_rows_push(rows, i)) return;
        break;
    case SIM_ACT_OFFLINE:
        for (int i = 0; i < SIM_MEASURE_COUNT; i++)
            if (ui_rows_push(rows, i)) return;
        break;
    case SIM_ACT_LOGISTICS:
        for (int i = 0; i < SIM_LOGISTICS_COUNT; i++)
            if (ui_rows_push(rows, i)) return;
        break;
    case SIM_ACT_VERIFY:
        for (int i = 0; i < scn->n_facts; i++)
            if (!sim_fact_is_verified(w, i) && ui_rows_push(rows, i)) return;
        break;
    default:
        break;
    }
}

/* A target row's post, for replies (NULL once it has left the feed ring). */
static const sim_post *row_post(const sim_world *w, int seq)
{
    uint32_t back = w->n_posts - 1 - (uint32_t)seq;
    return sim_feed_post(w, back);
}

static void target_id(ui_state *s, int row, char *buf, size_t n)
{
    const sim_scenario *scn = s->w->scn;
    buf[0] = '\0';
    switch (s->drill.comp.type) {
    case SIM_ACT_REPLY: {
        const sim_post *p = row_post(s->w, row);
        if (p) snprintf(buf, n, "%u", p->id);
        break;
    }
    case SIM_ACT_REBUT: snprintf(buf, n, "%s", scn->rumours[row].id); break;
    case SIM_ACT_ANSWER: snprintf(buf, n, "%s", scn->questions[row].id); break;
    case SIM_ACT_OFFLINE: snprintf(buf, n, "%s", sim_measure_name((sim_measure)row)); break;
    case SIM_ACT_LOGISTICS: snprintf(buf, n, "%s", sim_logistics_name((sim_logistics)row)); break;
    case SIM_ACT_VERIFY: snprintf(buf, n, "%s", scn->facts[row].id); break;
    default: break;
    }
}

static void target_label(ui_state *s, int row, char *buf, size_t n)
{
    const sim_world *w = s->w;
    const sim_scenario *scn = w->scn;
    const char *lang = ui_lang(s);
    char key[64];
    buf[0] = '\0';
    switch (s->drill.comp.type) {
    case SIM_ACT_REPLY: {
        const sim_post *p = row_post(w, row);
        if (p) sim_post_text(w, p, lang, buf, n);
        break;
    }
    case SIM_ACT_REBUT: snprintf(buf, n, "%s", sim_text_get(&scn->rumours[row].claim, lang)); break;
    case SIM_ACT_ANSWER: {
        const sim_question *q = &scn->questions[row];
        snprintf(buf, n, "%s", sim_text_get(w->question_state[row] == 3 ? &q->followup : &q->text, lang));
        break;
    }
    case SIM_ACT_OFFLINE:
        snprintf(key, sizeof key, "measure.%s", sim_measure_name((sim_measure)row));
        snprintf(buf, n, "%s", ui_tr(key));
        break;
    case SIM_ACT_LOGISTICS:
        snprintf(key, sizeof key, "logistics.%s", sim_logistics_name((sim_logistics)row));
        snprintf(buf, n, "%s", ui_tr(key));
        break;
    case SIM_ACT_VERIFY: {
        const sim_fact *f = &scn->facts[row];
        snprintf(key, sizeof key, "fact_kind.%s", f->kind ? f->kind : "other");
        ui_fmt(buf, n, ui_tr("composer.fact_request"), ui_tr(key), sim_text_get(&f->verified_by, lang), NULL);
        break;
    }
    default: break;
    }
}

static int target_row(ui_ctx *c, void *ud, int i, SDL_Rect r, int selected, int draw)
{
    ui_state *s = ud;
    (void)selected;
    char label[1024];
    target_label(s, s->drill.comp.target_rows.v[i], label, sizeof label);
    int pad = ui_px(c, 5);
    int h = ui_text_wrap_h(c, UI_FONT_BODY, label, r.w - 3 * pad) + 2 * pad;
    if (draw) ui_text_wrap(c, UI_FONT_BODY, label, UI_TEXT, r.x + 2 * pad, r.y + pad, r.w - 3 * pad);
    return h;
}

static void fact_text(ui_state *s, int i, char *buf, size_t n)
{
    const sim_fact *f = &s->w->scn->facts[i];
    snprintf(buf, n, "%s", sim_text_get(&f->text, ui_lang(s)));
}

static int fact_row(ui_ctx *c, void *ud, int i, SDL_Rect r, int selected, int draw)
{
    ui_state *s = ud;
    (void)selected;
    int k = s->drill.comp.fact_rows.v[i];
    char text[512];
    fact_text(s, k, text, sizeof text);
    return ui_row_text(c, r, sim_text_get(&s->w->scn->facts[k].verified_by, ui_lang(s)), UI_OK, text, draw);
}

static void facts_panel(ui_state *s, SDL_Rect r)
{
    ui_ctx *c = s->c;
    ui_composer *k = &s->drill.comp;
    SDL_Rect in = ui_panel(c, r, ui_tr("composer.facts"));
    k->fact_rows.n = 0;
    for (int i = 0; i < s->w->scn->n_facts; i++)
        if (sim_fact_is_verified(s->w, i) && ui_rows_push(&k->fact_rows, i)) break;
    if (k->fact_rows.n == 0) {
        ui_text_wrap(c, UI_FONT_SMALL, ui_tr("composer.no_facts"), UI_MUTED, in.x, in.y, in.w);
        return;
    }
    SDL_Rect hint = ui_cut_bottom(&in, ui_line_h(c, UI_FONT_SMALL));
    ui_text_in(c, UI_FONT_SMALL, ui_tr("composer.fact_hint"), UI_MUTED, hint, UI_ALIGN_LEFT);
    int f = ui_list_view(c, &k->facts, ui_id("composer.facts"), in, k->fact_rows.n, fact_row, s);
    if ((f & UI_LIST_ACTIVATED) && k->facts.sel >= 0) {
        char text[512];
        fact_text(s, k->fact_rows.v[k->facts.sel], text, sizeof text);
        ui_tb_insert(&k->edit.buf, text, 0);
        ui_focus_set(c, ui_id("composer.edit"));
    }
}

static void submit(ui_state *s)
{
    ui_composer *k = &s->drill.comp;
    const sim_scenario *scn = s->w->scn;
    int needs = sim_action_needs(k->type);
    char target[64] = "";
    if (needs & SIM_NEEDS_TARGET) {
        if (k->targets.sel < 0 || k->targets.sel >= k->target_rows.n) { ui_toast(s, 1, ui_tr("composer.need_target")); return; }
        target_id(s, k->target_rows.v[k->targets.sel], target, sizeof target);
        if (!target[0]) { ui_toast(s, 1, ui_tr("composer.need_target")); return; }
    }
    const char *text = ui_text_edit_text(&k->edit);
    if ((needs & SIM_NEEDS_TEXT) && ui_tb_chars(&k->edit.buf) == 0) { ui_toast(s, 1, ui_tr("composer.need_text")); return; }
    const char *channel = NULL;
    if (needs & SIM_NEEDS_CHANNEL) {
        if (k->channel < 0 || k->channel >= scn->n_platforms) { ui_toast(s, 1, ui_tr("composer.need_channel")); return; }
        channel = scn->platforms[k->channel].id;
    }
    if (ui_submit(s, k->type, (needs & SIM_NEEDS_LEVEL) ? k->level : SIM_LEVEL_NONE,
                  (needs & SIM_NEEDS_TARGET) ? target : NULL, channel, (needs & SIM_NEEDS_TEXT) ? text : NULL) == 0) {
        k->open = 0;
        ui_text_edit_set(&k->edit, "");
    }
}

void ui_composer_panel(ui_state *s, SDL_Rect r)
{
    ui_ctx *c = s->c;
    ui_composer *k = &s->drill.comp;
    const sim_scenario *scn = s->w->scn;
    int needs = sim_action_needs(k->type);
    int gap = ui_px(c, 8), row_h = ui_line_h(c, UI_FONT_BODY) + ui_px(c, 10);
    /* Docked beside the feed the panel is narrow: the target list goes above the editor and the facts below. */
    int wide = r.w >= ui_px(c, 900);
    char title[128], key[64];
    ui_fmt(title, sizeof title, ui_tr("composer.title"), action_label(k->type), NULL, NULL);
    SDL_Rect in = ui_panel(c, r, title);

    snprintf(key, sizeof key, "help.%s", sim_action_type_name(k->type));
    int hh = ui_text_wrap(c, UI_FONT_SMALL, ui_tr(key), UI_MUTED, in.x, in.y, in.w);
    ui_cut_top(&in, hh + gap);

    SDL_Rect buttons = ui_cut_bottom(&in, row_h);
    ui_cut_bottom(&in, gap);
    SDL_Rect cancel = ui_cut_right(&buttons, ui_cmd_button_w(c, ui_tr("composer.cancel"), UI_CMD_CLOSE));
    ui_cut_right(&buttons, gap);
    SDL_Rect send = ui_cut_right(&buttons, ui_cmd_button_w(c, ui_tr("composer.submit"), UI_CMD_SUBMIT));
    ui_text_in(c, UI_FONT_SMALL, ui_tr("composer.keys"), UI_MUTED, buttons, UI_ALIGN_LEFT);

    if (needs & SIM_NEEDS_LEVEL) {
        const char *labels[4];
        for (int i = 0; i < 4; i++) labels[i] = ui_level_label(i);
        SDL_Rect lr = ui_cut_top(&in, row_h);
        SDL_Rect lab = ui_cut_left(&lr, ui_px(c, 110));
        ui_text_in(c, UI_FONT_BODY, ui_tr("composer.level"), UI_TEXT, lab, UI_ALIGN_LEFT);
        if (k->level < 0 || k->level > 3) k->level = 0;
        ui_choice(c, ui_id("composer.level"), lr, labels, 4, &k->level);
        ui_cut_top(&in, gap);
    }
    if ((needs & SIM_NEEDS_CHANNEL) && scn->n_platforms > 0) {
        const char *labels[16];
        int n = scn->n_platforms < 16 ? scn->n_platforms : 16;
        for (int i = 0; i < n; i++) labels[i] = sim_text_get(&scn->platforms[i].name, ui_lang(s));
        SDL_Rect cr = ui_cut_top(&in, row_h);
        SDL_Rect lab = ui_cut_left(&cr, ui_px(c, 110));
        ui_text_in(c, UI_FONT_BODY, ui_tr("composer.channel"), UI_TEXT, lab, UI_ALIGN_LEFT);
        if (k->channel < 0 || k->channel >= n) k->channel = 0;
        ui_choice(c, ui_id("composer.channel"), cr, labels, n, &k->channel);
        ui_cut_top(&in, gap);
    }
    if (needs & SIM_NEEDS_TARGET) {
        build_targets(s, k->type, &k->target_rows);
        if (k->target[0]) {
            for (int i = 0; i < k->target_rows.n; i++) {
                char id[64];
                target_id(s, k->target_rows.v[i], id, sizeof id);
                if (strcmp(id, k->target) == 0) { k->targets.sel = i; k->targets.top = i; }
            }
            k->target[0] = '\0';
        }
        SDL_Rect tr = in;
        if ((needs & SIM_NEEDS_TEXT) && wide) {
            tr = ui_cut_left(&in, in.w * 32 / 100);
            ui_cut_left(&in, gap);
        } else if (needs & SIM_NEEDS_TEXT) {
            tr = ui_cut_top(&in, in.h * 30 / 100);
            ui_cut_top(&in, gap);
        }
        snprintf(key, sizeof key, "target.%s", sim_action_type_name(k->type));
        SDL_Rect tin = ui_panel(c, tr, ui_tr(key));
        if (k->target_rows.n == 0) {
            snprintf(key, sizeof key, "target_none.%s", sim_action_type_name(k->type));
            ui_text_wrap(c, UI_FONT_BODY, ui_tr(key), UI_MUTED, tin.x, tin.y, tin.w);
        } else {
            if (k->targets.sel < 0) k->targets.sel = 0;
            ui_list_view(c, &k->targets, ui_id("composer.targets"), tin, k->target_rows.n, target_row, s);
        }
    }
    int submit_now = 0;
    if (needs & SIM_NEEDS_TEXT) {
        SDL_Rect facts = wide ? ui_cut_right(&in, in.w * 36 / 100) : ui_cut_bottom(&in, in.h * 35 / 100);
        if (wide) ui_cut_right(&in, gap);
        else ui_cut_bottom(&in, gap);
        snprintf(key, sizeof key, "placeholder.%s", sim_action_type_name(k->type));
        if (ui_text_field(c, &k->edit, ui_id("composer.edit"), in, ui_tr(key)) & UI_EDIT_SUBMIT) submit_now = 1;
        facts_panel(s, facts);
    }
    if (ui_cmd_button(c, ui_id("composer.submit"), send, ui_tr("composer.submit"), UI_CMD_SUBMIT, UI_BTN_PRIMARY))
        submit_now = 1;
    if (ui_cmd_button(c, ui_id("composer.cancel"), cancel, ui_tr("composer.cancel"), UI_CMD_CLOSE, 0)) k->open = 0;
    if (submit_now && k->open) submit(s);
}
