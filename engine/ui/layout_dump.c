/* layout_dump.c — the debug dump of where each control was drawn (YQ_UI_LAYOUT=FILE) and what the feed
 * showed (FILE.feed), which the interface tests read: controls on screen and apart, the feed's words. */
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

void ui_layout_shown(ui_ctx *c, const char *text)
{
    if (!c->layout_path || c->n_shown >= UI_SHOWN_MAX) return;
    char *d = c->shown[c->n_shown++];
    snprintf(d, UI_SHOWN_LEN, "%s", text ? text : "");
    for (char *q = d; *q; q++)
        if (*q == '\n') *q = ' ';
}

/* Write the lists to temporary files and rename them over FILE and FILE.feed, so a reader never sees
 * half of one. */
static int write_dump(const ui_ctx *c, const char *path)
{
    char tmp[4096], feed[4096], feed_tmp[4096];
    if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp ||
        snprintf(feed, sizeof feed, "%s.feed", path) >= (int)sizeof feed ||
        snprintf(feed_tmp, sizeof feed_tmp, "%s.feed.tmp", path) >= (int)sizeof feed_tmp) return -1;
    FILE *f = fopen(tmp, "w"), *g = fopen(feed_tmp, "w");
    int ok = f && g;
    for (int i = 0; i < c->n_controls && ok; i++) {
        const ui_control *k = &c->controls[i];
        ok = fprintf(f, "%d %d %d %d %d %d %d %s\n", k->r.x, k->r.y, k->r.w, k->r.h, k->text_w, c->w, c->h,
                     k->label) > 0;
    }
    for (int i = 0; i < c->n_shown && ok; i++)
        ok = fprintf(g, "%s\n", c->shown[i]) > 0;
    ok = (f ? fclose(f) == 0 : 0) & (g ? fclose(g) == 0 : 0) & ok;
    if (ok && rename(feed_tmp, feed) == 0 && rename(tmp, path) == 0) return 0;
    remove(tmp);
    remove(feed_tmp);
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
    c->n_shown = 0;
    return rc;
}
