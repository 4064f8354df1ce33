/* sheet_lua.c — a drill sheet's rows as scenario.lua: each row one declaration (settings fill
 * scenario{}), cells typed by the declarations' field specs, and check's problems traced back to cells. */
#include "scn_internal.h"
#include "sheet.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kinds = "scenario, setting, platform, fact, inject, rumour, claim, question, template, ending";

const char *scn_sheet_column(const char *field)
{
    static const char *const alias[][2] = {
        {"verified_at", "time"}, {"at", "time"},    {"start", "time"}, {"duration", "time"}, {"text", "text"},
        {"claim", "text"},       {"name", "text"},  {"title", "text"}, {"kind", "type"},     {"stance", "type"},
    };
    for (size_t i = 0; i < sizeof alias / sizeof alias[0]; i++)
        if (strcmp(alias[i][0], field) == 0)
            return alias[i][1];
    return field;
}

/* One cell a declaration line came from: check's messages name the field, which names the cell. */
typedef struct origin {
    int line;          /* line of the declaration in the generated file */
    char key[112];     /* the field as messages name it */
    int row, col;      /* 1-based */
} origin;

struct scn_sheet_map {
    origin *o;
    int n, cap;
    int *row_of_line;  /* declaration start line -> row (0: none) */
    int lines;
};

void scn_sheet_map_free(scn_sheet_map *m)
{
    if (!m)
        return;
    free(m->o);
    free(m->row_of_line);
    free(m);
}

typedef struct out {
    char *s;
    size_t n, cap;
    int line;          /* current line, 1-based */
    int oom;
} out;

static void put(out *b, const char *s, size_t len)
{
    if (b->oom)
        return;
    if (b->n + len + 1 > b->cap) {
        size_t cap = (b->n + len + 1) * 2;
        char *g = realloc(b->s, cap);
        if (!g) {
            b->oom = 1;
            return;
        }
        b->s = g;
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, len);
    b->n += len;
    b->s[b->n] = '\0';
    for (size_t i = 0; i < len; i++)
        b->line += s[i] == '\n';
}

static void puts_(out *b, const char *s)
{
    put(b, s, strlen(s));
}

/* A Lua string literal: quotes, backslashes and control bytes escaped, UTF-8 kept as it is. */
static void put_string(out *b, const char *s)
{
    puts_(b, "\"");
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        char esc[8];
        if (*p == '"' || *p == '\\')
            snprintf(esc, sizeof esc, "\\%c", *p);
        else if (*p == '\n')
            snprintf(esc, sizeof esc, "\\n");
        else if (*p < 0x20 || *p == 0x7f)
            snprintf(esc, sizeof esc, "\\%03u", *p);
        else {
            put(b, (const char *)p, 1);
            continue;
        }
        puts_(b, esc);
    }
    puts_(b, "\"");
}

static int is_number(const char *s, double *v)
{
    char *end;
    *v = strtod(s, &end);
    while (end != s && isspace((unsigned char)*end))
        end++;
    return end != s && *end == '\0' && !isspace((unsigned char)*s) && *v == *v && *v - *v == 0;
}

/* A list cell: items separated by '|' or line breaks, spaces around them dropped. */
static void put_list(out *b, const char *s)
{
    puts_(b, "{ ");
    int first = 1;
    while (*s) {
        size_t n = strcspn(s, "|\n");
        const char *a = s, *z = s + n;
        while (a < z && (*a == ' ' || *a == '\t' || *a == '\r'))
            a++;
        while (z > a && (z[-1] == ' ' || z[-1] == '\t' || z[-1] == '\r'))
            z--;
        if (z > a) {
            char *item = malloc((size_t)(z - a) + 1);
            if (!item) {
                b->oom = 1;
                return;
            }
            memcpy(item, a, (size_t)(z - a));
            item[z - a] = '\0';
            puts_(b, first ? "" : ", ");
            put_string(b, item);
            free(item);
            first = 0;
        }
        s += n + (s[n] != '\0');
    }
    puts_(b, " }");
}

typedef struct gen {
    const scn_sheet *sh;
    scn_sheet_problems *probs;
    scn_sheet_map *map;
    out b;
    int kind_col, id_col;
    const char **header;   /* trimmed header names */
} gen;

static const char *cell(const gen *g, int row, int col)
{
    return col < 0 ? "" : scn_sheet_cell(g->sh, row, col);
}

static int column(const gen *g, const char *name)
{
    for (int c = 0; c < scn_sheet_cols(g->sh); c++)
        if (strcmp(g->header[c], name) == 0)
            return c;
    return -1;
}

static void remember(gen *g, int line, const char *key, int row, int col)
{
    scn_sheet_map *m = g->map;
    if (m->n == m->cap) {
        int cap = m->cap ? m->cap * 2 : 64;
        origin *o = realloc(m->o, (size_t)cap * sizeof *o);
        if (!o) {
            g->b.oom = 1;
            return;
        }
        m->o = o;
        m->cap = cap;
    }
    origin *o = &m->o[m->n++];
    o->line = line;
    snprintf(o->key, sizeof o->key, "%s", key);
    o->row = row + 1;
    o->col = col + 1;
}

/* A time as a spreadsheet program writes it back into "HH:MM[:SS]": LibreOffice and Excel turn "00:30"
 * into "12:30:00 AM" (or "上午12:30:00" in a Chinese locale). Other cells are returned as they are. */
static const char *sheet_time(const char *v, char *buf, size_t len)
{
    static const struct { const char *mark; int pm; } marks[] = {
        {"AM", 0}, {"PM", 1}, {"am", 0}, {"pm", 1}, {"上午", 0}, {"下午", 1}};
    size_t n = strlen(v);
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
        size_t m = strlen(marks[i].mark);
        const char *clock = NULL;
        size_t clock_len = 0;
        if (n > m && strcmp(v + n - m, marks[i].mark) == 0) {
            clock = v;
            clock_len = n - m;
        } else if (n > m && strncmp(v, marks[i].mark, m) == 0) {
            clock = v + m;
            clock_len = n - m;
        }
        while (clock && clock_len > 0 && clock[clock_len - 1] == ' ')
            clock_len--;
        while (clock && clock_len > 0 && *clock == ' ') {
            clock++;
            clock_len--;
        }
        int h, mm, ss = 0, used = 0;
        char tail;
        if (!clock || clock_len >= 16)
            continue;
        char part[16];
        memcpy(part, clock, clock_len);
        part[clock_len] = '\0';
        int got = sscanf(part, "%2d:%2d%n:%2d%n%c", &h, &mm, &used, &ss, &used, &tail);
        if (got < 2 || got > 3 || (size_t)used != clock_len || h < 1 || h > 12 || mm > 59 || ss > 59)
            continue;
        h = h % 12 + (marks[i].pm ? 12 : 0);
        if (ss)
            snprintf(buf, len, "%02d:%02d:%02d", h, mm, ss);
        else
            snprintf(buf, len, "%02d:%02d", h, mm);
        return buf;
    }
    return v;
}

/* true / false as a sheet may hold them: true, TRUE (a spreadsheet's own boolean), 是, 真. -1: neither. */
static int sheet_truth(const char *v)
{
    static const char *const yes[] = {"true", "TRUE", "True", "是", "真"};
    static const char *const no[] = {"false", "FALSE", "False", "否", "假"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
        if (strcmp(v, yes[i]) == 0)
            return 1;
        if (strcmp(v, no[i]) == 0)
            return 0;
    }
    return -1;
}

/* Write `name = value,` for field f from the cells of `row` (text: base_zh and base_en). Returns 1 when
 * something was written, 0 when the cells are empty, -1 after a problem. */
static int put_field(gen *g, const scn_field *f, const char *name, int row, int col, int zh, int en, int line)
{
    out *b = &g->b;
    if (f->kind == SCN_F_TEXT) {
        const char *z = cell(g, row, zh), *e = cell(g, row, en);
        remember(g, line, name, row, *z || !*e ? zh : en);
        if (!*z && !*e)
            return 0;
        puts_(b, "  ");
        puts_(b, name);
        puts_(b, " = ");
        if (!*e) {
            put_string(b, z);
        } else {
            puts_(b, "{ ");
            if (*z) {
                puts_(b, "zh = ");
                put_string(b, z);
                puts_(b, ", ");
            }
            puts_(b, "en = ");
            put_string(b, e);
            puts_(b, " }");
        }
        puts_(b, ",\n");
        return 1;
    }
    const char *v = cell(g, row, col);
    remember(g, line, name, row, col);
    if (!*v)
        return 0;
    double num;
    char lit[40], clock[40];
    switch (f->kind) {
    case SCN_F_NUM:
    case SCN_F_INT:
    case SCN_F_U32:
        if (!is_number(v, &num)) {
            scn_sheet_problem_add(g->probs, row + 1, col + 1, "%s: '%.40s' is not a number", g->header[col], v);
            return -1;
        }
        snprintf(lit, sizeof lit, "%.17g", num);
        break;
    case SCN_F_TIME:
        if (is_number(v, &num))
            snprintf(lit, sizeof lit, "%.17g", num);
        else
            lit[0] = '\0';
        v = sheet_time(v, clock, sizeof clock);
        break;
    case SCN_F_CUSTOM: /* truth */
        if (sheet_truth(v) >= 0)
            snprintf(lit, sizeof lit, "%s", sheet_truth(v) ? "true" : "false");
        else {
            scn_sheet_problem_add(g->probs, row + 1, col + 1, "%s: write true or false (是 or 否), not '%.40s'",
                                  g->header[col], v);
            return -1;
        }
        break;
    default:
        lit[0] = '\0';
    }
    puts_(b, "  ");
    puts_(b, name);
    puts_(b, " = ");
    if (f->kind == SCN_F_LIST)
        put_list(b, v);
    else if (lit[0])
        puts_(b, lit);
    else
        put_string(b, v);
    puts_(b, ",\n");
    return 1;
}

/* The header columns of field f: col for a plain field, zh/en for a text. 0 when the sheet has one. */
static int field_columns(const gen *g, const scn_field *f, int *col, int *zh, int *en)
{
    char name[100];
    const char *base = scn_sheet_column(f->name);
    *col = *zh = *en = -1;
    if (f->kind == SCN_F_TEXT) {
        snprintf(name, sizeof name, "%s_zh", base);
        *zh = column(g, name);
        snprintf(name, sizeof name, "%s_en", base);
        *en = column(g, name);
        return *zh >= 0 || *en >= 0 ? 0 : -1;
    }
    *col = column(g, base);
    return *col >= 0 ? 0 : -1;
}

/* Is header column c one of field f's? */
static int is_field_column(const gen *g, const scn_field *f, int c)
{
    int col, zh, en;
    field_columns(g, f, &col, &zh, &en);
    return c == col || c == zh || c == en;
}

/* Fields a row of `kind` takes: the kind's spec, less what only settings give on the scenario row. */
static int row_field(const char *kind, const scn_field *f)
{
    if (f->kind == SCN_F_CUSTOM)
        return strcmp(f->name, "truth") == 0;
    if (strcmp(kind, "scenario") == 0)
        return strcmp(f->name, "id") == 0 || strcmp(f->name, "title") == 0 || strcmp(f->name, "duration") == 0;
    return 1;
}

/* Opens `kind {` and writes the row's fields (the caller closes it); returns the declaration's line. */
static int put_declaration(gen *g, int row, const char *kind)
{
    const scn_field *spec = scn_decl_spec(kind);
    int line = g->b.line;
    if (line < g->map->lines)
        g->map->row_of_line[line] = row + 1;
    puts_(&g->b, kind);
    puts_(&g->b, " {\n");
    for (int c = 0; c < scn_sheet_cols(g->sh); c++) {
        if (c == g->kind_col || !*cell(g, row, c))
            continue;
        int known = 0;
        for (const scn_field *f = spec; f->name && !known; f++)
            known = row_field(kind, f) && is_field_column(g, f, c);
        if (!known)
            scn_sheet_problem_add(g->probs, row + 1, c + 1, "column '%s' does not apply to kind '%s'", g->header[c], kind);
    }
    for (const scn_field *f = spec; f->name; f++) {
        int col, zh, en;
        if (row_field(kind, f) && field_columns(g, f, &col, &zh, &en) == 0)
            put_field(g, f, f->name, row, col, zh, en, line);
    }
    return line;
}

/* A setting row: `id` names a scenario field ("briefing"), a world parameter ("world.population"),
 * a deadline ("deadlines.press") or "languages"; the value sits in the column its type uses. */
static void put_setting(gen *g, int row, const char *group, int line)
{
    const char *name = cell(g, row, g->id_col);
    const char *dot = strchr(name, '.');
    static const scn_field languages = {"languages", SCN_F_LIST, 0, 0, 0, 0, NULL};
    static const scn_field deadline = {"deadline", SCN_F_TIME, 0, 0, 0, 0, NULL};
    const scn_field *f = NULL;
    const char *leaf = name;
    if (strcmp(group, "world") == 0 && dot && strncmp(name, "world.", 6) == 0) {
        leaf = dot + 1;
        for (const scn_field *w = scn_decl_spec("world"); w->name && !f; w++)
            f = strcmp(w->name, leaf) == 0 ? w : NULL;
    } else if (strcmp(group, "deadlines") == 0 && dot && strncmp(name, "deadlines.", 10) == 0) {
        leaf = dot + 1;
        f = &deadline;
    } else if (!*group && strcmp(name, "languages") == 0) {
        f = &languages;
    } else if (!*group && !dot) {
        for (const scn_field *s = scn_decl_spec("scenario"); s->name && !f; s++)
            f = s->kind != SCN_F_CUSTOM && !row_field("scenario", s) && strcmp(s->name, name) == 0 ? s : NULL;
    }
    if (!f)
        return;
    int col = f->kind == SCN_F_TIME ? column(g, "time") : column(g, "value");
    int zh = column(g, "text_zh"), en = column(g, "text_en");
    for (int c = 0; c < scn_sheet_cols(g->sh); c++)
        if (c != g->kind_col && c != g->id_col && *cell(g, row, c) &&
            !(f->kind == SCN_F_TEXT ? c == zh || c == en : c == col))
            scn_sheet_problem_add(g->probs, row + 1, c + 1, "column '%s' does not apply to setting '%s'", g->header[c], name);
    char key[100];
    snprintf(key, sizeof key, "%s", f == &deadline ? name : leaf);
    if (f->kind == SCN_F_TEXT ? !*cell(g, row, zh) && !*cell(g, row, en) : !*cell(g, row, col))
        scn_sheet_problem_add(g->probs, row + 1, (f->kind == SCN_F_TEXT ? zh : col) + 1, "setting '%s' has no value", name);
    if (*group)
        puts_(&g->b, "  ");
    if (f == &deadline) {
        /* deadline ids are plain words here: written as ["id"] so any cell stays valid Lua */
        remember(g, line, key, row, col);
        puts_(&g->b, "  [");
        put_string(&g->b, leaf);
        puts_(&g->b, "] = ");
        char clock[40];
        put_string(&g->b, sheet_time(cell(g, row, col), clock, sizeof clock));
        puts_(&g->b, ",\n");
        return;
    }
    put_field(g, f, leaf, row, col, zh, en, line);
}

/* Is the setting row's name one put_setting knows? */
static int setting_known(const char *name)
{
    if (strncmp(name, "world.", 6) == 0) {
        for (const scn_field *w = scn_decl_spec("world"); w->name; w++)
            if (strcmp(w->name, name + 6) == 0)
                return 1;
        return 0;
    }
    if (strncmp(name, "deadlines.", 10) == 0)
        return name[10] != '\0';
    if (strcmp(name, "languages") == 0)
        return 1;
    for (const scn_field *s = scn_decl_spec("scenario"); s->name; s++)
        if (s->kind != SCN_F_CUSTOM && !row_field("scenario", s) && strcmp(s->name, name) == 0)
            return 1;
    return 0;
}

static int skip_row(const gen *g, int row)
{
    const char *k = cell(g, row, g->kind_col);
    if (k[0] == '#')
        return 1;
    for (int c = 0; c < scn_sheet_cols(g->sh); c++)
        if (*cell(g, row, c))
            return 0;
    return 1;
}

static void put_scenario(gen *g, int scenario_row)
{
    int line = put_declaration(g, scenario_row, "scenario");
    static const char *const groups[] = {"", "world", "deadlines"};
    for (int k = 0; k < 3; k++) {
        int opened = 0;
        for (int r = 1; r < scn_sheet_rows(g->sh); r++) {
            if (skip_row(g, r) || strcmp(cell(g, r, g->kind_col), "setting") != 0)
                continue;
            const char *name = cell(g, r, g->id_col);
            int in_group = k == 0 ? strchr(name, '.') == NULL || !setting_known(name)
                                  : strncmp(name, groups[k], strlen(groups[k])) == 0 && name[strlen(groups[k])] == '.';
            if (!in_group)
                continue;
            if (!setting_known(name)) {
                if (k > 0)
                    continue;
                scn_sheet_problem_add(g->probs, r + 1, g->id_col + 1,
                                      "unknown setting '%.60s' (a scenario field such as briefing or plan, "
                                      "world.<parameter>, deadlines.<id> or languages)", name);
                continue;
            }
            if (k > 0 && !opened) {
                puts_(&g->b, "  ");
                puts_(&g->b, groups[k]);
                puts_(&g->b, " = {\n");
                opened = 1;
            }
            put_setting(g, r, groups[k], line);
        }
        if (opened)
            puts_(&g->b, "  },\n");
    }
    puts_(&g->b, "}\n");
}

static int read_header(gen *g)
{
    int cols = scn_sheet_cols(g->sh), bad = 0;
    g->header = calloc((size_t)(cols ? cols : 1), sizeof *g->header);
    if (!g->header)
        return -1;
    g->kind_col = g->id_col = -1;
    for (int c = 0; c < cols; c++)
        g->header[c] = scn_sheet_cell(g->sh, 0, c);
    for (int c = 0; c < cols; c++) {
        const char *h = g->header[c];
        if (strcmp(h, "kind") == 0)
            g->kind_col = c;
        if (strcmp(h, "id") == 0)
            g->id_col = c;
        int known = strcmp(h, "kind") == 0 || strcmp(h, "value") == 0;
        static const char *const decls[] = {"scenario", "platform", "fact", "inject", "rumour",
                                            "claim", "question", "template", "ending"};
        for (size_t k = 0; k < sizeof decls / sizeof decls[0] && !known; k++)
            for (const scn_field *f = scn_decl_spec(decls[k]); f->name && !known; f++)
                known = row_field(decls[k], f) && is_field_column(g, f, c);
        if (!known && *h) {
            scn_sheet_problem_add(g->probs, 1, c + 1, "unknown column '%.60s' (see scenarios/sheet-template.csv)", h);
            bad = 1;
        } else if (!*h) {
            for (int r = 1; r < scn_sheet_rows(g->sh) && !bad; r++)
                if (*scn_sheet_cell(g->sh, r, c)) {
                    scn_sheet_problem_add(g->probs, 1, c + 1, "this column has cells but no name in the header row");
                    bad = 1;
                }
        }
    }
    if (g->kind_col < 0) {
        scn_sheet_problem_add(g->probs, 1, 0, "the header row has no 'kind' column");
        bad = 1;
    }
    return bad ? -1 : 0;
}

int scn_sheet_lua(const scn_sheet *sh, char **lua, scn_sheet_map **map, scn_sheet_problems *probs)
{
    *lua = NULL;
    *map = NULL;
    int before = probs->count;
    gen g = {sh, probs, calloc(1, sizeof(scn_sheet_map)), {NULL, 0, 0, 1, 0}, -1, -1, NULL};
    if (!g.map || read_header(&g)) {
        if (!g.map)
            scn_sheet_problem_add(probs, 0, 0, "out of memory");
        free(g.header);
        scn_sheet_map_free(g.map);
        return -1;
    }
    int rows = scn_sheet_rows(sh), scenario_row = -1;
    for (int r = 1; r < rows; r++) {
        if (skip_row(&g, r))
            continue;
        const char *k = cell(&g, r, g.kind_col);
        if (strcmp(k, "scenario") == 0) {
            if (scenario_row >= 0)
                scn_sheet_problem_add(probs, r + 1, g.kind_col + 1, "a second scenario row (the first is row %d)",
                                      scenario_row + 1);
            else
                scenario_row = r;
        } else if (strcmp(k, "setting") != 0 && !scn_decl_spec(k)) {
            scn_sheet_problem_add(probs, r + 1, g.kind_col + 1, "unknown kind '%.40s' (use %s; # starts a comment row)", k,
                                  kinds);
        } else if (strcmp(k, "setting") == 0 && !*cell(&g, r, g.id_col)) {
            scn_sheet_problem_add(probs, r + 1, g.id_col + 1, "a setting row needs the setting's name in 'id'");
        }
    }
    if (scenario_row < 0)
        scn_sheet_problem_add(probs, 0, 0, "no scenario row (kind = scenario, with id, text_zh and time = duration)");
    /* each row adds at most 60 lines (one per field plus braces) */
    g.map->lines = rows * 64 + 64;
    g.map->row_of_line = calloc((size_t)g.map->lines, sizeof(int));
    if (!g.map->row_of_line)
        g.b.oom = 1;
    if (scenario_row >= 0 && !g.b.oom) {
        puts_(&g.b, "-- scenario.lua written by `yqdrill import-sheet` from a drill sheet: edit the sheet, not this file.\n"
                    "-- 由 `yqdrill import-sheet` 根据演练表生成：请修改表格，而非本文件。\n\n");
        put_scenario(&g, scenario_row);
        for (int r = 1; r < rows && !g.b.oom; r++) {
            const char *k = cell(&g, r, g.kind_col);
            if (skip_row(&g, r) || strcmp(k, "scenario") == 0 || strcmp(k, "setting") == 0 || !scn_decl_spec(k))
                continue;
            put_declaration(&g, r, k);
            puts_(&g.b, "}\n");
        }
    }
    free(g.header);
    if (g.b.oom)
        scn_sheet_problem_add(probs, 0, 0, "out of memory");
    if (probs->count > before) {
        free(g.b.s);
        scn_sheet_map_free(g.map);
        return -1;
    }
    *lua = g.b.s;
    *map = g.map;
    return 0;
}

/* The cell a problem of the generated file names: the row of the declaration at its line, and the
 * column of the first field the message quotes ('verified_at', deadlines.press, platform ...). */
void scn_sheet_locate(const scn_sheet_map *m, const scn_problems *checked, scn_sheet_problems *probs)
{
    for (int i = 0; i < checked->count; i++) {
        const scn_problem *q = &checked->items[i];
        int row = q->line > 0 && q->line < m->lines ? m->row_of_line[q->line] : 0;
        if (!row) {
            scn_sheet_problem_add(probs, 0, 0, "scenario.lua:%d: %s", q->line, q->msg);
            continue;
        }
        int col = 0, best = 4;
        for (int k = 0; k < m->n; k++) {
            const origin *o = &m->o[k];
            if (o->line != q->line)
                continue;
            if (!col && strcmp(o->key, "id") == 0)
                col = o->col;   /* a message about the whole declaration names its id cell */
            char pat[100];
            const char *forms[] = {"'%s'", "'%s.", "%s "};
            for (int f = 0; f < 3 && f < best; f++) {
                snprintf(pat, sizeof pat, forms[f], o->key);
                if (strstr(q->msg, pat)) {
                    best = f;
                    col = o->col;
                    row = o->row;
                }
            }
        }
        scn_sheet_problem_add(probs, row, col, "%s", q->msg);
    }
}
