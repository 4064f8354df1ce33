/* cmd_class.c — a class's records: `class` summarises graded sessions per drill (scenario and plan) on
 * each trainee's latest and best attempt with what to teach next; `growth` follows one trainee over time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "paths.h"
#include "commands.h"
#include "run_modes.h"
#include "term_safe.h"
#include "report/report.h"

/* The graded sessions of a class: parallel arrays, oldest first. */
typedef struct graded {
    store_session *ses;
    score_card *cards;
    store_rating **ratings;   /* each session's observers' ratings */
    int *n_ratings;
    report_entry *e;
    int n;
} graded;

static void graded_free(graded *g)
{
    for (int i = 0; i < g->n; i++) {
        score_card_free(&g->cards[i]);
        store_ratings_free(g->ratings[i], g->n_ratings[i]);
    }
    free(g->ses);
    free(g->cards);
    free(g->ratings);
    free(g->n_ratings);
    free(g->e);
    memset(g, 0, sizeof *g);
}

/* Finished sessions matching the filters (NULL: any), with their cards, in the order they were played. */
static int graded_load(store *db, const char *scenario, const char *trainee, graded *g)
{
    memset(g, 0, sizeof *g);
    store_session *list = NULL;
    int n = 0;
    char err[512];
    if (store_sessions_list(db, &list, &n, err, sizeof err)) {
        fprintf(stderr, "yqdrill: %s\n", err);
        return APP_EXIT_STORAGE;
    }
    g->ses = calloc((size_t)n + 1, sizeof *g->ses);
    g->cards = calloc((size_t)n + 1, sizeof *g->cards);
    g->e = calloc((size_t)n + 1, sizeof *g->e);
    g->ratings = calloc((size_t)n + 1, sizeof *g->ratings);
    g->n_ratings = calloc((size_t)n + 1, sizeof *g->n_ratings);
    if (!g->ses || !g->cards || !g->e || !g->ratings || !g->n_ratings) {
        fprintf(stderr, "yqdrill: out of memory\n");
        free(list);
        graded_free(g);
        return APP_EXIT_STORAGE;
    }
    /* the list is newest first (by id); walk it backwards, then order by start time */
    for (int i = n - 1; i >= 0; i--) {
        const store_session *s = &list[i];
        if (!s->finished || (scenario && strcmp(s->scenario, scenario) != 0) ||
            (trainee && strcmp(s->trainee, trainee) != 0))
            continue;
        int k = g->n;
        while (k > 0 && strcmp(g->ses[k - 1].started, s->started) > 0)
            k--;
        memmove(&g->ses[k + 1], &g->ses[k], sizeof *g->ses * (size_t)(g->n - k));
        g->ses[k] = *s;
        g->n++;
    }
    free(list);
    for (int i = 0; i < g->n; i++) {
        int rc = app_load_card(db, &g->ses[i], &g->cards[i]);
        if (rc == APP_EXIT_OK && store_rating_list(db, g->ses[i].id, &g->ratings[i], &g->n_ratings[i], err, sizeof err)) {
            fprintf(stderr, "yqdrill: %s\n", err);
            score_card_free(&g->cards[i]);
            rc = APP_EXIT_STORAGE;
        }
        if (rc) {
            g->n = i;
            graded_free(g);
            return rc;
        }
        g->e[i] = (report_entry){.ses = &g->ses[i], .card = &g->cards[i], .ratings = g->ratings[i],
                                 .n_ratings = g->n_ratings[i]};
    }
    return APP_EXIT_OK;
}

static void print_view(const report_class *c, const char *what)
{
    printf("  %s: totals min / median / max %.1f / %.1f / %.1f\n", what, c->totals.min, c->totals.median, c->totals.max);
}

static void print_group(const report_group *g, const char *lang)
{
    char id[STORE_ID_MAX + 1];
    printf("\n%s", app_term_safe(g->scenario, id, sizeof id));
    printf(" · %s: %d graded sessions, %d trainees\n", app_term_safe(g->plan_title ? g->plan_title : g->plan, id,
           sizeof id), g->n, g->latest.n_trainees);
    print_view(&g->latest, "latest");
    print_view(&g->best, "best");
    printf("  %-24s %8s %7s %7s %6s\n", "trainee", "attempts", "latest", "best", "lost");
    for (int i = 0; i < g->latest.n_trainees; i++) {
        const report_trainee *t = &g->latest.trainees[i];
        double best = t->entry->card->total;
        for (int k = 0; k < g->best.n_trainees; k++)
            if (strcmp(g->best.trainees[k].trainee, t->trainee) == 0)
                best = g->best.trainees[k].entry->card->total;
        printf("  ");
        app_print_padded(stdout, t->trainee, 24);
        printf(" %8d %7.1f %7.1f %6d\n", t->attempts, t->entry->card->total, best, t->mistakes);
    }
    printf("  what to teach next (trainees who lost points on the line, latest attempts):\n");
    if (!g->latest.n_teach)
        printf("    none\n");
    for (int i = 0; i < g->latest.n_teach; i++) {
        const report_line_stats *l = &g->latest.lines[g->latest.teach[i]];
        const char *title = lang && strcmp(lang, "en") == 0 && l->title_en && l->title_en[0] ? l->title_en : l->title;
        printf("    %-32s %d/%d  %s\n", l->id, l->lost, l->n, title ? title : "");
    }
}

static void print_summary(const report_group *g, int n_groups, int n_sessions, const char *scenario, const char *lang)
{
    printf("class summary: %d graded sessions in %d drill%s, scenario %s\n", n_sessions, n_groups,
           n_groups == 1 ? "" : "s", scenario ? scenario : "(all)");
    for (int i = 0; i < n_groups; i++)
        print_group(&g[i], lang);
}

/* The summary as JSON on stdout (the text summary's place). */
static int print_json(const report_group *g, int n_groups, const char *scenario, const report_words *w)
{
    char *text = report_class_json(g, n_groups, scenario, w);
    if (!text) {
        fprintf(stderr, "yqdrill: out of memory\n");
        return APP_EXIT_STORAGE;
    }
    printf("%s\n", text);
    free(text);
    return APP_EXIT_OK;
}

/* The plans' titles for the groups (the id stays when the plan file cannot be read). */
static void name_plans(report_group *g, int n, const char *lang, score_plan **plans)
{
    for (int i = 0; i < n; i++) {
        char path[4096], name[512], err[512];
        snprintf(name, sizeof name, "%s.json", g[i].plan);
        plans[i] = NULL;
        if (g[i].plan[0] && score_plan_load(app_path(path, sizeof path, "scenarios/plans", name), &plans[i], err,
                                            sizeof err) == 0)
            g[i].plan_title = score_plan_title(plans[i], lang ? lang : "zh");
    }
}

/* Open the database and the report's words shared by class and growth. */
static int open_both(const char *save, const char *lang, store **db, report_words **words)
{
    *words = app_report_words(lang);
    if (!*words)
        return APP_EXIT_USAGE;
    int rc = app_open_db(save, db);
    if (rc) {
        report_words_free(*words);
        *words = NULL;
    }
    return rc;
}

int app_cmd_class(int argc, char **argv)
{
    const char *out;
    if (app_output_option(&argc, argv, &out))
        return APP_EXIT_USAGE;
    app_opt opts[] = {{"--save", 1, NULL}, {"--scenario", 1, NULL}, {"--lang", 1, NULL}, {"--json", 0, NULL}};
    const int n_opts = (int)(sizeof opts / sizeof opts[0]);
    const char *pos[1];
    if (app_args_parse(argc, argv, opts, n_opts, pos, 0) < 0) {
        fprintf(stderr, "usage: yqdrill class [--scenario ID] [--save DB] [-o FILE.pdf|.json|.xlsx|.csv] [--json] [--lang zh|en]\n");
        return APP_EXIT_USAGE;
    }
    const char *scenario = app_opt_get(opts, n_opts, "--scenario");
    store *db;
    report_words *words;
    int rc = open_both(app_opt_get(opts, n_opts, "--save"), app_opt_get(opts, n_opts, "--lang"), &db, &words);
    if (rc)
        return rc;
    graded g;
    rc = graded_load(db, scenario, NULL, &g);
    report_group *groups = NULL;
    int n_groups = 0;
    score_plan **plans = NULL;
    char err[512];
    const char *lang = app_opt_get(opts, n_opts, "--lang");
    if (!rc && g.n == 0) {
        fprintf(stderr, "yqdrill class: no graded session%s%s\n", scenario ? " of scenario " : "", scenario ? scenario : "");
        rc = APP_EXIT_USAGE;
    }
    if (!rc && (report_groups_build(g.e, g.n, &groups, &n_groups) ||
                !(plans = calloc((size_t)n_groups + 1, sizeof *plans)))) {
        fprintf(stderr, "yqdrill: out of memory\n");
        rc = APP_EXIT_STORAGE;
    } else if (!rc) {
        name_plans(groups, n_groups, lang, plans);
        int json = app_opt_get(opts, n_opts, "--json") != NULL;
        if (json)
            rc = print_json(groups, n_groups, scenario, words);
        else
            print_summary(groups, n_groups, g.n, scenario, lang);
        if (!rc && out && report_class_write(groups, n_groups, scenario, words, out, err, sizeof err)) {
            fprintf(stderr, "yqdrill: %s\n", err);
            rc = APP_EXIT_STORAGE;
        } else if (!rc && out && !json) {
            printf("\nclass summary written to %s\n", out);
        }
    }
    for (int i = 0; plans && i < n_groups; i++)
        score_plan_free(plans[i]);
    free(plans);
    report_groups_free(groups, n_groups);
    graded_free(&g);
    rc = app_close_db(db, rc);
    report_words_free(words);
    report_shutdown();
    return rc;
}

static void print_growth(const char *trainee, const graded *g)
{
    char name[STORE_NAME_MAX * 4 + 1];
    printf("growth of %s: %d graded sessions, oldest first\n", app_term_safe(trainee, name, sizeof name), g->n);
    printf("%-5s %-20s %-18s %6s", "id", "started", "scenario", "total");
    for (int k = 0; k < SCORE_COMPETENCY_COUNT; k++)
        printf(" %10s", score_competency_name((score_competency)k));
    printf("\n");
    for (int i = 0; i < g->n; i++) {
        const score_card *c = &g->cards[i];
        char scenario[STORE_ID_MAX + 1];
        printf("%-5lld %-20s %-18s %6.1f", (long long)g->ses[i].id, g->ses[i].started,
               app_term_safe(g->ses[i].scenario, scenario, sizeof scenario), c->total);
        for (int k = 0; k < SCORE_COMPETENCY_COUNT; k++)
            if (c->competencies[k] < 0)
                printf(" %10s", "-");
            else
                printf(" %10.1f", c->competencies[k]);
        printf("\n");
    }
    /* first against latest, drill by drill (scenario and plan): different drills are never compared */
    for (int i = 0; i < g->n; i++) {
        int first = 0, latest = i, attempts = 0;
        while (strcmp(g->ses[first].scenario, g->ses[i].scenario) != 0 || strcmp(g->ses[first].plan, g->ses[i].plan) != 0)
            first++;
        if (first != i)
            continue;
        for (int k = i; k < g->n; k++)
            if (strcmp(g->ses[k].scenario, g->ses[i].scenario) == 0 && strcmp(g->ses[k].plan, g->ses[i].plan) == 0) {
                latest = k;
                attempts++;
            }
        char scenario[STORE_ID_MAX + 1];
        if (attempts > 1)
            printf("%s: first to latest of %d attempts: total %+.1f\n", app_term_safe(g->ses[i].scenario, scenario, sizeof scenario),
                   attempts, g->cards[latest].total - g->cards[first].total);
    }
}

int app_cmd_growth(int argc, char **argv)
{
    const char *out;
    if (app_output_option(&argc, argv, &out))
        return APP_EXIT_USAGE;
    app_opt opts[] = {{"--save", 1, NULL}, {"--lang", 1, NULL}};
    const int n_opts = (int)(sizeof opts / sizeof opts[0]);
    const char *pos[1];
    if (app_args_parse(argc, argv, opts, n_opts, pos, 1) != 1) {
        fprintf(stderr, "usage: yqdrill growth TRAINEE [--save DB] [-o FILE.pdf|.json] [--lang zh|en]\n");
        return APP_EXIT_USAGE;
    }
    store *db;
    report_words *words;
    int rc = open_both(app_opt_get(opts, n_opts, "--save"), app_opt_get(opts, n_opts, "--lang"), &db, &words);
    if (rc)
        return rc;
    graded g;
    char err[512];
    rc = graded_load(db, NULL, pos[0], &g);
    if (!rc && g.n == 0) {
        fprintf(stderr, "yqdrill growth: no graded session of trainee \"%s\"\n", pos[0]);
        rc = APP_EXIT_USAGE;
    }
    if (!rc) {
        print_growth(pos[0], &g);
        if (out && report_growth_write(pos[0], g.e, g.n, words, out, err, sizeof err)) {
            fprintf(stderr, "yqdrill: %s\n", err);
            rc = APP_EXIT_STORAGE;
        } else if (out) {
            printf("growth written to %s\n", out);
        }
    }
    graded_free(&g);
    rc = app_close_db(db, rc);
    report_words_free(words);
    report_shutdown();
    return rc;
}
