/* broker.c — the host's own mosquitto: a temporary folder with its config (one listener, no anonymous
 * clients; stations' persistent sessions kept in memory for the broker's life, which is the class's, so
 * nothing is written to disk), the class's password file and an ACL keeping each station to its own topics;
 * the broker dies with its host. */
#include "cls.h"

#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static int write_file(const char *dir, const char *name, const char *text, char *err, int errlen)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    int bad = !f || fputs(text, f) < 0;
    if (f && fclose(f))
        bad = 1;
    if (bad)
        snprintf(err, (size_t)errlen, "cannot write %s", path);
    return bad ? -1 : 0;
}

static int run_wait(char *const argv[], char *err, int errlen)
{
    pid_t pid;
    int status;
    if (posix_spawnp(&pid, argv[0], NULL, NULL, argv, environ) != 0 || waitpid(pid, &status, 0) != pid ||
        !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        snprintf(err, (size_t)errlen, "%s failed (is mosquitto installed?)", argv[0]);
        return -1;
    }
    return 0;
}

/* Start mosquitto -c conf as a child that the kernel stops (SIGTERM) the moment its host dies, however it
 * dies; a host already gone before the request took hold stops it at once. */
static int spawn_broker(const char *conf, pid_t *pid)
{
    pid_t host = getpid();
    pid_t child = fork();
    if (child < 0)
        return -1;
    if (child == 0) {
        if (prctl(PR_SET_PDEATHSIG, SIGTERM) != 0 || getppid() != host)
            _exit(127);
        execlp("mosquitto", "mosquitto", "-c", conf, (char *)NULL);
        _exit(127);
    }
    *pid = child;
    return 0;
}

static int add_user(const char *dir, const char *user, const char *pass, char *err, int errlen)
{
    char path[512];
    snprintf(path, sizeof path, "%s/passwd", dir);
    char *argv[] = {"mosquitto_passwd", "-b", path, (char *)user, (char *)pass, NULL};
    return run_wait(argv, err, errlen);
}

static int write_config(const cls_broker *b, const cls_endpoint *e, char *err, int errlen)
{
    char acl[1024], conf[2048];
    snprintf(acl, sizeof acl,
             "user " CLS_HOST_USER "\ntopic readwrite yq/%s/#\n\n"
             "user " CLS_STATION_USER "\ntopic read yq/%s/ctl/#\n\n"
             "pattern write yq/%s/st/%%c/#\n",
             e->klass, e->klass, e->klass);
    snprintf(conf, sizeof conf,
             "%s"
             "listener %d %s\nallow_anonymous false\npassword_file %s/passwd\nacl_file %s/acl\n"
             "persistence false\npersistent_client_expiration 1d\nmax_queued_messages 10000\n"
             "log_dest file %s/broker.log\nmax_packet_size %d\n",
             geteuid() == 0 ? "user root\n" : "", e->port, e->host, b->dir, b->dir, b->dir, 2 * CLS_MSG_MAX);
    return write_file(b->dir, "acl", acl, err, errlen) || write_file(b->dir, "passwd", "", err, errlen) ||
                   write_file(b->dir, "mosquitto.conf", conf, err, errlen)
               ? -1
               : 0;
}

int cls_broker_start(cls_broker *b, const cls_endpoint *e, char *err, int errlen)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(b->dir, sizeof b->dir, "%s/yqdrill-class.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    b->pid = 0;
    if (!mkdtemp(b->dir)) {
        snprintf(err, (size_t)errlen, "cannot make a folder for the broker: %s", strerror(errno));
        return -1;
    }
    char conf[512];
    snprintf(conf, sizeof conf, "%s/mosquitto.conf", b->dir);
    if (cls_random_word(b->host_pass, CLS_PASS_LEN, err, errlen) || write_config(b, e, err, errlen) ||
        add_user(b->dir, CLS_HOST_USER, b->host_pass, err, errlen) ||
        add_user(b->dir, CLS_STATION_USER, e->pass, err, errlen) ||
        spawn_broker(conf, &b->pid) != 0) {
        if (!*err)
            snprintf(err, (size_t)errlen, "cannot start mosquitto");
        b->pid = 0;
        char scratch[256];
        cls_broker_stop(b, scratch, sizeof scratch);
        return -1;
    }
    return 0;
}

static void remove_dir(const char *dir)
{
    static const char *const files[] = {"acl", "passwd", "mosquitto.conf", "broker.log"};
    char path[512];
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        unlink(path);
    }
    rmdir(dir);
}

int cls_broker_stop(cls_broker *b, char *err, int errlen)
{
    int rc = 0;
    if (b->pid > 0) {
        int status;
        if (kill(b->pid, SIGTERM) != 0 || waitpid(b->pid, &status, 0) != b->pid) {
            snprintf(err, (size_t)errlen, "cannot stop mosquitto (pid %d)", (int)b->pid);
            rc = -1;
        }
        b->pid = 0;
    }
    if (*b->dir)
        remove_dir(b->dir);
    *b->dir = '\0';
    return rc;
}
