/* ui_bridge.c — the windowed run: hands the interface a ui_drill_api over the drill controller, so
 * every click or keystroke becomes an action through the same validate → save → world path. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "paths.h"
#include "run_modes.h"
#include "ui/ui.h"

typedef struct bridge {
    app_drill *d;
    store *db;
    const app_run_opts *o;
    const sim_action *acts;   /* scripted actions (--responses) taken as the clock reaches them */
    int n_acts, next;
    int resumed;              /* the drill is a resumed session: start() continues it */
    ui_scenario_info *infos;
    sim_scenario *scns;
    int n_scns;
} bridge;

static int b_list(void *ud, const ui_scenario_info **out, int *n)
{
    bridge *b = ud;
    if (!b->infos) {
        char root[4096], dir[8192];
        char **ids = NULL;
        int count = 0;
        if (scn_list(app_path(root, sizeof root, "scenarios", NULL), &ids, &count))
            return -1;
        b->infos = calloc((size_t)count + 1, sizeof *b->infos);
        b->scns = calloc((size_t)count + 1, sizeof *b->scns);
        for (int i = 0; b->infos && b->scns && i < count; i++) {
            sim_scenario *s = &b->scns[b->n_scns];
            scn_script *sc = NULL;
            scn_problems probs = {0};
            sim_scenario_init(s);
            snprintf(dir, sizeof dir, "%s/%s", root, ids[i]);
            if (scn_load(dir, 1, s, &sc, &probs) == 0) {
                b->infos[b->n_scns++] = (ui_scenario_info){s->id, &s->title, &s->briefing, s->difficulty, s->role,
                                                           s->time_scale};
            } else {
                sim_scenario_free(s);
            }
            scn_free(sc);
            scn_problems_free(&probs);
        }
        scn_list_free(ids, count);
    }
    *out = b->infos;
    *n = b->n_scns;
    return 0;
}

static int b_start(void *ud, const char *scenario_id, const char *trainee, sim_role role,
                   const sim_world **world, char *err, int errlen)
{
    bridge *b = ud;
    (void)role;
    /* A new drill unless this is the prepared (or resumed) one, not yet played to its end. */
    if (!b->d->world || strcmp(b->d->scn.id, scenario_id) != 0 || b->d->graded || sim_is_over(b->d->world)) {
        uint64_t seed = b->d->seed ? b->d->seed : 1;
        app_drill_close(b->d);
        scn_problems probs = {0};
        int rc = app_drill_open(b->d, scenario_id, seed, NULL, &probs, err, errlen);
        if (rc && probs.count)
            snprintf(err, (size_t)errlen, "%s:%d: %s", probs.items[0].file, probs.items[0].line, probs.items[0].msg);
        scn_problems_free(&probs);
        if (rc)
            return -1;
        b->resumed = 0;
    }
    if (!b->resumed && b->db && !b->d->session &&
        app_drill_save(b->d, b->db, trainee && trainee[0] ? trainee : b->o->trainee, err, errlen))
        return -1;
    *world = b->d->world;
    return 0;
}

static int b_submit(void *ud, const sim_action *a, char *err, int errlen)
{
    bridge *b = ud;
    return app_drill_take(b->d, a, err, errlen) ? -1 : 0;
}

static int b_step(void *ud, char *err, int errlen)
{
    bridge *b = ud;
    sim_world *w = b->d->world;
    while (b->next < b->n_acts && b->acts[b->next].t < w->now + SIM_TICK_S)
        if (app_drill_take(b->d, &b->acts[b->next++], err, errlen))
            return -1;
    return app_drill_step(b->d, err, errlen) ? -1 : 0;
}

static int b_finish(void *ud, const score_card **card, char *err, int errlen)
{
    bridge *b = ud;
    if (!b->d->graded && app_drill_finish(b->d, err, errlen))
        return -1;
    *card = &b->d->card;
    return 0;
}

static int b_reload(void *ud, const sim_world **world, char *msg, int msglen)
{
    bridge *b = ud;
    if (!b->d->world || b->d->graded)
        return 0;
    scn_problems probs = {0};
    int rc = app_drill_reload(b->d, &probs, msg, msglen);
    if (rc < 0 && probs.count)
        snprintf(msg, (size_t)msglen, "%s:%d: %s", probs.items[0].file, probs.items[0].line, probs.items[0].msg);
    scn_problems_free(&probs);
    if (rc > 0)
        *world = b->d->world;
    return rc;
}

int app_have_display(void)
{
    const char *x = getenv("DISPLAY"), *wl = getenv("WAYLAND_DISPLAY");
    return (x && x[0]) || (wl && wl[0]);
}

int app_run_window(app_drill *d, const sim_action *acts, int n, const app_run_opts *o)
{
    bridge b = {.d = d, .db = d->db, .o = o, .acts = acts, .n_acts = n, .resumed = d->session != 0};
    ui_drill_api api = {&b, b_list, b_start, b_submit, b_step, b_finish, b_reload};
    char assets[4096], err[512];
    ui_options uo = {
        .lang = o->lang, .font = getenv("YQ_FONT"), .assets_dir = app_path(assets, sizeof assets, "assets", NULL),
        .scenario = d->world ? d->scn.id : NULL, .trainee = o->trainee, .speed = o->speed > 0 ? o->speed : 1.0,
        .bench = o->bench_ui, .width = 1366, .height = 768,
    };
    int rc = ui_run(&uo, &api, err, sizeof err) ? APP_EXIT_USAGE : APP_EXIT_OK;
    if (rc)
        fprintf(stderr, "yqdrill: %s\n", err);
    for (int i = 0; i < b.n_scns; i++)
        sim_scenario_free(&b.scns[i]);
    free(b.scns);
    free(b.infos);
    return rc;
}
