/* main.c — the yqdrill command line: --help, --version and dispatch to the subcommands.
 * Exit codes (documented in --help): 0 success, 1 bad usage or input, 2 invalid scenario, 3 storage error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"

typedef struct command {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *usage;
} command;

static const command commands[] = {
    {"run", app_cmd_run, "run SCENARIO [--seed N] [--responses FILE] [--headless] [--speed X|max] [--save DB]\n"
                         "      [--trainee NAME] [--role ROLE] [--plan FILE] [--lang zh|en] [--json] [--world] [--no-save] [--bench-ui]\n"
                         "      [--scale X] [--sound] [--voice]   --voice: reporters' questions read aloud (espeak-ng, Mandarin\n"
                         "      or English as the UI shows the question), silent without espeak-ng or an audio device"},
    {"host", app_class_host, "host [--headless] [--class NAME] [--port N] [--address IP] [--broker mqtt://HOST:PORT] [--db FILE]\n"
                           "      [--json] [--json-status FILE] [--lang zh|en] [--scale X]   a live class: own broker, join code,\n"
                           "      stations' sessions into the class DB. The instructor's window shows the join code and a card\n"
                           "      per station, with pause, resume, speed, end and a custom post or question for all stations\n"
                           "      or the one clicked. The same controls are typed on stdin, one a line, to WHO =\n"
                           "      all | a trainee's name | a session UUID:\n"
                           "        pause WHO | resume WHO | speed X|max WHO | end WHO\n"
                           "        inject WHO INJECT_ID            fire a scenario inject (an action in the station's log)\n"
                           "        post WHO \"TEXT\"                 a custom post (an action: it moves the station's world)\n"
                           "        ask WHO \"TEXT\"                  a reporter's question (kept as a note)\n"
                           "        status                          the live grid as one line of JSON\n"
                           "      --json-status FILE keeps that grid in FILE (trainee, scenario time, warning level, heat,\n"
                           "      score so far, last action, connected)\n"
                           "      --team --scenario ID [--seed N] [--seats N] [--speed X|max]   a team drill: one world on\n"
                           "      the host's clock (X times the scenario's pace, as run --speed; max: none); stations join with\n"
                           "      --group G (a plan group), propose actions, the host orders them; closed once N seats are done;\n"
                           "      a host restarted with the same --db continues the unfinished team drill of that scenario;\n"
                           "      controls for all (or team) go into the team's accepted log (inject, post, ask) or its clock"},
    {"join", app_class_join, "join CODE|--broker URL --class NAME [--password P] --trainee NAME [--scenario ID]   a class\n"
                           "      station: the drill in its window, paced by the instructor [--lang zh|en] [--scale X] [--sound]\n"
                           "      [--voice]; or --headless --responses FILE [--json]; both [--seed N] [--speed X|max] [--save DB]\n"
                           "      [--sync] (send what the local save still holds)\n"
                           "      [--group G]   a seat of the host's team drill (G: command, analysis, communication, logistics):\n"
                           "      in its window the team's one world, run by the host's clock (host --team --speed X);\n"
                           "      the trainee's actions go to the host as the group's proposals\n"
                           "join CODE --resume ID --save DB [--headless --responses FILE] [--speed X|max] [--json]   a station\n"
                           "      killed mid-drill back in the class, in its window or headless: its unfinished session ID\n"
                           "      continued, the instructor's controls sent while it was away applied now\n"
                           "join CODE --reporter NAME [--outlet O] --station UUID|TRAINEE|--all [--file F] [--json]   a reporter at the\n"
                           "      live press conference: one question a line (stdin or F), \"follow-up:\" first for a follow-up\n"
                           "join CODE --observer NAME --station UUID|TRAINEE [--file F] [--json]   an observer rating a station's\n"
                           "      session live (HSEEP): one rating a line, \"line ID P|S|M|U [COMMENT]\" or \"action N P|S|M|U\n"
                           "      [COMMENT]\" (N: 1 for the first action); the host stores it as `rate` does"},
    {"list", app_cmd_list, "list                      scenarios with their titles"},
    {"check", app_cmd_check, "check PATH...             validate scenarios; prints file:line: message per problem"},
    {"read", app_cmd_read, "read SCENARIO [--at HH:MM] [--lang zh|en] [--json] TEXT|-   the claims a statement makes"},
    {"new", app_cmd_new, "new ID [--plan P] [-o DIR]   a working skeleton drill in scenarios/ID (commented zh/en)"},
    {"import-sheet", app_cmd_import_sheet, "import-sheet FILE.csv -o DIR [--triggers FILE.lua] [--force]   a drill sheet as DIR/scenario.lua"},
    {"export-sheet", app_cmd_export_sheet, "export-sheet SCENARIO -o FILE.csv   a scenario's declarations as a drill sheet"},
    {"sessions", app_cmd_sessions, "sessions [--save DB]      saved sessions"},
    {"resume", app_cmd_resume, "resume ID [--save DB] [--headless] [--responses FILE] [--json] [--lang zh|en] [--scale X]"},
    {"export-actions", app_cmd_export_actions, "export-actions ID [--save DB]   the session's actions as a response file"},
    {"grade", app_cmd_grade, "grade ID [--plan FILE] [--save DB] [--json] [--lang zh|en]   re-score a saved session"},
    {"override", app_cmd_override, "override ID LINE POINTS --by NAME [--comment TEXT] [--save DB]   instructor's override"},
    {"review", app_cmd_review, "review ID [--save DB] [--lang zh|en] [--by NAME] [--scale X]   the review window"},
    {"note", app_cmd_note, "note ID TEXT [--by NAME] [--at MINUTES] [--save DB]   a hot-wash note on a session"},
    {"rate", app_cmd_rate, "rate ID --by NAME (--line LINE | --action N) --grade P|S|M|U [--comment TEXT] | --file F.json\n"
                           "      [--save DB]   an observer's HSEEP rating; without --by: the ratings beside the automatic\n"
                           "      score and the observers' agreement (Krippendorff's alpha) [--json]"},
    {"model", app_cmd_model, "model NAME [options]      validation models: sir-discrete, rumour-mixed, hawkes, rumour-net"},
    {"bench", app_cmd_bench, "bench world|read|script|feed|scrub   performance figures of the opinion world, the claims reader, the script sandbox; the feed's variety; review scrubbing"},
    {"report", app_gui_report, "report ID -o FILE.pdf|.json|.xlsx|.csv [--save DB] [--lang zh|en] [--plan FILE]   after-action report"},
    {"backup", app_cmd_backup, "backup DB OUT             a consistent copy of a saves database (safe during a drill)"},
    {"import", app_cmd_import, "import OTHER.db [--save DB]   merge another station's sessions (no duplicates)"},
    {"class", app_gui_class, "class [--scenario ID] [--save DB] [-o FILE.pdf|.json|.xlsx|.csv] [--json] [--lang zh|en]   class summary"},
    {"growth", app_gui_growth, "growth TRAINEE [--save DB] [-o FILE.pdf|.json] [--lang zh|en]   a trainee's sessions over time"},
};

static void usage(FILE *out)
{
    fprintf(out, "yqdrill %s — public-opinion emergency drills\n\nusage: yqdrill COMMAND [options]\n\n", YQ_VERSION);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  yqdrill %s\n", commands[i].usage);
    fprintf(out, "\nexit codes: 0 success, 1 bad usage or input, 2 invalid scenario, 3 storage error\n"
                 "window: --scale X sets the interface scale (default: follows the window height; F11 full screen)\n"
                 "environment: YQ_HOME (data folder), YQ_FONT (font file), YQ_UI_SCALE (like --scale), SDL_VIDEODRIVER\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return APP_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return APP_EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("yqdrill %s\n", YQ_VERSION);
        return APP_EXIT_OK;
    }
    /* With no session bus, SDL's start-up would have libdbus autolaunch one: a fork (and exec of dbus-launch)
     * from a process whose other threads (the font search, the drill opening, the classroom link) may hold the
     * allocator's lock, which froze the child under AddressSanitizer, and a bus daemon left behind. Input
     * methods need a session bus anyway. Set here, before any thread exists. */
    if (!getenv("DBUS_SESSION_BUS_ADDRESS") && setenv("DBUS_SESSION_BUS_ADDRESS", "disabled:", 0) != 0) {
        fprintf(stderr, "yqdrill: cannot set the environment\n");
        return APP_EXIT_USAGE;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(argv[1], commands[i].name) != 0)
            continue;
        if (argc > 2 && (strcmp(argv[2], "--help") == 0 || strcmp(argv[2], "-h") == 0)) {
            printf("usage: yqdrill %s\n", commands[i].usage);
            return APP_EXIT_OK;
        }
        return commands[i].fn(argc - 1, argv + 1);
    }
    fprintf(stderr, "yqdrill: unknown command \"%s\" (see yqdrill --help)\n", argv[1]);
    return APP_EXIT_USAGE;
}
