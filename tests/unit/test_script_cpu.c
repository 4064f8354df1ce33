/* test_script_cpu.c — the CPU time one tick of triggers really costs, measured on this thread's clock:
 * hostile work inside single VM instructions stops just after SCN_TICK_CPU_S (under 50 ms); heavy
 * ordinary scripts meet the instruction budget first (asserted without sanitizers; figures printed). */
#include <pthread.h>
#include <signal.h>
#include <time.h>

#include "app/commands.h"
#include "check.h"
#include "script/script.h"
#include "test_script_util.h"

#define HEADER "scenario { id = \"x\", title = \"t\", duration = \"01:00\", world = { population = 1000 } }\n" \
               "platform { id = \"weibo\", name = \"微博\", share = 0.5 }\n"

/* The tick backstop (script/scn_internal.h: SCN_TICK_CPU_S) and how far past it a stopped tick may
 * run: the timer's granularity, one instruction, and leaving the call. */
/* Under AddressSanitizer the backstop is ten times longer (SCN_CPU_SLOWDOWN) and allocation-heavy
 * budgets may meet it first. */
#if defined(__SANITIZE_ADDRESS__)
#define TICK_CPU_S 0.3
#define TICK_SLACK_S 0.1
#define BUDGET_BELOW_BACKSTOP 0
#else
#define TICK_CPU_S 0.03
#define TICK_SLACK_S 0.02
#define BUDGET_BELOW_BACKSTOP 1
#endif

/* Load `body` after the header and return the CPU seconds its first, failing tick took (negative
 * when the script did not load or the tick went through). */
static double first_tick_cpu(const char *name, const char *body, char *error, size_t errlen)
{
    char src[4096];
    snprintf(src, sizeof src, "%s%s", HEADER, body);
    const char *dir = write_scenario(name, src);
    double spent;
    return scn_probe_tick(dir, &spent, error, errlen) == 0 ? spent : -1;
}

/* Every probe of assets/bench/script_ticks.json (the ones `yqdrill bench script` times): work no
 * instruction count sees stops at the CPU backstop, not much after it; ordinary heavy work meets the
 * instruction budget first, in less CPU time than the backstop. */
static void test_probes(void)
{
    app_tick_probe probes[APP_TICK_PROBES];
    int n = 0, clock = 0;
    CHECK(app_probe_script_ticks(tmp_root, probes, APP_TICK_PROBES, &n) == 0);
    CHECK(n >= 20);
    for (int i = 0; i < n; i++) {
        const app_tick_probe *p = &probes[i];
        printf("%-7s %-16s %6.1f ms  %s\n", p->clock ? "clock" : "budget", p->name, p->cpu_s * 1000, p->error);
        CHECK_MSG(p->rc == 0, "%s: the tick should fail: %s", p->name, p->error);
        if (p->clock) {
            clock++;
            CHECK_MSG(strstr(p->error, "CPU time of one simulated time's triggers") != NULL, "%s: %s", p->name, p->error);
            CHECK_MSG(p->cpu_s < TICK_CPU_S + TICK_SLACK_S, "%s: the tick ran %.1f ms of CPU", p->name, p->cpu_s * 1000);
            continue;
        }
        CHECK_MSG(strstr(p->error, "instruction budget exceeded") != NULL, "%s: %s", p->name, p->error);
        if (!BUDGET_BELOW_BACKSTOP)
            continue;
        CHECK_MSG(strstr(p->error, "CPU time") == NULL, "%s: %s", p->name, p->error);
        CHECK_MSG(p->cpu_s < TICK_CPU_S, "%s: a full tick budget took %.1f ms of CPU", p->name, p->cpu_s * 1000);
    }
    CHECK(clock >= 3);
}

static volatile sig_atomic_t foreign_signals;

static void foreign_handler(int sig)
{
    (void)sig;
    foreign_signals++;
}

/* The sandbox's timer signal (a real-time one) and the thread's signal mask are as they were before
 * and after scripts ran, stopped by the timer or not: another handler of that signal keeps working. */
static void test_signal_state_restored(void)
{
    int sig = SIGRTMIN + 3;
    struct sigaction mine, before, after;
    memset(&mine, 0, sizeof mine);
    mine.sa_handler = foreign_handler;
    sigemptyset(&mine.sa_mask);
    CHECK(sigaction(sig, &mine, &before) == 0);
    sigset_t block, mask_before, mask_after;
    sigemptyset(&block);
    sigaddset(&block, sig);
    CHECK(pthread_sigmask(SIG_BLOCK, &block, &mask_before) == 0);
    char error[512];
    CHECK(first_tick_cpu("restore_hostile", "local a, b = (\"x\"):rep(1e7), (\"x\"):rep(1e7 - 1) .. \"x\"\n"
                                            "on_tick(function(w) for i = 1, 1e5 do local same = a == b end end)\n",
                         error, sizeof error) >= 0);
    CHECK_MSG(strstr(error, "CPU time") != NULL, "%s", error);
    CHECK(first_tick_cpu("restore_plain", "on_tick(function(w) error(\"stop\") end)\n", error, sizeof error) >= 0);
    CHECK(pthread_sigmask(SIG_SETMASK, &mask_before, &mask_after) == 0);
    CHECK_MSG(sigismember(&mask_after, sig) == 1, "the thread's mask lost the blocked signal");
    CHECK(sigaction(sig, NULL, &after) == 0);
    CHECK_MSG(after.sa_handler == foreign_handler, "the signal's previous handler was not restored");
    raise(sig);
    CHECK(foreign_signals == 1);
    CHECK(sigaction(sig, &before, NULL) == 0);
}

int main(void)
{
    tmp_begin("script_cpu");
    test_signal_state_restored();
    test_probes();
    tmp_end();
    return CHECK_DONE();
}
