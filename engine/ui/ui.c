/* ui.c — ui_run: SDL and SDL_ttf start-up with clear errors (no display, no CJK font), the window
 * (HiDPI, resizable 1280×720 .. 3840×2160, F11 full screen), the display scale, and the frame loop. */
#ifdef __linux__
#define _POSIX_C_SOURCE 200809L   /* access */
#endif

#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "draw.h"
#include "review.h"
#include "run.h"
#include "sound.h"
#include "voice.h"
#include "state.h"
#include "theme.h"

#ifdef __linux__
#include <unistd.h>
#endif

#define FRAME_WAIT_MS 15

/* Layout units the window is designed in: its height follows the window (so text is >= 20 px at
 * 1080p), and a narrow window is limited by its width instead. */
#define DESIGN_H 700.0f
#define DESIGN_W 1240.0f

/* Output pixels per layout unit: --scale (or YQ_UI_SCALE) if given, else the window size or the
 * display's DPI, whichever is larger; times the text size chosen in the window. */
static float compute_scale(ui_ctx *c)
{
    int ww = 0, wh = 0, pw = 0, ph = 0;
    SDL_GetWindowSize(c->win, &ww, &wh);
    SDL_GetRendererOutputSize(c->ren, &pw, &ph);
    float ratio = ww > 0 && pw > 0 ? (float)pw / (float)ww : 1.0f;
    float zoom = (float)c->zoom / 100.0f;
    if (c->fixed_scale > 0) return c->fixed_scale * ratio * zoom;
    float dpi = 1.0f, ddpi = 0;
    if (SDL_GetDisplayDPI(SDL_GetWindowDisplayIndex(c->win), &ddpi, NULL, NULL) == 0 && ddpi > 0) {
        dpi = ddpi / 96.0f;
        if (dpi < 1.0f) dpi = 1.0f;
        if (dpi > 3.0f) dpi = 3.0f;
    }
    float size = (float)wh / DESIGN_H < (float)ww / DESIGN_W ? (float)wh / DESIGN_H : (float)ww / DESIGN_W;
    if (size < 1.0f) size = 1.0f;
    if (size > UI_SCALE_MAX) size = UI_SCALE_MAX;
    float s = ratio * (dpi > size ? dpi : size) * zoom;
    return (float)((int)(s * 20.0f + 0.5f)) / 20.0f;
}

void ui_zoom_step(ui_ctx *c, int dir)
{
    int want = dir < 0 ? c->zoom - UI_ZOOM_STEP : dir > 0 ? c->zoom + UI_ZOOM_STEP : 100;
    c->zoom = want < UI_ZOOM_MIN ? UI_ZOOM_MIN : want > 100 ? 100 : want;
}

/* The fixed scale asked for: the option, else YQ_UI_SCALE, else 0 (follow the window). */
static float asked_scale(const ui_options *opt)
{
    if (opt->scale > 0) return (float)opt->scale;
    const char *env = getenv("YQ_UI_SCALE");
    if (env && *env) {
        float v = (float)atof(env);
        if (v >= UI_SCALE_MIN && v <= UI_SCALE_MAX) return v;
    }
    return 0;
}

/* F11: full screen on the window's display and back. */
static int toggle_fullscreen(ui_ctx *c, char *err, int errlen)
{
    Uint32 full = SDL_GetWindowFlags(c->win) & SDL_WINDOW_FULLSCREEN_DESKTOP;
    if (SDL_SetWindowFullscreen(c->win, full ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP) != 0) {
        snprintf(err, (size_t)errlen, "cannot switch full screen: %s", SDL_GetError());
        return -1;
    }
    return 0;
}

int ui_update_scale(ui_ctx *c, char *err, int errlen)
{
    float s = compute_scale(c);
    SDL_GetRendererOutputSize(c->ren, &c->w, &c->h);
    c->scale = s;
    if (c->fonts.f[0] && s == c->fonts.scale) return 0;
    if (ui_fonts_open(&c->fonts, &c->font_file, s, err, errlen)) return -1;
    ui_text_cache_clear(c->cache);
    return 0;
}

static void release_texture(void *batch, SDL_Texture *t) { ui_batch_release(batch, t); }

int ui_renderer_attach(ui_ctx *c, char *err, int errlen)
{
    c->cache = ui_text_cache_new(c->ren, UI_CACHE_ENTRIES, UI_CACHE_PIXELS);
    c->batch = ui_batch_new(c->ren, UI_BATCH_AUTO);
    if (!c->cache || !c->batch) {
        ui_renderer_detach(c);
        snprintf(err, (size_t)errlen, "out of memory");
        return -1;
    }
    ui_text_cache_on_reuse(c->cache, release_texture, c->batch);
    return 0;
}

void ui_renderer_detach(ui_ctx *c)
{
    ui_text_cache_free(c->cache);
    ui_batch_free(c->batch);
    c->cache = NULL;
    c->batch = NULL;
}

/* The window's renderer as flags asks, else the software one. 0 or -1 with err. */
static int create_renderer(ui_ctx *c, Uint32 flags, char *err, int errlen)
{
    c->ren = SDL_CreateRenderer(c->win, -1, flags);
    if (!c->ren) c->ren = SDL_CreateRenderer(c->win, -1, SDL_RENDERER_SOFTWARE);
    if (!c->ren) {
        snprintf(err, (size_t)errlen, "cannot create a renderer: %s", SDL_GetError());
        return -1;
    }
    return 0;
}

int ui_renderer_switch(ui_ctx *c, Uint32 flags, char *err, int errlen)
{
    ui_renderer_detach(c);
    SDL_DestroyRenderer(c->ren);
    return create_renderer(c, flags, err, errlen) ? -1 : ui_renderer_attach(c, err, errlen);
}

int ui_window_frame_begin(ui_ctx *c, int wait_ms, char *err, int errlen)
{
    ui_frame_begin(c, wait_ms);
    if (c->in.quit) return 1;
    if (ui_key_plain(c, SDLK_F11) && toggle_fullscreen(c, err, errlen)) return -1;
    if (ui_key_take(c, SDLK_MINUS, KMOD_CTRL) || ui_key_take(c, SDLK_KP_MINUS, KMOD_CTRL)) ui_zoom_step(c, -1);
    if (ui_key_take(c, SDLK_EQUALS, KMOD_CTRL) || ui_key_take(c, SDLK_PLUS, KMOD_CTRL) ||
        ui_key_take(c, SDLK_KP_PLUS, KMOD_CTRL))
        ui_zoom_step(c, 1);
    if (ui_key_take(c, SDLK_0, KMOD_CTRL) || ui_key_take(c, SDLK_KP_0, KMOD_CTRL)) ui_zoom_step(c, 0);
    return ui_update_scale(c, err, errlen) ? -1 : 0;
}

/* Off the drill screen a class station still talks to its class (a graded drill's scorecard goes out); the
 * instructor's pace matters only to a drill on screen. */
static void class_keep_up(ui_state *s)
{
    ui_class_pace p = { 0, -1, 0, 0, NULL };
    char err[256] = "", msg[512];
    if (!s->api->pace || s->screen == UI_SCREEN_DRILL) return;
    if (s->api->pace(s->api->ud, &p, err, sizeof err) != 0)
        ui_toast(s, 1, ui_fmt(msg, sizeof msg, ui_tr("toast.class_failed"), err, NULL, NULL));
    else if (p.world)
        s->w = p.world;
}

void ui_render_frame(ui_state *s)
{
    class_keep_up(s);
    ui_ctx *c = s->c;
    c->clip_n = 0;
    ui_batch_begin(c->batch, c->w, c->h, UI_BG);
    switch (s->screen) {
    case UI_SCREEN_START: ui_start_frame(s); break;
    case UI_SCREEN_DRILL: ui_drill_frame(s); break;
    case UI_SCREEN_END: ui_end_frame(s); break;
    case UI_SCREEN_REVIEW: ui_review_frame(s); break;
    }
    ui_frame_end(c);
    if (ui_layout_dump(c) != 0 && !s->toast_error) ui_toast(s, 1, ui_tr("toast.layout_failed"));
    ui_draw_flush(c);
}

void ui_draw_frame(ui_state *s)
{
    ui_render_frame(s);
    SDL_RenderPresent(s->c->ren);
}

static int find_scenario(const ui_state *s, const char *id)
{
    for (int i = 0; i < s->n_scns; i++)
        if (strcmp(s->scns[i].id, id) == 0) return i;
    return -1;
}

/* Finding the font file (fontconfig, the slow part) runs beside the window's start-up; opening it
 * (SDL_ttf, FreeType) waits for the main thread, after SDL_Init, so no SDL state is touched concurrently. */
typedef struct font_job {
    const char *override;
    ui_font_file file;
    ui_fonts fonts;
    int rc;
    char err[512];
} font_job;

static int find_font(void *job)
{
    font_job *j = job;
    j->rc = ui_font_find(j->override, &j->file, j->err, sizeof j->err);
    return j->rc;
}

/* SDL's video on a display a person can see. Asked for no driver, SDL 2.26 settles on its offscreen
 * driver when X11 and Wayland both fail, and the drill would play on with no window at all: that is an
 * error, with X11's own reason when DISPLAY names a server. */
static int init_video(char *err, int errlen)
{
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        snprintf(err, (size_t)errlen, "cannot open a display: %s", SDL_GetError());
        return -1;
    }
    const char *asked = getenv("SDL_VIDEODRIVER"), *got = SDL_GetCurrentVideoDriver();
    if ((asked && *asked) || !got || (strcmp(got, "offscreen") != 0 && strcmp(got, "dummy") != 0))
        return 0;
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
    const char *display = getenv("DISPLAY");
    if (!display || !*display) {
        snprintf(err, (size_t)errlen, "cannot open a display: no X server (DISPLAY) or Wayland compositor "
                 "(WAYLAND_DISPLAY) is set; SDL_VIDEODRIVER=offscreen draws without one");
        return -1;
    }
    if (SDL_VideoInit("x11") == 0) {
        SDL_VideoQuit();
        snprintf(err, (size_t)errlen, "cannot open the display %s: it refused the first connection and took a "
                 "second (an X server resetting after its last client left? Xvfb needs -noreset)", display);
    } else {
        snprintf(err, (size_t)errlen, "cannot open the display %s (SDL: %s): is an X server running there?", display,
                 SDL_GetError());
    }
    return -1;
}

/* Whether OpenGL would run on a GPU. Without a render node (/dev/dri/renderD*: a VM, Xvfb, a classroom
 * PC without graphics drivers) Mesa draws OpenGL on the CPU (llvmpipe), which on a 2-core machine took
 * about 190 ms to start and drew the drill screen slower than SDL's own software renderer (README,
 * Performance); the console then asks for the software renderer. SDL_RENDER_DRIVER still decides. */
static int has_gpu(void)
{
#ifdef __linux__
    char path[32];
    for (int i = 128; i < 136; i++) {
        snprintf(path, sizeof path, "/dev/dri/renderD%d", i);
        if (access(path, F_OK) == 0) return 1;
    }
    return 0;
#else
    return 1;
#endif
}

/* Texts, SDL, the window and its renderer. */
static int open_window(ui_state *s, ui_ctx *c, const ui_options *opt, char *err, int errlen)
{
    const char *assets = opt->assets_dir ? opt->assets_dir : "assets";
    static const char *const codes[2] = { "zh", "en" };
    for (int i = 0; i < 2; i++)
        if (!(s->langs[i] = ui_i18n_load(assets, codes[i], err, errlen))) return -1;
    ui_set_lang(s, opt->lang && strcmp(opt->lang, "en") == 0 ? 1 : 0);

    SDL_SetHint(SDL_HINT_IME_SUPPORT_EXTENDED_TEXT, "1");
    /* The software renderer presents its surface to the window directly, as it does on machines
     * without a GPU, instead of through a hidden accelerated renderer (a full-window texture
     * upload per frame). */
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (init_video(err, errlen)) return -1;
    int w = opt->bench ? 1920 : opt->width > 0 ? opt->width : UI_WINDOW_W;
    int h = opt->bench ? 1080 : opt->height > 0 ? opt->height : UI_WINDOW_H;
    /* YQ_UI_SIZE=WxH: exactly that size, whatever the display (golden screenshots at projector sizes). */
    const char *size = getenv("YQ_UI_SIZE");
    int fixed = size && sscanf(size, "%dx%d", &w, &h) == 2 && w >= UI_WINDOW_MIN_W && h >= UI_WINDOW_MIN_H;
    if (size && !fixed) {
        snprintf(err, (size_t)errlen, "YQ_UI_SIZE must be WIDTHxHEIGHT, at least %dx%d, not \"%s\"", UI_WINDOW_MIN_W,
                 UI_WINDOW_MIN_H, size);
        return -1;
    }
    SDL_Rect usable;
    if (!opt->bench && !fixed && SDL_GetDisplayUsableBounds(0, &usable) == 0) {   /* a projector's 1280×720 */
        if (w > usable.w) w = usable.w > UI_WINDOW_MIN_W ? usable.w : UI_WINDOW_MIN_W;
        if (h > usable.h) h = usable.h > UI_WINDOW_MIN_H ? usable.h : UI_WINDOW_MIN_H;
    }
    c->win = SDL_CreateWindow(ui_tr("app.title"), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h,
                              SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!c->win) {
        snprintf(err, (size_t)errlen, "cannot open a window: %s", SDL_GetError());
        return -1;
    }
    c->text_input_on = SDL_IsTextInputActive();   /* SDL starts with it on; the first frame turns it off */
    c->fixed_scale = asked_scale(opt);
    c->zoom = 100;
    const char *dump = getenv("YQ_UI_LAYOUT");
    c->layout_path = dump && *dump ? dump : NULL;
    SDL_SetWindowMinimumSize(c->win, UI_WINDOW_MIN_W, UI_WINDOW_MIN_H);
    SDL_SetWindowMaximumSize(c->win, 3840, 2160);
    Uint32 flags = (has_gpu() ? SDL_RENDERER_ACCELERATED : SDL_RENDERER_SOFTWARE) |
                   (opt->bench ? 0 : SDL_RENDERER_PRESENTVSYNC);
    return create_renderer(c, flags, err, errlen);
}

int ui_window_setup(ui_state *s, ui_ctx *c, const ui_options *opt, char *err, int errlen)
{
    if (TTF_Init() != 0) {
        snprintf(err, (size_t)errlen, "SDL_ttf: %s", TTF_GetError());
        return -1;
    }
    font_job job = { .override = opt->font };
    SDL_Thread *fonts = SDL_CreateThread(find_font, "yq-fonts", &job);
    if (!fonts) find_font(&job);
    int rc = open_window(s, c, opt, err, errlen);
    if (fonts) SDL_WaitThread(fonts, NULL);
    if (job.rc == 0) job.rc = ui_fonts_open(&job.fonts, &job.file, 1.0f, job.err, sizeof job.err);
    c->font_file = job.file;
    c->fonts = job.fonts;
    if (job.rc) {   /* the missing font is the more useful message */
        snprintf(err, (size_t)errlen, "%s", job.err);
        return -1;
    }
    if (rc) return -1;
    return ui_renderer_attach(c, err, errlen) || ui_update_scale(c, err, errlen) ? -1 : 0;
}

/* The window, fonts and renderer, then the drill the app prepared meanwhile (api->ready: *scenario
 * gets the one to start at once, or NULL), then the scenario list. 0 or -1 with err. */
static int setup(ui_state *s, ui_ctx *c, const ui_options *opt, const char **scenario, char *err, int errlen)
{
    if (ui_window_setup(s, c, opt, err, errlen)) return -1;
    if (s->api->ready(s->api->ud, scenario, err, errlen)) return -1;
    if (ui_text_edit_init(&s->start.trainee, 40, 0) || ui_text_edit_init(&s->drill.comp.edit, 2000, 1) ||
        ui_text_edit_init(&s->drill.press.answer, 2000, 1)) {
        snprintf(err, (size_t)errlen, "out of memory");
        return -1;
    }
    ui_text_edit_set(&s->start.trainee, opt->trainee ? opt->trainee : ui_tr("start.default_trainee"));
    s->start.scenarios.sel = -1;
    s->scn = -1;
    if (s->api->list(s->api->ud, &s->scns, &s->n_scns) != 0) {
        snprintf(err, (size_t)errlen, "cannot list the scenarios");
        return -1;
    }
    s->start.scenarios.sel = s->n_scns > 0 ? 0 : -1;
    if (s->n_scns > 0) s->start.role = sim_role_parse(s->scns[0].role ? s->scns[0].role : "");
    if (s->start.role < 0) s->start.role = SIM_ROLE_SPOKESPERSON;
    ui_focus_set(c, ui_id("start.name"));
    return 0;
}

/* --scenario given: start it at once (or report why not). */
static int start_direct(ui_state *s, const ui_options *opt, const char *scenario, char *err, int errlen)
{
    int i = find_scenario(s, scenario);
    if (i < 0) {
        snprintf(err, (size_t)errlen, "unknown scenario '%s'", scenario);
        return -1;
    }
    int role = sim_role_parse(s->scns[i].role ? s->scns[i].role : "");
    s->start.scenarios.sel = i;
    s->start.role = role >= 0 ? role : SIM_ROLE_SPOKESPERSON;
    const char *trainee = opt->trainee && *opt->trainee ? opt->trainee : ui_tr("start.default_trainee");
    if (ui_start_drill(s, i, trainee, (sim_role)s->start.role) != 0) {
        snprintf(err, (size_t)errlen, "%s", s->toast);
        return -1;
    }
    return 0;
}

void ui_window_teardown(ui_state *s, ui_ctx *c)
{
    ui_renderer_detach(c);
    ui_fonts_close(&c->fonts);
    if (c->ren) SDL_DestroyRenderer(c->ren);
    if (c->win) SDL_DestroyWindow(c->win);
    if (TTF_WasInit()) TTF_Quit();
    if (SDL_WasInit(SDL_INIT_VIDEO)) SDL_Quit();
    for (int i = 0; i < 2; i++) ui_i18n_free(s->langs[i]);
}

static void teardown(ui_state *s, ui_ctx *c)
{
    ui_text_edit_free(&s->start.trainee);
    ui_text_edit_free(&s->drill.comp.edit);
    ui_text_edit_free(&s->drill.press.answer);
    ui_drill_release(&s->drill);
    ui_review_free(s);
    ui_window_teardown(s, c);
}

/* --voice: start the reporters' voices on the audio device, or say once why the drill stays silent. */
static void open_voice(ui_state *s, ui_sound *snd)
{
    char why[300];
    if (!snd) {
        fprintf(stderr, "yqdrill: --voice: no audio device; reporters' questions are not read aloud\n");
        return;
    }
    s->voice = ui_voice_start(why, sizeof why);
    if (s->voice) s->speaker = snd;
    else fprintf(stderr, "yqdrill: --voice: %s; reporters' questions are not read aloud\n", why);
}

/* YQ_UI_SHOT_AT: the drill screen paused and played to `minutes` (NULL: left as it is). 0 or -1 with err. */
static int shot_advance(ui_state *s, const char *minutes, char *err, int errlen)
{
    if (!minutes || !*minutes) return 0;
    char *end;
    double m = strtod(minutes, &end);
    if (*end || m < 0 || m > 24 * 60 || s->screen != UI_SCREEN_DRILL || !s->w) {
        snprintf(err, (size_t)errlen, "YQ_UI_SHOT_AT must be the minutes of a drill started with run SCENARIO, not \"%s\"",
                 minutes);
        return -1;
    }
    s->drill.paused = 1;
    while (!sim_is_over(s->w) && s->w->now < (sim_time)(m * 60))
        if (s->api->step(s->api->ud, err, errlen)) return -1;
    return 0;
}

int ui_run(const ui_options *opt, const ui_drill_api *api, char *err, int errlen)
{
    Uint64 t0 = SDL_GetPerformanceCounter();
    ui_ctx c;
    ui_state s;
    memset(&c, 0, sizeof c);
    memset(&s, 0, sizeof s);
    s.c = &c;
    s.api = api;
    s.opt = opt;
    ui_sound snd = { 0 };
    /* Without an audio device the chime and the voices stay silent and the drill runs on. */
    int audio = (opt->sound || opt->voice) && !opt->bench && ui_sound_open(&snd);
    if (opt->sound && audio) s.sound = &snd;
    if (opt->voice && !opt->bench) open_voice(&s, audio ? &snd : NULL);
    const char *scenario = NULL;
    int rc = setup(&s, &c, opt, &scenario, err, errlen);
    if (rc == 0 && (scenario || opt->bench)) {
        if (!scenario && s.n_scns == 0) {
            snprintf(err, (size_t)errlen, "no scenario to run");
            rc = -1;
        } else {
            rc = start_direct(&s, opt, scenario ? scenario : s.scns[0].id, err, errlen);
        }
    }
    if (rc == 0 && opt->review && ui_review_show(&s, opt->review, UI_SCREEN_START) != 0) {
        snprintf(err, (size_t)errlen, "%s", s.toast);
        rc = -1;
    }
    if (rc == 0 && opt->bench) {
        rc = ui_bench(&s, t0, err, errlen);
    } else {
        /* YQ_UI_SHOT=FILE.bmp: the third frame (layout settled, no simulated minute passed yet) is
         * written to FILE and the program ends; with YQ_UI_SHOT_AT=MINUTES the drill is paused after
         * the first frame and played to that scenario minute first (a fuller screen). */
        const char *shot = getenv("YQ_UI_SHOT");
        for (int frame = 1; rc == 0 && !s.quit; frame++) {
            int b = ui_window_frame_begin(&c, FRAME_WAIT_MS, err, errlen);
            if (b) { rc = b < 0 ? -1 : 0; break; }
            if (shot && *shot && frame == 2 && shot_advance(&s, getenv("YQ_UI_SHOT_AT"), err, errlen)) {
                rc = -1;
                break;
            }
            if (shot && *shot && frame == 3) {
                ui_render_frame(&s);
                rc = ui_shot_save(&c, shot, err, errlen);
                break;
            }
            ui_draw_frame(&s);
        }
    }
    teardown(&s, &c);
    ui_voice_stop(s.voice);
    ui_voice_unload();
    if ((opt->sound || opt->voice) && !opt->bench) ui_sound_close(&snd);
    return rc;
}
