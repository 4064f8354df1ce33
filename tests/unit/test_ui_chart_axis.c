/* test_ui_chart_axis.c — the heat chart's time axis follows the drill: it ends at the drill's length
 * (not at 01:00), grows in round steps while a long drill is young, never ends before now, and its
 * ticks keep to at most the number that fit. */
#include "check.h"
#include "ui/chart.h"

int main(void)
{
    /* A 4-hour drill: 30 min, then 1 h, 2 h, 3 h, 4 h windows as time passes; never beyond 4 h. */
    CHECK(ui_chart_span(0, 4 * 3600) == 1800);
    CHECK(ui_chart_span(1799, 4 * 3600) == 1800);
    CHECK(ui_chart_span(1800, 4 * 3600) == 3600);
    CHECK(ui_chart_span(3700, 4 * 3600) == 7200);
    CHECK(ui_chart_span(3 * 3600 + 60, 4 * 3600) == 4 * 3600);
    CHECK(ui_chart_span(4 * 3600, 4 * 3600) == 4 * 3600);
    /* A 20-minute drill ends at 20 minutes; a 90-minute one at 1 h, then at 90 min. */
    CHECK(ui_chart_span(0, 1200) == 1200);
    CHECK(ui_chart_span(3000, 5400) == 3600);
    CHECK(ui_chart_span(4000, 5400) == 5400);
    /* Past the planned end (or no length given) it still reaches now. */
    CHECK(ui_chart_span(5000, 3600) == 5000);
    CHECK(ui_chart_span(30 * 3600, 0) == 48 * 3600);

    CHECK(ui_chart_tick(1800, 6) == 300);
    CHECK(ui_chart_tick(4 * 3600, 5) == 3600);
    CHECK(ui_chart_tick(4 * 3600, 8) == 1800);
    CHECK(ui_chart_tick(4 * 3600, 2) == 7200);
    for (sim_time span = 600; span <= 48 * 3600; span += 600)
        for (int k = 1; k <= 10; k++) CHECK(span / ui_chart_tick(span, k) <= k);
    return CHECK_DONE();
}
