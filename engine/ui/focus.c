/* focus.c — keyboard focus for immediate-mode widgets: ids hashed from names, the order of
 * focusable widgets as drawn (which Tab walks, see ui_frame_end), and the text editor's caret. */
#include "ctx.h"

unsigned ui_id(const char *name)
{
    unsigned h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) h = (h ^ *p) * 16777619u;
    return h ? h : 1;
}

unsigned ui_id_n(unsigned base, int n)
{
    unsigned h = (base ^ (unsigned)n) * 16777619u + 0x9e3779b9u;
    return h ? h : 1;
}

int ui_focusable(ui_ctx *c, unsigned id, SDL_Rect r)
{
    if (c->focus.n < UI_MAX_FOCUS) c->focus.order[c->focus.n++] = id;
    if (ui_clicked_in(c, r)) c->focus.cur = id;
    return c->focus.cur == id;
}

void ui_focus_set(ui_ctx *c, unsigned id)
{
    c->focus.cur = id;
    c->focus.fresh = 1;
}

void ui_want_text(ui_ctx *c, SDL_Rect caret)
{
    c->focus.text_wanted = 1;
    c->focus.text_rect = caret;
}
