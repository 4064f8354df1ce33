/* test_report_scale.c — the report's pure numbers: distribution statistics (min, median, max, mean),
 * "nice" value and time axes for the charts, mapping values to positions, and the drill clock text. */
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "report/report.h"

/* Whether step is 1, 2 or 5 times a power of ten. */
static int is_nice(double step)
{
    double p = pow(10.0, floor(log10(step)));
    double f = step / p;
    return fabs(f - 1) < 1e-9 || fabs(f - 2) < 1e-9 || fabs(f - 5) < 1e-9;
}

static void test_dist(void)
{
    double odd[] = {7, 1, 4, 9, 3};
    report_dist d;
    CHECK(report_dist_compute(odd, 5, &d) == 0);
    CHECK(d.n == 5);
    CHECK_NEAR(d.min, 1, 1e-12);
    CHECK_NEAR(d.max, 9, 1e-12);
    CHECK_NEAR(d.median, 4, 1e-12);
    CHECK_NEAR(d.mean, 24.0 / 5, 1e-12);
    CHECK_NEAR(odd[0], 7, 0);   /* the input is left in its order */
    CHECK_NEAR(odd[4], 3, 0);

    double even[] = {10, 2, 8, 4};
    CHECK(report_dist_compute(even, 4, &d) == 0);
    CHECK_NEAR(d.median, 6, 1e-12);
    CHECK_NEAR(d.min, 2, 1e-12);
    CHECK_NEAR(d.max, 10, 1e-12);

    double one[] = {3.5};
    CHECK(report_dist_compute(one, 1, &d) == 0);
    CHECK_NEAR(d.min, 3.5, 0);
    CHECK_NEAR(d.median, 3.5, 0);
    CHECK_NEAR(d.max, 3.5, 0);

    CHECK(report_dist_compute(NULL, 0, &d) == 0);
    CHECK(d.n == 0);
    CHECK_NEAR(d.median, 0, 0);
}

static void check_axis(double min, double max, int ticks)
{
    report_axis a = report_axis_nice(min, max, ticks);
    CHECK_MSG(a.lo <= min + 1e-9 && a.hi >= max - 1e-9, "[%g, %g] does not cover [%g, %g]", a.lo, a.hi, min, max);
    CHECK_MSG(is_nice(a.step), "step %g is not 1/2/5 x 10^k", a.step);
    CHECK_MSG(a.hi > a.lo, "empty axis [%g, %g]", a.lo, a.hi);
    int intervals = report_axis_ticks(&a) - 1;
    CHECK_MSG(intervals >= 1 && intervals <= 2 * ticks + 1, "%d intervals for a target of %d", intervals, ticks);
    /* the ends sit on whole steps */
    CHECK_NEAR(a.lo / a.step, round(a.lo / a.step), 1e-9);
    CHECK_NEAR(a.hi / a.step, round(a.hi / a.step), 1e-9);
}

static void test_axis(void)
{
    check_axis(0, 87, 4);
    check_axis(0, 1234.5, 5);
    check_axis(0, 0.037, 4);
    check_axis(-12, 48, 6);
    check_axis(13, 17, 4);

    report_axis a = report_axis_nice(0, 87, 4);
    CHECK_NEAR(a.step, 20, 1e-9);
    CHECK_NEAR(a.lo, 0, 1e-9);
    CHECK_NEAR(a.hi, 100, 1e-9);
    CHECK(report_axis_ticks(&a) == 6);

    /* a flat series (all zero, or all one value) still gets an axis with length */
    a = report_axis_nice(0, 0, 4);
    CHECK(a.hi > a.lo && a.lo == 0);
    a = report_axis_nice(50, 50, 4);
    CHECK(a.lo <= 50 && a.hi >= 50 && a.hi > a.lo);
    /* swapped bounds are accepted */
    a = report_axis_nice(10, 0, 5);
    CHECK(a.lo <= 0 && a.hi >= 10);
    a = report_axis_nice(NAN, 3, 4);
    CHECK(a.hi > a.lo);
}

static void test_time_axis(void)
{
    report_axis a = report_axis_time(12 * 3600, 8);
    CHECK_NEAR(a.lo, 0, 0);
    CHECK(a.hi >= 12 * 3600);
    CHECK_NEAR(a.step, 7200, 0);   /* 6 ticks of two hours: the finest step with at most 8 */
    CHECK(fmod(a.hi, a.step) == 0);

    a = report_axis_time(1000, 8);
    CHECK_NEAR(a.step, 300, 0);
    CHECK_NEAR(a.hi, 1200, 0);
    CHECK(report_axis_ticks(&a) == 5);

    a = report_axis_time(0, 8);
    CHECK(a.hi > 0);
    a = report_axis_time(90 * 86400.0, 4);   /* beyond the longest step: still covers the span */
    CHECK(a.hi >= 90 * 86400.0);
}

static void test_map(void)
{
    report_axis a = {0, 100, 20};
    CHECK_NEAR(report_axis_map(&a, 0, 10, 110), 10, 1e-12);
    CHECK_NEAR(report_axis_map(&a, 100, 10, 110), 110, 1e-12);
    CHECK_NEAR(report_axis_map(&a, 25, 10, 110), 35, 1e-12);
    /* a y axis runs from the bottom (larger y) up */
    CHECK_NEAR(report_axis_map(&a, 25, 200, 100), 175, 1e-12);
    /* outside values are clamped to the plot */
    CHECK_NEAR(report_axis_map(&a, -5, 10, 110), 10, 1e-12);
    CHECK_NEAR(report_axis_map(&a, 1e9, 10, 110), 110, 1e-12);
    CHECK_NEAR(report_axis_map(&a, NAN, 10, 110), 10, 1e-12);
}

static void test_clock(void)
{
    char buf[16];
    CHECK_STR(report_clock(0, buf, sizeof buf), "00:00:00");
    CHECK_STR(report_clock(3725, buf, sizeof buf), "01:02:05");
    CHECK_STR(report_clock(26 * 3600 + 59, buf, sizeof buf), "26:00:59");
    CHECK_STR(report_clock(SIM_NEVER, buf, sizeof buf), "--:--:--");
}

int main(void)
{
    test_dist();
    test_axis();
    test_time_axis();
    test_map();
    test_clock();
    return CHECK_DONE();
}
