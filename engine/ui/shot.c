/* shot.c — a screenshot of the frame the renderer holds, written by the program itself (YQ_UI_SHOT), so the
 * console can be compared with golden images under SDL's offscreen driver, where no X server exists. */
#include <stdio.h>

#include "run.h"

int ui_shot_save(ui_ctx *c, const char *path, char *err, int errlen)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, c->w, c->h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s) {
        snprintf(err, (size_t)errlen, "screenshot: %s", SDL_GetError());
        return -1;
    }
    int rc = SDL_RenderReadPixels(c->ren, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch) == 0 &&
                     SDL_SaveBMP(s, path) == 0 ? 0 : -1;
    if (rc)
        snprintf(err, (size_t)errlen, "screenshot to %s: %s", path, SDL_GetError());
    SDL_FreeSurface(s);
    return rc;
}
