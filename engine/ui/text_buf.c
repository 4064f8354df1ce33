/* text_buf.c — editing operations on a UTF-8 buffer with snapshot undo: each edit pushes the
 * previous text unless it continues a run of typing; the oldest step is dropped past the depth. */
#include "text_buf.h"

#include <stdlib.h>
#include <string.h>

#include "wrap.h"

static int reserve(ui_text_buf *b, int need)
{
    if (need + 1 <= b->cap) return 0;
    int cap = b->cap ? b->cap : 64;
    while (cap < need + 1) cap *= 2;
    char *s = realloc(b->s, (size_t)cap);
    if (!s) return -1;
    b->s = s;
    b->cap = cap;
    return 0;
}

int ui_tb_init(ui_text_buf *b, int max_chars)
{
    memset(b, 0, sizeof *b);
    b->max_chars = max_chars;
    if (reserve(b, 0)) return -1;
    b->s[0] = '\0';
    return 0;
}

static void drop_undo(ui_text_buf *b)
{
    for (int i = 0; i < b->n_undo; i++) free(b->undo[i].s);
    b->n_undo = 0;
}

void ui_tb_free(ui_text_buf *b)
{
    drop_undo(b);
    free(b->undo);
    free(b->s);
    memset(b, 0, sizeof *b);
}

static int push_undo(ui_text_buf *b)
{
    if (!b->undo && !(b->undo = calloc(UI_TB_UNDO_DEPTH, sizeof *b->undo))) return -1;
    char *copy = malloc((size_t)b->len + 1);
    if (!copy) return -1;
    memcpy(copy, b->s, (size_t)b->len + 1);
    if (b->n_undo == UI_TB_UNDO_DEPTH) {
        free(b->undo[0].s);
        memmove(b->undo, b->undo + 1, (UI_TB_UNDO_DEPTH - 1) * sizeof *b->undo);
        b->n_undo--;
    }
    b->undo[b->n_undo].s = copy;
    b->undo[b->n_undo].caret = b->caret;
    b->undo[b->n_undo].anchor = b->anchor;
    b->n_undo++;
    return 0;
}

int ui_tb_set(ui_text_buf *b, const char *text)
{
    int n = (int)strlen(text ? text : "");
    if (reserve(b, n)) return -1;
    memcpy(b->s, text ? text : "", (size_t)n + 1);
    b->len = n;
    b->caret = b->anchor = n;
    b->typing = 0;
    drop_undo(b);
    return 0;
}

int ui_tb_chars(const ui_text_buf *b)
{
    int n = 0;
    for (int i = 0; i < b->len; i += ui_utf8_len(b->s + i)) n++;
    return n;
}

int ui_tb_has_selection(const ui_text_buf *b) { return b->caret != b->anchor; }

void ui_tb_selection(const ui_text_buf *b, int *from, int *to)
{
    *from = b->caret < b->anchor ? b->caret : b->anchor;
    *to = b->caret < b->anchor ? b->anchor : b->caret;
}

/* Remove bytes [a, z) without touching undo. */
static void cut(ui_text_buf *b, int a, int z)
{
    memmove(b->s + a, b->s + z, (size_t)(b->len - z) + 1);
    b->len -= z - a;
    b->caret = b->anchor = a;
}

/* Clean text to insert: drop '\r' and control characters, tabs to spaces, cut to `room` code points. */
static char *clean(const char *text, int room, int *out_len)
{
    int n = (int)strlen(text);
    char *o = malloc((size_t)n + 1);
    if (!o) return NULL;
    int k = 0, chars = 0;
    for (int i = 0; i < n && (room < 0 || chars < room);) {
        unsigned char ch = (unsigned char)text[i];
        int l = ui_utf8_len(text + i);
        if (ch == '\t') { o[k++] = ' '; chars++; }
        else if (ch == '\n' || ch >= 0x20) { memcpy(o + k, text + i, (size_t)l); k += l; chars++; }
        i += l;
    }
    o[k] = '\0';
    *out_len = k;
    return o;
}

int ui_tb_insert(ui_text_buf *b, const char *text, int typing)
{
    int a, z;
    ui_tb_selection(b, &a, &z);
    int room = -1;
    if (b->max_chars > 0) {
        int sel_chars = 0;
        for (int i = a; i < z; i += ui_utf8_len(b->s + i)) sel_chars++;
        room = b->max_chars - (ui_tb_chars(b) - sel_chars);
        if (room < 0) room = 0;
    }
    int n;
    char *add = clean(text, room, &n);
    if (!add) return -1;
    if (n == 0 && a == z) { free(add); return 0; }
    if (!(typing && b->typing && a == z) && push_undo(b)) { free(add); return -1; }
    if (reserve(b, b->len - (z - a) + n)) { free(add); return -1; }
    cut(b, a, z);
    memmove(b->s + a + n, b->s + a, (size_t)(b->len - a) + 1);
    memcpy(b->s + a, add, (size_t)n);
    b->len += n;
    b->caret = b->anchor = a + n;
    b->typing = typing;
    free(add);
    return n;
}

static int erase(ui_text_buf *b, int forward)
{
    int a, z;
    ui_tb_selection(b, &a, &z);
    if (a == z) {
        if (forward) { if (a >= b->len) return 0; z = ui_tb_next(b, a); }
        else { if (a <= 0) return 0; a = ui_tb_prev(b, a); }
    }
    if (push_undo(b)) return 0;
    cut(b, a, z);
    b->typing = 0;
    return 1;
}

int ui_tb_backspace(ui_text_buf *b) { return erase(b, 0); }
int ui_tb_delete(ui_text_buf *b) { return erase(b, 1); }

int ui_tb_undo(ui_text_buf *b)
{
    if (b->n_undo == 0) return 0;
    ui_tb_snapshot *u = &b->undo[--b->n_undo];
    free(b->s);
    b->s = u->s;
    b->len = (int)strlen(u->s);
    b->cap = b->len + 1;
    b->caret = u->caret;
    b->anchor = u->anchor;
    b->typing = 0;
    u->s = NULL;
    return 1;
}

int ui_tb_prev(const ui_text_buf *b, int i) { return ui_utf8_prev(b->s, i > b->len ? b->len : i); }

int ui_tb_next(const ui_text_buf *b, int i)
{
    if (i >= b->len) return b->len;
    int n = i + ui_utf8_len(b->s + i);
    return n > b->len ? b->len : n;
}

void ui_tb_move(ui_text_buf *b, int to, int select)
{
    if (to < 0) to = 0;
    if (to > b->len) to = b->len;
    while (to > 0 && to < b->len && ((unsigned char)b->s[to] & 0xC0) == 0x80) to--;
    b->caret = to;
    if (!select) b->anchor = to;
    b->typing = 0;
}

void ui_tb_select_all(ui_text_buf *b)
{
    b->anchor = 0;
    b->caret = b->len;
    b->typing = 0;
}

char *ui_tb_selected_text(const ui_text_buf *b)
{
    int a, z;
    ui_tb_selection(b, &a, &z);
    char *o = malloc((size_t)(z - a) + 1);
    if (!o) return NULL;
    memcpy(o, b->s + a, (size_t)(z - a));
    o[z - a] = '\0';
    return o;
}
