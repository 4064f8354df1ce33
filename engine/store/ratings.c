/* ratings.c — observers' HSEEP ratings (P/S/M/U) of a session's rubric lines and single actions, stored
 * beside the action log (one rating per observer and target, a later one replacing the earlier), and
 * read from an observer's ratings file. */
#include "store_internal.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RATINGS_FILE_MAX (4L * 1024 * 1024)

static const char *const kind_names[] = {"line", "action"};

const char *store_rating_kind_name(store_rating_kind k)
{
    return k == STORE_RATE_ACTION ? kind_names[1] : kind_names[0];
}

int store_grade_ok(const char *g)
{
    return g && g[0] && !g[1] && strchr("PSMU", g[0]) != NULL;
}

int store_rating_check(const store_rating *r, char *err, int errlen)
{
    if (!r->target || !r->target[0] || !r->observer || !r->observer[0]) {
        store_errf(err, errlen, "a rating needs a target and an observer's name");
        return -1;
    }
    if (!r->grade || !strchr("PSMU", r->grade)) {
        store_errf(err, errlen, "a grade is one of P, S, M, U (HSEEP: performed without challenges, with some, "
                   "with major challenges, unable to be performed)");
        return -1;
    }
    if (r->kind == STORE_RATE_LINE ? !store_id_ok(r->target)
                                   : strspn(r->target, "0123456789") != strlen(r->target) || r->target[0] == '0' ||
                                         strlen(r->target) > 9) {
        store_errf(err, errlen, r->kind == STORE_RATE_LINE ? "a rubric line id is a plain id, not \"%.64s\""
                                                           : "an action is rated by its number (1 for the first), "
                                                             "not \"%.64s\"",
                   r->target);
        return -1;
    }
    if (store_utf8_chars(r->observer) > STORE_NAME_MAX) {
        store_errf(err, errlen, "the observer's name must have at most %d characters", STORE_NAME_MAX);
        return -1;
    }
    if (r->comment && store_utf8_chars(r->comment) > STORE_TEXT_MAX) {
        store_errf(err, errlen, "the comment must have at most %d characters", STORE_TEXT_MAX);
        return -1;
    }
    return 0;
}

static int put_one(store *s, int64_t session, const store_rating *r, char *err, int errlen)
{
    char now[32], grade[2] = {r->grade, 0};
    const char *at = r->at;
    if (!at) {
        store_now_iso(now);
        at = now;
    }
    return store_exec(s,
                      "INSERT INTO ratings (session, kind, target, observer, grade, comment, at) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session, kind, target, observer) DO UPDATE SET "
                      "grade = excluded.grade, comment = excluded.comment, at = excluded.at",
                      "cannot save rating", err, errlen, "itttttt", session, store_rating_kind_name(r->kind),
                      r->target, r->observer, grade, r->comment, at);
}

int store_ratings_put(store *s, int64_t session, const store_rating *r, int n, char *err, int errlen)
{
    for (int i = 0; i < n; i++)
        if (store_rating_check(&r[i], err, errlen))
            return -1;
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return store_dberr(s, err, errlen, "cannot save ratings");
    for (int i = 0; i < n; i++)
        if (put_one(s, session, &r[i], err, errlen)) {
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
            return -1;
        }
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        store_dberr(s, err, errlen, "cannot save ratings");
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    return 0;
}

int store_rating_list(store *s, int64_t session, store_rating **out, int *n, char *err, int errlen)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT id, kind, target, observer, grade, comment, at FROM ratings WHERE session = ? "
                           "ORDER BY kind DESC, CASE kind WHEN 'action' THEN CAST(target AS INTEGER) ELSE 0 END, "
                           "target, observer",
                           -1, &st, NULL) != SQLITE_OK)
        return store_dberr(s, err, errlen, "cannot list ratings");
    store_rating *list = NULL;
    int count = 0, cap = 0, rc = sqlite3_bind_int64(st, 1, session), oom = 0;
    while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (count == cap) {
            int ncap = cap ? cap * 2 : 8;
            store_rating *grown = realloc(list, (size_t)ncap * sizeof *list);
            if (!grown) {
                oom = 1;
                break;
            }
            list = grown;
            cap = ncap;
        }
        store_rating *r = &list[count++];
        const unsigned char *kind = sqlite3_column_text(st, 1), *grade = sqlite3_column_text(st, 4);
        r->id = sqlite3_column_int64(st, 0);
        r->kind = kind && strcmp((const char *)kind, "action") == 0 ? STORE_RATE_ACTION : STORE_RATE_LINE;
        r->target = store_column_dup(st, 2, &oom);
        r->observer = store_column_dup(st, 3, &oom);
        r->grade = grade ? (char)grade[0] : 'U';
        r->comment = store_column_dup(st, 5, &oom);
        r->at = store_column_dup(st, 6, &oom);
        if (oom)
            break;
    }
    sqlite3_finalize(st);
    if (oom || rc != SQLITE_DONE) {
        if (oom)
            store_errf(err, errlen, "cannot list ratings: out of memory");
        else
            store_dberr(s, err, errlen, "cannot list ratings");
        store_ratings_free(list, count);
        return -1;
    }
    *out = list;
    *n = count;
    return 0;
}

int store_rating_same_target(const store_rating *a, const store_rating *b)
{
    return a->kind == b->kind && strcmp(a->target, b->target) == 0;
}

void store_ratings_free(store_rating *r, int n)
{
    for (int i = 0; r && i < n; i++) {
        free(r[i].target);
        free(r[i].observer);
        free(r[i].comment);
        free(r[i].at);
    }
    free(r);
}

static char *dup_str(const char *s)
{
    char *d = s ? malloc(strlen(s) + 1) : NULL;
    if (d)
        strcpy(d, s);
    return d;
}

/* One entry of a ratings file into r (its strings malloc'd). 0, or -1 with err. */
static int parse_entry(const cJSON *e, const char *by, store_rating *r, char *err, int errlen)
{
    static const char *const known[] = {"line", "action", "grade", "comment"};
    if (!cJSON_IsObject(e)) {
        store_errf(err, errlen, "an entry is an object like {\"line\": \"form.empathy\", \"grade\": \"S\"}");
        return -1;
    }
    for (const cJSON *k = e->child; k; k = k->next) {
        int ok = 0;
        for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
            ok |= strcmp(k->string, known[i]) == 0;
        if (!ok) {
            store_errf(err, errlen, "unknown key \"%.40s\" (line, action, grade, comment)", k->string);
            return -1;
        }
    }
    const cJSON *line = cJSON_GetObjectItemCaseSensitive(e, "line"), *act = cJSON_GetObjectItemCaseSensitive(e, "action");
    const cJSON *grade = cJSON_GetObjectItemCaseSensitive(e, "grade"), *com = cJSON_GetObjectItemCaseSensitive(e, "comment");
    char num[16];
    if ((line != NULL) == (act != NULL) || (line && !cJSON_IsString(line)) ||
        (act && (!cJSON_IsNumber(act) || act->valuedouble < 1 || act->valuedouble > 1e9 ||
                 act->valuedouble != (double)(int)act->valuedouble))) {
        store_errf(err, errlen, "give either \"line\": a rubric line id, or \"action\": an action's number (1 for the first)");
        return -1;
    }
    if (!cJSON_IsString(grade) || !store_grade_ok(grade->valuestring)) {
        store_errf(err, errlen, "\"grade\" is one of \"P\", \"S\", \"M\", \"U\"");
        return -1;
    }
    if (com && !cJSON_IsString(com)) {
        store_errf(err, errlen, "\"comment\" is a text");
        return -1;
    }
    if (act)
        snprintf(num, sizeof num, "%d", (int)act->valuedouble);
    memset(r, 0, sizeof *r);
    r->kind = line ? STORE_RATE_LINE : STORE_RATE_ACTION;
    r->grade = grade->valuestring[0];
    r->target = dup_str(line ? line->valuestring : num);
    r->observer = dup_str(by);
    r->comment = com ? dup_str(com->valuestring) : NULL;
    if (!r->target || !r->observer || (com && !r->comment)) {
        store_errf(err, errlen, "out of memory");
        return -1;
    }
    return store_rating_check(r, err, errlen);
}

int store_ratings_parse(const char *json, const char *by, store_rating **out, int *n, char *err, int errlen)
{
    *out = NULL;
    *n = 0;
    cJSON *root = cJSON_Parse(json);
    if (!cJSON_IsArray(root)) {
        cJSON_Delete(root);
        store_errf(err, errlen, "a ratings file is a JSON array of entries like {\"line\": \"form.empathy\", \"grade\": \"S\"}");
        return -1;
    }
    int count = cJSON_GetArraySize(root), k = 0;
    store_rating *list = calloc((size_t)count + 1, sizeof *list);
    if (!list) {
        cJSON_Delete(root);
        store_errf(err, errlen, "out of memory");
        return -1;
    }
    char why[384];
    int rc = 0;
    for (const cJSON *e = root->child; e && rc == 0; e = e->next, k++)
        if (parse_entry(e, by, &list[k], why, sizeof why)) {
            store_errf(err, errlen, "entry %d: %s", k + 1, why);
            rc = -1;
        }
    cJSON_Delete(root);
    if (rc) {
        store_ratings_free(list, k);
        return -1;
    }
    *out = list;
    *n = count;
    return 0;
}

/* Index of name among names[0..*n), appended when new. */
static int name_index(const char **names, int *n, const char *name)
{
    for (int i = 0; i < *n; i++)
        if (strcmp(names[i], name) == 0)
            return i;
    names[*n] = name;
    return (*n)++;
}

int store_ratings_agreement(const store_rating *r, int n, score_agreement *out)
{
    memset(out, 0, sizeof *out);
    const char **observers = calloc((size_t)n + 1, sizeof *observers);
    int *unit_of = calloc((size_t)n + 1, sizeof *unit_of), *coder_of = calloc((size_t)n + 1, sizeof *coder_of);
    int n_obs = 0, units = 0, rc = -1;
    if (!observers || !unit_of || !coder_of)
        goto done;
    /* The list is ordered by kind and target, so each unit is one run. */
    for (int i = 0; i < n; i++) {
        if (i > 0 && !store_rating_same_target(&r[i], &r[i - 1]))
            units++;
        unit_of[i] = units;
        coder_of[i] = name_index(observers, &n_obs, r[i].observer);
    }
    units += n > 0;
    int *v = malloc(((size_t)units * (size_t)n_obs + 1) * sizeof *v);
    if (!v)
        goto done;
    for (int i = 0; i < units * n_obs; i++)
        v[i] = -1;
    for (int i = 0; i < n; i++)
        v[unit_of[i] * n_obs + coder_of[i]] = score_grade_rank(r[i].grade);
    rc = score_alpha_ordinal(v, units, n_obs, 4, out);
    free(v);
done:
    free(observers);
    free(unit_of);
    free(coder_of);
    return rc;
}

int store_ratings_read_file(const char *path, const char *by, store_rating **out, int *n, char *err, int errlen)
{
    *out = NULL;
    *n = 0;
    char why[400];
    char *text = store_read_text(path, RATINGS_FILE_MAX, "a ratings file", err, errlen);
    if (!text)
        return -1;
    int rc = store_ratings_parse(text, by, out, n, why, sizeof why);
    free(text);
    if (rc)
        store_errf(err, errlen, "%s: %s", path, why);
    return rc;
}

/* A rating as JSON: who, grade, comment, when. */
static cJSON *rating_json(const store_rating *r)
{
    cJSON *o = cJSON_CreateObject();
    char grade[2] = {r->grade, 0};
    if (!o || !cJSON_AddStringToObject(o, "by", r->observer) || !cJSON_AddStringToObject(o, "grade", grade) ||
        !(r->comment ? cJSON_AddStringToObject(o, "comment", r->comment) : cJSON_AddNullToObject(o, "comment")) ||
        !cJSON_AddStringToObject(o, "at", r->at ? r->at : "")) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

/* The ratings of one target (a run of the ordered list starting at i) into arr; the run's end. */
static int add_run(cJSON *arr, const store_rating *r, int n, int i, int *ok)
{
    int j = i;
    for (; j < n && store_rating_same_target(&r[j], &r[i]); j++) {
        cJSON *one = rating_json(&r[j]);
        *ok = *ok && one && cJSON_AddItemToArray(arr, one);
    }
    return j;
}

char *store_ratings_json(const store_rating *r, int n, const score_card *card)
{
    score_agreement a;
    if (store_ratings_agreement(r, n, &a))
        return NULL;
    cJSON *o = cJSON_CreateObject(), *ag = NULL, *lines = NULL, *acts = NULL;
    int ok = o && (ag = cJSON_AddObjectToObject(o, "agreement")) && cJSON_AddNumberToObject(ag, "observers", a.observers) &&
             cJSON_AddNumberToObject(ag, "units", a.units) &&
             (a.defined ? cJSON_AddNumberToObject(ag, "alpha", a.alpha) : cJSON_AddNullToObject(ag, "alpha")) &&
             cJSON_AddStringToObject(ag, "metric", "ordinal") && (lines = cJSON_AddArrayToObject(o, "lines")) &&
             (acts = cJSON_AddArrayToObject(o, "actions"));
    for (int i = 0; ok && i < n;) {
        cJSON *t = cJSON_CreateObject(), *arr = NULL;
        ok = t && cJSON_AddItemToArray(r[i].kind == STORE_RATE_LINE ? lines : acts, t);
        if (ok && r[i].kind == STORE_RATE_LINE) {
            const score_line *l = score_card_line(card, r[i].target);
            char g[2] = {l ? score_grade_of(l->points, l->max) : 0, 0};
            ok = cJSON_AddStringToObject(t, "id", r[i].target) &&
                 (l ? cJSON_AddStringToObject(t, "title", l->title) && cJSON_AddNumberToObject(t, "points", l->points) &&
                          cJSON_AddNumberToObject(t, "max", l->max) &&
                          (g[0] ? cJSON_AddStringToObject(t, "auto", g) : cJSON_AddNullToObject(t, "auto"))
                    : cJSON_AddNullToObject(t, "auto") != NULL);
        } else if (ok) {
            ok = cJSON_AddNumberToObject(t, "action", atoi(r[i].target)) != NULL;
        }
        ok = ok && (arr = cJSON_AddArrayToObject(t, "ratings"));
        i = ok ? add_run(arr, r, n, i, &ok) : n;
    }
    char *text = ok ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    return text;
}
