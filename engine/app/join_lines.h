/* join_lines.h — a seat in a class that plays no drill (a reporter, an observer): lines read one by one (stdin or
 * a file), each made a message by the seat and published to the host on the seat's own topic (QoS 1). */
#ifndef YQ_APP_JOIN_LINES_H
#define YQ_APP_JOIN_LINES_H

#include "class/cls.h"

#define APP_LINE_MAX_BYTES (4 * STORE_TEXT_MAX + 256)   /* a longer line is no message of any seat */

typedef struct app_lines {
    const char *kind;       /* the topic's kind and the printed noun: "question", "rating" */
    const char *file;       /* NULL: stdin */
    int json;
    const char *too_long;   /* why a line longer than APP_LINE_MAX_BYTES is refused */
    void *ctx;
    /* The seat's n-th message (from 0) from a line (its end of line cut), sent as seat uuid: 0 with *msg (malloc'd,
     * NULL out of memory) and what the printed receipt adds (*json_extra: ", \"key\": value" or ""; *text_extra),
     * or -1 with why the line is refused. */
    int (*message)(void *ctx, const char *uuid, int n, char *line, char **msg, const char **json_extra,
                   const char **text_extra, char *err, int errlen);
} app_lines;

/* Send every line's message; APP_EXIT_OK when all were sent and acknowledged by the broker, else the exit
 * status (a refused line is named file:line and skipped; the rest still go). */
int app_lines_run(const cls_endpoint *e, const app_lines *x);

#endif
