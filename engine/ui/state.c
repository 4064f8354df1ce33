/* state.c — helpers shared by the screens: language switching, messages, the clock text, and the
 * three calls into the app (start, submit, finish) with their errors turned into messages. */
#include "state.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOAST_MS 4000

const char *ui_lang(const ui_state *s) { return s->lang == 1 ? "en" : "zh"; }

void ui_set_lang(ui_state *s, int lang)
{
    if (lang < 0 || lang > 1 || !s->langs[lang]) return;
    s->lang = lang;
    ui_i18n_use(s->langs[lang]);
}

void ui_toast(ui_state *s, int error, const char *msg)
{
    snprintf(s->toast, sizeof s->toast, "%s", msg);
    s->toast_error = error;
    s->toast_until = SDL_GetTicks() + TOAST_MS;
}

const char *ui_clock(char *buf, size_t n, sim_time t)
{
    if (t < 0) t = 0;
    snprintf(buf, n, "%02lld:%02lld:%02lld", (long long)(t / 3600), (long long)(t / 60 % 60), (long long)(t % 60));
    return buf;
}

const char *ui_clock_of_day(char *buf, size_t n, const sim_world *w, sim_time t)
{
    sim_time start = w->scn->starts_at;
    return ui_clock(buf, n, start == SIM_NEVER ? t : (start + t) % (24 * 3600));
}

const char *ui_level_label(int level)
{
    static const char *const keys[4] = { "level.0", "level.1", "level.2", "level.3" };
    return (level >= 0 && level < 4) ? ui_tr(keys[level]) : ui_tr("level.none");
}

int ui_submit(ui_state *s, sim_action_type type, int level, const char *target, const char *channel,
              const char *text)
{
    if (!s->w) return -1;
    sim_action a;
    memset(&a, 0, sizeof a);
    a.t = s->w->now;
    a.type = type;
    a.role = s->role;
    a.level = level;
    a.target = (char *)target;
    a.channel = (char *)channel;
    a.text = (char *)text;
    char err[256] = "", msg[512];
    if (s->api->submit(s->api->ud, &a, err, sizeof err) != 0) {
        ui_toast(s, 1, ui_fmt(msg, sizeof msg, ui_tr("toast.submit_failed"), err, NULL, NULL));
        return -1;
    }
    char key[64];
    snprintf(key, sizeof key, "action.%s", sim_action_type_name(type));
    ui_toast(s, 0, ui_fmt(msg, sizeof msg, ui_tr("toast.submitted"), ui_tr(key), NULL, NULL));
    return 0;
}

int ui_start_drill(ui_state *s, int i, const char *trainee, sim_role role)
{
    if (i < 0 || i >= s->n_scns) return -1;
    char err[256] = "", msg[512];
    const sim_world *w = NULL;
    if (s->api->start(s->api->ud, s->scns[i].id, trainee, role, &w, err, sizeof err) != 0 || !w) {
        ui_toast(s, 1, ui_fmt(msg, sizeof msg, ui_tr("toast.start_failed"), err, NULL, NULL));
        return -1;
    }
    s->w = w;
    s->scn = i;
    s->role = role;
    s->card = NULL;
    s->screen = UI_SCREEN_DRILL;
    ui_drill_enter(s);
    return 0;
}

int ui_finish_drill(ui_state *s)
{
    char err[256] = "", msg[512];
    const score_card *card = NULL;
    if (s->api->finish(s->api->ud, &card, err, sizeof err) != 0 || !card) {
        ui_toast(s, 1, ui_fmt(msg, sizeof msg, ui_tr("toast.finish_failed"), err, NULL, NULL));
        return -1;
    }
    s->card = card;
    s->w = NULL;
    s->screen = UI_SCREEN_END;
    memset(&s->end, 0, sizeof s->end);
    s->end.lines.sel = 0;
    return 0;
}

int ui_rows_push(ui_rows *r, int v)
{
    if (r->n == r->cap) {
        int cap = r->cap ? r->cap * 2 : 256;
        int *n = realloc(r->v, (size_t)cap * sizeof *n);
        if (!n) return -1;
        r->v = n;
        r->cap = cap;
    }
    r->v[r->n++] = v;
    return 0;
}

void ui_rows_free(ui_rows *r)
{
    free(r->v);
    r->v = NULL;
    r->n = r->cap = 0;
}
