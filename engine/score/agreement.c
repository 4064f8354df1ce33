/* agreement.c — how far observers' HSEEP ratings agree (Krippendorff's alpha, ordinal metric) and the
 * automatic line score expressed on the same P/S/M/U scale, so the two can be compared. */
#include <stdlib.h>
#include <string.h>

#include "score.h"

int score_grade_rank(char g)
{
    static const char order[] = "UMSP";   /* rank 0 (worst) .. 3 (best) */
    const char *p = g ? strchr(order, g) : NULL;
    return p ? (int)(p - order) : -1;
}

char score_grade_of(double points, double max)
{
    if (max <= 0)
        return 0;
    double f = points / max;
    return f >= SCORE_GRADE_P ? 'P' : f >= SCORE_GRADE_S ? 'S' : f >= SCORE_GRADE_M ? 'M' : 'U';
}

int score_alpha_ordinal(const int *v, int units, int coders, int cats, score_agreement *out)
{
    memset(out, 0, sizeof *out);
    out->observers = coders;
    double *o = calloc((size_t)cats * (size_t)cats, sizeof *o), *nc = calloc((size_t)cats, sizeof *nc);
    int *count = calloc((size_t)cats, sizeof *count);
    if (!o || !nc || !count) {
        free(o);
        free(nc);
        free(count);
        return -1;
    }
    /* The coincidence matrix: every ordered pair of values within a unit, weighted 1/(m_u - 1). */
    for (int u = 0; u < units; u++) {
        int m = 0;
        memset(count, 0, (size_t)cats * sizeof *count);
        for (int c = 0; c < coders; c++) {
            int x = v[u * coders + c];
            if (x >= 0 && x < cats) {
                count[x]++;
                m++;
            }
        }
        if (m < 2)
            continue;
        out->units++;
        for (int a = 0; a < cats; a++)
            for (int b = 0; b < cats; b++)
                o[a * cats + b] += (double)count[a] * (count[b] - (a == b)) / (m - 1);
    }
    double n = 0;
    for (int a = 0; a < cats; a++) {
        for (int b = 0; b < cats; b++)
            nc[a] += o[a * cats + b];
        n += nc[a];
    }
    /* Ordinal distance: (the values' marginals from c to k, less half of each end's)^2. */
    double observed = 0, expected = 0;
    for (int a = 0; a < cats; a++)
        for (int b = 0; b < cats; b++) {
            int lo = a < b ? a : b, hi = a < b ? b : a;
            double span = 0;
            for (int g = lo; g <= hi; g++)
                span += nc[g];
            double d = span - (nc[a] + nc[b]) / 2.0, d2 = a == b ? 0 : d * d;
            observed += o[a * cats + b] * d2;
            expected += nc[a] * nc[b] * d2;
        }
    out->values = (int)(n + 0.5);
    if (n >= 2 && expected > 0) {
        out->defined = 1;
        out->alpha = 1.0 - (n - 1.0) * observed / expected;
    }
    free(o);
    free(nc);
    free(count);
    return 0;
}
