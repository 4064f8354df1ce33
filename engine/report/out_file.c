/* out_file.c — report files written safely: into a temporary file beside the target, flushed to disk,
 * then renamed over it, so a failed or killed write never leaves the previous good file damaged. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report_internal.h"

int rfile_open(rfile *o, const char *path, char *err, int errlen)
{
    memset(o, 0, sizeof *o);
    size_t n = strlen(path) + 16;
    o->tmp = malloc(n);
    o->path = path;
    int fd = -1;
    if (o->tmp) {
        snprintf(o->tmp, n, "%s.tmp-XXXXXX", path);
        fd = mkstemp(o->tmp);
    }
    o->f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!o->f) {
        snprintf(err, (size_t)errlen, "cannot write %s: %s", path, o->tmp ? strerror(errno) : "out of memory");
        if (fd >= 0) {
            close(fd);
            unlink(o->tmp);
        }
        free(o->tmp);
        o->tmp = NULL;
        return -1;
    }
    return 0;
}

void rfile_write(rfile *o, const void *data, size_t n)
{
    if (!o->error && fwrite(data, 1, n, o->f) != n)
        o->error = errno ? errno : EIO;
}

void rfile_abandon(rfile *o)
{
    if (o->f) {
        fclose(o->f);
        unlink(o->tmp);
    }
    free(o->tmp);
    memset(o, 0, sizeof *o);
}

int rfile_commit(rfile *o, char *err, int errlen)
{
    if (!o->error && (fflush(o->f) != 0 || fsync(fileno(o->f)) != 0))
        o->error = errno;
    if (fclose(o->f) != 0 && !o->error)
        o->error = errno;
    o->f = NULL;
    if (!o->error && rename(o->tmp, o->path) != 0)
        o->error = errno;
    int rc = 0;
    if (o->error) {
        snprintf(err, (size_t)errlen, "cannot write %s: %s (any previous file is left as it was)", o->path,
                 strerror(o->error));
        unlink(o->tmp);
        rc = -1;
    }
    free(o->tmp);
    memset(o, 0, sizeof *o);
    return rc;
}
