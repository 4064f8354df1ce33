/* load.c — scn_load / scn_free: read scenario.lua, hash the folder, run the file in a fresh sandbox
 * with the load budget and a seeded math.random, and keep the state for the scenario's triggers. */
#include "scn_internal.h"

#include <errno.h>
#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* path may name the folder or its scenario.lua; *file and *dir are malloc'd. */
static int resolve(const char *path, char **file, char **dir)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
        *file = scn_strdup(path);
        const char *slash = strrchr(path, '/');
        if (!slash) {
            *dir = scn_strdup(".");
        } else {
            size_t n = slash == path ? 1 : (size_t)(slash - path);
            *dir = malloc(n + 1);
            if (*dir) {
                memcpy(*dir, path, n);
                (*dir)[n] = '\0';
            }
        }
    } else {
        size_t n = strlen(path);
        while (n > 1 && path[n - 1] == '/')
            n--;
        *dir = malloc(n + 1);
        *file = malloc(n + sizeof "/scenario.lua");
        if (*dir) {
            memcpy(*dir, path, n);
            (*dir)[n] = '\0';
        }
        if (*file)
            snprintf(*file, n + sizeof "/scenario.lua", "%.*s/scenario.lua", (int)n, path);
    }
    return *file && *dir ? 0 : -1;
}

static int read_source(scn_script *sc, char *msg, size_t msglen)
{
    FILE *f = fopen(sc->path, "rb");
    if (!f) {
        snprintf(msg, msglen, "cannot open: %s", strerror(errno));
        return -1;
    }
    size_t cap = 65536, len = 0;
    char *buf = malloc(cap + 1);
    size_t n;
    while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len > SCN_MAX_FILE)
            break;
        if (len == cap) {
            char *grown = realloc(buf, cap * 2 + 1);
            if (!grown) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = grown;
            cap *= 2;
        }
    }
    int bad = ferror(f);
    fclose(f);
    if (!buf || bad || len > SCN_MAX_FILE) {
        snprintf(msg, msglen, !buf ? "out of memory" : bad ? "cannot read the file"
                                                          : "the file is larger than %u MiB",
                 SCN_MAX_FILE / (1024u * 1024u));
        free(buf);
        return -1;
    }
    buf[len] = '\0';
    sc->source = buf;
    sc->source_len = len;
    return 0;
}

/* Run scenario.lua; declarations record problems as they go. 0 when it ran to its end and declared
 * the scenario, else -1 (the problem is recorded). */
static int run_file(scn_script *sc, uint64_t seed)
{
    char msg[512];
    int line = 0;
    if (scn_sandbox_compile(sc, &line, msg, sizeof msg)) {
        scn_problems_add(sc->probs, sc->path, line, "%s", msg);
        return -1;
    }
    if (scn_guard_baseline(sc)) {
        scn_problems_add(sc->probs, sc->path, 0, "out of memory");
        return -1;
    }
    sim_rng_seed(&sc->load_rng, seed, SCN_LOAD_STREAM);
    sc->loading = 1;
    int rc = scn_sandbox_call(sc, 0, SCN_LOAD_BUDGET, &sc->load_rng, &line, msg, sizeof msg);
    sc->loading = 0;
    if (rc) {
        scn_problems_add(sc->probs, sc->path, line, "%s", msg);
        return -1;
    }
    if (!sc->scenario_line) {
        scn_problems_add(sc->probs, sc->path, 0, "scenario.lua never declares scenario { id = ..., title = ..., ... }");
        return -1;
    }
    if (scn_guard_build(sc)) {
        scn_problems_add(sc->probs, sc->path, 0, "out of memory");
        return -1;
    }
    return 0;
}

/* scn_load; with `partial`, a file whose only problems are in complete declarations is kept too. */
static int load(const char *dir, uint64_t seed, sim_scenario *s, scn_script **out, scn_problems *probs, int *partial)
{
    scn_problems local = {0};
    scn_problems *p = probs ? probs : &local;
    int start = p->count;
    char *file = NULL, *folder = NULL;
    char msg[512];
    *out = NULL;
    sim_scenario_init(s);
    scn_script *sc = calloc(1, sizeof *sc);
    if (sc)
        sc->state_ref = LUA_NOREF;
    if (!sc || resolve(dir, &file, &folder)) {
        scn_problems_add(p, dir, 0, "out of memory");
        goto done;
    }
    sc->path = file;
    file = NULL;
    sc->probs = p;
    sc->scn = s;
    if (read_source(sc, msg, sizeof msg) || scn_content_hash(folder, &s->content_hash, msg, sizeof msg) ||
        scn_sandbox_open(sc, msg, sizeof msg)) {
        scn_problems_add(p, sc->path, 0, "%s", msg);
        goto done;
    }
    int ran = run_file(sc, seed) == 0;
    if ((p->count == start || partial) && ran && !(s->path = scn_strdup(sc->path)))
        scn_problems_add(p, sc->path, 0, "out of memory");
    if (partial && p->count > start && ran && s->path && scn_decls_complete(s))
        *partial = 1;
    if ((p->count == start || (partial && *partial)) && ran && sim_scenario_prepare(s))
        scn_problems_add(p, sc->path, 0, "out of memory");
done:
    free(file);
    free(folder);
    int failed = (p->count > start && !(partial && *partial)) || !sc;
    if (sc) {
        sc->probs = NULL;
        sc->scn = NULL;
    }
    if (failed) {
        scn_free(sc);
        sim_scenario_free(s);
    } else {
        *out = sc;
    }
    scn_problems_free(&local);
    return failed ? -1 : 0;
}

int scn_load(const char *dir, uint64_t seed, sim_scenario *s, scn_script **out, scn_problems *probs)
{
    return load(dir, seed, s, out, probs, NULL);
}

int scn_load_checkable(const char *path, sim_scenario *s, scn_script **out, scn_problems *probs, int *partial)
{
    *partial = 0;
    return load(path, 1, s, out, probs, partial);
}

void scn_free(scn_script *sc)
{
    if (!sc)
        return;
    if (sc->L)
        lua_close(sc->L);
    free(sc->trig);
    free(sc->state_cache);
    scn_guard_free(sc);
    free(sc->path);
    free(sc->short_src);
    free(sc->source);
    free(sc);
}
