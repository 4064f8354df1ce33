/* scale.c — the numbers behind the charts and tables: distribution statistics, "nice" value and
 * time axes, mapping values to positions, and the HH:MM:SS clock of simulation time. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int report_dist_compute(const double *v, int n, report_dist *out)
{
    memset(out, 0, sizeof *out);
    if (n <= 0)
        return 0;
    double *s = malloc((size_t)n * sizeof *s);
    if (!s)
        return -1;
    memcpy(s, v, (size_t)n * sizeof *s);
    qsort(s, (size_t)n, sizeof *s, cmp_double);
    double sum = 0;
    for (int i = 0; i < n; i++)
        sum += s[i];
    out->n = n;
    out->min = s[0];
    out->max = s[n - 1];
    out->median = n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
    out->mean = sum / n;
    free(s);
    return 0;
}

/* The 1, 2 or 5 (times a power of ten) closest to `raw`. */
static double nice_step(double raw)
{
    double p = pow(10.0, floor(log10(raw)));
    double f = raw / p;
    return (f < 1.5 ? 1.0 : f < 3.0 ? 2.0 : f < 7.0 ? 5.0 : 10.0) * p;
}

report_axis report_axis_nice(double min, double max, int ticks)
{
    if (ticks < 1)
        ticks = 1;
    if (!isfinite(min) || !isfinite(max)) {
        min = 0;
        max = 1;
    }
    if (max < min) {
        double t = min;
        min = max;
        max = t;
    }
    if (max == min) {
        double pad = min == 0 ? 1.0 : fabs(min) * 0.1;
        min -= min == 0 ? 0 : pad;
        max += pad;
    }
    report_axis a;
    a.step = nice_step((max - min) / ticks);
    a.lo = floor(min / a.step) * a.step;
    a.hi = ceil(max / a.step) * a.step;
    if (a.hi <= a.lo)
        a.hi = a.lo + a.step;
    return a;
}

report_axis report_axis_time(double span, int ticks)
{
    static const double steps[] = {60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400};
    const int n = (int)(sizeof steps / sizeof steps[0]);
    if (ticks < 1)
        ticks = 1;
    if (!(span > 0))
        span = 60;
    report_axis a = {0, 0, steps[n - 1]};
    for (int i = 0; i < n; i++)
        if (span / steps[i] <= ticks) {
            a.step = steps[i];
            break;
        }
    a.hi = ceil(span / a.step) * a.step;
    return a;
}

double report_axis_map(const report_axis *a, double v, double p0, double p1)
{
    double f = a->hi > a->lo ? (v - a->lo) / (a->hi - a->lo) : 0.0;
    if (!(f >= 0))
        f = 0;
    if (f > 1)
        f = 1;
    return p0 + f * (p1 - p0);
}

int report_axis_ticks(const report_axis *a)
{
    if (!(a->step > 0) || !(a->hi >= a->lo))
        return 1;
    return (int)floor((a->hi - a->lo) / a->step + 0.5) + 1;
}

const char *report_clock(sim_time t, char *buf, size_t len)
{
    if (t < 0) {
        snprintf(buf, len, "--:--:--");
        return buf;
    }
    long long s = (long long)t;
    snprintf(buf, len, "%02lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
    return buf;
}

sim_time report_ran(const sim_world *w)
{
    return w->now < w->scn->duration ? w->now : w->scn->duration;
}
