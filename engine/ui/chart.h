/* chart.h — the two charts of the console: the heat curve (posts per hour over simulated time,
 * with the warning level as a colour band) and the competency radar of the end screen. */
#ifndef YQ_UI_CHART_H
#define YQ_UI_CHART_H

#include "ctx.h"
#include "sim/world.h"

/* Posts/hour of samples[0..n) in r; the x axis spans 0 .. max(now, span_min). */
void ui_chart_heat(ui_ctx *c, SDL_Rect r, const sim_sample *samples, int n, sim_time now, sim_time span_min);

/* A radar of n values in 0..100 with their labels. */
void ui_chart_radar(ui_ctx *c, SDL_Rect r, const double *values, const char *const *labels, int n);

/* A polyline of thickness t through n points, drawn as triangles. */
void ui_polyline(ui_ctx *c, const SDL_FPoint *p, int n, float t, SDL_Color col);

#endif
