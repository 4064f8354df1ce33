/* join_reporter.h — a classmate joining the live press conference as a reporter: questions read one a line,
 * each published to the host, which checks it and sends it on to the station(s). */
#ifndef YQ_APP_JOIN_REPORTER_H
#define YQ_APP_JOIN_REPORTER_H

#include "class/cls.h"

typedef struct app_reporter {
    const char *name;     /* the reporter, at most STORE_NAME_MAX characters */
    const char *outlet;   /* "" none */
    const char *to;       /* a station's session UUID, or CLS_ALL */
    const char *file;     /* NULL: stdin */
    int json;
} app_reporter;

/* Ask every question read; APP_EXIT_OK when all were sent and acknowledged, else the exit status (a line
 * that is no question is named file:line and skipped; the rest still go). */
int app_reporter_run(const cls_endpoint *e, const app_reporter *r);

#endif
