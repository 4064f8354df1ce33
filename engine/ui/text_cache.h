/* text_cache.h — rendered text kept as SDL textures, keyed by (string, font, colour, wrap width),
 * evicted least-recently-used so a frame never re-rasterises text it drew before. */
#ifndef YQ_UI_TEXT_CACHE_H
#define YQ_UI_TEXT_CACHE_H

#include <SDL2/SDL.h>
#include <SDL2/SDL_ttf.h>

typedef struct ui_text_cache ui_text_cache;

typedef struct ui_text_cache_stats {
    long hits, misses, evictions;
    int entries;
    long pixels;   /* texture pixels held */
} ui_text_cache_stats;

/* A cache for one renderer holding at most max_entries textures and max_pixels texels. */
ui_text_cache *ui_text_cache_new(SDL_Renderer *r, int max_entries, long max_pixels);
void ui_text_cache_free(ui_text_cache *c);
/* Drop every texture (fonts were re-sized, or the renderer is about to go). */
void ui_text_cache_clear(ui_text_cache *c);

/* The texture of `s` drawn in font f and colour col, wrapped to wrap_w pixels (0: no wrapping;
 * '\n' always breaks). *w and *h receive its size; an empty string gives NULL, *w = 0 and
 * *h = one line. NULL also when rendering failed. The texture stays valid until the next get(). */
SDL_Texture *ui_text_cache_get(ui_text_cache *c, TTF_Font *f, const char *s, SDL_Color col,
                               int wrap_w, int *w, int *h);

ui_text_cache_stats ui_text_cache_stats_get(const ui_text_cache *c);

#endif
