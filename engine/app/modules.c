/* modules.c — the parts of the program that need large libraries are modules loaded beside the
 * running binary only by the commands that use them: yqdrill-gui.so (the window and the PDF reports:
 * SDL2, cairo, pango, fontconfig) and yqdrill-class.so (the classroom: mosquitto, TLS). */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "run_modes.h"

#define GUI_MODULE "yqdrill-gui.so"
#define CLASS_MODULE "yqdrill-class.so"

/* A module beside the running binary, loaded once; NULL after a message when it cannot be loaded. */
static void *module_open(const char *module, void **handle)
{
    if (*handle)
        return *handle;
    char path[4096];
    ssize_t n = readlink("/proc/self/exe", path, sizeof path - strlen(module) - 1);
    if (n <= 0) {
        fprintf(stderr, "yqdrill: cannot find the running binary to load %s\n", module);
        return NULL;
    }
    path[n] = '\0';
    char *slash = strrchr(path, '/');
    strcpy(slash ? slash + 1 : path, module);
    *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!*handle)
        fprintf(stderr, "yqdrill: %s cannot be loaded: %s\n", module, dlerror());
    return *handle;
}

/* A function of a module by name; NULL after a message. */
static void *module_symbol(const char *module, const char *name)
{
    static void *gui, *cls;
    void *m = module_open(module, strcmp(module, GUI_MODULE) == 0 ? &gui : &cls);
    void *f = m ? dlsym(m, name) : NULL;
    if (m && !f)
        fprintf(stderr, "yqdrill: %s lacks %s: %s\n", module, name, dlerror());
    return f;
}

static void *gui_symbol(const char *name)
{
    return module_symbol(GUI_MODULE, name);
}

typedef int (*module_command)(int argc, char **argv);

static int run_command(const char *module, const char *name, int argc, char **argv)
{
    module_command f;
    *(void **)&f = module_symbol(module, name);
    return f ? f(argc, argv) : APP_EXIT_USAGE;
}

static int gui_run_command(const char *name, int argc, char **argv)
{
    return run_command(GUI_MODULE, name, argc, argv);
}

int app_class_host(int argc, char **argv)
{
    return run_command(CLASS_MODULE, "app_cmd_host", argc, argv);
}

int app_class_join(int argc, char **argv)
{
    return run_command(CLASS_MODULE, "app_cmd_join", argc, argv);
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

typedef int (*gui_host_window)(const ui_options *o, const ui_host_api *api, char *err, int errlen);

int app_run_host_window(const ui_options *o, const ui_host_api *api, char *err, int errlen)
{
    gui_host_window f;
    *(void **)&f = gui_symbol("ui_host_run");
    if (!f) {
        snprintf(err, (size_t)errlen, "the window module (yqdrill-gui.so) cannot be loaded");
        return -1;
    }
    return f(o, api, err, errlen);
}

int app_have_display(void)
{
    /* SDL_VIDEODRIVER names one SDL can open without either (offscreen for golden screenshots, kmsdrm). */
    const char *x = getenv("DISPLAY"), *wl = getenv("WAYLAND_DISPLAY"), *drv = getenv("SDL_VIDEODRIVER");
    return (x && x[0]) || (wl && wl[0]) || (drv && drv[0]);
}
