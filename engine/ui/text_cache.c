/* text_cache.c — a chained hash table over a fixed pool of entries threaded on an LRU list;
 * misses render with TTF_RenderUTF8_Blended, one surface per wrapped line composed into one texture. */
#include "text_cache.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wrap.h"

typedef struct entry {
    uint64_t hash;
    TTF_Font *font;
    SDL_Color col;
    int wrap;
    char *s;
    SDL_Texture *tex;
    int w, h;
    int chain;         /* next entry in the bucket, -1 */
    int prev, next;    /* LRU neighbours (prev = more recent), -1 */
    int used;
} entry;

struct ui_text_cache {
    SDL_Renderer *ren;
    entry *e;
    int cap;
    int *buckets;
    int n_buckets;     /* power of two */
    int head, tail;    /* most and least recently used */
    int free_head;     /* unused entries chained through `chain` */
    long max_pixels;
    ui_text_cache_stats st;
};

static uint64_t key_hash(TTF_Font *f, const char *s, SDL_Color col, int wrap)
{
    uint64_t h = 1469598103934665603ULL;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) h = (h ^ *p) * 1099511628211ULL;
    uint64_t extra[3] = { (uint64_t)(uintptr_t)f,
                          ((uint64_t)col.r << 24) | ((uint64_t)col.g << 16) | ((uint64_t)col.b << 8) | col.a,
                          (uint64_t)(uint32_t)wrap };
    for (int i = 0; i < 3; i++) h = (h ^ extra[i]) * 1099511628211ULL;
    return h;
}

ui_text_cache *ui_text_cache_new(SDL_Renderer *r, int max_entries, long max_pixels)
{
    if (max_entries < 1) max_entries = 1;
    ui_text_cache *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    c->ren = r;
    c->cap = max_entries;
    c->max_pixels = max_pixels;
    c->n_buckets = 16;
    while (c->n_buckets < max_entries * 2) c->n_buckets *= 2;
    c->e = calloc((size_t)max_entries, sizeof *c->e);
    c->buckets = malloc((size_t)c->n_buckets * sizeof *c->buckets);
    if (!c->e || !c->buckets) { ui_text_cache_free(c); return NULL; }
    ui_text_cache_clear(c);
    return c;
}

static void release(entry *e)
{
    if (e->tex) SDL_DestroyTexture(e->tex);
    free(e->s);
    e->tex = NULL;
    e->s = NULL;
    e->used = 0;
}

void ui_text_cache_clear(ui_text_cache *c)
{
    for (int i = 0; i < c->cap; i++) {
        release(&c->e[i]);
        c->e[i].chain = i + 1 < c->cap ? i + 1 : -1;
    }
    for (int i = 0; i < c->n_buckets; i++) c->buckets[i] = -1;
    c->head = c->tail = -1;
    c->free_head = 0;
    c->st.entries = 0;
    c->st.pixels = 0;
}

void ui_text_cache_free(ui_text_cache *c)
{
    if (!c) return;
    if (c->e && c->buckets) ui_text_cache_clear(c);
    free(c->e);
    free(c->buckets);
    free(c);
}

static void lru_unlink(ui_text_cache *c, int i)
{
    entry *e = &c->e[i];
    if (e->prev >= 0) c->e[e->prev].next = e->next; else c->head = e->next;
    if (e->next >= 0) c->e[e->next].prev = e->prev; else c->tail = e->prev;
    e->prev = e->next = -1;
}

static void lru_push_front(ui_text_cache *c, int i)
{
    entry *e = &c->e[i];
    e->prev = -1;
    e->next = c->head;
    if (c->head >= 0) c->e[c->head].prev = i;
    c->head = i;
    if (c->tail < 0) c->tail = i;
}

static void evict(ui_text_cache *c, int i)
{
    entry *e = &c->e[i];
    int *link = &c->buckets[e->hash & (uint64_t)(c->n_buckets - 1)];
    while (*link != i) link = &c->e[*link].chain;
    *link = e->chain;
    lru_unlink(c, i);
    c->st.pixels -= (long)e->w * e->h;
    c->st.entries--;
    release(e);
    e->chain = c->free_head;
    c->free_head = i;
}

/* Render s into one ARGB surface, line by line. */
static SDL_Surface *render(TTF_Font *f, const char *s, SDL_Color col, int wrap)
{
    ui_lines lines = { 0 };
    int len = (int)strlen(s);
    if (ui_wrap(f, s, len, wrap, &lines)) return NULL;
    int skip = TTF_FontLineSkip(f);
    SDL_Surface **parts = calloc((size_t)lines.n, sizeof *parts);
    char *tmp = malloc((size_t)len + 1);
    int width = 0;
    SDL_Surface *out = NULL;
    if (!parts || !tmp) goto done;
    for (int i = 0; i < lines.n; i++) {
        if (lines.v[i].len == 0) continue;
        memcpy(tmp, s + lines.v[i].start, (size_t)lines.v[i].len);
        tmp[lines.v[i].len] = '\0';
        parts[i] = TTF_RenderUTF8_Blended(f, tmp, col);
        if (parts[i] && parts[i]->w > width) width = parts[i]->w;
    }
    if (lines.n == 1 && parts[0]) {
        out = parts[0];
        parts[0] = NULL;
        goto done;
    }
    if (width == 0) goto done;
    out = SDL_CreateRGBSurfaceWithFormat(0, width, skip * (lines.n - 1) + TTF_FontHeight(f), 32,
                                         SDL_PIXELFORMAT_ARGB8888);
    if (!out) goto done;
    SDL_FillRect(out, NULL, SDL_MapRGBA(out->format, col.r, col.g, col.b, 0));
    for (int i = 0; i < lines.n; i++) {
        if (!parts[i]) continue;
        SDL_SetSurfaceBlendMode(parts[i], SDL_BLENDMODE_NONE);
        SDL_Rect dst = { 0, i * skip, parts[i]->w, parts[i]->h };
        SDL_BlitSurface(parts[i], NULL, out, &dst);
    }
done:
    if (parts)
        for (int i = 0; i < lines.n; i++) SDL_FreeSurface(parts[i]);
    free(parts);
    free(tmp);
    ui_lines_free(&lines);
    return out;
}

SDL_Texture *ui_text_cache_get(ui_text_cache *c, TTF_Font *f, const char *s, SDL_Color col,
                               int wrap_w, int *w, int *h)
{
    if (!s || !*s || !f) {
        *w = 0;
        *h = f ? TTF_FontHeight(f) : 0;
        return NULL;
    }
    if (wrap_w < 0) wrap_w = 0;
    uint64_t hash = key_hash(f, s, col, wrap_w);
    int b = (int)(hash & (uint64_t)(c->n_buckets - 1));
    for (int i = c->buckets[b]; i >= 0; i = c->e[i].chain) {
        entry *e = &c->e[i];
        if (e->hash == hash && e->font == f && e->wrap == wrap_w && e->col.r == col.r &&
            e->col.g == col.g && e->col.b == col.b && e->col.a == col.a && strcmp(e->s, s) == 0) {
            lru_unlink(c, i);
            lru_push_front(c, i);
            c->st.hits++;
            *w = e->w;
            *h = e->h;
            return e->tex;
        }
    }
    c->st.misses++;
    SDL_Surface *surf = render(f, s, col, wrap_w);
    if (!surf) { *w = 0; *h = TTF_FontHeight(f); return NULL; }
    SDL_Texture *tex = SDL_CreateTextureFromSurface(c->ren, surf);
    int tw = surf->w, th = surf->h;
    SDL_FreeSurface(surf);
    char *copy = strdup(s);
    if (!tex || !copy) {
        if (tex) SDL_DestroyTexture(tex);
        free(copy);
        *w = 0; *h = TTF_FontHeight(f);
        return NULL;
    }
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    while (c->tail >= 0 && (c->free_head < 0 || (c->max_pixels > 0 && c->st.pixels + (long)tw * th > c->max_pixels))) {
        evict(c, c->tail);
        c->st.evictions++;
    }
    int i = c->free_head;
    entry *e = &c->e[i];
    c->free_head = e->chain;
    e->hash = hash; e->font = f; e->col = col; e->wrap = wrap_w; e->s = copy;
    e->tex = tex; e->w = tw; e->h = th; e->used = 1;
    e->chain = c->buckets[b];
    c->buckets[b] = i;
    lru_push_front(c, i);
    c->st.entries++;
    c->st.pixels += (long)tw * th;
    *w = tw;
    *h = th;
    return tex;
}

ui_text_cache_stats ui_text_cache_stats_get(const ui_text_cache *c) { return c->st; }
