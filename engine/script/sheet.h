/* sheet.h — the drill sheet: a CSV master events list (one row per declaration) read with libcsv,
 * turned into scenario.lua, and written back from a loaded scenario; problems are FILE.csv:ROW:COLUMN. */
#ifndef YQ_SCRIPT_SHEET_H
#define YQ_SCRIPT_SHEET_H

#include <stddef.h>

#include "script.h"

/* A problem at a spreadsheet row (1 = the header) and column (1-based; 0 when none applies). */
typedef struct scn_sheet_problem {
    int row, col;
    char *msg;
} scn_sheet_problem;

typedef struct scn_sheet_problems {
    scn_sheet_problem *items;
    int count, cap;
} scn_sheet_problems;

void scn_sheet_problem_add(scn_sheet_problems *p, int row, int col, const char *fmt, ...);
void scn_sheet_problems_free(scn_sheet_problems *p);
/* Print each as "file:row:col: message" to the given FILE*. */
void scn_sheet_problems_print(const scn_sheet_problems *p, const char *file, void *out);

typedef struct scn_sheet scn_sheet;

/* Parse CSV text (UTF-8, an optional byte-order mark, quoted fields with commas and line breaks).
 * 0, or -1 with problems recorded (nothing allocated in *out then). */
int scn_sheet_parse(const char *data, size_t len, scn_sheet **out, scn_sheet_problems *probs);
void scn_sheet_free(scn_sheet *sh);
int scn_sheet_rows(const scn_sheet *sh);   /* records, header included */
int scn_sheet_cols(const scn_sheet *sh);
const char *scn_sheet_cell(const scn_sheet *sh, int row, int col);   /* 0-based; "" outside */

/* Where each line of a generated scenario.lua came from, to name rows and columns in check's problems. */
typedef struct scn_sheet_map scn_sheet_map;
void scn_sheet_map_free(scn_sheet_map *m);

/* The scenario.lua a sheet describes (malloc'd, NUL-terminated). Malformed rows and cells are recorded
 * as problems; returns 0, or -1 when there were any (*lua and *map are NULL then). */
int scn_sheet_lua(const scn_sheet *sh, char **lua, scn_sheet_map **map, scn_sheet_problems *probs);
/* Add check's problems about the generated file as sheet problems (row and column of the cell). */
void scn_sheet_locate(const scn_sheet_map *m, const scn_problems *checked, scn_sheet_problems *probs);

/* The sheet column holding a declaration field: several kinds share "time" (verified_at, at, start,
 * duration), "text" (text, claim, name, title; as text_zh and text_en) and "type" (kind, stance). */
const char *scn_sheet_column(const char *field);

/* Write the declarations of a loaded scenario as a sheet (header, then one row per declaration).
 * 0, or -1 with msg. */
int scn_sheet_write(const sim_scenario *s, void *out, char *msg, size_t msglen);

#endif
