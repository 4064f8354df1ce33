/* font.h — finding a font that can show Simplified Chinese (override, $YQ_FONT, or fontconfig's
 * "sans:lang=zh-cn") and opening it at the interface's three sizes, scaled for the display. */
#ifndef YQ_UI_FONT_H
#define YQ_UI_FONT_H

#include <SDL2/SDL_ttf.h>

typedef enum ui_font_role { UI_FONT_SMALL, UI_FONT_BODY, UI_FONT_TITLE, UI_FONT_HUGE, UI_FONT_COUNT } ui_font_role;

typedef struct ui_font_file {
    char path[1024];
    long index;   /* face inside a collection (.ttc) */
} ui_font_file;

/* Resolve the font: `override` (may be NULL), then $YQ_FONT, then fontconfig. A fontconfig match
 * that cannot show zh-cn is refused. Returns 0, or -1 with
 * "no CJK font found: install fonts-noto-cjk or set YQ_FONT" (or why an override is unusable). */
int ui_font_find(const char *override, ui_font_file *out, char *err, int errlen);

/* Point size of a role at scale 1 (logical pixels). */
int ui_font_base_size(ui_font_role role);

typedef struct ui_fonts {
    TTF_Font *f[UI_FONT_COUNT];
    float scale;
    void *map;       /* the font file, mapped once and shared by every role: glyphs load from memory, */
    size_t map_len;  /* not through a seek and a read per glyph */
} ui_fonts;

/* Open (or re-size) every role at base size × scale. Returns 0, or -1 with SDL_ttf's message. */
int ui_fonts_open(ui_fonts *fs, const ui_font_file *file, float scale, char *err, int errlen);
void ui_fonts_close(ui_fonts *fs);

#endif
