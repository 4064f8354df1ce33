/* list_cache.c — `yqdrill list`'s lines kept between runs under saves/cache, each keyed by its scenario's
 * content hash, the language and the program's version: a scenario whose files changed is loaded again. */
#include "list_cache.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINE_MAX_BYTES 4096

/* "ID\tHASH\tLINE" lines; anything else in the file is ignored (and dropped when it is rewritten). */
int app_list_cache_load(const char *path, app_list_cache *c)
{
    memset(c, 0, sizeof *c);
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    char buf[LINE_MAX_BYTES];
    int rc = 0;
    while (rc == 0 && fgets(buf, sizeof buf, f)) {
        size_t n = strlen(buf);
        if (n == 0 || buf[n - 1] != '\n')
            continue;
        buf[n - 1] = '\0';
        char *tab1 = strchr(buf, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL, *end = NULL;
        if (!tab2)
            continue;
        *tab1 = *tab2 = '\0';
        unsigned long long h = strtoull(tab1 + 1, &end, 16);
        if (end != tab2 || tab1 == buf)
            continue;
        rc = app_list_cache_put(c, buf, (uint64_t)h, tab2 + 1);
    }
    fclose(f);
    c->changed = 0;
    return rc;
}

const char *app_list_cache_get(const app_list_cache *c, const char *id, uint64_t hash)
{
    for (int i = 0; i < c->n; i++)
        if (c->hash[i] == hash && strcmp(c->id[i], id) == 0)
            return c->line[i];
    return NULL;
}

int app_list_cache_put(app_list_cache *c, const char *id, uint64_t hash, const char *line)
{
    if (strchr(id, '\t') || strchr(id, '\n') || strchr(line, '\n'))
        return 0;   /* not representable: simply not cached */
    int i = 0;
    while (i < c->n && strcmp(c->id[i], id) != 0)
        i++;
    if (i == c->n) {
        if (c->n == c->cap) {
            int cap = c->cap ? 2 * c->cap : 16;
            char **ids = realloc(c->id, (size_t)cap * sizeof *ids);
            if (ids)
                c->id = ids;
            char **lines = ids ? realloc(c->line, (size_t)cap * sizeof *lines) : NULL;
            if (lines)
                c->line = lines;
            uint64_t *hs = lines ? realloc(c->hash, (size_t)cap * sizeof *hs) : NULL;
            if (!hs)
                return -1;
            c->hash = hs;
            c->cap = cap;
        }
        if (!(c->id[i] = strdup(id)))
            return -1;
        c->line[i] = NULL;
        c->n++;
    }
    char *copy = strdup(line);
    if (!copy)
        return -1;
    free(c->line[i]);
    c->line[i] = copy;
    c->hash[i] = hash;
    c->changed = 1;
    return 0;
}

int app_list_cache_save(const char *path, const app_list_cache *c)
{
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f)
        return -1;
    int bad = 0;
    for (int i = 0; i < c->n && !bad; i++)
        bad = fprintf(f, "%s\t%016llx\t%s\n", c->id[i], (unsigned long long)c->hash[i], c->line[i]) < 0;
    if (fclose(f) || bad || rename(tmp, path)) {
        remove(tmp);
        return -1;
    }
    return 0;
}

void app_list_cache_free(app_list_cache *c)
{
    for (int i = 0; i < c->n; i++) {
        free(c->id[i]);
        free(c->line[i]);
    }
    free(c->id);
    free(c->line);
    free(c->hash);
    memset(c, 0, sizeof *c);
}
