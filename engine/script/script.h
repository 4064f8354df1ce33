/* script.h — scenarios written in sandboxed Lua 5.4: loading scenario.lua into a sim_scenario,
 * validating it (file:line problems), and running its triggers as the world's hooks. */
#ifndef YQ_SCRIPT_H
#define YQ_SCRIPT_H

#include <stddef.h>
#include <stdint.h>

#include "sim/world.h"

/* Sandbox limits (documented in scenarios/README.md). */
#define SCN_MEMORY_CAP (64u * 1024u * 1024u)   /* bytes a scenario's Lua state may allocate */
#define SCN_LOAD_BUDGET 30000000L              /* VM instructions for loading scenario.lua */
#define SCN_CALL_BUDGET 250000L                /* VM instructions per trigger call */
#define SCN_TICK_BUDGET 250000L                /* all triggers run at one simulated time, together */
#define SCN_DRILL_BUDGET 200000000L            /* all triggers of one world, over the whole drill */
#define SCN_CHECK_BUDGET 50000000L             /* the dry run of every trigger by scn_check */
#define SCN_MAX_DECLS 1000                     /* declarations of one kind (facts, rumours, ...) */
#define SCN_MAX_TRIGGERS 1000                  /* on_action + on_tick + on_threshold registrations */
#define SCN_NOTE_MAX 4096                      /* bytes of one w.note text */
#define SCN_NOTES_PER_TICK 100                 /* w.note calls at one simulated time */
#define SCN_MAX_DURATION (30 * 24 * 3600)      /* seconds a drill may last */
#define SCN_MAX_EDGES 1e8                      /* population x mean_follows: the follow network's size */

typedef struct scn_problem {
    char *file;
    int line;      /* 0 when no line applies */
    char *msg;
} scn_problem;

typedef struct scn_problems {
    scn_problem *items;
    int count, cap;
} scn_problems;

void scn_problems_add(scn_problems *p, const char *file, int line, const char *fmt, ...);
void scn_problems_free(scn_problems *p);
/* Print each as "file:line: message" to the given FILE* (stdio is the caller's). */
void scn_problems_print(const scn_problems *p, void *file);

typedef struct scn_script scn_script;

/* Load scenarios/<id>/ (a folder holding scenario.lua) into `s`, keeping its Lua state for triggers.
 * `seed` seeds math.random while the file loads. Returns 0, or -1 with problems recorded. */
int scn_load(const char *dir, uint64_t seed, sim_scenario *s, scn_script **out, scn_problems *probs);
void scn_free(scn_script *sc);

/* The scenario's triggers as world hooks: during a hook, math.random draws from the world's rng. */
void scn_hooks(scn_script *sc, sim_hooks *out);

/* Full check of a scenario folder or file: load, cross-references, ranges, translations,
 * reachability, and a dry run of every trigger. Returns the number of problems (0 = valid). */
int scn_check(const char *path, scn_problems *probs);
/* scn_check, then `more` on the loaded scenario (checks the caller owns, e.g. against its plan),
 * so the file is loaded once and every problem reported in one pass. */
typedef void (*scn_more_check)(const sim_scenario *s, scn_problems *probs, void *ctx);
int scn_check_with(const char *path, scn_problems *probs, scn_more_check more, void *ctx);

/* FNV-1a 64 over a scenario folder's files (scenario.lua first, then the rest sorted, responses/ and
 * dot-files skipped): what a session records, and how a change to the files is noticed.
 * 0, or -1 with msg when a file cannot be read. */
int scn_content_hash(const char *dir, uint64_t *out, char *msg, size_t msglen);

/* Load a scenario folder and run its world's first tick, which is expected to fail (a probe of the
 * sandbox's limits): *cpu_s gets the CPU time that tick took on this thread, error its message.
 * 0 when the tick failed; -1 when the folder did not load or the tick went through (error says). */
int scn_probe_tick(const char *dir, double *cpu_s, char *error, size_t errlen);

/* Scenario folders under `root` (those holding scenario.lua), sorted by id; *ids is malloc'd. */
int scn_list(const char *root, char ***ids, int *n);
void scn_list_free(char **ids, int n);

#endif
