/* run.h — pieces of ui_run shared with the benchmark: a renderer's text cache and draw batch,
 * keeping fonts in step with the display scale, and drawing one frame of the current screen. */
#ifndef YQ_UI_RUN_H
#define YQ_UI_RUN_H

#include "state.h"

/* Text cache size for one renderer. */
#define UI_CACHE_ENTRIES 2048
#define UI_CACHE_PIXELS (16L * 1024 * 1024)

/* The texts (zh, en), SDL, SDL_ttf, the font, the window and its renderer, scaled: what every window of
 * the program needs (the trainee's console, the instructor's). 0 or -1 with err; undo with
 * ui_window_teardown (also after a failure). */
int ui_window_setup(ui_state *s, ui_ctx *c, const ui_options *opt, char *err, int errlen);
void ui_window_teardown(ui_state *s, ui_ctx *c);
/* Start a frame of a window: its input (waiting up to wait_ms), F11 (full screen and back), the scale.
 * 0 go on, 1 the window was closed, -1 failed (err). */
int ui_window_frame_begin(ui_ctx *c, int wait_ms, char *err, int errlen);
/* Replace the window's renderer with one of these SDL_RENDERER_* flags (the software one when none
 * such can be made), with its text cache and batch. 0 or -1 with err. */
int ui_renderer_switch(ui_ctx *c, Uint32 flags, char *err, int errlen);
/* Re-open fonts and drop cached text when the window's scale changed. 0 or -1 with err. */
int ui_update_scale(ui_ctx *c, char *err, int errlen);
/* Give c->ren its text cache and draw batch (after creating the renderer). 0 or -1 with err. */
int ui_renderer_attach(ui_ctx *c, char *err, int errlen);
/* Free them (before destroying the renderer). */
void ui_renderer_detach(ui_ctx *c);
/* Clear, draw the current screen, finish input handling and submit the drawing, not presented. */
void ui_render_frame(ui_state *s);
/* ui_render_frame, then present. */
void ui_draw_frame(ui_state *s);

/* Write the frame the renderer holds (drawn, not yet presented) to path as BMP. 0, or -1 with err. */
int ui_shot_save(ui_ctx *c, const char *path, char *err, int errlen);

/* --bench-ui: print "first_frame_ms: X", the time from the process's start (where the system tells
 * it; else from t0, the performance counter when ui_run began) to the first frame presented with
 * the renderer the console chose ("first_frame_renderer: NAME"); then fill the feed to 1,000 posts,
 * time frames with the accelerated and the software renderer and print
 * "renderer: NAME p50_ms: X p99_ms: Y" for each. 0 or -1 with err. */
int ui_bench(ui_state *s, Uint64 t0, char *err, int errlen);

#endif
