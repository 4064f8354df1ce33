/* join_reporter.c — `yqdrill join CODE --reporter NAME`: a classmate asking the spokesperson live. Each line
 * read (stdin or a file) is one question, "follow-up:" before it a follow-up, published to the host (QoS 1). */
#include "join_reporter.h"

#include <stdio.h>
#include <string.h>

#include "join_lines.h"

#define FOLLOW_UP "follow-up:"

/* One line as question n: its text (the follow-up prefix and surrounding spaces cut) and flag, as a message. */
static int question(void *ctx, const char *uuid, int n, char *line, char **msg, const char **json_extra,
                    const char **text_extra, char *err, int errlen)
{
    const app_reporter *r = ctx;
    size_t len = strlen(line);
    while (len && line[len - 1] == ' ')
        line[--len] = '\0';
    int follow_up = strncmp(line, FOLLOW_UP, strlen(FOLLOW_UP)) == 0;
    char *text = line + (follow_up ? strlen(FOLLOW_UP) : 0);
    while (*text == ' ')
        text++;
    long chars = store_utf8_chars(text);
    if (follow_up && !n) {
        snprintf(err, (size_t)errlen, "a follow-up needs a question of yours before it");
        return -1;
    }
    if (chars <= 0 || chars > CLS_TEXT_MAX) {
        snprintf(err, (size_t)errlen, "a question is 1 to %d characters (this one %ld)", CLS_TEXT_MAX, chars);
        return -1;
    }
    *msg = cls_msg_question(uuid, r->to, r->name, r->outlet, n, follow_up, text);
    *json_extra = follow_up ? ", \"follow_up\": true" : ", \"follow_up\": false";
    *text_extra = follow_up ? " (follow-up)" : "";
    return 0;
}

int app_reporter_run(const cls_endpoint *e, const app_reporter *r)
{
    char too_long[128];
    snprintf(too_long, sizeof too_long, "a question is 1 to %d characters (this line is longer)", CLS_TEXT_MAX);
    app_lines x = {.kind = "question", .file = r->file, .json = r->json, .too_long = too_long, .ctx = (void *)r,
                   .message = question};
    return app_lines_run(e, &x);
}
