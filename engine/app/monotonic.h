/* monotonic.h — seconds on the system's monotonic clock, for the app's waits, paces and benchmarks
 * (never for anything the world or a save depends on: those run on scenario time). */
#ifndef YQ_APP_MONOTONIC_H
#define YQ_APP_MONOTONIC_H

/* Seconds since an arbitrary fixed point; only differences mean anything. */
double app_now_s(void);

#endif
