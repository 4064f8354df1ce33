/* chart.h — the two charts of the console: the heat curve (posts per hour over simulated time,
 * with the warning level as a colour band) and the competency radar of the end screen. */
#ifndef YQ_UI_CHART_H
#define YQ_UI_CHART_H

#include "ctx.h"
#include "sim/world.h"

/* Where the heat chart's time axis ends: the drill's length, or while the drill is young the first of
 * 30 min, 1 h, 2 h, 3 h, 4 h, 6 h, 8 h, 12 h ... that now has not reached; never before now. */
sim_time ui_chart_span(sim_time now, sim_time duration);
/* The step between labelled ticks on an axis of `span` seconds, so that at most max_ticks fit
 * (5, 10, 15, 30 min, 1, 2, 3, 6, 12 h). */
sim_time ui_chart_tick(sim_time span, int max_ticks);

/* Posts/hour of samples[0..n) in r over 0 .. ui_chart_span(now, duration), ticks labelled with the
 * time of day when starts_at is given (seconds after midnight), else with the drill time. */
void ui_chart_heat(ui_ctx *c, SDL_Rect r, const sim_sample *samples, int n, sim_time now, sim_time duration,
                   sim_time starts_at);

/* A radar of n values in 0..100 with their labels. */
void ui_chart_radar(ui_ctx *c, SDL_Rect r, const double *values, const char *const *labels, int n);

/* A polyline of thickness t through n points, drawn as triangles. */
void ui_polyline(ui_ctx *c, const SDL_FPoint *p, int n, float t, SDL_Color col);

#endif
