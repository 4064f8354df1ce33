/* cpu_limit.c — the CPU-time backstop of a running script call: a timer on the calling thread's CPU
 * clock whose signal makes Lua's very next instruction run the sandbox hook, which then stops the call. */
#define _GNU_SOURCE
#include "scn_internal.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifndef sigev_notify_thread_id
#define sigev_notify_thread_id _sigev_un._tid
#endif

/* The handler is installed while any script call holds a timer; the one it replaced comes back after
 * the last. Nothing else is kept between calls: each call makes its own timer and deletes it. */
static pthread_mutex_t handler_lock = PTHREAD_MUTEX_INITIALIZER;
static int handler_users;
static struct sigaction handler_saved;

/* A real-time signal (queued, never sent by the kernel on its own) that nothing else here uses. */
static int cpu_signal(void)
{
    return SIGRTMIN + 3;
}

/* Runs on the script's own thread (the timer names it). Only stores a flag and asks for a count
 * hook after every instruction: lua_sethook may be called from a signal handler. */
static void on_expiry(int sig, siginfo_t *si, void *uctx)
{
    (void)sig;
    (void)uctx;
    if (si->si_code != SI_TIMER || !si->si_value.sival_ptr)
        return;
    scn_script *sc = si->si_value.sival_ptr;
    if (!sc->in_call || !sc->L)
        return;
    sc->cpu_expired = 1;
    lua_sethook(sc->L, lua_gethook(sc->L), lua_gethookmask(sc->L) | LUA_MASKCOUNT, 1);
}

static int handler_take(char *msg, size_t msglen)
{
    int rc = 0;
    pthread_mutex_lock(&handler_lock);
    if (handler_users == 0) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_sigaction = on_expiry;
        sa.sa_flags = SA_SIGINFO | SA_RESTART;
        sigemptyset(&sa.sa_mask);
        if (sigaction(cpu_signal(), &sa, &handler_saved)) {
            snprintf(msg, msglen, "cannot install the script CPU-time handler: %s", strerror(errno));
            rc = -1;
        }
    }
    if (rc == 0)
        handler_users++;
    pthread_mutex_unlock(&handler_lock);
    return rc;
}

static int handler_release(void)
{
    int rc = 0;
    pthread_mutex_lock(&handler_lock);
    if (--handler_users == 0)
        rc = sigaction(cpu_signal(), &handler_saved, NULL);
    pthread_mutex_unlock(&handler_lock);
    return rc;
}

double scn_cpu_seconds(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts))
        return 0;
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Undo what scn_cpu_arm did, in reverse: the timer (when made), the thread's signal mask, the handler. */
static int undo(scn_script *sc, int timer_made, int unblocked)
{
    int rc = 0;
    if (timer_made && timer_delete(sc->cpu_timer))
        rc = -1;
    if (unblocked && pthread_sigmask(SIG_SETMASK, &sc->cpu_mask_saved, NULL))
        rc = -1;
    if (handler_release())
        rc = -1;
    return rc;
}

/* Report a failed step of scn_cpu_arm (errno `err`) after undoing the steps before it. */
static int arm_failed(scn_script *sc, int timer_made, int unblocked, const char *step, int err, char *msg,
                      size_t msglen)
{
    int undone = undo(sc, timer_made, unblocked) == 0;
    snprintf(msg, msglen, "cannot %s: %s%s", step, strerror(err),
             undone ? "" : " (and the CPU-time signal set-up could not be undone)");
    return -1;
}

int scn_cpu_arm(scn_script *sc, double seconds, const char *what, char *msg, size_t msglen)
{
    sc->cpu_expired = 0;
    sc->cpu_what = what;
    if (handler_take(msg, msglen))
        return -1;
    /* The signal must reach this thread even when it was started with signals blocked. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, cpu_signal());
    int err = pthread_sigmask(SIG_UNBLOCK, &set, &sc->cpu_mask_saved);
    if (err)
        return arm_failed(sc, 0, 0, "unblock the script CPU-time signal", err, msg, msglen);
    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = SIGEV_THREAD_ID;
    ev.sigev_signo = cpu_signal();
    ev.sigev_value.sival_ptr = sc;
    ev.sigev_notify_thread_id = gettid();
    if (timer_create(CLOCK_THREAD_CPUTIME_ID, &ev, &sc->cpu_timer))
        return arm_failed(sc, 0, 1, "create the script CPU-time timer", errno, msg, msglen);
    if (seconds < 1e-6)
        seconds = 1e-6;
    struct itimerspec its;
    memset(&its, 0, sizeof its);
    its.it_value.tv_sec = (time_t)seconds;
    its.it_value.tv_nsec = (long)((seconds - (double)its.it_value.tv_sec) * 1e9);
    if (timer_settime(sc->cpu_timer, 0, &its, NULL))
        return arm_failed(sc, 1, 1, "start the script CPU-time timer", errno, msg, msglen);
    return 0;
}

int scn_cpu_disarm(scn_script *sc, char *msg, size_t msglen)
{
    if (undo(sc, 1, 1) == 0)
        return 0;
    snprintf(msg, msglen, "cannot remove the script CPU-time timer or restore the signal state before it: %s",
             strerror(errno));
    return -1;
}
