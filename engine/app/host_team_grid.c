/* host_team_grid.c — a team drill in the instructor's grid: a row for the team (the host's copy of its world along
 * the team's clock: time, warning level, heat, score so far, last action) and one per seat (trainee · group). */
#include <stdio.h>
#include <string.h>

#include "host_team.h"

#define GRADE_S 1.0       /* how often the team's score so far is worked out (grading is the costly part) */
#define SEAT_QUIET_S 3.0  /* a seat not heard for this long shows as not connected (its stations resync every second) */

int host_team_grid(host *h, double now)
{
    host_team *t = h->team;
    const sim_world *w = t->d.world;
    if (now - t->graded_at >= GRADE_S) {
        score_card card;
        char err[256];
        if (score_grade(t->d.plan, w, NULL, &card, err, sizeof err) == 0) {   /* outcome lines count at the end */
            t->score = card.total;
            score_card_free(&card);
        }
        t->graded_at = now;
    }
    cls_status st = {.t = w->now, .level = w->m.level, .heat = w->m.posts_per_hour, .score = t->score,
                     .n_actions = t->accepted, .paused = t->paused, .speed = t->speed};
    snprintf(st.last, sizeof st.last, "%s", t->last);
    int any = 0;
    for (int i = 0; i < t->n_seats; i++)
        any |= now - t->seats[i].heard_at < SEAT_QUIET_S;
    int rc = host_grid_set(h, t->ses.uuid, HOST_ROW_TEAM, HOST_TEAM, t->ses.scenario, &st, any);
    for (int i = 0; i < t->n_seats && !rc; i++) {
        const host_seat *s = &t->seats[i];
        char key[40], name[4 * STORE_NAME_MAX + HOST_TITLE_MAX + 8];
        snprintf(key, sizeof key, "seat-%d", i + 1);
        const sim_text *title = score_plan_group_title(t->d.plan, score_plan_group_find(t->d.plan, s->group));
        const char *group = title ? sim_text_get(title, h->lang) : NULL;
        snprintf(name, sizeof name, "%s · %s", s->trainee, group && strlen(group) <= HOST_TITLE_MAX ? group : s->group);
        st.n_actions = s->accepted;
        snprintf(st.last, sizeof st.last, "%s", s->last);
        rc = host_grid_set(h, key, HOST_ROW_SEAT, name, t->ses.scenario, &st, now - s->heard_at < SEAT_QUIET_S);
    }
    if (rc)
        snprintf(h->err, sizeof h->err, "out of memory");
    return rc;
}
