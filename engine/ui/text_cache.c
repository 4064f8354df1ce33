/* text_cache.c — a chained hash table over a fixed pool of entries threaded on an LRU list; misses
 * render with TTF_RenderUTF8_Blended (one surface per wrapped line) into shelves of atlas pages,
 * emptying the least recently used page when all are full. */
#include "text_cache.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wrap.h"

#define PAGE_W 2048      /* atlas pages are wide and low, like text; small ones are quick to create */
#define PAGE_H 256
#define GAP 1            /* empty texels between neighbours on a page */
#define MAX_OWN 16       /* texts larger than a page, each in a texture of its own */

typedef struct entry {
    uint64_t hash;
    TTF_Font *font;
    SDL_Color col;     /* white when tinting */
    int wrap;
    char *s;
    int page;          /* atlas page, or -1: a texture of its own, or no texels at all */
    SDL_Texture *own;
    SDL_Rect r;        /* the texels with some coverage: on the page, or in `own` */
    int ox, oy;        /* where r goes from the text's top-left corner */
    int w, h;          /* the text's size */
    int chain;         /* next entry in the bucket (or in the free list), -1 */
    int prev, next;    /* LRU neighbours (prev = more recent), -1 */
    int used;
} entry;

typedef struct shelf {
    int y, h, x;       /* a row of texts of about height h; x is where the next one goes */
} shelf;

typedef struct page {
    SDL_Texture *tex;
    shelf *shelves;
    int n_shelves, cap_shelves;
    int bottom;        /* top of the next shelf */
    unsigned long stamp;
} page;

struct ui_text_cache {
    SDL_Renderer *ren;
    entry *e;
    int cap;
    int *buckets;
    int n_buckets;     /* power of two */
    int head, tail;    /* most and least recently used */
    int free_head;     /* unused entries chained through `chain` */
    page *pages;
    int n_pages, max_pages, page_w, page_h;
    int tint;          /* render white and tint when drawn */
    int n_own;
    unsigned long clock;
    void (*on_reuse)(void *ud, SDL_Texture *t);
    void *reuse_ud;
    ui_text_cache_stats st;
};

static const SDL_Color WHITE = { 255, 255, 255, 255 };

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
    c->page_w = PAGE_W;
    c->page_h = PAGE_H;
    SDL_RendererInfo info;
    if (r && SDL_GetRendererInfo(r, &info) == 0) {
        c->tint = !(info.flags & SDL_RENDERER_SOFTWARE);
        if (info.max_texture_width > 0 && info.max_texture_width < c->page_w) c->page_w = info.max_texture_width;
        if (info.max_texture_height > 0 && info.max_texture_height < c->page_h) c->page_h = info.max_texture_height;
    }
    long per_page = (long)c->page_w * c->page_h;
    c->max_pages = max_pixels / per_page > 1 ? (int)(max_pixels / per_page) : 1;
    c->n_buckets = 16;
    while (c->n_buckets < max_entries * 2) c->n_buckets *= 2;
    c->e = calloc((size_t)max_entries, sizeof *c->e);
    c->buckets = malloc((size_t)c->n_buckets * sizeof *c->buckets);
    c->pages = calloc((size_t)c->max_pages, sizeof *c->pages);
    if (!c->e || !c->buckets || !c->pages) { ui_text_cache_free(c); return NULL; }
    ui_text_cache_clear(c);
    return c;
}

void ui_text_cache_on_reuse(ui_text_cache *c, void (*fn)(void *ud, SDL_Texture *t), void *ud)
{
    c->on_reuse = fn;
    c->reuse_ud = ud;
}

static void before_reuse(ui_text_cache *c, SDL_Texture *t)
{
    if (c->on_reuse) c->on_reuse(c->reuse_ud, t);
}

static void release(ui_text_cache *c, entry *e)
{
    if (e->own) {
        SDL_DestroyTexture(e->own);
        c->n_own--;
    }
    free(e->s);
    e->own = NULL;
    e->s = NULL;
    e->used = 0;
}

void ui_text_cache_clear(ui_text_cache *c)
{
    if (c->st.entries > 0 || c->n_pages > 0) before_reuse(c, NULL);
    for (int i = 0; i < c->cap; i++) {
        release(c, &c->e[i]);
        c->e[i].chain = i + 1 < c->cap ? i + 1 : -1;
    }
    for (int i = 0; i < c->n_buckets; i++) c->buckets[i] = -1;
    for (int i = 0; i < c->n_pages; i++) {
        if (c->pages[i].tex) SDL_DestroyTexture(c->pages[i].tex);
        free(c->pages[i].shelves);
        memset(&c->pages[i], 0, sizeof c->pages[i]);
    }
    c->n_pages = 0;
    c->n_own = 0;
    c->head = c->tail = -1;
    c->free_head = 0;
    c->st.entries = 0;
    c->st.pixels = 0;
    c->st.pages = 0;
}

void ui_text_cache_free(ui_text_cache *c)
{
    if (!c) return;
    c->on_reuse = NULL;
    if (c->e && c->buckets && c->pages) ui_text_cache_clear(c);
    free(c->e);
    free(c->buckets);
    free(c->pages);
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

/* Forget entry i. Its texels on a page simply stay unused until the page is emptied. */
static void evict(ui_text_cache *c, int i)
{
    entry *e = &c->e[i];
    int *link = &c->buckets[e->hash & (uint64_t)(c->n_buckets - 1)];
    while (*link != i) link = &c->e[*link].chain;
    *link = e->chain;
    lru_unlink(c, i);
    c->st.pixels -= (long)e->r.w * e->r.h;
    c->st.entries--;
    c->st.evictions++;
    if (e->own) before_reuse(c, e->own);
    release(c, e);
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

/* A w × h place on page p: on the tightest shelf it fits, else on a new shelf. */
static int shelf_alloc(ui_text_cache *c, page *p, int w, int h, SDL_Rect *out)
{
    int best = -1;
    for (int i = 0; i < p->n_shelves; i++) {
        const shelf *s = &p->shelves[i];
        if (s->h < h || s->h > h + h / 4 + 2 || s->x + w > c->page_w) continue;
        if (best < 0 || s->h < p->shelves[best].h) best = i;
    }
    if (best < 0) {
        if (p->bottom + h > c->page_h) return -1;
        if (p->n_shelves == p->cap_shelves) {
            int cap = p->cap_shelves ? p->cap_shelves * 2 : 32;
            shelf *v = realloc(p->shelves, (size_t)cap * sizeof *v);
            if (!v) return -1;
            p->shelves = v;
            p->cap_shelves = cap;
        }
        best = p->n_shelves++;
        p->shelves[best] = (shelf){ p->bottom, h, 0 };
        p->bottom += h + GAP;
    }
    shelf *s = &p->shelves[best];
    *out = (SDL_Rect){ s->x, s->y, w, h };
    s->x += w + GAP;
    return 0;
}

/* Empty page i: every text on it is forgotten. */
static void reset_page(ui_text_cache *c, int i)
{
    before_reuse(c, c->pages[i].tex);
    for (int k = 0; k < c->cap; k++)
        if (c->e[k].used && !c->e[k].own && c->e[k].page == i) evict(c, k);
    c->pages[i].n_shelves = 0;
    c->pages[i].bottom = 0;
    c->st.page_resets++;
}

/* Pages worth keeping: as many as cover the output three times (at least four), within max_pixels. */
static int page_budget(const ui_text_cache *c)
{
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(c->ren, &w, &h);
    long per_page = (long)c->page_w * c->page_h;
    long n = (3L * w * h + per_page - 1) / per_page;
    if (n < 4) n = 4;
    return n < c->max_pages ? (int)n : c->max_pages;
}

/* Find room for w × h: on a page with space, a new page, or the least recently used page emptied. */
static int place(ui_text_cache *c, int w, int h, SDL_Rect *out)
{
    for (int i = c->n_pages - 1; i >= 0; i--)
        if (shelf_alloc(c, &c->pages[i], w, h, out) == 0) return i;
    int i;
    if (c->n_pages < page_budget(c)) {
        i = c->n_pages;
        page *p = &c->pages[i];
        p->tex = SDL_CreateTexture(c->ren, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC, c->page_w,
                                   c->page_h);
        if (!p->tex) return -1;
        SDL_SetTextureBlendMode(p->tex, SDL_BLENDMODE_BLEND);
        c->n_pages++;
        c->st.pages = c->n_pages;
    } else {
        i = 0;
        for (int k = 1; k < c->n_pages; k++)
            if (c->pages[k].stamp < c->pages[i].stamp) i = k;
        reset_page(c, i);
    }
    return shelf_alloc(c, &c->pages[i], w, h, out) == 0 ? i : -1;
}

/* The least recently used text with a texture of its own. */
static int oldest_own(const ui_text_cache *c)
{
    for (int i = c->tail; i >= 0; i = c->e[i].prev)
        if (c->e[i].own) return i;
    return -1;
}

/* The smallest rectangle of s holding every pixel with some coverage (w = 0 when none has). */
static SDL_Rect ink(const SDL_Surface *s)
{
    int x0 = s->w, x1 = -1, y0 = -1, y1 = -1;
    for (int y = 0; y < s->h; y++) {
        const Uint32 *p = (const Uint32 *)((const Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch);
        int first = 0, last = s->w - 1;   /* only a blank row is read whole */
        while (first < s->w && !(p[first] & 0xFF000000u)) first++;
        if (first == s->w) continue;
        while (!(p[last] & 0xFF000000u)) last--;
        if (y0 < 0) y0 = y;
        y1 = y;
        if (first < x0) x0 = first;
        if (last > x1) x1 = last;
    }
    return y0 < 0 ? (SDL_Rect){ 0, 0, 0, 0 } : (SDL_Rect){ x0, y0, x1 - x0 + 1, y1 - y0 + 1 };
}

/* Store a rendered text in a free entry; returns its index or -1. */
static int insert(ui_text_cache *c, SDL_Surface *surf, uint64_t hash, TTF_Font *f, const char *s, SDL_Color col,
                  int wrap)
{
    char *copy = strdup(s);
    if (!copy) return -1;
    if (c->free_head < 0) evict(c, c->tail);
    int pg = -1;
    SDL_Texture *own = NULL;
    SDL_Rect used = ink(surf), r = used;
    const Uint8 *texels = (const Uint8 *)surf->pixels + (size_t)used.y * (size_t)surf->pitch + (size_t)used.x * 4;
    if (used.w == 0) {
        /* blank: nothing to keep but the size */
    } else if (used.w + GAP > c->page_w || used.h + GAP > c->page_h) {
        if (c->n_own >= MAX_OWN) evict(c, oldest_own(c));
        own = SDL_CreateTextureFromSurface(c->ren, surf);
        if (own) SDL_SetTextureBlendMode(own, SDL_BLENDMODE_BLEND);
    } else if ((pg = place(c, used.w, used.h, &r)) >= 0 &&
               SDL_UpdateTexture(c->pages[pg].tex, &r, texels, surf->pitch) != 0) {
        pg = -1;
    }
    if (used.w > 0 && pg < 0 && !own) {
        free(copy);
        return -1;
    }
    if (own) c->n_own++;
    if (c->free_head < 0) evict(c, c->tail);   /* placing may have emptied a page, never the pool */
    int i = c->free_head;
    entry *e = &c->e[i];
    c->free_head = e->chain;
    *e = (entry){ .hash = hash, .font = f, .col = col, .wrap = wrap, .s = copy, .page = pg, .own = own, .r = r,
                  .ox = used.x, .oy = used.y, .w = surf->w, .h = surf->h, .used = 1 };
    int b = (int)(hash & (uint64_t)(c->n_buckets - 1));
    e->chain = c->buckets[b];
    c->buckets[b] = i;
    e->prev = e->next = -1;
    lru_push_front(c, i);
    c->st.entries++;
    c->st.pixels += (long)r.w * r.h;
    return i;
}

static ui_text_img result(ui_text_cache *c, int i, SDL_Color col)
{
    entry *e = &c->e[i];
    ui_text_img img = { e->own, e->r, e->ox, e->oy, c->tint ? col : WHITE, e->w, e->h };
    if (e->page >= 0) {
        c->pages[e->page].stamp = c->clock;
        img.tex = c->pages[e->page].tex;
    }
    return img;
}

ui_text_img ui_text_cache_get(ui_text_cache *c, TTF_Font *f, const char *s, SDL_Color col, int wrap_w)
{
    ui_text_img none = { NULL, { 0, 0, 0, 0 }, 0, 0, col, 0, f ? TTF_FontHeight(f) : 0 };
    if (!s || !*s || !f) return none;
    c->clock++;
    if (wrap_w < 0) wrap_w = 0;
    SDL_Color key = c->tint ? WHITE : col;
    uint64_t hash = key_hash(f, s, key, wrap_w);
    int b = (int)(hash & (uint64_t)(c->n_buckets - 1));
    for (int i = c->buckets[b]; i >= 0; i = c->e[i].chain) {
        entry *e = &c->e[i];
        if (e->hash == hash && e->font == f && e->wrap == wrap_w && e->col.r == key.r && e->col.g == key.g &&
            e->col.b == key.b && e->col.a == key.a && strcmp(e->s, s) == 0) {
            lru_unlink(c, i);
            lru_push_front(c, i);
            c->st.hits++;
            return result(c, i, col);
        }
    }
    c->st.misses++;
    SDL_Surface *surf = render(f, s, key, wrap_w);
    int i = surf ? insert(c, surf, hash, f, s, key, wrap_w) : -1;
    SDL_FreeSurface(surf);
    return i < 0 ? none : result(c, i, col);
}

ui_text_cache_stats ui_text_cache_stats_get(const ui_text_cache *c) { return c->st; }
