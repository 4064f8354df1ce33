/* list_cache.h — the lines `yqdrill list` printed before, each with its scenario's content hash, so a
 * listing loads only the scenarios whose files changed (a stale or corrupt entry is simply reloaded). */
#ifndef YQ_APP_LIST_CACHE_H
#define YQ_APP_LIST_CACHE_H

#include <stdint.h>

typedef struct app_list_cache {
    char **id, **line;
    uint64_t *hash;
    int n, cap;
    int changed;   /* something was put since it was loaded */
} app_list_cache;

/* Read the cache file (a missing or unreadable one is an empty cache; bad lines are skipped).
 * 0, or -1 out of memory. */
int app_list_cache_load(const char *path, app_list_cache *c);
/* The line kept for the scenario id with exactly this content hash, or NULL. */
const char *app_list_cache_get(const app_list_cache *c, const char *id, uint64_t hash);
/* Keep (or replace) a scenario's line. 0, or -1 out of memory. */
int app_list_cache_put(app_list_cache *c, const char *id, uint64_t hash, const char *line);
/* Write the cache whole (by rename). 0, or -1 when it cannot be written (the listing goes on). */
int app_list_cache_save(const char *path, const app_list_cache *c);
void app_list_cache_free(app_list_cache *c);

#endif
