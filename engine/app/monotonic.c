/* monotonic.c — app_now_s: CLOCK_MONOTONIC as seconds, the one place the app reads it (a wall clock
 * set back or forward during a class never stretches a wait or a drill's pace). */
#include "monotonic.h"

#include <time.h>

double app_now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
