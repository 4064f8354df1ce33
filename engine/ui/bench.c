/* bench.c — the --bench-ui measurement: a drill played until its feed holds 1,000 posts, then a
 * few hundred frames of the drill screen (feed scrolling, world stepping between frames) timed
 * with the accelerated renderer and again with the software renderer, each after a short warm-up. */
#ifdef __linux__
#define _POSIX_C_SOURCE 200809L   /* clock_gettime, sysconf */
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef __linux__
#include <time.h>
#include <unistd.h>
#endif

#include "run.h"

#define BENCH_POSTS 1000
#define BENCH_FRAMES 300
#define BENCH_WARMUP 30
#define BENCH_MAX_STEPS 200000

static double ms_since(Uint64 t)
{
    return (double)(SDL_GetPerformanceCounter() - t) * 1000.0 / (double)SDL_GetPerformanceFrequency();
}

/* Milliseconds since the process started (to the kernel's clock tick), or -1 where unknown. */
static double process_age_ms(void)
{
#ifdef __linux__
    FILE *f = fopen("/proc/self/stat", "r");
    if (!f) return -1;
    char buf[1024];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    char *p = strrchr(buf, ')');   /* the command name may hold spaces; fields follow it */
    unsigned long long start = 0;
    for (int field = 2; p && *p; p++)
        if (*p == ' ' && ++field == 22) {
            start = strtoull(p + 1, NULL, 10);
            break;
        }
    struct timespec now;
    long tick = sysconf(_SC_CLK_TCK);
    if (!start || tick <= 0 || clock_gettime(CLOCK_BOOTTIME, &now) != 0) return -1;
    return (double)now.tv_sec * 1000.0 + (double)now.tv_nsec / 1e6 - (double)start * 1000.0 / (double)tick;
#else
    return -1;
#endif
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double percentile(const double *sorted, int n, double p)
{
    int i = (int)(p * (n - 1) + 0.5);
    return sorted[i < 0 ? 0 : i >= n ? n - 1 : i];
}

/* Frames of the drill screen, each scrolled 3 rows further: timed ones (ms != NULL) from the top of
 * the feed with the world stepped between them, untimed warm-up ones from its bottom, where the timed
 * frames do not reach, with the world still. */
static int play_frames(ui_state *s, int n, double *ms, char *err, int errlen)
{
    ui_ctx *c = s->c;
    ui_drill *d = &s->drill;
    for (int f = 0; f < n; f++) {
        if (ms && !sim_is_over(s->w) && s->api->step(s->api->ud, err, errlen) != 0) return -1;
        Uint64 t = SDL_GetPerformanceCounter();
        ui_frame_begin(c, 0);
        if (ui_update_scale(c, err, errlen)) return -1;
        d->paused = 1;   /* the world is stepped above, outside the timed part */
        int rows = d->feed_rows.n > 0 ? d->feed_rows.n : 1;
        d->feed.sel = d->feed.top = ms ? (f * 3) % rows : (rows - 1 - f * 3 > 0 ? rows - 1 - f * 3 : 0);
        ui_draw_frame(s);
        if (ms) ms[f] = ms_since(t);
        if (s->screen != UI_SCREEN_DRILL) {
            snprintf(err, (size_t)errlen, "the drill left its screen during the benchmark");
            return -1;
        }
    }
    return 0;
}

/* $YQ_BENCH_SHOT=PREFIX: save the last frame again, untimed, as PREFIX-RENDERER.bmp, so a change
 * to the drawing code can be checked against the picture before it. */
static void save_shot(ui_state *s, const char *renderer)
{
    const char *prefix = getenv("YQ_BENCH_SHOT");
    if (!prefix || !*prefix) return;
    ui_ctx *c = s->c;
    ui_frame_begin(c, 0);
    ui_render_frame(s);
    SDL_Surface *shot = SDL_CreateRGBSurfaceWithFormat(0, c->w, c->h, 32, SDL_PIXELFORMAT_ARGB8888);
    char path[1024];
    snprintf(path, sizeof path, "%s-%s.bmp", prefix, renderer);
    if (!shot || SDL_RenderReadPixels(c->ren, NULL, SDL_PIXELFORMAT_ARGB8888, shot->pixels, shot->pitch) != 0 ||
        SDL_SaveBMP(shot, path) != 0)
        fprintf(stderr, "yqdrill: cannot save %s: %s\n", path, SDL_GetError());
    SDL_FreeSurface(shot);
    SDL_RenderPresent(c->ren);
}

static int renderer_name(ui_ctx *c, const char **name, char *err, int errlen)
{
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(c->ren, &info) != 0) {
        snprintf(err, (size_t)errlen, "renderer info: %s", SDL_GetError());
        return -1;
    }
    *name = info.name;
    return 0;
}

/* Time the frames with the renderer `flags` asks for (the window's own when it is one). */
static int bench_renderer(ui_state *s, Uint32 flags, char *err, int errlen)
{
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(s->c->ren, &info) != 0 || (info.flags & flags) != flags)
        if (ui_renderer_switch(s->c, flags, err, errlen)) return -1;
    /* A renderer's one-time costs (llvmpipe compiles its shaders as each is first used) are paid by
     * untimed frames first: the figure is scrolling a full feed, not starting a renderer. */
    double ms[BENCH_FRAMES];
    const char *name;
    if (play_frames(s, BENCH_WARMUP, NULL, err, errlen) || play_frames(s, BENCH_FRAMES, ms, err, errlen) ||
        renderer_name(s->c, &name, err, errlen))
        return -1;
    save_shot(s, name);
    qsort(ms, BENCH_FRAMES, sizeof *ms, cmp_double);
    printf("renderer: %s p50_ms: %.2f p99_ms: %.2f\n", name, percentile(ms, BENCH_FRAMES, 0.5),
           percentile(ms, BENCH_FRAMES, 0.99));
    return 0;
}

int ui_bench(ui_state *s, Uint64 t0, char *err, int errlen)
{
    ui_ctx *c = s->c;
    s->drill.paused = 1;
    ui_frame_begin(c, 0);
    ui_draw_frame(s);
    double age = process_age_ms();
    const char *first;
    if (renderer_name(c, &first, err, errlen)) return -1;
    printf("first_frame_ms: %.1f\nfirst_frame_renderer: %s\n", age >= 0 ? age : ms_since(t0), first);

    for (int i = 0; i < BENCH_MAX_STEPS && s->w->n_posts < BENCH_POSTS && !sim_is_over(s->w); i++)
        if (s->api->step(s->api->ud, err, errlen) != 0) return -1;
    printf("posts: %u\n", s->w->n_posts);

    if (bench_renderer(s, SDL_RENDERER_ACCELERATED, err, errlen) ||
        bench_renderer(s, SDL_RENDERER_SOFTWARE, err, errlen))
        return -1;
    fflush(stdout);
    return 0;
}
