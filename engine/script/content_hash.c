/* content_hash.c — the scenario's content hash: FNV-1a 64 over scenario.lua and the folder's other
 * files in a fixed order, so a saved session can tell whether its scenario changed. */
#include "scn_internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL
#define MAX_DEPTH 8

typedef struct path_list {
    char **items;
    int n, cap;
} path_list;

static int list_push(path_list *l, char *s)
{
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 16;
        char **grown = realloc(l->items, (size_t)cap * sizeof *grown);
        if (!grown)
            return -1;
        l->items = grown;
        l->cap = cap;
    }
    l->items[l->n++] = s;
    return 0;
}

static char *join(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 2;
    char *s = malloc(n);
    if (s)
        snprintf(s, n, "%s%s%s", a, *a ? "/" : "", b);
    return s;
}

/* Relative paths of regular files under root/rel; dot-entries and the top-level responses/ skipped. */
static int collect(const char *root, const char *rel, int depth, path_list *out)
{
    char *dirpath = *rel ? join(root, rel) : scn_strdup(root);
    DIR *d = dirpath ? opendir(dirpath) : NULL;
    if (!d) {
        free(dirpath);
        return -1;
    }
    int rc = 0;
    struct dirent *e;
    while (rc == 0 && (e = readdir(d))) {
        if (e->d_name[0] == '.' || (depth == 0 && strcmp(e->d_name, "responses") == 0))
            continue;
        char *child = join(rel, e->d_name);
        char *full = child ? join(root, child) : NULL;
        struct stat st;
        if (!full || stat(full, &st) != 0) {
            rc = -1;
        } else if (S_ISDIR(st.st_mode)) {
            if (depth < MAX_DEPTH)
                rc = collect(root, child, depth + 1, out);
        } else if (S_ISREG(st.st_mode)) {
            if (list_push(out, child) == 0)
                child = NULL;
            else
                rc = -1;
        }
        free(child);
        free(full);
    }
    closedir(d);
    free(dirpath);
    return rc;
}

static int path_order(const void *a, const void *b)
{
    const char *x = *(char *const *)a, *y = *(char *const *)b;
    int xs = strcmp(x, "scenario.lua") == 0, ys = strcmp(y, "scenario.lua") == 0;
    if (xs != ys)
        return ys - xs;
    return strcmp(x, y);
}

static uint64_t fnv(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= FNV_PRIME;
    }
    return h;
}

static int hash_file(const char *path, uint64_t *h)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    unsigned char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        *h = fnv(*h, buf, n);
    int bad = ferror(f);
    fclose(f);
    return bad ? -1 : 0;
}

int scn_content_hash(const char *dir, uint64_t *out, char *msg, size_t msglen)
{
    path_list files = {0};
    int rc = collect(dir, "", 0, &files);
    if (rc) {
        snprintf(msg, msglen, "cannot list the scenario folder %s: %s", dir, strerror(errno));
    } else {
        if (files.n > 1)
            qsort(files.items, (size_t)files.n, sizeof *files.items, path_order);
        uint64_t h = FNV_OFFSET;
        for (int i = 0; i < files.n && rc == 0; i++) {
            const char *rel = files.items[i];
            if (strcmp(rel, "scenario.lua") != 0) {
                h = fnv(h, "", 1);
                h = fnv(h, rel, strlen(rel) + 1);
            }
            char *full = join(dir, rel);
            if (!full || hash_file(full, &h)) {
                snprintf(msg, msglen, "cannot read %s/%s for the content hash", dir, rel);
                rc = -1;
            }
            free(full);
        }
        *out = h;
    }
    for (int i = 0; i < files.n; i++)
        free(files.items[i]);
    free(files.items);
    return rc;
}
