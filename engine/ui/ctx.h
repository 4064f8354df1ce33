/* ctx.h — the interface's shared context: window, renderer, scale, fonts, text cache, this
 * frame's input and keyboard focus. Every widget and screen draws through one of these. */
#ifndef YQ_UI_CTX_H
#define YQ_UI_CTX_H

#include <SDL2/SDL.h>

#include "font.h"
#include "text_cache.h"

#define UI_MAX_KEYS 32
#define UI_MAX_FOCUS 256
#define UI_CLIP_DEPTH 16
#define UI_LAYOUT_MAX 160
#define UI_SHOWN_MAX 48          /* texts of the feed kept per frame for the layout dump */
#define UI_SHOWN_LEN 768

typedef struct ui_key {
    SDL_Keycode key;
    Uint16 mod;
    int taken;
} ui_key;

/* What happened since the last frame. Key presses are taken by at most one widget. */
typedef struct ui_input {
    ui_key keys[UI_MAX_KEYS];
    int n_keys;
    char text[512];          /* committed text input (SDL_TEXTINPUT), concatenated */
    char composition[256];   /* the IME's current composition (persists until committed) */
    int comp_cursor;         /* caret inside the composition, in code points */
    int drop_text;           /* the last key pressed was Alt/Ctrl+key: ignore the text it brings */
    int mx, my;              /* mouse, in output pixels */
    int clicked;             /* left button went down this frame: 1, or 2 for a double click */
    int wheel;               /* wheel steps, positive = up */
    int quit;
} ui_input;

typedef struct ui_focus {
    unsigned cur;                    /* id holding focus, 0 for none */
    unsigned order[UI_MAX_FOCUS];    /* focusable ids in the order drawn this frame */
    int n;
    int fresh;                       /* focus was moved in code this frame: keep it for one frame */
    int text_wanted;                 /* a text editor holds focus this frame */
    SDL_Rect text_rect;              /* where its caret is, for the IME */
} ui_focus;

/* A control as drawn this frame, for the layout dump (YQ_UI_LAYOUT). */
#define UI_NOTE_LABEL 160

typedef struct ui_control {
    char label[UI_NOTE_LABEL];
    SDL_Rect r;
    int text_w;           /* width its label needs, pixels */
} ui_control;

typedef struct ui_ctx {
    SDL_Window *win;
    SDL_Renderer *ren;
    ui_font_file font_file;
    ui_fonts fonts;
    ui_text_cache *cache;
    struct ui_batch *batch;   /* this frame's queued drawing (batch.h) */
    float scale;          /* output pixels per layout unit */
    float fixed_scale;    /* --scale / YQ_UI_SCALE, 0 = follow the window */
    int zoom;             /* the text size chosen in the window (Ctrl+- / Ctrl+= / Ctrl+0, the start
                             screen's control): percent of that scale, UI_ZOOM_MIN .. 100 */
    int w, h;             /* output size in pixels */
    ui_input in;
    ui_focus focus;
    SDL_Rect last_ime_rect;
    int text_input_on;
    Uint32 now_ms;        /* SDL_GetTicks at the start of the frame */
    SDL_Rect clip[UI_CLIP_DEPTH];
    int clip_n;
    ui_control controls[UI_LAYOUT_MAX];   /* this frame's buttons and choices */
    int n_controls;
    char shown[UI_SHOWN_MAX][UI_SHOWN_LEN];  /* this frame's feed texts as the trainee sees them */
    int n_shown;
    const char *layout_path;   /* YQ_UI_LAYOUT, or NULL: no dump */
    Uint32 layout_ms;     /* when the layout is dumped next */
} ui_ctx;

/* Layout units to pixels. */
static inline int ui_px(const ui_ctx *c, float units) { return (int)(units * c->scale + 0.5f); }

/* Start a frame: reset per-frame input and read pending SDL events (waiting up to wait_ms for one). */
void ui_frame_begin(ui_ctx *c, int wait_ms);
/* Make text a step smaller (dir < 0) or larger (dir > 0), within UI_ZOOM_MIN .. 100 %, or as large as
 * fits again (dir 0); applied from the next frame. */
void ui_zoom_step(ui_ctx *c, int dir);

/* Feed one SDL event into this frame's input. */
void ui_input_event(ui_ctx *c, const SDL_Event *e);
/* Finish a frame: move focus on unclaimed Tab / Shift+Tab, switch IME text input on or off. */
void ui_frame_end(ui_ctx *c);

/* Take an unclaimed press of `key` whose modifiers include `mods` (KMOD_CTRL, KMOD_SHIFT, 0). */
int ui_key_take(ui_ctx *c, SDL_Keycode key, Uint16 mods);
/* Take an unclaimed press of `key` with no Ctrl/Alt/Shift held. */
int ui_key_plain(ui_ctx *c, SDL_Keycode key);
int ui_mouse_in(const ui_ctx *c, SDL_Rect r);
int ui_clicked_in(const ui_ctx *c, SDL_Rect r);

/* Note a control drawn at r showing label (needing text_w pixels), for the layout dump. */
void ui_layout_note(ui_ctx *c, const char *label, SDL_Rect r, int text_w);
/* Note words the feed showed this frame (author line, post text, counts), for the layout dump. */
void ui_layout_shown(ui_ctx *c, const char *text);
/* With layout_path set (YQ_UI_LAYOUT=FILE): about twice a second, write this frame's controls to the
 * file (replaced whole), one "x y w h text_w window_w window_h label" line each, and the feed's texts
 * to FILE.feed, one a line; then start the next frame's lists. 0, or -1 when a file cannot be written. */
int ui_layout_dump(ui_ctx *c);

/* Stable ids for focusable widgets. */
unsigned ui_id(const char *name);
unsigned ui_id_n(unsigned base, int n);
/* Register a focusable widget drawn at r; clicking r focuses it. Returns whether it has focus. */
int ui_focusable(ui_ctx *c, unsigned id, SDL_Rect r);
void ui_focus_set(ui_ctx *c, unsigned id);
/* A text editor with focus reports its caret rectangle every frame. */
void ui_want_text(ui_ctx *c, SDL_Rect caret);

#endif
