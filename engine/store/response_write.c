/* response_write.c — writing action lists as response files: pretty JSON with a fixed key order
 * (t, type, role, level, target, channel, text), absent fields omitted, UTF-8 left as is. */
#include "store_internal.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct outbuf {
    char *data;
    size_t len, cap;
    int oom;
} outbuf;

static void put_bytes(outbuf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *grown = realloc(b->data, cap);
        if (!grown) {
            b->oom = 1;
            return;
        }
        b->data = grown;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void put_text(outbuf *b, const char *s)
{
    put_bytes(b, s, strlen(s));
}

/* A JSON string literal: quotes, backslashes and control characters escaped, other bytes verbatim. */
static void put_string(outbuf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    put_bytes(b, "\"", 1);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': put_text(b, "\\\""); break;
        case '\\': put_text(b, "\\\\"); break;
        case '\n': put_text(b, "\\n"); break;
        case '\r': put_text(b, "\\r"); break;
        case '\t': put_text(b, "\\t"); break;
        case '\b': put_text(b, "\\b"); break;
        case '\f': put_text(b, "\\f"); break;
        default:
            if (*p < 0x20) {
                char esc[7] = {'\\', 'u', '0', '0', hex[*p >> 4], hex[*p & 15], '\0'};
                put_text(b, esc);
            } else {
                put_bytes(b, (const char *)p, 1);
            }
        }
    }
    put_bytes(b, "\"", 1);
}

static void put_field(outbuf *b, const char *pad, const char *key, const char *value)
{
    if (!value)
        return;
    put_text(b, ",\n    ");
    put_text(b, pad);
    put_text(b, "\"");
    put_text(b, key);
    put_text(b, "\": ");
    put_string(b, value);
}

/* The array of actions, each line after the first prefixed by pad; -1 on an out-of-range type or role. */
static int put_actions(outbuf *b, const char *pad, const sim_action *a, int n)
{
    put_text(b, n > 0 ? "[\n" : "[");
    for (int i = 0; i < n; i++) {
        const char *type = sim_action_type_name(a[i].type), *role = sim_role_name(a[i].role);
        if (!type || !role)
            return -1;
        char t[64];
        snprintf(t, sizeof t, "%s  {\n%s    \"t\": %" PRId64, pad, pad, a[i].t);
        put_text(b, t);
        put_field(b, pad, "type", type);
        put_field(b, pad, "role", role);
        put_field(b, pad, "level", sim_level_name(a[i].level));
        put_field(b, pad, "target", a[i].target);
        put_field(b, pad, "channel", a[i].channel);
        put_field(b, pad, "text", a[i].text);
        if (a[i].follow_up) {
            put_text(b, ",\n    ");
            put_text(b, pad);
            put_text(b, "\"follow_up\": true");
        }
        put_text(b, "\n");
        put_text(b, pad);
        put_text(b, i + 1 < n ? "  },\n" : "  }\n");
    }
    if (n > 0)
        put_text(b, pad);
    put_text(b, "]");
    return 0;
}

static char *finish(outbuf *b, int failed)
{
    put_text(b, "\n");
    if (failed || b->oom) {
        free(b->data);
        return NULL;
    }
    return b->data;
}

char *store_actions_to_json(const sim_action *a, int n)
{
    outbuf b = {0};
    int failed = put_actions(&b, "", a, n);
    return finish(&b, failed);
}

char *store_response_to_json(const store_response_meta *meta, const sim_action *a, int n)
{
    outbuf b = {0};
    char num[64];
    put_text(&b, "{\n  \"scenario\": ");
    put_string(&b, meta->scenario);
    snprintf(num, sizeof num, ",\n  \"content_hash\": \"%016" PRIx64 "\",\n  \"seed\": \"%" PRIu64 "\"",
             meta->content_hash, meta->seed);
    put_text(&b, num);
    if (meta->plan[0]) {
        put_text(&b, ",\n  \"plan\": ");
        put_string(&b, meta->plan);
    }
    put_text(&b, ",\n  \"actions\": ");
    int failed = put_actions(&b, "  ", a, n);
    put_text(&b, "\n}");
    return finish(&b, failed);
}
