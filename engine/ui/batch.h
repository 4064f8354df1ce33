/* batch.h — the frame's draw list: fills, text images and triangles recorded in paint order and
 * submitted to the renderer in as few calls as the picture allows. */
#ifndef YQ_UI_BATCH_H
#define YQ_UI_BATCH_H

#include <SDL2/SDL.h>

typedef struct ui_batch ui_batch;

typedef enum ui_batch_mode {
    UI_BATCH_AUTO,      /* grouped on accelerated renderers, direct on the software one */
    UI_BATCH_GROUPED,   /* fills and triangles in one geometry call, images of a texture in another */
    UI_BATCH_DIRECT     /* one renderer call per item, in order */
} ui_batch_mode;

typedef struct ui_batch_stats {
    long items;         /* recorded since the batch was made */
    long calls;         /* renderer draw calls made for them */
} ui_batch_stats;

ui_batch *ui_batch_new(SDL_Renderer *r, ui_batch_mode mode);
void ui_batch_free(ui_batch *b);

/* Start a frame on an output of w × h pixels: drops anything pending and clears to col. */
void ui_batch_begin(ui_batch *b, int w, int h, SDL_Color col);

/* A filled rectangle (already clipped). An opaque fill of the whole output replaces everything
 * pending by a clear. */
void ui_batch_fill(ui_batch *b, SDL_Rect r, SDL_Color col);
/* Texels src of t copied unscaled to dst (same size, already clipped), modulated by tint. */
void ui_batch_image(ui_batch *b, SDL_Texture *t, SDL_Rect src, SDL_Rect dst, SDL_Color tint);
/* Untextured triangles, blended, limited to clip when it is not NULL. 0, or -1 when out of memory. */
int ui_batch_triangles(ui_batch *b, const SDL_Vertex *v, int nv, const int *idx, int ni, const SDL_Rect *clip);

/* Submit everything pending, in an order that paints the same picture. */
void ui_batch_flush(ui_batch *b);
/* Texture t (NULL: any) is about to change or go: submit what is pending if something uses it. */
void ui_batch_release(ui_batch *b, SDL_Texture *t);

ui_batch_stats ui_batch_stats_get(const ui_batch *b);

#endif
