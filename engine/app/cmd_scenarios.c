/* cmd_scenarios.c — `yqdrill list` (scenarios with titles) and `yqdrill check PATH...`
 * (every problem as file:line: message; exit 0 only when all are valid). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "args.h"
#include "commands.h"
#include "paths.h"
#include "score/score.h"
#include "script/script.h"

int app_cmd_list(int argc, char **argv)
{
    app_opt opts[] = {{"--lang", 1, NULL}};
    const char *pos[1];
    if (app_args_parse(argc, argv, opts, 1, pos, 0) < 0)
        return APP_EXIT_USAGE;
    const char *lang = opts[0].value ? opts[0].value : "zh";
    char root[4096], dir[8192];
    char **ids = NULL;
    int n = 0;
    if (scn_list(app_path(root, sizeof root, "scenarios", NULL), &ids, &n)) {
        fprintf(stderr, "yqdrill list: cannot read %s\n", root);
        return APP_EXIT_USAGE;
    }
    int rc = APP_EXIT_OK;
    for (int i = 0; i < n; i++) {
        sim_scenario s;
        scn_script *sc = NULL;
        scn_problems probs = {0};
        sim_scenario_init(&s);
        snprintf(dir, sizeof dir, "%s/%s", root, ids[i]);
        if (scn_load(dir, 1, &s, &sc, &probs) == 0) {
            printf("%-22s %s  [%s, %d/5, %.0f min]\n", ids[i], sim_text_get(&s.title, lang), s.domain ? s.domain : "",
                   s.difficulty, (double)s.duration / 60.0 / (s.time_scale > 0 ? s.time_scale : 1.0));
        } else {
            printf("%-22s (invalid: run yqdrill check %s)\n", ids[i], ids[i]);
            rc = APP_EXIT_SCENARIO;
        }
        scn_free(sc);
        sim_scenario_free(&s);
        scn_problems_free(&probs);
    }
    scn_list_free(ids, n);
    return rc;
}

/* The plan a scenario folder is graded against: plans/<plan>.json beside the folder when there is one
 * (a scenario tree of its own), else the installed scenarios/plans/<plan>.json. */
static const char *plan_file(const char *dir, const char *plan, char *buf, size_t n)
{
    char name[512];
    snprintf(name, sizeof name, "%s.json", plan ? plan : "general");
    if ((size_t)snprintf(buf, n, "%s/../plans/%s", dir, name) < n && access(buf, R_OK) == 0)
        return buf;
    return app_path(buf, n, "scenarios/plans", name);
}

/* scenario { deadlines = { ... } } may only name deadlines of the scenario's plan. Returns the number
 * of problems added; a scenario that does not load or a plan that cannot be read adds none here.
 * `path` is the folder or a scenario file inside `dir`. */
static int check_deadline_ids(const char *path, const char *dir, scn_problems *probs)
{
    sim_scenario s;
    scn_script *sc = NULL;
    scn_problems quiet = {0};
    int bad = 0;
    if (scn_load(path, 1, &s, &sc, &quiet) == 0 && s.n_deadlines > 0) {
        char path[8192], err[512];
        score_plan *p = NULL;
        if (score_plan_load(plan_file(dir, s.plan, path, sizeof path), &p, err, sizeof err) == 0) {
            for (int i = 0; i < s.n_deadlines; i++) {
                if (score_plan_deadline_known(p, s.deadlines[i].id))
                    continue;
                scn_problems_add(probs, s.path, s.deadlines[i].line,
                                 "scenario: deadlines.%s: plan '%s' has no deadline '%s'", s.deadlines[i].id,
                                 score_plan_id(p), s.deadlines[i].id);
                bad++;
            }
            score_plan_free(p);
        }
    }
    scn_free(sc);
    sim_scenario_free(&s);
    scn_problems_free(&quiet);
    return bad;
}

int app_check_scenario(const char *path, const char *dir, scn_problems *probs)
{
    int n = scn_check(path, probs);
    return n + check_deadline_ids(path, dir, probs);
}

int app_cmd_check(int argc, char **argv)
{
    const char *pos[256];
    int n = app_args_parse(argc, argv, NULL, 0, pos, 256);
    if (n <= 0) {
        fprintf(stderr, "usage: yqdrill check PATH...\n");
        return APP_EXIT_USAGE;
    }
    int bad = 0;
    for (int i = 0; i < n; i++) {
        char dir[4096];
        scn_problems probs = {0};
        app_scenario_dir(pos[i], dir, sizeof dir);
        if (app_check_scenario(dir, dir, &probs) > 0) {
            scn_problems_print(&probs, stdout);
            bad++;
        } else {
            printf("%s: ok\n", dir);
        }
        scn_problems_free(&probs);
    }
    return bad ? APP_EXIT_SCENARIO : APP_EXIT_OK;
}
