/* plan_parse.h — what the plan reader's files share: typed, path-tracking readers over cJSON (each
 * checks one field and on the first problem writes "NAME: $.json.path: what is wrong"), the plan's
 * vocabulary, and the readers of each kind of rubric line. */
#ifndef YQ_SCORE_PLAN_PARSE_H
#define YQ_SCORE_PLAN_PARSE_H

#include <cjson/cJSON.h>

#include "score_internal.h"

#define SCORE_PJ_PATH 256
/* Upper bounds of plan numbers (scenarios/plans/README.md): warning levels, deadline minutes (a drill
 * lasts at most 30 days), and an outcome's best value. */
#define SCORE_PLAN_MAX_LEVEL 1e12
#define SCORE_PLAN_MAX_MINUTES 43200.0
#define SCORE_PLAN_MAX_BEST 1e12

typedef struct score_pj {
    const char *name;   /* file path or caller's name for the text */
    char *err;
    int errlen;
    int failed;
} score_pj;

/* ---- field readers (plan_json.c) ---- */

/* Record the first failure at path; always returns -1. */
int score_pj_fail(score_pj *j, const char *path, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Child paths: base + ".key" and base + "[i]". */
void score_pj_key(char *out, const char *base, const char *key);
void score_pj_index(char *out, const char *base, int i);

/* Refuse members not named in `allowed` (NULL-terminated) and repeated members. 0 or -1. */
int score_pj_known_keys(score_pj *j, const cJSON *obj, const char *path, const char *const *allowed);
/* `v` must be an object / a non-empty array. 0 or -1. */
int score_pj_object(score_pj *j, const cJSON *v, const char *path);
int score_pj_array(score_pj *j, const cJSON *v, const char *path);

/* Field readers: a missing optional field leaves *out untouched and returns 0. */
int score_pj_string(score_pj *j, const cJSON *obj, const char *path, const char *key, int required, char **out);
/* A finite number in [lo, hi]; `lo_open` makes the lower bound exclusive ("> lo"). */
int score_pj_number(score_pj *j, const cJSON *obj, const char *path, const char *key, int required,
                    double lo, int lo_open, double hi, double *out);
int score_pj_bool(score_pj *j, const cJSON *obj, const char *path, const char *key, int *out);
/* {"zh": "...", "en": "..."} (zh required) or a plain string taken as zh. */
int score_pj_text(score_pj *j, const cJSON *obj, const char *path, const char *key, int required, sim_text *out);
/* An array of non-empty strings; a single string is taken as a one-item list. */
int score_pj_strlist(score_pj *j, const cJSON *obj, const char *path, const char *key, sim_strlist *out);
/* An id: 1..48 characters of [a-z0-9_-]. */
int score_pj_id(score_pj *j, const cJSON *obj, const char *path, const char *key, char **out);
/* Names parsed by `parse` (returning -1 when unknown) into a bit mask; absent keeps *mask. */
int score_pj_names_mask(score_pj *j, const cJSON *obj, const char *path, const char *key,
                        int (*parse)(const char *), const char *what, unsigned *mask);

void score_pj_text_free(sim_text *t);
void score_pj_strlist_free(sim_strlist *l);

/* ---- vocabulary (score_plan.c) ---- */

extern const char *const score_competency_keys[SCORE_COMPETENCY_COUNT + 1];  /* NULL-terminated */
int score_metric_parse(const char *name);
int score_lex_parse(const char *name);
int score_scenario_text_parse(const char *name);   /* "place" 0, "official" 1 */
int score_fact_kind_known(const char *kind);

/* ---- pieces of every line (plan_pieces.c) ---- */

/* Each item of `kinds` (read from path.fact_kinds) must be a known fact kind. */
int score_pj_fact_kinds(score_pj *j, const char *path, const sim_strlist *kinds);
/* id (read from the object unless `id` is given), title, points, weights. */
int score_pj_head(score_pj *j, const cJSON *obj, const char *path, const char *id, plan_head *h);
void score_pj_head_free(plan_head *h);
/* obj.detect */
int score_pj_detector(score_pj *j, const cJSON *obj, const char *path, plan_detector *d);
/* obj[key] read as a detector; an absent key is fine when !required (the detector stays empty). */
int score_pj_detector_at(score_pj *j, const cJSON *obj, const char *path, const char *key, int required,
                         plan_detector *d);
void score_pj_detector_free(plan_detector *d);

/* Each item of the array at obj[key] read by `fn` into an array of `size`-byte items whose first
 * member is their `char *id`; ids must be unique. An absent key is fine when !required. */
typedef int (*score_pj_item_fn)(score_pj *j, const cJSON *item, const char *path, void *dst);
int score_pj_list(score_pj *j, const cJSON *obj, const char *path, const char *key, int required,
                  size_t size, void **items, int *count, score_pj_item_fn fn);

/* ---- rubric lines (plan_lines.c) ---- */

int score_pj_deadline(score_pj *j, const cJSON *e, const char *path, void *dst);
int score_pj_step(score_pj *j, const cJSON *e, const char *path, void *dst);
int score_pj_group(score_pj *j, const cJSON *e, const char *path, void *dst);
int score_pj_element(score_pj *j, const cJSON *e, const char *path, void *dst);
int score_pj_outcome(score_pj *j, const cJSON *e, const char *path, void *dst);
int score_pj_three_part(score_pj *j, const cJSON *v, const char *path, plan_three_part *t);
/* `p` gives the default applies_to (the public actions). */
int score_pj_forbidden(score_pj *j, const cJSON *v, const char *path, const score_plan *p, plan_forbidden *f);
int score_pj_flood(score_pj *j, const cJSON *v, const char *path, const score_plan *p, plan_flood *f);
/* The "answers" section (plan_answers.c). */
int score_pj_answers(score_pj *j, const cJSON *v, const char *path, plan_answers *a);
/* acc[key], when present. */
int score_pj_penalty(score_pj *j, const cJSON *acc, const char *path, const char *key, plan_penalty *pen);

#endif
