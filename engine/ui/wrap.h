/* wrap.h — breaking UTF-8 text into lines that fit a width in a given font: hard breaks at '\n',
 * soft breaks where the Unicode line-breaking algorithm allows them (between CJK characters, at spaces;
 * never before closing punctuation such as 。” ，or after opening punctuation such as “). */
#ifndef YQ_UI_WRAP_H
#define YQ_UI_WRAP_H

#include <SDL2/SDL_ttf.h>

/* A line is bytes [start, start + len) of the text; a '\n' ending it is not included. */
typedef struct ui_line {
    int start, len;
} ui_line;

typedef struct ui_lines {
    ui_line *v;
    int n, cap;
} ui_lines;

/* Fill `out` (reset first) with the lines of s[0..len). width <= 0 breaks only at '\n'.
 * Always yields at least one (possibly empty) line. Returns 0, or -1 when out of memory. */
int ui_wrap(TTF_Font *f, const char *s, int len, int width, ui_lines *out);
void ui_lines_free(ui_lines *l);

/* Byte length of the UTF-8 sequence starting at s (1 for invalid bytes). */
int ui_utf8_len(const char *s);
/* Offset of the code point before byte offset i (0 at the start). */
int ui_utf8_prev(const char *s, int i);
/* Byte offset after skipping `n` code points from the start of s[0..len). */
int ui_utf8_advance(const char *s, int len, int n);

#endif
