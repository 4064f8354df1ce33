/* cmd_scenarios.c — `yqdrill list` (scenarios with titles, simulated span, real minutes at 1×), `yqdrill check PATH...`
 * (every problem as file:line: message; exit 0 only when all are valid), and opening one scenario for a command. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "args.h"
#include "commands.h"
#include "list_cache.h"
#include "paths.h"
#include "score/score.h"
#include "script/script.h"

int app_scenario_open(const char *arg, sim_scenario *s, scn_script **sc)
{
    char dir[4096];
    scn_problems probs = {0};
    int rc = scn_load(app_scenario_dir(arg, dir, sizeof dir), 1, s, sc, &probs);
    scn_problems_print(&probs, stderr);
    scn_problems_free(&probs);
    return rc ? APP_EXIT_SCENARIO : APP_EXIT_OK;
}

/* A scenario's line of the listing into buf; 0, or -1 when the scenario does not load. */
static int list_line(const char *dir, const char *id, const char *lang, char *buf, size_t n)
{
    sim_scenario s;
    scn_script *sc = NULL;
    scn_problems probs = {0};
    sim_scenario_init(&s);
    int rc = scn_load(dir, 1, &s, &sc, &probs) == 0 ? 0 : -1;
    if (rc == 0) {
        /* The simulated span and, apart, the real minutes it takes at 1× (time_scale simulated minutes each). */
        char from[32] = "";
        if (s.starts_at != SIM_NEVER)
            snprintf(from, sizeof from, ", from %02d:%02d", (int)(s.starts_at / 3600), (int)(s.starts_at / 60 % 60));
        snprintf(buf, n, "%-22s %s  [%s, %d/5, %d:%02d h simulated%s, %.0f min at 1x]", id, sim_text_get(&s.title, lang),
                 s.domain ? s.domain : "", s.difficulty, (int)(s.duration / 3600), (int)(s.duration / 60 % 60), from,
                 (double)s.duration / 60.0 / (s.time_scale > 0 ? s.time_scale : 1.0));
    }
    scn_free(sc);
    sim_scenario_free(&s);
    scn_problems_free(&probs);
    return rc;
}

int app_cmd_list(int argc, char **argv)
{
    app_opt opts[] = {{"--lang", 1, NULL}};
    const char *pos[1];
    if (app_args_parse(argc, argv, opts, 1, pos, 0) < 0)
        return APP_EXIT_USAGE;
    const char *lang = opts[0].value && strcmp(opts[0].value, "en") == 0 ? "en" : "zh";
    char root[4096], dir[8192], cache_dir[4096], cache_path[4200], line[2048], msg[256];
    char **ids = NULL;
    int n = 0;
    if (scn_list(app_path(root, sizeof root, "scenarios", NULL), &ids, &n)) {
        fprintf(stderr, "yqdrill list: cannot read %s\n", root);
        return APP_EXIT_USAGE;
    }
    /* Lines listed before, by content hash: only scenarios whose files changed are loaded again. */
    app_path(cache_dir, sizeof cache_dir, "saves", "cache");
    snprintf(cache_path, sizeof cache_path, "%s/list-%s-%s.tsv", cache_dir, lang, YQ_VERSION);
    app_list_cache cache;
    if (app_list_cache_load(cache_path, &cache)) {
        fprintf(stderr, "yqdrill list: out of memory\n");
        scn_list_free(ids, n);
        return APP_EXIT_USAGE;
    }
    int rc = APP_EXIT_OK, cache_ok = 1;
    for (int i = 0; i < n; i++) {
        snprintf(dir, sizeof dir, "%s/%s", root, ids[i]);
        uint64_t hash = 0;
        int hashed = scn_content_hash(dir, &hash, msg, sizeof msg) == 0;
        const char *kept = hashed ? app_list_cache_get(&cache, ids[i], hash) : NULL;
        if (kept) {
            puts(kept);
        } else if (list_line(dir, ids[i], lang, line, sizeof line) == 0) {
            puts(line);
            if (hashed && app_list_cache_put(&cache, ids[i], hash, line))
                cache_ok = 0;   /* out of memory: the listing is right, the cache is not written */
        } else {
            printf("%-22s (invalid: run yqdrill check %s)\n", ids[i], ids[i]);
            rc = APP_EXIT_SCENARIO;
        }
    }
    /* A cache that cannot be written (a read-only installation) only makes the next listing slower. */
    if (cache_ok && cache.changed && (mkdir(cache_dir, 0755) == 0 || errno == EEXIST))
        app_list_cache_save(cache_path, &cache);
    app_list_cache_free(&cache);
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

/* scenario { deadlines = { ... } } may only name deadlines of the scenario's plan (a plan that
 * cannot be read adds no problem here). */
static void check_deadline_ids(const sim_scenario *s, scn_problems *probs, void *ctx)
{
    const char *dir = ctx;
    if (s->n_deadlines == 0)
        return;
    char path[8192], err[512];
    score_plan *p = NULL;
    if (score_plan_load(plan_file(dir, s->plan, path, sizeof path), &p, err, sizeof err) != 0)
        return;
    for (int i = 0; i < s->n_deadlines; i++)
        if (!score_plan_deadline_known(p, s->deadlines[i].id))
            scn_problems_add(probs, s->path, s->deadlines[i].line,
                             "scenario: deadlines.%s: plan '%s' has no deadline '%s'", s->deadlines[i].id,
                             score_plan_id(p), s->deadlines[i].id);
    score_plan_free(p);
}

int app_check_scenario(const char *path, const char *dir, scn_problems *probs)
{
    return scn_check_with(path, probs, check_deadline_ids, (void *)dir);
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
