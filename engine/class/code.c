/* code.c — join codes ("HOST:PORT/CLASS/PASSWORD"), broker URLs and the random words used as
 * class passwords. */
#include "cls.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cls_random_word(char *out, int n, char *err, int errlen)
{
    static const char alphabet[] = "abcdefghijkmnpqrstuvwxyz23456789";
    unsigned char raw[64];
    FILE *f = fopen("/dev/urandom", "rb");
    if (n <= 0 || n > (int)sizeof raw || !f || fread(raw, 1, (size_t)n, f) != (size_t)n) {
        if (f)
            fclose(f);
        snprintf(err, (size_t)errlen, "cannot read /dev/urandom for a password");
        return -1;
    }
    fclose(f);
    for (int i = 0; i < n; i++)
        out[i] = alphabet[raw[i] % (sizeof alphabet - 1)];
    out[n] = '\0';
    return 0;
}

static int parse_port(const char *s, int *port)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (end == s || v < 1 || v > 65535)
        return -1;
    *port = (int)v;
    return (int)(end - s);
}

/* "HOST:PORT" at s (up to stop or the end): into e; the length read, or -1. */
static int parse_host_port(const char *s, cls_endpoint *e)
{
    const char *colon = strrchr(s, ':');
    const char *slash = strchr(s, '/');
    if (slash && colon > slash)
        colon = NULL;
    if (!colon || colon == s || colon - s > CLS_HOST_MAX)
        return -1;
    memcpy(e->host, s, (size_t)(colon - s));
    e->host[colon - s] = '\0';
    for (const char *p = e->host; *p; p++)
        if (!(*p == '.' || *p == '-' || *p == '_' || (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
              (*p >= 'A' && *p <= 'Z')))
            return -1;
    int used = parse_port(colon + 1, &e->port);
    return used < 0 ? -1 : (int)(colon + 1 - s) + used;
}

int cls_broker_url_parse(const char *url, cls_endpoint *e, char *err, int errlen)
{
    const char *prefix = "mqtt://";
    int n = strncmp(url, prefix, strlen(prefix)) == 0 ? parse_host_port(url + strlen(prefix), e) : -1;
    if (n < 0 || url[strlen(prefix) + (size_t)n] != '\0') {
        snprintf(err, (size_t)errlen, "broker \"%s\" is not mqtt://HOST:PORT", url);
        return -1;
    }
    return 0;
}

int cls_code_make(const cls_endpoint *e, char *out, int outlen, char *err, int errlen)
{
    int n = snprintf(out, (size_t)outlen, "%s:%d/%s/%s", e->host, e->port, e->klass, e->pass);
    if (n < 0 || n >= outlen) {
        snprintf(err, (size_t)errlen, "join code too long");
        return -1;
    }
    return 0;
}

int cls_code_parse(const char *code, cls_endpoint *e, char *err, int errlen)
{
    memset(e, 0, sizeof *e);
    int n = parse_host_port(code, e);
    const char *klass = n > 0 && code[n] == '/' ? code + n + 1 : NULL;
    const char *pass = klass ? strchr(klass, '/') : NULL;
    if (pass && pass - klass <= STORE_ID_MAX && strlen(pass + 1) > 0 && strlen(pass + 1) < sizeof e->pass &&
        !strchr(pass + 1, '/')) {
        memcpy(e->klass, klass, (size_t)(pass - klass));
        snprintf(e->pass, sizeof e->pass, "%s", pass + 1);
        if (store_id_ok(e->klass))
            return 0;
    }
    snprintf(err, (size_t)errlen, "join code \"%s\" is not HOST:PORT/CLASS/PASSWORD", code);
    return -1;
}
