/* host_grid.c — the instructor's live grid: the stations known (by session UUID) and per station its trainee,
 * scenario time, warning level, heat, score so far, last action and whether it is connected; as JSON for
 * scripts and as cells for the instructor's window. */
#include "host.h"
#include "host_team.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static host_station *by_uuid(const host *h, const char *uuid)
{
    for (int i = 0; i < h->n_st; i++)
        if (strcmp(h->st[i].uuid, uuid) == 0)
            return &h->st[i];
    return NULL;
}

int host_station_known(const host *h, const char *uuid)
{
    return by_uuid(h, uuid) != NULL;
}

/* A new row of the grid for key (a session UUID, or a team seat's name), zeroed; NULL out of memory. */
static host_station *row_add(host *h, const char *key)
{
    if (h->n_st == h->cap_st) {
        int cap = h->cap_st ? 2 * h->cap_st : 16;
        host_station *a = realloc(h->st, (size_t)cap * sizeof *a);
        if (!a)
            return NULL;
        h->st = a;
        h->cap_st = cap;
    }
    host_station *s = memset(&h->st[h->n_st++], 0, sizeof *h->st);
    snprintf(s->uuid, sizeof s->uuid, "%s", key);
    return s;
}

int host_station_add(host *h, const store_session *ses)
{
    if (host_station_known(h, ses->uuid))
        return 0;
    host_station *s = row_add(h, ses->uuid);
    if (!s)
        return -1;
    snprintf(s->trainee, sizeof s->trainee, "%s", ses->trainee);
    snprintf(s->scenario, sizeof s->scenario, "%s", ses->scenario);
    return 0;
}

/* A status into a row: the newest, and its heat into the sparkline's ring when the drill's time has moved. */
static void take_status(host_station *s, const cls_status *st)
{
    if (!s->has_status || st->t != s->status.t)
        s->heat[s->n_heat++ % HOST_HEAT_POINTS] = (float)st->heat;
    s->status = *st;
    s->has_status = 1;
}

int host_grid_set(host *h, const char *key, int kind, const char *trainee, const char *scenario, const cls_status *st,
                  int connected)
{
    host_station *s = by_uuid(h, key);
    if (!s && !(s = row_add(h, key)))
        return -1;
    s->kind = kind;
    snprintf(s->trainee, sizeof s->trainee, "%s", trainee);
    snprintf(s->scenario, sizeof s->scenario, "%s", scenario);
    take_status(s, st);
    s->connected = connected;
    h->grid_changed = 1;
    return 0;
}

const char *host_station_uuid(const host *h, const char *who)
{
    const char *found = NULL;
    for (int i = 0; i < h->n_st; i++) {
        const host_station *s = &h->st[i];
        if (s->kind == HOST_ROW_STATION && strcmp(s->uuid, who) == 0)
            return s->uuid;
        if (s->kind == HOST_ROW_STATION && strcmp(s->trainee, who) == 0)
            found = found ? "" : s->uuid;   /* "": several stations have this trainee */
    }
    return found && *found ? found : NULL;
}

int host_grid_team_row(const host *h, const char *who)
{
    for (int i = 0; i < h->n_st; i++)
        if (h->st[i].kind != HOST_ROW_STATION && (strcmp(h->st[i].uuid, who) == 0 || strcmp(h->st[i].trainee, who) == 0))
            return 1;
    return 0;
}

void host_grid_note(host *h, const cls_msg *m)
{
    host_station *s = by_uuid(h, m->ses.uuid);
    if (!s)
        return;
    switch (m->kind) {
    case CLS_STATUS:
        take_status(s, &m->status);
        s->connected = 1;
        break;
    case CLS_GONE:
        s->connected = 0;
        break;
    case CLS_END:
        s->finished = 1;
        s->total = m->ses.total;
        break;
    default:
        s->connected = 1;
        break;
    }
    h->grid_changed = 1;
}

/* The sparkline's points, oldest first, into out (HOST_HEAT_POINTS); how many. */
static int heat_recent(const host_station *s, float *out)
{
    int n = s->n_heat < HOST_HEAT_POINTS ? s->n_heat : HOST_HEAT_POINTS;
    for (int i = 0; i < n; i++)
        out[i] = s->heat[(s->n_heat - n + i) % HOST_HEAT_POINTS];
    return n;
}

int host_grid_view(host *h, ui_host_view *v)
{
    if (h->n_st > h->cap_cells) {
        ui_host_cell *cells = realloc(h->cells, (size_t)h->cap_st * sizeof *cells);
        if (cells)
            h->cells = cells;
        float *pts = cells ? realloc(h->heat_pts, (size_t)h->cap_st * HOST_HEAT_POINTS * sizeof *pts) : NULL;
        if (!pts)
            return -1;
        h->heat_pts = pts;
        h->cap_cells = h->cap_st;
    }
    int refused = 0;
    for (int r = 1; r < CLS_REFUSAL_COUNT; r++)
        refused += h->refused[r];
    for (int i = 0; i < h->n_st; i++) {
        const host_station *s = &h->st[i];
        float *pts = h->heat_pts + (size_t)i * HOST_HEAT_POINTS;
        h->cells[i] = (ui_host_cell){
            .uuid = s->uuid, .trainee = s->trainee, .scenario = s->scenario, .last = s->status.last,
            .has_status = s->has_status, .t = s->status.t, .level = s->status.level, .heat = s->status.heat,
            .score = s->status.score, .speed = s->status.speed, .paused = s->status.paused,
            .connected = s->connected, .finished = s->finished, .total = s->total, .team = s->kind == HOST_ROW_TEAM,
            .heat_pts = pts,
            .n_heat = heat_recent(s, pts),
        };
    }
    *v = (ui_host_view){.klass = h->klass, .code = h->code, .cells = h->cells, .n = h->n_st,
                        .actions = h->actions + (h->team ? h->team->accepted : 0), .refused = refused};
    return 0;
}

static int add_heat_recent(cJSON *o, const host_station *s)
{
    cJSON *arr = cJSON_AddArrayToObject(o, "heat_recent");
    float pts[HOST_HEAT_POINTS];
    int n = heat_recent(s, pts);
    for (int i = 0; arr && i < n; i++) {
        cJSON *v = cJSON_CreateNumber(pts[i]);
        if (!v || !cJSON_AddItemToArray(arr, v)) {
            cJSON_Delete(v);
            return 0;
        }
    }
    return arr != NULL;
}

static cJSON *cell(const host_station *s)
{
    cJSON *o = cJSON_CreateObject();
    const cls_status *st = &s->status;
    int ok = o && cJSON_AddStringToObject(o, "trainee", s->trainee) && cJSON_AddStringToObject(o, "session", s->uuid) &&
             cJSON_AddStringToObject(o, "scenario", s->scenario) && cJSON_AddBoolToObject(o, "connected", s->connected) &&
             cJSON_AddBoolToObject(o, "finished", s->finished) &&
             (s->kind == HOST_ROW_STATION ||
              cJSON_AddStringToObject(o, "row", s->kind == HOST_ROW_TEAM ? "team" : "seat"));
    if (ok && s->has_status)
        ok = cJSON_AddNumberToObject(o, "t", (double)st->t) &&
             cJSON_AddStringToObject(o, "level", sim_level_name(st->level)) &&
             cJSON_AddNumberToObject(o, "heat", st->heat) && add_heat_recent(o, s) &&
             cJSON_AddNumberToObject(o, "score", s->finished ? s->total : st->score) &&
             cJSON_AddNumberToObject(o, "actions", st->n_actions) &&
             (*st->last ? cJSON_AddStringToObject(o, "last_action", st->last) : cJSON_AddNullToObject(o, "last_action")) &&
             cJSON_AddBoolToObject(o, "paused", st->paused) && cJSON_AddNumberToObject(o, "speed", st->speed);
    if (!ok) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

char *host_grid_json(const host *h)
{
    cJSON *o = cJSON_CreateObject(), *arr = NULL;
    int ok = o && cJSON_AddStringToObject(o, "class", h->klass) && (arr = cJSON_AddArrayToObject(o, "stations"));
    for (int i = 0; ok && i < h->n_st; i++) {
        cJSON *c = cell(&h->st[i]);
        ok = c && cJSON_AddItemToArray(arr, c);
    }
    char *text = ok ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    return text;
}

int host_grid_write(host *h)
{
    char tmp[4200];
    char *text = host_grid_json(h);
    snprintf(tmp, sizeof tmp, "%s.tmp", h->status_path);
    FILE *f = text ? fopen(tmp, "w") : NULL;
    int bad = !f || fputs(text, f) < 0 || fputc('\n', f) < 0;
    if (f && fclose(f))
        bad = 1;
    if (!bad && rename(tmp, h->status_path) != 0)
        bad = 1;
    free(text);
    if (bad) {
        snprintf(h->err, sizeof h->err, "cannot write the grid to %s", h->status_path);
        return -1;
    }
    h->grid_changed = 0;
    return 0;
}
