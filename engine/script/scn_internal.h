/* scn_internal.h — what the files of engine/script share: the scn_script state (Lua state, limits,
 * triggers), the sandbox's protected call, declaration field specs, and the trigger runner. */
#ifndef YQ_SCN_INTERNAL_H
#define YQ_SCN_INTERNAL_H

#include <lua.h>
#include <signal.h>
#include <stddef.h>
#include <time.h>

#include "script.h"
#include "sim/claims.h"

/* The count hook runs every SCN_HOOK_STEP VM instructions and charges them to the budget. */
#define SCN_HOOK_STEP 1000
/* CPU-time backstops for work no budget can see inside one VM instruction (comparing two long
 * strings, a deep __index chain), counting only the CPU time of the thread running the script:
 * loading it, all triggers at one simulated time, all triggers of a drill. A timer on that CPU clock
 * stops the call at the next instruction. They lie above what a full instruction budget costs
 * (`yqdrill bench script`: 3-16 ms a tick in a release build, more under sanitizers), so that the
 * budgets, not the clock, stop ordinary scripts; a stopped tick ends within 50 ms of CPU. */
#if defined(__SANITIZE_ADDRESS__)
#define SCN_CPU_SLOWDOWN 10.0   /* sanitizer builds run the engine's C code (a.mentions, the reader) ~10x slower */
#else
#define SCN_CPU_SLOWDOWN 1.0
#endif
#define SCN_LOAD_CPU_S (1.5 * SCN_CPU_SLOWDOWN)
#define SCN_TICK_CPU_S (0.03 * SCN_CPU_SLOWDOWN)
#define SCN_DRILL_CPU_S (30.0 * SCN_CPU_SLOWDOWN)
/* scenario.lua larger than this is refused before Lua sees it. */
#define SCN_MAX_FILE (8u * 1024u * 1024u)
/* Stream of the load-time math.random generator (the seed argument picks the sequence). */
#define SCN_LOAD_STREAM 0x5ce7a110u
/* C-side work charged to the instruction budget: a fixed cost per allocation (malloc and the
 * collector's later work on the object) plus one unit per this many bytes, and a fixed cost for
 * starting one trigger call. */
#define SCN_ALLOC_COST 8
#define SCN_ALLOC_UNIT 16
#define SCN_TRIGGER_COST 200

typedef enum scn_fatal {
    SCN_FATAL_NONE,
    SCN_FATAL_BUDGET,
    SCN_FATAL_MEMORY,
    SCN_FATAL_WEAK
} scn_fatal;

typedef enum scn_trig_kind { SCN_TRIG_ACTION, SCN_TRIG_TICK, SCN_TRIG_THRESHOLD } scn_trig_kind;

typedef enum scn_metric {
    SCN_METRIC_POSTS,       /* "posts_per_hour" */
    SCN_METRIC_READS,       /* "reads" */
    SCN_METRIC_TRUST_BELOW, /* "trust_below" */
    SCN_METRIC_CROWD,       /* "crowd" */
    SCN_METRIC_REACH,       /* "rumour_reach" */
    SCN_METRIC_TIME,        /* "time" */
    SCN_METRIC_COUNT
} scn_metric;

/* check's dry runs (dry_run.c): each read of the world is a choice point; a run takes choice[i] at
 * the i-th point met, and the next run moves the last point that has choices left (probe.c). */
#define SCN_PROBE_DEPTH 32
#define SCN_PROBE_SOFT 8   /* unknown names a run notes and goes past */
typedef struct scn_probe {
    int choice[SCN_PROBE_DEPTH];
    int arity[SCN_PROBE_DEPTH];
    int n;      /* choice points met in the current run */
    int fixed;  /* leading points whose choice the previous run's enumeration set */
    int n_soft; /* unknown ids and fields the current run met (it went on with a stand-in) */
    int soft_line[SCN_PROBE_SOFT];
    char soft_msg[SCN_PROBE_SOFT][200];
} scn_probe;

/* Something a trigger could keep state in besides w.state, as it was when scenario.lua had loaded. */
typedef struct scn_watch {
    int fn_ref;        /* registry reference of the closure whose upvalue it is; LUA_NOREF: a global */
    int up;            /* the upvalue's index */
    int trigger;       /* the trigger that reaches it; -1: every trigger */
    char name[64];     /* the local's or global's name */
    uint8_t *fp;       /* its fingerprint (scn_state_fingerprint) */
    size_t n_fp;
} scn_watch;

typedef struct scn_trigger {
    scn_trig_kind kind;
    int action_type;   /* SCN_TRIG_ACTION: sim_action_type, or -1 for "*" */
    scn_metric metric; /* SCN_TRIG_THRESHOLD */
    double value;      /* SCN_TRIG_THRESHOLD (seconds for "time") */
    int ref;           /* registry reference of the Lua function */
    int line;          /* line of the on_* call */
} scn_trigger;

struct scn_script {
    lua_State *L;
    char *path;            /* the scenario.lua file */
    char *short_src;       /* Lua's abbreviation of the path in its messages */
    char *source;          /* the file's text (NUL-terminated), scanned by scn_check */
    size_t source_len;

    size_t mem_used;
    size_t c_mem;          /* C-side copies of declarations, counted with mem_used against the cap */
    size_t world_mem;      /* notes the script left in the bound world, counted likewise */
    int in_call;           /* Lua code is running under our limits */
    long budget_left;
    const char *fatal_what;/* C-side work that spent the budget (NULL: VM instructions) */
    int n_metas;           /* tables ever given as metatables (registry list, checked for __mode) */
    int last_line;         /* latest line the line hook saw */
    scn_fatal fatal;       /* a limit was hit: sticky until the outermost call returns */
    int fatal_line;

    int loading;           /* scenario.lua is running: declarations allowed */
    sim_rng load_rng;
    sim_rng *rng;          /* what math.random draws from during a call, else NULL */
    sim_scenario *scn;     /* filled while loading */
    scn_problems *probs;   /* problems recorded while loading */
    int scenario_line;     /* line of scenario{}, 0 until declared */

    sim_world *world;      /* the world a running trigger sees, else NULL */
    int w_ref;             /* registry reference of the `w` proxy table */
    int state_ref;         /* registry reference of the w.state table triggers see (LUA_NOREF: none yet) */
    const sim_world *state_world; /* the world whose stored state equals state_cache and the table (else NULL) */
    uint8_t *state_cache;  /* the table's encoding as last stored into state_world */
    size_t n_state_cache;
    scn_watch *watch;      /* state_guard.c */
    int n_watch, cap_watch;

    const sim_world *window_world; /* the world and time the tick and drill budgets belong to */
    sim_time window_now;
    long tick_left, drill_left;
    int notes_left;        /* w.note calls left at this simulated time */
    double cpu_call;       /* thread CPU seconds when the running call began */
    timer_t cpu_timer;     /* the running call's CPU-time timer (cpu_limit.c) */
    sigset_t cpu_mask_saved;        /* the thread's signal mask before the call */
    volatile sig_atomic_t cpu_expired; /* the timer fired: stop at the next instruction */
    const char *cpu_what;  /* which backstop the timer stands for, for the message */
    double cpu_tick, cpu_drill; /* CPU seconds the triggers spent at this simulated time, in this drill */

    scn_trigger *trig;
    int n_trig, cap_trig;

    scn_probe *probe;      /* check's dry run: world reads are choice points, effects only check */
    const sim_reading *dry_reading; /* check's dry run: the reading of the action's text, taken once */
};

/* --- cpu_limit.c --- */
double scn_cpu_seconds(void);   /* CPU time of the calling thread, for the backstops */
/* Start the running call's timer: `seconds` of this thread's CPU time from now, after which Lua runs
 * the count hook at every instruction and cpu_expired is set (`what` names the backstop). 0, or -1
 * with msg (nothing left armed). */
int scn_cpu_arm(scn_script *sc, double seconds, const char *what, char *msg, size_t msglen);
/* Delete the timer and restore the signal mask and handler as they were. 0, or -1 with msg. */
int scn_cpu_disarm(scn_script *sc, char *msg, size_t msglen);

/* --- sandbox.c --- */
/* Create the Lua state with the allocator, hooks and safe libraries. 0, or -1 with msg. */
int scn_sandbox_open(scn_script *sc, char *msg, size_t msglen);
/* The scn_script that owns a Lua state (the allocator's userdata). */
scn_script *scn_of(lua_State *L);
/* Call the function below `nargs` arguments on the stack with an instruction budget and an rng;
 * pops function and arguments. Returns 0, or -1 with the error's line (0 when unknown) and text. */
int scn_sandbox_call(scn_script *sc, int nargs, long budget, sim_rng *rng, int *line, char *msg, size_t msglen);
/* Compile scenario.lua's text (text mode only) and push the chunk. 0, or -1 with line and text. */
int scn_sandbox_compile(scn_script *sc, int *line, char *msg, size_t msglen);
/* Line of the nearest Lua function calling the running C function (0 when none). */
int scn_caller_line(lua_State *L);
/* Charge C-side work to the running call's budget; once it is spent, raise an error that pcall
 * cannot catch. `what` names the work in the message (NULL: plain instructions). */
void scn_charge(lua_State *L, long units, const char *what);
/* Count `bytes` of C-side storage the script caused (declarations: world = 0; notes: world = 1)
 * against the memory cap; raises the memory error when it would pass the cap. */
void scn_charge_memory(lua_State *L, size_t bytes, int world);
/* Raise an error unless no metatable has been given __mode (checked before every effect). */
void scn_check_weak(lua_State *L);

/* --- api_pattern.c --- */
void scn_open_patterns(lua_State *L); /* string.find / match / gmatch / gsub charging each step */

/* --- api_cost.c --- */
void scn_open_costs(lua_State *L);    /* string.rep, table.concat, ... charged for their loops */

/* --- api_math.c --- */
void scn_open_random(lua_State *L);   /* math.random / math.randomseed over sim_rng */

/* --- api_order.c --- */
void scn_open_order(lua_State *L);    /* pairs / next in a fixed order, tostring without addresses */

/* --- fields.c: reading declaration tables --- */
typedef enum scn_fkind {
    SCN_F_ID,      /* char*: identifier [A-Za-z0-9_.-]+ */
    SCN_F_STR,     /* char*: any non-empty string */
    SCN_F_ENUM,    /* char*: one of `choices` (space separated) */
    SCN_F_TEXT,    /* sim_text: string (zh) or {zh=, en=} */
    SCN_F_NUM,     /* double */
    SCN_F_INT,     /* int */
    SCN_F_U32,     /* uint32_t */
    SCN_F_TIME,    /* sim_time: "HH:MM", "HH:MM:SS" or minutes */
    SCN_F_LIST,    /* sim_strlist of non-empty strings */
    SCN_F_CUSTOM   /* known field read by the declaration itself */
} scn_fkind;

enum {
    SCN_REQ = 1,     /* must be present */
    SCN_NONNEG = 2,  /* >= 0 */
    SCN_POS = 4,     /* > 0 */
    SCN_RANGE = 8,   /* lo <= v <= hi (times: at most hi seconds) */
    SCN_HIOPEN = 16  /* with SCN_RANGE: v < hi */
};

typedef struct scn_field {
    const char *name;
    scn_fkind kind;
    size_t off;
    unsigned flags;
    double lo, hi;
    const char *choices;
} scn_field;

/* One declaration being read: where it is and how to name it in messages. */
typedef struct scn_decl {
    scn_script *sc;
    lua_State *L;
    int table;        /* absolute stack index of the declaration's table */
    int line;
    char label[160];  /* "fact 'f_team'" / "template" */
    int bad;          /* problems were recorded for it */
} scn_decl;

/* Start reading the table at `idx` for declaration `what`; the label uses its id when it has one. */
void scn_decl_begin(scn_decl *d, lua_State *L, int idx, const char *what, int line);
void scn_decl_problem(scn_decl *d, const char *fmt, ...);
/* Check the keys against `spec` (NULL-name terminated) and store every present field into obj. */
void scn_decl_read(scn_decl *d, const scn_field *spec, void *obj);
/* Read the value at stack index `idx` as one kind (used for sub-fields and special cases). */
int scn_decl_value(scn_decl *d, const scn_field *f, int idx, void *obj);

/* Parse a time value at `idx`: "HH:MM", "HH:MM:SS" or minutes. 0, or -1 with a reason in why. */
int scn_time_parse(lua_State *L, int idx, sim_time *out, char *why, size_t whylen);
/* "HH:MM" or "HH:MM:SS" into buf. */
const char *scn_time_format(sim_time t, char *buf, size_t len);
char *scn_strdup(const char *s);
/* Make room for one more of n elements of `elem` bytes in *items (capacity *cap, doubled); raises a Lua
 * memory error when it cannot. */
void scn_grow(lua_State *L, void **items, int n, int *cap, size_t elem);

/* --- decl.c --- */
void scn_open_decls(lua_State *L);    /* scenario, platform, fact, inject, ... as globals */
/* Whether every declaration has its required text and id fields (so the checks can read them). */
int scn_decls_complete(const sim_scenario *s);
/* The field spec of a declaration kind ("fact", "world", ...), NULL-name terminated; NULL when unknown. */
const scn_field *scn_decl_spec(const char *kind);

/* --- triggers.c --- */
void scn_open_triggers(lua_State *L); /* on_action, on_tick, on_threshold */
const char *scn_metric_name(scn_metric m);
/* Run trigger `i` once against `w` (`a` for action triggers, may be NULL otherwise) with at most
 * `budget` instructions; *used gets what it spent. Returns 0, or -1 with line and message. */
int scn_trigger_run(scn_script *sc, int i, sim_world *w, const sim_action *a, long budget, long *used, int *line,
                    char *msg, size_t msglen);

/* --- probe.c: choice points of check's dry runs --- */
/* Which of `arity` values the running dry run takes at its next choice point. */
int scn_probe_pick(scn_script *sc, int arity);
/* A number for a read of the world at the caller's line: 0 or just either side of a number literal
 * written on that line (so `w.trust >= 70` goes both ways), else one of `fallback`. */
double scn_probe_number(lua_State *L, const double *fallback, int nfallback);
/* An unknown id or field: in a dry run it is noted (the caller goes on with a stand-in, so the rest
 * of the path is still checked); otherwise raised as the error. */
void scn_soft_error(lua_State *L, const char *msg);
/* The start of line `line` (1-based) of scenario.lua's text, NULL past its end. */
const char *scn_source_line(const scn_script *sc, int line);
/* Start a trigger's enumeration; after each run, move to the next choice (0 when all were taken). */
void scn_probe_start(scn_probe *p);
int scn_probe_next(scn_probe *p);

/* --- dry_run.c --- */
/* Dry-run every trigger of a loaded scenario (see the file); problems go to p. `quiet`: say nothing
 * when no world can be built from it (the load's problems already explain why). */
void scn_dry_run(scn_script *sc, const sim_scenario *s, scn_problems *p, int quiet);

/* --- load.c --- */
/* scn_load for check: when only declarations had problems (the file ran to its end and every
 * declaration has its required fields), the scenario is still handed out with *partial = 1 so
 * that the whole-file checks can run too. */
int scn_load_checkable(const char *path, sim_scenario *s, scn_script **out, scn_problems *probs, int *partial);

/* --- api_yq.c --- */
void scn_open_yq(lua_State *L);       /* the `yq` library of common trigger shapes */

/* --- state.c: w.state --- */
/* Serialise the value at idx (numbers, strings, booleans and plain tables of them; keys sorted) into a
 * malloc'd buffer. 0, or -1 with msg naming the key ("w.state.a.b: a function cannot be kept ..."). */
int scn_state_encode(lua_State *L, int idx, uint8_t **out, size_t *n, char *msg, size_t msglen);
/* A deep serialisation of any value, for comparing it with itself later: plain values and tables by
 * content (keys sorted), functions, userdata and tables met again by identity. 0, or -1 (out of memory,
 * or larger than w.state may be). */
int scn_state_fingerprint(lua_State *L, int idx, uint8_t **out, size_t *n);
/* Push the table that n bytes encode (n = 0: an empty table). 0, or -1 when they are not an encoding
 * scn_state_encode could have written (nothing pushed). Raises only Lua memory errors. */
int scn_state_decode(lua_State *L, const uint8_t *bytes, size_t n);
/* Inside a trigger's protected call: before it, make w.state the table w's stored state encodes;
 * after it, check and store the table back into w (errors raised, naming `line` and the key). */
void scn_state_enter(lua_State *L, sim_world *w);
void scn_state_leave(lua_State *L, sim_world *w, int line);
void scn_state_push(lua_State *L);    /* the running trigger's w.state */

/* --- state_guard.c: no trigger state outside w.state --- */
/* Before scenario.lua runs: note the sandbox's own globals. 0, or -1 when out of memory. */
int scn_guard_baseline(scn_script *sc);
/* After it ran: fingerprint the upvalues reachable from the triggers and the globals it defined.
 * 0, or -1 when out of memory. */
int scn_guard_build(scn_script *sc);
/* Inside trigger `trig`'s protected call, after it returned: raise "file:line: trigger keeps state in
 * local 'x'; ..." when something it reaches changed. */
void scn_guard_check(lua_State *L, int trig, int line);
int scn_guard_new_global(lua_State *L);  /* _G's __newindex: refused inside triggers */
int scn_guard_rawset(lua_State *L);      /* rawset, refusing new globals inside triggers likewise */
void scn_guard_free(scn_script *sc);

/* --- api_world.c --- */
/* Create the `w` proxy (kept in the registry as sc->w_ref). */
void scn_open_world(lua_State *L);
/* Push the `a` table of an action. */
void scn_push_action(lua_State *L, const sim_action *a);

#endif
