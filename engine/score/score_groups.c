/* score_groups.c — the plan's organisation as a team drill sees it: its groups (id, the drill role acting
 * for each) and a graded card's process-step points gathered per group. */
#include "score_internal.h"

#include <string.h>

#define STEP_PREFIX "process.step."

int score_plan_groups(const score_plan *p)
{
    return p->n_groups;
}

const char *score_plan_group_id(const score_plan *p, int i)
{
    return i >= 0 && i < p->n_groups ? p->groups[i].id : NULL;
}

int score_plan_group_find(const score_plan *p, const char *id)
{
    for (int i = 0; i < p->n_groups; i++)
        if (strcmp(p->groups[i].id, id) == 0)
            return i;
    return -1;
}

const sim_text *score_plan_group_title(const score_plan *p, int i)
{
    return i >= 0 && i < p->n_groups ? &p->groups[i].title : NULL;
}

int score_plan_group_role(const score_plan *p, int i)
{
    return i >= 0 && i < p->n_groups ? p->groups[i].role : -1;
}

/* The group index of the step a card line grades, or -1 (not a step line, or a step no group owns). */
static int line_group(const score_plan *p, const char *line_id)
{
    if (strncmp(line_id, STEP_PREFIX, strlen(STEP_PREFIX)) != 0)
        return -1;
    const char *step = line_id + strlen(STEP_PREFIX);
    for (int s = 0; s < p->n_steps; s++)
        if (p->steps[s].group && strcmp(p->steps[s].h.id, step) == 0)
            return score_plan_group_find(p, p->steps[s].group);
    return -1;
}

void score_card_groups(const score_plan *p, const score_card *c, double *points, double *max)
{
    for (int g = 0; g < p->n_groups; g++)
        points[g] = max[g] = 0.0;
    for (int i = 0; i < c->n_lines; i++) {
        int g = line_group(p, c->lines[i].id);
        if (g >= 0) {
            points[g] += c->lines[i].points;
            max[g] += c->lines[i].max;
        }
    }
}
