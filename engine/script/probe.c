/* probe.c — the choice points of check's dry runs: which value a read of the world takes in one run,
 * the numbers worth trying at a line (either side of its literals), and stepping through every path. */
#include "scn_internal.h"

#include <ctype.h>
#include <lauxlib.h>
#include <stdio.h>
#include <string.h>

/* Number literals considered on one line: more add little and multiply the paths. */
#define PROBE_LITERALS 4

void scn_probe_start(scn_probe *p)
{
    memset(p, 0, sizeof *p);
}

int scn_probe_pick(scn_script *sc, int arity)
{
    scn_probe *p = sc->probe;
    if (!p || arity <= 1 || p->n >= SCN_PROBE_DEPTH)
        return 0;
    int i = p->n++;
    if (i >= p->fixed || p->arity[i] != arity)
        p->choice[i] = 0;
    p->arity[i] = arity;
    return p->choice[i];
}

int scn_probe_next(scn_probe *p)
{
    int n = p->n < SCN_PROBE_DEPTH ? p->n : SCN_PROBE_DEPTH;
    for (int i = n - 1; i >= 0; i--) {
        if (p->choice[i] + 1 < p->arity[i]) {
            p->choice[i]++;
            p->fixed = i + 1;
            p->n = 0;
            p->n_soft = 0;
            return 1;
        }
    }
    return 0;
}

void scn_soft_error(lua_State *L, const char *msg)
{
    scn_probe *p = scn_of(L)->probe;
    if (!p)
        luaL_error(L, "%s", msg);
    else if (p->n_soft < SCN_PROBE_SOFT) {
        p->soft_line[p->n_soft] = scn_caller_line(L);
        snprintf(p->soft_msg[p->n_soft++], sizeof p->soft_msg[0], "%s", msg);
    }
}

const char *scn_source_line(const scn_script *sc, int line)
{
    const char *p = sc->source;
    for (int l = 1; p && l < line; l++)
        if ((p = strchr(p, '\n')))
            p++;
    return p;
}

/* The number literals (not parts of names, strings ignored too) of line `line` of the source. */
static int line_literals(const scn_script *sc, int line, double *out, int max)
{
    const char *p = scn_source_line(sc, line);
    int n = 0;
    char quote = 0;
    for (const char *q = p; q && *q && *q != '\n' && n < max; q++) {
        if (quote) {
            if (*q == '\\' && q[1])
                q++;
            else if (*q == quote)
                quote = 0;
            continue;
        }
        if (*q == '"' || *q == '\'') {
            quote = *q;
            continue;
        }
        if (q[0] == '-' && q[1] == '-')
            break;
        int starts = isdigit((unsigned char)*q) || (*q == '.' && isdigit((unsigned char)q[1]));
        if (!starts || (q > p && (isalnum((unsigned char)q[-1]) || q[-1] == '_' || q[-1] == '.')))
            continue;
        double v = 0.0, scale = 0.0;
        for (; isdigit((unsigned char)*q) || (*q == '.' && scale == 0.0); q++) {
            if (*q == '.')
                scale = 1.0;
            else if (scale == 0.0)
                v = v * 10.0 + (*q - '0');
            else
                v += (*q - '0') * (scale /= 10.0);
        }
        q--;
        out[n++] = v;
    }
    return n;
}

double scn_probe_number(lua_State *L, const double *fallback, int nfallback)
{
    scn_script *sc = scn_of(L);
    double lit[PROBE_LITERALS], values[1 + 2 * PROBE_LITERALS];
    int line = scn_caller_line(L);   /* 0: read by a yq.* trigger, which has no line of its own */
    int n = line > 0 ? line_literals(sc, line, lit, PROBE_LITERALS) : 0;
    if (n == 0)
        return fallback[scn_probe_pick(sc, nfallback)];
    int k = 0;
    values[k++] = 0.0;
    for (int i = 0; i < n; i++) {
        double d = lit[i] * 1e-3 + 1e-6;
        values[k++] = lit[i] - d;
        values[k++] = lit[i] + d;
    }
    return values[scn_probe_pick(sc, k)];
}
