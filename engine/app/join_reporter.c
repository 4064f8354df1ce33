/* join_reporter.c — `yqdrill join CODE --reporter NAME`: a classmate asking the spokesperson live. Each line
 * read (stdin or a file) is one question, "follow-up:" before it a follow-up, published to the host (QoS 1). */
#include "join_reporter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "class/cls_link.h"
#include "commands.h"

#define FOLLOW_UP "follow-up:"
#define ACK_WAIT_S 10.0   /* how long the reporter waits at the end for the broker's acknowledgements */
#define LINE_MAX_BYTES (4 * CLS_TEXT_MAX + 64)

static void on_published(void *ctx, int mid)
{
    (void)mid;
    (*(int *)ctx)++;
}

/* One line as a question: its text (the follow-up prefix and surrounding spaces cut) and flag. 0, or -1 with
 * why it cannot be sent. */
static int question_of(char *line, int asked, char **text, int *follow_up, char *err, int errlen)
{
    size_t n = strlen(line);
    while (n && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' '))
        line[--n] = '\0';
    *follow_up = strncmp(line, FOLLOW_UP, strlen(FOLLOW_UP)) == 0;
    *text = line + (*follow_up ? strlen(FOLLOW_UP) : 0);
    while (**text == ' ')
        (*text)++;
    long chars = store_utf8_chars(*text);
    if (*follow_up && !asked)
        snprintf(err, (size_t)errlen, "a follow-up needs a question of yours before it");
    else if (chars <= 0 || chars > CLS_TEXT_MAX)
        snprintf(err, (size_t)errlen, "a question is 1 to %d characters (this one %ld)", CLS_TEXT_MAX, chars);
    else
        return 0;
    return -1;
}

/* Send one question; offline, reconnect first. 0, or -1 with a message. */
static int send_question(cls_link *l, const cls_endpoint *e, const char *topic, const char *msg, char *err, int errlen)
{
    if (!cls_link_connected(l) && cls_link_reconnect(l, e, ACK_WAIT_S, err, errlen))
        return -1;
    if (cls_link_publish(l, topic, msg, NULL, err, errlen))
        return -1;
    cls_link_loop(l, 0);
    return 0;
}

int app_reporter_run(const cls_endpoint *e, const app_reporter *r)
{
    char err[512], uuid[37], topic[256];
    FILE *in = r->file ? fopen(r->file, "r") : stdin;
    if (!in) {
        fprintf(stderr, "yqdrill join: cannot read %s\n", r->file);
        return APP_EXIT_USAGE;
    }
    int acked = 0, sent = 0, bad = 0, lineno = 0;
    cls_link_handlers hd = {.ctx = &acked, .published = on_published};
    cls_link *l = NULL;
    if (store_uuid_new(uuid, err, sizeof err) || cls_topic(topic, sizeof topic, e->klass, uuid, "question") ||
        cls_link_open(&l, e, CLS_STATION_USER, e->pass, uuid, &hd, ACK_WAIT_S, err, sizeof err)) {
        fprintf(stderr, "yqdrill join: %s\n", err);
        if (in != stdin)
            fclose(in);
        return APP_EXIT_USAGE;
    }
    char *line = malloc(LINE_MAX_BYTES);
    int rc = line ? APP_EXIT_OK : APP_EXIT_STORAGE;
    while (rc == APP_EXIT_OK && fgets(line, LINE_MAX_BYTES, in)) {
        lineno++;
        char *text;
        int follow_up;
        if (!strchr(line, '\n') && !feof(in)) {   /* longer than any question: the rest of the line skipped */
            int ch;
            while ((ch = fgetc(in)) != EOF && ch != '\n')
                ;
            snprintf(err, sizeof err, "a question is 1 to %d characters (this line is longer)", CLS_TEXT_MAX);
        } else if (line[strspn(line, " \r\n")] == '\0') {
            continue;
        } else if (question_of(line, sent, &text, &follow_up, err, sizeof err) == 0) {
            char *msg = cls_msg_question(uuid, r->to, r->name, r->outlet, sent, follow_up, text);
            if (!msg)
                rc = APP_EXIT_STORAGE;
            else if (send_question(l, e, topic, msg, err, sizeof err))
                rc = APP_EXIT_USAGE;
            free(msg);
            if (rc) {
                fprintf(stderr, "yqdrill join: %s\n", err);
                break;
            }
            if (r->json)
                printf("{\"question\": %d, \"line\": %d, \"follow_up\": %s}\n", sent, lineno, follow_up ? "true" : "false");
            else
                printf("question %d sent%s\n", sent + 1, follow_up ? " (follow-up)" : "");
            fflush(stdout);
            sent++;
            continue;
        }
        fprintf(stderr, "%s:%d: %s\n", r->file ? r->file : "stdin", lineno, err);
        bad++;
    }
    for (int waited = 0; rc == APP_EXIT_OK && acked < sent && waited < ACK_WAIT_S * 10; waited++)
        if (cls_link_loop(l, 100) && cls_link_reconnect(l, e, ACK_WAIT_S, err, sizeof err))
            break;
    if (rc == APP_EXIT_OK && acked < sent) {
        fprintf(stderr, "yqdrill join: the broker acknowledged %d of %d questions\n", acked, sent);
        rc = APP_EXIT_USAGE;
    }
    if (rc == APP_EXIT_STORAGE)
        fprintf(stderr, "yqdrill join: out of memory\n");
    free(line);
    cls_link_close(l);
    if (in != stdin)
        fclose(in);
    return rc == APP_EXIT_OK && bad ? APP_EXIT_USAGE : rc;
}
