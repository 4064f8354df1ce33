/* host_team.c — a team drill at the host: seats proposing actions, each checked against its seat's group
 * (role, scenario, time), numbered, saved in the one team session (with its origin) and published as the
 * accepted log; a restarted host continues the unfinished team session of its scenario. */
#include "host_team.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "monotonic.h"

#define TEAM_TRAINEE "team"   /* the team session's trainee in the class database */
#define BEAT_S 0.25           /* how often the team's clock goes to the seats */
#define CLOCK_AHEAD_S 60   /* scenario seconds the kept ceiling runs ahead of the clock: one write a minute of drill */
#define MAX_STEPS_PER_BEAT 360   /* an hour of scenario time: a restarted host's world catches up in a few beats */

/* Scenario seconds a second at the team's speed: speed times the scenario's own pace (its time_scale), as `run
 * --speed` and the trainee's speed buttons count it. */
static double pace(const host_team *t)
{
    return t->speed * (t->d.scn.time_scale > 0 ? t->d.scn.time_scale : 1.0);
}

/* A seat (trainee, group) added to the team's; NULL out of memory. */
static host_seat *seat_add(host_team *t, const char *trainee, const char *group)
{
    host_seat *a = realloc(t->seats, (size_t)(t->n_seats + 1) * sizeof *a);
    if (!a)
        return NULL;
    t->seats = a;
    host_seat *s = memset(&a[t->n_seats++], 0, sizeof *a);
    snprintf(s->trainee, sizeof s->trainee, "%s", trainee);
    snprintf(s->group, sizeof s->group, "%s", group);
    s->done = -1;
    return s;
}

static host_seat *seat_find(host_team *t, const char *trainee, const char *group)
{
    for (int i = 0; i < t->n_seats; i++)
        if (strcmp(t->seats[i].trainee, trainee) == 0 && strcmp(t->seats[i].group, group) == 0)
            return &t->seats[i];
    return NULL;
}

/* Mark proposal n of the seat handled: 1 when it was already, -1 out of memory, else 0. */
static int handle_once(host_seat *s, int n)
{
    if (n < s->cap && s->handled[n])
        return 1;
    if (n >= s->cap) {
        int cap = n + 64;
        unsigned char *a = realloc(s->handled, (size_t)cap);
        if (!a)
            return -1;
        memset(a + s->cap, 0, (size_t)(cap - s->cap));
        s->handled = a;
        s->cap = cap;
    }
    s->handled[n] = 1;
    return 0;
}

/* The newest unfinished team session of this scenario in the class database: 1 with *ses, 0 none, -1 (err). */
static int unfinished(host *h, const char *scenario, store_session *ses, char *err, int errlen)
{
    store_session *all = NULL;
    int n = 0, found = 0;
    if (store_sessions_list(h->db, &all, &n, err, errlen))
        return -1;
    for (int i = 0; i < n && !found; i++)
        if (!all[i].finished && strcmp(all[i].trainee, TEAM_TRAINEE) == 0 && strcmp(all[i].scenario, scenario) == 0) {
            *ses = all[i];
            found = 1;
        }
    free(all);
    return found;
}

/* Continue a team session a host before this one began: its world rebuilt from the accepted log, its seq and
 * clock from there, and the seats' proposals it handled (accepted or refused) marked so. APP_EXIT_* code. */
static int resume(host_team *t, host *h, const store_session *ses)
{
    char err[512];
    sim_action *acts = NULL;
    store_proposal *o = NULL;
    int n = 0, n_o = 0;
    int rc = app_drill_reopen(&t->d, h->db, ses, NULL, &acts, &n);
    if (!rc && (store_proposals_list(h->db, ses->id, &o, &n_o, err, sizeof err) ||
                store_team_clock_get(h->db, ses->id, &t->ceiling, err, sizeof err))) {
        fprintf(stderr, "yqdrill host: %s\n", err);
        rc = APP_EXIT_STORAGE;
    }
    for (int i = 0; i < n_o && !rc; i++) {
        host_seat *s = seat_find(t, o[i].trainee, o[i].group);
        if ((!s && !(s = seat_add(t, o[i].trainee, o[i].group))) || handle_once(s, o[i].proposal) < 0) {
            fprintf(stderr, "yqdrill host: out of memory\n");
            rc = APP_EXIT_STORAGE;
        }
    }
    if (!rc) {
        t->d.db = h->db;
        t->d.session = ses->id;
        t->ses = *ses;
        t->accepted = t->resumed = n;
        t->last_t = n ? acts[n - 1].t : 0;
        if (!h->json)
            printf("team drill %s resumed: %d actions accepted before, %d seats\n", ses->uuid, n, t->n_seats);
    }
    free(o);
    store_actions_free(acts, n);
    return rc;
}

int host_team_open(host_team *t, host *h, const char *scenario, uint64_t seed, double speed)
{
    char err[512];
    scn_problems probs = {0};
    store_session ses;
    memset(t, 0, sizeof *t);
    t->d.seed = seed;
    t->speed = speed;
    int found = unfinished(h, scenario, &ses, err, sizeof err), rc;
    if (found < 0) {
        fprintf(stderr, "yqdrill host: %s\n", err);
        return APP_EXIT_STORAGE;
    }
    if (found) {
        rc = resume(t, h, &ses);
    } else if ((rc = app_drill_open(&t->d, scenario, seed, NULL, &probs, err, sizeof err))) {
        scn_problems_print(&probs, stderr);
        if (!probs.count)
            fprintf(stderr, "yqdrill host: %s\n", err);
    }
    scn_problems_free(&probs);
    if (!rc && score_plan_groups(t->d.plan) == 0) {
        fprintf(stderr, "yqdrill host: plan %s names no groups; a team drill needs them\n", score_plan_id(t->d.plan));
        rc = APP_EXIT_USAGE;
    }
    if (!rc && !found && (app_drill_save(&t->d, h->db, TEAM_TRAINEE, err, sizeof err) ||
                          store_session_get(h->db, t->d.session, &t->ses, err, sizeof err))) {
        fprintf(stderr, "yqdrill host: %s\n", err);
        rc = APP_EXIT_STORAGE;
    }
    /* a resumed clock goes on from the furthest it may have been told, or its log's last action */
    sim_time from = t->ceiling > t->last_t ? t->ceiling : t->last_t;
    t->opened = app_now_s() - (speed > 0 ? (double)from / pace(t) : 0);
    t->paused_at = t->opened;
    return rc;
}

void host_team_free(host_team *t)
{
    for (int i = 0; i < t->n_seats; i++)
        free(t->seats[i].handled);
    free(t->seats);
    app_drill_close(&t->d);
}

/* Publish one message of the team's accepted log (freeing text). Not sent while the broker is away: the
 * stations ask again (resync). */
static void publish(host *h, cls_kind kind, char *text)
{
    char topic[256], err[256];
    if (text && cls_team_topic(topic, sizeof topic, h->klass, kind) == 0)
        cls_link_publish(h->link, topic, text, NULL, err, sizeof err);
    free(text);
}

/* The seat a message speaks for, taken by its station; NULL (refused as foreign) when the station sits in
 * another seat or names a group the plan does not have. */
static host_seat *seat_for(host *h, const cls_msg *m)
{
    host_team *t = h->team;
    host_seat *s = seat_find(t, m->ses.trainee, m->group);
    for (int i = 0; i < t->n_seats; i++)
        if (&t->seats[i] != s && strcmp(t->seats[i].uuid, m->ses.uuid) == 0)
            return NULL;
    if (!s && score_plan_group_find(t->d.plan, m->group) < 0)
        return NULL;
    if (!s) {
        if (!(s = seat_add(t, m->ses.trainee, m->group)))
            return NULL;
        if (!h->json)
            printf("team seat: %s, group %s\n", s->trainee, s->group);
    }
    snprintf(s->uuid, sizeof s->uuid, "%s", m->ses.uuid);
    return s;
}

static int seat_finished(const host_seat *s)
{
    if (s->done < 0)
        return 0;
    for (int n = 0; n < s->done; n++)
        if (n >= s->cap || !s->handled[n])
            return 0;
    return 1;
}

static int maybe_close(host *h)
{
    host_team *t = h->team;
    int finished = 0;
    for (int i = 0; i < t->n_seats; i++)
        finished += seat_finished(&t->seats[i]);
    return t->seats_wanted > 0 && finished >= t->seats_wanted ? host_team_close(h) : 0;
}

/* Proposal n of the seat handled: kept in the team session with the seq it was accepted at (-1 refused), so a
 * restarted host takes none twice. 0, or -1 with h->err set. */
static int remember(host *h, const host_seat *s, int n, int seq)
{
    store_proposal p = {.proposal = n, .seq = seq};
    snprintf(p.trainee, sizeof p.trainee, "%s", s->trainee);
    snprintf(p.group, sizeof p.group, "%s", s->group);
    return store_proposal_put(h->team->d.db, h->team->d.session, &p, h->err, sizeof h->err);
}

double host_team_clock(const host_team *t)
{
    return t->speed > 0 ? ((t->paused ? t->paused_at : app_now_s()) - t->opened) * pace(t) : 0;
}

int host_team_beat(host *h)
{
    host_team *t = h->team;
    if (t->closed || app_now_s() < t->beat_at)
        return 0;
    double clock = host_team_clock(t);
    cls_status st = {.t = t->speed > 0 ? (clock < (double)t->d.scn.duration ? (sim_time)clock : t->d.scn.duration)
                                       : t->last_t,
                     .n_actions = t->accepted, .paused = t->paused, .speed = t->speed};
    if (t->speed > 0 && st.t > t->ceiling) {   /* kept before it is told */
        t->ceiling = st.t + CLOCK_AHEAD_S;
        if (store_team_clock_put(h->db, t->d.session, t->ceiling, h->err, sizeof h->err))
            return -1;
    }
    publish(h, CLS_STATUS, cls_msg_status(t->ses.uuid, &st));
    t->beat_at = app_now_s() + BEAT_S;
    /* the host's own copy of the world along the same clock, for the instructor's grid */
    if (app_drill_step_to(&t->d, st.t, MAX_STEPS_PER_BEAT, h->err, sizeof h->err))
        return -1;
    return host_team_grid(h, app_now_s());
}

void host_team_set_clock(host_team *t, int paused, double speed)
{
    t->beat_at = 0;   /* the seats hear the change at once */
    double clock = host_team_clock(t), now = app_now_s();
    t->paused = paused;
    t->paused_at = now;
    t->speed = speed;
    t->opened = now - (speed > 0 ? clock / pace(t) : 0);
}

int host_team_take(host *h, host_seat *s, int proposal, const sim_action *in, char *why, int whylen)
{
    host_team *t = h->team;
    sim_action a = *in;
    double clock = host_team_clock(t);
    if ((double)a.t < clock)
        a.t = clock < (double)t->d.scn.duration ? (sim_time)clock : t->d.scn.duration;   /* the host's clock */
    if (a.t < t->last_t)
        a.t = t->last_t;   /* the log's order is the host's: nothing goes before what was accepted already */
    int rc = t->closed ? (snprintf(why, (size_t)whylen, "the team drill is closed"), APP_EXIT_USAGE)
                       : app_drill_check(&t->d, &a, 1, proposal, t->last_t, why, whylen);
    int seq = t->accepted;
    if (rc == APP_EXIT_OK && s && remember(h, s, proposal, seq)) {
        snprintf(why, (size_t)whylen, "%s", h->err);
        return APP_EXIT_STORAGE;
    }
    if (rc == APP_EXIT_OK)
        rc = app_drill_take(&t->d, &a, why, whylen);
    if (rc)
        return rc;
    t->last_t = a.t;
    t->accepted++;
    snprintf(t->last, sizeof t->last, "%s", sim_action_type_name(a.type));
    if (s) {
        s->accepted++;
        snprintf(s->last, sizeof s->last, "%s", sim_action_type_name(a.type));
    }
    publish(h, CLS_ACTION, cls_msg_action(t->ses.uuid, seq, &a));
    return APP_EXIT_OK;
}

static int propose(host *h, host_seat *s, const cls_msg *m)
{
    host_team *t = h->team;
    char why[512];
    int seen = handle_once(s, m->seq);
    if (seen) {
        t->duplicates += seen > 0;
        if (seen < 0)
            snprintf(h->err, sizeof h->err, "out of memory");
        return seen < 0 ? -1 : 0;
    }
    int role = score_plan_group_role(t->d.plan, score_plan_group_find(t->d.plan, s->group));
    if ((int)m->action->role != role) {
        t->foreign_role++;
        fprintf(stderr, "yqdrill host: refused: %s (group %s) proposed a %s action as %s; the seat acts as %s\n",
                s->trainee, s->group, sim_action_type_name(m->action->type), sim_role_name(m->action->role),
                sim_role_name((sim_role)role));
        return remember(h, s, m->seq, -1);
    }
    int rc = host_team_take(h, s, m->seq, m->action, why, sizeof why);
    if (rc == APP_EXIT_STORAGE) {
        snprintf(h->err, sizeof h->err, "%s", why);
        return -1;
    }
    if (rc) {
        t->invalid++;
        fprintf(stderr, "yqdrill host: refused: %s (group %s), proposal %d: %s\n", s->trainee, s->group, m->seq, why);
        return remember(h, s, m->seq, -1);
    }
    return 0;
}

/* To the station asking (m) for seat s: how many of the seat's proposals, from the first, the host has handled
 * (0 for a seat not yet taken). A station taking over a seat after a restart numbers its proposals on from there. */
static void receipt(host *h, const cls_msg *m, const host_seat *s)
{
    int n = 0;
    while (s && n < s->cap && s->handled[n])
        n++;
    publish(h, CLS_DONE, cls_msg_done(m->ses.uuid, m->ses.trainee, m->group, n));
}

/* A seat asking: the header (from -1), or the log from seq `from` on and the scorecard once closed. */
static int resync(host *h, int from)
{
    host_team *t = h->team;
    if (from < 0) {
        publish(h, CLS_SESSION, cls_msg_session(&t->ses));
        return 0;
    }
    sim_action *a = NULL;
    int n = 0;
    if (store_actions_load(h->db, t->d.session, &a, &n, h->err, sizeof h->err))
        return -1;
    for (int i = from; i < n; i++)
        publish(h, CLS_ACTION, cls_msg_action(t->ses.uuid, i, &a[i]));
    store_actions_free(a, n);
    if (!t->closed)
        return 0;
    store_session ses;
    char *card = store_session_get(h->db, t->d.session, &ses, h->err, sizeof h->err)
                     ? NULL
                     : store_scorecard(h->db, t->d.session, h->err, sizeof h->err);
    if (!card)
        return -1;
    publish(h, CLS_END, cls_msg_end(&ses, card));
    free(card);
    return 0;
}

int host_team_hear(host *h, const cls_msg *m)
{
    host_seat *s = m->kind == CLS_RESYNC && m->seq < 0 ? NULL : seat_for(h, m);   /* a seat once it has the header */
    if (s)
        s->heard_at = app_now_s();
    if (m->kind == CLS_RESYNC) {
        receipt(h, m, s ? s : seat_find(h->team, m->ses.trainee, m->group));
        return resync(h, m->seq);
    }
    if (!s) {
        h->refused[CLS_FOREIGN]++;
        fprintf(stderr, "yqdrill host: refused: station %s as %s in group %s (another seat's station, or no such "
                        "group in the plan)\n", m->ses.uuid, m->ses.trainee, m->group);
        return 0;
    }
    if (m->kind == CLS_PROPOSE && propose(h, s, m))
        return -1;
    if (m->kind == CLS_DONE)
        s->done = m->seq;
    return maybe_close(h);
}

/* The team total's lines per plan group, stored with the team session's scorecard. 0, or -1 with err set. */
static int store_group_lines(host_team *t, char *err, int errlen)
{
    int n = score_plan_groups(t->d.plan);
    double points[n > 0 ? n : 1], max[n > 0 ? n : 1];
    store_group_line g[n > 0 ? n : 1];
    score_card_groups(t->d.plan, &t->d.card, points, max);
    for (int i = 0; i < n; i++) {
        snprintf(g[i].group, sizeof g[i].group, "%s", score_plan_group_id(t->d.plan, i));
        g[i].points = points[i];
        g[i].max = max[i];
    }
    return store_groups_put(t->d.db, t->d.session, g, n, err, errlen);
}

int host_team_close(host *h)
{
    host_team *t = h->team;
    if (t->closed)
        return 0;
    if (app_drill_finish(&t->d, h->err, sizeof h->err) || store_group_lines(t, h->err, sizeof h->err) ||
        store_session_get(h->db, t->d.session, &t->ses, h->err, sizeof h->err))
        return -1;
    t->closed = 1;
    h->finished++;
    if (!h->json)
        printf("team drill closed: %d actions, total %.1f\n", t->accepted, t->d.card.total);
    return resync(h, t->accepted);
}

void host_team_print(const host *h, FILE *out)
{
    const host_team *t = h->team;
    const score_plan *p = t->d.plan;
    int n = score_plan_groups(p);
    double points[n > 0 ? n : 1], max[n > 0 ? n : 1];
    if (t->closed)
        score_card_groups(p, &t->d.card, points, max);
    if (h->json) {
        fprintf(out, "{\"team\": {\"uuid\": \"%s\", \"seats\": %d, \"accepted\": %d, \"duplicates\": %d, "
                     "\"foreign_role\": %d, \"invalid\": %d, \"resumed\": %d, \"closed\": %s",
                t->ses.uuid, t->n_seats, t->accepted, t->duplicates, t->foreign_role, t->invalid, t->resumed,
                t->closed ? "true" : "false");
        if (t->closed) {
            fprintf(out, ", \"world_hash\": \"%016llx\", \"total\": %.2f, \"groups\": [",
                    (unsigned long long)t->ses.world_hash, t->d.card.total);
            for (int g = 0; g < n; g++)
                fprintf(out, "%s{\"group\": \"%s\", \"points\": %.2f, \"max\": %.2f}", g ? ", " : "",
                        score_plan_group_id(p, g), points[g], max[g]);
            fprintf(out, "]");
        }
        fprintf(out, "}}\n");
        return;
    }
    fprintf(out, "team drill %s: %d seats, %d actions accepted (%d duplicates ignored), refused %d of another "
                 "group's role, %d invalid\n", t->ses.uuid, t->n_seats, t->accepted, t->duplicates, t->foreign_role,
            t->invalid);
    if (!t->closed)
        return;
    fprintf(out, "team total %.1f (world %016llx)\n", t->d.card.total, (unsigned long long)t->ses.world_hash);
    for (int g = 0; g < n; g++)
        fprintf(out, "  %-14s %5.1f / %.1f (process steps)\n", score_plan_group_id(p, g), points[g], max[g]);
}
