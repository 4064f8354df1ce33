/* file_hash.c — FNV-1a 64 over a file's bytes, read in blocks (see file_hash.h). */
#include "file_hash.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

int app_file_hash(const char *path, uint64_t *hash, char *err, int errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, (size_t)errlen, "cannot read %s: %s", path, strerror(errno));
        return -1;
    }
    uint64_t h = 0xcbf29ce484222325ULL;
    unsigned char buf[65536];
    size_t got;
    while ((got = fread(buf, 1, sizeof buf, f)) > 0)
        for (size_t i = 0; i < got; i++)
            h = (h ^ buf[i]) * 0x100000001b3ULL;
    int failed = ferror(f);
    if (fclose(f) != 0 || failed) {
        snprintf(err, (size_t)errlen, "cannot read %s", path);
        return -1;
    }
    *hash = h;
    return 0;
}
