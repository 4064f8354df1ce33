/* cls.h — the live classroom over MQTT: join codes, the host's own mosquitto, the wire messages
 * (size-capped, schema-checked with cJSON) and a small MQTT link; knows nothing of the world or SQLite. */
#ifndef YQ_CLS_H
#define YQ_CLS_H

#include <stdint.h>
#include <sys/types.h>

#include "store/store.h"

#define CLS_HOST_MAX 255
#define CLS_PASS_LEN 10
#define CLS_MSG_MAX (256 * 1024)   /* bytes: a message larger than this is refused unread */
#define CLS_STATION_USER "station"
#define CLS_HOST_USER "yqhost"

/* Where a class meets: broker address, class name (a plain id), the stations' password. */
typedef struct cls_endpoint {
    char host[CLS_HOST_MAX + 1];
    int port;
    char klass[STORE_ID_MAX + 1];
    char pass[64];
} cls_endpoint;

/* Join code "HOST:PORT/CLASS/PASSWORD" (short enough for a projector). 0, or -1 with a message. */
int cls_code_make(const cls_endpoint *e, char *out, int outlen, char *err, int errlen);
int cls_code_parse(const char *code, cls_endpoint *e, char *err, int errlen);
/* "mqtt://HOST:PORT" into e->host, e->port. */
int cls_broker_url_parse(const char *url, cls_endpoint *e, char *err, int errlen);
/* n random lowercase letters and digits from /dev/urandom, NUL-terminated. */
int cls_random_word(char *out, int n, char *err, int errlen);

/* The host's own mosquitto: config, password file and ACL in a fresh temporary folder. */
typedef struct cls_broker {
    char dir[256];
    pid_t pid;
    char host_pass[CLS_PASS_LEN + 1];
} cls_broker;
int cls_broker_start(cls_broker *b, const cls_endpoint *e, char *err, int errlen);
/* Stop it (SIGTERM, then wait) and remove its folder. 0, or -1 with a message. */
int cls_broker_stop(cls_broker *b, char *err, int errlen);

/* Topics: yq/CLASS/st/STATION/{session,action,end,status,gone,...}; a station's STATION is its session UUID (a
 * reporter's or an observer's, its own UUID). */
int cls_topic(char *out, int outlen, const char *klass, const char *station, const char *kind);

typedef enum cls_refusal {
    CLS_OK = 0,
    CLS_OVERSIZED,
    CLS_MALFORMED,   /* not JSON, or not the schema of its kind */
    CLS_FOREIGN,     /* topic outside the class's station topics, or a UUID not the topic's station */
    CLS_REFUSAL_COUNT
} cls_refusal;
extern const char *const cls_refusal_names[CLS_REFUSAL_COUNT];

/* CLS_STATUS: a station's drill as it stands (sent every second or so); CLS_GONE: the station left (sent on
 * leaving, and by the broker as its last will when the connection is lost). */
/* Team drills: CLS_PROPOSE an action a seat (trainee, plan group) proposes, numbered within that seat's proposals;
 * CLS_RESYNC asks, for seat (trainee, group), the host's receipt and the team's header and its accepted log from
 * seq on (-1: the header only); CLS_DONE says the seat has proposed all it will (seq: how many), and from the
 * host is the seat's receipt (how many of its proposals, from the first, it has handled). On the team's topic
 * CLS_STATUS is the team's clock: t the scenario time no action accepted later will precede, n_actions the
 * accepted log's length then, paused and speed (scenario seconds a second; 0: the team drill has no clock). */
/* CLS_QUESTION: a live press-conference question a reporter (or the host's ask) puts to the station, numbered
 * within that asker's questions; a follow-up is to the asker's previous question. */
/* CLS_RATING: an observer's HSEEP rating of one session's rubric line or action, numbered within that observer's
 * ratings (a later one of the same target replaces the earlier, as with `yqdrill rate`). */
typedef enum cls_kind { CLS_SESSION, CLS_ACTION, CLS_END, CLS_STATUS, CLS_GONE, CLS_PROPOSE, CLS_RESYNC, CLS_DONE,
                        CLS_QUESTION, CLS_RATING, CLS_KIND_COUNT } cls_kind;
typedef struct cls_status {
    sim_time t;          /* scenario time */
    int level;           /* warning level 0 blue .. 3 red */
    double heat;         /* posts per hour */
    double score;        /* points so far (the plan's lines the drill has earned up to t; outcomes come at the end) */
    int n_actions;
    char last[16];       /* the last action's type name, "" before any */
    int paused;
    double speed;        /* 0: as fast as it goes */
} cls_status;
typedef struct cls_msg {
    cls_kind kind;
    store_session ses;   /* uuid always; the header for CLS_SESSION; n_actions, total, world_hash for CLS_END */
    int seq;             /* CLS_ACTION; CLS_PROPOSE the proposal's number; CLS_RESYNC from; CLS_DONE how many */
    char group[STORE_ID_MAX + 1];   /* CLS_PROPOSE, CLS_DONE: the seat's plan group (ses.trainee its trainee) */
    sim_action *action;  /* CLS_ACTION: one action, free with store_actions_free(action, 1) */
    char *scorecard;     /* CLS_END: malloc'd JSON */
    cls_status status;   /* CLS_STATUS */
    char reporter[4 * STORE_NAME_MAX + 1];   /* CLS_QUESTION: who asks (not empty) ...; CLS_RATING: the observer */
    char outlet[4 * STORE_NAME_MAX + 1];     /* ... and for which outlet ("" none) */
    int follow_up;                           /* CLS_QUESTION: 1 when it follows up the asker's previous one */
    char to[4 * STORE_NAME_MAX + 1];         /* CLS_QUESTION: the station (its session UUID or trainee's name), or
                                                CLS_ALL; CLS_RATING: the session (likewise) */
    char *text;                              /* CLS_QUESTION: malloc'd UTF-8, 1 to CLS_TEXT_MAX characters; CLS_RATING: the comment or NULL */
    store_rating_kind rate_kind;             /* CLS_RATING: a line or an action ... */
    char target[STORE_ID_MAX + 1];           /* ... its id, or the action's number (1 for the first) as text ... */
    char grade;                              /* ... and 'P', 'S', 'M' or 'U' */
} cls_msg;
/* Check and read a message received on topic for class klass. CLS_OK with *m filled (free with
 * cls_msg_free), or why it is refused with a one-line message. */
cls_refusal cls_msg_read(const char *klass, const char *topic, const void *payload, int len, cls_msg *m, char *err,
                         int errlen);
void cls_msg_free(cls_msg *m);
/* The messages a station sends (malloc'd JSON; NULL when out of memory). */
char *cls_msg_session(const store_session *s);
char *cls_msg_action(const char *uuid, int seq, const sim_action *a);
char *cls_msg_end(const store_session *s, const char *scorecard_json);
char *cls_msg_status(const char *uuid, const cls_status *st);
char *cls_msg_gone(const char *uuid);
char *cls_msg_propose(const char *uuid, const char *trainee, const char *group, int n, const sim_action *a);
char *cls_msg_resync(const char *uuid, const char *trainee, const char *group, int from);
char *cls_msg_done(const char *uuid, const char *trainee, const char *group, int n);
/* A live question from asker uuid (a reporter's own UUID, its topic's station) to station `to` (a session UUID
 * or CLS_ALL), the asker's n-th (from 0); reporter at most STORE_NAME_MAX characters. */
char *cls_msg_question(const char *uuid, const char *to, const char *reporter, const char *outlet, int n,
                       int follow_up, const char *text);
/* A rating from observer uuid (its own UUID, its topic's station) of session `to`, the observer's n-th (from 0); r as
 * store_rating_check allows. */
char *cls_msg_rating(const char *uuid, const char *to, int n, const store_rating *r);
/* The rating a CLS_RATING message carries (pointing into m). */
store_rating cls_msg_rating_of(const cls_msg *m);

/* A team drill's accepted log, host to stations on yq/CLASS/ctl/team/KIND: "session" the team session's header,
 * "action" one accepted action by seq, "end" its scorecard once closed (the messages of those kinds, the team
 * session's UUID in each); and "done", a seat's receipt: its station's UUID, and seq how many of its proposals
 * (from the first, none missing) the host has handled. Read like cls_msg_read. */
#define CLS_TEAM_TOPIC "team"
int cls_team_topic(char *out, int outlen, const char *klass, cls_kind kind);
cls_refusal cls_team_read(const char *klass, const char *topic, const void *payload, int len, cls_msg *m, char *err,
                          int errlen);

/* Instructor controls, host to stations on yq/CLASS/ctl/all or yq/CLASS/ctl/STATION (only the host may
 * publish there). Each carries the host's run nonce and a control id increasing within that run. */
typedef enum cls_op { CLS_OP_PAUSE, CLS_OP_RESUME, CLS_OP_SPEED, CLS_OP_INJECT, CLS_OP_POST, CLS_OP_ASK, CLS_OP_END, CLS_OP_STATUS,
                      CLS_OP_COUNT } cls_op;
extern const char *const cls_op_names[CLS_OP_COUNT];
#define CLS_SPEED_MAX 1e6
#define CLS_TEXT_MAX (STORE_TEXT_MAX - 40)   /* characters of a custom post or question (a note keeps it, prefixed) */
#define CLS_ALL "all"
typedef struct cls_control {
    cls_op op;
    char who[4 * STORE_NAME_MAX + 1];   /* typed commands: "all", a trainee's name or a session UUID */
    char host[CLS_PASS_LEN + 1];        /* on the wire: the host run's nonce ... */
    int id;                             /* ... and the control's number in that run */
    double speed;                       /* CLS_OP_SPEED: simulated time per real time */
    char target[STORE_ID_MAX + 1];      /* CLS_OP_INJECT: the scenario inject's id */
    char *text;                         /* CLS_OP_POST, CLS_OP_ASK: malloc'd UTF-8, at most CLS_TEXT_MAX characters */
    char reporter[4 * STORE_NAME_MAX + 1];   /* CLS_OP_ASK: who asks (typed: CLS_INSTRUCTOR) ... */
    char outlet[4 * STORE_NAME_MAX + 1];     /* ... for which outlet ("" none) */
    int follow_up;                           /* CLS_OP_ASK: a follow-up to that reporter's previous question */
} cls_control;
#define CLS_INSTRUCTOR SIM_ASKER_INSTRUCTOR   /* the asker of a question the instructor types */
/* One typed instructor command ("pause all", "speed 2 alice", "inject all i_x", "post bob \"text\"",
 * "ask all \"question\"", "end all", "status"). 0, or -1 with a message; free with cls_control_free. */
int cls_command_parse(const char *line, cls_control *c, char *err, int errlen);
/* The control as sent (malloc'd JSON; NULL when out of memory); who and topic are the sender's business. */
char *cls_control_msg(const cls_control *c);
/* A control received by station uuid of class klass: size, topic (ctl/all or ctl/uuid) and schema checked. */
cls_refusal cls_control_read(const char *klass, const char *uuid, const char *topic, const void *payload, int len,
                             cls_control *c, char *err, int errlen);
void cls_control_free(cls_control *c);
/* What a control does to a drill at scenario time t: a world action (inject, post, ask) filled into *a (its
 * texts borrowed from c) acting as role, 1; else 0 and note gets the instructor note it leaves in the session
 * ("class control: pause", ...). */
int cls_control_effect(const cls_control *c, sim_time t, sim_role role, sim_action *a, char *note, int notelen);
/* The pace control an instructor note records (pause, resume, speed, end, as cls_control_effect wrote it): 1 with
 * c->op (and c->speed) set, else 0 (any other note). */
int cls_control_of_note(const char *note, cls_control *c);

#endif
