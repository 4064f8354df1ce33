/* voice.h — reporters' voices (--voice): questions read aloud by espeak-ng, loaded with dlopen on first
 * use, synthesised on a worker thread so the frame never waits, and queued on the chime's audio device. */
#ifndef YQ_UI_VOICE_H
#define YQ_UI_VOICE_H

#include <SDL2/SDL.h>

#include "sound.h"

/* espeak-ng's voices for the scenario texts' two languages. */
#define UI_VOICE_ZH "cmn"
#define UI_VOICE_EN "en"

typedef struct ui_voice ui_voice;

/* Render text with the espeak-ng voice named (e.g. "cmn", "en") into *pcm: mono 16-bit samples at
 * UI_CHIME_RATE, malloc'd, *n of them (NULL and 0 for a text with nothing to say). Loads espeak-ng
 * the first time. Returns 0, or -1 with a message in err. Not to be called while a ui_voice runs. */
int ui_voice_render(const char *voice, const char *text, Sint16 **pcm, int *n, char *err, int errlen);
/* Load espeak-ng and start the worker. NULL with a message in err when espeak-ng is missing or the
 * thread cannot start. */
ui_voice *ui_voice_start(char *err, int errlen);
/* Hand a text and the voice to read it with to the worker (copied; returns at once). 0, or -1 when the queue is full or out of memory
 * (the text is then not read). */
int ui_voice_say(ui_voice *v, const char *voice, const char *text);
/* Queue what the worker has finished on snd's device (on the frame's thread). */
void ui_voice_pump(ui_voice *v, ui_sound *snd);
/* Stop the worker (after the text it is reading) and free everything. */
void ui_voice_stop(ui_voice *v);
/* Release espeak-ng (after the last render or stop); the next use loads it again. */
void ui_voice_unload(void);

#endif
