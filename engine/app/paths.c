/* paths.c — locating the project root and resolving scenario arguments to folders.
 * Remembers the binary's own path from main() so an installed build finds its data. */
#include "paths.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char root[PATH_MAX];

static int has_scenarios(const char *dir)
{
    char p[PATH_MAX + 16];
    struct stat st;
    snprintf(p, sizeof p, "%s/scenarios", dir);
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *app_root(void)
{
    if (root[0])
        return root;
    const char *env = getenv("YQ_HOME");
    if (env && env[0] && has_scenarios(env)) {
        snprintf(root, sizeof root, "%s", env);
        return root;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        for (int up = 0; up < 3; up++) {
            char *slash = strrchr(exe, '/');
            if (!slash)
                break;
            *slash = '\0';
            if (exe[0] && has_scenarios(exe)) {
                snprintf(root, sizeof root, "%s", exe);
                return root;
            }
        }
    }
    snprintf(root, sizeof root, "%s", has_scenarios(YQ_SOURCE_DIR) ? YQ_SOURCE_DIR : ".");
    return root;
}

const char *app_path(char *buf, size_t n, const char *a, const char *b)
{
    if (b)
        snprintf(buf, n, "%s/%s/%s", app_root(), a, b);
    else
        snprintf(buf, n, "%s/%s", app_root(), a);
    return buf;
}

const char *app_scenario_dir(const char *arg, char *buf, size_t n)
{
    struct stat st;
    if (strchr(arg, '/') || stat(arg, &st) == 0) {
        snprintf(buf, n, "%s", arg);
        size_t len = strlen(buf);
        const char *file = "/scenario.lua";
        if (len > strlen(file) && strcmp(buf + len - strlen(file), file) == 0)
            buf[len - strlen(file)] = '\0';
        return buf;
    }
    return app_path(buf, n, "scenarios", arg);
}
