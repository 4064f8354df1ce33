/* sheet_out.c — tables of records (a header row, then text and number cells) collected in memory and
 * written as an XLSX workbook through libxlsxwriter (one worksheet per table) or as CSV through libcsv. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <csv.h>
#include <xlsxwriter.h>

#include "report_internal.h"

static void push(rsheet *s, rsheet_cell c)
{
    if (s->oom)
        return;
    if (s->n == s->cap) {
        int cap = s->cap ? s->cap * 2 : 64;
        rsheet_cell *cells = realloc(s->cells, sizeof *cells * (size_t)cap);
        if (!cells) {
            free(c.text);
            s->oom = 1;
            return;
        }
        s->cells = cells;
        s->cap = cap;
    }
    s->cells[s->n++] = c;
}

void rsheet_init(rsheet *s, const char *name, const report_words *w, const char *const *keys, int n_cols)
{
    memset(s, 0, sizeof *s);
    s->name = name;
    s->n_cols = n_cols;
    for (int i = 0; i < n_cols; i++)
        rsheet_text(s, report_word(w, keys[i]));
}

void rsheet_text(rsheet *s, const char *text)
{
    char *copy = strdup(text ? text : "");
    if (!copy)
        s->oom = 1;
    else
        push(s, (rsheet_cell){.text = copy});
}

void rsheet_num(rsheet *s, double v)
{
    push(s, (rsheet_cell){.num = rjson_round2(v), .is_num = 1});
}

void rsheet_free(rsheet *s)
{
    for (int i = 0; i < s->n; i++)
        free(s->cells[i].text);
    free(s->cells);
    memset(s, 0, sizeof *s);
}

static int write_csv(const rsheet *s, const char *path, char *err, int errlen)
{
    rfile o;
    if (rfile_open(&o, path, err, errlen))
        return -1;
    rfile_write(&o, "\xEF\xBB\xBF", 3);   /* a UTF-8 mark, so spreadsheet programs read the Chinese text right */
    for (int i = 0; i < s->n && !o.error; i++) {
        const rsheet_cell *c = &s->cells[i];
        if (i % s->n_cols)
            rfile_write(&o, ",", 1);
        if (c->is_num) {
            char num[64];
            int len = snprintf(num, sizeof num, "%.15g", c->num);
            rfile_write(&o, num, (size_t)len);
        } else if (csv_fwrite(o.f, c->text, strlen(c->text)) != 0) {
            o.error = errno ? errno : EIO;
        }
        if (i % s->n_cols == s->n_cols - 1)
            rfile_write(&o, "\r\n", 2);
    }
    return rfile_commit(&o, err, errlen);
}

static lxw_error fill_sheet(lxw_workbook *wb, const rsheet *s, lxw_format *bold)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, s->name);
    if (!ws)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    lxw_error e = worksheet_set_column(ws, 0, (lxw_col_t)(s->n_cols - 1), 14, NULL);
    for (int i = 0; !e && i < s->n; i++) {
        lxw_row_t row = (lxw_row_t)(i / s->n_cols);
        lxw_col_t col = (lxw_col_t)(i % s->n_cols);
        const rsheet_cell *c = &s->cells[i];
        e = c->is_num ? worksheet_write_number(ws, row, col, c->num, NULL)
                      : worksheet_write_string(ws, row, col, c->text, row == 0 ? bold : NULL);
    }
    if (!e && s->n > s->n_cols)
        e = worksheet_autofilter(ws, 0, 0, (lxw_row_t)(s->n / s->n_cols - 1), (lxw_col_t)(s->n_cols - 1));
    worksheet_freeze_panes(ws, 1, 0);
    return e;
}

static int write_xlsx(const rsheet *s, int n, const char *path, char *err, int errlen)
{
    size_t len = strlen(path) + 32;
    char *tmp = malloc(len);
    if (!tmp) {
        snprintf(err, (size_t)errlen, "%s: out of memory", path);
        return -1;
    }
    snprintf(tmp, len, "%s.tmp-%ld.xlsx", path, (long)getpid());
    lxw_workbook *wb = workbook_new(tmp);
    lxw_error e = wb ? LXW_NO_ERROR : LXW_ERROR_CREATING_TMPFILE;
    if (wb) {
        lxw_doc_properties props = {.title = (char *)s[0].name};
        lxw_format *bold = workbook_add_format(wb);
        format_set_bold(bold);
        e = workbook_set_properties(wb, &props);
        for (int i = 0; !e && i < n; i++)
            e = fill_sheet(wb, &s[i], bold);
        lxw_error closed = workbook_close(wb);
        if (!e)
            e = closed;
    }
    int rc = 0;
    if (e || rename(tmp, path) != 0) {
        snprintf(err, (size_t)errlen, "cannot write %s: %s (any previous file is left as it was)", path,
                 e ? lxw_strerror(e) : strerror(errno));
        unlink(tmp);
        rc = -1;
    }
    free(tmp);
    return rc;
}

int rsheet_write(const rsheet *s, int n, int format, const char *path, char *err, int errlen)
{
    for (int i = 0; i < n; i++)
        if (s[i].oom) {
            snprintf(err, (size_t)errlen, "%s: out of memory building the table", path);
            return -1;
        }
    return format == REPORT_XLSX ? write_xlsx(s, n, path, err, errlen) : write_csv(&s[0], path, err, errlen);
}
