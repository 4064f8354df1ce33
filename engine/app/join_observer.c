/* join_observer.c — `yqdrill join CODE --observer NAME --station UUID|TRAINEE`: an observer rating a station's drill live.
 * Each line read (stdin or a file) is one rating, "line ID GRADE [COMMENT]" or "action N GRADE [COMMENT]"
 * (GRADE P, S, M or U), published to the host (QoS 1), which stores it as `yqdrill rate` would. */
#include "join_observer.h"

#include <stdio.h>
#include <string.h>

#include "join_lines.h"

/* The next space-separated word of *p, cut off with a NUL; "" at the end. */
static char *word(char **p)
{
    char *w = *p + strspn(*p, " ");
    char *end = w + strcspn(w, " ");
    *p = *end ? end + 1 : end;
    *end = '\0';
    return w;
}

int app_observer_line(char *line, const char *by, store_rating *r, char *err, int errlen)
{
    char *p = line, *kind = word(&p), *target = word(&p), *grade = word(&p);
    char *comment = p + strspn(p, " ");
    size_t n = strlen(comment);
    while (n && comment[n - 1] == ' ')
        comment[--n] = '\0';
    if (strcmp(kind, "line") != 0 && strcmp(kind, "action") != 0) {
        snprintf(err, (size_t)errlen, "a rating is \"line ID GRADE [COMMENT]\" or \"action N GRADE [COMMENT]\"");
        return -1;
    }
    if (!store_grade_ok(grade)) {
        snprintf(err, (size_t)errlen, "a grade is one of P, S, M, U, not \"%.16s\"", grade);
        return -1;
    }
    *r = (store_rating){.kind = strcmp(kind, "line") == 0 ? STORE_RATE_LINE : STORE_RATE_ACTION, .target = target,
                        .observer = (char *)by, .grade = grade[0], .comment = *comment ? comment : NULL};
    return store_rating_check(r, err, errlen);
}

static int rating(void *ctx, const char *uuid, int n, char *line, char **msg, const char **json_extra,
                  const char **text_extra, char *err, int errlen)
{
    const app_observer *o = ctx;
    store_rating r;
    if (app_observer_line(line, o->name, &r, err, errlen))
        return -1;
    *msg = cls_msg_rating(uuid, o->to, n, &r);
    *json_extra = "";
    *text_extra = "";
    return 0;
}

int app_observer_run(const cls_endpoint *e, const app_observer *o)
{
    char too_long[128];
    snprintf(too_long, sizeof too_long, "a rating's comment is at most %d characters (this line is longer)",
             STORE_TEXT_MAX);
    app_lines x = {.kind = "rating", .file = o->file, .json = o->json, .too_long = too_long, .ctx = (void *)o,
                   .message = rating};
    return app_lines_run(e, &x);
}
