/* gui_plugin.c — the window and the PDF reports live in yqdrill-gui.so (SDL2, cairo, pango, fontconfig),
 * loaded only by the commands that need them, so headless commands start without those libraries. */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "run_modes.h"

#define GUI_MODULE "yqdrill-gui.so"

/* The module beside the running binary; NULL after a message when it cannot be loaded. */
static void *gui_module(void)
{
    static void *handle;
    if (handle)
        return handle;
    char path[4096];
    ssize_t n = readlink("/proc/self/exe", path, sizeof path - sizeof GUI_MODULE - 1);
    if (n <= 0) {
        fprintf(stderr, "yqdrill: cannot find the running binary to load %s\n", GUI_MODULE);
        return NULL;
    }
    path[n] = '\0';
    char *slash = strrchr(path, '/');
    strcpy(slash ? slash + 1 : path, GUI_MODULE);
    handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!handle)
        fprintf(stderr, "yqdrill: the window and report module cannot be loaded: %s\n", dlerror());
    return handle;
}

/* A function of the module by name; NULL after a message. */
static void *gui_symbol(const char *name)
{
    void *m = gui_module();
    void *f = m ? dlsym(m, name) : NULL;
    if (m && !f)
        fprintf(stderr, "yqdrill: %s lacks %s: %s\n", GUI_MODULE, name, dlerror());
    return f;
}

typedef int (*gui_command)(int argc, char **argv);

static int gui_run_command(const char *name, int argc, char **argv)
{
    gui_command f;
    *(void **)&f = gui_symbol(name);
    return f ? f(argc, argv) : APP_EXIT_USAGE;
}

int app_gui_report(int argc, char **argv)
{
    return gui_run_command("app_cmd_report", argc, argv);
}

int app_gui_class(int argc, char **argv)
{
    return gui_run_command("app_cmd_class", argc, argv);
}

int app_gui_growth(int argc, char **argv)
{
    return gui_run_command("app_cmd_growth", argc, argv);
}

typedef int (*gui_window)(app_drill *d, const sim_action *acts, int n, const app_run_opts *o);

int app_run_window(app_drill *d, const sim_action *acts, int n, const app_run_opts *o)
{
    gui_window f;
    *(void **)&f = gui_symbol("app_gui_run_window");
    return f ? f(d, acts, n, o) : APP_EXIT_USAGE;
}

int app_have_display(void)
{
    const char *x = getenv("DISPLAY"), *wl = getenv("WAYLAND_DISPLAY");
    return (x && x[0]) || (wl && wl[0]);
}
