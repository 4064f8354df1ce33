/* host_injects.c — the scenario injects the instructor's window offers for a station: each scenario loaded once
 * per host run (the team drill's from its own drill), its injects listed in their order. */
#include "host.h"
#include "host_team.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paths.h"

typedef struct host_scenario {
    sim_scenario scn;
    ui_inject_info *infos;
} host_scenario;

static int list_of(const sim_scenario *scn, ui_inject_info **out)
{
    *out = calloc((size_t)scn->n_injects + 1, sizeof **out);
    if (!*out)
        return -1;
    for (int i = 0; i < scn->n_injects; i++)
        (*out)[i] = (ui_inject_info){scn->injects[i].id, &scn->injects[i].source, &scn->injects[i].text,
                                     scn->injects[i].at};
    return 0;
}

int host_injects(host *h, const char *scenario, const ui_inject_info **out, int *n, char *err, int errlen)
{
    if (h->team && strcmp(h->team->d.scn.id, scenario) == 0) {
        if (!h->team_injects && list_of(&h->team->d.scn, &h->team_injects)) {
            snprintf(err, (size_t)errlen, "out of memory");
            return -1;
        }
        *out = h->team_injects;
        *n = h->team->d.scn.n_injects;
        return 0;
    }
    for (int i = 0; i < h->n_scns; i++)
        if (strcmp(h->scns[i].scn.id, scenario) == 0) {
            *out = h->scns[i].infos;
            *n = h->scns[i].scn.n_injects;
            return 0;
        }
    char dir[4096];
    if (!store_id_ok(scenario)) {
        snprintf(err, (size_t)errlen, "%s: not a scenario id", scenario);
        return -1;
    }
    host_scenario *a = realloc(h->scns, (size_t)(h->n_scns + 1) * sizeof *a);
    if (!a) {
        snprintf(err, (size_t)errlen, "out of memory");
        return -1;
    }
    h->scns = a;
    host_scenario *hs = &a[h->n_scns];
    scn_script *script = NULL;
    scn_problems probs = {0};
    sim_scenario_init(&hs->scn);
    int rc = scn_load(app_path(dir, sizeof dir, "scenarios", scenario), 1, &hs->scn, &script, &probs);
    scn_free(script);
    if (rc && probs.count)
        snprintf(err, (size_t)errlen, "%s:%d: %s", probs.items[0].file, probs.items[0].line, probs.items[0].msg);
    else if (rc)
        snprintf(err, (size_t)errlen, "scenario %s cannot be loaded", scenario);
    scn_problems_free(&probs);
    if (!rc && list_of(&hs->scn, &hs->infos)) {
        snprintf(err, (size_t)errlen, "out of memory");
        rc = -1;
    }
    if (rc) {
        sim_scenario_free(&hs->scn);
        return -1;
    }
    h->n_scns++;
    *out = hs->infos;
    *n = hs->scn.n_injects;
    return 0;
}

void host_injects_free(host *h)
{
    for (int i = 0; i < h->n_scns; i++) {
        sim_scenario_free(&h->scns[i].scn);
        free(h->scns[i].infos);
    }
    free(h->scns);
    free(h->team_injects);
}
