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
int app_cmd_model(int argc, char **argv);
int app_cmd_bench(int argc, char **argv);
int app_cmd_report(int argc, char **argv);
int app_cmd_import(int argc, char **argv);
int app_cmd_backup(int argc, char **argv);
int app_cmd_class(int argc, char **argv);
int app_cmd_growth(int argc, char **argv);
int app_cmd_review(int argc, char **argv);
int app_cmd_read(int argc, char **argv);
/* `yqdrill bench read` (bench_read.c), dispatched by app_cmd_bench. */
int app_bench_read(void);

/* Shared by report, class and growth (cmd_report.c). */
struct report_words;
struct store;
struct store_session;
struct score_card;
/* Take "-o FILE" / "--output FILE" out of argv (it must end in .pdf or .json); -1 after a message. */
int app_output_option(int *argc, char **argv, const char **out);
/* The report's words in lang ("zh" when NULL) from ROOT/assets/report; NULL after a message. */
struct report_words *app_report_words(const char *lang);
/* A finished session's stored scorecard with the instructor's overrides applied; APP_EXIT_* after a message. */
int app_load_card(struct store *db, const struct store_session *ses, struct score_card *card);

#endif
