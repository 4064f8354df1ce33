/* test_script_cpu.c — the CPU time one tick of triggers really costs, measured on this thread's clock:
 * hostile work inside single VM instructions stops just after SCN_TICK_CPU_S; heavy ordinary scripts
 * meet the instruction budget first (asserted without sanitizers; every figure is printed). */
#include <pthread.h>
#include <signal.h>
#include <time.h>

#include "check.h"
#include "script/script.h"
#include "sim/world.h"
#include "test_script_util.h"

#define HEADER "scenario { id = \"x\", title = \"t\", duration = \"01:00\", world = { population = 1000 } }\n" \
               "platform { id = \"weibo\", name = \"微博\", share = 0.5 }\n"

/* The tick backstop (script/scn_internal.h: SCN_TICK_CPU_S) and how far past it a stopped tick may
 * run: the timer's granularity, one instruction, and leaving the call. */
#define TICK_CPU_S 0.5
#define TICK_SLACK_S 0.03

/* Under AddressSanitizer allocation-heavy budgets cost more CPU than the backstop allows. */
#if defined(__SANITIZE_ADDRESS__)
#define BUDGET_BELOW_BACKSTOP 0
#else
#define BUDGET_BELOW_BACKSTOP 1
#endif

static double thread_cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Load `body` after the header, run the world to its first failing tick, and return the CPU seconds
 * that tick took (negative when the script did not load or the world did not stop). */
static double first_tick_cpu(const char *name, const char *body, char *error, size_t errlen)
{
    char src[4096];
    snprintf(src, sizeof src, "%s%s", HEADER, body);
    const char *dir = write_scenario(name, src);
    sim_scenario s;
    scn_script *sc = NULL;
    scn_problems p = {0};
    error[0] = '\0';
    if (scn_load(dir, 1, &s, &sc, &p)) {
        dump_problems(&p);
        scn_problems_free(&p);
        return -1;
    }
    sim_hooks hooks;
    scn_hooks(sc, &hooks);
    char err[256] = "";
    double spent = -1;
    sim_world *w = sim_world_new(&s, NULL, 1, &hooks, err, sizeof err);
    if (w) {
        double t0 = thread_cpu();
        int rc = sim_step(w);
        spent = thread_cpu() - t0;
        snprintf(error, errlen, "%s", w->error);
        if (rc == 0)
            spent = -1;
        sim_world_free(w);
    }
    scn_free(sc);
    sim_scenario_free(&s);
    return spent;
}

/* Work no instruction count sees: the tick must stop at the CPU backstop, not much after it. */
static void expect_cpu_stop(const char *name, const char *body)
{
    char error[512];
    double spent = first_tick_cpu(name, body, error, sizeof error);
    printf("hostile %-14s %6.1f ms  %s\n", name, spent * 1000, error);
    CHECK_MSG(spent >= 0, "%s: the tick should fail", name);
    CHECK_MSG(strstr(error, "CPU time of one simulated time's triggers") != NULL, "%s: %s", name, error);
    CHECK_MSG(spent < TICK_CPU_S + TICK_SLACK_S, "%s: the tick ran %.1f ms of CPU", name, spent * 1000);
}

/* Ordinary heavy work: the instruction budget must stop it, in less CPU time than the backstop. */
static void expect_budget_stop(const char *name, const char *body)
{
    char error[512];
    double spent = first_tick_cpu(name, body, error, sizeof error);
    printf("budget  %-14s %6.1f ms  %s\n", name, spent * 1000, error);
    CHECK_MSG(spent >= 0, "%s: the tick should fail", name);
    CHECK_MSG(strstr(error, "instruction budget exceeded") != NULL, "%s: %s", name, error);
    if (!BUDGET_BELOW_BACKSTOP)
        return;
    CHECK_MSG(strstr(error, "CPU time") == NULL, "%s: %s", name, error);
    CHECK_MSG(spent < TICK_CPU_S, "%s: a full tick budget took %.1f ms of CPU", name, spent * 1000);
}

static void test_hostile_ticks(void)
{
    expect_cpu_stop("compare_eq", "local a, b = (\"x\"):rep(1e7), (\"x\"):rep(1e7 - 1) .. \"x\"\n"
                                  "on_tick(function(w) for i = 1, 1e5 do local same = a == b end end)\n");
    expect_cpu_stop("compare_lt", "local a, b = (\"x\"):rep(1e7), (\"x\"):rep(1e7 - 1) .. \"y\"\n"
                                  "on_tick(function(w) for i = 1, 1e5 do local less = a < b end end)\n");
    expect_cpu_stop("index_chain", "local t = {}\nfor i = 1, 1900 do t = setmetatable({}, { __index = t }) end\n"
                                   "on_tick(function(w) for i = 1, 1e6 do local v = t.missing end end)\n");
    expect_cpu_stop("second_trigger", "local a, b = (\"x\"):rep(1e7), (\"x\"):rep(1e7 - 1) .. \"x\"\n"
                                      "on_tick(function(w) for i = 1, 300 do local same = a == b end end)\n"
                                      "on_tick(function(w) for i = 1, 1e5 do local same = a == b end end)\n");
}

static void test_budget_ticks(void)
{
    expect_budget_stop("empty_loop", "on_tick(function(w) while true do end end)\n");
    expect_budget_stop("arithmetic", "on_tick(function(w) local x = 0 for i = 1, 1e9 do x = (x + i * 3) % 7 end end)\n");
    expect_budget_stop("tables", "on_tick(function(w) local t = {} for i = 1, 1e9 do t[i] = { i, i + 1 } end end)\n");
    expect_budget_stop("strings", "on_tick(function(w) local t = {} for i = 1, 1e9 do t[#t + 1] = \"n\" .. i end end)\n");
    expect_budget_stop("format", "on_tick(function(w) for i = 1, 1e9 do local s = string.format(\"%d:%s\", i, \"x\") end end)\n");
    expect_budget_stop("calls", "local function f(a, b) return a + b end\n"
                                "on_tick(function(w) local x = 0 for i = 1, 1e9 do x = f(x, i) end end)\n");
    expect_budget_stop("varargs", "local function f(...) return select(\"#\", ...) end\n"
                                  "on_tick(function(w) for i = 1, 1e9 do f(1, 2, 3, 4, 5, 6, 7, 8) end end)\n");
    expect_budget_stop("patterns", "on_tick(function(w) for i = 1, 1e9 do string.find(\"hello world \" .. i, \"(%w+) (%d+)\") end end)\n");
    expect_budget_stop("world_reads", "on_tick(function(w) local x = 0 for i = 1, 1e9 do x = x + w.trust + w.now end end)\n");
    expect_budget_stop("pairs", "local t = {}\nfor i = 1, 50 do t[\"k\" .. i] = i end\n"
                                "on_tick(function(w) local x = 0 for i = 1, 1e9 do for k, v in pairs(t) do x = x + v end end end)\n");
    expect_budget_stop("sort", "on_tick(function(w) for i = 1, 1e9 do local t = {} for k = 1, 200 do t[k] = (k * 7919) % 211 end "
                               "table.sort(t) end end)\n");
    expect_budget_stop("concat", "on_tick(function(w) local t = {} for k = 1, 100 do t[k] = \"ab\" end "
                                 "for i = 1, 1e9 do local s = table.concat(t, \",\") end end)\n");
    expect_budget_stop("many_triggers", "for k = 1, 1000 do on_tick(function(w) for i = 1, 3000 do end end) end\n");
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
    test_hostile_ticks();
    test_budget_ticks();
    tmp_end();
    return CHECK_DONE();
}
