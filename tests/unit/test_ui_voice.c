/* test_ui_voice.c — reporters' voices: espeak-ng renders a Chinese question into audible speech as long as the
 * text needs, English speaks too, an empty text gives none, and the worker hands speech to the (dummy) device. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "ui/voice.h"

#define QUESTION "请问这次事故的原因查清了吗？伤亡人数是多少？"
#define HAN_CHARS 20

int main(void)
{
    char err[300];
    Sint16 *pcm;
    int n;
    Uint64 t0 = SDL_GetPerformanceCounter();
    int rc = ui_voice_render(UI_VOICE_ZH, QUESTION, &pcm, &n, err, sizeof err);
    double ms = 1000.0 * (double)(SDL_GetPerformanceCounter() - t0) / (double)SDL_GetPerformanceFrequency();
    CHECK(rc == 0);
    if (rc != 0) {
        fprintf(stderr, "%s\n", err);
        return CHECK_DONE();
    }
    double secs = (double)n / UI_CHIME_RATE, energy = 0;
    for (int i = 0; i < n; i++) energy += (double)pcm[i] * pcm[i];
    double rms = n ? sqrt(energy / n) : 0;
    printf("voice: %d Han characters -> %.2f s of speech, RMS %.0f, rendered in %.0f ms\n", HAN_CHARS, secs, rms, ms);
    /* One Han character is one syllable; espeak-ng reads 2 to 8 a second, pauses included. */
    CHECK(secs > HAN_CHARS / 8.0 && secs < HAN_CHARS / 2.0);
    CHECK(rms > 500);   /* speech, not silence */
    free(pcm);

    /* The English voice exists and speaks. */
    CHECK(ui_voice_render(UI_VOICE_EN, "How many people were injured?", &pcm, &n, err, sizeof err) == 0 &&
          n > UI_CHIME_RATE / 2);
    free(pcm);

    /* Nothing to say: no audio. */
    CHECK(ui_voice_render(UI_VOICE_ZH, "", &pcm, &n, err, sizeof err) == 0 && n == 0 && pcm == NULL);
    CHECK(ui_voice_render(UI_VOICE_EN, " \n ", &pcm, &n, err, sizeof err) == 0 && n == 0 && pcm == NULL);
    /* A voice espeak-ng lacks is an error, not silence. */
    CHECK(ui_voice_render("no-such-voice", QUESTION, &pcm, &n, err, sizeof err) == -1 && pcm == NULL);

    /* The worker: a question said is queued on the device once synthesised; the caller never waits. */
    SDL_setenv("SDL_AUDIODRIVER", "dummy", 1);
    ui_sound snd;
    CHECK(ui_sound_open(&snd) == 1);
    ui_voice *v = ui_voice_start(err, sizeof err);
    CHECK(v != NULL);
    if (v) {
        CHECK(ui_voice_say(v, UI_VOICE_ZH, QUESTION) == 0);
        Uint32 queued = 0;
        for (int i = 0; i < 500 && queued == 0; i++) {
            ui_voice_pump(v, &snd);
            queued = SDL_GetQueuedAudioSize(snd.dev);
            if (!queued) SDL_Delay(20);
        }
        CHECK(queued > 0);
        ui_voice_stop(v);
    }
    ui_sound_close(&snd);
    ui_voice_unload();
    return CHECK_DONE();
}
