/* join_observer.h — an observer joining a class to rate a station's drill live on the HSEEP scale: ratings read
 * one a line, each published to the host, which checks it and stores it in the class database. */
#ifndef YQ_APP_JOIN_OBSERVER_H
#define YQ_APP_JOIN_OBSERVER_H

#include "class/cls.h"

typedef struct app_observer {
    const char *name;   /* the observer, at most STORE_NAME_MAX characters */
    const char *to;     /* the rated session's UUID */
    const char *file;   /* NULL: stdin */
    int json;
} app_observer;

/* One line "line ID GRADE [COMMENT]" or "action N GRADE [COMMENT]" as a rating by `by` (pointing into line,
 * which is cut up). 0, or -1 with why it is no rating. */
int app_observer_line(char *line, const char *by, store_rating *r, char *err, int errlen);
/* Send every rating read; APP_EXIT_OK when all were sent and acknowledged, else the exit status (a line that
 * is no rating is named file:line and skipped; the rest still go). */
int app_observer_run(const cls_endpoint *e, const app_observer *o);

#endif
