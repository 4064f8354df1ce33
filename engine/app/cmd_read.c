/* cmd_read.c — `yqdrill read SCENARIO [--at HH:MM] [--lang zh|en] [--json] TEXT|-`: the claims the
 * reader finds in a statement at a drill moment, for authors checking their phrasings and for tests. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "commands.h"
#include "lexicon_open.h"
#include "paths.h"
#include "script/script.h"
#include "sim/claims.h"

#define READ_MAX_BYTES (64 * 1024)

static int parse_at(const char *s, sim_time *out)
{
    int h = 0, m = 0, sec = 0, n = 0;
    if (sscanf(s, "%d:%d%n", &h, &m, &n) == 2 && (s[n] == '\0' || (sscanf(s + n, ":%d%n", &sec, &n) == 1))) {
        if (h < 0 || m < 0 || m > 59 || sec < 0 || sec > 59 || h > 999)
            return -1;
        *out = (sim_time)h * 3600 + m * 60 + sec;
        return 0;
    }
    return -1;
}

static char *read_stdin(void)
{
    char *buf = malloc(READ_MAX_BYTES + 1);
    if (!buf)
        return NULL;
    size_t n = fread(buf, 1, READ_MAX_BYTES, stdin);
    buf[n] = '\0';
    return buf;
}

static void print_quote(const char *text, sim_span sp)
{
    printf("“%.*s”", sp.len, text + sp.start);
}

static void print_lines(const char *text, const sim_scenario *s, const sim_reading *rd, const char *lang)
{
    for (int i = 0; i < rd->n_claims; i++) {
        const sim_claim *c = &rd->claims[i];
        printf("%-7s %-14s %-8s %-10s ", sim_claim_stance_name(c->stance), sim_claim_id(s, c), sim_about_name(c->about),
               sim_claim_status_name(c->status));
        if (c->has_number)
            printf("%g%s ", c->number, c->about == SIM_ABOUT_FACT && s->facts[c->ref].unit ? s->facts[c->ref].unit : "");
        print_quote(text, c->span);
        printf("  → %s", sim_claim_effect_name(sim_claim_effect_of(c)));
        if (c->status == SIM_STATUS_OUTDATED && c->outdated_by >= 0)
            printf(" (now: %s)", sim_text_get(&s->facts[c->outdated_by].text, lang));
        printf("\n");
    }
    if (rd->n_claims == 0)
        printf("no claim about this scenario's facts, rumours or claims\n");
    if (rd->listed)
        printf("(a bare list of phrases: nothing in it is asserted)\n");
    for (int k = 0; k < SIM_LEX_STYLE_COUNT; k++) {
        if (rd->lex_hits[k] == 0 || (k != SIM_LEX_OFFICIALESE && k != SIM_LEX_BLAME))
            continue;
        printf("%s: ", sim_lex_name((sim_lex_kind)k));
        print_quote(text, rd->lex[k]);
        printf("\n");
    }
}

static cJSON *span_json(sim_span sp)
{
    cJSON *a = cJSON_CreateArray();
    cJSON_AddItemToArray(a, cJSON_CreateNumber(sp.start));
    cJSON_AddItemToArray(a, cJSON_CreateNumber(sp.len));
    return a;
}

static int print_json(const char *text, const sim_scenario *s, const sim_reading *rd)
{
    cJSON *root = cJSON_CreateObject(), *claims = cJSON_AddArrayToObject(root, "claims");
    for (int i = 0; i < rd->n_claims; i++) {
        const sim_claim *c = &rd->claims[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "about", sim_about_name(c->about));
        cJSON_AddStringToObject(o, "id", sim_claim_id(s, c));
        cJSON_AddStringToObject(o, "stance", sim_claim_stance_name(c->stance));
        if (c->has_number) {
            cJSON *num = cJSON_AddObjectToObject(o, "number");
            cJSON_AddNumberToObject(num, "value", c->number);
            const char *unit = c->about == SIM_ABOUT_FACT ? s->facts[c->ref].unit : NULL;
            cJSON_AddStringToObject(num, "unit", unit ? unit : "");
            cJSON_AddBoolToObject(num, "fits", c->number_fits);
        }
        cJSON_AddStringToObject(o, "status", sim_claim_status_name(c->status));
        if (c->outdated_by >= 0)
            cJSON_AddStringToObject(o, "outdated_by", s->facts[c->outdated_by].id);
        cJSON_AddStringToObject(o, "effect", sim_claim_effect_name(sim_claim_effect_of(c)));
        cJSON_AddItemToObject(o, "span", span_json(c->span));
        char *quote = malloc((size_t)c->span.len + 1);
        if (quote) {
            memcpy(quote, text + c->span.start, (size_t)c->span.len);
            quote[c->span.len] = '\0';
            cJSON_AddStringToObject(o, "text", quote);
            free(quote);
        }
        cJSON_AddItemToArray(claims, o);
    }
    static const sim_lex_kind shown[] = {SIM_LEX_OFFICIALESE, SIM_LEX_BLAME};
    for (int k = 0; k < 2; k++) {
        cJSON *arr = cJSON_AddArrayToObject(root, sim_lex_name(shown[k]));
        if (rd->lex_hits[shown[k]])
            cJSON_AddItemToArray(arr, span_json(rd->lex[shown[k]]));
    }
    cJSON_AddBoolToObject(root, "listed", rd->listed);
    cJSON_AddNumberToObject(root, "content", rd->content);
    char *out = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    if (!out)
        return -1;
    printf("%s\n", out);
    free(out);
    return 0;
}

int app_cmd_read(int argc, char **argv)
{
    app_opt opts[] = {{"--at", 1, NULL}, {"--lang", 1, NULL}, {"--json", 0, NULL}};
    const char *pos[2];
    int n = app_args_parse(argc, argv, opts, 3, pos, 2);
    if (n != 2) {
        if (n >= 0)
            fprintf(stderr, "usage: yqdrill read SCENARIO [--at HH:MM] [--lang zh|en] [--json] TEXT|-\n");
        return APP_EXIT_USAGE;
    }
    const char *lang = opts[1].value ? opts[1].value : "zh";
    if (strcmp(lang, "zh") != 0 && strcmp(lang, "en") != 0) {
        fprintf(stderr, "yqdrill read: --lang must be zh or en, not \"%s\"\n", lang);
        return APP_EXIT_USAGE;
    }
    sim_truth truth = {NULL, 0};
    if (opts[0].value && parse_at(opts[0].value, &truth.now)) {
        fprintf(stderr, "yqdrill read: --at wants HH:MM or HH:MM:SS, not \"%s\"\n", opts[0].value);
        return APP_EXIT_USAGE;
    }
    char err[512];
    sim_scenario s;
    scn_script *sc = NULL;
    if (app_scenario_open(pos[0], &s, &sc))
        return APP_EXIT_SCENARIO;
    sim_lexicon lx;
    int rc = APP_EXIT_OK;
    char *text = strcmp(pos[1], "-") == 0 ? read_stdin() : NULL;
    if (app_lexicon_open(&lx, err, sizeof err)) {
        fprintf(stderr, "yqdrill read: %s\n", err);
        rc = APP_EXIT_USAGE;
    } else {
        const char *t = text ? text : pos[1];
        sim_reading rd;
        if (sim_read(t, &s, &lx, &truth, &rd) || (opts[2].value ? print_json(t, &s, &rd) : (print_lines(t, &s, &rd, lang), 0))) {
            fprintf(stderr, "yqdrill read: out of memory\n");
            rc = APP_EXIT_USAGE;
        }
        app_lexicon_close(&lx);
    }
    free(text);
    scn_free(sc);
    sim_scenario_free(&s);
    return rc;
}
