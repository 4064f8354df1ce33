/* theme.h — the console's colours: surfaces, text, accents, and the four warning-level colours
 * (blue, yellow, orange, red) shared by the badge, the heat chart band and the rumour bars. */
#ifndef YQ_UI_THEME_H
#define YQ_UI_THEME_H

#include <SDL2/SDL.h>

static const SDL_Color UI_BG = { 236, 239, 243, 255 };
static const SDL_Color UI_PANEL = { 255, 255, 255, 255 };
static const SDL_Color UI_PANEL_ALT = { 246, 248, 251, 255 };
static const SDL_Color UI_BORDER = { 200, 206, 215, 255 };
static const SDL_Color UI_TEXT = { 28, 32, 40, 255 };
static const SDL_Color UI_MUTED = { 96, 104, 118, 255 };
static const SDL_Color UI_ACCENT = { 20, 96, 190, 255 };
static const SDL_Color UI_ACCENT_SOFT = { 214, 229, 250, 255 };
static const SDL_Color UI_ON_ACCENT = { 255, 255, 255, 255 };
static const SDL_Color UI_FOCUS = { 230, 120, 0, 255 };
static const SDL_Color UI_SELECTION = { 182, 210, 250, 255 };
static const SDL_Color UI_DANGER = { 196, 36, 36, 255 };
static const SDL_Color UI_OK = { 24, 140, 70, 255 };
static const SDL_Color UI_TOPBAR = { 24, 38, 60, 255 };
static const SDL_Color UI_TOPBAR_TEXT = { 235, 240, 248, 255 };
static const SDL_Color UI_SHADE = { 10, 16, 28, 150 };

/* Warning level 0 blue .. 3 red; anything else draws grey. */
static inline SDL_Color ui_level_color(int level)
{
    static const SDL_Color c[4] = { { 36, 104, 210, 255 }, { 222, 176, 0, 255 },
                                    { 236, 118, 0, 255 }, { 206, 36, 36, 255 } };
    SDL_Color grey = { 150, 156, 166, 255 };
    return (level >= 0 && level < 4) ? c[level] : grey;
}

/* The opaque colour `over` at opacity alpha/255 gives on top of `under`: painting it costs no blending. */
static inline SDL_Color ui_mix(SDL_Color over, Uint8 alpha, SDL_Color under)
{
    SDL_Color out = { 0, 0, 0, 255 };
    out.r = (Uint8)((over.r * alpha + under.r * (255 - alpha) + 127) / 255);
    out.g = (Uint8)((over.g * alpha + under.g * (255 - alpha) + 127) / 255);
    out.b = (Uint8)((over.b * alpha + under.b * (255 - alpha) + 127) / 255);
    return out;
}

/* Readable text on a level colour (yellow wants dark text). */
static inline SDL_Color ui_level_text_color(int level)
{
    SDL_Color dark = { 30, 30, 30, 255 }, light = { 255, 255, 255, 255 };
    return level == 1 ? dark : light;
}

#endif
