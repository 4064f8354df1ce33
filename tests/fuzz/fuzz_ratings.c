/* fuzz_ratings.c — libFuzzer harness for observers' ratings files (store_ratings_parse): any text is parsed
 * without crash or leak; what parses passes the store's own check, and its agreement and JSON are built. */
#include <stdint.h>
#include <stdlib.h>

#include "fuzz_util.h"
#include "store/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *json = fuzz_cstr(data, size);
    store_rating *r = NULL;
    int n = 0;
    char err[512];
    if (store_ratings_parse(json, "观察员", &r, &n, err, sizeof err) == 0) {
        score_agreement a;
        for (int i = 0; i < n; i++)
            if (store_rating_check(&r[i], err, sizeof err))
                abort();
        if (store_ratings_agreement(r, n, &a) || (a.defined && (a.alpha > 1.0 || a.alpha != a.alpha)))
            abort();
        free(store_ratings_json(r, n, NULL));
        store_ratings_free(r, n);
    }
    free(json);
    return 0;
}
