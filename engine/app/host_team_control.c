/* host_team_control.c — the instructor's controls in a team drill: world-changing ones taken into the team's
 * accepted log (every seat replays them in lockstep), the others set the team's clock or close the drill. */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "host_team.h"

/* The control carried out (seq: the action it became in the team's log, -1 none). */
static void answer(host *h, const cls_control *c, int seq)
{
    h->controls++;
    if (h->json)
        printf("{\"control\": %d, \"op\": \"%s\", \"to\": \"team\", \"seq\": %d}\n", h->controls,
               cls_op_names[c->op], seq);
    else if (seq >= 0)
        printf("control %d: %s, action %d of the team's log\n", h->controls, cls_op_names[c->op], seq);
    else
        printf("control %d: %s of the team's clock\n", h->controls, cls_op_names[c->op]);
}

int host_team_control(host *h, const cls_control *c)
{
    host_team *t = h->team;
    sim_action a;
    char note[64], why[512];
    if (cls_control_effect(c, t->last_t, SIM_ROLE_COMMAND, &a, note, sizeof note)) {
        int seq = t->accepted, rc = host_team_take(h, NULL, 0, &a, why, sizeof why);
        if (rc == APP_EXIT_STORAGE) {
            snprintf(h->err, sizeof h->err, "%s", why);
            return -1;
        }
        if (rc)
            fprintf(stderr, "yqdrill host: team control %s refused: %s\n", cls_op_names[c->op], why);
        else
            answer(h, c, seq);
        return 0;
    }
    if (t->closed) {
        fprintf(stderr, "yqdrill host: team control %s refused: the team drill is closed\n", cls_op_names[c->op]);
        return 0;
    }
    if (store_note_add(h->db, t->d.session, t->last_t, "instructor", note, NULL, h->err, sizeof h->err))
        return -1;
    if (c->op == CLS_OP_END) {
        answer(h, c, -1);
        return host_team_close(h);
    }
    host_team_set_clock(t, c->op == CLS_OP_PAUSE || (t->paused && c->op == CLS_OP_SPEED),
                        c->op == CLS_OP_SPEED ? c->speed : t->speed);
    answer(h, c, -1);
    return 0;
}
