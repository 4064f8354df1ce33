/* fuzz_response.c — libFuzzer harness for response files (store_actions_parse): any text is parsed
 * without crash or leak, and whatever parses is written back and read again to the same actions. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"
#include "store/store.h"

static int same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static int same_action(const sim_action *a, const sim_action *b)
{
    return a->t == b->t && a->type == b->type && a->role == b->role && a->level == b->level &&
           same_str(a->target, b->target) && same_str(a->channel, b->channel) && same_str(a->text, b->text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *json = fuzz_cstr(data, size);
    sim_action *acts = NULL;
    int n = 0;
    char err[512];
    if (store_actions_parse(json, "fuzz.json", &acts, &n, err, sizeof err) == 0) {
        char *again = store_actions_to_json(acts, n);
        if (!again)
            abort();
        sim_action *back = NULL;
        int m = 0;
        if (store_actions_parse(again, "again.json", &back, &m, err, sizeof err) != 0 || m != n)
            abort();
        for (int i = 0; i < n; i++)
            if (!same_action(&acts[i], &back[i]))
                abort();
        store_actions_free(back, m);
        free(again);
        store_actions_free(acts, n);
    }
    free(json);
    return 0;
}
