/* cmd_new.c — `yqdrill new ID [--plan P] [-o DIR]`: a working skeleton drill (assets/new/scenario.lua with
 * its id and plan filled in, commented in zh and en), checked before the command reports success. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "args.h"
#include "commands.h"
#include "paths.h"
#include "script/script.h"

static int valid_id(const char *s)
{
    if (!*s || strlen(s) > 64)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '_' ||
              *s == '-' || *s == '.'))
            return 0;
    return 1;
}

/* The skeleton with {{id}} and {{plan}} replaced, written to `path`. 0, or -1 after a message. */
static int write_skeleton(const char *path, const char *id, const char *plan)
{
    char src[4096];
    FILE *in = fopen(app_path(src, sizeof src, "assets/new", "scenario.lua"), "rb");
    if (!in) {
        fprintf(stderr, "%s: cannot open: %s\n", src, strerror(errno));
        return -1;
    }
    FILE *out = fopen(path, "wb");
    if (!out) {
        fprintf(stderr, "%s: cannot write: %s\n", path, strerror(errno));
        fclose(in);
        return -1;
    }
    char line[1024];
    int bad = 0;
    while (fgets(line, sizeof line, in)) {
        for (const char *p = line; *p;) {
            if (strncmp(p, "{{id}}", 6) == 0) {
                bad |= fputs(id, out) == EOF;
                p += 6;
            } else if (strncmp(p, "{{plan}}", 8) == 0) {
                bad |= fputs(plan, out) == EOF;
                p += 8;
            } else {
                bad |= fputc(*p++, out) == EOF;
            }
        }
    }
    bad |= ferror(in);
    fclose(in);
    if (fclose(out) || bad) {
        fprintf(stderr, "%s: cannot write the skeleton\n", path);
        return -1;
    }
    return 0;
}

int app_cmd_new(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "-o") == 0)
            argv[i] = (char *)"--output";
    app_opt opts[] = {{"--plan", 1, NULL}, {"--output", 1, NULL}};
    const char *pos[1];
    if (app_args_parse(argc, argv, opts, 2, pos, 1) != 1) {
        fprintf(stderr, "usage: yqdrill new ID [--plan P] [-o DIR]\n");
        return APP_EXIT_USAGE;
    }
    const char *id = pos[0], *plan = opts[0].value ? opts[0].value : "general";
    char dir[4096], file[4200], tmp[4200], planfile[4200], name[200];
    if (!valid_id(id) || !valid_id(plan)) {
        fprintf(stderr, "yqdrill new: ids are letters, digits, '_', '-' and '.' (got \"%s\", plan \"%s\")\n", id, plan);
        return APP_EXIT_USAGE;
    }
    snprintf(name, sizeof name, "%s.json", plan);
    if (access(app_path(planfile, sizeof planfile, "scenarios/plans", name), R_OK)) {
        fprintf(stderr, "yqdrill new: no plan '%s' (%s)\n", plan, planfile);
        return APP_EXIT_USAGE;
    }
    if (opts[1].value)
        snprintf(dir, sizeof dir, "%s", opts[1].value);
    else
        app_path(dir, sizeof dir, "scenarios", id);
    snprintf(file, sizeof file, "%s/scenario.lua", dir);
    snprintf(tmp, sizeof tmp, "%s/.scenario.lua.new", dir);
    if (access(file, F_OK) == 0) {
        fprintf(stderr, "yqdrill new: %s exists (nothing written)\n", file);
        return APP_EXIT_USAGE;
    }
    if (mkdir(dir, 0777) && errno != EEXIST) {
        fprintf(stderr, "%s: cannot create: %s\n", dir, strerror(errno));
        return APP_EXIT_USAGE;
    }
    if (write_skeleton(tmp, id, plan)) {
        unlink(tmp);
        return APP_EXIT_USAGE;
    }
    scn_problems probs = {0};
    int n = app_check_scenario(tmp, dir, &probs);
    scn_problems_print(&probs, stderr);
    scn_problems_free(&probs);
    if (n > 0 || rename(tmp, file)) {
        unlink(tmp);
        fprintf(stderr, "yqdrill new: the skeleton does not pass check (%d problems); nothing written\n", n);
        return n > 0 ? APP_EXIT_SCENARIO : APP_EXIT_USAGE;
    }
    printf("%s: ok — edit it, then: yqdrill check %s; yqdrill run %s\n", file, dir, dir);
    return APP_EXIT_OK;
}
