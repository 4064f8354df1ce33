/* voice.c — espeak-ng behind dlopen (the CLI core never links it), its synchronous synthesis into a
 * growing sample buffer, and the worker thread that turns queued questions into speech for the frame. */
#include <dlfcn.h>
#include <espeak-ng/speak_lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "voice.h"

#define QUEUE_MAX 8

/* The espeak-ng functions used, resolved from YQ_ESPEAK_SONAME. */
typedef struct espeak_api {
    int (*initialize)(espeak_AUDIO_OUTPUT output, int buflength, const char *path, int options);
    void (*set_callback)(t_espeak_callback *cb);
    espeak_ERROR (*set_voice)(const char *name);
    espeak_ERROR (*terminate)(void);
    espeak_ERROR (*synth)(const void *text, size_t size, unsigned int position, espeak_POSITION_TYPE type,
                          unsigned int end, unsigned int flags, unsigned int *id, void *user_data);
} espeak_api;

static espeak_api api;
static void *lib;   /* espeak-ng once loaded and initialised */

typedef struct pcm_buf {
    Sint16 *s;
    int n, cap, failed;
} pcm_buf;

struct ui_voice {
    SDL_Thread *thread;
    SDL_mutex *lock;
    SDL_cond *wake;
    struct {
        char voice[32];
        char *text;
    } queue[QUEUE_MAX];       /* texts waiting, oldest first */
    int n_queue;
    int quit;
    pcm_buf ready;            /* speech finished and not yet queued on the device */
};

static int append(pcm_buf *b, const short *s, int n)
{
    if (b->n + n > b->cap) {
        int cap = b->cap ? b->cap : UI_CHIME_RATE;
        while (cap < b->n + n) cap *= 2;
        Sint16 *p = realloc(b->s, sizeof *p * (size_t)cap);
        if (!p) return -1;
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, sizeof *s * (size_t)n);
    b->n += n;
    return 0;
}

static int on_samples(short *wav, int n, espeak_EVENT *ev)
{
    pcm_buf *b = ev->user_data;
    if (wav && n > 0 && append(b, wav, n) != 0) {
        b->failed = 1;
        return 1;   /* stop: out of memory */
    }
    return 0;
}

/* Load and initialise espeak-ng once; 0, or -1 with a message in err. */
static int api_load(char *err, int errlen)
{
    if (lib) return 0;
    /* NODELETE: espeak-ng keeps buffers in its own globals past espeak_Terminate; unmapping the library
     * would orphan them (LeakSanitizer reported them as leaks in unknown code). */
    void *h = dlopen(YQ_ESPEAK_SONAME, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
    if (!h) {
        snprintf(err, (size_t)errlen, "cannot load espeak-ng (%s): %s", YQ_ESPEAK_SONAME, dlerror());
        return -1;
    }
    static const char *const names[] = {"espeak_Initialize", "espeak_SetSynthCallback", "espeak_SetVoiceByName",
                                        "espeak_Terminate", "espeak_Synth"};
    void **slots[] = {(void **)&api.initialize, (void **)&api.set_callback, (void **)&api.set_voice,
                      (void **)&api.terminate, (void **)&api.synth};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        *slots[i] = dlsym(h, names[i]);
        if (!*slots[i]) {
            snprintf(err, (size_t)errlen, "espeak-ng (%s) lacks %s", YQ_ESPEAK_SONAME, names[i]);
            dlclose(h);
            return -1;
        }
    }
    int rate = api.initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL, 0);
    if (rate != UI_CHIME_RATE) {
        snprintf(err, (size_t)errlen, rate < 0 ? "espeak-ng cannot start (is espeak-ng-data installed?)"
                                               : "espeak-ng speaks at %d Hz, not %d", rate, UI_CHIME_RATE);
        if (rate >= 0) api.terminate();
        dlclose(h);
        return -1;
    }
    api.set_callback(on_samples);
    lib = h;
    return 0;
}

void ui_voice_unload(void)
{
    if (!lib) return;
    api.terminate();
    dlclose(lib);
    lib = NULL;
}

static int has_words(const char *text)
{
    for (const unsigned char *s = (const unsigned char *)text; *s; s++)
        if (*s > ' ') return 1;
    return 0;
}

/* Synthesise text into b (appending); 0, or -1 with a message in err. */
static int synth_into(const char *voice, const char *text, pcm_buf *b, char *err, int errlen)
{
    if (!has_words(text)) return 0;
    if (api.set_voice(voice) != EE_OK) {
        snprintf(err, (size_t)errlen, "espeak-ng has no voice \"%s\"", voice);
        return -1;
    }
    b->failed = 0;
    if (api.synth(text, strlen(text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, b) != EE_OK || b->failed) {
        snprintf(err, (size_t)errlen, "espeak-ng could not read the text%s", b->failed ? " (out of memory)" : "");
        return -1;
    }
    return 0;
}

int ui_voice_render(const char *voice, const char *text, Sint16 **pcm, int *n, char *err, int errlen)
{
    pcm_buf b = {0};
    *pcm = NULL;
    *n = 0;
    if (api_load(err, errlen) != 0) return -1;
    if (synth_into(voice, text, &b, err, errlen) != 0) {
        free(b.s);
        return -1;
    }
    *pcm = b.s;
    *n = b.n;
    return 0;
}

static int worker(void *arg)
{
    ui_voice *v = arg;
    char err[256];
    SDL_LockMutex(v->lock);
    for (;;) {
        while (!v->quit && v->n_queue == 0) SDL_CondWait(v->wake, v->lock);
        if (v->quit) break;
        char voice[32], *text = v->queue[0].text;
        memcpy(voice, v->queue[0].voice, sizeof voice);
        memmove(v->queue, v->queue + 1, sizeof v->queue[0] * (size_t)--v->n_queue);
        SDL_UnlockMutex(v->lock);
        pcm_buf b = {0};
        int rc = synth_into(voice, text, &b, err, sizeof err);   /* a text that fails is skipped */
        free(text);
        SDL_LockMutex(v->lock);
        if (rc == 0 && b.n > 0 && append(&v->ready, b.s, b.n) != 0)
            v->ready.n = 0;   /* out of memory: what was waiting is dropped, the drill goes on */
        free(b.s);
    }
    SDL_UnlockMutex(v->lock);
    return 0;
}

ui_voice *ui_voice_start(char *err, int errlen)
{
    if (api_load(err, errlen) != 0) return NULL;
    ui_voice *v = calloc(1, sizeof *v);
    if (!v) {
        snprintf(err, (size_t)errlen, "out of memory");
        return NULL;
    }
    v->lock = SDL_CreateMutex();
    v->wake = SDL_CreateCond();
    if (v->lock && v->wake) v->thread = SDL_CreateThread(worker, "yq-voice", v);
    if (!v->thread) {
        snprintf(err, (size_t)errlen, "cannot start the voice thread: %s", SDL_GetError());
        if (v->wake) SDL_DestroyCond(v->wake);
        if (v->lock) SDL_DestroyMutex(v->lock);
        free(v);
        return NULL;
    }
    return v;
}

int ui_voice_say(ui_voice *v, const char *voice, const char *text)
{
    char *copy = strdup(text);
    if (!copy) return -1;
    SDL_LockMutex(v->lock);
    int ok = v->n_queue < QUEUE_MAX;
    if (ok) {
        snprintf(v->queue[v->n_queue].voice, sizeof v->queue[0].voice, "%s", voice);
        v->queue[v->n_queue++].text = copy;
        SDL_CondSignal(v->wake);
    }
    SDL_UnlockMutex(v->lock);
    if (!ok) free(copy);
    return ok ? 0 : -1;
}

void ui_voice_pump(ui_voice *v, ui_sound *snd)
{
    if (SDL_TryLockMutex(v->lock) != 0) return;   /* the worker is handing over: next frame */
    if (v->ready.n > 0) {
        ui_sound_queue(snd, v->ready.s, v->ready.n);
        v->ready.n = 0;
    }
    SDL_UnlockMutex(v->lock);
}

void ui_voice_stop(ui_voice *v)
{
    if (!v) return;
    SDL_LockMutex(v->lock);
    v->quit = 1;
    SDL_CondSignal(v->wake);
    SDL_UnlockMutex(v->lock);
    SDL_WaitThread(v->thread, NULL);
    for (int i = 0; i < v->n_queue; i++) free(v->queue[i].text);
    free(v->ready.s);
    SDL_DestroyCond(v->wake);
    SDL_DestroyMutex(v->lock);
    free(v);
}
