/* problems.c — the list of file:line problems that loading and checking a scenario produce,
 * and printing them in the "file:line: message" form editors and compilers use. */
#include "script.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void scn_problems_add(scn_problems *p, const char *file, int line, const char *fmt, ...)
{
    if (!p)
        return;
    if (p->count == p->cap) {
        int cap = p->cap ? p->cap * 2 : 8;
        scn_problem *grown = realloc(p->items, (size_t)cap * sizeof *grown);
        if (!grown)
            return;
        p->items = grown;
        p->cap = cap;
    }
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = n >= 0 ? malloc((size_t)n + 1) : NULL;
    size_t flen = file ? strlen(file) + 1 : 0;
    char *f = file ? malloc(flen) : NULL;
    if (!msg || (file && !f)) {
        free(msg);
        free(f);
        return;
    }
    va_start(ap, fmt);
    vsnprintf(msg, (size_t)n + 1, fmt, ap);
    va_end(ap);
    if (f)
        memcpy(f, file, flen);
    p->items[p->count++] = (scn_problem){f, line > 0 ? line : 0, msg};
}

void scn_problems_free(scn_problems *p)
{
    if (!p)
        return;
    for (int i = 0; i < p->count; i++) {
        free(p->items[i].file);
        free(p->items[i].msg);
    }
    free(p->items);
    p->items = NULL;
    p->count = p->cap = 0;
}

void scn_problems_print(const scn_problems *p, void *file)
{
    FILE *out = file;
    for (int i = 0; p && i < p->count; i++) {
        const scn_problem *q = &p->items[i];
        if (q->line > 0)
            fprintf(out, "%s:%d: %s\n", q->file ? q->file : "?", q->line, q->msg);
        else
            fprintf(out, "%s: %s\n", q->file ? q->file : "?", q->msg);
    }
}
