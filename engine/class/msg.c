/* msg.c — the wire messages between stations and host: built from the local save, and on arrival
 * size-capped, topic-checked and schema-checked (cJSON) before anything is applied. */
#include "cls.h"

#include <cjson/cJSON.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const cls_refusal_names[CLS_REFUSAL_COUNT] = {"ok", "oversized", "malformed", "foreign"};
static const char *const kind_names[CLS_KIND_COUNT] = {"session", "action", "end",    "status",
                                                        "gone",    "propose", "resync", "done",
                                                        "question", "rating"};

int cls_topic(char *out, int outlen, const char *klass, const char *station, const char *kind)
{
    int n = snprintf(out, (size_t)outlen, "yq/%s/st/%s/%s", klass, station, kind);
    return n < 0 || n >= outlen ? -1 : 0;
}

static cJSON *base(const char *kind, const char *uuid)
{
    cJSON *o = cJSON_CreateObject();
    if (o && (!cJSON_AddStringToObject(o, "kind", kind) || !cJSON_AddStringToObject(o, "uuid", uuid))) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

static char *print_free(cJSON *o)
{
    char *s = o ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    return s;
}

static int add_u64(cJSON *o, const char *key, uint64_t v, int hex)
{
    char buf[24];
    snprintf(buf, sizeof buf, hex ? "%016" PRIx64 : "%" PRIu64, v);
    return cJSON_AddStringToObject(o, key, buf) != NULL;
}

char *cls_msg_session(const store_session *s)
{
    cJSON *o = base("session", s->uuid);
    if (o && !(cJSON_AddStringToObject(o, "trainee", s->trainee) && cJSON_AddStringToObject(o, "scenario", s->scenario) &&
               add_u64(o, "content_hash", s->content_hash, 1) && add_u64(o, "seed", s->seed, 0) &&
               cJSON_AddStringToObject(o, "plan", s->plan) && cJSON_AddStringToObject(o, "version", s->version) &&
               add_u64(o, "plan_hash", s->plan_hash, 1) && cJSON_AddStringToObject(o, "started", s->started))) {
        cJSON_Delete(o);
        return NULL;
    }
    return print_free(o);
}

char *cls_msg_action(const char *uuid, int seq, const sim_action *a)
{
    char *arr = store_actions_to_json(a, 1);
    cJSON *o = base("action", uuid), *parsed = arr ? cJSON_Parse(arr) : NULL;
    free(arr);
    if (!o || !parsed || !cJSON_AddNumberToObject(o, "seq", seq) || !cJSON_AddItemToObject(o, "action", parsed)) {
        if (o && parsed && !cJSON_GetObjectItemCaseSensitive(o, "action"))
            cJSON_Delete(parsed);
        cJSON_Delete(o);
        return NULL;
    }
    return print_free(o);
}

char *cls_msg_end(const store_session *s, const char *scorecard_json)
{
    cJSON *o = base("end", s->uuid), *card = scorecard_json ? cJSON_Parse(scorecard_json) : NULL;
    if (!o || !card || !cJSON_AddNumberToObject(o, "n_actions", s->n_actions) ||
        !cJSON_AddNumberToObject(o, "total", s->total) || !add_u64(o, "world_hash", s->world_hash, 1) ||
        !cJSON_AddItemToObject(o, "scorecard", card)) {
        if (card && !(o && cJSON_GetObjectItemCaseSensitive(o, "scorecard")))
            cJSON_Delete(card);
        cJSON_Delete(o);
        return NULL;
    }
    return print_free(o);
}

char *cls_msg_status(const char *uuid, const cls_status *st)
{
    cJSON *o = base("status", uuid);
    if (o && !(cJSON_AddNumberToObject(o, "t", (double)st->t) && cJSON_AddNumberToObject(o, "level", st->level) &&
               cJSON_AddNumberToObject(o, "heat", st->heat) && cJSON_AddNumberToObject(o, "score", st->score) &&
               cJSON_AddNumberToObject(o, "n_actions", st->n_actions) && cJSON_AddStringToObject(o, "last", st->last) &&
               cJSON_AddBoolToObject(o, "paused", st->paused) && cJSON_AddNumberToObject(o, "speed", st->speed))) {
        cJSON_Delete(o);
        return NULL;
    }
    return print_free(o);
}

char *cls_msg_gone(const char *uuid)
{
    return print_free(base("gone", uuid));
}

/* A seat's message: kind, uuid, trainee, group and a number. */
static cJSON *seat_base(const char *kind, const char *uuid, const char *trainee, const char *group, int n)
{
    cJSON *o = base(kind, uuid);
    if (o && !(cJSON_AddStringToObject(o, "trainee", trainee) && cJSON_AddStringToObject(o, "group", group) &&
               cJSON_AddNumberToObject(o, "seq", n))) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

char *cls_msg_propose(const char *uuid, const char *trainee, const char *group, int n, const sim_action *a)
{
    char *arr = store_actions_to_json(a, 1);
    cJSON *o = seat_base("propose", uuid, trainee, group, n), *parsed = arr ? cJSON_Parse(arr) : NULL;
    free(arr);
    if (!o || !parsed || !cJSON_AddItemToObject(o, "action", parsed)) {
        cJSON_Delete(parsed);
        cJSON_Delete(o);
        return NULL;
    }
    return print_free(o);
}

char *cls_msg_resync(const char *uuid, const char *trainee, const char *group, int from)
{
    return print_free(seat_base("resync", uuid, trainee, group, from));
}

char *cls_msg_done(const char *uuid, const char *trainee, const char *group, int n)
{
    return print_free(seat_base("done", uuid, trainee, group, n));
}

int cls_team_topic(char *out, int outlen, const char *klass, cls_kind kind)
{
    int n = snprintf(out, (size_t)outlen, "yq/%s/ctl/" CLS_TEAM_TOPIC "/%s", klass, kind_names[kind]);
    return n < 0 || n >= outlen ? -1 : 0;
}

char *cls_msg_question(const char *uuid, const char *to, const char *reporter, const char *outlet, int n,
                       int follow_up, const char *text)
{
    cJSON *o = base("question", uuid);
    if (o && !(cJSON_AddStringToObject(o, "to", to) && cJSON_AddStringToObject(o, "reporter", reporter) && cJSON_AddStringToObject(o, "outlet", outlet) &&
               cJSON_AddNumberToObject(o, "seq", n) && cJSON_AddBoolToObject(o, "follow_up", follow_up) &&
               cJSON_AddStringToObject(o, "text", text))) {
        cJSON_Delete(o);
        return NULL;
    }
    return print_free(o);
}

char *cls_msg_rating(const char *uuid, const char *to, int n, const store_rating *r)
{
    cJSON *o = base("rating", uuid);
    char grade[2] = {r->grade, '\0'};
    if (o && !(cJSON_AddStringToObject(o, "to", to) && cJSON_AddStringToObject(o, "observer", r->observer) &&
               cJSON_AddNumberToObject(o, "seq", n) &&
               (r->kind == STORE_RATE_LINE ? cJSON_AddStringToObject(o, "line", r->target) != NULL
                                           : cJSON_AddNumberToObject(o, "action", atof(r->target)) != NULL) &&
               cJSON_AddStringToObject(o, "grade", grade) &&
               (!r->comment || cJSON_AddStringToObject(o, "comment", r->comment)))) {
        cJSON_Delete(o);
        return NULL;
    }
    return print_free(o);
}

/* A string member of at most max bytes copied into dst; 0, or -1 when absent, not a string or too long. */
static int get_str(const cJSON *o, const char *key, char *dst, size_t max)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!cJSON_IsString(v) || strlen(v->valuestring) >= max)
        return -1;
    memcpy(dst, v->valuestring, strlen(v->valuestring) + 1);
    return 0;
}

static int get_u64(const cJSON *o, const char *key, uint64_t *out, int hex)
{
    char buf[24], *end;
    if (get_str(o, key, buf, sizeof buf) || !*buf)
        return -1;
    *out = strtoull(buf, &end, hex ? 16 : 10);
    return *end ? -1 : 0;
}

static int get_int(const cJSON *o, const char *key, int lo, int hi, int *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!cJSON_IsNumber(v) || v->valuedouble < lo || v->valuedouble > hi || v->valuedouble != (int)v->valuedouble)
        return -1;
    *out = (int)v->valuedouble;
    return 0;
}

static int read_session(const cJSON *o, store_session *s)
{
    return get_str(o, "trainee", s->trainee, sizeof s->trainee) || get_str(o, "scenario", s->scenario, sizeof s->scenario) ||
                   get_u64(o, "content_hash", &s->content_hash, 1) || get_u64(o, "seed", &s->seed, 0) ||
                   get_str(o, "plan", s->plan, sizeof s->plan) || get_str(o, "version", s->version, sizeof s->version) ||
                   get_u64(o, "plan_hash", &s->plan_hash, 1) || get_str(o, "started", s->started, sizeof s->started)
               ? -1
               : 0;
}

static int read_action(const cJSON *o, cls_msg *m)
{
    const cJSON *a = cJSON_GetObjectItemCaseSensitive(o, "action");
    char err[256];
    int n = 0;
    char *text = cJSON_IsArray(a) && cJSON_GetArraySize(a) == 1 ? cJSON_PrintUnformatted(a) : NULL;
    int rc = text && get_int(o, "seq", 0, 1000000, &m->seq) == 0 &&
                     store_actions_parse(text, "message", &m->action, &n, err, sizeof err) == 0
                 ? 0
                 : -1;
    free(text);
    if (rc == 0 && (n != 1 || store_action_check(m->action, err, sizeof err))) {
        store_actions_free(m->action, n);
        m->action = NULL;
        rc = -1;
    }
    return rc;
}

/* A seat's trainee, group and number (from least on). */
static int read_seat(const cJSON *o, cls_msg *m, int least)
{
    return get_str(o, "trainee", m->ses.trainee, sizeof m->ses.trainee) || !*m->ses.trainee ||
                   get_str(o, "group", m->group, sizeof m->group) || !store_id_ok(m->group) ||
                   get_int(o, "seq", least, 1000000, &m->seq)
               ? -1
               : 0;
}

static int read_end(const cJSON *o, cls_msg *m)
{
    const cJSON *card = cJSON_GetObjectItemCaseSensitive(o, "scorecard");
    const cJSON *total = cJSON_GetObjectItemCaseSensitive(o, "total");
    if (!cJSON_IsObject(card) || !cJSON_IsNumber(total) ||
        get_int(o, "n_actions", 0, 1000000, &m->ses.n_actions) || get_u64(o, "world_hash", &m->ses.world_hash, 1))
        return -1;
    m->ses.total = total->valuedouble;
    m->scorecard = cJSON_PrintUnformatted(card);
    return m->scorecard ? 0 : -1;
}

/* A finite number member within lo..hi; 0, or -1. */
static int get_num(const cJSON *o, const char *key, double lo, double hi, double *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!cJSON_IsNumber(v) || !(v->valuedouble >= lo && v->valuedouble <= hi))
        return -1;
    *out = v->valuedouble;
    return 0;
}

static int read_status(const cJSON *o, cls_status *st)
{
    const cJSON *paused = cJSON_GetObjectItemCaseSensitive(o, "paused");
    double t;
    if (get_num(o, "t", 0, 1e9, &t) || t != (double)(sim_time)t || get_int(o, "level", 0, 3, &st->level) ||
        get_num(o, "heat", 0, 1e12, &st->heat) || get_num(o, "score", -1e6, 1e6, &st->score) ||
        get_int(o, "n_actions", 0, 1000000, &st->n_actions) || get_str(o, "last", st->last, sizeof st->last) ||
        (*st->last && sim_action_type_parse(st->last) < 0) || !cJSON_IsBool(paused) ||
        get_num(o, "speed", 0, 1e6, &st->speed))
        return -1;
    st->t = (sim_time)t;
    st->paused = cJSON_IsTrue(paused);
    return 0;
}

/* A question's addressee (a session UUID or CLS_ALL), asker, number, follow-up flag and text (1 to CLS_TEXT_MAX
 * characters), names within their caps. */
static int read_question(const cJSON *o, cls_msg *m)
{
    const cJSON *fu = cJSON_GetObjectItemCaseSensitive(o, "follow_up"), *t = cJSON_GetObjectItemCaseSensitive(o, "text");
    long n;
    if (get_str(o, "to", m->to, sizeof m->to) || !*m->to || store_utf8_chars(m->to) > STORE_NAME_MAX ||
        get_str(o, "reporter", m->reporter, sizeof m->reporter) || !*m->reporter ||
        store_utf8_chars(m->reporter) > STORE_NAME_MAX || get_str(o, "outlet", m->outlet, sizeof m->outlet) ||
        store_utf8_chars(m->outlet) > STORE_NAME_MAX || get_int(o, "seq", 0, 1000000, &m->seq) || !cJSON_IsBool(fu) ||
        !cJSON_IsString(t) || (n = store_utf8_chars(t->valuestring)) <= 0 || n > CLS_TEXT_MAX ||
        !(m->text = strdup(t->valuestring)))
        return -1;
    m->follow_up = cJSON_IsTrue(fu);
    return 0;
}

/* An observer's rating: the session it is for, the observer, its number, exactly one of a line id or an action
 * number (1 for the first), a grade and an optional comment, all as store_rating_check allows. */
static int read_rating(const cJSON *o, cls_msg *m)
{
    const cJSON *line = cJSON_GetObjectItemCaseSensitive(o, "line"), *comment = cJSON_GetObjectItemCaseSensitive(o, "comment");
    char grade[2], err[256];
    int action = 0;
    if (get_str(o, "to", m->to, sizeof m->to) || !*m->to || store_utf8_chars(m->to) > STORE_NAME_MAX ||
        get_str(o, "observer", m->reporter, sizeof m->reporter) || get_int(o, "seq", 0, 1000000, &m->seq) ||
        get_str(o, "grade", grade, sizeof grade) || (comment && !cJSON_IsString(comment)) ||
        (line != NULL) == (cJSON_GetObjectItemCaseSensitive(o, "action") != NULL) ||
        (line ? get_str(o, "line", m->target, sizeof m->target) : get_int(o, "action", 1, 999999999, &action)))
        return -1;
    if (!line)
        snprintf(m->target, sizeof m->target, "%d", action);
    if (comment && !(m->text = strdup(comment->valuestring)))
        return -1;
    m->rate_kind = line ? STORE_RATE_LINE : STORE_RATE_ACTION;
    m->grade = grade[0];
    store_rating r = cls_msg_rating_of(m);
    return store_rating_check(&r, err, sizeof err);
}

store_rating cls_msg_rating_of(const cls_msg *m)
{
    return (store_rating){.kind = m->rate_kind, .target = (char *)m->target, .observer = (char *)m->reporter,
                          .grade = m->grade, .comment = m->text};
}

/* The station and kind a topic names within the class: 0, or -1 when it is not yq/CLASS/st/STATION/KIND. */
static int split_topic(const char *klass, const char *topic, char *station, size_t stlen, int *kind)
{
    char prefix[STORE_ID_MAX + 16];
    snprintf(prefix, sizeof prefix, "yq/%s/st/", klass);
    if (strncmp(topic, prefix, strlen(prefix)) != 0)
        return -1;
    const char *st = topic + strlen(prefix), *slash = strchr(st, '/');
    if (!slash || slash == st || (size_t)(slash - st) >= stlen)
        return -1;
    memcpy(station, st, (size_t)(slash - st));
    station[slash - st] = '\0';
    for (int k = 0; k < CLS_KIND_COUNT; k++)
        if (strcmp(slash + 1, kind_names[k]) == 0) {
            *kind = k;
            return 0;
        }
    return -1;
}

/* The payload of a message of this kind, from station (NULL: any uuid), into *m. */
static cls_refusal read_body(const char *topic, const char *station, cls_kind kind, const void *payload, int len,
                             cls_msg *m, char *err, int errlen)
{
    cJSON *o = cJSON_ParseWithLength(payload, (size_t)len);
    const cJSON *k = cJSON_GetObjectItemCaseSensitive(o, "kind");
    int bad = !cJSON_IsObject(o) || !cJSON_IsString(k) || strcmp(k->valuestring, kind_names[kind]) != 0 ||
              get_str(o, "uuid", m->ses.uuid, sizeof m->ses.uuid) || strlen(m->ses.uuid) != 36;
    m->kind = kind;
    if (!bad && station && strcmp(m->ses.uuid, station) != 0) {
        cJSON_Delete(o);
        snprintf(err, (size_t)errlen, "%s: session %s sent on another station's topic", topic, m->ses.uuid);
        return CLS_FOREIGN;
    }
    if (!bad)
        bad = kind == CLS_SESSION   ? read_session(o, &m->ses)
              : kind == CLS_ACTION  ? read_action(o, m)
              : kind == CLS_END     ? read_end(o, m)
              : kind == CLS_STATUS  ? read_status(o, &m->status)
              : kind == CLS_PROPOSE ? read_seat(o, m, 0) || read_action(o, m)
              : kind == CLS_RESYNC  ? read_seat(o, m, -1)
              : kind == CLS_DONE    ? read_seat(o, m, 0)
              : kind == CLS_QUESTION ? read_question(o, m)
              : kind == CLS_RATING  ? read_rating(o, m)
                                    : 0;   /* gone: its kind and uuid are all it says */
    cJSON_Delete(o);
    if (bad) {
        cls_msg_free(m);
        snprintf(err, (size_t)errlen, "%s: not a valid %s message", topic, kind_names[kind]);
        return CLS_MALFORMED;
    }
    return CLS_OK;
}

cls_refusal cls_msg_read(const char *klass, const char *topic, const void *payload, int len, cls_msg *m, char *err,
                         int errlen)
{
    memset(m, 0, sizeof *m);
    char station[64];
    int kind;
    if (len > CLS_MSG_MAX) {
        snprintf(err, (size_t)errlen, "%s: %d bytes, more than %d", topic, len, CLS_MSG_MAX);
        return CLS_OVERSIZED;
    }
    if (split_topic(klass, topic, station, sizeof station, &kind)) {
        snprintf(err, (size_t)errlen, "%s: not a station topic of class %s", topic, klass);
        return CLS_FOREIGN;
    }
    return read_body(topic, station, (cls_kind)kind, payload, len, m, err, errlen);
}

cls_refusal cls_team_read(const char *klass, const char *topic, const void *payload, int len, cls_msg *m, char *err,
                          int errlen)
{
    memset(m, 0, sizeof *m);
    char prefix[STORE_ID_MAX + 32];
    snprintf(prefix, sizeof prefix, "yq/%s/ctl/" CLS_TEAM_TOPIC "/", klass);
    int kind = -1;
    for (int k = CLS_SESSION; k < CLS_KIND_COUNT && strncmp(topic, prefix, strlen(prefix)) == 0; k++)
        if ((k <= CLS_STATUS || k == CLS_DONE) && strcmp(topic + strlen(prefix), kind_names[k]) == 0)
            kind = k;
    if (len > CLS_MSG_MAX) {
        snprintf(err, (size_t)errlen, "%s: %d bytes, more than %d", topic, len, CLS_MSG_MAX);
        return CLS_OVERSIZED;
    }
    if (kind < 0) {
        snprintf(err, (size_t)errlen, "%s: not a team topic of class %s", topic, klass);
        return CLS_FOREIGN;
    }
    return read_body(topic, NULL, (cls_kind)kind, payload, len, m, err, errlen);
}

void cls_msg_free(cls_msg *m)
{
    if (m->action)
        store_actions_free(m->action, 1);
    free(m->scorecard);
    free(m->text);
    m->action = NULL;
    m->scorecard = NULL;
    m->text = NULL;
}
