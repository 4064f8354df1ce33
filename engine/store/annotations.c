/* annotations.c — what people add to a session after the fact: instructor overrides of scorecard
 * lines and time-stamped notes, stored alongside (never inside) the action log. */
#include "store_internal.h"

#include <inttypes.h>
#include <stdlib.h>

/* Who wrote it (a name) and what they wrote (a text) within the limits of store.h. */
static int check_sizes(const char *name, const char *text, char *err, int errlen)
{
    if (store_utf8_chars(name) > STORE_NAME_MAX) {
        store_errf(err, errlen, "the name must have at most %d characters", STORE_NAME_MAX);
        return -1;
    }
    if (text && store_utf8_chars(text) > STORE_TEXT_MAX) {
        store_errf(err, errlen, "the text must have at most %d characters", STORE_TEXT_MAX);
        return -1;
    }
    return 0;
}

int store_override_add(store *s, int64_t session, const char *line, double points, const char *by_name,
                       const char *at, const char *comment, char *err, int errlen)
{
    if (!line || !by_name) {
        store_errf(err, errlen, "an override needs a line id and who made it");
        return -1;
    }
    if (check_sizes(by_name, comment, err, errlen))
        return -1;
    char now[32];
    if (!at) {
        store_now_iso(now);
        at = now;
    }
    return store_exec(s, "INSERT INTO overrides (session, line, points, by_name, at, comment) VALUES (?, ?, ?, ?, ?, ?)",
                      "cannot save override", err, errlen, "itdttt", session, line, points, by_name, at, comment);
}

int store_override_list(store *s, int64_t session, store_override **out, int *n, char *err, int errlen)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT id, line, points, by_name, at, comment FROM overrides "
                           "WHERE session = ? ORDER BY id",
                           -1, &st, NULL) != SQLITE_OK)
        return store_dberr(s, err, errlen, "cannot list overrides");
    store_override *list = NULL;
    int count = 0, cap = 0, rc = sqlite3_bind_int64(st, 1, session), oom = 0;
    while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (count == cap) {
            int ncap = cap ? cap * 2 : 8;
            store_override *grown = realloc(list, (size_t)ncap * sizeof *list);
            if (!grown) {
                oom = 1;
                break;
            }
            list = grown;
            cap = ncap;
        }
        store_override *o = &list[count++];
        o->id = sqlite3_column_int64(st, 0);
        o->line = store_column_dup(st, 1, &oom);
        o->points = sqlite3_column_double(st, 2);
        o->by_name = store_column_dup(st, 3, &oom);
        o->at = store_column_dup(st, 4, &oom);
        o->comment = store_column_dup(st, 5, &oom);
        if (oom)
            break;
    }
    sqlite3_finalize(st);
    if (oom || rc != SQLITE_DONE) {
        if (oom)
            store_errf(err, errlen, "cannot list overrides: out of memory");
        else
            store_dberr(s, err, errlen, "cannot list overrides");
        store_overrides_free(list, count);
        return -1;
    }
    *out = list;
    *n = count;
    return 0;
}

void store_overrides_free(store_override *o, int n)
{
    for (int i = 0; o && i < n; i++) {
        free(o[i].line);
        free(o[i].by_name);
        free(o[i].at);
        free(o[i].comment);
    }
    free(o);
}

int store_note_add(store *s, int64_t session, sim_time t, const char *author, const char *text,
                   const char *at, char *err, int errlen)
{
    if (!author || !text) {
        store_errf(err, errlen, "a note needs an author and a text");
        return -1;
    }
    if (check_sizes(author, text, err, errlen))
        return -1;
    char now[32];
    if (!at) {
        store_now_iso(now);
        at = now;
    }
    return store_exec(s, "INSERT INTO notes (session, t, author, text, at) VALUES (?, ?, ?, ?, ?)", "cannot save note",
                      err, errlen, "iittt", session, (int64_t)t, author, text, at);
}

int store_note_list(store *s, int64_t session, store_note **out, int *n, char *err, int errlen)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "SELECT id, t, author, text, at FROM notes WHERE session = ? ORDER BY t, id", -1,
                           &st, NULL) != SQLITE_OK)
        return store_dberr(s, err, errlen, "cannot list notes");
    store_note *list = NULL;
    int count = 0, cap = 0, rc = sqlite3_bind_int64(st, 1, session), oom = 0;
    while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (count == cap) {
            int ncap = cap ? cap * 2 : 8;
            store_note *grown = realloc(list, (size_t)ncap * sizeof *list);
            if (!grown) {
                oom = 1;
                break;
            }
            list = grown;
            cap = ncap;
        }
        store_note *note = &list[count++];
        note->id = sqlite3_column_int64(st, 0);
        note->t = sqlite3_column_int64(st, 1);
        note->author = store_column_dup(st, 2, &oom);
        note->text = store_column_dup(st, 3, &oom);
        note->at = store_column_dup(st, 4, &oom);
        if (oom)
            break;
    }
    sqlite3_finalize(st);
    if (oom || rc != SQLITE_DONE) {
        if (oom)
            store_errf(err, errlen, "cannot list notes: out of memory");
        else
            store_dberr(s, err, errlen, "cannot list notes");
        store_notes_free(list, count);
        return -1;
    }
    *out = list;
    *n = count;
    return 0;
}

void store_notes_free(store_note *notes, int n)
{
    for (int i = 0; notes && i < n; i++) {
        free(notes[i].author);
        free(notes[i].text);
        free(notes[i].at);
    }
    free(notes);
}

void store_overrides_apply(const store_override *o, int n, score_card *c)
{
    for (int i = 0; i < n; i++)
        score_card_override(c, o[i].line, o[i].points, o[i].by_name, o[i].at, o[i].comment);
}
