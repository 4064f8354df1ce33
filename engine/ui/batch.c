/* batch.c — the draw list behind draw.c. Grouped mode sends the frame as a few geometry calls:
 * opaque fills (unblended), then blended fills and triangles, then the images of each texture,
 * starting over only when an item would cover one queued for a later call, so the picture is the
 * same as drawing in order; accelerated renderers pay per call and state change far more than per
 * item. Both modes clear to the colour of the largest fills lying directly on the background and
 * paint the background only where no such fill is: most of the screen is painted once. */
#include "batch.h"

#include <math.h>
#include <stdlib.h>

#define MAX_TEXTURES 16    /* textures with images waiting at once */
#define MAX_GROUND 32      /* fills considered for the clear colour */
#define GROUND_MIN_AREA 4096

enum { IT_FILL, IT_IMAGE, IT_TRIS, IT_SKIP };

typedef struct item {
    int kind;
    SDL_Color col;
    SDL_Rect dst;         /* fill: the rectangle; image: where; triangles: their bounding box */
    SDL_Rect src;         /* image: texels */
    SDL_Texture *tex;
    int v0, nv, i0, ni;   /* triangles: vertices and indices (relative to v0) in the store */
    int clipped;
    SDL_Rect clip;
} item;

/* Vertices and indices of one geometry call being assembled. */
typedef struct geom {
    SDL_Vertex *v;
    int nv, cap_v;
    int *i;
    int ni, cap_i;
} geom;

/* The images of one texture waiting for one call. */
typedef struct tex_call {
    SDL_Texture *tex;
    float w, h;
    geom g;
} tex_call;

/* Where a queued blended item or image goes, and the call it waits in (0 blended, 1 + texture). */
typedef struct queued {
    SDL_Rect r;
    int call;
} queued;

struct ui_batch {
    SDL_Renderer *ren;
    int grouped;
    int w, h;
    int clear_pending;
    SDL_Color clear_col;
    item *items;
    int n_items, cap_items;
    geom store;           /* triangles as recorded */
    geom opaque, blended; /* the untextured calls being assembled, drawn first */
    tex_call tex[MAX_TEXTURES];   /* then these, in order */
    int n_tex;
    queued *q;
    int n_q, cap_q;
    SDL_Rect q_box;
    SDL_Rect *bands;      /* scratch for the background left around the ground fills */
    int n_bands, cap_bands;
    ui_batch_stats st;
};

static int grow(void **p, int *cap, int need, size_t size)
{
    if (need <= *cap) return 0;
    int cap2 = *cap ? *cap : 64;
    while (cap2 < need) cap2 *= 2;
    void *q = realloc(*p, (size_t)cap2 * size);
    if (!q) return -1;
    *p = q;
    *cap = cap2;
    return 0;
}

static int geom_room(geom *g, int nv, int ni)
{
    return grow((void **)&g->v, &g->cap_v, g->nv + nv, sizeof *g->v) ||
           grow((void **)&g->i, &g->cap_i, g->ni + ni, sizeof *g->i) ? -1 : 0;
}

static void geom_free(geom *g)
{
    free(g->v);
    free(g->i);
}

ui_batch *ui_batch_new(SDL_Renderer *r, ui_batch_mode mode)
{
    ui_batch *b = calloc(1, sizeof *b);
    if (!b) return NULL;
    b->ren = r;
    SDL_RendererInfo info;
    int software = SDL_GetRendererInfo(r, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE);
    b->grouped = mode == UI_BATCH_GROUPED || (mode == UI_BATCH_AUTO && !software);
    return b;
}

void ui_batch_free(ui_batch *b)
{
    if (!b) return;
    free(b->items);
    geom_free(&b->store);
    geom_free(&b->opaque);
    geom_free(&b->blended);
    for (int k = 0; k < MAX_TEXTURES; k++) geom_free(&b->tex[k].g);
    free(b->q);
    free(b->bands);
    free(b);
}

static void drop_pending(ui_batch *b)
{
    b->n_items = 0;
    b->store.nv = b->store.ni = 0;
}

void ui_batch_begin(ui_batch *b, int w, int h, SDL_Color col)
{
    drop_pending(b);
    b->w = w;
    b->h = h;
    b->clear_pending = 1;
    b->clear_col = col;
}

/* One item drawn at once, with its own renderer calls. */
static void draw_direct(ui_batch *b, const item *it)
{
    SDL_Renderer *r = b->ren;
    switch (it->kind) {
    case IT_FILL:
        SDL_SetRenderDrawBlendMode(r, it->col.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
        SDL_SetRenderDrawColor(r, it->col.r, it->col.g, it->col.b, it->col.a);
        SDL_RenderFillRect(r, &it->dst);
        break;
    case IT_IMAGE:
        SDL_SetTextureColorMod(it->tex, it->col.r, it->col.g, it->col.b);
        SDL_SetTextureAlphaMod(it->tex, it->col.a);
        SDL_RenderCopy(r, it->tex, &it->src, &it->dst);
        break;
    case IT_TRIS:
        if (it->clipped) SDL_RenderSetClipRect(r, &it->clip);
        SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_BLEND);
        SDL_RenderGeometry(r, NULL, b->store.v + it->v0, it->nv, b->store.i + it->i0, it->ni);
        if (it->clipped) SDL_RenderSetClipRect(r, NULL);
        break;
    default:
        return;
    }
    b->st.calls++;
}

static void push(ui_batch *b, const item *it)
{
    b->st.items++;
    if (grow((void **)&b->items, &b->cap_items, b->n_items + 1, sizeof *b->items)) {
        ui_batch_flush(b);
        draw_direct(b, it);
        return;
    }
    b->items[b->n_items++] = *it;
}

void ui_batch_fill(ui_batch *b, SDL_Rect r, SDL_Color col)
{
    if (r.w <= 0 || r.h <= 0) return;
    if (col.a == 255 && r.x <= 0 && r.y <= 0 && r.x + r.w >= b->w && r.y + r.h >= b->h) {
        drop_pending(b);   /* everything so far is covered */
        b->clear_pending = 1;
        b->clear_col = col;
        b->st.items++;
        return;
    }
    item it = { .kind = IT_FILL, .col = col, .dst = r };
    push(b, &it);
}

void ui_batch_image(ui_batch *b, SDL_Texture *t, SDL_Rect src, SDL_Rect dst, SDL_Color tint)
{
    if (!t || dst.w <= 0 || dst.h <= 0) return;
    item it = { .kind = IT_IMAGE, .col = tint, .dst = dst, .src = src, .tex = t };
    push(b, &it);
}

int ui_batch_triangles(ui_batch *b, const SDL_Vertex *v, int nv, const int *idx, int ni, const SDL_Rect *clip)
{
    if (nv <= 0 || ni <= 0) return 0;
    float x0 = v[0].position.x, x1 = x0, y0 = v[0].position.y, y1 = y0;
    for (int k = 1; k < nv; k++) {
        x0 = fminf(x0, v[k].position.x);
        x1 = fmaxf(x1, v[k].position.x);
        y0 = fminf(y0, v[k].position.y);
        y1 = fmaxf(y1, v[k].position.y);
    }
    item it = { .kind = IT_TRIS, .dst = { (int)floorf(x0) - 1, (int)floorf(y0) - 1, 0, 0 } };
    it.dst.w = (int)ceilf(x1) + 1 - it.dst.x;
    it.dst.h = (int)ceilf(y1) + 1 - it.dst.y;
    if (clip) {
        it.clipped = 1;
        it.clip = *clip;
    }
    if (geom_room(&b->store, nv, ni)) {
        ui_batch_flush(b);
        if (clip) SDL_RenderSetClipRect(b->ren, clip);
        SDL_SetRenderDrawBlendMode(b->ren, SDL_BLENDMODE_BLEND);
        SDL_RenderGeometry(b->ren, NULL, v, nv, idx, ni);
        if (clip) SDL_RenderSetClipRect(b->ren, NULL);
        return -1;
    }
    it.v0 = b->store.nv;
    it.nv = nv;
    it.i0 = b->store.ni;
    it.ni = ni;
    for (int k = 0; k < nv; k++) b->store.v[b->store.nv++] = v[k];
    for (int k = 0; k < ni; k++) b->store.i[b->store.ni++] = idx[k];
    push(b, &it);
    return 0;
}

/* Submit the calls assembled so far: opaque, blended, then each texture's. */
static void emit(ui_batch *b)
{
    if (b->opaque.ni > 0) {
        SDL_SetRenderDrawBlendMode(b->ren, SDL_BLENDMODE_NONE);
        SDL_RenderGeometry(b->ren, NULL, b->opaque.v, b->opaque.nv, b->opaque.i, b->opaque.ni);
        b->st.calls++;
    }
    if (b->blended.ni > 0) {
        SDL_SetRenderDrawBlendMode(b->ren, SDL_BLENDMODE_BLEND);
        SDL_RenderGeometry(b->ren, NULL, b->blended.v, b->blended.nv, b->blended.i, b->blended.ni);
        b->st.calls++;
    }
    for (int k = 0; k < b->n_tex; k++) {
        tex_call *t = &b->tex[k];
        if (t->g.ni > 0) {
            SDL_RenderGeometry(b->ren, t->tex, t->g.v, t->g.nv, t->g.i, t->g.ni);
            b->st.calls++;
        }
        t->g.nv = t->g.ni = 0;
        t->tex = NULL;
    }
    b->opaque.nv = b->opaque.ni = b->blended.nv = b->blended.ni = 0;
    b->n_tex = 0;
    b->n_q = 0;
}

/* Whether r overlaps something queued for call `from` or a later one. */
static int covers_queued(const ui_batch *b, const SDL_Rect *r, int from)
{
    if (b->n_q == 0 || !SDL_HasIntersection(r, &b->q_box)) return 0;
    for (int k = 0; k < b->n_q; k++)
        if (b->q[k].call >= from && SDL_HasIntersection(r, &b->q[k].r)) return 1;
    return 0;
}

static int remember(ui_batch *b, SDL_Rect r, int call)
{
    if (grow((void **)&b->q, &b->cap_q, b->n_q + 1, sizeof *b->q)) return -1;
    if (b->n_q == 0) b->q_box = r;
    else SDL_UnionRect(&b->q_box, &r, &b->q_box);
    b->q[b->n_q++] = (queued){ r, call };
    return 0;
}

/* The texture call an image of t at dst joins, emitting first when the order requires it. */
static int tex_call_for(ui_batch *b, SDL_Texture *t, const SDL_Rect *dst)
{
    int k = 0;
    while (k < b->n_tex && b->tex[k].tex != t) k++;
    if (k < b->n_tex && !covers_queued(b, dst, k + 2)) return k;
    if (k < b->n_tex || b->n_tex == MAX_TEXTURES) emit(b);
    k = b->n_tex++;
    int w = 1, h = 1;
    SDL_QueryTexture(t, NULL, NULL, &w, &h);
    b->tex[k].tex = t;
    b->tex[k].w = (float)w;
    b->tex[k].h = (float)h;
    return k;
}

static void quad(geom *g, SDL_Rect r, SDL_Color col, float u0, float v0, float u1, float v1)
{
    static const int tri[6] = { 0, 1, 2, 0, 2, 3 };
    float x0 = (float)r.x, y0 = (float)r.y, x1 = (float)(r.x + r.w), y1 = (float)(r.y + r.h);
    SDL_Vertex *v = g->v + g->nv;
    v[0] = (SDL_Vertex){ { x0, y0 }, col, { u0, v0 } };
    v[1] = (SDL_Vertex){ { x1, y0 }, col, { u1, v0 } };
    v[2] = (SDL_Vertex){ { x1, y1 }, col, { u1, v1 } };
    v[3] = (SDL_Vertex){ { x0, y1 }, col, { u0, v1 } };
    for (int k = 0; k < 6; k++) g->i[g->ni++] = g->nv + tri[k];
    g->nv += 4;
}

/* Add one item to the calls being assembled; 0, or -1 when out of memory. */
static int group(ui_batch *b, const item *it)
{
    switch (it->kind) {
    case IT_FILL:
        if (it->col.a == 255) {
            if (covers_queued(b, &it->dst, 0)) emit(b);
            if (geom_room(&b->opaque, 4, 6)) return -1;
            quad(&b->opaque, it->dst, it->col, 0, 0, 0, 0);
            return 0;
        }
        if (covers_queued(b, &it->dst, 1)) emit(b);
        if (geom_room(&b->blended, 4, 6) || remember(b, it->dst, 0)) return -1;
        quad(&b->blended, it->dst, it->col, 0, 0, 0, 0);
        return 0;
    case IT_TRIS:
        if (it->clipped) {
            emit(b);
            draw_direct(b, it);
            return 0;
        }
        if (covers_queued(b, &it->dst, 1)) emit(b);
        if (geom_room(&b->blended, it->nv, it->ni) || remember(b, it->dst, 0)) return -1;
        for (int k = 0; k < it->ni; k++) b->blended.i[b->blended.ni++] = b->blended.nv + b->store.i[it->i0 + k];
        for (int k = 0; k < it->nv; k++) b->blended.v[b->blended.nv++] = b->store.v[it->v0 + k];
        return 0;
    case IT_IMAGE: {
        int k = tex_call_for(b, it->tex, &it->dst);
        tex_call *t = &b->tex[k];
        if (geom_room(&t->g, 4, 6) || remember(b, it->dst, k + 1)) return -1;
        quad(&t->g, it->dst, it->col, it->src.x / t->w, it->src.y / t->h, (it->src.x + it->src.w) / t->w,
             (it->src.y + it->src.h) / t->h);
        return 0;
    }
    default:
        return 0;
    }
}

static int same_color(SDL_Color a, SDL_Color b) { return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a; }

/* The parts of the output not covered by any of rects[0..n), as bands into b->bands. */
static int uncovered(ui_batch *b, const SDL_Rect *rects, int n, long *area)
{
    int ys[2 * MAX_GROUND + 2], ny = 0;
    ys[ny++] = 0;
    ys[ny++] = b->h;
    for (int k = 0; k < n; k++) {
        ys[ny++] = rects[k].y;
        ys[ny++] = rects[k].y + rects[k].h;
    }
    for (int i = 1; i < ny; i++)   /* sort the band edges */
        for (int j = i; j > 0 && ys[j - 1] > ys[j]; j--) {
            int t = ys[j];
            ys[j] = ys[j - 1];
            ys[j - 1] = t;
        }
    b->n_bands = 0;
    *area = 0;
    for (int i = 0; i + 1 < ny; i++) {
        int y0 = ys[i], y1 = ys[i + 1];
        if (y0 >= y1 || y0 < 0 || y1 > b->h) continue;
        int x = 0;   /* walk left to right over the rects spanning this band */
        while (x < b->w) {
            int next = b->w, reach = x;
            for (int k = 0; k < n; k++) {
                const SDL_Rect *r = &rects[k];
                if (r->y > y0 || r->y + r->h < y1 || r->x + r->w <= x) continue;
                if (r->x <= x) { if (r->x + r->w > reach) reach = r->x + r->w; }
                else if (r->x < next) next = r->x;
            }
            if (reach > x) { x = reach; continue; }
            if (grow((void **)&b->bands, &b->cap_bands, b->n_bands + 1, sizeof *b->bands)) return -1;
            b->bands[b->n_bands++] = (SDL_Rect){ x, y0, next - x, y1 - y0 };
            *area += (long)(next - x) * (y1 - y0);
            x = next;
        }
    }
    return 0;
}

/* Opaque fills that touch nothing drawn before them lie directly on the clear, which shows only
 * where none of them is. When those of one colour cover more than that rest, clear to their
 * colour, skip them, and paint the old clear colour over the rest. 1 when done. */
static int ground_layer(ui_batch *b)
{
    int ground[MAX_GROUND], n = 0;
    for (int k = 0; k < b->n_items && n < MAX_GROUND; k++) {
        const item *it = &b->items[k];
        if (it->kind != IT_FILL || it->col.a != 255 || (long)it->dst.w * it->dst.h < GROUND_MIN_AREA) continue;
        int free_of_earlier = 1;
        for (int j = 0; j < k && free_of_earlier; j++)
            free_of_earlier = !SDL_HasIntersection(&it->dst, &b->items[j].dst);
        if (free_of_earlier) ground[n++] = k;
    }
    int best = -1;
    long best_area = 0;
    for (int i = 0; i < n; i++) {
        long area = 0;
        for (int j = 0; j < n; j++)
            if (same_color(b->items[ground[i]].col, b->items[ground[j]].col))
                area += (long)b->items[ground[j]].dst.w * b->items[ground[j]].dst.h;
        if (area > best_area) { best_area = area; best = i; }
    }
    if (best < 0) return 0;
    SDL_Rect rects[MAX_GROUND], all = { 0, 0, b->w, b->h };
    int m = 0;
    for (int j = 0; j < n; j++)
        if (SDL_IntersectRect(&b->items[ground[j]].dst, &all, &rects[m])) m++;
    long rest = 0;
    if (m == 0 || uncovered(b, rects, m, &rest) || rest >= best_area) return 0;
    SDL_Color top = b->items[ground[best]].col;
    for (int j = 0; j < n; j++)
        if (same_color(top, b->items[ground[j]].col)) b->items[ground[j]].kind = IT_SKIP;
    SDL_Color under = b->clear_col;
    b->clear_col = top;
    SDL_SetRenderDrawColor(b->ren, top.r, top.g, top.b, top.a);
    SDL_RenderClear(b->ren);
    b->st.calls++;
    for (int k = 0; k < b->n_bands; k++) {
        item it = { .kind = IT_FILL, .col = under, .dst = b->bands[k] };
        if (!b->grouped) draw_direct(b, &it);
        else if (group(b, &it)) { emit(b); draw_direct(b, &it); }
    }
    return 1;
}

void ui_batch_flush(ui_batch *b)
{
    if (b->clear_pending) {
        b->clear_pending = 0;
        if (!ground_layer(b)) {
            SDL_SetRenderDrawColor(b->ren, b->clear_col.r, b->clear_col.g, b->clear_col.b, b->clear_col.a);
            SDL_RenderClear(b->ren);
            b->st.calls++;
        }
    }
    for (int k = 0; k < b->n_items; k++) {
        if (!b->grouped) {
            draw_direct(b, &b->items[k]);
        } else if (group(b, &b->items[k])) {
            emit(b);
            draw_direct(b, &b->items[k]);
        }
    }
    if (b->grouped) emit(b);
    drop_pending(b);
}

void ui_batch_release(ui_batch *b, SDL_Texture *t)
{
    for (int k = 0; k < b->n_items; k++)
        if (b->items[k].kind == IT_IMAGE && (!t || b->items[k].tex == t)) {
            ui_batch_flush(b);
            return;
        }
}

ui_batch_stats ui_batch_stats_get(const ui_batch *b) { return b->st; }
