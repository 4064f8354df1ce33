/* response_parse.c — reading response files: a JSON array of actions, checked strictly (unknown keys,
 * names, time order) with errors that name the file, the action, or the line:column of a syntax error. */
#include "store_internal.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FILE_BYTES (16L * 1024 * 1024)
#define MAX_SECONDS 9007199254740991.0   /* 2^53 - 1: exact in a JSON number */

static const char *const known_keys[] = {"t", "at", "type", "role", "level", "target", "channel", "text", "follow_up"};

/* 1-based line and column (in UTF-8 characters) of `pos` within `text`. */
static void line_col(const char *text, const char *pos, int *line, int *col)
{
    *line = 1;
    *col = 1;
    for (const char *p = text; p < pos && *p; p++) {
        if (*p == '\n') {
            (*line)++;
            *col = 1;
        } else if (((unsigned char)*p & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}

/* Seconds from "H:MM" / "HH:MM:SS" (hours 1-3 digits); -1 when malformed. Digits past the third of a
 * part are counted, not added: such a part is refused anyway, and its value must not overflow first. */
static int64_t parse_clock(const char *s)
{
    int64_t parts[3] = {0, 0, 0};
    int n = 0;
    const char *p = s;
    for (;;) {
        int digits = 0;
        int64_t v = 0;
        for (; *p >= '0' && *p <= '9'; p++, digits++)
            if (digits < 3)
                v = v * 10 + (*p - '0');
        if (digits == 0 || (n == 0 && digits > 3) || (n > 0 && (digits != 2 || v >= 60)))
            return -1;
        parts[n++] = v;
        if (*p == '\0')
            break;
        if (*p != ':' || n == 3)
            return -1;
        p++;
    }
    if (n < 2)
        return -1;
    return parts[0] * 3600 + parts[1] * 60 + parts[2];
}

typedef struct parse_ctx {
    const char *name;
    int index;          /* 1-based action number, for messages */
    char *err;
    int errlen;
} parse_ctx;

__attribute__((format(printf, 2, 3)))
static int fail(const parse_ctx *c, const char *fmt, ...)
{
    char what[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    store_errf(c->err, c->errlen, "%s: action %d: %s", c->name, c->index, what);
    return -1;
}

static int check_keys(const parse_ctx *c, const cJSON *obj)
{
    for (const cJSON *it = obj->child; it; it = it->next) {
        int known = 0;
        for (size_t k = 0; k < sizeof known_keys / sizeof known_keys[0]; k++)
            known |= strcmp(it->string, known_keys[k]) == 0;
        if (!known)
            return fail(c, "unknown key \"%s\" (known: t, at, type, role, level, target, channel, text)",
                        it->string);
        for (const cJSON *later = it->next; later; later = later->next)
            if (strcmp(later->string, it->string) == 0)
                return fail(c, "duplicate key \"%s\"", it->string);
    }
    return 0;
}

/* An optional string field: NULL when absent or null; *bad when present with another type. */
static const char *opt_string(const parse_ctx *c, const cJSON *obj, const char *key, int *bad)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v || cJSON_IsNull(v))
        return NULL;
    if (!cJSON_IsString(v)) {
        *bad = fail(c, "\"%s\" must be a string", key);
        return NULL;
    }
    return v->valuestring;
}

static int parse_time(const parse_ctx *c, const cJSON *obj, sim_time *t)
{
    const cJSON *secs = cJSON_GetObjectItemCaseSensitive(obj, "t");
    const cJSON *clock = cJSON_GetObjectItemCaseSensitive(obj, "at");
    if (secs && clock)
        return fail(c, "give \"t\" or \"at\", not both");
    if (!secs && !clock)
        return fail(c, "missing \"t\" (seconds) or \"at\" (\"HH:MM[:SS]\")");
    if (secs) {
        double v = cJSON_IsNumber(secs) ? secs->valuedouble : -1;
        if (v < 0 || v > MAX_SECONDS || v != (double)(int64_t)v)
            return fail(c, "\"t\" must be a whole number of seconds >= 0");
        *t = (sim_time)v;
        return 0;
    }
    int64_t v = cJSON_IsString(clock) ? parse_clock(clock->valuestring) : -1;
    if (v < 0)
        return fail(c, "\"at\" must be \"HH:MM\" or \"HH:MM:SS\"");
    *t = v;
    return 0;
}

static int parse_action(const parse_ctx *c, const cJSON *obj, sim_action *a)
{
    a->target = a->channel = a->text = NULL;
    if (!cJSON_IsObject(obj))
        return fail(c, "expected an object");
    if (check_keys(c, obj) || parse_time(c, obj, &a->t))
        return -1;
    int bad = 0;
    const char *type = opt_string(c, obj, "type", &bad);
    const char *role = bad ? NULL : opt_string(c, obj, "role", &bad);
    const char *level = bad ? NULL : opt_string(c, obj, "level", &bad);
    const char *target = bad ? NULL : opt_string(c, obj, "target", &bad);
    const char *channel = bad ? NULL : opt_string(c, obj, "channel", &bad);
    const char *text = bad ? NULL : opt_string(c, obj, "text", &bad);
    if (bad)
        return -1;
    const char *fields[] = {"target", "channel", "text"}, *values[] = {target, channel, text};
    for (int i = 0; i < 3; i++) {
        const char *why;
        size_t at;
        if (values[i] && sim_utf8_check(values[i], strlen(values[i]), &why, &at))
            return fail(c, "\"%s\" %s (at byte %zu)", fields[i], why, at);
    }
    if (!type)
        return fail(c, "missing \"type\"");
    int v = sim_action_type_parse(type);
    if (v < 0)
        return fail(c, "unknown type \"%s\"", type);
    a->type = (sim_action_type)v;
    v = role ? sim_role_parse(role) : SIM_ROLE_SPOKESPERSON;
    if (v < 0)
        return fail(c, "unknown role \"%s\"", role);
    a->role = (sim_role)v;
    a->level = level ? sim_level_parse(level) : SIM_LEVEL_NONE;
    if (level && a->level < 0)
        return fail(c, "unknown level \"%s\" (blue, yellow, orange or red)", level);
    const cJSON *fu = cJSON_GetObjectItemCaseSensitive(obj, "follow_up");
    if (fu && !cJSON_IsBool(fu))
        return fail(c, "\"follow_up\" must be true or false");
    a->follow_up = cJSON_IsTrue(fu);
    sim_action tmp = *a;
    tmp.target = (char *)target;
    tmp.channel = (char *)channel;
    tmp.text = (char *)text;
    if (sim_action_copy(a, &tmp)) {
        store_errf(c->err, c->errlen, "%s: out of memory", c->name);
        return -1;
    }
    return 0;
}

static int parse_actions(const cJSON *root, const char *name, sim_action **out, int *n, char *err, int errlen)
{
    int count = cJSON_GetArraySize(root);
    sim_action *list = count ? calloc((size_t)count, sizeof *list) : NULL;
    if (count && !list) {
        store_errf(err, errlen, "%s: out of memory", name);
        return -1;
    }
    parse_ctx c = {name, 0, err, errlen};
    int done = 0;
    for (const cJSON *it = root->child; it; it = it->next, done++) {
        c.index = done + 1;
        if (parse_action(&c, it, &list[done]))
            break;
        if (done > 0 && list[done].t < list[done - 1].t) {
            fail(&c, "t=%" PRId64 " is earlier than action %d (t=%" PRId64 "); actions must be in time order",
                 list[done].t, done, list[done - 1].t);
            sim_action_free(&list[done]);
            break;
        }
    }
    if (done < count) {
        store_actions_free(list, done);
        return -1;
    }
    *out = list;
    *n = count;
    return 0;
}

/* The first \u0000 escape inside a JSON string (cJSON would cut the string there), or NULL. */
static const char *escaped_nul(const char *json)
{
    for (const char *p = json; *p; p++) {
        if (*p != '\\')
            continue;
        if (p[1] == 'u' && strncmp(p + 2, "0000", 4) == 0)
            return p;
        if (p[1])
            p++;
    }
    return NULL;
}

int store_response_parse(const char *json, const char *name, store_response_meta *meta, sim_action **out, int *n,
                         char *err, int errlen)
{
    *out = NULL;
    *n = 0;
    memset(meta, 0, sizeof *meta);
    if (!name)
        name = "<input>";
    const char *nul = escaped_nul(json);
    if (nul) {
        int line, col;
        line_col(json, nul, &line, &col);
        store_errf(err, errlen, "%s:%d:%d: a NUL character (\\u0000) is not allowed in a response file", name, line, col);
        return -1;
    }
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithOpts(json, &end, 1);
    if (!root) {
        int line, col;
        line_col(json, end ? end : json, &line, &col);
        store_errf(err, errlen, "%s:%d:%d: JSON syntax error", name, line, col);
        return -1;
    }
    const cJSON *actions = root;
    int rc = 0;
    if (cJSON_IsObject(root))
        rc = store_response_meta_parse(root, name, meta, &actions, err, errlen);
    else if (!cJSON_IsArray(root)) {
        store_errf(err, errlen, "%s: expected a JSON array of actions (or an object with \"actions\")", name);
        rc = -1;
    }
    if (!rc)
        rc = parse_actions(actions, name, out, n, err, errlen);
    cJSON_Delete(root);
    return rc;
}

int store_actions_parse(const char *json, const char *name, sim_action **out, int *n, char *err, int errlen)
{
    store_response_meta meta;
    return store_response_parse(json, name, &meta, out, n, err, errlen);
}

int store_actions_read_file(const char *path, sim_action **out, int *n, char *err, int errlen)
{
    store_response_meta meta;
    return store_response_read_file(path, &meta, out, n, err, errlen);
}

int store_response_read_file(const char *path, store_response_meta *meta, sim_action **out, int *n, char *err,
                             int errlen)
{
    *out = NULL;
    *n = 0;
    memset(meta, 0, sizeof *meta);
    char *buf = store_read_text(path, MAX_FILE_BYTES, "a response file", err, errlen);
    if (!buf)
        return -1;
    int rc = store_response_parse(buf, path, meta, out, n, err, errlen);
    free(buf);
    return rc;
}
