/* commands.h — the yqdrill subcommands and their shared exit codes; main.c dispatches to these.
 * Each takes argc/argv with argv[0] = the subcommand name and returns an exit code. */
#ifndef YQ_APP_COMMANDS_H
#define YQ_APP_COMMANDS_H

enum {
    APP_EXIT_OK = 0,
    APP_EXIT_USAGE = 1,     /* bad usage or input */
    APP_EXIT_SCENARIO = 2,  /* invalid scenario */
    APP_EXIT_STORAGE = 3,   /* storage error */
};

int app_cmd_run(int argc, char **argv);
int app_cmd_host(int argc, char **argv);
int app_cmd_join(int argc, char **argv);
int app_cmd_list(int argc, char **argv);
int app_cmd_check(int argc, char **argv);
int app_cmd_sessions(int argc, char **argv);
int app_cmd_resume(int argc, char **argv);
int app_cmd_export_actions(int argc, char **argv);
int app_cmd_grade(int argc, char **argv);
int app_cmd_override(int argc, char **argv);
int app_cmd_note(int argc, char **argv);
int app_cmd_rate(int argc, char **argv);
int app_cmd_model(int argc, char **argv);
int app_cmd_bench(int argc, char **argv);
int app_cmd_report(int argc, char **argv);
/* report, class and growth as the binary runs them: through yqdrill-gui.so (modules.c). */
int app_gui_report(int argc, char **argv);
int app_gui_class(int argc, char **argv);
int app_gui_growth(int argc, char **argv);
/* host and join, from yqdrill-class.so (modules.c) */
int app_class_host(int argc, char **argv);
int app_class_join(int argc, char **argv);
int app_cmd_import(int argc, char **argv);
int app_cmd_backup(int argc, char **argv);
int app_cmd_class(int argc, char **argv);
int app_cmd_growth(int argc, char **argv);
int app_cmd_review(int argc, char **argv);
int app_cmd_read(int argc, char **argv);
int app_cmd_import_sheet(int argc, char **argv);
int app_cmd_new(int argc, char **argv);
int app_cmd_export_sheet(int argc, char **argv);
/* `yqdrill check` of one scenario (folder or file `path` inside folder `dir`): load, cross-references,
 * dry run and plan deadline ids. Returns the number of problems added to *probs (a scn_problems). */
struct scn_problems;
struct sim_scenario;
struct scn_script;
int app_check_scenario(const char *path, const char *dir, struct scn_problems *probs);
/* Load the scenario a command names (a folder, a scenario.lua or an id under scenarios/) with the load-time
 * seed 1; its problems go to stderr. APP_EXIT_OK, or APP_EXIT_SCENARIO with nothing left to free. */
int app_scenario_open(const char *arg, struct sim_scenario *s, struct scn_script **sc);
/* `yqdrill bench read` (bench_read.c), dispatched by app_cmd_bench. */
int app_bench_read(void);
/* `yqdrill bench feed` (bench_feed.c): distinct texts and authors among each drill's first 200 posts. */
int app_bench_feed(void);
/* Run `each` on every shipped scenario id (progress on a terminal when stderr is one): APP_EXIT_OK,
 * APP_EXIT_SCENARIO when `each` failed for some drill, APP_EXIT_USAGE when they cannot be listed. */
int app_bench_each(const char *what, int (*each)(const char *id, void *ctx), void *ctx);
/* `yqdrill bench scrub` (bench_scrub.c): going back in a review, rebuilt from t = 0 and from a 10-minute checkpoint. */
int app_bench_scrub(void);

/* `yqdrill bench script` (bench_script.c): each hostile trigger of assets/bench/script_ticks.json is
 * written under tmpdir and its first tick probed (scn_probe_tick). 0, or -1 when the file is unreadable. */
#define APP_TICK_PROBES 64
typedef struct app_tick_probe {
    char name[32];
    int clock;        /* meant to be stopped by the CPU backstop, not the instruction budget */
    int rc;           /* scn_probe_tick's: 0 when the tick was stopped */
    double cpu_s;
    char error[512];
} app_tick_probe;
int app_probe_script_ticks(const char *tmpdir, app_tick_probe *out, int max, int *n);
int app_bench_script(void);

/* Shared by report, class and growth (cmd_report.c). */
struct report_words;
struct store;
struct store_session;
struct score_card;
/* Take "-o FILE" / "--output FILE" out of argv (it must end in .pdf, .json, .xlsx or .csv); -1 after a message. */
int app_output_option(int *argc, char **argv, const char **out);
/* The report's words in lang ("zh" when NULL) from ROOT/assets/report; NULL after a message. */
struct report_words *app_report_words(const char *lang);
/* A finished session's stored scorecard with the instructor's overrides applied; APP_EXIT_* after a message. */
int app_load_card(struct store *db, const struct store_session *ses, struct score_card *card);
/* Whether rating r's target is there (cmd_rate.c): a line on the session's scorecard (card NULL: not graded yet),
 * an action within its log. 0, or -1 with why not. */
struct store_rating;
int app_rating_target_check(const struct store_rating *r, const struct score_card *card,
                            const struct store_session *ses, char *err, int errlen);

#endif
