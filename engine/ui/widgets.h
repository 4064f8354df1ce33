/* widgets.h — buttons, segmented choices and scrolling lists: immediate-mode widgets that draw
 * themselves, take focus with Tab or a click, and act on Enter or arrows. */
#ifndef YQ_UI_WIDGETS_H
#define YQ_UI_WIDGETS_H

#include "ctx.h"
#include "keys.h"

enum { UI_BTN_PRIMARY = 1, UI_BTN_SELECTED = 2, UI_BTN_DISABLED = 4, UI_BTN_DANGER = 8 };

/* Preferred width of a button showing label. */
int ui_button_w(ui_ctx *c, const char *label);
/* Returns 1 when activated this frame (click, or Enter while focused; Space is left to the screens). */
int ui_button(ui_ctx *c, unsigned id, SDL_Rect r, const char *label, int flags);

/* A button showing its command's key ("Alt+S") under its label when r is tall enough, else beside
 * it; also activated by that key. ui_cmd_button_w is the width of the side-by-side form. */
int ui_cmd_button_w(ui_ctx *c, const char *label, ui_cmd cmd);
int ui_cmd_button(ui_ctx *c, unsigned id, SDL_Rect r, const char *label, ui_cmd cmd, int flags);

/* A row of n mutually exclusive options sharing one focus stop (Left/Right move it).
 * Returns 1 when *sel changed. */
int ui_choice(ui_ctx *c, unsigned id, SDL_Rect r, const char *const *labels, int n, int *sel);

typedef struct ui_list {
    int sel;       /* selected item, -1 for none */
    int top;       /* first item shown */
    int shown;     /* items shown in the last frame */
} ui_list;

/* Draws item i in r (r.h is the room left) when `draw`, and returns the height it needs. */
typedef int (*ui_list_item_fn)(ui_ctx *c, void *ud, int i, SDL_Rect r, int selected, int draw);

enum { UI_LIST_CHANGED = 1, UI_LIST_ACTIVATED = 2 };
/* A list of n items scrolled by whole items: Up/Down/PageUp/PageDown/Home/End move the
 * selection, Enter or a double click activates it. Returns UI_LIST_* flags. */
int ui_list_view(ui_ctx *c, ui_list *l, unsigned id, SDL_Rect r, int n, ui_list_item_fn fn, void *ud);

#endif
