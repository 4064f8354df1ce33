/* fuzz_util.h — what the fuzz harnesses share: a private scratch folder under $TMPDIR (emptied and
 * removed at exit), writing an input's bytes to a file in it, and a NUL-terminated copy of an input. */
#ifndef YQ_FUZZ_UTIL_H
#define YQ_FUZZ_UTIL_H

#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char fuzz_dir[512];

static inline void fuzz_cleanup(void)
{
    DIR *d = opendir(fuzz_dir);
    struct dirent *e;
    char path[1024];
    while (d && (e = readdir(d))) {
        if (snprintf(path, sizeof path, "%s/%s", fuzz_dir, e->d_name) < (int)sizeof path && e->d_name[0] != '.')
            unlink(path);
    }
    if (d)
        closedir(d);
    rmdir(fuzz_dir);
}

/* The harness's scratch folder, made on first use; aborts when it cannot be made. */
static inline const char *fuzz_tmpdir(void)
{
    if (fuzz_dir[0])
        return fuzz_dir;
    const char *base = getenv("TMPDIR");
    snprintf(fuzz_dir, sizeof fuzz_dir, "%s/yqfuzz.XXXXXX", base && *base ? base : "/tmp");
    if (!mkdtemp(fuzz_dir)) {
        perror(fuzz_dir);
        abort();
    }
    atexit(fuzz_cleanup);
    return fuzz_dir;
}

/* <scratch>/<name> in buf; aborts when the path does not fit. */
static inline const char *fuzz_path(char *buf, size_t len, const char *name)
{
    if ((size_t)snprintf(buf, len, "%s/%s", fuzz_tmpdir(), name) >= len)
        abort();
    return buf;
}

/* Replace the file at path with exactly these bytes; aborts on a write error (not the engine's fault). */
static inline void fuzz_write(const char *path, const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0) {
        perror(path);
        abort();
    }
}

/* The input as a malloc'd C string (an embedded NUL ends it, as it would in a file read as text). */
static inline char *fuzz_cstr(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        abort();
    memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

#endif
