/* test_store_util.h — helpers shared by the store and response-file tests: a scratch folder,
 * whole-file reads and comparisons, and field-by-field action equality. */
#ifndef YQ_TEST_STORE_UTIL_H
#define YQ_TEST_STORE_UTIL_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sim/action.h"

/* A fresh folder under $TMPDIR (or /tmp); the caller frees the returned path. */
static inline char *tu_mkdtemp(void)
{
    const char *base = getenv("TMPDIR");
    char tmpl[512];
    snprintf(tmpl, sizeof tmpl, "%s/yq_store_XXXXXX", base && *base ? base : "/tmp");
    char *dir = mkdtemp(tmpl);
    return dir ? strdup(dir) : NULL;
}

/* Remove a scratch folder and everything in it (restoring write permission first). */
static inline void tu_rmtree(const char *dir)
{
    chmod(dir, 0700);
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        size_t n = strlen(dir) + strlen(e->d_name) + 2;
        char *child = malloc(n);
        if (!child)
            break;
        snprintf(child, n, "%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(child, &st) == 0 && S_ISDIR(st.st_mode))
            tu_rmtree(child);
        else
            unlink(child);
        free(child);
    }
    if (d)
        closedir(d);
    rmdir(dir);
}

/* "DIR/NAME" in a static rotating buffer (enough for a few live paths at once). */
static inline const char *tu_path(const char *dir, const char *name)
{
    static char bufs[8][600];
    static int next;
    char path[sizeof bufs[0]];   /* dir may itself be one of the buffers */
    snprintf(path, sizeof path, "%s/%s", dir, name);
    char *b = bufs[next++ % 8];
    memcpy(b, path, sizeof path);
    return b;
}

static inline int tu_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Whole file, malloc'd; *len its size. NULL when unreadable. */
static inline unsigned char *tu_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    unsigned char *buf = NULL;
    size_t cap = 0, n = 0, got;
    do {
        if (n == cap) {
            cap = cap ? cap * 2 : 4096;
            unsigned char *grown = realloc(buf, cap);
            if (!grown) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = grown;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    fclose(f);
    *len = n;
    return buf;
}

static inline int tu_write(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t put = fwrite(data, 1, len, f);
    return fclose(f) == 0 && put == len ? 0 : -1;
}

/* 1 when the file's bytes equal `data`. */
static inline int tu_same_bytes(const char *path, const unsigned char *data, size_t len)
{
    size_t n = 0;
    unsigned char *now = tu_read(path, &n);
    int same = now && n == len && memcmp(now, data, len) == 0;
    free(now);
    return same;
}

static inline int tu_str_eq(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static inline int tu_action_eq(const sim_action *a, const sim_action *b)
{
    return a->t == b->t && a->type == b->type && a->role == b->role && a->level == b->level &&
           tu_str_eq(a->target, b->target) && tu_str_eq(a->channel, b->channel) && tu_str_eq(a->text, b->text) &&
           a->follow_up == b->follow_up;
}

#endif
