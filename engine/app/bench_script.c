/* bench_script.c — `yqdrill bench script`: the CPU time one simulated time's triggers cost when a
 * scenario spends its whole budget, for each hostile kind in assets/bench/script_ticks.json. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "paths.h"
#include "script/script.h"

#define PROBE_FILE_MAX (1u << 20)
#define BENCH_RUNS 7   /* probes of each kind; the median and the worst are reported */

static char *read_small(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(PROBE_FILE_MAX + 1);
    size_t n = buf ? fread(buf, 1, PROBE_FILE_MAX, f) : 0;
    fclose(f);
    if (buf)
        buf[n] = '\0';
    return buf;
}

/* One kind: write its scenario under tmpdir/name/ and probe its first tick. */
static int probe_one(const char *tmpdir, const char *header, const cJSON *t, app_tick_probe *out)
{
    const cJSON *name = cJSON_GetObjectItem(t, "name"), *stop = cJSON_GetObjectItem(t, "stop"),
                *lua = cJSON_GetObjectItem(t, "lua");
    if (!cJSON_IsString(name) || !cJSON_IsString(stop) || !cJSON_IsString(lua))
        return -1;
    memset(out, 0, sizeof *out);
    snprintf(out->name, sizeof out->name, "%s", name->valuestring);
    out->clock = strcmp(stop->valuestring, "clock") == 0;
    char dir[1024], file[1100];
    snprintf(dir, sizeof dir, "%s/%s", tmpdir, out->name);
    snprintf(file, sizeof file, "%s/scenario.lua", dir);
    mkdir(dir, 0777);
    FILE *f = fopen(file, "w");
    if (!f)
        return -1;
    int ok = fprintf(f, "%s\n%s\n", header, lua->valuestring) > 0;
    ok &= fclose(f) == 0;
    if (!ok)
        return -1;
    out->rc = scn_probe_tick(dir, &out->cpu_s, out->error, sizeof out->error);
    return 0;
}

int app_probe_script_ticks(const char *tmpdir, app_tick_probe *out, int max, int *n)
{
    char path[1024];
    app_path(path, sizeof path, "assets", "bench/script_ticks.json");
    char *text = read_small(path);
    cJSON *doc = text ? cJSON_Parse(text) : NULL;
    free(text);
    const cJSON *header = cJSON_GetObjectItem(doc, "header"), *ticks = cJSON_GetObjectItem(doc, "ticks");
    int rc = cJSON_IsString(header) && cJSON_IsArray(ticks) ? 0 : -1;
    *n = 0;
    for (const cJSON *t = rc == 0 ? ticks->child : NULL; t && *n < max && rc == 0; t = t->next)
        rc = probe_one(tmpdir, header->valuestring, t, &out[(*n)++]);
    cJSON_Delete(doc);
    return rc;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int app_bench_script(void)
{
    char tmpdir[] = "/tmp/yq_bench_script_XXXXXX";
    if (!mkdtemp(tmpdir)) {
        perror("yqdrill bench script");
        return APP_EXIT_STORAGE;
    }
    app_tick_probe runs[BENCH_RUNS][APP_TICK_PROBES];
    int tty = isatty(2);
    int n = 0;
    for (int r = 0; r < BENCH_RUNS; r++) {
        if (app_probe_script_ticks(tmpdir, runs[r], APP_TICK_PROBES, &n) != 0) {
            fprintf(stderr, "yqdrill bench script: cannot read or write the probes (assets/bench/script_ticks.json)\n");
            return APP_EXIT_USAGE;
        }
        if (tty)
            fprintf(stderr, "\rprobing the sandbox: run %d of %d", r + 1, BENCH_RUNS);
    }
    if (tty)
        fprintf(stderr, "\n");
    double worst_budget = 0, worst_clock = 0;
    for (int k = 0; k < n; k++) {
        double ms[BENCH_RUNS];
        for (int r = 0; r < BENCH_RUNS; r++)
            ms[r] = runs[r][k].cpu_s * 1000;
        qsort(ms, BENCH_RUNS, sizeof ms[0], cmp_double);
        const app_tick_probe *p = &runs[0][k];
        printf("# CPU ms of the first tick of a scenario whose on_tick does \"%s\", stopped by the %s "
               "(median and worst of %d); %s\ntick_%s_ms: %.1f %.1f\n",
               p->name, p->clock ? "CPU backstop" : "instruction budget", BENCH_RUNS,
               p->rc == 0 ? "stopped" : "NOT STOPPED", p->name, ms[BENCH_RUNS / 2], ms[BENCH_RUNS - 1]);
        double *worst = p->clock ? &worst_clock : &worst_budget;
        if (ms[BENCH_RUNS - 1] > *worst)
            *worst = ms[BENCH_RUNS - 1];
    }
    printf("# the worst of those stopped by the instruction budget (goal: well under the 30 ms backstop)\n"
           "worst_budget_tick_ms: %.1f\n", worst_budget);
    printf("# the worst of those stopped by the CPU backstop (goal: under 50 ms)\nworst_clock_tick_ms: %.1f\n",
           worst_clock);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? APP_EXIT_OK : APP_EXIT_STORAGE;
}
