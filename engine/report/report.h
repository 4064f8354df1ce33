/* report.h — the after-action review: a session's report (timeline, curves, scorecard, lessons) and
 * a class's summary and a trainee's growth, written as an A4 PDF (cairo + pango) or as JSON. */
#ifndef YQ_REPORT_H
#define YQ_REPORT_H

#include "score/score.h"
#include "store/store.h"

/* ---- The report's words: assets/report/<zh-CN|en>.json flattened to dotted keys ---- */

typedef struct report_words report_words;

/* Load the words of lang ("zh" reads zh-CN.json, "en" en.json) from a folder. NULL with err set. */
report_words *report_words_load(const char *dir, const char *lang, char *err, int errlen);
void report_words_free(report_words *w);
/* The text of key; the key itself when missing, so a gap shows in the output. */
const char *report_word(const report_words *w, const char *key);
/* "zh" or "en": the language scenario texts are read in. */
const char *report_words_lang(const report_words *w);

/* ---- Pure helpers (unit-tested) ---- */

/* Distribution of a set of values. */
typedef struct report_dist {
    int n;
    double min, median, max, mean;
} report_dist;
/* Statistics of v[0..n) (n may be 0: all zero). 0, or -1 when out of memory. */
int report_dist_compute(const double *v, int n, report_dist *out);

/* A chart axis from lo to hi with ticks every `step`. */
typedef struct report_axis {
    double lo, hi, step;
} report_axis;
/* A "nice" axis (steps of 1, 2 or 5 times a power of ten) covering [min, max] with about `ticks`
 * intervals; an empty or inverted range is widened so the axis is never zero-length. */
report_axis report_axis_nice(double min, double max, int ticks);
/* A time axis from 0 to at least `span` seconds with ticks on whole minutes or hours. */
report_axis report_axis_time(double span, int ticks);
/* Position of v on an axis drawn from p0 (at lo) to p1 (at hi); values outside are clamped. */
double report_axis_map(const report_axis *a, double v, double p0, double p1);
/* Number of ticks on the axis, lo and hi included. */
int report_axis_ticks(const report_axis *a);

#define REPORT_LESSONS_MAX 6

/* Lessons of a scorecard: strengths are lines at full marks (largest first), areas for improvement
 * the lines that lost the most points (largest loss first); both hold line indices. */
typedef struct report_lessons {
    int strengths[REPORT_LESSONS_MAX];
    int n_strengths;
    int improve[REPORT_LESSONS_MAX];
    int n_improve;
} report_lessons;
/* Pick at most `max` (capped at REPORT_LESSONS_MAX) of each; lines with max <= 0 are ignored. With the
 * replayed world w (or NULL), a line at full marks is a strength only if its statements said things
 * right (report_claims_right). */
void report_lessons_pick(const score_card *c, const sim_world *w, int max, report_lessons *out);
/* Whether every statement quoted as evidence for a line asserted nothing wrong, outdated or false and
 * neither confirmed nor repeated a rumour (as the world read it). 1 when w is NULL. */
int report_claims_right(const sim_world *w, const score_line *l);
/* Cut a trailing partial UTF-8 character off s (left by a truncating snprintf). Returns s. */
char *report_utf8_trim(char *s);
/* An evidence quote into buf: with "…" where it starts or ends inside a phrase of what was written;
 * `sentence` widens it to the whole sentence (at most about 160 bytes). Without the action's text (w
 * NULL), the stored quote. Returns buf. */
const char *report_quote(const sim_world *w, const score_evidence *ev, int sentence, char *buf, size_t len);
/* The corrective action of an improvement line: the words' template filled with the line's
 * title, lost points and why. Returns buf. */
const char *report_corrective(const report_words *w, const score_line *l, char *buf, size_t len);

/* How long a replayed drill ran: until its ending, else its planned length. */
sim_time report_ran(const sim_world *w);
/* "HH:MM:SS" of a simulation time into buf (at least 16 bytes). */
const char *report_clock(sim_time t, char *buf, size_t len);

/* ---- One session's report ---- */

typedef struct report_session {
    const store_session *ses;
    const sim_world *world;        /* the session replayed to its end (scenario, log, events, samples) */
    const score_card *card;        /* with overrides applied */
    const store_override *overrides; int n_overrides;
    const store_note *notes; int n_notes;
    const store_rating *ratings; int n_ratings;   /* observers' ratings, as store_rating_list orders them */
    const store_group_line *groups; int n_groups; /* a team session's per-group lines (none for one trainee's) */
    const report_words *words;
} report_session;

typedef enum report_format { REPORT_PDF, REPORT_JSON, REPORT_XLSX, REPORT_CSV } report_format;
/* The format named by a file's extension (.pdf, .json, .xlsx, .csv, any case); -1 for anything else. */
int report_format_of(const char *path);

/* Write the report to path in the format of its extension (a spreadsheet holds one row per rubric line).
 * 0, or -1 with a message. */
int report_session_write(const report_session *r, const char *path, char *err, int errlen);

/* ---- A class: many graded sessions ---- */

/* One graded session of a class (borrowed). */
typedef struct report_entry {
    const store_session *ses;
    const score_card *card;
    const store_rating *ratings; int n_ratings;   /* observers' ratings of the session (may be none) */
} report_entry;

/* How a trainee's attempts at one drill are reduced to one: the latest played, or the best total. */
typedef enum report_pick { REPORT_LATEST, REPORT_BEST } report_pick;

/* An example from the class for a line: the chosen attempt and its line (borrowed). */
typedef struct report_example {
    const report_entry *entry;
    const score_line *line;
} report_example;

typedef struct report_line_stats {
    const char *id, *title;   /* borrowed from the first card holding the line */
    const char *title_en;     /* likewise; NULL or "" when that card has no English title */
    double max;               /* the line's largest maximum */
    int n;                    /* trainees the line applied to */
    int lost;                 /* trainees who lost points on it */
    double points_lost;       /* summed over those trainees */
    int quoted;               /* trainees whose attempt quotes a statement as evidence for the line */
    report_example right;     /* a trainee at full marks (one with a quoted statement first); entry NULL if none */
    report_example wrong;     /* the trainee who lost most on it (a quoted statement first); entry NULL if none */
    int rated;                /* trainees whose attempt observers rated on this line */
    double gap;               /* summed over them: |observers' mean grade - the automatic grade|, in grades */
} report_line_stats;

/* One trainee in a view: the attempt chosen, how many attempts there were, lines it lost points on. */
typedef struct report_trainee {
    const char *trainee;      /* borrowed */
    const report_entry *entry;
    int attempts;
    int mistakes;
} report_trainee;

#define REPORT_HIST_BINS 10   /* totals in 0-10, 10-20, ..., 90-100 */
#define REPORT_TEACH_NEXT 3   /* lines in "what to teach next" */
#define REPORT_DISAGREE 5     /* lines flagged where observers and the automatic score disagree */
#define REPORT_GAP_FLAG 1.0   /* ... by this many grades (P/S/M/U) or more on average */

/* The class on one drill (scenario and plan), one attempt per trainee. */
typedef struct report_class {
    report_pick pick;
    report_trainee *trainees; int n_trainees;  /* highest chosen total first */
    report_line_stats *lines; int n_lines;     /* in the order lines first appear */
    int *lost; int n_lost;                      /* lines lost by someone: the largest share of the class's
                                                   points on the line lost first, then most trainees */
    int teach[REPORT_TEACH_NEXT]; int n_teach;
    int disagree[REPORT_DISAGREE]; int n_disagree;  /* lines where observers and the automatic score differ
                                                       most: a mean gap of REPORT_GAP_FLAG grades or more,
                                                       the largest first */  /* what to teach next: the first lost lines that quote a
                                                   statement, then the first others, up to three */
    report_dist totals;
    int hist[REPORT_HIST_BINS];
    double median[SCORE_COMPETENCY_COUNT];     /* the class median per competency; -1 when nobody has it */
} report_class;

/* The class on entries that all belong to one drill (in any order; "latest" is by start time, then id).
 * 0, or -1 out of memory. */
int report_class_build(const report_entry *e, int n, report_pick pick, report_class *out);
void report_class_free(report_class *c);

/* The sessions of one drill: a scenario graded by one plan, viewed on latest and on best attempts. */
typedef struct report_group {
    const char *scenario, *plan;     /* borrowed */
    const char *plan_title;          /* set by the caller when the plan is known, else NULL */
    report_entry *entries; int n;    /* this drill's sessions (copies of the entries) */
    report_class latest, best;
} report_group;

/* Split entries by scenario and plan (in the order drills first appear) and build both views of each.
 * 0, or -1 out of memory. */
int report_groups_build(const report_entry *e, int n, report_group **out, int *n_groups);
void report_groups_free(report_group *g, int n);
/* The summary's JSON text (what -o FILE.json holds), malloc'd; NULL when out of memory. */
char *report_class_json(const report_group *g, int n_groups, const char *scenario, const report_words *w);
/* The summary (scenario filter name or NULL) as PDF, JSON, XLSX or CSV by path's extension. */
int report_class_write(const report_group *g, int n_groups, const char *scenario, const report_words *w,
                       const char *path, char *err, int errlen);
/* A trainee's sessions in time order: totals and competencies, as PDF or JSON. */
int report_growth_write(const char *trainee, const report_entry *e, int n, const report_words *w,
                        const char *path, char *err, int errlen);

/* Release the font caches pango and cairo keep for the whole process; call once at exit, after the
 * last report, so that memory checkers see only what the program itself leaked. */
void report_shutdown(void);

#endif
