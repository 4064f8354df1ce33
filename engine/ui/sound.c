/* sound.c — the console's one audio device, on which the chime (two generated sine notes, E6 then B5,
 * soft attack and decay) and the reporters' voices (voice.c) are queued. */
#include <math.h>
#include <stdlib.h>

#include "sound.h"

#define NOTE_MS 110
#define AMPLITUDE 9000.0
#define TAU 6.283185307179586

int ui_chime_len(void) { return 2 * UI_CHIME_RATE * NOTE_MS / 1000; }

int ui_chime_render(Sint16 *buf, int n)
{
    static const double freq[2] = { 1318.5, 987.8 };
    int note = UI_CHIME_RATE * NOTE_MS / 1000, peak = 0;
    for (int i = 0; i < n; i++) {
        int k = i / note < 2 ? i / note : 1;
        double t = (double)(i - k * note) / UI_CHIME_RATE, len = (double)note / UI_CHIME_RATE;
        double env = fmin(t / 0.005, 1.0) * exp(-4.0 * t / len);
        int v = (int)(AMPLITUDE * env * sin(TAU * freq[k] * t));
        buf[i] = (Sint16)v;
        if (abs(v) > peak) peak = abs(v);
    }
    return peak;
}

int ui_sound_open(ui_sound *snd)
{
    snd->dev = 0;
    snd->n = ui_chime_len();
    snd->chime = malloc(sizeof *snd->chime * (size_t)snd->n);
    if (!snd->chime) return 0;
    ui_chime_render(snd->chime, snd->n);
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) return 0;
    SDL_AudioSpec want = { 0 };
    want.freq = UI_CHIME_RATE;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 1024;
    snd->dev = SDL_OpenAudioDevice(NULL, 0, &want, NULL, 0);
    if (snd->dev) SDL_PauseAudioDevice(snd->dev, 0);
    return snd->dev != 0;
}

void ui_sound_queue(ui_sound *snd, const Sint16 *pcm, int n)
{
    if (!snd->dev || n <= 0) return;
    if (SDL_QueueAudio(snd->dev, pcm, (Uint32)(sizeof *pcm * (size_t)n)) != 0) {
        SDL_CloseAudioDevice(snd->dev);   /* the device went away: stay silent from now on */
        snd->dev = 0;
    }
}

void ui_sound_chime(ui_sound *snd)
{
    if (!snd->dev || !snd->chime || SDL_GetQueuedAudioSize(snd->dev) > 0) return;
    ui_sound_queue(snd, snd->chime, snd->n);
}

void ui_sound_close(ui_sound *snd)
{
    if (snd->dev) SDL_CloseAudioDevice(snd->dev);
    if (SDL_WasInit(SDL_INIT_AUDIO)) SDL_QuitSubSystem(SDL_INIT_AUDIO);
    free(snd->chime);
    snd->chime = NULL;
    snd->dev = 0;
}
