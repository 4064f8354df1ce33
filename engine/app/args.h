/* args.h — the small option parser every subcommand uses: "--name value" and "--flag" forms,
 * with one uniform error message for a missing value or an unknown option. */
#ifndef YQ_APP_ARGS_H
#define YQ_APP_ARGS_H

#include <stdint.h>

typedef struct app_opt {
    const char *name;   /* "--seed" */
    int takes_value;
    const char *value;  /* set when seen: the value, or "" for flags */
} app_opt;

/* Parse argv[1..]: options into opts, other words into positional (up to max). Returns the number of
 * positional arguments, or -1 after printing a one-line error to stderr. */
int app_args_parse(int argc, char **argv, app_opt *opts, int n_opts, const char **positional, int max);
const char *app_opt_get(const app_opt *opts, int n_opts, const char *name);
/* Parse an unsigned 64-bit number; -1 on error. */
int app_parse_u64(const char *s, uint64_t *out);
/* Parse a finite decimal number within lo..hi; -1 otherwise (nothing printed). */
int app_parse_number(const char *s, double lo, double hi, double *out);

/* Ranges of the numbers the command line takes (README "Using it"). */
#define APP_MAX_SPEED 1e6        /* --speed: simulated time per real time */
#define APP_MAX_POINTS 1000.0    /* override POINTS: a plan line is worth at most 1000 */
#define APP_MAX_MINUTES 43200.0  /* note --at: a drill lasts at most 30 days */

#endif
