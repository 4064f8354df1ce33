/* sheet_write.c — a loaded scenario's declarations as a drill sheet (CSV with a byte-order mark, as
 * spreadsheets read it): the columns and each cell come from the declarations' field specs. */
#include "scn_internal.h"
#include "sheet.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_COLS 64

typedef struct sheet_out {
    FILE *f;
    const char *cols[MAX_COLS];
    char names[MAX_COLS][48];
    int n;
    char *cell[MAX_COLS];   /* the row being written */
} sheet_out;

static const char *const decls[] = {"platform", "fact", "inject", "rumour", "claim", "question", "template", "ending"};

static int col_index(const sheet_out *o, const char *name)
{
    for (int i = 0; i < o->n; i++)
        if (strcmp(o->cols[i], name) == 0)
            return i;
    return -1;
}

static void add_col(sheet_out *o, const char *name)
{
    if (col_index(o, name) >= 0 || o->n >= MAX_COLS)
        return;
    snprintf(o->names[o->n], sizeof o->names[o->n], "%s", name);
    o->cols[o->n] = o->names[o->n];
    o->n++;
}

static void add_field_cols(sheet_out *o, const scn_field *f)
{
    char name[48];
    const char *base = scn_sheet_column(f->name);
    if (f->kind == SCN_F_TEXT) {
        snprintf(name, sizeof name, "%s_zh", base);
        add_col(o, name);
        snprintf(name, sizeof name, "%s_en", base);
        add_col(o, name);
    } else if (f->kind != SCN_F_CUSTOM || strcmp(f->name, "truth") == 0) {
        add_col(o, base);
    }
}

static int set(sheet_out *o, const char *col, const char *v)
{
    int i = col_index(o, col);
    if (i < 0 || !v)
        return 0;
    free(o->cell[i]);
    o->cell[i] = malloc(strlen(v) + 1);
    if (!o->cell[i])
        return -1;
    strcpy(o->cell[i], v);
    return 0;
}

static int flush_row(sheet_out *o)
{
    int rc = 0;
    for (int i = 0; i < o->n; i++) {
        const char *v = o->cell[i] ? o->cell[i] : "";
        if (i && fputc(',', o->f) == EOF)
            rc = -1;
        if (*v ? csv_fwrite(o->f, v, strlen(v)) : 0)
            rc = -1;
        free(o->cell[i]);
        o->cell[i] = NULL;
    }
    if (fputs("\r\n", o->f) == EOF)
        rc = -1;
    return rc;
}

static void format_number(double v, char *buf, size_t n)
{
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, n, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            return;
    }
}

/* One field of a declaration into its cell (or cells), read through the spec's offset. */
static int put_value(sheet_out *o, const scn_field *f, const void *obj, const char *col)
{
    const char *slot = (const char *)obj + f->off;
    char buf[64];
    const char *base = col ? col : scn_sheet_column(f->name);
    switch (f->kind) {
    case SCN_F_ID:
    case SCN_F_STR:
    case SCN_F_ENUM:
        return set(o, base, *(char *const *)slot);
    case SCN_F_TEXT: {
        const sim_text *t = (const sim_text *)slot;
        char zh[48], en[48];
        snprintf(zh, sizeof zh, "%s_zh", col ? "text" : base);
        snprintf(en, sizeof en, "%s_en", col ? "text" : base);
        return set(o, zh, t->zh) | set(o, en, t->en);
    }
    case SCN_F_NUM:
        format_number(*(const double *)slot, buf, sizeof buf);
        return set(o, base, buf);
    case SCN_F_INT:
        snprintf(buf, sizeof buf, "%d", *(const int *)slot);
        return set(o, base, buf);
    case SCN_F_U32:
        snprintf(buf, sizeof buf, "%u", *(const uint32_t *)slot);
        return set(o, base, buf);
    case SCN_F_TIME: {
        sim_time t = *(const sim_time *)slot;
        return t == SIM_NEVER ? 0 : set(o, col ? "time" : base, scn_time_format(t, buf, sizeof buf));
    }
    case SCN_F_LIST: {
        const sim_strlist *l = (const sim_strlist *)slot;
        size_t n = 1;
        for (int i = 0; i < l->count; i++)
            n += strlen(l->items[i]) + 1;
        char *joined = calloc(1, n);
        if (!joined)
            return -1;
        for (int i = 0; i < l->count; i++) {
            strcat(joined, i ? "|" : "");
            strcat(joined, l->items[i]);
        }
        int rc = l->count ? set(o, base, joined) : 0;
        free(joined);
        return rc;
    }
    case SCN_F_CUSTOM:
        return 0;
    }
    return 0;
}

static const char *arrays(const sim_scenario *s, const char *kind, int *n, size_t *size)
{
#define ARR(k, arr, cnt)                                                                                               \
    if (strcmp(kind, k) == 0) {                                                                                        \
        *n = s->cnt;                                                                                                   \
        *size = sizeof *s->arr;                                                                                        \
        return (const char *)s->arr;                                                                                   \
    }
    ARR("platform", platforms, n_platforms)
    ARR("fact", facts, n_facts)
    ARR("inject", injects, n_injects)
    ARR("rumour", rumours, n_rumours)
    ARR("claim", claims, n_claims)
    ARR("question", questions, n_questions)
    ARR("template", templates, n_templates)
    ARR("ending", endings, n_endings)
#undef ARR
    *n = 0;
    *size = 0;
    return NULL;
}

/* scenario{} beyond id, title and duration: one setting row each (text, time or value column). */
static int put_settings(sheet_out *o, const sim_scenario *s)
{
    int rc = 0;
    for (const scn_field *f = scn_decl_spec("scenario"); f->name; f++) {
        if (f->kind == SCN_F_CUSTOM || !strcmp(f->name, "id") || !strcmp(f->name, "title") || !strcmp(f->name, "duration"))
            continue;
        const char *slot = (const char *)s + f->off;
        if ((f->kind == SCN_F_TEXT && !((const sim_text *)slot)->zh) ||
            ((f->kind == SCN_F_ID || f->kind == SCN_F_ENUM) && !*(char *const *)slot) ||
            (f->kind == SCN_F_TIME && *(const sim_time *)slot == SIM_NEVER))
            continue;   /* unset: a row without a value would not import */
        rc |= set(o, "kind", "setting") | set(o, "id", f->name);
        rc |= put_value(o, f, s, f->kind == SCN_F_TEXT ? "text" : "value") | flush_row(o);
    }
    if (s->bilingual)
        rc |= set(o, "kind", "setting") | set(o, "id", "languages") | set(o, "value", "zh|en") | flush_row(o);
    for (const scn_field *f = scn_decl_spec("world"); f->name; f++) {
        char name[64];
        snprintf(name, sizeof name, "world.%s", f->name);
        rc |= set(o, "kind", "setting") | set(o, "id", name) | put_value(o, f, &s->params, "value") | flush_row(o);
    }
    for (int i = 0; i < s->n_deadlines; i++) {
        char name[160], t[32];
        snprintf(name, sizeof name, "deadlines.%s", s->deadlines[i].id);
        rc |= set(o, "kind", "setting") | set(o, "id", name) |
              set(o, "time", scn_time_format(s->deadlines[i].at, t, sizeof t)) | flush_row(o);
    }
    return rc;
}

int scn_sheet_write(const sim_scenario *s, void *out, char *msg, size_t msglen)
{
    sheet_out o = {.f = out};
    add_col(&o, "kind");
    add_col(&o, "id");
    add_col(&o, "time");
    add_col(&o, "text_zh");
    add_col(&o, "text_en");
    add_col(&o, "value");
    for (size_t k = 0; k < sizeof decls / sizeof decls[0]; k++)
        for (const scn_field *f = scn_decl_spec(decls[k]); f->name; f++)
            add_field_cols(&o, f);
    int rc = fputs("\xEF\xBB\xBF", o.f) == EOF;
    for (int i = 0; i < o.n; i++)
        rc |= set(&o, o.cols[i], o.cols[i]);
    rc |= flush_row(&o);
    rc |= set(&o, "kind", "scenario");
    for (const scn_field *f = scn_decl_spec("scenario"); f->name; f++)
        if (!strcmp(f->name, "id") || !strcmp(f->name, "title") || !strcmp(f->name, "duration"))
            rc |= put_value(&o, f, s, NULL);
    rc |= flush_row(&o) | put_settings(&o, s);
    for (size_t k = 0; k < sizeof decls / sizeof decls[0]; k++) {
        int n;
        size_t size;
        const char *arr = arrays(s, decls[k], &n, &size);
        for (int i = 0; i < n; i++) {
            const char *obj = arr + (size_t)i * size;
            rc |= set(&o, "kind", decls[k]);
            for (const scn_field *f = scn_decl_spec(decls[k]); f->name; f++) {
                if (strcmp(decls[k], "fact") == 0 && strcmp(f->name, "value") == 0 && !((const sim_fact *)obj)->has_value)
                    continue;
                rc |= put_value(&o, f, obj, NULL);
            }
            if (strcmp(decls[k], "claim") == 0)
                rc |= set(&o, "truth", ((const sim_claim_def *)obj)->truth ? "true" : "false");
            rc |= flush_row(&o);
        }
    }
    if (rc || fflush(o.f)) {
        snprintf(msg, msglen, "cannot write the sheet");
        return -1;
    }
    return 0;
}
