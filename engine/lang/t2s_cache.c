/* t2s_cache.c — the t2s change bitmap on disk: its key (OpenCC's library and data files), and a text file
 * "header, key, bitmap in hex, checksum" read back only when every part of it checks out. */
#include "t2s_cache.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char header[] = "yqdrill opencc t2s changes 1\n";

/* Header, key line, bitmap in hex and its line end, 16 hex digits of checksum and a line end. */
#define CACHE_MAX (sizeof header + LANG_T2S_KEY_MAX + 2 * LANG_T2S_BITS_BYTES + 20)

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
    for (const unsigned char *c = p; n--; c++)
        h = (h ^ *c) * 1099511628211ULL;
    return h;
}

#define FNV_START 14695981039346656037ULL

static int file_id(const char *path, char *out, size_t n)
{
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return -1;
    int w = snprintf(out, n, "%lld %lld.%09ld", (long long)st.st_size, (long long)st.st_mtim.tv_sec,
                     (long)st.st_mtim.tv_nsec);
    return w > 0 && (size_t)w < n ? 0 : -1;
}

int lang_t2s_cache_key(char *key, size_t n)
{
    char lib[128];
    DIR *d = opendir(YQ_OPENCC_DATADIR);
    if (file_id(YQ_OPENCC_LIBRARY, lib, sizeof lib) || !d) {
        if (d)
            closedir(d);
        return -1;
    }
    /* The data folder's files in any order: each file's identity hashed, the hashes summed. */
    uint64_t sum = 0;
    int files = 0;
    for (struct dirent *e; (e = readdir(d));) {
        char path[4096], id[128];
        int w = snprintf(path, sizeof path, "%s/%s", YQ_OPENCC_DATADIR, e->d_name);
        if (e->d_name[0] == '.' || w >= (int)sizeof path || file_id(path, id, sizeof id))
            continue;
        sum += fnv(fnv(FNV_START, e->d_name, strlen(e->d_name) + 1), id, strlen(id));
        files++;
    }
    closedir(d);
    int w = snprintf(key, n, "%s %s %s %s %d %016llx", YQ_OPENCC_SONAME, YQ_OPENCC_LIBRARY, lib, YQ_OPENCC_DATADIR,
                     files, (unsigned long long)sum);
    return w > 0 && (size_t)w < n && !strchr(key, '\n') ? 0 : -1;
}

static int hex_digit(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

int lang_t2s_cache_parse(const char *buf, size_t len, const char *key, uint8_t bits[LANG_T2S_BITS_BYTES])
{
    size_t hl = sizeof header - 1, kl = strlen(key);
    size_t body = hl + kl + 1 + 2 * LANG_T2S_BITS_BYTES + 1;
    if (len != body + 17 || memcmp(buf, header, hl) != 0 || memcmp(buf + hl, key, kl) != 0 || buf[hl + kl] != '\n' ||
        buf[body - 1] != '\n' || buf[len - 1] != '\n')
        return -1;
    uint64_t sum = 0;
    for (int i = 0; i < 16; i++) {
        int v = hex_digit(buf[body + (size_t)i]);
        if (v < 0)
            return -1;
        sum = sum << 4 | (uint64_t)v;
    }
    if (sum != fnv(FNV_START, buf, body))
        return -1;
    uint8_t got[LANG_T2S_BITS_BYTES];
    const char *hex = buf + hl + kl + 1;
    for (size_t i = 0; i < LANG_T2S_BITS_BYTES; i++) {
        int hi = hex_digit(hex[2 * i]), lo = hex_digit(hex[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return -1;
        got[i] = (uint8_t)(hi << 4 | lo);
    }
    memcpy(bits, got, sizeof got);
    return 0;
}

int lang_t2s_cache_read(const char *path, const char *key, uint8_t bits[LANG_T2S_BITS_BYTES])
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    char *buf = malloc(CACHE_MAX + 1);
    size_t len = buf ? fread(buf, 1, CACHE_MAX + 1, f) : 0;
    fclose(f);
    int rc = buf && len <= CACHE_MAX ? lang_t2s_cache_parse(buf, len, key, bits) : -1;
    free(buf);
    return rc;
}

int lang_t2s_cache_write(const char *path, const char *key, const uint8_t bits[LANG_T2S_BITS_BYTES])
{
    size_t kl = strlen(key);
    if (kl > LANG_T2S_KEY_MAX || strchr(key, '\n'))
        return -1;
    char *buf = malloc(CACHE_MAX + 1), tmp[4200];
    if (!buf || snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid()) >= (int)sizeof tmp) {
        free(buf);
        return -1;
    }
    size_t o = (size_t)snprintf(buf, CACHE_MAX, "%s%s\n", header, key);
    for (size_t i = 0; i < LANG_T2S_BITS_BYTES; i++)
        o += (size_t)snprintf(buf + o, CACHE_MAX + 1 - o, "%02x", bits[i]);
    buf[o++] = '\n';
    o += (size_t)snprintf(buf + o, CACHE_MAX + 1 - o, "%016llx\n", (unsigned long long)fnv(FNV_START, buf, o));
    FILE *f = fopen(tmp, "wb");
    int rc = f && fwrite(buf, 1, o, f) == o ? 0 : -1;
    if (f && fclose(f))
        rc = -1;
    if (rc == 0 && rename(tmp, path))
        rc = -1;
    if (rc)
        unlink(tmp);
    free(buf);
    return rc;
}
