/* cmd_sheet.c — `yqdrill import-sheet` (a drill sheet CSV -> scenarios/ID/scenario.lua, checked before it
 * replaces anything) and `yqdrill export-sheet` (a loaded scenario's declarations -> CSV). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "args.h"
#include "commands.h"
#include "paths.h"
#include "script/sheet.h"

#define SHEET_MAX_BYTES (32u * 1024u * 1024u)

/* The whole file, NUL-terminated; NULL after a message. */
static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "%s: cannot open: %s\n", path, strerror(errno));
        return NULL;
    }
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n - 1, f);
        if (n < cap - 1 || n >= SHEET_MAX_BYTES)
            break;
        char *g = realloc(buf, cap * 2);
        if (!g) {
            free(buf);
            buf = NULL;
        }
        buf = g;
        cap *= 2;
    }
    int bad = ferror(f) || !buf || n >= SHEET_MAX_BYTES;
    fclose(f);
    if (bad) {
        fprintf(stderr, "%s: cannot read (at most %u bytes)\n", path, SHEET_MAX_BYTES);
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static int write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    int bad = fputs(text, f) == EOF;
    return fclose(f) || bad ? -1 : 0;
}

/* Generate the Lua of a sheet (plus the triggers file), check it in place as a hidden file of the
 * folder, and only then let it replace scenario.lua. */
static int import_checked(const char *csv, const char *lua, const scn_sheet_map *map, const char *dir)
{
    char tmp[4200], final[4200];
    snprintf(tmp, sizeof tmp, "%s/.scenario.lua.import", dir);
    snprintf(final, sizeof final, "%s/scenario.lua", dir);
    if (write_file(tmp, lua)) {
        fprintf(stderr, "%s: cannot write: %s\n", tmp, strerror(errno));
        unlink(tmp);
        return APP_EXIT_USAGE;
    }
    scn_problems checked = {0};
    scn_sheet_problems probs = {0};
    int n = app_check_scenario(tmp, dir, &checked);
    scn_sheet_locate(map, &checked, &probs);
    scn_sheet_problems_print(&probs, csv, stderr);
    scn_sheet_problems_free(&probs);
    int unreached = 0;
    for (int i = 0; i < checked.count; i++)
        unreached += strstr(checked.items[i].msg, "no trigger reaches it") != NULL;
    scn_problems_free(&checked);
    if (n > 0) {
        unlink(tmp);
        if (unreached)
            fprintf(stderr, "yqdrill import-sheet: endings are reached by triggers, which a sheet does not hold: pass --triggers FILE.lua with the "
                            "functions (on_*, yq.*) that call w.ending(\"ID\") for the %d ending%s named above\n",
                    unreached, unreached == 1 ? "" : "s");
        fprintf(stderr, "yqdrill import-sheet: %d problem%s; %s left as it was\n", n, n == 1 ? "" : "s", final);
        return APP_EXIT_SCENARIO;
    }
    if (rename(tmp, final)) {
        fprintf(stderr, "%s: cannot write: %s\n", final, strerror(errno));
        unlink(tmp);
        return APP_EXIT_USAGE;
    }
    printf("%s: ok\n", final);
    return APP_EXIT_OK;
}

/* "-o" is the short form of "--output". */
static void long_output(int argc, char **argv)
{
    static char output[] = "--output";
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "-o") == 0)
            argv[i] = output;
}

int app_cmd_import_sheet(int argc, char **argv)
{
    long_output(argc, argv);
    app_opt opts[] = {{"--output", 1, NULL}, {"--triggers", 1, NULL}, {"--force", 0, NULL}};
    const char *pos[1];
    if (app_args_parse(argc, argv, opts, 3, pos, 1) != 1 || !opts[0].value) {
        fprintf(stderr, "usage: yqdrill import-sheet FILE.csv -o DIR [--triggers FILE.lua] [--force]\n");
        return APP_EXIT_USAGE;
    }
    const char *csv = pos[0], *dir = opts[0].value;
    char final[4200];
    snprintf(final, sizeof final, "%s/scenario.lua", dir);
    if (!opts[2].value && access(final, F_OK) == 0) {
        fprintf(stderr, "yqdrill import-sheet: %s exists (add --force to replace it)\n", final);
        return APP_EXIT_USAGE;
    }
    size_t len, tlen = 0;
    char *data = read_all(csv, &len), *trig = NULL;
    if (!data)
        return APP_EXIT_USAGE;
    if (opts[1].value && !(trig = read_all(opts[1].value, &tlen))) {
        free(data);
        return APP_EXIT_USAGE;
    }
    scn_sheet_problems probs = {0};
    scn_sheet *sh = NULL;
    scn_sheet_map *map = NULL;
    char *lua = NULL;
    int rc = APP_EXIT_USAGE;
    if (scn_sheet_parse(data, len, &sh, &probs) == 0 && scn_sheet_lua(sh, &lua, &map, &probs) == 0) {
        if (trig) {
            char *joined = malloc(strlen(lua) + tlen + 2);
            if (joined)
                sprintf(joined, "%s\n%s", lua, trig);
            free(lua);
            lua = joined;
        }
        if (!lua)
            fprintf(stderr, "yqdrill import-sheet: out of memory\n");
        else if (mkdir(dir, 0777) && errno != EEXIST)
            fprintf(stderr, "%s: cannot create: %s\n", dir, strerror(errno));
        else
            rc = import_checked(csv, lua, map, dir);
    }
    scn_sheet_problems_print(&probs, csv, stderr);
    scn_sheet_problems_free(&probs);
    scn_sheet_map_free(map);
    scn_sheet_free(sh);
    free(lua);
    free(trig);
    free(data);
    return rc;
}

int app_cmd_export_sheet(int argc, char **argv)
{
    long_output(argc, argv);
    app_opt opts[] = {{"--output", 1, NULL}};
    const char *pos[1];
    if (app_args_parse(argc, argv, opts, 1, pos, 1) != 1 || !opts[0].value) {
        fprintf(stderr, "usage: yqdrill export-sheet SCENARIO -o FILE.csv\n");
        return APP_EXIT_USAGE;
    }
    char tmp[4200], msg[256] = "";
    sim_scenario s;
    scn_script *sc = NULL;
    if (app_scenario_open(pos[0], &s, &sc))
        return APP_EXIT_SCENARIO;
    snprintf(tmp, sizeof tmp, "%s.tmp", opts[0].value);
    FILE *f = fopen(tmp, "wb");
    int written = f && scn_sheet_write(&s, f, msg, sizeof msg) == 0;
    if (f && fclose(f) != 0)
        written = 0;
    int rc = APP_EXIT_OK;
    if (!written || rename(tmp, opts[0].value) != 0) {
        fprintf(stderr, "%s: cannot write: %s\n", opts[0].value, msg[0] ? msg : strerror(errno));
        unlink(tmp);
        rc = APP_EXIT_USAGE;
    }
    scn_free(sc);
    sim_scenario_free(&s);
    return rc;
}
