/* args.c — option parsing shared by the subcommands (see args.h).
 * Errors go to stderr here because this is the command line's own surface. */
#include "args.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Options whose values form a fixed vocabulary, checked here once for every subcommand. */
static int check_value(const char *cmd, const char *name, const char *v)
{
    if (strcmp(name, "--lang") == 0 && strcmp(v, "zh") != 0 && strcmp(v, "en") != 0) {
        fprintf(stderr, "yqdrill %s: --lang is zh or en, not \"%s\"\n", cmd, v);
        return -1;
    }
    return 0;
}

int app_args_parse(int argc, char **argv, app_opt *opts, int n_opts, const char **positional, int max)
{
    int n = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strncmp(a, "--", 2) != 0) {
            if (n >= max) {
                fprintf(stderr, "yqdrill %s: unexpected argument \"%s\"\n", argv[0], a);
                return -1;
            }
            positional[n++] = a;
            continue;
        }
        int found = 0;
        for (int k = 0; k < n_opts && !found; k++) {
            if (strcmp(opts[k].name, a) != 0)
                continue;
            found = 1;
            if (!opts[k].takes_value) {
                opts[k].value = "";
            } else if (i + 1 < argc) {
                opts[k].value = argv[++i];
                if (check_value(argv[0], a, opts[k].value))
                    return -1;
            } else {
                fprintf(stderr, "yqdrill %s: %s needs a value\n", argv[0], a);
                return -1;
            }
        }
        if (!found) {
            fprintf(stderr, "yqdrill %s: unknown option \"%s\" (see yqdrill --help)\n", argv[0], a);
            return -1;
        }
    }
    return n;
}

const char *app_opt_get(const app_opt *opts, int n_opts, const char *name)
{
    for (int k = 0; k < n_opts; k++)
        if (strcmp(opts[k].name, name) == 0)
            return opts[k].value;
    return NULL;
}

int app_parse_u64(const char *s, uint64_t *out)
{
    if (!s || !*s || *s == '-')
        return -1;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end)
        return -1;
    *out = v;
    return 0;
}

int app_parse_number(const char *s, double lo, double hi, double *out)
{
    if (!s || !*s)
        return -1;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || *end || !isfinite(v) || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}
