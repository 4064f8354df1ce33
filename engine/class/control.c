/* control.c — the instructor's controls: typed commands read from the host's console, the control
 * message sent to stations, its size-, topic- and schema-checked reading on arrival, and what it does to a
 * drill (an action, or an instructor note read back when a station resumes). */
#include "cls.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOTE_PREFIX "class control: "   /* the instructor notes a pace control leaves in a session */

const char *const cls_op_names[CLS_OP_COUNT] = {"pause", "resume", "speed", "inject", "post", "ask", "end", "status"};

/* What each op carries besides who it is for (typed and on the wire). */
enum { ARG_NONE, ARG_SPEED, ARG_ID, ARG_TEXT };
static const int op_arg[CLS_OP_COUNT] = {ARG_NONE, ARG_NONE, ARG_SPEED, ARG_ID, ARG_TEXT, ARG_TEXT, ARG_NONE, ARG_NONE};

static int op_parse(const char *name, size_t len)
{
    for (int i = 0; i < CLS_OP_COUNT; i++)
        if (strlen(cls_op_names[i]) == len && strncmp(cls_op_names[i], name, len) == 0)
            return i;
    return -1;
}

void cls_control_free(cls_control *c)
{
    free(c->text);
    c->text = NULL;
}

/* The text argument's bounds: not empty, at most CLS_TEXT_MAX (UTF-8) characters. */
static int text_ok(const char *t)
{
    long n = store_utf8_chars(t);
    return *t && n > 0 && n <= CLS_TEXT_MAX;
}

/* A speed: above 0 and up to CLS_SPEED_MAX, or 0 for as fast as the station goes ("max" when typed). */
static int speed_ok(double v)
{
    return v >= 0.0 && v <= CLS_SPEED_MAX;
}

/* A word of the command line at *p (spaces skipped): its start and length, *p moved past it. */
static const char *word(const char **p, size_t *len)
{
    while (isspace((unsigned char)**p))
        (*p)++;
    const char *w = *p;
    while (**p && !isspace((unsigned char)**p))
        (*p)++;
    *len = (size_t)(*p - w);
    return w;
}

/* The rest of the line as text: "quoted" (\" and \\ escapes, nothing after the closing quote) or bare. */
static char *rest_text(const char *p)
{
    while (isspace((unsigned char)*p))
        p++;
    size_t n = strlen(p);
    while (n && isspace((unsigned char)p[n - 1]))
        n--;
    char *out = malloc(n + 1), *o = out;
    if (!out)
        return NULL;
    if (*p != '"') {
        memcpy(out, p, n);
        out[n] = '\0';
        return out;
    }
    const char *q = p + 1, *end = p + n;
    for (; q < end && *q != '"'; q++) {
        if (*q == '\\' && q + 1 < end && (q[1] == '"' || q[1] == '\\'))
            q++;
        *o++ = *q;
    }
    *o = '\0';
    if (q >= end || q + 1 != end) {   /* unterminated, or something after the closing quote */
        free(out);
        return NULL;
    }
    return out;
}

int cls_command_parse(const char *line, cls_control *c, char *err, int errlen)
{
    memset(c, 0, sizeof *c);
    const char *p = line;
    size_t len;
    const char *w = word(&p, &len);
    int op = op_parse(w, len);
    if (op < 0) {
        snprintf(err, (size_t)errlen, "unknown command \"%.*s\" (pause, resume, speed, inject, post, ask, end, status)",
                 (int)(len > 40 ? 40 : len), w);
        return -1;
    }
    c->op = (cls_op)op;
    if (op == CLS_OP_STATUS)
        return *word(&p, &len) ? (snprintf(err, (size_t)errlen, "status takes nothing more"), -1) : 0;
    if (op_arg[op] == ARG_SPEED) {
        w = word(&p, &len);
        char num[32], *end = num;
        snprintf(num, sizeof num, "%.*s", (int)(len < sizeof num ? len : sizeof num - 1), w);
        int is_max = strcmp(num, "max") == 0;
        c->speed = is_max ? 0.0 : strtod(num, &end);
        if (!len || len >= sizeof num || (!is_max && (*end || !(c->speed > 0.0))) || !speed_ok(c->speed)) {
            snprintf(err, (size_t)errlen, "speed takes a number above 0 and up to %g, or max, first, e.g. \"speed 2 all\"",
                     CLS_SPEED_MAX);
            return -1;
        }
    }
    w = word(&p, &len);
    if (!len || len >= sizeof c->who) {
        snprintf(err, (size_t)errlen, "%s needs whom: \"all\", a trainee's name or a session UUID", cls_op_names[op]);
        return -1;
    }
    memcpy(c->who, w, len);
    c->who[len] = '\0';
    if (op_arg[op] == ARG_ID) {
        w = word(&p, &len);
        if (len >= sizeof c->target)
            len = 0;
        memcpy(c->target, w, len);
        c->target[len] = '\0';
        if (!store_id_ok(c->target)) {
            snprintf(err, (size_t)errlen, "inject needs the scenario inject's id, e.g. \"inject all i_rumour\"");
            return -1;
        }
    }
    if (op_arg[op] == ARG_TEXT) {
        c->text = rest_text(p);
        if (!c->text || !text_ok(c->text)) {
            cls_control_free(c);
            snprintf(err, (size_t)errlen, "%s needs a text of 1 to %d characters, e.g. %s all \"...\"", cls_op_names[op],
                     CLS_TEXT_MAX, cls_op_names[op]);
            return -1;
        }
    }
    if (op == CLS_OP_ASK)
        snprintf(c->reporter, sizeof c->reporter, "%s", CLS_INSTRUCTOR);
    if (op_arg[op] != ARG_TEXT && *word(&p, &len)) {
        snprintf(err, (size_t)errlen, "%s: unexpected words after the command", cls_op_names[op]);
        return -1;
    }
    return 0;
}

char *cls_control_msg(const cls_control *c)
{
    cJSON *o = cJSON_CreateObject();
    int ok = o && (unsigned)c->op < CLS_OP_STATUS && cJSON_AddStringToObject(o, "kind", "control") &&
             cJSON_AddStringToObject(o, "host", c->host) && cJSON_AddNumberToObject(o, "id", c->id) &&
             cJSON_AddStringToObject(o, "op", cls_op_names[c->op]);
    if (ok && op_arg[c->op] == ARG_SPEED)
        ok = cJSON_AddNumberToObject(o, "speed", c->speed) != NULL;
    if (ok && op_arg[c->op] == ARG_ID)
        ok = cJSON_AddStringToObject(o, "target", c->target) != NULL;
    if (ok && op_arg[c->op] == ARG_TEXT)
        ok = c->text && cJSON_AddStringToObject(o, "text", c->text) != NULL;
    if (ok && c->op == CLS_OP_ASK)
        ok = cJSON_AddStringToObject(o, "reporter", c->reporter) && cJSON_AddStringToObject(o, "outlet", c->outlet) &&
             cJSON_AddBoolToObject(o, "follow_up", c->follow_up);
    char *s = ok ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    return s;
}

/* A string member naming someone: at most STORE_NAME_MAX characters (empty only when may_be_empty). */
static int read_name(const cJSON *o, const char *key, char *dst, size_t cap, int may_be_empty)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!cJSON_IsString(v) || strlen(v->valuestring) >= cap || (!may_be_empty && !*v->valuestring) ||
        store_utf8_chars(v->valuestring) > STORE_NAME_MAX)
        return -1;
    memcpy(dst, v->valuestring, strlen(v->valuestring) + 1);
    return 0;
}

/* A question's asker, outlet and follow-up flag. */
static int read_asker(const cJSON *o, cls_control *c)
{
    const cJSON *fu = cJSON_GetObjectItemCaseSensitive(o, "follow_up");
    if (read_name(o, "reporter", c->reporter, sizeof c->reporter, 0) ||
        read_name(o, "outlet", c->outlet, sizeof c->outlet, 1) || !cJSON_IsBool(fu))
        return -1;
    c->follow_up = cJSON_IsTrue(fu);
    return 0;
}

/* The control's fields from its JSON object; 0, or -1 when not the schema. */
static int read_fields(const cJSON *o, cls_control *c)
{
    const cJSON *kind = cJSON_GetObjectItemCaseSensitive(o, "kind"), *host = cJSON_GetObjectItemCaseSensitive(o, "host");
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(o, "id"), *op = cJSON_GetObjectItemCaseSensitive(o, "op");
    if (!cJSON_IsString(kind) || strcmp(kind->valuestring, "control") != 0 || !cJSON_IsString(host) ||
        !*host->valuestring || strlen(host->valuestring) >= sizeof c->host || !cJSON_IsNumber(id) ||
        id->valuedouble < 1 || id->valuedouble > 1e9 || id->valuedouble != (int)id->valuedouble ||
        !cJSON_IsString(op))
        return -1;
    int k = op_parse(op->valuestring, strlen(op->valuestring));
    if (k < 0 || k == CLS_OP_STATUS)
        return -1;
    c->op = (cls_op)k;
    c->id = (int)id->valuedouble;
    memcpy(c->host, host->valuestring, strlen(host->valuestring) + 1);
    const cJSON *v;
    switch (op_arg[k]) {
    case ARG_SPEED:
        v = cJSON_GetObjectItemCaseSensitive(o, "speed");
        if (!cJSON_IsNumber(v) || !speed_ok(v->valuedouble))
            return -1;
        c->speed = v->valuedouble;
        return 0;
    case ARG_ID:
        v = cJSON_GetObjectItemCaseSensitive(o, "target");
        if (!cJSON_IsString(v) || strlen(v->valuestring) >= sizeof c->target || !store_id_ok(v->valuestring))
            return -1;
        memcpy(c->target, v->valuestring, strlen(v->valuestring) + 1);
        return 0;
    case ARG_TEXT:
        v = cJSON_GetObjectItemCaseSensitive(o, "text");
        if (!cJSON_IsString(v) || !text_ok(v->valuestring) || !(c->text = strdup(v->valuestring)))
            return -1;
        return k == CLS_OP_ASK ? read_asker(o, c) : 0;
    default:
        return 0;
    }
}

int cls_control_effect(const cls_control *c, sim_time t, sim_role role, sim_action *a, char *note, int notelen)
{
    memset(a, 0, sizeof *a);
    a->t = t;
    a->role = role;
    a->level = SIM_LEVEL_NONE;
    switch (c->op) {
    case CLS_OP_INJECT:
        a->type = SIM_ACT_INJECT;
        a->target = (char *)c->target;
        return 1;
    case CLS_OP_POST:
        a->type = SIM_ACT_POST;
        a->text = c->text;
        return 1;
    case CLS_OP_ASK:   /* a live question: the press queue's, a world event like a scripted question */
        a->type = SIM_ACT_ASK;
        a->text = c->text;
        a->target = (char *)c->reporter;
        a->channel = *c->outlet ? (char *)c->outlet : NULL;
        a->follow_up = c->follow_up;
        return 1;
    default:
        break;
    }
    if (c->op == CLS_OP_SPEED && c->speed == 0.0)
        snprintf(note, (size_t)notelen, NOTE_PREFIX "speed max");
    else if (c->op == CLS_OP_SPEED)
        snprintf(note, (size_t)notelen, NOTE_PREFIX "speed %g", c->speed);
    else
        snprintf(note, (size_t)notelen, NOTE_PREFIX "%s", cls_op_names[c->op]);
    return 0;
}

int cls_control_of_note(const char *note, cls_control *c)
{
    static const cls_op pace[] = {CLS_OP_PAUSE, CLS_OP_RESUME, CLS_OP_END};
    memset(c, 0, sizeof *c);
    if (strncmp(note, NOTE_PREFIX, strlen(NOTE_PREFIX)) != 0)
        return 0;
    const char *rest = note + strlen(NOTE_PREFIX);
    for (size_t i = 0; i < sizeof pace / sizeof pace[0]; i++)
        if (strcmp(rest, cls_op_names[pace[i]]) == 0) {
            c->op = pace[i];
            return 1;
        }
    char *end;
    c->op = CLS_OP_SPEED;
    if (strcmp(rest, "speed max") == 0)
        return 1;
    if (strncmp(rest, "speed ", 6) != 0)
        return 0;
    c->speed = strtod(rest + 6, &end);
    return end != rest + 6 && *end == '\0' && c->speed > 0;
}

cls_refusal cls_control_read(const char *klass, const char *uuid, const char *topic, const void *payload, int len,
                             cls_control *c, char *err, int errlen)
{
    memset(c, 0, sizeof *c);
    char all[STORE_ID_MAX + 32], mine[STORE_ID_MAX + 80];
    snprintf(all, sizeof all, "yq/%s/ctl/" CLS_ALL, klass);
    snprintf(mine, sizeof mine, "yq/%s/ctl/%s", klass, uuid);
    if (len > CLS_MSG_MAX) {
        snprintf(err, (size_t)errlen, "%s: %d bytes, more than %d", topic, len, CLS_MSG_MAX);
        return CLS_OVERSIZED;
    }
    if (strcmp(topic, all) != 0 && strcmp(topic, mine) != 0) {
        snprintf(err, (size_t)errlen, "%s: not a control topic of this station", topic);
        return CLS_FOREIGN;
    }
    cJSON *o = cJSON_ParseWithLength(payload, (size_t)len);
    int bad = !cJSON_IsObject(o) || read_fields(o, c);
    cJSON_Delete(o);
    if (bad) {
        cls_control_free(c);
        snprintf(err, (size_t)errlen, "%s: not a valid control message", topic);
        return CLS_MALFORMED;
    }
    snprintf(c->who, sizeof c->who, "%s", strcmp(topic, all) == 0 ? CLS_ALL : uuid);
    return CLS_OK;
}
