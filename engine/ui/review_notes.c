/* review_notes.c — the instructor's hot-wash notes on the reviewed session: the stored notes with author,
 * drill time and when they were written; an author field and the text editor (IME) to write one about the
 * moment on the timeline, saved with Ctrl+Enter or the Save button. */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "layout.h"
#include "review.h"
#include "theme.h"

/* "2025-03-01T09:30:00Z" as "2025-03-01 09:30". */
static const char *wall_time(const char *iso, char *buf, size_t n)
{
    snprintf(buf, n, "%.16s", iso ? iso : "");
    char *tee = strchr(buf, 'T');
    if (tee) *tee = ' ';
    return buf;
}

static int note_row(ui_ctx *c, void *ud, int i, SDL_Rect r, int selected, int draw)
{
    ui_state *s = ud;
    (void)selected;
    const ui_note_info *n = &s->review->notes[i];
    char head[256], clock[32], at[32];
    ui_fmt(head, sizeof head, ui_tr("review.note_head"), n->author, ui_clock(clock, sizeof clock, n->t),
           wall_time(n->at, at, sizeof at));
    int pad = ui_px(c, 4), sh = ui_line_h(c, UI_FONT_SMALL), w = r.w - 3 * pad;
    int bh = ui_text_wrap_h(c, UI_FONT_BODY, n->text, w);
    if (draw) {
        ui_text_in(c, UI_FONT_SMALL, head, UI_ACCENT, ui_rect(r.x + 2 * pad, r.y + pad, w, sh), UI_ALIGN_LEFT);
        ui_text_wrap(c, UI_FONT_BODY, n->text, UI_TEXT, r.x + 2 * pad, r.y + pad + sh, w);
    }
    return sh + bh + 2 * pad;
}

static void save(ui_state *s)
{
    ui_review_state *r = s->review;
    char err[256] = "", msg[512];
    if (ui_tb_chars(&r->note.buf) == 0) {
        ui_toast(s, 1, ui_tr("review.need_text"));
        return;
    }
    if (s->api->note_add(s->api->ud, r->t, ui_text_edit_text(&r->author), ui_text_edit_text(&r->note), err,
                         sizeof err) != 0) {
        ui_toast(s, 1, ui_fmt(msg, sizeof msg, ui_tr("review.save_failed"), err, NULL, NULL));
        return;
    }
    r->notes = NULL;
    r->n_notes = 0;
    if (s->api->notes(s->api->ud, &r->notes, &r->n_notes, err, sizeof err) != 0) {
        r->notes = NULL;
        r->n_notes = 0;
    }
    ui_text_edit_set(&r->note, "");
    r->notes_list.sel = r->n_notes - 1;
    ui_toast(s, 0, ui_tr("review.saved"));
}

void ui_review_notes(ui_state *s, SDL_Rect r)
{
    ui_ctx *c = s->c;
    ui_review_state *rv = s->review;
    char title[128], n[16], clock[32], hint[256], at[256];
    snprintf(n, sizeof n, "%d", rv->n_notes);
    SDL_Rect in = ui_panel(c, r, ui_fmt(title, sizeof title, ui_tr("review.notes"), n, NULL, NULL));
    int bh = ui_line_h(c, UI_FONT_BODY), gap = ui_px(c, 6);

    SDL_Rect buttons = ui_cut_bottom(&in, bh + ui_px(c, 10));
    ui_cut_bottom(&in, gap);
    SDL_Rect editor = ui_cut_bottom(&in, 3 * bh + ui_px(c, 14));
    ui_cut_bottom(&in, gap);
    SDL_Rect who = ui_cut_bottom(&in, bh + ui_px(c, 8));
    ui_cut_bottom(&in, gap);

    if (rv->n_notes == 0) {
        ui_text_in(c, UI_FONT_SMALL, ui_tr("review.notes_none"), UI_MUTED, ui_cut_top(&in, ui_line_h(c, UI_FONT_SMALL)),
                   UI_ALIGN_LEFT);
    } else {
        int before = rv->notes_list.sel;
        ui_list_view(c, &rv->notes_list, ui_id("review.notes"), in, rv->n_notes, note_row, s);
        if (rv->notes_list.sel != before && rv->notes_list.sel >= 0 && rv->notes_list.sel < rv->n_notes)
            rv->t = rv->notes[rv->notes_list.sel].t;
    }

    int lw, lh;
    ui_text_size(c, UI_FONT_BODY, ui_tr("review.author"), &lw, &lh);
    ui_text_in(c, UI_FONT_BODY, ui_tr("review.author"), UI_TEXT, ui_cut_left(&who, lw + gap), UI_ALIGN_LEFT);
    ui_text_field(c, &rv->author, ui_id("review.author"), who, ui_tr("review.default_author"));

    ui_fmt(hint, sizeof hint, ui_tr("review.note_hint"), ui_clock(clock, sizeof clock, rv->t), NULL, NULL);
    int submit = (ui_text_field(c, &rv->note, ui_id("review.note"), editor, hint) & UI_EDIT_SUBMIT) != 0;
    SDL_Rect go = ui_cut_right(&buttons, ui_button_w(c, ui_tr("review.save")));
    ui_text_in(c, UI_FONT_SMALL, ui_fmt(at, sizeof at, ui_tr("review.note_at"), clock, NULL, NULL), UI_MUTED, buttons,
               UI_ALIGN_LEFT);
    if (ui_button(c, ui_id("review.save"), go, ui_tr("review.save"), UI_BTN_PRIMARY)) submit = 1;
    if (submit) save(s);
}
