/* drill_notify.c — notices of the events a trainee must not miss (breaking injects, reporters'
 * questions and follow-ups, rumours appearing): pop-ups that stay a few seconds and open the item
 * when clicked, the inbox's unread count, the optional chime and reporters' voices. */
#include <stdio.h>
#include <string.h>

#include "draw.h"
#include "drill.h"
#include "layout.h"
#include "sound.h"
#include "theme.h"
#include "voice.h"

#define NOTICE_MS 6000

int ui_event_notable(sim_event_type t)
{
    return t == SIM_EV_INJECT || t == SIM_EV_QUESTION || t == SIM_EV_FOLLOWUP || t == SIM_EV_RUMOUR_START;
}

int ui_inbox_unread(const ui_state *s)
{
    int n = 0;
    for (int i = s->drill.inbox_read; i < s->w->n_events; i++)
        if (s->w->events[i].type != SIM_EV_ACTION) n++;
    return n;
}

/* --voice: hand a reporter's question or follow-up, as the UI shows it, to the voice of its language (a
 * drill without English texts shows its Chinese in the English UI too). */
static void say_question(ui_state *s, const sim_event *e)
{
    const sim_scenario *scn = s->w->scn;
    if ((e->type != SIM_EV_QUESTION && e->type != SIM_EV_FOLLOWUP) || e->ref < 0 || e->ref >= scn->n_questions) return;
    const sim_question *q = &scn->questions[e->ref];
    const sim_text *t = e->type == SIM_EV_FOLLOWUP ? &q->followup : &q->text;
    const char *text = sim_text_get(t, ui_lang(s));
    /* a full queue skips it: the drill never waits for the voices */
    (void)ui_voice_say(s->voice, text == t->en ? UI_VOICE_EN : UI_VOICE_ZH, text);
}

void ui_notify_scan(ui_state *s)
{
    ui_drill *d = &s->drill;
    const sim_world *w = s->w;
    int chime = 0;
    for (; d->notified < w->n_events; d->notified++) {
        if (!ui_event_notable(w->events[d->notified].type)) continue;
        if (d->n_notices == UI_NOTICES_MAX) {
            memmove(d->notices, d->notices + 1, sizeof d->notices[0] * (UI_NOTICES_MAX - 1));
            d->n_notices--;
        }
        ui_notice *n = &d->notices[d->n_notices++];
        n->event = d->notified;
        n->until = s->c->now_ms + NOTICE_MS;
        n->r = ui_rect(0, 0, 0, 0);
        n->shown_w = 0;
        chime = 1;
        if (s->voice) say_question(s, &w->events[d->notified]);
    }
    if (chime && s->sound) ui_sound_chime(s->sound);
    if (s->voice) ui_voice_pump(s->voice, s->speaker);
    int k = 0;
    for (int i = 0; i < d->n_notices; i++)
        if (!SDL_TICKS_PASSED(s->c->now_ms, d->notices[i].until)) d->notices[k++] = d->notices[i];
    d->n_notices = k;
}

int ui_notify_hit(ui_state *s)
{
    ui_ctx *c = s->c;
    ui_drill *d = &s->drill;
    for (int i = 0; i < d->n_notices; i++) {
        if (!ui_clicked_in(c, d->notices[i].r)) continue;
        c->in.clicked = 0;   /* the click is the pop-up's, not the panel's under it */
        return i;
    }
    return -1;
}

void ui_notify_draw(ui_state *s, SDL_Rect area, int hit)
{
    ui_ctx *c = s->c;
    ui_drill *d = &s->drill;
    if (hit >= 0 && hit < d->n_notices) {
        const sim_event *e = &s->w->events[d->notices[hit].event];
        memmove(d->notices + hit, d->notices + hit + 1, sizeof d->notices[0] * (size_t)(d->n_notices - hit - 1));
        d->n_notices--;
        ui_inbox_activate(s, e);
    }
    int w = area.w, pad = ui_px(c, 6), gap = ui_px(c, 6);
    int y = area.y + area.h;
    const char *open = ui_tr("notice.open");
    int body_w = ui_row_body_w(c, w - pad);
    for (int i = d->n_notices - 1; i >= 0 && y > area.y; i--) {
        ui_notice *n = &d->notices[i];
        const sim_event *e = &s->w->events[n->event];
        char head[256], body[1024], line[320], fit[1024];
        SDL_Color col = ui_event_describe(s, e, head, sizeof head, body, sizeof body);
        ui_fmt(line, sizeof line, open, head, NULL, NULL);
        if (n->shown_w != body_w || n->shown_scale != c->scale || n->shown_lang != s->lang) {
            /* a longer text shows its first three lines, the third ending in "…"; wrapping it is measured
             * once, not every frame the pop-up stays */
            snprintf(n->shown, sizeof n->shown, "%s",
                     ui_text_fit_lines(c, UI_FONT_BODY, body, body_w, 3, fit, sizeof fit));
            n->shown_w = body_w;
            n->shown_scale = c->scale;
            n->shown_lang = s->lang;
        }
        int h = ui_row_text(c, ui_rect(0, 0, w - pad, 0), line, col, n->shown, 0);
        SDL_Rect r = ui_rect(area.x, y - h - pad, w, h + pad);
        if (r.y < area.y) break;
        n->r = r;
        ui_fill(c, ui_rect(r.x + ui_px(c, 3), r.y + ui_px(c, 3), r.w, r.h), UI_SHADE);
        ui_fill(c, r, ui_mouse_in(c, r) ? UI_ACCENT_SOFT : UI_PANEL);
        ui_outline(c, r, col, ui_px(c, 2));
        ui_fill(c, ui_rect(r.x, r.y, ui_px(c, 5), r.h), col);
        ui_clip_push(c, r);
        ui_row_text(c, ui_rect(r.x + pad, r.y + pad / 2, r.w - pad, h), line, col, n->shown, 1);
        ui_clip_pop(c);
        if (c->layout_path) {
            char note[300];
            snprintf(note, sizeof note, "[notice] %s", head);
            ui_layout_note(c, note, r, 0);
        }
        y = r.y - gap;
    }
}
