/* fuzz_store.c — libFuzzer harness for opening a saves database: each input is written as a .db file,
 * opened with store_open and, when accepted, its sessions listed and each one's records read back. */
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "fuzz_util.h"
#include "store/store.h"

#define MAX_SESSIONS_READ 16

/* The saves database and its side files. */
static void remove_db(void)
{
    static const char *const names[] = {"save.db", "save.db-wal", "save.db-shm", "save.db-journal"};
    char path[640];
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        unlink(fuzz_path(path, sizeof path, names[i]));
}

/* Everything a command reads about one session; failures are answers too, only crashes count. */
static void read_session(store *s, int64_t id)
{
    char err[512];
    store_session one;
    store_session_get(s, id, &one, err, sizeof err);
    sim_action *acts = NULL;
    int n = 0;
    if (store_actions_load(s, id, &acts, &n, err, sizeof err) == 0)
        store_actions_free(acts, n);
    free(store_scorecard(s, id, err, sizeof err));
    store_override *ov = NULL;
    if (store_override_list(s, id, &ov, &n, err, sizeof err) == 0)
        store_overrides_free(ov, n);
    store_note *notes = NULL;
    if (store_note_list(s, id, &notes, &n, err, sizeof err) == 0)
        store_notes_free(notes, n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[640];
    remove_db();
    fuzz_write(fuzz_path(path, sizeof path, "save.db"), data, size);
    store *s = NULL;
    char err[512];
    if (store_open(path, &s, err, sizeof err) == 0) {
        store_session *list = NULL;
        int n = 0;
        if (store_sessions_list(s, &list, &n, err, sizeof err) == 0) {
            for (int i = 0; i < n && i < MAX_SESSIONS_READ; i++)
                read_session(s, list[i].id);
            free(list);
        }
        /* A damaged file may fail its checkpoint: an answer like the reads' (the store is freed anyway). */
        store_close(s, err, sizeof err);
    }
    remove_db();
    return 0;
}
