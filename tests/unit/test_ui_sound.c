/* test_ui_sound.c — the notification chime: rendered into a buffer it is audible (not silence), within
 * 16-bit range, and fades out; opening it with SDL's dummy audio driver (no sound card) does not fail. */
#include <stdlib.h>

#include "check.h"
#include "ui/sound.h"

int main(void)
{
    int n = ui_chime_len();
    CHECK(n > UI_CHIME_RATE / 10);
    Sint16 *buf = calloc((size_t)n, sizeof *buf);
    CHECK(buf != NULL);
    if (!buf) return CHECK_DONE();
    int peak = ui_chime_render(buf, n);
    CHECK(peak > 3000 && peak < 32767);
    double energy = 0, tail = 0;
    for (int i = 0; i < n; i++) energy += (double)buf[i] * buf[i];
    for (int i = n - n / 20; i < n; i++) tail += (double)buf[i] * buf[i];
    CHECK(energy / n > 1e5);                 /* not silence */
    CHECK(tail / (n / 20) < energy / n / 4); /* it decays at the end */
    free(buf);

    /* No audio device: the console stays silent, with no error. */
    SDL_setenv("SDL_AUDIODRIVER", "dummy", 1);
    ui_sound snd;
    ui_sound_open(&snd);
    CHECK(snd.chime != NULL && snd.n == n);
    ui_sound_chime(&snd);
    ui_sound_close(&snd);
    CHECK(snd.chime == NULL && snd.dev == 0);
    return CHECK_DONE();
}
