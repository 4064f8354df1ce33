/* fuzz_t2s_cache.c — libFuzzer harness for the t2s change cache file (lang_t2s_cache_parse): any bytes are
 * refused or read without crash; a file that reads is written again under its key and reads back the same. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"
#include "lang/t2s_cache.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The key is the input's second line, so that inputs can reach past the key check. */
    char key[LANG_T2S_KEY_MAX + 1] = "";
    const uint8_t *nl = memchr(data, '\n', size);
    const uint8_t *end = nl ? memchr(nl + 1, '\n', size - (size_t)(nl + 1 - data)) : NULL;
    if (end && (size_t)(end - nl - 1) <= LANG_T2S_KEY_MAX && !memchr(nl + 1, '\0', (size_t)(end - nl - 1)))
        memcpy(key, nl + 1, (size_t)(end - nl - 1));
    uint8_t bits[LANG_T2S_BITS_BYTES], again[LANG_T2S_BITS_BYTES];
    if (lang_t2s_cache_parse((const char *)data, size, key, bits) == 0) {
        char path[1024];
        fuzz_path(path, sizeof path, "t2s.txt");
        if (lang_t2s_cache_write(path, key, bits) || lang_t2s_cache_read(path, key, again) ||
            memcmp(bits, again, sizeof bits) != 0)
            abort();
    }
    return 0;
}
