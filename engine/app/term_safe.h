/* term_safe.h — text from a saves database made safe for a terminal: escape sequences, control and
 * bidirectional-override characters and invalid UTF-8 never reach the screen as they are. */
#ifndef YQ_APP_TERM_SAFE_H
#define YQ_APP_TERM_SAFE_H

#include <stddef.h>
#include <stdio.h>

/* Copy s into out (n bytes, always terminated), each C0/C1 control character, DEL, bidirectional
 * control (U+061C, U+200E/F, U+202A-E, U+2066-9) and invalid UTF-8 byte replaced by '?'; a character
 * that does not fit is left out whole. Returns out. */
char *app_term_safe(const char *s, char *out, size_t n);
/* Print s made terminal-safe and padded with spaces to `width` terminal columns (wide CJK characters
 * take two), so columns line up under names in any script. */
void app_print_padded(FILE *f, const char *s, int width);

#endif
