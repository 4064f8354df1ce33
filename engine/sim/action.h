/* action.h — the one way anything outside the core changes the world: a typed, time-stamped action.
 * The interface, response files, replays and tests all produce these; the names below are the file format. */
#ifndef YQ_SIM_ACTION_H
#define YQ_SIM_ACTION_H

#include "scenario.h"

typedef enum sim_action_type {
    SIM_ACT_REPORT,        /* report to the command group (text) */
    SIM_ACT_ASSESS,        /* assessment: warning level + text */
    SIM_ACT_STRATEGY,      /* decide the response strategy (text) */
    SIM_ACT_STATEMENT,     /* publish a statement on a channel (channel, text) */
    SIM_ACT_REPLY,         /* reply to a post (target = post id, text) */
    SIM_ACT_REBUT,         /* rebut a rumour (target = rumour id, text) */
    SIM_ACT_PRESS,         /* call a press conference */
    SIM_ACT_ANSWER,        /* answer a press question (target = question id, text) */
    SIM_ACT_LEADERS,       /* engage opinion leaders (text) */
    SIM_ACT_OFFLINE,       /* offline measure (target = measure id, text) */
    SIM_ACT_VERIFY,        /* request verification of a fact (target = fact id) */
    SIM_ACT_MONITOR,       /* record a monitoring note on effects (text) */
    SIM_ACT_SUMMARY,       /* after-action summary (text) */
    SIM_ACT_LOGISTICS,     /* logistics group arranges something (target = logistics item, text optional) */
    SIM_ACT_INJECT,        /* instructor fires an inject (target = inject id) */
    SIM_ACT_POST,          /* instructor posts a netizen post of their own (text, channel = platform or none) */
    SIM_ACT_ASK,           /* a live press question (text; target = the reporter, channel = the outlet or none) */
    SIM_ACT_COUNT
} sim_action_type;

/* Offline measures the world understands (target of SIM_ACT_OFFLINE). */
typedef enum sim_measure {
    SIM_MEASURE_FIELD,        /* "field_investigation" */
    SIM_MEASURE_APOLOGY,      /* "apology" */
    SIM_MEASURE_COMPENSATION, /* "compensation" */
    SIM_MEASURE_HOTLINE,      /* "hotline" */
    SIM_MEASURE_COUNT
} sim_measure;

/* What the logistics group (后勤保障组) arranges (target of SIM_ACT_LOGISTICS). */
typedef enum sim_logistics {
    SIM_LOGISTICS_VENUE,      /* "venue": the press conference's venue 发布会场地 */
    SIM_LOGISTICS_HOTLINE,    /* "hotline": staff for the hotline 热线值守 */
    SIM_LOGISTICS_TRANSPORT,  /* "transport": vehicles for field staff 交通车辆 */
    SIM_LOGISTICS_MATERIALS,  /* "materials": supplies 物资 */
    SIM_LOGISTICS_COUNT
} sim_logistics;

typedef enum sim_role {
    SIM_ROLE_SPOKESPERSON,
    SIM_ROLE_MONITOR,
    SIM_ROLE_COMMAND,
    SIM_ROLE_LOGISTICS,
    SIM_ROLE_COUNT
} sim_role;

#define SIM_LEVEL_NONE (-1)

typedef struct sim_action {
    sim_time t;            /* simulation second at which it takes effect */
    sim_action_type type;
    sim_role role;         /* who took it */
    int level;             /* SIM_ACT_ASSESS: 0 blue .. 3 red; else SIM_LEVEL_NONE */
    char *target;          /* rumour / question / fact / measure / logistics item / inject / post id, or NULL */
    char *channel;         /* platform id for statements, or NULL */
    char *text;            /* UTF-8, or NULL */
    int follow_up;         /* SIM_ACT_ASK: 1 when it follows up its reporter's previous question; else 0 */
} sim_action;

/* Names used in files and UI keys: "report", "assess", ... ; NULL / -1 when unknown. */
const char *sim_action_type_name(sim_action_type t);
int sim_action_type_parse(const char *name);
const char *sim_measure_name(sim_measure m);
int sim_measure_parse(const char *name);
const char *sim_logistics_name(sim_logistics l);
int sim_logistics_parse(const char *name);
const char *sim_role_name(sim_role r);
int sim_role_parse(const char *name);
const char *sim_level_name(int level);  /* "blue" "yellow" "orange" "red" */
int sim_level_parse(const char *name);

/* The live questions of a drill are answered as "live-N" (N from 1: the drill's N-th SIM_ACT_ASK): N, or 0
 * when target is no such id. */
#define SIM_LIVE_PREFIX "live-"
/* The reporter (target) of a live question the instructor asks: shown as the UI's and the scorecard's word for
 * the instructor (导调员) in each language, never as this id. */
#define SIM_ASKER_INSTRUCTOR "instructor"
int sim_live_question(const char *target);

/* Which fields an action type needs: bit flags of SIM_NEEDS_*. */
enum { SIM_NEEDS_TEXT = 1, SIM_NEEDS_TARGET = 2, SIM_NEEDS_CHANNEL = 4, SIM_NEEDS_LEVEL = 8 };
int sim_action_needs(sim_action_type t);

/* Deep copy / release of the strings an action owns. Return 0 on success, -1 on allocation failure. */
int sim_action_copy(sim_action *dst, const sim_action *src);
void sim_action_free(sim_action *a);

/* Check an action against a scenario: required fields, known ids.
 * Returns 0, or -1 with a one-line reason in `err`. */
int sim_action_validate(const sim_action *a, const sim_scenario *s, char *err, int errlen);

#endif
