/* text_edit.h — a text field widget (single or multi-line) over a ui_text_buf: UTF-8 editing,
 * IME composition drawn inline at the caret, selection, clipboard, undo and a character count. */
#ifndef YQ_UI_TEXT_EDIT_H
#define YQ_UI_TEXT_EDIT_H

#include "ctx.h"
#include "text_buf.h"
#include "wrap.h"

typedef struct ui_text_edit {
    ui_text_buf buf;
    int multiline;
    int show_count;      /* draw "N 字" in the corner */
    int scroll;          /* pixels: vertical (multi-line) or horizontal (single line) */
    int want_x;          /* column kept while moving up and down, -1 when unset */
    ui_lines lines;      /* visual lines of the last layout */
    unsigned layout_hash;
    int layout_w;
} ui_text_edit;

enum { UI_EDIT_CHANGED = 1, UI_EDIT_SUBMIT = 2 };

int ui_text_edit_init(ui_text_edit *e, int max_chars, int multiline);
void ui_text_edit_free(ui_text_edit *e);
/* Replace the text (e.g. clear after submitting). 0 or -1 (memory). */
int ui_text_edit_set(ui_text_edit *e, const char *text);
const char *ui_text_edit_text(const ui_text_edit *e);

/* Draw the field in r and, when focused, apply this frame's keys and text. Enter submits a
 * single-line field; Ctrl+Enter submits a multi-line one. Returns UI_EDIT_* flags. */
int ui_text_field(ui_ctx *c, ui_text_edit *e, unsigned id, SDL_Rect r, const char *placeholder);

#endif
