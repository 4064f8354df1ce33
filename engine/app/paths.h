/* paths.h — where yqdrill finds its data: the project root holding scenarios/, assets/ and saves/.
 * YQ_HOME overrides; otherwise the folder above the binary, then the source tree it was built from. */
#ifndef YQ_APP_PATHS_H
#define YQ_APP_PATHS_H

#include <stddef.h>

/* The project root (no trailing slash). */
const char *app_root(void);
/* Join root-relative parts into buf: app_path(buf, n, "scenarios", id) → ROOT/scenarios/id. */
const char *app_path(char *buf, size_t n, const char *a, const char *b);
/* Resolve a scenario argument: an existing folder or scenario.lua path, else an id under scenarios/. */
const char *app_scenario_dir(const char *arg, char *buf, size_t n);

#endif
