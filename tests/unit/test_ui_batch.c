/* test_ui_batch.c — the frame's draw list on software renderers: drawn grouped (few geometry
 * calls, reordered where nothing overlaps) or direct, a scene gives exactly the pixels of drawing
 * every item in order with plain SDL calls, including the clear-colour swap under large panels. */
#include <SDL2/SDL.h>
#include <string.h>

#include "check.h"
#include "ui/batch.h"

#define W 160
#define H 120

static const SDL_Color BG = { 236, 239, 243, 255 }, WHITE = { 255, 255, 255, 255 };
static const SDL_Color BORDER = { 200, 206, 215, 255 }, BLUE = { 20, 96, 190, 255 };
static const SDL_Color RED = { 196, 36, 36, 255 }, GREEN = { 24, 140, 70, 255 };
static const SDL_Color TINT = { 230, 120, 0, 100 }, SHADE = { 10, 16, 28, 150 };

typedef struct canvas {
    SDL_Surface *s;
    SDL_Renderer *r;
    SDL_Texture *t[2];
} canvas;

/* Something to draw from: stripes of varying alpha, one texture red-ish and one green-ish. */
static SDL_Texture *pattern(SDL_Renderer *r, int seed)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 32, 16, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s) return NULL;
    for (int y = 0; y < 16; y++)
        for (int x = 0; x < 32; x++) {
            Uint8 a = (Uint8)((x * 8 + y * 5 + seed * 40) % 256);
            ((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x] =
                SDL_MapRGBA(s->format, (Uint8)(200 + seed * 40), (Uint8)(60 + x * 4), (Uint8)(y * 12), a);
        }
    SDL_Texture *t = SDL_CreateTextureFromSurface(r, s);
    SDL_FreeSurface(s);
    if (t) SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    return t;
}

static int canvas_open(canvas *c)
{
    memset(c, 0, sizeof *c);
    c->s = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ARGB8888);
    c->r = c->s ? SDL_CreateSoftwareRenderer(c->s) : NULL;
    if (!c->r) return -1;
    c->t[0] = pattern(c->r, 0);
    c->t[1] = pattern(c->r, 1);
    return c->t[0] && c->t[1] ? 0 : -1;
}

static void canvas_close(canvas *c)
{
    for (int i = 0; i < 2; i++)
        if (c->t[i]) SDL_DestroyTexture(c->t[i]);
    if (c->r) SDL_DestroyRenderer(c->r);
    SDL_FreeSurface(c->s);
}

/* The scene, item by item: either into a batch, or (b == NULL) with plain SDL calls in order. */
typedef struct painter {
    ui_batch *b;
    canvas *c;
} painter;

static void p_clear(painter *p, SDL_Color col)
{
    if (p->b) {
        ui_batch_begin(p->b, W, H, col);
        return;
    }
    SDL_SetRenderDrawColor(p->c->r, col.r, col.g, col.b, col.a);
    SDL_RenderClear(p->c->r);
}

static void p_fill(painter *p, int x, int y, int w, int h, SDL_Color col)
{
    SDL_Rect r = { x, y, w, h };
    if (p->b) {
        ui_batch_fill(p->b, r, col);
        return;
    }
    SDL_SetRenderDrawBlendMode(p->c->r, col.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(p->c->r, col.r, col.g, col.b, col.a);
    SDL_RenderFillRect(p->c->r, &r);
}

static void p_image(painter *p, int tex, int sx, int sy, int x, int y, int w, int h, SDL_Color tint)
{
    SDL_Rect src = { sx, sy, w, h }, dst = { x, y, w, h };
    SDL_Texture *t = p->c->t[tex];
    if (p->b) {
        ui_batch_image(p->b, t, src, dst, tint);
        return;
    }
    SDL_SetTextureColorMod(t, tint.r, tint.g, tint.b);
    SDL_SetTextureAlphaMod(t, tint.a);
    SDL_RenderCopy(p->c->r, t, &src, &dst);
}

static void p_tris(painter *p, float x0, float y0, float x1, float y1, SDL_Color col, const SDL_Rect *clip)
{
    SDL_Vertex v[4] = { { { x0, y0 }, col, { 0, 0 } }, { { x1, y1 }, col, { 0, 0 } },
                        { { x1, y1 + 3 }, col, { 0, 0 } }, { { x0, y0 + 5 }, col, { 0, 0 } } };
    int idx[6] = { 0, 1, 2, 0, 2, 3 };
    if (p->b) {
        CHECK(ui_batch_triangles(p->b, v, 4, idx, 6, clip) == 0);
        return;
    }
    if (clip) SDL_RenderSetClipRect(p->c->r, clip);
    SDL_SetRenderDrawBlendMode(p->c->r, SDL_BLENDMODE_BLEND);
    SDL_RenderGeometry(p->c->r, NULL, v, 4, idx, 6);
    if (clip) SDL_RenderSetClipRect(p->c->r, NULL);
}

static void p_end(painter *p)
{
    if (p->b) ui_batch_flush(p->b);
    SDL_RenderFlush(p->c->r);
}

/* Two panels on a background, borders, images from two textures interleaved and overlapping,
 * fills over images, an image over a blended fill, triangles with and without a clip, a shade. */
static void scene_panels(painter *p)
{
    p_clear(p, BG);
    p_fill(p, 0, 0, W, H, BG);   /* the screen's own background fill */
    p_fill(p, 4, 4, 70, 100, WHITE);
    p_fill(p, 80, 4, 76, 100, WHITE);
    p_fill(p, 4, 4, 70, 1, BORDER);
    p_fill(p, 80, 4, 76, 1, BORDER);
    p_fill(p, 4, 103, 152, 1, BORDER);
    p_image(p, 0, 0, 0, 10, 10, 32, 16, BLUE);
    p_image(p, 1, 2, 1, 90, 10, 30, 14, RED);
    p_image(p, 0, 4, 2, 10, 30, 28, 12, WHITE);
    p_image(p, 1, 0, 0, 90, 30, 32, 16, GREEN);
    p_fill(p, 12, 12, 8, 8, GREEN);              /* opaque, over the first image */
    p_fill(p, 88, 8, 20, 10, TINT);              /* blended, over the second image */
    p_image(p, 1, 0, 0, 95, 12, 32, 16, BLUE);   /* over the blended fill */
    p_tris(p, 6, 50, 150, 70, RED, NULL);
    SDL_Rect clip = { 20, 60, 40, 30 };
    p_tris(p, 0, 55, 150, 90, BLUE, &clip);
    p_image(p, 0, 0, 0, 20, 80, 32, 16, RED);
    p_image(p, 1, 0, 0, 25, 82, 32, 16, WHITE);   /* overlaps the one before, other texture */
    p_image(p, 0, 0, 0, 30, 84, 32, 16, GREEN);   /* overlaps both, first texture again */
    p_fill(p, 0, 100, W, 20, SHADE);
    p_end(p);
}

/* A full-screen opaque fill halfway covers everything before it. */
static void scene_cover(painter *p)
{
    p_clear(p, BG);
    p_fill(p, 10, 10, 50, 50, RED);
    p_image(p, 0, 0, 0, 10, 10, 32, 16, BLUE);
    p_fill(p, -5, -5, W + 10, H + 10, WHITE);
    p_fill(p, 20, 20, 30, 30, GREEN);
    p_image(p, 1, 0, 0, 30, 30, 32, 16, WHITE);
    p_fill(p, 0, 0, W, H, SHADE);
    p_end(p);
}

static int same_pixels(const canvas *a, const canvas *b)
{
    return memcmp(a->s->pixels, b->s->pixels, (size_t)a->s->pitch * H) == 0;
}

/* Draws the scene three ways and compares; returns the direct and grouped call counts. */
static void check_scene(void (*scene)(painter *), const char *name, long *direct_calls, long *grouped_calls)
{
    *direct_calls = *grouped_calls = -1;
    canvas ref, direct, grouped;
    int ok = canvas_open(&ref) == 0 && canvas_open(&direct) == 0 && canvas_open(&grouped) == 0;
    CHECK_MSG(ok, "cannot make software canvases: %s", SDL_GetError());
    if (ok) {
        ui_batch *bd = ui_batch_new(direct.r, UI_BATCH_DIRECT), *bg = ui_batch_new(grouped.r, UI_BATCH_GROUPED);
        CHECK(bd && bg);
        painter pr = { NULL, &ref }, pd = { bd, &direct }, pg = { bg, &grouped };
        scene(&pr);
        scene(&pd);
        scene(&pg);
        CHECK_MSG(same_pixels(&ref, &direct), "%s: direct batch differs from drawing in order", name);
        CHECK_MSG(same_pixels(&ref, &grouped), "%s: grouped batch differs from drawing in order", name);
        ui_batch_stats sd = ui_batch_stats_get(bd), sg = ui_batch_stats_get(bg);
        CHECK(sd.items == sg.items && sd.items > 0);
        *direct_calls = sd.calls;
        *grouped_calls = sg.calls;
        ui_batch_free(bd);
        ui_batch_free(bg);
    }
    canvas_close(&ref);
    canvas_close(&direct);
    canvas_close(&grouped);
}

/* Items recorded after begin() and dropped by the next begin() are never drawn. */
static void check_begin_drops(void)
{
    canvas c;
    CHECK(canvas_open(&c) == 0);
    ui_batch *b = ui_batch_new(c.r, UI_BATCH_GROUPED);
    CHECK(b != NULL);
    if (b) {
        ui_batch_begin(b, W, H, BG);
        ui_batch_fill(b, (SDL_Rect){ 0, 0, 10, 10 }, RED);
        ui_batch_begin(b, W, H, BG);
        ui_batch_flush(b);
        SDL_RenderFlush(c.r);
        Uint32 px = ((const Uint32 *)c.s->pixels)[0];
        CHECK(px == SDL_MapRGBA(c.s->format, BG.r, BG.g, BG.b, 255));
        ui_batch_free(b);
    }
    canvas_close(&c);
}

/* Releasing a texture submits the pending items only when one of them draws from it. */
static void check_release(void)
{
    canvas c;
    CHECK(canvas_open(&c) == 0);
    ui_batch *b = ui_batch_new(c.r, UI_BATCH_GROUPED);
    CHECK(b != NULL);
    if (b) {
        Uint32 bg = SDL_MapRGBA(c.s->format, BG.r, BG.g, BG.b, 255);
        SDL_FillRect(c.s, NULL, bg);
        ui_batch_begin(b, W, H, BG);
        ui_batch_flush(b);
        ui_batch_image(b, c.t[0], (SDL_Rect){ 0, 0, 32, 16 }, (SDL_Rect){ 0, 0, 32, 16 }, WHITE);
        ui_batch_fill(b, (SDL_Rect){ 50, 50, 10, 10 }, RED);
        long calls = ui_batch_stats_get(b).calls;
        ui_batch_release(b, c.t[1]);
        CHECK(ui_batch_stats_get(b).calls == calls);
        ui_batch_release(b, c.t[0]);
        CHECK(ui_batch_stats_get(b).calls > calls);
        SDL_RenderFlush(c.r);
        Uint32 px = ((const Uint32 *)((const Uint8 *)c.s->pixels + 55 * c.s->pitch))[55];
        CHECK(px == SDL_MapRGBA(c.s->format, RED.r, RED.g, RED.b, 255));
        ui_batch_free(b);
    }
    canvas_close(&c);
}

int main(void)
{
    long direct, grouped;
    check_scene(scene_panels, "panels", &direct, &grouped);
    CHECK_MSG(grouped > 0 && grouped < direct, "grouped %ld calls, direct %ld", grouped, direct);
    /* Only the clear and the three items after the full-screen fill reach the renderer. */
    check_scene(scene_cover, "cover", &direct, &grouped);
    CHECK(direct == 4);
    check_begin_drops();
    check_release();
    SDL_Quit();
    return CHECK_DONE();
}
