/* json_util.c — the pieces every JSON export shares: writing a document to a file, bilingual texts,
 * competency scores and one scorecard line with its evidence and override. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_internal.h"

int rjson_write(cJSON *root, const char *path, char *err, int errlen)
{
    char *text = root ? cJSON_Print(root) : NULL;
    cJSON_Delete(root);
    if (!text) {
        snprintf(err, (size_t)errlen, "%s: out of memory building the JSON", path);
        return -1;
    }
    rfile out;
    int rc = rfile_open(&out, path, err, errlen);
    if (!rc) {
        rfile_write(&out, text, strlen(text));
        rfile_write(&out, "\n", 1);
        rc = rfile_commit(&out, err, errlen);
    }
    free(text);
    return rc;
}

double rjson_round2(double v)
{
    double r = round(v * 100.0) / 100.0;
    return r == 0.0 ? 0.0 : r;
}

cJSON *rjson_text(const sim_text *t)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "zh", t->zh ? t->zh : "");
    if (t->en)
        cJSON_AddStringToObject(o, "en", t->en);
    return o;
}

cJSON *rjson_competencies(const double *c)
{
    cJSON *o = cJSON_CreateObject();
    for (int k = 0; o && k < SCORE_COMPETENCY_COUNT; k++) {
        const char *name = score_competency_name((score_competency)k);
        if (c[k] < 0)
            cJSON_AddNullToObject(o, name);
        else
            cJSON_AddNumberToObject(o, name, rjson_round2(c[k]));
    }
    return o;
}

cJSON *rjson_line(const score_line *l, const char *lang)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "id", l->id);
    cJSON_AddStringToObject(o, "title", score_line_title_in(l, lang));
    cJSON_AddStringToObject(o, "category", l->category ? l->category : "");
    cJSON_AddNumberToObject(o, "points", rjson_round2(l->points));
    cJSON_AddNumberToObject(o, "max", rjson_round2(l->max));
    cJSON_AddNumberToObject(o, "computed", rjson_round2(l->computed));
    cJSON_AddStringToObject(o, "why", score_line_why_in(l, lang));
    cJSON *ev = cJSON_AddArrayToObject(o, "evidence");
    for (int i = 0; ev && i < l->n_ev; i++) {
        cJSON *e = cJSON_CreateObject();
        cJSON_AddNumberToObject(e, "action", l->ev[i].action);
        if (l->ev[i].t >= 0)
            cJSON_AddNumberToObject(e, "t", (double)l->ev[i].t);
        else
            cJSON_AddNullToObject(e, "t");
        cJSON_AddStringToObject(e, "quote", l->ev[i].quote ? l->ev[i].quote : "");
        cJSON_AddItemToArray(ev, e);
    }
    if (l->overridden) {
        cJSON *ov = cJSON_AddObjectToObject(o, "override");
        cJSON_AddStringToObject(ov, "by", l->override_by ? l->override_by : "");
        cJSON_AddStringToObject(ov, "at", l->override_at ? l->override_at : "");
        cJSON_AddStringToObject(ov, "comment", l->override_comment ? l->override_comment : "");
    } else {
        cJSON_AddNullToObject(o, "override");
    }
    return o;
}

/* A session's label on the growth axis: its start as "YYYY-MM-DD HH:MM" (UTC) and its id, so sessions
 * played on the same day, even in the same minute, stay apart. */
void rentry_label(const report_entry *e, char *buf, size_t len)
{
    const char *s = e->ses->started;
    if (strlen(s) >= 16 && s[10] == 'T')
        snprintf(buf, len, "%.10s %.5s #%lld", s, s + 11, (long long)e->ses->id);
    else
        snprintf(buf, len, "%s #%lld", s, (long long)e->ses->id);
}

cJSON *rjson_entry(const report_entry *e)
{
    char label[64];
    rentry_label(e, label, sizeof label);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "label", label);
    cJSON_AddNumberToObject(o, "id", (double)e->ses->id);
    cJSON_AddStringToObject(o, "trainee", e->ses->trainee);
    cJSON_AddStringToObject(o, "scenario", e->ses->scenario);
    cJSON_AddStringToObject(o, "started", e->ses->started);
    cJSON_AddNumberToObject(o, "total", rjson_round2(e->card->total));
    cJSON_AddItemToObject(o, "competencies", rjson_competencies(e->card->competencies));
    return o;
}
