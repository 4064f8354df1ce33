/* fuzz_class_msg.c — libFuzzer harness for the live classroom's readers: every input is read as a
 * message on each station topic kind (cls_msg_read) and as a join code (cls_code_parse). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "class/cls.h"
#include "store/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const topics[] = {"yq/demo/st/11111111-2222-4333-8444-555555555555/session",
                                         "yq/demo/st/11111111-2222-4333-8444-555555555555/action",
                                         "yq/demo/st/11111111-2222-4333-8444-555555555555/end", "yq/demo/ctl/x"};
    char err[512];
    for (size_t i = 0; i < sizeof topics / sizeof topics[0]; i++) {
        cls_msg m;
        if (cls_msg_read("demo", topics[i], data, (int)size, &m, err, sizeof err) == CLS_OK)
            cls_msg_free(&m);
    }
    char *code = malloc(size + 1);
    if (!code)
        return 0;
    memcpy(code, data, size);
    code[size] = '\0';
    cls_endpoint e;
    cls_code_parse(code, &e, err, sizeof err);
    free(code);
    return 0;
}
