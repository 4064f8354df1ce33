/* response_meta.c — the object form of a response file: what its actions were played on (scenario id,
 * content hash, seed, plan) around the "actions" array, read strictly and written in a fixed key order. */
#include "store_internal.h"

#include <cjson/cJSON.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const meta_keys[] = {"scenario", "content_hash", "seed", "plan", "actions"};

static int bad(char *err, int errlen, const char *name, const char *key, const char *what)
{
    store_errf(err, errlen, "%s: \"%s\" must be %s", name, key, what);
    return -1;
}

static int check_keys(const cJSON *root, const char *name, char *err, int errlen)
{
    for (const cJSON *it = root->child; it; it = it->next) {
        int known = 0;
        for (size_t k = 0; k < sizeof meta_keys / sizeof meta_keys[0]; k++)
            known |= strcmp(it->string, meta_keys[k]) == 0;
        if (!known) {
            store_errf(err, errlen, "%s: unknown key \"%s\" (known: scenario, content_hash, seed, plan, actions)", name,
                       it->string);
            return -1;
        }
    }
    return 0;
}

/* An id-valued key into dst ("" when absent). */
static int read_id(const cJSON *root, const char *key, char *dst, size_t n, const char *name, char *err, int errlen)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, key);
    if (!v)
        return 0;
    if (!cJSON_IsString(v) || !store_id_ok(v->valuestring))
        return bad(err, errlen, name, key, "a plain id");
    snprintf(dst, n, "%s", v->valuestring);
    return 0;
}

/* A u64 written as a string of digits in `base` (a JSON number cannot hold every u64). */
static int read_u64(const cJSON *root, const char *key, int base, uint64_t *out, int *has, const char *name,
                    char *err, int errlen)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, key);
    if (!v)
        return 0;
    const char *digits = base == 16 ? "0123456789abcdefABCDEF" : "0123456789";
    size_t max = base == 16 ? 16 : 20;
    const char *s = cJSON_IsString(v) ? v->valuestring : NULL;
    size_t len = s ? strlen(s) : 0;
    if (!s || len == 0 || len > max || strspn(s, digits) != len)
        return bad(err, errlen, name, key, base == 16 ? "a string of up to 16 hex digits" : "a string of decimal digits");
    char *end;
    *out = strtoull(s, &end, base);
    if (base == 10 && len == 20 && strcmp(s, "18446744073709551615") > 0)
        return bad(err, errlen, name, key, "at most 18446744073709551615");
    *has = 1;
    return 0;
}

int store_response_meta_parse(const cJSON *root, const char *name, store_response_meta *meta, const cJSON **actions,
                              char *err, int errlen)
{
    *actions = cJSON_GetObjectItemCaseSensitive(root, "actions");
    if (!*actions) {
        store_errf(err, errlen, "%s: expected a JSON array of actions (or an object with \"actions\")", name);
        return -1;
    }
    if (check_keys(root, name, err, errlen) ||
        read_id(root, "scenario", meta->scenario, sizeof meta->scenario, name, err, errlen) ||
        read_id(root, "plan", meta->plan, sizeof meta->plan, name, err, errlen) ||
        read_u64(root, "seed", 10, &meta->seed, &meta->has_seed, name, err, errlen) ||
        read_u64(root, "content_hash", 16, &meta->content_hash, &meta->has_content_hash, name, err, errlen))
        return -1;
    if (!cJSON_IsArray(*actions))
        return bad(err, errlen, name, "actions", "an array of actions");
    return 0;
}
