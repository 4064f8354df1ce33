/* ui_bridge.c — the windowed run (in yqdrill-gui.so, see modules.c): hands the interface a ui_drill_api
 * over the drill controller, so every click or keystroke becomes an action through the same path. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "paths.h"
#include "review.h"
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
    store_session *saved;     /* the last sessions() answer */
    ui_session_info *saved_infos;
    app_review *rev;          /* the session under review, or NULL */
    ui_review_info rev_info;
    ui_note_info *note_infos;
} bridge;

/* The drill is open (waiting for the thread opening it, if there is one): take its save database and
 * whether it is a resumed session, and name it as the drill to start at once. */
static int b_ready(void *ud, const char **scenario, char *err, int errlen)
{
    bridge *b = ud;
    if (b->o->drill_ready && b->o->drill_ready(b->o->ready_ctx) != APP_EXIT_OK) {
        if (errlen > 0)
            err[0] = '\0';   /* the opening printed why */
        return -1;
    }
    b->db = b->d->db;
    b->resumed = b->d->session != 0;
    *scenario = b->d->world ? b->d->scn.id : NULL;
    return 0;
}

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
    if (!b->resumed && b->db && !b->d->session) {
        const char *who = trainee && trainee[0] ? trainee : b->o->trainee;
        if (!who) {
            snprintf(err, (size_t)errlen, "the drill needs the trainee's name");
            return -1;
        }
        if (app_drill_save(b->d, b->db, who, err, errlen))
            return -1;
    }
    *world = b->d->world;
    return 0;
}

static int b_submit(void *ud, const sim_action *a, char *err, int errlen)
{
    bridge *b = ud;
    if (b->o->submit_hook)
        return b->o->submit_hook(b->o->hook_ctx, a, err, errlen);
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

static int b_pace(void *ud, ui_class_pace *p, char *err, int errlen)
{
    bridge *b = ud;
    return b->o->frame_hook(b->o->hook_ctx, p, err, errlen);
}

static int b_finish(void *ud, const score_card **card, char *err, int errlen)
{
    bridge *b = ud;
    if (!b->d->graded && b->o->finish_hook && b->o->finish_hook(b->o->hook_ctx, err, errlen))
        return -1;
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

static int b_sessions(void *ud, const ui_session_info **out, int *n, char *err, int errlen)
{
    bridge *b = ud;
    *out = NULL;
    *n = 0;
    free(b->saved);
    free(b->saved_infos);
    b->saved = NULL;
    b->saved_infos = NULL;
    int count = 0;
    if (!b->db)
        return 0;
    if (store_sessions_list(b->db, &b->saved, &count, err, errlen))
        return -1;
    if (count > 0 && !(b->saved_infos = calloc((size_t)count, sizeof *b->saved_infos))) {
        snprintf(err, (size_t)errlen, "out of memory");
        return -1;
    }
    for (int i = 0; i < count; i++) {
        const store_session *s = &b->saved[i];
        b->saved_infos[i] = (ui_session_info){s->id, s->trainee, s->scenario, s->started, s->finished,
                                              s->finished ? s->total : -1.0, s->n_actions};
    }
    *out = b->saved_infos;
    *n = count;
    return 0;
}

static int64_t b_current_session(void *ud)
{
    bridge *b = ud;
    return b->d->session;
}

static int b_review_open(void *ud, int64_t id, const ui_review_info **out, char *err, int errlen)
{
    bridge *b = ud;
    if (!b->rev && !(b->rev = calloc(1, sizeof *b->rev))) {
        snprintf(err, (size_t)errlen, "out of memory");
        return -1;
    }
    app_review_close(b->rev);
    free(b->note_infos);
    b->note_infos = NULL;
    if (app_review_open(b->rev, b->db, id, err, errlen))
        return -1;
    const app_review *r = b->rev;
    b->rev_info = (ui_review_info){r->ses.id, r->ses.trainee, r->ses.scenario, r->ses.started, r->full.world,
                                   &r->card, r->replay_differs};
    *out = &b->rev_info;
    return 0;
}

static int b_review_world_at(void *ud, sim_time t, const sim_world **world, char *err, int errlen)
{
    bridge *b = ud;
    if (!b->rev) {
        snprintf(err, (size_t)errlen, "no session is open for review");
        return -1;
    }
    return app_review_world_at(b->rev, t, world, err, errlen);
}

static int b_note_add(void *ud, sim_time t, const char *author, const char *text, char *err, int errlen)
{
    bridge *b = ud;
    if (!b->rev) {
        snprintf(err, (size_t)errlen, "no session is open for review");
        return -1;
    }
    return app_review_note_add(b->rev, t, author && author[0] ? author : b->o->note_author, text, err, errlen);
}

static int b_notes(void *ud, const ui_note_info **out, int *n, char *err, int errlen)
{
    bridge *b = ud;
    *out = NULL;
    *n = 0;
    if (!b->rev)
        return 0;
    const app_review *r = b->rev;
    free(b->note_infos);
    b->note_infos = NULL;
    if (r->n_notes > 0 && !(b->note_infos = calloc((size_t)r->n_notes, sizeof *b->note_infos))) {
        snprintf(err, (size_t)errlen, "out of memory");
        return -1;
    }
    for (int i = 0; i < r->n_notes; i++)
        b->note_infos[i] = (ui_note_info){r->notes[i].t, r->notes[i].author, r->notes[i].text, r->notes[i].at};
    *out = b->note_infos;
    *n = r->n_notes;
    return 0;
}

int app_gui_run_window(app_drill *d, const sim_action *acts, int n, const app_run_opts *o)
{
    bridge b = {.d = d, .o = o, .acts = acts, .n_acts = n};   /* the rest of d once b_ready has waited for it */
    ui_drill_api api = {
        .ud = &b, .ready = b_ready, .list = b_list, .start = b_start, .submit = b_submit, .step = b_step, .finish = b_finish,
        .reload = b_reload, .sessions = b_sessions, .current_session = b_current_session,
        .review_open = b_review_open, .review_world_at = b_review_world_at, .note_add = b_note_add, .notes = b_notes,
        .pace = o->frame_hook ? b_pace : NULL,
    };
    char assets[4096], err[512] = "";
    ui_options uo = {
        .lang = o->lang, .font = getenv("YQ_FONT"), .assets_dir = app_path(assets, sizeof assets, "assets", NULL),
        .trainee = o->trainee, .speed = o->speed > 0 ? o->speed : 1.0,
        .bench = o->bench_ui, .review = o->review, .note_author = o->note_author, .scale = o->scale,
        .sound = o->sound,
        .voice = o->voice,
    };
    int rc = ui_run(&uo, &api, err, sizeof err) ? APP_EXIT_USAGE : APP_EXIT_OK;
    if (rc && err[0])
        fprintf(stderr, "yqdrill: %s\n", err);
    for (int i = 0; i < b.n_scns; i++)
        sim_scenario_free(&b.scns[i]);
    free(b.scns);
    free(b.infos);
    free(b.saved);
    free(b.saved_infos);
    free(b.note_infos);
    if (b.rev)
        app_review_close(b.rev);
    free(b.rev);
    return rc;
}
