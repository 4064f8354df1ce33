/* screen_host.c — the instructor's window: the join code for the projector, a card per station (trainee,
 * scenario time, warning level, heat sparkline, score, last action, connected), and controls for all
 * stations or the selected one, each sent as the console's typed command through the host. */
#include <stdio.h>
#include <string.h>

#include "batch.h"
#include "drill.h"
#include "draw.h"
#include "host_window.h"
#include "layout.h"
#include "run.h"
#include "text_edit.h"
#include "theme.h"
#include "widgets.h"

#define POLL_MS 15
#define CARD_W 300.0f   /* layout units: a station card's least width */
#define TEXT_MAX 280    /* as the classroom's CLS_TEXT_MAX */

static const char *const speed_labels[4] = {"1×", "2×", "5×", "10×"};

/* What a card is called: its trainee, or for a team drill's own row "the team". */
static const char *cell_name(const ui_host_cell *c)
{
    return c->team ? ui_tr("host.team") : c->trainee;
}
static const char *const speed_args[4] = {"1", "2", "5", "10"};

typedef struct host_screen {
    ui_state *s;
    const ui_host_api *api;
    const ui_host_view *v;
    char sel[40];          /* the selected station's session UUID, "" for all */
    int speed;
    int confirm_end;       /* the end button was pressed once: the next press ends */
    ui_text_edit text;
    int inject_open;                 /* the inject list stands in the grid's place */
    const ui_inject_info *injects;   /* of inject_scn, the scenario of the station(s) it goes to */
    int n_injects;
    char inject_scn[64];
    ui_list inject_list;
} host_screen;

static const ui_host_cell *selected(const host_screen *h)
{
    for (int i = 0; h->sel[0] && i < h->v->n; i++)
        if (strcmp(h->v->cells[i].uuid, h->sel) == 0) return &h->v->cells[i];
    return NULL;
}

/* Send one control as the console reads it: op, an argument before whom (a speed), whom (the selected station or
 * all), then an id after (an inject's) or a quoted text (a post's or question's). */
static int send(host_screen *h, const char *op, const char *arg, const char *text, char *err, int errlen)
{
    char line[4 * TEXT_MAX + 128], quoted[2 * 4 * TEXT_MAX + 3];
    const char *who = selected(h) ? h->sel : "all";
    if (text) {
        size_t o = 0;
        quoted[o++] = '"';
        for (const char *p = text; *p && o + 3 < sizeof quoted; p++) {
            if (*p == '"' || *p == '\\') quoted[o++] = '\\';
            quoted[o++] = *p == '\n' ? ' ' : *p;
        }
        quoted[o++] = '"';
        quoted[o] = '\0';
    }
    int after = strcmp(op, "inject") == 0;   /* "inject WHO ID", "speed X WHO" */
    snprintf(line, sizeof line, "%s%s%s %s%s%s%s%s", op, arg && !after ? " " : "", arg && !after ? arg : "", who,
             arg && after ? " " : "", arg && after ? arg : "", text ? " " : "", text ? quoted : "");
    if (h->api->command(h->api->ud, line, err, errlen)) return -1;
    const ui_host_cell *c = selected(h);
    char msg[256], key[32];
    snprintf(key, sizeof key, "host_op.%s", op);
    ui_toast(h->s, 0, ui_fmt(msg, sizeof msg, ui_tr("host.sent"), ui_tr(key), c ? cell_name(c) : ui_tr("host.all"), NULL));
    return 0;
}

/* The heat sparkline: one bar per status, scaled to the highest. */
static void sparkline(ui_ctx *c, const ui_host_cell *cell, SDL_Rect r)
{
    ui_fill(c, r, UI_PANEL_ALT);
    float top = 1.0f;
    for (int i = 0; i < cell->n_heat; i++)
        if (cell->heat_pts[i] > top) top = cell->heat_pts[i];
    int n = cell->n_heat, bw = n > 0 ? r.w / n : 0;
    for (int i = 0; i < n && bw > 0; i++) {
        int bh = (int)((float)r.h * cell->heat_pts[i] / top + 0.5f);
        ui_fill(c, ui_rect(r.x + i * bw, r.y + r.h - bh, bw > 2 ? bw - 1 : bw, bh), ui_level_color(cell->level));
    }
}

static void card(host_screen *h, const ui_host_cell *cell, SDL_Rect r)
{
    ui_ctx *c = h->s->c;
    int on = strcmp(h->sel, cell->uuid) == 0, pad = ui_px(c, 8), lh = ui_line_h(c, UI_FONT_BODY);
    int sh = ui_line_h(c, UI_FONT_SMALL);
    ui_fill(c, r, on ? UI_ACCENT_SOFT : UI_PANEL);
    ui_outline(c, r, on ? UI_ACCENT : UI_BORDER, on ? ui_px(c, 2) : 1);
    if (ui_clicked_in(c, r)) snprintf(h->sel, sizeof h->sel, "%s", on ? "" : cell->uuid);
    SDL_Rect in = ui_rect(r.x + pad, r.y + pad, r.w - 2 * pad, r.h - 2 * pad);
    char buf[256], clock[32], num[32], num2[32];

    SDL_Rect head = ui_cut_top(&in, lh);
    const char *state = cell->finished ? "host.finished" : !cell->connected ? "host.gone"
                        : cell->paused ? "host.paused" : "host.live";
    SDL_Color dot = cell->finished ? UI_MUTED : !cell->connected ? UI_DANGER : cell->paused ? UI_FOCUS : UI_OK;
    ui_disc(c, head.x + sh / 2, head.y + lh / 2, sh / 3, dot);
    int tw, th;
    ui_text_size(c, UI_FONT_SMALL, ui_tr(state), &tw, &th);
    ui_text_in(c, UI_FONT_SMALL, ui_tr(state), dot, ui_cut_right(&head, tw), UI_ALIGN_RIGHT);
    ui_cut_left(&head, sh);
    ui_text_in(c, UI_FONT_BODY, cell_name(cell), UI_TEXT, head, UI_ALIGN_LEFT);
    snprintf(buf, sizeof buf, "[station] %s", cell_name(cell));
    ui_layout_note(c, buf, r, 0);

    snprintf(num, sizeof num, "%g", cell->speed);
    ui_fmt(buf, sizeof buf, ui_tr("host.when"), cell->scenario, ui_clock(clock, sizeof clock, cell->t),
           cell->speed > 0 ? num : ui_tr("host.speed_max"));
    ui_text_in(c, UI_FONT_SMALL, cell->has_status ? buf : cell->scenario, UI_MUTED, ui_cut_top(&in, sh), UI_ALIGN_LEFT);

    SDL_Rect row = ui_cut_top(&in, lh + ui_px(c, 4));
    if (cell->has_status) {
        char key[32];
        snprintf(key, sizeof key, "level.%d", cell->level);
        int bw = ui_badge(c, UI_FONT_SMALL, ui_tr(key), ui_level_color(cell->level), ui_level_text_color(cell->level),
                          row.x, row.y + (row.h - sh) / 2);
        ui_cut_left(&row, bw + pad);
        snprintf(num, sizeof num, "%.0f", cell->heat);
        snprintf(num2, sizeof num2, "%.1f", cell->finished ? cell->total : cell->score);
        ui_fmt(buf, sizeof buf, ui_tr(cell->finished ? "host.total" : "host.score"), num, num2, NULL);
        ui_text_in(c, UI_FONT_SMALL, buf, UI_TEXT, row, UI_ALIGN_LEFT);
    }
    SDL_Rect last = ui_cut_bottom(&in, sh);
    char key[48];
    snprintf(key, sizeof key, "action.%s", cell->last);
    ui_fmt(buf, sizeof buf, ui_tr("host.last"), cell->last[0] ? ui_tr(key) : "—", NULL, NULL);
    ui_text_in(c, UI_FONT_SMALL, buf, UI_MUTED, last, UI_ALIGN_LEFT);
    ui_cut_bottom(&in, ui_px(c, 4));
    if (in.h > 0 && cell->n_heat > 0) sparkline(c, cell, in);
}

/* The list the injects are chosen from: when each is due by itself (or that only the instructor sends it), who
 * sends it, and its text. */
static int inject_item(ui_ctx *c, void *ud, int i, SDL_Rect r, int selected, int draw)
{
    const host_screen *h = ud;
    const ui_inject_info *in = &h->injects[i];
    char head[256], when[32];
    const char *lang = ui_lang(h->s);
    ui_fmt(head, sizeof head, ui_tr(in->at == SIM_NEVER ? "host.inject_any" : "host.inject_at"),
           ui_clock(when, sizeof when, in->at), sim_text_get(in->source, lang), NULL);
    int need = ui_row_text(c, r, head, UI_MUTED, sim_text_get(in->text, lang), 0);
    if (draw) {
        if (selected) ui_fill(c, ui_rect(r.x, r.y, r.w, need), UI_ACCENT_SOFT);
        ui_row_text(c, r, head, UI_MUTED, sim_text_get(in->text, lang), 1);
        char note[96];
        snprintf(note, sizeof note, "[inject] %s%s", in->id, selected ? " [selected]" : "");
        ui_layout_note(c, note, ui_rect(r.x, r.y, r.w, need), 0);
    }
    return need;
}

/* Open the inject list for the selected station's scenario (none selected: the first station's). 0, or -1 (a
 * toast says why). */
static int inject_open(host_screen *h)
{
    const ui_host_cell *cell = selected(h);
    if (!cell && h->v->n > 0) cell = &h->v->cells[0];
    char err[256], msg[512];
    if (!cell || h->api->injects(h->api->ud, cell->scenario, &h->injects, &h->n_injects, err, sizeof err)) {
        ui_toast(h->s, 1, cell ? ui_fmt(msg, sizeof msg, ui_tr("host.inject_failed"), err, NULL, NULL)
                               : ui_tr("host.waiting"));
        return -1;
    }
    snprintf(h->inject_scn, sizeof h->inject_scn, "%s", cell->scenario);
    h->inject_list = (ui_list){.sel = h->n_injects > 0 ? 0 : -1};
    h->inject_open = 1;
    return 0;
}

/* The injects of that scenario in the grid's place; the chosen one (Enter, a double click or the send button)
 * goes to whom the controls reach. 0, or -1 with err. */
static int inject_panel(host_screen *h, SDL_Rect area, char *err, int errlen)
{
    ui_ctx *c = h->s->c;
    int gap = ui_px(c, 8), bh = ui_line_h(c, UI_FONT_BODY) + ui_px(c, 14);
    char title[256];
    SDL_Rect in = ui_panel(c, area, ui_fmt(title, sizeof title, ui_tr("host.inject_title"), h->inject_scn, NULL, NULL));
    if (h->n_injects == 0) {
        ui_text_in(c, UI_FONT_BODY, ui_tr("host.inject_none"), UI_MUTED, in, UI_ALIGN_CENTER);
        return 0;
    }
    SDL_Rect buttons = ui_cut_bottom(&in, bh);
    ui_cut_bottom(&in, gap);
    int go = ui_list_view(c, &h->inject_list, ui_id("host.inject_list"), in, h->n_injects, inject_item, h) &
             UI_LIST_ACTIVATED;
    const char *label = ui_tr("host.inject_send");
    SDL_Rect b = ui_cut_right(&buttons, ui_button_w(c, label));
    int sel = h->inject_list.sel;
    go |= ui_button(c, ui_id("host.inject_send"), b, label, sel >= 0 ? UI_BTN_PRIMARY : UI_BTN_DISABLED);
    if (!go || sel < 0 || sel >= h->n_injects) return 0;
    h->inject_open = 0;
    return send(h, "inject", h->injects[sel].id, NULL, err, errlen);
}

static void grid(host_screen *h, SDL_Rect area)
{
    ui_ctx *c = h->s->c;
    const ui_host_view *v = h->v;
    if (v->n == 0) {
        ui_text_in(c, UI_FONT_TITLE, ui_tr("host.waiting"), UI_MUTED, area, UI_ALIGN_CENTER);
        return;
    }
    int gap = ui_px(c, 10), cols = area.w / (ui_px(c, CARD_W) + gap);
    if (cols < 1) cols = 1;
    int rows = (v->n + cols - 1) / cols;
    int cw = (area.w - (cols - 1) * gap) / cols;
    int ch = ui_line_h(c, UI_FONT_BODY) * 2 + ui_line_h(c, UI_FONT_SMALL) * 3 + ui_px(c, 60);
    if (rows * (ch + gap) > area.h && rows > 0) {   /* many stations: the cards share the height */
        int fit = (area.h - (rows - 1) * gap) / rows;
        int least = ui_line_h(c, UI_FONT_BODY) * 2 + ui_line_h(c, UI_FONT_SMALL) * 2 + ui_px(c, 20);
        ch = fit > least ? fit : least;
    }
    ui_clip_push(c, area);
    for (int i = 0; i < v->n; i++)
        card(h, &v->cells[i], ui_rect(area.x + (i % cols) * (cw + gap), area.y + (i / cols) * (ch + gap), cw, ch));
    ui_clip_pop(c);
}

/* The controls: whom they reach, pause, resume, speed, end, and a text sent as a post or a question. */
static int controls(host_screen *h, SDL_Rect bar, char *err, int errlen)
{
    ui_ctx *c = h->s->c;
    int gap = ui_px(c, 8), bh = ui_line_h(c, UI_FONT_BODY) + ui_px(c, 14);
    SDL_Rect top = ui_cut_top(&bar, bh), bottom = ui_cut_bottom(&bar, bh);
    const ui_host_cell *cell = selected(h);
    char who[256];
    int tw, th;
    /* The buttons keep their place whoever is selected: the label gets the room "all" needs, or more. */
    ui_text_size(c, UI_FONT_BODY, ui_fmt(who, sizeof who, ui_tr("host.whom"), ui_tr("host.all"), NULL, NULL), &tw, &th);
    int room = tw > ui_px(c, 200) ? tw : ui_px(c, 200);
    ui_fmt(who, sizeof who, ui_tr("host.whom"), cell ? cell_name(cell) : ui_tr("host.all"), NULL, NULL);
    ui_text_in(c, UI_FONT_BODY, who, UI_TEXT, ui_cut_left(&top, room), UI_ALIGN_LEFT);
    ui_cut_left(&top, gap);
    static const char *const ops[3] = {"pause", "resume", "end"};
    for (int i = 0; i < 3; i++) {
        char key[32];
        snprintf(key, sizeof key, "host.%s", i == 2 && h->confirm_end ? "end_confirm" : ops[i]);
        SDL_Rect b = ui_cut_left(&top, ui_button_w(c, ui_tr(key)));
        ui_cut_left(&top, gap);
        if (ui_button(c, ui_id_n(ui_id("host.op"), i), b, ui_tr(key), i == 2 ? UI_BTN_DANGER : 0)) {
            if (i == 2 && !h->confirm_end) {
                h->confirm_end = 1;
            } else {
                h->confirm_end = 0;
                if (send(h, ops[i], NULL, NULL, err, errlen)) return -1;
            }
        }
    }
    const char *il = ui_tr(h->inject_open ? "host.inject_close" : "host.inject");
    SDL_Rect ib = ui_cut_left(&top, ui_button_w(c, il));
    ui_cut_left(&top, gap);
    int toggle = ui_button(c, ui_id("host.inject"), ib, il, h->inject_open ? UI_BTN_SELECTED : 0) ||
                 (h->inject_open && ui_key_plain(c, SDLK_ESCAPE));
    if (toggle && h->inject_open) h->inject_open = 0;
    else if (toggle && inject_open(h)) h->inject_open = 0;
    int sw = 0;
    for (int i = 0; i < 4; i++) sw += ui_button_w(c, speed_labels[i]);
    SDL_Rect sp = ui_cut_right(&top, sw);
    if (ui_choice(c, ui_id("host.speed"), sp, speed_labels, 4, &h->speed) &&
        send(h, "speed", speed_args[h->speed], NULL, err, errlen))
        return -1;

    const char *kinds[2] = {"post", "ask"};
    char label[2][64];
    int bw[2];
    for (int i = 0; i < 2; i++) {
        snprintf(label[i], sizeof label[i], "%s", ui_tr(i ? "host.send_ask" : "host.send_post"));
        bw[i] = ui_button_w(c, label[i]);
    }
    SDL_Rect ask = ui_cut_right(&bottom, bw[1]);
    ui_cut_right(&bottom, gap);
    SDL_Rect post = ui_cut_right(&bottom, bw[0]);
    ui_cut_right(&bottom, gap);
    int f = ui_text_field(c, &h->text, ui_id("host.text"), bottom, ui_tr("host.text_hint"));
    const char *text = ui_text_edit_text(&h->text);
    int empty = !text[0], send_as = -1;
    if (ui_button(c, ui_id("host.post"), post, label[0], empty ? UI_BTN_DISABLED : UI_BTN_PRIMARY) && !empty) send_as = 0;
    if (ui_button(c, ui_id("host.ask"), ask, label[1], empty ? UI_BTN_DISABLED : 0) && !empty) send_as = 1;
    if ((f & UI_EDIT_SUBMIT) && !empty) send_as = 0;
    if (send_as >= 0) {
        if (send(h, kinds[send_as], NULL, text, err, errlen)) return -1;
        if (ui_text_edit_set(&h->text, "")) {
            snprintf(err, (size_t)errlen, "out of memory");
            return -1;
        }
    }
    return 0;
}

static int frame(host_screen *h, char *err, int errlen)
{
    ui_state *s = h->s;
    ui_ctx *c = s->c;
    const ui_host_view *v = h->v;
    c->clip_n = 0;
    ui_batch_begin(c->batch, c->w, c->h, UI_BG);
    SDL_Rect all = ui_rect(0, 0, c->w, c->h);
    int pad = ui_px(c, 10);
    SDL_Rect bar = ui_cut_top(&all, ui_line_h(c, UI_FONT_HUGE) + 2 * pad);
    ui_fill(c, bar, UI_TOPBAR);
    char buf[512], n1[32], n2[32], n3[32];
    ui_fmt(buf, sizeof buf, ui_tr("host.title"), v->klass, NULL, NULL);
    bar = ui_rect(bar.x + pad, bar.y, bar.w - 2 * pad, bar.h);
    int tw, th;
    ui_text_size(c, UI_FONT_TITLE, buf, &tw, &th);
    ui_text_in(c, UI_FONT_TITLE, buf, UI_TOPBAR_TEXT, ui_cut_left(&bar, tw + 2 * pad), UI_ALIGN_LEFT);
    ui_text_size(c, UI_FONT_HUGE, v->code, &tw, &th);
    ui_text_in(c, UI_FONT_HUGE, v->code, UI_TOPBAR_TEXT, ui_cut_right(&bar, tw), UI_ALIGN_RIGHT);
    snprintf(buf, sizeof buf, "[code] %s", v->code);
    ui_layout_note(c, buf, ui_rect(bar.x + bar.w, bar.y, tw, bar.h), tw);
    ui_cut_right(&bar, pad);
    ui_text_in(c, UI_FONT_BODY, ui_tr("host.code"), UI_TOPBAR_TEXT, bar, UI_ALIGN_RIGHT);

    all = ui_rect(all.x + pad, all.y + pad, all.w - 2 * pad, all.h - 2 * pad);
    snprintf(n1, sizeof n1, "%d", v->n);
    snprintf(n2, sizeof n2, "%d", v->actions);
    snprintf(n3, sizeof n3, "%d", v->refused);
    ui_fmt(buf, sizeof buf, ui_tr("host.counts"), n1, n2, n3);
    SDL_Rect status = ui_cut_bottom(&all, ui_line_h(c, UI_FONT_SMALL));
    int toast = s->toast[0] && !SDL_TICKS_PASSED(c->now_ms, s->toast_until);
    ui_text_in(c, UI_FONT_SMALL, toast ? s->toast : buf, toast && s->toast_error ? UI_DANGER : UI_MUTED, status,
               UI_ALIGN_LEFT);
    int bh = ui_line_h(c, UI_FONT_BODY) + ui_px(c, 14);
    SDL_Rect ctl = ui_cut_bottom(&all, 2 * bh + pad);
    ui_cut_bottom(&all, pad);
    int rc = 0;
    if (h->inject_open) rc = inject_panel(h, all, err, errlen);
    else grid(h, all);
    if (rc == 0) rc = controls(h, ctl, err, errlen);
    ui_frame_end(c);
    if (ui_layout_dump(c) != 0 && !s->toast_error) ui_toast(s, 1, ui_tr("toast.layout_failed"));
    ui_draw_flush(c);
    SDL_RenderPresent(c->ren);
    return rc;
}

int ui_host_run(const ui_options *opt, const ui_host_api *api, char *err, int errlen)
{
    static ui_ctx c;   /* large (the frame's layout notes): not on the stack */
    memset(&c, 0, sizeof c);
    ui_state s = {.c = &c, .opt = opt};
    host_screen h = {.s = &s, .api = api};
    int rc = ui_text_edit_init(&h.text, TEXT_MAX, 0);
    if (rc) snprintf(err, (size_t)errlen, "out of memory");
    if (rc == 0) rc = ui_window_setup(&s, &c, opt, err, errlen);
    if (rc == 0) SDL_SetWindowTitle(c.win, ui_tr("host.window"));
    while (rc == 0) {
        int p = api->poll(api->ud, POLL_MS, &h.v, err, errlen);
        if (p) {
            rc = p < 0 ? -1 : 0;
            break;
        }
        int b = ui_window_frame_begin(&c, 0, err, errlen);
        if (b) {
            rc = b < 0 ? -1 : 0;
            break;
        }
        rc = frame(&h, err, errlen);
    }
    ui_text_edit_free(&h.text);
    ui_window_teardown(&s, &c);
    return rc;
}
