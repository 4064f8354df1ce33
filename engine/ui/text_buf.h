/* text_buf.h — the editable text behind a text field: UTF-8 buffer, caret and selection as byte
 * offsets on code-point boundaries, typing that coalesces into undo steps, and a length limit. */
#ifndef YQ_UI_TEXT_BUF_H
#define YQ_UI_TEXT_BUF_H

typedef struct ui_tb_snapshot {
    char *s;
    int caret, anchor;
} ui_tb_snapshot;

typedef struct ui_text_buf {
    char *s;            /* always NUL-terminated */
    int len, cap;
    int caret, anchor;  /* selection is [min, max) of the two; empty when equal */
    int max_chars;      /* 0 = no limit */
    ui_tb_snapshot *undo;
    int n_undo;
    int typing;         /* the last edit was typing, so more typing joins its undo step */
} ui_text_buf;

#define UI_TB_UNDO_DEPTH 100

/* 0, or -1 when out of memory. */
int ui_tb_init(ui_text_buf *b, int max_chars);
void ui_tb_free(ui_text_buf *b);
/* Replace the whole text (caret at the end) and forget the undo history. */
int ui_tb_set(ui_text_buf *b, const char *text);

/* Insert at the caret, replacing the selection. '\r' is dropped, tabs become spaces, other
 * control characters except '\n' are dropped, and the text is cut to fit max_chars.
 * `typing` joins consecutive calls into one undo step. Returns bytes inserted, or -1 (memory). */
int ui_tb_insert(ui_text_buf *b, const char *text, int typing);
/* Delete the selection, or the code point before / after the caret. 1 if anything changed. */
int ui_tb_backspace(ui_text_buf *b);
int ui_tb_delete(ui_text_buf *b);
/* Restore the state before the last edit; 1 if there was one. */
int ui_tb_undo(ui_text_buf *b);

/* Move the caret to byte offset `to` (snapped to a code-point start); keep the anchor when
 * `select`, else collapse the selection. */
void ui_tb_move(ui_text_buf *b, int to, int select);
int ui_tb_prev(const ui_text_buf *b, int i);   /* offset of the code point before i */
int ui_tb_next(const ui_text_buf *b, int i);   /* offset after the code point at i */
void ui_tb_select_all(ui_text_buf *b);
int ui_tb_has_selection(const ui_text_buf *b);
void ui_tb_selection(const ui_text_buf *b, int *from, int *to);
/* The selected text, malloc'd (empty string when nothing is selected), or NULL (memory). */
char *ui_tb_selected_text(const ui_text_buf *b);

/* Code points in the text. */
int ui_tb_chars(const ui_text_buf *b);

#endif
