/* test_ui_fmt.c — ui_fmt fills a template into a fixed buffer and, when the buffer is too small, cuts
 * at a character boundary: never half a UTF-8 character at the end. */
#include <string.h>

#include "check.h"
#include "ui/i18n.h"

/* 1 when s is valid UTF-8 (well-formed sequences only). */
static int valid_utf8(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        int len = *p < 0x80 ? 1 : *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : *p >= 0xC2 ? 2 : 0;
        if (!len)
            return 0;
        for (int i = 1; i < len; i++)
            if ((p[i] & 0xC0) != 0x80)
                return 0;
        p += len;
    }
    return 1;
}

int main(void)
{
    char buf[64];
    CHECK_STR(ui_fmt(buf, sizeof buf, "{1} 发布了 {2}", "王芳", "通报", NULL), "王芳 发布了 通报");
    for (size_t len = 1; len <= 20; len++) {
        ui_fmt(buf, len, "发布：{1}", "网传视频系摆拍", NULL, NULL);
        CHECK_MSG(valid_utf8(buf), "cut to %zu bytes: invalid UTF-8", len);
        CHECK(strlen(buf) < len);
        CHECK(strlen(buf) + 3 >= len - 1);   /* at most one character (3 bytes) given up */
    }
    const char *cut = ui_fmt(buf, 8, "ab{1}", "😀😀", NULL, NULL);
    CHECK_STR(cut, "ab😀");
    return CHECK_DONE();
}
