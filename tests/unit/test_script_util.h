/* test_script_util.h — helpers shared by the script and sandbox tests: a scratch folder under the
 * build's testtmp/, writing scenario files into it, and finding a problem by line and text. */
#ifndef YQ_TEST_SCRIPT_UTIL_H
#define YQ_TEST_SCRIPT_UTIL_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "script/script.h"

static char tmp_root[512];

/* A fresh folder under $YQ_TEST_TMP (or ./testtmp); aborts the test when it cannot be made. */
static const char *tmp_begin(const char *name)
{
    const char *base = getenv("YQ_TEST_TMP");
    if (!base || !*base)
        base = "testtmp";
    mkdir(base, 0777);
    snprintf(tmp_root, sizeof tmp_root, "%s/%s.XXXXXX", base, name);
    if (!mkdtemp(tmp_root)) {
        perror(tmp_root);
        exit(2);
    }
    return tmp_root;
}

static void tmp_remove(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        struct dirent *e;
        while (d && (e = readdir(d))) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char child[1024];
            snprintf(child, sizeof child, "%s/%s", path, e->d_name);
            tmp_remove(child);
        }
        if (d)
            closedir(d);
        rmdir(path);
    } else {
        unlink(path);
    }
}

static void tmp_end(void)
{
    tmp_remove(tmp_root);
}

static void write_bytes(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, n, f) != n) {
        perror(path);
        exit(2);
    }
    fclose(f);
}

/* Write <tmp>/<folder>/scenario.lua; returns the folder path (static buffer, one at a time). */
static const char *write_scenario(const char *folder, const char *text)
{
    static char dir[768];
    char file[1024];
    snprintf(dir, sizeof dir, "%s/%s", tmp_root, folder);
    mkdir(dir, 0777);
    snprintf(file, sizeof file, "%s/scenario.lua", dir);
    write_bytes(file, text, strlen(text));
    return dir;
}

/* Shipped scenario id's scenario.lua with `extra` (more triggers) appended, as scratch folder id; NULL when the
 * shipped file cannot be read. */
static inline const char *write_shipped_plus(const char *id, const char *extra)
{
    char src[1024];
    snprintf(src, sizeof src, "%s/scenarios/%s/scenario.lua", YQ_SOURCE_DIR, id);
    FILE *f = fopen(src, "rb");
    static char text[1 << 20];
    size_t len = f ? fread(text, 1, sizeof text - 1 - strlen(extra), f) : 0;
    if (f)
        fclose(f);
    if (len == 0)
        return NULL;
    snprintf(text + len, sizeof text - len, "\n%s", extra);
    return write_scenario(id, text);
}

/* Index of the problem with this line whose message contains `text`, or -1. */
static inline int find_problem(const scn_problems *p, int line, const char *text)
{
    for (int i = 0; i < p->count; i++)
        if (p->items[i].line == line && strstr(p->items[i].msg, text))
            return i;
    return -1;
}

/* Whether every problem names `dir`/scenario.lua as its file. */
static inline int problems_name_file(const scn_problems *p, const char *dir)
{
    char file[1024];
    snprintf(file, sizeof file, "%s/scenario.lua", dir);
    for (int i = 0; i < p->count; i++)
        if (!p->items[i].file || strcmp(p->items[i].file, file) != 0)
            return 0;
    return p->count > 0;
}

static inline void dump_problems(const scn_problems *p)
{
    scn_problems_print(p, stderr);
}

#endif
