/* sound.h — the optional notification chime (--sound): a short two-note tone generated in memory
 * and queued to SDL2 audio. Without an audio device the console stays silent and says nothing. */
#ifndef YQ_UI_SOUND_H
#define YQ_UI_SOUND_H

#include <SDL2/SDL.h>

#define UI_CHIME_RATE 22050

typedef struct ui_sound {
    SDL_AudioDeviceID dev;   /* 0: silent */
    Sint16 *chime;
    int n;                   /* samples in chime */
} ui_sound;

/* Fill buf (n mono samples at UI_CHIME_RATE) with the chime; returns its peak amplitude. */
int ui_chime_render(Sint16 *buf, int n);
/* Samples the chime takes. */
int ui_chime_len(void);
/* Open the default audio device and render the chime. Returns 1 when it will sound, 0 when it stays
 * silent (no audio device, or no memory): silence is not an error. */
int ui_sound_open(ui_sound *snd);
/* Queue n samples (mono, UI_CHIME_RATE) after what is playing; nothing when silent. */
void ui_sound_queue(ui_sound *snd, const Sint16 *pcm, int n);
/* Queue the chime (nothing when silent or when a chime is still playing). */
void ui_sound_chime(ui_sound *snd);
void ui_sound_close(ui_sound *snd);

#endif
