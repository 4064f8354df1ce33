/* bench_read.c — `yqdrill bench read`: the claims reader timed on what trainees really write — each
 * shipped drill's reference texts one by one, and a 5,000-character statement made of them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "lexicon_open.h"
#include "paths.h"
#include "script/script.h"
#include "sim/claims.h"
#include "store/store.h"
#include "monotonic.h"

#define LONG_CHARS 5000   /* characters of the long statement */
#define RUNS 31           /* timed reads of the long statement per drill; the median is reported */

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The reference texts joined until the statement holds LONG_CHARS characters; NULL without texts. */
static char *long_statement(const sim_action *acts, int n)
{
    size_t cap = LONG_CHARS * 4 + 1, used = 0;
    int chars = 0, any = 0;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    while (chars < LONG_CHARS) {
        for (int i = 0; i < n && chars < LONG_CHARS; i++) {
            const char *t = acts[i].text;
            for (size_t k = 0; t && t[k] && chars < LONG_CHARS;) {
                unsigned char c = (unsigned char)t[k];
                size_t l = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
                if (used + l >= cap)
                    break;
                memcpy(buf + used, t + k, l);
                used += l, k += l, chars++, any = 1;
            }
        }
        if (!any)
            break;
    }
    buf[used] = '\0';
    if (!any) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* Times one drill; returns 0, or -1 when it could not be loaded. */
static int bench_drill(const char *id, const sim_lexicon *lx, double *worst_median)
{
    char dir[4096], path[8192], err[512];
    sim_scenario s;
    scn_script *sc = NULL;
    if (scn_load(app_scenario_dir(id, dir, sizeof dir), 1, &s, &sc, NULL))
        return -1;
    snprintf(path, sizeof path, "%s/responses/reference.json", dir);
    store_response_meta meta;
    sim_action *acts = NULL;
    int n = 0, rc = -1;
    char *text = NULL;
    sim_reading *rd = malloc(sizeof *rd);
    if (!rd || store_response_read_file(path, &meta, &acts, &n, err, sizeof err) || !(text = long_statement(acts, n)))
        goto done;
    sim_truth truth = {NULL, s.duration};
    int texts = 0;
    double t0 = app_now_s();
    for (int i = 0; i < n; i++)
        if (acts[i].text && sim_read(acts[i].text, &s, lx, &truth, rd) == 0)
            texts++;
    double each_ms = texts ? (app_now_s() - t0) * 1e3 / texts : 0;
    double runs[RUNS];
    for (int r = 0; r < RUNS; r++) {
        double a = app_now_s();
        if (sim_read(text, &s, lx, &truth, rd))
            goto done;
        runs[r] = (app_now_s() - a) * 1e3;
    }
    qsort(runs, RUNS, sizeof *runs, cmp_double);
    printf("# %s: mean time to read one of its %d reference texts, in ms\nread_text_ms_%s: %.3f\n", id, texts, id, each_ms);
    printf("# %s: median (best) of %d reads of a %d-character statement made of its reference texts, in ms "
           "(goal < 5)\nread_5000_ms_%s: %.2f (%.2f)\n", id, RUNS, LONG_CHARS, id, runs[RUNS / 2], runs[0]);
    if (runs[RUNS / 2] > *worst_median)
        *worst_median = runs[RUNS / 2];
    rc = 0;
done:
    free(rd);
    free(text);
    for (int i = 0; i < n; i++)
        sim_action_free(&acts[i]);
    free(acts);
    scn_free(sc);
    sim_scenario_free(&s);
    return rc;
}

int app_bench_read(void)
{
    char root[4096], err[512];
    char **ids = NULL;
    int n = 0;
    sim_lexicon lx;
    if (scn_list(app_path(root, sizeof root, "scenarios", NULL), &ids, &n) || app_lexicon_open(&lx, err, sizeof err)) {
        fprintf(stderr, "yqdrill bench read: cannot read the scenarios or the lexicon\n");
        scn_list_free(ids, n);
        return APP_EXIT_USAGE;
    }
    double worst = 0;
    int rc = APP_EXIT_OK;
    for (int i = 0; i < n; i++)
        if (bench_drill(ids[i], &lx, &worst)) {
            fprintf(stderr, "yqdrill bench read: %s could not be read\n", ids[i]);
            rc = APP_EXIT_SCENARIO;
        }
    printf("# the slowest drill's median for the %d-character statement, in ms (goal < 5)\nread_5000_ms: %.2f\n",
           LONG_CHARS, worst);
    app_lexicon_close(&lx);
    scn_list_free(ids, n);
    return rc;
}
