/* sheet_csv.c — reading a drill sheet's CSV with libcsv into a grid of cells (byte-order mark skipped,
 * every cell checked for UTF-8), and the sheet's row:column problem list. */
#include "sheet.h"

#include <csv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/text.h"

#define SHEET_MAX_ROWS 20000
#define SHEET_MAX_COLS 200

struct scn_sheet {
    int rows, cols, cap;   /* cap: rows allocated */
    char **cell;           /* rows x SHEET_MAX_COLS, NULL for an empty cell */
};

void scn_sheet_problem_add(scn_sheet_problems *p, int row, int col, const char *fmt, ...)
{
    char buf[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (p->count == p->cap) {
        int cap = p->cap ? p->cap * 2 : 16;
        scn_sheet_problem *grown = realloc(p->items, (size_t)cap * sizeof *grown);
        if (!grown)
            return;
        p->items = grown;
        p->cap = cap;
    }
    char *msg = malloc(strlen(buf) + 1);
    if (!msg)
        return;
    strcpy(msg, buf);
    p->items[p->count++] = (scn_sheet_problem){row, col, msg};
}

void scn_sheet_problems_free(scn_sheet_problems *p)
{
    for (int i = 0; i < p->count; i++)
        free(p->items[i].msg);
    free(p->items);
    *p = (scn_sheet_problems){0};
}

void scn_sheet_problems_print(const scn_sheet_problems *p, const char *file, void *out)
{
    for (int i = 0; i < p->count; i++) {
        const scn_sheet_problem *q = &p->items[i];
        if (q->col > 0)
            fprintf(out, "%s:%d:%d: %s\n", file, q->row, q->col, q->msg);
        else
            fprintf(out, "%s:%d: %s\n", file, q->row, q->msg);
    }
}

typedef struct reader {
    scn_sheet *sh;
    int col;              /* next field's column in the current record */
    int failed;           /* out of memory or too large */
    scn_sheet_problems *probs;
} reader;

static int grow_rows(scn_sheet *sh)
{
    if (sh->rows < sh->cap)
        return 0;
    int cap = sh->cap ? sh->cap * 2 : 64;
    char **grown = realloc(sh->cell, (size_t)cap * SHEET_MAX_COLS * sizeof *grown);
    if (!grown)
        return -1;
    memset(grown + (size_t)sh->cap * SHEET_MAX_COLS, 0, (size_t)(cap - sh->cap) * SHEET_MAX_COLS * sizeof *grown);
    sh->cell = grown;
    sh->cap = cap;
    return 0;
}

static void on_field(void *s, size_t len, void *data)
{
    reader *r = data;
    scn_sheet *sh = r->sh;
    if (r->failed)
        return;
    if (r->col >= SHEET_MAX_COLS || sh->rows >= SHEET_MAX_ROWS) {
        scn_sheet_problem_add(r->probs, sh->rows + 1, r->col + 1, "the sheet is too large (at most %d rows of %d columns)",
                              SHEET_MAX_ROWS, SHEET_MAX_COLS);
        r->failed = 1;
        return;
    }
    if (grow_rows(sh)) {
        r->failed = 1;
        return;
    }
    const char *why;
    size_t at;
    if (len && sim_utf8_check(s, len, &why, &at)) {
        scn_sheet_problem_add(r->probs, sh->rows + 1, r->col + 1, "this cell %s (save the sheet as UTF-8 CSV)", why);
    } else if (len) {
        char *copy = malloc(len + 1);
        if (!copy) {
            r->failed = 1;
            return;
        }
        memcpy(copy, s, len);
        copy[len] = '\0';
        sh->cell[(size_t)sh->rows * SHEET_MAX_COLS + (size_t)r->col] = copy;
    }
    r->col++;
    if (r->col > sh->cols)
        sh->cols = r->col;
}

static void on_record(int c, void *data)
{
    (void)c;
    reader *r = data;
    if (r->failed)
        return;
    if (grow_rows(r->sh)) {
        r->failed = 1;
        return;
    }
    r->sh->rows++;
    r->col = 0;
}

int scn_sheet_parse(const char *data, size_t len, scn_sheet **out, scn_sheet_problems *probs)
{
    *out = NULL;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    scn_sheet *sh = calloc(1, sizeof *sh);
    struct csv_parser p;
    if (!sh || csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        free(sh);
        scn_sheet_problem_add(probs, 0, 0, "out of memory");
        return -1;
    }
    int before = probs->count;
    reader r = {sh, 0, 0, probs};
    size_t done = csv_parse(&p, data, len, on_field, on_record, &r);
    if (done != len || csv_fini(&p, on_field, on_record, &r) != 0) {
        const char *why = csv_error(&p) == CSV_EPARSE ? "a quote is not closed, or a quoted cell has text after its closing quote"
                                                      : "the sheet is too large for memory";
        scn_sheet_problem_add(probs, sh->rows + 1, r.col + 1, "%s", why);
    }
    csv_free(&p);
    if (r.failed && probs->count == before)
        scn_sheet_problem_add(probs, sh->rows + 1, r.col + 1, "out of memory");
    if (sh->rows == 0 && probs->count == before)
        scn_sheet_problem_add(probs, 1, 0, "the sheet is empty (it needs a header row naming its columns)");
    if (probs->count > before) {
        scn_sheet_free(sh);
        return -1;
    }
    *out = sh;
    return 0;
}

void scn_sheet_free(scn_sheet *sh)
{
    if (!sh)
        return;
    for (size_t i = 0; i < (size_t)sh->cap * SHEET_MAX_COLS; i++)
        free(sh->cell[i]);
    free(sh->cell);
    free(sh);
}

int scn_sheet_rows(const scn_sheet *sh)
{
    return sh->rows;
}

int scn_sheet_cols(const scn_sheet *sh)
{
    return sh->cols;
}

const char *scn_sheet_cell(const scn_sheet *sh, int row, int col)
{
    if (row < 0 || row >= sh->rows || col < 0 || col >= sh->cols)
        return "";
    const char *c = sh->cell[(size_t)row * SHEET_MAX_COLS + (size_t)col];
    return c ? c : "";
}
