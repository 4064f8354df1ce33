/* dry_run.c — check's dry run: every trigger against each action it could be given (type x target x
 * channel x level x text) and every path through its reads of the world, each problem once, with its line. */
#include "scn_internal.h"

#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DRY_PATHS 64      /* paths through the world's reads tried per trigger and action */
#define DRY_TEXTS 256     /* texts tried per action: the scenario's facts and rumours, and a few fixed */

/* Stock phrases of an evasive statement, and a blame-shifting one: the wording triggers look for. */
static const char *const fixed_texts[] = {
    "",
    "我局对此高度重视，根据有关规定，相关部门正在依法依规调查处理，请广大网民不信谣、不传谣，无可奉告。",
    "We attach great importance to this; no comment. 临时工个人行为，不明真相的群众，与我们无关。",
};

typedef struct dry_text {
    char *text;
    sim_reading rd;
} dry_text;

typedef struct dry {
    scn_script *sc;
    const sim_scenario *s;
    sim_world *w;
    scn_problems *p;
    int first;          /* the dry run's first problem: the ones it may not repeat */
    long left;          /* instructions left of SCN_CHECK_BUDGET */
    dry_text *texts;
    int n_texts;
    dry_text own;       /* the trigger's own string literals in one text */
} dry;

static int add_text(dry *d, char *text)
{
    if (!text)
        return -1;
    for (int i = 0; i < d->n_texts; i++)
        if (strcmp(d->texts[i].text, text) == 0) {
            free(text);
            return 0;
        }
    if (d->n_texts >= DRY_TEXTS) {
        free(text);
        return 0;
    }
    dry_text *t = &d->texts[d->n_texts];
    sim_truth truth = {NULL, 0};
    t->text = text;
    if (sim_read(text, d->s, NULL, &truth, &t->rd)) {
        free(text);
        return -1;
    }
    d->n_texts++;
    return 0;
}

/* The fact's text with its figure replaced by another (the first place the figure is written). */
static char *wrong_number(const sim_fact *f, double other)
{
    char right[32], wrong[32];
    snprintf(right, sizeof right, "%g", f->value);
    snprintf(wrong, sizeof wrong, "%g", other);
    const char *at = f->text.zh ? strstr(f->text.zh, right) : NULL;
    size_t n = f->text.zh ? strlen(f->text.zh) + sizeof wrong + 4 : 0;
    char *out = n ? malloc(n) : NULL;
    if (!out)
        return NULL;
    if (at)
        snprintf(out, n, "%.*s%s%s", (int)(at - f->text.zh), f->text.zh, wrong, at + strlen(right));
    else
        snprintf(out, n, "%s%s", wrong, f->text.zh);
    return out;
}

static int make_texts(dry *d)
{
    const sim_scenario *s = d->s;
    int rc = 0;
    for (size_t i = 0; i < sizeof fixed_texts / sizeof fixed_texts[0]; i++)
        rc |= add_text(d, scn_strdup(fixed_texts[i]));
    for (int i = 0; i < s->n_facts; i++) {
        const sim_fact *f = &s->facts[i];
        if (f->text.zh)
            rc |= add_text(d, scn_strdup(f->text.zh));
        if (f->text.en)
            rc |= add_text(d, scn_strdup(f->text.en));
        if (f->has_value) {
            rc |= add_text(d, wrong_number(f, f->value + 1));
            rc |= add_text(d, wrong_number(f, f->value * 2 + 100));
        }
    }
    for (int i = 0; i < s->n_rumours; i++)
        if (s->rumours[i].claim.zh)
            rc |= add_text(d, scn_strdup(s->rumours[i].claim.zh));
    for (int i = 0; i < s->n_claims; i++)
        if (s->claims[i].text.zh)
            rc |= add_text(d, scn_strdup(s->claims[i].text.zh));
    return rc;
}

/* Every quoted string in lines [from, to] of the source, joined: a text that mentions each word the
 * trigger looks for. */
static char *literals_of(const scn_script *sc, int from, int to)
{
    size_t cap = 256, len = 0;
    char *out = malloc(cap);
    const char *p = scn_source_line(sc, from);
    for (int l = from; out && p && *p && l <= to; p++) {
        if (*p == '\n') {
            l++;
            continue;
        }
        if (p[0] == '-' && p[1] == '-') {
            while (p[1] && p[1] != '\n')
                p++;
            continue;
        }
        if (*p != '"' && *p != '\'')
            continue;
        const char *end = p + 1;
        while (*end && *end != *p && *end != '\n')
            end += end[0] == '\\' && end[1] ? 2 : 1;
        size_t n = (size_t)(end - p - 1);
        if (len + n + 4 > cap) {
            cap = (len + n + 4) * 2;
            char *grown = realloc(out, cap);
            if (!grown)
                break;
            out = grown;
        }
        memcpy(out + len, p + 1, n);
        len += n;
        memcpy(out + len, "，", 3);
        len += 3;
        p = *end == '\n' || !*end ? end - 1 : end;
    }
    if (out)
        out[len] = '\0';
    return out;
}

/* Targets an action of this type may name. */
static int n_targets(const dry *d, sim_action_type type)
{
    if (!(sim_action_needs(type) & SIM_NEEDS_TARGET))
        return 1;
    switch (type) {
    case SIM_ACT_REBUT: return d->s->n_rumours;
    case SIM_ACT_ANSWER: return d->s->n_questions;
    case SIM_ACT_VERIFY: return d->s->n_facts;
    case SIM_ACT_OFFLINE: return SIM_MEASURE_COUNT;
    case SIM_ACT_LOGISTICS: return SIM_LOGISTICS_COUNT;
    case SIM_ACT_INJECT: return d->s->n_injects;
    default: return 1;
    }
}

static const char *target_of(const dry *d, sim_action_type type, int i)
{
    if (!(sim_action_needs(type) & SIM_NEEDS_TARGET))
        return NULL;
    switch (type) {
    case SIM_ACT_REBUT: return d->s->rumours[i].id;
    case SIM_ACT_ANSWER: return d->s->questions[i].id;
    case SIM_ACT_VERIFY: return d->s->facts[i].id;
    case SIM_ACT_OFFLINE: return sim_measure_name((sim_measure)i);
    case SIM_ACT_LOGISTICS: return sim_logistics_name((sim_logistics)i);
    case SIM_ACT_INJECT: return d->s->injects[i].id;
    case SIM_ACT_ASK: return "reporter";   /* any name: a live question's asker */
    default: return NULL;
    }
}

/* A yq.* trigger runs no Lua lines of its own: a problem naming an id ('x') is placed on the line of
 * the trigger's statement (up to DRY_SPAN lines on) that writes "x", else on the trigger's line. */
#define DRY_SPAN 60
static int line_of_id(const dry *d, const scn_trigger *t, const char *msg)
{
    const char *end = strrchr(msg, '\'');
    const char *start = end;
    while (start && start > msg && start[-1] != '\'')
        start--;
    if (!end || !start || start == msg || end - start > 100)
        return t->line;
    char quoted[104];
    snprintf(quoted, sizeof quoted, "\"%.*s\"", (int)(end - start), start);
    const char *from = scn_source_line(d->sc, t->line), *hit = from ? strstr(from, quoted) : NULL;
    int line = t->line;
    for (const char *p = from; hit && p < hit; p++)
        line += *p == '\n';
    return hit && line - t->line <= DRY_SPAN ? line : t->line;
}

/* A problem the dry run has not reported yet at that line. */
static void report(dry *d, const scn_trigger *t, const sim_action *a, int line, const char *msg)
{
    if (line <= 0 || line == t->line)
        line = line_of_id(d, t, msg);
    size_t n = strlen(msg);
    for (int i = d->first; i < d->p->count; i++)
        if (d->p->items[i].line == line && strncmp(d->p->items[i].msg, msg, n) == 0 && d->p->items[i].msg[n] == ' ')
            return;
    const char *kind = t->kind == SCN_TRIG_ACTION ? "on_action" : t->kind == SCN_TRIG_TICK ? "on_tick" : "on_threshold";
    char what[200] = "";
    if (a)
        snprintf(what, sizeof what, ", action %s%s%s", sim_action_type_name(a->type), a->target ? " on " : "",
                 a->target ? a->target : "");
    scn_problems_add(d->p, d->sc->path, line, "%s (dry run of the %s trigger at line %d%s)", msg, kind, t->line, what);
}

/* Every path of trigger i given action a (NULL for tick and threshold triggers). -1 once the
 * check's budget is spent. */
static int run_paths(dry *d, int i, const sim_action *a, const sim_reading *rd)
{
    scn_script *sc = d->sc;
    const scn_trigger *t = &sc->trig[i];
    scn_probe probe;
    scn_probe_start(&probe);
    int paths = 0;
    do {
        if (d->left <= 0) {
            scn_problems_add(d->p, sc->path, t->line,
                             "dry run stopped here: the triggers' dry runs together ran more than %ld instructions",
                             (long)SCN_CHECK_BUDGET);
            return -1;
        }
        long used = 0;
        int line;
        char msg[400];
        sc->probe = &probe;
        sc->dry_reading = rd;
        sc->window_world = NULL;   /* each run its own tick: fresh tick budget and notes */
        int rc = scn_trigger_run(sc, i, d->w, a, d->left < SCN_CALL_BUDGET ? d->left : SCN_CALL_BUDGET, &used, &line,
                                 msg, sizeof msg);
        sc->probe = NULL;
        sc->dry_reading = NULL;
        d->left -= used;
        int consequence = 0;   /* the error follows from an unknown name on its line (a call of a stand-in) */
        for (int k = 0; k < probe.n_soft; k++) {
            report(d, t, a, probe.soft_line[k], probe.soft_msg[k]);
            consequence |= probe.soft_line[k] == line;
        }
        if (rc && !consequence)
            report(d, t, a, line, msg);
    } while (++paths < DRY_PATHS && scn_probe_next(&probe));
    return 0;
}

/* Every action trigger i could be given: each type it listens to, each target, channel, level, text. */
static int run_actions(dry *d, int i, int role)
{
    const scn_trigger *t = &d->sc->trig[i];
    int from = t->action_type >= 0 ? t->action_type : 0, to = t->action_type >= 0 ? t->action_type : SIM_ACT_COUNT - 1;
    for (int type = from; type <= to; type++) {
        sim_action_type ty = (sim_action_type)type;
        int needs = sim_action_needs(ty);
        int n_ch = needs & SIM_NEEDS_CHANNEL ? d->s->n_platforms : 1;
        int n_lv = needs & SIM_NEEDS_LEVEL ? 4 : 1;
        int n_tx = needs & SIM_NEEDS_TEXT ? d->n_texts + 1 : 2;
        for (int k = 0; k < n_targets(d, ty); k++)
            for (int ch = 0; ch < n_ch; ch++)
                for (int lv = 0; lv < n_lv; lv++)
                    for (int tx = 0; tx < n_tx; tx++) {
                        const dry_text *text = tx == 0 ? &d->own : needs & SIM_NEEDS_TEXT ? &d->texts[tx - 1] : NULL;
                        sim_action a = {0};
                        a.type = ty;
                        a.role = (sim_role)role;
                        a.level = needs & SIM_NEEDS_LEVEL ? lv : SIM_LEVEL_NONE;
                        a.target = (char *)target_of(d, ty, k);
                        a.channel = needs & SIM_NEEDS_CHANNEL ? d->s->platforms[ch].id : NULL;
                        a.text = text ? text->text : NULL;
                        if (run_paths(d, i, &a, text ? &text->rd : NULL))
                            return -1;
                    }
    }
    return 0;
}

/* The lines of the trigger's function; for a yq.* trigger (a C closure), those of the scenario's
 * function it wraps, else the line it was registered at. */
static void trigger_lines(lua_State *L, const scn_trigger *t, int *from, int *to)
{
    lua_Debug ar;
    int top = lua_gettop(L);
    *from = *to = t->line;
    lua_rawgeti(L, LUA_REGISTRYINDEX, t->ref);
    if (lua_iscfunction(L, -1) && lua_getupvalue(L, -1, 1) && !lua_isfunction(L, -1))
        lua_pop(L, 1);
    if (lua_isfunction(L, -1) && !lua_iscfunction(L, -1) && lua_getinfo(L, ">S", &ar) && ar.linedefined > 0) {
        *from = ar.linedefined;
        *to = ar.lastlinedefined;
    }
    lua_settop(L, top);
}

/* The trigger's own literals as one more text (read like the others). */
static int own_text(dry *d, const scn_trigger *t)
{
    int from, to;
    trigger_lines(d->sc->L, t, &from, &to);
    free(d->own.text);
    d->own.text = literals_of(d->sc, from, to);
    sim_truth truth = {NULL, 0};
    return d->own.text && sim_read(d->own.text, d->s, NULL, &truth, &d->own.rd) == 0 ? 0 : -1;
}

void scn_dry_run(scn_script *sc, const sim_scenario *s, scn_problems *p, int quiet)
{
    char err[256];
    dry d = {.sc = sc, .s = s, .p = p, .first = p->count, .left = SCN_CHECK_BUDGET,
             .texts = calloc(DRY_TEXTS, sizeof(dry_text))};
    d.w = sim_world_new(s, NULL, 1, NULL, err, sizeof err);
    if (!d.w || !d.texts || make_texts(&d)) {
        if (!quiet)
            scn_problems_add(p, sc->path, 0, "dry run: cannot build a world: %s", d.w ? "out of memory" : err);
    } else {
        int role = s->role ? sim_role_parse(s->role) : 0;
        role = role >= 0 ? role : SIM_ROLE_SPOKESPERSON;
        for (int i = 0; i < sc->n_trig; i++) {
            const scn_trigger *t = &sc->trig[i];
            if (t->kind == SCN_TRIG_ACTION && own_text(&d, t)) {
                scn_problems_add(p, sc->path, t->line, "dry run: out of memory");
                break;
            }
            if (t->kind == SCN_TRIG_ACTION ? run_actions(&d, i, role) : run_paths(&d, i, NULL, NULL))
                break;
        }
    }
    for (int i = 0; i < d.n_texts; i++)
        free(d.texts[i].text);
    free(d.texts);
    free(d.own.text);
    if (d.w)
        sim_world_free(d.w);
}
