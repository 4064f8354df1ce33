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
int app_cmd_list(int argc, char **argv);
int app_cmd_check(int argc, char **argv);
int app_cmd_sessions(int argc, char **argv);
int app_cmd_resume(int argc, char **argv);
int app_cmd_export_actions(int argc, char **argv);
int app_cmd_grade(int argc, char **argv);
int app_cmd_model(int argc, char **argv);
int app_cmd_bench(int argc, char **argv);

#endif
