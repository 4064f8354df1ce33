/* layout_dump.c — the debug dump of where each control was drawn (YQ_UI_LAYOUT=FILE), which the
 * interface tests read to check that every control is on screen, unclipped and not overlapping. */
#include <stdio.h>
#include <string.h>

#include "ctx.h"

#define DUMP_EVERY_MS 500

void ui_layout_note(ui_ctx *c, const char *label, SDL_Rect r, int text_w)
{
    if (!c->layout_path || c->n_controls >= UI_LAYOUT_MAX) return;
    ui_control *k = &c->controls[c->n_controls++];
    snprintf(k->label, sizeof k->label, "%s", label ? label : "");
    k->r = r;
    k->text_w = text_w;
}

/* Write the list to a temporary file and rename it over FILE, so a reader never sees half of it. */
static int write_dump(const ui_ctx *c, const char *path)
{
    char tmp[4096];
    if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp) return -1;
    FILE *f = fopen(tmp, "w");
    if (!f) return -1;
    int ok = 1;
    for (int i = 0; i < c->n_controls && ok; i++) {
        const ui_control *k = &c->controls[i];
        ok = fprintf(f, "%d %d %d %d %d %d %d %s\n", k->r.x, k->r.y, k->r.w, k->r.h, k->text_w, c->w, c->h,
                     k->label) > 0;
    }
    if (fclose(f) == 0 && ok && rename(tmp, path) == 0) return 0;
    remove(tmp);
    return -1;
}

int ui_layout_dump(ui_ctx *c)
{
    int rc = 0;
    if (c->layout_path && SDL_TICKS_PASSED(c->now_ms, c->layout_ms)) {
        rc = write_dump(c, c->layout_path);
        c->layout_ms = c->now_ms + DUMP_EVERY_MS;
    }
    c->n_controls = 0;
    return rc;
}
