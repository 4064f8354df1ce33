/* text_cache.h — rendered text kept in atlas textures, keyed by (string, font, wrap width, and on
 * the software renderer colour), so a frame never re-rasterises text it drew before and all text
 * can be drawn from a few textures. */
#ifndef YQ_UI_TEXT_CACHE_H
#define YQ_UI_TEXT_CACHE_H

#include <SDL2/SDL.h>
#include <SDL2/SDL_ttf.h>

typedef struct ui_text_cache ui_text_cache;

typedef struct ui_text_cache_stats {
    long hits, misses, evictions;
    int entries;
    long pixels;      /* texels of the cached texts */
    int pages;        /* atlas pages in use */
    long page_resets; /* pages emptied to make room */
} ui_text_cache_stats;

/* A cache for one renderer holding at most max_entries texts, in as many atlas pages as cover
 * the renderer's output once (at least two) but no more than max_pixels texels (at least one). */
ui_text_cache *ui_text_cache_new(SDL_Renderer *r, int max_entries, long max_pixels);
void ui_text_cache_free(ui_text_cache *c);
/* Drop every text and texture (fonts were re-sized, or the renderer is about to go). */
void ui_text_cache_clear(ui_text_cache *c);

/* fn(ud, t) runs before the cache overwrites or destroys texels of texture t (NULL: of any) that
 * earlier get() calls handed out, so draws still queued with them can be submitted first. */
void ui_text_cache_on_reuse(ui_text_cache *c, void (*fn)(void *ud, SDL_Texture *t), void *ud);

/* A cached text: texels src of tex go unscaled at (ox, oy) from the text's top-left corner, drawn
 * with tint as colour modulation. Only texels with some coverage are kept, so src may be smaller
 * than the text's w × h. */
typedef struct ui_text_img {
    SDL_Texture *tex;   /* an atlas page, or a texture of its own when larger than a page; NULL
                           when there is nothing to draw (empty or blank text, rendering failed) */
    SDL_Rect src;
    int ox, oy;
    SDL_Color tint;
    int w, h;           /* size for layout; an empty string has w = 0 and h = one line */
} ui_text_img;

/* `s` in font f and colour col, wrapped to wrap_w pixels (0: no wrapping; '\n' always breaks).
 * Accelerated renderers get it rendered white, tinted col when drawn, so one copy serves every
 * colour; the software renderer gets it rendered in col (its tinted blits round differently).
 * The texels stay valid until the reuse callback runs. */
ui_text_img ui_text_cache_get(ui_text_cache *c, TTF_Font *f, const char *s, SDL_Color col, int wrap_w);

ui_text_cache_stats ui_text_cache_stats_get(const ui_text_cache *c);

#endif
