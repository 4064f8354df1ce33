/* join_lines.c — a seat that plays no drill: each line read (stdin or a file) made a message by the seat and
 * published on its own topic (QoS 1, client id its fresh UUID), then the broker's acknowledgements awaited. */
#include "join_lines.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "class/cls_link.h"
#include "commands.h"

#define ACK_WAIT_S 10.0   /* how long the seat waits at the end for the broker's acknowledgements */

static void on_published(void *ctx, int mid)
{
    (void)mid;
    (*(int *)ctx)++;
}

/* Send one message; offline, reconnect first. 0, or -1 with a message. */
static int send_msg(cls_link *l, const cls_endpoint *e, const char *topic, const char *msg, char *err, int errlen)
{
    if (!cls_link_connected(l) && cls_link_reconnect(l, e, ACK_WAIT_S, err, errlen))
        return -1;
    if (cls_link_publish(l, topic, msg, NULL, err, errlen))
        return -1;
    cls_link_loop(l, 0);
    return 0;
}

/* The line read into line: 1 a line, 0 at the end; one too long is skipped to its end and refused (err). */
static int next_line(FILE *in, char *line, int *too_long)
{
    if (!fgets(line, APP_LINE_MAX_BYTES, in))
        return 0;
    *too_long = !strchr(line, '\n') && !feof(in);
    for (int ch = 0; *too_long && ch != EOF && ch != '\n';)
        ch = fgetc(in);
    line[strcspn(line, "\r\n")] = '\0';
    return 1;
}

/* Every line sent; the number sent in *sent, lines refused in *bad. APP_EXIT_OK, or the failure's status. */
static int send_all(const app_lines *x, const cls_endpoint *e, cls_link *l, const char *uuid, const char *topic,
                    FILE *in, int *sent, int *bad)
{
    char err[512], *line = malloc(APP_LINE_MAX_BYTES);
    int rc = line ? APP_EXIT_OK : APP_EXIT_STORAGE, lineno = 0, too_long;
    while (rc == APP_EXIT_OK && next_line(in, line, &too_long)) {
        lineno++;
        char *msg = NULL;
        const char *json_extra = "", *text_extra = "";
        if (!too_long && line[strspn(line, " ")] == '\0')
            continue;
        if (too_long || x->message(x->ctx, uuid, *sent, line, &msg, &json_extra, &text_extra, err, sizeof err)) {
            fprintf(stderr, "%s:%d: %s\n", x->file ? x->file : "stdin", lineno, too_long ? x->too_long : err);
            (*bad)++;
            continue;
        }
        rc = !msg ? APP_EXIT_STORAGE : send_msg(l, e, topic, msg, err, sizeof err) ? APP_EXIT_USAGE : APP_EXIT_OK;
        free(msg);
        if (rc == APP_EXIT_USAGE)
            fprintf(stderr, "yqdrill join: %s\n", err);
        if (rc)
            break;
        if (x->json)
            printf("{\"%s\": %d, \"line\": %d%s}\n", x->kind, *sent, lineno, json_extra);
        else
            printf("%s %d sent%s\n", x->kind, *sent + 1, text_extra);
        fflush(stdout);
        (*sent)++;
    }
    free(line);
    return rc;
}

int app_lines_run(const cls_endpoint *e, const app_lines *x)
{
    char err[512], uuid[37], topic[256];
    FILE *in = x->file ? fopen(x->file, "r") : stdin;
    if (!in) {
        fprintf(stderr, "yqdrill join: cannot read %s\n", x->file);
        return APP_EXIT_USAGE;
    }
    int acked = 0, sent = 0, bad = 0;
    cls_link_handlers hd = {.ctx = &acked, .published = on_published};
    cls_link *l = NULL;
    if (store_uuid_new(uuid, err, sizeof err) || cls_topic(topic, sizeof topic, e->klass, uuid, x->kind) ||
        cls_link_open(&l, e, CLS_STATION_USER, e->pass, uuid, &hd, ACK_WAIT_S, err, sizeof err)) {
        fprintf(stderr, "yqdrill join: %s\n", err);
        if (in != stdin)
            fclose(in);
        return APP_EXIT_USAGE;
    }
    int rc = send_all(x, e, l, uuid, topic, in, &sent, &bad);
    for (int waited = 0; rc == APP_EXIT_OK && acked < sent && waited < ACK_WAIT_S * 10; waited++)
        if (cls_link_loop(l, 100) && cls_link_reconnect(l, e, ACK_WAIT_S, err, sizeof err))
            break;
    if (rc == APP_EXIT_OK && acked < sent) {
        fprintf(stderr, "yqdrill join: the broker acknowledged %d of %d %ss\n", acked, sent, x->kind);
        rc = APP_EXIT_USAGE;
    }
    if (rc == APP_EXIT_STORAGE)
        fprintf(stderr, "yqdrill join: out of memory\n");
    cls_link_close(l);
    if (in != stdin)
        fclose(in);
    return rc == APP_EXIT_OK && bad ? APP_EXIT_USAGE : rc;
}
